/* SPDX-License-Identifier: Apache-2.0 */
/* The catalogue model: sections, requirements, getters and builders. */
#include "internal/model.h"
#include "internal/error.h"
#include "internal/rating.h"
#include "internal/enumword.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int itsma_requirement_spec_init(itsma_requirement_spec *spec, unsigned int version)
{
	static const itsma_requirement_spec defaults = ITSMA_REQUIREMENT_SPEC_INIT;
	if (!spec || itsma__version_check(version, ITSMA_REQUIREMENT_SPEC_VERSION, NULL, NULL) < 0)
		return ITSMA_EINVAL;
	*spec = defaults;
	return 0;
}

int itsma_section_spec_init(itsma_section_spec *spec, unsigned int version)
{
	static const itsma_section_spec defaults = ITSMA_SECTION_SPEC_INIT;
	if (!spec || itsma__version_check(version, ITSMA_SECTION_SPEC_VERSION, NULL, NULL) < 0)
		return ITSMA_EINVAL;
	*spec = defaults;
	return 0;
}

int itsma_load_options_init(itsma_load_options *opts, unsigned int version)
{
	if (!opts || itsma__version_check(version, ITSMA_LOAD_OPTIONS_VERSION, NULL, NULL) < 0)
		return ITSMA_EINVAL;
	memset(opts, 0, sizeof *opts);
	opts->version = version;
	return 0;
}

int itsma_id_is_valid(const char *s)
{
	size_t n = 0;
	if (!s)
		return 0;
	for (; s[n]; n++) {
		char c = s[n];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == ':' || c == '-'))
			return 0;
		if (n >= 64)
			return 0;
	}
	return n >= 1 && n <= 64;
}

int itsma_catalogue_new(itsma_catalogue **out, const char *id, const char *title, itsma_error *err)
{
	itsma_catalogue *c;
	int failed = 0;

	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "out must not be NULL");
	*out = NULL;
	if (!itsma_id_is_valid(id))
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "expected an identifier (1 to 64 of A-Z a-z 0-9 . _ : -), not \"%.64s\"",
		    id ? id : "");
	if (!title || !*title)
		return itsma__error_set(err, ITSMA_EINVAL, "expected a non-empty title");
	c = calloc(1, sizeof *c);
	if (!c)
		return itsma__error_nomem(err);
	c->id = itsma__arena_strdup(&c->arena, id, &failed);
	c->title = itsma__arena_strdup(&c->arena, title, &failed);
	if (failed) {
		itsma_catalogue_free(c);
		return itsma__error_nomem(err);
	}
	*out = c;
	return 0;
}

void itsma_catalogue_free(itsma_catalogue *c)
{
	size_t i;
	if (!c)
		return;
	for (i = 0; i < c->section_count; i++) {
		itsma_section *s = c->sections[i];
		size_t g;
		for (g = 0; g < s->guidance_count; g++)
			free(s->guidance[g].values);
		free(s->guidance);
		free(s->children);
		free(s->reqs);
		itsma__ext_free(s->ext);
	}
	for (i = 0; i < c->requirement_count; i++)
		itsma__ext_free(c->requirements[i]->ext);
	for (i = 0; i < c->gp_count; i++)
		itsma__ext_free(c->gps[i].ext);
	free(c->gps);
	free(c->gs_keys);
	free(c->gs_names);
	free(c->sections);
	free(c->tops);
	free(c->processes);
	free(c->requirements);
	for (i = 0; i < c->retired_count; i++)
		itsma__ext_free(c->retired[i]->ext);
	free(c->retired);
	itsma__strmap_free(&c->retired_ids);
	itsma__strmap_free(&c->section_ids);
	itsma__strmap_free(&c->requirement_ids);
	itsma__ext_free(c->ext);
	itsma__ext_free(c->gs_ext);
	free(c->origin);
	itsma__arena_free(&c->arena);
	free(c);
}

/* ---- properties ------------------------------------------------------------------------ */

const char *itsma_catalogue_id(const itsma_catalogue *c) { return c ? c->id : NULL; }
const char *itsma_catalogue_title(const itsma_catalogue *c) { return c ? c->title : NULL; }
const char *itsma_catalogue_version(const itsma_catalogue *c) { return c ? c->version : NULL; }
const char *itsma_catalogue_publisher(const itsma_catalogue *c) { return c ? c->publisher : NULL; }
const char *itsma_catalogue_description(const itsma_catalogue *c)
{
	return c ? c->description : NULL;
}
const char *itsma_catalogue_source(const itsma_catalogue *c) { return c ? c->source : NULL; }
itsma_exclusions itsma_catalogue_exclusions(const itsma_catalogue *c)
{
	return c ? c->exclusions : 0;
}
const char *itsma_catalogue_origin(const itsma_catalogue *c)
{
	return c ? (c->origin ? c->origin : "") : NULL;
}
int itsma_catalogue_revision(const itsma_catalogue *c) { return c ? c->revision : 0; }

