/* SPDX-License-Identifier: Apache-2.0 */
/*
 * questionnaire: hand a spreadsheet questionnaire out, and read the filled one back.
 *
 *     questionnaire write QUESTIONNAIRE.csv [EVIDENCE.csv]
 *     questionnaire import QUESTIONNAIRE.csv [EVIDENCE.csv]
 *
 * `write` streams the questionnaire of the built-in ISO/IEC 20000-1:2018 catalogue into a
 * file through a write callback (and an empty evidence sheet). People fill in the rating,
 * evidence and note columns in any spreadsheet, saved as CSV with ',' ';' or tab.
 * `import` turns the filled sheets into an assessment, prints every problem with its file,
 * line and column, and on success scores the assessment.
 */
#include <itsma.h>

#include <stdio.h>
#include <string.h>

/* The sink: the library hands the text over in pieces. */
static int to_file(const char *data, size_t len, void *payload)
{
	return fwrite(data, 1, len, (FILE *)payload) == len ? 0 : -1;
}

static int write_sheets(const itsma_catalogue *cat, const char *qpath, const char *epath)
{
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_questionnaire_options opts;
	FILE *f;
	int rc;

	if (itsma_questionnaire_options_init(&opts, ITSMA_QUESTIONNAIRE_OPTIONS_VERSION) < 0)
		return 1;
	opts.target = 2; /* fill every target row with capability level 2 */
	if (!(f = fopen(qpath, "wb"))) {
		perror(qpath);
		return 1;
	}
	rc = itsma_questionnaire_write(cat, &opts, to_file, f, &err);
	if (fclose(f) != 0 || rc != 0) {
		fprintf(stderr, "%s: %s\n", qpath, rc < 0 ? err.message : "cannot write");
		return 1;
	}
	if (epath) {
		if (!(f = fopen(epath, "wb"))) {
			perror(epath);
			return 1;
		}
		rc = itsma_evidence_sheet_write(&opts, to_file, f, &err);
		if (fclose(f) != 0 || rc != 0) {
			fprintf(stderr, "%s: %s\n", epath, rc < 0 ? err.message : "cannot write");
			return 1;
		}
	}
	printf("wrote %s%s%s\n", qpath, epath ? " and " : "", epath ? epath : "");
	return 0;
}

/* Each problem as compilers print errors: file:line:column: message. */
static int print_problem(const itsma_error *problem, void *payload)
{
	char buf[512];
	itsma_error_format(buf, sizeof buf, problem);
	fprintf(stderr, "%s\n", buf);
	++*(int *)payload;
	return 0;
}

static int import_sheets(const itsma_catalogue *cat, const char *qpath, const char *epath)
{
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_import_options opts;
	itsma_assessment *a = NULL;
	itsma_result *r = NULL;
	int problems = 0;

	if (itsma_import_options_init(&opts, ITSMA_IMPORT_OPTIONS_VERSION) < 0)
		return 1;
	opts.catalogue = cat;
	opts.id = "from-the-spreadsheet";
	opts.date = "2026-11-20";
	opts.problem = print_problem;
	opts.payload = &problems;
	if (itsma_questionnaire_import_file(&a, qpath, epath, &opts, &err) != 0) {
		fprintf(stderr, "%d problem%s; nothing imported\n", problems,
		        problems == 1 ? "" : "s");
		return 1;
	}
	if (itsma_score(&r, a, NULL, &err) < 0) {
		fprintf(stderr, "%s\n", err.message);
		itsma_assessment_free(a);
		return 1;
	}
	printf("%zu ratings, %zu process attributes, %zu evidence records: %s\n",
	       itsma_assessment_rating_count(a), itsma_assessment_attribute_count(a),
	       itsma_assessment_evidence_count(a), itsma_verdict_name(itsma_result_verdict(r)));
	itsma_result_free(r);
	itsma_assessment_free(a);
	return 0;
}

int main(int argc, char **argv)
{
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *cat = NULL;
	int status;

	if (argc < 3 || argc > 4 ||
	    (strcmp(argv[1], "write") != 0 && strcmp(argv[1], "import") != 0)) {
		fprintf(stderr,
		        "usage: questionnaire write|import QUESTIONNAIRE.csv [EVIDENCE.csv]\n");
		return 2;
	}
	if (itsma_catalogue_builtin(&cat, "iso20000-1:2018", &err) < 0) {
		fprintf(stderr, "%s\n", err.message);
		return 1;
	}
	if (strcmp(argv[1], "write") == 0)
		status = write_sheets(cat, argv[2], argc > 3 ? argv[3] : NULL);
	else
		status = import_sheets(cat, argv[2], argc > 3 ? argv[3] : NULL);
	itsma_catalogue_free(cat);
	return status;
}
