/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The text report for the terminal: the verdict and figures first, then compliance per
 * clause as bars, the capability profile against targets, the top gaps with guidance,
 * major nonconformities, evidence issues and, with a baseline, what changed.
 */
#include "internal/report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FULL   "\xE2\x96\x88" /* a full block */
#define LIGHT  "\xE2\x96\x91" /* a light shade */
#define SQUARE "\xE2\x96\xA0"
#define HOLLOW "\xE2\x96\xA1"
#define DOT    "\xC2\xB7"

typedef struct ctx {
	itsma__buf *out;
	int c; /* colour */
} ctx;

static const char *col(const ctx *x, itsma__colour c) { return itsma__col(x->c, c); }

static void heading(const ctx *x, const char *text)
{
	itsma__buf_printf(x->out, "\n%s%s%s\n", col(x, ITSMA__COL_BOLD), text,
	                  col(x, ITSMA__COL_RESET));
}

static void bar(const ctx *x, double value, size_t width)
{
	size_t fill = isnan(value) ? 0 : (size_t)(value / 100.0 * (double)width + 0.5);
	if (fill > width)
		fill = width;
	itsma__buf_puts(
	    x->out,
	    col(x, itsma__letter_colour(itsma_letter_from_achievement(isnan(value) ? 0 : value))));
	itsma__buf_repeat(x->out, FULL, fill);
	itsma__buf_puts(x->out, col(x, ITSMA__COL_DIM));
	itsma__buf_repeat(x->out, LIGHT, width - fill);
	itsma__buf_puts(x->out, col(x, ITSMA__COL_RESET));
}

static void overview(const ctx *x, const itsma__report *rp)
{
	const itsma_result *r = rp->r;
	const itsma_assessment *a = rp->a;
	itsma__buf *out = x->out;
	char b1[48], b2[48], b3[48];
	itsma_verdict v = itsma_result_verdict(r);

	itsma__buf_puts(out, col(x, ITSMA__COL_BOLD));
	itsma__term_put(out, rp->title);
	itsma__buf_printf(out, "%s\n%s", col(x, ITSMA__COL_RESET), col(x, ITSMA__COL_DIM));
	if (itsma_assessment_organisation(a)) {
		itsma__term_put(out, itsma_assessment_organisation(a));
		itsma__buf_puts(out, " " DOT " ");
	}
	itsma__buf_puts(out, "assessment ");
	itsma__term_put(out, itsma_assessment_id(a));
	itsma__buf_printf(out, " as of %s\ncatalogue ", itsma_assessment_date(a));
	itsma__term_put(out, itsma_catalogue_id(rp->cat));
	itsma__buf_printf(out, " " DOT " evidence policy %s",
	                  itsma_evidence_policy_name(itsma_result_policy(r)));
	if (itsma_result_scope(r)) {
		itsma__buf_puts(out, " " DOT " section ");
		itsma__term_put(out, itsma_section_id(itsma_result_scope(r)));
		itsma__buf_puts(out, " only");
	}
	itsma__buf_printf(out, "%s\n\n", col(x, ITSMA__COL_RESET));
	if (!ITSMA__WANT(rp, ITSMA_REPORT_SECTION_SUMMARY))
		return;

	itsma__buf_printf(out, "%-17s%s%s%s%s\n", "Verdict", col(x, ITSMA__COL_BOLD),
	                  col(x, itsma__verdict_colour(v)), itsma_verdict_name(v),
	                  col(x, ITSMA__COL_RESET));
	itsma__buf_printf(out, "%-17s", "");
	itsma__term_wrap(out, itsma_verdict_meaning(v), 17, rp->width);
	itsma__buf_putc(out, '\n');
	double overall = itsma_result_compliance(r, ITSMA_MODEL_DEFAULT);
	itsma__buf_printf(out, "%-17s%s%s%s overall", "Compliance", col(x, ITSMA__COL_BOLD),
	                  itsma__fmt_pct(b1, overall), col(x, ITSMA__COL_RESET));
	itsma__buf_printf(out, "   shall %s   should %s\n",
	                  itsma__fmt_pct(b2, itsma_result_compliance(r, ITSMA_MODEL_SHALL)),
	                  itsma__fmt_pct(b3, itsma_result_compliance(r, ITSMA_MODEL_SHOULD)));
	itsma__buf_printf(
	    out, "%-17sflat %s   unweighted %s   absolute %s\n", "",
	    itsma__fmt_pct(b1, itsma_result_compliance(r, ITSMA_MODEL_FLAT)),
	    itsma__fmt_pct(b2, itsma_result_compliance(r, ITSMA_MODEL_FLAT_UNWEIGHTED)),
	    itsma__fmt_pct(b3, itsma_result_compliance(r, ITSMA_MODEL_ABSOLUTE)));
	itsma__buf_printf(out, "%-17s%zu applicable: %zu rated, %zu unsupported, %zu not assessed",
	                  "Requirements", itsma_result_tally(r, ITSMA_TALLY_APPLICABLE),
	                  itsma_result_tally(r, ITSMA_TALLY_RATED),
	                  itsma_result_tally(r, ITSMA_TALLY_UNSUPPORTED),
	                  itsma_result_tally(r, ITSMA_TALLY_UNASSESSED));
	if (itsma_result_tally(r, ITSMA_TALLY_EXCLUDED))
		itsma__buf_printf(out, "; %zu excluded",
		                  itsma_result_tally(r, ITSMA_TALLY_EXCLUDED));
	itsma__buf_putc(out, '\n');
	itsma__buf_printf(
	    out, "%-17s%s%zu major%s, %zu minor, %zu not assessed\n", "Nonconformities",
	    col(x, itsma_result_tally(r, ITSMA_TALLY_NC_MAJOR) ? ITSMA__COL_RED : ITSMA__COL_RESET),
	    itsma_result_tally(r, ITSMA_TALLY_NC_MAJOR), col(x, ITSMA__COL_RESET),
	    itsma_result_tally(r, ITSMA_TALLY_NC_MINOR),
	    itsma_result_tally(r, ITSMA_TALLY_NC_UNASSESSED));
	if (itsma_result_tally(r, ITSMA_TALLY_PROCESSES))
		itsma__buf_printf(
		    out, "%-17s%zu processes at levels %d-%d, mean %s; %zu of %zu targets met\n",
		    "Capability", itsma_result_tally(r, ITSMA_TALLY_PROCESSES),
		    itsma_result_capability_min(r), itsma_result_capability_max(r),
		    itsma__fmt_num(b1, itsma_result_capability_mean(r), 2),
		    itsma_result_tally(r, ITSMA_TALLY_TARGETS_MET),
		    itsma_result_tally(r, ITSMA_TALLY_TARGETS_SET));
}

