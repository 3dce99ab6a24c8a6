// Positive: another page is locked around the dirtying.
static void other_lock(unsigned long uaddr, struct page **pages, struct page *meta)
{
	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, pages) != 1)
		return;
	lock_page(meta);
	set_page_dirty(pages[0]);
	unlock_page(meta);
	put_page(pages[0]);
}
