// Negative: the page is written (a kernel page) before get_user_pages() takes the array.
static void before(unsigned long uaddr, struct page **pages, const char *src)
{
	memcpy_to_page(pages[0], 0, src, PAGE_SIZE);
	if (get_user_pages_fast(uaddr, 1, 0, pages) == 1)
		put_page(pages[0]);
}
