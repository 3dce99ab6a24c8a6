// Negative: an actor of __splice_from_pipe() (confirmed there) taking the
// page through a local variable, as nfsd_splice_actor() does.
static int collect_actor(struct pipe_inode_info *pipe, struct pipe_buffer *buf,
			 struct splice_desc *sd)
{
	struct page *page = buf->page;

	memcpy_from_page(sd->u.data, page, buf->offset, sd->len);
	return sd->len;
}

static int collect_direct_actor(struct pipe_inode_info *pipe,
				struct splice_desc *sd)
{
	return __splice_from_pipe(pipe, sd, collect_actor);
}
