/* SPDX-License-Identifier: Apache-2.0 */
/*
 * html_report: write the HTML report of an assessment (one self-contained page with SVG
 * charts, the same bytes as `itsma report --format html`), optionally with what changed
 * since an earlier assessment.
 *
 *     html_report ASSESSMENT.json [BASELINE.json] > report.html
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
	itsma_assessment *a = NULL, *b = NULL;
	itsma_result *r = NULL, *rb = NULL;
	itsma_report_options opts;
	int status = 1;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: %s ASSESSMENT.json [BASELINE.json] > report.html\n",
		        argv[0]);
		return 2;
	}
	if (load_and_score(&a, &r, argv[1], &err) < 0 ||
	    (argc == 3 && load_and_score(&b, &rb, argv[2], &err) < 0))
		goto fail;

	itsma_report_options_init(&opts, ITSMA_REPORT_OPTIONS_VERSION);
	opts.format = ITSMA_REPORT_FORMAT_HTML;
	opts.top = 15; /* list the 15 gaps to fix first */
	/* Straight into a stream; itsma_report_string() gives the page as a string instead,
	 * and itsma_report_write() hands it to a callback of yours. */
	if (itsma_report_file(stdout, r, rb, &opts, &err) < 0)
		goto fail;
	status = 0;
	goto done;

fail : {
	char msg[512];
	itsma_error_format(msg, sizeof msg, &err);
	fprintf(stderr, "%s\n", msg);
}
done:
	/* Results borrow their assessments: free them first. */
	itsma_result_free(rb);
	itsma_result_free(r);
	itsma_assessment_free(b);
	itsma_assessment_free(a);
	return status;
}
