// SPDX-License-Identifier: GPL-2.0-only
///
/// Pages whose data the CPU or a device writes are to be taken with
/// pin_user_pages*() (FOLL_PIN) and released with unpin_user_page*(), or
/// unpin_user_pages_dirty_lock() to dirty them, not with get_user_pages*()
/// or iov_iter_get_pages*2() (FOLL_GET): CASE 5 of
/// Documentation/core-api/pin_user_pages.rst, CASES 1 and 2 for DMA.  A
/// plain reference looks like any other; only a pin is visible to
/// folio_maybe_dma_pinned(), which is what lets writeback and stable-page
/// code, reclaim and others tell that the data may still change (a pin
/// does not by itself keep writeback from writing a torn page).
///
/// Reported at the write: memcpy_to_page(), memzero_page(), zero_user*(),
/// copy_page_from_iter*(), copy_to_user_page(), the destination of
/// memcpy_page(), memmove_page() and copy_*highpage(), memcpy_to_folio(),
/// folio_zero_*() and folio_fill_tail() of page_folio(); memcpy(),
/// memmove(), memset(), copy_from_user(), copy_from_iter*(), str*cpy()
/// into kmap(), kmap_local_page(), kmap_atomic(), page_address() of the
/// page or kmap_local_folio() of its folio, or into a pointer P set from
/// one (plus an offset) or copied once from such a pointer (B = A, B = A
/// + n, with or without a cast); P[i], *P or P->field assigned, or
/// incremented or decremented (postfix);
/// dma_map_page*() with a direction other than the constant
/// DMA_TO_DEVICE; with such a direction, dma_map_sg*() of S after
/// sg_set_page(&S[i] or S, page), dma_map_sgtable() of T or dma_map_sg*()
/// of T->sgl after sg_alloc_table_from_pages*(T, pages).  The rule
/// follows, within one function, the pages array (pages[i]), a single
/// page (&page, or what get_user_page_vma_remote() returns) and a local
/// page = pages[i]; an assignment to any of them, to pages[j], to P or to
/// S or T, or &page passed again, in between ends the match.  Not seen:
/// pages kept in a structure and written in another function, a store to
/// a nested field (P->a.b, P->a[i]) or through a pointer advanced in
/// place (*P++), for_each_sg() lists and tables given as &table, vmap(),
/// bio and skb I/O.
///
// Confidence: Moderate
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
# Uses of FOLL_GET pages (where they end) -> lines of the calls taking them.
uses = {}
reported = set()
org_mode = False

def key(p):
    return (p.file, p.line_end, p.column_end)

def use(p1, pu):
    uses.setdefault(key(pu[0]), set()).add(p1[0].line)

def warn(px, ps, what):
    for p in ps:
        for line in sorted(uses[key(px[0])]):
            if (key(p), line) in reported:
                continue
            reported.add((key(p), line))
            msg = "page referenced (FOLL_GET) on line %s %s: take it with pin_user_pages*()" % (line, what)
            if org_mode:
                coccilib.org.print_todo(p, msg)
            else:
                coccilib.report.print_report(p, "WARNING: " + msg)

@script:python depends on org@
@@
org_mode = True

