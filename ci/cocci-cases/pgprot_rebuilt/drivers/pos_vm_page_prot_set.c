// Positive: the VMA's protection replaced by PAGE_SHARED before the
// pages are inserted with it.
static int shm_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_page_prot = PAGE_SHARED;
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	return vm_map_pages(vma, shm_pages, shm_nr_pages);
}
