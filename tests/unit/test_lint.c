/* SPDX-License-Identifier: Apache-2.0 */
/* The catalogue lint: every kind of problem on a small clean fixture with one flaw added. */
#include "harness.h"

#define MAX_PROBLEMS 32

typedef struct seen {
	size_t count;
	itsma_lint_kind kind[MAX_PROBLEMS];
	char subject[MAX_PROBLEMS][80];
	char message[MAX_PROBLEMS][512];
	int stop_after; /* stop (return 7) after this many; 0 = never */
} seen;

static int collect(itsma_lint_kind kind, const char *subject, const char *message, void *payload)
{
	seen *s = payload;
	if (s->count < MAX_PROBLEMS) {
		s->kind[s->count] = kind;
		snprintf(s->subject[s->count], sizeof s->subject[0], "%s", subject);
		snprintf(s->message[s->count], sizeof s->message[0], "%s", message);
	}
	s->count++;
	return s->stop_after && s->count >= (size_t)s->stop_after ? 7 : 0;
}

/* tests/data/catalogue-v2.json: every requirement passes every check */
static itsma_catalogue *clean(void)
{
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	CU_ASSERT_EQUAL_FATAL(
	    itsma_catalogue_load_file(&c, ITSMA_TEST_DATA "/catalogue-v2.json", NULL, &err), 0);
	return c;
}

static const char *const fixture_clauses[] = { "4", "8", "8.1" };

static void lint(seen *s, const itsma_catalogue *c, unsigned int skip)
{
	itsma_lint_options o = ITSMA_LINT_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	size_t count = 99;
	o.clauses = fixture_clauses;
	o.clause_count = 3;
	o.skip = skip;
	memset(s, 0, sizeof *s);
	CU_ASSERT_EQUAL(itsma_catalogue_lint(&count, c, &o, collect, s, &err), 0);
	CU_ASSERT_EQUAL(count, s->count);
}

/* Add a requirement to section 8.1 that passes every check but the one the caller breaks. */
static void add(itsma_catalogue *c, const char *section, itsma_requirement_spec *rs)
{
	itsma_error err = ITSMA_ERROR_INIT;
	int rc = itsma_catalogue_add_requirement(NULL, c, itsma_catalogue_find_section(c, section),
	                                         rs, &err);
	if (rc)
		fprintf(stderr, "\n%s\n", err.message);
	CU_ASSERT_EQUAL_FATAL(rc, 0);
}

static itsma_requirement_spec good(const char *id, const char *text)
{
	itsma_requirement_spec rs = ITSMA_REQUIREMENT_SPEC_INIT;
	rs.id = id;
	rs.clause = "8.1";
	rs.text = text;
	rs.basis = ITSMA_BASIS_STANDARD;
	rs.verify = "Sample five records; each shows it.";
	return rs;
}

/* Exactly one problem, of this kind and subject, whose message contains `words`. */
static void expect_one(const itsma_catalogue *c, itsma_lint_kind kind, const char *subject,
                       const char *words)
{
	seen s;
	size_t i;
	lint(&s, c, 0);
	for (i = 0; s.count != 1 && i < s.count && i < MAX_PROBLEMS; i++)
		fprintf(stderr, "\n%s %s: %s", itsma_lint_kind_name(s.kind[i]), s.subject[i],
		        s.message[i]);
	CU_ASSERT_EQUAL_FATAL(s.count, 1);
	CU_ASSERT_EQUAL(s.kind[0], kind);
	CU_ASSERT_STRING_EQUAL(s.subject[0], subject);
	CU_ASSERT_PTR_NOT_NULL(strstr(s.message[0], words));
	/* skipping the kind silences it */
	lint(&s, c, 1u << kind);
	CU_ASSERT_EQUAL(s.count, 0);
}

static void test_lint__clean_fixture_has_no_problem(void)
{
	itsma_catalogue *c = clean();
	seen s;
	itsma_error err = ITSMA_ERROR_INIT;
	size_t count = 5;
	lint(&s, c, 0);
	CU_ASSERT_EQUAL(s.count, 0);
	/* no options, no callback: counts only */
	CU_ASSERT_EQUAL(itsma_catalogue_lint(&count, c, NULL, NULL, NULL, &err), 0);
	CU_ASSERT_EQUAL(count, 0);
	itsma_catalogue_free(c);
}