static void clauses(const ctx *x, const itsma__report *rp)
{
	const itsma_section_result *const *groups = rp->groups;
	size_t n = rp->ngroups;
	char b[48];
	if (n) {
		heading(x, "Compliance by clause");
		for (size_t i = 0; i < n; i++) {
			const itsma_section *s = itsma_section_result_section(groups[i]);
			const char *clause = itsma_section_clause(s);
			double ach = itsma_section_result_achievement(groups[i]);
			itsma__buf_puts(x->out, "  ");
			itsma__term_fit(x->out, clause ? clause : itsma_section_id(s), 5, 1);
			itsma__term_fit(x->out, itsma_section_title(s), 42, 1);
			itsma__buf_putc(x->out, ' ');
			if (!itsma_section_result_applicable(groups[i])) {
				itsma__buf_puts(x->out, "excluded\n");
				continue;
			}
			bar(x, ach, 25);
			itsma__buf_printf(
			    x->out, " %6s  %s\n", itsma__fmt_pct(b, ach),
			    itsma_letter_name(itsma_section_result_letter(groups[i])));
		}
	}
}

static void profile(const ctx *x, const itsma__report *rp)
{
	const itsma_section_result *const *procs = rp->procs;
	size_t n = rp->nprocs;
	if (n) {
		heading(x, "Capability profile (level / target)");
		for (size_t i = 0; i < n; i++) {
			const itsma_section *s = itsma_section_result_section(procs[i]);
			int level = itsma_section_result_capability_level(procs[i]);
			int target = itsma_section_result_target_level(procs[i]);
			int below = target >= 0 && level < target;
			itsma__buf_puts(x->out, "  ");
			itsma__term_fit(x->out, itsma_section_id(s), 7, 1);
			itsma__term_fit(x->out, itsma_section_title(s), 42, 1);
			itsma__buf_puts(x->out, " ");
			itsma__buf_puts(x->out,
			                col(x, below ? ITSMA__COL_YELLOW : ITSMA__COL_GREEN));
			itsma__buf_repeat(x->out, SQUARE, (size_t)level);
			itsma__buf_puts(x->out, col(x, ITSMA__COL_DIM));
			itsma__buf_repeat(x->out, HOLLOW, (size_t)(5 - level));
			itsma__buf_puts(x->out, col(x, ITSMA__COL_RESET));
			if (target >= 0)
				itsma__buf_printf(x->out, "  %d / %d  ", level, target);
			else
				itsma__buf_printf(x->out, "  %d / -  ", level);
			if (below) {
				const itsma_capability_gap *g = itsma__report_gap_of(rp, s);
				itsma__buf_printf(x->out, "%sneeds", col(x, ITSMA__COL_YELLOW));
				size_t na = g ? itsma_capability_gap_attribute_count(g) : 0;
				for (size_t k = 0; k < na && k < 4; k++) {
					itsma_letter have, need;
					itsma_attribute at =
					    itsma_capability_gap_attribute_at(&have, &need, g, k);
					itsma__buf_printf(x->out, "%s %s %s", k ? "," : "",
					                  itsma_attribute_name(at),
					                  itsma_letter_name(need));
				}
				if (na > 4)
					itsma__buf_puts(x->out, ", ...");
				itsma__buf_puts(x->out, col(x, ITSMA__COL_RESET));
			} else {
				itsma__buf_puts(x->out, itsma__target_status(level, target));
			}
			itsma__buf_putc(x->out, '\n');
		}
	}
}

