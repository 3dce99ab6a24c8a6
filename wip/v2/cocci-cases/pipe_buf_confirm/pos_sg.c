// Positive: hands the page to a scatterlist (DMA) before confirming it.
static int to_sg(struct pipe_inode_info *pipe, struct pipe_buffer *buf,
		 struct scatterlist *sg)
{
	sg_set_page(sg, buf->page, buf->len, buf->offset);
	return pipe_buf_confirm(pipe, buf);
}
