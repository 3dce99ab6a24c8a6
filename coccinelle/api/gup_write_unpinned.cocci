// SPDX-License-Identifier: GPL-2.0-only
///
/// A page that get_user_pages*() or iov_iter_get_pages*2() returned holds
/// a plain reference (FOLL_GET), which writeback cannot tell from any
/// other: it may write-protect and clean the page (folio_mkclean()) and
/// write it out while its data is still being written (a torn write, a
/// checksum that no longer matches), and the dirtying that follows comes
/// without ->page_mkwrite() having been called again, which file systems
/// do not expect (pin_user_pages.rst, CASE 5; DMA into the page is CASE 1
/// or CASE 2).  A pinned page shows in folio_maybe_dma_pinned().  Pages
/// whose data the CPU or a device writes are to be taken with
/// pin_user_pages*() (FOLL_PIN) and released with unpin_user_page*(),
/// unpin_user_pages_dirty_lock() to dirty them.  Reported at the write:
/// memcpy_to_page(), memzero_page(), zero_user*(), copy_page_from_iter*(),
/// copy_to_user_page(), copy_highpage(), folio_zero_range(), a memcpy(),
/// memset(), copy_from_user() or store through a kmap*() or
/// page_address() of the page (or a pointer computed from it),
/// dma_map_page*() DMA_FROM_DEVICE or DMA_BIDIRECTIONAL, and sg_set_page()
/// or sg_alloc_table_from_pages() followed by a dma_map_sg*() or
/// dma_map_sgtable() with those directions.  The rule follows, within one
/// function, the pages array (pages[i]), a single page's pointer (&page,
/// or what get_user_page_vma_remote() returns) and a local page = pages[i];
/// an assignment to any of them in between ends the match.  Not seen: a
/// direction in a variable, pages kept in a structure and written in
/// another function, vmap(), bio and skb I/O.
/// See Documentation/core-api/pin_user_pages.rst.
///
// Confidence: Moderate
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
# Calls that map a page (kmap*(), page_address()) or hand it to the
# scatterlist API, by position, with the writes they lead to.
mapped_writes = {}
sg_writes = {}
reported = set()
org_mode = False

def poskey(p):
    return (p.file, p.line, p.column)

def warn(p, msg):
    if org_mode:
        coccilib.org.print_todo(p, msg)
    else:
        coccilib.report.print_report(p, "WARNING: " + msg)

def warn_write(p1, p2, pd, pk, ps):
    line = p1[0].line
    found = []
    for p in p2:
        found.append((p, "written by the CPU"))
    for p in pd:
        found.append((p, "mapped for DMA from the device"))
    for p in pk:
        for w in mapped_writes.get(poskey(p), []):
            found.append((w, "written by the CPU through its mapping"))
    for p in ps:
        for w in sg_writes.get(poskey(p), []):
            found.append((w, "mapped for DMA from the device"))
    for p, what in found:
        if (poskey(p), line) in reported:
            continue
        reported.add((poskey(p), line))
        warn(p, "page referenced (FOLL_GET) on line %s %s: take it with pin_user_pages*()" % (line, what))

@script:python depends on org@
@@
org_mode = True

// Only files that call the FOLL_GET API: these tokens keep spatch from
// parsing every file that maps a page for the helper rules below.
@gup_file@
@@
(
 get_user_pages(...)
|
 get_user_pages_fast(...)
|
 get_user_pages_unlocked(...)
|
 get_user_pages_remote(...)
|
 get_user_page_vma_remote(...)
|
 iov_iter_get_pages2(...)
|
 iov_iter_get_pages_alloc2(...)
)

// A page mapped, and its data written through the mapping (or through a
// pointer computed from it).
@mapped_write depends on gup_file exists@
identifier km =~ "^(kmap|kmap_local_page|kmap_atomic|page_address)$";
identifier wr =~ "^(memcpy|memmove|memset|copy_from_user|__copy_from_user|__copy_from_user_inatomic|copy_from_iter|_copy_from_iter|copy_from_iter_full|copy_from_iter_nocache|strscpy|strscpy_pad|strcpy|strncpy|strlcpy)$";
identifier A;
expression X, E, E1, E2, E3, E8;
assignment operator aop;
type T;
position pk, pw;
@@
(
 A = \(km@pk(X)\|km@pk(X) + E1\|kmap_local_folio@pk(page_folio(X), E2)\);
|
 T A = km@pk(X);
|
 T A = km@pk(X) + E1;
|
 T A = kmap_local_folio@pk(page_folio(X), E2);
)
 ... when != A = E8
     when any
