/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Explaining a figure in plain English (itsma_result_explain): how a requirement's or a
 * section's figure came about, from the ratings and the evidence, step by step.
 * Numbers are shown with up to six significant digits; letters come from the unrounded
 * values. Ids, titles and texts from the documents are shown with their controls escaped
 * (term.c), so an explanation printed on a terminal cannot carry escape sequences and a
 * newline in a title cannot forge a line.
 */
#include "internal/buf.h"
#include "internal/error.h"
#include "internal/report.h"
#include "internal/result.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Append a number with up to 6 significant digits ("67.5", "0.333333"). */
static void num(itsma__buf *b, double v)
{
	char tmp[40];
	if (isnan(v)) {
		itsma__buf_puts(b, "none");
		return;
	}
	if (v == 0)
		v = 0; /* no "-0" */
	snprintf(tmp, sizeof tmp, "%.6g", v);
	itsma__buf_puts(b, tmp);
}

static const char *obligation_word(const itsma_requirement *q)
{
	return itsma_obligation_name(q->obligation);
}

/* "L (67.5)" */
static void letter_value(itsma__buf *b, itsma_letter l, double v)
{
	itsma__buf_puts(b, itsma_letter_name(l));
	itsma__buf_puts(b, " (");
	num(b, v);
	itsma__buf_putc(b, ')');
}

static const char *band_range(itsma_letter l)
{
	switch (l) {
	case ITSMA_LETTER_N: return "0 <= a <= 15";
	case ITSMA_LETTER_P: return "15 < a <= 50";
	case ITSMA_LETTER_L: return "50 < a <= 85";
	case ITSMA_LETTER_F: return "85 < a <= 100";
	default: return "";
	}
}

/* The rating as written: a letter with its value, or a number. */
static void written_rating(itsma__buf *b, itsma_letter l, double v)
{
	if (l == ITSMA_LETTER_NONE) {
		num(b, v);
		itsma__buf_puts(b, " (a number; band ");
		itsma__buf_puts(b, itsma_letter_name(itsma_letter_from_achievement(v)));
		itsma__buf_putc(b, ')');
	} else {
		itsma__buf_puts(b, itsma_letter_name(l));
		itsma__buf_puts(b, " (");
		num(b, v);
		itsma__buf_putc(b, ')');
	}
}

/* One line judging a cited evidence record current or not, and why. */
static void evidence_line(itsma__buf *b, const itsma_assessment *a, const itsma_evidence *e,
                          const char *indent)
{
	const char *date = itsma_assessment_date(a);
	const char *exp = itsma_evidence_expires(e);

	itsma__term_printf(b, "%s- %s (\"%s\", %s) ", indent, itsma_evidence_id(e),
	                   itsma_evidence_title(e),
	                   itsma_evidence_kind_name(itsma_evidence_kind_of(e)));
	if (e->collected > a->day) {
		itsma__buf_printf(b,
		                  "is not current: it was collected on %s, after the assessment "
		                  "date %s.\n",
		                  itsma_evidence_collected(e), date);
	} else if (itsma__has_expiry(e) && e->expires < a->day) {
		itsma__buf_printf(
		    b, "is not current: it expired on %s, before the assessment date %s.\n", exp,
		    date);
	} else if (itsma__has_expiry(e) && e->expires == a->day) {
		itsma__buf_printf(b,
		                  "is current: collected on %s, it expires on %s, the assessment "
		                  "date itself.\n",
		                  itsma_evidence_collected(e), exp);
	} else if (itsma__has_expiry(e)) {
		itsma__buf_printf(b,
		                  "is current: collected on %s, on or before the assessment date "
		                  "%s, and expiring on %s, after it.\n",
		                  itsma_evidence_collected(e), date, exp);
	} else {
		itsma__buf_printf(b,
		                  "is current: collected on %s, on or before the assessment date "
		                  "%s, with no expiry date.\n",
		                  itsma_evidence_collected(e), date);
	}
}

static void exclusion_words(itsma__buf *b, const itsma_exclusion *x)
{
	if (x)
		itsma__term_printf(b, "%s is excluded (\"%s\")", itsma_exclusion_id(x),
		                   itsma_exclusion_reason(x));
	else
		itsma__buf_puts(b, "it is excluded");
}

