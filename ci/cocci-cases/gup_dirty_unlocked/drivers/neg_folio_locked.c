// Negative: the folio, kept in a local, locked around the dirtying of the page and of the folio.
static int under_folio_lock(unsigned long uaddr)
{
	struct page *page;
	struct folio *folio;

	if (get_user_pages(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	folio = page_folio(page);
	if (folio_lock_killable(folio)) {
		folio_put(folio);
		return -EINTR;
	}
	set_page_dirty(page);
	folio_mark_dirty(folio);
	folio_unlock(folio);
	folio_put(folio);
	return 0;
}
