// Positive: an actor, confirmed where splice_from_pipe() calls it, also
// called directly with a buffer nothing confirmed (as the simulator's
// sink_unconfirmed does on purpose).
static int copy_actor(struct pipe_inode_info *pipe, struct pipe_buffer *buf,
		      struct splice_desc *sd)
{
	memcpy_from_page(sd->u.data, buf->page, buf->offset, sd->len);
	return sd->len;
}

static ssize_t copy_splice_write(struct pipe_inode_info *pipe, struct file *out,
				 loff_t *ppos, size_t len, unsigned int flags)
{
	return splice_from_pipe(pipe, out, ppos, len, flags, copy_actor);
}

static ssize_t copy_unconfirmed(struct pipe_inode_info *pipe,
				struct splice_desc *sd)
{
	struct pipe_buffer *buf = pipe_buf(pipe, pipe->tail);

	return copy_actor(pipe, buf, sd);
}
