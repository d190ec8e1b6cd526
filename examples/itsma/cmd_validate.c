/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma validate [--catalogue FILE] [-q] FILE...
 *
 * Checks catalogues, assessments and mapping sets and lists every problem found, not only
 * the first, as "file:line:column: message" or "file: /json/pointer: message". An
 * assessment (or each side of a mapping) is checked against --catalogue, else against a
 * catalogue named on the same command line whose id it names, else against the built-in
 * catalogue of that id.
 */
#include "cli.h"

#include <itsma/validate.h>

#include <stdlib.h>
#include <string.h>

static const char help[] =
	"Usage: itsma validate [--catalogue FILE] [-q] FILE...\n"
	"\n"
	"Check catalogues (itsma-catalogue/1), assessments (itsma-assessment/1) and mapping sets\n"
	"(itsma-mapping/1), told apart by their \"format\", and list every problem found, one\n"
	"per line, as 'file:line:column: message' or 'file: /json/pointer: message'.\n"
	"\n"
	"An assessment, and each side of a mapping set, is checked against the catalogue given\n"
	"with --catalogue when it has the id named, else against a catalogue file on the same\n"
	"command line with that id, else against the built-in catalogue of that id.\n"
	"\n"
	"Options:\n"
	"  --catalogue ID|FILE  check assessments (and mappings) against this catalogue\n"
	"  -q, --quiet          do not say which files are valid\n"
	"  -h, --help           show this help\n"
	"\n"
	"Exit status: 0 when every file is valid, 1 when any problem was found, 2 on a usage\n"
	"error.\n"
	"\n"
	"Example:\n"
	"  itsma validate my-catalogue.json q3.json q4.json\n"
	"  itsma validate old.json new.json old-to-new.json\n";

enum { OPT_CATALOGUE, OPT_QUIET };
static const cli_option options[] = { { "catalogue", 0, 1, OPT_CATALOGUE },
	                                  { "quiet", 'q', 0, OPT_QUIET },
	                                  { NULL, 0, 0, 0 } };

/* The files of the command line, as the catalogue resolver sees them: the catalogues
 * among them are loaded when an assessment first names an id. */
typedef struct given_files {
	const char **names;
	char **data;
	size_t *len;
	itsma_catalogue **cats; /* loaded catalogue, or NULL */
	int *tried;
	size_t n;
} given_files;

static int resolve_among_files(const itsma_catalogue **out, const char *id, void *payload)
{
	given_files *g = payload;
	for (size_t i = 0; i < g->n; i++) {
		if (!g->tried[i] && g->data[i] &&
		    itsma_document_kind_of(g->data[i], g->len[i]) == ITSMA_DOCUMENT_CATALOGUE) {
			/* an invalid catalogue serves nobody; its problems are listed when it is checked */
			if (itsma_catalogue_load_buffer(&g->cats[i], g->data[i], g->len[i], g->names[i], NULL,
			                                NULL) < 0)
				g->cats[i] = NULL;
		}
		g->tried[i] = 1;
		if (g->cats[i] && strcmp(itsma_catalogue_id(g->cats[i]), id) == 0) {
			*out = g->cats[i];
			return 0;
		}
	}
	return ITSMA_ENOTFOUND;
}

static int print_problem(const itsma_error *problem, void *payload)
{
	size_t *count = payload;
	cli_print_error(problem);
	(*count)++;
	return 0;
}

int cmd_validate(int argc, char **argv)
{
	cli_args a;
	int id, kind, quiet = 0;
	const char *value, *catalogue = NULL;
	const char **files = xcalloc((size_t)argc, sizeof *files);
	size_t nfiles = 0;
	cli_args_init(&a, "validate", help, argc, argv);
	while ((kind = cli_args_next(&a, options, &id, &value)) != CLI_ARG_END) {
		if (kind == CLI_ARG_HELP || kind == CLI_ARG_ERROR) {
			free(files);
			return cli_args_exit(kind);
		}
		if (kind == CLI_ARG_OPERAND)
			files[nfiles++] = value;
		else if (id == OPT_CATALOGUE)
			catalogue = value;
		else if (id == OPT_QUIET)
			quiet = 1;
	}
	if (nfiles == 0) {
		free(files);
		return cli_usage_error("validate", "name at least one file to check");
	}
	files[nfiles] = catalogue; /* files has argc slots: one is free */
	if (cli_stdin_once("validate", files, nfiles + 1) != CLI_OK) {
		free(files);
		return CLI_USAGE;
	}
	files[nfiles] = NULL;

	itsma_catalogue *given = NULL;
	if (catalogue && cli_load_catalogue(&given, catalogue) != CLI_OK) {
		free(files);
		return CLI_INVALID;
	}

	/* Read every file; catalogues among them serve the assessments that name their id. */
	given_files g = { files, xcalloc(nfiles, sizeof(char *)), xcalloc(nfiles, sizeof(size_t)),
		          xcalloc(nfiles, sizeof(itsma_catalogue *)), xcalloc(nfiles, sizeof(int)),
		          nfiles };
	size_t problems = 0, invalid_files = 0;
	for (size_t i = 0; i < nfiles; i++)
		if (cli_read_file(files[i], &g.data[i], &g.len[i]) < 0)
			g.data[i] = NULL;
	itsma_load_options opts = ITSMA_LOAD_OPTIONS_INIT;
	opts.resolve = resolve_among_files;
	opts.resolve_payload = &g;

	for (size_t i = 0; i < nfiles; i++) {
		size_t found = 0;
		if (!g.data[i]) {
			problems++;
			invalid_files++;
			continue;
		}
		itsma_document_kind doc = ITSMA_DOCUMENT_UNKNOWN;
		itsma_error err = ITSMA_ERROR_INIT;
		const char *name = strcmp(files[i], "-") == 0 ? "<stdin>" : files[i];
		int rc = itsma_validate_buffer_ext(&doc, g.data[i], g.len[i], name, given, &opts,
		                                   print_problem, &found, &err);
		if (rc < 0 && found == 0) {
			/* a failure that was not reported as a problem (out of memory, ...) */
			cli_print_error(&err);
			found = 1;
		}
		if (found) {
			problems += found;
			invalid_files++;
		} else if (!quiet) {
			printf("%s: valid %s\n", name,
			       doc == ITSMA_DOCUMENT_CATALOGUE ? "itsma-catalogue/1"
			       : doc == ITSMA_DOCUMENT_MAPPING ? "itsma-mapping/1"
			                                       : "itsma-assessment/1");
		}
	}
	if (problems)
		cli_warn("%zu problem%s in %zu of %zu file%s", problems, problems == 1 ? "" : "s",
		         invalid_files, nfiles, nfiles == 1 ? "" : "s");

	for (size_t i = 0; i < nfiles; i++) {
		itsma_catalogue_free(g.cats[i]);
		itsma_free(g.data[i]);
	}
	free(g.data);
	free(g.len);
	free(g.cats);
	free(g.tried);
	free(files);
	itsma_catalogue_free(given);
	return problems ? CLI_INVALID : CLI_OK;
}
