// Positive: a page from get_user_page_vma_remote() written with copy_to_user_page().
static int poke(struct mm_struct *mm, unsigned long addr, void *buf, int len)
{
	struct vm_area_struct *vma;
	struct page *page = get_user_page_vma_remote(mm, addr, FOLL_WRITE | FOLL_FORCE, &vma);
	void *maddr;

	if (IS_ERR(page))
		return PTR_ERR(page);
	maddr = kmap_local_page(page);
	copy_to_user_page(vma, page, addr, maddr + offset_in_page(addr), buf, len);
	kunmap_local(maddr);
	put_page(page);
	return len;
}