static void test_lint__shall_without_basis_standard(void)
{
	itsma_catalogue *c = clean();
	itsma_requirement_spec rs = good("8.1-05", "Every incident is closed when resolved.");
	rs.basis = ITSMA_BASIS_UNSPECIFIED;
	add(c, "8.1", &rs);
	expect_one(c, ITSMA_LINT_KIND_SHALL_BASIS, "8.1-05", "with no basis");
	itsma_catalogue_free(c);
}

static void test_lint__shall_without_verify(void)
{
	itsma_catalogue *c = clean();
	itsma_requirement_spec rs = good("8.1-05", "Every incident is closed when resolved.");
	rs.verify = NULL;
	add(c, "8.1", &rs);
	expect_one(c, ITSMA_LINT_KIND_SHALL_VERIFY, "8.1-05", "without \"verify\"");
	itsma_catalogue_free(c);
}

/* A good-practice shall cannot get into a catalogue: loading and building refuse it. */
static void test_lint__good_practice_shall_is_refused_before_lint(void)
{
	itsma_catalogue *c = clean();
	itsma_requirement_spec rs = good("8.1-05", "Every incident is closed when resolved.");
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_lint_kind k = ITSMA_LINT_KIND_WEIGHT;
	rs.basis = ITSMA_BASIS_GOOD_PRACTICE;
	CU_ASSERT_EQUAL(itsma_catalogue_add_requirement(
	                    NULL, c, itsma_catalogue_find_section(c, "8.1"), &rs, &err),
	                ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "good-practice"));
	CU_ASSERT_EQUAL(itsma_lint_kind_parse(&k, "good-practice-shall", &err), 0);
	CU_ASSERT_EQUAL(k, ITSMA_LINT_KIND_GOOD_PRACTICE_SHALL);
	itsma_catalogue_free(c);
}

static void test_lint__weights_outside_the_rule(void)
{
	itsma_catalogue *c = clean();
	itsma_requirement_spec rs = good("8.1-05", "Every incident is closed when resolved.");
	seen s;
	/* a shall far heavier than the others */
	rs.weight = 40;
	add(c, "8.1", &rs);
	lint(&s, c, 0);
	{
		/* it also starves its siblings in 8.1 below a quarter of the median: all are
		 * weights */
		size_t i, heavy = 0;
		for (i = 0; i < s.count; i++) {
			CU_ASSERT_EQUAL(s.kind[i], ITSMA_LINT_KIND_WEIGHT);
			if (strcmp(s.subject[i], "8.1-05") == 0 &&
			    strstr(s.message[i], "within 4 times the median"))
				heavy++;
		}
		CU_ASSERT_EQUAL(heavy, 1);
	}
	itsma_catalogue_free(c);

	/* a shall far lighter than the others */
	c = clean();
	rs.weight = 0.01;
	add(c, "8.1", &rs);
	expect_one(c, ITSMA_LINT_KIND_WEIGHT, "8.1-05", "times the median shall");
	itsma_catalogue_free(c);

	/* a should heavier than the median shall */
	c = clean();
	rs = good("8.1-05", "Incident records are reviewed for quality.");
	rs.obligation = ITSMA_OBLIGATION_SHOULD;
	rs.basis = ITSMA_BASIS_GOOD_PRACTICE;
	rs.verify = NULL;
	rs.weight = 2;
	add(c, "8.1", &rs);
	expect_one(c, ITSMA_LINT_KIND_WEIGHT, "8.1-05", "more than the median shall");
	itsma_catalogue_free(c);
}

