/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A comparison of two results (itsma_diff) in words: as text for the terminal and as
 * Markdown, for `itsma compare` and for the "since the baseline" part of reports.
 */
#include "internal/report.h"

#include <math.h>
#include <string.h>

static const itsma_model models[] = { ITSMA_MODEL_DEFAULT,         ITSMA_MODEL_SHALL,
	                              ITSMA_MODEL_SHOULD,          ITSMA_MODEL_FLAT,
	                              ITSMA_MODEL_FLAT_UNWEIGHTED, ITSMA_MODEL_ABSOLUTE };
static const char *const model_labels[] = { "overall",          "shall",   "should", "flat",
	                                    "flat, unweighted", "absolute" };
#define NMODELS (sizeof models / sizeof models[0])

static const itsma_requirement *diff_requirement(const itsma_requirement_diff *q)
{
	const itsma_requirement_result *x = itsma_requirement_diff_after(q);
	if (!x)
		x = itsma_requirement_diff_before(q);
	return x ? itsma_requirement_result_requirement(x) : NULL;
}

static const char *diff_text_of(const itsma_requirement_diff *q)
{
	const itsma_requirement *r = diff_requirement(q);
	return r ? itsma_requirement_text(r) : "";
}

/* "L 67.5" or "unassessed" or "excluded" for one side of a requirement. */
static void side(itsma__buf *out, const itsma_requirement_result *x)
{
	char b[48];
	if (!x) {
		itsma__buf_puts(out, "out of scope");
		return;
	}
	itsma_status st = itsma_requirement_result_status(x);
	if (st == ITSMA_STATUS_EXCLUDED) {
		itsma__buf_puts(out, "excluded");
		return;
	}
	itsma__buf_printf(out, "%s %s", itsma__result_letter(x),
	                  itsma__fmt_num(b, itsma_requirement_result_achievement(x), 2));
	if (st != ITSMA_STATUS_RATED)
		itsma__buf_printf(out, " (%s)", itsma_status_name(st));
}

static const char *process_title(const itsma_diff *d, const char *id)
{
	const itsma_result *r = itsma_diff_after(d);
	const itsma_section *s = itsma_catalogue_find_section(
	    itsma_assessment_catalogue(itsma_result_assessment(r)), id);
	if (!s) {
		r = itsma_diff_before(d);
		s = itsma_catalogue_find_section(
		    itsma_assessment_catalogue(itsma_result_assessment(r)), id);
	}
	return s ? itsma_section_title(s) : "";
}

static void level_text(itsma__buf *out, int level)
{
	if (level < 0)
		itsma__buf_puts(out, "-");
	else
		itsma__buf_printf(out, "%d", level);
}

/* ---- text ------------------------------------------------------------------------------------ */

static void text_requirements(itsma__buf *out, const itsma__changes *c, itsma_change want,
                              const char *title, int colour, size_t limit)
{
	size_t n;
	const itsma_requirement_diff *const *list = itsma__changes_list(c, want, &n);
	char b[48];
	if (n) {
		itsma__buf_printf(out, "\n%s%s (%zu, largest change first)%s\n",
		                  itsma__col(colour, ITSMA__COL_BOLD), title, n,
		                  itsma__col(colour, ITSMA__COL_RESET));
		size_t shown = limit && limit < n ? limit : n;
		itsma__buf side_text = ITSMA__BUF_INIT;
		for (size_t i = 0; i < shown; i++) {
			const itsma_requirement_diff *q = list[i];
			itsma__buf_clear(&side_text);
			side(&side_text, itsma_requirement_diff_before(q));
			itsma__buf_puts(&side_text, " \xE2\x86\x92 ");
			side(&side_text, itsma_requirement_diff_after(q));
			itsma__buf_puts(out, "  ");
			itsma__term_fit(out, itsma_requirement_diff_id(q), 12, 1);
			itsma__term_fit(out, itsma__buf_str(&side_text), 30, 1);
			itsma__buf_printf(
			    out, " %s%6s%s  ",
			    itsma__col(colour, want == ITSMA_CHANGE_IMPROVED ? ITSMA__COL_GREEN
			                                                     : ITSMA__COL_RED),
			    itsma__fmt_delta(b, itsma_requirement_diff_difference(q), 1),
			    itsma__col(colour, ITSMA__COL_RESET));
			itsma__term_fit(out, diff_text_of(q), 44, 0);
			itsma__buf_putc(out, '\n');
		}
		itsma__buf_drop(&side_text, out);
		if (shown < n)
			itsma__buf_printf(out, "  ... and %zu more\n", n - shown);
	}
}

