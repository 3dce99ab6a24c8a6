// Positive: a page from get_user_page_vma_remote() written by an increment through its mapping.
static void count(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page = get_user_page_vma_remote(mm, addr, FOLL_WRITE, &vma);
	u8 *k;

	if (IS_ERR(page))
		return;
	k = kmap_local_page(page);
	k[offset_in_page(addr)]++;
	kunmap_local(k);
	put_page(page);
}