static void test_lint__requirement_without_guidance(void)
{
	itsma_catalogue *c = clean();
	itsma_section_spec ss = ITSMA_SECTION_SPEC_INIT;
	itsma_requirement_spec rs = good("9-01", "Performance is evaluated every quarter.");
	ss.id = "9";
	ss.clause = "9";
	ss.title = "Performance evaluation";
	ASSERT_OK(itsma_catalogue_add_section(NULL, c, NULL, &ss, ASSERT_ERR));
	rs.clause = "9";
	add(c, "9", &rs);
	expect_one(c, ITSMA_LINT_KIND_NO_GUIDANCE, "9-01", "give its section 9");
	/* guidance on the section above is enough (merged guidance) */
	ss.id = "9.1";
	ss.clause = "9.1";
	ss.title = "Monitoring";
	ASSERT_OK(itsma_catalogue_add_section(NULL, c, itsma_catalogue_find_section(c, "9"), &ss,
	                                      ASSERT_ERR));
	ASSERT_OK(itsma_catalogue_add_guidance(c, itsma_catalogue_find_section(c, "9"), "cobit2019",
	                                       "MEA01", ASSERT_ERR));
	rs = good("9.1-01", "Monitoring results are analysed.");
	rs.clause = "9.1";
	add(c, "9.1", &rs);
	{
		seen s;
		lint(&s, c, 0);
		CU_ASSERT_EQUAL(s.count, 0);
	}
	itsma_catalogue_free(c);
}

static void test_lint__text_that_says_shall(void)
{
	itsma_catalogue *c = clean();
	itsma_requirement_spec rs = good("8.1-05", "The organization shall close every incident.");
	seen s;
	add(c, "8.1", &rs);
	expect_one(c, ITSMA_LINT_KIND_SHALL_IN_TEXT, "8.1-05", "state the fact");
	itsma_catalogue_free(c);
	/* any case, at the start, before punctuation; not inside another word */
	c = clean();
	rs = good("8.1-05", "Shall: incidents are closed.");
	add(c, "8.1", &rs);
	rs = good("8.1-06", "Marshall's rule is followed; shallow copies are kept.");
	add(c, "8.1", &rs);
	lint(&s, c, 1u << ITSMA_LINT_KIND_WEIGHT);
	CU_ASSERT_EQUAL(s.count, 1);
	CU_ASSERT_STRING_EQUAL(s.subject[0], "8.1-05");
	itsma_catalogue_free(c);
}

static void test_lint__duplicate_texts(void)
{
	itsma_catalogue *c = clean();
	/* the same as 8.1-01 up to case, spacing and the final full stop */
	itsma_requirement_spec rs = good("8.1-05", "  every  INCIDENT is\trecorded ");
	add(c, "8.1", &rs);
	expect_one(c, ITSMA_LINT_KIND_DUPLICATE_TEXT, "8.1-05", "same text as 8.1-01");
	itsma_catalogue_free(c);
}

static void test_lint__id_not_of_its_clause(void)
{
	static const char *const bad[] = { "8.2-05", "8.1-5",   "8.1-00", "8.1-0x",
		                           "8.1-",   "8.1--05", "x8.1-05" };
	size_t i;
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		itsma_catalogue *c = clean();
		itsma_requirement_spec rs = good(bad[i], "Every incident is closed when resolved.");
		add(c, "8.1", &rs);
		expect_one(c, ITSMA_LINT_KIND_ID_FORM, bad[i], "not of the form 8.1-NN");
		itsma_catalogue_free(c);
	}
	{
		/* three digits are fine; without a clause of its own, the section's counts */
		itsma_catalogue *c = clean();
		itsma_requirement_spec rs =
		    good("8.1-105", "Every incident is closed when resolved.");
		seen s;
		add(c, "8.1", &rs);
		rs = good("8.1-06", "Every incident is reopened when the fix fails.");
		rs.clause = NULL;
		add(c, "8.1", &rs);
		lint(&s, c, 1u << ITSMA_LINT_KIND_WEIGHT);
		CU_ASSERT_EQUAL(s.count, 0);
		itsma_catalogue_free(c);
	}
}

