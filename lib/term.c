/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Text for a terminal that cannot attack it (internal, and itsma_terminal_escape()).
 *
 * Text from a document reaches the terminal only as printable characters: C0 controls
 * (ESC, BEL, CR, LF, tab, ...) and DEL become "\x1b"-style escapes, C1 controls and the
 * Unicode line separators and bidirectional overrides become "\u009b"-style escapes, and
 * bytes that are not UTF-8 become U+FFFD. So no escape sequence, OSC hyperlink or title
 * change can come from a catalogue or an assessment, and a newline in a title cannot forge
 * a line of the report. Columns are fitted by whole characters: a cut never falls inside a
 * UTF-8 sequence or an escape. ANSI colours are the report's own.
 */
#include "internal/report.h"
#include "internal/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t itsma__term_unit(const unsigned char *p, char *rep, size_t *rep_len)
{
	unsigned char c = p[0];
	unsigned long cp;
	size_t n, i;
	if (c < 0x20 || c == 0x7f) {
		*rep_len = (size_t)snprintf(rep, 12, "\\x%02x", c);
		return 1;
	}
	if (c < 0x80) {
		rep[0] = (char)c;
		*rep_len = 1;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		cp = c & 0x07;
	} else {
		goto invalid;
	}
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			goto invalid;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		goto invalid;
	if ((cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) {
		*rep_len = (size_t)snprintf(rep, 12, "\\u%04lx", cp);
		return n;
	}
	memcpy(rep, p, n);
	*rep_len = n;
	return n;
invalid:
	memcpy(rep, "\xEF\xBF\xBD", 3);
	*rep_len = 3;
	return 1;
}

/* Columns a shown character takes: one per code point. */
static size_t rep_width(const char *rep, size_t len)
{
	size_t w = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)rep[i] & 0xC0) != 0x80)
			w++;
	return w;
}

/* Append the bytes [s, end) escaped; returns the columns they take. */
static size_t put_range(itsma__buf *b, const char *s, const char *end)
{
	char rep[12];
	size_t len, w = 0;
	while (s < end) {
		s += itsma__term_unit((const unsigned char *)s, rep, &len);
		if (b)
			itsma__buf_append(b, rep, len);
		w += rep_width(rep, len);
	}
	return w;
}

void itsma__term_put(itsma__buf *b, const char *s) { put_range(b, s, s + strlen(s)); }

size_t itsma__term_width(const char *s) { return put_range(NULL, s, s + strlen(s)); }

void itsma__term_fit(itsma__buf *b, const char *s, size_t width, int pad)
{
	char rep[12];
	size_t len, w = itsma__term_width(s);
	if (w <= width) {
		itsma__term_put(b, s);
		if (pad)
			itsma__buf_spaces(b, width - w);
		return;
	}
	if (width == 0)
		return;
	/* keep the characters that fit in width - 1 columns, then an ellipsis */
	const char *p = s, *keep = s;
	size_t kept = 0, keep_w = 0;
	while (*p) {
		size_t n = itsma__term_unit((const unsigned char *)p, rep, &len),
		       rw = rep_width(rep, len);
		if (kept + rw > width - 1)
			break;
		kept += rw;
		p += n;
		/* no trailing space before the ellipsis */
		if (!(len == 1 && rep[0] == ' ')) {
			keep = p;
			keep_w = kept;
		}
	}
	put_range(b, s, keep);
	itsma__buf_puts(b, "\xE2\x80\xA6");
	if (pad)
		itsma__buf_spaces(b, width - keep_w - 1);
}

void itsma__term_wrap(itsma__buf *b, const char *text, size_t indent, size_t width)
{
	size_t col = indent;
	const char *p = text;
	while (*p) {
		while (*p == ' ')
			p++;
		const char *end = p;
		while (*end && *end != ' ')
			end++;
		if (end == p)
			break;
		size_t w = put_range(NULL, p, end);
		if (col > indent && col + 1 + w > width) {
			itsma__buf_putc(b, '\n');
			itsma__buf_spaces(b, indent);
			col = indent;
		} else if (col > indent) {
			itsma__buf_putc(b, ' ');
			col++;
		}
		put_range(b, p, end);
		col += w;
		p = end;
	}
}

void itsma__term_printf(itsma__buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	while (*fmt) {
		const char *pct = strchr(fmt, '%');
		if (!pct) {
			itsma__buf_puts(b, fmt);
			break;
		}
		itsma__buf_append(b, fmt, (size_t)(pct - fmt));
		fmt = pct + 1;
		if (*fmt == 's') {
			itsma__term_put(b, va_arg(ap, const char *));
			fmt++;
		} else if (*fmt == 'd') {
			itsma__buf_printf(b, "%d", va_arg(ap, int));
			fmt++;
		} else if (fmt[0] == 'z' && fmt[1] == 'u') {
			itsma__buf_printf(b, "%zu", va_arg(ap, size_t));
			fmt += 2;
		} else {
			itsma__buf_putc(b, '%');
			if (*fmt == '%')
				fmt++;
		}
	}
	va_end(ap);
}

const char *itsma__col(int enabled, itsma__colour c)
{
	static const char *const seq[] = { "\033[0m",  "\033[1m",  "\033[2m",
		                           "\033[31m", "\033[32m", "\033[33m",
		                           "\033[34m", "\033[35m", "\033[36m" };
	if (!enabled || (size_t)c >= sizeof seq / sizeof seq[0])
		return "";
	return seq[c];
}

itsma__colour itsma__letter_colour(itsma_letter l)
{
	switch (itsma_letter_band(l)) {
	case ITSMA_LETTER_N: return ITSMA__COL_RED;
	case ITSMA_LETTER_P: return ITSMA__COL_YELLOW;
	case ITSMA_LETTER_L: return ITSMA__COL_CYAN;
	case ITSMA_LETTER_F: return ITSMA__COL_GREEN;
	default: return ITSMA__COL_DIM;
	}
}

itsma__colour itsma__verdict_colour(itsma_verdict v)
{
	switch (v) {
	case ITSMA_VERDICT_CONFORMANT: return ITSMA__COL_GREEN;
	case ITSMA_VERDICT_CONDITIONAL: return ITSMA__COL_CYAN;
	case ITSMA_VERDICT_INCOMPLETE: return ITSMA__COL_YELLOW;
	default: return ITSMA__COL_RED;
	}
}

int itsma_terminal_escape(char **out, const char *text, itsma_error *err)
{
	itsma__error_reset(err);
	itsma__buf b = ITSMA__BUF_INIT;
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "itsma_terminal_escape: out is NULL");
	*out = NULL;
	if (!text)
		return itsma__error_set(err, ITSMA_EINVAL, "itsma_terminal_escape: text is NULL");
	itsma__term_put(&b, text);
	return itsma__buf_finish(&b, out, err);
}
