/* SPDX-License-Identifier: Apache-2.0 */
/* The built-in catalogues: complete clause trees, guidance from real framework lists, counts. */
#include "harness.h"

/* Lines of a text file (one entry each, no empty lines). */
typedef struct lines {
	char *buf;
	char *line[600];
	size_t count;
} lines;

static void read_lines(lines *l, const char *path)
{
	char *p;
	memset(l, 0, sizeof *l);
	l->buf = itsma_test_slurp(path, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(l->buf);
	for (p = strtok(l->buf, "\n"); p && l->count < 600; p = strtok(NULL, "\n"))
		l->line[l->count++] = p;
}

static int in_list(const lines *l, const char *v)
{
	size_t i;
	for (i = 0; i < l->count; i++)
		if (strcmp(l->line[i], v) == 0)
			return 1;
	return 0;
}

static itsma_catalogue *builtin(const char *id)
{
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	int rc = itsma_catalogue_builtin(&c, id, &err);
	if (rc)
		fprintf(stderr, "\n%s: %s\n", id, err.message);
	CU_ASSERT_EQUAL_FATAL(rc, 0);
	return c;
}

static void check_clauses(const itsma_catalogue *c, const char *tsv)
{
	lines l;
	size_t i;
	read_lines(&l, tsv);
	CU_ASSERT(l.count > 40);
	for (i = 0; i < l.count; i++) {
		char *tab = strchr(l.line[i], '\t');
		const itsma_section *s;
		CU_ASSERT_PTR_NOT_NULL_FATAL(tab);
		*tab = '\0';
		s = itsma_catalogue_find_section(c, l.line[i]);
		if (!s) {
			fprintf(stderr, "\nclause %s is missing\n", l.line[i]);
			CU_FAIL("a clause is missing");
			continue;
		}
		CU_ASSERT_STRING_EQUAL(itsma_section_title(s), tab + 1);
		CU_ASSERT_STRING_EQUAL(itsma_section_clause(s), l.line[i]);
	}
	free(l.buf);
}

static void check_guidance_and_counts(const itsma_catalogue *c, size_t min_shall)
{
	static const char *const sources[] = { "itil4", "cobit2019", "mof4" };
	lines lists[3];
	size_t i, j, k, shall = 0, n = itsma_catalogue_requirement_count(c);

	for (k = 0; k < 3; k++) {
		char path[256];
		snprintf(path, sizeof path, ITSMA_SOURCE_DIR "/data/frameworks/%s.txt", sources[k]);
		read_lines(&lists[k], path);
	}
	CU_ASSERT_EQUAL(lists[0].count, 34); /* ITIL 4 practices */
	CU_ASSERT_EQUAL(lists[1].count, 40); /* COBIT 2019 objectives */
	CU_ASSERT_EQUAL(lists[2].count, 16); /* MOF 4.0 service management functions */
	CU_ASSERT_EQUAL(itsma_catalogue_guidance_source_count(c), 3);
	for (i = 0; i < itsma_catalogue_process_count(c); i++) {
		const itsma_section *p = itsma_catalogue_process_at(c, i);
		size_t ps = 0, pw = 0;
		CU_ASSERT_PTR_NOT_NULL(itsma_section_purpose(p));
		for (k = 0; k < 3; k++) {
			size_t g = itsma_section_guidance_count(p, sources[k]);
			if (!g)
				fprintf(stderr, "\n%s has no %s guidance\n", itsma_section_id(p),
				        sources[k]);
			CU_ASSERT(g > 0);
			for (j = 0; j < g; j++) {
				const char *v = itsma_section_guidance_at(p, sources[k], j);
				if (!in_list(&lists[k], v)) {
					fprintf(stderr, "\n%s: \"%s\" is not in %s\n",
					        itsma_section_id(p), v, sources[k]);
					CU_FAIL("guidance not in the framework's list");
				}
			}
		}
		for (j = 0; j < n; j++) {
			const itsma_requirement *r = itsma_catalogue_requirement_at(c, j);
			if (itsma_requirement_process(r) != p)
				continue;
			if (itsma_requirement_obligation(r) == ITSMA_OBLIGATION_SHALL)
				ps++;
			else
				pw++;
		}
		/* every process clause states at least one obligation; how many is the standard's
		 * business (8.2.5 and 8.4.2 state few), so no more is asked of a process */
		if (ps < 1 || pw < 1)
			fprintf(stderr, "\n%s: %zu shall, %zu should\n", itsma_section_id(p), ps,
			        pw);
		CU_ASSERT(ps >= 1);
		CU_ASSERT(pw >= 1);
	}
	for (j = 0; j < n; j++) {
		const itsma_requirement *r = itsma_catalogue_requirement_at(c, j);
		if (itsma_requirement_obligation(r) == ITSMA_OBLIGATION_SHALL)
			shall++;
		CU_ASSERT_PTR_NOT_NULL(itsma_requirement_clause(r));
		CU_ASSERT(itsma_requirement_evidence_hint_count(r) > 0);
		/* no two requirements share a text */
		for (i = j + 1; i < n; i++)
			if (strcmp(itsma_requirement_text(r),
			           itsma_requirement_text(itsma_catalogue_requirement_at(c, i))) ==
			    0) {
				fprintf(stderr, "\nsame text: %s and %s\n", itsma_requirement_id(r),
				        itsma_requirement_id(itsma_catalogue_requirement_at(c, i)));
				CU_FAIL("two requirements share a text");
			}
	}
	CU_ASSERT(shall >= min_shall);
	/* every attribute PA2.1 to PA5.2 has generic practices */
	for (k = ITSMA_PA2_1; k < ITSMA_ATTRIBUTE_COUNT; k++) {
		size_t found = 0;
		for (i = 0; i < itsma_catalogue_generic_practice_count(c); i++)
			if (itsma_catalogue_generic_practice_attribute(c, i) == (itsma_attribute)k)
				found++;
		CU_ASSERT(found >= 3);
	}
	for (k = 0; k < 3; k++)
		free(lists[k].buf);
}

static void test_builtin__iso20000_2018(void)
{
	itsma_catalogue *c = builtin("iso20000-1:2018");
	size_t i;
	check_clauses(c, ITSMA_SOURCE_DIR "/data/catalogues/iso20000-1-2018.clauses.tsv");
	check_guidance_and_counts(c, 250);
	CU_ASSERT_EQUAL(itsma_catalogue_exclusions(c), ITSMA_EXCLUSIONS_FORBIDDEN);
	/* the 21 processes of clause 8, 8.2.1 to 8.7.3 without 8.3.1, in their groups */
	CU_ASSERT_EQUAL(itsma_catalogue_process_count(c), 21);
	for (i = 0; i < itsma_catalogue_process_count(c); i++) {
		const itsma_section *p = itsma_catalogue_process_at(c, i);
		CU_ASSERT_EQUAL(strncmp(itsma_section_id(p), "8.", 2), 0);
		CU_ASSERT_EQUAL(itsma_section_depth(p), 2);
		CU_ASSERT_STRING_NOT_EQUAL(itsma_section_id(p), "8.3.1");
	}
	CU_ASSERT_EQUAL(itsma_section_kind_of(itsma_catalogue_find_section(c, "8.3.1")),
	                ITSMA_SECTION_KIND_GROUP);
	CU_ASSERT_PTR_EQUAL(itsma_section_process(itsma_catalogue_find_section(c, "8.5.1.2")),
	                    itsma_catalogue_find_section(c, "8.5.1"));
	itsma_catalogue_free(c);
}

static void test_builtin__iso20000_2011(void)
{
	itsma_catalogue *c = builtin("iso20000-1:2011");
	check_clauses(c, ITSMA_SOURCE_DIR "/data/catalogues/iso20000-1-2011.clauses.tsv");
	check_guidance_and_counts(c, 150);
	CU_ASSERT(itsma_catalogue_process_count(c) >= 13);
	itsma_catalogue_free(c);
}

static void test_builtin__identical_to_the_shipped_files(void)
{
	static const char *const files[][2] = { { "iso20000-1:2018", "iso20000-1-2018.json" },
		                                { "iso20000-1:2011", "iso20000-1-2011.json" } };
	size_t i;
	for (i = 0; i < 2; i++) {
		itsma_catalogue *c = builtin(files[i][0]), *f = NULL;
		itsma_error err = ITSMA_ERROR_INIT;
		char path[256], *text, *out = NULL;
		snprintf(path, sizeof path, ITSMA_SOURCE_DIR "/data/catalogues/%s", files[i][1]);
		text = itsma_test_slurp(path, NULL);
		CU_ASSERT_PTR_NOT_NULL_FATAL(text);
		CU_ASSERT_EQUAL(itsma_catalogue_to_json(&out, c, &err), 0);
		CU_ASSERT_STRING_EQUAL(out, text);
		CU_ASSERT_EQUAL(itsma_catalogue_load_file(&f, path, NULL, &err), 0);
		CU_ASSERT_EQUAL(itsma_catalogue_requirement_count(f),
		                itsma_catalogue_requirement_count(c));
		itsma_catalogue_free(f);
		itsma_free(out);
		free(text);
		itsma_catalogue_free(c);
	}
}

static const itsma_test_case cases[] = { { "iso20000_2018", test_builtin__iso20000_2018 },
	                                 { "iso20000_2011", test_builtin__iso20000_2011 },
	                                 { "identical_to_the_shipped_files",
	                                   test_builtin__identical_to_the_shipped_files },
	                                 { NULL, NULL } };

ITSMA_TEST_MAIN("builtin", cases)
