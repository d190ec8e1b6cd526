/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A catalogue for people to read (itsma_catalogue_render_write): the checklist, clause by
 * clause, each process with its purpose and framework guidance, each requirement with its
 * obligation, list item, basis, effective weight, the kind of evidence that shows it and how
 * an auditor tests it, then the generic practices of the process attributes; or the
 * effective weights of every requirement as a table. As Markdown or as text for a terminal.
 */
#include "internal/report.h"
#include "internal/error.h"
#include "internal/enumword.h"

#include <stdlib.h>
#include <string.h>

typedef void (*escape_fn)(itsma__buf *b, const char *s);

ITSMA__ENUM_WORDS(catalogue_view, "a catalogue view",
                  { "checklist", ITSMA_CATALOGUE_VIEW_CHECKLIST },
                  { "weights", ITSMA_CATALOGUE_VIEW_WEIGHTS })

/* Text for a terminal: control characters (C0, DEL, C1) become '?'. */
static void plain(itsma__buf *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			itsma__buf_putc(out, '?');
		} else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			itsma__buf_putc(out, '?');
			p++;
		} else {
			itsma__buf_putc(out, (char)*p);
		}
	}
}

/* An effective weight as a percentage of the whole: "0.312%". */
static const char *fmt_share(char *buf, double w)
{
	double pct = w * 100;
	itsma__fmt_num(buf, pct, pct >= 10 ? 1 : pct >= 1 ? 2 : 3);
	strcat(buf, "%");
	return buf;
}

static const char *obligation_word(const itsma_requirement *q)
{
	return itsma_obligation_name(itsma_requirement_obligation(q));
}

/* "Guidance: ITIL 4 Incident management; COBIT DSS02." for a section with guidance. */
static void section_guidance(itsma__buf *out, const itsma_catalogue *cat, const itsma_section *s)
{
	size_t n = itsma_catalogue_guidance_source_count(cat);
	int any = 0;
	for (size_t i = 0; i < n; i++) {
		const char *key = itsma_catalogue_guidance_source_key(cat, i);
		size_t m = itsma_section_guidance_count(s, key);
		if (m == 0)
			continue;
		itsma__buf_puts(out, any ? "; " : "Guidance: ");
		any = 1;
		itsma__md_escape(out, itsma_catalogue_guidance_source_name(cat, i));
		itsma__buf_putc(out, ' ');
		for (size_t j = 0; j < m; j++) {
			if (j)
				itsma__buf_puts(out, ", ");
			itsma__md_escape(out, itsma_section_guidance_at(s, key, j));
		}
	}
	if (any)
		itsma__buf_puts(out, ".\n\n");
}

static void requirement_md(itsma__buf *out, const itsma_requirement *q, const double *eff)
{
	char buf[64];
	itsma__buf_puts(out, "- [ ] ");
	itsma__md_code(out, itsma_requirement_id(q), 0);
	itsma__buf_putc(out, ' ');
	itsma__md_escape(out, itsma_requirement_text(q));
	itsma__buf_printf(out, " *(%s", obligation_word(q));
	if (itsma_requirement_item(q)) {
		itsma__buf_puts(out, "; item ");
		itsma__md_escape(out, itsma_requirement_item(q));
	}
	if (itsma_requirement_basis(q) != ITSMA_BASIS_UNSPECIFIED)
		itsma__buf_printf(out, "; basis %s", itsma_basis_name(itsma_requirement_basis(q)));
	itsma__buf_printf(out, "; weighs %s", fmt_share(buf, eff[itsma_requirement_index(q)]));
	size_t h = itsma_requirement_evidence_hint_count(q);
	for (size_t i = 0; i < h; i++) {
		itsma__buf_puts(out, i ? ", " : "; evidence: ");
		itsma__md_escape(out, itsma_requirement_evidence_hint_at(q, i));
	}
	itsma__buf_puts(out, ")*\n");
	if (itsma_requirement_verify(q)) {
		itsma__buf_puts(out, "  *Verify:* ");
		itsma__md_escape(out, itsma_requirement_verify(q));
		itsma__buf_putc(out, '\n');
	}
}

