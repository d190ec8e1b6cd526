/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma template CATALOGUE [--format json|csv|evidence-csv] [--id ID] [--date DATE]
 *                          [--target LEVEL] [--delimiter C] [--from ASSESSMENT] [-o FILE]
 *
 * A new assessment to fill in. The CSV questionnaire and evidence sheet are written by the
 * library (itsma/questionnaire.h); `itsma import` reads them back.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

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

enum { OPT_FORMAT, OPT_OUTPUT, OPT_ID, OPT_DATE, OPT_TARGET, OPT_DELIMITER, OPT_FROM };
static const cli_option options[] = {
	{ "format", 0, 1, OPT_FORMAT }, { "output", 'o', 1, OPT_OUTPUT }, { "id", 0, 1, OPT_ID },
	{ "date", 0, 1, OPT_DATE },     { "target", 0, 1, OPT_TARGET },   { "delimiter", 0, 1, OPT_DELIMITER },
	{ "from", 0, 1, OPT_FROM },     { NULL, 0, 0, 0 }
};

/* The questionnaire or evidence sheet, written by the library into `out`. */
static int template_csv(sb *out, const char *format, const itsma_catalogue *cat,
                        const itsma_questionnaire_options *opts)
{
	itsma_error err = ITSMA_ERROR_INIT;
	char *text = NULL;
	int rc = strcmp(format, "csv") == 0 ? itsma_questionnaire_to_string(&text, cat, opts, &err)
	                                    : itsma_evidence_sheet_to_string(&text, opts, &err);
	if (rc < 0) {
		cli_print_error(&err);
		return CLI_INVALID;
	}
	sb_puts(out, text);
	itsma_free(text);
	return CLI_OK;
}

static void template_json(sb *out, const itsma_catalogue *cat, const char *id, const char *date,
                          int target)
{
	sb_puts(out, "{\n  \"format\": \"itsma-assessment/1\",\n  \"id\": ");
	json_escape(out, id);
	sb_puts(out, ",\n  \"catalogue\": ");
	json_escape(out, itsma_catalogue_id(cat));
	sb_puts(out, ",\n  \"title\": ");
	sb tmp = SB_INIT;
	sb_printf(&tmp, "Self-assessment against %s", itsma_catalogue_title(cat));
	json_escape(out, sb_str(&tmp));
	sb_free(&tmp);
	sb_puts(out, ",\n  \"date\": ");
	json_escape(out, date);
	sb_puts(out, ",\n  \"evidence\": [],\n  \"ratings\": [],\n  \"attributes\": []");
	if (target >= 0)
		sb_printf(out, ",\n  \"targets\": { \"level\": %d }", target);
	sb_puts(out, ",\n  \"x-instructions\": ");
	json_escape(out,
	            "Rate each requirement of x-checklist by adding to \"ratings\" an object "
	            "{ \"requirement\": ID, \"rating\": \"N|P-|P|P+|L-|L|L+|F\" or 0-100, \"evidence\": "
	            "[EVIDENCE IDS], \"note\": TEXT }, with the evidence recorded in \"evidence\" as "
	            "{ \"id\", \"title\", \"kind\", \"collected\", \"expires\", \"uri\", \"sha256\" }. "
	            "Rate the process attributes PA2.1-PA5.2 of each process in \"attributes\" as "
	            "{ \"process\": ID, \"attribute\": \"PA2.1\", \"rating\": ..., \"evidence\": [...] }. "
	            "Then run: itsma validate FILE && itsma report FILE. "
	            "The x-checklist member is ignored by itsma; delete it when you are done.");
	sb_puts(out, ",\n  \"x-checklist\": {\n    \"requirements\": [");
	size_t n = itsma_catalogue_requirement_count(cat);
	for (size_t i = 0; i < n; i++) {
		const itsma_requirement *q = itsma_catalogue_requirement_at(cat, i);
		sb_puts(out, i ? ",\n      " : "\n      ");
		sb_puts(out, "{ \"requirement\": ");
		json_escape(out, itsma_requirement_id(q));
		sb_puts(out, ", \"obligation\": ");
		json_escape(out, itsma_obligation_name(itsma_requirement_obligation(q)));
		sb_puts(out, ", \"text\": ");
		json_escape(out, itsma_requirement_text(q));
		sb_puts(out, " }");
	}
	sb_puts(out, "\n    ],\n    \"processes\": [");
	size_t np = itsma_catalogue_process_count(cat);
	for (size_t i = 0; i < np; i++) {
		const itsma_section *s = itsma_catalogue_process_at(cat, i);
		sb_puts(out, i ? ",\n      " : "\n      ");
		sb_puts(out, "{ \"process\": ");
		json_escape(out, itsma_section_id(s));
		sb_puts(out, ", \"title\": ");
		json_escape(out, itsma_section_title(s));
		sb_puts(out, ", \"attributes\": [\"PA2.1\", \"PA2.2\", \"PA3.1\", \"PA3.2\", \"PA4.1\", "
		             "\"PA4.2\", \"PA5.1\", \"PA5.2\"] }");
	}
	sb_puts(out, "\n    ]\n  }\n}\n");
}

