// Negative: the API sets the flags itself.
static long grab(unsigned long uaddr, struct page **pages)
{
	return pin_user_pages_fast(uaddr, 1, FOLL_WRITE | FOLL_LONGTERM, pages);
}
