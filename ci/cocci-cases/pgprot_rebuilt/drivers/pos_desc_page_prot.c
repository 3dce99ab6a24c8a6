// Positive: an mmap_prepare handler sets a constant in the descriptor.
static int fb_mmap_prepare(struct vm_area_desc *desc)
{
	desc->page_prot = pgprot_writecombine(PAGE_SHARED_EXEC);
	mmap_action_remap_full(desc, fb_phys >> PAGE_SHIFT);
	return 0;
}
