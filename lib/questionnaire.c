/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Writing the spreadsheet questionnaire of a catalogue and the evidence sheet of an
 * assessment as CSV. The columns are tables below: a new column is one more entry in the
 * enum, the header and the row that fills it.
 */
#include "itsma/questionnaire.h"
#include "internal/buf.h"
#include "internal/csv.h"
#include "internal/error.h"

#include <stdlib.h>
#include <string.h>

/* Spreadsheets (Excel in particular) read a CSV file as UTF-8 only when it starts with a
 * byte-order mark; the importer accepts files with or without one. */
#define UTF8_BOM "\xEF\xBB\xBF"
/* Text is handed to the caller's sink in pieces of about this size. */
#define FLUSH_AT 65536

/* item and verify come last, so the columns people fill in keep their places; they are for the
 * people filling it in (the importer does not read them) */
enum q_column {
	Q_TYPE,
	Q_ID,
	Q_CLAUSE,
	Q_PROCESS,
	Q_OBLIGATION,
	Q_TEXT,
	Q_RATING,
	Q_EVIDENCE,
	Q_NOTE,
	Q_ITEM,
	Q_VERIFY,
	Q_COLUMNS
};
static const char *const q_header[Q_COLUMNS] = { "type",       "id",   "clause", "process",
	                                         "obligation", "text", "rating", "evidence",
	                                         "note",       "item", "verify" };

enum e_column {
	E_ID,
	E_TITLE,
	E_KIND,
	E_COLLECTED,
	E_EXPIRES,
	E_URI,
	E_SHA256,
	E_BY,
	E_NOTE,
	E_COLUMNS
};
static const char *const e_header[E_COLUMNS] = { "id",  "title",  "kind", "collected", "expires",
	                                         "uri", "sha256", "by",   "note" };

int itsma_questionnaire_options_init(itsma_questionnaire_options *opts, unsigned int version)
{
	static const itsma_questionnaire_options defaults = ITSMA_QUESTIONNAIRE_OPTIONS_INIT;
	if (!opts ||
	    itsma__version_check(version, ITSMA_QUESTIONNAIRE_OPTIONS_VERSION, NULL, NULL) < 0)
		return ITSMA_EINVAL;
	*opts = defaults;
	return 0;
}

typedef struct sheet_out {
	itsma__buf buf;
	itsma__csv_writer w;
	itsma_write_cb write; /* NULL: keep everything in buf */
	void *payload;
	int stopped; /* the sink's non-zero value */
} sheet_out;

static int sheet_begin(sheet_out *s, const itsma_questionnaire_options *opts, itsma_write_cb write,
                       void *payload, itsma_error *err)
{
	static const itsma_questionnaire_options defaults = ITSMA_QUESTIONNAIRE_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	memset(s, 0, sizeof *s);
	if (itsma__version_check(opts->version, ITSMA_QUESTIONNAIRE_OPTIONS_VERSION,
	                         "itsma_questionnaire_options", err) < 0)
		return ITSMA_EINVAL;
	if (opts->delimiter != 0 && opts->delimiter != ',' && opts->delimiter != ';' &&
	    opts->delimiter != '\t')
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "the delimiter must be ',', ';' or a tab");
	if (opts->target < -1 || opts->target > 5)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "a target level is 0 to 5 (or -1 for none), not %d",
		                        opts->target);
	s->w.out = &s->buf;
	s->w.delimiter = opts->delimiter ? opts->delimiter : ',';
	s->write = write;
	s->payload = payload;
	if (!opts->no_bom)
		itsma__buf_puts(&s->buf, UTF8_BOM);
	return 0;
}

/* Hand the text gathered so far to the sink. */
static void sheet_flush(sheet_out *s)
{
	if (s->write && !s->stopped && !s->buf.oom && s->buf.len > 0)
		s->stopped = s->write(s->buf.data, s->buf.len, s->payload);
	s->buf.len = 0;
}

