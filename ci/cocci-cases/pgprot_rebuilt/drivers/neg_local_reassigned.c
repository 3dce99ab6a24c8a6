// Negative: the local set to a constant is set from the VMA before it is
// used on every path.
static int buf_mmap(struct file *file, struct vm_area_struct *vma)
{
	pgprot_t prot = PAGE_SHARED;

	if (!buf_ready())
		return -EAGAIN;
	prot = pgprot_decrypted(vma->vm_page_prot);
	return remap_pfn_range(vma, vma->vm_start, buf_pfn, PAGE_SIZE, prot);
}
