/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/diff.h
 * @brief Comparing two scoring results (scoring.md §8) as a C object and as
 * `itsma-diff/1` JSON (docs/diff-format.md).
 *
 * A diff compares a *before* and an *after* result of assessments of the same catalogue
 * id: every requirement's achievement, band letter and status, marked improved,
 * regressed or unchanged; scope changes (a requirement out of scope on one side only)
 * listed apart; every process's capability level; every compliance figure with its
 * difference; nonconformities closed, opened and changed in class; and the verdicts.
 *
 * Requirements and processes are matched by id, so the two results may come from two
 * separately loaded copies (even two versions) of the catalogue. Entries follow the
 * *after* result's catalogue order, then the ids found only in the *before* result in
 * its catalogue order.
 *
 * **What "improved" means** (see docs/diff-format.md): a higher achievement is an
 * improvement and a lower one a regression; with the same achievement, a requirement
 * that was unassessed and is now rated or unsupported has improved (and the reverse has
 * regressed). Anything else is unchanged; status changes such as rated <-> unsupported
 * that leave the achievement as it was remain visible in the before/after entries.
 *
 * A diff **borrows both results** (and through them the assessments and catalogues):
 * they must outlive it. Objects returned by getters are Borrowed from the diff.
 *
 * **Thread safety:** comparing only reads the results; a diff is immutable once made,
 * so concurrent const access is safe.
 */
#ifndef ITSMA_DIFF_H
#define ITSMA_DIFF_H

#include "common.h"
#include "errors.h"
#include "rating.h"
#include "catalogue.h"
#include "assessment.h"
#include "result.h"

ITSMA_BEGIN_DECL

/** A comparison of two results. Opaque. */
typedef struct itsma_diff itsma_diff;
/** The comparison of one requirement. Opaque, Borrowed from the diff. */
typedef struct itsma_requirement_diff itsma_requirement_diff;
/** The comparison of one process's capability level. Opaque, Borrowed from the diff. */
typedef struct itsma_process_diff itsma_process_diff;
/** A change of nonconformity class of one requirement. Opaque, Borrowed from the diff. */
typedef struct itsma_nonconformity_diff itsma_nonconformity_diff;

/** How an entry changed from before to after. */
typedef enum itsma_change {
	ITSMA_CHANGE_UNCHANGED = 0, /**< Same figure (and not newly assessed or unassessed). */
	ITSMA_CHANGE_IMPROVED,      /**< Higher achievement or level, or newly assessed. */
	ITSMA_CHANGE_REGRESSED,     /**< Lower achievement or level, or no longer assessed. */
	ITSMA_CHANGE_EXCLUDED,      /**< In scope before, out of scope after (scope change). */
	ITSMA_CHANGE_INCLUDED       /**< Out of scope before, in scope after (scope change). */
} itsma_change;
/** "unchanged", "improved", "regressed", "excluded", "included"; "" for a value outside the
 * enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_change_name(itsma_change value);
/** The value of a word of itsma_change_name() (common.h, "Names"). @return 0 or #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_change_parse(itsma_change *out, const char *word, itsma_error *err)
    ITSMA_WARN_UNUSED;

/** How the nonconformity class of a `shall` requirement changed. */
typedef enum itsma_nonconformity_change {
	ITSMA_NONCONFORMITY_CHANGE_CLOSED = 0, /**< Was minor or major, now none. */
	ITSMA_NONCONFORMITY_CHANGE_OPENED,     /**< Was none or unassessed, now minor or major. */
	ITSMA_NONCONFORMITY_CHANGE_CHANGED /**< Any other change of class (major <-> minor, to or
	                             from unassessed, ...). */
} itsma_nonconformity_change;
/** "closed", "opened", "changed"; "" for a value outside the enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_nonconformity_change_name(itsma_nonconformity_change value);
/** The value of a word of itsma_nonconformity_change_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_nonconformity_change_parse(itsma_nonconformity_change *out,
                                                   const char *word, itsma_error *err)
    ITSMA_WARN_UNUSED;

/** Counts of a diff's summary. */
typedef enum itsma_diff_tally {
	ITSMA_DIFF_TALLY_IMPROVED = 0,        /**< Requirements improved. */
	ITSMA_DIFF_TALLY_REGRESSED,           /**< Requirements regressed. */
	ITSMA_DIFF_TALLY_UNCHANGED,           /**< Requirements unchanged. */
	ITSMA_DIFF_TALLY_SCOPE_CHANGES,       /**< Requirements in scope on one side only. */
	ITSMA_DIFF_TALLY_NC_CLOSED,           /**< Nonconformities closed. */
	ITSMA_DIFF_TALLY_NC_OPENED,           /**< Nonconformities opened. */
	ITSMA_DIFF_TALLY_NC_CHANGED,          /**< Nonconformities changed in class. */
	ITSMA_DIFF_TALLY_PROCESSES_IMPROVED,  /**< Processes whose capability level rose. */
	ITSMA_DIFF_TALLY_PROCESSES_REGRESSED, /**< Processes whose capability level fell. */
	ITSMA_DIFF_TALLY_PROCESSES_UNCHANGED, /**< Processes at the same level. */
	ITSMA_DIFF_TALLY_COUNT                /**< Number of tallies. */
} itsma_diff_tally;
/** "improved", "regressed", "unchanged", "scope_changes", "nonconformities_closed",
 * "nonconformities_opened", "nonconformities_changed", "processes_improved",
 * "processes_regressed", "processes_unchanged" (the keys of the JSON summary, prefixed by
 * their group); "" for #ITSMA_DIFF_TALLY_COUNT or a value outside the enumeration. Static,
 * never NULL. */
