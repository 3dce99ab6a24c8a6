// Positive: MMIO mapped with a constant under a pgprot helper: the
// encryption bit does not matter for MMIO, the VMA's rights do.
static int regs_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct regs_dev *rd = file->private_data;

	return io_remap_pfn_range(vma, vma->vm_start, rd->phys >> PAGE_SHIFT,
				  vma->vm_end - vma->vm_start,
				  pgprot_noncached(PAGE_SHARED));
}
