/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Scoring (scoring.md): one test per rule, on fixtures built in code. The expected
 * figures are worked out by hand in the comment beside each assertion.
 *
 * All assessments are dated 2026-11-20; evidence "EV" (collected 2026-01-01, no
 * expiry) is current.
 */
#include "harness.h"

#include <stdarg.h>

#include "fixture.h"

static const itsma_requirement_result *rq(const itsma_result *r, const char *id)
{
	const itsma_requirement_result *q = itsma_result_find_requirement(r, id);
	CU_ASSERT_PTR_NOT_NULL_FATAL(q);
	return q;
}

static const itsma_section_result *sc(const itsma_result *r, const char *id)
{
	const itsma_section_result *s = itsma_result_find_section(r, id);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	return s;
}

static double ach(const itsma_result *r, const char *id)
{
	return itsma_requirement_result_achievement(rq(r, id));
}

static double compliance(const itsma_result *r, itsma_model m)
{
	return itsma_result_compliance(r, m);
}

#define SHALL    ITSMA_OBLIGATION_SHALL
#define SHOULD   ITSMA_OBLIGATION_SHOULD
#define REQUIRED ITSMA_EVIDENCE_POLICY_REQUIRED
#define ADVISORY ITSMA_EVIDENCE_POLICY_ADVISORY

/* One group G holding one requirement per rating given: R0, R1, ... */
static void one_group(itsma_catalogue **c_out, itsma_assessment **a_out)
{
	*c_out = cat_new("cat");
	sec(*c_out, NULL, "G", 1, 0);
	*a_out = NULL;
}

/* ---- §1 ratings and achievement -------------------------------------------------------------- */

/* Every letter stands for its value; results report the band letter. */
static void test_score__letter_values(void)
{
	static const char *letters[] = { "N", "P-", "P", "P+", "L-", "L", "L+", "F" };
	static const double values[] = { 0, 23.75, 32.5, 41.25, 58.75, 67.5, 76.25, 100 };
	static const itsma_letter bands[] = { ITSMA_LETTER_N, ITSMA_LETTER_P, ITSMA_LETTER_P,
		                              ITSMA_LETTER_P, ITSMA_LETTER_L, ITSMA_LETTER_L,
		                              ITSMA_LETTER_L, ITSMA_LETTER_F };
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *a;
	itsma_result *r;
	char id[8];
	int i;

	sec(c, NULL, "G", 1, 0);
	for (i = 0; i < 8; i++) {
		snprintf(id, sizeof id, "R%d", i);
		req(c, "G", id, 1, SHALL);
	}
	a = asm_new(c);
	for (i = 0; i < 8; i++) {
		snprintf(id, sizeof id, "R%d", i);
		rate(a, id, letters[i], "EV", NULL);
	}
	r = score(a, REQUIRED, NULL);
	for (i = 0; i < 8; i++) {
		snprintf(id, sizeof id, "R%d", i);
		ASSERT_NEAR(ach(r, id), values[i]);
		CU_ASSERT_EQUAL(itsma_requirement_result_letter(rq(r, id)), bands[i]);
		CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r, id)), ITSMA_STATUS_RATED);
	}
	/* G = (0 + 23.75 + 32.5 + 41.25 + 58.75 + 67.5 + 76.25 + 100) / 8 = 400 / 8 = 50 -> P */
	ASSERT_NEAR(itsma_section_result_achievement(sc(r, "G")), 50);
	CU_ASSERT_EQUAL(itsma_section_result_letter(sc(r, "G")), ITSMA_LETTER_P);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Band edges: N 0..15, P ..50, L ..85, F above; a number is taken as it is. */
static void test_score__band_edges(void)
{
	static const char *ratings[] = { "0",  "15",        "15.000001", "50",  "50.000001",
		                         "85", "85.000001", "100",       "72.5" };
	static const itsma_letter bands[] = { ITSMA_LETTER_N, ITSMA_LETTER_N, ITSMA_LETTER_P,
		                              ITSMA_LETTER_P, ITSMA_LETTER_L, ITSMA_LETTER_L,
		                              ITSMA_LETTER_F, ITSMA_LETTER_F, ITSMA_LETTER_L };
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *a;
	itsma_result *r;
	char id[8];
	int i;

	sec(c, NULL, "G", 1, 0);
	for (i = 0; i < 9; i++) {
		snprintf(id, sizeof id, "R%d", i);
		req(c, "G", id, 1, SHALL);
	}
	a = asm_new(c);
	for (i = 0; i < 9; i++) {
		snprintf(id, sizeof id, "R%d", i);
		rate(a, id, ratings[i], "EV", NULL);
	}
	r = score(a, REQUIRED, NULL);
	for (i = 0; i < 9; i++) {
		snprintf(id, sizeof id, "R%d", i);
		CU_ASSERT_EQUAL(itsma_requirement_result_letter(rq(r, id)), bands[i]);
		CU_ASSERT_DOUBLE_EQUAL(ach(r, id), strtod(ratings[i], NULL), 0); /* as it is */
	}
	/* the smallest step above an edge already changes the band */
	CU_ASSERT_EQUAL(itsma_letter_from_achievement(nextafter(15, 100)), ITSMA_LETTER_P);
	CU_ASSERT_EQUAL(itsma_letter_from_achievement(nextafter(50, 100)), ITSMA_LETTER_L);
	CU_ASSERT_EQUAL(itsma_letter_from_achievement(nextafter(85, 100)), ITSMA_LETTER_F);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Letters come from unrounded values: a section at 85.0000001 is F, one at 85 is L. */
static void test_score__letters_from_unrounded_values(void)
{
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *a;
	itsma_result *r;

	sec(c, NULL, "A", 1, 0);
	req(c, "A", "A1", 1, SHALL);
	req(c, "A", "A2", 1, SHALL);
	sec(c, NULL, "B", 1, 0);
	req(c, "B", "B1", 1, SHALL);
	req(c, "B", "B2", 1, SHALL);
	a = asm_new(c);
	rate(a, "A1", "70", "EV", NULL);
	rate(a, "A2", "100", "EV", NULL);
	rate(a, "B1", "70.0000002", "EV", NULL);
	rate(a, "B2", "100", "EV", NULL);
	r = score(a, REQUIRED, NULL);
	/* A = (70 + 100) / 2 = 85 -> L; B = 85.0000001 -> F */
	ASSERT_NEAR(itsma_section_result_achievement(sc(r, "A")), 85);
	CU_ASSERT_EQUAL(itsma_section_result_letter(sc(r, "A")), ITSMA_LETTER_L);
	CU_ASSERT_EQUAL(itsma_section_result_letter(sc(r, "B")), ITSMA_LETTER_F);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* ---- §2 statuses ----------------------------------------------------------------------------- */

/* excluded, then unassessed, then unsupported, then rated. */
static void test_score__status_order(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;

	one_group(&c, &a);
	req(c, "G", "EXC", 1, SHALL);
	req(c, "G", "UNA", 1, SHALL);
	req(c, "G", "UNS", 1, SHALL);
	req(c, "G", "RAT", 1, SHALL);
	a = asm_new(c);
	rate(a, "EXC", "L", NULL); /* excluded wins over unsupported */
	exclude(a, "EXC");
	rate(a, "UNS", "L", NULL);
	rate(a, "RAT", "L", "EV", NULL);
	r = score(a, REQUIRED, NULL);
	CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r, "EXC")), ITSMA_STATUS_EXCLUDED);
	CU_ASSERT(isnan(ach(r, "EXC")));
	CU_ASSERT_EQUAL(itsma_requirement_result_letter(rq(r, "EXC")), ITSMA_LETTER_NONE);
	CU_ASSERT_EQUAL(itsma_requirement_result_nonconformity(rq(r, "EXC")),
	                ITSMA_NONCONFORMITY_NULL);
	CU_ASSERT_EQUAL(itsma_requirement_result_weight(rq(r, "EXC")), 0);
	CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r, "UNA")), ITSMA_STATUS_UNASSESSED);
	ASSERT_NEAR(ach(r, "UNA"), 0);
	CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r, "UNS")), ITSMA_STATUS_UNSUPPORTED);
	ASSERT_NEAR(ach(r, "UNS"), 0); /* required: 0 */
	CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r, "RAT")), ITSMA_STATUS_RATED);
	ASSERT_NEAR(ach(r, "RAT"), 67.5);
	CU_ASSERT_PTR_NOT_NULL(itsma_requirement_result_rating(rq(r, "RAT")));
	CU_ASSERT_PTR_NULL(itsma_requirement_result_rating(rq(r, "UNA")));
	/* counts: 4 total, 1 excluded, 3 applicable, one of each other status */
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_TOTAL), 4);
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_APPLICABLE), 3);
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_EXCLUDED), 1);
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_RATED), 1);
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_UNASSESSED), 1);
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_UNSUPPORTED), 1);
	/* G = (0 + 0 + 67.5) / 3 = 22.5 */
	ASSERT_NEAR(itsma_section_result_achievement(sc(r, "G")), 22.5);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* A rating of an excluded requirement is a warning, not an error. */
