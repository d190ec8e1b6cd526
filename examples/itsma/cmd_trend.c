/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma trend A1.json A2.json ... [--format text|md|html|csv] [-o FILE]
 *             [--catalogue ID|FILE] [--evidence-policy P] [--section ID]
 *
 * Scores each assessment the same way and shows the trend (itsma/trend.h): compliance and
 * verdict per assessment, capability levels over time, nonconformities opened and closed,
 * requirements that regressed more than once.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "Usage: itsma trend A1.json A2.json ... [--format text|md|html|csv] [-o FILE]\n"
    "                   [--catalogue ID|FILE] [--evidence-policy POLICY] [--section ID]\n"
    "\n"
    "Score assessments of one catalogue, oldest first, and show the trend: overall, shall\n"
    "and should compliance and the verdict of each, nonconformities opened and closed from\n"
    "one to the next, every process's capability level over time, and the requirements\n"
    "that regressed more than once.\n"
    "\n"
    "Options:\n"
    "  --format FORMAT           text (the default), md, html (a page with line charts) or\n"
    "                            csv (one row per assessment); with -o and no --format,\n"
    "                            the format follows the file's extension\n"
    "  -o, --output FILE         write to FILE instead of standard output\n"
    "  --catalogue ID|FILE       the catalogue of the assessments\n"
    "  --evidence-policy POLICY  required (the default) or advisory, for all\n"
    "  --section ID              one section as if it were the whole catalogue\n"
    "  -h, --help                show this help\n"
    "\n"
    "Example:\n"
    "  itsma trend q1.json q2.json q3.json q4.json --format html -o trend.html\n";

/* The format named by the extension of @p path, or NULL. */
static const char *format_of_path(const char *path)
{
	static const char *const ext[][2] = { { ".txt", "text" },    { ".md", "md" },
		                              { ".markdown", "md" }, { ".html", "html" },
		                              { ".htm", "html" },    { ".csv", "csv" } };
	const char *dot = path ? strrchr(path, '.') : NULL;
	for (size_t i = 0; dot && i < sizeof ext / sizeof ext[0]; i++)
		if (strcmp(dot, ext[i][0]) == 0)
			return ext[i][1];
	return NULL;
}

int cmd_trend(int argc, char **argv)
{
	const char *output = NULL, *catalogue = NULL, *format = NULL, *policy = NULL;
	const char **paths = (const char **)argv;
	itsma_score_options opts = ITSMA_SCORE_OPTIONS_INIT;
	itsma_report_options ro = ITSMA_REPORT_OPTIONS_INIT;
	size_t n = 0;
	const cli_option options[] = {
		{ "format", 0, &format, NULL },        { "output", 'o', &output, NULL },
		{ "catalogue", 0, &catalogue, NULL },  { "evidence-policy", 0, &policy, NULL },
		{ "section", 0, &opts.section, NULL }, { NULL, 0, NULL, NULL }
	};
	int rc = cli_parse("trend", help, argc, argv, options, paths, (size_t)argc, &n);

	if (rc != CLI_GO ||
	    (rc = cli_parse_policy("trend", policy, &opts.evidence_policy)) != CLI_GO)
		return rc;
	if (!format)
		format = format_of_path(output) ? format_of_path(output) : "text";
	if (itsma_report_format_parse(&ro.format, format, NULL) < 0)
		return cli_usage_error("trend", "--format must be text, md, html or csv, not '%s'",
		                       format);
	if (n == 0)
		return cli_usage_error("trend", "name the assessments, oldest first");

	itsma_catalogue *cat = NULL;
	itsma_assessment **as = calloc(n, sizeof *as);
	itsma_result **rs = calloc(n, sizeof *rs);
	itsma_trend *t = NULL;
	char *text = NULL;
	size_t len = 0;
	itsma_error err = ITSMA_ERROR_INIT;
	if (!as || !rs) {
		rc = CLI_INVALID;
		goto done;
	}
	if (catalogue && (rc = cli_load_catalogue(&cat, catalogue)) != CLI_OK)
		goto done;
	for (size_t i = 0; i < n; i++)
		if ((rc = cli_load_scored(&cat, &as[i], &rs[i], NULL, paths[i], &opts)) != CLI_OK)
			goto done;
	if (itsma_trend_new(&t, (const itsma_result *const *)rs, n, &err) < 0) {
		cli_warn("%s", err.message);
		rc = CLI_INVALID;
		goto done;
	}
	ro.colour = ro.format == ITSMA_REPORT_FORMAT_TEXT && !output && cli_colour_wanted(stdout);
	rc = itsma_trend_report_string(&text, &len, t, &ro, &err);
	rc = cli_emit(rc, &err, output, text, len);
done:
	itsma_trend_free(t);
	for (size_t i = 0; rs && i < n; i++)
		itsma_result_free(rs[i]);
	for (size_t i = 0; as && i < n; i++)
		itsma_assessment_free(as[i]);
	free(rs);
	free(as);
	itsma_catalogue_free(cat);
	return rc;
}
