/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The library's file functions (itsma/file.h) and the loader's input: a write never
 * replaces a device, FIFO or link; modes are kept; reads refuse devices and are bounded;
 * a mapped input takes its size from the descriptor it maps.
 */
#define _DEFAULT_SOURCE 1 /* mknod, makedev */
#include "harness.h"
#include "internal/json_in.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[512];

/* A path in the test's folder; two live at once (rename(tmp(a), tmp(b))). */
static const char *tmp(const char *name)
{
	static char paths[2][1024];
	static int next;
	char *path = paths[next];
	next = !next;
	snprintf(path, sizeof paths[0], "%s/%s", dir, name);
	return path;
}

static void fresh_dir(const char *name)
{
	char cmd[1200];
	snprintf(dir, sizeof dir, "%s/file-%s", ITSMA_TEST_TMP, name);
	snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", dir, dir);
	CU_ASSERT_FATAL(system(cmd) == 0);
}

static size_t entries(void)
{
	char cmd[1200];
	FILE *p;
	size_t n = 0;
	int c;
	snprintf(cmd, sizeof cmd, "ls -A '%s'", dir);
	p = popen(cmd, "r");
	while (p && (c = fgetc(p)) != EOF)
		n += c == '\n';
	if (p)
		pclose(p);
	return n;
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	CU_ASSERT_FATAL(f != NULL);
	fputs(text, f);
	fclose(f);
}

/* -o /dev/null as root used to leave a regular file at /dev/null: a private copy of its
 * device node stays a device, for itsma_file_write and for the library's own save. */
static void test_character_device_stays(void)
{
	struct stat st;
	itsma_catalogue *cat = NULL;
	fresh_dir("chr");
	if (mknod(tmp("null"), S_IFCHR | 0666, makedev(1, 3)) < 0) {
		fprintf(stderr, "(mknod: %s: device case skipped) ", strerror(errno));
		return;
	}
	ASSERT_OK(itsma_file_write(tmp("null"), "hello", 5, ASSERT_ERR));
	CU_ASSERT(lstat(tmp("null"), &st) == 0 && S_ISCHR(st.st_mode) &&
	          st.st_rdev == makedev(1, 3));
	ASSERT_OK(itsma_catalogue_builtin(&cat, "iso20000-1:2018", ASSERT_ERR));
	ASSERT_OK(itsma_catalogue_save_file(cat, tmp("null"), ASSERT_ERR));
	CU_ASSERT(lstat(tmp("null"), &st) == 0 && S_ISCHR(st.st_mode) &&
	          st.st_rdev == makedev(1, 3));
	CU_ASSERT_EQUAL(entries(), 1); /* no temporary file beside it */
	itsma_catalogue_free(cat);
}

/* A FIFO is written into (its reader gets the bytes) and stays a FIFO. */
static void test_fifo_stays(void)
{
	struct stat st;
	char got[16] = "";
	pid_t child;
	int status = 0, fds[2];
	fresh_dir("fifo");
	CU_ASSERT_FATAL(mkfifo(tmp("fifo"), 0600) == 0);
	CU_ASSERT_FATAL(pipe(fds) == 0);
	child = fork();
	CU_ASSERT_FATAL(child >= 0);
	if (child == 0) {
		char buf[16] = "";
		int fd = open(tmp("fifo"), O_RDONLY);
		ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
		_exit(n > 0 && write(fds[1], buf, (size_t)n) == n ? 0 : 1);
	}
	close(fds[1]);
	ASSERT_OK(itsma_file_write(tmp("fifo"), "hello", 5, ASSERT_ERR));
	CU_ASSERT(read(fds[0], got, sizeof got - 1) == 5 && strcmp(got, "hello") == 0);
	close(fds[0]);
	waitpid(child, &status, 0);
	CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CU_ASSERT(lstat(tmp("fifo"), &st) == 0 && S_ISFIFO(st.st_mode));
	CU_ASSERT_EQUAL(entries(), 1);
}