void itsma__diff_text(itsma__buf *out, const itsma__changes *c, int colour, size_t limit)
{
	const itsma_diff *d = c->d;
	const char *bold = itsma__col(colour, ITSMA__COL_BOLD),
	           *reset = itsma__col(colour, ITSMA__COL_RESET);
	char b1[48], b2[48], b3[48];

	itsma_verdict vb = itsma_diff_verdict_before(d), va = itsma_diff_verdict_after(d);
	itsma__buf_printf(out, "%-18s%s%s%s \xE2\x86\x92 %s%s%s\n", "Verdict",
	                  itsma__col(colour, itsma__verdict_colour(vb)), itsma_verdict_name(vb),
	                  reset, itsma__col(colour, itsma__verdict_colour(va)),
	                  itsma_verdict_name(va), reset);
	itsma__buf_printf(out, "%-18s%9s %9s %9s\n", "Compliance", "before", "after", "change");
	for (size_t i = 0; i < NMODELS; i++) {
		double delta = itsma_diff_compliance_difference(d, models[i]);
		itsma__colour hue = isnan(delta) || fabs(delta) < 0.05 ? ITSMA__COL_RESET
		                    : delta > 0                        ? ITSMA__COL_GREEN
		                                                       : ITSMA__COL_RED;
		itsma__buf_printf(out, "  %-16s%9s %9s %s%9s%s\n", model_labels[i],
		                  itsma__fmt_pct(b1, itsma_diff_compliance_before(d, models[i])),
		                  itsma__fmt_pct(b2, itsma_diff_compliance_after(d, models[i])),
		                  itsma__col(colour, hue), itsma__fmt_delta(b3, delta, 1), reset);
	}
	itsma__buf_printf(out,
	                  "%-18s%zu improved, %zu regressed, %zu unchanged, %zu scope change%s\n",
	                  "Requirements", itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_IMPROVED),
	                  itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_REGRESSED),
	                  itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_UNCHANGED),
	                  itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_SCOPE_CHANGES),
	                  itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_SCOPE_CHANGES) == 1 ? "" : "s");
	itsma__buf_printf(out, "%-18s%zu closed, %zu opened, %zu changed in class\n",
	                  "Nonconformities", itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_NC_CLOSED),
	                  itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_NC_OPENED),
	                  itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_NC_CHANGED));
	itsma__buf_printf(out, "%-18s%zu up, %zu down, %zu at the same level\n",
	                  "Capability levels",
	                  itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_PROCESSES_IMPROVED),
	                  itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_PROCESSES_REGRESSED),
	                  itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_PROCESSES_UNCHANGED));

	size_t np = itsma_diff_process_count(d), changed = 0;
	for (size_t i = 0; i < np; i++)
		if (itsma_process_diff_change(itsma_diff_process_at(d, i)) !=
		    ITSMA_CHANGE_UNCHANGED)
			changed++;
	if (changed) {
		itsma__buf_printf(out, "\n%sCapability levels that changed%s\n", bold, reset);
		for (size_t i = 0; i < np; i++) {
			const itsma_process_diff *p = itsma_diff_process_at(d, i);
			itsma_change ch = itsma_process_diff_change(p);
			if (ch == ITSMA_CHANGE_UNCHANGED)
				continue;
			itsma__buf_puts(out, "  ");
			itsma__term_fit(out, itsma_process_diff_id(p), 9, 1);
			itsma__term_fit(out, process_title(d, itsma_process_diff_id(p)), 44, 1);
			itsma__buf_puts(out, itsma__col(colour, ch == ITSMA_CHANGE_IMPROVED
			                                            ? ITSMA__COL_GREEN
			                                            : ITSMA__COL_RED));
			level_text(out, itsma_process_diff_level_before(p));
			itsma__buf_puts(out, " \xE2\x86\x92 ");
			level_text(out, itsma_process_diff_level_after(p));
			itsma__buf_puts(out, reset);
			if (itsma_process_diff_target_after(p) >= 0)
				itsma__buf_printf(out, "   target %d",
				                  itsma_process_diff_target_after(p));
			if (ch == ITSMA_CHANGE_EXCLUDED || ch == ITSMA_CHANGE_INCLUDED)
				itsma__buf_printf(out, "   (%s)", itsma_change_name(ch));
			itsma__buf_putc(out, '\n');
		}
	}
	text_requirements(out, c, ITSMA_CHANGE_IMPROVED, "Improved", colour, limit);
	text_requirements(out, c, ITSMA_CHANGE_REGRESSED, "Regressed", colour, limit);

	const itsma__nc_item *items = c->nc;
	size_t nn = c->nnc;
	if (nn) {
		itsma__buf_printf(out, "\n%sNonconformities that changed (%zu, opened first)%s\n",
		                  bold, nn, reset);
		size_t shown = limit && limit < nn ? limit : nn;
		for (size_t i = 0; i < shown; i++) {
			const itsma_nonconformity_diff *x = items[i].x;
			itsma_nonconformity_change ch = itsma_nonconformity_diff_change(x);
			const char *before =
			    itsma_nonconformity_name(itsma_nonconformity_diff_before(x));
			const char *after =
			    itsma_nonconformity_name(itsma_nonconformity_diff_after(x));
			itsma__buf_puts(out, "  ");
			itsma__term_fit(out, itsma_nonconformity_diff_id(x), 12, 1);
			itsma__buf_puts(out,
			                itsma__col(colour, ch == ITSMA_NONCONFORMITY_CHANGE_CLOSED
			                                       ? ITSMA__COL_GREEN
			                                   : ch == ITSMA_NONCONFORMITY_CHANGE_OPENED
			                                       ? ITSMA__COL_RED
			                                       : ITSMA__COL_RESET));
			itsma__term_fit(out, itsma_nonconformity_change_name(ch), 8, 1);
			itsma__buf_puts(out, reset);
			itsma__buf_printf(out, " %s \xE2\x86\x92 %s\n", *before ? before : "n/a",
			                  *after ? after : "n/a");
		}
		if (shown < nn)
			itsma__buf_printf(out, "  ... and %zu more\n", nn - shown);
	}
	size_t ns = itsma_diff_scope_change_count(d);
	if (ns) {
		itsma__buf_printf(out, "\n%sScope changes (%zu)%s\n", bold, ns, reset);
		for (size_t i = 0; i < ns; i++) {
			const itsma_requirement_diff *q = itsma_diff_scope_change_at(d, i);
			itsma__buf_puts(out, "  ");
			itsma__term_fit(out, itsma_requirement_diff_id(q), 12, 1);
			itsma__term_fit(out, itsma_change_name(itsma_requirement_diff_change(q)),
			                10, 1);
			itsma__term_fit(out, diff_text_of(q), 70, 0);
			itsma__buf_putc(out, '\n');
		}
	}
}

