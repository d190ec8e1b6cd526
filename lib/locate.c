/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Where an error lies: the offset of the value a JSON Pointer names, and the line and column
 * of an offset, for a reader that may report many problems (validation).
 *
 * Both are remembered between calls, so that N problems cost time linear in the text rather
 * than N times it:
 * - line and column: a mark every 4 KiB of text (line and column there), built as far as
 *   asked for, once; a position is then found from the mark before it, within 4 KiB;
 * - pointers: the path of the last pointer located (for each level, where its container
 *   starts and where the chosen member or element is). A new pointer reuses the levels it
 *   shares with the last one, and at the first level where it differs resumes the scan from
 *   the last element (arrays, when the new index is not smaller) or the last member
 *   (objects, wrapping round to the start). Problems come in document order, so every part
 *   of the text is scanned a bounded number of times.
 */
#include "internal/json_in.h"
#include "internal/jsontext.h"
#include "internal/error.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define MARK_SHIFT 12 /* a mark every 4 KiB */
#define MAX_LEVELS (ITSMA_ERROR_POINTER_LENGTH / 2)

typedef struct where_level {
	size_t container;   /* offset of the '{' or '[' */
	size_t value;       /* offset of the chosen member's value, or of the element */
	size_t index;       /* arrays: index of the element */
	size_t key;         /* objects: offset of the member's key */
	size_t tok, toklen; /* the token, in ptr */
} where_level;

struct itsma__where {
	size_t *line, *col; /* at offset i << MARK_SHIFT */
	size_t marks, cap;
	char ptr[ITSMA_ERROR_POINTER_LENGTH];
	where_level lv[MAX_LEVELS];
	size_t depth; /* levels of ptr located and remembered */
};

void itsma__where_free(itsma__where *w)
{
	if (!w)
		return;
	free(w->line);
	free(w->col);
	free(w);
}

static itsma__where *where_of(itsma__reader *rd)
{
	if (!rd->where)
		rd->where = calloc(1, sizeof *rd->where);
	return rd->where;
}

/* ---- line and column --------------------------------------------------------------------- */

/* Advance (line, col) over b[from, to). */
static void advance(const char *b, size_t from, size_t to, size_t *line, size_t *col)
{
	size_t i;
	for (i = from; i < to; i++) {
		if (b[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)b[i] & 0xC0) != 0x80) {
			++*col;
		}
	}
}

/* Marks up to the one at or before offset; 0, or -1 when memory ran out (no marks used). */
static int build_marks(itsma__where *w, const char *b, size_t len, size_t offset)
{
	size_t want = (offset >> MARK_SHIFT) + 1;
	(void)len;
	if (want > w->cap) {
		size_t cap = w->cap ? w->cap : 64, *nl, *nc;
		while (cap < want)
			cap *= 2;
		nl = realloc(w->line, cap * sizeof *nl);
		if (!nl)
			return -1;
		w->line = nl;
		nc = realloc(w->col, cap * sizeof *nc);
		if (!nc)
			return -1;
		w->col = nc;
		w->cap = cap;
	}
	if (!w->marks) {
		w->line[0] = 1;
		w->col[0] = 1;
		w->marks = 1;
	}
	while (w->marks < want) {
		size_t m = w->marks, line = w->line[m - 1], col = w->col[m - 1];
		advance(b, (m - 1) << MARK_SHIFT, m << MARK_SHIFT, &line, &col);
		w->line[m] = line;
		w->col[m] = col;
		w->marks++;
	}
	return 0;
}

void itsma__reader_position(itsma__reader *rd, itsma_error *err, size_t offset)
{
	itsma__where *w;
	size_t m, line, col;

	if (!err)
		return;
	if (offset > rd->len)
		offset = rd->len;
	w = where_of(rd);
	if (!w || build_marks(w, rd->buf, rd->len, offset) < 0) {
		itsma__error_position(err, rd->buf, rd->len, offset);
		return;
	}
	m = offset >> MARK_SHIFT;
	line = w->line[m];
	col = w->col[m];
	advance(rd->buf, m << MARK_SHIFT, offset, &line, &col);
	err->line = line > (size_t)INT_MAX ? INT_MAX : (int)line;
	err->column = col > (size_t)INT_MAX ? INT_MAX : (int)col;
	err->offset = offset;
}

/* ---- pointers ------------------------------------------------------------------------------ */