static void section_md(itsma__buf *out, const itsma_catalogue *cat, const itsma_section *s,
                       const double *eff)
{
	size_t level = itsma_section_depth(s) + 2;
	itsma__buf_repeat(out, "#", level > 6 ? 6 : level);
	itsma__buf_putc(out, ' ');
	if (itsma_section_clause(s)) {
		itsma__md_escape(out, itsma_section_clause(s));
		itsma__buf_putc(out, ' ');
	}
	itsma__md_escape(out, itsma_section_title(s));
	if (itsma_section_kind_of(s) == ITSMA_SECTION_KIND_PROCESS)
		itsma__buf_puts(out, " (process)");
	itsma__buf_puts(out, "\n\n");
	if (itsma_section_purpose(s)) {
		itsma__buf_puts(out, "*Purpose:* ");
		itsma__md_escape(out, itsma_section_purpose(s));
		itsma__buf_puts(out, "\n\n");
	}
	section_guidance(out, cat, s);
	size_t n = itsma_section_requirement_count(s);
	for (size_t i = 0; i < n; i++)
		requirement_md(out, itsma_section_requirement_at(s, i), eff);
	if (n)
		itsma__buf_putc(out, '\n');
	for (size_t i = 0; i < itsma_section_child_count(s); i++)
		section_md(out, cat, itsma_section_child_at(s, i), eff);
}

/* The generic practices of the process attributes, grouped by attribute. */
static void generic_practices_md(itsma__buf *out, const itsma_catalogue *cat)
{
	size_t gp = itsma_catalogue_generic_practice_count(cat);
	itsma_attribute last = ITSMA_ATTRIBUTE_COUNT;
	if (!gp)
		return;
	itsma__buf_puts(out,
	                "## Process attributes: generic practices\n\n"
	                "Each process is also rated on these attributes (ISO/IEC 33020 style). "
	                "Process performance (PA1.1) is derived from the process's requirements; "
	                "a process reaches capability level k when the attributes of level k are "
	                "largely or fully achieved and those below it fully.\n\n");
	for (size_t i = 0; i < gp; i++) {
		itsma_attribute attr = itsma_catalogue_generic_practice_attribute(cat, i);
		if (attr != last) {
			if (i)
				itsma__buf_putc(out, '\n');
			itsma__buf_puts(out, "### ");
			itsma__md_escape(out, itsma_attribute_name(attr));
			itsma__buf_printf(out, " %s (level %d)\n\n", itsma_attribute_title(attr),
			                  itsma_attribute_level(attr));
			last = attr;
		}
		itsma__buf_puts(out, "- [ ] ");
		itsma__md_code(out, itsma_catalogue_generic_practice_id(cat, i), 0);
		itsma__buf_putc(out, ' ');
		itsma__md_escape(out, itsma_catalogue_generic_practice_text(cat, i));
		itsma__buf_putc(out, '\n');
	}
}

