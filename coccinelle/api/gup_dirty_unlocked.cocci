// SPDX-License-Identifier: GPL-2.0-only
///
/// A page from get_user_pages*() or pin_user_pages*() may be page cache.
/// Its caller holds a reference on the page but none on the file:
/// set_page_dirty(), folio_mark_dirty() and SetPageDirty() without the
/// page (folio) lock race with truncation, which can take the page out of
/// its mapping and free the mapping (the inode) under ->dirty_folio(); the
/// bare flag of SetPageDirty() also skips the file system and the dirty
/// accounting.  See folio_mark_dirty_lock() in mm/page-writeback.c and
/// Documentation/core-api/pin_user_pages.rst.  The correct forms:
/// unpin_user_pages_dirty_lock(), unpin_user_page_range_dirty_lock() or
/// unpin_folios() after folio_mark_dirty_lock() for pinned pages,
/// set_page_dirty_lock() or folio_mark_dirty_lock() for referenced ones,
/// or the page locked (lock_page(), trylock_page(), folio_lock*(),
/// folio_trylock()) on every path to the dirtying.
///
/// The rule follows, within one function, the pages array (pages[i]), a
/// single page (&page, or what get_user_page_vma_remote() returns), a
/// local page = pages[i] and a local folio = page_folio(page); an
/// assignment to any of them or to pages[j], or &page passed again, in
/// between ends the match.  Across the functions of a file it follows an
/// array kept in a structure: given to get_user_pages*() or
/// pin_user_pages*() (the _fast, _unlocked and _remote forms) as s->pages,
/// or stored there (s->pages = pages) before or after such a call fills
/// it, then used anywhere in the file as s2->pages[i], as pages[i] after
/// pages = s2->pages, or as page after page = s2->pages[i] (a field of
/// that name in any structure of the file).  Not followed there: an array
/// given at an offset (s->pages + n, &s->pages[n]), through iov_iter or
/// through a member of a member (s->b.pages), and a helper that takes the
/// array as a parameter.  Nor in a file that registers an MMU notifier,
/// which may dirty such pages under the notifier's guarantee (below), from
/// a function this rule cannot tell from the others; in v7.3 that leaves
/// no report out.  It reports the dirtying if a path reaches it, from the
/// function's start or from an unlock of the page (or of
/// page_folio(page)), without a lock of the page, of page_folio(page) or
/// of a folio variable set from it.  Not seen: a lock taken by a caller (a
/// false positive), the unlock of such a folio variable (what follows
/// counts as locked), a structure's array that also holds pages GUP did
/// not take, or a field of the same name in another structure (false
/// positives).  False positives by nature: pages known to be anonymous (no
/// file mapping to lose), and dirtying in an mmu notifier invalidation
/// callback with the PTE still present (truncation unmaps, calling the
/// notifier, before it takes the page out of the page cache).
///
/// No patch mode: set_page_dirty_lock() sleeps, and whether the context
/// may sleep or a caller holds the lock is not for this rule to see; in
/// an mmu notifier callback the lock can deadlock against migration,
/// which holds the folio lock while it unmaps (i915_gem_userptr.c takes a
/// trylock for that); and pinned pages are rather to be released with
/// unpin_user_pages_dirty_lock().
///
// Confidence: Moderate
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
# Uses of GUP pages (where they end) -> lines of the calls taking them;
# the dirtying calls reached without the lock.
uses = {}
# Fields of structures that hold GUP page arrays -> lines of the calls.
fields = {}
# Files that register an MMU notifier.
notified = set()
unlocked = set()
reported = set()
org_mode = False

def key(p):
    return (p.file, p.line_end, p.column_end)

def use(p1, pu):
    uses.setdefault(key(pu[0]), set()).add(p1[0].line)

def field(fld, p1):
    fields.setdefault((p1[0].file, fld), set()).add(p1[0].line)

def warn(px, ps):
    for p in ps:
        for line in sorted(uses[key(px[0])]):
            if (key(p), line) in reported:
                continue
            reported.add((key(p), line))
            msg = "page from get_user_pages*()/pin_user_pages*() on line %s marked dirty without its lock: use set_page_dirty_lock() or unpin_user_pages_dirty_lock()" % line
            if org_mode:
                coccilib.org.print_todo(p, msg)
            else:
                coccilib.report.print_report(p, "WARNING: " + msg)

@script:python depends on org@
@@
org_mode = True

