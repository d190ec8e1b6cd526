/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The live scorer (include/itsma/scorer.h): a result kept up to date, change by change.
 *
 * After a change to one rating, evidence record or attribute rating, only what depends on
 * it is recomputed, with the very functions itsma_score() uses (score.c), so the figures are
 * the same to the last bit:
 *   - the requirement's entry (status, achievement, letter, nonconformity, gain), the
 *     summary counts and the verdict;
 *   - each enclosing section, nearest first, from its children (itsma__rollup_section), then
 *     the top level: O(depth x fanout), independent of the assessment's size;
 *   - processes on that path (PA1.1) or whose attribute changed: level, capability summary
 *     (a histogram of levels), capability gap (kept in catalogue order);
 *   - the gap list, kept sorted: the entry moves from its old place to its new one (binary
 *     search with the same comparison as the full sort, on keys kept in the list);
 *   - evidence issues, kept by evidence index with a Fenwick tree over the indexes, so that
 *     one comes or goes in O(log n) and the list is still read in evidence order by index;
 *     an index of who cites each evidence record (ratings in the order of `ratings`, then
 *     attribute ratings in the order of `attributes`) gives each issue its `cited_by` list.
 * A change that leaves a figure as it was stops there: re-rating with the same evidence skips
 * the citation index, an unchanged achievement skips the roll-up, and an evidence record
 * whose currency and problem are unchanged touches nothing that cites it.
 * Changes that alter scope or applicability (ratings of excluded requirements, attribute
 * ratings of processes without applicable requirements, whose warnings change), removing
 * evidence (which renumbers the records after it) and itsma_scorer_rescore() score from
 * scratch.
 */
#include "internal/result.h"
#include "internal/rating.h"
#include "internal/assessment.h"
#include "internal/error.h"
#include "internal/fenwick.h"
#include "internal/prefetch.h"

#include "itsma/scorer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * What the scorer keeps for one evidence record is a slot of 64 bytes, one cache line: its
 * evidence issue as the result's getters read it (evidence NULL: none), and who cites it,
 * as keys in citation order (the first IN_KEYS inline). A key is a requirement index (a
 * rating), or requirement_count + section index x 9 + PA (an attribute rating); the namer
 * turns keys into the names of cited_by when the issue is read. The live result reaches the
 * slots through the scorer's issue source (live_at, live_cited_by_at), so that result.c
 * knows nothing of them.
 */
#define SLOT_ALIGN 64
#define IN_KEYS    6

typedef struct ev_slot {
	itsma_evidence_issue h;
	uint32_t *keys; /* the n citers' keys (in_keys or a block) */
	uint32_t n, cap;
	uint32_t in_keys[IN_KEYS];
} ev_slot;

_Static_assert(sizeof(ev_slot) <= SLOT_ALIGN, "an evidence record's slot fits a cache line");

typedef struct namer {
	itsma_requirement *const *reqs; /* the catalogue's, by index */
	size_t nreq;
	char *attr_names; /* "PROCESS/PAx.y" for every section x attribute, fixed stride */
	size_t stride;
} namer;

static const char *namer_name(const namer *n, uint32_t key)
{
	return key < n->nreq ? n->reqs[key]->id : n->attr_names + (key - n->nreq) * n->stride;
}

struct itsma_scorer {
	itsma__issue_source src; /* how the result reads the issues in st */
	itsma_assessment *a;
	itsma_score_options opts;
	itsma_result *r; /* the same struct for the scorer's life (rebuild moves contents in) */
	size_t nreq;     /* requirements in the catalogue */
	ev_slot *st;     /* [evidence index]: issue slots holding the citation index */
	size_t st_cap;
	uint32_t *order; /* [key]: the citer's place in citation order (see order_set) */
	namer names;
	int level_hist[6]; /* applicable processes by capability level */
	long level_sum;
	/* arrays the live result points into */
	itsma_gap *gaps;
	size_t gap_cap;
	itsma_capability_gap *cgaps;
	size_t cgap_cap;
	itsma__fenwick marks; /* which records have an issue */
	/* scratch: evidence cited before a change, and marks by evidence index */
	itsma_evidence **old_ev;
	size_t old_cap;
	unsigned char *mark;
	size_t mark_cap;
	size_t n_incremental, n_rescored;
	/* the result is out of date: a change failed after the assessment took it, and scoring
	 * from scratch failed too (cleared by the next successful rebuild) */
	int stale;
	/* sections whose score changed since the mark: changed[0..n_changed) in the order they
	 * first changed, and changed_mark[section index] set for those */
	uint32_t *changed;
	size_t n_changed;
	unsigned char *changed_mark;
};

/* ---- the live result's issues (itsma__issue_source) -------------------------------------- */

static const itsma_scorer *scorer_of(const itsma__issue_source *src)
{
	return (const itsma_scorer *)(const void *)src; /* its first member */
}

static const itsma_evidence_issue *live_at(const itsma__issue_source *self, const itsma_result *r,
                                           size_t index)
{
	const itsma_scorer *s = scorer_of(self);
	(void)r;
	return &s->st[itsma__fenwick_find(&s->marks, index)].h;
}

static const char *live_cited_by_at(const itsma__issue_source *self, const itsma_evidence_issue *i,
                                    size_t index)
{
	return namer_name(&scorer_of(self)->names, ((const ev_slot *)(const void *)i)->keys[index]);
}

/* ---- the citation index ---------------------------------------------------------------- */

static uint32_t attr_key(const itsma_scorer *s, size_t sec_index, int pa)
{
	return (uint32_t)(s->nreq + sec_index * ITSMA_ATTRIBUTE_COUNT + (size_t)pa);
}

/*
 * Citation order: ratings by their place in the assessment's list, then attribute ratings by
 * theirs. The scorer keeps each citer's place by key in one small array, so that inserting a
 * citer compares numbers at hand rather than reading rating records scattered in memory.
 */
#define ORDER_ATTR 0x80000000u

