// Negative: the page is put and another one, returned locked, taken into the same pointer.
static void retake(unsigned long uaddr, struct address_space *mapping, pgoff_t index)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return;
	put_page(page);
	if (lookup_locked_page(mapping, index, &page))
		return;
	set_page_dirty(page);
	unlock_page(page);
	put_page(page);
}