ITSMA__ENUM_WORDS(obligation, "an obligation", { "shall", ITSMA_OBLIGATION_SHALL },
                  { "should", ITSMA_OBLIGATION_SHOULD })
ITSMA__ENUM_WORDS(section_kind, "a section kind", { "group", ITSMA_SECTION_KIND_GROUP },
                  { "process", ITSMA_SECTION_KIND_PROCESS })
ITSMA__ENUM_WORDS(exclusions, "exclusions", { "allowed", ITSMA_EXCLUSIONS_ALLOWED },
                  { "forbidden", ITSMA_EXCLUSIONS_FORBIDDEN })
/* ITSMA_BASIS_UNSPECIFIED (no `basis` key) has no word. */
ITSMA__ENUM_WORDS(basis, "a basis", { "standard", ITSMA_BASIS_STANDARD },
                  { "good-practice", ITSMA_BASIS_GOOD_PRACTICE })

/* The highest revision that retired an id (0 without retired ids). */
static int highest_retired_revision(const itsma_catalogue *c)
{
	int hi = 0;
	size_t i;
	for (i = 0; i < c->retired_count; i++)
		if (c->retired[i]->revision > hi)
			hi = c->retired[i]->revision;
	return hi;
}

int itsma_catalogue_set_revision(itsma_catalogue *c, int revision, itsma_error *err)
{
	itsma__error_reset(err);
	int hi;
	if (!c)
		return itsma__error_set(err, ITSMA_EINVAL, "catalogue must not be NULL");
	itsma__catalogue_touch(c);
	if (revision < 0)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "expected a revision >= 1 (or 0 for none), not %d",
		                        revision);
	hi = highest_retired_revision(c);
	if (revision && revision < hi)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "revision %d is lower than revision %d that retired an id",
		                        revision, hi);
	c->revision = revision;
	return 0;
}

/* ---- retired ids --------------------------------------------------------------------------- */

size_t itsma_catalogue_retired_count(const itsma_catalogue *c) { return c ? c->retired_count : 0; }

const itsma_retired *itsma_catalogue_retired_at(const itsma_catalogue *c, size_t i)
{
	if (!c)
		return NULL;
	return i < c->retired_count ? c->retired[i] : NULL;
}

const itsma_retired *itsma_catalogue_find_retired(const itsma_catalogue *c, const char *id)
{
	if (!c)
		return NULL;
	return id ? itsma__strmap_get(&c->retired_ids, id) : NULL;
}

const char *itsma_retired_id(const itsma_retired *r) { return r ? r->id : NULL; }
int itsma_retired_revision(const itsma_retired *r) { return r ? r->revision : 0; }
const char *itsma_retired_reason(const itsma_retired *r) { return r ? r->reason : NULL; }

static int id_taken(const itsma_catalogue *c, const char *id, itsma_error *err);

int itsma_catalogue_add_retired(itsma_catalogue *c, const char *id, int revision,
                                const char *reason, itsma_error *err)
{
	itsma_retired *r;
	int failed = 0;

	itsma__error_reset(err);
	if (!c)
		return itsma__error_set(err, ITSMA_EINVAL, "catalogue must not be NULL");
	itsma__catalogue_touch(c);
	if (!itsma_id_is_valid(id))
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "expected an identifier (1 to 64 of A-Z a-z 0-9 . _ : -), not \"%.64s\"",
		    id ? id : "");
	if (revision < 1)
		return itsma__error_set(
		    err, ITSMA_EINVAL, "expected the revision that retired \"%s\": an integer >= 1",
		    id);
	if (c->revision && revision > c->revision)
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "\"%s\" is retired by revision %d, after the catalogue's revision %d", id,
		    revision, c->revision);
	if (!reason || !*reason)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "expected a non-empty reason why \"%s\" is retired", id);
	if (itsma__strmap_get(&c->retired_ids, id))
		return itsma__error_set(err, ITSMA_EEXISTS, "id \"%s\" is already retired", id);
	if (id_taken(c, id, err) < 0)
		return itsma__error_set(
		    err, ITSMA_EEXISTS,
		    "id \"%s\" is retired but a %s still uses it: a retired id may never be used "
		    "again",
		    id, itsma__strmap_get(&c->section_ids, id) ? "section" : "requirement");
	if (itsma__grow((void **)&c->retired, &c->retired_cap, c->retired_count + 1,
	                sizeof *c->retired) < 0 ||
	    itsma__strmap_reserve(&c->retired_ids, 1) < 0)
		return itsma__error_nomem(err);
	r = itsma__arena_alloc(&c->arena, sizeof *r);
	if (!r)
		return itsma__error_nomem(err);
	r->id = itsma__arena_strdup(&c->arena, id, &failed);
	r->reason = itsma__arena_strdup(&c->arena, reason, &failed);
	if (failed)
		return itsma__error_nomem(err);
	r->revision = revision;
	r->ext = NULL;
	itsma__strmap_put(&c->retired_ids, r->id, r); /* cannot fail: reserved */
	c->retired[c->retired_count++] = r;
	return 0;
}

