// Positive: a referenced page's folio, kept in a local, marked dirty unlocked.
static int touch(struct mm_struct *mm, unsigned long uaddr)
{
	struct page *page;
	struct folio *folio;

	if (get_user_pages_remote(mm, uaddr, 1, FOLL_WRITE, &page, NULL) != 1)
		return -EFAULT;
	folio = page_folio(page);
	folio_mark_dirty(folio);
	folio_put(folio);
	return 0;
}
