/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Importing a filled questionnaire and its evidence sheet (CSV) as an assessment.
 *
 * Each file is read once, row by row (internal/csv.h). Columns are found by their header.
 * Every problem is reported with its file, line and column; the assessment is handed out
 * only when there was none. Evidence that cannot be used (a broken evidence row, or an id
 * no row has) is reported once with the number of questionnaire rows citing it, not once
 * per citing row.
 */
#include "itsma/questionnaire.h"
#include "internal/arena.h"
#include "internal/csv.h"
#include "internal/error.h"
#include "internal/json_in.h"
#include "internal/strmap.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int itsma_import_options_init(itsma_import_options *opts, unsigned int version)
{
	static const itsma_import_options defaults = ITSMA_IMPORT_OPTIONS_INIT;
	if (!opts || itsma__version_check(version, ITSMA_IMPORT_OPTIONS_VERSION, NULL, NULL) < 0)
		return ITSMA_EINVAL;
	*opts = defaults;
	return 0;
}

/* An evidence id that questionnaire rows cite but that did not become a record. */
typedef struct cite {
	const char *id;     /* arena copy */
	const char *source; /* the file of the position below */
	int line, column;   /* the evidence row (broken) or the first citation (missing) */
	size_t offset;
	size_t rows;    /* questionnaire rows citing it */
	int first_line; /* the first of them */
	int broken;     /* 1: an evidence row with problems; 0: no such row */
} cite;

typedef struct importer {
	const itsma_import_options *opts;
	itsma_assessment *a;
	itsma__arena arena;
	itsma__strmap cites; /* id -> cite */
	cite **cite_list;    /* in the order they were met */
	size_t ncites, cites_cap;
	size_t problems;
	int stop; /* the problem callback's non-zero value */
	int nomem;
	itsma_error first;
	/* the sheet being read */
	const char *source;
	itsma__csv_reader rd;
	itsma__strmap seen;    /* keys of rows read so far -> their line */
	itsma__strmap row_ids; /* evidence ids of the current cell (when there are many) */
	char empty[1];         /* the text of a cell the row does not have */
} importer;

/* ---- problems --------------------------------------------------------------------------- */

static void report(importer *im, int code, const char *source, int line, int column, size_t offset,
                   const char *fmt, ...) ITSMA_FORMAT_PRINTF(7, 8);

static void report(importer *im, int code, const char *source, int line, int column, size_t offset,
                   const char *fmt, ...)
{
	char text[ITSMA_ERROR_MESSAGE_LENGTH * 2];
	itsma_error e = ITSMA_ERROR_INIT;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	itsma__error_set(&e, code, "%s", text);
	itsma__error_source(&e, source);
	e.line = line;
	e.column = column;
	e.offset = offset;
	if (im->problems++ == 0)
		im->first = e;
	if (im->opts->problem && !im->stop)
		im->stop = im->opts->problem(&e, im->opts->payload);
}

/* A problem with a CSV error already filled in (syntax, encoding, reading a file). */
static void report_error(importer *im, const itsma_error *e)
{
	if (e->code == ITSMA_ENOMEM) {
		im->nomem = 1;
		return;
	}
	if (im->problems++ == 0)
		im->first = *e;
	if (im->opts->problem && !im->stop)
		im->stop = im->opts->problem(e, im->opts->payload);
}

/* A problem with a cell (col NULL: with the row) of the current row; `at` is the cell or,
 * for a cell the row does not have, NULL (the row's start is shown). */
static void cell_problem(importer *im, const itsma__csv_field *at, const char *col, const char *fmt,
                         ...) ITSMA_FORMAT_PRINTF(4, 5);

static void cell_problem(importer *im, const itsma__csv_field *at, const char *col, const char *fmt,
                         ...)
{
	char text[ITSMA_ERROR_MESSAGE_LENGTH * 2];
	va_list ap;
	if (!at)
		at = &im->rd.cells[0];
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (col)
		report(im, ITSMA_ESCHEMA, im->source, at->line, at->column, at->offset,
		       "column \"%s\": %s", col, text);
	else
		report(im, ITSMA_ESCHEMA, im->source, at->line, at->column, at->offset, "%s", text);
}

