struct drv {
	struct mutex lock;
	struct mmu_notifier mn;
};

static int drv_invalidate_range_start(struct mmu_notifier *mn,
				      const struct mmu_notifier_range *range)
{
	struct drv *d = container_of(mn, struct drv, mn);

	if (!mmu_notifier_range_blockable(range))
		return -EAGAIN;
	mutex_lock(&d->lock);
	drv_unmap(d, range->start, range->end);
	mutex_unlock(&d->lock);
	return 0;
}

static const struct mmu_notifier_ops drv_mn_ops = {
	.invalidate_range_start = drv_invalidate_range_start,
};
