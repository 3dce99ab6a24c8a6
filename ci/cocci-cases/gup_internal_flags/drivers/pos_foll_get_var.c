// Positive: FOLL_GET through a local variable, to the unlocked API (as
// drivers/virt/nitro_enclaves/ne_misc_dev.c passes it directly).
static long grab(unsigned long uaddr, struct page **pages)
{
	unsigned int flags = FOLL_GET;

	return get_user_pages_unlocked(uaddr, 1, pages, flags);
}
