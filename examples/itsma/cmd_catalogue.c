/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma catalogue list | show ID [--format md|text|json] [--weights] [-o FILE] | lint ID
 *
 * The Markdown form is a checklist to read and tick: clause by clause, each process with
 * its purpose and framework guidance, each requirement with its obligation, list item,
 * basis, effective weight, the kind of evidence that shows it and how an auditor tests it,
 * then the generic practices of the process attributes. `--weights` shows every
 * requirement's effective weight instead; `lint` checks a catalogue against the authoring
 * rules (the library's itsma_catalogue_lint()).
 */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
	"Usage: itsma catalogue list\n"
	"       itsma catalogue show ID|FILE [--format md|text|json] [--weights] [-o FILE]\n"
	"       itsma catalogue lint ID|FILE [--clauses FILE] [--skip KIND[,KIND...]]\n"
	"\n"
	"List the catalogues built into the library, or show one: as a Markdown checklist\n"
	"grouped by clause and process (the default), as plain text, or as its\n"
	"itsma-catalogue/1 JSON, exactly as shipped (copy it to tailor your own catalogue).\n"
	"With --weights, show each requirement's effective weight: its share of the overall\n"
	"compliance figure when everything applies (text, md, or json).\n"
	"\n"
	"'lint' checks a catalogue against the authoring rules of docs/catalogues.md and prints\n"
	"one line per problem, 'message [KIND]'; it exits with 1 when there is any.\n"
	"Kinds: shall-basis, shall-verify, good-practice-shall, weight, no-guidance,\n"
	"shall-in-text, duplicate-text, id-form, missing-clause. The clause tree is checked\n"
	"against --clauses FILE (one clause per line, the first tab-separated column), or\n"
	"for a built-in catalogue against the clause list shipped with it.\n"
	"\n"
	"Options:\n"
	"  --format md|text|json  output format of 'show' (default md)\n"
	"  --weights              show effective weights\n"
	"  --clauses FILE         'lint': clauses the catalogue must have\n"
	"  --skip KINDS           'lint': kinds of problem not to check (comma-separated)\n"
	"  -o, --output FILE      write to FILE instead of standard output\n"
	"  -h, --help             show this help\n"
	"\n"
	"Examples:\n"
	"  itsma catalogue list\n"
	"  itsma catalogue show iso20000-1:2018 --format md -o checklist.md\n"
	"  itsma catalogue show iso20000-1:2018 --weights\n"
	"  itsma catalogue lint my-catalogue.json --clauses my-clauses.tsv\n";

enum { OPT_FORMAT, OPT_OUTPUT, OPT_WEIGHTS, OPT_CLAUSES, OPT_SKIP };
static const cli_option options[] = { { "format", 0, 1, OPT_FORMAT },
	                                  { "output", 'o', 1, OPT_OUTPUT },
	                                  { "weights", 0, 0, OPT_WEIGHTS },
	                                  { "clauses", 0, 1, OPT_CLAUSES },
	                                  { "skip", 0, 1, OPT_SKIP },
	                                  { NULL, 0, 0, 0 } };

/* Text for a terminal: control characters (C0, DEL, C1) become '?'. */
static void plain(sb *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			sb_putc(out, '?');
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			sb_putc(out, '?');
			p++;
		} else
			sb_putc(out, (char)*p);
	}
}

/* Every requirement's effective weight (catalogue order); exits on failure. */
static double *effective_weights(const itsma_catalogue *cat)
{
	size_t n = itsma_catalogue_requirement_count(cat);
	double *w = xcalloc(n ? n : 1, sizeof *w);
	itsma_error err = ITSMA_ERROR_INIT;
	if (itsma_catalogue_effective_weights(w, n, cat, &err) < 0) {
		cli_print_error(&err);
		exit(CLI_INVALID);
	}
	return w;
}

/* An effective weight as a percentage of the whole: "0.312%". */
static const char *fmt_share(char *buf, double w)
{
	double pct = w * 100;
	int decimals = pct >= 10 ? 1 : pct >= 1 ? 2 : 3;
	fmt_num(buf, pct, decimals);
	strcat(buf, "%");
	return buf;
}

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

