// Positive: referenced pages put in a scatterlist mapped for DMA from the device.
static int rx_sg(struct device *dev, unsigned long uaddr, int n, struct page **pages,
		 struct scatterlist *sgl)
{
	int i, got = get_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	sg_init_table(sgl, got);
	for (i = 0; i < got; i++)
		sg_set_page(&sgl[i], pages[i], PAGE_SIZE, 0);
	return dma_map_sg(dev, sgl, got, DMA_FROM_DEVICE);
}
