#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# series and patches/ agree (fixes/series and fixes/ with SERIES=fixes):
# every patch the series file names exists, every patch of the directory
# is in it, and none is named twice.  Prints "STATUS<tab>what" rows.
#
# Usage: ci/checks/check-series-files.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
status=0
series=${SERIES_FILE#"$TOP"/} dir=${PATCH_DIR#"$TOP"/}
names=$(list_entries "$SERIES_FILE" | awk '{print $1}')
for name in $names; do
	[ -f "$PATCH_DIR/$name" ] || { printf 'FAIL\t%s names %s, not in %s/\n' "$series" "$name" "$dir"; status=1; }
done
for patch in "$PATCH_DIR"/*.patch; do
	[ -e "$patch" ] || continue
	grep -qxF "${patch##*/}" <<<"$names" ||
		{ printf 'FAIL\t%s/%s is not in %s\n' "$dir" "${patch##*/}" "$series"; status=1; }
done
# A backport is of a patch of the series, under that patch's name.
for patch in "$PATCH_DIR"/backport-*/*.patch; do
	[ -e "$patch" ] || continue
	grep -qxF "${patch##*/}" <<<"$names" ||
		{ printf 'FAIL\t%s is the backport of no patch of %s\n' "${patch#"$TOP"/}" "$series"; status=1; }
done
dups=$(sort <<<"$names" | uniq -d)
[ -z "$dups" ] || { printf 'FAIL\t%s names twice: %s\n' "$series" "$dups"; status=1; }
[ $status -ne 0 ] || printf 'PASS\t%s and %s/ agree\n' "$series" "$dir"
exit $status
