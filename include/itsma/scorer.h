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
 * itsma_scorer_put_* and itsma_scorer_remove_* functions; a change made to the assessment
 * directly (scope, targets, date, or any other) is taken into account by
 * itsma_scorer_rescore(), which scores from scratch.
 *
 * **Thread safety:** a scorer is one object: its changes need external locking, and no
 * thread may read its result while another changes it. Between changes, any number of threads
 * may read the result (const access). Distinct scorers are independent.
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
 * The current result.
 * @return the result, never NULL for a valid scorer. **Ownership:** Borrowed: valid until the
 *         next change through the scorer or itsma_scorer_free(); every object reached from it
 *         (entries, gaps, issues) is Borrowed likewise. Most changes update the result where
 *         it is, but a change that rescores (itsma_scorer_rescore(), and the changes its
 *         rescored count reports) replaces it: call this again after every change rather
 *         than keeping the pointer.
 * **Thread safety:** concurrent reads are safe between changes.
 */
ITSMA_EXTERN(const itsma_result *) itsma_scorer_result(const itsma_scorer *s);

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
 *         evidence cited twice; nothing changed); #ITSMA_ENOMEM (the assessment may be
 *         changed and the result out of date: call itsma_scorer_rescore()).
 * **Ownership:** strings of @p spec are Copied.
 */
ITSMA_EXTERN(int) itsma_scorer_put_rating(itsma_scorer *s, const itsma_rating_spec *spec,
                                          itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Remove the rating of a requirement and update the result.
 * @return 0; #ITSMA_ENOTFOUND (not rated; nothing changed); #ITSMA_EINVAL (NULL argument);
 *         #ITSMA_ENOMEM (call itsma_scorer_rescore()).
 */
ITSMA_EXTERN(int) itsma_scorer_remove_rating(itsma_scorer *s, const char *requirement_id,
                                             itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Remove the rating of a requirement given as the catalogue's object (see "Requirements and
 * processes by object or by id" in assessment.h) and update the result.
 * @param s the scorer. @param requirement a requirement of the assessment's catalogue.
 * @param err details, or NULL.
 * @return 0; #ITSMA_ENOTFOUND (not rated; nothing changed); #ITSMA_EINVAL (NULL, or a
 *         requirement of another catalogue; nothing changed); #ITSMA_ENOMEM (call
 *         itsma_scorer_rescore()).
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
 * @return 0; #ITSMA_EINVAL (bad field; nothing changed); #ITSMA_ELIMIT; #ITSMA_ENOMEM (call
 *         itsma_scorer_rescore()).
 */
ITSMA_EXTERN(int) itsma_scorer_put_evidence(itsma_scorer *s, const itsma_evidence_spec *spec,
                                            itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Remove an evidence record that nothing cites (itsma_assessment_remove_evidence()) and
 * update the result. Removing shifts the positions of the records after it, so this change
 * costs time in proportion to the number of evidence records, like the removal itself.
 * @return 0; #ITSMA_ENOTFOUND; #ITSMA_EINVAL (still cited; nothing changed); #ITSMA_ENOMEM.
 */
ITSMA_EXTERN(int) itsma_scorer_remove_evidence(itsma_scorer *s, const char *id, itsma_error *err)
	ITSMA_WARN_UNUSED;

/**
 * Rate a process attribute, or replace that rating (itsma_assessment_put_attribute()), and
 * update the process's attributes, capability level and capability gap, the capability
 * summary and the evidence issues of the records it cites or cited.
 * @param spec the attribute rating. Copied.
 * @return 0; #ITSMA_ENOTFOUND; #ITSMA_EINVAL (nothing changed); #ITSMA_ENOMEM (call
 *         itsma_scorer_rescore()).
 */
ITSMA_EXTERN(int) itsma_scorer_put_attribute(itsma_scorer *s, const itsma_attribute_spec *spec,
                                             itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Remove a process-attribute rating and update the result.
 * @return 0; #ITSMA_ENOTFOUND (not rated; nothing changed); #ITSMA_EINVAL (NULL argument);
 *         #ITSMA_ENOMEM (call itsma_scorer_rescore()).
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
 *         section of another catalogue; nothing changed); #ITSMA_ENOMEM (call
 *         itsma_scorer_rescore()).
 * **Ownership:** @p process is only read.
 */
ITSMA_EXTERN(int) itsma_scorer_remove_attribute_of(itsma_scorer *s, const itsma_section *process,
                                                   itsma_attribute attribute, itsma_error *err)
	ITSMA_WARN_UNUSED;
/**
 * Score from scratch: after changes made to the assessment directly, or after
 * #ITSMA_ENOMEM from a mutator. Objects borrowed from the previous result become invalid.
 * @return 0; #ITSMA_EINVAL (NULL scorer); #ITSMA_ENOMEM (the previous result is kept).
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
