#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The parts that decide pass or fail (judge-run.sh, scan-splats.sh, the
# splat patterns) tested on recorded guest logs, ci/tests/judge/CASE/:
# ktap.log and console.log as a guest left them, and `expect`: the exit
# status judge-run.sh must give, then lines its output must contain.
# Prints "STATUS<tab>case" lines.
#
# Usage: ci/test-judge.sh KUNIT_PY
. "$(dirname "$0")/lib.sh"
[ $# -eq 1 ] || die "usage: $0 KUNIT_PY"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

status=0
for case in "$CI"/tests/judge/*/; do
	name=$(basename "$case")
	cp -r "$case" "$scratch/$name"
	rc=0
	out=$("$CI/judge-run.sh" "$1" "$scratch/$name" 2>&1) || rc=$?
	ok=true
	[ "$rc" = "$(head -n 1 "$case/expect")" ] || ok=false
	while IFS= read -r line; do
		grep -qF -- "$line" <<<"$out" || ok=false
	done < <(tail -n +2 "$case/expect")
	if $ok; then
		printf 'PASS\tjudge: %s\n' "$name"
	else
		printf 'FAIL\tjudge: %s (exit %s): %s\n' "$name" "$rc" "$(tr '\n' ' ' <<<"$out")"
		status=1
	fi
done
exit $status
