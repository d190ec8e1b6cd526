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

/* A file of the command line, as the catalogue resolver sees it: a catalogue among the
 * files is loaded when an assessment first names an id. */
typedef struct given_file {
	const char *name;
	char *data; /* NULL when it could not be read */
	size_t len;
	itsma_catalogue *cat; /* loaded catalogue, or NULL */
	int tried;
} given_file;

typedef struct given_files {
	given_file *f;
	size_t n;
} given_files;

static int resolve_among_files(const itsma_catalogue **out, const char *id, void *payload)
{
	given_files *g = payload;
	for (size_t i = 0; i < g->n; i++) {
		given_file *f = &g->f[i];
		if (!f->tried && f->data &&
		    itsma_document_detect(f->data, f->len) == ITSMA_DOCUMENT_KIND_CATALOGUE &&
		    itsma_catalogue_load_buffer(&f->cat, f->data, f->len, f->name, NULL, NULL) < 0)
			f->cat = NULL; /* an invalid catalogue serves nobody; its problems are
			                  listed when it is checked */
		f->tried = 1;
		if (f->cat && strcmp(itsma_catalogue_id(f->cat), id) == 0) {
			*out = f->cat;
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
	const char *catalogue = NULL, **files = (const char **)argv;
	int quiet = 0;
	size_t nfiles = 0;
	const cli_option options[] = { { "catalogue", 0, &catalogue, NULL },
		                       { "quiet", 'q', NULL, &quiet },
		                       { NULL, 0, NULL, NULL } };
	int rc = cli_parse("validate", help, argc, argv, options, files, (size_t)argc, &nfiles);

	if (rc != CLI_GO)
		return rc;
	if (nfiles == 0)
		return cli_usage_error("validate", "name at least one file to check");
	files[nfiles] = catalogue; /* argv has room: argv[0] was no operand */
	if ((rc = cli_stdin_once("validate", files, nfiles + 1)) != CLI_GO)
		return rc;

	itsma_catalogue *given = NULL;
	if (catalogue && cli_load_catalogue(&given, catalogue) != CLI_OK)
		return CLI_INVALID;

	/* Read every file; catalogues among them serve the assessments that name their id. */
	given_files g = { calloc(nfiles, sizeof(given_file)), nfiles };
	size_t problems = 0, invalid_files = 0;
	if (!g.f) {
		perror(cli_progname);
		itsma_catalogue_free(given);
		return CLI_INVALID;
	}
	for (size_t i = 0; i < nfiles; i++) {
		g.f[i].name = files[i];
		if (cli_read_file(files[i], &g.f[i].data, &g.f[i].len) != CLI_OK)
			g.f[i].data = NULL;
	}
	itsma_load_options opts = ITSMA_LOAD_OPTIONS_INIT;
	opts.resolve = resolve_among_files;
	opts.resolve_payload = &g;

	for (size_t i = 0; i < nfiles; i++) {
		size_t found = 0;
		if (!g.f[i].data) {
			problems++;
			invalid_files++;
			continue;
		}
		itsma_document_kind doc = ITSMA_DOCUMENT_KIND_UNKNOWN;
		itsma_error err = ITSMA_ERROR_INIT;
		const char *name = strcmp(files[i], "-") == 0 ? "<stdin>" : files[i];
		if (itsma_validate_buffer_ext(&doc, g.f[i].data, g.f[i].len, name, given, &opts,
		                              print_problem, &found, &err) < 0 &&
		    found == 0) {
			/* a failure that was not reported as a problem (out of memory, ...) */
			cli_print_error(&err);
			found = 1;
		}
		if (found) {
			problems += found;
			invalid_files++;
		} else if (!quiet) {
			printf("%s: valid %s\n", name,
			       doc == ITSMA_DOCUMENT_KIND_CATALOGUE ? "itsma-catalogue/1"
			       : doc == ITSMA_DOCUMENT_KIND_MAPPING ? "itsma-mapping/1"
			                                            : "itsma-assessment/1");
		}
	}
	if (problems)
		cli_warn("%zu problem%s in %zu of %zu file%s", problems, problems == 1 ? "" : "s",
		         invalid_files, nfiles, nfiles == 1 ? "" : "s");

	for (size_t i = 0; i < nfiles; i++) {
		itsma_catalogue_free(g.f[i].cat);
		itsma_free(g.f[i].data);
	}
	free(g.f);
	itsma_catalogue_free(given);
	return problems ? CLI_INVALID : CLI_OK;
}
