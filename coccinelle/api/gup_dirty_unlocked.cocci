// SPDX-License-Identifier: GPL-2.0-only
///
/// A page from get_user_pages*() or pin_user_pages*() may be page cache.
/// Its caller holds a reference on the page but none on the file:
/// set_page_dirty(), folio_mark_dirty() and SetPageDirty() without the
/// page (folio) lock race with truncation, which can take the page out of
/// its mapping and free the mapping (the inode) under ->dirty_folio(); the
/// bare flag of SetPageDirty() also skips the file system and the dirty
/// accounting.  See folio_mark_dirty_lock() in mm/page-writeback.c, and
/// Documentation/core-api/pin_user_pages.rst for which of the two APIs to
/// use.  The correct forms: unpin_user_pages_dirty_lock(),
/// unpin_user_page_range_dirty_lock() or unpin_folios() after
/// folio_mark_dirty_lock() for pinned pages, set_page_dirty_lock() or
/// folio_mark_dirty_lock() for referenced ones, or the dirtying done
/// between lock_page() (folio_lock(), trylock_page(), folio_trylock())
/// and the unlock.  The rule follows, within one function, the pages
/// array (pages[i]), a single page's pointer (&page, or what
/// get_user_page_vma_remote() returns), a local page = pages[i] and a
/// local folio = page_folio(page); a lock of the same page or folio held
/// on some path to the dirtying (not released in between) silences it,
/// as does an assignment to the array, page or folio in between.
///
/// False positives by nature: pages the caller knows to be anonymous (the
/// race is with the truncation of a file; an anonymous folio has no file
/// mapping to lose), and dirtying from an mmu notifier invalidation
/// callback, with the PTE being torn down still present: the page is
/// still mapped, and truncation unmaps (which calls the notifier) before
/// it takes the page out of the page cache, so the mapping cannot go
/// away under the callback (drivers/infiniband/core/umem_odp.c relies on
/// this).  Also a lock taken by a caller is not seen.
///
/// No patch mode: set_page_dirty_lock() sleeps, and whether the context
/// may sleep (no spinlock, RCU, kmap_atomic() or preemption disabled) or
/// a caller already holds the lock is not for this rule to see; in an mmu
/// notifier callback the lock can deadlock against migration, which holds
/// the folio lock while it unmaps (i915_gem_userptr.c takes a trylock for
/// that); and for pinned pages the fix is rather to release them with
/// unpin_user_pages_dirty_lock().
///
// Confidence: Moderate
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
# Calls of page_folio() whose result, kept in a variable, is marked dirty,
# by position, with the dirtying calls; the dirtying calls made with the
# page or folio locked.
folio_dirtied = {}
locked = set()
reported = set()
org_mode = False

def poskey(p):
    return (p.file, p.line, p.column)

def unlocked(p):
    return poskey(p) not in locked

def folio_unlocked(p):
    return any(unlocked(w) for w in folio_dirtied.get(poskey(p), []))

def warn_dirty(p1, p2, pf):
    line = p1[0].line
    found = list(p2)
    for p in pf:
        found.extend(folio_dirtied.get(poskey(p), []))
    for p in found:
        k = poskey(p)
        if not unlocked(p) or (k, line) in reported:
            continue
        reported.add((k, line))
        msg = "page from get_user_pages*()/pin_user_pages*() on line %s marked dirty without its lock: use set_page_dirty_lock() or unpin_user_pages_dirty_lock()" % line
        if org_mode:
            coccilib.org.print_todo(p, msg)
        else:
            coccilib.report.print_report(p, "WARNING: " + msg)

@script:python depends on org@
@@
org_mode = True

// Only files that call the GUP API: these tokens keep spatch from parsing
// every file that marks a page dirty for the helper rules below.
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
|
 pin_user_pages(...)
|
 pin_user_pages_fast(...)
|
 pin_user_pages_unlocked(...)
|
 pin_user_pages_remote(...)
)

// A folio kept in a variable and marked dirty.
@folio_dirty depends on gup_file exists@
identifier pgf =~ "^page_folio$";
identifier fmd =~ "^folio_mark_dirty$";
identifier F;
expression X, E;
type T;
position pf, pw;
@@
(
 F = pgf@pf(X);
|
 T F = pgf@pf(X);
)
 ... when != F = E
     when any
 fmd@pw(F)

@script:python@
pf << folio_dirty.pf;
pw << folio_dirty.pw;
@@
folio_dirtied.setdefault(poskey(pf[0]), []).append(pw[0])

// Dirtying with the page, or its folio, locked on some path to it.
@locked_page depends on gup_file exists@
identifier lk =~ "^(lock_page|trylock_page|folio_lock|folio_trylock|folio_lock_killable|folio_lock_or_retry)$";
identifier ul =~ "^(unlock_page|folio_unlock)$";
identifier sd =~ "^(set_page_dirty|SetPageDirty)$";
expression X;
position pd;
@@
 lk(\(X\|page_folio(X)\), ...)
 ... when != ul(\(X\|page_folio(X)\))
     when any
(
 sd@pd(X)
|
 folio_mark_dirty@pd(page_folio(X))
)

@script:python@
pd << locked_page.pd;
@@
locked.add(poskey(pd[0]))

