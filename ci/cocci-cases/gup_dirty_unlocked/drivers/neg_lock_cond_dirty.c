// Negative: the page and the folio locked on every path, the dirtying itself conditional.
static void cond_dirty(unsigned long uaddr, int n, struct page **pages, bool dirty)
{
	int i, got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);
	struct folio *folio;

	for (i = 0; i < got; i++) {
		lock_page(pages[i]);
		if (dirty)
			set_page_dirty(pages[i]);
		unlock_page(pages[i]);
	}
	if (got > 0) {
		folio = page_folio(pages[0]);
		folio_lock(folio);
		if (dirty)
			folio_mark_dirty(folio);
		folio_unlock(folio);
		unpin_user_pages(pages, got);
	}
}
