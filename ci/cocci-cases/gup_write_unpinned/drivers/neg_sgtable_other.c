// Negative: referenced pages in an sg_table mapped to the device; another table mapped from it.
static int cmd(struct device *dev, unsigned long uaddr, int n, struct page **pages,
	       struct sg_table *req, struct sg_table *resp)
{
	if (get_user_pages_fast(uaddr, n, 0, pages) != n)
		return -EFAULT;
	if (sg_alloc_table_from_pages(req, pages, n, 0, n * PAGE_SIZE, GFP_KERNEL))
		return -ENOMEM;
	if (dma_map_sgtable(dev, req, DMA_TO_DEVICE, 0))
		return -EIO;
	return dma_map_sg(dev, resp->sgl, resp->orig_nents, DMA_FROM_DEVICE);
}
