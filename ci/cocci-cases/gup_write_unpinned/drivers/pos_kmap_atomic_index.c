// Positive: a referenced page, taken into a local, written by index through kmap_atomic().
static void mark(unsigned long uaddr, int n, struct page **pages)
{
	int i, got = get_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	for (i = 0; i < got; i++) {
		struct page *page = pages[i];
		u8 *map = kmap_atomic(page);

		map[0] = 0xff;
		kunmap_atomic(map);
		put_page(page);
	}
}
