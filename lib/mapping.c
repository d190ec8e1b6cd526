/* SPDX-License-Identifier: Apache-2.0 */
/* Mapping sets: the model, its vocabulary, the builder, accessors and the catalogue check. */
#include "internal/mapping.h"
#include "internal/error.h"
#include "internal/enumword.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int itsma_map_spec_init(itsma_map_spec *spec, unsigned int version)
{
	static const itsma_map_spec defaults = ITSMA_MAP_SPEC_INIT;
	if (!spec || itsma__version_check(version, ITSMA_MAP_SPEC_VERSION, NULL, NULL) < 0)
		return ITSMA_EINVAL;
	*spec = defaults;
	return 0;
}

/* ---- vocabulary --------------------------------------------------------------------------------
 */

ITSMA__ENUM_WORDS(relationship, "a relationship", { "equal-to", ITSMA_RELATIONSHIP_EQUAL_TO },
                  { "equivalent-to", ITSMA_RELATIONSHIP_EQUIVALENT_TO },
                  { "subset-of", ITSMA_RELATIONSHIP_SUBSET_OF },
                  { "superset-of", ITSMA_RELATIONSHIP_SUPERSET_OF },
                  { "intersects-with", ITSMA_RELATIONSHIP_INTERSECTS_WITH },
                  { "no-relationship", ITSMA_RELATIONSHIP_NO_RELATIONSHIP })
ITSMA__ENUM_WORDS(mapping_method, "a mapping method", { "human", ITSMA_MAPPING_METHOD_HUMAN },
                  { "automation", ITSMA_MAPPING_METHOD_AUTOMATION },
                  { "hybrid", ITSMA_MAPPING_METHOD_HYBRID })
ITSMA__ENUM_WORDS(mapping_rationale, "a mapping rationale",
                  { "syntactic", ITSMA_MAPPING_RATIONALE_SYNTACTIC },
                  { "semantic", ITSMA_MAPPING_RATIONALE_SEMANTIC },
                  { "functional", ITSMA_MAPPING_RATIONALE_FUNCTIONAL })
ITSMA__ENUM_WORDS(mapping_status, "a mapping status", { "draft", ITSMA_MAPPING_STATUS_DRAFT },
                  { "complete", ITSMA_MAPPING_STATUS_COMPLETE },
                  { "deprecated", ITSMA_MAPPING_STATUS_DEPRECATED })
/* ITSMA_CONFIDENCE_NONE (not stated) has no word. */
ITSMA__ENUM_WORDS(confidence, "a confidence", { "high", ITSMA_CONFIDENCE_HIGH },
                  { "medium", ITSMA_CONFIDENCE_MEDIUM }, { "low", ITSMA_CONFIDENCE_LOW })

/* ---- life cycle
 * ---------------------------------------------------------------------------------- */

static void free_map(itsma_map *map)
{
	if (!map)
		return;
	itsma__ext_free(map->ext);
	free(map->note);
	free(map->key);
	free(map);
}

void itsma_mapping_free(itsma_mapping *m)
{
	size_t i;
	if (!m)
		return;
	for (i = 0; i < m->map_count; i++)
		free_map(m->maps[i]);
	free(m->maps);
	itsma__strmap_free(&m->keys);
	itsma__ext_free(m->ext);
	itsma__ext_free(m->source_ext);
	itsma__ext_free(m->target_ext);
	itsma__ext_free(m->provenance_ext);
	free(m->id);
	free(m->title);
	free(m->description);
	free(m->origin);
	free(m->source_catalogue);
	free(m->target_catalogue);
	free(m);
}

