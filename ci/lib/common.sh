# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# Settings and helpers shared by the workbench scripts.  Sourced, not run.
#
# Everything the workbench keeps between runs lives under $WORKBENCH_CACHE
# (never inside the clone): the extracted base tree, its work repositories,
# build directories, ccache and the kernels already built.  One run's logs
# live in $WORKBENCH_OUT; a script run by hand without it gets a new one.
#
# The result protocol: a step or check prints "STATUS<tab>what" rows on
# stdout (STATUS is PASS, FAIL, SKIP or INFO), its progress and logs on
# stderr, and exits non-zero when it failed.  Only ci/test-all.sh and
# ci/run-series-in-qemu.sh record rows and print the summary.

set -euo pipefail

# Debian's tools first (python3 with the modules checkpatch.pl needs).
export PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CI=$TOP/ci
# shellcheck disable=SC2034 # used by the scripts that source this file
STEPS=$CI/steps CHECKS=$CI/checks
# spatch and b4 need a HOME; a CI environment may not set one.
export HOME=${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}
WORKBENCH_CACHE=${WORKBENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pin-workbench}
JOBS=${JOBS:-$(nproc)}

export CCACHE_DIR=${CCACHE_DIR:-$WORKBENCH_CACHE/ccache}
export CCACHE_BASEDIR=$WORKBENCH_CACHE
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-10G}
# Depend mode: a miss takes the dependencies from gcc's own -MMD output
# instead of running the preprocessor once more for a hash.  A kernel
# object's preprocessed source is some 3 MB: measured on mm/gup.o of
# v7.3-rc7, a miss costs 2.0 s (gcc alone 2.1 s) instead of 2.9 s.
export CCACHE_DEPEND=${CCACHE_DEPEND:-true}
# Same inputs, same hashes: git am and b4 run with these.
export LC_ALL=C.UTF-8 TZ=UTC

log() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
die() { printf '%s: error: %s\n' "${0##*/}" "$*" >&2; exit 1; }

# The series a script works on: SERIES=main (series and patches/, the
# default) or SERIES=fixes (fixes/series and fixes/: fixes of bugs the
# series' rules found, a series of their own on the same base).
# use_series NAME makes NAME the series the helpers below work on, and
# QEMU_VARIANT the kernel config its selftests run in (ci/steps/build-kernel.sh).
use_series() {
	# shellcheck disable=SC2034 # used by the scripts that source this file
	case $1 in
	main) SERIES_FILE=$TOP/series PATCH_DIR=$TOP/patches QEMU_VARIANT=qemu ;;
	fixes) SERIES_FILE=$TOP/fixes/series PATCH_DIR=$TOP/fixes QEMU_VARIANT=fixes ;;
	*) die "SERIES=$1: it is main or fixes" ;;
	esac
	SERIES=$1
}
use_series "${SERIES:-main}"

# Read KEY=VALUE from one of ci/'s settings files.
setting() {
	sed -n "s/^$2=//p" "$CI/$1" | tail -n 1
}

# The identity that authors and signs the series (ci/identity).
identity_name() { setting identity name; }
identity_email() { setting identity email; }

# private_apt DIR: set APT_OPTS, the options that make apt-get and
# apt-cache use an apt configuration and state of their own in DIR (its
# sources.list, lists, status and archives), never the machine's.
private_apt() {
	mkdir -p "$1/lists/partial" "$1/archives/partial" "$1/parts"
	[ -e "$1/status" ] || : >"$1/status"
	# shellcheck disable=SC2034 # used by the scripts that source this file
	APT_OPTS=(
		-o Dir::Etc::SourceList="$1/sources.list"
		-o Dir::Etc::SourceParts="$1/parts"
		-o Dir::Etc::Preferences="$1/parts/none"
		-o Dir::Etc::PreferencesParts="$1/parts"
		-o Dir::State::Lists="$1/lists"
		-o Dir::State::status="$1/status"
		-o Dir::Cache="$1"
		-o Dir::Cache::Archives="$1/archives"
		-o APT::Architecture=amd64
		-o APT::Sandbox::User="$(id -un)"
	)
}