/*
 * A cell's text for a message: at most about 48 bytes, cut between characters and marked
 * with "..." and the full length when cut; control characters shown as '?'.
 */
static const char *shown(char *buf, size_t size, const char *s)
{
	size_t n = strlen(s), k = n, w = 0;
	const size_t max = 48;
	if (k > max) {
		k = max;
		while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
	}
	for (size_t i = 0; i < k && w + 1 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		buf[w++] = c < 0x20 || c == 0x7F ? '?' : (char)c;
	}
	buf[w] = '\0';
	if (k < n)
		snprintf(buf + w, size - w, "...\" (%zu bytes) \"", n);
	return buf;
}

/* ---- cells ----------------------------------------------------------------------------- */

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

static char upper(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c; }

/* The cell in column col of the current row, or NULL when the row has no such cell. */
static itsma__csv_field *cell_at(importer *im, int col)
{
	return col >= 0 && (size_t)col < im->rd.count ? &im->rd.cells[col] : NULL;
}

/* A cell as written, without a formula guard's apostrophe; NULL when empty or blank. */
static const char *raw_cell(importer *im, int col)
{
	itsma__csv_field *c = cell_at(im, col);
	if (!c)
		return NULL;
	const char *s = itsma__csv_unneutralise(c->text);
	for (const char *p = s; *p; p++)
		if (!is_space(*p))
			return s;
	return NULL;
}

/* A cell without its formula guard and surrounding white space ("" when absent). Changes
 * the row's text in place: read each cell either trimmed or raw, once. */
