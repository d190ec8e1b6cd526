/* SPDX-License-Identifier: Apache-2.0 */
/* The assessment model: evidence, ratings, attribute ratings, exclusions, targets. */
#include "internal/assessment.h"
#include "internal/mapping.h"
#include "internal/error.h"
#include "internal/enumword.h"
#include "internal/prefetch.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int itsma_attribute_spec_init(itsma_attribute_spec *spec, unsigned int version)
{
	static const itsma_attribute_spec defaults = ITSMA_ATTRIBUTE_SPEC_INIT;
	if (!spec || itsma__version_check(version, ITSMA_ATTRIBUTE_SPEC_VERSION, NULL, NULL) < 0)
		return ITSMA_EINVAL;
	*spec = defaults;
	return 0;
}

int itsma_rating_spec_init(itsma_rating_spec *spec, unsigned int version)
{
	static const itsma_rating_spec defaults = ITSMA_RATING_SPEC_INIT;
	if (!spec || itsma__version_check(version, ITSMA_RATING_SPEC_VERSION, NULL, NULL) < 0)
		return ITSMA_EINVAL;
	*spec = defaults;
	return 0;
}

int itsma_evidence_spec_init(itsma_evidence_spec *spec, unsigned int version)
{
	static const itsma_evidence_spec defaults = ITSMA_EVIDENCE_SPEC_INIT;
	if (!spec || itsma__version_check(version, ITSMA_EVIDENCE_SPEC_VERSION, NULL, NULL) < 0)
		return ITSMA_EINVAL;
	*spec = defaults;
	return 0;
}

ITSMA__ENUM_WORDS(evidence_kind, "an evidence kind", { "document", ITSMA_EVIDENCE_KIND_DOCUMENT },
                  { "record", ITSMA_EVIDENCE_KIND_RECORD },
                  { "interview", ITSMA_EVIDENCE_KIND_INTERVIEW },
                  { "observation", ITSMA_EVIDENCE_KIND_OBSERVATION },
                  { "metric", ITSMA_EVIDENCE_KIND_METRIC }, { "other", ITSMA_EVIDENCE_KIND_OTHER })

static int bad_id(itsma_error *err, const char *what, const char *id)
{
	return itsma__error_set(
	    err, ITSMA_EINVAL,
	    "expected %s: an identifier (1 to 64 of A-Z a-z 0-9 . _ : -), not \"%.64s\"", what,
	    id ? id : "");
}

/* ---- life cycle --------------------------------------------------------------------------- */

itsma_assessment *itsma__assessment_alloc(void)
{
	itsma_assessment *a = calloc(1, sizeof *a);
	if (!a)
		return NULL;
	a->target = -1;
	a->max_records = ITSMA_DEFAULT_MAX_RECORDS;
	return a;
}

int itsma__assessment_attach(itsma_assessment *a, const itsma_catalogue *cat, itsma_error *err)
{
	size_t nsec = cat->section_count, nreq = cat->requirement_count, i;

	a->cat = cat;
	a->section_count = nsec;
	a->requirement_count = nreq;
	a->rating_by_req = calloc(nreq ? nreq : 1, sizeof *a->rating_by_req);
	a->attr_by_sec = calloc(nsec ? nsec * ITSMA_ATTRIBUTE_COUNT : 1, sizeof *a->attr_by_sec);
	a->sec_excluded = calloc(nsec ? nsec : 1, 1);
	a->req_excluded = calloc(nreq ? nreq : 1, 1);
	a->target_by_sec = malloc(nsec ? nsec : 1);
	if (!a->rating_by_req || !a->attr_by_sec || !a->sec_excluded || !a->req_excluded ||
	    !a->target_by_sec)
		return itsma__error_nomem(err);
	for (i = 0; i < nsec; i++)
		a->target_by_sec[i] = -1;
	return 0;
}

int itsma_assessment_new(itsma_assessment **out, const itsma_catalogue *cat, const char *id,
                         const char *date, itsma_error *err)
{
	itsma_assessment *a;
	long day;

	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "out must not be NULL");
	*out = NULL;
	if (!cat)
		return itsma__error_set(err, ITSMA_EINVAL, "catalogue must not be NULL");
	if (!itsma_id_is_valid(id))
		return bad_id(err, "an assessment id", id);
	if (itsma_date_parse(&day, date, err) < 0)
		return ITSMA_EINVAL;
	a = itsma__assessment_alloc();
	if (!a)
		return itsma__error_nomem(err);
	a->day = day;
	memcpy(a->date_s, date, 11);
	a->id = strdup(id);
	if (!a->id || itsma__assessment_attach(a, cat, err) < 0) {
		itsma_assessment_free(a);
		return itsma__error_nomem(err);
	}
	*out = a;
	return 0;
}

static void free_evidence(itsma_evidence *e)
{
	if (!e)
		return;
	if (e->strings != (char *)(e + 1)) /* a replacement's own block */
		free(e->strings);
	itsma__ext_free(e->ext);
	free(e);
}

/* A rating or attribute rating: one block (the struct, its evidence list and its note). */
static void free_cited(itsma__cited *c)
{
	if (!c)
		return;
	itsma__ext_free(c->ext);
	itsma__carried_free(c->carried);
	free(c);
}

static void free_exclusion(itsma_exclusion *x)
{
	if (!x)
		return;
	itsma__ext_free(x->ext);
	free(x);
}

void itsma_assessment_free(itsma_assessment *a)
{
	size_t i;
	if (!a)
		return;
	for (i = 0; i < a->evidence_count; i++)
		free_evidence(a->evidence[i]);
	for (i = 0; i < a->rating_count; i++)
		free_cited(&a->ratings[i]->c);
	for (i = 0; i < a->attribute_count; i++)
		free_cited(&a->attributes[i]->c);
	for (i = 0; i < a->exclusion_count; i++)
		free_exclusion(a->exclusions[i]);
	free(a->evidence);
	free(a->ratings);
	free(a->attributes);
	free(a->exclusions);
	itsma__strmap_free(&a->evidence_ids);
	free(a->rating_by_req);
	free(a->attr_by_sec);
	free(a->sec_excluded);
	free(a->req_excluded);
	free(a->target_by_sec);
	free(a->id);
	free(a->title);
	free(a->organisation);
	free(a->assessor);
	free(a->origin);
	itsma__ext_free(a->ext);
	itsma__ext_free(a->scope_ext);
	itsma__ext_free(a->targets_ext);
	itsma_catalogue_free(a->owned_cat);
	free(a);
}

/* ---- properties --------------------------------------------------------------------------- */

