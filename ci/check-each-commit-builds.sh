#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the base and every commit of the series (incrementally, in one
# build directory, with ccache); the kernels are kept for proof mode.
# Prints "STATUS<tab>commit" lines.
#
# Usage: ci/check-each-commit-builds.sh
. "$(dirname "$0")/lib.sh"
ensure_out
load_tree_state
# Commits are built in the tip's own checkout and build directory: the
# same paths keep ccache hitting and the builds incremental.
trap 'checkout "$REPO" "$SRC" "$TIP"' EXIT

status=0
for commit in "$BASE" $(git --git-dir="$REPO" rev-list --reverse "$BASE..$TIP"); do
	what=$(git --git-dir="$REPO" log -1 --format='%h %s' "$commit")
	[ "$commit" = "$BASE" ] && what="base: $what"
	checkout "$REPO" "$SRC" "$commit"
	if "$CI/build-kernel.sh" --step qemu "$SRC" >/dev/null; then
		printf 'PASS\t%s\n' "$what"
	else
		printf 'FAIL\t%s\n' "$what"
		status=1
	fi
done
exit $status
