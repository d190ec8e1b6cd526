/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Comparing two results (itsma_compare, scoring.md §8) and `itsma-diff/1`. The expected
 * figures are worked out by hand beside each check. Evidence "EV" (collected 2026-01-01,
 * no expiry) is current on both assessment dates.
 */
#include "harness.h"

#include <stdarg.h>

#include "fixture.h"

#define SHALL    ITSMA_OBLIGATION_SHALL
#define SHOULD   ITSMA_OBLIGATION_SHOULD
#define REQUIRED ITSMA_EVIDENCE_POLICY_REQUIRED
#define ADVISORY ITSMA_EVIDENCE_POLICY_ADVISORY

/*
 * cat: P (process): R1, R2, R3 shall, R4 should;  G: R5, R6, R7 shall;  Q (process): R8.
 *
 *            before (2026-05-20)        after (2026-11-20)
 *   R1       P   32.5 major             L  67.5 minor       improved, changed
 *   R2       L   67.5 minor             F  100  none        improved, closed
 *   R3       unassessed                 unassessed          unchanged
 *   R4       unassessed (should)        N  0 (should)       improved (assessed now)
 *   R5       F   100 none               L  67.5 minor       regressed, opened
 *   R6       excluded (rated F)         F  100              scope change: included
 *   R7       L   67.5                   excluded            scope change: excluded
 *   R8       F   100                    excluded (Q)        scope change: excluded
 */
