// Negative: the correct folio form, folio_mark_dirty_lock().
static void one_locked(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_unlocked(uaddr, 1, &page, FOLL_WRITE) != 1)
		return;
	folio_mark_dirty_lock(page_folio(page));
	put_page(page);
}
