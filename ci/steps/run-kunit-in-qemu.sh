#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Boot a KUnit kernel (ci/steps/build-kernel.sh kunit) with no root file
# system: it runs its suites at boot and reboots, which ends QEMU
# (-no-reboot), as under tools/testing/kunit/kunit.py run, whose own QEMU command line asks for
# KVM first and dies where /dev/kvm opens but cannot run a guest.  Prints
# the run's results as "STATUS<tab>what" rows (ci/lib/results.py kunit:
# one row per suite, the failed cases named, splats as failures); exits 1
# when anything failed.
#
# Usage: ci/steps/run-kunit-in-qemu.sh KERNEL_DIR RUN_DIR
#   GUEST_TIMEOUT  seconds before the guest is declared hung (default 120;
#                  boot, x86_pgprot and reboot take 2 s under TCG)
#   QEMU_ACCEL, QEMU  as for ci/steps/boot-qemu.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 2 ] || die "usage: $0 KERNEL_DIR RUN_DIR"
kdir=$(realpath -m "$1") run=$(realpath -m "$2")
[ -r "$kdir/bzImage" ] || die "no kernel in $kdir (ci/steps/build-kernel.sh kunit prints one)"
need_tree
mkdir -p "$run"
rm -f "$run/console.log" "$run/results.tsv" "$run/splats.log"
accel=$("$STEPS/qemu-accel.sh" "$kdir/bzImage")
timeout=${GUEST_TIMEOUT:-120}
rc=0
timeout -k 10 "$timeout" "${QEMU:-qemu-system-x86_64}" -accel "$accel" \
	-cpu max,la57=off -m 1G -nodefaults -display none -no-reboot \
	-kernel "$kdir/bzImage" -serial file:"$run/console.log" \
	-append "console=ttyS0 panic=-1 kunit_shutdown=reboot" \
	>"$run/qemu.log" 2>&1 || rc=$?
case $rc in
0) ;;
124) printf 'FAIL\tguest hung: no reboot after %ss (%s)\n' "$timeout" "$run/console.log" ;;
*) printf 'FAIL\tqemu (%s) failed with status %s: %s\n' "$accel" "$rc" "$(head -n 1 "$run/qemu.log")" ;;
esac
results_py kunit "$SRC/tools/testing/kunit/kunit.py" "$CI/splat-patterns" "$run" "$kdir/.config" &&
	[ $rc -eq 0 ]
