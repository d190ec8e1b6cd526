/* SPDX-License-Identifier: Apache-2.0 */
/*
 * trend: the trend over assessments of one catalogue, oldest first: each one's verdict and
 * overall compliance, the processes whose capability level changed, and the requirements
 * that regressed more than once. With --md, the Markdown trend report instead.
 *
 *     trend [--md] A1.json A2.json ...
 */
#include <itsma.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	itsma_error err = ITSMA_ERROR_INIT;
	int md = argc > 1 && strcmp(argv[1], "--md") == 0, first = 1 + md;
	size_t n = argc > first ? (size_t)(argc - first) : 0;
	itsma_assessment **as = calloc(n + 1, sizeof *as);
	itsma_result **rs = calloc(n + 1, sizeof *rs);
	itsma_trend *t = NULL;
	int status = 1;

	if (n == 0 || !as || !rs) {
		fprintf(stderr, "usage: %s [--md] A1.json A2.json ...\n", argv[0]);
		free(as);
		free(rs);
		return 2;
	}
	for (size_t i = 0; i < n; i++)
		if (itsma_assessment_load_file(&as[i], argv[first + (int)i], NULL, NULL, &err) <
		        0 ||
		    itsma_score(&rs[i], as[i], NULL, &err) < 0)
			goto fail;
	if (itsma_trend_new(&t, (const itsma_result *const *)rs, n, &err) < 0)
		goto fail;

	if (md) {
		itsma_report_options opts;
		itsma_report_options_init(&opts, ITSMA_REPORT_OPTIONS_VERSION);
		opts.format = ITSMA_REPORT_FORMAT_MD;
		char *text = NULL;
		if (itsma_trend_report_string(&text, NULL, t, &opts, &err) < 0)
			goto fail;
		fputs(text, stdout);
		itsma_free(text);
	} else {
		for (size_t i = 0; i < itsma_trend_count(t); i++) {
			const itsma_result *r = itsma_trend_result_at(t, i);
			const itsma_diff *d = itsma_trend_diff_at(t, i);
			printf("%s  %-14s %5.1f%%",
			       itsma_assessment_date(itsma_result_assessment(r)),
			       itsma_verdict_name(itsma_result_verdict(r)),
			       itsma_result_compliance(r, ITSMA_MODEL_DEFAULT));
			if (d)
				printf("  nonconformities: %zu opened, %zu closed",
				       itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_NC_OPENED),
				       itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_NC_CLOSED));
			putchar('\n');
		}
		for (size_t k = 0; k < itsma_trend_process_count(t); k++) {
			int a = itsma_trend_process_level(t, k, 0),
			    b = itsma_trend_process_level(t, k, n - 1);
			if (a != b)
				printf("process %s: level %d -> %d\n", itsma_trend_process_id(t, k),
				       a, b);
		}
		for (size_t j = 0; j < itsma_trend_repeat_count(t); j++)
			printf("%s regressed %zu times\n", itsma_trend_repeat_id(t, j),
			       itsma_trend_repeat_times(t, j));
	}
	status = 0;
	goto done;
fail : {
	char msg[512];
	itsma_error_format(msg, sizeof msg, &err);
	fprintf(stderr, "%s\n", msg);
}
done:
	/* The trend borrows the results, which borrow the assessments: free in that order. */
	itsma_trend_free(t);
	for (size_t i = 0; i < n; i++) {
		itsma_result_free(rs[i]);
		itsma_assessment_free(as[i]);
	}
	free(rs);
	free(as);
	return status;
}
