// Negative: the array's slot holds a page found locked in the page cache by the time it is dirtied.
static void refind(unsigned long uaddr, struct page **pages, struct address_space *mapping)
{
	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, pages) != 1)
		return;
	put_page(pages[0]);
	pages[0] = find_lock_page(mapping, 0);
	if (!pages[0])
		return;
	set_page_dirty(pages[0]);
	unlock_page(pages[0]);
	put_page(pages[0]);
}
