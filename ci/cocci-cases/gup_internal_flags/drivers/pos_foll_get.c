// Positive: FOLL_GET passed to get_user_pages(), as a driver did.
static long lock_region(unsigned long uaddr, struct page **pages)
{
	return get_user_pages(uaddr, 1, FOLL_WRITE | FOLL_GET, pages);
}
