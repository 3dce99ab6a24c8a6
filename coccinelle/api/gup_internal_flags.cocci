// SPDX-License-Identifier: GPL-2.0-only
///
/// FOLL_GET is set by the GUP API itself: get_user_pages*() set it, and
/// pin_user_pages*() set FOLL_PIN instead and fail the call, with a
/// warning, when FOLL_GET comes with it (is_valid_gup_args()).  A caller
/// that passes FOLL_GET either repeats what the API does or makes its
/// pin fail.  FOLL_PIN itself is private to mm/ (mm/internal.h), so
/// outside mm/ the compiler already refuses it.  The patch mode drops
/// FOLL_GET from a call's flags; passed through a variable, it is only
/// reported.  See Documentation/core-api/pin_user_pages.rst.
///
// Confidence: High
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

// FOLL_GET taken out (gup_flags & ~FOLL_GET) is not passed.
@cleared@
position p;
@@
 ~FOLL_GET@p

@flag depends on !patch@
identifier gup =~ "^(get_user_pages(_fast|_fast_only|_remote|_unlocked)?|pin_user_pages(_fast|_remote|_unlocked)?|get_user_page_vma_remote)$";
expression list es;
position p != cleared.p;
@@
* gup(es, <+... FOLL_GET@p ...+>, ...)

@flag_var depends on !patch exists@
identifier gup =~ "^(get_user_pages(_fast|_fast_only|_remote|_unlocked)?|pin_user_pages(_fast|_remote|_unlocked)?|get_user_page_vma_remote)$";
identifier fl;
expression E;
type T;
position p != cleared.p;
@@
(
 T fl = <+... FOLL_GET@p ...+>;
|
 fl = <+... FOLL_GET@p ...+>
)
 ... when != fl = E
* gup(..., fl, ...)

@depends on patch@
identifier gup =~ "^(get_user_pages(_fast|_fast_only|_remote|_unlocked)?|pin_user_pages(_fast|_remote|_unlocked)?|get_user_page_vma_remote)$";
expression list es;
expression E;
@@
 gup(es,
(
- FOLL_GET
+ 0
|
 <+...
(
- FOLL_GET | E
+ E
|
- E | FOLL_GET
+ E
)
 ...+>
)
 , ...)

@script:python depends on org@
gup << flag.gup;
p << flag.p;
@@
coccilib.org.print_todo(p[0], "FOLL_GET passed to %s(): get_user_pages*() set it, pin_user_pages*() refuse it" % gup)

@script:python depends on org@
gup << flag_var.gup;
p << flag_var.p;
@@
coccilib.org.print_todo(p[0], "FOLL_GET passed to %s(): get_user_pages*() set it, pin_user_pages*() refuse it" % gup)

@script:python depends on report@
gup << flag.gup;
p << flag.p;
@@
coccilib.report.print_report(p[0], "WARNING: FOLL_GET passed to %s(): get_user_pages*() set it, pin_user_pages*() refuse it" % gup)

@script:python depends on report@
gup << flag_var.gup;
p << flag_var.p;
@@
coccilib.report.print_report(p[0], "WARNING: FOLL_GET passed to %s(): get_user_pages*() set it, pin_user_pages*() refuse it" % gup)
