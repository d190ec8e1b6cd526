/* SPDX-License-Identifier: Apache-2.0 */
/* Catalogue JSON (itsma-catalogue/1): loading with validation, and deterministic saving. */
#include "internal/model.h"
#include "internal/json_in.h"
#include "internal/buf.h"
#include "internal/builtin.h"
#include "internal/error.h"
#include "internal/rating.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CATALOGUE_FORMAT "itsma-catalogue/1"

static const char *const catalogue_keys[] = {
	"format",      "id",     "title",      "version",          "revision",          "publisher",
	"description", "source", "exclusions", "guidance_sources", "generic_practices", "sections",
	"retired",     NULL
};
static const char *const section_keys[] = { "id",       "clause", "title",    "kind",
	                                    "purpose",  "weight", "guidance", "requirements",
	                                    "sections", NULL };
static const char *const requirement_keys[] = { "id",         "clause", "item",   "text",
	                                        "obligation", "basis",  "weight", "evidence_hint",
	                                        "verify",     "tags",   NULL };
static const char *const gp_keys[] = { "attribute", "id", "text", NULL };
static const char *const retired_keys[] = { "id", "revision", "reason", NULL };

/* An optional integer member >= 1 (a revision); *out is 0 when absent. */
static int get_revision(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                        int *out)
{
	json_object *v = NULL;
	int64_t n;
	*out = 0;
	if (!json_object_object_get_ex(obj, key, &v))
		return 0;
	if (!v || !json_object_is_type(v, json_type_int))
		return itsma__schema(rd, ptr, key,
		                     "expected a revision (an integer >= 1), found %s",
		                     v ? itsma__json_type_name(v) : "null");
	n = json_object_get_int64(v);
	if (n < 1 || n > INT_MAX)
		return itsma__schema(rd, ptr, key, "expected a revision: an integer from 1 to %d",
		                     INT_MAX);
	*out = (int)n;
	return 0;
}

/* Turn a builder error into a schema error at ptr[/key], keeping its message. */
static int rebuild_error(itsma__reader *rd, int rc, const char *ptr, const char *key)
{
	if (rc == ITSMA_ENOMEM || rc == ITSMA_ELIMIT) {
		if (rc == ITSMA_ELIMIT) {
			itsma__error_source(rd->err, rd->source);
			itsma__error_pointer(rd->err, "%s", ptr);
		}
		return rc;
	}
	{
		char msg[ITSMA_ERROR_MESSAGE_LENGTH];
		snprintf(msg, sizeof msg, "%s", rd->err ? rd->err->message : "invalid");
		return itsma__schema(rd, ptr, key, "%s", msg);
	}
}