static void order_set(itsma_scorer *s, uint32_t key, const itsma__cited *c)
{
	if (c)
		s->order[key] = (uint32_t)c->index | (key < s->nreq ? 0 : ORDER_ATTR);
}

/* The places of the ratings (or attribute ratings) from `from` on: after a removal. */
static void order_from(itsma_scorer *s, size_t from, int attributes)
{
	const itsma_assessment *a = s->a;
	size_t i;
	if (!attributes)
		for (i = from; i < a->rating_count; i++)
			order_set(s, (uint32_t)a->ratings[i]->requirement->index,
			          &a->ratings[i]->c);
	else
		for (i = from; i < a->attribute_count; i++)
			order_set(s,
			          attr_key(s, a->attributes[i]->process->index,
			                   (int)a->attributes[i]->attribute),
			          &a->attributes[i]->c);
}

static void citers_free(ev_slot *c)
{
	if (c->keys != c->in_keys)
		free(c->keys);
	c->keys = NULL;
	c->n = c->cap = 0;
}

/* After a struct copy to another place: point at its own inline keys. */
static void citers_moved(ev_slot *c, const ev_slot *from)
{
	if (c->keys == from->in_keys)
		c->keys = c->in_keys;
}

static int citers_reserve(ev_slot *c, size_t need)
{
	size_t cap = (size_t)c->cap * 2;
	uint32_t *k;
	if (!c->keys) {
		c->keys = c->in_keys;
		c->cap = IN_KEYS;
	}
	if (need <= c->cap)
		return 0;
	while (cap < need)
		cap *= 2;
	if (cap > UINT32_MAX || cap > ((size_t)-1) / sizeof *k)
		return -1;
	k = malloc(cap * sizeof *k);
	if (!k)
		return -1;
	memcpy(k, c->keys, c->n * sizeof *k);
	if (c->keys != c->in_keys)
		free(c->keys);
	c->keys = k;
	c->cap = (uint32_t)cap;
	return 0;
}

/* Append (building the index in citation order). */
static int citers_push(ev_slot *c, uint32_t key)
{
	if (citers_reserve(c, (size_t)c->n + 1) < 0)
		return -1;
	c->keys[c->n++] = key;
	return 0;
}

static void citers_remove(ev_slot *c, uint32_t key)
{
	uint32_t i;
	for (i = 0; i < c->n && c->keys[i] != key; i++)
		;
	if (i == c->n)
		return;
	for (c->n--; i < c->n; i++)
		c->keys[i] = c->keys[i + 1];
	if (c->keys != c->in_keys && c->n < IN_KEYS) {
		/* back into the slot (a heap array costs a cache miss on every visit); not at
		 * the inline capacity itself, so that one citer coming and going does not
		 * allocate and free each time */
		memcpy(c->in_keys, c->keys, c->n * sizeof *c->keys);
		free(c->keys);
		c->keys = c->in_keys;
		c->cap = IN_KEYS;
	}
}

/* Insert at its place in citation order (the citer must be in the assessment already). */
/* After a put or remove of the citer `key` (there was one before when `had`, at old_index;
 * `now` is what there is now): removing moves the later ones of its kind up; adding puts it
 * last; replacing keeps its place. */
static void order_changed(itsma_scorer *s, uint32_t key, int had, size_t old_index,
                          const itsma__cited *now, int attributes)
{
	if (!now)
		order_from(s, old_index, attributes);
	else if (!had)
		order_set(s, key, now);
}

static int citers_insert(const itsma_scorer *s, ev_slot *c, uint32_t key)
{
	uint32_t i, order = s->order[key];
	if (citers_reserve(c, (size_t)c->n + 1) < 0)
		return -1;
	/* from the end: a record has a few citers */
	for (i = c->n; i > 0 && s->order[c->keys[i - 1]] > order; i--)
		c->keys[i] = c->keys[i - 1];
	c->keys[i] = key;
	c->n++;
	return 0;
}

static void st_free(ev_slot *st, size_t cap)
{
	size_t i;
	for (i = 0; st && i < cap; i++)
		citers_free(&st[i]);
	free(st);
}

/* A zeroed, cache-line-aligned array of `cap` slots; NULL when out of memory. */
static ev_slot *st_alloc(size_t cap)
{
	ev_slot *st;
	size_t bytes;
	if (cap == 0)
		cap = 1;
	if (cap > ((size_t)-1 - SLOT_ALIGN) / sizeof *st)
		return NULL;
	bytes = (cap * sizeof *st + SLOT_ALIGN - 1) / SLOT_ALIGN * SLOT_ALIGN;
	st = aligned_alloc(SLOT_ALIGN, bytes);
	if (st)
		memset(st, 0, cap * sizeof *st);
	return st;
}

/* A fresh citation index of the assessment as it is, with room for `cap` records; NULL when
 * out of memory. */
static ev_slot *st_build(const itsma_scorer *s, size_t cap)
{
	const itsma_assessment *a = s->a;
	size_t i, k;
	ev_slot *st = st_alloc(cap);
	if (!st)
		return NULL;
	for (i = 0; i < a->rating_count; i++) {
		const itsma_rating *rt = a->ratings[i];
		for (k = 0; k < rt->c.evidence_count; k++)
			if (citers_push(&st[rt->c.evidence[k]->index],
			                (uint32_t)rt->requirement->index) < 0)
				goto fail;
	}
	for (i = 0; i < a->attribute_count; i++) {
		const itsma_attribute_rating *ar = a->attributes[i];
		uint32_t key = attr_key(s, ar->process->index, (int)ar->attribute);
		for (k = 0; k < ar->c.evidence_count; k++)
			if (citers_push(&st[ar->c.evidence[k]->index], key) < 0)
				goto fail;
	}
	return st;
fail:
	st_free(st, cap);
	return NULL;
}

/* ---- building ------------------------------------------------------------------------------ */

static int grow(void **items, size_t *cap, size_t need, size_t elsize)
{
	return itsma__grow(items, cap, need ? need : 1, elsize);
}

