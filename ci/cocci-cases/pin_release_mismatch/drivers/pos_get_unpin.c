// Positive: referenced pages released with unpin_user_pages().
static void done(struct mm_struct *mm, unsigned long uaddr, int n, struct page **pages)
{
	int got = get_user_pages_remote(mm, uaddr, n, 0, pages, NULL);

	if (got > 0)
		unpin_user_pages(pages, got);
}
