/* SPDX-License-Identifier: Apache-2.0 */
/* The catalogue module: loading, walking, lookups, building, saving, built-ins. */
#include "harness.h"

#include <sys/stat.h>
#include <unistd.h>

static itsma_catalogue *load_small(void)
{
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	CU_ASSERT_EQUAL_FATAL(
	    itsma_catalogue_load_file(&c, ITSMA_TEST_DATA "/catalogue-small.json", NULL, &err), 0);
	CU_ASSERT_EQUAL(err.code, 0);
	return c;
}

static void test_catalogue__load_file_properties(void)
{
	itsma_catalogue *c = load_small();
	CU_ASSERT_STRING_EQUAL(itsma_catalogue_id(c), "test:small");
	CU_ASSERT_STRING_EQUAL(itsma_catalogue_title(c), "A small catalogue for tests");
	CU_ASSERT_STRING_EQUAL(itsma_catalogue_version(c), "1");
	CU_ASSERT_PTR_NULL(itsma_catalogue_publisher(c));
	CU_ASSERT_PTR_NULL(itsma_catalogue_description(c));
	CU_ASSERT_PTR_NULL(itsma_catalogue_source(c));
	CU_ASSERT_EQUAL(itsma_catalogue_exclusions(c), ITSMA_EXCLUSIONS_ALLOWED);
	CU_ASSERT_STRING_EQUAL(itsma_catalogue_origin(c), ITSMA_TEST_DATA "/catalogue-small.json");
	CU_ASSERT_EQUAL(itsma_catalogue_guidance_source_count(c), 2);
	CU_ASSERT_STRING_EQUAL(itsma_catalogue_guidance_source_key(c, 1), "cobit2019");
	CU_ASSERT_STRING_EQUAL(itsma_catalogue_guidance_source_name(c, 0), "ITIL 4");
	CU_ASSERT_PTR_NULL(itsma_catalogue_guidance_source_key(c, 2));
	CU_ASSERT_PTR_NULL(itsma_catalogue_guidance_source_name(c, 2));
	CU_ASSERT_EQUAL(itsma_catalogue_generic_practice_count(c), 1);
	CU_ASSERT_EQUAL(itsma_catalogue_generic_practice_attribute(c, 0), ITSMA_PA2_1);
	CU_ASSERT_STRING_EQUAL(itsma_catalogue_generic_practice_id(c, 0), "GP2.1.1");
	CU_ASSERT_STRING_EQUAL(itsma_catalogue_generic_practice_text(c, 0),
	                       "Performance is planned and monitored.");
	CU_ASSERT_PTR_NULL(itsma_catalogue_generic_practice_id(c, 1));
	CU_ASSERT_EQUAL(itsma_catalogue_generic_practice_attribute(c, 1), ITSMA_ATTRIBUTE_COUNT);
	CU_ASSERT_PTR_NULL(itsma_catalogue_generic_practice_text(c, 1));
	itsma_catalogue_free(c);
	itsma_catalogue_free(NULL);
}

static void test_catalogue__walk_tree_in_catalogue_order(void)
{
	itsma_catalogue *c = load_small();
	const itsma_section *s8, *p1, *p2;
	static const char *const order[] = { "4", "8", "8.1", "8.2" };
	static const char *const reqs[] = { "4-01", "8.1-01", "8.1-02", "8.2-01" };
	size_t i;

	CU_ASSERT_EQUAL(itsma_catalogue_section_count(c), 4);
	for (i = 0; i < 4; i++) {
		CU_ASSERT_STRING_EQUAL(itsma_section_id(itsma_catalogue_section_at(c, i)),
		                       order[i]);
		CU_ASSERT_EQUAL(itsma_section_index(itsma_catalogue_section_at(c, i)), i);
	}
	CU_ASSERT_PTR_NULL(itsma_catalogue_section_at(c, 4));
	CU_ASSERT_EQUAL(itsma_catalogue_requirement_count(c), 4);
	for (i = 0; i < 4; i++) {
		const itsma_requirement *r = itsma_catalogue_requirement_at(c, i);
		CU_ASSERT_STRING_EQUAL(itsma_requirement_id(r), reqs[i]);
		CU_ASSERT_EQUAL(itsma_requirement_index(r), i);
	}
	CU_ASSERT_PTR_NULL(itsma_catalogue_requirement_at(c, 4));
	CU_ASSERT_EQUAL(itsma_catalogue_top_count(c), 2);
	CU_ASSERT_PTR_NULL(itsma_catalogue_top_at(c, 2));
	s8 = itsma_catalogue_top_at(c, 1);
	CU_ASSERT_STRING_EQUAL(itsma_section_title(s8), "Operation");
	CU_ASSERT_STRING_EQUAL(itsma_section_clause(s8), "8");
	ASSERT_NEAR(itsma_section_weight(s8), 2);
	CU_ASSERT_EQUAL(itsma_section_kind_of(s8), ITSMA_SECTION_KIND_GROUP);
	CU_ASSERT_EQUAL(itsma_section_depth(s8), 0);
	CU_ASSERT_PTR_NULL(itsma_section_parent(s8));
	CU_ASSERT_PTR_NULL(itsma_section_process(s8));
	CU_ASSERT_PTR_NULL(itsma_section_purpose(s8));
	CU_ASSERT_EQUAL(itsma_section_child_count(s8), 2);
	CU_ASSERT_EQUAL(itsma_section_requirement_count(s8), 0);
	CU_ASSERT_PTR_NULL(itsma_section_requirement_at(s8, 0));
	CU_ASSERT_PTR_NULL(itsma_section_child_at(s8, 2));
	p1 = itsma_section_child_at(s8, 0);
	p2 = itsma_section_child_at(s8, 1);
	CU_ASSERT_EQUAL(itsma_section_kind_of(p1), ITSMA_SECTION_KIND_PROCESS);
	CU_ASSERT_PTR_EQUAL(itsma_section_process(p1), p1);
	CU_ASSERT_PTR_EQUAL(itsma_section_parent(p1), s8);
	CU_ASSERT_EQUAL(itsma_section_depth(p1), 1);
	CU_ASSERT_STRING_EQUAL(itsma_section_purpose(p1), "Restore service quickly.");
	CU_ASSERT_EQUAL(itsma_section_requirement_count(p1), 2);
	CU_ASSERT_EQUAL(itsma_catalogue_process_count(c), 2);
	CU_ASSERT_PTR_EQUAL(itsma_catalogue_process_at(c, 0), p1);
	CU_ASSERT_PTR_EQUAL(itsma_catalogue_process_at(c, 1), p2);
	CU_ASSERT_PTR_NULL(itsma_catalogue_process_at(c, 2));
	/* guidance */
	CU_ASSERT_EQUAL(itsma_section_guidance_count(p1, "itil4"), 1);
	CU_ASSERT_STRING_EQUAL(itsma_section_guidance_at(p1, "cobit2019", 0), "DSS02");
	CU_ASSERT_PTR_NULL(itsma_section_guidance_at(p1, "cobit2019", 1));
	CU_ASSERT_EQUAL(itsma_section_guidance_count(p2, "itil4"), 0);
	CU_ASSERT_EQUAL(itsma_section_guidance_count(p1, "mof4"), 0);
	CU_ASSERT_EQUAL(itsma_section_guidance_count(p1, NULL), 0);
	itsma_catalogue_free(c);
}

