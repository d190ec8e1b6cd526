/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma explain ASSESSMENT.json ID [--catalogue FILE] [--evidence-policy P]
 *
 * How the figure of one requirement or section came about, in words: its rating, each
 * piece of evidence judged current or not and why, its status; for a section the children
 * and weights that made its mean; for a process its attributes and capability level.
 */
#include "cli.h"

#include <string.h>

static const char help[] =
	"Usage: itsma explain ASSESSMENT.json ID [--catalogue ID|FILE] [--evidence-policy POLICY]\n"
	"\n"
	"Explain how the figure of requirement or section ID came about: its rating, each cited\n"
	"evidence record judged current or not and why, its status and achievement; for a\n"
	"section the applicable children with the weights that made its mean; for a process\n"
	"its attributes and capability level.\n"
	"\n"
	"Options:\n"
	"  --catalogue ID|FILE       the catalogue the assessment was made against\n"
	"  --evidence-policy POLICY  required (the default) or advisory\n"
	"  -h, --help                show this help\n"
	"\n"
	"Examples:\n"
	"  itsma explain q4.json 8.6.1-05\n"
	"  itsma explain q4.json 8.6.1\n";

enum { OPT_CATALOGUE, OPT_POLICY };
static const cli_option options[] = { { "catalogue", 0, 1, OPT_CATALOGUE },
	                                  { "evidence-policy", 0, 1, OPT_POLICY },
	                                  { NULL, 0, 0, 0 } };

int cmd_explain(int argc, char **argv)
{
	cli_args args;
	int id, kind;
	const char *value, *path = NULL, *what = NULL, *catalogue = NULL;
	itsma_score_options opts = ITSMA_SCORE_OPTIONS_INIT;
	const char **const operands[] = { &path, &what };
	cli_args_init(&args, "explain", help, argc, argv);
	cli_args_operands(&args, operands, 2);
	while ((kind = cli_args_next(&args, options, &id, &value)) == CLI_ARG_OPTION) {
		if (id == OPT_CATALOGUE) {
			catalogue = value;
		} else if (id == OPT_POLICY) {
			if (cli_parse_policy("explain", value, &opts.evidence_policy) != CLI_OK)
				return CLI_USAGE;
		}
	}
	if (kind != CLI_ARG_END)
		return cli_args_exit(kind);
	if (!path || !what)
		return cli_usage_error("explain", "name an assessment and a requirement or section id");
	const char *inputs[] = { catalogue, path };
	if (cli_stdin_once("explain", inputs, 2) != CLI_OK)
		return CLI_USAGE;

	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_result *r = NULL;
	char *text = NULL;
	int rc;
	itsma_error err = ITSMA_ERROR_INIT;
	if ((catalogue && (rc = cli_load_catalogue(&cat, catalogue)) != CLI_OK) ||
	    (rc = cli_load_assessment(&a, path, cat)) != CLI_OK || (rc = cli_score(&r, a, &opts)) != CLI_OK)
		goto done;
	if (itsma_result_explain(&text, r, what, &err) < 0) {
		char *shown = NULL;
		if (err.code == ITSMA_ENOTFOUND && itsma_terminal_escape(&shown, what, NULL) == 0)
			fprintf(stderr, "%s: no requirement or section \"%s\" in catalogue %s\n", path, shown,
			        itsma_catalogue_id(itsma_assessment_catalogue(a)));
		else
			cli_print_error(&err);
		itsma_free(shown);
		rc = CLI_INVALID;
		goto done;
	}
	rc = cli_write_output(NULL, text, strlen(text));
done:
	itsma_free(text);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
	return rc;
}
