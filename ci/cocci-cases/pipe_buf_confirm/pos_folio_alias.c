// Positive: the buffer's folio through a local variable, mapped without a
// confirm (as the simulator's sink takes it).
static int peek_folio_alias(struct pipe_inode_info *pipe,
			    struct pipe_buffer *buf, char *out)
{
	struct folio *folio = page_folio(buf->page);
	char *p = kmap_local_folio(folio, buf->offset);

	*out = *p;
	kunmap_local(p);
	return 0;
}
