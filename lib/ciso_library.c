/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CISO Assistant libraries (YAML, read and written with libyaml): a framework's
 * requirement nodes <-> an itsma catalogue. What maps to what is in docs/interop.md.
 *
 * Import builds an `itsma-catalogue/1` document (json-c) from the nodes and loads it with the
 * catalogue loader, so that the result passes every rule of the format. Export writes, next
 * to CISO Assistant's own keys, an `itsma` key per node (and on the framework) holding that
 * object's itsma JSON without its children: importing it back gives an equal catalogue.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "internal/error.h"
#include "internal/interop.h"
#include "internal/json_in.h"
#include "internal/mapping.h"

/* ---- YAML -> json-c ------------------------------------------------------------------------ */

typedef struct yin {
	yaml_document_t doc;
	unsigned char *seen; /* node visited (aliases may not make a node appear twice) */
	size_t node_count;
	const char *source;
	itsma_error e;
	unsigned int max_depth;
	size_t max_string;
	itsma__warner w;
	int stop;
	int loaded; /* doc holds a document */
} yin;

static void yaml_close(yin *y);

static int yerror_at(yin *y, const yaml_node_t *n, const char *ptr, int code, const char *fmt, ...)
    ITSMA_FORMAT_PRINTF(5, 6);
static int yerror_at(yin *y, const yaml_node_t *n, const char *ptr, int code, const char *fmt, ...)
{
	va_list ap;
	itsma_error_clear(&y->e);
	y->e.code = code;
	va_start(ap, fmt);
	vsnprintf(y->e.message, sizeof y->e.message, fmt, ap);
	va_end(ap);
	itsma__error_source(&y->e, y->source);
	itsma__error_pointer(&y->e, "%s", ptr ? ptr : "");
	if (n) {
		y->e.line = (int)n->start_mark.line + 1;
		y->e.column = (int)n->start_mark.column + 1;
	}
	return code;
}

