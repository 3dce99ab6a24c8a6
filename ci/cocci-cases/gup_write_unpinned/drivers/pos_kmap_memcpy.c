// Positive: a referenced page written with memcpy() through kmap_local_page().
static void store(unsigned long uaddr, const void *src, size_t len)
{
	struct page *page;
	void *kaddr;

	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return;
	kaddr = kmap_local_page(page);
	memcpy(kaddr + offset_in_page(uaddr), src, len);
	kunmap_local(kaddr);
	put_page(page);
}
