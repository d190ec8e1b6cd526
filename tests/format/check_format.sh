#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Usage: check_format.sh SOURCE_ROOT ENFORCED_LIST
# Fails when a C source named (directly, or below a folder) in ENFORCED_LIST differs from
# what clang-format makes of it with the project's .clang-format. Exit 77 (skipped) when
# clang-format is not installed.
set -eu
root=$1
list=$2
if ! command -v clang-format >/dev/null 2>&1; then
	echo "clang-format not found (Debian: clang-format)" >&2
	exit 77
fi
cd "$root"
files=$(grep -v '^[[:space:]]*#' "$list" | grep -v '^[[:space:]]*$' | while read -r p; do
	if [ -d "$p" ]; then
		find "$p" -type f \( -name '*.c' -o -name '*.h' \) | sort
	elif [ -f "$p" ]; then
		echo "$p"
	else
		echo "enforced.txt names a missing path: $p" >&2
		echo "@missing@"
	fi
done)
case "$files" in *@missing@*) exit 1 ;; esac
[ -n "$files" ] || { echo "no files to check"; exit 0; }
# shellcheck disable=SC2086
if ! clang-format --dry-run -Werror $files; then
	echo "not formatted: run clang-format -i on the files above" >&2
	exit 1
fi
echo "format ok: $(echo "$files" | wc -l) files"