int itsma_mapping_new(itsma_mapping **out, const char *id, const char *source_catalogue,
                      int source_revision, const char *target_catalogue, int target_revision,
                      itsma_error *err)
{
	itsma_mapping *m;
	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "out must not be NULL");
	*out = NULL;
	if (!id || !itsma_id_is_valid(id))
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "mapping id \"%.64s\" is not an identifier (1 to 64 of A-Z a-z 0-9 . _ : -)",
		    id ? id : "");
	if (!source_catalogue || !itsma_id_is_valid(source_catalogue) || !target_catalogue ||
	    !itsma_id_is_valid(target_catalogue))
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "source and target catalogue must be identifiers");
	if (source_revision < 1 || target_revision < 1)
		return itsma__error_set(err, ITSMA_EINVAL, "catalogue revisions start at 1");
	m = calloc(1, sizeof *m);
	if (!m)
		return itsma__error_nomem(err);
	m->id = strdup(id);
	m->source_catalogue = strdup(source_catalogue);
	m->target_catalogue = strdup(target_catalogue);
	m->source_revision = source_revision;
	m->target_revision = target_revision;
	m->method = ITSMA_MAPPING_METHOD_HUMAN;
	m->rationale = ITSMA_MAPPING_RATIONALE_SEMANTIC;
	m->status = ITSMA_MAPPING_STATUS_DRAFT;
	if (!m->id || !m->source_catalogue || !m->target_catalogue) {
		itsma_mapping_free(m);
		return itsma__error_nomem(err);
	}
	*out = m;
	return 0;
}

static int set_string(char **field, const char *value, itsma_error *err)
{
	char *v = NULL;
	if (value && !(v = strdup(value)))
		return itsma__error_nomem(err);
	free(*field);
	*field = v;
	return 0;
}

int itsma_mapping_set_title(itsma_mapping *m, const char *title, itsma_error *err)
{
	itsma__error_reset(err);
	if (!m)
		return itsma__error_set(err, ITSMA_EINVAL, "mapping must not be NULL");
	return set_string(&m->title, title, err);
}

int itsma_mapping_set_description(itsma_mapping *m, const char *description, itsma_error *err)
{
	itsma__error_reset(err);
	if (!m)
		return itsma__error_set(err, ITSMA_EINVAL, "mapping must not be NULL");
	return set_string(&m->description, description, err);
}

int itsma_mapping_set_provenance(itsma_mapping *m, itsma_mapping_method method,
                                 itsma_mapping_rationale rationale, itsma_mapping_status status,
                                 itsma_error *err)
{
	itsma__error_reset(err);
	if (!m)
		return itsma__error_set(err, ITSMA_EINVAL, "mapping must not be NULL");
	if ((unsigned)method > ITSMA_MAPPING_METHOD_HYBRID ||
	    (unsigned)rationale > ITSMA_MAPPING_RATIONALE_FUNCTIONAL ||
	    (unsigned)status > ITSMA_MAPPING_STATUS_DEPRECATED)
		return itsma__error_set(err, ITSMA_EINVAL, "provenance value out of range");
	m->method = method;
	m->rationale = rationale;
	m->status = status;
	return 0;
}

/* ---- adding maps
 * ----------------------------------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Ids of one side: each an identifier, each once (sorted copy in `sorted`). */
static int check_ids(const char *const *ids, size_t n, const char **sorted, const char *side,
                     itsma_error *err)
{
	size_t i;
	for (i = 0; i < n; i++) {
		if (!ids[i] || !itsma_id_is_valid(ids[i]))
			return itsma__error_set(err, ITSMA_EINVAL,
			                        "%s %zu (\"%.64s\") is not an identifier", side, i,
			                        ids[i] ? ids[i] : "");
		sorted[i] = ids[i];
	}
	qsort((void *)sorted, n, sizeof *sorted, cmp_str);
	for (i = 1; i < n; i++)
		if (strcmp(sorted[i - 1], sorted[i]) == 0)
			return itsma__error_set(err, ITSMA_EINVAL, "%s \"%s\" is listed twice",
			                        side, sorted[i]);
	return 0;
}

