/* Reading whole files and saving them atomically (temporary file, fsync, rename). */
#define _DEFAULT_SOURCE 1 /* madvise(MADV_DONTNEED): posix_madvise is a no-op for it in glibc */
#include "internal/json_in.h"
#include "internal/buf.h"
#include "internal/error.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static int io_error(itsma_error *err, int e, const char *path, const char *what)
{
	itsma__error_set(err, ITSMA_EIO, "cannot %s \"%.100s\": %s", what, path, strerror(e));
	if (err)
		err->sys_errno = e;
	itsma__error_source(err, path);
	return ITSMA_EIO;
}

int itsma__read_file(const char *path, size_t max_bytes, char **out, size_t *len, itsma_error *err)
{
	int fd, e;
	struct stat st;
	char *buf = NULL;
	size_t cap, n = 0;

	*out = NULL;
	*len = 0;
	if (!path)
		return itsma__error_set(err, ITSMA_EINVAL, "path must not be NULL");
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return io_error(err, errno, path, "open");
	if (fstat(fd, &st) < 0) {
		e = errno;
		close(fd);
		return io_error(err, e, path, "stat");
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return io_error(err, EISDIR, path, "read");
	}
	if (st.st_size > 0 && (unsigned long long)st.st_size > max_bytes) {
		close(fd);
		itsma__error_set(err, ITSMA_ELIMIT, "file is %lld bytes, over the limit of %zu bytes",
		                 (long long)st.st_size, max_bytes);
		itsma__error_source(err, path);
		return ITSMA_ELIMIT;
	}
	cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
	buf = malloc(cap);
	if (!buf) {
		close(fd);
		return itsma__error_nomem(err);
	}
	for (;;) {
		ssize_t r;
		if (n + 1 >= cap) {
			char *nb;
			size_t ncap;
			if (n >= max_bytes || cap > (size_t)-1 / 2) {
				/* at the limit: only the end of the file may follow (a file of exactly
				 * max_bytes is fine) */
				char extra;
				ssize_t got = read(fd, &extra, 1);
				if (got < 0 && errno == EINTR)
					continue;
				e = errno;
				if (got == 0)
					break;
				free(buf);
				close(fd);
				if (got < 0)
					return io_error(err, e, path, "read");
				itsma__error_set(err, ITSMA_ELIMIT, "file is over the limit of %zu bytes", max_bytes);
				itsma__error_source(err, path);
				return ITSMA_ELIMIT;
			}
			ncap = cap * 2;
			if (ncap - 1 > max_bytes)
				ncap = max_bytes + 1;
			nb = realloc(buf, ncap);
			if (!nb) {
				free(buf);
				close(fd);
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
			close(fd);
			return io_error(err, e, path, "read");
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

/* Files at least this large are mapped rather than read. */
#define MAP_THRESHOLD ((size_t)8 << 20)

int itsma__input_open(itsma__input *in, const char *path, size_t max_bytes, itsma_error *err)
{
	struct stat st;
	int fd;

	memset(in, 0, sizeof *in);
	if (path && stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size >= MAP_THRESHOLD &&
	    (unsigned long long)st.st_size <= max_bytes) {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd >= 0) {
			void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
			close(fd);
			if (p != MAP_FAILED) {
				(void)madvise(p, (size_t)st.st_size, MADV_SEQUENTIAL);
				in->data = p;
				in->len = (size_t)st.st_size;
				in->mapped = 1;
				return 0;
			}
		}
		/* fall back to reading */
	}
	return itsma__read_file(path, max_bytes, &in->data, &in->len, err);
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

int itsma__save_text(const char *path, int rc, char *text, itsma_error *err)
{
	if (rc == 0)
		rc = itsma__write_file_atomic(path, text, strlen(text), err);
	free(text);
	return rc;
}

int itsma__write_file_atomic(const char *path, const char *data, size_t len, itsma_error *err)
{
	char *tmp;
	size_t plen, off = 0;
	int fd, e;
	struct stat st;
	mode_t mode = 0644;

	if (!path || !*path)
		return itsma__error_set(err, ITSMA_EINVAL, "path must not be empty");
	plen = strlen(path);
	tmp = malloc(plen + 16);
	if (!tmp)
		return itsma__error_nomem(err);
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".tmp-XXXXXX", 12);
	fd = mkstemp(tmp);
	if (fd < 0) {
		e = errno;
		free(tmp);
		return io_error(err, e, path, "create a temporary file beside");
	}
	/* keep the permissions of the file being replaced, else rw-r--r-- */
	if (stat(path, &st) == 0)
		mode = st.st_mode & 07777;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			e = errno;
			goto fail;
		}
		if (w == 0) {
			e = EIO;
			goto fail;
		}
		off += (size_t)w;
	}
	if (fchmod(fd, mode) < 0) {
		e = errno;
		goto fail;
	}
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
	if (rename(tmp, path) < 0) {
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