static void checklist_md(itsma__buf *out, const itsma_catalogue *cat, const double *eff)
{
	size_t nreq = itsma_catalogue_requirement_count(cat), shall = 0;
	for (size_t i = 0; i < nreq; i++)
		shall += itsma_requirement_obligation(itsma_catalogue_requirement_at(cat, i)) ==
		         ITSMA_OBLIGATION_SHALL;

	itsma__buf_puts(out, "# ");
	itsma__md_escape(out, itsma_catalogue_title(cat));
	itsma__buf_puts(out, "\n\nCatalogue ");
	itsma__md_code(out, itsma_catalogue_id(cat), 0);
	if (itsma_catalogue_version(cat)) {
		itsma__buf_puts(out, ", version ");
		itsma__md_escape(out, itsma_catalogue_version(cat));
	}
	if (itsma_catalogue_revision(cat))
		itsma__buf_printf(out, ", content revision %d", itsma_catalogue_revision(cat));
	if (itsma_catalogue_publisher(cat)) {
		itsma__buf_puts(out, ", published by ");
		itsma__md_escape(out, itsma_catalogue_publisher(cat));
	}
	itsma__buf_putc(out, '.');
	if (itsma_catalogue_source(cat)) {
		itsma__buf_puts(out, " Source: ");
		itsma__md_escape(out, itsma_catalogue_source(cat));
		itsma__buf_putc(out, '.');
	}
	itsma__buf_puts(out, "\n\n");
	if (itsma_catalogue_description(cat)) {
		itsma__md_escape(out, itsma_catalogue_description(cat));
		itsma__buf_puts(out, "\n\n");
	}
	itsma__buf_printf(out,
	                  "%zu requirements: %zu *shall* (needed for conformity) and %zu *should* "
	                  "(recommended practice), in %zu sections with %zu processes. ",
	                  nreq, shall, nreq - shall, itsma_catalogue_section_count(cat),
	                  itsma_catalogue_process_count(cat));
	if (itsma_catalogue_exclusions(cat) == ITSMA_EXCLUSIONS_FORBIDDEN)
		itsma__buf_puts(out, "No requirement may be excluded from the scope.\n\n");
	else
		itsma__buf_puts(
		    out, "Parts that do not apply may be excluded from an assessment's scope, "
		         "with a reason.\n\n");
	itsma__buf_puts(out,
	                "Tick a box when the activity is done and you can show the evidence named "
	                "beside it.\n\n"
	                "Each requirement shows its effective weight: its share of the overall "
	                "compliance figure when everything applies.\n\n");
	for (size_t i = 0; i < itsma_catalogue_top_count(cat); i++)
		section_md(out, cat, itsma_catalogue_top_at(cat, i), eff);
	generic_practices_md(out, cat);
}

static void section_text(itsma__buf *out, const itsma_section *s, const double *eff)
{
	char buf[64];
	size_t depth = itsma_section_depth(s);
	itsma__buf_repeat(out, "  ", depth);
	if (itsma_section_clause(s)) {
		plain(out, itsma_section_clause(s));
		itsma__buf_putc(out, ' ');
	}
	plain(out, itsma_section_title(s));
	if (itsma_section_kind_of(s) == ITSMA_SECTION_KIND_PROCESS)
		itsma__buf_puts(out, " (process)");
	itsma__buf_putc(out, '\n');
	for (size_t i = 0; i < itsma_section_requirement_count(s); i++) {
		const itsma_requirement *q = itsma_section_requirement_at(s, i);
		itsma__buf_repeat(out, "  ", depth + 1);
		plain(out, itsma_requirement_id(q));
		itsma__buf_printf(out, " [%s", obligation_word(q));
		if (itsma_requirement_item(q)) {
			itsma__buf_puts(out, ", item ");
			plain(out, itsma_requirement_item(q));
		}
		if (itsma_requirement_basis(q) != ITSMA_BASIS_UNSPECIFIED)
			itsma__buf_printf(out, ", %s",
			                  itsma_basis_name(itsma_requirement_basis(q)));
		itsma__buf_printf(out, ", weighs %s] ",
		                  fmt_share(buf, eff[itsma_requirement_index(q)]));
		plain(out, itsma_requirement_text(q));
		itsma__buf_putc(out, '\n');
		if (itsma_requirement_verify(q)) {
			itsma__buf_repeat(out, "  ", depth + 2);
			itsma__buf_puts(out, "verify: ");
			plain(out, itsma_requirement_verify(q));
			itsma__buf_putc(out, '\n');
		}
	}
	for (size_t i = 0; i < itsma_section_child_count(s); i++)
		section_text(out, itsma_section_child_at(s, i), eff);
}

