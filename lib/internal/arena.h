/* SPDX-License-Identifier: Apache-2.0 */
/* Chunked bump allocator for strings and small objects that live as long as their owner. */
#ifndef ITSMA_INTERNAL_ARENA_H
#define ITSMA_INTERNAL_ARENA_H

#include <stddef.h>

typedef struct itsma__arena_chunk itsma__arena_chunk;
typedef struct itsma__arena {
	itsma__arena_chunk *head;
	char *cur;
	size_t left;
} itsma__arena;

#define ITSMA__ARENA_INIT                                                                          \
	{                                                                                          \
		NULL, NULL, 0                                                                      \
	}

/* Aligned (max_align_t) zeroed block; NULL on allocation failure. */
void *itsma__arena_alloc(itsma__arena *a, size_t size);
/* Copy of a string (NULL stays NULL; *failed set to 1 on allocation failure). */
char *itsma__arena_strdup(itsma__arena *a, const char *s, int *failed);
void itsma__arena_free(itsma__arena *a);

/* Grow a dynamic array so that it holds at least `need` elements; -1 on failure. */
int itsma__grow(void **items, size_t *cap, size_t need, size_t elsize);

#endif