ITSMA_EXTERN(const char *) itsma_diff_tally_name(itsma_diff_tally value);
/** The value of a word of itsma_diff_tally_name() (common.h, "Names"). @return 0 or #ITSMA_EINVAL.
 */
ITSMA_EXTERN(int) itsma_diff_tally_parse(itsma_diff_tally *out, const char *word, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Compare two results of assessments of the same catalogue (scoring.md §8).
 *
 * @code
 * itsma_diff *d = NULL;
 * char *json = NULL;
 * if (itsma_compare(&d, q2, q4, &err) == 0 && itsma_diff_to_json(&json, d, &err) == 0)
 *     fputs(json, stdout);
 * itsma_free(json);
 * itsma_diff_free(d);
 * @endcode
 *
 * @param[out] out the new diff; NULL on failure.
 * @param before the earlier result (Borrowed by the diff: must outlive it).
 * @param after the later result (Borrowed by the diff: must outlive it).
 * @param err details on failure, or NULL.
 * @return 0; #ITSMA_EINVAL for a NULL argument or results of different catalogue ids
 *         (the message names both ids); #ITSMA_ENOMEM.
 *
 * **Ownership:** `*out` is Owned: free it with itsma_diff_free(). The results are Borrowed.
 * **Thread safety:** safe; the results are only read.
 */
ITSMA_EXTERN(int) itsma_compare(itsma_diff **out, const itsma_result *before,
                                const itsma_result *after, itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Free a diff (not the results it borrows).
 * @param d the diff, or NULL (then nothing happens).
 * **Ownership:** takes back an Owned diff. **Thread safety:** not while others read @p d.
 */
ITSMA_EXTERN(void) itsma_diff_free(itsma_diff *d);

/**
 * Write the diff as pretty-printed `itsma-diff/1` JSON (docs/diff-format.md): two-space
 * indent, fixed key order, final newline; the same results always give the same bytes.
 *
 * @param[out] out NUL-terminated UTF-8 text; NULL on failure.
 * @param d the diff. @param err details on failure, or NULL.
 * @return 0; #ITSMA_EINVAL for a NULL argument; #ITSMA_ENOMEM.
 * **Ownership:** `*out` is Owned: release it with itsma_free().
 * **Thread safety:** safe (const access).
 */
ITSMA_EXTERN(int) itsma_diff_to_json(char **out, const itsma_diff *d, itsma_error *err)
    ITSMA_WARN_UNUSED;

/* ---- summary ------------------------------------------------------------------------------ */

/**
 * The earlier result. @return Borrowed, never NULL.
 * **Ownership:** Borrowed (it is the caller's own result). **Thread safety:** safe.
 */
ITSMA_EXTERN(const itsma_result *) itsma_diff_before(const itsma_diff *d);
/**
 * The later result. @return Borrowed, never NULL.
 * **Ownership:** Borrowed. **Thread safety:** safe.
 */
ITSMA_EXTERN(const itsma_result *) itsma_diff_after(const itsma_diff *d);
/**
 * A compliance figure of the earlier result.
 * @return 0 to 100, or NaN when it is null. **Ownership:** none. **Thread safety:** safe.
 */
ITSMA_EXTERN(double) itsma_diff_compliance_before(const itsma_diff *d, itsma_model model);
/**
 * A compliance figure of the later result.
 * @return 0 to 100, or NaN when it is null. **Ownership:** none. **Thread safety:** safe.
 */
ITSMA_EXTERN(double) itsma_diff_compliance_after(const itsma_diff *d, itsma_model model);
/**
 * after - before of a compliance figure, in percentage points.
 * @return the difference, or NaN when either side is null.
 * **Ownership:** none. **Thread safety:** safe.
 */
ITSMA_EXTERN(double) itsma_diff_compliance_difference(const itsma_diff *d, itsma_model model);
/** The verdict of the earlier result. **Ownership:** none. **Thread safety:** safe. */
ITSMA_EXTERN(itsma_verdict) itsma_diff_verdict_before(const itsma_diff *d);
/** The verdict of the later result. **Ownership:** none. **Thread safety:** safe. */
ITSMA_EXTERN(itsma_verdict) itsma_diff_verdict_after(const itsma_diff *d);
/**
 * A count of the summary.
 * @return the count; 0 for an out-of-range @p which.
 * **Ownership:** none. **Thread safety:** safe.
 */
ITSMA_EXTERN(size_t) itsma_diff_tally_of(const itsma_diff *d, itsma_diff_tally which);

/* ---- requirements ------------------------------------------------------------------------- */

/**
 * Number of requirement entries: every requirement in scope on both sides, or out of
 * scope on both sides. **Ownership:** none. **Thread safety:** safe.
 */
ITSMA_EXTERN(size_t) itsma_diff_requirement_count(const itsma_diff *d);
/**
 * The i-th requirement entry. @return Borrowed from the diff, or NULL past the end.
 * **Ownership:** Borrowed. **Thread safety:** safe.
 */
ITSMA_EXTERN(const itsma_requirement_diff *) itsma_diff_requirement_at(const itsma_diff *d,
                                                                       size_t index);
/**
 * Number of scope changes: requirements in scope (applicable) on one side only, because
 * they were excluded or lie outside a section-scoped result on the other.
 * **Ownership:** none. **Thread safety:** safe.
 */
ITSMA_EXTERN(size_t) itsma_diff_scope_change_count(const itsma_diff *d);
/**
 * The i-th scope change (change #ITSMA_CHANGE_EXCLUDED or #ITSMA_CHANGE_INCLUDED).
 * @return Borrowed from the diff, or NULL past the end.
 * **Ownership:** Borrowed. **Thread safety:** safe.
 */
ITSMA_EXTERN(const itsma_requirement_diff *) itsma_diff_scope_change_at(const itsma_diff *d,
                                                                        size_t index);
/**
 * The entry (requirement entry or scope change) of a requirement id, in O(1).
 * @return Borrowed from the diff, or NULL when neither result lists that id.
 * **Ownership:** Borrowed; @p id is only read. **Thread safety:** safe.
 */
ITSMA_EXTERN(const itsma_requirement_diff *) itsma_diff_find_requirement(const itsma_diff *d,
                                                                         const char *id);
/** The requirement id. @return Borrowed, never NULL. **Thread safety:** safe. */
ITSMA_EXTERN(const char *) itsma_requirement_diff_id(const itsma_requirement_diff *q);
/** Improved, regressed, unchanged, or for scope changes excluded or included. */
ITSMA_EXTERN(itsma_change) itsma_requirement_diff_change(const itsma_requirement_diff *q);
/**
 * The requirement's entry in the earlier result (use the itsma_requirement_result_*
 * getters for its status, achievement, letter and nonconformity).
 * @return Borrowed from the earlier result, or NULL when that result does not list the
 *         requirement (outside its section scope, or not in its catalogue).
 * **Ownership:** Borrowed. **Thread safety:** safe.
 */
ITSMA_EXTERN(const itsma_requirement_result *)
itsma_requirement_diff_before(const itsma_requirement_diff *q);
/**
 * The requirement's entry in the later result, or NULL when it does not list it.
 * **Ownership:** Borrowed from the later result. **Thread safety:** safe.
 */
ITSMA_EXTERN(const itsma_requirement_result *)
itsma_requirement_diff_after(const itsma_requirement_diff *q);
/**
 * after - before achievement in percentage points.
 * @return the difference, or NaN when either side is excluded or missing.
 * **Ownership:** none. **Thread safety:** safe.
 */
ITSMA_EXTERN(double) itsma_requirement_diff_difference(const itsma_requirement_diff *q);

/* ---- processes ----------------------------------------------------------------------------- */

/**
 * Number of process entries: every process applicable on at least one side.
 * **Ownership:** none. **Thread safety:** safe.
 */
ITSMA_EXTERN(size_t) itsma_diff_process_count(const itsma_diff *d);
/**
 * The i-th process entry. @return Borrowed from the diff, or NULL past the end.
 * **Ownership:** Borrowed. **Thread safety:** safe.
 */
ITSMA_EXTERN(const itsma_process_diff *) itsma_diff_process_at(const itsma_diff *d, size_t index);
/** The process id. @return Borrowed, never NULL. **Thread safety:** safe. */
ITSMA_EXTERN(const char *) itsma_process_diff_id(const itsma_process_diff *p);
/** Capability level before (0-5), or -1 when the process was not applicable. */
ITSMA_EXTERN(int) itsma_process_diff_level_before(const itsma_process_diff *p);
/** Capability level after (0-5), or -1 when the process is not applicable. */
ITSMA_EXTERN(int) itsma_process_diff_level_after(const itsma_process_diff *p);
/** Target level before, or -1 without one. */
ITSMA_EXTERN(int) itsma_process_diff_target_before(const itsma_process_diff *p);
/** Target level after, or -1 without one. */
ITSMA_EXTERN(int) itsma_process_diff_target_after(const itsma_process_diff *p);
/**
 * Improved or regressed (level up or down), unchanged, or excluded/included when the
 * process is applicable on one side only. **Thread safety:** safe.
 */
ITSMA_EXTERN(itsma_change) itsma_process_diff_change(const itsma_process_diff *p);

/* ---- nonconformities ----------------------------------------------------------------------- */

/**
 * Number of nonconformity changes: requirements in scope on both sides whose
 * nonconformity class differs. **Ownership:** none. **Thread safety:** safe.
 */
ITSMA_EXTERN(size_t) itsma_diff_nonconformity_count(const itsma_diff *d);
/**
 * The i-th nonconformity change. @return Borrowed from the diff, or NULL past the end.
 * **Ownership:** Borrowed. **Thread safety:** safe.
 */
ITSMA_EXTERN(const itsma_nonconformity_diff *) itsma_diff_nonconformity_at(const itsma_diff *d,
                                                                           size_t index);
/** The requirement id. @return Borrowed, never NULL. **Thread safety:** safe. */
ITSMA_EXTERN(const char *) itsma_nonconformity_diff_id(const itsma_nonconformity_diff *n);
/** Closed, opened or changed. **Thread safety:** safe. */
ITSMA_EXTERN(itsma_nonconformity_change)
itsma_nonconformity_diff_change(const itsma_nonconformity_diff *n);
/** The class before (#ITSMA_NONCONFORMITY_NULL for a `should` requirement). */
ITSMA_EXTERN(itsma_nonconformity)
itsma_nonconformity_diff_before(const itsma_nonconformity_diff *n);
/** The class after (#ITSMA_NONCONFORMITY_NULL for a `should` requirement). */
ITSMA_EXTERN(itsma_nonconformity) itsma_nonconformity_diff_after(const itsma_nonconformity_diff *n);

ITSMA_END_DECL

#endif /* ITSMA_DIFF_H */
