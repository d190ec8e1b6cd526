/* SPDX-License-Identifier: Apache-2.0 */
/* Evidence verification: each record's file below a root folder, reached component by
 * component without following links, hashed with libcrypto (see itsma/verify.h). */
#define _GNU_SOURCE 1 /* O_PATH, O_NOFOLLOW, O_DIRECTORY */
#include "itsma/verify.h"
#include "internal/error.h"
#include "internal/enumword.h"
#include "internal/json_in.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

#ifndef O_PATH
#define O_PATH (O_RDONLY | O_NONBLOCK | O_NOCTTY)
#endif

ITSMA__ENUM_WORDS(evidence_check, "an evidence check outcome", { "ok", ITSMA_EVIDENCE_CHECK_OK },
                  { "changed", ITSMA_EVIDENCE_CHECK_CHANGED },
                  { "missing", ITSMA_EVIDENCE_CHECK_MISSING },
                  { "refused", ITSMA_EVIDENCE_CHECK_REFUSED },
                  { "not-regular", ITSMA_EVIDENCE_CHECK_NOT_REGULAR },
                  { "too-large", ITSMA_EVIDENCE_CHECK_TOO_LARGE },
                  { "unreadable", ITSMA_EVIDENCE_CHECK_UNREADABLE },
                  { "not-checkable", ITSMA_EVIDENCE_CHECK_NOT_CHECKABLE },
                  { "no-digest", ITSMA_EVIDENCE_CHECK_NO_DIGEST })

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

