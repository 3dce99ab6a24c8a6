#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the selftests of ci/selftests.conf from the series tip (the fixes
# series' with SERIES=fixes), static, and install them with the kselftest
# install target; print the install path.
#
# Usage: ci/steps/build-selftests.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
need_tree
selftests_conf

build=$WORKBENCH_CACHE/build/$TREE_NAME-selftests
[ "$SERIES" = main ] || build+=-$SERIES
install=$build/install
buildlog=$WORKBENCH_OUT/build-selftests-$SERIES.log
rm -rf "$install"
mkdir -p "$build"

make -C "$SRC" O="$build" headers >"$buildlog" 2>&1 ||
	die "make headers failed (see $buildlog)"

# From the environment, so the Makefiles' own LDFLAGS += still apply.
export LDFLAGS=-static
list=$(mktemp)
trap 'rm -f "$list"' EXIT
for target in $SELFTEST_TARGETS; do
	only_var=SELFTEST_ONLY_${target//[^A-Za-z0-9_]/_}
	only=()
	if [ -n "${!only_var:-}" ]; then
		files=
		for prog in ${!only_var}; do
			files+=" $build/kselftest/$target/$prog"
		done
		only=(TEST_GEN_FILES="${files# }")
	fi
	make -C "$SRC/tools/testing/selftests" O="$build" FORCE_TARGETS=1 \
		TARGETS="$target" INSTALL_PATH="$install" "${only[@]}" install \
		>>"$buildlog" 2>&1 ||
		die "selftests $target do not build (see $buildlog)"
	# Each install call writes the list afresh.
	cat "$install/kselftest-list.txt" >>"$list"
done
cp "$list" "$install/kselftest-list.txt"

for test in $SELFTEST_RUN; do
	grep -qxF "$test" "$install/kselftest-list.txt" ||
		die "selftest $test is not installed (check ci/selftests.conf)"
	prog=$install/${test%%:*}/${test#*:}
	[ -x "$prog" ] || die "selftest binary ${prog#"$install"/} is missing"
done
printf '%s\n' "$install"
