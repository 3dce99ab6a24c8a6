// Negative: folio_lock(page_folio()) held around folio_mark_dirty(page_folio()).
static void folio_of_page(unsigned long uaddr, struct page **pages)
{
	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, pages) != 1)
		return;
	folio_lock(page_folio(pages[0]));
	folio_mark_dirty(page_folio(pages[0]));
	folio_unlock(page_folio(pages[0]));
	unpin_user_page(pages[0]);
}
