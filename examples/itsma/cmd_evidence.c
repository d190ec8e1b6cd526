/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma evidence verify ASSESSMENT.json [--root DIR] [--catalogue FILE]
 *
 * Prints what itsma_evidence_verify() (itsma/verify.h) finds for each evidence record: a
 * missing file, a different digest (tampered or replaced evidence), a path leaving DIR or a
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

enum { OPT_ROOT, OPT_CATALOGUE, OPT_QUIET };
static const cli_option options[] = { { "root", 0, 1, OPT_ROOT },
	                                  { "catalogue", 0, 1, OPT_CATALOGUE },
	                                  { "quiet", 'q', 0, OPT_QUIET },
	                                  { NULL, 0, 0, 0 } };

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* Counts and output settings of a run; itsma_evidence_verify() does the checking. */
typedef struct verify_run {
	const char *root;
	int quiet, colour;
	size_t checked, count[ITSMA_EVIDENCE_CHECK_NO_DIGEST + 1];
	sb path;
} verify_run;

static const char *const labels[] = { "ok",       "CHANGED",   "MISSING",    "REFUSED",
	                              "NOT-FILE", "TOO-LARGE", "UNREADABLE" };

static int print_finding(const itsma_evidence_finding *f, void *payload)
{
	verify_run *v = payload;
	const char *eid = itsma_evidence_id(f->evidence), *uri = itsma_evidence_uri(f->evidence);
	const char *red = cli_col(v->colour, COL_RED), *green = cli_col(v->colour, COL_GREEN);
	const char *reset = cli_col(v->colour, COL_RESET);
	if ((unsigned)f->check > ITSMA_EVIDENCE_CHECK_NO_DIGEST)
		return 0;
	if (f->check == ITSMA_EVIDENCE_CHECK_NOT_CHECKABLE) {
		if (itsma_evidence_sha256(f->evidence))
			v->count[f->check]++; /* a digest we cannot check */
		return 0;
	}
	v->count[f->check]++;
	if (f->check == ITSMA_EVIDENCE_CHECK_NO_DIGEST)
		return 0;
	v->checked++;
	sb_clear(&v->path);
	sb_printf(&v->path, "%s/%s", v->root, f->path ? f->path : uri);
	switch (f->check) {
	case ITSMA_EVIDENCE_CHECK_OK:
		if (!v->quiet)
			printf("%s%-9s%s %-12s %s\n", green, labels[f->check], reset, eid, sb_str(&v->path));
		break;
	case ITSMA_EVIDENCE_CHECK_CHANGED:
		printf("%s%-9s%s %-12s %s: sha256 is %s, the assessment records %s\n", red, labels[f->check],
		       reset, eid, sb_str(&v->path), f->actual_sha256, itsma_evidence_sha256(f->evidence));
		break;
	case ITSMA_EVIDENCE_CHECK_REFUSED:
		printf("%s%-9s%s %-12s %s: refused: %s\n", red, labels[f->check], reset, eid, uri, f->reason);
		break;
	case ITSMA_EVIDENCE_CHECK_NOT_REGULAR:
		printf("%s%-9s%s %-12s %s: %s, not a regular file; not read\n", red, labels[f->check], reset,
		       eid, sb_str(&v->path), f->reason);
		break;
	case ITSMA_EVIDENCE_CHECK_TOO_LARGE:
		printf("%s%-9s%s %-12s %s: %llu bytes, larger than the size bound; not read\n", red,
		       labels[f->check], reset, eid, sb_str(&v->path), f->size);
		break;
	default:
		printf("%s%-9s%s %-12s %s: %s\n", red, labels[f->check], reset, eid, sb_str(&v->path),
		       f->reason ? f->reason : "");
		break;
	}
	return 0;
}

static int verify(const itsma_assessment *a, const char *root, int quiet, int colour)
{
	verify_run v = { root, quiet, colour, 0, { 0 }, SB_INIT };
	itsma_error err = ITSMA_ERROR_INIT;
	int rc = itsma_evidence_verify(a, root, 0, print_finding, &v, &err);
	sb_free(&v.path);
	if (rc < 0) {
		cli_print_error(&err);
		return CLI_INVALID;
	}
	printf("%zu checked: %zu ok, %zu missing, %zu changed", v.checked, v.count[ITSMA_EVIDENCE_CHECK_OK],
	       v.count[ITSMA_EVIDENCE_CHECK_MISSING], v.count[ITSMA_EVIDENCE_CHECK_CHANGED]);
	if (v.count[ITSMA_EVIDENCE_CHECK_REFUSED])
		printf(", %zu refused", v.count[ITSMA_EVIDENCE_CHECK_REFUSED]);
	if (v.count[ITSMA_EVIDENCE_CHECK_NOT_REGULAR])
		printf(", %zu not regular files", v.count[ITSMA_EVIDENCE_CHECK_NOT_REGULAR]);
	if (v.count[ITSMA_EVIDENCE_CHECK_TOO_LARGE])
		printf(", %zu too large", v.count[ITSMA_EVIDENCE_CHECK_TOO_LARGE]);
	if (v.count[ITSMA_EVIDENCE_CHECK_UNREADABLE])
		printf(", %zu unreadable", v.count[ITSMA_EVIDENCE_CHECK_UNREADABLE]);
	size_t no_digest = v.count[ITSMA_EVIDENCE_CHECK_NO_DIGEST], not_local = v.count[ITSMA_EVIDENCE_CHECK_NOT_CHECKABLE];
	if (no_digest || not_local)
		printf("; skipped %zu without a digest and %zu not under the root (absolute uri)", no_digest,
		       not_local);
	printf("\n");
	if (v.checked == 0) {
		cli_warn("nothing could be checked: no evidence record has both a relative uri and a "
		         "sha256 digest");
		return CLI_INVALID;
	}
	return v.checked == v.count[ITSMA_EVIDENCE_CHECK_OK] ? CLI_OK : CLI_INVALID;
}

int cmd_evidence(int argc, char **argv)
{
	cli_args args;
	int id, kind, quiet = 0;
	const char *value, *sub = NULL, *path = NULL, *root = NULL, *catalogue = NULL;
	const char **const operands[] = { &sub, &path };
	cli_args_init(&args, "evidence", help, argc, argv);
	cli_args_operands(&args, operands, 2);
	while ((kind = cli_args_next(&args, options, &id, &value)) == CLI_ARG_OPTION) {
		if (id == OPT_ROOT) {
			root = value;
		} else if (id == OPT_CATALOGUE) {
			catalogue = value;
		} else if (id == OPT_QUIET) {
			quiet = 1;
		}
	}
	if (kind != CLI_ARG_END)
		return cli_args_exit(kind);
	if (!sub)
		return cli_usage_error("evidence", "say 'verify ASSESSMENT.json'");
	if (strcmp(sub, "verify") != 0)
		return cli_usage_error("evidence", "unknown subcommand '%s' (say 'verify')", sub);
	if (!path)
		return cli_usage_error("evidence", "name the assessment whose evidence to verify");
	const char *inputs[] = { catalogue, path };
	if (cli_stdin_once("evidence", inputs, 2) != CLI_OK)
		return CLI_USAGE;

	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	int rc;
	if ((catalogue && (rc = cli_load_catalogue(&cat, catalogue)) != CLI_OK) ||
	    (rc = cli_load_assessment(&a, path, cat)) != CLI_OK) {
		itsma_catalogue_free(cat);
		return rc;
	}
	char *dir = root ? xstrdup(root) : dir_of(path);
	rc = verify(a, dir, quiet, cli_colour_wanted(stdout));
	free(dir);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
	return rc;
}
