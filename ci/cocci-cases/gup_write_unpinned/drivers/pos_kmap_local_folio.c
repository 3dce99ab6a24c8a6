// Positive: a referenced page written through kmap_local_folio() of its folio.
static void fill_folio(unsigned long uaddr, struct page **pages, const void *src)
{
	void *kaddr;

	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, pages) != 1)
		return;
	kaddr = kmap_local_folio(page_folio(pages[0]), 0);
	memcpy(kaddr, src, 64);
	kunmap_local(kaddr);
	put_page(pages[0]);
}