// The pages array: pages[i], or a local page = pages[i].
@arr exists@
expression E1, E2, E3, E4, E5, E6, E7, E8, I, P;
identifier PG;
type T;
position p1, pu;
@@
(
 \(get_user_pages@p1\|get_user_pages_fast@p1\|pin_user_pages@p1\|pin_user_pages_fast@p1\)(E1, E2, E3, P)
|
 \(get_user_pages_unlocked@p1\|pin_user_pages_unlocked@p1\)(E1, E2, P, E3)
|
 \(get_user_pages_remote@p1\|pin_user_pages_remote@p1\)(E1, E2, E3, E4, P, E5)
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
 \(get_user_pages@p1\|get_user_pages_fast@p1\|pin_user_pages@p1\|pin_user_pages_fast@p1\)(E1, E2, E3, &PG)
|
 \(get_user_pages_unlocked@p1\|pin_user_pages_unlocked@p1\)(E1, E2, &PG, E3)
|
 \(get_user_pages_remote@p1\|pin_user_pages_remote@p1\)(E1, E2, E3, E4, &PG, E5)
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

// Pages kept in a structure: the array given to GUP is a field (S->fld),
// or is stored in one around the call; their uses, in any function of the
// file, are S2->fld[i], pages[i] after a local pages = S2->fld, and page
// after a local page = S2->fld[i].
@fldgup exists@
expression E1, E2, E3, E4, E5, S;
identifier fld;
position p1;
@@
(
 \(get_user_pages@p1\|get_user_pages_fast@p1\|pin_user_pages@p1\|pin_user_pages_fast@p1\)(E1, E2, E3, S->fld)
|
 \(get_user_pages_unlocked@p1\|pin_user_pages_unlocked@p1\)(E1, E2, S->fld, E3)
|
 \(get_user_pages_remote@p1\|pin_user_pages_remote@p1\)(E1, E2, E3, E4, S->fld, E5)
)

@script:python@
p1 << fldgup.p1;
fld << fldgup.fld;
@@
field(fld, p1)

@fldset exists@
expression E1, E2, E3, E4, E5, E6, E7, S, P;
identifier fld;
position p1;
@@
(
 S->fld = P;
 ... when != P = E6
     when != P[E7] = E6
     when any
(
 \(get_user_pages@p1\|get_user_pages_fast@p1\|pin_user_pages@p1\|pin_user_pages_fast@p1\)(E1, E2, E3, P)
|
 \(get_user_pages_unlocked@p1\|pin_user_pages_unlocked@p1\)(E1, E2, P, E3)
|
 \(get_user_pages_remote@p1\|pin_user_pages_remote@p1\)(E1, E2, E3, E4, P, E5)
)
|
(
 \(get_user_pages@p1\|get_user_pages_fast@p1\|pin_user_pages@p1\|pin_user_pages_fast@p1\)(E1, E2, E3, P)
|
 \(get_user_pages_unlocked@p1\|pin_user_pages_unlocked@p1\)(E1, E2, P, E3)
|
 \(get_user_pages_remote@p1\|pin_user_pages_remote@p1\)(E1, E2, E3, E4, P, E5)
)
 ... when != P = E6
     when != P[E7] = E6
     when any
 S->fld = P;
)

@script:python@
p1 << fldset.p1;
fld << fldset.fld;
@@
field(fld, p1)

// A file with an MMU notifier may dirty such pages under the notifier's
// guarantee (see above), which this rule cannot see across functions.
@notifier depends on fldgup || fldset@
position pn;
@@
(
 mmu_interval_notifier_insert@pn(...)
|
 mmu_interval_notifier_insert_locked@pn(...)
|
 mmu_notifier_register@pn(...)
|
 __mmu_notifier_register@pn(...)
|
 mmu_notifier_get@pn(...)
|
 mmu_notifier_get_locked@pn(...)
)

@script:python@
pn << notifier.pn;
@@
notified.add(pn[0].file)

@fielduse depends on fldgup || fldset exists@
identifier gf;
expression S, I, E, E2;
identifier PG;
type T;
position pu;
@@
(
(
 T PG = S->gf;
|
 PG = S->gf;
)
 ... when != PG = E
     when != PG[E2] = E
     when any
 PG[I]@pu
|
(
 struct page *PG = S->gf[I];
|
 PG = S->gf[I];
)
 ... when != PG = E
     when any
 PG@pu
|
 S->gf[I]@pu
)

@script:python@
gf << fielduse.gf;
pu << fielduse.pu;
@@
if pu[0].file not in notified:
    for line in fields.get((pu[0].file, gf), ()):
        uses.setdefault(key(pu[0]), set()).add(line)

// Dirtying reached from the function's start on a path that does not lock
// the page, page_folio(page) or a folio variable set from it.
@free depends on arr || one || fielduse exists@
identifier lk =~ "^(lock_page|trylock_page|folio_(try)?lock(_killable|_or_retry)?)$";
identifier sd =~ "^(set_page_dirty|SetPageDirty|folio_mark_dirty)$";
identifier pgf =~ "^page_folio$";
expression X, E;
identifier fn, F, F0;
type T;
position pd;
@@
fn(...) {
 ... when != lk(\(X\|pgf(X)\))
     when != F0 = pgf(X)
     when any
(
(
 T F = pgf(X);
|
 F = pgf(X);
)
 ... when != lk(\(X\|pgf(X)\|F\))
     when != F = E
     when any
 \(sd@pd(X)\|sd@pd(F)\|sd@pd(pgf(X))\)
|
 \(sd@pd(X)\|sd@pd(pgf(X))\)
)
 ... when any
}

@script:python@
pd << free.pd;
@@
unlocked.add(key(pd[0]))

// The dirtying of such a page, or of its folio kept in a variable, so
// reached or reached from an unlock of the page without a lock again.
@sink depends on arr || one || fielduse exists@
identifier lk =~ "^(lock_page|trylock_page|folio_(try)?lock(_killable|_or_retry)?)$";
identifier ul =~ "^(unlock_page|folio_unlock)$";
identifier sd =~ "^(set_page_dirty|SetPageDirty|folio_mark_dirty)$";
identifier pgf =~ "^page_folio$";
expression X, E;
identifier F;
type T;
position px : script:python() { key(px[0]) in uses };
position pd : script:python() { key(pd[0]) in unlocked };
position pr;
@@
(
(
 T F = pgf(X@px);
|
 F = pgf(X@px);
)
 ... when != F = E
     when any
*sd@pd(F)
|
 ul(\(X\|pgf(X)\))
 ... when != lk(\(X\|pgf(X)\))
     when any
*\(sd@pr(X@px)\|sd@pr(pgf(X@px))\)
|
*\(sd@pd(X@px)\|sd@pd(pgf(X@px))\)
)

@script:python depends on (arr || one || fielduse) && (org || report)@
px << sink.px;
pd << sink.pd = [];
pr << sink.pr = [];
@@
warn(px, pd + pr)
