/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The HTML report: one self-contained page (html_page.c: no external script, style
 * sheet, font or image; a Content-Security-Policy forbids loading any, and runs only its
 * own inline style and script, allowed by hash) that opens offline and prints well. Inline SVG
 * charts show capability against target per process and compliance per clause group, and with a
 * baseline what changed. Tables sort when their headers are clicked, with a few lines of inline
 * script; without script they still read well.
 */
#include "internal/report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void esc(itsma__buf *out, const char *s) { itsma__html_escape(out, s); }

static void badge(itsma__buf *out, itsma_letter l)
{
	const char *name = itsma_letter_name(itsma_letter_band(l));
	if (!*name)
		itsma__buf_puts(out, "<span class=\"b b-none\">&ndash;</span>");
	else
		itsma__buf_printf(out, "<span class=\"b b-%s\">%s</span>", name, name);
}

static void card(itsma__buf *out, const char *cls, const char *key, const char *value,
                 const char *sub)
{
	itsma__buf_printf(out, "<div class=\"card %s\"><div class=\"k\">", cls);
	esc(out, key);
	itsma__buf_puts(out, "</div><div class=\"v\">");
	esc(out, value);
	itsma__buf_puts(out, "</div><div class=\"s\">");
	esc(out, sub);
	itsma__buf_puts(out, "</div></div>\n");
}

static void head(itsma__buf *out, const itsma__report *rp)
{
	const itsma_assessment *a = rp->a;
	itsma__html_begin(out, rp->title, itsma_assessment_date(a));
	itsma__buf_puts(out, "<header class=\"top\"><div class=\"wrap\">\n<h1>");
	esc(out, rp->title);
	itsma__buf_puts(out, "</h1>\n<p>");
	if (itsma_assessment_organisation(a)) {
		esc(out, itsma_assessment_organisation(a));
		itsma__buf_puts(out, " &middot; ");
	}
	itsma__buf_puts(out, "assessment <code>");
	esc(out, itsma_assessment_id(a));
	itsma__buf_printf(out, "</code> as of %s &middot; ", itsma_assessment_date(a));
	esc(out, itsma_catalogue_title(rp->cat));
	if (itsma_result_scope(rp->r)) {
		itsma__buf_puts(out, " &middot; section ");
		esc(out, itsma_section_id(itsma_result_scope(rp->r)));
		itsma__buf_puts(out, " only");
	}
	itsma__buf_printf(out, " &middot; evidence policy %s",
	                  itsma_evidence_policy_name(itsma_result_policy(rp->r)));
	if (itsma_assessment_assessor(a)) {
		itsma__buf_puts(out, " &middot; assessor ");
		esc(out, itsma_assessment_assessor(a));
	}
	itsma__buf_puts(out, "</p>\n</div></header>\n<main class=\"wrap\">\n");
}

