/* SPDX-License-Identifier: Apache-2.0 */
/* The assessment module: loading, records, mutators, targets, exclusions, saving. */
#include "harness.h"

#include <unistd.h>

#include "fixture.h"

static itsma_catalogue *small_catalogue(void)
{
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	CU_ASSERT_EQUAL_FATAL(
	    itsma_catalogue_load_file(&c, ITSMA_TEST_DATA "/catalogue-small.json", NULL, &err), 0);
	return c;
}

static itsma_assessment *load_small(const itsma_catalogue *c)
{
	itsma_assessment *a = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	int rc =
	    itsma_assessment_load_file(&a, ITSMA_TEST_DATA "/assessment-small.json", c, NULL, &err);
	if (rc)
		fprintf(stderr, "\n%s\n", err.message);
	CU_ASSERT_EQUAL_FATAL(rc, 0);
	return a;
}

static void test_assessment__load_and_read_everything(void)
{
	itsma_catalogue *c = small_catalogue();
	itsma_assessment *a = load_small(c);
	const itsma_evidence *e;
	const itsma_rating *r;
	const itsma_attribute_rating *pa;
	const itsma_exclusion *x;
	const itsma_section *p = NULL;

	CU_ASSERT_PTR_EQUAL(itsma_assessment_catalogue(a), c);
	CU_ASSERT_STRING_EQUAL(itsma_assessment_id(a), "small-q4");
	CU_ASSERT_STRING_EQUAL(itsma_assessment_date(a), "2026-11-20");
	CU_ASSERT_EQUAL(itsma_assessment_day(a), 20777); /* days from 1970-01-01 */
	CU_ASSERT_STRING_EQUAL(itsma_assessment_title(a), "Small assessment");
	CU_ASSERT_STRING_EQUAL(itsma_assessment_organisation(a), "Example IT");
	CU_ASSERT_STRING_EQUAL(itsma_assessment_assessor(a), "A. Assessor");
	CU_ASSERT_STRING_EQUAL(itsma_assessment_origin(a),
	                       ITSMA_TEST_DATA "/assessment-small.json");

	CU_ASSERT_EQUAL(itsma_assessment_evidence_count(a), 2);
	e = itsma_assessment_evidence_at(a, 0);
	CU_ASSERT_PTR_EQUAL(itsma_assessment_find_evidence(a, "EV-1"), e);
	CU_ASSERT_PTR_NULL(itsma_assessment_evidence_at(a, 2));
	CU_ASSERT_PTR_NULL(itsma_assessment_find_evidence(a, "EV-3"));
	CU_ASSERT_STRING_EQUAL(itsma_evidence_id(e), "EV-1");
	CU_ASSERT_STRING_EQUAL(itsma_evidence_title(e), "Incident procedure");
	CU_ASSERT_EQUAL(itsma_evidence_kind_of(e), ITSMA_EVIDENCE_KIND_DOCUMENT);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_uri(e), "docs/incident.pdf");
	CU_ASSERT_EQUAL(strlen(itsma_evidence_sha256(e)), 64);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_collected(e), "2026-10-01");
	CU_ASSERT_STRING_EQUAL(itsma_evidence_expires(e), "2027-10-01");
	CU_ASSERT_STRING_EQUAL(itsma_evidence_by(e), "J. Auditor");
	CU_ASSERT_STRING_EQUAL(itsma_evidence_note(e), "Version 3.");
	CU_ASSERT_EQUAL(itsma_evidence_index(e), 0);
	e = itsma_assessment_evidence_at(a, 1);
	CU_ASSERT_PTR_NULL(itsma_evidence_expires(e));
	CU_ASSERT_PTR_NULL(itsma_evidence_uri(e));
	CU_ASSERT_PTR_NULL(itsma_evidence_sha256(e));
	CU_ASSERT_PTR_NULL(itsma_evidence_by(e));
	CU_ASSERT_PTR_NULL(itsma_evidence_note(e));

	CU_ASSERT_EQUAL(itsma_assessment_rating_count(a), 2);
	r = itsma_assessment_find_rating(a, "8.1-01");
	CU_ASSERT_PTR_EQUAL(itsma_assessment_rating_at(a, 0), r);
	CU_ASSERT_PTR_NULL(itsma_assessment_rating_at(a, 2));
	CU_ASSERT_PTR_NULL(itsma_assessment_find_rating(a, "8.1-02"));
	CU_ASSERT_PTR_NULL(itsma_assessment_find_rating(a, "nope"));
	CU_ASSERT_STRING_EQUAL(itsma_requirement_id(itsma_rating_requirement(r)), "8.1-01");
	CU_ASSERT_EQUAL(itsma_rating_letter(r), ITSMA_LETTER_L);
	ASSERT_NEAR(itsma_rating_value(r), 67.5);
	CU_ASSERT_EQUAL(itsma_rating_evidence_count(r), 2);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_id(itsma_rating_evidence_at(r, 1)), "EV-2");
	CU_ASSERT_PTR_NULL(itsma_rating_evidence_at(r, 2));
	CU_ASSERT_STRING_EQUAL(itsma_rating_note(r), "Most incidents recorded.");
	CU_ASSERT_EQUAL(itsma_rating_index(r), 0);
	r = itsma_assessment_rating_at(a, 1);
	CU_ASSERT_EQUAL(itsma_rating_letter(r), ITSMA_LETTER_NONE);
	ASSERT_NEAR(itsma_rating_value(r), 72.5);
	CU_ASSERT_PTR_NULL(itsma_rating_note(r));

	CU_ASSERT_EQUAL(itsma_assessment_attribute_count(a), 1);
	pa = itsma_assessment_find_attribute(a, "8.1", ITSMA_PA2_1);
	CU_ASSERT_PTR_EQUAL(itsma_assessment_attribute_at(a, 0), pa);
	CU_ASSERT_PTR_NULL(itsma_assessment_attribute_at(a, 1));
	CU_ASSERT_PTR_NULL(itsma_assessment_find_attribute(a, "8.1", ITSMA_PA2_2));
	CU_ASSERT_PTR_NULL(itsma_assessment_find_attribute(a, "zz", ITSMA_PA2_1));
	CU_ASSERT_PTR_NULL(itsma_assessment_find_attribute(a, "8.1", ITSMA_ATTRIBUTE_COUNT));
	CU_ASSERT_STRING_EQUAL(itsma_section_id(itsma_attribute_rating_process(pa)), "8.1");
	CU_ASSERT_EQUAL(itsma_attribute_rating_attribute(pa), ITSMA_PA2_1);
	CU_ASSERT_EQUAL(itsma_attribute_rating_letter(pa), ITSMA_LETTER_P);
	ASSERT_NEAR(itsma_attribute_rating_value(pa), 32.5);
	CU_ASSERT_EQUAL(itsma_attribute_rating_evidence_count(pa), 1);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_id(itsma_attribute_rating_evidence_at(pa, 0)),
	                       "EV-1");
	CU_ASSERT_PTR_NULL(itsma_attribute_rating_evidence_at(pa, 1));
	CU_ASSERT_PTR_NULL(itsma_attribute_rating_note(pa));
	CU_ASSERT_EQUAL(itsma_attribute_rating_index(pa), 0);

	CU_ASSERT_EQUAL(itsma_assessment_exclusion_count(a), 1);
	x = itsma_assessment_exclusion_at(a, 0);
	CU_ASSERT_PTR_EQUAL(itsma_assessment_find_exclusion(a, "4"), x);
	CU_ASSERT_PTR_NULL(itsma_assessment_exclusion_at(a, 1));
	CU_ASSERT_PTR_NULL(itsma_assessment_find_exclusion(a, "8"));
	CU_ASSERT_STRING_EQUAL(itsma_exclusion_id(x), "4");
	CU_ASSERT_STRING_EQUAL(itsma_exclusion_reason(x), "Out of scope for this test.");
	CU_ASSERT_TRUE(itsma_assessment_is_excluded(a, "4"));
	CU_ASSERT_TRUE(itsma_assessment_is_excluded(a, "4-01"));
	CU_ASSERT_FALSE(itsma_assessment_is_excluded(a, "8.1-01"));
	CU_ASSERT_FALSE(itsma_assessment_is_excluded(a, "unknown"));

	CU_ASSERT_EQUAL(itsma_assessment_target(a), 2);
	CU_ASSERT_EQUAL(itsma_assessment_process_target_count(a), 1);
	CU_ASSERT_EQUAL(itsma_assessment_process_target_at(&p, a, 0), 3);
	CU_ASSERT_STRING_EQUAL(itsma_section_id(p), "8.1");
	CU_ASSERT_EQUAL(itsma_assessment_process_target_at(&p, a, 1), -1);
	CU_ASSERT_PTR_NULL(p);
	CU_ASSERT_EQUAL(itsma_assessment_target_for(a, "8.1"), 3);
	CU_ASSERT_EQUAL(itsma_assessment_target_for(a, "8.2"), 2);
	CU_ASSERT_EQUAL(itsma_assessment_target_for(a, "8"), -1);
	itsma_assessment_free(a);
	itsma_assessment_free(NULL);
	itsma_catalogue_free(c);
}

