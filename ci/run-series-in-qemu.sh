#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The main job: apply the series to the kernel tree, build it, boot it in
# QEMU, run the selftests and print the results.
#
# Usage: [KERNEL_TREE=/path/to/linux] ci/run-series-in-qemu.sh [qemu|debug]
#   qemu   the workbench config (default)
#   debug  the same with KASAN, lockdep, DEBUG_ATOMIC_SLEEP, DEBUG_VM_PGTABLE
#          and fault injection
# Run alone it prints its summary; ci/test-all.sh runs it as two stages.
. "$(dirname "$0")/lib.sh"
variant=${1:-qemu}
standalone=false
[ -z "${WORKBENCH_OUT:-}" ] && standalone=true
ensure_out

if $standalone; then
	"$CI/install-deps.sh"
	"$CI/prepare-tree.sh"
fi
load_tree_state
stage="selftests in QEMU, $variant kernel, $TREE_LABEL"
run=$WORKBENCH_OUT/run-$variant

fail() {
	record "$stage" FAIL "$1"
	$standalone && "$CI/summarize.sh"
	exit 1
}

kdir=$("$CI/build-kernel.sh" "$variant" "$SRC") || fail "kernel build"
install=$("$CI/build-selftests.sh") || fail "selftests build"
"$CI/make-initramfs.sh" "$kdir" "$install" "$WORKBENCH_OUT/initramfs.cpio" ||
	fail "initramfs"
err=$("$CI/boot-and-test.sh" "$kdir" "$WORKBENCH_OUT/initramfs.cpio" "$run" 2>&1) ||
	fail "${err##*error: }"
"$CI/judge-run.sh" "$SRC/tools/testing/kunit/kunit.py" "$run" >/dev/null || true
record_file "$stage" "$run/results.tsv"
record "$stage" INFO "$(sed -n 's/^# workbench: \(first test at .*\)/guest: \1/p' "$run/ktap.log")"
$standalone && exec "$CI/summarize.sh"
exit 0
