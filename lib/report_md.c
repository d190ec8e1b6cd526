/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The Markdown report: what a service manager reads first (verdict and compliance), then
 * the capability profile, what to fix first (gaps with their gain and guidance), the
 * nonconformities, evidence issues and, with a baseline, what changed. Every text that
 * comes from a catalogue or an assessment is escaped.
 */
#include "internal/report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void model_row(itsma__buf *out, const char *label, const itsma_result *r, itsma_model m)
{
	char b[48];
	itsma__buf_printf(out, "| %s | %s |\n", label,
	                  itsma__fmt_pct(b, itsma_result_compliance(r, m)));
}

static void header(itsma__buf *out, const itsma__report *rp)
{
	const itsma_assessment *a = rp->a;
	itsma__buf_puts(out, "# ");
	itsma__md_escape(out, rp->title);
	itsma__buf_puts(out, "\n\n| | |\n|---|---|\n");
	itsma__buf_puts(out, "| Assessment | ");
	itsma__md_code(out, itsma_assessment_id(a), 1);
	itsma__buf_printf(out, ", as of %s |\n", itsma_assessment_date(a));
	if (itsma_assessment_organisation(a)) {
		itsma__buf_puts(out, "| Organisation | ");
		itsma__md_escape(out, itsma_assessment_organisation(a));
		itsma__buf_puts(out, " |\n");
	}
	if (itsma_assessment_assessor(a)) {
		itsma__buf_puts(out, "| Assessor | ");
		itsma__md_escape(out, itsma_assessment_assessor(a));
		itsma__buf_puts(out, " |\n");
	}
	itsma__buf_puts(out, "| Catalogue | ");
	itsma__md_escape(out, itsma_catalogue_title(rp->cat));
	itsma__buf_puts(out, " (");
	itsma__md_code(out, itsma_catalogue_id(rp->cat), 1);
	itsma__buf_puts(out, ") |\n");
	if (itsma_result_scope(rp->r)) {
		const itsma_section *s = itsma_result_scope(rp->r);
		itsma__buf_puts(out, "| Scope | section ");
		itsma__md_escape(out, itsma_section_id(s));
		itsma__buf_putc(out, ' ');
		itsma__md_escape(out, itsma_section_title(s));
		itsma__buf_puts(out, " only |\n");
	}
	if (itsma_result_policy(rp->r) == ITSMA_EVIDENCE_POLICY_REQUIRED)
		itsma__buf_puts(
		    out, "| Evidence policy | required: a rating above N counts only with current "
		         "evidence |\n");
	else
		itsma__buf_puts(out, "| Evidence policy | advisory: ratings count even without "
		                     "current evidence |\n");
	if (rp->base) {
		const itsma_assessment *b = itsma_result_assessment(rp->base);
		itsma__buf_puts(out, "| Baseline | ");
		itsma__md_code(out, itsma_assessment_id(b), 1);
		itsma__buf_printf(out, ", as of %s |\n", itsma_assessment_date(b));
	}
	itsma__buf_putc(out, '\n');
}

static void summary(itsma__buf *out, const itsma__report *rp)
{
	const itsma_result *r = rp->r;
	itsma_verdict v = itsma_result_verdict(r);
	char b1[48];
	itsma__buf_printf(out, "## Verdict: %s\n\n%s\n\n", itsma_verdict_name(v),
	                  itsma_verdict_meaning(v));

	itsma__buf_puts(out, "## Compliance\n\n| Figure | Compliance |\n|---|---:|\n");
	model_row(out, "**Overall** (weighted by clause)", r, ITSMA_MODEL_DEFAULT);
	model_row(out, "*shall* requirements", r, ITSMA_MODEL_SHALL);
	model_row(out, "*should* practices", r, ITSMA_MODEL_SHOULD);
	model_row(out, "Flat (requirement weights only)", r, ITSMA_MODEL_FLAT);
	model_row(out, "Flat, unweighted", r, ITSMA_MODEL_FLAT_UNWEIGHTED);
	model_row(out, "Absolute (100% only when everything is F)", r, ITSMA_MODEL_ABSOLUTE);
	itsma__buf_putc(out, '\n');

	itsma__buf_printf(
	    out,
	    "Requirements: %zu applicable of %zu (%zu excluded); %zu rated, %zu rated without "
	    "current evidence (unsupported), %zu not assessed.\n\n",
	    itsma_result_tally(r, ITSMA_TALLY_APPLICABLE), itsma_result_tally(r, ITSMA_TALLY_TOTAL),
	    itsma_result_tally(r, ITSMA_TALLY_EXCLUDED), itsma_result_tally(r, ITSMA_TALLY_RATED),
	    itsma_result_tally(r, ITSMA_TALLY_UNSUPPORTED),
	    itsma_result_tally(r, ITSMA_TALLY_UNASSESSED));
	itsma__buf_printf(
	    out,
	    "Nonconformities: **%zu major**, %zu minor, %zu *shall* requirements not assessed.\n\n",
	    itsma_result_tally(r, ITSMA_TALLY_NC_MAJOR),
	    itsma_result_tally(r, ITSMA_TALLY_NC_MINOR),
	    itsma_result_tally(r, ITSMA_TALLY_NC_UNASSESSED));
	if (itsma_result_tally(r, ITSMA_TALLY_PROCESSES))
		itsma__buf_printf(out,
		                  "Capability: %zu processes at levels %d to %d (mean %s); %zu of "
		                  "%zu targets met.\n\n",
		                  itsma_result_tally(r, ITSMA_TALLY_PROCESSES),
		                  itsma_result_capability_min(r), itsma_result_capability_max(r),
		                  itsma__fmt_num(b1, itsma_result_capability_mean(r), 2),
		                  itsma_result_tally(r, ITSMA_TALLY_TARGETS_MET),
		                  itsma_result_tally(r, ITSMA_TALLY_TARGETS_SET));
}

