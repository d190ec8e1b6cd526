/* SPDX-License-Identifier: Apache-2.0 */
/* The fast path for flat records of plain strings (see internal/fastrec.h). */
#include "internal/fastrec.h"

#include <string.h>

/* Printable ASCII other than '"' and '\\': what a plain string may hold. */
static const unsigned char plain[256] = {
#define P1(c) [c] = 1
	P1(' '), P1('!'), P1('#'), P1('$'), P1('%'), P1('&'), P1('\''), P1('('), P1(')'), P1('*'),
	P1('+'), P1(','), P1('-'), P1('.'), P1('/'), P1('0'), P1('1'),  P1('2'), P1('3'), P1('4'),
	P1('5'), P1('6'), P1('7'), P1('8'), P1('9'), P1(':'), P1(';'),  P1('<'), P1('='), P1('>'),
	P1('?'), P1('@'), P1('A'), P1('B'), P1('C'), P1('D'), P1('E'),  P1('F'), P1('G'), P1('H'),
	P1('I'), P1('J'), P1('K'), P1('L'), P1('M'), P1('N'), P1('O'),  P1('P'), P1('Q'), P1('R'),
	P1('S'), P1('T'), P1('U'), P1('V'), P1('W'), P1('X'), P1('Y'),  P1('Z'), P1('['), P1(']'),
	P1('^'), P1('_'), P1('`'), P1('a'), P1('b'), P1('c'), P1('d'),  P1('e'), P1('f'), P1('g'),
	P1('h'), P1('i'), P1('j'), P1('k'), P1('l'), P1('m'), P1('n'),  P1('o'), P1('p'), P1('q'),
	P1('r'), P1('s'), P1('t'), P1('u'), P1('v'), P1('w'), P1('x'),  P1('y'), P1('z'), P1('{'),
	P1('|'), P1('}'), P1('~'),
#undef P1
};

static size_t ws(const char *b, size_t len, size_t p)
{
	while (p < len && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t'))
		p++;
	return p;
}

/* A plain string at b[p] == '"': its span and the offset after it; 0 if not plain. */
static int plain_string(const char *b, size_t len, size_t p, size_t max, itsma__span *out,
                        size_t *after)
{
	size_t q = p + 1;
	if (p >= len || b[p] != '"')
		return 0;
	while (q < len && plain[(unsigned char)b[q]])
		q++;
	if (q >= len || b[q] != '"' || q - p - 1 > max)
		return 0;
	out->p = b + p + 1;
	out->n = q - p - 1;
	*after = q + 1;
	return 1;
}

int itsma__fast_object(const char *b, size_t len, size_t pos, const char *const *keys,
                       unsigned array_mask, size_t max_string, itsma__span *vals, size_t *end)
{
	size_t nkeys = 0, i, p = ws(b, len, pos);
	unsigned seen = 0;

	while (keys[nkeys])
		nkeys++;
	for (i = 0; i < nkeys; i++) {
		vals[i].p = NULL;
		vals[i].n = 0;
	}
	if (p >= len || b[p] != '{')
		return 0;
	p = ws(b, len, p + 1);
	if (p < len && b[p] == '}') {
		*end = p + 1;
		return 1;
	}
	for (;;) {
		itsma__span key;
		size_t k;
		if (!plain_string(b, len, p, 64, &key, &p))
			return 0;
		for (k = 0; k < nkeys; k++)
			if (itsma__span_is(&key, keys[k]))
				break;
		if (k == nkeys || (seen & (1u << k)))
			return 0; /* unknown (or x-) key, or a duplicate: the general path decides
			           */
		seen |= 1u << k;
		p = ws(b, len, p);
		if (p >= len || b[p] != ':')
			return 0;
		p = ws(b, len, p + 1);
		if (array_mask & (1u << k)) {
			size_t start = p;
			itsma__span s;
			if (p >= len || b[p] != '[')
				return 0;
			p = ws(b, len, p + 1);
			if (p < len && b[p] != ']') {
				for (;;) {
					if (!plain_string(b, len, p, max_string, &s, &p))
						return 0;
					p = ws(b, len, p);
					if (p < len && b[p] == ',') {
						p = ws(b, len, p + 1);
						continue;
					}
					break;
				}
			}
			if (p >= len || b[p] != ']')
				return 0;
			p++;
			vals[k].p = b + start;
			vals[k].n = p - start;
		} else if (!plain_string(b, len, p, max_string, &vals[k], &p)) {
			return 0;
		}
		p = ws(b, len, p);
		if (p >= len)
			return 0;
		if (b[p] == '}') {
			*end = p + 1;
			return 1;
		}
		if (b[p] != ',')
			return 0;
		p = ws(b, len, p + 1);
	}
}

int itsma__fast_next(const itsma__span *array, size_t *at, itsma__span *out)
{
	const char *b = array->p;
	size_t len = array->n, p = *at ? *at : 1, after;
	p = ws(b, len, p);
	if (p < len && b[p] == ',')
		p = ws(b, len, p + 1);
	if (p >= len || b[p] != '"')
		return 0;
	if (!plain_string(b, len, p, (size_t)-1, out, &after))
		return 0;
	*at = after;
	return 1;
}
