/* SPDX-License-Identifier: Apache-2.0 */
/* Setting error details (internal). */
#ifndef ITSMA_INTERNAL_ERROR_H
#define ITSMA_INTERNAL_ERROR_H

#include <stddef.h>
#include "itsma/errors.h"

/* printf format checking for the library's own variadic helpers (never in a public header) */
#if defined(__GNUC__) || defined(__clang__)
#define ITSMA_FORMAT_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define ITSMA_FORMAT_PRINTF(a, b)
#endif

/*
 * Every public function that takes an itsma_error calls this first: the struct is back to
 * ITSMA_ERROR_INIT (code ITSMA_OK, no source, pointer or position), so a reused error never
 * carries details of an earlier call. NULL is allowed.
 */
void itsma__error_reset(itsma_error *err);

/*
 * Set err (if non-NULL): code and printf-style message; keeps source, pointer and
 * position as they are. Returns `code` so callers can `return itsma__error_set(...)`.
 */
int itsma__error_set(itsma_error *err, int code, const char *fmt, ...) ITSMA_FORMAT_PRINTF(3, 4);
/*
 * The one version check of the caller-filled structs (`*_spec`, `*_options`): accepts 1 to
 * `current`. Otherwise sets err (naming `type`) and returns ITSMA_EINVAL.
 */
int itsma__version_check(unsigned int version, unsigned int current, const char *type,
                         itsma_error *err);
/* Out of memory: static message, allocates nothing. Returns ITSMA_ENOMEM. */
int itsma__error_nomem(itsma_error *err);
/* Set the JSON Pointer of the error (printf-style). */
void itsma__error_pointer(itsma_error *err, const char *fmt, ...) ITSMA_FORMAT_PRINTF(2, 3);
/* Set the source name (NULL means "<buffer>"). */
void itsma__error_source(itsma_error *err, const char *source);
/* Set line and column from a byte offset into buf. */
void itsma__error_position(itsma_error *err, const char *buf, size_t len, size_t offset);
/* Append the escaped token `tok` (RFC 6901: ~ -> ~0, / -> ~1) to a pointer string. */
void itsma__pointer_append(char *ptr, size_t size, const char *tok);

#endif