# Lines of a list file, comments and blank lines dropped.
list_entries() {
	sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$1"
}

# series_files PATHSPEC...: the kernel files (not tools/, scripts/,
# samples/, Documentation/) the series adds or changes, one a line.
series_files() {
	git --git-dir="$REPO" diff --name-only --diff-filter=AM "$BASE" "$TIP" -- \
		"$@" ':!tools/' ':!scripts/' ':!samples/' ':!Documentation/'
}

# The patches of $SERIES, in order, as paths.
series_patches() {
	local name
	list_entries "$SERIES_FILE" | while read -r name _; do
		printf '%s\n' "$PATCH_DIR/$name"
	done
}

# selftests_conf: load ci/selftests.conf, with SELFTEST_TARGETS and
# SELFTEST_RUN those of $SERIES.
selftests_conf() {
	# shellcheck source=ci/selftests.conf
	. "$CI/selftests.conf"
	if [ "$SERIES" = fixes ]; then
		SELFTEST_TARGETS=$FIXES_SELFTEST_TARGETS
		SELFTEST_RUN=$FIXES_SELFTEST_RUN
	fi
}

# kernel_cc: the path of ci/lib/kernel-cc, the kernel builds' CC, installed
# under $WORKBENCH_CACHE so that its path, which is in every object's
# command line, is the same from every clone.
kernel_cc() {
	local cc=$WORKBENCH_CACHE/bin/kernel-cc
	cmp -s "$CI/lib/kernel-cc" "$cc" || install -D -m 755 "$CI/lib/kernel-cc" "$cc"
	printf '%s\n' "$cc"
}

# results.py, the part of the workbench that parses and decides.
results_py() {
	python3 "$CI/lib/results.py" "$@"
}

# scratch_disk FILE: the guest's scratch disk (/dev/vda), an empty 1 GiB
# ext4, with no lazy initialisation: no ext4lazyinit thread writing behind
# the tests.
scratch_disk() {
	truncate -s 1G "$1"
	mkfs.ext4 -q -F -L scratch -E lazy_itable_init=0,lazy_journal_init=0 "$1" ||
		die "mkfs.ext4 failed"
}

# checkout REPO WORKTREE COMMIT: check COMMIT out in a worktree of REPO,
# made on first use.  Files whose content does not change keep their mtime,
# so builds in that worktree stay incremental.
checkout() {
	if [ -e "$2/.git" ]; then
		git -C "$2" checkout -q -f --detach "$3"
	else
		git --git-dir="$1" worktree add -q -f --detach "$2" "$3"
	fi
}

# checkout_patched WORKTREE COMMIT FILE...: check COMMIT out in WORKTREE
# with each patches/FILE (broken/ or bench/) applied, and commit that
# (kernels are kept by the tree of HEAD); fixed dates make it the same
# commit every run.
checkout_patched() {
	local dir=$1 file
	checkout "$REPO" "$dir" "$2"
	shift 2
	for file; do
		git -C "$dir" apply --index "$TOP/patches/$file" || return 1
	done
	GIT_AUTHOR_DATE='2000-01-01 00:00 +0000' GIT_COMMITTER_DATE='2000-01-01 00:00 +0000' \
		git -C "$dir" -c user.name=workbench -c user.email=workbench@localhost \
		commit -q -m "variant: $*"
}