static int same_double(double x, double y) { return memcmp(&x, &y, sizeof x) == 0; }

/* ---- which sections changed ------------------------------------------------------------------ */

/* Note that the section of entry `index` changed score (once until the next mark). */
static void note_changed(itsma_scorer *s, size_t index)
{
	if (!s->changed_mark[index]) {
		s->changed_mark[index] = 1;
		s->changed[s->n_changed++] = (uint32_t)index;
	}
}

/* Whether a section's figures, as the itsma_section_result_* getters give them, differ
 * (after scoring from scratch: an incremental change compares what it recomputes). */
static int section_moved(const itsma_section_result *x, const itsma_section_result *y)
{
	int pa;
	if (itsma_section_result_applicable(x) != itsma_section_result_applicable(y) ||
	    itsma_section_result_letter(x) != itsma_section_result_letter(y) ||
	    itsma_section_result_capability_level(x) != itsma_section_result_capability_level(y) ||
	    itsma_section_result_target_level(x) != itsma_section_result_target_level(y) ||
	    !same_double(itsma_section_result_achievement(x), itsma_section_result_achievement(y)))
		return 1;
	for (pa = 0; pa < ITSMA_ATTRIBUTE_COUNT; pa++) {
		itsma_attribute at = (itsma_attribute)pa;
		if (itsma_section_result_attribute_letter(x, at) !=
		        itsma_section_result_attribute_letter(y, at) ||
		    itsma_section_result_attribute_status(x, at) !=
		        itsma_section_result_attribute_status(y, at) ||
		    !same_double(itsma_section_result_attribute_achievement(x, at),
		                 itsma_section_result_attribute_achievement(y, at)))
			return 1;
	}
	return 0;
}

/* Score from scratch and make the result live (its lists in arrays with room to change). The
 * new figures move into the scorer's result struct, which stays where it is; the sections
 * whose figures differ are noted as changed. On failure the previous result and index are
 * kept. */
static int rebuild(itsma_scorer *s, itsma_error *err)
{
	itsma_result *r = NULL, old;
	itsma_gap *gaps = NULL;
	itsma_capability_gap *cgaps = NULL;
	itsma__fenwick marks = { NULL, 0 };
	ev_slot *st = NULL;
	size_t i, gap_cap = 0, cgap_cap = 0, st_cap = s->a->evidence_count + 16;
	int rc;

	if ((rc = itsma_score(&r, s->a, &s->opts, err)) < 0)
		return rc;
	if (grow((void **)&gaps, &gap_cap, r->req_count, sizeof *gaps) < 0 ||
	    grow((void **)&cgaps, &cgap_cap, r->section_count, sizeof *cgaps) < 0 ||
	    itsma__fenwick_init(&marks, st_cap) < 0 || (st = st_build(s, st_cap)) == NULL) {
		itsma_result_free(r);
		free(gaps);
		free(cgaps);
		itsma__fenwick_free(&marks);
		return itsma__error_nomem(err);
	}
	order_from(s, 0, 0);
	order_from(s, 0, 1);
	if (r->gap_count)
		memcpy(gaps, r->gaps, r->gap_count * sizeof *gaps);
	if (r->cgap_count)
		memcpy(cgaps, r->cgaps, r->cgap_count * sizeof *cgaps);
	for (i = 0; i < r->issue_count; i++) {
		const itsma_evidence_issue *from = &r->issues[i].h;
		size_t e = from->evidence->index;
		ev_slot *is = &st[e];
		is->h.evidence = from->evidence;
		is->h.problem = from->problem;
		is->h.src = &s->src;
		/* a scorer scores the whole catalogue: every citer is listed */
		is->h.cited_count = is->h.problem != ITSMA_EVIDENCE_PROBLEM_UNUSED ? is->n : 0;
		itsma__fenwick_add(&marks, e, +1);
	}
	if (s->r) {
		/* a stale result's entries are not to be trusted: every section counts as changed
		 */
		for (i = 0; i < r->section_count; i++)
			if (s->stale || section_moved(&s->r->sections[i], &r->sections[i]))
				note_changed(s, i);
		old = *s->r;
		*s->r = *r;
		*r = old;
		itsma_result_free(r); /* the old contents */
		r = s->r;
	}
	free(s->gaps);
	free(s->cgaps);
	itsma__fenwick_free(&s->marks);
	st_free(s->st, s->st_cap);
	s->r = r;
	s->gaps = gaps;
	s->gap_cap = gap_cap;
	s->cgaps = cgaps;
	s->cgap_cap = cgap_cap;
	s->st = st;
	s->st_cap = st_cap;
	s->marks = marks;
	r->gaps = gaps;
	r->cgaps = cgaps;
	r->issues = NULL; /* read through the scorer's issue source */
	r->issue_src = &s->src;
	s->stale = 0;
	memset(s->level_hist, 0, sizeof s->level_hist);
	s->level_sum = 0;
	for (i = 0; i < r->section_count; i++) {
		const itsma_section_result *sr = &r->sections[i];
		if (sr->is_process && sr->applicable) {
			s->level_hist[sr->level]++;
			s->level_sum += sr->level;
		}
	}
	return 0;
}

