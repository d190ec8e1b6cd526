/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A snapshot of a result (itsma_result_clone): an independent result with its own copy of
 * the assessment, so that it stays as it is while the original's assessment changes (a live
 * scorer goes on) and can be read without the writer's lock.
 *
 * The copy of the assessment is itsma_assessment_clone()'s (in memory, linear in its size,
 * every field, extension and order kept, against the same catalogue), and the snapshot is
 * the result of scoring the copy with the original's options: the same figures and bytes as
 * the original, since the original is of the assessment as it stands (the generations are
 * checked).
 */
#include "internal/result.h"
#include "internal/error.h"

#include "itsma/assessment.h"

int itsma_result_clone(itsma_result **out, const itsma_result *r, itsma_error *err)
{
	itsma_score_options so = ITSMA_SCORE_OPTIONS_INIT;
	itsma_assessment *copy = NULL;
	itsma_result *c = NULL;
	int rc;

	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_result_clone: the output pointer is NULL");
	*out = NULL;
	if (!r)
		return itsma__error_set(err, ITSMA_EINVAL, "itsma_result_clone: no result given");
	if (r->a->generation != r->a_gen || r->cat->generation != r->cat_gen)
		return itsma__error_set(
		    err, ITSMA_ESTATE,
		    "assessment %s (or catalogue %s) was changed after this result "
		    "was scored: score it again, or rescore its scorer",
		    itsma_assessment_id(r->a), r->cat->id);
	if ((rc = itsma_assessment_clone(&copy, r->a, err)) < 0)
		return rc;
	so.evidence_policy = r->policy;
	so.section = r->scope ? r->scope->id : NULL;
	if ((rc = itsma_score(&c, copy, &so, err)) < 0) {
		itsma_assessment_free(copy);
		return rc;
	}
	c->owned_a = copy;
	*out = c;
	return 0;
}
