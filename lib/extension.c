/* SPDX-License-Identifier: Apache-2.0 */
/* x- extension members: kept from loading, written on saving, read and set through the API. */
#include "itsma/extension.h"
#include "internal/error.h"
#include "internal/json_in.h"
#include "internal/model.h"

#include <json-c/json_object.h>
#include <json-c/json_tokener.h>

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Storage (keys and compact JSON texts) is lib/ext.c's: itsma__ext_free, itsma__ext_add. */

/* The compact text of a value, in a block of its own (NULL: out of memory), written by the
 * same code that keeps loaded extensions (itsma__ext_add_json). */
static char *text_of(json_object *val)
{
	itsma__ext *tmp = NULL;
	char *t = NULL;
	if (itsma__ext_add_json(&tmp, "x", val) == 0 && tmp && tmp->count == 1) {
		t = tmp->values[0];
		tmp->values[0] = NULL;
	}
	itsma__ext_free(tmp);
	return t;
}

static size_t find(const itsma__ext *x, const char *key)
{
	size_t i;
	if (x && key)
		for (i = 0; i < x->count; i++)
			if (strcmp(x->keys[i], key) == 0)
				return i;
	return (size_t)-1;
}

static size_t ext_count(const itsma__ext *x) { return x ? x->count : 0; }

static const char *ext_key(const itsma__ext *x, size_t index)
{
	return x && index < x->count ? x->keys[index] : NULL;
}

static const char *ext_text(const itsma__ext *x, const char *key)
{
	size_t i = find(x, key);
	return i == (size_t)-1 ? NULL : x->values[i];
}

/* json-c's strict mode still reads NaN and Infinity, which are not JSON: find them (the depth
 * is bounded by the parser's). */
static int has_non_finite(json_object *v)
{
	size_t i, n;
	switch (json_object_get_type(v)) {
	case json_type_double: return !isfinite(json_object_get_double(v));
	case json_type_array:
		n = json_object_array_length(v);
		for (i = 0; i < n; i++)
			if (has_non_finite(json_object_array_get_idx(v, i)))
				return 1;
		return 0;
	case json_type_object: {
		json_object_object_foreach(v, key, val)
		{
			(void)key;
			if (has_non_finite(val))
				return 1;
		}
		return 0;
	}
	default: return 0;
	}
}

/* Parse `json` as exactly one strict JSON value (surrounding white space allowed). */
static int parse_value(json_object **out, const char *json, itsma_error *err)
{
	json_tokener *tok = json_tokener_new_ex((int)ITSMA__MAX_DEPTH_CAP);
	json_object *v;
	enum json_tokener_error jerr;
	size_t len = strlen(json), end;
	*out = NULL;
	if (!tok)
		return itsma__error_nomem(err);
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_ALLOW_TRAILING_CHARS);
	if (len > (size_t)INT_MAX - 1) {
		json_tokener_free(tok);
		return itsma__error_set(err, ITSMA_ELIMIT,
		                        "extension value: text longer than 2 GiB");
	}
	/* the terminating NUL ends a bare number at the end of the text */
	v = json_tokener_parse_ex(tok, json, (int)len + 1);
	jerr = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	if (jerr != json_tokener_success) { /* (success with v NULL: the text is null) */
		json_object_put(v);
		return itsma__error_set(err, ITSMA_EPARSE,
		                        "extension value: not one JSON value (%s at offset %zu)",
		                        json_tokener_error_desc(jerr), end > len ? len : end);
	}
	/* after the value: only white space (and the NUL the parser was given) */
	while (end < len && strchr(" \t\r\n", json[end]))
		end++;
	if (end < len) {
		json_object_put(v);
		return itsma__error_set(err, ITSMA_EPARSE,
		                        "extension value: text after the JSON value at offset %zu",
		                        end);
	}
	if (has_non_finite(v)) {
		json_object_put(v);
		return itsma__error_set(err, ITSMA_EPARSE,
		                        "extension value: NaN and Infinity are not JSON numbers");
	}
	*out = v;
	return 0;
}

static int ext_set(itsma__ext **x, const char *key, const char *json, itsma_error *err)
{
	json_object *v;
	size_t i;
	int rc;
	char *t;
	itsma__error_reset(err);
	if (!key || strncmp(key, "x-", 2) != 0 || !key[2])
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "extension key \"%.60s\": expected x- followed by a name",
		                        key ? key : "(null)");
	i = find(*x, key);
	if (!json) {
		itsma__ext *e = *x;
		if (i == (size_t)-1)
			return itsma__error_set(err, ITSMA_ENOTFOUND, "no extension \"%.60s\"",
			                        key);
		free(e->keys[i]);
		free(e->values[i]);
		memmove(e->keys + i, e->keys + i + 1, (e->count - i - 1) * sizeof *e->keys);
		memmove(e->values + i, e->values + i + 1, (e->count - i - 1) * sizeof *e->values);
		e->count--;
		return 0;
	}
	if ((rc = parse_value(&v, json, err)) < 0)
		return rc;
	t = text_of(v);
	json_object_put(v);
	if (!t)
		return itsma__error_nomem(err);
	if (i == (size_t)-1) {
		rc = itsma__ext_add(x, key, t, strlen(t));
		free(t);
		return rc < 0 ? itsma__error_nomem(err) : 0;
	}
	free((*x)->values[i]);
	(*x)->values[i] = t;
	return 0;
}