static const char *obligation_word(const itsma_requirement *q)
{
	return itsma_obligation_name(itsma_requirement_obligation(q));
}

static void requirement_item(sb *out, const itsma_requirement *q, const double *eff)
{
	char buf[64];
	sb_printf(out, "- [ ] `%s` ", itsma_requirement_id(q));
	md_escape(out, itsma_requirement_text(q));
	sb_printf(out, " *(%s", obligation_word(q));
	if (itsma_requirement_item(q)) {
		sb_puts(out, "; item ");
		md_escape(out, itsma_requirement_item(q));
	}
	if (itsma_requirement_basis(q) != ITSMA_BASIS_UNSPECIFIED)
		sb_printf(out, "; basis %s", itsma_basis_name(itsma_requirement_basis(q)));
	sb_printf(out, "; weighs %s", fmt_share(buf, eff[itsma_requirement_index(q)]));
	size_t h = itsma_requirement_evidence_hint_count(q);
	for (size_t i = 0; i < h; i++) {
		sb_puts(out, i ? ", " : "; evidence: ");
		md_escape(out, itsma_requirement_evidence_hint_at(q, i));
	}
	sb_puts(out, ")*\n");
	if (itsma_requirement_verify(q)) {
		sb_puts(out, "  *Verify:* ");
		md_escape(out, itsma_requirement_verify(q));
		sb_putc(out, '\n');
	}
}

static void section_md(sb *out, const itsma_catalogue *cat, const itsma_section *s,
                       const double *eff)
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
		requirement_item(out, itsma_section_requirement_at(s, i), eff);
	if (n)
		sb_putc(out, '\n');
	size_t c = itsma_section_child_count(s);
	for (size_t i = 0; i < c; i++)
		section_md(out, cat, itsma_section_child_at(s, i), eff);
}

static void catalogue_md(sb *out, const itsma_catalogue *cat)
{
	size_t nreq = itsma_catalogue_requirement_count(cat), shall = 0;
	for (size_t i = 0; i < nreq; i++)
		if (itsma_requirement_obligation(itsma_catalogue_requirement_at(cat, i)) == ITSMA_OBLIGATION_SHALL)
			shall++;

	sb_puts(out, "# ");
	md_escape(out, itsma_catalogue_title(cat));
	sb_printf(out, "\n\nCatalogue `%s`", itsma_catalogue_id(cat));
	if (itsma_catalogue_version(cat)) {
		sb_puts(out, ", version ");
		md_escape(out, itsma_catalogue_version(cat));
	}
	if (itsma_catalogue_revision(cat))
		sb_printf(out, ", content revision %d", itsma_catalogue_revision(cat));
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

	sb_puts(out, "Each requirement shows its effective weight: its share of the overall "
	             "compliance figure when everything applies.\n\n");

	double *eff = effective_weights(cat);
	size_t top = itsma_catalogue_top_count(cat);
	for (size_t i = 0; i < top; i++)
		section_md(out, cat, itsma_catalogue_top_at(cat, i), eff);
	free(eff);

	size_t gp = itsma_catalogue_generic_practice_count(cat);
	if (gp) {
		sb_puts(out, "## Process attributes: generic practices\n\n");
		sb_puts(out, "Each process is also rated on these attributes (ISO/IEC 33020 style). "
		             "Process performance (PA1.1) is derived from the process's requirements; "
		             "a process reaches capability level k when the attributes of level k are "
		             "largely or fully achieved and those below it fully.\n\n");
		itsma_attribute last = ITSMA_ATTRIBUTE_COUNT;
		for (size_t i = 0; i < gp; i++) {
			itsma_attribute attr = itsma_catalogue_generic_practice_attribute(cat, i);
			if (attr != last) {
				if (i)
					sb_putc(out, '\n');
				sb_printf(out, "### %s %s (level %d)\n\n", itsma_attribute_name(attr),
				          itsma_attribute_title(attr), itsma_attribute_level(attr));
				last = attr;
			}
			sb_printf(out, "- [ ] `%s` ", itsma_catalogue_generic_practice_id(cat, i));
			md_escape(out, itsma_catalogue_generic_practice_text(cat, i));
			sb_putc(out, '\n');
		}
	}
}

