#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Usage: check_null_coverage.sh LIBITSMA.so SOURCE_ROOT BUILD_INCLUDE_DIR
#
# The NULL policy of include/itsma/common.h holds only where it is tested. This fails when a
# function the library exports takes a pointer (or a callback) and is
#   - a *_free function not listed with NULL_FREE(...) in tests/unit/test_core.c, or
#   - any other function not called in tests/unit/test_null.c,
# unless tests/api/null_exempt.txt names it (each with the reason in a comment). An exemption
# for a function that is not exported any more, or that test_null.c covers after all, fails
# too, so that the list stays true.
set -eu
lib=$1
root=$2
build_inc=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

nm -D --defined-only "$lib" | awk '$2 == "T" { print $3 }' | sed 's/@.*//' | sort -u > "$tmp/exported"

# Declarations, one a line: NAME|PARAMETERS (comments removed, statements joined).
cat "$root"/include/itsma/*.h "$build_inc"/itsma/*.h 2>/dev/null | tr '\n' ' ' |
	sed -E 's#/\*([^*]|\*+[^*/])*\*+/# #g' | tr ';' '\n' | grep 'ITSMA_EXTERN' |
	sed -nE 's/.*ITSMA_EXTERN\([^)]*\)[[:space:]]*(itsma_[a-z0-9_]+)[[:space:]]*\((.*)\).*/\1|\2/p' \
	> "$tmp/decls"

# Exported functions that take a pointer or a callback.
awk -F'|' 'NR == FNR { want[$1] = 1; next }
	($1 in want) && $2 ~ /(\*|_cb |_sink |_fn )/ { print $1 }' "$tmp/exported" "$tmp/decls" |
	sort -u > "$tmp/pointer_takers"

grep -v '^[[:space:]]*#' "$root/tests/api/null_exempt.txt" | awk 'NF { print $1 }' | sort -u \
	> "$tmp/exempt"

fail=0
while read -r f; do
	case "$f" in
	*_free)
		if ! grep -q "^NULL_FREE($f)" "$root/tests/unit/test_core.c"; then
			echo "$f: not in free_accepts_null (add NULL_FREE($f) to tests/unit/test_core.c)"
			fail=1
		fi
		continue
		;;
	esac
	if grep -q "\\b$f(" "$root/tests/unit/test_null.c"; then
		if grep -qx "$f" "$tmp/exempt"; then
			echo "$f: exempted in tests/api/null_exempt.txt but tested in test_null.c: drop the exemption"
			fail=1
		fi
	elif ! grep -qx "$f" "$tmp/exempt"; then
		echo "$f: takes a pointer but tests/unit/test_null.c does not call it with NULL"
		echo "  (add a check there, or an exemption with its reason to tests/api/null_exempt.txt)"
		fail=1
	fi
done < "$tmp/pointer_takers"

while read -r f; do
	if ! grep -qx "$f" "$tmp/exported"; then
		echo "$f: exempted in tests/api/null_exempt.txt but not exported: drop the exemption"
		fail=1
	fi
done < "$tmp/exempt"

n=$(wc -l < "$tmp/pointer_takers")
if [ "$n" -lt 100 ]; then
	echo "only $n functions taking pointers found: is the declaration parser broken?"
	fail=1
fi
[ "$fail" -eq 0 ] && echo "null coverage ok: $n functions taking pointers, $(wc -l < "$tmp/exempt") exempt"
exit "$fail"
