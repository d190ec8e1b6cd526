/* SPDX-License-Identifier: Apache-2.0 */
/* Built-in mappings embedded at build time from the JSON files of data/mappings (internal). */
#ifndef ITSMA_INTERNAL_BUILTIN_MAPPING_H
#define ITSMA_INTERNAL_BUILTIN_MAPPING_H

#include <stddef.h>

typedef struct itsma__builtin_mapping {
	const char *json;
	size_t len;
	const char *id;
	const char *title;
	const char *source; /* the source and target catalogue ids */
	const char *target;
} itsma__builtin_mapping;

extern const itsma__builtin_mapping itsma__builtin_mappings[];
extern const size_t itsma__builtin_mapping_count;

#endif
