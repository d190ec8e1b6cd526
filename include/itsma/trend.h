/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/trend.h
 * @brief A trend over several results of one catalogue, assessment after assessment: the
 * compliance figures and verdict of each, every process's capability level over time,
 * nonconformities opened and closed from one to the next, and the requirements that
 * regressed more than once; with reports as text, Markdown, HTML (SVG line charts) and CSV.
 *
 * The results must be of the same catalogue id and in chronological order (by assessment
 * date; equal dates keep the order given). A trend **borrows every result** (and through
 * them the assessments and catalogues): they must outlive it. Objects returned by getters
 * are Borrowed from the trend.
 *
 * **Thread safety:** a trend is immutable once made; concurrent const access is safe.
 */
#ifndef ITSMA_TREND_H
#define ITSMA_TREND_H

#include "common.h"
#include "errors.h"
#include "result.h"
#include "diff.h"
#include "report.h"

ITSMA_BEGIN_DECL

/** A trend over results. Opaque. */
typedef struct itsma_trend itsma_trend;

/**
 * Make the trend of @p n results (at least one).
 * @param[out] out the new trend; NULL on failure.
 * @param results the results, earliest first (the array is Copied; the results are
 *        Borrowed by the trend and must outlive it).
 * @return 0; #ITSMA_EINVAL (no result, a NULL result, results of different catalogue ids,
 *         or out of chronological order: the message names both); #ITSMA_ENOMEM.
 * **Ownership:** `*out` is Owned: free it with itsma_trend_free().
 */
ITSMA_EXTERN(int) itsma_trend_new(itsma_trend **out, const itsma_result *const *results, size_t n,
                                  itsma_error *err) ITSMA_WARN_UNUSED;
/** Free a trend (not the results it borrows). NULL is allowed. */
ITSMA_EXTERN(void) itsma_trend_free(itsma_trend *t);

/** Number of results. */
ITSMA_EXTERN(size_t) itsma_trend_count(const itsma_trend *t);
/** Result @p i (0: the earliest), or NULL out of range. Borrowed. */
ITSMA_EXTERN(const itsma_result *) itsma_trend_result_at(const itsma_trend *t, size_t i);
/** The comparison of result @p i - 1 with result @p i (its nonconformities opened and
 * closed, what improved and regressed), or NULL for @p i 0 or out of range. Borrowed. */
ITSMA_EXTERN(const itsma_diff *) itsma_trend_diff_at(const itsma_trend *t, size_t i);

/** Number of processes: those of the latest result's catalogue, in catalogue order. */
ITSMA_EXTERN(size_t) itsma_trend_process_count(const itsma_trend *t);
/** Id of process @p k, or NULL out of range. Borrowed. */
ITSMA_EXTERN(const char *) itsma_trend_process_id(const itsma_trend *t, size_t k);
/** Capability level (0-5) of process @p k in result @p i; -1 when it is not applicable
 * there (excluded, outside the scored section, or absent from that catalogue). */
ITSMA_EXTERN(int) itsma_trend_process_level(const itsma_trend *t, size_t k, size_t i);

/** Number of requirements that regressed more than once from one result to the next. */
ITSMA_EXTERN(size_t) itsma_trend_repeat_count(const itsma_trend *t);
/** Id of repeatedly regressing requirement @p j (most regressions first, then catalogue
 * order), or NULL out of range. Borrowed. */
ITSMA_EXTERN(const char *) itsma_trend_repeat_id(const itsma_trend *t, size_t j);
/** How many times requirement @p j regressed (at least 2), or 0 out of range. */
ITSMA_EXTERN(size_t) itsma_trend_repeat_times(const itsma_trend *t, size_t j);

/**
 * A report of the trend: #ITSMA_REPORT_FORMAT_TEXT, #ITSMA_REPORT_FORMAT_MD,
 * #ITSMA_REPORT_FORMAT_HTML (one self-contained page with SVG line charts) or
 * #ITSMA_REPORT_FORMAT_CSV (one row per assessment). Options as for itsma_report_write() (`top`,
 * `sections` and `limit` do not apply). Text from the documents is escaped for the format as in
 * every report.
 * @return 0; #ITSMA_EINVAL; #ITSMA_EIO (the sink stopped); #ITSMA_ENOMEM.
 */
ITSMA_EXTERN(int) itsma_trend_report_write(const itsma_trend *t, const itsma_report_options *opts,
                                           itsma_report_sink sink, void *payload, itsma_error *err)
    ITSMA_WARN_UNUSED;
/** Like itsma_trend_report_write(), into a new string (Owned: release with itsma_free()). */
ITSMA_EXTERN(int) itsma_trend_report_string(char **out, size_t *len_out, const itsma_trend *t,
                                            const itsma_report_options *opts, itsma_error *err)
    ITSMA_WARN_UNUSED;

ITSMA_END_DECL

#endif /* ITSMA_TREND_H */
