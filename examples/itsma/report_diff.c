/*
 * A comparison of two results (itsma_diff) in words: as text for the terminal and as
 * Markdown, for `itsma compare` and for the "since the baseline" part of reports.
 */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const itsma_model models[] = { ITSMA_MODEL_DEFAULT, ITSMA_MODEL_SHALL, ITSMA_MODEL_SHOULD,
	                                  ITSMA_MODEL_FLAT,    ITSMA_MODEL_FLAT_UNWEIGHTED,
	                                  ITSMA_MODEL_ABSOLUTE };
static const char *const model_labels[] = { "overall", "shall", "should", "flat", "flat, unweighted",
	                                        "absolute" };
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

static int by_change(const void *pa, const void *pb)
{
	const itsma_requirement_diff *a = *(const itsma_requirement_diff *const *)pa;
	const itsma_requirement_diff *b = *(const itsma_requirement_diff *const *)pb;
	double da = fabs(itsma_requirement_diff_difference(a));
	double db = fabs(itsma_requirement_diff_difference(b));
	if (isnan(da))
		da = 0;
	if (isnan(db))
		db = 0;
	if (da != db)
		return da > db ? -1 : 1;
	const itsma_requirement *ra = diff_requirement(a), *rb = diff_requirement(b);
	size_t ia = ra ? itsma_requirement_index(ra) : 0, ib = rb ? itsma_requirement_index(rb) : 0;
	return ia < ib ? -1 : ia > ib;
}

size_t diff_sorted(const itsma_diff *d, itsma_change want, const itsma_requirement_diff ***out)
{
	size_t n = itsma_diff_requirement_count(d), k = 0;
	const itsma_requirement_diff **list = xcalloc(n + 1, sizeof *list);
	for (size_t i = 0; i < n; i++) {
		const itsma_requirement_diff *q = itsma_diff_requirement_at(d, i);
		if (itsma_requirement_diff_change(q) == want)
			list[k++] = q;
	}
	qsort(list, k, sizeof *list, by_change);
	*out = list;
	return k;
}

static int nc_rank(const itsma_nonconformity_diff *x)
{
	switch (itsma_nonconformity_diff_change(x)) {
	case ITSMA_NC_CHANGE_OPENED: return 0;
	case ITSMA_NC_CHANGE_CLOSED: return 2;
	default: return itsma_nonconformity_diff_after(x) == ITSMA_NC_MAJOR ? 1 : 3;
	}
}

typedef struct nc_item {
	const itsma_nonconformity_diff *x;
	size_t order;
} nc_item;

