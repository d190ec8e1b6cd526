/* SPDX-License-Identifier: Apache-2.0 */
/* Scoring results: names of the enums of result.h and the result's getters. */
#include "internal/result.h"
#include "internal/error.h"
#include "internal/enumword.h"

#include <math.h>
#include <string.h>

/* ---- enum words ---------------------------------------------------------------------------- */

ITSMA__ENUM_WORDS(evidence_policy, "an evidence policy",
                  { "required", ITSMA_EVIDENCE_POLICY_REQUIRED },
                  { "advisory", ITSMA_EVIDENCE_POLICY_ADVISORY })
ITSMA__ENUM_WORDS(model, "a compliance model", { "default", ITSMA_MODEL_DEFAULT },
                  { "flat", ITSMA_MODEL_FLAT }, { "flat_unweighted", ITSMA_MODEL_FLAT_UNWEIGHTED },
                  { "absolute", ITSMA_MODEL_ABSOLUTE }, { "shall", ITSMA_MODEL_SHALL },
                  { "should", ITSMA_MODEL_SHOULD })
ITSMA__ENUM_WORDS(verdict, "a verdict", { "conformant", ITSMA_VERDICT_CONFORMANT },
                  { "conditional", ITSMA_VERDICT_CONDITIONAL },
                  { "incomplete", ITSMA_VERDICT_INCOMPLETE },
                  { "nonconformant", ITSMA_VERDICT_NONCONFORMANT })
ITSMA__ENUM_WORDS(status, "a requirement status", { "rated", ITSMA_STATUS_RATED },
                  { "unassessed", ITSMA_STATUS_UNASSESSED },
                  { "unsupported", ITSMA_STATUS_UNSUPPORTED },
                  { "excluded", ITSMA_STATUS_EXCLUDED })
/* ITSMA_NONCONFORMITY_NULL (JSON null) has no word. */
ITSMA__ENUM_WORDS(nonconformity, "a nonconformity class", { "none", ITSMA_NONCONFORMITY_NONE },
                  { "minor", ITSMA_NONCONFORMITY_MINOR }, { "major", ITSMA_NONCONFORMITY_MAJOR },
                  { "unassessed", ITSMA_NONCONFORMITY_UNASSESSED })
ITSMA__ENUM_WORDS(tally, "a tally", { "total", ITSMA_TALLY_TOTAL },
                  { "applicable", ITSMA_TALLY_APPLICABLE }, { "excluded", ITSMA_TALLY_EXCLUDED },
                  { "rated", ITSMA_TALLY_RATED }, { "unassessed", ITSMA_TALLY_UNASSESSED },
                  { "unsupported", ITSMA_TALLY_UNSUPPORTED },
                  { "nonconformities_major", ITSMA_TALLY_NC_MAJOR },
                  { "nonconformities_minor", ITSMA_TALLY_NC_MINOR },
                  { "nonconformities_unassessed", ITSMA_TALLY_NC_UNASSESSED },
                  { "processes", ITSMA_TALLY_PROCESSES },
                  { "targets_set", ITSMA_TALLY_TARGETS_SET },
                  { "targets_met", ITSMA_TALLY_TARGETS_MET })
ITSMA__ENUM_WORDS(attribute_status, "an attribute status",
                  { "derived", ITSMA_ATTRIBUTE_STATUS_DERIVED },
                  { "rated", ITSMA_ATTRIBUTE_STATUS_RATED },
                  { "unassessed", ITSMA_ATTRIBUTE_STATUS_UNASSESSED },
                  { "unsupported", ITSMA_ATTRIBUTE_STATUS_UNSUPPORTED })
ITSMA__ENUM_WORDS(evidence_problem, "an evidence problem",
                  { "unused", ITSMA_EVIDENCE_PROBLEM_UNUSED },
                  { "expired", ITSMA_EVIDENCE_PROBLEM_EXPIRED },
                  { "future", ITSMA_EVIDENCE_PROBLEM_FUTURE })
ITSMA__ENUM_WORDS(warning_kind, "a warning kind",
                  { "excluded-rating", ITSMA_WARNING_KIND_EXCLUDED_RATING },
                  { "excluded-attribute", ITSMA_WARNING_KIND_EXCLUDED_ATTRIBUTE },
                  { "no-applicable", ITSMA_WARNING_KIND_NO_APPLICABLE })

