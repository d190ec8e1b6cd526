/* SPDX-License-Identifier: Apache-2.0 */
/*
 * OSCAL 1.2 mapping-collection (JSON) <-> itsma-mapping/1. itsma's relationship, provenance
 * and confidence vocabularies are OSCAL's (oscal_mapping-common_metaschema.xml), so this is a
 * plain translation; docs/interop.md says what is lost.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal/error.h"
#include "internal/interop.h"
#include "internal/json_in.h"
#include "internal/mapping.h"

#define ITSMA_NS      "urn:itsma:oscal"
#define CATALOGUE_URN "urn:itsma:catalogue:"

static const unsigned char uuid_ns[16] = { 0x2d, 0x61, 0x0e, 0x94, 0x57, 0x3b, 0x4f, 0x0a,
	                                   0xb1, 0x6c, 0x88, 0x14, 0x3e, 0x09, 0xa7, 0x52 };

/* ---- export ------------------------------------------------------------------------------- */

typedef struct mw {
	const itsma_mapping *m;
	itsma__buf b;
	itsma__jw w;
	itsma_error *err;
	int rc;
} mw;

static void put_uuid(mw *o, const char *key, const char *path, size_t index)
{
	char name[200], u[37];
	snprintf(name, sizeof name, "%s/%s/%zu", itsma_mapping_id(o->m), path, index);
	if (o->rc == 0 && (o->rc = itsma__uuid5(u, uuid_ns, name, strlen(name), o->err)) < 0)
		memset(u, '0', 36), u[36] = '\0';
	if (o->rc)
		memset(u, '0', 36), u[36] = '\0';
	itsma__jw_string(&o->w, key, u);
}

static void prop(mw *o, const char *name, const char *value)
{
	itsma__jw_begin_object(&o->w, NULL);
	itsma__jw_string(&o->w, "name", name);
	itsma__jw_string(&o->w, "ns", ITSMA_NS);
	itsma__jw_string(&o->w, "value", value);
	itsma__jw_end_object(&o->w);
}

/* The x- keys of an itsma object as props "extension" whose value is {"KEY":VALUE}. */
static void ext_props(mw *o, const itsma__ext *x)
{
	itsma__buf v = ITSMA__BUF_INIT;
	size_t i;
	for (i = 0; x && i < x->count; i++) {
		v.len = 0;
		itsma__ext_member_json(&v, x, i);
		if (v.oom) {
			if (o->rc == 0)
				o->rc = itsma__error_nomem(o->err);
			break;
		}
		prop(o, "extension", v.data);
	}
	itsma__buf_free(&v);
}

static size_t ext_count(const itsma__ext *x) { return x ? x->count : 0; }

static void resource(mw *o, const char *key, const char *catalogue, int revision,
                     const itsma__ext *ext)
{
	char href[128], rev[16];
	snprintf(href, sizeof href, CATALOGUE_URN "%s", catalogue);
	snprintf(rev, sizeof rev, "%d", revision);
	itsma__jw_begin_object(&o->w, key);
	itsma__jw_string(&o->w, "type", "catalog");
	itsma__jw_string(&o->w, "href", href);
	itsma__jw_begin_array(&o->w, "props");
	prop(o, "catalogue", catalogue);
	prop(o, "revision", rev);
	ext_props(o, ext);
	itsma__jw_end_array(&o->w);
	itsma__jw_end_object(&o->w);
}

static void items(mw *o, const char *key, const itsma_map *map, int targets)
{
	size_t i, n = targets ? itsma_map_target_count(map) : itsma_map_source_count(map);
	itsma__jw_begin_array(&o->w, key);
	for (i = 0; i < n; i++) {
		itsma__jw_begin_object(&o->w, NULL);
		itsma__jw_string(&o->w, "type", "control");
		itsma__jw_string(&o->w, "id-ref",
		                 targets ? itsma_map_target_at(map, i)
		                         : itsma_map_source_at(map, i));
		itsma__jw_end_object(&o->w);
	}
	itsma__jw_end_array(&o->w);
}