(
 wr@pw(<+... A ...+>, ...)
|
 A[E3]@pw aop E
|
 *A@pw aop E
)

@script:python@
pk << mapped_write.pk;
pw << mapped_write.pw;
@@
mapped_writes.setdefault(poskey(pk[0]), []).append(pw[0])

// The same through a pointer computed from the mapping.
@mapped_write_ptr depends on gup_file exists@
identifier km =~ "^(kmap|kmap_local_page|kmap_atomic|page_address)$";
identifier wr =~ "^(memcpy|memmove|memset|copy_from_user|__copy_from_user|__copy_from_user_inatomic|copy_from_iter|_copy_from_iter|copy_from_iter_full|copy_from_iter_nocache|strscpy|strscpy_pad|strcpy|strncpy|strlcpy)$";
identifier A, B;
expression X, E, E1, E2, E3, E4, E8, E9;
assignment operator aop;
type T, T2, T3;
position pk, pw;
@@
(
 A = \(km@pk(X)\|km@pk(X) + E1\|kmap_local_folio@pk(page_folio(X), E2)\);
|
 T A = km@pk(X);
|
 T A = km@pk(X) + E1;
|
 T A = kmap_local_folio@pk(page_folio(X), E2);
)
 ... when != A = E8
     when any
(
 B = A + E4;
|
 B = (T3)A + E4;
|
 B = (T3)(A + E4);
|
 T2 B = A + E4;
|
 T2 B = (T3)A + E4;
|
 T2 B = (T3)(A + E4);
)
 ... when != B = E9
     when any
(
 wr@pw(<+... B ...+>, ...)
|
 B[E3]@pw aop E
|
 *B@pw aop E
)

@script:python@
pk << mapped_write_ptr.pk;
pw << mapped_write_ptr.pw;
@@
mapped_writes.setdefault(poskey(pk[0]), []).append(pw[0])

// Pages handed to a scatterlist, mapped for DMA from the device.
@sg_write depends on gup_file exists@
identifier sgf =~ "^(sg_set_page|sg_alloc_table_from_pages|sg_alloc_table_from_pages_segment)$";
expression X, SG, D, E1, E2, E3;
position ps, pw;
@@
 sgf@ps(SG, X, ...)
 ... when any
(
 dma_map_sg@pw(D, E1, E2, \(DMA_FROM_DEVICE\|DMA_BIDIRECTIONAL\))
|
 dma_map_sg_attrs@pw(D, E1, E2, \(DMA_FROM_DEVICE\|DMA_BIDIRECTIONAL\), E3)
|
 dma_map_sgtable@pw(D, E1, \(DMA_FROM_DEVICE\|DMA_BIDIRECTIONAL\), E3)
)

@script:python@
ps << sg_write.ps;
pw << sg_write.pw;
@@
sg_writes.setdefault(poskey(ps[0]), []).append(pw[0])

// The pages array: pages[i].
@arr depends on gup_file exists@
identifier wf =~ "^(memcpy_to_page|memzero_page|zero_user|zero_user_segment|zero_user_segments|copy_page_from_iter|copy_page_from_iter_atomic|memcpy_page|memmove_page|copy_highpage|copy_user_highpage|copy_mc_user_highpage)$";
identifier ff =~ "^(memcpy_to_folio|folio_zero_range|folio_zero_segment|folio_zero_segments|folio_fill_tail)$";
identifier km =~ "^(kmap|kmap_local_page|kmap_atomic|page_address)$";
identifier wr =~ "^(memcpy|memmove|memset|copy_from_user|__copy_from_user|__copy_from_user_inatomic|copy_from_iter|_copy_from_iter|copy_from_iter_full|copy_from_iter_nocache|strscpy|strscpy_pad|strcpy|strncpy|strlcpy)$";
identifier sgf =~ "^(sg_set_page|sg_alloc_table_from_pages|sg_alloc_table_from_pages_segment)$";
expression E1, E2, E3, E4, E5, E6, E7, E8, E9, E10, I, P;
position p1, p2, pd;
position pk : script:python() { poskey(pk[0]) in mapped_writes };
position ps : script:python() { poskey(ps[0]) in sg_writes };
@@
(
 get_user_pages@p1(E1, E2, E3, P)
|
 get_user_pages_fast@p1(E1, E2, E3, P)
|
 get_user_pages_unlocked@p1(E1, E2, P, E3)
|
 get_user_pages_remote@p1(E1, E2, E3, E4, P, E5)
|
 iov_iter_get_pages2@p1(E1, P, ...)
|
 iov_iter_get_pages_alloc2@p1(E1, &P, ...)
)
 ... when != P = E6
     when any
