// Negative: a structure's array of pages the kernel allocated, which
// GUP never fills: dirtying them needs no lock.
struct kbuf {
	struct page **pages;
	unsigned int npages;
};

static int kbuf_alloc(struct kbuf *k)
{
	unsigned int i;

	for (i = 0; i < k->npages; i++)
		k->pages[i] = alloc_page(GFP_KERNEL);
	return 0;
}

static void kbuf_done(struct kbuf *k)
{
	struct page **pages = k->pages;
	unsigned int i;

	for (i = 0; i < k->npages; i++)
		set_page_dirty(pages[i]);
}
