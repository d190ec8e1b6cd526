/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One itsma_error reused across calls of every module (issue 17 §1): each call resets it on
 * entry, so a failure never shows the source, pointer or position of an earlier one, and a
 * success leaves ITSMA_OK.
 */
#include "harness.h"

#include "fixture.h"

/* The struct is back to ITSMA_ERROR_INIT after a successful call. */
static void expect_clean(const itsma_error *e, int rc)
{
	CU_ASSERT_EQUAL(rc, 0);
	CU_ASSERT_EQUAL(e->code, ITSMA_OK);
	CU_ASSERT_EQUAL(e->line, 0);
	CU_ASSERT_EQUAL(e->column, 0);
	CU_ASSERT_EQUAL(e->offset, 0);
	CU_ASSERT_EQUAL(e->sys_errno, 0);
	CU_ASSERT_STRING_EQUAL(e->source, "");
	CU_ASSERT_STRING_EQUAL(e->pointer, "");
	CU_ASSERT_STRING_EQUAL(e->message, "");
}

/* A failure of a call that has no document: nothing of the earlier failure is left. */
static void expect_fresh_failure(const itsma_error *e, int rc)
{
	CU_ASSERT(rc < 0);
	CU_ASSERT_EQUAL(e->code, rc);
	CU_ASSERT_STRING_NOT_EQUAL(e->message, "");
	CU_ASSERT_STRING_EQUAL(e->source, "");
	CU_ASSERT_STRING_EQUAL(e->pointer, "");
	CU_ASSERT_EQUAL(e->line, 0);
	CU_ASSERT_EQUAL(e->sys_errno, 0);
}

/* A failure located in another document: its own source, and not the earlier pointer. */
static void expect_own_location(const itsma_error *e, int rc, const char *source)
{
	CU_ASSERT(rc < 0);
	CU_ASSERT_EQUAL(e->code, rc);
	CU_ASSERT_STRING_EQUAL(e->source, source);
	CU_ASSERT_STRING_NOT_EQUAL(e->pointer, "/id");
	CU_ASSERT_EQUAL(e->sys_errno, 0);
}

/* Dirty the error with a located failure: a bad catalogue document, with source, line,
 * column and pointer. */
static void dirty(itsma_error *e)
{
	static const char bad[] = "{\"format\": \"itsma-catalogue/1\", \"id\": 5}";
	itsma_catalogue *c = NULL;
	CU_ASSERT(itsma_catalogue_load_buffer(&c, bad, sizeof bad - 1, "q3.json", NULL, e) < 0);
	CU_ASSERT_STRING_EQUAL(e->source, "q3.json");
	CU_ASSERT_PTR_NULL(c);
}

static void dirty_io(itsma_error *e)
{
	char *buf = NULL;
	size_t len = 0;
	CU_ASSERT(itsma_file_read(&buf, &len, ITSMA_TEST_TMP "/no/such/file.json", 0, e) < 0);
	CU_ASSERT(e->sys_errno != 0);
}

static int count_finding(const itsma_evidence_finding *finding, void *payload)
{
	(void)finding;
	++*(int *)payload;
	return 0;
}

