/*
 * itsma catalogue list | show ID [--format json|md] [-o FILE]
 *
 * The Markdown form is a checklist to read and tick: clause by clause, each process with
 * its purpose and framework guidance, each requirement with its obligation and the kind of
 * evidence that shows it, then the generic practices of the process attributes.
 */
#include "report.h"

#include <string.h>

static const char help[] =
	"Usage: itsma catalogue list\n"
	"       itsma catalogue show ID|FILE [--format md|json] [-o FILE]\n"
	"\n"
	"List the catalogues built into the library, or show one: as a Markdown checklist\n"
	"grouped by clause and process (the default), or as its itsma-catalogue/1 JSON, exactly\n"
	"as shipped (copy it to tailor your own catalogue).\n"
	"\n"
	"Options:\n"
	"  --format md|json   output format (default md)\n"
	"  -o, --output FILE  write to FILE instead of standard output\n"
	"  -h, --help         show this help\n"
	"\n"
	"Examples:\n"
	"  itsma catalogue list\n"
	"  itsma catalogue show iso20000-1:2018 --format md -o checklist.md\n";

enum { OPT_FORMAT, OPT_OUTPUT };
static const cli_option options[] = { { "format", 0, 1, OPT_FORMAT },
	                                  { "output", 'o', 1, OPT_OUTPUT },
	                                  { NULL, 0, 0, 0 } };

static int list(void)
{
	sb out = SB_INIT;
	size_t n = itsma_catalogue_builtin_count();
	size_t width = 2;
	for (size_t i = 0; i < n; i++) {
		size_t w = strlen(itsma_catalogue_builtin_id(i));
		if (w > width)
			width = w;
	}
	for (size_t i = 0; i < n; i++) {
		itsma_catalogue *cat = NULL;
		itsma_error err = ITSMA_ERROR_INIT;
		const char *id = itsma_catalogue_builtin_id(i);
		sb_printf(&out, "%-*s  %s", (int)width, id, itsma_catalogue_builtin_title(i));
		if (itsma_catalogue_builtin(&cat, id, &err) == 0) {
			sb_printf(&out, " (%zu requirements, %zu processes)",
			          itsma_catalogue_requirement_count(cat), itsma_catalogue_process_count(cat));
			itsma_catalogue_free(cat);
		}
		sb_putc(&out, '\n');
	}
	int rc = cli_write_output(NULL, sb_str(&out), out.len);
	sb_free(&out);
	return rc;
}

static void heading(sb *out, size_t depth)
{
	size_t level = depth + 2;
	if (level > 6)
		level = 6;
	sb_repeat(out, "#", level);
	sb_putc(out, ' ');
}

static void section_guidance(sb *out, const itsma_catalogue *cat, const itsma_section *s)
{
	size_t n = itsma_catalogue_guidance_source_count(cat);
	int any = 0;
	for (size_t i = 0; i < n; i++) {
		const char *key = itsma_catalogue_guidance_source_key(cat, i);
		size_t m = itsma_section_guidance_count(s, key);
		if (m == 0)
			continue;
		sb_puts(out, any ? "; " : "Guidance: ");
		any = 1;
		md_escape(out, itsma_catalogue_guidance_source_name(cat, i));
		sb_puts(out, " ");
		for (size_t j = 0; j < m; j++) {
			if (j)
				sb_puts(out, ", ");
			md_escape(out, itsma_section_guidance_at(s, key, j));
		}
	}
	if (any)
		sb_puts(out, ".\n\n");
}

static void requirement_item(sb *out, const itsma_requirement *q)
{
	sb_printf(out, "- [ ] `%s` ", itsma_requirement_id(q));
	md_escape(out, itsma_requirement_text(q));
	sb_printf(out, " *(%s", itsma_requirement_obligation(q) == ITSMA_SHALL ? "shall" : "should");
	size_t h = itsma_requirement_evidence_hint_count(q);
	for (size_t i = 0; i < h; i++) {
		sb_puts(out, i ? ", " : "; evidence: ");
		md_escape(out, itsma_requirement_evidence_hint_at(q, i));
	}
	sb_puts(out, ")*\n");
}

static void section_md(sb *out, const itsma_catalogue *cat, const itsma_section *s)
{
	heading(out, itsma_section_depth(s));
	const char *clause = itsma_section_clause(s);
	if (clause) {
		md_escape(out, clause);
		sb_putc(out, ' ');
	}
	md_escape(out, itsma_section_title(s));
	if (itsma_section_kind_of(s) == ITSMA_SECTION_PROCESS)
		sb_puts(out, " (process)");
	sb_puts(out, "\n\n");
	if (itsma_section_purpose(s)) {
		sb_puts(out, "*Purpose:* ");
		md_escape(out, itsma_section_purpose(s));
		sb_puts(out, "\n\n");
	}
	section_guidance(out, cat, s);
	size_t n = itsma_section_requirement_count(s);
	for (size_t i = 0; i < n; i++)
		requirement_item(out, itsma_section_requirement_at(s, i));
	if (n)
		sb_putc(out, '\n');
	size_t c = itsma_section_child_count(s);
	for (size_t i = 0; i < c; i++)
		section_md(out, cat, itsma_section_child_at(s, i));
}

