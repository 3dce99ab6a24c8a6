// Negative: an actor; splice_from_pipe() confirms before calling it.
static int to_device(struct pipe_inode_info *pipe, struct pipe_buffer *buf,
		     struct splice_desc *sd)
{
	void *p = kmap_local_page(buf->page);

	device_write(sd->u.data, p + buf->offset, buf->len);
	kunmap_local(p);
	return buf->len;
}

static ssize_t dev_splice_write(struct pipe_inode_info *pipe, struct file *out,
				loff_t *ppos, size_t len, unsigned int flags)
{
	return splice_from_pipe(pipe, out, ppos, len, flags, to_device);
}
