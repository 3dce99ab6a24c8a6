// Negative: a PAGE_NONE guard mapping gives no access to leak.
static int guard_mmap(struct file *file, struct vm_area_struct *vma)
{
	return remap_pfn_range(vma, vma->vm_end - PAGE_SIZE, guard_pfn,
			       PAGE_SIZE, PAGE_NONE);
}