static void cards(itsma__buf *out, const itsma__report *rp)
{
	const itsma_result *r = rp->r;
	char v[64], s[200], b1[48], b2[48], b3[48];
	itsma_verdict verdict = itsma_result_verdict(r);
	itsma__buf cls = ITSMA__BUF_INIT;
	itsma__buf_printf(&cls, "verdict verdict-%s", itsma_verdict_name(verdict));
	itsma__buf_puts(out, "<section class=\"cards\" aria-label=\"Summary\">\n");
	card(out, itsma__buf_str(&cls), "Verdict", itsma_verdict_name(verdict),
	     itsma_verdict_meaning(verdict));
	itsma__buf_drop(&cls, out);

	double overall = itsma_result_compliance(r, ITSMA_MODEL_DEFAULT);
	snprintf(s, sizeof s, "shall %s \xC2\xB7 should %s",
	         itsma__fmt_pct(b1, itsma_result_compliance(r, ITSMA_MODEL_SHALL)),
	         itsma__fmt_pct(b2, itsma_result_compliance(r, ITSMA_MODEL_SHOULD)));
	if (rp->diff)
		snprintf(
		    s + strlen(s), sizeof s - strlen(s), " \xC2\xB7 %s since the baseline",
		    itsma__fmt_delta(
		        b3, itsma_diff_compliance_difference(rp->diff, ITSMA_MODEL_DEFAULT), 1));
	card(out, "", "Overall compliance", itsma__fmt_pct(b3, overall), s);

	snprintf(v, sizeof v, "%zu", itsma_result_tally(r, ITSMA_TALLY_NC_MAJOR));
	snprintf(s, sizeof s, "major, %zu minor, %zu not assessed",
	         itsma_result_tally(r, ITSMA_TALLY_NC_MINOR),
	         itsma_result_tally(r, ITSMA_TALLY_NC_UNASSESSED));
	card(out, "", "Nonconformities", v, s);

	if (itsma_result_tally(r, ITSMA_TALLY_PROCESSES)) {
		snprintf(v, sizeof v, "%zu / %zu", itsma_result_tally(r, ITSMA_TALLY_TARGETS_MET),
		         itsma_result_tally(r, ITSMA_TALLY_TARGETS_SET));
		snprintf(s, sizeof s,
		         "targets met; %zu processes, levels %d\xE2\x80\x93%d, mean %s",
		         itsma_result_tally(r, ITSMA_TALLY_PROCESSES),
		         itsma_result_capability_min(r), itsma_result_capability_max(r),
		         itsma__fmt_num(b1, itsma_result_capability_mean(r), 2));
		card(out, "", "Capability", v, s);
	}
	snprintf(v, sizeof v, "%zu", itsma_result_tally(r, ITSMA_TALLY_APPLICABLE));
	snprintf(s, sizeof s,
	         "requirements: %zu rated, %zu without current evidence, %zu not assessed",
	         itsma_result_tally(r, ITSMA_TALLY_RATED),
	         itsma_result_tally(r, ITSMA_TALLY_UNSUPPORTED),
	         itsma_result_tally(r, ITSMA_TALLY_UNASSESSED));
	card(out, "", "Applicable", v, s);
	snprintf(v, sizeof v, "%zu", itsma_result_evidence_issue_count(r));
	card(out, "", "Evidence issues", v, "expired, dated after the assessment, or unused");
	itsma__buf_puts(out, "</section>\n");
}

/* The bars of the clause groups (with the baseline's figures when @p base is set); NULL
 * when memory runs out. Free the array. */
static itsma__bar_item *group_items(const itsma__report *rp, const itsma_result *base)
{
	const itsma_section_result *const *groups = rp->groups;
	size_t n = rp->ngroups;
	itsma__bar_item *items = calloc(n + 1, sizeof *items);
	if (!items)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const itsma_section *s = itsma_section_result_section(groups[i]);
		const char *clause = itsma_section_clause(s);
		items[i].label = clause ? clause : itsma_section_id(s);
		items[i].title = itsma_section_title(s);
		items[i].value = itsma_section_result_achievement(groups[i]);
		items[i].before = NAN;
		if (base) {
			const itsma_section_result *b =
			    itsma_result_find_section(base, itsma_section_id(s));
			if (b)
				items[i].before = itsma_section_result_achievement(b);
		}
	}
	return items;
}

