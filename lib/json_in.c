/* SPDX-License-Identifier: Apache-2.0 */
/* Reading JSON with json-c: strict one-value parsing, positions, limits, typed members. */
#include "internal/json_in.h"
#include "internal/buf.h"
#include "internal/error.h"
#include "internal/jsontext.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int itsma__reader_init(itsma__reader *rd, const char *buf, size_t len, const char *source,
                       const itsma_load_options *opts, itsma_error *err)
{
	memset(rd, 0, sizeof *rd);
	rd->buf = buf;
	rd->len = len;
	rd->source = source ? source : "<buffer>";
	rd->err = err;
	rd->max_depth = ITSMA_DEFAULT_MAX_DEPTH;
	rd->max_string = ITSMA_DEFAULT_MAX_STRING;
	rd->max_records = ITSMA_DEFAULT_MAX_RECORDS;
	rd->max_bytes = ITSMA_DEFAULT_MAX_BYTES;
	if (opts) {
		if (itsma__version_check(opts->version, ITSMA_LOAD_OPTIONS_VERSION,
		                         "itsma_load_options", err) < 0)
			return ITSMA_EINVAL;
		if (opts->max_depth)
			rd->max_depth = opts->max_depth;
		if (opts->max_string)
			rd->max_string = opts->max_string;
		if (opts->max_records)
			rd->max_records = opts->max_records;
		if (opts->max_bytes)
			rd->max_bytes = opts->max_bytes;
		if (opts->version >= 2) {
			rd->resolve = opts->resolve;
			rd->resolve_payload = opts->resolve_payload;
		}
	}
	if (rd->max_depth > ITSMA__MAX_DEPTH_CAP)
		rd->max_depth = ITSMA__MAX_DEPTH_CAP;
	return 0;
}

int itsma__reader_walked(itsma__reader *rd, int rc, char **origin)
{
	if (rc == 0 && (rd->problems || rd->stop)) {
		rc = rd->stop ? rd->stop : rd->first.code;
		if (rd->err)
			*rd->err = rd->first;
	}
	if (rc == 0 && !(*origin = strdup(rd->source)))
		rc = itsma__error_nomem(rd->err);
	return rc;
}

int itsma__json_parse_document(itsma__reader *rd, json_object **root)
{
	size_t end;
	int rc;

	*root = NULL;
	if (rd->len > rd->max_bytes) {
		itsma__error_set(rd->err, ITSMA_ELIMIT, "input is %zu bytes, over the limit of %zu",
		                 rd->len, rd->max_bytes);
		itsma__error_source(rd->err, rd->source);
		return ITSMA_ELIMIT;
	}
	rc = itsma__json_parse(rd, 0, 0, "", root, &end);
	if (rc == 0) {
		end = itsma__json_ws(rd, end);
		if (end < rd->len)
			rc = itsma__json_syntax(rd, end,
			                        "unexpected text after the end of the document");
	}
	return rc;
}

int itsma__reader_load(itsma__reader *rd, itsma__walk_fn walk, void *ctx, void **obj)
{
	itsma_error *err = rd->err;
	json_object *root = NULL;
	int rc;

	*obj = NULL;
	rc = itsma__json_parse_document(rd, &root);
	if (rc == ITSMA_ELIMIT && rd->len > rd->max_bytes)
		return rc; /* the whole input is over the limit: nothing to locate */
	if (rc == 0)
		rc = walk(rd, root, ctx, obj);
	if (rc < 0 && rc != ITSMA_ENOMEM && err && err->line == 0) {
		itsma__error_source(err, rd->source);
		itsma__json_locate_error(rd);
	}
	json_object_put(root);
	return rc;
}

int itsma__load_buffer(itsma__read_fn read, void *ctx, void **obj, const char *buf, size_t len,
                       const char *source_name, const itsma_load_options *opts, itsma_error *err)
{
	itsma__reader rd;
	int rc;
	if (!obj)
		return itsma__error_set(err, ITSMA_EINVAL, "out must not be NULL");
	*obj = NULL;
	if (!buf && len)
		return itsma__error_set(err, ITSMA_EINVAL, "buf must not be NULL");
	if ((rc = itsma__reader_init(&rd, buf ? buf : "", len, source_name, opts, err)) < 0)
		return rc;
	rc = read(&rd, ctx, obj);
	itsma__reader_fini(&rd);
	if (rc == ITSMA_ENOMEM)
		itsma__error_source(err, rd.source); /* "file: out of memory" (allocates nothing) */
	return rc;
}

int itsma__reader_problem(itsma__reader *rd, int rc)
{
	itsma_error tmp;
	int r;

	if (!rd->collect || rc >= 0 || rc == ITSMA_ENOMEM || rc == ITSMA_EPARSE || rd->stop)
		return rc;
	if (!rd->err)
		return rc;
	itsma__error_source(rd->err, rd->source);
	itsma__json_locate_error(rd);
	tmp = *rd->err;
	if (!rd->problems)
		rd->first = tmp;
	rd->problems++;
	r = rd->collect(&tmp, rd->payload);
	itsma_error_clear(rd->err);
	if (r) {
		rd->stop = r;
		return rc;
	}
	return 0;
}

void itsma__reader_fini(itsma__reader *rd)
{
	if (rd->tok)
		json_tokener_free(rd->tok);
	rd->tok = NULL;
	itsma__where_free(rd->where);
	rd->where = NULL;
}