// The pages array: pages[i], the array itself, or a local page = pages[i].
@arr exists@
expression E1, E2, E3, E4, E5, E6, E7, E8, I, P;
identifier PG;
type T;
position p1, pu;
@@
(
 \(get_user_pages@p1\|get_user_pages_fast@p1\)(E1, E2, E3, P)
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
     when != P[E7] = E6
     when any
(
(
 T PG = P[I];
|
 PG = P[I];
)
 ... when != PG = E8
     when any
 PG@pu
|
 P[I]@pu
|
 P@pu
)

@script:python@
p1 << arr.p1;
pu << arr.pu;
@@
use(p1, pu)

// One page: &page passed for a one-entry array, or returned.
@one exists@
expression E1, E2, E3, E4, E5, E;
identifier PG;
position p1, pu;
@@
(
 PG = get_user_page_vma_remote@p1(...)
|
 \(get_user_pages@p1\|get_user_pages_fast@p1\)(E1, E2, E3, &PG)
|
 get_user_pages_unlocked@p1(E1, E2, &PG, E3)
|
 get_user_pages_remote@p1(E1, E2, E3, E4, &PG, E5)
|
 iov_iter_get_pages2@p1(E1, &PG, ...)
)
 ... when != PG = E
     when != &PG
     when any
 PG@pu

@script:python@
p1 << one.p1;
pu << one.pu;
@@
use(p1, pu)

// The writes to such a page.
@sink depends on arr || one exists@
identifier wf =~ "^(memcpy_to_page|memzero_page|zero_user(_segments?)?|copy_page_from_iter(_atomic)?|mem(cpy|move)_page|copy_(mc_)?(user_)?highpage)$";
identifier ff =~ "^(memcpy_to_folio|folio_zero_(range|segments?)|folio_fill_tail)$";
identifier wr =~ "^(mem(cpy|move|set)|(__)?copy_from_user(_inatomic)?|_?copy_from_iter(_full|_nocache)?|str(s|n|l)?cpy|strscpy_pad)$";
identifier km =~ "^(kmap(_local_page|_atomic)?|page_address)$";
identifier kmf =~ "^kmap_local_folio$";
identifier pgf =~ "^page_folio$";
identifier ctup =~ "^copy_to_user_page$";
identifier dmp =~ "^dma_map_page(_attrs)?$";
identifier dms =~ "^dma_map_sg(_attrs)?$";
identifier dmt =~ "^dma_map_sgtable$";
identifier sgp =~ "^sg_set_page$";
identifier sgt =~ "^sg_alloc_table_from_pages(_segment)?$";
expression DIR != DMA_TO_DEVICE;
expression X, D, E, E1, E2, E3, E4, E5, E6, E7, S;
identifier A, B, fld;
assignment operator aop;
type T, T2, T3;
position px : script:python() { key(px[0]) in uses };
position pw, pm, pd;
@@
(
(
(
 T A = \(km(X@px)\|km(X@px) + E1\|kmf(pgf(X@px), E2)\);
|
 A = \(km(X@px)\|km(X@px) + E1\|kmf(pgf(X@px), E2)\);
)
 ... when != A = E4
     when any
(
 T2 B = \(A\|A + E7\|(T3)A\|(T3)A + E7\|(T3)(A + E7)\);
|
 B = \(A\|A + E7\|(T3)A\|(T3)A + E7\|(T3)(A + E7)\);
)
|
 T B = \(km(X@px)\|km(X@px) + E1\|kmf(pgf(X@px), E2)\);
|
 B = \(km(X@px)\|km(X@px) + E1\|kmf(pgf(X@px), E2)\);
)
 ... when != B = E5
     when any
(
*wr@pm(<+... B ...+>, ...)
|
*\(B@pm[E3]\|*B@pm\|B@pm->fld\) aop E
|
*\(B@pm[E3]\|*B@pm\|B@pm->fld\)++
|
*\(B@pm[E3]\|*B@pm\|B@pm->fld\)--
)
|
 sgt(S, X@px, ...)
 ... when != S = E4
     when any
*\(dmt@pd(D, S, DIR, ...)\|dms@pd(D, S->sgl, E, DIR, ...)\)
|
 sgp(\(&S[E6]\|S\), X@px, ...)
 ... when != S = E4
     when any
*dms@pd(D, S, E, DIR, ...)
|
*wf@pw(X@px, ...)
|
*ff@pw(pgf(X@px), ...)
|
*ctup@pw(E, X@px, ...)
|
*dmp@pd(E, X@px, E1, E2, DIR, ...)
|
*wr@pm(<+... \(km(X@px)\|kmf(pgf(X@px), E2)\) ...+>, ...)
)

@script:python depends on (arr || one) && (org || report)@
px << sink.px;
pw << sink.pw = [];
pm << sink.pm = [];
pd << sink.pd = [];
@@
warn(px, pw, "written by the CPU")
warn(px, pm, "written by the CPU through its mapping")
warn(px, pd, "mapped for DMA, direction not DMA_TO_DEVICE")