/* Write a row; the text goes to the sink once enough has gathered. */
static void sheet_row(sheet_out *s, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		itsma__csv_cell(&s->w, cells[i]);
	itsma__csv_end_row(&s->w);
	if (s->write && s->buf.len >= FLUSH_AT)
		sheet_flush(s);
}

static int sheet_end(sheet_out *s, char **out, itsma_error *err)
{
	if (s->write)
		sheet_flush(s);
	if (s->buf.oom) {
		itsma__buf_free(&s->buf);
		return itsma__error_nomem(err);
	}
	if (out)
		return itsma__buf_finish(&s->buf, out, err);
	itsma__buf_free(&s->buf);
	if (s->stopped)
		return itsma__error_set(err, s->stopped, "the output was stopped by its writer");
	return 0;
}

/* A rating as the importer reads it: its letter, or its number. */
static const char *rating_text(char *buf, itsma_letter letter, double value)
{
	if (letter != ITSMA_LETTER_NONE)
		return itsma_letter_name(letter);
	itsma__format_number(buf, value);
	return buf;
}

/* The ids of cited evidence, separated by spaces. */
static const char *evidence_text(itsma__buf *b, size_t n, const void *owner,
                                 const itsma_evidence *(*at)(const void *, size_t))
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const itsma_evidence *e = at(owner, i);
		if (!e)
			continue;
		if (b->len)
			itsma__buf_putc(b, ' ');
		itsma__buf_puts(b, itsma_evidence_id(e));
	}
	return b->data ? b->data : "";
}

static const itsma_evidence *rating_ev(const void *r, size_t i)
{
	return itsma_rating_evidence_at((const itsma_rating *)r, i);
}

static const itsma_evidence *attribute_ev(const void *r, size_t i)
{
	return itsma_attribute_rating_evidence_at((const itsma_attribute_rating *)r, i);
}

static void requirement_rows(sheet_out *s, const itsma_catalogue *cat, const itsma_assessment *a,
                             itsma__buf *tmp)
{
	size_t n = itsma_catalogue_requirement_count(cat);
	char number[40];
	for (size_t i = 0; i < n; i++) {
		const itsma_requirement *q = itsma_catalogue_requirement_at(cat, i);
		const itsma_section *p = itsma_requirement_process(q);
		const char *cells[Q_COLUMNS] = { NULL };
		cells[Q_TYPE] = "requirement";
		cells[Q_ID] = itsma_requirement_id(q);
		cells[Q_CLAUSE] = itsma_requirement_clause(q);
		cells[Q_PROCESS] = p ? itsma_section_id(p) : NULL;
		cells[Q_OBLIGATION] = itsma_obligation_name(itsma_requirement_obligation(q));
		cells[Q_ITEM] = itsma_requirement_item(q);
		cells[Q_TEXT] = itsma_requirement_text(q);
		cells[Q_VERIFY] = itsma_requirement_verify(q);
		const itsma_rating *r =
		    a ? itsma_assessment_find_rating(a, itsma_requirement_id(q)) : NULL;
		const itsma_exclusion *x =
		    a ? itsma_assessment_find_exclusion(a, itsma_requirement_id(q)) : NULL;
		if (r) {
			cells[Q_RATING] =
			    rating_text(number, itsma_rating_letter(r), itsma_rating_value(r));
			cells[Q_EVIDENCE] =
			    evidence_text(tmp, itsma_rating_evidence_count(r), r, rating_ev);
			cells[Q_NOTE] = itsma_rating_note(r);
		} else if (x) {
			cells[Q_RATING] = "excluded";
			cells[Q_NOTE] = itsma_exclusion_reason(x);
		}
		sheet_row(s, cells, Q_COLUMNS);
	}
}

