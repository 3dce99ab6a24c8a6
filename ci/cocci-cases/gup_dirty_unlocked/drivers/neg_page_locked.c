// Negative: the page locked around set_page_dirty().
static void under_lock(unsigned long uaddr, int n, struct page **pages)
{
	int i, got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	for (i = 0; i < got; i++) {
		lock_page(pages[i]);
		set_page_dirty(pages[i]);
		unlock_page(pages[i]);
	}
	if (got > 0)
		unpin_user_pages(pages, got);
}