static void test_score__excluded_rating_warns(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;

	one_group(&c, &a);
	sec(c, "G", "G.1", 1, 1);
	req(c, "G", "R1", 1, SHALL);
	req(c, "G.1", "R2", 1, SHALL);
	a = asm_new(c);
	rate(a, "R1", "F", "EV", NULL);
	rate(a, "R2", "F", "EV", NULL);
	rate_pa(a, "G.1", ITSMA_PA2_1, "F", "EV", NULL);
	ASSERT_OK(itsma_assessment_put_exclusion(a, "G.1", "No such process here.", ASSERT_ERR));
	r = score(a, REQUIRED, NULL);
	CU_ASSERT_EQUAL(itsma_result_warning_count(r), 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(itsma_result_warning_at(r, 0), "R2"));
	CU_ASSERT_PTR_NOT_NULL(strstr(itsma_result_warning_at(r, 0), "No such process here."));
	CU_ASSERT_PTR_NOT_NULL(strstr(itsma_result_warning_at(r, 1), "G.1"));
	CU_ASSERT_PTR_NOT_NULL(strstr(itsma_result_warning_at(r, 1), "PA2.1"));
	CU_ASSERT_PTR_NULL(itsma_result_warning_at(r, 2));
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_DEFAULT), 100); /* R1 alone */
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Evidence is current when collected on or before the date and not expired before it. */
static void test_score__evidence_currency(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;

	one_group(&c, &a);
	req(c, "G", "ON_DAY", 1, SHALL);
	req(c, "G", "DAY_BEFORE", 1, SHALL);
	req(c, "G", "COLLECTED_AFTER", 1, SHALL);
	req(c, "G", "COLLECTED_ON_DAY", 1, SHALL);
	req(c, "G", "ONE_OF_TWO", 1, SHALL);
	req(c, "G", "NONE_CITED", 1, SHALL);
	a = asm_new(c);
	ev(a, "E-ON-DAY", "2026-01-01", "2026-11-20"); /* expires on the date: current */
	ev(a, "E-BEFORE", "2026-01-01", "2026-11-19"); /* expired the day before: not */
	ev(a, "E-AFTER", "2026-11-21", NULL);          /* collected after: not */
	ev(a, "E-TODAY", "2026-11-20", "2027-01-01");  /* collected on the date: current */
	rate(a, "ON_DAY", "F", "E-ON-DAY", NULL);
	rate(a, "DAY_BEFORE", "F", "E-BEFORE", NULL);
	rate(a, "COLLECTED_AFTER", "F", "E-AFTER", NULL);
	rate(a, "COLLECTED_ON_DAY", "F", "E-TODAY", NULL);
	rate(a, "ONE_OF_TWO", "F", "E-BEFORE", "E-ON-DAY", NULL); /* one current is enough */
	rate(a, "NONE_CITED", "F", NULL);
	r = score(a, REQUIRED, NULL);
	CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r, "ON_DAY")), ITSMA_STATUS_RATED);
	CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r, "DAY_BEFORE")),
	                ITSMA_STATUS_UNSUPPORTED);
	CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r, "COLLECTED_AFTER")),
	                ITSMA_STATUS_UNSUPPORTED);
	CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r, "COLLECTED_ON_DAY")),
	                ITSMA_STATUS_RATED);
	CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r, "ONE_OF_TWO")), ITSMA_STATUS_RATED);
	CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r, "NONE_CITED")),
	                ITSMA_STATUS_UNSUPPORTED);
	ASSERT_NEAR(ach(r, "ON_DAY"), 100);
	ASSERT_NEAR(ach(r, "DAY_BEFORE"), 0);
	/* (100 + 0 + 0 + 100 + 100 + 0) / 6 = 50 */
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_DEFAULT), 50);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* A rating of 0 (N) needs no evidence: rated, not unsupported. */
static void test_score__zero_rating_needs_no_evidence(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;

	one_group(&c, &a);
	req(c, "G", "R-N", 1, SHALL);
	req(c, "G", "R-0", 1, SHALL);
	a = asm_new(c);
	ev(a, "E-OLD", "2020-01-01", "2020-12-31");
	rate(a, "R-N", "N", NULL);
	rate(a, "R-0", "0", "E-OLD", NULL);
	r = score(a, REQUIRED, NULL);
	CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r, "R-N")), ITSMA_STATUS_RATED);
	CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r, "R-0")), ITSMA_STATUS_RATED);
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_UNSUPPORTED), 0);
	CU_ASSERT_EQUAL(itsma_requirement_result_nonconformity(rq(r, "R-N")),
	                ITSMA_NONCONFORMITY_MAJOR);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Unsupported counts 0 under "required" (the default) and its rating under "advisory". */
static void test_score__evidence_policy(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r1, *r2, *r3;

	one_group(&c, &a);
	req(c, "G", "R1", 1, SHALL);
	req(c, "G", "R2", 1, SHALL);
	a = asm_new(c);
	rate(a, "R1", "L", NULL); /* unsupported */
	rate(a, "R2", "F", "EV", NULL);
	r1 = score(a, REQUIRED, NULL);
	r2 = score(a, ADVISORY, NULL);
	CU_ASSERT_EQUAL(itsma_score(&r3, a, NULL, NULL), 0); /* NULL options: required */
	CU_ASSERT_EQUAL(itsma_result_policy(r1), ITSMA_EVIDENCE_POLICY_REQUIRED);
	CU_ASSERT_EQUAL(itsma_result_policy(r2), ITSMA_EVIDENCE_POLICY_ADVISORY);
	CU_ASSERT_EQUAL(itsma_result_policy(r3), ITSMA_EVIDENCE_POLICY_REQUIRED);
	/* required: R1 = 0, N, major; G = (0 + 100) / 2 = 50 */
	ASSERT_NEAR(ach(r1, "R1"), 0);
	CU_ASSERT_EQUAL(itsma_requirement_result_letter(rq(r1, "R1")), ITSMA_LETTER_N);
	CU_ASSERT_EQUAL(itsma_requirement_result_nonconformity(rq(r1, "R1")),
	                ITSMA_NONCONFORMITY_MAJOR);
	ASSERT_NEAR(compliance(r1, ITSMA_MODEL_DEFAULT), 50);
	ASSERT_NEAR(compliance(r3, ITSMA_MODEL_DEFAULT), 50);
	/* advisory: R1 = 67.5, still unsupported, L, minor; G = (67.5 + 100) / 2 = 83.75 */
	CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r2, "R1")), ITSMA_STATUS_UNSUPPORTED);
	ASSERT_NEAR(ach(r2, "R1"), 67.5);
	CU_ASSERT_EQUAL(itsma_requirement_result_nonconformity(rq(r2, "R1")),
	                ITSMA_NONCONFORMITY_MINOR);
	ASSERT_NEAR(compliance(r2, ITSMA_MODEL_DEFAULT), 83.75);
	CU_ASSERT_EQUAL(itsma_result_verdict(r1), ITSMA_VERDICT_NONCONFORMANT);
	CU_ASSERT_EQUAL(itsma_result_verdict(r2), ITSMA_VERDICT_CONDITIONAL);
	itsma_result_free(r1);
	itsma_result_free(r2);
	itsma_result_free(r3);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* ---- §3 roll-up ------------------------------------------------------------------------------ */

/*
 * G1 (w 1): R1 (w 1) F, R2 (w 3) N;  G2 (w 2): R3 (w 1) F   (XCCDF's worked example)
 */
static void build_xccdf(itsma_catalogue **c_out, itsma_assessment **a_out)
{
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *a;
	sec(c, NULL, "G1", 1, 0);
	req(c, "G1", "R1", 1, SHALL);
	req(c, "G1", "R2", 3, SHALL);
	sec(c, NULL, "G2", 2, 0);
	req(c, "G2", "R3", 1, SHOULD);
	a = asm_new(c);
	rate(a, "R1", "F", "EV", NULL);
	rate(a, "R2", "N", NULL);
	rate(a, "R3", "F", "EV", NULL);
	*c_out = c;
	*a_out = a;
}

/* default: weighted means of children, section by section. */
static void test_score__default_model(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;

	build_xccdf(&c, &a);
	r = score(a, REQUIRED, NULL);
	/* G1 = (1 x 100 + 3 x 0) / (1 + 3) = 25 */
	ASSERT_NEAR(itsma_section_result_achievement(sc(r, "G1")), 25);
	CU_ASSERT_EQUAL(itsma_section_result_letter(sc(r, "G1")), ITSMA_LETTER_P);
	/* G2 = 100 */
	ASSERT_NEAR(itsma_section_result_achievement(sc(r, "G2")), 100);
	/* catalogue = (1 x 25 + 2 x 100) / (1 + 2) = 225 / 3 = 75 */
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_DEFAULT), 75);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* flat: requirement weights only; flat_unweighted: plain mean; absolute: all F or 0. */
static void test_score__flat_and_absolute_models(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;

	build_xccdf(&c, &a);
	r = score(a, REQUIRED, NULL);
	/* flat = (1 x 100 + 3 x 0 + 1 x 100) / (1 + 3 + 1) = 200 / 5 = 40 */
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_FLAT), 40);
	/* flat_unweighted = (100 + 0 + 100) / 3 = 66.666... */
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_FLAT_UNWEIGHTED), 200.0 / 3);
	/* absolute: R2 is not F -> 0 */
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_ABSOLUTE), 0);
	itsma_result_free(r);

	rate(a, "R2", "85.5", "EV", NULL); /* F by value (a > 85) */
	r = score(a, REQUIRED, NULL);
	CU_ASSERT_DOUBLE_EQUAL(compliance(r, ITSMA_MODEL_ABSOLUTE), 100, 0);
	itsma_result_free(r);
	rate(a, "R2", "85", "EV", NULL); /* L: not F */
	r = score(a, REQUIRED, NULL);
	CU_ASSERT_DOUBLE_EQUAL(compliance(r, ITSMA_MODEL_ABSOLUTE), 0, 0);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* flat: the plain mean when every requirement weighs 0. */
static void test_score__flat_all_zero_weights(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;

	one_group(&c, &a);
	req(c, "G", "R1", 0, SHALL);
	req(c, "G", "R2", 0, SHALL);
	a = asm_new(c);
	rate(a, "R1", "F", "EV", NULL);
	rate(a, "R2", "P", "EV", NULL);
	r = score(a, REQUIRED, NULL);
	/* (100 + 32.5) / 2 = 66.25 */
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_FLAT), 66.25);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/*
 * XCCDF 1.2 (NISTIR 7275 rev. 4, 7.3.2.3 and 7.3.2.4): flat-unweighted gives every item of
 * weight above 0 the weight 1 and leaves weight-0 items out; absolute is 100 exactly when the
 * flat score reaches its maximum, so a failing weight-0 requirement does not matter.
 * (Before itsma 0.2 both counted weight-0 requirements: 50 and 0 here.)
 */
static void test_score__xccdf_weight_zero_flat_unweighted_and_absolute(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;

	one_group(&c, &a);
	req(c, "G", "R1", 1, SHALL);
	req(c, "G", "R2", 0.5, SHALL);
	req(c, "G", "R3", 0, SHALL);
	a = asm_new(c);
	rate(a, "R1", "F", "EV", NULL);
	rate(a, "R2", "F", "EV", NULL);
	rate(a, "R3", "N", NULL);
	r = score(a, REQUIRED, NULL);
	/* flat_unweighted over R1 and R2 only: (100 + 100) / 2 */
	CU_ASSERT_DOUBLE_EQUAL(compliance(r, ITSMA_MODEL_FLAT_UNWEIGHTED), 100, 0);
	/* absolute: every requirement weighing more than 0 is F */
	CU_ASSERT_DOUBLE_EQUAL(compliance(r, ITSMA_MODEL_ABSOLUTE), 100, 0);
	/* the flat model: (1 x 100 + 0.5 x 100 + 0 x 0) / 1.5 */
	CU_ASSERT_DOUBLE_EQUAL(compliance(r, ITSMA_MODEL_FLAT), 100, 0);
	itsma_result_free(r);

	rate(a, "R2", "P", "EV", NULL);
	r = score(a, REQUIRED, NULL);
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_FLAT_UNWEIGHTED), (100 + 32.5) / 2);
	CU_ASSERT_DOUBLE_EQUAL(compliance(r, ITSMA_MODEL_ABSOLUTE), 0, 0);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Our extension when every requirement weighs 0 (0/0 in XCCDF): flat_unweighted is the plain
 * mean of all of them, and absolute needs all of them F. */