/* Rank of a verdict from best (0) to worst; unknown values rank after all. */
static int verdict_rank(itsma_verdict v)
{
	switch (v) {
	case ITSMA_VERDICT_CONFORMANT: return 0;
	case ITSMA_VERDICT_CONDITIONAL: return 1;
	case ITSMA_VERDICT_INCOMPLETE: return 2;
	case ITSMA_VERDICT_NONCONFORMANT: return 3;
	}
	return 4;
}

int itsma_verdict_compare(itsma_verdict a, itsma_verdict b)
{
	int ra = verdict_rank(a), rb = verdict_rank(b);
	return (ra > rb) - (ra < rb);
}

/* ---- summary ------------------------------------------------------------------------------- */

const itsma_assessment *itsma_result_assessment(const itsma_result *r) { return r ? r->a : NULL; }

itsma_evidence_policy itsma_result_policy(const itsma_result *r)
{
	return r ? r->policy : ITSMA_EVIDENCE_POLICY_REQUIRED;
}

const itsma_section *itsma_result_scope(const itsma_result *r) { return r ? r->scope : NULL; }

double itsma_result_compliance(const itsma_result *r, itsma_model model)
{
	if (!r || (int)model < 0 || model >= ITSMA_MODEL_COUNT)
		return NAN;
	return r->compliance[model];
}

itsma_verdict itsma_result_verdict(const itsma_result *r)
{
	return r ? r->verdict : ITSMA_VERDICT_CONFORMANT;
}

size_t itsma_result_tally(const itsma_result *r, itsma_tally which)
{
	if (!r || (int)which < 0 || which >= ITSMA_TALLY_COUNT)
		return 0;
	return r->tally[which];
}

int itsma_result_capability_min(const itsma_result *r) { return r ? r->cap_min : -1; }

int itsma_result_capability_max(const itsma_result *r) { return r ? r->cap_max : -1; }

double itsma_result_capability_mean(const itsma_result *r) { return r ? r->cap_mean : NAN; }

size_t itsma_result_warning_count(const itsma_result *r) { return r ? r->warning_count : 0; }

const char *itsma_result_warning_at(const itsma_result *r, size_t index)
{
	if (!r || index >= r->warning_count)
		return NULL;
	return r->warnings[index];
}

/* Warning `index` in structured form, or NULL. */
static const struct itsma__warning *warning(const itsma_result *r, size_t index)
{
	return r && index < r->warning_count && r->warning_info ? &r->warning_info[index] : NULL;
}

itsma_warning_kind itsma_result_warning_kind(const itsma_result *r, size_t index)
{
	const struct itsma__warning *w = warning(r, index);
	return w ? w->kind : ITSMA_WARNING_KIND_COUNT;
}

const char *itsma_result_warning_subject(const itsma_result *r, size_t index)
{
	const struct itsma__warning *w = warning(r, index);
	return w ? w->subject : NULL;
}

itsma_attribute itsma_result_warning_attribute(const itsma_result *r, size_t index)
{
	const struct itsma__warning *w = warning(r, index);
	return w ? w->attribute : ITSMA_ATTRIBUTE_COUNT;
}

const char *itsma_result_warning_exclusion(const itsma_result *r, size_t index)
{
	const struct itsma__warning *w = warning(r, index);
	return w ? w->exclusion : NULL;
}

/* ---- sections ------------------------------------------------------------------------------ */

size_t itsma_result_section_count(const itsma_result *r) { return r ? r->section_count : 0; }

const itsma_section_result *itsma_result_section_at(const itsma_result *r, size_t index)
{
	if (!r || index >= r->section_count)
		return NULL;
	return &r->sections[index];
}

const itsma_section_result *itsma_result_find_section(const itsma_result *r, const char *id)
{
	if (!r || !id)
		return NULL;
	return itsma__result_section_entry(r, itsma_catalogue_find_section(r->cat, id));
}

const itsma_section *itsma_section_result_section(const itsma_section_result *s)
{
	return s ? s->sec : NULL;
}

int itsma_section_result_applicable(const itsma_section_result *s) { return s ? s->applicable : 0; }

double itsma_section_result_achievement(const itsma_section_result *s)
{
	return s && s->applicable ? s->achievement : NAN;
}

itsma_letter itsma_section_result_letter(const itsma_section_result *s)
{
	return s && s->applicable ? s->letter : ITSMA_LETTER_NONE;
}

int itsma_section_result_capability_level(const itsma_section_result *s)
{
	return s && s->is_process && s->applicable ? s->level : -1;
}

