#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Re-sign the series as its submitter: the From: and Signed-off-by: of the
# project identity (ci/identity) in patches/*.patch become NAME <EMAIL>.
#
# Usage: ci/resign-series.sh "NAME" EMAIL
. "$(dirname "$0")/lib.sh"
[ $# -eq 2 ] || die "usage: $0 \"NAME\" EMAIL"
case $2 in *@*.*) ;; *) die "$2 is not an email address" ;; esac
old="$(identity_name) <$(identity_email)>"
new="$1 <$2>"
for patch in "$TOP"/patches/*.patch; do
	[ -e "$patch" ] || continue
	OLD=$old NEW=$new perl -pi -e \
		's/^(From|Signed-off-by): \Q$ENV{OLD}\E$/$1: $ENV{NEW}/' "$patch"
done
log "patches/ now carry From: and Signed-off-by: $new"
