/* SPDX-License-Identifier: Apache-2.0 */
/*
 * x- extensions (itsma/extension.h): read, set, replace and remove them on every object
 * kind that keeps them, check keys and JSON text, refuse objects of another owner, and
 * keep them through a save and load.
 */
#include "harness.h"

#include "fixture.h"

static itsma_catalogue *catalogue(void)
{
	itsma_catalogue *c = cat_new("cat");
	sec(c, NULL, "P", 1, 1);
	req(c, "P", "R1", 1, ITSMA_OBLIGATION_SHALL);
	return c;
}

static itsma_assessment *assessment(const itsma_catalogue *c)
{
	itsma_assessment *a = asm_new(c);
	rate(a, "R1", "L", "EV", NULL);
	rate_pa(a, "P", ITSMA_PA2_1, "F", "EV", NULL);
	return a;
}

#define STR_EQ(actual, expected)                                                                   \
	do {                                                                                       \
		const char *s_ = (actual);                                                         \
		if (!s_ || strcmp(s_, (expected)) != 0)                                            \
			fprintf(stderr, "\n%s:%d: got %s, expected %s\n", __FILE__, __LINE__,      \
			        s_ ? s_ : "NULL", (expected));                                     \
		CU_ASSERT_PTR_NOT_NULL_FATAL(s_);                                                  \
		CU_ASSERT_STRING_EQUAL(s_, (expected));                                            \
	} while (0)

static void test_extension__every_kind(void)
{
	itsma_catalogue *c = catalogue();
	itsma_assessment *a = assessment(c);
	const itsma_section *s = itsma_catalogue_find_section(c, "P");
	const itsma_requirement *r = itsma_catalogue_find_requirement(c, "R1");
	const itsma_evidence *e = itsma_assessment_find_evidence(a, "EV");
	const itsma_rating *ra = itsma_assessment_find_rating(a, "R1");
	const itsma_attribute_rating *pa = itsma_assessment_attribute_at(a, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ra);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pa);
	CU_ASSERT_EQUAL(itsma_rating_extension_count(ra), 0);
	CU_ASSERT_PTR_NULL(itsma_rating_extension(ra, "x-ticket"));

	ASSERT_OK(itsma_catalogue_set_extension(c, "x-owner", " { \"team\" : \"ops\" } ", NULL));
	ASSERT_OK(itsma_section_set_extension(c, s, "x-s", "1", NULL));
	ASSERT_OK(itsma_requirement_set_extension(c, r, "x-r", "[true, null]", NULL));
	ASSERT_OK(itsma_assessment_set_extension(a, "x-a", "\"a/b\"", NULL));
	ASSERT_OK(itsma_evidence_set_extension(a, e, "x-e", "null", NULL));
	ASSERT_OK(itsma_rating_set_extension(a, ra, "x-ticket", "\"INC-1\"", NULL));
	ASSERT_OK(itsma_rating_set_extension(a, ra, "x-more", "2.5", NULL));
	ASSERT_OK(itsma_attribute_rating_set_extension(a, pa, "x-pa", "{}", NULL));

	STR_EQ(itsma_catalogue_extension(c, "x-owner"), "{\"team\":\"ops\"}");
	STR_EQ(itsma_section_extension(s, "x-s"), "1");
	STR_EQ(itsma_requirement_extension(r, "x-r"), "[true,null]");
	STR_EQ(itsma_assessment_extension(a, "x-a"), "\"a/b\"");
	STR_EQ(itsma_evidence_extension(e, "x-e"), "null");
	STR_EQ(itsma_rating_extension(ra, "x-ticket"), "\"INC-1\"");
	STR_EQ(itsma_attribute_rating_extension(pa, "x-pa"), "{}");
	CU_ASSERT_EQUAL(itsma_rating_extension_count(ra), 2);
	STR_EQ(itsma_rating_extension_key(ra, 0), "x-ticket");
	STR_EQ(itsma_rating_extension_key(ra, 1), "x-more");
	CU_ASSERT_PTR_NULL(itsma_rating_extension_key(ra, 2));

	/* replace keeps the place; remove closes the gap */
	ASSERT_OK(itsma_rating_set_extension(a, ra, "x-ticket", "\"INC-2\"", NULL));
	STR_EQ(itsma_rating_extension_key(ra, 0), "x-ticket");
	STR_EQ(itsma_rating_extension(ra, "x-ticket"), "\"INC-2\"");
	ASSERT_OK(itsma_rating_set_extension(a, ra, "x-ticket", NULL, NULL));
	CU_ASSERT_EQUAL(itsma_rating_extension_count(ra), 1);
	STR_EQ(itsma_rating_extension_key(ra, 0), "x-more");
	CU_ASSERT_PTR_NULL(itsma_rating_extension(ra, "x-ticket"));

	/* NULL objects have none */
	CU_ASSERT_EQUAL(itsma_section_extension_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_evidence_extension(NULL, "x-e"));
	CU_ASSERT_PTR_NULL(itsma_catalogue_extension_key(NULL, 0));

	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