/* Store a copy of an optional text property (NULL removes it; an empty one is refused, as
 * loading refuses it). */
static int set_optional(itsma_catalogue *c, const char **slot, const char *what, const char *value,
                        itsma_error *err)
{
	const char *copy;
	int failed = 0;
	itsma__catalogue_touch(c);
	if (value && !*value)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "expected a non-empty %s, or NULL to remove it", what);
	copy = itsma__arena_strdup(&c->arena, value, &failed);
	if (failed)
		return itsma__error_nomem(err);
	*slot = copy;
	return 0;
}

static int no_catalogue(itsma_error *err)
{
	return itsma__error_set(err, ITSMA_EINVAL, "catalogue must not be NULL");
}

int itsma_catalogue_set_title(itsma_catalogue *c, const char *title, itsma_error *err)
{
	itsma__error_reset(err);
	if (!c)
		return no_catalogue(err);
	if (!title)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "expected a non-empty title, found NULL");
	return set_optional(c, &c->title, "title", title, err);
}

int itsma_catalogue_set_version(itsma_catalogue *c, const char *version, itsma_error *err)
{
	itsma__error_reset(err);
	return c ? set_optional(c, &c->version, "version", version, err) : no_catalogue(err);
}

int itsma_catalogue_set_publisher(itsma_catalogue *c, const char *publisher, itsma_error *err)
{
	itsma__error_reset(err);
	return c ? set_optional(c, &c->publisher, "publisher", publisher, err) : no_catalogue(err);
}

int itsma_catalogue_set_description(itsma_catalogue *c, const char *description, itsma_error *err)
{
	itsma__error_reset(err);
	return c ? set_optional(c, &c->description, "description", description, err)
	         : no_catalogue(err);
}

int itsma_catalogue_set_source(itsma_catalogue *c, const char *source, itsma_error *err)
{
	itsma__error_reset(err);
	return c ? set_optional(c, &c->source, "source", source, err) : no_catalogue(err);
}

int itsma_catalogue_set_exclusions(itsma_catalogue *c, itsma_exclusions value, itsma_error *err)
{
	itsma__error_reset(err);
	if (!c || (value != ITSMA_EXCLUSIONS_ALLOWED && value != ITSMA_EXCLUSIONS_FORBIDDEN))
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "expected ITSMA_EXCLUSIONS_ALLOWED or ITSMA_EXCLUSIONS_FORBIDDEN");
	itsma__catalogue_touch(c);
	c->exclusions = value;
	c->has_exclusions = 1;
	return 0;
}

size_t itsma_catalogue_guidance_source_count(const itsma_catalogue *c)
{
	return c ? c->gs_count : 0;
}

const char *itsma_catalogue_guidance_source_key(const itsma_catalogue *c, size_t i)
{
	if (!c)
		return NULL;
	return i < c->gs_count ? c->gs_keys[i] : NULL;
}

const char *itsma_catalogue_guidance_source_name(const itsma_catalogue *c, size_t i)
{
	if (!c)
		return NULL;
	return i < c->gs_count ? c->gs_names[i] : NULL;
}

static long find_source(const itsma_catalogue *c, const char *key)
{
	size_t i;
	for (i = 0; i < c->gs_count; i++)
		if (strcmp(c->gs_keys[i], key) == 0)
			return (long)i;
	return -1;
}

int itsma_catalogue_put_guidance_source(itsma_catalogue *c, const char *key, const char *name,
                                        itsma_error *err)
{
	long at;
	int failed = 0;
	const char *k, *n;
	size_t cap;

	itsma__error_reset(err);
	if (!c)
		return itsma__error_set(err, ITSMA_EINVAL, "catalogue must not be NULL");
	itsma__catalogue_touch(c);
	if (!itsma_id_is_valid(key))
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "expected a guidance source key (an identifier), not \"%.64s\"",
		    key ? key : "");
	if (!name || !*name)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "expected a non-empty guidance source name");
	at = find_source(c, key);
	n = itsma__arena_strdup(&c->arena, name, &failed);
	if (failed)
		return itsma__error_nomem(err);
	if (at >= 0) {
		c->gs_names[at] = n;
		return 0;
	}
	k = itsma__arena_strdup(&c->arena, key, &failed);
	if (failed)
		return itsma__error_nomem(err);
	cap = c->gs_cap;
	if (itsma__grow((void **)&c->gs_keys, &cap, c->gs_count + 1, sizeof *c->gs_keys) < 0)
		return itsma__error_nomem(err);
	cap = c->gs_cap;
	if (itsma__grow((void **)&c->gs_names, &cap, c->gs_count + 1, sizeof *c->gs_names) < 0)
		return itsma__error_nomem(err);
	c->gs_cap = cap;
	c->gs_keys[c->gs_count] = k;
	c->gs_names[c->gs_count] = n;
	c->gs_count++;
	return 0;
}