static void build(itsma_catalogue **c_out, itsma_assessment **before, itsma_assessment **after)
{
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *b, *a;

	sec(c, NULL, "P", 1, 1);
	req(c, "P", "R1", 1, SHALL);
	req(c, "P", "R2", 1, SHALL);
	req(c, "P", "R3", 1, SHALL);
	req(c, "P", "R4", 1, SHOULD);
	sec(c, NULL, "G", 1, 0);
	req(c, "G", "R5", 1, SHALL);
	req(c, "G", "R6", 1, SHALL);
	req(c, "G", "R7", 1, SHALL);
	sec(c, NULL, "Q", 1, 1);
	req(c, "Q", "R8", 1, SHALL);

	b = asm_new(c);
	ASSERT_OK(itsma_assessment_set_id(b, "acme-2026-q2", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_date(b, "2026-05-20", ASSERT_ERR));
	rate(b, "R1", "P", "EV", NULL);
	rate(b, "R2", "L", "EV", NULL);
	rate(b, "R5", "F", "EV", NULL);
	rate(b, "R6", "F", "EV", NULL);
	rate(b, "R7", "L", "EV", NULL);
	rate(b, "R8", "F", "EV", NULL);
	exclude(b, "R6");

	a = asm_new(c);
	ASSERT_OK(itsma_assessment_set_id(a, "acme-2026-q4", ASSERT_ERR));
	rate(a, "R1", "L", "EV", NULL);
	rate(a, "R2", "F", "EV", NULL);
	rate(a, "R4", "N", NULL);
	rate(a, "R5", "L", "EV", NULL);
	rate(a, "R6", "F", "EV", NULL);
	exclude(a, "R7");
	exclude(a, "Q");
	*c_out = c;
	*before = b;
	*after = a;
}

static itsma_diff *compare(const itsma_result *b, const itsma_result *a)
{
	itsma_diff *d = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	if (itsma_compare(&d, b, a, &err) != 0)
		fprintf(stderr, "\nitsma_compare: %s\n", err.message);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	return d;
}

static const char *id_of(const itsma_requirement_diff *q) { return itsma_requirement_diff_id(q); }

/* Per requirement: before and after, improved / regressed / unchanged. */
static void test_diff__requirements(void)
{
	itsma_catalogue *c;
	itsma_assessment *b, *a;
	itsma_result *rb, *ra;
	itsma_diff *d;
	const itsma_requirement_diff *q;

	build(&c, &b, &a);
	rb = score(b, REQUIRED, NULL);
	ra = score(a, REQUIRED, NULL);
	d = compare(rb, ra);
	CU_ASSERT_PTR_EQUAL(itsma_diff_before(d), rb);
	CU_ASSERT_PTR_EQUAL(itsma_diff_after(d), ra);
	CU_ASSERT_EQUAL_FATAL(itsma_diff_requirement_count(d), 5);
	q = itsma_diff_requirement_at(d, 0);
	CU_ASSERT_STRING_EQUAL(id_of(q), "R1");
	CU_ASSERT_EQUAL(itsma_requirement_diff_change(q), ITSMA_CHANGE_IMPROVED);
	CU_ASSERT_PTR_EQUAL(itsma_requirement_diff_before(q),
	                    itsma_result_find_requirement(rb, "R1"));
	CU_ASSERT_PTR_EQUAL(itsma_requirement_diff_after(q),
	                    itsma_result_find_requirement(ra, "R1"));
	ASSERT_NEAR(itsma_requirement_diff_difference(q), 35); /* 67.5 - 32.5 */
	CU_ASSERT_EQUAL(itsma_requirement_diff_change(itsma_diff_requirement_at(d, 1)),
	                ITSMA_CHANGE_IMPROVED); /* R2 */
	q = itsma_diff_requirement_at(d, 2);
	CU_ASSERT_STRING_EQUAL(id_of(q), "R3");
	CU_ASSERT_EQUAL(itsma_requirement_diff_change(q), ITSMA_CHANGE_UNCHANGED);
	CU_ASSERT_DOUBLE_EQUAL(itsma_requirement_diff_difference(q), 0, 0);
	q = itsma_diff_requirement_at(d, 3);
	CU_ASSERT_STRING_EQUAL(id_of(q), "R4"); /* 0 -> 0, but assessed now */
	CU_ASSERT_EQUAL(itsma_requirement_diff_change(q), ITSMA_CHANGE_IMPROVED);
	q = itsma_diff_requirement_at(d, 4);
	CU_ASSERT_STRING_EQUAL(id_of(q), "R5");
	CU_ASSERT_EQUAL(itsma_requirement_diff_change(q), ITSMA_CHANGE_REGRESSED);
	ASSERT_NEAR(itsma_requirement_diff_difference(q), -32.5);
	CU_ASSERT_PTR_NULL(itsma_diff_requirement_at(d, 5));
	CU_ASSERT_EQUAL(itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_IMPROVED), 3);
	CU_ASSERT_EQUAL(itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_REGRESSED), 1);
	CU_ASSERT_EQUAL(itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_UNCHANGED), 1);
	CU_ASSERT_EQUAL(itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_COUNT), 0);
	/* O(1) lookup covers requirement entries and scope changes */
	CU_ASSERT_PTR_EQUAL(itsma_diff_find_requirement(d, "R5"), itsma_diff_requirement_at(d, 4));
	CU_ASSERT_PTR_EQUAL(itsma_diff_find_requirement(d, "R7"), itsma_diff_scope_change_at(d, 1));
	CU_ASSERT_PTR_NULL(itsma_diff_find_requirement(d, "P"));
	itsma_diff_free(d);
	itsma_result_free(ra);
	itsma_result_free(rb);
	itsma_assessment_free(a);
	itsma_assessment_free(b);
	itsma_catalogue_free(c);
}

