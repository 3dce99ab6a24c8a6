#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# ci/steps/fetch-kernel-source.sh against a local apt archive of fake
# linux-source packages: the pinned one is fetched and imported (anew for
# another Debian revision of the same release), a newer one is reported, a pinned one that has left the archive fails naming the
# newest, and without the archive an imported tree is used as it is.
# Prints "STATUS<tab>case" rows.
#
# Usage: ci/tests/test-fetch-kernel-source.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
# check CASE CONDITION: a row for CASE, PASS when CONDITION (a shell
# expression over the variables below) holds.
check() {
	if eval "$2"; then
		printf 'PASS\tfetch: %s\n' "$1"
	else
		printf 'FAIL\tfetch: %s\n' "$1"
		status=1
	fi
}

# fake_package NAME VERSION: a linux-source .deb holding NAME.tar.xz.
fake_package() {
	local root=$scratch/pkg/$1_$2
	mkdir -p "$root/DEBIAN" "$root/usr/src" "$scratch/tree/$1/mm"
	echo "$1 $2" >"$scratch/tree/$1/Makefile"
	echo "/* gup */" >"$scratch/tree/$1/mm/gup.c"
	tar -cJf "$root/usr/src/$1.tar.xz" -C "$scratch/tree" "$1"
	printf 'Package: %s\nVersion: %s\nArchitecture: all\nMaintainer: test <test@localhost>\nDescription: fake\n' \
		"$1" "$2" >"$root/DEBIAN/control"
	dpkg-deb -b -Zgzip "$root" "$scratch/archive/$1_$2_all.deb" >/dev/null
}
mkdir -p "$scratch/archive"
fake_package linux-source-9.1 9.1~rc2-1~exp1
fake_package linux-source-9.1 9.1~rc3-1~exp1
fake_package linux-source-9.1 9.1~rc3-2~exp1
fake_package linux-source-9.0 9.0.4-1
(cd "$scratch/archive" && dpkg-scanpackages -m . >Packages 2>/dev/null)

cp -r "$TOP" "$scratch/project"
settings() {
	printf '%s\n' "package=$1" "version=$2" "release=v9" "watch=linux-source-9." \
		"archive=deb [trusted=yes] file:$scratch/archive ./" >"$scratch/project/ci/base-kernel"
}
fetch() {
	env -u WORKBENCH_OUT WORKBENCH_CACHE="$scratch/cache" \
		"$scratch/project/ci/steps/fetch-kernel-source.sh" base-kernel 2>"$scratch/err"
}

settings linux-source-9.1 9.1~rc2-1~exp1
# shellcheck disable=SC2034 # read by check
git_dir=$(fetch) || true
check "the pinned package is imported, tag base" \
	'[ "$(git --git-dir="$git_dir" show base:Makefile 2>/dev/null)" = "linux-source-9.1 9.1~rc2-1~exp1" ]'
check "a newer package is named" \
	'grep -q "NOTE: Debian.s archive has linux-source-9.1 9.1~rc3-2~exp1, newer than" "$scratch/err"'

settings linux-source-9.1 9.1~rc3-1~exp1
fetch >/dev/null || true
settings linux-source-9.1 9.1~rc3-2~exp1
# shellcheck disable=SC2034 # read by check
rc3=$(fetch) || true
check "another Debian revision of the same release is imported anew" \
	'[ "$(git --git-dir="$rc3" show base:Makefile 2>/dev/null)" = "linux-source-9.1 9.1~rc3-2~exp1" ]'

settings linux-source-9.1 9.1~rc1-1~exp1
fetch >/dev/null && rc=0 || rc=$?
check "a pinned package the archive no longer has fails, naming the newest" \
	'[ $rc -ne 0 ] && grep -q "no longer has linux-source-9.1 9.1~rc1-1~exp1 (ci/base-kernel); move to linux-source-9.1 9.1~rc3-2~exp1" "$scratch/err"'

settings linux-source-9.1 9.1~rc2-1~exp1
rm -rf "$scratch/archive" "$scratch/cache"/apt/*/verdict-*
# shellcheck disable=SC2034 # read by check
out=$(fetch) && rc=0 || rc=$?
check "without the archive, the imported tree is used, with a note" \
	'[ $rc -eq 0 ] && [ "$out" = "$git_dir" ] && grep -q "NOTE: cannot read" "$scratch/err"'
exit $status
