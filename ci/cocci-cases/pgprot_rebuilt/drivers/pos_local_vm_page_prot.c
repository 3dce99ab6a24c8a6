// Positive: a constant stored into the VMA through a local variable.
static int dev_mmap(struct file *file, struct vm_area_struct *vma)
{
	pgprot_t prot;

	prot = pgprot_writecombine(PAGE_KERNEL);
	vma->vm_page_prot = prot;
	return vm_iomap_memory(vma, dev_base, dev_len);
}
