/* SPDX-License-Identifier: Apache-2.0 */
/* Mapping JSON (itsma-mapping/1): loading with validation, built-in mappings, deterministic saving.
 */
#include "internal/mapping.h"
#include "internal/json_in.h"
#include "internal/buf.h"
#include "internal/builtin_mapping.h"
#include "internal/error.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int itsma_mapping_catalogues_init(itsma_mapping_catalogues *spec, unsigned int version)
{
	static const itsma_mapping_catalogues defaults = ITSMA_MAPPING_CATALOGUES_INIT;
	if (!spec ||
	    itsma__version_check(version, ITSMA_MAPPING_CATALOGUES_VERSION, NULL, NULL) < 0)
		return ITSMA_EINVAL;
	*spec = defaults;
	return 0;
}

#define MAPPING_FORMAT "itsma-mapping/1"

static const char *const top_keys[] = { "format", "id",         "title", "source",
	                                "target", "provenance", "maps",  NULL };
static const char *const side_keys[] = { "catalogue", "revision", NULL };
static const char *const provenance_keys[] = { "method", "rationale", "status", "description",
	                                       NULL };
static const char *const map_keys[] = { "relationship", "sources", "targets",
	                                "confidence",   "note",    NULL };

/* A word of a closed vocabulary: its index, or a schema error listing the words. */
static int get_word(itsma__reader *rd, json_object *o, const char *ptr, const char *key,
                    int required, const char *const *words, size_t n, int *out, int *present)
{
	const char *s = NULL;
	size_t i;
	int rc;
	char list[160] = "";

	if (present)
		*present = 0;
	if ((rc = itsma__get_string(rd, o, ptr, key, required, 0, &s)) < 0 || !s)
		return rc;
	for (i = 0; i < n; i++)
		if (strcmp(s, words[i]) == 0) {
			*out = (int)i;
			if (present)
				*present = 1;
			return 0;
		}
	for (i = 0; i < n; i++) {
		size_t used = strlen(list);
		snprintf(list + used, sizeof list - used, "%s\"%s\"",
		         i ? (i + 1 == n ? " or " : ", ") : "", words[i]);
	}
	return itsma__schema(rd, ptr, key, "expected %s, not \"%.40s\"", list, s);
}

static int get_revision(itsma__reader *rd, json_object *o, const char *ptr, int *out)
{
	json_object *v;
	int64_t n;
	if (!json_object_object_get_ex(o, "revision", &v))
		return itsma__schema(rd, ptr, NULL, "missing required member \"revision\"");
	if (!v || !json_object_is_type(v, json_type_int))
		return itsma__schema(rd, ptr, "revision",
		                     "expected the catalogue revision (an integer >= 1), found %s",
		                     v ? itsma__json_type_name(v) : "null");
	n = json_object_get_int64(v);
	if (n < 1 || n > INT_MAX)
		return itsma__schema(rd, ptr, "revision", "expected a revision >= 1, found %lld",
		                     (long long)n);
	*out = (int)n;
	return 0;
}

static int load_side(itsma__reader *rd, json_object *root, const char *key, const char **id,
                     int *revision, itsma__ext **ext)
{
	json_object *o = NULL;
	char ptr[ITSMA_ERROR_POINTER_LENGTH];
	int rc;
	itsma__ptr_key(ptr, "", key);
	if ((rc = itsma__get_object(rd, root, "", key, 1, &o)) < 0 ||
	    (rc = itsma__check_keys(rd, o, ptr, "a catalogue reference", side_keys, ext)) < 0 ||
	    (rc = itsma__get_id(rd, o, ptr, "catalogue", 1, id)) < 0 ||
	    (rc = get_revision(rd, o, ptr, revision)) < 0)
		return rc;
	return 0;
}

