/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma import-catalogue --from oscal|ciso FILE -o OUT
 * itsma export --to oscal-ar|oscal-poam|ciso-audit-csv ASSESSMENT -o OUT
 * itsma export --to ciso-library CATALOGUE -o OUT
 *
 * The ecosystem's formats (docs/interop.md); the library does the work.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "itsma/interop.h"

static const char import_help[] =
    "Usage: itsma import-catalogue --from oscal|ciso FILE [-o OUT] [--id ID]\n"
    "\n"
    "Make an itsma-catalogue/1 from an OSCAL catalog (JSON, OSCAL 1.0 to 1.2) or a CISO\n"
    "Assistant library (YAML). Warnings (keys the format does not define, skipped groups)\n"
    "go to standard error.\n"
    "\n"
    "Options:\n"
    "  --from FORMAT   oscal or ciso\n"
    "  --id ID         the new catalogue's id (default: made from the source's title)\n"
    "  -o, --output    where to write (default: standard output)\n"
    "  -h, --help      show this help\n"
    "\n"
    "Examples:\n"
    "  itsma import-catalogue --from oscal sp800-53-low.json -o low.json\n"
    "  itsma import-catalogue --from ciso iso27001-2022.yaml -o iso27001.json\n";

static const char export_help[] =
    "Usage: itsma export --to oscal-ar|oscal-poam|ciso-audit-csv ASSESSMENT [-o OUT]\n"
    "       itsma export --to ciso-library CATALOGUE [-o OUT]\n"
    "\n"
    "Write a scored assessment as OSCAL 1.1.2 assessment results or plan of action and\n"
    "milestones (JSON), or as a CISO Assistant audit CSV; or a catalogue (a built-in id or a\n"
    "file) as a CISO Assistant library (YAML).\n"
    "\n"
    "Options:\n"
    "  --to FORMAT               oscal-ar, oscal-poam, ciso-audit-csv or ciso-library\n"
    "  --catalogue ID|FILE       the catalogue the assessment was made against\n"
    "  --evidence-policy POLICY  required (the default) or advisory\n"
    "  --packager NAME           the urn packager for CISO Assistant (default: itsma)\n"
    "  -o, --output              where to write (default: standard output)\n"
    "  -h, --help                show this help\n"
    "\n"
    "Examples:\n"
    "  itsma export --to oscal-ar q4.json -o q4-ar.json\n"
    "  itsma export --to ciso-library iso20000-1:2018 -o iso20000-1-2018.yaml\n";

static int print_warning(const itsma_error *w, void *payload)
{
	(void)payload;
	fprintf(stderr, "%s", "warning: ");
	cli_print_error(w);
	return 0;
}

int cmd_import_catalogue(int argc, char **argv)
{
	const char *path = NULL, *from = NULL, *output = NULL;
	itsma_interop_options opts = ITSMA_INTEROP_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *cat = NULL;
	char *data = NULL, *json = NULL;
	size_t len = 0;
	const cli_option options[] = { { "from", 0, &from, NULL },
		                       { "output", 'o', &output, NULL },
		                       { "id", 0, &opts.catalogue_id, NULL },
		                       { NULL, 0, NULL, NULL } };
	int rc = cli_parse("import-catalogue", import_help, argc, argv, options, &path, 1, NULL);

	if (rc != CLI_GO)
		return rc;
	if (!from || (strcmp(from, "oscal") != 0 && strcmp(from, "ciso") != 0))
		return cli_usage_error("import-catalogue", "--from must be oscal or ciso");
	if (!path)
		return cli_usage_error("import-catalogue", "name the file to import");
	if (cli_read_file(path, &data, &len) != CLI_OK)
		return CLI_INVALID;
	opts.warn = print_warning;
	rc = strcmp(from, "oscal") == 0
	         ? itsma_catalogue_from_oscal(&cat, data, len, path, &opts, &err)
	         : itsma_catalogue_from_ciso_library(&cat, data, len, path, &opts, &err);
	if (rc == 0)
		rc = itsma_catalogue_to_json(&json, cat, &err);
	rc = cli_emit(rc, &err, output, json, 0);
	itsma_catalogue_free(cat);
	free(data);
	return rc;
}