int itsma_scorer_new(itsma_scorer **out, itsma_assessment *a, const itsma_score_options *opts,
                     itsma_error *err)
{
	itsma_score_options defaults = ITSMA_SCORE_OPTIONS_INIT;
	const itsma_catalogue *cat;
	itsma_scorer *s;
	size_t i, maxlen = 0;
	int rc;

	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_scorer_new: the output pointer is NULL");
	*out = NULL;
	if (!a)
		return itsma__error_set(err, ITSMA_EINVAL, "itsma_scorer_new: no assessment given");
	if (!opts)
		opts = &defaults;
	if ((rc = itsma__check_score_options(opts, err)) < 0)
		return rc;
	if (opts->section)
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "a scorer scores the whole catalogue: options.section must be NULL");
	cat = a->cat;
	s = calloc(1, sizeof *s);
	if (!s)
		return itsma__error_nomem(err);
	s->src.at = live_at;
	s->src.cited_by_at = live_cited_by_at;
	s->a = a;
	s->opts = *opts;
	s->nreq = cat->requirement_count;
	/* keys and places in citation order are 31-bit numbers (ORDER_ATTR marks attributes) */
	if (cat->requirement_count + cat->section_count * ITSMA_ATTRIBUTE_COUNT >= ORDER_ATTR) {
		itsma_scorer_free(s);
		return itsma__error_set(err, ITSMA_ELIMIT,
		                        "the catalogue is too large for a scorer");
	}
	for (i = 0; i < cat->section_count; i++) {
		size_t n = strlen(cat->sections[i]->id);
		if (n > maxlen)
			maxlen = n;
	}
	s->order =
	    malloc((s->nreq + cat->section_count * ITSMA_ATTRIBUTE_COUNT + 1) * sizeof *s->order);
	s->changed = malloc((cat->section_count + 1) * sizeof *s->changed);
	s->changed_mark = calloc(cat->section_count + 1, 1);
	if (!s->order || !s->changed || !s->changed_mark) {
		itsma_scorer_free(s);
		return itsma__error_nomem(err);
	}
	s->names.reqs = cat->requirements;
	s->names.nreq = cat->requirement_count;
	s->names.stride = maxlen + 8; /* "/PAx.y" and NUL */
	s->names.attr_names = calloc(
	    cat->section_count ? cat->section_count * ITSMA_ATTRIBUTE_COUNT : 1, s->names.stride);
	if (!s->names.attr_names) {
		itsma_scorer_free(s);
		return itsma__error_nomem(err);
	}
	for (i = 0; i < cat->section_count; i++) {
		int pa;
		for (pa = 0; pa < ITSMA_ATTRIBUTE_COUNT; pa++)
			snprintf(s->names.attr_names +
			             (i * ITSMA_ATTRIBUTE_COUNT + (size_t)pa) * s->names.stride,
			         s->names.stride, "%s/%s", cat->sections[i]->id,
			         itsma_attribute_name((itsma_attribute)pa));
	}
	if ((rc = rebuild(s, err)) < 0) {
		itsma_scorer_free(s);
		return rc;
	}
	*out = s;
	return 0;
}

void itsma_scorer_free(itsma_scorer *s)
{
	if (!s)
		return;
	itsma_result_free(s->r);
	st_free(s->st, s->st_cap);
	free(s->gaps);
	free(s->cgaps);
	itsma__fenwick_free(&s->marks);
	free(s->names.attr_names);
	free(s->order);
	free(s->changed);
	free(s->changed_mark);
	free(s->old_ev);
	free(s->mark);
	free(s);
}

const itsma_result *itsma_scorer_result(const itsma_scorer *s) { return s ? s->r : NULL; }

int itsma_scorer_stale(const itsma_scorer *s)
{
	if (!s)
		return 0;
	return s->stale || s->a->generation != s->r->a_gen ||
	       s->a->cat->generation != s->r->cat_gen;
}

void itsma_scorer_mark(itsma_scorer *s)
{
	size_t i;
	if (!s)
		return;
	for (i = 0; i < s->n_changed; i++)
		s->changed_mark[s->changed[i]] = 0;
	s->n_changed = 0;
}

size_t itsma_scorer_changed_count(const itsma_scorer *s) { return s ? s->n_changed : 0; }

const itsma_section *itsma_scorer_changed_at(const itsma_scorer *s, size_t index)
{
	if (!s || index >= s->n_changed)
		return NULL;
	return s->a->cat->sections[s->changed[index]];
}

itsma_assessment *itsma_scorer_assessment(itsma_scorer *s) { return s ? s->a : NULL; }

void itsma_scorer_stats(size_t *incremental_out, size_t *rescored_out, const itsma_scorer *s)
{
	if (incremental_out)
		*incremental_out = s ? s->n_incremental : 0;
	if (rescored_out)
		*rescored_out = s ? s->n_rescored : 0;
}

int itsma_scorer_rescore(itsma_scorer *s, itsma_error *err)
{
	itsma__error_reset(err);
	if (!s)
		return itsma__error_set(err, ITSMA_EINVAL, "itsma_scorer_rescore: no scorer given");
	s->n_rescored++;
	return rebuild(s, err);
}

/* ---- keeping lists in order ------------------------------------------------------------------ */

