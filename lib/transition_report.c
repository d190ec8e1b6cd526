/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The transition report: what a carried assessment says about readiness for the target
 * catalogue, as text, Markdown or one self-contained HTML page. Every string from the
 * documents is escaped for its reader.
 */
#include "internal/mapping.h"
#include "internal/buf.h"
#include "internal/error.h"
#include "internal/enumword.h"
#include "itsma/result.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ITSMA__ENUM_WORDS(transition_format, "a transition report format",
                  { "text", ITSMA_TRANSITION_FORMAT_TEXT },
                  { "md", ITSMA_TRANSITION_FORMAT_MARKDOWN },
                  { "html", ITSMA_TRANSITION_FORMAT_HTML })

typedef struct out {
	itsma__buf *b;
	itsma_transition_format format;
} out;

/* Length of a C1 control (U+0080..U+009F, two bytes) or a C0/DEL control at s, else 0. */
static size_t control_at(const unsigned char *s)
{
	if (s[0] < 0x20 || s[0] == 0x7f)
		return 1;
	if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
		return 2;
	return 0;
}

/* A document string, escaped; line breaks and controls become a space or U+FFFD. */
static void put(out *o, const char *text)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	while (*s) {
		size_t c = control_at(s);
		if (c) {
			if (*s == '\n' || *s == '\r' || *s == '\t')
				itsma__buf_putc(o->b, ' ');
			else
				itsma__buf_puts(o->b, "\xef\xbf\xbd"); /* U+FFFD */
			s += c;
			continue;
		}
		if (o->format == ITSMA_TRANSITION_FORMAT_HTML) {
			switch (*s) {
			case '&': itsma__buf_puts(o->b, "&amp;"); break;
			case '<': itsma__buf_puts(o->b, "&lt;"); break;
			case '>': itsma__buf_puts(o->b, "&gt;"); break;
			case '"': itsma__buf_puts(o->b, "&quot;"); break;
			case '\'': itsma__buf_puts(o->b, "&#39;"); break;
			default: itsma__buf_putc(o->b, (char)*s);
			}
		} else if (o->format == ITSMA_TRANSITION_FORMAT_MARKDOWN &&
		           strchr("\\`*_{}[]<>#|!~&", *s)) {
			itsma__buf_putc(o->b, '\\');
			itsma__buf_putc(o->b, (char)*s);
		} else
			itsma__buf_putc(o->b, (char)*s);
		s++;
	}
}

static void heading(out *o, int level, const char *title)
{
	if (o->format == ITSMA_TRANSITION_FORMAT_HTML) {
		itsma__buf_printf(o->b, "<h%d>", level);
		put(o, title);
		itsma__buf_printf(o->b, "</h%d>\n", level);
	} else if (o->format == ITSMA_TRANSITION_FORMAT_MARKDOWN) {
		itsma__buf_printf(o->b, "\n%.*s ", level, "######");
		put(o, title);
		itsma__buf_puts(o->b, "\n\n");
	} else {
		size_t n = strlen(title);
		itsma__buf_puts(o->b, level == 1 ? "" : "\n");
		put(o, title);
		itsma__buf_putc(o->b, '\n');
		while (n--)
			itsma__buf_putc(o->b, level == 1 ? '=' : '-');
		itsma__buf_putc(o->b, '\n');
	}
}

/* A "label: value" line (value escaped). */
static void fact(out *o, const char *label, const char *value)
{
	if (o->format == ITSMA_TRANSITION_FORMAT_HTML) {
		itsma__buf_printf(o->b, "<tr><th>%s</th><td>", label);
		put(o, value);
		itsma__buf_puts(o->b, "</td></tr>\n");
	} else {
		itsma__buf_printf(
		    o->b, "%s%s: ", o->format == ITSMA_TRANSITION_FORMAT_MARKDOWN ? "- " : "  ",
		    label);
		put(o, value);
		itsma__buf_putc(o->b, '\n');
	}
}

static void list_begin(out *o)
{
	if (o->format == ITSMA_TRANSITION_FORMAT_HTML)
		itsma__buf_puts(o->b, "<ul>\n");
}

static void list_end(out *o)
{
	if (o->format == ITSMA_TRANSITION_FORMAT_HTML)
		itsma__buf_puts(o->b, "</ul>\n");
}

static void item_begin(out *o)
{
	itsma__buf_puts(o->b, o->format == ITSMA_TRANSITION_FORMAT_HTML       ? "<li>"
	                      : o->format == ITSMA_TRANSITION_FORMAT_MARKDOWN ? "- "
	                                                                      : "  - ");
}

