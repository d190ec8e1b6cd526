/* SPDX-License-Identifier: Apache-2.0 */
/* Writing a result as `itsma-result/1` JSON (formats.md), key order as the example there. */
#include "internal/buf.h"
#include "internal/error.h"
#include "internal/result.h"

#include <math.h>
#include <stdio.h>

static void letter_member(itsma__jw *w, const char *key, itsma_letter l)
{
	if (l == ITSMA_LETTER_NONE)
		itsma__jw_null(w, key);
	else
		itsma__jw_string(w, key, itsma_letter_name(l));
}

static void int_or_null(itsma__jw *w, const char *key, int v)
{
	if (v < 0)
		itsma__jw_null(w, key);
	else
		itsma__jw_int(w, key, v);
}

static const char *process_id(const itsma_requirement *q)
{
	const itsma_section *p = itsma_requirement_process(q);
	return p ? itsma_section_id(p) : NULL;
}

static void write_summary(itsma__jw *w, const itsma_result *r)
{
	int m;

	itsma__jw_begin_object(w, "summary");
	itsma__jw_begin_object(w, "compliance");
	for (m = 0; m < ITSMA_MODEL_COUNT; m++)
		itsma__jw_number(w, itsma_model_name((itsma_model)m),
		                 r->compliance[m]); /* NaN: null */
	itsma__jw_end_object(w);
	itsma__jw_string(w, "verdict", itsma_verdict_name(r->verdict));
	itsma__jw_begin_object(w, "requirements");
	itsma__jw_int(w, "total", (long long)r->tally[ITSMA_TALLY_TOTAL]);
	itsma__jw_int(w, "applicable", (long long)r->tally[ITSMA_TALLY_APPLICABLE]);
	itsma__jw_int(w, "excluded", (long long)r->tally[ITSMA_TALLY_EXCLUDED]);
	itsma__jw_int(w, "rated", (long long)r->tally[ITSMA_TALLY_RATED]);
	itsma__jw_int(w, "unassessed", (long long)r->tally[ITSMA_TALLY_UNASSESSED]);
	itsma__jw_int(w, "unsupported", (long long)r->tally[ITSMA_TALLY_UNSUPPORTED]);
	itsma__jw_end_object(w);
	itsma__jw_begin_object(w, "nonconformities");
	itsma__jw_int(w, "major", (long long)r->tally[ITSMA_TALLY_NC_MAJOR]);
	itsma__jw_int(w, "minor", (long long)r->tally[ITSMA_TALLY_NC_MINOR]);
	itsma__jw_int(w, "unassessed", (long long)r->tally[ITSMA_TALLY_NC_UNASSESSED]);
	itsma__jw_end_object(w);
	itsma__jw_begin_object(w, "capability");
	itsma__jw_int(w, "processes", (long long)r->tally[ITSMA_TALLY_PROCESSES]);
	int_or_null(w, "min", r->cap_min);
	int_or_null(w, "max", r->cap_max);
	itsma__jw_number(w, "mean", r->cap_mean);
	itsma__jw_int(w, "targets_set", (long long)r->tally[ITSMA_TALLY_TARGETS_SET]);
	itsma__jw_int(w, "targets_met", (long long)r->tally[ITSMA_TALLY_TARGETS_MET]);
	itsma__jw_end_object(w);
	itsma__jw_end_object(w);
}

static void write_sections(itsma__jw *w, const itsma_result *r)
{
	size_t i;
	int pa;

	itsma__jw_begin_array(w, "sections");
	for (i = 0; i < r->section_count; i++) {
		const itsma_section_result *s = &r->sections[i];
		itsma__jw_begin_object(w, NULL);
		itsma__jw_string(w, "id", s->sec->id);
		itsma__jw_bool(w, "applicable", s->applicable);
		if (s->applicable) {
			itsma__jw_number(w, "achievement", s->achievement);
			letter_member(w, "rating", s->letter);
			if (s->is_process) {
				itsma__jw_int(w, "capability_level", s->level);
				int_or_null(w, "target_level", s->target);
				/* one line per attribute, as in formats.md:
				 * "PA1.1": { "achievement": 71.3, "rating": "L", "status":
				 * "derived" } */
				itsma__jw_begin_object(w, "attributes");
				for (pa = 0; pa < ITSMA_ATTRIBUTE_COUNT; pa++) {
					char num[40], raw[160];
					itsma__format_number(num, s->attr_ach[pa]);
					snprintf(raw, sizeof raw,
					         "{ \"achievement\": %s, \"rating\": \"%s\", "
					         "\"status\": \"%s\" }",
					         num, itsma_letter_name(s->attr_letter[pa]),
					         itsma_attribute_status_name(s->attr_status[pa]));
					itsma__jw_raw(w, itsma_attribute_name((itsma_attribute)pa),
					              raw);
				}
				itsma__jw_end_object(w);
			}
		}
		itsma__jw_end_object(w);
	}
	itsma__jw_end_array(w);
}

