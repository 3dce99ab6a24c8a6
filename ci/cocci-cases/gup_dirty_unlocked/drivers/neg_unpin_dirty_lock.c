// Negative: the correct form for pinned pages, unpin_user_pages_dirty_lock().
static void rx_done_locked(unsigned long uaddr, int n, struct page **pages)
{
	int got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	if (got > 0)
		unpin_user_pages_dirty_lock(pages, got, true);
}
