#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The main job's run again, as a LAVA job, with LAVA's own dispatcher:
# Debian's lava-dispatcher runs ARTIFACTS/job.yaml (written by the main
# job, ci/steps/write-lava-artifacts.sh) with lava-run on this machine,
# after LAVA's schema check, on the device ci/lava/qemu-workbench.jinja2
# describes, rendered with the job's context and the device-type
# templates of Debian's lava-server package (downloaded, not installed).
# The job must complete and the test cases LAVA recorded must be the main
# job's results (ARTIFACTS/workbench-results.tsv): the same KUnit suites
# and selftests, each with the same result.  Prints "STATUS<tab>what"
# rows.
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
		fail "no $f in $artifacts (ci/run-series-in-qemu.sh writes them, to its WORKBENCH_OUT/lava)"
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
# What a lab's lava-server does at submission, with the Python of
# Debian's LAVA packages: the job against LAVA's schema (strict, and its
# extra checks: timeouts, namespaces), then the device dictionary
# rendered with the job's context.
/usr/bin/python3 - "$artifacts/job.yaml" "$CI/lava" "$templates" "$run/device.yaml" \
	>"$run/schema.log" 2>&1 <<'PY' || fail "$(tail -n 1 "$run/schema.log") ($run/schema.log)"
import sys
import jinja2
import yaml
from lava_common import schemas

job_file, dictionaries, templates, device = sys.argv[1:]
with open(job_file) as f:
    job = yaml.safe_load(f)
try:
    schemas.validate(job, strict=True)
    schemas.extra_checks(job)
except Exception as e:
    sys.exit(f"invalid job {job_file}: {e}")
env = jinja2.Environment(loader=jinja2.FileSystemLoader([dictionaries, templates]),
                         trim_blocks=True, autoescape=False)
with open(device, "w") as f:
    f.write(env.get_template("qemu-workbench.jinja2").render(**job.get("context", {})))
PY
printf 'PASS\tLAVA: the job passes LAVA'"'"'s schema check\n'

# lava-run logs a YAML object a line; "results" ones are test cases.  Its
# job directory goes with the run, also when this script is stopped; QEMU
# is not to keep the cache's lock (fd 9) open.
job_id=workbench-$$-$(date +%s)
trap 'rm -rf "/var/lib/lava/dispatcher/tmp/$job_id"' EXIT
lava_run() {
	lava-run --job-id "$job_id" --output-dir "$run/output" --device "$run/device.yaml" \
		"$@" "$artifacts/job.yaml" >"$run/lava.log" 2>&1 9>&-
}
lava_run --validate ||
	fail "lava-run --validate refuses the job or the device: $(results_py lava-error "$run/lava.log") ($run/lava.log)"
printf 'PASS\tLAVA: lava-run --validate accepts the job and the device\n'
start=$(date +%s)
lava_run || true
results_py lava "$artifacts/workbench-results.tsv" "$run/lava.log" ||
	fail "LAVA's results are not the main job's ($run/lava.log)"
printf 'INFO\tLAVA: lava-run took %ds (%s)\n' "$(($(date +%s) - start))" "$run/lava.log"
