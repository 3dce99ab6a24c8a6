// Positive: RAM buffer pages mapped with PAGE_SHARED, whatever the VMA
// allows (as drivers/comedi/comedi_fops.c comedi_mmap() does).
static int buf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct buf_dev *bd = file->private_data;
	unsigned long start = vma->vm_start;
	int i, ret = 0;

	for (i = 0; i < vma_pages(vma); i++) {
		unsigned long pfn = page_to_pfn(virt_to_page(bd->pages[i]));

		ret = remap_pfn_range(vma, start, pfn, PAGE_SIZE,
				      PAGE_SHARED);
		if (ret)
			break;
		start += PAGE_SIZE;
	}
	return ret;
}