/* Compliance by clause group. */
static void clauses(itsma__buf *out, const itsma__report *rp)
{
	const itsma_section_result *const *groups = rp->groups;
	size_t ng = rp->ngroups;
	char b1[48];
	if (ng) {
		itsma__buf_puts(out, "### By clause\n\n| Clause | Title | Compliance | Band "
		                     "|\n|---|---|---:|:---:|\n");
		for (size_t i = 0; i < ng; i++) {
			const itsma_section *s = itsma_section_result_section(groups[i]);
			const char *clause = itsma_section_clause(s);
			itsma__buf_puts(out, "| ");
			itsma__md_escape(out, clause ? clause : itsma_section_id(s));
			itsma__buf_puts(out, " | ");
			itsma__md_escape(out, itsma_section_title(s));
			if (itsma_section_result_applicable(groups[i]))
				itsma__buf_printf(
				    out, " | %s | %s |\n",
				    itsma__fmt_pct(b1, itsma_section_result_achievement(groups[i])),
				    itsma_letter_name(itsma_section_result_letter(groups[i])));
			else
				itsma__buf_puts(out, " | excluded | |\n");
		}
		itsma__buf_putc(out, '\n');
	}
}

static const char *attribute_cell(const itsma_section_result *s, itsma_attribute a)
{
	static char buf[8];
	itsma_attribute_status st = itsma_section_result_attribute_status(s, a);
	if (st == ITSMA_ATTRIBUTE_STATUS_UNASSESSED)
		return "\xE2\x80\x93"; /* an en dash */
	snprintf(buf, sizeof buf, "%s%s",
	         itsma_letter_name(itsma_section_result_attribute_letter(s, a)),
	         st == ITSMA_ATTRIBUTE_STATUS_UNSUPPORTED ? "\\*" : "");
	return buf;
}

static void capability(itsma__buf *out, const itsma__report *rp)
{
	const itsma_section_result *const *procs = rp->procs;
	size_t np = rp->nprocs;
	if (np == 0)
		return;
	itsma__buf_puts(out, "## Capability profile\n\n");
	itsma__buf_puts(out, "| Process | Title | Level | Target | Status |");
	for (int a = 0; a < ITSMA_ATTRIBUTE_COUNT; a++)
		itsma__buf_printf(out, " %s |", itsma_attribute_name((itsma_attribute)a));
	itsma__buf_puts(out, "\n|---|---|---:|---:|---|");
	for (int a = 0; a < ITSMA_ATTRIBUTE_COUNT; a++)
		itsma__buf_puts(out, ":---:|");
	itsma__buf_putc(out, '\n');
	for (size_t i = 0; i < np; i++) {
		const itsma_section_result *s = procs[i];
		const itsma_section *sec = itsma_section_result_section(s);
		int level = itsma_section_result_capability_level(s);
		int target = itsma_section_result_target_level(s);
		itsma__buf_puts(out, "| ");
		itsma__md_escape(out, itsma_section_id(sec));
		itsma__buf_puts(out, " | ");
		itsma__md_escape(out, itsma_section_title(sec));
		itsma__buf_printf(out, " | %d | ", level);
		if (target >= 0)
			itsma__buf_printf(out, "%d", target);
		else
			itsma__buf_puts(out, "\xE2\x80\x93");
		itsma__buf_printf(out, " | %s |", itsma__target_status(level, target));
		for (int a = 0; a < ITSMA_ATTRIBUTE_COUNT; a++)
			itsma__buf_printf(out, " %s |", attribute_cell(s, (itsma_attribute)a));
		itsma__buf_putc(out, '\n');
	}
	itsma__buf_puts(
	    out,
	    "\nAttribute ratings: N, P, L, F bands; \xE2\x80\x93 not assessed; \\* rated without "
	    "current evidence. PA1.1 is derived from the process's requirements.\n\n");

	size_t ng = itsma_result_capability_gap_count(rp->r);
	if (ng) {
		itsma__buf_printf(out, "### Below target (%zu)\n\n", ng);
		for (size_t i = 0; i < ng; i++) {
			const itsma_capability_gap *g = itsma_result_capability_gap_at(rp->r, i);
			const itsma_section *p = itsma_capability_gap_process(g);
			itsma__buf_puts(out, "- **");
			itsma__md_escape(out, itsma_section_id(p));
			itsma__buf_putc(out, ' ');
			itsma__md_escape(out, itsma_section_title(p));
			itsma__buf_puts(out, "**: ");
			itsma__capability_gap_needs(out, g);
			itsma__buf_putc(out, '\n');
		}
		itsma__buf_putc(out, '\n');
	}
}

