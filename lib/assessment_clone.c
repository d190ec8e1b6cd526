/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A copy of an assessment (itsma_assessment_clone), made in memory: each evidence record,
 * rating, attribute rating and exclusion is copied as one block, as the model keeps it
 * (lib/assessment.c), with its x- extensions and carried provenance; citations point at the
 * copy's records (same index); the per-catalogue indexes are copied slot for slot. Time and
 * memory are linear in the size of the assessment and of its catalogue's indexes.
 */
#include "internal/assessment.h"
#include "internal/mapping.h"
#include "internal/error.h"

#include <stdlib.h>
#include <string.h>

/* A copy of a string that may be NULL: 0, or -1 when there was no memory. */
static int dup_opt(char **out, const char *s)
{
	*out = s ? strdup(s) : NULL;
	return s && !*out ? -1 : 0;
}

/* The length of a string that may be NULL, with its terminator (0 for NULL). */
static size_t size_opt(const char *s) { return s ? strlen(s) + 1 : 0; }

/* An evidence record in one block: the struct, its id right after it, the other strings. */
static itsma_evidence *clone_evidence(const itsma_evidence *e)
{
	const char *src[5];
	char **dst[5];
	size_t len[5], idn = strlen(e->id) + 1, total = idn, i;
	itsma_evidence *c;
	char *p;

	src[0] = e->title;
	src[1] = e->uri;
	src[2] = e->sha256;
	src[3] = e->by;
	src[4] = e->note;
	for (i = 0; i < 5; i++)
		total += len[i] = size_opt(src[i]);
	c = malloc(sizeof *c + total);
	if (!c)
		return NULL;
	*c = *e;
	c->ext = NULL;
	p = (char *)(c + 1);
	c->strings = p; /* the strings created with the record (not a block of their own) */
	c->id = p;
	memcpy(p, e->id, idn);
	p += idn;
	dst[0] = &c->title;
	dst[1] = &c->uri;
	dst[2] = &c->sha256;
	dst[3] = &c->by;
	dst[4] = &c->note;
	for (i = 0; i < 5; i++) {
		*dst[i] = src[i] ? memcpy(p, src[i], len[i]) : NULL;
		p += len[i];
	}
	if (itsma__ext_clone(&c->ext, e->ext) < 0) {
		free(c);
		return NULL;
	}
	return c;
}

