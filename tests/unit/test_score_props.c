/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Property tests of scoring over generated catalogues and assessments: a small
 * deterministic PRNG (splitmix64) builds random trees of sections (groups and processes,
 * weights including 0), requirements (shall and should), evidence with every kind of
 * date, ratings (letters and numbers), attribute ratings, exclusions at any depth and
 * targets; then invariants that scoring.md implies are checked on each.
 */
#include "harness.h"

#include <stdarg.h>

#include "fixture.h"

#define SHALL    ITSMA_OBLIGATION_SHALL
#define SHOULD   ITSMA_OBLIGATION_SHOULD
#define REQUIRED ITSMA_EVIDENCE_POLICY_REQUIRED
#define ADVISORY ITSMA_EVIDENCE_POLICY_ADVISORY

/* ---- generator ----------------------------------------------------------------------------- */

typedef struct rng {
	unsigned long long s;
} rng;

static unsigned long long next(rng *g)
{
	unsigned long long z = (g->s += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static unsigned pick(rng *g, unsigned n) { return (unsigned)(next(g) % n); }

static double weight_of(rng *g)
{
	static const double w[] = { 0, 1, 1, 1, 2, 3, 0.5, 0.1, 7, 1.0 / 3 };
	return w[pick(g, sizeof w / sizeof w[0])];
}

typedef struct gen {
	rng g;
	itsma_catalogue *c;
	itsma_assessment *a;
	char sec_ids[64][16];
	size_t nsec;
	char req_ids[256][16];
	size_t nreq;
	char proc_ids[64][16];
	size_t nproc;
	int good; /* mostly F with current evidence: higher capability levels */
} gen;

static void gen_section(gen *x, const char *parent, int depth, int in_process)
{
	char id[16];
	int process = !in_process && pick(&x->g, 3) == 0;
	unsigned k, nreq, nchild;

	if (x->nsec >= 64)
		return;
	snprintf(id, sizeof id, "S%zu", x->nsec);
	sec(x->c, parent, id, weight_of(&x->g), process);
	memcpy(x->sec_ids[x->nsec++], id, sizeof id);
	if (process)
		memcpy(x->proc_ids[x->nproc++], id, sizeof id);
	nreq = pick(&x->g, 5);
	for (k = 0; k < nreq && x->nreq < 256; k++) {
		char rid[16];
		snprintf(rid, sizeof rid, "R%zu", x->nreq);
		req(x->c, id, rid, weight_of(&x->g), pick(&x->g, 4) == 0 ? SHOULD : SHALL);
		memcpy(x->req_ids[x->nreq++], rid, sizeof rid);
	}
	nchild = depth < 4 ? pick(&x->g, 4) : 0;
	for (k = 0; k < nchild; k++)
		gen_section(x, id, depth + 1, in_process || process);
}

static const char *rating_text(rng *g, char *buf, int good)
{
	static const char *letters[] = { "N", "P-", "P", "P+", "L-", "L", "L+", "F" };
	if (good && pick(g, 8))
		return pick(g, 4) ? "F" : "L";
	if (pick(g, 3) == 0) {
		snprintf(buf, 16, "%u.%u", pick(g, 100), pick(g, 10));
		return buf;
	}
	return letters[pick(g, 8)];
}

static void gen_case(gen *x, unsigned long long seed)
{
	static const char *ev_ids[] = { "E0", "E1", "E2", "E3", "E4", "E5" };
	/* current, expires on the day, expired the day before, future, current, long expired */
	static const char *collected[] = { "2026-01-01", "2025-06-01", "2025-01-01",
		                           "2026-11-21", "2026-11-20", "2019-01-01" };
	static const char *expires[] = { NULL, "2026-11-20", "2026-11-19",
		                         NULL, "2030-01-01", "2019-12-31" };
	unsigned i, top;
	char buf[16];

	memset(x, 0, sizeof *x);
	x->g.s = seed;
	x->c = cat_new("gen");
	x->good = pick(&x->g, 4) == 0;
	top = 1 + pick(&x->g, 3);
	for (i = 0; i < top; i++)
		gen_section(x, NULL, 0, 0);
	x->a = asm_new(x->c);
	for (i = 0; i < 6; i++)
		ev(x->a, ev_ids[i], collected[i], expires[i]);
	for (i = 0; i < x->nreq; i++) {
		const char *e1 = ev_ids[x->good ? 0 : pick(&x->g, 6)], *e2 = ev_ids[pick(&x->g, 6)];
		unsigned n = pick(&x->g, 10);
		if (n < 3)
			continue; /* unassessed */
		if (n < 5 || e1 == e2)
			rate(x->a, x->req_ids[i], rating_text(&x->g, buf, x->good), e1, NULL);
		else if (n < 9)
			rate(x->a, x->req_ids[i], rating_text(&x->g, buf, x->good), e1, e2, NULL);
		else
			rate(x->a, x->req_ids[i], rating_text(&x->g, buf, x->good), NULL);
	}
	for (i = 0; i < x->nproc; i++) {
		int pa;
		for (pa = 1; pa < ITSMA_ATTRIBUTE_COUNT; pa++)
			if (pick(&x->g, 3))
				rate_pa(x->a, x->proc_ids[i], (itsma_attribute)pa,
				        rating_text(&x->g, buf, x->good),
				        ev_ids[x->good ? 4 : pick(&x->g, 6)], NULL);
		if (pick(&x->g, 2))
			ASSERT_OK(itsma_assessment_set_process_target(
			    x->a, x->proc_ids[i], (int)pick(&x->g, 6), ASSERT_ERR));
	}
	if (pick(&x->g, 2))
		ASSERT_OK(itsma_assessment_set_target(x->a, (int)pick(&x->g, 6), ASSERT_ERR));
	for (i = 0; i < x->nsec; i++)
		if (pick(&x->g, 12) == 0)
			exclude(x->a, x->sec_ids[i]);
	for (i = 0; i < x->nreq; i++)
		if (pick(&x->g, 15) == 0)
			exclude(x->a, x->req_ids[i]);
}

static void gen_free(gen *x)
{
	itsma_assessment_free(x->a);
	itsma_catalogue_free(x->c);
}

#define CASES      300
#define NEAR(a, b) (fabs((a) - (b)) < 1e-9)

static int in_range(double v) { return isnan(v) || (v >= 0 && v <= 100); }

/* ---- properties --------------------------------------------------------------------------- */

/* Every figure lies in 0-100 (effective weights in 0-1); counts add up. */
static void check_ranges(const itsma_result *r)
{
	size_t i;
	int m, pa;

	for (m = 0; m < ITSMA_MODEL_COUNT; m++)
		CU_ASSERT(in_range(itsma_result_compliance(r, (itsma_model)m)));
	for (i = 0; i < itsma_result_section_count(r); i++) {
		const itsma_section_result *s = itsma_result_section_at(r, i);
		CU_ASSERT(in_range(itsma_section_result_achievement(s)));
		CU_ASSERT(itsma_section_result_applicable(s) ==
		          !isnan(itsma_section_result_achievement(s)));
		for (pa = 0; pa < ITSMA_ATTRIBUTE_COUNT; pa++)
			CU_ASSERT(in_range(
			    itsma_section_result_attribute_achievement(s, (itsma_attribute)pa)));
		CU_ASSERT(itsma_section_result_capability_level(s) <= 5);
	}
	for (i = 0; i < itsma_result_requirement_count(r); i++) {
		const itsma_requirement_result *q = itsma_result_requirement_at(r, i);
		double w = itsma_requirement_result_weight(q);
		CU_ASSERT(in_range(itsma_requirement_result_achievement(q)));
		CU_ASSERT(w >= 0 && w <= 1 + 1e-12);
		CU_ASSERT(in_range(itsma_requirement_result_gain(q)));
		CU_ASSERT((itsma_requirement_result_status(q) == ITSMA_STATUS_EXCLUDED) ==
		          isnan(itsma_requirement_result_achievement(q)));
	}
	CU_ASSERT(in_range(itsma_result_capability_mean(r)));
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_TOTAL),
	                itsma_result_tally(r, ITSMA_TALLY_APPLICABLE) +
	                    itsma_result_tally(r, ITSMA_TALLY_EXCLUDED));
	CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_APPLICABLE),
	                itsma_result_tally(r, ITSMA_TALLY_RATED) +
	                    itsma_result_tally(r, ITSMA_TALLY_UNASSESSED) +
	                    itsma_result_tally(r, ITSMA_TALLY_UNSUPPORTED));
	CU_ASSERT(itsma_result_tally(r, ITSMA_TALLY_TARGETS_MET) <=
	          itsma_result_tally(r, ITSMA_TALLY_TARGETS_SET));
}

