/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Trends (itsma/trend.h): results in chronological order, capability levels over time,
 * nonconformities opened and closed, requirements that regressed more than once, and the
 * trend's reports. Figures are worked out by hand beside each check.
 */
#include "harness.h"

#include <stdarg.h>

#include "fixture.h"

#define REQUIRED ITSMA_EVIDENCE_POLICY_REQUIRED

#define HAS(text, needle)                                                                          \
	do {                                                                                       \
		if (!strstr((text), (needle)))                                                     \
			fprintf(stderr, "\n%s:%d: missing \"%s\" in:\n%s", __FILE__, __LINE__,     \
			        (needle), (text));                                                 \
		CU_ASSERT_PTR_NOT_NULL(strstr((text), (needle)));                                  \
	} while (0)

/*
 * Catalogue: process P (R1, R2 shall), group G (R3 shall). Four assessments (dates in
 * order), ratings of R1 / R2 / R3 and PA2.1 of P:
 *   q1 2026-01-10  F / F / L   PA2.1 -
 *   q2 2026-04-10  L / F / F   PA2.1 F   R1 regressed
 *   q3 2026-07-10  F / P / F   PA2.1 F   R2 regressed (R1 improved)
 *   q4 2026-10-10  P / N / F   PA2.1 F   R1 and R2 regressed again: both twice
 */
static itsma_catalogue *catalogue(void)
{
	itsma_catalogue *c = cat_new("cat");
	sec(c, NULL, "P", 1, 1);
	req(c, "P", "R1", 1, ITSMA_OBLIGATION_SHALL);
	req(c, "P", "R2", 1, ITSMA_OBLIGATION_SHALL);
	sec(c, NULL, "G", 1, 0);
	req(c, "G", "R3", 1, ITSMA_OBLIGATION_SHALL);
	return c;
}

