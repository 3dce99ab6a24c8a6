// Positive: part of a referenced page zeroed with zero_user_segment().
static void clear_tail(struct mm_struct *mm, unsigned long uaddr, unsigned int off,
		       struct page **pages)
{
	if (get_user_pages_remote(mm, uaddr, 1, FOLL_WRITE, pages, NULL) != 1)
		return;
	zero_user_segment(pages[0], off, PAGE_SIZE);
	release_pages(pages, 1);
}
