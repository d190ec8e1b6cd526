/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The report model, computed once and shared by every format: the title, the clause
 * groups and processes shown, the capability gap of each process (by section index, in
 * constant time), and with a baseline the comparison with its changes ordered for people.
 * Also the words every report uses: what a verdict means (attribute titles are in
 * rating.c), and small
 * pieces of text (guidance of a gap, a rating in words, evidence issue dates).
 */
#include "internal/report.h"
#include "internal/error.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *itsma_verdict_meaning(itsma_verdict v)
{
	switch (v) {
	case ITSMA_VERDICT_CONFORMANT:
		return "Every applicable shall requirement is fully achieved with current "
		       "evidence.";
	case ITSMA_VERDICT_CONDITIONAL:
		return "No major nonconformity: only minor ones (requirements largely achieved) "
		       "remain.";
	case ITSMA_VERDICT_INCOMPLETE:
		return "No major nonconformity, but some shall requirements have not been "
		       "assessed.";
	default:
		return "At least one shall requirement is at most partially achieved, or rated "
		       "without "
		       "current evidence: a major nonconformity.";
	}
}

/* ---- ordered changes ------------------------------------------------------------------------- */

static const itsma_requirement *diff_requirement(const itsma_requirement_diff *q)
{
	const itsma_requirement_result *x = itsma_requirement_diff_after(q);
	if (!x)
		x = itsma_requirement_diff_before(q);
	return x ? itsma_requirement_result_requirement(x) : NULL;
}

static int by_change(const void *pa, const void *pb)
{
	const itsma_requirement_diff *a = *(const itsma_requirement_diff *const *)pa;
	const itsma_requirement_diff *b = *(const itsma_requirement_diff *const *)pb;
	double da = fabs(itsma_requirement_diff_difference(a));
	double db = fabs(itsma_requirement_diff_difference(b));
	if (isnan(da))
		da = 0;
	if (isnan(db))
		db = 0;
	if (da != db)
		return da > db ? -1 : 1;
	const itsma_requirement *ra = diff_requirement(a), *rb = diff_requirement(b);
	size_t ia = ra ? itsma_requirement_index(ra) : 0, ib = rb ? itsma_requirement_index(rb) : 0;
	return ia < ib ? -1 : ia > ib;
}

static int nc_rank(const itsma_nonconformity_diff *x)
{
	switch (itsma_nonconformity_diff_change(x)) {
	case ITSMA_NONCONFORMITY_CHANGE_OPENED: return 0;
	case ITSMA_NONCONFORMITY_CHANGE_CLOSED: return 2;
	default: return itsma_nonconformity_diff_after(x) == ITSMA_NONCONFORMITY_MAJOR ? 1 : 3;
	}
}

static int by_nc_rank(const void *pa, const void *pb)
{
	const itsma__nc_item *a = pa, *b = pb;
	int ra = nc_rank(a->x), rb = nc_rank(b->x);
	if (ra != rb)
		return ra - rb;
	return a->order < b->order ? -1 : a->order > b->order;
}

int itsma__changes_init(itsma__changes *c, const itsma_diff *d)
{
	size_t n = itsma_diff_requirement_count(d), nn = itsma_diff_nonconformity_count(d);
	memset(c, 0, sizeof *c);
	c->d = d;
	c->improved = calloc(n + 1, sizeof *c->improved);
	c->regressed = calloc(n + 1, sizeof *c->regressed);
	c->nc = calloc(nn + 1, sizeof *c->nc);
	if (!c->improved || !c->regressed || !c->nc) {
		itsma__changes_free(c);
		return ITSMA_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		const itsma_requirement_diff *q = itsma_diff_requirement_at(d, i);
		itsma_change ch = itsma_requirement_diff_change(q);
		if (ch == ITSMA_CHANGE_IMPROVED)
			c->improved[c->nimproved++] = q;
		else if (ch == ITSMA_CHANGE_REGRESSED)
			c->regressed[c->nregressed++] = q;
	}
	qsort(c->improved, c->nimproved, sizeof *c->improved, by_change);
	qsort(c->regressed, c->nregressed, sizeof *c->regressed, by_change);
	for (size_t i = 0; i < nn; i++) {
		c->nc[i].x = itsma_diff_nonconformity_at(d, i);
		c->nc[i].order = i;
	}
	c->nnc = nn;
	qsort(c->nc, nn, sizeof *c->nc, by_nc_rank);
	return 0;
}

void itsma__changes_free(itsma__changes *c)
{
	free(c->improved);
	free(c->regressed);
	free(c->nc);
	memset(c, 0, sizeof *c);
}

const itsma_requirement_diff *const *itsma__changes_list(const itsma__changes *c, itsma_change want,
                                                         size_t *n)
{
	if (want == ITSMA_CHANGE_IMPROVED) {
		*n = c->nimproved;
		return c->improved;
	}
	*n = c->nregressed;
	return c->regressed;
}

