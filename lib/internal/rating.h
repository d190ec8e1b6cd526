/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Rating helpers the scoring loops use millions of times, inline (internal). The public
 * functions of the same meaning (itsma_letter_from_achievement, itsma_evidence_is_current)
 * are defined with them, so there is one definition of each rule.
 */
#ifndef ITSMA_INTERNAL_RATING_H
#define ITSMA_INTERNAL_RATING_H

#include "itsma/rating.h"

/*
 * Parse the attribute of a rating: as itsma_attribute_parse() without PA1.1 (derived, never
 * rated; its own message says so). Does not reset err. Returns 0 or ITSMA_EINVAL.
 */
int itsma__attribute_parse_rated(itsma_attribute *out, const char *text, itsma_error *err);

/* The band letter of an achievement (scoring.md §1): N up to 15, P up to 50, L up to 85. */
static inline itsma_letter itsma__band_of(double a)
{
	if (a <= 15)
		return ITSMA_LETTER_N;
	if (a <= 50)
		return ITSMA_LETTER_P;
	if (a <= 85)
		return ITSMA_LETTER_L;
	return ITSMA_LETTER_F;
}

#endif
