// Negative: a page cache page found by index, not by get_user_pages(), with its lock.
static void cache_page(struct address_space *mapping, pgoff_t index)
{
	struct page *page = find_lock_page(mapping, index);

	if (!page)
		return;
	set_page_dirty(page);
	unlock_page(page);
	put_page(page);
}
