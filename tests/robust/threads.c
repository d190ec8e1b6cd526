/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Thread-safety test (ctest "threads"), built and run under ThreadSanitizer.
 *
 * One catalogue (the built-in ISO/IEC 20000-1:2018) is shared read-only by every thread.
 * Each thread loads its own assessment from text, scores it under both evidence policies,
 * writes the result as JSON, explains figures, compares it with the shared result, and
 * writes its assessment and the shared catalogue back as JSON; all threads also score one
 * shared assessment at the same time, read the result of a shared incremental scorer
 * (between changes its result may be read by any number of threads), and load a built-in
 * catalogue and a file of their own. Everything must give exactly the bytes a single thread
 * gives, and TSan must find no data race (the test runs with halt_on_error=1).
 *
 * Then a writer changes a live scorer under its lock while readers read snapshots of its
 * result (itsma_result_clone, taken under the lock) without the lock: each snapshot must give
 * the bytes itsma_score() gave at the moment it was taken, however far the writer has gone.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "itsma.h"

#define THREADS 4
#define ROUNDS  3

static const itsma_catalogue *cat;
static const itsma_assessment *shared_a;
static const itsma_result *shared_r;
static char *texts[THREADS];       /* each thread's assessment, as JSON text */
static char *expected[THREADS];    /* what one thread makes of it */
static char *expected_shared;      /* the shared assessment's result */
static char *expected_builtin;     /* the 2011 built-in catalogue as JSON */
static const itsma_scorer *scorer; /* a live scorer, not changed while the threads run */
static char *expected_scorer;      /* its result as JSON, and an explanation */
static char catalogue_file[512];
static atomic_int failures;

/* the writer and the snapshot readers */
#define SNAPSHOTS            12
#define CHANGES_PER_SNAPSHOT 40
static pthread_mutex_t live_lock = PTHREAD_MUTEX_INITIALIZER;
static itsma_result *snaps[SNAPSHOTS];
static char *snap_expected[SNAPSHOTS];
static atomic_int published; /* snapshots 0..published-1 are ready to read */

static void check(int ok, const char *what, int thread)
{
	if (!ok) {
		fprintf(stderr, "FAIL (thread %d): %s\n", thread, what);
		atomic_fetch_add(&failures, 1);
	}
}

static void append(char **acc, char *s)
{
	size_t a = *acc ? strlen(*acc) : 0, b = s ? strlen(s) : 0;
	char *p = realloc(*acc, a + b + 2);
	if (!p)
		abort();
	memcpy(p + a, s ? s : "", b);
	p[a + b] = '\n';
	p[a + b + 1] = '\0';
	*acc = p;
	itsma_free(s);
}

/* Build a varied assessment of the shared catalogue, as JSON text. */
static char *make_assessment(int seed)
{
	itsma_assessment *a = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	char id[32], *text = NULL;
	size_t i, n = itsma_catalogue_requirement_count(cat);
	static const char *const evid[] = { "EV-1", "EV-2", "EV-3" };

	snprintf(id, sizeof id, "thread-%d", seed);
	if (itsma_assessment_new(&a, cat, id, "2026-11-20", &err) < 0)
		goto fail;
	for (i = 0; i < 3; i++) {
		itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
		e.id = evid[i];
		e.title = "Evidence";
		e.kind = (itsma_evidence_kind)i;
		e.collected = i == 2 ? "2027-01-01" : "2026-01-01";
		e.expires = i == 1 ? "2026-06-30" : NULL;
		if (itsma_assessment_put_evidence(a, &e, &err) < 0)
			goto fail;
	}
	for (i = (size_t)seed; i < n; i += 2 + (size_t)seed) {
		itsma_rating_spec r = ITSMA_RATING_SPEC_INIT;
		r.requirement = itsma_catalogue_requirement_at(cat, i);
		if (i % 3)
			r.letter = (itsma_letter)(1 + (i + (size_t)seed) % 8);
		else
			r.value = (double)((i * 7 + (size_t)seed) % 101);
		r.evidence = evid + i % 3;
		r.evidence_count = i % 3 == 2 ? 1 : 1 + (i % 2);
		if (itsma_assessment_put_rating(a, &r, &err) < 0)
			goto fail;
	}
	for (i = 0; i < itsma_catalogue_process_count(cat); i += 1 + (size_t)seed) {
		itsma_attribute_spec s = ITSMA_ATTRIBUTE_SPEC_INIT;
		s.process = itsma_catalogue_process_at(cat, i);
		s.attribute = (itsma_attribute)(1 + (i + (size_t)seed) % 4);
		s.letter = (itsma_letter)(1 + (i * 3 + (size_t)seed) % 8);
		s.evidence = evid;
		s.evidence_count = 1;
		if (itsma_assessment_put_attribute(a, &s, &err) < 0)
			goto fail;
		if (itsma_assessment_set_process_target_of(a, s.process, (int)(i % 4), &err) < 0)
			goto fail;
	}
	if (itsma_assessment_set_target(a, seed % 3, &err) < 0 ||
	    itsma_assessment_to_json(&text, a, &err) < 0)
		goto fail;
	itsma_assessment_free(a);
	return text;
fail:
	fprintf(stderr, "cannot build an assessment: %s\n", err.message);
	exit(2);
}

