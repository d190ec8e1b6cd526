/* SPDX-License-Identifier: Apache-2.0 */
/* Mapping sets: the itsma-mapping/1 loader and its every validation error, saving, the
 * builder, built-ins, carrying an assessment (weakest link, partial cover, evidence,
 * provenance, merge, attributes) and the transition report. */
#include "harness.h"
#include "itsma/mapping.h"

#define DATA ITSMA_TEST_DATA "/mapping/"

static itsma_catalogue *load_cat(const char *name)
{
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	char path[512];
	snprintf(path, sizeof path, DATA "%s", name);
	if (itsma_catalogue_load_file(&c, path, NULL, &err) < 0)
		fprintf(stderr, "%s: %s\n", path, err.message);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	return c;
}

typedef struct fixture {
	itsma_catalogue *old_cat, *new_cat;
	itsma_mapping_catalogues cats;
	char *mapping_text;
	size_t mapping_len;
} fixture;

static void fixture_open(fixture *f)
{
	itsma_mapping_catalogues init = ITSMA_MAPPING_CATALOGUES_INIT;
	f->old_cat = load_cat("old-catalogue.json");
	f->new_cat = load_cat("new-catalogue.json");
	f->cats = init;
	f->cats.source = f->old_cat;
	f->cats.target = f->new_cat;
	f->mapping_text = itsma_test_slurp(DATA "mapping.json", &f->mapping_len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f->mapping_text);
}

static void fixture_close(fixture *f)
{
	free(f->mapping_text);
	itsma_catalogue_free(f->old_cat);
	itsma_catalogue_free(f->new_cat);
}

/* ---- loading --------------------------------------------------------------------------------- */