static void catalogue_md(sb *out, const itsma_catalogue *cat)
{
	size_t nreq = itsma_catalogue_requirement_count(cat), shall = 0;
	for (size_t i = 0; i < nreq; i++)
		if (itsma_requirement_obligation(itsma_catalogue_requirement_at(cat, i)) == ITSMA_SHALL)
			shall++;

	sb_puts(out, "# ");
	md_escape(out, itsma_catalogue_title(cat));
	sb_printf(out, "\n\nCatalogue `%s`", itsma_catalogue_id(cat));
	if (itsma_catalogue_version(cat)) {
		sb_puts(out, ", version ");
		md_escape(out, itsma_catalogue_version(cat));
	}
	if (itsma_catalogue_publisher(cat)) {
		sb_puts(out, ", published by ");
		md_escape(out, itsma_catalogue_publisher(cat));
	}
	sb_puts(out, ".");
	if (itsma_catalogue_source(cat)) {
		sb_puts(out, " Source: ");
		md_escape(out, itsma_catalogue_source(cat));
		sb_puts(out, ".");
	}
	sb_puts(out, "\n\n");
	if (itsma_catalogue_description(cat)) {
		md_escape(out, itsma_catalogue_description(cat));
		sb_puts(out, "\n\n");
	}
	sb_printf(out,
	          "%zu requirements: %zu *shall* (needed for conformity) and %zu *should* "
	          "(recommended practice), in %zu sections with %zu processes. ",
	          nreq, shall, nreq - shall, itsma_catalogue_section_count(cat),
	          itsma_catalogue_process_count(cat));
	if (itsma_catalogue_exclusions(cat) == ITSMA_EXCLUSIONS_FORBIDDEN)
		sb_puts(out, "No requirement may be excluded from the scope.\n\n");
	else
		sb_puts(out, "Parts that do not apply may be excluded from an assessment's scope, "
		             "with a reason.\n\n");
	sb_puts(out, "Tick a box when the activity is done and you can show the evidence named "
	             "beside it.\n\n");

	size_t top = itsma_catalogue_top_count(cat);
	for (size_t i = 0; i < top; i++)
		section_md(out, cat, itsma_catalogue_top_at(cat, i));

	size_t gp = itsma_catalogue_generic_practice_count(cat);
	if (gp) {
		sb_puts(out, "## Process attributes: generic practices\n\n");
		sb_puts(out, "Each process is also rated on these attributes (ISO/IEC 33020 style). "
		             "Process performance (PA1.1) is derived from the process's requirements; "
		             "a process reaches capability level k when the attributes of level k are "
		             "largely or fully achieved and those below it fully.\n\n");
		const char *last = "";
		for (size_t i = 0; i < gp; i++) {
			const char *attr = itsma_catalogue_generic_practice_attribute(cat, i);
			if (strcmp(attr, last) != 0) {
				itsma_attribute a;
				itsma_error err = ITSMA_ERROR_INIT;
				const char *title = itsma_attribute_parse(&a, attr, 1, &err) == 0 ? attribute_title(a) : "";
				if (i)
					sb_putc(out, '\n');
				sb_printf(out, "### %s %s (level %c)\n\n", attr, title, attr[2]);
				last = attr;
			}
			sb_printf(out, "- [ ] `%s` ", itsma_catalogue_generic_practice_id(cat, i));
			md_escape(out, itsma_catalogue_generic_practice_text(cat, i));
			sb_putc(out, '\n');
		}
	}
}

static int show(const char *id, const char *format, const char *output)
{
	itsma_catalogue *cat = NULL;
	int rc = cli_load_catalogue(&cat, id);
	if (rc)
		return rc;
	sb out = SB_INIT;
	if (strcmp(format, "json") == 0) {
		/* a built-in catalogue exactly as shipped; a file as the library writes it */
		const char *text = NULL;
		size_t len = 0;
		if (!strchr(id, '/') && strcmp(id, "-") != 0) { /* a built-in id means the built-in */
			for (size_t i = 0; i < itsma_catalogue_builtin_count(); i++)
				if (strcmp(itsma_catalogue_builtin_id(i), id) == 0)
					text = itsma_catalogue_builtin_json(i, &len);
		}
		if (text) {
			sb_putn(&out, text, len);
		} else {
			char *json = NULL;
			itsma_error err = ITSMA_ERROR_INIT;
			if (itsma_catalogue_to_json(&json, cat, &err) < 0) {
				cli_print_error(&err);
				itsma_catalogue_free(cat);
				return CLI_INVALID;
			}
			sb_puts(&out, json);
			itsma_free(json);
		}
	} else {
		catalogue_md(&out, cat);
	}
	rc = cli_write_output(output, sb_str(&out), out.len);
	sb_free(&out);
	itsma_catalogue_free(cat);
	return rc;
}

int cmd_catalogue(int argc, char **argv)
{
	cli_args a;
	int id, kind;
	const char *value, *sub = NULL, *name = NULL, *format = "md", *output = NULL;
	const char **const operands[] = { &sub, &name };
	cli_args_init(&a, "catalogue", help, argc, argv);
	cli_args_operands(&a, operands, 2);
	while ((kind = cli_args_next(&a, options, &id, &value)) == CLI_ARG_OPTION) {
		if (id == OPT_FORMAT) {
			if (strcmp(value, "md") != 0 && strcmp(value, "json") != 0)
				return cli_usage_error("catalogue", "--format must be md or json, not '%s'", value);
			format = value;
		} else if (id == OPT_OUTPUT) {
			output = value;
		}
	}
	if (kind != CLI_ARG_END)
		return cli_args_exit(kind);
	if (!sub)
		return cli_usage_error("catalogue", "say 'list' or 'show ID'");
	if (strcmp(sub, "list") == 0) {
		if (name)
			return cli_usage_error("catalogue", "'list' takes no argument");
		return list();
	}
	if (strcmp(sub, "show") == 0) {
		if (!name)
			return cli_usage_error("catalogue", "'show' needs a catalogue id or file");
		return show(name, format, output);
	}
	return cli_usage_error("catalogue", "unknown subcommand '%s' (say 'list' or 'show')", sub);
}
