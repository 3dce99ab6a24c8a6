#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The backport check: the series on the 6.12.y LTS tree Debian 12 ships
# (ci/backport-kernel), and what it touches compiled there.  Prints
# "STATUS<tab>what" rows.
#
# Usage: ci/checks/check-backport.sh
#
# 1. The whole series applies with git am --exclude=MAINTAINERS (stable
#    takes no MAINTAINERS change), each patch as patches/backport-6.12/NAME
#    where that file exists (a patch that needed adapting; its changelog's
#    notes say why), else as patches/NAME; a patch with
#    patches/backport-6.12/NAME.not-backported (a new feature, not for
#    stable: the file says why) is left out, said so in an INFO row.
# 2. Every patch that says "Cc: stable@vger.kernel.org" applies alone to
#    the plain 6.12 tree, as stable takes it: its kernel part (not
#    tools/, scripts/, Documentation/ or MAINTAINERS, which stable drops
#    when they do not apply).
# 3. In both trees the objects of the .c files the patches change, and the
#    objects=  of ci/backport-kernel (the callers of what the series
#    changes in headers), compile in the workbench kernel's config (as
#    ci/steps/build-kernel.sh merges it for the series tip).  No kernel is
#    linked: the first run costs the kernel's `make prepare` (about a
#    minute), and a pass is kept by a hash of what went into it, so a
#    rerun with nothing changed costs nothing.
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
need_tree

series=$(basename "$(setting backport-kernel package)" | sed 's/^linux-source-//')
src_git=$("$STEPS/fetch-kernel-source.sh" backport-kernel) || exit 1
base=$(git --git-dir="$src_git" rev-parse base)
label="Debian $(setting backport-kernel package) $(setting backport-kernel version)"
work=$WORKBENCH_CACHE/work/$(basename "$src_git" .git)
repo=$work/repo.git
tree=$work/backport
builds=$WORKBENCH_CACHE/build/$(basename "$src_git" .git)
if [ ! -d "$repo" ]; then
	mkdir -p "$work"
	git init -q --bare "$repo"
	git --git-dir="$src_git" rev-parse --path-format=absolute --git-path objects \
		>"$repo/objects/info/alternates"
fi
log="$WORKBENCH_OUT/backport.log"
: >"$log"

# patch_for NAME: the file of patch NAME to apply to this tree.
patch_for() {
	if [ -r "$TOP/patches/backport-$series/$1" ]; then
		printf '%s\n' "$TOP/patches/backport-$series/$1"
	else
		printf '%s\n' "$TOP/patches/$1"
	fi
}