/* Scope changes (excluded on one side only) are listed apart. */
static void test_diff__scope_changes(void)
{
	itsma_catalogue *c;
	itsma_assessment *b, *a;
	itsma_result *rb, *ra;
	itsma_diff *d;
	const itsma_requirement_diff *q;

	build(&c, &b, &a);
	rb = score(b, REQUIRED, NULL);
	ra = score(a, REQUIRED, NULL);
	d = compare(rb, ra);
	CU_ASSERT_EQUAL_FATAL(itsma_diff_scope_change_count(d), 3);
	CU_ASSERT_EQUAL(itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_SCOPE_CHANGES), 3);
	q = itsma_diff_scope_change_at(d, 0);
	CU_ASSERT_STRING_EQUAL(id_of(q), "R6");
	CU_ASSERT_EQUAL(itsma_requirement_diff_change(q), ITSMA_CHANGE_INCLUDED);
	CU_ASSERT_EQUAL(itsma_requirement_result_status(itsma_requirement_diff_before(q)),
	                ITSMA_STATUS_EXCLUDED);
	CU_ASSERT(isnan(itsma_requirement_diff_difference(q)));
	q = itsma_diff_scope_change_at(d, 1);
	CU_ASSERT_STRING_EQUAL(id_of(q), "R7");
	CU_ASSERT_EQUAL(itsma_requirement_diff_change(q), ITSMA_CHANGE_EXCLUDED);
	q = itsma_diff_scope_change_at(d, 2);
	CU_ASSERT_STRING_EQUAL(id_of(q), "R8");
	CU_ASSERT_EQUAL(itsma_requirement_diff_change(q), ITSMA_CHANGE_EXCLUDED);
	CU_ASSERT_PTR_NULL(itsma_diff_scope_change_at(d, 3));
	itsma_diff_free(d);

	/* a section-scoped result lists only its section: the rest is out of scope there */
	itsma_result_free(ra);
	ra = score(a, REQUIRED, "P");
	d = compare(rb, ra);
	/* R1..R4, and R6: out of scope on both sides (excluded before, not listed after) */
	CU_ASSERT_EQUAL(itsma_diff_requirement_count(d), 5);
	/* R5, R7, R8 applicable before only */
	CU_ASSERT_EQUAL(itsma_diff_scope_change_count(d), 3);
	q = itsma_diff_find_requirement(d, "R5");
	CU_ASSERT_EQUAL(itsma_requirement_diff_change(q), ITSMA_CHANGE_EXCLUDED);
	CU_ASSERT_PTR_NULL(itsma_requirement_diff_after(q));
	q = itsma_diff_find_requirement(d, "R6");
	CU_ASSERT_EQUAL(itsma_requirement_diff_change(q), ITSMA_CHANGE_UNCHANGED);
	CU_ASSERT_EQUAL(itsma_diff_process_count(d), 2); /* P, and Q before only */
	itsma_diff_free(d);
	itsma_result_free(ra);
	itsma_result_free(rb);
	itsma_assessment_free(a);
	itsma_assessment_free(b);
	itsma_catalogue_free(c);
}

/* Summary: every compliance figure before, after, difference; verdicts; nonconformities. */
static void test_diff__summary(void)
{
	itsma_catalogue *c;
	itsma_assessment *b, *a;
	itsma_result *rb, *ra;
	itsma_diff *d;
	const itsma_nonconformity_diff *n;

	build(&c, &b, &a);
	rb = score(b, REQUIRED, NULL);
	ra = score(a, REQUIRED, NULL);
	d = compare(rb, ra);
	/* before: P = (32.5 + 67.5 + 0 + 0) / 4 = 25; G = (100 + 67.5) / 2 = 83.75; Q = 100;
	 *         default (25 + 83.75 + 100) / 3 = 69.58333...
	 * after:  P = (67.5 + 100 + 0 + 0) / 4 = 41.875; G = (67.5 + 100) / 2 = 83.75;
	 *         default (41.875 + 83.75) / 2 = 62.8125 */
	ASSERT_NEAR(itsma_diff_compliance_before(d, ITSMA_MODEL_DEFAULT), 208.75 / 3);
	ASSERT_NEAR(itsma_diff_compliance_after(d, ITSMA_MODEL_DEFAULT), 62.8125);
	ASSERT_NEAR(itsma_diff_compliance_difference(d, ITSMA_MODEL_DEFAULT), 62.8125 - 208.75 / 3);
	/* flat: before 367.5 / 7 = 52.5, after 335 / 6 = 55.8333..., difference 3.3333... */
	ASSERT_NEAR(itsma_diff_compliance_before(d, ITSMA_MODEL_FLAT), 52.5);
	ASSERT_NEAR(itsma_diff_compliance_difference(d, ITSMA_MODEL_FLAT), 335.0 / 6 - 52.5);
	/* should: R4 alone, 0 both */
	CU_ASSERT_DOUBLE_EQUAL(itsma_diff_compliance_difference(d, ITSMA_MODEL_SHOULD), 0, 0);
	CU_ASSERT_EQUAL(itsma_diff_verdict_before(d), ITSMA_VERDICT_NONCONFORMANT);
	CU_ASSERT_EQUAL(itsma_diff_verdict_after(d), ITSMA_VERDICT_INCOMPLETE);
	/* nonconformities: R1 major -> minor changed, R2 minor -> none closed, R5 none -> minor
	 * opened */
	CU_ASSERT_EQUAL(itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_NC_CLOSED), 1);
	CU_ASSERT_EQUAL(itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_NC_OPENED), 1);
	CU_ASSERT_EQUAL(itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_NC_CHANGED), 1);
	CU_ASSERT_EQUAL_FATAL(itsma_diff_nonconformity_count(d), 3);
	n = itsma_diff_nonconformity_at(d, 0);
	CU_ASSERT_STRING_EQUAL(itsma_nonconformity_diff_id(n), "R1");
	CU_ASSERT_EQUAL(itsma_nonconformity_diff_change(n), ITSMA_NONCONFORMITY_CHANGE_CHANGED);
	CU_ASSERT_EQUAL(itsma_nonconformity_diff_before(n), ITSMA_NONCONFORMITY_MAJOR);
	CU_ASSERT_EQUAL(itsma_nonconformity_diff_after(n), ITSMA_NONCONFORMITY_MINOR);
	n = itsma_diff_nonconformity_at(d, 1);
	CU_ASSERT_STRING_EQUAL(itsma_nonconformity_diff_id(n), "R2");
	CU_ASSERT_EQUAL(itsma_nonconformity_diff_change(n), ITSMA_NONCONFORMITY_CHANGE_CLOSED);
	n = itsma_diff_nonconformity_at(d, 2);
	CU_ASSERT_STRING_EQUAL(itsma_nonconformity_diff_id(n), "R5");
	CU_ASSERT_EQUAL(itsma_nonconformity_diff_change(n), ITSMA_NONCONFORMITY_CHANGE_OPENED);
	CU_ASSERT_EQUAL(itsma_nonconformity_diff_before(n), ITSMA_NONCONFORMITY_NONE);
	CU_ASSERT_PTR_NULL(itsma_diff_nonconformity_at(d, 3));
	CU_ASSERT_STRING_EQUAL(itsma_nonconformity_change_name(ITSMA_NONCONFORMITY_CHANGE_OPENED),
	                       "opened");
	itsma_diff_free(d);
	itsma_result_free(ra);
	itsma_result_free(rb);
	itsma_assessment_free(a);
	itsma_assessment_free(b);
	itsma_catalogue_free(c);
}

