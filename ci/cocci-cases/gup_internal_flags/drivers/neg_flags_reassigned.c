// Negative: the variable no longer holds FOLL_GET when it is passed.
static long grab_write(unsigned long uaddr, struct page **pages)
{
	unsigned int flags = FOLL_GET;

	flags = FOLL_WRITE;
	return get_user_pages_fast(uaddr, 1, flags, pages);
}