(
*wf@p2(P[I], ...)
|
*ff@p2(page_folio(P[I]), ...)
|
*copy_to_user_page@p2(E7, P[I], ...)
|
*dma_map_page@pd(E7, P[I], E8, E9, \(DMA_FROM_DEVICE\|DMA_BIDIRECTIONAL\))
|
*dma_map_page_attrs@pd(E7, P[I], E8, E9, \(DMA_FROM_DEVICE\|DMA_BIDIRECTIONAL\), E10)
|
*wr@p2(<+... \(km(P[I])\|kmap_local_folio(page_folio(P[I]), E8)\) ...+>, ...)
|
*km@pk(P[I])
|
*kmap_local_folio@pk(page_folio(P[I]), E7)
|
*sgf@ps(E7, P[I], ...)
|
*sgf@ps(E7, P, ...)
)

@script:python depends on org || report@
p1 << arr.p1;
p2 << arr.p2 = [];
pd << arr.pd = [];
pk << arr.pk = [];
ps << arr.ps = [];
@@
warn_write(p1, p2, pd, pk, ps)

// One page: &page passed for a one-entry array.
@one depends on gup_file exists@
identifier wf =~ "^(memcpy_to_page|memzero_page|zero_user|zero_user_segment|zero_user_segments|copy_page_from_iter|copy_page_from_iter_atomic|memcpy_page|memmove_page|copy_highpage|copy_user_highpage|copy_mc_user_highpage)$";
identifier ff =~ "^(memcpy_to_folio|folio_zero_range|folio_zero_segment|folio_zero_segments|folio_fill_tail)$";
identifier km =~ "^(kmap|kmap_local_page|kmap_atomic|page_address)$";
identifier wr =~ "^(memcpy|memmove|memset|copy_from_user|__copy_from_user|__copy_from_user_inatomic|copy_from_iter|_copy_from_iter|copy_from_iter_full|copy_from_iter_nocache|strscpy|strscpy_pad|strcpy|strncpy|strlcpy)$";
identifier sgf =~ "^(sg_set_page|sg_alloc_table_from_pages|sg_alloc_table_from_pages_segment)$";
expression E1, E2, E3, E4, E5, E6, E7, E8, E9, E10;
identifier PG;
position p1, p2, pd;
position pk : script:python() { poskey(pk[0]) in mapped_writes };
position ps : script:python() { poskey(ps[0]) in sg_writes };
@@
(
 get_user_pages@p1(E1, E2, E3, &PG)
|
 get_user_pages_fast@p1(E1, E2, E3, &PG)
|
 get_user_pages_unlocked@p1(E1, E2, &PG, E3)
|
 get_user_pages_remote@p1(E1, E2, E3, E4, &PG, E5)
|
 iov_iter_get_pages2@p1(E1, &PG, ...)
)
 ... when != PG = E6
     when any
(
*wf@p2(PG, ...)
|
*ff@p2(page_folio(PG), ...)
|
*copy_to_user_page@p2(E7, PG, ...)
|
*dma_map_page@pd(E7, PG, E8, E9, \(DMA_FROM_DEVICE\|DMA_BIDIRECTIONAL\))
|
*dma_map_page_attrs@pd(E7, PG, E8, E9, \(DMA_FROM_DEVICE\|DMA_BIDIRECTIONAL\), E10)
|
*wr@p2(<+... \(km(PG)\|kmap_local_folio(page_folio(PG), E8)\) ...+>, ...)
|
*km@pk(PG)
|
*kmap_local_folio@pk(page_folio(PG), E7)
|
*sgf@ps(E7, PG, ...)
)

@script:python depends on org || report@
p1 << one.p1;
p2 << one.p2 = [];
pd << one.pd = [];
pk << one.pk = [];
ps << one.ps = [];
@@
warn_write(p1, p2, pd, pk, ps)

// One page, which get_user_page_vma_remote() returns.
@vma_page depends on gup_file exists@
identifier wf =~ "^(memcpy_to_page|memzero_page|zero_user|zero_user_segment|zero_user_segments|copy_page_from_iter|copy_page_from_iter_atomic|memcpy_page|memmove_page|copy_highpage|copy_user_highpage|copy_mc_user_highpage)$";
identifier ff =~ "^(memcpy_to_folio|folio_zero_range|folio_zero_segment|folio_zero_segments|folio_fill_tail)$";
identifier km =~ "^(kmap|kmap_local_page|kmap_atomic|page_address)$";
identifier wr =~ "^(memcpy|memmove|memset|copy_from_user|__copy_from_user|__copy_from_user_inatomic|copy_from_iter|_copy_from_iter|copy_from_iter_full|copy_from_iter_nocache|strscpy|strscpy_pad|strcpy|strncpy|strlcpy)$";
identifier sgf =~ "^(sg_set_page|sg_alloc_table_from_pages|sg_alloc_table_from_pages_segment)$";
expression E6, E7, E8, E9, E10;
identifier PG;
type T;
position p1, p2, pd;
position pk : script:python() { poskey(pk[0]) in mapped_writes };
position ps : script:python() { poskey(ps[0]) in sg_writes };
@@
(
 PG = get_user_page_vma_remote@p1(...);
|
 T PG = get_user_page_vma_remote@p1(...);
)
 ... when != PG = E6
     when any