static void section_text(sb *out, const itsma_section *s, const double *eff)
{
	char buf[64];
	size_t depth = itsma_section_depth(s);
	sb_repeat(out, "  ", depth);
	if (itsma_section_clause(s)) {
		plain(out, itsma_section_clause(s));
		sb_putc(out, ' ');
	}
	plain(out, itsma_section_title(s));
	if (itsma_section_kind_of(s) == ITSMA_SECTION_PROCESS)
		sb_puts(out, " (process)");
	sb_putc(out, '\n');
	size_t n = itsma_section_requirement_count(s);
	for (size_t i = 0; i < n; i++) {
		const itsma_requirement *q = itsma_section_requirement_at(s, i);
		sb_repeat(out, "  ", depth + 1);
		plain(out, itsma_requirement_id(q));
		sb_printf(out, " [%s", obligation_word(q));
		if (itsma_requirement_item(q)) {
			sb_puts(out, ", item ");
			plain(out, itsma_requirement_item(q));
		}
		if (itsma_requirement_basis(q) != ITSMA_BASIS_UNSPECIFIED)
			sb_printf(out, ", %s", itsma_basis_name(itsma_requirement_basis(q)));
		sb_printf(out, ", weighs %s] ", fmt_share(buf, eff[itsma_requirement_index(q)]));
		plain(out, itsma_requirement_text(q));
		sb_putc(out, '\n');
		if (itsma_requirement_verify(q)) {
			sb_repeat(out, "  ", depth + 2);
			sb_puts(out, "verify: ");
			plain(out, itsma_requirement_verify(q));
			sb_putc(out, '\n');
		}
	}
	size_t c = itsma_section_child_count(s);
	for (size_t i = 0; i < c; i++)
		section_text(out, itsma_section_child_at(s, i), eff);
}

static void catalogue_text(sb *out, const itsma_catalogue *cat)
{
	plain(out, itsma_catalogue_title(cat));
	sb_puts(out, "\nCatalogue ");
	plain(out, itsma_catalogue_id(cat));
	if (itsma_catalogue_version(cat)) {
		sb_puts(out, ", version ");
		plain(out, itsma_catalogue_version(cat));
	}
	if (itsma_catalogue_revision(cat))
		sb_printf(out, ", content revision %d", itsma_catalogue_revision(cat));
	sb_printf(out, ": %zu requirements. Weights are shares of the overall figure.\n\n",
	          itsma_catalogue_requirement_count(cat));
	double *eff = effective_weights(cat);
	for (size_t i = 0; i < itsma_catalogue_top_count(cat); i++)
		section_text(out, itsma_catalogue_top_at(cat, i), eff);
	free(eff);
}

/* The --weights view: one row per requirement, in catalogue order. */
static void weights_view(sb *out, const itsma_catalogue *cat, const char *format)
{
	size_t n = itsma_catalogue_requirement_count(cat);
	double *eff = effective_weights(cat);
	char a[64], b[64];
	int json = strcmp(format, "json") == 0, md = strcmp(format, "md") == 0;

	if (json) {
		sb_puts(out, "{\n  \"catalogue\": ");
		json_escape(out, itsma_catalogue_id(cat));
		if (itsma_catalogue_revision(cat))
			sb_printf(out, ",\n  \"revision\": %d", itsma_catalogue_revision(cat));
		sb_puts(out, ",\n  \"model\": \"default\",\n  \"requirements\": [");
	} else if (md) {
		sb_puts(out, "# Effective weights: ");
		md_escape(out, itsma_catalogue_title(cat));
		sb_puts(out, "\n\nEach requirement's share of the overall compliance figure (default model, "
		             "everything applicable).\n\n| Requirement | Obligation | Weight | Effective weight |\n"
		             "|---|---|---:|---:|\n");
	} else {
		sb_puts(out, "Effective weights of ");
		plain(out, itsma_catalogue_id(cat));
		sb_puts(out, ": shares of the overall figure, default model, everything applicable\n\n");
		sb_printf(out, "%-16s %-10s %8s %10s\n", "REQUIREMENT", "OBLIGATION", "WEIGHT", "EFFECTIVE");
	}
	for (size_t i = 0; i < n; i++) {
		const itsma_requirement *q = itsma_catalogue_requirement_at(cat, i);
		const char *id = itsma_requirement_id(q);
		double w = itsma_requirement_weight(q);
		if (json) {
			sb_puts(out, i ? ",\n    { \"id\": " : "\n    { \"id\": ");
			json_escape(out, id);
			sb_printf(out, ", \"obligation\": \"%s\", \"weight\": %.15g, \"effective_weight\": %.15g }",
			          obligation_word(q), w, eff[i]);
		} else if (md) {
			sb_printf(out, "| `%s` | %s | %s | %s |\n", id, obligation_word(q), fmt_num(a, w, 4),
			          fmt_share(b, eff[i]));
		} else {
			sb_printf(out, "%-16s %-10s %8s %10s\n", id, obligation_word(q), fmt_num(a, w, 4),
			          fmt_share(b, eff[i]));
		}
	}
	if (json)
		sb_puts(out, n ? "\n  ]\n}\n" : "]\n}\n");
	free(eff);
}

