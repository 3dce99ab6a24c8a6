#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Judge one guest run: did it reach its end, what did each selftest give
# (the kernel's KTAP parser, tools/testing/kunit/kunit.py parse), and did
# the kernel splat.  Writes RUN_DIR/results.tsv (status, test) and prints
# it; exits 1 when the run is incomplete, a test failed or the kernel
# splatted.
#
# Usage: ci/judge-run.sh KUNIT_PY RUN_DIR
#
# kunit.py parses run_kselftest.sh's top level (one result per selftest
# program); the "# "-prefixed lines below it are kselftest's own nesting,
# which kunit.py shows as diagnostics and does not count.
. "$(dirname "$0")/lib.sh"
[ $# -eq 2 ] || die "usage: $0 KUNIT_PY RUN_DIR"
kunit=$1 run=$2
ktap=$run/ktap.log console=$run/console.log
results=$run/results.tsv
[ -r "$ktap" ] && [ -r "$console" ] || die "$run has no ktap.log or console.log"
: >"$results"
verdict=0

if ! grep -q '^# workbench: end of run$' "$ktap"; then
	verdict=1
	if grep -q 'Kernel panic' "$console"; then
		why="guest panicked: $(grep -m 1 'Kernel panic' "$console")"
	elif grep -q '^# workbench: ' "$ktap"; then
		why="guest stopped: $(grep '^# workbench: ' "$ktap" | tail -n 1 | cut -c14-)"
	else
		why="guest stopped before the end of the run"
	fi
	printf 'FAIL\t%s\n' "run incomplete: $why" >>"$results"
fi

# run_kselftest.sh starts a KTAP document per collection: parse each.
rm -f "$run"/ktap-doc-*.log "$run"/results-*.json
awk -v dir="$run" '/^TAP version/ { n++ } n { print > (dir "/ktap-doc-" n ".log") }' "$ktap"
for doc in "$run"/ktap-doc-*.log; do
	[ -e "$doc" ] || continue
	json=${doc%.log}.json
	if timeout 120 python3 "$kunit" parse --json="$json" "$doc" >>"$run/kunit.log" 2>&1 ||
		[ -s "$json" ]; then
		python3 - "$json" >>"$results" <<'PY'
import json, sys
for case in json.load(open(sys.argv[1]))["test_cases"]:
    status = {"PASS": "PASS", "SKIP": "SKIP"}.get(case["status"], "FAIL")
    print(f"{status}\t{case['name']}")
PY
	else
		printf 'FAIL\t%s\n' "kunit.py cannot parse $doc" >>"$results"
	fi
done
grep -q . "$results" || printf 'FAIL\t%s\n' "no test ran" >>"$results"
grep -q '^FAIL' "$results" && verdict=1

if ! "$CI/scan-splats.sh" "$console" >"$run/splats.log"; then
	verdict=1
	printf 'FAIL\t%s\n' "kernel splat: $(head -n 1 "$run/splats.log" | sed 's/^\[[^]]*\] *//')" >>"$results"
fi

cat "$results"
exit $verdict