static int is_null_scalar(const yaml_node_t *n)
{
	const char *s = (const char *)n->data.scalar.value;
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	return n->data.scalar.length == 0 || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	       strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

static int to_json(yin *y, int index, const char *ptr, unsigned depth, json_object **out)
{
	yaml_node_t *n = yaml_document_get_node(&y->doc, index);
	char p[ITSMA_ERROR_POINTER_LENGTH];
	json_object *o;
	int rc;
	*out = NULL;
	if (!n)
		return yerror_at(y, NULL, ptr, ITSMA_EPARSE, "a YAML node is missing");
	if (y->seen[index - 1])
		return yerror_at(y, n, ptr, ITSMA_ESCHEMA,
		                 "a YAML alias repeats a value; aliases are not supported here");
	y->seen[index - 1] = 1;
	if (depth > y->max_depth)
		return yerror_at(y, n, ptr, ITSMA_ELIMIT, "nesting deeper than %u", y->max_depth);
	switch (n->type) {
	case YAML_SCALAR_NODE:
		if (n->data.scalar.length > y->max_string)
			return yerror_at(y, n, ptr, ITSMA_ELIMIT,
			                 "a string of %zu bytes, over the limit of %zu",
			                 n->data.scalar.length, y->max_string);
		if (is_null_scalar(n))
			return 0;
		o = json_object_new_string_len((const char *)n->data.scalar.value,
		                               (int)n->data.scalar.length);
		if (!o)
			return itsma__error_nomem(&y->e);
		*out = o;
		return 0;
	case YAML_SEQUENCE_NODE: {
		yaml_node_item_t *it;
		size_t i = 0;
		if (!(o = json_object_new_array()))
			return itsma__error_nomem(&y->e);
		for (it = n->data.sequence.items.start; it < n->data.sequence.items.top;
		     it++, i++) {
			json_object *v;
			itsma__ptr_index(p, ptr, i);
			if ((rc = to_json(y, *it, p, depth + 1, &v)) < 0) {
				json_object_put(o);
				return rc;
			}
			if (json_object_array_add(o, v) < 0) {
				json_object_put(v);
				json_object_put(o);
				return itsma__error_nomem(&y->e);
			}
		}
		*out = o;
		return 0;
	}
	case YAML_MAPPING_NODE: {
		yaml_node_pair_t *pr;
		if (!(o = json_object_new_object()))
			return itsma__error_nomem(&y->e);
		for (pr = n->data.mapping.pairs.start; pr < n->data.mapping.pairs.top; pr++) {
			yaml_node_t *k = yaml_document_get_node(&y->doc, pr->key);
			json_object *v;
			const char *key;
			if (!k || k->type != YAML_SCALAR_NODE) {
				json_object_put(o);
				return yerror_at(y, k ? k : n, ptr, ITSMA_ESCHEMA,
				                 "expected a text key");
			}
			key = (const char *)k->data.scalar.value;
			itsma__ptr_key(p, ptr, key);
			if (json_object_object_get_ex(o, key, NULL)) {
				json_object_put(o);
				return yerror_at(y, k, p, ITSMA_EPARSE, "duplicate key \"%s\"",
				                 key);
			}
			if ((rc = to_json(y, pr->value, p, depth + 1, &v)) < 0) {
				json_object_put(o);
				return rc;
			}
			if (json_object_object_add(o, key, v) < 0) {
				json_object_put(v);
				json_object_put(o);
				return itsma__error_nomem(&y->e);
			}
		}
		*out = o;
		return 0;
	}
	default: return yerror_at(y, n, ptr, ITSMA_EPARSE, "an empty YAML node");
	}
}

/* The YAML node at a JSON Pointer made by to_json (for line and column), or NULL. */
static const yaml_node_t *ylocate(yin *y, const char *ptr)
{
	yaml_node_t *n = yaml_document_get_root_node(&y->doc);
	char tok[ITSMA_ERROR_POINTER_LENGTH];
	while (n && *ptr == '/') {
		const char *end = strchr(ptr + 1, '/');
		size_t len = end ? (size_t)(end - ptr - 1) : strlen(ptr + 1), i, o = 0;
		for (i = 0; i < len && o + 1 < sizeof tok; i++) {
			char c = ptr[1 + i];
			if (c == '~' && i + 1 < len)
				c = ptr[1 + ++i] == '1' ? '/' : '~';
			tok[o++] = c;
		}
		tok[o] = '\0';
		ptr += 1 + len;
		if (n->type == YAML_SEQUENCE_NODE) {
			unsigned long k = strtoul(tok, NULL, 10);
			if (k >= (unsigned long)(n->data.sequence.items.top -
			                         n->data.sequence.items.start))
				return n;
			n = yaml_document_get_node(&y->doc, n->data.sequence.items.start[k]);
		} else if (n->type == YAML_MAPPING_NODE) {
			yaml_node_pair_t *pr;
			yaml_node_t *next = NULL;
			for (pr = n->data.mapping.pairs.start;
			     pr < n->data.mapping.pairs.top && !next; pr++) {
				yaml_node_t *k = yaml_document_get_node(&y->doc, pr->key);
				if (k && k->type == YAML_SCALAR_NODE &&
				    strcmp((char *)k->data.scalar.value, tok) == 0)
					next = yaml_document_get_node(&y->doc, pr->value);
			}
			if (!next)
				return n;
			n = next;
		} else
			return n;
	}
	return n;
}

/* A schema error at ptr (line and column from the YAML). */
static int bad(yin *y, const char *ptr, const char *fmt, ...) ITSMA_FORMAT_PRINTF(3, 4);
static int bad(yin *y, const char *ptr, const char *fmt, ...)
{
	char msg[ITSMA_ERROR_MESSAGE_LENGTH];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return yerror_at(y, ylocate(y, ptr), ptr, ITSMA_ESCHEMA, "%s", msg);
}

static int ywarn(yin *y, const char *ptr, const char *fmt, ...) ITSMA_FORMAT_PRINTF(3, 4);
static int ywarn(yin *y, const char *ptr, const char *fmt, ...)
{
	char msg[ITSMA_ERROR_MESSAGE_LENGTH];
	const yaml_node_t *n = y->w.cb ? ylocate(y, ptr) : NULL;
	va_list ap;
	int rc;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	rc = itsma__warn(&y->w, ptr, n ? (int)n->start_mark.line + 1 : 0,
	                 n ? (int)n->start_mark.column + 1 : 0, "%s", msg);
	if (rc) {
		y->stop = rc;
		itsma__error_set(&y->e, rc, "stopped by the warning callback at %s", ptr);
	}
	return rc;
}

static json_object *member(json_object *o, const char *key)
{
	json_object *v = NULL;
	return o && json_object_is_type(o, json_type_object) &&
	               json_object_object_get_ex(o, key, &v)
	           ? v
	           : NULL;
}

/* An optional string member (a YAML scalar); NULL when absent or null. */
static int str(yin *y, json_object *o, const char *ptr, const char *key, const char **out)
{
	json_object *v = member(o, key);
	char p[ITSMA_ERROR_POINTER_LENGTH];
	*out = NULL;
	if (!v)
		return 0;
	if (!json_object_is_type(v, json_type_string)) {
		itsma__ptr_key(p, ptr, key);
		return bad(y, p, "expected a text value, found %s", itsma__json_type_name(v));
	}
	*out = json_object_get_string(v);
	return 0;
}

/* ---- import ------------------------------------------------------------------------------ */

static const char *const library_keys[] = { "urn",          "locale",
	                                    "ref_id",       "name",
	                                    "description",  "copyright",
	                                    "version",      "publication_date",
	                                    "provider",     "packager",
	                                    "translations", "dependencies",
	                                    "objects",      "convert_library_version",
	                                    "annotation",   "labels",
	                                    "itsma",        NULL };
static const char *const node_keys[] = { "urn",
	                                 "ref_id",
	                                 "parent_urn",
	                                 "depth",
	                                 "assessable",
	                                 "name",
	                                 "description",
	                                 "typical_evidence",
	                                 "annotation",
	                                 "importance",
	                                 "weight",
	                                 "implementation_groups",
	                                 "translations",
	                                 "reference_controls",
	                                 "threats",
	                                 "questions",
	                                 "display_mode",
	                                 "min_score",
	                                 "max_score",
	                                 "scores_definition",
	                                 "answers",
	                                 "itsma",
	                                 NULL };

static int check_keys(yin *y, json_object *o, const char *ptr, const char *what,
                      const char *const *allowed)
{
	json_object_iter it;
	json_object_object_foreachC(o, it)
	{
		size_t i;
		int ok = 0;
		for (i = 0; allowed[i] && !ok; i++)
			ok = strcmp(it.key, allowed[i]) == 0;
		if (!ok) {
			char p[ITSMA_ERROR_POINTER_LENGTH];
			itsma__ptr_key(p, ptr, it.key);
			if (ywarn(y, p, "\"%s\" is not a key of %s that itsma reads; ignored",
			          it.key, what))
				return y->stop;
		}
	}
	return 0;
}

typedef struct node {
	json_object *src;  /* the YAML node */
	json_object *obj;  /* the itsma section or requirement being built (owned by the tree) */
	json_object *reqs; /* its "requirements" array when it is a section */
	json_object *secs; /* its "sections" array */
	size_t parent;     /* index + 1, 0 at the top */
	unsigned depth;    /* 0 at the top */
	size_t children;
	int assessable;
} node;

/* Append a value to o[key] (an array, created on first use). On failure v is the caller's. */
static int push(json_object *o, const char *key, json_object *v, json_object **arr)
{
	if (!*arr) {
		json_object *a = json_object_new_array();
		if (!a)
			return -1;
		if (json_object_object_add(o, key, a) < 0) {
			json_object_put(a);
			return -1;
		}
		*arr = a;
	}
	return json_object_array_add(*arr, v);
}

/* o[key] = v (taking v's reference, also on failure); -1 on failure. */
static int set_value(json_object *o, const char *key, json_object *v)
{
	if (!v)
		return -1;
	if (json_object_object_add(o, key, v) < 0) {
		json_object_put(v);
		return -1;
	}
	return 0;
}

static int set_str(json_object *o, const char *key, const char *v)
{
	return v ? set_value(o, key, json_object_new_string(v)) : 0;
}

/*
 * Write a json-c value as compact JSON into b (its allocation failures are recorded in b->oom;
 * json-c 0.16's own printer returns truncated text when it runs out of memory). Keys of
 * objects listed in `drop` are left out at the top level. Depth is bounded by the callers
 * (the itsma parser's and the node depth limit).
 */
static void write_json(itsma__buf *b, json_object *v, const char *const *drop)
{
	size_t i, n;
	int first = 1;
	switch (json_object_get_type(v)) {
	case json_type_null: itsma__buf_puts(b, "null"); break;
	case json_type_boolean:
		itsma__buf_puts(b, json_object_get_boolean(v) ? "true" : "false");
		break;
	case json_type_int:
		itsma__buf_printf(b, "%lld", (long long)json_object_get_int64(v));
		break;
	case json_type_double: itsma__buf_json_number(b, json_object_get_double(v)); break;
	case json_type_string: itsma__buf_json_string(b, json_object_get_string(v)); break;
	case json_type_array:
		itsma__buf_putc(b, '[');
		n = json_object_array_length(v);
		for (i = 0; i < n; i++) {
			if (i)
				itsma__buf_putc(b, ',');
			write_json(b, json_object_array_get_idx(v, i), NULL);
		}
		itsma__buf_putc(b, ']');
		break;
	case json_type_object: {
		json_object_iter it;
		itsma__buf_putc(b, '{');
		json_object_object_foreachC(v, it)
		{
			int skip = 0;
			for (i = 0; drop && drop[i] && !skip; i++)
				skip = strcmp(it.key, drop[i]) == 0;
			if (skip)
				continue;
			if (!first)
				itsma__buf_putc(b, ',');
			first = 0;
			itsma__buf_json_string(b, it.key);
			itsma__buf_putc(b, ':');
			write_json(b, it.val, NULL);
		}
		itsma__buf_putc(b, '}');
		break;
	}
	}
}

/* The parsed `itsma` key of an exported node (an object), or NULL. */
static int itsma_of(yin *y, json_object *o, const char *ptr, json_object **out)
{
	const char *text;
	char p[ITSMA_ERROR_POINTER_LENGTH];
	itsma_error e = ITSMA_ERROR_INIT;
	int rc;
	*out = NULL;
	if ((rc = str(y, o, ptr, "itsma", &text)) < 0 || !text)
		return rc;
	rc = itsma__interop_parse_json(out, text, strlen(text), NULL, &e);
	if (rc == ITSMA_ENOMEM)
		return itsma__error_nomem(&y->e);
	if (rc < 0 || !json_object_is_type(*out, json_type_object)) {
		json_object_put(*out);
		*out = NULL;
		itsma__ptr_key(p, ptr, "itsma");
		return bad(y, p, "expected the JSON object itsma wrote here (%.100s)",
		           rc < 0 ? e.message : "not an object");
	}
	return 0;
}

/* Lines of typical_evidence as evidence hints (empty lines dropped). */
static int hints_from(json_object *req, const char *te)
{
	json_object *arr = NULL;
	while (te && *te) {
		const char *nl = strchr(te, '\n');
		size_t len = nl ? (size_t)(nl - te) : strlen(te);
		while (len && (te[len - 1] == ' ' || te[len - 1] == '\r'))
			len--;
		while (len && (*te == ' ' || *te == '-' || *te == '\t'))
			te++, len--;
		if (len) {
			json_object *s = json_object_new_string_len(te, (int)len);
			if (!s)
				return -1;
			if (push(req, "evidence_hint", s, &arr) < 0) {
				json_object_put(s);
				return -1;
			}
		}
		te = nl ? nl + 1 : te + strlen(te);
	}
	return 0;
}

/* A node's `weight` (a number >= 0) as the requirement's weight. */
static int weight_of(yin *y, json_object *src, const char *ptr, json_object *req)
{
	const char *w;
	char *end, p[ITSMA_ERROR_POINTER_LENGTH];
	double v;
	int rc;
	if ((rc = str(y, src, ptr, "weight", &w)) < 0 || !w)
		return rc;
	v = strtod(w, &end);
	if (*end || end == w || !(v >= 0) || v > 1e15) {
		itsma__ptr_key(p, ptr, "weight");
		return bad(y, p, "expected a weight (a number >= 0), found \"%s\"", w);
	}
	if (set_value(req, "weight", json_object_new_double(v)) < 0)
		return itsma__error_nomem(&y->e);
	return 0;
}

/* Build the itsma object of node i (a requirement or a section). */
static int build_node(yin *y, itsma__idgen *ids, node *nodes, size_t i, const char *ptr,
                      json_object **req_out, json_object **sec_out)
{
	json_object *src = nodes[i].src, *mine = NULL, *req = NULL, *sec = NULL;
	const char *urn, *ref, *name, *desc, *te, *ann, *imp;
	char id[65], sid[65];
	int rc;
	*req_out = *sec_out = NULL;
	if ((rc = str(y, src, ptr, "urn", &urn)) < 0 ||
	    (rc = str(y, src, ptr, "ref_id", &ref)) < 0 ||
	    (rc = str(y, src, ptr, "name", &name)) < 0 ||
	    (rc = str(y, src, ptr, "description", &desc)) < 0 ||
	    (rc = str(y, src, ptr, "typical_evidence", &te)) < 0 ||
	    (rc = str(y, src, ptr, "annotation", &ann)) < 0 ||
	    (rc = str(y, src, ptr, "importance", &imp)) < 0 ||
	    (rc = itsma_of(y, src, ptr, &mine)) < 0)
		return rc;
	if (!urn)
		return bad(y, ptr, "missing required key \"urn\"");
	{
		const char *tail = strrchr(urn, ':');
		const char *raw = mine && member(mine, "id")
		                      ? json_object_get_string(member(mine, "id"))
		                  : ref ? ref
		                        : (tail ? tail + 1 : urn);
		if ((rc = itsma__idgen_make(ids, raw, strlen(raw), "node", id, &y->e)) < 0)
			goto fail;
	}
	if (nodes[i].assessable) {
		json_object *ig = member(src, "implementation_groups");
		req = mine && !nodes[i].children ? json_object_get(mine) : json_object_new_object();
		if (!req)
			goto nomem;
		if (!mine || nodes[i].children) {
			if (set_str(req, "id", id) < 0 || set_str(req, "clause", ref) < 0 ||
			    set_str(req, "text",
			            desc   ? desc
			            : name ? name
			            : ref  ? ref
			                   : urn) < 0 ||
			    (imp && strcmp(imp, "mandatory") != 0 &&
			     set_str(req, "obligation",
			             itsma_obligation_name(ITSMA_OBLIGATION_SHOULD)) < 0) ||
			    hints_from(req, te) < 0)
				goto nomem;
			if ((rc = weight_of(y, src, ptr, req)) < 0)
				goto fail;
			if (imp && strcmp(imp, "mandatory") && strcmp(imp, "recommended") &&
			    strcmp(imp, "nice_to_have")) {
				char p[ITSMA_ERROR_POINTER_LENGTH];
				itsma__ptr_key(p, ptr, "importance");
				rc = bad(
				    y, p,
				    "expected mandatory, recommended or nice_to_have, found \"%s\"",
				    imp);
				goto fail;
			}
			if (ig && json_object_is_type(ig, json_type_array) &&
			    json_object_array_length(ig)) {
				json_object *tags = json_object_new_array();
				size_t k;
				if (set_value(req, "tags", tags) < 0)
					goto nomem;
				for (k = 0; k < json_object_array_length(ig); k++) {
					json_object *t = json_object_array_get_idx(ig, k);
					if (t && json_object_is_type(t, json_type_string) &&
					    json_object_array_add(tags, json_object_get(t)) < 0) {
						json_object_put(t);
						goto nomem;
					}
				}
			}
			if (set_str(req, "x-ciso-urn", urn) < 0 ||
			    set_str(req, "x-ciso-name", name) < 0 ||
			    set_str(req, "x-ciso-annotation", ann) < 0 ||
			    (imp && strcmp(imp, "nice_to_have") == 0 &&
			     set_str(req, "x-ciso-importance", imp) < 0))
				goto nomem;
		} else if (desc && set_str(req, "text", desc) < 0)
			goto nomem;
		if (set_str(req, "id", id) < 0)
			goto nomem;
	}
	if (!nodes[i].assessable || nodes[i].children) {
		sec =
		    mine && !nodes[i].assessable ? json_object_get(mine) : json_object_new_object();
		if (!sec)
			goto nomem;
		if (nodes[i].assessable) {
			char base[80];
			snprintf(base, sizeof base, "%s-group", id);
			if ((rc = itsma__idgen_make(ids, base, strlen(base), "group", sid, &y->e)) <
			    0)
				goto fail;
		} else
			memcpy(sid, id, sizeof sid);
		if (!mine || nodes[i].assessable) {
			if (set_str(sec, "clause", ref) < 0 ||
			    set_str(sec, "title",
			            name   ? name
			            : desc ? desc
			            : ref  ? ref
			                   : urn) < 0 ||
			    (name && desc && set_str(sec, "purpose", desc) < 0) ||
			    (!nodes[i].assessable && set_str(sec, "x-ciso-urn", urn) < 0) ||
			    set_str(sec, "x-ciso-annotation", ann) < 0)
				goto nomem;
		} else if (name && set_str(sec, "title", name) < 0)
			goto nomem;
		if (set_str(sec, "id", sid) < 0)
			goto nomem;
	}
	json_object_put(mine);
	*req_out = req;
	*sec_out = sec;
	return 0;
nomem:
	rc = itsma__error_nomem(&y->e);
fail:
	json_object_put(mine);
	json_object_put(req);
	json_object_put(sec);
	return rc;
}

static int bool_of(yin *y, json_object *o, const char *ptr, const char *key, int *out)
{
	const char *s;
	int rc;
	char p[ITSMA_ERROR_POINTER_LENGTH];
	*out = 0;
	if ((rc = str(y, o, ptr, key, &s)) < 0 || !s)
		return rc;
	if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE") || !strcmp(s, "yes")) {
		*out = 1;
		return 0;
	}
	if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE") || !strcmp(s, "no"))
		return 0;
	itsma__ptr_key(p, ptr, key);
	return bad(y, p, "expected true or false, found \"%s\"", s);
}

