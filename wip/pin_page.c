/* Draft for mm/gup.c (patch 0003): pin a page found without a user address. */

struct pin_page_walk {
	struct page *page;
	unsigned int gup_flags;
	int ret;
};

/*
 * rmap_one of pin_page(): look for a present mapping of the page that gives
 * the access asked for.  An anonymous page is pinned right here, under the
 * page table lock, which is what serializes GUP against fork() and against
 * the unsharing of KSM, swap and migration.  A file page's writable mapping
 * only proves that the filesystem has been told; pin_page() pins it under
 * the folio lock.
 */
static bool pin_page_one(struct folio *folio, struct vm_area_struct *vma,
			 unsigned long address, void *arg)
{
	DEFINE_FOLIO_VMA_WALK(pvmw, folio, vma, address, PVMW_SYNC);
	struct pin_page_walk *pw = arg;
	bool write = pw->gup_flags & FOLL_WRITE;

	while (page_vma_mapped_walk(&pvmw)) {
		struct page *exclusive = &folio->page;
		bool writable;

		if (pvmw.pte && !folio_test_hugetlb(folio)) {
			pte_t pte = ptep_get(pvmw.pte);

			if (!pte_present(pte) || pte_page(pte) != pw->page)
				continue;
			writable = pte_write(pte);
			/* PTE-mapped: exclusivity is per page. */
			exclusive = pw->page;
		} else if (pvmw.pte) {
			pte_t pte = huge_ptep_get(vma->vm_mm, address, pvmw.pte);

			if (!pte_present(pte))
				continue;
			writable = huge_pte_write(pte);
		} else {
			pmd_t pmd = pmdp_get(pvmw.pmd);

			if (!pmd_present(pmd))
				continue;
			writable = pmd_write(pmd);
		}

		if (write && !writable)
			continue;
		if (folio_test_anon(folio)) {
			if (!PageAnonExclusive(exclusive))
				continue;
			mm_set_has_pinned_flag(vma->vm_mm);
			pw->ret = try_grab_folio(folio, 1, FOLL_PIN);
		} else {
			pw->ret = 0;
		}
		page_vma_mapped_walk_done(&pvmw);
		return false;
	}
	return true;
}

/**
 * pin_page() - pin a page found without a user address
 * @page: the page, which the caller holds a reference to
 * @gup_flags: FOLL_WRITE and FOLL_LONGTERM, as pin_user_pages() takes them
 *
 * Take a FOLL_PIN pin on the folio of @page with the guarantees that
 * pin_user_pages() gives when it faults the page in, for code that holds
 * only a struct page (the pages of a bvec or of a pipe, say) and cannot
 * fault by address:
 *
 * * An anonymous page is pinned only where a page table maps it exclusive
 *   to one process (PageAnonExclusive()), as GUP requires; for FOLL_WRITE
 *   that mapping must be writable.  The process is marked as having pinned
 *   pages, so that fork() copies the page instead of sharing it.
 * * For FOLL_WRITE, a page cache page is pinned only when the filesystem
 *   has been told that it will be written: a writable mapping of it exists
 *   (->page_mkwrite() made it so since writeback last cleaned the folio), or
 *   its mapping does no writeback (shmem, hugetlbfs, ramfs).  With
 *   FOLL_LONGTERM, only the latter, as for pin_user_pages().
 * * The check and the pin are made under the folio lock, which writeback
 *   holds while it write-protects the mappings of the folio and clears its
 *   dirty flag (folio_clear_dirty_for_io()): no writable pin appears on a
 *   folio that writeback has cleaned.
 * * FOLL_LONGTERM is refused for a folio that may not be pinned long-term
 *   (movable zone, CMA, fsdax, device coherent memory): with no address,
 *   nothing can migrate it first.
 * * The folio is made accessible (arch_make_folio_accessible()).
 *
 * The zero page gets no pin, as from pin_user_pages(); it cannot be pinned
 * for writing.  Release the pin with unpin_user_page() (or unpin_folio() on
 * the page's folio).
 *
 * Context: Process context; may sleep (takes the folio lock).
 * Return: 0 if pinned, -EINVAL for other @gup_flags, -EFAULT if no mapping
 * of the page allows the access (a fault by user address is needed first),
 * -EBUSY if the folio may not be pinned long-term, -EINTR if a fatal signal
 * interrupted the wait for the folio lock, or the error of
 * arch_make_folio_accessible().
 */
int pin_page(struct page *page, unsigned int gup_flags)
{
	struct folio *folio = page_folio(page);
	struct pin_page_walk pw = {
		.page = page,
		.gup_flags = gup_flags,
		.ret = -EFAULT,
	};
	struct rmap_walk_control rwc = {
		.arg = &pw,
		.rmap_one = pin_page_one,
	};
	bool write = gup_flags & FOLL_WRITE;
	struct address_space *mapping;
	int ret;

	might_sleep();
	if (gup_flags & ~(FOLL_WRITE | FOLL_LONGTERM))
		return -EINVAL;
	if (is_zero_folio(folio))
		return write ? -EFAULT : 0;
	if ((gup_flags & FOLL_LONGTERM) && !folio_is_longterm_pinnable(folio))
		return -EBUSY;

	if (folio_lock_killable(folio))
		return -EINTR;
	if (folio_test_anon(folio)) {
		rmap_walk(folio, &rwc);
		ret = pw.ret;
		goto unlock;
	}
	mapping = folio->mapping;
	if (!mapping) {
		/* Truncated: nothing would ever write it back. */
		ret = -EFAULT;
	} else if (!write || !mapping_can_writeback(mapping)) {
		ret = 0;
	} else if (gup_flags & FOLL_LONGTERM) {
		ret = -EFAULT;
	} else {
		rmap_walk(folio, &rwc);
		ret = pw.ret;
	}
	if (!ret)
		ret = try_grab_folio(folio, 1, FOLL_PIN);
unlock:
	folio_unlock(folio);
	if (ret)
		return ret;

	ret = arch_make_folio_accessible(folio);
	if (ret) {
		gup_put_folio(folio, 1, FOLL_PIN);
		return ret;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(pin_page);
