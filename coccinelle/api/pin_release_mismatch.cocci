// SPDX-License-Identifier: GPL-2.0-only
///
/// Pages pinned with pin_user_pages*() (FOLL_PIN) are released with
/// unpin_user_page*(), pages referenced with get_user_pages*() (FOLL_GET)
/// with put_page().  A pinned page released with put_page(), folio_put()
/// or release_pages() keeps its pin for ever (GUP_PIN_COUNTING_BIAS
/// references for a small folio: never freed, and DMA-pinned to
/// writeback); a referenced page released with unpin_user_page*() loses
/// a reference it did not have.  The rule follows the pages array (or a
/// single page's pointer) within one function.
/// See Documentation/core-api/pin_user_pages.rst.
///
// Confidence: Moderate
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@pinned exists@
expression E1, E2, E3, E4, E5, E6, I, P;
position p1, p2;
@@
(
 pin_user_pages@p1(E1, E2, E3, P)
|
 pin_user_pages_fast@p1(E1, E2, E3, P)
|
 pin_user_pages_unlocked@p1(E1, E2, P, E3)
|
 pin_user_pages_remote@p1(E1, E2, E3, E4, P, E5)
)
 ... when != P = E6
(
* put_page@p2(P[I])
|
* folio_put@p2(page_folio(P[I]))
|
* release_pages@p2(P, ...)
)

@pinned_one exists@
expression E1, E2, E3, E4, E5, E6, PG;
position p1, p2;
@@
(
 pin_user_pages@p1(E1, E2, E3, &PG)
|
 pin_user_pages_fast@p1(E1, E2, E3, &PG)
|
 pin_user_pages_unlocked@p1(E1, E2, &PG, E3)
|
 pin_user_pages_remote@p1(E1, E2, E3, E4, &PG, E5)
)
 ... when != PG = E6
(
* put_page@p2(PG)
|
* folio_put@p2(page_folio(PG))
)

@got exists@
expression E1, E2, E3, E4, E5, E6, I, P;
position p1, p2;
@@
(
 get_user_pages@p1(E1, E2, E3, P)
|
 get_user_pages_fast@p1(E1, E2, E3, P)
|
 get_user_pages_unlocked@p1(E1, E2, P, E3)
|
 get_user_pages_remote@p1(E1, E2, E3, E4, P, E5)
)
 ... when != P = E6
(
* unpin_user_page@p2(P[I])
|
* unpin_user_pages@p2(P, ...)
|
* unpin_user_pages_dirty_lock@p2(P, ...)
)

@script:python depends on report@
p1 << pinned.p1;
p2 << pinned.p2;
@@
coccilib.report.print_report(p2[0], "WARNING: page pinned on line %s with pin_user_pages*() released without unpin_user_page*()" % p1[0].line)

@script:python depends on org@
p1 << pinned.p1;
p2 << pinned.p2;
@@
coccilib.org.print_todo(p2[0], "WARNING: page pinned on line %s with pin_user_pages*() released without unpin_user_page*()" % p1[0].line)

@script:python depends on report@
p1 << pinned_one.p1;
p2 << pinned_one.p2;
@@
coccilib.report.print_report(p2[0], "WARNING: page pinned on line %s with pin_user_pages*() released without unpin_user_page*()" % p1[0].line)

@script:python depends on org@
p1 << pinned_one.p1;
p2 << pinned_one.p2;
@@
coccilib.org.print_todo(p2[0], "WARNING: page pinned on line %s with pin_user_pages*() released without unpin_user_page*()" % p1[0].line)

@script:python depends on report@
p1 << got.p1;
p2 << got.p2;
@@
coccilib.report.print_report(p2[0], "WARNING: page referenced on line %s with get_user_pages*() released with unpin_user_page*()" % p1[0].line)

@script:python depends on org@
p1 << got.p1;
p2 << got.p2;
@@
coccilib.org.print_todo(p2[0], "WARNING: page referenced on line %s with get_user_pages*() released with unpin_user_page*()" % p1[0].line)