static void test_catalogue__requirements_know_section_and_process(void)
{
	itsma_catalogue *c = load_small();
	const itsma_requirement *r = itsma_catalogue_find_requirement(c, "8.1-02");
	const itsma_requirement *r4 = itsma_catalogue_find_requirement(c, "4-01");
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_STRING_EQUAL(itsma_requirement_text(r), "Incidents are prioritised.");
	CU_ASSERT_STRING_EQUAL(itsma_requirement_clause(r), "8.1");
	CU_ASSERT_EQUAL(itsma_requirement_obligation(r), ITSMA_OBLIGATION_SHOULD);
	ASSERT_NEAR(itsma_requirement_weight(r), 0.5);
	CU_ASSERT_STRING_EQUAL(itsma_section_id(itsma_requirement_section(r)), "8.1");
	CU_ASSERT_STRING_EQUAL(itsma_section_id(itsma_requirement_process(r)), "8.1");
	CU_ASSERT_PTR_NULL(itsma_requirement_process(r4));
	CU_ASSERT_EQUAL(itsma_requirement_obligation(r4), ITSMA_OBLIGATION_SHALL);
	CU_ASSERT_EQUAL(itsma_requirement_evidence_hint_count(r4), 1);
	CU_ASSERT_STRING_EQUAL(itsma_requirement_evidence_hint_at(r4, 0), "document");
	CU_ASSERT_PTR_NULL(itsma_requirement_evidence_hint_at(r4, 1));
	CU_ASSERT_EQUAL(itsma_requirement_tag_count(r4), 0);
	CU_ASSERT_PTR_NULL(itsma_requirement_tag_at(r4, 0));
	CU_ASSERT_STRING_EQUAL(
	    itsma_requirement_tag_at(itsma_catalogue_find_requirement(c, "8.1-01"), 0),
	    "resolution");
	CU_ASSERT_PTR_NULL(itsma_requirement_clause(itsma_catalogue_find_requirement(c, "8.2-01")));
	CU_ASSERT_PTR_NULL(itsma_catalogue_find_requirement(c, "8.1"));
	CU_ASSERT_PTR_NULL(itsma_catalogue_find_section(c, "8.1-01"));
	CU_ASSERT_PTR_NULL(itsma_catalogue_find_section(c, NULL));
	CU_ASSERT_PTR_NULL(itsma_catalogue_find_requirement(c, NULL));
	CU_ASSERT_PTR_NOT_NULL(itsma_catalogue_find_section(c, "8.2"));
	itsma_catalogue_free(c);
}

static void test_catalogue__round_trip_is_byte_identical_and_keeps_extensions(void)
{
	size_t len = 0;
	char *orig = itsma_test_slurp(ITSMA_TEST_DATA "/catalogue-small.json", &len), *out = NULL;
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	CU_ASSERT_EQUAL_FATAL(itsma_catalogue_load_buffer(&c, orig, len, NULL, NULL, &err), 0);
	CU_ASSERT_STRING_EQUAL(itsma_catalogue_origin(c), "<buffer>");
	CU_ASSERT_EQUAL_FATAL(itsma_catalogue_to_json(&out, c, &err), 0);
	CU_ASSERT_STRING_EQUAL(out, orig);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"x-owner\""));
	itsma_free(out);
	itsma_catalogue_free(c);
	free(orig);
}

static void test_catalogue__extension_numbers_keep_their_text(void)
{
	static const char doc[] =
	    "{\"format\": \"itsma-catalogue/1\", \"id\": \"c\", \"title\": \"t\", \"sections\": "
	    "[{\"id\": \"s\","
	    " \"title\": \"s\", \"requirements\": [{\"id\": \"r\", \"text\": \"t\"}]}],"
	    " \"x-n\": [18446744073709551615, 1e400, 0.1, 1.50, -5, true, null, {\"k\": \"v\"}]}";
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	char *out = NULL;
	CU_ASSERT_EQUAL_FATAL(
	    itsma_catalogue_load_buffer(&c, doc, sizeof doc - 1, NULL, NULL, &err), 0);
	CU_ASSERT_EQUAL_FATAL(itsma_catalogue_to_json(&out, c, &err), 0);
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(out, "\n    18446744073709551615,\n    1e400,\n    0.1,\n    1.50,\n    -5,\n"
	                "    true,\n    null,\n    {\n      \"k\": \"v\"\n    }\n  ]"));
	itsma_free(out);
	itsma_catalogue_free(c);
}

static void test_catalogue__builtins_are_listed_loadable_and_identical_when_saved(void)
{
	size_t i, n = itsma_catalogue_builtin_count();
	CU_ASSERT(n >= 2);
	for (i = 0; i < n; i++) {
		itsma_catalogue *c = NULL;
		itsma_error err = ITSMA_ERROR_INIT;
		char *out = NULL;
		size_t len = 0;
		const char *json = itsma_catalogue_builtin_json(&len, i);
		CU_ASSERT_PTR_NOT_NULL_FATAL(itsma_catalogue_builtin_id(i));
		CU_ASSERT_PTR_NOT_NULL(itsma_catalogue_builtin_title(i));
		CU_ASSERT_EQUAL_FATAL(
		    itsma_catalogue_builtin(&c, itsma_catalogue_builtin_id(i), &err), 0);
		CU_ASSERT_STRING_EQUAL(itsma_catalogue_id(c), itsma_catalogue_builtin_id(i));
		CU_ASSERT_STRING_EQUAL(itsma_catalogue_title(c), itsma_catalogue_builtin_title(i));
		CU_ASSERT_EQUAL_FATAL(itsma_catalogue_to_json(&out, c, &err), 0);
		CU_ASSERT_EQUAL(strlen(out), len);
		CU_ASSERT_STRING_EQUAL(out, json);
		itsma_free(out);
		itsma_catalogue_free(c);
	}
	CU_ASSERT_PTR_NULL(itsma_catalogue_builtin_id(n));
	CU_ASSERT_PTR_NULL(itsma_catalogue_builtin_title(n));
	CU_ASSERT_PTR_NULL(itsma_catalogue_builtin_json(NULL, n));
	{
		itsma_catalogue *c = (itsma_catalogue *)1;
		itsma_error err = ITSMA_ERROR_INIT;
		CU_ASSERT_EQUAL(itsma_catalogue_builtin(&c, "iso20000-1:1999", &err),
		                ITSMA_ENOTFOUND);
		CU_ASSERT_PTR_NULL(c);
		CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "iso20000-1:1999"));
	}
}