static void test_score__xccdf_all_zero_flat_unweighted_and_absolute(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;

	one_group(&c, &a);
	req(c, "G", "R1", 0, SHALL);
	req(c, "G", "R2", 0, SHALL);
	a = asm_new(c);
	rate(a, "R1", "F", "EV", NULL);
	rate(a, "R2", "P", "EV", NULL);
	r = score(a, REQUIRED, NULL);
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_FLAT_UNWEIGHTED), 66.25);
	CU_ASSERT_DOUBLE_EQUAL(compliance(r, ITSMA_MODEL_ABSOLUTE), 0, 0);
	itsma_result_free(r);
	rate(a, "R2", "F", "EV", NULL);
	r = score(a, REQUIRED, NULL);
	CU_ASSERT_DOUBLE_EQUAL(compliance(r, ITSMA_MODEL_ABSOLUTE), 100, 0);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* shall and should: the default model over only those requirements; null without any. */
static void test_score__shall_should_models(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;

	build_xccdf(&c, &a);
	r = score(a, REQUIRED, NULL);
	/* shall: G1 only (G2 has no shall requirement and is left out): 25 */
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_SHALL), 25);
	/* should: G2 only: 100 */
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_SHOULD), 100);
	itsma_result_free(r);
	exclude(a, "G2");
	r = score(a, REQUIRED, NULL);
	CU_ASSERT(isnan(compliance(r, ITSMA_MODEL_SHOULD))); /* no applicable should */
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_SHALL), 25);
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_DEFAULT), 25);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Weight-0 children are scored and reported but count nothing in their parent. */
static void test_score__weight_zero_is_informational(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;

	one_group(&c, &a);
	req(c, "G", "R1", 1, SHALL);
	req(c, "G", "R2", 0, SHALL);
	sec(c, "G", "G.1", 0, 0);
	req(c, "G.1", "R3", 1, SHALL);
	a = asm_new(c);
	rate(a, "R1", "F", "EV", NULL);
	rate(a, "R2", "N", NULL);
	rate(a, "R3", "L", "EV", NULL);
	r = score(a, REQUIRED, NULL);
	/* G = (1 x 100 + 0 x 0 + 0 x 67.5) / 1 = 100 */
	ASSERT_NEAR(itsma_section_result_achievement(sc(r, "G")), 100);
	/* G.1 is still scored and reported: 67.5, L */
	CU_ASSERT(itsma_section_result_applicable(sc(r, "G.1")));
	ASSERT_NEAR(itsma_section_result_achievement(sc(r, "G.1")), 67.5);
	/* effective weights: R1 1, R2 0, R3 0 (G.1: 0 x 1) */
	ASSERT_NEAR(itsma_requirement_result_weight(rq(r, "R1")), 1);
	ASSERT_NEAR(itsma_requirement_result_weight(rq(r, "R2")), 0);
	ASSERT_NEAR(itsma_requirement_result_weight(rq(r, "R3")), 0);
	/* R2 and R3 are still gaps, with gain 0 */
	CU_ASSERT_EQUAL(itsma_result_gap_count(r), 2);
	ASSERT_NEAR(itsma_requirement_result_gain(rq(r, "R2")), 0);
	/* flat uses requirement weights only: (1 x 100 + 0 x 0 + 1 x 67.5) / 2 = 83.75 */
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_FLAT), 83.75);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Every applicable child weighs 0: the unweighted mean, and 1/n effective weights. */
static void test_score__all_zero_weights(void)
{
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *a;
	itsma_result *r;

	sec(c, NULL, "T1", 0, 0);
	req(c, "T1", "R1", 0, SHALL);
	req(c, "T1", "R2", 0, SHALL);
	req(c, "T1", "R3", 0, SHALL);
	req(c, "T1", "R4", 5, SHALL); /* excluded: does not count as a weighted sibling */
	sec(c, NULL, "T2", 0, 0);
	req(c, "T2", "R5", 2, SHALL);
	a = asm_new(c);
	rate(a, "R1", "F", "EV", NULL);
	rate(a, "R2", "P", "EV", NULL);
	rate(a, "R5", "L", "EV", NULL);
	exclude(a, "R4");
	r = score(a, REQUIRED, NULL);
	/* T1 = (100 + 32.5 + 0) / 3 = 44.1666... */
	ASSERT_NEAR(itsma_section_result_achievement(sc(r, "T1")), 132.5 / 3);
	/* top level, both weigh 0: (44.1666... + 67.5) / 2 = 55.8333... */
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_DEFAULT), (132.5 / 3 + 67.5) / 2);
	/* effective weights: R1..R3 = 1/2 x 1/3 = 1/6; R5 = 1/2 x (2 / 2) = 1/2 */
	ASSERT_NEAR(itsma_requirement_result_weight(rq(r, "R1")), 1.0 / 6);
	ASSERT_NEAR(itsma_requirement_result_weight(rq(r, "R3")), 1.0 / 6);
	ASSERT_NEAR(itsma_requirement_result_weight(rq(r, "R5")), 0.5);
	/* gain of R3 (unassessed): 1/6 x 100 = 16.666... */
	ASSERT_NEAR(itsma_requirement_result_gain(rq(r, "R3")), 100.0 / 6);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Exclusions at every depth; a section is applicable only with an applicable requirement. */
static void test_score__exclusions_at_every_depth(void)
{
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *a;
	itsma_result *r;

	sec(c, NULL, "T1", 1, 0);
	req(c, "T1", "R-T1", 1, SHALL);
	sec(c, "T1", "T1.1", 1, 0); /* excluded at depth 1 */
	req(c, "T1.1", "R-T1.1", 1, SHALL);
	sec(c, "T1.1", "T1.1.1", 1, 1); /* excluded through its parent (depth 2) */
	req(c, "T1.1.1", "R-T1.1.1", 1, SHALL);
	sec(c, "T1", "T1.2", 1, 0);
	req(c, "T1.2", "R-a", 1, SHALL); /* excluded requirement */
	req(c, "T1.2", "R-b", 1, SHALL);
	sec(c, "T1", "T1.3", 1, 0); /* no requirement at all: not applicable */
	sec(c, NULL, "T2", 1, 0);   /* excluded top-level section */
	req(c, "T2", "R-T2", 1, SHALL);
	a = asm_new(c);
	rate(a, "R-T1", "F", "EV", NULL);
	rate(a, "R-T1.1", "F", "EV", NULL);
	rate(a, "R-T1.1.1", "N", NULL);
	rate(a, "R-a", "N", NULL);
	rate(a, "R-b", "L", "EV", NULL);
	exclude(a, "T1.1");
	exclude(a, "R-a");
	exclude(a, "T2");
	r = score(a, REQUIRED, NULL);
	CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r, "R-T1.1")), ITSMA_STATUS_EXCLUDED);
	CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r, "R-T1.1.1")), ITSMA_STATUS_EXCLUDED);
	CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r, "R-a")), ITSMA_STATUS_EXCLUDED);
	CU_ASSERT_EQUAL(itsma_requirement_result_status(rq(r, "R-T2")), ITSMA_STATUS_EXCLUDED);
	CU_ASSERT(!itsma_section_result_applicable(sc(r, "T1.1")));
	CU_ASSERT(!itsma_section_result_applicable(sc(r, "T1.1.1")));
	CU_ASSERT(!itsma_section_result_applicable(sc(r, "T1.3")));
	CU_ASSERT(!itsma_section_result_applicable(sc(r, "T2")));
	CU_ASSERT(isnan(itsma_section_result_achievement(sc(r, "T2"))));
	CU_ASSERT_EQUAL(itsma_section_result_capability_level(sc(r, "T1.1.1")), -1);
	/* T1.2 = R-b = 67.5; T1 = (100 + 67.5) / 2 = 83.75 = catalogue */
	ASSERT_NEAR(itsma_section_result_achievement(sc(r, "T1.2")), 67.5);
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_DEFAULT), 83.75);
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_FLAT), 83.75);
	/* 6 requirements, 4 excluded; the excluded process is not counted */
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_TOTAL), 6);
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_EXCLUDED), 4);
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_APPLICABLE), 2);
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_PROCESSES), 0);
	/* R-T1.1 and R-T1.1.1 and R-a are rated though excluded: three warnings */
	CU_ASSERT_EQUAL(itsma_result_warning_count(r), 3);
	/* verdict ignores excluded majors: R-b minor -> conditional */
	CU_ASSERT_EQUAL(itsma_result_verdict(r), ITSMA_VERDICT_CONDITIONAL);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Every compliance figure is null when no requirement is applicable. */