(
*wf@p2(PG, ...)
|
*ff@p2(page_folio(PG), ...)
|
*copy_to_user_page@p2(E7, PG, ...)
|
*dma_map_page@pd(E7, PG, E8, E9, \(DMA_FROM_DEVICE\|DMA_BIDIRECTIONAL\))
|
*dma_map_page_attrs@pd(E7, PG, E8, E9, \(DMA_FROM_DEVICE\|DMA_BIDIRECTIONAL\), E10)
|
*wr@p2(<+... \(km(PG)\|kmap_local_folio(page_folio(PG), E8)\) ...+>, ...)
|
*km@pk(PG)
|
*kmap_local_folio@pk(page_folio(PG), E7)
|
*sgf@ps(E7, PG, ...)
)

@script:python depends on org || report@
p1 << vma_page.p1;
p2 << vma_page.p2 = [];
pd << vma_page.pd = [];
pk << vma_page.pk = [];
ps << vma_page.ps = [];
@@
warn_write(p1, p2, pd, pk, ps)

// A page of the array taken into a local variable: page = pages[i].
@alias depends on gup_file exists@
identifier wf =~ "^(memcpy_to_page|memzero_page|zero_user|zero_user_segment|zero_user_segments|copy_page_from_iter|copy_page_from_iter_atomic|memcpy_page|memmove_page|copy_highpage|copy_user_highpage|copy_mc_user_highpage)$";
identifier ff =~ "^(memcpy_to_folio|folio_zero_range|folio_zero_segment|folio_zero_segments|folio_fill_tail)$";
identifier km =~ "^(kmap|kmap_local_page|kmap_atomic|page_address)$";
identifier wr =~ "^(memcpy|memmove|memset|copy_from_user|__copy_from_user|__copy_from_user_inatomic|copy_from_iter|_copy_from_iter|copy_from_iter_full|copy_from_iter_nocache|strscpy|strscpy_pad|strcpy|strncpy|strlcpy)$";
identifier sgf =~ "^(sg_set_page|sg_alloc_table_from_pages|sg_alloc_table_from_pages_segment)$";
expression E1, E2, E3, E4, E5, E6, E7, E8, E9, E10, E11, I, P;
identifier PG;
type T;
position p1, p2, pd;
position pk : script:python() { poskey(pk[0]) in mapped_writes };
position ps : script:python() { poskey(ps[0]) in sg_writes };
@@
(
 get_user_pages@p1(E1, E2, E3, P)
|
 get_user_pages_fast@p1(E1, E2, E3, P)
|
 get_user_pages_unlocked@p1(E1, E2, P, E3)
|
 get_user_pages_remote@p1(E1, E2, E3, E4, P, E5)
|
 iov_iter_get_pages2@p1(E1, P, ...)
|
 iov_iter_get_pages_alloc2@p1(E1, &P, ...)
)
 ... when != P = E6
     when any
(
 PG = P[I];
|
 T PG = P[I];
)
 ... when != PG = E11
     when any
(
*wf@p2(PG, ...)
|
*ff@p2(page_folio(PG), ...)
|
*copy_to_user_page@p2(E7, PG, ...)
|
*dma_map_page@pd(E7, PG, E8, E9, \(DMA_FROM_DEVICE\|DMA_BIDIRECTIONAL\))
|
*dma_map_page_attrs@pd(E7, PG, E8, E9, \(DMA_FROM_DEVICE\|DMA_BIDIRECTIONAL\), E10)
|
*wr@p2(<+... \(km(PG)\|kmap_local_folio(page_folio(PG), E8)\) ...+>, ...)
|
*km@pk(PG)
|
*kmap_local_folio@pk(page_folio(PG), E7)
|
*sgf@ps(E7, PG, ...)
)

@script:python depends on org || report@
p1 << alias.p1;
p2 << alias.p2 = [];
pd << alias.pd = [];
pk << alias.pk = [];
ps << alias.ps = [];
@@
warn_write(p1, p2, pd, pk, ps)