/* Applicable siblings of a node: the parent's totals, or the top level's. */
static void sibling_totals(const itsma_result *r, const itsma_section *parent, double *wsum,
                           size_t *n)
{
	const itsma_section_result *pr = parent ? itsma__result_section_entry(r, parent) : NULL;
	if (pr) {
		*wsum = pr->child_wsum;
		*n = pr->child_n;
	} else {
		*wsum = r->top_wsum;
		*n = r->top_n;
	}
}

/* One step of the effective-weight product. */
static void share_line(itsma__buf *b, const itsma_result *r, const char *what, const char *id,
                       double w, const itsma_section *parent)
{
	double wsum;
	size_t n;
	char among[160];

	sibling_totals(r, parent, &wsum, &n);
	itsma__term_printf(b, "  %s %s: ", what, id);
	if (!parent && r->scope) {
		itsma__buf_puts(b, "the section scored alone = 1\n");
		return;
	}
	if (n == 1) {
		if (parent)
			itsma__term_printf(b, "the only applicable child of %s = 1\n", parent->id);
		else
			itsma__buf_puts(b, "the only applicable top-level section = 1\n");
		return;
	}
	if (parent)
		snprintf(among, sizeof among, "the %zu applicable children of %s", n, parent->id);
	else
		snprintf(among, sizeof among, "the %zu applicable top-level sections", n);
	if (wsum > 0) {
		itsma__buf_puts(b, "weight ");
		num(b, w);
		itsma__buf_puts(b, " of a total ");
		num(b, wsum);
		itsma__term_printf(b, " over %s = ", among);
		num(b, w / wsum);
		if (w == 0)
			itsma__buf_puts(b, " (weight 0: informational)");
	} else {
		itsma__term_printf(b, "all of %s weigh 0, so 1 of %zu = ", among, n);
		num(b, 1.0 / (double)n);
	}
	itsma__buf_putc(b, '\n');
}

/* The parent of a section within the result (NULL at the result's top level). */
static const itsma_section *parent_in_result(const itsma_result *r, const itsma_section *s)
{
	if (s == r->scope)
		return NULL;
	return s->parent;
}

/* The steps of the path from the top down to section s (recursively, top first). */
static void path_steps(itsma__buf *b, const itsma_result *r, const itsma_section *s)
{
	const itsma_section *parent = parent_in_result(r, s);
	if (parent)
		path_steps(b, r, parent);
	share_line(b, r, "section", s->id, s->weight, parent);
}

/* The effective weight as a product along the path from the top. */
static void weight_path(itsma__buf *b, const itsma_result *r, const itsma_section *s,
                        const itsma_requirement *q, double eff)
{
	itsma__buf_puts(b, "Effective weight: ");
	num(b, eff);
	itsma__buf_puts(b, ", the product of each step's share of its parent along the path:\n");
	path_steps(b, r, s);
	if (q)
		share_line(b, r, "requirement", q->id, q->weight, s);
}

