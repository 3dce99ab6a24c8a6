// Positive: a referenced page written through a copy of its mapping's pointer.
static void fill_alias(unsigned long uaddr, struct page **pages, const void *src)
{
	void *kaddr;
	u8 *p;

	if (get_user_pages(uaddr, 1, FOLL_WRITE, pages) != 1)
		return;
	kaddr = kmap_local_page(pages[0]);
	p = kaddr;
	memcpy(p + 8, src, 8);
	kunmap_local(kaddr);
	put_page(pages[0]);
}
