#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The test command: the main job on the workbench and debug kernels, then
# every static check a maintainer runs, proof mode, the splice benchmark
# and the workbench's own tests.  Ends with "N passed, N failed, N
# skipped"; exits 1 on any failure.
#
# Usage: [KERNEL_TREE=/path/to/linux] ci/test-all.sh
. "$(dirname "$0")/lib.sh"
ensure_out
start=$(date +%s)

"$CI/install-deps.sh" || { record setup FAIL "packages (see above)"; exec "$CI/summarize.sh"; }
if ! err=$("$CI/prepare-tree.sh" 2>&1); then
	printf '%s\n' "$err" >&2
	record "kernel tree" FAIL "${err##*error: }"
	exec "$CI/summarize.sh"
fi
printf '%s\n' "$err" >&2
load_tree_state
record "kernel tree" INFO "$TREE_LABEL, $(git --git-dir="$REPO" rev-list --count "$BASE..$TIP") patches (git am and quilt agree)"

# stage NAME COMMAND...: a check that prints "STATUS<tab>what" rows.
stage() {
	local name=$1 t0 rows
	shift
	t0=$(date +%s)
	rows=$(mktemp)
	log "$name"
	"$@" >"$rows" 2>>"$WORKBENCH_OUT/stages.log" ||
		grep -q '^FAIL' "$rows" || printf 'FAIL\t%s failed (see stages.log)\n' "$1" >>"$rows"
	record_file "$name" "$rows"
	record "$name" INFO "(took $(($(date +%s) - t0))s)"
	rm -f "$rows"
}

# check WHAT COMMAND...: a check that prints its problems and exits 1.
check() {
	local what=$1 out
	shift
	if out=$("$@" 2>&1); then
		printf 'PASS\t%s\n' "$what"
	else
		printf 'FAIL\t%s: %s\n' "$what" "$(tr '\n' ' ' <<<"$out")"
	fi
}

log "main job, workbench kernel"
"$CI/run-series-in-qemu.sh" qemu || true
log "main job, debug kernel"
"$CI/run-series-in-qemu.sh" debug || true
stage "series layout" check "series and patches/ agree" "$CI/check-series-files.sh"
stage "series layout" check "tools-testing-selftests/ and coccinelle/ match the series" "$CI/check-mirrors.sh"
stage "checkpatch --strict" "$CI/check-checkpatch.sh"
stage "every commit builds" "$CI/check-each-commit-builds.sh"
stage "sparse and W=1" "$CI/check-sparse-w1.sh"
stage "kernel-doc" "$CI/check-kernel-doc.sh"
stage "coccinelle" "$CI/check-cocci.sh"
stage "b4 send -o" "$CI/send-with-b4.sh"
stage "proof mode" "$CI/prove-tests.sh"
stage "splice benchmark, tip vs base" "$CI/bench-splice.sh"
stage "workbench self-tests" "$CI/test-judge.sh" "$SRC/tools/testing/kunit/kunit.py"
stage "workbench self-tests" "$CI/test-bad-input.sh"
record total INFO "test command took $(($(date +%s) - start))s"
exec "$CI/summarize.sh"
