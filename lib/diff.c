/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Comparing two results (scoring.md §8) and writing `itsma-diff/1` (docs/diff-format.md).
 *
 * Requirements and processes are matched by id. An entry is "in scope" on a side when
 * that result lists it and it is not excluded there (for processes: applicable there).
 */
#include "internal/buf.h"
#include "internal/error.h"
#include "internal/enumword.h"
#include "internal/diff.h"
#include "internal/strmap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ITSMA__ENUM_WORDS(change, "a change", { "unchanged", ITSMA_CHANGE_UNCHANGED },
                  { "improved", ITSMA_CHANGE_IMPROVED }, { "regressed", ITSMA_CHANGE_REGRESSED },
                  { "excluded", ITSMA_CHANGE_EXCLUDED }, { "included", ITSMA_CHANGE_INCLUDED })
ITSMA__ENUM_WORDS(nonconformity_change, "a nonconformity change",
                  { "closed", ITSMA_NONCONFORMITY_CHANGE_CLOSED },
                  { "opened", ITSMA_NONCONFORMITY_CHANGE_OPENED },
                  { "changed", ITSMA_NONCONFORMITY_CHANGE_CHANGED })
ITSMA__ENUM_WORDS(diff_tally, "a diff tally", { "improved", ITSMA_DIFF_TALLY_IMPROVED },
                  { "regressed", ITSMA_DIFF_TALLY_REGRESSED },
                  { "unchanged", ITSMA_DIFF_TALLY_UNCHANGED },
                  { "scope_changes", ITSMA_DIFF_TALLY_SCOPE_CHANGES },
                  { "nonconformities_closed", ITSMA_DIFF_TALLY_NC_CLOSED },
                  { "nonconformities_opened", ITSMA_DIFF_TALLY_NC_OPENED },
                  { "nonconformities_changed", ITSMA_DIFF_TALLY_NC_CHANGED },
                  { "processes_improved", ITSMA_DIFF_TALLY_PROCESSES_IMPROVED },
                  { "processes_regressed", ITSMA_DIFF_TALLY_PROCESSES_REGRESSED },
                  { "processes_unchanged", ITSMA_DIFF_TALLY_PROCESSES_UNCHANGED })

/* Differences are rounded to 1e-9 percentage points: 63.2 - 55.1 gives 8.1, not
 * 8.100000000000001 (docs/diff-format.md). NaN stays NaN. */
static double difference(double before, double after)
{
	double d;
	if (isnan(before) || isnan(after))
		return NAN;
	d = round((after - before) * 1e9) / 1e9;
	return d == 0 ? 0 : d;
}

static int in_scope(const itsma_requirement_result *q)
{
	return q && q->status != ITSMA_STATUS_EXCLUDED;
}

/* scoring.md §8 and docs/diff-format.md: achievement first, then assessed or not. */
static itsma_change requirement_change(const itsma_requirement_result *b,
                                       const itsma_requirement_result *a)
{
	int ub, ua;
	if (a->achievement > b->achievement)
		return ITSMA_CHANGE_IMPROVED;
	if (a->achievement < b->achievement)
		return ITSMA_CHANGE_REGRESSED;
	ub = b->status == ITSMA_STATUS_UNASSESSED;
	ua = a->status == ITSMA_STATUS_UNASSESSED;
	if (ub && !ua)
		return ITSMA_CHANGE_IMPROVED;
	if (!ub && ua)
		return ITSMA_CHANGE_REGRESSED;
	return ITSMA_CHANGE_UNCHANGED;
}

static int is_nc(itsma_nonconformity nc)
{
	return nc == ITSMA_NONCONFORMITY_MINOR || nc == ITSMA_NONCONFORMITY_MAJOR;
}

