// Positive: one referenced page, through its pointer, zeroed with memzero_page().
static int clear_one(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_unlocked(uaddr, 1, &page, FOLL_WRITE) != 1)
		return -EFAULT;
	memzero_page(page, 0, PAGE_SIZE);
	put_page(page);
	return 0;
}