static int load_map(itsma__reader *rd, itsma_mapping *m, json_object *o, const char *ptr,
                    size_t index)
{
	itsma_map_spec spec = ITSMA_MAP_SPEC_INIT;
	const char **sources = NULL, **targets = NULL;
	itsma__ext *ext = NULL;
	const itsma_map *map = NULL;
	int rel = 0, conf = 0, has_conf = 0, rc;
	static const char *const confidences[] = { "high", "medium", "low" };
	static const char *const relationships[] = { "equal-to",        "equivalent-to",
		                                     "subset-of",       "superset-of",
		                                     "intersects-with", "no-relationship" };

	if ((rc = itsma__expect_object(rd, o, ptr, "a map")) < 0 ||
	    (rc = itsma__check_keys(rd, o, ptr, "a map", map_keys, &ext)) < 0 ||
	    (rc = get_word(rd, o, ptr, "relationship", 1, relationships, 6, &rel, NULL)) < 0 ||
	    (rc = itsma__get_id_list(rd, o, ptr, "sources", &sources, &spec.source_count)) < 0 ||
	    (rc = itsma__get_id_list(rd, o, ptr, "targets", &targets, &spec.target_count)) < 0 ||
	    (rc = get_word(rd, o, ptr, "confidence", 0, confidences, 3, &conf, &has_conf)) < 0 ||
	    (rc = itsma__get_string(rd, o, ptr, "note", 0, 1, &spec.note)) < 0)
		goto out;
	spec.relationship = (itsma_relationship)rel;
	spec.confidence = has_conf ? (itsma_confidence)(conf + 1) : ITSMA_CONFIDENCE_NONE;
	if (!spec.source_count) {
		rc = itsma__schema(rd, ptr, "sources", "expected at least one source id");
		goto out;
	}
	if (!spec.target_count && spec.relationship != ITSMA_RELATIONSHIP_NO_RELATIONSHIP) {
		rc = itsma__schema(
		    rd, ptr,
		    spec.target_count || json_object_object_get_ex(o, "targets", NULL) ? "targets"
		                                                                       : NULL,
		    "a %s map needs at least one target id (only no-relationship may have none)",
		    itsma_relationship_name(spec.relationship));
		goto out;
	}
	if (m->map_count >= rd->max_records) {
		itsma__schema(rd, ptr, NULL, "more maps than the limit of %zu", rd->max_records);
		if (rd->err)
			rd->err->code = ITSMA_ELIMIT;
		rc = ITSMA_ELIMIT;
		goto out;
	}
	spec.sources = sources;
	spec.targets = targets;
	rc = itsma_mapping_add_map(&map, m, &spec, rd->err);
	if (rc == ITSMA_ENOMEM || rc == ITSMA_ELIMIT)
		goto out;
	if (rc < 0) {
		char msg[ITSMA_ERROR_MESSAGE_LENGTH];
		snprintf(msg, sizeof msg, "%s", rd->err ? rd->err->message : "invalid map");
		rc = itsma__schema(rd, ptr, NULL, "%s", msg);
		goto out;
	}
	((itsma_map *)map)->index = index; /* its place in the document, for later messages */
	((itsma_map *)map)->ext = ext;
	ext = NULL;
out:
	free((void *)sources);
	free((void *)targets);
	itsma__ext_free(ext);
	return rc;
}