/* The mapping-description written for a mapping without a description (OSCAL requires one;
 * an itsma prop no-description says it was made up). */
static void default_description(char *out, size_t size, const char *source, int source_revision,
                                const char *target, int target_revision)
{
	snprintf(out, size, "Mapping from %s (revision %d) to %s (revision %d).", source,
	         source_revision, target, target_revision);
}

static const char *oscal_status(itsma_mapping_status s)
{
	return s == ITSMA_MAPPING_STATUS_COMPLETE     ? "complete"
	       : s == ITSMA_MAPPING_STATUS_DEPRECATED ? "deprecated"
	                                              : "draft";
}

int itsma_mapping_to_oscal(char **out, const itsma_mapping *m, itsma_error *err)
{
	mw o;
	size_t i, n;
	char desc[400];
	itsma__error_reset(err);
	if (out)
		*out = NULL;
	if (!out || !m)
		return itsma__error_set(err, ITSMA_EINVAL, "out and m must not be NULL");
	memset(&o, 0, sizeof o);
	o.m = m;
	o.err = err;
	itsma__jw_init(&o.w, &o.b);
	itsma__jw_begin_object(&o.w, NULL);
	itsma__jw_begin_object(&o.w, "mapping-collection");
	put_uuid(&o, "uuid", "mapping-collection", 0);
	itsma__jw_begin_object(&o.w, "metadata");
	itsma__jw_string(&o.w, "title",
	                 itsma_mapping_title(m) ? itsma_mapping_title(m) : itsma_mapping_id(m));
	itsma__jw_string(&o.w, "last-modified", "1970-01-01T00:00:00Z");
	itsma__jw_string(&o.w, "version", itsma_mapping_id(m));
	itsma__jw_string(&o.w, "oscal-version", "1.2.0");
	itsma__jw_begin_array(&o.w, "props");
	prop(&o, "mapping", itsma_mapping_id(m));
	if (!itsma_mapping_title(m))
		prop(&o, "no-title", "true"); /* the title above is the id */
	ext_props(&o, m->ext);
	itsma__jw_end_array(&o.w);
	itsma__jw_end_object(&o.w);
	default_description(desc, sizeof desc, itsma_mapping_source_catalogue(m),
	                    itsma_mapping_source_revision(m), itsma_mapping_target_catalogue(m),
	                    itsma_mapping_target_revision(m));
	itsma__jw_begin_object(&o.w, "provenance");
	itsma__jw_string(&o.w, "method", itsma_mapping_method_name(itsma_mapping_method_of(m)));
	itsma__jw_string(&o.w, "matching-rationale",
	                 itsma_mapping_rationale_name(itsma_mapping_rationale_of(m)));
	itsma__jw_string(&o.w, "status", oscal_status(itsma_mapping_status_of(m)));
	itsma__jw_string(&o.w, "mapping-description",
	                 itsma_mapping_description(m) ? itsma_mapping_description(m) : desc);
	if (ext_count(m->provenance_ext) || !itsma_mapping_description(m)) {
		itsma__jw_begin_array(&o.w, "props");
		if (!itsma_mapping_description(m))
			prop(&o, "no-description", "true");
		ext_props(&o, m->provenance_ext);
		itsma__jw_end_array(&o.w);
	}
	itsma__jw_end_object(&o.w);
	itsma__jw_begin_array(&o.w, "mappings");
	itsma__jw_begin_object(&o.w, NULL);
	put_uuid(&o, "uuid", "mapping", 0);
	resource(&o, "source-resource", itsma_mapping_source_catalogue(m),
	         itsma_mapping_source_revision(m), m->source_ext);
	resource(&o, "target-resource", itsma_mapping_target_catalogue(m),
	         itsma_mapping_target_revision(m), m->target_ext);
	itsma__jw_begin_array(&o.w, "maps");
	n = itsma_mapping_map_count(m);
	for (i = 0; i < n; i++) {
		const itsma_map *map = itsma_mapping_map_at(m, i);
		itsma__jw_begin_object(&o.w, NULL);
		put_uuid(&o, "uuid", "map", i);
		itsma__jw_string(&o.w, "relationship",
		                 itsma_relationship_name(itsma_map_relationship(map)));
		items(&o, "sources", map, 0);
		/* OSCAL needs a target; a no-relationship map without one names its sources again
		 */
		if (itsma_map_target_count(map))
			items(&o, "targets", map, 1);
		else
			items(&o, "targets", map, 0);
		if (itsma_map_confidence(map) != ITSMA_CONFIDENCE_NONE) {
			itsma__jw_begin_object(&o.w, "confidence-score");
			itsma__jw_string(&o.w, "category",
			                 itsma_confidence_name(itsma_map_confidence(map)));
			itsma__jw_end_object(&o.w);
		}
		if (!itsma_map_target_count(map) || ext_count(map->ext)) {
			itsma__jw_begin_array(&o.w, "props");
			if (!itsma_map_target_count(map))
				prop(&o, "no-target", "true");
			ext_props(&o, map->ext);
			itsma__jw_end_array(&o.w);
		}
		if (itsma_map_note(map))
			itsma__jw_string(&o.w, "remarks", itsma_map_note(map));
		itsma__jw_end_object(&o.w);
	}
	itsma__jw_end_array(&o.w);
	itsma__jw_end_object(&o.w);
	itsma__jw_end_array(&o.w);
	itsma__jw_end_object(&o.w);
	itsma__jw_end_object(&o.w);
	itsma__jw_finish(&o.w);
	if (o.rc) {
		itsma__buf_free(&o.b);
		return o.rc;
	}
	return itsma__buf_finish(&o.b, out, err);
}

