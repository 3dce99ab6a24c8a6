// Positive: the folio of a local page = pages[i], kept in a local, marked dirty unlocked.
static void each_folio(unsigned long uaddr, int n, struct page **pages)
{
	int i, got = get_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	for (i = 0; i < got; i++) {
		struct page *page = pages[i];
		struct folio *folio = page_folio(page);

		folio_mark_dirty(folio);
		folio_put(folio);
	}
}
