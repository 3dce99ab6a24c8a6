struct drv {
	spinlock_t lock;
	struct work_struct release;
	struct mmu_interval_notifier notifier;
};

static bool drv_invalidate(struct mmu_interval_notifier *mni,
			   const struct mmu_notifier_range *range,
			   unsigned long cur_seq)
{
	struct drv *d = container_of(mni, struct drv, notifier);
	void *buf = kzalloc(64, GFP_ATOMIC);

	spin_lock(&d->lock);
	mmu_interval_set_seq(mni, cur_seq);
	spin_unlock(&d->lock);
	kfree(buf);
	queue_work(system_wq, &d->release);
	return true;
}

static const struct mmu_interval_notifier_ops drv_ops = {
	.invalidate = drv_invalidate,
};
