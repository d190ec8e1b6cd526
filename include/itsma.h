/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma.h
 * @brief Umbrella header: include this to use itsma.
 *
 * itsma assesses IT service management against requirement catalogues such as
 * ISO/IEC 20000-1: catalogues (catalogue.h), assessments with evidence (assessment.h),
 * scoring (result.h), comparison of two results (diff.h), incremental re-scoring
 * (scorer.h), spreadsheet questionnaires (questionnaire.h), reports for people and
 * spreadsheets (report.h), trends over several assessments (trend.h) and mapping sets
 * between catalogues with the carrying of assessments (mapping.h).
 *
 * **Lifetimes.** An arrow means "borrows: the right-hand object must outlive the left-hand
 * one" (free in the order read top to bottom). Getters return objects Borrowed from the
 * object asked; `_free(NULL)` is always allowed.
 *
 * @verbatim
   itsma_assessment  --> itsma_catalogue         (the assessment's catalogue)
   itsma_result      --> itsma_assessment        (scored as it was; change it only through
                                                  a scorer, or rescore after a change)
   itsma_scorer      --> itsma_assessment        (changed through the scorer; the scorer
                                                  owns its live itsma_result)
   itsma_result_clone snapshot --> the catalogue (it owns its copy of the assessment)
   itsma_diff        --> both itsma_results      (before and after)
   itsma_trend       --> every itsma_result given
   carried assessment --> the target catalogue   (itsma_assessment_carry; its
                                                  itsma_carry_report is Owned, standalone)
   x- extension texts --> their object           (until set again, removed or freed)
   itsma_mapping, itsma_carry_report, Owned strings (JSON, reports): borrow nothing
   @endverbatim
 *
 * Thread safety: objects are immutable while only read; reading one object from several
 * threads is safe, changing it needs the caller's lock (see each header).
 */
#ifndef ITSMA_H
#define ITSMA_H

#include "itsma/common.h"
#include "itsma/errors.h"
#include "itsma/version.h"
#include "itsma/rating.h"
#include "itsma/catalogue.h"
#include "itsma/assessment.h"
#include "itsma/extension.h"
#include "itsma/result.h"
#include "itsma/diff.h"
#include "itsma/scorer.h"
#include "itsma/validate.h"
#include "itsma/questionnaire.h"
#include "itsma/report.h"
#include "itsma/trend.h"
#include "itsma/interop.h"
#include "itsma/mapping.h"
#include "itsma/file.h"
#include "itsma/verify.h"

#endif /* ITSMA_H */
