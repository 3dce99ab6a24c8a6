#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The series' Coccinelle rules: each one's regression cases
# (ci/cocci-cases/RULE/), then `make coccicheck MODE=report` with the rule
# over the whole tree, timed, against the triaged findings.  Prints
# "STATUS<tab>verdict" lines.
#
# Usage: ci/checks/check-cocci.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
need_tree

mapfile -t rules < <(cd "$TOP/coccinelle" && find . -name '*.cocci' | sed 's|^\./||' | sort)
if [ ${#rules[@]} -eq 0 ]; then
	printf 'INFO\tthe series has no Coccinelle rule yet\n'
	exit 0
fi

status=0
for rule in "${rules[@]}"; do
	name=$(basename "$rule" .cocci)
	cases=$CI/cocci-cases/$name
	sp=$SRC/scripts/coccinelle/$rule
	if [ ! -r "$cases/expected" ] || [ -z "$(find "$cases" -name '*.c')" ]; then
		printf 'FAIL\t%s: no regression cases in ci/cocci-cases/%s\n' "$name" "$name"
		status=1
		continue
	fi
	# One spatch over the cases directory, as coccicheck runs it over a
	# tree, so that the rule's "file in" conditions see real paths.
	got=$(cd "$cases" && spatch --very-quiet -D report --no-show-diff \
		--sp-file "$sp" --dir . 2>&1 | sed 's|^\./||' | sort)
	ncases=$(find "$cases" -name '*.c' | wc -l)
	if [ "$got" = "$(sort "$cases/expected")" ]; then
		printf 'PASS\t%s: %d regression cases report as expected\n' "$name" "$ncases"
	else
		printf 'FAIL\t%s: the regression cases report other than expected: %s\n' \
			"$name" "$(diff <(sort "$cases/expected") - <<<"$got" | grep '^[<>]' | head -n 3 | tr '\n' ' ')"
		status=1
	fi

	log=$WORKBENCH_OUT/coccicheck-$name.log
	start=$(date +%s)
	make -C "$SRC" coccicheck MODE=report COCCI="$sp" J="$JOBS" \
		SPFLAGS=--use-gitgrep >"$log" 2>&1
	seconds=$(($(date +%s) - start))
	{ grep -E '^[^ ]+:[0-9]+:' "$log" || true; } | sed "s|^$SRC/||; s|^\./||" | sort >"$log.findings"
	findings=$(wc -l <"$log.findings")
	if [ "${TREE_NAME%%-*}" != debian ]; then
		printf 'INFO\t%s: %d findings over %s in %ds (triaged for the default tree only)\n' \
			"$name" "$findings" "$TREE_LABEL" "$seconds"
	elif cmp -s "$log.findings" "$cases/tree-findings"; then
		printf 'PASS\t%s: whole tree, %d findings as triaged, %ds\n' "$name" "$findings" "$seconds"
	else
		printf 'FAIL\t%s: whole-tree findings differ from tree-findings (%s)\n' "$name" "$log.findings"
		status=1
	fi
done
exit $status
