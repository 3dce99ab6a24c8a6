#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Find the kernel tree, apply the series and the fixes series (each to the
# base, on its own) with git am, check that quilt gives the same trees, and
# check out the results for the build jobs.
#
# Usage: [KERNEL_TREE=/path/to/linux [KERNEL_REF=rev]] ci/steps/prepare-tree.sh
#
# The default tree is Debian's linux-source package that ci/base-kernel
# pins, imported once into $WORKBENCH_CACHE/src
# (ci/steps/fetch-kernel-source.sh).  A KERNEL_TREE is
# only read: the workbench keeps its own repository, whose objects come from
# the user's tree through git alternates, and its own checkouts.
#
# Writes $WORKBENCH_OUT/tree.env for the other scripts (ci/lib/common.sh's
# need_tree loads it): the tip of the series is checked out in $WORK/tree
# and that of the fixes in $WORK/fixes-tree, which never move; kernels of
# other commits and of broken variants are built in $WORK/build, a
# checkout of its own.
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
ensure_out
lock_cache

git_id() {
	GIT_AUTHOR_NAME=$(identity_name) GIT_AUTHOR_EMAIL=$(identity_email) \
	GIT_COMMITTER_NAME=$(identity_name) GIT_COMMITTER_EMAIL=$(identity_email) \
	GIT_AUTHOR_DATE='2000-01-01T00:00:00Z' \
	GIT_COMMITTER_DATE='2000-01-01T00:00:00Z' "$@"
}

if [ -n "${KERNEL_TREE:-}" ]; then
	[ -d "$KERNEL_TREE" ] || die "KERNEL_TREE=$KERNEL_TREE: no such directory"
	src_git=$(git -C "$KERNEL_TREE" rev-parse --absolute-git-dir 2>/dev/null) ||
		die "KERNEL_TREE=$KERNEL_TREE is not a git tree"
	ref=${KERNEL_REF:-HEAD}
	base=$(git -C "$KERNEL_TREE" rev-parse -q --verify "$ref^{commit}") ||
		die "KERNEL_TREE=$KERNEL_TREE has no commit $ref"
	git -C "$KERNEL_TREE" cat-file -e "$base:Makefile" 2>/dev/null &&
		git -C "$KERNEL_TREE" cat-file -e "$base:mm/gup.c" 2>/dev/null ||
		die "KERNEL_TREE=$KERNEL_TREE at $ref is not a Linux tree"
	tree_name=user-$(printf '%s' "$src_git" | sha1sum | cut -c1-12)
	tree_label="$KERNEL_TREE at $ref ($(git -C "$KERNEL_TREE" describe --always "$base"))"
else
	src_git=$("$STEPS/fetch-kernel-source.sh" base-kernel) || exit 1
	base=$(git --git-dir="$src_git" rev-parse base)
	tree_name=$(basename "$src_git" .git)
	tree_label="Debian $(setting base-kernel package) $(setting base-kernel version) ($(setting base-kernel release))"
fi

work=$WORKBENCH_CACHE/work/$tree_name
repo=$work/repo.git
if [ ! -d "$repo" ]; then
	mkdir -p "$work"
	git init -q --bare "$repo"
	# Its worktrees are not bare: scripts/spdxcheck.py (checkpatch.pl)
	# refuses to run in a bare repository.
	git --git-dir="$repo" config core.bare false
	git --git-dir="$src_git" rev-parse --path-format=absolute --git-path objects \
		>"$repo/objects/info/alternates"
fi