static int load_requirement(itsma__reader *rd, itsma_catalogue *c, itsma_section *s, json_object *o,
                            const char *ptr)
{
	itsma_requirement_spec spec = ITSMA_REQUIREMENT_SPEC_INIT;
	const char *obl = NULL, *basis = NULL;
	const char **hints = NULL, **tags = NULL;
	itsma__ext *ext = NULL;
	const itsma_requirement *r = NULL;
	itsma_error word_err;
	int rc, has_weight = 0;

	if ((rc = itsma__expect_object(rd, o, ptr, "a requirement")) < 0 ||
	    (rc = itsma__check_keys(rd, o, ptr, "a requirement", requirement_keys, &ext)) < 0 ||
	    (rc = itsma__get_id(rd, o, ptr, "id", 1, &spec.id)) < 0 ||
	    (rc = itsma__get_string(rd, o, ptr, "clause", 0, 1, &spec.clause)) < 0 ||
	    (rc = itsma__get_string(rd, o, ptr, "item", 0, 1, &spec.item)) < 0 ||
	    (rc = itsma__get_string(rd, o, ptr, "text", 1, 1, &spec.text)) < 0 ||
	    (rc = itsma__get_string(rd, o, ptr, "obligation", 0, 0, &obl)) < 0 ||
	    (rc = itsma__get_string(rd, o, ptr, "basis", 0, 0, &basis)) < 0 ||
	    (rc = itsma__get_string(rd, o, ptr, "verify", 0, 1, &spec.verify)) < 0 ||
	    (rc = itsma__get_weight(rd, o, ptr, "weight", &spec.weight, &has_weight)) < 0 ||
	    (rc = itsma__get_string_list(rd, o, ptr, "evidence_hint", &hints,
	                                 &spec.evidence_hint_count)) < 0 ||
	    (rc = itsma__get_string_list(rd, o, ptr, "tags", &tags, &spec.tag_count)) < 0)
		goto out;
	if (obl && itsma_obligation_parse(&spec.obligation, obl, &word_err) < 0) {
		rc = itsma__schema(rd, ptr, "obligation", "%s", word_err.message);
		goto out;
	}
	if (basis && itsma_basis_parse(&spec.basis, basis, &word_err) < 0) {
		rc = itsma__schema(rd, ptr, "basis", "%s", word_err.message);
		goto out;
	}
	if (spec.basis == ITSMA_BASIS_GOOD_PRACTICE && spec.obligation == ITSMA_OBLIGATION_SHALL) {
		rc = itsma__schema(
		    rd, ptr, "basis",
		    "requirement \"%s\" has basis \"good-practice\" but obligation \"shall\": "
		    "a good practice is a \"should\" (only the standard's own obligations are "
		    "\"shall\")",
		    spec.id);
		goto out;
	}
	if (c->requirement_count >= rd->max_records) {
		itsma__schema(rd, ptr, NULL, "more requirements than the limit of %zu",
		              rd->max_records);
		if (rd->err)
			rd->err->code = ITSMA_ELIMIT;
		rc = ITSMA_ELIMIT;
		goto out;
	}
	spec.evidence_hints = hints;
	spec.tags = tags;
	rc = itsma_catalogue_add_requirement(&r, c, s, &spec, rd->err);
	if (rc < 0) {
		rc = rebuild_error(rd, rc, ptr, rc == ITSMA_EEXISTS ? "id" : NULL);
		goto out;
	}
	((itsma_requirement *)r)->has_weight = has_weight;
	((itsma_requirement *)r)->has_obligation = obl != NULL;
	((itsma_requirement *)r)->ext = ext;
	ext = NULL;
out:
	free(hints);
	free(tags);
	itsma__ext_free(ext);
	return rc;
}

