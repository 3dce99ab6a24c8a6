#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# series and patches/ agree: every patch series names exists, every patch
# in patches/ is in series, and none is named twice.
#
# Usage: ci/check-series-files.sh
. "$(dirname "$0")/lib.sh"
status=0
names=$(list_entries "$TOP/series" | awk '{print $1}')
for name in $names; do
	[ -f "$TOP/patches/$name" ] || { echo "series names $name, not in patches/"; status=1; }
done
for patch in "$TOP"/patches/*.patch; do
	[ -e "$patch" ] || continue
	grep -qxF "${patch##*/}" <<<"$names" ||
		{ echo "patches/${patch##*/} is not in series"; status=1; }
done
dups=$(sort <<<"$names" | uniq -d)
[ -z "$dups" ] || { echo "series names twice: $dups"; status=1; }
exit $status
