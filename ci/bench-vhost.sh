#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vhost-net's packet rate, the series against its base.  Boots the
# workbench kernel of the base (user accessors) and of the series tip
# (patch 0006: the rings through kernel mappings) one after the other in
# QEMU with -icount, and runs ci/bench/vhost_net_pps in each (see
# ci/bench/README).  Prints the table (kept in the run's bench-vhost.txt)
# on stderr and "STATUS<tab>what" rows on stdout: each figure of the tip
# must be at least BENCH_MIN_RATIO of the base's (0.98: counted in
# instructions, the mapping's checks and lock cost about what the stac/clac
# pairs they replace cost, see ci/bench/README), and the tip plus
# patches/broken/vhost-meta-map-every-round.patch (the rings mapped again
# at every round) must fall below it somewhere, or the benchmark could
# not see a regression.
#
# Usage: ci/bench-vhost.sh
#   BENCH_MIN_RATIO  default 0.98
#   BENCH_ICOUNT     QEMU's -icount option (default shift=0,sleep=off:
#                    one instruction is one nanosecond of guest time)
. "$(dirname "$0")/lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
min_ratio=${BENCH_MIN_RATIO:-0.98}
icount=${BENCH_ICOUNT:-shift=0,sleep=off}
slow=vhost-meta-map-every-round.patch
need_tree

out=$WORKBENCH_OUT/bench-vhost
install=$out/install
bench_install "$install" vhost_net_pps ||
	{ printf 'FAIL\tci/bench/vhost_net_pps.c does not build\n'; exit 1; }

labels=(base tip slow)
bench_run base base "$install" "$out"
bench_run tip tip "$install" "$out"
grep -q 'vhost.metadata_map Y' "$out/tip/ktap.log" ||
	{ printf "FAIL\tthe tip's kernel does not map the rings (vhost.metadata_map is not Y)\n"; exit 1; }
bench_run slow "broken:$slow" "$install" "$out"

status=0
results_py bench "$min_ratio" "$slow" "$out" "${labels[@]}" || status=1
{
	printf 'vhost-net over a tap, kpps of guest time (QEMU -icount %s, -smp 1),\n' "$icount"
	sed -n 's/^[# ]*\([0-9]* frames of .*\)/best of \1/p' "$out/base/ktap.log"
	bench_table "$out"
	printf '\n(each column after the base: kpps and the ratio to the base;\n'
	printf ' ns (instructions) a packet at best, tx/rx: base %s, tip %s;\n' \
		"$(sed -n 's/.*kpps, \([0-9]*\) ns a packet.*/\1/p' "$out/base/ktap.log" | paste -sd/)" \
		"$(sed -n 's/.*kpps, \([0-9]*\) ns a packet.*/\1/p' "$out/tip/ktap.log" | paste -sd/)"
	printf ' slow: the tip plus patches/broken/%s)\n' "$slow"
} >"$WORKBENCH_OUT/bench-vhost.txt"
cat "$WORKBENCH_OUT/bench-vhost.txt" >&2
printf 'INFO\tthe table: %s\n' "$WORKBENCH_OUT/bench-vhost.txt"
exit $status