static itsma_nonconformity_change nc_change(itsma_nonconformity b, itsma_nonconformity a)
{
	if (is_nc(b) && a == ITSMA_NONCONFORMITY_NONE)
		return ITSMA_NONCONFORMITY_CHANGE_CLOSED;
	if ((b == ITSMA_NONCONFORMITY_NONE || b == ITSMA_NONCONFORMITY_UNASSESSED) && is_nc(a))
		return ITSMA_NONCONFORMITY_CHANGE_OPENED;
	return ITSMA_NONCONFORMITY_CHANGE_CHANGED;
}

static int add_requirement(itsma_diff *d, const char *id, const itsma_requirement_result *b,
                           const itsma_requirement_result *a)
{
	itsma_requirement_diff *q;
	int ib = in_scope(b), ia = in_scope(a);

	if (ib != ia) {
		q = &d->scope[d->scope_count++];
		q->change = ib ? ITSMA_CHANGE_EXCLUDED : ITSMA_CHANGE_INCLUDED;
		d->tally[ITSMA_DIFF_TALLY_SCOPE_CHANGES]++;
	} else {
		q = &d->reqs[d->req_count++];
		q->change = ib ? requirement_change(b, a) : ITSMA_CHANGE_UNCHANGED;
		d->tally[q->change == ITSMA_CHANGE_IMPROVED    ? ITSMA_DIFF_TALLY_IMPROVED
		         : q->change == ITSMA_CHANGE_REGRESSED ? ITSMA_DIFF_TALLY_REGRESSED
		                                               : ITSMA_DIFF_TALLY_UNCHANGED]++;
		if (ib && b->nc != a->nc) {
			itsma_nonconformity_diff *n = &d->ncs[d->nc_count++];
			n->id = id;
			n->before = b->nc;
			n->after = a->nc;
			n->change = nc_change(b->nc, a->nc);
			d->tally[ITSMA_DIFF_TALLY_NC_CLOSED + (int)n->change]++;
		}
	}
	q->id = id;
	q->before = b;
	q->after = a;
	return itsma__strmap_put(&d->by_id, id, q);
}

static void add_process(itsma_diff *d, const char *id, const itsma_section_result *b,
                        const itsma_section_result *a)
{
	int ib = b && b->applicable, ia = a && a->applicable;
	itsma_process_diff *p;

	if (!ib && !ia)
		return;
	p = &d->procs[d->proc_count++];
	p->id = id;
	p->level_before = ib ? b->level : -1;
	p->level_after = ia ? a->level : -1;
	p->target_before = b ? b->target : -1;
	p->target_after = a ? a->target : -1;
	if (ib && ia) {
		p->change = p->level_after > p->level_before   ? ITSMA_CHANGE_IMPROVED
		            : p->level_after < p->level_before ? ITSMA_CHANGE_REGRESSED
		                                               : ITSMA_CHANGE_UNCHANGED;
		d->tally[p->change == ITSMA_CHANGE_IMPROVED ? ITSMA_DIFF_TALLY_PROCESSES_IMPROVED
		         : p->change == ITSMA_CHANGE_REGRESSED
		             ? ITSMA_DIFF_TALLY_PROCESSES_REGRESSED
		             : ITSMA_DIFF_TALLY_PROCESSES_UNCHANGED]++;
	} else {
		p->change = ib ? ITSMA_CHANGE_EXCLUDED : ITSMA_CHANGE_INCLUDED;
	}
}

static void *arena_array(itsma__arena *ar, size_t n, size_t size)
{
	if (n == 0)
		n = 1;
	if (n > ((size_t)-1) / size)
		return NULL;
	return itsma__arena_alloc(ar, n * size);
}

