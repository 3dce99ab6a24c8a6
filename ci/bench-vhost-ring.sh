#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vhost's ring path alone, the series against its base: tools/virtio's
# virtio_test (built from the tip, which patch 0007 lets build again)
# against drivers/vhost/test.c, built in by
# patches/bench/vhost-test-builtin.patch.  Boots the workbench kernel of
# the base and of the series tip, each with that patch, one after the other
# in QEMU with -icount, and runs ci/bench/vhost_ring_rate in each (see
# ci/bench/README).  Prints the table (kept in the run's
# bench-vhost-ring.txt) on stderr and "STATUS<tab>what" rows on stdout.
# Gated, as vhost runs by default (vhost.metadata_map off): the tip must
# reach BENCH_MIN_RATIO of the base, and the tip plus
# patches/broken/vhost-meta-map-off-out-of-line.patch must fall below it.
# Measured, not gated: the tip with the rings mapped (booted with
# vhost.metadata_map=1), whose cost in instructions under TCG is not what
# it saves on hardware (ci/bench/README).
#
# Usage: ci/bench-vhost-ring.sh
#   BENCH_MIN_RATIO  default 0.985 (ci/bench/README says why)
#   BENCH_ICOUNT     QEMU's -icount option (default shift=0,sleep=off)
. "$(dirname "$0")/lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
min_ratio=${BENCH_MIN_RATIO:-0.985}
icount=${BENCH_ICOUNT:-shift=0,sleep=off}
slow=vhost-meta-map-off-out-of-line.patch
with=bench/vhost-test-builtin.patch
need_tree

out=$WORKBENCH_OUT/bench-vhost-ring
install=$out/install
bench_install "$install" vhost_ring_rate ||
	{ printf 'FAIL\tci/bench/vhost_ring_rate.c does not build\n'; exit 1; }

# virtio_test, static, from the tip's tools/virtio and uapi headers; kept
# by the tip's tree.
cached=$WORKBENCH_CACHE/virtio_test/$(git --git-dir="$REPO" rev-parse "$TIP^{tree}")
if [ ! -x "$cached/virtio_test" ]; then
	src=$out/virtio-src
	rm -rf "$src" "$cached"
	mkdir -p "$src" "$cached"
	git --git-dir="$REPO" archive "$TIP" Makefile scripts include arch/x86 \
		tools/virtio tools/include drivers/virtio drivers/vhost | tar -x -C "$src"
	if ! { make -C "$src" headers_install INSTALL_HDR_PATH="$src/usr" &&
		make -C "$src/tools/virtio" virtio_test LDFLAGS="-static -pthread"; } \
		>"$out/virtio_test.log" 2>&1; then
		printf 'FAIL\ttools/virtio/virtio_test does not build (%s)\n' "$out/virtio_test.log"
		exit 1
	fi
	cp "$src/tools/virtio/virtio_test" "$cached/"
	rm -rf "$src"
fi
cp "$cached/virtio_test" "$install/bench/"

labels=(base tip slow)
bench_run base "base+$with" "$install" "$out"
bench_run tip "tip+$with" "$install" "$out"
bench_run slow "tip+broken/$slow+$with" "$install" "$out"
GUEST_CMDLINE=vhost.metadata_map=1 bench_run mapped "tip+$with" "$install" "$out"
grep -q 'vhost.metadata_map Y' "$out/mapped/ktap.log" &&
	grep -q ' [1-9][0-9]* pins taken' "$out/mapped/ktap.log" ||
	{ printf "FAIL\tthe tip booted with vhost.metadata_map=1 did not map the rings\n"; exit 1; }

status=0
results_py bench "$min_ratio" "$slow" "$out" "${labels[@]}" || status=1
rate() { sed -n 's/.*result: ring descriptors best \([0-9.]*\) .*/\1/p' "$out/$1/ktap.log"; }
printf 'INFO\tthe rings mapped (vhost.metadata_map=1): %s kdesc/s, %s of the base'"'"'s %s\n' \
	"$(rate mapped)" "$(awk -v m="$(rate mapped)" -v b="$(rate base)" 'BEGIN { printf "%.4f", m / b }')" \
	"$(rate base)"
{
	printf 'virtio_test against vhost-test, kdesc/s of guest time (QEMU -icount %s, -smp 1),\n' "$icount"
	sed -n 's/^[# ]*\(virtio_test against .*\)/best of \1/p' "$out/base/ktap.log"
	bench_table "$out"
	printf '\n(each column after the base: kdesc/s and the ratio to the base;\n'
	printf ' ns (instructions) a descriptor at best: base %s, tip %s, slow %s;\n' \
		"$(sed -n 's/.*kdesc\/s, \([0-9]*\) ns a descriptor.*/\1/p' "$out/base/ktap.log")" \
		"$(sed -n 's/.*kdesc\/s, \([0-9]*\) ns a descriptor.*/\1/p' "$out/tip/ktap.log")" \
		"$(sed -n 's/.*kdesc\/s, \([0-9]*\) ns a descriptor.*/\1/p' "$out/slow/ktap.log")"
	printf ' slow: the tip plus patches/broken/%s)\n' "$slow"
	printf 'the tip with the rings mapped (vhost.metadata_map=1): %s kdesc/s, %s ns a descriptor\n' \
		"$(rate mapped)" "$(sed -n 's/.*kdesc\/s, \([0-9]*\) ns a descriptor.*/\1/p' "$out/mapped/ktap.log")"
} >"$WORKBENCH_OUT/bench-vhost-ring.txt"
cat "$WORKBENCH_OUT/bench-vhost-ring.txt" >&2
printf 'INFO\tthe table: %s\n' "$WORKBENCH_OUT/bench-vhost-ring.txt"
exit $status
