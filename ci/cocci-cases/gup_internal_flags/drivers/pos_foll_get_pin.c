// Positive: FOLL_GET passed to pin_user_pages_fast(), which fails the call.
static long pin_region(unsigned long uaddr, struct page **pages)
{
	return pin_user_pages_fast(uaddr, 1, FOLL_GET | FOLL_LONGTERM, pages);
}
