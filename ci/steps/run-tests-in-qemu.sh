#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Boot a kernel with a set of selftests and judge the run: the one step
# the main job, proof mode and the benchmark share.  Prints the run's
# results as "STATUS<tab>what" rows (ci/lib/results.py judge: one row per
# selftest program, the failed cases named, splats and a run that did not
# reach its end as failures); exits 1 when anything failed.
#
# Usage: ci/steps/run-tests-in-qemu.sh KERNEL_DIR SELFTESTS_INSTALL RUN_DIR [COLLECTION:TEST ...]
#   KERNEL_DIR         from ci/steps/build-kernel.sh
#   SELFTESTS_INSTALL  from ci/steps/build-selftests.sh (or any kselftest
#                      install directory with run_kselftest.sh)
#   RUN_DIR            where the logs go (console.log, ktap.log, results.tsv)
#   COLLECTION:TEST    what run_kselftest.sh runs (default SELFTEST_RUN of
#                      ci/selftests.conf)
# The guest's settings (GUEST_TIMEOUT, QEMU_ACCEL, ...) are those of
# ci/steps/boot-qemu.sh.
. "$(dirname "$0")/../lib/common.sh"
usage="usage: $0 KERNEL_DIR SELFTESTS_INSTALL RUN_DIR [COLLECTION:TEST ...]"
[ $# -ge 3 ] || die "$usage"
kdir=$(realpath -m "$1") install=$(realpath -m "$2") run=$(realpath -m "$3")
shift 3
for test in "$@"; do
	case $test in *?:?*) ;; *) die "$usage" ;; esac
done
[ -r "$kdir/bzImage" ] || die "no kernel in $kdir (ci/steps/build-kernel.sh prints one)"
[ -x "$install/run_kselftest.sh" ] || die "no run_kselftest.sh in $install (ci/steps/build-selftests.sh prints one)"
need_tree
mkdir -p "$run"
# Nothing of an earlier run in RUN_DIR may stand for this one.
rm -f "$run/results.tsv" "$run/splats.log"
"$STEPS/make-initramfs.sh" "$kdir" "$install" "$run/initramfs.cpio" ${1:+"$*"} ||
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
# The guest has the CPUs it was given.
cpus=$(sed -n 's/^# workbench: CPUs online: //p' "$run/ktap.log")
if [ -n "$cpus" ] && [ "$cpus" != "${GUEST_SMP:-1}" ]; then
	printf 'FAIL\tthe guest has %s CPUs online, not the %s it was given\n' "$cpus" "${GUEST_SMP:-1}"
	rc=1
fi
results_py judge "$SRC/tools/testing/kunit/kunit.py" "$CI/splat-patterns" "$run" "$kdir/.config" &&
	exit $rc
