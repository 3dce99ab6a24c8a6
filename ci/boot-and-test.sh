#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Boot a kernel in QEMU with the selftest initramfs and a fresh ext4 scratch
# disk; the guest runs the selftests and powers off.  Leaves in RUN_DIR:
# console.log (kernel messages) and ktap.log (run_kselftest.sh output).
#
# Usage: ci/boot-and-test.sh KERNEL_DIR INITRAMFS RUN_DIR
#   GUEST_TIMEOUT  seconds before the guest is declared hung (default 2400)
#   GUEST_SMP      virtual CPUs (default 2)
#   QEMU_ACCEL     kvm or tcg (default kvm where /dev/kvm is usable;
#                  -icount needs tcg)
#   QEMU_EXTRA     more QEMU options (e.g. "-icount shift=0" for benchmarks)
. "$(dirname "$0")/lib.sh"
[ $# -eq 3 ] || die "usage: $0 KERNEL_DIR INITRAMFS RUN_DIR"
kdir=$1 initramfs=$2 run=$3
timeout=${GUEST_TIMEOUT:-2400}
mkdir -p "$run"
rm -f "$run/console.log" "$run/ktap.raw" "$run/ktap.log" "$run/scratch.img"

truncate -s 1G "$run/scratch.img"
# No lazy initialisation: no ext4lazyinit thread writing behind the tests.
mkfs.ext4 -q -F -L scratch -E lazy_itable_init=0,lazy_journal_init=0 \
	"$run/scratch.img" || die "mkfs.ext4 failed"

accel=${QEMU_ACCEL:-tcg}
[ -z "${QEMU_ACCEL:-}" ] && [ -w /dev/kvm ] && accel=kvm
rc=0
# shellcheck disable=SC2086
timeout -k 10 "$timeout" qemu-system-x86_64 \
	-accel "$accel" -cpu max -smp "${GUEST_SMP:-2}" -m 2G \
	-nodefaults -display none -no-reboot \
	-kernel "$kdir/bzImage" -initrd "$initramfs" \
	-append "console=ttyS0 panic=-1 printk.devkmsg=on" \
	-drive file="$run/scratch.img",if=virtio,format=raw \
	-serial file:"$run/console.log" -serial file:"$run/ktap.raw" \
	${QEMU_EXTRA:-} >"$run/qemu.log" 2>&1 || rc=$?
tr -d '\r' <"$run/ktap.raw" >"$run/ktap.log"
rm -f "$run/ktap.raw" "$run/scratch.img"
case $rc in
0) ;;
124) die "guest hung: no end of run after ${timeout}s (see $run/console.log)" ;;
*) die "qemu failed with status $rc: $(head -n 1 "$run/qemu.log")" ;;
esac
