#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Fetch the Debian linux-source package a settings file pins and import its
# tree, once, as a bare repository with one commit tagged "base"; print
# that repository's path.
#
# Usage: ci/steps/fetch-kernel-source.sh base-kernel|backport-kernel
#
# The package comes from the archives the settings file names, through an
# apt configuration and state of the workbench's own
# ($WORKBENCH_CACHE/apt/NAME): the machine's apt setup is neither read nor
# changed.  The archive is asked again on every run an hour after the last
# one: a newer package of the settings' "watch" prefix is reported, a
# pinned version the archive no longer has fails the run, naming the one
# to move to.  Without the archive (no network) an imported tree is used
# as it is, with a note.
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 1 ] && [ -r "$CI/$1" ] || die "usage: $0 base-kernel|backport-kernel"
settings=$1
pkg=$(setting "$settings" package)
version=$(setting "$settings" version)
watch=$(setting "$settings" watch)
[ -n "$pkg" ] && [ -n "$version" ] && [ -n "$watch" ] ||
	die "ci/$settings needs package=, version= and watch="
upstream=${version%-*}
src_git=$WORKBENCH_CACHE/src/debian-${upstream//\~/-}.git
subject="Linux $upstream from Debian's $pkg $version"
# Imported from this very package (not another Debian revision of the
# same release, nor by an older workbench).
imported() {
	[ "$(git --git-dir="$src_git" log -1 --format=%s base 2>/dev/null)" = "$subject" ]
}

apt_dir=$WORKBENCH_CACHE/apt/$settings
private_apt "$apt_dir"

apt_failed='^(E:|W: Failed to fetch|W: Some index files)'

# ask_archive: print "available" or "gone", then the newest package whose
# name starts with $watch and its version.
ask_archive() {
	local names
	sed -n 's/^archive=//p' "$CI/$settings" >"$apt_dir/sources.list"
	# apt-get update exits 0 when it could not fetch an index.
	update=$(apt-get "${APT_OPTS[@]}" -q update 2>&1) &&
		! grep -qE "$apt_failed" <<<"$update" ||
		{ grep -m1 -E "$apt_failed" <<<"$update" >&2; return 1; }
	mapfile -t names < <(apt-cache "${APT_OPTS[@]}" pkgnames "$watch")
	[ ${#names[@]} -gt 0 ] || names=("$pkg")
	apt-cache "${APT_OPTS[@]}" madison "${names[@]}" | awk \
		-v pkg="$pkg" -v ver="$version" -v watch="$watch" '
		$1 == pkg && $3 == ver { found = 1 }
		index($1, watch) == 1 { print $1, $3 }
		END { print found ? "available" : "gone" }' |
		{
			local name ver newest_pkg='' newest='' verdict
			while read -r name ver; do
				[ -z "$ver" ] && { verdict=$name; continue; }
				if [ -z "$newest" ] || dpkg --compare-versions "$ver" gt "$newest"; then
					newest_pkg=$name newest=$ver
				fi
			done
			printf '%s %s %s\n' "$verdict" "$newest_pkg" "$newest"
		}
}

# The archive is asked at most once an hour per settings file.
verdict_file=$apt_dir/verdict-$(sha1sum <"$CI/$settings" | cut -c1-12)
if [ -z "$(find "$verdict_file" -mmin -60 2>/dev/null)" ]; then
	if verdict=$(ask_archive 2>"$apt_dir/error"); then
		printf '%s\n' "$verdict" >"$verdict_file"
	else
		imported || die "cannot read Debian's archive for $pkg $version: $(cat "$apt_dir/error")"
		log "NOTE: cannot read Debian's archive; using the imported $pkg $version as it is"
		printf '%s\n' "$src_git"
		exit 0
	fi
fi
read -r verdict newest_pkg newest <"$verdict_file"
if [ "$verdict" != available ]; then
	rm -f "$verdict_file"
	die "Debian's archive no longer has $pkg $version (ci/$settings); ${newest:+move to $newest_pkg $newest, }see README, \"Kernel trees\""
fi
if [ "$newest_pkg $newest" != "$pkg $version" ]; then
	log "NOTE: Debian's archive has $newest_pkg $newest, newer than $pkg $version of ci/$settings (README, \"Kernel trees\")"
fi

if ! imported; then
	mkdir -p "$WORKBENCH_CACHE/src"
	tmp=$(mktemp -d "$WORKBENCH_CACHE/src/import.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	log "fetching $pkg $version from Debian's archive (once)"
	(cd "$tmp" && apt-get "${APT_OPTS[@]}" -q download "$pkg=$version") >"$tmp/apt.log" 2>&1 ||
		die "cannot download $pkg $version: $(grep -m1 '^E:' "$tmp/apt.log")"
	log "importing $pkg $version (once)"
	mkdir "$tmp/tree"
	dpkg-deb --fsys-tarfile "$tmp"/*.deb | tar -xO "./usr/src/$pkg.tar.xz" |
		tar -xJ -C "$tmp/tree" --strip-components=1
	rm -f "$tmp"/*.deb
	git init -q --bare "$tmp/git"
	# Debian's top-level .gitignore ignores /*, hence add -f.
	git --git-dir="$tmp/git" --work-tree="$tmp/tree" add -f -A .
	GIT_AUTHOR_NAME=$(identity_name) GIT_AUTHOR_EMAIL=$(identity_email) \
	GIT_COMMITTER_NAME=$(identity_name) GIT_COMMITTER_EMAIL=$(identity_email) \
	GIT_AUTHOR_DATE='2000-01-01T00:00:00Z' GIT_COMMITTER_DATE='2000-01-01T00:00:00Z' \
		git --git-dir="$tmp/git" --work-tree="$tmp/tree" commit -q -m "$subject"
	git --git-dir="$tmp/git" tag base
	# The work repository of an earlier import borrows its objects.
	work=$WORKBENCH_CACHE/work/$(basename "$src_git" .git)
	if [ -e "$src_git" ] && [ -e "$work" ]; then
		log "replacing the earlier import: its work repository $work goes too"
		rm -rf "$work"
	fi
	rm -rf "$src_git"
	mv "$tmp/git" "$src_git"
fi
printf '%s\n' "$src_git"