static void explain_requirement(itsma__buf *b, const itsma_result *r,
                                const itsma_requirement_result *q)
{
	const itsma_assessment *a = r->a;
	const itsma_requirement *req = q->req;
	const itsma_rating *rt = q->rating;
	const itsma_section *proc = itsma_requirement_process(req);
	size_t k;

	itsma__term_printf(b, "Requirement %s (%s): \"%s\"\n", req->id, obligation_word(req),
	                   req->text);
	itsma__term_printf(b, "It belongs to section %s", req->section->id);
	if (proc)
		itsma__term_printf(b, ", in process %s", proc->id);
	itsma__buf_puts(b, ".\n");

	if (q->status == ITSMA_STATUS_EXCLUDED) {
		itsma__buf_puts(b, "Status: excluded: ");
		exclusion_words(b, itsma__result_exclusion_for(a, NULL, req));
		itsma__buf_puts(b,
		                " from the assessment's scope, so the requirement counts nowhere "
		                "(no achievement, no nonconformity, no weight).\n");
		if (rt) {
			itsma__buf_puts(b, "Its rating ");
			written_rating(b, rt->c.letter, rt->c.value);
			itsma__buf_puts(b, " is ignored, with a warning.\n");
		}
		return;
	}

	if (!rt) {
		itsma__buf_puts(b, "Rating: none.\n");
		itsma__buf_puts(b, "Status: unassessed: the assessment does not rate it, so its "
		                   "achievement is 0.\n");
	} else {
		itsma__buf_puts(b, "Rating: ");
		written_rating(b, rt->c.letter, rt->c.value);
		if (rt->c.evidence_count == 0)
			itsma__buf_puts(b, ", citing no evidence.\n");
		else
			itsma__buf_printf(b, ", citing %zu evidence record%s:\n",
			                  rt->c.evidence_count,
			                  rt->c.evidence_count == 1 ? "" : "s");
		for (k = 0; k < rt->c.evidence_count; k++)
			evidence_line(b, a, rt->c.evidence[k], "  ");
		if (q->status == ITSMA_STATUS_UNSUPPORTED) {
			itsma__buf_printf(b, "Status: unsupported: the rating is above 0 and %s.\n",
			                  rt->c.evidence_count
			                      ? "none of its cited evidence is current"
			                      : "it cites no evidence");
			if (r->policy == ITSMA_EVIDENCE_POLICY_REQUIRED)
				itsma__buf_puts(b,
				                "Under the required evidence policy an unsupported "
				                "rating counts 0.\n");
			else
				itsma__buf_puts(b,
				                "Under the advisory evidence policy an unsupported "
				                "rating counts as rated.\n");
		} else {
			itsma__buf_printf(b, "Status: rated: %s (evidence policy %s).\n",
			                  rt->c.value == 0
			                      ? "a rating of 0 (N) needs no evidence"
			                      : "at least one cited evidence record is current",
			                  itsma_evidence_policy_name(r->policy));
		}
	}
	itsma__buf_puts(b, "Achievement: ");
	num(b, q->achievement);
	itsma__buf_printf(b, ", band %s (%s).\n", itsma_letter_name(q->letter),
	                  band_range(q->letter));

	switch (q->nc) {
	case ITSMA_NONCONFORMITY_NONE:
		itsma__buf_puts(b, "Nonconformity: none (a shall requirement rated F).\n");
		break;
	case ITSMA_NONCONFORMITY_MINOR:
		itsma__buf_puts(b, "Nonconformity: minor (a shall requirement rated L).\n");
		break;
	case ITSMA_NONCONFORMITY_MAJOR:
		if (q->status == ITSMA_STATUS_UNSUPPORTED)
			itsma__buf_puts(b,
			                "Nonconformity: major (a shall requirement whose rating is "
			                "unsupported under the required policy).\n");
		else
			itsma__buf_printf(b,
			                  "Nonconformity: major (a shall requirement rated %s).\n",
			                  itsma_letter_name(q->letter));
		break;
	case ITSMA_NONCONFORMITY_UNASSESSED:
		itsma__buf_puts(
		    b, "Nonconformity: unassessed (a shall requirement without a rating).\n");
		break;
	default:
		itsma__buf_puts(b,
		                "Nonconformity: none reported: only shall requirements are judged "
		                "for conformity.\n");
		break;
	}

	weight_path(b, r, req->section, req, q->weight);
	itsma__buf_puts(b, "Gain: ");
	num(b, q->weight);
	itsma__buf_puts(b, " x (100 - ");
	num(b, q->achievement);
	itsma__buf_puts(b, ") = ");
	num(b, q->gain);
	itsma__buf_puts(b, " percentage points of default compliance if it reached 100");
	if (q->letter == ITSMA_LETTER_F) {
		itsma__buf_puts(b, "; rated F, it is not a gap.\n");
	} else {
		size_t i;
		for (i = 0; i < r->gap_count && r->gaps[i].q != q; i++)
			;
		itsma__buf_printf(b, "; it is gap %zu of %zu in priority order.\n", i + 1,
		                  r->gap_count);
	}
}

