/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Write-failure test (ctest "fault_atomic_save").
 *
 * Saving writes a temporary file beside the target, fsyncs it and renames it over the
 * target. This test makes each step fail in turn, by wrapping the library's calls at link
 * time (-Wl,--wrap=write,... against the static library, see CMakeLists.txt): a full disk
 * (ENOSPC) at the first write and half way, a write failing with EIO after a short write,
 * a write making no progress, a read-only folder (EACCES from mkstemp; with a real
 * chmod 0555 too when not running as root), and fchmod, fsync, close and rename failing.
 * Each time the save must return ITSMA_EIO with err.sys_errno set to the system error,
 * leave the previous file byte for byte (or no file if there was none) with its mode, and
 * leave no temporary file behind. Interrupted (EINTR) and short writes must be retried
 * and the save succeed, keeping the previous file's permissions. Reading failures give
 * ITSMA_EIO too.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "itsma.h"

/* ---- wrappers ------------------------------------------------------------------------------- */

ssize_t __real_write(int fd, const void *buf, size_t n);
int __real_fsync(int fd);
int __real_rename(const char *from, const char *to);
int __real_mkstemp(char *tmpl);
int __real_fchmod(int fd, mode_t mode);
int __real_close(int fd);
ssize_t __real_read(int fd, void *buf, size_t n);
ssize_t __wrap_write(int fd, const void *buf, size_t n);
int __wrap_fsync(int fd);
int __wrap_rename(const char *from, const char *to);
int __wrap_mkstemp(char *tmpl);
int __wrap_fchmod(int fd, mode_t mode);
int __wrap_close(int fd);
ssize_t __wrap_read(int fd, void *buf, size_t n);

typedef struct plan {
	const char *name;
	int write_call; /* this write() on the temporary file fails with write_errno (1-based) */
	int write_errno;
	int short_upto; /* write() calls up to this one write only half of what they were asked */
	int eintr_call; /* this write() fails with EINTR before writing anything */
	int zero_call;  /* this write() returns 0 */
	int mkstemp_errno, fchmod_errno, fsync_errno, close_errno, rename_errno;
	int expect_errno; /* 0: the save must succeed */
} plan;

static const plan *active; /* the plan being applied, or NULL */
static int temp_fd = -1;   /* the temporary file the library created */
static int writes;         /* write() calls on it so far */
static int read_errno;     /* read() fails with this (load tests) */
static int calls_fsync, calls_rename;

ssize_t __wrap_write(int fd, const void *buf, size_t n)
{
	if (active && fd == temp_fd) {
		int k = ++writes;
		if (k == active->write_call) {
			errno = active->write_errno;
			return -1;
		}
		if (k == active->eintr_call) {
			errno = EINTR;
			return -1;
		}
		if (k == active->zero_call)
			return 0;
		if (k <= active->short_upto && n > 1)
			n /= 2;
	}
	return __real_write(fd, buf, n);
}

int __wrap_fsync(int fd)
{
	if (active && fd == temp_fd) {
		calls_fsync++;
		if (active->fsync_errno) {
			errno = active->fsync_errno;
			return -1;
		}
	}
	return __real_fsync(fd);
}

int __wrap_rename(const char *from, const char *to)
{
	if (active) {
		calls_rename++;
		if (active->rename_errno) {
			errno = active->rename_errno;
			return -1;
		}
	}
	return __real_rename(from, to);
}

int __wrap_mkstemp(char *tmpl)
{
	int fd;
	if (active && active->mkstemp_errno) {
		errno = active->mkstemp_errno;
		return -1;
	}
	fd = __real_mkstemp(tmpl);
	if (active)
		temp_fd = fd;
	return fd;
}

int __wrap_fchmod(int fd, mode_t mode)
{
	if (active && fd == temp_fd && active->fchmod_errno) {
		errno = active->fchmod_errno;
		return -1;
	}
	return __real_fchmod(fd, mode);
}

