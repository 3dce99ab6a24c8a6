// Positive: referenced pages marked dirty with set_page_dirty(), unlocked, then put.
static void done(unsigned long uaddr, int n, struct page **pages)
{
	int i, got = get_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	for (i = 0; i < got; i++) {
		set_page_dirty(pages[i]);
		put_page(pages[i]);
	}
}
