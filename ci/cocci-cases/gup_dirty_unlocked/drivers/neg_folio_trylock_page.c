// Negative: set_page_dirty() under folio_trylock() of page_folio(page).
static void try_folio(unsigned long uaddr, struct page **pages)
{
	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, pages) != 1)
		return;
	if (folio_trylock(page_folio(pages[0]))) {
		set_page_dirty(pages[0]);
		folio_unlock(page_folio(pages[0]));
	}
	put_page(pages[0]);
}