static int not_ours(itsma_error *err, const char *what)
{
	itsma__error_reset(err);
	return itsma__error_set(
	    err, ITSMA_EINVAL, "the %s does not belong to the %s given", what,
	    strcmp(what, "section") && strcmp(what, "requirement") ? "assessment" : "catalogue");
}

/* The three getters of one object type; `FIELD(o)` is its itsma__ext pointer. */
#define ITSMA__EXT_GETTERS(type, FIELD)                                                            \
	size_t itsma_##type##_extension_count(const itsma_##type *o)                               \
	{                                                                                          \
		return o ? ext_count(FIELD(o)) : 0;                                                \
	}                                                                                          \
	const char *itsma_##type##_extension_key(const itsma_##type *o, size_t index)              \
	{                                                                                          \
		return o ? ext_key(FIELD(o), index) : NULL;                                        \
	}                                                                                          \
	const char *itsma_##type##_extension(const itsma_##type *o, const char *key)               \
	{                                                                                          \
		return o ? ext_text(FIELD(o), key) : NULL;                                         \
	}

#define PLAIN_EXT(o) ((o)->ext)
#define CITED_EXT(o) ((o)->c.ext)
ITSMA__EXT_GETTERS(catalogue, PLAIN_EXT)
ITSMA__EXT_GETTERS(section, PLAIN_EXT)
ITSMA__EXT_GETTERS(requirement, PLAIN_EXT)
ITSMA__EXT_GETTERS(assessment, PLAIN_EXT)
ITSMA__EXT_GETTERS(evidence, PLAIN_EXT)
ITSMA__EXT_GETTERS(rating, CITED_EXT)
ITSMA__EXT_GETTERS(attribute_rating, CITED_EXT)

int itsma_catalogue_set_extension(itsma_catalogue *cat, const char *key, const char *json,
                                  itsma_error *err)
{
	itsma__error_reset(err);
	if (!cat)
		return not_ours(err, "catalogue");
	itsma__catalogue_touch(cat);
	return ext_set(&cat->ext, key, json, err);
}

int itsma_section_set_extension(itsma_catalogue *cat, const itsma_section *s, const char *key,
                                const char *json, itsma_error *err)
{
	itsma__error_reset(err);
	if (!cat || !s || s->cat != cat || s->index >= cat->section_count ||
	    cat->sections[s->index] != s)
		return not_ours(err, "section");
	itsma__catalogue_touch(cat);
	return ext_set(&cat->sections[s->index]->ext, key, json, err);
}

int itsma_requirement_set_extension(itsma_catalogue *cat, const itsma_requirement *r,
                                    const char *key, const char *json, itsma_error *err)
{
	itsma__error_reset(err);
	if (!cat || !r || r->cat != cat || r->index >= cat->requirement_count ||
	    cat->requirements[r->index] != r)
		return not_ours(err, "requirement");
	itsma__catalogue_touch(cat);
	return ext_set(&cat->requirements[r->index]->ext, key, json, err);
}

int itsma_assessment_set_extension(itsma_assessment *a, const char *key, const char *json,
                                   itsma_error *err)
{
	itsma__error_reset(err);
	if (!a)
		return not_ours(err, "assessment");
	itsma__assessment_touch(a);
	return ext_set(&a->ext, key, json, err);
}

int itsma_evidence_set_extension(itsma_assessment *a, const itsma_evidence *e, const char *key,
                                 const char *json, itsma_error *err)
{
	itsma__error_reset(err);
	if (!a || !e || e->index >= a->evidence_count || a->evidence[e->index] != e)
		return not_ours(err, "evidence record");
	itsma__assessment_touch(a);
	return ext_set(&a->evidence[e->index]->ext, key, json, err);
}

int itsma_rating_set_extension(itsma_assessment *a, const itsma_rating *r, const char *key,
                               const char *json, itsma_error *err)
{
	itsma__error_reset(err);
	if (!a || !r || r->c.index >= a->rating_count || a->ratings[r->c.index] != r)
		return not_ours(err, "rating");
	itsma__assessment_touch(a);
	return ext_set(&a->ratings[r->c.index]->c.ext, key, json, err);
}

int itsma_attribute_rating_set_extension(itsma_assessment *a, const itsma_attribute_rating *r,
                                         const char *key, const char *json, itsma_error *err)
{
	itsma__error_reset(err);
	if (!a || !r || r->c.index >= a->attribute_count || a->attributes[r->c.index] != r)
		return not_ours(err, "attribute rating");
	itsma__assessment_touch(a);
	return ext_set(&a->attributes[r->c.index]->c.ext, key, json, err);
}
