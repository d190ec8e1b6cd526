/* SPDX-License-Identifier: Apache-2.0 */
/* Raw JSON text: skipping, the strict RFC 8259 check, duplicate keys (internal/jsontext.h). */
#include "internal/jsontext.h"
#include "internal/error.h"
#include "internal/strmap.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t itsma__text_ws(const char *b, size_t len, size_t pos)
{
	while (pos < len && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\n' || b[pos] == '\r'))
		pos++;
	return pos;
}

size_t itsma__text_string_end(const char *b, size_t len, size_t pos)
{
	pos++;
	while (pos < len) {
		const char *q = b + pos;
		size_t left = len - pos, i;
		for (i = 0; i < left && q[i] != '"' && q[i] != '\\'; i++)
			;
		pos += i;
		if (pos >= len)
			break;
		if (b[pos] == '"')
			return pos + 1;
		pos += 2;
	}
	return len;
}

size_t itsma__text_value_end(const char *b, size_t len, size_t pos)
{
	size_t depth = 0;
	pos = itsma__text_ws(b, len, pos);
	while (pos < len) {
		char c = b[pos];
		if (c == '"') {
			pos = itsma__text_string_end(b, len, pos);
			if (!depth)
				return pos;
			continue;
		}
		if (c == '{' || c == '[') {
			depth++;
		} else if (c == '}' || c == ']') {
			if (depth == 0)
				return pos;
			if (--depth == 0)
				return pos + 1;
		} else if (!depth &&
		           (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
			return pos;
		}
		pos++;
	}
	return pos;
}

/* ---- levels and pointers -------------------------------------------------------------------- */

typedef struct level {
	size_t count;        /* elements (array) or members (object) so far */
	size_t key, key_end; /* object: the raw text of the current member's key */
	int object;
	itsma__strmap keys; /* duplicate search: the keys of this object so far */
	char **decoded;     /* duplicate search: decoded escaped keys the map borrows */
	size_t ndecoded;
} level;

#define NO_KEY ((size_t)-1) /* key_end while a key is being read */

static void pointer_of(const char *b, const level *lv, size_t d, char *out)
{
	size_t i;
	out[0] = '\0';
	for (i = 0; i < d; i++) {
		if (lv[i].object && lv[i].key_end == NO_KEY)
			break; /* a fault inside a key: the pointer names its object */
		if (lv[i].object) {
			char key[ITSMA_ERROR_POINTER_LENGTH];
			size_t n = lv[i].key_end > lv[i].key ? lv[i].key_end - lv[i].key : 0;
			if (n >= sizeof key)
				n = sizeof key - 1;
			memcpy(key, b + lv[i].key, n);
			key[n] = '\0';
			itsma__pointer_append(out, ITSMA_ERROR_POINTER_LENGTH, key);
		} else {
			char tok[32];
			snprintf(tok, sizeof tok, "%zu", lv[i].count ? lv[i].count - 1 : 0);
			itsma__pointer_append(out, ITSMA_ERROR_POINTER_LENGTH, tok);
		}
	}
}

/* ---- the strict check ----------------------------------------------------------------------- */

typedef struct checker {
	const char *b;
	size_t len;
	int no_nul;
	level *lv;
	size_t d;
	itsma__text_fault *f;
} checker;

static int fault(checker *c, size_t at, int lax, const char *fmt, ...) ITSMA_FORMAT_PRINTF(4, 5);
static int fault(checker *c, size_t at, int lax, const char *fmt, ...)
{
	va_list ap;
	c->f->at = at;
	c->f->lax = lax;
	c->f->too_deep = 0;
	va_start(ap, fmt);
	vsnprintf(c->f->message, sizeof c->f->message, fmt, ap);
	va_end(ap);
	pointer_of(c->b, c->lv, c->d, c->f->pointer);
	return 1;
}

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* The code unit of \uXXXX at b[p] == '\\' (p + 6 <= len checked by the caller), or -1. */
static long unit_at(const char *b, size_t p)
{
	long v = 0;
	int i;
	if (b[p + 1] != 'u')
		return -1;
	for (i = 2; i < 6; i++) {
		int h = hexval(b[p + i]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* Length of the valid UTF-8 sequence at s (of n bytes), or 0 with *why set. */
static size_t utf8_seq(const unsigned char *s, size_t n, const char **why)
{
	unsigned char c = s[0];
	size_t need, i;
	if (c < 0xC2) {
		*why =
		    c >= 0xC0 ? "an overlong encoding" : "a continuation byte without a lead byte";
		return 0;
	}
	if (c >= 0xF5) {
		*why = "a byte that never occurs in UTF-8 (a code point above U+10FFFF or no UTF-8 "
		       "at all)";
		return 0;
	}
	need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (n < need) {
		*why = "a sequence cut short";
		return 0;
	}
	for (i = 1; i < need; i++)
		if ((s[i] & 0xC0) != 0x80) {
			*why = "a sequence cut short";
			return 0;
		}
	if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xF0 && s[1] < 0x90)) {
		*why = "an overlong encoding";
		return 0;
	}
	if (c == 0xED && s[1] >= 0xA0) {
		*why = "a UTF-16 surrogate (U+D800 to U+DFFF) encoded in UTF-8";
		return 0;
	}
	if (c == 0xF4 && s[1] >= 0x90) {
		*why = "a code point above U+10FFFF";
		return 0;
	}
	return need;
}

/* The string literal at *pos (b[*pos] == '"'); *pos moves after it. 0 or 1 (a fault). */
static int check_string(checker *c, size_t *pos)
{
	const char *b = c->b;
	size_t len = c->len, p = *pos + 1;
	static const char *const names[32] = {
		"NUL",
		"SOH",
		"STX",
		"ETX",
		"EOT",
		"ENQ",
		"ACK",
		"BEL",
		"BS (write \\b)",
		"tab (write \\t)",
		"line feed (write \\n)",
		"VT",
		"FF (write \\f)",
		"carriage return (write \\r)",
		"SO",
		"SI",
		"DLE",
		"DC1",
		"DC2",
		"DC3",
		"DC4",
		"NAK",
		"SYN",
		"ETB",
		"CAN",
		"EM",
		"SUB",
		"ESC",
		"FS",
		"GS",
		"RS",
		"US",
	};
	for (;;) {
		unsigned char ch;
		/* the common bytes, quickly */
		while (p < len && (unsigned char)b[p] >= 0x20 && (unsigned char)b[p] < 0x80 &&
		       b[p] != '"' && b[p] != '\\')
			p++;
		if (p >= len)
			return fault(c, len, 0, "unexpected end of input inside a string");
		ch = (unsigned char)b[p];
		if (ch == '"') {
			*pos = p + 1;
			return 0;
		}
		if (ch < 0x20)
			return fault(c, p, 1,
			             "a raw control character (U+%04X, %s) in a string: JSON needs "
			             "it escaped",
			             ch, names[ch]);
		if (ch == '\\') {
			long u, lo;
			if (p + 1 >= len)
				return fault(c, len, 0, "unexpected end of input inside a string");
			switch (b[p + 1]) {
			case '"':
			case '\\':
			case '/':
			case 'b':
			case 'f':
			case 'n':
			case 'r':
			case 't': p += 2; continue;
			case 'u': break;
			default: return fault(c, p, 0, "invalid escape in a string");
			}
			if (p + 6 > len || (u = unit_at(b, p)) < 0)
				return fault(c, p, 0,
				             "invalid \\u escape in a string: expected four "
				             "hexadecimal digits");
			if (u == 0 && c->no_nul)
				return fault(c, p, 2,
				             "strings may not contain the character U+0000");
			if (u >= 0xDC00 && u <= 0xDFFF)
				return fault(c, p, 1,
				             "a lone UTF-16 low surrogate \\u%04lX in a string: it "
				             "encodes no character",
				             u);
			if (u >= 0xD800 && u <= 0xDBFF) {
				if (p + 12 > len || b[p + 6] != '\\' ||
				    (lo = unit_at(b, p + 6)) < 0xDC00 || lo > 0xDFFF)
					return fault(c, p, 1,
					             "a lone UTF-16 high surrogate \\u%04lX in a "
					             "string: it must be followed by a low "
					             "surrogate \\uDC00 to \\uDFFF",
					             u);
				p += 12;
				continue;
			}
			p += 6;
			continue;
		}
		{
			const char *why = "";
			size_t n = utf8_seq((const unsigned char *)b + p, len - p, &why);
			if (!n)
				return fault(c, p, 0, "invalid UTF-8 in a string: %s",
				             why); /* json-c catches some */
			p += n;
		}
	}
}

static int is_digit(char ch) { return ch >= '0' && ch <= '9'; }

/* The number at *pos; *pos moves after it. 0 or 1 (a fault). */
static int check_number(checker *c, size_t *pos)
{
	const char *b = c->b;
	size_t len = c->len, p = *pos, start = *pos;
	if (p < len && b[p] == '-')
		p++;
	if (p >= len || !is_digit(b[p])) {
		if (p < len && (b[p] == 'I' || b[p] == 'N' || b[p] == 'i' || b[p] == 'n'))
			return fault(
			    c, start, 1,
			    "not a JSON number: infinities and NaN cannot be written in JSON");
		return fault(c, p, 1, "expected a digit in a number");
	}
	if (b[p] == '0' && p + 1 < len && is_digit(b[p + 1]))
		return fault(c, start, 1,
		             "a number with a leading zero is not JSON (write 7, not 07)");
	while (p < len && is_digit(b[p]))
		p++;
	if (p < len && b[p] == '.') {
		p++;
		if (p >= len || !is_digit(b[p]))
			return fault(c, start, 1,
			             "a number needs digits after its decimal point (write 5 or "
			             "5.0, not 5.)");
		while (p < len && is_digit(b[p]))
			p++;
	}
	if (p < len && (b[p] == 'e' || b[p] == 'E')) {
		p++;
		if (p < len && (b[p] == '+' || b[p] == '-'))
			p++;
		if (p >= len || !is_digit(b[p]))
			return fault(c, start, 1, "a number needs digits in its exponent");
		while (p < len && is_digit(b[p]))
			p++;
	}
	*pos = p;
	return 0;
}

/* A literal word at *pos: true, false, null; or NaN/Infinity (json-c accepts them). */
static int check_word(checker *c, size_t *pos)
{
	static const char *const ok[] = { "true", "false", "null" };
	static const char *const bad[] = { "NaN", "nan", "Infinity", "infinity", "-Infinity" };
	const char *b = c->b;
	size_t len = c->len, p = *pos, i, n;
	for (i = 0; i < 3; i++) {
		n = strlen(ok[i]);
		if (len - p >= n && memcmp(b + p, ok[i], n) == 0) {
			*pos = p + n;
			return 0;
		}
	}
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		n = strlen(bad[i]);
		if (len - p >= n && memcmp(b + p, bad[i], n) == 0)
			return fault(
			    c, p, 1,
			    "not a JSON value: infinities and NaN cannot be written in JSON");
	}
	return fault(c, p, 0, "unexpected character: expected a value");
}

int itsma__text_check(const char *b, size_t len, size_t pos, size_t levels, int no_nul, size_t *end,
                      itsma__text_fault *f)
{
	checker c;
	int r = 0;

	c.no_nul = no_nul;
	if (!levels)
		levels = 1;
	c.b = b;
	c.len = len;
	c.d = 0;
	c.f = f;
	c.lv = malloc(levels * sizeof *c.lv);
	if (!c.lv)
		return ITSMA_ENOMEM;
	for (;;) {
		char ch;
		/* a value starts here */
		pos = itsma__text_ws(b, len, pos);
		if (c.d && !c.lv[c.d - 1].object)
			c.lv[c.d - 1].count++;
		if (pos >= len) {
			r = fault(&c, len, 0, "unexpected end of input: expected a value");
			break;
		}
		ch = b[pos];
		if (c.d >= levels) {
			/* as json-c counts: a value inside `levels` containers is one too deep */
			r = fault(&c, pos, 0, "nesting too deep");
			f->too_deep = 1;
			break;
		}
		if (ch == '"') {
			if ((r = check_string(&c, &pos)) != 0)
				break;
		} else if (ch == '{' || ch == '[') {
			memset(&c.lv[c.d], 0, sizeof c.lv[c.d]);
			c.lv[c.d].object = ch == '{';
			c.d++;
			pos = itsma__text_ws(b, len, pos + 1);
			if (pos < len && b[pos] == (ch == '{' ? '}' : ']')) {
				c.d--;
				pos++;
			} else if (ch == '{') {
				goto key;
			} else {
				continue;
			}
		} else if (ch == '-' || is_digit(ch)) {
			if ((r = check_number(&c, &pos)) != 0)
				break;
		} else {
			if ((r = check_word(&c, &pos)) != 0)
				break;
		}
	after:
		if (!c.d) {
			*end = pos;
			break;
		}
		pos = itsma__text_ws(b, len, pos);
		if (pos >= len) {
			r = fault(&c, len, 0, "unexpected end of input");
			break;
		}
		if (b[pos] == (c.lv[c.d - 1].object ? '}' : ']')) {
			c.d--;
			pos++;
			goto after;
		}
		if (b[pos] != ',') {
			r = fault(&c, pos, 0,
			          c.lv[c.d - 1].object ? "expected ',' or '}'"
			                               : "expected ',' or ']'");
			break;
		}
		pos++;
		if (!c.lv[c.d - 1].object)
			continue;
	key:
		pos = itsma__text_ws(b, len, pos);
		if (pos >= len || b[pos] != '"') {
			r = fault(&c, pos, 0, "expected a key (a string in double quotes)");
			break;
		}
		c.lv[c.d - 1].count++;
		c.lv[c.d - 1].key = pos + 1;
		c.lv[c.d - 1].key_end = NO_KEY;
		if ((r = check_string(&c, &pos)) != 0)
			break;
		c.lv[c.d - 1].key_end = pos - 1;
		pos = itsma__text_ws(b, len, pos);
		if (pos >= len || b[pos] != ':') {
			r = fault(&c, pos, 0, "expected ':' after a key");
			break;
		}
		pos++;
	}
	free(c.lv);
	return r;
}

/* ---- duplicate keys ------------------------------------------------------------------------- */

/* Decode the (valid) string literal b[p..e) (quotes included) into a malloc'd string. */
static char *decode(const char *b, size_t p, size_t e, size_t *n_out)
{
	char *out = malloc(e - p + 1), *o = out;
	size_t i = p + 1;
	if (!out)
		return NULL;
	while (i + 1 < e) {
		unsigned long cp;
		if (b[i] != '\\') {
			*o++ = b[i++];
			continue;
		}
		switch (b[i + 1]) {
		case 'b':
			*o++ = '\b';
			i += 2;
			continue;
		case 'f':
			*o++ = '\f';
			i += 2;
			continue;
		case 'n':
			*o++ = '\n';
			i += 2;
			continue;
		case 'r':
			*o++ = '\r';
			i += 2;
			continue;
		case 't':
			*o++ = '\t';
			i += 2;
			continue;
		case 'u': break;
		default:
			*o++ = b[i + 1];
			i += 2;
			continue;
		}
		cp = (unsigned long)unit_at(b, i);
		i += 6;
		if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= e) {
			cp = 0x10000 + ((cp - 0xD800) << 10) +
			     ((unsigned long)unit_at(b, i) - 0xDC00);
			i += 6;
		}
		if (cp < 0x80) {
			*o++ = (char)cp;
		} else if (cp < 0x800) {
			*o++ = (char)(0xC0 | cp >> 6);
			*o++ = (char)(0x80 | (cp & 0x3F));
		} else if (cp < 0x10000) {
			*o++ = (char)(0xE0 | cp >> 12);
			*o++ = (char)(0x80 | (cp >> 6 & 0x3F));
			*o++ = (char)(0x80 | (cp & 0x3F));
		} else {
			*o++ = (char)(0xF0 | cp >> 18);
			*o++ = (char)(0x80 | (cp >> 12 & 0x3F));
			*o++ = (char)(0x80 | (cp >> 6 & 0x3F));
			*o++ = (char)(0x80 | (cp & 0x3F));
		}
	}
	*o = '\0';
	*n_out = (size_t)(o - out);
	return out;
}

static void drop_level(level *l)
{
	size_t i;
	itsma__strmap_free(&l->keys);
	for (i = 0; i < l->ndecoded; i++)
		free(l->decoded[i]);
	free(l->decoded);
}

/* Add the key b[k..e) (quotes included) to the object's set: 1 if it was there, 0, or -1. */
static int add_key(level *l, const char *b, size_t k, size_t e)
{
	const char *key = b + k + 1;
	size_t n = e - k - 2, h;
	itsma__strmap_slot *s;
	if (memchr(key, '\\', n)) {
		char *d, **nd;
		if (!(d = decode(b, k, e, &n)))
			return -1;
		nd = realloc(l->decoded, (l->ndecoded + 1) * sizeof *nd);
		if (!nd) {
			free(d);
			return -1;
		}
		l->decoded = nd;
		l->decoded[l->ndecoded++] = d;
		key = d;
	}
	if (itsma__strmap_reserve(&l->keys, 1) < 0)
		return -1;
	h = itsma__strhash_n(key, n);
	s = itsma__strmap_probe(&l->keys, key, n, h);
	if (s->key)
		return 1;
	itsma__strmap_fill(&l->keys, s, key, n, h, NULL);
	return 0;
}

int itsma__text_find_duplicate(const char *b, size_t len, size_t pos, size_t levels, char *ptr,
                               size_t *dup)
{
	level *lv;
	size_t d = 0, i;
	int r = 0;

	if (!levels)
		levels = 1;
	lv = malloc(levels * sizeof *lv);
	if (!lv)
		return ITSMA_ENOMEM;
	for (;;) {
		char ch;
		pos = itsma__text_ws(b, len, pos);
		if (d && !lv[d - 1].object)
			lv[d - 1].count++;
		if (pos >= len)
			break;
		ch = b[pos];
		if ((ch == '{' || ch == '[') && d < levels) {
			memset(&lv[d], 0, sizeof lv[d]);
			lv[d].object = ch == '{';
			d++;
			pos = itsma__text_ws(b, len, pos + 1);
			if (pos < len && b[pos] == (ch == '{' ? '}' : ']')) {
				drop_level(&lv[--d]);
				pos++;
			} else if (ch == '{') {
				goto key;
			} else {
				continue;
			}
		} else {
			pos = itsma__text_value_end(b, len, pos);
		}
	after:
		if (!d)
			break;
		pos = itsma__text_ws(b, len, pos);
		if (pos >= len)
			break;
		if (b[pos] == (lv[d - 1].object ? '}' : ']')) {
			drop_level(&lv[--d]);
			pos++;
			goto after;
		}
		if (b[pos] != ',')
			break;
		pos++;
		if (!lv[d - 1].object)
			continue;
	key:
		pos = itsma__text_ws(b, len, pos);
		if (pos >= len || b[pos] != '"')
			break;
		{
			size_t e = itsma__text_string_end(b, len, pos);
			lv[d - 1].count++;
			lv[d - 1].key = pos + 1;
			lv[d - 1].key_end = e - 1;
			r = add_key(&lv[d - 1], b, pos, e);
			if (r != 0) {
				if (r > 0) {
					char tmp[ITSMA_ERROR_POINTER_LENGTH];
					*dup = pos;
					pointer_of(b, lv, d, tmp);
					if (strlen(ptr) + strlen(tmp) < ITSMA_ERROR_POINTER_LENGTH)
						strcat(ptr, tmp);
				} else {
					r = ITSMA_ENOMEM;
				}
				break;
			}
			pos = itsma__text_ws(b, len, e);
		}
		if (pos >= len || b[pos] != ':')
			break;
		pos++;
	}
	for (i = 0; i < d; i++)
		drop_level(&lv[i]);
	free(lv);
	return r;
}
