/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Growable byte buffer and JSON writing helpers (internal).
 *
 * A buffer records its first allocation failure in `oom`; later appends are no-ops,
 * so writers can append freely and check once at the end with itsma__buf_finish().
 */
#ifndef ITSMA_INTERNAL_BUF_H
#define ITSMA_INTERNAL_BUF_H

#include <stddef.h>
#include "itsma/errors.h"

typedef struct itsma__buf {
	char *data; /* NUL-terminated when non-NULL */
	size_t len;
	size_t cap;
	int oom;
} itsma__buf;

#define ITSMA__BUF_INIT                                                                            \
	{                                                                                          \
		NULL, 0, 0, 0                                                                      \
	}

void itsma__buf_append(itsma__buf *b, const char *s, size_t n);
void itsma__buf_puts(itsma__buf *b, const char *s);
void itsma__buf_putc(itsma__buf *b, char c);
void itsma__buf_printf(itsma__buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Append `n` copies of ' '. */
void itsma__buf_spaces(itsma__buf *b, size_t n);
/* Append @p s repeated @p n times. */
void itsma__buf_repeat(itsma__buf *b, const char *s, size_t n);
/* The text so far ("" when empty). */
const char *itsma__buf_str(const itsma__buf *b);
/* Empty the buffer, keeping its memory. */
void itsma__buf_clear(itsma__buf *b);
/* Release a scratch buffer, carrying its allocation failure (if any) over to @p into. */
void itsma__buf_drop(itsma__buf *scratch, itsma__buf *into);
/* Release the buffer. */
void itsma__buf_free(itsma__buf *b);
/*
 * Hand the text to *out (Owned, release with itsma_free) or, on a recorded allocation
 * failure, free it and return ITSMA_ENOMEM with `err` set.
 */
int itsma__buf_finish(itsma__buf *b, char **out, itsma_error *err);

/* Append a JSON string literal (quotes, escapes; UTF-8 passed through). NULL writes null. */
void itsma__buf_json_string(itsma__buf *b, const char *s);
/*
 * Append a JSON number: shortest text that reads back as the same double
 * ("1", "67.5", "0.15"); NaN and infinities write null.
 */
void itsma__buf_json_number(itsma__buf *b, double v);
/* Format a double like itsma__buf_json_number into buf (at least 32 bytes). */
void itsma__format_number(char *buf, double v);

/*
 * Pretty JSON writer on top of a buffer: two-space indent, "key": value, one member per
 * line, empty containers as [] / {}. Keeps a small stack of "first member" flags.
 */
#define ITSMA__JW_MAX_DEPTH 1040 /* above the loaders' depth cap (ITSMA__MAX_DEPTH_CAP) */
typedef struct itsma__jw {
	itsma__buf *b;
	int depth;
	unsigned char first[ITSMA__JW_MAX_DEPTH];
	unsigned char inline_[ITSMA__JW_MAX_DEPTH]; /* container written on one line */
} itsma__jw;

void itsma__jw_init(itsma__jw *w, itsma__buf *b);
/* Start an object/array as a member value (key != NULL) or an array element (key == NULL). */
void itsma__jw_begin_object(itsma__jw *w, const char *key);
void itsma__jw_end_object(itsma__jw *w);
void itsma__jw_begin_array(itsma__jw *w, const char *key);
/* An array written on one line: ["a", "b"]; only scalars inside. */
void itsma__jw_begin_inline_array(itsma__jw *w, const char *key);
void itsma__jw_end_array(itsma__jw *w);
void itsma__jw_string(itsma__jw *w, const char *key, const char *value); /* NULL -> null */
void itsma__jw_number(itsma__jw *w, const char *key, double value);      /* NaN -> null */
void itsma__jw_int(itsma__jw *w, const char *key, long long value);
void itsma__jw_bool(itsma__jw *w, const char *key, int value);
void itsma__jw_null(itsma__jw *w, const char *key);
/* Write pre-serialised JSON text `raw` as a member value (used for x- extensions). */
void itsma__jw_raw(itsma__jw *w, const char *key, const char *raw);
/* Finish the document (adds the final newline). */
void itsma__jw_finish(itsma__jw *w);

#endif
