#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# tools-testing-selftests/ and coccinelle/ hold exactly the files the series
# adds or changes under tools/testing/selftests/ and scripts/coccinelle/,
# as the series tip has them.  The patches are the source of truth; with
# --update the mirrors are rewritten from them.
#
# Usage: ci/check-mirrors.sh [--update]
. "$(dirname "$0")/lib.sh"
load_tree_state

want=$(mktemp -d)
trap 'rm -rf "$want"' EXIT
mkdir -p "$want/tools-testing-selftests" "$want/coccinelle"
git --git-dir="$REPO" diff --name-only --diff-filter=AMRC "$BASE" "$TIP" -- \
		tools/testing/selftests scripts/coccinelle |
while read -r path; do
	case $path in
	tools/testing/selftests/*) dest=tools-testing-selftests/${path#tools/testing/selftests/} ;;
	scripts/coccinelle/*) dest=coccinelle/${path#scripts/coccinelle/} ;;
	esac
	mkdir -p "$want/$(dirname "$dest")"
	git --git-dir="$REPO" show "$TIP:$path" >"$want/$dest"
done

for dir in tools-testing-selftests coccinelle; do
	cp "$TOP/$dir/README" "$want/$dir/README"
	if [ "${1:-}" = --update ]; then
		rsync -a --delete --checksum "$want/$dir/" "$TOP/$dir/"
	elif ! diff -r "$want/$dir" "$TOP/$dir" >/dev/null; then
		diff -rq "$want/$dir" "$TOP/$dir" | sed "s|$want/|series:|g; s|$TOP/|mirror:|g"
		echo "$dir/ has drifted from the series (ci/check-mirrors.sh --update rewrites it)"
		exit 1
	fi
done