static int load_section(itsma__reader *rd, itsma_catalogue *c, const itsma_section *parent,
                        json_object *o, const char *ptr)
{
	itsma_section_spec spec = ITSMA_SECTION_SPEC_INIT;
	const char *kind = NULL;
	json_object *guidance = NULL, *reqs = NULL, *subs = NULL;
	itsma__ext *ext = NULL;
	const itsma_section *s = NULL;
	itsma_error word_err;
	int rc, has_weight = 0;
	size_t i, n;
	char p[ITSMA_ERROR_POINTER_LENGTH], q[ITSMA_ERROR_POINTER_LENGTH];

	if ((rc = itsma__expect_object(rd, o, ptr, "a section")) < 0 ||
	    (rc = itsma__check_keys(rd, o, ptr, "a section", section_keys, &ext)) < 0 ||
	    (rc = itsma__get_id(rd, o, ptr, "id", 1, &spec.id)) < 0 ||
	    (rc = itsma__get_string(rd, o, ptr, "clause", 0, 1, &spec.clause)) < 0 ||
	    (rc = itsma__get_string(rd, o, ptr, "title", 1, 1, &spec.title)) < 0 ||
	    (rc = itsma__get_string(rd, o, ptr, "kind", 0, 0, &kind)) < 0 ||
	    (rc = itsma__get_string(rd, o, ptr, "purpose", 0, 1, &spec.purpose)) < 0 ||
	    (rc = itsma__get_weight(rd, o, ptr, "weight", &spec.weight, &has_weight)) < 0 ||
	    (rc = itsma__get_object(rd, o, ptr, "guidance", 0, &guidance)) < 0 ||
	    (rc = itsma__get_array(rd, o, ptr, "requirements", 0, &reqs)) < 0 ||
	    (rc = itsma__get_array(rd, o, ptr, "sections", 0, &subs)) < 0)
		goto out;
	if (kind && itsma_section_kind_parse(&spec.kind, kind, &word_err) < 0) {
		rc = itsma__schema(rd, ptr, "kind", "%s", word_err.message);
		goto out;
	}
	if ((!reqs || !json_object_array_length(reqs)) &&
	    (!subs || !json_object_array_length(subs))) {
		rc = itsma__schema(rd, ptr, NULL,
		                   "section \"%s\" holds nothing: expected non-empty \"sections\" "
		                   "and/or \"requirements\"",
		                   spec.id);
		goto out;
	}
	if (c->section_count >= rd->max_records) {
		itsma__schema(rd, ptr, NULL, "more sections than the limit of %zu",
		              rd->max_records);
		if (rd->err)
			rd->err->code = ITSMA_ELIMIT;
		rc = ITSMA_ELIMIT;
		goto out;
	}
	rc = itsma_catalogue_add_section(&s, c, parent, &spec, rd->err);
	if (rc < 0) {
		rc = rebuild_error(rd, rc, ptr,
		                   rc == ITSMA_EEXISTS          ? "id"
		                   : rc == ITSMA_EINVAL && kind ? "kind"
		                                                : NULL);
		goto out;
	}
	((itsma_section *)s)->has_weight = has_weight;
	((itsma_section *)s)->ext = ext;
	ext = NULL;
	if (guidance) {
		json_object_iter it;
		itsma__ptr_key(p, ptr, "guidance");
		json_object_object_foreachC(guidance, it)
		{
			const char **vals = NULL;
			size_t nv = 0, k;
			json_object *wrap = json_object_new_object();
			if (!wrap) {
				rc = itsma__error_nomem(rd->err);
				goto out;
			}
			/* reuse the list reader: it wants an object member */
			if (json_object_object_add(wrap, it.key, json_object_get(it.val)) < 0) {
				json_object_put(it.val); /* json-c keeps no reference on failure */
				json_object_put(wrap);
				rc = itsma__error_nomem(rd->err);
				goto out;
			}
			rc = it.val ? itsma__get_string_list(rd, wrap, p, it.key, &vals, &nv)
			            : itsma__schema(rd, p, it.key,
			                            "expected an array of names, found null");
			json_object_put(wrap);
			if (rc < 0) {
				free(vals);
				goto out;
			}
			for (k = 0; k < nv; k++) {
				rc = itsma_catalogue_add_guidance(c, s, it.key, vals[k], rd->err);
				if (rc < 0) {
					free(vals);
					if (rc != ITSMA_ENOMEM) {
						itsma__ptr_key(q, p, it.key);
						rc = rebuild_error(rd, rc, q, NULL);
					}
					goto out;
				}
			}
			free(vals);
		}
	}
	n = reqs ? json_object_array_length(reqs) : 0;
	itsma__ptr_key(p, ptr, "requirements");
	for (i = 0; i < n; i++) {
		itsma__ptr_index(q, p, i);
		rc = load_requirement(rd, c, (itsma_section *)s, json_object_array_get_idx(reqs, i),
		                      q);
		if ((rc = itsma__reader_problem(rd, rc)) < 0)
			goto out;
	}
	n = subs ? json_object_array_length(subs) : 0;
	itsma__ptr_key(p, ptr, "sections");
	for (i = 0; i < n; i++) {
		itsma__ptr_index(q, p, i);
		rc = load_section(rd, c, s, json_object_array_get_idx(subs, i), q);
		if ((rc = itsma__reader_problem(rd, rc)) < 0)
			goto out;
	}
	rc = 0;
out:
	itsma__ext_free(ext);
	return rc;
}

/* The retired ids, read before the sections so that a section or requirement that uses one
 * is reported where it stands. */
