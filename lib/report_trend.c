/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reports of a trend (itsma_trend): for each assessment its date, verdict, compliance
 * (overall, shall, should), nonconformities, and those opened and closed since the one
 * before; every process's capability level over time; the requirements that regressed
 * more than once. As text, Markdown, HTML (an SVG line chart of compliance) and CSV (one
 * row per assessment). Text from the documents is escaped for each format.
 */
#include "internal/report.h"

#include <math.h>
#include <stdlib.h>

/* One assessment of the trend, as every format shows it. */
typedef struct point {
	const itsma_assessment *a;
	itsma_verdict verdict;
	double overall, shall, should;
	size_t major, minor, unassessed;
	size_t opened, closed; /* since the one before (0 for the first) */
} point;

static point point_at(const itsma_trend *t, size_t i)
{
	const itsma_result *r = itsma_trend_result_at(t, i);
	const itsma_diff *d = itsma_trend_diff_at(t, i);
	point p;
	p.a = itsma_result_assessment(r);
	p.verdict = itsma_result_verdict(r);
	p.overall = itsma_result_compliance(r, ITSMA_MODEL_DEFAULT);
	p.shall = itsma_result_compliance(r, ITSMA_MODEL_SHALL);
	p.should = itsma_result_compliance(r, ITSMA_MODEL_SHOULD);
	p.major = itsma_result_tally(r, ITSMA_TALLY_NC_MAJOR);
	p.minor = itsma_result_tally(r, ITSMA_TALLY_NC_MINOR);
	p.unassessed = itsma_result_tally(r, ITSMA_TALLY_NC_UNASSESSED);
	p.opened = d ? itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_NC_OPENED) : 0;
	p.closed = d ? itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_NC_CLOSED) : 0;
	return p;
}

static const itsma_result *latest(const itsma_trend *t)
{
	return itsma_trend_result_at(t, itsma_trend_count(t) - 1);
}

static const itsma_catalogue *catalogue(const itsma_trend *t)
{
	return itsma_assessment_catalogue(itsma_result_assessment(latest(t)));
}

static const char *process_title(const itsma_trend *t, size_t k)
{
	const itsma_section *s =
	    itsma_catalogue_find_section(catalogue(t), itsma_trend_process_id(t, k));
	return s ? itsma_section_title(s) : "";
}

static int process_target(const itsma_trend *t, size_t k)
{
	const itsma_section_result *s =
	    itsma_result_find_section(latest(t), itsma_trend_process_id(t, k));
	return s ? itsma_section_result_target_level(s) : -1;
}

static const char *repeat_text(const itsma_trend *t, size_t j)
{
	const itsma_requirement *q =
	    itsma_catalogue_find_requirement(catalogue(t), itsma_trend_repeat_id(t, j));
	return q ? itsma_requirement_text(q) : "";
}

static void level_cell(itsma__buf *out, int level)
{
	if (level < 0)
		itsma__buf_puts(out, "\xE2\x80\x93");
	else
		itsma__buf_printf(out, "%d", level);
}

/* ---- text ------------------------------------------------------------------------------------ */

