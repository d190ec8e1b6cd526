/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The fast path for plain records must not change anything: the same documents loaded with
 * and without it give byte-identical models, and what it cannot read exactly falls back.
 */
#include "harness.h"

#include "internal/fastrec.h"
#include "internal/json_in.h"

static char *load_to_json(const char *buf, size_t len, const itsma_catalogue *cat, int no_fast)
{
	itsma__reader rd;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_assessment *a = NULL;
	char *out = NULL;
	CU_ASSERT_EQUAL_FATAL(itsma__reader_init(&rd, buf, len, "x.json", NULL, &err), 0);
	rd.no_fast = no_fast;
	if (itsma__assessment_load_reader(&rd, cat, &a) < 0)
		fprintf(stderr, "\n%s\n", err.message);
	itsma__reader_fini(&rd);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_EQUAL(itsma_assessment_to_json(&out, a, &err), 0);
	itsma_assessment_free(a);
	return out;
}

static void same_both_ways(const char *path, const itsma_catalogue *cat)
{
	size_t len = 0;
	char *buf = itsma_test_slurp(path, &len), *fast, *slow;
	CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
	fast = load_to_json(buf, len, cat, 0);
	slow = load_to_json(buf, len, cat, 1);
	CU_ASSERT_STRING_EQUAL(fast, slow);
	itsma_free(fast);
	itsma_free(slow);
	free(buf);
}

static void test_fastrec__same_model_with_and_without(void)
{
	itsma_catalogue *small = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	CU_ASSERT_EQUAL_FATAL(
	    itsma_catalogue_load_file(&small, ITSMA_TEST_DATA "/catalogue-small.json", NULL, &err),
	    0);
	same_both_ways(ITSMA_TEST_DATA "/assessment-small.json", small);
	same_both_ways(ITSMA_SOURCE_DIR "/examples/data/acme-2026-q3.json", NULL);
	same_both_ways(ITSMA_SOURCE_DIR "/examples/data/acme-2026-q4.json", NULL);
	itsma_catalogue_free(small);
}

static void test_fastrec__reads_only_what_it_can_decide(void)
{
	static const char *const keys[] = { "id", "list", NULL };
	itsma__span v[2], s;
	size_t end = 0, at = 0;
	const char *ok = " {\"id\": \"A-1\", \"list\": [\"x\", \"y z\"]} ,";
	CU_ASSERT_EQUAL(itsma__fast_object(ok, strlen(ok), 0, keys, 2u, 100, v, &end), 1);
	CU_ASSERT(itsma__span_is(&v[0], "A-1"));
	CU_ASSERT_EQUAL(ok[end], ' ');
	CU_ASSERT_EQUAL(itsma__fast_next(&v[1], &at, &s), 1);
	CU_ASSERT(itsma__span_is(&s, "x"));
	CU_ASSERT_EQUAL(itsma__fast_next(&v[1], &at, &s), 1);
	CU_ASSERT(itsma__span_is(&s, "y z"));
	CU_ASSERT_EQUAL(itsma__fast_next(&v[1], &at, &s), 0);
	/* each of these falls back to json-c */
	{
		static const char *const no[] = {
			"{\"id\": \"A\\u0031\"}",         /* an escape */
			"{\"id\": \"caf\xc3\xa9\"}",      /* non-ASCII */
			"{\"id\": \"a\", \"id\": \"b\"}", /* a duplicate key */
			"{\"x-y\": \"a\"}",               /* an unknown or extension key */
			"{\"id\": 5}",                    /* a number */
			"{\"id\": \"a\" \"list\": []}",   /* a missing comma */
			"{\"id\": \"a\",}",               /* a trailing comma */
			"{\"list\": \"not an array\"}",   /* a string where an array belongs */
			"{\"id\": [\"array\"]}",          /* an array where a string belongs */
			"{\"id\": \"abcdefghijk\"}",      /* longer than max_string (10) */
			"{\"id\": \"a\"",                 /* cut off */
			"{\"id\": \"tab\there\"}",        /* a control character */
		};
		size_t i;
		for (i = 0; i < sizeof no / sizeof *no; i++) {
			int r = itsma__fast_object(no[i], strlen(no[i]), 0, keys, 2u, 10, v, &end);
			if (r)
				fprintf(stderr, "\naccepted: %s\n", no[i]);
			CU_ASSERT_EQUAL(r, 0);
		}
	}
}

/*
 * Every byte value (other than NUL) at every position of strings of 1 to 24 bytes is taken
 * as plain exactly when the definition says so (printable ASCII other than '"' and '\\'),
 * and a plain string ends exactly at its closing quote.
 */
static void test_fastrec__scan_agrees_with_the_definition(void)
{
	static const char *const keys[] = { "id", NULL };
	char doc[64];
	itsma__span v[1];
	size_t len, at, end, n = 0;
	int c;
	for (len = 1; len <= 24; len++)
		for (at = 0; at < len; at++)
			for (c = 1; c < 256; c++) {
				int plain = c >= 0x20 && c <= 0x7e && c != '"' && c != '\\', r;
				size_t k = 0, i;
				memcpy(doc, "{\"id\":\"", 7);
				k = 7;
				for (i = 0; i < len; i++)
					doc[k++] = i == at ? (char)c : (char)('a' + i % 26);
				memcpy(doc + k, "\"}  ", 5);
				r = itsma__fast_object(doc, k + 4, 0, keys, 0u, 64, v, &end);
				if (c == '"') {
					/* the string ends at the quote; what follows is not a
					 * member */
					CU_ASSERT_EQUAL(r, 0);
				} else if (r != plain || (r && (v[0].n != len || end != k + 2))) {
					if (n++ < 5)
						fprintf(stderr, "\nbyte 0x%02x at %zu of %zu: %d\n",
						        c, at, len, r);
					CU_FAIL("the scan disagrees with the definition of a plain "
					        "string");
				}
			}
}

static const itsma_test_case cases[] = {
	{ "same_model_with_and_without", test_fastrec__same_model_with_and_without },
	{ "reads_only_what_it_can_decide", test_fastrec__reads_only_what_it_can_decide },
	{ "scan_agrees_with_the_definition", test_fastrec__scan_agrees_with_the_definition },
	{ NULL, NULL }
};

ITSMA_TEST_MAIN("fastrec", cases)
