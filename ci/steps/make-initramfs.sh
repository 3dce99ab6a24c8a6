#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Pack the guest's initramfs: busybox, bash and GNU timeout (which
# run_kselftest.sh needs for its per-test timeout) with their libraries,
# the installed selftests and ci/guest/init, with the kernel's own
# usr/gen_initramfs.sh.
#
# Usage: ci/steps/make-initramfs.sh KERNEL_DIR SELFTESTS_INSTALL OUTPUT [TESTS]
#   TESTS  what run_kselftest.sh runs (COLLECTION:TEST ...); default
#          SELFTEST_RUN of ci/selftests.conf (of the fixes with SERIES=fixes)
#   PROOF_MODE=1  the guest's environment is SELFTEST_ENV_PROOF of
#          ci/selftests.conf instead of SELFTEST_ENV (ci/prove-tests.sh)
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 3 ] || [ $# -eq 4 ] || die "usage: $0 KERNEL_DIR SELFTESTS_INSTALL OUTPUT [TESTS]"
need_tree
kdir=$1 install=$2 output=$3
selftests_conf
SELFTEST_RUN=${4:-$SELFTEST_RUN}
[ "${PROOF_MODE:-}" = 1 ] && SELFTEST_ENV=$SELFTEST_ENV_PROOF

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage"/{bin,dev,etc,mnt,proc,root,sys,tmp}

cp /bin/busybox "$stage/bin/busybox"
for applet in $(/bin/busybox --list); do
	[ -e "$stage/bin/$applet" ] || ln -s busybox "$stage/bin/$applet"
done
for prog in /bin/bash /usr/bin/timeout; do
	[ -x "$prog" ] || die "$prog is missing on the host"
	rm -f "$stage$prog"
	cp --parents "$prog" "$stage"
	ldd "$prog" | grep -o '/[^ ]*' | xargs -r cp -L --parents -t "$stage"
done

cp -a "$install" "$stage/kselftest"
cp "$CI/guest/init" "$stage/init"
{
	echo "SELFTEST_RUN='$SELFTEST_RUN'"
	echo "SELFTEST_ENV='$SELFTEST_ENV'"
	echo "SELFTEST_TIMEOUT='$SELFTEST_TIMEOUT'"
} >"$stage/workbench.conf"

(cd "$kdir" && "$SRC/usr/gen_initramfs.sh" -o "$output" \
	-u "$(id -u)" -g "$(id -g)" "$stage") ||
	die "gen_initramfs.sh failed"