static void checklist_text(itsma__buf *out, const itsma_catalogue *cat, const double *eff)
{
	plain(out, itsma_catalogue_title(cat));
	itsma__buf_puts(out, "\nCatalogue ");
	plain(out, itsma_catalogue_id(cat));
	if (itsma_catalogue_version(cat)) {
		itsma__buf_puts(out, ", version ");
		plain(out, itsma_catalogue_version(cat));
	}
	if (itsma_catalogue_revision(cat))
		itsma__buf_printf(out, ", content revision %d", itsma_catalogue_revision(cat));
	itsma__buf_printf(out, ": %zu requirements. Weights are shares of the overall figure.\n\n",
	                  itsma_catalogue_requirement_count(cat));
	for (size_t i = 0; i < itsma_catalogue_top_count(cat); i++)
		section_text(out, itsma_catalogue_top_at(cat, i), eff);
}

/* The weights view: one row per requirement, in catalogue order. */
static void weights_table(itsma__buf *out, const itsma_catalogue *cat, int md, const double *eff)
{
	char a[64], b[64];
	if (md) {
		itsma__buf_puts(out, "# Effective weights: ");
		itsma__md_escape(out, itsma_catalogue_title(cat));
		itsma__buf_puts(
		    out, "\n\nEach requirement's share of the overall compliance figure (default "
		         "model, everything applicable).\n\n| Requirement | Obligation | Weight | "
		         "Effective weight |\n|---|---|---:|---:|\n");
	} else {
		itsma__buf_puts(out, "Effective weights of ");
		plain(out, itsma_catalogue_id(cat));
		itsma__buf_puts(
		    out,
		    ": shares of the overall figure, default model, everything applicable\n\n");
		itsma__buf_printf(out, "%-16s %-10s %8s %10s\n", "REQUIREMENT", "OBLIGATION",
		                  "WEIGHT", "EFFECTIVE");
	}
	for (size_t i = 0; i < itsma_catalogue_requirement_count(cat); i++) {
		const itsma_requirement *q = itsma_catalogue_requirement_at(cat, i);
		const char *id = itsma_requirement_id(q);
		itsma__fmt_num(a, itsma_requirement_weight(q), 4);
		fmt_share(b, eff[i]);
		if (md) {
			itsma__buf_puts(out, "| ");
			itsma__md_code(out, id, 1);
			itsma__buf_printf(out, " | %s | %s | %s |\n", obligation_word(q), a, b);
		} else {
			itsma__buf_printf(out, "%-16s %-10s %8s %10s\n", id, obligation_word(q), a,
			                  b);
		}
	}
}

int itsma__catalogue_render(itsma__buf *out, const itsma_catalogue *cat, itsma_catalogue_view view,
                            itsma_report_format format, itsma_error *err)
{
	if (!cat)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_catalogue_render_write: NULL catalogue");
	if (view != ITSMA_CATALOGUE_VIEW_CHECKLIST && view != ITSMA_CATALOGUE_VIEW_WEIGHTS)
		return itsma__error_set(err, ITSMA_EINVAL, "unknown catalogue view %d", (int)view);
	if (format != ITSMA_REPORT_FORMAT_TEXT && format != ITSMA_REPORT_FORMAT_MD)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "a catalogue is rendered as text or md, not %s",
		                        itsma_report_format_name(format));
	size_t n = itsma_catalogue_requirement_count(cat);
	double *eff = calloc(n ? n : 1, sizeof *eff);
	if (!eff)
		return itsma__error_nomem(err);
	int rc = itsma_catalogue_effective_weights(eff, n, cat, err);
	if (rc == 0) {
		if (view == ITSMA_CATALOGUE_VIEW_WEIGHTS)
			weights_table(out, cat, format == ITSMA_REPORT_FORMAT_MD, eff);
		else if (format == ITSMA_REPORT_FORMAT_MD)
			checklist_md(out, cat, eff);
		else
			checklist_text(out, cat, eff);
	}
	free(eff);
	return rc;
}
