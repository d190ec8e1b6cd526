/*
 * The text report for the terminal: the verdict and figures first, then compliance per
 * clause as bars, the capability profile against targets, the top gaps with guidance,
 * major nonconformities, evidence issues and, with a baseline, what changed.
 */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FULL "\xE2\x96\x88"  /* a full block */
#define LIGHT "\xE2\x96\x91" /* a light shade */
#define SQUARE "\xE2\x96\xA0"
#define HOLLOW "\xE2\x96\xA1"
#define DOT "\xC2\xB7"

typedef struct ctx {
	sb *out;
	int c; /* colour */
} ctx;

static const char *col(const ctx *x, cli_colour c)
{
	return cli_col(x->c, c);
}

static void heading(const ctx *x, const char *text)
{
	sb_printf(x->out, "\n%s%s%s\n", col(x, COL_BOLD), text, col(x, COL_RESET));
}

static void bar(const ctx *x, double value, size_t width)
{
	size_t fill = isnan(value) ? 0 : (size_t)(value / 100.0 * (double)width + 0.5);
	if (fill > width)
		fill = width;
	sb_puts(x->out, col(x, cli_letter_colour(itsma_letter_from_achievement(isnan(value) ? 0 : value))));
	sb_repeat(x->out, FULL, fill);
	sb_puts(x->out, col(x, COL_DIM));
	sb_repeat(x->out, LIGHT, width - fill);
	sb_puts(x->out, col(x, COL_RESET));
}

static void overview(const ctx *x, const report *rp)
{
	const itsma_result *r = rp->r;
	const itsma_assessment *a = rp->a;
	sb *out = x->out;
	char b1[48], b2[48], b3[48];
	itsma_verdict v = itsma_result_verdict(r);

	sb_printf(out, "%s%s%s\n%s", col(x, COL_BOLD), report_title(a), col(x, COL_RESET), col(x, COL_DIM));
	if (itsma_assessment_organisation(a))
		sb_printf(out, "%s " DOT " ", itsma_assessment_organisation(a));
	sb_printf(out, "assessment %s as of %s\n", itsma_assessment_id(a), itsma_assessment_date(a));
	sb_printf(out, "catalogue %s " DOT " evidence policy %s", itsma_catalogue_id(rp->cat),
	          itsma_evidence_policy_name(itsma_result_policy(r)));
	if (itsma_result_scope(r))
		sb_printf(out, " " DOT " section %s only", itsma_section_id(itsma_result_scope(r)));
	sb_printf(out, "%s\n\n", col(x, COL_RESET));

	sb_printf(out, "%-17s%s%s%s%s\n", "Verdict", col(x, COL_BOLD), col(x, cli_verdict_colour(v)),
	          itsma_verdict_name(v), col(x, COL_RESET));
	sb_printf(out, "%-17s", "");
	sb_wrap(out, verdict_meaning(v), 17, 96);
	sb_putc(out, '\n');
	double overall = itsma_result_compliance(r, ITSMA_MODEL_DEFAULT);
	sb_printf(out, "%-17s%s%s%s overall", "Compliance", col(x, COL_BOLD), fmt_pct(b1, overall),
	          col(x, COL_RESET));
	sb_printf(out, "   shall %s   should %s\n", fmt_pct(b2, itsma_result_compliance(r, ITSMA_MODEL_SHALL)),
	          fmt_pct(b3, itsma_result_compliance(r, ITSMA_MODEL_SHOULD)));
	sb_printf(out, "%-17sflat %s   unweighted %s   absolute %s\n", "",
	          fmt_pct(b1, itsma_result_compliance(r, ITSMA_MODEL_FLAT)),
	          fmt_pct(b2, itsma_result_compliance(r, ITSMA_MODEL_FLAT_UNWEIGHTED)),
	          fmt_pct(b3, itsma_result_compliance(r, ITSMA_MODEL_ABSOLUTE)));
	sb_printf(out, "%-17s%zu applicable: %zu rated, %zu unsupported, %zu not assessed", "Requirements",
	          itsma_result_tally(r, ITSMA_TALLY_APPLICABLE), itsma_result_tally(r, ITSMA_TALLY_RATED),
	          itsma_result_tally(r, ITSMA_TALLY_UNSUPPORTED), itsma_result_tally(r, ITSMA_TALLY_UNASSESSED));
	if (itsma_result_tally(r, ITSMA_TALLY_EXCLUDED))
		sb_printf(out, "; %zu excluded", itsma_result_tally(r, ITSMA_TALLY_EXCLUDED));
	sb_putc(out, '\n');
	sb_printf(out, "%-17s%s%zu major%s, %zu minor, %zu not assessed\n", "Nonconformities",
	          col(x, itsma_result_tally(r, ITSMA_TALLY_NC_MAJOR) ? COL_RED : COL_RESET),
	          itsma_result_tally(r, ITSMA_TALLY_NC_MAJOR), col(x, COL_RESET),
	          itsma_result_tally(r, ITSMA_TALLY_NC_MINOR), itsma_result_tally(r, ITSMA_TALLY_NC_UNASSESSED));
	if (itsma_result_tally(r, ITSMA_TALLY_PROCESSES))
		sb_printf(out, "%-17s%zu processes at levels %d-%d, mean %s; %zu of %zu targets met\n",
		          "Capability", itsma_result_tally(r, ITSMA_TALLY_PROCESSES),
		          itsma_result_capability_min(r), itsma_result_capability_max(r),
		          fmt_num(b1, itsma_result_capability_mean(r), 2),
		          itsma_result_tally(r, ITSMA_TALLY_TARGETS_MET), itsma_result_tally(r, ITSMA_TALLY_TARGETS_SET));
}