static int load_retired(itsma__reader *rd, itsma_catalogue *c, json_object *root)
{
	json_object *list = NULL;
	size_t i, n;
	int rc;
	char p[ITSMA_ERROR_POINTER_LENGTH];

	if ((rc = itsma__get_array(rd, root, "", "retired", 0, &list)) < 0 || !list)
		return rc;
	n = json_object_array_length(list);
	for (i = 0; i < n; i++) {
		json_object *o = json_object_array_get_idx(list, i);
		const char *id = NULL, *reason = NULL;
		int revision = 0;
		itsma__ext *ext = NULL;
		itsma__ptr_index(p, "/retired", i);
		if ((rc = itsma__expect_object(rd, o, p, "a retired id")) < 0 ||
		    (rc = itsma__check_keys(rd, o, p, "a retired id", retired_keys, &ext)) < 0 ||
		    (rc = itsma__get_id(rd, o, p, "id", 1, &id)) < 0 ||
		    (rc = get_revision(rd, o, p, "revision", &revision)) < 0 ||
		    (rc = itsma__get_string(rd, o, p, "reason", 1, 1, &reason)) < 0) {
			itsma__ext_free(ext);
			if ((rc = itsma__reader_problem(rd, rc)) < 0)
				return rc;
			continue;
		}
		if (!revision) {
			itsma__ext_free(ext);
			rc = itsma__schema(rd, p, NULL,
			                   "missing required key \"revision\": the catalogue "
			                   "revision that retired \"%s\"",
			                   id);
		} else if (c->retired_count >= rd->max_records) {
			itsma__ext_free(ext);
			itsma__schema(rd, p, NULL, "more retired ids than the limit of %zu",
			              rd->max_records);
			if (rd->err)
				rd->err->code = ITSMA_ELIMIT;
			return ITSMA_ELIMIT;
		} else if ((rc = itsma_catalogue_add_retired(c, id, revision, reason, rd->err)) <
		           0) {
			itsma__ext_free(ext);
			rc = rebuild_error(rd, rc, p,
			                   rc == ITSMA_EEXISTS      ? "id"
			                   : revision > c->revision ? "revision"
			                                            : NULL);
		} else {
			c->retired[c->retired_count - 1]->ext = ext;
		}
		if ((rc = itsma__reader_problem(rd, rc)) < 0)
			return rc;
	}
	return 0;
}

static int load_tree(itsma__reader *rd, json_object *root, itsma_catalogue **out)
{
	const char *format, *id, *title, *s;
	json_object *gs = NULL, *gps = NULL, *sections = NULL;
	itsma_catalogue *c = NULL;
	itsma__ext *ext = NULL;
	int rc;
	itsma_error word_err;
	size_t i, n;
	char p[ITSMA_ERROR_POINTER_LENGTH];

	if ((rc = itsma__expect_object(rd, root, "", "a catalogue")) < 0 ||
	    (rc = itsma__get_string(rd, root, "", "format", 1, 0, &format)) < 0)
		return rc;
	if (strcmp(format, CATALOGUE_FORMAT) != 0)
		return itsma__schema(rd, "", "format",
		                     "expected format \"" CATALOGUE_FORMAT "\", not \"%.60s\"",
		                     format);
	if ((rc = itsma__reader_problem(
	         rd, itsma__check_keys(rd, root, "", "a catalogue", catalogue_keys, &ext))) < 0 ||
	    (rc = itsma__get_id(rd, root, "", "id", 1, &id)) < 0 ||
	    (rc = itsma__get_string(rd, root, "", "title", 1, 1, &title)) < 0 ||
	    (rc = itsma__get_object(rd, root, "", "guidance_sources", 0, &gs)) < 0 ||
	    (rc = itsma__get_array(rd, root, "", "generic_practices", 0, &gps)) < 0 ||
	    (rc = itsma__get_array(rd, root, "", "sections", 1, &sections)) < 0)
		goto fail;
	if (!json_object_array_length(sections)) {
		rc = itsma__schema(rd, "", "sections", "expected at least one section");
		goto fail;
	}
	if ((rc = itsma_catalogue_new(&c, id, title, rd->err)) < 0) {
		rc = rebuild_error(rd, rc, "", NULL);
		goto fail;
	}
	c->ext = ext;
	ext = NULL;
	{
		static const char *const fields[] = { "version", "publisher", "description",
			                              "source" };
		int (*const setters[])(itsma_catalogue *, const char *, itsma_error *) = {
			itsma_catalogue_set_version, itsma_catalogue_set_publisher,
			itsma_catalogue_set_description, itsma_catalogue_set_source
		};
		for (i = 0; i < 4; i++) {
			if ((rc = itsma__get_string(rd, root, "", fields[i], 0, 1, &s)) < 0)
				goto fail;
			if (s && (rc = setters[i](c, s, rd->err)) < 0)
				goto fail;
		}
	}
	if ((rc = get_revision(rd, root, "", "revision", &c->revision)) < 0 ||
	    (rc = load_retired(rd, c, root)) < 0)
		goto fail;
	if ((rc = itsma__get_string(rd, root, "", "exclusions", 0, 0, &s)) < 0)
		goto fail;
	if (s) {
		if (itsma_exclusions_parse(&c->exclusions, s, &word_err) < 0) {
			rc = itsma__schema(rd, "", "exclusions", "%s", word_err.message);
			goto fail;
		}
		c->has_exclusions = 1;
	}
	if (gs) {
		json_object_iter it;
		json_object_object_foreachC(gs, it)
		{
			itsma__ptr_key(p, "/guidance_sources", it.key);
			if (!it.val || !json_object_is_type(it.val, json_type_string)) {
				rc = itsma__schema(
				    rd, p, NULL,
				    "expected the name of the framework (a string), found %s",
				    it.val ? itsma__json_type_name(it.val) : "null");
				goto fail;
			}
			rc = itsma_catalogue_put_guidance_source(
			    c, it.key, json_object_get_string(it.val), rd->err);
			if (rc < 0) {
				rc = rebuild_error(rd, rc, p, NULL);
				goto fail;
			}
		}
	}
	n = gps ? json_object_array_length(gps) : 0;
	for (i = 0; i < n; i++) {
		json_object *g = json_object_array_get_idx(gps, i);
		const char *attr, *gid, *text;
		itsma_attribute pa;
		itsma__ext *gext = NULL;
		itsma__ptr_index(p, "/generic_practices", i);
		if ((rc = itsma__expect_object(rd, g, p, "a generic practice")) < 0 ||
		    (rc = itsma__check_keys(rd, g, p, "a generic practice", gp_keys, &gext)) < 0 ||
		    (rc = itsma__get_string(rd, g, p, "attribute", 1, 0, &attr)) < 0 ||
		    (rc = itsma__get_id(rd, g, p, "id", 1, &gid)) < 0 ||
		    (rc = itsma__get_string(rd, g, p, "text", 1, 1, &text)) < 0) {
			itsma__ext_free(gext);
			if ((rc = itsma__reader_problem(rd, rc)) < 0)
				goto fail;
			continue;
		}
		rc = itsma__attribute_parse_rated(&pa, attr, rd->err);
		if (rc == 0)
			rc = itsma_catalogue_add_generic_practice(c, pa, gid, text, rd->err);
		if (rc < 0) {
			itsma__ext_free(gext);
			rc = rebuild_error(rd, rc, p, rc == ITSMA_EEXISTS ? "id" : "attribute");
			if ((rc = itsma__reader_problem(rd, rc)) < 0)
				goto fail;
			continue;
		}
		c->gps[c->gp_count - 1].ext = gext;
	}
	n = json_object_array_length(sections);
	for (i = 0; i < n; i++) {
		itsma__ptr_index(p, "/sections", i);
		rc = load_section(rd, c, NULL, json_object_array_get_idx(sections, i), p);
		if ((rc = itsma__reader_problem(rd, rc)) < 0)
			goto fail;
	}
	*out = c;
	return 0;
fail:
	itsma__ext_free(ext);
	itsma_catalogue_free(c);
	return rc;
}

