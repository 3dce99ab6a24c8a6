// Positive: the page set as a bio_vec's and submitted, never confirmed.
static void buf_to_bvec(struct pipe_inode_info *pipe, struct pipe_buffer *buf,
			struct bio_vec *bv)
{
	bv->bv_page = buf->page;
	bv->bv_offset = buf->offset;
	bv->bv_len = buf->len;
}
