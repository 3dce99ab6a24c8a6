// Positive: a page from iov_iter_get_pages2() marked dirty unlocked.
static void got_iter(struct iov_iter *iter)
{
	struct page *page;
	size_t off;

	if (iov_iter_get_pages2(iter, &page, PAGE_SIZE, 1, &off) <= 0)
		return;
	set_page_dirty(page);
	put_page(page);
}
