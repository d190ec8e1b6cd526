/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fuzz the questionnaire import (CSV reading, separator detection, cells, evidence sheet)
 * against the built-in ISO/IEC 20000-1:2018 catalogue.
 *
 * Input: an optional evidence sheet, the line "#questionnaire#", then the questionnaire;
 * without that line the whole input is the questionnaire. The first byte picks the
 * separator option (detect, ',', ';' or tab) when it is '0'-'3' followed by a newline.
 *
 * Checked: a failure hands out no assessment and reports at least one problem, each with a
 * source, a message in valid UTF-8 and a position inside the input; a success gives a
 * consistent assessment that writes out as a questionnaire and an evidence sheet which
 * import back to an assessment that writes out the same text.
 */
#include "fuzz_common.h"

#define MARK "#questionnaire#\n"

typedef struct problems {
	size_t count, limit; /* limit: the largest valid offset */
} problems;

static int utf8_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = *p < 0x80             ? 1
		           : (*p & 0xE0) == 0xC0 ? 2
		           : (*p & 0xF0) == 0xE0 ? 3
		           : (*p & 0xF8) == 0xF0 ? 4
		                                 : 0;
		if (n == 0)
			return 0;
		for (size_t i = 1; i < n; i++)
			if ((p[i] & 0xC0) != 0x80)
				return 0;
		p += n;
	}
	return 1;
}

static int on_problem(const itsma_error *e, void *payload)
{
	problems *pr = payload;
	FUZZ_CHECK(e->code < 0);
	FUZZ_CHECK(e->source[0] != '\0');
	FUZZ_CHECK(e->message[0] != '\0' && utf8_ok(e->message));
	FUZZ_CHECK(e->line >= 0 && e->column >= 0 && e->offset <= pr->limit);
	pr->count++;
	return 0;
}

typedef struct text {
	char *data;
	size_t len;
} text;

/* The assessment as questionnaire and evidence sheet. */
static void write_sheets(const itsma_assessment *a, char delimiter, char **q, char **ev)
{
	itsma_questionnaire_options qo = ITSMA_QUESTIONNAIRE_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	qo.assessment = a;
	qo.delimiter = delimiter;
	FUZZ_CHECK(itsma_questionnaire_to_string(q, itsma_assessment_catalogue(a), &qo, &err) == 0);
	FUZZ_CHECK(itsma_evidence_sheet_to_string(ev, &qo, &err) == 0);
}

/*
 * Write the assessment as CSV with the given separator, import that, and write the result
 * again: the same text (the sheets list rows in catalogue order, the input may not), and
 * the same number of records.
 */
static void round_trip(const itsma_assessment *a, char delimiter)
{
	itsma_import_options io = ITSMA_IMPORT_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_assessment *b = NULL;
	char *q = NULL, *ev = NULL, *q2 = NULL, *ev2 = NULL;
	write_sheets(a, delimiter, &q, &ev);
	io.catalogue = itsma_assessment_catalogue(a);
	io.id = itsma_assessment_id(a);
	io.date = itsma_assessment_date(a);
	int rc = itsma_questionnaire_import(&b, q, strlen(q), "rt-q.csv", ev, strlen(ev),
	                                    "rt-e.csv", &io, &err);
	if (rc != 0)
		fprintf(stderr, "round trip: %s:%d:%d: %s\n", err.source, err.line, err.column,
		        err.message);
	FUZZ_CHECK(rc == 0 && b);
	write_sheets(b, delimiter, &q2, &ev2);
	if (strcmp(q, q2) != 0 || strcmp(ev, ev2) != 0)
		fprintf(stderr, "written:\n%s\n%s\nimported and written again:\n%s\n%s\n", ev, q,
		        ev2, q2);
	FUZZ_CHECK(strcmp(q, q2) == 0 && strcmp(ev, ev2) == 0);
	FUZZ_CHECK(itsma_assessment_rating_count(a) == itsma_assessment_rating_count(b));
	FUZZ_CHECK(itsma_assessment_attribute_count(a) == itsma_assessment_attribute_count(b));
	FUZZ_CHECK(itsma_assessment_evidence_count(a) == itsma_assessment_evidence_count(b));
	FUZZ_CHECK(itsma_assessment_exclusion_count(a) == itsma_assessment_exclusion_count(b));
	FUZZ_CHECK(itsma_assessment_process_target_count(a) ==
	           itsma_assessment_process_target_count(b));
	itsma_assessment_free(b);
	itsma_free(q);
	itsma_free(ev);
	itsma_free(q2);
	itsma_free(ev2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delimiters[] = { 0, ',', ';', '\t' };
	const char *in = (const char *)data;
	char delimiter = 0;
	text q = { NULL, 0 }, ev = { NULL, 0 };
	if (size >= 2 && in[0] >= '0' && in[0] <= '3' && in[1] == '\n') {
		delimiter = delimiters[in[0] - '0'];
		in += 2;
		size -= 2;
	}
	/* the split, on copies of exact size so that reads past either end are caught */
	const char *mark = NULL;
	for (size_t i = 0; i + sizeof MARK - 1 <= size && !mark; i++)
		if (memcmp(in + i, MARK, sizeof MARK - 1) == 0)
			mark = in + i;
	size_t qstart = mark ? (size_t)(mark - in) + sizeof MARK - 1 : 0;
	q.len = size - qstart;
	q.data = malloc(q.len ? q.len : 1);
	FUZZ_CHECK(q.data);
	memcpy(q.data, in + qstart, q.len);
	if (mark) {
		ev.len = (size_t)(mark - in);
		ev.data = malloc(ev.len ? ev.len : 1);
		FUZZ_CHECK(ev.data);
		memcpy(ev.data, in, ev.len);
	}

	problems pr = { 0, q.len > ev.len ? q.len : ev.len };
	itsma_import_options io = ITSMA_IMPORT_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_assessment *a = NULL;
	io.catalogue = fuzz_builtin_catalogue();
	io.id = "fuzz";
	io.date = "2026-11-20";
	io.delimiter = delimiter;
	io.problem = on_problem;
	io.payload = &pr;
	int rc = itsma_questionnaire_import(&a, q.data, q.len, "q.csv", ev.data, ev.len, "e.csv",
	                                    &io, &err);
	if (rc < 0) {
		FUZZ_CHECK(a == NULL);
		FUZZ_CHECK(rc == ITSMA_ENOMEM || pr.count > 0);
		FUZZ_CHECK(err.code == rc && utf8_ok(err.message));
	} else {
		FUZZ_CHECK(rc == 0 && a && pr.count == 0);
		for (size_t i = 0; i < itsma_assessment_rating_count(a); i++) {
			const itsma_rating *r = itsma_assessment_rating_at(a, i);
			FUZZ_CHECK(itsma_rating_value(r) >= 0 && itsma_rating_value(r) <= 100);
			for (size_t k = 0; k < itsma_rating_evidence_count(r); k++)
				FUZZ_CHECK(itsma_rating_evidence_at(r, k) != NULL);
		}
		round_trip(a, delimiters[1 + fuzz_hash(data, size) % 3]);
		itsma_assessment_free(a);
	}
	free(q.data);
	free(ev.data);
	return 0;
}
