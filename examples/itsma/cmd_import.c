/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma import QUESTIONNAIRE.csv --catalogue ID --id ID --date YYYY-MM-DD
 *              [--evidence EVIDENCE.csv] [-o FILE] [--title T] [--organisation O]
 *              [--assessor A] [--target LEVEL]
 *
 * Turns a filled questionnaire (see `itsma template --format csv`) and an evidence list
 * into an itsma-assessment/1 document, through itsma_questionnaire_import(). Every problem
 * is printed, as "file:line:column: column "name": message", before anything is written.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "Usage: itsma import QUESTIONNAIRE.csv --catalogue ID|FILE --id ID --date YYYY-MM-DD\n"
    "                    [--evidence EVIDENCE.csv] [-o FILE] [--title TEXT]\n"
    "                    [--organisation TEXT] [--assessor TEXT] [--target LEVEL]\n"
    "                    [--delimiter ,|;|tab]\n"
    "\n"
    "Turn a filled questionnaire (from 'itsma template CATALOGUE --format csv') into an\n"
    "itsma-assessment/1 document, written to standard output or to FILE.\n"
    "\n"
    "The questionnaire's columns are found by their header: type (requirement, attribute or\n"
    "target), id, process, rating, evidence and note are read; the others (clause,\n"
    "obligation, text) are there for the people filling it in. An empty rating leaves the\n"
    "row unassessed. Ratings are N, P-, P, P+, L-, L, L+, F or a percentage 0-100 (\"72.5\",\n"
    "\"72,5\" and \"72.5%\" all work); a requirement rated 'excluded' is left out of the scope\n"
    "with the note as the reason, where the catalogue allows it. Target rows take a level\n"
    "from 0 to 5. Evidence ids are separated by spaces, commas or semicolons.\n"
    "\n"
    "The evidence list has the columns id,title,kind,collected,expires,uri,sha256,by,note\n"
    "(see 'itsma template --format evidence-csv'); kind is document, record, interview,\n"
    "observation, metric or other; dates are YYYY-MM-DD.\n"
    "\n"
    "CSV files may start with a UTF-8 byte-order mark, use CRLF or LF line endings, and\n"
    "quote fields that hold separators, quotes or line breaks, as spreadsheets write them.\n"
    "The separator (',', ';' or tab) is found from each file's header row unless\n"
    "--delimiter names it. A cell is never cut; NUL bytes and invalid UTF-8 are refused.\n"
    "An apostrophe in front of = + - @, a tab or a carriage return (how 'itsma template'\n"
    "protects cells from being run as formulas) is removed. Problems are reported as\n"
    "'file:line:column: column \"name\": message', all of them, and nothing is written\n"
    "then; an evidence record that cannot be used is reported once, with the number of\n"
    "questionnaire rows that cite it.\n"
    "\n"
    "Options:\n"
    "  --catalogue ID|FILE   the catalogue (a built-in id or a catalogue file); required\n"
    "  --id ID               the assessment's id; required\n"
    "  --date YYYY-MM-DD     its as-of date: evidence is judged current on it; required\n"
    "  --evidence FILE       the evidence list (CSV)\n"
    "  --title TEXT, --organisation TEXT, --assessor TEXT\n"
    "                        describe the assessment\n"
    "  --target LEVEL        a target capability level 0-5 for every process (target rows\n"
    "                        of the questionnaire override it per process)\n"
    "  --delimiter C         the separator of both files: ',', ';' or tab (default: found\n"
    "                        from the header row)\n"
    "  -o, --output FILE     write to FILE (atomically) instead of standard output\n"
    "  -h, --help            show this help\n"
    "\n"
    "Example:\n"
    "  itsma import q4.csv --catalogue iso20000-1:2018 --id acme-2026-q4 --date 2026-11-20 \\\n"
    "        --evidence evidence.csv -o acme-2026-q4.json\n";

/* Print each problem as the library reports it ("file:line:column: message"). */
static int print_problem(const itsma_error *problem, void *payload)
{
	cli_print_error(problem);
	(*(size_t *)payload)++;
	return 0;
}

