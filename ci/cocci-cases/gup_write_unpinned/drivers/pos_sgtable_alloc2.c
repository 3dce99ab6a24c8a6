// Positive: pages from iov_iter_get_pages_alloc2() in an sg_table mapped DMA_BIDIRECTIONAL.
static int rx_table(struct device *dev, struct iov_iter *iter, struct sg_table *sgt)
{
	struct page **pages;
	size_t off;
	ssize_t bytes = iov_iter_get_pages_alloc2(iter, &pages, SZ_1M, &off);
	int n = DIV_ROUND_UP(bytes + off, PAGE_SIZE);

	if (bytes <= 0)
		return -EFAULT;
	if (sg_alloc_table_from_pages(sgt, pages, n, off, bytes, GFP_KERNEL))
		return -ENOMEM;
	return dma_map_sgtable(dev, sgt, DMA_BIDIRECTIONAL, 0);
}