static void gaps(itsma__buf *out, const itsma__report *rp)
{
	size_t n = itsma_result_gap_count(rp->r);
	size_t shown = rp->top < n ? rp->top : n;
	char b[48];
	if (shown == 0)
		return;
	itsma__buf_printf(out, "## Top %zu gaps: what to fix first\n\n", shown);
	itsma__buf_puts(
	    out,
	    "In priority order: *shall* before *should*; major nonconformities and unsupported "
	    "ratings, then unassessed, then minor; then by gain, the points of overall "
	    "compliance the requirement would add if fully achieved.\n\n");
	for (size_t i = 0; i < shown; i++) {
		const itsma_gap *g = itsma_result_gap_at(rp->r, i);
		const itsma_requirement_result *q = itsma_gap_requirement(g);
		const itsma_requirement *req = itsma_requirement_result_requirement(q);
		const itsma_section *p = itsma_requirement_process(req);
		const itsma_section *sec = p ? p : itsma_requirement_section(req);
		itsma_nonconformity nc = itsma_requirement_result_nonconformity(q);
		itsma__buf_printf(out, "%zu. **", i + 1);
		itsma__md_escape(out, itsma_requirement_id(req));
		itsma__buf_puts(out, "** ");
		itsma__md_escape(out, itsma_requirement_text(req));
		itsma__buf_puts(out, "  \n   ");
		itsma__md_escape(out, itsma_section_id(sec));
		itsma__buf_putc(out, ' ');
		itsma__md_escape(out, itsma_section_title(sec));
		itsma__buf_printf(out, " \xC2\xB7 %s \xC2\xB7 ",
		                  itsma_obligation_name(itsma_requirement_obligation(req)));
		itsma__rating_summary(out, q);
		if (*itsma_nonconformity_name(nc) && nc != ITSMA_NONCONFORMITY_NONE)
			itsma__buf_printf(out, " \xC2\xB7 %s nonconformity",
			                  itsma_nonconformity_name(nc));
		itsma__buf_printf(out, " \xC2\xB7 gain **%s** points",
		                  itsma__fmt_gain(b, itsma_gap_gain(g)));
		itsma__buf guidance = ITSMA__BUF_INIT;
		itsma__gap_guidance(&guidance, g, rp->cat, "; ", itsma__md_escape);
		if (guidance.len)
			itsma__buf_printf(out, "  \n   Guidance: %s", itsma__buf_str(&guidance));
		itsma__buf_drop(&guidance, out);
		itsma__buf_putc(out, '\n');
	}
	itsma__buf_putc(out, '\n');
	if (n > shown)
		itsma__buf_printf(
		    out,
		    "%zu gaps in all; the CSV report lists every requirement with its gain.\n\n",
		    n);
}

static void nc_table(itsma__buf *out, const itsma__report *rp, itsma_nonconformity which,
                     const char *title)
{
	size_t n = itsma_result_requirement_count(rp->r), count = 0;
	for (size_t i = 0; i < n; i++)
		if (itsma_requirement_result_nonconformity(itsma_result_requirement_at(rp->r, i)) ==
		    which)
			count++;
	if (!count)
		return;
	itsma__buf_printf(
	    out, "### %s (%zu)\n\n| Requirement | Status | Rating | Text |\n|---|---|:---:|---|\n",
	    title, count);
	for (size_t i = 0; i < n; i++) {
		const itsma_requirement_result *q = itsma_result_requirement_at(rp->r, i);
		if (itsma_requirement_result_nonconformity(q) != which)
			continue;
		const itsma_requirement *req = itsma_requirement_result_requirement(q);
		const itsma_rating *rating = itsma_requirement_result_rating(q);
		itsma__buf_puts(out, "| ");
		itsma__md_escape(out, itsma_requirement_id(req));
		itsma__buf_printf(out, " | %s | %s | ",
		                  itsma_status_name(itsma_requirement_result_status(q)),
		                  rating ? itsma__result_letter(q) : "\xE2\x80\x93");
		itsma__md_escape(out, itsma_requirement_text(req));
		if (rating && itsma_rating_note(rating)) {
			itsma__buf_puts(out, " *Note:* ");
			itsma__md_escape(out, itsma_rating_note(rating));
		}
		itsma__buf_puts(out, " |\n");
	}
	itsma__buf_putc(out, '\n');
}

