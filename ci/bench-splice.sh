#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Splice throughput, the series against its base.  Boots the workbench
# kernel of the base and of every commit of the series (the simulator
# compiled in from 0001 on, and off: nothing marked) one after the other in
# QEMU with -icount, so the guest's clock counts instructions and kernels
# booted alike compare by the work they do, and runs
# ci/bench/splice_throughput in each.  Prints the table (kept in the run's
# bench-splice.txt) on stderr and "STATUS<tab>what" rows on stdout: each
# figure of the series tip must be at least BENCH_MIN_RATIO of the base's,
# and the tip plus patches/broken/splice-confirm-locks-folio.patch (a folio
# lock round trip per page) must fall below it somewhere, or the benchmark
# could not see a regression.
#
# Usage: ci/bench-splice.sh
#   BENCH_MIN_RATIO  default 0.99
#   BENCH_ICOUNT     QEMU's -icount option (default shift=0,sleep=off:
#                    one instruction is one nanosecond of guest time)
. "$(dirname "$0")/lib.sh"
min_ratio=${BENCH_MIN_RATIO:-0.99}
icount=${BENCH_ICOUNT:-shift=0,sleep=off}
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

fail() {
	printf 'FAIL\t%s\n' "$1"
	exit 1
}

out=$WORKBENCH_OUT/bench
install=$out/install
rm -rf "$out"
mkdir -p "$install/bench"
cp -a "$SRC/tools/testing/selftests/run_kselftest.sh" \
	"$SRC/tools/testing/selftests/kselftest" "$install/"
gcc -static -O2 -Wall -Werror -I "$SRC/tools/testing/selftests" \
	-o "$install/bench/splice_throughput" "$CI/bench/splice_throughput.c" ||
	fail "ci/bench/splice_throughput.c does not build"
echo bench:splice_throughput >"$install/kselftest-list.txt"

# run_kernel LABEL [--step]: build the kernel of $SRC as it is checked out,
# boot it, run the benchmark and keep "FS CONSUMER BEST" lines in
# $out/LABEL/figures.  --step: a commit inside the series, see
# build-kernel.sh.
run_kernel() {
	local run=$out/$1 kdir
	kdir=$("$CI/build-kernel.sh" ${2:+"$2"} qemu "$SRC") || fail "kernel of $1"
	"$CI/make-initramfs.sh" "$kdir" "$install" "$out/initramfs.cpio" \
		bench:splice_throughput || fail "initramfs for $1"
	QEMU_ACCEL=tcg GUEST_SMP=1 QEMU_EXTRA="-icount $icount" \
		"$CI/boot-and-test.sh" "$kdir" "$out/initramfs.cpio" "$run" ||
		fail "benchmark run on $1 (see $run)"
	"$CI/judge-run.sh" "$SRC/tools/testing/kunit/kunit.py" "$run" >/dev/null ||
		fail "benchmark run on $1: $(grep -v '^PASS' "$run/results.tsv" | cut -f2 | tr '\n' ' ')"
	# "# # result: FS CONSUMER best B median M worst W MiB/s" -> "FS CONSUMER B"
	sed -n 's/^[# ]*result: \([^ ]*\) \([^ ]*\) best \([0-9.]*\) .*/\1 \2 \3/p' \
		"$run/ktap.log" >"$run/figures"
	[ -s "$run/figures" ] || fail "no figures from $1"
	cut -d' ' -f1,2 "$run/figures" | cmp -s - <(cut -d' ' -f1,2 "$out/base/figures") ||
		fail "$1 and base measured different things"
}

labels=(base)
checkout "$REPO" "$SRC" "$BASE"
run_kernel base --step
n=0
for commit in $(git --git-dir="$REPO" rev-list --reverse "$BASE..$TIP"); do
	n=$((n + 1))
	labels+=("$(printf '%04d' "$n")")
	checkout "$REPO" "$SRC" "$commit"
	if [ "$commit" = "$TIP" ]; then
		run_kernel "${labels[n]}"
	else
		run_kernel "${labels[n]}" --step
	fi
done
tip=${labels[n]}
grep -q 'inaccessible-folio simulator present, 0 folios marked' "$out/$tip/ktap.log" ||
	fail "the tip's kernel does not have the simulator compiled in and off"

# The same tip, deliberately slower.
checkout_broken "$slow" || fail "broken/$slow does not apply"
labels+=(slow)
run_kernel slow

# "FS CONSUMER BASE 0001 ... SLOW", every run's rows in the base's order.
table=$out/table
cp "$out/base/figures" "$table"
for label in "${labels[@]:1}"; do
	cut -d' ' -f3 "$out/$label/figures" | paste -d' ' "$table" - >"$table.new"
	mv "$table.new" "$table"
done

{
	printf 'Splice throughput, MiB/s of guest time (QEMU -icount %s, -smp 1),\n' "$icount"
	sed -n 's/^[# ]*\([0-9]* MiB files, .*\)/best of \1/p' "$out/base/ktap.log"
	sed -n 's/^[# ]*\(clocksource .*\)/base: \1/p' "$out/base/ktap.log"
	sed -n "s/^[# ]*\\(clocksource .*\\)/$tip: \\1/p" "$out/$tip/ktap.log"
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

# Column 3 is the base, NF - 1 the tip, NF the slow variant.
awk -v min="$min_ratio" -v slow="$slow" '
	{
		r = $(NF - 1) / $3
		printf "%s\t%s %s: tip/base %.4f (%s vs %s MiB/s, at least %s)\n",
			(r >= min ? "PASS" : "FAIL"), $1, $2, r, $(NF - 1), $3, min
		if (r < min)
			failed++
		r = $NF / $3
		if (NR == 1 || r < worst)
			worst = r
	}
	END {
		printf "%s\tthe benchmark sees broken/%s: worst ratio %.4f, below %s\n",
			(worst < min ? "PASS" : "FAIL"), slow, worst, min
		exit (failed > 0 || worst >= min)
	}' "$table" || status=1
printf 'INFO\tthe table: %s\n' "$WORKBENCH_OUT/bench-splice.txt"
exit "${status:-0}"