static void test_score__nothing_applicable(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	char *json = NULL;
	int m;

	one_group(&c, &a);
	req(c, "G", "R1", 1, SHALL);
	sec(c, NULL, "P", 1, 1);
	a = asm_new(c);
	exclude(a, "G");
	r = score(a, REQUIRED, NULL);
	for (m = 0; m < ITSMA_MODEL_COUNT; m++)
		CU_ASSERT(isnan(compliance(r, (itsma_model)m)));
	CU_ASSERT_EQUAL(itsma_result_verdict(r), ITSMA_VERDICT_CONFORMANT); /* vacuously */
	CU_ASSERT_EQUAL(itsma_result_capability_min(r), -1);
	CU_ASSERT_EQUAL(itsma_result_capability_max(r), -1);
	CU_ASSERT(isnan(itsma_result_capability_mean(r)));
	ASSERT_OK(itsma_result_to_json(&json, r, ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL(strstr(json,
	                              "\"compliance\": {\n      \"default\": null,\n"
	                              "      \"flat\": null,\n      \"flat_unweighted\": null,\n"
	                              "      \"absolute\": null,\n      \"shall\": null,\n"
	                              "      \"should\": null\n    }"));
	CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"min\": null,\n      \"max\": null,\n"
	                                    "      \"mean\": null,"));
	itsma_free(json);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* ---- §4 capability --------------------------------------------------------------------------- */

/* PA1.1: the default model over the process's shall requirements, else over all of them. */
static void test_score__pa11_derivation(void)
{
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *a;
	itsma_result *r;

	sec(c, NULL, "P1", 1, 1);
	req(c, "P1", "S1", 1, SHALL);
	req(c, "P1", "S2", 3, SHALL);
	req(c, "P1", "W1", 1, SHOULD);
	sec(c, "P1", "P1.a", 1, 0);
	req(c, "P1.a", "S3", 1, SHALL);
	req(c, "P1.a", "W2", 1, SHOULD);
	sec(c, NULL, "P2", 1, 1);
	req(c, "P2", "W3", 1, SHOULD);
	req(c, "P2", "W4", 1, SHOULD);
	a = asm_new(c);
	rate(a, "S1", "F", "EV", NULL);
	rate(a, "S2", "P", "EV", NULL);
	rate(a, "W1", "N", NULL);
	rate(a, "S3", "L", "EV", NULL);
	rate(a, "W2", "F", "EV", NULL);
	rate(a, "W3", "F", "EV", NULL);
	rate(a, "W4", "L", "EV", NULL);
	r = score(a, REQUIRED, NULL);
	/* P1 shall model: (1 x 100 + 3 x 32.5 + 1 x 67.5 [P1.a over S3]) / 5 = 265 / 5 = 53 */
	ASSERT_NEAR(itsma_section_result_attribute_achievement(sc(r, "P1"), ITSMA_PA1_1), 53);
	CU_ASSERT_EQUAL(itsma_section_result_attribute_letter(sc(r, "P1"), ITSMA_PA1_1),
	                ITSMA_LETTER_L);
	CU_ASSERT_EQUAL(itsma_section_result_attribute_status(sc(r, "P1"), ITSMA_PA1_1),
	                ITSMA_ATTRIBUTE_STATUS_DERIVED);
	/* while P1 itself: (100 + 97.5 + 0 + P1.a (67.5 + 100) / 2 = 83.75) / 6 = 281.25 / 6 */
	ASSERT_NEAR(itsma_section_result_achievement(sc(r, "P1")), 281.25 / 6);
	/* P2 has no shall requirement: PA1.1 over all: (100 + 67.5) / 2 = 83.75 */
	ASSERT_NEAR(itsma_section_result_attribute_achievement(sc(r, "P2"), ITSMA_PA1_1), 83.75);
	CU_ASSERT_EQUAL(itsma_section_result_capability_level(sc(r, "P1")), 1);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* PA2.1 ... PA5.2: the status rules of requirements. */
static void test_score__attribute_statuses(void)
{
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *a;
	itsma_result *r1, *r2;
	const itsma_section_result *p;

	sec(c, NULL, "P", 1, 1);
	req(c, "P", "R", 1, SHALL);
	a = asm_new(c);
	ev(a, "E-OLD", "2020-01-01", "2020-12-31");
	rate(a, "R", "F", "EV", NULL);
	rate_pa(a, "P", ITSMA_PA2_1, "L+", "EV", NULL);   /* rated */
	rate_pa(a, "P", ITSMA_PA2_2, "F", "E-OLD", NULL); /* unsupported */
	rate_pa(a, "P", ITSMA_PA3_1, "N", NULL);          /* rated (0 needs no evidence) */
	r1 = score(a, REQUIRED, NULL);
	r2 = score(a, ADVISORY, NULL);
	p = sc(r1, "P");
	CU_ASSERT_EQUAL(itsma_section_result_attribute_status(p, ITSMA_PA2_1),
	                ITSMA_ATTRIBUTE_STATUS_RATED);
	ASSERT_NEAR(itsma_section_result_attribute_achievement(p, ITSMA_PA2_1), 76.25);
	CU_ASSERT_EQUAL(itsma_section_result_attribute_letter(p, ITSMA_PA2_1), ITSMA_LETTER_L);
	CU_ASSERT_EQUAL(itsma_section_result_attribute_status(p, ITSMA_PA2_2),
	                ITSMA_ATTRIBUTE_STATUS_UNSUPPORTED);
	ASSERT_NEAR(itsma_section_result_attribute_achievement(p, ITSMA_PA2_2), 0);
	CU_ASSERT_EQUAL(itsma_section_result_attribute_status(p, ITSMA_PA3_1),
	                ITSMA_ATTRIBUTE_STATUS_RATED);
	CU_ASSERT_EQUAL(itsma_section_result_attribute_status(p, ITSMA_PA3_2),
	                ITSMA_ATTRIBUTE_STATUS_UNASSESSED);
	ASSERT_NEAR(itsma_section_result_attribute_achievement(p, ITSMA_PA3_2), 0);
	/* required: PA2.2 = 0 stops level 2: level 1 */
	CU_ASSERT_EQUAL(itsma_section_result_capability_level(p), 1);
	/* advisory: PA2.2 counts F (100): PA1.1 F, PA2.1 L, PA2.2 F -> level 2 */
	p = sc(r2, "P");
	CU_ASSERT_EQUAL(itsma_section_result_attribute_status(p, ITSMA_PA2_2),
	                ITSMA_ATTRIBUTE_STATUS_UNSUPPORTED);
	ASSERT_NEAR(itsma_section_result_attribute_achievement(p, ITSMA_PA2_2), 100);
	CU_ASSERT_EQUAL(itsma_section_result_capability_level(p), 2);
	itsma_result_free(r1);
	itsma_result_free(r2);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Six processes reaching levels 0 to 5, their summary, targets and capability gaps. */
static void build_levels(itsma_catalogue **c_out, itsma_assessment **a_out)
{
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *a;
	static const char *procs[] = { "P0", "P1", "P2", "P3", "P4", "P5" };
	static const char *reqs[] = { "R0", "R1", "R2", "R3", "R4", "R5" };
	int i, pa;

	for (i = 0; i < 6; i++) {
		sec(c, NULL, procs[i], 1, 1);
		req(c, procs[i], reqs[i], 1, SHALL);
	}
	a = asm_new(c);
	rate(a, "R0", "P+", "EV", NULL); /* PA1.1 P: level 0 */
	rate(a, "R1", "L-", "EV", NULL); /* PA1.1 L: level 1 */
	for (i = 2; i < 6; i++) {
		rate(a, reqs[i], "F", "EV", NULL);
		/* every attribute below level i: F; attributes of level i: L */
		for (pa = ITSMA_PA2_1; pa < ITSMA_ATTRIBUTE_COUNT; pa++) {
			int lv = itsma_attribute_level((itsma_attribute)pa);
			if (lv < i)
				rate_pa(a, procs[i], (itsma_attribute)pa, "F", "EV", NULL);
			else if (lv == i)
				rate_pa(a, procs[i], (itsma_attribute)pa, pa % 2 ? "L" : "L+", "EV",
				        NULL);
		}
	}
	/* P1 also has good level-3 ratings, which cannot count without level 2 */
	rate_pa(a, "P1", ITSMA_PA3_1, "F", "EV", NULL);
	rate_pa(a, "P1", ITSMA_PA3_2, "F", "EV", NULL);
	*c_out = c;
	*a_out = a;
}

static void test_score__capability_levels(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	char id[4];
	int i;

	build_levels(&c, &a);
	r = score(a, REQUIRED, NULL);
	for (i = 0; i < 6; i++) {
		snprintf(id, sizeof id, "P%d", i);
		CU_ASSERT_EQUAL(itsma_section_result_capability_level(sc(r, id)), i);
	}
	/* summary: 6 processes, min 0, max 5, mean (0+1+2+3+4+5) / 6 = 2.5 */
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_PROCESSES), 6);
	CU_ASSERT_EQUAL(itsma_result_capability_min(r), 0);
	CU_ASSERT_EQUAL(itsma_result_capability_max(r), 5);
	ASSERT_NEAR(itsma_result_capability_mean(r), 2.5);
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_TARGETS_SET), 0);
	CU_ASSERT_EQUAL(itsma_section_result_target_level(sc(r, "P0")), -1);
	/* a level-3 attribute at L while PA2.1 is only L: level 2, not 3 */
	itsma_result_free(r);
	rate_pa(a, "P3", ITSMA_PA2_1, "L", "EV", NULL);
	r = score(a, REQUIRED, NULL);
	CU_ASSERT_EQUAL(itsma_section_result_capability_level(sc(r, "P3")), 2);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Targets: per-process override, else the general level; met when level >= target. */
static void test_score__targets_and_capability_gaps(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	const itsma_capability_gap *g;
	itsma_letter l, needed;

	build_levels(&c, &a);
	ASSERT_OK(itsma_assessment_set_target(a, 2, ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_process_target(a, "P0", 0, ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_process_target(a, "P4", 5, ASSERT_ERR));
	r = score(a, REQUIRED, NULL);
	/* P0 0 >= 0 met; P1 1 < 2 missed; P2, P3, P5 met; P4 4 < 5 missed */
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_TARGETS_SET), 6);
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_TARGETS_MET), 4);
	CU_ASSERT_EQUAL(itsma_section_result_target_level(sc(r, "P0")), 0);
	CU_ASSERT_EQUAL(itsma_section_result_target_level(sc(r, "P1")), 2);
	CU_ASSERT_EQUAL(itsma_section_result_target_level(sc(r, "P4")), 5);
	CU_ASSERT_EQUAL_FATAL(itsma_result_capability_gap_count(r), 2);
	/* P1 (level 1, target 2): PA1.1 L needs F; PA2.1 and PA2.2 (N, unassessed) need L */
	g = itsma_result_capability_gap_at(r, 0);
	CU_ASSERT_STRING_EQUAL(itsma_section_id(itsma_capability_gap_process(g)), "P1");
	CU_ASSERT_EQUAL(itsma_capability_gap_level(g), 1);
	CU_ASSERT_EQUAL(itsma_capability_gap_target(g), 2);
	CU_ASSERT_EQUAL_FATAL(itsma_capability_gap_attribute_count(g), 3);
	CU_ASSERT_EQUAL(itsma_capability_gap_attribute_at(&l, &needed, g, 0), ITSMA_PA1_1);
	CU_ASSERT_EQUAL(l, ITSMA_LETTER_L);
	CU_ASSERT_EQUAL(needed, ITSMA_LETTER_F);
	CU_ASSERT_EQUAL(itsma_capability_gap_attribute_at(&l, &needed, g, 1), ITSMA_PA2_1);
	CU_ASSERT_EQUAL(l, ITSMA_LETTER_N);
	CU_ASSERT_EQUAL(needed, ITSMA_LETTER_L);
	CU_ASSERT_EQUAL(itsma_capability_gap_attribute_at(&l, &needed, g, 2), ITSMA_PA2_2);
	CU_ASSERT_EQUAL(needed, ITSMA_LETTER_L);
	CU_ASSERT_EQUAL(itsma_capability_gap_attribute_at(&l, &needed, g, 3),
	                ITSMA_ATTRIBUTE_COUNT);
	/* P4 (level 4, target 5): PA4.1, PA4.2 (L) need F; PA5.1, PA5.2 (N) need L */
	g = itsma_result_capability_gap_at(r, 1);
	CU_ASSERT_STRING_EQUAL(itsma_section_id(itsma_capability_gap_process(g)), "P4");
	CU_ASSERT_EQUAL_FATAL(itsma_capability_gap_attribute_count(g), 4);
	CU_ASSERT_EQUAL(itsma_capability_gap_attribute_at(NULL, &needed, g, 0), ITSMA_PA4_1);
	CU_ASSERT_EQUAL(needed, ITSMA_LETTER_F);
	CU_ASSERT_EQUAL(itsma_capability_gap_attribute_at(NULL, &needed, g, 1), ITSMA_PA4_2);
	CU_ASSERT_EQUAL(itsma_capability_gap_attribute_at(NULL, &needed, g, 2), ITSMA_PA5_1);
	CU_ASSERT_EQUAL(needed, ITSMA_LETTER_L);
	CU_ASSERT_EQUAL(itsma_capability_gap_attribute_at(NULL, &needed, g, 3), ITSMA_PA5_2);
	CU_ASSERT_PTR_NULL(itsma_result_capability_gap_at(r, 2));
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* ---- §5 conformity --------------------------------------------------------------------------- */

