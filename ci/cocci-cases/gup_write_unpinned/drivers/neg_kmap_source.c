// Negative: the mapping of a referenced page is only read, into a kernel buffer and another page's mapping.
static void peek_map(unsigned long uaddr, char *buf, struct page *kp)
{
	struct page *page;
	char *kaddr, *dst;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return;
	kaddr = kmap_local_page(page);
	dst = kmap_local_page(kp);
	memcpy(buf, kaddr, 16);
	buf[0] = kaddr[1];
	memcpy(dst, kaddr, PAGE_SIZE);
	kunmap_local(dst);
	kunmap_local(kaddr);
	memcpy_page(kp, 0, page, 0, PAGE_SIZE);
	put_page(page);
}
