/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma compare BEFORE.json AFTER.json [--catalogue FILE] [--format text|json|md]
 *               [--evidence-policy P] [--section ID] [-o FILE]
 *
 * Scores both assessments the same way and says what changed (scoring.md §8). The default
 * format is text on a terminal and itsma-diff/1 JSON otherwise, so scripts get JSON.
 */
#include "cli.h"

#include <string.h>
#include <unistd.h>

static const char help[] =
    "Usage: itsma compare BEFORE.json AFTER.json [--format text|json|md] [-o FILE]\n"
    "                     [--catalogue ID|FILE] [--evidence-policy POLICY] [--section ID]\n"
    "                     [--limit N]\n"
    "\n"
    "Score two assessments of the same catalogue and show what changed: every compliance\n"
    "figure before and after, the verdicts, requirements improved and regressed, scope\n"
    "changes, capability levels per process, and nonconformities closed, opened and\n"
    "changed in class.\n"
    "\n"
    "Options:\n"
    "  --format FORMAT           text (the default on a terminal), json (itsma-diff/1, the\n"
    "                            default otherwise, and with -o FILE.json) or md\n"
    "  -o, --output FILE         write to FILE instead of standard output\n"
    "  --catalogue ID|FILE       the catalogue of both assessments\n"
    "  --evidence-policy POLICY  required (the default) or advisory, for both\n"
    "  --section ID              compare one section as if it were the whole catalogue\n"
    "  --limit N                 list at most N requirements per list (text: 15 by default;\n"
    "                            md: all by default; 0: all)\n"
    "  -h, --help                show this help\n"
    "\n"
    "Example:\n"
    "  itsma compare q3.json q4.json --format md -o changes.md\n";

int cmd_compare(int argc, char **argv)
{
	static const char *const formats[] = { "text", "json", "md", NULL };
	const char *ops[2] = { NULL, NULL }, *format = NULL, *output = NULL, *catalogue = NULL;
	const char *policy = NULL, *limit = NULL;
	itsma_score_options opts = ITSMA_SCORE_OPTIONS_INIT;
	itsma_report_options ro = ITSMA_REPORT_OPTIONS_INIT;
	const cli_option options[] = { { "format", 0, &format, NULL },
		                       { "output", 'o', &output, NULL },
		                       { "catalogue", 0, &catalogue, NULL },
		                       { "evidence-policy", 0, &policy, NULL },
		                       { "section", 0, &opts.section, NULL },
		                       { "limit", 0, &limit, NULL },
		                       { NULL, 0, NULL, NULL } };
	int rc = cli_parse("compare", help, argc, argv, options, ops, 2, NULL);
	const char *before = ops[0], *after = ops[1];

	if (rc != CLI_GO ||
	    (format && (rc = cli_one_of("compare", "--format", format, formats)) != CLI_GO) ||
	    (rc = cli_parse_policy("compare", policy, &opts.evidence_policy)) != CLI_GO)
		return rc;
	if (limit && cli_parse_size(limit, &ro.limit) < 0)
		return cli_usage_error("compare", "--limit must be a whole number, not '%s'",
		                       limit);
	if (!before || !after)
		return cli_usage_error("compare", "name two assessments: BEFORE.json AFTER.json");
	const char *inputs[] = { catalogue, before, after };
	if ((rc = cli_stdin_once("compare", inputs, 3)) != CLI_GO)
		return rc;
	if (!format) {
		size_t n = output ? strlen(output) : 0;
		if (output && n > 3 && strcmp(output + n - 3, ".md") == 0)
			format = "md";
		else if (output && n > 4 && strcmp(output + n - 4, ".txt") == 0)
			format = "text";
		else
			format = !output && isatty(STDOUT_FILENO) ? "text" : "json";
	}

	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL, *b = NULL;
	itsma_result *ra = NULL, *rb = NULL;
	itsma_diff *d = NULL;
	char *text = NULL;
	size_t len = 0;
	itsma_error err = ITSMA_ERROR_INIT;
	if ((rc = cli_load_scored(&cat, &b, NULL, catalogue, before, &opts)) != CLI_OK ||
	    (rc = cli_load_assessment(&a, after, cat)) != CLI_OK ||
	    (rc = cli_score(&rb, b, &opts)) != CLI_OK || (rc = cli_score(&ra, a, &opts)) != CLI_OK)
		goto done;
	if (itsma_compare(&d, rb, ra, &err) < 0) {
		fprintf(stderr, "%s: %s\n", after, err.message);
		rc = CLI_INVALID;
		goto done;
	}
	if (strcmp(format, "json") == 0) {
		rc = itsma_diff_to_json(&text, d, &err);
	} else {
		ro.format =
		    strcmp(format, "md") == 0 ? ITSMA_REPORT_FORMAT_MD : ITSMA_REPORT_FORMAT_TEXT;
		ro.colour =
		    ro.format == ITSMA_REPORT_FORMAT_TEXT && !output && cli_colour_wanted(stdout);
		rc = itsma_diff_report_string(&text, &len, d, &ro, &err);
	}
	rc = cli_emit(rc, &err, output, text, len);
done:
	itsma_diff_free(d);
	itsma_result_free(ra);
	itsma_result_free(rb);
	itsma_assessment_free(a);
	itsma_assessment_free(b);
	itsma_catalogue_free(cat);
	return rc;
}
