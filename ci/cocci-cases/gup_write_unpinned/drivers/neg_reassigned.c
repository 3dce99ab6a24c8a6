// Negative: the array is another one by the time pages are written.
static void other_array(unsigned long uaddr, struct page **pages, struct page **bounce)
{
	int got = get_user_pages_fast(uaddr, 1, 0, pages);

	if (got == 1)
		put_page(pages[0]);
	pages = bounce;
	memzero_page(pages[0], 0, PAGE_SIZE);
}