size_t itsma_catalogue_generic_practice_count(const itsma_catalogue *c)
{
	return c ? c->gp_count : 0;
}

itsma_attribute itsma_catalogue_generic_practice_attribute(const itsma_catalogue *c, size_t i)
{
	return c && i < c->gp_count ? c->gps[i].attribute : ITSMA_ATTRIBUTE_COUNT;
}

const char *itsma_catalogue_generic_practice_id(const itsma_catalogue *c, size_t i)
{
	if (!c)
		return NULL;
	return i < c->gp_count ? c->gps[i].id : NULL;
}

const char *itsma_catalogue_generic_practice_text(const itsma_catalogue *c, size_t i)
{
	if (!c)
		return NULL;
	return i < c->gp_count ? c->gps[i].text : NULL;
}

int itsma_catalogue_add_generic_practice(itsma_catalogue *c, itsma_attribute attribute,
                                         const char *id, const char *text, itsma_error *err)
{
	size_t i;
	int failed = 0;
	itsma__gp gp;

	itsma__error_reset(err);
	if (!c)
		return itsma__error_set(err, ITSMA_EINVAL, "catalogue must not be NULL");
	itsma__catalogue_touch(c);
	if ((int)attribute <= (int)ITSMA_PA1_1 || (int)attribute >= (int)ITSMA_ATTRIBUTE_COUNT)
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    attribute == ITSMA_PA1_1
		        ? "PA1.1 has no generic practices: it is derived from the process's "
		          "requirements"
		        : "expected a process attribute PA2.1 to PA5.2, not the value %d",
		    (int)attribute);
	if (!itsma_id_is_valid(id))
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "expected an identifier (1 to 64 of A-Z a-z 0-9 . _ : -), not \"%.64s\"",
		    id ? id : "");
	if (!text || !*text)
		return itsma__error_set(err, ITSMA_EINVAL, "expected a non-empty text");
	for (i = 0; i < c->gp_count; i++)
		if (strcmp(c->gps[i].id, id) == 0)
			return itsma__error_set(err, ITSMA_EEXISTS,
			                        "generic practice \"%s\" is already defined", id);
	if (itsma__grow((void **)&c->gps, &c->gp_cap, c->gp_count + 1, sizeof *c->gps) < 0)
		return itsma__error_nomem(err);
	memset(&gp, 0, sizeof gp);
	gp.attribute = attribute;
	gp.id = itsma__arena_strdup(&c->arena, id, &failed);
	gp.text = itsma__arena_strdup(&c->arena, text, &failed);
	if (failed)
		return itsma__error_nomem(err);
	c->gps[c->gp_count++] = gp;
	return 0;
}

/* ---- sections ----------------------------------------------------------------------------- */

size_t itsma_catalogue_section_count(const itsma_catalogue *c) { return c ? c->section_count : 0; }

const itsma_section *itsma_catalogue_section_at(const itsma_catalogue *c, size_t i)
{
	if (!c)
		return NULL;
	return i < c->section_count ? c->sections[i] : NULL;
}

size_t itsma_catalogue_top_count(const itsma_catalogue *c) { return c ? c->top_count : 0; }

const itsma_section *itsma_catalogue_top_at(const itsma_catalogue *c, size_t i)
{
	if (!c)
		return NULL;
	return i < c->top_count ? c->tops[i] : NULL;
}

const itsma_section *itsma_catalogue_find_section(const itsma_catalogue *c, const char *id)
{
	if (!c)
		return NULL;
	return id ? itsma__strmap_get(&c->section_ids, id) : NULL;
}

size_t itsma_catalogue_process_count(const itsma_catalogue *c) { return c ? c->process_count : 0; }

const itsma_section *itsma_catalogue_process_at(const itsma_catalogue *c, size_t i)
{
	if (!c)
		return NULL;
	return i < c->process_count ? c->processes[i] : NULL;
}

const char *itsma_section_id(const itsma_section *s) { return s ? s->id : NULL; }
const char *itsma_section_clause(const itsma_section *s) { return s ? s->clause : NULL; }
const char *itsma_section_title(const itsma_section *s) { return s ? s->title : NULL; }
const char *itsma_section_purpose(const itsma_section *s) { return s ? s->purpose : NULL; }
itsma_section_kind itsma_section_kind_of(const itsma_section *s) { return s ? s->kind : 0; }
double itsma_section_weight(const itsma_section *s) { return s ? s->weight : NAN; }
size_t itsma_section_index(const itsma_section *s) { return s ? s->index : 0; }
size_t itsma_section_depth(const itsma_section *s) { return s ? s->depth : 0; }
const itsma_section *itsma_section_parent(const itsma_section *s) { return s ? s->parent : NULL; }
const itsma_section *itsma_section_process(const itsma_section *s) { return s ? s->process : NULL; }
size_t itsma_section_child_count(const itsma_section *s) { return s ? s->child_count : 0; }

