#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Install itsma from a build tree into a scratch prefix, then build examples/c against it the
# way an outside project would: with CMake's find_package(itsma), and with pkg-config.
#   examples_standalone.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build=$1 source=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >"$work/install.log"

# 1. CMake, find_package(itsma)
cmake -S "$source/examples/c" -B "$work/cmake" -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_BUILD_TYPE=Release >"$work/configure.log"
cmake --build "$work/cmake" >"$work/build.log"
libdir=$(dirname "$(find "$prefix" -name 'libitsma.so*' -print -quit)")
sample=$source/examples/data/acme-2026-q4.json
LD_LIBRARY_PATH=$libdir "$work/cmake/score_gaps" "$sample" | grep -q '^acme-2026-q4 (2026-11-20): nonconformant$'
LD_LIBRARY_PATH=$libdir "$work/cmake/compare_two" "$source/examples/data/acme-2026-q3.json" "$sample" \
  | grep -q '^overall compliance: 49.2% -> 68.3% (+19.1 points)$'
LD_LIBRARY_PATH=$libdir "$work/cmake/html_report" "$sample" >"$work/report.html"
grep -q "script-src 'sha256-" "$work/report.html"
LD_LIBRARY_PATH=$libdir "$work/cmake/build_assessment" "$work/built.json" 2>/dev/null
LD_LIBRARY_PATH=$libdir "$prefix/bin/itsma" validate -q "$work/built.json"
LD_LIBRARY_PATH=$libdir "$work/cmake/questionnaire" write "$work/q.csv" "$work/e.csv" | grep -q '^wrote '
LD_LIBRARY_PATH=$libdir "$work/cmake/questionnaire" import "$work/q.csv" "$work/e.csv" | grep -q '^0 ratings, '

# 2. pkg-config
if command -v pkg-config >/dev/null; then
  pc=$(dirname "$(find "$prefix" -name itsma.pc -print -quit)")
  flags=$(PKG_CONFIG_PATH=$pc pkg-config --cflags itsma)
  libs=$(PKG_CONFIG_PATH=$pc pkg-config --libs itsma)
  # shellcheck disable=SC2086
  cc -std=c11 -Wall -Wextra -Werror $flags "$source/examples/c/score_gaps.c" -o "$work/score_gaps_pc" $libs
  LD_LIBRARY_PATH=$libdir "$work/score_gaps_pc" "$sample" | grep -q 'top 5 of 470 gaps:'
fi
echo "examples built and run against the installed itsma in $prefix"
