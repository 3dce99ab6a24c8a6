// Negative: a helper whose only caller has confirmed the buffer.
static size_t copy_buf(struct pipe_buffer *buf, struct iov_iter *to)
{
	return copy_page_to_iter(buf->page, buf->offset, buf->len, to);
}

static ssize_t read_one(struct pipe_inode_info *pipe, struct pipe_buffer *buf,
			struct iov_iter *to)
{
	int err = pipe_buf_confirm(pipe, buf);

	if (err)
		return err;
	return copy_buf(buf, to);
}
