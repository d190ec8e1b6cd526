/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma_assessment_clone: the copy writes the same JSON as the original (the sample
 * assessments, one with x- extensions and carried ratings everywhere they go, a random one),
 * is independent of it (changes to either, freeing the original), and an allocation failure
 * leaves nothing allocated.
 */
#include "harness.h"

#include "fixture.h"

#include <stdint.h>

static char *json_of(const itsma_assessment *a)
{
	char *text = NULL;
	ASSERT_OK(itsma_assessment_to_json(&text, a, ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	return text;
}

/* Clone a and check the copy writes the same bytes and shares the catalogue; the copy. */
static itsma_assessment *clone_same(const itsma_assessment *a)
{
	itsma_assessment *c = NULL;
	char *t1, *t2;
	ASSERT_OK(itsma_assessment_clone(&c, a, ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_PTR_NOT_EQUAL(c, a);
	CU_ASSERT_PTR_EQUAL(itsma_assessment_catalogue(c), itsma_assessment_catalogue(a));
	CU_ASSERT_EQUAL(itsma_assessment_generation(c), 0);
	t1 = json_of(a);
	t2 = json_of(c);
	CU_ASSERT_STRING_EQUAL(t2, t1);
	free(t1);
	free(t2);
	return c;
}

static void test_clone__samples(void)
{
	static const char *const files[] = { "acme-2011-selfassessment.json", "acme-2026-q1.json",
		                             "acme-2026-q2.json", "acme-2026-q3.json",
		                             "acme-2026-q4.json" };
	size_t i;
	for (i = 0; i < sizeof files / sizeof *files; i++) {
		char path[512];
		itsma_assessment *a = NULL, *c;
		snprintf(path, sizeof path, "%s/examples/data/%s", ITSMA_SOURCE_DIR, files[i]);
		ASSERT_OK(itsma_assessment_load_file(&a, path, NULL, NULL, ASSERT_ERR));
		c = clone_same(a);
		CU_ASSERT_STRING_EQUAL(itsma_assessment_origin(c), itsma_assessment_origin(a));
		itsma_assessment_free(c); /* before a: a owns the built-in catalogue */
		itsma_assessment_free(a);
	}
}

/* x- members at every level that keeps them, carried ratings and attribute ratings. */
static const char rich_doc[] =
    "{\"format\":\"itsma-assessment/1\",\"id\":\"rich\",\"catalogue\":\"test:small\","
    "\"title\":\"Rich\",\"organisation\":\"Org \\u00e9\",\"assessor\":\"A\","
    "\"date\":\"2026-11-20\","
    "\"scope\":{\"exclude\":[{\"id\":\"4\",\"reason\":\"Out.\",\"x-ex\":[1,{\"a\":null}]}],"
    "\"x-scope\":true},"
    "\"evidence\":[{\"id\":\"EV-1\",\"title\":\"One\",\"kind\":\"document\",\"uri\":\"u\","
    "\"sha256\":\"0000000000000000000000000000000000000000000000000000000000000000\","
    "\"collected\":\"2026-10-01\",\"expires\":\"2027-10-01\",\"by\":\"B\",\"note\":\"N\","
    "\"x-ev\":{\"deep\":[1.5e3,\"s\"]}},"
    "{\"id\":\"EV-2\",\"title\":\"Two\",\"kind\":\"record\",\"collected\":\"2026-11-01\"},"
    "{\"id\":\"EV-3\",\"title\":\"Three\",\"kind\":\"metric\",\"collected\":\"2026-11-02\"}],"
    "\"ratings\":[{\"requirement\":\"8.1-01\",\"rating\":\"L\",\"evidence\":[\"EV-2\",\"EV-1\"],"
    "\"note\":\"Most.\",\"x-r\":\"t\",\"carried\":{\"mapping\":\"m-1\",\"relationship\":"
    "\"subset-of\",\"sources\":[\"A.1\",\"A.2\"],\"review\":true,\"x-c\":7}},"
    "{\"requirement\":\"8.2-01\",\"rating\":72.5}],"
    "\"attributes\":[{\"process\":\"8.1\",\"attribute\":\"PA2.1\",\"rating\":\"P\","
    "\"evidence\":[\"EV-3\"],\"note\":\"pa\",\"x-pa\":[],\"carried\":{\"relationship\":"
    "\"equal-to\",\"sources\":[\"B.1\"],\"x-cc\":{}}}],"
    "\"targets\":{\"level\":2,\"processes\":{\"8.1\":3},\"x-t\":\"tt\"},"
    "\"x-tool\":\"tests\"}";

static itsma_catalogue *small_catalogue(void)
{
	itsma_catalogue *cat = NULL;
	ASSERT_OK(itsma_catalogue_load_file(&cat, ITSMA_TEST_DATA "/catalogue-small.json", NULL,
	                                    ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL_FATAL(cat);
	return cat;
}

static itsma_assessment *rich(const itsma_catalogue *cat)
{
	itsma_assessment *a = NULL;
	ASSERT_OK(itsma_assessment_load_buffer(&a, rich_doc, sizeof rich_doc - 1, "rich.json", cat,
	                                       NULL, ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	return a;
}

static void test_clone__extensions_and_carried(void)
{
	itsma_catalogue *cat = small_catalogue();
	itsma_assessment *a = rich(cat), *c = clone_same(a);
	char *t = json_of(a);
	/* what the text must hold, so that byte equality covers it */
	CU_ASSERT_PTR_NOT_NULL(strstr(t, "\"x-c\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(t, "\"x-cc\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(t, "\"x-ex\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(t, "\"x-scope\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(t, "\"x-t\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(t, "\"review\""));
	CU_ASSERT_EQUAL(
	    itsma_rating_carried_source_count(itsma_assessment_find_rating(c, "8.1-01")), 2);
	/* the copy cites its own records */
	CU_ASSERT_PTR_EQUAL(itsma_rating_evidence_at(itsma_assessment_find_rating(c, "8.1-01"), 0),
	                    itsma_assessment_find_evidence(c, "EV-2"));
	CU_ASSERT_PTR_NOT_EQUAL(itsma_assessment_find_evidence(c, "EV-2"),
	                        itsma_assessment_find_evidence(a, "EV-2"));
	/* it survives the original */
	itsma_assessment_free(a);
	{
		char *t2 = json_of(c);
		CU_ASSERT_STRING_EQUAL(t2, t);
		free(t2);
	}
	free(t);
	itsma_assessment_free(c);
	itsma_catalogue_free(cat);
}

/* Changing either leaves the other as it was (records, ratings, exclusions, targets, x-). */
static void test_clone__independent(void)
{
	itsma_catalogue *cat = small_catalogue();
	itsma_assessment *a = rich(cat), *c = clone_same(a);
	itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
	char *before = json_of(a), *after;

	/* change the copy: replace a cited record, re-rate, drop an exclusion, retarget, x- */
	e.id = "EV-1";
	e.title = "One, replaced";
	e.collected = "2026-10-05";
	ASSERT_OK(itsma_assessment_put_evidence(c, &e, ASSERT_ERR));
	rate(c, "8.2-01", "F", "EV-1", NULL);
	ASSERT_OK(itsma_assessment_remove_rating(c, "8.1-01", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_remove_evidence(c, "EV-2", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_remove_exclusion(c, "4", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_target(c, 4, ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_extension(c, "x-tool", "\"other\"", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_title(c, "Changed", ASSERT_ERR));
	after = json_of(a);
	CU_ASSERT_STRING_EQUAL(after, before);
	free(after);
	after = json_of(c);
	CU_ASSERT(strcmp(after, before) != 0);
	CU_ASSERT_PTR_NULL(itsma_assessment_find_evidence(c, "EV-2"));
	CU_ASSERT_PTR_NOT_NULL(itsma_assessment_find_evidence(a, "EV-2"));
	CU_ASSERT_STRING_EQUAL(itsma_evidence_title(itsma_assessment_find_evidence(a, "EV-1")),
	                       "One");

	/* and the other way round */
	{
		itsma_assessment *c2 = clone_same(a);
		char *t2 = json_of(c2), *t3;
		ASSERT_OK(itsma_assessment_remove_rating(a, "8.1-01", ASSERT_ERR));
		ASSERT_OK(itsma_assessment_remove_evidence(a, "EV-2", ASSERT_ERR));
		ASSERT_OK(itsma_assessment_set_extension(a, "x-tool", NULL, ASSERT_ERR));
		t3 = json_of(c2);
		CU_ASSERT_STRING_EQUAL(t3, t2);
		CU_ASSERT_EQUAL(itsma_evidence_index(itsma_assessment_find_evidence(c2, "EV-3")),
		                2);
		free(t2);
		free(t3);
		itsma_assessment_free(c2);
	}
	free(before);
	free(after);
	itsma_assessment_free(c);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
}

static uint64_t next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A random assessment of the 2018 catalogue, with records removed (holes in the id map) and
 * replaced, ratings replaced and removed, exclusions, targets and extensions. */
static void test_clone__random(void)
{
	static const char *const letters[] = { "N", "P", "L", "F", "0", "33.5", "P+", "L-" };
	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL, *c;
	uint64_t seed = 20261206;
	size_t nreq, nproc, i, round;
	char id[32];
	ASSERT_OK(itsma_catalogue_builtin(&cat, "iso20000-1:2018", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_new(&a, cat, "random", "2026-11-20", ASSERT_ERR));
	nreq = itsma_catalogue_requirement_count(cat);
	nproc = itsma_catalogue_process_count(cat);
	for (round = 0; round < 3; round++) {
		for (i = 0; i < 300; i++) {
			itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
			char title[32];
			snprintf(id, sizeof id, "EV-%u", (unsigned)(next(&seed) % 400));
			snprintf(title, sizeof title, "T %u", (unsigned)(next(&seed) % 1000));
			e.id = id;
			e.title = title;
			e.kind = (itsma_evidence_kind)(next(&seed) % 6);
			e.collected = "2026-01-02";
			e.expires = next(&seed) % 2 ? "2027-01-01" : NULL;
			e.note = next(&seed) % 3 ? NULL : "a note";
			ASSERT_OK(itsma_assessment_put_evidence(a, &e, ASSERT_ERR));
		}
		for (i = 0; i < nreq; i++) {
			const itsma_requirement *r = itsma_catalogue_requirement_at(cat, i);
			const char *ids[3];
			itsma_rating_spec s = ITSMA_RATING_SPEC_INIT;
			size_t k, n = (size_t)(next(&seed) % 4);
			if (next(&seed) % 3 == 0)
				continue;
			for (k = 0; k < n && k < 3; k++)
				ids[k] = itsma_evidence_id(itsma_assessment_evidence_at(
				    a, (size_t)(next(&seed) % itsma_assessment_evidence_count(a))));
			if (n >= 2 && strcmp(ids[0], ids[1]) == 0)
				n = 1;
			if (n == 3 && (strcmp(ids[2], ids[0]) == 0 || strcmp(ids[2], ids[1]) == 0))
				n = 2;
			s.requirement_id = itsma_requirement_id(r);
			ASSERT_OK(itsma_rating_parse(&s.letter, &s.value, letters[next(&seed) % 8],
			                             ASSERT_ERR));
			s.evidence = ids;
			s.evidence_count = n;
			s.note = next(&seed) % 2 ? "checked" : NULL;
			ASSERT_OK(itsma_assessment_put_rating(a, &s, ASSERT_ERR));
			if (next(&seed) % 5 == 0)
				ASSERT_OK(itsma_rating_set_extension(
				    a, itsma_assessment_find_rating(a, s.requirement_id), "x-k",
				    "{\"n\":[1,2,\"\\u0001\"]}", ASSERT_ERR));
		}
		for (i = 0; i < nproc; i++) {
			const char *pid = itsma_section_id(itsma_catalogue_process_at(cat, i));
			if (next(&seed) % 2)
				rate_pa(a, pid, (itsma_attribute)(1 + next(&seed) % 8), "L", NULL);
			if (next(&seed) % 4 == 0)
				ASSERT_OK(itsma_assessment_set_process_target(
				    a, pid, (int)(1 + next(&seed) % 5), ASSERT_ERR));
		}
		/* remove uncited records and some ratings */
		for (i = 0; i < itsma_assessment_evidence_count(a); i++) {
			const itsma_evidence *e = itsma_assessment_evidence_at(a, i);
			if (next(&seed) % 3 == 0) {
				itsma_error err = ITSMA_ERROR_INIT;
				int rc =
				    itsma_assessment_remove_evidence(a, itsma_evidence_id(e), &err);
				CU_ASSERT(rc == 0 || rc == ITSMA_EINVAL); /* EINVAL: still cited */
			}
		}
		for (i = 0; i < nreq; i += 7) {
			itsma_error err = ITSMA_ERROR_INIT;
			int rc = itsma_assessment_remove_rating(
			    a, itsma_requirement_id(itsma_catalogue_requirement_at(cat, i)), &err);
			CU_ASSERT(rc == 0 || rc == ITSMA_ENOTFOUND);
		}
	}
	ASSERT_OK(itsma_assessment_set_target(a, 3, ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_extension(a, "x-seed", "20261206", ASSERT_ERR));
	CU_ASSERT(itsma_assessment_evidence_count(a) > 100);
	CU_ASSERT(itsma_assessment_rating_count(a) > 10);
	c = clone_same(a);
	/* every record is found in the copy's own id map, at its index */
	for (i = 0; i < itsma_assessment_evidence_count(a); i++) {
		const itsma_evidence *e = itsma_assessment_evidence_at(c, i);
		CU_ASSERT_PTR_EQUAL(itsma_assessment_find_evidence(c, itsma_evidence_id(e)), e);
	}
	/* the copy scores as the original */
	{
		itsma_result *r1 = score(a, ITSMA_EVIDENCE_POLICY_REQUIRED, NULL);
		itsma_result *r2 = score(c, ITSMA_EVIDENCE_POLICY_REQUIRED, NULL);
		char *j1 = NULL, *j2 = NULL;
		ASSERT_OK(itsma_result_to_json(&j1, r1, ASSERT_ERR));
		ASSERT_OK(itsma_result_to_json(&j2, r2, ASSERT_ERR));
		CU_ASSERT_PTR_NOT_NULL_FATAL(j1);
		CU_ASSERT_PTR_NOT_NULL_FATAL(j2);
		CU_ASSERT_STRING_EQUAL(j2, j1);
		free(j1);
		free(j2);
		itsma_result_free(r1);
		itsma_result_free(r2);
	}
	/* the copy's id map (copied slot for slot, holes included) takes new records */
	for (i = 0; i < 500; i++) {
		itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
		snprintf(id, sizeof id, "NEW-%u", (unsigned)i);
		e.id = id;
		e.title = "new";
		e.collected = "2026-01-02";
		ASSERT_OK(itsma_assessment_put_evidence(c, &e, ASSERT_ERR));
		CU_ASSERT_PTR_NULL(itsma_assessment_find_evidence(a, id));
	}
	for (i = 0; i < 500; i++) {
		snprintf(id, sizeof id, "NEW-%u", (unsigned)i);
		CU_ASSERT_PTR_NOT_NULL(itsma_assessment_find_evidence(c, id));
	}
	itsma_assessment_free(a);
	itsma_assessment_free(c);
	itsma_catalogue_free(cat);
}

/* Every allocation the copy makes may fail: ENOMEM, *out NULL, nothing left allocated. */
static void test_clone__allocation_failures(void)
{
	itsma_catalogue *cat = small_catalogue();
	itsma_assessment *a = rich(cat), *c = NULL;
	long n, failed = 0;
	for (n = 0; n < 200; n++) {
		itsma_error err = ITSMA_ERROR_INIT;
		long live = live_blocks;
		int rc;
		c = (itsma_assessment *)&err; /* set to NULL on failure */
		alloc_calls = 0;
		fail_countdown = n;
		rc = itsma_assessment_clone(&c, a, &err);
		fail_countdown = -1;
		if (rc == 0)
			break;
		failed++;
		CU_ASSERT_EQUAL(rc, ITSMA_ENOMEM);
		CU_ASSERT_EQUAL(err.code, ITSMA_ENOMEM);
		CU_ASSERT_PTR_NULL(c);
		CU_ASSERT_EQUAL(live_blocks, live);
	}
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	{
		char *t1 = json_of(a), *t2 = json_of(c);
		CU_ASSERT_STRING_EQUAL(t2, t1);
		free(t1);
		free(t2);
	}
#ifndef NO_HOOK
	/* the hook sees allocations unless valgrind has replaced malloc (then it is inert) */
	if (alloc_calls > 0)
		CU_ASSERT(failed > 20);
#endif
	fixture_counters_used();
	itsma_assessment_free(c);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
}

static void test_clone__arguments(void)
{
	itsma_catalogue *cat = small_catalogue();
	itsma_assessment *a = rich(cat), *c = (itsma_assessment *)cat;
	itsma_error err = ITSMA_ERROR_INIT;
	CU_ASSERT_EQUAL(itsma_assessment_clone(NULL, a, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(err.code, ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_clone(&c, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_PTR_NULL(c);
	ASSERT_OK(itsma_assessment_clone(&c, a, &err)); /* err reset on entry */
	CU_ASSERT_EQUAL(err.code, 0);
	itsma_assessment_free(c);
	CU_ASSERT_EQUAL(itsma_assessment_clone(&c, NULL, NULL), ITSMA_EINVAL);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
}

static const itsma_test_case tests[] = {
	{ "samples", test_clone__samples },
	{ "extensions_and_carried", test_clone__extensions_and_carried },
	{ "independent", test_clone__independent },
	{ "random", test_clone__random },
	{ "allocation_failures", test_clone__allocation_failures },
	{ "arguments", test_clone__arguments },
	{ NULL, NULL },
};

ITSMA_TEST_MAIN("clone", tests)
