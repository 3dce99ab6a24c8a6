// Positive: a referenced page written by a store through a pointer computed from its mapping.
static int bump(struct mm_struct *mm, unsigned long vaddr, short d)
{
	struct page *page;
	void *kaddr;
	short *ptr;

	if (get_user_pages_remote(mm, vaddr, 1, FOLL_WRITE, &page, NULL) <= 0)
		return -EFAULT;
	kaddr = kmap_local_page(page);
	ptr = kaddr + (vaddr & ~PAGE_MASK);
	*ptr += d;
	kunmap_local(kaddr);
	put_page(page);
	return 0;
}
