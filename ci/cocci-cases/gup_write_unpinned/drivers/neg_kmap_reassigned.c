// Negative: the mapping's pointer is a kernel buffer by the time it is written.
static void scratch(unsigned long uaddr, char *buf, const char *src)
{
	struct page *page;
	char *kaddr;
	char c;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return;
	kaddr = kmap_local_page(page);
	c = kaddr[0];
	kunmap_local(kaddr);
	put_page(page);
	kaddr = buf;
	kaddr[0] = c;
	memcpy(kaddr + 1, src, 8);
}
