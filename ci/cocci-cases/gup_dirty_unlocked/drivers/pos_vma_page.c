// Positive: a page from get_user_page_vma_remote() marked dirty unlocked.
static int poke(struct mm_struct *mm, unsigned long addr, u8 val)
{
	struct vm_area_struct *vma;
	struct page *page;

	page = get_user_page_vma_remote(mm, addr, FOLL_WRITE | FOLL_FORCE, &vma);
	if (IS_ERR(page))
		return PTR_ERR(page);
	memset(page_address(page) + offset_in_page(addr), val, 1);
	set_page_dirty(page);
	put_page(page);
	return 0;
}
