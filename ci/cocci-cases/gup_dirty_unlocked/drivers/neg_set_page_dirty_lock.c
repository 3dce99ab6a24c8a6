// Negative: the correct form for referenced pages, set_page_dirty_lock().
static void done_locked(unsigned long uaddr, int n, struct page **pages)
{
	int i, got = get_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	for (i = 0; i < got; i++) {
		set_page_dirty_lock(pages[i]);
		put_page(pages[i]);
	}
}