static void text(itsma__buf *out, const itsma_trend *t, const itsma_report_options *o)
{
	const char *bold = itsma__col(o->colour, ITSMA__COL_BOLD),
	           *reset = itsma__col(o->colour, ITSMA__COL_RESET);
	size_t n = itsma_trend_count(t);
	char b1[48], b2[48], b3[48];
	point first = point_at(t, 0), last = point_at(t, n - 1);
	itsma__buf_printf(out, "%sTrend of %zu assessment%s: ", bold, n, n == 1 ? "" : "s");
	itsma__term_put(out, itsma_catalogue_title(catalogue(t)));
	itsma__buf_printf(out, "%s\n%scatalogue ", reset, itsma__col(o->colour, ITSMA__COL_DIM));
	itsma__term_put(out, itsma_catalogue_id(catalogue(t)));
	itsma__buf_printf(out, " \xC2\xB7 evidence policy %s \xC2\xB7 %s to %s%s\n\n",
	                  itsma_evidence_policy_name(itsma_result_policy(latest(t))),
	                  itsma_assessment_date(first.a), itsma_assessment_date(last.a), reset);
	itsma__buf_printf(out, "%s%-20s%-12s%-15s%8s%8s%8s%7s%7s%8s%8s%s\n", bold, "Assessment",
	                  "Date", "Verdict", "Overall", "Shall", "Should", "Major", "Minor",
	                  "Opened", "Closed", reset);
	for (size_t i = 0; i < n; i++) {
		point p = point_at(t, i);
		itsma__term_fit(out, itsma_assessment_id(p.a), 19, 1);
		itsma__buf_printf(
		    out, " %-12s%s%-15s%s%8s%8s%8s%7zu%7zu", itsma_assessment_date(p.a),
		    itsma__col(o->colour, itsma__verdict_colour(p.verdict)),
		    itsma_verdict_name(p.verdict), reset, itsma__fmt_pct(b1, p.overall),
		    itsma__fmt_pct(b2, p.shall), itsma__fmt_pct(b3, p.should), p.major, p.minor);
		if (i == 0)
			itsma__buf_puts(
			    out, "       \xE2\x80\x93       \xE2\x80\x93\n"); /* right-aligned in 8
			                                                         columns */
		else
			itsma__buf_printf(out, "%8zu%8zu\n", p.opened, p.closed);
	}
	itsma__buf_printf(out, "\n%-17s%s overall, %s shall, %s should since %s\n", "Change",
	                  itsma__fmt_delta(b1, last.overall - first.overall, 1),
	                  itsma__fmt_delta(b2, last.shall - first.shall, 1),
	                  itsma__fmt_delta(b3, last.should - first.should, 1),
	                  itsma_assessment_date(first.a));

	size_t np = itsma_trend_process_count(t);
	if (np) {
		itsma__buf_printf(out, "\n%sCapability level per process, %s to %s (target)%s\n",
		                  bold, itsma_assessment_date(first.a),
		                  itsma_assessment_date(last.a), reset);
		for (size_t k = 0; k < np; k++) {
			itsma__buf_puts(out, "  ");
			itsma__term_fit(out, itsma_trend_process_id(t, k), 9, 1);
			itsma__term_fit(out, process_title(t, k), 40, 1);
			for (size_t i = 0; i < n; i++) {
				int level = itsma_trend_process_level(t, k, i);
				int prev = i ? itsma_trend_process_level(t, k, i - 1) : level;
				itsma__colour c = i && level > prev   ? ITSMA__COL_GREEN
				                  : i && level < prev ? ITSMA__COL_RED
				                                      : ITSMA__COL_RESET;
				itsma__buf_printf(out, "%s%s", i ? " \xE2\x86\x92 " : " ",
				                  itsma__col(o->colour, c));
				level_cell(out, level);
				itsma__buf_puts(out, reset);
			}
			int target = process_target(t, k);
			if (target >= 0)
				itsma__buf_printf(out, "   (%d)", target);
			itsma__buf_putc(out, '\n');
		}
	}
	size_t nr = itsma_trend_repeat_count(t);
	itsma__buf_printf(out, "\n%sRequirements that regressed more than once (%zu)%s\n", bold, nr,
	                  reset);
	if (!nr)
		itsma__buf_puts(out, "  none\n");
	for (size_t j = 0; j < nr; j++) {
		itsma__buf_puts(out, "  ");
		itsma__term_fit(out, itsma_trend_repeat_id(t, j), 12, 1);
		itsma__buf_printf(out, " %zu times  ", itsma_trend_repeat_times(t, j));
		itsma__term_fit(out, repeat_text(t, j), 64, 0);
		itsma__buf_putc(out, '\n');
	}
}

/* ---- Markdown -------------------------------------------------------------------------------- */

