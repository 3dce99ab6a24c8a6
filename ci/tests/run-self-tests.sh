#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The workbench's own tests, fast (about a minute), run first by
# ci/test-all.sh so that a broken workbench fails before any kernel is
# built: shellcheck over ci/, the verdicts (ci/lib/results.py) on recorded
# guest logs, the accelerator choice with fake QEMUs, fetching a kernel
# source package from a fake archive, every script's usage,
# bad input, and sending as a re-signed submitter.  Prints
# "STATUS<tab>case" rows.
#
# Usage: ci/tests/run-self-tests.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
need_tree
status=0

mapfile -t scripts < <(cd "$TOP" && find ci .ci -type f \( -name '*.sh' -o -name run -o -name init \) | sort)
if out=$(cd "$TOP" && shellcheck -x -S warning -P SCRIPTDIR "${scripts[@]}" 2>&1); then
	printf 'PASS\tshellcheck: %d scripts\n' "${#scripts[@]}"
else
	printf 'FAIL\tshellcheck: %s\n' "$(grep -c '^In ' <<<"$out") findings (shellcheck -x -S warning, see stages.log)"
	printf '%s\n' "$out" >&2
	status=1
fi

if out=$(python3 "$CI/tests/test_results.py" "$SRC/tools/testing/kunit/kunit.py" 2>&1); then
	printf 'PASS\tci/lib/results.py: %s\n' "$(grep '^Ran ' <<<"$out")"
else
	printf 'FAIL\tci/lib/results.py: %s\n' "$(grep -E '^(FAIL|ERROR):' <<<"$out" | tr '\n' ' ')"
	printf '%s\n' "$out" >&2
	status=1
fi

for test in test-qemu-accel.sh test-fetch-kernel-source.sh test-usage.sh test-bad-input.sh \
	test-resign.sh; do
	"$CI/tests/$test" || status=1
done
exit $status
