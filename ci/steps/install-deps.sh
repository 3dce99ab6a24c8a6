#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Install the Debian packages the workbench uses, if any is missing; with
# arguments, those packages too (what one script alone needs, such as
# ci/run-lava-job.sh's lava-dispatcher).
#
# Usage: ci/steps/install-deps.sh [PACKAGE...]
. "$(dirname "$0")/../lib/common.sh"
for pkg in "$@"; do
	[[ $pkg =~ ^[a-z0-9][a-z0-9+.-]+$ ]] || die "usage: $0 [PACKAGE...]"
done

packages=("$@"
	# kernel build
	build-essential bc bison flex libelf-dev libssl-dev cpio kmod rsync
	xz-utils ccache python3 git
	# checkpatch.pl --strict runs scripts/spdxcheck.py
	python3-ply python3-git
	# guest and its disk
	qemu-system-x86 busybox-static e2fsprogs
	# static checks and sending
	sparse coccinelle quilt b4
	# the workbench's self-tests (pgrep); lava-run's log (ci/lib/results.py)
	shellcheck procps python3-yaml
)

missing=()
for pkg in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

log "installing ${missing[*]}"
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
apt_log=$(mktemp)
trap 'rm -f "$apt_log"' EXIT
${SUDO:-} apt-get update -qq >/dev/null ||
	die "apt-get update failed; cannot install ${missing[*]}"
${SUDO:-} apt-get install -y -qq --no-install-recommends "${missing[@]}" \
	>"$apt_log" 2>&1 ||
	die "cannot install ${missing[*]}: $(grep -m1 '^E:' "$apt_log" || tail -n 1 "$apt_log")"
