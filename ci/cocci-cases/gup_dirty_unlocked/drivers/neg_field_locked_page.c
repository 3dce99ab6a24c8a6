// Negative: pages kept in a structure, dirtied under the page lock.
struct xfer_lk {
	struct page **pages;
	unsigned int npages;
};

static int xfer_lk_start(struct xfer_lk *x, unsigned long uaddr,
			 struct page **pages)
{
	int got = pin_user_pages_fast(uaddr, x->npages, FOLL_WRITE, pages);

	x->pages = pages;
	return got;
}

static void xfer_lk_done(struct xfer_lk *x)
{
	struct page **pages = x->pages;
	unsigned int i;

	for (i = 0; i < x->npages; i++) {
		lock_page(pages[i]);
		set_page_dirty(pages[i]);
		unlock_page(pages[i]);
	}
	unpin_user_pages(pages, x->npages);
}
