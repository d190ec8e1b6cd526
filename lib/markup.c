/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Text from documents made safe inside Markdown and HTML (internal).
 *
 * Markdown: every character that could start emphasis, a link, an image, raw HTML, a
 * table cell or a heading is backslash-escaped; the extended autolinks of GitHub's
 * Markdown ("www.", "scheme://", "name@host") are broken by escaping their '.', ':' or
 * '@'; a line break becomes a space and other controls are shown as "\x1b"-style escapes
 * (C1 controls and bidirectional overrides as "\u009b", as on a terminal: term.c), so no
 * text can start a line of its own or reorder the text around it. HTML: the five markup characters
 * as entities.
 */
#include "internal/report.h"

#include <stdio.h>
#include <string.h>

/* A control character shown as an escape, or 0 when @p c is not one. */
static int control(itsma__buf *b, unsigned char c)
{
	if (c >= 0x20 && c != 0x7f)
		return 0;
	if (c == '\n' || c == '\t')
		itsma__buf_putc(b, ' ');
	else if (c != '\r')
		itsma__buf_printf(b, "\\x%02x", c);
	return 1;
}

/* A character beyond ASCII as a terminal would show it (C1 controls, line separators and
 * bidirectional overrides escaped, bytes that are not UTF-8 as U+FFFD): a Markdown file is
 * often read with cat. Returns the bytes of @p s used. */
static size_t non_ascii(itsma__buf *b, const char *s)
{
	char rep[12];
	size_t len, n = itsma__term_unit((const unsigned char *)s, rep, &len);
	itsma__buf_append(b, rep, len);
	return n;
}

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* Whether s starts "www." (any case) at the start of a word. */
static int www_at(const char *start, const char *s)
{
	if (s > start && (is_alpha(s[-1]) || (s[-1] >= '0' && s[-1] <= '9')))
		return 0;
	return (s[0] == 'w' || s[0] == 'W') && (s[1] == 'w' || s[1] == 'W') &&
	       (s[2] == 'w' || s[2] == 'W') && s[3] == '.';
}

void itsma__md_escape(itsma__buf *b, const char *s)
{
	const char *start = s;
	for (; *s; s++) {
		char c = *s;
		if (control(b, (unsigned char)c))
			continue;
		if ((unsigned char)c >= 0x80) {
			s += non_ascii(b, s) - 1;
			continue;
		}
		if (strchr("\\`*_[]<>|#~@", c)) {
			itsma__buf_putc(b, '\\');
			itsma__buf_putc(b, c);
		} else if (c == '&' && (s[1] == '#' || is_alpha(s[1]))) {
			itsma__buf_puts(b, "\\&");
		} else if (c == ':' && s[1] == '/' && s[2] == '/') {
			itsma__buf_puts(b, "\\:");
		} else if (www_at(start, s)) {
			itsma__buf_append(b, s, 3);
			itsma__buf_puts(b, "\\.");
			s += 3;
		} else {
			itsma__buf_putc(b, c);
		}
	}
}

void itsma__md_code(itsma__buf *b, const char *s, int in_table)
{
	/* a fence one backtick longer than the longest run inside (CommonMark 6.1) */
	size_t run = 0, longest = 0, n = strlen(s);
	for (const char *p = s; *p; p++) {
		run = *p == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	int space = n > 0 && (s[0] == '`' || s[n - 1] == '`');
	itsma__buf_repeat(b, "`", longest + 1);
	if (space)
		itsma__buf_putc(b, ' ');
	for (; *s; s++) {
		if (control(b, (unsigned char)*s))
			continue;
		if ((unsigned char)*s >= 0x80) {
			s += non_ascii(b, s) - 1;
			continue;
		}
		if (*s == '|' && in_table)
			itsma__buf_putc(b, '\\');
		itsma__buf_putc(b, *s);
	}
	if (space)
		itsma__buf_putc(b, ' ');
	itsma__buf_repeat(b, "`", longest + 1);
}

void itsma__html_escape(itsma__buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': itsma__buf_puts(b, "&amp;"); break;
		case '<': itsma__buf_puts(b, "&lt;"); break;
		case '>': itsma__buf_puts(b, "&gt;"); break;
		case '"': itsma__buf_puts(b, "&quot;"); break;
		case '\'': itsma__buf_puts(b, "&#39;"); break;
		default: itsma__buf_putc(b, *s);
		}
	}
}
