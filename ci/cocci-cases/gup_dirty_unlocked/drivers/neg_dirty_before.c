// Negative: the page is marked dirty before get_user_pages() takes it.
static void before(unsigned long uaddr, struct page *page)
{
	set_page_dirty(page);
	if (get_user_pages_fast(uaddr, 1, 0, &page) == 1)
		put_page(page);
}
