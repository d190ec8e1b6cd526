/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Assessment JSON (itsma-assessment/1): a streaming loader and a deterministic saver.
 *
 * The top-level object is read member by member. The large arrays (evidence, ratings,
 * attributes) are parsed one record at a time with json-c, used and freed, so memory
 * stays close to the model's own size. A member whose dependencies are not known yet
 * (ratings before evidence, anything needing the catalogue before "catalogue") is parsed
 * whole and processed at the end.
 */
#include "internal/assessment.h"
#include "internal/json_in.h"
#include "internal/mapping.h"
#include "internal/buf.h"
#include "internal/error.h"
#include "internal/rating.h"
#include "internal/fastrec.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ASSESSMENT_FORMAT "itsma-assessment/1"

enum {
	K_FORMAT,
	K_ID,
	K_CATALOGUE,
	K_TITLE,
	K_ORGANISATION,
	K_ASSESSOR,
	K_DATE,
	K_SCOPE,
	K_EVIDENCE,
	K_RATINGS,
	K_ATTRIBUTES,
	K_TARGETS,
	K_COUNT
};
static const char *const top_keys[] = {
	"format", "id",       "catalogue", "title",      "organisation", "assessor", "date",
	"scope",  "evidence", "ratings",   "attributes", "targets",      NULL
};
static const char *const evidence_keys[] = { "id",        "title",   "kind", "uri",  "sha256",
	                                     "collected", "expires", "by",   "note", NULL };
static const char *const rating_keys[] = { "requirement", "rating",  "evidence",
	                                   "note",        "carried", NULL };
static const char *const attribute_keys[] = { "process", "attribute", "rating", "evidence",
	                                      "note",    "carried",   NULL };
static const char *const scope_keys[] = { "exclude", NULL };
static const char *const exclusion_keys[] = { "id", "reason", NULL };
static const char *const target_keys[] = { "level", "processes", NULL };

typedef struct loader {
	itsma__reader rd;
	itsma_assessment *a;
	const itsma_catalogue *cat_arg;
	int seen[K_COUNT];
	size_t at[K_COUNT];             /* offset of each member's value */
	json_object *deferred[K_COUNT]; /* parsed, waiting for their dependencies */
	int later[K_COUNT];             /* arrays checked and skipped, streamed from at[] later */
	int evidence_done;
	char *catalogue_id;
	itsma_evidence **cites; /* scratch for the fast rating path */
	size_t cites_cap;
	char *note; /* scratch: a NUL-terminated note */
	size_t note_cap;
	itsma__strmap xkeys; /* the top level's x- keys (borrowed from a->ext): duplicates */
} loader;

typedef int (*element_fn)(loader *ld, json_object *el, const char *ptr);

/* ---- records --------------------------------------------------------------------------------- */

static int convert(loader *ld, int rc, const char *ptr, const char *key)
{
	char msg[ITSMA_ERROR_MESSAGE_LENGTH];
	if (rc == ITSMA_ENOMEM)
		return rc;
	snprintf(msg, sizeof msg, "%s", ld->rd.err ? ld->rd.err->message : "invalid");
	rc = itsma__schema(&ld->rd, ptr, key, "%s", msg);
	return rc;
}

static int limit(loader *ld, size_t count, const char *ptr, const char *what)
{
	if (count < ld->rd.max_records)
		return 0;
	itsma__schema(&ld->rd, ptr, NULL, "more %s than the limit of %zu", what,
	              ld->rd.max_records);
	if (ld->rd.err)
		ld->rd.err->code = ITSMA_ELIMIT;
	return ITSMA_ELIMIT;
}

/* Index of an evidence member key in evidence_keys, or -1. */
static int evidence_key(const char *k)
{
	switch (k[0]) {
	case 'i': return strcmp(k, "id") == 0 ? 0 : -1;
	case 't': return strcmp(k, "title") == 0 ? 1 : -1;
	case 'k': return strcmp(k, "kind") == 0 ? 2 : -1;
	case 'u': return strcmp(k, "uri") == 0 ? 3 : -1;
	case 's': return strcmp(k, "sha256") == 0 ? 4 : -1;
	case 'c': return strcmp(k, "collected") == 0 ? 5 : -1;
	case 'e': return strcmp(k, "expires") == 0 ? 6 : -1;
	case 'b': return strcmp(k, "by") == 0 ? 7 : -1;
	case 'n': return strcmp(k, "note") == 0 ? 8 : -1;
	default: return -1;
	}
}

/*
 * One evidence record. Its members are gathered in one pass over the object (rather than a
 * hash lookup per key), checked in the same order and with the same messages as before,
 * and the record is added with one probe of the id index and one allocation.
 */
