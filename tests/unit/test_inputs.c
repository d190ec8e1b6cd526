/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Inputs mean what they say: a UTF-8 byte order mark is named as such (it was "invalid
 * utf-8 string" at 1:1), and weights are bounded (near DBL_MAX, w x achievement overflowed
 * to infinity and the report showed 100% beside a major nonconformity).
 */
#include "harness.h"

static const char catalogue_fmt[] =
    "{\"format\": \"itsma-catalogue/1\", \"id\": \"w:1\", \"title\": \"W\", \"sections\": [\n"
    " {\"id\": \"S\", \"title\": \"S\", \"requirements\": [\n"
    "  {\"id\": \"R1\", \"text\": \"one\", \"weight\": %s},\n"
    "  {\"id\": \"R2\", \"text\": \"two\"}]}]}\n";

static int load_with_weight(const char *weight, itsma_error *err)
{
	char text[1024];
	itsma_catalogue *cat = NULL;
	int rc;
	snprintf(text, sizeof text, catalogue_fmt, weight);
	rc = itsma_catalogue_load_buffer(&cat, text, strlen(text), "w.json", NULL, err);
	itsma_catalogue_free(cat);
	return rc;
}

static void test_weight_bound(void)
{
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *cat = NULL;
	itsma_section_spec sec = ITSMA_SECTION_SPEC_INIT;
	itsma_requirement_spec req = ITSMA_REQUIREMENT_SPEC_INIT;

	ASSERT_OK(load_with_weight("1000000", ASSERT_ERR));
	ASSERT_OK(load_with_weight("0", ASSERT_ERR));
	CU_ASSERT_EQUAL(load_with_weight("1000000.5", &err), ITSMA_ESCHEMA);
	CU_ASSERT_EQUAL(load_with_weight("1.7976931348623157e308", &err), ITSMA_ESCHEMA);
	CU_ASSERT_STRING_EQUAL(err.pointer, "/sections/0/requirements/0/weight");
	CU_ASSERT_EQUAL(err.line, 3);
	CU_ASSERT(strstr(err.message, "from 0 to 1000000") != NULL);
	/* the same bound through the API */
	ASSERT_OK(itsma_catalogue_new(&cat, "w:1", "W", ASSERT_ERR));
	sec.id = "S";
	sec.title = "S";
	sec.weight = 2e6;
	CU_ASSERT_EQUAL(itsma_catalogue_add_section(NULL, cat, NULL, &sec, &err), ITSMA_EINVAL);
	sec.weight = ITSMA_MAX_WEIGHT;
	ASSERT_OK(itsma_catalogue_add_section(NULL, cat, NULL, &sec, ASSERT_ERR));
	req.id = "R";
	req.text = "r";
	req.weight = 1e300;
	CU_ASSERT_EQUAL(itsma_catalogue_add_requirement(
	                    NULL, cat, itsma_catalogue_find_section(cat, "S"), &req, &err),
	                ITSMA_EINVAL);
	req.weight = ITSMA_MAX_WEIGHT;
	ASSERT_OK(itsma_catalogue_add_requirement(NULL, cat, itsma_catalogue_find_section(cat, "S"),
	                                          &req, ASSERT_ERR));
	itsma_catalogue_free(cat);
}

/* The largest weight beside a weight of 1 scores to the exact finite figure. */
static void test_max_weights_score_finite(void)
{
	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_result *r = NULL;
	itsma_rating_spec rs = ITSMA_RATING_SPEC_INIT;
	itsma_score_options so = ITSMA_SCORE_OPTIONS_INIT;
	char text[1024];
	double c;
	snprintf(text, sizeof text, catalogue_fmt, "1000000");
	ASSERT_OK(
	    itsma_catalogue_load_buffer(&cat, text, strlen(text), "w.json", NULL, ASSERT_ERR));
	ASSERT_OK(itsma_assessment_new(&a, cat, "a", "2026-01-01", ASSERT_ERR));
	rs.requirement_id = "R1";
	rs.letter = ITSMA_LETTER_F;
	ASSERT_OK(itsma_assessment_put_rating(a, &rs, ASSERT_ERR));
	rs.requirement_id = "R2";
	rs.letter = ITSMA_LETTER_N;
	ASSERT_OK(itsma_assessment_put_rating(a, &rs, ASSERT_ERR));
	so.evidence_policy = ITSMA_EVIDENCE_POLICY_ADVISORY;
	ASSERT_OK(itsma_score(&r, a, &so, ASSERT_ERR));
	c = itsma_result_compliance(r, ITSMA_MODEL_FLAT);
	CU_ASSERT(isfinite(c));
	CU_ASSERT(fabs(c - 100.0 * 1e6 / (1e6 + 1)) < 1e-9);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
}

static void test_bom_named(void)
{
	static const char bom_assessment[] = "\xEF\xBB\xBF{\"format\": \"itsma-assessment/1\"}";
	static const char bom_catalogue[] = "\xEF\xBB\xBF{\"format\": \"itsma-catalogue/1\"}";
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_assessment *a = NULL;
	itsma_catalogue *cat = NULL;
	itsma_document_kind kind;
	CU_ASSERT_EQUAL(itsma_assessment_load_buffer(&a, bom_assessment, sizeof bom_assessment - 1,
	                                             "b.json", NULL, NULL, &err),
	                ITSMA_EPARSE);
	CU_ASSERT(strstr(err.message, "byte order mark") != NULL);
	CU_ASSERT(err.line == 1 && err.column == 1);
	CU_ASSERT_EQUAL(itsma_catalogue_load_buffer(&cat, bom_catalogue, sizeof bom_catalogue - 1,
	                                            "b.json", NULL, &err),
	                ITSMA_EPARSE);
	CU_ASSERT(strstr(err.message, "byte order mark") != NULL);
	CU_ASSERT_EQUAL(itsma_validate_buffer(&kind, bom_assessment, sizeof bom_assessment - 1,
	                                      "b.json", NULL, NULL, NULL, &err),
	                ITSMA_EPARSE);
	CU_ASSERT(strstr(err.message, "byte order mark") != NULL);
	/* invalid UTF-8 elsewhere keeps json-c's message */
	CU_ASSERT_EQUAL(
	    itsma_catalogue_load_buffer(&cat, "{\"a\": \"\xFF\"}", 10, "b.json", NULL, &err),
	    ITSMA_EPARSE);
	CU_ASSERT(strstr(err.message, "byte order mark") == NULL);
}

static const itsma_test_case tests[] = {
	{ "weight_bound", test_weight_bound },
	{ "max_weights_score_finite", test_max_weights_score_finite },
	{ "bom_named", test_bom_named },
	{ NULL, NULL },
};

ITSMA_TEST_MAIN("inputs", tests)