static void charts(itsma__buf *out, const itsma__report *rp)
{
	const itsma_section_result *const *procs = rp->procs;
	size_t np = rp->nprocs, ng = rp->ngroups;
	itsma__radar_axis *axes = calloc(np + 1, sizeof *axes);
	itsma__bar_item *items = group_items(rp, NULL);
	if (!axes || !items) {
		free(axes);
		free(items);
		out->oom = 1;
		return;
	}
	for (size_t i = 0; i < np; i++) {
		const itsma_section *s = itsma_section_result_section(procs[i]);
		const char *clause = itsma_section_clause(s);
		axes[i].label = clause ? clause : itsma_section_id(s);
		axes[i].title = itsma_section_title(s);
		axes[i].level = itsma_section_result_capability_level(procs[i]);
		axes[i].target = itsma_section_result_target_level(procs[i]);
		axes[i].before = -1;
		if (rp->base) {
			const itsma_section_result *b =
			    itsma_result_find_section(rp->base, itsma_section_id(s));
			if (b && itsma_section_result_applicable(b))
				axes[i].before = itsma_section_result_capability_level(b);
		}
	}

	itsma__buf_puts(out, "<div class=\"charts\">\n");
	if (np) {
		itsma__buf_puts(
		    out,
		    "<figure>\n<figcaption>Capability profile<span>Capability level (0\xE2\x80\x93"
		    "5) of each "
		    "process");
		if (rp->base)
			itsma__buf_puts(out, ", the baseline's level");
		itsma__buf_puts(
		    out, " and the target; hover a point for its figures.</span></figcaption>\n");
		itsma__svg_radar(out, axes, np);
		itsma__buf_puts(out, "</figure>\n");
	}
	itsma__buf_puts(
	    out,
	    "<figure>\n<figcaption>Compliance by clause<span>Achievement of each clause group, "
	    "against the N / P / L / F bands of ISO/IEC 33020.</span></figcaption>\n");
	itsma__svg_bars(out, items, ng, 0, "Compliance by clause group");
	itsma__buf_puts(out, "</figure>\n</div>\n");
	free(items);
	free(axes);
}

static void requirement_row_cells(itsma__buf *out, const itsma_requirement_result *q)
{
	const itsma_requirement *req = itsma_requirement_result_requirement(q);
	char b[48];
	itsma__buf_printf(out, "<td data-sort=\"%zu\"><code>", itsma_requirement_index(req));
	esc(out, itsma_requirement_id(req));
	itsma__buf_puts(out, "</code></td><td>");
	esc(out, itsma_requirement_text(req));
	itsma__buf_printf(out, "</td><td>%s</td><td>%s</td><td class=\"c\" data-sort=\"%s\">",
	                  itsma_obligation_name(itsma_requirement_obligation(req)),
	                  itsma_status_name(itsma_requirement_result_status(q)),
	                  itsma__fmt_num(b,
	                                 isnan(itsma_requirement_result_achievement(q))
	                                     ? -1
	                                     : itsma_requirement_result_achievement(q),
	                                 4));
	badge(out, itsma_requirement_result_letter(q));
	itsma__buf_puts(out, "</td>");
}