static int load_evidence(loader *ld, json_object *o, const char *ptr)
{
	itsma__reader *rd = &ld->rd;
	itsma__evidence_in in;
	json_object *v[9] = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
	const char *kind, *sha256 = NULL, *collected_s = NULL, *expires_s = NULL;
	long collected = 0, expires = 0;
	itsma__ext *ext = NULL;
	itsma__strmap_slot *slot;
	json_object_iter it;
	size_t hash;
	int rc, k;

	if ((rc = itsma__expect_object(rd, o, ptr, "an evidence record")) < 0)
		return rc;
	json_object_object_foreachC(o, it)
	{
		k = evidence_key(it.key);
		if (k >= 0) {
			v[k] = it.val ? it.val : o; /* o marks a JSON null */
		} else if (strncmp(it.key, "x-", 2) == 0) {
			if (itsma__ext_add_json(&ext, it.key, it.val) < 0) {
				rc = itsma__error_nomem(rd->err);
				goto out;
			}
		} else {
			/* the same report as the generic check */
			rc = itsma__check_keys(rd, o, ptr, "an evidence record", evidence_keys,
			                       NULL);
			goto out;
		}
	}
	memset(&in, 0, sizeof in);
	if ((rc = itsma__id_at(rd, o, v[0], ptr, "id", 1, &in.str[0])) < 0 ||
	    (rc = itsma__string_at(rd, o, v[1], ptr, "title", 1, 1, &in.str[1])) < 0 ||
	    (rc = itsma__string_at(rd, o, v[2], ptr, "kind", 1, 0, &kind)) < 0 ||
	    (rc = itsma__string_at(rd, o, v[3], ptr, "uri", 0, 1, &in.str[2])) < 0 ||
	    (rc = itsma__string_at(rd, o, v[4], ptr, "sha256", 0, 0, &sha256)) < 0 ||
	    (rc = itsma__date_at(rd, o, v[5], ptr, "collected", 1, &collected_s, &collected)) < 0 ||
	    (rc = itsma__date_at(rd, o, v[6], ptr, "expires", 0, &expires_s, &expires)) < 0 ||
	    (rc = itsma__string_at(rd, o, v[7], ptr, "by", 0, 0, &in.str[4])) < 0 ||
	    (rc = itsma__string_at(rd, o, v[8], ptr, "note", 0, 0, &in.str[5])) < 0)
		goto out;
	if (itsma_evidence_kind_parse(&in.kind, kind, rd->err) < 0) {
		rc = convert(ld, ITSMA_EINVAL, ptr, "kind");
		goto out;
	}
	in.str[3] = sha256;
	if (sha256 && !itsma__is_sha256(sha256)) {
		rc = itsma__schema(rd, ptr, "sha256", "expected 64 lowercase hexadecimal digits");
		goto out;
	}
	if (expires_s && expires < collected) {
		rc = itsma__schema(rd, ptr, "expires",
		                   "evidence \"%s\" expires (%s) before it was collected (%s)",
		                   in.str[0], expires_s, collected_s);
		goto out;
	}
	{
		static const int at[6] = { 0, 1, 3, 4, 7, 8 };
		for (k = 0; k < 6; k++)
			if (in.str[k])
				in.len[k] = (size_t)json_object_get_string_len(v[at[k]]);
	}
	if (itsma__strmap_reserve(&ld->a->evidence_ids, 1) < 0) {
		rc = itsma__error_nomem(rd->err);
		goto out;
	}
	hash = itsma__strhash_n(in.str[0], in.len[0]);
	slot = itsma__strmap_probe(&ld->a->evidence_ids, in.str[0], in.len[0], hash);
	if (slot->key) {
		const itsma_evidence *first = slot->value;
		rc = itsma__schema(rd, ptr, "id",
		                   "evidence id \"%s\" is used twice (first at /evidence/%zu)",
		                   in.str[0], first->index);
		goto out;
	}
	if ((rc = limit(ld, ld->a->evidence_count, ptr, "evidence records")) < 0)
		goto out;
	in.collected_s = collected_s;
	in.collected = collected;
	in.expires_s = expires_s;
	in.expires = expires;
	if ((rc = itsma__assessment_append_evidence(ld->a, &in, slot, hash, rd->err)) < 0)
		goto out;
	ld->a->evidence[ld->a->evidence_count - 1]->ext = ext;
	ext = NULL;
out:
	itsma__ext_free(ext);
	return rc;
}

/*
 * Resolve a list of cited evidence ids in one pass: each id is checked (type, identifier,
 * duplicates in short lists, as itsma__get_id_list does) and looked up once; the first
 * unknown one is reported after every id was checked, as before. *ev is malloc'd.
 */
static int check_cites(loader *ld, json_object *o, const char *ptr, itsma_evidence ***ev, size_t *n)
{
	itsma__reader *rd = &ld->rd;
	json_object *arr = NULL;
	size_t i, j, count, unknown = (size_t)-1;
	itsma_evidence **list;
	char p[ITSMA_ERROR_POINTER_LENGTH], q[ITSMA_ERROR_POINTER_LENGTH];
	int rc;

	*ev = NULL;
	*n = 0;
	if ((rc = itsma__get_array(rd, o, ptr, "evidence", 0, &arr)) < 0 || !arr)
		return rc;
	count = json_object_array_length(arr);
	if (!count)
		return 0;
	list = malloc(count * sizeof *list);
	if (!list)
		return itsma__error_nomem(rd->err);
	itsma__ptr_key(p, ptr, "evidence");
	for (i = 0; i < count; i++) {
		json_object *v = json_object_array_get_idx(arr, i);
		const char *id;
		size_t len;
		if (!v || !json_object_is_type(v, json_type_string)) {
			itsma__ptr_index(q, p, i);
			free(list);
			return itsma__schema(rd, q, NULL, "expected %s, found %s",
			                     "an identifier (a string)",
			                     v ? itsma__json_type_name(v) : "null");
		}
		id = json_object_get_string(v);
		len = (size_t)json_object_get_string_len(v);
		if (!itsma__id_valid_n(id, len)) {
			itsma__ptr_index(q, p, i);
			free(list);
			return itsma__schema(rd, q, NULL,
			                     "expected an identifier (1 to 64 of A-Z a-z 0-9 . _ : "
			                     "-), not \"%.64s\"",
			                     id);
		}
		if (count <= 64) {
			for (j = 0; j < i; j++)
				if (strcmp(
				        json_object_get_string(json_object_array_get_idx(arr, j)),
				        id) == 0) {
					itsma__ptr_index(q, p, i);
					free(list);
					return itsma__schema(rd, q, NULL,
					                     "\"%s\" is cited more than once", id);
				}
		}
		list[i] = itsma__strmap_get_n(&ld->a->evidence_ids, id, len);
		if (!list[i] && unknown == (size_t)-1)
			unknown = i;
	}
	if (unknown != (size_t)-1) {
		itsma__ptr_index(q, p, unknown);
		rc = itsma__schema(rd, q, NULL, "cites evidence \"%s\", which is not in /evidence",
		                   json_object_get_string(json_object_array_get_idx(arr, unknown)));
		free(list);
		return rc;
	}
	*ev = list;
	*n = count;
	return 0;
}

/* The requirement a rating names, not rated yet (a rating's "requirement" member). */
static int rated_requirement(loader *ld, const char *ptr, const char *id, itsma__subject *s)
{
	const itsma__cited *first;

	s->requirement = itsma_catalogue_find_requirement(ld->a->cat, id);
	if (!s->requirement)
		return itsma__schema(&ld->rd, ptr, "requirement",
		                     "catalogue \"%s\" has no requirement \"%s\"", ld->a->cat->id,
		                     id);
	if ((first = itsma__assessment_cited(ld->a, s)) != NULL)
		return itsma__schema(&ld->rd, ptr, "requirement",
		                     "requirement \"%s\" is rated twice (first at /ratings/%zu)",
		                     id, first->index);
	return 0;
}

