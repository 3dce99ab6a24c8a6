#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The accelerator choice and the guest watchdogs, with fake QEMUs that
# behave like the real ones this project has met: KVM that dies at once
# (nested AMD host: "failed to set MSR 0x10a"), KVM whose guest prints
# nothing, and KVM that works.  Prints "STATUS<tab>case" rows.
#
# Usage: ci/tests/test-qemu-accel.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
touch "$scratch/kvm" "$scratch/bzImage" "$scratch/initramfs"

# fake NAME BODY: a qemu-system-x86_64 that runs BODY under TCG and with
# -accel kvm alike ($accel says which; $console is the first -serial file).
fake() {
	cat >"$scratch/$1" <<FAKE
#!/bin/bash
[ "\$1" = --version ] && { echo "QEMU emulator version 0.0 ($1)"; exit 0; }
accel=tcg console=
while [ \$# -gt 0 ]; do
	case \$1 in
	-accel) accel=\$2 ;;
	-serial) [ -n "\$console" ] || console=\${2#file:} ;;
	esac
	shift
done
$2
FAKE
	chmod +x "$scratch/$1"
}
fake msr-fails '[ $accel = kvm ] && { echo "qemu-system-x86_64: error: failed to set MSR 0x10a to 0x69" >&2; exit 134; }
echo "Linux version 0.0" >"$console"'
fake kvm-silent '[ $accel = kvm ] && exec sleep 60
echo "Linux version 0.0" >"$console"'
fake kvm-works 'echo "Linux version 0.0" >"$console"'
fake always-silent 'exec sleep 60'

# accel CASE QEMU [ENV...]: the accelerator qemu-accel.sh picks, and what
# it said, with an empty verdict cache.
accel() {
	local name=$1 qemu=$2
	shift 2
	rm -rf "$scratch/cache"
	env WORKBENCH_CACHE="$scratch/cache" QEMU="$scratch/$qemu" KVM_DEVICE="$scratch/kvm" \
		QEMU_PROBE_TIMEOUT=3 "$@" "$STEPS/qemu-accel.sh" "$scratch/bzImage" \
		>"$scratch/$name.out" 2>"$scratch/$name.err"
}

# expect CASE CONDITION: a row for CASE, PASS if CONDITION holds.
expect() {
	if eval "$2"; then
		printf 'PASS\tqemu: %s\n' "$1"
	else
		printf 'FAIL\tqemu: %s (%s)\n' "$1" "$(cat "$scratch"/*.err 2>/dev/null | tail -n 1)"
		status=1
	fi
}

accel msr msr-fails
expect "KVM that dies at once: TCG, and one line saying why" \
	'[ "$(cat "$scratch/msr.out")" = tcg ] && grep -q "failed to set MSR 0x10a" "$scratch/msr.err"'
accel silent kvm-silent
expect "KVM whose guest prints nothing: TCG" \
	'[ "$(cat "$scratch/silent.out")" = tcg ] && grep -q "printed nothing" "$scratch/silent.err"'
accel works kvm-works
expect "KVM that works: KVM" '[ "$(cat "$scratch/works.out")" = kvm ]'
accel nodev kvm-works KVM_DEVICE="$scratch/no-such-device"
expect "no KVM device: TCG, no probe" '[ "$(cat "$scratch/nodev.out")" = tcg ]'
! accel asked msr-fails QEMU_ACCEL=kvm
expect "QEMU_ACCEL=kvm that does not work: a clear error" \
	'grep -q "QEMU_ACCEL=kvm, but KVM does not work here: .*MSR 0x10a" "$scratch/asked.err"'
accel tcg msr-fails QEMU_ACCEL=tcg
expect "QEMU_ACCEL=tcg: TCG" '[ "$(cat "$scratch/tcg.out")" = tcg ]'

# The verdict is kept: a second call does not probe again.
rm -rf "$scratch/cache"
env WORKBENCH_CACHE="$scratch/cache" QEMU="$scratch/kvm-silent" KVM_DEVICE="$scratch/kvm" \
	QEMU_PROBE_TIMEOUT=3 "$STEPS/qemu-accel.sh" "$scratch/bzImage" >/dev/null 2>&1
t0=$(date +%s)
env WORKBENCH_CACHE="$scratch/cache" QEMU="$scratch/kvm-silent" KVM_DEVICE="$scratch/kvm" \
	QEMU_PROBE_TIMEOUT=3 "$STEPS/qemu-accel.sh" "$scratch/bzImage" >"$scratch/again.out" 2>/dev/null
expect "the verdict is kept per machine" \
	'[ "$(cat "$scratch/again.out")" = tcg ] && [ $(($(date +%s) - t0)) -lt 2 ]'

# A booted guest that prints nothing is caught in GUEST_SILENCE seconds.
t0=$(date +%s)
! env WORKBENCH_CACHE="$scratch/cache" QEMU="$scratch/always-silent" KVM_DEVICE="$scratch/kvm" \
	QEMU_PROBE_TIMEOUT=3 GUEST_SILENCE=3 "$STEPS/boot-qemu.sh" "$scratch" \
	"$scratch/initramfs" "$scratch/run" >/dev/null 2>"$scratch/boot.err"
expect "a silent guest is caught within GUEST_SILENCE, not GUEST_TIMEOUT" \
	'grep -q "printed nothing in 3s" "$scratch/boot.err" && [ $(($(date +%s) - t0)) -lt 20 ]'
sleep 1
expect "the silent guest's QEMU is gone" '! pgrep -f "$scratch/always-silent" >/dev/null'
exit $status