int itsma_section_result_target_level(const itsma_section_result *s)
{
	return s && s->is_process ? s->target : -1;
}

static int attr_ok(const itsma_section_result *s, itsma_attribute attribute)
{
	return s && s->is_process && (int)attribute >= 0 && attribute < ITSMA_ATTRIBUTE_COUNT;
}

double itsma_section_result_attribute_achievement(const itsma_section_result *s,
                                                  itsma_attribute attribute)
{
	return attr_ok(s, attribute) && s->applicable ? s->attr_ach[attribute] : NAN;
}

itsma_letter itsma_section_result_attribute_letter(const itsma_section_result *s,
                                                   itsma_attribute attribute)
{
	return attr_ok(s, attribute) && s->applicable ? s->attr_letter[attribute]
	                                              : ITSMA_LETTER_NONE;
}

itsma_attribute_status itsma_section_result_attribute_status(const itsma_section_result *s,
                                                             itsma_attribute attribute)
{
	if (!attr_ok(s, attribute))
		return ITSMA_ATTRIBUTE_STATUS_UNASSESSED;
	return s->attr_status[attribute];
}

/* ---- requirements -------------------------------------------------------------------------- */

size_t itsma_result_requirement_count(const itsma_result *r) { return r ? r->req_count : 0; }

const itsma_requirement_result *itsma_result_requirement_at(const itsma_result *r, size_t index)
{
	if (!r || index >= r->req_count)
		return NULL;
	return &r->reqs[index];
}

const itsma_requirement_result *itsma_result_find_requirement(const itsma_result *r, const char *id)
{
	if (!r || !id)
		return NULL;
	return itsma__result_requirement_entry(r, itsma_catalogue_find_requirement(r->cat, id));
}

const itsma_requirement *itsma_requirement_result_requirement(const itsma_requirement_result *q)
{
	return q ? q->req : NULL;
}

itsma_status itsma_requirement_result_status(const itsma_requirement_result *q)
{
	return q ? q->status : ITSMA_STATUS_EXCLUDED;
}

double itsma_requirement_result_achievement(const itsma_requirement_result *q)
{
	return q ? q->achievement : NAN;
}

itsma_letter itsma_requirement_result_letter(const itsma_requirement_result *q)
{
	return q ? q->letter : ITSMA_LETTER_NONE;
}

itsma_nonconformity itsma_requirement_result_nonconformity(const itsma_requirement_result *q)
{
	return q ? q->nc : ITSMA_NONCONFORMITY_NULL;
}

double itsma_requirement_result_weight(const itsma_requirement_result *q)
{
	return q ? q->weight : 0;
}

double itsma_requirement_result_gain(const itsma_requirement_result *q) { return q ? q->gain : 0; }

const itsma_rating *itsma_requirement_result_rating(const itsma_requirement_result *q)
{
	return q ? q->rating : NULL;
}

/* ---- gaps ---------------------------------------------------------------------------------- */

size_t itsma_result_gap_count(const itsma_result *r) { return r ? r->gap_count : 0; }

const itsma_gap *itsma_result_gap_at(const itsma_result *r, size_t index)
{
	if (!r || index >= r->gap_count)
		return NULL;
	return &r->gaps[index];
}

const itsma_requirement_result *itsma_gap_requirement(const itsma_gap *g)
{
	return g ? g->q : NULL;
}

double itsma_gap_gain(const itsma_gap *g) { return g ? g->q->gain : 0; }

size_t itsma_gap_guidance_source_count(const itsma_gap *g)
{
	return g && g->q->guidance ? g->q->guidance->count : 0;
}

const char *itsma_gap_guidance_source_key(const itsma_gap *g, size_t index)
{
	if (!g || !g->q->guidance || index >= g->q->guidance->count)
		return NULL;
	return g->q->guidance->keys[index];
}

static size_t guidance_slot(const itsma_gap *g, const char *source)
{
	size_t i;
	if (!g || !g->q->guidance || !source)
		return (size_t)-1;
	for (i = 0; i < g->q->guidance->count; i++)
		if (strcmp(g->q->guidance->keys[i], source) == 0)
			return i;
	return (size_t)-1;
}

size_t itsma_gap_guidance_count(const itsma_gap *g, const char *source)
{
	size_t i = guidance_slot(g, source);
	return i == (size_t)-1 ? 0 : g->q->guidance->value_count[i];
}