static int build(itsma_diff *d)
{
	const itsma_result *before = d->before, *after = d->after;
	size_t n = before->req_count + after->req_count, i;

	d->reqs = arena_array(&d->arena, n, sizeof *d->reqs);
	d->scope = arena_array(&d->arena, n, sizeof *d->scope);
	d->ncs = arena_array(&d->arena, n, sizeof *d->ncs);
	d->procs =
	    arena_array(&d->arena, before->section_count + after->section_count, sizeof *d->procs);
	if (!d->reqs || !d->scope || !d->ncs || !d->procs ||
	    itsma__strmap_reserve(&d->by_id, n) < 0)
		return -1;

	/* the after result's requirements in its catalogue order, then those only before */
	for (i = 0; i < after->req_count; i++) {
		const itsma_requirement_result *a = &after->reqs[i];
		if (add_requirement(d, a->req->id,
		                    itsma_result_find_requirement(before, a->req->id), a) < 0)
			return -1;
	}
	for (i = 0; i < before->req_count; i++) {
		const itsma_requirement_result *b = &before->reqs[i];
		if (itsma_result_find_requirement(after, b->req->id))
			continue;
		if (add_requirement(d, b->req->id, b, NULL) < 0)
			return -1;
	}
	for (i = 0; i < after->section_count; i++) {
		const itsma_section_result *a = &after->sections[i];
		if (a->is_process)
			add_process(d, a->sec->id, itsma_result_find_section(before, a->sec->id),
			            a);
	}
	for (i = 0; i < before->section_count; i++) {
		const itsma_section_result *b = &before->sections[i];
		if (b->is_process && !itsma_result_find_section(after, b->sec->id))
			add_process(d, b->sec->id, b, NULL);
	}
	return 0;
}

int itsma_compare(itsma_diff **out, const itsma_result *before, const itsma_result *after,
                  itsma_error *err)
{
	itsma_diff *d;

	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_compare: the output pointer is NULL");
	*out = NULL;
	if (!before || !after)
		return itsma__error_set(err, ITSMA_EINVAL, "itsma_compare: two results are needed");
	if (strcmp(before->cat->id, after->cat->id) != 0)
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "cannot compare assessments of different catalogues: \"%.64s\" "
		    "(before) and \"%.64s\" (after)",
		    before->cat->id, after->cat->id);
	d = calloc(1, sizeof *d);
	if (!d)
		return itsma__error_nomem(err);
	d->before = before;
	d->after = after;
	if (build(d) < 0) {
		itsma_diff_free(d);
		return itsma__error_nomem(err);
	}
	*out = d;
	return 0;
}

void itsma_diff_free(itsma_diff *d)
{
	if (!d)
		return;
	itsma__strmap_free(&d->by_id);
	itsma__arena_free(&d->arena);
	free(d);
}

/* ---- getters -------------------------------------------------------------------------------- */

const itsma_result *itsma_diff_before(const itsma_diff *d) { return d ? d->before : NULL; }

const itsma_result *itsma_diff_after(const itsma_diff *d) { return d ? d->after : NULL; }

double itsma_diff_compliance_before(const itsma_diff *d, itsma_model model)
{
	return d ? itsma_result_compliance(d->before, model) : NAN;
}

double itsma_diff_compliance_after(const itsma_diff *d, itsma_model model)
{
	return d ? itsma_result_compliance(d->after, model) : NAN;
}

double itsma_diff_compliance_difference(const itsma_diff *d, itsma_model model)
{
	return difference(itsma_diff_compliance_before(d, model),
	                  itsma_diff_compliance_after(d, model));
}

itsma_verdict itsma_diff_verdict_before(const itsma_diff *d)
{
	return itsma_result_verdict(d ? d->before : NULL);
}

itsma_verdict itsma_diff_verdict_after(const itsma_diff *d)
{
	return itsma_result_verdict(d ? d->after : NULL);
}

size_t itsma_diff_tally_of(const itsma_diff *d, itsma_diff_tally which)
{
	if (!d || (int)which < 0 || which >= ITSMA_DIFF_TALLY_COUNT)
		return 0;
	return d->tally[which];
}

size_t itsma_diff_requirement_count(const itsma_diff *d) { return d ? d->req_count : 0; }