static void test_assessment__round_trip_is_byte_identical(void)
{
	itsma_catalogue *c = small_catalogue();
	itsma_assessment *a = load_small(c);
	itsma_error err = ITSMA_ERROR_INIT;
	char *out = NULL, *orig = itsma_test_slurp(ITSMA_TEST_DATA "/assessment-small.json", NULL);
	CU_ASSERT_EQUAL(itsma_assessment_to_json(&out, a, &err), 0);
	CU_ASSERT_STRING_EQUAL(out, orig);
	itsma_free(out);
	free(orig);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

static void test_assessment__members_in_any_order(void)
{
	/* ratings before evidence and the catalogue id last: everything is still checked */
	static const char doc[] = "{\"ratings\": [{\"requirement\": \"8.1-01\", \"rating\": \"F\", "
	                          "\"evidence\": [\"E\"]}],"
	                          " \"targets\": {\"level\": 1}, \"scope\": {},"
	                          " \"evidence\": [{\"id\": \"E\", \"title\": \"t\", \"kind\": "
	                          "\"other\", \"collected\": \"2026-01-01\"}],"
	                          " \"date\": \"2026-02-01\", \"id\": \"x\", \"format\": "
	                          "\"itsma-assessment/1\", \"catalogue\": \"test:small\"}";
	static const char bad[] =
	    "{\"ratings\": [{\"requirement\": \"8.1-01\", \"rating\": \"F\", \"evidence\": "
	    "[\"Q\"]}],"
	    " \"evidence\": [], \"date\": \"2026-02-01\", \"id\": \"x\", \"format\": "
	    "\"itsma-assessment/1\", \"catalogue\": \"test:small\"}";
	itsma_catalogue *c = small_catalogue();
	itsma_assessment *a = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	CU_ASSERT_EQUAL(
	    itsma_assessment_load_buffer(&a, doc, sizeof doc - 1, "o.json", c, NULL, &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_rating_count(a), 1);
	CU_ASSERT_EQUAL(itsma_assessment_target(a), 1);
	itsma_assessment_free(a);
	CU_ASSERT_EQUAL(
	    itsma_assessment_load_buffer(&a, bad, sizeof bad - 1, "o.json", c, NULL, &err),
	    ITSMA_ESCHEMA);
	CU_ASSERT_STRING_EQUAL(err.pointer, "/ratings/0/evidence/0");
	CU_ASSERT_EQUAL(err.line, 1);
	CU_ASSERT_EQUAL(err.column, 68);
	itsma_catalogue_free(c);
}

static void test_assessment__builtin_catalogue_resolved_and_owned(void)
{
	static const char doc[] = "{\"format\": \"itsma-assessment/1\", \"id\": \"a\", "
	                          "\"catalogue\": \"iso20000-1:2018\","
	                          " \"date\": \"2026-11-20\", \"ratings\": [{\"requirement\": "
	                          "\"8.6.1-01\", \"rating\": \"N\"}]}";
	itsma_assessment *a = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	CU_ASSERT_EQUAL_FATAL(
	    itsma_assessment_load_buffer(&a, doc, sizeof doc - 1, NULL, NULL, NULL, &err), 0);
	CU_ASSERT_STRING_EQUAL(itsma_catalogue_id(itsma_assessment_catalogue(a)),
	                       "iso20000-1:2018");
	CU_ASSERT_STRING_EQUAL(itsma_assessment_origin(a), "<buffer>");
	CU_ASSERT_EQUAL(itsma_assessment_rating_count(a), 1);
	itsma_assessment_free(a); /* frees the catalogue it loaded */
}

static void test_assessment__create_and_modify(void)
{
	itsma_catalogue *c = small_catalogue();
	itsma_assessment *a = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
	itsma_rating_spec r = ITSMA_RATING_SPEC_INIT;
	itsma_attribute_spec pa = ITSMA_ATTRIBUTE_SPEC_INIT;
	static const char *const ev1[] = { "EV-1" };
	static const char *const twice[] = { "EV-1", "EV-1" };
	static const char *const ghost[] = { "EV-9" };
	const itsma_evidence *kept;
	const char *kept_id;

	CU_ASSERT_EQUAL(itsma_assessment_new(&a, c, "bad id", "2026-01-01", &err), ITSMA_EINVAL);
	CU_ASSERT_PTR_NULL(a);
	CU_ASSERT_EQUAL(itsma_assessment_new(&a, c, "x", "2026-13-01", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_new(&a, NULL, "x", "2026-01-01", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL_FATAL(itsma_assessment_new(&a, c, "new", "2026-11-20", &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_evidence_count(a), 0);
	CU_ASSERT_EQUAL(itsma_assessment_target(a), -1);

	CU_ASSERT_EQUAL(itsma_assessment_set_title(a, "T", &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_set_organisation(a, "O", &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_set_assessor(a, "A", &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_set_assessor(a, NULL, &err), 0);
	CU_ASSERT_PTR_NULL(itsma_assessment_assessor(a));
	CU_ASSERT_EQUAL(itsma_assessment_set_id(a, "renamed", &err), 0);
	CU_ASSERT_STRING_EQUAL(itsma_assessment_id(a), "renamed");
	CU_ASSERT_EQUAL(itsma_assessment_set_id(a, "bad id", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_set_date(a, "2026-02-30", &err), ITSMA_EINVAL);
	CU_ASSERT_STRING_EQUAL(itsma_assessment_date(a), "2026-11-20");
	CU_ASSERT_EQUAL(itsma_assessment_set_date(a, "2026-11-21", &err), 0);

	/* evidence: add, replace (same position, citations kept), bad input changes nothing */
	e.id = "EV-1";
	e.title = "Procedure";
	e.collected = "2026-10-01";
	CU_ASSERT_EQUAL(itsma_assessment_put_evidence(a, &e, &err), 0);
	e.id = "EV-2";
	e.kind = ITSMA_EVIDENCE_KIND_METRIC;
	CU_ASSERT_EQUAL(itsma_assessment_put_evidence(a, &e, &err), 0);
	kept = itsma_assessment_find_evidence(a, "EV-1");
	kept_id = itsma_evidence_id(kept);
	e.id = "EV-1";
	e.title = "Procedure v2";
	e.expires = "2027-01-01";
	e.sha256 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
	CU_ASSERT_EQUAL(itsma_assessment_put_evidence(a, &e, &err), 0);
	CU_ASSERT_PTR_EQUAL(itsma_assessment_find_evidence(a, "EV-1"), kept);
	CU_ASSERT_PTR_EQUAL(itsma_evidence_id(kept),
	                    kept_id); /* the id string stays where it was */
	CU_ASSERT_STRING_EQUAL(itsma_evidence_title(kept), "Procedure v2");
	CU_ASSERT_EQUAL(itsma_evidence_index(kept), 0);
	e.expires = "2026-01-01"; /* before collected */
	CU_ASSERT_EQUAL(itsma_assessment_put_evidence(a, &e, &err), ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "before it was collected"));
	e.expires = NULL;
	e.sha256 = "ABC";
	CU_ASSERT_EQUAL(itsma_assessment_put_evidence(a, &e, &err), ITSMA_EINVAL);
	e.sha256 = NULL;
	e.title = "";
	CU_ASSERT_EQUAL(itsma_assessment_put_evidence(a, &e, &err), ITSMA_EINVAL);
	e.title = "t";
	e.collected = "yesterday";
	CU_ASSERT_EQUAL(itsma_assessment_put_evidence(a, &e, &err), ITSMA_EINVAL);
	e.collected = "2026-10-01";
	e.kind = (itsma_evidence_kind)42;
	CU_ASSERT_EQUAL(itsma_assessment_put_evidence(a, &e, &err), ITSMA_EINVAL);
	e.kind = ITSMA_EVIDENCE_KIND_DOCUMENT;
	e.id = "a b";
	CU_ASSERT_EQUAL(itsma_assessment_put_evidence(a, &e, &err), ITSMA_EINVAL);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_title(kept), "Procedure v2");
	CU_ASSERT_STRING_EQUAL(itsma_evidence_expires(kept), "2027-01-01");
	CU_ASSERT_EQUAL(itsma_assessment_evidence_count(a), 2);
	CU_ASSERT_TRUE(itsma_evidence_is_current(kept, itsma_assessment_day(a)));

	/* ratings */
	r.requirement_id = "8.1-01";
	r.letter = ITSMA_LETTER_L_PLUS;
	r.evidence = ev1;
	r.evidence_count = 1;
	r.note = "n";
	CU_ASSERT_EQUAL(itsma_assessment_put_rating(a, &r, &err), 0);
	ASSERT_NEAR(itsma_rating_value(itsma_assessment_find_rating(a, "8.1-01")), 76.25);
	r.requirement_id = "8.2-01";
	r.letter = ITSMA_LETTER_NONE;
	r.value = 12.5;
	r.evidence_count = 0;
	r.note = NULL;
	CU_ASSERT_EQUAL(itsma_assessment_put_rating(a, &r, &err), 0);
	r.requirement_id = "8.1-01"; /* replace keeps the position */
	r.value = 90;
	CU_ASSERT_EQUAL(itsma_assessment_put_rating(a, &r, &err), 0);
	CU_ASSERT_STRING_EQUAL(
	    itsma_requirement_id(itsma_rating_requirement(itsma_assessment_rating_at(a, 0))),
	    "8.1-01");
	ASSERT_NEAR(itsma_rating_value(itsma_assessment_rating_at(a, 0)), 90);
	r.value = 100.5;
	CU_ASSERT_EQUAL(itsma_assessment_put_rating(a, &r, &err), ITSMA_EINVAL);
	r.value = 50;
	r.evidence = twice;
	r.evidence_count = 2;
	CU_ASSERT_EQUAL(itsma_assessment_put_rating(a, &r, &err), ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "more than once"));
	r.evidence = ghost;
	r.evidence_count = 1;
	CU_ASSERT_EQUAL(itsma_assessment_put_rating(a, &r, &err), ITSMA_ENOTFOUND);
	r.requirement_id = "9-99";
	CU_ASSERT_EQUAL(itsma_assessment_put_rating(a, &r, &err), ITSMA_ENOTFOUND);
	ASSERT_NEAR(itsma_rating_value(itsma_assessment_rating_at(a, 0)), 90);
	CU_ASSERT_EQUAL(itsma_assessment_rating_count(a), 2);

	/* attribute ratings */
	pa.process_id = "8.1";
	pa.attribute = ITSMA_PA3_2;
	pa.letter = ITSMA_LETTER_F;
	pa.evidence = ev1;
	pa.evidence_count = 1;
	CU_ASSERT_EQUAL(itsma_assessment_put_attribute(a, &pa, &err), 0);
	pa.letter = ITSMA_LETTER_L;
	CU_ASSERT_EQUAL(itsma_assessment_put_attribute(a, &pa, &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_attribute_count(a), 1);
	CU_ASSERT_EQUAL(itsma_attribute_rating_letter(itsma_assessment_attribute_at(a, 0)),
	                ITSMA_LETTER_L);
	pa.attribute = ITSMA_PA1_1;
	CU_ASSERT_EQUAL(itsma_assessment_put_attribute(a, &pa, &err), ITSMA_EINVAL);
	pa.attribute = ITSMA_PA2_1;
	pa.process_id = "8";
	CU_ASSERT_EQUAL(itsma_assessment_put_attribute(a, &pa, &err), ITSMA_EINVAL);
	pa.process_id = "77";
	CU_ASSERT_EQUAL(itsma_assessment_put_attribute(a, &pa, &err), ITSMA_ENOTFOUND);
	CU_ASSERT_EQUAL(itsma_assessment_attribute_count(a), 1);

	/* evidence that is cited cannot be removed; citations are counted across replacements */
	CU_ASSERT_EQUAL(itsma_assessment_remove_evidence(a, "EV-1", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_remove_evidence(a, "EV-7", &err), ITSMA_ENOTFOUND);
	CU_ASSERT_EQUAL(itsma_assessment_remove_attribute(a, "8.1", ITSMA_PA3_2, &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_remove_attribute(a, "8.1", ITSMA_PA3_2, &err),
	                ITSMA_ENOTFOUND);
	/* the rating of 8.1-01 was replaced by one without evidence: EV-1 is no longer cited */
	CU_ASSERT_EQUAL(itsma_assessment_remove_rating(a, "8.1-01", &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_remove_rating(a, "8.1-01", &err), ITSMA_ENOTFOUND);
	CU_ASSERT_STRING_EQUAL(
	    itsma_requirement_id(itsma_rating_requirement(itsma_assessment_rating_at(a, 0))),
	    "8.2-01");
	CU_ASSERT_EQUAL(itsma_rating_index(itsma_assessment_rating_at(a, 0)), 0);
	CU_ASSERT_EQUAL(itsma_assessment_remove_evidence(a, "EV-1", &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_evidence_count(a), 1);
	CU_ASSERT_EQUAL(itsma_evidence_index(itsma_assessment_evidence_at(a, 0)), 0);
	CU_ASSERT_PTR_NULL(itsma_assessment_find_evidence(a, "EV-1"));

	/* exclusions */
	CU_ASSERT_EQUAL(itsma_assessment_put_exclusion(a, "8.2", "Not offered.", &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_put_exclusion(a, "8.2", "Not offered at all.", &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_exclusion_count(a), 1);
	CU_ASSERT_STRING_EQUAL(itsma_exclusion_reason(itsma_assessment_exclusion_at(a, 0)),
	                       "Not offered at all.");
	CU_ASSERT_TRUE(itsma_assessment_is_excluded(a, "8.2-01"));
	CU_ASSERT_EQUAL(itsma_assessment_put_exclusion(a, "8.1-02", "Not needed.", &err), 0);
	CU_ASSERT_TRUE(itsma_assessment_is_excluded(a, "8.1-02"));
	CU_ASSERT_EQUAL(itsma_assessment_put_exclusion(a, "nothing", "x", &err), ITSMA_ENOTFOUND);
	CU_ASSERT_EQUAL(itsma_assessment_put_exclusion(a, "8.1", "", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_remove_exclusion(a, "8.2", &err), 0);
	CU_ASSERT_FALSE(itsma_assessment_is_excluded(a, "8.2-01"));
	CU_ASSERT_EQUAL(itsma_assessment_remove_exclusion(a, "8.2", &err), ITSMA_ENOTFOUND);

	/* targets */
	CU_ASSERT_EQUAL(itsma_assessment_set_target(a, 2, &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_set_target(a, 6, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_target(a), 2);
	CU_ASSERT_EQUAL(itsma_assessment_set_process_target(a, "8.2", 4, &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_set_process_target(a, "8", 4, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_set_process_target(a, "9", 4, &err), ITSMA_ENOTFOUND);
	CU_ASSERT_EQUAL(itsma_assessment_set_process_target(a, "8.2", -2, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_target_for(a, "8.2"), 4);
	CU_ASSERT_EQUAL(itsma_assessment_set_process_target(a, "8.2", -1, &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_target_for(a, "8.2"), 2);
	CU_ASSERT_EQUAL(itsma_assessment_set_target(a, -1, &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_target_for(a, "8.2"), -1);

	/* a saved assessment loads back to the same bytes */
	{
		char *j1 = NULL, *j2 = NULL;
		itsma_assessment *b = NULL;
		CU_ASSERT_EQUAL(itsma_assessment_to_json(&j1, a, &err), 0);
		CU_ASSERT_EQUAL(
		    itsma_assessment_load_buffer(&b, j1, strlen(j1), NULL, c, NULL, &err), 0);
		CU_ASSERT_EQUAL(itsma_assessment_to_json(&j2, b, &err), 0);
		CU_ASSERT_STRING_EQUAL(j1, j2);
		itsma_free(j1);
		itsma_free(j2);
		itsma_assessment_free(b);
	}
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

static void test_assessment__evidence_currency(void)
{
	itsma_catalogue *c = small_catalogue();
	itsma_assessment *a = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
	long day;
	CU_ASSERT_EQUAL_FATAL(itsma_assessment_new(&a, c, "a", "2026-11-20", &err), 0);
	day = itsma_assessment_day(a);
	e.title = "t";
	e.id = "on-the-day";
	e.collected = "2026-01-01";
	e.expires = "2026-11-20";
	CU_ASSERT_EQUAL(itsma_assessment_put_evidence(a, &e, &err), 0);
	e.id = "day-before";
	e.expires = "2026-11-19";
	CU_ASSERT_EQUAL(itsma_assessment_put_evidence(a, &e, &err), 0);
	e.id = "future";
	e.collected = "2026-11-21";
	e.expires = NULL;
	CU_ASSERT_EQUAL(itsma_assessment_put_evidence(a, &e, &err), 0);
	e.id = "collected-today";
	e.collected = "2026-11-20";
	CU_ASSERT_EQUAL(itsma_assessment_put_evidence(a, &e, &err), 0);
	CU_ASSERT_TRUE(
	    itsma_evidence_is_current(itsma_assessment_find_evidence(a, "on-the-day"), day));
	CU_ASSERT_FALSE(
	    itsma_evidence_is_current(itsma_assessment_find_evidence(a, "day-before"), day));
	CU_ASSERT_FALSE(
	    itsma_evidence_is_current(itsma_assessment_find_evidence(a, "future"), day));
	CU_ASSERT_TRUE(
	    itsma_evidence_is_current(itsma_assessment_find_evidence(a, "collected-today"), day));
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

static void test_assessment__forbidden_exclusions_and_kinds(void)
{
	itsma_catalogue *c = NULL;
	itsma_assessment *a = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_evidence_kind k;
	int i;
	CU_ASSERT_EQUAL_FATAL(itsma_catalogue_builtin(&c, "iso20000-1:2018", &err), 0);
	CU_ASSERT_EQUAL_FATAL(itsma_assessment_new(&a, c, "a", "2026-11-20", &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_put_exclusion(a, "8.2.3", "No parties.", &err),
	                ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "forbids exclusions"));
	CU_ASSERT_EQUAL(itsma_assessment_exclusion_count(a), 0);
	for (i = 0; i <= (int)ITSMA_EVIDENCE_KIND_OTHER; i++) {
		CU_ASSERT_EQUAL(itsma_evidence_kind_parse(
		                    &k, itsma_evidence_kind_name((itsma_evidence_kind)i), &err),
		                0);
		CU_ASSERT_EQUAL((int)k, i);
	}
	CU_ASSERT_EQUAL(itsma_evidence_kind_parse(&k, "email", &err), ITSMA_EINVAL);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_kind_name((itsma_evidence_kind)99), "");
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

static void test_assessment__save_file(void)
{
	itsma_catalogue *c = small_catalogue();
	itsma_assessment *a = load_small(c), *b = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	const char *path = ITSMA_TEST_TMP "/assessment-save.json";
	unlink(path);
	CU_ASSERT_EQUAL(itsma_assessment_save_file(a, path, &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_load_file(&b, path, c, NULL, &err), 0);
	CU_ASSERT_EQUAL(itsma_assessment_rating_count(b), 2);
	itsma_assessment_free(b);
	CU_ASSERT_EQUAL(itsma_assessment_save_file(a, ITSMA_TEST_TMP "/nope/a.json", &err),
	                ITSMA_EIO);
	CU_ASSERT(err.sys_errno != 0);
	CU_ASSERT_EQUAL(itsma_assessment_load_file(&b, ITSMA_TEST_TMP "/nope.json", c, NULL, &err),
	                ITSMA_EIO);
	CU_ASSERT_PTR_NULL(b);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/*
 * Requirement ratings and attribute ratings are one implementation behind two sets of calls:
 * the same sequence (add, re-rate in place, replace keeping place and extensions, refuse bad
 * citations without change, remove and renumber, round trip) behaves alike for both.
 */
typedef struct rated_kind {
	int attr;
	const char *subject[3]; /* requirement ids, or process ids (rated on PA2.1) */
	const char *who;        /* how messages name subject[1] */
} rated_kind;

static int put_kind(itsma_assessment *a, const rated_kind *k, int i, itsma_letter letter,
                    const char *const *ev, size_t n, const char *note, itsma_error *err)
{
	if (k->attr) {
		itsma_attribute_spec s = ITSMA_ATTRIBUTE_SPEC_INIT;
		s.process_id = k->subject[i];
		s.attribute = ITSMA_PA2_1;
		s.letter = letter;
		s.evidence = ev;
		s.evidence_count = n;
		s.note = note;
		return itsma_assessment_put_attribute(a, &s, err);
	} else {
		itsma_rating_spec s = ITSMA_RATING_SPEC_INIT;
		s.requirement_id = k->subject[i];
		s.letter = letter;
		s.evidence = ev;
		s.evidence_count = n;
		s.note = note;
		return itsma_assessment_put_rating(a, &s, err);
	}
}

/* The rating of subject i (NULL if none), and its count, letter, index and citations. */
static const void *find_kind(const itsma_assessment *a, const rated_kind *k, int i)
{
	return k->attr
	           ? (const void *)itsma_assessment_find_attribute(a, k->subject[i], ITSMA_PA2_1)
	           : (const void *)itsma_assessment_find_rating(a, k->subject[i]);
}

static size_t count_kind(const itsma_assessment *a, const rated_kind *k)
{
	return k->attr ? itsma_assessment_attribute_count(a) : itsma_assessment_rating_count(a);
}

static const void *at_kind(const itsma_assessment *a, const rated_kind *k, size_t i)
{
	return k->attr ? (const void *)itsma_assessment_attribute_at(a, i)
	               : (const void *)itsma_assessment_rating_at(a, i);
}

static itsma_letter letter_kind(const rated_kind *k, const void *r)
{
	return k->attr ? itsma_attribute_rating_letter(r) : itsma_rating_letter(r);
}

static size_t index_kind(const rated_kind *k, const void *r)
{
	return k->attr ? itsma_attribute_rating_index(r) : itsma_rating_index(r);
}

static const char *cited_kind(const rated_kind *k, const void *r, size_t i)
{
	return itsma_evidence_id(k->attr ? itsma_attribute_rating_evidence_at(r, i)
	                                 : itsma_rating_evidence_at(r, i));
}

static const char *ext_kind(const rated_kind *k, const void *r)
{
	return k->attr ? itsma_attribute_rating_extension(r, "x-ticket")
	               : itsma_rating_extension(r, "x-ticket");
}

static void rated_alike(const rated_kind *k)
{
	static const char *const a_only[] = { "A" }, *const b_only[] = { "B" };
	static const char *const twice[] = { "B", "B" }, *const ghost[] = { "Z" };
	itsma_catalogue *c = cat_new("alike");
	itsma_assessment *a, *back = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	const void *r, *r2;
	char *json = NULL, *json2 = NULL;
	int i;

	sec(c, NULL, "4", 1, 0);
	for (i = 0; i < 3; i++) {
		static const char *const procs[] = { "4.1", "4.2", "4.3" };
		sec(c, "4", procs[i], 1, 1);
	}
	req(c, "4.1", "4.1-01", 1, ITSMA_OBLIGATION_SHALL);
	req(c, "4.1", "4.1-02", 1, ITSMA_OBLIGATION_SHALL);
	req(c, "4.1", "4.1-03", 1, ITSMA_OBLIGATION_SHALL);
	a = asm_new(c);
	ev(a, "A", "2026-01-01", NULL);
	ev(a, "B", "2026-01-01", NULL);

	for (i = 0; i < 3; i++)
		ASSERT_OK(put_kind(a, k, i, ITSMA_LETTER_F, i == 1 ? a_only : NULL, i == 1, "n",
		                   ASSERT_ERR));
	CU_ASSERT_EQUAL(count_kind(a, k), 3);
	r = find_kind(a, k, 1);
	CU_ASSERT_EQUAL(index_kind(k, r), 1);

	/* the same evidence and note: re-rated in place */
	ASSERT_OK(put_kind(a, k, 1, ITSMA_LETTER_L, a_only, 1, "n", ASSERT_ERR));
	CU_ASSERT_PTR_EQUAL(find_kind(a, k, 1), r);
	CU_ASSERT_EQUAL(letter_kind(k, r), ITSMA_LETTER_L);

	/* other evidence: a replacement in the same place, with the extensions kept */
	ASSERT_OK(
	    k->attr ? itsma_attribute_rating_set_extension(a, r, "x-ticket", "\"T-1\"", ASSERT_ERR)
	            : itsma_rating_set_extension(a, r, "x-ticket", "\"T-1\"", ASSERT_ERR));
	ASSERT_OK(put_kind(a, k, 1, ITSMA_LETTER_P, b_only, 1, NULL, ASSERT_ERR));
	r = find_kind(a, k, 1);
	CU_ASSERT_PTR_EQUAL(at_kind(a, k, 1), r);
	CU_ASSERT_EQUAL(index_kind(k, r), 1);
	CU_ASSERT_STRING_EQUAL(cited_kind(k, r, 0), "B");
	CU_ASSERT_STRING_EQUAL(ext_kind(k, r), "\"T-1\"");
	ASSERT_OK(itsma_assessment_remove_evidence(a, "A", ASSERT_ERR)); /* no longer cited */
	CU_ASSERT_EQUAL(itsma_assessment_remove_evidence(a, "B", &err), ITSMA_EINVAL);

	/* bad citations are refused, naming the rating, and change nothing */
	CU_ASSERT_EQUAL(put_kind(a, k, 1, ITSMA_LETTER_N, twice, 2, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, k->who));
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "more than once"));
	CU_ASSERT_EQUAL(put_kind(a, k, 1, ITSMA_LETTER_N, ghost, 1, NULL, &err), ITSMA_ENOTFOUND);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, k->who));
	CU_ASSERT_EQUAL(put_kind(a, k, 1, ITSMA_LETTER_N, NULL, 1, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_PTR_EQUAL(find_kind(a, k, 1), r);
	CU_ASSERT_EQUAL(letter_kind(k, r), ITSMA_LETTER_P);
	CU_ASSERT_EQUAL(count_kind(a, k), 3);

	/* removal renumbers the ones after it */
	ASSERT_OK(k->attr
	              ? itsma_assessment_remove_attribute(a, k->subject[0], ITSMA_PA2_1, ASSERT_ERR)
	              : itsma_assessment_remove_rating(a, k->subject[0], ASSERT_ERR));
	CU_ASSERT_EQUAL(count_kind(a, k), 2);
	CU_ASSERT_PTR_NULL(find_kind(a, k, 0));
	CU_ASSERT_PTR_EQUAL(at_kind(a, k, 0), r);
	CU_ASSERT_EQUAL(index_kind(k, r), 0);
	r2 = find_kind(a, k, 2);
	CU_ASSERT_EQUAL(index_kind(k, r2), 1);
	CU_ASSERT_EQUAL(k->attr
	                    ? itsma_assessment_remove_attribute(a, k->subject[0], ITSMA_PA2_1, &err)
	                    : itsma_assessment_remove_rating(a, k->subject[0], &err),
	                ITSMA_ENOTFOUND);

	/* saved and loaded again: the same document */
	ASSERT_OK(itsma_assessment_to_json(&json, a, ASSERT_ERR));
	ASSERT_OK(itsma_assessment_load_buffer(&back, json, strlen(json), "alike.json", c, NULL,
	                                       ASSERT_ERR));
	ASSERT_OK(itsma_assessment_to_json(&json2, back, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(json2, json);
	CU_ASSERT_STRING_EQUAL(ext_kind(k, find_kind(back, k, 1)), "\"T-1\"");

	itsma_free(json2);
	itsma_free(json);
	itsma_assessment_free(back);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Fill an error with stale details, as a failed earlier call would leave it. */
static void stale(itsma_error *e)
{
	e->code = ITSMA_ESCHEMA;
	snprintf(e->pointer, sizeof e->pointer, "/stale");
	snprintf(e->message, sizeof e->message, "stale");
}

/* One setter per property, each with its own check; a refused value changes nothing. */
static void test_assessment__typed_setters(void)
{
	static int (*const optional[])(itsma_assessment *, const char *,
	                               itsma_error *) = { itsma_assessment_set_title,
		                                          itsma_assessment_set_organisation,
		                                          itsma_assessment_set_assessor };
	static const char *(*const getters[])(const itsma_assessment *) = {
		itsma_assessment_title, itsma_assessment_organisation, itsma_assessment_assessor
	};
	itsma_catalogue *c = small_catalogue();
	itsma_assessment *a = NULL;
	itsma_error e = ITSMA_ERROR_INIT;
	size_t i;

	ASSERT_OK(itsma_assessment_new(&a, c, "typed", "2026-11-20", ASSERT_ERR));
	/* id: an identifier */
	stale(&e);
	CU_ASSERT_EQUAL(itsma_assessment_set_id(a, "typed-2", &e), 0);
	CU_ASSERT_EQUAL(e.code, ITSMA_OK);
	CU_ASSERT_STRING_EQUAL(e.pointer, "");
	CU_ASSERT_STRING_EQUAL(itsma_assessment_id(a), "typed-2");
	CU_ASSERT_EQUAL(itsma_assessment_set_id(a, "two words", &e), ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "identifier"));
	CU_ASSERT_EQUAL(itsma_assessment_set_id(a, NULL, &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_set_id(a, "", &e), ITSMA_EINVAL);
	CU_ASSERT_STRING_EQUAL(itsma_assessment_id(a), "typed-2");
	/* date: a real calendar date, and the day number follows it */
	CU_ASSERT_EQUAL(itsma_assessment_set_date(a, "2028-02-29", &e), 0);
	CU_ASSERT_STRING_EQUAL(itsma_assessment_date(a), "2028-02-29");
	CU_ASSERT_EQUAL(itsma_assessment_day(a), 21243);
	CU_ASSERT_EQUAL(itsma_assessment_set_date(a, "2027-02-29", &e), ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "does not exist"));
	CU_ASSERT_EQUAL(itsma_assessment_set_date(a, "2027-2-28", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_set_date(a, NULL, &e), ITSMA_EINVAL);
	CU_ASSERT_STRING_EQUAL(itsma_assessment_date(a), "2028-02-29");
	CU_ASSERT_EQUAL(itsma_assessment_day(a), 21243);
	/* optional texts: set, replaced, cleared with NULL */
	for (i = 0; i < 3; i++) {
		stale(&e);
		CU_ASSERT_EQUAL(optional[i](a, "first", &e), 0);
		CU_ASSERT_EQUAL(e.code, ITSMA_OK);
		CU_ASSERT_EQUAL(optional[i](a, "second", NULL), 0);
		CU_ASSERT_STRING_EQUAL(getters[i](a), "second");
		CU_ASSERT_EQUAL(optional[i](NULL, "x", &e), ITSMA_EINVAL);
	}
	{
		/* they survive a save and a load */
		char *json = NULL;
		itsma_assessment *back = NULL;
		ASSERT_OK(itsma_assessment_to_json(&json, a, ASSERT_ERR));
		ASSERT_OK(itsma_assessment_load_buffer(&back, json, strlen(json), "typed", c, NULL,
		                                       ASSERT_ERR));
		for (i = 0; i < 3; i++)
			CU_ASSERT_STRING_EQUAL(getters[i](back), "second");
		CU_ASSERT_STRING_EQUAL(itsma_assessment_date(back), "2028-02-29");
		itsma_free(json);
		itsma_assessment_free(back);
	}
	for (i = 0; i < 3; i++) {
		CU_ASSERT_EQUAL(optional[i](a, NULL, &e), 0);
		CU_ASSERT_PTR_NULL(getters[i](a));
	}
	CU_ASSERT_EQUAL(itsma_assessment_set_id(NULL, "x", &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_set_date(NULL, "2026-01-01", &e), ITSMA_EINVAL);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

static void test_assessment__ratings_and_attribute_ratings_alike(void)
{
	static const rated_kind ratings = { 0,
		                            { "4.1-01", "4.1-02", "4.1-03" },
		                            "the rating of 4.1-02" };
	static const rated_kind attributes = { 1,
		                               { "4.1", "4.2", "4.3" },
		                               "the rating of 4.2/PA2.1" };
	rated_alike(&ratings);
	rated_alike(&attributes);
}

/* Ratings, attribute ratings and process targets by the catalogue's objects; objects of
 * another catalogue (the same document loaded twice: the same ids) are refused. */
static void test_assessment__requirements_and_processes_by_object(void)
{
	itsma_catalogue *c = small_catalogue(), *twin = small_catalogue();
	itsma_assessment *a = NULL;
	itsma_error e = ITSMA_ERROR_INIT;
	const itsma_requirement *q = itsma_catalogue_find_requirement(c, "8.1-01");
	const itsma_requirement *q_twin = itsma_catalogue_find_requirement(twin, "8.1-01");
	const itsma_section *p = itsma_catalogue_find_section(c, "8.1");
	const itsma_section *p_twin = itsma_catalogue_find_section(twin, "8.1");
	const itsma_section *group = itsma_catalogue_find_section(c, "8");
	itsma_rating_spec rs = ITSMA_RATING_SPEC_INIT;
	itsma_attribute_spec as = ITSMA_ATTRIBUTE_SPEC_INIT;
	char *before = NULL, *after = NULL;

	CU_ASSERT_EQUAL(ITSMA_RATING_SPEC_VERSION, 2);
	CU_ASSERT_EQUAL(ITSMA_ATTRIBUTE_SPEC_VERSION, 2);
	ASSERT_OK(itsma_assessment_new(&a, c, "objects", "2026-11-20", ASSERT_ERR));

	/* requirement ratings */
	rs.requirement = q;
	rs.letter = ITSMA_LETTER_L;
	ASSERT_OK(itsma_assessment_put_rating(a, &rs, ASSERT_ERR));
	CU_ASSERT_PTR_EQUAL(itsma_rating_requirement(itsma_assessment_find_rating(a, "8.1-01")), q);
	CU_ASSERT_PTR_EQUAL(itsma_assessment_find_rating_of(a, q),
	                    itsma_assessment_find_rating(a, "8.1-01"));
	CU_ASSERT_PTR_NULL(itsma_assessment_find_rating_of(a, q_twin));
	CU_ASSERT_PTR_NULL(itsma_assessment_find_rating_of(a, NULL));
	rs.requirement_id = "8.1-01"; /* the same requirement twice: fine */
	rs.letter = ITSMA_LETTER_F;
	ASSERT_OK(itsma_assessment_put_rating(a, &rs, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_rating_letter(itsma_assessment_find_rating_of(a, q)), ITSMA_LETTER_F);

	ASSERT_OK(itsma_assessment_to_json(&before, a, ASSERT_ERR));
	rs.requirement_id = "8.1-02"; /* not its id */
	CU_ASSERT_EQUAL(itsma_assessment_put_rating(a, &rs, &e), ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "8.1-02"));
	rs.requirement_id = NULL;
	rs.requirement = q_twin;
	CU_ASSERT_EQUAL(itsma_assessment_put_rating(a, &rs, &e), ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "test:small"));
	CU_ASSERT_EQUAL(itsma_assessment_remove_rating_of(a, q_twin, &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_remove_rating_of(a, NULL, &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_remove_rating_of(NULL, q, &e), ITSMA_EINVAL);
	/* a version 1 spec has no object member: only its id counts */
	rs.version = 1;
	rs.requirement_id = NULL;
	CU_ASSERT_EQUAL(itsma_assessment_put_rating(a, &rs, &e), ITSMA_ENOTFOUND);

	/* attribute ratings */
	as.process = p_twin;
	as.attribute = ITSMA_PA2_1;
	as.letter = ITSMA_LETTER_F;
	CU_ASSERT_EQUAL(itsma_assessment_put_attribute(a, &as, &e), ITSMA_EINVAL);
	as.process = group;
	CU_ASSERT_EQUAL(itsma_assessment_put_attribute(a, &as, &e), ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "not a process"));
	as.process = p;
	as.process_id = "8.2";
	CU_ASSERT_EQUAL(itsma_assessment_put_attribute(a, &as, &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_remove_attribute_of(a, p_twin, ITSMA_PA2_1, &e),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_set_process_target_of(a, p_twin, 3, &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_set_process_target_of(a, group, 3, &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_set_process_target_of(a, p, 6, &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_set_process_target_of(a, NULL, 3, &e), ITSMA_EINVAL);
	ASSERT_OK(itsma_assessment_to_json(&after, a, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(before, after); /* every refused call changed nothing */
	itsma_free(before);
	itsma_free(after);

	as.process_id = NULL;
	ASSERT_OK(itsma_assessment_put_attribute(a, &as, ASSERT_ERR));
	CU_ASSERT_PTR_EQUAL(itsma_assessment_find_attribute_of(a, p, ITSMA_PA2_1),
	                    itsma_assessment_find_attribute(a, "8.1", ITSMA_PA2_1));
	CU_ASSERT_PTR_NOT_NULL(itsma_assessment_find_attribute_of(a, p, ITSMA_PA2_1));
	CU_ASSERT_PTR_NULL(itsma_assessment_find_attribute_of(a, p_twin, ITSMA_PA2_1));
	CU_ASSERT_PTR_NULL(itsma_assessment_find_attribute_of(a, p, ITSMA_ATTRIBUTE_COUNT));
	ASSERT_OK(itsma_assessment_set_process_target_of(a, p, 3, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_assessment_target_for(a, "8.1"), 3);

	/* removal by object */
	ASSERT_OK(itsma_assessment_remove_attribute_of(a, p, ITSMA_PA2_1, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_assessment_attribute_count(a), 0);
	CU_ASSERT_EQUAL(itsma_assessment_remove_attribute_of(a, p, ITSMA_PA2_1, &e),
	                ITSMA_ENOTFOUND);
	ASSERT_OK(itsma_assessment_remove_rating_of(a, q, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_assessment_rating_count(a), 0);
	CU_ASSERT_EQUAL(itsma_assessment_remove_rating_of(a, q, &e), ITSMA_ENOTFOUND);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "8.1-01"));
	itsma_assessment_free(a);
	itsma_catalogue_free(twin);
	itsma_catalogue_free(c);
}

static const itsma_test_case cases[] = {
	{ "load_and_read_everything", test_assessment__load_and_read_everything },
	{ "round_trip_is_byte_identical", test_assessment__round_trip_is_byte_identical },
	{ "members_in_any_order", test_assessment__members_in_any_order },
	{ "builtin_catalogue_resolved_and_owned",
	  test_assessment__builtin_catalogue_resolved_and_owned },
	{ "create_and_modify", test_assessment__create_and_modify },
	{ "evidence_currency", test_assessment__evidence_currency },
	{ "forbidden_exclusions_and_kinds", test_assessment__forbidden_exclusions_and_kinds },
	{ "save_file", test_assessment__save_file },
	{ "ratings_and_attribute_ratings_alike",
	  test_assessment__ratings_and_attribute_ratings_alike },
	{ "typed_setters", test_assessment__typed_setters },
	{ "requirements_and_processes_by_object",
	  test_assessment__requirements_and_processes_by_object },
	{ NULL, NULL }
};

ITSMA_TEST_MAIN("assessment", cases)
