// Negative: the correct form, pinned pages written and unpinned dirty.
static int fill_pinned(unsigned long uaddr, int n, const char *src, struct page **pages)
{
	int i, got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);
	void *kaddr;

	for (i = 0; i < got; i++) {
		memcpy_to_page(pages[i], 0, src, PAGE_SIZE);
		kaddr = kmap_local_page(pages[i]);
		memset(kaddr, 0, 16);
		kunmap_local(kaddr);
	}
	if (got > 0)
		unpin_user_pages_dirty_lock(pages, got, true);
	return got;
}