static void test_score__nonconformity_classes(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;

	one_group(&c, &a);
	req(c, "G", "F", 1, SHALL);
	req(c, "G", "L", 1, SHALL);
	req(c, "G", "P", 1, SHALL);
	req(c, "G", "N", 1, SHALL);
	req(c, "G", "U", 1, SHALL);  /* unsupported */
	req(c, "G", "X", 1, SHALL);  /* unassessed */
	req(c, "G", "S", 1, SHOULD); /* should: null */
	req(c, "G", "E", 1, SHALL);  /* excluded: null */
	a = asm_new(c);
	rate(a, "F", "F", "EV", NULL);
	rate(a, "L", "L+", "EV", NULL);
	rate(a, "P", "P-", "EV", NULL);
	rate(a, "N", "N", NULL);
	rate(a, "U", "F", NULL);
	rate(a, "S", "N", NULL);
	exclude(a, "E");
	r = score(a, REQUIRED, NULL);
	CU_ASSERT_EQUAL(itsma_requirement_result_nonconformity(rq(r, "F")),
	                ITSMA_NONCONFORMITY_NONE);
	CU_ASSERT_EQUAL(itsma_requirement_result_nonconformity(rq(r, "L")),
	                ITSMA_NONCONFORMITY_MINOR);
	CU_ASSERT_EQUAL(itsma_requirement_result_nonconformity(rq(r, "P")),
	                ITSMA_NONCONFORMITY_MAJOR);
	CU_ASSERT_EQUAL(itsma_requirement_result_nonconformity(rq(r, "N")),
	                ITSMA_NONCONFORMITY_MAJOR);
	CU_ASSERT_EQUAL(itsma_requirement_result_nonconformity(rq(r, "U")),
	                ITSMA_NONCONFORMITY_MAJOR);
	CU_ASSERT_EQUAL(itsma_requirement_result_nonconformity(rq(r, "X")),
	                ITSMA_NONCONFORMITY_UNASSESSED);
	CU_ASSERT_EQUAL(itsma_requirement_result_nonconformity(rq(r, "S")),
	                ITSMA_NONCONFORMITY_NULL);
	CU_ASSERT_EQUAL(itsma_requirement_result_nonconformity(rq(r, "E")),
	                ITSMA_NONCONFORMITY_NULL);
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_NC_MAJOR), 3);
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_NC_MINOR), 1);
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_NC_UNASSESSED), 1);
	CU_ASSERT_STRING_EQUAL(itsma_nonconformity_name(ITSMA_NONCONFORMITY_MAJOR), "major");
	CU_ASSERT_STRING_EQUAL(itsma_nonconformity_name(ITSMA_NONCONFORMITY_NULL), "");
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Verdict, first that applies: nonconformant, incomplete, conditional, conformant. */
static void test_score__verdicts(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	itsma_verdict v;

	one_group(&c, &a);
	req(c, "G", "R1", 1, SHALL);
	req(c, "G", "R2", 1, SHALL);
	req(c, "G", "R3", 1, SHALL);
	req(c, "G", "W", 1, SHOULD);
	a = asm_new(c);
	rate(a, "W", "N", NULL); /* should requirements never decide the verdict */
	rate(a, "R1", "F", "EV", NULL);
	rate(a, "R2", "L", "EV", NULL);
	rate(a, "R3", "P", "EV", NULL); /* major + minor: nonconformant */
	r = score(a, REQUIRED, NULL);
	CU_ASSERT_EQUAL(itsma_result_verdict(r), ITSMA_VERDICT_NONCONFORMANT);
	itsma_result_free(r);
	ASSERT_OK(itsma_assessment_remove_rating(a, "R3", ASSERT_ERR)); /* unassessed + minor */
	r = score(a, REQUIRED, NULL);
	CU_ASSERT_EQUAL(itsma_result_verdict(r), ITSMA_VERDICT_INCOMPLETE);
	itsma_result_free(r);
	rate(a, "R3", "F", "EV", NULL); /* minor only */
	r = score(a, REQUIRED, NULL);
	CU_ASSERT_EQUAL(itsma_result_verdict(r), ITSMA_VERDICT_CONDITIONAL);
	itsma_result_free(r);
	rate(a, "R2", "F", "EV", NULL); /* all F */
	r = score(a, REQUIRED, NULL);
	CU_ASSERT_EQUAL(itsma_result_verdict(r), ITSMA_VERDICT_CONFORMANT);
	itsma_result_free(r);
	CU_ASSERT_STRING_EQUAL(itsma_verdict_name(ITSMA_VERDICT_INCOMPLETE), "incomplete");
	CU_ASSERT_EQUAL(itsma_verdict_parse(&v, "conditional", NULL), 0);
	CU_ASSERT_EQUAL(v, ITSMA_VERDICT_CONDITIONAL);
	CU_ASSERT_EQUAL(itsma_verdict_parse(&v, "fine", NULL), ITSMA_EINVAL);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* ---- §6 gaps --------------------------------------------------------------------------------- */

/* Effective weights: products of shares along the path; gains add up to 100 - default. */
static void test_score__effective_weights_and_gains(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	double sum_w = 0, sum_g = 0;
	size_t j;

	build_xccdf(&c, &a);
	r = score(a, REQUIRED, NULL);
	/* R1 = 1/3 x 1/4 = 1/12; R2 = 1/3 x 3/4 = 1/4; R3 = 2/3 x 1 = 2/3 */
	ASSERT_NEAR(itsma_requirement_result_weight(rq(r, "R1")), 1.0 / 12);
	ASSERT_NEAR(itsma_requirement_result_weight(rq(r, "R2")), 0.25);
	ASSERT_NEAR(itsma_requirement_result_weight(rq(r, "R3")), 2.0 / 3);
	/* gain of R2: 1/4 x (100 - 0) = 25 = 100 - 75; R1 and R3 (F): 0 */
	ASSERT_NEAR(itsma_requirement_result_gain(rq(r, "R2")), 25);
	CU_ASSERT_EQUAL(itsma_result_gap_count(r), 1);
	ASSERT_NEAR(itsma_gap_gain(itsma_result_gap_at(r, 0)), 25);
	for (j = 0; j < itsma_result_requirement_count(r); j++) {
		sum_w += itsma_requirement_result_weight(itsma_result_requirement_at(r, j));
		sum_g += itsma_requirement_result_gain(itsma_result_requirement_at(r, j));
	}
	ASSERT_NEAR(sum_w, 1);
	ASSERT_NEAR(sum_g, 100 - compliance(r, ITSMA_MODEL_DEFAULT));
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/*
 * Priority: shall before should; major or unsupported, then unassessed, then minor;
 * larger gain first; catalogue order.
 */
static void test_score__gap_order(void)
{
	static const char *expected[] = { "E", "C", "F", "B", "H", "A", "D", "K" };
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	size_t i;

	one_group(&c, &a);
	req(c, "G", "A", 1, SHALL);  /* L: minor, gain 1/10 x 32.5 = 3.25 */
	req(c, "G", "B", 1, SHALL);  /* unassessed, gain 1/10 x 100 = 10 */
	req(c, "G", "C", 1, SHALL);  /* P: major, gain 1/10 x 67.5 = 6.75 */
	req(c, "G", "D", 1, SHOULD); /* N: gain 10 */
	req(c, "G", "E", 1, SHALL);  /* unsupported: gain 10 */
	req(c, "G", "F", 1, SHALL);  /* P: major, gain 6.75: ties with C, after it */
	req(c, "G", "H", 2, SHALL);  /* L: minor, gain 2/10 x 32.5 = 6.5 */
	req(c, "G", "I", 1, SHALL);  /* F: no gap */
	req(c, "G", "K", 1, SHOULD); /* L (should): after the major-like should D */
	a = asm_new(c);
	rate(a, "A", "L", "EV", NULL);
	rate(a, "C", "P", "EV", NULL);
	rate(a, "D", "N", NULL);
	rate(a, "E", "L", NULL);
	rate(a, "F", "P", "EV", NULL);
	rate(a, "H", "L", "EV", NULL);
	rate(a, "I", "F", "EV", NULL);
	rate(a, "K", "L", "EV", NULL);
	r = score(a, REQUIRED, NULL);
	CU_ASSERT_EQUAL_FATAL(itsma_result_gap_count(r), 8);
	for (i = 0; i < 8; i++)
		CU_ASSERT_STRING_EQUAL(itsma_requirement_id(itsma_requirement_result_requirement(
		                           itsma_gap_requirement(itsma_result_gap_at(r, i)))),
		                       expected[i]);
	ASSERT_NEAR(itsma_gap_gain(itsma_result_gap_at(r, 0)), 10);
	ASSERT_NEAR(itsma_gap_gain(itsma_result_gap_at(r, 1)), 6.75);
	ASSERT_NEAR(itsma_gap_gain(itsma_result_gap_at(r, 4)), 6.5);
	CU_ASSERT_PTR_NULL(itsma_result_gap_at(r, 8));
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Gaps carry the merged guidance of their sections: nearest first, no duplicates. */
static void test_score__gap_guidance(void)
{
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *a;
	itsma_result *r;
	const itsma_gap *g;

	ASSERT_OK(itsma_catalogue_put_guidance_source(c, "itil4", "ITIL 4", ASSERT_ERR));
	ASSERT_OK(itsma_catalogue_put_guidance_source(c, "cobit2019", "COBIT 2019", ASSERT_ERR));
	ASSERT_OK(itsma_catalogue_put_guidance_source(c, "mof4", "MOF 4.0", ASSERT_ERR));
	sec(c, NULL, "T", 1, 0);
	sec(c, "T", "P", 1, 1);
	req(c, "P", "R1", 1, SHALL);
	req(c, "T", "R2", 1, SHALL);
	ASSERT_OK(itsma_catalogue_add_guidance(c, itsma_catalogue_find_section(c, "T"), "mof4",
	                                       "Operate", ASSERT_ERR));
	ASSERT_OK(itsma_catalogue_add_guidance(c, itsma_catalogue_find_section(c, "T"), "itil4",
	                                       "Service level management", ASSERT_ERR));
	ASSERT_OK(itsma_catalogue_add_guidance(c, itsma_catalogue_find_section(c, "T"), "itil4",
	                                       "Incident management", ASSERT_ERR));
	ASSERT_OK(itsma_catalogue_add_guidance(c, itsma_catalogue_find_section(c, "P"), "itil4",
	                                       "Incident management", ASSERT_ERR));
	ASSERT_OK(itsma_catalogue_add_guidance(c, itsma_catalogue_find_section(c, "P"), "cobit2019",
	                                       "DSS02", ASSERT_ERR));
	a = asm_new(c);
	rate(a, "R2", "L", "EV", NULL);
	r = score(a, REQUIRED, NULL);
	/* R1 (unassessed) comes first; its guidance: P's, then T's */
	g = itsma_result_gap_at(r, 0);
	CU_ASSERT_STRING_EQUAL(
	    itsma_requirement_id(itsma_requirement_result_requirement(itsma_gap_requirement(g))),
	    "R1");
	CU_ASSERT_EQUAL_FATAL(itsma_gap_guidance_source_count(g), 3);
	CU_ASSERT_STRING_EQUAL(itsma_gap_guidance_source_key(g, 0), "itil4");
	CU_ASSERT_STRING_EQUAL(itsma_gap_guidance_source_key(g, 1), "cobit2019");
	CU_ASSERT_STRING_EQUAL(itsma_gap_guidance_source_key(g, 2), "mof4");
	CU_ASSERT_EQUAL(itsma_gap_guidance_count(g, "itil4"), 2);
	CU_ASSERT_STRING_EQUAL(itsma_gap_guidance_at(g, "itil4", 0), "Incident management");
	CU_ASSERT_STRING_EQUAL(itsma_gap_guidance_at(g, "itil4", 1), "Service level management");
	CU_ASSERT_STRING_EQUAL(itsma_gap_guidance_at(g, "cobit2019", 0), "DSS02");
	CU_ASSERT_PTR_NULL(itsma_gap_guidance_at(g, "cobit2019", 1));
	CU_ASSERT_EQUAL(itsma_gap_guidance_count(g, "nope"), 0);
	/* R2 sits in T: only T's guidance, no cobit2019 */
	g = itsma_result_gap_at(r, 1);
	CU_ASSERT_EQUAL_FATAL(itsma_gap_guidance_source_count(g), 2);
	CU_ASSERT_STRING_EQUAL(itsma_gap_guidance_source_key(g, 0), "itil4");
	CU_ASSERT_STRING_EQUAL(itsma_gap_guidance_at(g, "itil4", 0), "Service level management");
	CU_ASSERT_STRING_EQUAL(itsma_gap_guidance_source_key(g, 1), "mof4");
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* ---- §7 evidence issues ---------------------------------------------------------------------- */

static void test_score__evidence_issues(void)
{
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *a;
	itsma_result *r;
	const itsma_evidence_issue *is;

	sec(c, NULL, "P", 1, 1);
	req(c, "P", "R1", 1, SHALL);
	req(c, "P", "R2", 1, SHALL);
	req(c, "P", "R3", 1, SHALL);
	a = asm_new(c);                                /* EV: current; cited below */
	ev(a, "E-UNUSED", "2020-01-01", "2020-02-01"); /* expired too, but unused wins */
	ev(a, "E-EXPIRED", "2025-01-01", "2026-01-31");
	ev(a, "E-FUTURE", "2026-12-01", NULL);
	ev(a, "E-EXCL", "2025-01-01", "2025-06-30"); /* expired, cited only by an excluded one */
	ev(a, "E-EXCL-OK", "2025-01-01", NULL);      /* current, cited only by an excluded one */
	rate(a, "R2", "L", "E-EXPIRED", "EV", NULL); /* ratings order: R2 before R1 */
	rate(a, "R1", "F", "E-EXPIRED", NULL);
	rate(a, "R3", "F", "E-EXCL", "E-EXCL-OK", NULL);
	rate_pa(a, "P", ITSMA_PA3_1, "L", "E-FUTURE", NULL);
	rate_pa(a, "P", ITSMA_PA2_1, "L", "E-EXPIRED", NULL);
	exclude(a, "R3");
	r = score(a, REQUIRED, NULL);
	CU_ASSERT_EQUAL_FATAL(itsma_result_evidence_issue_count(r), 4);
	is = itsma_result_evidence_issue_at(r, 0);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_id(itsma_evidence_issue_evidence(is)), "E-UNUSED");
	CU_ASSERT_EQUAL(itsma_evidence_issue_problem(is), ITSMA_EVIDENCE_PROBLEM_UNUSED);
	CU_ASSERT_EQUAL(itsma_evidence_issue_cited_by_count(is), 0);
	is = itsma_result_evidence_issue_at(r, 1);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_id(itsma_evidence_issue_evidence(is)), "E-EXPIRED");
	CU_ASSERT_EQUAL(itsma_evidence_issue_problem(is), ITSMA_EVIDENCE_PROBLEM_EXPIRED);
	CU_ASSERT_EQUAL_FATAL(itsma_evidence_issue_cited_by_count(is), 3);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_issue_cited_by_at(is, 0), "R2");
	CU_ASSERT_STRING_EQUAL(itsma_evidence_issue_cited_by_at(is, 1), "R1");
	CU_ASSERT_STRING_EQUAL(itsma_evidence_issue_cited_by_at(is, 2), "P/PA2.1");
	CU_ASSERT_PTR_NULL(itsma_evidence_issue_cited_by_at(is, 3));
	is = itsma_result_evidence_issue_at(r, 2);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_id(itsma_evidence_issue_evidence(is)), "E-FUTURE");
	CU_ASSERT_EQUAL(itsma_evidence_issue_problem(is), ITSMA_EVIDENCE_PROBLEM_FUTURE);
	CU_ASSERT_EQUAL_FATAL(itsma_evidence_issue_cited_by_count(is), 1);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_issue_cited_by_at(is, 0), "P/PA3.1");
	is = itsma_result_evidence_issue_at(r, 3);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_id(itsma_evidence_issue_evidence(is)), "E-EXCL");
	CU_ASSERT_EQUAL(itsma_evidence_issue_problem(is), ITSMA_EVIDENCE_PROBLEM_EXPIRED);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_issue_cited_by_at(is, 0), "R3");
	CU_ASSERT_STRING_EQUAL(itsma_evidence_problem_name(ITSMA_EVIDENCE_PROBLEM_FUTURE),
	                       "future");
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* ---- options --------------------------------------------------------------------------------- */