/* Replacing a 0600, 0640 or 0444 file keeps its mode; a new file gets 0666 less the umask. */
static void test_mode_kept(void)
{
	static const mode_t modes[] = { 0600, 0640, 0444 };
	struct stat st;
	size_t i, len;
	mode_t mask = umask(022);
	fresh_dir("mode");
	for (i = 0; i < sizeof modes / sizeof *modes; i++) {
		char *text;
		write_text(tmp("f"), "old");
		CU_ASSERT_FATAL(chmod(tmp("f"), modes[i]) == 0);
		ASSERT_OK(itsma_file_write(tmp("f"), "new", 3, ASSERT_ERR));
		CU_ASSERT(stat(tmp("f"), &st) == 0 && (st.st_mode & 07777) == modes[i]);
		text = itsma_test_slurp(tmp("f"), &len);
		CU_ASSERT(text && strcmp(text, "new") == 0);
		free(text);
		unlink(tmp("f"));
	}
	ASSERT_OK(itsma_file_write(tmp("new"), "x", 1, ASSERT_ERR));
	CU_ASSERT(stat(tmp("new"), &st) == 0 && (st.st_mode & 07777) == 0644);
	umask(mask);
	CU_ASSERT_EQUAL(entries(), 1);
}

/* A symbolic link stays a link; the file at its end is replaced (or created) in its folder. */
static void test_symlink_kept(void)
{
	struct stat st;
	char *text;
	fresh_dir("link");
	write_text(tmp("target"), "old");
	CU_ASSERT_FATAL(symlink("target", tmp("link")) == 0);
	CU_ASSERT_FATAL(symlink("link", tmp("link2")) == 0);
	ASSERT_OK(itsma_file_write(tmp("link2"), "new", 3, ASSERT_ERR));
	CU_ASSERT(lstat(tmp("link"), &st) == 0 && S_ISLNK(st.st_mode));
	CU_ASSERT(lstat(tmp("link2"), &st) == 0 && S_ISLNK(st.st_mode));
	text = itsma_test_slurp(tmp("target"), NULL);
	CU_ASSERT(text && strcmp(text, "new") == 0);
	free(text);
	CU_ASSERT_FATAL(symlink("later", tmp("dangling")) == 0);
	ASSERT_OK(itsma_file_write(tmp("dangling"), "made", 4, ASSERT_ERR));
	text = itsma_test_slurp(tmp("later"), NULL);
	CU_ASSERT(text && strcmp(text, "made") == 0);
	free(text);
	CU_ASSERT(lstat(tmp("dangling"), &st) == 0 && S_ISLNK(st.st_mode));
	CU_ASSERT_EQUAL(entries(), 5);
}

/* Directories are refused; a failed write leaves no temporary file and the old content. */
static void test_refusals(void)
{
	itsma_error err = ITSMA_ERROR_INIT;
	char *text;
	fresh_dir("refuse");
	CU_ASSERT_EQUAL(itsma_file_write(dir, "x", 1, &err), ITSMA_EIO);
	CU_ASSERT_EQUAL(err.sys_errno, EISDIR);
	CU_ASSERT(strstr(err.message, "it is a directory") != NULL);
	CU_ASSERT_EQUAL(itsma_file_write("", "x", 1, &err), ITSMA_EINVAL);
	write_text(tmp("keep"), "old");
	CU_ASSERT_EQUAL(itsma_file_write(tmp("missing/x"), "x", 1, &err), ITSMA_EIO);
	if (access("/dev/full", W_OK) == 0) {
		CU_ASSERT_EQUAL(itsma_file_write("/dev/full", "x", 1, &err), ITSMA_EIO);
		CU_ASSERT_EQUAL(err.sys_errno, ENOSPC);
	}
	text = itsma_test_slurp(tmp("keep"), NULL);
	CU_ASSERT(text && strcmp(text, "old") == 0);
	free(text);
	CU_ASSERT_EQUAL(entries(), 1);
}

/* Reads refuse devices without reading (no unbounded growth on /dev/zero) and stop at the
 * limit; FIFOs and regular files are read. */