/* Position of a gap (or where it goes) in the sorted list. */
static size_t gap_pos(const itsma_result *r, const itsma_gap *g)
{
	size_t lo = 0, hi = r->gap_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (itsma__gap_before(&r->gaps[mid], g))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int is_gap(const itsma_requirement_result *q)
{
	return q->status != ITSMA_STATUS_EXCLUDED && q->letter != ITSMA_LETTER_F;
}

/*
 * Move requirement q's gap from where its figures `before` put it to where its figures put
 * it now, taking it out or putting it in as it stops or starts being a gap: one memmove of
 * the entries in between.
 */
static int gap_move(itsma_result *r, const itsma_requirement_result *before,
                    itsma_requirement_result *q)
{
	itsma_gap g;
	size_t from = r->gap_count, to;
	if (is_gap(before)) {
		itsma__gap_key(&g, before);
		from = gap_pos(r, &g);
		if (from >= r->gap_count || r->gaps[from].q != q)
			from = r->gap_count; /* not expected: the list is kept with these keys */
	}
	if (!is_gap(q)) {
		q->guidance = NULL;
		if (from < r->gap_count) {
			memmove(r->gaps + from, r->gaps + from + 1,
			        (r->gap_count - from - 1) * sizeof *r->gaps);
			r->gap_count--;
		}
		return 0;
	}
	g.q = q;
	itsma__gap_key(&g, q);
	q->guidance = itsma__section_guidance(r, &r->sections[q->sec]);
	if (!q->guidance)
		return -1;
	to = gap_pos(r, &g); /* among the entries, its own old one included */
	if (from == r->gap_count) {
		memmove(r->gaps + to + 1, r->gaps + to, (r->gap_count - to) * sizeof *r->gaps);
		r->gap_count++;
	} else if (to > from) {
		to--; /* its old entry, before the new place, leaves */
		memmove(r->gaps + from, r->gaps + from + 1, (to - from) * sizeof *r->gaps);
	} else if (to < from) {
		memmove(r->gaps + to + 1, r->gaps + to, (from - to) * sizeof *r->gaps);
	}
	r->gaps[to] = g;
	return 0;
}

/* Bring the capability gap of one process up to date (list in catalogue order). */
static void cgap_update(itsma_result *r, const itsma_section_result *sr)
{
	size_t lo = 0, hi = r->cgap_count;
	itsma_capability_gap g;
	int has = itsma__capability_gap(sr, &g), there;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->cgaps[mid].process->index < sr->sec->index)
			lo = mid + 1;
		else
			hi = mid;
	}
	there = lo < r->cgap_count && r->cgaps[lo].process == sr->sec;
	if (has && there) {
		r->cgaps[lo] = g;
	} else if (has) {
		memmove(r->cgaps + lo + 1, r->cgaps + lo, (r->cgap_count - lo) * sizeof *r->cgaps);
		r->cgaps[lo] = g;
		r->cgap_count++;
	} else if (there) {
		memmove(r->cgaps + lo, r->cgaps + lo + 1,
		        (r->cgap_count - lo - 1) * sizeof *r->cgaps);
		r->cgap_count--;
	}
}

/* Bring the issue of one evidence record up to date (its slot and mark). */
static void issue_update(itsma_scorer *s, const itsma_evidence *e)
{
	itsma_result *r = s->r;
	ev_slot *is = &s->st[e->index];
	itsma_evidence_problem problem = ITSMA_EVIDENCE_PROBLEM_UNUSED;
	int has;

	if (is->n == 0)
		has = 1; /* unused takes precedence over expired and future */
	else
		has = itsma__evidence_problem(s->a, e, &problem);
	if (has) {
		if (!is->h.evidence) {
			itsma__fenwick_add(&s->marks, e->index, +1);
			r->issue_count++;
		}
		is->h.evidence = e;
		is->h.problem = problem;
		is->h.src = &s->src;
		is->h.cited_count = problem != ITSMA_EVIDENCE_PROBLEM_UNUSED ? is->n : 0;
	} else if (is->h.evidence) {
		itsma__fenwick_add(&s->marks, e->index, -1);
		r->issue_count--;
		is->h.evidence = NULL; /* the citers stay */
		is->h.problem = ITSMA_EVIDENCE_PROBLEM_UNUSED;
		is->h.cited_count = 0;
	}
}

/* ---- carrying a change through ------------------------------------------------------------- */

static void level_set(itsma_scorer *s, int old_level, int new_level)
{
	itsma_result *r = s->r;
	int k;
	s->level_hist[old_level]--;
	s->level_hist[new_level]++;
	s->level_sum += new_level - old_level;
	r->cap_min = r->cap_max = -1;
	for (k = 0; k <= 5; k++)
		if (s->level_hist[k]) {
			if (r->cap_min < 0)
				r->cap_min = k;
			r->cap_max = k;
		}
	r->cap_mean = (double)s->level_sum / (double)r->tally[ITSMA_TALLY_PROCESSES];
}

/* Attribute pa of an applicable process may have changed (PA1.1 with its requirements). */
static void process_changed(itsma_scorer *s, itsma_section_result *sr, int pa)
{
	itsma_result *r = s->r;
	int old = sr->level;
	itsma_letter before = sr->attr_letter[pa];
	itsma_attribute_status status = sr->attr_status[pa];
	double ach = sr->attr_ach[pa];
	itsma__score_attribute(r, sr, pa);
	if (sr->attr_letter[pa] == before) {
		if (sr->attr_status[pa] != status || !same_double(sr->attr_ach[pa], ach))
			note_changed(s, (size_t)(sr - r->sections));
		return; /* the level and the capability gap follow the letters */
	}
	note_changed(s, (size_t)(sr - r->sections));
	itsma__score_level(sr);
	if (sr->level != old) {
		level_set(s, old, sr->level);
		if (sr->target >= 0) {
			r->tally[ITSMA_TALLY_TARGETS_MET] -= (size_t)(old >= sr->target);
			r->tally[ITSMA_TALLY_TARGETS_MET] += (size_t)(sr->level >= sr->target);
		}
	}
	cgap_update(r, sr);
}

/* An applicable requirement's rating, or the evidence it cites, changed. */
static int requirement_changed(itsma_scorer *s, itsma_requirement_result *q)
{
	itsma_result *r = s->r;
	itsma_requirement_result before = *q;
	itsma_section_result *sr;
	int only;

	itsma__score_requirement(r, q);
	if (q->status == before.status && q->nc == before.nc && q->letter == before.letter &&
	    same_double(q->achievement, before.achievement))
		return 0; /* the same figures (the gain follows the achievement): nothing moves */
	itsma__tally_requirement(r, &before, -1);
	itsma__tally_requirement(r, q, +1);
	itsma__score_verdict(r);
	if (gap_move(r, &before, q) < 0)
		return -1;
	if (same_double(q->achievement, before.achievement))
		return 0; /* the same figure: nothing above it moves */
	/* up the path through the result's entries (the catalogue's records are not read) */
	only = r->shall[q - r->reqs] ? (int)ITSMA_OBLIGATION_SHALL : (int)ITSMA_OBLIGATION_SHOULD;
	for (sr = &r->sections[q->sec];; sr = &r->sections[sr->parent]) {
		double ach = sr->achievement;
		itsma_letter letter = sr->letter;
		itsma__rollup_section(r, sr, only);
		if (sr->letter != letter || !same_double(sr->achievement, ach))
			note_changed(s, (size_t)(sr - r->sections));
		if (sr->parent == ITSMA__NO_ENTRY)
			break;
	}
	itsma__rollup_top(r, only);
	for (sr = &r->sections[q->sec];; sr = &r->sections[sr->parent]) {
		if (sr->is_process)
			process_changed(s, sr, 0);
		if (sr->parent == ITSMA__NO_ENTRY)
			break;
	}
	return 0;
}

