// Negative: GUP's own functions set FOLL_GET for their callers.
static long __grab(unsigned long uaddr, struct page **pages, unsigned int gup_flags)
{
	return __get_user_pages_locked(current->mm, uaddr, 1, pages, NULL,
				       gup_flags | FOLL_GET);
}
