// Negative: confirmed first, as pipe_read() does.
static int copy_one(struct pipe_inode_info *pipe, struct pipe_buffer *buf,
		    struct iov_iter *to)
{
	int err = pipe_buf_confirm(pipe, buf);

	if (err)
		return err;
	return copy_page_to_iter(buf->page, buf->offset, buf->len, to);
}