static int import_library(yin *y, json_object *root, const itsma_interop_options *opts,
                          json_object **cat_out)
{
	json_object *objects, *fw, *nodes_arr, *cat = NULL, *mine = NULL, *sections = NULL;
	json_object *loose = NULL, *loose_reqs = NULL;
	itsma__idgen ids;
	itsma__strmap urns = ITSMA__STRMAP_INIT;
	node *nodes = NULL;
	const char *ref, *name, *desc, *provider, *version;
	size_t i, n;
	int rc;
	char cid[65];

	*cat_out = NULL;
	itsma__idgen_init(&ids);
	if (!root || !json_object_is_type(root, json_type_object)) {
		rc = bad(y, "", "expected a CISO Assistant library (a YAML mapping)");
		goto out;
	}
	if ((rc = check_keys(y, root, "", "a library", library_keys)) != 0)
		goto out;
	objects = member(root, "objects");
	fw = member(objects, "framework");
	if (!fw || !json_object_is_type(fw, json_type_object)) {
		rc = bad(y, objects ? "/objects" : "",
		         "expected objects.framework (a library without a framework has no "
		         "requirements)");
		goto out;
	}
	nodes_arr = member(fw, "requirement_nodes");
	if (!nodes_arr || !json_object_is_type(nodes_arr, json_type_array) ||
	    json_object_array_length(nodes_arr) == 0) {
		rc = bad(y, "/objects/framework", "expected a non-empty list requirement_nodes");
		goto out;
	}
	if ((rc = str(y, fw, "/objects/framework", "ref_id", &ref)) < 0 ||
	    (rc = str(y, fw, "/objects/framework", "name", &name)) < 0 ||
	    (rc = str(y, fw, "/objects/framework", "description", &desc)) < 0 ||
	    (rc = str(y, root, "", "provider", &provider)) < 0 ||
	    (rc = str(y, root, "", "version", &version)) < 0 ||
	    (rc = itsma_of(y, fw, "/objects/framework", &mine)) < 0)
		goto out;
	if (!ref && (rc = str(y, root, "", "ref_id", &ref)) < 0)
		goto out;
	cat = mine ? json_object_get(mine) : json_object_new_object();
	if (!cat)
		goto nomem;
	if (opts && opts->catalogue_id) {
		if (!itsma_id_is_valid(opts->catalogue_id)) {
			rc = itsma__error_set(&y->e, ITSMA_EINVAL,
			                      "catalogue_id \"%s\" is not a valid id",
			                      opts->catalogue_id);
			goto out;
		}
		snprintf(cid, sizeof cid, "%s", opts->catalogue_id);
	} else if (mine && member(mine, "id"))
		snprintf(cid, sizeof cid, "%s", json_object_get_string(member(mine, "id")));
	else if ((rc = itsma__idgen_make(&ids, ref ? ref : "", ref ? strlen(ref) : 0,
	                                 "ciso-library", cid, &y->e)) < 0)
		goto out;
	if (set_str(cat, "format", "itsma-catalogue/1") < 0 || set_str(cat, "id", cid) < 0)
		goto nomem;
	if (!mine) {
		const char *urn, *fw_urn;
		if ((rc = str(y, root, "", "urn", &urn)) < 0 ||
		    (rc = str(y, fw, "/objects/framework", "urn", &fw_urn)) < 0)
			goto out;
		if (set_str(cat, "title",
		            name  ? name
		            : ref ? ref
		                  : "CISO Assistant framework") < 0 ||
		    set_str(cat, "description", desc) < 0 ||
		    set_str(cat, "publisher", provider) < 0 ||
		    set_str(cat, "version", version) < 0 ||
		    set_str(cat, "source", "CISO Assistant library") < 0 ||
		    set_str(cat, "x-ciso-urn", urn) < 0 ||
		    set_str(cat, "x-ciso-framework-urn", fw_urn) < 0)
			goto nomem;
	} else if (name && set_str(cat, "title", name) < 0)
		goto nomem;
	if (set_value(cat, "sections", sections = json_object_new_array()) < 0)
		goto nomem;

	n = json_object_array_length(nodes_arr);
	if (!(nodes = calloc(n, sizeof *nodes)))
		goto nomem;
	/* pass 1: urns, parents, children */
	for (i = 0; i < n; i++) {
		char p[ITSMA_ERROR_POINTER_LENGTH];
		json_object *src = json_object_array_get_idx(nodes_arr, i);
		const char *urn, *parent;
		itsma__ptr_index(p, "/objects/framework/requirement_nodes", i);
		if (!src || !json_object_is_type(src, json_type_object)) {
			rc = bad(y, p, "expected a requirement node (a mapping)");
			goto out;
		}
		if ((rc = check_keys(y, src, p, "a requirement node", node_keys)) != 0 ||
		    (rc = str(y, src, p, "urn", &urn)) < 0 ||
		    (rc = str(y, src, p, "parent_urn", &parent)) < 0 ||
		    (rc = bool_of(y, src, p, "assessable", &nodes[i].assessable)) < 0)
			goto out;
		if (!urn) {
			rc = bad(y, p, "missing required key \"urn\"");
			goto out;
		}
		if (itsma__strmap_get(&urns, urn)) {
			char q[ITSMA_ERROR_POINTER_LENGTH];
			itsma__ptr_key(q, p, "urn");
			rc = bad(y, q, "urn \"%s\" is used by an earlier node", urn);
			goto out;
		}
		nodes[i].src = src;
		if (parent) {
			node *pn = itsma__strmap_get(&urns, parent);
			if (!pn) {
				char q[ITSMA_ERROR_POINTER_LENGTH];
				itsma__ptr_key(q, p, "parent_urn");
				rc =
				    bad(y, q, "parent_urn \"%s\" is not the urn of an earlier node",
				        parent);
				goto out;
			}
			nodes[i].parent = (size_t)(pn - nodes) + 1;
			nodes[i].depth = pn->depth + 1;
			if (nodes[i].depth >= y->max_depth) {
				char q[ITSMA_ERROR_POINTER_LENGTH];
				itsma__ptr_key(q, p, "parent_urn");
				rc = yerror_at(y, ylocate(y, q), q, ITSMA_ELIMIT,
				               "requirement nodes nest deeper than %u",
				               y->max_depth);
				goto out;
			}
			pn->children++;
		}
		if (itsma__strmap_put(&urns, urn, &nodes[i]) < 0)
			goto nomem;
	}
	/* pass 2: build */
	for (i = 0; i < n; i++) {
		char p[ITSMA_ERROR_POINTER_LENGTH];
		json_object *req, *sec, *holder_reqs_owner;
		json_object **reqs_arr, **secs_arr;
		itsma__ptr_index(p, "/objects/framework/requirement_nodes", i);
		if ((rc = build_node(y, &ids, nodes, i, p, &req, &sec)) < 0)
			goto out;
		if (nodes[i].parent) {
			node *pn = &nodes[nodes[i].parent - 1];
			holder_reqs_owner = pn->obj;
			reqs_arr = &pn->reqs;
			secs_arr = &pn->secs;
		} else {
			holder_reqs_owner = NULL;
			reqs_arr = &loose_reqs;
			secs_arr = NULL;
		}
		if (sec) {
			nodes[i].obj = sec;
			if (req && push(sec, "requirements", req, &nodes[i].reqs) < 0) {
				json_object_put(req);
				json_object_put(sec);
				goto nomem;
			}
			if (secs_arr ? push(holder_reqs_owner, "sections", sec, secs_arr) < 0
			             : json_object_array_add(sections, sec) < 0) {
				json_object_put(sec);
				goto nomem;
			}
		} else if (holder_reqs_owner) {
			if (push(holder_reqs_owner, "requirements", req, reqs_arr) < 0) {
				json_object_put(req);
				goto nomem;
			}
		} else {
			if (!loose) {
				char sid[65];
				if ((rc = itsma__idgen_make(&ids, "requirements", 12,
				                            "requirements", sid, &y->e)) < 0) {
					json_object_put(req);
					goto out;
				}
				if (!(loose = json_object_new_object()) ||
				    set_str(loose, "id", sid) < 0 ||
				    set_str(loose, "title", name ? name : "Requirements") < 0 ||
				    json_object_array_add(sections, loose) < 0) {
					json_object_put(loose);
					json_object_put(req);
					goto nomem;
				}
			}
			if (push(loose, "requirements", req, reqs_arr) < 0) {
				json_object_put(req);
				goto nomem;
			}
		}
	}
	*cat_out = cat;
	cat = NULL;
	rc = 0;
	goto out;
nomem:
	rc = itsma__error_nomem(&y->e);
out:
	json_object_put(cat);
	json_object_put(mine);
	free(nodes);
	itsma__strmap_free(&urns);
	itsma__idgen_fini(&ids);
	return rc;
}

/*
 * Read a YAML document into a json-c tree (*root, Owned) with the limits of opts. On failure the
 * error is in y->e and, when err is set, copied there; the reader is closed then.
 */