/* One applicable child in a section's mean. */
static void child_line(itsma__buf *b, const char *what, const char *id, double w, double ach,
                       itsma_letter l, const char *status, int all_zero)
{
	itsma__term_printf(b, "  - %s %s: weight ", what, id);
	num(b, w);
	itsma__buf_puts(b, ", achievement ");
	letter_value(b, l, ach);
	if (status)
		itsma__buf_printf(b, ", %s", status);
	if (w == 0 && !all_zero)
		itsma__buf_puts(b, ": informational (weight 0), it counts nothing in the mean");
	itsma__buf_putc(b, '\n');
}

/* The mean's arithmetic, over the same children as the lines above. */
static void arithmetic(itsma__buf *b, const itsma_result *r, const itsma_section *s)
{
	const itsma_section_result *sr = s ? itsma__result_section_entry(r, s) : NULL;
	double wsum = sr ? sr->child_wsum : r->top_wsum;
	size_t n = sr ? sr->child_n : r->top_n, k, t, terms = 0;
	double total = 0;
	int weighted = wsum > 0;
	itsma__buf top = ITSMA__BUF_INIT, bottom = ITSMA__BUF_INIT;
	double result = sr ? sr->achievement : r->compliance[ITSMA_MODEL_DEFAULT];

	/* the children: own requirements, then sub-sections (or the top-level sections) */
	for (k = 0; s && k < s->req_count; k++) {
		const itsma_requirement_result *q = itsma__result_requirement_entry(r, s->reqs[k]);
		if (!q || q->status == ITSMA_STATUS_EXCLUDED)
			continue;
		if (terms++)
			itsma__buf_puts(&top, " + "), itsma__buf_puts(&bottom, " + ");
		if (weighted) {
			num(&top, q->req->weight);
			itsma__buf_puts(&top, " x ");
			num(&bottom, q->req->weight);
			total += q->req->weight * q->achievement;
		} else {
			total += q->achievement;
		}
		num(&top, q->achievement);
	}
	for (t = 0; t < (s ? s->child_count : itsma__result_top_count(r)); t++) {
		const itsma_section *c = s ? s->children[t] : itsma__result_top_at(r, t);
		const itsma_section_result *cr = itsma__result_section_entry(r, c);
		if (!cr || !cr->applicable)
			continue;
		if (terms++)
			itsma__buf_puts(&top, " + "), itsma__buf_puts(&bottom, " + ");
		if (weighted) {
			num(&top, c->weight);
			itsma__buf_puts(&top, " x ");
			num(&bottom, c->weight);
			total += c->weight * cr->achievement;
		} else {
			total += cr->achievement;
		}
		num(&top, cr->achievement);
	}
	if (weighted) {
		itsma__buf_puts(b, "Arithmetic (weighted mean): (");
		itsma__buf_append(b, top.data ? top.data : "", top.len);
		itsma__buf_puts(b, ") / (");
		itsma__buf_append(b, bottom.data ? bottom.data : "", bottom.len);
		itsma__buf_puts(b, ") = ");
		num(b, total);
		itsma__buf_puts(b, " / ");
		num(b, wsum);
	} else {
		itsma__buf_printf(b,
		                  "Arithmetic: every applicable child weighs 0, so the unweighted "
		                  "mean: (");
		itsma__buf_append(b, top.data ? top.data : "", top.len);
		itsma__buf_printf(b, ") / %zu", n);
	}
	itsma__buf_puts(b, " = ");
	num(b, result);
	itsma__buf_printf(b, ", band %s.\n",
	                  itsma_letter_name(itsma_letter_from_achievement(result)));
	if (top.oom || bottom.oom)
		b->oom = 1;
	itsma__buf_free(&top);
	itsma__buf_free(&bottom);
}