int cmd_export(int argc, char **argv)
{
	const char *path = NULL, *to = NULL, *output = NULL, *catalogue = NULL, *packager = NULL;
	const char *policy = NULL;
	itsma_score_options sopts = ITSMA_SCORE_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_result *r = NULL;
	char *text = NULL;
	const cli_option options[] = { { "to", 0, &to, NULL },
		                       { "output", 'o', &output, NULL },
		                       { "catalogue", 0, &catalogue, NULL },
		                       { "evidence-policy", 0, &policy, NULL },
		                       { "packager", 0, &packager, NULL },
		                       { NULL, 0, NULL, NULL } };
	int rc = cli_parse("export", export_help, argc, argv, options, &path, 1, NULL);

	if (rc != CLI_GO ||
	    (rc = cli_parse_policy("export", policy, &sopts.evidence_policy)) != CLI_GO)
		return rc;
	if (!to || (strcmp(to, "oscal-ar") && strcmp(to, "oscal-poam") &&
	            strcmp(to, "ciso-audit-csv") && strcmp(to, "ciso-library")))
		return cli_usage_error(
		    "export", "--to must be oscal-ar, oscal-poam, ciso-audit-csv or ciso-library");
	if (!path)
		return cli_usage_error("export", strcmp(to, "ciso-library") == 0
		                                     ? "name the catalogue to export"
		                                     : "name the assessment to export");
	if (strcmp(to, "ciso-library") == 0) {
		if ((rc = cli_load_catalogue(&cat, path)) != CLI_OK)
			goto done;
		rc = itsma_catalogue_to_ciso_library(&text, cat, packager, &err);
	} else {
		if ((rc = cli_load_scored(&cat, &a, &r, catalogue, path, &sopts)) != CLI_OK)
			goto done;
		rc = strcmp(to, "oscal-ar") == 0 ? itsma_result_to_oscal_ar(&text, r, &err)
		     : strcmp(to, "oscal-poam") == 0
		         ? itsma_result_to_oscal_poam(&text, r, &err)
		         : itsma_result_to_ciso_audit_csv(&text, r, packager, &err);
	}
	rc = cli_emit(rc, &err, output, text, 0);
done:
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
	return rc;
}

/* ---- itsma mapping import | export --------------------------------------------------------- */

static const char mapping_import_help[] =
    "Usage: itsma mapping import --from oscal|ciso FILE [-o OUT] [--id ID]\n"
    "                            [--source CATALOGUE --target CATALOGUE]\n"
    "\n"
    "Make an itsma-mapping/1 from an OSCAL mapping collection (JSON) or a CISO Assistant\n"
    "mapping library (YAML). A CISO Assistant set names requirements by urn: --source and\n"
    "--target (built-in ids or files) are the catalogues they belong to (required for ciso).\n"
    "An OSCAL mapping is checked against them when they are given.\n"
    "\n"
    "Examples:\n"
    "  itsma mapping import --from oscal map.json -o map.itsma.json\n"
    "  itsma mapping import --from ciso map.yaml --source csf.json --target iso27001.json\n";

static const char mapping_export_help[] =
    "Usage: itsma mapping export --to oscal|ciso MAPPING [-o OUT] [--packager NAME]\n"
    "                            [--source CATALOGUE] [--target CATALOGUE]\n"
    "\n"
    "Write a mapping (a built-in id or a file) as an OSCAL mapping collection (JSON) or a\n"
    "CISO Assistant mapping library (YAML, urns as `export --to ciso-library` makes them).\n"
    "The mapping is checked against its catalogues: --source and --target, else the\n"
    "built-in catalogues it names.\n"
    "\n"
    "Examples:\n"
    "  itsma mapping export --to oscal iso20000-1-2011-to-2018 -o map.oscal.json\n"
    "  itsma mapping export --to ciso iso20000-1-2011-to-2018 -o map.yaml\n";

/* The options of mapping import and export (one table: each takes what it needs). */
typedef struct mapping_args {
	const char *from, *to, *output, *id, *source, *target, *packager, *path;
} mapping_args;

static int parse_mapping_args(mapping_args *m, const char *cmd, const char *help, int argc,
                              char **argv)
{
	const cli_option options[] = {
		{ "from", 0, &m->from, NULL },         { "to", 0, &m->to, NULL },
		{ "output", 'o', &m->output, NULL },   { "id", 0, &m->id, NULL },
		{ "source", 0, &m->source, NULL },     { "target", 0, &m->target, NULL },
		{ "packager", 0, &m->packager, NULL }, { NULL, 0, NULL, NULL }
	};
	memset(m, 0, sizeof *m);
	return cli_parse(cmd, help, argc, argv, options, &m->path, 1, NULL);
}