static void item_end(out *o)
{
	itsma__buf_puts(o->b, o->format == ITSMA_TRANSITION_FORMAT_HTML ? "</li>\n" : "\n");
}

static void para(out *o, const char *text)
{
	if (o->format == ITSMA_TRANSITION_FORMAT_HTML)
		itsma__buf_puts(o->b, "<p>");
	put(o, text);
	itsma__buf_puts(o->b, o->format == ITSMA_TRANSITION_FORMAT_HTML ? "</p>\n" : "\n");
}

/* The rating as text: "L+" or "72.5". */
static void rating_text(char *buf, size_t size, itsma_letter letter, double value)
{
	if (letter != ITSMA_LETTER_NONE)
		snprintf(buf, size, "%s", itsma_letter_name(letter));
	else
		snprintf(buf, size, "%.4g", value);
}

/* Whether `value` (item `index` of section p's guidance from `key`) was listed before: by a
 * section between s and p, or earlier in p's own list. */
static int seen_below(const itsma_section *s, const itsma_section *p, const char *key,
                      const char *value, size_t index)
{
	const itsma_section *q;
	size_t g;
	for (g = 0; g < index; g++)
		if (strcmp(itsma_section_guidance_at(p, key, g), value) == 0)
			return 1;
	for (q = s; q && q != p; q = q->parent)
		for (g = 0; g < itsma_section_guidance_count(q, key); g++)
			if (strcmp(itsma_section_guidance_at(q, key, g), value) == 0)
				return 1;
	return 0;
}

/* Guidance of a section and the sections above it, "ITIL 4: Incident management; ...". */
static void guidance_line(out *o, const itsma_section *s)
{
	const itsma_catalogue *cat = s->cat;
	size_t k, g, shown = 0;
	for (k = 0; k < itsma_catalogue_guidance_source_count(cat); k++) {
		const char *key = itsma_catalogue_guidance_source_key(cat, k);
		const itsma_section *p;
		int first = 1;
		for (p = s; p; p = p->parent)
			for (g = 0; g < itsma_section_guidance_count(p, key); g++) {
				if (seen_below(s, p, key, itsma_section_guidance_at(p, key, g), g))
					continue; /* named already, by a section further down or
					             earlier here */
				if (first) {
					itsma__buf_puts(o->b, shown++ ? "; " : "");
					put(o, itsma_catalogue_guidance_source_name(cat, k));
					itsma__buf_puts(o->b, ": ");
				} else
					itsma__buf_puts(o->b, ", ");
				first = 0;
				put(o, itsma_section_guidance_at(p, key, g));
			}
	}
	if (!shown)
		itsma__buf_puts(o->b, "none in the catalogue");
}

static void summary(out *o, const itsma_assessment *a, const itsma_carry_report *rep,
                    const itsma_mapping *m, const itsma_result *res)
{
	char buf[256];
	const itsma_catalogue *cat = itsma_assessment_catalogue(a);
	if (o->format == ITSMA_TRANSITION_FORMAT_HTML)
		itsma__buf_puts(o->b, "<table>\n");
	fact(o, "Assessment", itsma_assessment_id(a));
	if (itsma_assessment_organisation(a))
		fact(o, "Organisation", itsma_assessment_organisation(a));
	snprintf(buf, sizeof buf, "%s (revision %d) to %s (revision %d)",
	         itsma_mapping_source_catalogue(m), itsma_mapping_source_revision(m),
	         itsma_catalogue_id(cat), itsma_mapping_target_revision(m));
	fact(o, "Carried", buf);
	snprintf(buf, sizeof buf, "%s (%s, %s, %s)", itsma_mapping_id(m),
	         itsma_mapping_method_name(itsma_mapping_method_of(m)),
	         itsma_mapping_rationale_name(itsma_mapping_rationale_of(m)),
	         itsma_mapping_status_name(itsma_mapping_status_of(m)));
	fact(o, "Mapping", buf);
	snprintf(buf, sizeof buf, "%.1f %%", itsma_result_compliance(res, ITSMA_MODEL_DEFAULT));
	fact(o, "Carried compliance", buf);
	fact(o, "Verdict", itsma_verdict_name(itsma_result_verdict(res)));
	snprintf(
	    buf, sizeof buf,
	    "%zu carried, %zu to review, %zu kept, %zu mapped but unrated, %zu new, %zu dropped; "
	    "%zu attribute ratings carried",
	    itsma_carry_report_status_count(rep, ITSMA_CARRY_STATUS_CARRIED),
	    itsma_carry_report_status_count(rep, ITSMA_CARRY_STATUS_REVIEW),
	    itsma_carry_report_status_count(rep, ITSMA_CARRY_STATUS_KEPT),
	    itsma_carry_report_status_count(rep, ITSMA_CARRY_STATUS_UNRATED),
	    itsma_carry_report_status_count(rep, ITSMA_CARRY_STATUS_NEW),
	    itsma_carry_report_dropped_count(rep), itsma_carry_report_attribute_count(rep));
	fact(o, "Requirements", buf);
	if (o->format == ITSMA_TRANSITION_FORMAT_HTML)
		itsma__buf_puts(o->b, "</table>\n");
}

