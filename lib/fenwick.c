/* SPDX-License-Identifier: Apache-2.0 */
/* Fenwick tree of 0/1 marks (internal/fenwick.h). */
#include "internal/fenwick.h"

#include <stdlib.h>

int itsma__fenwick_init(itsma__fenwick *f, size_t size)
{
	size_t n = 1, *t;
	while (n < size) {
		if (n > ((size_t)-1 / sizeof *t - 1) / 2)
			return -1;
		n *= 2;
	}
	t = calloc(n + 1, sizeof *t);
	if (!t)
		return -1;
	free(f->t);
	f->t = t;
	f->n = n;
	return 0;
}

void itsma__fenwick_add(itsma__fenwick *f, size_t pos, int delta)
{
	size_t i;
	for (i = pos + 1; i <= f->n; i += i & (~i + 1))
		f->t[i] += (size_t)(long)delta; /* wraps for -1 */
}

size_t itsma__fenwick_find(const itsma__fenwick *f, size_t k)
{
	size_t pos = 0, step;
	/* descend from the largest power of two: t[pos + step] counts (pos, pos + step] */
	for (step = f->n; step; step >>= 1)
		if (pos + step <= f->n && f->t[pos + step] <= k) {
			k -= f->t[pos + step];
			pos += step;
		}
	return pos; /* the (k+1)-th mark is at 1-based pos + 1, 0-based pos */
}

void itsma__fenwick_free(itsma__fenwick *f)
{
	free(f->t);
	f->t = NULL;
	f->n = 0;
}
