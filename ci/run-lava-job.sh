#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The main job's run again, as a LAVA job, with LAVA's own dispatcher:
# Debian's lava-dispatcher runs ARTIFACTS/job.yaml (written by the main
# job, ci/steps/write-lava-artifacts.sh) with lava-run on this machine,
# on the device ci/lava/qemu-workbench.jinja2 describes, rendered with
# the device-type templates of Debian's lava-server package (downloaded,
# not installed).  The test cases LAVA recorded must be the main job's
# results (ARTIFACTS/workbench-results.tsv): the same KUnit suites and
# selftests, each with the same result.  Prints "STATUS<tab>what" rows.
#
# Usage: ci/run-lava-job.sh [ARTIFACTS]
#   ARTIFACTS  default $WORKBENCH_OUT/lava, the main job's (run
#              ci/run-series-in-qemu.sh first)
. "$(dirname "$0")/lib/common.sh"
case ${1:-} in -*) die "usage: $0 [ARTIFACTS]" ;; esac
[ $# -le 1 ] || die "usage: $0 [ARTIFACTS]"
ensure_out
artifacts=$(realpath -m "${1:-$WORKBENCH_OUT/lava}")
run=$WORKBENCH_OUT/lava-run

fail() {
	printf 'FAIL\tLAVA: %s\n' "$1"
	exit 1
}
for f in job.yaml bzImage initramfs.cpio scratch.img.gz workbench-results.tsv; do
	[ -r "$artifacts/$f" ] ||
		fail "no $f in $artifacts (ci/run-series-in-qemu.sh writes the artifacts)"
done
lock_cache
"$STEPS/install-deps.sh" lava-dispatcher >&2 || fail "cannot install lava-dispatcher"

# LAVA's qemu device type, from the lava-server package of the same
# release as the dispatcher.
version=$(dpkg-query -W -f='${Version}' lava-dispatcher)
templates=$WORKBENCH_CACHE/lava/lava-server-$version/usr/share/lava-server/device-types
if [ ! -r "$templates/qemu.jinja2" ]; then
	deb=$WORKBENCH_CACHE/lava/deb
	rm -rf "$deb" "$WORKBENCH_CACHE/lava/lava-server-$version"
	mkdir -p "$deb"
	(cd "$deb" && apt-get -q download "lava-server=$version") >"$deb.log" 2>&1 ||
		fail "cannot download lava-server $version for its device-type templates: $(tail -n 1 "$deb.log")"
	dpkg-deb -x "$deb"/lava-server_*.deb "$WORKBENCH_CACHE/lava/lava-server-$version" ||
		fail "cannot unpack lava-server $version"
	rm -rf "$deb" "$deb.log"
fi
rm -rf "$run"
mkdir -p "$run"
python3 - "$CI/lava" "$templates" "$run/device.yaml" <<'PY' || fail "ci/lava/qemu-workbench.jinja2 does not render"
import sys
import jinja2
# As lava-server renders device dictionaries.
env = jinja2.Environment(loader=jinja2.FileSystemLoader(sys.argv[1:3]),
                         trim_blocks=True, autoescape=False)
with open(sys.argv[3], "w") as f:
    f.write(env.get_template("qemu-workbench.jinja2").render())
PY

# lava-run logs one JSON object a line; "results" ones are test cases.
lava_run() {
	lava-run --job-id "$$" --output-dir "$run/output" --device "$run/device.yaml" \
		"$@" "$artifacts/job.yaml" >"$run/lava.log" 2>&1
}
lava_run --validate || fail "invalid job $artifacts/job.yaml: $(results_py lava-error "$run/lava.log") ($run/lava.log)"
printf 'PASS\tLAVA: lava-run --validate accepts the job and the device\n'
start=$(date +%s)
lava_run || true
grep -q '"msg": "Job finished correctly"' "$run/lava.log" ||
	fail "the job did not finish: $(results_py lava-error "$run/lava.log") ($run/lava.log)"
results_py lava "$artifacts/workbench-results.tsv" "$run/lava.log" ||
	fail "LAVA's results differ from the main job's ($run/lava.log)"
printf 'INFO\tLAVA: lava-run took %ds (%s)\n' "$(($(date +%s) - start))" "$run/lava.log"
