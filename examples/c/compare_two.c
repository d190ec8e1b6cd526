/* SPDX-License-Identifier: Apache-2.0 */
/*
 * compare_two: compare two assessments of the same catalogue and say what changed.
 *
 *     compare_two BEFORE.json AFTER.json
 */
#include <itsma.h>

#include <stdio.h>

static int load_and_score(itsma_assessment **a, itsma_result **r, const char *path,
                          itsma_error *err)
{
	if (itsma_assessment_load_file(a, path, NULL, NULL, err) < 0)
		return -1;
	return itsma_score(r, *a, NULL, err);
}

int main(int argc, char **argv)
{
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_assessment *a0 = NULL, *a1 = NULL;
	itsma_result *r0 = NULL, *r1 = NULL;
	itsma_diff *d = NULL;
	int status = 1;

	if (argc != 3) {
		fprintf(stderr, "usage: %s BEFORE.json AFTER.json\n", argv[0]);
		return 2;
	}
	if (load_and_score(&a0, &r0, argv[1], &err) < 0 ||
	    load_and_score(&a1, &r1, argv[2], &err) < 0 || itsma_compare(&d, r0, r1, &err) < 0) {
		char msg[512];
		itsma_error_format(msg, sizeof msg, &err);
		fprintf(stderr, "%s\n", msg);
		goto done;
	}

	printf("verdict: %s -> %s\n", itsma_verdict_name(itsma_diff_verdict_before(d)),
	       itsma_verdict_name(itsma_diff_verdict_after(d)));
	printf("overall compliance: %.1f%% -> %.1f%% (%+.1f points)\n",
	       itsma_diff_compliance_before(d, ITSMA_MODEL_DEFAULT),
	       itsma_diff_compliance_after(d, ITSMA_MODEL_DEFAULT),
	       itsma_diff_compliance_difference(d, ITSMA_MODEL_DEFAULT));
	printf(
	    "requirements: %zu improved, %zu regressed; nonconformities: %zu closed, %zu opened\n",
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_IMPROVED),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_REGRESSED),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_NC_CLOSED),
	    itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_NC_OPENED));

	/* Processes whose capability level moved. */
	for (size_t i = 0; i < itsma_diff_process_count(d); i++) {
		const itsma_process_diff *p = itsma_diff_process_at(d, i);
		itsma_change c = itsma_process_diff_change(p);
		if (c == ITSMA_CHANGE_IMPROVED || c == ITSMA_CHANGE_REGRESSED)
			printf("process %s: level %d -> %d\n", itsma_process_diff_id(p),
			       itsma_process_diff_level_before(p),
			       itsma_process_diff_level_after(p));
	}
	status = 0;

done:
	/* The diff borrows the results, which borrow the assessments: free in that order. */
	itsma_diff_free(d);
	itsma_result_free(r1);
	itsma_result_free(r0);
	itsma_assessment_free(a1);
	itsma_assessment_free(a0);
	return status;
}
