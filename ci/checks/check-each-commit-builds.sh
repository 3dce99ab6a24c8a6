#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the base and every commit of the series, walking one build
# directory from the base to the tip (ci/steps/build-kernel.sh: each step
# rebuilds what changed, ccache gives back what was compiled before); the
# kernels are kept for proof mode and the benchmark.  Prints
# "STATUS<tab>commit" rows.
#
# Usage: [SERIES=fixes] ci/checks/check-each-commit-builds.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
need_tree

status=0
for commit in "$BASE" $(git --git-dir="$REPO" rev-list --reverse "$BASE..$TIP"); do
	what=$(git --git-dir="$REPO" log -1 --format='%h %s' "$commit")
	[ "$commit" = "$BASE" ] && what="base: $what"
	if "$STEPS/build-kernel.sh" "$QEMU_VARIANT" "$commit" >/dev/null; then
		printf 'PASS\t%s\n' "$what"
	else
		printf 'FAIL\t%s\n' "$what"
		status=1
	fi
done
exit $status
