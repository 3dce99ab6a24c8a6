#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Put the series on a b4-prep-managed branch (b4/pin-series) on top of the
# base, with patches/cover-letter as the cover letter and To/Cc from
# scripts/get_maintainer.pl (with MAINTAINERS.fragment applied), and write
# the mails with `b4 send -o` (offline).  Prints "STATUS<tab>verdict".
#
# The series is sent by the author of its patches (their From:, one
# identity for all): the project identity of ci/identity until a submitter
# re-signs it with ci/resign-series.sh.  b4 takes the mails' From:, the
# cover letter's signature and the author of the cover letter commit that
# holds its tracking data from git's user.name and user.email, so the work
# repository gets that identity: a `b4 send` run by hand in the b4
# checkout sends as the submitter too (a repository's setting wins over
# the user's own ~/.gitconfig).
#
# Usage: ci/checks/send-with-b4.sh
# To send for real, from the checkout this prints:  b4 send
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
need_tree

if [ "$(git --git-dir="$REPO" rev-list --count "$BASE..$TIP")" -eq 0 ]; then
	printf 'INFO\tno patch to send yet\n'
	exit 0
fi
# git am made the commits from the patches: their authors are the From:s.
authors=$(git --git-dir="$REPO" log --format='%an <%ae>' "$BASE..$TIP" | sort -u)
if [ "$(wc -l <<<"$authors")" -ne 1 ]; then
	printf 'FAIL\tthe patches are not from one identity (From: %s): one submitter signs them all (ci/resign-series.sh)\n' \
		"${authors//$'\n'/, }"
	exit 1
fi
git --git-dir="$REPO" config user.name "$(git --git-dir="$REPO" log -1 --format=%an "$TIP")"
git --git-dir="$REPO" config user.email "$(git --git-dir="$REPO" log -1 --format=%ae "$TIP")"
b4tree=$WORK/b4
mails=$WORKBENCH_OUT/b4-mails
log=$WORKBENCH_OUT/b4.log
rm -rf "$mails"

# b4 ends the cover letter with "base-commit:", the commit the series is
# based on.  Debian's tree has no upstream commit (its one commit is the
# import's own): there the line names the release instead, in b4's own
# template.
if [ "${TREE_NAME%%-*}" = debian ]; then
	python3 -c 'from b4.ez import DEFAULT_COVER_TEMPLATE as t; print(t.lstrip(), end="")' |
		sed "s/^base-commit: .*/base: $(setting base-kernel release) (Debian's $(setting base-kernel package) $(setting base-kernel version))/" \
		>"$WORK/b4-cover-template"
	grep -q '^base: ' "$WORK/b4-cover-template" || die "b4's cover template has no base-commit: line"
	git --git-dir="$REPO" config b4.prep-cover-template "$WORK/b4-cover-template"
else
	git --git-dir="$REPO" config --unset b4.prep-cover-template || true
fi

checkout "$REPO" "$b4tree" "$BASE"
{
	cd "$b4tree" &&
	git checkout -q -B pin-series-base &&
	{ git branch -D b4/pin-series || true; } &&
	b4 prep -n pin-series -f pin-series-base &&
	git cherry-pick "$BASE..$TIP" &&
	EDITOR="cp $TOP/patches/cover-letter" b4 prep --edit-cover &&
	# get_maintainer.pl reads MAINTAINERS of the checkout: with the
	# fragment applied for that call only, the base stays the real one.
	"$STEPS/apply-maintainers-fragment.sh" "$b4tree" &&
	b4 prep --auto-to-cc &&
	git checkout -q -- MAINTAINERS &&
	# Offline: unsigned, and as if through SMTP, for this call only.
	GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=sendemail.smtpserver \
		GIT_CONFIG_VALUE_0=/usr/sbin/sendmail b4 send --no-sign -o "$mails"
} >"$log" 2>&1 || { printf 'FAIL\tb4 could not prepare the mails (%s)\n' "$log"; exit 1; }

n=$(find "$mails" -name '*.eml' | wc -l)
printf 'PASS\tb4 send -o wrote %d mails from %s to %s (branch b4/pin-series in %s)\n' \
	"$n" "$authors" "$mails" "$b4tree"
