/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/verify.h
 * @brief Check evidence files against the SHA-256 digests an assessment records, without
 * ever leaving the folder they are checked in.
 *
 * Each evidence record with a relative `uri` names a file below a root folder. The file is
 * reached one path component at a time from the root (`openat` with `O_NOFOLLOW`): a `..`
 * component and every symbolic link are refused, so nothing outside the root is opened,
 * hashed or even tested for existence through a link. Only regular files are read: a
 * directory, FIFO, device or socket is reported as what it is and never opened for reading.
 * The kind and size are taken from the descriptor that is read (`fstat`), files larger
 * than the size bound are not read, and a file that yields more bytes than its size says
 * (a `/proc` file) is refused. Digests are computed with OpenSSL's libcrypto.
 */
#ifndef ITSMA_VERIFY_H
#define ITSMA_VERIFY_H

#include "common.h"
#include "errors.h"
#include "assessment.h"

ITSMA_BEGIN_DECL

/** The outcome of checking one evidence record. */
typedef enum itsma_evidence_check {
	ITSMA_EVIDENCE_CHECK_OK = 0,  /**< The file's SHA-256 is the recorded one. */
	ITSMA_EVIDENCE_CHECK_CHANGED, /**< The file is there; its SHA-256 differs. */
	ITSMA_EVIDENCE_CHECK_MISSING, /**< No such file (or folder on the way) below the root. */
	ITSMA_EVIDENCE_CHECK_REFUSED, /**< The uri leaves the root (`..`, a symbolic link) or is
	                             malformed (bad percent-escape, NUL): nothing opened. */
	ITSMA_EVIDENCE_CHECK_NOT_REGULAR, /**< A directory, FIFO, device or socket: never read. */
	ITSMA_EVIDENCE_CHECK_TOO_LARGE,   /**< Larger than the size bound: not read. */
	ITSMA_EVIDENCE_CHECK_UNREADABLE, /**< Open or read failed (permissions, I/O; see sys_errno),
	                                or the file is not the size it claims (a /proc file). */
	ITSMA_EVIDENCE_CHECK_NOT_CHECKABLE, /**< No uri, an absolute path or a remote uri
	                                       (`https:`). */
	ITSMA_EVIDENCE_CHECK_NO_DIGEST      /**< A relative uri but no recorded sha256. */
} itsma_evidence_check;

/** Default size bound of itsma_evidence_verify(): 16 GiB. */
#define ITSMA_EVIDENCE_DEFAULT_MAX_BYTES (16ull << 30)

/** What was found for one evidence record (passed to the callback; Borrowed). */
typedef struct itsma_evidence_finding {
	const itsma_evidence *evidence; /**< The record checked. */
	itsma_evidence_check check;     /**< The outcome. */
	const char *path;          /**< The decoded path below the root; NULL when not checkable. */
	const char *actual_sha256; /**< Hex digest computed (OK, CHANGED); else NULL. */
	const char *reason;        /**< Why, in words ("a FIFO", "a symbolic link, not followed",
	                                a system error); NULL for OK and CHANGED. */
	int sys_errno;             /**< The system error behind MISSING or UNREADABLE, else 0. */
	unsigned long long size;   /**< Bytes hashed (OK, CHANGED) or the size found (TOO_LARGE). */
} itsma_evidence_finding;

/**
 * Called once per evidence record, in the assessment's order.
 * @param finding the outcome; Borrowed, valid during the call only.
 * @param payload the caller's pointer.
 * @return 0 to go on, non-zero to stop (that value is then returned).
 */
typedef int (*itsma_evidence_cb)(const itsma_evidence_finding *finding, void *payload);

/**
 * Check every evidence record of @p a against the files below @p root (see the file
 * comment for the confinement rules). Every record is reported through @p cb, including
 * those that cannot be checked (#ITSMA_EVIDENCE_CHECK_NOT_CHECKABLE,
 * #ITSMA_EVIDENCE_CHECK_NO_DIGEST).
 *
 * @param a the assessment. @param root the folder relative uris start from (it may itself
 *        be reached through a symbolic link; nothing below it is).
 * @param max_bytes size bound per file; 0 means #ITSMA_EVIDENCE_DEFAULT_MAX_BYTES.
 * @param cb called per record (required). @param payload passed to @p cb.
 * @param err details on failure, or NULL.
 * @return 0 when every record was reported (whatever their outcomes); #ITSMA_EINVAL (NULL
 *         argument); #ITSMA_EIO when @p root cannot be opened as a folder; #ITSMA_ENOMEM;
 *         #ITSMA_ERROR when libcrypto fails; the callback's non-zero value when it stopped.
 * **Ownership:** nothing is kept. **Thread safety:** safe on a shared assessment.
 */
ITSMA_EXTERN(int) itsma_evidence_verify(const itsma_assessment *a, const char *root,
                                        unsigned long long max_bytes, itsma_evidence_cb cb,
                                        void *payload, itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * The word of an outcome: "ok", "changed", "missing", "refused", "not-regular",
 * "too-large", "unreadable", "not-checkable", "no-digest"; "" for a value outside the
 * enumeration. Static, never NULL.
 */
ITSMA_EXTERN(const char *) itsma_evidence_check_name(itsma_evidence_check value);
/** The value of a word of itsma_evidence_check_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_evidence_check_parse(itsma_evidence_check *out, const char *word,
                                             itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Whether a uri is checked against a root: relative, without a scheme (`https:`), not an
 * absolute path. A NULL or empty uri is not.
 */
ITSMA_EXTERN(int) itsma_evidence_uri_is_relative(const char *uri);

ITSMA_END_DECL

#endif /* ITSMA_VERIFY_H */