static int load_tree(itsma__reader *rd, json_object *root, itsma_mapping **out)
{
	const char *format = NULL, *id = NULL, *title = NULL, *src = NULL, *tgt = NULL,
	           *desc = NULL;
	int src_rev = 1, tgt_rev = 1, method = 0, rationale = 0, status = 0, rc;
	json_object *prov = NULL, *maps = NULL;
	itsma__ext *ext = NULL, *src_ext = NULL, *tgt_ext = NULL, *prov_ext = NULL;
	itsma_mapping *m = NULL;
	size_t i, n;
	char p[ITSMA_ERROR_POINTER_LENGTH];

	*out = NULL;
	if ((rc = itsma__expect_object(rd, root, "", "a mapping document")) < 0 ||
	    (rc = itsma__get_string(rd, root, "", "format", 1, 0, &format)) < 0)
		goto fail;
	if (strcmp(format, MAPPING_FORMAT) != 0) {
		rc = itsma__schema(rd, "", "format", "expected \"format\": \"%s\", not \"%.40s\"",
		                   MAPPING_FORMAT, format);
		goto fail;
	}
	if ((rc = itsma__check_keys(rd, root, "", "a mapping document", top_keys, &ext)) < 0 ||
	    (rc = itsma__get_id(rd, root, "", "id", 1, &id)) < 0 ||
	    (rc = itsma__get_string(rd, root, "", "title", 0, 1, &title)) < 0 ||
	    (rc = load_side(rd, root, "source", &src, &src_rev, &src_ext)) < 0 ||
	    (rc = load_side(rd, root, "target", &tgt, &tgt_rev, &tgt_ext)) < 0 ||
	    (rc = itsma__get_object(rd, root, "", "provenance", 1, &prov)) < 0 ||
	    (rc = itsma__check_keys(rd, prov, "/provenance", "the provenance", provenance_keys,
	                            &prov_ext)) < 0 ||
	    (rc = get_word(rd, prov, "/provenance", "method", 1,
	                   (const char *const[]){ "human", "automation", "hybrid" }, 3, &method,
	                   NULL)) < 0 ||
	    (rc = get_word(rd, prov, "/provenance", "rationale", 1,
	                   (const char *const[]){ "syntactic", "semantic", "functional" }, 3,
	                   &rationale, NULL)) < 0 ||
	    (rc = get_word(rd, prov, "/provenance", "status", 1,
	                   (const char *const[]){ "draft", "complete", "deprecated" }, 3, &status,
	                   NULL)) < 0 ||
	    (rc = itsma__get_string(rd, prov, "/provenance", "description", 0, 1, &desc)) < 0 ||
	    (rc = itsma__get_array(rd, root, "", "maps", 1, &maps)) < 0)
		goto fail;
	if ((rc = itsma_mapping_new(&m, id, src, src_rev, tgt, tgt_rev, rd->err)) < 0 ||
	    (rc = itsma_mapping_set_title(m, title, rd->err)) < 0 ||
	    (rc = itsma_mapping_set_description(m, desc, rd->err)) < 0 ||
	    (rc = itsma_mapping_set_provenance(m, (itsma_mapping_method)method,
	                                       (itsma_mapping_rationale)rationale,
	                                       (itsma_mapping_status)status, rd->err)) < 0)
		goto fail;
	m->ext = ext;
	m->source_ext = src_ext;
	m->target_ext = tgt_ext;
	m->provenance_ext = prov_ext;
	ext = src_ext = tgt_ext = prov_ext = NULL;
	n = json_object_array_length(maps);
	for (i = 0; i < n; i++) {
		itsma__ptr_index(p, "/maps", i);
		rc = load_map(rd, m, json_object_array_get_idx(maps, i), p, i);
		if ((rc = itsma__reader_problem(rd, rc)) < 0)
			goto fail;
	}
	*out = m;
	return 0;
fail:
	itsma__ext_free(ext);
	itsma__ext_free(src_ext);
	itsma__ext_free(tgt_ext);
	itsma__ext_free(prov_ext);
	itsma_mapping_free(m);
	return rc;
}

/* ---- the catalogue check, with positions ----------------------------------------------------- */