/* What a process attribute row asks: the attribute's generic practices in one text. */
static const char *attribute_text(itsma__buf *b, const itsma_catalogue *cat, itsma_attribute attr,
                                  const itsma_section *process)
{
	size_t n = itsma_catalogue_generic_practice_count(cat);
	int first = 1;
	b->len = 0;
	itsma__buf_printf(b, "%s %s of %s", itsma_attribute_name(attr), itsma_attribute_title(attr),
	                  itsma_section_title(process));
	for (size_t i = 0; i < n; i++) {
		if (itsma_catalogue_generic_practice_attribute(cat, i) != attr)
			continue;
		itsma__buf_puts(b, first ? ": " : " ");
		first = 0;
		itsma__buf_puts(b, itsma_catalogue_generic_practice_text(cat, i));
	}
	if (first)
		itsma__buf_puts(b, ".");
	return b->data ? b->data : "";
}

static void attribute_rows(sheet_out *s, const itsma_catalogue *cat, const itsma_assessment *a,
                           itsma__buf *text, itsma__buf *tmp)
{
	size_t np = itsma_catalogue_process_count(cat);
	char number[40];
	for (size_t p = 0; p < np; p++) {
		const itsma_section *sec = itsma_catalogue_process_at(cat, p);
		for (int at = ITSMA_PA2_1; at < ITSMA_ATTRIBUTE_COUNT; at++) {
			const char *cells[Q_COLUMNS] = { NULL };
			itsma_attribute attr = (itsma_attribute)at;
			cells[Q_TYPE] = "attribute";
			cells[Q_ID] = itsma_attribute_name(attr);
			cells[Q_CLAUSE] = itsma_section_clause(sec);
			cells[Q_PROCESS] = itsma_section_id(sec);
			cells[Q_TEXT] = attribute_text(text, cat, attr, sec);
			const itsma_attribute_rating *r =
			    a ? itsma_assessment_find_attribute(a, itsma_section_id(sec), attr)
			      : NULL;
			if (r) {
				cells[Q_RATING] =
				    rating_text(number, itsma_attribute_rating_letter(r),
				                itsma_attribute_rating_value(r));
				cells[Q_EVIDENCE] = evidence_text(
				    tmp, itsma_attribute_rating_evidence_count(r), r, attribute_ev);
				cells[Q_NOTE] = itsma_attribute_rating_note(r);
			}
			sheet_row(s, cells, Q_COLUMNS);
		}
	}
}

/* The target a process's row shows: the option's, else the assessment's for it (its own or
 * the general one). */
static int process_target(const itsma_assessment *a, const itsma_section *process, int target)
{
	if (target >= 0 || !a)
		return target;
	return itsma_assessment_target_for(a, itsma_section_id(process));
}

static void target_rows(sheet_out *s, const itsma_catalogue *cat, const itsma_assessment *a,
                        int target, itsma__buf *text)
{
	size_t np = itsma_catalogue_process_count(cat);
	for (size_t p = 0; p < np; p++) {
		const itsma_section *sec = itsma_catalogue_process_at(cat, p);
		const char *cells[Q_COLUMNS] = { NULL };
		char level[16] = "";
		int t = process_target(a, sec, target);
		if (t >= 0)
			level[0] = (char)('0' + t);
		text->len = 0;
		itsma__buf_printf(text, "Target capability level (0-5) for %s",
		                  itsma_section_title(sec));
		cells[Q_TYPE] = "target";
		cells[Q_ID] = itsma_section_id(sec);
		cells[Q_CLAUSE] = itsma_section_clause(sec);
		cells[Q_PROCESS] = itsma_section_id(sec);
		cells[Q_TEXT] = text->data;
		cells[Q_RATING] = level;
		sheet_row(s, cells, Q_COLUMNS);
	}
}

