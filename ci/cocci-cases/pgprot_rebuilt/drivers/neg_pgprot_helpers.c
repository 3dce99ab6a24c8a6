// Negative: the VMA's protection through the cache and encryption
// helpers, for a frame buffer, MMIO and a fault handler.
static int fb_mmap(struct fb_info *info, struct vm_area_struct *vma)
{
	vma->vm_page_prot = pgprot_writecombine(vma->vm_page_prot);
	return remap_pfn_range(vma, vma->vm_start, info->fix.smem_start >> PAGE_SHIFT,
			       PAGE_SIZE, vma->vm_page_prot);
}

static int regs_mmap(struct file *file, struct vm_area_struct *vma)
{
	return io_remap_pfn_range(vma, vma->vm_start, regs_pfn, PAGE_SIZE,
				  pgprot_decrypted(pgprot_noncached(vma->vm_page_prot)));
}

static vm_fault_t vvar_fault(const struct vm_special_mapping *sm,
			     struct vm_area_struct *vma, struct vm_fault *vmf)
{
	return vmf_insert_pfn_prot(vma, vmf->address, pvti_pfn,
				   pgprot_decrypted(vma->vm_page_prot));
}