/* One catalogue for a side: explicit, resolved, or built in. *owned is set when we must free it. */
static int side_catalogue(itsma__reader *rd, const itsma_mapping_catalogues *cats, int target,
                          const char *id, const itsma_catalogue **cat, itsma_catalogue **owned)
{
	const itsma_catalogue *given = cats ? (target ? cats->target : cats->source) : NULL;
	int rc;
	*owned = NULL;
	*cat = given;
	if (given)
		return 0;
	if (cats && cats->resolve) {
		const itsma_catalogue *found = NULL;
		rc = cats->resolve(&found, id, cats->payload);
		if (rc < 0 && rc != ITSMA_ENOTFOUND) {
			itsma__schema(rd, target ? "/target" : "/source", "catalogue",
			              "cannot find catalogue \"%s\": the resolver failed (%s)", id,
			              itsma_strerror(rc));
			if (rd->err)
				rd->err->code = rc;
			return rc;
		}
		if (found) {
			*cat = found;
			return 0;
		}
	}
	rc = itsma_catalogue_builtin(owned, id, rd->err);
	if (rc < 0 || !*owned) {
		int code = rc < 0 ? rc : ITSMA_ENOTFOUND;
		char msg[ITSMA_ERROR_MESSAGE_LENGTH];
		if (code == ITSMA_ENOMEM)
			return code;
		snprintf(msg, sizeof msg, "%s",
		         rd->err && rd->err->message[0] ? rd->err->message : "not found");
		itsma_error_clear(rd->err);
		itsma__schema(rd, target ? "/target" : "/source", "catalogue",
		              "cannot find catalogue \"%s\": %s", id, msg);
		if (rd->err)
			rd->err->code = code;
		return code;
	}
	*cat = *owned;
	return 0;
}

/* Problems of the catalogue check go through the reader, which adds line and column. */
static int forward_problem(const itsma_error *problem, void *payload)
{
	itsma__reader *rd = payload;
	if (rd->err)
		*rd->err = *problem;
	return itsma__reader_problem(rd, problem->code) < 0 ? (rd->stop ? rd->stop : problem->code)
	                                                    : 0;
}

static int check_catalogues(itsma__reader *rd, itsma_mapping *m,
                            const itsma_mapping_catalogues *cats)
{
	const itsma_catalogue *src = NULL, *tgt = NULL;
	itsma_catalogue *own_src = NULL, *own_tgt = NULL;
	int rc, rc2;

	rc = side_catalogue(rd, cats, 0, m->source_catalogue, &src, &own_src);
	if ((rc = itsma__reader_problem(rd, rc)) < 0)
		goto out;
	rc = side_catalogue(rd, cats, 1, m->target_catalogue, &tgt, &own_tgt);
	if ((rc = itsma__reader_problem(rd, rc)) < 0)
		goto out;
	if (rd->collect) {
		rc = itsma__mapping_check(m, src, tgt, forward_problem, rd, rd->source, NULL);
		rc = rd->stop ? rd->stop : 0;
	} else {
		rc2 = itsma__mapping_check(m, src, tgt, NULL, NULL, rd->source, rd->err);
		if (rc2 < 0) {
			itsma__json_locate_error(rd);
			rc = rc2;
		}
	}
out:
	itsma_catalogue_free(own_src);
	itsma_catalogue_free(own_tgt);
	return rc;
}

/* The tree walk of a mapping: the document, then its check against the catalogues (ctx). */
static int walk_mapping(itsma__reader *rd, json_object *root, void *ctx, void **obj)
{
	itsma_mapping *m = NULL;
	int rc = load_tree(rd, root, &m);
	if (rc == 0 && !rd->stop)
		rc = check_catalogues(rd, m, ctx);
	rc = itsma__reader_walked(rd, rc, m ? &m->origin : NULL);
	if (rc != 0) {
		itsma_mapping_free(m);
		m = NULL;
	}
	*obj = m;
	return rc;
}

static int read_mapping(itsma__reader *rd, void *ctx, void **obj)
{
	return itsma__reader_load(rd, walk_mapping, ctx, obj);
}

int itsma__mapping_load_reader(itsma__reader *rd, const itsma_mapping_catalogues *cats,
                               itsma_mapping **out)
{
	void *m = NULL;
	int rc;
	*out = NULL;
	if (cats && itsma__version_check(cats->version, ITSMA_MAPPING_CATALOGUES_VERSION,
	                                 "itsma_mapping_catalogues", rd->err) < 0)
		return ITSMA_EINVAL;
	rc = itsma__reader_load(rd, walk_mapping, (void *)(uintptr_t)cats, &m);
	*out = m;
	return rc;
}