static int yaml_open(yin *y, json_object **root, const char *buf, size_t len,
                     const char *source_name, const itsma_interop_options *opts, itsma_error *err)
{
	yaml_parser_t parser;
	itsma__reader limits;
	int rc = 0;

	*root = NULL;
	memset(y, 0, sizeof *y);
	if (!buf && len)
		return itsma__error_set(err, ITSMA_EINVAL, "buf must not be NULL");
	if (opts && itsma__version_check(opts->version, ITSMA_INTEROP_OPTIONS_VERSION,
	                                 "itsma_interop_options", err) < 0)
		return ITSMA_EINVAL;
	if ((rc = itsma__reader_init(&limits, "", 0, source_name, opts ? opts->load : NULL,
	                             &y->e)) < 0) {
		if (err)
			*err = y->e;
		return rc;
	}
	y->source = source_name ? source_name : "<buffer>";
	y->max_depth = limits.max_depth;
	y->max_string = limits.max_string;
	y->w.cb = opts ? opts->warn : NULL;
	y->w.payload = opts ? opts->payload : NULL;
	y->w.source = y->source;
	itsma__reader_fini(&limits); /* only its limits were wanted */
	if (len > limits.max_bytes) {
		rc = itsma__error_set(&y->e, ITSMA_ELIMIT,
		                      "input is %zu bytes, over the limit of %zu", len,
		                      limits.max_bytes);
		itsma__error_source(&y->e, y->source);
		goto fail;
	}
	if (!yaml_parser_initialize(&parser)) {
		rc = itsma__error_nomem(&y->e);
		goto fail;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)(buf ? buf : ""), len);
	if (!yaml_parser_load(&parser, &y->doc)) {
		rc = parser.error == YAML_MEMORY_ERROR ? itsma__error_nomem(&y->e) : ITSMA_EPARSE;
		if (rc == ITSMA_EPARSE) {
			itsma__error_set(&y->e, ITSMA_EPARSE, "YAML syntax: %s%s%s",
			                 parser.problem ? parser.problem : "error",
			                 parser.context ? " " : "",
			                 parser.context ? parser.context : "");
			itsma__error_source(&y->e, y->source);
			y->e.line = (int)parser.problem_mark.line + 1;
			y->e.column = (int)parser.problem_mark.column + 1;
		}
		yaml_parser_delete(&parser);
		goto fail;
	}
	yaml_parser_delete(&parser);
	y->loaded = 1;
	y->node_count = (size_t)(y->doc.nodes.top - y->doc.nodes.start);
	if (y->node_count == 0) {
		rc = yerror_at(y, NULL, "", ITSMA_ESCHEMA, "the document is empty");
		goto fail;
	}
	if (!(y->seen = calloc(y->node_count, 1))) {
		rc = itsma__error_nomem(&y->e);
		goto fail;
	}
	if ((rc = to_json(y, 1, "", 0, root)) < 0)
		goto fail;
	return 0;
fail:
	json_object_put(*root);
	*root = NULL;
	yaml_close(y);
	if (err)
		*err = y->e;
	return rc;
}

static void yaml_close(yin *y)
{
	free(y->seen);
	y->seen = NULL;
	if (y->loaded)
		yaml_document_delete(&y->doc);
	y->loaded = 0;
}

int itsma_catalogue_from_ciso_library(itsma_catalogue **out, const char *buf, size_t len,
                                      const char *source_name, const itsma_interop_options *opts,
                                      itsma_error *err)
{
	yin y;
	json_object *root = NULL, *cat = NULL;
	int rc;

	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "out must not be NULL");
	*out = NULL;
	if ((rc = yaml_open(&y, &root, buf, len, source_name, opts, err)) != 0)
		return rc;
	if ((rc = import_library(&y, root, opts, &cat)) == 0) {
		itsma__buf text = ITSMA__BUF_INIT;
		itsma_error le = ITSMA_ERROR_INIT;
		write_json(&text, cat, NULL);
		if (text.oom)
			rc = itsma__error_nomem(&y.e);
		else if ((rc = itsma_catalogue_load_buffer(out, text.data, text.len, y.source,
		                                           opts ? opts->load : NULL, &le)) ==
		         ITSMA_ENOMEM)
			rc = itsma__error_nomem(&y.e);
		else if (rc < 0) {
			itsma_error_clear(&y.e);
			y.e.code = rc;
			snprintf(y.e.message, sizeof y.e.message,
			         "the library does not make a valid catalogue: %.120s (at %.60s of "
			         "the catalogue)",
			         le.message, le.pointer);
			itsma__error_source(&y.e, y.source);
		}
		itsma__buf_free(&text);
	}
	json_object_put(root);
	json_object_put(cat);
	yaml_close(&y);
	if (rc != 0 && err)
		*err = y.e;
	return rc;
}

/* ---- export ------------------------------------------------------------------------------- */

typedef struct yout {
	yaml_emitter_t em;
	itsma__buf b;
	int failed;
	const itsma__urns *urns;
} yout;

static int write_cb(void *data, unsigned char *buffer, size_t size)
{
	itsma__buf *b = data;
	itsma__buf_append(b, (const char *)buffer, size);
	return !b->oom;
}

static void ev(yout *o, yaml_event_t *e, int ok)
{
	if (!ok || o->failed) {
		if (ok)
			yaml_event_delete(e);
		o->failed = 1;
		return;
	}
	if (!yaml_emitter_emit(&o->em, e))
		o->failed = 1;
}

static void scalar_style(yout *o, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t e;
	ev(o, &e,
	   yaml_scalar_event_initialize(&e, NULL, NULL, (yaml_char_t *)(uintptr_t)s, (int)strlen(s),
	                                1, 1, style));
}

static void scalar(yout *o, const char *s) { scalar_style(o, s, YAML_ANY_SCALAR_STYLE); }

/* Whether a plain scalar would read back as something other than text. */
static int looks_typed(const char *s)
{
	static const char *const words[] = { "true", "false", "yes", "no", "on",
		                             "off",  "null",  "~",   "y",  "n" };
	size_t i;
	char *end;
	if (!*s)
		return 1;
	for (i = 0; i < sizeof words / sizeof *words; i++)
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	(void)strtod(s, &end);
	return *end == '\0' || strspn(s, "0123456789.:-_+eExXoObB") == strlen(s);
}

/* A text scalar: quoted when YAML would read it as something else (a number, true, null). */
static void value(yout *o, const char *s)
{
	scalar_style(o, s,
	             strchr(s, '\n')  ? YAML_LITERAL_SCALAR_STYLE
	             : looks_typed(s) ? YAML_SINGLE_QUOTED_SCALAR_STYLE
	                              : YAML_ANY_SCALAR_STYLE);
}

static void text(yout *o, const char *key, const char *s)
{
	if (!s)
		return;
	scalar(o, key);
	value(o, s);
}

static void number(yout *o, const char *key, double v)
{
	char num[32];
	itsma__format_number(num, v);
	scalar(o, key);
	scalar_style(o, num, YAML_PLAIN_SCALAR_STYLE);
}

static void map_start(yout *o)
{
	yaml_event_t e;
	ev(o, &e, yaml_mapping_start_event_initialize(&e, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE));
}
static void map_end(yout *o)
{
	yaml_event_t e;
	ev(o, &e, yaml_mapping_end_event_initialize(&e));
}
static void seq_start(yout *o)
{
	yaml_event_t e;
	ev(o, &e,
	   yaml_sequence_start_event_initialize(&e, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE));
}
static void seq_end(yout *o)
{
	yaml_event_t e;
	ev(o, &e, yaml_sequence_end_event_initialize(&e));
}

/* The urn of a node (the shared table has every section and requirement id). */
static const char *node_urn(yout *o, const char *id)
{
	return itsma__strmap_get(&o->urns->by_id, id);
}

/* The itsma JSON of an object without its children: a section or requirement saved alone
 * (Owned, NULL when out of memory). */
static char *own_json(json_object *full, const char *const *drop)
{
	itsma__buf b = ITSMA__BUF_INIT;
	char *s = NULL;
	write_json(&b, full, drop);
	if (itsma__buf_finish(&b, &s, NULL) < 0)
		return NULL;
	return s;
}

static const char *const drop_children[] = { "requirements", "sections", NULL };
static const char *const drop_none[] = { NULL };
static const char *const drop_sections[] = { "sections", NULL };

static int emit_section(yout *o, json_object *sec, const char *parent, unsigned depth);

/* The keys every requirement node starts with: urn, assessable, depth, parent_urn, ref_id. */
static void node_start(yout *o, const char *urn, int assessable, unsigned depth, const char *parent,
                       const char *ref_id)
{
	char num[16];
	map_start(o);
	text(o, "urn", urn);
	scalar(o, "assessable");
	scalar_style(o, assessable ? "true" : "false", YAML_PLAIN_SCALAR_STYLE);
	snprintf(num, sizeof num, "%u", depth);
	scalar(o, "depth");
	scalar_style(o, num, YAML_PLAIN_SCALAR_STYLE);
	text(o, "parent_urn", parent);
	text(o, "ref_id", ref_id);
}

static int emit_requirement(yout *o, json_object *req, const char *parent, unsigned depth)
{
	json_object *v;
	char *own = own_json(req, drop_none);
	itsma__buf te = ITSMA__BUF_INIT;
	const char *urn = node_urn(o, json_object_get_string(member(req, "id")));
	size_t k;
	if (!own || !urn) {
		free(own);
		return -1;
	}
	node_start(o, urn, 1, depth, parent, json_object_get_string(member(req, "id")));
	if ((v = member(req, "clause")))
		text(o, "name", json_object_get_string(v));
	text(o, "description", json_object_get_string(member(req, "text")));
	if ((v = member(req, "evidence_hint")))
		for (k = 0; k < json_object_array_length(v); k++) {
			if (te.len)
				itsma__buf_putc(&te, '\n');
			itsma__buf_puts(&te,
			                json_object_get_string(json_object_array_get_idx(v, k)));
		}
	if ((v = member(req, "verify"))) {
		if (te.len)
			itsma__buf_putc(&te, '\n');
		itsma__buf_printf(&te, "Verify: %s", json_object_get_string(v));
	}
	if (te.oom) {
		free(own);
		return -1;
	}
	text(o, "typical_evidence", te.len ? te.data : NULL);
	itsma__buf_free(&te);
	text(o, "importance",
	     (v = member(req, "obligation")) &&
	             strcmp(json_object_get_string(v),
	                    itsma_obligation_name(ITSMA_OBLIGATION_SHOULD)) == 0
	         ? "recommended"
	         : "mandatory");
	if ((v = member(req, "weight")) &&
	    json_object_get_double(v) == (double)(long)json_object_get_double(v) &&
	    json_object_get_double(v) >= 1 && json_object_get_double(v) < 1e9)
		number(o, "weight", json_object_get_double(v));
	if ((v = member(req, "tags")) && json_object_array_length(v)) {
		scalar(o, "implementation_groups");
		seq_start(o);
		for (k = 0; k < json_object_array_length(v); k++)
			value(o, json_object_get_string(json_object_array_get_idx(v, k)));
		seq_end(o);
	}
	text(o, "itsma", own);
	map_end(o);
	free(own);
	return o->failed ? -1 : 0;
}

