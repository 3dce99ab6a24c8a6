// Negative: set_page_dirty() only when trylock_page() took the lock.
static void try_dirty(unsigned long uaddr, int n, struct page **pages)
{
	int i, got = get_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	for (i = 0; i < got; i++) {
		struct page *page = pages[i];

		if (!trylock_page(page))
			continue;
		set_page_dirty(page);
		unlock_page(page);
	}
}
