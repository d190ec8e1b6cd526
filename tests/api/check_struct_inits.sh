#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Usage: check_struct_inits.sh SOURCE_ROOT
# Every versioned struct (a public ITSMA_<NAME>_VERSION) has its itsma_<name>_init(ptr, version)
# for callers without C macros (issue 17, "Versioned structs").
set -eu
cd "$1"
status=0
for v in $(grep -ho 'define ITSMA_[A-Z_]*_VERSION\b' include/itsma/*.h | awk '{print $2}'); do
	t=$(echo "$v" | sed 's/^ITSMA_//; s/_VERSION$//' | tr 'A-Z' 'a-z')
	if ! grep -q "itsma_${t}_init(itsma_${t} \*" include/itsma/*.h; then
		echo "$v: no itsma_${t}_init(itsma_${t} *, unsigned int version) in include/itsma"
		status=1
	fi
done
[ $status -eq 0 ] && echo "struct initialisers ok"
exit $status