static int emit_section(yout *o, json_object *sec, const char *parent, unsigned depth)
{
	json_object *reqs = member(sec, "requirements"), *subs = member(sec, "sections"), *v;
	char *own = own_json(sec, drop_children);
	const char *me = node_urn(o, json_object_get_string(member(sec, "id")));
	size_t k;
	if (!own || !me) {
		free(own);
		return -1;
	}
	node_start(o, me, 0, depth, parent, json_object_get_string(member(sec, "id")));
	text(o, "name", json_object_get_string(member(sec, "title")));
	if ((v = member(sec, "purpose")))
		text(o, "description", json_object_get_string(v));
	text(o, "itsma", own);
	map_end(o);
	free(own);
	for (k = 0; reqs && k < json_object_array_length(reqs) && !o->failed; k++)
		if (emit_requirement(o, json_object_array_get_idx(reqs, k), me, depth + 1) < 0)
			o->failed = 1;
	for (k = 0; subs && k < json_object_array_length(subs) && !o->failed; k++)
		if (emit_section(o, json_object_array_get_idx(subs, k), me, depth + 1) < 0)
			o->failed = 1;
	return o->failed ? -1 : 0;
}

/* Collect the tags of every requirement (first use order) into arr; -1 when out of memory. */
static int collect_tags(json_object *sec, json_object *arr, itsma__strmap *seen)
{
	json_object *reqs = member(sec, "requirements"), *subs = member(sec, "sections");
	size_t k, t;
	for (k = 0; reqs && k < json_object_array_length(reqs); k++) {
		json_object *tags = member(json_object_array_get_idx(reqs, k), "tags");
		for (t = 0; tags && t < json_object_array_length(tags); t++) {
			json_object *tag = json_object_array_get_idx(tags, t);
			const char *s = json_object_get_string(tag);
			if (itsma__strmap_get(seen, s))
				continue;
			if (itsma__strmap_put(seen, s, (void *)1) < 0)
				return -1;
			if (json_object_array_add(arr, json_object_get(tag)) < 0) {
				json_object_put(tag);
				return -1;
			}
		}
	}
	for (k = 0; subs && k < json_object_array_length(subs); k++)
		if (collect_tags(json_object_array_get_idx(subs, k), arr, seen) < 0)
			return -1;
	return 0;
}

int itsma_catalogue_to_ciso_library(char **out, const itsma_catalogue *cat, const char *packager,
                                    itsma_error *err)
{
	yout o;
	yaml_event_t e;
	char *json = NULL, *own = NULL;
	json_object *doc = NULL, *sections, *tags = NULL;
	itsma__urns urns;
	itsma__strmap seen = ITSMA__STRMAP_INIT;
	const char *pk;
	char ver[16];
	size_t k;
	int rc;

	itsma__error_reset(err);
	if (out)
		*out = NULL;
	if (!out || !cat)
		return itsma__error_set(err, ITSMA_EINVAL, "out and cat must not be NULL");
	if ((rc = itsma__ciso_packager(&pk, packager, err)) < 0)
		return rc;
	if ((rc = itsma__urns_build(&urns, cat, pk, err)) < 0)
		return rc;
	if ((rc = itsma_catalogue_to_json(&json, cat, err)) < 0) {
		itsma__urns_fini(&urns);
		return rc;
	}
	memset(&o, 0, sizeof o);
	o.urns = &urns;
	rc = itsma__interop_parse_json(&doc, json, strlen(json), NULL, err);
	itsma_free(json);
	if (rc < 0)
		goto out;
	if (!doc || !(own = own_json(doc, drop_sections)) || !(tags = json_object_new_array()))
		goto nomem;
	sections = member(doc, "sections");
	if (!yaml_emitter_initialize(&o.em))
		goto nomem;
	yaml_emitter_set_output(&o.em, write_cb, &o.b);
	yaml_emitter_set_unicode(&o.em, 1);
	yaml_emitter_set_width(&o.em, -1);
	ev(&o, &e, yaml_stream_start_event_initialize(&e, YAML_UTF8_ENCODING));
	ev(&o, &e, yaml_document_start_event_initialize(&e, NULL, NULL, NULL, 1));
	map_start(&o);
	text(&o, "urn", urns.library);
	text(&o, "locale", "en");
	text(&o, "ref_id", itsma_catalogue_id(cat));
	text(&o, "name", itsma_catalogue_title(cat));
	text(&o, "description",
	     itsma_catalogue_description(cat) ? itsma_catalogue_description(cat)
	                                      : itsma_catalogue_title(cat));
	text(&o, "copyright", itsma_catalogue_source(cat));
	snprintf(ver, sizeof ver, "%d",
	         itsma_catalogue_revision(cat) > 0 ? itsma_catalogue_revision(cat) : 1);
	scalar(&o, "version");
	scalar_style(&o, ver, YAML_PLAIN_SCALAR_STYLE);
	text(&o, "provider", itsma_catalogue_publisher(cat));
	text(&o, "packager", pk);
	scalar(&o, "objects");
	map_start(&o);
	scalar(&o, "framework");
	map_start(&o);
	text(&o, "urn", urns.framework);
	text(&o, "ref_id", itsma_catalogue_id(cat));
	text(&o, "name", itsma_catalogue_title(cat));
	text(&o, "description",
	     itsma_catalogue_description(cat) ? itsma_catalogue_description(cat)
	                                      : itsma_catalogue_title(cat));
	number(&o, "min_score", 0);
	number(&o, "max_score", 100);
	for (k = 0; sections && k < json_object_array_length(sections); k++)
		if (collect_tags(json_object_array_get_idx(sections, k), tags, &seen) < 0)
			o.failed = 1;
	if (json_object_array_length(tags)) {
		scalar(&o, "implementation_groups_definition");
		seq_start(&o);
		for (k = 0; k < json_object_array_length(tags); k++) {
			map_start(&o);
			text(&o, "ref_id",
			     json_object_get_string(json_object_array_get_idx(tags, k)));
			text(&o, "name",
			     json_object_get_string(json_object_array_get_idx(tags, k)));
			map_end(&o);
		}
		seq_end(&o);
	}
	text(&o, "itsma", own);
	scalar(&o, "requirement_nodes");
	seq_start(&o);
	for (k = 0; sections && k < json_object_array_length(sections) && !o.failed; k++)
		if (emit_section(&o, json_object_array_get_idx(sections, k), NULL, 1) < 0)
			o.failed = 1;
	seq_end(&o);
	map_end(&o);
	map_end(&o);
	map_end(&o);
	ev(&o, &e, yaml_document_end_event_initialize(&e, 1));
	ev(&o, &e, yaml_stream_end_event_initialize(&e));
	yaml_emitter_flush(&o.em);
	yaml_emitter_delete(&o.em);
	if (o.failed || o.b.oom)
		goto nomem;
	rc = itsma__buf_finish(&o.b, out, err);
	goto out;
nomem:
	rc = itsma__error_nomem(err);
	itsma__buf_free(&o.b);
out:
	itsma__urns_fini(&urns);
	itsma__strmap_free(&seen);
	json_object_put(doc);
	json_object_put(tags);
	free(own);
	return rc;
}

/* ---- mapping sets --------------------------------------------------------------------------- */

static const char *const ciso_rel[] = { "equal",    "equal",     "subset",
	                                "superset", "intersect", "not_related" };

/*
 * What the requirement mapping set carries in its `itsma` key: the mapping's itsma-mapping/1
 * JSON without its maps, plus the maps that have no pair (a no-relationship map without
 * targets) with their index: {"...": ..., "unpaired": [{"index": N, "map": {...}}]}.
 * Owned text, NULL when out of memory.
 */
static char *set_json(json_object *doc)
{
	json_object *maps = member(doc, "maps"), *unpaired = NULL, *copy = NULL;
	json_object_iter it;
	char *text = NULL;
	size_t i, n = maps ? json_object_array_length(maps) : 0;
	int oom = !(copy = json_object_new_object());
	if (!oom)
		json_object_object_foreachC(doc, it)
		{
			if (strcmp(it.key, "maps") != 0 &&
			    (it.val ? set_value(copy, it.key, json_object_get(it.val))
			            : json_object_object_add(copy, it.key, NULL)) < 0)
				oom = 1;
		}
	for (i = 0; i < n && !oom; i++) {
		json_object *mp = json_object_array_get_idx(maps, i), *entry;
		if (member(mp, "targets"))
			continue;
		if (!(entry = json_object_new_object()) ||
		    set_value(entry, "index", json_object_new_int64((int64_t)i)) < 0 ||
		    set_value(entry, "map", json_object_get(mp)) < 0 ||
		    push(copy, "unpaired", entry, &unpaired) < 0) {
			json_object_put(entry);
			oom = 1;
		}
	}
	if (!oom)
		text = own_json(copy, drop_none);
	json_object_put(copy);
	return text;
}

/*
 * The `itsma` key of one pair of map `index`: {"map": index}; the first pair of a map also
 * carries the map's relationship (equivalent-to has no CISO Assistant word of its own) and its
 * x- keys. Owned text, NULL when out of memory.
 */
static char *pair_json(json_object *map, size_t index, int first)
{
	itsma__buf b = ITSMA__BUF_INIT;
	char *text = NULL;
	json_object_iter it;
	itsma__buf_printf(&b, "{\"map\":%zu", index);
	if (first) {
		itsma__buf_puts(&b, ",\"relationship\":");
		itsma__buf_json_string(&b, json_object_get_string(member(map, "relationship")));
		json_object_object_foreachC(map, it)
		{
			if (strncmp(it.key, "x-", 2) != 0)
				continue;
			itsma__buf_putc(&b, ',');
			itsma__buf_json_string(&b, it.key);
			itsma__buf_putc(&b, ':');
			write_json(&b, it.val, NULL);
		}
	}
	itsma__buf_putc(&b, '}');
	if (itsma__buf_finish(&b, &text, NULL) < 0)
		return NULL;
	return text;
}