static void test_catalogue__build_in_code(void)
{
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_section_spec s = ITSMA_SECTION_SPEC_INIT;
	itsma_requirement_spec r = ITSMA_REQUIREMENT_SPEC_INIT;
	const itsma_section *sec = NULL;
	const itsma_requirement *req = NULL;
	static const char *const hints[] = { "record" };
	char *json = NULL;

	CU_ASSERT_EQUAL_FATAL(itsma_catalogue_new(&c, "mine", "My catalogue", &err), 0);
	CU_ASSERT_EQUAL(itsma_catalogue_set_publisher(c, "Us", &err), 0);
	CU_ASSERT_EQUAL(itsma_catalogue_set_description(c, "d", &err), 0);
	CU_ASSERT_EQUAL(itsma_catalogue_set_source(c, "s", &err), 0);
	CU_ASSERT_EQUAL(itsma_catalogue_set_version(c, "2", &err), 0);
	CU_ASSERT_EQUAL(itsma_catalogue_set_title(c, "Renamed", &err), 0);
	CU_ASSERT_STRING_EQUAL(itsma_catalogue_title(c), "Renamed");
	CU_ASSERT_EQUAL(itsma_catalogue_set_version(c, NULL, &err), 0);
	CU_ASSERT_PTR_NULL(itsma_catalogue_version(c));
	CU_ASSERT_EQUAL(itsma_catalogue_set_exclusions(c, ITSMA_EXCLUSIONS_FORBIDDEN, &err), 0);
	CU_ASSERT_EQUAL(itsma_catalogue_put_guidance_source(c, "itil4", "ITIL 4", &err), 0);
	CU_ASSERT_EQUAL(itsma_catalogue_put_guidance_source(c, "itil4", "ITIL four", &err), 0);
	CU_ASSERT_EQUAL(itsma_catalogue_guidance_source_count(c), 1);
	CU_ASSERT_STRING_EQUAL(itsma_catalogue_guidance_source_name(c, 0), "ITIL four");
	CU_ASSERT_EQUAL(
	    itsma_catalogue_add_generic_practice(c, ITSMA_PA3_1, "GP3.1.1", "Defined.", &err), 0);

	s.id = "B";
	s.title = "Second top-level section";
	CU_ASSERT_EQUAL(itsma_catalogue_add_section(&sec, c, NULL, &s, &err), 0);
	s.id = "A";
	s.title = "A process";
	s.kind = ITSMA_SECTION_KIND_PROCESS;
	s.weight = 3;
	CU_ASSERT_EQUAL(
	    itsma_catalogue_add_section(&sec, c, itsma_catalogue_find_section(c, "B"), &s, &err),
	    0);
	CU_ASSERT_STRING_EQUAL(itsma_section_id(sec), "A");
	CU_ASSERT_EQUAL(itsma_catalogue_add_guidance(c, itsma_catalogue_find_section(c, "A"),
	                                             "itil4", "Incident management", &err),
	                0);
	CU_ASSERT_EQUAL(itsma_catalogue_add_guidance(c, itsma_catalogue_find_section(c, "A"),
	                                             "itil4", "Incident management", &err),
	                0);
	CU_ASSERT_EQUAL(itsma_section_guidance_count(sec, "itil4"), 1);
	r.id = "A-2";
	r.text = "Second.";
	CU_ASSERT_EQUAL(itsma_catalogue_add_requirement(
	                    &req, c, itsma_catalogue_find_section(c, "A"), &r, &err),
	                0);
	/* a requirement of B is added after A's: catalogue order puts it first */
	r.id = "B-1";
	r.text = "First.";
	r.evidence_hints = hints;
	r.evidence_hint_count = 1;
	r.obligation = ITSMA_OBLIGATION_SHOULD;
	CU_ASSERT_EQUAL(itsma_catalogue_add_requirement(
	                    &req, c, itsma_catalogue_find_section(c, "B"), &r, &err),
	                0);
	CU_ASSERT_STRING_EQUAL(itsma_requirement_id(itsma_catalogue_requirement_at(c, 0)), "B-1");
	CU_ASSERT_STRING_EQUAL(itsma_requirement_id(itsma_catalogue_requirement_at(c, 1)), "A-2");
	CU_ASSERT_EQUAL(itsma_requirement_index(req), 0);
	/* a new top section goes last */
	s.id = "C";
	s.kind = ITSMA_SECTION_KIND_GROUP;
	s.weight = 1;
	CU_ASSERT_EQUAL(itsma_catalogue_add_section(NULL, c, NULL, &s, &err), 0);
	CU_ASSERT_STRING_EQUAL(itsma_section_id(itsma_catalogue_section_at(c, 2)), "C");

	/* the same validation as loading, and nothing changes on failure */
	s.id = "A";
	CU_ASSERT_EQUAL(itsma_catalogue_add_section(NULL, c, NULL, &s, &err), ITSMA_EEXISTS);
	s.id = "B-1";
	CU_ASSERT_EQUAL(itsma_catalogue_add_section(NULL, c, NULL, &s, &err), ITSMA_EEXISTS);
	s.id = "bad id";
	CU_ASSERT_EQUAL(itsma_catalogue_add_section(NULL, c, NULL, &s, &err), ITSMA_EINVAL);
	s.id = "D";
	s.title = "";
	CU_ASSERT_EQUAL(itsma_catalogue_add_section(NULL, c, NULL, &s, &err), ITSMA_EINVAL);
	s.title = "x";
	s.weight = -1;
	CU_ASSERT_EQUAL(itsma_catalogue_add_section(NULL, c, NULL, &s, &err), ITSMA_EINVAL);
	s.weight = 1;
	s.kind = ITSMA_SECTION_KIND_PROCESS;
	CU_ASSERT_EQUAL(
	    itsma_catalogue_add_section(NULL, c, itsma_catalogue_find_section(c, "A"), &s, &err),
	    ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "inside process"));
	s.version = 99;
	CU_ASSERT_EQUAL(itsma_catalogue_add_section(NULL, c, NULL, &s, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_section_count(c), 3);
	r.id = "A-2";
	CU_ASSERT_EQUAL(itsma_catalogue_add_requirement(
	                    NULL, c, itsma_catalogue_find_section(c, "A"), &r, &err),
	                ITSMA_EEXISTS);
	r.id = "A-3";
	r.text = NULL;
	CU_ASSERT_EQUAL(itsma_catalogue_add_requirement(
	                    NULL, c, itsma_catalogue_find_section(c, "A"), &r, &err),
	                ITSMA_EINVAL);
	r.text = "t";
	CU_ASSERT_EQUAL(itsma_catalogue_add_requirement(NULL, c, NULL, &r, &err), ITSMA_EINVAL);
	r.weight = 1.0 / 0.0;
	CU_ASSERT_EQUAL(itsma_catalogue_add_requirement(
	                    NULL, c, itsma_catalogue_find_section(c, "A"), &r, &err),
	                ITSMA_EINVAL);
	r.weight = 1;
	r.obligation = (itsma_obligation)7;
	CU_ASSERT_EQUAL(itsma_catalogue_add_requirement(
	                    NULL, c, itsma_catalogue_find_section(c, "A"), &r, &err),
	                ITSMA_EINVAL);
	r.obligation = ITSMA_OBLIGATION_SHALL;
	r.evidence_hint_count = 2; /* hints has only one... and an empty one is refused */
	{
		static const char *const bad[] = { "record", "" };
		r.evidence_hints = bad;
		CU_ASSERT_EQUAL(itsma_catalogue_add_requirement(
		                    NULL, c, itsma_catalogue_find_section(c, "A"), &r, &err),
		                ITSMA_EINVAL);
	}
	CU_ASSERT_EQUAL(itsma_catalogue_requirement_count(c), 2);
	CU_ASSERT_PTR_NULL(itsma_catalogue_find_requirement(c, "A-3"));
	CU_ASSERT_EQUAL(itsma_catalogue_add_guidance(c, itsma_catalogue_find_section(c, "A"),
	                                             "cobit", "DSS02", &err),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_add_guidance(c, itsma_catalogue_find_section(c, "Q"),
	                                             "itil4", "x", &err),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_add_guidance(c, itsma_catalogue_find_section(c, "A"),
	                                             "itil4", "", &err),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_put_guidance_source(c, "bad key", "x", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_put_guidance_source(c, "k", "", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_add_generic_practice(c, ITSMA_PA1_1, "GP", "t", &err),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_add_generic_practice(c, ITSMA_PA3_1, "GP3.1.1", "t", &err),
	                ITSMA_EEXISTS);
	CU_ASSERT_EQUAL(itsma_catalogue_add_generic_practice(c, ITSMA_PA3_1, "GP3.1.2", "", &err),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_set_title(c, "", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_set_exclusions(c, (itsma_exclusions)5, &err), ITSMA_EINVAL);
	{
		itsma_catalogue *other = (itsma_catalogue *)&err;
		CU_ASSERT_EQUAL(itsma_catalogue_new(&other, "bad id", "t", &err), ITSMA_EINVAL);
		CU_ASSERT_PTR_NULL(other);
		CU_ASSERT_EQUAL(itsma_catalogue_new(&other, "ok", "", &err), ITSMA_EINVAL);
		CU_ASSERT_PTR_NULL(other);
	}
	itsma_catalogue_free(c);
	/* a small catalogue built in code saves to the expected text */
	CU_ASSERT_EQUAL_FATAL(itsma_catalogue_new(&c, "mine", "Mine", &err), 0);
	s.version = ITSMA_SECTION_SPEC_VERSION;
	s.id = "S";
	s.kind = ITSMA_SECTION_KIND_GROUP;
	CU_ASSERT_EQUAL(itsma_catalogue_add_section(NULL, c, NULL, &s, &err), 0);
	r.id = "S-1";
	r.evidence_hint_count = 0;
	CU_ASSERT_EQUAL(itsma_catalogue_add_requirement(
	                    NULL, c, itsma_catalogue_find_section(c, "S"), &r, &err),
	                0);
	CU_ASSERT_EQUAL(itsma_catalogue_to_json(&json, c, &err), 0);
	CU_ASSERT_STRING_EQUAL(
	    json,
	    "{\n  \"format\": \"itsma-catalogue/1\",\n  \"id\": \"mine\",\n  \"title\": \"Mine\",\n"
	    "  \"sections\": [\n    {\n      \"id\": \"S\",\n      \"title\": \"x\",\n"
	    "      \"requirements\": [\n        {\n          \"id\": \"S-1\",\n"
	    "          \"text\": \"t\"\n        }\n      ]\n    }\n  ]\n}\n");
	itsma_free(json);
	itsma_catalogue_free(c);
}

static void test_catalogue__save_file_is_atomic(void)
{
	itsma_catalogue *c = load_small(), *back = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	const char *path = ITSMA_TEST_TMP "/catalogue-save.json";
	char *text;

	unlink(path);
	CU_ASSERT_EQUAL(itsma_catalogue_save_file(c, path, &err), 0);
	CU_ASSERT_EQUAL(itsma_catalogue_load_file(&back, path, NULL, &err), 0);
	itsma_catalogue_free(back);
	/* a save that cannot happen leaves the old file as it was */
	CU_ASSERT_EQUAL(itsma_catalogue_save_file(c, ITSMA_TEST_TMP "/no/such/dir/x.json", &err),
	                ITSMA_EIO);
	CU_ASSERT(err.sys_errno != 0);
	CU_ASSERT_EQUAL(itsma_catalogue_save_file(c, ITSMA_TEST_TMP, &err), ITSMA_EIO);
	text = itsma_test_slurp(path, NULL);
	CU_ASSERT_PTR_NOT_NULL(text);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "test:small"));
	free(text);
	CU_ASSERT_EQUAL(
	    itsma_catalogue_load_file(&back, ITSMA_TEST_TMP "/missing.json", NULL, &err),
	    ITSMA_EIO);
	CU_ASSERT_PTR_NULL(back);
	CU_ASSERT_STRING_EQUAL(err.source, ITSMA_TEST_TMP "/missing.json");
	CU_ASSERT(err.sys_errno != 0);
	CU_ASSERT_EQUAL(itsma_catalogue_load_file(&back, ITSMA_TEST_TMP, NULL, &err), ITSMA_EIO);
	itsma_catalogue_free(c);
}

static void test_catalogue__limits(void)
{
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_load_options o = ITSMA_LOAD_OPTIONS_INIT;
	size_t len = 0;
	char *buf = itsma_test_slurp(ITSMA_TEST_DATA "/catalogue-small.json", &len);

	CU_ASSERT_EQUAL(itsma_load_options_init(&o, ITSMA_LOAD_OPTIONS_VERSION), 0);
	CU_ASSERT_EQUAL(itsma_load_options_init(&o, 99), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_load_options_init(NULL, ITSMA_LOAD_OPTIONS_VERSION), ITSMA_EINVAL);
	o.version = ITSMA_LOAD_OPTIONS_VERSION;
	o.max_string = 10;
	CU_ASSERT_EQUAL(itsma_catalogue_load_buffer(&c, buf, len, "c.json", &o, &err),
	                ITSMA_ELIMIT);
	CU_ASSERT_STRING_EQUAL(err.pointer, "/format");
	CU_ASSERT_EQUAL(err.line, 2);
	CU_ASSERT_EQUAL(err.column, 13);
	o.max_string = 0;
	o.max_records = 2;
	CU_ASSERT_EQUAL(itsma_catalogue_load_buffer(&c, buf, len, "c.json", &o, &err),
	                ITSMA_ELIMIT);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "limit"));
	o.max_records = 0;
	o.max_depth = 3;
	CU_ASSERT_EQUAL(itsma_catalogue_load_buffer(&c, buf, len, "c.json", &o, &err),
	                ITSMA_ELIMIT);
	CU_ASSERT(err.line > 0);
	o.max_depth = 0;
	o.max_bytes = 100;
	CU_ASSERT_EQUAL(itsma_catalogue_load_buffer(&c, buf, len, "c.json", &o, &err),
	                ITSMA_ELIMIT);
	CU_ASSERT_EQUAL(
	    itsma_catalogue_load_file(&c, ITSMA_TEST_DATA "/catalogue-small.json", &o, &err),
	    ITSMA_ELIMIT);
	o.version = 7;
	CU_ASSERT_EQUAL(itsma_catalogue_load_buffer(&c, buf, len, "c.json", &o, &err),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_load_buffer(&c, NULL, 5, "c.json", NULL, &err),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_load_buffer(NULL, buf, len, "c.json", NULL, &err),
	                ITSMA_EINVAL);
	/* err may be NULL */
	CU_ASSERT_EQUAL(itsma_catalogue_load_buffer(&c, "{", 1, NULL, NULL, NULL), ITSMA_EPARSE);
	CU_ASSERT_PTR_NULL(c);
	free(buf);
}

