/* SPDX-License-Identifier: Apache-2.0 */
/* Reading whole files and writing them without destroying what the path names (see
 * itsma/file.h): atomic replace of regular files, direct writes into devices and pipes. */
#define _GNU_SOURCE 1 /* O_PATH; madvise(MADV_DONTNEED): posix_madvise is a no-op for it */
#include "internal/json_in.h"
#include "internal/buf.h"
#include "internal/error.h"
#include "itsma/file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef O_PATH
#define PATH_ONLY O_PATH /* look at the object without opening it for I/O (no device open) */
#else
#define PATH_ONLY (O_RDONLY | O_NONBLOCK | O_NOCTTY)
#endif

static int io_error(itsma_error *err, int e, const char *path, const char *what)
{
	itsma__error_set(err, ITSMA_EIO, "cannot %s \"%.100s\": %s", what, path, strerror(e));
	if (err)
		err->sys_errno = e;
	itsma__error_source(err, path);
	return ITSMA_EIO;
}

const char *itsma__file_kind(unsigned int mode)
{
	mode_t m = (mode_t)mode;
	if (S_ISREG(m))
		return "a regular file";
	if (S_ISDIR(m))
		return "a directory";
	if (S_ISCHR(m))
		return "a character device";
	if (S_ISBLK(m))
		return "a block device";
	if (S_ISSOCK(m))
		return "a socket";
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISLNK(m))
		return "a symbolic link";
	return "not a regular file";
}

/* "cannot read "x": it is a character device, not a regular file" (ITSMA_EIO). */
static int kind_error(itsma_error *err, mode_t m, const char *path, const char *what)
{
	int e = S_ISDIR(m) ? EISDIR : S_ISBLK(m) ? EPERM : ENXIO;
	itsma__error_set(err, ITSMA_EIO, "cannot %s \"%.100s\": it is %s, not a regular file", what,
	                 path, itsma__file_kind(m));
	if (err)
		err->sys_errno = e;
	itsma__error_source(err, path);
	return ITSMA_EIO;
}

/* ---- reading -------------------------------------------------------------------------------- */

