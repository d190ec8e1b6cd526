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

int cmd_explain(int argc, char **argv)
{
	const char *ops[2] = { NULL, NULL }, *catalogue = NULL, *policy = NULL;
	itsma_score_options opts = ITSMA_SCORE_OPTIONS_INIT;
	const cli_option options[] = { { "catalogue", 0, &catalogue, NULL },
		                       { "evidence-policy", 0, &policy, NULL },
		                       { NULL, 0, NULL, NULL } };
	int rc = cli_parse("explain", help, argc, argv, options, ops, 2, NULL);
	const char *path = ops[0], *what = ops[1];

	if (rc != CLI_GO ||
	    (rc = cli_parse_policy("explain", policy, &opts.evidence_policy)) != CLI_GO)
		return rc;
	if (!path || !what)
		return cli_usage_error("explain",
		                       "name an assessment and a requirement or section id");
	const char *inputs[] = { catalogue, path };
	if ((rc = cli_stdin_once("explain", inputs, 2)) != CLI_GO)
		return rc;

	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_result *r = NULL;
	char *text = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	if ((rc = cli_load_scored(&cat, &a, &r, catalogue, path, &opts)) != CLI_OK)
		goto done;
	if (itsma_result_explain(&text, r, what, &err) < 0) {
		char *shown = NULL;
		if (err.code == ITSMA_ENOTFOUND && itsma_terminal_escape(&shown, what, NULL) == 0)
			fprintf(stderr, "%s: no requirement or section \"%s\" in catalogue %s\n",
			        path, shown, itsma_catalogue_id(itsma_assessment_catalogue(a)));
		else
			cli_print_error(&err);
		itsma_free(shown);
		rc = CLI_INVALID;
		goto done;
	}
	rc = cli_emit(0, &err, NULL, text, 0);
done:
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
	return rc;
}