/* The children of a section (or of the top level when s is NULL) and the mean. */
static void explain_mean(itsma__buf *b, const itsma_result *r, const itsma_section *s)
{
	const itsma_section_result *sr = s ? itsma__result_section_entry(r, s) : NULL;
	double wsum = sr ? sr->child_wsum : r->top_wsum;
	int all_zero = !(wsum > 0);
	size_t k, t, left_out = 0;

	itsma__buf_puts(b, "Applicable children:\n");
	for (k = 0; s && k < s->req_count; k++) {
		const itsma_requirement_result *q = itsma__result_requirement_entry(r, s->reqs[k]);
		if (!q || q->status == ITSMA_STATUS_EXCLUDED) {
			left_out++;
			continue;
		}
		child_line(b, "requirement", q->req->id, q->req->weight, q->achievement, q->letter,
		           itsma_status_name(q->status), all_zero);
	}
	for (t = 0; t < (s ? s->child_count : itsma__result_top_count(r)); t++) {
		const itsma_section *c = s ? s->children[t] : itsma__result_top_at(r, t);
		const itsma_section_result *cr = itsma__result_section_entry(r, c);
		if (!cr || !cr->applicable) {
			left_out++;
			continue;
		}
		child_line(b, "section", c->id, c->weight, cr->achievement, cr->letter, NULL,
		           all_zero);
	}
	if (left_out) {
		itsma__buf_puts(b, "Left out:\n");
		for (k = 0; s && k < s->req_count; k++) {
			const itsma_requirement_result *q =
			    itsma__result_requirement_entry(r, s->reqs[k]);
			if (q && q->status != ITSMA_STATUS_EXCLUDED)
				continue;
			itsma__term_printf(b, "  - requirement %s: excluded: ", s->reqs[k]->id);
			exclusion_words(b, itsma__result_exclusion_for(r->a, NULL, s->reqs[k]));
			itsma__buf_puts(b, ".\n");
		}
		for (t = 0; t < (s ? s->child_count : itsma__result_top_count(r)); t++) {
			const itsma_section *c = s ? s->children[t] : itsma__result_top_at(r, t);
			const itsma_section_result *cr = itsma__result_section_entry(r, c);
			if (cr && cr->applicable)
				continue;
			itsma__term_printf(b, "  - section %s: ", c->id);
			if (cr && cr->excluded) {
				itsma__buf_puts(b, "excluded: ");
				exclusion_words(b, itsma__result_exclusion_for(r->a, c, NULL));
				itsma__buf_puts(b, ".\n");
			} else {
				itsma__buf_puts(
				    b, "not applicable: no applicable requirement beneath it.\n");
			}
		}
	}
	arithmetic(b, r, s);
}

/* "  PA2.1 rated L (67.5) with current evidence: achievement 67.5, band L." and the
 * cited evidence records. */
static void explain_attribute(itsma__buf *b, const itsma_result *r, const itsma_section_result *sr,
                              int pa)
{
	const itsma_attribute_rating *ar = sr->attr_rating[pa];
	size_t k;

	itsma__buf_printf(b, "  %s ", itsma_attribute_name((itsma_attribute)pa));
	switch (sr->attr_status[pa]) {
	case ITSMA_ATTRIBUTE_STATUS_DERIVED:
		if (sr->n_shall > 0)
			itsma__buf_printf(b,
			                  "derived, the default model over the process's %zu "
			                  "applicable shall requirement%s",
			                  sr->n_shall, sr->n_shall == 1 ? "" : "s");
		else
			itsma__buf_printf(b,
			                  "derived, the default model over the process's %zu "
			                  "applicable requirement%s (it has no shall one)",
			                  sr->n_all, sr->n_all == 1 ? "" : "s");
		break;
	case ITSMA_ATTRIBUTE_STATUS_UNASSESSED:
		itsma__buf_puts(b, "unassessed (not rated), so it counts 0");
		break;
	case ITSMA_ATTRIBUTE_STATUS_UNSUPPORTED:
		itsma__buf_puts(b, "unsupported: rated ");
		written_rating(b, ar->c.letter, ar->c.value);
		itsma__buf_printf(b, " but %s; %s",
		                  ar->c.evidence_count ? "none of its cited evidence is current"
		                                       : "it cites no evidence",
		                  r->policy == ITSMA_EVIDENCE_POLICY_REQUIRED
		                      ? "under the required policy it counts 0"
		                      : "under the advisory policy it keeps its rating");
		break;
	default:
		itsma__buf_puts(b, "rated ");
		written_rating(b, ar->c.letter, ar->c.value);
		itsma__buf_puts(b, ar->c.value == 0 ? " (a rating of 0 needs no evidence)"
		                                    : " with current evidence");
		break;
	}
	itsma__buf_puts(b, ": achievement ");
	num(b, sr->attr_ach[pa]);
	itsma__buf_printf(b, ", band %s.\n", itsma_letter_name(sr->attr_letter[pa]));
	for (k = 0; ar && k < ar->c.evidence_count; k++)
		evidence_line(b, r->a, ar->c.evidence[k], "    ");
}

