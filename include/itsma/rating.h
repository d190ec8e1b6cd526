/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/rating.h
 * @brief Rating scale (ISO/IEC 33020 letters and per-cent values), process attributes, dates.
 */
#ifndef ITSMA_RATING_H
#define ITSMA_RATING_H

#include "common.h"
#include "errors.h"

ITSMA_BEGIN_DECL

/**
 * A rating letter. #ITSMA_LETTER_NONE stands for "no letter": a numeric rating, or no
 * rating at all. The four band letters N, P, L, F are what results report; the refined
 * letters are accepted in assessments.
 */
typedef enum itsma_letter {
	ITSMA_LETTER_NONE = 0, /**< No letter (numeric rating or no value). */
	ITSMA_LETTER_N,        /**< Not achieved: 0. */
	ITSMA_LETTER_P_MINUS,  /**< P-: 23.75. */
	ITSMA_LETTER_P,        /**< Partially achieved: 32.5. */
	ITSMA_LETTER_P_PLUS,   /**< P+: 41.25. */
	ITSMA_LETTER_L_MINUS,  /**< L-: 58.75. */
	ITSMA_LETTER_L,        /**< Largely achieved: 67.5. */
	ITSMA_LETTER_L_PLUS,   /**< L+: 76.25. */
	ITSMA_LETTER_F         /**< Fully achieved: 100. */
} itsma_letter;

/** The text of a letter: "N", "P-", "P", "P+", "L-", "L", "L+", "F"; "" for #ITSMA_LETTER_NONE
 * (no word) or a value outside the enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_letter_name(itsma_letter value);
/** The letter of a word of itsma_letter_name() (common.h, "Names"); numbers are
 * itsma_rating_parse()'s. @return 0 or #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_letter_parse(itsma_letter *out, const char *word, itsma_error *err)
    ITSMA_WARN_UNUSED;
/** The achievement a letter stands for (scoring.md §1); 0 for #ITSMA_LETTER_NONE. */
ITSMA_EXTERN(double) itsma_letter_achievement(itsma_letter letter);
/**
 * The ISO/IEC 33020 band letter (N, P, L or F) of an achievement:
 * N for 0 <= a <= 15, P up to 50, L up to 85, F above.
 */
ITSMA_EXTERN(itsma_letter) itsma_letter_from_achievement(double achievement);
/** The band letter of any letter: P- and P+ give P, L- and L+ give L. */
ITSMA_EXTERN(itsma_letter) itsma_letter_band(itsma_letter letter);

/**
 * Parse a rating written as a letter ("L+") or a number from 0 to 100 ("72.5").
 * A number follows the JSON number grammar, as the JSON loader does: no hex ("0x10"), no
 * "inf"/"nan", no white space, no leading "+" or "."; the decimal point is always '.',
 * whatever the program's locale (LC_NUMERIC).
 * @param[out] letter_out the letter, or #ITSMA_LETTER_NONE for a number.
 * @param[out] value_out the achievement (the letter's value for a letter).
 * @return 0 or #ITSMA_EINVAL (message says what was expected).
 */
ITSMA_EXTERN(int) itsma_rating_parse(itsma_letter *letter_out, double *value_out, const char *text,
                                     itsma_error *err) ITSMA_WARN_UNUSED;

/** Process attributes of ISO/IEC 33020. PA1.1 is derived, never rated directly. */
typedef enum itsma_attribute {
	ITSMA_PA1_1 = 0,      /**< Process performance (derived). */
	ITSMA_PA2_1,          /**< Performance management. */
	ITSMA_PA2_2,          /**< Work product management. */
	ITSMA_PA3_1,          /**< Process definition. */
	ITSMA_PA3_2,          /**< Process deployment. */
	ITSMA_PA4_1,          /**< Quantitative analysis. */
	ITSMA_PA4_2,          /**< Quantitative control. */
	ITSMA_PA5_1,          /**< Process innovation. */
	ITSMA_PA5_2,          /**< Process innovation implementation. */
	ITSMA_ATTRIBUTE_COUNT /**< Number of attributes (9). */
} itsma_attribute;

/** "PA1.1" to "PA5.2" ("PA2.1" for #ITSMA_PA2_1); "" for #ITSMA_ATTRIBUTE_COUNT or a value
 * outside the enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_attribute_name(itsma_attribute value);
/** The attribute's title in English ("Performance management" for #ITSMA_PA2_1), as
 *  ISO/IEC 33020 names it; "" for an out-of-range value. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_attribute_title(itsma_attribute attribute);
/** The capability level (1 to 5) an attribute belongs to; 0 if out of range. */
ITSMA_EXTERN(int) itsma_attribute_level(itsma_attribute attribute);
/** The attribute of a word of itsma_attribute_name(), PA1.1 included (common.h, "Names"); an
 * assessment cannot rate PA1.1, which its loaders and builders check. @return 0 or #ITSMA_EINVAL.
 */
ITSMA_EXTERN(int) itsma_attribute_parse(itsma_attribute *out, const char *word, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Check a calendar date "YYYY-MM-DD" for real (2026-02-29 is rejected) and give its
 * day number (days since 1970-01-01, negative before).
 * @param[out] days_out may be NULL.
 * @return 0 or #ITSMA_EINVAL.
 */
ITSMA_EXTERN(int) itsma_date_parse(long *days_out, const char *text, itsma_error *err)
    ITSMA_WARN_UNUSED;
/** Bytes itsma_date_format() needs: "YYYY-MM-DD" and its terminating NUL. */
#define ITSMA_DATE_SIZE 11
/**
 * Format a day number (see itsma_date_parse()) as "YYYY-MM-DD".
 * @param[out] buf where to write; at least #ITSMA_DATE_SIZE bytes.
 * @param size the size of @p buf in bytes.
 * @param days days since 1970-01-01, for a date from 0000-01-01 to 9999-12-31.
 * @return @p buf; NULL (and, when @p size > 0, an empty string in @p buf) when @p buf is
 *         NULL, @p size is below #ITSMA_DATE_SIZE, or the date is outside years 0 to 9999
 *         (which "YYYY-MM-DD" cannot write).
 * **Ownership:** @p buf is the caller's. **Thread safety:** safe.
 */
ITSMA_EXTERN(char *) itsma_date_format(char *buf, size_t size, long days);

ITSMA_END_DECL

#endif /* ITSMA_RATING_H */