const itsma_catalogue *itsma_assessment_catalogue(const itsma_assessment *a)
{
	return a ? a->cat : NULL;
}
const char *itsma_assessment_id(const itsma_assessment *a) { return a ? a->id : NULL; }
const char *itsma_assessment_date(const itsma_assessment *a) { return a ? a->date_s : NULL; }
long itsma_assessment_day(const itsma_assessment *a) { return a ? a->day : -1; }
const char *itsma_assessment_title(const itsma_assessment *a) { return a ? a->title : NULL; }
const char *itsma_assessment_organisation(const itsma_assessment *a)
{
	return a ? a->organisation : NULL;
}
const char *itsma_assessment_assessor(const itsma_assessment *a) { return a ? a->assessor : NULL; }
const char *itsma_assessment_origin(const itsma_assessment *a)
{
	return a ? (a->origin ? a->origin : "") : NULL;
}

static int no_assessment(itsma_error *err)
{
	return itsma__error_set(err, ITSMA_EINVAL, "assessment must not be NULL");
}

/* Replace an owned string property with a copy of `value` (NULL removes it). */
static int replace_text(itsma_assessment *a, char **slot, const char *value, itsma_error *err)
{
	char *copy;
	itsma__assessment_touch(a);
	copy = value ? strdup(value) : NULL;
	if (value && !copy)
		return itsma__error_nomem(err);
	free(*slot);
	*slot = copy;
	return 0;
}

int itsma_assessment_set_id(itsma_assessment *a, const char *id, itsma_error *err)
{
	itsma__error_reset(err);
	if (!a)
		return no_assessment(err);
	if (!itsma_id_is_valid(id))
		return bad_id(err, "an assessment id", id);
	return replace_text(a, &a->id, id, err);
}

int itsma_assessment_set_date(itsma_assessment *a, const char *date, itsma_error *err)
{
	long day;
	itsma__error_reset(err);
	if (!a)
		return no_assessment(err);
	itsma__assessment_touch(a);
	if (itsma_date_parse(&day, date, err) < 0)
		return ITSMA_EINVAL;
	a->day = day;
	memcpy(a->date_s, date, ITSMA_DATE_SIZE);
	return 0;
}

int itsma_assessment_set_title(itsma_assessment *a, const char *title, itsma_error *err)
{
	itsma__error_reset(err);
	return a ? replace_text(a, &a->title, title, err) : no_assessment(err);
}

int itsma_assessment_set_organisation(itsma_assessment *a, const char *organisation,
                                      itsma_error *err)
{
	itsma__error_reset(err);
	return a ? replace_text(a, &a->organisation, organisation, err) : no_assessment(err);
}

int itsma_assessment_set_assessor(itsma_assessment *a, const char *assessor, itsma_error *err)
{
	itsma__error_reset(err);
	return a ? replace_text(a, &a->assessor, assessor, err) : no_assessment(err);
}

/* ---- evidence ------------------------------------------------------------------------------ */

size_t itsma_assessment_evidence_count(const itsma_assessment *a)
{
	return a ? a->evidence_count : 0;
}

const itsma_evidence *itsma_assessment_evidence_at(const itsma_assessment *a, size_t i)
{
	if (!a)
		return NULL;
	return i < a->evidence_count ? a->evidence[i] : NULL;
}

const itsma_evidence *itsma_assessment_find_evidence(const itsma_assessment *a, const char *id)
{
	if (!a)
		return NULL;
	return id ? itsma__strmap_get(&a->evidence_ids, id) : NULL;
}

const char *itsma_evidence_id(const itsma_evidence *e) { return e ? e->id : NULL; }
const char *itsma_evidence_title(const itsma_evidence *e) { return e ? e->title : NULL; }
itsma_evidence_kind itsma_evidence_kind_of(const itsma_evidence *e) { return e ? e->kind : 0; }
const char *itsma_evidence_collected(const itsma_evidence *e) { return e ? e->collected_s : NULL; }
const char *itsma_evidence_expires(const itsma_evidence *e)
{
	return e ? (itsma__has_expiry(e) ? e->expires_s : NULL) : NULL;
}
const char *itsma_evidence_uri(const itsma_evidence *e) { return e ? e->uri : NULL; }
const char *itsma_evidence_sha256(const itsma_evidence *e) { return e ? e->sha256 : NULL; }
const char *itsma_evidence_by(const itsma_evidence *e) { return e ? e->by : NULL; }
const char *itsma_evidence_note(const itsma_evidence *e) { return e ? e->note : NULL; }
size_t itsma_evidence_index(const itsma_evidence *e) { return e ? e->index : 0; }

int itsma_evidence_is_current(const itsma_evidence *e, long day)
{
	if (!e)
		return 0;
	return itsma__current_on(e, day);
}

