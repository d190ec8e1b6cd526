/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The catalogue importers' fuzz body (fuzz_oscal.c, fuzz_ciso.c): any bytes either make a
 * catalogue that serialises and exports back (to a CISO Assistant library), or fail with a
 * well-formed error; warnings are well-formed too. Once with the default limits, once tight.
 */
#ifndef ITSMA_FUZZ_IMPORT_H
#define ITSMA_FUZZ_IMPORT_H

#include "fuzz_common.h"

#include "itsma/interop.h"

typedef int (*importer)(itsma_catalogue **out, const char *buf, size_t len,
                        const char *source_name, const itsma_interop_options *opts,
                        itsma_error *err);

static int on_warning(const itsma_error *w, void *payload)
{
	(void)payload;
	FUZZ_CHECK(w->code == 0 && w->message[0] != '\0');
	FUZZ_CHECK(w->pointer[0] == '\0' || w->pointer[0] == '/');
	return 0;
}

static void one(importer import, const uint8_t *data, size_t size, const itsma_load_options *load)
{
	itsma_catalogue *cat = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_interop_options opts = ITSMA_INTEROP_OPTIONS_INIT;
	int rc;

	opts.load = load;
	opts.warn = on_warning;
	rc = import(&cat, (const char *)data, size, "fuzz", &opts, &err);
	if (rc < 0) {
		FUZZ_CHECK(cat == NULL);
		fuzz_check_error(rc, &err);
	} else {
		char *text = NULL;
		FUZZ_CHECK(rc == 0 && cat != NULL);
		fuzz_walk_catalogue(cat);
		FUZZ_CHECK(itsma_catalogue_to_json(&text, cat, &err) == 0 && text != NULL);
		itsma_free(text);
		text = NULL;
		FUZZ_CHECK(itsma_catalogue_to_ciso_library(&text, cat, NULL, &err) == 0 && text != NULL);
		itsma_free(text);
		itsma_catalogue_free(cat);
	}
}

static void fuzz_import(importer import, const uint8_t *data, size_t size)
{
	itsma_load_options tight = ITSMA_LOAD_OPTIONS_INIT;
	one(import, data, size, NULL);
	tight.max_depth = 8;
	tight.max_string = 64;
	tight.max_records = 16;
	one(import, data, size, &tight);
}

#endif
