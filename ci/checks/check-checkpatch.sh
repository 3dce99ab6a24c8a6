#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/checkpatch.pl --strict on every patch of the series: no error, no
# warning, and every CHECK either fixed or explained in ci/checkpatch-checks.
# Prints "STATUS<tab>patch: verdict" lines.
#
# Usage: ci/checks/check-checkpatch.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
need_tree

# checkpatch.pl looks the commits of Fixes: tags up in the tree's history;
# an imported Debian tree is one commit, so there it cannot.
ignore=()
if [ "$(git --git-dir="$REPO" rev-list --count "$BASE")" -le 1 ]; then
	ignore=(--ignore UNKNOWN_COMMIT_ID)
	printf 'INFO\tcommit ids of Fixes: tags not looked up: %s has no history\n' "$TREE_LABEL"
fi

# uncovered PATCH: the files PATCH adds that no MAINTAINERS entry but THE
# REST covers.  checkpatch.pl asks "does MAINTAINERS need updating?" of any
# patch that adds a file and leaves MAINTAINERS alone; where an entry
# already covers the new files (tools/virtio/), the answer is no.
uncovered() {
	local file
	while read -r file; do
		(cd "$SRC" && scripts/get_maintainer.pl --no-git --no-git-fallback \
			--no-rolestats --no-l --no-r -f "$file" 2>/dev/null) |
			grep -qv 'torvalds@' || printf '%s ' "$file"
	done < <(awk '/^--- \/dev\/null$/ { getline; sub(/^\+\+\+ b\//, ""); print }' "$1")
}

status=0
while read -r patch; do
	name=${patch##*/}
	out=$WORKBENCH_OUT/checkpatch-${name%.patch}.log
	rc=0
	(cd "$SRC" && scripts/checkpatch.pl --strict --show-types --no-summary \
		--terse "${ignore[@]}" "$patch") >"$out" 2>&1 || rc=$?
	# 1 is "it found something"; anything else is checkpatch not running.
	if [ $rc -gt 1 ]; then
		printf 'FAIL\t%s: checkpatch.pl exited with %d (%s)\n' "$name" "$rc" "$out"
		status=1
		continue
	fi
	bad=$(grep -cE ':[0-9]+: (ERROR|WARNING):' "$out" || true)
	if grep -q ': WARNING:FILE_PATH_CHANGES:' "$out" && [ -z "$(uncovered "$patch")" ]; then
		bad=$((bad - 1))
		printf 'INFO\t%s: adds files MAINTAINERS already covers (checkpatch asks)\n' "$name"
	fi
	unexplained=0
	while read -r type; do
		grep -qE "^${name}[[:space:]]+${type}[[:space:]]" "$CI/checkpatch-checks" ||
			unexplained=$((unexplained + 1))
	done < <(sed -n 's/.*: CHECK:\([A-Z_]*\):.*/\1/p' "$out" | sort -u)
	if [ "$bad" -gt 0 ] || [ "$unexplained" -gt 0 ]; then
		printf 'FAIL\t%s: %d errors/warnings, %d unexplained CHECK types (%s)\n' \
			"$name" "$bad" "$unexplained" "$out"
		status=1
	else
		printf 'PASS\t%s\n' "$name"
	fi
done < <(series_patches)
[ -n "$(series_patches)" ] || printf 'INFO\tno patch in series yet\n'
exit $status
