/* Draft for mm/gup_test.c and mm/gup_test.h (patch 0003). */

/* gup_test.h */
#define PIN_PAGE_TEST		_IOWR('g', 10, struct pin_page_test)

#define PIN_PAGE_TEST_FLAG_WRITE	0x1	/* pin_page(..., FOLL_WRITE) */
#define PIN_PAGE_TEST_FLAG_LONGTERM	0x2	/* pin_page(..., FOLL_LONGTERM) */

/*
 * Pages come from the user range [addr, addr + size) by get_user_pages()
 * (FOLL_GET, no write fault), or, with fd >= 0, from that file's page cache
 * at offset addr: pages no process may have mapped.
 */
struct pin_page_test {
	__u64 addr;
	__u64 size;
	__s32 fd;
	__u32 flags;
	__s32 error;		/* out: the first error of pin_page(), or 0 */
	__u32 nr_refused;	/* out: pages pin_page() refused */
	__u32 nr_pinned;	/* out: pinned and seen by folio_maybe_dma_pinned() */
	__u32 nr_zero;		/* out: zero pages: 0 and no pin */
	__u32 nr_unpinnable;	/* out: folios not long-term pinnable */
	__u32 nr_lost;		/* out: pinned but not seen pinned (a bug) */
};

/* gup_test.c */
#define PIN_PAGE_TEST_MAX_PAGES	(SZ_64M / PAGE_SIZE)

static long pin_page_test_lookup(struct pin_page_test *args, struct page **pages,
				 unsigned long nr_pages)
{
	struct address_space *mapping;
	unsigned long i;
	struct file *file;
	long nr;

	if (args->fd < 0) {
		if (mmap_read_lock_killable(current->mm))
			return -EINTR;
		nr = get_user_pages(args->addr, nr_pages, 0, pages);
		mmap_read_unlock(current->mm);
		return nr;
	}

	file = fget(args->fd);
	if (!file)
		return -EBADF;
	mapping = file->f_mapping;
	for (i = 0; i < nr_pages; i++) {
		pgoff_t index = (args->addr >> PAGE_SHIFT) + i;
		struct folio *folio = filemap_get_folio(mapping, index);

		if (IS_ERR(folio))
			break;
		pages[i] = folio_file_page(folio, index);
	}
	fput(file);
	return i;
}

static int pin_page_test(unsigned long arg)
{
	struct pin_page_test args;
	unsigned int gup_flags = 0;
	unsigned long nr_pages, i;
	struct page **pages;
	bool *pinned;
	long nr;
	int ret = 0;

	if (copy_from_user(&args, (void __user *)arg, sizeof(args)))
		return -EFAULT;
	if (args.flags & ~(PIN_PAGE_TEST_FLAG_WRITE | PIN_PAGE_TEST_FLAG_LONGTERM))
		return -EINVAL;
	if (!args.size || !IS_ALIGNED(args.addr | args.size, PAGE_SIZE) ||
	    args.size / PAGE_SIZE > PIN_PAGE_TEST_MAX_PAGES)
		return -EINVAL;
	nr_pages = args.size / PAGE_SIZE;
	if (args.flags & PIN_PAGE_TEST_FLAG_WRITE)
		gup_flags |= FOLL_WRITE;
	if (args.flags & PIN_PAGE_TEST_FLAG_LONGTERM)
		gup_flags |= FOLL_LONGTERM;

	pages = kvcalloc(nr_pages, sizeof(*pages), GFP_KERNEL);
	pinned = kvcalloc(nr_pages, sizeof(*pinned), GFP_KERNEL);
	if (!pages || !pinned) {
		ret = -ENOMEM;
		goto free;
	}

	nr = pin_page_test_lookup(&args, pages, nr_pages);
	if (nr < 0) {
		ret = nr;
		goto free;
	}
	if (nr < nr_pages)
		ret = -EFAULT;	/* after the pages that were found are put */

	args.error = 0;
	args.nr_refused = args.nr_pinned = args.nr_zero = 0;
	args.nr_unpinnable = args.nr_lost = 0;
	for (i = 0; !ret && i < nr; i++) {
		struct folio *folio = page_folio(pages[i]);
		int err;

		if (!folio_is_longterm_pinnable(folio))
			args.nr_unpinnable++;
		err = pin_page(pages[i], gup_flags);
		if (err) {
			args.nr_refused++;
			if (!args.error)
				args.error = err;
			continue;
		}
		pinned[i] = true;
		if (is_zero_folio(folio))
			args.nr_zero++;
		else if (folio_maybe_dma_pinned(folio))
			args.nr_pinned++;
		else
			args.nr_lost++;
	}

	for (i = 0; i < nr; i++) {
		if (pinned[i])
			unpin_user_page(pages[i]);
		put_page(pages[i]);
	}
	if (!ret && copy_to_user((void __user *)arg, &args, sizeof(args)))
		ret = -EFAULT;
free:
	kvfree(pinned);
	kvfree(pages);
	return ret;
}
