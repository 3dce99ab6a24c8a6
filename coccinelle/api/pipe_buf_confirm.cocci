// SPDX-License-Identifier: GPL-2.0-only
///
/// The page of a pipe buffer is not ready for its contents to be used
/// until the buffer's ->confirm() has succeeded: a page-cache page may
/// still be under read I/O or have been truncated, and a folio may be
/// inaccessible to anything but the CPU (arch_make_folio_accessible()).
/// Code that maps the page, copies from or to it, or hands it to a
/// scatterlist, bio, bio_vec, skb or DMA must call pipe_buf_confirm()
/// and check what it returns first (that it is checked is the
/// compiler's to see: pipe_buf_confirm() is __must_check).  The actors
/// that splice_from_pipe(), __splice_from_pipe() and
/// splice_from_pipe_feed() call, and the helpers of a file called with
/// a buffer their caller confirmed, are checked where they are called
/// instead: a call with a buffer not confirmed is reported.  Not seen:
/// a buffer whose type spatch cannot tell without the headers
/// (pipe_buf(pipe, slot)->page), and a confirm whose error is checked
/// but not acted on.
///
// Confidence: Moderate
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
# The functions, by file, whose pipe buffers their caller has confirmed,
# and the functions each file defines.
confirmed = set()
defined = set()
org_mode = False

def warn(p, msg):
    if org_mode:
        coccilib.org.print_todo(p[0], msg)
    else:
        coccilib.report.print_report(p[0], "WARNING: " + msg)

def used(p, fn):
    if (p[0].file, fn) not in confirmed:
        warn(p, "pipe buffer page used in %s() before pipe_buf_confirm()" % fn)

@script:python depends on org@
@@
org_mode = True

// Only files that use pipe buffers: this rule's token keeps spatch from
// parsing every file of the tree for the rules that have none.
@pipe_file@
@@
(
struct pipe_buffer
|
struct pipe_inode_info
)

@def depends on pipe_file@
identifier d;
position p;
@@
d@p(...) { ... }

@script:python@
d << def.d;
p << def.p;
@@
defined.add((p[0].file, d))

@actor depends on pipe_file@
identifier a;
position p;
@@
(
 splice_from_pipe@p(..., a)
|
 __splice_from_pipe@p(..., a)
|
 splice_from_pipe_feed@p(..., a)
)

@script:python@
a << actor.a;
p << actor.p;
@@
confirmed.add((p[0].file, a))

@helper depends on pipe_file exists@
identifier h;
expression pipe;
struct pipe_buffer *b;
position p;
@@
 pipe_buf_confirm(pipe, b)
 ... when any
 h@p(..., b, ...)

@script:python@
h << helper.h;
p << helper.p;
@@
if (p[0].file, h) in defined:
    confirmed.add((p[0].file, h))

@helper_bufs depends on pipe_file exists@
identifier h;
expression pipe, i;
struct pipe_inode_info *pi;
position p;
@@
 pipe_buf_confirm(pipe, &pi->bufs[i])
 ... when any
 h@p(..., &pi->bufs[i], ...)

@script:python@
h << helper_bufs.h;
p << helper_bufs.p;
@@
if (p[0].file, h) in defined:
    confirmed.add((p[0].file, h))

// A use of the page: passed (or its folio) to a function that reads or
// writes what it holds or hands it on, or set as a bio_vec's page; the
// buffer through a pointer or as pipe->bufs[i], the page directly or
// through a local variable.
@use_ptr depends on pipe_file exists@
identifier fn, f =~ "^(kmap|kmap_local_page|kmap_atomic|kmap_local_folio|page_address|folio_address|memcpy_from_page|memcpy_to_page|copy_page_to_iter|copy_page_from_iter|sg_set_page|bvec_set_page|skb_fill_page_desc|bio_add_page|__bio_add_page|bio_add_folio|dma_map_page|dma_map_page_attrs)$";
struct pipe_buffer *b;
expression v;
position p;
@@
fn(...)
{
... when != pipe_buf_confirm(..., b)
    when any
(
* f@p(..., \(b->page\|page_folio(b->page)\), ...)
|
* v.bv_page = b->page@p
|
* v->bv_page = b->page@p
)
... when any
}

