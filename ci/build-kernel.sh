#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Configure and build the kernel of one checkout; print the directory that
# holds its bzImage and .config.
#
# Usage: ci/build-kernel.sh [--step] VARIANT CHECKOUT
#   VARIANT   qemu (ci/config/qemu.config) or debug (that plus debug.config)
#   CHECKOUT  a checkout made by prepare-tree.sh (the series tip, or one
#             commit of the series for the per-commit builds)
#   --step    the checkout is a commit inside the series: options that its
#             Kconfig does not know yet are expected, not an error
#
# The config is allnoconfig + ci/config fragments + the `config` file of
# every selftest directory in ci/selftests.conf, taken from the series tip
# (so every commit of the series is built with the same options).  Kernels
# are kept by a hash of the source tree and the merged fragments: building
# the same thing twice costs nothing, and proof mode reuses the per-commit
# builds.
. "$(dirname "$0")/lib.sh"
ensure_out
load_tree_state

step=false
if [ "${1:-}" = --step ]; then
	step=true
	shift
fi
[ $# -eq 2 ] || die "usage: $0 [--step] qemu|debug CHECKOUT"
variant=$1 checkout=$2
case $variant in
qemu) fragments=("$CI/config/qemu.config") ;;
debug) fragments=("$CI/config/qemu.config" "$CI/config/debug.config") ;;
*) die "unknown variant $variant (qemu or debug)" ;;
esac
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
. "$CI/selftests.conf"
for target in $SELFTEST_TARGETS; do
	cfg=$scratch/selftests-$target.config
	git --git-dir="$REPO" show "$TIP:tools/testing/selftests/$target/config" \
		>"$cfg" 2>/dev/null || die "selftest directory $target has no config file"
	fragments+=("$cfg")
done

tree=$(git -C "$checkout" rev-parse HEAD^{tree})
key=$( { echo "$variant $tree"; gcc --version | head -n 1; cat "${fragments[@]}"; } |
	sha1sum | cut -c1-16)
kdir=$WORKBENCH_CACHE/kernels/$variant-$key
if [ -r "$kdir/bzImage" ]; then
	printf '%s\n' "$kdir"
	exit 0
fi

name=$variant-$(git -C "$checkout" rev-parse --short HEAD)
build=$WORKBENCH_CACHE/build/$TREE_NAME-$(basename "$checkout")-$variant
buildlog=$WORKBENCH_OUT/build-$name.log
mkdir -p "$build"

# Merge into a scratch directory and only replace .config when it changed:
# an unchanged .config keeps the build incremental.
mkdir "$scratch/config"
(cd "$checkout" && scripts/kconfig/merge_config.sh -n -O "$scratch/config" "${fragments[@]}") \
	>"$WORKBENCH_OUT/config-$name.log" 2>&1 ||
	die "merge_config.sh failed (see $WORKBENCH_OUT/config-$name.log)"

lost=()
for sym in $(sed -n 's/^Value requested for \(CONFIG_[A-Za-z0-9_]*\) not in final .config$/\1/p' \
		"$WORKBENCH_OUT/config-$name.log"); do
	if git -C "$checkout" grep -qE "^[[:space:]]*(menu)?config ${sym#CONFIG_}\$" -- '*Kconfig*'; then
		lost+=("$sym (dependencies not met)")
	elif ! $step; then
		lost+=("$sym (no such option)")
	fi
done
[ ${#lost[@]} -eq 0 ] ||
	die "options asked for did not survive olddefconfig: ${lost[*]}"
cmp -s "$scratch/config/.config" "$build/.config" ||
	cp "$scratch/config/.config" "$build/.config"

log "building $name in $build"
export KBUILD_BUILD_TIMESTAMP='2000-01-01' KBUILD_BUILD_USER=workbench KBUILD_BUILD_HOST=qemu
if ! make -C "$checkout" O="$build" -j"$JOBS" CC="ccache gcc" bzImage \
	>"$buildlog" 2>&1; then
	grep -E -m 10 'error|Error' "$buildlog" | sed 's/^/    /' >&2 || true
	die "kernel build failed: $name (see $buildlog)"
fi

mkdir -p "$kdir.tmp/usr"
cp "$build/arch/x86/boot/bzImage" "$build/.config" "$build/System.map" "$kdir.tmp/"
cp "$build/usr/gen_init_cpio" "$kdir.tmp/usr/"
git -C "$checkout" rev-parse HEAD >"$kdir.tmp/commit"
rm -rf "$kdir"
mv "$kdir.tmp" "$kdir"
printf '%s\n' "$kdir"
