/* SPDX-License-Identifier: Apache-2.0 */
/* Chunked bump allocator and array growth helper (internal). */
#include "internal/arena.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct itsma__arena_chunk {
	itsma__arena_chunk *next;
	size_t size;
	alignas(max_align_t) char data[];
};

#define ALIGN (alignof(max_align_t))
#define CHUNK 16384

void *itsma__arena_alloc(itsma__arena *a, size_t size)
{
	void *p;
	size = (size + ALIGN - 1) & ~(ALIGN - 1);
	if (size == 0)
		size = ALIGN;
	if (size > a->left) {
		size_t csize = size > CHUNK / 4 ? size : CHUNK;
		itsma__arena_chunk *c;
		if (csize > (size_t)-1 - sizeof *c)
			return NULL;
		c = malloc(sizeof *c + csize);
		if (!c)
			return NULL;
		c->size = csize;
		if (size > CHUNK / 4 && a->head) {
			/* big block: keep the current chunk for small allocations */
			c->next = a->head->next;
			a->head->next = c;
			memset(c->data, 0, size);
			return c->data;
		}
		c->next = a->head;
		a->head = c;
		a->cur = c->data;
		a->left = csize;
	}
	p = a->cur;
	a->cur += size;
	a->left -= size;
	memset(p, 0, size);
	return p;
}

char *itsma__arena_strdup(itsma__arena *a, const char *s, int *failed)
{
	size_t n;
	char *p;
	if (!s)
		return NULL;
	n = strlen(s) + 1;
	p = itsma__arena_alloc(a, n);
	if (!p) {
		*failed = 1;
		return NULL;
	}
	memcpy(p, s, n);
	return p;
}

void itsma__arena_free(itsma__arena *a)
{
	itsma__arena_chunk *c = a->head;
	while (c) {
		itsma__arena_chunk *n = c->next;
		free(c);
		c = n;
	}
	memset(a, 0, sizeof *a);
}

int itsma__grow(void **items, size_t *cap, size_t need, size_t elsize)
{
	size_t n;
	void *p;
	if (need <= *cap)
		return 0;
	n = *cap ? *cap : 8;
	while (n < need) {
		if (n > ((size_t)-1) / 2 / elsize)
			return -1;
		n *= 2;
	}
	p = realloc(*items, n * elsize);
	if (!p)
		return -1;
	*items = p;
	*cap = n;
	return 0;
}
