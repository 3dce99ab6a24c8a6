// Positive: maps a pipe buffer's page without confirming it first.
static int peek_first(struct pipe_inode_info *pipe, char *out)
{
	struct pipe_buffer *buf = pipe_buf(pipe, pipe->tail);
	char *p = kmap_local_page(buf->page);

	*out = p[buf->offset];
	kunmap_local(p);
	return 0;
}
