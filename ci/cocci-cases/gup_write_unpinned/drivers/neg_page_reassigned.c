// Negative: the page pointer is a kernel page by the time it is written.
static int bounce(unsigned long uaddr, const void *src)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	put_page(page);
	page = alloc_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	memcpy_to_page(page, 0, src, PAGE_SIZE);
	__free_page(page);
	return 0;
}