/* Everything one thread does with its assessment text, as one string (NULL on failure). */
static char *work(const char *text, int thread)
{
	itsma_assessment *a = NULL;
	itsma_result *r = NULL, *r2 = NULL;
	itsma_diff *d = NULL;
	itsma_score_options opts = ITSMA_SCORE_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	char *acc = NULL, *s = NULL;
	size_t i;

	if (itsma_assessment_load_buffer(&a, text, strlen(text), "thread.json", cat, NULL, &err) <
	    0) {
		check(0, err.message, thread);
		return NULL;
	}
	check(itsma_score(&r, a, NULL, &err) == 0, "score", thread);
	opts.evidence_policy = ITSMA_EVIDENCE_POLICY_ADVISORY;
	check(itsma_score(&r2, a, &opts, &err) == 0, "score (advisory)", thread);
	if (!r || !r2)
		goto out;
	check(itsma_result_to_json(&s, r, &err) == 0, "result_to_json", thread);
	append(&acc, s);
	check(itsma_result_to_json(&s, r2, &err) == 0, "result_to_json (advisory)", thread);
	append(&acc, s);
	for (i = 0; i < itsma_catalogue_section_count(cat); i += 7) {
		s = NULL;
		check(itsma_result_explain(
		          &s, r, itsma_section_id(itsma_catalogue_section_at(cat, i)), &err) == 0,
		      "explain a section", thread);
		append(&acc, s);
	}
	for (i = 0; i < itsma_assessment_rating_count(a); i += 11) {
		s = NULL;
		check(itsma_result_explain(&s, r,
		                           itsma_requirement_id(itsma_rating_requirement(
		                               itsma_assessment_rating_at(a, i))),
		                           &err) == 0,
		      "explain a requirement", thread);
		append(&acc, s);
	}
	check(itsma_compare(&d, shared_r, r, &err) == 0, "compare", thread);
	if (d) {
		s = NULL;
		check(itsma_diff_to_json(&s, d, &err) == 0, "diff_to_json", thread);
		append(&acc, s);
	}
	s = NULL;
	check(itsma_assessment_to_json(&s, a, &err) == 0, "assessment_to_json", thread);
	append(&acc, s);
	s = NULL;
	check(itsma_catalogue_to_json(&s, cat, &err) == 0, "catalogue_to_json", thread);
	append(&acc, s);
out:
	itsma_diff_free(d);
	itsma_result_free(r2);
	itsma_result_free(r);
	itsma_assessment_free(a);
	return acc;
}

static char *score_shared(int thread)
{
	itsma_result *r = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	char *s = NULL;
	check(itsma_score(&r, shared_a, NULL, &err) == 0, "score the shared assessment", thread);
	if (r)
		check(itsma_result_to_json(&s, r, &err) == 0, "result_to_json (shared)", thread);
	itsma_result_free(r);
	return s;
}

static char *read_scorer(int thread)
{
	const itsma_result *r = itsma_scorer_result(scorer);
	itsma_error err = ITSMA_ERROR_INIT;
	char *acc = NULL, *s = NULL;
	check(itsma_result_to_json(&s, r, &err) == 0, "scorer result_to_json", thread);
	append(&acc, s);
	s = NULL;
	check(itsma_result_explain(&s, r, itsma_section_id(itsma_catalogue_process_at(cat, 0)),
	                           &err) == 0,
	      "scorer explain", thread);
	append(&acc, s);
	return acc;
}

