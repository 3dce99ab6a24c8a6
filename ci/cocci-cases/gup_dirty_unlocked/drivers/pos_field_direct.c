// Positive: the structure's array given to GUP itself, and its pages
// dirtied without the lock in another function.
struct dma_buf_user {
	struct page **page_list;
	int n;
};

static int dbu_get(struct dma_buf_user *d, unsigned long uaddr)
{
	return get_user_pages_fast(uaddr, d->n, FOLL_WRITE, d->page_list);
}

static void dbu_put(struct dma_buf_user *d)
{
	int i;

	for (i = 0; i < d->n; i++) {
		set_page_dirty(d->page_list[i]);
		put_page(d->page_list[i]);
	}
}