int itsma__is_sha256(const char *s)
{
	size_t i;
	for (i = 0; i < 64; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[64] == '\0';
}

/* Copy the strings of a spec other than its id (a replacement keeps the id string it was
 * created with) into one block; returns 0 or -1 (no memory). */
static int pack_strings(itsma_evidence *e, const itsma_evidence_spec *s)
{
	const char *src[5];
	char **dst[5];
	size_t total = 0, i, n;
	char *p;

	src[0] = s->title;
	dst[0] = &e->title;
	src[1] = s->uri;
	dst[1] = &e->uri;
	src[2] = s->sha256;
	dst[2] = &e->sha256;
	src[3] = s->by;
	dst[3] = &e->by;
	src[4] = s->note;
	dst[4] = &e->note;
	for (i = 0; i < 5; i++)
		if (src[i])
			total += strlen(src[i]) + 1;
	p = malloc(total ? total : 1);
	if (!p)
		return -1;
	e->strings = p;
	for (i = 0; i < 5; i++) {
		if (!src[i]) {
			*dst[i] = NULL;
			continue;
		}
		n = strlen(src[i]) + 1;
		memcpy(p, src[i], n);
		*dst[i] = p;
		p += n;
	}
	return 0;
}

int itsma_assessment_put_evidence(itsma_assessment *a, const itsma_evidence_spec *spec,
                                  itsma_error *err)
{
	itsma__error_reset(err);
	int rc = itsma__assessment_put_evidence(a, spec, NULL, NULL, err);
	return rc < 0 ? rc : 0;
}

int itsma__assessment_put_evidence(itsma_assessment *a, const itsma_evidence_spec *spec,
                                   itsma_evidence **rec_out, itsma_evidence *before,
                                   itsma_error *err)
{
	long collected, expires = 0;
	itsma_evidence *old = NULL, tmp;
	itsma__strmap_slot *slot = NULL;
	size_t id_len, hash;

	if (!a || !spec)
		return itsma__error_set(err, ITSMA_EINVAL, "assessment and spec must not be NULL");
	itsma__assessment_touch(a);
	if (itsma__version_check(spec->version, ITSMA_EVIDENCE_SPEC_VERSION, "itsma_evidence_spec",
	                         err) < 0)
		return ITSMA_EINVAL;
	if (!itsma_id_is_valid(spec->id))
		return bad_id(err, "an evidence id", spec->id);
	if (!spec->title || !*spec->title)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "evidence \"%s\": expected a non-empty title", spec->id);
	if ((int)spec->kind < 0 || (int)spec->kind > (int)ITSMA_EVIDENCE_KIND_OTHER)
		return itsma__error_set(err, ITSMA_EINVAL, "evidence \"%s\": unknown kind %d",
		                        spec->id, (int)spec->kind);
	if (itsma_date_parse(&collected, spec->collected, err) < 0)
		return ITSMA_EINVAL;
	if (spec->expires) {
		if (itsma_date_parse(&expires, spec->expires, err) < 0)
			return ITSMA_EINVAL;
		if (expires < collected)
			return itsma__error_set(
			    err, ITSMA_EINVAL,
			    "evidence \"%s\" expires (%s) before it was collected (%s)", spec->id,
			    spec->expires, spec->collected);
	}
	if (spec->sha256 && !itsma__is_sha256(spec->sha256))
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "evidence \"%s\": expected sha256 as 64 lowercase hexadecimal digits",
		    spec->id);
	/* one hash of the id: the slot holding it, or where it goes */
	id_len = strlen(spec->id);
	hash = itsma__strhash_n(spec->id, id_len);
	if (a->evidence_ids.cap) {
		slot = itsma__strmap_probe(&a->evidence_ids, spec->id, id_len, hash);
		old = slot->key ? slot->value : NULL;
	}
	if (old) {
		/* replace in place: the struct stays where ratings point at it, and its id string
		 * (the map's key) where it was created, right after it */
		memset(&tmp, 0, sizeof tmp);
		if (pack_strings(&tmp, spec) < 0)
			return itsma__error_nomem(err);
		tmp.id = old->id;
		tmp.kind = spec->kind;
		tmp.collected = collected;
		memcpy(tmp.collected_s, spec->collected, 11);
		tmp.expires = spec->expires ? expires : ITSMA__NEVER;
		if (spec->expires)
			memcpy(tmp.expires_s, spec->expires, 11);
		if (old->strings !=
		    (char *)(old + 1)) /* not the strings allocated with the record */
			free(old->strings);
		if (before)
			*before = *old; /* its strings are gone: the caller reads the dates */
		tmp.index = old->index;
		tmp.cite_count = old->cite_count;
		tmp.ext = old->ext;
		*old = tmp;
		if (rec_out)
			*rec_out = old;
		return 1;
	}
	if (a->evidence_count >= a->max_records)
		return itsma__error_set(err, ITSMA_ELIMIT,
		                        "more evidence records than the limit of %zu",
		                        a->max_records);
	{
		itsma__evidence_in in;
		size_t i;
		int rc;
		memset(&in, 0, sizeof in);
		in.str[0] = spec->id;
		in.str[1] = spec->title;
		in.str[2] = spec->uri;
		in.str[3] = spec->sha256;
		in.str[4] = spec->by;
		in.str[5] = spec->note;
		in.len[0] = id_len;
		for (i = 1; i < 6; i++)
			in.len[i] = in.str[i] ? strlen(in.str[i]) : 0;
		in.kind = spec->kind;
		in.collected_s = spec->collected;
		in.collected = collected;
		in.expires_s = spec->expires;
		in.expires = expires;
		if (itsma__strmap_reserve(&a->evidence_ids, 1) < 0)
			return itsma__error_nomem(err);
		slot = itsma__strmap_probe(&a->evidence_ids, in.str[0], in.len[0], hash);
		if ((rc = itsma__assessment_append_evidence(a, &in, slot, hash, err)) < 0)
			return rc;
		if (rec_out)
			*rec_out = a->evidence[a->evidence_count - 1];
		return 0;
	}
}

int itsma__assessment_append_evidence(itsma_assessment *a, const itsma__evidence_in *in,
                                      itsma__strmap_slot *slot, size_t hash, itsma_error *err)
{
	size_t total = 0, i;
	itsma_evidence *e;
	char *p, **dst[6];

	itsma__assessment_touch(a);
	for (i = 0; i < 6; i++)
		if (in->str[i])
			total += in->len[i] + 1;
	if (itsma__grow((void **)&a->evidence, &a->evidence_cap, a->evidence_count + 1,
	                sizeof *a->evidence) < 0)
		return itsma__error_nomem(err);
	e = malloc(sizeof *e + total);
	if (!e)
		return itsma__error_nomem(err);
	memset(e, 0, sizeof *e);
	p = (char *)(e + 1);
	e->strings = p;
	dst[0] = &e->id;
	dst[1] = &e->title;
	dst[2] = &e->uri;
	dst[3] = &e->sha256;
	dst[4] = &e->by;
	dst[5] = &e->note;
	for (i = 0; i < 6; i++) {
		if (!in->str[i])
			continue;
		memcpy(p, in->str[i], in->len[i]);
		p[in->len[i]] = '\0';
		*dst[i] = p;
		p += in->len[i] + 1;
	}
	e->kind = in->kind;
	e->collected = in->collected;
	memcpy(e->collected_s, in->collected_s, 11);
	e->expires = ITSMA__NEVER;
	if (in->expires_s) {
		e->expires = in->expires;
		memcpy(e->expires_s, in->expires_s, 11);
	}
	e->index = a->evidence_count;
	a->evidence[a->evidence_count++] = e;
	itsma__strmap_fill(&a->evidence_ids, slot, e->id, in->len[0], hash, e);
	return 0;
}

int itsma_assessment_remove_evidence(itsma_assessment *a, const char *id, itsma_error *err)
{
	itsma__error_reset(err);
	itsma_evidence *e;
	size_t i;
	if (!a || !id)
		return itsma__error_set(err, ITSMA_EINVAL, "assessment and id must not be NULL");
	itsma__assessment_touch(a);
	e = itsma__strmap_get(&a->evidence_ids, id);
	if (!e)
		return itsma__error_set(err, ITSMA_ENOTFOUND, "no evidence \"%.64s\"", id);
	if (e->cite_count)
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "evidence \"%s\" is still cited by %zu rating(s); remove the citations first",
		    id, e->cite_count);
	itsma__strmap_del(&a->evidence_ids, id);
	for (i = e->index + 1; i < a->evidence_count; i++) {
		a->evidence[i - 1] = a->evidence[i];
		a->evidence[i - 1]->index = i - 1;
	}
	a->evidence_count--;
	free_evidence(e);
	return 0;
}

