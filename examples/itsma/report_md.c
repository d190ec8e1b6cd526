/*
 * The Markdown report: what a service manager reads first (verdict and compliance), then
 * the capability profile, what to fix first (gaps with their gain and guidance), the
 * nonconformities, evidence issues and, with a baseline, what changed. Every text that
 * comes from a catalogue or an assessment is escaped.
 */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void model_row(sb *out, const char *label, const itsma_result *r, itsma_model m)
{
	char b[48];
	sb_printf(out, "| %s | %s |\n", label, fmt_pct(b, itsma_result_compliance(r, m)));
}

static void header(sb *out, const report *rp)
{
	const itsma_assessment *a = rp->a;
	sb_puts(out, "# ");
	md_escape(out, report_title(a));
	sb_puts(out, "\n\n| | |\n|---|---|\n");
	sb_printf(out, "| Assessment | `%s`, as of %s |\n", itsma_assessment_id(a), itsma_assessment_date(a));
	if (itsma_assessment_organisation(a)) {
		sb_puts(out, "| Organisation | ");
		md_escape(out, itsma_assessment_organisation(a));
		sb_puts(out, " |\n");
	}
	if (itsma_assessment_assessor(a)) {
		sb_puts(out, "| Assessor | ");
		md_escape(out, itsma_assessment_assessor(a));
		sb_puts(out, " |\n");
	}
	sb_puts(out, "| Catalogue | ");
	md_escape(out, itsma_catalogue_title(rp->cat));
	sb_printf(out, " (`%s`) |\n", itsma_catalogue_id(rp->cat));
	if (itsma_result_scope(rp->r)) {
		const itsma_section *s = itsma_result_scope(rp->r);
		sb_printf(out, "| Scope | section %s ", itsma_section_id(s));
		md_escape(out, itsma_section_title(s));
		sb_puts(out, " only |\n");
	}
	if (itsma_result_policy(rp->r) == ITSMA_POLICY_REQUIRED)
		sb_puts(out, "| Evidence policy | required: a rating above N counts only with current "
		             "evidence |\n");
	else
		sb_puts(out, "| Evidence policy | advisory: ratings count even without current evidence |\n");
	if (rp->base) {
		const itsma_assessment *b = itsma_result_assessment(rp->base);
		sb_printf(out, "| Baseline | `%s`, as of %s |\n", itsma_assessment_id(b),
		          itsma_assessment_date(b));
	}
	sb_putc(out, '\n');
}