static void test_catalogue__id_rules(void)
{
	char long_id[66];
	memset(long_id, 'a', 65);
	long_id[65] = '\0';
	CU_ASSERT_TRUE(itsma_id_is_valid("iso20000-1:2018"));
	CU_ASSERT_TRUE(itsma_id_is_valid("A.b_c:d-9"));
	CU_ASSERT_FALSE(itsma_id_is_valid(""));
	CU_ASSERT_FALSE(itsma_id_is_valid(NULL));
	CU_ASSERT_FALSE(itsma_id_is_valid("a b"));
	CU_ASSERT_FALSE(itsma_id_is_valid("a/b"));
	CU_ASSERT_FALSE(itsma_id_is_valid("é"));
	CU_ASSERT_FALSE(itsma_id_is_valid(long_id));
	long_id[64] = '\0';
	CU_ASSERT_TRUE(itsma_id_is_valid(long_id));
}

static itsma_catalogue *load_v2(void)
{
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	CU_ASSERT_EQUAL_FATAL(
	    itsma_catalogue_load_file(&c, ITSMA_TEST_DATA "/catalogue-v2.json", NULL, &err), 0);
	return c;
}

static void test_catalogue__basis_item_verify_revision_and_retired(void)
{
	itsma_catalogue *c = load_v2();
	const itsma_requirement *r = itsma_catalogue_find_requirement(c, "8.1-03");
	const itsma_retired *x;
	size_t len = 0;
	char *orig = itsma_test_slurp(ITSMA_TEST_DATA "/catalogue-v2.json", &len), *out = NULL;
	itsma_error err = ITSMA_ERROR_INIT;

	CU_ASSERT_EQUAL(itsma_catalogue_revision(c), 2);
	CU_ASSERT_EQUAL(itsma_requirement_basis(r), ITSMA_BASIS_STANDARD);
	CU_ASSERT_STRING_EQUAL(itsma_requirement_item(r), "b) 2)");
	CU_ASSERT_STRING_EQUAL(
	    itsma_requirement_verify(r),
	    "In the same sample, each priority matches the agreed impact and urgency criteria.");
	r = itsma_catalogue_find_requirement(c, "8.1-04");
	CU_ASSERT_EQUAL(itsma_requirement_basis(r), ITSMA_BASIS_GOOD_PRACTICE);
	CU_ASSERT_PTR_NULL(itsma_requirement_item(r));
	CU_ASSERT_PTR_NULL(itsma_requirement_verify(r));
	CU_ASSERT_EQUAL(itsma_catalogue_retired_count(c), 2);
	x = itsma_catalogue_retired_at(c, 1);
	CU_ASSERT_STRING_EQUAL(itsma_retired_id(x), "8.1-02");
	CU_ASSERT_EQUAL(itsma_retired_revision(x), 2);
	CU_ASSERT_STRING_EQUAL(itsma_retired_reason(x), "Merged into 8.1-01.");
	CU_ASSERT_PTR_NULL(itsma_catalogue_retired_at(c, 2));
	CU_ASSERT_PTR_EQUAL(itsma_catalogue_find_retired(c, "4-01"),
	                    itsma_catalogue_retired_at(c, 0));
	CU_ASSERT_PTR_NULL(itsma_catalogue_find_retired(c, "4-02"));
	CU_ASSERT_PTR_NULL(itsma_catalogue_find_retired(c, NULL));
	/* saved in the fixed key order, x- keys of retired entries kept: byte for byte */
	CU_ASSERT_EQUAL_FATAL(itsma_catalogue_to_json(&out, c, &err), 0);
	CU_ASSERT_STRING_EQUAL(out, orig);
	itsma_free(out);
	free(orig);
	/* a catalogue without them has none, and saves none */
	itsma_catalogue_free(c);
	c = load_small();
	CU_ASSERT_EQUAL(itsma_catalogue_revision(c), 0);
	CU_ASSERT_EQUAL(itsma_catalogue_retired_count(c), 0);
	CU_ASSERT_EQUAL(itsma_requirement_basis(itsma_catalogue_requirement_at(c, 0)),
	                ITSMA_BASIS_UNSPECIFIED);
	itsma_catalogue_free(c);
}