int itsma_mapping_to_ciso(char **out, const itsma_mapping *m, const itsma_catalogue *source,
                          const itsma_catalogue *target, const char *packager, itsma_error *err)
{
	yout o;
	yaml_event_t e;
	itsma__urns us, ut;
	itsma__buf ref = ITSMA__BUF_INIT, t = ITSMA__BUF_INIT;
	json_object *doc = NULL, *maps;
	char *json = NULL, *own = NULL;
	const char *pk;
	size_t i, j, k;
	int rc;

	itsma__error_reset(err);
	if (out)
		*out = NULL;
	if (!out || !m || !source || !target)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "out, m, source and target must not be NULL");
	if ((rc = itsma__ciso_packager(&pk, packager, err)) < 0 ||
	    (rc = itsma_mapping_check(m, source, target, NULL, NULL, err)) < 0)
		return rc;
	/* the mapping as JSON: what the itsma keys carry */
	if ((rc = itsma_mapping_to_json(&json, m, err)) < 0)
		return rc;
	rc = itsma__interop_parse_json(&doc, json, strlen(json), NULL, err);
	itsma_free(json);
	if (rc < 0)
		return rc;
	maps = member(doc, "maps");
	if ((rc = itsma__urns_build(&us, source, pk, err)) < 0) {
		json_object_put(doc);
		return rc;
	}
	if ((rc = itsma__urns_build(&ut, target, pk, err)) < 0) {
		itsma__urns_fini(&us);
		json_object_put(doc);
		return rc;
	}
	memset(&o, 0, sizeof o);
	itsma__ciso_urn_part(&ref, itsma_mapping_id(m));
	if (ref.oom || !(own = set_json(doc)) || !yaml_emitter_initialize(&o.em)) {
		rc = itsma__error_nomem(err);
		goto out;
	}
	yaml_emitter_set_output(&o.em, write_cb, &o.b);
	yaml_emitter_set_unicode(&o.em, 1);
	yaml_emitter_set_width(&o.em, -1);
	ev(&o, &e, yaml_stream_start_event_initialize(&e, YAML_UTF8_ENCODING));
	ev(&o, &e, yaml_document_start_event_initialize(&e, NULL, NULL, NULL, 1));
	map_start(&o);
	itsma__buf_printf(&t, "urn:%s:risk:library:mapping-%s", pk, ref.data);
	text(&o, "urn", t.data);
	text(&o, "locale", "en");
	text(&o, "ref_id", itsma_mapping_id(m));
	t.len = 0;
	itsma__buf_printf(&t, "Mapping from %s to %s", itsma_mapping_source_catalogue(m),
	                  itsma_mapping_target_catalogue(m));
	text(&o, "name", itsma_mapping_title(m) ? itsma_mapping_title(m) : t.data);
	text(&o, "description",
	     itsma_mapping_description(m) ? itsma_mapping_description(m) : t.data);
	scalar(&o, "version");
	scalar_style(&o, "1", YAML_PLAIN_SCALAR_STYLE);
	text(&o, "packager", pk);
	scalar(&o, "dependencies");
	seq_start(&o);
	value(&o, us.library);
	value(&o, ut.library);
	seq_end(&o);
	scalar(&o, "objects");
	map_start(&o);
	scalar(&o, "requirement_mapping_set");
	map_start(&o);
	t.len = 0;
	itsma__buf_printf(&t, "urn:%s:risk:req_mapping_set:%s", pk, ref.data);
	text(&o, "urn", t.data);
	text(&o, "ref_id", itsma_mapping_id(m));
	text(&o, "name", itsma_mapping_title(m) ? itsma_mapping_title(m) : itsma_mapping_id(m));
	text(&o, "source_framework_urn", us.framework);
	text(&o, "target_framework_urn", ut.framework);
	scalar(&o, "requirement_mappings");
	seq_start(&o);
	for (i = 0; i < itsma_mapping_map_count(m); i++) {
		const itsma_map *map = itsma_mapping_map_at(m, i);
		itsma_confidence c = itsma_map_confidence(map);
		for (j = 0; j < itsma_map_source_count(map); j++)
			for (k = 0; k < itsma_map_target_count(map); k++) {
				char *pj = pair_json(json_object_array_get_idx(maps, i), i,
				                     j == 0 && k == 0);
				if (!pj) {
					o.failed = 1;
					continue;
				}
				map_start(&o);
				text(&o, "source_requirement_urn",
				     itsma__strmap_get(&us.by_id, itsma_map_source_at(map, j)));
				text(&o, "target_requirement_urn",
				     itsma__strmap_get(&ut.by_id, itsma_map_target_at(map, k)));
				text(&o, "relationship", ciso_rel[itsma_map_relationship(map)]);
				text(&o, "rationale",
				     itsma_mapping_rationale_name(itsma_mapping_rationale_of(m)));
				if (c != ITSMA_CONFIDENCE_NONE)
					number(&o, "strength_of_relationship",
					       c == ITSMA_CONFIDENCE_HIGH     ? 10
					       : c == ITSMA_CONFIDENCE_MEDIUM ? 6
					                                      : 3);
				text(&o, "annotation", itsma_map_note(map));
				text(&o, "itsma", pj);
				map_end(&o);
				free(pj);
			}
	}
	seq_end(&o);
	text(&o, "itsma", own);
	map_end(&o);
	map_end(&o);
	map_end(&o);
	ev(&o, &e, yaml_document_end_event_initialize(&e, 1));
	ev(&o, &e, yaml_stream_end_event_initialize(&e));
	yaml_emitter_flush(&o.em);
	yaml_emitter_delete(&o.em);
	if (o.failed || o.b.oom || t.oom) {
		itsma__buf_free(&o.b);
		rc = itsma__error_nomem(err);
	} else
		rc = itsma__buf_finish(&o.b, out, err);
out:
	free(own);
	json_object_put(doc);
	itsma__buf_free(&ref);
	itsma__buf_free(&t);
	itsma__urns_fini(&us);
	itsma__urns_fini(&ut);
	return rc;
}

/* The packager of a urn "urn:PACKAGER:..." into out (NULL when it has none). */
static const char *packager_of(const char *urn, char out[65])
{
	const char *p, *q;
	if (!urn || strncmp(urn, "urn:", 4) != 0)
		return NULL;
	p = urn + 4;
	q = strchr(p, ':');
	if (!q || q == p || q - p > 64)
		return NULL;
	memcpy(out, p, (size_t)(q - p));
	out[q - p] = '\0';
	return itsma__ciso_packager(&p, out, NULL) == 0 ? out : NULL;
}

/* One requirement mapping (a pair) of a set, read. */
typedef struct pair {
	const char *sid, *tid, *note;
	itsma_relationship rel;
	itsma_confidence conf;
	json_object *meta; /* its parsed `itsma` key (Owned), or NULL */
	char group[24];    /* the itsma map it came from ("map" of the key), or "" */
	size_t next;       /* the next pair of its group, or SIZE_MAX */
} pair;

typedef struct pair_group {
	size_t first, last, count;
} pair_group;

/* The index of `s` among n words, or -1. */
static int word_index(const char *s, const char *const *words, int n)
{
	int i;
	for (i = 0; s && i < n; i++)
		if (strcmp(s, words[i]) == 0)
			return i;
	return -1;
}

static const char *const ciso_rationales[] = { "syntactic", "semantic", "functional" };

/* Read requirement mapping i (at ptr p) into *pr; its rationale to *rat. */
static int read_pair(yin *y, json_object *rm, const char *p, const itsma__urns *us,
                     const itsma__urns *ut, const itsma_catalogue *source,
                     const itsma_catalogue *target, pair *pr, const char **rat)
{
	const char *su, *tu, *rel, *strength, *ann;
	char q[ITSMA_ERROR_POINTER_LENGTH];
	json_object *v;
	int k, rc;
	if (!rm || !json_object_is_type(rm, json_type_object))
		return bad(y, p, "expected a requirement mapping (a mapping)");
	if ((rc = str(y, rm, p, "source_requirement_urn", &su)) < 0 ||
	    (rc = str(y, rm, p, "target_requirement_urn", &tu)) < 0 ||
	    (rc = str(y, rm, p, "relationship", &rel)) < 0 ||
	    (rc = str(y, rm, p, "rationale", rat)) < 0 ||
	    (rc = str(y, rm, p, "strength_of_relationship", &strength)) < 0 ||
	    (rc = str(y, rm, p, "annotation", &ann)) < 0)
		return rc;
	if (!su || !tu || !rel)
		return bad(
		    y, p,
		    "expected source_requirement_urn, target_requirement_urn and relationship");
	if (!(pr->sid = itsma__strmap_get(&us->by_urn, su))) {
		itsma__ptr_key(q, p, "source_requirement_urn");
		return bad(y, q, "\"%s\" is no requirement or section of catalogue %s", su,
		           itsma_catalogue_id(source));
	}
	if (!(pr->tid = itsma__strmap_get(&ut->by_urn, tu))) {
		itsma__ptr_key(q, p, "target_requirement_urn");
		return bad(y, q, "\"%s\" is no requirement or section of catalogue %s", tu,
		           itsma_catalogue_id(target));
	}
	for (k = 1; k < 6 && strcmp(rel, ciso_rel[k]) != 0; k++)
		;
	if (k == 6) {
		itsma__ptr_key(q, p, "relationship");
		return bad(
		    y, q,
		    "expected equal, subset, superset, intersect or not_related, found \"%s\"",
		    rel);
	}
	pr->rel = k == 1 ? ITSMA_RELATIONSHIP_EQUAL_TO : (itsma_relationship)k;
	pr->conf = ITSMA_CONFIDENCE_NONE;
	if (strength && *strength) {
		char *end;
		double d = strtod(strength, &end);
		if (*end || !(d >= 0 && d <= 10)) {
			itsma__ptr_key(q, p, "strength_of_relationship");
			return bad(y, q, "expected a number from 0 to 10, found \"%s\"", strength);
		}
		pr->conf = d >= 7   ? ITSMA_CONFIDENCE_HIGH
		           : d >= 4 ? ITSMA_CONFIDENCE_MEDIUM
		                    : ITSMA_CONFIDENCE_LOW;
	}
	pr->note = ann && *ann ? ann : NULL;
	/* the itsma key: which itsma map the pair came from */
	if ((rc = itsma_of(y, rm, p, &pr->meta)) < 0 || !pr->meta)
		return rc;
	itsma__ptr_key(q, p, "itsma");
	v = member(pr->meta, "map");
	if (!v || !json_object_is_type(v, json_type_int) || json_object_get_int64(v) < 0)
		return bad(y, q,
		           "expected \"map\": the index of the itsma map this pair came from");
	snprintf(pr->group, sizeof pr->group, "%lld", (long long)json_object_get_int64(v));
	v = member(pr->meta, "relationship");
	if (v && (!json_object_is_type(v, json_type_string) ||
	          word_index(json_object_get_string(v),
	                     (const char *const[]){ "equal-to", "equivalent-to", "subset-of",
	                                            "superset-of", "intersects-with",
	                                            "no-relationship" },
	                     6) < 0))
		return bad(y, q, "expected an itsma relationship in \"relationship\"");
	return 0;
}

