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
	if (rc < 0) {
		cli_print_error(&err);
		return CLI_INVALID;
	}
	return CLI_OK;
}

static int mapping_list(void)
{
	size_t i;
	for (i = 0; i < itsma_mapping_builtin_count(); i++)
		printf("%-28s %s\n", itsma_mapping_builtin_id(i), itsma_mapping_builtin_title(i));
	return CLI_OK;
}

static void md_ids(sb *b, const itsma_map *map, int targets)
{
	size_t i, n = targets ? itsma_map_target_count(map) : itsma_map_source_count(map);
	for (i = 0; i < n; i++) {
		sb_puts(b, i ? ", " : "");
		md_escape(b, targets ? itsma_map_target_at(map, i) : itsma_map_source_at(map, i));
	}
}

static void show_md(sb *b, const itsma_mapping *m)
{
	size_t i;
	char num[48];
	sb_puts(b, "# ");
	md_escape(b, itsma_mapping_title(m) ? itsma_mapping_title(m) : itsma_mapping_id(m));
	sb_puts(b, "\n\n- Id: ");
	md_escape(b, itsma_mapping_id(m));
	sb_puts(b, "\n- Source: ");
	md_escape(b, itsma_mapping_source_catalogue(m));
	sb_printf(b, " (revision %d)\n- Target: ", itsma_mapping_source_revision(m));
	md_escape(b, itsma_mapping_target_catalogue(m));
	sb_printf(b, " (revision %d)\n- Provenance: %s, %s, %s\n", itsma_mapping_target_revision(m),
	          itsma_mapping_method_name(itsma_mapping_method_of(m)),
	          itsma_mapping_rationale_name(itsma_mapping_rationale_of(m)),
	          itsma_mapping_status_name(itsma_mapping_status_of(m)));
	sb_printf(b, "- Maps: %s\n", fmt_num(num, (double)itsma_mapping_map_count(m), 0));
	if (itsma_mapping_description(m)) {
		sb_puts(b, "\n");
		md_escape(b, itsma_mapping_description(m));
		sb_puts(b, "\n");
	}
	sb_puts(b, "\n| # | Sources | Relationship | Targets | Confidence | Note "
	           "|\n|---|---|---|---|---|---|\n");
	for (i = 0; i < itsma_mapping_map_count(m); i++) {
		const itsma_map *map = itsma_mapping_map_at(m, i);
		sb_printf(b, "| %zu | ", i);
		md_ids(b, map, 0);
		sb_printf(b, " | %s | ", itsma_relationship_name(itsma_map_relationship(map)));
		md_ids(b, map, 1);
		sb_printf(b, " | %s | ", itsma_confidence_name(itsma_map_confidence(map)));
		md_escape(b, itsma_map_note(map) ? itsma_map_note(map) : "");
		sb_puts(b, " |\n");
	}
}

enum { OPT_FORMAT, OPT_SOURCE, OPT_TARGET, OPT_QUIET };
static const cli_option mapping_options[] = {{"format", 0, 1, OPT_FORMAT},
                                             {"source", 0, 1, OPT_SOURCE},
                                             {"target", 0, 1, OPT_TARGET},
                                             {"quiet", 'q', 0, OPT_QUIET},
                                             {NULL, 0, 0, 0}};

static int print_problem(const itsma_error *problem, void *payload)
{
	cli_print_error(problem);
	(*(size_t *)payload)++;
	return 0;
}