/* ---- ratings of requirements and of process attributes: one implementation ------------------ */

/* An attribute rating's subject (else a requirement's)? */
static int is_attr(const itsma__subject *s) { return s->requirement == NULL; }

/* Whose rating a message is about: "the rating of ID" or "the rating of ID/PAx.y". Formatted
 * only when there is something to report. */
static const char *who_text(const itsma__subject *s, char *buf, size_t size)
{
	if (!is_attr(s))
		snprintf(buf, size, "the rating of %s", s->requirement->id);
	else
		snprintf(buf, size, "the rating of %s/%s", s->process->id,
		         itsma_attribute_name(s->attribute));
	return buf;
}

itsma__cited *itsma__assessment_cited(const itsma_assessment *a, const itsma__subject *s)
{
	if (!is_attr(s)) {
		itsma_rating *r = a->rating_by_req[s->requirement->index];
		return r ? &r->c : NULL;
	} else {
		itsma_attribute_rating *r =
		    a->attr_by_sec[s->process->index * ITSMA_ATTRIBUTE_COUNT +
		                   (size_t)s->attribute];
		return r ? &r->c : NULL;
	}
}

/* The i-th rating of the list of that kind (attribute ratings when attr), its shared part. */
static itsma__cited *listed(const itsma_assessment *a, int attr, size_t i)
{
	return attr ? &a->attributes[i]->c : &a->ratings[i]->c;
}

/*
 * Put c (the shared part, first member, of a block of the subject's kind; its index set) at
 * its index in its list and in the subject's slot, with the fields naming what it rates.
 * c NULL empties the subject's slot.
 */
static void place(itsma_assessment *a, const itsma__subject *s, itsma__cited *c)
{
	if (!is_attr(s)) {
		itsma_rating *r = (itsma_rating *)(void *)c;
		if (r) {
			r->requirement = s->requirement;
			a->ratings[c->index] = r;
		}
		a->rating_by_req[s->requirement->index] = r;
	} else {
		itsma_attribute_rating *r = (itsma_attribute_rating *)(void *)c;
		if (r) {
			r->process = s->process;
			r->attribute = s->attribute;
			a->attributes[c->index] = r;
		}
		a->attr_by_sec[s->process->index * ITSMA_ATTRIBUTE_COUNT + (size_t)s->attribute] =
		    r;
	}
}

/* Equal ids? (libc's strcmp: a third of the instructions of a byte loop on short ids) */
static int same_id(const char *a, const char *b) { return strcmp(a, b) == 0; }

/*
 * Resolve cited evidence ids into a block that holds `head` bytes, then the evidence
 * pointer array, then the note. `prev` is what the rating being replaced cites (a hint).
 * Returns the block or NULL with err set.
 */
static void *build_cites(itsma_assessment *a, size_t head, const char *const *ids,
                         itsma_evidence *const *resolved, size_t n, const char *note,
                         itsma_evidence *const *prev, size_t prev_n, itsma_evidence ***ev_out,
                         char **note_out, const itsma__subject *who, itsma_error *err)
{
	size_t i, j, nlen = note ? strlen(note) + 1 : 0;
	char *block, wb[96];
	itsma_evidence **ev;

	if (n && !ids && !resolved) {
		itsma__error_set(err, ITSMA_EINVAL,
		                 "%s: evidence is NULL but evidence_count is %zu",
		                 who_text(who, wb, sizeof wb), n);
		return NULL;
	}
	if (n > ((size_t)-1 - head - nlen) / sizeof *ev) {
		itsma__error_nomem(err);
		return NULL;
	}
	block = calloc(1, head + n * sizeof *ev + nlen);
	if (!block) {
		itsma__error_nomem(err);
		return NULL;
	}
	ev = (itsma_evidence **)(void *)(block + head);
	if (resolved && n)
		memcpy(ev, resolved, n * sizeof *ev);
	for (i = 0; i < n && !resolved;) {
		/* the record at the same place in the rating being replaced when the id is the same
		 * (re-rating with the same evidence needs no lookup); the others sixteen at a time,
		 * looked up together so that their cache misses overlap */
		const char *keys[16];
		size_t at[16], lens[16], k = 0;
		void *found[16];
		for (; i < n && k < 16; i++) {
			ev[i] = NULL;
			if (!ids[i])
				continue;
			if (i < prev_n && (prev[i]->id == ids[i] || same_id(prev[i]->id, ids[i]))) {
				ev[i] = prev[i];
				continue;
			}
			keys[k] = ids[i];
			lens[k] = strlen(ids[i]);
			at[k++] = i;
		}
		itsma__strmap_get_n_batch(&a->evidence_ids, keys, lens, k, found);
		for (j = 0; j < k; j++) {
			ev[at[j]] = found[j];
			if (found[j]) /* its id was read; its index and count are read next */
				ITSMA__PREFETCH(&ev[at[j]]->index);
		}
	}
	for (i = 0; i < n && !resolved; i++) {
		if (!ev[i]) {
			itsma__error_set(err, ITSMA_ENOTFOUND,
			                 "%s cites evidence \"%.64s\", which does not exist",
			                 who_text(who, wb, sizeof wb), ids[i] ? ids[i] : "(null)");
			free(block);
			return NULL;
		}
	}
	/* each evidence record at most once: mark through cite_count's top bit */
	for (i = 0; i < n; i++) {
		if (ev[i]->cite_count & ~((size_t)-1 >> 1)) {
			for (j = 0; j < i; j++)
				ev[j]->cite_count &= (size_t)-1 >> 1;
			itsma__error_set(err, ITSMA_EINVAL,
			                 "%s cites evidence \"%s\" more than once",
			                 who_text(who, wb, sizeof wb), ev[i]->id);
			free(block);
			return NULL;
		}
		ev[i]->cite_count |= ~((size_t)-1 >> 1);
	}
	for (i = 0; i < n; i++)
		ev[i]->cite_count &= (size_t)-1 >> 1;
	*ev_out = ev;
	*note_out = NULL;
	if (note) {
		*note_out = block + head + n * sizeof *ev;
		memcpy(*note_out, note, nlen);
	}
	return block;
}

/*
 * Whether a replacement cites exactly what the rating it replaces cites, with the same note:
 * then only the letter and value change, in place (an assessor re-rating).
 */