static void md(itsma__buf *out, const itsma_trend *t)
{
	size_t n = itsma_trend_count(t);
	char b1[48], b2[48], b3[48];
	itsma__buf_puts(out, "# Trend: ");
	itsma__md_escape(out, itsma_catalogue_title(catalogue(t)));
	itsma__buf_printf(out, "\n\n%zu assessments of catalogue ", n);
	itsma__md_code(out, itsma_catalogue_id(catalogue(t)), 0);
	itsma__buf_printf(out, ", evidence policy %s.\n\n",
	                  itsma_evidence_policy_name(itsma_result_policy(latest(t))));
	itsma__buf_puts(
	    out,
	    "| Assessment | Date | Verdict | Overall | Shall | Should | Major | Minor | Opened | "
	    "Closed |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
	for (size_t i = 0; i < n; i++) {
		point p = point_at(t, i);
		itsma__buf_puts(out, "| ");
		itsma__md_code(out, itsma_assessment_id(p.a), 1);
		itsma__buf_printf(out, " | %s | %s | %s | %s | %s | %zu | %zu | ",
		                  itsma_assessment_date(p.a), itsma_verdict_name(p.verdict),
		                  itsma__fmt_pct(b1, p.overall), itsma__fmt_pct(b2, p.shall),
		                  itsma__fmt_pct(b3, p.should), p.major, p.minor);
		if (i == 0)
			itsma__buf_puts(out, "\xE2\x80\x93 | \xE2\x80\x93 |\n");
		else
			itsma__buf_printf(out, "%zu | %zu |\n", p.opened, p.closed);
	}
	size_t np = itsma_trend_process_count(t);
	if (np) {
		itsma__buf_puts(out, "\n## Capability level per process\n\n| Process | Title |");
		for (size_t i = 0; i < n; i++)
			itsma__buf_printf(out, " %s |",
			                  itsma_assessment_date(itsma_result_assessment(
			                      itsma_trend_result_at(t, i))));
		itsma__buf_puts(out, " Target |\n|---|---|");
		for (size_t i = 0; i < n; i++)
			itsma__buf_puts(out, "---:|");
		itsma__buf_puts(out, "---:|\n");
		for (size_t k = 0; k < np; k++) {
			itsma__buf_puts(out, "| ");
			itsma__md_escape(out, itsma_trend_process_id(t, k));
			itsma__buf_puts(out, " | ");
			itsma__md_escape(out, process_title(t, k));
			itsma__buf_puts(out, " |");
			for (size_t i = 0; i < n; i++) {
				itsma__buf_putc(out, ' ');
				level_cell(out, itsma_trend_process_level(t, k, i));
				itsma__buf_puts(out, " |");
			}
			itsma__buf_putc(out, ' ');
			level_cell(out, process_target(t, k));
			itsma__buf_puts(out, " |\n");
		}
	}
	size_t nr = itsma_trend_repeat_count(t);
	itsma__buf_printf(out, "\n## Requirements that regressed more than once (%zu)\n\n", nr);
	if (nr)
		itsma__buf_puts(out, "| Requirement | Times | Text |\n|---|---:|---|\n");
	for (size_t j = 0; j < nr; j++) {
		itsma__buf_puts(out, "| ");
		itsma__md_escape(out, itsma_trend_repeat_id(t, j));
		itsma__buf_printf(out, " | %zu | ", itsma_trend_repeat_times(t, j));
		itsma__md_escape(out, repeat_text(t, j));
		itsma__buf_puts(out, " |\n");
	}
	if (!nr)
		itsma__buf_puts(out, "None.\n");
}

/* ---- CSV ------------------------------------------------------------------------------------- */

static void csv(itsma__buf *out, const itsma_trend *t)
{
	char b[48];
	size_t n = itsma_trend_count(t);
	itsma__buf_puts(out, "assessment,date,verdict,overall,shall,should,major,minor,unassessed,"
	                     "opened,closed\r\n");
	for (size_t i = 0; i < n; i++) {
		point p = point_at(t, i);
		itsma__csv_put(out, itsma_assessment_id(p.a), ITSMA__CSV_TEXT);
		itsma__buf_printf(out, ",%s,%s", itsma_assessment_date(p.a),
		                  itsma_verdict_name(p.verdict));
		itsma__buf_printf(out, ",%s",
		                  isnan(p.overall) ? "" : itsma__fmt_num(b, p.overall, 4));
		itsma__buf_printf(out, ",%s", isnan(p.shall) ? "" : itsma__fmt_num(b, p.shall, 4));
		itsma__buf_printf(out, ",%s",
		                  isnan(p.should) ? "" : itsma__fmt_num(b, p.should, 4));
		itsma__buf_printf(out, ",%zu,%zu,%zu", p.major, p.minor, p.unassessed);
		if (i == 0)
			itsma__buf_puts(out, ",,\r\n");
		else
			itsma__buf_printf(out, ",%zu,%zu\r\n", p.opened, p.closed);
	}
}

/* ---- HTML ------------------------------------------------------------------------------------ */

static void html(itsma__buf *out, const itsma_trend *t)
{
	size_t n = itsma_trend_count(t);
	char b1[48], b2[48], b3[48];
	const itsma_catalogue *cat = catalogue(t);
	point first = point_at(t, 0), last = point_at(t, n - 1);
	const char **labels = calloc(n + 1, sizeof *labels);
	double *values = calloc(3 * n + 1, sizeof *values);
	if (!labels || !values) {
		free(labels);
		free(values);
		out->oom = 1;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		point p = point_at(t, i);
		labels[i] = itsma_assessment_date(p.a);
		values[i] = p.overall;
		values[n + i] = p.shall;
		values[2 * n + i] = p.should;
	}
	itsma__buf title = ITSMA__BUF_INIT;
	itsma__buf_puts(&title, "Trend: ");
	itsma__buf_puts(&title, itsma_catalogue_title(cat));
	itsma__html_begin(out, itsma__buf_str(&title), itsma_assessment_date(last.a));
	itsma__buf_drop(&title, out);
	itsma__buf_puts(out, "<header class=\"top\"><div class=\"wrap\">\n<h1>Trend: ");
	itsma__html_escape(out, itsma_catalogue_title(cat));
	itsma__buf_printf(out, "</h1>\n<p>%zu assessments from %s to %s &middot; catalogue <code>",
	                  n, itsma_assessment_date(first.a), itsma_assessment_date(last.a));
	itsma__html_escape(out, itsma_catalogue_id(cat));
	itsma__buf_printf(
	    out,
	    "</code> &middot; evidence policy %s</p>\n</div></header>\n<main class=\"wrap\">\n",
	    itsma_evidence_policy_name(itsma_result_policy(latest(t))));

	itsma__buf_printf(
	    out,
	    "<section id=\"compliance\">\n<h2>Compliance, assessment after assessment</h2>\n"
	    "<p class=\"lead\">Overall %s, shall %s, should %s since %s.</p>\n",
	    itsma__fmt_delta(b1, last.overall - first.overall, 1),
	    itsma__fmt_delta(b2, last.shall - first.shall, 1),
	    itsma__fmt_delta(b3, last.should - first.should, 1), itsma_assessment_date(first.a));
	itsma__line_series series[] = { { "overall", "#2563eb", values },
		                        { "shall", "#b45309", values + n },
		                        { "should", "#15803d", values + 2 * n } };
	itsma__svg_lines(out, labels, n, series, 3, "Compliance per assessment");
	itsma__buf_puts(
	    out,
	    "<table "
	    "class=\"sortable\">\n<thead><tr><th>Assessment</th><th>Date</th><th>Verdict</th>"
	    "<th class=\"num\">Overall</th><th class=\"num\">Shall</th><th "
	    "class=\"num\">Should</th>"
	    "<th class=\"num\">Major</th><th class=\"num\">Minor</th><th class=\"num\">Opened</th>"
	    "<th class=\"num\">Closed</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		point p = point_at(t, i);
		itsma__buf_puts(out, "<tr><td><code>");
		itsma__html_escape(out, itsma_assessment_id(p.a));
		itsma__buf_printf(
		    out,
		    "</code></td><td>%s</td><td>%s</td><td class=\"num\">%s</td><td "
		    "class=\"num\">%s</td>"
		    "<td class=\"num\">%s</td><td class=\"num\">%zu</td><td class=\"num\">%zu</td>",
		    itsma_assessment_date(p.a), itsma_verdict_name(p.verdict),
		    itsma__fmt_pct(b1, p.overall), itsma__fmt_pct(b2, p.shall),
		    itsma__fmt_pct(b3, p.should), p.major, p.minor);
		if (i == 0)
			itsma__buf_puts(
			    out,
			    "<td class=\"num\">&ndash;</td><td class=\"num\">&ndash;</td></tr>\n");
		else
			itsma__buf_printf(
			    out, "<td class=\"num%s\">%zu</td><td class=\"num%s\">%zu</td></tr>\n",
			    p.opened ? " down" : "", p.opened, p.closed ? " up" : "", p.closed);
	}
	itsma__buf_puts(out, "</tbody>\n</table>\n</section>\n");

	size_t np = itsma_trend_process_count(t);
	if (np) {
		itsma__buf_puts(
		    out, "<section id=\"capability\">\n<h2>Capability level per process</h2>\n"
		         "<table class=\"sortable\">\n<thead><tr><th>Process</th><th>Title</th>");
		for (size_t i = 0; i < n; i++)
			itsma__buf_printf(out, "<th class=\"num\">%s</th>", labels[i]);
		itsma__buf_puts(out, "<th class=\"num\">Target</th></tr></thead>\n<tbody>\n");
		for (size_t k = 0; k < np; k++) {
			itsma__buf_printf(out, "<tr><td data-sort=\"%zu\"><code>", k);
			itsma__html_escape(out, itsma_trend_process_id(t, k));
			itsma__buf_puts(out, "</code></td><td>");
			itsma__html_escape(out, process_title(t, k));
			itsma__buf_puts(out, "</td>");
			for (size_t i = 0; i < n; i++) {
				int level = itsma_trend_process_level(t, k, i);
				int prev = i ? itsma_trend_process_level(t, k, i - 1) : level;
				itsma__buf_printf(out, "<td class=\"num%s\">",
				                  i && level > prev   ? " up"
				                  : i && level < prev ? " down"
				                                      : "");
				level_cell(out, level);
				itsma__buf_puts(out, "</td>");
			}
			itsma__buf_puts(out, "<td class=\"num\">");
			level_cell(out, process_target(t, k));
			itsma__buf_puts(out, "</td></tr>\n");
		}
		itsma__buf_puts(out, "</tbody>\n</table>\n</section>\n");
	}
	size_t nr = itsma_trend_repeat_count(t);
	itsma__buf_printf(
	    out,
	    "<section id=\"repeats\">\n<h2>Requirements that regressed more than once (%zu)</h2>\n",
	    nr);
	if (nr) {
		itsma__buf_puts(out,
		                "<table class=\"sortable\">\n<thead><tr><th>Requirement</th><th "
		                "class=\"num\">Times"
		                "</th><th>Text</th></tr></thead>\n<tbody>\n");
		for (size_t j = 0; j < nr; j++) {
			itsma__buf_puts(out, "<tr><td><code>");
			itsma__html_escape(out, itsma_trend_repeat_id(t, j));
			itsma__buf_printf(out, "</code></td><td class=\"num\">%zu</td><td>",
			                  itsma_trend_repeat_times(t, j));
			itsma__html_escape(out, repeat_text(t, j));
			itsma__buf_puts(out, "</td></tr>\n");
		}
		itsma__buf_puts(out, "</tbody>\n</table>\n");
	} else {
		itsma__buf_puts(out, "<p class=\"lead\">None.</p>\n");
	}
	itsma__buf_puts(out,
	                "</section>\n</main>\n<footer class=\"wrap\">Made with itsma. This page is "
	                "self-contained: it loads nothing from anywhere.</footer>\n");
	itsma__html_end(out);
	free(labels);
	free(values);
}

void itsma__trend_report(itsma__buf *out, const itsma_trend *t, const itsma_report_options *o)
{
	switch (o->format) {
	case ITSMA_REPORT_FORMAT_MD: md(out, t); break;
	case ITSMA_REPORT_FORMAT_HTML: html(out, t); break;
	case ITSMA_REPORT_FORMAT_CSV: csv(out, t); break;
	default: text(out, t, o); break;
	}
}
