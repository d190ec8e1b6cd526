#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Usage: check_enum_prefixes.sh SOURCE_ROOT
# Every constant of a public enumeration `itsma_<type>` is named ITSMA_<TYPE>_..., so that no two
# enumerations share a prefix (README, "Naming rules"). The two documented exceptions: the
# error codes (itsma_error_code: ITSMA_OK, ITSMA_E...) and the process attributes
# (itsma_attribute: ITSMA_PA1_1 ... ITSMA_PA5_2, plus ITSMA_ATTRIBUTE_COUNT).
set -eu
cd "$1"
bad=$(awk '
/^typedef enum itsma_[a-z0-9_]+ \{/ {
	type = $3; sub(/^itsma_/, "", type); prefix = "ITSMA_" toupper(type) "_"; inside = 1; next
}
inside && /^\}/ { inside = 0; next }
inside {
	line = $0
	sub(/\/\*.*$/, "", line); sub(/^[ \t]*\*.*$/, "", line)
	if (match(line, /^[ \t]*ITSMA_[A-Z0-9_]+/)) {
		name = substr(line, RSTART, RLENGTH); gsub(/[ \t]/, "", name)
		if (type == "error_code" || (type == "attribute" && name ~ /^ITSMA_PA[1-5]_[12]$/))
			next
		if (index(name, prefix) != 1)
			printf "%s: %s (enumeration itsma_%s) does not start with %s\n", FILENAME, name, type, prefix
	}
}' include/itsma/*.h)
if [ -n "$bad" ]; then
	echo "$bad"
	exit 1
fi
echo "enumeration prefixes ok"
