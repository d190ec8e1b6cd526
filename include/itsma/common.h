/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/common.h
 * @brief Export macros, C++ linkage guards and the library's allocator.
 *
 * Included by every other itsma header; it needs nothing but the C standard library.
 *
 * **Conventions that hold for every function of the API:**
 * - *NULL policy.* Every getter (a function that reads an object and cannot fail) accepts
 *   NULL for the object and then returns the empty value of its return type: NULL for
 *   pointers and strings, 0 for counts, indexes, flags and enumerations (the enumeration's
 *   zero value, or its documented "none" value where zero is a real one, such as
 *   #ITSMA_ATTRIBUTE_COUNT), NaN for real numbers (weights, values, achievements), -1 for
 *   levels, targets and days. Every `itsma_<type>_free()` accepts NULL. Functions that can
 *   fail return #ITSMA_EINVAL when a required object is NULL, and then too set their
 *   pointer out-parameters (when not NULL themselves) to NULL. tests/unit/test_null.c
 *   checks this for every exported function that takes a pointer.
 * - *Errors.* Functions that can fail return an `int` (0 or a negative itsma_error_code)
 *   and take `itsma_error *err` (may be NULL) last; they reset it on entry, so a reused
 *   struct only ever describes the latest call.
 * - *Out-parameters first*, inputs after them, `err` last.
 * - *Names.* Every enumeration `itsma_<type>` has `const char *itsma_<type>_name(value)`:
 *   the value's word as the documents, reports and command line write it, static and never
 *   NULL; "" for a value that has no word ("no value" members such as #ITSMA_LETTER_NONE,
 *   count sentinels, other combinations of flag bits) or lies outside the enumeration. And
 *   `int itsma_<type>_parse(itsma_<type> *out, const char *word, itsma_error *err)`: the
 *   value of exactly that word (a byte comparison: case-sensitive, no trimming, the same in
 *   every locale); @p out may be NULL to only check; an unknown, empty or NULL word is
 *   #ITSMA_EINVAL with a message that lists every accepted word.
 * - *Function names* (the full list is in README.md, "Naming rules"): a getter is
 *   `itsma_<type>_<property>(object)`; when that spelling is already a type's name
 *   (`itsma_section_kind`, `itsma_diff_tally`) the getter ends in `_of`, which means "the
 *   <type> of this object": itsma_section_kind_of(), itsma_diff_tally_of(). Lookups take
 *   an index (`_at`), an id (`_find_`) or an object (`_of`, as itsma_result_section_of()).
 *   A function that inspects raw input rather than an object is named for what it does
 *   (itsma_document_detect()).
 */
#ifndef ITSMA_COMMON_H
#define ITSMA_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
#define ITSMA_BEGIN_DECL extern "C" {
#define ITSMA_END_DECL   }
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
#define ITSMA_DEPRECATED  __attribute__((deprecated))
#else
#define ITSMA_WARN_UNUSED
#define ITSMA_DEPRECATED
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
