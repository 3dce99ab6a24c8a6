// Positive: a TTM fault handler with a kernel protection.
static vm_fault_t bo_fault(struct vm_fault *vmf)
{
	vm_fault_t ret;

	ret = ttm_bo_vm_reserve(vmf->vma->vm_private_data, vmf);
	if (ret)
		return ret;
	ret = ttm_bo_vm_fault_reserved(vmf, PAGE_KERNEL,
				       TTM_BO_VM_NUM_PREFAULT);
	dma_resv_unlock(bo->base.resv);
	return ret;
}
