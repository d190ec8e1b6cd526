/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Numbers as people read them in reports: trailing zeros dropped, percentages with one
 * decimal, signed differences, gains in points (internal).
 */
#include "internal/report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

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

const char *itsma__fmt_num(char *buf, double v, int decimals)
{
	if (isnan(v)) {
		strcpy(buf, "n/a");
		return buf;
	}
	snprintf(buf, 48, "%.*f", decimals, v);
	tidy(buf);
	return buf;
}

const char *itsma__fmt_pct(char *buf, double v)
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

const char *itsma__fmt_delta(char *buf, double v, int decimals)
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

const char *itsma__fmt_gain(char *buf, double gain)
{
	snprintf(buf, 48, "+%.2f", gain);
	return buf;
}
