/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reading inputs and writing outputs, through the library's file functions (itsma/file.h):
 * reads are bounded and refuse devices; a regular output file is replaced atomically
 * (temporary file, rename) keeping its permissions, while devices, FIFOs and /dev/std* are
 * written into directly. Also whether output is coloured.
 */
#include "cli.h"

#include <errno.h>
#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_read_file(const char *path, char **data, size_t *len)
{
	itsma_error err = ITSMA_ERROR_INIT;
	int rc;
	*data = NULL;
	*len = 0;
	if (strcmp(path, "-") == 0)
		rc = itsma_file_read_fd(data, len, STDIN_FILENO, "<stdin>", 0, &err);
	else
		rc = itsma_file_read(data, len, path, 0, &err);
	return rc < 0 ? cli_fail(&err) : CLI_OK;
}

int cli_is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int cli_write_output(const char *path, const char *data, size_t len)
{
	if (!path || strcmp(path, "-") == 0) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
			fprintf(stderr, "%s: <stdout>: %s\n", cli_progname, strerror(errno));
			return CLI_INVALID;
		}
		return CLI_OK;
	}
	itsma_error err = ITSMA_ERROR_INIT;
	if (fflush(stdout) != 0 || itsma_file_write(path, data, len, &err) < 0) {
		if (err.code)
			cli_print_error(&err);
		else
			fprintf(stderr, "%s: <stdout>: %s\n", cli_progname, strerror(errno));
		return CLI_INVALID;
	}
	return CLI_OK;
}

int cli_emit(int rc, const itsma_error *err, const char *path, char *text, size_t len)
{
	if (rc < 0 || !text) {
		itsma_free(text);
		return cli_fail(err);
	}
	rc = cli_write_output(path, text, len ? len : strlen(text));
	itsma_free(text);
	return rc;
}

int cli_colour_wanted(FILE *f)
{
	const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
	if ((no && *no) || (term && strcmp(term, "dumb") == 0))
		return 0;
	return isatty(fileno(f));
}
