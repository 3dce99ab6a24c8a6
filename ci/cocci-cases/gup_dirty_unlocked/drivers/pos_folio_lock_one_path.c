// Positive: the folio, kept in a local, is locked on one path to folio_mark_dirty() only.
static void some_folio_paths(unsigned long uaddr, bool locked)
{
	struct page *page;
	struct folio *folio;

	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return;
	folio = page_folio(page);
	if (!locked)
		folio_lock(folio);
	folio_mark_dirty(folio);
	if (!locked)
		folio_unlock(folio);
	unpin_user_page(page);
}