static void diff_section(itsma__buf *out, const itsma__report *rp)
{
	const itsma_diff *d = rp->diff;
	const itsma_assessment *b = itsma_result_assessment(rp->base);
	char b1[48], b2[48], b3[48];
	static const itsma_model models[] = { ITSMA_MODEL_DEFAULT,         ITSMA_MODEL_SHALL,
		                              ITSMA_MODEL_SHOULD,          ITSMA_MODEL_FLAT,
		                              ITSMA_MODEL_FLAT_UNWEIGHTED, ITSMA_MODEL_ABSOLUTE };
	static const char *const labels[] = { "Overall",          "shall",   "should", "Flat",
		                              "Flat, unweighted", "Absolute" };

	itsma__buf_printf(
	    out,
	    "<section id=\"changes\">\n<h2>Changes since %s</h2>\n<p class=\"lead\">Compared with "
	    "assessment <code>",
	    itsma_assessment_date(b));
	esc(out, itsma_assessment_id(b));
	itsma__buf_printf(
	    out,
	    "</code>: verdict %s &rarr; <strong>%s</strong>; %zu requirements improved, %zu "
	    "regressed; "
	    "%zu nonconformities closed, %zu opened; %zu processes up a level, %zu down.</p>\n",
	    itsma_verdict_name(itsma_diff_verdict_before(d)),
	    itsma_verdict_name(itsma_diff_verdict_after(d)),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_IMPROVED),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_REGRESSED),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_NC_CLOSED),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_NC_OPENED),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_PROCESSES_IMPROVED),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_PROCESSES_REGRESSED));

	itsma__buf_puts(
	    out,
	    "<div class=\"charts\">\n<figure>\n<figcaption>Compliance by clause, before and after"
	    "<span>Grey: the baseline; coloured: now.</span></figcaption>\n");
	itsma__bar_item *items = group_items(rp, rp->base);
	if (items)
		itsma__svg_bars(out, items, rp->ngroups, 1,
		                "Compliance by clause group, before and after");
	else
		out->oom = 1;
	free(items);
	itsma__buf_puts(
	    out,
	    "</figure>\n<figure>\n<figcaption>Figures<span>Every compliance model, before and "
	    "after.</span></figcaption>\n<table>\n<thead><tr><th>Figure</th><th "
	    "class=\"num\">Before</th>"
	    "<th class=\"num\">After</th><th class=\"num\">Change</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < sizeof models / sizeof models[0]; i++) {
		double delta = itsma_diff_compliance_difference(d, models[i]);
		itsma__buf_printf(
		    out,
		    "<tr><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td>"
		    "<td class=\"num %s\">%s</td></tr>\n",
		    labels[i], itsma__fmt_pct(b1, itsma_diff_compliance_before(d, models[i])),
		    itsma__fmt_pct(b2, itsma_diff_compliance_after(d, models[i])),
		    isnan(delta) || fabs(delta) < 0.05 ? ""
		    : delta > 0                        ? "up"
		                                       : "down",
		    itsma__fmt_delta(b3, delta, 1));
	}
	itsma__buf_printf(out,
	                  "<tr><td>Verdict</td><td class=\"num\">%s</td><td "
	                  "class=\"num\">%s</td><td></td></tr>\n",
	                  itsma_verdict_name(itsma_diff_verdict_before(d)),
	                  itsma_verdict_name(itsma_diff_verdict_after(d)));
	itsma__buf_puts(out, "</tbody>\n</table>\n</figure>\n</div>\n");

	for (int pass = 0; pass < 2; pass++) {
		itsma_change want = pass == 0 ? ITSMA_CHANGE_IMPROVED : ITSMA_CHANGE_REGRESSED;
		size_t n;
		const itsma_requirement_diff *const *list =
		    itsma__changes_list(&rp->changes, want, &n);
		if (n) {
			size_t shown = rp->top && rp->top < n ? rp->top : n;
			itsma__buf_printf(
			    out,
			    "<h3>%s (%zu%s)</h3>\n<table "
			    "class=\"sortable\">\n<thead><tr><th>Requirement</th>"
			    "<th>Text</th><th class=\"c\">Before</th><th class=\"c\">After</th>"
			    "<th class=\"num\">Change</th></tr></thead>\n<tbody>\n",
			    pass == 0 ? "Improved most" : "Regressed", n,
			    shown < n ? ", the largest changes" : "");
			for (size_t i = 0; i < shown; i++) {
				const itsma_requirement_result *x =
				    itsma_requirement_diff_before(list[i]);
				const itsma_requirement_result *y =
				    itsma_requirement_diff_after(list[i]);
				const itsma_requirement_result *any = y ? y : x;
				double delta = itsma_requirement_diff_difference(list[i]);
				itsma__buf_puts(out, "<tr><td><code>");
				esc(out, itsma_requirement_diff_id(list[i]));
				itsma__buf_puts(out, "</code></td><td>");
				if (any)
					esc(out, itsma_requirement_text(
					             itsma_requirement_result_requirement(any)));
				itsma__buf_puts(out, "</td><td class=\"c\">");
				badge(out,
				      x ? itsma_requirement_result_letter(x) : ITSMA_LETTER_NONE);
				itsma__buf_puts(out, "</td><td class=\"c\">");
				badge(out,
				      y ? itsma_requirement_result_letter(y) : ITSMA_LETTER_NONE);
				itsma__buf_printf(
				    out,
				    "</td><td class=\"num %s\" data-sort=\"%s\">%s</td></tr>\n",
				    pass == 0 ? "up" : "down",
				    itsma__fmt_num(b1, isnan(delta) ? 0 : delta, 4),
				    itsma__fmt_delta(b2, delta, 1));
			}
			itsma__buf_puts(out, "</tbody>\n</table>\n");
		}
	}
	itsma__buf_puts(out, "</section>\n");
}

