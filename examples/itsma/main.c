/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma: assess IT service management against ISO/IEC 20000 and similar catalogues.
 * This file dispatches to the commands and holds the messages shared by all of them.
 */
#include "cli.h"

#include <stdarg.h>
#include <string.h>

const char *cli_progname = "itsma";

static const char usage[] =
    "Usage: itsma COMMAND [OPTIONS] [ARGUMENTS]\n"
    "\n"
    "Self-assessment of IT service management against ISO/IEC 20000-1 (built in) and\n"
    "other requirement catalogues: rate each requirement with evidence, then score it,\n"
    "read a report, and see what changed since last time.\n"
    "\n"
    "Commands:\n"
    "  catalogue list|show ID       the built-in catalogues; one as JSON or a Markdown checklist\n"
    "  template CATALOGUE           a new assessment to fill in (JSON or a CSV questionnaire)\n"
    "  import QUESTIONNAIRE.csv     turn a filled questionnaire into an assessment\n"
    "  validate FILE...             check catalogues, assessments and mappings: every problem\n"
    "  score ASSESSMENT.json        the figures as itsma-result/1 JSON; gate a pipeline on them\n"
    "  report ASSESSMENT.json       a report for people: text, Markdown, HTML, CSV or JSON\n"
    "  compare BEFORE.json AFTER.json  what improved and what regressed\n"
    "  trend A1.json A2.json ...    compliance, verdicts and capability, assessment after "
    "assessment\n"
    "  explain ASSESSMENT.json ID   how the figure of a requirement or section came about\n"
    "  evidence verify ASSESSMENT.json --root DIR\n"
    "                               check evidence files against their SHA-256 digests\n"
    "  import-catalogue --from oscal|ciso FILE -o OUT\n"
    "                               an OSCAL catalog or CISO Assistant library as a catalogue\n"
    "  export --to oscal-ar|oscal-poam|ciso-audit-csv ASSESSMENT -o OUT\n"
    "  export --to ciso-library CATALOGUE -o OUT\n"
    "                               OSCAL and CISO Assistant formats (docs/interop.md)\n"
    "  mapping list|show|validate|import|export\n"
    "                               mapping sets between catalogues (itsma-mapping/1), to\n"
    "                               and from OSCAL and CISO Assistant\n"
    "  carry ASSESSMENT.json --to CATALOGUE\n"
    "                               carry an assessment to another catalogue (2011 to 2018)\n"
    "                               and write a transition report\n"
    "\n"
    "Run 'itsma COMMAND --help' for the options of a command.\n"
    "\n"
    "Options:\n"
    "  -h, --help     show this help\n"
    "  --version      show the version of the program and the library\n"
    "\n"
    "Exit status:\n"
    "  0  success\n"
    "  1  invalid input, printed as 'file:line:column: message' or\n"
    "     'file: /json/pointer: message'; or a check failed (validate, evidence verify)\n"
    "  2  usage error (unknown command or option, missing argument)\n"
    "  3  below a threshold (score --fail-under, --require-verdict)\n"
    "\n"
    "Environment:\n"
    "  NO_COLOR       when set and not empty, output is never coloured (colour is only\n"
    "                 used on a terminal anyway)\n"
    "\n"
    "Example:\n"
    "  itsma template iso20000-1:2018 --format csv -o questionnaire.csv\n"
    "  itsma import questionnaire.csv --catalogue iso20000-1:2018 --id q4 --date 2026-11-20 \\\n"
    "        --evidence evidence.csv -o q4.json\n"
    "  itsma report q4.json --format html -o q4.html --baseline q3.json\n";

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
};

static const struct command commands[] = { { "catalogue", cmd_catalogue },
	                                   { "template", cmd_template },
	                                   { "import", cmd_import },
	                                   { "validate", cmd_validate },
	                                   { "score", cmd_score },
	                                   { "report", cmd_report },
	                                   { "compare", cmd_compare },
	                                   { "explain", cmd_explain },
	                                   { "evidence", cmd_evidence },
	                                   { "trend", cmd_trend },
	                                   { "mapping", cmd_mapping },
	                                   { "carry", cmd_carry },
	                                   { "import-catalogue", cmd_import_catalogue },
	                                   { "export", cmd_export },
	                                   { NULL, NULL } };

static const char *current_command = NULL;

void cli_warn(const char *fmt, ...)
{
	va_list ap;
	if (current_command)
		fprintf(stderr, "%s %s: ", cli_progname, current_command);
	else
		fprintf(stderr, "%s: ", cli_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	if (cmd)
		fprintf(stderr, "%s %s: ", cli_progname, cmd);
	else
		fprintf(stderr, "%s: ", cli_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (cmd)
		fprintf(stderr, "Try '%s %s --help'.\n", cli_progname, cmd);
	else
		fprintf(stderr, "Try '%s --help'.\n", cli_progname);
	return CLI_USAGE;
}

static const struct command *find_command(const char *name)
{
	for (const struct command *c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage, stderr);
		return CLI_USAGE;
	}
	const char *first = argv[1];
	if (strcmp(first, "--help") == 0 || strcmp(first, "-h") == 0) {
		fputs(usage, stdout);
		return CLI_OK;
	}
	if (strcmp(first, "--version") == 0) {
		printf("itsma %s (library %s)\n", ITSMA_VERSION, itsma_version());
		return CLI_OK;
	}
	if (strcmp(first, "help") == 0) {
		if (argc < 3) {
			fputs(usage, stdout);
			return CLI_OK;
		}
		const struct command *c = find_command(argv[2]);
		if (!c)
			return cli_usage_error(NULL, "unknown command '%s'", argv[2]);
		char *help_argv[] = { argv[2], (char *)"--help", NULL };
		current_command = c->name;
		return c->run(2, help_argv);
	}
	if (first[0] == '-')
		return cli_usage_error(NULL, "unknown option '%s'", first);
	const struct command *c = find_command(first);
	if (!c)
		return cli_usage_error(NULL, "unknown command '%s'", first);
	current_command = c->name;
	return c->run(argc - 1, argv + 1);
}
