// Positive: a pinned page's folio put with folio_put().
static void first(unsigned long uaddr, struct page **pages)
{
	if (pin_user_pages_unlocked(uaddr, 1, pages, 0) == 1)
		folio_put(page_folio(pages[0]));
}