static void attribute_td(itsma__buf *out, const itsma_section_result *s, itsma_attribute a)
{
	itsma_attribute_status st = itsma_section_result_attribute_status(s, a);
	char b[48];
	itsma__buf_printf(out, "<td class=\"c\" data-sort=\"%s\" title=\"%s %s: %s\">",
	                  itsma__fmt_num(b, itsma_section_result_attribute_achievement(s, a), 4),
	                  itsma_attribute_name(a), itsma_attribute_title(a),
	                  itsma_attribute_status_name(st));
	itsma_letter l = itsma_section_result_attribute_letter(s, a);
	if (st == ITSMA_ATTRIBUTE_STATUS_UNASSESSED)
		itsma__buf_puts(out, "<span class=\"muted\">&ndash;</span>");
	else if (l == ITSMA_LETTER_N && st == ITSMA_ATTRIBUTE_STATUS_RATED && a >= ITSMA_PA3_1)
		itsma__buf_puts(
		    out, "<span class=\"b b-quiet\">N</span>"); /* not reached yet: no alarm */
	else
		badge(out, l);
	if (st == ITSMA_ATTRIBUTE_STATUS_UNSUPPORTED)
		itsma__buf_puts(out, "*");
	itsma__buf_puts(out, "</td>");
}

static void capability(itsma__buf *out, const itsma__report *rp)
{
	const itsma_section_result *const *procs = rp->procs;
	size_t np = rp->nprocs;
	if (!np)
		return;
	itsma__buf_puts(
	    out,
	    "<section id=\"capability\">\n<h2>Capability profile</h2>\n<p class=\"lead\">A process "
	    "reaches level k when the attributes of level k are largely or fully achieved and "
	    "those "
	    "below fully. PA1.1 is derived from the process's requirements; &ndash; not assessed; "
	    "* "
	    "rated without current evidence.</p>\n<table "
	    "class=\"sortable\">\n<thead><tr><th>Process</th>"
	    "<th>Title</th><th class=\"num\">Level</th><th "
	    "class=\"num\">Target</th><th>Status</th>");
	for (int a = 0; a < ITSMA_ATTRIBUTE_COUNT; a++)
		itsma__buf_printf(out, "<th class=\"c\">%s</th>",
		                  itsma_attribute_name((itsma_attribute)a));
	itsma__buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < np; i++) {
		const itsma_section *s = itsma_section_result_section(procs[i]);
		int level = itsma_section_result_capability_level(procs[i]);
		int target = itsma_section_result_target_level(procs[i]);
		itsma__buf_printf(out, "<tr><td data-sort=\"%zu\"><code>", itsma_section_index(s));
		esc(out, itsma_section_id(s));
		itsma__buf_puts(out, "</code></td><td>");
		esc(out, itsma_section_title(s));
		itsma__buf_printf(out, "</td><td class=\"num nw\" data-sort=\"%d\">", level);
		for (int k = 1; k <= 5; k++)
			itsma__buf_printf(out, "<span class=\"pill%s\"></span>",
			                  k <= level ? " on" : "");
		itsma__buf_printf(out, " %d</td><td class=\"num\">", level);
		if (target >= 0)
			itsma__buf_printf(out, "%d", target);
		else
			itsma__buf_puts(out, "&ndash;");
		itsma__buf_printf(out, "</td><td class=\"nw%s\">%s</td>",
		                  target >= 0 && level < target ? " down" : "",
		                  itsma__target_status(level, target));
		for (int a = 0; a < ITSMA_ATTRIBUTE_COUNT; a++)
			attribute_td(out, procs[i], (itsma_attribute)a);
		itsma__buf_puts(out, "</tr>\n");
	}
	itsma__buf_puts(out, "</tbody>\n</table>\n");

	size_t ng = itsma_result_capability_gap_count(rp->r);
	if (ng) {
		itsma__buf_printf(out, "<h3>Below target (%zu)</h3>\n<ul>\n", ng);
		for (size_t i = 0; i < ng; i++) {
			const itsma_capability_gap *g = itsma_result_capability_gap_at(rp->r, i);
			const itsma_section *p = itsma_capability_gap_process(g);
			itsma__buf_puts(out, "<li><strong>");
			esc(out, itsma_section_id(p));
			itsma__buf_putc(out, ' ');
			esc(out, itsma_section_title(p));
			itsma__buf_puts(out, "</strong>: ");
			itsma__capability_gap_needs(out, g);
			itsma__buf_puts(out, "</li>\n");
		}
		itsma__buf_puts(out, "</ul>\n");
	}
	itsma__buf_puts(out, "</section>\n");
}