/* The process attribute an attribute rating names, not rated yet ("process", "attribute"). */
static int rated_attribute(loader *ld, const char *ptr, const char *id, const char *attr,
                           itsma__subject *s)
{
	const itsma__cited *first;

	s->process = itsma_catalogue_find_section(ld->a->cat, id);
	if (!s->process || s->process->kind != ITSMA_SECTION_KIND_PROCESS)
		return itsma__schema(&ld->rd, ptr, "process",
		                     s->process ? "section \"%s\" is not a process"
		                                : "catalogue has no process \"%s\"",
		                     id);
	if (itsma__attribute_parse_rated(&s->attribute, attr, ld->rd.err) < 0)
		return convert(ld, ITSMA_EINVAL, ptr, "attribute");
	if ((first = itsma__assessment_cited(ld->a, s)) != NULL)
		return itsma__schema(
		    &ld->rd, ptr, "attribute",
		    "%s of process \"%s\" is rated twice (first at /attributes/%zu)", attr, id,
		    first->index);
	return 0;
}

/*
 * A rating ("ratings") or, when attr, an attribute rating ("attributes"): one reader for
 * both, which differ only in the members naming what is rated.
 */
static int load_cited(loader *ld, json_object *o, const char *ptr, int attr)
{
	itsma__reader *rd = &ld->rd;
	const char *what = attr ? "an attribute rating" : "a rating";
	const char *id, *attr_name = NULL, *note;
	itsma__subject s = { NULL, NULL, ITSMA_PA1_1 };
	itsma_letter letter;
	double value;
	itsma_evidence **ids = NULL;
	size_t n = 0;
	itsma__cited *c;
	itsma__ext *ext = NULL;
	itsma__carried *carried = NULL;
	int rc;

	if ((rc = itsma__expect_object(rd, o, ptr, what)) < 0 ||
	    (rc = itsma__check_keys(rd, o, ptr, what, attr ? attribute_keys : rating_keys, &ext)) <
	        0 ||
	    (rc = itsma__get_id(rd, o, ptr, attr ? "process" : "requirement", 1, &id)) < 0 ||
	    (attr && (rc = itsma__get_string(rd, o, ptr, "attribute", 1, 0, &attr_name)) < 0) ||
	    (rc = itsma__get_rating(rd, o, ptr, "rating", &letter, &value)) < 0 ||
	    (rc = itsma__get_string(rd, o, ptr, "note", 0, 0, &note)) < 0 ||
	    (rc = itsma__load_carried(rd, o, ptr, &carried)) < 0)
		goto out;
	if ((rc = attr ? rated_attribute(ld, ptr, id, attr_name, &s)
	               : rated_requirement(ld, ptr, id, &s)) < 0 ||
	    (rc = check_cites(ld, o, ptr, &ids, &n)) < 0 ||
	    (rc = limit(ld, attr ? ld->a->attribute_count : ld->a->rating_count, ptr,
	                attr ? "attribute ratings" : "ratings")) < 0)
		goto out;
	if ((rc = itsma__assessment_put_cited(ld->a, &s, letter, value, ids, n, note, &c,
	                                      rd->err)) < 0) {
		rc = convert(ld, rc, ptr, "evidence");
		goto out;
	}
	c->ext = ext;
	c->carried = carried;
	ext = NULL;
	carried = NULL;
out:
	free(ids);
	itsma__carried_free(carried);
	itsma__ext_free(ext);
	return rc;
}

static int load_rating(loader *ld, json_object *o, const char *ptr)
{
	return load_cited(ld, o, ptr, 0);
}

static int load_attribute(loader *ld, json_object *o, const char *ptr)
{
	return load_cited(ld, o, ptr, 1);
}

static int load_exclusion(loader *ld, json_object *o, const char *ptr)
{
	itsma__reader *rd = &ld->rd;
	const char *id, *reason;
	itsma__ext *ext = NULL;
	int rc;

	if ((rc = itsma__expect_object(rd, o, ptr, "an exclusion")) < 0 ||
	    (rc = itsma__check_keys(rd, o, ptr, "an exclusion", exclusion_keys, &ext)) < 0 ||
	    (rc = itsma__get_id(rd, o, ptr, "id", 1, &id)) < 0 ||
	    (rc = itsma__get_string(rd, o, ptr, "reason", 1, 1, &reason)) < 0)
		goto out;
	if (ld->a->cat->exclusions == ITSMA_EXCLUSIONS_FORBIDDEN) {
		rc = itsma__schema(rd, ptr, NULL,
		                   "catalogue \"%s\" forbids exclusions: every requirement is in "
		                   "scope, so \"%s\" cannot be excluded",
		                   ld->a->cat->id, id);
		goto out;
	}
	if (itsma_assessment_find_exclusion(ld->a, id)) {
		rc = itsma__schema(rd, ptr, "id", "\"%s\" is excluded twice", id);
		goto out;
	}
	if ((rc = itsma_assessment_put_exclusion(ld->a, id, reason, rd->err)) < 0) {
		rc = convert(ld, rc, ptr, rc == ITSMA_ENOTFOUND ? "id" : NULL);
		goto out;
	}
	ld->a->exclusions[ld->a->exclusion_count - 1]->ext = ext;
	ext = NULL;
out:
	itsma__ext_free(ext);
	return rc;
}

static int get_level(loader *ld, json_object *v, const char *ptr, const char *key, int *out)
{
	int64_t n;
	if (!v || !json_object_is_type(v, json_type_int))
		return itsma__schema(
		    &ld->rd, ptr, key,
		    "expected a capability level: an integer from 0 to 5, found %s",
		    v ? itsma__json_type_name(v) : "null");
	n = json_object_get_int64(v);
	if (n < 0 || n > 5)
		return itsma__schema(&ld->rd, ptr, key,
		                     "expected a capability level from 0 to 5, not %lld",
		                     (long long)n);
	*out = (int)n;
	return 0;
}

/* ---- the fast path for plain records (see internal/fastrec.h) ------------------------------ */

static const char *const fast_evidence_keys[] = { "id",        "title",   "kind", "uri",  "sha256",
	                                          "collected", "expires", "by",   "note", NULL };
static const char *const fast_rating_keys[] = { "requirement", "rating", "evidence", "note", NULL };

/* A date span "YYYY-MM-DD" into buf (11 bytes) and its day number; 0 if not a real date. */
static int span_date(const itsma__span *sp, char *buf, long *day)
{
	if (sp->n != 10)
		return 0;
	memcpy(buf, sp->p, 10);
	buf[10] = '\0';
	return itsma_date_parse(day, buf, NULL) == 0;
}

/*
 * An evidence record of plain strings that passes every rule, added directly: 1. Anything
 * else: 0, and the general path reads the record (and words any error). <0: no memory.
 */