static void clauses(const ctx *x, const report *rp)
{
	const itsma_section_result **groups;
	size_t n = report_groups(rp->r, &groups);
	char b[48];
	if (n) {
		heading(x, "Compliance by clause");
		for (size_t i = 0; i < n; i++) {
			const itsma_section *s = itsma_section_result_section(groups[i]);
			const char *clause = itsma_section_clause(s);
			double ach = itsma_section_result_achievement(groups[i]);
			sb_puts(x->out, "  ");
			sb_put_fitted(x->out, clause ? clause : itsma_section_id(s), 5, 1);
			sb_put_fitted(x->out, itsma_section_title(s), 42, 1);
			sb_putc(x->out, ' ');
			if (!itsma_section_result_applicable(groups[i])) {
				sb_puts(x->out, "excluded\n");
				continue;
			}
			bar(x, ach, 25);
			sb_printf(x->out, " %6s  %s\n", fmt_pct(b, ach),
			          itsma_letter_name(itsma_section_result_letter(groups[i])));
		}
	}
	free(groups);
}

static void profile(const ctx *x, const report *rp)
{
	const itsma_section_result **procs;
	size_t n = report_processes(rp->r, &procs);
	if (n) {
		heading(x, "Capability profile (level / target)");
		for (size_t i = 0; i < n; i++) {
			const itsma_section *s = itsma_section_result_section(procs[i]);
			int level = itsma_section_result_capability_level(procs[i]);
			int target = itsma_section_result_target_level(procs[i]);
			int below = target >= 0 && level < target;
			sb_puts(x->out, "  ");
			sb_put_fitted(x->out, itsma_section_id(s), 7, 1);
			sb_put_fitted(x->out, itsma_section_title(s), 42, 1);
			sb_puts(x->out, " ");
			sb_puts(x->out, col(x, below ? COL_YELLOW : COL_GREEN));
			sb_repeat(x->out, SQUARE, (size_t)level);
			sb_puts(x->out, col(x, COL_DIM));
			sb_repeat(x->out, HOLLOW, (size_t)(5 - level));
			sb_puts(x->out, col(x, COL_RESET));
			if (target >= 0)
				sb_printf(x->out, "  %d / %d  ", level, target);
			else
				sb_printf(x->out, "  %d / -  ", level);
			if (below) {
				const itsma_capability_gap *g = capability_gap_of(rp->r, s);
				sb_printf(x->out, "%sneeds", col(x, COL_YELLOW));
				size_t na = g ? itsma_capability_gap_attribute_count(g) : 0;
				for (size_t k = 0; k < na && k < 4; k++) {
					itsma_letter have, need;
					itsma_attribute at = itsma_capability_gap_attribute_at(g, k, &have, &need);
					sb_printf(x->out, "%s %s %s", k ? "," : "", itsma_attribute_name(at),
					          itsma_letter_name(need));
				}
				if (na > 4)
					sb_puts(x->out, ", ...");
				sb_puts(x->out, col(x, COL_RESET));
			} else {
				sb_puts(x->out, target_status(level, target));
			}
			sb_putc(x->out, '\n');
		}
	}
	free(procs);
}

