#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the kernel of one revision of the series; print the directory that
# holds its bzImage, .config and System.map.
#
# Usage: [SERIES=fixes] ci/steps/build-kernel.sh VARIANT REVISION
#   VARIANT   qemu (ci/config/qemu.config), debug (that plus debug.config)
#             or kunit (ci/config/kunit.config: the series' KUnit suites
#             alone, booted by ci/steps/run-kunit-in-qemu.sh); with
#             SERIES=fixes, fixes (qemu.config plus fixes.config and the
#             `config` files of the fixes' selftests)
#   REVISION  tip, base or a commit of the series (as git names it in
#             the work repository), optionally +DIR/FILE...: that revision
#             plus patches/DIR/FILE, in order (base+bench/vhost-test-builtin.patch);
#             broken:FILE is tip+broken/FILE
#
# Every kernel is built in the one build checkout ($WORK/build; the tip's
# own checkout never moves; the fixes series' kernels in $WORK/fixes-build,
# where the series' changes to headers never make them stale) and, per
# variant, one build directory: walking from one revision to the next
# rebuilds only what changed, and ccache gives back what an earlier
# revision already compiled.  The config is allnoconfig + ci/config
# fragments + the `config` file of every selftest directory of
# ci/selftests.conf (the fixes' for the fixes variant) and the
# .kunitconfig of each of its KUnit suites, as the series tip has them
# (less the options selftests.conf omits; the kunit variant takes the
# .kunitconfig files alone and whole; the fixes variant none), so every
# revision is built with the same options.  Kernels are kept by a
# hash of the source tree and the merged fragments: building the same
# thing twice costs nothing.
#
# Each build adds a line to $WORKBENCH_OUT/kernels.tsv: name, how it was
# had (reused, incremental, from scratch), seconds, ccache hits/compiles.
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 2 ] || die "usage: $0 qemu|debug|kunit|fixes tip|base|COMMIT[+DIR/FILE]|broken:FILE"
variant=$1 rev=$2
case $rev in broken:*) rev=tip+broken/${rev#broken:} ;; esac
IFS=+ read -r rev extra <<<"$rev"
IFS=+ read -ra extras <<<"$extra"
need_tree
case $SERIES:$variant in
main:qemu) fragments=("$CI/config/qemu.config") ;;
main:debug) fragments=("$CI/config/qemu.config" "$CI/config/debug.config") ;;
main:kunit) fragments=("$CI/config/kunit.config") ;;
fixes:fixes) fragments=("$CI/config/qemu.config" "$CI/config/fixes.config") ;;
*) die "unknown variant $variant (qemu, debug or kunit; fixes with SERIES=fixes)" ;;
esac
src=$(build_src "$variant")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
if [ "$variant" = kunit ]; then
	kunit_fragments "$REPO" "$TIP" "$scratch" whole || exit 1
else
	selftest_fragments "$REPO" "$TIP" "$scratch" || exit 1
	[ "$variant" = fixes ] || kunit_fragments "$REPO" "$TIP" "$scratch" || exit 1
	fragments+=("$scratch"/selftests-*.config)
fi
mapfile -t -O ${#fragments[@]} fragments < <(find "$scratch" -name 'kunit-*.config' | sort)
config_key=$( { gcc --version | head -n 1; cat "$CI/lib/kernel-cc" "${fragments[@]}"; } |
	sha1sum | cut -c1-16)

# A kernel is kept by the tree it is built from: find it before checking
# anything out.
case $rev in
tip) commit=$TIP ;;
base) commit=$BASE ;;
*) commit=$(git --git-dir="$REPO" rev-parse -q --verify "$rev^{commit}") ||
	die "no revision $rev in $REPO" ;;
