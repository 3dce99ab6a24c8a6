// Negative: CASE 4, only struct page looked at, the data is not written.
static int node_of(unsigned long uaddr)
{
	struct page *page;
	int nid;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	nid = page_to_nid(page);
	put_page(page);
	return nid;
}