static char *trimmed_cell(importer *im, int col)
{
	itsma__csv_field *c = cell_at(im, col);
	if (!c) {
		im->empty[0] = '\0';
		return im->empty;
	}
	char *s = itsma__csv_unneutralise(c->text);
	while (is_space(*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && is_space(s[n - 1]))
		n--;
	s[n] = '\0';
	return s;
}

/* Header cell equals a column name, ignoring ASCII case and surrounding white space. */
static int header_is(const char *cell, const char *name)
{
	while (is_space(*cell))
		cell++;
	for (; *name; cell++, name++)
		if (lower(*cell) != *name)
			return 0;
	while (is_space(*cell))
		cell++;
	return *cell == '\0';
}

/* The header row's column of a name (or one of its aliases), or -1. */
static int column_of(const itsma__csv_reader *rd, const char *name)
{
	static const char *const aliases[][3] = {
		{ "text", "requirement text", "requirement" },
		{ "evidence", "evidence ids", NULL },
		{ "id", "requirement id", NULL },
	};
	for (size_t i = 0; i < rd->count; i++)
		if (header_is(rd->cells[i].text, name))
			return (int)i;
	for (size_t k = 0; k < sizeof aliases / sizeof aliases[0]; k++) {
		if (strcmp(aliases[k][0], name) != 0)
			continue;
		for (size_t i = 0; i < rd->count; i++)
			for (size_t j = 1; j < 3 && aliases[k][j]; j++)
				if (header_is(rd->cells[i].text, aliases[k][j]))
					return (int)i;
	}
	return -1;
}

/* ---- sheets ---------------------------------------------------------------------------- */

static void sheet_free(importer *im)
{
	itsma__csv_reader_free(&im->rd);
	itsma__strmap_free(&im->seen);
	itsma__strmap_free(&im->row_ids);
}

/* Read a sheet's header row and find its columns; 0 when the sheet can be read on. */
static int sheet_start(importer *im, const char *data, size_t len, const char *source,
                       const char *const *names, int *cols, size_t ncols, size_t nrequired)
{
	itsma_error e = ITSMA_ERROR_INIT;
	int rc;
	im->source = source;
	itsma__csv_reader_init(&im->rd, data, len, source, im->opts->delimiter);
	if ((rc = itsma__csv_next(&im->rd, &e)) < 0) {
		report_error(im, &e);
		return -1;
	}
	if (rc == 0) {
		report(im, ITSMA_ESCHEMA, source, 0, 0, 0,
		       "the file is empty (it needs a header row)");
		return -1;
	}
	int ok = 1;
	for (size_t i = 0; i < ncols; i++) {
		cols[i] = column_of(&im->rd, names[i]);
		if (cols[i] < 0 && i < nrequired) {
			const char *h = im->rd.cells[0].text;
			int other = im->rd.count == 1 && strpbrk(h, ",;\t") != NULL;
			cell_problem(im, NULL, NULL, "the header row has no \"%s\" column%s",
			             names[i],
			             other ? " (are the columns separated by another character? "
			                     "name the delimiter)"
			                   : "");
			ok = 0;
		}
	}
	return ok ? 0 : -1;
}

/* The next data row of the sheet: 1, or 0 at the end or on a syntax error (reported). */
static int sheet_next(importer *im)
{
	itsma_error e = ITSMA_ERROR_INIT;
	if (im->stop || im->nomem)
		return 0;
	int rc = itsma__csv_next(&im->rd, &e);
	if (rc < 0)
		report_error(im, &e);
	return rc > 0;
}

/* Whether a row key was met before (reported as a problem with the cell `at`). */
static int duplicate(importer *im, const itsma__csv_field *at, const char *col, const char *key,
                     const char *what)
{
	void *line = itsma__strmap_get(&im->seen, key);
	if (line) {
		cell_problem(im, at, col, "%s is already on line %d", what, (int)(intptr_t)line);
		return 1;
	}
	int failed = 0;
	char *copy = itsma__arena_strdup(&im->arena, key, &failed);
	int row_line = at ? at->line : im->rd.cells[0].line;
	if (failed || itsma__strmap_put(&im->seen, copy, (void *)(intptr_t)row_line) < 0)
		im->nomem = 1;
	return 0;
}

static cite *add_cite(importer *im, const char *id, int broken, const itsma__csv_field *at)
{
	int failed = 0;
	cite *c = itsma__arena_alloc(&im->arena, sizeof *c);
	if (!c || itsma__grow((void **)&im->cite_list, &im->cites_cap, im->ncites + 1,
	                      sizeof *im->cite_list) < 0) {
		im->nomem = 1;
		return NULL;
	}
	c->id = itsma__arena_strdup(&im->arena, id, &failed);
	if (failed || itsma__strmap_put(&im->cites, c->id, c) < 0) {
		im->nomem = 1;
		return NULL;
	}
	c->source = im->source;
	c->line = at->line;
	c->column = at->column;
	c->offset = at->offset;
	c->broken = broken;
	im->cite_list[im->ncites++] = c;
	return c;
}

/* ---- the evidence sheet ---------------------------------------------------------------- */

enum {
	EV_ID,
	EV_TITLE,
	EV_KIND,
	EV_COLLECTED,
	EV_EXPIRES,
	EV_URI,
	EV_SHA256,
	EV_BY,
	EV_NOTE,
	EV_COLUMNS
};

static void evidence_row(importer *im, const int *col)
{
	char v1[160], v2[160];
	size_t before = im->problems;
	itsma_evidence_spec spec = ITSMA_EVIDENCE_SPEC_INIT;
	long dc = 0, de = 0;
	itsma__csv_field *id_cell = cell_at(im, col[EV_ID]);

	spec.id = trimmed_cell(im, col[EV_ID]);
	if (!itsma_id_is_valid(spec.id)) {
		cell_problem(im, id_cell, "id",
		             "\"%s\" is not an identifier (1 to 64 of A-Z a-z 0-9 . _ : -)",
		             shown(v1, sizeof v1, spec.id));
	} else {
		char key[80], what[90];
		snprintf(key, sizeof key, "%s", spec.id);
		snprintf(what, sizeof what, "evidence \"%s\"", spec.id);
		if (duplicate(im, id_cell, "id", key, what))
			return; /* the first row of that id stands */
	}
	spec.title = trimmed_cell(im, col[EV_TITLE]);
	if (!*spec.title)
		cell_problem(im, cell_at(im, col[EV_TITLE]), "title",
		             "an evidence record needs a title");
	char *kind = trimmed_cell(im, col[EV_KIND]);
	for (char *p = kind; *p; p++)
		*p = lower(*p);
	if (itsma_evidence_kind_parse(&spec.kind, kind, NULL) < 0)
		cell_problem(im, cell_at(im, col[EV_KIND]), "kind",
		             "expected document, record, interview, observation, metric or other, "
		             "not \"%s\"",
		             shown(v1, sizeof v1, kind));
	spec.collected = trimmed_cell(im, col[EV_COLLECTED]);
	if (itsma_date_parse(&dc, spec.collected, NULL) < 0)
		cell_problem(im, cell_at(im, col[EV_COLLECTED]), "collected",
		             "expected a date YYYY-MM-DD, not \"%s\"",
		             shown(v1, sizeof v1, spec.collected));
	spec.expires = trimmed_cell(im, col[EV_EXPIRES]);
	if (!*spec.expires)
		spec.expires = NULL;
	else if (itsma_date_parse(&de, spec.expires, NULL) < 0)
		cell_problem(im, cell_at(im, col[EV_EXPIRES]), "expires",
		             "expected a date YYYY-MM-DD or nothing, not \"%s\"",
		             shown(v1, sizeof v1, spec.expires));
	else if (de < dc)
		cell_problem(im, cell_at(im, col[EV_EXPIRES]), "expires",
		             "%s is before the date collected, %s", spec.expires,
		             shown(v2, sizeof v2, spec.collected));
	spec.uri = trimmed_cell(im, col[EV_URI]);
	if (!*spec.uri)
		spec.uri = NULL;
	char *sha = trimmed_cell(im, col[EV_SHA256]);
	if (*sha) {
		int ok = strlen(sha) == 64;
		for (char *p = sha; *p; p++) {
			*p = lower(*p);
			if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
				ok = 0;
		}
		if (!ok)
			cell_problem(im, cell_at(im, col[EV_SHA256]), "sha256",
			             "expected 64 hexadecimal digits, not \"%s\"",
			             shown(v1, sizeof v1, sha));
		spec.sha256 = sha;
	}
	spec.by = trimmed_cell(im, col[EV_BY]);
	if (!*spec.by)
		spec.by = NULL;
	spec.note = raw_cell(im, col[EV_NOTE]);
	if (im->problems == before) {
		itsma_error err = ITSMA_ERROR_INIT;
		if (itsma_assessment_put_evidence(im->a, &spec, &err) == 0)
			return;
		if (err.code == ITSMA_ENOMEM) {
			im->nomem = 1;
			return;
		}
		cell_problem(im, NULL, NULL, "%s", err.message);
	}
	/* left out: rows citing it are counted, not reported one by one */
	if (*spec.id && !itsma__strmap_get(&im->cites, spec.id))
		add_cite(im, spec.id, 1, id_cell ? id_cell : &im->rd.cells[0]);
}

static void import_evidence(importer *im, const char *data, size_t len, const char *source)
{
	static const char *const names[EV_COLUMNS] = { "id",        "title",   "kind",
		                                       "collected", "expires", "uri",
		                                       "sha256",    "by",      "note" };
	int col[EV_COLUMNS];
	if (sheet_start(im, data, len, source, names, col, EV_COLUMNS, 4) == 0)
		while (sheet_next(im))
			evidence_row(im, col);
	sheet_free(im);
}

/* ---- the questionnaire ----------------------------------------------------------------- */

enum { Q_TYPE, Q_ID, Q_PROCESS, Q_RATING, Q_EVIDENCE, Q_NOTE, Q_COLUMNS };

/* A rating cell as the scale writes it: "l+" -> "L+", "72,5" -> "72.5", "72.5 %" -> "72.5". */
static void normalise_rating(char *r)
{
	size_t n = strlen(r);
	if (n > 0 && r[n - 1] == '%') {
		r[--n] = '\0';
		while (n > 0 && r[n - 1] == ' ')
			r[--n] = '\0';
	}
	int digits = n > 0 && r[0] >= '0' && r[0] <= '9';
	for (char *p = r; *p; p++)
		*p = digits && *p == ',' ? '.' : upper(*p);
}

static int is_exclusion(const char *r)
{
	return strcmp(r, "EXCLUDED") == 0 || strcmp(r, "N/A") == 0 || strcmp(r, "NA") == 0;
}

/* Few ids in a cell are compared one by one; past this many, through a map. */
#define FEW_IDS 8

/* Whether tok is among the first n ids of the cell. */
static int repeated(const importer *im, const char *const *ids, size_t n, const char *tok)
{
	if (n > FEW_IDS)
		return itsma__strmap_get(&im->row_ids, tok) != NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(ids[i], tok) == 0)
			return 1;
	return 0;
}

