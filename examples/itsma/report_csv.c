/*
 * The CSV report: one row per requirement in catalogue order, for spreadsheets and BI
 * tools. Columns: id, clause, process, obligation, status, achievement, rating,
 * nonconformity, gain. Excluded requirements have empty figures.
 */
#include "report.h"

#include <math.h>

void report_csv(sb *out, const report *rp)
{
	static const char *const header[] = { "id",     "clause",      "process",       "obligation", "status",
		                                  "achievement", "rating", "nonconformity", "gain" };
	csv_writer w = CSV_WRITER_INIT;
	char b[48];
	for (size_t i = 0; i < sizeof header / sizeof header[0]; i++)
		csv_field(&w, header[i]);
	csv_end_row(&w);
	size_t n = itsma_result_requirement_count(rp->r);
	for (size_t i = 0; i < n; i++) {
		const itsma_requirement_result *q = itsma_result_requirement_at(rp->r, i);
		const itsma_requirement *req = itsma_requirement_result_requirement(q);
		const char *clause = itsma_requirement_clause(req);
		itsma_status st = itsma_requirement_result_status(q);
		double ach = itsma_requirement_result_achievement(q);
		csv_field(&w, itsma_requirement_id(req));
		csv_field(&w, clause ? clause : "");
		csv_field(&w, requirement_process_id(req));
		csv_field(&w, itsma_requirement_obligation(req) == ITSMA_SHALL ? "shall" : "should");
		csv_field(&w, itsma_status_name(st));
		csv_field(&w, isnan(ach) ? "" : fmt_num(b, ach, 4));
		csv_field(&w, result_letter(q));
		csv_field(&w, nc_word(itsma_requirement_result_nonconformity(q)));
		csv_field(&w, st == ITSMA_STATUS_EXCLUDED ? "" : fmt_num(b, itsma_requirement_result_gain(q), 4));
		csv_end_row(&w);
	}
	sb_putn(out, sb_str(&w.out), w.out.len);
	sb_free(&w.out);
}
