#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Splice throughput, the series against its base.  Boots the workbench
# kernel of the base and of the series tip (the simulator compiled in, and
# off: nothing marked) one after the other in QEMU with -icount, so the
# guest's clock counts instructions and kernels booted alike compare by
# the work they do, and runs
# ci/bench/splice_throughput in each.  Prints the table (kept in the run's
# bench-splice.txt) on stderr and "STATUS<tab>what" rows on stdout: each
# figure of the series tip must be at least BENCH_MIN_RATIO of the base's,
# and the tip plus patches/broken/splice-confirm-locks-folio.patch (a folio
# lock round trip per page) must fall below it somewhere, or the benchmark
# could not see a regression.
#
# Usage: ci/bench-splice.sh
#   BENCH_MIN_RATIO  default 0.99
#   BENCH_ICOUNT     QEMU's -icount option (default shift=0,sleep=off:
#                    one instruction is one nanosecond of guest time)
. "$(dirname "$0")/lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
min_ratio=${BENCH_MIN_RATIO:-0.99}
icount=${BENCH_ICOUNT:-shift=0,sleep=off}
slow=splice-confirm-locks-folio.patch
need_tree

out=$WORKBENCH_OUT/bench
install=$out/install
bench_install "$install" splice_throughput ||
	{ printf 'FAIL\tci/bench/splice_throughput.c does not build\n'; exit 1; }

labels=(base tip slow)
bench_run base base "$install" "$out"
bench_run tip tip "$install" "$out"
grep -q 'inaccessible-folio simulator present, 0 folios marked' "$out/tip/ktap.log" ||
	{ printf "FAIL\tthe tip's kernel does not have the simulator compiled in and off\n"; exit 1; }
bench_run slow "broken:$slow" "$install" "$out"

status=0
results_py bench "$min_ratio" "$slow" "$out" "${labels[@]}" || status=1
{
	printf 'Splice throughput, MiB/s of guest time (QEMU -icount %s, -smp 1),\n' "$icount"
	sed -n 's/^[# ]*\([0-9]* MiB files, .*\)/best of \1/p' "$out/base/ktap.log"
	bench_table "$out"
	printf '\n(each column after the base: MiB/s and the ratio to the base;\n'
	printf ' slow: the tip plus patches/broken/%s)\n' "$slow"
} >"$WORKBENCH_OUT/bench-splice.txt"
cat "$WORKBENCH_OUT/bench-splice.txt" >&2
printf 'INFO\tthe table: %s\n' "$WORKBENCH_OUT/bench-splice.txt"
exit $status
