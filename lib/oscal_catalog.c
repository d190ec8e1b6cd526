/* SPDX-License-Identifier: Apache-2.0 */
/*
 * OSCAL catalog (JSON, OSCAL 1.0.x to 1.2.x) -> itsma catalogue. The field meanings are
 * those of oscal_catalog_metaschema.xml and oscal_control-common_metaschema.xml; what maps
 * to what is in docs/interop.md.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal/error.h"
#include "internal/interop.h"
#include "internal/json_in.h"

/* Keys each OSCAL object may have (every version 1.0 to 1.2); others give a warning. */
static const char *const root_keys[] = { "catalog", "$schema", NULL };
static const char *const catalog_keys[] = { "uuid",   "metadata",    "params", "controls",
	                                    "groups", "back-matter", NULL };
static const char *const metadata_keys[] = { "title",
	                                     "published",
	                                     "last-modified",
	                                     "version",
	                                     "oscal-version",
	                                     "revisions",
	                                     "document-ids",
	                                     "props",
	                                     "links",
	                                     "roles",
	                                     "locations",
	                                     "parties",
	                                     "responsible-parties",
	                                     "actions",
	                                     "remarks",
	                                     NULL };
static const char *const group_keys[] = { "id",    "class", "title",  "params",   "props",
	                                  "links", "parts", "groups", "controls", NULL };
static const char *const control_keys[] = { "id",    "class", "title",    "params", "props",
	                                    "links", "parts", "controls", NULL };
static const char *const part_keys[] = { "id",    "name",  "ns",    "class", "title",
	                                 "props", "prose", "parts", "links", NULL };

/* A rendered parameter is cut to this many bytes (so text stays linear in the input). */
#define PARAM_MAX 1024

typedef struct oc {
	itsma__reader rd;
	itsma_error e;
	itsma__warner w;
	itsma_catalogue *cat;
	itsma__idgen ids;
	itsma__strmap params;   /* param id -> json object (borrowed from the document) */
	itsma__strmap rendered; /* param id -> malloc'd text */
	char **owned;           /* the rendered texts, to free */
	size_t owned_count, owned_cap;
	size_t records;
	unsigned int depth;
	int stop;
} oc;

static int warn(oc *c, const char *ptr, const char *fmt, ...) ITSMA_FORMAT_PRINTF(3, 4);
static int warn(oc *c, const char *ptr, const char *fmt, ...)
{
	char msg[ITSMA_ERROR_MESSAGE_LENGTH];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return itsma__warn_located(&c->w, &c->rd, &c->e, &c->stop, ptr, msg);
}

/* Warn about every key of obj not in allowed. */
static int check_keys(oc *c, json_object *obj, const char *ptr, const char *what,
                      const char *const *allowed)
{
	json_object_iter it;
	json_object_object_foreachC(obj, it)
	{
		size_t i;
		int ok = 0;
		for (i = 0; allowed[i] && !ok; i++)
			ok = strcmp(it.key, allowed[i]) == 0;
		if (!ok) {
			char p[ITSMA_ERROR_POINTER_LENGTH];
			itsma__ptr_key(p, ptr, it.key);
			if (warn(c, p, "\"%s\" is not a key of %s in OSCAL; ignored", it.key, what))
				return c->stop;
		}
	}
	return 0;
}

static json_object *member(json_object *obj, const char *key)
{
	json_object *v = NULL;
	return json_object_object_get_ex(obj, key, &v) ? v : NULL;
}

/* An optional array member (absent or null: *out NULL). */
static int opt_array(oc *c, json_object *obj, const char *ptr, const char *key, json_object **out)
{
	json_object *v = member(obj, key);
	*out = NULL;
	if (!v)
		return 0;
	if (!json_object_is_type(v, json_type_array))
		return itsma__schema(&c->rd, ptr, key, "expected an array, found %s",
		                     itsma__json_type_name(v));
	*out = v;
	return 0;
}

static int get_object(oc *c, json_object *v, const char *ptr, const char *what)
{
	return itsma__expect_object(&c->rd, v, ptr, what);
}

/* The value of the first prop named `name` (and of class `cls` when non-NULL; a prop
 * without class is preferred when cls is NULL), or NULL. Props are checked by the caller. */
static const char *prop_value(json_object *props, const char *name)
{
	size_t i, n = props ? json_object_array_length(props) : 0;
	const char *any = NULL;
	for (i = 0; i < n; i++) {
		json_object *p = json_object_array_get_idx(props, i), *nm, *val;
		if (!json_object_is_type(p, json_type_object) || !(nm = member(p, "name")) ||
		    !(val = member(p, "value")) || !json_object_is_type(nm, json_type_string) ||
		    !json_object_is_type(val, json_type_string) ||
		    strcasecmp(json_object_get_string(nm), name) != 0)
			continue;
		if (!member(p, "class"))
			return json_object_get_string(val);
		if (!any)
			any = json_object_get_string(val);
	}
	return any;
}