static int fast_evidence(loader *ld, size_t pos, size_t *end)
{
	itsma__reader *rd = &ld->rd;
	itsma__span v[9];
	itsma__evidence_in in;
	itsma__strmap_slot *slot;
	char col[11], exp[11];
	size_t hash = 0, i;
	int k;

	if (!itsma__fast_object(rd->buf, rd->len, pos, fast_evidence_keys, 0, rd->max_string, v,
	                        end))
		return 0;
	if (v[0].p) { /* ask for the id's slot now; the checks below run meanwhile */
		hash = itsma__strhash_n(v[0].p, v[0].n);
		itsma__strmap_prefetch(&ld->a->evidence_ids, hash);
	}
	memset(&in, 0, sizeof in);
	if (!v[0].p || !v[1].p || !v[2].p || !v[5].p || !itsma__id_valid_n(v[0].p, v[0].n) ||
	    !v[1].n || (v[3].p && !v[3].n) || !span_date(&v[5], col, &in.collected))
		return 0;
	for (k = 0; k <= (int)ITSMA_EVIDENCE_KIND_OTHER; k++)
		if (itsma__span_is(&v[2], itsma_evidence_kind_name((itsma_evidence_kind)k)))
			break;
	if (k > (int)ITSMA_EVIDENCE_KIND_OTHER)
		return 0;
	in.kind = (itsma_evidence_kind)k;
	if (v[4].p) {
		if (v[4].n != 64)
			return 0;
		for (i = 0; i < 64; i++)
			if (!((v[4].p[i] >= '0' && v[4].p[i] <= '9') ||
			      (v[4].p[i] >= 'a' && v[4].p[i] <= 'f')))
				return 0;
	}
	if (v[6].p && (!span_date(&v[6], exp, &in.expires) || in.expires < in.collected))
		return 0;
	if (ld->a->evidence_count >= rd->max_records)
		return 0;
	if (itsma__strmap_reserve(&ld->a->evidence_ids, 1) < 0)
		return itsma__error_nomem(rd->err);
	slot = itsma__strmap_probe(&ld->a->evidence_ids, v[0].p, v[0].n, hash);
	if (slot->key)
		return 0; /* a duplicate id: the general path reports it */
	{
		static const int at[6] = {
			0, 1, 3, 4, 7, 8
		}; /* id, title, uri, sha256, by, note */
		for (k = 0; k < 6; k++) {
			in.str[k] = v[at[k]].p;
			in.len[k] = v[at[k]].n;
		}
	}
	in.collected_s = col;
	in.expires_s = v[6].p ? exp : NULL;
	if (itsma__assessment_append_evidence(ld->a, &in, slot, hash, rd->err) < 0)
		return ITSMA_ENOMEM;
	return 1;
}

/* A rating of plain strings that passes every rule, added directly: as fast_evidence. */
static int fast_rating(loader *ld, size_t pos, size_t *end)
{
	itsma__reader *rd = &ld->rd;
	itsma__span v[4], id;
	const itsma_requirement *req;
	itsma__subject subject = { NULL, NULL, ITSMA_PA1_1 };
	itsma_letter letter = ITSMA_LETTER_NONE;
	itsma_error e = ITSMA_ERROR_INIT;
	size_t n = 0, at = 0;
	int k, rc, more;

	if (!itsma__fast_object(rd->buf, rd->len, pos, fast_rating_keys, 1u << 2, rd->max_string, v,
	                        end))
		return 0;
	if (!v[0].p || !v[1].p)
		return 0;
	req = itsma__strmap_get_n(&ld->a->cat->requirement_ids, v[0].p, v[0].n);
	if (!req || ld->a->rating_by_req[req->index] || ld->a->rating_count >= rd->max_records)
		return 0;
	for (k = ITSMA_LETTER_N; k <= ITSMA_LETTER_F; k++)
		if (itsma__span_is(&v[1], itsma_letter_name((itsma_letter)k)))
			letter = (itsma_letter)k;
	if (letter == ITSMA_LETTER_NONE)
		return 0;
	/* the cited ids sixteen at a time, looked up together (their cache misses overlap) */
	for (more = v[2].p != NULL; more;) {
		const char *ids[16];
		void *found[16];
		size_t lens[16], got = 0, j;
		while (got < 16 && (more = itsma__fast_next(&v[2], &at, &id)) != 0) {
			ids[got] = id.p;
			lens[got++] = id.n;
		}
		if (n + got > rd->max_records)
			return 0;
		if (n + got > ld->cites_cap && itsma__grow((void **)&ld->cites, &ld->cites_cap,
		                                           n + got, sizeof *ld->cites) < 0)
			return itsma__error_nomem(rd->err);
		itsma__strmap_get_n_batch(&ld->a->evidence_ids, ids, lens, got, found);
		for (j = 0; j < got; j++)
			if ((ld->cites[n + j] = found[j]) == NULL)
				return 0;
		n += got;
	}
	if (v[3].p) {
		if (itsma__grow((void **)&ld->note, &ld->note_cap, v[3].n + 1, 1) < 0)
			return itsma__error_nomem(rd->err);
		memcpy(ld->note, v[3].p, v[3].n);
		ld->note[v[3].n] = '\0';
	}
	subject.requirement = req;
	rc = itsma__assessment_put_cited(ld->a, &subject, letter, itsma_letter_achievement(letter),
	                                 ld->cites, n, v[3].p ? ld->note : NULL, NULL, &e);
	if (rc == ITSMA_ENOMEM)
		return itsma__error_nomem(rd->err);
	return rc < 0 ? 0 : 1; /* e.g. evidence cited twice: the general path words it */
}

/* ---- members --------------------------------------------------------------------------------- */

static int for_each(loader *ld, json_object *arr, const char *key, element_fn fn)
{
	size_t i, n = json_object_array_length(arr);
	char p[ITSMA_ERROR_POINTER_LENGTH];
	int rc;
	for (i = 0; i < n; i++) {
		itsma__ptr_key(p, "", key);
		itsma__ptr_index(p, p, i);
		rc = fn(ld, json_object_array_get_idx(arr, i), p);
		if ((rc = itsma__reader_problem(&ld->rd, rc)) < 0)
			return rc;
	}
	return 0;
}

