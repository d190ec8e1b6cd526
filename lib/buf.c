/* SPDX-License-Identifier: Apache-2.0 */
/* Growable byte buffer and pretty JSON writer (internal). */
#include "internal/buf.h"
#include "internal/error.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int reserve(itsma__buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (b->oom)
		return -1;
	if (extra > (size_t)-1 - b->len - 1) {
		b->oom = 1;
		return -1;
	}
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > ((size_t)-1) / 2 ? need : cap * 2;
	p = realloc(b->data, cap);
	if (!p) {
		b->oom = 1;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

void itsma__buf_append(itsma__buf *b, const char *s, size_t n)
{
	if (reserve(b, n) < 0)
		return;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void itsma__buf_puts(itsma__buf *b, const char *s) { itsma__buf_append(b, s, strlen(s)); }

void itsma__buf_putc(itsma__buf *b, char c)
{
	if (b->len + 2 <= b->cap && !b->oom) { /* the usual case: room for it and the NUL */
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return;
	}
	itsma__buf_append(b, &c, 1);
}

void itsma__buf_spaces(itsma__buf *b, size_t n)
{
	if (reserve(b, n) < 0)
		return;
	memset(b->data + b->len, ' ', n);
	b->len += n;
	b->data[b->len] = '\0';
}

void itsma__buf_printf(itsma__buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;
	char small[256];

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = 1;
		return;
	}
	if ((size_t)n < sizeof small) {
		itsma__buf_append(b, small, (size_t)n);
		return;
	}
	if (reserve(b, (size_t)n) < 0)
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void itsma__buf_repeat(itsma__buf *b, const char *s, size_t n)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < n; i++)
		itsma__buf_append(b, s, len);
}

const char *itsma__buf_str(const itsma__buf *b) { return b->data ? b->data : ""; }

void itsma__buf_clear(itsma__buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void itsma__buf_drop(itsma__buf *scratch, itsma__buf *into)
{
	if (scratch->oom)
		into->oom = 1;
	itsma__buf_free(scratch);
}

void itsma__buf_free(itsma__buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->oom = 0;
}

int itsma__buf_finish(itsma__buf *b, char **out, itsma_error *err)
{
	if (!b->oom && !b->data)
		reserve(b, 0);
	if (b->oom) {
		itsma__buf_free(b);
		*out = NULL;
		return itsma__error_nomem(err);
	}
	b->data[b->len] = '\0';
	*out = b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return 0;
}

void itsma__buf_json_string(itsma__buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p;
	size_t n;
	char *o;

	if (!s) {
		itsma__buf_append(b, "null", 4);
		return;
	}
	/* room for the worst case (every byte a \u00XX escape), then one pass writing straight
	 * into the buffer */
	n = strlen(s);
	if (n > ((size_t)-1 - 2) / 6) {
		b->oom = 1;
		return;
	}
	if (reserve(b, 2 + 6 * n) < 0)
		return;
	o = b->data + b->len;
	*o++ = '"';
	for (p = (const unsigned char *)s; *p; p++) {
		unsigned char c = *p;
		if (c >= 0x20 && c != '"' && c != '\\') {
			*o++ = (char)c;
			continue;
		}
		*o++ = '\\';
		switch (c) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '\n': *o++ = 'n'; break;
		case '\r': *o++ = 'r'; break;
		case '\t': *o++ = 't'; break;
		case '\b': *o++ = 'b'; break;
		case '\f': *o++ = 'f'; break;
		default:
			*o++ = 'u';
			*o++ = '0';
			*o++ = '0';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
			break;
		}
	}
	*o++ = '"';
	b->len = (size_t)(o - b->data);
	b->data[b->len] = '\0';
}

/* Decimal text of an integer into buf (at least 21 bytes); returns its length. */
static size_t format_int(char *buf, long long v)
{
	char tmp[24], *p = tmp + sizeof tmp;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	size_t n;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	n = (size_t)(tmp + sizeof tmp - p);
	memcpy(buf, p, n);
	buf[n] = '\0';
	return n;
}

/*
 * The shortest text of a non-integer v with 1e-4 <= |v| < 1e9 when it has at most six
 * decimals, without printf or strtod; 0 when it has more. Reading: the fewest decimals d
 * whose nearest multiple k / 10^d reads back as v. k is found exactly (v x 10^d < 1e15 is off
 * by at most 1/16 from the true product), the test (double)k / 10^d == v is what strtod of
 * that text gives (both round the same decimal correctly), and at such magnitudes two
 * decimals of d places are further apart than a double's step, so the text is unique and is
 * what "%.15g" writes (fixed notation between 1e-4 and 1e15, no trailing zeros).
 */
static int format_short_decimal(char *buf, double v)
{
	static const double p10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };
	static const long long i10[] = { 1, 10, 100, 1000, 10000, 100000, 1000000 };
	double a = fabs(v);
	int d, j;
	if (!(a >= 1e-4 && a < 1e9))
		return 0;
	for (d = 1; d <= 6; d++) {
		long long k = (long long)(a * p10[d] + 0.5), frac;
		size_t n;
		if ((double)k / p10[d] != a)
			continue;
		n = 0;
		if (v < 0)
			buf[n++] = '-';
		n += format_int(buf + n, k / i10[d]);
		buf[n++] = '.';
		frac = k % i10[d];
		for (j = d - 1; j >= 0; j--) {
			buf[n + (size_t)j] = (char)('0' + frac % 10);
			frac /= 10;
		}
		buf[n + (size_t)d] = '\0';
		return 1;
	}
	return 0;
}