/* Effective weights add up to 1 and gains to 100 - default compliance. */
static void check_weights(const itsma_result *r)
{
	double sw = 0, sg = 0, def = itsma_result_compliance(r, ITSMA_MODEL_DEFAULT);
	size_t i;

	for (i = 0; i < itsma_result_requirement_count(r); i++) {
		const itsma_requirement_result *q = itsma_result_requirement_at(r, i);
		if (itsma_requirement_result_status(q) == ITSMA_STATUS_EXCLUDED)
			continue;
		sw += itsma_requirement_result_weight(q);
		sg += itsma_requirement_result_weight(q) *
		      (100 - itsma_requirement_result_achievement(q));
	}
	if (isnan(def)) {
		CU_ASSERT_EQUAL(itsma_result_tally(r, ITSMA_TALLY_APPLICABLE), 0);
		return;
	}
	if (!NEAR(sw, 1) || !NEAR(sg, 100 - def))
		fprintf(stderr, "\nweights %.17g, gains %.17g, 100 - default %.17g\n", sw, sg,
		        100 - def);
	CU_ASSERT(NEAR(sw, 1));
	CU_ASSERT(NEAR(sg, 100 - def));
}

/* Gaps: exactly the applicable requirements not F, in the order of scoring.md §6. */
static void check_gaps(const itsma_result *r)
{
	size_t i, n = 0;

	for (i = 0; i < itsma_result_requirement_count(r); i++) {
		const itsma_requirement_result *q = itsma_result_requirement_at(r, i);
		if (itsma_requirement_result_status(q) != ITSMA_STATUS_EXCLUDED &&
		    itsma_requirement_result_letter(q) != ITSMA_LETTER_F)
			n++;
	}
	CU_ASSERT_EQUAL(itsma_result_gap_count(r), n);
	for (i = 1; i < itsma_result_gap_count(r); i++) {
		const itsma_requirement_result *p =
		    itsma_gap_requirement(itsma_result_gap_at(r, i - 1));
		const itsma_requirement_result *q =
		    itsma_gap_requirement(itsma_result_gap_at(r, i));
		int op = itsma_requirement_obligation(itsma_requirement_result_requirement(p));
		int oq = itsma_requirement_obligation(itsma_requirement_result_requirement(q));
		CU_ASSERT(op <= oq);
	}
}

