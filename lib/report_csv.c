/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The CSV report: one row per requirement in catalogue order, for spreadsheets and BI
 * tools. Columns: id, clause, process, obligation, status, achievement, rating,
 * nonconformity, gain. Excluded requirements have empty figures. Text from the catalogue
 * that a spreadsheet would run as a formula is neutralised (csv_out.c).
 */
#include "internal/report.h"

#include <math.h>

static void cell(itsma__buf *out, const char *s, itsma__csv_kind kind, int first)
{
	if (!first)
		itsma__buf_putc(out, ',');
	itsma__csv_put(out, s, kind);
}

void itsma__report_csv(itsma__buf *out, const itsma__report *rp)
{
	static const char *const header[] = { "id",         "clause",        "process",
		                              "obligation", "status",        "achievement",
		                              "rating",     "nonconformity", "gain" };
	char b[48];
	for (size_t i = 0; i < sizeof header / sizeof header[0]; i++)
		cell(out, header[i], ITSMA__CSV_OWN, i == 0);
	itsma__buf_puts(out, "\r\n");
	size_t n = itsma_result_requirement_count(rp->r);
	for (size_t i = 0; i < n; i++) {
		const itsma_requirement_result *q = itsma_result_requirement_at(rp->r, i);
		const itsma_requirement *req = itsma_requirement_result_requirement(q);
		const char *clause = itsma_requirement_clause(req);
		itsma_status st = itsma_requirement_result_status(q);
		double ach = itsma_requirement_result_achievement(q);
		cell(out, itsma_requirement_id(req), ITSMA__CSV_TEXT, 1);
		cell(out, clause ? clause : "", ITSMA__CSV_TEXT, 0);
		cell(out, itsma__requirement_process_id(req), ITSMA__CSV_TEXT, 0);
		cell(out, itsma_obligation_name(itsma_requirement_obligation(req)), ITSMA__CSV_OWN,
		     0);
		cell(out, itsma_status_name(st), ITSMA__CSV_OWN, 0);
		cell(out, isnan(ach) ? "" : itsma__fmt_num(b, ach, 4), ITSMA__CSV_OWN, 0);
		cell(out, itsma__result_letter(q), ITSMA__CSV_OWN, 0);
		cell(out, itsma_nonconformity_name(itsma_requirement_result_nonconformity(q)),
		     ITSMA__CSV_OWN, 0);
		cell(out,
		     st == ITSMA_STATUS_EXCLUDED
		         ? ""
		         : itsma__fmt_num(b, itsma_requirement_result_gain(q), 4),
		     ITSMA__CSV_OWN, 0);
		itsma__buf_puts(out, "\r\n");
	}
}
