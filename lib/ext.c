/* SPDX-License-Identifier: Apache-2.0 */
/*
 * x- extensions: kept as their JSON text (strictly valid, checked when loaded), which costs
 * memory linear in that text, unlike a json-c tree (a 3-byte "{}," is almost 800 bytes as a
 * tree); written back re-indented into the pretty writer.
 */
#include "internal/json_in.h"
#include "internal/jsontext.h"
#include "internal/buf.h"
#include "internal/error.h"

#include <stdlib.h>
#include <string.h>

void itsma__ext_free(itsma__ext *x)
{
	size_t i;
	if (!x)
		return;
	for (i = 0; i < x->count; i++) {
		free(x->keys[i]);
		free(x->values[i]);
	}
	free(x->keys);
	free(x->values);
	free(x);
}

int itsma__ext_add(itsma__ext **ext, const char *key, const char *text, size_t len)
{
	itsma__ext *x;
	char **nk, **nv, *k, *v;
	if (!*ext) {
		*ext = calloc(1, sizeof **ext);
		if (!*ext)
			return ITSMA_ENOMEM;
	}
	x = *ext;
	nk = realloc(x->keys, (x->count + 1) * sizeof *nk);
	if (!nk)
		return ITSMA_ENOMEM;
	x->keys = nk;
	nv = realloc(x->values, (x->count + 1) * sizeof *nv);
	if (!nv)
		return ITSMA_ENOMEM;
	x->values = nv;
	k = strdup(key);
	v = malloc(len + 1);
	if (!k || !v) {
		free(k);
		free(v);
		return ITSMA_ENOMEM;
	}
	memcpy(v, text, len);
	v[len] = '\0';
	x->keys[x->count] = k;
	x->values[x->count] = v;
	x->count++;
	return 0;
}

int itsma__ext_clone(itsma__ext **out, const itsma__ext *x)
{
	itsma__ext *c;
	size_t i, n = x ? x->count : 0;

	*out = NULL;
	if (!x)
		return 0;
	c = calloc(1, sizeof *c);
	if (!c)
		return ITSMA_ENOMEM;
	c->keys = calloc(n ? n : 1, sizeof *c->keys);
	c->values = calloc(n ? n : 1, sizeof *c->values);
	if (!c->keys || !c->values) {
		itsma__ext_free(c);
		return ITSMA_ENOMEM;
	}
	for (i = 0; i < n; i++, c->count++) {
		c->keys[i] = strdup(x->keys[i]);
		c->values[i] = strdup(x->values[i]);
		if (!c->keys[i] || !c->values[i]) {
			c->count++; /* free the one of the two that was copied */
			itsma__ext_free(c);
			return ITSMA_ENOMEM;
		}
	}
	*out = c;
	return 0;
}

/* The compact JSON text of a json-c value (recursion: loading caps the depth at 1000). */
static void to_text(itsma__buf *b, json_object *v)
{
	switch (json_object_get_type(v)) {
	case json_type_null: itsma__buf_puts(b, "null"); break;
	case json_type_boolean:
		itsma__buf_puts(b, json_object_get_boolean(v) ? "true" : "false");
		break;
	case json_type_int:
	case json_type_double: {
		/* json-c writes a number with the text it was read from (uint64 beyond int64,
		 * 1e400); its printer ignores allocation failures, so what it gives is checked */
		const char *t = json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN);
		itsma__text_fault f;
		size_t n = t ? strlen(t) : 0, end = 0;
		if (!n || itsma__text_check(t, n, 0, 1, 0, &end, &f) != 0 || end != n)
			b->oom = 1;
		else
			itsma__buf_append(b, t, n);
		break;
	}
	case json_type_string: itsma__buf_json_string(b, json_object_get_string(v)); break;
	case json_type_array: {
		size_t i, n = json_object_array_length(v);
		itsma__buf_putc(b, '[');
		for (i = 0; i < n; i++) {
			if (i)
				itsma__buf_putc(b, ',');
			to_text(b, json_object_array_get_idx(v, i));
		}
		itsma__buf_putc(b, ']');
		break;
	}
	case json_type_object: {
		json_object_iter it;
		int first = 1;
		itsma__buf_putc(b, '{');
		json_object_object_foreachC(v, it)
		{
			if (!first)
				itsma__buf_putc(b, ',');
			first = 0;
			itsma__buf_json_string(b, it.key);
			itsma__buf_putc(b, ':');
			to_text(b, it.val);
		}
		itsma__buf_putc(b, '}');
		break;
	}
	}
}