int cmd_mapping(int argc, char **argv)
{
	cli_args a;
	int id, kind, quiet = 0, rc = CLI_OK;
	const char *value, *verb = NULL, *format = "md", *source = NULL, *target = NULL;
	const char **operands = xcalloc((size_t)argc + 1, sizeof *operands);
	size_t nops = 0, i;
	itsma_catalogue *scat = NULL, *tcat = NULL;
	itsma_mapping_catalogues cats = ITSMA_MAPPING_CATALOGUES_INIT;

	/* import and export (OSCAL, CISO Assistant) live in cmd_interop.c */
	if (argc > 1 && (strcmp(argv[1], "import") == 0 || strcmp(argv[1], "export") == 0)) {
		free(operands);
		return strcmp(argv[1], "import") == 0 ? cmd_mapping_import(argc - 1, argv + 1)
		                                      : cmd_mapping_export(argc - 1, argv + 1);
	}
	cli_args_init(&a, "mapping", mapping_help, argc, argv);
	while ((kind = cli_args_next(&a, mapping_options, &id, &value)) != CLI_ARG_END) {
		if (kind == CLI_ARG_HELP || kind == CLI_ARG_ERROR) {
			free(operands);
			return cli_args_exit(kind);
		}
		if (kind == CLI_ARG_OPERAND) {
			if (!verb)
				verb = value;
			else
				operands[nops++] = value;
		} else if (id == OPT_FORMAT)
			format = value;
		else if (id == OPT_SOURCE)
			source = value;
		else if (id == OPT_TARGET)
			target = value;
		else
			quiet = 1;
	}
	if (!verb || (strcmp(verb, "list") != 0 && strcmp(verb, "show") != 0 &&
	              strcmp(verb, "validate") != 0)) {
		free(operands);
		return cli_usage_error("mapping",
		                       "expected 'list', 'show ID|FILE' or 'validate FILE...'");
	}
	if (strcmp(verb, "list") == 0) {
		free(operands);
		return nops ? cli_usage_error("mapping", "'list' takes no arguments")
		            : mapping_list();
	}
	if (strcmp(verb, "show") == 0 &&
	    (nops != 1 || (strcmp(format, "md") != 0 && strcmp(format, "json") != 0))) {
		free(operands);
		return cli_usage_error("mapping", nops != 1 ? "'show' takes one mapping id or file"
		                                            : "--format is md or json");
	}
	if (strcmp(verb, "validate") == 0 && nops == 0) {
		free(operands);
		return cli_usage_error("mapping", "name at least one mapping file to check");
	}
	if (load_side(&scat, source) != CLI_OK || load_side(&tcat, target) != CLI_OK) {
		rc = CLI_INVALID;
		goto out;
	}
	cats.source = scat;
	cats.target = tcat;
	if (strcmp(verb, "show") == 0) {
		itsma_mapping *m = NULL;
		if ((rc = load_mapping(&m, operands[0], &cats)) == CLI_OK) {
			sb b = SB_INIT;
			if (strcmp(format, "json") == 0) {
				char *json = NULL;
				itsma_error err = ITSMA_ERROR_INIT;
				if (itsma_mapping_to_json(&json, m, &err) < 0) {
					cli_print_error(&err);
					rc = CLI_INVALID;
				} else {
					rc = cli_write_output(NULL, json, strlen(json));
					itsma_free(json);
				}
			} else {
				show_md(&b, m);
				rc = cli_write_output(NULL, sb_str(&b), b.len);
			}
			sb_free(&b);
			itsma_mapping_free(m);
		}
		goto out;
	}
	{
		size_t problems = 0, bad = 0;
		for (i = 0; i < nops; i++) {
			size_t found = 0;
			itsma_error err = ITSMA_ERROR_INIT;
			int r = itsma_mapping_validate_file(operands[i], &cats, print_problem,
			                                    &found, &err);
			if (r < 0 && !found) {
				cli_print_error(&err);
				found = 1;
			}
			if (found) {
				problems += found;
				bad++;
			} else if (!quiet)
				printf("%s: valid itsma-mapping/1\n", operands[i]);
		}
		if (problems) {
			cli_warn("%zu problem%s in %zu of %zu file%s", problems,
			         problems == 1 ? "" : "s", bad, nops, nops == 1 ? "" : "s");
			rc = CLI_INVALID;
		}
	}
out:
	itsma_catalogue_free(scat);
	itsma_catalogue_free(tcat);
	free(operands);
	return rc;
}

/* ---- carry ------------------------------------------------------------------------------------
 */

enum { OPT_TO, OPT_MAPPING, OPT_INTO, OPT_OUTPUT, OPT_CATALOGUE, OPT_REPORT, OPT_REPORT_FORMAT };
static const cli_option carry_options[] = {{"to", 0, 1, OPT_TO},
                                           {"mapping", 0, 1, OPT_MAPPING},
                                           {"into", 0, 1, OPT_INTO},
                                           {"output", 'o', 1, OPT_OUTPUT},
                                           {"catalogue", 0, 1, OPT_CATALOGUE},
                                           {"report", 0, 1, OPT_REPORT},
                                           {"report-format", 0, 1, OPT_REPORT_FORMAT},
                                           {NULL, 0, 0, 0}};

