/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Percentages for messages, text made safe for Markdown and JSON, and today's date.
 * (Reports are rendered by the library: itsma/report.h.)
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

/* A number for `catalogue show` (weights), as the reports write them. */
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

void cli_today(char *buf)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

