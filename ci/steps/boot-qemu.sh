#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Boot a kernel in QEMU with an initramfs and a fresh ext4 scratch disk;
# the guest (ci/guest/init) runs the selftests and powers off.  Leaves in
# RUN_DIR: console.log (kernel messages), ktap.log (run_kselftest.sh's
# output) and qemu.log.
#
# Usage: ci/steps/boot-qemu.sh [--shell] KERNEL_DIR INITRAMFS RUN_DIR
#   --shell        the guest's console on this terminal and a shell in it
#                  instead of the run (no timeouts; exit powers it off)
#   GUEST_TIMEOUT  seconds before the guest is declared hung (default 600:
#                  the debug kernel's whole run, boot to power-off, takes
#                  55 s of wall time under TCG, the workbench kernel's 8 s;
#                  the benchmark's 50 s)
#   GUEST_SILENCE  seconds the guest may print nothing at all before it is
#                  declared dead (default 60; the debug kernel's first line
#                  comes within 2)
#   GUEST_SMP      virtual CPUs (default 1: what every run so far had, see
#                  README), each a socket of its own: the kernels have no
#                  ACPI, and SeaBIOS's MP table lists one CPU a socket, so
#                  two cores of one socket boot as one
#   QEMU_ACCEL     kvm or tcg (default: see ci/steps/qemu-accel.sh;
#                  -icount needs tcg)
#   QEMU_EXTRA     more QEMU options (e.g. "-icount shift=0" for benchmarks)
#   GUEST_CMDLINE  more kernel parameters (e.g. vhost.metadata_map=1)
#   QEMU           the QEMU binary (default qemu-system-x86_64)
. "$(dirname "$0")/../lib/common.sh"
shell=false
[ "${1:-}" = --shell ] && { shell=true; shift; }
[ $# -eq 3 ] || die "usage: $0 [--shell] KERNEL_DIR INITRAMFS RUN_DIR"
kdir=$1 initramfs=$2 run=$3
timeout=${GUEST_TIMEOUT:-600}
silence=${GUEST_SILENCE:-60}
[ -r "$kdir/bzImage" ] || die "no $kdir/bzImage"
[ -r "$initramfs" ] || die "no initramfs $initramfs"
mkdir -p "$run"
rm -f "$run/console.log" "$run/ktap.raw" "$run/ktap.log" "$run/scratch.img"

accel=$("$STEPS/qemu-accel.sh" "$kdir/bzImage")
scratch_disk "$run/scratch.img"
: >"$run/console.log"
# A movable zone: pages GUP must migrate before a long-term pin
# (gup_longterm) and pin_page() must refuse one (pin_page's
# longterm.movable).
append="console=ttyS0 panic=-1 printk.devkmsg=on movablecore=32M${GUEST_CMDLINE:+ $GUEST_CMDLINE}"
console=file:$run/console.log
if $shell; then
	append+=" workbench.shell"
	console=mon:stdio
fi

# No 5-level paging (la57=off): under it, generic KASAN gives false
# wild-memory-access reports from interrupts early in boot
# (https://lkml.iu.edu/2606.1/07330.html); one debug-kernel run in our CI
# reported "wild-memory-access in rcu_is_watching", which irq entry calls
# when it interrupts the idle task.  Nothing under test needs LA57.
# QEMU_EXTRA is options, split as the shell does; commas are -drive's.
# shellcheck disable=SC2206,SC2054
qemu=("${QEMU:-qemu-system-x86_64}"
	-accel "$accel" -cpu max,la57=off -smp "${GUEST_SMP:-1},sockets=${GUEST_SMP:-1},cores=1" -m 2G
	-nodefaults -display none -no-reboot
	-kernel "$kdir/bzImage" -initrd "$initramfs" -append "$append"
	-drive file="$run/scratch.img",if=virtio,format=raw
	-serial "$console" -serial file:"$run/ktap.raw" ${QEMU_EXTRA:-})
if $shell; then
	# In the foreground, on this terminal, as long as the user wants.
	"${qemu[@]}"
	rm -f "$run/ktap.raw" "$run/scratch.img"
	exit 0
fi
timeout -k 10 "$timeout" "${qemu[@]}" >"$run/qemu.log" 2>&1 &
pid=$!
# An interrupted run leaves no guest behind.
trap 'kill "$pid" 2>/dev/null || true' EXIT
# A guest that prints nothing at all is dead: do not wait GUEST_TIMEOUT
# for it.  (Once it has booted, the tests write to the second port, and
# may be quiet for minutes; GUEST_TIMEOUT and the per-test timeout cover
# a guest that hangs later.)
waited=0
while kill -0 "$pid" 2>/dev/null; do
	if [ ! -s "$run/console.log" ] && [ "$waited" -ge "$silence" ]; then
		kill "$pid"
		wait "$pid" || true
		rm -f "$run/ktap.raw" "$run/scratch.img"
		die "the guest ($accel) printed nothing in ${silence}s (see $run/qemu.log)"
	fi
	sleep 1
	waited=$((waited + 1))
done
rc=0
wait "$pid" || rc=$?
trap - EXIT
if [ -e "$run/ktap.raw" ]; then
	tr -d '\r' <"$run/ktap.raw" >"$run/ktap.log"
else
	: >"$run/ktap.log"
fi
rm -f "$run/ktap.raw" "$run/scratch.img"
case $rc in
0) ;;
124) die "guest hung: no end of run after ${timeout}s (see $run/console.log)" ;;
*) die "qemu ($accel) failed with status $rc: $(head -n 1 "$run/qemu.log")" ;;
esac