@locked_folio depends on gup_file exists@
identifier lk =~ "^(folio_lock|folio_trylock|folio_lock_killable|folio_lock_or_retry)$";
identifier ul =~ "^folio_unlock$";
identifier fmd =~ "^folio_mark_dirty$";
expression F;
position pd;
@@
 lk(F, ...)
 ... when != ul(F)
     when any
 fmd@pd(F)

@script:python@
pd << locked_folio.pd;
@@
locked.add(poskey(pd[0]))

// The page dirtied while its folio, kept in a variable, is locked.
@locked_alias depends on gup_file exists@
identifier lk =~ "^(folio_lock|folio_trylock|folio_lock_killable|folio_lock_or_retry)$";
identifier ul =~ "^folio_unlock$";
identifier pgf =~ "^page_folio$";
identifier sd =~ "^(set_page_dirty|SetPageDirty)$";
identifier F;
expression X, E;
type T;
position pd;
@@
(
 F = pgf(X);
|
 T F = pgf(X);
)
 ... when != F = E
     when any
 lk(F, ...)
 ... when != ul(F)
     when any
(
 sd@pd(X)
|
 folio_mark_dirty@pd(page_folio(X))
)

@script:python@
pd << locked_alias.pd;
@@
locked.add(poskey(pd[0]))

// The pages array: pages[i].
@arr depends on gup_file exists@
identifier sd =~ "^(set_page_dirty|SetPageDirty)$";
expression E1, E2, E3, E4, E5, E6, I, P;
position p1;
position p2 : script:python() { unlocked(p2[0]) };
position pf : script:python() { folio_unlocked(pf[0]) };
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
|
 pin_user_pages@p1(E1, E2, E3, P)
|
 pin_user_pages_fast@p1(E1, E2, E3, P)
|
 pin_user_pages_unlocked@p1(E1, E2, P, E3)
|
 pin_user_pages_remote@p1(E1, E2, E3, E4, P, E5)
)
 ... when != P = E6
     when any
(
*sd@p2(P[I])
|
*folio_mark_dirty@p2(page_folio(P[I]))
|
*page_folio@pf(P[I])
)

@script:python depends on org || report@
p1 << arr.p1;
p2 << arr.p2 = [];
pf << arr.pf = [];
@@
warn_dirty(p1, p2, pf)

// One page: &page passed for a one-entry array.
@one depends on gup_file exists@
identifier sd =~ "^(set_page_dirty|SetPageDirty)$";
expression E1, E2, E3, E4, E5, E6;
identifier PG;
position p1;
position p2 : script:python() { unlocked(p2[0]) };
position pf : script:python() { folio_unlocked(pf[0]) };
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
|
 pin_user_pages@p1(E1, E2, E3, &PG)
|
 pin_user_pages_fast@p1(E1, E2, E3, &PG)
|
 pin_user_pages_unlocked@p1(E1, E2, &PG, E3)
|
 pin_user_pages_remote@p1(E1, E2, E3, E4, &PG, E5)
)
 ... when != PG = E6
     when any
(
*sd@p2(PG)
|
*folio_mark_dirty@p2(page_folio(PG))
|
*page_folio@pf(PG)
)

@script:python depends on org || report@
p1 << one.p1;
p2 << one.p2 = [];
pf << one.pf = [];
@@
warn_dirty(p1, p2, pf)

// One page, which get_user_page_vma_remote() returns.
@vma_page depends on gup_file exists@
identifier sd =~ "^(set_page_dirty|SetPageDirty)$";
expression E6;
identifier PG;
type T;
position p1;
position p2 : script:python() { unlocked(p2[0]) };
position pf : script:python() { folio_unlocked(pf[0]) };
@@
(
 PG = get_user_page_vma_remote@p1(...);
|
 T PG = get_user_page_vma_remote@p1(...);
)
 ... when != PG = E6
     when any
(
*sd@p2(PG)
|
*folio_mark_dirty@p2(page_folio(PG))
|
*page_folio@pf(PG)
)

@script:python depends on org || report@
p1 << vma_page.p1;
p2 << vma_page.p2 = [];
pf << vma_page.pf = [];
@@
warn_dirty(p1, p2, pf)

// A page of the array taken into a local variable: page = pages[i].
@alias depends on gup_file exists@
identifier sd =~ "^(set_page_dirty|SetPageDirty)$";
expression E1, E2, E3, E4, E5, E6, E7, I, P;
identifier PG;
type T;
position p1;
position p2 : script:python() { unlocked(p2[0]) };
position pf : script:python() { folio_unlocked(pf[0]) };
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
|
 pin_user_pages@p1(E1, E2, E3, P)
|
 pin_user_pages_fast@p1(E1, E2, E3, P)
|
 pin_user_pages_unlocked@p1(E1, E2, P, E3)
|
 pin_user_pages_remote@p1(E1, E2, E3, E4, P, E5)
)
 ... when != P = E6
     when any
(
 PG = P[I];
|
 T PG = P[I];
)
 ... when != PG = E7
     when any
(
*sd@p2(PG)
|
*folio_mark_dirty@p2(page_folio(PG))
|
*page_folio@pf(PG)
)

@script:python depends on org || report@
p1 << alias.p1;
p2 << alias.p2 = [];
pf << alias.pf = [];
@@
warn_dirty(p1, p2, pf)
