// Negative: pages kept in a structure, released with the correct form.
struct xfer_ok {
	struct page **pages;
	unsigned int npages;
};

static int xfer_ok_start(struct xfer_ok *x, unsigned long uaddr)
{
	return pin_user_pages_fast(uaddr, x->npages, FOLL_WRITE, x->pages);
}

static void xfer_ok_done(struct xfer_ok *x)
{
	unsigned int i;

	for (i = 0; i < x->npages; i++)
		set_page_dirty_lock(x->pages[i]);
	unpin_user_pages(x->pages, x->npages);
}
