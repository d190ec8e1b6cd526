/* SPDX-License-Identifier: Apache-2.0 */
/* Errors, version, rating scale, attributes, dates and number formatting. */
#include "harness.h"

#include <limits.h>

#include "internal/buf.h"
#include "internal/fenwick.h"
#include "internal/strmap.h"

#include <locale.h>
#include <sys/wait.h>
#include <unistd.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_core__strerror_and_names(void)
{
	static const int codes[] = { ITSMA_OK,      ITSMA_ERROR,  ITSMA_ENOMEM,  ITSMA_EINVAL,
		                     ITSMA_EIO,     ITSMA_EPARSE, ITSMA_ESCHEMA, ITSMA_ENOTFOUND,
		                     ITSMA_EEXISTS, ITSMA_ELIMIT };
	size_t i;
	for (i = 0; i < sizeof codes / sizeof *codes; i++) {
		CU_ASSERT_PTR_NOT_NULL(itsma_strerror(codes[i]));
		CU_ASSERT_STRING_NOT_EQUAL(itsma_strerror(codes[i]), "unknown error");
		CU_ASSERT_STRING_NOT_EQUAL(itsma_error_code_name(codes[i]), "");
	}
	CU_ASSERT_STRING_EQUAL(itsma_strerror(-99), "unknown error");
	CU_ASSERT_STRING_EQUAL(itsma_error_code_name(-99), "");
	CU_ASSERT_STRING_EQUAL(itsma_error_code_name(ITSMA_ESCHEMA), "ITSMA_ESCHEMA");
}

static void test_core__error_format_and_clear(void)
{
	itsma_error e = ITSMA_ERROR_INIT;
	char buf[300], tiny[8];
	e.code = ITSMA_ESCHEMA;
	strcpy(e.message, "bad");
	CU_ASSERT_EQUAL(itsma_error_format(buf, sizeof buf, &e), 3);
	CU_ASSERT_STRING_EQUAL(buf, "bad");
	strcpy(e.source, "a.json");
	itsma_error_format(buf, sizeof buf, &e);
	CU_ASSERT_STRING_EQUAL(buf, "a.json: bad");
	strcpy(e.pointer, "/x/0");
	itsma_error_format(buf, sizeof buf, &e);
	CU_ASSERT_STRING_EQUAL(buf, "a.json: /x/0: bad");
	e.line = 3;
	e.column = 7;
	itsma_error_format(buf, sizeof buf, &e);
	CU_ASSERT_STRING_EQUAL(buf, "a.json:3:7: /x/0: bad");
	e.pointer[0] = '\0';
	itsma_error_format(buf, sizeof buf, &e);
	CU_ASSERT_STRING_EQUAL(buf, "a.json:3:7: bad");
	CU_ASSERT_EQUAL(itsma_error_format(tiny, sizeof tiny, &e), strlen("a.json:3:7: bad"));
	CU_ASSERT_EQUAL(strlen(tiny), 7);
	e.source[0] = '\0';
	strcpy(e.pointer, "/p");
	itsma_error_format(buf, sizeof buf, &e);
	CU_ASSERT_STRING_EQUAL(buf, "/p: bad");
	e.message[0] = '\0';
	e.pointer[0] = '\0';
	itsma_error_format(buf, sizeof buf, &e);
	CU_ASSERT_STRING_EQUAL(buf, "invalid document");
	itsma_error_clear(&e);
	CU_ASSERT_EQUAL(e.code, 0);
	CU_ASSERT_EQUAL(e.line, 0);
	CU_ASSERT_STRING_EQUAL(e.message, "");
	itsma_error_clear(NULL);
}

static void test_core__long_messages_are_truncated_safely(void)
{
	/* a 300-character id in an error message must not overflow the struct */
	itsma_error e = ITSMA_ERROR_INIT;
	itsma_catalogue *c = NULL;
	char doc[1200];
	char id[301];
	memset(id, 'a', 300);
	id[300] = '\0';
	snprintf(doc, sizeof doc,
	         "{\"format\": \"itsma-catalogue/1\", \"id\": \"%s\", \"title\": \"t\", "
	         "\"sections\": []}",
	         id);
	CU_ASSERT_EQUAL(itsma_catalogue_load_buffer(&c, doc, strlen(doc), NULL, NULL, &e),
	                ITSMA_ESCHEMA);
	CU_ASSERT(strlen(e.message) < ITSMA_ERROR_MESSAGE_LENGTH);
	CU_ASSERT_STRING_EQUAL(e.pointer, "/id");
}