const itsma_section *itsma_section_child_at(const itsma_section *s, size_t i)
{
	if (!s)
		return NULL;
	return i < s->child_count ? s->children[i] : NULL;
}

size_t itsma_section_requirement_count(const itsma_section *s) { return s ? s->req_count : 0; }

const itsma_requirement *itsma_section_requirement_at(const itsma_section *s, size_t i)
{
	if (!s)
		return NULL;
	return i < s->req_count ? s->reqs[i] : NULL;
}

static const itsma__guidance *find_guidance(const itsma_section *s, const char *source)
{
	size_t i;
	if (!source)
		return NULL;
	for (i = 0; i < s->guidance_count; i++)
		if (strcmp(s->cat->gs_keys[s->guidance[i].source], source) == 0)
			return &s->guidance[i];
	return NULL;
}

size_t itsma_section_guidance_count(const itsma_section *s, const char *source)
{
	if (!s)
		return 0;
	const itsma__guidance *g = find_guidance(s, source);
	return g ? g->count : 0;
}

const char *itsma_section_guidance_at(const itsma_section *s, const char *source, size_t i)
{
	if (!s)
		return NULL;
	const itsma__guidance *g = find_guidance(s, source);
	return g && i < g->count ? g->values[i] : NULL;
}

/* Renumber everything in catalogue order with an explicit stack (no recursion). */
static void number_subtree(itsma_catalogue *c, itsma_section *s, size_t *si, size_t *ri)
{
	size_t k;
	s->index = *si;
	c->sections[(*si)++] = s;
	s->req_begin = *ri;
	for (k = 0; k < s->req_count; k++) {
		s->reqs[k]->index = *ri;
		c->requirements[(*ri)++] = s->reqs[k];
	}
	for (k = 0; k < s->child_count; k++)
		number_subtree(c, s->children[k], si, ri);
	s->sec_end = *si;
	s->req_end = *ri;
}

void itsma__catalogue_renumber(itsma_catalogue *c)
{
	size_t si = 0, ri = 0, k, p = 0;
	/* depth is bounded by the loader's nesting limit and by add_section
	 * (ITSMA_DEFAULT_MAX_DEPTH) */
	for (k = 0; k < c->top_count; k++)
		number_subtree(c, c->tops[k], &si, &ri);
	for (k = 0; k < c->section_count; k++)
		if (c->sections[k]->kind == ITSMA_SECTION_KIND_PROCESS)
			c->processes[p++] = c->sections[k];
}

static int check_weight(double w, itsma_error *err)
{
	if (!isfinite(w) || w < 0 || w > ITSMA_MAX_WEIGHT)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "expected a weight: a number from 0 to 1000000");
	return 0;
}

static int id_taken(const itsma_catalogue *c, const char *id, itsma_error *err)
{
	const itsma_retired *r = itsma__strmap_get(&c->retired_ids, id);
	if (r)
		return itsma__error_set(err, ITSMA_EEXISTS,
		                        "id \"%s\" is retired (revision %d: %.200s): a retired id "
		                        "may never be used again",
		                        id, r->revision, r->reason);
	if (itsma__strmap_get(&c->section_ids, id))
		return itsma__error_set(err, ITSMA_EEXISTS,
		                        "id \"%s\" is already used by a section", id);
	if (itsma__strmap_get(&c->requirement_ids, id))
		return itsma__error_set(err, ITSMA_EEXISTS,
		                        "id \"%s\" is already used by a requirement", id);
	return 0;
}

/* Is `s` the last section of the catalogue order, or an ancestor of it? */
static int ends_catalogue(const itsma_catalogue *c, const itsma_section *s)
{
	const itsma_section *last;
	if (!c->section_count || !s)
		return 1;
	last = c->sections[c->section_count - 1];
	for (; last; last = last->parent)
		if (last == s)
			return 1;
	return 0;
}

/* Why a builder refuses its section argument: NULL, or a section of another catalogue. */
static int foreign_section(const itsma_catalogue *c, const itsma_section *s, const char *what,
                           itsma_error *err)
{
	if (!s)
		return itsma__error_set(err, ITSMA_EINVAL, "expected a %s, found NULL", what);
	return itsma__error_set(err, ITSMA_EINVAL,
	                        "the %s given is not a section of catalogue \"%s\" (it is of "
	                        "another catalogue)",
	                        what, c->id);
}

