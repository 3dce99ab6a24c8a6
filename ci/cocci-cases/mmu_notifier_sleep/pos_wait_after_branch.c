struct drv {
	struct rw_semaphore sem;
	struct completion done;
	struct mmu_interval_notifier notifier;
};

static bool drv_invalidate(struct mmu_interval_notifier *mni,
			   const struct mmu_notifier_range *range,
			   unsigned long cur_seq)
{
	struct drv *d = container_of(mni, struct drv, notifier);

	if (range->event == MMU_NOTIFY_RELEASE)
		return true;
	down_write(&d->sem);
	mmu_interval_set_seq(mni, cur_seq);
	up_write(&d->sem);
	wait_for_completion(&d->done);
	return true;
}

static const struct mmu_interval_notifier_ops drv_ops = {
	.invalidate = drv_invalidate,
};
