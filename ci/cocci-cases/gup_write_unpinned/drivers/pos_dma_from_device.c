// Positive: referenced pages mapped for DMA from the device.
static int rx(struct device *dev, unsigned long uaddr, int n, struct page **pages, dma_addr_t *addr)
{
	int i, got = get_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	for (i = 0; i < got; i++)
		addr[i] = dma_map_page(dev, pages[i], 0, PAGE_SIZE, DMA_FROM_DEVICE);
	return got;
}
