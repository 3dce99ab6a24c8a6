// Positive: the buffer's folio mapped without a confirm.
static int peek_folio(struct pipe_inode_info *pipe, struct pipe_buffer *buf,
		      char *out)
{
	char *p = kmap_local_folio(page_folio(buf->page), buf->offset);

	*out = *p;
	kunmap_local(p);
	return 0;
}