static int walk_catalogue(itsma__reader *rd, json_object *root, void *ctx, void **obj)
{
	itsma_catalogue *c = NULL;
	int rc = load_tree(rd, root, &c);
	(void)ctx;
	if ((rc = itsma__reader_walked(rd, rc, c ? &c->origin : NULL)) != 0) {
		itsma_catalogue_free(c);
		c = NULL;
	}
	*obj = c;
	return rc;
}

static int read_catalogue(itsma__reader *rd, void *ctx, void **obj)
{
	return itsma__reader_load(rd, walk_catalogue, ctx, obj);
}

int itsma__catalogue_load_reader(itsma__reader *rd, itsma_catalogue **out)
{
	void *c = NULL;
	int rc = itsma__reader_load(rd, walk_catalogue, NULL, &c);
	*out = c;
	return rc;
}

int itsma_catalogue_load_buffer(itsma_catalogue **out, const char *buf, size_t len,
                                const char *source_name, const itsma_load_options *opts,
                                itsma_error *err)
{
	void *c = NULL;
	int rc;
	itsma__error_reset(err);
	rc = itsma__load_buffer(read_catalogue, NULL, out ? &c : NULL, buf, len, source_name, opts,
	                        err);
	if (out)
		*out = c;
	return rc;
}

int itsma_catalogue_load_file(itsma_catalogue **out, const char *path,
                              const itsma_load_options *opts, itsma_error *err)
{
	char *buf;
	size_t len;
	int rc;
	itsma__reader rd;

	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "out must not be NULL");
	*out = NULL;
	if ((rc = itsma__reader_init(&rd, "", 0, path, opts, err)) < 0)
		return rc;
	if ((rc = itsma__read_file(path, rd.max_bytes, &buf, &len, err)) < 0) {
		if (rc == ITSMA_ENOMEM)
			itsma__error_source(err, path);
		return rc;
	}
	rc = itsma_catalogue_load_buffer(out, buf, len, path, opts, err);
	free(buf);
	return rc;
}