static void test_load_and_accessors(void)
{
	fixture f;
	itsma_mapping *m = NULL;
	const itsma_map *map;
	fixture_open(&f);
	ASSERT_OK(itsma_mapping_load_buffer(&m, f.mapping_text, f.mapping_len, "mapping.json",
	                                    &f.cats, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(itsma_mapping_id(m), "test:old-to-new");
	CU_ASSERT_STRING_EQUAL(itsma_mapping_title(m), "Old to new (test)");
	CU_ASSERT_STRING_EQUAL(itsma_mapping_source_catalogue(m), "test:old");
	CU_ASSERT_STRING_EQUAL(itsma_mapping_target_catalogue(m), "test:new");
	CU_ASSERT_EQUAL(itsma_mapping_source_revision(m), 1);
	CU_ASSERT_EQUAL(itsma_mapping_method_of(m), ITSMA_MAPPING_METHOD_HUMAN);
	CU_ASSERT_EQUAL(itsma_mapping_rationale_of(m), ITSMA_MAPPING_RATIONALE_SEMANTIC);
	CU_ASSERT_EQUAL(itsma_mapping_status_of(m), ITSMA_MAPPING_STATUS_COMPLETE);
	CU_ASSERT_STRING_EQUAL(itsma_mapping_description(m), "Fixture for the tests.");
	CU_ASSERT_STRING_EQUAL(itsma_mapping_origin(m), "mapping.json");
	CU_ASSERT_EQUAL(itsma_mapping_map_count(m), 10);
	map = itsma_mapping_map_at(m, 4);
	CU_ASSERT_EQUAL(itsma_map_relationship(map), ITSMA_RELATIONSHIP_SUPERSET_OF);
	CU_ASSERT_EQUAL(itsma_map_source_count(map), 2);
	CU_ASSERT_STRING_EQUAL(itsma_map_source_at(map, 1), "P-03");
	CU_ASSERT_STRING_EQUAL(itsma_map_target_at(map, 0), "Q-02");
	CU_ASSERT_PTR_NULL(itsma_map_target_at(map, 1));
	CU_ASSERT_EQUAL(itsma_map_index(map), 4);
	map = itsma_mapping_map_at(m, 5);
	CU_ASSERT_EQUAL(itsma_map_relationship(map), ITSMA_RELATIONSHIP_NO_RELATIONSHIP);
	CU_ASSERT_EQUAL(itsma_map_target_count(map), 0);
	CU_ASSERT_STRING_EQUAL(itsma_map_note(map), "Not required any more.");
	CU_ASSERT_EQUAL(itsma_map_confidence(itsma_mapping_map_at(m, 0)), ITSMA_CONFIDENCE_HIGH);
	CU_ASSERT_EQUAL(itsma_map_confidence(itsma_mapping_map_at(m, 1)), ITSMA_CONFIDENCE_NONE);
	CU_ASSERT_PTR_NULL(itsma_mapping_map_at(m, 10));
	itsma_mapping_free(m);
	fixture_close(&f);
}

static void test_save_roundtrip(void)
{
	fixture f;
	itsma_mapping *m = NULL, *again = NULL;
	char *one = NULL, *two = NULL;
	fixture_open(&f);
	ASSERT_OK(itsma_mapping_load_buffer(&m, f.mapping_text, f.mapping_len, NULL, &f.cats,
	                                    ASSERT_ERR));
	ASSERT_OK(itsma_mapping_to_json(&one, m, ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL(strstr(one, "\"x-tool\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(one, "\"x-reviewed\": \"2026-12-01\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(one, "\"sources\": [\"P-02\", \"P-03\"]"));
	ASSERT_OK(itsma_mapping_load_buffer(&again, one, strlen(one), NULL, &f.cats, ASSERT_ERR));
	ASSERT_OK(itsma_mapping_to_json(&two, again, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(one, two);
	itsma_free(one);
	itsma_free(two);
	itsma_mapping_free(m);
	itsma_mapping_free(again);
	fixture_close(&f);
}

/* Replace the first `from` by `to` in the fixture text. */
static char *edit(const fixture *f, const char *from, const char *to)
{
	const char *at = strstr(f->mapping_text, from);
	size_t n;
	char *out;
	CU_ASSERT_PTR_NOT_NULL_FATAL(at);
	n = f->mapping_len - strlen(from) + strlen(to);
	out = malloc(n + 1);
	memcpy(out, f->mapping_text, (size_t)(at - f->mapping_text));
	strcpy(out + (at - f->mapping_text), to);
	strcat(out, at + strlen(from));
	return out;
}

typedef struct bad_case {
	const char *from, *to;
	int code;
	const char *pointer;
	const char *words; /* part of the message */
} bad_case;

static void test_every_validation_error(void)
{
	static const bad_case cases[] = {
		{ "\"itsma-mapping/1\"", "\"itsma-mapping/2\"", ITSMA_ESCHEMA, "/format",
		  "itsma-mapping/1" },
		{ "\"title\": \"Old", "\"titel\": \"Old", ITSMA_ESCHEMA, "/titel", "unknown key" },
		{ "\"id\": \"test:old-to-new\"", "\"id\": \"bad id\"", ITSMA_ESCHEMA, "/id", "" },
		{ "\"source\": {", "\"src\": {", ITSMA_ESCHEMA, "/src", "unknown key" },
		{ "\"revision\": 1", "\"revision\": \"1\"", ITSMA_ESCHEMA, "/source/revision",
		  "integer" },
		{ "\"revision\": 1", "\"revision\": 0", ITSMA_ESCHEMA, "/source/revision", ">= 1" },
		{ "\"revision\": 1", "\"revision\": 1.5", ITSMA_ESCHEMA, "/source/revision",
		  "integer" },
		{ "\"catalogue\": \"test:old\"", "\"catalogue\": \"test:old\", \"edition\": 1",
		  ITSMA_ESCHEMA, "/source/edition", "unknown key" },
		{ "\"method\": \"human\"", "\"method\": \"magic\"", ITSMA_ESCHEMA,
		  "/provenance/method", "\"human\", \"automation\" or \"hybrid\"" },
		{ "\"rationale\": \"semantic\"", "\"rationale\": \"gut\"", ITSMA_ESCHEMA,
		  "/provenance/rationale", "semantic" },
		{ "\"status\": \"complete\"", "\"status\": \"done\"", ITSMA_ESCHEMA,
		  "/provenance/status", "draft" },
		{ "\"status\": \"complete\",", "", ITSMA_ESCHEMA, "/provenance", "status" },
		{ "\"relationship\": \"equal-to\"", "\"relationship\": \"same-as\"", ITSMA_ESCHEMA,
		  "/maps/0/relationship", "intersects-with" },
		{ "\"sources\": [\n        \"A-01\"\n      ]", "\"sources\": []", ITSMA_ESCHEMA,
		  "/maps/0/sources", "at least one source" },
		{ "\"targets\": [\n        \"M-01\"\n      ],", "", ITSMA_ESCHEMA, "/maps/0",
		  "at least one target" },
		{ "\"targets\": [\n        \"M-01\"\n      ]", "\"targets\": [\"M-01\", \"M-01\"]",
		  ITSMA_ESCHEMA, "/maps/0/targets/1", "more than once" },
		{ "\"confidence\": \"high\"", "\"confidence\": \"certain\"", ITSMA_ESCHEMA,
		  "/maps/0/confidence", "\"high\", \"medium\" or \"low\"" },
		{ "\"confidence\": \"high\"", "\"confidence\": \"high\", \"weight\": 2",
		  ITSMA_ESCHEMA, "/maps/0/weight", "unknown key" },
		{ "\"note\": \"Not required any more.\"", "\"note\": \"\"", ITSMA_ESCHEMA,
		  "/maps/5/note", "" },
		{ "\"sources\": [\n        \"A-01\"\n      ]", "\"sources\": [\"A-99\"]",
		  ITSMA_ESCHEMA, "/maps/0/sources/0",
		  "catalogue \"test:old\" has no requirement or section \"A-99\"" },
		{ "\"targets\": [\n        \"Q-03\"\n      ]", "\"targets\": [\"Q-03\", \"Z-1\"]",
		  ITSMA_ESCHEMA, "/maps/7/targets/1",
		  "catalogue \"test:new\" has no requirement or section \"Z-1\"" },
		{ "\"sources\": [\n        \"P-04\"\n      ],\n      \"targets\": [\n        "
		  "\"Q-03\"\n "
		  "     ]",
		  "\"sources\": [\"P-01\"], \"targets\": [\"Q-01\"]", ITSMA_ESCHEMA, "/maps/7",
		  "already mapped at /maps/3" },
		{ "\"catalogue\": \"test:new\"", "\"catalogue\": \"test:newer\"", ITSMA_ESCHEMA,
		  "/target/catalogue", "not \"test:new\"" },
		{ "\"revision\": 1\n  },\n  \"provenance\"",
		  "\"revision\": 2\n  },\n  \"provenance\"", ITSMA_ESCHEMA, "/target/revision",
		  "revision 2" },
		{ "\"maps\": [", "\"maps\": [,", ITSMA_EPARSE, "", "" },
		{ "\"maps\": [", "\"mapz\": [", ITSMA_ESCHEMA, "/mapz", "unknown key" },
	};
	fixture f;
	size_t i;
	fixture_open(&f);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		itsma_mapping *m = NULL;
		itsma_error err = ITSMA_ERROR_INIT;
		char *text = edit(&f, cases[i].from, cases[i].to);
		int rc = itsma_mapping_load_buffer(&m, text, strlen(text), "m.json", &f.cats, &err);
		if (rc != cases[i].code || strcmp(err.pointer, cases[i].pointer) != 0 ||
		    !strstr(err.message, cases[i].words) || err.line == 0)
			fprintf(stderr, "\ncase %zu: got %s %s:%d:%d: %s: %s\n", i,
			        itsma_error_code_name(rc), err.source, err.line, err.column,
			        err.pointer, err.message);
		CU_ASSERT_EQUAL(rc, cases[i].code);
		CU_ASSERT_STRING_EQUAL(err.pointer, cases[i].pointer);
		CU_ASSERT_PTR_NOT_NULL(strstr(err.message, cases[i].words));
		CU_ASSERT(err.line > 0 && err.column > 0);
		CU_ASSERT_STRING_EQUAL(err.source, "m.json");
		CU_ASSERT_PTR_NULL(m);
		free(text);
	}
	fixture_close(&f);
}

typedef struct seen {
	int count;
	char pointers[8][ITSMA_ERROR_POINTER_LENGTH];
	int lines[8];
} seen;

static int collect(const itsma_error *problem, void *payload)
{
	seen *s = payload;
	if (s->count < 8) {
		snprintf(s->pointers[s->count], ITSMA_ERROR_POINTER_LENGTH, "%s", problem->pointer);
		s->lines[s->count] = problem->line;
	}
	s->count++;
	return 0;
}

static int stop_at_first(const itsma_error *problem, void *payload)
{
	(void)problem;
	(*(int *)payload)++;
	return 7;
}

static void test_validate_reports_every_problem(void)
{
	fixture f;
	seen s;
	itsma_error err = ITSMA_ERROR_INIT;
	char *a, *b, *c;
	int calls = 0;
	fixture_open(&f);
	memset(&s, 0, sizeof s);
	a = edit(&f, "\"relationship\": \"equal-to\"", "\"relationship\": \"same-as\"");
	free(f.mapping_text);
	f.mapping_text = a;
	f.mapping_len = strlen(a);
	b = edit(&f, "\"sources\": [\n        \"P-01\"\n      ]", "\"sources\": [\"P-99\"]");
	free(f.mapping_text);
	f.mapping_text = b;
	f.mapping_len = strlen(b);
	c = edit(&f, "\"targets\": [\n        \"M-04\"\n      ]", "\"targets\": [\"M-99\"]");
	CU_ASSERT_EQUAL(
	    itsma_mapping_validate_buffer(c, strlen(c), "v.json", &f.cats, collect, &s, &err),
	    ITSMA_ESCHEMA);
	CU_ASSERT_EQUAL(s.count, 3);
	CU_ASSERT_STRING_EQUAL(s.pointers[0], "/maps/0/relationship");
	CU_ASSERT_STRING_EQUAL(s.pointers[1], "/maps/3/sources/0");
	CU_ASSERT_STRING_EQUAL(s.pointers[2], "/maps/8/targets/0");
	CU_ASSERT(s.lines[0] > 0 && s.lines[1] > s.lines[0] && s.lines[2] > s.lines[1]);
	CU_ASSERT_STRING_EQUAL(err.pointer, "/maps/0/relationship");
	/* the callback's non-zero value stops the run */
	CU_ASSERT_EQUAL(itsma_mapping_validate_buffer(c, strlen(c), "v.json", &f.cats,
	                                              stop_at_first, &calls, NULL),
	                7);
	CU_ASSERT_EQUAL(calls, 1);
	/* a valid document */
	CU_ASSERT_EQUAL(
	    itsma_mapping_validate_file(DATA "mapping.json", &f.cats, collect, &s, NULL), 0);
	/* an unreadable file is one problem */
	s.count = 0;
	CU_ASSERT_EQUAL(
	    itsma_mapping_validate_file(DATA "no-such.json", &f.cats, collect, &s, NULL),
	    ITSMA_EIO);
	CU_ASSERT_EQUAL(s.count, 1);
	free(c);
	fixture_close(&f);
}

static int resolve_none(const itsma_catalogue **out, const char *id, void *payload)
{
	(void)id;
	(void)payload;
	*out = NULL;
	return ITSMA_ENOTFOUND;
}

/* The resolver hands out catalogues it keeps (Borrowed), here two loaded beforehand. */
static int resolve_dir(const itsma_catalogue **out, const char *id, void *payload)
{
	itsma_catalogue *const *cats = payload;
	*out = strcmp(id, "test:old") == 0 ? cats[0] : strcmp(id, "test:new") == 0 ? cats[1] : NULL;
	return *out ? 0 : ITSMA_ENOTFOUND;
}

static void test_resolvers(void)
{
	fixture f;
	itsma_mapping *m = NULL;
	itsma_mapping_catalogues cats = ITSMA_MAPPING_CATALOGUES_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *loaded[2] = { NULL, NULL };
	fixture_open(&f);
	ASSERT_OK(
	    itsma_catalogue_load_file(&loaded[0], DATA "old-catalogue.json", NULL, ASSERT_ERR));
	ASSERT_OK(
	    itsma_catalogue_load_file(&loaded[1], DATA "new-catalogue.json", NULL, ASSERT_ERR));
	cats.resolve = resolve_dir;
	cats.payload = loaded;
	ASSERT_OK(
	    itsma_mapping_load_buffer(&m, f.mapping_text, f.mapping_len, NULL, &cats, ASSERT_ERR));
	itsma_mapping_free(m);
	/* a resolver that knows nothing falls back to the built-ins, which have no "test:old" */
	cats.resolve = resolve_none;
	CU_ASSERT_EQUAL(
	    itsma_mapping_load_buffer(&m, f.mapping_text, f.mapping_len, NULL, &cats, &err),
	    ITSMA_ENOTFOUND);
	CU_ASSERT_STRING_EQUAL(err.pointer, "/source/catalogue");
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "test:old"));
	/* no resolver: the built-in catalogues */
	CU_ASSERT_EQUAL(
	    itsma_mapping_load_buffer(&m, f.mapping_text, f.mapping_len, NULL, NULL, &err),
	    ITSMA_ENOTFOUND);
	CU_ASSERT_PTR_NULL(m);
	itsma_catalogue_free(loaded[0]);
	itsma_catalogue_free(loaded[1]);
	fixture_close(&f);
}

static void test_builder(void)
{
	itsma_mapping *m = NULL;
	itsma_map_spec spec = ITSMA_MAP_SPEC_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	const itsma_map *map = NULL;
	const char *src[] = { "A-01" }, *tgt[] = { "M-01", "M-02" },
	           *tgt_rev[] = { "M-02", "M-01" };
	const char *twice[] = { "A-01", "A-01" };
	char *json = NULL;
	itsma_relationship rel;

	CU_ASSERT_EQUAL(itsma_mapping_new(&m, "bad id", "a", 1, "b", 1, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_mapping_new(&m, "x", "a", 0, "b", 1, &err), ITSMA_EINVAL);
	ASSERT_OK(itsma_mapping_new(&m, "x", "test:old", 1, "test:new", 1, ASSERT_ERR));
	spec.sources = src;
	spec.source_count = 1;
	spec.targets = tgt;
	spec.target_count = 2;
	spec.note = "one to two";
	ASSERT_OK(itsma_mapping_add_map(&map, m, &spec, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(itsma_map_note(map), "one to two");
	/* the same sets in another order are the same map */
	spec.targets = tgt_rev;
	spec.relationship = ITSMA_RELATIONSHIP_SUBSET_OF;
	CU_ASSERT_EQUAL(itsma_mapping_add_map(&map, m, &spec, &err), ITSMA_EEXISTS);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "/maps/0"));
	spec.sources = twice;
	spec.source_count = 2;
	CU_ASSERT_EQUAL(itsma_mapping_add_map(&map, m, &spec, &err), ITSMA_EINVAL);
	spec.sources = src;
	spec.source_count = 1;
	spec.target_count = 0;
	CU_ASSERT_EQUAL(itsma_mapping_add_map(&map, m, &spec, &err), ITSMA_EINVAL);
	spec.relationship = ITSMA_RELATIONSHIP_NO_RELATIONSHIP;
	spec.note = NULL;
	ASSERT_OK(itsma_mapping_add_map(&map, m, &spec, ASSERT_ERR));
	spec.relationship = (itsma_relationship)42;
	CU_ASSERT_EQUAL(itsma_mapping_add_map(&map, m, &spec, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_mapping_set_provenance(m, ITSMA_MAPPING_METHOD_HYBRID,
	                                             ITSMA_MAPPING_RATIONALE_FUNCTIONAL,
	                                             (itsma_mapping_status)9, &err),
	                ITSMA_EINVAL);
	ASSERT_OK(itsma_mapping_set_provenance(m, ITSMA_MAPPING_METHOD_HYBRID,
	                                       ITSMA_MAPPING_RATIONALE_FUNCTIONAL,
	                                       ITSMA_MAPPING_STATUS_DEPRECATED, ASSERT_ERR));
	ASSERT_OK(itsma_mapping_set_title(m, "Built", ASSERT_ERR));
	ASSERT_OK(itsma_mapping_to_json(&json, m, ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"method\": \"hybrid\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(
	    json, "\"relationship\": \"no-relationship\",\n      \"sources\": [\"A-01\"]\n    }"));
	itsma_free(json);
	CU_ASSERT_EQUAL(itsma_mapping_map_count(m), 2);
	/* vocabulary */
	CU_ASSERT_EQUAL(itsma_relationship_parse(&rel, "intersects-with", NULL), 0);
	CU_ASSERT_EQUAL(rel, ITSMA_RELATIONSHIP_INTERSECTS_WITH);
	CU_ASSERT_EQUAL(itsma_relationship_parse(&rel, "related-to", &err), ITSMA_EINVAL);
	CU_ASSERT_STRING_EQUAL(itsma_relationship_name(ITSMA_RELATIONSHIP_SUPERSET_OF),
	                       "superset-of");
	CU_ASSERT_STRING_EQUAL(itsma_relationship_name((itsma_relationship)99), "");
	CU_ASSERT_STRING_EQUAL(itsma_confidence_name(ITSMA_CONFIDENCE_LOW), "low");
	itsma_mapping_free(m);
}

/* ---- carrying -----------------------------------------------------------------------------------
 */

typedef struct carried_fixture {
	fixture f;
	itsma_mapping *m;
	itsma_assessment *old;
} carried_fixture;

static void carry_open(carried_fixture *c)
{
	fixture_open(&c->f);
	c->m = NULL;
	c->old = NULL;
	ASSERT_OK(itsma_mapping_load_buffer(&c->m, c->f.mapping_text, c->f.mapping_len,
	                                    "mapping.json", &c->f.cats, ASSERT_ERR));
	ASSERT_OK(itsma_assessment_load_file(&c->old, DATA "old-assessment.json", c->f.old_cat,
	                                     NULL, ASSERT_ERR));
}

static void carry_close(carried_fixture *c)
{
	itsma_assessment_free(c->old);
	itsma_mapping_free(c->m);
	fixture_close(&c->f);
}

static const itsma_rating *rating(const itsma_assessment *a, const char *id)
{
	return itsma_assessment_find_rating(a, id);
}

static itsma_carry_status status_of(const itsma_carry_report *r, const char *id)
{
	size_t i;
	for (i = 0; i < itsma_carry_report_target_count(r); i++)
		if (strcmp(itsma_carry_report_target_id(r, i), id) == 0)
			return itsma_carry_report_target_status(r, i);
	CU_FAIL("no such target");
	return ITSMA_CARRY_STATUS_NEW;
}

static void test_carry_rules(void)
{
	carried_fixture c;
	itsma_assessment *out = NULL;
	itsma_carry_report *rep = NULL;
	const itsma_rating *r;
	const itsma_attribute_rating *ar;
	carry_open(&c);
	ASSERT_OK(itsma_assessment_carry(&out, &rep, c.old, c.m, c.f.new_cat, NULL, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(itsma_assessment_id(out), "old-2025");
	CU_ASSERT_STRING_EQUAL(itsma_assessment_date(out), "2025-06-30");
	CU_ASSERT_STRING_EQUAL(itsma_assessment_organisation(out), "Acme");
	CU_ASSERT_PTR_EQUAL(itsma_assessment_catalogue(out), c.f.new_cat);
	/* equal-to: as it was, evidence along, provenance */
	r = rating(out, "M-01");
	CU_ASSERT_EQUAL(itsma_rating_letter(r), ITSMA_LETTER_F);
	CU_ASSERT_EQUAL(itsma_rating_evidence_count(r), 1);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_id(itsma_rating_evidence_at(r, 0)), "e1");
	CU_ASSERT(itsma_rating_is_carried(r));
	CU_ASSERT_STRING_EQUAL(itsma_rating_carried_mapping(r), "test:old-to-new");
	CU_ASSERT_EQUAL(itsma_rating_carried_relationship(r), ITSMA_RELATIONSHIP_EQUAL_TO);
	CU_ASSERT_EQUAL(itsma_rating_carried_review(r), 0);
	CU_ASSERT_EQUAL(itsma_rating_carried_source_count(r), 1);
	CU_ASSERT_STRING_EQUAL(itsma_rating_carried_source_at(r, 0), "A-01");
	CU_ASSERT_EQUAL(status_of(rep, "M-01"), ITSMA_CARRY_STATUS_CARRIED);
	/* only partial cover: the weakest (L of A-03), marked for review */
	r = rating(out, "M-02");
	CU_ASSERT_EQUAL(itsma_rating_letter(r), ITSMA_LETTER_L);
	CU_ASSERT_EQUAL(itsma_rating_carried_review(r), 1);
	CU_ASSERT_EQUAL(itsma_rating_carried_relationship(r), ITSMA_RELATIONSHIP_INTERSECTS_WITH);
	CU_ASSERT_EQUAL(itsma_rating_carried_source_count(r), 2);
	CU_ASSERT_EQUAL(itsma_rating_evidence_count(r), 2);
	CU_ASSERT_STRING_EQUAL(itsma_rating_note(r), "RACI incomplete");
	CU_ASSERT_EQUAL(status_of(rep, "M-02"), ITSMA_CARRY_STATUS_REVIEW);
	/* partial cover of an F: capped below F */
	r = rating(out, "M-04");
	CU_ASSERT_EQUAL(itsma_rating_letter(r), ITSMA_LETTER_L_PLUS);
	CU_ASSERT_EQUAL(itsma_rating_carried_relationship(r), ITSMA_RELATIONSHIP_SUBSET_OF);
	CU_ASSERT_EQUAL(itsma_rating_carried_review(r), 1);
	/* evidence dates and expiry unchanged */
	CU_ASSERT_STRING_EQUAL(itsma_evidence_expires(itsma_rating_evidence_at(r, 0)),
	                       "2026-04-01");
	CU_ASSERT_STRING_EQUAL(itsma_evidence_collected(itsma_rating_evidence_at(r, 0)),
	                       "2025-04-01");
	/* new obligations and mapped-but-unrated stay unassessed */
	CU_ASSERT_PTR_NULL(rating(out, "M-03"));
	CU_ASSERT_EQUAL(status_of(rep, "M-03"), ITSMA_CARRY_STATUS_NEW);
	CU_ASSERT_EQUAL(status_of(rep, "N-01"), ITSMA_CARRY_STATUS_NEW);
	CU_ASSERT_PTR_NULL(rating(out, "Q-03"));
	CU_ASSERT_EQUAL(status_of(rep, "Q-03"), ITSMA_CARRY_STATUS_UNRATED);
	/* equivalent-to and superset-of (n:1): weakest of the fully covering sources */
	CU_ASSERT_EQUAL(itsma_rating_letter(rating(out, "Q-01")), ITSMA_LETTER_L_PLUS);
	r = rating(out, "Q-02");
	CU_ASSERT_EQUAL(itsma_rating_letter(r), ITSMA_LETTER_P);
	CU_ASSERT_EQUAL(itsma_rating_carried_relationship(r), ITSMA_RELATIONSHIP_SUPERSET_OF);
	CU_ASSERT_EQUAL(itsma_rating_carried_review(r), 0);
	CU_ASSERT_STRING_EQUAL(itsma_rating_note(r), "Backlog");
	/* a group section stands for every requirement under it */
	r = rating(out, "G-02");
	CU_ASSERT_EQUAL(itsma_rating_letter(r), ITSMA_LETTER_L);
	CU_ASSERT_EQUAL(itsma_rating_carried_review(r), 1);
	CU_ASSERT_EQUAL(itsma_rating_carried_source_count(r), 3);
	/* a map between processes carries attribute ratings only: S's requirements are new */
	CU_ASSERT_PTR_NULL(rating(out, "S-01"));
	CU_ASSERT_EQUAL(status_of(rep, "S-02"), ITSMA_CARRY_STATUS_NEW);
	/* attributes between processes mapped equivalent-to; P is not mapped as a process */
	ar = itsma_assessment_find_attribute(out, "S", ITSMA_PA2_1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ar);
	CU_ASSERT_EQUAL(itsma_attribute_rating_letter(ar), ITSMA_LETTER_F);
	CU_ASSERT(itsma_attribute_rating_is_carried(ar));
	CU_ASSERT_STRING_EQUAL(itsma_attribute_rating_carried_source_at(ar, 0), "R");
	CU_ASSERT_EQUAL(itsma_attribute_rating_evidence_count(ar), 1);
	CU_ASSERT_PTR_NOT_NULL(itsma_assessment_find_attribute(out, "S", ITSMA_PA2_2));
	CU_ASSERT_PTR_NULL(itsma_assessment_find_attribute(out, "Q", ITSMA_PA2_1));
	CU_ASSERT_EQUAL(itsma_carry_report_attribute_count(rep), 2);
	/* dropped */
	/* dropped: no requirement-level map (R's requirements only move with the process map) */
	CU_ASSERT_EQUAL(itsma_carry_report_dropped_count(rep), 3);
	CU_ASSERT_STRING_EQUAL(itsma_carry_report_dropped_at(rep, 0), "R-01");
	CU_ASSERT_STRING_EQUAL(itsma_carry_report_dropped_at(rep, 2), "X-01");
	CU_ASSERT_EQUAL(itsma_carry_report_status_count(rep, ITSMA_CARRY_STATUS_NEW), 4);
	CU_ASSERT_STRING_EQUAL(itsma_carry_status_name(ITSMA_CARRY_STATUS_REVIEW), "review");
	itsma_carry_report_free(rep);
	itsma_assessment_free(out);
	carry_close(&c);
}

static void test_carried_field_roundtrip_and_determinism(void)
{
	carried_fixture c;
	itsma_assessment *out = NULL, *again = NULL, *second = NULL;
	itsma_carry_report *rep = NULL;
	char *one = NULL, *two = NULL, *three = NULL;
	carry_open(&c);
	ASSERT_OK(itsma_assessment_carry(&out, &rep, c.old, c.m, c.f.new_cat, NULL, ASSERT_ERR));
	ASSERT_OK(itsma_assessment_to_json(&one, out, ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(one, "\"carried\": {\n        \"mapping\": \"test:old-to-new\",\n"
	                "        \"relationship\": \"intersects-with\",\n"
	                "        \"sources\": [\"A-02\", \"A-03\"],\n        \"review\": true\n"));
	/* a valid itsma-assessment/1 document that loads back the same */
	ASSERT_OK(itsma_assessment_load_buffer(&again, one, strlen(one), "carried.json",
	                                       c.f.new_cat, NULL, ASSERT_ERR));
	CU_ASSERT(itsma_rating_carried_review(itsma_assessment_find_rating(again, "M-02")));
	ASSERT_OK(itsma_assessment_to_json(&two, again, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(one, two);
	CU_ASSERT_EQUAL(
	    itsma_validate_buffer(NULL, one, strlen(one), NULL, c.f.new_cat, NULL, NULL, NULL), 0);
	/* deterministic */
	ASSERT_OK(itsma_assessment_carry(&second, NULL, c.old, c.m, c.f.new_cat, NULL, ASSERT_ERR));
	ASSERT_OK(itsma_assessment_to_json(&three, second, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(one, three);
	itsma_free(one);
	itsma_free(two);
	itsma_free(three);
	itsma_assessment_free(again);
	itsma_assessment_free(second);
	itsma_carry_report_free(rep);
	itsma_assessment_free(out);
	carry_close(&c);
}

static void test_carried_field_errors(void)
{
	static const struct {
		const char *carried, *pointer;
	} cases[] = {
		{ "{\"sources\": [\"A-1\"]}", "/ratings/0/carried" },
		{ "{\"relationship\": \"no-relationship\", \"sources\": [\"A-1\"]}",
		  "/ratings/0/carried/relationship" },
		{ "{\"relationship\": \"equal-to\", \"sources\": []}",
		  "/ratings/0/carried/sources" },
		{ "{\"relationship\": \"equal-to\", \"sources\": [\"A-1\"], \"review\": 1}",
		  "/ratings/0/carried/review" },
		{ "{\"relationship\": \"equal-to\", \"sources\": [\"A-1\"], \"why\": 1}",
		  "/ratings/0/carried/why" },
		{ "{\"relationship\": \"equal-to\", \"sources\": [\"A 1\"]}",
		  "/ratings/0/carried/sources/0" },
		{ "[]", "/ratings/0/carried" },
	};
	fixture f;
	size_t i;
	fixture_open(&f);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char doc[1024];
		itsma_assessment *a = NULL;
		itsma_error err = ITSMA_ERROR_INIT;
		int rc;
		snprintf(doc, sizeof doc,
		         "{\"format\": \"itsma-assessment/1\", \"id\": \"a\", \"catalogue\": "
		         "\"test:new\", "
		         "\"date\": \"2026-01-01\", \"ratings\": [{\"requirement\": \"M-01\", "
		         "\"rating\": \"F\", "
		         "\"carried\": %s}]}",
		         cases[i].carried);
		rc =
		    itsma_assessment_load_buffer(&a, doc, strlen(doc), NULL, f.new_cat, NULL, &err);
		if (rc != ITSMA_ESCHEMA || strcmp(err.pointer, cases[i].pointer) != 0)
			fprintf(stderr, "\ncarried case %zu: %s %s: %s\n", i,
			        itsma_error_code_name(rc), err.pointer, err.message);
		CU_ASSERT_EQUAL(rc, ITSMA_ESCHEMA);
		CU_ASSERT_STRING_EQUAL(err.pointer, cases[i].pointer);
		itsma_assessment_free(a);
	}
	fixture_close(&f);
}

static void test_carry_merge_never_overwrites(void)
{
	carried_fixture c;
	itsma_assessment *into = NULL, *out = NULL;
	itsma_carry_report *rep = NULL;
	const itsma_rating *r;
	carry_open(&c);
	ASSERT_OK(itsma_assessment_load_file(&into, DATA "new-partial.json", c.f.new_cat, NULL,
	                                     ASSERT_ERR));
	ASSERT_OK(itsma_assessment_carry(&out, &rep, c.old, c.m, c.f.new_cat, into, ASSERT_ERR));
	/* the existing rating stays, with its own evidence and note, and no provenance */
	r = rating(out, "M-01");
	CU_ASSERT_EQUAL(itsma_rating_letter(r), ITSMA_LETTER_P);
	CU_ASSERT_STRING_EQUAL(itsma_rating_note(r), "Assessed afresh");
	CU_ASSERT_FALSE(itsma_rating_is_carried(r));
	CU_ASSERT_EQUAL(status_of(rep, "M-01"), ITSMA_CARRY_STATUS_KEPT);
	/* the existing attribute rating stays; the other one is carried */
	CU_ASSERT_EQUAL(
	    itsma_attribute_rating_letter(itsma_assessment_find_attribute(out, "S", ITSMA_PA2_2)),
	    ITSMA_LETTER_P);
	CU_ASSERT_FALSE(itsma_attribute_rating_is_carried(
	    itsma_assessment_find_attribute(out, "S", ITSMA_PA2_2)));
	CU_ASSERT_EQUAL(
	    itsma_attribute_rating_letter(itsma_assessment_find_attribute(out, "S", ITSMA_PA2_1)),
	    ITSMA_LETTER_F);
	/* the merged-into assessment's details stay; the rest is carried */
	CU_ASSERT_STRING_EQUAL(itsma_assessment_id(out), "new-2026");
	CU_ASSERT_STRING_EQUAL(itsma_assessment_date(out), "2026-01-15");
	CU_ASSERT_EQUAL(itsma_rating_letter(rating(out, "M-02")), ITSMA_LETTER_L);
	CU_ASSERT_PTR_NOT_NULL(itsma_assessment_find_evidence(out, "n1"));
	/* the input is not changed */
	CU_ASSERT_PTR_NULL(rating(into, "M-02"));
	itsma_carry_report_free(rep);
	itsma_assessment_free(out);
	itsma_assessment_free(into);
	carry_close(&c);
}

static void test_carry_errors(void)
{
	carried_fixture c;
	itsma_assessment *into = NULL, *out = NULL;
	itsma_mapping *m = NULL;
	itsma_map_spec spec = ITSMA_MAP_SPEC_INIT;
	itsma_evidence_spec ev = ITSMA_EVIDENCE_SPEC_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	const char *src[] = { "A-01" }, *tgt[] = { "M-01" }, *bad[] = { "Q-77" };
	carry_open(&c);
	/* a built mapping whose target id does not exist: the error names the map */
	ASSERT_OK(itsma_mapping_new(&m, "built", "test:old", 1, "test:new", 1, ASSERT_ERR));
	spec.sources = src;
	spec.source_count = 1;
	spec.targets = tgt;
	spec.target_count = 1;
	ASSERT_OK(itsma_mapping_add_map(NULL, m, &spec, ASSERT_ERR));
	spec.targets = bad;
	spec.relationship = ITSMA_RELATIONSHIP_SUBSET_OF;
	ASSERT_OK(itsma_mapping_add_map(NULL, m, &spec, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_assessment_carry(&out, NULL, c.old, m, c.f.new_cat, NULL, &err),
	                ITSMA_ESCHEMA);
	CU_ASSERT_STRING_EQUAL(err.pointer, "/maps/1/targets/0");
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "Q-77"));
	CU_ASSERT_PTR_NULL(out);
	/* the wrong way round */
	CU_ASSERT_EQUAL(itsma_assessment_carry(&out, NULL, c.old, c.m, c.f.old_cat, NULL, &err),
	                ITSMA_ESCHEMA);
	CU_ASSERT_STRING_EQUAL(err.pointer, "/target/catalogue");
	/* merging into an assessment of another catalogue */
	CU_ASSERT_EQUAL(itsma_assessment_carry(&out, NULL, c.old, c.m, c.f.new_cat, c.old, &err),
	                ITSMA_EINVAL);
	/* an evidence id in both with different content */
	ASSERT_OK(itsma_assessment_load_file(&into, DATA "new-partial.json", c.f.new_cat, NULL,
	                                     ASSERT_ERR));
	ev.id = "e2";
	ev.title = "Another policy";
	ev.collected = "2025-01-01";
	ASSERT_OK(itsma_assessment_put_evidence(into, &ev, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_assessment_carry(&out, NULL, c.old, c.m, c.f.new_cat, into, &err),
	                ITSMA_EEXISTS);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "\"e2\""));
	CU_ASSERT_PTR_NULL(out);
	CU_ASSERT_EQUAL(itsma_assessment_carry(NULL, NULL, c.old, c.m, c.f.new_cat, NULL, &err),
	                ITSMA_EINVAL);
	itsma_assessment_free(into);
	itsma_mapping_free(m);
	carry_close(&c);
}

/* A catalogue of one section `sec` with n requirements "<sec>-<i>". */
static itsma_catalogue *big_catalogue(const char *id, const char *sec, int n)
{
	itsma_catalogue *c = NULL;
	itsma_section_spec ss = ITSMA_SECTION_SPEC_INIT;
	int i;
	ASSERT_OK(itsma_catalogue_new(&c, id, "Big", ASSERT_ERR));
	ss.id = sec;
	ss.title = "All";
	ASSERT_OK(itsma_catalogue_add_section(NULL, c, NULL, &ss, ASSERT_ERR));
	for (i = 0; i < n; i++) {
		itsma_requirement_spec rs = ITSMA_REQUIREMENT_SPEC_INIT;
		char rid[32];
		snprintf(rid, sizeof rid, "%s-%d", sec, i);
		rs.id = rid;
		rs.text = "Something is done.";
		ASSERT_OK(itsma_catalogue_add_requirement(
		    NULL, c, itsma_catalogue_find_section(c, sec), &rs, ASSERT_ERR));
	}
	return c;
}

static void test_carry_expansion_is_bounded(void)
{
	/* a small mapping whose section ids expand to billions of pairs stops with ELIMIT */
	itsma_catalogue *s = big_catalogue("big:s", "S", 5000),
	                *t = big_catalogue("big:t", "T", 5000);
	itsma_assessment *a = NULL, *out = NULL;
	itsma_mapping *m = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	int i;
	ASSERT_OK(itsma_assessment_new(&a, s, "a", "2026-01-01", ASSERT_ERR));
	ASSERT_OK(itsma_mapping_new(&m, "big", "big:s", 1, "big:t", 1, ASSERT_ERR));
	for (i = 0; i < 40; i++) {
		itsma_map_spec spec = ITSMA_MAP_SPEC_INIT;
		char extra[32];
		const char *src[2], *tgt[] = { "T" };
		snprintf(extra, sizeof extra, "S-%d", i);
		src[0] = "S";
		src[1] = extra;
		spec.sources = src;
		spec.source_count = 2;
		spec.targets = tgt;
		spec.target_count = 1;
		ASSERT_OK(itsma_mapping_add_map(NULL, m, &spec, ASSERT_ERR));
	}
	CU_ASSERT_EQUAL(itsma_assessment_carry(&out, NULL, a, m, t, NULL, &err), ITSMA_ELIMIT);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "expands to more than"));
	CU_ASSERT_EQUAL(strncmp(err.pointer, "/maps/", 6), 0);
	CU_ASSERT_PTR_NULL(out);
	itsma_mapping_free(m);
	itsma_assessment_free(a);
	itsma_catalogue_free(s);
	itsma_catalogue_free(t);
}

static void test_transition_report(void)
{
	carried_fixture c;
	itsma_assessment *out = NULL;
	itsma_carry_report *rep = NULL;
	char *text = NULL, *md = NULL, *html = NULL;
	carry_open(&c);
	ASSERT_OK(itsma_assessment_carry(&out, &rep, c.old, c.m, c.f.new_cat, NULL, ASSERT_ERR));
	ASSERT_OK(itsma_transition_report(&text, out, rep, c.m, ITSMA_TRANSITION_FORMAT_TEXT,
	                                  ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "Transition report: test:old to test:new"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "Ratings to review"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "M-02 L (intersects-with from A-02, A-03)"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "N-01 (should): Knowledge is kept."));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "Guidance: COBIT 2019: EDM01"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "X-01"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "Q-03"));
	ASSERT_OK(itsma_transition_report(&md, out, rep, c.m, ITSMA_TRANSITION_FORMAT_MARKDOWN,
	                                  ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL(strstr(md, "Knowledge \\<new\\> \\& \\*marked\\*"));
	ASSERT_OK(itsma_transition_report(&html, out, rep, c.m, ITSMA_TRANSITION_FORMAT_HTML,
	                                  ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL(strstr(html, "<!DOCTYPE html>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(html, "Knowledge &lt;new&gt; &amp; *marked*"));
	CU_ASSERT_PTR_NULL(strstr(html, "<new>"));
	CU_ASSERT_PTR_NULL(strstr(html, "http")); /* self-contained: nothing fetched */
	{
		char *none = NULL;
		CU_ASSERT_EQUAL(
		    itsma_transition_report(&none, out, rep, c.m, (itsma_transition_format)7, NULL),
		    ITSMA_EINVAL);
		CU_ASSERT_PTR_NULL(none);
	}
	itsma_free(text);
	itsma_free(md);
	itsma_free(html);
	itsma_carry_report_free(rep);
	itsma_assessment_free(out);
	carry_close(&c);
}

static void test_builtin_listing(void)
{
	size_t i;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_mapping *m = NULL;
	for (i = 0; i < itsma_mapping_builtin_count(); i++) {
		size_t len = 0;
		CU_ASSERT_PTR_NOT_NULL(itsma_mapping_builtin_id(i));
		CU_ASSERT_PTR_NOT_NULL(itsma_mapping_builtin_title(i));
		CU_ASSERT_PTR_NOT_NULL(itsma_mapping_builtin_json(&len, i));
		CU_ASSERT(len > 0);
	}
	CU_ASSERT_PTR_NULL(itsma_mapping_builtin_id(i));
	CU_ASSERT_EQUAL(itsma_mapping_builtin(&m, "no-such-mapping", NULL, &err), ITSMA_ENOTFOUND);
	CU_ASSERT_PTR_NULL(m);
}

/* The mapping for people (itsma_mapping_to_markdown), with a hostile note escaped. */
static void test_markdown(void)
{
	fixture f;
	itsma_mapping *m = NULL;
	itsma_map_spec spec = ITSMA_MAP_SPEC_INIT;
	const char *src[] = { "A-01" }, *dst[] = { "M-04" };
	char *md = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	fixture_open(&f);
	ASSERT_OK(itsma_mapping_load_buffer(&m, f.mapping_text, f.mapping_len, "mapping.json",
	                                    &f.cats, ASSERT_ERR));
	ASSERT_OK(itsma_mapping_to_markdown(&md, m, ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL(strstr(
	    md, "# Old to new (test)\n\n- Id: test:old-to-new\n- Source: test:old (revision 1)\n"
	        "- Target: test:new (revision 1)\n- Provenance: human, semantic, complete\n"
	        "- Maps: 10\n\nFixture for the tests.\n\n| # | Sources |"));
	CU_ASSERT_PTR_NOT_NULL(strstr(
	    md, "\n| 1 | A-02 | subset-of | M-02 |  | The new clause also asks for roles. |\n"));
	itsma_free(md);
	spec.sources = src;
	spec.source_count = 1;
	spec.targets = dst;
	spec.target_count = 1;
	spec.note = "Pipe | <b>bold</b> *stars*\x1b[2J\nline";
	ASSERT_OK(itsma_mapping_add_map(NULL, m, &spec, ASSERT_ERR));
	ASSERT_OK(itsma_mapping_to_markdown(&md, m, ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL(strstr(md, "| 10 | A-01 | equal-to | M-04 |  | Pipe \\| "
	                                  "\\<b\\>bold\\</b\\> \\*stars\\*\\x1b\\[2J line |\n"));
	itsma_free(md);
	CU_ASSERT_EQUAL(itsma_mapping_to_markdown(&md, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_mapping_to_markdown(NULL, m, &err), ITSMA_EINVAL);
	itsma_mapping_free(m);
	fixture_close(&f);
}

static const itsma_test_case tests[] = {
	{ "load_and_accessors", test_load_and_accessors },
	{ "save_roundtrip", test_save_roundtrip },
	{ "every_validation_error", test_every_validation_error },
	{ "validate_reports_every_problem", test_validate_reports_every_problem },
	{ "resolvers", test_resolvers },
	{ "builder", test_builder },
	{ "carry_rules", test_carry_rules },
	{ "carried_field_roundtrip_and_determinism", test_carried_field_roundtrip_and_determinism },
	{ "carried_field_errors", test_carried_field_errors },
	{ "carry_merge_never_overwrites", test_carry_merge_never_overwrites },
	{ "carry_errors", test_carry_errors },
	{ "carry_expansion_is_bounded", test_carry_expansion_is_bounded },
	{ "transition_report", test_transition_report },
	{ "builtin_listing", test_builtin_listing },
	{ "markdown", test_markdown },
	{ NULL, NULL },
};

ITSMA_TEST_MAIN("mapping", tests)
