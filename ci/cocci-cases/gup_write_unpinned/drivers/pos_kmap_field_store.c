// Positive: a referenced page written by a store to a field through its mapping.
struct hdr {
	u32 seq;
};

static void stamp(unsigned long uaddr, u32 seq)
{
	struct page *page;
	struct hdr *h;

	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return;
	h = kmap_local_page(page);
	h->seq = seq;
	kunmap_local(h);
	put_page(page);
}
