#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the sparse ci/sparse pins from Debian's source package, once;
# print the path of the sparse binary.
#
# Usage: ci/steps/build-sparse.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
pkg=$(setting sparse package)
version=$(setting sparse version)
dir=$WORKBENCH_CACHE/sparse/$version
if [ -x "$dir/sparse" ]; then
	printf '%s\n' "$dir/sparse"
	exit 0
fi

apt_dir=$WORKBENCH_CACHE/apt/sparse
private_apt "$apt_dir"
sed -n 's/^archive=//p' "$CI/sparse" >"$apt_dir/sources.list"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
log "building $pkg $version from Debian's source package (once)"
(cd "$tmp" && apt-get "${APT_OPTS[@]}" -q update &&
	apt-get "${APT_OPTS[@]}" -q source --download-only "$pkg=$version") \
	>"$tmp/apt.log" 2>&1 && ls "$tmp"/*.orig.tar.* >/dev/null 2>&1 ||
	die "cannot fetch the source of $pkg $version (ci/sparse): $(grep -m1 -E '^(E|W):' "$tmp/apt.log")"
mkdir "$tmp/src"
tar -xf "$tmp"/*.orig.tar.* -C "$tmp/src" --strip-components=1
make -C "$tmp/src" -j"$JOBS" sparse >"$tmp/build.log" 2>&1 ||
	die "$pkg $version does not build: $(tail -n 1 "$tmp/build.log")"
mkdir -p "$dir"
install -m 755 "$tmp/src/sparse" "$dir/sparse"
printf '%s\n' "$dir/sparse"