/* ---- Markdown -------------------------------------------------------------------------------- */

static void md_heading(itsma__buf *out, int level, const char *text)
{
	itsma__buf_repeat(out, "#", (size_t)level);
	itsma__buf_printf(out, " %s\n\n", text);
}

static void md_requirements(itsma__buf *out, const itsma__changes *c, itsma_change want, int level,
                            size_t limit)
{
	size_t n;
	const itsma_requirement_diff *const *list = itsma__changes_list(c, want, &n);
	char b[48];
	if (n) {
		itsma__buf_repeat(out, "#", (size_t)level);
		itsma__buf_printf(out, " %s (%zu)\n\n",
		                  want == ITSMA_CHANGE_IMPROVED ? "Improved" : "Regressed", n);
		itsma__buf_puts(
		    out,
		    "| Requirement | Before | After | Change | Text |\n|---|---|---|---:|---|\n");
		size_t shown = limit && limit < n ? limit : n;
		for (size_t i = 0; i < shown; i++) {
			const itsma_requirement_diff *q = list[i];
			itsma__buf_puts(out, "| ");
			itsma__md_escape(out, itsma_requirement_diff_id(q));
			itsma__buf_puts(out, " | ");
			side(out, itsma_requirement_diff_before(q));
			itsma__buf_puts(out, " | ");
			side(out, itsma_requirement_diff_after(q));
			itsma__buf_printf(
			    out, " | %s | ",
			    itsma__fmt_delta(b, itsma_requirement_diff_difference(q), 2));
			itsma__md_escape(out, diff_text_of(q));
			itsma__buf_puts(out, " |\n");
		}
		itsma__buf_putc(out, '\n');
		if (shown < n)
			itsma__buf_printf(out, "And %zu more.\n\n", n - shown);
	}
}

