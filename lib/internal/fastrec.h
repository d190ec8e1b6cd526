/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A fast path for the common shape of large records (internal).
 *
 * Evidence and rating records are flat objects of plain strings (and arrays of them).
 * For those, building a json-c tree only to copy its strings out again is most of the cost
 * of loading. itsma__fast_object reads such a record straight from the text, and accepts
 * only what it can decide exactly: keys from a known list, each at most once, values that
 * are strings of printable ASCII without escapes (or arrays of them, where allowed), with
 * JSON whitespace and punctuation between them. On anything else it returns 0, and the
 * caller parses the record with json-c as usual, which also produces the exact error
 * message for anything wrong. So the fast path never changes what is accepted or rejected.
 */
#ifndef ITSMA_INTERNAL_FASTREC_H
#define ITSMA_INTERNAL_FASTREC_H

#include <stddef.h>

typedef struct itsma__span {
	const char *p; /* the string's bytes (no quotes), or for arrays the text from '[' to ']' */
	size_t n;
} itsma__span;

#define ITSMA__FAST_MAX_KEYS 16

/*
 * Read the flat object at b[pos] (after whitespace).
 * @param keys NULL-terminated list of accepted keys (at most ITSMA__FAST_MAX_KEYS).
 * @param array_mask bit i set: keys[i] takes an array of strings instead of a string.
 * @param max_string longest accepted string, in bytes.
 * @param vals one span per key (p NULL when absent).
 * @param end set after the object's closing brace.
 * @return 1 when read; 0 to fall back to the general parser.
 */
int itsma__fast_object(const char *b, size_t len, size_t pos, const char *const *keys,
                       unsigned array_mask, size_t max_string, itsma__span *vals, size_t *end);

/*
 * Iterate the strings of an array span that itsma__fast_object accepted: *at starts at 0;
 * returns 1 with the next string in *out, or 0 at the end.
 */
int itsma__fast_next(const itsma__span *array, size_t *at, itsma__span *out);

/* Does the span hold exactly the NUL-terminated string s? */
static inline int itsma__span_is(const itsma__span *sp, const char *s)
{
	/* byte by byte: most candidates differ in the first byte (a NUL in s differs too) */
	size_t i;
	for (i = 0; i < sp->n; i++)
		if (sp->p[i] != s[i] || !s[i])
			return 0;
	return s[sp->n] == '\0';
}

#endif
