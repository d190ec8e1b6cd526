/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The words of the public enumerations (internal): one table of {word, value} per
 * enumeration, one lookup for itsma_<type>_name() and one for itsma_<type>_parse().
 *
 * A module defines the pair of public functions of one of its enumerations with
 *
 *     ITSMA__ENUM_WORDS(obligation, "an obligation",
 *                       { "shall", ITSMA_OBLIGATION_SHALL }, { "should", ITSMA_OBLIGATION_SHOULD })
 *
 * which defines `obligation_words` (the static table, for other lookups in the module) and
 * the exported `itsma_obligation_name()` and `itsma_obligation_parse()`. The rules they
 * follow (docs/api.md "Names"):
 * - name: the word of a value, or "" for a value that has no word (a "no value" member
 *   such as #ITSMA_LETTER_NONE, a count sentinel, anything outside the enumeration);
 *   never NULL, static.
 * - parse: exact, case-sensitive byte comparison (no locale, no trimming); "" never
 *   parses; the error is #ITSMA_EINVAL with a message that lists every accepted word.
 *   `out` may be NULL (only check); `err` is reset on entry.
 */
#ifndef ITSMA_INTERNAL_ENUMWORD_H
#define ITSMA_INTERNAL_ENUMWORD_H

#include <stddef.h>
#include "itsma/errors.h"
#include "internal/error.h"

/* One word of an enumeration. */
typedef struct itsma__enumword {
	const char *word;
	int value;
} itsma__enumword;

/* The words of one enumeration. */
typedef struct itsma__enumwords {
	const char *what; /* "an obligation": the message says "expected <what>: ..." */
	const itsma__enumword *words;
	size_t count;
} itsma__enumwords;

/* The word of `value` in `t`, or "" when it has none. */
const char *itsma__enum_name(const itsma__enumwords *t, int value);

/*
 * The value of `word` in `t`: 0 and *out set (when out is non-NULL), or ITSMA_EINVAL with
 * `expected <what>: w1, w2 or w3, not "<word>"` in err. Does not reset err (the public
 * function does).
 */
int itsma__enum_parse(int *out, const itsma__enumwords *t, const char *word, itsma_error *err);

/* The table and the two public functions of itsma_<type>; see the file comment. */
#define ITSMA__ENUM_WORDS(type, what_, ...)                                                        \
	static const itsma__enumword type##_word_list[] = { __VA_ARGS__ };                         \
	static const itsma__enumwords type##_words = {                                             \
		what_, type##_word_list, sizeof type##_word_list / sizeof type##_word_list[0]      \
	};                                                                                         \
	const char *itsma_##type##_name(itsma_##type value)                                        \
	{                                                                                          \
		return itsma__enum_name(&type##_words, (int)value);                                \
	}                                                                                          \
	int itsma_##type##_parse(itsma_##type *out, const char *word, itsma_error *err)            \
	{                                                                                          \
		int v = 0, rc;                                                                     \
		itsma__error_reset(err);                                                           \
		rc = itsma__enum_parse(&v, &type##_words, word, err);                              \
		if (rc == 0 && out)                                                                \
			*out = (itsma_##type)v;                                                    \
		return rc;                                                                         \
	}

#endif