/* ---- import ------------------------------------------------------------------------------- */

typedef struct mr {
	itsma__reader rd;
	itsma_error e;
	itsma__warner w;
	int stop;
	const itsma_load_options *load;
} mr;

static json_object *member(json_object *o, const char *key)
{
	json_object *v = NULL;
	return o && json_object_is_type(o, json_type_object) &&
	               json_object_object_get_ex(o, key, &v)
	           ? v
	           : NULL;
}

static int warn(mr *c, const char *ptr, const char *fmt, ...) ITSMA_FORMAT_PRINTF(3, 4);
static int warn(mr *c, const char *ptr, const char *fmt, ...)
{
	char msg[ITSMA_ERROR_MESSAGE_LENGTH];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return itsma__warn_located(&c->w, &c->rd, &c->e, &c->stop, ptr, msg);
}

/* The itsma prop `name` of an object, or NULL. */
static const char *itsma_prop(json_object *o, const char *name)
{
	json_object *props = member(o, "props");
	size_t i, n = props && json_object_is_type(props, json_type_array)
	                  ? json_object_array_length(props)
	                  : 0;
	for (i = 0; i < n; i++) {
		json_object *p = json_object_array_get_idx(props, i), *nm = member(p, "name"),
		            *ns = member(p, "ns"), *v = member(p, "value");
		if (nm && v && ns && json_object_is_type(v, json_type_string) &&
		    strcmp(json_object_get_string(ns), ITSMA_NS) == 0 &&
		    strcmp(json_object_get_string(nm), name) == 0)
			return json_object_get_string(v);
	}
	return NULL;
}

/* The x- keys that itsma_mapping_to_oscal() carried as props "extension" of the object o
 * (at ptr), added to *x. */