static int keep_old(itsma_scorer *s, itsma_evidence *const *ev, size_t n)
{
	size_t cap = s->mark_cap;
	if (grow((void **)&s->old_ev, &s->old_cap, n, sizeof *s->old_ev) < 0 ||
	    grow((void **)&s->mark, &s->mark_cap, s->a->evidence_count, 1) < 0)
		return -1;
	if (s->mark_cap > cap)
		memset(s->mark + cap, 0, s->mark_cap - cap);
	if (n)
		memcpy(s->old_ev, ev, n * sizeof *ev);
	return 0;
}

/*
 * A record gained or lost a citer. Its issue changes only when it becomes or stops being
 * unused (no citer); an issue it keeps (expired, future) only counts its citers anew.
 */
static void citers_changed(itsma_scorer *s, const itsma_evidence *e, uint32_t before)
{
	ev_slot *is = &s->st[e->index];
	if (before == 0 || is->n == 0)
		issue_update(s, e);
	else if (is->h.evidence)
		is->h.cited_count = is->n;
}

/*
 * Re-index a citer whose citations went from old_ev[0..n_old) to ev[0..n) and refresh the
 * issues of the records that gained or lost it. A record cited before and after keeps its
 * place in the citer's order (a replaced rating keeps its position), so it is left alone.
 * old_ev and the marks are keep_old()'s (sized when there is an old rating).
 */
static int recite(itsma_scorer *s, uint32_t key, size_t n_old, itsma_evidence *const *ev, size_t n)
{
	size_t i, j, e;
	uint32_t before;
	/* The records' states are scattered: ask for all of them at once, the old ones first,
	 * and use them in that order (the ones asked for first arrive first). A new record is
	 * marked 1, and 2 when it was cited before too. */
	for (i = 0; i < n_old; i++)
		ITSMA__PREFETCH(&s->st[s->old_ev[i]->index]);
	for (i = 0; i < n; i++) {
		e = ev[i]->index;
		ITSMA__PREFETCH(&s->st[e]);
		if (n_old)
			s->mark[e] = 1;
	}
	for (i = 0; i < n_old; i++) {
		e = s->old_ev[i]->index;
		if (s->mark[e] == 1) {
			s->mark[e] = 2; /* cited before and after */
			continue;
		}
		before = s->st[e].n;
		citers_remove(&s->st[e], key);
		citers_changed(s, s->old_ev[i], before);
	}
	for (i = 0; i < n; i++) {
		e = ev[i]->index;
		if (n_old && s->mark[e] == 2) {
			s->mark[e] = 0;
			continue;
		}
		if (n_old)
			s->mark[e] = 0;
		before = s->st[e].n;
		if (citers_insert(s, &s->st[e], key) < 0) {
			for (j = i + 1; n_old && j < n; j++)
				s->mark[ev[j]->index] = 0;
			return -1;
		}
		citers_changed(s, ev[i], before);
	}
	return 0;
}

/* Whether a citer cites just what it cited before the change (kept by keep_old). */
static int same_evidence(const itsma_scorer *s, size_t n_old, itsma_evidence *const *ev, size_t n)
{
	return n == n_old && (n == 0 || memcmp(s->old_ev, ev, n * sizeof *ev) == 0);
}

/*
 * The assessment took a change that the result cannot follow (out of memory, and scoring
 * from scratch failed too): the result is stale. It is emptied rather than left half
 * updated, since its entries may point at records the change freed: no sections,
 * requirements, gaps, capability gaps, issues or warnings, null figures. The next change or
 * itsma_scorer_rescore() scores from scratch first.
 */
static int give_up(itsma_scorer *s, itsma_error *err)
{
	itsma_result *r = s->r;
	int m;
	s->stale = 1;
	r->section_count = r->req_count = r->gap_count = r->cgap_count = 0;
	r->issue_count = r->warning_count = r->top_n = 0;
	r->top_wsum = 0;
	for (m = 0; m < ITSMA_MODEL_COUNT; m++)
		r->compliance[m] = NAN;
	memset(r->tally, 0, sizeof r->tally);
	r->verdict = ITSMA_VERDICT_INCOMPLETE;
	r->cap_min = r->cap_max = -1;
	r->cap_mean = NAN;
	return itsma__error_nomem(
	    err); /* the same message as every ENOMEM: itsma_scorer_stale() tells */
}

/* After a failure past the point of no return: score from scratch, or give up. */
static int recover(itsma_scorer *s, itsma_error *err)
{
	s->n_rescored++;
	if (rebuild(s, NULL) == 0)
		return 0;
	return give_up(s, err);
}

/* A change that is taken in by scoring from scratch. */
static int rescored(itsma_scorer *s, itsma_error *err)
{
	s->n_rescored++;
	if (rebuild(s, NULL) == 0)
		return 0;
	return give_up(s, err);
}

/*
 * Before a change: the result must be of the assessment and catalogue as they stand. A
 * stale result is scored from scratch first; a change made behind the scorer's back (the
 * generations differ from the ones the result was scored at) is refused.
 */
static int ready(itsma_scorer *s, itsma_error *err)
{
	if (s->a->cat->generation != s->r->cat_gen)
		return itsma__error_set(err, ITSMA_ESTATE,
		                        "catalogue %s was changed after its scorer scored it: call "
		                        "itsma_scorer_rescore() to take the change in",
		                        s->a->cat->id);
	if (s->stale) {
		s->n_rescored++;
		return rebuild(s, err);
	}
	if (s->a->generation != s->r->a_gen)
		return itsma__error_set(
		    err, ITSMA_ESTATE,
		    "assessment %s was changed directly, not through its scorer: call "
		    "itsma_scorer_rescore() to take the change in",
		    s->a->id);
	return 0;
}

