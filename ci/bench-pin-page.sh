#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# What pin_page() costs a page, against pin_user_pages_fast() on the same
# pages, and as a file folio's mappings grow from 1 to 100
# (ci/bench/pin_page_cost.c through gup_test; the figures and how to read
# them are in ci/bench/README).  Boots the workbench kernel of the series
# tip in QEMU with -icount, so that the guest's clock counts instructions,
# and runs the benchmark alone.  Prints its row: every pin taken or
# refused as it must be, and pin_page(FOLL_WRITE) on mapped anonymous
# memory within twice what pin_user_pages_fast() costs for one page a
# call.  The table is kept in the run's bench-pin-page.txt.
#
# Usage: ci/bench-pin-page.sh
#   BENCH_ICOUNT     QEMU's -icount option (default shift=0,sleep=off)
. "$(dirname "$0")/lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
need_tree

out=$WORKBENCH_OUT/bench-pin-page
bench_install "$out/install" pin_page_cost ||
	{ printf 'FAIL\tci/bench/pin_page_cost.c does not build\n'; exit 1; }
kdir=$("$STEPS/build-kernel.sh" qemu tip) || { printf 'FAIL\tno kernel of the tip\n'; exit 1; }
status=0
bench_boot "$kdir" "$out/install" "$out/tip" || status=1
{
	printf 'pin_page() and pin_user_pages_fast(), ns of guest time a page\n'
	printf '(QEMU -icount %s, -smp 1), best of passes\n' "${BENCH_ICOUNT:-shift=0,sleep=off}"
	sed -n 's/^[# ]*\(clocksource .*\)/\1/p' "$out/tip/ktap.log"
	printf '%s: %s plus the series\n\n' "$TREE_LABEL" "$(git --git-dir="$REPO" log -1 --format=%h "$BASE")"
	sed -n 's/^[# ]*result: //p' "$out/tip/ktap.log"
} >"$WORKBENCH_OUT/bench-pin-page.txt"
cat "$WORKBENCH_OUT/bench-pin-page.txt" >&2
printf 'INFO\tthe table: %s\n' "$WORKBENCH_OUT/bench-pin-page.txt"
exit $status