# apply_series: apply $SERIES to the base; print the tip.
apply_series() {
	local patch name
	checkout "$repo" "$work/apply" "$base"
	git -C "$work/apply" am --abort >/dev/null 2>&1 || true
	while read -r patch; do
		name=${patch##*/}
		[ -r "$patch" ] || die "${SERIES_FILE#"$TOP"/} names $name, but ${patch#"$TOP"/} does not exist"
		if ! git_id git -C "$work/apply" am -q --committer-date-is-author-date \
			"$patch" >"$WORKBENCH_OUT/git-am.log" 2>&1; then
			git -C "$work/apply" am --abort >/dev/null 2>&1 || true
			log "patch $name does not apply to $tree_label:"
			git -C "$work/apply" apply --check -v "$patch" 2>&1 |
				grep -v '^Checking patch' | sed 's/^/    /' >&2 || true
			die "${SERIES_FILE#"$TOP"/} does not apply: $name"
		fi
	done < <(series_patches)
	git -C "$work/apply" rev-parse HEAD
}

# quilt must give the same tree as git am.  quilt only touches the files
# the patches name, so a copy of those files of the base is enough: each
# must come out of quilt push -a as the tip has it (or absent from both).
check_quilt() {
	local tip=$1 copy=$work/quilt path
	local -a paths
	[ -n "$(list_entries "$SERIES_FILE")" ] || return 0
	mapfile -t paths < <(series_patches | xargs -r -d '\n' sed -n \
		-e 's|^--- a/\([^[:space:]]*\).*|\1|p' -e 's|^+++ b/\([^[:space:]]*\).*|\1|p' | sort -u)
	rm -rf "$copy"
	mkdir -p "$copy"
	git --git-dir="$repo" ls-tree -r --name-only -z "$base" -- "${paths[@]}" |
		xargs -0 -r git --git-dir="$repo" archive "$base" -- | tar -x -C "$copy"
	(cd "$copy" && QUILT_PATCHES="$PATCH_DIR" QUILT_SERIES="$SERIES_FILE" \
		quilt push -a -q --fuzz=0) >"$WORKBENCH_OUT/quilt.log" 2>&1 ||
		die "quilt push -a fails on a plain copy of $tree_label (see $WORKBENCH_OUT/quilt.log)"
	for path in "${paths[@]}"; do
		if git --git-dir="$repo" cat-file -e "$tip:$path" 2>/dev/null; then
			git --git-dir="$repo" show "$tip:$path" | cmp -s - "$copy/$path" ||
				die "quilt push -a and git am give different $path"
		elif [ -e "$copy/$path" ]; then
			die "quilt push -a makes $path, git am does not"
		fi
	done
	rm -rf "$copy"
}

# apply SERIES: print the tip of SERIES applied to the base, applying it
# and checking it with quilt if it is new (in a subshell: it changes the
# series of the helpers).  An applied series is remembered by the
# hash of what went into it.
apply() {
	local key tip
	use_series "$1"
	key=$( { echo "$base"; cat "$CI/identity" "$SERIES_FILE"; series_patches |
		xargs -r -d '\n' cat; } | sha1sum | cut -c1-40)
	tip=$(git --git-dir="$repo" rev-parse -q --verify "refs/applied/$key" || true)
	if [ -z "$tip" ]; then
		tip=$(apply_series) || exit 1
		check_quilt "$tip"
		git --git-dir="$repo" update-ref "refs/applied/$key" "$tip"
	fi
	printf '%s\n' "$tip"
}
main_tip=$(apply main)
fixes_tip=$(apply fixes)
checkout "$repo" "$work/tree" "$main_tip"
checkout "$repo" "$work/fixes-tree" "$fixes_tip"

count() { git --git-dir="$repo" rev-list --count "$base..$1"; }
log "kernel tree: $tree_label, $(count "$main_tip") patches and $(count "$fixes_tip") fixes applied (git am; quilt agrees)"
{
	printf 'TREE_NAME=%q\n' "$tree_name"
	printf 'TREE_LABEL=%q\n' "$tree_label"
	printf 'WORK=%q\n' "$work"
	printf 'REPO=%q\n' "$repo"
	printf 'BASE=%q\n' "$base"
	printf 'MAIN_TIP=%q\n' "$main_tip"
	printf 'MAIN_SRC=%q\n' "$work/tree"
	printf 'FIXES_TIP=%q\n' "$fixes_tip"
	printf 'FIXES_SRC=%q\n' "$work/fixes-tree"
	printf 'BUILD_SRC=%q\n' "$work/build"
} >"$WORKBENCH_OUT/tree.env"