static void review_section(out *o, const itsma_assessment *a, const itsma_carry_report *rep)
{
	size_t i, k;
	char buf[64];
	heading(o, 2, "Ratings to review");
	if (!itsma_carry_report_status_count(rep, ITSMA_CARRY_STATUS_REVIEW)) {
		para(o, "None: every carried rating comes from sources that cover its requirement "
		        "fully.");
		return;
	}
	para(o, "Carried from partial cover (capped below F) or from a cover with unrated sources: "
	        "confirm each against the new requirement.");
	list_begin(o);
	for (i = 0; i < itsma_carry_report_target_count(rep); i++) {
		const itsma_rating *r;
		if (itsma_carry_report_target_status(rep, i) != ITSMA_CARRY_STATUS_REVIEW)
			continue;
		r = itsma_assessment_find_rating(a, itsma_carry_report_target_id(rep, i));
		item_begin(o);
		put(o, itsma_carry_report_target_id(rep, i));
		rating_text(buf, sizeof buf, itsma_rating_letter(r), itsma_rating_value(r));
		itsma__buf_puts(o->b, " ");
		put(o, buf);
		itsma__buf_puts(o->b, " (");
		put(o, itsma_relationship_name(itsma_rating_carried_relationship(r)));
		itsma__buf_puts(o->b, " from ");
		for (k = 0; k < itsma_rating_carried_source_count(r); k++) {
			itsma__buf_puts(o->b, k ? ", " : "");
			put(o, itsma_rating_carried_source_at(r, k));
		}
		itsma__buf_puts(o->b, "): ");
		put(o, itsma_requirement_text(itsma_rating_requirement(r)));
		item_end(o);
	}
	list_end(o);
}

static void new_section(out *o, const itsma_assessment *a, const itsma_carry_report *rep)
{
	const itsma_catalogue *cat = itsma_assessment_catalogue(a);
	const itsma_section *last = NULL;
	size_t i;
	int open = 0;

	heading(o, 2, "New obligations to assess");
	if (!itsma_carry_report_status_count(rep, ITSMA_CARRY_STATUS_NEW)) {
		para(o, "None: every requirement has a counterpart in the source catalogue.");
		return;
	}
	for (i = 0; i < itsma_carry_report_target_count(rep); i++) {
		const itsma_requirement *r;
		const itsma_section *s;
		if (itsma_carry_report_target_status(rep, i) != ITSMA_CARRY_STATUS_NEW)
			continue;
		r = itsma_catalogue_find_requirement(cat, itsma_carry_report_target_id(rep, i));
		s = itsma_requirement_section(r);
		if (s != last) {
			char title[200];
			if (open)
				list_end(o);
			snprintf(title, sizeof title, "%s %s", s->clause ? s->clause : s->id,
			         s->title);
			heading(o, 3, title);
			if (o->format == ITSMA_TRANSITION_FORMAT_HTML)
				itsma__buf_puts(o->b, "<p class=\"guidance\">Guidance: ");
			else
				itsma__buf_puts(o->b, o->format == ITSMA_TRANSITION_FORMAT_MARKDOWN
				                          ? "*Guidance:* "
				                          : "  Guidance: ");
			guidance_line(o, s);
			itsma__buf_puts(o->b, o->format == ITSMA_TRANSITION_FORMAT_HTML ? "</p>\n"
			                                                                : "\n");
			if (o->format == ITSMA_TRANSITION_FORMAT_MARKDOWN)
				itsma__buf_putc(o->b, '\n');
			list_begin(o);
			open = 1;
			last = s;
		}
		item_begin(o);
		put(o, r->id);
		itsma__buf_puts(o->b, r->obligation == ITSMA_OBLIGATION_SHOULD ? " (should): "
		                                                               : " (shall): ");
		put(o, r->text);
		item_end(o);
	}
	if (open)
		list_end(o);
}

