// Positive: a fault handler inserts the page with PAGE_COPY.
static vm_fault_t ring_fault(struct vm_fault *vmf)
{
	struct ring *r = vmf->vma->vm_private_data;
	unsigned long pfn = page_to_pfn(r->pages[vmf->pgoff]);

	return vmf_insert_pfn_prot(vmf->vma, vmf->address, pfn, PAGE_COPY);
}