int __wrap_close(int fd)
{
	int rc = __real_close(fd);
	if (active && fd == temp_fd) {
		temp_fd = -1;
		if (active->close_errno) {
			/* like NFS: the descriptor is gone, but the data may not be */
			errno = active->close_errno;
			return -1;
		}
	}
	return rc;
}

ssize_t __wrap_read(int fd, void *buf, size_t n)
{
	if (read_errno) {
		errno = read_errno;
		return -1;
	}
	return __real_read(fd, buf, n);
}

/* ---- helpers --------------------------------------------------------------------------------- */

#include "../check.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
		abort();
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void spit(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "wb");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0 || chmod(path, mode) != 0) {
		perror(path);
		exit(2);
	}
}

/* Number of entries in dir other than "." and ".." (and the name of one of them). */
static int entries(const char *dir, char *name, size_t size)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	if (!d)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (name && strcmp(e->d_name, "target.json") != 0)
			snprintf(name, size, "%s", e->d_name);
		n++;
	}
	closedir(d);
	return n;
}

static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char p[1200];
	if (!d)
		return;
	chmod(dir, 0700);
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		if (unlink(p) != 0)
			rmdir(p);
	}
	closedir(d);
	rmdir(dir);
}

static void make_dir(char *dir, size_t size)
{
	snprintf(dir, size, "%s/fault-XXXXXX", ITSMA_TEST_TMP);
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		exit(2);
	}
}

/* ---- the documents --------------------------------------------------------------------------- */

static itsma_catalogue *cat;
static itsma_assessment *asmt;
static char *cat_text, *asm_text;

typedef int (*save_fn)(const char *path, itsma_error *err);
static int save_catalogue(const char *path, itsma_error *err)
{
	return itsma_catalogue_save_file(cat, path, err);
}
static int save_assessment(const char *path, itsma_error *err)
{
	return itsma_assessment_save_file(asmt, path, err);
}

static void setup(void)
{
	itsma_error err = ITSMA_ERROR_INIT;
	if (itsma_catalogue_builtin(&cat, "iso20000-1:2018", &err) < 0 ||
	    itsma_assessment_new(&asmt, cat, "fault", "2026-11-20", &err) < 0 ||
	    itsma_assessment_set_title(asmt, "A title long enough to need two writes", &err) < 0 ||
	    itsma_catalogue_to_json(&cat_text, cat, &err) < 0 ||
	    itsma_assessment_to_json(&asm_text, asmt, &err) < 0) {
		fprintf(stderr, "setup: %s\n", err.message);
		exit(2);
	}
}

/* ---- save under a plan ----------------------------------------------------------------------- */