/* Why dropped source @p i was dropped: the note of the no-relationship map that names it. */
static void dropped_reason(out *o, const itsma_carry_report *rep, const itsma_mapping *m, size_t i)
{
	const itsma_map *map = itsma__carry_report_dropped_map(rep, m, i);
	if (!map) {
		itsma__buf_puts(o->b, ": in no requirement-level map");
		return;
	}
	itsma__buf_puts(o->b, ": marked no-relationship");
	if (map->note && *map->note) {
		itsma__buf_puts(o->b, ": ");
		put(o, map->note);
	}
}

static void id_list_section(out *o, const char *title, const char *none, const char *intro,
                            const itsma_carry_report *rep, const itsma_mapping *dropped)
{
	size_t i, n = dropped ? itsma_carry_report_dropped_count(rep)
	                      : itsma_carry_report_target_count(rep);
	size_t shown = 0;
	heading(o, 2, title);
	for (i = 0; i < n; i++)
		shown += dropped ||
		         itsma_carry_report_target_status(rep, i) == ITSMA_CARRY_STATUS_UNRATED;
	if (!shown) {
		para(o, none);
		return;
	}
	para(o, intro);
	list_begin(o);
	for (i = 0; i < n; i++) {
		if (!dropped &&
		    itsma_carry_report_target_status(rep, i) != ITSMA_CARRY_STATUS_UNRATED)
			continue;
		item_begin(o);
		put(o, dropped ? itsma_carry_report_dropped_at(rep, i)
		               : itsma_carry_report_target_id(rep, i));
		if (dropped)
			dropped_reason(o, rep, dropped, i);
		item_end(o);
	}
	list_end(o);
}

static const char html_head[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
static const char html_style[] =
    "</title>\n<style>\nbody{font-family:system-ui,sans-serif;max-width:60em;margin:2em "
    "auto;padding:0 1em;"
    "color:#222}\nth{text-align:left;padding-right:1em}\nh2{border-bottom:1px solid #ccc}\n"
    ".guidance{color:#555;font-size:90%}\n</style>\n</head>\n<body>\n";

int itsma_transition_report(char **out_text, const itsma_assessment *carried,
                            const itsma_carry_report *report, const itsma_mapping *mapping,
                            itsma_transition_format format, itsma_error *err)
{
	itsma__buf b = ITSMA__BUF_INIT;
	itsma_result *res = NULL;
	out o;
	char title[200];
	int rc;

	itsma__error_reset(err);
	if (out_text)
		*out_text = NULL;
	if (!out_text || !carried || !report || !mapping)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "out, assessment, report and mapping must not be NULL");
	if (itsma_transition_format_name(format)[0] == '\0')
		return itsma__error_set(err, ITSMA_EINVAL, "unknown transition report format %d",
		                        (int)format);
	if (itsma_carry_report_target_count(report) !=
	    itsma_catalogue_requirement_count(itsma_assessment_catalogue(carried)))
		return itsma__error_set(
		    err, ITSMA_EINVAL, "the carry report is not about this assessment's catalogue");
	if ((rc = itsma_score(&res, carried, NULL, err)) < 0)
		return rc;
	o.b = &b;
	o.format = format;
	snprintf(title, sizeof title, "Transition report: %s to %s",
	         itsma_mapping_source_catalogue(mapping),
	         itsma_catalogue_id(itsma_assessment_catalogue(carried)));
	if (format == ITSMA_TRANSITION_FORMAT_HTML) {
		itsma__buf_puts(&b, html_head);
		put(&o, title);
		itsma__buf_puts(&b, html_style);
	}
	heading(&o, 1, title);
	summary(&o, carried, report, mapping, res);
	review_section(&o, carried, report);
	new_section(&o, carried, report);
	id_list_section(
	    &o, "Mapped but not rated",
	    "None: every requirement with a counterpart was carried or kept.",
	    "These requirements have counterparts, but none of them was rated in the source "
	    "assessment: assess them.",
	    report, NULL);
	id_list_section(
	    &o, "Dropped", "Nothing: every source requirement maps to the target catalogue.",
	    "Source requirements that map to nothing in the target catalogue (their ratings "
	    "are not carried), with the mapping's reason where it gives one:",
	    report, mapping);
	if (format == ITSMA_TRANSITION_FORMAT_HTML)
		itsma__buf_puts(&b, "</body>\n</html>\n");
	itsma_result_free(res);
	return itsma__buf_finish(&b, out_text, err);
}