/* Stream the array at pos element by element; *end is set after it. */
static int stream_array(loader *ld, size_t pos, const char *key, element_fn fn, size_t *end)
{
	itsma__reader *rd = &ld->rd;
	char p[ITSMA_ERROR_POINTER_LENGTH];
	size_t i = 0;
	int rc;

	pos = itsma__json_ws(rd, pos);
	if (pos >= rd->len || rd->buf[pos] != '[') {
		json_object *v = NULL;
		/* not an array: parse it to report its type (or its syntax error) */
		if ((rc = itsma__json_parse(rd, pos, 1, "", &v, end)) < 0)
			return rc;
		itsma__ptr_key(p, "", key);
		rc = itsma__schema(rd, p, NULL, "expected an array, found %s",
		                   itsma__json_type_name(v));
		json_object_put(v);
		return rc;
	}
	pos = itsma__json_ws(rd, pos + 1);
	if (pos < rd->len && rd->buf[pos] == ']') {
		*end = pos + 1;
		return 0;
	}
	for (;;) {
		json_object *el = NULL;
		/* plain records skip json-c (nesting: document, array, record, cited ids) */
		if (rd->max_depth >= 4 && !rd->collect && !rd->no_fast) {
			size_t fend;
			rc = fn == load_evidence ? fast_evidence(ld, pos, &fend)
			     : fn == load_rating ? fast_rating(ld, pos, &fend)
			                         : 0;
			if (rc < 0)
				return rc;
			if (rc == 1) {
				pos = fend;
				goto next;
			}
		}
		itsma__ptr_key(p, "", key);
		itsma__ptr_index(p, p, i);
		if ((rc = itsma__json_parse(rd, pos, 2, p, &el, &pos)) < 0)
			return rc;
		rc = fn(ld, el, p);
		json_object_put(el);
		if ((rc = itsma__reader_problem(rd, rc)) < 0)
			return rc;
	next:
		i++;
		if (rd->input)
			itsma__input_release(rd->input, pos);
		pos = itsma__json_ws(rd, pos);
		if (pos >= rd->len)
			return itsma__json_syntax(
			    rd, pos, "unexpected end of input inside the \"%s\" array", key);
		if (rd->buf[pos] == ']') {
			*end = pos + 1;
			return 0;
		}
		if (rd->buf[pos] != ',')
			return itsma__json_syntax(
			    rd, pos, "expected ',' or ']' after an element of \"%s\"", key);
		pos++;
	}
}

static int resolve_catalogue(loader *ld)
{
	itsma__reader *rd = &ld->rd;
	const itsma_catalogue *cat = ld->cat_arg;
	int rc;

	if (!cat && rd->resolve) {
		/* the caller's resolver first (catalogue files it was given), then the built-ins */
		const itsma_catalogue *found = NULL;
		rc = rd->resolve(&found, ld->catalogue_id, rd->resolve_payload);
		if (rc < 0 && rc != ITSMA_ENOTFOUND)
			return rc == ITSMA_ENOMEM
			           ? itsma__error_nomem(rd->err)
			           : itsma__schema(
			                 rd, "", "catalogue",
			                 "the catalogue resolver failed for \"%s\" (error %d: %s)",
			                 ld->catalogue_id, rc, itsma_strerror(rc));
		if (rc == 0 && found)
			cat = found;
	}
	if (cat) {
		if (strcmp(cat->id, ld->catalogue_id) != 0)
			return itsma__schema(
			    rd, "", "catalogue",
			    "the assessment is of catalogue \"%s\", but catalogue \"%s\" was given",
			    ld->catalogue_id, cat->id);
	} else {
		itsma_catalogue *own = NULL;
		itsma_error e = ITSMA_ERROR_INIT;
		rc = itsma_catalogue_builtin(&own, ld->catalogue_id, &e);
		if (rc == ITSMA_ENOTFOUND) {
			itsma__schema(rd, "", "catalogue",
			              "\"%s\" is not a built-in catalogue: give the catalogue to "
			              "load it against",
			              ld->catalogue_id);
			if (rd->err)
				rd->err->code = ITSMA_ENOTFOUND;
			return ITSMA_ENOTFOUND;
		}
		if (rc < 0)
			return rc == ITSMA_ENOMEM ? itsma__error_nomem(rd->err)
			                          : itsma__error_set(rd->err, rc, "%s", e.message);
		ld->a->owned_cat = own;
		cat = own;
	}
	return itsma__assessment_attach(ld->a, cat, rd->err);
}

static int process_scope(loader *ld, json_object *v)
{
	json_object *ex = NULL;
	int rc;
	if ((rc = itsma__expect_object(&ld->rd, v, "/scope", "the scope")) < 0 ||
	    (rc = itsma__check_keys(&ld->rd, v, "/scope", "the scope", scope_keys,
	                            &ld->a->scope_ext)) < 0 ||
	    (rc = itsma__get_array(&ld->rd, v, "/scope", "exclude", 0, &ex)) < 0)
		return rc;
	ld->a->has_scope = 1;
	if (!ex)
		return 0;
	{
		size_t i, n = json_object_array_length(ex);
		char p[ITSMA_ERROR_POINTER_LENGTH];
		for (i = 0; i < n; i++) {
			itsma__ptr_index(p, "/scope/exclude", i);
			rc = load_exclusion(ld, json_object_array_get_idx(ex, i), p);
			if ((rc = itsma__reader_problem(&ld->rd, rc)) < 0)
				return rc;
		}
	}
	return 0;
}

static int process_targets(loader *ld, json_object *v)
{
	json_object *lv, *procs = NULL;
	int rc, level = 0;
	if ((rc = itsma__expect_object(&ld->rd, v, "/targets", "the targets")) < 0 ||
	    (rc = itsma__check_keys(&ld->rd, v, "/targets", "the targets", target_keys,
	                            &ld->a->targets_ext)) < 0 ||
	    (rc = itsma__get_object(&ld->rd, v, "/targets", "processes", 0, &procs)) < 0)
		return rc;
	ld->a->has_targets = 1;
	if (json_object_object_get_ex(v, "level", &lv)) {
		if ((rc = get_level(ld, lv, "/targets", "level", &level)) < 0)
			return rc;
		ld->a->target = level;
	}
	if (procs) {
		json_object_iter it;
		json_object_object_foreachC(procs, it)
		{
			const itsma_section *p = itsma_catalogue_find_section(ld->a->cat, it.key);
			if (!p || p->kind != ITSMA_SECTION_KIND_PROCESS) {
				rc = itsma__schema(&ld->rd, "/targets/processes", it.key,
				                   p ? "section \"%s\" is not a process"
				                     : "catalogue has no process \"%s\"",
				                   it.key);
				if ((rc = itsma__reader_problem(&ld->rd, rc)) < 0)
					return rc;
				continue;
			}
			if ((rc = get_level(ld, it.val, "/targets/processes", it.key, &level)) <
			    0) {
				if ((rc = itsma__reader_problem(&ld->rd, rc)) < 0)
					return rc;
				continue;
			}
			ld->a->target_by_sec[p->index] = (signed char)level;
		}
	}
	return 0;
}

