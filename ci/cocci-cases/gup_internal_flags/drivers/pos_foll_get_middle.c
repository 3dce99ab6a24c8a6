// Positive: FOLL_GET among other flags, to the remote API.
static long grab_remote(struct mm_struct *mm, unsigned long uaddr,
			struct page **pages)
{
	return get_user_pages_remote(mm, uaddr, 1,
				     FOLL_WRITE | FOLL_GET | FOLL_FORCE, pages,
				     NULL);
}
