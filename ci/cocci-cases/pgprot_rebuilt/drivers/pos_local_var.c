// Positive: the constant through a local variable.
static int buf_mmap(struct file *file, struct vm_area_struct *vma)
{
	pgprot_t prot = PAGE_READONLY;
	unsigned long pfn = vmalloc_to_pfn(buf);

	vm_flags_set(vma, VM_IO);
	return remap_pfn_range(vma, vma->vm_start, pfn, PAGE_SIZE, prot);
}