int cmd_template(int argc, char **argv)
{
	cli_args a;
	int id, kind;
	const char *value, *name = NULL, *format = "json", *output = NULL, *aid = "new-assessment";
	const char *date = NULL;
	const char *from = NULL;
	char today[11], delimiter = ',';
	size_t target = (size_t)-1;
	const char **const operands[] = { &name };
	cli_args_init(&a, "template", help, argc, argv);
	cli_args_operands(&a, operands, 1);
	while ((kind = cli_args_next(&a, options, &id, &value)) == CLI_ARG_OPTION) {
		if (id == OPT_FORMAT) {
			if (strcmp(value, "json") && strcmp(value, "csv") && strcmp(value, "evidence-csv"))
				return cli_usage_error("template",
				                       "--format must be json, csv or evidence-csv, not '%s'", value);
			format = value;
		} else if (id == OPT_OUTPUT) {
			output = value;
		} else if (id == OPT_ID) {
			if (!itsma_id_is_valid(value))
				return cli_usage_error("template",
				                       "--id '%s' is not an identifier (1 to 64 of A-Z a-z 0-9 . _ : -)",
				                       value);
			aid = value;
		} else if (id == OPT_DATE) {
			if (itsma_date_parse(NULL, value, NULL) < 0)
				return cli_usage_error("template", "--date '%s' is not a date YYYY-MM-DD", value);
			date = value;
		} else if (id == OPT_TARGET) {
			if (cli_parse_size(value, &target) < 0 || target > 5)
				return cli_usage_error("template", "--target must be a level from 0 to 5, not '%s'",
				                       value);
		} else if (id == OPT_DELIMITER) {
			if (cli_parse_delimiter(value, &delimiter) < 0)
				return cli_usage_error("template",
				                       "--delimiter must be ',', ';' or tab, not '%s'", value);
		} else if (id == OPT_FROM) {
			from = value;
		}
	}
	if (kind != CLI_ARG_END)
		return cli_args_exit(kind);
	if (strcmp(format, "evidence-csv") == 0 && name)
		return cli_usage_error("template", "evidence-csv takes no catalogue");
	if (strcmp(format, "evidence-csv") != 0 && !name)
		return cli_usage_error("template", "name a catalogue (see 'itsma catalogue list')");
	if (from && strcmp(format, "json") == 0)
		return cli_usage_error("template", "--from fills a csv or evidence-csv template");
	if (!date) {
		cli_today(today);
		date = today;
	}
	itsma_catalogue *cat = NULL;
	itsma_assessment *prev = NULL;
	int rc = name ? cli_load_catalogue(&cat, name) : CLI_OK;
	if (rc == CLI_OK && from)
		rc = cli_load_assessment(&prev, from, cat);
	if (rc != CLI_OK) {
		itsma_catalogue_free(cat);
		return rc;
	}
	int level = target == (size_t)-1 ? -1 : (int)target;
	sb out = SB_INIT;
	if (strcmp(format, "json") == 0) {
		template_json(&out, cat, aid, date, level);
	} else {
		itsma_questionnaire_options qo = ITSMA_QUESTIONNAIRE_OPTIONS_INIT;
		qo.target = level;
		qo.delimiter = delimiter;
		qo.assessment = prev;
		rc = template_csv(&out, format, cat, &qo);
	}
	if (rc == CLI_OK)
		rc = cli_write_output(output, sb_str(&out), out.len);
	sb_free(&out);
	itsma_assessment_free(prev);
	itsma_catalogue_free(cat);
	return rc;
}
