struct drv {
	struct mmu_notifier mn;
};

static int drv_invalidate_range_start(struct mmu_notifier *mn,
				      const struct mmu_notifier_range *range)
{
	void *buf = kzalloc(64, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	kfree(buf);
	return 0;
}

static const struct mmu_notifier_ops drv_mn_ops = {
	.release = drv_release,
	.invalidate_range_start = drv_invalidate_range_start,
	.invalidate_range_end = drv_invalidate_range_end,
};
