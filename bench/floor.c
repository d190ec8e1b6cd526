/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The floor: json-c parsing the same bytes record by record (each record of the large
 * arrays parsed, used and freed in turn; other members parsed whole), from a buffer that
 * holds the whole file. itsma's load is measured against this.
 */
#include "floor.h"

#include <json-c/json.h>
#include <string.h>

static size_t ws(const char *b, size_t len, size_t p)
{
	while (p < len && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t'))
		p++;
	return p;
}

/* Parse one value at p; returns the offset after it, or (size_t)-1. */
static size_t parse_one(json_tokener *tok, const char *b, size_t len, size_t p, size_t *used)
{
	json_object *o;
	json_tokener_reset(tok);
	o = json_tokener_parse_ex(tok, b + p, (int)(len - p > 0x7fffffff ? 0x7fffffff : len - p));
	if (json_tokener_get_error(tok) != json_tokener_success)
		return (size_t)-1;
	/* "use" the record: look at its id, as any consumer would */
	if (json_object_is_type(o, json_type_object)) {
		json_object *id;
		if (json_object_object_get_ex(o, "id", &id))
			*used += (size_t)json_object_get_string_len(id);
	}
	json_object_put(o);
	return p + json_tokener_get_parse_end(tok);
}

long itsma_bench_floor(const char *b, size_t len)
{
	json_tokener *tok = json_tokener_new();
	size_t p = ws(b, len, 0), used = 0;
	long records = 0;

	if (!tok || p >= len || b[p] != '{')
		goto fail;
	p = ws(b, len, p + 1);
	while (p < len && b[p] == '"') {
		size_t k = p + 1;
		int big;
		while (k < len && b[k] != '"')
			k += b[k] == '\\' ? 2 : 1;
		big = (k - p - 1 == 8 && memcmp(b + p + 1, "evidence", 8) == 0) ||
		      (k - p - 1 == 7 && memcmp(b + p + 1, "ratings", 7) == 0) ||
		      (k - p - 1 == 10 && memcmp(b + p + 1, "attributes", 10) == 0);
		p = ws(b, len, ws(b, len, k + 1) + 1); /* past ':' */
		if (big && p < len && b[p] == '[') {
			p = ws(b, len, p + 1);
			while (p < len && b[p] != ']') {
				p = parse_one(tok, b, len, p, &used);
				if (p == (size_t)-1)
					goto fail;
				records++;
				p = ws(b, len, p);
				if (p < len && b[p] == ',')
					p = ws(b, len, p + 1);
			}
			p++;
		} else {
			p = parse_one(tok, b, len, p, &used);
			if (p == (size_t)-1)
				goto fail;
		}
		p = ws(b, len, p);
		if (p < len && b[p] == ',')
			p = ws(b, len, p + 1);
	}
	json_tokener_free(tok);
	return used ? records : records;
fail:
	if (tok)
		json_tokener_free(tok);
	return -1;
}
