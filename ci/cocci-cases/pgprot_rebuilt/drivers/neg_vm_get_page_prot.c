// Negative: the protection recomputed from the VMA's flags, or modified
// from the VMA's protection (as mprotect() does).
static int dev_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_clear(vma, VM_MAYWRITE);
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	return 0;
}

static int dev2_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_page_prot = pgprot_modify(vma->vm_page_prot,
					  vm_get_page_prot(vma->vm_flags));
	return 0;
}

static vm_fault_t dev2_fault(struct vm_fault *vmf)
{
	return ttm_bo_vm_fault_reserved(vmf, vma_get_page_prot(vmf->vma), 1);
}

static int dev3_mmap_prepare(struct vm_area_desc *desc)
{
	desc->page_prot = pgprot_noncached(desc->page_prot);
	return 0;
}