/*
 * The evidence ids of the row's evidence cell (separated by spaces, commas or semicolons),
 * each once, in *out (Owned by the caller: free()). An id without a usable record is
 * counted against its cite, and *bad is set.
 */
static size_t cited(importer *im, const int *col, const char ***out, int *bad)
{
	size_t n = 0, cap = 0;
	const char **ids = NULL;
	itsma__csv_field *at = cell_at(im, col[Q_EVIDENCE]);
	char *text = trimmed_cell(im, col[Q_EVIDENCE]);
	char *save = NULL;
	*bad = 0;
	for (char *tok = strtok_r(text, " ,;\t\r\n", &save); tok;
	     tok = strtok_r(NULL, " ,;\t\r\n", &save)) {
		if (repeated(im, ids, n, tok))
			continue;
		if (n == cap && itsma__grow((void **)&ids, &cap, n + 1, sizeof *ids) < 0) {
			im->nomem = 1;
			break;
		}
		ids[n++] = tok;
		for (size_t i = n == FEW_IDS + 1 ? 0 : n - 1; n > FEW_IDS && i < n; i++)
			if (itsma__strmap_put(&im->row_ids, ids[i], (void *)ids[i]) < 0)
				im->nomem = 1;
		if (itsma_assessment_find_evidence(im->a, tok))
			continue;
		*bad = 1;
		cite *c = itsma__strmap_get(&im->cites, tok);
		if (!c && !(c = add_cite(im, tok, 0, at)))
			break;
		if (c->rows++ == 0)
			c->first_line = at->line;
	}
	itsma__strmap_free(&im->row_ids);
	*out = ids;
	return n;
}

