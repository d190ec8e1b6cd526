/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The scoring engine (scoring.md): requirement statuses, the compliance models, section
 * achievements and effective weights, process capability, conformity, gaps, evidence
 * issues and warnings.
 *
 * Readings of points scoring.md leaves open are marked "Reading:" below and collected
 * in docs/scoring-notes.md.
 */
#include "internal/result.h"
#include "internal/prefetch.h"
#include "internal/rating.h"
#include "internal/error.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- small helpers ------------------------------------------------------------------------ */

/* Zeroed arena array of n elements (n may be 0) starting at a multiple of `align` (a power
 * of two); NULL on overflow or allocation failure. */
static void *arena_array_aligned(itsma__arena *ar, size_t n, size_t size, size_t align)
{
	char *p;
	if (n == 0)
		n = 1;
	if (size != 0 && n > ((size_t)-1 - align) / size)
		return NULL;
	p = itsma__arena_alloc(ar, n * size + align - 1);
	if (!p)
		return NULL;
	return p + ((align - (uintptr_t)p % align) % align);
}

/* The same with the arena's own alignment. */
static void *arena_array(itsma__arena *ar, size_t n, size_t size)
{
	return arena_array_aligned(ar, n, size, 1);
}

/* printf into the arena; NULL on allocation failure. */
static const char *arena_printf(itsma__arena *ar, const char *fmt, ...) ITSMA_FORMAT_PRINTF(2, 3);
static const char *arena_printf(itsma__arena *ar, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	p = itsma__arena_alloc(ar, (size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* The model's lookup tables may be left unallocated while empty: read them defensively. */
static const itsma_rating *rating_of(const itsma_assessment *a, size_t req_index)
{
	return a->rating_by_req ? a->rating_by_req[req_index] : NULL;
}

static const itsma_attribute_rating *attribute_of(const itsma_assessment *a, size_t sec_index,
                                                  int pa)
{
	return a->attr_by_sec ? a->attr_by_sec[sec_index * ITSMA_ATTRIBUTE_COUNT + (size_t)pa]
	                      : NULL;
}

static int section_directly_excluded(const itsma_assessment *a, size_t sec_index)
{
	return a->sec_excluded && a->sec_excluded[sec_index];
}

static int requirement_directly_excluded(const itsma_assessment *a, size_t req_index)
{
	return a->req_excluded && a->req_excluded[req_index];
}

/* Effective target of a process: its own, else the general one; -1 without either. */
static int target_of(const itsma_assessment *a, size_t sec_index)
{
	int t = a->target_by_sec ? a->target_by_sec[sec_index] : -1;
	return t >= 0 ? t : (a->target >= 0 ? a->target : -1);
}

int itsma__evidence_current(const itsma_assessment *a, const itsma_evidence *e)
{
	return itsma__current_on(e, a->day);
}

const itsma_exclusion *itsma__result_exclusion_for(const itsma_assessment *a,
                                                   const itsma_section *s,
                                                   const itsma_requirement *q)
{
	const itsma_section *p;

	if (q) {
		if (requirement_directly_excluded(a, q->index))
			return itsma_assessment_find_exclusion(a, q->id);
		s = q->section;
	}
	for (p = s; p; p = p->parent)
		if (section_directly_excluded(a, p->index))
			return itsma_assessment_find_exclusion(a, p->id);
	return NULL;
}

static int is_in_band(itsma_letter l, itsma_letter lo)
{
	/* band letters only: N < P < L < F */
	return l != ITSMA_LETTER_NONE && l >= lo;
}

typedef itsma__acc mean_acc;

/* An empty accumulator: lo and hi start beyond any achievement, so adding needs no test. */
static void acc_init(mean_acc *m)
{
	m->n = m->npos = 0;
	m->wsum = m->wasum = m->apos = m->azero = 0;
	m->lo = HUGE_VAL;
	m->hi = -HUGE_VAL;
}

static void acc_add(mean_acc *m, double w, double ach)
{
	m->lo = ach < m->lo ? ach : m->lo;
	m->hi = ach > m->hi ? ach : m->hi;
	m->n++;
	m->wsum += w;
	m->wasum += w * ach;
	if (w > 0) {
		m->npos++;
		m->apos += ach;
	} else {
		m->azero += ach;
	}
}

/* Add a whole subtree's accumulator (the flat models). */
static void acc_merge(mean_acc *m, const mean_acc *c)
{
	if (c->n == 0)
		return;
	m->lo = c->lo < m->lo ? c->lo : m->lo;
	m->hi = c->hi > m->hi ? c->hi : m->hi;
	m->n += c->n;
	m->npos += c->npos;
	m->wsum += c->wsum;
	m->wasum += c->wasum;
	m->apos += c->apos;
	m->azero += c->azero;
}

/*
 * The plain mean of the children weighing more than 0 (flat_unweighted: XCCDF 1.2's
 * flat-unweighted model gives every item of weight above 0 the weight 1 and leaves items
 * of weight 0 at 0, so they do not count), or of all of them when every one weighs 0 (our
 * extension, as for the weighted means; scoring-notes.md); clamped like acc_mean.
 */
static double acc_plain(const mean_acc *m)
{
	double v;
	if (m->n == 0)
		return NAN;
	v = m->npos > 0 ? m->apos / (double)m->npos : m->azero / (double)m->n;
	if (v < m->lo)
		v = m->lo;
	if (v > m->hi)
		v = m->hi;
	return v;
}

/*
 * The weighted mean, or the unweighted mean when every included child weighs 0; NaN
 * with no child. A mean lies between the smallest and the largest value averaged, so the
 * result is clamped to that range: rounding can then never push a section of F-rated
 * children (all 100) below 100 or any figure outside 0-100.
 */
static double acc_mean(const mean_acc *m)
{
	double v;
	if (m->n == 0)
		return NAN;
	v = m->wsum > 0 ? m->wasum / m->wsum : m->azero / (double)m->n;
	if (v < m->lo)
		v = m->lo;
	if (v > m->hi)
		v = m->hi;
	return v;
}

/* ---- the steps ---------------------------------------------------------------------------- */

typedef struct scorer {
	itsma_result *r;
	const itsma_assessment *a;
	const itsma_catalogue *cat;
	itsma_error *err;
} scorer;

static itsma_section_result *sec_entry(itsma_result *r, const itsma_section *s)
{
	return &r->sections[s->index - r->sec_base];
}

static itsma_requirement_result *req_entry(itsma_result *r, const itsma_requirement *q)
{
	return &r->reqs[q->index - r->req_base];
}

/* Scope flags of sections, in catalogue order (a parent comes before its children). */
static void step_scope(scorer *sc)
{
	itsma_result *r = sc->r;
	const itsma_section *p;
	int above = 0; /* a section enclosing the scoped section is excluded */
	size_t i;

	/*
	 * Reading: scoring one section "as if it were the whole catalogue" does not bring
	 * back what the assessment's scope leaves out: when a section enclosing the scored
	 * one is excluded, everything scored is excluded too.
	 */
	if (r->scope)
		for (p = r->scope->parent; p; p = p->parent)
			if (section_directly_excluded(sc->a, p->index))
				above = 1;
	for (i = 0; i < r->section_count; i++) {
		itsma_section_result *sr = &r->sections[i];
		const itsma_section *s = sc->cat->sections[r->sec_base + i];
		int parent_out;
		sr->sec = s;
		sr->span = (uint32_t)(s->sec_end - s->index);
		sr->w = s->weight;
		sr->req_first = (uint32_t)(s->req_begin - r->req_base);
		sr->req_n = (uint32_t)s->req_count;
		sr->parent = (s == r->scope || !s->parent)
		                 ? ITSMA__NO_ENTRY
		                 : (uint32_t)(s->parent->index - r->sec_base);
		parent_out =
		    (s == r->scope || !s->parent) ? above : sec_entry(r, s->parent)->excluded;
		sr->excluded = parent_out || section_directly_excluded(sc->a, s->index);
		sr->achievement = NAN;
		sr->ach_shall = sr->ach_should = NAN;
		sr->letter = ITSMA_LETTER_NONE;
		sr->is_process = s->kind == ITSMA_SECTION_KIND_PROCESS;
		sr->level = -1;
		sr->target = sr->is_process ? target_of(sc->a, s->index) : -1;
	}
}

/* scoring.md §2 (status and achievement) and §5 (nonconformity class) of an applicable
 * requirement; its gain from the effective weight already set. */
void itsma__score_requirement(itsma_result *r, itsma_requirement_result *q)
{
	const itsma_requirement *req = q->req;
	const itsma_rating *rt = rating_of(r->a, req->index);
	long day = r->a->day;
	double ach;
	size_t k;

	q->rating = rt;
	q->nc = ITSMA_NONCONFORMITY_NULL;
	q->has_current = 0;
	if (rt)
		for (k = 0; k < rt->c.evidence_count && !q->has_current; k++)
			q->has_current = itsma__current_on(rt->c.evidence[k], day);
	if (!rt) {
		/* 2. unassessed */
		q->status = ITSMA_STATUS_UNASSESSED;
		ach = 0;
	} else if (rt->c.value > 0 && !q->has_current) {
		/* 3. unsupported: above 0, no cited evidence current (none cited counts) */
		q->status = ITSMA_STATUS_UNSUPPORTED;
		ach = r->policy == ITSMA_EVIDENCE_POLICY_ADVISORY ? rt->c.value : 0;
	} else {
		/* 4. rated (a rating of 0 needs no evidence) */
		q->status = ITSMA_STATUS_RATED;
		ach = rt->c.value;
	}
	itsma__set_achievement(r, q, ach);
	q->letter = itsma__band_of(ach);
	q->gain = q->weight * (100 - q->achievement);
	if (req->obligation == ITSMA_OBLIGATION_SHALL) {
		if (q->status == ITSMA_STATUS_UNASSESSED)
			q->nc = ITSMA_NONCONFORMITY_UNASSESSED;
		else if (q->letter == ITSMA_LETTER_F)
			q->nc = ITSMA_NONCONFORMITY_NONE;
		else if (q->letter == ITSMA_LETTER_L)
			q->nc = ITSMA_NONCONFORMITY_MINOR;
		else
			q->nc = ITSMA_NONCONFORMITY_MAJOR; /* P or N, which includes unsupported
			                                      under the required policy */
	}
}

void itsma__tally_requirement(itsma_result *r, const itsma_requirement_result *q, int sign)
{
	size_t *t = r->tally;
	size_t d = (size_t)(long)sign; /* wraps for -1: unsigned arithmetic adds it back */
	switch (q->status) {
	case ITSMA_STATUS_UNASSESSED: t[ITSMA_TALLY_UNASSESSED] += d; break;
	case ITSMA_STATUS_UNSUPPORTED: t[ITSMA_TALLY_UNSUPPORTED] += d; break;
	case ITSMA_STATUS_RATED: t[ITSMA_TALLY_RATED] += d; break;
	default: break;
	}
	switch (q->nc) {
	case ITSMA_NONCONFORMITY_UNASSESSED: t[ITSMA_TALLY_NC_UNASSESSED] += d; break;
	case ITSMA_NONCONFORMITY_MINOR: t[ITSMA_TALLY_NC_MINOR] += d; break;
	case ITSMA_NONCONFORMITY_MAJOR: t[ITSMA_TALLY_NC_MAJOR] += d; break;
	default: break;
	}
}

static void step_requirements(scorer *sc)
{
	itsma_result *r = sc->r;
	size_t j, k;

	for (j = 0; j < r->req_count; j++) {
		itsma_requirement_result *q = &r->reqs[j];
		const itsma_requirement *req = sc->cat->requirements[r->req_base + j];

		q->req = req;
		q->sec = (uint32_t)(req->section->index - r->sec_base);
		r->roll[j].w = req->weight;
		r->shall[j] = req->obligation == ITSMA_OBLIGATION_SHALL;
		r->tally[ITSMA_TALLY_TOTAL]++;
		/* 1. excluded: the requirement or an enclosing section is out of scope */
		if (sec_entry(r, req->section)->excluded ||
		    requirement_directly_excluded(sc->a, req->index)) {
			const itsma_rating *rt = rating_of(sc->a, req->index);
			q->rating = rt;
			q->nc = ITSMA_NONCONFORMITY_NULL;
			if (rt)
				for (k = 0; k < rt->c.evidence_count && !q->has_current; k++)
					q->has_current =
					    itsma__evidence_current(sc->a, rt->c.evidence[k]);
			q->status = ITSMA_STATUS_EXCLUDED;
			itsma__set_achievement(r, q, NAN);
			q->letter = ITSMA_LETTER_NONE;
			r->tally[ITSMA_TALLY_EXCLUDED]++;
			continue;
		}
		r->tally[ITSMA_TALLY_APPLICABLE]++;
		itsma__score_requirement(r, q); /* gain set again once weights are known */
		itsma__tally_requirement(r, q, +1);
	}
}

/*
 * Which of the obligation models a roll-up recomputes: all of them (ITSMA__ROLL_ALL), or,
 * after a change to one requirement's figure, only its obligation's: the other model and
 * the counts of applicable requirements cannot have changed, and are left as they are.
 */
static int roll_shall(int only) { return only != (int)ITSMA_OBLIGATION_SHOULD; }
static int roll_should(int only) { return only != (int)ITSMA_OBLIGATION_SHALL; }

/* Add one child section (or top-level section) to a parent's accumulators. */
static void add_child(const itsma_section_result *cr, mean_acc m[3], mean_acc *flat, size_t notf[2],
                      int only)
{
	double w = cr->w;
	if (cr->excluded)
		return;
	/* a child section without any (shall / should) requirement is left out */
	if (cr->n_all > 0)
		acc_add(&m[0], w, cr->achievement);
	if (cr->n_shall > 0 && roll_shall(only))
		acc_add(&m[1], w, cr->ach_shall);
	if (cr->n_should > 0 && roll_should(only))
		acc_add(&m[2], w, cr->ach_should);
	acc_merge(flat, &cr->flat);
	notf[0] += cr->n_notf;
	notf[1] += cr->n_notf_pos;
}

/* Section roll-up (scoring.md §3) of one non-excluded section: default, shall, should, and the
 * flat accumulators of its subtree. */
void itsma__rollup_section(itsma_result *r, itsma_section_result *sr, int only)
{
	/* a section's own requirements come first in its catalogue-order range; its children's
	 * entries follow its own, each subtree `span` entries long */
	const itsma__roll_in *in = &r->roll[sr->req_first];
	const unsigned char *shall = &r->shall[sr->req_first];
	const itsma_section_result *cr, *end = sr + sr->span;
	mean_acc m[3], flat;
	size_t k, notf[2] = { 0, 0 }, n_all, n_shall = 0, n_should = 0;

	acc_init(&m[0]);
	acc_init(&m[1]);
	acc_init(&m[2]);
	for (k = 0; k < sr->req_n; k++) {
		double w = in[k].w, ach = in[k].ach;
		if (isnan(ach))
			continue; /* excluded */
		acc_add(&m[0], w, ach);
		notf[0] += !(ach > 85);
		notf[1] += !(ach > 85) && w > 0;
		if (shall[k]) {
			n_shall++;
			if (roll_shall(only))
				acc_add(&m[1], w, ach);
		} else {
			n_should++;
			if (roll_should(only))
				acc_add(&m[2], w, ach);
		}
	}
	/* the flat models add the same requirements the same way first */
	flat = m[0];
	n_all = m[0].n;
	for (cr = sr + 1; cr < end; cr += cr->span) {
		add_child(cr, m, &flat, notf, only);
		if (only == ITSMA__ROLL_ALL && !cr->excluded) {
			n_all += cr->n_all;
			n_shall += cr->n_shall;
			n_should += cr->n_should;
		}
	}
	if (only == ITSMA__ROLL_ALL) {
		sr->n_all = n_all;
		sr->n_shall = n_shall;
		sr->n_should = n_should;
		sr->applicable = n_all > 0;
	}
	sr->achievement = acc_mean(&m[0]);
	if (roll_shall(only))
		sr->ach_shall = acc_mean(&m[1]);
	if (roll_should(only))
		sr->ach_should = acc_mean(&m[2]);
	sr->child_n = m[0].n;
	sr->child_wsum = m[0].wsum;
	sr->flat = flat;
	sr->n_notf = (uint32_t)notf[0];
	sr->n_notf_pos = (uint32_t)notf[1];
	sr->letter = sr->applicable ? itsma__band_of(sr->achievement) : ITSMA_LETTER_NONE;
}

/*
 * The top level: the catalogue's applicable top-level sections, or the scoped one; and the
 * flat models (scoring.md §3) over all applicable requirements, accumulated subtree by
 * subtree. Reading: the sums of the flat models are formed per subtree (catalogue order
 * within each), so that a live scorer can carry one change up one path and still give the
 * same figures to the last bit as scoring from scratch.
 */
void itsma__rollup_top(itsma_result *r, int only)
{
	/* the top-level sections' entries: the first one's, then each next one `span` on (the
	 * scoped section's spans them all) */
	const itsma_section_result *cr, *end = r->sections + r->section_count;
	mean_acc m[3], flat;
	size_t notf[2] = { 0, 0 };
	int k;

	acc_init(&m[0]);
	acc_init(&m[1]);
	acc_init(&m[2]);
	acc_init(&flat);
	for (cr = r->sections; cr < end; cr += cr->span)
		add_child(cr, m, &flat, notf, only);
	r->top_n = m[0].n;
	r->top_wsum = m[0].wsum;
	r->compliance[ITSMA_MODEL_DEFAULT] = acc_mean(&m[0]);
	if (roll_shall(only))
		r->compliance[ITSMA_MODEL_SHALL] = acc_mean(&m[1]);
	if (roll_should(only))
		r->compliance[ITSMA_MODEL_SHOULD] = acc_mean(&m[2]);
	r->compliance[ITSMA_MODEL_FLAT] = acc_mean(&flat);
	r->compliance[ITSMA_MODEL_FLAT_UNWEIGHTED] = acc_plain(&flat);
	/* absolute (XCCDF 1.2): the flat model, then 100 when its score reaches its maximum, so
	 * requirements weighing 0 do not matter; when every one weighs 0, all of them must be F
	 * (our extension, as for the means) */
	r->compliance[ITSMA_MODEL_ABSOLUTE] =
	    flat.n == 0 ? NAN : (notf[flat.npos > 0 ? 1 : 0] == 0 ? 100 : 0);
	if (flat.n == 0) /* every compliance figure is null when no requirement is applicable */
		for (k = 0; k < ITSMA_MODEL_COUNT; k++)
			r->compliance[k] = NAN;
}

/* Section roll-up, children before parents, then the top level. */
static void step_rollup(scorer *sc)
{
	itsma_result *r = sc->r;
	size_t i;

	for (i = r->section_count; i-- > 0;)
		if (!r->sections[i].excluded)
			itsma__rollup_section(r, &r->sections[i], ITSMA__ROLL_ALL);
	itsma__rollup_top(r, ITSMA__ROLL_ALL);
}

/* The share of one applicable child in its parent's mean (scoring.md §6). */
static double share(double w, double wsum, size_t n)
{
	return wsum > 0 ? w / wsum : 1.0 / (double)n;
}

/* Effective weights (scoring.md §6), parents before children, and gains. */
static void step_weights(scorer *sc)
{
	itsma_result *r = sc->r;
	size_t i, k, t;

	for (t = 0; t < itsma__result_top_count(r); t++) {
		itsma_section_result *cr = sec_entry(r, itsma__result_top_at(r, t));
		if (cr->applicable)
			cr->weight = share(cr->sec->weight, r->top_wsum, r->top_n);
	}
	for (i = 0; i < r->section_count; i++) {
		itsma_section_result *sr = &r->sections[i];
		const itsma_section *s = sr->sec;
		if (!sr->applicable)
			continue;
		for (k = 0; k < s->req_count; k++) {
			itsma_requirement_result *q = req_entry(r, s->reqs[k]);
			if (q->status == ITSMA_STATUS_EXCLUDED)
				continue;
			q->weight = sr->weight * share(q->req->weight, sr->child_wsum, sr->child_n);
			q->gain = q->weight * (100 - q->achievement);
		}
		for (k = 0; k < s->child_count; k++) {
			itsma_section_result *cr = sec_entry(r, s->children[k]);
			if (cr->applicable)
				cr->weight = sr->weight *
				             share(cr->sec->weight, sr->child_wsum, sr->child_n);
		}
	}
}

/* Capability level (scoring.md §4) from the attributes' band letters. */
static int capability_level(const itsma_letter *letter)
{
	int k, pa, level = 0, lv[ITSMA_ATTRIBUTE_COUNT];
	for (pa = 0; pa < ITSMA_ATTRIBUTE_COUNT; pa++)
		lv[pa] = itsma_attribute_level((itsma_attribute)pa);
	for (k = 1; k <= 5; k++) {
		int ok = 1;
		for (pa = 0; pa < ITSMA_ATTRIBUTE_COUNT; pa++) {
			if (lv[pa] == k && !is_in_band(letter[pa], ITSMA_LETTER_L))
				ok = 0;
			if (lv[pa] < k && letter[pa] != ITSMA_LETTER_F)
				ok = 0;
		}
		if (!ok)
			break;
		level = k;
	}
	return level;
}

void itsma__score_attribute(itsma_result *r, itsma_section_result *sr, int pa)
{
	const itsma_attribute_rating *ar;
	long day;
	size_t k;
	int current = 0;

	if (pa == 0) {
		/* PA1.1: the default model over the applicable shall requirements, or over all
		 * applicable requirements when there is no shall one */
		sr->attr_ach[0] = sr->n_shall > 0 ? sr->ach_shall : sr->achievement;
		sr->attr_status[0] = ITSMA_ATTRIBUTE_STATUS_DERIVED;
	} else if ((ar = attribute_of(r->a, sr->sec->index, pa)) == NULL) {
		sr->attr_rating[pa] = NULL;
		sr->attr_status[pa] = ITSMA_ATTRIBUTE_STATUS_UNASSESSED;
		sr->attr_ach[pa] = 0;
	} else {
		sr->attr_rating[pa] = ar;
		day = r->a->day;
		for (k = 0; k < ar->c.evidence_count && !current; k++)
			current = itsma__current_on(ar->c.evidence[k], day);
		if (ar->c.value > 0 && !current) {
			sr->attr_status[pa] = ITSMA_ATTRIBUTE_STATUS_UNSUPPORTED;
			sr->attr_ach[pa] =
			    r->policy == ITSMA_EVIDENCE_POLICY_ADVISORY ? ar->c.value : 0;
		} else {
			sr->attr_status[pa] = ITSMA_ATTRIBUTE_STATUS_RATED;
			sr->attr_ach[pa] = ar->c.value;
		}
	}
	sr->attr_letter[pa] = itsma__band_of(sr->attr_ach[pa]);
}

void itsma__score_level(itsma_section_result *sr) { sr->level = capability_level(sr->attr_letter); }

/* Attributes and capability level of one applicable process (scoring.md §4). */
void itsma__score_process(itsma_result *r, itsma_section_result *sr)
{
	int pa;
	for (pa = 0; pa < ITSMA_ATTRIBUTE_COUNT; pa++)
		itsma__score_attribute(r, sr, pa);
	itsma__score_level(sr);
}

int itsma__capability_gap(const itsma_section_result *sr, itsma_capability_gap *g)
{
	int pa;
	if (!sr->is_process || !sr->applicable || sr->target < 0 || sr->level >= sr->target)
		return 0;
	memset(g, 0, sizeof *g);
	g->process = sr->sec;
	g->level = sr->level;
	g->target = sr->target;
	for (pa = 0; pa < ITSMA_ATTRIBUTE_COUNT; pa++) {
		int lv = itsma_attribute_level((itsma_attribute)pa);
		itsma_letter l = sr->attr_letter[pa], needed = ITSMA_LETTER_NONE;
		if (lv < sr->target && l != ITSMA_LETTER_F)
			needed = ITSMA_LETTER_F;
		else if (lv == sr->target && !is_in_band(l, ITSMA_LETTER_L))
			needed = ITSMA_LETTER_L;
		if (needed == ITSMA_LETTER_NONE)
			continue;
		g->attr[g->count] = (itsma_attribute)pa;
		g->letter[g->count] = l;
		g->needed[g->count] = needed;
		g->count++;
	}
	return 1;
}

/* Process attributes, capability levels, targets and capability gaps (scoring.md §4). */
static int step_processes(scorer *sc)
{
	itsma_result *r = sc->r;
	size_t i, n_gaps = 0, n_proc = 0;
	long sum = 0;
	int pa;

	r->cap_min = r->cap_max = -1;
	r->cap_mean = NAN;
	for (i = 0; i < r->section_count; i++) {
		itsma_section_result *sr = &r->sections[i];
		const itsma_section *s = sr->sec;

		if (!sr->is_process)
			continue;
		for (pa = 0; pa < ITSMA_ATTRIBUTE_COUNT; pa++) {
			sr->attr_ach[pa] = NAN;
			sr->attr_letter[pa] = ITSMA_LETTER_NONE;
			sr->attr_status[pa] = pa == 0 ? ITSMA_ATTRIBUTE_STATUS_DERIVED
			                              : ITSMA_ATTRIBUTE_STATUS_UNASSESSED;
			sr->attr_rating[pa] = pa == 0 ? NULL : attribute_of(sc->a, s->index, pa);
		}
		if (!sr->applicable)
			continue;
		itsma__score_process(r, sr);

		n_proc++;
		sum += sr->level;
		if (r->cap_min < 0 || sr->level < r->cap_min)
			r->cap_min = sr->level;
		if (sr->level > r->cap_max)
			r->cap_max = sr->level;
		if (sr->target >= 0) {
			r->tally[ITSMA_TALLY_TARGETS_SET]++;
			if (sr->level >= sr->target)
				r->tally[ITSMA_TALLY_TARGETS_MET]++;
			else
				n_gaps++;
		}
	}
	r->tally[ITSMA_TALLY_PROCESSES] = n_proc;
	if (n_proc > 0)
		r->cap_mean = (double)sum / (double)n_proc;

	r->cgaps = arena_array(&r->arena, n_gaps, sizeof *r->cgaps);
	if (!r->cgaps)
		return itsma__error_nomem(sc->err);
	for (i = 0; i < r->section_count; i++)
		if (itsma__capability_gap(&r->sections[i], &r->cgaps[r->cgap_count]))
			r->cgap_count++;
	return 0;
}

/* Conformity verdict (scoring.md §5): the first that applies. */
void itsma__score_verdict(itsma_result *r)
{
	if (r->tally[ITSMA_TALLY_NC_MAJOR] > 0)
		r->verdict = ITSMA_VERDICT_NONCONFORMANT;
	else if (r->tally[ITSMA_TALLY_NC_UNASSESSED] > 0)
		r->verdict = ITSMA_VERDICT_INCOMPLETE;
	else if (r->tally[ITSMA_TALLY_NC_MINOR] > 0)
		r->verdict = ITSMA_VERDICT_CONDITIONAL;
	else
		r->verdict = ITSMA_VERDICT_CONFORMANT;
}

/* Merged guidance of a section and its enclosing sections, nearest first, no duplicates,
 * sources in the catalogue's guidance_sources order. */
static const itsma__merged_guidance *merged_guidance(itsma_result *r, const itsma_section *s)
{
	itsma__arena *ar = &r->arena;
	const itsma_catalogue *cat = r->cat;
	itsma__merged_guidance *mg;
	const itsma_section *p;
	size_t src, i, k, v;

	mg = itsma__arena_alloc(ar, sizeof *mg);
	if (!mg)
		return NULL;
	if (cat->gs_count == 0)
		return mg;
	mg->keys = arena_array(ar, cat->gs_count, sizeof *mg->keys);
	mg->values = arena_array(ar, cat->gs_count, sizeof *mg->values);
	mg->value_count = arena_array(ar, cat->gs_count, sizeof *mg->value_count);
	if (!mg->keys || !mg->values || !mg->value_count)
		return NULL;
	for (src = 0; src < cat->gs_count; src++) {
		size_t bound = 0, n = 0;
		const char **vals;
		for (p = s; p; p = p->parent)
			for (i = 0; i < p->guidance_count; i++)
				if (p->guidance[i].source == src)
					bound += p->guidance[i].count;
		if (bound == 0)
			continue;
		vals = arena_array(ar, bound, sizeof *vals);
		if (!vals)
			return NULL;
		for (p = s; p; p = p->parent) {
			for (i = 0; i < p->guidance_count; i++) {
				const itsma__guidance *g = &p->guidance[i];
				if (g->source != src)
					continue;
				for (v = 0; v < g->count; v++) {
					for (k = 0; k < n; k++)
						if (strcmp(vals[k], g->values[v]) == 0)
							break;
					if (k == n)
						vals[n++] = g->values[v];
				}
			}
		}
		mg->keys[mg->count] = cat->gs_keys[src];
		mg->values[mg->count] = vals;
		mg->value_count[mg->count] = n;
		mg->count++;
	}
	return mg;
}

const itsma__merged_guidance *itsma__section_guidance(itsma_result *r, itsma_section_result *sr)
{
	if (!sr->guidance)
		sr->guidance = merged_guidance(r, sr->sec);
	return sr->guidance;
}

/* Rank of a gap (scoring.md §6): major or unsupported, then unassessed, then minor. */
int itsma__gap_rank(const itsma_requirement_result *q)
{
	if (q->status == ITSMA_STATUS_UNASSESSED)
		return 1;
	if (q->status == ITSMA_STATUS_UNSUPPORTED)
		return 0;
	/*
	 * Reading: scoring.md ranks by nonconformity class, which `should` requirements do
	 * not have; they are ranked by the same rule applied to their band letter (P or N
	 * like major, L like minor).
	 */
	return q->letter == ITSMA_LETTER_L ? 2 : 0;
}

/*
 * Gains are compared on a grid of 1e-9 percentage points. Reading: effective weights
 * reached along different paths of equal structure can differ in the last bit (1/3 x
 * 1/2 against 1/2 x 1/3); such gains are meant to be equal, and equal gains are ordered
 * by catalogue order. Rounding to a grid keeps the order total and deterministic.
 */
static long long gain_key(double gain)
{
	/* llround() for the positive values below 2^61 that reach here (gain > 0), without a
	 * library call: the truncation is exact, and so is the fraction it leaves */
	double x = gain * 1e9;
	long long t = (long long)x;
	return t + (x - (double)t >= 0.5);
}

/*
 * One 64-bit key in ascending order: bit 63 for should (shall first), bits 61-62 for the
 * rank, then the gain on its grid, inverted (larger gains first). Gains lie between 0 and
 * 100 (effective weights are at most 1), far below the 2^61 the key has room for; anything
 * outside is clamped, which can only make such gains tie and fall back to catalogue order.
 */
void itsma__gap_key(itsma_gap *g, const itsma_requirement_result *figures)
{
	const unsigned long long gain_max = (1ULL << 61) - 1;
	double gain = figures->gain;
	unsigned long long gk = 0;
	if (gain > 0)
		gk = gain * 1e9 >= (double)gain_max ? gain_max : (unsigned long long)gain_key(gain);
	if (gk > gain_max)
		gk = gain_max;
	g->key = (unsigned long long)(figures->req->obligation != ITSMA_OBLIGATION_SHALL) << 63 |
	         (unsigned long long)itsma__gap_rank(figures) << 61 | (gain_max - gk);
	g->order = figures->req->index;
}

/* shall before should, then by rank, larger gain first, then in catalogue order */
int itsma__gap_cmp(const void *pa, const void *pb)
{
	const itsma_gap *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	return 0;
}

/* Gaps in priority order, each with its merged guidance (scoring.md §6). */
static int step_gaps(scorer *sc)
{
	itsma_result *r = sc->r;
	size_t j, n = 0;

	for (j = 0; j < r->req_count; j++)
		if (r->reqs[j].status != ITSMA_STATUS_EXCLUDED &&
		    r->reqs[j].letter != ITSMA_LETTER_F)
			n++;
	r->gaps = arena_array(&r->arena, n, sizeof *r->gaps);
	if (!r->gaps)
		return itsma__error_nomem(sc->err);
	for (j = 0; j < r->req_count; j++) {
		itsma_requirement_result *q = &r->reqs[j];
		itsma_section_result *sr;
		itsma_gap *g;
		if (q->status == ITSMA_STATUS_EXCLUDED || q->letter == ITSMA_LETTER_F)
			continue;
		sr = sec_entry(r, q->req->section);
		g = &r->gaps[r->gap_count++];
		g->q = q;
		itsma__gap_key(g, q);
		q->guidance = itsma__section_guidance(r, sr);
		if (!q->guidance)
			return itsma__error_nomem(sc->err);
	}
	if (r->gap_count > 1)
		qsort(r->gaps, r->gap_count, sizeof *r->gaps, itsma__gap_cmp);
	return 0;
}

/* The problem of an evidence record on the assessment date, if any. */
int itsma__evidence_problem(const itsma_assessment *a, const itsma_evidence *e,
                            itsma_evidence_problem *out)
{
	long day = a->day;
	if (e->expires < day) { /* never for ITSMA__NEVER */
		*out = ITSMA_EVIDENCE_PROBLEM_EXPIRED;
		return 1;
	}
	if (e->collected > day) {
		*out = ITSMA_EVIDENCE_PROBLEM_FUTURE;
		return 1;
	}
	return 0;
}

static int rating_in_scope(const itsma_result *r, const itsma_rating *rt)
{
	size_t i = rt->requirement->index;
	return i >= r->req_base && i - r->req_base < r->req_count;
}

static int attribute_in_scope(const itsma_result *r, const itsma_attribute_rating *ar)
{
	size_t i = ar->process->index;
	return i >= r->sec_base && i - r->sec_base < r->section_count;
}

/* Position of an evidence record in the assessment's list: its index (the model keeps it
 * right through additions and removals; the list is not read, one cache miss less per
 * citation). ne when out of range. */
static size_t evidence_pos(const itsma_assessment *a, const itsma_evidence *e)
{
	return e->index < a->evidence_count ? e->index : a->evidence_count;
}

/* Ask for the records that citation k + CITE_AHEAD names while citation k is counted: the
 * records are scattered, and a rating cites many. */
#define CITE_AHEAD 8

/*
 * What scoring counts of one evidence record: its citations (whatever the scope), and those
 * made from within the result's scope when it has a problem (the ones listed in its issue);
 * once the issues are made, `listed` holds 1 + the record's place among them (0: none). One
 * small struct per record, so that a citation touches one place. (Counts are 32-bit: a
 * record cited 2^32 times would need more memory than there is for the citations alone.)
 */
typedef struct ev_tally {
	uint32_t cites;
	uint32_t listed;
} ev_tally;

/* Count the citations of one rating or attribute rating (in_scope: made from within the
 * result's scope). */
static void count_cites(const itsma_assessment *a, const itsma__cited *c, int in_scope,
                        const unsigned char *problem, ev_tally *t)
{
	size_t k, e;
	for (k = 0; k < c->evidence_count; k++) {
		if (k + CITE_AHEAD < c->evidence_count)
			ITSMA__PREFETCH(&c->evidence[k + CITE_AHEAD]->index);
		if ((e = evidence_pos(a, c->evidence[k])) >= a->evidence_count)
			continue;
		t[e].cites++;
		if (problem[e] && in_scope)
			t[e].listed++;
	}
}

/* Whether a record is listed among the issues: unused (cited by nothing at all), or with a
 * problem and cited from within the result's scope. */
static int is_issue(const ev_tally *t, unsigned char problem)
{
	return t->cites == 0 || (problem && t->listed > 0);
}

/* The issue a citation of record e adds its citer to, or NULL. */
static itsma__plain_issue *issue_cited(itsma_result *r, const ev_tally *t, size_t e, size_t ne)
{
	return e < ne && t[e].listed ? &r->issues[t[e].listed - 1] : NULL;
}

/* Evidence issues (scoring.md §7). */
static int step_issues(scorer *sc)
{
	itsma_result *r = sc->r;
	const itsma_assessment *a = sc->a;
	size_t ne = a->evidence_count, i, k, n_issues = 0;
	ev_tally *t = NULL;
	unsigned char *problem = NULL, *kind = NULL;
	itsma__plain_issue *is;
	int rc = 0;

	if (ne == 0)
		return 0;
	t = calloc(ne, sizeof *t);
	problem = calloc(ne, 1);
	kind = calloc(ne, 1);
	if (!t || !problem || !kind) {
		rc = itsma__error_nomem(sc->err);
		goto done;
	}
	for (i = 0; i < ne; i++) {
		itsma_evidence_problem pk = ITSMA_EVIDENCE_PROBLEM_UNUSED;
		problem[i] = (unsigned char)itsma__evidence_problem(a, a->evidence[i], &pk);
		kind[i] = (unsigned char)pk;
	}

	/* count: every citation (whatever the scope) decides "unused"; citations from
	 * inside a section-scoped result are the ones listed */
	for (i = 0; i < a->rating_count; i++)
		count_cites(a, &a->ratings[i]->c, rating_in_scope(r, a->ratings[i]), problem, t);
	for (i = 0; i < a->attribute_count; i++)
		count_cites(a, &a->attributes[i]->c, attribute_in_scope(r, a->attributes[i]),
		            problem, t);

	/* the issues, in the assessment's evidence order (the list sized to them) */
	for (i = 0; i < ne; i++)
		n_issues += is_issue(&t[i], problem[i]);
	r->issues = arena_array(&r->arena, n_issues ? n_issues : 1, sizeof *r->issues);
	if (!r->issues) {
		rc = itsma__error_nomem(sc->err);
		goto done;
	}
	n_issues = 0;
	for (i = 0; i < ne; i++) {
		size_t listed = t[i].listed;
		if (!is_issue(&t[i], problem[i]))
			continue;
		is = &r->issues[n_issues++];
		is->h.evidence = a->evidence[i];
		is->h.src = &itsma__plain_issues;
		if (t[i].cites == 0) {
			is->h.problem = ITSMA_EVIDENCE_PROBLEM_UNUSED; /* takes precedence over
			                                                  expired and future */
			continue;
		}
		is->h.problem = (itsma_evidence_problem)kind[i];
		is->cited_by = arena_array(&r->arena, listed, sizeof *is->cited_by);
		if (!is->cited_by) {
			rc = itsma__error_nomem(sc->err);
			goto done;
		}
		t[i].listed = (uint32_t)n_issues; /* 1 + its place */
	}
	r->issue_count = n_issues;
	/* a record that is no issue has listed 0 already: it is only counted with a problem */

	/* citers: requirements in the order of ratings, then PROCESS/PAx.y in the order of
	 * attributes */
	for (i = 0; i < a->rating_count; i++) {
		const itsma_rating *rt = a->ratings[i];
		if (!rating_in_scope(r, rt))
			continue;
		for (k = 0; k < rt->c.evidence_count; k++) {
			if (k + CITE_AHEAD < rt->c.evidence_count)
				ITSMA__PREFETCH(&rt->c.evidence[k + CITE_AHEAD]->index);
			is = issue_cited(r, t, evidence_pos(a, rt->c.evidence[k]), ne);
			if (is)
				is->cited_by[is->h.cited_count++] = rt->requirement->id;
		}
	}
	for (i = 0; i < a->attribute_count; i++) {
		const itsma_attribute_rating *ar = a->attributes[i];
		const char *name = NULL;
		if (!attribute_in_scope(r, ar))
			continue;
		for (k = 0; k < ar->c.evidence_count; k++) {
			is = issue_cited(r, t, evidence_pos(a, ar->c.evidence[k]), ne);
			if (!is)
				continue;
			if (!name) {
				name = arena_printf(&r->arena, "%s/%s", ar->process->id,
				                    itsma_attribute_name(ar->attribute));
				if (!name) {
					rc = itsma__error_nomem(sc->err);
					goto done;
				}
			}
			is->cited_by[is->h.cited_count++] = name;
		}
	}
done:
	free(t);
	free(problem);
	free(kind);
	return rc;
}

/* The structured form of warning r->warning_count (before it is counted). */
static int note_warning(itsma_result *r, itsma_warning_kind kind, const char *subject,
                        itsma_attribute attribute, const itsma_exclusion *x)
{
	struct itsma__warning *w = &r->warning_info[r->warning_count];
	w->kind = kind;
	w->subject = subject;
	w->attribute = attribute;
	w->exclusion = NULL;
	if (x && !(w->exclusion = arena_printf(&r->arena, "%s", itsma_exclusion_id(x))))
		return -1;
	return 0;
}

/* Warnings: ratings that scoring ignores (scoring.md §2: a warning, not an error). */
static int step_warnings(scorer *sc)
{
	itsma_result *r = sc->r;
	const itsma_assessment *a = sc->a;
	size_t pass, i, n = 0;

	for (pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			r->warnings = arena_array(&r->arena, n, sizeof *r->warnings);
			r->warning_info = arena_array(&r->arena, n, sizeof *r->warning_info);
			if (!r->warnings || !r->warning_info)
				return itsma__error_nomem(sc->err);
		}
		for (i = 0; i < a->rating_count; i++) {
			const itsma_rating *rt = a->ratings[i];
			const itsma_exclusion *x;
			const char *w;
			if (!rating_in_scope(r, rt) ||
			    req_entry(r, rt->requirement)->status != ITSMA_STATUS_EXCLUDED)
				continue;
			if (pass == 0) {
				n++;
				continue;
			}
			x = itsma__result_exclusion_for(a, NULL, rt->requirement);
			w = arena_printf(
			    &r->arena,
			    "requirement %s is rated but excluded from the scope (%s: %s); "
			    "its rating is ignored",
			    rt->requirement->id, x ? itsma_exclusion_id(x) : "?",
			    x ? itsma_exclusion_reason(x) : "?");
			if (!w || note_warning(r, ITSMA_WARNING_KIND_EXCLUDED_RATING,
			                       rt->requirement->id, ITSMA_ATTRIBUTE_COUNT, x) < 0)
				return itsma__error_nomem(sc->err);
			r->warnings[r->warning_count++] = w;
		}
		for (i = 0; i < a->attribute_count; i++) {
			const itsma_attribute_rating *ar = a->attributes[i];
			const itsma_section_result *sr;
			const itsma_exclusion *x = NULL;
			const char *w;
			if (!attribute_in_scope(r, ar))
				continue;
			sr = sec_entry(r, ar->process);
			if (sr->applicable)
				continue;
			if (pass == 0) {
				n++;
				continue;
			}
			if (sr->excluded) {
				x = itsma__result_exclusion_for(a, ar->process, NULL);
				w = arena_printf(
				    &r->arena,
				    "process %s is rated on %s but excluded from the scope "
				    "(%s: %s); the rating is ignored",
				    ar->process->id, itsma_attribute_name(ar->attribute),
				    x ? itsma_exclusion_id(x) : "?",
				    x ? itsma_exclusion_reason(x) : "?");
			} else {
				w = arena_printf(&r->arena,
				                 "process %s is rated on %s but has no applicable "
				                 "requirement; the rating is ignored",
				                 ar->process->id,
				                 itsma_attribute_name(ar->attribute));
			}
			if (!w || note_warning(r,
			                       sr->excluded ? ITSMA_WARNING_KIND_EXCLUDED_ATTRIBUTE
			                                    : ITSMA_WARNING_KIND_NO_APPLICABLE,
			                       ar->process->id, ar->attribute, x) < 0)
				return itsma__error_nomem(sc->err);
			r->warnings[r->warning_count++] = w;
		}
	}
	return 0;
}

/* ---- entry points --------------------------------------------------------------------------- */

size_t itsma__result_top_count(const itsma_result *r) { return r->scope ? 1 : r->cat->top_count; }

const itsma_section *itsma__result_top_at(const itsma_result *r, size_t index)
{
	if (index >= itsma__result_top_count(r))
		return NULL;
	return r->scope ? r->scope : r->cat->tops[index];
}

const itsma_section_result *itsma__result_section_entry(const itsma_result *r,
                                                        const itsma_section *s)
{
	if (!r || !s || s->cat != r->cat || s->index < r->sec_base ||
	    s->index - r->sec_base >= r->section_count)
		return NULL;
	return &r->sections[s->index - r->sec_base];
}

const itsma_requirement_result *itsma__result_requirement_entry(const itsma_result *r,
                                                                const itsma_requirement *q)
{
	if (!r || !q || q->cat != r->cat || q->index < r->req_base ||
	    q->index - r->req_base >= r->req_count)
		return NULL;
	return &r->reqs[q->index - r->req_base];
}

int itsma_score_options_init(itsma_score_options *opts, unsigned int version)
{
	itsma_score_options def = ITSMA_SCORE_OPTIONS_INIT;
	if (!opts || itsma__version_check(version, ITSMA_SCORE_OPTIONS_VERSION, NULL, NULL) < 0)
		return ITSMA_EINVAL;
	*opts = def;
	return 0;
}

static int build(scorer *sc)
{
	itsma_result *r = sc->r;
	int rc;

	r->sections = arena_array_aligned(&r->arena, r->section_count, sizeof *r->sections,
	                                  ITSMA__SECTION_ALIGN);
	r->reqs = arena_array(&r->arena, r->req_count, sizeof *r->reqs);
	r->roll = arena_array(&r->arena, r->req_count, sizeof *r->roll);
	r->shall = arena_array(&r->arena, r->req_count, sizeof *r->shall);
	if (!r->sections || !r->reqs || !r->roll || !r->shall)
		return itsma__error_nomem(sc->err);
	step_scope(sc);
	step_requirements(sc);
	step_rollup(sc);
	step_weights(sc);
	if ((rc = step_processes(sc)) < 0)
		return rc;
	itsma__score_verdict(sc->r);
	if ((rc = step_gaps(sc)) < 0)
		return rc;
	if ((rc = step_issues(sc)) < 0)
		return rc;
	return step_warnings(sc);
}

int itsma__check_score_options(const itsma_score_options *opts, itsma_error *err)
{
	if (itsma__version_check(opts->version, ITSMA_SCORE_OPTIONS_VERSION, "itsma_score_options",
	                         err) < 0)
		return ITSMA_EINVAL;
	if (opts->evidence_policy != ITSMA_EVIDENCE_POLICY_REQUIRED &&
	    opts->evidence_policy != ITSMA_EVIDENCE_POLICY_ADVISORY)
		return itsma__error_set(
		    err, ITSMA_EINVAL, "unknown evidence policy %d (expected required or advisory)",
		    (int)opts->evidence_policy);
	return 0;
}

int itsma_score(itsma_result **out, const itsma_assessment *a, const itsma_score_options *opts,
                itsma_error *err)
{
	itsma_score_options defaults = ITSMA_SCORE_OPTIONS_INIT;
	const itsma_catalogue *cat;
	const itsma_section *scope = NULL;
	itsma_result *r;
	scorer sc;
	int rc;

	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_score: the output pointer is NULL");
	*out = NULL;
	if (!a)
		return itsma__error_set(err, ITSMA_EINVAL, "itsma_score: no assessment given");
	if (!opts)
		opts = &defaults;
	if ((rc = itsma__check_score_options(opts, err)) < 0)
		return rc;
	cat = itsma_assessment_catalogue(a);
	if (cat->section_count != a->section_count ||
	    cat->requirement_count != a->requirement_count)
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "catalogue %s was changed after assessment %s was made of it "
		    "(sections or requirements added): load the assessment again",
		    cat->id, a->id);
	if (opts->section) {
		scope = itsma_catalogue_find_section(cat, opts->section);
		if (!scope) {
			if (itsma_catalogue_find_requirement(cat, opts->section))
				return itsma__error_set(
				    err, ITSMA_ENOTFOUND,
				    "\"%.64s\" is a requirement, not a section: only a "
				    "section can be scored alone",
				    opts->section);
			return itsma__error_set(err, ITSMA_ENOTFOUND,
			                        "catalogue %s has no section \"%.64s\" to score",
			                        cat->id, opts->section);
		}
	}

	r = calloc(1, sizeof *r);
	if (!r)
		return itsma__error_nomem(err);
	r->a = a;
	r->cat = cat;
	r->issue_src = &itsma__plain_issues;
	r->a_gen = a->generation;
	r->cat_gen = cat->generation;
	r->policy = opts->evidence_policy;
	r->scope = scope;
	if (scope) {
		r->sec_base = scope->index;
		r->section_count = scope->sec_end - scope->index;
		r->req_base = scope->req_begin;
		r->req_count = scope->req_end - scope->req_begin;
	} else {
		r->section_count = cat->section_count;
		r->req_count = cat->requirement_count;
	}
	sc.r = r;
	sc.a = a;
	sc.cat = cat;
	sc.err = err;
	rc = build(&sc);
	if (rc < 0) {
		itsma_result_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void itsma_result_free(itsma_result *r)
{
	if (!r)
		return;
	itsma__arena_free(&r->arena);
	itsma_assessment_free(r->owned_a);
	free(r);
}
