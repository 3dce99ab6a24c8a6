struct drv {
	struct mutex lock;
	struct mmu_notifier mn;
	unsigned long busy;
};

static void drv_invalidate_range_end(struct mmu_notifier *mn,
				     const struct mmu_notifier_range *range)
{
	struct drv *d = container_of(mn, struct drv, mn);

	mutex_lock(&d->lock);
	d->busy--;
	mutex_unlock(&d->lock);
}

static const struct mmu_notifier_ops drv_mn_ops = {
	.invalidate_range_end = drv_invalidate_range_end,
};
