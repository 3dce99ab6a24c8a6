struct drv {
	struct mutex lock;
	struct mmu_interval_notifier notifier;
};

static void drv_unmap(struct drv *d)
{
	might_sleep();
	mutex_lock(&d->lock);
	mutex_unlock(&d->lock);
}

static bool drv_invalidate(struct mmu_interval_notifier *mni,
			   const struct mmu_notifier_range *range,
			   unsigned long cur_seq)
{
	struct drv *d = container_of(mni, struct drv, notifier);

	mmu_interval_set_seq(mni, cur_seq);
	drv_unmap(d);
	return true;
}

static const struct mmu_interval_notifier_ops drv_ops = {
	.invalidate = drv_invalidate,
};
