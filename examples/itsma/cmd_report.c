/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma report ASSESSMENT.json [--format text|md|html|csv|json] [-o FILE]
 *              [--baseline EARLIER.json] [--catalogue FILE] [--evidence-policy P]
 *              [--section ID] [--top N]
 */
#include "cli.h"

#include <string.h>

static const char help[] =
    "Usage: itsma report ASSESSMENT.json [--format text|md|html|csv|json] [-o FILE]\n"
    "                    [--baseline EARLIER.json] [--catalogue ID|FILE]\n"
    "                    [--evidence-policy POLICY] [--section ID] [--top N]\n"
    "\n"
    "A report of where the organisation stands, what to fix first and, with --baseline,\n"
    "what changed since an earlier assessment.\n"
    "\n"
    "Formats:\n"
    "  text   for the terminal (the default; coloured on a terminal unless NO_COLOR is set)\n"
    "  md     Markdown: verdict, compliance, capability profile, top gaps with their gain and\n"
    "         guidance, nonconformities, evidence issues, and changes since the baseline\n"
    "  html   one self-contained page (no external files; prints well) with charts: capability\n"
    "         level against target per process, compliance per clause, before and after\n"
    "  csv    one row per requirement: id, clause, process, obligation, status,\n"
    "         achievement, rating, nonconformity, gain\n"
    "  json   the itsma-result/1 document\n"
    "With -o and no --format, the format follows the file's extension (.txt, .md, .html,\n"
    ".csv, .json).\n"
    "\n"
    "Options:\n"
    "  --format FORMAT           text, md, html, csv or json\n"
    "  -o, --output FILE         write to FILE (atomically) instead of standard output\n"
    "  --baseline EARLIER.json   an earlier assessment of the same catalogue to compare with\n"
    "  --catalogue ID|FILE       the catalogue of the assessments\n"
    "  --evidence-policy POLICY  required (the default) or advisory\n"
    "  --section ID              report on one section as if it were the whole catalogue\n"
    "  --top N                   how many gaps to list (default 10)\n"
    "  -h, --help                show this help\n"
    "\n"
    "Examples:\n"
    "  itsma report q4.json\n"
    "  itsma report q4.json --baseline q3.json -o q4.html\n";

static const char *format_of_path(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (!dot || strchr(dot, '/'))
		return NULL;
	if (strcmp(dot, ".md") == 0 || strcmp(dot, ".markdown") == 0)
		return "md";
	if (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0)
		return "html";
	if (strcmp(dot, ".csv") == 0)
		return "csv";
	if (strcmp(dot, ".json") == 0)
		return "json";
	if (strcmp(dot, ".txt") == 0)
		return "text";
	return NULL;
}

int cmd_report(int argc, char **argv)
{
	static const char *const formats[] = { "text", "md", "html", "csv", "json", NULL };
	const char *path = NULL, *format = NULL, *output = NULL, *baseline = NULL,
	           *catalogue = NULL;
	const char *policy = NULL, *top = NULL;
	itsma_score_options opts = ITSMA_SCORE_OPTIONS_INIT;
	itsma_report_options ro = ITSMA_REPORT_OPTIONS_INIT;
	const cli_option options[] = { { "format", 0, &format, NULL },
		                       { "output", 'o', &output, NULL },
		                       { "baseline", 0, &baseline, NULL },
		                       { "catalogue", 0, &catalogue, NULL },
		                       { "evidence-policy", 0, &policy, NULL },
		                       { "section", 0, &opts.section, NULL },
		                       { "top", 0, &top, NULL },
		                       { NULL, 0, NULL, NULL } };
	int rc = cli_parse("report", help, argc, argv, options, &path, 1, NULL);

	if (rc != CLI_GO ||
	    (format && (rc = cli_one_of("report", "--format", format, formats)) != CLI_GO) ||
	    (rc = cli_parse_policy("report", policy, &opts.evidence_policy)) != CLI_GO)
		return rc;
	if (top && cli_parse_size(top, &ro.top) < 0)
		return cli_usage_error("report", "--top must be a whole number, not '%s'", top);
	if (!path)
		return cli_usage_error("report", "name the assessment to report on");
	const char *inputs[] = { catalogue, path, baseline };
	if ((rc = cli_stdin_once("report", inputs, 3)) != CLI_GO)
		return rc;
	if (!format)
		format = output && format_of_path(output) ? format_of_path(output) : "text";

	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL, *b = NULL;
	itsma_result *r = NULL, *rb = NULL;
	char *text = NULL;
	size_t len = 0;
	itsma_error err = ITSMA_ERROR_INIT;
	if ((rc = cli_load_scored(&cat, &a, &r, catalogue, path, &opts)) != CLI_OK)
		goto done;
	if (baseline && ((rc = cli_load_assessment(&b, baseline, cat)) != CLI_OK ||
	                 (rc = cli_score(&rb, b, &opts)) != CLI_OK))
		goto done;
	if (strcmp(format, "json") == 0) {
		rc = itsma_result_to_json(&text, r, &err);
	} else if ((rc = itsma_report_format_parse(&ro.format, format, &err)) == 0) {
		ro.colour =
		    ro.format == ITSMA_REPORT_FORMAT_TEXT && !output && cli_colour_wanted(stdout);
		rc = itsma_report_string(&text, &len, r, rb, &ro, &err);
	}
	if (rc < 0 && baseline && err.code == ITSMA_EINVAL) {
		fprintf(stderr, "%s: %s\n", baseline,
		        err.message); /* a baseline of another catalogue */
		rc = CLI_INVALID;
		goto done;
	}
	rc = cli_emit(rc, &err, output, text, len);
done:
	itsma_result_free(rb);
	itsma_result_free(r);
	itsma_assessment_free(b);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
	return rc;
}
