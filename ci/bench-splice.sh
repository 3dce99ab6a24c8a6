#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Splice throughput, the series against its base: boot the workbench kernel
# of the base and of every commit of the series (the simulator compiled in
# from 0001 on, and off: nothing marked) one after the other in QEMU with
# -icount, so the guest's clock counts instructions, and run
# ci/bench/splice_throughput in each.  Prints the table (kept in the run's
# bench-splice.txt) on stderr and "STATUS<tab>what" rows on stdout: each
# figure of the series tip must be at least BENCH_MIN_RATIO of the base's,
# and on the tip plus patches/broken/splice-confirm-locks-folio.patch (a
# folio lock round trip per page) one figure at least must fall below it.
#
# Usage: ci/bench-splice.sh
#   BENCH_MIN_RATIO  default 0.99
#   BENCH_ICOUNT     QEMU's -icount option (default shift=0,sleep=off:
#                    one instruction is one nanosecond of guest time)
. "$(dirname "$0")/lib.sh"
min_ratio=${BENCH_MIN_RATIO:-0.99}
icount=${BENCH_ICOUNT:-shift=0,sleep=off}
# A variant of the tip that is slower by a folio lock round trip a page.
slow=splice-confirm-locks-folio.patch
if [ -z "${WORKBENCH_OUT:-}" ]; then
	ensure_out
	"$CI/install-deps.sh"
	"$CI/prepare-tree.sh"
fi
load_tree_state
# Kernels are checked out in the tip's own checkout: the per-commit builds
# left them there (ci/check-each-commit-builds.sh), so they are reused.
trap 'checkout "$REPO" "$SRC" "$TIP"' EXIT

bench=$WORKBENCH_OUT/bench
install=$bench/install
rm -rf "$bench"
mkdir -p "$install/bench"
cp -a "$SRC/tools/testing/selftests/run_kselftest.sh" \
	"$SRC/tools/testing/selftests/kselftest" "$install/"
gcc -static -O2 -Wall -Werror -I "$SRC/tools/testing/selftests" \
	-o "$install/bench/splice_throughput" "$CI/bench/splice_throughput.c" ||
	die "ci/bench/splice_throughput.c does not build"
echo bench:splice_throughput >"$install/kselftest-list.txt"

# bench LABEL: build the kernel of $SRC as it is checked out, boot it and
# keep its medians, "FS CONSUMER MiB/s" per line, in $bench/LABEL/medians.
bench() {
	local run=$bench/$1 kdir
	kdir=$("$CI/build-kernel.sh" --step qemu "$SRC") ||
		{ printf 'FAIL\tkernel of %s\n' "$1"; exit 1; }
	"$CI/make-initramfs.sh" "$kdir" "$install" "$bench/initramfs.cpio" \
		bench:splice_throughput || die "initramfs"
	QEMU_EXTRA="-smp 1 -icount $icount" \
		"$CI/boot-and-test.sh" "$kdir" "$bench/initramfs.cpio" "$run" ||
		{ printf 'FAIL\tbenchmark run on %s (see %s)\n' "$1" "$run"; exit 1; }
	"$CI/judge-run.sh" "$SRC/tools/testing/kunit/kunit.py" "$run" >/dev/null ||
		{ printf 'FAIL\tbenchmark run on %s: %s\n' "$1" \
			"$(grep -v '^PASS' "$run/results.tsv" | cut -f2 | tr '\n' ' ')"; exit 1; }
	# "# # result: FS CONSUMER median M best B worst W MiB/s" -> "FS CONSUMER M"
	sed -n 's/^[# ]*result: \([^ ]*\) \([^ ]*\) median \([0-9.]*\) .*/\1 \2 \3/p' \
		"$run/ktap.log" >"$run/medians"
	[ -s "$run/medians" ] || { printf 'FAIL\tno figures from %s\n' "$1"; exit 1; }
}

# One column per kernel: "base", then the series' patch numbers.
labels=(base)
checkout "$REPO" "$SRC" "$BASE"
bench base
n=0
for commit in $(git --git-dir="$REPO" rev-list --reverse "$BASE..$TIP"); do
	n=$((n + 1))
	labels+=("$(printf '%04d' "$n")")
	checkout "$REPO" "$SRC" "$commit"
	bench "${labels[n]}"
done

# The benchmark must be able to fail: the tip made deliberately slower.
checkout "$REPO" "$SRC" "$TIP"
git -C "$SRC" apply --index "$TOP/patches/broken/$slow" ||
	{ printf 'FAIL\tbroken/%s does not apply\n' "$slow"; exit 1; }
git -C "$SRC" -c user.name=workbench -c user.email=workbench@localhost \
	commit -q -m "broken: $slow"
labels+=(slow)
bench slow

# "FS CONSUMER BASE 0001 0002 ...": every run prints the same rows in the
# same order.
table=$bench/medians
cp "$bench/base/medians" "$table"
for label in "${labels[@]:1}"; do
	cut -d' ' -f1,2 "$bench/$label/medians" | cmp -s - <(cut -d' ' -f1,2 "$bench/base/medians") ||
		{ printf 'FAIL\t%s and base measured different things\n' "$label"; exit 1; }
	cut -d' ' -f3 "$bench/$label/medians" | paste -d' ' "$table" - >"$table.new"
	mv "$table.new" "$table"
done

{
	printf 'Splice throughput, MiB/s of guest time (QEMU -icount %s, -smp 1),\n' "$icount"
	sed -n 's/^[# ]*\([0-9]* MiB files, .*\)/median of \1/p' "$bench/base/ktap.log"
	printf '%s: %s\n' "$TREE_LABEL" "$(git --git-dir="$REPO" log -1 --format=%h "$BASE")"
	printf '\n%-6s %-14s' fs consumer
	printf ' %16s' "${labels[@]}"
	printf '\n'
	awk '{
		printf "%-6s %-14s %16.1f", $1, $2, $3
		for (i = 4; i <= NF; i++)
			printf " %8.1f %7.4f", $i, $i / $3
		printf "\n"
	}' "$table"
	printf '\n(each column after the base: MiB/s and the ratio to the base;\n'
	printf ' slow: the tip plus patches/broken/%s)\n' "$slow"
} | tee "$WORKBENCH_OUT/bench-splice.txt" >&2

status=0
while read -r fs consumer figures; do
	base=${figures%% *} tip=$(awk '{ print $(NF - 1) }' <<<"$figures")
	ratio=$(awk -v t="$tip" -v b="$base" 'BEGIN { printf "%.4f", t / b }')
	verdict=PASS
	awk -v r="$ratio" -v m="$min_ratio" 'BEGIN { exit !(r >= m) }' || verdict=FAIL
	[ $verdict = PASS ] || status=1
	printf '%s\t%s %s: tip/base %s (%s vs %s MiB/s, at least %s)\n' \
		"$verdict" "$fs" "$consumer" "$ratio" "$tip" "$base" "$min_ratio"
done <"$table"
worst=$(awk '{ r = $NF / $3; if (!n++ || r < w) w = r } END { printf "%.4f", w }' "$table")
if awk -v r="$worst" -v m="$min_ratio" 'BEGIN { exit !(r < m) }'; then
	printf 'PASS\tthe benchmark notices broken/%s: its worst ratio %s\n' "$slow" "$worst"
else
	printf 'FAIL\tthe benchmark does not notice broken/%s: its worst ratio %s\n' "$slow" "$worst"
	status=1
fi
printf 'INFO\tthe table: %s\n' "$WORKBENCH_OUT/bench-splice.txt"
exit $status
