// Positive: referenced pages filled with memcpy_to_page(), then put.
static int fill(unsigned long uaddr, int n, const char *src, struct page **pages)
{
	int i, got = get_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	for (i = 0; i < got; i++) {
		memcpy_to_page(pages[i], 0, src + i * PAGE_SIZE, PAGE_SIZE);
		put_page(pages[i]);
	}
	return got;
}
