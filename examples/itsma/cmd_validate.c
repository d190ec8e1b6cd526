/*
 * itsma validate [--catalogue FILE] [-q] FILE...
 *
 * Checks catalogues and assessments and lists every problem found, not only the first,
 * as "file:line:column: message" or "file: /json/pointer: message". An assessment is
 * checked against --catalogue, else against a catalogue named on the same command line
 * whose id it names, else against the built-in catalogue of that id.
 */
#include "cli.h"

#include <itsma/validate.h>

#include <stdlib.h>
#include <string.h>

static const char help[] =
	"Usage: itsma validate [--catalogue FILE] [-q] FILE...\n"
	"\n"
	"Check catalogues (itsma-catalogue/1) and assessments (itsma-assessment/1), told apart\n"
	"by their \"format\", and list every problem found, one per line, as\n"
	"'file:line:column: message' or 'file: /json/pointer: message'.\n"
	"\n"
	"An assessment is checked against the catalogue given with --catalogue, else against a\n"
	"catalogue file on the same command line with the id the assessment names, else\n"
	"against the built-in catalogue of that id.\n"
	"\n"
	"Options:\n"
	"  --catalogue ID|FILE  check assessments against this catalogue\n"
	"  -q, --quiet          do not say which files are valid\n"
	"  -h, --help           show this help\n"
	"\n"
	"Exit status: 0 when every file is valid, 1 when any problem was found, 2 on a usage\n"
	"error.\n"
	"\n"
	"Example:\n"
	"  itsma validate my-catalogue.json q3.json q4.json\n";

enum { OPT_CATALOGUE, OPT_QUIET };
static const cli_option options[] = { { "catalogue", 0, 1, OPT_CATALOGUE },
	                                  { "quiet", 'q', 0, OPT_QUIET },
	                                  { NULL, 0, 0, 0 } };

typedef struct known_catalogue {
	char *id;
	itsma_catalogue *cat;
} known_catalogue;

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
	char **data = xcalloc(nfiles, sizeof *data);
	size_t *len = xcalloc(nfiles, sizeof *len);
	known_catalogue *known = xcalloc(nfiles, sizeof *known);
	size_t nknown = 0, problems = 0, invalid_files = 0;
	for (size_t i = 0; i < nfiles; i++) {
		if (cli_read_file(files[i], &data[i], &len[i]) < 0)
			continue;
		char *format = cli_json_peek_string(data[i], len[i], "format");
		if (format && strcmp(format, "itsma-catalogue/1") == 0) {
			itsma_catalogue *cat = NULL;
			if (itsma_catalogue_load_buffer(&cat, data[i], len[i], files[i], NULL, NULL) == 0) {
				known[nknown].id = xstrdup(itsma_catalogue_id(cat));
				known[nknown++].cat = cat;
			}
		}
		free(format);
	}

	for (size_t i = 0; i < nfiles; i++) {
		size_t found = 0;
		if (!data[i]) {
			problems++;
			invalid_files++;
			continue;
		}
		const itsma_catalogue *cat = given;
		if (!cat) {
			char *cid = cli_json_peek_string(data[i], len[i], "catalogue");
			for (size_t k = 0; cid && k < nknown; k++)
				if (strcmp(known[k].id, cid) == 0)
					cat = known[k].cat;
			free(cid);
		}
		itsma_document_kind doc = ITSMA_DOCUMENT_UNKNOWN;
		itsma_error err = ITSMA_ERROR_INIT;
		int rc = itsma_validate_buffer(&doc, data[i], len[i], files[i], cat, print_problem, &found,
		                               &err);
		if (rc < 0 && found == 0) {
			/* a failure that was not reported as a problem (out of memory, ...) */
			cli_print_error(&err);
			found = 1;
		}
		if (found) {
			problems += found;
			invalid_files++;
		} else if (!quiet) {
			printf("%s: valid %s\n", files[i],
			       doc == ITSMA_DOCUMENT_CATALOGUE ? "itsma-catalogue/1" : "itsma-assessment/1");
		}
	}
	if (problems)
		cli_warn("%zu problem%s in %zu of %zu file%s", problems, problems == 1 ? "" : "s",
		         invalid_files, nfiles, nfiles == 1 ? "" : "s");

	for (size_t k = 0; k < nknown; k++) {
		itsma_catalogue_free(known[k].cat);
		free(known[k].id);
	}
	for (size_t i = 0; i < nfiles; i++)
		free(data[i]);
	free(known);
	free(data);
	free(len);
	free(files);
	itsma_catalogue_free(given);
	return problems ? CLI_INVALID : CLI_OK;
}
