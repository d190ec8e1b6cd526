/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fuzz the catalogue loader: any bytes either load into a consistent catalogue that
 * serialises, or fail with a well-formed error. Also runs the loader with tight limits,
 * which exercises the limit checks on the same input.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	itsma_catalogue *cat = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_load_options tight = ITSMA_LOAD_OPTIONS_INIT;
	int rc;

	rc = itsma_catalogue_load_buffer(&cat, (const char *)data, size, "fuzz.json", NULL, &err);
	if (rc < 0) {
		FUZZ_CHECK(cat == NULL);
		fuzz_check_error(rc, &err);
	} else {
		char *json = NULL;
		FUZZ_CHECK(cat != NULL && err.code == ITSMA_OK);
		fuzz_walk_catalogue(cat);
		rc = itsma_catalogue_to_json(&json, cat, &err);
		FUZZ_CHECK(rc == 0 && json != NULL);
		itsma_free(json);
		itsma_catalogue_free(cat);
		cat = NULL;
	}

	/* the same input under small limits: a success must also succeed above */
	tight.max_depth = 8;
	tight.max_string = 64;
	tight.max_records = 16;
	rc = itsma_catalogue_load_buffer(&cat, (const char *)data, size, NULL, &tight, &err);
	if (rc < 0) {
		FUZZ_CHECK(cat == NULL);
		fuzz_check_error(rc, &err);
	} else {
		fuzz_walk_catalogue(cat);
		FUZZ_CHECK(itsma_catalogue_section_count(cat) <= 16);
		FUZZ_CHECK(itsma_catalogue_requirement_count(cat) <= 16);
		itsma_catalogue_free(cat);
	}
	return 0;
}