size_t itsma__json_ws(const itsma__reader *rd, size_t pos)
{
	while (pos < rd->len) {
		char c = rd->buf[pos];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		pos++;
	}
	return pos;
}

int itsma__json_syntax(itsma__reader *rd, size_t offset, const char *fmt, ...)
{
	char tmp[ITSMA_ERROR_MESSAGE_LENGTH];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	itsma__error_set(rd->err, ITSMA_EPARSE, "%s", tmp);
	itsma__error_source(rd->err, rd->source);
	itsma__error_position(rd->err, rd->buf, rd->len, offset);
	return ITSMA_EPARSE;
}

void itsma__ptr_key(char *out, const char *ptr, const char *key)
{
	size_t n = strlen(ptr);
	if (out != ptr) {
		if (n >= ITSMA_ERROR_POINTER_LENGTH)
			n = ITSMA_ERROR_POINTER_LENGTH - 1;
		memmove(out, ptr, n);
		out[n] = '\0';
	}
	if (key)
		itsma__pointer_append(out, ITSMA_ERROR_POINTER_LENGTH, key);
}

void itsma__ptr_index(char *out, const char *ptr, size_t index)
{
	char tok[32], *p = tok + sizeof tok - 1;
	*p = '\0';
	do {
		*--p = (char)('0' + index % 10);
		index /= 10;
	} while (index);
	itsma__ptr_key(out, ptr, p);
}

int itsma__schema(itsma__reader *rd, const char *ptr, const char *key, const char *fmt, ...)
{
	char tmp[ITSMA_ERROR_MESSAGE_LENGTH];
	char p[ITSMA_ERROR_POINTER_LENGTH];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	itsma__error_set(rd->err, ITSMA_ESCHEMA, "%s", tmp);
	itsma__error_source(rd->err, rd->source);
	itsma__ptr_key(p, ptr, key);
	itsma__error_pointer(rd->err, "%s", p);
	return ITSMA_ESCHEMA;
}

/* ---- raw scanning (on text json-c accepted) ------------------------------------------------ */