/* One section scored as if it were the whole catalogue. */
static void test_score__section_scope(void)
{
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *a;
	itsma_result *r;
	double sum_w = 0;
	size_t j;

	sec(c, NULL, "A", 1, 0);
	req(c, "A", "A1", 1, SHALL);
	sec(c, NULL, "B", 3, 0);
	req(c, "B", "B1", 1, SHALL);
	sec(c, "B", "B.p", 1, 1);
	req(c, "B.p", "B2", 1, SHALL);
	req(c, "B.p", "B3", 3, SHOULD);
	sec(c, NULL, "C", 1, 1);
	req(c, "C", "C1", 1, SHALL);
	a = asm_new(c);
	ev(a, "E-OLD", "2020-01-01", "2020-12-31");
	rate(a, "A1", "N", NULL);
	rate(a, "B1", "F", "EV", NULL);
	rate(a, "B2", "L", "E-OLD", NULL); /* unsupported */
	rate(a, "B3", "F", "EV", NULL);
	rate(a, "C1", "P", "E-OLD", NULL);
	ASSERT_OK(itsma_assessment_set_target(a, 1, ASSERT_ERR));
	r = score(a, REQUIRED, "B");
	CU_ASSERT_PTR_EQUAL(itsma_result_scope(r), itsma_catalogue_find_section(c, "B"));
	/* only B's subtree is listed */
	CU_ASSERT_EQUAL(itsma_result_section_count(r), 2);
	CU_ASSERT_EQUAL(itsma_result_requirement_count(r), 3);
	CU_ASSERT_PTR_NULL(itsma_result_find_requirement(r, "A1"));
	CU_ASSERT_PTR_NULL(itsma_result_find_section(r, "C"));
	CU_ASSERT_STRING_EQUAL(
	    itsma_section_id(itsma_section_result_section(itsma_result_section_at(r, 0))), "B");
	/* B.p = (1 x 0 + 3 x 100) / 4 = 75; B = (1 x 100 + 1 x 75) / 2 = 87.5 = compliance */
	ASSERT_NEAR(itsma_section_result_achievement(sc(r, "B.p")), 75);
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_DEFAULT), 87.5);
	/* flat = (1 x 100 + 1 x 0 + 3 x 100) / 5 = 80; shall: (100 + B.p shall 0) / 2 = 50 */
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_FLAT), 80);
	ASSERT_NEAR(compliance(r, ITSMA_MODEL_SHALL), 50);
	/* weights relative to B: B1 1/2, B2 1/2 x 1/4 = 1/8, B3 3/8 */
	ASSERT_NEAR(itsma_requirement_result_weight(rq(r, "B1")), 0.5);
	ASSERT_NEAR(itsma_requirement_result_weight(rq(r, "B2")), 0.125);
	for (j = 0; j < itsma_result_requirement_count(r); j++)
		sum_w += itsma_requirement_result_weight(itsma_result_requirement_at(r, j));
	ASSERT_NEAR(sum_w, 1);
	/* the only process in scope is B.p: PA1.1 = B2 = 0 -> level 0, target 1 missed */
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_PROCESSES), 1);
	CU_ASSERT_EQUAL(itsma_result_capability_gap_count(r), 1);
	CU_ASSERT_EQUAL(itsma_result_gap_count(r), 1); /* B2 only */
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_TOTAL), 3);
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_UNSUPPORTED), 1);
	/* E-OLD: cited inside B (B2) and outside (C1): only B2 listed */
	CU_ASSERT_EQUAL_FATAL(itsma_result_evidence_issue_count(r), 1);
	CU_ASSERT_EQUAL(itsma_evidence_issue_cited_by_count(itsma_result_evidence_issue_at(r, 0)),
	                1);
	CU_ASSERT_STRING_EQUAL(
	    itsma_evidence_issue_cited_by_at(itsma_result_evidence_issue_at(r, 0), 0), "B2");
	CU_ASSERT_EQUAL(itsma_result_verdict(r), ITSMA_VERDICT_NONCONFORMANT);
	itsma_result_free(r);

	/* a section scored alone inside an excluded section is excluded too */
	exclude(a, "B");
	r = score(a, REQUIRED, "B.p");
	CU_ASSERT(isnan(compliance(r, ITSMA_MODEL_DEFAULT)));
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_EXCLUDED), 2);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

