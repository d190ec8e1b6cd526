/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma catalogue list | show ID [--format md|text|json] [--weights] [-o FILE] | lint ID
 *
 * The checklist and the weights table are rendered by the library
 * (itsma_catalogue_render_string(), itsma_catalogue_weights_to_json()); `lint` is the
 * library's itsma_catalogue_lint(), with the clause list shipped with a built-in catalogue.
 */
#include "cli.h"

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

/* The line of `catalogue list` for each built-in catalogue. */
static int list(void)
{
	size_t n = itsma_catalogue_builtin_count(), width = 2;
	for (size_t i = 0; i < n; i++)
		if (strlen(itsma_catalogue_builtin_id(i)) > width)
			width = strlen(itsma_catalogue_builtin_id(i));
	for (size_t i = 0; i < n; i++) {
		itsma_catalogue *cat = NULL;
		const char *id = itsma_catalogue_builtin_id(i);
		printf("%-*s  %s", (int)width, id, itsma_catalogue_builtin_title(i));
		if (itsma_catalogue_builtin(&cat, id, NULL) == 0)
			printf(" (%zu requirements, %zu processes)",
			       itsma_catalogue_requirement_count(cat),
			       itsma_catalogue_process_count(cat));
		itsma_catalogue_free(cat);
		putchar('\n');
	}
	return fflush(stdout) == 0 ? CLI_OK : CLI_INVALID;
}

/* The index of the built-in catalogue with that id, or -1. */
static long builtin_index(const char *id)
{
	for (size_t i = 0; i < itsma_catalogue_builtin_count(); i++)
		if (strcmp(itsma_catalogue_builtin_id(i), id) == 0)
			return (long)i;
	return -1;
}

static int show(const char *id, const char *format, int weights, const char *output)
{
	itsma_catalogue *cat = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	char *text = NULL;
	size_t len = 0;
	int rc = cli_load_catalogue(&cat, id);
	long b = strchr(id, '/') ? -1 : builtin_index(id); /* a built-in id means the built-in */
	if (rc != CLI_OK)
		return rc;
	if (strcmp(format, "json") == 0 && weights) {
		rc = itsma_catalogue_weights_to_json(&text, cat, &err);
	} else if (strcmp(format, "json") == 0 && b >= 0) {
		const char *shipped =
		    itsma_catalogue_builtin_json(&len, (size_t)b); /* exactly as shipped */
		itsma_catalogue_free(cat);
		return cli_write_output(output, shipped, len);
	} else if (strcmp(format, "json") == 0) {
		rc = itsma_catalogue_to_json(&text, cat, &err);
	} else {
		rc = itsma_catalogue_render_string(
		    &text, &len, cat,
		    weights ? ITSMA_CATALOGUE_VIEW_WEIGHTS : ITSMA_CATALOGUE_VIEW_CHECKLIST,
		    strcmp(format, "md") == 0 ? ITSMA_REPORT_FORMAT_MD : ITSMA_REPORT_FORMAT_TEXT,
		    &err);
	}
	itsma_catalogue_free(cat);
	return cli_emit(rc, &err, output, text, len);
}

/* ---- lint ---------------------------------------------------------------------------------- */

static int lint_line(itsma_lint_kind kind, const char *subject, const char *message, void *payload)
{
	char *shown = NULL;
	(void)subject; /* every message names it first */
	if (itsma_terminal_escape(&shown, message, NULL) < 0)
		return 1; /* out of memory: stops the lint */
	fprintf(payload, "%s [%s]\n", shown, itsma_lint_kind_name(kind));
	itsma_free(shown);
	return 0;
}

static int lint(const char *id, const char *clauses_file, const char *skip, const char *output)
{
	itsma_catalogue *cat = NULL;
	itsma_lint_options o = ITSMA_LINT_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	char **clauses = NULL, *data = NULL, *text = NULL;
	size_t len = 0, text_len = 0, count = 0;
	long b = cli_is_file(id) ? -1 : builtin_index(id);
	const char *list = b >= 0 ? itsma_catalogue_builtin_clauses(&len, (size_t)b) : NULL;
	FILE *f;
	int rc;

	if (skip && itsma_lint_kinds_parse(&o.skip, skip, &err) < 0)
		return cli_usage_error("catalogue", "--skip: %s (see --help)", err.message);
	if ((rc = cli_load_catalogue(&cat, id)) != CLI_OK)
		return rc;
	if (clauses_file && cli_read_file(clauses_file, &data, &len) != CLI_OK) {
		rc = CLI_INVALID;
		goto done;
	}
	if ((clauses_file || list) &&
	    itsma_clause_list_parse(&clauses, &o.clause_count, clauses_file ? data : list, len,
	                            &err) < 0) {
		rc = cli_fail(&err);
		goto done;
	}
	o.clauses = (const char *const *)clauses;
	if (!(f = open_memstream(&text, &text_len))) {
		perror(cli_progname);
		rc = CLI_INVALID;
		goto done;
	}
	rc = itsma_catalogue_lint(&count, cat, &o, lint_line, f, &err);
	fclose(f);
	if (rc > 0) {
		perror(cli_progname);
		rc = CLI_INVALID;
	} else if (rc < 0) {
		rc = cli_fail(&err);
	} else if ((rc = cli_write_output(output, text, text_len)) == CLI_OK) {
		fprintf(stderr, "%s: %zu problem%s in %zu requirements%s\n", id, count,
		        count == 1 ? "" : "s", itsma_catalogue_requirement_count(cat),
		        o.clause_count ? "" : " (no clause list: the clause tree was not checked)");
		rc = count ? CLI_INVALID : CLI_OK;
	}
done:
	free(text);
	itsma_free(clauses);
	itsma_free(data);
	itsma_catalogue_free(cat);
	return rc;
}

int cmd_catalogue(int argc, char **argv)
{
	static const char *const formats[] = { "md", "text", "json", NULL };
	const char *ops[2] = { NULL, NULL }, *format = NULL, *output = NULL, *clauses = NULL,
	           *skip = NULL;
	int weights = 0;
	const cli_option options[] = {
		{ "format", 0, &format, NULL },   { "output", 'o', &output, NULL },
		{ "weights", 0, NULL, &weights }, { "clauses", 0, &clauses, NULL },
		{ "skip", 0, &skip, NULL },       { NULL, 0, NULL, NULL }
	};
	int rc = cli_parse("catalogue", help, argc, argv, options, ops, 2, NULL);
	const char *sub = ops[0], *name = ops[1];
	if (rc != CLI_GO ||
	    (format && (rc = cli_one_of("catalogue", "--format", format, formats)) != CLI_GO))
		return rc;
	if (!sub)
		return cli_usage_error("catalogue", "say 'list', 'show ID' or 'lint ID'");
	if (strcmp(sub, "list") == 0)
		return name ? cli_usage_error("catalogue", "'list' takes no argument") : list();
	if (strcmp(sub, "show") == 0) {
		if (!name)
			return cli_usage_error("catalogue", "'show' needs a catalogue id or file");
		if (clauses || skip)
			return cli_usage_error("catalogue",
			                       "--clauses and --skip belong to 'lint'");
		return show(name, format ? format : "md", weights, output);
	}
	if (strcmp(sub, "lint") == 0) {
		if (!name)
			return cli_usage_error("catalogue", "'lint' needs a catalogue id or file");
		if (weights)
			return cli_usage_error("catalogue", "--weights belongs to 'show'");
		return lint(name, clauses, skip, output);
	}
	return cli_usage_error("catalogue",
	                       "unknown subcommand '%s' (say 'list', 'show' or 'lint')", sub);
}
