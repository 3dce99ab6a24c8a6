// Positive: one referenced page in a one-entry scatterlist mapped for DMA from the device.
static int rx_one(struct device *dev, unsigned long uaddr, struct scatterlist *sg)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	sg_init_table(sg, 1);
	sg_set_page(sg, page, PAGE_SIZE, 0);
	return dma_map_sg(dev, sg, 1, DMA_FROM_DEVICE);
}