# build_objects REV BUILD: check REV out and compile in BUILD the objects
# of the .c files it changes against the base, and the settings' objects=.
build_objects() {
	local rev=$1 build=$2
	local -a objects
	# Called in a condition, where set -e does not hold: each step says.
	checkout "$repo" "$tree" "$rev" || return 1
	mapfile -t objects < <(git --git-dir="$repo" diff --name-only --diff-filter=AM \
		"$base" "$rev" -- '*.c' ':!tools/' ':!scripts/' ':!samples/' | sed 's/\.c$/.o/')
	# shellcheck disable=SC2207 # a list of object names
	objects+=($(setting backport-kernel objects))
	mkdir -p "$build" || return 1
	rm -f "$fragments/.config"
	(cd "$tree" && scripts/kconfig/merge_config.sh -n -O "$fragments" "$fragments"/*.config) \
		>>"$log" 2>&1 || return 1
	cmp -s "$fragments/.config" "$build/.config" || cp "$fragments/.config" "$build/.config" || return 1
	make -C "$tree" O="$build" -j"$JOBS" CC="$(kernel_cc)" olddefconfig "${objects[@]}" \
		>>"$log" 2>&1 || { grep -m 5 -E 'error|Error' "$log" | sed 's/^/    /' >&2; return 1; }
	printf '%s\n' "${objects[*]}"
}

# The config: what ci/steps/build-kernel.sh merges for the series tip.
fragments=$(mktemp -d)
trap 'rm -rf "$fragments"' EXIT
cp "$CI/config/qemu.config" "$fragments/"
selftest_fragments "$REPO" "$TIP" "$fragments"

# A pass is kept by what went into it: a rerun with nothing changed
# prints the rows of the last one.
key=$( { echo "$base"; gcc --version | head -n 1; make --version | head -n 1
	cat "$0" "$CI/lib/common.sh" "$CI/backport-kernel" "$fragments"/*.config
	list_entries "$TOP/series" | while read -r name _; do cat "$(patch_for "$name")"; done
	cat "$TOP/patches/backport-$series"/*.not-backported 2>/dev/null
} | sha1sum | cut -c1-16)
passed=$builds-backport.passed-$key
if [ -r "$passed" ]; then
	cat "$passed"
	exit 0
fi
rows=$(mktemp)
trap 'rm -rf "$fragments" "$rows"' EXIT
exec 3>&1 >"$rows"

status=0
# 1. The whole series.
checkout "$repo" "$tree" "$base"
git -C "$tree" am --abort >/dev/null 2>&1 || true
applied=true
while read -r name _; do
	if [ -r "$TOP/patches/backport-$series/$name.not-backported" ]; then
		printf 'INFO\t%s is not backported: %s\n' "$name" \
			"$(tr '\n' ' ' <"$TOP/patches/backport-$series/$name.not-backported")"
		continue
	fi
	if ! git -C "$tree" -c user.name=workbench -c user.email=workbench@localhost \
		am -q --exclude=MAINTAINERS "$(patch_for "$name")" >>"$log" 2>&1; then
		git -C "$tree" am --abort >/dev/null 2>&1 || true
		printf 'FAIL\t%s does not apply to %s (see %s)\n' "$name" "$label" "$log"
		applied=false status=1
		break
	fi
done < <(list_entries "$TOP/series")
if $applied; then
	tip=$(git -C "$tree" rev-parse HEAD)
	if built=$(build_objects "$tip" "$builds-backport"); then
		printf 'PASS\tthe series applies to %s and compiles there: %s\n' "$label" "$built"
	else
		printf 'FAIL\tthe series does not compile on %s (see %s)\n' "$label" "$log"
		status=1
	fi
fi

# 2. The patches for stable, alone.
nstable=0
while read -r name _; do
	patch=$(patch_for "$name")
	grep -qi '^Cc:.*stable@vger\.kernel\.org' "$patch" || continue
	nstable=$((nstable + 1))
	checkout "$repo" "$tree" "$base"
	if ! git -C "$tree" apply --index --exclude='tools/*' --exclude='scripts/*' \
		--exclude='Documentation/*' --exclude=MAINTAINERS "$patch" >>"$log" 2>&1; then
		printf 'FAIL\t%s (Cc: stable) does not apply alone to %s\n' "$name" "$label"
		status=1
		continue
	fi
	git -C "$tree" -c user.name=workbench -c user.email=workbench@localhost \
		commit -q -m "stable: $name" >>"$log" 2>&1
	if built=$(build_objects "$(git -C "$tree" rev-parse HEAD)" "$builds-stable"); then
		printf 'PASS\t%s (Cc: stable) alone on %s compiles: %s\n' "$name" "$label" "$built"
	else
		printf 'FAIL\t%s (Cc: stable) alone does not compile on %s (see %s)\n' "$name" "$label" "$log"
		status=1
	fi
done < <(list_entries "$TOP/series")
[ $nstable -gt 0 ] || printf 'INFO\tno patch of the series says Cc: stable@vger.kernel.org\n'
exec >&3
cat "$rows"
if [ $status -eq 0 ]; then
	rm -f "$builds-backport".passed-*
	cp "$rows" "$passed"
fi
exit $status
