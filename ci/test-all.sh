#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The test command: the workbench's own tests, then the main job on
# the workbench and debug kernels, every static check a maintainer runs,
# proof mode and the splice benchmark.  Ends with "N passed, N failed, N
# skipped"; exits 1 on any failure.
#
# Usage: [KERNEL_TREE=/path/to/linux [KERNEL_REF=rev]] ci/test-all.sh
. "$(dirname "$0")/lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
ensure_out
lock_cache
start=$(date +%s)

# prepare: the packages and the kernel tree, as one row.  The backport's
# tree is fetched and imported beside it (an import is mostly one core's
# work); the backport stage waits for it.
prepare() {
	local err
	if ! err=$( { "$STEPS/install-deps.sh" && fetch_backport_tree &&
		"$STEPS/prepare-tree.sh"; } 2>&1); then
		printf '%s\n' "$err" >&2
		printf 'FAIL\t%s\n' "$(tail -n 1 <<<"$err" | sed 's/^[^:]*: error: //')"
		return 1
	fi
	printf '%s\n' "$err" >&2
	need_tree
	printf 'INFO\t%s, %s patches (git am and quilt agree)\n' \
		"$TREE_LABEL" "$(git --git-dir="$REPO" rev-list --count "$BASE..$TIP")"
}
fetch_backport_tree() {
	"$STEPS/fetch-kernel-source.sh" backport-kernel >/dev/null 2>>"$WORKBENCH_OUT/checks.log" &
}
record "kernel tree" prepare
[ -r "$WORKBENCH_OUT/tree.env" ] || { summarize; exit 1; }

# From here two lanes share the two cores.  The kernels lane builds and
# boots; the three kernels compiled whole are built ahead, one after the
# other (ci/steps/build-kernel.sh takes turns, and waits for a kernel
# being built), so that a guest boots while the next kernel compiles.
# The checks lane compiles no kernel but the few objects sparse and W=1
# look at (in turn with the builds): it fills the core that a booting
# guest, a link or an import leaves idle.  It ends with the benchmark,
# whose guests count instructions (-icount), not host time: what runs
# beside them does not change its figures.  Each lane keeps its rows;
# the summary gives the checks lane's first.
build_ahead() {
	"$STEPS/build-kernel.sh" qemu tip && "$STEPS/build-kernel.sh" debug tip &&
		"$STEPS/build-kernel.sh" qemu base
} >/dev/null 2>>"$WORKBENCH_OUT/build-ahead.log"

kernels_lane() {
	record "selftests in QEMU, qemu kernel" "$CI/run-series-in-qemu.sh" --rows qemu
	record "selftests in QEMU, debug kernel" "$CI/run-series-in-qemu.sh" --rows debug
	record "every commit builds" "$CHECKS/check-each-commit-builds.sh"
	record "proof mode" "$CI/prove-tests.sh"
}

# A broken workbench shows in its self-tests' rows within two minutes,
# while the first kernel compiles.
checks_lane() {
	record "workbench self-tests" "$CI/tests/run-self-tests.sh"
	record "series layout" "$CHECKS/check-series-files.sh"
	record "series layout" "$CHECKS/check-mirrors.sh"
	record "checkpatch --strict" "$CHECKS/check-checkpatch.sh"
	record "backport to 6.12.y" "$CHECKS/check-backport.sh"
	record "sparse and W=1" "$CHECKS/check-sparse-w1.sh"
	record "kernel-doc" "$CHECKS/check-kernel-doc.sh"
	record "coccinelle" "$CHECKS/check-cocci.sh"
	record "b4 send -o" "$CHECKS/send-with-b4.sh"
	record "splice benchmark, tip vs base" "$CI/bench-splice.sh"
}

build_ahead &
RESULTS=$WORKBENCH_OUT/results-kernels.tsv kernels_lane &
kernels=$!
# The checks lane's logs go to their own file; the terminal follows the
# kernels.
log "checks lane: its log is $WORKBENCH_OUT/checks.log"
RESULTS=$WORKBENCH_OUT/results-checks.tsv STAGES_LOG=$WORKBENCH_OUT/checks.log \
	checks_lane 2>/dev/null
wait "$kernels"
wait
cat "$WORKBENCH_OUT/results-checks.tsv" "$WORKBENCH_OUT/results-kernels.tsv" \
	>>"$WORKBENCH_OUT/results.tsv"
printf 'total\tINFO\ttest command took %ds\n' "$(($(date +%s) - start))" >>"$WORKBENCH_OUT/results.tsv"
summarize
