// Positive: a referenced page's folio zeroed with folio_zero_range().
static void wipe(unsigned long uaddr, struct page **pages)
{
	if (get_user_pages_unlocked(uaddr, 1, pages, FOLL_WRITE) != 1)
		return;
	folio_zero_range(page_folio(pages[0]), 0, PAGE_SIZE);
	folio_put(page_folio(pages[0]));
}