static void nonconformities(itsma__buf *out, const itsma__report *rp)
{
	const itsma_result *r = rp->r;
	if (itsma_result_tally(r, ITSMA_TALLY_NC_MAJOR) +
	        itsma_result_tally(r, ITSMA_TALLY_NC_MINOR) +
	        itsma_result_tally(r, ITSMA_TALLY_NC_UNASSESSED) ==
	    0)
		return;
	itsma__buf_puts(out, "## Nonconformities\n\n");
	nc_table(out, rp, ITSMA_NONCONFORMITY_MAJOR, "Major");
	nc_table(out, rp, ITSMA_NONCONFORMITY_MINOR, "Minor");
	nc_table(out, rp, ITSMA_NONCONFORMITY_UNASSESSED, "Not assessed");
}

static void evidence_issues(itsma__buf *out, const itsma__report *rp)
{
	size_t n = itsma_result_evidence_issue_count(rp->r);
	if (!n)
		return;
	itsma__buf_printf(out,
	                  "## Evidence issues (%zu)\n\n| Evidence | Title | Problem | Cited by "
	                  "|\n|---|---|---|---|\n",
	                  n);
	for (size_t i = 0; i < n; i++) {
		const itsma_evidence_issue *x = itsma_result_evidence_issue_at(rp->r, i);
		const itsma_evidence *e = itsma_evidence_issue_evidence(x);
		itsma__buf_puts(out, "| ");
		itsma__md_escape(out, itsma_evidence_id(e));
		itsma__buf_puts(out, " | ");
		itsma__md_escape(out, itsma_evidence_title(e));
		itsma__buf_puts(out, " | ");
		itsma__evidence_issue_detail(out, x);
		itsma__buf_puts(out, " | ");
		size_t c = itsma_evidence_issue_cited_by_count(x);
		for (size_t k = 0; k < c; k++) {
			if (k)
				itsma__buf_puts(out, ", ");
			itsma__md_escape(out, itsma_evidence_issue_cited_by_at(x, k));
		}
		if (!c)
			itsma__buf_puts(out, "\xE2\x80\x93");
		itsma__buf_puts(out, " |\n");
	}
	itsma__buf_putc(out, '\n');
}

static void warnings(itsma__buf *out, const itsma__report *rp)
{
	static const char *const markup[4] = { "## Warnings\n\n", "- ", "\n", "\n" };
	itsma__report_warnings(out, rp, markup, itsma__md_escape);
}

void itsma__report_md(itsma__buf *out, const itsma__report *rp)
{
	header(out, rp);
	if (ITSMA__WANT(rp, ITSMA_REPORT_SECTION_SUMMARY))
		summary(out, rp);
	if (ITSMA__WANT(rp, ITSMA_REPORT_SECTION_CLAUSES))
		clauses(out, rp);
	if (rp->diff && ITSMA__WANT(rp, ITSMA_REPORT_SECTION_CHANGES)) {
		const itsma_assessment *b = itsma_result_assessment(rp->base);
		itsma__buf_printf(out, "## Changes since %s (", itsma_assessment_date(b));
		itsma__md_code(out, itsma_assessment_id(b), 0);
		itsma__buf_puts(out, ")\n\n");
		itsma__diff_md(out, &rp->changes, 3, rp->top);
	}
	if (ITSMA__WANT(rp, ITSMA_REPORT_SECTION_CAPABILITY))
		capability(out, rp);
	if (ITSMA__WANT(rp, ITSMA_REPORT_SECTION_GAPS))
		gaps(out, rp);
	if (ITSMA__WANT(rp, ITSMA_REPORT_SECTION_NONCONFORMITIES))
		nonconformities(out, rp);
	if (ITSMA__WANT(rp, ITSMA_REPORT_SECTION_EVIDENCE))
		evidence_issues(out, rp);
	if (ITSMA__WANT(rp, ITSMA_REPORT_SECTION_WARNINGS))
		warnings(out, rp);
	itsma__buf_puts(out,
	                "---\n\nMade with itsma from the assessment and the catalogue above; run "
	                "`itsma explain ASSESSMENT ID` to see how any figure came about.\n");
}
