/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The live scorer (itsma/scorer.h): thousands of random single changes (ratings, evidence
 * dates and expiry, new evidence, attribute ratings, removals), and after each batch the
 * result must give the same bytes from itsma_result_to_json() as scoring the assessment from
 * scratch; then every public function's error paths.
 */
#include "harness.h"

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

static const itsma_letter letter_pool[] = { ITSMA_LETTER_N, ITSMA_LETTER_P_MINUS, ITSMA_LETTER_P,
	                                    ITSMA_LETTER_P_PLUS, ITSMA_LETTER_L_MINUS, ITSMA_LETTER_L,
	                                    ITSMA_LETTER_L_PLUS, ITSMA_LETTER_F, ITSMA_LETTER_F };

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
	static const char *const exps[] = { "2026-11-19", "2026-11-20", "2027-01-01", "2028-12-31" };
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
	return s ? itsma_scorer_put_evidence(s, &e, err) : itsma_assessment_put_evidence(w->a, &e, err);
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
			snprintf(ids[i], sizeof ids[i], "%s", itsma_evidence_id(itsma_rating_evidence_at(old, i)));
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
	return s ? itsma_scorer_put_attribute(s, &r, err) : itsma_assessment_put_attribute(w->a, &r, err);
}

static const itsma_section *random_process(const itsma_catalogue *c)
{
	size_t n = itsma_catalogue_section_count(c), i, start = pick(n);
	for (i = 0; i < n; i++) {
		const itsma_section *p = itsma_catalogue_section_at(c, (start + i) % n);
		if (itsma_section_kind_of(p) == ITSMA_SECTION_PROCESS)
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
			ASSERT_OK(put_rating(w, NULL, itsma_requirement_id(itsma_catalogue_requirement_at(w->cat, i)),
			                     ASSERT_ERR));
	for (i = 0; i < itsma_catalogue_section_count(w->cat); i++) {
		const itsma_section *p = itsma_catalogue_section_at(w->cat, i);
		int pa;
		if (itsma_section_kind_of(p) != ITSMA_SECTION_PROCESS)
			continue;
		for (pa = 1; pa < ITSMA_ATTRIBUTE_COUNT; pa++)
			if (pick(4) < 3)
				ASSERT_OK(put_attribute(w, NULL, itsma_section_id(p), (itsma_attribute)pa, ASSERT_ERR));
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
		fprintf(stderr, "\nfirst difference at byte %zu:\nfresh: %.160s\nlive:  %.160s\n", k,
		        a + (k > 60 ? k - 60 : 0), b + (k > 60 ? k - 60 : 0));
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
		rc = put_rating(w, s, itsma_requirement_id(itsma_catalogue_requirement_at(c, pick(nq))), &err);
	} else if (k < 40) {
		rc = rerate(w, s, itsma_requirement_id(itsma_catalogue_requirement_at(c, pick(nq))), &err);
	} else if (k < 47) {
		const itsma_requirement *q = itsma_catalogue_requirement_at(c, pick(nq));
		rc = k % 2 ? itsma_scorer_remove_rating_of(s, q, &err)
		           : itsma_scorer_remove_rating(s, itsma_requirement_id(q), &err);
		CU_ASSERT(rc == 0 || rc == ITSMA_ENOTFOUND);
		return;
	} else if (k < 72) {
		size_t ne = itsma_assessment_evidence_count(w->a);
		snprintf(id, sizeof id, "%s", itsma_evidence_id(itsma_assessment_evidence_at(w->a, pick(ne))));
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
			if (itsma_evidence_issue_problem(is) == ITSMA_EVIDENCE_PROBLEM_UNUSED && ne > 1) {
				snprintf(id, sizeof id, "%s", itsma_evidence_id(itsma_evidence_issue_evidence(is)));
				rc = itsma_scorer_remove_evidence(s, id, &err);
				break;
			}
		}
	} else if (k < 94) {
		const itsma_section *p = random_process(c);
		if (p)
			rc = put_attribute(w, s, itsma_section_id(p), (itsma_attribute)(1 + pick(8)), &err);
	} else {
		const itsma_section *p = random_process(c);
		if (p) {
			itsma_attribute pa = (itsma_attribute)(1 + pick(8));
			rc = k % 2 ? itsma_scorer_remove_attribute_of(s, p, pa, &err)
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
			p.kind = j < 2 ? ITSMA_SECTION_PROCESS : ITSMA_SECTION_GROUP;
			ASSERT_OK(itsma_catalogue_add_section(&ps, c, gs, &p, ASSERT_ERR));
			for (k = 0; k < 4 + (int)pick(4); k++) {
				itsma_requirement_spec q = ITSMA_REQUIREMENT_SPEC_INIT;
				char rid[32];
				snprintf(rid, sizeof rid, "R%d", nreq++);
				q.id = rid;
				q.text = rid;
				q.weight = pick(6) == 0 ? 0 : (double)(1 + pick(3)) / 2.0;
				q.obligation = pick(4) == 0 ? ITSMA_OBLIGATION_SHOULD : ITSMA_OBLIGATION_SHALL;
				ASSERT_OK(itsma_catalogue_add_requirement(NULL, c, ps, &q, ASSERT_ERR));
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
	ASSERT_OK(itsma_assessment_set_process_target(w.a, itsma_section_id(random_process(w.cat)), 3, ASSERT_ERR));
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
		opts.evidence_policy = round == 1 ? ITSMA_POLICY_ADVISORY : ITSMA_POLICY_REQUIRED;
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
	ASSERT_OK(itsma_assessment_put_exclusion(itsma_scorer_assessment(s), "G1", "Elsewhere", ASSERT_ERR));
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
#define ASSERT_REFUSED(call, want)                                                                   \
	do {                                                                                         \
		itsma_error e2 = ITSMA_ERROR_INIT;                                                   \
		char *before = json_of(s), *after;                                                   \
		int rc2 = (call);                                                                    \
		CU_ASSERT_EQUAL(rc2, want);                                                          \
		CU_ASSERT_EQUAL(e2.code, want);                                                      \
		CU_ASSERT(e2.message[0] != '\0');                                                   \
		after = json_of(s);                                                                  \
		CU_ASSERT_STRING_EQUAL(before, after);                                               \
		itsma_free(before);                                                                  \
		itsma_free(after);                                                                   \
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
	CU_ASSERT_EQUAL(itsma_scorer_remove_attribute(NULL, "8.1", ITSMA_PA2_1, &err), ITSMA_EINVAL);
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
	ASSERT_REFUSED(itsma_scorer_remove_rating(s, itsma_requirement_id(q), &e2), ITSMA_ENOTFOUND);
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
		ASSERT_REFUSED(itsma_scorer_put_attribute(s, &r, &e2), ITSMA_EINVAL); /* not its id */
		r.process_id = NULL;
		if (itsma_section_kind_of(itsma_catalogue_section_at(cat, 0)) != ITSMA_SECTION_PROCESS)
			ASSERT_REFUSED(itsma_scorer_put_attribute(s, &r, &e2), ITSMA_EINVAL);
		ASSERT_REFUSED(itsma_scorer_put_attribute(s, NULL, &e2), ITSMA_EINVAL);
	}
	if (itsma_assessment_find_attribute(a, itsma_section_id(proc), ITSMA_PA5_2))
		ASSERT_OK(itsma_scorer_remove_attribute(s, itsma_section_id(proc), ITSMA_PA5_2, ASSERT_ERR));
	ASSERT_REFUSED(itsma_scorer_remove_attribute(s, itsma_section_id(proc), ITSMA_PA5_2, &e2), ITSMA_ENOTFOUND);
	ASSERT_REFUSED(itsma_scorer_remove_attribute(s, "no-such", ITSMA_PA2_1, &e2), ITSMA_ENOTFOUND);
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
		ASSERT_REFUSED(itsma_scorer_remove_attribute_of(s, p_twin, ITSMA_PA2_1, &e2), ITSMA_EINVAL);
		ASSERT_REFUSED(itsma_scorer_remove_attribute_of(s, NULL, ITSMA_PA2_1, &e2), ITSMA_EINVAL);
		ASSERT_REFUSED(itsma_scorer_remove_attribute_of(s, proc, ITSMA_PA5_2, &e2), ITSMA_ENOTFOUND);
		CU_ASSERT_EQUAL(itsma_scorer_remove_rating_of(NULL, q, NULL), ITSMA_EINVAL);
		CU_ASSERT_EQUAL(itsma_scorer_remove_attribute_of(NULL, proc, ITSMA_PA2_1, NULL), ITSMA_EINVAL);
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
		ASSERT_REFUSED(itsma_scorer_remove_attribute_of(s, proc, ITSMA_PA2_1, &e2), ITSMA_ENOTFOUND);
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
	CU_ASSERT_PTR_EQUAL(itsma_requirement_result_rating(qr), itsma_assessment_find_rating_of(a, r.requirement));
	CU_ASSERT_EQUAL(itsma_result_gap_count(res), itsma_catalogue_requirement_count(cat) - 1);
	/* the record expires before the assessment date: unsupported, and an expired issue */
	e.expires = "2026-06-30";
	ASSERT_OK(itsma_scorer_put_evidence(s, &e, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_requirement_result_status(qr), ITSMA_STATUS_UNSUPPORTED);
	CU_ASSERT_EQUAL(itsma_result_evidence_issue_count(res), 1);
	CU_ASSERT_EQUAL(itsma_evidence_issue_problem(itsma_result_evidence_issue_at(res, 0)), ITSMA_EVIDENCE_PROBLEM_EXPIRED);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_issue_cited_by_at(itsma_result_evidence_issue_at(res, 0), 0),
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

static const itsma_test_case tests[] = {
	{ "builtin_random_changes", test_incremental__builtin_random_changes },
	{ "scope_weights_and_advisory_policy", test_incremental__scope_weights_and_advisory_policy },
	{ "rescore_after_direct_changes", test_incremental__rescore_after_direct_changes },
	{ "new_errors", test_incremental__new_errors },
	{ "refused_changes_change_nothing", test_incremental__refused_changes_change_nothing },
	{ "result_getters_follow_changes", test_incremental__result_getters_follow_changes },
	{ NULL, NULL }
};

ITSMA_TEST_MAIN("incremental", tests)
