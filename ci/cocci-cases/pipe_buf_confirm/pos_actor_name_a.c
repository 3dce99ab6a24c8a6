// Positive: write_b() is an actor in pos_actor_name_b.c, not here, where
// nothing confirms its buffer; write_a() is this file's actor.  (Two
// files, each with the other's actor name, so that whichever spatch
// reads first, an actor set kept across files hides one of them.)
static int write_a(struct pipe_inode_info *pipe, struct pipe_buffer *buf,
		   struct splice_desc *sd)
{
	void *p = kmap_local_page(buf->page);

	device_write(sd->u.data, p + buf->offset, buf->len);
	kunmap_local(p);
	return buf->len;
}

static int write_b(struct pipe_inode_info *pipe, struct pipe_buffer *buf,
		   struct splice_desc *sd)
{
	void *p = kmap_local_page(buf->page);

	device_write(sd->u.data, p + buf->offset, buf->len);
	kunmap_local(p);
	return buf->len;
}

static ssize_t splice_write_a(struct pipe_inode_info *pipe, struct file *out,
			      loff_t *ppos, size_t len, unsigned int flags)
{
	return splice_from_pipe(pipe, out, ppos, len, flags, write_a);
}