static char *load_builtin(int thread)
{
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	char *s = NULL;
	check(itsma_catalogue_builtin(&c, "iso20000-1:2011", &err) == 0, "builtin", thread);
	if (c)
		check(itsma_catalogue_to_json(&s, c, &err) == 0, "builtin to_json", thread);
	itsma_catalogue_free(c);
	return s;
}

static void *thread_main(void *arg)
{
	int t = (int)(size_t)arg, round;
	for (round = 0; round < ROUNDS; round++) {
		char *got = work(texts[t], t);
		itsma_catalogue *c = NULL;
		itsma_error err = ITSMA_ERROR_INIT;

		check(got && strcmp(got, expected[t]) == 0,
		      "own assessment differs from one thread's", t);
		free(got);
		got = score_shared(t);
		check(got && strcmp(got, expected_shared) == 0, "shared result differs", t);
		itsma_free(got);
		got = load_builtin(t);
		check(got && strcmp(got, expected_builtin) == 0, "built-in catalogue differs", t);
		itsma_free(got);
		got = read_scorer(t);
		check(got && strcmp(got, expected_scorer) == 0, "scorer result differs", t);
		free(got);
		check(itsma_catalogue_load_file(&c, catalogue_file, NULL, &err) == 0, "load_file",
		      t);
		itsma_catalogue_free(c);
	}
	return NULL;
}

/* Changes through a live scorer under its lock; a snapshot after every batch, published with
 * what scoring from scratch gave at that moment. */
static void *writer_main(void *arg)
{
	itsma_scorer *live = arg;
	itsma_error err = ITSMA_ERROR_INIT;
	size_t nq = itsma_catalogue_requirement_count(cat);
	int k, i;
	static const itsma_letter letters[] = { ITSMA_LETTER_N, ITSMA_LETTER_P, ITSMA_LETTER_L,
		                                ITSMA_LETTER_F };
	for (k = 0; k < SNAPSHOTS; k++) {
		itsma_result *fresh = NULL;
		pthread_mutex_lock(&live_lock);
		for (i = 0; i < CHANGES_PER_SNAPSHOT; i++) {
			itsma_rating_spec rs = ITSMA_RATING_SPEC_INIT;
			rs.requirement =
			    itsma_catalogue_requirement_at(cat, (size_t)(k * 97 + i * 31) % nq);
			rs.letter = letters[(k + i) % 4];
			check(itsma_scorer_put_rating(live, &rs, &err) == 0, "writer put_rating",
			      -2);
		}
		check(itsma_result_clone(&snaps[k], itsma_scorer_result(live), &err) == 0, "clone",
		      -2);
		check(itsma_score(&fresh, itsma_scorer_assessment(live), NULL, &err) == 0, "score",
		      -2);
		check(itsma_result_to_json(&snap_expected[k], fresh, &err) == 0, "to_json", -2);
		itsma_result_free(fresh);
		pthread_mutex_unlock(&live_lock);
		if (!snaps[k] || !snap_expected[k])
			break;
		atomic_store(&published, k + 1);
	}
	return NULL;
}

/* Reads the published snapshots without the writer's lock while the writer goes on. */
static void *snapshot_reader_main(void *arg)
{
	int t = (int)(size_t)arg, seen = 0;
	while (seen < SNAPSHOTS) {
		int n = atomic_load(&published), k;
		for (k = 0; k < n; k++) {
			char *got = NULL;
			itsma_error err = ITSMA_ERROR_INIT;
			check(itsma_result_to_json(&got, snaps[k], &err) == 0, "snapshot to_json",
			      t);
			check(got && strcmp(got, snap_expected[k]) == 0, "snapshot differs", t);
			itsma_free(got);
		}
		if (n == seen && n < SNAPSHOTS && atomic_load(&failures))
			break;
		seen = n;
	}
	return NULL;
}