static void test_lint__missing_clause(void)
{
	itsma_catalogue *c = clean();
	static const char *const clauses[] = { "4", "8", "8.1", "8.2", "4-02" };
	itsma_lint_options o = ITSMA_LINT_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	seen s;
	size_t count = 0;
	memset(&s, 0, sizeof s);
	o.clauses = clauses;
	o.clause_count = 5;
	CU_ASSERT_EQUAL(itsma_catalogue_lint(&count, c, &o, collect, &s, &err), 0);
	/* 8.2 has no section; a requirement id is not a clause of the tree */
	CU_ASSERT_EQUAL_FATAL(count, 2);
	CU_ASSERT_EQUAL(s.kind[0], ITSMA_LINT_KIND_MISSING_CLAUSE);
	CU_ASSERT_STRING_EQUAL(s.subject[0], "8.2");
	CU_ASSERT_STRING_EQUAL(s.subject[1], "4-02");
	o.skip = 1u << ITSMA_LINT_KIND_MISSING_CLAUSE;
	CU_ASSERT_EQUAL(itsma_catalogue_lint(&count, c, &o, NULL, NULL, &err), 0);
	CU_ASSERT_EQUAL(count, 0);
	itsma_catalogue_free(c);
}

static void test_lint__callback_stops_and_bad_arguments(void)
{
	itsma_catalogue *c = clean();
	itsma_requirement_spec rs = good("8.1-05", "The organization shall close every incident.");
	itsma_lint_options o = ITSMA_LINT_OPTIONS_INIT;
	static const char *const nulls[] = { "4", NULL };
	itsma_error err = ITSMA_ERROR_INIT;
	seen s;
	size_t count = 0;
	rs.basis = ITSMA_BASIS_UNSPECIFIED;
	rs.verify = NULL;
	add(c, "8.1", &rs);
	memset(&s, 0, sizeof s);
	CU_ASSERT_EQUAL(itsma_catalogue_lint(&count, c, NULL, collect, &s, &err), 0);
	CU_ASSERT(count >= 3);
	memset(&s, 0, sizeof s);
	s.stop_after = 2;
	CU_ASSERT_EQUAL(itsma_catalogue_lint(&count, c, NULL, collect, &s, &err), 7);
	CU_ASSERT_EQUAL(count, 2);
	CU_ASSERT_EQUAL(s.count, 2);
	CU_ASSERT_EQUAL(itsma_catalogue_lint(&count, NULL, NULL, NULL, NULL, &err), ITSMA_EINVAL);
	o.version = 9;
	CU_ASSERT_EQUAL(itsma_catalogue_lint(&count, c, &o, NULL, NULL, &err), ITSMA_EINVAL);
	o.version = ITSMA_LINT_OPTIONS_VERSION;
	o.clauses = nulls;
	o.clause_count = 2;
	CU_ASSERT_EQUAL(itsma_catalogue_lint(&count, c, &o, NULL, NULL, &err), ITSMA_EINVAL);
	o.clauses = NULL;
	CU_ASSERT_EQUAL(itsma_catalogue_lint(&count, c, &o, NULL, NULL, &err), ITSMA_EINVAL);
	itsma_catalogue_free(c);
}

static void test_lint__kind_names(void)
{
	int k;
	itsma_error err = ITSMA_ERROR_INIT;
	for (k = 0; k < ITSMA_LINT_KIND_COUNT; k++) {
		itsma_lint_kind back = (itsma_lint_kind)-1;
		CU_ASSERT(strlen(itsma_lint_kind_name((itsma_lint_kind)k)) > 0);
		CU_ASSERT_EQUAL(
		    itsma_lint_kind_parse(&back, itsma_lint_kind_name((itsma_lint_kind)k), &err),
		    0);
		CU_ASSERT_EQUAL(back, k);
	}
	CU_ASSERT_STRING_EQUAL(itsma_lint_kind_name(ITSMA_LINT_KIND_SHALL_IN_TEXT),
	                       "shall-in-text");
	CU_ASSERT_STRING_EQUAL(itsma_lint_kind_name((itsma_lint_kind)ITSMA_LINT_KIND_COUNT), "");
	CU_ASSERT_EQUAL(itsma_lint_kind_parse(NULL, "nope", &err), ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "missing-clause"));
}

