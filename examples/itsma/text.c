/*
 * Numbers as people read them, and text made safe for Markdown, HTML and JSON.
 */
#include "cli.h"

#include <math.h>
#include <string.h>
#include <stdlib.h>
#include <time.h>

/* Drop trailing zeros of a decimal number and turn "-0" into "0". */
static void tidy(char *buf)
{
	if (strchr(buf, '.')) {
		size_t n = strlen(buf);
		while (n > 0 && buf[n - 1] == '0')
			buf[--n] = '\0';
		if (n > 0 && buf[n - 1] == '.')
			buf[--n] = '\0';
	}
	if (strcmp(buf, "-0") == 0)
		strcpy(buf, "0");
}

const char *fmt_num(char *buf, double v, int decimals)
{
	if (isnan(v)) {
		strcpy(buf, "n/a");
		return buf;
	}
	snprintf(buf, 48, "%.*f", decimals, v);
	tidy(buf);
	return buf;
}

const char *fmt_pct(char *buf, double v)
{
	if (isnan(v)) {
		strcpy(buf, "n/a");
		return buf;
	}
	snprintf(buf, 48, "%.1f%%", v);
	if (strncmp(buf, "-0.0%", 5) == 0)
		strcpy(buf, "0.0%");
	return buf;
}

const char *fmt_delta(char *buf, double v, int decimals)
{
	if (isnan(v)) {
		strcpy(buf, "n/a");
		return buf;
	}
	snprintf(buf, 48, "%+.*f", decimals, v);
	/* "+0.0" and "-0.0" are no change at all */
	int zero = 1;
	for (const char *p = buf + 1; *p; p++)
		if (*p != '0' && *p != '.')
			zero = 0;
	if (zero)
		memmove(buf, buf + 1, strlen(buf));
	return buf;
}

void md_escape(sb *b, const char *s)
{
	for (; *s; s++) {
		char c = *s;
		if (c == '\r')
			continue;
		if (c == '\n') {
			sb_putc(b, ' ');
			continue;
		}
		if (strchr("\\`*_[]<>|#~", c) && c) {
			sb_putc(b, '\\');
			sb_putc(b, c);
		} else if (c == '&' && (s[1] == '#' || (s[1] >= 'a' && s[1] <= 'z') ||
		                        (s[1] >= 'A' && s[1] <= 'Z'))) {
			sb_puts(b, "\\&");
		} else {
			sb_putc(b, c);
		}
	}
}

void html_escape(sb *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': sb_puts(b, "&amp;"); break;
		case '<': sb_puts(b, "&lt;"); break;
		case '>': sb_puts(b, "&gt;"); break;
		case '"': sb_puts(b, "&quot;"); break;
		case '\'': sb_puts(b, "&#39;"); break;
		default: sb_putc(b, *s);
		}
	}
}

void json_escape(sb *b, const char *s)
{
	sb_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': sb_puts(b, "\\\""); break;
		case '\\': sb_puts(b, "\\\\"); break;
		case '\n': sb_puts(b, "\\n"); break;
		case '\r': sb_puts(b, "\\r"); break;
		case '\t': sb_puts(b, "\\t"); break;
		case '\b': sb_puts(b, "\\b"); break;
		case '\f': sb_puts(b, "\\f"); break;
		default:
			if (*p < 0x20)
				sb_printf(b, "\\u%04x", *p);
			else
				sb_putc(b, (char)*p);
		}
	}
	sb_putc(b, '"');
}

size_t utf8_width(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

void sb_put_fitted(sb *b, const char *s, size_t width, int pad)
{
	size_t w = utf8_width(s);
	if (w <= width) {
		sb_puts(b, s);
		if (pad)
			sb_repeat(b, " ", width - w);
		return;
	}
	if (width == 0)
		return;
	/* keep width - 1 code points, then an ellipsis */
	size_t kept = 0;
	const char *p = s;
	while (*p) {
		if (((unsigned char)*p & 0xC0) != 0x80) {
			if (kept == width - 1)
				break;
			kept++;
		}
		p++;
	}
	/* no trailing space before the ellipsis */
	const char *q = p;
	while (q > s && q[-1] == ' ')
		q--;
	sb_putn(b, s, (size_t)(q - s));
	sb_puts(b, "\xE2\x80\xA6");
	if (pad)
		sb_repeat(b, " ", width - (kept - (size_t)(p - q)) - 1);
}

void cli_today(char *buf)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

void sb_wrap(sb *b, const char *text, size_t indent, size_t width)
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
		char *word = xstrndup(p, (size_t)(end - p));
		size_t w = utf8_width(word);
		if (col > indent && col + 1 + w > width) {
			sb_putc(b, '\n');
			sb_repeat(b, " ", indent);
			col = indent;
		} else if (col > indent) {
			sb_putc(b, ' ');
			col++;
		}
		sb_puts(b, word);
		col += w;
		free(word);
		p = end;
	}
}
