#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Usage: abi_check.sh LIBITSMA.so INCLUDE_DIR BASELINE.abi [--update]
#
# Records the ABI of the built library with libabigail's abidw (public headers only, so
# internal types do not count) and compares it with the committed baseline with abidiff.
# Any difference fails: an added function too, so that every ABI change is a deliberate,
# reviewed update of the baseline.
#
# To change the ABI on purpose, regenerate the baseline from a Debug build (debug info is
# needed) and commit it with the change:
#     tests/abi/abi_check.sh build/lib/libitsma.so include tests/abi/itsma.abi --update
# (or: ITSMA_ABI_UPDATE=1 ctest -R '^abi$' in the build folder).
set -eu
lib=$1
inc=$2
baseline=$3
update=${4:-}
[ "${ITSMA_ABI_UPDATE:-}" = 1 ] && update=--update
if ! command -v abidw >/dev/null 2>&1 || ! command -v abidiff >/dev/null 2>&1; then
	echo "abidw/abidiff not found: install libabigail (Debian: abigail-tools)" >&2
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the built version.h lives next to the library's build tree; the public headers are enough
abidw --no-corpus-path --no-comp-dir-path --headers-dir "$inc" --out-file "$tmp/now.abi" "$lib"
if [ "$update" = --update ]; then
	cp "$tmp/now.abi" "$baseline"
	echo "baseline written: $baseline"
	exit 0
fi
if [ ! -f "$baseline" ]; then
	echo "no baseline $baseline: create it with --update" >&2
	exit 1
fi
set +e
abidiff --no-show-locs "$baseline" "$tmp/now.abi" > "$tmp/diff.txt" 2>&1
rc=$?
set -e
if [ $rc -ne 0 ]; then
	echo "the ABI differs from $baseline (abidiff status $rc):" >&2
	cat "$tmp/diff.txt" >&2
	echo "If the change is intended, regenerate the baseline (see the head of $0)." >&2
	exit 1
fi
echo "ABI unchanged against $(basename "$baseline")"
