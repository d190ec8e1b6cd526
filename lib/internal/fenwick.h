/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A Fenwick (binary indexed) tree of 0/1 marks over positions 0..n-1 (internal): mark and
 * unmark in O(log n), and find the position of the k-th mark in O(log n). The live scorer
 * keeps its evidence-issue list with one, so that an issue comes or goes without moving the
 * others and the list can still be read by index.
 */
#ifndef ITSMA_INTERNAL_FENWICK_H
#define ITSMA_INTERNAL_FENWICK_H

#include <stddef.h>

typedef struct itsma__fenwick {
	size_t *t; /* t[1..n] */
	size_t n;  /* a power of two, or 0 */
} itsma__fenwick;

/* An empty tree for at least `size` positions. Returns 0, or -1 when out of memory (then *f
 * is unchanged); the old tree is freed on success. */
int itsma__fenwick_init(itsma__fenwick *f, size_t size);
/* Add +1 or -1 at a position below f->n. */
void itsma__fenwick_add(itsma__fenwick *f, size_t pos, int delta);
/* The position of the k-th mark (0-based); the tree must hold more than k marks. */
size_t itsma__fenwick_find(const itsma__fenwick *f, size_t k);
void itsma__fenwick_free(itsma__fenwick *f);

#endif