const itsma_requirement_diff *itsma_diff_requirement_at(const itsma_diff *d, size_t index)
{
	return d && index < d->req_count ? &d->reqs[index] : NULL;
}

size_t itsma_diff_scope_change_count(const itsma_diff *d) { return d ? d->scope_count : 0; }

const itsma_requirement_diff *itsma_diff_scope_change_at(const itsma_diff *d, size_t index)
{
	return d && index < d->scope_count ? &d->scope[index] : NULL;
}

const itsma_requirement_diff *itsma_diff_find_requirement(const itsma_diff *d, const char *id)
{
	if (!d || !id)
		return NULL;
	return itsma__strmap_get(&d->by_id, id);
}

const char *itsma_requirement_diff_id(const itsma_requirement_diff *q) { return q ? q->id : NULL; }

itsma_change itsma_requirement_diff_change(const itsma_requirement_diff *q)
{
	return q ? q->change : ITSMA_CHANGE_UNCHANGED;
}

const itsma_requirement_result *itsma_requirement_diff_before(const itsma_requirement_diff *q)
{
	return q ? q->before : NULL;
}

const itsma_requirement_result *itsma_requirement_diff_after(const itsma_requirement_diff *q)
{
	return q ? q->after : NULL;
}

double itsma_requirement_diff_difference(const itsma_requirement_diff *q)
{
	if (!q || !in_scope(q->before) || !in_scope(q->after))
		return NAN;
	return difference(q->before->achievement, q->after->achievement);
}

size_t itsma_diff_process_count(const itsma_diff *d) { return d ? d->proc_count : 0; }

const itsma_process_diff *itsma_diff_process_at(const itsma_diff *d, size_t index)
{
	return d && index < d->proc_count ? &d->procs[index] : NULL;
}

const char *itsma_process_diff_id(const itsma_process_diff *p) { return p ? p->id : NULL; }

int itsma_process_diff_level_before(const itsma_process_diff *p)
{
	return p ? p->level_before : -1;
}

int itsma_process_diff_level_after(const itsma_process_diff *p) { return p ? p->level_after : -1; }

int itsma_process_diff_target_before(const itsma_process_diff *p)
{
	return p ? p->target_before : -1;
}

int itsma_process_diff_target_after(const itsma_process_diff *p)
{
	return p ? p->target_after : -1;
}

itsma_change itsma_process_diff_change(const itsma_process_diff *p)
{
	return p ? p->change : ITSMA_CHANGE_UNCHANGED;
}

size_t itsma_diff_nonconformity_count(const itsma_diff *d) { return d ? d->nc_count : 0; }

const itsma_nonconformity_diff *itsma_diff_nonconformity_at(const itsma_diff *d, size_t index)
{
	return d && index < d->nc_count ? &d->ncs[index] : NULL;
}

const char *itsma_nonconformity_diff_id(const itsma_nonconformity_diff *n)
{
	return n ? n->id : NULL;
}

itsma_nonconformity_change itsma_nonconformity_diff_change(const itsma_nonconformity_diff *n)
{
	return n ? n->change : ITSMA_NONCONFORMITY_CHANGE_CHANGED;
}

itsma_nonconformity itsma_nonconformity_diff_before(const itsma_nonconformity_diff *n)
{
	return n ? n->before : ITSMA_NONCONFORMITY_NULL;
}

itsma_nonconformity itsma_nonconformity_diff_after(const itsma_nonconformity_diff *n)
{
	return n ? n->after : ITSMA_NONCONFORMITY_NULL;
}

/* ---- itsma-diff/1 --------------------------------------------------------------------------- */

static void int_or_null(itsma__jw *w, const char *key, int v)
{
	if (v < 0)
		itsma__jw_null(w, key);
	else
		itsma__jw_int(w, key, v);
}