/* The capability level follows the definition of scoring.md §4. */
static void check_levels(const itsma_result *r)
{
	size_t i;
	int k, pa;

	for (i = 0; i < itsma_result_section_count(r); i++) {
		const itsma_section_result *s = itsma_result_section_at(r, i);
		int level = itsma_section_result_capability_level(s), expect = 0;
		if (level < 0)
			continue;
		for (k = 1; k <= 5; k++) {
			int ok = 1;
			for (pa = 0; pa < ITSMA_ATTRIBUTE_COUNT; pa++) {
				itsma_letter l =
				    itsma_section_result_attribute_letter(s, (itsma_attribute)pa);
				int lv = itsma_attribute_level((itsma_attribute)pa);
				if (lv == k && l != ITSMA_LETTER_L && l != ITSMA_LETTER_F)
					ok = 0;
				if (lv < k && l != ITSMA_LETTER_F)
					ok = 0;
			}
			if (ok)
				expect = k; /* the highest k that holds */
		}
		CU_ASSERT_EQUAL(level, expect);
	}
}

static void test_score_props__invariants(void)
{
	unsigned long long seed;
	size_t stats[8] = { 0 };

	for (seed = 1; seed <= CASES; seed++) {
		gen x;
		int policy;
		gen_case(&x, seed);
		for (policy = 0; policy < 2; policy++) {
			itsma_result *r = score(x.a, (itsma_evidence_policy)policy, NULL);
			check_ranges(r);
			check_weights(r);
			check_gaps(r);
			check_levels(r);
			if (policy == 0) {
				stats[0] += itsma_result_tally(r, ITSMA_TALLY_APPLICABLE);
				stats[1] += itsma_result_tally(r, ITSMA_TALLY_EXCLUDED);
				stats[2] += itsma_result_tally(r, ITSMA_TALLY_UNSUPPORTED);
				stats[3] += itsma_result_tally(r, ITSMA_TALLY_PROCESSES);
				stats[4] += itsma_result_capability_gap_count(r);
				stats[5] += (size_t)itsma_result_verdict(r) == 0;
				stats[6] += isnan(itsma_result_compliance(r, ITSMA_MODEL_DEFAULT));
				stats[7] += (size_t)(itsma_result_capability_max(r) >= 2);
			}
			itsma_result_free(r);
		}
		gen_free(&x);
	}
	if (getenv("ITSMA_TEST_VERBOSE"))
		fprintf(stderr,
		        "\n%d cases: %zu applicable, %zu excluded, %zu unsupported, %zu "
		        "processes, %zu capability gaps, %zu conformant, %zu all null, %zu with a "
		        "level >= 2\n",
		        CASES, stats[0], stats[1], stats[2], stats[3], stats[4], stats[5], stats[6],
		        stats[7]);
}