static void requirement_row(importer *im, const int *col, const char *rid, const char *rating)
{
	const itsma_catalogue *cat = itsma_assessment_catalogue(im->a);
	itsma__csv_field *id_cell = cell_at(im, col[Q_ID]),
	                 *rating_cell = cell_at(im, col[Q_RATING]);
	char v[160], key[80], what[90];
	if (!itsma_catalogue_find_requirement(cat, rid)) {
		cell_problem(im, id_cell, "id", "no requirement \"%s\" in catalogue %s",
		             shown(v, sizeof v, rid), itsma_catalogue_id(cat));
		return;
	}
	snprintf(key, sizeof key, "R %s", rid);
	snprintf(what, sizeof what, "requirement %s", rid);
	if (duplicate(im, id_cell, "id", key, what) || !*rating)
		return; /* a second row, or not assessed yet */
	itsma_error err = ITSMA_ERROR_INIT;
	if (is_exclusion(rating)) {
		const char *reason = raw_cell(im, col[Q_NOTE]);
		if (!reason)
			cell_problem(im, cell_at(im, col[Q_NOTE]), "note",
			             "an excluded requirement needs the reason in the note");
		else if (itsma_assessment_put_exclusion(im->a, rid, reason, &err) < 0)
			cell_problem(im, rating_cell, "rating", "%s", err.message);
		return;
	}
	itsma_rating_spec spec = ITSMA_RATING_SPEC_INIT;
	spec.requirement_id = rid;
	if (itsma_rating_parse(&spec.letter, &spec.value, rating, NULL) < 0) {
		cell_problem(
		    im, rating_cell, "rating",
		    "expected N, P-, P, P+, L-, L, L+, F or a number from 0 to 100, not \"%s\"",
		    shown(v, sizeof v, rating));
		return;
	}
	const char **ids = NULL;
	int bad = 0;
	spec.evidence_count = cited(im, col, &ids, &bad);
	spec.evidence = ids;
	spec.note = raw_cell(im, col[Q_NOTE]);
	if (!bad && !im->nomem && itsma_assessment_put_rating(im->a, &spec, &err) < 0)
		cell_problem(im, NULL, NULL, "%s", err.message);
	free(ids);
}

