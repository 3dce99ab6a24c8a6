// Positive: referenced pages in an sg_table whose list is mapped with dma_map_sg() in both directions.
static int rx_sgl(struct device *dev, unsigned long uaddr, int n, struct page **pages,
		  struct sg_table *sgt)
{
	if (get_user_pages_fast(uaddr, n, FOLL_WRITE, pages) != n)
		return -EFAULT;
	if (sg_alloc_table_from_pages(sgt, pages, n, 0, n * PAGE_SIZE, GFP_KERNEL))
		return -ENOMEM;
	return dma_map_sg(dev, sgt->sgl, sgt->orig_nents, DMA_BIDIRECTIONAL);
}
