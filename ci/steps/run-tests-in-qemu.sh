#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Boot a kernel with a set of selftests and judge the run: the one step
# the main job, proof mode and the benchmark share.  Prints the run's
# results as "STATUS<tab>what" rows (ci/lib/results.py judge: one row per
# selftest program, the failed cases named, splats and a run that did not
# reach its end as failures); exits 1 when anything failed.
#
# Usage: ci/steps/run-tests-in-qemu.sh KERNEL_DIR SELFTESTS_INSTALL RUN_DIR [TESTS]
#   KERNEL_DIR         from ci/steps/build-kernel.sh
#   SELFTESTS_INSTALL  from ci/steps/build-selftests.sh (or any kselftest
#                      install directory with run_kselftest.sh)
#   RUN_DIR            where the logs go (console.log, ktap.log, results.tsv)
#   TESTS              what run_kselftest.sh runs, COLLECTION:TEST ...
#                      (default SELFTEST_RUN of ci/selftests.conf)
# The guest's settings (GUEST_TIMEOUT, QEMU_ACCEL, ...) are those of
# ci/steps/boot-qemu.sh.
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 3 ] || [ $# -eq 4 ] || die "usage: $0 KERNEL_DIR SELFTESTS_INSTALL RUN_DIR [TESTS]"
kdir=$1 install=$2 run=$3
need_tree
mkdir -p "$run"
"$STEPS/make-initramfs.sh" "$kdir" "$install" "$run/initramfs.cpio" ${4:+"$4"} ||
	{ printf 'FAIL\tinitramfs\n'; exit 1; }
rc=0
"$STEPS/boot-qemu.sh" "$kdir" "$run/initramfs.cpio" "$run" 2>"$run/boot.log" || rc=$?
cat "$run/boot.log" >&2
rm -f "$run/initramfs.cpio"
if [ $rc -ne 0 ]; then
	printf 'FAIL\t%s\n' "$(sed -n 's/^[^:]*: error: //p' "$run/boot.log" | tail -n 1)"
	# What the guest said before it died names the test it died in.
	[ -s "$run/ktap.log" ] || exit 1
fi
results_py judge "$SRC/tools/testing/kunit/kunit.py" "$CI/splat-patterns" "$run" &&
	exit $rc
