// Negative: raw bits added to a protection that comes from the VMA, or
// from a caller (arch/powerpc remap_4k_pfn()).
static int paste_mmap(struct file *file, struct vm_area_struct *vma)
{
	pgprot_t prot;

	prot = __pgprot(pgprot_val(vma->vm_page_prot) | _PAGE_DIRTY);
	return io_remap_pfn_range(vma, vma->vm_start, paste_pfn, PAGE_SIZE, prot);
}

static inline int remap_4k_pfn(struct vm_area_struct *vma, unsigned long addr,
			       unsigned long pfn, pgprot_t prot)
{
	return remap_pfn_range(vma, addr, pfn, PAGE_SIZE,
			       __pgprot(pgprot_val(prot) | H_PAGE_4K_PFN));
}