# selftest_fragments GIT_DIR REV DIR: write DIR/selftests-SERIES-TARGET.config,
# the `config` file of each directory of $SERIES's SELFTEST_TARGETS
# as REV has it, less the options selftests.conf omits for it.
selftest_fragments() {
	local target cfg omit_var sym
	selftests_conf
	for target in $SELFTEST_TARGETS; do
		cfg=$3/selftests-$SERIES-${target//\//-}.config
		git --git-dir="$1" show "$2:tools/testing/selftests/$target/config" \
			>"$cfg" 2>/dev/null || die "selftest directory $target has no config file"
		omit_var=SELFTEST_CONFIG_OMIT_${target//[^A-Za-z0-9_]/_}
		for sym in ${!omit_var:-}; do
			sed -i "/^CONFIG_$sym=/d" "$cfg"
		done
	done
}

# kunit_fragments GIT_DIR REV DIR [whole]: write DIR/kunit-N.config, the
# .kunitconfig files of selftests.conf's KUNIT_CONFIGS as REV has them,
# less the options of KUNIT_CONFIG_OMIT unless "whole".
kunit_fragments() {
	local cfg sym n=0
	# shellcheck source=ci/selftests.conf
	. "$CI/selftests.conf"
	for cfg in $KUNIT_CONFIGS; do
		n=$((n + 1))
		git --git-dir="$1" show "$2:$cfg" >"$3/kunit-$n.config" 2>/dev/null ||
			die "the series has no $cfg (KUNIT_CONFIGS of ci/selftests.conf)"
		[ "${4:-}" = whole ] && continue
		for sym in $KUNIT_CONFIG_OMIT; do
			sed -i "/^CONFIG_$sym=/d" "$3/kunit-$n.config"
		done
	done
}

# bench_install DIR PROGRAM: a kselftest install in DIR that runs
# ci/bench/PROGRAM.c alone (collection "bench"), built static against the
# tree's kselftest headers and mm/gup_test.h.
bench_install() {
	rm -rf "$1"
	mkdir -p "$1/bench"
	cp -a "$SRC/tools/testing/selftests/run_kselftest.sh" \
		"$SRC/tools/testing/selftests/kselftest" "$1/"
	gcc -static -O2 -Wall -Werror -I "$SRC/tools/testing/selftests" -I "$SRC" \
		-o "$1/bench/$2" "$CI/bench/$2.c" || return 1
	echo "bench:$2" >"$1/kselftest-list.txt"
}

# bench_boot KERNEL_DIR INSTALL RUN_DIR: boot the kernel with a
# bench_install under -icount ($BENCH_ICOUNT, default shift=0,sleep=off:
# one instruction is one nanosecond of guest time), one vCPU, TCG.
bench_boot() {
	QEMU_ACCEL=tcg GUEST_SMP=1 QEMU_EXTRA="-icount ${BENCH_ICOUNT:-shift=0,sleep=off}" \
		"$STEPS/run-tests-in-qemu.sh" "$@" "$(cat "$2/kselftest-list.txt")"
}

# bench_run LABEL REVISION INSTALL OUT: build the workbench kernel of
# REVISION (see ci/steps/build-kernel.sh) and boot it with the benchmark
# INSTALL under -icount, alone (bench_boot), its logs in OUT/LABEL; a FAIL
# row and the end of the script if either fails.
bench_run() {
	local kdir
	kdir=$("$STEPS/build-kernel.sh" qemu "$2") || { printf 'FAIL\tno kernel of %s\n' "$1"; exit 1; }
	bench_boot "$kdir" "$3" "$4/$1" >/dev/null ||
		{ printf 'FAIL\tbenchmark run on %s: %s\n' "$1" \
			"$(grep -v '^PASS' "$4/$1/results.tsv" | cut -f2 | tr '\n' ' ')"; exit 1; }
}

# bench_table OUT: the middle of a benchmark's report, as every
# tip-vs-base benchmark prints it: the clocksource each guest measured on,
# the tree, and results.py's table (OUT/table.txt).
bench_table() {
	sed -n 's/^[# ]*\(clocksource .*\)/base: \1/p' "$1/base/ktap.log"
	sed -n 's/^[# ]*\(clocksource .*\)/tip: \1/p' "$1/tip/ktap.log"
	printf '%s: %s\n\n' "$TREE_LABEL" "$(git --git-dir="$REPO" log -1 --format=%h "$BASE")"
	cat "$1/table.txt"
}

# The run's output directory: $WORKBENCH_OUT, or a new one, exported so
# every script of one run writes its logs side by side.
ensure_out() {
	if [ -z "${WORKBENCH_OUT:-}" ]; then
		WORKBENCH_OUT="$WORKBENCH_CACHE/out/$(date -u +%Y%m%d-%H%M%S)-$$"
		export WORKBENCH_OUT
	fi
	mkdir -p "$WORKBENCH_OUT"
}

# build_dir VARIANT: the one build directory of a kernel config, where
# ci/steps/build-kernel.sh builds every revision.
build_dir() {
	printf '%s\n' "$WORKBENCH_CACHE/build/$TREE_NAME-$1"
}

# build_src VARIANT: the checkout the kernels of VARIANT are built in.
build_src() {
	if [ "$1" = fixes ]; then
		printf '%s\n' "$WORK/fixes-build"
	else
		printf '%s\n' "$BUILD_SRC"
	fi
}

# lock_cache: one run at a time per $WORKBENCH_CACHE, whose checkouts and
# build directories every run shares.  The scripts a run starts inherit
# the lock (fd 9 and WORKBENCH_LOCKED); another run waits for it.
lock_cache() {
	[ -z "${WORKBENCH_LOCKED:-}" ] || return 0
	mkdir -p "$WORKBENCH_CACHE"
	exec 9>>"$WORKBENCH_CACHE/lock"
	if ! flock -n 9; then
		log "waiting for the other run on $WORKBENCH_CACHE to end"
		flock 9
	fi
	export WORKBENCH_LOCKED=$$
}

# need_tree: load the run's tree state ($WORKBENCH_OUT/tree.env), first
# installing what is missing and preparing the tree if this run has not
# done it yet.  Leaves REPO, BASE, TIP and SRC (the tip of $SERIES and its
# checkout, which never moves), MAIN_TIP and FIXES_TIP (the tips of both
# series), BUILD_SRC (the checkout the kernels are built in), WORK,
# TREE_NAME and TREE_LABEL set.
need_tree() {
	ensure_out
	lock_cache
	if [ ! -r "$WORKBENCH_OUT/tree.env" ]; then
		# Each says why it failed, last.
		"$STEPS/install-deps.sh" >&2 || exit 1
		"$STEPS/prepare-tree.sh" >&2 || exit 1
	fi
	# shellcheck source=/dev/null
	. "$WORKBENCH_OUT/tree.env"
	case $SERIES in
	main) TIP=$MAIN_TIP SRC=$MAIN_SRC ;;
	fixes) TIP=$FIXES_TIP SRC=$FIXES_SRC ;;
	esac
}

