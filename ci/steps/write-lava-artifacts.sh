#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The artifact set of a main-job run, for LAVA (ci/lava/, README "LAVA"):
#   bzImage           the kernel
#   initramfs.cpio    busybox, the selftests and ci/guest/init, as the main
#                     job boots them (ci/steps/make-initramfs.sh)
#   scratch.img.gz    the guest's ext4 scratch disk (/dev/vda), empty
#   kselftest.tar.gz  the selftests as `make -C tools/testing/selftests
#                     gen_tar` packs an install directory, for a lab whose
#                     own root file system runs them
#   job.yaml          ci/lava/job.yaml with these files' file:// URLs
#   workbench-results.tsv  the main job's results (RESULTS), which
#                     ci/run-lava-job.sh compares LAVA's with
#
# Usage: ci/steps/write-lava-artifacts.sh KERNEL_DIR SELFTESTS_INSTALL RESULTS OUTPUT_DIR
#   LAVA_TEST_TIMEOUT  the job's test action timeout in seconds (default
#                      600); the job's is 10 minutes more, for the deploy
#                      and the boot
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 4 ] || die "usage: $0 KERNEL_DIR SELFTESTS_INSTALL RESULTS OUTPUT_DIR"
kdir=$1 install=$2 results=$3 out=$(realpath -m "$4")
[ -r "$kdir/bzImage" ] || die "no kernel in $kdir"
[ -x "$install/run_kselftest.sh" ] || die "no run_kselftest.sh in $install"
[ -r "$results" ] || die "no results $results"
test_timeout=${LAVA_TEST_TIMEOUT:-600}
[[ $test_timeout =~ ^[1-9][0-9]*$ ]] || die "LAVA_TEST_TIMEOUT=$test_timeout: seconds, a number"
rm -rf "$out"
mkdir -p "$out"

cp "$kdir/bzImage" "$out/"
"$STEPS/make-initramfs.sh" "$kdir" "$install" "$out/initramfs.cpio"
scratch_disk "$out/scratch.img"
gzip -f "$out/scratch.img"
# gen_tar's own command (tools/testing/selftests/Makefile).
tar caf "$out/kselftest.tar.gz" --exclude=kselftest-packages -C "$install" .
cp "$results" "$out/workbench-results.tsv"
python3 - "$CI/lava/job.yaml" "$out/job.yaml" "file://$out" "$test_timeout" \
	"$((test_timeout + 600))" <<'PY'
import sys
src, dst, url, test, job = sys.argv[1:]
with open(src) as f:
    text = f.read()
for key, value in (("@ARTIFACTS@", url), ("@TEST_TIMEOUT@", test), ("@JOB_TIMEOUT@", job)):
    text = text.replace(key, value)
with open(dst, "w") as f:
    f.write(text)
PY
# For a lab's web server too.
chmod 0644 "$out"/*
