// Negative: the correct form for DMA, pinned pages in a scatterlist mapped from the device.
static int rx_pinned(struct device *dev, unsigned long uaddr, int n, struct page **pages,
		     struct sg_table *sgt)
{
	int got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	if (got <= 0)
		return -EFAULT;
	if (sg_alloc_table_from_pages(sgt, pages, got, 0, got * PAGE_SIZE, GFP_KERNEL))
		return -ENOMEM;
	return dma_map_sgtable(dev, sgt, DMA_FROM_DEVICE, 0);
}