/* Why the capability level is what it is, and what the target asks for. */
static void explain_capability(itsma__buf *b, const itsma_result *r, const itsma_section_result *sr)
{
	int pa, k;

	itsma__buf_printf(b, "Process capability: level %d", sr->level);
	if (sr->target >= 0)
		itsma__buf_printf(b, ", target %d (%s)", sr->target,
		                  sr->level >= sr->target ? "met" : "not met");
	else
		itsma__buf_puts(b, ", no target set");
	itsma__buf_puts(b, ".\nProcess attributes (band letters of the unrounded achievements):\n");
	for (pa = 0; pa < ITSMA_ATTRIBUTE_COUNT; pa++)
		explain_attribute(b, r, sr, pa);
	for (k = 1; k <= 5; k++) {
		int first = 1;
		if (k <= sr->level) {
			itsma__buf_printf(b, "Level %d reached: ", k);
			for (pa = 0; pa < ITSMA_ATTRIBUTE_COUNT; pa++) {
				int lv = itsma_attribute_level((itsma_attribute)pa);
				if (lv != k)
					continue;
				itsma__buf_printf(b, "%s%s is %s", first ? "" : ", ",
				                  itsma_attribute_name((itsma_attribute)pa),
				                  itsma_letter_name(sr->attr_letter[pa]));
				first = 0;
			}
			itsma__buf_puts(b, k > 1 ? " (L or F), and every attribute below is F.\n"
			                         : " (L or F).\n");
			continue;
		}
		itsma__buf_printf(b, "Level %d not reached: ", k);
		for (pa = 0; pa < ITSMA_ATTRIBUTE_COUNT; pa++) {
			int lv = itsma_attribute_level((itsma_attribute)pa);
			itsma_letter l = sr->attr_letter[pa];
			if (lv < k && l != ITSMA_LETTER_F) {
				itsma__buf_printf(b, "%s%s is %s, not F", first ? "" : "; ",
				                  itsma_attribute_name((itsma_attribute)pa),
				                  itsma_letter_name(l));
				first = 0;
			} else if (lv == k && l != ITSMA_LETTER_L && l != ITSMA_LETTER_F) {
				itsma__buf_printf(b, "%s%s is %s, not L or F", first ? "" : "; ",
				                  itsma_attribute_name((itsma_attribute)pa),
				                  itsma_letter_name(l));
				first = 0;
			}
		}
		itsma__buf_puts(b, ".\n");
		break;
	}
	if (sr->target > sr->level) {
		size_t i;
		for (i = 0; i < r->cgap_count && r->cgaps[i].process != sr->sec; i++)
			;
		if (i < r->cgap_count) {
			const itsma_capability_gap *g = &r->cgaps[i];
			size_t a;
			itsma__buf_printf(b, "To reach target level %d: ", g->target);
			for (a = 0; a < g->count; a++)
				itsma__buf_printf(b, "%s%s needs %s (now %s)", a ? ", " : "",
				                  itsma_attribute_name(g->attr[a]),
				                  itsma_letter_name(g->needed[a]),
				                  itsma_letter_name(g->letter[a]));
			itsma__buf_puts(b, ".\n");
		}
	}
}