static void test_core__version(void)
{
	char v[32];
	snprintf(v, sizeof v, "%d.%d.%d", ITSMA_VERSION_MAJOR, ITSMA_VERSION_MINOR,
	         ITSMA_VERSION_PATCH);
	CU_ASSERT_STRING_EQUAL(itsma_version(), ITSMA_VERSION);
	CU_ASSERT_STRING_EQUAL(itsma_version(), v);
	CU_ASSERT_EQUAL(itsma_version_number(), (unsigned)ITSMA_VERSION_NUMBER);
	CU_ASSERT_TRUE(ITSMA_VERSION_CHECK(0, 0, 0));
	CU_ASSERT_FALSE(ITSMA_VERSION_CHECK(999, 0, 0));
}

static void test_core__letters_and_bands(void)
{
	static const char *const names[] = { "N", "P-", "P", "P+", "L-", "L", "L+", "F" };
	static const double values[] = { 0, 23.75, 32.5, 41.25, 58.75, 67.5, 76.25, 100 };
	static const itsma_letter bands[] = { ITSMA_LETTER_N, ITSMA_LETTER_P, ITSMA_LETTER_P,
		                              ITSMA_LETTER_P, ITSMA_LETTER_L, ITSMA_LETTER_L,
		                              ITSMA_LETTER_L, ITSMA_LETTER_F };
	int i;
	for (i = 0; i < 8; i++) {
		itsma_letter l = (itsma_letter)(ITSMA_LETTER_N + i), got;
		double v;
		CU_ASSERT_STRING_EQUAL(itsma_letter_name(l), names[i]);
		ASSERT_NEAR(itsma_letter_achievement(l), values[i]);
		CU_ASSERT_EQUAL(itsma_letter_band(l), bands[i]);
		/* each refined letter's value falls in its own band */
		CU_ASSERT_EQUAL(itsma_letter_from_achievement(values[i]), bands[i]);
		CU_ASSERT_EQUAL(itsma_rating_parse(&got, &v, names[i], NULL), 0);
		CU_ASSERT_EQUAL(got, l);
		ASSERT_NEAR(v, values[i]);
	}
	CU_ASSERT_STRING_EQUAL(itsma_letter_name(ITSMA_LETTER_NONE), "");
	CU_ASSERT_STRING_EQUAL(itsma_letter_name((itsma_letter)42), "");
	ASSERT_NEAR(itsma_letter_achievement((itsma_letter)42), 0);
	/* ISO/IEC 33020 band edges */
	CU_ASSERT_EQUAL(itsma_letter_from_achievement(0), ITSMA_LETTER_N);
	CU_ASSERT_EQUAL(itsma_letter_from_achievement(15), ITSMA_LETTER_N);
	CU_ASSERT_EQUAL(itsma_letter_from_achievement(15.0001), ITSMA_LETTER_P);
	CU_ASSERT_EQUAL(itsma_letter_from_achievement(50), ITSMA_LETTER_P);
	CU_ASSERT_EQUAL(itsma_letter_from_achievement(50.0001), ITSMA_LETTER_L);
	CU_ASSERT_EQUAL(itsma_letter_from_achievement(85), ITSMA_LETTER_L);
	CU_ASSERT_EQUAL(itsma_letter_from_achievement(85.0001), ITSMA_LETTER_F);
	CU_ASSERT_EQUAL(itsma_letter_from_achievement(100), ITSMA_LETTER_F);
}

static void test_core__rating_parse_numbers_and_errors(void)
{
	itsma_letter l;
	double v;
	itsma_error e = ITSMA_ERROR_INIT;
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "72.5", &e), 0);
	CU_ASSERT_EQUAL(l, ITSMA_LETTER_NONE);
	ASSERT_NEAR(v, 72.5);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "0", &e), 0);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "100", &e), 0);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "100.01", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "-1", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "l", &e), ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "expected a rating"));
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, NULL, &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "50x", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "nan", &e), ITSMA_EINVAL);
	/* the JSON number rule, not strtod's: no hex, no leading '.', '+' or space */
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "0x10", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "0X1p4", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, ".5", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "5.", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "+5", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, " 5", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "05", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "1e400", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "72,5", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "5e1", &e), 0);
	ASSERT_NEAR(v, 50);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "-0", &e), 0);
	CU_ASSERT_EQUAL(v, 0);
	CU_ASSERT_FALSE(signbit(v));
}

