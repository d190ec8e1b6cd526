/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The catalogue resolver of the load options (version 2): an assessment that names a
 * catalogue which is not built in is loaded and validated against the catalogue the
 * caller's resolver finds; the built-ins remain the fallback; version 1 options still work.
 */
#include "harness.h"

#define MINI_CAT ITSMA_SOURCE_DIR "/tests/cli/data/mini-catalogue.json"
#define MINI     ITSMA_SOURCE_DIR "/tests/cli/data/mini-assessment.json"

typedef struct resolver_state {
	const itsma_catalogue *cat;
	int calls;
	int rc; /* what to return when the id is not ours */
	char last_id[64];
} resolver_state;

static int resolve(const itsma_catalogue **out, const char *id, void *payload)
{
	resolver_state *s = payload;
	s->calls++;
	snprintf(s->last_id, sizeof s->last_id, "%s", id);
	if (s->cat && strcmp(itsma_catalogue_id(s->cat), id) == 0) {
		*out = s->cat;
		return 0;
	}
	return s->rc;
}

static void test_load_with_resolver(void)
{
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *mini = NULL;
	itsma_assessment *a = NULL;
	itsma_load_options opts = ITSMA_LOAD_OPTIONS_INIT;
	resolver_state st = { NULL, 0, ITSMA_ENOTFOUND, "" };

	ASSERT_OK(itsma_catalogue_load_file(&mini, MINI_CAT, NULL, ASSERT_ERR));
	/* without a resolver the catalogue is not found */
	CU_ASSERT_EQUAL(itsma_assessment_load_file(&a, MINI, NULL, NULL, &err), ITSMA_ENOTFOUND);
	/* with one, it is */
	st.cat = mini;
	opts.resolve = resolve;
	opts.resolve_payload = &st;
	ASSERT_OK(itsma_assessment_load_file(&a, MINI, NULL, &opts, ASSERT_ERR));
	CU_ASSERT_EQUAL(st.calls, 1);
	CU_ASSERT_STRING_EQUAL(st.last_id, "mini:1");
	CU_ASSERT(itsma_assessment_catalogue(a) == mini);
	itsma_assessment_free(a);
	a = NULL;
	/* a resolver that does not know the id falls back to the built-ins */
	st.cat = NULL;
	ASSERT_OK(itsma_assessment_load_file(
	    &a, ITSMA_SOURCE_DIR "/examples/data/acme-2026-q4.json", NULL, &opts, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(itsma_catalogue_id(itsma_assessment_catalogue(a)),
	                       "iso20000-1:2018");
	itsma_assessment_free(a);
	a = NULL;
	/* a resolver error ends the load */
	st.rc = ITSMA_EIO;
	CU_ASSERT(itsma_assessment_load_file(&a, MINI, NULL, &opts, &err) < 0);
	CU_ASSERT(a == NULL && strstr(err.message, "resolver") != NULL);
	/* version 1 options (without the resolver fields) are still accepted; unknown ones not */
	{
		itsma_load_options v1 = ITSMA_LOAD_OPTIONS_INIT;
		v1.version = 1;
		v1.resolve = resolve; /* not looked at: a version 1 caller has no such field */
		ASSERT_OK(itsma_assessment_load_file(
		    &a, ITSMA_SOURCE_DIR "/examples/data/acme-2026-q4.json", NULL, &v1,
		    ASSERT_ERR));
		itsma_assessment_free(a);
		a = NULL;
		v1.version = 3;
		CU_ASSERT_EQUAL(itsma_assessment_load_file(&a, MINI, NULL, &v1, &err),
		                ITSMA_EINVAL);
		CU_ASSERT_EQUAL(itsma_load_options_init(&v1, 1), 0);
		CU_ASSERT_EQUAL(itsma_load_options_init(&v1, 3), ITSMA_EINVAL);
	}
	itsma_catalogue_free(mini);
}

static int count_problem(const itsma_error *problem, void *payload)
{
	(void)problem;
	++*(int *)payload;
	return 0;
}

static void test_validate_with_resolver(void)
{
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *mini = NULL;
	itsma_load_options opts = ITSMA_LOAD_OPTIONS_INIT;
	resolver_state st = { NULL, 0, ITSMA_ENOTFOUND, "" };
	itsma_document_kind kind = ITSMA_DOCUMENT_KIND_UNKNOWN;
	size_t len = 0, clen = 0;
	char *text = itsma_test_slurp(MINI, &len), *ctext = itsma_test_slurp(MINI_CAT, &clen);
	int problems = 0;

	CU_ASSERT_FATAL(text != NULL && ctext != NULL);
	CU_ASSERT_EQUAL(itsma_document_detect(text, len), ITSMA_DOCUMENT_KIND_ASSESSMENT);
	CU_ASSERT_EQUAL(itsma_document_detect(ctext, clen), ITSMA_DOCUMENT_KIND_CATALOGUE);
	CU_ASSERT_EQUAL(itsma_document_detect("{\"format\": \"other\"}", 19),
	                ITSMA_DOCUMENT_KIND_UNKNOWN);
	CU_ASSERT_EQUAL(itsma_document_detect(NULL, 0), ITSMA_DOCUMENT_KIND_UNKNOWN);
	ASSERT_OK(itsma_catalogue_load_file(&mini, MINI_CAT, NULL, ASSERT_ERR));
	CU_ASSERT_EQUAL(
	    itsma_validate_buffer(&kind, text, len, "mini", NULL, count_problem, &problems, &err),
	    ITSMA_ENOTFOUND);
	CU_ASSERT_EQUAL(problems, 1);
	st.cat = mini;
	opts.resolve = resolve;
	opts.resolve_payload = &st;
	problems = 0;
	ASSERT_OK(itsma_validate_buffer_ext(&kind, text, len, "mini", NULL, &opts, count_problem,
	                                    &problems, ASSERT_ERR));
	CU_ASSERT_EQUAL(problems, 0);
	CU_ASSERT_EQUAL(kind, ITSMA_DOCUMENT_KIND_ASSESSMENT);
	/* the options' limits apply to validation too */
	opts.max_bytes = 10;
	CU_ASSERT_EQUAL(itsma_validate_buffer_ext(&kind, text, len, "mini", NULL, &opts,
	                                          count_problem, &problems, &err),
	                ITSMA_ELIMIT);
	free(text);
	free(ctext);
	itsma_catalogue_free(mini);
}

static const itsma_test_case tests[] = {
	{ "load_with_resolver", test_load_with_resolver },
	{ "validate_with_resolver", test_validate_with_resolver },
	{ NULL, NULL },
};

ITSMA_TEST_MAIN("resolve", tests)
