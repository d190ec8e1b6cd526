/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The importers' fuzz body (fuzz_oscal.c, fuzz_ciso.c): any bytes either make a catalogue that
 * serialises and exports back (to a CISO Assistant library), or fail with a well-formed error;
 * warnings are well-formed too. The same bytes go through the format's mapping importer (OSCAL
 * mapping-collection; CISO Assistant mapping set between the built-in 2011 and 2018
 * catalogues): a mapping it makes exports to the same format and imports back equal. Once
 * with the default limits, once tight.
 */
#ifndef ITSMA_FUZZ_IMPORT_H
#define ITSMA_FUZZ_IMPORT_H

#include "fuzz_common.h"

#include "itsma/interop.h"

typedef int (*importer)(itsma_catalogue **out, const char *buf, size_t len, const char *source_name,
                        const itsma_interop_options *opts, itsma_error *err);

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
		FUZZ_CHECK(itsma_catalogue_to_ciso_library(&text, cat, NULL, &err) == 0 &&
		           text != NULL);
		itsma_free(text);
		itsma_catalogue_free(cat);
	}
}

/* The built-in catalogue of edition 2011 (which 0) or 2018 (1), loaded once. */
static const itsma_catalogue *edition(int which)
{
	static itsma_catalogue *cats[2];
	itsma_error err = ITSMA_ERROR_INIT;
	if (!cats[which])
		FUZZ_CHECK(itsma_catalogue_builtin(&cats[which],
		                                   which ? "iso20000-1:2018" : "iso20000-1:2011",
		                                   &err) == 0);
	return cats[which];
}

/* The mapping importer of the format (ciso: CISO Assistant, else OSCAL) on the bytes. */
static int import_mapping(int ciso, itsma_mapping **m, const char *buf, size_t len,
                          const itsma_interop_options *opts, itsma_error *err)
{
	return ciso
	           ? itsma_mapping_from_ciso(m, buf, len, "fuzz", edition(0), edition(1), opts, err)
	           : itsma_mapping_from_oscal(m, buf, len, "fuzz", opts, err);
}

static void one_mapping(int ciso, const uint8_t *data, size_t size, const itsma_load_options *load)
{
	itsma_mapping *m = NULL, *back = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_interop_options opts = ITSMA_INTEROP_OPTIONS_INIT;
	char *a = NULL, *text = NULL, *b = NULL;
	int rc;

	opts.load = load;
	opts.warn = on_warning;
	rc = import_mapping(ciso, &m, (const char *)data, size, &opts, &err);
	if (rc < 0) {
		FUZZ_CHECK(m == NULL);
		fuzz_check_error(rc, &err);
		return;
	}
	FUZZ_CHECK(rc == 0 && m != NULL);
	FUZZ_CHECK(itsma_mapping_to_json(&a, m, &err) == 0 && a != NULL);
	rc = ciso ? itsma_mapping_to_ciso(&text, m, edition(0), edition(1), NULL, &err)
	          : itsma_mapping_to_oscal(&text, m, &err);
	FUZZ_CHECK(rc == 0 && text != NULL);
	/* back with the default limits (the export may hold more in one string than tight ones) */
	opts.load = NULL;
	rc = import_mapping(ciso, &back, text, strlen(text), &opts, &err);
	FUZZ_CHECK(rc == 0 || rc == ITSMA_ELIMIT);
	if (rc == 0) {
		FUZZ_CHECK(itsma_mapping_to_json(&b, back, &err) == 0 && b != NULL);
		FUZZ_CHECK(strcmp(a, b) == 0);
	}
	itsma_free(a);
	itsma_free(b);
	itsma_free(text);
	itsma_mapping_free(back);
	itsma_mapping_free(m);
}

static void fuzz_import(importer import, const uint8_t *data, size_t size)
{
	itsma_load_options tight = ITSMA_LOAD_OPTIONS_INIT;
	int ciso = import == itsma_catalogue_from_ciso_library;
	one(import, data, size, NULL);
	one_mapping(ciso, data, size, NULL);
	tight.max_depth = 8;
	tight.max_string = 64;
	tight.max_records = 16;
	one(import, data, size, &tight);
	one_mapping(ciso, data, size, &tight);
}

#endif