static void gaps(const ctx *x, const itsma__report *rp)
{
	size_t n = itsma_result_gap_count(rp->r);
	size_t shown = rp->top < n ? rp->top : n;
	char b[48], title[80];
	if (!shown)
		return;
	snprintf(title, sizeof title, "Top %zu gaps: what to fix first (of %zu)", shown, n);
	heading(x, title);
	for (size_t i = 0; i < shown; i++) {
		const itsma_gap *g = itsma_result_gap_at(rp->r, i);
		const itsma_requirement_result *q = itsma_gap_requirement(g);
		const itsma_requirement *req = itsma_requirement_result_requirement(q);
		itsma_nonconformity nc = itsma_requirement_result_nonconformity(q);
		const char *what = nc == ITSMA_NONCONFORMITY_NULL
		                       ? itsma_obligation_name(ITSMA_OBLIGATION_SHOULD)
		                       : itsma_nonconformity_name(nc);
		if (itsma_requirement_result_status(q) == ITSMA_STATUS_UNSUPPORTED)
			what = "no evidence";
		itsma__buf_printf(x->out, "  %2zu  ", i + 1);
		itsma__term_fit(x->out, itsma_requirement_id(req), 11, 1);
		itsma__buf_printf(
		    x->out, " %s",
		    col(x, nc == ITSMA_NONCONFORMITY_MAJOR ? ITSMA__COL_RED : ITSMA__COL_YELLOW));
		itsma__term_fit(x->out, what, 11, 1);
		itsma__buf_printf(x->out, "%s %s%-2s%s  %-6s ", col(x, ITSMA__COL_RESET),
		                  col(x, itsma__letter_colour(itsma_requirement_result_letter(q))),
		                  itsma__result_letter(q), col(x, ITSMA__COL_RESET),
		                  itsma__fmt_gain(b, itsma_gap_gain(g)));
		itsma__term_fit(x->out, itsma_requirement_text(req), 56, 0);
		itsma__buf_putc(x->out, '\n');
		itsma__buf guidance = ITSMA__BUF_INIT;
		itsma__gap_guidance(&guidance, g, rp->cat, "; ", NULL);
		if (guidance.len) {
			itsma__buf_printf(x->out, "%*s%s", 41, "", col(x, ITSMA__COL_DIM));
			itsma__term_fit(x->out, itsma__buf_str(&guidance), 56, 0);
			itsma__buf_printf(x->out, "%s\n", col(x, ITSMA__COL_RESET));
		}
		itsma__buf_drop(&guidance, x->out);
	}
	itsma__buf_printf(
	    x->out,
	    "  %s(gain: points of overall compliance if the requirement were fully achieved)%s\n",
	    col(x, ITSMA__COL_DIM), col(x, ITSMA__COL_RESET));
}

