// Positive: referenced pages mapped for DMA in a direction the caller passes.
static int map_user(struct device *dev, unsigned long uaddr, int n, struct page **pages,
		    enum dma_data_direction dir, dma_addr_t *addr)
{
	int i, got = get_user_pages_fast(uaddr, n, dir == DMA_FROM_DEVICE, pages);

	for (i = 0; i < got; i++)
		addr[i] = dma_map_page(dev, pages[i], 0, PAGE_SIZE, dir);
	return got;
}
