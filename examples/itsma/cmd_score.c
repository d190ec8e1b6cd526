/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma score [--catalogue FILE] [--evidence-policy required|advisory] [--section ID]
 *             [--fail-under PERCENT] [--require-verdict VERDICT] [-o FILE] ASSESSMENT.json
 *
 * Prints the itsma-result/1 JSON. With --fail-under or --require-verdict it also gates a
 * pipeline the way a coverage threshold does: exit status 3 when the assessment falls short.
 */
#include "cli.h"

#include <math.h>
#include <string.h>

static const char help[] =
	"Usage: itsma score [OPTIONS] ASSESSMENT.json\n"
	"\n"
	"Score an assessment and print the result as itsma-result/1 JSON: compliance under every\n"
	"model, the conformity verdict, capability levels, gaps in priority order and evidence\n"
	"issues. The assessment's catalogue is the built-in one it names, or --catalogue.\n"
	"\n"
	"Options:\n"
	"  --catalogue ID|FILE        the catalogue the assessment was made against\n"
	"  --evidence-policy POLICY   required (the default: a rating above N without current\n"
	"                             evidence counts 0) or advisory (it counts as rated)\n"
	"  --section ID               score one section as if it were the whole catalogue\n"
	"  --fail-under PERCENT       exit with status 3 when the overall (default-model)\n"
	"                             compliance is below PERCENT\n"
	"  --require-verdict VERDICT  exit with status 3 when the verdict is worse than VERDICT:\n"
	"                             conformant, conditional, incomplete or nonconformant, from\n"
	"                             best to worst\n"
	"  -o, --output FILE          write the JSON to FILE instead of standard output\n"
	"  -h, --help                 show this help\n"
	"\n"
	"Exit status: 0 success; 1 invalid input; 2 usage error; 3 below a threshold (the JSON\n"
	"is still written).\n"
	"\n"
	"Example (a pipeline gate):\n"
	"  itsma score --fail-under 80 --require-verdict conditional q4.json > result.json\n";

enum { OPT_CATALOGUE, OPT_POLICY, OPT_SECTION, OPT_FAIL_UNDER, OPT_VERDICT, OPT_OUTPUT };
static const cli_option options[] = {
	{ "catalogue", 0, 1, OPT_CATALOGUE },   { "evidence-policy", 0, 1, OPT_POLICY },
	{ "section", 0, 1, OPT_SECTION },       { "fail-under", 0, 1, OPT_FAIL_UNDER },
	{ "require-verdict", 0, 1, OPT_VERDICT }, { "output", 'o', 1, OPT_OUTPUT },
	{ NULL, 0, 0, 0 }
};

int cmd_score(int argc, char **argv)
{
	cli_args args;
	int id, kind, have_verdict = 0;
	const char *value, *path = NULL, *catalogue = NULL, *output = NULL;
	double fail_under = -1;
	itsma_verdict required = ITSMA_VERDICT_NONCONFORMANT;
	itsma_score_options opts = ITSMA_SCORE_OPTIONS_INIT;
	const char **const operands[] = { &path };
	cli_args_init(&args, "score", help, argc, argv);
	cli_args_operands(&args, operands, 1);
	while ((kind = cli_args_next(&args, options, &id, &value)) == CLI_ARG_OPTION) {
		switch (id) {
		case OPT_CATALOGUE: catalogue = value; break;
		case OPT_SECTION: opts.section = value; break;
		case OPT_OUTPUT: output = value; break;
		case OPT_POLICY:
			if (cli_parse_policy("score", value, &opts.evidence_policy) != CLI_OK)
				return CLI_USAGE;
			break;
		case OPT_FAIL_UNDER:
			if (cli_parse_number(value, &fail_under) < 0 || fail_under > 100)
				return cli_usage_error("score", "--fail-under must be a percentage 0-100, not '%s'",
				                       value);
			break;
		case OPT_VERDICT:
			if (itsma_verdict_parse(&required, value, NULL) < 0)
				return cli_usage_error("score",
				                       "--require-verdict must be conformant, conditional, "
				                       "incomplete or nonconformant, not '%s'",
				                       value);
			have_verdict = 1;
			break;
		default: break;
		}
	}
	if (kind != CLI_ARG_END)
		return cli_args_exit(kind);
	if (!path)
		return cli_usage_error("score", "name the assessment to score");
	const char *inputs[] = { catalogue, path };
	if (cli_stdin_once("score", inputs, 2) != CLI_OK)
		return CLI_USAGE;

	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_result *r = NULL;
	char *json = NULL;
	int rc = CLI_OK;
	itsma_error err = ITSMA_ERROR_INIT;
	if ((catalogue && (rc = cli_load_catalogue(&cat, catalogue)) != CLI_OK) ||
	    (rc = cli_load_assessment(&a, path, cat)) != CLI_OK ||
	    (rc = cli_score(&r, a, &opts)) != CLI_OK)
		goto done;
	if (itsma_result_to_json(&json, r, &err) < 0) {
		cli_print_error(&err);
		rc = CLI_INVALID;
		goto done;
	}
	rc = cli_write_output(output, json, strlen(json));
	if (rc != CLI_OK)
		goto done;

	double compliance = itsma_result_compliance(r, ITSMA_MODEL_DEFAULT);
	itsma_verdict verdict = itsma_result_verdict(r);
	char b1[48];
	if (fail_under >= 0 && (isnan(compliance) || compliance < fail_under)) {
		cli_warn("compliance %s is below the %g%% required by --fail-under", fmt_pct(b1, compliance),
		         fail_under);
		rc = CLI_SHORT;
	}
	if (have_verdict && itsma_verdict_compare(verdict, required) > 0) {
		cli_warn("the verdict is %s, worse than the %s required by --require-verdict",
		         itsma_verdict_name(verdict), itsma_verdict_name(required));
		rc = CLI_SHORT;
	}
done:
	itsma_free(json);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
	return rc;
}