@script:python depends on org || report@
fn << use_ptr.fn;
p << use_ptr.p;
@@
used(p, fn)

@use_bufs depends on pipe_file exists@
identifier fn, f =~ "^(kmap|kmap_local_page|kmap_atomic|kmap_local_folio|page_address|folio_address|memcpy_from_page|memcpy_to_page|copy_page_to_iter|copy_page_from_iter|sg_set_page|bvec_set_page|skb_fill_page_desc|bio_add_page|__bio_add_page|bio_add_folio|dma_map_page|dma_map_page_attrs)$";
struct pipe_inode_info *pi;
expression i;
expression v;
position p;
@@
fn(...)
{
... when != pipe_buf_confirm(..., &pi->bufs[i])
    when any
(
* f@p(..., \(pi->bufs[i].page\|page_folio(pi->bufs[i].page)\), ...)
|
* v.bv_page = pi->bufs[i].page@p
|
* v->bv_page = pi->bufs[i].page@p
)
... when any
}

@script:python depends on org || report@
fn << use_bufs.fn;
p << use_bufs.p;
@@
used(p, fn)

@alias_ptr depends on pipe_file exists@
identifier fn, f =~ "^(kmap|kmap_local_page|kmap_atomic|kmap_local_folio|page_address|folio_address|memcpy_from_page|memcpy_to_page|copy_page_to_iter|copy_page_from_iter|sg_set_page|bvec_set_page|skb_fill_page_desc|bio_add_page|__bio_add_page|bio_add_folio|dma_map_page|dma_map_page_attrs)$";
struct pipe_buffer *b;
identifier pg;
expression v;
position p;
@@
fn(...)
{
... when != pipe_buf_confirm(..., b)
    when any
(
 struct page *pg = b->page;
|
 struct folio *pg = page_folio(b->page);
|
 pg = \(b->page\|page_folio(b->page)\);
)
... when != pipe_buf_confirm(..., b)
    when any
(
* f@p(..., \(pg\|page_folio(pg)\), ...)
|
* v.bv_page = pg@p
|
* v->bv_page = pg@p
)
... when any
}

@script:python depends on org || report@
fn << alias_ptr.fn;
p << alias_ptr.p;
@@
used(p, fn)

@alias_bufs depends on pipe_file exists@
identifier fn, f =~ "^(kmap|kmap_local_page|kmap_atomic|kmap_local_folio|page_address|folio_address|memcpy_from_page|memcpy_to_page|copy_page_to_iter|copy_page_from_iter|sg_set_page|bvec_set_page|skb_fill_page_desc|bio_add_page|__bio_add_page|bio_add_folio|dma_map_page|dma_map_page_attrs)$";
struct pipe_inode_info *pi;
expression i;
identifier pg;
expression v;
position p;
@@
fn(...)
{
... when != pipe_buf_confirm(..., &pi->bufs[i])
    when any
(
 struct page *pg = pi->bufs[i].page;
|
 struct folio *pg = page_folio(pi->bufs[i].page);
|
 pg = \(pi->bufs[i].page\|page_folio(pi->bufs[i].page)\);
)
... when != pipe_buf_confirm(..., &pi->bufs[i])
    when any
(
* f@p(..., \(pg\|page_folio(pg)\), ...)
|
* v.bv_page = pg@p
|
* v->bv_page = pg@p
)
... when any
}

@script:python depends on org || report@
fn << alias_bufs.fn;
p << alias_bufs.p;
@@
used(p, fn)

// An actor or helper, which expects a confirmed buffer, called with one
// that is not.
@call depends on pipe_file exists@
identifier fn, h;
struct pipe_buffer *b;
position p;
@@
fn(...)
{
... when != pipe_buf_confirm(..., b)
    when any
* h@p(..., b, ...)
... when any
}

@script:python depends on org || report@
fn << call.fn;
h << call.h;
p << call.p;
@@
if (p[0].file, h) in confirmed and (p[0].file, fn) not in confirmed:
    warn(p, "%s() called in %s() with a pipe buffer not confirmed" % (h, fn))
