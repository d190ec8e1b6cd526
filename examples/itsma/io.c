/*
 * Reading inputs and writing outputs. Outputs written to a file go to a temporary file
 * in the same folder first and are renamed over the target, so an interrupted run never
 * leaves half a report behind.
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int read_stream(FILE *f, char **data, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = xmalloc(cap);
	for (;;) {
		if (cap - n < 4096) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		size_t got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		free(buf);
		return -1;
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

int cli_read_file(const char *path, char **data, size_t *len)
{
	*data = NULL;
	*len = 0;
	if (strcmp(path, "-") == 0) {
		if (read_stream(stdin, data, len) < 0) {
			fprintf(stderr, "<stdin>: %s\n", strerror(errno));
			return -1;
		}
		return 0;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fprintf(stderr, "%s: %s\n", path, strerror(EISDIR));
		fclose(f);
		return -1;
	}
	int rc = read_stream(f, data, len);
	int e = errno;
	fclose(f);
	if (rc < 0) {
		fprintf(stderr, "%s: %s\n", path, strerror(e));
		return -1;
	}
	return 0;
}

int cli_is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, data, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += w;
		len -= (size_t)w;
	}
	return 0;
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
	size_t n = strlen(path);
	char *tmp = xmalloc(n + 16);
	snprintf(tmp, n + 16, "%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		free(tmp);
		return CLI_INVALID;
	}
	mode_t mask = umask(0);
	umask(mask);
	int failed = fchmod(fd, 0666 & ~mask) != 0 || write_all(fd, data, len) != 0 || fsync(fd) != 0;
	int e = errno;
	if (close(fd) != 0 && !failed) {
		failed = 1;
		e = errno;
	}
	if (!failed && rename(tmp, path) != 0) {
		failed = 1;
		e = errno;
	}
	if (failed) {
		unlink(tmp);
		fprintf(stderr, "%s: %s\n", path, strerror(e));
		free(tmp);
		return CLI_INVALID;
	}
	free(tmp);
	return CLI_OK;
}