/* Read @p fd to its end, at most @p max_bytes; @p size_hint sizes the first buffer. */
static int read_fd(int fd, const char *path, size_t max_bytes, size_t size_hint, char **out,
                   size_t *len, itsma_error *err)
{
	char *buf;
	size_t cap, n = 0;
	int e;

	if (size_hint > max_bytes) {
		itsma__error_set(err, ITSMA_ELIMIT,
		                 "file is %zu bytes, over the limit of %zu bytes", size_hint,
		                 max_bytes);
		itsma__error_source(err, path);
		return ITSMA_ELIMIT;
	}
	cap = size_hint > 0 ? size_hint + 1 : 4096;
	buf = malloc(cap);
	if (!buf)
		return itsma__error_nomem(err);
	for (;;) {
		ssize_t r;
		if (n + 1 >= cap) {
			char *nb;
			size_t ncap;
			if (n >= max_bytes || cap > (size_t)-1 / 2) {
				/* at the limit: only the end of the file may follow (a file of
				 * exactly max_bytes is fine) */
				char extra;
				ssize_t got = read(fd, &extra, 1);
				if (got < 0 && errno == EINTR)
					continue;
				e = errno;
				if (got == 0)
					break;
				free(buf);
				if (got < 0)
					return io_error(err, e, path, "read");
				itsma__error_set(err, ITSMA_ELIMIT,
				                 "file is over the limit of %zu bytes", max_bytes);
				itsma__error_source(err, path);
				return ITSMA_ELIMIT;
			}
			ncap = cap * 2;
			if (ncap - 1 > max_bytes)
				ncap = max_bytes + 1;
			nb = realloc(buf, ncap);
			if (!nb) {
				free(buf);
				return itsma__error_nomem(err);
			}
			buf = nb;
			cap = ncap;
		}
		r = read(fd, buf + n, cap - n - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			e = errno;
			free(buf);
			return io_error(err, e, path, "read");
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

/*
 * Open @p path for reading without blocking and without following it into a device: the
 * kind is checked on the opened descriptor. Regular files and FIFOs are accepted (a FIFO is
 * reopened blocking, so that a writer that starts later is waited for, and must still be the
 * same FIFO). Returns the descriptor and fills *st, or an error code (< 0).
 */
static int open_for_reading(const char *path, struct stat *st, itsma_error *err)
{
	int fd, e;

	if (!path)
		return itsma__error_set(err, ITSMA_EINVAL, "path must not be NULL");
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return io_error(err, errno, path, "open");
	if (fstat(fd, st) < 0) {
		e = errno;
		close(fd);
		return io_error(err, e, path, "stat");
	}
	if (S_ISFIFO(st->st_mode)) {
		struct stat again;
		close(fd);
		fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC);
		if (fd < 0)
			return io_error(err, errno, path, "open");
		if (fstat(fd, &again) < 0 || again.st_dev != st->st_dev ||
		    again.st_ino != st->st_ino) {
			close(fd);
			return io_error(err, EAGAIN, path, "open (it changed while being opened)");
		}
		return fd;
	}
	if (!S_ISREG(st->st_mode)) {
		close(fd);
		return kind_error(err, st->st_mode, path, "read");
	}
	/* a regular file: blocking reads from here on */
	(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

int itsma__read_file(const char *path, size_t max_bytes, char **out, size_t *len, itsma_error *err)
{
	struct stat st;
	int fd, rc;

	*out = NULL;
	*len = 0;
	if ((fd = open_for_reading(path, &st, err)) < 0)
		return fd;
	rc = read_fd(fd, path, max_bytes, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, out, len,
	             err);
	close(fd);
	return rc;
}

int itsma_file_read(char **out, size_t *len_out, const char *path, size_t max_bytes,
                    itsma_error *err)
{
	size_t len;
	int rc;
	itsma__error_reset(err);
	if (!out || !len_out)
		return itsma__error_set(err, ITSMA_EINVAL, "out and len_out must not be NULL");
	rc =
	    itsma__read_file(path, max_bytes ? max_bytes : ITSMA_DEFAULT_MAX_BYTES, out, &len, err);
	*len_out = rc == 0 ? len : 0;
	return rc;
}

int itsma_file_read_fd(char **out, size_t *len_out, int fd, const char *source_name,
                       size_t max_bytes, itsma_error *err)
{
	struct stat st;
	const char *name = source_name ? source_name : "<fd>";
	itsma__error_reset(err);
	if (!out || !len_out)
		return itsma__error_set(err, ITSMA_EINVAL, "out and len_out must not be NULL");
	*out = NULL;
	*len_out = 0;
	if (fstat(fd, &st) < 0)
		return io_error(err, errno, name, "stat");
	if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !isatty(fd))
		return kind_error(err, st.st_mode, name, "read");
	return read_fd(fd, name, max_bytes ? max_bytes : ITSMA_DEFAULT_MAX_BYTES,
	               S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, out, len_out, err);
}

/* Files at least this large are mapped rather than read. */
#define MAP_THRESHOLD ((size_t)8 << 20)

int itsma__input_from_fd(itsma__input *in, int fd, const char *path, size_t max_bytes,
                         itsma_error *err)
{
	struct stat st;

	memset(in, 0, sizeof *in);
	/* the size mapped is the size of the file this descriptor refers to, never the size of
	 * whatever the path named earlier or names now */
	if (fstat(fd, &st) < 0)
		return io_error(err, errno, path, "stat");
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size >= MAP_THRESHOLD &&
	    (unsigned long long)st.st_size <= max_bytes) {
		void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p != MAP_FAILED) {
			(void)madvise(p, (size_t)st.st_size, MADV_SEQUENTIAL);
			in->data = p;
			in->len = (size_t)st.st_size;
			in->mapped = 1;
			return 0;
		}
		/* fall back to reading */
	}
	return read_fd(fd, path, max_bytes, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, &in->data,
	               &in->len, err);
}

int itsma__input_open(itsma__input *in, const char *path, size_t max_bytes, itsma_error *err)
{
	struct stat st;
	int fd, rc;

	memset(in, 0, sizeof *in);
	if ((fd = open_for_reading(path, &st, err)) < 0)
		return fd;
	rc = itsma__input_from_fd(in, fd, path, max_bytes, err);
	close(fd); /* a mapping stays valid after its descriptor is closed */
	return rc;
}

void itsma__input_release(itsma__input *in, size_t upto)
{
	size_t page = 4096, start, end;
	if (!in || !in->mapped || upto <= in->released)
		return;
	start = in->released & ~(page - 1);
	end = upto & ~(page - 1);
	if (end - start < ((size_t)4 << 20))
		return; /* in steps of 4 MiB */
	(void)madvise(in->data + start, end - start, MADV_DONTNEED);
	in->released = end;
}

void itsma__input_close(itsma__input *in)
{
	if (!in->data)
		return;
	if (in->mapped)
		munmap(in->data, in->len);
	else
		free(in->data);
	memset(in, 0, sizeof *in);
}

/* ---- writing -------------------------------------------------------------------------------- */

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, data, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		if (w == 0)
			return EIO;
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/*
 * Follow a chain of symbolic links by hand to the path of the file it ends at (that file may
 * be missing: a dangling link gets its target created). Returns a malloc'd path, or NULL
 * with *e set.
 */
static char *follow_links(const char *path, int *e)
{
	char *cur = strdup(path);
	int hops;

	for (hops = 0; cur && hops < 40; hops++) {
		struct stat ls;
		char target[PATH_MAX];
		ssize_t n;
		char *next, *slash;
		size_t dlen;

		if (lstat(cur, &ls) < 0) {
			if (errno == ENOENT)
				return cur; /* the end of the chain, to be created */
			*e = errno;
			free(cur);
			return NULL;
		}
		if (!S_ISLNK(ls.st_mode))
			return cur;
		n = readlink(cur, target, sizeof target - 1);
		if (n < 0 || (size_t)n >= sizeof target - 1) {
			*e = n < 0 ? errno : ENAMETOOLONG;
			free(cur);
			return NULL;
		}
		target[n] = '\0';
		slash = strrchr(cur, '/');
		dlen = target[0] == '/' || !slash ? 0 : (size_t)(slash - cur) + 1;
		next = malloc(dlen + (size_t)n + 1);
		if (next) {
			memcpy(next, cur, dlen);
			memcpy(next + dlen, target, (size_t)n + 1);
		}
		free(cur);
		cur = next;
	}
	*e = cur ? ELOOP : ENOMEM;
	free(cur);
	return NULL;
}

/* The process's umask, read without changing it (umask() would race with other threads):
 * Linux shows it in /proc/self/status; elsewhere the common 022 is assumed. */
static mode_t current_umask(void)
{
	char line[128];
	unsigned int mask = 022;
	FILE *f = fopen("/proc/self/status", "re");
	if (!f)
		return (mode_t)mask;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "Umask: %o", &mask) == 1)
			break;
	fclose(f);
	return (mode_t)(mask & 0777);
}