int itsma_mapping_load_buffer(itsma_mapping **out, const char *buf, size_t len,
                              const char *source_name, const itsma_mapping_catalogues *cats,
                              itsma_error *err)
{
	void *m = NULL;
	int rc;
	itsma__error_reset(err);
	if (out)
		*out = NULL;
	if (cats && itsma__version_check(cats->version, ITSMA_MAPPING_CATALOGUES_VERSION,
	                                 "itsma_mapping_catalogues", err) < 0)
		return ITSMA_EINVAL;
	rc = itsma__load_buffer(read_mapping, (void *)(uintptr_t)cats, out ? &m : NULL, buf, len,
	                        source_name, NULL, err);
	if (out)
		*out = m;
	return rc;
}

int itsma_mapping_load_file(itsma_mapping **out, const char *path,
                            const itsma_mapping_catalogues *cats, itsma_error *err)
{
	char *buf;
	size_t len;
	int rc;

	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "out must not be NULL");
	*out = NULL;
	if (!path)
		return itsma__error_set(err, ITSMA_EINVAL, "path must not be NULL");
	if ((rc = itsma__read_file(path, ITSMA_DEFAULT_MAX_BYTES, &buf, &len, err)) < 0)
		return rc;
	rc = itsma_mapping_load_buffer(out, buf, len, path, cats, err);
	free(buf);
	return rc;
}

int itsma_mapping_validate_buffer(const char *buf, size_t len, const char *source_name,
                                  const itsma_mapping_catalogues *cats, itsma_problem_cb cb,
                                  void *payload, itsma_error *err)
{
	itsma__reader rd;
	itsma_error local = ITSMA_ERROR_INIT;
	itsma_mapping *m = NULL;
	int rc;

	itsma__error_reset(err);
	if ((rc = itsma__validate_open(&rd, &local, buf, len, source_name, NULL, cb, payload,
	                               err)) < 0)
		return rc;
	rc = itsma__mapping_load_reader(&rd, cats, &m);
	itsma_mapping_free(m);
	return itsma__validate_close(&rd, rc, &local, cb, payload, err);
}

int itsma_mapping_validate_file(const char *path, const itsma_mapping_catalogues *cats,
                                itsma_problem_cb cb, void *payload, itsma_error *err)
{
	char *buf;
	size_t len;
	int rc;
	itsma_error local = ITSMA_ERROR_INIT;

	itsma__error_reset(err);
	rc = path ? itsma__read_file(path, ITSMA_DEFAULT_MAX_BYTES, &buf, &len, &local)
	          : itsma__error_set(&local, ITSMA_EINVAL, "path must not be NULL");
	if (rc < 0) {
		if (cb)
			cb(&local, payload);
		if (err)
			*err = local;
		return rc;
	}
	rc = itsma_mapping_validate_buffer(buf, len, path, cats, cb, payload, err);
	free(buf);
	return rc;
}

/* ---- built-in mappings -------------------------------------------------------------------------
 */

size_t itsma_mapping_builtin_count(void) { return itsma__builtin_mapping_count; }

const char *itsma_mapping_builtin_id(size_t index)
{
	return index < itsma__builtin_mapping_count ? itsma__builtin_mappings[index].id : NULL;
}

const char *itsma_mapping_builtin_title(size_t index)
{
	return index < itsma__builtin_mapping_count ? itsma__builtin_mappings[index].title : NULL;
}

const char *itsma_mapping_builtin_find(const char *source, const char *target)
{
	size_t i;
	if (!source || !target)
		return NULL;
	for (i = 0; i < itsma__builtin_mapping_count; i++)
		if (strcmp(itsma__builtin_mappings[i].source, source) == 0 &&
		    strcmp(itsma__builtin_mappings[i].target, target) == 0)
			return itsma__builtin_mappings[i].id;
	return NULL;
}

const char *itsma_mapping_builtin_json(size_t *len_out, size_t index)
{
	if (index >= itsma__builtin_mapping_count)
		return NULL;
	if (len_out)
		*len_out = itsma__builtin_mappings[index].len;
	return itsma__builtin_mappings[index].json;
}