/* Capability level per process, before and after. */
static void test_diff__processes(void)
{
	itsma_catalogue *c;
	itsma_assessment *b, *a;
	itsma_result *rb, *ra;
	itsma_diff *d;
	const itsma_process_diff *p;

	build(&c, &b, &a);
	ASSERT_OK(itsma_assessment_set_target(a, 2, ASSERT_ERR));
	rb = score(b, REQUIRED, NULL);
	ra = score(a, REQUIRED, NULL);
	d = compare(rb, ra);
	CU_ASSERT_EQUAL_FATAL(itsma_diff_process_count(d), 2);
	/* P: PA1.1 before (32.5 + 67.5 + 0) / 3 = 33.3 P -> 0; after (67.5 + 100 + 0) / 3 = 55.8 L
	 * -> 1 */
	p = itsma_diff_process_at(d, 0);
	CU_ASSERT_STRING_EQUAL(itsma_process_diff_id(p), "P");
	CU_ASSERT_EQUAL(itsma_process_diff_level_before(p), 0);
	CU_ASSERT_EQUAL(itsma_process_diff_level_after(p), 1);
	CU_ASSERT_EQUAL(itsma_process_diff_target_before(p), -1);
	CU_ASSERT_EQUAL(itsma_process_diff_target_after(p), 2);
	CU_ASSERT_EQUAL(itsma_process_diff_change(p), ITSMA_CHANGE_IMPROVED);
	/* Q: level 1 before (PA1.1 = R8 = F), excluded after */
	p = itsma_diff_process_at(d, 1);
	CU_ASSERT_STRING_EQUAL(itsma_process_diff_id(p), "Q");
	CU_ASSERT_EQUAL(itsma_process_diff_level_before(p), 1);
	CU_ASSERT_EQUAL(itsma_process_diff_level_after(p), -1);
	CU_ASSERT_EQUAL(itsma_process_diff_change(p), ITSMA_CHANGE_EXCLUDED);
	CU_ASSERT_PTR_NULL(itsma_diff_process_at(d, 2));
	CU_ASSERT_EQUAL(itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_PROCESSES_IMPROVED), 1);
	CU_ASSERT_EQUAL(itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_PROCESSES_REGRESSED), 0);
	itsma_diff_free(d);
	/* compared with itself: all unchanged */
	d = compare(ra, ra);
	CU_ASSERT_EQUAL(itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_PROCESSES_UNCHANGED), 1);
	CU_ASSERT_EQUAL(itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_UNCHANGED),
	                8); /* R7, R8 out on both */
	CU_ASSERT_EQUAL(itsma_diff_scope_change_count(d), 0);
	CU_ASSERT_EQUAL(itsma_diff_nonconformity_count(d), 0);
	itsma_diff_free(d);
	itsma_result_free(ra);
	itsma_result_free(rb);
	itsma_assessment_free(a);
	itsma_assessment_free(b);
	itsma_catalogue_free(c);
}

