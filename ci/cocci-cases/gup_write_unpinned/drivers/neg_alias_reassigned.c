// Negative: the local page is another page by the time it is written.
static void alias_other(unsigned long uaddr, struct page **pages, struct page *spare)
{
	struct page *page;

	if (get_user_pages(uaddr, 1, 0, pages) != 1)
		return;
	page = pages[0];
	put_page(page);
	page = spare;
	zero_user(page, 0, PAGE_SIZE);
}