static int ext_of(mr *c, json_object *o, const char *ptr, itsma__ext **x)
{
	json_object *props = member(o, "props");
	char p[ITSMA_ERROR_POINTER_LENGTH], q[ITSMA_ERROR_POINTER_LENGTH];
	size_t i, n = props && json_object_is_type(props, json_type_array)
	                  ? json_object_array_length(props)
	                  : 0;
	itsma__ptr_key(q, ptr, "props");
	for (i = 0; i < n; i++) {
		json_object *pr = json_object_array_get_idx(props, i), *nm = member(pr, "name"),
		            *ns = member(pr, "ns"), *v = member(pr, "value"), *doc = NULL;
		itsma_error e = ITSMA_ERROR_INIT;
		json_object_iter it;
		int rc, ok;
		if (!nm || !ns || !v || !json_object_is_type(nm, json_type_string) ||
		    !json_object_is_type(ns, json_type_string) ||
		    strcmp(json_object_get_string(ns), ITSMA_NS) != 0 ||
		    strcmp(json_object_get_string(nm), "extension") != 0)
			continue;
		itsma__ptr_index(p, q, i);
		if (!json_object_is_type(v, json_type_string))
			return itsma__schema(&c->rd, p, "value", "expected a string");
		rc = itsma__interop_parse_json(&doc, json_object_get_string(v),
		                               (size_t)json_object_get_string_len(v), c->load, &e);
		if (rc == ITSMA_ENOMEM)
			return itsma__error_nomem(&c->e);
		ok = rc == 0 && json_object_is_type(doc, json_type_object) &&
		     json_object_object_length(doc) == 1;
		if (ok)
			json_object_object_foreachC(doc, it) ok =
			    strncmp(it.key, "x-", 2) == 0 && it.key[2];
		if (ok && (rc = itsma__ext_take_members(x, doc, &e)) == ITSMA_ENOMEM) {
			json_object_put(doc);
			return itsma__error_nomem(&c->e);
		}
		json_object_put(doc);
		if (!ok || rc < 0)
			return itsma__schema(&c->rd, p, "value",
			                     "expected {\"x-KEY\": VALUE}, an x- extension as "
			                     "itsma writes it%s%.200s",
			                     rc < 0 ? ": " : "", rc < 0 ? e.message : "");
	}
	return 0;
}

/* Catalogue id and revision of a resource reference. */
static int resource_of(mr *c, json_object *mp, const char *ptr, const char *key, char id[65],
                       int *revision)
{
	char p[ITSMA_ERROR_POINTER_LENGTH];
	json_object *r;
	const char *href, *cid, *rev;
	int rc;
	itsma__ptr_key(p, ptr, key);
	if ((rc = itsma__get_object(&c->rd, mp, ptr, key, 1, &r)) < 0 ||
	    (rc = itsma__get_string(&c->rd, r, p, "href", 1, 1, &href)) < 0)
		return rc;
	cid = itsma_prop(r, "catalogue");
	rev = itsma_prop(r, "revision");
	if (!cid && strncmp(href, CATALOGUE_URN, strlen(CATALOGUE_URN)) == 0)
		cid = href + strlen(CATALOGUE_URN);
	if (cid) {
		snprintf(id, 65, "%s", cid);
	} else {
		/* a file name: its last path segment without the extension */
		const char *s = strrchr(href, '/');
		size_t n, i, o = 0;
		s = s ? s + 1 : href;
		n = strcspn(s, ".#?");
		for (i = 0; i < n && o < 64; i++)
			id[o++] = itsma__id_valid_n(s + i, 1) ? s[i] : '_';
		id[o] = '\0';
	}
	if (!itsma_id_is_valid(id))
		return itsma__schema(&c->rd, p, "href", "cannot make a catalogue id from \"%s\"",
		                     href);
	*revision = rev ? atoi(rev) : 1;
	if (*revision < 1)
		*revision = 1;
	return 0;
}

static int parse_enum(const char *s, const char *const *words, int n)
{
	int i;
	for (i = 0; i < n; i++)
		if (strcmp(s, words[i]) == 0)
			return i;
	return -1;
}