/* Add one map (sources x targets) and give it the x- keys of meta (may be NULL). */
static int add_map(yin *y, itsma_mapping *m, const char *p, itsma_map_spec *spec, json_object *meta)
{
	const itsma_map *added = NULL;
	int rc = itsma_mapping_add_map(&added, m, spec, &y->e);
	if (rc < 0) {
		if (rc != ITSMA_ENOMEM) {
			char msg[ITSMA_ERROR_MESSAGE_LENGTH];
			snprintf(msg, sizeof msg, "%s", y->e.message);
			rc = bad(y, p, "%s", msg);
		}
		return rc;
	}
	if (meta && (rc = itsma__ext_take_members(&((itsma_map *)(uintptr_t)added)->ext, meta,
	                                          &y->e)) < 0) {
		char q[ITSMA_ERROR_POINTER_LENGTH];
		if (rc == ITSMA_ENOMEM)
			return rc;
		itsma__ptr_key(q, p, "itsma");
		return bad(y, q, "%s", y->e.message);
	}
	return 0;
}

/*
 * The pairs of one group as maps: one n:m map when they are exactly sources x targets (each
 * pair once) and agree on relationship, strength and annotation, as itsma_mapping_to_ciso()
 * writes them; otherwise (edited in CISO Assistant, or no itsma key) one map per pair.
 */
static int add_group(yin *y, itsma_mapping *m, pair *pairs, const pair_group *g,
                     const char *maps_ptr)
{
	itsma_map_spec spec = ITSMA_MAP_SPEC_INIT;
	itsma__strmap si = ITSMA__STRMAP_INIT, ti = ITSMA__STRMAP_INIT;
	const char **src = NULL, **tgt = NULL;
	unsigned char *seen = NULL;
	json_object *meta = NULL;
	size_t i, ns = 0, nt = 0, first = g->first;
	char p[ITSMA_ERROR_POINTER_LENGTH];
	int rc = 0, whole = pairs[first].group[0] != '\0';
	if (!(src = calloc(g->count, sizeof *src)) || !(tgt = calloc(g->count, sizeof *tgt)) ||
	    itsma__strmap_reserve(&si, g->count) < 0 || itsma__strmap_reserve(&ti, g->count) < 0) {
		rc = itsma__error_nomem(&y->e);
		goto out;
	}
	for (i = first; whole && i != SIZE_MAX; i = pairs[i].next) {
		const pair *a = &pairs[i], *b = &pairs[first];
		if (a->rel != b->rel || a->conf != b->conf || (!a->note != !b->note) ||
		    (a->note && strcmp(a->note, b->note) != 0))
			whole = 0;
		if (!itsma__strmap_get(&si, a->sid)) {
			src[ns++] = a->sid;
			(void)itsma__strmap_put(&si, a->sid, (void *)(uintptr_t)ns); /* reserved */
		}
		if (!itsma__strmap_get(&ti, a->tid)) {
			tgt[nt++] = a->tid;
			(void)itsma__strmap_put(&ti, a->tid, (void *)(uintptr_t)nt);
		}
		if (!meta && member(a->meta, "relationship"))
			meta = a->meta;
	}
	if (whole && (ns > g->count / nt || ns * nt != g->count)) /* nt >= 1 here */
		whole = 0;
	if (whole && !(seen = calloc(g->count, 1))) {
		rc = itsma__error_nomem(&y->e);
		goto out;
	}
	for (i = first; whole && i != SIZE_MAX; i = pairs[i].next) {
		size_t at = ((size_t)(uintptr_t)itsma__strmap_get(&si, pairs[i].sid) - 1) * nt +
		            (size_t)(uintptr_t)itsma__strmap_get(&ti, pairs[i].tid) - 1;
		whole = !seen[at];
		seen[at] = 1;
	}
	itsma__ptr_index(p, maps_ptr, first);
	if (whole) {
		const char *r = json_object_get_string(member(meta, "relationship"));
		spec.relationship = pairs[first].rel;
		if (spec.relationship == ITSMA_RELATIONSHIP_EQUAL_TO && r &&
		    strcmp(r, "equivalent-to") == 0)
			spec.relationship = ITSMA_RELATIONSHIP_EQUIVALENT_TO;
		spec.sources = src;
		spec.source_count = ns;
		spec.targets = tgt;
		spec.target_count = nt;
		spec.confidence = pairs[first].conf;
		spec.note = pairs[first].note;
		rc = add_map(y, m, p, &spec, meta);
		goto out;
	}
	if (pairs[first].group[0] &&
	    (rc = ywarn(y, p,
	                "the %zu pairs of itsma map %s are no longer the pairs of one map "
	                "(edited?): imported as one map per pair",
	                g->count, pairs[first].group)) != 0)
		goto out;
	for (i = first; i != SIZE_MAX && rc == 0; i = pairs[i].next) {
		itsma_map_spec one = ITSMA_MAP_SPEC_INIT;
		one.relationship = pairs[i].rel;
		one.sources = &pairs[i].sid;
		one.source_count = 1;
		one.targets = &pairs[i].tid;
		one.target_count = 1;
		one.confidence = pairs[i].conf;
		one.note = pairs[i].note;
		itsma__ptr_index(p, maps_ptr, i);
		rc = add_map(y, m, p, &one, NULL);
	}
out:
	free(src);
	free(tgt);
	free(seen);
	itsma__strmap_free(&si);
	itsma__strmap_free(&ti);
	return rc;
}

/* The ids of an itsma map's member `key` (an array of strings naming objects of cat). */
static int json_ids(yin *y, json_object *mp, const char *key, const itsma_catalogue *cat,
                    const char *p, const char ***out, size_t *count)
{
	json_object *a = member(mp, key);
	size_t i,
	    n = a && json_object_is_type(a, json_type_array) ? json_object_array_length(a) : 0;
	*out = NULL;
	*count = 0;
	if (a && !json_object_is_type(a, json_type_array))
		return bad(y, p, "an unpaired map's %s: expected a list of ids", key);
	if (n && !(*out = calloc(n, sizeof **out)))
		return itsma__error_nomem(&y->e);
	for (i = 0; i < n; i++) {
		json_object *v = json_object_array_get_idx(a, i);
		const char *id = v && json_object_is_type(v, json_type_string)
		                     ? json_object_get_string(v)
		                     : NULL;
		if (!id || (!itsma_catalogue_find_requirement(cat, id) &&
		            !itsma_catalogue_find_section(cat, id)))
			return bad(
			    y, p,
			    "an unpaired map's %s: \"%.64s\" is no requirement or section of %s",
			    key, id ? id : "(not a text)", itsma_catalogue_id(cat));
		(*out)[(*count)++] = id;
	}
	return 0;
}

/* A map that had no pair (no-relationship without targets), from the set's itsma key. */
static int add_unpaired(yin *y, itsma_mapping *m, json_object *entry, const char *p,
                        const itsma_catalogue *source, const itsma_catalogue *target)
{
	static const char *const conf[] = { "", "high", "medium", "low" };
	itsma_map_spec spec = ITSMA_MAP_SPEC_INIT;
	json_object *mp = member(entry, "map"), *note = member(mp, "note");
	const char **src = NULL, **tgt = NULL;
	int rel, c = 0, rc;
	if (!mp || !json_object_is_type(mp, json_type_object))
		return bad(y, p, "expected {\"index\": N, \"map\": {...}} in \"unpaired\"");
	rel =
	    word_index(json_object_get_string(member(mp, "relationship")),
	               (const char *const[]){ "equal-to", "equivalent-to", "subset-of",
	                                      "superset-of", "intersects-with", "no-relationship" },
	               6);
	if (member(mp, "confidence"))
		c = word_index(json_object_get_string(member(mp, "confidence")), conf, 4);
	if (rel < 0 || c < 0 || (note && !json_object_is_type(note, json_type_string)))
		return bad(y, p,
		           "an unpaired map: expected an itsma relationship, confidence and note");
	if ((rc = json_ids(y, mp, "sources", source, p, &src, &spec.source_count)) == 0 &&
	    (rc = json_ids(y, mp, "targets", target, p, &tgt, &spec.target_count)) == 0) {
		spec.relationship = (itsma_relationship)rel;
		spec.sources = src;
		spec.targets = tgt;
		spec.confidence = (itsma_confidence)c;
		spec.note = note ? json_object_get_string(note) : NULL;
		rc = add_map(y, m, p, &spec, mp);
	}
	free(src);
	free(tgt);
	return rc;
}

/*
 * The mapping-level data of the set's itsma key (what itsma_mapping_to_ciso() wrote): title,
 * description, provenance and the x- keys of the mapping, its source, target and provenance.
 * The set's `name` goes on top (an edit in CISO Assistant comes back); the first pair's
 * rationale on top of the key's.
 */