int itsma__ext_add_json(itsma__ext **ext, const char *key, json_object *v)
{
	itsma__buf b = ITSMA__BUF_INIT;
	int rc;
	to_text(&b, v);
	rc = b.oom ? ITSMA_ENOMEM : itsma__ext_add(ext, key, b.data, b.len);
	itsma__buf_free(&b);
	return rc;
}

/* ---- writing --------------------------------------------------------------------------------- */

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c - 'A' + 10;
}

static unsigned long unit(const char *p)
{
	return (unsigned long)(hexval(p[2]) << 12 | hexval(p[3]) << 8 | hexval(p[4]) << 4 |
	                       hexval(p[5]));
}

/* Decode the (strictly valid) string literal at t[*p] into b (reset first); *p after it. */
static void decode(const char *t, size_t *p, itsma__buf *b)
{
	size_t i = *p + 1;
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
	for (;;) {
		size_t s = i;
		unsigned long cp;
		char u[4];
		while (t[i] != '"' && t[i] != '\\')
			i++;
		itsma__buf_append(b, t + s, i - s);
		if (t[i] == '"')
			break;
		switch (t[i + 1]) {
		case 'b':
			itsma__buf_putc(b, '\b');
			i += 2;
			continue;
		case 'f':
			itsma__buf_putc(b, '\f');
			i += 2;
			continue;
		case 'n':
			itsma__buf_putc(b, '\n');
			i += 2;
			continue;
		case 'r':
			itsma__buf_putc(b, '\r');
			i += 2;
			continue;
		case 't':
			itsma__buf_putc(b, '\t');
			i += 2;
			continue;
		case 'u': break;
		default:
			itsma__buf_putc(b, t[i + 1]);
			i += 2;
			continue;
		}
		cp = unit(t + i);
		i += 6;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(t + i) - 0xDC00);
			i += 6;
		}
		if (cp < 0x80) {
			u[0] = (char)cp;
			itsma__buf_append(b, u, 1);
		} else if (cp < 0x800) {
			u[0] = (char)(0xC0 | cp >> 6);
			u[1] = (char)(0x80 | (cp & 0x3F));
			itsma__buf_append(b, u, 2);
		} else if (cp < 0x10000) {
			u[0] = (char)(0xE0 | cp >> 12);
			u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
			u[2] = (char)(0x80 | (cp & 0x3F));
			itsma__buf_append(b, u, 3);
		} else {
			u[0] = (char)(0xF0 | cp >> 18);
			u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
			u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
			u[3] = (char)(0x80 | (cp & 0x3F));
			itsma__buf_append(b, u, 4);
		}
	}
	*p = i + 1;
}

/*
 * Containers that start this deep in the written document are written on one line: one
 * member per line would indent each line by twice its depth, and the output of a deeply
 * nested value would grow with the square of its depth.
 */
#define INLINE_DEPTH 16

/* The JSON text t[p, end) on one line ("a": 1, "b": [2, 3]), strings re-escaped. */
static void one_line(itsma__buf *out, itsma__buf *sb, const char *t, size_t p, size_t end)
{
	out->len = 0;
	itsma__buf_append(out, "", 0);
	while (p < end && !out->oom) {
		char c = t[p];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			p++;
		} else if (c == '"') {
			decode(t, &p, sb);
			if (sb->oom)
				out->oom = 1;
			else
				itsma__buf_json_string(out, sb->data);
		} else if (c == ',' || c == ':') {
			itsma__buf_putc(out, c);
			itsma__buf_putc(out, ' ');
			p++;
		} else {
			itsma__buf_putc(out, c);
			p++;
		}
	}
}

