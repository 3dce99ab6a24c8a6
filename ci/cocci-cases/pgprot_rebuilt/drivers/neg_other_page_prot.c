// Negative: a page_prot field of another structure than vm_area_desc.
static void init_args(struct pgtable_debug_args *args)
{
	args->page_prot = PAGE_KERNEL;
	args->page_prot_none = PAGE_NONE;
}
