#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/kernel-doc -none on the kernel files the series touches: no
# warning at the tip that the base does not have.  Prints
# "STATUS<tab>file: verdict" lines.
#
# Usage: ci/checks/check-kernel-doc.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
need_tree

mapfile -t files < <(series_files '*.c' '*.h')
if [ ${#files[@]} -eq 0 ]; then
	printf 'INFO\tthe series touches no kernel C file or header\n'
	exit 0
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# kdoc COMMIT FILE: the file's kernel-doc warnings, line numbers dropped
# ("file.c:12: warning" up to 6.x, "Warning: file.c:12 ..." since).
kdoc() {
	rm -rf "${scratch:?}"/*
	mkdir -p "$scratch/$(dirname "$2")"
	git --git-dir="$REPO" show "$1:$2" >"$scratch/$2" 2>/dev/null || return 0
	(cd "$scratch" && "$SRC/scripts/kernel-doc" -none -Wall "$2" 2>&1 >/dev/null) |
		sed -E 's/:[0-9]+([: ])/\1/' | sort
}

status=0
for file in "${files[@]}"; do
	# One side after the other: both use the one scratch directory.
	base=$(kdoc "$BASE" "$file")
	tip=$(kdoc "$TIP" "$file")
	new=$(comm -13 <(printf '%s\n' "$base") <(printf '%s\n' "$tip") | sed '/^$/d')
	if [ -n "$new" ]; then
		printf 'FAIL\t%s: %s\n' "$file" "$(head -n 1 <<<"$new")"
		status=1
	else
		printf 'PASS\t%s\n' "$file"
	fi
done
exit $status