int itsma_mapping_builtin(itsma_mapping **out, const char *id, const itsma_mapping_catalogues *cats,
                          itsma_error *err)
{
	size_t i;
	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "out must not be NULL");
	*out = NULL;
	for (i = 0; id && i < itsma__builtin_mapping_count; i++)
		if (strcmp(itsma__builtin_mappings[i].id, id) == 0) {
			char name[96];
			snprintf(name, sizeof name, "<builtin:%s>", id);
			return itsma_mapping_load_buffer(out, itsma__builtin_mappings[i].json,
			                                 itsma__builtin_mappings[i].len, name, cats,
			                                 err);
		}
	return itsma__error_set(err, ITSMA_ENOTFOUND, "no built-in mapping \"%.64s\"",
	                        id ? id : "");
}

/* ---- saving
 * ----------------------------------------------------------------------------------------- */

static void write_ids(itsma__jw *w, const char *key, char *const *ids, size_t n)
{
	size_t i;
	itsma__jw_begin_inline_array(w, key);
	for (i = 0; i < n; i++)
		itsma__jw_string(w, NULL, ids[i]);
	itsma__jw_end_array(w);
}

static void write_side(itsma__jw *w, const char *key, const char *cat, int rev,
                       const itsma__ext *ext)
{
	itsma__jw_begin_object(w, key);
	itsma__jw_string(w, "catalogue", cat);
	itsma__jw_int(w, "revision", rev);
	itsma__write_ext(w, ext);
	itsma__jw_end_object(w);
}

int itsma_mapping_to_json(char **out, const itsma_mapping *m, itsma_error *err)
{
	itsma__buf b = ITSMA__BUF_INIT;
	itsma__jw w;
	size_t i;

	itsma__error_reset(err);
	if (itsma__write_begin(&w, &b, out, m, "mapping", MAPPING_FORMAT, m ? m->id : NULL, err) <
	    0)
		return ITSMA_EINVAL;
	if (m->title)
		itsma__jw_string(&w, "title", m->title);
	write_side(&w, "source", m->source_catalogue, m->source_revision, m->source_ext);
	write_side(&w, "target", m->target_catalogue, m->target_revision, m->target_ext);
	itsma__jw_begin_object(&w, "provenance");
	itsma__jw_string(&w, "method", itsma_mapping_method_name(m->method));
	itsma__jw_string(&w, "rationale", itsma_mapping_rationale_name(m->rationale));
	itsma__jw_string(&w, "status", itsma_mapping_status_name(m->status));
	if (m->description)
		itsma__jw_string(&w, "description", m->description);
	itsma__write_ext(&w, m->provenance_ext);
	itsma__jw_end_object(&w);
	itsma__jw_begin_array(&w, "maps");
	for (i = 0; i < m->map_count; i++) {
		const itsma_map *map = m->maps[i];
		itsma__jw_begin_object(&w, NULL);
		itsma__jw_string(&w, "relationship", itsma_relationship_name(map->relationship));
		write_ids(&w, "sources", map->sources, map->source_count);
		if (map->target_count)
			write_ids(&w, "targets", map->targets, map->target_count);
		if (map->confidence != ITSMA_CONFIDENCE_NONE)
			itsma__jw_string(&w, "confidence", itsma_confidence_name(map->confidence));
		if (map->note)
			itsma__jw_string(&w, "note", map->note);
		itsma__write_ext(&w, map->ext);
		itsma__jw_end_object(&w);
	}
	itsma__jw_end_array(&w);
	return itsma__write_ext_end(&w, &b, m->ext, out, err);
}

int itsma_mapping_save_file(const itsma_mapping *m, const char *path, itsma_error *err)
{
	char *text = NULL;
	int rc;
	itsma__error_reset(err);
	rc = itsma_mapping_to_json(&text, m, err);
	return itsma__save_text(path, rc, text, err);
}
