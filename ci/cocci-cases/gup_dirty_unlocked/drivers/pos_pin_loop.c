// Positive: pinned pages marked dirty with set_page_dirty() before unpin_user_pages().
static void rx_done(unsigned long uaddr, int n, struct page **pages)
{
	int i, got = pin_user_pages_fast(uaddr, n, FOLL_WRITE | FOLL_LONGTERM, pages);

	if (got <= 0)
		return;
	for (i = 0; i < got; i++)
		set_page_dirty(pages[i]);
	unpin_user_pages(pages, got);
}
