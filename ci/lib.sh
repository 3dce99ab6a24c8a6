# SPDX-License-Identifier: GPL-2.0
# Settings and helpers shared by the workbench scripts.  Sourced, not run.
#
# Everything the workbench keeps between runs lives under $WORKBENCH_CACHE
# (never inside the clone): the extracted base tree, its work repositories,
# build directories, ccache and the kernels already built.

set -euo pipefail

# Debian's tools first (python3 with the modules checkpatch.pl needs).
export PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CI="$TOP/ci"
# spatch and b4 need a HOME; a CI environment may not set one.
export HOME=${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}
WORKBENCH_CACHE=${WORKBENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pin-workbench}
JOBS=${JOBS:-$(nproc)}

export CCACHE_DIR=${CCACHE_DIR:-$WORKBENCH_CACHE/ccache}
export CCACHE_BASEDIR=$WORKBENCH_CACHE
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-10G}
# Same inputs, same hashes: git am and b4 run with these.
export LC_ALL=C.UTF-8 TZ=UTC

log() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
die() { printf '%s: error: %s\n' "${0##*/}" "$*" >&2; exit 1; }

# Read KEY=VALUE from one of ci/'s settings files.
setting() {
	sed -n "s/^$2=//p" "$CI/$1" | tail -n 1
}

# The identity that authors and signs the series (ci/identity).
identity_name() { setting identity name; }
identity_email() { setting identity email; }

# Lines of a list file, comments and blank lines dropped.
list_entries() {
	sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$1"
}

# The patches of the series, in order, as paths.
series_patches() {
	local name
	list_entries "$TOP/series" | while read -r name _; do
		printf '%s\n' "$TOP/patches/$name"
	done
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

# checkout_broken FILE: check the series tip out in $SRC with
# patches/broken/FILE applied and committed (the kernels are kept by the
# tree of HEAD); fixed dates make it the same commit every run.
checkout_broken() {
	checkout "$REPO" "$SRC" "$TIP"
	git -C "$SRC" apply --index "$TOP/patches/broken/$1" || return 1
	GIT_AUTHOR_DATE='2000-01-01 00:00 +0000' GIT_COMMITTER_DATE='2000-01-01 00:00 +0000' \
		git -C "$SRC" -c user.name=workbench -c user.email=workbench@localhost \
		commit -q -m "broken: $1"
}

# A per-run output directory; the entry scripts create it and export it so
# every job of one run writes its logs side by side.
ensure_out() {
	if [ -z "${WORKBENCH_OUT:-}" ]; then
		WORKBENCH_OUT="$WORKBENCH_CACHE/out/$(date -u +%Y%m%d-%H%M%S)"
		export WORKBENCH_OUT
	fi
	mkdir -p "$WORKBENCH_OUT"
}

# The state prepare-tree.sh leaves for the other jobs.
load_tree_state() {
	local state="$WORKBENCH_OUT/tree.env"
	[ -r "$state" ] || die "no $state: run ci/prepare-tree.sh first"
	# shellcheck source=/dev/null
	. "$state"
}

# Add a row to the run's results: record STAGE STATUS(PASS|FAIL|SKIP) WHAT
record() {
	printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$WORKBENCH_OUT/results.tsv"
}

# Add the rows of a "STATUS<tab>WHAT" file under STAGE.
record_file() {
	local status what
	while IFS=$'\t' read -r status what; do
		record "$1" "$status" "$what"
	done <"$2"
}
