/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fuzz the assessment loader (the streaming top-level reader and the record loaders)
 * against the built-in ISO/IEC 20000-1:2018 catalogue, and with no catalogue (the loader
 * then picks the built-in catalogue the document names).
 */
#include "fuzz_common.h"

static void check_assessment(const itsma_assessment *a)
{
	size_t i, n;
	char *json = NULL;
	itsma_error err = ITSMA_ERROR_INIT;

	FUZZ_CHECK(itsma_id_is_valid(itsma_assessment_id(a)));
	FUZZ_CHECK(strlen(itsma_assessment_date(a)) == 10);
	n = itsma_assessment_evidence_count(a);
	for (i = 0; i < n; i++) {
		const itsma_evidence *e = itsma_assessment_evidence_at(a, i);
		FUZZ_CHECK(itsma_evidence_index(e) == i);
		FUZZ_CHECK(itsma_assessment_find_evidence(a, itsma_evidence_id(e)) == e);
	}
	n = itsma_assessment_rating_count(a);
	for (i = 0; i < n; i++) {
		const itsma_rating *r = itsma_assessment_rating_at(a, i);
		size_t k;
		FUZZ_CHECK(itsma_rating_index(r) == i);
		FUZZ_CHECK(itsma_assessment_find_rating(
		               a, itsma_requirement_id(itsma_rating_requirement(r))) == r);
		FUZZ_CHECK(itsma_rating_value(r) >= 0 && itsma_rating_value(r) <= 100);
		for (k = 0; k < itsma_rating_evidence_count(r); k++)
			FUZZ_CHECK(itsma_rating_evidence_at(r, k) != NULL);
	}
	n = itsma_assessment_attribute_count(a);
	for (i = 0; i < n; i++) {
		const itsma_attribute_rating *r = itsma_assessment_attribute_at(a, i);
		FUZZ_CHECK(itsma_attribute_rating_index(r) == i);
		FUZZ_CHECK(itsma_assessment_find_attribute(
		               a, itsma_section_id(itsma_attribute_rating_process(r)),
		               itsma_attribute_rating_attribute(r)) == r);
	}
	for (i = 0; i < itsma_assessment_exclusion_count(a); i++) {
		const itsma_exclusion *x = itsma_assessment_exclusion_at(a, i);
		FUZZ_CHECK(itsma_assessment_is_excluded(a, itsma_exclusion_id(x)));
	}
	for (i = 0; i < itsma_assessment_process_target_count(a); i++) {
		int t = itsma_assessment_process_target_at(NULL, a, i);
		FUZZ_CHECK(t >= 0 && t <= 5);
	}
	FUZZ_CHECK(itsma_assessment_to_json(&json, a, &err) == 0 && json != NULL);
	itsma_free(json);
}

static int run(const uint8_t *data, size_t size, const itsma_catalogue *cat, itsma_error *err)
{
	itsma_assessment *a = NULL;
	int rc =
	    itsma_assessment_load_buffer(&a, (const char *)data, size, "fuzz.json", cat, NULL, err);
	if (rc < 0) {
		FUZZ_CHECK(a == NULL);
		fuzz_check_error(rc, err);
		return rc;
	}
	FUZZ_CHECK(a != NULL);
	if (cat)
		FUZZ_CHECK(itsma_assessment_catalogue(a) == cat);
	check_assessment(a);
	itsma_assessment_free(a);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	itsma_error err = ITSMA_ERROR_INIT;
	int rc = run(data, size, fuzz_builtin_catalogue(), &err);
	/* with no catalogue: when the document names another one, and for one input in sixteen */
	if (fuzz_other_catalogue(rc, &err) || fuzz_hash(data, size) % 16 == 0)
		run(data, size, NULL, &err);
	return 0;
}