static void nc_tag(itsma__buf *out, itsma_nonconformity nc)
{
	const char *w = itsma_nonconformity_name(nc);
	if (*w && nc != ITSMA_NONCONFORMITY_NONE)
		itsma__buf_printf(out, "<span class=\"tag %s\">%s</span>", w, w);
	else if (nc == ITSMA_NONCONFORMITY_NONE)
		itsma__buf_puts(out, "none");
}

static void gaps(itsma__buf *out, const itsma__report *rp)
{
	size_t n = itsma_result_gap_count(rp->r);
	size_t shown = rp->top < n ? rp->top : n;
	char b[48], b2[48];
	if (!shown)
		return;
	itsma__buf_printf(
	    out,
	    "<section id=\"gaps\">\n<h2>Top %zu gaps: what to fix first</h2>\n<p class=\"lead\">In "
	    "priority order: shall before should; major nonconformities and unsupported ratings, "
	    "then "
	    "unassessed, then minor; then by gain, the points of overall compliance the "
	    "requirement "
	    "would add if fully achieved. %zu gaps in all.</p>\n",
	    shown, n);
	itsma__buf_puts(
	    out,
	    "<table class=\"sortable\">\n<thead><tr><th class=\"num\">#</th><th>Requirement</th>"
	    "<th>What is needed</th><th>Class</th><th class=\"c\">Rating</th><th class=\"num\">Gain"
	    "</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < shown; i++) {
		const itsma_gap *g = itsma_result_gap_at(rp->r, i);
		const itsma_requirement_result *q = itsma_gap_requirement(g);
		const itsma_requirement *req = itsma_requirement_result_requirement(q);
		const itsma_section *p = itsma_requirement_process(req);
		const itsma_section *sec = p ? p : itsma_requirement_section(req);
		itsma__buf_printf(out, "<tr><td class=\"num\">%zu</td><td><code>", i + 1);
		esc(out, itsma_requirement_id(req));
		itsma__buf_puts(out, "</code><br><span class=\"muted\">");
		esc(out, itsma_section_title(sec));
		itsma__buf_puts(out, "</span></td><td>");
		esc(out, itsma_requirement_text(req));
		itsma__buf guidance = ITSMA__BUF_INIT;
		itsma__gap_guidance(&guidance, g, rp->cat, "; ", itsma__html_escape);
		if (guidance.len)
			itsma__buf_printf(out, "<div class=\"guidance\">%s</div>",
			                  itsma__buf_str(&guidance));
		itsma__buf_drop(&guidance, out);
		itsma__buf_puts(out, "</td><td>");
		if (itsma_requirement_result_status(q) == ITSMA_STATUS_UNSUPPORTED)
			itsma__buf_puts(out, "<span class=\"tag major\">no evidence</span><br>");
		nc_tag(out, itsma_requirement_result_nonconformity(q));
		if (itsma_requirement_result_nonconformity(q) == ITSMA_NONCONFORMITY_NULL)
			itsma__buf_puts(out, itsma_obligation_name(ITSMA_OBLIGATION_SHOULD));
		itsma__buf_printf(out, "</td><td class=\"c\" data-sort=\"%s\">",
		                  itsma__fmt_num(b2, itsma_requirement_result_achievement(q), 4));
		badge(out, itsma_requirement_result_letter(q));
		itsma__buf_printf(out, "</td><td class=\"num\" data-sort=\"%s\">%s</td></tr>\n",
		                  itsma__fmt_num(b2, itsma_gap_gain(g), 6),
		                  itsma__fmt_gain(b, itsma_gap_gain(g)));
	}
	itsma__buf_puts(out, "</tbody>\n</table>\n</section>\n");
}

