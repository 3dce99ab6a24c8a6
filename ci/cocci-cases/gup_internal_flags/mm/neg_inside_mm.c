// Negative: mm/ is where GUP sets its own flags.
static long __grab(unsigned long uaddr, struct page **pages, unsigned int gup_flags)
{
	return __gup_internal(uaddr, 1, gup_flags | FOLL_PIN, pages);
}
