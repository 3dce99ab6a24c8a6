// Positive: the buffer as an element of pipe->bufs[], its page copied
// out before the confirm.
static int first_byte(struct pipe_inode_info *pipe, unsigned int i, char *out)
{
	int err;

	memcpy_from_page(out, pipe->bufs[i].page, pipe->bufs[i].offset, 1);
	err = pipe_buf_confirm(pipe, &pipe->bufs[i]);
	return err;
}