int itsma_catalogue_add_section(const itsma_section **out, itsma_catalogue *c,
                                const itsma_section *parent_in, const itsma_section_spec *spec,
                                itsma_error *err)
{
	itsma_section *parent = NULL, *s;
	int failed = 0, append;
	size_t cap;

	itsma__error_reset(err);
	if (out)
		*out = NULL;
	if (!c || !spec)
		return itsma__error_set(err, ITSMA_EINVAL, "catalogue and spec must not be NULL");
	itsma__catalogue_touch(c);
	if (itsma__version_check(spec->version, ITSMA_SECTION_SPEC_VERSION, "itsma_section_spec",
	                         err) < 0)
		return ITSMA_EINVAL;
	if (parent_in) {
		if (!itsma__catalogue_has_section(c, parent_in))
			return foreign_section(c, parent_in, "parent section", err);
		parent = c->sections[parent_in->index]; /* the catalogue's own, writable pointer */
		if (parent->depth + 1 >= ITSMA_DEFAULT_MAX_DEPTH)
			return itsma__error_set(err, ITSMA_ELIMIT,
			                        "sections nest deeper than %d levels",
			                        ITSMA_DEFAULT_MAX_DEPTH);
	}
	if (!itsma_id_is_valid(spec->id))
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "expected an identifier (1 to 64 of A-Z a-z 0-9 . _ : -), not \"%.64s\"",
		    spec->id ? spec->id : "");
	if (id_taken(c, spec->id, err) < 0)
		return ITSMA_EEXISTS;
	if (!spec->title || !*spec->title)
		return itsma__error_set(err, ITSMA_EINVAL, "expected a non-empty title");
	if (spec->kind != ITSMA_SECTION_KIND_GROUP && spec->kind != ITSMA_SECTION_KIND_PROCESS)
		return itsma__error_set(err, ITSMA_EINVAL, "expected kind group or process");
	if (check_weight(spec->weight, err) < 0)
		return ITSMA_EINVAL;
	if (spec->kind == ITSMA_SECTION_KIND_PROCESS && parent && parent->process)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "process \"%s\" may not be inside process \"%s\"", spec->id,
		                        parent->process->id);

	/* reserve everything first so that nothing can fail after the first change */
	if (itsma__grow((void **)&c->sections, &c->section_cap, c->section_count + 1,
	                sizeof *c->sections) < 0 ||
	    itsma__strmap_reserve(&c->section_ids, 1) < 0)
		return itsma__error_nomem(err);
	if (spec->kind == ITSMA_SECTION_KIND_PROCESS &&
	    itsma__grow((void **)&c->processes, &c->process_cap, c->process_count + 1,
	                sizeof *c->processes) < 0)
		return itsma__error_nomem(err);
	if (parent) {
		cap = parent->child_cap;
		if (itsma__grow((void **)&parent->children, &cap, parent->child_count + 1,
		                sizeof *parent->children) < 0)
			return itsma__error_nomem(err);
		parent->child_cap = cap;
	} else if (itsma__grow((void **)&c->tops, &c->top_cap, c->top_count + 1, sizeof *c->tops) <
	           0) {
		return itsma__error_nomem(err);
	}
	s = itsma__arena_alloc(&c->arena, sizeof *s);
	if (!s)
		return itsma__error_nomem(err);
	s->cat = c;
	s->id = itsma__arena_strdup(&c->arena, spec->id, &failed);
	s->clause = itsma__arena_strdup(&c->arena, spec->clause, &failed);
	s->title = itsma__arena_strdup(&c->arena, spec->title, &failed);
	s->purpose = itsma__arena_strdup(&c->arena, spec->purpose, &failed);
	if (failed)
		return itsma__error_nomem(err);
	s->kind = spec->kind;
	s->weight = spec->weight;
	s->has_weight = spec->weight != 1.0;
	s->parent = parent;
	s->depth = parent ? parent->depth + 1 : 0;
	s->process =
	    spec->kind == ITSMA_SECTION_KIND_PROCESS ? s : (parent ? parent->process : NULL);

	append = ends_catalogue(c, parent);
	itsma__strmap_put(&c->section_ids, s->id, s); /* cannot fail: reserved */
	if (parent)
		parent->children[parent->child_count++] = s;
	else
		c->tops[c->top_count++] = s;
	if (s->kind == ITSMA_SECTION_KIND_PROCESS)
		c->process_count++;
	c->section_count++;
	if (append) {
		itsma_section *a;
		s->index = c->section_count - 1;
		c->sections[s->index] = s;
		s->sec_end = s->index + 1;
		s->req_begin = s->req_end = c->requirement_count;
		for (a = parent; a; a = a->parent)
			a->sec_end = s->sec_end;
		if (s->kind == ITSMA_SECTION_KIND_PROCESS)
			c->processes[c->process_count - 1] = s;
	} else {
		itsma__catalogue_renumber(c);
	}
	if (out)
		*out = s;
	return 0;
}

