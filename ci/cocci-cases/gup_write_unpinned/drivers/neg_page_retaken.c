// Negative: the page is put and taken again, pinned, into the same pointer before it is written.
static void retake(unsigned long uaddr, const char *src)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return;
	put_page(page);
	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return;
	memcpy_to_page(page, 0, src, 16);
	unpin_user_pages_dirty_lock(&page, 1, true);
}