int itsma_mapping_add_map(const itsma_map **out, itsma_mapping *m, const itsma_map_spec *spec,
                          itsma_error *err)
{
	const char **sorted = NULL;
	itsma_map *map = NULL, *old;
	size_t i, n, size, keylen = 2;
	char *p;
	int rc;

	itsma__error_reset(err);
	if (out)
		*out = NULL;
	if (!m || !spec)
		return itsma__error_set(err, ITSMA_EINVAL, "mapping and spec must not be NULL");
	if (itsma__version_check(spec->version, ITSMA_MAP_SPEC_VERSION, "itsma_map_spec", err) < 0)
		return ITSMA_EINVAL;
	if ((unsigned)spec->relationship > ITSMA_RELATIONSHIP_NO_RELATIONSHIP)
		return itsma__error_set(err, ITSMA_EINVAL, "relationship out of range");
	if ((unsigned)spec->confidence > ITSMA_CONFIDENCE_LOW)
		return itsma__error_set(err, ITSMA_EINVAL, "confidence out of range");
	if (!spec->source_count || !spec->sources)
		return itsma__error_set(err, ITSMA_EINVAL, "a map needs at least one source");
	if ((!spec->target_count || !spec->targets) &&
	    spec->relationship != ITSMA_RELATIONSHIP_NO_RELATIONSHIP)
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "a map needs at least one target (only no-relationship may have none)");
	if (spec->target_count && !spec->targets)
		return itsma__error_set(err, ITSMA_EINVAL, "targets must not be NULL");
	n = spec->source_count + spec->target_count;
	if (n > ((size_t)-1) / (2 * sizeof(char *)) - 2)
		return itsma__error_set(err, ITSMA_ELIMIT, "too many ids in one map");
	sorted = malloc(n * sizeof *sorted);
	if (!sorted)
		return itsma__error_nomem(err);
	if ((rc = check_ids(spec->sources, spec->source_count, sorted, "source", err)) < 0 ||
	    (rc = check_ids(spec->targets, spec->target_count, sorted + spec->source_count,
	                    "target", err)) < 0)
		goto out;
	/* one block: struct, pointer arrays, the id strings */
	size = sizeof *map + n * sizeof(char *);
	for (i = 0; i < n; i++)
		keylen += strlen(sorted[i]) + 1;
	map = calloc(1, size + keylen);
	if (!map || !(map->key = malloc(keylen))) {
		rc = itsma__error_nomem(err);
		goto out;
	}
	map->sources = (char **)(map + 1);
	map->targets = map->sources + spec->source_count;
	p = (char *)(map->sources + n);
	for (i = 0; i < n; i++) {
		const char *s = i < spec->source_count ? spec->sources[i]
		                                       : spec->targets[i - spec->source_count];
		size_t len = strlen(s) + 1;
		memcpy(p, s, len);
		map->sources[i] = p; /* targets follow sources in the same array */
		p += len;
	}
	/* key: sorted sources, a separator, sorted targets */
	p = map->key;
	for (i = 0; i < n; i++) {
		size_t len = strlen(sorted[i]);
		if (i == spec->source_count)
			*p++ = '>';
		memcpy(p, sorted[i], len);
		p += len;
		*p++ = ' ';
	}
	if (n == spec->source_count)
		*p++ = '>';
	*p = '\0';
	old = itsma__strmap_get(&m->keys, map->key);
	if (old) {
		rc = itsma__error_set(
		    err, ITSMA_EEXISTS,
		    "the same sources and targets are already mapped at /maps/%zu", old->index);
		goto out;
	}
	if (m->map_count == m->map_cap) {
		size_t cap = m->map_cap ? m->map_cap * 2 : 16;
		itsma_map **grown = realloc(m->maps, cap * sizeof *grown);
		if (!grown) {
			rc = itsma__error_nomem(err);
			goto out;
		}
		m->maps = grown;
		m->map_cap = cap;
	}
	map->source_count = spec->source_count;
	map->target_count = spec->target_count;
	map->relationship = spec->relationship;
	map->confidence = spec->confidence;
	if (spec->note && !(map->note = strdup(spec->note))) {
		rc = itsma__error_nomem(err);
		goto out;
	}
	if (itsma__strmap_put(&m->keys, map->key, map) < 0) {
		rc = itsma__error_nomem(err);
		goto out;
	}
	map->index = m->map_count;
	m->maps[m->map_count++] = map;
	if (out)
		*out = map;
	map = NULL;
	rc = 0;
