/*
 * itsma evidence verify ASSESSMENT.json [--root DIR] [--catalogue FILE]
 *
 * For every evidence record with a sha256 digest and a relative uri, hashes the file
 * under DIR and compares: a missing file or a different digest (tampered or replaced
 * evidence) makes the check fail.
 */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
	"Usage: itsma evidence verify ASSESSMENT.json [--root DIR] [--catalogue ID|FILE]\n"
	"\n"
	"Check the evidence files of an assessment: for each evidence record with a sha256\n"
	"digest and a relative uri (such as records/cab-minutes-2026-10.pdf), compute the\n"
	"SHA-256 of that file under DIR and compare. Missing files and digests that differ\n"
	"(evidence changed since it was recorded) are reported. Records with an absolute uri\n"
	"(https://..., /path) or without a digest are skipped and counted.\n"
	"\n"
	"Options:\n"
	"  --root DIR            the folder relative uris start from (default: the folder of\n"
	"                        ASSESSMENT.json)\n"
	"  --catalogue ID|FILE   the catalogue the assessment was made against\n"
	"  -q, --quiet           report only problems\n"
	"  -h, --help            show this help\n"
	"\n"
	"Exit status: 0 when every checked file matches, 1 when a file is missing or differs\n"
	"(or the assessment is invalid), 2 on a usage error.\n"
	"\n"
	"Example:\n"
	"  itsma evidence verify q4.json --root /srv/audit/evidence\n";

enum { OPT_ROOT, OPT_CATALOGUE, OPT_QUIET };
static const cli_option options[] = { { "root", 0, 1, OPT_ROOT },
	                                  { "catalogue", 0, 1, OPT_CATALOGUE },
	                                  { "quiet", 'q', 0, OPT_QUIET },
	                                  { NULL, 0, 0, 0 } };

/* A uri with a scheme ("https:") or an absolute path is not checked. */
static int is_relative(const char *uri)
{
	if (uri[0] == '/' || uri[0] == '\\' || uri[0] == '\0')
		return 0;
	const char *p = uri;
	if (isalpha((unsigned char)*p)) {
		while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.')
			p++;
		if (*p == ':')
			return 0;
	}
	return 1;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The file path of a relative uri: percent-decoded, without query or fragment; NULL when it
 * would leave the root (a ".." segment) or is malformed. */
static char *uri_path(const char *uri)
{
	size_t n = strcspn(uri, "?#");
	char *out = xmalloc(n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (uri[i] == '%') {
			int hi = i + 2 < n ? hexval(uri[i + 1]) : -1;
			int lo = hi >= 0 ? hexval(uri[i + 2]) : -1;
			if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
				free(out);
				return NULL;
			}
			out[k++] = (char)(hi * 16 + lo);
			i += 2;
		} else {
			out[k++] = uri[i];
		}
	}
	out[k] = '\0';
	/* refuse to leave the root */
	for (char *seg = out; seg;) {
		char *slash = strchr(seg, '/');
		size_t len = slash ? (size_t)(slash - seg) : strlen(seg);
		if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			free(out);
			return NULL;
		}
		seg = slash ? slash + 1 : NULL;
	}
	return out;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

static int verify(const itsma_assessment *a, const char *root, int quiet, int colour)
{
	size_t n = itsma_assessment_evidence_count(a);
	size_t checked = 0, ok = 0, missing = 0, mismatch = 0, refused = 0, no_digest = 0, not_local = 0;
	sb path = SB_INIT;
	const char *red = cli_col(colour, COL_RED), *green = cli_col(colour, COL_GREEN);
	const char *reset = cli_col(colour, COL_RESET);
	for (size_t i = 0; i < n; i++) {
		const itsma_evidence *e = itsma_assessment_evidence_at(a, i);
		const char *uri = itsma_evidence_uri(e), *want = itsma_evidence_sha256(e);
		const char *eid = itsma_evidence_id(e);
		if (!uri || !is_relative(uri)) {
			if (want)
				not_local++;
			continue;
		}
		if (!want) {
			no_digest++;
			continue;
		}
		checked++;
		char *rel = uri_path(uri);
		if (!rel) {
			printf("%s%-9s%s %-12s %s: refused: the uri leaves the root folder or is malformed\n", red,
			       "REFUSED", reset, eid, uri);
			refused++;
			continue;
		}
		sb_clear(&path);
		sb_printf(&path, "%s/%s", root, rel);
		free(rel);
		char got[65];
		if (!cli_is_file(sb_str(&path)) || sha256_file(sb_str(&path), got) < 0) {
			int e2 = cli_is_file(sb_str(&path)) ? errno : ENOENT;
			printf("%s%-9s%s %-12s %s: %s\n", red, "MISSING", reset, eid, sb_str(&path), strerror(e2));
			missing++;
		} else if (strcmp(got, want) != 0) {
			printf("%s%-9s%s %-12s %s: sha256 is %s, the assessment records %s\n", red, "CHANGED",
			       reset, eid, sb_str(&path), got, want);
			mismatch++;
		} else {
			if (!quiet)
				printf("%s%-9s%s %-12s %s\n", green, "ok", reset, eid, sb_str(&path));
			ok++;
		}
	}
	sb_free(&path);
	printf("%zu checked: %zu ok, %zu missing, %zu changed", checked, ok, missing, mismatch);
	if (refused)
		printf(", %zu refused", refused);
	if (no_digest || not_local)
		printf("; skipped %zu without a digest and %zu not under the root (absolute uri)",
		       no_digest, not_local);
	printf("\n");
	return missing || mismatch || refused ? CLI_INVALID : CLI_OK;
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