static void side_header(itsma__jw *w, const char *key, const itsma_result *r)
{
	itsma__jw_begin_object(w, key);
	itsma__jw_string(w, "assessment", itsma_assessment_id(r->a));
	itsma__jw_string(w, "date", itsma_assessment_date(r->a));
	itsma__jw_begin_object(w, "policy");
	itsma__jw_string(w, "evidence", itsma_evidence_policy_name(r->policy));
	if (r->scope)
		itsma__jw_string(w, "section", r->scope->id);
	itsma__jw_end_object(w);
	itsma__jw_end_object(w);
}

/* One side of a requirement, on one line: { "status": ..., "achievement": ..., "rating": ...,
 * "nonconformity": ... }, or null when that result does not list it. */
static void side_state(itsma__jw *w, const char *key, const itsma_requirement_result *q)
{
	char num[40], raw[200];
	const char *nc;
	char ncq[24], letter[8];

	if (!q) {
		itsma__jw_null(w, key);
		return;
	}
	itsma__format_number(num, q->achievement);
	if (q->letter == ITSMA_LETTER_NONE)
		snprintf(letter, sizeof letter, "null");
	else
		snprintf(letter, sizeof letter, "\"%s\"", itsma_letter_name(q->letter));
	nc = itsma_nonconformity_name(q->nc);
	if (q->nc == ITSMA_NONCONFORMITY_NULL)
		snprintf(ncq, sizeof ncq, "null");
	else
		snprintf(ncq, sizeof ncq, "\"%s\"", nc);
	snprintf(
	    raw, sizeof raw,
	    "{ \"status\": \"%s\", \"achievement\": %s, \"rating\": %s, \"nonconformity\": %s }",
	    itsma_status_name(q->status), num, letter, ncq);
	itsma__jw_raw(w, key, raw);
}

static void requirement_list(itsma__jw *w, const char *key, const itsma_requirement_diff *list,
                             size_t n)
{
	size_t i;
	itsma__jw_begin_array(w, key);
	for (i = 0; i < n; i++) {
		const itsma_requirement_diff *q = &list[i];
		itsma__jw_begin_object(w, NULL);
		itsma__jw_string(w, "id", q->id);
		itsma__jw_string(w, "change", itsma_change_name(q->change));
		itsma__jw_number(w, "difference", itsma_requirement_diff_difference(q));
		side_state(w, "before", q->before);
		side_state(w, "after", q->after);
		itsma__jw_end_object(w);
	}
	itsma__jw_end_array(w);
}