/* Carried provenance with its x- members. 0, or -1 (nothing allocated). */
static int clone_carried(itsma__carried **out, const itsma__carried *c)
{
	*out = NULL;
	if (!c)
		return 0;
	*out = itsma__carried_clone(c);
	if (!*out)
		return -1;
	if (itsma__ext_clone(&(*out)->ext, c->ext) < 0) {
		itsma__carried_free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

/*
 * A rating or attribute rating (`head` bytes of struct, whose first member is the shared
 * part) in one block with its citations, pointing at the copy's evidence records, and its
 * note. NULL when there was no memory.
 */
static void *clone_cited(const itsma__cited *src, size_t head, itsma_evidence *const *evidence)
{
	size_t i, n = src->evidence_count, nlen = size_opt(src->note);
	char *block;
	itsma__cited *c;

	if (n > ((size_t)-1 - head - nlen) / sizeof *c->evidence)
		return NULL;
	block = malloc(head + n * sizeof *c->evidence + nlen);
	if (!block)
		return NULL;
	memcpy(block, src, head);
	c = (itsma__cited *)(void *)block;
	c->evidence = (itsma_evidence **)(void *)(block + head);
	for (i = 0; i < n; i++)
		c->evidence[i] = evidence[src->evidence[i]->index];
	c->note = NULL;
	if (src->note) {
		c->note = block + head + n * sizeof *c->evidence;
		memcpy(c->note, src->note, nlen);
	}
	c->ext = NULL;
	c->carried = NULL;
	if (itsma__ext_clone(&c->ext, src->ext) < 0 ||
	    clone_carried(&c->carried, src->carried) < 0) {
		itsma__ext_free(c->ext);
		free(block);
		return NULL;
	}
	return block;
}

static itsma_exclusion *clone_exclusion(const itsma_exclusion *x)
{
	size_t il = strlen(x->id) + 1, rl = strlen(x->reason) + 1;
	itsma_exclusion *c = malloc(sizeof *c + il + rl);

	if (!c)
		return NULL;
	*c = *x;
	c->id = (char *)(c + 1);
	memcpy(c->id, x->id, il);
	c->reason = c->id + il;
	memcpy(c->reason, x->reason, rl);
	c->ext = NULL;
	if (itsma__ext_clone(&c->ext, x->ext) < 0) {
		free(c);
		return NULL;
	}
	return c;
}

/* An array of n elements of `size` bytes (at least one element), copied from src when given,
 * else zeroed; *cap (when given) gets the number of elements it holds. */
static void *array_of(const void *src, size_t n, size_t size, size_t *cap)
{
	void *p = calloc(n ? n : 1, size);
	if (p && src && n)
		memcpy(p, src, n * size);
	if (cap)
		*cap = n ? n : 1;
	return p;
}

/* An id map entry of the original's record: the copy's record at the same index. */
static void to_copy(const char **key, void **value, void *payload)
{
	itsma_evidence *e = ((itsma_evidence **)payload)[((const itsma_evidence *)*value)->index];
	*key = e->id;
	*value = e;
}

/* Everything but the owned catalogue and the generation (the copy is new: its own count). */
static int copy_into(itsma_assessment *c, const itsma_assessment *a)
{
	size_t i, nsec = a->section_count, nreq = a->requirement_count;
	size_t nattr = nsec * ITSMA_ATTRIBUTE_COUNT;

	c->cat = a->cat;
	memcpy(c->date_s, a->date_s, sizeof c->date_s);
	c->day = a->day;
	c->target = a->target;
	c->has_scope = a->has_scope;
	c->has_targets = a->has_targets;
	c->section_count = nsec;
	c->requirement_count = nreq;
	c->max_records = a->max_records;
	if (dup_opt(&c->origin, a->origin) < 0 || dup_opt(&c->id, a->id) < 0 ||
	    dup_opt(&c->title, a->title) < 0 || dup_opt(&c->organisation, a->organisation) < 0 ||
	    dup_opt(&c->assessor, a->assessor) < 0 || itsma__ext_clone(&c->ext, a->ext) < 0 ||
	    itsma__ext_clone(&c->scope_ext, a->scope_ext) < 0 ||
	    itsma__ext_clone(&c->targets_ext, a->targets_ext) < 0)
		return -1;
	c->rating_by_req = array_of(NULL, nreq, sizeof *c->rating_by_req, NULL);
	c->attr_by_sec = array_of(NULL, nattr, sizeof *c->attr_by_sec, NULL);
	c->sec_excluded = array_of(a->sec_excluded, nsec, 1, NULL);
	c->req_excluded = array_of(a->req_excluded, nreq, 1, NULL);
	c->target_by_sec = array_of(a->target_by_sec, nsec, 1, NULL);
	c->evidence = array_of(NULL, a->evidence_count, sizeof *c->evidence, &c->evidence_cap);
	c->ratings = array_of(NULL, a->rating_count, sizeof *c->ratings, &c->rating_cap);
	c->attributes =
	    array_of(NULL, a->attribute_count, sizeof *c->attributes, &c->attribute_cap);
	c->exclusions =
	    array_of(NULL, a->exclusion_count, sizeof *c->exclusions, &c->exclusion_cap);
	if (!c->rating_by_req || !c->attr_by_sec || !c->sec_excluded || !c->req_excluded ||
	    !c->target_by_sec || !c->evidence || !c->ratings || !c->attributes || !c->exclusions)
		return -1;
	/* each list grows one item at a time, so that freeing a partial copy frees what it has */
	for (; c->evidence_count < a->evidence_count; c->evidence_count++) {
		itsma_evidence *e = clone_evidence(a->evidence[c->evidence_count]);
		if (!e)
			return -1;
		c->evidence[c->evidence_count] = e;
	}
	/* the id map slot for slot, pointing at the copy's records and their id strings */
	if (itsma__strmap_copy(&c->evidence_ids, &a->evidence_ids, to_copy, c->evidence) < 0)
		return -1;
	for (; c->rating_count < a->rating_count; c->rating_count++) {
		itsma_rating *r =
		    clone_cited(&a->ratings[c->rating_count]->c, sizeof *r, c->evidence);
		if (!r)
			return -1;
		c->ratings[c->rating_count] = r;
	}
	for (; c->attribute_count < a->attribute_count; c->attribute_count++) {
		itsma_attribute_rating *r =
		    clone_cited(&a->attributes[c->attribute_count]->c, sizeof *r, c->evidence);
		if (!r)
			return -1;
		c->attributes[c->attribute_count] = r;
	}
	for (; c->exclusion_count < a->exclusion_count; c->exclusion_count++) {
		itsma_exclusion *x = clone_exclusion(a->exclusions[c->exclusion_count]);
		if (!x)
			return -1;
		c->exclusions[c->exclusion_count] = x;
	}
	/* the indexes by catalogue position: the copy's rating at the original's list index */
	for (i = 0; i < nreq; i++)
		if (a->rating_by_req[i])
			c->rating_by_req[i] = c->ratings[a->rating_by_req[i]->c.index];
	for (i = 0; i < nattr; i++)
		if (a->attr_by_sec[i])
			c->attr_by_sec[i] = c->attributes[a->attr_by_sec[i]->c.index];
	return 0;
}

int itsma_assessment_clone(itsma_assessment **out, const itsma_assessment *a, itsma_error *err)
{
	itsma_assessment *c;

	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_assessment_clone: the output pointer is NULL");
	*out = NULL;
	if (!a)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_assessment_clone: no assessment given");
	c = itsma__assessment_alloc();
	if (!c)
		return itsma__error_nomem(err);
	if (copy_into(c, a) < 0) {
		itsma_assessment_free(c);
		return itsma__error_nomem(err);
	}
	*out = c;
	return 0;
}
