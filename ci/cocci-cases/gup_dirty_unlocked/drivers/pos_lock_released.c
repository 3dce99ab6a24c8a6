// Positive: the page lock is released again before set_page_dirty().
static void late(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages(uaddr, 1, FOLL_WRITE, &page) != 1)
		return;
	lock_page(page);
	flush_dcache_page(page);
	unlock_page(page);
	set_page_dirty(page);
	unpin_user_page(page);
}
