/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Saving is deterministic and loses nothing: whatever loads (as a catalogue, or as an
 * assessment of a built-in catalogue) saves to text that loads again and saves to the
 * very same bytes.
 */
#include "fuzz_common.h"

static void catalogue_roundtrip(const itsma_catalogue *cat)
{
	char *s1 = NULL, *s2 = NULL;
	itsma_catalogue *again = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	int rc;

	FUZZ_CHECK(itsma_catalogue_to_json(&s1, cat, &err) == 0);
	rc = itsma_catalogue_load_buffer(&again, s1, strlen(s1), "saved", NULL, &err);
	if (rc < 0)
		fprintf(stderr, "saved catalogue does not load: %s:%d:%d: %s: %s\n%s", err.source,
		        err.line, err.column, err.pointer, err.message, s1);
	FUZZ_CHECK(rc == 0);
	FUZZ_CHECK(itsma_catalogue_to_json(&s2, again, &err) == 0);
	if (strcmp(s1, s2) != 0)
		fprintf(stderr, "first save:\n%s\nsecond save:\n%s", s1, s2);
	FUZZ_CHECK(strcmp(s1, s2) == 0);
	FUZZ_CHECK(itsma_catalogue_section_count(again) == itsma_catalogue_section_count(cat));
	FUZZ_CHECK(itsma_catalogue_requirement_count(again) ==
	           itsma_catalogue_requirement_count(cat));
	itsma_free(s1);
	itsma_free(s2);
	itsma_catalogue_free(again);
}

static void assessment_roundtrip(const itsma_assessment *a, const itsma_catalogue *cat)
{
	char *s1 = NULL, *s2 = NULL;
	itsma_assessment *again = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	int rc;

	FUZZ_CHECK(itsma_assessment_to_json(&s1, a, &err) == 0);
	rc = itsma_assessment_load_buffer(&again, s1, strlen(s1), "saved", cat, NULL, &err);
	if (rc < 0)
		fprintf(stderr, "saved assessment does not load: %s:%d:%d: %s: %s\n%s", err.source,
		        err.line, err.column, err.pointer, err.message, s1);
	FUZZ_CHECK(rc == 0);
	FUZZ_CHECK(itsma_assessment_to_json(&s2, again, &err) == 0);
	if (strcmp(s1, s2) != 0)
		fprintf(stderr, "first save:\n%s\nsecond save:\n%s", s1, s2);
	FUZZ_CHECK(strcmp(s1, s2) == 0);
	FUZZ_CHECK(itsma_assessment_rating_count(again) == itsma_assessment_rating_count(a));
	FUZZ_CHECK(itsma_assessment_evidence_count(again) == itsma_assessment_evidence_count(a));
	itsma_free(s1);
	itsma_free(s2);
	itsma_assessment_free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	int rc;

	if (itsma_catalogue_load_buffer(&cat, (const char *)data, size, NULL, NULL, &err) == 0) {
		catalogue_roundtrip(cat);
		itsma_catalogue_free(cat);
		return 0;
	}
	rc = itsma_assessment_load_buffer(&a, (const char *)data, size, NULL,
	                                  fuzz_builtin_catalogue(), NULL, &err);
	if (rc == 0) {
		assessment_roundtrip(a, fuzz_builtin_catalogue());
		itsma_assessment_free(a);
		return 0;
	}
	if (fuzz_other_catalogue(rc, &err) &&
	    itsma_assessment_load_buffer(&a, (const char *)data, size, NULL, NULL, NULL, &err) ==
	        0) {
		assessment_roundtrip(a, NULL);
		itsma_assessment_free(a);
	}
	return 0;
}
