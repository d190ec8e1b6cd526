/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/result.h
 * @brief Scoring (scoring.md): compliance, capability levels, conformity verdict,
 * prioritised gaps and evidence issues, as a C object and as `itsma-result/1` JSON.
 *
 * A result **borrows its assessment** (and through it the catalogue): both must outlive
 * it. Figures that scoring.md defines as `null` are reported as NaN by the `double`
 * getters (test with `isnan`). Lists follow catalogue order (gaps: priority order).
 *
 * **Thread safety:** scoring only reads the assessment, so several threads may score
 * (their own or a shared) assessment at once; a result is immutable once made.
 */
#ifndef ITSMA_RESULT_H
#define ITSMA_RESULT_H

#include "common.h"
#include "errors.h"
#include "rating.h"
#include "catalogue.h"
#include "assessment.h"

ITSMA_BEGIN_DECL

/** A scoring result. Opaque. */
typedef struct itsma_result itsma_result;
/** Figures of one section. Opaque, Borrowed from the result. */
typedef struct itsma_section_result itsma_section_result;
/** Figures of one requirement. Opaque, Borrowed from the result. */
typedef struct itsma_requirement_result itsma_requirement_result;
/** One gap (a requirement not rated F). Opaque, Borrowed. */
typedef struct itsma_gap itsma_gap;
/** One capability gap (a process below its target). Opaque, Borrowed. */
typedef struct itsma_capability_gap itsma_capability_gap;
/** One evidence issue. Opaque, Borrowed. */
typedef struct itsma_evidence_issue itsma_evidence_issue;

/** Evidence policy (scoring.md §2). */
typedef enum itsma_evidence_policy {
	ITSMA_EVIDENCE_POLICY_REQUIRED = 0, /**< Unsupported ratings count 0 (the default). */
	ITSMA_EVIDENCE_POLICY_ADVISORY = 1  /**< Unsupported ratings count as rated. */
} itsma_evidence_policy;

/** "required", "advisory"; "" for a value outside the enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_evidence_policy_name(itsma_evidence_policy value);
/** The value of a word of itsma_evidence_policy_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_evidence_policy_parse(itsma_evidence_policy *out, const char *word,
                                              itsma_error *err) ITSMA_WARN_UNUSED;

/** Scoring options. Versioned; fields are only appended. */
typedef struct itsma_score_options {
	unsigned int version;                  /**< #ITSMA_SCORE_OPTIONS_VERSION. */
	itsma_evidence_policy evidence_policy; /**< Default #ITSMA_EVIDENCE_POLICY_REQUIRED. */
	const char *section; /**< Score only this section, as if it were the whole catalogue; NULL
	                        for all. */
} itsma_score_options;
/** Current version of itsma_score_options. */
#define ITSMA_SCORE_OPTIONS_VERSION 1
/** Static initialiser for itsma_score_options. */
#define ITSMA_SCORE_OPTIONS_INIT                                                                   \
	{                                                                                          \
		ITSMA_SCORE_OPTIONS_VERSION, ITSMA_EVIDENCE_POLICY_REQUIRED, NULL                  \
	}
/** Initialise score options to defaults. @return 0 or #ITSMA_EINVAL for an unknown version. */
ITSMA_EXTERN(int) itsma_score_options_init(itsma_score_options *opts, unsigned int version);

/**
 * Score an assessment.
 * @param[out] out the result; NULL on failure.
 * @param a the assessment (Borrowed by the result: must outlive it, unmodified).
 * @param opts options, or NULL for defaults. @param err details, or NULL.
 * @return 0; #ITSMA_ENOTFOUND (no such section in opts); #ITSMA_EINVAL (bad options);
 *         #ITSMA_ENOMEM.
 * **Ownership:** `*out` is Owned: free it with itsma_result_free().
 */
ITSMA_EXTERN(int) itsma_score(itsma_result **out, const itsma_assessment *a,
                              const itsma_score_options *opts, itsma_error *err) ITSMA_WARN_UNUSED;

/** Free a result. NULL is allowed. */
ITSMA_EXTERN(void) itsma_result_free(itsma_result *r);

