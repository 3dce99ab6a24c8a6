#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Re-sign the series as its submitter: the From: and Signed-off-by: of the
# project identity (ci/identity) in the series' patches and their backports
# (patches/backport-*/) become NAME <EMAIL>.
# The patches are what ci/checks/send-with-b4.sh takes the sender from;
# nothing else carries the identity (patches/cover-letter is unsigned: b4
# signs it as the sender).
#
# Usage: ci/resign-series.sh "NAME" EMAIL
. "$(dirname "$0")/lib/common.sh"
[ $# -eq 2 ] || die "usage: $0 \"NAME\" EMAIL"
case $1 in '' | *[\<\>$'\n']*) die "\"$1\" is not a name" ;; esac
case $2 in *@*.*) ;; *) die "$2 is not an email address" ;; esac
old="$(identity_name) <$(identity_email)>"
new="$1 <$2>"
# The series' patches and their backports (patches/backport-*/).
patches() {
	series_patches
	find "$TOP/patches" -path '*/backport-*/*.patch' | sort
}
# All or nothing: a patch from anyone else (re-signed by someone else
# already) stops it before any patch is changed.
while read -r patch; do
	grep -qxF -e "From: $old" -e "From: $new" "$patch" ||
		die "${patch##*/} is not from $old (re-signed already? git checkout patches/ first)"
done < <(patches)
# shellcheck disable=SC2016 # $ENV{...} is perl's
patches | OLD=$old NEW=$new xargs -r -d '\n' perl -pi -e \
	's/^(From|Signed-off-by): \Q$ENV{OLD}\E$/$1: $ENV{NEW}/'
log "the series' patches now carry From: and Signed-off-by: $new"