int main(void)
{
	itsma_catalogue *c = NULL;
	itsma_assessment *a = NULL, *sa = NULL;
	itsma_result *r = NULL;
	itsma_scorer *sc = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	pthread_t th[THREADS];
	int t;
	char *shared_text;

	if (itsma_catalogue_builtin(&c, "iso20000-1:2018", &err) < 0) {
		fprintf(stderr, "builtin: %s\n", err.message);
		return 2;
	}
	cat = c;
	snprintf(catalogue_file, sizeof catalogue_file, "%s/threads-catalogue.json",
	         ITSMA_TEST_TMP);
	if (itsma_catalogue_save_file(cat, catalogue_file, &err) < 0) {
		fprintf(stderr, "save: %s\n", err.message);
		return 2;
	}
	shared_text = make_assessment(THREADS);
	if (itsma_assessment_load_buffer(&a, shared_text, strlen(shared_text), NULL, cat, NULL,
	                                 &err) < 0 ||
	    itsma_score(&r, a, NULL, &err) < 0) {
		fprintf(stderr, "shared: %s\n", err.message);
		return 2;
	}
	shared_a = a;
	shared_r = r;

	/* the single-thread answers */
	for (t = 0; t < THREADS; t++) {
		texts[t] = make_assessment(t);
		expected[t] = work(texts[t], -1);
		if (!expected[t])
			return 2;
	}
	/* a scorer with a few changes made through it, then only read */
	{
		char *text = make_assessment(THREADS + 1);
		itsma_rating_spec rs = ITSMA_RATING_SPEC_INIT;
		if (itsma_assessment_load_buffer(&sa, text, strlen(text), NULL, cat, NULL, &err) <
		        0 ||
		    itsma_scorer_new(&sc, sa, NULL, &err) < 0)
			return 2;
		itsma_free(text);
		rs.requirement = itsma_catalogue_requirement_at(cat, 3);
		rs.letter = ITSMA_LETTER_F;
		if (itsma_scorer_put_rating(sc, &rs, &err) < 0 ||
		    itsma_scorer_remove_rating(
		        sc, itsma_requirement_id(itsma_catalogue_requirement_at(cat, 5)), &err) < 0)
			return 2;
		scorer = sc;
		expected_scorer = read_scorer(-1);
	}
	expected_shared = score_shared(-1);
	expected_builtin = load_builtin(-1);
	if (!expected_shared || !expected_builtin || atomic_load(&failures))
		return 2;

	for (t = 0; t < THREADS; t++)
		if (pthread_create(&th[t], NULL, thread_main, (void *)(size_t)t) != 0) {
			fprintf(stderr, "pthread_create failed\n");
			return 2;
		}
	for (t = 0; t < THREADS; t++)
		pthread_join(th[t], NULL);

	/* one writer of a live scorer, readers of its snapshots without its lock */
	{
		itsma_assessment *la = NULL;
		itsma_scorer *live = NULL;
		pthread_t w, rd[2];
		char *text = make_assessment(THREADS + 2);
		int k;
		if (itsma_assessment_load_buffer(&la, text, strlen(text), NULL, cat, NULL, &err) <
		        0 ||
		    itsma_scorer_new(&live, la, NULL, &err) < 0)
			return 2;
		itsma_free(text);
		if (pthread_create(&w, NULL, writer_main, live) != 0 ||
		    pthread_create(&rd[0], NULL, snapshot_reader_main, (void *)(size_t)10) != 0 ||
		    pthread_create(&rd[1], NULL, snapshot_reader_main, (void *)(size_t)11) != 0) {
			fprintf(stderr, "pthread_create failed\n");
			return 2;
		}
		pthread_join(w, NULL);
		pthread_join(rd[0], NULL);
		pthread_join(rd[1], NULL);
		check(atomic_load(&published) == SNAPSHOTS, "every snapshot published", -1);
		itsma_scorer_free(live);
		itsma_assessment_free(la);
		for (k = 0; k < SNAPSHOTS; k++) {
			itsma_result_free(snaps[k]);
			itsma_free(snap_expected[k]);
		}
	}

	for (t = 0; t < THREADS; t++) {
		free(expected[t]);
		itsma_free(texts[t]);
	}
	itsma_free(expected_shared);
	itsma_free(expected_builtin);
	free(expected_scorer);
	itsma_scorer_free(sc);
	itsma_assessment_free(sa);
	itsma_free(shared_text);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
	remove(catalogue_file);
	printf("%d threads x %d rounds: %d failure(s)\n", THREADS, ROUNDS, atomic_load(&failures));
	return atomic_load(&failures) ? 1 : 0;
}
