// Positive: FOLL_GET passed to get_user_pages(), which sets it anyway.
static long lock_region(unsigned long uaddr, struct page **pages)
{
	return get_user_pages(uaddr, 1, FOLL_WRITE | FOLL_GET, pages);
}