static int same_cites(itsma_evidence *const *prev, size_t prev_n, const char *prev_note,
                      const char *const *ids, itsma_evidence *const *resolved, size_t n,
                      const char *note)
{
	size_t i;
	if (prev_n != n || (n && !ids && !resolved))
		return 0;
	if ((prev_note == NULL) != (note == NULL) || (note && strcmp(prev_note, note) != 0))
		return 0;
	/* the records are scattered: ask for them all at once before comparing, from the index
	 * to the id string after the struct (40 bytes apart: two cache lines cover the index,
	 * dates, citation count and id that citing and scoring read) */
	for (i = 0; i < n && !resolved; i++) {
		ITSMA__PREFETCH(&prev[i]->index);
		ITSMA__PREFETCH(prev[i] + 1);
	}
	for (i = 0; i < n; i++) {
		if (resolved ? resolved[i] != prev[i]
		             : !ids[i] || (ids[i] != prev[i]->id && !same_id(ids[i], prev[i]->id)))
			return 0;
	}
	return 1;
}

static void cite(itsma_evidence **ev, size_t n, int delta)
{
	size_t i;
	for (i = 0; i < n; i++)
		ev[i]->cite_count = (size_t)((long long)ev[i]->cite_count + delta);
}

static int check_value(itsma_letter letter, double value, const itsma__subject *who,
                       itsma_error *err)
{
	char wb[96];
	if ((int)letter < (int)ITSMA_LETTER_NONE || (int)letter > (int)ITSMA_LETTER_F)
		return itsma__error_set(err, ITSMA_EINVAL, "%s: unknown rating letter %d",
		                        who_text(who, wb, sizeof wb), (int)letter);
	if (letter == ITSMA_LETTER_NONE && (!isfinite(value) || value < 0 || value > 100))
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "%s: expected a rating from 0 to 100, not %g",
		                        who_text(who, wb, sizeof wb), value);
	return 0;
}

/*
 * Rate a subject: the one implementation behind putting a rating and an attribute rating.
 * Citations by id (ids) or resolved already (resolved). When the current rating cites the
 * same evidence with the same note, only its letter and value change, in place (an assessor
 * re-rating); otherwise a new block takes the current one's place, extensions and citations
 * (a new one goes last in its list). *out (may be NULL) is the rating now in the assessment.
 * Returns 0, or a negative code with nothing changed.
 */
static int put_subject(itsma_assessment *a, const itsma__subject *s, itsma_letter letter,
                       double value, const char *const *ids, itsma_evidence *const *resolved,
                       size_t n, const char *note_in, itsma__cited **out, itsma_error *err)
{
	int attr = is_attr(s);
	itsma__cited *old = itsma__assessment_cited(a, s), *c;
	size_t *count = attr ? &a->attribute_count : &a->rating_count;
	itsma_evidence **ev = NULL;
	char *note = NULL;
	int grown;

	itsma__assessment_touch(a);
	if (check_value(letter, value, s, err) < 0)
		return ITSMA_EINVAL;
	value = letter == ITSMA_LETTER_NONE ? value : itsma_letter_achievement(letter);
	if (old &&
	    same_cites(old->evidence, old->evidence_count, old->note, ids, resolved, n, note_in)) {
		old->letter = letter;
		old->value = value;
		if (out)
			*out = old;
		return 0;
	}
	if (!old && *count >= a->max_records)
		return itsma__error_set(err, ITSMA_ELIMIT, "more %s than the limit of %zu",
		                        attr ? "attribute ratings" : "ratings", a->max_records);
	if (!old) {
		grown = attr ? itsma__grow((void **)&a->attributes, &a->attribute_cap, *count + 1,
		                           sizeof *a->attributes)
		             : itsma__grow((void **)&a->ratings, &a->rating_cap, *count + 1,
		                           sizeof *a->ratings);
		if (grown < 0)
			return itsma__error_nomem(err);
	}
	c = build_cites(a, attr ? sizeof(itsma_attribute_rating) : sizeof(itsma_rating), ids,
	                resolved, n, note_in, old ? old->evidence : NULL,
	                old ? old->evidence_count : 0, &ev, &note, s, err);
	if (!c)
		return err ? err->code : ITSMA_EINVAL;
	c->evidence = ev;
	c->evidence_count = n;
	c->note = note;
	c->letter = letter;
	c->value = value;
	cite(c->evidence, c->evidence_count, +1);
	if (old) {
		c->index = old->index;
		c->ext = old->ext;
		old->ext = NULL;
		cite(old->evidence, old->evidence_count, -1);
	} else {
		c->index = (*count)++;
	}
	place(a, s, c);
	free_cited(old);
	if (out)
		*out = c;
	return 0;
}

int itsma__assessment_put_cited(itsma_assessment *a, const itsma__subject *s, itsma_letter letter,
                                double value, itsma_evidence *const *ev, size_t n, const char *note,
                                itsma__cited **out, itsma_error *err)
{
	return put_subject(a, s, letter, value, NULL, ev, n, note, out, err);
}

/* Remove the subject's rating: 0, or ITSMA_ENOTFOUND (err untouched) when it is not rated. */
static int remove_subject(itsma_assessment *a, const itsma__subject *s)
{
	itsma__cited *c = itsma__assessment_cited(a, s);
	int attr = is_attr(s);
	size_t *count = attr ? &a->attribute_count : &a->rating_count, i;

	itsma__assessment_touch(a);

	if (!c)
		return ITSMA_ENOTFOUND;
	if (attr)
		memmove(a->attributes + c->index, a->attributes + c->index + 1,
		        (*count - c->index - 1) * sizeof *a->attributes);
	else
		memmove(a->ratings + c->index, a->ratings + c->index + 1,
		        (*count - c->index - 1) * sizeof *a->ratings);
	(*count)--;
	for (i = c->index; i < *count; i++)
		listed(a, attr, i)->index = i;
	place(a, s, NULL);
	cite(c->evidence, c->evidence_count, -1);
	free_cited(c);
	return 0;
}

/* The i-th cited evidence record of a rating or an attribute rating (NULL-safe). */
static const itsma_evidence *cited_evidence_at(const itsma__cited *c, size_t i)
{
	return c && i < c->evidence_count ? c->evidence[i] : NULL;
}

/* ---- requirement ratings ------------------------------------------------------------------- */

int itsma_assessment_put_rating(itsma_assessment *a, const itsma_rating_spec *spec,
                                itsma_error *err)
{
	itsma__error_reset(err);
	if (!a || !spec)
		return itsma__error_set(err, ITSMA_EINVAL, "assessment and spec must not be NULL");
	return itsma__assessment_put_rating_spec(a, NULL, spec, err);
}

/* An object given in place of an id that is not of the assessment's catalogue, or that
 * disagrees with the id given with it. */
