// Negative: the same, confirmed first.
static int first_byte_confirmed(struct pipe_inode_info *pipe, unsigned int i,
				char *out)
{
	int err = pipe_buf_confirm(pipe, &pipe->bufs[i]);

	if (err)
		return err;
	memcpy_from_page(out, pipe->bufs[i].page, pipe->bufs[i].offset, 1);
	return 0;
}