/* After a change through the scorer (made, or refused with nothing changed): the result is of
 * the assessment's new generation, unless it went stale. */
static int done(itsma_scorer *s, int rc)
{
	if (!s->stale)
		s->r->a_gen = s->a->generation;
	return rc;
}

/* ---- requirement ratings --------------------------------------------------------------------- */

static int rating_change(itsma_scorer *s, const itsma_rating_spec *spec, const char *remove_id,
                         itsma_error *err)
{
	itsma_assessment *a = s->a;
	const itsma_requirement *req;
	const itsma_rating *old, *now;
	itsma_requirement_result *q;
	size_t n_old = 0, old_index = 0;
	int rc;

	if (spec)
		(void)itsma__rating_spec_requirement(&req, a, spec,
		                                     NULL); /* the put reports why not */
	else
		req = itsma_catalogue_find_requirement(a->cat, remove_id);
	if (req) {
		/* its entry is read once the assessment has changed: ask for it now */
		ITSMA__PREFETCH(&s->r->reqs[req->index]);
		ITSMA__PREFETCH(&s->r->roll[req->index]);
	}
	old = req ? a->rating_by_req[req->index] : NULL;
	if (old) {
		n_old = old->c.evidence_count;
		old_index = old->c.index;
		if (keep_old(s, old->c.evidence, n_old) < 0)
			return itsma__error_nomem(err);
	}
	rc = spec ? itsma__assessment_put_rating_spec(a, req, spec, err)
	          : itsma_assessment_remove_rating(a, remove_id, err);
	if (rc < 0)
		return rc; /* nothing changed */
	now = a->rating_by_req[req->index];
	order_changed(s, (uint32_t)req->index, old != NULL, old_index, now ? &now->c : NULL, 0);
	q = &s->r->reqs[req->index];
	if (q->status == ITSMA_STATUS_EXCLUDED)
		return rescored(s, err); /* its warning comes or goes */
	if (!same_evidence(s, n_old, now ? now->c.evidence : NULL,
	                   now ? now->c.evidence_count : 0) &&
	    recite(s, (uint32_t)req->index, n_old, now ? now->c.evidence : NULL,
	           now ? now->c.evidence_count : 0) < 0)
		return recover(s, err);
	if (requirement_changed(s, q) < 0)
		return recover(s, err);
	s->n_incremental++;
	return 0;
}

int itsma_scorer_put_rating(itsma_scorer *s, const itsma_rating_spec *spec, itsma_error *err)
{
	int rc;
	itsma__error_reset(err);
	if (!s || !spec)
		return itsma__error_set(err, ITSMA_EINVAL, "scorer and spec must not be NULL");
	if ((rc = ready(s, err)) < 0)
		return rc;
	return done(s, rating_change(s, spec, NULL, err));
}

int itsma_scorer_remove_rating(itsma_scorer *s, const char *requirement_id, itsma_error *err)
{
	int rc;
	itsma__error_reset(err);
	if (!s || !requirement_id)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "scorer and requirement id must not be NULL");
	if ((rc = ready(s, err)) < 0)
		return rc;
	return done(s, rating_change(s, NULL, requirement_id, err));
}

int itsma_scorer_remove_rating_of(itsma_scorer *s, const itsma_requirement *requirement,
                                  itsma_error *err)
{
	int rc;
	itsma__error_reset(err);
	if (!s || !itsma__catalogue_has_requirement(s->a->cat, requirement))
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "expected a scorer and a requirement of its catalogue");
	if ((rc = ready(s, err)) < 0)
		return rc;
	return done(s, rating_change(s, NULL, requirement->id, err));
}

/* ---- process-attribute ratings --------------------------------------------------------------- */

static int attribute_change(itsma_scorer *s, const itsma_attribute_spec *spec,
                            const char *process_id, itsma_attribute attribute, itsma_error *err)
{
	itsma_assessment *a = s->a;
	const itsma_section *p;
	const itsma_attribute_rating *old, *now;
	itsma_section_result *sr;
	size_t n_old = 0, old_index = 0, key, slot = 0;
	int rc;

	if (spec) {
		(void)itsma__attribute_spec_process(&p, a, spec,
		                                    NULL); /* the put reports why not */
		attribute = spec->attribute;
	} else {
		p = itsma_catalogue_find_section(a->cat, process_id);
	}
	old = NULL;
	if (p && (int)attribute >= 0 && (int)attribute < (int)ITSMA_ATTRIBUTE_COUNT) {
		slot = p->index * ITSMA_ATTRIBUTE_COUNT + (size_t)attribute;
		old = a->attr_by_sec[slot];
	}
	if (old) {
		n_old = old->c.evidence_count;
		old_index = old->c.index;
		if (keep_old(s, old->c.evidence, n_old) < 0)
			return itsma__error_nomem(err);
	}
	rc = spec ? itsma_assessment_put_attribute(a, spec, err)
	          : itsma_assessment_remove_attribute(a, process_id, attribute, err);
	if (rc < 0)
		return rc; /* nothing changed */
	now = a->attr_by_sec[slot];
	key = attr_key(s, p->index, (int)attribute);
	order_changed(s, (uint32_t)key, old != NULL, old_index, now ? &now->c : NULL, 1);
	sr = &s->r->sections[p->index];
	if (!sr->applicable)
		return rescored(s, err); /* its warning comes or goes */
	if (!same_evidence(s, n_old, now ? now->c.evidence : NULL,
	                   now ? now->c.evidence_count : 0) &&
	    recite(s, key, n_old, now ? now->c.evidence : NULL, now ? now->c.evidence_count : 0) <
	        0)
		return recover(s, err);
	process_changed(s, sr, (int)attribute);
	s->n_incremental++;
	return 0;
}

