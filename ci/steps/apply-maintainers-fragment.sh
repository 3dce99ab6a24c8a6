#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Add the lines of MAINTAINERS.fragment to the entries it names, in the
# MAINTAINERS file of a checkout.
#
# Usage: ci/steps/apply-maintainers-fragment.sh CHECKOUT
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 1 ] || die "usage: $0 CHECKOUT"
maintainers=$1/MAINTAINERS
[ -w "$maintainers" ] || die "no MAINTAINERS in $1"

awk '
	FNR == NR {
		if (/^#/) next
		if (/^$/) { title = ""; next }
		if (title == "") { title = $0; want[title] = 1; next }
		add[title] = add[title] $0 "\n"
		next
	}
	function flush(   n, i, lines) {
		n = split(add[entry], lines, "\n")
		for (i = 1; i < n; i++)
			if (!(lines[i] in has))
				print lines[i]
		entry = ""
		delete has
	}
	$0 in want { entry = $0; done[entry] = 1 }
	/^$/ && entry != "" { flush() }
	entry != "" { has[$0] = 1 }
	{ print }
	END {
		if (entry != "") flush()
		for (t in want) if (!(t in done)) {
			print "MAINTAINERS has no entry " t > "/dev/stderr"
			exit 1
		}
	}' "$TOP/MAINTAINERS.fragment" "$maintainers" >"$maintainers.new" ||
	{ rm -f "$maintainers.new"; die "MAINTAINERS.fragment does not apply"; }
mv "$maintainers.new" "$maintainers"
