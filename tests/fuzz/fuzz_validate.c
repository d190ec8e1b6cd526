/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fuzz validation (itsma_validate_buffer with a problem callback): every problem is a
 * well-formed error with a position, validation agrees with loading (a document is valid
 * exactly when it loads, and the first problem is the load's error), and a callback that
 * stops the run stops it. Run with -timeout and -rss_limit_mb (scripts/fuzz), so that a
 * quadratic or bloated path counts as a finding.
 */
#include "fuzz_common.h"

typedef struct seen {
	size_t count;
	size_t stop_after; /* return 7 from this problem on (0: never) */
	itsma_error first;
} seen;

static int on_problem(const itsma_error *e, void *payload)
{
	seen *s = payload;
	fuzz_check_error(e->code, e);
	/* a problem of the document always says where it is */
	if (e->code != ITSMA_ENOMEM)
		FUZZ_CHECK(e->line > 0 && e->column > 0);
	FUZZ_CHECK(strcmp(e->source, "fuzz.json") == 0);
	if (!s->count)
		s->first = *e;
	s->count++;
	return s->stop_after && s->count >= s->stop_after ? 7 : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const itsma_catalogue *cat = fuzz_builtin_catalogue();
	itsma_document_kind kind = ITSMA_DOCUMENT_KIND_UNKNOWN;
	itsma_error err = ITSMA_ERROR_INIT, lerr = ITSMA_ERROR_INIT;
	seen s;
	int rc, lrc;

	memset(&s, 0, sizeof s);
	rc = itsma_validate_buffer(&kind, (const char *)data, size, "fuzz.json", cat, on_problem,
	                           &s, &err);
	if (rc == 0) {
		FUZZ_CHECK(s.count == 0 && err.code == ITSMA_OK);
		FUZZ_CHECK(kind != ITSMA_DOCUMENT_KIND_UNKNOWN);
	} else {
		FUZZ_CHECK(s.count > 0);
		fuzz_check_error(rc, &err);
		/* err is the first problem */
		FUZZ_CHECK(err.code == s.first.code && strcmp(err.pointer, s.first.pointer) == 0 &&
		           err.line == s.first.line && err.column == s.first.column);
	}

	/* the loader agrees */
	if (kind == ITSMA_DOCUMENT_KIND_CATALOGUE) {
		itsma_catalogue *c = NULL;
		lrc = itsma_catalogue_load_buffer(&c, (const char *)data, size, "fuzz.json", NULL,
		                                  &lerr);
		itsma_catalogue_free(c);
	} else if (kind == ITSMA_DOCUMENT_KIND_ASSESSMENT) {
		itsma_assessment *a = NULL;
		lrc = itsma_assessment_load_buffer(&a, (const char *)data, size, "fuzz.json", cat,
		                                   NULL, &lerr);
		itsma_assessment_free(a);
	} else {
		lrc = rc < 0 ? rc : ITSMA_ESCHEMA;
	}
	FUZZ_CHECK((rc == 0) == (lrc == 0));
	if (rc < 0 && kind != ITSMA_DOCUMENT_KIND_UNKNOWN && lrc != ITSMA_ENOMEM &&
	    rc != ITSMA_ENOMEM)
		FUZZ_CHECK(lerr.code == err.code && strcmp(lerr.pointer, err.pointer) == 0 &&
		           lerr.line == err.line && lerr.column == err.column);

	/* a callback that stops after the second problem stops the run there */
	if (s.count > 2) {
		size_t all = s.count;
		memset(&s, 0, sizeof s);
		s.stop_after = 2;
		rc = itsma_validate_buffer(NULL, (const char *)data, size, "fuzz.json", cat,
		                           on_problem, &s, &err);
		FUZZ_CHECK(rc == 7 && s.count == 2 && all > 2);
	}
	return 0;
}