/* All ':' bytes in [pos, end), strings included (memchr is fast). */
static size_t count_colons(const char *b, size_t pos, size_t end)
{
	size_t n = 0;
	const char *p = b + pos, *e = b + end;
	while (p < e && (p = memchr(p, ':', (size_t)(e - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

/* Count ':' outside strings in [pos, end): the number of object members in the text. */
static size_t count_members(const char *b, size_t pos, size_t end)
{
	size_t n = 0;
	while (pos < end) {
		const char *q = b + pos;
		size_t left = end - pos, i;
		for (i = 0; i < left; i++)
			if (q[i] == '"' || q[i] == ':')
				break;
		pos += i;
		if (pos >= end)
			break;
		if (b[pos] == ':') {
			n++;
			pos++;
		} else {
			pos = itsma__text_string_end(b, end, pos);
		}
	}
	return n;
}

/* ---- checks on parsed trees -------------------------------------------------------------- */

typedef struct walk {
	size_t keys;
	size_t colons; /* ':' characters inside keys and string values */
	size_t max_string;
	const char *path[64]; /* tokens of the failing value, innermost first */
	size_t path_idx[64];
	int path_isidx[64];
	size_t path_len;
	const char *problem;
} walk;

/* Returns 1 on a violation (string too long or holding NUL). */
static int walk_value(walk *w, json_object *v)
{
	size_t i, n;
	switch (json_object_get_type(v)) {
	case json_type_string:
		n = (size_t)json_object_get_string_len(v);
		if (n > w->max_string) {
			w->problem = "too long";
			return 1;
		}
		{
			const char *sv = json_object_get_string(v), *c = sv, *e = sv + n;
			if (memchr(sv, '\0', n)) {
				w->problem = "nul";
				return 1;
			}
			while (c < e && (c = memchr(c, ':', (size_t)(e - c))) != NULL) {
				w->colons++;
				c++;
			}
		}
		return 0;
	case json_type_object: {
		json_object_iter it;
		json_object_object_foreachC(v, it)
		{
			w->keys++;
			if (strchr(it.key, ':'))
				w->colons += count_colons(it.key, 0, strlen(it.key));
			if (strlen(it.key) > w->max_string) {
				w->problem = "too long";
				goto fail_key;
			}
			if (walk_value(w, it.val)) {
			fail_key:
				if (w->path_len < 64) {
					w->path[w->path_len] = it.key;
					w->path_isidx[w->path_len] = 0;
					w->path_len++;
				}
				return 1;
			}
		}
		return 0;
	}
	case json_type_array:
		n = json_object_array_length(v);
		for (i = 0; i < n; i++) {
			if (walk_value(w, json_object_array_get_idx(v, i))) {
				if (w->path_len < 64) {
					w->path_idx[w->path_len] = i;
					w->path_isidx[w->path_len] = 1;
					w->path_len++;
				}
				return 1;
			}
		}
		return 0;
	default: return 0;
	}
}

/* ---- limits json-c cannot enforce while it parses -------------------------------------------- */

/*
 * json-c builds the whole tree of a value before itsma sees it, and a tree costs far more
 * memory than its text (a 3-byte "{}," becomes half a kilobyte). So before json-c runs on
 * a large input, a scan of the raw text checks what json-c would otherwise allocate for:
 * the decoded length of every string and key (max_string), the elements of any one array
 * and the members of any one object (max_records), and the number of values in the value
 * being parsed (ITSMA__MAX_VALUES). The scan is iterative, allocates one small array of
 * levels, and stops at the end of the value or at the first byte it does not understand
 * (json-c then reports the syntax error).
 */
typedef struct scan_level {
	size_t count;        /* elements (array) or members (object) so far */
	size_t key, key_end; /* object: raw text of the current member's key */
	int object;
} scan_level;

typedef struct scan_result {
	size_t at; /* offset of the offending value or key */
	char message[ITSMA_ERROR_MESSAGE_LENGTH];
	char pointer[ITSMA_ERROR_POINTER_LENGTH];
} scan_result;

static unsigned hex4(const char *p)
{
	unsigned v = 0;
	int i;
	for (i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return 0; /* invalid: json-c reports it; count it short */
	}
	return v;
}

/* Bytes the string literal at b[pos] == '"' decodes to (never more); *end after it. */
static size_t decoded_length(const char *b, size_t len, size_t pos, size_t *end)
{
	size_t n = 0;
	pos++;
	while (pos < len && b[pos] != '"') {
		if (b[pos] != '\\') {
			n++;
			pos++;
		} else if (pos + 5 < len && b[pos + 1] == 'u') {
			unsigned cp = hex4(b + pos + 2);
			if (cp >= 0xD800 && cp <= 0xDBFF && pos + 11 < len && b[pos + 6] == '\\' &&
			    b[pos + 7] == 'u' && hex4(b + pos + 8) >= 0xDC00 &&
			    hex4(b + pos + 8) <= 0xDFFF) {
				n += 4;
				pos += 12;
				continue;
			}
			n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
			pos += 6;
		} else {
			n++;
			pos += 2;
		}
	}
	*end = pos < len ? pos + 1 : len;
	return n;
}

static void scan_pointer(const itsma__reader *rd, const scan_level *lv, size_t d, const char *ptr,
                         char *out)
{
	size_t i;
	itsma__ptr_key(out, ptr, NULL);
	for (i = 0; i < d; i++) {
		if (lv[i].object) {
			char key[ITSMA_ERROR_POINTER_LENGTH];
			size_t n = lv[i].key_end > lv[i].key ? lv[i].key_end - lv[i].key : 0;
			if (n >= sizeof key)
				n = sizeof key - 1;
			memcpy(key, rd->buf + lv[i].key, n);
			key[n] = '\0';
			itsma__ptr_key(out, out, key);
		} else {
			itsma__ptr_index(out, out, lv[i].count ? lv[i].count - 1 : 0);
		}
	}
}

/*
 * What json-c 0.16 allocates for a tree, about (measured on x86-64 glibc, rounded up): an
 * object 784 bytes and 130 more per member, an array 152 and 8-16 per element, a string 88
 * plus its length, a number 72-104. A tree may cost at most ITSMA__TREE_BUDGET of the input.
 */
enum {
	COST_OBJECT = 800,
	COST_MEMBER = 144,
	COST_ARRAY = 160,
	COST_ELEMENT = 16,
	COST_STRING = 96,
	COST_SCALAR = 112,
	COST_MAX_PER_BYTE = 400
};

static size_t tree_budget(const itsma__reader *rd)
{
	size_t floor = ITSMA__TREE_BUDGET_FLOOR, k = ITSMA__TREE_BUDGET_PER_BYTE;
	return rd->len > ((size_t)-1 - floor) / k ? (size_t)-1 : floor + rd->len * k;
}

/* Is a scan worth it: could the remaining input break one of the limits at all? */
static int scan_needed(const itsma__reader *rd, size_t avail, int tree)
{
	return avail > rd->max_string + 2 || avail / 2 >= rd->max_records ||
	       avail / 2 >= ITSMA__MAX_VALUES(rd->max_records) ||
	       (tree && avail >= tree_budget(rd) / COST_MAX_PER_BYTE);
}

/* 1 and *res when the value at pos breaks a limit; 0 when not; ITSMA_ENOMEM. */
static int prescan(const itsma__reader *rd, size_t pos, unsigned int depth, const char *ptr,
                   int tree, scan_result *res)
{
	const char *b = rd->buf;
	size_t len = rd->len, d = 0, values = 0, e, n, cost = 0;
	size_t budget = tree ? tree_budget(rd) : (size_t)-1;
	size_t max_values = ITSMA__MAX_VALUES(rd->max_records);
	size_t levels = rd->max_depth > depth ? rd->max_depth - depth : 1;
	scan_level *lv = malloc(levels * sizeof *lv);
	int found = 0;

	if (!lv)
		return ITSMA_ENOMEM;
	for (;;) {
		/* a value starts at pos */
		pos = itsma__text_ws(b, len, pos);
		if (pos >= len)
			break;
		if (d && !lv[d - 1].object && ++lv[d - 1].count > rd->max_records) {
			snprintf(res->message, sizeof res->message,
			         "more than %zu elements in one array (over the max_records limit)",
			         rd->max_records);
			found = 1;
			break;
		}
		if (++values > max_values) {
			snprintf(res->message, sizeof res->message,
			         "more than %zu values in one document or record (over the limit "
			         "of 64 per max_records)",
			         max_values);
			found = 1;
			break;
		}
		if (d && !lv[d - 1].object)
			cost += COST_ELEMENT;
		if (cost > budget) {
			snprintf(res->message, sizeof res->message,
			         "too many values for the size of the input: reading them would "
			         "take more than %zu MiB (16 MiB + %d times the input)",
			         budget >> 20, ITSMA__TREE_BUDGET_PER_BYTE);
			found = 1;
			break;
		}
		if (b[pos] == '"') {
			if ((n = decoded_length(b, len, pos, &e)) > rd->max_string) {
				snprintf(res->message, sizeof res->message,
				         "string longer than the limit of %zu bytes",
				         rd->max_string);
				found = 1;
				break;
			}
			cost += COST_STRING + n;
			pos = e;
		} else if (b[pos] == '{' || b[pos] == '[') {
			cost += b[pos] == '{' ? COST_OBJECT : COST_ARRAY;
			if (d >= levels)
				break; /* too deep: json-c reports it */
			memset(&lv[d], 0, sizeof lv[d]);
			lv[d].object = b[pos] == '{';
			d++;
			pos = itsma__text_ws(b, len, pos + 1);
			if (pos < len && b[pos] == (lv[d - 1].object ? '}' : ']')) {
				d--;
				pos++;
			} else if (lv[d - 1].object) {
				goto key;
			} else {
				continue;
			}
		} else {
			cost += COST_SCALAR;
			while (pos < len && b[pos] != ',' && b[pos] != ']' && b[pos] != '}' &&
			       b[pos] != ':' && b[pos] != ' ' && b[pos] != '\t' && b[pos] != '\n' &&
			       b[pos] != '\r' && b[pos] != '"')
				pos++;
		}
		/* after a value: close what ends here, then a separator */
		for (;;) {
			if (d == 0)
				goto done;
			pos = itsma__text_ws(b, len, pos);
			if (pos >= len)
				goto done;
			if (b[pos] == (lv[d - 1].object ? '}' : ']')) {
				d--;
				pos++;
				continue;
			}
			if (b[pos] != ',')
				goto done;
			pos++;
			break;
		}
		if (!lv[d - 1].object)
			continue;
	key:
		pos = itsma__text_ws(b, len, pos);
		if (pos >= len || b[pos] != '"')
			break;
		n = decoded_length(b, len, pos, &e);
		cost += COST_MEMBER + n;
		lv[d - 1].key = pos + 1;
		lv[d - 1].key_end = e > pos + 1 && b[e - 1] == '"' ? e - 1 : e;
		if (++lv[d - 1].count > rd->max_records) {
			snprintf(res->message, sizeof res->message,
			         "more than %zu members in one object (over the max_records limit)",
			         rd->max_records);
			found = 1;
			break;
		}
		if (n > rd->max_string) {
			snprintf(res->message, sizeof res->message,
			         "key longer than the limit of %zu bytes", rd->max_string);
			found = 1;
			break;
		}
		pos = itsma__text_ws(b, len, e);
		if (pos >= len || b[pos] != ':')
			break;
		pos++;
	}
done:
	if (found) {
		res->at = pos;
		scan_pointer(rd, lv, d, ptr, res->pointer);
	}
	free(lv);
	return found;
}

/* A fault of the strict check, as a syntax error at its place (U+0000: a schema error). */
static int text_fault(itsma__reader *rd, const char *ptr, const itsma__text_fault *tf)
{
	char p[ITSMA_ERROR_POINTER_LENGTH];
	itsma__ptr_key(p, ptr, NULL);
	if (strlen(p) + strlen(tf->pointer) < sizeof p)
		strcat(p, tf->pointer);
	itsma__json_syntax(rd, tf->at, "%s", tf->message);
	itsma__error_pointer(rd->err, "%s", p);
	if (tf->lax == 2 && rd->err)
		rd->err->code = ITSMA_ESCHEMA;
	return tf->lax == 2 ? ITSMA_ESCHEMA : ITSMA_EPARSE;
}

/*
 * Before anything is built from the value at pos: the limits (for a json-c `tree`, its
 * estimated cost too), checked on the raw text, then the strict RFC 8259 check. Returns 0 with
 * *stop after the value and *strict set when the text has a plain syntax error (*tf: json-c
 * words those), or an error already reported. Limits come first: json-c would build the whole
 * tree before it met a syntax error, so a syntax error earlier in the text goes unreported.
 */
static int precheck(itsma__reader *rd, size_t pos, unsigned int depth, const char *ptr, int tree,
                    size_t *stop, int *strict, itsma__text_fault *tf)
{
	unsigned int limit = rd->max_depth > depth ? rd->max_depth - depth : 1;
	if (scan_needed(rd, rd->len - pos, tree)) {
		scan_result sr;
		int found = prescan(rd, pos, depth, ptr, tree, &sr);
		if (found < 0)
			return itsma__error_nomem(rd->err);
		if (found) {
			itsma__error_set(rd->err, ITSMA_ELIMIT, "%s", sr.message);
			itsma__error_source(rd->err, rd->source);
			itsma__error_pointer(rd->err, "%s", sr.pointer);
			itsma__error_position(rd->err, rd->buf, rd->len, sr.at);
			return ITSMA_ELIMIT;
		}
	}
	/*
	 * RFC 8259, strictly: json-c 0.16 accepts NaN, Infinity, 5., 07, raw control characters
	 * in strings, overlong UTF-8, surrogates and lone \u surrogate escapes, which other
	 * parsers refuse (and itsma would save back). Those are refused here before json-c
	 * reads anything. A plain syntax error is left to json-c, whose messages name it; the
	 * check's own message is used only if json-c accepts the text after all. Without a tree
	 * (json-c does not run) \u0000 is refused here too, as the tree's walk would.
	 */
	*strict = itsma__text_check(rd->buf, rd->len, pos, tree ? (size_t)limit + 1 : limit, !tree,
	                            stop, tf);
	if (*strict < 0)
		return itsma__error_nomem(rd->err);
	if (*strict && tf->lax)
		return text_fault(rd, ptr, tf);
	if (*strict && tf->too_deep && !tree) {
		/* as json-c words it, without building a tree to find out */
		itsma__json_syntax(rd, tf->at, "nesting deeper than the limit of %u levels",
		                   rd->max_depth);
		if (rd->err)
			rd->err->code = ITSMA_ELIMIT;
		return ITSMA_ELIMIT;
	}
	return 0;
}

int itsma__json_skip(itsma__reader *rd, size_t pos, unsigned int depth, const char *ptr,
                     size_t *end)
{
	itsma__text_fault tf;
	size_t stop, dup;
	int strict, rc;

	pos = itsma__json_ws(rd, pos);
	if (pos >= rd->len)
		return itsma__json_syntax(rd, pos, "unexpected end of input: expected a value");
	if ((rc = precheck(rd, pos, depth, ptr, 0, &stop, &strict, &tf)) < 0)
		return rc;
	if (strict) {
		/* a syntax error: json-c words it (its tree is within the limits just checked) */
		json_object *v = NULL;
		rc = itsma__json_parse(rd, pos, depth, ptr, &v, end);
		json_object_put(v);
		return rc < 0 ? rc : text_fault(rd, ptr, &tf);
	}
	{
		char p[ITSMA_ERROR_POINTER_LENGTH];
		unsigned int limit = rd->max_depth > depth ? rd->max_depth - depth : 1;
		itsma__ptr_key(p, ptr, NULL);
		rc = itsma__text_find_duplicate(rd->buf, rd->len, pos, limit, p, &dup);
		if (rc < 0)
			return itsma__error_nomem(rd->err);
		if (rc) {
			const char *last = strrchr(p, '/');
			itsma__error_set(rd->err, ITSMA_EPARSE, "duplicate key \"%s\" in an object",
			                 last ? last + 1 : "");
			itsma__error_source(rd->err, rd->source);
			itsma__error_pointer(rd->err, "%s", p);
			itsma__error_position(rd->err, rd->buf, rd->len, dup);
			return ITSMA_EPARSE;
		}
	}
	*end = stop;
	return 0;
}

int itsma__json_parse(itsma__reader *rd, size_t pos, unsigned int depth, const char *ptr,
                      json_object **out, size_t *end)
{
	json_object *obj;
	enum json_tokener_error jerr;
	size_t avail, stop;
	unsigned int limit;
	int cut, strict, rc;
	itsma__text_fault tf;
	walk w;

	*out = NULL;
	pos = itsma__json_ws(rd, pos);
	if (pos >= rd->len)
		return itsma__json_syntax(rd, pos, "unexpected end of input: expected a value");
	limit = rd->max_depth > depth ? rd->max_depth - depth : 1;
	if (!rd->tok || rd->tok_depth != limit) {
		if (rd->tok)
			json_tokener_free(rd->tok);
		rd->tok = json_tokener_new_ex((int)limit);
		if (!rd->tok)
			return itsma__error_nomem(rd->err);
		rd->tok_depth = limit;
	} else {
		json_tokener_reset(rd->tok);
	}
	json_tokener_set_flags(rd->tok, JSON_TOKENER_STRICT | JSON_TOKENER_ALLOW_TRAILING_CHARS |
	                                    JSON_TOKENER_VALIDATE_UTF8);
	avail = rd->len - pos;
	if (avail > INT_MAX)
		avail = INT_MAX;
	if ((rc = precheck(rd, pos, depth, ptr, 1, &stop, &strict, &tf)) < 0)
		return rc;
	/*
	 * json-c 0.16 has no "out of memory" parse error: a failed allocation inside the
	 * tokener shows up as a syntax error, as a success with a truncated string, or not at
	 * all. malloc sets errno to ENOMEM, so a parse that ran into one is an ENOMEM failure.
	 */
	errno = 0;
	obj = json_tokener_parse_ex(rd->tok, rd->buf + pos, (int)avail);
	jerr = json_tokener_get_error(rd->tok);
	stop = pos + json_tokener_get_parse_end(rd->tok);
	cut = jerr == json_tokener_continue;
	if (cut && errno != ENOMEM) {
		/* a number at the very end of the input is complete; anything else is cut off */
		obj = json_tokener_parse_ex(rd->tok, "", 1);
		jerr = json_tokener_get_error(rd->tok);
	}
	if (errno == ENOMEM) {
		json_object_put(obj);
		json_tokener_free(rd->tok); /* its state after the failure is not to be trusted */
		rd->tok = NULL;
		return itsma__error_nomem(rd->err);
	}
	if (cut) {
		if (jerr != json_tokener_success) {
			json_object_put(obj);
			return itsma__json_syntax(rd, rd->len, "unexpected end of input");
		}
		stop = rd->len;
	}
	if (jerr != json_tokener_success) {
		json_object_put(obj);
		if (jerr == json_tokener_error_depth) {
			itsma__json_syntax(rd, stop, "nesting deeper than the limit of %u levels",
			                   rd->max_depth);
			rd->err ? (void)(rd->err->code = ITSMA_ELIMIT) : (void)0;
			return ITSMA_ELIMIT;
		}
		if (pos == 0 && rd->len >= 3 && memcmp(rd->buf, "\xEF\xBB\xBF", 3) == 0)
			return itsma__json_syntax(
			    rd, 0,
			    "the text starts with a UTF-8 byte order mark, which "
			    "JSON does not allow (RFC 8259, 8.1): save it as UTF-8 "
			    "without BOM");
		return itsma__json_syntax(rd, stop, "%s", json_tokener_error_desc(jerr));
	}
	if (strict) {
		json_object_put(obj);
		return text_fault(rd, ptr, &tf);
	}
	memset(&w, 0, sizeof w);
	w.max_string = rd->max_string;
	if (obj && walk_value(&w, obj)) {
		char p[ITSMA_ERROR_POINTER_LENGTH];
		size_t i;
		itsma__ptr_key(p, ptr, NULL);
		for (i = w.path_len; i-- > 0;) {
			if (w.path_isidx[i])
				itsma__ptr_index(p, p, w.path_idx[i]);
			else
				itsma__ptr_key(p, p, w.path[i]);
		}
		json_object_put(obj);
		if (strcmp(w.problem, "nul") == 0)
			itsma__schema(rd, p, NULL, "strings may not contain the character U+0000");
		else {
			itsma__schema(rd, p, NULL, "string longer than the limit of %zu bytes",
			              rd->max_string);
			rd->err ? (void)(rd->err->code = ITSMA_ELIMIT) : (void)0;
		}
		itsma__json_locate_error(rd);
		return rd->err ? rd->err->code : ITSMA_ESCHEMA;
	}
	/*
	 * Duplicate keys: json-c keeps only the last of them, so the tree has fewer members than
	 * the text. Every ':' of the text is a member separator or sits inside a string; a
	 * mismatch (or an escaped \u003a in a string) is settled by the exact scan below.
	 */
	if (w.keys + w.colons != count_colons(rd->buf, pos, stop) &&
	    w.keys != count_members(rd->buf, pos, stop)) {
		char p[ITSMA_ERROR_POINTER_LENGTH];
		size_t dup = pos;
		itsma__ptr_key(p, ptr, NULL);
		json_object_put(obj);
		if (itsma__text_find_duplicate(rd->buf, rd->len, pos, (size_t)limit + 1, p, &dup) <
		    0)
			return itsma__error_nomem(rd->err);
		{
			const char *last = strrchr(p, '/');
			itsma__error_set(rd->err, ITSMA_EPARSE, "duplicate key \"%s\" in an object",
			                 last ? last + 1 : "");
		}
		itsma__error_source(rd->err, rd->source);
		itsma__error_pointer(rd->err, "%s", p);
		itsma__error_position(rd->err, rd->buf, rd->len, dup);
		return ITSMA_EPARSE;
	}
	*out = obj;
	*end = stop;
	return 0;
}

static int plain_ascii(const char *p, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (p[i] < 0x20 || p[i] > 0x7e || p[i] == '\\')
			return 0;
	return 1;
}

int itsma__json_parse_string(itsma__reader *rd, size_t pos, char **out, size_t *end)
{
	size_t e, n;
	json_object *v;
	int rc;

	*out = NULL;
	pos = itsma__json_ws(rd, pos);
	if (pos >= rd->len || rd->buf[pos] != '"')
		return itsma__json_syntax(rd, pos, "expected a string (an object key)");
	if (decoded_length(rd->buf, rd->len, pos, &e) > rd->max_string) {
		itsma__error_set(rd->err, ITSMA_ELIMIT, "key longer than the limit of %zu bytes",
		                 rd->max_string);
		itsma__error_source(rd->err, rd->source);
		itsma__error_position(rd->err, rd->buf, rd->len, pos);
		return ITSMA_ELIMIT;
	}
	e = itsma__text_string_end(rd->buf, rd->len, pos);
	/* plain keys (printable ASCII, no escapes) need no decoding nor checking */
	if (e <= rd->len && e - pos >= 2 && plain_ascii(rd->buf + pos + 1, e - pos - 2)) {
		n = e - pos - 2;
		*out = malloc(n + 1);
		if (!*out)
			return itsma__error_nomem(rd->err);
		memcpy(*out, rd->buf + pos + 1, n);
		(*out)[n] = '\0';
		if (e > rd->len || rd->buf[e - 1] != '"') {
			free(*out);
			*out = NULL;
			return itsma__json_syntax(rd, rd->len,
			                          "unexpected end of input inside a string");
		}
		*end = e;
		return 0;
	}
	rc = itsma__json_parse(rd, pos, 1, "", &v, end);
	if (rc < 0)
		return rc;
	*out = strdup(json_object_get_string(v));
	json_object_put(v);
	return *out ? 0 : itsma__error_nomem(rd->err);
}

/* ---- typed members ------------------------------------------------------------------------ */

const char *itsma__json_type_name(const json_object *v)
{
	switch (json_object_get_type(v)) {
	case json_type_null: return "null";
	case json_type_boolean: return "a boolean";
	case json_type_double:
	case json_type_int: return "a number";
	case json_type_object: return "an object";
	case json_type_array: return "an array";
	case json_type_string: return "a string";
	}
	return "a value";
}

int itsma__expect_object(itsma__reader *rd, json_object *v, const char *ptr, const char *what)
{
	if (!json_object_is_type(v, json_type_object))
		return itsma__schema(rd, ptr, NULL, "expected %s (an object), found %s", what,
		                     itsma__json_type_name(v));
	return 0;
}

int itsma__check_keys(itsma__reader *rd, json_object *obj, const char *ptr, const char *what,
                      const char *const *allowed, itsma__ext **ext)
{
	json_object_iter it;
	json_object_object_foreachC(obj, it)
	{
		size_t i;
		int ok = 0;
		for (i = 0; allowed[i]; i++)
			if (it.key[0] == allowed[i][0] && strcmp(it.key, allowed[i]) == 0) {
				ok = 1;
				break;
			}
		if (ok)
			continue;
		if (strncmp(it.key, "x-", 2) == 0) {
			if (ext && itsma__ext_add_json(ext, it.key, it.val) < 0)
				return itsma__error_nomem(rd->err);
			continue;
		}
		{
			char list[200] = "";
			for (i = 0; allowed[i]; i++) {
				if (i)
					strncat(list, ", ", sizeof list - strlen(list) - 1);
				strncat(list, allowed[i], sizeof list - strlen(list) - 1);
			}
			return itsma__schema(
			    rd, ptr, it.key,
			    "unknown key \"%.60s\" in %s (expected %s, or an x- extension)", it.key,
			    what, list);
		}
	}
	return 0;
}

static json_object *member(json_object *obj, const char *key)
{
	json_object *v = NULL;
	if (!json_object_object_get_ex(obj, key, &v))
		return NULL;
	return v ? v : (json_object *)obj; /* present but null: return obj as a marker */
}

static int missing(itsma__reader *rd, const char *ptr, const char *key)
{
	return itsma__schema(rd, ptr, NULL, "missing required key \"%s\"", key);
}

int itsma__get_string(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                      int required, int nonempty, const char **out)
{
	return itsma__string_at(rd, obj, member(obj, key), ptr, key, required, nonempty, out);
}

int itsma__string_at(itsma__reader *rd, json_object *obj, json_object *v, const char *ptr,
                     const char *key, int required, int nonempty, const char **out)
{
	*out = NULL;
	if (!v)
		return required ? missing(rd, ptr, key) : 0;
	if (v == obj || !json_object_is_type(v, json_type_string))
		return itsma__schema(rd, ptr, key, "expected a string, found %s",
		                     v == obj ? "null" : itsma__json_type_name(v));
	*out = json_object_get_string(v);
	if (nonempty && !**out)
		return itsma__schema(rd, ptr, key, "expected a non-empty string");
	return 0;
}

int itsma__get_id(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                  int required, const char **out)
{
	return itsma__id_at(rd, obj, member(obj, key), ptr, key, required, out);
}

int itsma__id_at(itsma__reader *rd, json_object *obj, json_object *v, const char *ptr,
                 const char *key, int required, const char **out)
{
	int rc = itsma__string_at(rd, obj, v, ptr, key, required, 0, out);
	if (rc < 0 || !*out)
		return rc;
	if (!itsma__id_valid_n(*out, (size_t)json_object_get_string_len(v)))
		return itsma__schema(
		    rd, ptr, key,
		    "expected an identifier (1 to 64 of A-Z a-z 0-9 . _ : -), not \"%.64s\"", *out);
	return 0;
}

int itsma__get_date(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                    int required, const char **out, long *day)
{
	return itsma__date_at(rd, obj, member(obj, key), ptr, key, required, out, day);
}

int itsma__date_at(itsma__reader *rd, json_object *obj, json_object *v, const char *ptr,
                   const char *key, int required, const char **out, long *day)
{
	int rc = itsma__string_at(rd, obj, v, ptr, key, required, 0, out);
	if (rc < 0 || !*out)
		return rc;
	if (itsma_date_parse(day, *out, NULL) < 0) {
		itsma_error e = ITSMA_ERROR_INIT; /* only now: the message */
		if (itsma_date_parse(day, *out, &e) < 0)
			return itsma__schema(rd, ptr, key, "%s", e.message);
	}
	return 0;
}

int itsma__get_weight(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                      double *out, int *present)
{
	json_object *v = member(obj, key);
	double d;
	if (present)
		*present = v != NULL;
	*out = 1.0;
	if (!v)
		return 0;
	if (v == obj ||
	    !(json_object_is_type(v, json_type_int) || json_object_is_type(v, json_type_double)))
		return itsma__schema(rd, ptr, key, "expected a weight (a number >= 0), found %s",
		                     v == obj ? "null" : itsma__json_type_name(v));
	d = json_object_get_double(v);
	if (!isfinite(d) || d < 0 || d > ITSMA_MAX_WEIGHT)
		return itsma__schema(rd, ptr, key, "expected a weight: a number from 0 to 1000000");
	*out = d;
	return 0;
}

static int get_typed(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                     int required, json_object **out, json_type type, const char *what)
{
	json_object *v = member(obj, key);
	*out = NULL;
	if (!v)
		return required ? missing(rd, ptr, key) : 0;
	if (v == obj || !json_object_is_type(v, type))
		return itsma__schema(rd, ptr, key, "expected %s, found %s", what,
		                     v == obj ? "null" : itsma__json_type_name(v));
	*out = v;
	return 0;
}

int itsma__get_array(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                     int required, json_object **out)
{
	return get_typed(rd, obj, ptr, key, required, out, json_type_array, "an array");
}

int itsma__get_object(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                      int required, json_object **out)
{
	return get_typed(rd, obj, ptr, key, required, out, json_type_object, "an object");
}

int itsma__get_rating(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                      itsma_letter *letter, double *value)
{
	json_object *v = member(obj, key);
	itsma_error e = ITSMA_ERROR_INIT;
	if (!v)
		return missing(rd, ptr, key);
	if (v != obj && json_object_is_type(v, json_type_string)) {
		const char *s = json_object_get_string(v);
		int i;
		for (i = ITSMA_LETTER_N; i <= ITSMA_LETTER_F; i++)
			if (strcmp(s, itsma_letter_name((itsma_letter)i)) == 0) {
				*letter = (itsma_letter)i;
				*value = itsma_letter_achievement(*letter);
				return 0;
			}
		return itsma__schema(rd, ptr, key,
		                     "expected a rating: one of N, P-, P, P+, L-, L, L+, F or a "
		                     "number from 0 to 100, not \"%.20s\"",
		                     s);
	}
	if (v != obj &&
	    (json_object_is_type(v, json_type_int) || json_object_is_type(v, json_type_double))) {
		double d = json_object_get_double(v);
		if (!isfinite(d) || d < 0 || d > 100)
			return itsma__schema(
			    rd, ptr, key, "expected a rating: a number from 0 to 100, found %g", d);
		*letter = ITSMA_LETTER_NONE;
		*value = d;
		return 0;
	}
	(void)e;
	return itsma__schema(rd, ptr, key,
	                     "expected a rating (a letter N, P-, P, P+, L-, L, L+, F or a number "
	                     "from 0 to 100), found %s",
	                     v == obj ? "null" : itsma__json_type_name(v));
}

static int get_list(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                    const char ***out, size_t *count, int ids)
{
	json_object *arr;
	size_t n, i, j;
	const char **list;
	char p[ITSMA_ERROR_POINTER_LENGTH];
	int rc = itsma__get_array(rd, obj, ptr, key, 0, &arr);

	*out = NULL;
	*count = 0;
	if (rc < 0 || !arr)
		return rc;
	n = json_object_array_length(arr);
	if (!n)
		return 0;
	list = malloc(n * sizeof *list);
	if (!list)
		return itsma__error_nomem(rd->err);
	itsma__ptr_key(p, ptr, key);
	for (i = 0; i < n; i++) {
		json_object *v = json_object_array_get_idx(arr, i);
		if (!v || !json_object_is_type(v, json_type_string)) {
			char q[ITSMA_ERROR_POINTER_LENGTH];
			itsma__ptr_index(q, p, i);
			free(list);
			return itsma__schema(rd, q, NULL, "expected %s, found %s",
			                     ids ? "an identifier (a string)" : "a string",
			                     v ? itsma__json_type_name(v) : "null");
		}
		list[i] = json_object_get_string(v);
		if (ids ? !itsma_id_is_valid(list[i]) : !*list[i]) {
			char q[ITSMA_ERROR_POINTER_LENGTH];
			itsma__ptr_index(q, p, i);
			rc = ids ? itsma__schema(rd, q, NULL,
			                         "expected an identifier (1 to 64 of A-Z a-z 0-9 . "
			                         "_ : -), not \"%.64s\"",
			                         list[i])
			         : itsma__schema(rd, q, NULL, "expected a non-empty string");
			free(list);
			return rc;
		}
		if (ids && n <= 64) {
			for (j = 0; j < i; j++)
				if (strcmp(list[j], list[i]) == 0) {
					char q[ITSMA_ERROR_POINTER_LENGTH];
					itsma__ptr_index(q, p, i);
					rc = itsma__schema(
					    rd, q, NULL, "\"%s\" is cited more than once", list[i]);
					free(list);
					return rc;
				}
		}
	}
	*out = list;
	*count = n;
	return 0;
}

int itsma__get_id_list(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                       const char ***out, size_t *count)
{
	return get_list(rd, obj, ptr, key, out, count, 1);
}

int itsma__get_string_list(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                           const char ***out, size_t *count)
{
	return get_list(rd, obj, ptr, key, out, count, 0);
}

/* Identifier characters (A-Z a-z 0-9 . _ : -), as itsma_id_is_valid() checks them. */
static const unsigned char id_chars[256] = {
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
	['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
	['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
	['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1,
	['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1,
	['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['.'] = 1, ['_'] = 1,
	[':'] = 1, ['-'] = 1,
};

int itsma__id_valid_n(const char *s, size_t len)
{
	size_t i;
	if (len < 1 || len > 64)
		return 0;
	for (i = 0; i < len; i++)
		if (!id_chars[(unsigned char)s[i]])
			return 0;
	return 1;
}