/* Scoring twice gives the same bytes; explaining any id works; a result equals itself. */
static void test_score_props__deterministic(void)
{
	unsigned long long seed;

	for (seed = 1; seed <= CASES; seed++) {
		gen x;
		itsma_result *r1, *r2;
		char *j1 = NULL, *j2 = NULL, *text = NULL;
		itsma_diff *d = NULL;
		size_t i;

		gen_case(&x, seed);
		r1 = score(x.a, REQUIRED, NULL);
		r2 = score(x.a, REQUIRED, NULL);
		ASSERT_OK(itsma_result_to_json(&j1, r1, ASSERT_ERR));
		ASSERT_OK(itsma_result_to_json(&j2, r2, ASSERT_ERR));
		CU_ASSERT_STRING_EQUAL(j1, j2);
		for (i = 0; i < x.nreq; i++) {
			CU_ASSERT_EQUAL(itsma_result_explain(&text, r1, x.req_ids[i], NULL), 0);
			itsma_free(text);
		}
		for (i = 0; i < x.nsec; i++) {
			CU_ASSERT_EQUAL(itsma_result_explain(&text, r1, x.sec_ids[i], NULL), 0);
			itsma_free(text);
		}
		ASSERT_OK(itsma_compare(&d, r1, r2, ASSERT_ERR));
		CU_ASSERT_EQUAL(itsma_diff_tally_of(d, ITSMA_DIFF_TALLY_UNCHANGED), x.nreq);
		CU_ASSERT_EQUAL(itsma_diff_scope_change_count(d), 0);
		CU_ASSERT_EQUAL(itsma_diff_nonconformity_count(d), 0);
		itsma_diff_free(d);
		itsma_free(j1);
		itsma_free(j2);
		itsma_result_free(r1);
		itsma_result_free(r2);
		gen_free(&x);
	}
}

