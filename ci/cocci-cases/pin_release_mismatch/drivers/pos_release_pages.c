// Positive: pinned pages released with release_pages().
static void drop(unsigned long uaddr, int n, struct page **pages)
{
	int got;

	mmap_read_lock(current->mm);
	got = pin_user_pages(uaddr, n, FOLL_LONGTERM, pages);
	mmap_read_unlock(current->mm);
	if (got > 0)
		release_pages(pages, got);
}