/* ---- built-in catalogues ------------------------------------------------------------------- */

size_t itsma_catalogue_builtin_count(void) { return itsma__builtin_blob_count; }

const char *itsma_catalogue_builtin_id(size_t index)
{
	return index < itsma__builtin_blob_count ? itsma__builtin_blobs[index].id : NULL;
}

const char *itsma_catalogue_builtin_title(size_t index)
{
	return index < itsma__builtin_blob_count ? itsma__builtin_blobs[index].title : NULL;
}

const char *itsma_catalogue_builtin_json(size_t *len_out, size_t index)
{
	if (index >= itsma__builtin_blob_count)
		return NULL;
	if (len_out)
		*len_out = itsma__builtin_blobs[index].len;
	return itsma__builtin_blobs[index].json;
}

const char *itsma_catalogue_builtin_clauses(size_t *len_out, size_t index)
{
	if (index >= itsma__builtin_blob_count || !itsma__builtin_blobs[index].clauses)
		return NULL;
	if (len_out)
		*len_out = itsma__builtin_blobs[index].clauses_len;
	return itsma__builtin_blobs[index].clauses;
}

int itsma_catalogue_builtin(itsma_catalogue **out, const char *id, itsma_error *err)
{
	size_t i;
	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "out must not be NULL");
	*out = NULL;
	for (i = 0; id && i < itsma__builtin_blob_count; i++) {
		if (strcmp(itsma__builtin_blobs[i].id, id) == 0) {
			char name[96];
			snprintf(name, sizeof name, "<builtin:%s>", id);
			return itsma_catalogue_load_buffer(out, itsma__builtin_blobs[i].json,
			                                   itsma__builtin_blobs[i].len, name, NULL,
			                                   err);
		}
	}
	return itsma__error_set(err, ITSMA_ENOTFOUND, "no built-in catalogue \"%.64s\"",
	                        id ? id : "");
}

/* ---- saving --------------------------------------------------------------------------------- */

static void write_list(itsma__jw *w, const char *key, const char *const *v, size_t n)
{
	size_t i;
	if (!n)
		return;
	itsma__jw_begin_array(w, key);
	for (i = 0; i < n; i++)
		itsma__jw_string(w, NULL, v[i]);
	itsma__jw_end_array(w);
}

static void write_requirement(itsma__jw *w, const itsma_requirement *r)
{
	itsma__jw_begin_object(w, NULL);
	itsma__jw_string(w, "id", r->id);
	if (r->clause)
		itsma__jw_string(w, "clause", r->clause);
	if (r->item)
		itsma__jw_string(w, "item", r->item);
	itsma__jw_string(w, "text", r->text);
	if (r->has_obligation || r->obligation != ITSMA_OBLIGATION_SHALL)
		itsma__jw_string(w, "obligation", itsma_obligation_name(r->obligation));
	if (r->basis != ITSMA_BASIS_UNSPECIFIED)
		itsma__jw_string(w, "basis", itsma_basis_name(r->basis));
	if (r->has_weight || r->weight != 1.0)
		itsma__jw_number(w, "weight", r->weight);
	write_list(w, "evidence_hint", r->hints, r->hint_count);
	if (r->verify)
		itsma__jw_string(w, "verify", r->verify);
	write_list(w, "tags", r->tags, r->tag_count);
	itsma__write_ext(w, r->ext);
	itsma__jw_end_object(w);
}