static int collect_ids(mr *c, json_object *map, const char *ptr, const char *key, const char ***out,
                       size_t *count)
{
	char p[ITSMA_ERROR_POINTER_LENGTH], q[ITSMA_ERROR_POINTER_LENGTH];
	json_object *arr;
	size_t i, n;
	int rc;
	*out = NULL;
	*count = 0;
	if ((rc = itsma__get_array(&c->rd, map, ptr, key, 1, &arr)) < 0)
		return rc;
	itsma__ptr_key(q, ptr, key);
	n = json_object_array_length(arr);
	if (n == 0)
		return itsma__schema(&c->rd, ptr, key, "expected at least one item");
	if (!(*out = calloc(n, sizeof **out)))
		return itsma__error_nomem(&c->e);
	for (i = 0; i < n; i++) {
		json_object *it = json_object_array_get_idx(arr, i);
		const char *ref, *type;
		itsma__ptr_index(p, q, i);
		if ((rc = itsma__expect_object(&c->rd, it, p, "a mapping item")) < 0 ||
		    (rc = itsma__get_string(&c->rd, it, p, "type", 1, 1, &type)) < 0 ||
		    (rc = itsma__get_string(&c->rd, it, p, "id-ref", 1, 1, &ref)) < 0)
			return rc;
		if (!itsma_id_is_valid(ref))
			return itsma__schema(&c->rd, p, "id-ref", "\"%s\" is not an itsma id", ref);
		if (strcmp(type, "control") && strcmp(type, "statement") &&
		    (rc = warn(c, p,
		               "item type \"%s\" is neither control nor statement; used as an id",
		               type)) != 0)
			return rc;
		(*out)[(*count)++] = ref;
	}
	return 0;
}

static int import_map(mr *c, itsma_mapping *m, json_object *map, const char *ptr)
{
	static const char *const conf[] = { "unspecified", "high", "medium", "low" };
	itsma_map_spec spec = ITSMA_MAP_SPEC_INIT;
	const char **src = NULL, **tgt = NULL, *rel, *remarks;
	const itsma_map *added = NULL;
	itsma__ext *ext = NULL;
	size_t ns = 0, nt = 0;
	json_object *cs;
	int rc;
	if ((rc = itsma__expect_object(&c->rd, map, ptr, "a map")) < 0 ||
	    (rc = itsma__get_string(&c->rd, map, ptr, "relationship", 1, 1, &rel)) < 0 ||
	    (rc = itsma__get_string(&c->rd, map, ptr, "remarks", 0, 0, &remarks)) < 0)
		return rc;
	if (itsma_relationship_parse(&spec.relationship, rel, &c->e) < 0)
		return itsma__schema(&c->rd, ptr, "relationship", "%s", c->e.message);
	if ((rc = collect_ids(c, map, ptr, "sources", &src, &ns)) < 0 ||
	    (rc = collect_ids(c, map, ptr, "targets", &tgt, &nt)) < 0 ||
	    (rc = ext_of(c, map, ptr, &ext)) < 0)
		goto out;
	if ((cs = member(map, "confidence-score")) && member(cs, "category") &&
	    json_object_is_type(member(cs, "category"), json_type_string)) {
		int k = parse_enum(json_object_get_string(member(cs, "category")), conf, 4);
		if (k < 0) {
			char p[ITSMA_ERROR_POINTER_LENGTH];
			itsma__ptr_key(p, ptr, "confidence-score");
			rc = itsma__schema(&c->rd, p, "category",
			                   "expected unspecified, high, medium or low");
			goto out;
		}
		spec.confidence = (itsma_confidence)k;
	}
	spec.sources = src;
	spec.source_count = ns;
	spec.targets = tgt;
	spec.target_count = nt;
	if (spec.relationship == ITSMA_RELATIONSHIP_NO_RELATIONSHIP && itsma_prop(map, "no-target"))
		spec.target_count = 0;
	spec.note = remarks;
	if ((rc = itsma_mapping_add_map(&added, m, &spec, &c->e)) < 0 && rc != ITSMA_ENOMEM) {
		char msg[ITSMA_ERROR_MESSAGE_LENGTH];
		snprintf(msg, sizeof msg, "%s", c->e.message);
		rc = itsma__schema(&c->rd, ptr, NULL, "%s", msg);
	}
	if (rc == 0) {
		((itsma_map *)(uintptr_t)added)->ext = ext; /* the map is the mapping's own */
		ext = NULL;
	}
out:
	itsma__ext_free(ext);
	free(src);
	free(tgt);
	return rc;
}

