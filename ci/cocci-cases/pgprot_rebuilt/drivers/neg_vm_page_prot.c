// Negative: RAM mapped with the VMA's own protection.
static int buf_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long pfn = page_to_pfn(virt_to_page(buf));

	return remap_pfn_range(vma, vma->vm_start, pfn, PAGE_SIZE,
			       vma->vm_page_prot);
}