static void write_section(itsma__jw *w, const itsma_section *s)
{
	size_t i;
	itsma__jw_begin_object(w, NULL);
	itsma__jw_string(w, "id", s->id);
	if (s->clause)
		itsma__jw_string(w, "clause", s->clause);
	itsma__jw_string(w, "title", s->title);
	if (s->kind == ITSMA_SECTION_KIND_PROCESS)
		itsma__jw_string(w, "kind", itsma_section_kind_name(s->kind));
	if (s->purpose)
		itsma__jw_string(w, "purpose", s->purpose);
	if (s->has_weight || s->weight != 1.0)
		itsma__jw_number(w, "weight", s->weight);
	if (s->guidance_count) {
		size_t g, k;
		itsma__jw_begin_object(w, "guidance");
		/* in the order of guidance_sources */
		for (k = 0; k < s->cat->gs_count; k++)
			for (g = 0; g < s->guidance_count; g++)
				if (s->guidance[g].source == k)
					write_list(w, s->cat->gs_keys[k], s->guidance[g].values,
					           s->guidance[g].count);
		itsma__jw_end_object(w);
	}
	if (s->req_count) {
		itsma__jw_begin_array(w, "requirements");
		for (i = 0; i < s->req_count; i++)
			write_requirement(w, s->reqs[i]);
		itsma__jw_end_array(w);
	}
	if (s->child_count) {
		itsma__jw_begin_array(w, "sections");
		for (i = 0; i < s->child_count; i++)
			write_section(w, s->children[i]);
		itsma__jw_end_array(w);
	}
	itsma__write_ext(w, s->ext);
	itsma__jw_end_object(w);
}

int itsma_catalogue_to_json(char **out, const itsma_catalogue *c, itsma_error *err)
{
	itsma__buf b = ITSMA__BUF_INIT;
	itsma__jw w;
	size_t i;

	itsma__error_reset(err);
	if (itsma__write_begin(&w, &b, out, c, "catalogue", CATALOGUE_FORMAT, c ? c->id : NULL,
	                       err) < 0)
		return ITSMA_EINVAL;
	itsma__jw_string(&w, "title", c->title);
	if (c->version)
		itsma__jw_string(&w, "version", c->version);
	if (c->revision)
		itsma__jw_int(&w, "revision", c->revision);
	if (c->publisher)
		itsma__jw_string(&w, "publisher", c->publisher);
	if (c->description)
		itsma__jw_string(&w, "description", c->description);
	if (c->source)
		itsma__jw_string(&w, "source", c->source);
	if (c->has_exclusions || c->exclusions != ITSMA_EXCLUSIONS_ALLOWED)
		itsma__jw_string(&w, "exclusions", itsma_exclusions_name(c->exclusions));
	if (c->gs_count) {
		itsma__jw_begin_object(&w, "guidance_sources");
		for (i = 0; i < c->gs_count; i++)
			itsma__jw_string(&w, c->gs_keys[i], c->gs_names[i]);
		itsma__jw_end_object(&w);
	}
	if (c->gp_count) {
		itsma__jw_begin_array(&w, "generic_practices");
		for (i = 0; i < c->gp_count; i++) {
			itsma__jw_begin_object(&w, NULL);
			itsma__jw_string(&w, "attribute",
			                 itsma_attribute_name(c->gps[i].attribute));
			itsma__jw_string(&w, "id", c->gps[i].id);
			itsma__jw_string(&w, "text", c->gps[i].text);
			itsma__write_ext(&w, c->gps[i].ext);
			itsma__jw_end_object(&w);
		}
		itsma__jw_end_array(&w);
	}
	itsma__jw_begin_array(&w, "sections");
	for (i = 0; i < c->top_count; i++)
		write_section(&w, c->tops[i]);
	itsma__jw_end_array(&w);
	if (c->retired_count) {
		itsma__jw_begin_array(&w, "retired");
		for (i = 0; i < c->retired_count; i++) {
			const itsma_retired *r = c->retired[i];
			itsma__jw_begin_object(&w, NULL);
			itsma__jw_string(&w, "id", r->id);
			itsma__jw_int(&w, "revision", r->revision);
			itsma__jw_string(&w, "reason", r->reason);
			itsma__write_ext(&w, r->ext);
			itsma__jw_end_object(&w);
		}
		itsma__jw_end_array(&w);
	}
	return itsma__write_ext_end(&w, &b, c->ext, out, err);
}

int itsma_catalogue_save_file(const itsma_catalogue *c, const char *path, itsma_error *err)
{
	char *text = NULL;
	int rc;
	itsma__error_reset(err);
	rc = itsma_catalogue_to_json(&text, c, err);
	return itsma__save_text(path, rc, text, err);
}
