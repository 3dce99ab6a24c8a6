// Positive: SetPageDirty() on a pinned page taken into a local.
static void flag(struct mm_struct *mm, unsigned long uaddr, int n, struct page **pages)
{
	long i, got = pin_user_pages_remote(mm, uaddr, n, FOLL_WRITE, pages, NULL);

	for (i = 0; i < got; i++) {
		struct page *page = pages[i];

		SetPageDirty(page);
		unpin_user_page(page);
	}
}