/* A temporary file beside @p final: "<final>.tmp-XXXXXX" (mkstemp: created exclusively,
 * mode 0600). Returns the descriptor or -errno; *tmp_out is malloc'd. */
static int create_temp(const char *final, char **tmp_out)
{
	size_t flen = strlen(final);
	char *tmp = malloc(flen + 16);
	int fd;

	*tmp_out = NULL;
	if (!tmp)
		return -ENOMEM;
	memcpy(tmp, final, flen);
	memcpy(tmp + flen, ".tmp-XXXXXX", 12);
	fd = mkstemp(tmp);
	if (fd < 0) {
		fd = -errno;
		free(tmp);
		return fd;
	}
	*tmp_out = tmp;
	return fd;
}

/* What may be renamed over: nothing (missing) or a regular file; checked on the object as
 * it is now, just before the rename. */
static int may_replace(const char *final, mode_t *kind)
{
	struct stat st;
	int fd = open(final, PATH_ONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? 0 : -errno;
	if (fstat(fd, &st) < 0) {
		int e = errno;
		close(fd);
		return -e;
	}
	close(fd);
	*kind = st.st_mode;
	return S_ISREG(st.st_mode) ? 0 : -ENXIO;
}

/* Atomic replace of the regular file (or nothing) at @p final; @p old is its fstat, or NULL
 * when it is missing. */
static int replace_atomically(const char *path, const char *final, const struct stat *old,
                              const char *data, size_t len, itsma_error *err)
{
	char *tmp;
	int fd, e;
	mode_t kind = 0;

	fd = create_temp(final, &tmp);
	if (fd == -ENOMEM)
		return itsma__error_nomem(err);
	if (fd < 0)
		return io_error(err, -fd, path, "create a temporary file beside");
	/* keep the owner (where allowed: root, or the same owner) and the permission bits of the
	 * file replaced, chown first as it clears set-id bits; a new file gets 0666 less the umask
	 */
	if (old && fchown(fd, old->st_uid, old->st_gid) < 0)
		(void)fchown(fd, (uid_t)-1, old->st_gid);
	if (fchmod(fd, old ? old->st_mode & 07777 : 0666 & ~current_umask()) < 0) {
		e = errno;
		goto fail;
	}
	if ((e = write_all(fd, data, len)) != 0)
		goto fail;
	if (fsync(fd) < 0) {
		e = errno;
		goto fail;
	}
	if (close(fd) < 0) {
		e = errno;
		fd = -1;
		goto fail;
	}
	fd = -1;
	if ((e = -may_replace(final, &kind)) != 0) {
		unlink(tmp);
		free(tmp);
		if (e == ENXIO)
			return kind_error(err, kind, path, "replace");
		return io_error(err, e, path, "write");
	}
	if (rename(tmp, final) < 0) {
		e = errno;
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	return io_error(err, e, path, "write");
}

/* Write straight into a character device or FIFO that @p st describes; the descriptor
 * opened for writing must be that same object. */
static int write_into(const char *path, const struct stat *st, const char *data, size_t len,
                      itsma_error *err)
{
	struct stat now;
	int e, fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return io_error(err, errno, path, "open");
	if (fstat(fd, &now) < 0 || now.st_dev != st->st_dev || now.st_ino != st->st_ino) {
		close(fd);
		return io_error(err, EAGAIN, path, "open (it changed while being opened)");
	}
	e = write_all(fd, data, len);
	if (close(fd) < 0 && e == 0)
		e = errno;
	return e ? io_error(err, e, path, "write") : 0;
}

/* Whether @p st is the object behind standard output or standard error: returns that fd. */
static int standard_stream(const struct stat *st)
{
	int fd;
	for (fd = 1; fd <= 2; fd++) {
		struct stat s;
		if (fstat(fd, &s) == 0 && s.st_dev == st->st_dev && s.st_ino == st->st_ino &&
		    !S_ISDIR(s.st_mode))
			return fd;
	}
	return -1;
}

int itsma_file_write(const char *path, const void *data, size_t len, itsma_error *err)
{
	struct stat st;
	char *final;
	int fd, e = 0, rc, std, exists = 0;
	const char *bytes;

	itsma__error_reset(err);
	if (!path || !*path)
		return itsma__error_set(err, ITSMA_EINVAL, "path must not be empty");
	if (!data && len)
		return itsma__error_set(err, ITSMA_EINVAL, "data must not be NULL");
	if (!data)
		data = "";
	bytes = data;
	/* what the path names now, links followed: decided on an opened descriptor */
	fd = open(path, PATH_ONLY | O_CLOEXEC);
	if (fd >= 0) {
		if (fstat(fd, &st) < 0) {
			e = errno;
			close(fd);
			return io_error(err, e, path, "stat");
		}
		close(fd);
		exists = 1;
		if ((std = standard_stream(&st)) >= 0) {
			e = write_all(std, bytes, len);
			return e ? io_error(err, e, path, "write") : 0;
		}
		if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
			return write_into(path, &st, bytes, len, err);
		if (!S_ISREG(st.st_mode))
			return kind_error(err, st.st_mode, path, "write");
	} else if (errno != ENOENT) {
		return io_error(err, errno, path, "open");
	}
	/* a regular file or nothing: replace atomically where the links end */
	final = follow_links(path, &e);
	if (!final)
		return e == ENOMEM ? itsma__error_nomem(err) : io_error(err, e, path, "resolve");
	rc = replace_atomically(path, final, exists ? &st : NULL, bytes, len, err);
	free(final);
	return rc;
}

int itsma__save_text(const char *path, int rc, char *text, itsma_error *err)
{
	if (rc == 0)
		rc = itsma_file_write(path, text, strlen(text), err);
	free(text);
	return rc;
}
