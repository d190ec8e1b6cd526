/* SPDX-License-Identifier: Apache-2.0 */
/* OSCAL and CISO Assistant: the shared helpers, the importers' errors and warnings, round trips. */
#include "harness.h"

#include <stdint.h>
#include <string.h>
#include <time.h>

#include "itsma/interop.h"
#include "internal/interop.h"

static void test_interop__uuid5_matches_rfc_9562(void)
{
	/* RFC 9562 appendix A.4: the DNS namespace and "www.example.com" */
	static const unsigned char dns[16] = { 0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
		                               0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8 };
	char out[37];
	ASSERT_OK(itsma__uuid5(out, dns, "www.example.com", 15, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(out, "2ed6657d-e927-568b-95e1-2665a8aea6a2");
}

static void test_interop__ids_are_sanitised_without_collisions(void)
{
	itsma__idgen g;
	char id[65], long_raw[100];
	size_t i;
	clock_t t0;
	itsma__idgen_init(&g);
	ASSERT_OK(itsma__idgen_make(&g, "a b", 3, "x", id, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(id, "a_b");
	ASSERT_OK(itsma__idgen_make(&g, "a/b", 3, "x", id, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(id, "a_b-2");
	ASSERT_OK(itsma__idgen_make(&g,
	                            "a\xc3\xa9\xc3\xa9"
	                            "b",
	                            6, "x", id, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(id, "a_b-3");
	ASSERT_OK(itsma__idgen_make(&g, "", 0, "fallback", id, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(id, "fallback");
	memset(long_raw, 'z', sizeof long_raw);
	ASSERT_OK(itsma__idgen_make(&g, long_raw, sizeof long_raw, "x", id, ASSERT_ERR));
	CU_ASSERT_EQUAL(strlen(id), 64);
	ASSERT_OK(itsma__idgen_make(&g, long_raw, sizeof long_raw, "x", id, ASSERT_ERR));
	CU_ASSERT_EQUAL(strlen(id), 64);
	CU_ASSERT(itsma_id_is_valid(id));
	CU_ASSERT_STRING_EQUAL(id + 62, "-2");
	/* many equal bases: each gets the next suffix without retrying the earlier ones */
	t0 = clock();
	for (i = 0; i < 50000; i++)
		ASSERT_OK(itsma__idgen_make(&g, "same", 4, "x", id, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(id, "same-50000");
	CU_ASSERT((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
	itsma__idgen_fini(&g);
}

static void test_interop__csv_cells_neutralise_formulas(void)
{
	static const char *const in[] = { "=SUM(A1)", "+1",    "-1",  "@x",        "\tx",
		                          "\rx",      "plain", "a,b", "say \"hi\"" };
	static const char *const want[] = { "\"'=SUM(A1)\"", "\"'+1\"",  "\"'-1\"",
		                            "\"'@x\"",       "\"'\tx\"", "\"'\rx\"",
		                            "plain",         "\"a,b\"",  "\"say \"\"hi\"\"\"" };
	size_t i;
	for (i = 0; i < sizeof in / sizeof *in; i++) {
		itsma__buf b = ITSMA__BUF_INIT;
		itsma__csv_text(&b, in[i]);
		CU_ASSERT_STRING_EQUAL(b.data, want[i]);
		itsma__buf_free(&b);
	}
	{
		itsma__buf b = ITSMA__BUF_INIT;
		itsma__csv_number(&b, -12.5);
		CU_ASSERT_STRING_EQUAL(b.data, "-12.5"); /* numbers stay numeric */
		itsma__buf_free(&b);
	}
}

static int import_oscal(itsma_catalogue **c, const char *json, itsma_error *err)
{
	return itsma_catalogue_from_oscal(c, json, strlen(json), "t.json", NULL, err);
}

#define META "\"metadata\": {\"title\": \"T\", \"oscal-version\": \"1.1.2\"}"

static void expect_schema(const char *json, const char *pointer)
{
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	int rc = import_oscal(&c, json, &err);
	CU_ASSERT_EQUAL(rc, ITSMA_ESCHEMA);
	CU_ASSERT_PTR_NULL(c);
	CU_ASSERT_STRING_EQUAL(err.pointer, pointer);
	if (strcmp(err.pointer, pointer) != 0)
		fprintf(stderr, "\n%s: %s\n", err.pointer, err.message);
	CU_ASSERT(err.line >= 1);
	CU_ASSERT_STRING_EQUAL(err.source, "t.json");
}

static void test_interop__oscal_errors_name_the_place(void)
{
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	expect_schema("[]", "");
	expect_schema("{\"catalog\": {\"uuid\": \"u\"}}", "/catalog");
	expect_schema(
	    "{\"catalog\": {\"metadata\": {\"title\": \"T\", \"oscal-version\": \"0.9\"}}}",
	    "/catalog/metadata/oscal-version");
	expect_schema("{\"catalog\": {" META ", \"controls\": [{\"id\": \"a\"}]}}",
	              "/catalog/controls/0");
	expect_schema("{\"catalog\": {" META ", \"controls\": [{\"id\": \"a\", \"title\": \"A\", "
	              "\"parts\": [{\"name\": \"statement\", \"prose\": 3}]}]}}",
	              "/catalog/controls/0/parts/0/prose");
	expect_schema("{\"catalog\": {" META ", \"groups\": [{\"title\": \"G\", \"controls\": "
	              "[{\"id\": \"a\", \"title\": \"A\", \"props\": [{\"name\": \"status\", "
	              "\"value\": \"withdrawn\"}]}]}]}}",
	              "/catalog");
	CU_ASSERT_EQUAL(import_oscal(&c, "{\"catalog\": ", &err), ITSMA_EPARSE);
	CU_ASSERT_EQUAL(err.line, 1);
}

typedef struct warned {
	int count;
	char pointer[160];
	int stop;
} warned;

static int on_warning(const itsma_error *w, void *payload)
{
	warned *s = payload;
	if (s->count++ == 0)
		snprintf(s->pointer, sizeof s->pointer, "%s", w->pointer);
	return s->stop;
}

static void test_interop__oscal_warnings_and_versions(void)
{
	static const char *const versions[] = { "1.0.0", "v1.0.6", "1.1.2", "V1.2.0", "1.2.1-rc1" };
	static const char *const refused[] = { "2.0.0", "1.3.0", "1", "1.1", "x1.1.0", "1.1.x" };
	char doc[512];
	size_t i;
	for (i = 0; i < sizeof versions / sizeof *versions + sizeof refused / sizeof *refused;
	     i++) {
		itsma_catalogue *c = NULL;
		itsma_error err = ITSMA_ERROR_INIT;
		int ok = i < sizeof versions / sizeof *versions;
		snprintf(doc, sizeof doc,
		         "{\"catalog\": {\"uuid\": \"u\", \"metadata\": {\"title\": \"T\", "
		         "\"oscal-version\": "
		         "\"%s\"}, \"controls\": [{\"id\": \"a\", \"title\": \"A\"}]}}",
		         ok ? versions[i] : refused[i - sizeof versions / sizeof *versions]);
		CU_ASSERT_EQUAL(import_oscal(&c, doc, &err), ok ? 0 : ITSMA_ESCHEMA);
		itsma_catalogue_free(c);
	}
	{
		const char *json =
		    "{\"catalog\": {\"uuid\": \"u\", " META ", \"odd\": 1, \"controls\": "
		    "[{\"id\": \"a\", \"title\": \"A\"}]}}";
		itsma_interop_options o = ITSMA_INTEROP_OPTIONS_INIT;
		itsma_catalogue *c = NULL;
		itsma_error err = ITSMA_ERROR_INIT;
		warned s = { 0, "", 0 };
		o.warn = on_warning;
		o.payload = &s;
		ASSERT_OK(itsma_catalogue_from_oscal(&c, json, strlen(json), NULL, &o, ASSERT_ERR));
		CU_ASSERT_EQUAL(s.count, 1);
		CU_ASSERT_STRING_EQUAL(s.pointer, "/catalog/odd");
		/* the requirement's text is its title when it has no statement */
		CU_ASSERT_STRING_EQUAL(itsma_requirement_text(itsma_catalogue_requirement_at(c, 0)),
		                       "A");
		itsma_catalogue_free(c);
		c = NULL;
		s.count = 0;
		s.stop = 5;
		CU_ASSERT_EQUAL(itsma_catalogue_from_oscal(&c, json, strlen(json), NULL, &o, &err),
		                5);
		CU_ASSERT_PTR_NULL(c);
	}
}

static void test_interop__oscal_huge_params_stay_linear(void)
{
	/* one parameter with a long label inserted many times: each insert is cut */
	size_t n = 20000, i;
	itsma__buf b = ITSMA__BUF_INIT;
	itsma_catalogue *c = NULL;
	itsma__buf_puts(&b,
	                "{\"catalog\": {\"uuid\": \"u\", " META ", \"params\": [{\"id\": \"p\", "
	                "\"label\": \"");
	for (i = 0; i < 100000; i++)
		itsma__buf_putc(&b, 'x');
	itsma__buf_puts(&b, "\"}], \"controls\": [{\"id\": \"a\", \"title\": \"A\", \"parts\": "
	                    "[{\"name\": \"statement\", \"prose\": \"");
	for (i = 0; i < n; i++)
		itsma__buf_puts(&b, "{{ insert: param, p }}");
	itsma__buf_puts(&b, "\"}]}]}}");
	ASSERT_OK(itsma_catalogue_from_oscal(&c, b.data, b.len, NULL, NULL, ASSERT_ERR));
	CU_ASSERT(strlen(itsma_requirement_text(itsma_catalogue_requirement_at(c, 0))) <= n * 1024);
	itsma_catalogue_free(c);
	itsma__buf_free(&b);
}

static void test_interop__ciso_round_trip_of_builtins(void)
{
	size_t i;
	for (i = 0; i < itsma_catalogue_builtin_count(); i++) {
		itsma_catalogue *cat = NULL, *back = NULL;
		char *yaml = NULL, *a = NULL, *b = NULL;
		ASSERT_OK(itsma_catalogue_builtin(&cat, itsma_catalogue_builtin_id(i), ASSERT_ERR));
		ASSERT_OK(itsma_catalogue_to_ciso_library(&yaml, cat, "acme", ASSERT_ERR));
		ASSERT_OK(itsma_catalogue_from_ciso_library(&back, yaml, strlen(yaml), NULL, NULL,
		                                            ASSERT_ERR));
		ASSERT_OK(itsma_catalogue_to_json(&a, cat, ASSERT_ERR));
		ASSERT_OK(itsma_catalogue_to_json(&b, back, ASSERT_ERR));
		CU_ASSERT_STRING_EQUAL(a, b);
		itsma_free(a);
		itsma_free(b);
		itsma_free(yaml);
		itsma_catalogue_free(back);
		itsma_catalogue_free(cat);
	}
}

static void expect_ciso(const char *yaml, int code, const char *pointer, int line)
{
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	CU_ASSERT_EQUAL(
	    itsma_catalogue_from_ciso_library(&c, yaml, strlen(yaml), "l.yaml", NULL, &err), code);
	CU_ASSERT_PTR_NULL(c);
	if (pointer)
		CU_ASSERT_STRING_EQUAL(err.pointer, pointer);
	CU_ASSERT_EQUAL(err.line, line);
	if (err.line != line || (pointer && strcmp(err.pointer, pointer)))
		fprintf(stderr, "\n%d %s: %s\n", err.line, err.pointer, err.message);
}

static void test_interop__ciso_errors_name_the_place(void)
{
	expect_ciso("a: [", ITSMA_EPARSE, NULL, 2);
	expect_ciso("a: 1\na: 2\n", ITSMA_EPARSE, "/a", 2);
	expect_ciso("a: &x [1]\nb: *x\n", ITSMA_ESCHEMA, "/b", 1);
	expect_ciso("objects: {}\n", ITSMA_ESCHEMA, "/objects", 1);
	expect_ciso("objects:\n  framework:\n    requirement_nodes:\n    - urn: a\n      "
	            "assessable: maybe\n",
	            ITSMA_ESCHEMA, "/objects/framework/requirement_nodes/0/assessable", 5);
	expect_ciso("objects:\n  framework:\n    requirement_nodes:\n    - urn: a\n    - urn: a\n",
	            ITSMA_ESCHEMA, "/objects/framework/requirement_nodes/1/urn", 5);
	expect_ciso(
	    "objects:\n  framework:\n    requirement_nodes:\n    - urn: a\n      assessable: true\n"
	    "      importance: vital\n",
	    ITSMA_ESCHEMA, "/objects/framework/requirement_nodes/0/importance", 6);
}

static void test_interop__ciso_deep_nesting_is_a_limit(void)
{
	/* a chain of parent_urns: the nesting is bounded before anything recurses over it */
	itsma__buf b = ITSMA__BUF_INIT;
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	size_t i;
	itsma__buf_puts(&b, "objects:\n  framework:\n    requirement_nodes:\n");
	for (i = 0; i < 100000; i++) {
		itsma__buf_printf(&b, "    - {urn: 'n%zu', assessable: false, name: N", i);
		if (i)
			itsma__buf_printf(&b, ", parent_urn: 'n%zu'", i - 1);
		itsma__buf_puts(&b, "}\n");
	}
	CU_ASSERT_EQUAL(itsma_catalogue_from_ciso_library(&c, b.data, b.len, NULL, NULL, &err),
	                ITSMA_ELIMIT);
	CU_ASSERT_STRING_EQUAL(err.pointer, "/objects/framework/requirement_nodes/64/parent_urn");
	CU_ASSERT_PTR_NULL(c);
	itsma__buf_free(&b);
}

static itsma_result *score_sample(itsma_assessment **a_out, itsma_letter letter)
{
	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_result *r = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_rating_spec rs = ITSMA_RATING_SPEC_INIT;
	itsma_score_options so = ITSMA_SCORE_OPTIONS_INIT;
	size_t i;
	CU_ASSERT_EQUAL_FATAL(
	    itsma_catalogue_load_file(&cat, ITSMA_TEST_DATA "/catalogue-small.json", NULL, &err),
	    0);
	CU_ASSERT_EQUAL_FATAL(itsma_assessment_new(&a, cat, "a-1", "2026-01-01", &err), 0);
	for (i = 0; i < itsma_catalogue_requirement_count(cat); i++) {
		rs.requirement = itsma_catalogue_requirement_at(cat, i);
		rs.letter = letter;
		CU_ASSERT_EQUAL_FATAL(itsma_assessment_put_rating(a, &rs, &err), 0);
	}
	so.evidence_policy =
	    ITSMA_EVIDENCE_POLICY_ADVISORY; /* no evidence here: count the ratings */
	CU_ASSERT_EQUAL_FATAL(itsma_score(&r, a, &so, &err), 0);
	*a_out = a;
	return r;
}

static void free_sample(itsma_result *r, itsma_assessment *a)
{
	const itsma_catalogue *cat = itsma_assessment_catalogue(a);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free((itsma_catalogue *)(uintptr_t)cat);
}

static void test_interop__oscal_exports(void)
{
	itsma_assessment *a = NULL;
	itsma_result *r = score_sample(&a, ITSMA_LETTER_N);
	itsma_error err = ITSMA_ERROR_INIT;
	char *ar1 = NULL, *ar2 = NULL, *poam = NULL, *csv = NULL;
	ASSERT_OK(itsma_result_to_oscal_ar(&ar1, r, ASSERT_ERR));
	ASSERT_OK(itsma_result_to_oscal_ar(&ar2, r, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(ar1, ar2); /* deterministic */
	CU_ASSERT_PTR_NOT_NULL(strstr(ar1, "\"oscal-version\": \"1.1.2\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(ar1, "\"risks\""));
	ASSERT_OK(itsma_result_to_oscal_poam(&poam, r, ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL(strstr(poam, "\"poam-items\""));
	ASSERT_OK(itsma_result_to_ciso_audit_csv(&csv, r, NULL, ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL(strstr(csv, "non_compliant,major_nonconformity,0,0,"));
	itsma_free(ar1);
	itsma_free(ar2);
	itsma_free(poam);
	itsma_free(csv);
	free_sample(r, a);
	/* nothing to plan */
	r = score_sample(&a, ITSMA_LETTER_F);
	CU_ASSERT_EQUAL(itsma_result_to_oscal_poam(&poam, r, &err), ITSMA_EINVAL);
	CU_ASSERT_PTR_NULL(poam);
	ASSERT_OK(itsma_result_to_ciso_audit_csv(&csv, r, "acme", ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL(strstr(csv, "urn:acme:risk:req_node:"));
	CU_ASSERT_PTR_NOT_NULL(strstr(csv, ",compliant,,100,100,"));
	itsma_free(csv);
	CU_ASSERT_EQUAL(itsma_result_to_ciso_audit_csv(&csv, r, "Bad Name", &err), ITSMA_EINVAL);
	free_sample(r, a);
}

/* ---- mapping sets ------------------------------------------------------------------------- */

/* The fixture mapping with every field (x- keys everywhere, n:m maps, equivalent-to, a map
 * without targets) and its two catalogues. */
static itsma_mapping *interop_mapping(itsma_catalogue **src, itsma_catalogue **tgt, char **json)
{
	itsma_mapping *m = NULL;
	itsma_mapping_catalogues mc = ITSMA_MAPPING_CATALOGUES_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	CU_ASSERT_EQUAL_FATAL(itsma_catalogue_load_file(
	                          src, ITSMA_TEST_DATA "/mapping/old-catalogue.json", NULL, &err),
	                      0);
	CU_ASSERT_EQUAL_FATAL(itsma_catalogue_load_file(
	                          tgt, ITSMA_TEST_DATA "/mapping/new-catalogue.json", NULL, &err),
	                      0);
	mc.source = *src;
	mc.target = *tgt;
	CU_ASSERT_EQUAL_FATAL(
	    itsma_mapping_load_file(&m, ITSMA_TEST_DATA "/mapping/mapping-interop.json", &mc, &err),
	    0);
	CU_ASSERT_EQUAL_FATAL(itsma_mapping_to_json(json, m, &err), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(*json, "\"x-source-note\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(*json, "\"x-ticket\""));
	return m;
}

static void test_interop__mapping_oscal_round_trip_keeps_x_keys(void)
{
	itsma_catalogue *src = NULL, *tgt = NULL;
	itsma_mapping *back = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	char *orig = NULL, *oscal = NULL, *again = NULL, *oscal2 = NULL;
	itsma_mapping *m = interop_mapping(&src, &tgt, &orig);
	ASSERT_OK(itsma_mapping_to_oscal(&oscal, m, &err));
	ASSERT_OK(itsma_mapping_from_oscal(&back, oscal, strlen(oscal), "m.json", NULL, &err));
	ASSERT_OK(itsma_mapping_to_json(&again, back, &err));
	CU_ASSERT_STRING_EQUAL(again, orig); /* every x- key, on every object, comes back */
	ASSERT_OK(itsma_mapping_check(back, src, tgt, NULL, NULL, &err));
	ASSERT_OK(itsma_mapping_to_oscal(&oscal2, back, &err));
	CU_ASSERT_STRING_EQUAL(oscal2, oscal);
	itsma_free(orig);
	itsma_free(oscal);
	itsma_free(oscal2);
	itsma_free(again);
	itsma_mapping_free(back);
	itsma_mapping_free(m);
	itsma_catalogue_free(src);
	itsma_catalogue_free(tgt);
}

/* Replace the first `from` in text by `to` (a new string, freed by the caller). */
static char *replaced(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	itsma__buf b = ITSMA__BUF_INIT;
	char *out = NULL;
	CU_ASSERT_PTR_NOT_NULL_FATAL(at);
	itsma__buf_append(&b, text, (size_t)(at - text));
	itsma__buf_puts(&b, to);
	itsma__buf_puts(&b, at + strlen(from));
	CU_ASSERT_EQUAL_FATAL(itsma__buf_finish(&b, &out, NULL), 0);
	return out;
}

static void test_interop__mapping_oscal_bad_extension_props(void)
{
	static const struct {
		const char *from, *to, *pointer;
	} cases[] = {
		{ "\"{\\\"x-source-note\\\":\\\"the old catalogue\\\"}\"", "\"[1]\"",
		  "/mapping-collection/mappings/0/source-resource/props/2/value" },
		{ "\"{\\\"x-source-note\\\":\\\"the old catalogue\\\"}\"", "\"{\\\"y\\\":1}\"",
		  "/mapping-collection/mappings/0/source-resource/props/2/value" },
		{ "\"{\\\"x-source-note\\\":\\\"the old catalogue\\\"}\"",
		  "\"{\\\"x-a\\\":1,\\\"x-b\\\":2}\"",
		  "/mapping-collection/mappings/0/source-resource/props/2/value" },
		{ "\"{\\\"x-source-note\\\":\\\"the old catalogue\\\"}\"", "\"{\\\"x-a\\\":\"",
		  "/mapping-collection/mappings/0/source-resource/props/2/value" },
		{ "\"{\\\"x-source-note\\\":\\\"the old catalogue\\\"}\"", "7",
		  "/mapping-collection/mappings/0/source-resource/props/2/value" },
		{ "\"{\\\"x-weight\\\":{\\\"pairs\\\":4}}\"",
		  "\"{\\\"x-ticket\\\":\\\"again\\\"}\"",
		  "/mapping-collection/mappings/0/maps/10/props/1/value" },
	};
	itsma_catalogue *src = NULL, *tgt = NULL;
	char *orig = NULL, *oscal = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_mapping *m = interop_mapping(&src, &tgt, &orig);
	size_t i;
	ASSERT_OK(itsma_mapping_to_oscal(&oscal, m, &err));
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *bad = replaced(oscal, cases[i].from, cases[i].to);
		itsma_mapping *back = NULL;
		CU_ASSERT_EQUAL(
		    itsma_mapping_from_oscal(&back, bad, strlen(bad), "m.json", NULL, &err),
		    ITSMA_ESCHEMA);
		CU_ASSERT_PTR_NULL(back);
		CU_ASSERT_STRING_EQUAL(err.pointer, cases[i].pointer);
		CU_ASSERT(err.line > 0);
		if (strcmp(err.pointer, cases[i].pointer))
			fprintf(stderr, "\ncase %zu: %s: %s\n", i, err.pointer, err.message);
		itsma_free(bad);
	}
	itsma_free(orig);
	itsma_free(oscal);
	itsma_mapping_free(m);
	itsma_catalogue_free(src);
	itsma_catalogue_free(tgt);
}

static void ciso_round_trip(const itsma_mapping *m, const itsma_catalogue *src,
                            const itsma_catalogue *tgt, const char *packager)
{
	itsma_mapping *back = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	char *orig = NULL, *yaml = NULL, *again = NULL;
	ASSERT_OK(itsma_mapping_to_json(&orig, m, &err));
	ASSERT_OK(itsma_mapping_to_ciso(&yaml, m, src, tgt, packager, &err));
	ASSERT_OK(
	    itsma_mapping_from_ciso(&back, yaml, strlen(yaml), "m.yaml", src, tgt, NULL, &err));
	ASSERT_OK(itsma_mapping_to_json(&again, back, &err));
	CU_ASSERT_STRING_EQUAL(again,
	                       orig); /* n:m maps, equivalent-to, x- keys, maps without pairs */
	itsma_free(orig);
	itsma_free(yaml);
	itsma_free(again);
	itsma_mapping_free(back);
}

static void test_interop__mapping_ciso_round_trip_is_equal(void)
{
	itsma_catalogue *src = NULL, *tgt = NULL, *c11 = NULL, *c18 = NULL;
	itsma_mapping *builtin = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	char *orig = NULL;
	itsma_mapping *m = interop_mapping(&src, &tgt, &orig);
	size_t i, nm = 0;
	ciso_round_trip(m, src, tgt, NULL);
	ciso_round_trip(m, src, tgt, "acme");
	/* the built-in 2011 -> 2018 mapping, with its n:1 and 1:n maps */
	ASSERT_OK(itsma_catalogue_builtin(&c11, "iso20000-1:2011", &err));
	ASSERT_OK(itsma_catalogue_builtin(&c18, "iso20000-1:2018", &err));
	ASSERT_OK(itsma_mapping_builtin(&builtin, "iso20000-1-2011-to-2018", NULL, &err));
	for (i = 0; i < itsma_mapping_map_count(builtin); i++)
		nm += itsma_map_source_count(itsma_mapping_map_at(builtin, i)) > 1 ||
		      itsma_map_target_count(itsma_mapping_map_at(builtin, i)) > 1;
	CU_ASSERT(nm > 0);
	ciso_round_trip(builtin, c11, c18, NULL);
	itsma_free(orig);
	itsma_mapping_free(builtin);
	itsma_mapping_free(m);
	itsma_catalogue_free(src);
	itsma_catalogue_free(tgt);
	itsma_catalogue_free(c11);
	itsma_catalogue_free(c18);
}

typedef struct warnings {
	size_t count;
	char first[ITSMA_ERROR_POINTER_LENGTH];
} warnings;

static int count_warning(const itsma_error *w, void *payload)
{
	warnings *ws = payload;
	if (!ws->count++)
		snprintf(ws->first, sizeof ws->first, "%s", w->pointer);
	return 0;
}

/* Import yaml with a warning counter; the mapping's maps as "SOURCES>TARGETS" lines. */
static char *ciso_maps(const char *yaml, const itsma_catalogue *src, const itsma_catalogue *tgt,
                       warnings *ws, size_t *count)
{
	itsma_interop_options o = ITSMA_INTEROP_OPTIONS_INIT;
	itsma_mapping *m = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma__buf b = ITSMA__BUF_INIT;
	char *out = NULL;
	size_t i, j;
	o.warn = count_warning;
	o.payload = ws;
	ASSERT_OK(itsma_mapping_from_ciso(&m, yaml, strlen(yaml), "m.yaml", src, tgt, &o, &err));
	*count = itsma_mapping_map_count(m);
	for (i = 0; i < *count; i++) {
		const itsma_map *mp = itsma_mapping_map_at(m, i);
		for (j = 0; j < itsma_map_source_count(mp); j++)
			itsma__buf_printf(&b, "%s%s", j ? "," : "", itsma_map_source_at(mp, j));
		itsma__buf_putc(&b, '>');
		for (j = 0; j < itsma_map_target_count(mp); j++)
			itsma__buf_printf(&b, "%s%s", j ? "," : "", itsma_map_target_at(mp, j));
		itsma__buf_printf(&b, " %s\n", itsma_relationship_name(itsma_map_relationship(mp)));
	}
	itsma_mapping_free(m);
	CU_ASSERT_EQUAL(itsma__buf_finish(&b, &out, NULL), 0);
	return out;
}

/* The YAML without its lines "itsma: ..." (as a library CISO Assistant wrote would be). */
static char *without_itsma_keys(const char *yaml)
{
	itsma__buf b = ITSMA__BUF_INIT;
	char *out = NULL;
	while (*yaml) {
		const char *nl = strchr(yaml, '\n'), *t = yaml;
		size_t len = nl ? (size_t)(nl - yaml) + 1 : strlen(yaml);
		while (*t == ' ')
			t++;
		if (strncmp(t, "itsma: ", 7) != 0)
			itsma__buf_append(&b, yaml, len);
		yaml += len;
	}
	CU_ASSERT_EQUAL(itsma__buf_finish(&b, &out, NULL), 0);
	return out;
}

static void test_interop__mapping_ciso_edited_and_foreign_pairs(void)
{
	itsma_catalogue *src = NULL, *tgt = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	char *orig = NULL, *yaml = NULL, *edited, *foreign, *maps1, *maps2;
	warnings ws = { 0, "" };
	itsma_mapping *m = interop_mapping(&src, &tgt, &orig), *back = NULL;
	size_t n1 = 0, n2 = 0;
	ASSERT_OK(itsma_mapping_to_ciso(&yaml, m, src, tgt, NULL, &err));
	/* one pair of the 2 x 2 map (pairs 10 to 13) edited in CISO Assistant: its four pairs come
	 * back as four maps, with a warning at the group's first pair */
	edited = replaced(yaml,
	                  "strength_of_relationship: 3\n      annotation: 'Two by two: each pair "
	                  "overlaps.'\n      itsma: '{\"map\":10}'",
	                  "strength_of_relationship: 9\n      annotation: 'Two by two: each pair "
	                  "overlaps.'\n      itsma: '{\"map\":10}'");
	maps1 = ciso_maps(edited, src, tgt, &ws, &n1);
	CU_ASSERT_EQUAL(n1, itsma_mapping_map_count(m) + 3);
	CU_ASSERT_EQUAL(ws.count, 1);
	CU_ASSERT_STRING_EQUAL(ws.first,
	                       "/objects/requirement_mapping_set/requirement_mappings/10");
	CU_ASSERT_PTR_NOT_NULL(strstr(maps1,
	                              "R-01>S-01 intersects-with\nR-01>S-02 intersects-with\n"
	                              "R-02>S-01 intersects-with\nR-02>S-02 intersects-with\n"));
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(maps1, "P-02,P-03>Q-02 superset-of\n")); /* the others regroup */
	itsma_free(maps1);
	/* a pair without its itsma key: a map of its own (at its place) */
	foreign = replaced(yaml, "itsma: '{\"map\":4}'", "annotation: other");
	ws.count = 0;
	maps2 = ciso_maps(foreign, src, tgt, &ws, &n2);
	CU_ASSERT_PTR_NOT_NULL(strstr(maps2, "P-02>Q-02 superset-of\nX-01> no-relationship\n"
	                                     "P-03>Q-02 superset-of\n"));
	CU_ASSERT_EQUAL(ws.count, 0);
	itsma_free(maps2);
	itsma_free(foreign);
	/* a library without itsma keys (CISO Assistant's own): one map per pair, in document
	 * order, every time the same */
	foreign = without_itsma_keys(yaml);
	maps1 = ciso_maps(foreign, src, tgt, &ws, &n1);
	maps2 = ciso_maps(foreign, src, tgt, &ws, &n2);
	CU_ASSERT_STRING_EQUAL(maps1, maps2);
	CU_ASSERT_EQUAL(n1, 16); /* the pairs */
	CU_ASSERT_PTR_NOT_NULL(strstr(maps1, "P-02>Q-02 superset-of\nP-03>Q-02 superset-of\n"
	                                     "R>S equal-to\n"));
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(maps1, "R-01>S-01 intersects-with\nR-01>S-02 intersects-with\n"));
	itsma_free(maps1);
	itsma_free(maps2);
	itsma_free(foreign);
	/* a pair's itsma key that is not what itsma writes */
	foreign = replaced(yaml, "itsma: '{\"map\":4}'", "itsma: '{\"map\":-4}'");
	CU_ASSERT_EQUAL(itsma_mapping_from_ciso(&back, foreign, strlen(foreign), "m.yaml", src, tgt,
	                                        NULL, &err),
	                ITSMA_ESCHEMA);
	CU_ASSERT_STRING_EQUAL(err.pointer,
	                       "/objects/requirement_mapping_set/requirement_mappings/5/itsma");
	CU_ASSERT(err.line > 0);
	CU_ASSERT_PTR_NULL(back);
	itsma_free(foreign);
	itsma_free(edited);
	itsma_free(yaml);
	itsma_free(orig);
	itsma_mapping_free(m);
	itsma_catalogue_free(src);
	itsma_catalogue_free(tgt);
}

/* A mapping built in code, without title or description: both formats need a title (CISO
 * Assistant a name, OSCAL a title and a description), and the itsma marks bring the absence
 * back. */
static void test_interop__mapping_without_title_round_trips(void)
{
	itsma_catalogue *src = NULL, *tgt = NULL;
	itsma_mapping *m = NULL, *back = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_map_spec spec = ITSMA_MAP_SPEC_INIT;
	const char *s1[] = { "A-01" }, *t2[] = { "M-01", "M-02" }, *s2[] = { "X-01" };
	char *orig = NULL, *oscal = NULL, *again = NULL;
	ASSERT_OK(itsma_catalogue_load_file(&src, ITSMA_TEST_DATA "/mapping/old-catalogue.json",
	                                    NULL, &err));
	ASSERT_OK(itsma_catalogue_load_file(&tgt, ITSMA_TEST_DATA "/mapping/new-catalogue.json",
	                                    NULL, &err));
	ASSERT_OK(itsma_mapping_new(&m, "bare", "test:old", 1, "test:new", 1, &err));
	spec.sources = s1;
	spec.source_count = 1;
	spec.targets = t2;
	spec.target_count = 2;
	ASSERT_OK(itsma_mapping_add_map(NULL, m, &spec, &err));
	spec.relationship = ITSMA_RELATIONSHIP_NO_RELATIONSHIP;
	spec.sources = s2;
	spec.target_count = 0;
	ASSERT_OK(itsma_mapping_add_map(NULL, m, &spec, &err));
	ASSERT_OK(itsma_mapping_to_json(&orig, m, &err));
	ASSERT_OK(itsma_mapping_to_oscal(&oscal, m, &err));
	ASSERT_OK(itsma_mapping_from_oscal(&back, oscal, strlen(oscal), NULL, NULL, &err));
	ASSERT_OK(itsma_mapping_to_json(&again, back, &err));
	CU_ASSERT_STRING_EQUAL(again, orig);
	CU_ASSERT_PTR_NULL(itsma_mapping_title(back));
	CU_ASSERT_PTR_NULL(itsma_mapping_description(back));
	ciso_round_trip(m, src, tgt, NULL);
	itsma_free(orig);
	itsma_free(oscal);
	itsma_free(again);
	itsma_mapping_free(back);
	itsma_mapping_free(m);
	itsma_catalogue_free(src);
	itsma_catalogue_free(tgt);
}

/* The options' initialiser gives what the static initialiser gives, for versions 1..current. */
static void test_interop__options_init(void)
{
	static const itsma_interop_options init = ITSMA_INTEROP_OPTIONS_INIT;
	itsma_interop_options o;
	memset(&o, 0x5a, sizeof o);
	CU_ASSERT_EQUAL(itsma_interop_options_init(&o, ITSMA_INTEROP_OPTIONS_VERSION), 0);
	CU_ASSERT_EQUAL(o.version, init.version);
	CU_ASSERT_PTR_NULL(o.load);
	CU_ASSERT_PTR_NULL(o.warn);
	CU_ASSERT_PTR_NULL(o.payload);
	CU_ASSERT_PTR_NULL(o.catalogue_id);
	CU_ASSERT_EQUAL(itsma_interop_options_init(&o, 0), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_interop_options_init(&o, ITSMA_INTEROP_OPTIONS_VERSION + 1),
	                ITSMA_EINVAL);
}

static const itsma_test_case cases[] = {
	{ "options_init", test_interop__options_init },
	{ "uuid5_matches_rfc_9562", test_interop__uuid5_matches_rfc_9562 },
	{ "ids_are_sanitised_without_collisions",
	  test_interop__ids_are_sanitised_without_collisions },
	{ "csv_cells_neutralise_formulas", test_interop__csv_cells_neutralise_formulas },
	{ "oscal_errors_name_the_place", test_interop__oscal_errors_name_the_place },
	{ "oscal_warnings_and_versions", test_interop__oscal_warnings_and_versions },
	{ "oscal_huge_params_stay_linear", test_interop__oscal_huge_params_stay_linear },
	{ "ciso_round_trip_of_builtins", test_interop__ciso_round_trip_of_builtins },
	{ "ciso_errors_name_the_place", test_interop__ciso_errors_name_the_place },
	{ "ciso_deep_nesting_is_a_limit", test_interop__ciso_deep_nesting_is_a_limit },
	{ "oscal_exports", test_interop__oscal_exports },
	{ "mapping_oscal_round_trip_keeps_x_keys",
	  test_interop__mapping_oscal_round_trip_keeps_x_keys },
	{ "mapping_oscal_bad_extension_props", test_interop__mapping_oscal_bad_extension_props },
	{ "mapping_ciso_round_trip_is_equal", test_interop__mapping_ciso_round_trip_is_equal },
	{ "mapping_ciso_edited_and_foreign_pairs",
	  test_interop__mapping_ciso_edited_and_foreign_pairs },
	{ "mapping_without_title_round_trips", test_interop__mapping_without_title_round_trips },
	{ NULL, NULL }
};

ITSMA_TEST_MAIN("interop", cases)