/* Rated F everywhere with current evidence: every figure 100, conformant, no gap. */
static void test_score_props__all_f_is_perfect(void)
{
	unsigned long long seed;

	for (seed = 1; seed <= CASES; seed++) {
		gen x;
		itsma_result *r;
		size_t i;
		int m;

		gen_case(&x, seed);
		for (i = 0; i < x.nreq; i++)
			rate(x.a, x.req_ids[i], "F", "E0", NULL);
		r = score(x.a, REQUIRED, NULL);
		for (m = 0; m < ITSMA_MODEL_COUNT; m++) {
			double v = itsma_result_compliance(r, (itsma_model)m);
			CU_ASSERT(isnan(v) || v == 100);
		}
		CU_ASSERT_EQUAL(itsma_result_verdict(r), ITSMA_VERDICT_CONFORMANT);
		CU_ASSERT_EQUAL(itsma_result_gap_count(r), 0);
		for (i = 0; i < itsma_result_section_count(r); i++) {
			const itsma_section_result *s = itsma_result_section_at(r, i);
			CU_ASSERT(!itsma_section_result_applicable(s) ||
			          itsma_section_result_achievement(s) == 100);
		}
		itsma_result_free(r);
		gen_free(&x);
	}
}

/* A section scored alone gives the same figures as in the whole result. */
static void test_score_props__section_scope(void)
{
	unsigned long long seed;

	for (seed = 1; seed <= CASES; seed++) {
		gen x;
		itsma_result *whole, *part;
		const itsma_section_result *s;
		size_t i;
		const char *id;

		gen_case(&x, seed);
		id = x.sec_ids[pick(&x.g, (unsigned)x.nsec)];
		whole = score(x.a, REQUIRED, NULL);
		part = score(x.a, REQUIRED, id);
		s = itsma_result_find_section(whole, id);
		CU_ASSERT_PTR_NOT_NULL_FATAL(s);
		if (itsma_section_result_applicable(s)) {
			CU_ASSERT_DOUBLE_EQUAL(itsma_result_compliance(part, ITSMA_MODEL_DEFAULT),
			                       itsma_section_result_achievement(s), 0);
		} else {
			CU_ASSERT(isnan(itsma_result_compliance(part, ITSMA_MODEL_DEFAULT)));
		}
		for (i = 0; i < itsma_result_requirement_count(part); i++) {
			const itsma_requirement_result *q = itsma_result_requirement_at(part, i);
			const itsma_requirement_result *w = itsma_result_find_requirement(
			    whole, itsma_requirement_id(itsma_requirement_result_requirement(q)));
			CU_ASSERT_EQUAL(itsma_requirement_result_status(q),
			                itsma_requirement_result_status(w));
			CU_ASSERT_EQUAL(itsma_requirement_result_nonconformity(q),
			                itsma_requirement_result_nonconformity(w));
		}
		for (i = 0; i < itsma_result_section_count(part); i++) {
			const itsma_section_result *p = itsma_result_section_at(part, i);
			const itsma_section_result *w = itsma_result_find_section(
			    whole, itsma_section_id(itsma_section_result_section(p)));
			CU_ASSERT_EQUAL(itsma_section_result_capability_level(p),
			                itsma_section_result_capability_level(w));
		}
		check_ranges(part);
		check_weights(part);
		check_gaps(part);
		itsma_result_free(whole);
		itsma_result_free(part);
		gen_free(&x);
	}
}

static const itsma_test_case tests[] = { { "invariants", test_score_props__invariants },
	                                 { "deterministic", test_score_props__deterministic },
	                                 { "all_f_is_perfect", test_score_props__all_f_is_perfect },
	                                 { "section_scope", test_score_props__section_scope },
	                                 { NULL, NULL } };

ITSMA_TEST_MAIN("score_props", tests)
