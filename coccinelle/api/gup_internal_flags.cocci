// SPDX-License-Identifier: GPL-2.0-only
///
/// FOLL_PIN and FOLL_GET belong to GUP: pin_user_pages*() sets
/// FOLL_PIN, get_user_pages*() sets FOLL_GET.  Outside mm/ a caller that
/// passes one of them either duplicates what the API does or, with the
/// wrong API, mixes pins and references: FOLL_PIN is what makes GUP count
/// the pin and make the folio accessible (arch_make_folio_accessible()).
/// See Documentation/core-api/pin_user_pages.rst.
///
// Confidence: Moderate
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

@flag depends on !patch && !(file in "mm")@
position p;
@@
(
* FOLL_PIN@p
|
* FOLL_GET@p
)

@depends on patch && !(file in "mm")@
expression E;
@@
(
- FOLL_GET | E
+ E
|
- E | FOLL_GET
+ E
|
- FOLL_GET
+ 0
)

@script:python depends on org@
p << flag.p;
@@
coccilib.org.print_todo(p[0], "FOLL_PIN/FOLL_GET are set by the GUP API, not by its callers")

@script:python depends on report@
p << flag.p;
@@
coccilib.report.print_report(p[0], "WARNING: FOLL_PIN/FOLL_GET are set by the GUP API, not by its callers (use pin_user_pages*() or get_user_pages*())")
