/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Explanations (itsma_result_explain): the text says how each figure came about. The
 * expected figures are worked out by hand beside each check. Assessments are dated
 * 2026-11-20; evidence "EV" (collected 2026-01-01, no expiry) is current.
 */
#include "harness.h"

#include <stdarg.h>

#include "fixture.h"

#define SHALL    ITSMA_OBLIGATION_SHALL
#define SHOULD   ITSMA_OBLIGATION_SHOULD
#define REQUIRED ITSMA_EVIDENCE_POLICY_REQUIRED
#define ADVISORY ITSMA_EVIDENCE_POLICY_ADVISORY

/* Explain into a string (Owned by the test); fails the test on error. */
static char *explain(const itsma_result *r, const char *id)
{
	char *s = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	if (itsma_result_explain(&s, r, id, &err) != 0)
		fprintf(stderr, "\nitsma_result_explain(%s): %s\n", id, err.message);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	if (getenv("ITSMA_TEST_VERBOSE"))
		fprintf(stderr, "\n%s", s);
	return s;
}

#define HAS(text, needle)                                                                          \
	do {                                                                                       \
		if (!strstr((text), (needle)))                                                     \
			fprintf(stderr, "\n%s:%d: missing \"%s\" in:\n%s", __FILE__, __LINE__,     \
			        (needle), (text));                                                 \
		CU_ASSERT_PTR_NOT_NULL(strstr((text), (needle)));                                  \
	} while (0)

/*
 * P (process, w 1): R1 (w 1) L citing EV-7 (expired) and EV (current); R2 (w 3) F citing
 * EV-7 only (unsupported); R3 (should, w 1) unassessed; R4 excluded but rated;
 * Q (group, w 0): R5 (w 1) F.   Assessment date 2026-11-20.
 */
