// Positive: FOLL_PIN passed with the FOLL_GET API.
static long grab(unsigned long uaddr, struct page **pages)
{
	unsigned int flags = FOLL_PIN;

	return get_user_pages_fast(uaddr, 1, flags, pages);
}
