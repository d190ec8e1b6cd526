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
#include "itsma/mapping.h"
#include "itsma/file.h"
#include "itsma/verify.h"

#endif /* ITSMA_H */