static int questionnaire(char **out, const itsma_catalogue *cat,
                         const itsma_questionnaire_options *opts, itsma_write_cb write,
                         void *payload, itsma_error *err)
{
	sheet_out s;
	int rc;
	if (!cat)
		return itsma__error_set(err, ITSMA_EINVAL, "catalogue must not be NULL");
	if ((rc = sheet_begin(&s, opts, write, payload, err)) < 0)
		return rc;
	const itsma_assessment *a = opts ? opts->assessment : NULL;
	int target = opts ? opts->target : -1;
	if (a && itsma_assessment_catalogue(a) != cat &&
	    strcmp(itsma_catalogue_id(itsma_assessment_catalogue(a)), itsma_catalogue_id(cat)) !=
	        0) {
		itsma__buf_free(&s.buf);
		return itsma__error_set(
		    err, ITSMA_EINVAL, "the assessment is of catalogue %.60s, not %.60s",
		    itsma_catalogue_id(itsma_assessment_catalogue(a)), itsma_catalogue_id(cat));
	}
	itsma__buf text = ITSMA__BUF_INIT, tmp = ITSMA__BUF_INIT;
	sheet_row(&s, q_header, Q_COLUMNS);
	requirement_rows(&s, cat, a, &tmp);
	attribute_rows(&s, cat, a, &text, &tmp);
	target_rows(&s, cat, a, target, &text);
	if (text.oom || tmp.oom)
		s.buf.oom = 1;
	itsma__buf_free(&text);
	itsma__buf_free(&tmp);
	return sheet_end(&s, out, err);
}

int itsma_questionnaire_write(const itsma_catalogue *cat, const itsma_questionnaire_options *opts,
                              itsma_write_cb write, void *payload, itsma_error *err)
{
	itsma__error_reset(err);
	if (!write)
		return itsma__error_set(err, ITSMA_EINVAL, "write must not be NULL");
	return questionnaire(NULL, cat, opts, write, payload, err);
}

int itsma_questionnaire_to_string(char **out, const itsma_catalogue *cat,
                                  const itsma_questionnaire_options *opts, itsma_error *err)
{
	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "out must not be NULL");
	*out = NULL;
	return questionnaire(out, cat, opts, NULL, NULL, err);
}

static int evidence_sheet(char **out, const itsma_questionnaire_options *opts, itsma_write_cb write,
                          void *payload, itsma_error *err)
{
	sheet_out s;
	int rc;
	if ((rc = sheet_begin(&s, opts, write, payload, err)) < 0)
		return rc;
	const itsma_assessment *a = opts ? opts->assessment : NULL;
	size_t n = a ? itsma_assessment_evidence_count(a) : 0;
	sheet_row(&s, e_header, E_COLUMNS);
	for (size_t i = 0; i < n; i++) {
		const itsma_evidence *e = itsma_assessment_evidence_at(a, i);
		const char *cells[E_COLUMNS];
		cells[E_ID] = itsma_evidence_id(e);
		cells[E_TITLE] = itsma_evidence_title(e);
		cells[E_KIND] = itsma_evidence_kind_name(itsma_evidence_kind_of(e));
		cells[E_COLLECTED] = itsma_evidence_collected(e);
		cells[E_EXPIRES] = itsma_evidence_expires(e);
		cells[E_URI] = itsma_evidence_uri(e);
		cells[E_SHA256] = itsma_evidence_sha256(e);
		cells[E_BY] = itsma_evidence_by(e);
		cells[E_NOTE] = itsma_evidence_note(e);
		sheet_row(&s, cells, E_COLUMNS);
	}
	return sheet_end(&s, out, err);
}

int itsma_evidence_sheet_write(const itsma_questionnaire_options *opts, itsma_write_cb write,
                               void *payload, itsma_error *err)
{
	itsma__error_reset(err);
	if (!write)
		return itsma__error_set(err, ITSMA_EINVAL, "write must not be NULL");
	return evidence_sheet(NULL, opts, write, payload, err);
}

int itsma_evidence_sheet_to_string(char **out, const itsma_questionnaire_options *opts,
                                   itsma_error *err)
{
	itsma__error_reset(err);
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "out must not be NULL");
	*out = NULL;
	return evidence_sheet(out, opts, NULL, NULL, err);
}