/* ---- the model ------------------------------------------------------------------------------- */

static int groups(itsma__report *rp)
{
	const itsma_section *scope = itsma_result_scope(rp->r);
	size_t n = scope ? itsma_section_child_count(scope) : itsma_catalogue_top_count(rp->cat);
	rp->groups = calloc(n + 1, sizeof *rp->groups);
	if (!rp->groups)
		return ITSMA_ENOMEM;
	if (scope && n == 0) {
		const itsma_section_result *s =
		    itsma_result_find_section(rp->r, itsma_section_id(scope));
		if (s)
			rp->groups[rp->ngroups++] = s;
	}
	for (size_t i = 0; i < n; i++) {
		const itsma_section *s =
		    scope ? itsma_section_child_at(scope, i) : itsma_catalogue_top_at(rp->cat, i);
		const itsma_section_result *sr =
		    itsma_result_find_section(rp->r, itsma_section_id(s));
		if (sr)
			rp->groups[rp->ngroups++] = sr;
	}
	return 0;
}

static int processes(itsma__report *rp)
{
	size_t n = itsma_result_section_count(rp->r);
	rp->procs = calloc(n + 1, sizeof *rp->procs);
	if (!rp->procs)
		return ITSMA_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const itsma_section_result *s = itsma_result_section_at(rp->r, i);
		if (itsma_section_kind_of(itsma_section_result_section(s)) ==
		        ITSMA_SECTION_KIND_PROCESS &&
		    itsma_section_result_applicable(s))
			rp->procs[rp->nprocs++] = s;
	}
	return 0;
}

static int gap_index(itsma__report *rp)
{
	size_t n = itsma_result_capability_gap_count(rp->r);
	rp->ngap_of = itsma_catalogue_section_count(rp->cat);
	rp->gap_of = calloc(rp->ngap_of + 1, sizeof *rp->gap_of);
	if (!rp->gap_of)
		return ITSMA_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const itsma_capability_gap *g = itsma_result_capability_gap_at(rp->r, i);
		size_t k = itsma_section_index(itsma_capability_gap_process(g));
		if (k < rp->ngap_of)
			rp->gap_of[k] = g;
	}
	return 0;
}

const itsma_capability_gap *itsma__report_gap_of(const itsma__report *rp, const itsma_section *p)
{
	size_t k = itsma_section_index(p);
	const itsma_capability_gap *g = k < rp->ngap_of ? rp->gap_of[k] : NULL;
	return g && itsma_capability_gap_process(g) == p ? g : NULL;
}

static int title(itsma__report *rp)
{
	const char *t = itsma_assessment_title(rp->a);
	if (t && *t) {
		rp->title = t;
		return 0;
	}
	const char *id = itsma_assessment_id(rp->a);
	size_t n = strlen("Self-assessment ") + strlen(id) + 1;
	rp->own_title = malloc(n);
	if (!rp->own_title)
		return ITSMA_ENOMEM;
	snprintf(rp->own_title, n, "Self-assessment %s", id);
	rp->title = rp->own_title;
	return 0;
}

int itsma__report_init(itsma__report *rp, const itsma_result *r, const itsma_result *base,
                       const itsma_report_options *o, itsma_error *err)
{
	int rc;
	memset(rp, 0, sizeof *rp);
	rp->r = r;
	rp->a = itsma_result_assessment(r);
	rp->cat = itsma_assessment_catalogue(rp->a);
	rp->top = o->top;
	rp->colour = o->colour;
	rp->sections = o->sections;
	rp->width = o->width;
	if (base) {
		if ((rc = itsma_compare(&rp->own_diff, base, r, err)) < 0)
			return rc;
		rp->base = base;
		rp->diff = rp->own_diff;
		if (itsma__changes_init(&rp->changes, rp->diff) < 0)
			return itsma__error_nomem(err);
	}
	if (title(rp) < 0 || groups(rp) < 0 || processes(rp) < 0 || gap_index(rp) < 0)
		return itsma__error_nomem(err);
	return 0;
}

void itsma__report_free(itsma__report *rp)
{
	itsma__changes_free(&rp->changes);
	itsma_diff_free(rp->own_diff);
	free(rp->own_title);
	free(rp->groups);
	free(rp->procs);
	free(rp->gap_of);
	memset(rp, 0, sizeof *rp);
}

/* ---- shared pieces --------------------------------------------------------------------------- */

static const char *source_name(const itsma_catalogue *cat, const char *key)
{
	size_t n = itsma_catalogue_guidance_source_count(cat);
	for (size_t i = 0; i < n; i++)
		if (strcmp(itsma_catalogue_guidance_source_key(cat, i), key) == 0)
			return itsma_catalogue_guidance_source_name(cat, i);
	return key;
}