static void nonconformities(itsma__buf *out, const itsma__report *rp)
{
	const itsma_result *r = rp->r;
	size_t total = itsma_result_tally(r, ITSMA_TALLY_NC_MAJOR) +
	               itsma_result_tally(r, ITSMA_TALLY_NC_MINOR) +
	               itsma_result_tally(r, ITSMA_TALLY_NC_UNASSESSED);
	if (!total)
		return;
	itsma__buf_printf(
	    out,
	    "<section id=\"nonconformities\" class=\"long\">\n<h2>Nonconformities (%zu)</h2>\n"
	    "<p class=\"lead\">%zu major, %zu minor, %zu shall requirements not assessed.</p>\n",
	    total, itsma_result_tally(r, ITSMA_TALLY_NC_MAJOR),
	    itsma_result_tally(r, ITSMA_TALLY_NC_MINOR),
	    itsma_result_tally(r, ITSMA_TALLY_NC_UNASSESSED));
	static const itsma_nonconformity order[] = { ITSMA_NONCONFORMITY_MAJOR,
		                                     ITSMA_NONCONFORMITY_UNASSESSED,
		                                     ITSMA_NONCONFORMITY_MINOR };
	static const char *const titles[] = { "Major", "Not assessed", "Minor" };
	size_t n = itsma_result_requirement_count(r);
	for (size_t k = 0; k < 3; k++) {
		size_t count = 0;
		for (size_t i = 0; i < n; i++)
			if (itsma_requirement_result_nonconformity(
			        itsma_result_requirement_at(r, i)) == order[k])
				count++;
		if (!count)
			continue;
		/* minor ones are many and less urgent: folded away (opened for printing) */
		if (order[k] == ITSMA_NONCONFORMITY_MINOR)
			itsma__buf_printf(out, "<details>\n<summary>%s (%zu)</summary>\n",
			                  titles[k], count);
		else
			itsma__buf_printf(out, "<h3>%s (%zu)</h3>\n", titles[k], count);
		itsma__buf_puts(out,
		                "<table "
		                "class=\"sortable\">\n<thead><tr><th>Requirement</th><th>Text</"
		                "th><th>Obligation</th>"
		                "<th>Status</th><th "
		                "class=\"c\">Rating</th><th>Note</th></tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < n; i++) {
			const itsma_requirement_result *q = itsma_result_requirement_at(r, i);
			if (itsma_requirement_result_nonconformity(q) != order[k])
				continue;
			const itsma_rating *rating = itsma_requirement_result_rating(q);
			itsma__buf_puts(out, "<tr>");
			requirement_row_cells(out, q);
			itsma__buf_puts(out, "<td class=\"guidance\">");
			if (rating && itsma_rating_note(rating))
				esc(out, itsma_rating_note(rating));
			itsma__buf_puts(out, "</td></tr>\n");
		}
		itsma__buf_puts(out, "</tbody>\n</table>\n");
		if (order[k] == ITSMA_NONCONFORMITY_MINOR)
			itsma__buf_puts(out, "</details>\n");
	}
	itsma__buf_puts(out, "</section>\n");
}

