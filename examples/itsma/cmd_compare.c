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

enum { OPT_FORMAT, OPT_OUTPUT, OPT_CATALOGUE, OPT_POLICY, OPT_SECTION, OPT_LIMIT };
static const cli_option options[] = {
	{ "format", 0, 1, OPT_FORMAT },       { "output", 'o', 1, OPT_OUTPUT },
	{ "catalogue", 0, 1, OPT_CATALOGUE }, { "evidence-policy", 0, 1, OPT_POLICY },
	{ "section", 0, 1, OPT_SECTION },     { "limit", 0, 1, OPT_LIMIT },
	{ NULL, 0, 0, 0 }
};

int cmd_compare(int argc, char **argv)
{
	cli_args args;
	int id, kind;
	const char *value, *before = NULL, *after = NULL, *format = NULL, *output = NULL;
	const char *catalogue = NULL;
	itsma_score_options opts = ITSMA_SCORE_OPTIONS_INIT;
	size_t limit = (size_t)-1;
	const char **const operands[] = { &before, &after };
	cli_args_init(&args, "compare", help, argc, argv);
	cli_args_operands(&args, operands, 2);
	while ((kind = cli_args_next(&args, options, &id, &value)) == CLI_ARG_OPTION) {
		switch (id) {
		case OPT_FORMAT:
			if (strcmp(value, "text") && strcmp(value, "json") && strcmp(value, "md"))
				return cli_usage_error("compare", "--format must be text, json or md, not '%s'", value);
			format = value;
			break;
		case OPT_OUTPUT: output = value; break;
		case OPT_CATALOGUE: catalogue = value; break;
		case OPT_SECTION: opts.section = value; break;
		case OPT_LIMIT:
			if (cli_parse_size(value, &limit) < 0)
				return cli_usage_error("compare", "--limit must be a whole number, not '%s'", value);
			break;
		case OPT_POLICY:
			if (cli_parse_policy("compare", value, &opts.evidence_policy) != CLI_OK)
				return CLI_USAGE;
			break;
		default: break;
		}
	}
	if (kind != CLI_ARG_END)
		return cli_args_exit(kind);
	if (!before || !after)
		return cli_usage_error("compare", "name two assessments: BEFORE.json AFTER.json");
	const char *inputs[] = { catalogue, before, after };
	if (cli_stdin_once("compare", inputs, 3) != CLI_OK)
		return CLI_USAGE;
	if (!format) {
		size_t n = output ? strlen(output) : 0;
		if (output && n > 3 && strcmp(output + n - 3, ".md") == 0)
			format = "md";
		else if (output && n > 4 && strcmp(output + n - 4, ".txt") == 0)
			format = "text";
		else
			format = !output && cli_is_terminal(stdout) ? "text" : "json";
	}

	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL, *b = NULL;
	itsma_result *ra = NULL, *rb = NULL;
	itsma_diff *d = NULL;
	char *text = NULL;
	size_t len = 0;
	itsma_error err = ITSMA_ERROR_INIT;
	int rc;
	if ((catalogue && (rc = cli_load_catalogue(&cat, catalogue)) != CLI_OK) ||
	    (rc = cli_load_assessment(&b, before, cat)) != CLI_OK ||
	    (rc = cli_load_assessment(&a, after, cat)) != CLI_OK ||
	    (rc = cli_score(&rb, b, &opts)) != CLI_OK || (rc = cli_score(&ra, a, &opts)) != CLI_OK)
		goto done;
	if (itsma_compare(&d, rb, ra, &err) < 0) {
		fprintf(stderr, "%s: %s\n", after, err.message);
		rc = CLI_INVALID;
		goto done;
	}
	if (strcmp(format, "json") == 0) {
		if (itsma_diff_to_json(&text, d, &err) == 0)
			len = strlen(text);
	} else {
		itsma_report_options ro;
		(void)itsma_report_options_init(&ro, ITSMA_REPORT_OPTIONS_VERSION);
		ro.format = strcmp(format, "md") == 0 ? ITSMA_REPORT_MD : ITSMA_REPORT_TEXT;
		ro.colour = ro.format == ITSMA_REPORT_TEXT && !output && cli_colour_wanted(stdout);
		ro.limit = limit;
		if (itsma_diff_report_string(&text, &len, d, &ro, &err) < 0)
			text = NULL;
	}
	if (!text) {
		cli_print_error(&err);
		rc = CLI_INVALID;
		goto done;
	}
	rc = cli_write_output(output, text, len);
done:
	itsma_free(text);
	itsma_diff_free(d);
	itsma_result_free(ra);
	itsma_result_free(rb);
	itsma_assessment_free(a);
	itsma_assessment_free(b);
	itsma_catalogue_free(cat);
	return rc;
}
