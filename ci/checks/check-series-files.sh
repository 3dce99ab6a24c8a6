#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# series and patches/ agree: every patch series names exists, every patch
# in patches/ is in series, and none is named twice.  Prints
# "STATUS<tab>what" rows.
#
# Usage: ci/checks/check-series-files.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
status=0
names=$(list_entries "$TOP/series" | awk '{print $1}')
for name in $names; do
	[ -f "$TOP/patches/$name" ] || { printf 'FAIL\tseries names %s, not in patches/\n' "$name"; status=1; }
done
for patch in "$TOP"/patches/*.patch; do
	[ -e "$patch" ] || continue
	grep -qxF "${patch##*/}" <<<"$names" ||
		{ printf 'FAIL\tpatches/%s is not in series\n' "${patch##*/}"; status=1; }
done
# A backport is of a patch of the series, under that patch's name.
for patch in "$TOP"/patches/backport-*/*.patch; do
	[ -e "$patch" ] || continue
	grep -qxF "${patch##*/}" <<<"$names" ||
		{ printf 'FAIL	%s is the backport of no patch of series
' "${patch#"$TOP"/}"; status=1; }
done
dups=$(sort <<<"$names" | uniq -d)
[ -z "$dups" ] || { printf 'FAIL\tseries names twice: %s\n' "$dups"; status=1; }
[ $status -ne 0 ] || printf 'PASS\tseries and patches/ agree\n'
exit $status
