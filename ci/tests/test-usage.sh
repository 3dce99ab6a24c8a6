#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Every script of ci/ can be run by hand as its usage says: its "Usage:"
# line names it where it is, wrong arguments get the usage and no work
# done, and the cheap ones run as documented from a fresh state (no
# $WORKBENCH_OUT), the guest step with a fake QEMU.  Prints
# "STATUS<tab>case" rows.
#
# Usage: ci/tests/test-usage.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0

pass() { printf 'PASS\tusage: %s\n' "$1"; }
fail() {
	printf 'FAIL\tusage: %s\n' "$1"
	status=1
}

bad=()
for script in $(cd "$TOP" && find ci -name '*.sh' ! -path 'ci/lib/*' | sort); do
	grep -q "^# Usage: .*$script\\b" "$TOP/$script" || bad+=("$script: no Usage line naming it")
	[ -x "$TOP/$script" ] || bad+=("$script: not executable")
	rc=0
	out=$(cd / && WORKBENCH_OUT=$scratch/out timeout 10 "$TOP/$script" --no-such-option a b c d 2>&1) || rc=$?
	if [ $rc -eq 0 ] || [ $rc -eq 124 ] || ! grep -q 'usage: ' <<<"$out"; then
		bad+=("$script: wrong arguments give exit $rc, $(tail -n 1 <<<"$out")")
	fi
	[ ! -e "$scratch/out/tree.env" ] || bad+=("$script: prepared the tree before checking its arguments")
	rm -rf "$scratch/out"
done
if [ ${#bad[@]} -eq 0 ]; then
	pass "every script names itself and refuses wrong arguments"
else
	fail "$(printf '%s; ' "${bad[@]}")"
fi

# by_hand CASE COMMAND...: COMMAND, run from / with no run of its own
# around it, exits 0.
by_hand() {
	local name=$1 out
	shift
	if out=$(cd / && env -u WORKBENCH_OUT "$@" 2>&1); then
		pass "$name"
	else
		fail "$name: $(tail -n 1 <<<"$out")"
	fi
}
by_hand "ci/checks/check-series-files.sh" "$CHECKS/check-series-files.sh"
by_hand "ci/checks/check-mirrors.sh" "$CHECKS/check-mirrors.sh"
cp -r "$TOP" "$scratch/project"
by_hand "ci/checks/check-mirrors.sh --update" "$scratch/project/ci/checks/check-mirrors.sh" --update
if diff -r "$TOP/tools-testing-selftests" "$scratch/project/tools-testing-selftests" >/dev/null &&
	diff -r "$TOP/coccinelle" "$scratch/project/coccinelle" >/dev/null; then
	pass "--update of mirrors that match changes nothing"
else
	fail "--update of mirrors that match changed them"
fi
by_hand "ci/checks/check-kernel-doc.sh" "$CHECKS/check-kernel-doc.sh"
by_hand "ci/steps/fetch-kernel-source.sh base-kernel" "$STEPS/fetch-kernel-source.sh" base-kernel
by_hand "ci/steps/qemu-accel.sh with QEMU_ACCEL=tcg" env QEMU_ACCEL=tcg "$STEPS/qemu-accel.sh" /dev/null

# The guest step, whole (initramfs, boot, judge), on a fake QEMU that
# plays a guest whose one test passes.
need_tree
mkdir -p "$scratch/kernel/usr" "$scratch/install"
touch "$scratch/kernel/bzImage" "$scratch/kernel/.config"
gcc -o "$scratch/kernel/usr/gen_init_cpio" "$SRC/usr/gen_init_cpio.c" || fail "gen_init_cpio does not build"
cp -a "$SRC/tools/testing/selftests/run_kselftest.sh" "$SRC/tools/testing/selftests/kselftest" "$scratch/install/"
cat >"$scratch/qemu" <<'FAKE'
#!/bin/bash
[ "$1" = --version ] && { echo "QEMU emulator version 0.0 (fake guest)"; exit 0; }
serial=()
while [ $# -gt 0 ]; do
	[ "$1" = -serial ] && serial+=("${2#file:}")
	shift
done
echo "Linux version 0.0 (fake)" >"${serial[0]}"
printf '%s\n' "# workbench: first test at 1.0 s of guest uptime" "TAP version 13" "1..1" \
	"# selftests: fake: one" "# ok 1 fake.case" "ok 1 selftests: fake: one" \
	"# workbench: end of run" >"${serial[1]}"
FAKE
chmod +x "$scratch/qemu"
rows=$(cd / && env -u WORKBENCH_OUT QEMU="$scratch/qemu" QEMU_ACCEL=tcg \
	"$STEPS/run-tests-in-qemu.sh" "$scratch/kernel" "$scratch/install" "$scratch/run" fake:one 2>/dev/null) || true
if [ "$rows" = "$(printf 'PASS\tselftests: fake: one')" ]; then
	pass "ci/steps/run-tests-in-qemu.sh (fake QEMU)"
else
	fail "ci/steps/run-tests-in-qemu.sh (fake QEMU) gave: $(tr '\n' ' ' <<<"$rows")"
fi
exit $status