static void summary(sb *out, const report *rp)
{
	const itsma_result *r = rp->r;
	itsma_verdict v = itsma_result_verdict(r);
	char b1[48];
	sb_printf(out, "## Verdict: %s\n\n%s\n\n", itsma_verdict_name(v), verdict_meaning(v));

	sb_puts(out, "## Compliance\n\n| Figure | Compliance |\n|---|---:|\n");
	model_row(out, "**Overall** (weighted by clause)", r, ITSMA_MODEL_DEFAULT);
	model_row(out, "*shall* requirements", r, ITSMA_MODEL_SHALL);
	model_row(out, "*should* practices", r, ITSMA_MODEL_SHOULD);
	model_row(out, "Flat (requirement weights only)", r, ITSMA_MODEL_FLAT);
	model_row(out, "Flat, unweighted", r, ITSMA_MODEL_FLAT_UNWEIGHTED);
	model_row(out, "Absolute (100% only when everything is F)", r, ITSMA_MODEL_ABSOLUTE);
	sb_putc(out, '\n');

	sb_printf(out,
	          "Requirements: %zu applicable of %zu (%zu excluded); %zu rated, %zu rated without "
	          "current evidence (unsupported), %zu not assessed.\n\n",
	          itsma_result_tally(r, ITSMA_TALLY_APPLICABLE), itsma_result_tally(r, ITSMA_TALLY_TOTAL),
	          itsma_result_tally(r, ITSMA_TALLY_EXCLUDED), itsma_result_tally(r, ITSMA_TALLY_RATED),
	          itsma_result_tally(r, ITSMA_TALLY_UNSUPPORTED), itsma_result_tally(r, ITSMA_TALLY_UNASSESSED));
	sb_printf(out, "Nonconformities: **%zu major**, %zu minor, %zu *shall* requirements not assessed.\n\n",
	          itsma_result_tally(r, ITSMA_TALLY_NC_MAJOR), itsma_result_tally(r, ITSMA_TALLY_NC_MINOR),
	          itsma_result_tally(r, ITSMA_TALLY_NC_UNASSESSED));
	if (itsma_result_tally(r, ITSMA_TALLY_PROCESSES))
		sb_printf(out,
		          "Capability: %zu processes at levels %d to %d (mean %s); %zu of %zu targets met.\n\n",
		          itsma_result_tally(r, ITSMA_TALLY_PROCESSES), itsma_result_capability_min(r),
		          itsma_result_capability_max(r), fmt_num(b1, itsma_result_capability_mean(r), 2),
		          itsma_result_tally(r, ITSMA_TALLY_TARGETS_MET),
		          itsma_result_tally(r, ITSMA_TALLY_TARGETS_SET));

	const itsma_section_result **groups;
	size_t ng = report_groups(r, &groups);
	if (ng) {
		sb_puts(out, "### By clause\n\n| Clause | Title | Compliance | Band |\n|---|---|---:|:---:|\n");
		for (size_t i = 0; i < ng; i++) {
			const itsma_section *s = itsma_section_result_section(groups[i]);
			const char *clause = itsma_section_clause(s);
			sb_puts(out, "| ");
			md_escape(out, clause ? clause : itsma_section_id(s));
			sb_puts(out, " | ");
			md_escape(out, itsma_section_title(s));
			if (itsma_section_result_applicable(groups[i]))
				sb_printf(out, " | %s | %s |\n", fmt_pct(b1, itsma_section_result_achievement(groups[i])),
				          itsma_letter_name(itsma_section_result_letter(groups[i])));
			else
				sb_puts(out, " | excluded | |\n");
		}
		sb_putc(out, '\n');
	}
	free(groups);
}

static const char *attribute_cell(const itsma_section_result *s, itsma_attribute a)
{
	static char buf[8];
	itsma_attribute_status st = itsma_section_result_attribute_status(s, a);
	if (st == ITSMA_ATTR_UNASSESSED)
		return "\xE2\x80\x93"; /* an en dash */
	snprintf(buf, sizeof buf, "%s%s", itsma_letter_name(itsma_section_result_attribute_letter(s, a)),
	         st == ITSMA_ATTR_UNSUPPORTED ? "\\*" : "");
	return buf;
}

static void capability(sb *out, const report *rp)
{
	const itsma_section_result **procs;
	size_t np = report_processes(rp->r, &procs);
	if (np == 0) {
		free(procs);
		return;
	}
	sb_puts(out, "## Capability profile\n\n");
	sb_puts(out, "| Process | Title | Level | Target | Status |");
	for (int a = 0; a < ITSMA_ATTRIBUTE_COUNT; a++)
		sb_printf(out, " %s |", itsma_attribute_name((itsma_attribute)a));
	sb_puts(out, "\n|---|---|---:|---:|---|");
	for (int a = 0; a < ITSMA_ATTRIBUTE_COUNT; a++)
		sb_puts(out, ":---:|");
	sb_putc(out, '\n');
	for (size_t i = 0; i < np; i++) {
		const itsma_section_result *s = procs[i];
		const itsma_section *sec = itsma_section_result_section(s);
		int level = itsma_section_result_capability_level(s);
		int target = itsma_section_result_target_level(s);
		sb_printf(out, "| %s | ", itsma_section_id(sec));
		md_escape(out, itsma_section_title(sec));
		sb_printf(out, " | %d | ", level);
		if (target >= 0)
			sb_printf(out, "%d", target);
		else
			sb_puts(out, "\xE2\x80\x93");
		sb_printf(out, " | %s |", target_status(level, target));
		for (int a = 0; a < ITSMA_ATTRIBUTE_COUNT; a++)
			sb_printf(out, " %s |", attribute_cell(s, (itsma_attribute)a));
		sb_putc(out, '\n');
	}
	sb_puts(out, "\nAttribute ratings: N, P, L, F bands; \xE2\x80\x93 not assessed; \\* rated without "
	             "current evidence. PA1.1 is derived from the process's requirements.\n\n");
	free(procs);

	size_t ng = itsma_result_capability_gap_count(rp->r);
	if (ng) {
		sb_printf(out, "### Below target (%zu)\n\n", ng);
		for (size_t i = 0; i < ng; i++) {
			const itsma_capability_gap *g = itsma_result_capability_gap_at(rp->r, i);
			const itsma_section *p = itsma_capability_gap_process(g);
			sb_printf(out, "- **%s ", itsma_section_id(p));
			md_escape(out, itsma_section_title(p));
			sb_printf(out, "**: level %d, target %d. Needs ", itsma_capability_gap_level(g),
			          itsma_capability_gap_target(g));
			size_t na = itsma_capability_gap_attribute_count(g);
			for (size_t k = 0; k < na; k++) {
				itsma_letter have, need;
				itsma_attribute at = itsma_capability_gap_attribute_at(g, k, &have, &need);
				sb_printf(out, "%s%s %s (now %s)", k ? ", " : "", itsma_attribute_name(at),
				          itsma_letter_name(need), itsma_letter_name(have));
			}
			sb_puts(out, ".\n");
		}
		sb_putc(out, '\n');
	}
}

