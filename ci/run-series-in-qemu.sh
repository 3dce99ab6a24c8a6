#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The main job: apply the series to the kernel tree, build it, boot it in
# QEMU, run the selftests and print the results.  With SERIES=fixes, the
# same for the fixes series (fixes/series) and its reproducers.  With the
# qemu kernel it also writes the run as a LAVA job and its artifacts
# (ci/steps/write-lava-artifacts.sh) to $WORKBENCH_OUT/lava.
#
# Usage: [KERNEL_TREE=/path/to/linux] [SERIES=fixes] ci/run-series-in-qemu.sh [--rows|--shell] [qemu|debug|kunit|fixes]
#   qemu     the workbench config (default); the series' KUnit suites run
#            at its boot, before the selftests
#   debug    the same with KASAN, lockdep, DEBUG_ATOMIC_SLEEP,
#            DEBUG_VM_PGTABLE, and fault injection compiled in
#   kunit    the series' KUnit suites alone, with all their options, in
#            the smallest kernel that runs them (no selftests, no shell)
#   fixes    with SERIES=fixes (its default), qemu's config with the fixes'
#            selftests and ci/config/fixes.config
#   --rows   print "STATUS<tab>what" rows instead of the summary (how
#            ci/test-all.sh runs it)
#   --shell  boot that kernel with the selftests installed and give a shell
#            on its console instead of running them
. "$(dirname "$0")/lib/common.sh"
mode=summary
case ${1:-} in
--rows | --shell) mode=${1#--}; shift ;;
esac
variant=${1:-$QEMU_VARIANT}
usage="usage: [SERIES=fixes] $0 [--rows|--shell] [qemu|debug|kunit|fixes]"
[ $# -le 1 ] || die "$usage"
case $SERIES:$variant in main:qemu | main:debug | main:kunit | fixes:fixes) ;; *) die "$usage" ;; esac
[ "$mode$variant" != shellkunit ] || die "the kunit kernel has no shell: $usage"

if [ "$mode" = shell ]; then
	need_tree
	kdir=$("$STEPS/build-kernel.sh" "$variant" tip)
	install=$("$STEPS/build-selftests.sh")
	"$STEPS/make-initramfs.sh" "$kdir" "$install" "$WORKBENCH_OUT/initramfs.cpio"
	exec "$STEPS/boot-qemu.sh" --shell "$kdir" "$WORKBENCH_OUT/initramfs.cpio" "$WORKBENCH_OUT/shell"
fi

main_job() {
	local kdir install run rc=0
	need_tree
	run=$WORKBENCH_OUT/run-$variant
	kdir=$("$STEPS/build-kernel.sh" "$variant" tip) ||
		{ printf 'FAIL\tkernel build (%s)\n' "$WORKBENCH_OUT"; return 1; }
	if [ "$variant" = kunit ]; then
		"$STEPS/run-kunit-in-qemu.sh" "$kdir" "$run"
		return
	fi
	# No LAVA job of an earlier run in this one's place.
	[ "$variant" != qemu ] || rm -rf "$WORKBENCH_OUT/lava"
	install=$("$STEPS/build-selftests.sh") ||
		{ printf 'FAIL\tselftests build (%s)\n' "$WORKBENCH_OUT"; return 1; }
	"$STEPS/run-tests-in-qemu.sh" "$kdir" "$install" "$run" || rc=$?
	sed -n 's/^# workbench: \(CPUs online: .*\|first test at .*\|tests ended at .*\)/INFO\tguest: \1/p' \
		"$run/ktap.log"
	# The same run as a LAVA job (ci/run-lava-job.sh runs it).
	if [ "$variant" = qemu ] && [ -r "$run/results.tsv" ]; then
		if "$STEPS/write-lava-artifacts.sh" "$kdir" "$install" "$run/results.tsv" \
			"$WORKBENCH_OUT/lava"; then
			printf 'INFO\tLAVA job and artifacts: %s\n' "$WORKBENCH_OUT/lava"
		else
			printf 'FAIL\tLAVA artifacts (%s)\n' "$WORKBENCH_OUT/lava"
			rc=1
		fi
	fi
	return $rc
}

if [ "$mode" = rows ]; then
	main_job
	exit
fi
ensure_out
lock_cache
what="selftests in QEMU, $variant kernel"
[ "$variant" = kunit ] && what="KUnit in QEMU, kunit kernel"
[ "$SERIES" = main ] || what="$SERIES: $what"
record "$what" main_job
summarize
