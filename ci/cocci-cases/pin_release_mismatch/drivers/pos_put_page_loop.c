// Positive: pinned pages released with put_page(): the pins leak.
static int fill(unsigned long uaddr, int n, struct page **pages)
{
	int i, got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	for (i = 0; i < got; i++)
		put_page(pages[i]);
	return got;
}
