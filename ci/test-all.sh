#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The test command: the workbench's own tests, then the main job on
# the workbench and debug kernels, every static check a maintainer runs,
# proof mode and the benchmarks.  Ends with "N passed, N failed, N
# skipped"; exits 1 on any failure.
#
# Usage: [KERNEL_TREE=/path/to/linux [KERNEL_REF=rev]] ci/test-all.sh
. "$(dirname "$0")/lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
ensure_out
lock_cache
start=$(date +%s)

# prepare: the packages and the kernel tree, as one row.  The backport
# check's tree is imported beside it: an import is one core's work (xz,
# then git's hashing), and the machine has two.
prepare() {
	local err import rc=0
	err=$("$STEPS/install-deps.sh" 2>&1) || rc=$?
	if [ $rc -eq 0 ]; then
		"$STEPS/fetch-kernel-source.sh" backport-kernel >/dev/null \
			2>"$WORKBENCH_OUT/backport-import.log" &
		import=$!
		err+=$'\n'$("$STEPS/prepare-tree.sh" 2>&1) || rc=$?
		wait "$import" ||
			log "the backport's tree was not imported: ci/checks/check-backport.sh tries again and says why"
	fi
	printf '%s\n' "$err" >&2
	if [ $rc -ne 0 ]; then
		printf 'FAIL\t%s\n' "$(tail -n 1 <<<"$err" | sed 's/^[^:]*: error: //')"
		return 1
	fi
	need_tree
	printf 'INFO\t%s, %s patches and %s fixes (git am and quilt agree)\n' "$TREE_LABEL" \
		"$(git --git-dir="$REPO" rev-list --count "$BASE..$MAIN_TIP")" \
		"$(git --git-dir="$REPO" rev-list --count "$BASE..$FIXES_TIP")"
}
record "kernel tree" prepare
[ -r "$WORKBENCH_OUT/tree.env" ] || { summarize; exit 1; }

# A broken workbench fails in seconds, before any kernel is built.
record "workbench self-tests" "$CI/tests/run-self-tests.sh"

record "selftests in QEMU, qemu kernel" "$CI/run-series-in-qemu.sh" --rows qemu
record "the same run as a LAVA job (lava-run)" "$CI/run-lava-job.sh"
record "selftests in QEMU, debug kernel" "$CI/run-series-in-qemu.sh" --rows debug
record "KUnit in QEMU, kunit kernel" "$CI/run-series-in-qemu.sh" --rows kunit
record "series layout" "$CHECKS/check-series-files.sh"
record "series layout" "$CHECKS/check-mirrors.sh"
record "checkpatch --strict" "$CHECKS/check-checkpatch.sh"
record "every commit builds" "$CHECKS/check-each-commit-builds.sh"
record "backport to 6.12.y" "$CHECKS/check-backport.sh"
record "sparse and W=1" "$CHECKS/check-sparse-w1.sh"
record "kernel-doc" "$CHECKS/check-kernel-doc.sh"
record "coccinelle" "$CHECKS/check-cocci.sh"
record "b4 send -o" "$CHECKS/send-with-b4.sh"
record "proof mode" "$CI/prove-tests.sh"
record "splice benchmark, tip vs base" "$CI/bench-splice.sh"
record "pin_page() benchmark" "$CI/bench-pin-page.sh"
record "vhost-net benchmark, tip vs base" "$CI/bench-vhost.sh"
# The fixes series: its own kernel config (ci/config/fixes.config), build
# directory and checkout.
export SERIES=fixes
record "fixes: series layout" "$CHECKS/check-series-files.sh"
record "fixes: selftests in QEMU, fixes kernel" "$CI/run-series-in-qemu.sh" --rows fixes
record "fixes: checkpatch --strict" "$CHECKS/check-checkpatch.sh"
record "fixes: tags and recipients" "$CHECKS/check-fix-tags.sh"
record "fixes: every commit builds" "$CHECKS/check-each-commit-builds.sh"
record "fixes: sparse and W=1" "$CHECKS/check-sparse-w1.sh"
record "fixes: proof mode" "$CI/prove-tests.sh"
printf 'total\tINFO\ttest command took %ds\n' "$(($(date +%s) - start))" >>"$WORKBENCH_OUT/results.tsv"
summarize