static int apply_set_meta(yin *y, itsma_mapping *m, json_object *meta, const char *name,
                          const char *rationale, const char *p)
{
	static const char *const methods[] = { "human", "automation", "hybrid" };
	static const char *const statuses[] = { "draft", "complete", "deprecated" };
	json_object *prov = member(meta, "provenance"), *title = member(meta, "title"),
	            *desc = member(prov, "description");
	int method = word_index(json_object_get_string(member(prov, "method")), methods, 3),
	    rat = word_index(json_object_get_string(member(prov, "rationale")), ciso_rationales, 3),
	    status = word_index(json_object_get_string(member(prov, "status")), statuses, 3), rc;
	const char *t = title && json_object_is_type(title, json_type_string)
	                    ? json_object_get_string(title)
	                    : NULL;
	if (method < 0 || rat < 0 || status < 0 ||
	    (desc && !json_object_is_type(desc, json_type_string)))
		return bad(y, p,
		           "expected the provenance itsma writes (method, rationale, status)");
	if (word_index(rationale, ciso_rationales, 3) >= 0)
		rat = word_index(rationale, ciso_rationales, 3);
	/* export wrote name = title, else the id */
	if (name && (t || strcmp(name, json_object_get_string(member(meta, "id"))) != 0))
		t = name;
	if ((rc = itsma_mapping_set_title(m, t, &y->e)) < 0 ||
	    (rc = itsma_mapping_set_description(m, desc ? json_object_get_string(desc) : NULL,
	                                        &y->e)) < 0 ||
	    (rc = itsma_mapping_set_provenance(m, (itsma_mapping_method)method,
	                                       (itsma_mapping_rationale)rat,
	                                       (itsma_mapping_status)status, &y->e)) < 0 ||
	    (rc = itsma__ext_take_members(&m->ext, meta, &y->e)) < 0 ||
	    (rc = itsma__ext_take_members(&m->source_ext, member(meta, "source"), &y->e)) < 0 ||
	    (rc = itsma__ext_take_members(&m->target_ext, member(meta, "target"), &y->e)) < 0 ||
	    (rc = itsma__ext_take_members(&m->provenance_ext, prov, &y->e)) < 0) {
		char msg[ITSMA_ERROR_MESSAGE_LENGTH];
		if (rc == ITSMA_ENOMEM)
			return rc;
		snprintf(msg, sizeof msg, "%s", y->e.message);
		return bad(y, p, "%s", msg);
	}
	return 0;
}

static int import_mapping_set(yin *y, json_object *root, const itsma_catalogue *source,
                              const itsma_catalogue *target, const itsma_interop_options *opts,
                              itsma_mapping **out)
{
	json_object *objects = member(root, "objects"), *set, *maps, *meta = NULL, *unpaired;
	const char *urn, *ref, *name, *pk, *rat = NULL;
	char pkbuf[65], mid[65], p[ITSMA_ERROR_POINTER_LENGTH], base[ITSMA_ERROR_POINTER_LENGTH],
	    mp[ITSMA_ERROR_POINTER_LENGTH], mptr[ITSMA_ERROR_POINTER_LENGTH];
	itsma__urns us, ut;
	itsma__strmap groups = ITSMA__STRMAP_INIT;
	itsma_mapping *m = NULL;
	pair *pairs = NULL;
	pair_group *gs = NULL;
	size_t i, n, ng = 0, nu, u = 0;
	int rc;

	set = member(objects, "requirement_mapping_set");
	snprintf(base, sizeof base, "/objects/requirement_mapping_set");
	if (!set && (set = member(objects, "requirement_mapping_sets")) &&
	    json_object_is_type(set, json_type_array)) {
		if (json_object_array_length(set) > 1 &&
		    (rc = ywarn(y, "/objects/requirement_mapping_sets/1",
		                "only the first mapping set is imported")) != 0)
			return rc;
		set = json_object_array_get_idx(set, 0);
		snprintf(base, sizeof base, "/objects/requirement_mapping_sets/0");
	}
	if (!set || !json_object_is_type(set, json_type_object))
		return bad(y, objects ? "/objects" : "",
		           "expected objects.requirement_mapping_set");
	if ((rc = str(y, set, base, "urn", &urn)) < 0 ||
	    (rc = str(y, set, base, "ref_id", &ref)) < 0 ||
	    (rc = str(y, set, base, "name", &name)) < 0)
		return rc;
	maps = member(set, "requirement_mappings");
	if (!maps || !json_object_is_type(maps, json_type_array))
		return bad(y, base, "expected a list requirement_mappings");
	if ((rc = itsma_of(y, set, base, &meta)) < 0)
		return rc;
	itsma__ptr_key(mptr, base, "itsma");
	unpaired = member(meta, "unpaired");
	nu = unpaired && json_object_is_type(unpaired, json_type_array)
	         ? json_object_array_length(unpaired)
	         : 0;
	if (meta &&
	    (!member(meta, "id") || !json_object_is_type(member(meta, "id"), json_type_string) ||
	     !itsma_id_is_valid(json_object_get_string(member(meta, "id"))) ||
	     (unpaired && !json_object_is_type(unpaired, json_type_array)))) {
		json_object_put(meta);
		return bad(
		    y, mptr,
		    "expected the mapping itsma writes here (an \"id\", \"unpaired\" a list)");
	}
	pk = packager_of(urn, pkbuf);
	if ((rc = itsma__urns_build(&us, source, pk ? pk : "itsma", &y->e)) < 0) {
		json_object_put(meta);
		return rc;
	}
	if ((rc = itsma__urns_build(&ut, target, pk ? pk : "itsma", &y->e)) < 0) {
		itsma__urns_fini(&us);
		json_object_put(meta);
		return rc;
	}
	if (opts && opts->catalogue_id)
		snprintf(mid, sizeof mid, "%s", opts->catalogue_id);
	else if (meta)
		snprintf(mid, sizeof mid, "%s", json_object_get_string(member(meta, "id")));
	else {
		itsma__idgen g;
		const char *raw = ref ? ref : urn ? urn : "";
		itsma__idgen_init(&g);
		rc = itsma__idgen_make(&g, raw, strlen(raw), "mapping", mid, &y->e);
		itsma__idgen_fini(&g);
		if (rc < 0)
			goto out;
	}
	if ((rc = itsma_mapping_new(
	         &m, mid, itsma_catalogue_id(source),
	         itsma_catalogue_revision(source) ? itsma_catalogue_revision(source) : 1,
	         itsma_catalogue_id(target),
	         itsma_catalogue_revision(target) ? itsma_catalogue_revision(target) : 1, &y->e)) <
	        0 ||
	    (rc = itsma_mapping_set_title(m, name, &y->e)) < 0)
		goto out;
	/* read every pair, then group them by the itsma map they came from (linear) */
	n = json_object_array_length(maps);
	itsma__ptr_key(mp, base, "requirement_mappings");
	if ((n && (!(pairs = calloc(n, sizeof *pairs)) || !(gs = calloc(n, sizeof *gs)))) ||
	    itsma__strmap_reserve(&groups, n) < 0) {
		rc = itsma__error_nomem(&y->e);
		goto out;
	}
	for (i = 0; i < n; i++) {
		const char *r = NULL;
		size_t gi;
		itsma__ptr_index(p, mp, i);
		if ((rc = read_pair(y, json_object_array_get_idx(maps, i), p, &us, &ut, source,
		                    target, &pairs[i], &r)) < 0)
			goto out;
		if (i == 0)
			rat = r;
		pairs[i].next = SIZE_MAX;
		gi = pairs[i].group[0]
		         ? (size_t)(uintptr_t)itsma__strmap_get(&groups, pairs[i].group)
		         : 0;
		if (gi) {
			pairs[gs[gi - 1].last].next = i;
			gs[gi - 1].last = i;
			gs[gi - 1].count++;
			continue;
		}
		gs[ng].first = gs[ng].last = i;
		gs[ng].count = 1;
		ng++;
		if (pairs[i].group[0])
			(void)itsma__strmap_put(&groups, pairs[i].group,
			                        (void *)(uintptr_t)ng); /* reserved */
	}
	if (meta)
		rc = apply_set_meta(y, m, meta, name, rat, mptr);
	else if (rat && word_index(rat, ciso_rationales, 3) >= 0)
		rc = itsma_mapping_set_provenance(
		    m, ITSMA_MAPPING_METHOD_HUMAN,
		    (itsma_mapping_rationale)word_index(rat, ciso_rationales, 3),
		    ITSMA_MAPPING_STATUS_COMPLETE, &y->e);
	else
		rc = itsma_mapping_set_provenance(m, ITSMA_MAPPING_METHOD_HUMAN,
		                                  ITSMA_MAPPING_RATIONALE_SEMANTIC,
		                                  ITSMA_MAPPING_STATUS_COMPLETE, &y->e);
	if (rc < 0)
		goto out;
	/* the groups in order, the unpaired maps at their index */
	for (i = 0; i <= ng && rc == 0; i++) {
		while (u < nu && rc == 0) {
			json_object *e = json_object_array_get_idx(unpaired, u),
			            *ix = member(e, "index");
			if (!ix || !json_object_is_type(ix, json_type_int) ||
			    json_object_get_int64(ix) < 0) {
				rc = bad(y, mptr,
				         "expected \"index\": N (N >= 0) in each of \"unpaired\"");
				break;
			}
			if (i < ng &&
			    (uint64_t)json_object_get_int64(ix) > itsma_mapping_map_count(m))
				break;
			rc = add_unpaired(y, m, e, mptr, source, target);
			u++;
		}
		if (i < ng && rc == 0)
			rc = add_group(y, m, pairs, &gs[i], mp);
	}
	if (rc < 0)
		goto out;
	*out = m;
	m = NULL;
	rc = 0;
out:
	for (i = 0; pairs && i < n; i++)
		json_object_put(pairs[i].meta);
	free(pairs);
	free(gs);
	itsma__strmap_free(&groups);
	json_object_put(meta);
	itsma_mapping_free(m);
	itsma__urns_fini(&us);
	itsma__urns_fini(&ut);
	return rc;
}

int itsma_mapping_from_ciso(itsma_mapping **out, const char *buf, size_t len,
                            const char *source_name, const itsma_catalogue *source,
                            const itsma_catalogue *target, const itsma_interop_options *opts,
                            itsma_error *err)
{
	json_object *root = NULL;
	yin y;
	int rc;
	itsma__error_reset(err);
	if (out)
		*out = NULL;
	if (!out || !source || !target)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "out, source and target must not be NULL");
	if (opts && opts->catalogue_id && !itsma_id_is_valid(opts->catalogue_id))
		return itsma__error_set(err, ITSMA_EINVAL, "\"%s\" is not a valid mapping id",
		                        opts->catalogue_id);
	if ((rc = yaml_open(&y, &root, buf, len, source_name, opts, err)) != 0)
		return rc;
	rc = import_mapping_set(&y, root, source, target, opts, out);
	json_object_put(root);
	yaml_close(&y);
	if (rc != 0 && err)
		*err = y.e;
	return rc;
}
