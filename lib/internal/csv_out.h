/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Writing CSV cells (internal, lib/csv_out.c): RFC 4180 quoting and the OWASP rule against
 * formula injection, for every CSV the library writes (reports, questionnaires).
 */
#ifndef ITSMA_INTERNAL_CSV_OUT_H
#define ITSMA_INTERNAL_CSV_OUT_H

#include "internal/buf.h"
#include "internal/csv.h"

/* How a CSV cell is written. */
typedef enum itsma__csv_kind {
	ITSMA__CSV_TEXT = 0, /* text from a document: neutralised if a spreadsheet would run it */
	ITSMA__CSV_OWN       /* the library's own words and figures: written as they are */
} itsma__csv_kind;
/*
 * Append one RFC 4180 cell (no separator, comma-separated files): quoted when it holds a
 * comma, quote, CR or LF or starts or ends with a space. A text cell that starts with '=', '+',
 * '-', '@', tab or CR and is not a plain decimal number is neutralised as OWASP recommends:
 * prefixed with
 * "'" and quoted, so no spreadsheet reads it as a formula.
 */
void itsma__csv_put(itsma__buf *b, const char *s, itsma__csv_kind kind);
/* (itsma__csv_is_formula and the row writer itsma__csv_cell are in internal/csv.h: the same
 * code writes every cell.) */

#endif
