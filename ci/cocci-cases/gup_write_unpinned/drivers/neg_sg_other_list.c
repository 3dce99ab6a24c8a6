// Negative: referenced pages in a scatterlist mapped to the device; another list mapped from it.
static int xfer(struct device *dev, unsigned long uaddr, int n, struct page **pages,
		struct scatterlist *txsg, struct scatterlist *rxsg)
{
	int i, got = get_user_pages_fast(uaddr, n, 0, pages);

	for (i = 0; i < got; i++)
		sg_set_page(&txsg[i], pages[i], PAGE_SIZE, 0);
	if (!dma_map_sg(dev, txsg, got, DMA_TO_DEVICE))
		return -EIO;
	return dma_map_sg(dev, rxsg, 1, DMA_FROM_DEVICE);
}
