struct drv {
	struct mutex lock;
	struct mmu_interval_notifier notifier;
};

static void drv_unmap(struct drv *d)
{
	mutex_lock(&d->lock);
	mutex_unlock(&d->lock);
}

/* Sleeps, but is no callback and no callback's callee either. */
static void drv_teardown(struct drv *d)
{
	drv_unmap(d);
	mmu_interval_notifier_remove(&d->notifier);
}

static bool drv_invalidate(struct mmu_interval_notifier *mni,
			   const struct mmu_notifier_range *range,
			   unsigned long cur_seq)
{
	struct drv *d = container_of(mni, struct drv, notifier);

	if (!mmu_notifier_range_blockable(range))
		return false;
	mmu_interval_set_seq(mni, cur_seq);
	drv_unmap(d);
	return true;
}

static const struct mmu_interval_notifier_ops drv_ops = {
	.invalidate = drv_invalidate,
};
