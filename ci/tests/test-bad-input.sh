#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Bad input to the workbench gets a one-line cause and a non-zero exit, and
# the user's tree is left as it was.  Prints "STATUS<tab>case" lines.
#
# Usage: ci/tests/test-bad-input.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0

# expect CASE MESSAGE COMMAND...: COMMAND fails and says MESSAGE.
expect() {
	local name=$1 message=$2 out rc=0
	shift 2
	out=$(WORKBENCH_OUT=$scratch/out-$RANDOM "$@" 2>&1) || rc=$?
	if [ $rc -ne 0 ] && grep -qF -- "$message" <<<"$out"; then
		printf 'PASS\tbad input: %s\n' "$name"
	else
		printf 'FAIL\tbad input: %s (exit %d): %s\n' "$name" "$rc" "$(tail -n 1 <<<"$out")"
		status=1
	fi
}

expect "KERNEL_TREE that does not exist" "no such directory" \
	env KERNEL_TREE="$scratch/nowhere" "$STEPS/prepare-tree.sh"
mkdir "$scratch/plain"
expect "KERNEL_TREE that is not a git tree" "is not a git tree" \
	env KERNEL_TREE="$scratch/plain" "$STEPS/prepare-tree.sh"
git init -q "$scratch/notlinux"
git -C "$scratch/notlinux" -c user.name=t -c user.email=t@t commit -q --allow-empty -m empty
expect "KERNEL_TREE that is not Linux" "is not a Linux tree" \
	env KERNEL_TREE="$scratch/notlinux" "$STEPS/prepare-tree.sh"
expect "KERNEL_REF that does not exist" "has no commit no-such-ref" \
	env KERNEL_TREE="$scratch/notlinux" KERNEL_REF=no-such-ref "$STEPS/prepare-tree.sh"

expect "build-kernel.sh of an unknown config" "unknown variant nosuch" \
	"$STEPS/build-kernel.sh" nosuch tip
expect "build-kernel.sh of a revision that does not exist" "no revision no-such-rev" \
	"$STEPS/build-kernel.sh" qemu no-such-rev
expect "build-kernel.sh of a broken variant that does not exist" "no patches/broken/nosuch.patch" \
	"$STEPS/build-kernel.sh" qemu broken:nosuch.patch
expect "build-kernel.sh of a variant of the base that does not exist" "no patches/bench/nosuch.patch" \
	"$STEPS/build-kernel.sh" qemu base+bench/nosuch.patch
expect "boot-qemu.sh of a kernel that does not exist" "no $scratch/nowhere/bzImage" \
	"$STEPS/boot-qemu.sh" "$scratch/nowhere" "$scratch/nowhere.cpio" "$scratch/run"

# A series whose patch does not apply: named, with the failing hunk.
cp -r "$TOP" "$scratch/project"
cat >"$scratch/project/patches/9999-does-not-apply.patch" <<'PATCH'
From: Nobody <nobody@example.org>
Subject: [PATCH] does not apply

---
 mm/gup.c | 1 +
 1 file changed, 1 insertion(+)

--- a/mm/gup.c
+++ b/mm/gup.c
@@ -1,3 +1,4 @@
 this line is not in mm/gup.c
+so this hunk cannot apply
 nor is this one
 or this one
PATCH
echo 9999-does-not-apply.patch >>"$scratch/project/series"
expect "series that does not apply" "series does not apply: 9999-does-not-apply.patch" \
	"$scratch/project/ci/steps/prepare-tree.sh"
out=$(WORKBENCH_OUT=$scratch/out-hunk "$scratch/project/ci/steps/prepare-tree.sh" 2>&1 || true)
if grep -qF 'this line is not in mm/gup.c' <<<"$out"; then
	printf 'PASS\tbad input: the failing hunk is shown\n'
else
	printf 'FAIL\tbad input: the failing hunk is not shown\n'
	status=1
fi

expect "SERIES that is neither main nor fixes" "SERIES=nosuch: it is main or fixes" \
	env SERIES=nosuch "$CHECKS/check-series-files.sh"

# A fix without its Fixes: tag and one maintainer's Cc: line, read from a
# copy of the project by check-fix-tags.sh over this run's prepared tree
# (the copy's patches are only read; no tree is made of them).
need_tree
cp -r "$TOP" "$scratch/fixes-project"
fix=$scratch/fixes-project/fixes/$(list_entries "$TOP/fixes/series" | head -n 1)
awk '/^Fixes:/ { next } /^Cc: / && !/stable@/ && !dropped { dropped = 1; next } { print }' \
	"$fix" >"$fix.new" && mv "$fix.new" "$fix"
mkdir "$scratch/out-fix-tags"
cp "$WORKBENCH_OUT/tree.env" "$scratch/out-fix-tags/"
out=$(WORKBENCH_OUT=$scratch/out-fix-tags SERIES=fixes \
	"$scratch/fixes-project/ci/checks/check-fix-tags.sh" 2>&1) && rc=0 || rc=$?
if [ $rc -ne 0 ] && grep -q "^FAIL.*no Fixes: tag; no Cc: " <<<"$out"; then
	printf 'PASS\tbad input: a fix without its Fixes: tag and a maintainer\n'
else
	printf 'FAIL\tbad input: a fix without its Fixes: tag and a maintainer (exit %d): %s\n' \
		"$rc" "$(grep -m1 '^FAIL' <<<"$out" || tail -n 1 <<<"$out")"
	status=1
fi

# The LAVA job (ci/run-lava-job.sh) on bad artifacts: missing, an invalid
# job, and a guest that never prints (QEMU started paused, -S, on a job
# whose test action waits 15 s); the artifacts are placeholders, which
# only the guest would read.
lava=$scratch/lava
mkdir -p "$lava"
: >"$lava/bzImage"
: >"$lava/initramfs.cpio"
gzip -c </dev/null >"$lava/scratch.img.gz"
printf 'PASS\tselftests: x: y\n' >"$lava/workbench-results.tsv"
expect "LAVA job without its artifacts" "no job.yaml in $lava" "$CI/run-lava-job.sh" "$lava"
sed -e "s|@ARTIFACTS@|file://$lava|" -e "s|@TEST_TIMEOUT@|15|" -e "s|@JOB_TIMEOUT@|600|" \
	-e 's|image_arg: -kernel {kernel} .*|image_arg: -S|' \
	-e 's|image_arg: -initrd {ramdisk}|image_arg: -name hung|' "$CI/lava/job.yaml" >"$lava/job.yaml"
[ "$(grep -c 'image_arg: \(-S\|-name hung\)$' "$lava/job.yaml")" -eq 2 ] ||
	die "ci/lava/job.yaml has no kernel and ramdisk image_arg to replace"
expect "LAVA job whose guest hangs" "lava-test-monitor timed out" "$CI/run-lava-job.sh" "$lava"
sed -i 's|to: tmpfs|to: nowhere|' "$lava/job.yaml"
expect "LAVA job that is not valid" "invalid job $lava/job.yaml: " "$CI/run-lava-job.sh" "$lava"
exit $status
