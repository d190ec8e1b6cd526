/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma mapping list | show ID|FILE | validate FILE...
 * itsma carry ASSESSMENT --to CATALOGUE [--mapping ID|FILE] [--into EXISTING] -o OUT
 *
 * Mapping sets relate the requirements of two catalogues (itsma-mapping/1); carry makes an
 * assessment of the target catalogue from one of the source catalogue, and writes the
 * transition report the library renders. The logic lives in the library (itsma/mapping.h).
 */
#include "cli.h"

#include <itsma/mapping.h>

#include <stdlib.h>
#include <string.h>

static const char mapping_help[] =
    "Usage: itsma mapping list\n"
    "       itsma mapping show ID|FILE [--format md|json] [--source CATALOGUE] [--target "
    "CATALOGUE]\n"
    "       itsma mapping validate FILE... [--source CATALOGUE] [--target CATALOGUE] [-q]\n"
    "       itsma mapping import --from oscal|ciso FILE -o OUT   (see: mapping import --help)\n"
    "       itsma mapping export --to oscal|ciso MAPPING -o OUT  (see: mapping export --help)\n"
    "\n"
    "Mapping sets (itsma-mapping/1) say how the requirements of a source catalogue relate\n"
    "to those of a target catalogue, with OSCAL's relationships: equal-to, equivalent-to,\n"
    "subset-of, superset-of, intersects-with, no-relationship (read 'source RELATIONSHIP\n"
    "target').\n"
    "\n"
    "  list       the built-in mappings\n"
    "  show       a mapping as a Markdown table (default) or as JSON\n"
    "  validate   check mapping files and list every problem, as\n"
    "             'file:line:column: message'\n"
    "\n"
    "A mapping is checked against the catalogues it names: the built-in ones, or the files\n"
    "given with --source and --target.\n"
    "\n"
    "Options:\n"
    "  --format md|json        output of show (default md)\n"
    "  --source ID|FILE        the source catalogue\n"
    "  --target ID|FILE        the target catalogue\n"
    "  -q, --quiet             validate: do not say which files are valid\n"
    "  -h, --help              show this help\n"
    "\n"
    "Example:\n"
    "  itsma mapping show iso20000-1-2011-to-2018 --format md\n";

static const char carry_help[] =
    "Usage: itsma carry ASSESSMENT --to CATALOGUE [--mapping ID|FILE] [--into EXISTING]\n"
    "                   -o OUT [--catalogue FILE] [--report FILE] [--report-format text|md|html]\n"
    "\n"
    "Carry an assessment of one catalogue to another through a mapping: each target\n"
    "requirement gets the weakest rating of the sources that cover it fully (equal-to,\n"
    "equivalent-to, superset-of); with only partial cover (subset-of, intersects-with) the\n"
    "weakest partial rating, capped below F and marked for review. Cited evidence comes\n"
    "along unchanged; every carried rating says where it came from in its 'carried' member.\n"
    "Target requirements no map reaches stay unassessed: they are the new obligations.\n"
    "\n"
    "Options:\n"
    "  --to ID|FILE           the target catalogue (required)\n"
    "  --mapping ID|FILE      the mapping; default: the built-in mapping between the\n"
    "                         assessment's catalogue and the target\n"
    "  --into FILE            merge into this assessment of the target catalogue; ratings it\n"
    "                         has are never overwritten\n"
    "  -o, --output FILE      the carried assessment ('-' for standard output; required)\n"
    "  --catalogue ID|FILE    the assessment's catalogue (default: the one it names)\n"
    "  --report FILE          also write the transition report ('-' for standard output)\n"
    "  --report-format FMT    text (default), md or html\n"
    "  -h, --help             show this help\n"
    "\n"
    "Exit status: 0 on success, 1 on invalid input, 2 on a usage error.\n"
    "\n"
    "Example:\n"
    "  itsma carry acme-2011.json --to iso20000-1:2018 -o acme-2018.json \\\n"
    "        --report transition.html --report-format html\n";

/* The catalogues for a mapping: given ones (IDs or files), else the built-ins. */
static int load_side(itsma_catalogue **out, const char *arg)
{
	*out = NULL;
	return arg ? cli_load_catalogue(out, arg) : CLI_OK;
}