static void test_read_bounds(void)
{
	itsma_error err = ITSMA_ERROR_INIT;
	char *data = NULL;
	size_t len = 0;
	int fd;
	fresh_dir("read");
	CU_ASSERT_EQUAL(itsma_file_read(&data, &len, "/dev/zero", 0, &err), ITSMA_EIO);
	CU_ASSERT(data == NULL && strstr(err.message, "character device") != NULL);
	CU_ASSERT_EQUAL(itsma_file_read(&data, &len, dir, 0, &err), ITSMA_EIO);
	CU_ASSERT_EQUAL(err.sys_errno, EISDIR);
	write_text(tmp("doc"), "0123456789");
	ASSERT_OK(itsma_file_read(&data, &len, tmp("doc"), 0, ASSERT_ERR));
	CU_ASSERT(len == 10 && strcmp(data, "0123456789") == 0);
	itsma_free(data);
	CU_ASSERT_EQUAL(itsma_file_read(&data, &len, tmp("doc"), 9, &err), ITSMA_ELIMIT);
	fd = open("/dev/zero", O_RDONLY);
	CU_ASSERT_EQUAL(itsma_file_read_fd(&data, &len, fd, "<stdin>", 0, &err), ITSMA_EIO);
	CU_ASSERT_STRING_EQUAL(err.source, "<stdin>");
	close(fd);
	fd = open(tmp("doc"), O_RDONLY);
	ASSERT_OK(itsma_file_read_fd(&data, &len, fd, NULL, 4, &err) == ITSMA_ELIMIT ? 0 : -1);
	close(fd);
}

/*
 * The SIGBUS: the loader used to stat the path, open it, then map the size the stat saw.
 * When the path was replaced in between by a shorter file, touching the mapping past the new
 * file's end killed the process. The input now takes the size from the descriptor it maps:
 * here the path is replaced by a 1-byte file after the descriptor is open, and the mapping
 * must still be the whole old file (with the old code's rule, stat-by-path, it would be 1
 * byte, or past the end of the file mapped).
 */
static void test_input_size_from_descriptor(void)
{
	itsma_error err = ITSMA_ERROR_INIT;
	itsma__input in;
	size_t big = ((size_t)9 << 20) + 123;
	char *blob = malloc(big);
	FILE *f;
	int fd;
	fresh_dir("map");
	CU_ASSERT_FATAL(blob != NULL);
	memset(blob, 'a', big);
	blob[big - 1] = 'z';
	f = fopen(tmp("big.json"), "wb");
	CU_ASSERT_FATAL(f && fwrite(blob, 1, big, f) == big);
	fclose(f);
	free(blob);
	fd = open(tmp("big.json"), O_RDONLY);
	CU_ASSERT_FATAL(fd >= 0);
	/* the atomic replace docs/robustness.md recommends, between open and map */
	write_text(tmp("small"), "x");
	CU_ASSERT_FATAL(rename(tmp("small"), tmp("big.json")) == 0);
	ASSERT_OK(
	    itsma__input_from_fd(&in, fd, tmp("big.json"), ITSMA_DEFAULT_MAX_BYTES, ASSERT_ERR));
	CU_ASSERT(in.mapped);
	CU_ASSERT_EQUAL(in.len, big);
	CU_ASSERT(in.len == big && in.data[big - 1] == 'z'); /* the last page is readable */
	itsma__input_close(&in);
	close(fd);
	/* through the path: what is opened now is the 1-byte file, read not mapped */
	ASSERT_OK(itsma__input_open(&in, tmp("big.json"), ITSMA_DEFAULT_MAX_BYTES, ASSERT_ERR));
	CU_ASSERT(!in.mapped);
	CU_ASSERT_EQUAL(in.len, 1);
	itsma__input_close(&in);
	CU_ASSERT_EQUAL(itsma__input_open(&in, "/dev/zero", ITSMA_DEFAULT_MAX_BYTES, &err),
	                ITSMA_EIO);
}

static const itsma_test_case tests[] = {
	{ "character_device_stays", test_character_device_stays },
	{ "fifo_stays", test_fifo_stays },
	{ "mode_kept", test_mode_kept },
	{ "symlink_kept", test_symlink_kept },
	{ "refusals", test_refusals },
	{ "read_bounds", test_read_bounds },
	{ "input_size_from_descriptor", test_input_size_from_descriptor },
	{ NULL, NULL },
};

ITSMA_TEST_MAIN("file", tests)