/* The index of the built-in catalogue an argument names, or -1 (a file, or unknown). */
static long builtin_index(const char *id)
{
	if (cli_is_file(id))
		return -1;
	for (size_t i = 0; i < itsma_catalogue_builtin_count(); i++)
		if (strcmp(itsma_catalogue_builtin_id(i), id) == 0)
			return (long)i;
	return -1;
}

static int show(const char *id, const char *format, int weights, const char *output)
{
	itsma_catalogue *cat = NULL;
	int rc = cli_load_catalogue(&cat, id);
	if (rc)
		return rc;
	sb out = SB_INIT;
	if (weights) {
		weights_view(&out, cat, format);
	} else if (strcmp(format, "json") == 0) {
		/* a built-in catalogue exactly as shipped; a file as the library writes it */
		const char *text = NULL;
		size_t len = 0;
		if (!strchr(id, '/') && strcmp(id, "-") != 0) { /* a built-in id means the built-in */
			for (size_t i = 0; i < itsma_catalogue_builtin_count(); i++)
				if (strcmp(itsma_catalogue_builtin_id(i), id) == 0)
					text = itsma_catalogue_builtin_json(&len, i);
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
	} else if (strcmp(format, "text") == 0) {
		catalogue_text(&out, cat);
	} else {
		catalogue_md(&out, cat);
	}
	rc = cli_write_output(output, sb_str(&out), out.len);
	sb_free(&out);
	itsma_catalogue_free(cat);
	return rc;
}

/* ---- lint ---------------------------------------------------------------------------------- */

/* The clauses of a clause list: the first tab-separated column of each non-empty line that
 * does not start with '#'. Strings are malloc'd into *out. */
static size_t parse_clauses(const char *text, size_t len, char ***out)
{
	size_t n = 0, cap = 0;
	char **v = NULL;
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *stop = eol ? eol : end;
		const char *tab = memchr(p, '\t', (size_t)(stop - p));
		const char *col = tab ? tab : stop;
		while (col > p && (col[-1] == '\r' || col[-1] == ' '))
			col--;
		if (col > p && *p != '#') {
			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				v = xrealloc(v, cap * sizeof *v);
			}
			v[n++] = xstrndup(p, (size_t)(col - p));
		}
		p = eol ? eol + 1 : end;
	}
	*out = v;
	return n;
}

static int lint_line(itsma_lint_kind kind, const char *subject, const char *message, void *payload)
{
	sb *out = payload;
	(void)subject; /* every message names it first */
	plain(out, message);
	sb_printf(out, " [%s]\n", itsma_lint_kind_name(kind));
	return 0;
}

static int parse_skip(const char *text, unsigned int *skip)
{
	char *copy = xstrdup(text), *save = NULL;
	int rc = CLI_OK;
	for (char *k = strtok_r(copy, ",", &save); k; k = strtok_r(NULL, ",", &save)) {
		itsma_lint_kind kind;
		if (itsma_lint_kind_parse(&kind, k, NULL) < 0) {
			rc = cli_usage_error("catalogue", "--skip: unknown kind '%s' (see --help)", k);
			break;
		}
		*skip |= 1u << kind;
	}
	free(copy);
	return rc;
}

