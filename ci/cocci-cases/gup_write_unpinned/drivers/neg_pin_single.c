// Negative: the correct form for one page, pin_user_pages_remote() and a store through the mapping.
static int bump_pinned(struct mm_struct *mm, unsigned long vaddr, short d)
{
	struct page *page;
	short *ptr;

	if (pin_user_pages_remote(mm, vaddr, 1, FOLL_WRITE, &page, NULL) <= 0)
		return -EFAULT;
	ptr = kmap_local_page(page) + (vaddr & ~PAGE_MASK);
	*ptr += d;
	kunmap_local(ptr);
	unpin_user_pages_dirty_lock(&page, 1, true);
	return 0;
}
