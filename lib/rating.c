/* SPDX-License-Identifier: Apache-2.0 */
/* Rating letters and values, process attributes and calendar dates. */
#include "itsma/rating.h"
#include "internal/error.h"
#include "internal/rating.h"
#include "internal/enumword.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ITSMA_LETTER_NONE (a number, or no rating) has no word. */
ITSMA__ENUM_WORDS(letter, "a rating letter", { "N", ITSMA_LETTER_N },
                  { "P-", ITSMA_LETTER_P_MINUS }, { "P", ITSMA_LETTER_P },
                  { "P+", ITSMA_LETTER_P_PLUS }, { "L-", ITSMA_LETTER_L_MINUS },
                  { "L", ITSMA_LETTER_L }, { "L+", ITSMA_LETTER_L_PLUS }, { "F", ITSMA_LETTER_F })
static const double letter_values[] = { 0, 0, 23.75, 32.5, 41.25, 58.75, 67.5, 76.25, 100 };

double itsma_letter_achievement(itsma_letter letter)
{
	if ((int)letter < 0 || (int)letter > (int)ITSMA_LETTER_F)
		return 0;
	return letter_values[letter];
}

itsma_letter itsma_letter_from_achievement(double a) { return itsma__band_of(a); }

itsma_letter itsma_letter_band(itsma_letter letter)
{
	switch (letter) {
	case ITSMA_LETTER_P_MINUS:
	case ITSMA_LETTER_P_PLUS: return ITSMA_LETTER_P;
	case ITSMA_LETTER_L_MINUS:
	case ITSMA_LETTER_L_PLUS: return ITSMA_LETTER_L;
	default: return letter;
	}
}

/*
 * Length of the JSON number (RFC 8259 section 6) at the start of @p s, or 0 when there is
 * none: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?. No hex, no "inf"/"nan", no leading
 * "+" or ".", no white space: the rule of the JSON loader, whatever strtod would accept.
 */
static size_t json_number_length(const char *s)
{
	size_t n = 0;
	if (s[n] == '-')
		n++;
	if (s[n] == '0')
		n++;
	else if (s[n] >= '1' && s[n] <= '9')
		while (s[n] >= '0' && s[n] <= '9')
			n++;
	else
		return 0;
	if (s[n] == '.') {
		if (!(s[++n] >= '0' && s[n] <= '9'))
			return 0;
		while (s[n] >= '0' && s[n] <= '9')
			n++;
	}
	if (s[n] == 'e' || s[n] == 'E') {
		n++;
		if (s[n] == '+' || s[n] == '-')
			n++;
		if (!(s[n] >= '0' && s[n] <= '9'))
			return 0;
		while (s[n] >= '0' && s[n] <= '9')
			n++;
	}
	return n;
}

/*
 * The value of a JSON number of @p n bytes, whatever the program's locale: strtod reads
 * the decimal point of LC_NUMERIC, so the '.' is written as that locale's decimal point
 * (localeconv() answers for the calling thread's locale under uselocale()). Returns 0 and
 * sets *out, or -1 when the text is too long to convert here.
 */
static int json_number_value(double *out, const char *s, size_t n)
{
	char buf[128];
	const char *dp = localeconv()->decimal_point;
	size_t dpn = (dp && *dp) ? strlen(dp) : 1;
	size_t i, j = 0;
	char *end;
	if (!dp || !*dp)
		dp = ".";
	for (i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (j + dpn >= sizeof buf)
				return -1;
			memcpy(buf + j, dp, dpn);
			j += dpn;
		} else {
			if (j + 1 >= sizeof buf)
				return -1;
			buf[j++] = s[i];
		}
	}
	buf[j] = '\0';
	*out = strtod(buf, &end);
	return (size_t)(end - buf) == j ? 0 : -1;
}

int itsma_rating_parse(itsma_letter *letter_out, double *value_out, const char *text,
                       itsma_error *err)
{
	int i;
	size_t n;
	double v;

	itsma__error_reset(err);
	if (!text || !*text)
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "expected a rating: N, P-, P, P+, L-, L, L+, F or a number from 0 to 100");
	if (itsma__enum_parse(&i, &letter_words, text, NULL) == 0) {
		if (letter_out)
			*letter_out = (itsma_letter)i;
		if (value_out)
			*value_out = letter_values[i];
		return 0;
	}
	n = json_number_length(text);
	if (n > 0 && text[n] == '\0' && json_number_value(&v, text, n) == 0 && isfinite(v) &&
	    v >= 0 && v <= 100) {
		if (letter_out)
			*letter_out = ITSMA_LETTER_NONE;
		if (value_out)
			*value_out = v == 0 ? 0 : v; /* -0 is 0 */
		return 0;
	}
	return itsma__error_set(
	    err, ITSMA_EINVAL,
	    "expected a rating: N, P-, P, P+, L-, L, L+, F or a number from 0 to 100 "
	    "(written as in JSON: digits, an optional '.' and fraction, an optional exponent), not "
	    "\"%.40s\"",
	    text);
}