static int wrong_object(const itsma_assessment *a, const char *what, const char *id,
                        const char *obj_id, itsma_error *err)
{
	if (obj_id)
		return itsma__error_set(
		    err, ITSMA_EINVAL, "the %s given is \"%.64s\" but its id is given as \"%.64s\"",
		    what, obj_id, id);
	return itsma__error_set(err, ITSMA_EINVAL,
	                        "the %s given is not one of catalogue \"%s\" (it is of another "
	                        "catalogue)",
	                        what, a->cat->id);
}

static int foreign_requirement(const itsma_assessment *a, const itsma_requirement *r,
                               itsma_error *err)
{
	if (!r)
		return itsma__error_set(err, ITSMA_EINVAL, "expected a requirement, found NULL");
	return wrong_object(a, "requirement", NULL, NULL, err);
}

static int foreign_section(const itsma_assessment *a, const itsma_section *s, itsma_error *err)
{
	if (!s)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "expected a process section, found NULL");
	return wrong_object(a, "section", NULL, NULL, err);
}

int itsma__rating_spec_requirement(const itsma_requirement **out, const itsma_assessment *a,
                                   const itsma_rating_spec *spec, itsma_error *err)
{
	const itsma_requirement *r = NULL;
	const char *id = spec->requirement_id;
	*out = NULL;
	if (spec->version >= 2 && spec->version <= ITSMA_RATING_SPEC_VERSION && spec->requirement) {
		r = spec->requirement;
		if (!itsma__catalogue_has_requirement(a->cat, r))
			return foreign_requirement(a, r, err);
		if (id && strcmp(id, r->id) != 0)
			return wrong_object(a, "requirement", id, r->id, err);
	} else {
		r = itsma_catalogue_find_requirement(a->cat, id);
		if (!r)
			return itsma__error_set(err, ITSMA_ENOTFOUND,
			                        "catalogue \"%s\" has no requirement \"%.64s\"",
			                        a->cat->id, id ? id : "");
	}
	*out = r;
	return 0;
}

int itsma__assessment_put_rating_spec(itsma_assessment *a, const itsma_requirement *req,
                                      const itsma_rating_spec *spec, itsma_error *err)
{
	itsma__subject s = { NULL, NULL, ITSMA_PA1_1 };
	int rc;

	if (itsma__version_check(spec->version, ITSMA_RATING_SPEC_VERSION, "itsma_rating_spec",
	                         err) < 0)
		return ITSMA_EINVAL;
	if (!req && (rc = itsma__rating_spec_requirement(&req, a, spec, err)) < 0)
		return rc;
	s.requirement = req;
	return put_subject(a, &s, spec->letter, spec->value, spec->evidence, NULL,
	                   spec->evidence_count, spec->note, NULL, err);
}

static int remove_rating(itsma_assessment *a, const itsma_requirement *req, const char *id,
                         itsma_error *err)
{
	itsma__subject s = { NULL, NULL, ITSMA_PA1_1 };

	s.requirement = req;
	if (!req || remove_subject(a, &s) < 0)
		return itsma__error_set(err, ITSMA_ENOTFOUND, "requirement \"%.64s\" is not rated",
		                        id ? id : "");
	return 0;
}

int itsma_assessment_remove_rating(itsma_assessment *a, const char *requirement_id,
                                   itsma_error *err)
{
	itsma__error_reset(err);
	if (!a)
		return no_assessment(err);
	return remove_rating(a, itsma_catalogue_find_requirement(a->cat, requirement_id),
	                     requirement_id, err);
}

int itsma_assessment_remove_rating_of(itsma_assessment *a, const itsma_requirement *requirement,
                                      itsma_error *err)
{
	itsma__error_reset(err);
	if (!a)
		return no_assessment(err);
	if (!itsma__catalogue_has_requirement(a->cat, requirement))
		return foreign_requirement(a, requirement, err);
	return remove_rating(a, requirement, requirement->id, err);
}

size_t itsma_assessment_rating_count(const itsma_assessment *a) { return a ? a->rating_count : 0; }

const itsma_rating *itsma_assessment_rating_at(const itsma_assessment *a, size_t i)
{
	if (!a)
		return NULL;
	return i < a->rating_count ? a->ratings[i] : NULL;
}

const itsma_rating *itsma_assessment_find_rating(const itsma_assessment *a, const char *id)
{
	if (!a)
		return NULL;
	const itsma_requirement *req = itsma_catalogue_find_requirement(a->cat, id);
	return req ? a->rating_by_req[req->index] : NULL;
}

const itsma_rating *itsma_assessment_find_rating_of(const itsma_assessment *a,
                                                    const itsma_requirement *requirement)
{
	if (!a || !itsma__catalogue_has_requirement(a->cat, requirement))
		return NULL;
	return a->rating_by_req[requirement->index];
}

const itsma_requirement *itsma_rating_requirement(const itsma_rating *r)
{
	return r ? r->requirement : NULL;
}
itsma_letter itsma_rating_letter(const itsma_rating *r) { return r ? r->c.letter : 0; }
double itsma_rating_value(const itsma_rating *r) { return r ? r->c.value : NAN; }
size_t itsma_rating_evidence_count(const itsma_rating *r) { return r ? r->c.evidence_count : 0; }

const itsma_evidence *itsma_rating_evidence_at(const itsma_rating *r, size_t i)
{
	return cited_evidence_at(r ? &r->c : NULL, i);
}

const char *itsma_rating_note(const itsma_rating *r) { return r ? r->c.note : NULL; }
size_t itsma_rating_index(const itsma_rating *r) { return r ? r->c.index : 0; }

/* ---- attribute ratings ---------------------------------------------------------------------- */

static int not_a_process(const itsma_section *s, itsma_error *err)
{
	return itsma__error_set(err, ITSMA_EINVAL, "section \"%s\" is not a process", s->id);
}

static int find_process(const itsma_section **out, const itsma_assessment *a, const char *id,
                        itsma_error *err)
{
	const itsma_section *s = itsma_catalogue_find_section(a->cat, id);
	*out = NULL;
	if (!s)
		return itsma__error_set(err, ITSMA_ENOTFOUND,
		                        "catalogue \"%s\" has no section \"%.64s\"", a->cat->id,
		                        id ? id : "");
	if (s->kind != ITSMA_SECTION_KIND_PROCESS)
		return not_a_process(s, err);
	*out = s;
	return 0;
}

