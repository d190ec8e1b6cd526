/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Shared by the fuzz targets (tests/fuzz/fuzz_<what>.c). Each target defines the libFuzzer
 * entry point LLVMFuzzerTestOneInput; the same sources are linked with replay.c in the normal
 * build to run every corpus file through the same code (ctest fuzz_replay).
 *
 * A target calls abort() (through FUZZ_CHECK) when the library breaks one of its own
 * promises, so that libFuzzer records the input as a crash.
 */
#ifndef ITSMA_FUZZ_COMMON_H
#define ITSMA_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "itsma.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

/* The built-in catalogue every assessment target loads against (loaded once, kept). */
static inline const itsma_catalogue *fuzz_builtin_catalogue(void)
{
	static itsma_catalogue *cat;
	if (!cat) {
		itsma_error err = ITSMA_ERROR_INIT;
		if (itsma_catalogue_builtin(&cat, "iso20000-1:2018", &err) < 0) {
			fprintf(stderr, "cannot load the built-in catalogue: %s\n", err.message);
			abort();
		}
	}
	return cat;
}

/* FNV-1a of the input: a deterministic way to pick which inputs take a slower path. */
static inline uint32_t fuzz_hash(const uint8_t *data, size_t size)
{
	uint32_t h = 2166136261u;
	size_t i;
	for (i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	return h;
}

/*
 * Did a load against the fixed catalogue fail only because the document names another
 * catalogue? Then loading it with no catalogue (the built-in it names) is worth a try.
 * Loading a built-in catalogue costs ~20 ms under the sanitizers, so the targets do not
 * take that path for every input.
 */
static inline int fuzz_other_catalogue(int rc, const itsma_error *err)
{
	return rc < 0 && strcmp(err->pointer, "/catalogue") == 0;
}

/* Every failure must fill in the error struct consistently. */
static inline void fuzz_check_error(int rc, const itsma_error *err)
{
	FUZZ_CHECK(rc < 0);
	FUZZ_CHECK(err->code == rc);
	FUZZ_CHECK(err->message[0] != '\0');
	FUZZ_CHECK(memchr(err->message, '\0', sizeof err->message) != NULL);
	FUZZ_CHECK(memchr(err->source, '\0', sizeof err->source) != NULL);
	FUZZ_CHECK(memchr(err->pointer, '\0', sizeof err->pointer) != NULL);
	FUZZ_CHECK(err->pointer[0] == '\0' || err->pointer[0] == '/');
	FUZZ_CHECK(err->line >= 0 && err->column >= 0);
	if (rc == ITSMA_EPARSE)
		FUZZ_CHECK(err->line > 0 && err->column > 0);
	FUZZ_CHECK(rc == ITSMA_EPARSE || rc == ITSMA_ESCHEMA || rc == ITSMA_ELIMIT ||
	           rc == ITSMA_ENOTFOUND || rc == ITSMA_ENOMEM);
	{
		char buf[64];
		size_t n = itsma_error_format(buf, sizeof buf, err);
		FUZZ_CHECK(n > 0 && strlen(buf) < sizeof buf);
	}
}

/* Walk a catalogue through its getters and check the invariants of catalogue order. */
static inline void fuzz_walk_catalogue(const itsma_catalogue *cat)
{
	size_t i, j, n = itsma_catalogue_section_count(cat),
	             m = itsma_catalogue_requirement_count(cat);
	FUZZ_CHECK(itsma_catalogue_id(cat) && itsma_id_is_valid(itsma_catalogue_id(cat)));
	FUZZ_CHECK(itsma_catalogue_title(cat) && *itsma_catalogue_title(cat));
	for (i = 0; i < n; i++) {
		const itsma_section *s = itsma_catalogue_section_at(cat, i);
		FUZZ_CHECK(s && itsma_section_index(s) == i);
		FUZZ_CHECK(itsma_catalogue_find_section(cat, itsma_section_id(s)) == s);
		for (j = 0; j < itsma_section_child_count(s); j++)
			FUZZ_CHECK(itsma_section_parent(itsma_section_child_at(s, j)) == s);
		for (j = 0; j < itsma_catalogue_guidance_source_count(cat); j++) {
			const char *key = itsma_catalogue_guidance_source_key(cat, j);
			size_t k, g = itsma_section_guidance_count(s, key);
			for (k = 0; k < g; k++)
				FUZZ_CHECK(itsma_section_guidance_at(s, key, k) != NULL);
		}
	}
	for (i = 0; i < m; i++) {
		const itsma_requirement *r = itsma_catalogue_requirement_at(cat, i);
		FUZZ_CHECK(r && itsma_requirement_index(r) == i);
		FUZZ_CHECK(itsma_catalogue_find_requirement(cat, itsma_requirement_id(r)) == r);
		FUZZ_CHECK(itsma_catalogue_find_section(cat, itsma_requirement_id(r)) == NULL);
		FUZZ_CHECK(itsma_requirement_section(r) != NULL);
	}
	for (i = 0; i < itsma_catalogue_process_count(cat); i++)
		FUZZ_CHECK(itsma_section_kind_of(itsma_catalogue_process_at(cat, i)) ==
		           ITSMA_SECTION_KIND_PROCESS);
	FUZZ_CHECK(itsma_catalogue_section_at(cat, n) == NULL);
	FUZZ_CHECK(itsma_catalogue_requirement_at(cat, m) == NULL);
}

#endif
