/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Writing RFC 4180 CSV for the report: fields quoted where needed, rows ending with CRLF.
 * (Questionnaires are read and written by the library: itsma/questionnaire.h.)
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

void csv_field(csv_writer *w, const char *s)
{
	if (w->column++ > 0)
		sb_putc(&w->out, ',');
	size_t n = strlen(s);
	int quote = n > 0 && (strpbrk(s, ",\"\r\n") || s[0] == ' ' || s[n - 1] == ' ');
	if (!quote) {
		sb_puts(&w->out, s);
		return;
	}
	sb_putc(&w->out, '"');
	for (; *s; s++) {
		if (*s == '"')
			sb_putc(&w->out, '"');
		sb_putc(&w->out, *s);
	}
	sb_putc(&w->out, '"');
}

void csv_end_row(csv_writer *w)
{
	sb_puts(&w->out, "\r\n");
	w->column = 0;
}
