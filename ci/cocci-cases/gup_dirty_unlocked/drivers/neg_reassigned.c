// Negative: the array is another one by the time its pages are marked dirty.
static void other(unsigned long uaddr, struct page **pages, struct page **cache)
{
	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, pages) == 1)
		set_page_dirty_lock(pages[0]);
	pages = cache;
	set_page_dirty(pages[0]);
}