void itsma__format_number(char *buf, double v)
{
	int prec;
	char *p;

	if (!isfinite(v)) {
		strcpy(buf, "null");
		return;
	}
	if (v == 0) {
		strcpy(buf, "0"); /* also turns -0 into 0 */
		return;
	}
	if (fabs(v) < 1e15 && v == (double)(long long)v) {
		format_int(buf, (long long)v);
		return;
	}
	if (format_short_decimal(buf, v))
		return;
	/*
	 * The shortest text that reads back as v. Reading back succeeds for every precision from
	 * the shortest one up (17 always does). For a normal double whose shortest text has 15
	 * digits or fewer, %.15g writes exactly it: the double is within 1.2e-16 (relative) of
	 * that decimal, far inside half a unit of the 15th digit, so rounding to 15 digits gives
	 * the same digits followed by zeros, which %g drops (and a non-integer never has more
	 * integer digits than significant ones, so %g picks the same notation); otherwise the
	 * shortest has 16 or 17 digits. Subnormals, with fewer bits, get a binary search over
	 * all precisions. printf and strtod follow LC_NUMERIC: the round trip is tested in the
	 * caller's locale ...
	 */
	if (fabs(v) >= DBL_MIN) {
		for (prec = 15; prec < 17; prec++) {
			snprintf(buf, 32, "%.*g", prec, v);
			if (strtod(buf, NULL) == v)
				break;
		}
	} else {
		int lo = 1, hi = 17;
		while (lo < hi) {
			prec = lo + (hi - lo) / 2;
			snprintf(buf, 32, "%.*g", prec, v);
			if (strtod(buf, NULL) == v)
				hi = prec;
			else
				lo = prec + 1;
		}
		prec = lo;
	}
	snprintf(buf, 32, "%.*g", prec, v);
	/* ... then write JSON's decimal point, whatever the locale uses */
	for (p = buf; *p; p++)
		if (!((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == 'e' || *p == 'E'))
			*p = '.';
}

void itsma__buf_json_number(itsma__buf *b, double v)
{
	char tmp[40];
	itsma__format_number(tmp, v);
	itsma__buf_puts(b, tmp);
}

/* ---- pretty writer ---------------------------------------------------------------------- */

void itsma__jw_init(itsma__jw *w, itsma__buf *b)
{
	memset(w, 0, sizeof *w);
	w->b = b;
	w->first[0] = 1;
}

static void member(itsma__jw *w, const char *key)
{
	int d = w->depth;

	if (d > 0) {
		if (w->inline_[d]) {
			if (!w->first[d])
				itsma__buf_append(w->b, ", ", 2);
		} else {
			if (!w->first[d])
				itsma__buf_putc(w->b, ',');
			itsma__buf_putc(w->b, '\n');
			itsma__buf_spaces(w->b, (size_t)d * 2);
		}
	}
	w->first[d] = 0;
	if (key) {
		itsma__buf_json_string(w->b, key);
		itsma__buf_append(w->b, ": ", 2);
	}
}

static void begin(itsma__jw *w, const char *key, char open, int inl)
{
	member(w, key);
	itsma__buf_putc(w->b, open);
	if (w->depth + 1 >= ITSMA__JW_MAX_DEPTH) {
		w->b->oom = 1;
		return;
	}
	w->depth++;
	w->first[w->depth] = 1;
	w->inline_[w->depth] = (unsigned char)(inl || w->inline_[w->depth - 1]);
}

static void end(itsma__jw *w, char close)
{
	int d = w->depth;
	if (d <= 0)
		return;
	if (!w->first[d] && !w->inline_[d]) {
		itsma__buf_putc(w->b, '\n');
		itsma__buf_spaces(w->b, (size_t)(d - 1) * 2);
	}
	itsma__buf_putc(w->b, close);
	w->depth--;
}

void itsma__jw_begin_object(itsma__jw *w, const char *key) { begin(w, key, '{', 0); }
void itsma__jw_end_object(itsma__jw *w) { end(w, '}'); }
void itsma__jw_begin_array(itsma__jw *w, const char *key) { begin(w, key, '[', 0); }
void itsma__jw_begin_inline_array(itsma__jw *w, const char *key) { begin(w, key, '[', 1); }
void itsma__jw_end_array(itsma__jw *w) { end(w, ']'); }

void itsma__jw_string(itsma__jw *w, const char *key, const char *value)
{
	member(w, key);
	itsma__buf_json_string(w->b, value);
}

void itsma__jw_number(itsma__jw *w, const char *key, double value)
{
	member(w, key);
	itsma__buf_json_number(w->b, value);
}

void itsma__jw_int(itsma__jw *w, const char *key, long long value)
{
	char tmp[24];
	member(w, key);
	itsma__buf_append(w->b, tmp, format_int(tmp, value));
}

void itsma__jw_bool(itsma__jw *w, const char *key, int value)
{
	member(w, key);
	itsma__buf_puts(w->b, value ? "true" : "false");
}

void itsma__jw_null(itsma__jw *w, const char *key)
{
	member(w, key);
	itsma__buf_append(w->b, "null", 4);
}

void itsma__jw_raw(itsma__jw *w, const char *key, const char *raw)
{
	member(w, key);
	itsma__buf_puts(w->b, raw);
}

void itsma__jw_finish(itsma__jw *w) { itsma__buf_putc(w->b, '\n'); }