static void test_extension__checked(void)
{
	itsma_catalogue *c = catalogue(), *other = catalogue();
	itsma_assessment *a = assessment(c), *b = assessment(c);
	const itsma_rating *ra = itsma_assessment_find_rating(a, "R1");
	itsma_error err = ITSMA_ERROR_INIT;
	static const char *const bad_json[] = { "",     "  ",  "{",   "1 2", "tru", "{\"a\":1}x",
		                                "[1,]", "'a'", "NaN", "01",  NULL };
	static const char *const bad_keys[] = { "ticket", "x-", "X-a", "", NULL };
	size_t i;
	ASSERT_OK(itsma_rating_set_extension(a, ra, "x-t", "1", NULL));
	for (i = 0; bad_json[i]; i++) {
		int rc = itsma_rating_set_extension(a, ra, "x-t", bad_json[i], &err);
		if (rc != ITSMA_EPARSE)
			fprintf(stderr, "\n'%s' gave %d\n", bad_json[i], rc);
		CU_ASSERT_EQUAL(rc, ITSMA_EPARSE);
		CU_ASSERT_EQUAL(err.code, ITSMA_EPARSE);
		CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "extension value"));
		STR_EQ(itsma_rating_extension(ra, "x-t"), "1"); /* unchanged */
	}
	for (i = 0; bad_keys[i]; i++) {
		CU_ASSERT_EQUAL(itsma_rating_set_extension(a, ra, bad_keys[i], "1", &err),
		                ITSMA_EINVAL);
		CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "x-"));
	}
	CU_ASSERT_EQUAL(itsma_rating_set_extension(a, ra, NULL, "1", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_set_extension(a, ra, "x-none", NULL, &err), ITSMA_ENOTFOUND);
	/* an object of another owner */
	CU_ASSERT_EQUAL(itsma_rating_set_extension(b, ra, "x-t", "1", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_section_set_extension(other, itsma_catalogue_find_section(c, "P"),
	                                            "x-t", "1", &err),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_requirement_set_extension(
	                    other, itsma_catalogue_find_requirement(c, "R1"), "x-t", "1", &err),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_evidence_set_extension(NULL, NULL, "x-t", "1", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_extension_count(itsma_assessment_find_rating(b, "R1")), 0);
	/* success clears the error */
	ASSERT_OK(itsma_rating_set_extension(a, ra, "x-t", "2", &err));
	CU_ASSERT_EQUAL(err.code, ITSMA_OK);
	itsma_assessment_free(b);
	itsma_assessment_free(a);
	itsma_catalogue_free(other);
	itsma_catalogue_free(c);
}

/* Set extensions are saved, and loading makes them readable. */
static void test_extension__round_trip(void)
{
	itsma_catalogue *c = catalogue(), *c2 = NULL;
	itsma_assessment *a = assessment(c), *a2 = NULL;
	char *ctext = NULL, *atext = NULL;
	ASSERT_OK(itsma_requirement_set_extension(c, itsma_catalogue_find_requirement(c, "R1"),
	                                          "x-r", "{\"k\":[1,2]}", NULL));
	ASSERT_OK(itsma_rating_set_extension(a, itsma_assessment_find_rating(a, "R1"), "x-ticket",
	                                     "\"INC-9\"", NULL));
	ASSERT_OK(itsma_attribute_rating_set_extension(a, itsma_assessment_attribute_at(a, 0),
	                                               "x-pa", "[\"x\"]", NULL));
	ASSERT_OK(itsma_catalogue_to_json(&ctext, c, NULL));
	ASSERT_OK(itsma_assessment_to_json(&atext, a, NULL));
	ASSERT_OK(itsma_catalogue_load_buffer(&c2, ctext, strlen(ctext), NULL, NULL, NULL));
	ASSERT_OK(itsma_assessment_load_buffer(&a2, atext, strlen(atext), NULL, c2, NULL, NULL));
	STR_EQ(itsma_requirement_extension(itsma_catalogue_find_requirement(c2, "R1"), "x-r"),
	       "{\"k\":[1,2]}");
	STR_EQ(itsma_rating_extension(itsma_assessment_find_rating(a2, "R1"), "x-ticket"),
	       "\"INC-9\"");
	STR_EQ(itsma_attribute_rating_extension(itsma_assessment_attribute_at(a2, 0), "x-pa"),
	       "[\"x\"]");
	free(ctext);
	free(atext);
	itsma_assessment_free(a2);
	itsma_catalogue_free(c2);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* An allocation failure while setting leaves the extensions as they were, and leaks nothing. */
static void test_extension__allocation_failures(void)
{
	itsma_catalogue *c = catalogue();
	itsma_assessment *a = assessment(c);
	const itsma_rating *ra = itsma_assessment_find_rating(a, "R1");
	long n, failed = 0;
	for (n = 0; n < 64; n++) {
		int rc;
		fail_countdown = n;
		rc = itsma_rating_set_extension(a, ra, n % 2 ? "x-new" : "x-t", "{\"a\":[1,2,3]}",
		                                NULL);
		fail_countdown = -1;
		if (rc == 0) {
			ASSERT_OK(
			    itsma_rating_set_extension(a, ra, n % 2 ? "x-new" : "x-t", NULL, NULL));
			break;
		}
		failed++;
		CU_ASSERT_EQUAL(rc, ITSMA_ENOMEM);
		CU_ASSERT_PTR_NULL(itsma_rating_extension(ra, n % 2 ? "x-new" : "x-t"));
	}
#ifndef NO_HOOK
	/* the hook sees allocations unless valgrind has replaced malloc (then it is inert) */
	if (alloc_calls > 0)
		CU_ASSERT(failed > 0);
#endif
	fixture_counters_used();
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

static const itsma_test_case tests[] = {
	{ "every_kind", test_extension__every_kind },
	{ "checked", test_extension__checked },
	{ "round_trip", test_extension__round_trip },
	{ "allocation_failures", test_extension__allocation_failures },
	{ NULL, NULL },
};

ITSMA_TEST_MAIN("extension", tests)