out:
	free_map(map);
	free((void *)sorted);
	return rc;
}

/* ---- accessors
 * --------------------------------------------------------------------------------------- */

const char *itsma_mapping_id(const itsma_mapping *m) { return m ? m->id : NULL; }
const char *itsma_mapping_title(const itsma_mapping *m) { return m ? m->title : NULL; }
const char *itsma_mapping_source_catalogue(const itsma_mapping *m)
{
	return m ? m->source_catalogue : NULL;
}
int itsma_mapping_source_revision(const itsma_mapping *m) { return m ? m->source_revision : 0; }
const char *itsma_mapping_target_catalogue(const itsma_mapping *m)
{
	return m ? m->target_catalogue : NULL;
}
int itsma_mapping_target_revision(const itsma_mapping *m) { return m ? m->target_revision : 0; }
itsma_mapping_method itsma_mapping_method_of(const itsma_mapping *m)
{
	return m ? m->method : ITSMA_MAPPING_METHOD_HUMAN;
}
itsma_mapping_rationale itsma_mapping_rationale_of(const itsma_mapping *m)
{
	return m ? m->rationale : ITSMA_MAPPING_RATIONALE_SEMANTIC;
}
itsma_mapping_status itsma_mapping_status_of(const itsma_mapping *m)
{
	return m ? m->status : ITSMA_MAPPING_STATUS_DRAFT;
}
const char *itsma_mapping_description(const itsma_mapping *m) { return m ? m->description : NULL; }
const char *itsma_mapping_origin(const itsma_mapping *m) { return m ? m->origin : NULL; }
size_t itsma_mapping_map_count(const itsma_mapping *m) { return m ? m->map_count : 0; }
const itsma_map *itsma_mapping_map_at(const itsma_mapping *m, size_t index)
{
	return m && index < m->map_count ? m->maps[index] : NULL;
}
itsma_relationship itsma_map_relationship(const itsma_map *map)
{
	return map ? map->relationship : ITSMA_RELATIONSHIP_NO_RELATIONSHIP;
}
size_t itsma_map_source_count(const itsma_map *map) { return map ? map->source_count : 0; }
const char *itsma_map_source_at(const itsma_map *map, size_t index)
{
	return map && index < map->source_count ? map->sources[index] : NULL;
}
size_t itsma_map_target_count(const itsma_map *map) { return map ? map->target_count : 0; }
const char *itsma_map_target_at(const itsma_map *map, size_t index)
{
	return map && index < map->target_count ? map->targets[index] : NULL;
}
itsma_confidence itsma_map_confidence(const itsma_map *map)
{
	return map ? map->confidence : ITSMA_CONFIDENCE_NONE;
}
const char *itsma_map_note(const itsma_map *map) { return map ? map->note : NULL; }
size_t itsma_map_index(const itsma_map *map) { return map ? map->index : 0; }

/* ---- checking against catalogues
 * ------------------------------------------------------------------------ */

int itsma__catalogue_content_revision(const itsma_catalogue *cat)
{
	/* a catalogue without `revision` is at revision 1 */
	int rev = itsma_catalogue_revision(cat);
	return rev > 0 ? rev : 1;
}

typedef struct checker {
	int (*cb)(const itsma_error *, void *);
	void *payload;
	const char *source;
	itsma_error *err;
	itsma_error first;
	size_t problems;
} checker;

