// Positive: a referenced page's address taken in a declaration, written with copy_from_user().
static int load(unsigned long uaddr, const void __user *src, size_t len, struct page **pages)
{
	int i, got = get_user_pages_fast(uaddr, 2, FOLL_WRITE, pages);

	for (i = 0; i < got; i++) {
		char *va = page_address(pages[i]);

		if (copy_from_user(va, src, len))
			break;
	}
	for (i = 0; i < got; i++)
		put_page(pages[i]);
	return 0;
}
