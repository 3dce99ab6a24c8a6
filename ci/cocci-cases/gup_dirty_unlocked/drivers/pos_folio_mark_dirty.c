// Positive: a pinned page's folio marked dirty with folio_mark_dirty(page_folio()).
static void rx_first(unsigned long uaddr, struct page **pages)
{
	if (pin_user_pages_unlocked(uaddr, 1, pages, FOLL_WRITE) != 1)
		return;
	folio_mark_dirty(page_folio(pages[0]));
	unpin_user_page(pages[0]);
}
