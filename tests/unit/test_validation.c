/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Every validation rule of formats.md, data-driven: tests/data/invalid/<case>/input.json
 * must fail to load with exactly the error in <case>/expected:
 *     CODE-NAME source:line:column: /pointer: message
 * (the form itsma_error_format() prints). Set ITSMA_REGEN=1 to write missing files.
 */
#include "harness.h"

#include <dirent.h>

static itsma_catalogue *small_catalogue(void)
{
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	CU_ASSERT_EQUAL_FATAL(
	    itsma_catalogue_load_file(&c, ITSMA_TEST_DATA "/catalogue-small.json", NULL, &err), 0);
	return c;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_case(const char *name, const char *buf, size_t len, itsma_catalogue *small,
                     itsma_error *err)
{
	if (strncmp(name, "catalogue-", 10) == 0) {
		itsma_catalogue *c = NULL;
		int rc = itsma_catalogue_load_buffer(&c, buf, len, "input.json", NULL, err);
		CU_ASSERT_PTR_NULL(c);
		itsma_catalogue_free(c);
		return rc;
	} else {
		itsma_assessment *a = NULL;
		int rc = itsma_assessment_load_buffer(&a, buf, len, "input.json",
		                                      strstr(buf, "\"iso20000-1:") ? NULL : small,
		                                      NULL, err);
		CU_ASSERT_PTR_NULL(a);
		itsma_assessment_free(a);
		return rc;
	}
}

static void test_validation__every_invalid_case(void)
{
	DIR *d = opendir(ITSMA_TEST_DATA "/invalid");
	struct dirent *de;
	char *names[512];
	size_t n = 0, i;
	itsma_catalogue *small = small_catalogue();
	int regen = getenv("ITSMA_REGEN") != NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	while ((de = readdir(d)) && n < 512)
		if (de->d_name[0] != '.')
			names[n++] = strdup(de->d_name);
	closedir(d);
	qsort(names, n, sizeof *names, cmp);
	CU_ASSERT(n >= 60);
	for (i = 0; i < n; i++) {
		char path[1024], line[900], got[1024], *buf, *expected;
		size_t len = 0;
		itsma_error err = ITSMA_ERROR_INIT;
		int rc;

		snprintf(path, sizeof path, ITSMA_TEST_DATA "/invalid/%s/input.json", names[i]);
		buf = itsma_test_slurp(path, &len);
		CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
		rc = load_case(names[i], buf, len, small, &err);
		CU_ASSERT(rc < 0);
		CU_ASSERT_EQUAL(rc, err.code);
		/* every error says where: a position, or at least a pointer */
		CU_ASSERT(err.line > 0 || err.pointer[0] != '\0');
		CU_ASSERT_STRING_EQUAL(err.source, "input.json");
		if (rc == ITSMA_EPARSE)
			CU_ASSERT(err.line > 0 && err.column > 0);
		if (rc == ITSMA_ESCHEMA)
			CU_ASSERT(err.pointer[0] == '/' || err.line > 0);
		itsma_error_format(line, sizeof line, &err);
		snprintf(got, sizeof got, "%s %s\n", itsma_error_code_name(err.code), line);

		/* validation reports the same first problem (for documents it recognises) */
		{
			itsma_error verr = ITSMA_ERROR_INIT;
			itsma_document_kind kind = ITSMA_DOCUMENT_KIND_UNKNOWN;
			int vrc = itsma_validate_buffer(&kind, buf, len, "input.json",
			                                strstr(buf, "\"iso20000-1:") ? NULL : small,
			                                NULL, NULL, &verr);
			CU_ASSERT(vrc < 0);
			if (kind != ITSMA_DOCUMENT_KIND_UNKNOWN) {
				CU_ASSERT_EQUAL(vrc, rc);
				CU_ASSERT_STRING_EQUAL(verr.message, err.message);
				CU_ASSERT_STRING_EQUAL(verr.pointer, err.pointer);
			}
		}

		snprintf(path, sizeof path, ITSMA_TEST_DATA "/invalid/%s/expected", names[i]);
		expected = itsma_test_slurp(path, NULL);
		if (!expected && regen) {
			FILE *f = fopen(path, "w");
			if (f) {
				fputs(got, f);
				fclose(f);
			}
			fprintf(stderr, "\nwrote %s: %s", path, got);
		} else {
			CU_ASSERT_PTR_NOT_NULL(expected);
			if (expected && strcmp(expected, got) != 0) {
				fprintf(stderr, "\n%s:\n  expected %s  got      %s", names[i],
				        expected, got);
				CU_FAIL("error differs from the expected one");
			}
		}
		free(expected);
		free(buf);
		free(names[i]);
	}
	itsma_catalogue_free(small);
}

typedef struct problems {
	int count;
	char text[16][300];
} problems;

static int collect(const itsma_error *p, void *payload)
{
	problems *ps = payload;
	if (ps->count < 16)
		itsma_error_format(ps->text[ps->count], sizeof ps->text[0], p);
	ps->count++;
	return 0;
}

static void test_validation__lists_every_problem(void)
{
	/* three independent mistakes in one assessment: all three are reported, in order */
	static const char doc[] =
	    "{\n"
	    "  \"format\": \"itsma-assessment/1\",\n"
	    "  \"id\": \"x\",\n"
	    "  \"catalogue\": \"test:small\",\n"
	    "  \"date\": \"2026-11-20\",\n"
	    "  \"evidence\": [\n"
	    "    {\"id\": \"EV-1\", \"title\": \"t\", \"kind\": \"email\", \"collected\": "
	    "\"2026-01-01\"},\n"
	    "    {\"id\": \"EV-2\", \"title\": \"t\", \"kind\": \"record\", \"collected\": "
	    "\"2026-01-01\"}\n"
	    "  ],\n"
	    "  \"ratings\": [\n"
	    "    {\"requirement\": \"9.9\", \"rating\": \"L\"},\n"
	    "    {\"requirement\": \"8.1-01\", \"rating\": \"Q\", \"evidence\": [\"EV-2\"]},\n"
	    "    {\"requirement\": \"8.2-01\", \"rating\": \"F\", \"evidence\": [\"EV-2\"]}\n"
	    "  ]\n"
	    "}\n";
	itsma_catalogue *small = small_catalogue();
	problems ps;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_document_kind kind;
	int rc;

	memset(&ps, 0, sizeof ps);
	rc = itsma_validate_buffer(&kind, doc, sizeof doc - 1, "a.json", small, collect, &ps, &err);
	CU_ASSERT_EQUAL(rc, ITSMA_ESCHEMA);
	CU_ASSERT_EQUAL(kind, ITSMA_DOCUMENT_KIND_ASSESSMENT);
	CU_ASSERT_EQUAL(ps.count, 3);
	CU_ASSERT_PTR_NOT_NULL(strstr(ps.text[0], "a.json:7:"));
	CU_ASSERT_PTR_NOT_NULL(strstr(ps.text[0], "/evidence/0/kind"));
	CU_ASSERT_PTR_NOT_NULL(strstr(ps.text[1], "a.json:11:"));
	CU_ASSERT_PTR_NOT_NULL(strstr(ps.text[1], "/ratings/0/requirement"));
	CU_ASSERT_PTR_NOT_NULL(strstr(ps.text[2], "a.json:12:"));
	CU_ASSERT_PTR_NOT_NULL(strstr(ps.text[2], "/ratings/1/rating"));
	CU_ASSERT_STRING_EQUAL(err.pointer, "/evidence/0/kind");
	itsma_catalogue_free(small);
}

static int stop_at_first(const itsma_error *p, void *payload)
{
	(void)p;
	(*(int *)payload)++;
	return 7;
}

static void test_validation__callback_stops(void)
{
	static const char doc[] =
	    "{\"format\": \"itsma-catalogue/1\", \"id\": \"c\", \"title\": \"t\","
	    " \"sections\": [{\"id\": \"a b\", \"title\": \"x\", \"requirements\": [{\"id\": "
	    "\"r\", \"text\": \"t\"}]},"
	    " {\"id\": \"c d\", \"title\": \"x\", \"requirements\": [{\"id\": \"s\", \"text\": "
	    "\"t\"}]}]}";
	int calls = 0;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_document_kind kind;
	CU_ASSERT_EQUAL(itsma_validate_buffer(&kind, doc, sizeof doc - 1, NULL, NULL, stop_at_first,
	                                      &calls, &err),
	                7);
	CU_ASSERT_EQUAL(calls, 1);
	CU_ASSERT_EQUAL(kind, ITSMA_DOCUMENT_KIND_CATALOGUE);
	CU_ASSERT_STRING_EQUAL(err.pointer, "/sections/0/id");
}

static void test_validation__valid_documents_and_unknown_format(void)
{
	problems ps;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_document_kind kind;
	itsma_catalogue *small = small_catalogue();
	memset(&ps, 0, sizeof ps);
	CU_ASSERT_EQUAL(itsma_validate_file(&kind, ITSMA_TEST_DATA "/catalogue-small.json", NULL,
	                                    collect, &ps, &err),
	                0);
	CU_ASSERT_EQUAL(kind, ITSMA_DOCUMENT_KIND_CATALOGUE);
	CU_ASSERT_EQUAL(itsma_validate_file(&kind, ITSMA_TEST_DATA "/assessment-small.json", small,
	                                    collect, &ps, &err),
	                0);
	CU_ASSERT_EQUAL(kind, ITSMA_DOCUMENT_KIND_ASSESSMENT);
	CU_ASSERT_EQUAL(ps.count, 0);
	CU_ASSERT_EQUAL(itsma_validate_buffer(&kind, "{\"format\": \"other/1\"}", 21, "o.json",
	                                      NULL, collect, &ps, &err),
	                ITSMA_ESCHEMA);
	CU_ASSERT_EQUAL(kind, ITSMA_DOCUMENT_KIND_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(err.pointer, "/format");
	CU_ASSERT_EQUAL(err.line, 1);
	CU_ASSERT_EQUAL(ps.count, 1);
	CU_ASSERT_EQUAL(itsma_validate_file(&kind, ITSMA_TEST_DATA "/no-such-file.json", NULL,
	                                    collect, &ps, &err),
	                ITSMA_EIO);
	CU_ASSERT_EQUAL(ps.count, 2);
	CU_ASSERT(err.sys_errno != 0);
	itsma_catalogue_free(small);
}

/* A mapping file through itsma_validate_*(): recognised by its format, every problem with its
 * place, the catalogue given serving the side of its id and the resolver the other. */
static int resolve_new(const itsma_catalogue **out, const char *id, void *payload)
{
	const itsma_catalogue *c = payload;
	if (strcmp(itsma_catalogue_id(c), id) != 0)
		return ITSMA_ENOTFOUND;
	*out = c;
	return 0;
}

static void test_validation__mapping_documents(void)
{
	static const char bad[] =
	    "{\"format\": \"itsma-mapping/1\", \"id\": \"m\",\n"
	    " \"source\": {\"catalogue\": \"test:old\", \"revision\": 1},\n"
	    " \"target\": {\"catalogue\": \"test:new\", \"revision\": 1},\n"
	    " \"provenance\": {\"method\": \"human\", \"rationale\": \"semantic\", \"status\": "
	    "\"draft\"},\n"
	    " \"maps\": [\n"
	    "  {\"relationship\": \"same-as\", \"sources\": [\"A-01\"], \"targets\": [\"M-01\"]},\n"
	    "  {\"relationship\": \"equal-to\", \"sources\": [\"A-01\"], \"targets\": "
	    "[\"Q-99\"]},\n"
	    "  {\"relationship\": \"equal-to\", \"sources\": [\"A-02\"], \"targets\": [\"M-02\"]}\n"
	    " ]}\n";
	itsma_catalogue *old = NULL, *new = NULL;
	itsma_load_options lo = ITSMA_LOAD_OPTIONS_INIT;
	itsma_document_kind kind = ITSMA_DOCUMENT_KIND_UNKNOWN;
	itsma_error err = ITSMA_ERROR_INIT;
	char *text;
	size_t len;
	problems ps;
	ASSERT_OK(itsma_catalogue_load_file(&old, ITSMA_TEST_DATA "/mapping/old-catalogue.json",
	                                    NULL, &err));
	ASSERT_OK(itsma_catalogue_load_file(&new, ITSMA_TEST_DATA "/mapping/new-catalogue.json",
	                                    NULL, &err));
	lo.resolve = resolve_new;
	lo.resolve_payload = new;
	text = itsma_test_slurp(ITSMA_TEST_DATA "/mapping/mapping.json", &len);
	CU_ASSERT_EQUAL(itsma_document_detect(text, len), ITSMA_DOCUMENT_KIND_MAPPING);
	memset(&ps, 0, sizeof ps);
	CU_ASSERT_EQUAL(
	    itsma_validate_buffer_ext(&kind, text, len, "m.json", old, &lo, collect, &ps, &err), 0);
	CU_ASSERT_EQUAL(kind, ITSMA_DOCUMENT_KIND_MAPPING);
	CU_ASSERT_EQUAL(ps.count, 0);
	/* without catalogues: the built-ins, which have neither id */
	CU_ASSERT_EQUAL(itsma_validate_buffer(&kind, text, len, "m.json", NULL, collect, &ps, &err),
	                ITSMA_ENOTFOUND);
	CU_ASSERT_EQUAL(ps.count, 2);
	CU_ASSERT_STRING_EQUAL(err.pointer, "/source/catalogue");
	CU_ASSERT(err.line > 0);
	free(text);
	memset(&ps, 0, sizeof ps);
	CU_ASSERT_EQUAL(itsma_validate_buffer_ext(&kind, bad, sizeof bad - 1, "bad.json", old, &lo,
	                                          collect, &ps, &err),
	                ITSMA_ESCHEMA);
	CU_ASSERT_EQUAL(kind, ITSMA_DOCUMENT_KIND_MAPPING);
	CU_ASSERT_EQUAL(ps.count, 2);
	CU_ASSERT_STRING_EQUAL(err.pointer, "/maps/0/relationship");
	CU_ASSERT_EQUAL(err.line, 6);
	CU_ASSERT_PTR_NOT_NULL(strstr(ps.text[0], "bad.json:6:"));
	CU_ASSERT_PTR_NOT_NULL(strstr(ps.text[1], "bad.json:7:"));
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(ps.text[1], "/maps/1/targets/0: catalogue \"test:new\" has no"));
	itsma_catalogue_free(old);
	itsma_catalogue_free(new);
}

static const itsma_test_case cases[] = {
	{ "every_invalid_case", test_validation__every_invalid_case },
	{ "lists_every_problem", test_validation__lists_every_problem },
	{ "callback_stops", test_validation__callback_stops },
	{ "valid_documents_and_unknown_format",
	  test_validation__valid_documents_and_unknown_format },
	{ "mapping_documents", test_validation__mapping_documents },
	{ NULL, NULL }
};

ITSMA_TEST_MAIN("validation", cases)