int itsma_scorer_put_attribute(itsma_scorer *s, const itsma_attribute_spec *spec, itsma_error *err)
{
	int rc;
	itsma__error_reset(err);
	if (!s || !spec)
		return itsma__error_set(err, ITSMA_EINVAL, "scorer and spec must not be NULL");
	if ((rc = ready(s, err)) < 0)
		return rc;
	return done(s, attribute_change(s, spec, NULL, ITSMA_PA1_1, err));
}

int itsma_scorer_remove_attribute(itsma_scorer *s, const char *process_id,
                                  itsma_attribute attribute, itsma_error *err)
{
	int rc;
	itsma__error_reset(err);
	if (!s || !process_id)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "scorer and process id must not be NULL");
	if ((rc = ready(s, err)) < 0)
		return rc;
	return done(s, attribute_change(s, NULL, process_id, attribute, err));
}

int itsma_scorer_remove_attribute_of(itsma_scorer *s, const itsma_section *process,
                                     itsma_attribute attribute, itsma_error *err)
{
	int rc;
	itsma__error_reset(err);
	if (!s || !itsma__catalogue_has_section(s->a->cat, process))
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "expected a scorer and a section of its catalogue");
	if ((rc = ready(s, err)) < 0)
		return rc;
	return done(s, attribute_change(s, NULL, process->id, attribute, err));
}

/* ---- evidence -------------------------------------------------------------------------------- */

/* Room for one more evidence record's state and mark (before the assessment changes, so
 * that nothing can fail after it). */
static int room_for_evidence(itsma_scorer *s)
{
	size_t need = s->a->evidence_count + 1, cap = s->st_cap, i;
	ev_slot *st;
	itsma__fenwick marks = { NULL, 0 };
	if (need <= cap)
		return 0;
	while (cap < need)
		cap = cap < 16 ? 16 : cap * 2;
	if (itsma__fenwick_init(&marks, cap) < 0)
		return -1;
	st = st_alloc(cap);
	if (!st) {
		itsma__fenwick_free(&marks);
		return -1;
	}
	memcpy(st, s->st, s->st_cap * sizeof *st);
	for (i = 0; i < s->st_cap; i++) {
		citers_moved(&st[i], &s->st[i]);
		if (st[i].h.evidence)
			itsma__fenwick_add(&marks, i, +1);
	}
	free(s->st); /* its citers moved */
	itsma__fenwick_free(&s->marks);
	s->marks = marks;
	s->st = st;
	s->st_cap = cap;
	return 0;
}

static int evidence_put(itsma_scorer *s, const itsma_evidence_spec *spec, itsma_error *err)
{
	itsma_assessment *a;
	itsma_result *r;
	itsma_evidence *e = NULL, before;
	itsma_evidence_problem p_before = ITSMA_EVIDENCE_PROBLEM_UNUSED,
	                       p_now = ITSMA_EVIDENCE_PROBLEM_UNUSED;
	size_t i;
	long day;
	int rc, had, has;

	a = s->a;
	r = s->r;
	if (room_for_evidence(s) < 0)
		return itsma__error_nomem(err);
	if ((rc = itsma__assessment_put_evidence(a, spec, &e, &before, err)) < 0)
		return rc; /* nothing changed */
	s->n_incremental++;
	if (rc == 0) { /* added: cited by nothing yet, so unused */
		citers_free(&s->st[e->index]);
		issue_update(s, e);
		return 0;
	}
	/* replaced: what cites it changes only if whether it is current changed, and its issue
	 * only if its problem did */
	day = a->day;
	had = itsma__evidence_problem(a, &before, &p_before);
	has = itsma__evidence_problem(a, e, &p_now);
	if (had != has || p_before != p_now)
		issue_update(s, e);
	if (itsma__current_on(&before, day) == itsma__current_on(e, day))
		return 0;
	{
		const ev_slot *c = &s->st[e->index];
		for (i = 0; i < c->n; i++) {
			size_t key = c->keys[i];
			if (key < s->nreq) {
				itsma_requirement_result *q = &r->reqs[key];
				if (q->status == ITSMA_STATUS_EXCLUDED) {
					q->has_current =
					    0; /* as itsma_score sets it for excluded ones */
					itsma__score_requirement(r, q);
					q->status = ITSMA_STATUS_EXCLUDED;
					itsma__set_achievement(r, q, NAN);
					q->letter = ITSMA_LETTER_NONE;
					q->nc = ITSMA_NONCONFORMITY_NULL;
					q->gain = 0;
					continue;
				}
				if (requirement_changed(s, q) < 0)
					return recover(s, err);
			} else {
				size_t slot = key - s->nreq;
				itsma_section_result *sr =
				    &r->sections[slot / ITSMA_ATTRIBUTE_COUNT];
				if (sr->applicable)
					process_changed(s, sr, (int)(slot % ITSMA_ATTRIBUTE_COUNT));
			}
		}
	}
	return 0;
}

int itsma_scorer_put_evidence(itsma_scorer *s, const itsma_evidence_spec *spec, itsma_error *err)
{
	int rc;
	itsma__error_reset(err);
	if (!s || !spec)
		return itsma__error_set(err, ITSMA_EINVAL, "scorer and spec must not be NULL");
	if ((rc = ready(s, err)) < 0)
		return rc;
	return done(s, evidence_put(s, spec, err));
}

int itsma_scorer_remove_evidence(itsma_scorer *s, const char *id, itsma_error *err)
{
	int rc;
	itsma__error_reset(err);
	if (!s || !id)
		return itsma__error_set(err, ITSMA_EINVAL, "scorer and id must not be NULL");
	if ((rc = ready(s, err)) < 0)
		return rc;
	if ((rc = itsma_assessment_remove_evidence(s->a, id, err)) < 0)
		return done(s, rc); /* nothing changed */
	/* the records after it move up one place: score from scratch (the removal itself costs
	 * as much) */
	return done(s, rescored(s, err));
}