/* A status change that leaves the achievement as it was is unchanged. */
static void test_diff__status_only_change(void)
{
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *a;
	itsma_result *r1, *r2;
	itsma_diff *d;

	sec(c, NULL, "G", 1, 0);
	req(c, "G", "R1", 1, SHALL);
	a = asm_new(c);
	rate(a, "R1", "L", "EV", NULL);
	r1 = score(a, ADVISORY, NULL);
	ev(a, "E-OLD", "2020-01-01", "2020-12-31");
	rate(a, "R1", "L", "E-OLD", NULL); /* unsupported now, still 67.5 under advisory */
	r2 = score(a, ADVISORY, NULL);
	d = compare(r1, r2);
	CU_ASSERT_EQUAL(itsma_requirement_diff_change(itsma_diff_find_requirement(d, "R1")),
	                ITSMA_CHANGE_UNCHANGED);
	CU_ASSERT_EQUAL(itsma_requirement_result_status(
	                    itsma_requirement_diff_after(itsma_diff_find_requirement(d, "R1"))),
	                ITSMA_STATUS_UNSUPPORTED);
	itsma_diff_free(d);
	itsma_result_free(r2);
	r2 = score(a, REQUIRED, NULL); /* under required it drops to 0: regressed */
	d = compare(r1, r2);
	CU_ASSERT_EQUAL(itsma_requirement_diff_change(itsma_diff_find_requirement(d, "R1")),
	                ITSMA_CHANGE_REGRESSED);
	CU_ASSERT_EQUAL(itsma_nonconformity_diff_change(itsma_diff_nonconformity_at(d, 0)),
	                ITSMA_NONCONFORMITY_CHANGE_CHANGED); /* minor -> major */
	itsma_diff_free(d);
	itsma_result_free(r1);
	itsma_result_free(r2);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Different catalogue ids: an error that names both. */
static void test_diff__different_catalogues(void)
{
	itsma_catalogue *c1 = cat_new("cat-one"), *c2 = cat_new("cat-two"),
	                *c3 = cat_new("cat-one");
	itsma_assessment *a1, *a2, *a3;
	itsma_result *r1, *r2, *r3;
	itsma_diff *d = (itsma_diff *)&d;
	itsma_error err = ITSMA_ERROR_INIT;

	sec(c1, NULL, "G", 1, 0);
	req(c1, "G", "R1", 1, SHALL);
	sec(c2, NULL, "G", 1, 0);
	req(c2, "G", "R1", 1, SHALL);
	sec(c3, NULL, "G", 1, 0); /* another copy (a new version) with the same id */
	req(c3, "G", "R1", 1, SHALL);
	req(c3, "G", "R2", 1, SHALL);
	a1 = asm_new(c1);
	a2 = asm_new(c2);
	a3 = asm_new(c3);
	rate(a3, "R1", "F", "EV", NULL);
	r1 = score(a1, REQUIRED, NULL);
	r2 = score(a2, REQUIRED, NULL);
	r3 = score(a3, REQUIRED, NULL);
	CU_ASSERT_EQUAL(itsma_compare(&d, r1, r2, &err), ITSMA_EINVAL);
	CU_ASSERT_PTR_NULL(d);
	CU_ASSERT_EQUAL(err.code, ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "cat-one"));
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "cat-two"));
	CU_ASSERT_EQUAL(itsma_compare(&d, r1, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_compare(NULL, r1, r1, &err), ITSMA_EINVAL);
	/* same id, separate objects: matched by id; R2 exists after only */
	d = compare(r1, r3);
	CU_ASSERT_EQUAL(itsma_requirement_diff_change(itsma_diff_find_requirement(d, "R1")),
	                ITSMA_CHANGE_IMPROVED);
	CU_ASSERT_EQUAL(itsma_requirement_diff_change(itsma_diff_find_requirement(d, "R2")),
	                ITSMA_CHANGE_INCLUDED);
	CU_ASSERT_PTR_NULL(itsma_requirement_diff_before(itsma_diff_find_requirement(d, "R2")));
	itsma_diff_free(d);
	itsma_diff_free(NULL);
	itsma_result_free(r1);
	itsma_result_free(r2);
	itsma_result_free(r3);
	itsma_assessment_free(a1);
	itsma_assessment_free(a2);
	itsma_assessment_free(a3);
	itsma_catalogue_free(c1);
	itsma_catalogue_free(c2);
	itsma_catalogue_free(c3);
}