int itsma__attribute_spec_process(const itsma_section **out, const itsma_assessment *a,
                                  const itsma_attribute_spec *spec, itsma_error *err)
{
	const itsma_section *p;
	const char *id = spec->process_id;
	if (!(spec->version >= 2 && spec->version <= ITSMA_ATTRIBUTE_SPEC_VERSION && spec->process))
		return find_process(out, a, id, err);
	*out = NULL;
	p = spec->process;
	if (!itsma__catalogue_has_section(a->cat, p))
		return foreign_section(a, p, err);
	if (id && strcmp(id, p->id) != 0)
		return wrong_object(a, "section", id, p->id, err);
	if (p->kind != ITSMA_SECTION_KIND_PROCESS)
		return not_a_process(p, err);
	*out = p;
	return 0;
}

int itsma_assessment_put_attribute(itsma_assessment *a, const itsma_attribute_spec *spec,
                                   itsma_error *err)
{
	itsma__subject s = { NULL, NULL, ITSMA_PA1_1 };

	int rc;

	itsma__error_reset(err);
	if (!a || !spec)
		return itsma__error_set(err, ITSMA_EINVAL, "assessment and spec must not be NULL");
	if (itsma__version_check(spec->version, ITSMA_ATTRIBUTE_SPEC_VERSION,
	                         "itsma_attribute_spec", err) < 0)
		return ITSMA_EINVAL;
	if ((rc = itsma__attribute_spec_process(&s.process, a, spec, err)) < 0)
		return rc;
	if ((int)spec->attribute <= (int)ITSMA_PA1_1 ||
	    (int)spec->attribute >= (int)ITSMA_ATTRIBUTE_COUNT)
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    spec->attribute == ITSMA_PA1_1
		        ? "PA1.1 is derived from the process's requirements and cannot be rated"
		        : "expected a process attribute PA2.1 to PA5.2");
	s.attribute = spec->attribute;
	return put_subject(a, &s, spec->letter, spec->value, spec->evidence, NULL,
	                   spec->evidence_count, spec->note, NULL, err);
}

static int remove_attribute(itsma_assessment *a, const itsma_section *p, const char *id,
                            itsma_attribute attribute, itsma_error *err)
{
	itsma__subject s = { NULL, NULL, ITSMA_PA1_1 };

	s.process = p;
	s.attribute = attribute;
	if (!p || (int)attribute < 0 || (int)attribute >= (int)ITSMA_ATTRIBUTE_COUNT ||
	    remove_subject(a, &s) < 0)
		return itsma__error_set(err, ITSMA_ENOTFOUND, "%.64s/%s is not rated", id ? id : "",
		                        itsma_attribute_name(attribute));
	return 0;
}

int itsma_assessment_remove_attribute(itsma_assessment *a, const char *process_id,
                                      itsma_attribute attribute, itsma_error *err)
{
	itsma__error_reset(err);
	if (!a)
		return no_assessment(err);
	return remove_attribute(a, itsma_catalogue_find_section(a->cat, process_id), process_id,
	                        attribute, err);
}

int itsma_assessment_remove_attribute_of(itsma_assessment *a, const itsma_section *process,
                                         itsma_attribute attribute, itsma_error *err)
{
	itsma__error_reset(err);
	if (!a)
		return no_assessment(err);
	if (!itsma__catalogue_has_section(a->cat, process))
		return foreign_section(a, process, err);
	return remove_attribute(a, process, process->id, attribute, err);
}

size_t itsma_assessment_attribute_count(const itsma_assessment *a)
{
	return a ? a->attribute_count : 0;
}

const itsma_attribute_rating *itsma_assessment_attribute_at(const itsma_assessment *a, size_t i)
{
	if (!a)
		return NULL;
	return i < a->attribute_count ? a->attributes[i] : NULL;
}

const itsma_attribute_rating *itsma_assessment_find_attribute(const itsma_assessment *a,
                                                              const char *process_id,
                                                              itsma_attribute attribute)
{
	if (!a)
		return NULL;
	const itsma_section *p = itsma_catalogue_find_section(a->cat, process_id);
	if (!p || (int)attribute < 0 || (int)attribute >= (int)ITSMA_ATTRIBUTE_COUNT)
		return NULL;
	return a->attr_by_sec[p->index * ITSMA_ATTRIBUTE_COUNT + (size_t)attribute];
}

const itsma_attribute_rating *itsma_assessment_find_attribute_of(const itsma_assessment *a,
                                                                 const itsma_section *process,
                                                                 itsma_attribute attribute)
{
	if (!a || !itsma__catalogue_has_section(a->cat, process) || (int)attribute < 0 ||
	    (int)attribute >= (int)ITSMA_ATTRIBUTE_COUNT)
		return NULL;
	return a->attr_by_sec[process->index * ITSMA_ATTRIBUTE_COUNT + (size_t)attribute];
}

const itsma_section *itsma_attribute_rating_process(const itsma_attribute_rating *r)
{
	return r ? r->process : NULL;
}
itsma_attribute itsma_attribute_rating_attribute(const itsma_attribute_rating *r)
{
	return r ? r->attribute : 0;
}
itsma_letter itsma_attribute_rating_letter(const itsma_attribute_rating *r)
{
	return r ? r->c.letter : 0;
}
double itsma_attribute_rating_value(const itsma_attribute_rating *r)
{
	return r ? r->c.value : NAN;
}
size_t itsma_attribute_rating_evidence_count(const itsma_attribute_rating *r)
{
	return r ? r->c.evidence_count : 0;
}

const itsma_evidence *itsma_attribute_rating_evidence_at(const itsma_attribute_rating *r, size_t i)
{
	return cited_evidence_at(r ? &r->c : NULL, i);
}

const char *itsma_attribute_rating_note(const itsma_attribute_rating *r)
{
	return r ? r->c.note : NULL;
}
size_t itsma_attribute_rating_index(const itsma_attribute_rating *r) { return r ? r->c.index : 0; }

/* ---- exclusions ------------------------------------------------------------------------------ */

static long find_exclusion(const itsma_assessment *a, const char *id)
{
	size_t i;
	for (i = 0; id && i < a->exclusion_count; i++)
		if (strcmp(a->exclusions[i]->id, id) == 0)
			return (long)i;
	return -1;
}

