/* A reduced case of the reverted 2019 vhost RFC: a mutex in a helper. */
struct drv {
	struct mutex lock;
	struct mmu_notifier mn;
	void *kaddr;
};

static void drv_unmap(struct drv *d, unsigned long start, unsigned long end)
{
	mutex_lock(&d->lock);
	d->kaddr = NULL;
	mutex_unlock(&d->lock);
}

static void drv_invalidate_tlbs(struct mmu_notifier *mn, struct mm_struct *mm,
				unsigned long start, unsigned long end)
{
	struct drv *d = container_of(mn, struct drv, mn);

	drv_unmap(d, start, end);
}

static const struct mmu_notifier_ops drv_mn_ops = {
	.arch_invalidate_secondary_tlbs = drv_invalidate_tlbs,
};