/**
 * A snapshot of a result: an independent result, equal to @p r (the same figures, lists and
 * itsma_result_to_json() bytes), with its own copy of the assessment, that stays as it is
 * whatever later happens to @p r and its assessment. Made from a live scorer's result
 * (itsma_scorer_result()) under the writer's lock, it can then be read by any number of
 * threads without that lock, for as long as the caller keeps it.
 *
 * itsma_result_assessment() of the snapshot is its own copy (Borrowed from the snapshot,
 * freed with it), made by itsma_assessment_clone(); it borrows the catalogue of @p r, which
 * must outlive it unchanged. Costs a copy of the assessment in memory and a scoring of it
 * (linear in their sizes; bench/README.md has figures).
 *
 * @param[out] out the snapshot; NULL on failure.
 * @param r the result (Borrowed for the call only).
 * @param err details, or NULL.
 * @return 0; #ITSMA_EINVAL (NULL argument); #ITSMA_ESTATE (the assessment or catalogue of
 *         @p r was changed after it was scored: the result is out of date, and a snapshot of
 *         it cannot be made); #ITSMA_ENOMEM.
 * **Ownership:** `*out` is Owned: free it with itsma_result_free().
 * **Thread safety:** reads @p r and its assessment: no other thread may change them meanwhile.
 */