static void run_plan(const plan *p, save_fn save, const char *what, const char *expected,
                     int previous)
{
	char dir[600], path[700], stray[256] = "";
	itsma_error err = ITSMA_ERROR_INIT;
	struct stat st;
	char *now;
	int rc, n;
	static const char old[] = "{\"previous\": \"contents\"}\n";

	make_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/target.json", dir);
	if (previous)
		spit(path, old, 0640);
	writes = 0;
	temp_fd = -1;
	calls_fsync = calls_rename = 0;
	active = p;
	rc = save(path, &err);
	active = NULL;

	now = slurp(path);
	n = entries(dir, stray, sizeof stray);
	if (p->expect_errno) {
		CHECK(rc == ITSMA_EIO, "%s, %s: returned %s, not ITSMA_EIO", what, p->name,
		      itsma_error_code_name(rc));
		CHECK(err.code == ITSMA_EIO, "%s, %s: err.code %d", what, p->name, err.code);
		CHECK(err.sys_errno == p->expect_errno,
		      "%s, %s: sys_errno %d (%s), expected %d (%s)", what, p->name, err.sys_errno,
		      strerror(err.sys_errno), p->expect_errno, strerror(p->expect_errno));
		CHECK(err.message[0] != '\0' &&
		          strstr(err.message, strerror(p->expect_errno)) != NULL,
		      "%s, %s: message \"%s\" does not give the system error", what, p->name,
		      err.message);
		CHECK(strcmp(err.source, path) == 0, "%s, %s: source \"%s\"", what, p->name,
		      err.source);
		if (previous) {
			CHECK(now && strcmp(now, old) == 0, "%s, %s: the previous file changed",
			      what, p->name);
			CHECK(stat(path, &st) == 0 && (st.st_mode & 07777) == 0640,
			      "%s, %s: the previous file's mode changed", what, p->name);
		} else {
			CHECK(now == NULL, "%s, %s: a file appeared though the save failed", what,
			      p->name);
		}
		CHECK(n == (previous ? 1 : 0), "%s, %s: %d entries left in the folder (\"%s\")",
		      what, p->name, n, stray);
	} else {
		CHECK(rc == 0, "%s, %s: failed: %s", what, p->name, err.message);
		CHECK(now && strcmp(now, expected) == 0, "%s, %s: wrong contents", what, p->name);
		CHECK(stat(path, &st) == 0 && (st.st_mode & 07777) == (previous ? 0640 : 0644),
		      "%s, %s: mode %o", what, p->name, (unsigned)(st.st_mode & 07777));
		CHECK(n == 1, "%s, %s: %d entries left in the folder (\"%s\")", what, p->name, n,
		      stray);
		CHECK(calls_fsync == 1 && calls_rename == 1, "%s, %s: fsync %d, rename %d times",
		      what, p->name, calls_fsync, calls_rename);
	}
	free(now);
	remove_dir(dir);
}

