#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Proof mode: each test in patches/proofs must fail on the kernel without
# the patch it guards (see that file): the series up to the patch before,
# or the tip plus a deliberately broken variant.  With SERIES=fixes, each
# reproducer of fixes/proofs on the fixes series up to the patch before
# its fix.  Prints "STATUS<tab>verdict" rows; exits 1 if a test did not
# fail where it must.
#
# Usage: [SERIES=fixes] ci/prove-tests.sh
. "$(dirname "$0")/lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
need_tree

# cases_missing CASES ROW: those of the comma-separated CASES that ROW
# ("NAME: failed CASE; CASE; ...") does not name as failed.
cases_missing() {
	local want missing=()

	IFS=, read -ra want <<<"$1"
	for c in "${want[@]}"; do
		[[ "$2" == *": failed "*"$c"* ]] || missing+=("$c")
	done
	printf '%s' "${missing[*]}"
}

install=$("$STEPS/build-selftests.sh") || { printf 'FAIL\tselftests build\n'; exit 1; }
mapfile -t commits < <(git --git-dir="$REPO" rev-list --reverse "$BASE..$TIP")
status=0
n=0
while read -r test want patch mode file; do
	n=$((n + 1))
	what="$test must fail in $want without $patch ($mode${file:+: broken/$file})"
	[ "$patch" = - ] && what="$test must fail in $want on broken/$file"
	index=$(list_entries "$SERIES_FILE" | awk -v p="$patch" '$1 == p { print NR; exit }')
	if [ -z "$index" ] && [ "$patch" != - ]; then
		printf 'FAIL\t%s: %s is not in %s\n' "$what" "$patch" "${SERIES_FILE#"$TOP"/}"
		status=1
		continue
	fi
	case $mode in
	before)
		[ "$patch" != - ] || { printf 'FAIL\t%s: mode before needs a patch\n' "$what"; status=1; continue; }
		rev=base
		[ "$index" -gt 1 ] && rev=${commits[index - 2]}
		;;
	broken) rev=broken:$file ;;
	*)
		printf 'FAIL\t%s: unknown mode %s\n' "$what" "$mode"
		status=1
		continue
		;;
	esac
	run=$WORKBENCH_OUT/proof-$SERIES-$n
	variant=$QEMU_VARIANT
	[ "${test%%:*}" = kunit ] && variant=kunit
	if ! kdir=$("$STEPS/build-kernel.sh" "$variant" "$rev"); then
		printf 'FAIL\t%s: no kernel (%s)\n' "$what" "$WORKBENCH_OUT"
		status=1
		continue
	fi
	# The step fails when the test does, as it must here: the verdict is
	# that the run reached its end and the test failed, not the guest.
	if [ $variant = kunit ]; then
		"$STEPS/run-kunit-in-qemu.sh" "$kdir" "$run" >/dev/null || true
		prefix="FAIL	kunit: ${test#*:}: failed "
		# The reboot after the suites (kunit_shutdown) is the end of run.
		grep -q 'reboot: Restarting system' "$run/console.log" 2>/dev/null && ended=true || ended=false
	else
		PROOF_MODE=1 "$STEPS/run-tests-in-qemu.sh" "$kdir" "$install" "$run" "$test" >/dev/null || true
		prefix="FAIL	selftests: ${test%%:*}: ${test#*:}"
		grep -qxF '# workbench: end of run' "$run/ktap.log" 2>/dev/null && ended=true || ended=false
	fi
	# No such row (the test passed) is the verdict below, not an error.
	row=$(grep -m 1 -F "$prefix" "$run/results.tsv" 2>/dev/null | cut -f2 || true)
	if ! $ended || [ -z "$row" ]; then
		printf 'FAIL\t%s: it did not fail (%s)\n' "$what" "$run"
		status=1
	elif absent=$(cases_missing "$want" "$row") && [ -n "$absent" ]; then
		printf 'FAIL\t%s: it failed, but not in %s: %s\n' "$what" "$absent" "$row"
		status=1
	else
		printf 'PASS\t%s: %s\n' "$what" "$row"
	fi
done < <(list_entries "$PATCH_DIR/proofs")
[ $n -gt 0 ] || printf 'INFO\tno test in %s yet\n' "${PATCH_DIR#"$TOP"/}/proofs"
exit $status
