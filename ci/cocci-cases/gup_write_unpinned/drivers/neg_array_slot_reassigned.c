// Negative: the array's slot holds a kernel page by the time it is written.
static void bounce_slot(unsigned long uaddr, struct page **pages, const char *src)
{
	if (get_user_pages_fast(uaddr, 1, 0, pages) != 1)
		return;
	put_page(pages[0]);
	pages[0] = alloc_page(GFP_KERNEL);
	if (pages[0])
		memcpy_to_page(pages[0], 0, src, 16);
}