const char *itsma_gap_guidance_at(const itsma_gap *g, const char *source, size_t index)
{
	size_t i = guidance_slot(g, source);
	if (i == (size_t)-1 || index >= g->q->guidance->value_count[i])
		return NULL;
	return g->q->guidance->values[i][index];
}

/* ---- capability gaps ----------------------------------------------------------------------- */

size_t itsma_result_capability_gap_count(const itsma_result *r) { return r ? r->cgap_count : 0; }

const itsma_capability_gap *itsma_result_capability_gap_at(const itsma_result *r, size_t index)
{
	if (!r || index >= r->cgap_count)
		return NULL;
	return &r->cgaps[index];
}

const itsma_section *itsma_capability_gap_process(const itsma_capability_gap *g)
{
	return g ? g->process : NULL;
}

int itsma_capability_gap_level(const itsma_capability_gap *g) { return g ? g->level : -1; }

int itsma_capability_gap_target(const itsma_capability_gap *g) { return g ? g->target : -1; }

size_t itsma_capability_gap_attribute_count(const itsma_capability_gap *g)
{
	return g ? g->count : 0;
}

itsma_attribute itsma_capability_gap_attribute_at(itsma_letter *letter_out,
                                                  itsma_letter *needed_out,
                                                  const itsma_capability_gap *g, size_t index)
{
	if (!g || index >= g->count) {
		if (letter_out)
			*letter_out = ITSMA_LETTER_NONE;
		if (needed_out)
			*needed_out = ITSMA_LETTER_NONE;
		return ITSMA_ATTRIBUTE_COUNT;
	}
	if (letter_out)
		*letter_out = g->letter[index];
	if (needed_out)
		*needed_out = g->needed[index];
	return g->attr[index];
}

/* ---- evidence issues ----------------------------------------------------------------------- */

size_t itsma_result_evidence_issue_count(const itsma_result *r) { return r ? r->issue_count : 0; }

/* The issues of a result of itsma_score(): an array, citers named in an array each. */
static const itsma_evidence_issue *plain_at(const itsma__issue_source *self, const itsma_result *r,
                                            size_t index)
{
	(void)self;
	return &r->issues[index].h;
}

static const char *plain_cited_by_at(const itsma__issue_source *self, const itsma_evidence_issue *i,
                                     size_t index)
{
	(void)self;
	return ((const itsma__plain_issue *)i)->cited_by[index];
}

const itsma__issue_source itsma__plain_issues = { plain_at, plain_cited_by_at };

const itsma_evidence_issue *itsma_result_evidence_issue_at(const itsma_result *r, size_t index)
{
	if (!r || index >= r->issue_count)
		return NULL;
	return r->issue_src->at(r->issue_src, r, index);
}

const itsma_evidence *itsma_evidence_issue_evidence(const itsma_evidence_issue *i)
{
	return i ? i->evidence : NULL;
}

itsma_evidence_problem itsma_evidence_issue_problem(const itsma_evidence_issue *i)
{
	return i ? i->problem : ITSMA_EVIDENCE_PROBLEM_UNUSED;
}

size_t itsma_evidence_issue_cited_by_count(const itsma_evidence_issue *i)
{
	return i ? i->cited_count : 0;
}

const char *itsma_evidence_issue_cited_by_at(const itsma_evidence_issue *i, size_t index)
{
	if (!i || index >= i->cited_count)
		return NULL;
	return i->src->cited_by_at(i->src, i, index);
}

/* ---- lookups by object ---------------------------------------------------------------------- */

const itsma_catalogue *itsma_result_catalogue(const itsma_result *r) { return r ? r->cat : NULL; }

const itsma_section_result *itsma_result_section_of(const itsma_result *r, const itsma_section *s)
{
	return itsma__result_section_entry(r, s);
}

const itsma_requirement_result *itsma_result_requirement_of(const itsma_result *r,
                                                            const itsma_requirement *q)
{
	return itsma__result_requirement_entry(r, q);
}

const itsma_capability_gap *itsma_result_capability_gap_of(const itsma_result *r,
                                                           const itsma_section *process)
{
	size_t i;
	if (!r || !process)
		return NULL;
	for (i = 0; i < r->cgap_count; i++)
		if (r->cgaps[i].process == process)
			return &r->cgaps[i];
	return NULL;
}

const char *itsma_gap_requirement_id(const itsma_gap *g)
{
	return g && g->q && g->q->req ? g->q->req->id : NULL;
}