static void test_core__rating_parse_ignores_the_locale(void)
{
	/* under a comma-decimal locale, "72.5" is still 72.5 and "72,5" still refused */
	static const char *const locales[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8" };
	itsma_letter l;
	double v = 0;
	size_t i;
	int set = 0;
	for (i = 0; i < sizeof locales / sizeof *locales && !set; i++)
		set = setlocale(LC_NUMERIC, locales[i]) != NULL;
	if (!set)
		fprintf(stderr,
		        "  (no comma-decimal locale installed: checked under \"C\" only)\n");
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "72.5", NULL), 0);
	ASSERT_NEAR(v, 72.5);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "72,5", NULL), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_parse(&l, &v, "1.25e1", NULL), 0);
	ASSERT_NEAR(v, 12.5);
	setlocale(LC_NUMERIC, "C");
}

static void test_core__attributes(void)
{
	static const char *const names[] = { "PA1.1", "PA2.1", "PA2.2", "PA3.1", "PA3.2",
		                             "PA4.1", "PA4.2", "PA5.1", "PA5.2" };
	static const int levels[] = { 1, 2, 2, 3, 3, 4, 4, 5, 5 };
	itsma_attribute a;
	itsma_error e = ITSMA_ERROR_INIT;
	int i;
	for (i = 0; i < (int)ITSMA_ATTRIBUTE_COUNT; i++) {
		CU_ASSERT_STRING_EQUAL(itsma_attribute_name((itsma_attribute)i), names[i]);
		CU_ASSERT_EQUAL(itsma_attribute_level((itsma_attribute)i), levels[i]);
		CU_ASSERT_EQUAL(itsma_attribute_parse(&a, names[i], &e), 0);
		CU_ASSERT_EQUAL((int)a, i);
	}
	CU_ASSERT_EQUAL(itsma_attribute_parse(&a, "PA6.1", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_attribute_parse(&a, NULL, &e), ITSMA_EINVAL);
	CU_ASSERT_STRING_EQUAL(itsma_attribute_name(ITSMA_ATTRIBUTE_COUNT), "");
	CU_ASSERT_EQUAL(itsma_attribute_level(ITSMA_ATTRIBUTE_COUNT), 0);
}

static void test_core__dates(void)
{
	long d;
	char buf[11];
	itsma_error e = ITSMA_ERROR_INIT;
	CU_ASSERT_EQUAL(itsma_date_parse(&d, "1970-01-01", &e), 0);
	CU_ASSERT_EQUAL(d, 0);
	CU_ASSERT_EQUAL(itsma_date_parse(&d, "2024-02-29", &e), 0); /* leap year */
	CU_ASSERT_STRING_EQUAL(itsma_date_format(buf, sizeof buf, d), "2024-02-29");
	CU_ASSERT_EQUAL(itsma_date_parse(&d, "2000-02-29", &e), 0); /* divisible by 400 */
	CU_ASSERT_EQUAL(itsma_date_parse(&d, "1900-02-29", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_date_parse(&d, "2026-02-29", &e), ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "does not exist"));
	CU_ASSERT_EQUAL(itsma_date_parse(&d, "2026-04-31", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_date_parse(&d, "2026-00-10", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_date_parse(&d, "2026-12-00", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_date_parse(&d, "2026-1-01", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_date_parse(&d, "2026-01-011", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_date_parse(&d, NULL, &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_date_parse(NULL, "1999-12-31", &e), 0);
	CU_ASSERT_EQUAL(itsma_date_parse(&d, "1969-12-31", &e), 0);
	CU_ASSERT_EQUAL(d, -1);
	CU_ASSERT_STRING_EQUAL(itsma_date_format(buf, sizeof buf, -1), "1969-12-31");
	CU_ASSERT_EQUAL(itsma_date_parse(&d, "2026-11-20", &e), 0);
	CU_ASSERT_STRING_EQUAL(itsma_date_format(buf, sizeof buf, d), "2026-11-20");
	CU_ASSERT_STRING_EQUAL(itsma_date_format(buf, sizeof buf, d + 11), "2026-12-01");
}

/* itsma_date_format() writes within the size it is given and refuses what it cannot write. */
static void test_core__date_format_size_and_range(void)
{
	char buf[ITSMA_DATE_SIZE + 4];
	long first = 0, last = 0;
	CU_ASSERT_EQUAL(ITSMA_DATE_SIZE, 11);
	/* too small: NULL, an empty string, nothing written past the size */
	memset(buf, 'x', sizeof buf);
	CU_ASSERT_PTR_NULL(itsma_date_format(buf, ITSMA_DATE_SIZE - 1, 0));
	CU_ASSERT_EQUAL(buf[0], '\0');
	CU_ASSERT_EQUAL(buf[1], 'x');
	memset(buf, 'x', sizeof buf);
	CU_ASSERT_PTR_NULL(itsma_date_format(buf, 0, 0));
	CU_ASSERT_EQUAL(buf[0], 'x');
	CU_ASSERT_PTR_NULL(itsma_date_format(NULL, sizeof buf, 0));
	/* exactly the size: the date and its NUL, nothing after */
	memset(buf, 'x', sizeof buf);
	CU_ASSERT_PTR_EQUAL(itsma_date_format(buf, ITSMA_DATE_SIZE, 0), buf);
	CU_ASSERT_STRING_EQUAL(buf, "1970-01-01");
	CU_ASSERT_EQUAL(buf[ITSMA_DATE_SIZE], 'x');
	/* the years YYYY-MM-DD can write, and no further (it used to write 9999 instead) */
	ASSERT_OK(itsma_date_parse(&first, "0000-01-01", ASSERT_ERR));
	ASSERT_OK(itsma_date_parse(&last, "9999-12-31", ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(itsma_date_format(buf, sizeof buf, first), "0000-01-01");
	CU_ASSERT_STRING_EQUAL(itsma_date_format(buf, sizeof buf, last), "9999-12-31");
	CU_ASSERT_PTR_NULL(itsma_date_format(buf, sizeof buf, last + 1));
	CU_ASSERT_EQUAL(buf[0], '\0');
	CU_ASSERT_PTR_NULL(itsma_date_format(buf, sizeof buf, first - 1));
	CU_ASSERT_PTR_NULL(itsma_date_format(buf, sizeof buf, LONG_MAX));
	CU_ASSERT_PTR_NULL(itsma_date_format(buf, sizeof buf, LONG_MIN));
}

static void test_core__number_formatting_is_shortest_round_trip(void)
{
	char b[40];
	itsma__format_number(b, 1);
	CU_ASSERT_STRING_EQUAL(b, "1");
	itsma__format_number(b, 67.5);
	CU_ASSERT_STRING_EQUAL(b, "67.5");
	itsma__format_number(b, 0.15);
	CU_ASSERT_STRING_EQUAL(b, "0.15");
	itsma__format_number(b, 100.0 / 3);
	CU_ASSERT_EQUAL(strtod(b, NULL), 100.0 / 3);
	itsma__format_number(b, -0.0);
	CU_ASSERT_STRING_EQUAL(b, "0");
	itsma__format_number(b, 0.0 / 0.0);
	CU_ASSERT_STRING_EQUAL(b, "null");
	itsma__format_number(b, 1e300);
	CU_ASSERT_EQUAL(strtod(b, NULL), 1e300);
}

/* The shortest text by definition: the least precision whose text reads back as v. */
static void shortest(char *buf, double v)
{
	int p;
	for (p = 1; p < 17; p++) {
		snprintf(buf, 40, "%.*g", p, v);
		if (strtod(buf, NULL) == v)
			return;
	}
	snprintf(buf, 40, "%.17g", v);
}

static void test_core__number_formatting_matches_the_definition(void)
{
	/* short, 15-, 16- and 17-digit texts, near powers of ten, huge, tiny and subnormal */
	static const double fixed[] = { 0.1,
		                        0.3,
		                        0.1 + 0.2,
		                        1.0 / 3,
		                        2.0 / 3,
		                        100.0 / 7,
		                        1e-5,
		                        123456789012345.6,
		                        1e15,
		                        1e16 + 2,
		                        9.999999999999999e22,
		                        1e23,
		                        5e-324,
		                        2.2250738585072014e-308,
		                        2.2250738585072009e-308,
		                        1.7976931348623157e308,
		                        4.9406564584124654e-320,
		                        0.000377929,
		                        85.00000000000001 };
	char got[40], want[40];
	unsigned long long x = 0x9E3779B97F4A7C15ULL;
	size_t i;
	for (i = 0; i < sizeof fixed / sizeof *fixed + 220000; i++) {
		double v;
		if (i < sizeof fixed / sizeof *fixed) {
			v = fixed[i];
		} else {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			if (i % 11 < 10) {
				/* few decimals (most figures are): k / 10^d, also just beside it,
				 * near the bounds of the short path (1e-4 and 1e9) and beyond them
				 */
				static const double p10[] = { 1,   10,  100, 1e3, 1e4,
					                      1e5, 1e6, 1e7, 1e8 };
				int d = (int)(x % 9), e = (int)(x / 9 % 15) - 5;
				double k = (double)(x >> 20 & ((1ULL << (x / 135 % 40 + 1)) - 1));
				v = k / p10[d] * (e < 0 ? 1.0 / p10[-e < 9 ? -e : 8] : 1.0);
				if (x / 7 % 5 == 0)
					v = nextafter(v, x & 1 ? 0 : 2e9);
				if (x & 2)
					v = -v;
			} else {
				memcpy(&v, &x, sizeof v);
			}
			if (!isfinite(v))
				continue;
		}
		if (v == 0 || (fabs(v) < 1e15 && v == (double)(long long)v))
			continue; /* written as integers */
		itsma__format_number(got, v);
		shortest(want, v);
		if (strcmp(got, want) != 0) {
			fprintf(stderr, "%.17g: %s, expected %s\n", v, got, want);
			CU_FAIL("not the shortest round-trip text");
			break;
		}
	}
}

/* JSON strings: every byte from 1 to 255, after text already in the buffer and followed by
 * more, comes out as itself or as JSON's escape for it (one pass writing into the buffer,
 * so the buffer grows and keeps what was before). */
static void test_core__json_strings_escape_exactly(void)
{
	char in[256], want[2048], *w = want;
	itsma__buf b = ITSMA__BUF_INIT;
	int c;
	for (c = 1; c < 256; c++)
		in[c - 1] = (char)c;
	in[255] = '\0';
	w += sprintf(w, "x\"");
	for (c = 1; c < 256; c++) {
		switch (c) {
		case '"': w += sprintf(w, "\\\""); break;
		case '\\': w += sprintf(w, "\\\\"); break;
		case '\n': w += sprintf(w, "\\n"); break;
		case '\r': w += sprintf(w, "\\r"); break;
		case '\t': w += sprintf(w, "\\t"); break;
		case '\b': w += sprintf(w, "\\b"); break;
		case '\f': w += sprintf(w, "\\f"); break;
		default:
			if (c < 0x20)
				w += sprintf(w, "\\u%04x", c);
			else
				*w++ = (char)c;
		}
	}
	w += sprintf(w, "\"y\"\"null");
	itsma__buf_putc(&b, 'x');
	itsma__buf_json_string(&b, in);
	itsma__buf_putc(&b, 'y');
	itsma__buf_json_string(&b, "");
	itsma__buf_json_string(&b, NULL);
	CU_ASSERT_FALSE(b.oom);
	CU_ASSERT_EQUAL(b.len, strlen(want));
	CU_ASSERT_STRING_EQUAL(b.data, want);
	itsma__buf_free(&b);
}

/* The k-th mark found by the Fenwick tree equals a linear count, through random marks and
 * unmarks, at sizes that are and are not powers of two. */
static void test_core__fenwick_finds_the_kth_mark(void)
{
	static const size_t sizes[] = { 1, 2, 7, 64, 1000 };
	unsigned long long x = 12345;
	size_t z;
	for (z = 0; z < sizeof sizes / sizeof *sizes; z++) {
		itsma__fenwick f = { NULL, 0 };
		unsigned char marked[1000] = { 0 };
		size_t n = sizes[z], step, count = 0, k, pos;
		CU_ASSERT_EQUAL_FATAL(itsma__fenwick_init(&f, n), 0);
		CU_ASSERT(f.n >= n);
		for (step = 0; step < 4 * n + 20; step++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			pos = (size_t)(x % n);
			itsma__fenwick_add(&f, pos, marked[pos] ? -1 : +1);
			count += marked[pos] ? (size_t)-1 : 1;
			marked[pos] ^= 1;
			for (k = 0, pos = 0; k < count; k++, pos++) {
				while (!marked[pos])
					pos++;
				if (itsma__fenwick_find(&f, k) != pos) {
					CU_FAIL("the k-th mark differs from a linear count");
					k = count;
					step = 4 * n + 20;
				}
			}
		}
		itsma__fenwick_free(&f);
		CU_ASSERT_PTR_NULL(f.t);
	}
}

/*
 * The string map finds every key of every length from 0 to 40 and nothing else: keys that
 * differ in one byte anywhere (first, middle, last, in and across the hash's overlapping
 * words), prefixes of each other, keys looked up by length inside a longer buffer without
 * a terminator, after deletes and rehashes, one at a time and in batches.
 */
static void test_core__strmap_tells_near_twins_apart(void)
{
	enum { MAXLEN = 40, NK = (MAXLEN + 1) * 3 };
	static char keys[NK][MAXLEN + 1];
	itsma__strmap m = ITSMA__STRMAP_INIT;
	char probe[MAXLEN + 8];
	size_t len, v, i;
	for (len = 0; len <= MAXLEN; len++)
		for (v = 0; v < 3; v++) {
			char *k = keys[len * 3 + v];
			for (i = 0; i < len; i++)
				k[i] = (char)('a' + (i * 7 + len) % 26);
			k[len] = '\0';
			if (len && v == 1)
				k[0] = 'Z'; /* differs from variant 0 in the first byte */
			if (len && v == 2)
				k[len - 1] = 'Y'; /* in the last */
			if (len == 0 && v)
				continue;
			CU_ASSERT_EQUAL_FATAL(itsma__strmap_put(&m, k, k), 0);
		}
	for (len = 0; len <= MAXLEN; len++)
		for (v = 0; v < 3; v++) {
			const char *k = keys[len * 3 + v];
			if (len == 0 && v)
				continue;
			CU_ASSERT_PTR_EQUAL(itsma__strmap_get(&m, k), k);
			/* the same bytes without a terminator, inside a longer buffer */
			memcpy(probe, k, len);
			memcpy(probe + len, "xxxxxxx", 8);
			CU_ASSERT_PTR_EQUAL(itsma__strmap_get_n(&m, probe, len), k);
			/* one byte changed anywhere: not there */
			for (i = 0; i < len; i++) {
				memcpy(probe, k, len + 1);
				probe[i] = '#';
				CU_ASSERT_PTR_NULL(itsma__strmap_get_n(&m, probe, len));
			}
			/* one byte longer or shorter: not there (unless that is another key) */
			memcpy(probe, k, len);
			probe[len] = 'q';
			CU_ASSERT_PTR_NULL(itsma__strmap_get_n(&m, probe, len + 1));
		}
	/* batches, with some keys deleted */
	for (len = 1; len <= MAXLEN; len += 2)
		itsma__strmap_del(&m, keys[len * 3 + 1]);
	{
		const char *ks[NK];
		size_t lens[NK], n = 0;
		void *out[NK];
		for (len = 1; len <= MAXLEN; len++)
			for (v = 0; v < 3; v++) {
				ks[n] = keys[len * 3 + v];
				lens[n++] = len;
			}
		itsma__strmap_get_n_batch(&m, ks, lens, n, out);
		for (i = 0; i < n; i++) {
			size_t l = lens[i], var = (size_t)(ks[i] - keys[0]) / sizeof keys[0] % 3;
			const void *want = (l % 2 == 1 && var == 1) ? NULL : ks[i];
			CU_ASSERT_PTR_EQUAL(out[i], want);
		}
	}
	CU_ASSERT_EQUAL(m.count, NK - 2 - (MAXLEN / 2));
	itsma__strmap_free(&m);
}

static void test_core__numbers_ignore_the_locale(void)
{
	/* a program that sets a comma-decimal locale still gets valid JSON numbers */
	static const char *const locales[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8",
		                               "C.UTF-8" };
	char b[40];
	size_t i;
	for (i = 0; i < sizeof locales / sizeof *locales; i++)
		if (setlocale(LC_NUMERIC, locales[i]))
			break;
	itsma__format_number(b, 67.5);
	CU_ASSERT_STRING_EQUAL(b, "67.5");
	itsma__format_number(b, 0.15);
	CU_ASSERT_STRING_EQUAL(b, "0.15");
	setlocale(LC_NUMERIC, "C");
}

static void test_core__scoring_refuses_a_catalogue_changed_afterwards(void)
{
	itsma_catalogue *c = NULL;
	itsma_assessment *a = NULL;
	itsma_result *r = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_section_spec s = ITSMA_SECTION_SPEC_INIT;
	itsma_requirement_spec q = ITSMA_REQUIREMENT_SPEC_INIT;
	CU_ASSERT_EQUAL_FATAL(itsma_catalogue_new(&c, "c", "C", &err), 0);
	s.id = "S";
	s.title = "S";
	CU_ASSERT_EQUAL(itsma_catalogue_add_section(NULL, c, NULL, &s, &err), 0);
	q.id = "R1";
	q.text = "One.";
	CU_ASSERT_EQUAL(itsma_catalogue_add_requirement(
	                    NULL, c, itsma_catalogue_find_section(c, "S"), &q, &err),
	                0);
	CU_ASSERT_EQUAL_FATAL(itsma_assessment_new(&a, c, "a", "2026-11-20", &err), 0);
	CU_ASSERT_EQUAL(itsma_score(&r, a, NULL, &err), 0);
	itsma_result_free(r);
	q.id = "R2";
	CU_ASSERT_EQUAL(itsma_catalogue_add_requirement(
	                    NULL, c, itsma_catalogue_find_section(c, "S"), &q, &err),
	                0);
	CU_ASSERT_EQUAL(itsma_score(&r, a, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_PTR_NULL(r);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "changed after"));
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Every versioned struct has an _init function; one version check accepts 1..current. */
#define CHECK_INIT(type, VERSION)                                                                  \
	do {                                                                                       \
		type s_;                                                                           \
		memset(&s_, 0xA5, sizeof s_);                                                      \
		CU_ASSERT_EQUAL(type##_init(&s_, VERSION), 0);                                     \
		CU_ASSERT_EQUAL(s_.version, VERSION);                                              \
		CU_ASSERT_EQUAL(type##_init(&s_, 0), ITSMA_EINVAL);                                \
		CU_ASSERT_EQUAL(type##_init(&s_, (VERSION) + 1), ITSMA_EINVAL);                    \
		CU_ASSERT_EQUAL(type##_init(NULL, VERSION), ITSMA_EINVAL);                         \
	} while (0)

static void test_core__struct_init_and_versions(void)
{
	itsma_catalogue *c = NULL;
	itsma_section_spec sec = ITSMA_SECTION_SPEC_INIT;
	itsma_error e = ITSMA_ERROR_INIT;

	CHECK_INIT(itsma_evidence_spec, ITSMA_EVIDENCE_SPEC_VERSION);
	CHECK_INIT(itsma_rating_spec, ITSMA_RATING_SPEC_VERSION);
	CHECK_INIT(itsma_attribute_spec, ITSMA_ATTRIBUTE_SPEC_VERSION);
	CHECK_INIT(itsma_section_spec, ITSMA_SECTION_SPEC_VERSION);
	CHECK_INIT(itsma_requirement_spec, ITSMA_REQUIREMENT_SPEC_VERSION);
	CHECK_INIT(itsma_lint_options, ITSMA_LINT_OPTIONS_VERSION);
	CHECK_INIT(itsma_mapping_catalogues, ITSMA_MAPPING_CATALOGUES_VERSION);
	CHECK_INIT(itsma_map_spec, ITSMA_MAP_SPEC_VERSION);
	CHECK_INIT(itsma_score_options, ITSMA_SCORE_OPTIONS_VERSION);
	CHECK_INIT(itsma_report_options, ITSMA_REPORT_OPTIONS_VERSION);
	CHECK_INIT(itsma_questionnaire_options, ITSMA_QUESTIONNAIRE_OPTIONS_VERSION);
	CHECK_INIT(itsma_import_options, ITSMA_IMPORT_OPTIONS_VERSION);
	CHECK_INIT(itsma_load_options, ITSMA_LOAD_OPTIONS_VERSION);

	/* the shared check names the struct and the accepted range */
	ASSERT_OK(itsma_catalogue_new(&c, "v", "V", ASSERT_ERR));
	sec.version = 7;
	sec.id = "4";
	sec.title = "Four";
	CU_ASSERT_EQUAL(itsma_catalogue_add_section(NULL, c, NULL, &sec, &e), ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(e.message, "itsma_section_spec version 7 (this library knows 1 to 1)"));
	itsma_catalogue_free(c);
}

/* Names and parsers of the catalogue enumerations round-trip; unknown words are refused. */
static void test_core__catalogue_enum_names(void)
{
	itsma_obligation ob = ITSMA_OBLIGATION_SHALL;
	itsma_section_kind kind = ITSMA_SECTION_KIND_GROUP;
	itsma_exclusions ex = ITSMA_EXCLUSIONS_ALLOWED;
	itsma_error e = ITSMA_ERROR_INIT;

	CU_ASSERT_STRING_EQUAL(itsma_obligation_name(ITSMA_OBLIGATION_SHOULD), "should");
	ASSERT_OK(itsma_obligation_parse(&ob, "should", ASSERT_ERR));
	CU_ASSERT_EQUAL(ob, ITSMA_OBLIGATION_SHOULD);
	CU_ASSERT_EQUAL(itsma_obligation_parse(&ob, "must", &e), ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "\"must\""));
	CU_ASSERT_STRING_EQUAL(itsma_obligation_name((itsma_obligation)9), "");

	CU_ASSERT_STRING_EQUAL(itsma_section_kind_name(ITSMA_SECTION_KIND_PROCESS), "process");
	ASSERT_OK(itsma_section_kind_parse(&kind, "process", ASSERT_ERR));
	CU_ASSERT_EQUAL(kind, ITSMA_SECTION_KIND_PROCESS);
	CU_ASSERT_EQUAL(itsma_section_kind_parse(&kind, NULL, &e), ITSMA_EINVAL);

	CU_ASSERT_STRING_EQUAL(itsma_exclusions_name(ITSMA_EXCLUSIONS_FORBIDDEN), "forbidden");
	ASSERT_OK(itsma_exclusions_parse(&ex, "forbidden", ASSERT_ERR));
	CU_ASSERT_EQUAL(ex, ITSMA_EXCLUSIONS_FORBIDDEN);
	CU_ASSERT_EQUAL(itsma_exclusions_parse(&ex, "Forbidden", &e), ITSMA_EINVAL);
}

/* Verdicts order best to worst by a documented rule, not by their numeric values. */
static void test_core__verdict_compare(void)
{
	static const itsma_verdict best_to_worst[] = { ITSMA_VERDICT_CONFORMANT,
		                                       ITSMA_VERDICT_CONDITIONAL,
		                                       ITSMA_VERDICT_INCOMPLETE,
		                                       ITSMA_VERDICT_NONCONFORMANT };
	size_t i, j;
	for (i = 0; i < 4; i++)
		for (j = 0; j < 4; j++) {
			int c = itsma_verdict_compare(best_to_worst[i], best_to_worst[j]);
			CU_ASSERT(i < j ? c < 0 : i > j ? c > 0 : c == 0);
		}
	CU_ASSERT(itsma_verdict_compare((itsma_verdict)99, ITSMA_VERDICT_NONCONFORMANT) > 0);
}

/*
 * Every free function of the API accepts NULL (common.h: NULL policy). Each is listed once
 * with NULL_FREE (tests/api/check_null_coverage.sh fails when an exported *_free is not)
 * and called in its own child process, so that a crash is a failed assertion naming it.
 */
#define NULL_FREE(fn)                                                                              \
	static void null_##fn(void) { fn(NULL); }
NULL_FREE(itsma_free)
NULL_FREE(itsma_catalogue_free)
NULL_FREE(itsma_assessment_free)
NULL_FREE(itsma_result_free)
NULL_FREE(itsma_diff_free)
NULL_FREE(itsma_scorer_free)
NULL_FREE(itsma_trend_free)
NULL_FREE(itsma_mapping_free)
NULL_FREE(itsma_carry_report_free)
#undef NULL_FREE

static const struct {
	const char *name;
	void (*call)(void);
} null_frees[] = {
#define F(fn)                                                                                      \
	{                                                                                          \
#fn, null_##fn                                                                     \
	}
	F(itsma_free),        F(itsma_catalogue_free), F(itsma_assessment_free),
	F(itsma_result_free), F(itsma_diff_free),      F(itsma_scorer_free),
	F(itsma_trend_free),  F(itsma_mapping_free),   F(itsma_carry_report_free),
#undef F
};

static void test_core__free_accepts_null(void)
{
	size_t i;
	for (i = 0; i < sizeof null_frees / sizeof *null_frees; i++) {
		char what[120];
		int status = -1, ok;
		pid_t pid = fork();
		CU_ASSERT_FATAL(pid >= 0);
		if (pid == 0) {
			null_frees[i].call();
			_exit(0);
		}
		ok = waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		     WEXITSTATUS(status) == 0;
		snprintf(what, sizeof what, "%s(NULL) returns normally", null_frees[i].name);
		CU_assertImplementation(ok ? CU_TRUE : CU_FALSE, __LINE__, what, __FILE__, "",
		                        CU_FALSE);
	}
}

static const itsma_test_case cases[] = {
	{ "strerror_and_names", test_core__strerror_and_names },
	{ "error_format_and_clear", test_core__error_format_and_clear },
	{ "long_messages_are_truncated_safely", test_core__long_messages_are_truncated_safely },
	{ "version", test_core__version },
	{ "letters_and_bands", test_core__letters_and_bands },
	{ "rating_parse_numbers_and_errors", test_core__rating_parse_numbers_and_errors },
	{ "rating_parse_ignores_the_locale", test_core__rating_parse_ignores_the_locale },
	{ "attributes", test_core__attributes },
	{ "dates", test_core__dates },
	{ "date_format_size_and_range", test_core__date_format_size_and_range },
	{ "number_formatting_is_shortest_round_trip",
	  test_core__number_formatting_is_shortest_round_trip },
	{ "number_formatting_matches_the_definition",
	  test_core__number_formatting_matches_the_definition },
	{ "json_strings_escape_exactly", test_core__json_strings_escape_exactly },
	{ "fenwick_finds_the_kth_mark", test_core__fenwick_finds_the_kth_mark },
	{ "strmap_tells_near_twins_apart", test_core__strmap_tells_near_twins_apart },
	{ "numbers_ignore_the_locale", test_core__numbers_ignore_the_locale },
	{ "scoring_refuses_a_catalogue_changed_afterwards",
	  test_core__scoring_refuses_a_catalogue_changed_afterwards },
	{ "verdict_compare", test_core__verdict_compare },
	{ "catalogue_enum_names", test_core__catalogue_enum_names },
	{ "struct_init_and_versions", test_core__struct_init_and_versions },
	{ "free_accepts_null", test_core__free_accepts_null },
	{ NULL, NULL }
};

ITSMA_TEST_MAIN("core", cases)
