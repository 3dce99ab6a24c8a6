#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# tools-testing-selftests/ and coccinelle/ hold exactly the files the series
# adds or changes under tools/testing/selftests/ and scripts/coccinelle/,
# as the series tip has them.  The patches are the source of truth; with
# --update the mirrors are rewritten from them.  Prints "STATUS<tab>what"
# rows.
#
# Usage: ci/checks/check-mirrors.sh [--update]
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || [ "$*" = --update ] || die "usage: $0 [--update]"
need_tree

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

status=0
for dir in tools-testing-selftests coccinelle; do
	cp "$TOP/$dir/README" "$want/$dir/README"
	if [ "${1:-}" = --update ]; then
		rsync -a --delete --checksum "$want/$dir/" "$TOP/$dir/"
		printf 'PASS\t%s/ rewritten from the series\n' "$dir"
	elif diff -r "$want/$dir" "$TOP/$dir" >/dev/null; then
		printf 'PASS\t%s/ matches the series\n' "$dir"
	else
		printf 'FAIL\t%s/ has drifted from the series (ci/checks/check-mirrors.sh --update rewrites it): %s\n' \
			"$dir" "$(diff -rq "$want/$dir" "$TOP/$dir" | sed "s|$want/|series:|g; s|$TOP/|mirror:|g" | tr '\n' ' ')"
		status=1
	fi
done
exit $status
