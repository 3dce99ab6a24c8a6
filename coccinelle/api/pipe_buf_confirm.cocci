// SPDX-License-Identifier: GPL-2.0-only
///
/// The page of a pipe buffer is not ready for its contents to be used
/// until the buffer's ->confirm() has run: a page-cache page may still be
/// under read I/O, may have been truncated, or may be inaccessible to
/// devices (arch_make_folio_accessible()).  Code that maps the page, or
/// hands it to a scatterlist, bio, skb or DMA, must call
/// pipe_buf_confirm() first.  splice_from_pipe(), __splice_from_pipe() and
/// splice_from_pipe_feed() confirm each buffer before calling their actor,
/// so the actors they are given are not reported.
///
// Confidence: Moderate
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
actors = set()

@actor@
identifier a;
@@
(
 splice_from_pipe(..., a)
|
 __splice_from_pipe(..., a)
|
 splice_from_pipe_feed(..., a)
)

@script:python@
a << actor.a;
@@
actors.add(a)

@use exists@
identifier fn;
struct pipe_buffer *buf;
position p;
@@
fn(...)
{
... when != pipe_buf_confirm(..., buf)
    when any
(
* kmap(buf->page)@p
|
* kmap_local_page(buf->page)@p
|
* kmap_atomic(buf->page)@p
|
* page_address(buf->page)@p
|
* sg_set_page(..., buf->page, ...)@p
|
* bvec_set_page(..., buf->page, ...)@p
|
* skb_fill_page_desc(..., buf->page, ...)@p
|
* bio_add_page(..., buf->page, ...)@p
|
* __bio_add_page(..., buf->page, ...)@p
|
* dma_map_page(..., buf->page, ...)@p
|
* copy_page_to_iter(buf->page, ...)@p
|
* copy_page_from_iter(buf->page, ...)@p
)
... when any
}

@script:python depends on org@
fn << use.fn;
p << use.p;
@@
if fn not in actors:
    coccilib.org.print_todo(p[0], "pipe buffer page used before pipe_buf_confirm()")

@script:python depends on report@
fn << use.fn;
p << use.p;
@@
if fn not in actors:
    coccilib.report.print_report(p[0], "WARNING: pipe buffer page used in %s() before pipe_buf_confirm()" % fn)
