/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/common.h
 * @brief Export macros, C++ linkage guards and the library's allocator.
 *
 * Included by every other itsma header; it needs nothing but the C standard library.
 */
#ifndef ITSMA_COMMON_H
#define ITSMA_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
#define ITSMA_BEGIN_DECL extern "C" {
#define ITSMA_END_DECL }
#else
#define ITSMA_BEGIN_DECL
#define ITSMA_END_DECL
#endif

#if defined(_WIN32) && !defined(ITSMA_STATIC)
#if defined(ITSMA_BUILDING)
#define ITSMA_EXTERN(type) __declspec(dllexport) type
#else
#define ITSMA_EXTERN(type) __declspec(dllimport) type
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define ITSMA_EXTERN(type) __attribute__((visibility("default"))) type
#else
#define ITSMA_EXTERN(type) type
#endif

#if defined(__GNUC__) || defined(__clang__)
#define ITSMA_WARN_UNUSED __attribute__((warn_unused_result))
#define ITSMA_DEPRECATED __attribute__((deprecated))
#define ITSMA_FORMAT_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define ITSMA_WARN_UNUSED
#define ITSMA_DEPRECATED
#define ITSMA_FORMAT_PRINTF(a, b)
#endif

ITSMA_BEGIN_DECL

/**
 * Release memory that itsma handed to the caller (strings from the `*_to_json`,
 * `*_explain` and similar functions). Never use it on itsma objects: each object
 * type has its own `itsma_<type>_free()`.
 *
 * @param p memory returned by itsma, or NULL (then nothing happens).
 *
 * **Ownership:** takes back memory that was Owned by the caller.
 * **Thread safety:** safe.
 */
ITSMA_EXTERN(void) itsma_free(void *p);

ITSMA_END_DECL

#endif /* ITSMA_COMMON_H */
