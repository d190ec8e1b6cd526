/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma template CATALOGUE [--format json|csv|evidence-csv] [--id ID] [--date DATE]
 *                          [--target LEVEL] [--delimiter C] [--from ASSESSMENT] [-o FILE]
 *
 * A new assessment to fill in. The JSON template, the CSV questionnaire and the evidence
 * sheet are written by the library (itsma/questionnaire.h); `itsma import` reads them back.
 */
#include "cli.h"

#include <string.h>
#include <time.h>

static const char help[] =
    "Usage: itsma template CATALOGUE [--format json|csv|evidence-csv] [-o FILE]\n"
    "                      [--id ID] [--date YYYY-MM-DD] [--target LEVEL]\n"
    "                      [--delimiter ,|;|tab] [--from ASSESSMENT]\n"
    "\n"
    "Start a new assessment of CATALOGUE (a built-in id such as iso20000-1:2018, or a\n"
    "catalogue file).\n"
    "\n"
    "  json          an itsma-assessment/1 document with no ratings yet, and the checklist of\n"
    "                requirements and processes to rate under \"x-checklist\" (the default)\n"
    "  csv           a questionnaire for spreadsheets: one row per requirement (type,\n"
    "                id, clause, process, obligation, text, rating, evidence, note), one row\n"
    "                per process attribute PA2.1-PA5.2 of every process, and one row per\n"
    "                process for its target capability level. Fill in the rating, evidence\n"
    "                and note columns, then run 'itsma import'.\n"
    "  evidence-csv  the header of the evidence list that 'itsma import --evidence' reads:\n"
    "                id,title,kind,collected,expires,uri,sha256,by,note\n"
    "The CSV forms start with a UTF-8 byte-order mark, so that spreadsheets read them as\n"
    "UTF-8, and end rows with CRLF. A cell a spreadsheet would run as a formula (starting\n"
    "with = + - @, a tab or a carriage return, and not a plain number) is written as text:\n"
    "quoted, with an apostrophe in front, which 'itsma import' removes again.\n"
    "\n"
    "Ratings are N, P-, P, P+, L-, L, L+, F or a percentage from 0 to 100; evidence is a list\n"
    "of evidence ids separated by spaces, commas or semicolons.\n"
    "\n"
    "Options:\n"
    "  --format FORMAT    json, csv or evidence-csv (default json)\n"
    "  --id ID            the new assessment's id (json; default 'new-assessment')\n"
    "  --date YYYY-MM-DD  its as-of date (json; default today)\n"
    "  --target LEVEL     a target capability level 0-5 for every process\n"
    "  --delimiter C      the CSV separator: ',' (the default), ';' or tab\n"
    "  --from ASSESSMENT  fill the csv form's ratings, evidence, notes and targets, or the\n"
    "                     evidence-csv form's rows, from an assessment (e.g. last quarter's)\n"
    "  -o, --output FILE  write to FILE instead of standard output\n"
    "  -h, --help         show this help\n"
    "\n"
    "Example:\n"
    "  itsma template iso20000-1:2018 --format csv --target 2 -o questionnaire.csv\n";

int cmd_template(int argc, char **argv)
{
	static const char *const formats[] = { "json", "csv", "evidence-csv", NULL };
	const char *name = NULL, *format = "json", *output = NULL, *aid = "new-assessment",
	           *date = NULL;
	const char *target = NULL, *delimiter = NULL, *from = NULL;
	char today[11];
	itsma_questionnaire_options qo = ITSMA_QUESTIONNAIRE_OPTIONS_INIT;
	itsma_catalogue *cat = NULL;
	itsma_assessment *prev = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	char *text = NULL;
	const cli_option options[] = {
		{ "format", 0, &format, NULL }, { "output", 'o', &output, NULL },
		{ "id", 0, &aid, NULL },        { "date", 0, &date, NULL },
		{ "target", 0, &target, NULL }, { "delimiter", 0, &delimiter, NULL },
		{ "from", 0, &from, NULL },     { NULL, 0, NULL, NULL }
	};
	int rc = cli_parse("template", help, argc, argv, options, &name, 1, NULL);

	if (rc != CLI_GO || (rc = cli_one_of("template", "--format", format, formats)) != CLI_GO)
		return rc;
	if (!itsma_id_is_valid(aid))
		return cli_usage_error(
		    "template", "--id '%s' is not an identifier (1 to 64 of A-Z a-z 0-9 . _ : -)",
		    aid);
	if (date && itsma_date_parse(NULL, date, NULL) < 0)
		return cli_usage_error("template", "--date '%s' is not a date YYYY-MM-DD", date);
	if ((rc = cli_parse_level("template", target, &qo.target)) != CLI_GO)
		return rc;
	if (delimiter && cli_parse_delimiter(delimiter, &qo.delimiter) < 0)
		return cli_usage_error("template", "--delimiter must be ',', ';' or tab, not '%s'",
		                       delimiter);
	if (strcmp(format, "evidence-csv") == 0 && name)
		return cli_usage_error("template", "evidence-csv takes no catalogue");
	if (strcmp(format, "evidence-csv") != 0 && !name)
		return cli_usage_error("template", "name a catalogue (see 'itsma catalogue list')");
	if (from && strcmp(format, "json") == 0)
		return cli_usage_error("template", "--from fills a csv or evidence-csv template");
	if (!date) { /* today, local time */
		time_t t = time(NULL);
		struct tm tm;
		localtime_r(&t, &tm);
		strftime(today, sizeof today, "%Y-%m-%d", &tm);
		date = today;
	}
	if ((name && (rc = cli_load_catalogue(&cat, name)) != CLI_OK) ||
	    (from && (rc = cli_load_assessment(&prev, from, cat)) != CLI_OK))
		goto done;
	qo.assessment = prev;
	if (strcmp(format, "json") == 0)
		rc = itsma_assessment_template_json(&text, cat, aid, date, qo.target, &err);
	else if (strcmp(format, "csv") == 0)
		rc = itsma_questionnaire_to_string(&text, cat, &qo, &err);
	else
		rc = itsma_evidence_sheet_to_string(&text, &qo, &err);
	rc = cli_emit(rc, &err, output, text, 0);
done:
	itsma_assessment_free(prev);
	itsma_catalogue_free(cat);
	return rc;
}
