/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/scorer.h
 * @brief Incremental re-scoring: a live scorer that keeps a result up to date while the
 * application changes ratings, evidence records and process-attribute ratings one at a time.
 *
 * An ITSM server that links every incident, change and audit record as evidence re-scores
 * whenever one of them changes. Scoring from scratch costs time in proportion to the size of
 * the catalogue and the assessment; a scorer brings its result up to date after one change in
 * time proportional to the depth of the catalogue (each enclosing section's figures are
 * recomputed from its children, nearest first), plus the citations the change touches. The
 * result is always exactly the one itsma_score() would give for the assessment as it stands:
 * the same figures to the last bit, the same gap and evidence-issue order, the same bytes
 * from itsma_result_to_json().
 *
 * @code
 * itsma_scorer *s = NULL;
 * itsma_error err = ITSMA_ERROR_INIT;
 * if (itsma_scorer_new(&s, assessment, NULL, &err) < 0)
 *     fprintf(stderr, "%s\n", err.message);
 * // ... later, when incident INC-42 (cited as evidence) is closed:
 * itsma_evidence_spec ev = ITSMA_EVIDENCE_SPEC_INIT;
 * ev.id = "INC-42"; ev.title = "Incident 42"; ev.kind = ITSMA_EVIDENCE_KIND_RECORD;
 * ev.collected = "2026-11-02";
 * if (itsma_scorer_put_evidence(s, &ev, &err) < 0)
 *     fprintf(stderr, "%s\n", err.message);
 * printf("%.1f\n", itsma_result_compliance(itsma_scorer_result(s), ITSMA_MODEL_DEFAULT));
 * itsma_scorer_free(s);
 * @endcode
 *
 * **The scorer is the assessment's only writer while it lives.** Make changes through the
 * itsma_scorer_put_* and itsma_scorer_remove_* functions. A change made to the assessment
 * directly (scope, targets, date, an extension, or any other), or to its catalogue, is
 * detected, not silently missed: the scorer records the generations
 * (itsma_assessment_generation(), itsma_catalogue_generation()) its result is of, and
 * until itsma_scorer_rescore() takes such a change in, every change through the scorer is
 * refused with #ITSMA_ESTATE (nothing changed) and itsma_scorer_stale() returns 1.
 *
 * **Failures.** A refused change (any error code) changes neither the assessment nor the
 * result (strong guarantee), with one exception, #ITSMA_ENOMEM after the assessment took the
 * change: the scorer then scores from scratch at once, and only if that fails as well is the
 * result left **stale**: itsma_scorer_stale() returns 1, and the result reads as empty (no
 * sections, requirements, gaps, capability gaps, evidence issues or warnings; null figures)
 * rather than half updated. The next change through the scorer, or itsma_scorer_rescore(),
 * scores from scratch first and clears the flag (if that fails, the call fails with
 * #ITSMA_ENOMEM and changes nothing).
 *
 * **Which sections moved.** The scorer notes every section (process or group) whose figures,
 * as the itsma_section_result_* getters give them, changed with a change: achievement,
 * letter, applicability, capability level, target, or an attribute's achievement, letter or
 * status. itsma_scorer_changed_count() and itsma_scorer_changed_at() list them since
 * itsma_scorer_mark() (or since the scorer was made); sections whose figures stayed as they
 * were are not listed.
 *
 * **Thread safety:** a scorer is one object: its changes need external locking, and no
 * thread may read its result while another changes it. Between changes, any number of threads
 * may read the result (const access). Readers that should not wait for the writer's lock
 * take a snapshot under it with itsma_result_clone() (an independent result with its own
 * copy of the assessment) and read that without the lock. Distinct scorers are independent.
 */
#ifndef ITSMA_SCORER_H
#define ITSMA_SCORER_H

#include "common.h"
#include "errors.h"
#include "rating.h"
#include "assessment.h"
#include "result.h"

ITSMA_BEGIN_DECL

/** A live scorer: an assessment and the result kept up to date with it. Opaque. */
typedef struct itsma_scorer itsma_scorer;

/**
 * Score an assessment and keep the result up to date as it changes.
 *
 * Building the scorer costs one itsma_score() plus an index of who cites each evidence
 * record (memory in proportion to the citations).
 *
 * @param[out] out the scorer; NULL on failure.
 * @param a the assessment: **Borrowed** (it must outlive the scorer) and changed by the
 *        scorer's mutators.
 * @param opts options, or NULL for defaults; `section` must be NULL (a scorer scores the
 *        whole catalogue). Copied.
 * @param err details, or NULL.
 * @return 0; #ITSMA_EINVAL (NULL argument, unknown options version or policy, a section given);
 *         #ITSMA_ENOMEM.
 * **Ownership:** `*out` is Owned: free it with itsma_scorer_free().
 * **Thread safety:** reads @p a; no other thread may change it meanwhile.
 */
ITSMA_EXTERN(int) itsma_scorer_new(itsma_scorer **out, itsma_assessment *a,
                                   const itsma_score_options *opts, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Free a scorer and its result (not the assessment). NULL is allowed.
 * **Ownership:** the result returned by itsma_scorer_result() is freed with it.
 */
ITSMA_EXTERN(void) itsma_scorer_free(itsma_scorer *s);

/**
 * The current result, updated in place: the pointer is the same for the scorer's whole
 * life, across every change and itsma_scorer_rescore().
 * @return the result, never NULL for a valid scorer. **Ownership:** Borrowed: valid until
 *         itsma_scorer_free(). The objects reached from it (section and requirement entries,
 *         gaps, capability gaps, evidence issues) are Borrowed until the next change through
 *         the scorer: a change moves gaps and issues within their lists, and a change that
 *         scores from scratch replaces all of them. For a copy that stays as it is, see
 *         itsma_result_clone().
 * **Thread safety:** concurrent reads are safe between changes.
 */
ITSMA_EXTERN(const itsma_result *) itsma_scorer_result(const itsma_scorer *s);

/**
 * Whether the result is out of date: a change failed after the assessment took it (see
 * "Failures" above), or the assessment or its catalogue was changed behind the scorer's back
 * (their generations differ from the ones the result is of). 1 or 0; 0 for NULL.
 * itsma_scorer_rescore() clears it.
 */
ITSMA_EXTERN(int) itsma_scorer_stale(const itsma_scorer *s);

/**
 * Start a new list of changed sections: itsma_scorer_changed_count() is 0 afterwards. NULL
 * is allowed.
 */
ITSMA_EXTERN(void) itsma_scorer_mark(itsma_scorer *s);

/**
 * How many sections changed score since itsma_scorer_mark() (or since the scorer was made):
 * each listed once, however many changes moved it. Changes that score from scratch list the
 * sections whose figures differ from before. 0 for NULL.
 */
ITSMA_EXTERN(size_t) itsma_scorer_changed_count(const itsma_scorer *s);

/**
 * The index-th changed section, in the order they first changed, or NULL past the end.
 * **Ownership:** Borrowed from the catalogue. Its entry: itsma_result_section_of().
 */
ITSMA_EXTERN(const itsma_section *) itsma_scorer_changed_at(const itsma_scorer *s, size_t index);

/**
 * The assessment the scorer works on. Borrowed (the pointer given to itsma_scorer_new()).
 * Change it directly only for what the scorer has no mutator for, then call
 * itsma_scorer_rescore().
 */
ITSMA_EXTERN(itsma_assessment *) itsma_scorer_assessment(itsma_scorer *s);

/**
 * Rate a requirement, or replace its rating (itsma_assessment_put_rating()), and update the
 * result: the requirement, its enclosing sections, its process, the summary, its place among
 * the gaps, and the evidence issues of the records it cites or cited.
 * @param spec the rating. Copied.
 * @return 0; #ITSMA_ENOTFOUND (no such requirement or evidence); #ITSMA_EINVAL (bad value,
 *         evidence cited twice; nothing changed); #ITSMA_ESTATE (changed behind the scorer's
 *         back; nothing changed); #ITSMA_ENOMEM (nothing changed, or the result is stale:
 *         see "Failures" above).
 * **Ownership:** strings of @p spec are Copied.
 */
ITSMA_EXTERN(int) itsma_scorer_put_rating(itsma_scorer *s, const itsma_rating_spec *spec,
                                          itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Remove the rating of a requirement and update the result.
 * @return 0; #ITSMA_ENOTFOUND (not rated; nothing changed); #ITSMA_EINVAL (NULL argument);
 *         #ITSMA_ESTATE; #ITSMA_ENOMEM (see "Failures" above).
 */
ITSMA_EXTERN(int) itsma_scorer_remove_rating(itsma_scorer *s, const char *requirement_id,
                                             itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Remove the rating of a requirement given as the catalogue's object (see "Requirements and
 * processes by object or by id" in assessment.h) and update the result.
 * @param s the scorer. @param requirement a requirement of the assessment's catalogue.
 * @param err details, or NULL.
 * @return 0; #ITSMA_ENOTFOUND (not rated; nothing changed); #ITSMA_EINVAL (NULL, or a
 *         requirement of another catalogue; nothing changed); #ITSMA_ESTATE; #ITSMA_ENOMEM (see
 *         "Failures" above).
 * **Ownership:** @p requirement is only read.
 */
ITSMA_EXTERN(int) itsma_scorer_remove_rating_of(itsma_scorer *s,
                                                const itsma_requirement *requirement,
                                                itsma_error *err) ITSMA_WARN_UNUSED;
/**
 * Add an evidence record, or replace the one with the same id
 * (itsma_assessment_put_evidence()), and update the result: every rating and attribute
 * rating citing it (whether it is current may have changed) and its evidence issue.
 * @param spec the record. Copied.
 * @return 0; #ITSMA_EINVAL (bad field; nothing changed); #ITSMA_ELIMIT; #ITSMA_ESTATE;
 *         #ITSMA_ENOMEM (see "Failures" above).
 */
ITSMA_EXTERN(int) itsma_scorer_put_evidence(itsma_scorer *s, const itsma_evidence_spec *spec,
                                            itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Remove an evidence record that nothing cites (itsma_assessment_remove_evidence()) and
 * update the result. Removing shifts the positions of the records after it, so this change
 * costs time in proportion to the number of evidence records, like the removal itself.
 * @return 0; #ITSMA_ENOTFOUND; #ITSMA_EINVAL (still cited; nothing changed); #ITSMA_ESTATE;
 *         #ITSMA_ENOMEM (see "Failures" above).
 */
ITSMA_EXTERN(int) itsma_scorer_remove_evidence(itsma_scorer *s, const char *id, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Rate a process attribute, or replace that rating (itsma_assessment_put_attribute()), and
 * update the process's attributes, capability level and capability gap, the capability
 * summary and the evidence issues of the records it cites or cited.
 * @param spec the attribute rating. Copied.
 * @return 0; #ITSMA_ENOTFOUND; #ITSMA_EINVAL (nothing changed); #ITSMA_ESTATE;
 *         #ITSMA_ENOMEM (see "Failures" above).
 */
ITSMA_EXTERN(int) itsma_scorer_put_attribute(itsma_scorer *s, const itsma_attribute_spec *spec,
                                             itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Remove a process-attribute rating and update the result.
 * @return 0; #ITSMA_ENOTFOUND (not rated; nothing changed); #ITSMA_EINVAL (NULL argument);
 *         #ITSMA_ESTATE; #ITSMA_ENOMEM (see "Failures" above).
 */
ITSMA_EXTERN(int) itsma_scorer_remove_attribute(itsma_scorer *s, const char *process_id,
                                                itsma_attribute attribute, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Remove a process-attribute rating of a process given as the catalogue's object and update
 * the result.
 * @param s the scorer. @param process a section of the assessment's catalogue.
 * @param attribute the attribute. @param err details, or NULL.
 * @return 0; #ITSMA_ENOTFOUND (not rated; nothing changed); #ITSMA_EINVAL (NULL, or a
 *         section of another catalogue; nothing changed); #ITSMA_ESTATE; #ITSMA_ENOMEM (see
 *         "Failures" above).
 * **Ownership:** @p process is only read.
 */
ITSMA_EXTERN(int) itsma_scorer_remove_attribute_of(itsma_scorer *s, const itsma_section *process,
                                                   itsma_attribute attribute, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Score from scratch: after changes made to the assessment (or its catalogue) directly, or
 * after a change left the result stale. Records the assessment's and catalogue's current
 * generations and clears the stale flag. The result stays at the same address; objects
 * borrowed from it become invalid.
 * @return 0; #ITSMA_EINVAL (NULL scorer; sections or requirements were added to the
 *         catalogue: make a new assessment and scorer); #ITSMA_ENOMEM (the previous result
 *         is kept, stale or not).
 */
ITSMA_EXTERN(int) itsma_scorer_rescore(itsma_scorer *s, itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * How many changes were applied incrementally and how many needed scoring from scratch
 * (changes touching excluded requirements or processes without applicable requirements,
 * evidence removal, itsma_scorer_rescore()). Either out-parameter may be NULL.
 */
ITSMA_EXTERN(void) itsma_scorer_stats(size_t *incremental_out, size_t *rescored_out,
                                      const itsma_scorer *s);

ITSMA_END_DECL

#endif /* ITSMA_SCORER_H */