/* Report a problem at ptr; returns 0 to go on, or the code to stop with. */
static int problem(checker *ck, const char *ptr, const char *fmt, ...) ITSMA_FORMAT_PRINTF(3, 4);
static int problem(checker *ck, const char *ptr, const char *fmt, ...)
{
	itsma_error e = ITSMA_ERROR_INIT;
	va_list ap;
	e.code = ITSMA_ESCHEMA;
	va_start(ap, fmt);
	vsnprintf(e.message, sizeof e.message, fmt, ap);
	va_end(ap);
	itsma__error_source(&e, ck->source);
	snprintf(e.pointer, sizeof e.pointer, "%s", ptr);
	if (!ck->problems++)
		ck->first = e;
	if (!ck->cb)
		return ITSMA_ESCHEMA;
	{
		int rc = ck->cb(&e, ck->payload);
		return rc ? rc : 0;
	}
}

static int check_side(checker *ck, const itsma_catalogue *cat, const char *side,
                      const char *want_id, int want_rev)
{
	char ptr[ITSMA_ERROR_POINTER_LENGTH];
	int rc, rev;
	if (!cat)
		return 0;
	if (strcmp(itsma_catalogue_id(cat), want_id) != 0) {
		snprintf(ptr, sizeof ptr, "/%s/catalogue", side);
		if ((rc = problem(ck, ptr, "the mapping's %s is catalogue \"%s\", not \"%s\"", side,
		                  want_id, itsma_catalogue_id(cat))) != 0)
			return rc;
	}
	rev = itsma__catalogue_content_revision(cat);
	if (rev != want_rev) {
		snprintf(ptr, sizeof ptr, "/%s/revision", side);
		if ((rc = problem(ck, ptr,
		                  "the mapping is for revision %d of catalogue \"%s\", which is at "
		                  "revision %d",
		                  want_rev, want_id, rev)) != 0)
			return rc;
	}
	return 0;
}

static int known(const itsma_catalogue *cat, const char *id)
{
	return itsma_catalogue_find_requirement(cat, id) || itsma_catalogue_find_section(cat, id);
}

int itsma__mapping_check(const itsma_mapping *m, const itsma_catalogue *source,
                         const itsma_catalogue *target, int (*cb)(const itsma_error *, void *),
                         void *payload, const char *source_name, itsma_error *err)
{
	checker ck;
	size_t i, j;
	int rc;
	char ptr[ITSMA_ERROR_POINTER_LENGTH];

	memset(&ck, 0, sizeof ck);
	ck.cb = cb;
	ck.payload = payload;
	ck.source = source_name;
	ck.err = err;
	if ((rc = check_side(&ck, source, "source", m->source_catalogue, m->source_revision)) !=
	        0 ||
	    (rc = check_side(&ck, target, "target", m->target_catalogue, m->target_revision)) != 0)
		goto out;
	for (i = 0; i < m->map_count; i++) {
		const itsma_map *map = m->maps[i];
		for (j = 0; source && j < map->source_count; j++)
			if (!known(source, map->sources[j])) {
				snprintf(ptr, sizeof ptr, "/maps/%zu/sources/%zu", map->index, j);
				if ((rc = problem(
				         &ck, ptr,
				         "catalogue \"%s\" has no requirement or section \"%s\"",
				         m->source_catalogue, map->sources[j])) != 0)
					goto out;
			}
		for (j = 0; target && j < map->target_count; j++)
			if (!known(target, map->targets[j])) {
				snprintf(ptr, sizeof ptr, "/maps/%zu/targets/%zu", map->index, j);
				if ((rc = problem(
				         &ck, ptr,
				         "catalogue \"%s\" has no requirement or section \"%s\"",
				         m->target_catalogue, map->targets[j])) != 0)
					goto out;
			}
	}
	rc = 0;
out:
	if (ck.problems) {
		if (err)
			*err = ck.first;
		return rc > 0 || (rc < 0 && rc != ITSMA_ESCHEMA) ? rc : ck.first.code;
	}
	return rc;
}

int itsma_mapping_check(const itsma_mapping *m, const itsma_catalogue *source,
                        const itsma_catalogue *target, itsma_problem_cb cb, void *payload,
                        itsma_error *err)
{
	itsma__error_reset(err);
	if (!m || !source || !target)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "mapping and catalogues must not be NULL");
	return itsma__mapping_check(m, source, target, cb, payload, m->origin, err);
}