void itsma__diff_md(itsma__buf *out, const itsma__changes *c, int level, size_t limit)
{
	const itsma_diff *d = c->d;
	char b1[48], b2[48], b3[48];
	itsma__buf_puts(out, "| | Before | After | Change |\n|---|---:|---:|---:|\n");
	itsma__buf_printf(out, "| Verdict | %s | %s | |\n",
	                  itsma_verdict_name(itsma_diff_verdict_before(d)),
	                  itsma_verdict_name(itsma_diff_verdict_after(d)));
	for (size_t i = 0; i < NMODELS; i++)
		itsma__buf_printf(
		    out, "| Compliance, %s | %s | %s | %s |\n", model_labels[i],
		    itsma__fmt_pct(b1, itsma_diff_compliance_before(d, models[i])),
		    itsma__fmt_pct(b2, itsma_diff_compliance_after(d, models[i])),
		    itsma__fmt_delta(b3, itsma_diff_compliance_difference(d, models[i]), 1));
	itsma__buf_putc(out, '\n');
	itsma__buf_printf(
	    out,
	    "Requirements: %zu improved, %zu regressed, %zu unchanged, %zu scope changes. "
	    "Nonconformities: %zu closed, %zu opened, %zu changed in class. "
	    "Capability levels: %zu up, %zu down, %zu the same.\n\n",
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_IMPROVED),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_REGRESSED),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_UNCHANGED),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_SCOPE_CHANGES),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_NC_CLOSED),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_NC_OPENED),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_NC_CHANGED),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_PROCESSES_IMPROVED),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_PROCESSES_REGRESSED),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_PROCESSES_UNCHANGED));

	size_t np = itsma_diff_process_count(d);
	if (np) {
		md_heading(out, level, "Capability levels");
		itsma__buf_puts(out, "| Process | Title | Before | After | Target | Change |\n"
		                     "|---|---|---:|---:|---:|---|\n");
		for (size_t i = 0; i < np; i++) {
			const itsma_process_diff *p = itsma_diff_process_at(d, i);
			itsma__buf_puts(out, "| ");
			itsma__md_escape(out, itsma_process_diff_id(p));
			itsma__buf_puts(out, " | ");
			itsma__md_escape(out, process_title(d, itsma_process_diff_id(p)));
			itsma__buf_puts(out, " | ");
			level_text(out, itsma_process_diff_level_before(p));
			itsma__buf_puts(out, " | ");
			level_text(out, itsma_process_diff_level_after(p));
			itsma__buf_puts(out, " | ");
			level_text(out, itsma_process_diff_target_after(p));
			itsma__buf_printf(out, " | %s |\n",
			                  itsma_change_name(itsma_process_diff_change(p)));
		}
		itsma__buf_putc(out, '\n');
	}
	md_requirements(out, c, ITSMA_CHANGE_IMPROVED, level, limit);
	md_requirements(out, c, ITSMA_CHANGE_REGRESSED, level, limit);

	const itsma__nc_item *items = c->nc;
	size_t nn = c->nnc;
	if (nn) {
		itsma__buf_repeat(out, "#", (size_t)level);
		itsma__buf_printf(out, " Nonconformities that changed (%zu)\n\n", nn);
		itsma__buf_puts(
		    out,
		    "Opened first, then changed to major, closed, and other changes of class.\n\n");
		itsma__buf_puts(out,
		                "| Requirement | Change | Before | After |\n|---|---|---|---|\n");
		size_t shown = limit && limit < nn ? limit : nn;
		for (size_t i = 0; i < shown; i++) {
			const itsma_nonconformity_diff *x = items[i].x;
			const char *before =
			    itsma_nonconformity_name(itsma_nonconformity_diff_before(x));
			const char *after =
			    itsma_nonconformity_name(itsma_nonconformity_diff_after(x));
			itsma__buf_puts(out, "| ");
			itsma__md_escape(out, itsma_nonconformity_diff_id(x));
			itsma__buf_printf(
			    out, " | %s | %s | %s |\n",
			    itsma_nonconformity_change_name(itsma_nonconformity_diff_change(x)),
			    *before ? before : "n/a", *after ? after : "n/a");
		}
		itsma__buf_putc(out, '\n');
		if (shown < nn)
			itsma__buf_printf(out, "And %zu more.\n\n", nn - shown);
	}
	size_t ns = itsma_diff_scope_change_count(d);
	if (ns) {
		itsma__buf_repeat(out, "#", (size_t)level);
		itsma__buf_printf(out, " Scope changes (%zu)\n\n", ns);
		itsma__buf_puts(out, "| Requirement | Change | Text |\n|---|---|---|\n");
		for (size_t i = 0; i < ns; i++) {
			const itsma_requirement_diff *q = itsma_diff_scope_change_at(d, i);
			itsma__buf_puts(out, "| ");
			itsma__md_escape(out, itsma_requirement_diff_id(q));
			itsma__buf_printf(out, " | %s | ",
			                  itsma_change_name(itsma_requirement_diff_change(q)));
			itsma__md_escape(out, diff_text_of(q));
			itsma__buf_puts(out, " |\n");
		}
		itsma__buf_putc(out, '\n');
	}
}
