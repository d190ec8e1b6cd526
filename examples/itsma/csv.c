/*
 * RFC 4180 CSV, as spreadsheets really write it: an optional UTF-8 byte-order mark, CRLF
 * or LF line endings, quoted fields holding commas, doubled quotes and line breaks.
 * Blank lines are skipped. Output is always quoted where needed and ends rows with CRLF.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct parser {
	const char *p, *end;
	long line;
	const char *line_start;
	const char *source;
} parser;

static long column_of(const parser *ps, const char *at)
{
	long col = 1;
	for (const char *q = ps->line_start; q < at; q++)
		if (((unsigned char)*q & 0xC0) != 0x80)
			col++;
	return col;
}

static void add_field(csv_row *row, size_t *cap, char *field)
{
	if (row->count == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		row->fields = xrealloc(row->fields, *cap * sizeof *row->fields);
	}
	row->fields[row->count++] = field;
}

static void free_row(csv_row *row)
{
	for (size_t i = 0; i < row->count; i++)
		free(row->fields[i]);
	free(row->fields);
}

/* Consume a line break at ps->p if there is one; returns 1 if it did. */
static int take_newline(parser *ps)
{
	if (ps->p < ps->end && *ps->p == '\r') {
		ps->p++;
		if (ps->p < ps->end && *ps->p == '\n')
			ps->p++;
	} else if (ps->p < ps->end && *ps->p == '\n') {
		ps->p++;
	} else {
		return 0;
	}
	ps->line++;
	ps->line_start = ps->p;
	return 1;
}

int csv_parse(csv_table *out, const char *data, size_t len, const char *source)
{
	parser ps = { data, data + len, 1, data, source };
	size_t rows_cap = 0;
	sb field = SB_INIT;

	out->rows = NULL;
	out->count = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		ps.p += 3;
		ps.line_start = ps.p;
	}
	while (ps.p < ps.end) {
		csv_row row = { NULL, 0, ps.line };
		size_t cap = 0;
		for (;;) { /* one field per turn */
			sb_clear(&field);
			if (ps.p < ps.end && *ps.p == '"') {
				const char *open = ps.p;
				long open_line = ps.line;
				const char *open_line_start = ps.line_start;
				ps.p++;
				for (;;) {
					if (ps.p >= ps.end) {
						ps.line = open_line;
						ps.line_start = open_line_start;
						fprintf(stderr, "%s:%ld:%ld: a quoted field is never closed\n", source,
						        open_line, column_of(&ps, open));
						goto fail;
					}
					if (*ps.p == '"') {
						if (ps.p + 1 < ps.end && ps.p[1] == '"') {
							sb_putc(&field, '"');
							ps.p += 2;
							continue;
						}
						ps.p++;
						break;
					}
					if (*ps.p == '\r' || *ps.p == '\n') {
						/* a line break inside the field: kept as "\n" */
						take_newline(&ps);
						sb_putc(&field, '\n');
						continue;
					}
					sb_putc(&field, *ps.p++);
				}
				if (ps.p < ps.end && *ps.p != ',' && *ps.p != '\r' && *ps.p != '\n') {
					fprintf(stderr,
					        "%s:%ld:%ld: unexpected character after a closing quote "
					        "(write a quote inside a quoted field as \"\")\n",
					        source, ps.line, column_of(&ps, ps.p));
					goto fail;
				}
			} else {
				while (ps.p < ps.end && *ps.p != ',' && *ps.p != '\r' && *ps.p != '\n')
					sb_putc(&field, *ps.p++);
			}
			add_field(&row, &cap, xstrndup(sb_str(&field), field.len));
			if (ps.p < ps.end && *ps.p == ',') {
				ps.p++;
				continue;
			}
			take_newline(&ps);
			break;
		}
		if (row.count == 1 && row.fields[0][0] == '\0') {
			free_row(&row); /* a blank line */
			continue;
		}
		if (out->count == rows_cap) {
			rows_cap = rows_cap ? rows_cap * 2 : 64;
			out->rows = xrealloc(out->rows, rows_cap * sizeof *out->rows);
		}
		out->rows[out->count++] = row;
		continue;
	fail:
		free_row(&row);
		sb_free(&field);
		csv_free(out);
		return -1;
	}
	sb_free(&field);
	return 0;
}

void csv_free(csv_table *t)
{
	for (size_t i = 0; i < t->count; i++)
		free_row(&t->rows[i]);
	free(t->rows);
	t->rows = NULL;
	t->count = 0;
}

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