ITSMA_EXTERN(int) itsma_result_clone(itsma_result **out, const itsma_result *r, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Write `itsma-result/1` JSON exactly as formats.md shows: pretty-printed, fixed key
 * order, same inputs give the same bytes.
 * @param[out] out text; Owned: release with itsma_free(). @return 0 or #ITSMA_ENOMEM.
 */
ITSMA_EXTERN(int) itsma_result_to_json(char **out, const itsma_result *r, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Explain in words how the figure of a requirement or section came about: its rating,
 * each cited evidence record judged current or not and why, its status and achievement;
 * for a section, the applicable children with their weights and achievements that made
 * its weighted mean, and for a process its attributes and capability level.
 * @param id a requirement or section id.
 * @param[out] out text (several lines); Owned: release with itsma_free().
 * @return 0; #ITSMA_ENOTFOUND; #ITSMA_ENOMEM.
 */
ITSMA_EXTERN(int) itsma_result_explain(char **out, const itsma_result *r, const char *id,
                                       itsma_error *err) ITSMA_WARN_UNUSED;

/* ---- summary ------------------------------------------------------------------------------ */

/** Compliance models (scoring.md §3). */
typedef enum itsma_model {
	ITSMA_MODEL_DEFAULT = 0,     /**< Hierarchical weighted mean. */
	ITSMA_MODEL_FLAT,            /**< Requirement-weighted mean. */
	ITSMA_MODEL_FLAT_UNWEIGHTED, /**< Plain mean. */
	ITSMA_MODEL_ABSOLUTE,        /**< 100 when every applicable requirement is F, else 0. */
	ITSMA_MODEL_SHALL,           /**< Default model over `shall` requirements. */
	ITSMA_MODEL_SHOULD,          /**< Default model over `should` requirements. */
	ITSMA_MODEL_COUNT            /**< Number of models. */
} itsma_model;
/** "default", "flat", "flat_unweighted", "absolute", "shall", "should"; "" for
 * #ITSMA_MODEL_COUNT or a value outside the enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_model_name(itsma_model value);
/** The value of a word of itsma_model_name() (common.h, "Names"). @return 0 or #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_model_parse(itsma_model *out, const char *word, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Conformity verdict (scoring.md §5). From best to worst: conformant, conditional,
 * incomplete, nonconformant. Compare verdicts with itsma_verdict_compare(), not with the
 * enumeration's numeric values (which are append-only, not an order).
 */
typedef enum itsma_verdict {
	ITSMA_VERDICT_CONFORMANT = 0, /**< No nonconformity, nothing unassessed. */
	ITSMA_VERDICT_CONDITIONAL,    /**< Only minor nonconformities. */
	ITSMA_VERDICT_INCOMPLETE,     /**< No major one, but some `shall` unassessed. */
	ITSMA_VERDICT_NONCONFORMANT   /**< At least one major nonconformity. */
} itsma_verdict;
/** "conformant", "conditional", "incomplete", "nonconformant"; "" for a value outside the
 * enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_verdict_name(itsma_verdict value);
/**
 * Order two verdicts from best to worst (see #itsma_verdict).
 * @return a negative number when @p a is better than @p b, 0 when they are the same, a
 *         positive number when @p a is worse. A value outside the enumeration is worse than
 *         every verdict. **Thread safety:** safe.
 */
ITSMA_EXTERN(int) itsma_verdict_compare(itsma_verdict a, itsma_verdict b);
/** The value of a word of itsma_verdict_name() (common.h, "Names"). @return 0 or #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_verdict_parse(itsma_verdict *out, const char *word, itsma_error *err)
    ITSMA_WARN_UNUSED;

/** Requirement status (scoring.md §2). */
typedef enum itsma_status {
	ITSMA_STATUS_RATED = 0,   /**< Rated, with current evidence (or a 0 rating). */
	ITSMA_STATUS_UNASSESSED,  /**< No rating. */
	ITSMA_STATUS_UNSUPPORTED, /**< Rated above 0 without current evidence. */
	ITSMA_STATUS_EXCLUDED     /**< Out of scope. */
} itsma_status;
/** "rated", "unassessed", "unsupported", "excluded"; "" for a value outside the enumeration.
 * Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_status_name(itsma_status value);
/** The value of a word of itsma_status_name() (common.h, "Names"). @return 0 or #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_status_parse(itsma_status *out, const char *word, itsma_error *err)
    ITSMA_WARN_UNUSED;

/** Nonconformity class (scoring.md §5). */
typedef enum itsma_nonconformity {
	ITSMA_NONCONFORMITY_NULL =
	    0, /**< Not applicable: a `should` or excluded requirement (JSON null). */
	ITSMA_NONCONFORMITY_NONE,      /**< Rated F. */
	ITSMA_NONCONFORMITY_MINOR,     /**< Rated L. */
	ITSMA_NONCONFORMITY_MAJOR,     /**< Rated P or N, or unsupported under `required`. */
	ITSMA_NONCONFORMITY_UNASSESSED /**< Not rated. */
} itsma_nonconformity;
/** "none", "minor", "major", "unassessed"; "" for #ITSMA_NONCONFORMITY_NULL (no word: JSON
 * null) or a value outside the enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_nonconformity_name(itsma_nonconformity value);
/** The value of a word of itsma_nonconformity_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_nonconformity_parse(itsma_nonconformity *out, const char *word,
                                            itsma_error *err) ITSMA_WARN_UNUSED;

/** Requirement counts of the summary. */
typedef enum itsma_tally {
	ITSMA_TALLY_TOTAL = 0,     /**< All requirements in the scored scope. */
	ITSMA_TALLY_APPLICABLE,    /**< Not excluded. */
	ITSMA_TALLY_EXCLUDED,      /**< Excluded. */
	ITSMA_TALLY_RATED,         /**< Status rated. */
	ITSMA_TALLY_UNASSESSED,    /**< Status unassessed. */
	ITSMA_TALLY_UNSUPPORTED,   /**< Status unsupported. */
	ITSMA_TALLY_NC_MAJOR,      /**< Major nonconformities. */
	ITSMA_TALLY_NC_MINOR,      /**< Minor nonconformities. */
	ITSMA_TALLY_NC_UNASSESSED, /**< Unassessed `shall` requirements. */
	ITSMA_TALLY_PROCESSES,     /**< Applicable processes. */
	ITSMA_TALLY_TARGETS_SET,   /**< Applicable processes with a target. */
	ITSMA_TALLY_TARGETS_MET,   /**< Of those, the ones at or above their target. */
	ITSMA_TALLY_COUNT          /**< Number of tallies. */
} itsma_tally;
/** "total", "applicable", "excluded", "rated", "unassessed", "unsupported",
 * "nonconformities_major", "nonconformities_minor", "nonconformities_unassessed",
 * "processes", "targets_set", "targets_met"; "" for #ITSMA_TALLY_COUNT or a value outside
 * the enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_tally_name(itsma_tally value);
/** The value of a word of itsma_tally_name() (common.h, "Names"). @return 0 or #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_tally_parse(itsma_tally *out, const char *word, itsma_error *err)
    ITSMA_WARN_UNUSED;

/** The assessment scored. Borrowed. */
ITSMA_EXTERN(const itsma_assessment *) itsma_result_assessment(const itsma_result *r);
/** The evidence policy used. */
ITSMA_EXTERN(itsma_evidence_policy) itsma_result_policy(const itsma_result *r);
/** The section scored alone (options), or NULL for the whole catalogue. Borrowed. */
ITSMA_EXTERN(const itsma_section *) itsma_result_scope(const itsma_result *r);
/** A compliance figure, 0 to 100, or NaN when it is null. */
ITSMA_EXTERN(double) itsma_result_compliance(const itsma_result *r, itsma_model model);
/** The conformity verdict. */
ITSMA_EXTERN(itsma_verdict) itsma_result_verdict(const itsma_result *r);
/** A count of the summary. */
ITSMA_EXTERN(size_t) itsma_result_tally(const itsma_result *r, itsma_tally which);
/** Lowest capability level of applicable processes, or -1 when there is none. */
ITSMA_EXTERN(int) itsma_result_capability_min(const itsma_result *r);
/** Highest capability level, or -1 when there is no applicable process. */
ITSMA_EXTERN(int) itsma_result_capability_max(const itsma_result *r);
/** Mean capability level, or NaN when there is no applicable process. */
ITSMA_EXTERN(double) itsma_result_capability_mean(const itsma_result *r);
/** Number of warnings (for example ratings of excluded requirements). */
ITSMA_EXTERN(size_t) itsma_result_warning_count(const itsma_result *r);
/** The i-th warning text, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_result_warning_at(const itsma_result *r, size_t index);

/* ---- sections ------------------------------------------------------------------------------ */

/** Number of section entries (every section in scope, catalogue order). */
ITSMA_EXTERN(size_t) itsma_result_section_count(const itsma_result *r);
/** The i-th section entry, or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_section_result *) itsma_result_section_at(const itsma_result *r,
                                                                   size_t index);
/** The entry of a section id, or NULL (O(1)). Borrowed. */
ITSMA_EXTERN(const itsma_section_result *) itsma_result_find_section(const itsma_result *r,
                                                                     const char *id);
/** The catalogue section. Borrowed. */
ITSMA_EXTERN(const itsma_section *) itsma_section_result_section(const itsma_section_result *s);
/** Whether the section is applicable. */
ITSMA_EXTERN(int) itsma_section_result_applicable(const itsma_section_result *s);
/** Default-model achievement, or NaN when not applicable. */
ITSMA_EXTERN(double) itsma_section_result_achievement(const itsma_section_result *s);
/** Band letter of the achievement, or #ITSMA_LETTER_NONE when not applicable. */
ITSMA_EXTERN(itsma_letter) itsma_section_result_letter(const itsma_section_result *s);
/** Capability level 0-5 for an applicable process, else -1. */
ITSMA_EXTERN(int) itsma_section_result_capability_level(const itsma_section_result *s);
/** Target level of a process, or -1 without one (or for non-processes). */
ITSMA_EXTERN(int) itsma_section_result_target_level(const itsma_section_result *s);
/** Attribute status of a process. */
typedef enum itsma_attribute_status {
	ITSMA_ATTRIBUTE_STATUS_DERIVED = 0, /**< PA1.1, derived from the requirements. */
	ITSMA_ATTRIBUTE_STATUS_RATED,       /**< Rated with current evidence. */
	ITSMA_ATTRIBUTE_STATUS_UNASSESSED,  /**< Not rated. */
	ITSMA_ATTRIBUTE_STATUS_UNSUPPORTED  /**< Rated above 0 without current evidence. */
} itsma_attribute_status;
/** "derived", "rated", "unassessed", "unsupported"; "" for a value outside the enumeration. Static,
 * never NULL. */
ITSMA_EXTERN(const char *) itsma_attribute_status_name(itsma_attribute_status value);
/** The value of a word of itsma_attribute_status_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_attribute_status_parse(itsma_attribute_status *out, const char *word,
                                               itsma_error *err) ITSMA_WARN_UNUSED;
/** Achievement of an attribute of an applicable process, or NaN. */
ITSMA_EXTERN(double) itsma_section_result_attribute_achievement(const itsma_section_result *s,
                                                                itsma_attribute attribute);
/** Band letter of an attribute, or #ITSMA_LETTER_NONE. */
ITSMA_EXTERN(itsma_letter) itsma_section_result_attribute_letter(const itsma_section_result *s,
                                                                 itsma_attribute attribute);
/** Status of an attribute (meaningful for applicable processes only). */
ITSMA_EXTERN(itsma_attribute_status)
itsma_section_result_attribute_status(const itsma_section_result *s, itsma_attribute attribute);

/* ---- requirements --------------------------------------------------------------------------- */

/** Number of requirement entries (every requirement in scope, catalogue order). */
ITSMA_EXTERN(size_t) itsma_result_requirement_count(const itsma_result *r);
/** The i-th requirement entry, or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_requirement_result *) itsma_result_requirement_at(const itsma_result *r,
                                                                           size_t index);
/** The entry of a requirement id, or NULL (O(1)). Borrowed. */
ITSMA_EXTERN(const itsma_requirement_result *)
itsma_result_find_requirement(const itsma_result *r, const char *id);
/** The catalogue requirement. Borrowed. */
ITSMA_EXTERN(const itsma_requirement *)
itsma_requirement_result_requirement(const itsma_requirement_result *q);
/** Status. */
ITSMA_EXTERN(itsma_status) itsma_requirement_result_status(const itsma_requirement_result *q);
/** Achievement 0-100, or NaN when excluded. */
ITSMA_EXTERN(double) itsma_requirement_result_achievement(const itsma_requirement_result *q);
/** Band letter of the achievement, or #ITSMA_LETTER_NONE when excluded. */
ITSMA_EXTERN(itsma_letter) itsma_requirement_result_letter(const itsma_requirement_result *q);
/** Nonconformity class. */
ITSMA_EXTERN(itsma_nonconformity)
itsma_requirement_result_nonconformity(const itsma_requirement_result *q);
/** Effective weight in the default model (scoring.md §6); 0 when excluded. */
ITSMA_EXTERN(double) itsma_requirement_result_weight(const itsma_requirement_result *q);
/** Gain: effective weight x (100 - achievement); 0 when excluded. */
ITSMA_EXTERN(double) itsma_requirement_result_gain(const itsma_requirement_result *q);
/** The assessment's rating of the requirement, or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_rating *)
itsma_requirement_result_rating(const itsma_requirement_result *q);

/* ---- gaps ------------------------------------------------------------------------------------ */

/** Number of gaps. */
ITSMA_EXTERN(size_t) itsma_result_gap_count(const itsma_result *r);
/** The i-th gap in priority order, or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_gap *) itsma_result_gap_at(const itsma_result *r, size_t index);
/** The requirement entry of a gap. Borrowed. */
ITSMA_EXTERN(const itsma_requirement_result *) itsma_gap_requirement(const itsma_gap *g);
/** Gain in percentage points of default compliance. */
ITSMA_EXTERN(double) itsma_gap_gain(const itsma_gap *g);
/** Number of guidance sources with merged values for this gap. */
ITSMA_EXTERN(size_t) itsma_gap_guidance_source_count(const itsma_gap *g);
/** Key of the i-th guidance source of the gap ("itil4"), or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_gap_guidance_source_key(const itsma_gap *g, size_t index);
/** Number of merged guidance values for a source key. */
ITSMA_EXTERN(size_t) itsma_gap_guidance_count(const itsma_gap *g, const char *source);
/** The i-th merged guidance value (nearest section first), or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_gap_guidance_at(const itsma_gap *g, const char *source,
                                                 size_t index);

/* ---- capability gaps ------------------------------------------------------------------------- */

/** Number of capability gaps. */
ITSMA_EXTERN(size_t) itsma_result_capability_gap_count(const itsma_result *r);
/** The i-th capability gap, or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_capability_gap *) itsma_result_capability_gap_at(const itsma_result *r,
                                                                          size_t index);
/** The process. Borrowed. */
ITSMA_EXTERN(const itsma_section *) itsma_capability_gap_process(const itsma_capability_gap *g);
/** Its capability level. */
ITSMA_EXTERN(int) itsma_capability_gap_level(const itsma_capability_gap *g);
/** Its target level. */
ITSMA_EXTERN(int) itsma_capability_gap_target(const itsma_capability_gap *g);
/** Number of attributes standing in the way. */
ITSMA_EXTERN(size_t) itsma_capability_gap_attribute_count(const itsma_capability_gap *g);
/**
 * The i-th attribute standing in the way.
 * @param[out] letter_out its current band letter (may be NULL).
 * @param[out] needed_out the letter needed, L or F (may be NULL).
 * @return the attribute, or #ITSMA_ATTRIBUTE_COUNT past the end.
 */
ITSMA_EXTERN(itsma_attribute) itsma_capability_gap_attribute_at(itsma_letter *letter_out,
                                                                itsma_letter *needed_out,
                                                                const itsma_capability_gap *g,
                                                                size_t index);

/* ---- evidence issues ------------------------------------------------------------------------- */

/** Evidence problems (scoring.md §7). */
typedef enum itsma_evidence_problem {
	ITSMA_EVIDENCE_PROBLEM_UNUSED = 0, /**< Cited by nothing. */
	ITSMA_EVIDENCE_PROBLEM_EXPIRED,    /**< Expired before the assessment date. */
	ITSMA_EVIDENCE_PROBLEM_FUTURE      /**< Collected after the assessment date. */
} itsma_evidence_problem;
/** "unused", "expired", "future"; "" for a value outside the enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_evidence_problem_name(itsma_evidence_problem value);
/** The value of a word of itsma_evidence_problem_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_evidence_problem_parse(itsma_evidence_problem *out, const char *word,
                                               itsma_error *err) ITSMA_WARN_UNUSED;

/** Number of evidence issues. */
ITSMA_EXTERN(size_t) itsma_result_evidence_issue_count(const itsma_result *r);
/** The i-th evidence issue (assessment evidence order), or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_evidence_issue *) itsma_result_evidence_issue_at(const itsma_result *r,
                                                                          size_t index);
/** The evidence record. Borrowed. */
ITSMA_EXTERN(const itsma_evidence *) itsma_evidence_issue_evidence(const itsma_evidence_issue *i);
/** The problem. */
ITSMA_EXTERN(itsma_evidence_problem) itsma_evidence_issue_problem(const itsma_evidence_issue *i);
/** Number of citers (requirement ids, then "PROCESS/PAx.y"). */
ITSMA_EXTERN(size_t) itsma_evidence_issue_cited_by_count(const itsma_evidence_issue *i);
/** The i-th citer, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_evidence_issue_cited_by_at(const itsma_evidence_issue *i,
                                                            size_t index);

/* ---- structured warnings ------------------------------------------------------------------ */

/** What a warning (itsma_result_warning_at()) is about. */
typedef enum itsma_warning_kind {
	ITSMA_WARNING_KIND_EXCLUDED_RATING = 0, /**< A requirement is rated but out of scope. */
	ITSMA_WARNING_KIND_EXCLUDED_ATTRIBUTE =
	    1, /**< A process attribute is rated, the process is out of scope. */
	ITSMA_WARNING_KIND_NO_APPLICABLE = 2, /**< A process attribute is rated, the process has no
	                                       * applicable requirement. */
	ITSMA_WARNING_KIND_COUNT = 3          /**< Number of kinds; also "no such warning". */
} itsma_warning_kind;
/** "excluded-rating", "excluded-attribute", "no-applicable"; "" for #ITSMA_WARNING_KIND_COUNT
 * or a value outside the enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_warning_kind_name(itsma_warning_kind value);
/** The value of a word of itsma_warning_kind_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_warning_kind_parse(itsma_warning_kind *out, const char *word,
                                           itsma_error *err) ITSMA_WARN_UNUSED;
/** The kind of warning `index`, or #ITSMA_WARNING_KIND_COUNT out of range. */
ITSMA_EXTERN(itsma_warning_kind) itsma_result_warning_kind(const itsma_result *r, size_t index);
/** Its subject: the requirement id (excluded-rating) or the process id; NULL out of range.
 * Borrowed (from the catalogue). */
ITSMA_EXTERN(const char *) itsma_result_warning_subject(const itsma_result *r, size_t index);
/** The process attribute rated (attribute kinds), else #ITSMA_ATTRIBUTE_COUNT. */
ITSMA_EXTERN(itsma_attribute) itsma_result_warning_attribute(const itsma_result *r, size_t index);
/** The id of the exclusion that puts the subject out of scope (excluded kinds), else NULL.
 * Borrowed (from the result: it stays when the assessment changes). */
ITSMA_EXTERN(const char *) itsma_result_warning_exclusion(const itsma_result *r, size_t index);

/* ---- lookups by object (no id round trip) -------------------------------------------------- */

/** The catalogue scored (the assessment's). Borrowed. NULL for NULL. */
ITSMA_EXTERN(const itsma_catalogue *) itsma_result_catalogue(const itsma_result *r);
/** The figures of section `s` (a section of the result's catalogue), or NULL when it is of
 * another catalogue or outside the scope scored. O(1). Borrowed. */
ITSMA_EXTERN(const itsma_section_result *) itsma_result_section_of(const itsma_result *r,
                                                                   const itsma_section *s);
/** The figures of requirement `q`, or NULL (as itsma_result_section_of()). O(1). Borrowed. */
ITSMA_EXTERN(const itsma_requirement_result *)
itsma_result_requirement_of(const itsma_result *r, const itsma_requirement *q);
/** The capability gap of `process`, or NULL when it has none. Linear in the number of
 * capability gaps. Borrowed. */
ITSMA_EXTERN(const itsma_capability_gap *)
itsma_result_capability_gap_of(const itsma_result *r, const itsma_section *process);
/** The id of the gap's requirement, or NULL for NULL. Borrowed (from the catalogue). */
ITSMA_EXTERN(const char *) itsma_gap_requirement_id(const itsma_gap *g);

ITSMA_END_DECL

#endif /* ITSMA_RESULT_H */
