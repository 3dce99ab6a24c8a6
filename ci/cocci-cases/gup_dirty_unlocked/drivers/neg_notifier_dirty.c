/*
 * Dirtied in the MMU notifier's invalidate callback, before the user PTEs
 * (writable when the pages were pinned) change: no folio lock needed.  The
 * pages are kept in a structure, which the rule follows across functions,
 * but not in a file that registers an MMU notifier.
 */
struct drv {
	spinlock_t lock;
	struct mmu_interval_notifier notifier;
	struct page **pages;
	int npages;
	bool written;
};

static int drv_map(struct drv *d, unsigned long uaddr)
{
	int n = pin_user_pages_fast(uaddr, d->npages,
				    FOLL_WRITE | FOLL_LONGTERM, d->pages);

	if (n != d->npages) {
		if (n > 0)
			unpin_user_pages(d->pages, n);
		return -EFAULT;
	}
	return 0;
}

static bool drv_invalidate(struct mmu_interval_notifier *mni,
			   const struct mmu_notifier_range *range,
			   unsigned long cur_seq)
{
	struct drv *d = container_of(mni, struct drv, notifier);
	int i;

	spin_lock(&d->lock);
	mmu_interval_set_seq(mni, cur_seq);
	if (d->written)
		for (i = 0; i < d->npages; i++)
			folio_mark_dirty(page_folio(d->pages[i]));
	d->written = false;
	spin_unlock(&d->lock);
	return true;
}

static const struct mmu_interval_notifier_ops drv_ops = {
	.invalidate = drv_invalidate,
};

static int drv_register(struct drv *d, unsigned long uaddr)
{
	return mmu_interval_notifier_insert(&d->notifier, current->mm, uaddr,
					    d->npages * PAGE_SIZE, &drv_ops);
}
