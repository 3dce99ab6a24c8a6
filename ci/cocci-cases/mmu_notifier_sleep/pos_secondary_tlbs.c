struct drv {
	struct mutex lock;
	struct mmu_notifier mn;
};

static void drv_invalidate_tlbs(struct mmu_notifier *mn, struct mm_struct *mm,
				unsigned long start, unsigned long end)
{
	struct drv *d = container_of(mn, struct drv, mn);

	mutex_lock(&d->lock);
	drv_flush(d, start, end);
	mutex_unlock(&d->lock);
}

static const struct mmu_notifier_ops drv_mn_ops = {
	.arch_invalidate_secondary_tlbs = drv_invalidate_tlbs,
};