static const itsma_section *process_of_row(importer *im, const int *col, int fallback_to_id)
{
	const itsma_catalogue *cat = itsma_assessment_catalogue(im->a);
	int c = col[Q_PROCESS];
	const char *pid = trimmed_cell(im, c);
	char v[160];
	if (!*pid && fallback_to_id) {
		c = col[Q_ID];
		pid = trimmed_cell(im, c);
	}
	const itsma_section *p = itsma_catalogue_find_section(cat, pid);
	if (!p || itsma_section_kind_of(p) != ITSMA_SECTION_KIND_PROCESS) {
		cell_problem(im, cell_at(im, c), "process",
		             "\"%s\" is not a process of catalogue %s", shown(v, sizeof v, pid),
		             itsma_catalogue_id(cat));
		return NULL;
	}
	return p;
}

static void attribute_row(importer *im, const int *col, const char *name, const char *rating)
{
	itsma__csv_field *id_cell = cell_at(im, col[Q_ID]),
	                 *rating_cell = cell_at(im, col[Q_RATING]);
	itsma_attribute attr;
	char v[160], key[120], what[120];
	if (strcmp(name, "PA1.1") == 0) {
		cell_problem(im, id_cell, "id",
		             "PA1.1 is derived from the process's requirements and never rated");
		return;
	}
	if (itsma_attribute_parse(&attr, name, NULL) < 0) {
		cell_problem(im, id_cell, "id",
		             "expected a process attribute PA2.1 to PA5.2, not \"%s\"",
		             shown(v, sizeof v, name));
		return;
	}
	const itsma_section *p = process_of_row(im, col, 0);
	if (!p)
		return;
	snprintf(key, sizeof key, "A %s %s", itsma_section_id(p), name);
	snprintf(what, sizeof what, "%s of %s", name, itsma_section_id(p));
	if (duplicate(im, id_cell, "id", key, what) || !*rating)
		return;
	itsma_attribute_spec spec = ITSMA_ATTRIBUTE_SPEC_INIT;
	spec.process = p;
	spec.attribute = attr;
	if (itsma_rating_parse(&spec.letter, &spec.value, rating, NULL) < 0) {
		cell_problem(
		    im, rating_cell, "rating",
		    "expected N, P-, P, P+, L-, L, L+, F or a number from 0 to 100, not \"%s\"",
		    shown(v, sizeof v, rating));
		return;
	}
	const char **ids = NULL;
	int bad = 0;
	spec.evidence_count = cited(im, col, &ids, &bad);
	spec.evidence = ids;
	spec.note = raw_cell(im, col[Q_NOTE]);
	itsma_error err = ITSMA_ERROR_INIT;
	if (!bad && !im->nomem && itsma_assessment_put_attribute(im->a, &spec, &err) < 0)
		cell_problem(im, NULL, NULL, "%s", err.message);
	free(ids);
}