static void gaps(sb *out, const report *rp)
{
	size_t n = itsma_result_gap_count(rp->r);
	size_t shown = rp->top < n ? rp->top : n;
	char b[48];
	if (shown == 0)
		return;
	sb_printf(out, "## Top %zu gaps: what to fix first\n\n", shown);
	sb_puts(out, "In priority order: *shall* before *should*; major nonconformities and unsupported "
	             "ratings, then unassessed, then minor; then by gain, the points of overall "
	             "compliance the requirement would add if fully achieved.\n\n");
	for (size_t i = 0; i < shown; i++) {
		const itsma_gap *g = itsma_result_gap_at(rp->r, i);
		const itsma_requirement_result *q = itsma_gap_requirement(g);
		const itsma_requirement *req = itsma_requirement_result_requirement(q);
		const itsma_section *p = itsma_requirement_process(req);
		const itsma_section *sec = p ? p : itsma_requirement_section(req);
		itsma_nonconformity nc = itsma_requirement_result_nonconformity(q);
		sb_printf(out, "%zu. **%s** ", i + 1, itsma_requirement_id(req));
		md_escape(out, itsma_requirement_text(req));
		sb_puts(out, "  \n   ");
		md_escape(out, itsma_section_id(sec));
		sb_putc(out, ' ');
		md_escape(out, itsma_section_title(sec));
		sb_printf(out, " \xC2\xB7 %s \xC2\xB7 ",
		          itsma_requirement_obligation(req) == ITSMA_SHALL ? "shall" : "should");
		rating_summary(out, q);
		if (*nc_word(nc) && nc != ITSMA_NC_NONE)
			sb_printf(out, " \xC2\xB7 %s nonconformity", nc_word(nc));
		sb_printf(out, " \xC2\xB7 gain **%s** points", fmt_gain(b, itsma_gap_gain(g)));
		sb guidance = SB_INIT;
		gap_guidance(&guidance, g, rp->cat, "; ", md_escape);
		if (guidance.len)
			sb_printf(out, "  \n   Guidance: %s", sb_str(&guidance));
		sb_free(&guidance);
		sb_putc(out, '\n');
	}
	sb_putc(out, '\n');
	if (n > shown)
		sb_printf(out, "%zu gaps in all; the CSV report lists every requirement with its gain.\n\n", n);
}