/* itsma-diff/1 bytes for the fixture (docs/diff-format.md). */
static void test_diff__json_golden(void)
{
	static const char *const expected_lines[] = {
		"{\n", "  \"format\": \"itsma-diff/1\",\n", "  \"catalogue\": \"cat\",\n",
		"  \"before\": {\n", "    \"assessment\": \"acme-2026-q2\",\n",
		"    \"date\": \"2026-05-20\",\n", "    \"policy\": {\n",
		"      \"evidence\": \"required\"\n", "    }\n", "  },\n", "  \"after\": {\n",
		"    \"assessment\": \"acme-2026-q4\",\n", "    \"date\": \"2026-11-20\",\n",
		"    \"policy\": {\n", "      \"evidence\": \"required\"\n", "    }\n", "  },\n",
		"  \"summary\": {\n", "    \"compliance\": {\n",
		/* 69.5833333 -> 62.8125: -6.7708333 (rounded to 1e-9) */
		"      \"default\": { \"before\": 69.58333333333333, \"after\": 62.8125, "
		"\"difference\": -6.770833333 },\n",
		/* 52.5 -> 55.8333333: 3.3333333 */
		"      \"flat\": { \"before\": 52.5, \"after\": 55.833333333333336, "
		"\"difference\": 3.333333333 },\n",
		"      \"flat_unweighted\": { \"before\": 52.5, \"after\": 55.833333333333336, "
		"\"difference\": 3.333333333 },\n",
		"      \"absolute\": { \"before\": 0, \"after\": 0, \"difference\": 0 },\n",
		/* shall: (33.333 + 83.75 + 100) / 3 = 72.3611 -> (55.8333 + 83.75) / 2 = 69.7917 */
		"      \"shall\": { \"before\": 72.36111111111111, \"after\": 69.79166666666667, "
		"\"difference\": -2.569444444 },\n",
		"      \"should\": { \"before\": 0, \"after\": 0, \"difference\": 0 }\n",
		"    },\n", "    \"verdict\": {\n", "      \"before\": \"nonconformant\",\n",
		"      \"after\": \"incomplete\"\n", "    },\n", "    \"requirements\": {\n",
		"      \"improved\": 3,\n", "      \"regressed\": 1,\n",
		"      \"unchanged\": 1,\n", "      \"scope_changes\": 3\n", "    },\n",
		"    \"nonconformities\": {\n", "      \"closed\": 1,\n", "      \"opened\": 1,\n",
		"      \"changed\": 1\n", "    },\n", "    \"capability\": {\n",
		"      \"improved\": 1,\n", "      \"regressed\": 0,\n", "      \"unchanged\": 0\n",
		"    }\n", "  },\n", "  \"requirements\": [\n", "    {\n",
		"      \"id\": \"R1\",\n", "      \"change\": \"improved\",\n",
		"      \"difference\": 35,\n",
		"      \"before\": { \"status\": \"rated\", \"achievement\": 32.5, \"rating\": "
		"\"P\", \"nonconformity\": \"major\" },\n",
		"      \"after\": { \"status\": \"rated\", \"achievement\": 67.5, \"rating\": "
		"\"L\", \"nonconformity\": \"minor\" }\n",
		"    },\n", "    {\n", "      \"id\": \"R2\",\n",
		"      \"change\": \"improved\",\n", "      \"difference\": 32.5,\n",
		"      \"before\": { \"status\": \"rated\", \"achievement\": 67.5, \"rating\": "
		"\"L\", \"nonconformity\": \"minor\" },\n",
		"      \"after\": { \"status\": \"rated\", \"achievement\": 100, \"rating\": "
		"\"F\", \"nonconformity\": \"none\" }\n",
		"    },\n", "    {\n", "      \"id\": \"R3\",\n",
		"      \"change\": \"unchanged\",\n", "      \"difference\": 0,\n",
		"      \"before\": { \"status\": \"unassessed\", \"achievement\": 0, \"rating\": "
		"\"N\", \"nonconformity\": \"unassessed\" },\n",
		"      \"after\": { \"status\": \"unassessed\", \"achievement\": 0, \"rating\": "
		"\"N\", \"nonconformity\": \"unassessed\" }\n",
		"    },\n", "    {\n", "      \"id\": \"R4\",\n",
		"      \"change\": \"improved\",\n", "      \"difference\": 0,\n",
		"      \"before\": { \"status\": \"unassessed\", \"achievement\": 0, \"rating\": "
		"\"N\", \"nonconformity\": null },\n",
		"      \"after\": { \"status\": \"rated\", \"achievement\": 0, \"rating\": \"N\", "
		"\"nonconformity\": null }\n",
		"    },\n", "    {\n", "      \"id\": \"R5\",\n",
		"      \"change\": \"regressed\",\n", "      \"difference\": -32.5,\n",
		"      \"before\": { \"status\": \"rated\", \"achievement\": 100, \"rating\": "
		"\"F\", \"nonconformity\": \"none\" },\n",
		"      \"after\": { \"status\": \"rated\", \"achievement\": 67.5, \"rating\": "
		"\"L\", \"nonconformity\": \"minor\" }\n",
		"    }\n", "  ],\n", "  \"scope_changes\": [\n", "    {\n",
		"      \"id\": \"R6\",\n", "      \"change\": \"included\",\n",
		"      \"difference\": null,\n",
		"      \"before\": { \"status\": \"excluded\", \"achievement\": null, \"rating\": "
		"null, \"nonconformity\": null },\n",
		"      \"after\": { \"status\": \"rated\", \"achievement\": 100, \"rating\": "
		"\"F\", \"nonconformity\": \"none\" }\n",
		"    },\n", "    {\n", "      \"id\": \"R7\",\n",
		"      \"change\": \"excluded\",\n", "      \"difference\": null,\n",
		"      \"before\": { \"status\": \"rated\", \"achievement\": 67.5, \"rating\": "
		"\"L\", \"nonconformity\": \"minor\" },\n",
		"      \"after\": { \"status\": \"excluded\", \"achievement\": null, \"rating\": "
		"null, \"nonconformity\": null }\n",
		"    },\n", "    {\n", "      \"id\": \"R8\",\n",
		"      \"change\": \"excluded\",\n", "      \"difference\": null,\n",
		"      \"before\": { \"status\": \"rated\", \"achievement\": 100, \"rating\": "
		"\"F\", \"nonconformity\": \"none\" },\n",
		"      \"after\": { \"status\": \"excluded\", \"achievement\": null, \"rating\": "
		"null, \"nonconformity\": null }\n",
		"    }\n", "  ],\n", "  \"processes\": [\n", "    {\n", "      \"id\": \"P\",\n",
		"      \"change\": \"improved\",\n", "      \"before\": 0,\n",
		"      \"after\": 1,\n", "      \"target_before\": null,\n",
		"      \"target_after\": null\n", "    },\n", "    {\n", "      \"id\": \"Q\",\n",
		"      \"change\": \"excluded\",\n", "      \"before\": 1,\n",
		"      \"after\": null,\n", "      \"target_before\": null,\n",
		"      \"target_after\": null\n", "    }\n", "  ],\n", "  \"nonconformities\": [\n",
		"    {\n", "      \"requirement\": \"R1\",\n", "      \"change\": \"changed\",\n",
		"      \"before\": \"major\",\n", "      \"after\": \"minor\"\n", "    },\n",
		"    {\n", "      \"requirement\": \"R2\",\n", "      \"change\": \"closed\",\n",
		"      \"before\": \"minor\",\n", "      \"after\": \"none\"\n", "    },\n",
		"    {\n", "      \"requirement\": \"R5\",\n", "      \"change\": \"opened\",\n",
		"      \"before\": \"none\",\n", "      \"after\": \"minor\"\n", "    }\n", "  ]\n",
		"}\n", NULL
	};
	itsma_catalogue *c;
	itsma_assessment *b, *a;
	itsma_result *rb, *ra;
	itsma_diff *d;
	char *json = NULL, *again = NULL;
	char expected[8192] = "";
	size_t i;

	for (i = 0; expected_lines[i]; i++)
		strcat(expected, expected_lines[i]);
	build(&c, &b, &a);
	rb = score(b, REQUIRED, NULL);
	ra = score(a, REQUIRED, NULL);
	d = compare(rb, ra);
	ASSERT_OK(itsma_diff_to_json(&json, d, ASSERT_ERR));
	if (strcmp(json, expected) != 0)
		fprintf(stderr, "\n--- got:\n%s--- expected:\n%s", json, expected);
	CU_ASSERT_STRING_EQUAL(json, expected);
	itsma_diff_free(d);
	d = compare(rb, ra);
	ASSERT_OK(itsma_diff_to_json(&again, d, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(json, again); /* same inputs, same bytes */
	itsma_free(again);
	itsma_free(json);
	json = (char *)&json;
	CU_ASSERT_EQUAL(itsma_diff_to_json(&json, NULL, NULL), ITSMA_EINVAL);
	CU_ASSERT_PTR_NULL(json);
	CU_ASSERT_STRING_EQUAL(itsma_change_name(ITSMA_CHANGE_INCLUDED), "included");
	{
		itsma_change ch;
		CU_ASSERT_EQUAL(itsma_change_parse(&ch, "regressed", NULL), 0);
		CU_ASSERT_EQUAL(ch, ITSMA_CHANGE_REGRESSED);
		CU_ASSERT_EQUAL(itsma_change_parse(&ch, "better", NULL), ITSMA_EINVAL);
	}
	itsma_diff_free(d);
	itsma_result_free(ra);
	itsma_result_free(rb);
	itsma_assessment_free(a);
	itsma_assessment_free(b);
	itsma_catalogue_free(c);
}

/* Every allocation failure: ITSMA_ENOMEM, *out NULL, nothing leaked. */
static void test_diff__allocation_failures(void)
{
	itsma_catalogue *c;
	itsma_assessment *b, *a;
	itsma_result *rb, *ra;
	long n;
	int done = 0;

#ifdef NO_HOOK
	return;
#endif
	build(&c, &b, &a);
	rb = score(b, REQUIRED, NULL);
	ra = score(a, REQUIRED, NULL);
	for (n = 0; !done && n < 100000; n++) {
		itsma_diff *d = NULL;
		char *json = NULL;
		itsma_error err = ITSMA_ERROR_INIT;
		long base = live_blocks;
		int rc, made;
		alloc_calls = 0;
		fail_countdown = n;
		rc = itsma_compare(&d, rb, ra, &err);
		made = rc == 0;
		if (made)
			rc = itsma_diff_to_json(&json, d, &err);
		fail_countdown = -1;
		if (alloc_calls <= n) {
			CU_ASSERT_EQUAL(rc, 0);
			done = 1;
		} else {
			CU_ASSERT_EQUAL(rc, ITSMA_ENOMEM);
			CU_ASSERT_EQUAL(err.code, ITSMA_ENOMEM);
			CU_ASSERT_PTR_NULL(json);
			if (!made)
				CU_ASSERT_PTR_NULL(d);
		}
		itsma_free(json);
		itsma_diff_free(d);
		CU_ASSERT_EQUAL(live_blocks, base);
	}
	CU_ASSERT(done);
	itsma_result_free(ra);
	itsma_result_free(rb);
	itsma_assessment_free(a);
	itsma_assessment_free(b);
	itsma_catalogue_free(c);
}

static const itsma_test_case tests[] = { { "requirements", test_diff__requirements },
	                                 { "scope_changes", test_diff__scope_changes },
	                                 { "summary", test_diff__summary },
	                                 { "processes", test_diff__processes },
	                                 { "status_only_change", test_diff__status_only_change },
	                                 { "different_catalogues",
	                                   test_diff__different_catalogues },
	                                 { "json_golden", test_diff__json_golden },
	                                 { "allocation_failures", test_diff__allocation_failures },
	                                 { NULL, NULL } };

ITSMA_TEST_MAIN("diff", tests)