static int by_nc_rank(const void *pa, const void *pb)
{
	const nc_item *a = pa, *b = pb;
	int ra = nc_rank(a->x), rb = nc_rank(b->x);
	if (ra != rb)
		return ra - rb;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* Nonconformity changes, the worrying ones first: opened, then changed to major, then closed,
 * then other changes of class; catalogue order within each. Free the array. */
static size_t nc_sorted(const itsma_diff *d, nc_item **out)
{
	size_t n = itsma_diff_nonconformity_count(d);
	nc_item *items = xcalloc(n + 1, sizeof *items);
	for (size_t i = 0; i < n; i++) {
		items[i].x = itsma_diff_nonconformity_at(d, i);
		items[i].order = i;
	}
	qsort(items, n, sizeof *items, by_nc_rank);
	*out = items;
	return n;
}

/* "L 67.5" or "unassessed" or "excluded" for one side of a requirement. */
static void side(sb *out, const itsma_requirement_result *x)
{
	char b[48];
	if (!x) {
		sb_puts(out, "out of scope");
		return;
	}
	itsma_status st = itsma_requirement_result_status(x);
	if (st == ITSMA_STATUS_EXCLUDED) {
		sb_puts(out, "excluded");
		return;
	}
	sb_printf(out, "%s %s", result_letter(x), fmt_num(b, itsma_requirement_result_achievement(x), 2));
	if (st != ITSMA_STATUS_RATED)
		sb_printf(out, " (%s)", itsma_status_name(st));
}

static const char *process_title(const itsma_diff *d, const char *id)
{
	const itsma_result *r = itsma_diff_after(d);
	const itsma_section *s = itsma_catalogue_find_section(
		itsma_assessment_catalogue(itsma_result_assessment(r)), id);
	if (!s) {
		r = itsma_diff_before(d);
		s = itsma_catalogue_find_section(itsma_assessment_catalogue(itsma_result_assessment(r)), id);
	}
	return s ? itsma_section_title(s) : "";
}

static void level_text(sb *out, int level)
{
	if (level < 0)
		sb_puts(out, "-");
	else
		sb_printf(out, "%d", level);
}

/* ---- text ------------------------------------------------------------------------------------ */

static void text_requirements(sb *out, const itsma_diff *d, itsma_change want, const char *title,
                              int colour, size_t limit)
{
	const itsma_requirement_diff **list;
	size_t n = diff_sorted(d, want, &list);
	char b[48];
	if (n) {
		sb_printf(out, "\n%s%s (%zu, largest change first)%s\n", cli_col(colour, COL_BOLD), title, n,
		          cli_col(colour, COL_RESET));
		size_t shown = limit && limit < n ? limit : n;
		sb side_text = SB_INIT;
		for (size_t i = 0; i < shown; i++) {
			const itsma_requirement_diff *q = list[i];
			sb_clear(&side_text);
			side(&side_text, itsma_requirement_diff_before(q));
			sb_puts(&side_text, " \xE2\x86\x92 ");
			side(&side_text, itsma_requirement_diff_after(q));
			sb_puts(out, "  ");
			sb_put_fitted(out, itsma_requirement_diff_id(q), 12, 1);
			sb_put_fitted(out, sb_str(&side_text), 30, 1);
			sb_printf(out, " %s%6s%s  ", cli_col(colour, want == ITSMA_CHANGE_IMPROVED ? COL_GREEN : COL_RED),
			          fmt_delta(b, itsma_requirement_diff_difference(q), 1), cli_col(colour, COL_RESET));
			sb_put_fitted(out, diff_text_of(q), 44, 0);
			sb_putc(out, '\n');
		}
		sb_free(&side_text);
		if (shown < n)
			sb_printf(out, "  ... and %zu more\n", n - shown);
	}
	free(list);
}

void diff_text(sb *out, const itsma_diff *d, int colour, size_t limit)
{
	const char *bold = cli_col(colour, COL_BOLD), *reset = cli_col(colour, COL_RESET);
	char b1[48], b2[48], b3[48];

	itsma_verdict vb = itsma_diff_verdict_before(d), va = itsma_diff_verdict_after(d);
	sb_printf(out, "%-18s%s%s%s \xE2\x86\x92 %s%s%s\n", "Verdict", cli_col(colour, cli_verdict_colour(vb)),
	          itsma_verdict_name(vb), reset, cli_col(colour, cli_verdict_colour(va)),
	          itsma_verdict_name(va), reset);
	sb_printf(out, "%-18s%9s %9s %9s\n", "Compliance", "before", "after", "change");
	for (size_t i = 0; i < NMODELS; i++) {
		double delta = itsma_diff_compliance_difference(d, models[i]);
		cli_colour c = isnan(delta) || fabs(delta) < 0.05 ? COL_RESET : delta > 0 ? COL_GREEN : COL_RED;
		sb_printf(out, "  %-16s%9s %9s %s%9s%s\n", model_labels[i],
		          fmt_pct(b1, itsma_diff_compliance_before(d, models[i])),
		          fmt_pct(b2, itsma_diff_compliance_after(d, models[i])), cli_col(colour, c),
		          fmt_delta(b3, delta, 1), reset);
	}
	sb_printf(out, "%-18s%zu improved, %zu regressed, %zu unchanged, %zu scope change%s\n",
	          "Requirements", itsma_diff_tally_of(d, ITSMA_DIFF_IMPROVED),
	          itsma_diff_tally_of(d, ITSMA_DIFF_REGRESSED), itsma_diff_tally_of(d, ITSMA_DIFF_UNCHANGED),
	          itsma_diff_tally_of(d, ITSMA_DIFF_SCOPE_CHANGES),
	          itsma_diff_tally_of(d, ITSMA_DIFF_SCOPE_CHANGES) == 1 ? "" : "s");
	sb_printf(out, "%-18s%zu closed, %zu opened, %zu changed in class\n", "Nonconformities",
	          itsma_diff_tally_of(d, ITSMA_DIFF_NC_CLOSED), itsma_diff_tally_of(d, ITSMA_DIFF_NC_OPENED),
	          itsma_diff_tally_of(d, ITSMA_DIFF_NC_CHANGED));
	sb_printf(out, "%-18s%zu up, %zu down, %zu at the same level\n", "Capability levels",
	          itsma_diff_tally_of(d, ITSMA_DIFF_PROCESSES_IMPROVED),
	          itsma_diff_tally_of(d, ITSMA_DIFF_PROCESSES_REGRESSED),
	          itsma_diff_tally_of(d, ITSMA_DIFF_PROCESSES_UNCHANGED));

	size_t np = itsma_diff_process_count(d), changed = 0;
	for (size_t i = 0; i < np; i++)
		if (itsma_process_diff_change(itsma_diff_process_at(d, i)) != ITSMA_CHANGE_UNCHANGED)
			changed++;
	if (changed) {
		sb_printf(out, "\n%sCapability levels that changed%s\n", bold, reset);
		for (size_t i = 0; i < np; i++) {
			const itsma_process_diff *p = itsma_diff_process_at(d, i);
			itsma_change ch = itsma_process_diff_change(p);
			if (ch == ITSMA_CHANGE_UNCHANGED)
				continue;
			sb_puts(out, "  ");
			sb_put_fitted(out, itsma_process_diff_id(p), 9, 1);
			sb_put_fitted(out, process_title(d, itsma_process_diff_id(p)), 44, 1);
			sb_puts(out, cli_col(colour, ch == ITSMA_CHANGE_IMPROVED ? COL_GREEN : COL_RED));
			level_text(out, itsma_process_diff_level_before(p));
			sb_puts(out, " \xE2\x86\x92 ");
			level_text(out, itsma_process_diff_level_after(p));
			sb_puts(out, reset);
			if (itsma_process_diff_target_after(p) >= 0)
				sb_printf(out, "   target %d", itsma_process_diff_target_after(p));
			if (ch == ITSMA_CHANGE_EXCLUDED || ch == ITSMA_CHANGE_INCLUDED)
				sb_printf(out, "   (%s)", itsma_change_name(ch));
			sb_putc(out, '\n');
		}
	}
	text_requirements(out, d, ITSMA_CHANGE_IMPROVED, "Improved", colour, limit);
	text_requirements(out, d, ITSMA_CHANGE_REGRESSED, "Regressed", colour, limit);

	nc_item *items;
	size_t nn = nc_sorted(d, &items);
	if (nn) {
		sb_printf(out, "\n%sNonconformities that changed (%zu, opened first)%s\n", bold, nn, reset);
		size_t shown = limit && limit < nn ? limit : nn;
		for (size_t i = 0; i < shown; i++) {
			const itsma_nonconformity_diff *x = items[i].x;
			itsma_nc_change ch = itsma_nonconformity_diff_change(x);
			const char *before = nc_word(itsma_nonconformity_diff_before(x));
			const char *after = nc_word(itsma_nonconformity_diff_after(x));
			sb_puts(out, "  ");
			sb_put_fitted(out, itsma_nonconformity_diff_id(x), 12, 1);
			sb_puts(out, cli_col(colour, ch == ITSMA_NC_CHANGE_CLOSED ? COL_GREEN
			                             : ch == ITSMA_NC_CHANGE_OPENED ? COL_RED : COL_RESET));
			sb_put_fitted(out, itsma_nc_change_name(ch), 8, 1);
			sb_puts(out, reset);
			sb_printf(out, " %s \xE2\x86\x92 %s\n", *before ? before : "n/a", *after ? after : "n/a");
		}
		if (shown < nn)
			sb_printf(out, "  ... and %zu more\n", nn - shown);
	}
	free(items);
	size_t ns = itsma_diff_scope_change_count(d);
	if (ns) {
		sb_printf(out, "\n%sScope changes (%zu)%s\n", bold, ns, reset);
		for (size_t i = 0; i < ns; i++) {
			const itsma_requirement_diff *q = itsma_diff_scope_change_at(d, i);
			sb_puts(out, "  ");
			sb_put_fitted(out, itsma_requirement_diff_id(q), 12, 1);
			sb_put_fitted(out, itsma_change_name(itsma_requirement_diff_change(q)), 10, 1);
			sb_put_fitted(out, diff_text_of(q), 70, 0);
			sb_putc(out, '\n');
		}
	}
}

/* ---- Markdown -------------------------------------------------------------------------------- */

static void md_heading(sb *out, int level, const char *text)
{
	sb_repeat(out, "#", (size_t)level);
	sb_printf(out, " %s\n\n", text);
}

static void md_requirements(sb *out, const itsma_diff *d, itsma_change want, int level,
                            size_t limit)
{
	const itsma_requirement_diff **list;
	size_t n = diff_sorted(d, want, &list);
	char b[48];
	if (n) {
		sb_repeat(out, "#", (size_t)level);
		sb_printf(out, " %s (%zu)\n\n", want == ITSMA_CHANGE_IMPROVED ? "Improved" : "Regressed", n);
		sb_puts(out, "| Requirement | Before | After | Change | Text |\n|---|---|---|---:|---|\n");
		size_t shown = limit && limit < n ? limit : n;
		for (size_t i = 0; i < shown; i++) {
			const itsma_requirement_diff *q = list[i];
			sb_printf(out, "| %s | ", itsma_requirement_diff_id(q));
			side(out, itsma_requirement_diff_before(q));
			sb_puts(out, " | ");
			side(out, itsma_requirement_diff_after(q));
			sb_printf(out, " | %s | ", fmt_delta(b, itsma_requirement_diff_difference(q), 2));
			md_escape(out, diff_text_of(q));
			sb_puts(out, " |\n");
		}
		sb_putc(out, '\n');
		if (shown < n)
			sb_printf(out, "And %zu more.\n\n", n - shown);
	}
	free(list);
}

void diff_md(sb *out, const itsma_diff *d, int level, size_t limit)
{
	char b1[48], b2[48], b3[48];
	sb_puts(out, "| | Before | After | Change |\n|---|---:|---:|---:|\n");
	sb_printf(out, "| Verdict | %s | %s | |\n", itsma_verdict_name(itsma_diff_verdict_before(d)),
	          itsma_verdict_name(itsma_diff_verdict_after(d)));
	for (size_t i = 0; i < NMODELS; i++)
		sb_printf(out, "| Compliance, %s | %s | %s | %s |\n", model_labels[i],
		          fmt_pct(b1, itsma_diff_compliance_before(d, models[i])),
		          fmt_pct(b2, itsma_diff_compliance_after(d, models[i])),
		          fmt_delta(b3, itsma_diff_compliance_difference(d, models[i]), 1));
	sb_putc(out, '\n');
	sb_printf(out,
	          "Requirements: %zu improved, %zu regressed, %zu unchanged, %zu scope changes. "
	          "Nonconformities: %zu closed, %zu opened, %zu changed in class. "
	          "Capability levels: %zu up, %zu down, %zu the same.\n\n",
	          itsma_diff_tally_of(d, ITSMA_DIFF_IMPROVED), itsma_diff_tally_of(d, ITSMA_DIFF_REGRESSED),
	          itsma_diff_tally_of(d, ITSMA_DIFF_UNCHANGED),
	          itsma_diff_tally_of(d, ITSMA_DIFF_SCOPE_CHANGES),
	          itsma_diff_tally_of(d, ITSMA_DIFF_NC_CLOSED), itsma_diff_tally_of(d, ITSMA_DIFF_NC_OPENED),
	          itsma_diff_tally_of(d, ITSMA_DIFF_NC_CHANGED),
	          itsma_diff_tally_of(d, ITSMA_DIFF_PROCESSES_IMPROVED),
	          itsma_diff_tally_of(d, ITSMA_DIFF_PROCESSES_REGRESSED),
	          itsma_diff_tally_of(d, ITSMA_DIFF_PROCESSES_UNCHANGED));

	size_t np = itsma_diff_process_count(d);
	if (np) {
		md_heading(out, level, "Capability levels");
		sb_puts(out, "| Process | Title | Before | After | Target | Change |\n"
		             "|---|---|---:|---:|---:|---|\n");
		for (size_t i = 0; i < np; i++) {
			const itsma_process_diff *p = itsma_diff_process_at(d, i);
			sb_printf(out, "| %s | ", itsma_process_diff_id(p));
			md_escape(out, process_title(d, itsma_process_diff_id(p)));
			sb_puts(out, " | ");
			level_text(out, itsma_process_diff_level_before(p));
			sb_puts(out, " | ");
			level_text(out, itsma_process_diff_level_after(p));
			sb_puts(out, " | ");
			level_text(out, itsma_process_diff_target_after(p));
			sb_printf(out, " | %s |\n", itsma_change_name(itsma_process_diff_change(p)));
		}
		sb_putc(out, '\n');
	}
	md_requirements(out, d, ITSMA_CHANGE_IMPROVED, level, limit);
	md_requirements(out, d, ITSMA_CHANGE_REGRESSED, level, limit);

	nc_item *items;
	size_t nn = nc_sorted(d, &items);
	if (nn) {
		sb_repeat(out, "#", (size_t)level);
		sb_printf(out, " Nonconformities that changed (%zu)\n\n", nn);
		sb_puts(out, "Opened first, then changed to major, closed, and other changes of class.\n\n");
		sb_puts(out, "| Requirement | Change | Before | After |\n|---|---|---|---|\n");
		size_t shown = limit && limit < nn ? limit : nn;
		for (size_t i = 0; i < shown; i++) {
			const itsma_nonconformity_diff *x = items[i].x;
			const char *before = nc_word(itsma_nonconformity_diff_before(x));
			const char *after = nc_word(itsma_nonconformity_diff_after(x));
			sb_printf(out, "| %s | %s | %s | %s |\n", itsma_nonconformity_diff_id(x),
			          itsma_nc_change_name(itsma_nonconformity_diff_change(x)),
			          *before ? before : "n/a", *after ? after : "n/a");
		}
		sb_putc(out, '\n');
		if (shown < nn)
			sb_printf(out, "And %zu more.\n\n", nn - shown);
	}
	free(items);
	size_t ns = itsma_diff_scope_change_count(d);
	if (ns) {
		sb_repeat(out, "#", (size_t)level);
		sb_printf(out, " Scope changes (%zu)\n\n", ns);
		sb_puts(out, "| Requirement | Change | Text |\n|---|---|---|\n");
		for (size_t i = 0; i < ns; i++) {
			const itsma_requirement_diff *q = itsma_diff_scope_change_at(d, i);
			sb_printf(out, "| %s | %s | ", itsma_requirement_diff_id(q),
			          itsma_change_name(itsma_requirement_diff_change(q)));
			md_escape(out, diff_text_of(q));
			sb_puts(out, " |\n");
		}
		sb_putc(out, '\n');
	}
}
