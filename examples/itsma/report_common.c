/*
 * Pieces every report format shares: names of attributes and verdicts, the clause groups
 * and processes a report shows, and a gap's guidance.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

const char *attribute_title(itsma_attribute a)
{
	static const char *const titles[ITSMA_ATTRIBUTE_COUNT] = {
		"Process performance",   "Performance management", "Work product management",
		"Process definition",    "Process deployment",     "Quantitative analysis",
		"Quantitative control",  "Process innovation",     "Process innovation implementation"
	};
	return (unsigned)a < ITSMA_ATTRIBUTE_COUNT ? titles[a] : "";
}

const char *verdict_meaning(itsma_verdict v)
{
	switch (v) {
	case ITSMA_VERDICT_CONFORMANT:
		return "Every applicable shall requirement is fully achieved with current evidence.";
	case ITSMA_VERDICT_CONDITIONAL:
		return "No major nonconformity: only minor ones (requirements largely achieved) remain.";
	case ITSMA_VERDICT_INCOMPLETE:
		return "No major nonconformity, but some shall requirements have not been assessed.";
	default:
		return "At least one shall requirement is at most partially achieved, or rated without "
		       "current evidence: a major nonconformity.";
	}
}

const char *report_title(const itsma_assessment *a)
{
	static char buf[200];
	const char *t = itsma_assessment_title(a);
	if (t && *t)
		return t;
	snprintf(buf, sizeof buf, "Self-assessment %s", itsma_assessment_id(a));
	return buf;
}

const char *catalogue_title(const itsma_result *r)
{
	return itsma_catalogue_title(itsma_assessment_catalogue(itsma_result_assessment(r)));
}

size_t report_groups(const itsma_result *r, const itsma_section_result ***out)
{
	const itsma_catalogue *cat = itsma_assessment_catalogue(itsma_result_assessment(r));
	const itsma_section *scope = itsma_result_scope(r);
	size_t n = scope ? itsma_section_child_count(scope) : itsma_catalogue_top_count(cat);
	const itsma_section_result **list = xcalloc(n + 1, sizeof *list);
	size_t k = 0;
	if (scope && n == 0) {
		const itsma_section_result *s = itsma_result_find_section(r, itsma_section_id(scope));
		if (s)
			list[k++] = s;
	}
	for (size_t i = 0; i < n; i++) {
		const itsma_section *s = scope ? itsma_section_child_at(scope, i) : itsma_catalogue_top_at(cat, i);
		const itsma_section_result *sr = itsma_result_find_section(r, itsma_section_id(s));
		if (sr)
			list[k++] = sr;
	}
	*out = list;
	return k;
}

size_t report_processes(const itsma_result *r, const itsma_section_result ***out)
{
	size_t n = itsma_result_section_count(r);
	const itsma_section_result **list = xcalloc(n + 1, sizeof *list);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const itsma_section_result *s = itsma_result_section_at(r, i);
		if (itsma_section_kind_of(itsma_section_result_section(s)) == ITSMA_SECTION_PROCESS &&
		    itsma_section_result_applicable(s))
			list[k++] = s;
	}
	*out = list;
	return k;
}

static const char *source_name(const itsma_catalogue *cat, const char *key)
{
	size_t n = itsma_catalogue_guidance_source_count(cat);
	for (size_t i = 0; i < n; i++)
		if (strcmp(itsma_catalogue_guidance_source_key(cat, i), key) == 0)
			return itsma_catalogue_guidance_source_name(cat, i);
	return key;
}

void gap_guidance(sb *out, const itsma_gap *g, const itsma_catalogue *cat, const char *sep,
                  void (*escape)(sb *, const char *))
{
	size_t n = itsma_gap_guidance_source_count(g);
	for (size_t i = 0; i < n; i++) {
		const char *key = itsma_gap_guidance_source_key(g, i);
		size_t m = itsma_gap_guidance_count(g, key);
		if (m == 0)
			continue;
		if (i > 0)
			sb_puts(out, sep);
		if (escape)
			escape(out, source_name(cat, key));
		else
			sb_puts(out, source_name(cat, key));
		sb_puts(out, ": ");
		for (size_t j = 0; j < m; j++) {
			if (j > 0)
				sb_puts(out, ", ");
			if (escape)
				escape(out, itsma_gap_guidance_at(g, key, j));
			else
				sb_puts(out, itsma_gap_guidance_at(g, key, j));
		}
	}
}

const char *requirement_process_id(const itsma_requirement *q)
{
	const itsma_section *p = itsma_requirement_process(q);
	return p ? itsma_section_id(p) : "";
}

const char *nc_word(itsma_nonconformity nc)
{
	return itsma_nonconformity_name(nc);
}

const char *result_letter(const itsma_requirement_result *q)
{
	return itsma_letter_name(itsma_requirement_result_letter(q));
}

const char *target_status(int level, int target)
{
	if (target < 0)
		return "no target";
	if (level >= target)
		return level > target ? "above target" : "on target";
	return "below target";
}

void evidence_issue_detail(sb *out, const itsma_evidence_issue *i)
{
	const itsma_evidence *e = itsma_evidence_issue_evidence(i);
	switch (itsma_evidence_issue_problem(i)) {
	case ITSMA_EVIDENCE_EXPIRED:
		sb_printf(out, "expired on %s", itsma_evidence_expires(e));
		break;
	case ITSMA_EVIDENCE_FUTURE:
		sb_printf(out, "collected on %s, after the assessment date", itsma_evidence_collected(e));
		break;
	default:
		sb_puts(out, "not cited by any rating or attribute");
		break;
	}
}

const itsma_capability_gap *capability_gap_of(const itsma_result *r, const itsma_section *p)
{
	size_t n = itsma_result_capability_gap_count(r);
	for (size_t i = 0; i < n; i++) {
		const itsma_capability_gap *g = itsma_result_capability_gap_at(r, i);
		if (itsma_capability_gap_process(g) == p)
			return g;
	}
	return NULL;
}

void rating_summary(sb *out, const itsma_requirement_result *q)
{
	char b[48];
	const itsma_rating *rating = itsma_requirement_result_rating(q);
	switch (itsma_requirement_result_status(q)) {
	case ITSMA_STATUS_UNASSESSED:
		sb_puts(out, "not assessed");
		break;
	case ITSMA_STATUS_EXCLUDED:
		sb_puts(out, "excluded");
		break;
	case ITSMA_STATUS_UNSUPPORTED:
		if (itsma_rating_letter(rating) != ITSMA_LETTER_NONE)
			sb_printf(out, "rated %s", itsma_letter_name(itsma_rating_letter(rating)));
		else
			sb_printf(out, "rated %s", fmt_num(b, itsma_rating_value(rating), 2));
		sb_printf(out, " without current evidence, counts %s",
		          fmt_num(b, itsma_requirement_result_achievement(q), 2));
		break;
	default:
		sb_printf(out, "rated %s (%s)", result_letter(q),
		          fmt_num(b, itsma_requirement_result_achievement(q), 2));
	}
}

const char *fmt_gain(char *buf, double gain)
{
	snprintf(buf, 48, "+%.2f", gain);
	return buf;
}
