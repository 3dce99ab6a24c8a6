// Positive: the page is locked on one path to set_page_dirty() only.
static void some_paths(unsigned long uaddr, struct page **pages, bool locked)
{
	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, pages) != 1)
		return;
	if (!locked)
		lock_page(pages[0]);
	set_page_dirty(pages[0]);
	if (!locked)
		unlock_page(pages[0]);
	put_page(pages[0]);
}