static int import_collection(mr *c, json_object *root, const itsma_interop_options *opts,
                             itsma_mapping **out)
{
	static const char *const methods[] = { "human", "automation", "hybrid" };
	static const char *const rationales[] = { "syntactic", "semantic", "functional" };
	json_object *mc, *md, *prov, *mappings, *mp, *maps;
	const char *title, *method, *rationale, *status, *desc;
	char sid[65], tid[65], mid[65], p[ITSMA_ERROR_POINTER_LENGTH];
	int srev, trev, rc, k1, k2;
	itsma_mapping_status st;
	itsma_mapping *m = NULL;
	size_t i, n;

	if ((rc = itsma__expect_object(&c->rd, root, "", "an OSCAL document")) < 0)
		return rc;
	if (!(mc = member(root, "mapping-collection")))
		return itsma__schema(&c->rd, "", NULL,
		                     "missing required key \"mapping-collection\"");
	if ((rc = itsma__expect_object(&c->rd, mc, "/mapping-collection", "a mapping collection")) <
	        0 ||
	    (rc = itsma__get_object(&c->rd, mc, "/mapping-collection", "metadata", 1, &md)) < 0 ||
	    (rc = itsma__get_string(&c->rd, md, "/mapping-collection/metadata", "title", 1, 1,
	                            &title)) < 0 ||
	    (rc = itsma__get_object(&c->rd, mc, "/mapping-collection", "provenance", 1, &prov)) <
	        0 ||
	    (rc = itsma__get_string(&c->rd, prov, "/mapping-collection/provenance", "method", 1, 1,
	                            &method)) < 0 ||
	    (rc = itsma__get_string(&c->rd, prov, "/mapping-collection/provenance",
	                            "matching-rationale", 1, 1, &rationale)) < 0 ||
	    (rc = itsma__get_string(&c->rd, prov, "/mapping-collection/provenance", "status", 1, 1,
	                            &status)) < 0 ||
	    (rc = itsma__get_string(&c->rd, prov, "/mapping-collection/provenance",
	                            "mapping-description", 0, 0, &desc)) < 0 ||
	    (rc = itsma__get_array(&c->rd, mc, "/mapping-collection", "mappings", 1, &mappings)) <
	        0)
		return rc;
	if ((k1 = parse_enum(method, methods, 3)) < 0)
		return itsma__schema(&c->rd, "/mapping-collection/provenance", "method",
		                     "expected human, automation or hybrid, found \"%s\"", method);
	if ((k2 = parse_enum(rationale, rationales, 3)) < 0)
		return itsma__schema(&c->rd, "/mapping-collection/provenance", "matching-rationale",
		                     "expected syntactic, semantic or functional, found \"%s\"",
		                     rationale);
	st = strcmp(status, "complete") == 0 ? ITSMA_MAPPING_STATUS_COMPLETE
	     : strcmp(status, "deprecated") == 0 || strcmp(status, "superseded") == 0
	         ? ITSMA_MAPPING_STATUS_DEPRECATED
	         : ITSMA_MAPPING_STATUS_DRAFT;
	if (json_object_array_length(mappings) == 0)
		return itsma__schema(&c->rd, "/mapping-collection", "mappings",
		                     "expected at least one mapping");
	if (json_object_array_length(mappings) > 1 &&
	    (rc = warn(
	         c, "/mapping-collection/mappings/1",
	         "only the first mapping is imported (itsma maps one catalogue to one other)")) !=
	        0)
		return rc;
	mp = json_object_array_get_idx(mappings, 0);
	if ((rc = itsma__expect_object(&c->rd, mp, "/mapping-collection/mappings/0", "a mapping")) <
	        0 ||
	    (rc = resource_of(c, mp, "/mapping-collection/mappings/0", "source-resource", sid,
	                      &srev)) < 0 ||
	    (rc = resource_of(c, mp, "/mapping-collection/mappings/0", "target-resource", tid,
	                      &trev)) < 0 ||
	    (rc = itsma__get_array(&c->rd, mp, "/mapping-collection/mappings/0", "maps", 1,
	                           &maps)) < 0)
		return rc;
	if (opts && opts->catalogue_id)
		snprintf(mid, sizeof mid, "%s", opts->catalogue_id);
	else {
		const char *pid = itsma_prop(md, "mapping");
		itsma__idgen g;
		itsma__idgen_init(&g);
		rc = itsma__idgen_make(&g, pid ? pid : title, strlen(pid ? pid : title), "mapping",
		                       mid, &c->e);
		itsma__idgen_fini(&g);
		if (rc < 0)
			goto fail;
	}
	/* what the export writes for a mapping without a title or description */
	if (itsma_prop(md, "no-title"))
		title = NULL;
	if (itsma_prop(prov, "no-description"))
		desc = NULL;
	if ((rc = itsma_mapping_new(&m, mid, sid, srev, tid, trev, &c->e)) < 0 ||
	    (rc = itsma_mapping_set_title(m, title, &c->e)) < 0 ||
	    (rc = itsma_mapping_set_description(m, desc, &c->e)) < 0 ||
	    (rc = itsma_mapping_set_provenance(m, (itsma_mapping_method)k1,
	                                       (itsma_mapping_rationale)k2, st, &c->e)) < 0 ||
	    /* the x- keys itsma_mapping_to_oscal() put in props */
	    (rc = ext_of(c, md, "/mapping-collection/metadata", &m->ext)) < 0 ||
	    (rc = ext_of(c, prov, "/mapping-collection/provenance", &m->provenance_ext)) < 0 ||
	    (rc = ext_of(c, member(mp, "source-resource"),
	                 "/mapping-collection/mappings/0/source-resource", &m->source_ext)) < 0 ||
	    (rc = ext_of(c, member(mp, "target-resource"),
	                 "/mapping-collection/mappings/0/target-resource", &m->target_ext)) < 0)
		goto fail;
	n = json_object_array_length(maps);
	for (i = 0; i < n; i++) {
		itsma__ptr_index(p, "/mapping-collection/mappings/0/maps", i);
		if ((rc = import_map(c, m, json_object_array_get_idx(maps, i), p)) != 0)
			goto fail;
	}
	*out = m;
	return 0;
fail:
	itsma_mapping_free(m);
	return rc;
}

