/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Raw JSON text (internal): skipping values, a strict RFC 8259 check of one value before
 * json-c reads it, and finding a duplicate key. Everything here is iterative, allocates at
 * most one small stack of levels (plus one hash set per open object while looking for a
 * duplicate) and costs time linear in the bytes it reads.
 */
#ifndef ITSMA_INTERNAL_JSONTEXT_H
#define ITSMA_INTERNAL_JSONTEXT_H

#include <stddef.h>

#include "itsma/errors.h"

/* Skip JSON whitespace from pos. */
size_t itsma__text_ws(const char *b, size_t len, size_t pos);
/* The offset after the string literal at b[pos] == '"' (len when it is not closed). */
size_t itsma__text_string_end(const char *b, size_t len, size_t pos);
/* The offset after the value at pos (after whitespace); the text is assumed valid. */
size_t itsma__text_value_end(const char *b, size_t len, size_t pos);

/* What a strict check found wrong, and where. */
typedef struct itsma__text_fault {
	size_t at; /* byte offset of the offending character */
	/* 1: text json-c 0.16 accepts although RFC 8259 does not (NaN, 5., a raw tab, overlong
	 * UTF-8, ...); 0: a syntax error json-c reports itself; 2: \u0000 (when asked) */
	int lax;
	int too_deep; /* the fault is a value nested deeper than `levels` */
	char message[ITSMA_ERROR_MESSAGE_LENGTH];
	char pointer[ITSMA_ERROR_POINTER_LENGTH]; /* relative to the checked value */
} itsma__text_fault;

/*
 * Check that the text at pos (after whitespace) is one JSON value as RFC 8259 defines it,
 * nested at most `levels` deep, with every string valid UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF), no raw control characters, and no lone \u surrogate
 * escape; with `no_nul`, no \u0000 either (itsma's rule, not JSON's). Returns 0 with *end
 * after the value, 1 with *f filled, or ITSMA_ENOMEM.
 */
int itsma__text_check(const char *b, size_t len, size_t pos, size_t levels, int no_nul, size_t *end,
                      itsma__text_fault *f);

/*
 * Find the first duplicate key (after decoding escapes) in any object of the strictly valid
 * value at pos. Returns 1 with *dup set to the offset of the second occurrence's key and the
 * pointer of that member appended to ptr (size ITSMA_ERROR_POINTER_LENGTH); 0 when there is
 * none; ITSMA_ENOMEM.
 */
int itsma__text_find_duplicate(const char *b, size_t len, size_t pos, size_t levels, char *ptr,
                               size_t *dup);

#endif
