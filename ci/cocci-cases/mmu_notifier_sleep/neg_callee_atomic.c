struct drv {
	spinlock_t lock;
	struct work_struct release;
	struct mmu_interval_notifier notifier;
	void *kaddr;
};

static void drv_release_work(struct work_struct *work)
{
	struct drv *d = container_of(work, struct drv, release);

	mutex_lock(&drv_global_lock);
	vunmap(d->kaddr);
	mutex_unlock(&drv_global_lock);
}

static void drv_mark_stale(struct drv *d, unsigned long cur_seq)
{
	spin_lock(&d->lock);
	mmu_interval_set_seq(&d->notifier, cur_seq);
	spin_unlock(&d->lock);
}

static bool drv_invalidate(struct mmu_interval_notifier *mni,
			   const struct mmu_notifier_range *range,
			   unsigned long cur_seq)
{
	struct drv *d = container_of(mni, struct drv, notifier);

	drv_mark_stale(d, cur_seq);
	queue_work(system_wq, &d->release);
	return true;
}

static const struct mmu_interval_notifier_ops drv_ops = {
	.invalidate = drv_invalidate,
};
