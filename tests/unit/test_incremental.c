/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The live scorer (itsma/scorer.h): thousands of random single changes (ratings, evidence
 * dates and expiry, new evidence, attribute ratings, removals), and after each batch the
 * result must give the same bytes from itsma_result_to_json() as scoring the assessment from
 * scratch; then every public function's error paths.
 */
#include "harness.h"
#include "fixture.h"

/* ---- a small deterministic PRNG (splitmix64) ---------------------------------------------- */

static unsigned long long seed_state;
static unsigned long long rnd(void)
{
	unsigned long long z = (seed_state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}
static size_t pick(size_t n) { return n ? (size_t)(rnd() % n) : 0; }

static const itsma_letter letter_pool[] = { ITSMA_LETTER_N,       ITSMA_LETTER_P_MINUS,
	                                    ITSMA_LETTER_P,       ITSMA_LETTER_P_PLUS,
	                                    ITSMA_LETTER_L_MINUS, ITSMA_LETTER_L,
	                                    ITSMA_LETTER_L_PLUS,  ITSMA_LETTER_F,
	                                    ITSMA_LETTER_F };

static void random_value(itsma_letter *letter, double *value)
{
	size_t k = pick(12);
	if (k < 9) {
		*letter = letter_pool[k];
		*value = 0;
	} else {
		*letter = ITSMA_LETTER_NONE;
		*value = k == 9 ? 0 : (double)pick(1001) / 10.0;
	}
}

/* ---- fixtures ------------------------------------------------------------------------------ */

typedef struct world {
	itsma_catalogue *cat;
	itsma_assessment *a;
	long next_ev; /* ids of evidence records added: EV-<n> */
} world;

static void random_dates(char *col, char *exp, int *has_exp)
{
	static const char *const cols[] = { "2025-01-15", "2026-06-30", "2026-11-20", "2026-12-01",
		                            "2027-02-01" };
	static const char *const exps[] = { "2026-11-19", "2026-11-20", "2027-01-01",
		                            "2028-12-31" };
	size_t c = pick(5), e = pick(5);
	strcpy(col, cols[c]);
	*has_exp = e < 4 && strcmp(exps[e], col) >= 0;
	if (*has_exp)
		strcpy(exp, exps[e]);
}

static int put_evidence(world *w, itsma_scorer *s, const char *id, itsma_error *err)
{
	itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
	char col[11], exp[11];
	int has_exp;
	random_dates(col, exp, &has_exp);
	e.id = id;
	e.title = "A record";
	e.kind = (itsma_evidence_kind)pick(6);
	e.collected = col;
	e.expires = has_exp ? exp : NULL;
	return s ? itsma_scorer_put_evidence(s, &e, err)
	         : itsma_assessment_put_evidence(w->a, &e, err);
}

/* Cite 0 to 4 distinct existing evidence records. */
static size_t random_cites(world *w, char ids[][32], const char **p)
{
	size_t n = pick(5), i, k = 0, ne = itsma_assessment_evidence_count(w->a);
	for (i = 0; i < n && ne; i++) {
		const char *id = itsma_evidence_id(itsma_assessment_evidence_at(w->a, pick(ne)));
		size_t j;
		for (j = 0; j < k; j++)
			if (strcmp(p[j], id) == 0)
				break;
		if (j < k)
			continue;
		snprintf(ids[k], 32, "%s", id);
		p[k] = ids[k];
		k++;
	}
	return k;
}

static int put_rating(world *w, itsma_scorer *s, const char *req, itsma_error *err)
{
	itsma_rating_spec r = ITSMA_RATING_SPEC_INIT;
	char ids[4][32];
	const char *p[4];
	if (pick(2)) /* by object or by id: both must work */
		r.requirement = itsma_catalogue_find_requirement(w->cat, req);
	else
		r.requirement_id = req;
	random_value(&r.letter, &r.value);
	r.evidence_count = random_cites(w, ids, p);
	r.evidence = p;
	return s ? itsma_scorer_put_rating(s, &r, err) : itsma_assessment_put_rating(w->a, &r, err);
}

/* A new letter or value for a rating that keeps citing what it cites, in the same order
 * (as an assessor re-rates), with the same note or another one. */
static int rerate(world *w, itsma_scorer *s, const char *req, itsma_error *err)
{
	static const char *const notes[] = { NULL, "seen on site", "from the interview" };
	const itsma_rating *old = itsma_assessment_find_rating(w->a, req);
	itsma_rating_spec r = ITSMA_RATING_SPEC_INIT;
	char ids[8][32];
	const char *p[8];
	size_t i, n;
	if (!old)
		return put_rating(w, s, req, err);
	n = itsma_rating_evidence_count(old);
	if (n > 8)
		n = 8;
	for (i = 0; i < n; i++) {
		/* copies, or the record's own id string (both must work) */
		if (pick(2)) {
			snprintf(ids[i], sizeof ids[i], "%s",
			         itsma_evidence_id(itsma_rating_evidence_at(old, i)));
			p[i] = ids[i];
		} else {
			p[i] = itsma_evidence_id(itsma_rating_evidence_at(old, i));
		}
	}
	r.requirement_id = req;
	if (pick(4) == 0) {
		r.letter = itsma_rating_letter(old); /* the same rating again */
		r.value = itsma_rating_value(old);
	} else {
		random_value(&r.letter, &r.value);
	}
	r.note = pick(3) ? itsma_rating_note(old) : notes[pick(3)];
	r.evidence_count = n;
	r.evidence = p;
	return itsma_scorer_put_rating(s, &r, err);
}

static int put_attribute(world *w, itsma_scorer *s, const char *proc, itsma_attribute pa,
                         itsma_error *err)
{
	itsma_attribute_spec r = ITSMA_ATTRIBUTE_SPEC_INIT;
	char ids[4][32];
	const char *p[4];
	if (pick(2))
		r.process = itsma_catalogue_find_section(w->cat, proc);
	else
		r.process_id = proc;
	r.attribute = pa;
	random_value(&r.letter, &r.value);
	r.evidence_count = random_cites(w, ids, p);
	r.evidence = p;
	return s ? itsma_scorer_put_attribute(s, &r, err)
	         : itsma_assessment_put_attribute(w->a, &r, err);
}

static const itsma_section *random_process(const itsma_catalogue *c)
{
	size_t n = itsma_catalogue_section_count(c), i, start = pick(n);
	for (i = 0; i < n; i++) {
		const itsma_section *p = itsma_catalogue_section_at(c, (start + i) % n);
		if (itsma_section_kind_of(p) == ITSMA_SECTION_KIND_PROCESS)
			return p;
	}
	return NULL;
}

/* Evidence, most requirements rated, attributes of most processes rated. */
static void populate(world *w, long evidence)
{
	size_t i, nq = itsma_catalogue_requirement_count(w->cat);
	char id[32];
	for (w->next_ev = 0; w->next_ev < evidence; w->next_ev++) {
		snprintf(id, sizeof id, "EV-%ld", w->next_ev);
		ASSERT_OK(put_evidence(w, NULL, id, ASSERT_ERR));
	}
	for (i = 0; i < nq; i++)
		if (pick(10) < 8)
			ASSERT_OK(put_rating(
			    w, NULL,
			    itsma_requirement_id(itsma_catalogue_requirement_at(w->cat, i)),
			    ASSERT_ERR));
	for (i = 0; i < itsma_catalogue_section_count(w->cat); i++) {
		const itsma_section *p = itsma_catalogue_section_at(w->cat, i);
		int pa;
		if (itsma_section_kind_of(p) != ITSMA_SECTION_KIND_PROCESS)
			continue;
		for (pa = 1; pa < ITSMA_ATTRIBUTE_COUNT; pa++)
			if (pick(4) < 3)
				ASSERT_OK(put_attribute(w, NULL, itsma_section_id(p),
				                        (itsma_attribute)pa, ASSERT_ERR));
	}
}

/* The live result against scoring from scratch, byte for byte. */
static int same_as_fresh(itsma_scorer *s, const itsma_score_options *opts)
{
	itsma_result *fresh = NULL;
	char *a = NULL, *b = NULL;
	int same;
	ASSERT_OK(itsma_score(&fresh, itsma_scorer_assessment(s), opts, ASSERT_ERR));
	ASSERT_OK(itsma_result_to_json(&a, fresh, ASSERT_ERR));
	ASSERT_OK(itsma_result_to_json(&b, itsma_scorer_result(s), ASSERT_ERR));
	same = strcmp(a, b) == 0;
	if (!same) {
		size_t k = 0;
		while (a[k] && a[k] == b[k])
			k++;
		fprintf(stderr, "\nfirst difference at byte %zu:\nfresh: %.160s\nlive:  %.160s\n",
		        k, a + (k > 60 ? k - 60 : 0), b + (k > 60 ? k - 60 : 0));
	}
	itsma_free(a);
	itsma_free(b);
	itsma_result_free(fresh);
	return same;
}

/* One random change through the scorer; changes the model may refuse are fine. */
static void random_change(world *w, itsma_scorer *s)
{
	itsma_error err = ITSMA_ERROR_INIT;
	const itsma_catalogue *c = w->cat;
	size_t nq = itsma_catalogue_requirement_count(c), k = pick(100);
	char id[32];
	int rc = 0;

	if (k < 28) {
		rc = put_rating(
		    w, s, itsma_requirement_id(itsma_catalogue_requirement_at(c, pick(nq))), &err);
	} else if (k < 40) {
		rc = rerate(w, s, itsma_requirement_id(itsma_catalogue_requirement_at(c, pick(nq))),
		            &err);
	} else if (k < 47) {
		const itsma_requirement *q = itsma_catalogue_requirement_at(c, pick(nq));
		rc = k % 2 ? itsma_scorer_remove_rating_of(s, q, &err)
		           : itsma_scorer_remove_rating(s, itsma_requirement_id(q), &err);
		CU_ASSERT(rc == 0 || rc == ITSMA_ENOTFOUND);
		return;
	} else if (k < 72) {
		size_t ne = itsma_assessment_evidence_count(w->a);
		snprintf(id, sizeof id, "%s",
		         itsma_evidence_id(itsma_assessment_evidence_at(w->a, pick(ne))));
		rc = put_evidence(w, s, id, &err);
	} else if (k < 76) {
		snprintf(id, sizeof id, "EV-%ld", w->next_ev++);
		rc = put_evidence(w, s, id, &err);
	} else if (k < 78) {
		/* remove an unused record, if there is one */
		size_t i, ne = itsma_assessment_evidence_count(w->a);
		const itsma_result *r = itsma_scorer_result(s);
		for (i = 0; i < itsma_result_evidence_issue_count(r); i++) {
			const itsma_evidence_issue *is = itsma_result_evidence_issue_at(r, i);
			if (itsma_evidence_issue_problem(is) == ITSMA_EVIDENCE_PROBLEM_UNUSED &&
			    ne > 1) {
				snprintf(id, sizeof id, "%s",
				         itsma_evidence_id(itsma_evidence_issue_evidence(is)));
				rc = itsma_scorer_remove_evidence(s, id, &err);
				break;
			}
		}
	} else if (k < 94) {
		const itsma_section *p = random_process(c);
		if (p)
			rc = put_attribute(w, s, itsma_section_id(p),
			                   (itsma_attribute)(1 + pick(8)), &err);
	} else {
		const itsma_section *p = random_process(c);
		if (p) {
			itsma_attribute pa = (itsma_attribute)(1 + pick(8));
			rc = k % 2
			         ? itsma_scorer_remove_attribute_of(s, p, pa, &err)
			         : itsma_scorer_remove_attribute(s, itsma_section_id(p), pa, &err);
			CU_ASSERT(rc == 0 || rc == ITSMA_ENOTFOUND);
			return;
		}
	}
	if (rc != 0)
		fprintf(stderr, "\nchange refused: %s\n", err.message);
	CU_ASSERT_EQUAL(rc, 0);
}

static void run_changes(world *w, const itsma_score_options *opts, int batches, int per_batch)
{
	itsma_scorer *s = NULL;
	int b, i, bad = 0;
	size_t inc = 0, full = 0;
	ASSERT_OK(itsma_scorer_new(&s, w->a, opts, ASSERT_ERR));
	CU_ASSERT_PTR_EQUAL(itsma_scorer_assessment(s), w->a);
	CU_ASSERT_FATAL(same_as_fresh(s, opts));
	for (b = 0; b < batches && !bad; b++) {
		for (i = 0; i < per_batch; i++)
			random_change(w, s);
		if (!same_as_fresh(s, opts)) {
			fprintf(stderr, "batch %d differs\n", b);
			bad = 1;
		}
		CU_ASSERT(!bad);
	}
	itsma_scorer_stats(&inc, &full, s);
	CU_ASSERT(inc > full);
	itsma_scorer_free(s);
}

/* ---- a random catalogue with weights (0 included), should requirements and exclusions ---- */

static itsma_catalogue *random_catalogue(void)
{
	itsma_catalogue *c = NULL;
	char id[32], parent[32];
	int i, j, k, nreq = 0;
	ASSERT_OK(itsma_catalogue_new(&c, "test:incremental", "Random catalogue", ASSERT_ERR));
	for (i = 0; i < 4; i++) {
		itsma_section_spec g = ITSMA_SECTION_SPEC_INIT;
		const itsma_section *gs = NULL;
		snprintf(parent, sizeof parent, "G%d", i);
		g.id = parent;
		g.title = parent;
		g.weight = i == 3 ? 0 : (double)(1 + pick(3));
		ASSERT_OK(itsma_catalogue_add_section(&gs, c, NULL, &g, ASSERT_ERR));
		for (j = 0; j < 3; j++) {
			itsma_section_spec p = ITSMA_SECTION_SPEC_INIT;
			const itsma_section *ps = NULL;
			snprintf(id, sizeof id, "P%d.%d", i, j);
			p.id = id;
			p.title = id;
			p.weight = pick(5) == 0 ? 0 : (double)(1 + pick(2));
			p.kind = j < 2 ? ITSMA_SECTION_KIND_PROCESS : ITSMA_SECTION_KIND_GROUP;
			ASSERT_OK(itsma_catalogue_add_section(&ps, c, gs, &p, ASSERT_ERR));
			for (k = 0; k < 4 + (int)pick(4); k++) {
				itsma_requirement_spec q = ITSMA_REQUIREMENT_SPEC_INIT;
				char rid[32];
				snprintf(rid, sizeof rid, "R%d", nreq++);
				q.id = rid;
				q.text = rid;
				q.weight = pick(6) == 0 ? 0 : (double)(1 + pick(3)) / 2.0;
				q.obligation =
				    pick(4) == 0 ? ITSMA_OBLIGATION_SHOULD : ITSMA_OBLIGATION_SHALL;
				ASSERT_OK(
				    itsma_catalogue_add_requirement(NULL, c, ps, &q, ASSERT_ERR));
			}
		}
	}
	return c;
}

static void test_incremental__builtin_random_changes(void)
{
	world w = { NULL, NULL, 0 };
	seed_state = 20261120;
	ASSERT_OK(itsma_catalogue_builtin(&w.cat, "iso20000-1:2018", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_new(&w.a, w.cat, "live", "2026-11-20", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_target(w.a, 2, ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_process_target(w.a, itsma_section_id(random_process(w.cat)),
	                                              3, ASSERT_ERR));
	populate(&w, 400);
	run_changes(&w, NULL, 100, 20); /* 2,000 changes */
	itsma_assessment_free(w.a);
	itsma_catalogue_free(w.cat);
}

static void test_incremental__scope_weights_and_advisory_policy(void)
{
	itsma_score_options opts = ITSMA_SCORE_OPTIONS_INIT;
	world w = { NULL, NULL, 0 };
	int round;
	for (round = 0; round < 3; round++) {
		seed_state = 7 + (unsigned long long)round;
		w.cat = random_catalogue();
		ASSERT_OK(itsma_assessment_new(&w.a, w.cat, "live", "2026-11-20", ASSERT_ERR));
		ASSERT_OK(itsma_assessment_set_target(w.a, 1 + round, ASSERT_ERR));
		ASSERT_OK(itsma_assessment_put_exclusion(w.a, "P1.1", "Outsourced", ASSERT_ERR));
		ASSERT_OK(itsma_assessment_put_exclusion(w.a, "R3", "Not relevant", ASSERT_ERR));
		populate(&w, 60);
		opts.evidence_policy =
		    round == 1 ? ITSMA_EVIDENCE_POLICY_ADVISORY : ITSMA_EVIDENCE_POLICY_REQUIRED;
		run_changes(&w, &opts, 40, 25); /* 1,000 changes a round, excluded ones included */
		itsma_assessment_free(w.a);
		itsma_catalogue_free(w.cat);
	}
}

/* Changes made to the assessment directly are taken in by itsma_scorer_rescore(). */
static void test_incremental__rescore_after_direct_changes(void)
{
	world w = { NULL, NULL, 0 };
	itsma_scorer *s = NULL;
	size_t inc = 9, full = 9;
	seed_state = 99;
	w.cat = random_catalogue();
	ASSERT_OK(itsma_assessment_new(&w.a, w.cat, "live", "2026-11-20", ASSERT_ERR));
	populate(&w, 30);
	ASSERT_OK(itsma_scorer_new(&s, w.a, NULL, ASSERT_ERR));
	ASSERT_OK(itsma_assessment_put_exclusion(itsma_scorer_assessment(s), "G1", "Elsewhere",
	                                         ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_date(itsma_scorer_assessment(s), "2027-01-10", ASSERT_ERR));
	ASSERT_OK(itsma_scorer_rescore(s, ASSERT_ERR));
	CU_ASSERT(same_as_fresh(s, NULL));
	itsma_scorer_stats(&inc, &full, s);
	CU_ASSERT_EQUAL(inc, 0);
	CU_ASSERT_EQUAL(full, 1);
	/* and incremental changes go on from there */
	ASSERT_OK(put_rating(&w, s, "R0", NULL));
	ASSERT_OK(put_rating(&w, s, "R20", NULL));
	CU_ASSERT(same_as_fresh(s, NULL));
	itsma_scorer_free(s);
	itsma_assessment_free(w.a);
	itsma_catalogue_free(w.cat);
}

/* ---- error paths ----------------------------------------------------------------------------- */

static char *json_of(const itsma_scorer *s)
{
	char *j = NULL;
	ASSERT_OK(itsma_result_to_json(&j, itsma_scorer_result(s), ASSERT_ERR));
	return j;
}

/* A refused change leaves the result as it was (same bytes). */
#define ASSERT_REFUSED(call, want)                                                                 \
	do {                                                                                       \
		itsma_error e2 = ITSMA_ERROR_INIT;                                                 \
		char *before = json_of(s), *after;                                                 \
		int rc2 = (call);                                                                  \
		CU_ASSERT_EQUAL(rc2, want);                                                        \
		CU_ASSERT_EQUAL(e2.code, want);                                                    \
		CU_ASSERT(e2.message[0] != '\0');                                                  \
		after = json_of(s);                                                                \
		CU_ASSERT_STRING_EQUAL(before, after);                                             \
		itsma_free(before);                                                                \
		itsma_free(after);                                                                 \
	} while (0)

static void test_incremental__new_errors(void)
{
	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_scorer *s = (itsma_scorer *)&cat; /* must be reset to NULL on failure */
	itsma_score_options opts = ITSMA_SCORE_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;

	ASSERT_OK(itsma_catalogue_builtin(&cat, "iso20000-1:2018", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_new(&a, cat, "live", "2026-11-20", ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_scorer_new(NULL, a, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(err.code, ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_scorer_new(&s, NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_PTR_NULL(s);
	CU_ASSERT(strstr(err.message, "no assessment") != NULL);
	opts.version = 99;
	CU_ASSERT_EQUAL(itsma_scorer_new(&s, a, &opts, &err), ITSMA_EINVAL);
	CU_ASSERT(strstr(err.message, "version 99") != NULL);
	opts.version = ITSMA_SCORE_OPTIONS_VERSION;
	opts.section = "8";
	CU_ASSERT_EQUAL(itsma_scorer_new(&s, a, &opts, &err), ITSMA_EINVAL);
	CU_ASSERT(strstr(err.message, "whole catalogue") != NULL);
	opts.section = NULL;
	opts.evidence_policy = (itsma_evidence_policy)7;
	CU_ASSERT_EQUAL(itsma_scorer_new(&s, a, &opts, &err), ITSMA_EINVAL);
	CU_ASSERT(strstr(err.message, "evidence policy") != NULL);
	CU_ASSERT_PTR_NULL(s);

	/* NULL scorer everywhere */
	CU_ASSERT_PTR_NULL(itsma_scorer_result(NULL));
	CU_ASSERT_PTR_NULL(itsma_scorer_assessment(NULL));
	CU_ASSERT_EQUAL(itsma_scorer_rescore(NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_scorer_put_rating(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_scorer_remove_rating(NULL, "8.1", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_scorer_put_evidence(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_scorer_remove_evidence(NULL, "EV-1", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_scorer_put_attribute(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_scorer_remove_attribute(NULL, "8.1", ITSMA_PA2_1, &err),
	                ITSMA_EINVAL);
	{
		size_t inc = 5, full = 5;
		itsma_scorer_stats(&inc, &full, NULL);
		CU_ASSERT_EQUAL(inc, 0);
		CU_ASSERT_EQUAL(full, 0);
		itsma_scorer_stats(NULL, NULL, NULL);
	}
	itsma_scorer_free(NULL);
	/* errors may go unreported */
	CU_ASSERT_EQUAL(itsma_scorer_new(&s, NULL, NULL, NULL), ITSMA_EINVAL);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
}

static void test_incremental__refused_changes_change_nothing(void)
{
	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_scorer *s = NULL;
	const itsma_section *proc;
	const itsma_requirement *q;
	world w;

	seed_state = 5;
	ASSERT_OK(itsma_catalogue_builtin(&cat, "iso20000-1:2018", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_new(&a, cat, "live", "2026-11-20", ASSERT_ERR));
	w.cat = cat;
	w.a = a;
	populate(&w, 20);
	ASSERT_OK(itsma_scorer_new(&s, a, NULL, ASSERT_ERR));
	proc = random_process(cat);
	q = itsma_catalogue_requirement_at(cat, 0);

	{
		itsma_rating_spec r = ITSMA_RATING_SPEC_INIT;
		const char *ghost[] = { "EV-0", "NO-SUCH" };
		const char *twice[] = { "EV-1", "EV-1" };
		r.requirement_id = "no-such-requirement";
		r.letter = ITSMA_LETTER_F;
		ASSERT_REFUSED(itsma_scorer_put_rating(s, &r, &e2), ITSMA_ENOTFOUND);
		r.requirement = q; /* by object: an id given with it must be its id */
		ASSERT_REFUSED(itsma_scorer_put_rating(s, &r, &e2), ITSMA_EINVAL);
		r.requirement_id = NULL;
		r.letter = ITSMA_LETTER_NONE;
		r.value = 101;
		ASSERT_REFUSED(itsma_scorer_put_rating(s, &r, &e2), ITSMA_EINVAL);
		r.value = 50;
		r.evidence = ghost;
		r.evidence_count = 2;
		ASSERT_REFUSED(itsma_scorer_put_rating(s, &r, &e2), ITSMA_ENOTFOUND);
		r.evidence = twice;
		ASSERT_REFUSED(itsma_scorer_put_rating(s, &r, &e2), ITSMA_EINVAL);
		r.version = 42;
		ASSERT_REFUSED(itsma_scorer_put_rating(s, &r, &e2), ITSMA_EINVAL);
		ASSERT_REFUSED(itsma_scorer_put_rating(s, NULL, &e2), ITSMA_EINVAL);
	}
	/* remove a rating that is not there */
	if (itsma_assessment_find_rating(a, itsma_requirement_id(q)))
		ASSERT_OK(itsma_scorer_remove_rating(s, itsma_requirement_id(q), ASSERT_ERR));
	ASSERT_REFUSED(itsma_scorer_remove_rating(s, itsma_requirement_id(q), &e2),
	               ITSMA_ENOTFOUND);
	ASSERT_REFUSED(itsma_scorer_remove_rating(s, "no-such", &e2), ITSMA_ENOTFOUND);
	ASSERT_REFUSED(itsma_scorer_remove_rating(s, NULL, &e2), ITSMA_EINVAL);
	{
		itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
		e.id = "EV-0";
		e.title = "A record";
		e.collected = "2026-02-30";
		ASSERT_REFUSED(itsma_scorer_put_evidence(s, &e, &e2), ITSMA_EINVAL);
		e.collected = "2026-02-01";
		e.expires = "2026-01-01";
		ASSERT_REFUSED(itsma_scorer_put_evidence(s, &e, &e2), ITSMA_EINVAL);
		e.expires = NULL;
		e.id = "not an id";
		ASSERT_REFUSED(itsma_scorer_put_evidence(s, &e, &e2), ITSMA_EINVAL);
		ASSERT_REFUSED(itsma_scorer_put_evidence(s, NULL, &e2), ITSMA_EINVAL);
	}
	{
		/* a cited record cannot go; an unknown one is not found */
		itsma_rating_spec r = ITSMA_RATING_SPEC_INIT;
		const char *cite[] = { "EV-3" };
		r.requirement = q;
		r.letter = ITSMA_LETTER_L;
		r.evidence = cite;
		r.evidence_count = 1;
		ASSERT_OK(itsma_scorer_put_rating(s, &r, ASSERT_ERR));
		ASSERT_REFUSED(itsma_scorer_remove_evidence(s, "EV-3", &e2), ITSMA_EINVAL);
		ASSERT_REFUSED(itsma_scorer_remove_evidence(s, "EV-none", &e2), ITSMA_ENOTFOUND);
		ASSERT_REFUSED(itsma_scorer_remove_evidence(s, NULL, &e2), ITSMA_EINVAL);
	}
	{
		itsma_attribute_spec r = ITSMA_ATTRIBUTE_SPEC_INIT;
		r.process = proc;
		r.attribute = ITSMA_PA1_1;
		r.letter = ITSMA_LETTER_F;
		ASSERT_REFUSED(itsma_scorer_put_attribute(s, &r, &e2), ITSMA_EINVAL);
		r.attribute = ITSMA_PA2_1;
		r.process = NULL;
		r.process_id = "no-such-process";
		ASSERT_REFUSED(itsma_scorer_put_attribute(s, &r, &e2), ITSMA_ENOTFOUND);
		r.process = itsma_catalogue_section_at(cat, 0);
		ASSERT_REFUSED(itsma_scorer_put_attribute(s, &r, &e2),
		               ITSMA_EINVAL); /* not its id */
		r.process_id = NULL;
		if (itsma_section_kind_of(itsma_catalogue_section_at(cat, 0)) !=
		    ITSMA_SECTION_KIND_PROCESS)
			ASSERT_REFUSED(itsma_scorer_put_attribute(s, &r, &e2), ITSMA_EINVAL);
		ASSERT_REFUSED(itsma_scorer_put_attribute(s, NULL, &e2), ITSMA_EINVAL);
	}
	if (itsma_assessment_find_attribute(a, itsma_section_id(proc), ITSMA_PA5_2))
		ASSERT_OK(itsma_scorer_remove_attribute(s, itsma_section_id(proc), ITSMA_PA5_2,
		                                        ASSERT_ERR));
	ASSERT_REFUSED(itsma_scorer_remove_attribute(s, itsma_section_id(proc), ITSMA_PA5_2, &e2),
	               ITSMA_ENOTFOUND);
	ASSERT_REFUSED(itsma_scorer_remove_attribute(s, "no-such", ITSMA_PA2_1, &e2),
	               ITSMA_ENOTFOUND);
	ASSERT_REFUSED(itsma_scorer_remove_attribute(s, NULL, ITSMA_PA2_1, &e2), ITSMA_EINVAL);
	{
		/* by object: the same built-in catalogue loaded again is another catalogue */
		itsma_catalogue *twin = NULL;
		itsma_rating_spec r = ITSMA_RATING_SPEC_INIT;
		itsma_attribute_spec pa = ITSMA_ATTRIBUTE_SPEC_INIT;
		const itsma_requirement *q_twin;
		const itsma_section *p_twin;
		ASSERT_OK(itsma_catalogue_builtin(&twin, "iso20000-1:2018", ASSERT_ERR));
		q_twin = itsma_catalogue_find_requirement(twin, itsma_requirement_id(q));
		p_twin = itsma_catalogue_find_section(twin, itsma_section_id(proc));
		r.requirement = q_twin;
		r.letter = ITSMA_LETTER_F;
		ASSERT_REFUSED(itsma_scorer_put_rating(s, &r, &e2), ITSMA_EINVAL);
		pa.process = p_twin;
		pa.letter = ITSMA_LETTER_F;
		ASSERT_REFUSED(itsma_scorer_put_attribute(s, &pa, &e2), ITSMA_EINVAL);
		ASSERT_REFUSED(itsma_scorer_remove_rating_of(s, q_twin, &e2), ITSMA_EINVAL);
		ASSERT_REFUSED(itsma_scorer_remove_rating_of(s, NULL, &e2), ITSMA_EINVAL);
		ASSERT_REFUSED(itsma_scorer_remove_attribute_of(s, p_twin, ITSMA_PA2_1, &e2),
		               ITSMA_EINVAL);
		ASSERT_REFUSED(itsma_scorer_remove_attribute_of(s, NULL, ITSMA_PA2_1, &e2),
		               ITSMA_EINVAL);
		ASSERT_REFUSED(itsma_scorer_remove_attribute_of(s, proc, ITSMA_PA5_2, &e2),
		               ITSMA_ENOTFOUND);
		CU_ASSERT_EQUAL(itsma_scorer_remove_rating_of(NULL, q, NULL), ITSMA_EINVAL);
		CU_ASSERT_EQUAL(itsma_scorer_remove_attribute_of(NULL, proc, ITSMA_PA2_1, NULL),
		                ITSMA_EINVAL);
		/* the scorer's own objects work, and the result follows */
		r.requirement = q;
		ASSERT_OK(itsma_scorer_put_rating(s, &r, ASSERT_ERR));
		pa.process = proc;
		ASSERT_OK(itsma_scorer_put_attribute(s, &pa, ASSERT_ERR));
		CU_ASSERT(same_as_fresh(s, NULL));
		ASSERT_OK(itsma_scorer_remove_rating_of(s, q, ASSERT_ERR));
		ASSERT_OK(itsma_scorer_remove_attribute_of(s, proc, ITSMA_PA2_1, ASSERT_ERR));
		CU_ASSERT_PTR_NULL(itsma_assessment_find_rating_of(a, q));
		CU_ASSERT_PTR_NULL(itsma_assessment_find_attribute_of(a, proc, ITSMA_PA2_1));
		ASSERT_REFUSED(itsma_scorer_remove_rating_of(s, q, &e2), ITSMA_ENOTFOUND);
		ASSERT_REFUSED(itsma_scorer_remove_attribute_of(s, proc, ITSMA_PA2_1, &e2),
		               ITSMA_ENOTFOUND);
		itsma_catalogue_free(twin);
	}
	CU_ASSERT(same_as_fresh(s, NULL));
	itsma_scorer_free(s);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
}

/* Objects borrowed from the result follow it: the requirement's entry shows the new rating. */
static void test_incremental__result_getters_follow_changes(void)
{
	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_scorer *s = NULL;
	itsma_rating_spec r = ITSMA_RATING_SPEC_INIT;
	itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
	const char *cite[] = { "EV-A" };
	const itsma_requirement *q;
	const itsma_requirement_result *qr;
	const itsma_result *res;

	ASSERT_OK(itsma_catalogue_builtin(&cat, "iso20000-1:2018", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_new(&a, cat, "live", "2026-11-20", ASSERT_ERR));
	ASSERT_OK(itsma_scorer_new(&s, a, NULL, ASSERT_ERR));
	res = itsma_scorer_result(s);
	CU_ASSERT_EQUAL(itsma_result_gap_count(res), itsma_catalogue_requirement_count(cat));
	e.id = "EV-A";
	e.title = "Policy";
	e.collected = "2026-01-01";
	ASSERT_OK(itsma_scorer_put_evidence(s, &e, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_result_evidence_issue_count(res), 1); /* unused */
	q = itsma_catalogue_requirement_at(cat, 0);
	r.requirement = q;
	r.letter = ITSMA_LETTER_F;
	r.evidence = cite;
	r.evidence_count = 1;
	ASSERT_OK(itsma_scorer_put_rating(s, &r, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_result_evidence_issue_count(res), 0);
	qr = itsma_result_find_requirement(res, itsma_requirement_id(q));
	CU_ASSERT_EQUAL(itsma_requirement_result_status(qr), ITSMA_STATUS_RATED);
	CU_ASSERT_EQUAL(itsma_requirement_result_letter(qr), ITSMA_LETTER_F);
	CU_ASSERT_PTR_EQUAL(itsma_requirement_result_rating(qr),
	                    itsma_assessment_find_rating_of(a, r.requirement));
	CU_ASSERT_EQUAL(itsma_result_gap_count(res), itsma_catalogue_requirement_count(cat) - 1);
	/* the record expires before the assessment date: unsupported, and an expired issue */
	e.expires = "2026-06-30";
	ASSERT_OK(itsma_scorer_put_evidence(s, &e, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_requirement_result_status(qr), ITSMA_STATUS_UNSUPPORTED);
	CU_ASSERT_EQUAL(itsma_result_evidence_issue_count(res), 1);
	CU_ASSERT_EQUAL(itsma_evidence_issue_problem(itsma_result_evidence_issue_at(res, 0)),
	                ITSMA_EVIDENCE_PROBLEM_EXPIRED);
	CU_ASSERT_STRING_EQUAL(
	    itsma_evidence_issue_cited_by_at(itsma_result_evidence_issue_at(res, 0), 0),
	    itsma_requirement_id(q));
	CU_ASSERT_EQUAL(itsma_result_gap_count(res), itsma_catalogue_requirement_count(cat));
	{
		char *text = NULL;
		ASSERT_OK(itsma_result_explain(&text, res, itsma_requirement_id(q), ASSERT_ERR));
		CU_ASSERT(strstr(text, "EV-A") != NULL);
		itsma_free(text);
	}
	CU_ASSERT(same_as_fresh(s, NULL));
	itsma_scorer_free(s);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
}

/* ---- the result stays where it is ------------------------------------------------------------ */

/* "Updated in place": the same result pointer across incremental changes, changes that score
 * from scratch (excluded requirements, evidence removal) and itsma_scorer_rescore(). */
static void test_incremental__result_pointer_stays(void)
{
	world w = { NULL, NULL, 0 };
	itsma_scorer *s = NULL;
	const itsma_result *r0;
	size_t inc = 0, full = 0;
	int i;
	seed_state = 31;
	w.cat = random_catalogue();
	ASSERT_OK(itsma_assessment_new(&w.a, w.cat, "live", "2026-11-20", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_put_exclusion(w.a, "P1.1", "Outsourced", ASSERT_ERR));
	populate(&w, 40);
	ASSERT_OK(itsma_scorer_new(&s, w.a, NULL, ASSERT_ERR));
	r0 = itsma_scorer_result(s);
	for (i = 0; i < 400; i++) {
		random_change(&w, s);
		CU_ASSERT_PTR_EQUAL(itsma_scorer_result(s), r0);
	}
	ASSERT_OK(itsma_scorer_rescore(s, ASSERT_ERR));
	CU_ASSERT_PTR_EQUAL(itsma_scorer_result(s), r0);
	itsma_scorer_stats(&inc, &full, s);
	CU_ASSERT(full > 1); /* changes that scored from scratch were among them */
	CU_ASSERT(same_as_fresh(s, NULL));
	itsma_scorer_free(s);
	itsma_assessment_free(w.a);
	itsma_catalogue_free(w.cat);
}

/* ---- changes behind the scorer's back -------------------------------------------------------- */

static void test_incremental__generations_count_changes(void)
{
	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
	itsma_rating_spec r = ITSMA_RATING_SPEC_INIT;
	unsigned long long g, cg;

	CU_ASSERT_EQUAL(itsma_assessment_generation(NULL), 0);
	CU_ASSERT_EQUAL(itsma_catalogue_generation(NULL), 0);
	cat = random_catalogue();
	cg = itsma_catalogue_generation(cat);
	ASSERT_OK(itsma_catalogue_set_title(cat, "Another title", ASSERT_ERR));
	CU_ASSERT(itsma_catalogue_generation(cat) > cg);
	cg = itsma_catalogue_generation(cat);
	ASSERT_OK(itsma_requirement_set_extension(cat, itsma_catalogue_requirement_at(cat, 0),
	                                          "x-t", "1", ASSERT_ERR));
	CU_ASSERT(itsma_catalogue_generation(cat) > cg);
	ASSERT_OK(itsma_assessment_new(&a, cat, "gen", "2026-11-20", ASSERT_ERR));
	g = itsma_assessment_generation(a);
	e.id = "E1";
	e.title = "E1";
	e.collected = "2026-01-01";
	ASSERT_OK(itsma_assessment_put_evidence(a, &e, ASSERT_ERR));
	CU_ASSERT(itsma_assessment_generation(a) > g);
	g = itsma_assessment_generation(a);
	r.requirement_id = "R0";
	r.letter = ITSMA_LETTER_L;
	ASSERT_OK(itsma_assessment_put_rating(a, &r, ASSERT_ERR));
	CU_ASSERT(itsma_assessment_generation(a) > g);
	g = itsma_assessment_generation(a);
	ASSERT_OK(itsma_assessment_set_target(a, 2, ASSERT_ERR));
	CU_ASSERT(itsma_assessment_generation(a) > g);
	g = itsma_assessment_generation(a);
	ASSERT_OK(itsma_evidence_set_extension(a, itsma_assessment_find_evidence(a, "E1"),
	                                       "x-ticket", "\"T-1\"", ASSERT_ERR));
	CU_ASSERT(itsma_assessment_generation(a) > g);
	g = itsma_assessment_generation(a);
	ASSERT_OK(itsma_assessment_remove_rating(a, "R0", ASSERT_ERR));
	CU_ASSERT(itsma_assessment_generation(a) > g);
	g = itsma_assessment_generation(a);
	/* reading changes nothing */
	(void)itsma_assessment_rating_count(a);
	CU_ASSERT_EQUAL(itsma_assessment_generation(a), g);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
}

/* A direct write to the assessment (or its catalogue) behind the scorer's back is detected:
 * the scorer is stale and refuses changes with ITSMA_ESTATE until it is rescored. */
static void test_incremental__direct_write_is_detected(void)
{
	world w = { NULL, NULL, 0 };
	itsma_scorer *s = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_rating_spec r = ITSMA_RATING_SPEC_INIT;
	itsma_result *snap = NULL;
	char *before, *after, *a_before = NULL, *a_after = NULL;
	seed_state = 17;
	w.cat = random_catalogue();
	ASSERT_OK(itsma_assessment_new(&w.a, w.cat, "live", "2026-11-20", ASSERT_ERR));
	populate(&w, 20);
	ASSERT_OK(itsma_scorer_new(&s, w.a, NULL, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_scorer_stale(s), 0);
	CU_ASSERT_EQUAL(itsma_scorer_stale(NULL), 0);
	ASSERT_OK(put_rating(&w, s, "R1", NULL));
	CU_ASSERT_EQUAL(itsma_scorer_stale(s), 0); /* its own changes are not behind its back */

	/* a direct write of the target: detected */
	ASSERT_OK(itsma_assessment_set_target(w.a, 3, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_scorer_stale(s), 1);
	before = json_of(s);
	ASSERT_OK(itsma_assessment_to_json(&a_before, w.a, ASSERT_ERR));
	r.requirement_id = "R2";
	r.letter = ITSMA_LETTER_F;
	CU_ASSERT_EQUAL(itsma_scorer_put_rating(s, &r, &err), ITSMA_ESTATE);
	CU_ASSERT_EQUAL(err.code, ITSMA_ESTATE);
	CU_ASSERT(strstr(err.message, "itsma_scorer_rescore") != NULL);
	CU_ASSERT_EQUAL(itsma_scorer_remove_rating(s, "R1", &err), ITSMA_ESTATE);
	CU_ASSERT_PTR_NOT_NULL(itsma_assessment_find_rating(w.a, "R1"));
	CU_ASSERT_EQUAL(put_evidence(&w, s, "EV-0", &err), ITSMA_ESTATE);
	CU_ASSERT_EQUAL(itsma_scorer_remove_evidence(s, "EV-0", &err), ITSMA_ESTATE);
	CU_ASSERT_EQUAL(itsma_scorer_remove_attribute(s, "P0.0", ITSMA_PA2_1, &err), ITSMA_ESTATE);
	CU_ASSERT_EQUAL(put_attribute(&w, s, "P0.0", ITSMA_PA2_1, &err), ITSMA_ESTATE);
	/* and no snapshot of an out-of-date result */
	CU_ASSERT_EQUAL(itsma_result_clone(&snap, itsma_scorer_result(s), &err), ITSMA_ESTATE);
	CU_ASSERT_PTR_NULL(snap);
	after = json_of(s);
	CU_ASSERT_STRING_EQUAL(before, after); /* the refused changes changed nothing */
	ASSERT_OK(itsma_assessment_to_json(&a_after, w.a, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(a_before, a_after);
	itsma_free(before);
	itsma_free(after);
	itsma_free(a_before);
	itsma_free(a_after);
	ASSERT_OK(itsma_scorer_rescore(s, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_scorer_stale(s), 0);
	CU_ASSERT(same_as_fresh(s, NULL));
	ASSERT_OK(itsma_scorer_put_rating(s, &r, ASSERT_ERR));
	CU_ASSERT(same_as_fresh(s, NULL));

	/* an extension written on a record directly counts as a write as well */
	ASSERT_OK(itsma_evidence_set_extension(w.a, itsma_assessment_evidence_at(w.a, 0),
	                                       "x-ticket", "\"T-9\"", ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_scorer_stale(s), 1);
	CU_ASSERT_EQUAL(itsma_scorer_put_rating(s, &r, &err), ITSMA_ESTATE);
	ASSERT_OK(itsma_scorer_rescore(s, ASSERT_ERR));

	/* the catalogue: a changed title is taken in by rescoring; a new requirement is not */
	ASSERT_OK(itsma_catalogue_set_title(w.cat, "Renamed", ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_scorer_stale(s), 1);
	CU_ASSERT_EQUAL(itsma_scorer_put_rating(s, &r, &err), ITSMA_ESTATE);
	CU_ASSERT(strstr(err.message, "catalogue") != NULL);
	ASSERT_OK(itsma_scorer_rescore(s, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_scorer_stale(s), 0);
	ASSERT_OK(itsma_scorer_put_rating(s, &r, ASSERT_ERR));
	req(w.cat, "P0.0", "R-new", 1, ITSMA_OBLIGATION_SHALL);
	CU_ASSERT_EQUAL(itsma_scorer_put_rating(s, &r, &err), ITSMA_ESTATE);
	CU_ASSERT_EQUAL(itsma_scorer_rescore(s, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_scorer_stale(s), 1);
	itsma_scorer_free(s);
	itsma_assessment_free(w.a);
	itsma_catalogue_free(w.cat);
}

/* ---- failures: nothing changes, or the result is stale until rescored ------------------------ */

#ifndef NO_HOOK
/* One change of kind k (the same change for a given world state and seed). */
static int change_of_kind(world *w, itsma_scorer *s, int k, itsma_error *err)
{
	itsma_rating_spec r = ITSMA_RATING_SPEC_INIT;
	const char *cite[] = { "EV-3", "EV-4", "EV-5" };
	switch (k) {
	case 0: /* a rating citing other records */
		r.requirement_id = "R2";
		r.letter = ITSMA_LETTER_L;
		r.evidence = cite;
		r.evidence_count = 3;
		return itsma_scorer_put_rating(s, &r, err);
	case 1: /* re-rating, same records */ return rerate(w, s, "R2", err);
	case 2: return itsma_scorer_remove_rating(s, "R5", err);
	case 3: /* a new record */ return put_evidence(w, s, "EV-new", err);
	case 4: { /* a record that expires: everything citing it moves */
		itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
		e.id = "EV-3";
		e.title = "expired now";
		e.collected = "2025-01-01";
		e.expires = "2025-06-30";
		return itsma_scorer_put_evidence(s, &e, err);
	}
	case 5: return itsma_scorer_remove_evidence(s, "EV-unused", err);
	case 6: {
		itsma_attribute_spec a = ITSMA_ATTRIBUTE_SPEC_INIT;
		a.process_id = "P0.0";
		a.attribute = ITSMA_PA2_1;
		a.letter = ITSMA_LETTER_F;
		a.evidence = cite;
		a.evidence_count = 2;
		return itsma_scorer_put_attribute(s, &a, err);
	}
	case 7: return itsma_scorer_remove_attribute(s, "P0.1", ITSMA_PA2_1, err);
	default: /* a rating of an excluded requirement (scored from scratch) */
		r.requirement_id = "R3";
		r.letter = ITSMA_LETTER_P;
		return itsma_scorer_put_rating(s, &r, err);
	}
}

static void failure_world(world *w, itsma_scorer **s)
{
	itsma_attribute_spec a = ITSMA_ATTRIBUTE_SPEC_INIT;
	seed_state = 4242;
	w->cat = random_catalogue();
	ASSERT_OK(itsma_assessment_new(&w->a, w->cat, "oom", "2026-11-20", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_put_exclusion(w->a, "R3", "Not relevant", ASSERT_ERR));
	populate(w, 30);
	ev(w->a, "EV-unused", "2026-01-01", NULL);
	{
		itsma_rating_spec r = ITSMA_RATING_SPEC_INIT;
		r.requirement_id = "R5";
		r.letter = ITSMA_LETTER_L;
		ASSERT_OK(itsma_assessment_put_rating(w->a, &r, ASSERT_ERR));
	}
	a.process_id = "P0.1";
	a.attribute = ITSMA_PA2_1;
	a.letter = ITSMA_LETTER_L;
	ASSERT_OK(itsma_assessment_put_attribute(w->a, &a, ASSERT_ERR));
	ASSERT_OK(itsma_scorer_new(s, w->a, NULL, ASSERT_ERR));
}

#endif

/*
 * Every allocation of every kind of change fails in turn. A single failure must leave the
 * assessment and the result as they were (same bytes), or be recovered by scoring from
 * scratch (0, and the result right); only a change that is taken in by scoring from scratch
 * (k 5 and 8) is left stale by a single failure. When every allocation from one on fails
 * (sticky), a failure after the assessment took the change leaves the result stale and
 * empty, and the next change or itsma_scorer_rescore() brings it back.
 */
static void test_incremental__failed_changes(void)
{
#ifndef NO_HOOK
	int k, sticky, n, failed = 0, stale_seen = 0, nothing_changed = 0;
	for (sticky = 0; sticky < 2; sticky++)
		for (k = 0; k < 9; k++)
			for (n = 0; n < 400; n++) {
				world w = { NULL, NULL, 0 };
				itsma_scorer *s = NULL;
				itsma_error err = ITSMA_ERROR_INIT;
				char *a_before = NULL, *r_before, *a_after = NULL, *r_after;
				const itsma_result *r0;
				int rc;
				failure_world(&w, &s);
				r0 = itsma_scorer_result(s);
				ASSERT_OK(itsma_assessment_to_json(&a_before, w.a, ASSERT_ERR));
				r_before = json_of(s);
				alloc_calls = 0;
				fail_sticky = sticky;
				fail_countdown = n;
				rc = change_of_kind(&w, s, k, &err);
				fail_countdown = -1;
				fail_sticky = 0;
				CU_ASSERT_PTR_EQUAL(itsma_scorer_result(s), r0);
				if (rc == 0) {
					CU_ASSERT(same_as_fresh(s, NULL));
					CU_ASSERT_EQUAL(itsma_scorer_stale(s), 0);
				} else {
					failed++;
					CU_ASSERT_EQUAL(rc, ITSMA_ENOMEM);
					CU_ASSERT_EQUAL(err.code, ITSMA_ENOMEM);
					ASSERT_OK(
					    itsma_assessment_to_json(&a_after, w.a, ASSERT_ERR));
					r_after = json_of(s);
					if (!itsma_scorer_stale(s)) {
						/* strong guarantee */
						nothing_changed++;
						CU_ASSERT_STRING_EQUAL(a_before, a_after);
						CU_ASSERT_STRING_EQUAL(r_before, r_after);
					} else {
						/* the assessment took the change, and scoring from
						 * scratch failed as well */
						const itsma_result *r = itsma_scorer_result(s);
						stale_seen++;
						CU_ASSERT(sticky || k == 5 || k == 8);
						CU_ASSERT_STRING_NOT_EQUAL(a_before, a_after);
						CU_ASSERT_EQUAL(itsma_result_section_count(r), 0);
						CU_ASSERT_EQUAL(itsma_result_requirement_count(r),
						                0);
						CU_ASSERT_EQUAL(itsma_result_gap_count(r), 0);
						CU_ASSERT_EQUAL(
						    itsma_result_evidence_issue_count(r), 0);
						CU_ASSERT(isnan(itsma_result_compliance(
						    r, ITSMA_MODEL_DEFAULT)));
						/* the next change (odd n) or a rescore (even n)
						 * clears it */
						if (n % 2) {
							ASSERT_OK(put_rating(&w, s, "R7", NULL));
						} else {
							ASSERT_OK(
							    itsma_scorer_rescore(s, ASSERT_ERR));
						}
						CU_ASSERT_EQUAL(itsma_scorer_stale(s), 0);
						CU_ASSERT_PTR_EQUAL(itsma_scorer_result(s), r0);
					}
					CU_ASSERT(same_as_fresh(s, NULL));
					itsma_free(a_after);
					itsma_free(r_after);
				}
				itsma_free(a_before);
				itsma_free(r_before);
				itsma_scorer_free(s);
				itsma_assessment_free(w.a);
				itsma_catalogue_free(w.cat);
				if (rc == 0 || alloc_calls == 0)
					break; /* this kind succeeds from here on (or the hook is
					          inert) */
			}
	/* the hook sees allocations unless valgrind has replaced malloc (then it is inert) */
	if (alloc_calls > 0) {
		CU_ASSERT(failed > 0);
		CU_ASSERT(stale_seen > 0);
		CU_ASSERT(nothing_changed > 0);
	}
#endif
	fixture_counters_used();
}

/* ---- which sections moved -------------------------------------------------------------------- */

/* Whether a section's figures differ between two results, by the public getters. */
static int section_differs(const itsma_section_result *x, const itsma_section_result *y)
{
	int pa;
	double ax = itsma_section_result_achievement(x), ay = itsma_section_result_achievement(y);
	if (itsma_section_result_applicable(x) != itsma_section_result_applicable(y) ||
	    itsma_section_result_letter(x) != itsma_section_result_letter(y) ||
	    itsma_section_result_capability_level(x) != itsma_section_result_capability_level(y) ||
	    itsma_section_result_target_level(x) != itsma_section_result_target_level(y) ||
	    memcmp(&ax, &ay, sizeof ax) != 0)
		return 1;
	for (pa = 0; pa < ITSMA_ATTRIBUTE_COUNT; pa++) {
		double bx = itsma_section_result_attribute_achievement(x, (itsma_attribute)pa);
		double by = itsma_section_result_attribute_achievement(y, (itsma_attribute)pa);
		if (itsma_section_result_attribute_letter(x, (itsma_attribute)pa) !=
		        itsma_section_result_attribute_letter(y, (itsma_attribute)pa) ||
		    itsma_section_result_attribute_status(x, (itsma_attribute)pa) !=
		        itsma_section_result_attribute_status(y, (itsma_attribute)pa) ||
		    memcmp(&bx, &by, sizeof bx) != 0)
			return 1;
	}
	return 0;
}

/* After each random change, the sections the scorer lists are exactly those whose figures
 * differ between scoring from scratch before and after: changed ones listed once, unchanged
 * ones not at all. */
static void test_incremental__changed_sections(void)
{
	world w = { NULL, NULL, 0 };
	itsma_scorer *s = NULL;
	int i, listed = 0;
	seed_state = 77;
	w.cat = random_catalogue();
	ASSERT_OK(itsma_assessment_new(&w.a, w.cat, "live", "2026-11-20", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_put_exclusion(w.a, "R3", "Not relevant", ASSERT_ERR));
	populate(&w, 40);
	ASSERT_OK(itsma_scorer_new(&s, w.a, NULL, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_scorer_changed_count(s), 0);
	CU_ASSERT_PTR_NULL(itsma_scorer_changed_at(s, 0));
	for (i = 0; i < 600; i++) {
		itsma_result *before = NULL, *after = NULL;
		size_t k, j, n = itsma_catalogue_section_count(w.cat), want = 0;
		ASSERT_OK(itsma_score(&before, w.a, NULL, ASSERT_ERR));
		itsma_scorer_mark(s);
		CU_ASSERT_EQUAL(itsma_scorer_changed_count(s), 0);
		random_change(&w, s);
		if (i % 3 == 0)
			random_change(&w, s); /* two changes since the mark */
		ASSERT_OK(itsma_score(&after, w.a, NULL, ASSERT_ERR));
		for (k = 0; k < n; k++) {
			const itsma_section *sec_k = itsma_catalogue_section_at(w.cat, k);
			int moved = section_differs(itsma_result_section_of(before, sec_k),
			                            itsma_result_section_of(after, sec_k));
			int found = 0;
			for (j = 0; j < itsma_scorer_changed_count(s); j++)
				found += itsma_scorer_changed_at(s, j) == sec_k;
			want += (size_t)moved;
			if (i % 3 != 0) { /* one change: listed exactly when it moved */
				CU_ASSERT_EQUAL(found, moved);
			} else { /* two: it may have moved and moved back */
				CU_ASSERT(found == 1 || !moved);
			}
			CU_ASSERT(found <= 1);
		}
		if (i % 3 != 0)
			CU_ASSERT_EQUAL(itsma_scorer_changed_count(s), want);
		listed += (int)itsma_scorer_changed_count(s);
		itsma_result_free(before);
		itsma_result_free(after);
	}
	CU_ASSERT(listed > 0);
	itsma_scorer_mark(NULL);
	CU_ASSERT_EQUAL(itsma_scorer_changed_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_scorer_changed_at(NULL, 0));
	itsma_scorer_free(s);
	itsma_assessment_free(w.a);
	itsma_catalogue_free(w.cat);
}

/* A change that moves one requirement's figure lists its section and the enclosing ones
 * that moved, nothing else; a change that moves nothing lists nothing. */
static void test_incremental__changed_sections_of_one_rating(void)
{
	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_scorer *s = NULL;
	itsma_rating_spec r = ITSMA_RATING_SPEC_INIT;
	cat = cat_new("test:changed");
	sec(cat, NULL, "G", 1, 0);
	sec(cat, "G", "P", 1, 1);
	sec(cat, "G", "Q", 1, 1);
	req(cat, "P", "P-1", 1, ITSMA_OBLIGATION_SHALL);
	req(cat, "P", "P-2", 1, ITSMA_OBLIGATION_SHALL);
	req(cat, "Q", "Q-1", 1, ITSMA_OBLIGATION_SHALL);
	ASSERT_OK(itsma_assessment_new(&a, cat, "one", "2026-11-20", ASSERT_ERR));
	ASSERT_OK(itsma_scorer_new(&s, a,
	                           &(itsma_score_options){ ITSMA_SCORE_OPTIONS_VERSION,
	                                                   ITSMA_EVIDENCE_POLICY_ADVISORY, NULL },
	                           ASSERT_ERR));
	r.requirement_id = "P-1";
	r.letter = ITSMA_LETTER_L;
	ASSERT_OK(itsma_scorer_put_rating(s, &r, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_scorer_changed_count(s), 2);
	CU_ASSERT_STRING_EQUAL(itsma_section_id(itsma_scorer_changed_at(s, 0)), "P");
	CU_ASSERT_STRING_EQUAL(itsma_section_id(itsma_scorer_changed_at(s, 1)), "G");
	/* the same rating again: nothing moves */
	itsma_scorer_mark(s);
	ASSERT_OK(itsma_scorer_put_rating(s, &r, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_scorer_changed_count(s), 0);
	/* Q moves, P does not; changes accumulate until the next mark, each section once */
	r.requirement_id = "Q-1";
	ASSERT_OK(itsma_scorer_put_rating(s, &r, ASSERT_ERR));
	r.letter = ITSMA_LETTER_F;
	ASSERT_OK(itsma_scorer_put_rating(s, &r, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_scorer_changed_count(s), 2);
	CU_ASSERT_STRING_EQUAL(itsma_section_id(itsma_scorer_changed_at(s, 0)), "Q");
	CU_ASSERT_STRING_EQUAL(itsma_section_id(itsma_scorer_changed_at(s, 1)), "G");
	itsma_scorer_free(s);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
}

/* ---- snapshots ------------------------------------------------------------------------------- */

static char *json_of_result(const itsma_result *r)
{
	char *j = NULL;
	ASSERT_OK(itsma_result_to_json(&j, r, ASSERT_ERR));
	return j;
}

/* A snapshot equals scoring from scratch at the moment it is taken, and stays so while the
 * scorer goes on, after the scorer and the assessment are gone too. */
static void test_incremental__snapshots(void)
{
	world w = { NULL, NULL, 0 };
	itsma_scorer *s = NULL;
	itsma_result *snap[8];
	char *want[8];
	itsma_error err = ITSMA_ERROR_INIT;
	int i, k;
	seed_state = 55;
	w.cat = random_catalogue();
	ASSERT_OK(itsma_assessment_new(&w.a, w.cat, "live", "2026-11-20", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_put_exclusion(w.a, "P2.0", "Outsourced", ASSERT_ERR));
	populate(&w, 50);
	ASSERT_OK(itsma_scorer_new(&s, w.a, NULL, ASSERT_ERR));
	for (k = 0; k < 8; k++) {
		itsma_result *fresh = NULL;
		for (i = 0; i < 60; i++)
			random_change(&w, s);
		ASSERT_OK(itsma_result_clone(&snap[k], itsma_scorer_result(s), ASSERT_ERR));
		CU_ASSERT_PTR_NOT_EQUAL(snap[k], itsma_scorer_result(s));
		CU_ASSERT_PTR_NOT_EQUAL(itsma_result_assessment(snap[k]), w.a);
		CU_ASSERT_PTR_EQUAL(itsma_result_catalogue(snap[k]), w.cat);
		ASSERT_OK(itsma_score(&fresh, w.a, NULL, ASSERT_ERR));
		want[k] = json_of_result(fresh);
		{
			char *got = json_of_result(snap[k]);
			CU_ASSERT_STRING_EQUAL(got, want[k]);
			itsma_free(got);
		}
		itsma_result_free(fresh);
		for (i = 0; i < k; i++) { /* the earlier ones have not moved */
			char *got = json_of_result(snap[i]);
			CU_ASSERT_STRING_EQUAL(got, want[i]);
			itsma_free(got);
		}
	}
	/* a snapshot of a snapshot, and of a plain section-scoped advisory result */
	{
		itsma_result *again = NULL, *plain = NULL, *pc = NULL;
		itsma_score_options o = ITSMA_SCORE_OPTIONS_INIT;
		char *x, *y;
		ASSERT_OK(itsma_result_clone(&again, snap[3], ASSERT_ERR));
		x = json_of_result(again);
		CU_ASSERT_STRING_EQUAL(x, want[3]);
		itsma_free(x);
		itsma_result_free(again);
		o.section = "G1";
		o.evidence_policy = ITSMA_EVIDENCE_POLICY_ADVISORY;
		ASSERT_OK(itsma_score(&plain, w.a, &o, ASSERT_ERR));
		ASSERT_OK(itsma_result_clone(&pc, plain, ASSERT_ERR));
		x = json_of_result(plain);
		y = json_of_result(pc);
		CU_ASSERT_STRING_EQUAL(x, y);
		CU_ASSERT_PTR_EQUAL(itsma_result_scope(pc), itsma_result_scope(plain));
		itsma_free(x);
		itsma_free(y);
		/* a plain result whose assessment changed since is out of date */
		ASSERT_OK(itsma_assessment_set_target(w.a, 4, ASSERT_ERR));
		CU_ASSERT_EQUAL(itsma_result_clone(&again, plain, &err), ITSMA_ESTATE);
		CU_ASSERT_PTR_NULL(again);
		itsma_result_free(plain);
		itsma_result_free(pc);
	}
	CU_ASSERT_EQUAL(itsma_result_clone(NULL, snap[0], &err), ITSMA_EINVAL);
	{
		itsma_result *none = (itsma_result *)&err;
		CU_ASSERT_EQUAL(itsma_result_clone(&none, NULL, &err), ITSMA_EINVAL);
		CU_ASSERT_PTR_NULL(none);
	}
	/* the snapshots outlive the scorer and the assessment (not the catalogue) */
	itsma_scorer_free(s);
	itsma_assessment_free(w.a);
	for (k = 0; k < 8; k++) {
		char *got = json_of_result(snap[k]);
		CU_ASSERT_STRING_EQUAL(got, want[k]);
		itsma_free(got);
		itsma_free(want[k]);
		itsma_result_free(snap[k]);
	}
	itsma_catalogue_free(w.cat);
}

static const itsma_test_case tests[] = {
	{ "builtin_random_changes", test_incremental__builtin_random_changes },
	{ "scope_weights_and_advisory_policy",
	  test_incremental__scope_weights_and_advisory_policy },
	{ "rescore_after_direct_changes", test_incremental__rescore_after_direct_changes },
	{ "new_errors", test_incremental__new_errors },
	{ "refused_changes_change_nothing", test_incremental__refused_changes_change_nothing },
	{ "result_getters_follow_changes", test_incremental__result_getters_follow_changes },
	{ "result_pointer_stays", test_incremental__result_pointer_stays },
	{ "generations_count_changes", test_incremental__generations_count_changes },
	{ "direct_write_is_detected", test_incremental__direct_write_is_detected },
	{ "failed_changes", test_incremental__failed_changes },
	{ "changed_sections", test_incremental__changed_sections },
	{ "changed_sections_of_one_rating", test_incremental__changed_sections_of_one_rating },
	{ "snapshots", test_incremental__snapshots },
	{ NULL, NULL }
};

ITSMA_TEST_MAIN("incremental", tests)
