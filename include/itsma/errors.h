/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/errors.h
 * @brief Error codes and the caller-owned error details struct.
 *
 * Every fallible itsma function returns an `int`: #ITSMA_OK (0) on success or a
 * negative #itsma_error_code. When the caller passes a non-NULL `itsma_error *err`
 * (always the last parameter), the function also fills it with the code, a
 * message, and where known the source, line, column, byte offset and the RFC 6901
 * JSON Pointer of the offending value. The struct lives on the caller's stack:
 * there is no global or thread-local "last error".
 *
 * @code
 * itsma_error err = ITSMA_ERROR_INIT;
 * itsma_catalogue *cat = NULL;
 * if (itsma_catalogue_load_file(&cat, "cat.json", NULL, &err) < 0)
 *     fprintf(stderr, "%s:%d:%d: %s\n", err.source, err.line, err.column, err.message);
 * @endcode
 */
#ifndef ITSMA_ERRORS_H
#define ITSMA_ERRORS_H

#include "common.h"

ITSMA_BEGIN_DECL

/**
 * Error codes. Append-only: a value is never renumbered or reused.
 */
typedef enum itsma_error_code {
	ITSMA_OK = 0,         /**< Success. */
	ITSMA_ERROR = -1,     /**< Generic error (should not normally happen). */
	ITSMA_ENOMEM = -2,    /**< Out of memory. */
	ITSMA_EINVAL = -3,    /**< Invalid argument, or a change that would break a rule. */
	ITSMA_EIO = -4,       /**< Input/output error; `sys_errno` holds the system error. */
	ITSMA_EPARSE = -5,    /**< JSON syntax error (line and column are set). */
	ITSMA_ESCHEMA = -6,   /**< Valid JSON of the wrong shape or with a broken rule. */
	ITSMA_ENOTFOUND = -7, /**< No such object (id, file, built-in catalogue). */
	ITSMA_EEXISTS = -8,   /**< An object with that id already exists. */
	ITSMA_ELIMIT = -9,    /**< A documented limit (depth, size, count) was exceeded. */
	ITSMA_ESTATE = -10    /**< An object was changed behind the back of one that depends on
	                       *   it (a live scorer's assessment or catalogue, a result's
	                       *   assessment): see itsma_assessment_generation(). */
} itsma_error_code;

/** Capacity of itsma_error::message, terminating NUL included. */
#define ITSMA_ERROR_MESSAGE_LENGTH 256
/** Capacity of itsma_error::source, terminating NUL included. */
#define ITSMA_ERROR_SOURCE_LENGTH 160
/** Capacity of itsma_error::pointer, terminating NUL included. */
#define ITSMA_ERROR_POINTER_LENGTH 160
/** Size of itsma_error::reserved, in 64-bit words (room for fields added before 2.0). */
#define ITSMA_ERROR_RESERVED_WORDS 8

/**
 * Details of a failure. Transparent, caller-allocated (usually on the stack).
 * Strings are always NUL-terminated and truncated, never overflowed. Changing
 * this struct's size is an ABI break, so it ends in a reserved area: later versions
 * may add fields there without changing the size. Callers must not read or write
 * `reserved`; #ITSMA_ERROR_INIT and itsma_error_clear() set it to zero.
 *
 * Every function that takes an `itsma_error *` resets it on entry (as
 * itsma_error_clear() does), so one struct can be reused across calls: after a
 * successful call `code` is #ITSMA_OK and no source, pointer or position of an
 * earlier failure is left behind.
 */
typedef struct itsma_error {
	int code;      /**< Same value the function returned; #ITSMA_OK if none. */
	int sys_errno; /**< `errno` for #ITSMA_EIO, else 0. */
	int line;      /**< 1-based line in the input; 0 when not applicable. */
	int column;    /**< 1-based column in Unicode code points; 0 when not applicable. */
	size_t offset; /**< Byte offset into the input (valid when line > 0). */
	char source[ITSMA_ERROR_SOURCE_LENGTH];   /**< File name or "<buffer>"; "" if none. */
	char pointer[ITSMA_ERROR_POINTER_LENGTH]; /**< RFC 6901 JSON Pointer; "" if none. */
	char message[ITSMA_ERROR_MESSAGE_LENGTH]; /**< UTF-8 message, no trailing newline. */
	/** Reserved for future fields; zero. Not part of the API. */
	unsigned long long reserved[ITSMA_ERROR_RESERVED_WORDS];
} itsma_error;

/** Static initialiser for an itsma_error. */
#define ITSMA_ERROR_INIT                                                                           \
	{                                                                                          \
		0, 0, 0, 0, 0, "", "", "", { 0 }                                                   \
	}

/**
 * Reset an error struct to "no error" (the state of #ITSMA_ERROR_INIT).
 * @param err the struct to clear; NULL is allowed.
 * **Ownership:** none. **Thread safety:** safe on distinct structs.
 */
ITSMA_EXTERN(void) itsma_error_clear(itsma_error *err);

/**
 * A static, human-readable description of an error code.
 * @param code any value; unknown codes get "unknown error".
 * @return never NULL. **Ownership:** static. **Thread safety:** safe.
 */
ITSMA_EXTERN(const char *) itsma_strerror(int code);

/**
 * The symbolic name of an error code ("ITSMA_ESCHEMA"), for logs and tests; "" for a value
 * outside the enumeration. **Ownership:** static, never NULL. **Thread safety:** safe.
 */
ITSMA_EXTERN(const char *) itsma_error_code_name(itsma_error_code value);
/** The code of a name of itsma_error_code_name() (common.h, "Names"). @return 0 or #ITSMA_EINVAL.
 */
ITSMA_EXTERN(int) itsma_error_code_parse(itsma_error_code *out, const char *word, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Format an error the way compilers do, into a caller buffer:
 * `source:line:column: message` when a position is known,
 * `source: /pointer: message` when only a JSON Pointer is known,
 * `source: message` or just `message` otherwise. The output is truncated to fit.
 *
 * @param[out] buf destination, NUL-terminated on return when size > 0.
 * @param size capacity of @p buf.
 * @param err the error to format; NULL formats as the empty string.
 * @return the length the full text would have (like snprintf).
 * **Ownership:** none. **Thread safety:** safe.
 */
ITSMA_EXTERN(size_t) itsma_error_format(char *buf, size_t size, const itsma_error *err);

ITSMA_END_DECL

#endif /* ITSMA_ERRORS_H */