/* Check a props array: objects with string name and value. */
static int check_props(oc *c, json_object *obj, const char *ptr, json_object **out)
{
	char p[ITSMA_ERROR_POINTER_LENGTH], q[ITSMA_ERROR_POINTER_LENGTH];
	size_t i, n;
	int rc;
	if ((rc = opt_array(c, obj, ptr, "props", out)) < 0 || !*out)
		return rc;
	itsma__ptr_key(q, ptr, "props");
	n = json_object_array_length(*out);
	for (i = 0; i < n; i++) {
		json_object *pr = json_object_array_get_idx(*out, i);
		const char *s;
		itsma__ptr_index(p, q, i);
		if ((rc = get_object(c, pr, p, "a property")) < 0 ||
		    (rc = itsma__get_string(&c->rd, pr, p, "name", 1, 1, &s)) < 0 ||
		    (rc = itsma__get_string(&c->rd, pr, p, "value", 1, 0, &s)) < 0)
			return rc;
	}
	return 0;
}

/* ---- parameters ------------------------------------------------------------------------------ */

/* Collect the params of obj (catalog, group or control) into the map. */
static int collect_params(oc *c, json_object *obj, const char *ptr)
{
	char p[ITSMA_ERROR_POINTER_LENGTH], q[ITSMA_ERROR_POINTER_LENGTH];
	json_object *params;
	size_t i, n;
	int rc;
	if ((rc = opt_array(c, obj, ptr, "params", &params)) < 0 || !params)
		return rc;
	itsma__ptr_key(q, ptr, "params");
	n = json_object_array_length(params);
	for (i = 0; i < n; i++) {
		json_object *pm = json_object_array_get_idx(params, i);
		const char *id;
		itsma__ptr_index(p, q, i);
		if ((rc = get_object(c, pm, p, "a parameter")) < 0 ||
		    (rc = itsma__get_string(&c->rd, pm, p, "id", 1, 1, &id)) < 0)
			return rc;
		if (!itsma__strmap_get(&c->params, id) && itsma__strmap_put(&c->params, id, pm) < 0)
			return itsma__error_nomem(&c->e);
	}
	return 0;
}

static int collect_all_params(oc *c, json_object *obj, const char *ptr, unsigned depth)
{
	static const char *const kids[] = { "groups", "controls" };
	char p[ITSMA_ERROR_POINTER_LENGTH], q[ITSMA_ERROR_POINTER_LENGTH];
	size_t k, i, n;
	int rc;
	if ((rc = collect_params(c, obj, ptr)) < 0)
		return rc;
	for (k = 0; k < 2; k++) {
		json_object *arr;
		if ((rc = opt_array(c, obj, ptr, kids[k], &arr)) < 0)
			return rc;
		if (!arr)
			continue;
		itsma__ptr_key(q, ptr, kids[k]);
		n = json_object_array_length(arr);
		for (i = 0; i < n; i++) {
			json_object *x = json_object_array_get_idx(arr, i);
			itsma__ptr_index(p, q, i);
			if ((rc = get_object(c, x, p, k ? "a control" : "a group")) < 0 ||
			    (rc = collect_all_params(c, x, p, depth + 1)) < 0)
				return rc;
		}
	}
	return 0;
}

