#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# A re-signed series goes out as its submitter: in a copy of the project
# re-signed as Test Person (ci/resign-series.sh), the mails that
# ci/checks/send-with-b4.sh has `b4 send -o` write are all from Test
# Person, the patches signed off by Test Person only, the cover letter
# signed by Test Person, and none carries the project identity
# (ci/identity); the b4 branch, whose cover letter commit holds b4's
# tracking, is Test Person's too.  The project as it is still sends as
# the identity of its patches.  Prints "STATUS<tab>case" rows.
#
# Both runs share the b4 checkout of the tree; the project's own run comes
# last, so it is left as a normal run leaves it.
#
# Usage: ci/tests/test-resign.sh
# shellcheck disable=SC2317 # the checks below are run through check()
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || die "usage: $0"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
name="Test Person" email=test@example.org
who="$name <$email>"
project="$(identity_name) <$(identity_email)>"

if [ -z "$(list_entries "$TOP/series")" ]; then
	printf 'SKIP\tre-sign: the series has no patch to send\n'
	exit 0
fi

# check CASE COMMAND...: a PASS row if COMMAND succeeds, else a FAIL row.
check() {
	local name=$1
	shift
	if "$@"; then
		printf 'PASS\tre-sign: %s\n' "$name"
	else
		printf 'FAIL\tre-sign: %s\n' "$name"
		status=1
	fi
}

# send PROJECT OUT: PROJECT's send-with-b4.sh with its logs and mails in
# OUT; it must pass.
send() {
	WORKBENCH_OUT=$2 "$1/ci/checks/send-with-b4.sh" >"$2.rows" 2>"$2.log" &&
		grep -q '^PASS' "$2.rows"
}

# The From: header of a mail or patch, decoded (b4 writes a name that is
# not ASCII RFC 2047-encoded, a re-signed patch has it as it was typed).
sender() {
	python3 -c 'import sys, email, email.policy
print(email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)["From"])' "$1"
}

# all_from MAILS WHO: there are mails, and every one is from WHO.
all_from() {
	local mail
	compgen -G "$1/*.eml" >/dev/null || return 1
	for mail in "$1"/*.eml; do
		[ "$(sender "$mail")" = "$2" ] || return 1
	done
}

# signed_off MAILS WHO: one mail per patch of the series, each signed off
# by WHO and no one else.
signed_off() {
	local mail patches
	mapfile -t patches < <(grep -l '^diff --git ' "$1"/*.eml)
	[ "${#patches[@]}" -eq "$(list_entries "$TOP/series" | wc -l)" ] || return 1
	for mail in "${patches[@]}"; do
		[ "$(sed -n 's/^Signed-off-by: //p' "$mail" | sort -u)" = "$2" ] || return 1
	done
}

# cover_signed MAILS WHO: the cover letter (the first mail) is from WHO
# and b4 signed it as WHO (the line after its "-- ").
cover_signed() {
	local cover
	cover=$(find "$1" -name '*.eml' | sort | head -n 1)
	[ "$(sender "$cover")" = "$2" ] &&
		[ "$(sed -n '/^-- $/{n;p}' "$cover" | tail -n 1)" = "$2" ]
}

# lacks MAILS NAME EMAIL: no mail carries NAME or EMAIL anywhere.
lacks() {
	! grep -qrF -e "$2" -e "$3" "$1"
}

# b4_owned OUT WHO: the b4 branch (cover letter commit and patches) is
# authored and committed by WHO, the identity `b4 send` run by hand uses.
b4_owned() {
	local b4tree
	# shellcheck source=/dev/null
	b4tree=$(. "$1/tree.env" && printf '%s' "$WORK/b4")
	[ "$(git -C "$b4tree" log --format='%an <%ae>%n%cn <%ce>' pin-series-base..b4/pin-series |
		sort -u)" = "$2" ] &&
		[ "$(git -C "$b4tree" config user.name) <$(git -C "$b4tree" config user.email)>" = "$2" ]
}

cp -r "$TOP" "$scratch/project"
if ! "$scratch/project/ci/resign-series.sh" "$name" "$email" 2>"$scratch/resign.log"; then
	printf 'FAIL\tre-sign: ci/resign-series.sh: %s\n' "$(tail -n 1 "$scratch/resign.log")"
	exit 1
fi
out=$scratch/out-resigned
if send "$scratch/project" "$out"; then
	mails=$out/b4-mails
	check "every mail is from $who" all_from "$mails" "$who"
	check "every patch is signed off by $who only" signed_off "$mails" "$who"
	check "the cover letter is from and signed by $who" cover_signed "$mails" "$who"
	check "no mail carries the project identity $project" \
		lacks "$mails" "$(identity_name)" "$(identity_email)"
	check "the b4 branch and b4's tracking (its cover letter commit) are $who's" \
		b4_owned "$out" "$who"
else
	printf 'FAIL\tre-sign: send-with-b4.sh on the re-signed copy: %s\n' \
		"$(tail -n 1 "$out.rows" 2>/dev/null || tail -n 1 "$out.log")"
	status=1
fi

# The project as it is: sent by the From: of its patches, the project
# identity until it is re-signed, with nothing left of the run above.
own=$(sender "$(series_patches | head -n 1)")
out=$scratch/out-project
if send "$TOP" "$out"; then
	check "the project as it is sends as $own" all_from "$out/b4-mails" "$own"
	check "no mail of the project as it is carries $who" \
		lacks "$out/b4-mails" "$name" "$email"
else
	printf 'FAIL\tre-sign: send-with-b4.sh on the project: %s\n' \
		"$(tail -n 1 "$out.rows" 2>/dev/null || tail -n 1 "$out.log")"
	status=1
fi
exit $status