# record STAGE COMMAND...: run a step or check and add its rows to the
# run's results under STAGE, with how long it took.  A command that fails
# without a FAIL row of its own gets one, naming its last error: no failure
# goes unrecorded, and the run goes on to its next stage (record returns 0).
record() {
	local stage=$1 t0 rows errors rc=0 why
	shift
	t0=$(date +%s)
	rows=$(mktemp)
	errors=$(mktemp)
	log "$stage"
	# In the background, so that set -e holds inside a function and an
	# exit (die) ends the stage, not the run.
	{ "$@" 2>&1 >"$rows" | tee -a "$WORKBENCH_OUT/stages.log" "$errors" >&2; } &
	wait $! || rc=$?
	if [ $rc -ne 0 ] && ! grep -q '^FAIL' "$rows"; then
		why=$(sed -n 's/^[^:]*: error: //p' "$errors" | tail -n 1)
		printf 'FAIL\t%s\n' "${why:-${1##*/} exited with status $rc (see $WORKBENCH_OUT/stages.log)}" >>"$rows"
	fi
	printf 'INFO\t(took %ds)\n' "$(($(date +%s) - t0))" >>"$rows"
	sed "s/^/$(printf '%s' "$stage" | sed 's/[\/&]/\\&/g')\t/" "$rows" >>"$WORKBENCH_OUT/results.tsv"
	rm -f "$rows" "$errors"
}

# summarize: print the run's results and its closing line; exit status 1
# if anything failed.
summarize() {
	results_py summary "$WORKBENCH_OUT/results.tsv"
}