static void majors(const ctx *x, const itsma__report *rp)
{
	size_t major = itsma_result_tally(rp->r, ITSMA_TALLY_NC_MAJOR);
	char title[80];
	if (!major)
		return;
	snprintf(title, sizeof title, "Major nonconformities (%zu)", major);
	heading(x, title);
	size_t n = itsma_result_requirement_count(rp->r);
	for (size_t i = 0; i < n; i++) {
		const itsma_requirement_result *q = itsma_result_requirement_at(rp->r, i);
		if (itsma_requirement_result_nonconformity(q) != ITSMA_NONCONFORMITY_MAJOR)
			continue;
		const itsma_requirement *req = itsma_requirement_result_requirement(q);
		itsma__buf_puts(x->out, "  ");
		itsma__term_fit(x->out, itsma_requirement_id(req), 11, 1);
		itsma__buf_printf(x->out, " %s%-2s%s ",
		                  col(x, itsma__letter_colour(itsma_requirement_result_letter(q))),
		                  itsma__result_letter(q), col(x, ITSMA__COL_RESET));
		itsma__term_fit(x->out,
		                itsma_requirement_result_status(q) == ITSMA_STATUS_UNSUPPORTED
		                    ? "no current evidence"
		                    : "",
		                20, 1);
		itsma__term_fit(x->out, itsma_requirement_text(req), 62, 0);
		itsma__buf_putc(x->out, '\n');
	}
}

static void evidence(const ctx *x, const itsma__report *rp)
{
	size_t n = itsma_result_evidence_issue_count(rp->r);
	char title[80];
	if (!n)
		return;
	snprintf(title, sizeof title, "Evidence issues (%zu)", n);
	heading(x, title);
	itsma__buf detail = ITSMA__BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const itsma_evidence_issue *ei = itsma_result_evidence_issue_at(rp->r, i);
		const itsma_evidence *e = itsma_evidence_issue_evidence(ei);
		itsma__buf_puts(x->out, "  ");
		itsma__term_fit(x->out, itsma_evidence_id(e), 12, 1);
		itsma__buf_printf(
		    x->out, " %s%-8s%s ",
		    col(x, itsma_evidence_issue_problem(ei) == ITSMA_EVIDENCE_PROBLEM_UNUSED
		               ? ITSMA__COL_DIM
		               : ITSMA__COL_YELLOW),
		    itsma_evidence_problem_name(itsma_evidence_issue_problem(ei)),
		    col(x, ITSMA__COL_RESET));
		itsma__term_fit(x->out, itsma_evidence_title(e), 42, 1);
		itsma__buf_clear(&detail);
		itsma__evidence_issue_detail(&detail, ei);
		size_t c = itsma_evidence_issue_cited_by_count(ei);
		if (c)
			itsma__buf_printf(&detail, "; cited by %zu", c);
		itsma__buf_printf(x->out, " %s\n", itsma__buf_str(&detail));
	}
	itsma__buf_drop(&detail, x->out);
}

void itsma__report_text(itsma__buf *out, const itsma__report *rp)
{
	ctx x = { out, rp->colour };
	overview(&x, rp);
	if (ITSMA__WANT(rp, ITSMA_REPORT_SECTION_CLAUSES))
		clauses(&x, rp);
	if (ITSMA__WANT(rp, ITSMA_REPORT_SECTION_CAPABILITY))
		profile(&x, rp);
	if (ITSMA__WANT(rp, ITSMA_REPORT_SECTION_GAPS))
		gaps(&x, rp);
	if (ITSMA__WANT(rp, ITSMA_REPORT_SECTION_NONCONFORMITIES))
		majors(&x, rp);
	if (ITSMA__WANT(rp, ITSMA_REPORT_SECTION_EVIDENCE))
		evidence(&x, rp);
	size_t nw = itsma_result_warning_count(rp->r);
	if (nw && ITSMA__WANT(rp, ITSMA_REPORT_SECTION_WARNINGS)) {
		heading(&x, "Warnings");
		for (size_t i = 0; i < nw; i++) {
			itsma__buf_puts(out, "  ");
			itsma__term_put(out, itsma_result_warning_at(rp->r, i));
			itsma__buf_putc(out, '\n');
		}
	}
	if (rp->diff && ITSMA__WANT(rp, ITSMA_REPORT_SECTION_CHANGES)) {
		const itsma_assessment *b = itsma_result_assessment(rp->base);
		itsma__buf_printf(out, "\n%sSince %s (", col(&x, ITSMA__COL_BOLD),
		                  itsma_assessment_date(b));
		itsma__term_put(out, itsma_assessment_id(b));
		itsma__buf_printf(out, ")%s\n", col(&x, ITSMA__COL_RESET));
		itsma__diff_text(out, &rp->changes, rp->colour, 8);
	}
	itsma__buf_printf(out, "\n%sitsma explain ", col(&x, ITSMA__COL_DIM));
	itsma__term_put(out, *itsma_assessment_origin(rp->a) ? itsma_assessment_origin(rp->a)
	                                                     : "ASSESSMENT");
	itsma__buf_printf(
	    out, " ID shows how any figure came about; --format html makes a report to share.%s\n",
	    col(&x, ITSMA__COL_RESET));
}
