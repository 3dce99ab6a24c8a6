// Negative: the array is another one by the time its pages are put.
static void swap_arrays(unsigned long uaddr, struct page **pages, struct page **other)
{
	int got = pin_user_pages_fast(uaddr, 1, 0, pages);

	if (got == 1)
		unpin_user_page(pages[0]);
	pages = other;
	put_page(pages[0]);
}