int itsma_catalogue_add_guidance(itsma_catalogue *c, const itsma_section *section,
                                 const char *source, const char *value, itsma_error *err)
{
	itsma_section *s;
	long src;
	size_t i;
	itsma__guidance *g = NULL;
	const char *v;
	int failed = 0, fresh = 0;

	itsma__error_reset(err);
	if (!c || !source)
		return itsma__error_set(err, ITSMA_EINVAL, "catalogue and source must not be NULL");
	itsma__catalogue_touch(c);
	if (!itsma__catalogue_has_section(c, section))
		return foreign_section(c, section, "section", err);
	s = c->sections[section->index];
	src = find_source(c, source);
	if (src < 0)
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "guidance source \"%.64s\" is not declared in guidance_sources", source);
	if (!value || !*value)
		return itsma__error_set(err, ITSMA_EINVAL, "expected a non-empty guidance value");
	for (i = 0; i < s->guidance_count; i++)
		if (s->guidance[i].source == (size_t)src)
			g = &s->guidance[i];
	if (g) {
		for (i = 0; i < g->count; i++)
			if (strcmp(g->values[i], value) == 0)
				return 0;
	} else {
		/* a new source for this section: counted only once its value is stored, so that a
		 * failure below leaves no empty entry behind */
		if (itsma__grow((void **)&s->guidance, &s->guidance_cap, s->guidance_count + 1,
		                sizeof *s->guidance) < 0)
			return itsma__error_nomem(err);
		g = &s->guidance[s->guidance_count];
		memset(g, 0, sizeof *g);
		g->source = (size_t)src;
		fresh = 1;
	}
	if (itsma__grow((void **)&g->values, &g->cap, g->count + 1, sizeof *g->values) < 0)
		return itsma__error_nomem(err);
	v = itsma__arena_strdup(&c->arena, value, &failed);
	if (failed) {
		if (fresh) {
			free(g->values);
			memset(g, 0, sizeof *g);
		}
		return itsma__error_nomem(err);
	}
	g->values[g->count++] = v;
	if (fresh)
		s->guidance_count++;
	return 0;
}

/* ---- requirements ------------------------------------------------------------------------- */

size_t itsma_catalogue_requirement_count(const itsma_catalogue *c)
{
	return c ? c->requirement_count : 0;
}

const itsma_requirement *itsma_catalogue_requirement_at(const itsma_catalogue *c, size_t i)
{
	if (!c)
		return NULL;
	return i < c->requirement_count ? c->requirements[i] : NULL;
}

const itsma_requirement *itsma_catalogue_find_requirement(const itsma_catalogue *c, const char *id)
{
	if (!c)
		return NULL;
	return id ? itsma__strmap_get(&c->requirement_ids, id) : NULL;
}

const char *itsma_requirement_id(const itsma_requirement *r) { return r ? r->id : NULL; }
const char *itsma_requirement_clause(const itsma_requirement *r) { return r ? r->clause : NULL; }
const char *itsma_requirement_text(const itsma_requirement *r) { return r ? r->text : NULL; }
itsma_obligation itsma_requirement_obligation(const itsma_requirement *r)
{
	return r ? r->obligation : 0;
}
itsma_basis itsma_requirement_basis(const itsma_requirement *r) { return r ? r->basis : 0; }
const char *itsma_requirement_item(const itsma_requirement *r) { return r ? r->item : NULL; }
const char *itsma_requirement_verify(const itsma_requirement *r) { return r ? r->verify : NULL; }
double itsma_requirement_weight(const itsma_requirement *r) { return r ? r->weight : NAN; }
size_t itsma_requirement_index(const itsma_requirement *r) { return r ? r->index : 0; }
const itsma_section *itsma_requirement_section(const itsma_requirement *r)
{
	return r ? r->section : NULL;
}
const itsma_section *itsma_requirement_process(const itsma_requirement *r)
{
	return r ? r->section->process : NULL;
}
size_t itsma_requirement_evidence_hint_count(const itsma_requirement *r)
{
	return r ? r->hint_count : 0;
}

const char *itsma_requirement_evidence_hint_at(const itsma_requirement *r, size_t i)
{
	if (!r)
		return NULL;
	return i < r->hint_count ? r->hints[i] : NULL;
}

size_t itsma_requirement_tag_count(const itsma_requirement *r) { return r ? r->tag_count : 0; }

const char *itsma_requirement_tag_at(const itsma_requirement *r, size_t i)
{
	if (!r)
		return NULL;
	return i < r->tag_count ? r->tags[i] : NULL;
}

static const char **copy_list(itsma__arena *a, const char *const *src, size_t n, const char *what,
                              int *failed, itsma_error *err, int *bad)
{
	const char **dst;
	size_t i;
	if (!n)
		return NULL;
	if (!src) {
		*bad = 1;
		itsma__error_set(err, ITSMA_EINVAL, "%s array is NULL but its count is %zu", what,
		                 n);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		if (!src[i] || !*src[i]) {
			*bad = 1;
			itsma__error_set(err, ITSMA_EINVAL,
			                 "expected a non-empty string in %s[%zu]", what, i);
			return NULL;
		}
	}
	dst = itsma__arena_alloc(a, n * sizeof *dst);
	if (!dst) {
		*failed = 1;
		return NULL;
	}
	for (i = 0; i < n; i++)
		dst[i] = itsma__arena_strdup(a, src[i], failed);
	return dst;
}

