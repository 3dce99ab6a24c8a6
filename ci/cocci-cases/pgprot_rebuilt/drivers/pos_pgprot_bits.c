// Positive: a protection built from raw bits.
static int win_mmap(struct file *file, struct vm_area_struct *vma)
{
	return remap_pfn_range(vma, vma->vm_start, win_pfn, PAGE_SIZE,
			       __pgprot(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER |
					_PAGE_ACCESSED | 0x10));
}