static int lint(const char *id, const char *clauses_file, const char *skip, const char *output)
{
	itsma_catalogue *cat = NULL;
	itsma_lint_options o = ITSMA_LINT_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	char **clauses = NULL;
	size_t nclauses = 0, count = 0;
	int rc;

	if (skip && (rc = parse_skip(skip, &o.skip)) != CLI_OK)
		return rc;
	if ((rc = cli_load_catalogue(&cat, id)) != CLI_OK)
		return rc;
	if (clauses_file) {
		char *data = NULL;
		size_t len = 0;
		if (cli_read_file(clauses_file, &data, &len) < 0) {
			itsma_catalogue_free(cat);
			return CLI_INVALID;
		}
		nclauses = parse_clauses(data, len, &clauses);
		free(data);
	} else {
		long b = builtin_index(id);
		size_t len = 0;
		const char *text = b >= 0 ? itsma_catalogue_builtin_clauses(&len, (size_t)b) : NULL;
		if (text)
			nclauses = parse_clauses(text, len, &clauses);
	}
	o.clauses = (const char *const *)clauses;
	o.clause_count = nclauses;
	sb out = SB_INIT;
	rc = itsma_catalogue_lint(&count, cat, &o, lint_line, &out, &err);
	if (rc < 0) {
		cli_print_error(&err);
		rc = CLI_INVALID;
	} else {
		rc = cli_write_output(output, sb_str(&out), out.len);
		if (rc == CLI_OK) {
			fprintf(stderr, "%s: %zu problem%s in %zu requirements%s\n", id, count, count == 1 ? "" : "s",
			        itsma_catalogue_requirement_count(cat),
			        nclauses ? "" : " (no clause list: the clause tree was not checked)");
			rc = count ? CLI_INVALID : CLI_OK;
		}
	}
	sb_free(&out);
	for (size_t i = 0; i < nclauses; i++)
		free(clauses[i]);
	free(clauses);
	itsma_catalogue_free(cat);
	return rc;
}

int cmd_catalogue(int argc, char **argv)
{
	cli_args a;
	int id, kind;
	const char *value, *sub = NULL, *name = NULL, *format = "md", *output = NULL;
	const char *clauses = NULL, *skip = NULL;
	int weights = 0;
	const char **const operands[] = { &sub, &name };
	cli_args_init(&a, "catalogue", help, argc, argv);
	cli_args_operands(&a, operands, 2);
	while ((kind = cli_args_next(&a, options, &id, &value)) == CLI_ARG_OPTION) {
		if (id == OPT_FORMAT) {
			if (strcmp(value, "md") != 0 && strcmp(value, "json") != 0 && strcmp(value, "text") != 0)
				return cli_usage_error("catalogue", "--format must be md, text or json, not '%s'", value);
			format = value;
		} else if (id == OPT_OUTPUT) {
			output = value;
		} else if (id == OPT_WEIGHTS) {
			weights = 1;
		} else if (id == OPT_CLAUSES) {
			clauses = value;
		} else if (id == OPT_SKIP) {
			skip = value;
		}
	}
	if (kind != CLI_ARG_END)
		return cli_args_exit(kind);
	if (!sub)
		return cli_usage_error("catalogue", "say 'list', 'show ID' or 'lint ID'");
	if (strcmp(sub, "list") == 0) {
		if (name)
			return cli_usage_error("catalogue", "'list' takes no argument");
		return list();
	}
	if (strcmp(sub, "show") == 0) {
		if (!name)
			return cli_usage_error("catalogue", "'show' needs a catalogue id or file");
		if (clauses || skip)
			return cli_usage_error("catalogue", "--clauses and --skip belong to 'lint'");
		return show(name, format, weights, output);
	}
	if (strcmp(sub, "lint") == 0) {
		if (!name)
			return cli_usage_error("catalogue", "'lint' needs a catalogue id or file");
		if (weights)
			return cli_usage_error("catalogue", "--weights belongs to 'show'");
		return lint(name, clauses, skip, output);
	}
	return cli_usage_error("catalogue", "unknown subcommand '%s' (say 'list', 'show' or 'lint')", sub);
}
