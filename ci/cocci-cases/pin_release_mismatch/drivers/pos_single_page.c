// Positive: one pinned page, through its pointer, released with put_page().
static int peek(unsigned long uaddr, char *out)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	*out = *(char *)page_address(page);
	put_page(page);
	return 0;
}
