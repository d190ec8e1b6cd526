/* SPDX-License-Identifier: Apache-2.0 */
/*
 * score_gaps: score an assessment and print its verdict and the five gaps to fix first.
 *
 *     score_gaps ASSESSMENT.json
 *
 * The assessment names its catalogue; a built-in one (such as iso20000-1:2018) is found in
 * the library, so no catalogue file is needed.
 */
#include <itsma.h>

#include <stdio.h>

int main(int argc, char **argv)
{
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_assessment *a = NULL;
	itsma_result *r = NULL;
	char msg[512];

	if (argc != 2) {
		fprintf(stderr, "usage: %s ASSESSMENT.json\n", argv[0]);
		return 2;
	}
	/* NULL catalogue: resolve the assessment's "catalogue" id among the built-ins. */
	if (itsma_assessment_load_file(&a, argv[1], NULL, NULL, &err) < 0)
		goto fail;
	/* NULL options: the defaults (evidence policy "required", whole catalogue). */
	if (itsma_score(&r, a, NULL, &err) < 0)
		goto fail;

	printf("%s (%s): %s\n", itsma_assessment_id(a), itsma_assessment_date(a),
	       itsma_verdict_name(itsma_result_verdict(r)));
	printf("overall compliance %.1f%%, %zu major and %zu minor nonconformities\n",
	       itsma_result_compliance(r, ITSMA_MODEL_DEFAULT),
	       itsma_result_tally(r, ITSMA_TALLY_NC_MAJOR),
	       itsma_result_tally(r, ITSMA_TALLY_NC_MINOR));

	/* Gaps come in priority order: shall before should, major before minor, then gain. */
	size_t n = itsma_result_gap_count(r);
	printf("top %zu of %zu gaps:\n", n < 5 ? n : 5, n);
	for (size_t i = 0; i < n && i < 5; i++) {
		const itsma_gap *g = itsma_result_gap_at(r, i);
		const itsma_requirement_result *q = itsma_gap_requirement(g);
		const itsma_requirement *req = itsma_requirement_result_requirement(q);
		printf("%zu. %-10s %-11s +%.2f points  %s\n", i + 1, itsma_requirement_id(req),
		       itsma_status_name(itsma_requirement_result_status(q)), itsma_gap_gain(g),
		       itsma_requirement_text(req));
	}

	itsma_result_free(r); /* the result borrows the assessment: free it first */
	itsma_assessment_free(a);
	return 0;

fail:
	itsma_error_format(msg, sizeof msg, &err); /* "file:line:column: message" */
	fprintf(stderr, "%s\n", msg);
	itsma_result_free(r);
	itsma_assessment_free(a);
	return 1;
}