static itsma_assessment *quarter(const itsma_catalogue *c, const char *id, const char *date,
                                 const char *r1, const char *r2, const char *r3, const char *pa21)
{
	itsma_assessment *a = asm_new(c);
	ASSERT_OK(itsma_assessment_set_id(a, id, ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_date(a, date, ASSERT_ERR));
	rate(a, "R1", r1, "EV", NULL);
	rate(a, "R2", r2, "EV", NULL);
	rate(a, "R3", r3, "EV", NULL);
	if (pa21)
		rate_pa(a, "P", ITSMA_PA2_1, pa21, "EV", NULL);
	ASSERT_OK(itsma_assessment_set_target(a, 2, ASSERT_ERR));
	return a;
}

typedef struct fixture {
	itsma_catalogue *c;
	itsma_assessment *a[4];
	itsma_result *r[4];
} fixture;

static void setup(fixture *f)
{
	f->c = catalogue();
	f->a[0] = quarter(f->c, "q1", "2026-01-10", "F", "F", "L", NULL);
	f->a[1] = quarter(f->c, "q2", "2026-04-10", "L", "F", "F", "F");
	f->a[2] = quarter(f->c, "q3", "2026-07-10", "F", "P", "F", "F");
	f->a[3] = quarter(f->c, "q4", "2026-10-10", "P", "N", "F", "F");
	for (int i = 0; i < 4; i++)
		f->r[i] = score(f->a[i], REQUIRED, NULL);
}

static void teardown(fixture *f)
{
	for (int i = 0; i < 4; i++) {
		itsma_result_free(f->r[i]);
		itsma_assessment_free(f->a[i]);
	}
	itsma_catalogue_free(f->c);
}

static void test_trend__figures(void)
{
	fixture f;
	itsma_trend *t = NULL;
	setup(&f);
	ASSERT_OK(itsma_trend_new(&t, (const itsma_result *const *)f.r, 4, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_trend_count(t), 4);
	CU_ASSERT_PTR_EQUAL(itsma_trend_result_at(t, 2), f.r[2]);
	CU_ASSERT_PTR_NULL(itsma_trend_result_at(t, 4));
	CU_ASSERT_PTR_NULL(itsma_trend_diff_at(t, 0));
	CU_ASSERT_PTR_EQUAL(itsma_diff_before(itsma_trend_diff_at(t, 3)), f.r[2]);
	/* nonconformities: q1 R3 minor; q2 R1 minor (opened), R3 closed; q3 R2 major (opened),
	 * R1 closed; q4 R1 major (opened), R2 stays major */
	CU_ASSERT_EQUAL(itsma_diff_tally_of(itsma_trend_diff_at(t, 1), ITSMA_DIFF_TALLY_NC_OPENED),
	                1);
	CU_ASSERT_EQUAL(itsma_diff_tally_of(itsma_trend_diff_at(t, 1), ITSMA_DIFF_TALLY_NC_CLOSED),
	                1);
	CU_ASSERT_EQUAL(itsma_diff_tally_of(itsma_trend_diff_at(t, 2), ITSMA_DIFF_TALLY_NC_OPENED),
	                1);
	CU_ASSERT_EQUAL(itsma_diff_tally_of(itsma_trend_diff_at(t, 2), ITSMA_DIFF_TALLY_NC_CLOSED),
	                1);
	CU_ASSERT_EQUAL(itsma_diff_tally_of(itsma_trend_diff_at(t, 3), ITSMA_DIFF_TALLY_NC_OPENED),
	                1);
	/* one process; PA1.1 of P: mean of R1 and R2 */
	CU_ASSERT_EQUAL(itsma_trend_process_count(t), 1);
	CU_ASSERT_STRING_EQUAL(itsma_trend_process_id(t, 0), "P");
	CU_ASSERT_PTR_NULL(itsma_trend_process_id(t, 1));
	/* PA1.1 is the mean of R1 and R2: q1 100 (F), PA2.1 unrated -> level 1; q2 83.75 (L)
	 * -> 1 (level 2 needs PA1.1 F); q3 66.25 (L) -> 1; q4 20 (P) -> 0 */
	CU_ASSERT_EQUAL(itsma_trend_process_level(t, 0, 0), 1);
	CU_ASSERT_EQUAL(itsma_trend_process_level(t, 0, 1), 1);
	CU_ASSERT_EQUAL(itsma_trend_process_level(t, 0, 2), 1);
	CU_ASSERT_EQUAL(itsma_trend_process_level(t, 0, 3), 0);
	CU_ASSERT_EQUAL(itsma_trend_process_level(t, 0, 4), -1);
	/* R1 regressed q1->q2 and q3->q4; R2 q2->q3 and q3->q4: both twice, in catalogue order */
	CU_ASSERT_EQUAL(itsma_trend_repeat_count(t), 2);
	CU_ASSERT_STRING_EQUAL(itsma_trend_repeat_id(t, 0), "R1");
	CU_ASSERT_STRING_EQUAL(itsma_trend_repeat_id(t, 1), "R2");
	CU_ASSERT_EQUAL(itsma_trend_repeat_times(t, 0), 2);
	CU_ASSERT_EQUAL(itsma_trend_repeat_times(t, 1), 2);
	CU_ASSERT_PTR_NULL(itsma_trend_repeat_id(t, 2));
	CU_ASSERT_EQUAL(itsma_trend_repeat_times(t, 2), 0);
	itsma_trend_free(t);

	/* one result: a trend of one point, nothing regressed */
	ASSERT_OK(itsma_trend_new(&t, (const itsma_result *const *)f.r, 1, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_trend_count(t), 1);
	CU_ASSERT_EQUAL(itsma_trend_repeat_count(t), 0);
	itsma_trend_free(t);
	teardown(&f);
}

static void test_trend__errors(void)
{
	fixture f;
	itsma_trend *t = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	setup(&f);
	const itsma_result *backwards[] = { f.r[1], f.r[0] };
	CU_ASSERT_EQUAL(itsma_trend_new(&t, backwards, 2, &err), ITSMA_EINVAL);
	CU_ASSERT_PTR_NULL(t);
	HAS(err.message, "oldest first: \"q1\" (2026-01-10) comes after \"q2\" (2026-04-10)");
	CU_ASSERT_EQUAL(itsma_trend_new(&t, backwards, 0, &err), ITSMA_EINVAL);
	const itsma_result *holes[] = { f.r[0], NULL };
	CU_ASSERT_EQUAL(itsma_trend_new(&t, holes, 2, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_trend_new(NULL, holes, 1, &err), ITSMA_EINVAL);
	/* another catalogue */
	itsma_catalogue *c2 = cat_new("other");
	sec(c2, NULL, "S", 1, 0);
	req(c2, "S", "Q1", 1, ITSMA_OBLIGATION_SHALL);
	itsma_assessment *a2 = asm_new(c2);
	ASSERT_OK(itsma_assessment_set_date(a2, "2026-12-01", ASSERT_ERR));
	itsma_result *r2 = score(a2, REQUIRED, NULL);
	const itsma_result *mixed[] = { f.r[0], r2 };
	CU_ASSERT_EQUAL(itsma_trend_new(&t, mixed, 2, &err), ITSMA_EINVAL);
	HAS(err.message, "other");
	itsma_result_free(r2);
	itsma_assessment_free(a2);
	itsma_catalogue_free(c2);
	/* getters accept NULL */
	CU_ASSERT_EQUAL(itsma_trend_count(NULL), 0);
	CU_ASSERT_EQUAL(itsma_trend_process_level(NULL, 0, 0), -1);
	itsma_trend_free(NULL);
	teardown(&f);
}

static char *render(const itsma_trend *t, itsma_report_format format)
{
	itsma_report_options o = ITSMA_REPORT_OPTIONS_INIT;
	char *s = NULL;
	o.format = format;
	ASSERT_OK(itsma_trend_report_string(&s, NULL, t, &o, ASSERT_ERR));
	if (getenv("ITSMA_TEST_VERBOSE"))
		fprintf(stderr, "\n%s", s);
	return s;
}

static void test_trend__reports(void)
{
	fixture f;
	itsma_trend *t = NULL;
	setup(&f);
	ASSERT_OK(itsma_catalogue_set_title(f.c, "Cat\x1b[2J\nForged", ASSERT_ERR));
	ASSERT_OK(itsma_trend_new(&t, (const itsma_result *const *)f.r, 4, ASSERT_ERR));
	char *s = render(t, ITSMA_REPORT_FORMAT_TEXT);
	HAS(s, "Trend of 4 assessments: Cat\\x1b[2J\\x0aForged\n");
	HAS(s, "q2                  2026-04-10  conditional       91.9%   91.9%     n/a      0     "
	       " 1       1       1\n"); /* (83.75 + 100) / 2 */
	HAS(s, "  P        P                                        1 \xE2\x86\x92 1 \xE2\x86\x92 "
	       "1 \xE2\x86\x92 0   (2)\n");
	HAS(s, "Requirements that regressed more than once (2)\n  R1           2 times  R1\n");
	CU_ASSERT_PTR_NULL(strchr(s, '\x1b'));
	itsma_free(s);
	s = render(t, ITSMA_REPORT_FORMAT_MD);
	HAS(s, "# Trend: Cat\\x1b\\[2J Forged\n");
	HAS(s, "| `q4` | 2026-10-10 | nonconformant |");
	HAS(s, "| P | P | 1 | 1 | 1 | 0 | 2 |\n");
	HAS(s, "| R2 | 2 | R2 |\n");
	itsma_free(s);
	s = render(t, ITSMA_REPORT_FORMAT_CSV);
	HAS(s,
	    "assessment,date,verdict,overall,shall,should,major,minor,unassessed,opened,closed\r\n"
	    "q1,2026-01-10,conditional,");
	HAS(s, ",0,1,0,,\r\nq2,2026-04-10,");
	itsma_free(s);
	s = render(t, ITSMA_REPORT_FORMAT_HTML);
	HAS(s, "script-src 'sha256-");
	HAS(s, "<svg class=\"chart lines\"");
	HAS(s, "<title>overall, 2026-10-10: ");
	HAS(s, "Trend: Cat\x1b[2J\nForged"); /* HTML shows text as it is, escaped for markup */
	itsma_free(s);
	itsma_report_options o = ITSMA_REPORT_OPTIONS_INIT;
	o.version = 0;
	CU_ASSERT_EQUAL(itsma_trend_report_string(&s, NULL, t, &o, NULL), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_trend_report_string(&s, NULL, NULL, NULL, NULL), ITSMA_EINVAL);
	itsma_trend_free(t);
	teardown(&f);
}

static void test_trend__allocation_failures(void)
{
	fixture f;
#ifdef NO_HOOK
	return;
#endif
	setup(&f);
	for (int f_ = ITSMA_REPORT_FORMAT_TEXT; f_ <= ITSMA_REPORT_FORMAT_CSV; f_++) {
		int done = 0;
		for (long n = 0; !done && n < 100000; n++) {
			itsma_trend *t = NULL;
			char *s = NULL;
			itsma_report_options o = ITSMA_REPORT_OPTIONS_INIT;
			long base = live_blocks;
			o.format = (itsma_report_format)f_;
			alloc_calls = 0;
			fail_countdown = n;
			int rc = itsma_trend_new(&t, (const itsma_result *const *)f.r, 4, NULL);
			if (rc == 0)
				rc = itsma_trend_report_string(&s, NULL, t, &o, NULL);
			fail_countdown = -1;
			if (alloc_calls <= n) {
				CU_ASSERT_EQUAL(rc, 0);
				done = 1;
			} else {
				CU_ASSERT_EQUAL(rc, ITSMA_ENOMEM);
				CU_ASSERT_PTR_NULL(s);
			}
			itsma_free(s);
			itsma_trend_free(t);
			CU_ASSERT_EQUAL(live_blocks, base);
		}
		CU_ASSERT(done);
	}
	teardown(&f);
}

static const itsma_test_case tests[] = { { "figures", test_trend__figures },
	                                 { "errors", test_trend__errors },
	                                 { "reports", test_trend__reports },
	                                 { "allocation_failures", test_trend__allocation_failures },
	                                 { NULL, NULL } };

ITSMA_TEST_MAIN("trend", tests)
