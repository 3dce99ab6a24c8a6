// Negative: referenced pages put.
static void look(unsigned long uaddr, int n, struct page **pages)
{
	int i, got = get_user_pages_fast(uaddr, n, 0, pages);

	for (i = 0; i < got; i++)
		put_page(pages[i]);
}
