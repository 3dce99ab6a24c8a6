// Negative: FOLL_GET taken out of the flags, not passed.
static long grab_clean(unsigned long uaddr, struct page **pages,
		       unsigned int gup_flags)
{
	return get_user_pages_fast(uaddr, 1, gup_flags & ~FOLL_GET, pages);
}