/* Hostile size: many requirements with the same text cost linear time, not quadratic. */
static void test_lint__many_duplicates_are_linear(void)
{
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_section_spec ss = ITSMA_SECTION_SPEC_INIT;
	size_t i, n = 100000, count = 0;
	char id[32];
	ASSERT_OK(itsma_catalogue_new(&c, "big", "Big", ASSERT_ERR));
	ss.id = "1";
	ss.clause = "1";
	ss.title = "One";
	ASSERT_OK(itsma_catalogue_add_section(NULL, c, NULL, &ss, ASSERT_ERR));
	for (i = 0; i < n; i++) {
		itsma_requirement_spec rs = ITSMA_REQUIREMENT_SPEC_INIT;
		snprintf(id, sizeof id, "1-%02zu", i + 1);
		rs.id = id;
		rs.text = "The same thing is done.";
		rs.basis = ITSMA_BASIS_STANDARD;
		rs.verify = "Look.";
		ASSERT_OK(itsma_catalogue_add_requirement(
		    NULL, c, itsma_catalogue_find_section(c, "1"), &rs, ASSERT_ERR));
	}
	/* every one after the first is a duplicate and has no guidance */
	CU_ASSERT_EQUAL(itsma_catalogue_lint(&count, c, NULL, NULL, NULL, &err), 0);
	CU_ASSERT_EQUAL(count, 2 * n - 1);
	itsma_catalogue_free(c);
}

/* --skip lists and clause lists, as `itsma catalogue lint` reads them. */
static void test_lint__kind_lists_and_clause_lists(void)
{
	static const char list[] = "# clause\ttitle\n4\tContext\r\n\n8.1 \tIncidents\n  \n8.2";
	itsma_error err = ITSMA_ERROR_INIT;
	unsigned int skip = 99;
	char **clauses = NULL;
	size_t n = 9;
	ASSERT_OK(itsma_lint_kinds_parse(&skip, "weight,,id-form", &err));
	CU_ASSERT_EQUAL(skip, (1u << ITSMA_LINT_KIND_WEIGHT) | (1u << ITSMA_LINT_KIND_ID_FORM));
	CU_ASSERT_EQUAL(itsma_lint_kinds_parse(&skip, "weight,nope", &err), ITSMA_EINVAL);
	CU_ASSERT_STRING_EQUAL(err.message, "unknown kind 'nope'");
	CU_ASSERT_EQUAL(itsma_lint_kinds_parse(&skip, NULL, &err), ITSMA_EINVAL);
	/* the first column of each line (trailing spaces cut); comments and blank lines skipped;
	 * the text need not end in NUL (here it stops inside "8.2") */
	ASSERT_OK(itsma_clause_list_parse(&clauses, &n, list, sizeof list - 2, &err));
	CU_ASSERT_EQUAL_FATAL(n, 3);
	CU_ASSERT_STRING_EQUAL(clauses[0], "4");
	CU_ASSERT_STRING_EQUAL(clauses[1], "8.1");
	CU_ASSERT_STRING_EQUAL(clauses[2], "8.");
	itsma_free(clauses);
	ASSERT_OK(itsma_clause_list_parse(&clauses, &n, "", 0, &err));
	CU_ASSERT_EQUAL(n, 0);
	itsma_free(clauses);
	CU_ASSERT_EQUAL(itsma_clause_list_parse(NULL, &n, "", 0, &err), ITSMA_EINVAL);
}

static const itsma_test_case cases[] = {
	{ "clean_fixture_has_no_problem", test_lint__clean_fixture_has_no_problem },
	{ "shall_without_basis_standard", test_lint__shall_without_basis_standard },
	{ "shall_without_verify", test_lint__shall_without_verify },
	{ "good_practice_shall_is_refused_before_lint",
	  test_lint__good_practice_shall_is_refused_before_lint },
	{ "weights_outside_the_rule", test_lint__weights_outside_the_rule },
	{ "requirement_without_guidance", test_lint__requirement_without_guidance },
	{ "text_that_says_shall", test_lint__text_that_says_shall },
	{ "duplicate_texts", test_lint__duplicate_texts },
	{ "id_not_of_its_clause", test_lint__id_not_of_its_clause },
	{ "missing_clause", test_lint__missing_clause },
	{ "callback_stops_and_bad_arguments", test_lint__callback_stops_and_bad_arguments },
	{ "kind_names", test_lint__kind_names },
	{ "many_duplicates_are_linear", test_lint__many_duplicates_are_linear },
	{ "kind_lists_and_clause_lists", test_lint__kind_lists_and_clause_lists },
	{ NULL, NULL }
};

ITSMA_TEST_MAIN("lint", cases)
