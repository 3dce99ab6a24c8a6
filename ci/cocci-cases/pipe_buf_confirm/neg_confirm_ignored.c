// Negative: what the confirm returned is ignored, which the compiler
// reports (pipe_buf_confirm() is __must_check), not this rule.
static size_t copy_ignoring(struct pipe_inode_info *pipe,
			    struct pipe_buffer *buf, struct iov_iter *to)
{
	pipe_buf_confirm(pipe, buf);
	return copy_page_to_iter(buf->page, buf->offset, buf->len, to);
}
