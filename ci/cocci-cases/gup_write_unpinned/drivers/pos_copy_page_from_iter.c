// Positive: a referenced page filled from an iov_iter, the page taken into a local.
static size_t fill_iter(unsigned long uaddr, struct page **pages, struct iov_iter *from)
{
	struct page *page;
	size_t copied;

	if (get_user_pages(uaddr, 1, FOLL_WRITE, pages) != 1)
		return 0;
	page = pages[0];
	copied = copy_page_from_iter(page, 0, PAGE_SIZE, from);
	folio_put(page_folio(page));
	return copied;
}