int cmd_carry(int argc, char **argv)
{
	cli_args a;
	int id, kind, rc = CLI_INVALID;
	const char *value, *input = NULL, *to = NULL, *mapping_arg = NULL, *into_path = NULL;
	const char *output = NULL, *catalogue = NULL, *report = NULL, *report_format = "text";
	const char **slots[] = {&input};
	itsma_catalogue *scat = NULL, *tcat = NULL;
	itsma_assessment *src = NULL, *into = NULL, *out = NULL;
	itsma_mapping *m = NULL;
	itsma_carry_report *rep = NULL;
	itsma_mapping_catalogues cats = ITSMA_MAPPING_CATALOGUES_INIT;
	itsma_transition_format tf = ITSMA_TRANSITION_TEXT;
	itsma_error err = ITSMA_ERROR_INIT;
	char *json = NULL;

	cli_args_init(&a, "carry", carry_help, argc, argv);
	cli_args_operands(&a, slots, 1);
	while ((kind = cli_args_next(&a, carry_options, &id, &value)) == CLI_ARG_OPTION) {
		switch (id) {
		case OPT_TO:
			to = value;
			break;
		case OPT_MAPPING:
			mapping_arg = value;
			break;
		case OPT_INTO:
			into_path = value;
			break;
		case OPT_OUTPUT:
			output = value;
			break;
		case OPT_CATALOGUE:
			catalogue = value;
			break;
		case OPT_REPORT:
			report = value;
			break;
		default:
			report_format = value;
			break;
		}
	}
	if (kind != CLI_ARG_END)
		return cli_args_exit(kind);
	if (!input)
		return cli_usage_error("carry", "name the assessment to carry");
	if (!to)
		return cli_usage_error("carry", "name the target catalogue with --to");
	if (!output)
		return cli_usage_error("carry", "name the output file with -o (or '-')");
	if (itsma_transition_format_parse(&tf, report_format, NULL) < 0)
		return cli_usage_error("carry", "--report-format is text, md or html");

	if ((catalogue && cli_load_catalogue(&scat, catalogue) != CLI_OK) ||
	    cli_load_assessment(&src, input, scat) != CLI_OK ||
	    cli_load_catalogue(&tcat, to) != CLI_OK ||
	    (into_path && cli_load_assessment(&into, into_path, tcat) != CLI_OK))
		goto out;
	cats.source = itsma_assessment_catalogue(src);
	cats.target = tcat;
	if (!mapping_arg) {
		mapping_arg =
		    itsma_mapping_builtin_find(itsma_catalogue_id(cats.source), itsma_catalogue_id(tcat));
		if (!mapping_arg) {
			cli_warn("no built-in mapping from %s to %s: name one with --mapping FILE",
			         itsma_catalogue_id(cats.source), itsma_catalogue_id(tcat));
			goto out;
		}
	}
	if (load_mapping(&m, mapping_arg, &cats) != CLI_OK)
		goto out;
	if (itsma_assessment_carry(&out, &rep, src, m, tcat, into, &err) < 0 ||
	    itsma_assessment_to_json(&json, out, &err) < 0) {
		cli_print_error(&err);
		goto out;
	}
	if ((rc = cli_write_output(output, json, strlen(json))) != CLI_OK)
		goto out;
	if (report) {
		char *text = NULL;
		if (itsma_transition_report(&text, out, rep, m, tf, &err) < 0) {
			cli_print_error(&err);
			rc = CLI_INVALID;
			goto out;
		}
		rc = cli_write_output(report, text, strlen(text));
		itsma_free(text);
		if (rc != CLI_OK)
			goto out;
	}
	cli_warn(
	    "%zu carried, %zu to review, %zu kept, %zu unrated, %zu new obligations, %zu dropped",
	    itsma_carry_report_status_count(rep, ITSMA_CARRY_CARRIED),
	    itsma_carry_report_status_count(rep, ITSMA_CARRY_REVIEW),
	    itsma_carry_report_status_count(rep, ITSMA_CARRY_KEPT),
	    itsma_carry_report_status_count(rep, ITSMA_CARRY_UNRATED),
	    itsma_carry_report_status_count(rep, ITSMA_CARRY_NEW),
	    itsma_carry_report_dropped_count(rep));
	rc = CLI_OK;
out:
	itsma_free(json);
	itsma_carry_report_free(rep);
	itsma_assessment_free(out);
	itsma_assessment_free(into);
	itsma_assessment_free(src);
	itsma_mapping_free(m);
	itsma_catalogue_free(tcat);
	itsma_catalogue_free(scat);
	return rc;
}