static void write_requirements(itsma__jw *w, const itsma_result *r)
{
	size_t j;

	itsma__jw_begin_array(w, "requirements");
	for (j = 0; j < r->req_count; j++) {
		const itsma_requirement_result *q = &r->reqs[j];
		itsma__jw_begin_object(w, NULL);
		itsma__jw_string(w, "id", q->req->id);
		itsma__jw_string(w, "section", q->req->section->id);
		itsma__jw_string(w, "process", process_id(q->req));
		itsma__jw_string(w, "obligation", itsma_obligation_name(q->req->obligation));
		itsma__jw_string(w, "status", itsma_status_name(q->status));
		itsma__jw_number(w, "achievement", q->achievement); /* NaN (excluded): null */
		letter_member(w, "rating", q->letter);
		if (q->nc == ITSMA_NONCONFORMITY_NULL)
			itsma__jw_null(w, "nonconformity");
		else
			itsma__jw_string(w, "nonconformity", itsma_nonconformity_name(q->nc));
		itsma__jw_end_object(w);
	}
	itsma__jw_end_array(w);
}

static void write_gaps(itsma__jw *w, const itsma_result *r)
{
	size_t i, k, v;

	itsma__jw_begin_array(w, "gaps");
	for (i = 0; i < r->gap_count; i++) {
		const itsma_gap *g = &r->gaps[i];
		const itsma_requirement_result *q = g->q;
		itsma__jw_begin_object(w, NULL);
		itsma__jw_string(w, "requirement", q->req->id);
		itsma__jw_string(w, "process", process_id(q->req));
		itsma__jw_string(w, "obligation", itsma_obligation_name(q->req->obligation));
		itsma__jw_string(w, "status", itsma_status_name(q->status));
		letter_member(w, "rating", q->letter);
		itsma__jw_number(w, "achievement", q->achievement);
		itsma__jw_number(w, "gain", q->gain);
		itsma__jw_begin_object(w, "guidance");
		for (k = 0; g->q->guidance && k < g->q->guidance->count; k++) {
			itsma__jw_begin_inline_array(w, g->q->guidance->keys[k]);
			for (v = 0; v < g->q->guidance->value_count[k]; v++)
				itsma__jw_string(w, NULL, g->q->guidance->values[k][v]);
			itsma__jw_end_array(w);
		}
		itsma__jw_end_object(w);
		itsma__jw_end_object(w);
	}
	itsma__jw_end_array(w);
}

static void write_capability_gaps(itsma__jw *w, const itsma_result *r)
{
	size_t i, k;

	itsma__jw_begin_array(w, "capability_gaps");
	for (i = 0; i < r->cgap_count; i++) {
		const itsma_capability_gap *g = &r->cgaps[i];
		itsma__jw_begin_object(w, NULL);
		itsma__jw_string(w, "process", g->process->id);
		itsma__jw_int(w, "level", g->level);
		itsma__jw_int(w, "target", g->target);
		itsma__jw_begin_array(w, "attributes");
		for (k = 0; k < g->count; k++) {
			/* one line per attribute, as in formats.md:
			 * { "attribute": "PA1.1", "rating": "L", "needed": "F" } */
			char raw[128];
			snprintf(
			    raw, sizeof raw,
			    "{ \"attribute\": \"%s\", \"rating\": \"%s\", \"needed\": \"%s\" }",
			    itsma_attribute_name(g->attr[k]), itsma_letter_name(g->letter[k]),
			    itsma_letter_name(g->needed[k]));
			itsma__jw_raw(w, NULL, raw);
		}
		itsma__jw_end_array(w);
		itsma__jw_end_object(w);
	}
	itsma__jw_end_array(w);
}

static void write_issues(itsma__jw *w, const itsma_result *r)
{
	size_t i, k;

	itsma__jw_begin_array(w, "evidence_issues");
	for (i = 0; i < r->issue_count; i++) {
		const itsma_evidence_issue *is = itsma_result_evidence_issue_at(r, i);
		itsma__jw_begin_object(w, NULL);
		itsma__jw_string(w, "evidence", itsma_evidence_id(is->evidence));
		itsma__jw_string(w, "problem", itsma_evidence_problem_name(is->problem));
		itsma__jw_begin_inline_array(w, "cited_by");
		for (k = 0; k < is->cited_count; k++)
			itsma__jw_string(w, NULL, itsma_evidence_issue_cited_by_at(is, k));
		itsma__jw_end_array(w);
		itsma__jw_end_object(w);
	}
	itsma__jw_end_array(w);
}

int itsma_result_to_json(char **out, const itsma_result *r, itsma_error *err)
{
	itsma__buf b = ITSMA__BUF_INIT;
	itsma__jw w;

	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_result_to_json: the output pointer is NULL");
	*out = NULL;
	if (!r)
		return itsma__error_set(err, ITSMA_EINVAL, "itsma_result_to_json: no result given");
	itsma__jw_init(&w, &b);
	itsma__jw_begin_object(&w, NULL);
	itsma__jw_string(&w, "format", "itsma-result/1");
	itsma__jw_string(&w, "assessment", itsma_assessment_id(r->a));
	itsma__jw_string(&w, "catalogue", itsma_catalogue_id(r->cat));
	itsma__jw_string(&w, "date", itsma_assessment_date(r->a));
	itsma__jw_begin_object(&w, "policy");
	itsma__jw_string(&w, "evidence", itsma_evidence_policy_name(r->policy));
	if (r->scope) /* a section-scoped result says so (docs/scoring-notes.md) */
		itsma__jw_string(&w, "section", r->scope->id);
	itsma__jw_end_object(&w);
	write_summary(&w, r);
	write_sections(&w, r);
	write_requirements(&w, r);
	write_gaps(&w, r);
	write_capability_gaps(&w, r);
	write_issues(&w, r);
	itsma__jw_end_object(&w);
	itsma__jw_finish(&w);
	return itsma__buf_finish(&b, out, err);
}
