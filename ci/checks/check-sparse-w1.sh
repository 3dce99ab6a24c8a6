#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# sparse (C=2) and W=1 on the objects of the C files the series touches:
# no warning at the tip that the base does not have (line numbers aside).
# sparse is ci/steps/build-sparse.sh's: the kernel would skip Debian 12's
# with a warning, and a check that did not run is a failure here.  Prints
# "STATUS<tab>file: verdict" lines.
#
# Usage: [SERIES=fixes] ci/checks/check-sparse-w1.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
need_tree

mapfile -t files < <(series_files '*.c')
if [ ${#files[@]} -eq 0 ]; then
	printf 'INFO\tthe series touches no kernel C file\n'
	exit 0
fi
sparse=$("$STEPS/build-sparse.sh") || { printf 'FAIL\tno sparse\n'; exit 1; }
kdir=$("$STEPS/build-kernel.sh" "$QEMU_VARIANT" tip) || { printf 'FAIL\tno tip kernel\n'; exit 1; }
# The tip's own build directory: nothing to prepare, and the next kernel
# built there recompiles just these files without C=2 W=1.
build=$(build_dir "$QEMU_VARIANT")
src=$(build_src "$QEMU_VARIANT")

# warnings SIDE COMMIT: the normalized warnings of each file at COMMIT.
warnings() {
	local side=$1 file log
	checkout "$REPO" "$src" "$2"
	cmp -s "$kdir/.config" "$build/.config" || cp "$kdir/.config" "$build/.config"
	for file in "${files[@]}"; do
		log=$WORKBENCH_OUT/sparse-w1-$side-${file//\//_}.log
		if [ ! -f "$src/$file" ]; then
			: >"$log"
			continue
		fi
		make -C "$src" O="$build" -j"$JOBS" C=2 CHECK="$sparse" W=1 \
			CC="$(kernel_cc)" "${file%.c}.o" >"$log" 2>&1 || echo "BUILD FAILED" >>"$log"
		{ grep -E ': (warning|error):|BUILD FAILED' "$log" || true; } |
			sed -E 's/:[0-9]+:[0-9]+:/:/; s/:[0-9]+:/:/' | sort >"$log.norm"
	done
}
warnings base "$BASE"
warnings tip "$TIP"

status=0
for file in "${files[@]}"; do
	tip=$WORKBENCH_OUT/sparse-w1-tip-${file//\//_}.log
	new=$(comm -13 "${tip/-tip-/-base-}.norm" "$tip.norm" 2>/dev/null ||
		cat "$tip.norm")
	if ! grep -qE "^  CHECK +(.*/)?${file//./\\.}\$" "$tip"; then
		printf 'FAIL\t%s: sparse did not run (%s)\n' "$file" "$tip"
		status=1
	elif [ -n "$new" ]; then
		printf 'FAIL\t%s: %d new warnings (%s)\n' "$file" "$(wc -l <<<"$new")" "$tip"
		status=1
	else
		printf 'PASS\t%s\n' "$file"
	fi
done
exit $status
