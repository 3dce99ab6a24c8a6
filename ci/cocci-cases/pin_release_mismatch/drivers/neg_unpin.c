// Negative: pinned pages unpinned, on the error path and the normal one.
static int map(unsigned long uaddr, int n, struct page **pages)
{
	int got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	if (got < n) {
		if (got > 0)
			unpin_user_pages(pages, got);
		return -EFAULT;
	}
	unpin_user_pages_dirty_lock(pages, n, true);
	return 0;
}
