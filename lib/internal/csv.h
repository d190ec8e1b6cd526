/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CSV (RFC 4180) reading and writing (internal).
 *
 * The reader hands out one row at a time: its cells, unquoted and NUL-terminated, each
 * with the line, column (in code points) and byte offset where it starts. Cells have no
 * size limit of their own (only the input's), invalid UTF-8 and NUL bytes are refused with
 * their position, and the whole input is read once: time and memory are linear in its size.
 *
 * The writer quotes where RFC 4180 needs it and neutralises cells a spreadsheet would run as
 * a formula (see itsma__csv_cell).
 */
#ifndef ITSMA_INTERNAL_CSV_H
#define ITSMA_INTERNAL_CSV_H

#include <stddef.h>

#include "itsma/errors.h"
#include "internal/buf.h"

typedef struct itsma__csv_field {
	char *text;    /* unquoted, NUL-terminated; "" for an empty cell */
	size_t len;    /* bytes of text */
	int line;      /* 1-based line where the cell starts */
	int column;    /* 1-based column in code points */
	size_t offset; /* byte offset of its start in the input */
} itsma__csv_field;

typedef struct itsma__csv_reader {
	const char *data;
	size_t len, pos;
	const char *source; /* name used in errors */
	char delimiter;
	int line, column; /* position of data[pos] */
	itsma__buf text;  /* the current row's cell texts, NUL-separated */
	itsma__csv_field *cells;
	size_t count, cap; /* cells of the current row */
} itsma__csv_reader;

/*
 * Start reading `data` (borrowed until itsma__csv_reader_free). A UTF-8 byte-order mark is
 * skipped. `delimiter` is ',', ';' or '\t', or 0 to take the one of those three the header
 * row (the first line) holds most often outside quotes (',' when it holds none).
 */
void itsma__csv_reader_init(itsma__csv_reader *r, const char *data, size_t len, const char *source,
                            char delimiter);
/* The delimiter of a header row, as itsma__csv_reader_init detects it. */
char itsma__csv_detect_delimiter(const char *data, size_t len);
/*
 * Read the next row that is not blank into r->cells / r->count (valid until the next call).
 * Returns 1 for a row, 0 at the end, or ITSMA_EPARSE (err: source, line, column, offset and
 * what was expected) for an unclosed quote, text after a closing quote, a NUL byte or
 * invalid UTF-8; ITSMA_ENOMEM.
 */
int itsma__csv_next(itsma__csv_reader *r, itsma_error *err);
void itsma__csv_reader_free(itsma__csv_reader *r);

/* A row being written: cells are separated by `delimiter`, rows end with CRLF. */
typedef struct itsma__csv_writer {
	itsma__buf *out;
	char delimiter;
	size_t column;
} itsma__csv_writer;

/*
 * Append one cell (NULL is an empty cell). It is quoted when it holds the delimiter, a
 * quote, a line break or leading/trailing spaces. A cell that a spreadsheet would take for
 * a formula (one that starts with '=', '+', '-', '@', a tab or a carriage return, and is
 * not a plain number such as "-1.5") is written as text: prefixed with an apostrophe and
 * quoted, as OWASP recommends; itsma__csv_unneutralise undoes exactly that. A cell that is
 * apostrophes followed by such a character gets one apostrophe more, so every text reads
 * back as itself.
 */
void itsma__csv_cell(itsma__csv_writer *w, const char *s);
/* End the row (CRLF). */
void itsma__csv_end_row(itsma__csv_writer *w);
/* Whether a cell would be neutralised by itsma__csv_cell. */
int itsma__csv_is_formula(const char *s);
/* The text a neutralised cell stood for: `s` without the apostrophe itsma__csv_cell added
 * (so "'=1+2" gives "=1+2" and "''=1" gives "'=1"); `s` itself otherwise. */
char *itsma__csv_unneutralise(char *s);

#endif
