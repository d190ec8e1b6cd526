/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fixtures shared by the scoring suites (test_score, test_score_props, test_diff,
 * test_explain): an allocation-failure hook and small builders of catalogues and
 * assessments. Include once per test program, after harness.h.
 */
#ifndef ITSMA_TESTS_FIXTURE_H
#define ITSMA_TESTS_FIXTURE_H

#include <stdarg.h>

/* ---- allocation failure injection (glibc, no sanitizer) ----------------------------------- */

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(ITSMA_NO_MALLOC_HOOK)
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define NO_HOOK 1
#endif
#endif
#else
#define NO_HOOK 1
#endif

static long fail_countdown = -1; /* fail the allocation when this reaches 0; -1: never */
static long alloc_calls;         /* allocations seen while armed */
static long live_blocks;         /* blocks allocated and not yet freed (leak check) */
static int fail_sticky;          /* 1: once failing, fail every allocation until disarmed */

/* Suites that do not inject failures (and sanitizer builds, where the hook is off) still see
 * the counters used. */
static inline void fixture_counters_used(void)
{
	(void)fail_countdown;
	(void)alloc_calls;
	(void)live_blocks;
	(void)fail_sticky;
}

#ifndef NO_HOOK
extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t m);
extern void *__libc_realloc(void *p, size_t n);
extern void __libc_free(void *p);

static inline int should_fail(void)
{
	if (fail_countdown < 0)
		return 0;
	alloc_calls++;
	if (fail_sticky && fail_countdown == 0)
		return 1;
	return fail_countdown-- == 0;
}

void *malloc(size_t n)
{
	void *p = should_fail() ? NULL : __libc_malloc(n);
	live_blocks += p != NULL;
	return p;
}

void *calloc(size_t n, size_t m)
{
	void *p = should_fail() ? NULL : __libc_calloc(n, m);
	live_blocks += p != NULL;
	return p;
}

void *realloc(void *p, size_t n)
{
	void *q;
	if (should_fail())
		return NULL;
	q = __libc_realloc(p, n);
	if (!p && q)
		live_blocks++;
	else if (p && !q && n == 0)
		live_blocks--;
	return q;
}

void free(void *p)
{
	live_blocks -= p != NULL;
	__libc_free(p);
}
#endif

/* ---- fixture builders -------------------------------------------------------------------- */

static inline itsma_catalogue *cat_new(const char *id)
{
	itsma_catalogue *c = NULL;
	ASSERT_OK(itsma_catalogue_new(&c, id, "Test catalogue", ASSERT_ERR));
	return c;
}

static inline void sec(itsma_catalogue *c, const char *parent, const char *id, double w,
                       int process)
{
	itsma_section_spec s = ITSMA_SECTION_SPEC_INIT;
	s.id = id;
	s.title = id;
	s.weight = w;
	s.kind = process ? ITSMA_SECTION_KIND_PROCESS : ITSMA_SECTION_KIND_GROUP;
	ASSERT_OK(itsma_catalogue_add_section(NULL, c, itsma_catalogue_find_section(c, parent), &s,
	                                      ASSERT_ERR));
}

static inline void req(itsma_catalogue *c, const char *section, const char *id, double w,
                       itsma_obligation ob)
{
	itsma_requirement_spec s = ITSMA_REQUIREMENT_SPEC_INIT;
	s.id = id;
	s.text = id;
	s.weight = w;
	s.obligation = ob;
	ASSERT_OK(itsma_catalogue_add_requirement(NULL, c, itsma_catalogue_find_section(c, section),
	                                          &s, ASSERT_ERR));
}

static inline itsma_assessment *asm_new(const itsma_catalogue *c)
{
	itsma_assessment *a = NULL;
	itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
	ASSERT_OK(itsma_assessment_new(&a, c, "test", "2026-11-20", ASSERT_ERR));
	e.id = "EV";
	e.title = "Current evidence";
	e.collected = "2026-01-01";
	ASSERT_OK(itsma_assessment_put_evidence(a, &e, ASSERT_ERR));
	return a;
}

static inline void ev(itsma_assessment *a, const char *id, const char *collected,
                      const char *expires)
{
	itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
	e.id = id;
	e.title = id;
	e.collected = collected;
	e.expires = expires;
	ASSERT_OK(itsma_assessment_put_evidence(a, &e, ASSERT_ERR));
}

/* The evidence ids of a rate() or rate_pa() call: up to 8, up to the NULL. */
static inline size_t cited_ids(const char *ids[8], va_list ap)
{
	size_t n = 0;
	while (n < 8 && (ids[n] = va_arg(ap, const char *)) != NULL)
		n++;
	return n;
}

/* Rate a requirement: "L+", "72.5"...; evidence: NULL-terminated list of ids. */
static inline void rate(itsma_assessment *a, const char *requirement, const char *rating, ...)
{
	itsma_rating_spec s = ITSMA_RATING_SPEC_INIT;
	const char *ids[8];
	size_t n;
	va_list ap;
	va_start(ap, rating);
	n = cited_ids(ids, ap);
	va_end(ap);
	s.requirement_id = requirement;
	ASSERT_OK(itsma_rating_parse(&s.letter, &s.value, rating, ASSERT_ERR));
	s.evidence = ids;
	s.evidence_count = n;
	ASSERT_OK(itsma_assessment_put_rating(a, &s, ASSERT_ERR));
}

static inline void rate_pa(itsma_assessment *a, const char *process, itsma_attribute pa,
                           const char *rating, ...)
{
	itsma_attribute_spec s = ITSMA_ATTRIBUTE_SPEC_INIT;
	const char *ids[8];
	size_t n;
	va_list ap;
	va_start(ap, rating);
	n = cited_ids(ids, ap);
	va_end(ap);
	s.process_id = process;
	s.attribute = pa;
	ASSERT_OK(itsma_rating_parse(&s.letter, &s.value, rating, ASSERT_ERR));
	s.evidence = ids;
	s.evidence_count = n;
	ASSERT_OK(itsma_assessment_put_attribute(a, &s, ASSERT_ERR));
}

static inline void exclude(itsma_assessment *a, const char *id)
{
	ASSERT_OK(itsma_assessment_put_exclusion(a, id, "Not relevant here.", ASSERT_ERR));
}

static inline itsma_result *score(const itsma_assessment *a, itsma_evidence_policy policy,
                                  const char *section)
{
	itsma_result *r = NULL;
	itsma_score_options o = ITSMA_SCORE_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	o.evidence_policy = policy;
	o.section = section;
	if (itsma_score(&r, a, &o, &err) != 0)
		fprintf(stderr, "\nitsma_score: %s\n", err.message);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	return r;
}

#endif