static void build(itsma_catalogue **c_out, itsma_assessment **a_out)
{
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *a;
	sec(c, NULL, "P", 1, 1);
	req(c, "P", "R1", 1, SHALL);
	req(c, "P", "R2", 3, SHALL);
	req(c, "P", "R3", 1, SHOULD);
	req(c, "P", "R4", 1, SHALL);
	sec(c, "P", "Q", 0, 0);
	req(c, "Q", "R5", 1, SHALL);
	sec(c, "P", "Z", 1, 0); /* no requirement: not applicable */
	sec(c, NULL, "X", 1, 0);
	req(c, "X", "X1", 1, SHALL);
	a = asm_new(c);
	ev(a, "EV-7", "2025-01-01", "2026-01-31");
	ev(a, "EV-9", "2026-12-01", NULL);
	ev(a, "EV-D", "2026-02-01", "2026-11-20");
	rate(a, "R1", "L", "EV-7", "EV", NULL);
	rate(a, "R2", "F", "EV-7", "EV-9", NULL);
	rate(a, "R4", "P+", "EV", NULL);
	rate(a, "R5", "F", "EV-D", NULL);
	rate(a, "X1", "F", "EV", NULL);
	rate_pa(a, "P", ITSMA_PA2_1, "F", "EV", NULL);
	rate_pa(a, "P", ITSMA_PA2_2, "L", "EV-7", NULL);
	ASSERT_OK(itsma_assessment_put_exclusion(a, "R4", "Outsourced entirely.", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_target(a, 2, ASSERT_ERR));
	*c_out = c;
	*a_out = a;
}

/* A rated requirement: rating, each evidence record judged, status, figures, weight, gain. */
static void test_explain__rated_requirement(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	char *s;

	build(&c, &a);
	r = score(a, REQUIRED, NULL);
	s = explain(r, "R1");
	HAS(s, "Requirement R1 (shall)");
	HAS(s, "in process P");
	HAS(s, "Rating: L (67.5), citing 2 evidence records:");
	HAS(s, "EV-7 (\"EV-7\", document) is not current: it expired on 2026-01-31, before the "
	       "assessment date 2026-11-20.");
	HAS(s, "EV (\"Current evidence\", document) is current: collected on 2026-01-01");
	HAS(s, "Status: rated: at least one cited evidence record is current (evidence policy "
	       "required).");
	HAS(s, "Achievement: 67.5, band L (50 < a <= 85).");
	HAS(s, "Nonconformity: minor (a shall requirement rated L).");
	/* top level: P (1), X (1) -> P = 1/2; P's applicable children: R1 (1), R2 (3), R3 (1),
	 * Q (0): total 5 -> R1 = 1/2 x 1/5 = 0.1 */
	HAS(s, "Effective weight: 0.1, the product");
	HAS(s, "section P: weight 1 of a total 2 over the 2 applicable top-level sections = 0.5\n");
	HAS(s, "requirement R1: weight 1 of a total 5 over the 4 applicable children of P = 0.2\n");
	/* gain: 0.1 x (100 - 67.5) = 3.25; gaps: R2 (major), R1 (minor), R3 (should) */
	HAS(s, "Gain: 0.1 x (100 - 67.5) = 3.25 percentage points");
	HAS(s, "it is gap 2 of 3 in priority order");
	itsma_free(s);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Unsupported: no cited evidence is current; the policy decides what it counts. */
static void test_explain__unsupported_requirement(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	char *s;

	build(&c, &a);
	r = score(a, REQUIRED, NULL);
	s = explain(r, "R2");
	HAS(s, "Rating: F (100), citing 2 evidence records:");
	HAS(s, "EV-9 (\"EV-9\", document) is not current: it was collected on 2026-12-01, after "
	       "the assessment date 2026-11-20.");
	HAS(s, "Status: unsupported: the rating is above 0 and none of its cited evidence is "
	       "current.");
	HAS(s, "Under the required evidence policy an unsupported rating counts 0.");
	HAS(s, "Achievement: 0, band N");
	HAS(s, "Nonconformity: major (a shall requirement whose rating is unsupported under the "
	       "required policy).");
	/* 1/2 x 3/5 x 100 = 30 */
	HAS(s, "Gain: 0.3 x (100 - 0) = 30 percentage points");
	HAS(s, "it is gap 1 of 3");
	itsma_free(s);
	itsma_result_free(r);
	r = score(a, ADVISORY, NULL);
	s = explain(r, "R2");
	HAS(s, "Under the advisory evidence policy an unsupported rating counts as rated.");
	HAS(s, "Achievement: 100, band F");
	HAS(s, "rated F, it is not a gap.");
	itsma_free(s);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Unassessed should requirement; evidence expiring on the assessment date is current. */
static void test_explain__unassessed_and_should(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	char *s;

	build(&c, &a);
	r = score(a, REQUIRED, NULL);
	s = explain(r, "R3");
	HAS(s, "Requirement R3 (should)");
	HAS(s, "Rating: none.");
	HAS(s, "Status: unassessed: the assessment does not rate it, so its achievement is 0.");
	HAS(s, "only shall requirements are judged for conformity");
	itsma_free(s);
	s = explain(r, "R5");
	HAS(s, "EV-D (\"EV-D\", document) is current: collected on 2026-02-01, it expires on "
	       "2026-11-20, the assessment date itself.");
	/* Q weighs 0 among weighted siblings: R5's effective weight is 0 */
	HAS(s,
	    "section Q: weight 0 of a total 5 over the 4 applicable children of P = 0 (weight 0: "
	    "informational)");
	HAS(s, "Effective weight: 0,");
	itsma_free(s);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Excluded requirement: why, and that its rating is ignored. */
static void test_explain__excluded_requirement(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	char *s;

	build(&c, &a);
	exclude(a, "X");
	r = score(a, REQUIRED, NULL);
	s = explain(r, "R4");
	HAS(s, "Status: excluded: R4 is excluded (\"Outsourced entirely.\") from the assessment's "
	       "scope");
	HAS(s, "Its rating P+ (41.25) is ignored, with a warning.");
	itsma_free(s);
	s = explain(r, "X1"); /* through its section */
	HAS(s, "Status: excluded: X is excluded (\"Not relevant here.\")");
	itsma_free(s);
	s = explain(r, "X");
	HAS(s,
	    "Not applicable: X is excluded (\"Not relevant here.\") from the assessment's scope");
	itsma_free(s);
	s = explain(r, "Z");
	HAS(s, "Not applicable: there is no applicable requirement beneath it");
	itsma_free(s);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* A section: children with weights and achievements, excluded and weight-0 ones noted,
 * the weighted-mean arithmetic. */
static void test_explain__section_mean(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	char *s;

	build(&c, &a);
	r = score(a, REQUIRED, NULL);
	s = explain(r, "P");
	HAS(s, "Section P (a process): \"P\"");
	HAS(s, "It is a top-level section of the catalogue.");
	/* P = (1 x 67.5 + 3 x 0 + 1 x 0 + 0 x 100) / (1 + 3 + 1 + 0) = 67.5 / 5 = 13.5 */
	HAS(s, "Achievement: 13.5, band N (0 <= a <= 15), the default model: the weighted mean");
	HAS(s, "  - requirement R1: weight 1, achievement L (67.5), rated\n");
	HAS(s, "  - requirement R2: weight 3, achievement N (0), unsupported\n");
	HAS(s, "  - requirement R3: weight 1, achievement N (0), unassessed\n");
	HAS(s, "  - section Q: weight 0, achievement F (100): informational (weight 0), it counts "
	       "nothing in the mean\n");
	HAS(s, "Left out:\n  - requirement R4: excluded: R4 is excluded (\"Outsourced "
	       "entirely.\").\n");
	HAS(s, "  - section Z: not applicable: no applicable requirement beneath it.\n");
	HAS(s, "Arithmetic (weighted mean): (1 x 67.5 + 3 x 0 + 1 x 0 + 0 x 100) / (1 + 3 + 1 + 0) "
	       "= 67.5 / 5 = 13.5, band N.");
	itsma_free(s);
	s = explain(r, "Q");
	HAS(s, "It belongs to section P.");
	HAS(s, "section Q: weight 0 of a total 5");
	itsma_free(s);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Every applicable child weighs 0: the unweighted mean. */
static void test_explain__section_all_zero_weights(void)
{
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *a;
	itsma_result *r;
	char *s;

	sec(c, NULL, "G", 0, 0);
	req(c, "G", "R1", 0, SHALL);
	req(c, "G", "R2", 0, SHALL);
	req(c, "G", "R3", 0, SHALL);
	a = asm_new(c);
	rate(a, "R1", "F", "EV", NULL);
	rate(a, "R2", "P", "EV", NULL);
	r = score(a, REQUIRED, NULL);
	s = explain(r, "G");
	/* (100 + 32.5 + 0) / 3 = 44.1667 */
	HAS(s, "Arithmetic: every applicable child weighs 0, so the unweighted mean: "
	       "(100 + 32.5 + 0) / 3 = 44.1667, band P.");
	HAS(s,
	    "  - requirement R1: weight 0, achievement F (100), rated\n"); /* not "informational" */
	itsma_free(s);
	s = explain(r, "R2");
	HAS(s,
	    "requirement R2: all of the 3 applicable children of G weigh 0, so 1 of 3 = 0.333333");
	HAS(s, "section G: the only applicable top-level section = 1\n");
	itsma_free(s);
	s = explain(r, "cat");
	HAS(s, "Catalogue cat, assessment test of 2026-11-20, evidence policy required.");
	HAS(s, "Default compliance: 44.1667");
	/* R2 (P) major, R3 unassessed */
	HAS(s, "Verdict: nonconformant (1 major, 0 minor, 1 unassessed shall requirements).");
	itsma_free(s);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* A process: every attribute and why, which attribute stopped the next level, the target. */
static void test_explain__process_capability(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	char *s;

	build(&c, &a);
	rate(a, "R2", "F", "EV",
	     NULL); /* P's shall model: R1 67.5 (w 1), R2 100 (w 3), Q R5 100 (w 0) */
	r = score(a, REQUIRED, NULL);
	s = explain(r, "P");
	/* PA1.1 = (1 x 67.5 + 3 x 100 + 0 x 100) / 4 = 91.875 -> F; PA2.1 F; PA2.2 L unsupported ->
	 * 0 */
	HAS(s, "Process capability: level 1, target 2 (not met).");
	HAS(s, "  PA1.1 derived, the default model over the process's 3 applicable shall "
	       "requirements: achievement 91.875, band F.");
	HAS(s, "  PA2.1 rated F (100) with current evidence: achievement 100, band F.");
	HAS(s,
	    "  PA2.2 unsupported: rated L (67.5) but none of its cited evidence is current; under "
	    "the required policy it counts 0: achievement 0, band N.");
	HAS(s, "    - EV-7 (\"EV-7\", document) is not current: it expired on 2026-01-31");
	HAS(s, "  PA3.1 unassessed (not rated), so it counts 0: achievement 0, band N.");
	HAS(s, "Level 1 reached: PA1.1 is F (L or F).");
	HAS(s, "Level 2 not reached: PA2.2 is N, not L or F.");
	HAS(s, "To reach target level 2: PA2.2 needs L (now N).");
	itsma_free(s);
	itsma_result_free(r);
	r = score(a, ADVISORY, NULL);
	s = explain(r, "P");
	HAS(s, "under the advisory policy it keeps its rating: achievement 67.5, band L.");
	HAS(s, "Level 2 reached: PA2.1 is F, PA2.2 is L (L or F), and every attribute below is F.");
	HAS(s, "Level 3 not reached: PA2.2 is L, not F; PA3.1 is N, not L or F; PA3.2 is N, not L "
	       "or F.");
	HAS(s, "Process capability: level 2, target 2 (met).");
	itsma_free(s);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Section-scoped results and unknown ids. */
static void test_explain__scope_and_errors(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	itsma_error err = ITSMA_ERROR_INIT;
	char *s = (char *)&s;

	build(&c, &a);
	r = score(a, REQUIRED, "P");
	s = explain(r, "P");
	HAS(s, "It is the section this result scores alone");
	HAS(s, "  section P: the section scored alone = 1\n");
	itsma_free(s);
	s = explain(r, "cat");
	HAS(s, "This result scores section P alone, as if it were the whole catalogue.");
	itsma_free(s);
	CU_ASSERT_EQUAL(itsma_result_explain(&s, r, "X1", &err), ITSMA_ENOTFOUND);
	CU_ASSERT_PTR_NULL(s);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "outside section P"));
	CU_ASSERT_EQUAL(itsma_result_explain(&s, r, "nope", &err), ITSMA_ENOTFOUND);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "nope"));
	CU_ASSERT_EQUAL(itsma_result_explain(&s, r, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_result_explain(&s, NULL, "P", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_result_explain(NULL, r, "P", &err), ITSMA_EINVAL);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Every allocation failure: ITSMA_ENOMEM, *out NULL, nothing leaked. */
static void test_explain__allocation_failures(void)
{
	static const char *ids[] = { "R1", "R2", "R4", "P", "Q", "X", "cat" };
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	size_t i;

#ifdef NO_HOOK
	return;
#endif
	build(&c, &a);
	r = score(a, REQUIRED, NULL);
	for (i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		long n;
		int done = 0;
		for (n = 0; !done && n < 100000; n++) {
			char *s = NULL;
			itsma_error err = ITSMA_ERROR_INIT;
			long base = live_blocks;
			int rc;
			alloc_calls = 0;
			fail_countdown = n;
			rc = itsma_result_explain(&s, r, ids[i], &err);
			fail_countdown = -1;
			if (alloc_calls <= n) {
				CU_ASSERT_EQUAL(rc, 0);
				done = 1;
			} else {
				CU_ASSERT_EQUAL(rc, ITSMA_ENOMEM);
				CU_ASSERT_PTR_NULL(s);
			}
			itsma_free(s);
			CU_ASSERT_EQUAL(live_blocks, base);
		}
		CU_ASSERT(done);
	}
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

static const itsma_test_case tests[] = {
	{ "rated_requirement", test_explain__rated_requirement },
	{ "unsupported_requirement", test_explain__unsupported_requirement },
	{ "unassessed_and_should", test_explain__unassessed_and_should },
	{ "excluded_requirement", test_explain__excluded_requirement },
	{ "section_mean", test_explain__section_mean },
	{ "section_all_zero_weights", test_explain__section_all_zero_weights },
	{ "process_capability", test_explain__process_capability },
	{ "scope_and_errors", test_explain__scope_and_errors },
	{ "allocation_failures", test_explain__allocation_failures },
	{ NULL, NULL }
};

ITSMA_TEST_MAIN("explain", tests)