static void test_errors_reuse__every_module(void)
{
	itsma_error e = ITSMA_ERROR_INIT;
	itsma_catalogue *c = cat_new("reuse"), *bi = NULL, *bi2 = NULL;
	itsma_assessment *carried = NULL;
	itsma_carry_report *carry = NULL;
	itsma_import_options io = ITSMA_IMPORT_OPTIONS_INIT;
	itsma_assessment *a, *imported = NULL;
	itsma_result *r1 = NULL, *r2 = NULL;
	itsma_diff *d = NULL;
	itsma_scorer *s = NULL;
	itsma_trend *t = NULL;
	itsma_mapping *m = NULL;
	itsma_rating_spec rs = ITSMA_RATING_SPEC_INIT;
	itsma_letter letter;
	itsma_verdict verdict;
	itsma_document_kind kind;
	const itsma_result *both[2];
	double value;
	char *text = NULL;
	size_t len = 0;
	int rc, findings = 0;

	sec(c, NULL, "4", 1, 0);
	sec(c, "4", "4.1", 1, 1);
	req(c, "4.1", "4.1-01", 1, ITSMA_OBLIGATION_SHALL);
	a = asm_new(c);

	/* the reported defect: a failed load, then a failing rating call */
	dirty(&e);
	rs.requirement_id = "no-such-requirement";
	rs.letter = ITSMA_LETTER_F;
	expect_fresh_failure(&e, itsma_assessment_put_rating(a, &rs, &e));

	/* catalogue */
	dirty(&e);
	expect_fresh_failure(&e, itsma_catalogue_set_version(c, "", &e));
	dirty(&e);
	expect_clean(&e, itsma_catalogue_set_title(c, "Reuse", &e));
	dirty(&e);
	expect_clean(&e, itsma_catalogue_builtin(&bi, "iso20000-1:2018", &e));
	dirty(&e);
	expect_clean(&e, itsma_catalogue_to_json(&text, c, &e));
	itsma_free(text);
	text = NULL;

	/* assessment */
	dirty(&e);
	rs.requirement_id = "4.1-01";
	expect_clean(&e, itsma_assessment_put_rating(a, &rs, &e));
	dirty(&e);
	expect_fresh_failure(&e, itsma_assessment_remove_evidence(a, "no-such-evidence", &e));
	dirty(&e);
	expect_clean(&e, itsma_assessment_set_assessor(a, "someone", &e));

	/* rating and enum words */
	dirty(&e);
	expect_clean(&e, itsma_rating_parse(&letter, &value, "L+", &e));
	dirty(&e);
	expect_fresh_failure(&e, itsma_rating_parse(&letter, &value, "Q", &e));
	dirty(&e);
	expect_fresh_failure(&e, itsma_verdict_parse(&verdict, "nonsense", &e));

	/* result */
	dirty(&e);
	expect_clean(&e, itsma_score(&r1, a, NULL, &e));
	dirty(&e);
	expect_fresh_failure(&e, itsma_score(&r2, NULL, NULL, &e));
	dirty(&e);
	expect_clean(&e, itsma_score(&r2, a, NULL, &e));
	dirty(&e);
	expect_clean(&e, itsma_result_to_json(&text, r1, &e));
	itsma_free(text);
	text = NULL;

	/* diff */
	dirty(&e);
	expect_clean(&e, itsma_compare(&d, r1, r2, &e));
	dirty(&e);
	expect_fresh_failure(&e, itsma_compare(NULL, r1, r2, &e));

	/* validate */
	dirty(&e);
	rc = itsma_validate_buffer(&kind, "{}", 2, NULL, NULL, NULL, NULL, &e);
	CU_ASSERT(rc < 0);
	CU_ASSERT_STRING_NOT_EQUAL(e.source, "q3.json");

	/* scorer */
	dirty(&e);
	expect_clean(&e, itsma_scorer_new(&s, a, NULL, &e));
	dirty(&e);
	rs.requirement_id = "no-such-requirement";
	expect_fresh_failure(&e, itsma_scorer_put_rating(s, &rs, &e));
	dirty(&e);
	expect_clean(&e, itsma_scorer_rescore(s, &e));

	/* report */
	dirty(&e);
	expect_clean(&e, itsma_report_string(&text, &len, r1, NULL, NULL, &e));
	itsma_free(text);
	text = NULL;
	dirty(&e);
	expect_fresh_failure(&e, itsma_report_string(&text, &len, NULL, NULL, NULL, &e));

	/* questionnaire */
	dirty(&e);
	expect_clean(&e, itsma_questionnaire_to_string(&text, c, NULL, &e));
	dirty(&e);
	expect_fresh_failure(
	    &e, itsma_questionnaire_import(&imported, "", 0, NULL, NULL, 0, NULL, NULL, &e));
	itsma_free(text);
	text = NULL;

	/* mapping */
	dirty(&e);
	expect_clean(&e, itsma_mapping_new(&m, "m", "a", 1, "b", 1, &e));
	dirty(&e);
	expect_fresh_failure(&e, itsma_mapping_set_title(NULL, "x", &e));

	/* verify */
	dirty(&e);
	expect_fresh_failure(&e, itsma_evidence_verify(NULL, NULL, 0, NULL, NULL, &e));
	dirty(&e);
	expect_clean(&e, itsma_evidence_verify(a, ITSMA_TEST_TMP, 0, count_finding, &findings, &e));

	CU_ASSERT_EQUAL(findings, 1); /* the one evidence item, which has no file */

	/* file: a success after an I/O failure leaves no errno behind */
	dirty_io(&e);
	expect_clean(&e, itsma_file_write(ITSMA_TEST_TMP "/errors_reuse.txt", "x", 1, &e));
	dirty_io(&e);
	expect_clean(&e, itsma_file_read(&text, &len, ITSMA_TEST_TMP "/errors_reuse.txt", 0, &e));
	itsma_free(text);
	text = NULL;

	/* trend */
	both[0] = r1;
	both[1] = r2;
	dirty(&e);
	expect_clean(&e, itsma_trend_new(&t, both, 2, &e));
	dirty(&e);
	expect_fresh_failure(&e, itsma_trend_new(NULL, both, 2, &e));

	/* report: a diff's and a trend's */
	dirty(&e);
	expect_clean(&e, itsma_diff_report_string(&text, &len, d, NULL, &e));
	itsma_free(text);
	text = NULL;
	dirty(&e);
	expect_clean(&e, itsma_trend_report_string(&text, &len, t, NULL, &e));
	itsma_free(text);
	text = NULL;
	dirty(&e);
	expect_clean(&e, itsma_terminal_escape(&text, "plain", &e));
	itsma_free(text);
	text = NULL;

	/* explain */
	dirty(&e);
	expect_fresh_failure(&e, itsma_result_explain(&text, r1, "no-such-id", &e));
	dirty(&e);
	expect_clean(&e, itsma_result_explain(&text, r1, "4.1-01", &e));
	itsma_free(text);
	text = NULL;

	/* extension */
	dirty(&e);
	expect_fresh_failure(&e, itsma_catalogue_set_extension(c, "no-x-prefix", "1", &e));
	dirty(&e);
	expect_clean(&e, itsma_catalogue_set_extension(c, "x-ticket", "\"T-1\"", &e));
	dirty(&e);
	expect_fresh_failure(&e, itsma_assessment_set_extension(a, "x-bad", "{", &e));

	/* lint and enum words */
	dirty(&e);
	expect_clean(&e, itsma_catalogue_lint(&len, c, NULL, NULL, NULL, &e));
	dirty(&e);
	expect_fresh_failure(&e, itsma_evidence_kind_parse(NULL, "bogus", &e));

	/* mapping between catalogues it does not name; carrying through it (located in the
	 * mapping, a document built in code) */
	dirty(&e);
	rc = itsma_mapping_check(m, c, c, NULL, NULL, &e);
	expect_own_location(&e, rc, "<buffer>");
	CU_ASSERT_STRING_EQUAL(e.pointer, "/source/catalogue");
	dirty(&e);
	rc = itsma_assessment_carry(&carried, &carry, a, m, c, NULL, &e);
	expect_own_location(&e, rc, "<buffer>");

	/* interop: out of a result, and a failed import that names only its own source */
	dirty(&e);
	expect_clean(&e, itsma_result_to_oscal_ar(&text, r1, &e));
	itsma_free(text);
	text = NULL;
	dirty(&e);
	rc = itsma_catalogue_from_oscal(&bi2, "[1]", 3, "oscal.json", NULL, &e);
	expect_own_location(&e, rc, "oscal.json");

	/* validate: a success, then a failure in another document */
	CU_ASSERT_EQUAL_FATAL(itsma_catalogue_to_json(&text, c, NULL), 0);
	dirty(&e);
	expect_clean(
	    &e, itsma_validate_buffer(&kind, text, strlen(text), "ok.json", NULL, NULL, NULL, &e));
	itsma_free(text);
	text = NULL;
	dirty(&e);
	rc =
	    itsma_validate_buffer(&kind, "{\"format\": 1}", 13, "other.json", NULL, NULL, NULL, &e);
	expect_own_location(&e, rc, "other.json");

	/* questionnaire: a failed import names its own source */
	io.catalogue = c;
	io.id = "imported";
	io.date = "2026-11-20";
	dirty(&e);
	rc = itsma_questionnaire_import(&imported, "x\n", 2, "form.csv", NULL, 0, NULL, &io, &e);
	expect_own_location(&e, rc, "form.csv");

	itsma_carry_report_free(carry);
	itsma_assessment_free(carried);
	itsma_catalogue_free(bi2);
	itsma_trend_free(t);
	itsma_mapping_free(m);
	itsma_scorer_free(s);
	itsma_diff_free(d);
	itsma_result_free(r2);
	itsma_result_free(r1);
	itsma_assessment_free(imported);
	itsma_assessment_free(a);
	itsma_catalogue_free(bi);
	itsma_catalogue_free(c);
}

static const itsma_test_case cases[] = {
	{ "every_module", test_errors_reuse__every_module },
	{ NULL, NULL },
};

ITSMA_TEST_MAIN("errors_reuse", cases)
