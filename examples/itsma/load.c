/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Loading catalogues and assessments for the commands, with library errors printed the
 * way compilers print theirs: "file:line:column: message" or "file: /json/pointer: message".
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

void cli_print_error(const itsma_error *err)
{
	char buf[1024];
	itsma_error_format(buf, sizeof buf, err);
	fprintf(stderr, "%s\n", buf);
}

int cli_fail(const itsma_error *err)
{
	cli_print_error(err);
	return CLI_INVALID;
}

/* A catalogue or assessment read from standard input ("-"). */
static int load_stdin(itsma_catalogue **cat_out, itsma_assessment **a_out,
                      const itsma_catalogue *cat)
{
	itsma_error err = ITSMA_ERROR_INIT;
	char *data;
	size_t len;
	int rc;
	if (cli_read_file("-", &data, &len) != CLI_OK)
		return CLI_INVALID;
	if (cat_out)
		rc = itsma_catalogue_load_buffer(cat_out, data, len, "<stdin>", NULL, &err);
	else
		rc = itsma_assessment_load_buffer(a_out, data, len, "<stdin>", cat, NULL, &err);
	itsma_free(data);
	return rc < 0 ? cli_fail(&err) : CLI_OK;
}

/* A catalogue argument looks like a path when it has a '/' or ends in ".json". */
static int looks_like_path(const char *arg)
{
	size_t n = strlen(arg);
	return strchr(arg, '/') || (n > 5 && strcmp(arg + n - 5, ".json") == 0);
}

int cli_load_catalogue(itsma_catalogue **out, const char *arg)
{
	itsma_error err = ITSMA_ERROR_INIT;
	*out = NULL;
	if (strcmp(arg, "-") == 0)
		return load_stdin(out, NULL, NULL);
	if (looks_like_path(arg)) {
		return itsma_catalogue_load_file(out, arg, NULL, &err) < 0 ? cli_fail(&err)
		                                                           : CLI_OK;
	}
	/* a built-in id means the built-in, whatever files the current folder holds */
	int rc = itsma_catalogue_builtin(out, arg, &err);
	if (rc == 0) {
		if (cli_is_file(arg))
			cli_warn(
			    "'%s' is the built-in catalogue; the file of that name in the current "
			    "folder is not read (write ./%s to load it)",
			    arg, arg);
		return CLI_OK;
	}
	if (rc == ITSMA_ENOTFOUND && cli_is_file(arg)) {
		cli_warn(
		    "no built-in catalogue is called '%s': reading the file of that name (write "
		    "./%s to say so)",
		    arg, arg);
		return itsma_catalogue_load_file(out, arg, NULL, &err) < 0 ? cli_fail(&err)
		                                                           : CLI_OK;
	}
	if (rc == ITSMA_ENOTFOUND) {
		fprintf(stderr,
		        "%s: no such file, and no built-in catalogue has that id "
		        "(see 'itsma catalogue list')\n",
		        arg);
		return CLI_INVALID;
	}
	return cli_fail(&err);
}

int cli_load_assessment(itsma_assessment **out, const char *path, const itsma_catalogue *cat)
{
	itsma_error err = ITSMA_ERROR_INIT;
	*out = NULL;
	if (strcmp(path, "-") == 0)
		return load_stdin(NULL, out, cat);
	if (itsma_assessment_load_file(out, path, cat, NULL, &err) < 0) {
		cli_print_error(&err);
		if (err.code == ITSMA_ENOTFOUND && !cat)
			fprintf(stderr, "%s: hint: name the catalogue file with --catalogue FILE\n",
			        path);
		return CLI_INVALID;
	}
	return CLI_OK;
}

int cli_stdin_once(const char *cmd, const char *const *paths, size_t n)
{
	size_t i, dashes = 0;
	for (i = 0; i < n; i++)
		dashes += paths[i] && strcmp(paths[i], "-") == 0;
	if (dashes > 1)
		return cli_usage_error(cmd, "standard input (-) can be read only once");
	return CLI_GO;
}

int cli_score(itsma_result **out, const itsma_assessment *a, const itsma_score_options *opts)
{
	itsma_error err = ITSMA_ERROR_INIT;
	*out = NULL;
	if (itsma_score(out, a, opts, &err) < 0) {
		if (!err.source[0])
			snprintf(err.source, sizeof err.source, "%s", itsma_assessment_origin(a));
		return cli_fail(&err);
	}
	return CLI_OK;
}

int cli_load_scored(itsma_catalogue **cat, itsma_assessment **a, itsma_result **r,
                    const char *catalogue, const char *path, const itsma_score_options *opts)
{
	int rc;
	if ((catalogue && (rc = cli_load_catalogue(cat, catalogue)) != CLI_OK) ||
	    (rc = cli_load_assessment(a, path, *cat)) != CLI_OK)
		return rc;
	return r ? cli_score(r, *a, opts) : CLI_OK;
}
