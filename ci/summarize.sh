#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Print the results of a run, a short table per stage, and the closing
# "N passed, N failed, N skipped" line; exit 1 if anything failed.
#
# Usage: ci/summarize.sh [RESULTS_TSV]   (default: $WORKBENCH_OUT/results.tsv)
. "$(dirname "$0")/lib.sh"
results=${1:-$WORKBENCH_OUT/results.tsv}
[ -s "$results" ] || die "no results in $results"
awk -F '\t' -v logs="$(dirname "$results")" '
	$1 != stage { stage = $1; printf "\n== %s\n", stage }
	{ printf "  %-4s  %s\n", $2, $3; n[$2]++ }
	END {
		printf "\nlogs: %s\n", logs
		printf "%d passed, %d failed, %d skipped\n", n["PASS"], n["FAIL"], n["SKIP"]
		exit n["FAIL"] > 0
	}' "$results"
