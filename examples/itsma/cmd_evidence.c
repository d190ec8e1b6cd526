/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma evidence verify ASSESSMENT.json [--root DIR] [--catalogue FILE]
 *
 * Prints what itsma_evidence_verify_report() (itsma/report.h) finds for each evidence record:
 * a missing file, a different digest (tampered or replaced evidence), a path leaving DIR or a
 * file that is not a regular file makes the check fail; so does having nothing to check.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "Usage: itsma evidence verify ASSESSMENT.json [--root DIR] [--catalogue ID|FILE]\n"
    "\n"
    "Check the evidence files of an assessment: for each evidence record with a sha256\n"
    "digest and a relative uri (such as records/cab-minutes-2026-10.pdf), compute the\n"
    "SHA-256 of that file under DIR and compare. Missing files and digests that differ\n"
    "(evidence changed since it was recorded) are reported. Files are looked up inside DIR\n"
    "only: '..' and symbolic links are refused, and only regular files are read (a FIFO,\n"
    "device or folder is reported as such). Records with an absolute uri (https://...,\n"
    "/path) or without a digest are skipped and counted.\n"
    "\n"
    "Options:\n"
    "  --root DIR            the folder relative uris start from (default: the folder of\n"
    "                        ASSESSMENT.json)\n"
    "  --catalogue ID|FILE   the catalogue the assessment was made against\n"
    "  -q, --quiet           report only problems\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit status: 0 when every checked file matches, 1 when a file is missing, differs or\n"
    "was refused, when nothing could be checked, or when the assessment is invalid; 2 on a\n"
    "usage error.\n"
    "\n"
    "Example:\n"
    "  itsma evidence verify q4.json --root /srv/audit/evidence\n";

static int to_stdout(void *payload, const char *data, size_t len)
{
	(void)payload;
	return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

int cmd_evidence(int argc, char **argv)
{
	const char *ops[2] = { NULL, NULL }, *root = NULL, *catalogue = NULL;
	int quiet = 0;
	const cli_option options[] = { { "root", 0, &root, NULL },
		                       { "catalogue", 0, &catalogue, NULL },
		                       { "quiet", 'q', NULL, &quiet },
		                       { NULL, 0, NULL, NULL } };
	int rc = cli_parse("evidence", help, argc, argv, options, ops, 2, NULL);
	const char *sub = ops[0], *path = ops[1];

	if (rc != CLI_GO)
		return rc;
	if (!sub)
		return cli_usage_error("evidence", "say 'verify ASSESSMENT.json'");
	if (strcmp(sub, "verify") != 0)
		return cli_usage_error("evidence", "unknown subcommand '%s' (say 'verify')", sub);
	if (!path)
		return cli_usage_error("evidence", "name the assessment whose evidence to verify");
	const char *inputs[] = { catalogue, path };
	if ((rc = cli_stdin_once("evidence", inputs, 2)) != CLI_GO)
		return rc;

	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	size_t checked = 0, ok = 0;
	if ((rc = cli_load_scored(&cat, &a, NULL, catalogue, path, NULL)) == CLI_OK) {
		/* relative uris start from --root, else from the assessment's folder */
		char *dir = root ? NULL : strdup(path), *slash = dir ? strrchr(dir, '/') : NULL;
		if (slash)
			slash[slash == dir] = '\0'; /* "a/q4.json": "a"; "/q4.json": "/" */
		unsigned int flags = (quiet ? ITSMA_VERIFY_REPORT_QUIET : 0) |
		                     (cli_colour_wanted(stdout) ? ITSMA_VERIFY_REPORT_COLOUR : 0);
		if (!root && !dir) {
			perror(cli_progname);
			rc = CLI_INVALID;
		} else if (itsma_evidence_verify_report(&checked, &ok, a,
		                                        root    ? root
		                                        : slash ? dir
		                                                : ".",
		                                        flags, to_stdout, NULL, &err) < 0) {
			rc = cli_fail(&err);
		} else if (checked == 0) {
			cli_warn("nothing could be checked: no evidence record has both a relative "
			         "uri and a "
			         "sha256 digest");
		}
		rc = rc == CLI_OK && checked > 0 && checked == ok ? CLI_OK : CLI_INVALID;
		free(dir);
	}
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
	return rc;
}