int itsma_mapping_from_oscal(itsma_mapping **out, const char *buf, size_t len,
                             const char *source_name, const itsma_interop_options *opts,
                             itsma_error *err)
{
	mr c;
	json_object *root = NULL;
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
	if (opts && opts->catalogue_id && !itsma_id_is_valid(opts->catalogue_id))
		return itsma__error_set(err, ITSMA_EINVAL, "\"%s\" is not a valid mapping id",
		                        opts->catalogue_id);
	memset(&c, 0, sizeof c);
	if ((rc = itsma__reader_init(&c.rd, buf ? buf : "", len, source_name,
	                             opts ? opts->load : NULL, &c.e)) < 0) {
		if (err)
			*err = c.e;
		return rc;
	}
	c.load = opts ? opts->load : NULL;
	c.w.cb = opts ? opts->warn : NULL;
	c.w.payload = opts ? opts->payload : NULL;
	c.w.source = c.rd.source;
	rc = itsma__json_parse_document(&c.rd, &root);
	if (rc == 0)
		rc = import_collection(&c, root, opts, out);
	if (rc != 0 && rc != ITSMA_ENOMEM && c.e.line == 0 &&
	    (rc == ITSMA_ESCHEMA || c.e.pointer[0])) {
		itsma__error_source(&c.e, c.rd.source);
		itsma__json_locate_error(&c.rd);
	}
	json_object_put(root);
	itsma__reader_fini(&c.rd);
	if (rc != 0 && err)
		*err = c.e;
	return rc;
}