static int load_mapping(itsma_mapping **out, const char *arg, const itsma_mapping_catalogues *cats)
{
	itsma_error err = ITSMA_ERROR_INIT;
	int rc;
	size_t n = strlen(arg);
	*out = NULL;
	if (cli_is_file(arg) || strchr(arg, '/') || (n > 5 && strcmp(arg + n - 5, ".json") == 0))
		rc = itsma_mapping_load_file(out, arg, cats, &err);
	else {
		rc = itsma_mapping_builtin(out, arg, cats, &err);
		if (rc == ITSMA_ENOTFOUND && strncmp(err.message, "no built-in mapping", 19) == 0) {
			fprintf(stderr,
			        "%s: no such file, and no built-in mapping has that id "
			        "(see 'itsma mapping list')\n",
			        arg);
			return CLI_INVALID;
		}
	}
	if (rc < 0)
		return cli_fail(&err);
	return CLI_OK;
}

static int print_problem(const itsma_error *problem, void *payload)
{
	cli_print_error(problem);
	(*(size_t *)payload)++;
	return 0;
}

/* mapping validate FILE...: every problem of every file, then a tally. */
static int validate(const char *const *files, size_t n, const itsma_mapping_catalogues *cats,
                    int quiet)
{
	size_t problems = 0, bad = 0;
	for (size_t i = 0; i < n; i++) {
		size_t found = 0;
		itsma_error err = ITSMA_ERROR_INIT;
		if (itsma_mapping_validate_file(files[i], cats, print_problem, &found, &err) < 0 &&
		    !found) {
			cli_print_error(&err);
			found = 1;
		}
		problems += found;
		bad += found > 0;
		if (!found && !quiet)
			printf("%s: valid itsma-mapping/1\n", files[i]);
	}
	if (!problems)
		return CLI_OK;
	cli_warn("%zu problem%s in %zu of %zu file%s", problems, problems == 1 ? "" : "s", bad, n,
	         n == 1 ? "" : "s");
	return CLI_INVALID;
}

int cmd_mapping(int argc, char **argv)
{
	const char *format = "md", *source = NULL, *target = NULL, **ops = (const char **)argv;
	int quiet = 0, rc;
	size_t n = 0;
	itsma_catalogue *scat = NULL, *tcat = NULL;
	itsma_mapping_catalogues cats = ITSMA_MAPPING_CATALOGUES_INIT;
	itsma_mapping *m = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	char *text = NULL;
	const cli_option options[] = { { "format", 0, &format, NULL },
		                       { "source", 0, &source, NULL },
		                       { "target", 0, &target, NULL },
		                       { "quiet", 'q', NULL, &quiet },
		                       { NULL, 0, NULL, NULL } };

	/* import and export (OSCAL, CISO Assistant) live in cmd_interop.c */
	if (argc > 1 && strcmp(argv[1], "import") == 0)
		return cmd_mapping_import(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "export") == 0)
		return cmd_mapping_export(argc - 1, argv + 1);
	if ((rc = cli_parse("mapping", mapping_help, argc, argv, options, ops, (size_t)argc, &n)) !=
	    CLI_GO)
		return rc;
	const char *verb = n ? ops[0] : NULL;
	if (!verb || (strcmp(verb, "list") != 0 && strcmp(verb, "show") != 0 &&
	              strcmp(verb, "validate") != 0))
		return cli_usage_error("mapping",
		                       "expected 'list', 'show ID|FILE' or 'validate FILE...'");
	if (strcmp(verb, "list") == 0) {
		if (n > 1)
			return cli_usage_error("mapping", "'list' takes no arguments");
		for (size_t i = 0; i < itsma_mapping_builtin_count(); i++)
			printf("%-28s %s\n", itsma_mapping_builtin_id(i),
			       itsma_mapping_builtin_title(i));
		return CLI_OK;
	}
	if (strcmp(verb, "show") == 0 && n != 2)
		return cli_usage_error("mapping", "'show' takes one mapping id or file");
	if (strcmp(verb, "show") == 0 && strcmp(format, "md") != 0 && strcmp(format, "json") != 0)
		return cli_usage_error("mapping", "--format is md or json");
	if (strcmp(verb, "validate") == 0 && n == 1)
		return cli_usage_error("mapping", "name at least one mapping file to check");
	if (load_side(&scat, source) != CLI_OK || load_side(&tcat, target) != CLI_OK) {
		rc = CLI_INVALID;
		goto done;
	}
	cats.source = scat;
	cats.target = tcat;
	if (strcmp(verb, "validate") == 0) {
		rc = validate(ops + 1, n - 1, &cats, quiet);
	} else if ((rc = load_mapping(&m, ops[1], &cats)) == CLI_OK) {
		rc = strcmp(format, "json") == 0 ? itsma_mapping_to_json(&text, m, &err)
		                                 : itsma_mapping_to_markdown(&text, m, &err);
		rc = cli_emit(rc, &err, NULL, text, 0);
	}