static void target_row(importer *im, const int *col, const char *level)
{
	itsma__csv_field *id_cell = cell_at(im, col[Q_ID]),
	                 *rating_cell = cell_at(im, col[Q_RATING]);
	const itsma_section *p = process_of_row(im, col, 1);
	char v[160], key[80], what[100];
	if (!p)
		return;
	snprintf(key, sizeof key, "T %s", itsma_section_id(p));
	snprintf(what, sizeof what, "the target of %s", itsma_section_id(p));
	if (duplicate(im, id_cell, "id", key, what) || !*level)
		return;
	if (level[0] < '0' || level[0] > '5' || level[1] != '\0') {
		cell_problem(im, rating_cell, "rating",
		             "a target is a capability level from 0 to 5, not \"%s\"",
		             shown(v, sizeof v, level));
		return;
	}
	itsma_error err = ITSMA_ERROR_INIT;
	if (itsma_assessment_set_process_target(im->a, itsma_section_id(p), level[0] - '0', &err) <
	    0)
		cell_problem(im, rating_cell, "rating", "%s", err.message);
}

static void questionnaire_row(importer *im, const int *col)
{
	const itsma_catalogue *cat = itsma_assessment_catalogue(im->a);
	itsma_attribute attr;
	char v[160];
	char *type = trimmed_cell(im, col[Q_TYPE]);
	for (char *p = type; *p; p++)
		*p = lower(*p);
	const char *id = trimmed_cell(im, col[Q_ID]);
	char *rating = trimmed_cell(im, col[Q_RATING]);
	normalise_rating(rating);
	if (!*type) { /* no type column or cell: tell by the id */
		if (itsma_catalogue_find_requirement(cat, id))
			type = "requirement";
		else if (itsma_attribute_parse(&attr, id, NULL) == 0)
			type = "attribute";
		else if (itsma_catalogue_find_section(cat, id))
			type = "target";
		else
			type = "requirement";
	}
	if (strcmp(type, "requirement") == 0)
		requirement_row(im, col, id, rating);
	else if (strcmp(type, "attribute") == 0)
		attribute_row(im, col, id, rating);
	else if (strcmp(type, "target") == 0)
		target_row(im, col, rating);
	else
		cell_problem(im, cell_at(im, col[Q_TYPE]), "type",
		             "expected requirement, attribute or target, not \"%s\"",
		             shown(v, sizeof v, type));
}

static void import_questionnaire(importer *im, const char *data, size_t len, const char *source)
{
	static const char *const names[Q_COLUMNS] = { "id",      "rating",   "type",
		                                      "process", "evidence", "note" };
	int found[Q_COLUMNS], col[Q_COLUMNS];
	if (sheet_start(im, data, len, source, names, found, Q_COLUMNS, 2) == 0) {
		col[Q_ID] = found[0];
		col[Q_RATING] = found[1];
		col[Q_TYPE] = found[2];
		col[Q_PROCESS] = found[3];
		col[Q_EVIDENCE] = found[4];
		col[Q_NOTE] = found[5];
		while (sheet_next(im))
			questionnaire_row(im, col);
	}
	sheet_free(im);
}

/* One problem per unusable evidence id that rows cite, with their number. */
static void report_cites(importer *im, const char *evidence_given)
{
	char v[160];
	for (size_t i = 0; i < im->ncites && !im->stop; i++) {
		const cite *c = im->cite_list[i];
		if (c->broken && c->rows > 0)
			report(im, ITSMA_ESCHEMA, c->source, c->line, c->column, c->offset,
			       "evidence \"%s\" was left out for the problems on this line: %zu "
			       "row%s of %s "
			       "cite%s it (the first on line %d)",
			       shown(v, sizeof v, c->id), c->rows, c->rows == 1 ? "" : "s",
			       im->source, c->rows == 1 ? "s" : "", c->first_line);
		else if (!c->broken) {
			char more[80] = "";
			if (c->rows > 1)
				snprintf(more, sizeof more, "; %zu rows cite it (the first here)",
				         c->rows);
			report(im, ITSMA_ESCHEMA, c->source, c->line, c->column, c->offset,
			       "column \"evidence\": no evidence record \"%s\"%s%s",
			       shown(v, sizeof v, c->id),
			       evidence_given ? " in the evidence list"
			                      : " (no evidence list was given)",
			       more);
		}
	}
}

