#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Usage: check_exports.sh LIBITSMA.so INCLUDE_DIR
# Fails when the library exports a symbol outside the itsma_ namespace, or when a function
# declared with ITSMA_EXTERN in the public headers is missing from the library.
set -eu
lib=$1
inc=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRV]$/ { print $3 }' | sed 's/@.*//' | sort -u > "$tmp/exported"
bad=$(grep -v '^itsma_' "$tmp/exported" || true)
if [ -n "$bad" ]; then
	echo "exported symbols outside the itsma_ namespace:" >&2
	echo "$bad" >&2
	exit 1
fi
# ITSMA_EXTERN(type) name( ... possibly across lines: take the identifier before '('.
grep -hv "^[[:space:]]*#" "$inc"/itsma/*.h | tr '\n' ' ' | grep -o 'ITSMA_EXTERN([^)]*)[^(]*(' |
	sed 's/ITSMA_EXTERN([^)]*)//; s/(//; s/[[:space:]]//g; s/^\*//' | sort -u > "$tmp/declared"
missing=$(comm -23 "$tmp/declared" "$tmp/exported")
if [ -n "$missing" ]; then
	echo "declared in the headers but not exported:" >&2
	echo "$missing" >&2
	exit 1
fi
internal=$(grep '^itsma__' "$tmp/exported" || true)
if [ -n "$internal" ]; then
	echo "internal itsma__ symbols are exported:" >&2
	echo "$internal" >&2
	exit 1
fi
echo "exports ok: $(wc -l < "$tmp/exported") symbols, all declared"