static void test_score__bad_options(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r = (itsma_result *)&r;
	itsma_score_options o = ITSMA_SCORE_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_evidence_policy p;

	one_group(&c, &a);
	req(c, "G", "R1", 1, SHALL);
	a = asm_new(c);
	o.section = "nope";
	CU_ASSERT_EQUAL(itsma_score(&r, a, &o, &err), ITSMA_ENOTFOUND);
	CU_ASSERT_PTR_NULL(r);
	CU_ASSERT_EQUAL(err.code, ITSMA_ENOTFOUND);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "nope"));
	o.section = "R1";
	CU_ASSERT_EQUAL(itsma_score(&r, a, &o, &err), ITSMA_ENOTFOUND);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "requirement"));
	o.section = NULL;
	o.version = 99;
	CU_ASSERT_EQUAL(itsma_score(&r, a, &o, &err), ITSMA_EINVAL);
	o.version = ITSMA_SCORE_OPTIONS_VERSION;
	o.evidence_policy = (itsma_evidence_policy)7;
	CU_ASSERT_EQUAL(itsma_score(&r, a, &o, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_score(&r, NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_score(NULL, a, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_score_options_init(&o, ITSMA_SCORE_OPTIONS_VERSION), 0);
	CU_ASSERT_EQUAL(o.evidence_policy, ITSMA_EVIDENCE_POLICY_REQUIRED);
	CU_ASSERT_PTR_NULL(o.section);
	CU_ASSERT_EQUAL(itsma_score_options_init(&o, 2), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_evidence_policy_parse(&p, "advisory", NULL), 0);
	CU_ASSERT_EQUAL(p, ITSMA_EVIDENCE_POLICY_ADVISORY);
	CU_ASSERT_EQUAL(itsma_evidence_policy_parse(&p, "lenient", &err), ITSMA_EINVAL);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_policy_name(ITSMA_EVIDENCE_POLICY_REQUIRED),
	                       "required");
	CU_ASSERT_STRING_EQUAL(itsma_model_name(ITSMA_MODEL_FLAT_UNWEIGHTED), "flat_unweighted");
	CU_ASSERT_STRING_EQUAL(itsma_status_name(ITSMA_STATUS_UNSUPPORTED), "unsupported");
	CU_ASSERT_STRING_EQUAL(itsma_attribute_status_name(ITSMA_ATTRIBUTE_STATUS_DERIVED),
	                       "derived");
	itsma_result_free(NULL);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Getters of a result entry and O(1) lookups, including out-of-range and NULL. */
static void test_score__accessors(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	size_t i;

	build_xccdf(&c, &a);
	r = score(a, REQUIRED, NULL);
	CU_ASSERT_PTR_EQUAL(itsma_result_assessment(r), a);
	CU_ASSERT_PTR_NULL(itsma_result_scope(r));
	CU_ASSERT_EQUAL(itsma_result_section_count(r), 2);
	CU_ASSERT_EQUAL(itsma_result_requirement_count(r), 3);
	for (i = 0; i < 3; i++) {
		const itsma_requirement_result *q = itsma_result_requirement_at(r, i);
		const itsma_requirement *cq = itsma_catalogue_requirement_at(c, i);
		CU_ASSERT_PTR_EQUAL(itsma_requirement_result_requirement(q), cq);
		CU_ASSERT_PTR_EQUAL(itsma_result_find_requirement(r, itsma_requirement_id(cq)), q);
	}
	CU_ASSERT_PTR_NULL(itsma_result_requirement_at(r, 3));
	CU_ASSERT_PTR_NULL(itsma_result_section_at(r, 2));
	CU_ASSERT_PTR_NULL(itsma_result_find_requirement(r, "G1")); /* a section */
	CU_ASSERT_PTR_NULL(itsma_result_find_section(r, "R1"));
	CU_ASSERT_PTR_NULL(itsma_result_find_section(r, NULL));
	CU_ASSERT(isnan(itsma_result_compliance(r, ITSMA_MODEL_COUNT)));
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_COUNT), 0);
	CU_ASSERT_EQUAL(itsma_section_result_capability_level(sc(r, "G1")), -1); /* not a process */
	CU_ASSERT(isnan(itsma_section_result_attribute_achievement(sc(r, "G1"), ITSMA_PA2_1)));
	CU_ASSERT_EQUAL(itsma_result_section_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_result_gap_at(NULL, 0));
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* ---- JSON ------------------------------------------------------------------------------------ */

/*
 * A small fixture covering every kind of entry. Hand arithmetic:
 *   P (process, w 1): R1 (w 1) L 67.5 rated; R2 (w 1, should) unsupported -> 0;
 *                     R3 excluded.  P = (67.5 + 0) / 2 = 33.75 (P)
 *   PA1.1 over the shall requirement R1 alone: 67.5 (L) -> level 1; PA2.1 rated F;
 *   PA2.2 unassessed. Target 2: PA1.1 needs F, PA2.2 needs L.
 *   X (excluded).  Default compliance 33.75; flat (67.5 + 0) / 2 = 33.75; shall 67.5;
 *   should 0. Effective weights 1/2 each: gains R2 50, R1 16.25.
 */
static void test_score__json_golden(void)
{
	static const char expected[] =
	    "{\n"
	    "  \"format\": \"itsma-result/1\",\n"
	    "  \"assessment\": \"test\",\n"
	    "  \"catalogue\": \"cat\",\n"
	    "  \"date\": \"2026-11-20\",\n"
	    "  \"policy\": {\n"
	    "    \"evidence\": \"required\"\n"
	    "  },\n"
	    "  \"summary\": {\n"
	    "    \"compliance\": {\n"
	    "      \"default\": 33.75,\n"
	    "      \"flat\": 33.75,\n"
	    "      \"flat_unweighted\": 33.75,\n"
	    "      \"absolute\": 0,\n"
	    "      \"shall\": 67.5,\n"
	    "      \"should\": 0\n"
	    "    },\n"
	    "    \"verdict\": \"conditional\",\n"
	    "    \"requirements\": {\n"
	    "      \"total\": 4,\n"
	    "      \"applicable\": 2,\n"
	    "      \"excluded\": 2,\n"
	    "      \"rated\": 1,\n"
	    "      \"unassessed\": 0,\n"
	    "      \"unsupported\": 1\n"
	    "    },\n"
	    "    \"nonconformities\": {\n"
	    "      \"major\": 0,\n"
	    "      \"minor\": 1,\n"
	    "      \"unassessed\": 0\n"
	    "    },\n"
	    "    \"capability\": {\n"
	    "      \"processes\": 1,\n"
	    "      \"min\": 1,\n"
	    "      \"max\": 1,\n"
	    "      \"mean\": 1,\n"
	    "      \"targets_set\": 1,\n"
	    "      \"targets_met\": 0\n"
	    "    }\n"
	    "  },\n"
	    "  \"sections\": [\n"
	    "    {\n"
	    "      \"id\": \"P\",\n"
	    "      \"applicable\": true,\n"
	    "      \"achievement\": 33.75,\n"
	    "      \"rating\": \"P\",\n"
	    "      \"capability_level\": 1,\n"
	    "      \"target_level\": 2,\n"
	    "      \"attributes\": {\n"
	    "        \"PA1.1\": { \"achievement\": 67.5, \"rating\": \"L\", \"status\": "
	    "\"derived\" },\n"
	    "        \"PA2.1\": { \"achievement\": 100, \"rating\": \"F\", \"status\": \"rated\" "
	    "},\n"
	    "        \"PA2.2\": { \"achievement\": 0, \"rating\": \"N\", \"status\": "
	    "\"unassessed\" },\n"
	    "        \"PA3.1\": { \"achievement\": 0, \"rating\": \"N\", \"status\": "
	    "\"unassessed\" },\n"
	    "        \"PA3.2\": { \"achievement\": 0, \"rating\": \"N\", \"status\": "
	    "\"unassessed\" },\n"
	    "        \"PA4.1\": { \"achievement\": 0, \"rating\": \"N\", \"status\": "
	    "\"unassessed\" },\n"
	    "        \"PA4.2\": { \"achievement\": 0, \"rating\": \"N\", \"status\": "
	    "\"unassessed\" },\n"
	    "        \"PA5.1\": { \"achievement\": 0, \"rating\": \"N\", \"status\": "
	    "\"unassessed\" },\n"
	    "        \"PA5.2\": { \"achievement\": 0, \"rating\": \"N\", \"status\": "
	    "\"unassessed\" }\n"
	    "      }\n"
	    "    },\n"
	    "    {\n"
	    "      \"id\": \"X\",\n"
	    "      \"applicable\": false\n"
	    "    }\n"
	    "  ],\n"
	    "  \"requirements\": [\n"
	    "    {\n"
	    "      \"id\": \"R1\",\n"
	    "      \"section\": \"P\",\n"
	    "      \"process\": \"P\",\n"
	    "      \"obligation\": \"shall\",\n"
	    "      \"status\": \"rated\",\n"
	    "      \"achievement\": 67.5,\n"
	    "      \"rating\": \"L\",\n"
	    "      \"nonconformity\": \"minor\"\n"
	    "    },\n"
	    "    {\n"
	    "      \"id\": \"R2\",\n"
	    "      \"section\": \"P\",\n"
	    "      \"process\": \"P\",\n"
	    "      \"obligation\": \"should\",\n"
	    "      \"status\": \"unsupported\",\n"
	    "      \"achievement\": 0,\n"
	    "      \"rating\": \"N\",\n"
	    "      \"nonconformity\": null\n"
	    "    },\n"
	    "    {\n"
	    "      \"id\": \"R3\",\n"
	    "      \"section\": \"P\",\n"
	    "      \"process\": \"P\",\n"
	    "      \"obligation\": \"shall\",\n"
	    "      \"status\": \"excluded\",\n"
	    "      \"achievement\": null,\n"
	    "      \"rating\": null,\n"
	    "      \"nonconformity\": null\n"
	    "    },\n"
	    "    {\n"
	    "      \"id\": \"X1\",\n"
	    "      \"section\": \"X\",\n"
	    "      \"process\": null,\n"
	    "      \"obligation\": \"shall\",\n"
	    "      \"status\": \"excluded\",\n"
	    "      \"achievement\": null,\n"
	    "      \"rating\": null,\n"
	    "      \"nonconformity\": null\n"
	    "    }\n"
	    "  ],\n"
	    "  \"gaps\": [\n"
	    "    {\n"
	    "      \"requirement\": \"R1\",\n"
	    "      \"process\": \"P\",\n"
	    "      \"obligation\": \"shall\",\n"
	    "      \"status\": \"rated\",\n"
	    "      \"rating\": \"L\",\n"
	    "      \"achievement\": 67.5,\n"
	    "      \"gain\": 16.25,\n"
	    "      \"guidance\": {\n"
	    "        \"itil4\": [\"Incident management\", \"Say \\\"hi\\\"\"]\n"
	    "      }\n"
	    "    },\n"
	    "    {\n"
	    "      \"requirement\": \"R2\",\n"
	    "      \"process\": \"P\",\n"
	    "      \"obligation\": \"should\",\n"
	    "      \"status\": \"unsupported\",\n"
	    "      \"rating\": \"N\",\n"
	    "      \"achievement\": 0,\n"
	    "      \"gain\": 50,\n"
	    "      \"guidance\": {\n"
	    "        \"itil4\": [\"Incident management\", \"Say \\\"hi\\\"\"]\n"
	    "      }\n"
	    "    }\n"
	    "  ],\n"
	    "  \"capability_gaps\": [\n"
	    "    {\n"
	    "      \"process\": \"P\",\n"
	    "      \"level\": 1,\n"
	    "      \"target\": 2,\n"
	    "      \"attributes\": [\n"
	    "        { \"attribute\": \"PA1.1\", \"rating\": \"L\", \"needed\": \"F\" },\n"
	    "        { \"attribute\": \"PA2.2\", \"rating\": \"N\", \"needed\": \"L\" }\n"
	    "      ]\n"
	    "    }\n"
	    "  ],\n"
	    "  \"evidence_issues\": [\n"
	    "    {\n"
	    "      \"evidence\": \"E-OLD\",\n"
	    "      \"problem\": \"expired\",\n"
	    "      \"cited_by\": [\"R2\", \"P/PA2.1\"]\n"
	    "    },\n"
	    "    {\n"
	    "      \"evidence\": \"E-SPARE\",\n"
	    "      \"problem\": \"unused\",\n"
	    "      \"cited_by\": []\n"
	    "    }\n"
	    "  ]\n"
	    "}\n";
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *a;
	itsma_result *r;
	char *json = NULL, *again = NULL;

	ASSERT_OK(itsma_catalogue_put_guidance_source(c, "itil4", "ITIL 4", ASSERT_ERR));
	ASSERT_OK(itsma_catalogue_put_guidance_source(c, "cobit2019", "COBIT 2019", ASSERT_ERR));
	sec(c, NULL, "P", 1, 1);
	req(c, "P", "R1", 1, SHALL);
	req(c, "P", "R2", 1, SHOULD);
	req(c, "P", "R3", 1, SHALL);
	ASSERT_OK(itsma_catalogue_add_guidance(c, itsma_catalogue_find_section(c, "P"), "itil4",
	                                       "Incident management", ASSERT_ERR));
	ASSERT_OK(itsma_catalogue_add_guidance(c, itsma_catalogue_find_section(c, "P"), "itil4",
	                                       "Say \"hi\"", ASSERT_ERR));
	sec(c, NULL, "X", 1, 0);
	req(c, "X", "X1", 1, SHALL);
	a = asm_new(c);
	ev(a, "E-OLD", "2020-01-01", "2020-12-31");
	ev(a, "E-SPARE", "2026-01-01", NULL);
	rate(a, "R1", "L", "EV", NULL);
	rate(a, "R2", "F", "E-OLD", NULL);
	rate_pa(a, "P", ITSMA_PA2_1, "F", "EV", "E-OLD", NULL);
	exclude(a, "R3");
	exclude(a, "X");
	ASSERT_OK(itsma_assessment_set_target(a, 2, ASSERT_ERR));
	r = score(a, REQUIRED, NULL);
	ASSERT_OK(itsma_result_to_json(&json, r, ASSERT_ERR));
	if (strcmp(json, expected) != 0)
		fprintf(stderr, "\n--- got:\n%s--- expected:\n%s", json, expected);
	CU_ASSERT_STRING_EQUAL(json, expected);
	/* same inputs, same bytes */
	itsma_result_free(r);
	r = score(a, REQUIRED, NULL);
	ASSERT_OK(itsma_result_to_json(&again, r, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(json, again);
	itsma_free(again);
	itsma_free(json);
	itsma_result_free(r);

	/* a section-scoped result says which section it scores */
	r = score(a, ADVISORY, "P");
	ASSERT_OK(itsma_result_to_json(&json, r, ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"policy\": {\n    \"evidence\": \"advisory\",\n"
	                                    "    \"section\": \"P\"\n  },"));
	CU_ASSERT_PTR_NULL(strstr(json, "\"X1\""));
	itsma_free(json);
	itsma_result_free(r);
	json = (char *)&json;
	CU_ASSERT_EQUAL(itsma_result_to_json(&json, NULL, NULL), ITSMA_EINVAL);
	CU_ASSERT_PTR_NULL(json);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* The built-in ISO/IEC 20000-1:2018 catalogue scores and writes without trouble. */
static void test_score__builtin_catalogue(void)
{
	itsma_catalogue *c = NULL;
	itsma_assessment *a = NULL;
	itsma_result *r;
	char *json = NULL;
	size_t i;

	if (itsma_catalogue_builtin_count() == 0)
		return;
	ASSERT_OK(itsma_catalogue_builtin(&c, itsma_catalogue_builtin_id(0), ASSERT_ERR));
	a = asm_new(c);
	for (i = 0; i < itsma_catalogue_requirement_count(c); i += 3)
		rate(a, itsma_requirement_id(itsma_catalogue_requirement_at(c, i)),
		     i % 2 ? "L" : "F", "EV", NULL);
	ASSERT_OK(itsma_assessment_set_target(a, 1, ASSERT_ERR));
	r = score(a, REQUIRED, NULL);
	CU_ASSERT(compliance(r, ITSMA_MODEL_DEFAULT) > 0);
	CU_ASSERT(compliance(r, ITSMA_MODEL_DEFAULT) < 100);
	CU_ASSERT_EQUAL(itsma_result_requirement_count(r), itsma_catalogue_requirement_count(c));
	ASSERT_OK(itsma_result_to_json(&json, r, ASSERT_ERR));
	itsma_free(json);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* ---- allocation failures --------------------------------------------------------------------- */

/* Score (and write) with the n-th allocation failing, for every n until none fails. */
static void oom_loop(const itsma_assessment *a, const char *section)
{
	itsma_score_options o = ITSMA_SCORE_OPTIONS_INIT;
	long n;
	int done = 0;

	o.section = section;
	for (n = 0; !done && n < 100000; n++) {
		itsma_result *r = NULL;
		char *json = NULL;
		itsma_error err = ITSMA_ERROR_INIT;
		int rc, scored;
		long base = live_blocks;
		alloc_calls = 0;
		fail_countdown = n;
		rc = itsma_score(&r, a, &o, &err);
		scored = rc == 0;
		if (scored)
			rc = itsma_result_to_json(&json, r, &err);
		fail_countdown = -1;
		if (alloc_calls <= n) {
			CU_ASSERT_EQUAL(rc, 0); /* no allocation failed */
			done = 1;
		} else if (rc != 0) {
			/* (an allocation the C library can do without, such as qsort's
			 * buffer, may fail with the call still succeeding) */
			CU_ASSERT_EQUAL(rc, ITSMA_ENOMEM);
			CU_ASSERT_EQUAL(err.code, ITSMA_ENOMEM);
			CU_ASSERT_PTR_NULL(json);
			if (!scored)
				CU_ASSERT_PTR_NULL(r);
		}
		itsma_free(json);
		itsma_result_free(r);
		CU_ASSERT_EQUAL(live_blocks, base); /* nothing leaked (inert under valgrind) */
	}
	CU_ASSERT(done);
	if (getenv("ITSMA_TEST_VERBOSE"))
		fprintf(stderr, "\n%ld allocation failures injected\n", n - 1);
}

/* Every allocation failure: ITSMA_ENOMEM, *out NULL, nothing leaked. */
static void test_score__allocation_failures(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	size_t i;

#ifdef NO_HOOK
	return;
#endif
	build_levels(&c, &a);
	ASSERT_OK(itsma_catalogue_put_guidance_source(c, "itil4", "ITIL 4", ASSERT_ERR));
	ASSERT_OK(itsma_catalogue_add_guidance(c, itsma_catalogue_find_section(c, "P1"), "itil4",
	                                       "Incident management", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_target(a, 3, ASSERT_ERR));
	ev(a, "E-OLD", "2020-01-01", "2020-12-31");
	rate(a, "R5", "F", "E-OLD", NULL);
	exclude(a, "P0");
	oom_loop(a, NULL);
	oom_loop(a, "P5");
	itsma_assessment_free(a);
	itsma_catalogue_free(c);

	/* a large catalogue: many arena chunks, warnings and guidance */
	if (itsma_catalogue_builtin_count() == 0)
		return;
	ASSERT_OK(itsma_catalogue_builtin(&c, itsma_catalogue_builtin_id(0), ASSERT_ERR));
	a = asm_new(c);
	ev(a, "E-OLD", "2020-01-01", "2020-12-31");
	for (i = 0; i < itsma_catalogue_requirement_count(c); i += 2)
		rate(a, itsma_requirement_id(itsma_catalogue_requirement_at(c, i)),
		     i % 3 ? "L" : "P", i % 5 ? "EV" : "E-OLD", NULL);
	ASSERT_OK(itsma_assessment_set_target(a, 2, ASSERT_ERR));
	oom_loop(a, NULL);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

static const itsma_test_case tests[] = {
	{ "letter_values", test_score__letter_values },
	{ "band_edges", test_score__band_edges },
	{ "letters_from_unrounded_values", test_score__letters_from_unrounded_values },
	{ "status_order", test_score__status_order },
	{ "excluded_rating_warns", test_score__excluded_rating_warns },
	{ "evidence_currency", test_score__evidence_currency },
	{ "zero_rating_needs_no_evidence", test_score__zero_rating_needs_no_evidence },
	{ "evidence_policy", test_score__evidence_policy },
	{ "default_model", test_score__default_model },
	{ "flat_and_absolute_models", test_score__flat_and_absolute_models },
	{ "flat_all_zero_weights", test_score__flat_all_zero_weights },
	{ "xccdf_weight_zero_flat_unweighted_and_absolute",
	  test_score__xccdf_weight_zero_flat_unweighted_and_absolute },
	{ "xccdf_all_zero_flat_unweighted_and_absolute",
	  test_score__xccdf_all_zero_flat_unweighted_and_absolute },
	{ "shall_should_models", test_score__shall_should_models },
	{ "weight_zero_is_informational", test_score__weight_zero_is_informational },
	{ "all_zero_weights", test_score__all_zero_weights },
	{ "exclusions_at_every_depth", test_score__exclusions_at_every_depth },
	{ "nothing_applicable", test_score__nothing_applicable },
	{ "pa11_derivation", test_score__pa11_derivation },
	{ "attribute_statuses", test_score__attribute_statuses },
	{ "capability_levels", test_score__capability_levels },
	{ "targets_and_capability_gaps", test_score__targets_and_capability_gaps },
	{ "nonconformity_classes", test_score__nonconformity_classes },
	{ "verdicts", test_score__verdicts },
	{ "effective_weights_and_gains", test_score__effective_weights_and_gains },
	{ "gap_order", test_score__gap_order },
	{ "gap_guidance", test_score__gap_guidance },
	{ "evidence_issues", test_score__evidence_issues },
	{ "section_scope", test_score__section_scope },
	{ "bad_options", test_score__bad_options },
	{ "accessors", test_score__accessors },
	{ "json_golden", test_score__json_golden },
	{ "builtin_catalogue", test_score__builtin_catalogue },
	{ "allocation_failures", test_score__allocation_failures },
	{ NULL, NULL }
};

ITSMA_TEST_MAIN("score", tests)