int itsma_evidence_uri_is_relative(const char *uri)
{
	const char *p = uri;
	if (!uri || uri[0] == '/' || uri[0] == '\\' || uri[0] == '\0')
		return 0;
	if (is_alpha(*p)) {
		while (is_alpha(*p) || (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' ||
		       *p == '.')
			p++;
		if (*p == ':')
			return 0; /* a scheme: https:, file:, C: */
	}
	return 1;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The path a relative uri names: percent-decoded, without query or fragment. NULL when a
 * percent-escape is malformed or decodes to NUL (*nomem tells an allocation failure). */
static char *uri_path(const char *uri, int *nomem)
{
	size_t n = strcspn(uri, "?#"), i, k = 0;
	char *out = malloc(n + 1);
	*nomem = !out;
	if (!out)
		return NULL;
	for (i = 0; i < n; i++) {
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
	return out;
}

typedef struct check_ctx {
	itsma_evidence_finding f;
	char hex[65];
	const char *want;
	unsigned long long max_bytes;
	unsigned char *buf;
	size_t bufsize;
	EVP_MD_CTX *md;
} check_ctx;

static void set(check_ctx *c, itsma_evidence_check check, const char *reason, int e)
{
	c->f.check = check;
	c->f.reason = reason;
	c->f.sys_errno = e;
}

/* After an openat(.., O_NOFOLLOW) failed with @p e on @p name: a link is refused, a missing
 * entry is missing, anything else unreadable. */
static void open_failed(check_ctx *c, int dirfd, const char *name, int e)
{
	struct stat st;
	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
		set(c, ITSMA_EVIDENCE_CHECK_REFUSED, "a symbolic link on the way, not followed", 0);
	else if (e == ENOENT)
		set(c, ITSMA_EVIDENCE_CHECK_MISSING, strerror(e), e);
	else if (e == ENOTDIR)
		set(c, ITSMA_EVIDENCE_CHECK_MISSING, "a component on the way is not a folder", e);
	else
		set(c, ITSMA_EVIDENCE_CHECK_UNREADABLE, strerror(e), e);
}

/* Hash the regular file @p fd (size from its fstat: @p size). Returns 0, or -1 after set(). */
static int hash_fd(check_ctx *c, int fd, unsigned long long size)
{
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int dlen = 0, i;
	unsigned long long total = 0;
	static const char digits[] = "0123456789abcdef";

	if (EVP_DigestInit_ex(c->md, EVP_sha256(), NULL) != 1)
		return -2;
	for (;;) {
		ssize_t r = read(fd, c->buf, c->bufsize);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			set(c, ITSMA_EVIDENCE_CHECK_UNREADABLE, strerror(errno), errno);
			return -1;
		}
		if (r == 0)
			break;
		total += (unsigned long long)r;
		if (total > size) {
			/* more bytes than the file's size: not a plain file (/proc), or growing */
			set(c, ITSMA_EVIDENCE_CHECK_UNREADABLE,
			    "the file yields more bytes than its size (a /proc file, or it is "
			    "growing)",
			    0);
			return -1;
		}
		if (EVP_DigestUpdate(c->md, c->buf, (size_t)r) != 1)
			return -2;
	}
	if (EVP_DigestFinal_ex(c->md, digest, &dlen) != 1 || dlen != 32)
		return -2;
	for (i = 0; i < dlen; i++) {
		c->hex[2 * i] = digits[digest[i] >> 4];
		c->hex[2 * i + 1] = digits[digest[i] & 15];
	}
	c->hex[64] = '\0';
	c->f.actual_sha256 = c->hex;
	c->f.size = total;
	set(c,
	    strcasecmp(c->hex, c->want) == 0 ? ITSMA_EVIDENCE_CHECK_OK
	                                     : ITSMA_EVIDENCE_CHECK_CHANGED,
	    NULL, 0);
	return 0;
}

/* Walk @p rel from @p rootfd and check the file. Returns 0, or -2 when libcrypto failed,
 * ITSMA_ENOMEM. @p rel is modified (components are cut at '/'). */
static int check_path(check_ctx *c, int rootfd, char *rel)
{
	int dirfd = rootfd, fd, rc = 0;
	char *comp = rel, *slash;
	struct stat st, st2;

	for (;;) {
		slash = strchr(comp, '/');
		if (slash)
			*slash = '\0';
		if (comp[0] == '\0' || strcmp(comp, ".") == 0) {
			if (!slash) {
				set(c, ITSMA_EVIDENCE_CHECK_NOT_REGULAR, "a directory", 0);
				break;
			}
			comp = slash + 1;
			continue;
		}
		if (strcmp(comp, "..") == 0) {
			set(c, ITSMA_EVIDENCE_CHECK_REFUSED,
			    "a \"..\" component would leave the root folder", 0);
			break;
		}
		if (slash) {
			/* a folder on the way: never through a link */
			fd = openat(dirfd, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (fd < 0) {
				open_failed(c, dirfd, comp, errno);
				break;
			}
			if (dirfd != rootfd)
				close(dirfd);
			dirfd = fd;
			comp = slash + 1;
			continue;
		}
		/* the file: look at what it is without opening it for reading */
		fd = openat(dirfd, comp, O_PATH | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0) {
			open_failed(c, dirfd, comp, errno);
			break;
		}
		if (fstat(fd, &st) < 0) {
			set(c, ITSMA_EVIDENCE_CHECK_UNREADABLE, strerror(errno), errno);
			close(fd);
			break;
		}
		close(fd);
		if (S_ISLNK(st.st_mode)) {
			set(c, ITSMA_EVIDENCE_CHECK_REFUSED, "a symbolic link, not followed", 0);
			break;
		}
		if (!S_ISREG(st.st_mode)) {
			set(c, ITSMA_EVIDENCE_CHECK_NOT_REGULAR, itsma__file_kind(st.st_mode), 0);
			break;
		}
		if ((unsigned long long)st.st_size > c->max_bytes) {
			c->f.size = (unsigned long long)st.st_size;
			set(c, ITSMA_EVIDENCE_CHECK_TOO_LARGE, "larger than the size bound", 0);
			break;
		}
		/* now open it for reading; it must still be a regular file of that size */
		fd = openat(dirfd, comp, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
		if (fd < 0) {
			open_failed(c, dirfd, comp, errno);
			break;
		}
		if (fstat(fd, &st2) < 0 || !S_ISREG(st2.st_mode) || st2.st_ino != st.st_ino ||
		    st2.st_dev != st.st_dev) {
			set(c, ITSMA_EVIDENCE_CHECK_UNREADABLE,
			    "the file changed while being opened", 0);
			close(fd);
			break;
		}
		if ((unsigned long long)st2.st_size > c->max_bytes) {
			c->f.size = (unsigned long long)st2.st_size;
			set(c, ITSMA_EVIDENCE_CHECK_TOO_LARGE, "larger than the size bound", 0);
			close(fd);
			break;
		}
		rc = hash_fd(c, fd, (unsigned long long)st2.st_size);
		close(fd);
		if (rc == -1)
			rc = 0; /* an outcome, not a failure */
		break;
	}
	if (dirfd != rootfd)
		close(dirfd);
	return rc;
}

int itsma_evidence_verify(const itsma_assessment *a, const char *root, unsigned long long max_bytes,
                          itsma_evidence_cb cb, void *payload, itsma_error *err)
{
	check_ctx c;
	size_t i, n;
	int rootfd, rc = 0;

	itsma__error_reset(err);
	if (!a || !root || !cb)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "assessment, root and callback must not be NULL");
	rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0) {
		int e = errno;
		itsma__error_set(err, ITSMA_EIO, "cannot open the evidence folder \"%.100s\": %s",
		                 root, strerror(e));
		if (err)
			err->sys_errno = e;
		itsma__error_source(err, root);
		return ITSMA_EIO;
	}
	memset(&c, 0, sizeof c);
	c.max_bytes = max_bytes ? max_bytes : ITSMA_EVIDENCE_DEFAULT_MAX_BYTES;
	c.bufsize = (size_t)64 << 10;
	c.buf = malloc(c.bufsize);
	c.md = EVP_MD_CTX_new();
	if (!c.buf || !c.md) {
		rc = itsma__error_nomem(err);
		goto done;
	}
	n = itsma_assessment_evidence_count(a);
	for (i = 0; i < n && rc == 0; i++) {
		const itsma_evidence *e = itsma_assessment_evidence_at(a, i);
		const char *uri = itsma_evidence_uri(e);
		char *rel = NULL;
		int nomem = 0;

		memset(&c.f, 0, sizeof c.f);
		c.f.evidence = e;
		c.want = itsma_evidence_sha256(e);
		if (!itsma_evidence_uri_is_relative(uri)) {
			set(&c, ITSMA_EVIDENCE_CHECK_NOT_CHECKABLE,
			    uri && *uri ? "an absolute or remote uri" : "no uri", 0);
		} else if (!(rel = uri_path(uri, &nomem))) {
			if (nomem) {
				rc = itsma__error_nomem(err);
				break;
			}
			set(&c, ITSMA_EVIDENCE_CHECK_REFUSED,
			    "a malformed percent-escape in the uri", 0);
		} else if (!c.want) {
			c.f.path = rel;
			set(&c, ITSMA_EVIDENCE_CHECK_NO_DIGEST, "no sha256 recorded", 0);
		} else {
			char *walk = strdup(rel);
			c.f.path = rel;
			if (!walk) {
				free(rel);
				rc = itsma__error_nomem(err);
				break;
			}
			rc = check_path(&c, rootfd, walk);
			free(walk);
			if (rc == -2) {
				free(rel);
				rc = itsma__error_set(err, ITSMA_ERROR,
				                      "libcrypto failed to compute SHA-256");
				break;
			}
		}
		rc = cb(&c.f, payload);
		free(rel);
	}
done:
	EVP_MD_CTX_free(c.md);
	free(c.buf);
	close(rootfd);
	return rc;
}
