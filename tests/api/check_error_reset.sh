#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Usage: check_error_reset.sh SOURCE_ROOT
#
# Every public function that takes `itsma_error *err` resets it on entry (include/itsma/
# common.h, errors.h), so that a reused struct never shows an earlier call's source, pointer
# or position. This fails for a function defined in lib/*.c whose body uses `err` (or
# returns) before it calls itsma__error_reset(err).
set -eu
root=$1

awk '
FNR == 1 { sig = ""; in_sig = 0; in_body = 0 }
# the start of a public definition: a return type at column 0, then itsma_name(
!in_body && !in_sig && /^[a-z].*[ *]itsma_[a-z0-9_]+\(/ && $0 !~ /;[[:space:]]*$/ && $0 !~ /^static / {
	name = $0
	sub(/\(.*/, "", name)
	sub(/.*[ *]/, "", name)
	if (name ~ /^itsma__/)
		next
	in_sig = 1
	sig = $0
	start = FNR
	if ($0 ~ /\)[[:space:]]*$/ || $0 ~ /\{/)
		in_sig = 2
	next
}
in_sig == 1 {
	sig = sig " " $0
	if ($0 ~ /\)[[:space:]]*$/ || $0 ~ /^\{/)
		in_sig = 2
	if ($0 ~ /;[[:space:]]*$/) { in_sig = 0; sig = "" }
	next
}
in_sig == 2 && /^\{/ {
	in_sig = 0
	# err as the object (itsma_error_format) or the reset itself (itsma_error_clear) aside
	if (sig ~ /[(, ]itsma_error \*err[,)]/ && sig !~ /const itsma_error \*err/ &&
	    name != "itsma_error_clear") {
		in_body = 1
		done = 0
		checked++
	}
	next
}
in_sig == 2 && !/^\{/ { in_sig = 0; sig = "" }
in_body && /^\}/ {
	if (!done) {
		printf "%s:%d: %s: never calls itsma__error_reset(err)\n", FILENAME, start, name
		bad = 1
	}
	in_body = 0
	next
}
in_body && !done {
	if ($0 ~ /itsma__error_reset\(err\)/) { done = 1; next }
	if ($0 ~ /(^|[^a-z_])return([^a-z_]|$)/ || $0 ~ /[(, ]err[,)]/) {
		printf "%s:%d: %s: uses err or returns before itsma__error_reset(err)\n", FILENAME, FNR, name
		bad = 1
		done = 1
	}
}
END {
	if (checked < 100) {
		printf "only %d functions taking err found: is the parser broken?\n", checked
		bad = 1
	}
	if (!bad)
		printf "error reset ok: the %d public functions taking err reset it on entry\n", checked
	exit bad
}
' "$root"/lib/*.c
