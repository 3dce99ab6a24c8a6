// Negative: referenced pages only read, with memcpy_from_page() and through kmap.
static void peek(unsigned long uaddr, int n, char *dst, struct page **pages)
{
	int i, got = get_user_pages_fast(uaddr, n, 0, pages);
	void *kaddr;

	for (i = 0; i < got; i++) {
		memcpy_from_page(dst, pages[i], 0, 64);
		kaddr = kmap_local_page(pages[i]);
		memcpy(dst + 64, kaddr, 64);
		kunmap_local(kaddr);
		put_page(pages[i]);
	}
}
