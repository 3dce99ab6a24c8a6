// Positive: the page through a local variable, as fs/nfsd/vfs.c and
// fs/fuse/dev.c take it, mapped without a confirm.
static int peek_local(struct pipe_inode_info *pipe, struct pipe_buffer *buf,
		      char *out)
{
	struct page *page = buf->page;
	char *p = kmap_local_page(page);

	*out = p[buf->offset];
	kunmap_local(p);
	return 0;
}
