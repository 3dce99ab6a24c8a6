#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Print the splats (ci/splat-patterns) in a guest console log; exit 1 if
# there is any.
#
# Usage: ci/scan-splats.sh CONSOLE_LOG
. "$(dirname "$0")/lib.sh"
[ $# -eq 1 ] || die "usage: $0 CONSOLE_LOG"
[ -r "$1" ] || die "no console log $1"
! grep -E -f <(list_entries "$CI/splat-patterns") "$1"
