// Positive: the VMA's protection on one path, the constant on the other.
static vm_fault_t win_fault(struct vm_fault *vmf)
{
	struct win *w = vmf->vma->vm_private_data;
	pgprot_t prot;

	prot = PAGE_SHARED_EXEC;
	if (w->cached)
		prot = vmf->vma->vm_page_prot;
	return vmf_insert_pfn_prot(vmf->vma, vmf->address, w->pfn, prot);
}
