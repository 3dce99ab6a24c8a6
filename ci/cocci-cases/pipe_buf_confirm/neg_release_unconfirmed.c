// Negative: a pipe helper of another file called with a buffer not
// confirmed is not a use of its page.
static void drop_first(struct pipe_inode_info *pipe, struct iov_iter *to)
{
	struct pipe_buffer *buf = pipe_buf(pipe, pipe->tail);

	if (!pipe_buf_confirm(pipe, buf))
		copy_page_to_iter(buf->page, buf->offset, buf->len, to);
	pipe_buf_release(pipe, buf);
}

static void drop_all(struct pipe_inode_info *pipe)
{
	struct pipe_buffer *buf = pipe_buf(pipe, pipe->tail);

	pipe_buf_release(pipe, buf);
}