static void gaps(const ctx *x, const report *rp)
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
		const char *what = nc == ITSMA_NC_NULL ? "should" : nc_word(nc);
		if (itsma_requirement_result_status(q) == ITSMA_STATUS_UNSUPPORTED)
			what = "no evidence";
		sb_printf(x->out, "  %2zu  ", i + 1);
		sb_put_fitted(x->out, itsma_requirement_id(req), 11, 1);
		sb_printf(x->out, " %s", col(x, nc == ITSMA_NC_MAJOR ? COL_RED : COL_YELLOW));
		sb_put_fitted(x->out, what, 11, 1);
		sb_printf(x->out, "%s %s%-2s%s  %-6s ", col(x, COL_RESET),
		          col(x, cli_letter_colour(itsma_requirement_result_letter(q))), result_letter(q),
		          col(x, COL_RESET), fmt_gain(b, itsma_gap_gain(g)));
		sb_put_fitted(x->out, itsma_requirement_text(req), 56, 0);
		sb_putc(x->out, '\n');
		sb guidance = SB_INIT;
		gap_guidance(&guidance, g, rp->cat, "; ", NULL);
		if (guidance.len) {
			sb_printf(x->out, "%*s%s", 41, "", col(x, COL_DIM));
			sb_put_fitted(x->out, sb_str(&guidance), 56, 0);
			sb_printf(x->out, "%s\n", col(x, COL_RESET));
		}
		sb_free(&guidance);
	}
	sb_printf(x->out, "  %s(gain: points of overall compliance if the requirement were fully achieved)%s\n",
	          col(x, COL_DIM), col(x, COL_RESET));
}

static void majors(const ctx *x, const report *rp)
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
		if (itsma_requirement_result_nonconformity(q) != ITSMA_NC_MAJOR)
			continue;
		const itsma_requirement *req = itsma_requirement_result_requirement(q);
		sb_puts(x->out, "  ");
		sb_put_fitted(x->out, itsma_requirement_id(req), 11, 1);
		sb_printf(x->out, " %s%-2s%s ", col(x, cli_letter_colour(itsma_requirement_result_letter(q))),
		          result_letter(q), col(x, COL_RESET));
		sb_put_fitted(x->out, itsma_requirement_result_status(q) == ITSMA_STATUS_UNSUPPORTED
		                          ? "no current evidence"
		                          : "",
		              20, 1);
		sb_put_fitted(x->out, itsma_requirement_text(req), 62, 0);
		sb_putc(x->out, '\n');
	}
}

static void evidence(const ctx *x, const report *rp)
{
	size_t n = itsma_result_evidence_issue_count(rp->r);
	char title[80];
	if (!n)
		return;
	snprintf(title, sizeof title, "Evidence issues (%zu)", n);
	heading(x, title);
	sb detail = SB_INIT;
	for (size_t i = 0; i < n; i++) {
		const itsma_evidence_issue *ei = itsma_result_evidence_issue_at(rp->r, i);
		const itsma_evidence *e = itsma_evidence_issue_evidence(ei);
		sb_puts(x->out, "  ");
		sb_put_fitted(x->out, itsma_evidence_id(e), 12, 1);
		sb_printf(x->out, " %s%-8s%s ",
		          col(x, itsma_evidence_issue_problem(ei) == ITSMA_EVIDENCE_UNUSED ? COL_DIM : COL_YELLOW),
		          itsma_evidence_problem_name(itsma_evidence_issue_problem(ei)), col(x, COL_RESET));
		sb_put_fitted(x->out, itsma_evidence_title(e), 42, 1);
		sb_clear(&detail);
		evidence_issue_detail(&detail, ei);
		size_t c = itsma_evidence_issue_cited_by_count(ei);
		if (c)
			sb_printf(&detail, "; cited by %zu", c);
		sb_printf(x->out, " %s\n", sb_str(&detail));
	}
	sb_free(&detail);
}

void report_text(sb *out, const report *rp)
{
	ctx x = { out, rp->colour };
	overview(&x, rp);
	clauses(&x, rp);
	profile(&x, rp);
	gaps(&x, rp);
	majors(&x, rp);
	evidence(&x, rp);
	size_t nw = itsma_result_warning_count(rp->r);
	if (nw) {
		heading(&x, "Warnings");
		for (size_t i = 0; i < nw; i++)
			sb_printf(out, "  %s\n", itsma_result_warning_at(rp->r, i));
	}
	if (rp->diff) {
		const itsma_assessment *b = itsma_result_assessment(rp->base);
		char title[200];
		snprintf(title, sizeof title, "Since %s (%s)", itsma_assessment_date(b), itsma_assessment_id(b));
		heading(&x, title);
		diff_text(out, rp->diff, rp->colour, 8);
	}
	sb_printf(out, "\n%sitsma explain %s ID shows how any figure came about; --format html makes a "
	               "report to share.%s\n",
	          col(&x, COL_DIM), itsma_assessment_origin(rp->a), col(&x, COL_RESET));
}
