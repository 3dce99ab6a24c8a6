// Positive: pages pinned into an array kept in a structure, dirtied
// without the lock by the function that releases them (vchiq's shape).
struct xfer {
	struct page **pages;
	unsigned int npages;
};

static int xfer_start(struct xfer *x, unsigned long uaddr, struct page **pages)
{
	x->pages = pages;
	return pin_user_pages_fast(uaddr, x->npages, FOLL_WRITE, pages);
}

static void xfer_done(struct xfer *x)
{
	struct page **pages = x->pages;
	unsigned int i;

	for (i = 0; i < x->npages; i++)
		set_page_dirty(pages[i]);
	unpin_user_pages(pages, x->npages);
}
