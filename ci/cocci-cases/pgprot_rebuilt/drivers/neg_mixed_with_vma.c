// Negative, by choice: a constant mixed with the VMA's protection or with
// a variable is left out, even where it can still grant the constant's
// rights (pgprot_modify() takes them from its second argument).
static int dev_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_page_prot = pgprot_modify(vma->vm_page_prot, PAGE_SHARED);
	return remap_pfn_range(vma, vma->vm_start, dev_pfn, PAGE_SIZE,
			       (vma->vm_flags & VM_WRITE) ? PAGE_SHARED : PAGE_READONLY);
}
