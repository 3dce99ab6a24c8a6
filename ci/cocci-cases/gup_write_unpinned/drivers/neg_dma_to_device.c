// Negative: referenced pages mapped for DMA to the device only, directly and by scatterlist.
static int tx(struct device *dev, unsigned long uaddr, int n, struct page **pages,
	      struct scatterlist *sgl, dma_addr_t *addr)
{
	int i, got = get_user_pages_fast(uaddr, n, 0, pages);

	for (i = 0; i < got; i++) {
		addr[i] = dma_map_page(dev, pages[i], 0, PAGE_SIZE, DMA_TO_DEVICE);
		sg_set_page(&sgl[i], pages[i], PAGE_SIZE, 0);
	}
	return dma_map_sg(dev, sgl, got, DMA_TO_DEVICE);
}