/* Compare a raw key literal b[k..kend) (quotes included) with a pointer token. */
static int raw_key_equals(const char *b, size_t k, size_t kend, const char *tok, size_t toklen)
{
	size_t i = k + 1, j = 0;
	while (i < kend - 1 && j < toklen) {
		char want = tok[j];
		if (want == '~' && j + 1 < toklen) {
			want = tok[j + 1] == '0' ? '~' : '/';
			j++;
		}
		if (b[i] == '\\')
			return 0; /* escaped keys are not located exactly */
		if (b[i] != want)
			return 0;
		i++;
		j++;
	}
	return i == kend - 1 && j == toklen;
}

/* After a member's or element's value at v: the next one's offset, or the closing bracket. */
static size_t next_item(const char *b, size_t len, size_t v)
{
	size_t p = itsma__text_ws(b, len, itsma__text_value_end(b, len, v));
	if (p < len && b[p] == ',')
		p = itsma__text_ws(b, len, p + 1);
	return p;
}

/* The member `tok` of the object at obj, looking from the key at `from` (or the first) to the
 * end and then from the first up to `from`: 1 with *key and *value, or 0. */
static int find_member(const char *b, size_t len, size_t obj, size_t from, const char *tok,
                       size_t toklen, size_t *key, size_t *value)
{
	size_t first = itsma__text_ws(b, len, obj + 1), p, pass;
	if (!from)
		from = first;
	for (pass = 0; pass < 2; pass++) {
		p = pass ? first : from;
		while (p < len && b[p] == '"' && !(pass && p >= from)) {
			size_t kend = itsma__text_string_end(b, len, p), v;
			v = itsma__text_ws(b, len,
			                   itsma__text_ws(b, len, kend) + 1); /* after ':' */
			if (raw_key_equals(b, p, kend, tok, toklen)) {
				*key = p;
				*value = v;
				return 1;
			}
			p = next_item(b, len, v);
		}
		if (from == first)
			break;
	}
	return 0;
}

static int parse_index(const char *tok, size_t toklen, size_t *out)
{
	size_t i, v = 0;
	if (!toklen || toklen > 19)
		return 0;
	for (i = 0; i < toklen; i++) {
		if (tok[i] < '0' || tok[i] > '9')
			return 0;
		v = v * 10 + (size_t)(tok[i] - '0');
	}
	*out = v;
	return 1;
}

/* Offset of the value `ptr` names (or of the innermost value of it that exists). */
static size_t locate(itsma__where *w, const char *b, size_t len, const char *ptr)
{
	size_t pos = itsma__text_ws(b, len, 0), d = 0;
	const char *p = ptr;
	int same = w != NULL;

	while (*p == '/') {
		const char *tok = p + 1;
		size_t toklen = strcspn(tok, "/");
		where_level *m = w && d < w->depth ? &w->lv[d] : NULL, nl;
		int resume = same && m && m->container == pos;

		p = tok + toklen;
		if (pos >= len)
			break;
		if (resume && m->toklen == toklen && memcmp(w->ptr + m->tok, tok, toklen) == 0) {
			pos = m->value;
			d++;
			continue;
		}
		same = 0;
		memset(&nl, 0, sizeof nl);
		nl.container = pos;
		if (b[pos] == '{') {
			if (!find_member(b, len, pos, resume ? m->key : 0, tok, toklen, &nl.key,
			                 &nl.value))
				break;
		} else if (b[pos] == '[') {
			size_t idx, i = 0, q = itsma__text_ws(b, len, pos + 1);
			if (!parse_index(tok, toklen, &idx))
				break;
			if (resume && m->index <= idx) {
				i = m->index;
				q = m->value;
			}
			for (; i < idx && q < len && b[q] != ']'; i++)
				q = next_item(b, len, q);
			if (q >= len || b[q] == ']')
				break;
			nl.index = idx;
			nl.value = q;
		} else {
			break;
		}
		pos = nl.value;
		if (w && d < MAX_LEVELS) {
			nl.tok = (size_t)(tok - ptr);
			nl.toklen = toklen;
			w->lv[d] = nl;
		}
		d++;
	}
	if (w) {
		/* remember the located levels (tokens point into the copy of ptr) */
		size_t n = strlen(ptr);
		if (n >= sizeof w->ptr)
			d = 0; /* cut: do not remember */
		else
			memcpy(w->ptr, ptr, n + 1);
		w->depth = d < MAX_LEVELS ? d : MAX_LEVELS;
	}
	return pos;
}

void itsma__json_locate_error(itsma__reader *rd)
{
	size_t off;
	if (!rd->err || rd->err->line > 0 || !rd->buf || !rd->len)
		return;
	if (rd->err->pointer[0] != '/' && rd->err->pointer[0] != '\0')
		return;
	off = locate(where_of(rd), rd->buf, rd->len, rd->err->pointer);
	itsma__reader_position(rd, rd->err, off);
}
