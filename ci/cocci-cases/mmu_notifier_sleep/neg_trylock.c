struct drv {
	struct mutex lock;
	struct mmu_interval_notifier notifier;
};

static bool drv_invalidate(struct mmu_interval_notifier *mni,
			   const struct mmu_notifier_range *range,
			   unsigned long cur_seq)
{
	struct drv *d = container_of(mni, struct drv, notifier);

	if (mmu_notifier_range_blockable(range))
		mutex_lock(&d->lock);
	else if (!mutex_trylock(&d->lock))
		return false;
	mmu_interval_set_seq(mni, cur_seq);
	mutex_unlock(&d->lock);
	return true;
}

static const struct mmu_interval_notifier_ops drv_ops = {
	.invalidate = drv_invalidate,
};
