#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The fixes series as its maintainers would receive it: every patch that
# changes the kernel (more than tools/testing/selftests/) names the commit
# it fixes (Fixes: <12 or more hex digits> ("subject")), and every patch
# has a Cc: line for each maintainer and reviewer scripts/get_maintainer.pl
# names for it.  Prints "STATUS<tab>patch: verdict" rows.
#
# Usage: SERIES=fixes ci/checks/check-fix-tags.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: SERIES=fixes $0"
[ "$SERIES" = fixes ] || die "only the fixes series has Fixes: tags (SERIES=fixes)"
need_tree

status=0
while read -r patch; do
	name=${patch##*/}
	problems=()
	# The changelog and its tags: what comes before the diffstat.
	tags=$(sed -n '/^---$/q; p' "$patch")
	if sed -n 's|^+++ b/||p; s|^--- a/||p' "$patch" |
		grep -qvE '^(tools/testing/selftests/|MAINTAINERS$)'; then
		grep -qE '^Fixes: [0-9a-f]{12,40} \(".+"\)$' <<<"$tags" ||
			problems+=("no Fixes: tag")
	fi
	# get_maintainer.pl looks the Fixes: commit up with git and says so on
	# stderr where the tree has no history; its answer does not need it.
	who=$(cd "$SRC" && scripts/get_maintainer.pl --no-rolestats --no-git \
		--no-git-fallback --no-l --no-s "$patch" 2>/dev/null) ||
		die "scripts/get_maintainer.pl fails on $name"
	while read -r person; do
		grep -qixF "Cc: $person" <<<"$tags" || problems+=("no Cc: $person")
	done <<<"$who"
	if [ ${#problems[@]} -eq 0 ]; then
		printf 'PASS\t%s\n' "$name"
	else
		printf 'FAIL\t%s: %s\n' "$name" "$(printf '%s; ' "${problems[@]}" | sed 's/; $//')"
		status=1
	fi
done < <(series_patches)
exit $status