void itsma__gap_guidance(itsma__buf *out, const itsma_gap *g, const itsma_catalogue *cat,
                         const char *sep, void (*escape)(itsma__buf *, const char *))
{
	size_t n = itsma_gap_guidance_source_count(g);
	for (size_t i = 0; i < n; i++) {
		const char *key = itsma_gap_guidance_source_key(g, i);
		size_t m = itsma_gap_guidance_count(g, key);
		if (m == 0)
			continue;
		if (i > 0)
			itsma__buf_puts(out, sep);
		if (escape)
			escape(out, source_name(cat, key));
		else
			itsma__buf_puts(out, source_name(cat, key));
		itsma__buf_puts(out, ": ");
		for (size_t j = 0; j < m; j++) {
			if (j > 0)
				itsma__buf_puts(out, ", ");
			if (escape)
				escape(out, itsma_gap_guidance_at(g, key, j));
			else
				itsma__buf_puts(out, itsma_gap_guidance_at(g, key, j));
		}
	}
}

const char *itsma__requirement_process_id(const itsma_requirement *q)
{
	const itsma_section *p = itsma_requirement_process(q);
	return p ? itsma_section_id(p) : "";
}

const char *itsma__result_letter(const itsma_requirement_result *q)
{
	return itsma_letter_name(itsma_requirement_result_letter(q));
}

const char *itsma__target_status(int level, int target)
{
	if (target < 0)
		return "no target";
	if (level >= target)
		return level > target ? "above target" : "on target";
	return "below target";
}

void itsma__evidence_issue_detail(itsma__buf *out, const itsma_evidence_issue *i)
{
	const itsma_evidence *e = itsma_evidence_issue_evidence(i);
	switch (itsma_evidence_issue_problem(i)) {
	case ITSMA_EVIDENCE_PROBLEM_EXPIRED:
		itsma__buf_printf(out, "expired on %s", itsma_evidence_expires(e));
		break;
	case ITSMA_EVIDENCE_PROBLEM_FUTURE:
		itsma__buf_printf(out, "collected on %s, after the assessment date",
		                  itsma_evidence_collected(e));
		break;
	default: itsma__buf_puts(out, "not cited by any rating or attribute"); break;
	}
}

void itsma__rating_summary(itsma__buf *out, const itsma_requirement_result *q)
{
	char b[48];
	const itsma_rating *rating = itsma_requirement_result_rating(q);
	switch (itsma_requirement_result_status(q)) {
	case ITSMA_STATUS_UNASSESSED: itsma__buf_puts(out, "not assessed"); break;
	case ITSMA_STATUS_EXCLUDED: itsma__buf_puts(out, "excluded"); break;
	case ITSMA_STATUS_UNSUPPORTED:
		if (itsma_rating_letter(rating) != ITSMA_LETTER_NONE)
			itsma__buf_printf(out, "rated %s",
			                  itsma_letter_name(itsma_rating_letter(rating)));
		else
			itsma__buf_printf(out, "rated %s",
			                  itsma__fmt_num(b, itsma_rating_value(rating), 2));
		itsma__buf_printf(out, " without current evidence, counts %s",
		                  itsma__fmt_num(b, itsma_requirement_result_achievement(q), 2));
		break;
	default:
		itsma__buf_printf(out, "rated %s (%s)", itsma__result_letter(q),
		                  itsma__fmt_num(b, itsma_requirement_result_achievement(q), 2));
	}
}

void itsma__report_warnings(itsma__buf *out, const itsma__report *rp, const char *const markup[4],
                            void (*escape)(itsma__buf *, const char *))
{
	size_t n = itsma_result_warning_count(rp->r);
	if (!n)
		return;
	itsma__buf_puts(out, markup[0]);
	for (size_t i = 0; i < n; i++) {
		itsma__buf_puts(out, markup[1]);
		escape(out, itsma_result_warning_at(rp->r, i));
		itsma__buf_puts(out, markup[2]);
	}
	itsma__buf_puts(out, markup[3]);
}

void itsma__capability_gap_needs(itsma__buf *out, const itsma_capability_gap *g)
{
	size_t na = itsma_capability_gap_attribute_count(g);
	itsma__buf_printf(out, "level %d, target %d. Needs ", itsma_capability_gap_level(g),
	                  itsma_capability_gap_target(g));
	for (size_t k = 0; k < na; k++) {
		itsma_letter have, need;
		itsma_attribute at = itsma_capability_gap_attribute_at(&have, &need, g, k);
		itsma__buf_printf(out, "%s%s %s (now %s)", k ? ", " : "", itsma_attribute_name(at),
		                  itsma_letter_name(need), itsma_letter_name(have));
	}
	itsma__buf_putc(out, '.');
}
