/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Writing CSV cells: RFC 4180 quoting, and formula neutralisation as the OWASP "CSV
 * Injection" guidance recommends: a cell that starts with '=', '+', '-', '@', a tab or a
 * carriage return is prefixed with an apostrophe and quoted, so that a spreadsheet shows it
 * as text instead of running it. Plain numbers ("-1.5", "+3") are left as they are, so that
 * they stay numbers.
 */
#include "internal/csv.h"
#include "internal/csv_out.h"

#include <string.h>

static int is_trigger(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* [+-]digits[.digits]: a number a spreadsheet reads as a number, never as a formula. */
static int is_plain_number(const char *s)
{
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

/* Apostrophes followed by a trigger: a cell that reads back as one apostrophe shorter. */
static int is_guarded(const char *s)
{
	if (*s != '\'')
		return 0;
	while (*s == '\'')
		s++;
	return is_trigger(*s);
}

int itsma__csv_is_formula(const char *s)
{
	if (!s)
		return 0;
	/* a text that already looks guarded gets one more apostrophe, so that it reads back
	 * as itself */
	return (is_trigger(s[0]) && !is_plain_number(s)) || is_guarded(s);
}

char *itsma__csv_unneutralise(char *s) { return is_guarded(s) ? s + 1 : s; }

/* One cell into `b`: quoted when it must be, neutralised when `text` and a spreadsheet would
 * run it. The one cell writer of the library (questionnaires, reports, trends). */
static void put_cell(itsma__buf *b, char delimiter, const char *s, int text)
{
	if (!s || !*s)
		return;
	size_t n = strlen(s);
	int formula = text && itsma__csv_is_formula(s);
	int quote = formula || s[0] == ' ' || s[n - 1] == ' ' || strchr(s, delimiter) ||
	            strpbrk(s, "\"\r\n");
	if (!quote) {
		itsma__buf_append(b, s, n);
		return;
	}
	itsma__buf_putc(b, '"');
	if (formula)
		itsma__buf_putc(b, '\'');
	for (const char *q; (q = strchr(s, '"')) != NULL; s = q + 1) {
		itsma__buf_append(b, s, (size_t)(q - s) + 1); /* up to and with the quote */
		itsma__buf_putc(b, '"');
	}
	itsma__buf_puts(b, s);
	itsma__buf_putc(b, '"');
}

void itsma__csv_cell(itsma__csv_writer *w, const char *s)
{
	if (w->column++ > 0)
		itsma__buf_putc(w->out, w->delimiter);
	put_cell(w->out, w->delimiter, s, 1);
}

void itsma__csv_put(itsma__buf *b, const char *s, itsma__csv_kind kind)
{
	put_cell(b, ',', s, kind == ITSMA__CSV_TEXT);
}

void itsma__csv_end_row(itsma__csv_writer *w)
{
	itsma__buf_append(w->out, "\r\n", 2);
	w->column = 0;
}