static void explain_section(itsma__buf *b, const itsma_result *r, const itsma_section_result *sr)
{
	const itsma_section *s = sr->sec;
	const itsma_section *parent = parent_in_result(r, s);

	itsma__term_printf(b, "Section %s (%s): \"%s\"\n", s->id,
	                   sr->is_process ? "a process" : "a group", s->title);
	if (parent)
		itsma__term_printf(b, "It belongs to section %s.\n", parent->id);
	else if (r->scope == s)
		itsma__buf_puts(
		    b, "It is the section this result scores alone: its achievement is the "
		       "result's default compliance.\n");
	else
		itsma__buf_puts(b, "It is a top-level section of the catalogue.\n");

	if (sr->excluded) {
		itsma__buf_puts(b, "Not applicable: ");
		exclusion_words(b, itsma__result_exclusion_for(r->a, s, NULL));
		itsma__buf_puts(
		    b, " from the assessment's scope, so the section has no figures and its "
		       "requirements count nowhere.\n");
		return;
	}
	if (!sr->applicable) {
		itsma__buf_puts(
		    b, "Not applicable: there is no applicable requirement beneath it, so it "
		       "has no figures and is left out of its parent's mean.\n");
		return;
	}
	itsma__buf_puts(b, "Achievement: ");
	num(b, sr->achievement);
	itsma__buf_printf(b,
	                  ", band %s (%s), the default model: the %s mean of its applicable "
	                  "children (its own requirements and its applicable sub-sections).\n",
	                  itsma_letter_name(sr->letter), band_range(sr->letter),
	                  sr->child_wsum > 0 ? "weighted" : "unweighted");
	explain_mean(b, r, s);
	weight_path(b, r, s, NULL, sr->weight);
	if (sr->is_process)
		explain_capability(b, r, sr);
}

/* The result as a whole (id = the catalogue's id). */
static void explain_catalogue(itsma__buf *b, const itsma_result *r)
{
	int m;

	itsma__term_printf(b, "Catalogue %s, assessment %s of %s, evidence policy %s.\n",
	                   r->cat->id, itsma_assessment_id(r->a), itsma_assessment_date(r->a),
	                   itsma_evidence_policy_name(r->policy));
	if (r->scope)
		itsma__term_printf(b,
		                   "This result scores section %s alone, as if it were the whole "
		                   "catalogue.\n",
		                   r->scope->id);
	if (isnan(r->compliance[ITSMA_MODEL_DEFAULT])) {
		itsma__buf_puts(
		    b, "No requirement is applicable, so every compliance figure is null.\n");
	} else {
		itsma__buf_puts(b, "Default compliance: ");
		num(b, r->compliance[ITSMA_MODEL_DEFAULT]);
		itsma__buf_puts(b, ", the weighted mean of the applicable top-level sections.\n");
		explain_mean(b, r, NULL);
		itsma__buf_puts(b, "Other models:");
		for (m = 1; m < ITSMA_MODEL_COUNT; m++) {
			itsma__buf_printf(b, "%s %s ", m > 1 ? "," : "",
			                  itsma_model_name((itsma_model)m));
			if (isnan(r->compliance[m]))
				itsma__buf_puts(b, "null");
			else
				num(b, r->compliance[m]);
		}
		itsma__buf_puts(b, ".\n");
	}
	itsma__buf_printf(b,
	                  "Verdict: %s (%zu major, %zu minor, %zu unassessed shall "
	                  "requirements).\n",
	                  itsma_verdict_name(r->verdict), r->tally[ITSMA_TALLY_NC_MAJOR],
	                  r->tally[ITSMA_TALLY_NC_MINOR], r->tally[ITSMA_TALLY_NC_UNASSESSED]);
}

int itsma_result_explain(char **out, const itsma_result *r, const char *id, itsma_error *err)
{
	itsma__buf b = ITSMA__BUF_INIT;
	const itsma_requirement_result *q;
	const itsma_section_result *sr;

	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_result_explain: the output pointer is NULL");
	*out = NULL;
	if (!r || !id)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_result_explain: no result or id given");
	q = itsma_result_find_requirement(r, id);
	sr = q ? NULL : itsma_result_find_section(r, id);
	if (q) {
		explain_requirement(&b, r, q);
	} else if (sr) {
		explain_section(&b, r, sr);
	} else if (strcmp(id, r->cat->id) == 0) {
		explain_catalogue(&b, r);
	} else if (itsma_catalogue_find_requirement(r->cat, id) ||
	           itsma_catalogue_find_section(r->cat, id)) {
		return itsma__error_set(
		    err, ITSMA_ENOTFOUND,
		    "\"%.64s\" lies outside section %s, which this result scores alone", id,
		    r->scope ? r->scope->id : "?");
	} else {
		return itsma__error_set(err, ITSMA_ENOTFOUND,
		                        "catalogue %s has no requirement or section \"%.64s\"",
		                        r->cat->id, id);
	}
	return itsma__buf_finish(&b, out, err);
}
