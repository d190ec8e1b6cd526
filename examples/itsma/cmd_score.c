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

int cmd_score(int argc, char **argv)
{
	const char *path = NULL, *catalogue = NULL, *output = NULL, *policy = NULL,
	           *fail_text = NULL;
	const char *verdict_text = NULL;
	double fail_under = -1;
	itsma_verdict required = ITSMA_VERDICT_NONCONFORMANT;
	itsma_score_options opts = ITSMA_SCORE_OPTIONS_INIT;
	const cli_option options[] = { { "catalogue", 0, &catalogue, NULL },
		                       { "evidence-policy", 0, &policy, NULL },
		                       { "section", 0, &opts.section, NULL },
		                       { "fail-under", 0, &fail_text, NULL },
		                       { "require-verdict", 0, &verdict_text, NULL },
		                       { "output", 'o', &output, NULL },
		                       { NULL, 0, NULL, NULL } };
	int rc = cli_parse("score", help, argc, argv, options, &path, 1, NULL);

	if (rc != CLI_GO ||
	    (rc = cli_parse_policy("score", policy, &opts.evidence_policy)) != CLI_GO)
		return rc;
	if (fail_text && (cli_parse_number(fail_text, &fail_under) < 0 || fail_under > 100))
		return cli_usage_error("score", "--fail-under must be a percentage 0-100, not '%s'",
		                       fail_text);
	if (verdict_text && itsma_verdict_parse(&required, verdict_text, NULL) < 0)
		return cli_usage_error(
		    "score",
		    "--require-verdict must be conformant, conditional, incomplete or "
		    "nonconformant, not '%s'",
		    verdict_text);
	if (!path)
		return cli_usage_error("score", "name the assessment to score");
	const char *inputs[] = { catalogue, path };
	if ((rc = cli_stdin_once("score", inputs, 2)) != CLI_GO)
		return rc;

	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_result *r = NULL;
	char *json = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	if ((rc = cli_load_scored(&cat, &a, &r, catalogue, path, &opts)) != CLI_OK)
		goto done;
	rc = itsma_result_to_json(&json, r, &err);
	if ((rc = cli_emit(rc, &err, output, json, 0)) != CLI_OK)
		goto done;

	double compliance = itsma_result_compliance(r, ITSMA_MODEL_DEFAULT);
	itsma_verdict verdict = itsma_result_verdict(r);
	if (fail_under >= 0 && isnan(compliance)) {
		cli_warn("compliance n/a is below the %g%% required by --fail-under", fail_under);
		rc = CLI_SHORT;
	} else if (fail_under >= 0 && compliance < fail_under) {
		/* one decimal, as the reports write it (compliance is never negative) */
		cli_warn("compliance %.1f%% is below the %g%% required by --fail-under", compliance,
		         fail_under);
		rc = CLI_SHORT;
	}
	if (verdict_text && itsma_verdict_compare(verdict, required) > 0) {
		cli_warn("the verdict is %s, worse than the %s required by --require-verdict",
		         itsma_verdict_name(verdict), itsma_verdict_name(required));
		rc = CLI_SHORT;
	}
done:
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
	return rc;
}