int itsma_catalogue_add_requirement(const itsma_requirement **out, itsma_catalogue *c,
                                    const itsma_section *section,
                                    const itsma_requirement_spec *spec, itsma_error *err)
{
	itsma_section *s, *a;
	itsma_requirement *r;
	const char *item = NULL, *verify = NULL;
	itsma_basis basis = ITSMA_BASIS_UNSPECIFIED;
	int failed = 0, bad = 0, append;
	size_t cap;

	itsma__error_reset(err);
	if (out)
		*out = NULL;
	if (!c || !spec)
		return itsma__error_set(err, ITSMA_EINVAL, "catalogue and spec must not be NULL");
	itsma__catalogue_touch(c);
	if (itsma__version_check(spec->version, ITSMA_REQUIREMENT_SPEC_VERSION,
	                         "itsma_requirement_spec", err) < 0)
		return ITSMA_EINVAL;
	/* version 1 callers have no item, basis or verify (their struct ends before them) */
	if (spec->version >= 2) {
		item = spec->item;
		basis = spec->basis;
		verify = spec->verify;
	}
	if (!itsma__catalogue_has_section(c, section))
		return foreign_section(c, section, "section", err);
	s = c->sections[section->index];
	if (!itsma_id_is_valid(spec->id))
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "expected an identifier (1 to 64 of A-Z a-z 0-9 . _ : -), not \"%.64s\"",
		    spec->id ? spec->id : "");
	if (id_taken(c, spec->id, err) < 0)
		return ITSMA_EEXISTS;
	if (!spec->text || !*spec->text)
		return itsma__error_set(err, ITSMA_EINVAL, "expected a non-empty text");
	if (spec->obligation != ITSMA_OBLIGATION_SHALL &&
	    spec->obligation != ITSMA_OBLIGATION_SHOULD)
		return itsma__error_set(err, ITSMA_EINVAL, "expected obligation shall or should");
	if (check_weight(spec->weight, err) < 0)
		return ITSMA_EINVAL;
	if ((int)basis < 0 || (int)basis > (int)ITSMA_BASIS_GOOD_PRACTICE)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "expected basis standard, good-practice or unspecified");
	if (basis == ITSMA_BASIS_GOOD_PRACTICE && spec->obligation == ITSMA_OBLIGATION_SHALL)
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "requirement \"%s\" has basis \"good-practice\" but obligation \"shall\": "
		    "a good practice is a \"should\" (only the standard's own obligations are "
		    "\"shall\")",
		    spec->id);
	if (item && !*item)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "expected a non-empty item (such as \"a)\") or none");
	if (verify && !*verify)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "expected a non-empty verify text or none");
	if (spec->evidence_hint_count && !spec->evidence_hints)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "evidence_hints is NULL but its count is %zu",
		                        spec->evidence_hint_count);

	if (itsma__grow((void **)&c->requirements, &c->requirement_cap, c->requirement_count + 1,
	                sizeof *c->requirements) < 0 ||
	    itsma__strmap_reserve(&c->requirement_ids, 1) < 0)
		return itsma__error_nomem(err);
	cap = s->req_cap;
	if (itsma__grow((void **)&s->reqs, &cap, s->req_count + 1, sizeof *s->reqs) < 0)
		return itsma__error_nomem(err);
	s->req_cap = cap;
	r = itsma__arena_alloc(&c->arena, sizeof *r);
	if (!r)
		return itsma__error_nomem(err);
	r->cat = c;
	r->id = itsma__arena_strdup(&c->arena, spec->id, &failed);
	r->clause = itsma__arena_strdup(&c->arena, spec->clause, &failed);
	r->text = itsma__arena_strdup(&c->arena, spec->text, &failed);
	r->item = itsma__arena_strdup(&c->arena, item, &failed);
	r->verify = itsma__arena_strdup(&c->arena, verify, &failed);
	r->basis = basis;
	r->hints = copy_list(&c->arena, spec->evidence_hints, spec->evidence_hint_count,
	                     "evidence_hints", &failed, err, &bad);
	if (bad)
		return ITSMA_EINVAL;
	r->hint_count = spec->evidence_hint_count;
	r->tags = copy_list(&c->arena, spec->tags, spec->tag_count, "tags", &failed, err, &bad);
	if (bad)
		return ITSMA_EINVAL;
	r->tag_count = spec->tag_count;
	if (failed)
		return itsma__error_nomem(err);
	r->obligation = spec->obligation;
	r->has_obligation = spec->obligation != ITSMA_OBLIGATION_SHALL;
	r->weight = spec->weight;
	r->has_weight = spec->weight != 1.0;
	r->section = s;

	/* appending keeps catalogue order when s is the last section and has no later ones */
	append = c->section_count && c->sections[c->section_count - 1] == s;
	itsma__strmap_put(&c->requirement_ids, r->id, r);
	s->reqs[s->req_count++] = r;
	c->requirement_count++;
	if (append) {
		r->index = c->requirement_count - 1;
		c->requirements[r->index] = r;
		for (a = s; a; a = a->parent)
			a->req_end = c->requirement_count;
	} else {
		itsma__catalogue_renumber(c);
	}
	if (out)
		*out = r;
	return 0;
}