static const plan plans[] = {
	{ "full disk at the first write", 1, ENOSPC, 0, 0, 0, 0, 0, 0, 0, 0, ENOSPC },
	{ "full disk half way", 2, ENOSPC, 1, 0, 0, 0, 0, 0, 0, 0, ENOSPC },
	{ "EIO after a short write", 2, EIO, 1, 0, 0, 0, 0, 0, 0, 0, EIO },
	{ "quota exceeded at the third write", 3, EDQUOT, 2, 0, 0, 0, 0, 0, 0, 0, EDQUOT },
	{ "a write that makes no progress", 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, EIO },
	{ "read-only folder (mkstemp EACCES)", 0, 0, 0, 0, 0, EACCES, 0, 0, 0, 0, EACCES },
	{ "read-only file system (mkstemp EROFS)", 0, 0, 0, 0, 0, EROFS, 0, 0, 0, 0, EROFS },
	{ "fchmod fails", 0, 0, 0, 0, 0, 0, EPERM, 0, 0, 0, EPERM },
	{ "fsync fails", 0, 0, 0, 0, 0, 0, 0, EIO, 0, 0, EIO },
	{ "close fails", 0, 0, 0, 0, 0, 0, 0, 0, EIO, 0, EIO },
	{ "rename fails", 0, 0, 0, 0, 0, 0, 0, 0, 0, EIO, EIO },
	{ "rename across devices", 0, 0, 0, 0, 0, 0, 0, 0, 0, EXDEV, EXDEV },
	{ "interrupted write is retried", 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0 },
	{ "short writes are completed", 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "no failure", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
};

/* A real read-only folder: only meaningful when permissions apply (not as root). */
static void real_read_only_folder(save_fn save, const char *what)
{
	char dir[600], path[700];
	itsma_error err = ITSMA_ERROR_INIT;
	char *now;
	int rc;
	static const char old[] = "old\n";

	if (geteuid() == 0) {
		printf(
		    "running as root: the read-only folder is simulated (mkstemp EACCES) only\n");
		return;
	}
	make_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/target.json", dir);
	spit(path, old, 0644);
	chmod(dir, 0555);
	rc = save(path, &err);
	chmod(dir, 0700);
	now = slurp(path);
	CHECK(rc == ITSMA_EIO && err.sys_errno == EACCES,
	      "%s, real read-only folder: %s (errno %d)", what, itsma_error_code_name(rc),
	      err.sys_errno);
	CHECK(now && strcmp(now, old) == 0, "%s, real read-only folder: the previous file changed",
	      what);
	CHECK(entries(dir, NULL, 0) == 1, "%s, real read-only folder: a temporary file was left",
	      what);
	free(now);
	remove_dir(dir);
}

/* Failures that need no injection. */
static void real_failures(save_fn save, const char *what)
{
	char dir[600], path[700];
	itsma_error err = ITSMA_ERROR_INIT;
	int rc;

	make_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/no/such/folder/x.json", dir);
	rc = save(path, &err);
	CHECK(rc == ITSMA_EIO && err.sys_errno == ENOENT, "%s into a missing folder: %s (errno %d)",
	      what, itsma_error_code_name(rc), err.sys_errno);

	/* the target is a folder: rename fails, the temporary file goes */
	snprintf(path, sizeof path, "%s/sub", dir);
	if (mkdir(path, 0755) != 0)
		abort();
	rc = save(path, &err);
	CHECK(rc == ITSMA_EIO && err.sys_errno != 0, "%s onto a folder: %s (errno %d)", what,
	      itsma_error_code_name(rc), err.sys_errno);
	CHECK(entries(dir, NULL, 0) == 1, "%s onto a folder: a temporary file was left", what);
	rmdir(path);

	rc = save("", &err);
	CHECK(rc == ITSMA_EINVAL, "%s to an empty path: %s", what, itsma_error_code_name(rc));
	remove_dir(dir);
}

static void read_failures(void)
{
	char dir[600], path[700];
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *c = NULL;
	itsma_assessment *a = NULL;
	int rc;

	make_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/cat.json", dir);
	spit(path, cat_text, 0644);
	read_errno = EIO;
	rc = itsma_catalogue_load_file(&c, path, NULL, &err);
	read_errno = 0;
	CHECK(rc == ITSMA_EIO && err.sys_errno == EIO && c == NULL,
	      "catalogue read error: %s (errno %d)", itsma_error_code_name(rc), err.sys_errno);
	CHECK(strcmp(err.source, path) == 0, "catalogue read error: source \"%s\"", err.source);

	snprintf(path, sizeof path, "%s/asm.json", dir);
	spit(path, asm_text, 0644);
	read_errno = EIO;
	rc = itsma_assessment_load_file(&a, path, cat, NULL, &err);
	read_errno = 0;
	CHECK(rc == ITSMA_EIO && err.sys_errno == EIO && a == NULL,
	      "assessment read error: %s (errno %d)", itsma_error_code_name(rc), err.sys_errno);

	rc = itsma_catalogue_load_file(&c, dir, NULL, &err);
	CHECK(rc == ITSMA_EIO && err.sys_errno == EISDIR && c == NULL,
	      "catalogue from a folder: %s (errno %d)", itsma_error_code_name(rc), err.sys_errno);
	snprintf(path, sizeof path, "%s/missing.json", dir);
	rc = itsma_assessment_load_file(&a, path, cat, NULL, &err);
	CHECK(rc == ITSMA_EIO && err.sys_errno == ENOENT && a == NULL,
	      "missing assessment: %s (errno %d)", itsma_error_code_name(rc), err.sys_errno);
	remove_dir(dir);
}

int main(void)
{
	const plan *p;
	int previous, runs = 0;

	setup();
	for (p = plans; p->name; p++) {
		for (previous = 0; previous < 2; previous++) {
			run_plan(p, save_catalogue, "catalogue", cat_text, previous);
			run_plan(p, save_assessment, "assessment", asm_text, previous);
			runs += 2;
		}
	}
	real_read_only_folder(save_catalogue, "catalogue");
	real_read_only_folder(save_assessment, "assessment");
	real_failures(save_catalogue, "catalogue");
	real_failures(save_assessment, "assessment");
	read_failures();
	itsma_free(cat_text);
	itsma_free(asm_text);
	itsma_assessment_free(asmt);
	itsma_catalogue_free(cat);
	printf("%d injected save runs, %d failure(s)\n", runs, failures);
	return failures ? 1 : 0;
}
