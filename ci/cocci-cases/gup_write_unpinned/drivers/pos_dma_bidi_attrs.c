// Positive: a page from iov_iter_get_pages2() mapped DMA_BIDIRECTIONAL with dma_map_page_attrs().
static dma_addr_t map_one(struct device *dev, struct iov_iter *iter)
{
	struct page *page;
	size_t off;

	if (iov_iter_get_pages2(iter, &page, PAGE_SIZE, 1, &off) <= 0)
		return DMA_MAPPING_ERROR;
	return dma_map_page_attrs(dev, page, off, PAGE_SIZE, DMA_BIDIRECTIONAL, 0);
}
