/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Lookups by object (itsma/result.h): a section's and a requirement's entry, a process's
 * capability gap, the catalogue scored and a gap's requirement id, for a plain result, a
 * scoped result and the live scorer's result; objects of another catalogue give NULL.
 */
#include "harness.h"

#include "fixture.h"

/* P (process: R1 shall, R2 should), G (group: R3 shall). */
static itsma_catalogue *catalogue(void)
{
	itsma_catalogue *c = cat_new("cat");
	sec(c, NULL, "P", 1, 1);
	req(c, "P", "R1", 1, ITSMA_OBLIGATION_SHALL);
	req(c, "P", "R2", 1, ITSMA_OBLIGATION_SHOULD);
	sec(c, NULL, "G", 1, 0);
	req(c, "G", "R3", 1, ITSMA_OBLIGATION_SHALL);
	return c;
}

static void check(const itsma_result *r, const itsma_catalogue *c, const itsma_catalogue *other)
{
	const itsma_section *p = itsma_catalogue_find_section(c, "P");
	const itsma_requirement *r1 = itsma_catalogue_find_requirement(c, "R1");
	const itsma_gap *g;
	CU_ASSERT_PTR_EQUAL(itsma_result_catalogue(r), c);
	CU_ASSERT_PTR_EQUAL(itsma_result_section_of(r, p), itsma_result_find_section(r, "P"));
	CU_ASSERT_PTR_NOT_NULL(itsma_result_section_of(r, p));
	CU_ASSERT_PTR_EQUAL(itsma_result_requirement_of(r, r1),
	                    itsma_result_find_requirement(r, "R1"));
	CU_ASSERT_PTR_NOT_NULL(itsma_result_requirement_of(r, r1));
	CU_ASSERT_PTR_EQUAL(itsma_capability_gap_process(itsma_result_capability_gap_of(r, p)), p);
	CU_ASSERT_PTR_EQUAL(itsma_result_capability_gap_of(r, p),
	                    itsma_result_capability_gap_at(r, 0));
	/* objects of another catalogue (same ids) are not this result's */
	CU_ASSERT_PTR_NULL(itsma_result_section_of(r, itsma_catalogue_find_section(other, "P")));
	CU_ASSERT_PTR_NULL(
	    itsma_result_requirement_of(r, itsma_catalogue_find_requirement(other, "R1")));
	CU_ASSERT_PTR_NULL(
	    itsma_result_capability_gap_of(r, itsma_catalogue_find_section(other, "P")));
	CU_ASSERT_PTR_NULL(itsma_result_capability_gap_of(r, itsma_catalogue_find_section(c, "G")));
	CU_ASSERT_TRUE(itsma_result_gap_count(r) > 0);
	g = itsma_result_gap_at(r, 0);
	CU_ASSERT_STRING_EQUAL(
	    itsma_gap_requirement_id(g),
	    itsma_requirement_id(itsma_requirement_result_requirement(itsma_gap_requirement(g))));
}

static void test_lookup__by_object(void)
{
	itsma_catalogue *c = catalogue(), *other = catalogue();
	itsma_assessment *a = asm_new(c);
	itsma_result *r, *scoped;
	itsma_scorer *s = NULL;
	rate(a, "R1", "P", NULL);
	rate(a, "R3", "F", NULL);
	ASSERT_OK(itsma_assessment_set_target(a, 2, NULL));
	r = score(a, ITSMA_EVIDENCE_POLICY_ADVISORY, NULL);
	check(r, c, other);
	/* scoped to P: G and R3 are outside */
	scoped = score(a, ITSMA_EVIDENCE_POLICY_ADVISORY, "P");
	check(scoped, c, other);
	CU_ASSERT_PTR_NULL(itsma_result_section_of(scoped, itsma_catalogue_find_section(c, "G")));
	CU_ASSERT_PTR_NULL(
	    itsma_result_requirement_of(scoped, itsma_catalogue_find_requirement(c, "R3")));
	/* the live scorer's result (default options: required policy, R1 has no evidence) */
	ASSERT_OK(itsma_scorer_new(&s, a, NULL, NULL));
	check(itsma_scorer_result(s), c, other);
	itsma_scorer_free(s);
	/* NULL in, NULL out */
	CU_ASSERT_PTR_NULL(itsma_result_catalogue(NULL));
	CU_ASSERT_PTR_NULL(itsma_result_section_of(NULL, itsma_catalogue_find_section(c, "P")));
	CU_ASSERT_PTR_NULL(itsma_result_section_of(r, NULL));
	CU_ASSERT_PTR_NULL(itsma_result_capability_gap_of(r, NULL));
	CU_ASSERT_PTR_NULL(itsma_gap_requirement_id(NULL));
	itsma_result_free(scoped);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(other);
	itsma_catalogue_free(c);
}

static const itsma_test_case tests[] = {
	{ "by_object", test_lookup__by_object },
	{ NULL, NULL },
};

ITSMA_TEST_MAIN("lookup", tests)