int cmd_mapping_import(int argc, char **argv)
{
	mapping_args m;
	int rc = parse_mapping_args(&m, "mapping import", mapping_import_help, argc, argv);
	itsma_catalogue *scat = NULL, *tcat = NULL;
	itsma_mapping *map = NULL;
	itsma_interop_options opts = ITSMA_INTEROP_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	char *data = NULL, *json = NULL;
	size_t len = 0;
	if (rc != CLI_GO)
		return rc;
	if (!m.from || (strcmp(m.from, "oscal") != 0 && strcmp(m.from, "ciso") != 0))
		return cli_usage_error("mapping import", "--from must be oscal or ciso");
	if (!m.path)
		return cli_usage_error("mapping import", "name the file to import");
	if (strcmp(m.from, "ciso") == 0 && (!m.source || !m.target))
		return cli_usage_error(
		    "mapping import",
		    "a CISO Assistant set needs --source and --target catalogues");
	if ((m.source && (rc = cli_load_catalogue(&scat, m.source)) != CLI_OK) ||
	    (m.target && (rc = cli_load_catalogue(&tcat, m.target)) != CLI_OK) ||
	    (rc = cli_read_file(m.path, &data, &len)) != CLI_OK)
		goto done;
	opts.warn = print_warning;
	opts.catalogue_id = m.id;
	rc = strcmp(m.from, "oscal") == 0
	         ? itsma_mapping_from_oscal(&map, data, len, m.path, &opts, &err)
	         : itsma_mapping_from_ciso(&map, data, len, m.path, scat, tcat, &opts, &err);
	if (rc == 0 && scat && tcat)
		rc = itsma_mapping_check(map, scat, tcat, NULL, NULL, &err);
	if (rc == 0)
		rc = itsma_mapping_to_json(&json, map, &err);
	rc = cli_emit(rc, &err, m.output, json, 0);
done:
	itsma_mapping_free(map);
	itsma_catalogue_free(scat);
	itsma_catalogue_free(tcat);
	free(data);
	return rc;
}

int cmd_mapping_export(int argc, char **argv)
{
	mapping_args m;
	int rc = parse_mapping_args(&m, "mapping export", mapping_export_help, argc, argv);
	itsma_catalogue *scat = NULL, *tcat = NULL;
	itsma_mapping *map = NULL;
	itsma_mapping_catalogues cats = ITSMA_MAPPING_CATALOGUES_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	char *text = NULL;
	if (rc != CLI_GO)
		return rc;
	if (!m.to || (strcmp(m.to, "oscal") != 0 && strcmp(m.to, "ciso") != 0))
		return cli_usage_error("mapping export", "--to must be oscal or ciso");
	if (!m.path)
		return cli_usage_error("mapping export",
		                       "name the mapping (a built-in id or a file)");
	if ((m.source && (rc = cli_load_catalogue(&scat, m.source)) != CLI_OK) ||
	    (m.target && (rc = cli_load_catalogue(&tcat, m.target)) != CLI_OK))
		goto done;
	cats.source = scat;
	cats.target = tcat;
	if ((cli_is_file(m.path) ? itsma_mapping_load_file(&map, m.path, &cats, &err)
	                         : itsma_mapping_builtin(&map, m.path, &cats, &err)) < 0) {
		rc = cli_fail(&err);
		goto done;
	}
	if (strcmp(m.to, "ciso") == 0 &&
	    ((!scat &&
	      (rc = cli_load_catalogue(&scat, itsma_mapping_source_catalogue(map))) != CLI_OK) ||
	     (!tcat &&
	      (rc = cli_load_catalogue(&tcat, itsma_mapping_target_catalogue(map))) != CLI_OK)))
		goto done;
	rc = strcmp(m.to, "oscal") == 0
	         ? itsma_mapping_to_oscal(&text, map, &err)
	         : itsma_mapping_to_ciso(&text, map, scat, tcat, m.packager, &err);
	rc = cli_emit(rc, &err, m.output, text, 0);
done:
	itsma_mapping_free(map);
	itsma_catalogue_free(scat);
	itsma_catalogue_free(tcat);
	return rc;
}