int itsma_assessment_put_exclusion(itsma_assessment *a, const char *id, const char *reason,
                                   itsma_error *err)
{
	const itsma_section *s;
	const itsma_requirement *r = NULL;
	itsma_exclusion *x;
	size_t il, rl;
	long at;

	itsma__error_reset(err);
	if (!a)
		return itsma__error_set(err, ITSMA_EINVAL, "assessment must not be NULL");
	itsma__assessment_touch(a);
	if (a->cat->exclusions == ITSMA_EXCLUSIONS_FORBIDDEN)
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "catalogue \"%s\" forbids exclusions: every requirement is in scope",
		    a->cat->id);
	s = itsma_catalogue_find_section(a->cat, id);
	if (!s)
		r = itsma_catalogue_find_requirement(a->cat, id);
	if (!s && !r)
		return itsma__error_set(err, ITSMA_ENOTFOUND,
		                        "catalogue \"%s\" has no section or requirement \"%.64s\"",
		                        a->cat->id, id ? id : "");
	if (!reason || !*reason)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "the exclusion of \"%s\" needs a non-empty reason", id);
	at = find_exclusion(a, id);
	if (at < 0 && itsma__grow((void **)&a->exclusions, &a->exclusion_cap,
	                          a->exclusion_count + 1, sizeof *a->exclusions) < 0)
		return itsma__error_nomem(err);
	il = strlen(id) + 1;
	rl = strlen(reason) + 1;
	x = calloc(1, sizeof *x + il + rl);
	if (!x)
		return itsma__error_nomem(err);
	x->id = (char *)(x + 1);
	memcpy(x->id, id, il);
	x->reason = x->id + il;
	memcpy(x->reason, reason, rl);
	x->section = s;
	x->requirement = r;
	if (at >= 0) {
		x->ext = a->exclusions[at]->ext;
		a->exclusions[at]->ext = NULL;
		free_exclusion(a->exclusions[at]);
		a->exclusions[at] = x;
	} else {
		a->exclusions[a->exclusion_count++] = x;
	}
	if (s)
		a->sec_excluded[s->index] = 1;
	else
		a->req_excluded[r->index] = 1;
	return 0;
}

int itsma_assessment_remove_exclusion(itsma_assessment *a, const char *id, itsma_error *err)
{
	itsma__error_reset(err);
	long at;
	itsma_exclusion *x;
	size_t i;
	if (!a)
		return itsma__error_set(err, ITSMA_EINVAL, "assessment must not be NULL");
	itsma__assessment_touch(a);
	at = find_exclusion(a, id);
	if (at < 0)
		return itsma__error_set(err, ITSMA_ENOTFOUND, "\"%.64s\" is not excluded",
		                        id ? id : "");
	x = a->exclusions[at];
	if (x->section)
		a->sec_excluded[x->section->index] = 0;
	else
		a->req_excluded[x->requirement->index] = 0;
	for (i = (size_t)at + 1; i < a->exclusion_count; i++)
		a->exclusions[i - 1] = a->exclusions[i];
	a->exclusion_count--;
	free_exclusion(x);
	return 0;
}

size_t itsma_assessment_exclusion_count(const itsma_assessment *a)
{
	return a ? a->exclusion_count : 0;
}

const itsma_exclusion *itsma_assessment_exclusion_at(const itsma_assessment *a, size_t i)
{
	if (!a)
		return NULL;
	return i < a->exclusion_count ? a->exclusions[i] : NULL;
}

const itsma_exclusion *itsma_assessment_find_exclusion(const itsma_assessment *a, const char *id)
{
	if (!a)
		return NULL;
	long at = find_exclusion(a, id);
	return at < 0 ? NULL : a->exclusions[at];
}

const char *itsma_exclusion_id(const itsma_exclusion *x) { return x ? x->id : NULL; }
const char *itsma_exclusion_reason(const itsma_exclusion *x) { return x ? x->reason : NULL; }

int itsma_assessment_is_excluded(const itsma_assessment *a, const char *id)
{
	if (!a)
		return 0;
	const itsma_section *s = itsma_catalogue_find_section(a->cat, id);
	if (!s) {
		const itsma_requirement *r = itsma_catalogue_find_requirement(a->cat, id);
		if (!r)
			return 0;
		if (a->req_excluded[r->index])
			return 1;
		s = r->section;
	}
	for (; s; s = s->parent)
		if (a->sec_excluded[s->index])
			return 1;
	return 0;
}

/* ---- targets --------------------------------------------------------------------------------- */

int itsma_assessment_set_target(itsma_assessment *a, int level, itsma_error *err)
{
	itsma__error_reset(err);
	if (!a)
		return itsma__error_set(err, ITSMA_EINVAL, "assessment must not be NULL");
	itsma__assessment_touch(a);
	if (level < -1 || level > 5)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "expected a target capability level from 0 to 5, not %d",
		                        level);
	a->target = level;
	return 0;
}

static int set_process_target(itsma_assessment *a, const itsma_section *p, int level,
                              itsma_error *err)
{
	itsma__assessment_touch(a);
	if (level < -1 || level > 5)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "expected a target capability level from 0 to 5, not %d",
		                        level);
	a->target_by_sec[p->index] = (signed char)level;
	return 0;
}

int itsma_assessment_set_process_target(itsma_assessment *a, const char *process_id, int level,
                                        itsma_error *err)
{
	const itsma_section *p;
	int rc;
	itsma__error_reset(err);
	if (!a)
		return no_assessment(err);
	if ((rc = find_process(&p, a, process_id, err)) < 0)
		return rc;
	return set_process_target(a, p, level, err);
}

int itsma_assessment_set_process_target_of(itsma_assessment *a, const itsma_section *process,
                                           int level, itsma_error *err)
{
	itsma__error_reset(err);
	if (!a)
		return no_assessment(err);
	if (!itsma__catalogue_has_section(a->cat, process))
		return foreign_section(a, process, err);
	if (process->kind != ITSMA_SECTION_KIND_PROCESS)
		return not_a_process(process, err);
	return set_process_target(a, process, level, err);
}

int itsma_assessment_target(const itsma_assessment *a) { return a ? a->target : -1; }

size_t itsma_assessment_process_target_count(const itsma_assessment *a)
{
	if (!a)
		return 0;
	size_t i, n = 0;
	for (i = 0; i < a->cat->process_count; i++)
		if (a->target_by_sec[a->cat->processes[i]->index] >= 0)
			n++;
	return n;
}

int itsma_assessment_process_target_at(const itsma_section **process_out, const itsma_assessment *a,
                                       size_t index)
{
	size_t i, n = 0;
	if (process_out)
		*process_out = NULL;
	if (!a)
		return -1;
	for (i = 0; i < a->cat->process_count; i++) {
		const itsma_section *p = a->cat->processes[i];
		if (a->target_by_sec[p->index] < 0)
			continue;
		if (n++ == index) {
			if (process_out)
				*process_out = p;
			return a->target_by_sec[p->index];
		}
	}
	return -1;
}

int itsma_assessment_target_for(const itsma_assessment *a, const char *process_id)
{
	if (!a)
		return -1;
	const itsma_section *p = itsma_catalogue_find_section(a->cat, process_id);
	if (!p || p->kind != ITSMA_SECTION_KIND_PROCESS)
		return -1;
	return a->target_by_sec[p->index] >= 0 ? a->target_by_sec[p->index] : a->target;
}