int itsma_questionnaire_import(itsma_assessment **out, const char *questionnaire, size_t len,
                               const char *source, const char *evidence, size_t evidence_len,
                               const char *evidence_source, const itsma_import_options *opts,
                               itsma_error *err)
{
	itsma__error_reset(err);
	importer im;
	int rc;
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "out must not be NULL");
	*out = NULL;
	if (!opts)
		return itsma__error_set(err, ITSMA_EINVAL, "import options must not be NULL");
	if (itsma__version_check(opts->version, ITSMA_IMPORT_OPTIONS_VERSION,
	                         "itsma_import_options", err) < 0)
		return ITSMA_EINVAL;
	if (!opts->catalogue || !opts->id || !opts->date)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "the import options need a catalogue, an id and a date");
	if (opts->delimiter != 0 && opts->delimiter != ',' && opts->delimiter != ';' &&
	    opts->delimiter != '\t')
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "the delimiter must be ',', ';' or a tab");
	if (!questionnaire && len > 0)
		return itsma__error_set(err, ITSMA_EINVAL, "questionnaire must not be NULL");
	memset(&im, 0, sizeof im);
	im.opts = opts;
	if ((rc = itsma_assessment_new(&im.a, opts->catalogue, opts->id, opts->date, err)) < 0)
		return rc;
	if (evidence)
		import_evidence(&im, evidence, evidence_len,
		                evidence_source ? evidence_source : "<evidence>");
	if (!im.stop && !im.nomem)
		import_questionnaire(&im, questionnaire ? questionnaire : "", len,
		                     source ? source : "<questionnaire>");
	if (!im.stop && !im.nomem)
		report_cites(&im, evidence);
	itsma__strmap_free(&im.cites);
	free(im.cite_list);
	itsma__arena_free(&im.arena);
	if (im.nomem) {
		itsma_assessment_free(im.a);
		return itsma__error_nomem(err);
	}
	if (im.problems > 0) {
		itsma_assessment_free(im.a);
		if (err)
			*err = im.first;
		return im.stop ? im.stop : im.first.code;
	}
	*out = im.a;
	return 0;
}

/* Read a file for the import; a failure is reported as a problem too. */
static int read_input(const char *path, char **buf, size_t *len, const itsma_import_options *opts,
                      itsma_error *err)
{
	itsma_error e = ITSMA_ERROR_INIT;
	int rc = itsma__read_file(path, ITSMA_DEFAULT_MAX_BYTES, buf, len, &e);
	if (rc < 0) {
		if (rc != ITSMA_ENOMEM && opts && opts->problem)
			(void)opts->problem(&e, opts->payload);
		if (err)
			*err = e;
	}
	return rc;
}

int itsma_questionnaire_import_file(itsma_assessment **out, const char *path,
                                    const char *evidence_path, const itsma_import_options *opts,
                                    itsma_error *err)
{
	itsma__error_reset(err);
	char *q = NULL, *ev = NULL;
	size_t qlen = 0, evlen = 0;
	int rc;
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "out must not be NULL");
	*out = NULL;
	if (!path)
		return itsma__error_set(err, ITSMA_EINVAL, "path must not be NULL");
	if (evidence_path && (rc = read_input(evidence_path, &ev, &evlen, opts, err)) < 0)
		return rc;
	if ((rc = read_input(path, &q, &qlen, opts, err)) < 0) {
		free(ev);
		return rc;
	}
	rc = itsma_questionnaire_import(out, q, qlen, path, ev, evlen, evidence_path, opts, err);
	free(q);
	free(ev);
	return rc;
}
