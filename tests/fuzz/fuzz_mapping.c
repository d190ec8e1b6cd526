/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fuzz the mapping loader (itsma-mapping/1) against the built-in 2011 and 2018 catalogues:
 * any bytes either load into a mapping that saves, reloads to the same text and carries an
 * assessment, or fail with a well-formed error. Validation reports at least the error the
 * loader gives.
 */
#include "fuzz_common.h"
#include "itsma/mapping.h"

typedef struct fixed {
	itsma_catalogue *c2011, *c2018;
	itsma_assessment *a2011;
} fixed;

static const fixed *fuzz_fixed(void)
{
	static fixed f;
	if (!f.c2011) {
		itsma_error err = ITSMA_ERROR_INIT;
		size_t i;
		if (itsma_catalogue_builtin(&f.c2011, "iso20000-1:2011", &err) < 0 ||
		    itsma_catalogue_builtin(&f.c2018, "iso20000-1:2018", &err) < 0 ||
		    itsma_assessment_new(&f.a2011, f.c2011, "fuzz", "2026-01-01", &err) < 0) {
			fprintf(stderr, "cannot set up: %s\n", err.message);
			abort();
		}
		/* a rating on every third requirement, letters in turn */
		for (i = 0; i < itsma_catalogue_requirement_count(f.c2011); i += 3) {
			itsma_rating_spec r = ITSMA_RATING_SPEC_INIT;
			r.requirement = itsma_catalogue_requirement_at(f.c2011, i);
			r.letter = (itsma_letter)(ITSMA_LETTER_N + (int)(i % 8));
			if (itsma_assessment_put_rating(f.a2011, &r, &err) < 0)
				abort();
		}
	}
	return &f;
}

static int count_problem(const itsma_error *problem, void *payload)
{
	fuzz_check_error(problem->code, problem);
	(*(size_t *)payload)++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const fixed *f = fuzz_fixed();
	itsma_mapping_catalogues cats = ITSMA_MAPPING_CATALOGUES_INIT;
	itsma_mapping *m = NULL;
	itsma_error err = ITSMA_ERROR_INIT, verr = ITSMA_ERROR_INIT;
	size_t problems = 0;
	int rc, vrc;

	cats.source = f->c2011;
	cats.target = f->c2018;
	rc = itsma_mapping_load_buffer(&m, (const char *)data, size, "fuzz.json", &cats, &err);
	vrc = itsma_mapping_validate_buffer((const char *)data, size, "fuzz.json", &cats,
	                                    count_problem, &problems, &verr);
	FUZZ_CHECK((rc == 0) == (vrc == 0));
	if (rc < 0) {
		FUZZ_CHECK(m == NULL);
		fuzz_check_error(rc, &err);
		FUZZ_CHECK(problems >= 1);
		FUZZ_CHECK(verr.code == err.code || rc == ITSMA_ENOMEM);
		return 0;
	}
	FUZZ_CHECK(problems == 0);
	{
		char *one = NULL, *two = NULL, *report = NULL;
		itsma_mapping *again = NULL;
		itsma_assessment *out = NULL;
		itsma_carry_report *rep = NULL;
		size_t i, j;
		for (i = 0; i < itsma_mapping_map_count(m); i++) {
			const itsma_map *map = itsma_mapping_map_at(m, i);
			FUZZ_CHECK(itsma_map_source_count(map) > 0);
			for (j = 0; j < itsma_map_source_count(map); j++)
				FUZZ_CHECK(itsma_map_source_at(map, j) != NULL);
		}
		FUZZ_CHECK(itsma_mapping_to_json(&one, m, &err) == 0);
		FUZZ_CHECK(
		    itsma_mapping_load_buffer(&again, one, strlen(one), "again", &cats, &err) == 0);
		FUZZ_CHECK(itsma_mapping_to_json(&two, again, &err) == 0);
		FUZZ_CHECK(strcmp(one, two) == 0);
		rc = itsma_assessment_carry(&out, &rep, f->a2011, m, f->c2018, NULL, &err);
		/* section ids may expand past the carry's work limit: then ELIMIT, nothing else */
		FUZZ_CHECK(rc == 0 || (rc == ITSMA_ELIMIT && out == NULL && rep == NULL));
		if (rc == 0) {
			FUZZ_CHECK(itsma_carry_report_target_count(rep) ==
			           itsma_catalogue_requirement_count(f->c2018));
			FUZZ_CHECK(itsma_transition_report(&report, out, rep, m,
			                                   ITSMA_TRANSITION_FORMAT_HTML,
			                                   &err) == 0);
		}
		itsma_free(report);
		itsma_carry_report_free(rep);
		itsma_assessment_free(out);
		itsma_free(one);
		itsma_free(two);
		itsma_mapping_free(again);
	}
	itsma_mapping_free(m);
	return 0;
}