int itsma_diff_to_json(char **out, const itsma_diff *d, itsma_error *err)
{
	itsma__buf b = ITSMA__BUF_INIT;
	itsma__jw w;
	size_t i;
	int m;

	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_diff_to_json: the output pointer is NULL");
	*out = NULL;
	if (!d)
		return itsma__error_set(err, ITSMA_EINVAL, "itsma_diff_to_json: no diff given");
	itsma__jw_init(&w, &b);
	itsma__jw_begin_object(&w, NULL);
	itsma__jw_string(&w, "format", "itsma-diff/1");
	itsma__jw_string(&w, "catalogue", itsma_catalogue_id(d->after->cat));
	side_header(&w, "before", d->before);
	side_header(&w, "after", d->after);

	itsma__jw_begin_object(&w, "summary");
	itsma__jw_begin_object(&w, "compliance");
	for (m = 0; m < ITSMA_MODEL_COUNT; m++) {
		char a[40], bb[40], c[40], raw[160];
		itsma__format_number(bb, itsma_diff_compliance_before(d, (itsma_model)m));
		itsma__format_number(a, itsma_diff_compliance_after(d, (itsma_model)m));
		itsma__format_number(c, itsma_diff_compliance_difference(d, (itsma_model)m));
		snprintf(raw, sizeof raw, "{ \"before\": %s, \"after\": %s, \"difference\": %s }",
		         bb, a, c);
		itsma__jw_raw(&w, itsma_model_name((itsma_model)m), raw);
	}
	itsma__jw_end_object(&w);
	itsma__jw_begin_object(&w, "verdict");
	itsma__jw_string(&w, "before", itsma_verdict_name(d->before->verdict));
	itsma__jw_string(&w, "after", itsma_verdict_name(d->after->verdict));
	itsma__jw_end_object(&w);
	itsma__jw_begin_object(&w, "requirements");
	itsma__jw_int(&w, "improved", (long long)d->tally[ITSMA_DIFF_TALLY_IMPROVED]);
	itsma__jw_int(&w, "regressed", (long long)d->tally[ITSMA_DIFF_TALLY_REGRESSED]);
	itsma__jw_int(&w, "unchanged", (long long)d->tally[ITSMA_DIFF_TALLY_UNCHANGED]);
	itsma__jw_int(&w, "scope_changes", (long long)d->tally[ITSMA_DIFF_TALLY_SCOPE_CHANGES]);
	itsma__jw_end_object(&w);
	itsma__jw_begin_object(&w, "nonconformities");
	itsma__jw_int(&w, "closed", (long long)d->tally[ITSMA_DIFF_TALLY_NC_CLOSED]);
	itsma__jw_int(&w, "opened", (long long)d->tally[ITSMA_DIFF_TALLY_NC_OPENED]);
	itsma__jw_int(&w, "changed", (long long)d->tally[ITSMA_DIFF_TALLY_NC_CHANGED]);
	itsma__jw_end_object(&w);
	itsma__jw_begin_object(&w, "capability");
	itsma__jw_int(&w, "improved", (long long)d->tally[ITSMA_DIFF_TALLY_PROCESSES_IMPROVED]);
	itsma__jw_int(&w, "regressed", (long long)d->tally[ITSMA_DIFF_TALLY_PROCESSES_REGRESSED]);
	itsma__jw_int(&w, "unchanged", (long long)d->tally[ITSMA_DIFF_TALLY_PROCESSES_UNCHANGED]);
	itsma__jw_end_object(&w);
	itsma__jw_end_object(&w);

	requirement_list(&w, "requirements", d->reqs, d->req_count);
	requirement_list(&w, "scope_changes", d->scope, d->scope_count);

	itsma__jw_begin_array(&w, "processes");
	for (i = 0; i < d->proc_count; i++) {
		const itsma_process_diff *p = &d->procs[i];
		itsma__jw_begin_object(&w, NULL);
		itsma__jw_string(&w, "id", p->id);
		itsma__jw_string(&w, "change", itsma_change_name(p->change));
		int_or_null(&w, "before", p->level_before);
		int_or_null(&w, "after", p->level_after);
		int_or_null(&w, "target_before", p->target_before);
		int_or_null(&w, "target_after", p->target_after);
		itsma__jw_end_object(&w);
	}
	itsma__jw_end_array(&w);

	itsma__jw_begin_array(&w, "nonconformities");
	for (i = 0; i < d->nc_count; i++) {
		const itsma_nonconformity_diff *n = &d->ncs[i];
		itsma__jw_begin_object(&w, NULL);
		itsma__jw_string(&w, "requirement", n->id);
		itsma__jw_string(&w, "change", itsma_nonconformity_change_name(n->change));
		if (n->before == ITSMA_NONCONFORMITY_NULL)
			itsma__jw_null(&w, "before");
		else
			itsma__jw_string(&w, "before", itsma_nonconformity_name(n->before));
		if (n->after == ITSMA_NONCONFORMITY_NULL)
			itsma__jw_null(&w, "after");
		else
			itsma__jw_string(&w, "after", itsma_nonconformity_name(n->after));
		itsma__jw_end_object(&w);
	}
	itsma__jw_end_array(&w);

	itsma__jw_end_object(&w);
	itsma__jw_finish(&w);
	return itsma__buf_finish(&b, out, err);
}
