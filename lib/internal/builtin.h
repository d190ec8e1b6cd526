/* SPDX-License-Identifier: Apache-2.0 */
/* Built-in catalogues embedded at build time (internal). */
#ifndef ITSMA_INTERNAL_BUILTIN_H
#define ITSMA_INTERNAL_BUILTIN_H

#include <stddef.h>

typedef struct itsma__builtin_blob {
	const char *json;
	size_t len;
	const char *id;
	const char *title;
	const char *clauses; /* NAME.clauses.tsv (clause TAB title per line), or NULL */
	size_t clauses_len;
} itsma__builtin_blob;

extern const itsma__builtin_blob itsma__builtin_blobs[];
extern const size_t itsma__builtin_blob_count;

#endif