int cmd_import(int argc, char **argv)
{
	const char *path = NULL, *catalogue = NULL, *aid = NULL, *date = NULL, *evidence = NULL;
	const char *output = NULL, *title = NULL, *org = NULL, *assessor = NULL, *target = NULL;
	const char *delimiter = NULL;
	int level = -1;
	itsma_import_options opts = ITSMA_IMPORT_OPTIONS_INIT;
	const cli_option options[] = {
		{ "catalogue", 0, &catalogue, NULL }, { "id", 0, &aid, NULL },
		{ "date", 0, &date, NULL },           { "evidence", 0, &evidence, NULL },
		{ "output", 'o', &output, NULL },     { "title", 0, &title, NULL },
		{ "organisation", 0, &org, NULL },    { "organization", 0, &org, NULL },
		{ "assessor", 0, &assessor, NULL },   { "target", 0, &target, NULL },
		{ "delimiter", 0, &delimiter, NULL }, { NULL, 0, NULL, NULL }
	};
	int rc = cli_parse("import", help, argc, argv, options, &path, 1, NULL);

	if (rc != CLI_GO || (rc = cli_parse_level("import", target, &level)) != CLI_GO)
		return rc;
	if (delimiter && cli_parse_delimiter(delimiter, &opts.delimiter) < 0)
		return cli_usage_error("import", "--delimiter must be ',', ';' or tab, not '%s'",
		                       delimiter);
	if (!path)
		return cli_usage_error("import", "name the questionnaire (CSV) to import");
	if (!catalogue)
		return cli_usage_error("import", "--catalogue is required (e.g. iso20000-1:2018)");
	const char *inputs[] = { catalogue, path, evidence };
	if ((rc = cli_stdin_once("import", inputs, 3)) != CLI_GO)
		return rc;
	if (!aid)
		return cli_usage_error("import", "--id is required (the new assessment's id)");
	if (!date)
		return cli_usage_error("import", "--date is required (the as-of date, YYYY-MM-DD)");
	if (!itsma_id_is_valid(aid))
		return cli_usage_error(
		    "import", "--id '%s' is not an identifier (1 to 64 of A-Z a-z 0-9 . _ : -)",
		    aid);
	if (itsma_date_parse(NULL, date, NULL) < 0)
		return cli_usage_error("import", "--date '%s' is not a date YYYY-MM-DD", date);

	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	char *qdata = NULL, *edata = NULL;
	size_t qlen = 0, elen = 0, problems = 0;
	if ((rc = cli_load_catalogue(&cat, catalogue)) != CLI_OK)
		return rc;
	if ((evidence && cli_read_file(evidence, &edata, &elen) != CLI_OK) ||
	    cli_read_file(path, &qdata, &qlen) != CLI_OK) {
		free(edata);
		itsma_catalogue_free(cat);
		return CLI_INVALID;
	}
	opts.catalogue = cat;
	opts.id = aid;
	opts.date = date;
	opts.problem = print_problem;
	opts.payload = &problems;
	rc = itsma_questionnaire_import(&a, qdata, qlen, path, edata, elen, evidence, &opts, &err);
	free(qdata);
	free(edata);
	if (rc == 0 && ((title && itsma_assessment_set_title(a, title, &err) < 0) ||
	                (org && itsma_assessment_set_organisation(a, org, &err) < 0) ||
	                (assessor && itsma_assessment_set_assessor(a, assessor, &err) < 0) ||
	                (level >= 0 && itsma_assessment_set_target(a, level, &err) < 0)))
		rc = err.code;
	if (rc == 0) {
		char *json = NULL;
		rc = itsma_assessment_to_json(&json, a, &err);
		rc = cli_emit(rc, &err, output, json, 0);
		if (rc == CLI_OK && output)
			fprintf(stderr,
			        "%s: %zu ratings, %zu process attributes, %zu evidence records\n",
			        output, itsma_assessment_rating_count(a),
			        itsma_assessment_attribute_count(a),
			        itsma_assessment_evidence_count(a));
	} else if (problems > 0) {
		cli_warn("%zu problem%s found; nothing was written", problems,
		         problems == 1 ? "" : "s");
		rc = CLI_INVALID;
	} else {
		rc = cli_fail(&err);
	}
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
	return rc;
}