static int scalar(loader *ld, int k, json_object *v)
{
	itsma__reader *rd = &ld->rd;
	const char *key = top_keys[k];
	const char *s;
	char *copy;
	int rc;

	if (!v || !json_object_is_type(v, json_type_string))
		return itsma__schema(rd, "", key, "expected a string, found %s",
		                     v ? itsma__json_type_name(v) : "null");
	s = json_object_get_string(v);
	switch (k) {
	case K_FORMAT:
		if (strcmp(s, ASSESSMENT_FORMAT) != 0)
			return itsma__schema(
			    rd, "", key, "expected format \"" ASSESSMENT_FORMAT "\", not \"%.60s\"",
			    s);
		return 0;
	case K_DATE:
		if (itsma_date_parse(&ld->a->day, s, rd->err) < 0)
			return convert(ld, ITSMA_EINVAL, "", key);
		memcpy(ld->a->date_s, s, 11);
		return 0;
	case K_ID:
	case K_CATALOGUE:
		if (!itsma_id_is_valid(s))
			return itsma__schema(rd, "", key,
			                     "expected an identifier (1 to 64 of A-Z a-z 0-9 . _ : "
			                     "-), not \"%.64s\"",
			                     s);
		break;
	default: break;
	}
	copy = strdup(s);
	if (!copy)
		return itsma__error_nomem(rd->err);
	switch (k) {
	case K_ID: ld->a->id = copy; break;
	case K_CATALOGUE:
		ld->catalogue_id = copy;
		if ((rc = resolve_catalogue(ld)) < 0)
			return rc;
		break;
	case K_TITLE: ld->a->title = copy; break;
	case K_ORGANISATION: ld->a->organisation = copy; break;
	default: ld->a->assessor = copy; break;
	}
	return 0;
}

static int process_tree(loader *ld, int k, json_object *v)
{
	char p[ITSMA_ERROR_POINTER_LENGTH];
	itsma__ptr_key(p, "", top_keys[k]);
	switch (k) {
	case K_SCOPE: return process_scope(ld, v);
	case K_TARGETS: return process_targets(ld, v);
	case K_EVIDENCE:
	case K_RATINGS:
	case K_ATTRIBUTES:
		if (!json_object_is_type(v, json_type_array))
			return itsma__schema(&ld->rd, p, NULL, "expected an array, found %s",
			                     itsma__json_type_name(v));
		return for_each(ld, v, top_keys[k],
		                k == K_EVIDENCE  ? load_evidence
		                : k == K_RATINGS ? load_rating
		                                 : load_attribute);
	default: return scalar(ld, k, v);
	}
}

static int ready(const loader *ld, int k)
{
	switch (k) {
	case K_SCOPE:
	case K_TARGETS: return ld->a->cat != NULL;
	case K_RATINGS:
	case K_ATTRIBUTES: return ld->a->cat != NULL && ld->evidence_done;
	default: return 1;
	}
}

/* A top-level key met twice (the value at pos). */
static int duplicate_top(loader *ld, const char *key, const char *ptr, size_t pos)
{
	itsma__reader *rd = &ld->rd;
	itsma__error_set(rd->err, ITSMA_EPARSE, "duplicate key \"%s\" in an object", key);
	itsma__error_source(rd->err, rd->source);
	itsma__error_pointer(rd->err, "%s", ptr);
	itsma__error_position(rd->err, rd->buf, rd->len, pos);
	return ITSMA_EPARSE;
}

static int member(loader *ld, const char *key, size_t pos, size_t *end)
{
	itsma__reader *rd = &ld->rd;
	json_object *v = NULL;
	char p[ITSMA_ERROR_POINTER_LENGTH];
	int k, rc;

	*end = (size_t)-1;
	for (k = 0; k < K_COUNT; k++)
		if (strcmp(key, top_keys[k]) == 0)
			break;
	itsma__ptr_key(p, "", key);
	if (k == K_COUNT) {
		if (strncmp(key, "x-", 2) != 0) {
			char list[200] = "";
			int i;
			/* check the value first so that validation can go on after it */
			if ((rc = itsma__json_skip(rd, pos, 1, p, end)) < 0)
				return rc;
			for (i = 0; i < K_COUNT; i++) {
				if (i)
					strcat(list, ", ");
				strcat(list, top_keys[i]);
			}
			return itsma__schema(rd, "", key,
			                     "unknown key \"%.60s\" in an assessment (expected %s, "
			                     "or an x- extension)",
			                     key, list);
		}
		/* an extension: keep its text (once: json-c cannot see duplicates across members)
		 */
		if (itsma__strmap_get(&ld->xkeys, key))
			return duplicate_top(ld, key, p, pos);
		if ((rc = itsma__json_skip(rd, pos, 1, p, end)) < 0)
			return rc;
		pos = itsma__json_ws(rd, pos);
		if (itsma__ext_add(&ld->a->ext, key, rd->buf + pos, *end - pos) < 0 ||
		    itsma__strmap_put(&ld->xkeys, ld->a->ext->keys[ld->a->ext->count - 1],
		                      ld->a->ext) < 0)
			return itsma__error_nomem(rd->err);
		return 0;
	}
	if (ld->seen[k])
		return duplicate_top(ld, key, p,
		                     pos); /* json-c cannot see duplicates across members */
	ld->seen[k] = 1;
	ld->at[k] = pos;
	if (ready(ld, k) && (k == K_EVIDENCE || k == K_RATINGS || k == K_ATTRIBUTES)) {
		rc = stream_array(ld, pos, key,
		                  k == K_EVIDENCE  ? load_evidence
		                  : k == K_RATINGS ? load_rating
		                                   : load_attribute,
		                  end);
		if (k == K_EVIDENCE && rc == 0)
			ld->evidence_done = 1;
		return rc;
	}
	if (!ready(ld, k) && (k == K_RATINGS || k == K_ATTRIBUTES)) {
		/* read later from the text: no tree waits in memory */
		if ((rc = itsma__json_skip(rd, pos, 1, p, end)) < 0)
			return rc;
		ld->later[k] = 1;
		return 0;
	}
	if ((rc = itsma__json_parse(rd, pos, 1, p, &v, end)) < 0)
		return rc;
	if (!ready(ld, k)) {
		ld->deferred[k] = v;
		return 0;
	}
	rc = process_tree(ld, k, v);
	json_object_put(v);
	return rc;
}