done:
	itsma_mapping_free(m);
	itsma_catalogue_free(scat);
	itsma_catalogue_free(tcat);
	return rc;
}

/* ---- carry ------------------------------------------------------------------------------------
 */

int cmd_carry(int argc, char **argv)
{
	const char *input = NULL, *to = NULL, *mapping_arg = NULL, *into_path = NULL,
	           *output = NULL;
	const char *catalogue = NULL, *report = NULL, *report_format = "text";
	itsma_catalogue *scat = NULL, *tcat = NULL;
	itsma_assessment *src = NULL, *into = NULL, *out = NULL;
	itsma_mapping *m = NULL;
	itsma_carry_report *rep = NULL;
	itsma_mapping_catalogues cats = ITSMA_MAPPING_CATALOGUES_INIT;
	itsma_transition_format tf = ITSMA_TRANSITION_FORMAT_TEXT;
	itsma_error err = ITSMA_ERROR_INIT;
	char *json = NULL, *text = NULL;
	const cli_option options[] = { { "to", 0, &to, NULL },
		                       { "mapping", 0, &mapping_arg, NULL },
		                       { "into", 0, &into_path, NULL },
		                       { "output", 'o', &output, NULL },
		                       { "catalogue", 0, &catalogue, NULL },
		                       { "report", 0, &report, NULL },
		                       { "report-format", 0, &report_format, NULL },
		                       { NULL, 0, NULL, NULL } };
	int rc = cli_parse("carry", carry_help, argc, argv, options, &input, 1, NULL);

	if (rc != CLI_GO)
		return rc;
	if (!input)
		return cli_usage_error("carry", "name the assessment to carry");
	if (!to)
		return cli_usage_error("carry", "name the target catalogue with --to");
	if (!output)
		return cli_usage_error("carry", "name the output file with -o (or '-')");
	if (itsma_transition_format_parse(&tf, report_format, NULL) < 0)
		return cli_usage_error("carry", "--report-format is text, md or html");

	rc = CLI_INVALID;
	if ((catalogue && cli_load_catalogue(&scat, catalogue) != CLI_OK) ||
	    cli_load_assessment(&src, input, scat) != CLI_OK ||
	    cli_load_catalogue(&tcat, to) != CLI_OK ||
	    (into_path && cli_load_assessment(&into, into_path, tcat) != CLI_OK))
		goto out;
	cats.source = itsma_assessment_catalogue(src);
	cats.target = tcat;
	if (!mapping_arg) {
		mapping_arg = itsma_mapping_builtin_find(itsma_catalogue_id(cats.source),
		                                         itsma_catalogue_id(tcat));
		if (!mapping_arg) {
			cli_warn("no built-in mapping from %s to %s: name one with --mapping FILE",
			         itsma_catalogue_id(cats.source), itsma_catalogue_id(tcat));
			goto out;
		}
	}
	if (load_mapping(&m, mapping_arg, &cats) != CLI_OK)
		goto out;
	if (itsma_assessment_carry(&out, &rep, src, m, tcat, into, &err) < 0) {
		cli_print_error(&err);
		goto out;
	}
	rc = itsma_assessment_to_json(&json, out, &err);
	if ((rc = cli_emit(rc, &err, output, json, 0)) != CLI_OK)
		goto out;
	if (report) {
		rc = itsma_transition_report(&text, out, rep, m, tf, &err);
		if ((rc = cli_emit(rc, &err, report, text, 0)) != CLI_OK)
			goto out;
	}
	cli_warn(
	    "%zu carried, %zu to review, %zu kept, %zu unrated, %zu new obligations, %zu dropped",
	    itsma_carry_report_status_count(rep, ITSMA_CARRY_STATUS_CARRIED),
	    itsma_carry_report_status_count(rep, ITSMA_CARRY_STATUS_REVIEW),
	    itsma_carry_report_status_count(rep, ITSMA_CARRY_STATUS_KEPT),
	    itsma_carry_report_status_count(rep, ITSMA_CARRY_STATUS_UNRATED),
	    itsma_carry_report_status_count(rep, ITSMA_CARRY_STATUS_NEW),
	    itsma_carry_report_dropped_count(rep));
	rc = CLI_OK;
out:
	itsma_carry_report_free(rep);
	itsma_assessment_free(out);
	itsma_assessment_free(into);
	itsma_assessment_free(src);
	itsma_mapping_free(m);
	itsma_catalogue_free(tcat);
	itsma_catalogue_free(scat);
	return rc;
}
