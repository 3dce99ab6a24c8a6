// Negative: kernel mappings take no VMA: PAGE_KERNEL is right there.
static void *map_buf(struct page **pages, unsigned int n, phys_addr_t phys)
{
	pgprot_t prot = pgprot_writecombine(PAGE_KERNEL);
	void __iomem *regs;

	regs = ioremap_prot(phys, PAGE_SIZE, PAGE_KERNEL);
	if (!regs)
		return NULL;
	set_memory_decrypted((unsigned long)page_address(pages[0]), 1);
	return vmap(pages, n, VM_MAP, prot);
}

static int map_range(unsigned long addr, struct page **pages)
{
	return vmap_pages_range(addr, addr + PAGE_SIZE, PAGE_KERNEL, pages,
				PAGE_SHIFT);
}
