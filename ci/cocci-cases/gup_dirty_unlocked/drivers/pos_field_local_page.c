// Positive: pages kept in a structure, each taken into a local page by
// the release loop and dirtied without the lock.
struct rx_buf {
	struct page **pages;
	int n;
};

static int rx_buf_pin(struct rx_buf *b, unsigned long uaddr)
{
	return pin_user_pages_fast(uaddr, b->n, FOLL_WRITE, b->pages);
}

static void rx_buf_done(struct rx_buf *b)
{
	int i;

	for (i = 0; i < b->n; i++) {
		struct page *page = b->pages[i];

		set_page_dirty(page);
		unpin_user_page(page);
	}
}
