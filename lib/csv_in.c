/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reading CSV as RFC 4180 describes it and spreadsheets write it: an optional UTF-8
 * byte-order mark, CRLF, LF or CR line endings, fields quoted with '"' that hold
 * delimiters, doubled quotes and line breaks (kept as "\n"). Blank lines are skipped. The
 * input is read once, one row at a time: nothing is cut, nothing is rescanned.
 */
#include "internal/csv.h"
#include "internal/arena.h"
#include "internal/error.h"

#include <stdlib.h>
#include <string.h>

void itsma__csv_reader_init(itsma__csv_reader *r, const char *data, size_t len, const char *source,
                            char delimiter)
{
	memset(r, 0, sizeof *r);
	r->data = data;
	r->len = data ? len : 0;
	r->source = source;
	r->line = 1;
	r->column = 1;
	if (r->len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		r->pos = 3;
	r->delimiter =
	    delimiter ? delimiter : itsma__csv_detect_delimiter(data + r->pos, r->len - r->pos);
}

char itsma__csv_detect_delimiter(const char *data, size_t len)
{
	size_t comma = 0, semicolon = 0, tab = 0;
	int quoted = 0;
	for (size_t i = 0; i < len; i++) {
		char c = data[i];
		if (c == '"')
			quoted = !quoted; /* a doubled quote toggles twice */
		else if (quoted)
			continue;
		else if (c == '\n' || c == '\r')
			break;
		else if (c == ',')
			comma++;
		else if (c == ';')
			semicolon++;
		else if (c == '\t')
			tab++;
	}
	if (semicolon > comma && semicolon >= tab)
		return ';';
	if (tab > comma && tab > semicolon)
		return '\t';
	return ',';
}

void itsma__csv_reader_free(itsma__csv_reader *r)
{
	itsma__buf_free(&r->text);
	free(r->cells);
	r->cells = NULL;
	r->count = r->cap = 0;
}

/* Length of the valid UTF-8 sequence at p (1 to 4), or 0 when it is not one: a stray
 * continuation byte, an overlong form, a surrogate, a code point above U+10FFFF, a cut. */
static size_t utf8_length(const unsigned char *p, size_t left)
{
	unsigned char c = p[0];
	size_t n;
	unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return 0;
	}
	if (left < n || p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return n;
}

static int fail(itsma__csv_reader *r, itsma_error *err, int line, int column, size_t offset,
                const char *what)
{
	itsma__error_set(err, ITSMA_EPARSE, "%s", what);
	itsma__error_source(err, r->source);
	if (err) {
		err->line = line;
		err->column = column;
		err->offset = offset;
	}
	return ITSMA_EPARSE;
}

/* Consume a line break at pos if there is one (CRLF counts as one); 1 if it did. */
static int take_newline(itsma__csv_reader *r)
{
	if (r->pos >= r->len)
		return 0;
	if (r->data[r->pos] == '\r') {
		r->pos++;
		if (r->pos < r->len && r->data[r->pos] == '\n')
			r->pos++;
	} else if (r->data[r->pos] == '\n') {
		r->pos++;
	} else {
		return 0;
	}
	r->line++;
	r->column = 1;
	return 1;
}

/* Copy one character (a whole UTF-8 sequence) of a field; ITSMA_EPARSE for NUL or a bad
 * sequence. */
static int take_char(itsma__csv_reader *r, itsma_error *err)
{
	const unsigned char *p = (const unsigned char *)r->data + r->pos;
	size_t n;
	if (*p == 0)
		return fail(r, err, r->line, r->column, r->pos,
		            "a NUL byte is not allowed in a CSV file (is it UTF-16 or binary?)");
	n = utf8_length(p, r->len - r->pos);
	if (n == 0)
		return fail(r, err, r->line, r->column, r->pos,
		            "invalid UTF-8 (save the file as CSV UTF-8)");
	itsma__buf_append(&r->text, (const char *)p, n);
	r->pos += n;
	r->column++;
	return 0;
}

static int is_end_of_field(const itsma__csv_reader *r)
{
	char c = r->data[r->pos];
	return c == r->delimiter || c == '\r' || c == '\n';
}

/* One field at pos, appended to the row. */
static int read_field(itsma__csv_reader *r, size_t *text_start, int *quoted, itsma_error *err)
{
	int rc;
	*text_start = r->text.len;
	*quoted = 0;
	if (r->pos < r->len && r->data[r->pos] == '"') {
		int open_line = r->line, open_column = r->column;
		size_t open = r->pos;
		*quoted = 1;
		r->pos++;
		r->column++;
		for (;;) {
			if (r->pos >= r->len)
				return fail(r, err, open_line, open_column, open,
				            "a quoted field is never closed");
			char c = r->data[r->pos];
			if (c == '"') {
				if (r->pos + 1 < r->len && r->data[r->pos + 1] == '"') {
					itsma__buf_putc(&r->text, '"');
					r->pos += 2;
					r->column += 2;
					continue;
				}
				r->pos++;
				r->column++;
				break;
			}
			if (c == '\r' || c == '\n') {
				take_newline(r);
				itsma__buf_putc(&r->text, '\n');
				continue;
			}
			if ((rc = take_char(r, err)) < 0)
				return rc;
		}
		if (r->pos < r->len && !is_end_of_field(r))
			return fail(r, err, r->line, r->column, r->pos,
			            "unexpected character after a closing quote "
			            "(write a quote inside a quoted field as \"\")");
	} else {
		while (r->pos < r->len && !is_end_of_field(r))
			if ((rc = take_char(r, err)) < 0)
				return rc;
	}
	itsma__buf_putc(&r->text, '\0');
	return 0;
}

int itsma__csv_next(itsma__csv_reader *r, itsma_error *err)
{
	for (;;) {
		int quoted = 0, rc;
		if (r->pos >= r->len)
			return 0;
		r->count = 0;
		r->text.len = 0;
		for (;;) { /* one field per turn */
			size_t start;
			if (r->count == r->cap && itsma__grow((void **)&r->cells, &r->cap,
			                                      r->count + 1, sizeof *r->cells) < 0)
				return itsma__error_nomem(err);
			itsma__csv_field *c = &r->cells[r->count];
			c->line = r->line;
			c->column = r->column;
			c->offset = r->pos;
			if ((rc = read_field(r, &start, &quoted, err)) < 0)
				return rc;
			c->text = NULL; /* set below: the buffer may move while the row grows */
			c->len = r->text.len - 1 - start;
			r->count++;
			if (r->pos < r->len && r->data[r->pos] == r->delimiter) {
				r->pos++;
				r->column++;
				continue;
			}
			take_newline(r);
			break;
		}
		if (r->text.oom)
			return itsma__error_nomem(err);
		/* the texts lie one after the other, each with its NUL */
		for (size_t i = 0, at = 0; i < r->count; at += r->cells[i].len + 1, i++)
			r->cells[i].text = r->text.data + at;
		if (r->count == 1 && r->cells[0].len == 0 && !quoted)
			continue; /* a blank line */
		return 1;
	}
}