static void put_capped(itsma__buf *b, size_t start, const char *s)
{
	size_t room = PARAM_MAX > b->len - start ? PARAM_MAX - (b->len - start) : 0;
	size_t n = strlen(s);
	if (n > room) {
		n = room;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	itsma__buf_append(b, s, n);
}

static int render_prose(oc *c, itsma__buf *b, const char *s, int nested);

/* Append the readable form of a parameter: its values, its selection, or its label. */
static int render_param(oc *c, itsma__buf *b, const char *id, size_t idlen, int nested)
{
	char key[256];
	json_object *pm, *v;
	const char *done;
	itsma__buf t = ITSMA__BUF_INIT;
	size_t i, n;
	char *text;

	snprintf(key, sizeof key, "%.*s", (int)(idlen < 255 ? idlen : 255), id);
	if (!nested && (done = itsma__strmap_get(&c->rendered, key))) {
		itsma__buf_puts(b, done);
		return 0;
	}
	pm = itsma__strmap_get(&c->params, key);
	if (!pm) {
		itsma__buf_printf(b, "[Assignment: %s]", key);
		return 0;
	}
	if ((v = member(pm, "values")) && json_object_is_type(v, json_type_array) &&
	    json_object_array_length(v) > 0) {
		n = json_object_array_length(v);
		for (i = 0; i < n; i++) {
			json_object *x = json_object_array_get_idx(v, i);
			if (i)
				put_capped(&t, 0, ", ");
			if (json_object_is_type(x, json_type_string))
				put_capped(&t, 0, json_object_get_string(x));
		}
	} else if (!nested && (v = member(pm, "select")) &&
	           json_object_is_type(v, json_type_object)) {
		json_object *hm = member(v, "how-many"), *ch = member(v, "choice");
		put_capped(&t, 0, "[Selection");
		if (hm && json_object_is_type(hm, json_type_string) &&
		    strcmp(json_object_get_string(hm), "one-or-more") == 0)
			put_capped(&t, 0, " (one or more)");
		put_capped(&t, 0, ": ");
		n = ch && json_object_is_type(ch, json_type_array) ? json_object_array_length(ch)
		                                                   : 0;
		for (i = 0; i < n; i++) {
			json_object *x = json_object_array_get_idx(ch, i);
			itsma__buf u = ITSMA__BUF_INIT;
			if (i)
				put_capped(&t, 0, "; ");
			if (json_object_is_type(x, json_type_string)) {
				int r = render_prose(c, &u, json_object_get_string(x), 1);
				if (r < 0 || u.oom) {
					itsma__buf_free(&u);
					itsma__buf_free(&t);
					return r < 0 ? r : itsma__error_nomem(&c->e);
				}
				if (u.data)
					put_capped(&t, 0, u.data);
			}
			itsma__buf_free(&u);
		}
		put_capped(&t, 0, "]");
	} else {
		const char *label =
		    (v = member(pm, "label")) && json_object_is_type(v, json_type_string)
		        ? json_object_get_string(v)
		        : key;
		put_capped(&t, 0, "[Assignment: ");
		put_capped(&t, 0, label);
		put_capped(&t, 0, "]");
	}
	if (t.oom) {
		itsma__buf_free(&t);
		return itsma__error_nomem(&c->e);
	}
	text = t.data ? t.data : strdup("");
	if (!text)
		return itsma__error_nomem(&c->e);
	itsma__buf_puts(b, text);
	if (nested) {
		free(text);
		return 0;
	}
	{
		char *k = strdup(key);
		if (!k || itsma__grow((void **)&c->owned, &c->owned_cap, c->owned_count + 2,
		                      sizeof *c->owned) < 0) {
			free(k);
			free(text);
			return itsma__error_nomem(&c->e);
		}
		c->owned[c->owned_count++] = text;
		c->owned[c->owned_count++] = k;
		if (itsma__strmap_put(&c->rendered, k, text) < 0)
			return itsma__error_nomem(&c->e);
	}
	return 0;
}

/* Append prose with `{{ insert: param, ID }}` replaced by the parameter's readable form. */
static int render_prose(oc *c, itsma__buf *b, const char *s, int nested)
{
	while (*s) {
		const char *open = strstr(s, "{{"), *p, *id, *close;
		size_t idlen;
		int rc;
		if (!open) {
			itsma__buf_puts(b, s);
			break;
		}
		itsma__buf_append(b, s, (size_t)(open - s));
		p = open + 2;
		p += strspn(p, " \t");
		close = strstr(p, "}}");
		if (!close || strncmp(p, "insert:", 7) != 0) {
			itsma__buf_append(b, open, 2);
			s = open + 2;
			continue;
		}
		p += 7;
		p += strspn(p, " \t");
		if (strncmp(p, "param", 5) != 0 || (p = strchr(p, ',')) == NULL || p > close) {
			itsma__buf_append(b, open, (size_t)(close + 2 - open));
			s = close + 2;
			continue;
		}
		p++;
		p += strspn(p, " \t");
		id = p;
		idlen = (size_t)(close - id);
		while (idlen > 0 && (id[idlen - 1] == ' ' || id[idlen - 1] == '\t'))
			idlen--;
		if (idlen == 0) { /* no parameter named: keep the text as it is */
			itsma__buf_append(b, open, (size_t)(close + 2 - open));
			s = close + 2;
			continue;
		}
		if ((rc = render_param(c, b, id, idlen, nested)) < 0)
			return rc;
		s = close + 2;
	}
	return 0;
}

/* Render a part and its sub-parts as lines "LABEL prose", indented two spaces per level. */
static int render_part(oc *c, itsma__buf *b, json_object *part, const char *ptr, unsigned level,
                       int with_label)
{
	char p[ITSMA_ERROR_POINTER_LENGTH], q[ITSMA_ERROR_POINTER_LENGTH];
	json_object *props, *parts, *prose = member(part, "prose");
	const char *label = NULL;
	size_t i, n;
	int rc;
	if ((rc = check_keys(c, part, ptr, "a part", part_keys)) != 0 ||
	    (rc = check_props(c, part, ptr, &props)) < 0)
		return rc;
	if (with_label)
		label = prop_value(props, "label");
	if (prose && !json_object_is_type(prose, json_type_string))
		return itsma__schema(&c->rd, ptr, "prose", "expected a string, found %s",
		                     itsma__json_type_name(prose));
	if (prose || label) {
		if (b->len)
			itsma__buf_putc(b, '\n');
		itsma__buf_spaces(b, 2 * level);
		if (label) {
			itsma__buf_puts(b, label);
			if (prose)
				itsma__buf_putc(b, ' ');
		}
		if (prose) {
			const char *s = json_object_get_string(prose);
			s += strspn(s, " \t\r\n");
			if ((rc = render_prose(c, b, s, 0)) < 0)
				return rc;
		}
	}
	if ((rc = opt_array(c, part, ptr, "parts", &parts)) < 0)
		return rc;
	itsma__ptr_key(q, ptr, "parts");
	n = parts ? json_object_array_length(parts) : 0;
	for (i = 0; i < n; i++) {
		json_object *sub = json_object_array_get_idx(parts, i);
		itsma__ptr_index(p, q, i);
		if ((rc = get_object(c, sub, p, "a part")) < 0 ||
		    (rc = render_part(c, b, sub, p, level + (prose || label ? 1 : 0), 1)) != 0)
			return rc;
	}
	return 0;
}

/* ---- catalogue building ------------------------------------------------------------------- */

static int builder_error(oc *c, int rc, const char *ptr)
{
	if (rc == ITSMA_ENOMEM)
		return rc;
	{
		char msg[ITSMA_ERROR_MESSAGE_LENGTH];
		snprintf(msg, sizeof msg, "%s", c->e.message);
		return itsma__schema(&c->rd, ptr, NULL, "cannot use this object: %s", msg);
	}
}

static int count_record(oc *c, const char *ptr)
{
	if (++c->records > c->rd.max_records) {
		itsma__error_set(&c->e, ITSMA_ELIMIT, "more than %zu sections and requirements",
		                 c->rd.max_records);
		itsma__error_pointer(&c->e, "%s", ptr);
		return ITSMA_ELIMIT;
	}
	return 0;
}

/* x- keys every imported object gets: the OSCAL id, class and props. */
static int common_ext(oc *c, itsma__ext **x, json_object *obj, json_object *props)
{
	json_object *v;
	int rc = 0;
	if ((v = member(obj, "id")) && json_object_is_type(v, json_type_string))
		rc = itsma__ext_put_string(x, "x-oscal-id", json_object_get_string(v), &c->e);
	if (rc == 0 && (v = member(obj, "class")) && json_object_is_type(v, json_type_string))
		rc = itsma__ext_put_string(x, "x-oscal-class", json_object_get_string(v), &c->e);
	if (rc == 0 && props && json_object_array_length(props) > 0)
		rc = itsma__ext_put(x, "x-oscal-props", json_object_get(props), &c->e);
	return rc;
}

static int is_withdrawn(json_object *props)
{
	const char *s = prop_value(props, "status");
	return s && strcasecmp(s, "withdrawn") == 0;
}

/* Obligation from a modal-verb prop (BSI's MUSS/SOLLTE, or English words); default shall. */
static itsma_obligation modal(json_object *props, json_object *statement_props)
{
	static const char *const names[] = { "modal_verb", "modal-verb", "modalverb" };
	const char *v = NULL;
	size_t i;
	for (i = 0; i < 3 && !v; i++)
		v = prop_value(statement_props, names[i]);
	for (i = 0; i < 3 && !v; i++)
		v = prop_value(props, names[i]);
	if (!v)
		return ITSMA_OBLIGATION_SHALL;
	if (strncasecmp(v, "SOLL", 4) == 0 || strncasecmp(v, "SHOULD", 6) == 0 ||
	    strncasecmp(v, "KANN", 4) == 0 || strncasecmp(v, "MAY", 3) == 0 ||
	    strncasecmp(v, "RECOMMENDED", 11) == 0)
		return ITSMA_OBLIGATION_SHOULD;
	return ITSMA_OBLIGATION_SHALL;
}

static int import_controls(oc *c, json_object *obj, const char *ptr, const itsma_section *section);

/* The requirement of a control's own statement. */
static int add_control_requirement(oc *c, json_object *ctl, const char *ptr, json_object *props,
                                   const itsma_section *section, const char *req_id)
{
	char p[ITSMA_ERROR_POINTER_LENGTH], q[ITSMA_ERROR_POINTER_LENGTH];
	itsma_requirement_spec spec = ITSMA_REQUIREMENT_SPEC_INIT;
	itsma__buf text = ITSMA__BUF_INIT, guidance = ITSMA__BUF_INIT, verify = ITSMA__BUF_INIT;
	json_object *parts, *title = member(ctl, "title"), *smt_props = NULL;
	const itsma_requirement *r = NULL;
	itsma__ext *x = NULL;
	size_t i, n;
	int rc;

	if ((rc = opt_array(c, ctl, ptr, "parts", &parts)) < 0)
		return rc;
	itsma__ptr_key(q, ptr, "parts");
	n = parts ? json_object_array_length(parts) : 0;
	for (i = 0; i < n && rc == 0; i++) {
		json_object *part = json_object_array_get_idx(parts, i);
		const char *name;
		itsma__ptr_index(p, q, i);
		if ((rc = get_object(c, part, p, "a part")) < 0 ||
		    (rc = itsma__get_string(&c->rd, part, p, "name", 1, 1, &name)) < 0)
			break;
		if (strcmp(name, "statement") == 0) {
			json_object *sp = member(part, "props");
			if (sp && json_object_is_type(sp, json_type_array))
				smt_props = sp;
			rc = render_part(c, &text, part, p, 0, 0);
		} else if (strcmp(name, "guidance") == 0)
			rc = render_part(c, &guidance, part, p, 0, 0);
		else if (strcmp(name, "assessment-objective") == 0 ||
		         strcmp(name, "objective") == 0)
			rc = render_part(c, &verify, part, p, 0, 1);
		else
			rc = check_keys(c, part, p, "a part", part_keys);
	}
	if (rc == 0 && (text.oom || guidance.oom || verify.oom))
		rc = itsma__error_nomem(&c->e);
	if (rc == 0) {
		spec.id = req_id;
		spec.clause = prop_value(props, "label");
		spec.text = text.len ? text.data : json_object_get_string(title);
		spec.obligation = modal(props, smt_props);
		spec.verify = verify.len ? verify.data : NULL;
		rc = itsma_catalogue_add_requirement(&r, c->cat, section, &spec, &c->e);
		if (rc < 0)
			rc = builder_error(c, rc, ptr);
	}
	if (rc == 0 && (rc = common_ext(c, &x, ctl, props)) == 0 &&
	    (rc = itsma__ext_put_string(&x, "x-oscal-title", json_object_get_string(title),
	                                &c->e)) == 0 &&
	    (rc = itsma__ext_put_string(&x, "x-oscal-sort-id", prop_value(props, "sort-id"),
	                                &c->e)) == 0 &&
	    (rc = itsma__ext_put_string(&x, "x-oscal-guidance", guidance.len ? guidance.data : NULL,
	                                &c->e)) == 0)
		itsma__requirement_take_ext(r, &x);
	itsma__ext_free(x);
	itsma__buf_free(&text);
	itsma__buf_free(&guidance);
	itsma__buf_free(&verify);
	return rc;
}

static int import_control(oc *c, json_object *ctl, const char *ptr, const itsma_section *section)
{
	const char *id, *title;
	json_object *props, *subs;
	char req_id[65], sec_id[65];
	int rc;

	if ((rc = get_object(c, ctl, ptr, "a control")) < 0 ||
	    (rc = check_keys(c, ctl, ptr, "a control", control_keys)) != 0 ||
	    (rc = itsma__get_string(&c->rd, ctl, ptr, "id", 1, 1, &id)) < 0 ||
	    (rc = itsma__get_string(&c->rd, ctl, ptr, "title", 1, 1, &title)) < 0 ||
	    (rc = check_props(c, ctl, ptr, &props)) < 0 ||
	    (rc = opt_array(c, ctl, ptr, "controls", &subs)) < 0)
		return rc;
	if (is_withdrawn(props))
		return 0;
	if (++c->depth > c->rd.max_depth)
		return itsma__schema(&c->rd, ptr, NULL, "controls nest deeper than %u",
		                     c->rd.max_depth);
	if ((rc = count_record(c, ptr)) < 0 ||
	    (rc = itsma__idgen_make(&c->ids, id, strlen(id), "control", req_id, &c->e)) < 0)
		goto out;
	if (subs && json_object_array_length(subs) > 0) {
		itsma_section_spec spec = ITSMA_SECTION_SPEC_INIT;
		const itsma_section *s = NULL;
		itsma__ext *x = NULL;
		char base[80];
		snprintf(base, sizeof base, "%s-group", req_id);
		if ((rc = count_record(c, ptr)) < 0 ||
		    (rc = itsma__idgen_make(&c->ids, base, strlen(base), "group", sec_id, &c->e)) <
		        0)
			goto out;
		spec.id = sec_id;
		spec.clause = prop_value(props, "label");
		spec.title = title;
		if ((rc = itsma_catalogue_add_section(&s, c->cat, section, &spec, &c->e)) < 0) {
			rc = builder_error(c, rc, ptr);
			goto out;
		}
		if ((rc = common_ext(c, &x, ctl, props)) == 0)
			itsma__section_take_ext(s, &x);
		itsma__ext_free(x);
		if (rc == 0 && (rc = add_control_requirement(c, ctl, ptr, props, s, req_id)) == 0)
			rc = import_controls(c, ctl, ptr, s);
	} else
		rc = add_control_requirement(c, ctl, ptr, props, section, req_id);
out:
	c->depth--;
	return rc;
}

static int import_controls(oc *c, json_object *obj, const char *ptr, const itsma_section *section)
{
	char p[ITSMA_ERROR_POINTER_LENGTH], q[ITSMA_ERROR_POINTER_LENGTH];
	json_object *arr;
	size_t i, n;
	int rc;
	if ((rc = opt_array(c, obj, ptr, "controls", &arr)) < 0 || !arr)
		return rc;
	itsma__ptr_key(q, ptr, "controls");
	n = json_object_array_length(arr);
	for (i = 0; i < n; i++) {
		itsma__ptr_index(p, q, i);
		if ((rc = import_control(c, json_object_array_get_idx(arr, i), p, section)) != 0)
			return rc;
	}
	return 0;
}

/* Whether a group holds at least one control that is not withdrawn (at any depth). */
static int has_controls(json_object *g, unsigned depth)
{
	static const char *const kids[] = { "controls", "groups" };
	size_t k, i, n;
	if (depth > ITSMA__MAX_DEPTH_CAP)
		return 0;
	for (k = 0; k < 2; k++) {
		json_object *arr = member(g, kids[k]);
		n = arr && json_object_is_type(arr, json_type_array) ? json_object_array_length(arr)
		                                                     : 0;
		for (i = 0; i < n; i++) {
			json_object *x = json_object_array_get_idx(arr, i);
			if (!json_object_is_type(x, json_type_object))
				return 1; /* reported when imported */
			if (k == 0 && !is_withdrawn(member(x, "props")))
				return 1;
			if (k == 1 && has_controls(x, depth + 1))
				return 1;
		}
	}
	return 0;
}

static int import_groups(oc *c, json_object *obj, const char *ptr, const itsma_section *parent);

static int import_group(oc *c, json_object *g, const char *ptr, const itsma_section *parent)
{
	itsma_section_spec spec = ITSMA_SECTION_SPEC_INIT;
	itsma__buf purpose = ITSMA__BUF_INIT;
	const itsma_section *s = NULL;
	const char *id, *title;
	json_object *props, *parts;
	itsma__ext *x = NULL;
	char sid[65], p[ITSMA_ERROR_POINTER_LENGTH], q[ITSMA_ERROR_POINTER_LENGTH];
	size_t i, n;
	int rc;

	if ((rc = get_object(c, g, ptr, "a group")) < 0 ||
	    (rc = check_keys(c, g, ptr, "a group", group_keys)) != 0 ||
	    (rc = itsma__get_string(&c->rd, g, ptr, "id", 0, 0, &id)) < 0 ||
	    (rc = itsma__get_string(&c->rd, g, ptr, "title", 1, 1, &title)) < 0 ||
	    (rc = check_props(c, g, ptr, &props)) < 0 ||
	    (rc = opt_array(c, g, ptr, "parts", &parts)) < 0)
		return rc;
	if (!has_controls(g, 0))
		return warn(c, ptr, "group \"%s\" has no control that is not withdrawn; skipped",
		            title);
	if (++c->depth > c->rd.max_depth)
		return itsma__schema(&c->rd, ptr, NULL, "groups nest deeper than %u",
		                     c->rd.max_depth);
	if ((rc = count_record(c, ptr)) < 0 ||
	    (rc = itsma__idgen_make(&c->ids, id ? id : "", id ? strlen(id) : 0, "group", sid,
	                            &c->e)) < 0)
		goto out;
	itsma__ptr_key(q, ptr, "parts");
	n = parts ? json_object_array_length(parts) : 0;
	for (i = 0; i < n && rc == 0; i++) {
		itsma__ptr_index(p, q, i);
		if ((rc = get_object(c, json_object_array_get_idx(parts, i), p, "a part")) == 0)
			rc = render_part(c, &purpose, json_object_array_get_idx(parts, i), p, 0, 1);
	}
	if (rc != 0)
		goto out;
	if (purpose.oom) {
		rc = itsma__error_nomem(&c->e);
		goto out;
	}
	spec.id = sid;
	spec.clause = prop_value(props, "label");
	spec.title = title;
	spec.purpose = purpose.len ? purpose.data : NULL;
	if ((rc = itsma_catalogue_add_section(&s, c->cat, parent, &spec, &c->e)) < 0) {
		rc = builder_error(c, rc, ptr);
		goto out;
	}
	if ((rc = common_ext(c, &x, g, props)) == 0)
		itsma__section_take_ext(s, &x);
	itsma__ext_free(x);
	if (rc == 0 && (rc = import_controls(c, g, ptr, s)) == 0)
		rc = import_groups(c, g, ptr, s);
out:
	itsma__buf_free(&purpose);
	c->depth--;
	return rc;
}

static int import_groups(oc *c, json_object *obj, const char *ptr, const itsma_section *parent)
{
	char p[ITSMA_ERROR_POINTER_LENGTH], q[ITSMA_ERROR_POINTER_LENGTH];
	json_object *arr;
	size_t i, n;
	int rc;
	if ((rc = opt_array(c, obj, ptr, "groups", &arr)) < 0 || !arr)
		return rc;
	itsma__ptr_key(q, ptr, "groups");
	n = json_object_array_length(arr);
	for (i = 0; i < n; i++) {
		itsma__ptr_index(p, q, i);
		if ((rc = import_group(c, json_object_array_get_idx(arr, i), p, parent)) != 0)
			return rc;
	}
	return 0;
}

/* "1.0.x" to "1.2.x", with or without a leading v, an optional "-suffix". */
static int version_ok(const char *v)
{
	unsigned long minor;
	char *end;
	if (*v == 'v' || *v == 'V')
		v++;
	if (strncmp(v, "1.", 2) != 0)
		return 0;
	v += 2;
	if (*v < '0' || *v > '9')
		return 0;
	minor = strtoul(v, &end, 10);
	if (minor > 2 || *end != '.' || end[1] < '0' || end[1] > '9')
		return 0;
	v = end + 1;
	v += strspn(v, "0123456789");
	return *v == '\0' || *v == '-' || *v == '+';
}

/* A catalogue id from the title (the only name every catalog has), lower case. */
static int derive_id(oc *c, const char *title, char out[65])
{
	char low[65];
	size_t i;
	for (i = 0; title[i] && i < 64; i++)
		low[i] =
		    (char)((title[i] >= 'A' && title[i] <= 'Z') ? title[i] - 'A' + 'a' : title[i]);
	low[i] = '\0';
	return itsma__idgen_make(&c->ids, low, i, "oscal-catalog", out, &c->e);
}

static int import_catalog(oc *c, json_object *root, const itsma_interop_options *opts)
{
	json_object *cat, *md, *v;
	const char *title, *version, *oscal_version, *uuid;
	char cid[65];
	itsma__ext *x = NULL;
	int rc;

	if ((rc = get_object(c, root, "", "an OSCAL document")) < 0 ||
	    (rc = check_keys(c, root, "", "an OSCAL catalog document", root_keys)) != 0)
		return rc;
	if (!(cat = member(root, "catalog")))
		return itsma__schema(
		    &c->rd, "", NULL,
		    "missing required key \"catalog\" (is this an OSCAL catalog in JSON?)");
	if ((rc = get_object(c, cat, "/catalog", "a catalog")) < 0 ||
	    (rc = check_keys(c, cat, "/catalog", "a catalog", catalog_keys)) != 0 ||
	    (rc = itsma__get_string(&c->rd, cat, "/catalog", "uuid", 0, 0, &uuid)) < 0)
		return rc;
	if (!uuid && (rc = warn(c, "/catalog", "missing required key \"uuid\"")) != 0)
		return rc;
	if (!(md = member(cat, "metadata")))
		return itsma__schema(&c->rd, "/catalog", NULL, "missing required key \"metadata\"");
	if ((rc = get_object(c, md, "/catalog/metadata", "metadata")) < 0 ||
	    (rc = check_keys(c, md, "/catalog/metadata", "metadata", metadata_keys)) != 0 ||
	    (rc = itsma__get_string(&c->rd, md, "/catalog/metadata", "title", 1, 1, &title)) < 0 ||
	    (rc = itsma__get_string(&c->rd, md, "/catalog/metadata", "version", 0, 0, &version)) <
	        0 ||
	    (rc = itsma__get_string(&c->rd, md, "/catalog/metadata", "oscal-version", 1, 1,
	                            &oscal_version)) < 0)
		return rc;
	if (!version_ok(oscal_version))
		return itsma__schema(&c->rd, "/catalog/metadata", "oscal-version",
		                     "expected an OSCAL version from 1.0.0 to 1.2.x, found \"%s\"",
		                     oscal_version);
	if ((rc = collect_all_params(c, cat, "/catalog", 0)) < 0)
		return rc;
	if (opts && opts->catalogue_id) {
		if (!itsma_id_is_valid(opts->catalogue_id))
			return itsma__error_set(&c->e, ITSMA_EINVAL,
			                        "catalogue_id \"%s\" is not a valid id",
			                        opts->catalogue_id);
		snprintf(cid, sizeof cid, "%s", opts->catalogue_id);
	} else if ((rc = derive_id(c, title, cid)) < 0)
		return rc;
	if ((rc = itsma_catalogue_new(&c->cat, cid, title, &c->e)) < 0 ||
	    (version && *version &&
	     (rc = itsma_catalogue_set_version(c->cat, version, &c->e)) < 0) ||
	    (rc = itsma_catalogue_set_source(c->cat, "OSCAL catalog", &c->e)) < 0)
		return rc;
	if ((rc = itsma__ext_put_string(&x, "x-oscal-uuid", uuid, &c->e)) == 0 &&
	    (rc = itsma__ext_put_string(&x, "x-oscal-version", oscal_version, &c->e)) == 0 &&
	    ((v = member(md, "last-modified")) == NULL ||
	     !json_object_is_type(v, json_type_string) ||
	     (rc = itsma__ext_put_string(&x, "x-oscal-last-modified", json_object_get_string(v),
	                                 &c->e)) == 0)) {
		c->cat->ext = x;
		x = NULL;
	}
	itsma__ext_free(x);
	if (rc < 0)
		return rc;
	if ((v = member(cat, "controls")) && json_object_is_type(v, json_type_array) &&
	    json_object_array_length(v) > 0) {
		itsma_section_spec spec = ITSMA_SECTION_SPEC_INIT;
		const itsma_section *s = NULL;
		char sid[65];
		if ((rc = itsma__idgen_make(&c->ids, "controls", 8, "controls", sid, &c->e)) < 0)
			return rc;
		spec.id = sid;
		spec.title = title;
		if ((rc = itsma_catalogue_add_section(&s, c->cat, NULL, &spec, &c->e)) < 0 ||
		    (rc = import_controls(c, cat, "/catalog", s)) != 0)
			return rc;
	}
	if ((rc = import_groups(c, cat, "/catalog", NULL)) != 0)
		return rc;
	if (itsma_catalogue_requirement_count(c->cat) == 0)
		return itsma__schema(&c->rd, "/catalog", NULL,
		                     "expected at least one control that is not withdrawn");
	return 0;
}

int itsma_catalogue_from_oscal(itsma_catalogue **out, const char *buf, size_t len,
                               const char *source_name, const itsma_interop_options *opts,
                               itsma_error *err)
{
	oc c;
	json_object *root = NULL;
	size_t i;
	int rc;

	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "out must not be NULL");
	*out = NULL;
	if (!buf && len)
		return itsma__error_set(err, ITSMA_EINVAL, "buf must not be NULL");
	if (opts && itsma__version_check(opts->version, ITSMA_INTEROP_OPTIONS_VERSION,
	                                 "itsma_interop_options", err) < 0)
		return ITSMA_EINVAL;
	memset(&c, 0, sizeof c);
	if ((rc = itsma__reader_init(&c.rd, buf ? buf : "", len, source_name,
	                             opts ? opts->load : NULL, &c.e)) < 0) {
		if (err)
			*err = c.e;
		return rc;
	}
	itsma__idgen_init(&c.ids);
	c.w.cb = opts ? opts->warn : NULL;
	c.w.payload = opts ? opts->payload : NULL;
	c.w.source = c.rd.source;
	rc = itsma__json_parse_document(&c.rd, &root);
	if (rc == 0)
		rc = import_catalog(&c, root, opts);
	if (rc != 0 && rc != ITSMA_ENOMEM && c.e.line == 0 &&
	    (rc == ITSMA_ESCHEMA || c.e.pointer[0])) {
		itsma__error_source(&c.e, c.rd.source);
		itsma__json_locate_error(&c.rd);
	}
	json_object_put(root);
	for (i = 0; i < c.owned_count; i++)
		free(c.owned[i]);
	free(c.owned);
	itsma__strmap_free(&c.params);
	itsma__strmap_free(&c.rendered);
	itsma__idgen_fini(&c.ids);
	itsma__reader_fini(&c.rd);
	if (rc != 0) {
		itsma_catalogue_free(c.cat);
		if (err)
			*err = c.e;
		return rc;
	}
	*out = c.cat;
	return 0;
}
