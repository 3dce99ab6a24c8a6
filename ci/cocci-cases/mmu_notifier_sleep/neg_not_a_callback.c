struct drv {
	struct mutex lock;
	struct mmu_interval_notifier notifier;
};

static bool drv_invalidate(struct mmu_interval_notifier *mni,
			   const struct mmu_notifier_range *range,
			   unsigned long cur_seq)
{
	return true;
}

/* Sleeps, but is no callback: called with the mapping's lock free. */
static void drv_teardown(struct drv *d)
{
	mutex_lock(&d->lock);
	mmu_interval_notifier_remove(&d->notifier);
	mutex_unlock(&d->lock);
}

static const struct mmu_interval_notifier_ops drv_ops = {
	.invalidate = drv_invalidate,
};