static void evidence_issues(itsma__buf *out, const itsma__report *rp)
{
	size_t n = itsma_result_evidence_issue_count(rp->r);
	if (!n)
		return;
	itsma__buf_printf(out,
	                  "<section id=\"evidence\">\n<h2>Evidence issues (%zu)</h2>\n<table "
	                  "class=\"sortable\">\n"
	                  "<thead><tr><th>Evidence</th><th>Title</th><th>Kind</th><th>Problem</"
	                  "th><th>Cited by</th>"
	                  "</tr></thead>\n<tbody>\n",
	                  n);
	for (size_t i = 0; i < n; i++) {
		const itsma_evidence_issue *x = itsma_result_evidence_issue_at(rp->r, i);
		const itsma_evidence *e = itsma_evidence_issue_evidence(x);
		itsma__buf_puts(out, "<tr><td><code>");
		esc(out, itsma_evidence_id(e));
		itsma__buf_puts(out, "</code></td><td>");
		esc(out, itsma_evidence_title(e));
		itsma__buf_printf(out, "</td><td>%s</td><td><strong>%s</strong>: ",
		                  itsma_evidence_kind_name(itsma_evidence_kind_of(e)),
		                  itsma_evidence_problem_name(itsma_evidence_issue_problem(x)));
		itsma__buf detail = ITSMA__BUF_INIT;
		itsma__evidence_issue_detail(&detail, x);
		esc(out, itsma__buf_str(&detail));
		itsma__buf_drop(&detail, out);
		itsma__buf_puts(out, "</td><td>");
		size_t c = itsma_evidence_issue_cited_by_count(x);
		for (size_t k = 0; k < c; k++) {
			if (k)
				itsma__buf_puts(out, ", ");
			esc(out, itsma_evidence_issue_cited_by_at(x, k));
		}
		if (!c)
			itsma__buf_puts(out, "&ndash;");
		itsma__buf_puts(out, "</td></tr>\n");
	}
	itsma__buf_puts(out, "</tbody>\n</table>\n</section>\n");
}

static void all_requirements(itsma__buf *out, const itsma__report *rp)
{
	size_t n = itsma_result_requirement_count(rp->r);
	char b[48];
	itsma__buf_printf(
	    out,
	    "<section id=\"requirements\" class=\"long\">\n<details>\n<summary>All requirements "
	    "(%zu)</summary>\n<table "
	    "class=\"sortable\">\n<thead><tr><th>Requirement</th><th>Text</th>"
	    "<th>Obligation</th><th>Status</th><th class=\"c\">Rating</th><th>Class</th>"
	    "<th class=\"num\">Gain</th></tr></thead>\n<tbody>\n",
	    n);
	for (size_t i = 0; i < n; i++) {
		const itsma_requirement_result *q = itsma_result_requirement_at(rp->r, i);
		itsma_nonconformity nc = itsma_requirement_result_nonconformity(q);
		itsma__buf_puts(out, "<tr>");
		requirement_row_cells(out, q);
		itsma__buf_printf(out, "<td data-sort=\"%d\">", (int)nc);
		nc_tag(out, nc);
		itsma__buf_printf(out, "</td><td class=\"num\">%s</td></tr>\n",
		                  itsma__fmt_num(b, itsma_requirement_result_gain(q), 3));
	}
	itsma__buf_puts(out, "</tbody>\n</table>\n</details>\n</section>\n");
}

static void warnings(itsma__buf *out, const itsma__report *rp)
{
	static const char *const markup[4] = {
		"<section id=\"warnings\">\n<h2>Warnings</h2>\n<ul>\n", "<li>", "</li>\n",
		"</ul>\n</section>\n"
	};
	itsma__report_warnings(out, rp, markup, esc);
}

void itsma__report_html(itsma__buf *out, const itsma__report *rp)
{
	head(out, rp);
	if (ITSMA__WANT(rp, ITSMA_REPORT_SECTION_SUMMARY))
		cards(out, rp);
	if (ITSMA__WANT(rp, ITSMA_REPORT_SECTION_CLAUSES))
		charts(out, rp);
	if (rp->diff && ITSMA__WANT(rp, ITSMA_REPORT_SECTION_CHANGES))
		diff_section(out, rp);
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
	if (ITSMA__WANT(rp, ITSMA_REPORT_SECTION_REQUIREMENTS))
		all_requirements(out, rp);
	itsma__buf_puts(out,
	                "</main>\n<footer class=\"wrap\">Made with itsma from assessment <code>");
	esc(out, itsma_assessment_id(rp->a));
	itsma__buf_puts(out, "</code> and catalogue <code>");
	esc(out, itsma_catalogue_id(rp->cat));
	itsma__buf_puts(out,
	                "</code>. Run <code>itsma explain ASSESSMENT ID</code> to see how any "
	                "figure came about. "
	                "This page is self-contained: it loads nothing from anywhere.</footer>\n");
	itsma__html_end(out);
}