static int load_top(loader *ld)
{
	itsma__reader *rd = &ld->rd;
	size_t pos = itsma__json_ws(rd, 0), end;
	int rc, k;
	static const int order[] = { K_SCOPE, K_EVIDENCE, K_RATINGS, K_ATTRIBUTES, K_TARGETS };

	if (pos >= rd->len)
		return itsma__json_syntax(rd, pos,
		                          "the document is empty: expected an assessment object");
	if (rd->buf[pos] != '{') {
		json_object *v = NULL;
		if ((rc = itsma__json_parse(rd, pos, 0, "", &v, &end)) < 0)
			return rc;
		rc = itsma__schema(rd, "", NULL, "expected an assessment (an object), found %s",
		                   itsma__json_type_name(v));
		json_object_put(v);
		return rc;
	}
	pos = itsma__json_ws(rd, pos + 1);
	if (pos < rd->len && rd->buf[pos] == '}') {
		pos++;
	} else {
		for (;;) {
			char *key = NULL;
			if (pos >= rd->len)
				return itsma__json_syntax(
				    rd, pos, "unexpected end of input: expected a key");
			if (rd->buf[pos] != '"')
				return itsma__json_syntax(
				    rd, pos, "expected a key (a string in double quotes)");
			if ((rc = itsma__json_parse_string(rd, pos, &key, &pos)) < 0)
				return rc;
			pos = itsma__json_ws(rd, pos);
			if (pos >= rd->len || rd->buf[pos] != ':') {
				free(key);
				return itsma__json_syntax(rd, pos, "expected ':' after a key");
			}
			{
				size_t vend;
				rc = member(ld, key, pos + 1, &vend);
				free(key);
				if (rc < 0 && vend != (size_t)-1)
					rc = itsma__reader_problem(rd, rc);
				if (rc < 0)
					return rc;
				pos = vend;
			}
			pos = itsma__json_ws(rd, pos);
			if (pos >= rd->len)
				return itsma__json_syntax(
				    rd, pos, "unexpected end of input: expected ',' or '}'");
			if (rd->buf[pos] == '}') {
				pos++;
				break;
			}
			if (rd->buf[pos] != ',')
				return itsma__json_syntax(rd, pos,
				                          "expected ',' or '}' after a member");
			pos = itsma__json_ws(rd, pos + 1);
		}
	}
	pos = itsma__json_ws(rd, pos);
	if (pos < rd->len)
		return itsma__json_syntax(rd, pos, "unexpected text after the end of the document");
	/* required members */
	{
		static const int required[] = { K_FORMAT, K_ID, K_CATALOGUE, K_DATE };
		size_t i;
		for (i = 0; i < sizeof required / sizeof *required; i++) {
			if (ld->seen[required[i]])
				continue;
			rc = itsma__schema(rd, "", NULL, "missing required key \"%s\"",
			                   top_keys[required[i]]);
			if ((rc = itsma__reader_problem(rd, rc)) < 0)
				return rc;
		}
	}
	ld->evidence_done = 1;
	for (k = 0; k < (int)(sizeof order / sizeof *order); k++) {
		json_object *v = ld->deferred[order[k]];
		if (ld->later[order[k]] && ld->a->cat) {
			ld->later[order[k]] = 0;
			rc = stream_array(ld, ld->at[order[k]], top_keys[order[k]],
			                  order[k] == K_RATINGS ? load_rating : load_attribute,
			                  &end);
			if (rc < 0)
				return rc;
			continue;
		}
		if (!v || !ld->a->cat)
			continue;
		ld->deferred[order[k]] = NULL;
		rc = process_tree(ld, order[k], v);
		json_object_put(v);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int itsma__assessment_load_reader(itsma__reader *rd, const itsma_catalogue *cat,
                                  itsma_assessment **out)
{
	loader ld;
	int rc, k;
	itsma_error *err = rd->err;

	*out = NULL;
	memset(&ld, 0, sizeof ld);
	ld.rd = *rd;
	if (rd->len > rd->max_bytes) {
		itsma__error_set(err, ITSMA_ELIMIT, "input is %zu bytes, over the limit of %zu",
		                 rd->len, rd->max_bytes);
		itsma__error_source(err, rd->source);
		return ITSMA_ELIMIT;
	}
	ld.cat_arg = cat;
	ld.a = itsma__assessment_alloc();
	if (!ld.a)
		return itsma__error_nomem(err);
	ld.a->max_records = ld.rd.max_records;
	rc = load_top(&ld);
	if (rc == 0 && ld.rd.problems) {
		rc = ld.rd.first.code;
		if (err)
			*err = ld.rd.first;
	}
	for (k = 0; k < K_COUNT; k++)
		json_object_put(ld.deferred[k]);
	free(ld.catalogue_id);
	itsma__strmap_free(&ld.xkeys);
	free(ld.cites);
	free(ld.note);
	if (rc == 0) {
		ld.a->origin = strdup(ld.rd.source);
		if (!ld.a->origin)
			rc = itsma__error_nomem(err);
	}
	if (rc < 0) {
		if (rc != ITSMA_ENOMEM && err && err->line == 0) {
			itsma__error_source(err, ld.rd.source);
			itsma__json_locate_error(&ld.rd);
		}
		itsma_assessment_free(ld.a);
	} else {
		*out = ld.a;
	}
	*rd = ld.rd;
	return rc;
}

static int read_assessment(itsma__reader *rd, void *ctx, void **obj)
{
	itsma_assessment *a = NULL;
	int rc = itsma__assessment_load_reader(rd, ctx, &a);
	*obj = a;
	return rc;
}

int itsma_assessment_load_buffer(itsma_assessment **out, const char *buf, size_t len,
                                 const char *source_name, const itsma_catalogue *cat,
                                 const itsma_load_options *opts, itsma_error *err)
{
	void *a = NULL;
	int rc;
	itsma__error_reset(err);
	rc = itsma__load_buffer(read_assessment, (void *)(uintptr_t)cat, out ? &a : NULL, buf, len,
	                        source_name, opts, err);
	if (out)
		*out = a;
	return rc;
}

int itsma_assessment_load_file(itsma_assessment **out, const char *path, const itsma_catalogue *cat,
                               const itsma_load_options *opts, itsma_error *err)
{
	itsma__input in;
	int rc;
	itsma__reader rd;

	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "out must not be NULL");
	*out = NULL;
	if ((rc = itsma__reader_init(&rd, "", 0, path, opts, err)) < 0)
		return rc;
	if ((rc = itsma__input_open(&in, path, rd.max_bytes, err)) < 0) {
		if (rc == ITSMA_ENOMEM)
			itsma__error_source(err, path);
		return rc;
	}
	rd.buf = in.data ? in.data : "";
	rd.len = in.len;
	rd.input = &in;
	rc = itsma__assessment_load_reader(&rd, cat, out);
	itsma__reader_fini(&rd);
	itsma__input_close(&in);
	if (rc == ITSMA_ENOMEM)
		itsma__error_source(err, path);
	return rc;
}

/* ---- saving ---------------------------------------------------------------------------------- */

static void write_rating_value(itsma__jw *w, itsma_letter letter, double value)
{
	if (letter != ITSMA_LETTER_NONE)
		itsma__jw_string(w, "rating", itsma_letter_name(letter));
	else
		itsma__jw_number(w, "rating", value);
}

static void write_cites(itsma__jw *w, itsma_evidence *const *ev, size_t n)
{
	size_t i;
	if (!n)
		return;
	itsma__jw_begin_array(w, "evidence");
	for (i = 0; i < n; i++)
		itsma__jw_string(w, NULL, ev[i]->id);
	itsma__jw_end_array(w);
}

/* What a rating and an attribute rating write alike, after the members naming what is rated. */
static void write_cited(itsma__jw *w, const itsma__cited *c)
{
	write_rating_value(w, c->letter, c->value);
	write_cites(w, c->evidence, c->evidence_count);
	if (c->note)
		itsma__jw_string(w, "note", c->note);
	itsma__write_carried(w, c->carried);
	itsma__write_ext(w, c->ext);
}

int itsma_assessment_to_json(char **out, const itsma_assessment *a, itsma_error *err)
{
	itsma__buf b = ITSMA__BUF_INIT;
	itsma__jw w;
	size_t i;
	const itsma_catalogue *c;

	itsma__error_reset(err);
	if (itsma__write_begin(&w, &b, out, a, "assessment", ASSESSMENT_FORMAT, a ? a->id : NULL,
	                       err) < 0)
		return ITSMA_EINVAL;
	c = a->cat;
	itsma__jw_string(&w, "catalogue", c->id);
	if (a->title)
		itsma__jw_string(&w, "title", a->title);
	if (a->organisation)
		itsma__jw_string(&w, "organisation", a->organisation);
	if (a->assessor)
		itsma__jw_string(&w, "assessor", a->assessor);
	itsma__jw_string(&w, "date", a->date_s);
	if (a->has_scope || a->exclusion_count || a->scope_ext) {
		itsma__jw_begin_object(&w, "scope");
		if (a->exclusion_count) {
			itsma__jw_begin_array(&w, "exclude");
			for (i = 0; i < a->exclusion_count; i++) {
				const itsma_exclusion *x = a->exclusions[i];
				itsma__jw_begin_object(&w, NULL);
				itsma__jw_string(&w, "id", x->id);
				itsma__jw_string(&w, "reason", x->reason);
				itsma__write_ext(&w, x->ext);
				itsma__jw_end_object(&w);
			}
			itsma__jw_end_array(&w);
		}
		itsma__write_ext(&w, a->scope_ext);
		itsma__jw_end_object(&w);
	}
	itsma__jw_begin_array(&w, "evidence");
	for (i = 0; i < a->evidence_count; i++) {
		const itsma_evidence *e = a->evidence[i];
		itsma__jw_begin_object(&w, NULL);
		itsma__jw_string(&w, "id", e->id);
		itsma__jw_string(&w, "title", e->title);
		itsma__jw_string(&w, "kind", itsma_evidence_kind_name(e->kind));
		if (e->uri)
			itsma__jw_string(&w, "uri", e->uri);
		if (e->sha256)
			itsma__jw_string(&w, "sha256", e->sha256);
		itsma__jw_string(&w, "collected", e->collected_s);
		if (itsma__has_expiry(e))
			itsma__jw_string(&w, "expires", e->expires_s);
		if (e->by)
			itsma__jw_string(&w, "by", e->by);
		if (e->note)
			itsma__jw_string(&w, "note", e->note);
		itsma__write_ext(&w, e->ext);
		itsma__jw_end_object(&w);
	}
	itsma__jw_end_array(&w);
	itsma__jw_begin_array(&w, "ratings");
	for (i = 0; i < a->rating_count; i++) {
		const itsma_rating *r = a->ratings[i];
		itsma__jw_begin_object(&w, NULL);
		itsma__jw_string(&w, "requirement", r->requirement->id);
		write_cited(&w, &r->c);
		itsma__jw_end_object(&w);
	}
	itsma__jw_end_array(&w);
	itsma__jw_begin_array(&w, "attributes");
	for (i = 0; i < a->attribute_count; i++) {
		const itsma_attribute_rating *r = a->attributes[i];
		itsma__jw_begin_object(&w, NULL);
		itsma__jw_string(&w, "process", r->process->id);
		itsma__jw_string(&w, "attribute", itsma_attribute_name(r->attribute));
		write_cited(&w, &r->c);
		itsma__jw_end_object(&w);
	}
	itsma__jw_end_array(&w);
	{
		size_t nt = itsma_assessment_process_target_count(a);
		if (a->has_targets || a->target >= 0 || nt || a->targets_ext) {
			itsma__jw_begin_object(&w, "targets");
			if (a->target >= 0)
				itsma__jw_int(&w, "level", a->target);
			if (nt) {
				itsma__jw_begin_object(&w, "processes");
				for (i = 0; i < c->process_count; i++) {
					const itsma_section *p = c->processes[i];
					if (a->target_by_sec[p->index] >= 0)
						itsma__jw_int(&w, p->id,
						              a->target_by_sec[p->index]);
				}
				itsma__jw_end_object(&w);
			}
			itsma__write_ext(&w, a->targets_ext);
			itsma__jw_end_object(&w);
		}
	}
	return itsma__write_ext_end(&w, &b, a->ext, out, err);
}

int itsma_assessment_save_file(const itsma_assessment *a, const char *path, itsma_error *err)
{
	char *text = NULL;
	int rc;
	itsma__error_reset(err);
	rc = itsma_assessment_to_json(&text, a, err);
	return itsma__save_text(path, rc, text, err);
}