static void test_catalogue__basis_names(void)
{
	itsma_basis b = ITSMA_BASIS_UNSPECIFIED;
	itsma_error err = ITSMA_ERROR_INIT;
	CU_ASSERT_STRING_EQUAL(itsma_basis_name(ITSMA_BASIS_STANDARD), "standard");
	CU_ASSERT_STRING_EQUAL(itsma_basis_name(ITSMA_BASIS_GOOD_PRACTICE), "good-practice");
	CU_ASSERT_STRING_EQUAL(itsma_basis_name(ITSMA_BASIS_UNSPECIFIED), "");
	CU_ASSERT_STRING_EQUAL(itsma_basis_name((itsma_basis)7), "");
	CU_ASSERT_EQUAL(itsma_basis_parse(&b, "good-practice", &err), 0);
	CU_ASSERT_EQUAL(b, ITSMA_BASIS_GOOD_PRACTICE);
	CU_ASSERT_EQUAL(itsma_basis_parse(&b, "Standard", &err), ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "standard or good-practice"));
	CU_ASSERT_EQUAL(itsma_basis_parse(&b, "", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_basis_parse(&b, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(b, ITSMA_BASIS_GOOD_PRACTICE);
}

static void test_catalogue__build_basis_item_verify_and_retired(void)
{
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_section_spec ss = ITSMA_SECTION_SPEC_INIT;
	itsma_requirement_spec rs = ITSMA_REQUIREMENT_SPEC_INIT;
	const itsma_requirement *r = NULL;
	char *out = NULL;

	ASSERT_OK(itsma_catalogue_new(&c, "t", "T", ASSERT_ERR));
	ss.id = "5";
	ss.title = "Leadership";
	ASSERT_OK(itsma_catalogue_add_section(NULL, c, NULL, &ss, ASSERT_ERR));
	/* a good-practice shall is refused, and nothing changes */
	rs.id = "5-01";
	rs.text = "Top management shows commitment.";
	rs.basis = ITSMA_BASIS_GOOD_PRACTICE;
	CU_ASSERT_EQUAL(
	    itsma_catalogue_add_requirement(&r, c, itsma_catalogue_find_section(c, "5"), &rs, &err),
	    ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "good-practice"));
	CU_ASSERT_EQUAL(itsma_catalogue_requirement_count(c), 0);
	rs.basis = (itsma_basis)9;
	CU_ASSERT_EQUAL(
	    itsma_catalogue_add_requirement(&r, c, itsma_catalogue_find_section(c, "5"), &rs, &err),
	    ITSMA_EINVAL);
	rs.basis = ITSMA_BASIS_STANDARD;
	rs.item = "";
	CU_ASSERT_EQUAL(
	    itsma_catalogue_add_requirement(&r, c, itsma_catalogue_find_section(c, "5"), &rs, &err),
	    ITSMA_EINVAL);
	rs.item = "a)";
	rs.verify = "";
	CU_ASSERT_EQUAL(
	    itsma_catalogue_add_requirement(&r, c, itsma_catalogue_find_section(c, "5"), &rs, &err),
	    ITSMA_EINVAL);
	rs.verify = "Interview top management; minutes show the commitments.";
	ASSERT_OK(itsma_catalogue_add_requirement(&r, c, itsma_catalogue_find_section(c, "5"), &rs,
	                                          ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_requirement_basis(r), ITSMA_BASIS_STANDARD);
	CU_ASSERT_STRING_EQUAL(itsma_requirement_item(r), "a)");
	CU_ASSERT_STRING_EQUAL(itsma_requirement_verify(r), rs.verify);
	/* version 1 of the spec has no item, basis or verify: they are not read */
	rs.version = 1;
	rs.id = "5-02";
	rs.text = "Another.";
	ASSERT_OK(itsma_catalogue_add_requirement(&r, c, itsma_catalogue_find_section(c, "5"), &rs,
	                                          ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_requirement_basis(r), ITSMA_BASIS_UNSPECIFIED);
	CU_ASSERT_PTR_NULL(itsma_requirement_item(r));
	CU_ASSERT_PTR_NULL(itsma_requirement_verify(r));
	rs.version = 3;
	rs.id = "5-03";
	CU_ASSERT_EQUAL(
	    itsma_catalogue_add_requirement(&r, c, itsma_catalogue_find_section(c, "5"), &rs, &err),
	    ITSMA_EINVAL);
	rs.version = ITSMA_REQUIREMENT_SPEC_VERSION;

	/* revision and retired ids */
	CU_ASSERT_EQUAL(itsma_catalogue_set_revision(c, -1, &err), ITSMA_EINVAL);
	ASSERT_OK(itsma_catalogue_set_revision(c, 2, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_catalogue_add_retired(c, "5-01", 2, "Split.", &err), ITSMA_EEXISTS);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "requirement still uses it"));
	CU_ASSERT_EQUAL(itsma_catalogue_add_retired(c, "5", 2, "Gone.", &err), ITSMA_EEXISTS);
	CU_ASSERT_EQUAL(itsma_catalogue_add_retired(c, "5-09", 3, "Later.", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_add_retired(c, "5-09", 0, "Never.", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_add_retired(c, "5-09", 1, "", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_add_retired(c, "bad id", 1, "x", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_add_retired(NULL, "5-09", 1, "x", &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_retired_count(c), 0);
	ASSERT_OK(itsma_catalogue_add_retired(c, "5-09", 2, "Not an obligation of clause 5.",
	                                      ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_catalogue_add_retired(c, "5-09", 2, "Again.", &err), ITSMA_EEXISTS);
	/* a retired id can never be used again, by a requirement or a section */
	rs.id = "5-09";
	CU_ASSERT_EQUAL(
	    itsma_catalogue_add_requirement(&r, c, itsma_catalogue_find_section(c, "5"), &rs, &err),
	    ITSMA_EEXISTS);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "retired"));
	ss.id = "5-09";
	CU_ASSERT_EQUAL(itsma_catalogue_add_section(NULL, c, NULL, &ss, &err), ITSMA_EEXISTS);
	/* the revision cannot fall below one that retired an id */
	CU_ASSERT_EQUAL(itsma_catalogue_set_revision(c, 1, &err), ITSMA_EINVAL);
	ASSERT_OK(itsma_catalogue_set_revision(c, 3, ASSERT_ERR));
	ASSERT_OK(itsma_catalogue_to_json(&out, c, ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"title\": \"T\",\n  \"revision\": 3,"));
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(out, "\"id\": \"5-01\",\n          \"item\": \"a)\",\n          \"text\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"basis\": \"standard\",\n          \"verify\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(
	    out, "],\n  \"retired\": [\n    {\n      \"id\": \"5-09\",\n      \"revision\": 2,"));
	itsma_free(out);
	itsma_catalogue_free(c);
}

/* The effective weights are the gains of an assessment with nothing rated, divided by 100. */
static void check_weights_are_gains(itsma_catalogue *c)
{
	itsma_assessment *a = NULL;
	itsma_result *res = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	size_t n = itsma_catalogue_requirement_count(c), i;
	double *w = malloc((n + 1) * sizeof *w), sum = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(w);
	ASSERT_OK(itsma_catalogue_effective_weights(w, n, c, ASSERT_ERR));
	ASSERT_OK(itsma_assessment_new(&a, c, "empty", "2026-01-01", ASSERT_ERR));
	ASSERT_OK(itsma_score(&res, a, NULL, ASSERT_ERR));
	for (i = 0; i < n; i++) {
		const itsma_requirement_result *q = itsma_result_requirement_at(res, i);
		CU_ASSERT(fabs(itsma_requirement_result_gain(q) - 100 * w[i]) < 1e-9);
		sum += w[i];
	}
	CU_ASSERT(fabs(sum - 1) < 1e-9);
	CU_ASSERT_EQUAL(itsma_catalogue_effective_weights(w, n ? n - 1 : 0, c, &err),
	                n ? ITSMA_EINVAL : 0);
	CU_ASSERT_EQUAL(itsma_catalogue_effective_weights(NULL, n, c, &err), n ? ITSMA_EINVAL : 0);
	itsma_result_free(res);
	itsma_assessment_free(a);
	free(w);
}

static void test_catalogue__effective_weights(void)
{
	itsma_catalogue *c = load_v2();
	double w[4];
	itsma_error err = ITSMA_ERROR_INIT;
	size_t i;
	ASSERT_OK(itsma_catalogue_effective_weights(w, 4, c, ASSERT_ERR));
	/* 4 weighs 1 of 3.25, 8 weighs 2.25; inside 8.1 the shalls weigh 1 and the should 0.25 */
	ASSERT_NEAR(w[0], 1 / 3.25);
	ASSERT_NEAR(w[1], 1 / 3.25);
	ASSERT_NEAR(w[2], 1 / 3.25);
	ASSERT_NEAR(w[3], 0.25 / 3.25);
	check_weights_are_gains(c);
	itsma_catalogue_free(c);
	c = load_small();
	check_weights_are_gains(c);
	itsma_catalogue_free(c);
	for (i = 0; i < itsma_catalogue_builtin_count(); i++) {
		ASSERT_OK(itsma_catalogue_builtin(&c, itsma_catalogue_builtin_id(i), ASSERT_ERR));
		check_weights_are_gains(c);
		itsma_catalogue_free(c);
	}
	/* a section with nothing beneath it does not count; all-zero siblings share equally */
	{
		itsma_section_spec ss = ITSMA_SECTION_SPEC_INIT;
		itsma_requirement_spec rs = ITSMA_REQUIREMENT_SPEC_INIT;
		ASSERT_OK(itsma_catalogue_new(&c, "t", "T", ASSERT_ERR));
		ss.id = "a";
		ss.title = "A";
		ss.weight = 5;
		ASSERT_OK(itsma_catalogue_add_section(NULL, c, NULL, &ss, ASSERT_ERR));
		ss.id = "empty";
		ss.weight = 100;
		ASSERT_OK(itsma_catalogue_add_section(NULL, c, NULL, &ss, ASSERT_ERR));
		rs.weight = 0;
		rs.id = "a-01";
		rs.text = "One.";
		ASSERT_OK(itsma_catalogue_add_requirement(
		    NULL, c, itsma_catalogue_find_section(c, "a"), &rs, ASSERT_ERR));
		rs.id = "a-02";
		rs.text = "Two.";
		ASSERT_OK(itsma_catalogue_add_requirement(
		    NULL, c, itsma_catalogue_find_section(c, "a"), &rs, ASSERT_ERR));
		ASSERT_OK(itsma_catalogue_effective_weights(w, 2, c, ASSERT_ERR));
		ASSERT_NEAR(w[0], 0.5);
		ASSERT_NEAR(w[1], 0.5);
		check_weights_are_gains(c);
		itsma_catalogue_free(c);
	}
	ASSERT_OK(itsma_catalogue_new(&c, "t", "T", ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_catalogue_effective_weights(NULL, 0, c, &err), 0);
	itsma_catalogue_free(c);
	CU_ASSERT_EQUAL(itsma_catalogue_effective_weights(w, 4, NULL, &err), ITSMA_EINVAL);
}

/* A catalogue `id`: process "P" holding requirement "P-1", then group "G" holding "G-0". */
static itsma_catalogue *tiny(const char *id)
{
	itsma_catalogue *c = NULL;
	itsma_section_spec s = ITSMA_SECTION_SPEC_INIT;
	itsma_requirement_spec r = ITSMA_REQUIREMENT_SPEC_INIT;
	const itsma_section *p = NULL;
	ASSERT_OK(itsma_catalogue_new(&c, id, "Tiny", ASSERT_ERR));
	s.id = "P";
	s.title = "A process";
	s.kind = ITSMA_SECTION_KIND_PROCESS;
	ASSERT_OK(itsma_catalogue_add_section(&p, c, NULL, &s, ASSERT_ERR));
	r.id = "P-1";
	r.text = "Something is done.";
	ASSERT_OK(itsma_catalogue_add_requirement(NULL, c, p, &r, ASSERT_ERR));
	s.id = "G";
	s.title = "A group";
	s.kind = ITSMA_SECTION_KIND_GROUP;
	ASSERT_OK(itsma_catalogue_add_section(&p, c, NULL, &s, ASSERT_ERR));
	r.id = "G-0";
	ASSERT_OK(itsma_catalogue_add_requirement(NULL, c, p, &r, ASSERT_ERR));
	return c;
}

/* Fill an error with stale details, as a failed earlier call would leave it. */
static void stale(itsma_error *e)
{
	e->code = ITSMA_ESCHEMA;
	e->line = 3;
	snprintf(e->message, sizeof e->message, "stale");
}

/* One setter per property, each with its own check; a refused value changes nothing. */
static void test_catalogue__typed_setters(void)
{
	static int (*const optional[])(itsma_catalogue *, const char *, itsma_error *) = {
		itsma_catalogue_set_version, itsma_catalogue_set_publisher,
		itsma_catalogue_set_description, itsma_catalogue_set_source
	};
	static const char *(*const getters[])(
	    const itsma_catalogue *) = { itsma_catalogue_version, itsma_catalogue_publisher,
		                         itsma_catalogue_description, itsma_catalogue_source };
	itsma_catalogue *c = tiny("typed"), *back = NULL;
	itsma_error e = ITSMA_ERROR_INIT;
	char *json = NULL;
	size_t i;

	for (i = 0; i < 4; i++) {
		CU_ASSERT_PTR_NULL(getters[i](c));
		stale(&e);
		CU_ASSERT_EQUAL(optional[i](c, "Set", &e), 0);
		CU_ASSERT_EQUAL(e.code, ITSMA_OK); /* reset on entry */
		CU_ASSERT_STRING_EQUAL(e.message, "");
		CU_ASSERT_STRING_EQUAL(getters[i](c), "Set");
		/* an empty text is refused (loading refuses it too), the value stays */
		CU_ASSERT_EQUAL(optional[i](c, "", &e), ITSMA_EINVAL);
		CU_ASSERT_EQUAL(e.code, ITSMA_EINVAL);
		CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "non-empty"));
		CU_ASSERT_STRING_EQUAL(getters[i](c), "Set");
		CU_ASSERT_EQUAL(optional[i](NULL, "x", &e), ITSMA_EINVAL);
		CU_ASSERT_EQUAL(optional[i](c, "Kept", NULL), 0); /* err may be NULL */
	}
	/* every property set this way survives a save and a load */
	ASSERT_OK(itsma_catalogue_set_title(c, "Typed", ASSERT_ERR));
	ASSERT_OK(itsma_catalogue_to_json(&json, c, ASSERT_ERR));
	ASSERT_OK(
	    itsma_catalogue_load_buffer(&back, json, strlen(json), "typed", NULL, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(itsma_catalogue_title(back), "Typed");
	for (i = 0; i < 4; i++)
		CU_ASSERT_STRING_EQUAL(getters[i](back), "Kept");
	itsma_free(json);
	itsma_catalogue_free(back);
	/* NULL removes an optional text */
	for (i = 0; i < 4; i++) {
		CU_ASSERT_EQUAL(optional[i](c, NULL, &e), 0);
		CU_ASSERT_PTR_NULL(getters[i](c));
	}
	/* the title is required: NULL and "" are refused */
	CU_ASSERT_EQUAL(itsma_catalogue_set_title(c, NULL, &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_set_title(c, "", &e), ITSMA_EINVAL);
	CU_ASSERT_STRING_EQUAL(itsma_catalogue_title(c), "Typed");
	CU_ASSERT_EQUAL(itsma_catalogue_set_title(NULL, "x", &e), ITSMA_EINVAL);
	itsma_catalogue_free(c);
}

/* Builders take the sections the catalogue gave; one of another catalogue, even with the
 * same id, is refused and changes nothing. */
static void test_catalogue__builders_take_sections_of_their_catalogue(void)
{
	itsma_catalogue *c = tiny("one"), *other = tiny("two");
	const itsma_section *mine = itsma_catalogue_find_section(c, "G");
	const itsma_section *theirs = itsma_catalogue_find_section(other, "G");
	const itsma_section *sub = NULL;
	const itsma_requirement *r = NULL;
	itsma_section_spec s = ITSMA_SECTION_SPEC_INIT;
	itsma_requirement_spec q = ITSMA_REQUIREMENT_SPEC_INIT;
	itsma_error e = ITSMA_ERROR_INIT;
	char *before = NULL, *after = NULL;

	ASSERT_OK(itsma_catalogue_put_guidance_source(c, "itil4", "ITIL 4", ASSERT_ERR));
	ASSERT_OK(itsma_catalogue_put_guidance_source(other, "itil4", "ITIL 4", ASSERT_ERR));
	ASSERT_OK(itsma_catalogue_to_json(&before, c, ASSERT_ERR));
	s.id = "G.1";
	s.title = "Sub";
	q.id = "G-1";
	q.text = "Done.";
	CU_ASSERT_EQUAL(itsma_catalogue_add_section(&sub, c, theirs, &s, &e), ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "not a section of catalogue \"one\""));
	CU_ASSERT_PTR_NULL(sub);
	CU_ASSERT_EQUAL(itsma_catalogue_add_requirement(&r, c, theirs, &q, &e), ITSMA_EINVAL);
	CU_ASSERT_PTR_NULL(r);
	CU_ASSERT_EQUAL(itsma_catalogue_add_requirement(&r, c, NULL, &q, &e), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_add_guidance(c, theirs, "itil4", "Incidents", &e),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_add_guidance(c, NULL, "itil4", "Incidents", &e),
	                ITSMA_EINVAL);
	ASSERT_OK(itsma_catalogue_to_json(&after, c, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(before, after);
	CU_ASSERT_EQUAL(itsma_catalogue_section_count(other), 2); /* theirs is untouched too */
	CU_ASSERT_EQUAL(itsma_section_guidance_count(theirs, "itil4"), 0);
	itsma_free(before);
	itsma_free(after);

	/* the catalogue's own: from the builder or from a getter */
	ASSERT_OK(itsma_catalogue_add_section(&sub, c, mine, &s, ASSERT_ERR));
	CU_ASSERT_PTR_EQUAL(itsma_section_parent(sub), mine);
	ASSERT_OK(itsma_catalogue_add_requirement(&r, c, sub, &q, ASSERT_ERR));
	CU_ASSERT_PTR_EQUAL(itsma_requirement_section(r), sub);
	ASSERT_OK(itsma_catalogue_add_guidance(c, sub, "itil4", "Incidents", ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(itsma_section_guidance_at(sub, "itil4", 0), "Incidents");
	/* a section added before others (renumbering) is still accepted afterwards */
	s.id = "P.1";
	ASSERT_OK(itsma_catalogue_add_section(NULL, c, itsma_catalogue_find_section(c, "P"), &s,
	                                      ASSERT_ERR));
	ASSERT_OK(itsma_catalogue_add_guidance(c, sub, "itil4", "Problems", ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_section_guidance_count(sub, "itil4"), 2);
	itsma_catalogue_free(other);
	itsma_catalogue_free(c);
}

/* Generic practices take and give an itsma_attribute. */
static void test_catalogue__generic_practice_attributes(void)
{
	itsma_catalogue *c = tiny("gp"), *back = NULL;
	itsma_error e = ITSMA_ERROR_INIT;
	char *json = NULL;
	static const char bad[] =
	    "{\"format\": \"itsma-catalogue/1\", \"id\": \"x\", \"title\": \"X\",\n"
	    " \"generic_practices\": [{\"attribute\": \"PA9.9\", \"id\": \"GP\", \"text\": "
	    "\"t\"}],\n"
	    " \"sections\": [{\"id\": \"S\", \"title\": \"S\", \"requirements\": [{\"id\": "
	    "\"S-1\", \"text\": \"t\"}]}]}";

	ASSERT_OK(itsma_catalogue_add_generic_practice(c, ITSMA_PA4_2, "GP4.2.1", "Controlled.",
	                                               ASSERT_ERR));
	ASSERT_OK(itsma_catalogue_add_generic_practice(c, ITSMA_PA2_1, "GP2.1.1", "Planned.",
	                                               ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_catalogue_generic_practice_attribute(c, 0), ITSMA_PA4_2);
	CU_ASSERT_EQUAL(itsma_catalogue_generic_practice_attribute(c, 1), ITSMA_PA2_1);
	CU_ASSERT_EQUAL(itsma_catalogue_generic_practice_attribute(c, 2), ITSMA_ATTRIBUTE_COUNT);
	CU_ASSERT_EQUAL(itsma_catalogue_add_generic_practice(c, ITSMA_PA1_1, "GP1", "t", &e),
	                ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "PA1.1"));
	CU_ASSERT_EQUAL(
	    itsma_catalogue_add_generic_practice(c, ITSMA_ATTRIBUTE_COUNT, "GP9", "t", &e),
	    ITSMA_EINVAL);
	CU_ASSERT_EQUAL(
	    itsma_catalogue_add_generic_practice(c, (itsma_attribute)-1, "GP9", "t", &e),
	    ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_add_generic_practice(NULL, ITSMA_PA2_1, "GP9", "t", &e),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_add_generic_practice(c, ITSMA_PA2_2, "GP2.1.1", "t", &e),
	                ITSMA_EEXISTS);
	CU_ASSERT_EQUAL(itsma_catalogue_generic_practice_count(c), 2);
	/* written with the attribute's name, and read back */
	ASSERT_OK(itsma_catalogue_to_json(&json, c, ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"attribute\": \"PA4.2\""));
	ASSERT_OK(itsma_catalogue_load_buffer(&back, json, strlen(json), "gp", NULL, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_catalogue_generic_practice_attribute(back, 0), ITSMA_PA4_2);
	itsma_free(json);
	itsma_catalogue_free(back);
	back = NULL;
	/* a loaded document with an unknown attribute is refused where it stands */
	CU_ASSERT_EQUAL(itsma_catalogue_load_buffer(&back, bad, sizeof bad - 1, "bad", NULL, &e),
	                ITSMA_ESCHEMA);
	CU_ASSERT_STRING_EQUAL(e.pointer, "/generic_practices/0/attribute");
	CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "PA9.9"));
	CU_ASSERT_PTR_NULL(back);
	itsma_catalogue_free(c);
}

static const itsma_test_case cases[] = {
	{ "load_file_properties", test_catalogue__load_file_properties },
	{ "walk_tree_in_catalogue_order", test_catalogue__walk_tree_in_catalogue_order },
	{ "requirements_know_section_and_process",
	  test_catalogue__requirements_know_section_and_process },
	{ "round_trip_is_byte_identical_and_keeps_extensions",
	  test_catalogue__round_trip_is_byte_identical_and_keeps_extensions },
	{ "extension_numbers_keep_their_text", test_catalogue__extension_numbers_keep_their_text },
	{ "builtins_are_listed_loadable_and_identical_when_saved",
	  test_catalogue__builtins_are_listed_loadable_and_identical_when_saved },
	{ "build_in_code", test_catalogue__build_in_code },
	{ "typed_setters", test_catalogue__typed_setters },
	{ "builders_take_sections_of_their_catalogue",
	  test_catalogue__builders_take_sections_of_their_catalogue },
	{ "generic_practice_attributes", test_catalogue__generic_practice_attributes },
	{ "save_file_is_atomic", test_catalogue__save_file_is_atomic },
	{ "limits", test_catalogue__limits },
	{ "id_rules", test_catalogue__id_rules },
	{ "basis_item_verify_revision_and_retired",
	  test_catalogue__basis_item_verify_revision_and_retired },
	{ "basis_names", test_catalogue__basis_names },
	{ "build_basis_item_verify_and_retired",
	  test_catalogue__build_basis_item_verify_and_retired },
	{ "effective_weights", test_catalogue__effective_weights },
	{ NULL, NULL }
};

ITSMA_TEST_MAIN("catalogue", cases)