static void nc_table(sb *out, const report *rp, itsma_nonconformity which, const char *title)
{
	size_t n = itsma_result_requirement_count(rp->r), count = 0;
	for (size_t i = 0; i < n; i++)
		if (itsma_requirement_result_nonconformity(itsma_result_requirement_at(rp->r, i)) == which)
			count++;
	if (!count)
		return;
	sb_printf(out, "### %s (%zu)\n\n| Requirement | Status | Rating | Text |\n|---|---|:---:|---|\n",
	          title, count);
	for (size_t i = 0; i < n; i++) {
		const itsma_requirement_result *q = itsma_result_requirement_at(rp->r, i);
		if (itsma_requirement_result_nonconformity(q) != which)
			continue;
		const itsma_requirement *req = itsma_requirement_result_requirement(q);
		const itsma_rating *rating = itsma_requirement_result_rating(q);
		sb_printf(out, "| %s | %s | %s | ", itsma_requirement_id(req),
		          itsma_status_name(itsma_requirement_result_status(q)),
		          rating ? result_letter(q) : "\xE2\x80\x93");
		md_escape(out, itsma_requirement_text(req));
		if (rating && itsma_rating_note(rating)) {
			sb_puts(out, " *Note:* ");
			md_escape(out, itsma_rating_note(rating));
		}
		sb_puts(out, " |\n");
	}
	sb_putc(out, '\n');
}

static void nonconformities(sb *out, const report *rp)
{
	const itsma_result *r = rp->r;
	if (itsma_result_tally(r, ITSMA_TALLY_NC_MAJOR) + itsma_result_tally(r, ITSMA_TALLY_NC_MINOR) +
	        itsma_result_tally(r, ITSMA_TALLY_NC_UNASSESSED) ==
	    0)
		return;
	sb_puts(out, "## Nonconformities\n\n");
	nc_table(out, rp, ITSMA_NC_MAJOR, "Major");
	nc_table(out, rp, ITSMA_NC_MINOR, "Minor");
	nc_table(out, rp, ITSMA_NC_UNASSESSED, "Not assessed");
}

static void evidence_issues(sb *out, const report *rp)
{
	size_t n = itsma_result_evidence_issue_count(rp->r);
	if (!n)
		return;
	sb_printf(out, "## Evidence issues (%zu)\n\n| Evidence | Title | Problem | Cited by |\n|---|---|---|---|\n", n);
	for (size_t i = 0; i < n; i++) {
		const itsma_evidence_issue *x = itsma_result_evidence_issue_at(rp->r, i);
		const itsma_evidence *e = itsma_evidence_issue_evidence(x);
		sb_puts(out, "| ");
		md_escape(out, itsma_evidence_id(e));
		sb_puts(out, " | ");
		md_escape(out, itsma_evidence_title(e));
		sb_puts(out, " | ");
		evidence_issue_detail(out, x);
		sb_puts(out, " | ");
		size_t c = itsma_evidence_issue_cited_by_count(x);
		for (size_t k = 0; k < c; k++) {
			if (k)
				sb_puts(out, ", ");
			md_escape(out, itsma_evidence_issue_cited_by_at(x, k));
		}
		if (!c)
			sb_puts(out, "\xE2\x80\x93");
		sb_puts(out, " |\n");
	}
	sb_putc(out, '\n');
}

static void warnings(sb *out, const report *rp)
{
	size_t n = itsma_result_warning_count(rp->r);
	if (!n)
		return;
	sb_puts(out, "## Warnings\n\n");
	for (size_t i = 0; i < n; i++) {
		sb_puts(out, "- ");
		md_escape(out, itsma_result_warning_at(rp->r, i));
		sb_putc(out, '\n');
	}
	sb_putc(out, '\n');
}

void report_md(sb *out, const report *rp)
{
	header(out, rp);
	summary(out, rp);
	if (rp->diff) {
		const itsma_assessment *b = itsma_result_assessment(rp->base);
		sb_printf(out, "## Changes since %s (`%s`)\n\n", itsma_assessment_date(b), itsma_assessment_id(b));
		diff_md(out, rp->diff, 3, rp->top);
	}
	capability(out, rp);
	gaps(out, rp);
	nonconformities(out, rp);
	evidence_issues(out, rp);
	warnings(out, rp);
	sb_puts(out, "---\n\nMade with itsma from the assessment and the catalogue above; run "
	             "`itsma explain ASSESSMENT ID` to see how any figure came about.\n");
}