esac
name=$variant-$(git --git-dir="$REPO" rev-parse --short "$commit")
[ "$commit" = "$TIP" ] && name=$variant-tip
[ "$commit" = "$BASE" ] && name=$variant-base
if [ -n "$extra" ]; then
	# The variant's tree, from an index of its own: a kernel already
	# built is found without moving the build checkout.
	index=$scratch/index
	GIT_INDEX_FILE=$index git --git-dir="$REPO" read-tree "$commit"
	for file in "${extras[@]}"; do
		[ -r "$TOP/patches/$file" ] || die "no patches/$file"
		GIT_INDEX_FILE=$index git --git-dir="$REPO" apply --cached "$TOP/patches/$file" ||
			die "patches/$file does not apply to $rev"
		name=$name+${file%.patch}
	done
	tree=$(GIT_INDEX_FILE=$index git --git-dir="$REPO" write-tree)
	name=${name//\//-}
else
	tree=$(git --git-dir="$REPO" rev-parse "$commit^{tree}")
fi
kdir=$WORKBENCH_CACHE/kernels/$variant-$(echo "$tree $config_key" | sha1sum | cut -c1-16)
kernels=$WORKBENCH_OUT/kernels.tsv
if [ -r "$kdir/bzImage" ]; then
	printf '%s\treused\t0\t-\n' "$name" >>"$kernels"
	printf '%s\n' "$kdir"
	exit 0
fi
# Options of the tip that a commit inside the series does not know yet
# are expected there, not an error.
step=true
[ "$commit" = "$TIP" ] && step=false
if [ -n "$extra" ]; then
	checkout_patched "$src" "$commit" "${extras[@]}" ||
		die "patches/$extra does not apply to $rev"
	commit=$(git -C "$src" rev-parse HEAD)
else
	checkout "$REPO" "$src" "$commit"
fi

build=$(build_dir "$variant")
buildlog=$WORKBENCH_OUT/build-$name.log
mkdir -p "$build"

# Merge into a scratch directory and only replace .config when it changed:
# an unchanged .config keeps the build incremental.
mkdir "$scratch/config"
(cd "$src" && scripts/kconfig/merge_config.sh -n -O "$scratch/config" "${fragments[@]}") \
	>"$WORKBENCH_OUT/config-$name.log" 2>&1 ||
	die "merge_config.sh failed (see $WORKBENCH_OUT/config-$name.log)"

lost=()
for sym in $(sed -n 's/^\(WARNING: \)\?Value requested for \(CONFIG_[A-Za-z0-9_]*\) not in final .config$/\2/p' \
		"$WORKBENCH_OUT/config-$name.log"); do
	if git -C "$src" grep -qE "^[[:space:]]*(menu)?config ${sym#CONFIG_}\$" -- '*Kconfig*'; then
		lost+=("$sym (dependencies not met)")
	elif ! $step; then
		lost+=("$sym (no such option)")
	fi
done
[ ${#lost[@]} -eq 0 ] ||
	die "options asked for did not survive olddefconfig: ${lost[*]}"
cmp -s "$scratch/config/.config" "$build/.config" ||
	cp "$scratch/config/.config" "$build/.config"

how=incremental
[ -e "$build/vmlinux" ] || how="from scratch"
# This build's own ccache counts, from ccache's log of each compile.
stats=$scratch/ccache-stats.log
start=$(date +%s)
log "building $name ($how) in $build"
export KBUILD_BUILD_TIMESTAMP='2000-01-01' KBUILD_BUILD_USER=workbench KBUILD_BUILD_HOST=qemu
if ! CCACHE_STATSLOG=$stats make -C "$src" O="$build" -j"$JOBS" CC="$(kernel_cc)" bzImage \
	>"$buildlog" 2>&1; then
	grep -E -m 10 'error|Error' "$buildlog" | sed 's/^/    /' >&2 || true
	die "kernel build failed: $name (see $buildlog)"
fi
read -r hits compiles < <(awk '
	/^(direct|preprocessed)_cache_hit$/ { hit++ }
	/^cache_miss$/ { miss++ }
	END { print hit + 0, hit + miss }' "$stats" 2>/dev/null || echo 0 0)
printf '%s\t%s\t%d\t%d/%d\n' "$name" "$how" "$(($(date +%s) - start))" \
	"$hits" "$compiles" >>"$kernels"

# The bzImage must carry this build's kernel (see ci/lib/kernel-cc).
piggy=$build/arch/x86/boot/compressed/piggy
payload=$(sed -n 's/^\.incbin "\(.*\)"$/\1/p' "$piggy.S")
objcopy -O binary -j .rodata..compressed "$piggy.o" "$scratch/payload" &&
	cmp -s "$scratch/payload" "$build/$payload" ||
	die "the bzImage of $name does not carry this build's kernel ($piggy.o is stale)"

mkdir -p "$kdir.tmp/usr"
cp "$build/arch/x86/boot/bzImage" "$build/.config" "$build/System.map" "$kdir.tmp/"
# The kunit variant has no initramfs, and no gen_init_cpio.
[ ! -e "$build/usr/gen_init_cpio" ] || cp "$build/usr/gen_init_cpio" "$kdir.tmp/usr/"
printf '%s\n' "$commit" >"$kdir.tmp/commit"
rm -rf "$kdir"
mv "$kdir.tmp" "$kdir"
printf '%s\n' "$kdir"
