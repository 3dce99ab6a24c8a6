#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run every Coccinelle rule of the series over a whole Debian kernel tree
# (make coccicheck MODE=report, the rules as the series tip has them) and
# print, per rule, "RULE<tab>N findings<tab>seconds"; the findings are in
# $WORKBENCH_OUT/cocci-SETTINGS/RULE.findings.  What README's table of
# rule findings is made from: the base tree is what ci/checks/check-cocci.sh
# checks in every run; the older trees show which findings were fixed since.
#
# Usage: ci/cocci-findings.sh base-kernel|backport-kernel|old-stable-kernel
. "$(dirname "$0")/lib/common.sh"
case ${1:-} in
base-kernel | backport-kernel | old-stable-kernel) settings=$1 ;;
*) die "usage: $0 base-kernel|backport-kernel|old-stable-kernel" ;;
esac
[ $# -eq 1 ] || die "usage: $0 base-kernel|backport-kernel|old-stable-kernel"
need_tree

src_git=$("$STEPS/fetch-kernel-source.sh" "$settings") || exit 1
name=$(basename "$src_git" .git)
# A checkout of the tree's own; coccicheck writes nothing into it.
repo=$WORKBENCH_CACHE/work/$name-cocci.git
if [ ! -d "$repo" ]; then
	git init -q --bare "$repo"
	git --git-dir="$repo" config core.bare false
	git --git-dir="$src_git" rev-parse --path-format=absolute --git-path objects \
		>"$repo/objects/info/alternates"
	git --git-dir="$repo" fetch -q "$src_git" base:refs/tags/base
fi
tree=$WORKBENCH_CACHE/work/$name-cocci
checkout "$repo" "$tree" base

out=$WORKBENCH_OUT/cocci-$settings
mkdir -p "$out"
for rule in "$SRC"/scripts/coccinelle/api/*.cocci; do
	# The series' rules only.
	# shellcheck disable=SC2153 # REPO, BASE and TIP are need_tree's
	git --git-dir="$REPO" diff --quiet "$BASE" "$TIP" -- "${rule#"$SRC"/}" && continue
	name=$(basename "$rule" .cocci)
	start=$(date +%s)
	make -C "$tree" coccicheck MODE=report COCCI="$rule" J="$JOBS" \
		SPFLAGS=--use-gitgrep >"$out/$name.log" 2>&1 ||
		die "coccicheck with $name fails over $settings (see $out/$name.log)"
	{ grep -E '^[^ ]+:[0-9]+:' "$out/$name.log" || true; } |
		sed "s|^$tree/||; s|^\./||" | sort >"$out/$name.findings"
	printf '%s\t%d findings\t%ds\n' "$name" "$(wc -l <"$out/$name.findings")" \
		"$(($(date +%s) - start))"
done
