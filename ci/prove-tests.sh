#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Proof mode: each test in patches/proofs must fail on the kernel without
# the patch it guards (see that file).  Kernels before a patch come from
# the per-commit builds when those ran; broken variants are built here.
# Prints "STATUS<tab>verdict" lines.
#
# Usage: ci/prove-tests.sh
. "$(dirname "$0")/lib.sh"
ensure_out
load_tree_state
# Commits are built in the tip's own checkout and build directory: the
# same paths keep ccache hitting and the builds incremental.
trap 'checkout "$REPO" "$SRC" "$TIP"' EXIT

install=$("$CI/build-selftests.sh") || { printf 'FAIL\tselftests build\n'; exit 1; }
commits=($(git --git-dir="$REPO" rev-list --reverse "$BASE..$TIP"))
status=0
n=0
while read -r test patch mode file; do
	n=$((n + 1))
	what="$test must fail without $patch ($mode)"
	[ "$patch" = - ] && what="$test must fail on broken/$file"
	index=$(list_entries "$TOP/series" | awk -v p="$patch" '$1 == p { print NR; exit }')
	if [ -z "$index" ] && [ "$patch" != - ]; then
		printf 'FAIL\t%s: %s is not in series\n' "$what" "$patch"
		status=1
		continue
	fi
	case $mode in
	before)
		[ "$patch" != - ] || { printf 'FAIL\t%s: mode before needs a patch\n' "$what"; status=1; continue; }
		before=$BASE
		[ "$index" -gt 1 ] && before=${commits[index - 2]}
		checkout "$REPO" "$SRC" "$before"
		;;
	broken)
		checkout_broken "$file" ||
			{ printf 'FAIL\t%s: broken/%s does not apply\n' "$what" "$file"; status=1; continue; }
		;;
	*)
		printf 'FAIL\t%s: unknown mode\n' "$what"
		status=1
		continue
		;;
	esac
	run=$WORKBENCH_OUT/proof-$n
	mkdir -p "$run"
	if kdir=$("$CI/build-kernel.sh" --step qemu "$SRC") &&
		"$CI/make-initramfs.sh" "$kdir" "$install" "$run/initramfs.cpio" "$test" &&
		"$CI/boot-and-test.sh" "$kdir" "$run/initramfs.cpio" "$run"; then
		"$CI/judge-run.sh" "$SRC/tools/testing/kunit/kunit.py" "$run" >/dev/null || true
		if grep -q '^# workbench: end of run$' "$run/ktap.log" &&
			grep -qxF "$(printf 'FAIL\tselftests: %s: %s' "${test%%:*}" "${test#*:}")" "$run/results.tsv"; then
			printf 'PASS\t%s: it fails (%s)\n' "$what" "$run/ktap.log"
			continue
		fi
		printf 'FAIL\t%s: it did not fail (%s)\n' "$what" "$run/ktap.log"
	else
		printf 'FAIL\t%s: no kernel or no run (%s)\n' "$what" "$run"
	fi
	status=1
done < <(list_entries "$TOP/patches/proofs")
[ $n -gt 0 ] || printf 'INFO\tno test in patches/proofs yet\n'
exit $status