/* Write one member (key) or element (key NULL) from its JSON text, iteratively. */
static void write_text(itsma__jw *w, const char *key, const char *t)
{
	itsma__buf kb = ITSMA__BUF_INIT, sb = ITSMA__BUF_INIT, lb = ITSMA__BUF_INIT;
	unsigned char obj[ITSMA__JW_MAX_DEPTH]; /* 1: the open container is an object */
	size_t d = 0, p = 0;
	const char *k = key;

	for (;;) {
		char c;
		p = itsma__text_ws(t, (size_t)-1, p);
		c = t[p];
		if (!c)
			break;
		if (c == ',') {
			p++;
			continue;
		}
		if (d && obj[d - 1] && !k && c == '"') {
			decode(t, &p, &kb);
			if (kb.oom)
				break;
			k = kb.data;
			p = itsma__text_ws(t, (size_t)-1, p) + 1; /* ':' */
			continue;
		}
		switch (c) {
		case '{':
		case '[':
			if (w->depth >= INLINE_DEPTH) {
				size_t e = itsma__text_value_end(t, (size_t)-1, p);
				one_line(&lb, &sb, t, p, e);
				if (lb.oom) {
					w->b->oom = 1;
					goto out;
				}
				itsma__jw_raw(w, k, lb.data);
				p = e;
				break;
			}
			if (d >= sizeof obj) { /* cannot happen: loading caps the depth */
				w->b->oom = 1;
				goto out;
			}
			if (c == '{')
				itsma__jw_begin_object(w, k);
			else
				itsma__jw_begin_array(w, k);
			obj[d++] = c == '{';
			p++;
			break;
		case '}':
		case ']':
			if (c == '}')
				itsma__jw_end_object(w);
			else
				itsma__jw_end_array(w);
			p++;
			if (--d == 0)
				goto out;
			break;
		case '"':
			decode(t, &p, &sb);
			if (sb.oom) {
				w->b->oom = 1;
				goto out;
			}
			itsma__jw_string(w, k, sb.data);
			break;
		case 't':
			itsma__jw_bool(w, k, 1);
			p += 4;
			break;
		case 'f':
			itsma__jw_bool(w, k, 0);
			p += 5;
			break;
		case 'n':
			itsma__jw_null(w, k);
			p += 4;
			break;
		default: {
			/* a number: written with its own text */
			size_t e = p;
			while (t[e] && t[e] != ',' && t[e] != ']' && t[e] != '}' && t[e] != ' ' &&
			       t[e] != '\n' && t[e] != '\r' && t[e] != '\t')
				e++;
			sb.len = 0;
			itsma__buf_append(&sb, t + p, e - p);
			if (sb.oom) {
				w->b->oom = 1;
				goto out;
			}
			itsma__jw_raw(w, k, sb.data);
			p = e;
			break;
		}
		}
		k = NULL;
		if (!d)
			break;
	}
out:
	if (kb.oom)
		w->b->oom = 1;
	itsma__buf_free(&kb);
	itsma__buf_free(&sb);
	itsma__buf_free(&lb);
}

void itsma__write_ext(itsma__jw *w, const itsma__ext *ext)
{
	size_t i;
	if (!ext)
		return;
	for (i = 0; i < ext->count; i++)
		write_text(w, ext->keys[i], ext->values[i]);
}

int itsma__write_begin(itsma__jw *w, itsma__buf *b, char **out, const void *obj, const char *what,
                       const char *format, const char *id, itsma_error *err)
{
	if (out)
		*out = NULL;
	if (!out || !obj)
		return itsma__error_set(err, ITSMA_EINVAL, "out and %s must not be NULL", what);
	itsma__jw_init(w, b);
	itsma__jw_begin_object(w, NULL);
	itsma__jw_string(w, "format", format);
	itsma__jw_string(w, "id", id);
	return 0;
}

int itsma__write_ext_end(itsma__jw *w, itsma__buf *b, const itsma__ext *ext, char **out,
                         itsma_error *err)
{
	itsma__write_ext(w, ext);
	itsma__jw_end_object(w);
	itsma__jw_finish(w);
	return itsma__buf_finish(b, out, err);
}