ITSMA__ENUM_WORDS(attribute, "a process attribute", { "PA1.1", ITSMA_PA1_1 },
                  { "PA2.1", ITSMA_PA2_1 }, { "PA2.2", ITSMA_PA2_2 }, { "PA3.1", ITSMA_PA3_1 },
                  { "PA3.2", ITSMA_PA3_2 }, { "PA4.1", ITSMA_PA4_1 }, { "PA4.2", ITSMA_PA4_2 },
                  { "PA5.1", ITSMA_PA5_1 }, { "PA5.2", ITSMA_PA5_2 })
/* The attributes an assessment may rate: all but PA1.1. */
static const itsma__enumwords rated_attribute_words = {
	"a rated process attribute", attribute_word_list + 1,
	sizeof attribute_word_list / sizeof attribute_word_list[0] - 1
};
static const int attribute_levels[] = { 1, 2, 2, 3, 3, 4, 4, 5, 5 };

const char *itsma_attribute_title(itsma_attribute a)
{
	static const char *const titles[ITSMA_ATTRIBUTE_COUNT] = {
		"Process performance",
		"Performance management",
		"Work product management",
		"Process definition",
		"Process deployment",
		"Quantitative analysis",
		"Quantitative control",
		"Process innovation",
		"Process innovation implementation"
	};
	if ((int)a < 0 || (int)a >= (int)ITSMA_ATTRIBUTE_COUNT)
		return "";
	return titles[a];
}

int itsma_attribute_level(itsma_attribute a)
{
	if ((int)a < 0 || (int)a >= (int)ITSMA_ATTRIBUTE_COUNT)
		return 0;
	return attribute_levels[a];
}

int itsma__attribute_parse_rated(itsma_attribute *out, const char *text, itsma_error *err)
{
	int v = 0;
	if (text && strcmp(text, itsma_attribute_name(ITSMA_PA1_1)) == 0)
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "PA1.1 is derived from the process's requirements and cannot be rated");
	if (itsma__enum_parse(&v, &rated_attribute_words, text, err) < 0)
		return ITSMA_EINVAL;
	if (out)
		*out = (itsma_attribute)v;
	return 0;
}

/* Days from civil (Howard Hinnant's algorithm). */
static long days_from_civil(long y, unsigned m, unsigned d)
{
	long era, yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (long)(m + (m > 2 ? -3 : 9)) + 2) / 5 + (long)d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int is_leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int itsma_date_parse(long *days_out, const char *s, itsma_error *err)
{
	static const unsigned mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	long y;
	unsigned m, d, dim;
	int i;

	itsma__error_reset(err);
	if (!s)
		goto bad;
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				goto bad;
		} else if (s[i] < '0' || s[i] > '9') {
			goto bad;
		}
	}
	if (s[10] != '\0')
		goto bad;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (unsigned)((s[5] - '0') * 10 + (s[6] - '0'));
	d = (unsigned)((s[8] - '0') * 10 + (s[9] - '0'));
	if (m < 1 || m > 12)
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "expected a calendar date YYYY-MM-DD: month %u of \"%s\" does not exist", m, s);
	dim = mdays[m - 1] + (m == 2 && is_leap(y));
	if (d < 1 || d > dim)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "expected a calendar date YYYY-MM-DD: \"%s\" does not "
		                        "exist (that month has %u days)",
		                        s, dim);
	if (days_out)
		*days_out = days_from_civil(y, m, d);
	return 0;
bad:
	return itsma__error_set(err, ITSMA_EINVAL,
	                        "expected a calendar date YYYY-MM-DD, not \"%.20s\"", s ? s : "");
}

char *itsma_date_format(char *buf, size_t size, long z)
{
	long era, doe, yoe, y, doy, mp, d, m;
	if (!buf)
		return NULL;
	if (size < ITSMA_DATE_SIZE) {
		if (size)
			buf[0] = '\0';
		return NULL;
	}
	/* 0000-01-01 and 9999-12-31; outside them z + 719468 could also overflow */
	if (z < -719528L || z > 2932896L) {
		buf[0] = '\0';
		return NULL;
	}
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	{
		unsigned uy = (unsigned)y, um = (unsigned)m, ud = (unsigned)d;
		buf[0] = (char)('0' + uy / 1000 % 10);
		buf[1] = (char)('0' + uy / 100 % 10);
		buf[2] = (char)('0' + uy / 10 % 10);
		buf[3] = (char)('0' + uy % 10);
		buf[4] = '-';
		buf[5] = (char)('0' + um / 10 % 10);
		buf[6] = (char)('0' + um % 10);
		buf[7] = '-';
		buf[8] = (char)('0' + ud / 10 % 10);
		buf[9] = (char)('0' + ud % 10);
		buf[10] = '\0';
	}
	return buf;
}
