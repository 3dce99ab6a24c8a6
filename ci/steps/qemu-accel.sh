#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Choose QEMU's accelerator for this machine and print it (kvm or tcg).
#
# Usage: ci/steps/qemu-accel.sh BZIMAGE
#   QEMU_ACCEL  tcg: TCG, no question asked; kvm: KVM, and an error when it
#               does not work; unset: KVM if it has proven to work here,
#               else TCG
#   QEMU        the QEMU binary (default qemu-system-x86_64)
#   KVM_DEVICE  the KVM device (default /dev/kvm)
#
# A writable /dev/kvm does not mean KVM works: on a nested AMD host Debian
# 12's QEMU dies with "failed to set MSR 0x10a", and with other -cpu models
# the guest starts and prints nothing.  So KVM is tried once: BZIMAGE is
# booted with no root filesystem, and KVM works if the kernel's banner is
# on the console within QEMU_PROBE_TIMEOUT seconds (default 30; a working
# KVM takes about one).  The verdict is kept per machine (QEMU version,
# host kernel, CPU) in $WORKBENCH_CACHE/qemu-accel/; QEMU_ACCEL=kvm tries
# again.
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 1 ] || die "usage: $0 BZIMAGE"
bzimage=$1
qemu=${QEMU:-qemu-system-x86_64}
device=${KVM_DEVICE:-/dev/kvm}
probe_timeout=${QEMU_PROBE_TIMEOUT:-30}

case ${QEMU_ACCEL:-} in
tcg) echo tcg; exit 0 ;;
kvm | '') ;;
*) die "QEMU_ACCEL=$QEMU_ACCEL: kvm or tcg" ;;
esac
[ -r "$bzimage" ] || die "no kernel $bzimage"
if [ ! -w "$device" ]; then
	[ "${QEMU_ACCEL:-}" = kvm ] && die "QEMU_ACCEL=kvm, but $device is not there or not writable"
	echo tcg
	exit 0
fi

# probe: "kvm", or "tcg<tab>why KVM does not work".
probe() {
	local dir rc=0
	dir=$(mktemp -d)
	timeout -k 5 "$probe_timeout" "$qemu" -accel kvm -cpu max -m 256M \
		-nodefaults -display none -no-reboot -kernel "$bzimage" \
		-append "console=ttyS0 panic=-1" -serial file:"$dir/console" \
		>"$dir/qemu.log" 2>&1 &
	trap 'kill $! 2>/dev/null || true' EXIT
	wait $! || rc=$?
	trap - EXIT
	if grep -q 'Linux version' "$dir/console" 2>/dev/null; then
		echo kvm
	elif [ $rc -eq 124 ]; then
		printf 'tcg\tthe guest printed nothing in %ss\n' "$probe_timeout"
	else
		printf 'tcg\t%s\n' "$(grep -m 1 . "$dir/qemu.log" || echo "QEMU exited with status $rc")"
	fi
	rm -rf "$dir"
}

key=$( { "$qemu" --version 2>&1 | head -n 1; uname -r; echo "$device";
	grep -m 1 '^model name' /proc/cpuinfo; } | sha1sum | cut -c1-16)
verdict_file=$WORKBENCH_CACHE/qemu-accel/$key
# Asked for, KVM is tried again: the user may have just fixed it.
if [ ! -s "$verdict_file" ] || [ "${QEMU_ACCEL:-}" = kvm ]; then
	mkdir -p "${verdict_file%/*}"
	probe >"$verdict_file.tmp"
	mv "$verdict_file.tmp" "$verdict_file"
fi
IFS=$'\t' read -r accel why <"$verdict_file"
if [ "$accel" = kvm ]; then
	echo kvm
elif [ "${QEMU_ACCEL:-}" = kvm ]; then
	die "QEMU_ACCEL=kvm, but KVM does not work here: $why (verdict kept in $verdict_file)"
else
	log "KVM does not work here ($why): using TCG (verdict kept in $verdict_file)"
	echo tcg
fi
