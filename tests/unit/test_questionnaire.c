/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Questionnaires: the CSV reader and cell writer (white box), the questionnaire and
 * evidence sheet writers, and the import (itsma/questionnaire.h).
 */
#include "harness.h"
#include "internal/csv.h"

static itsma_catalogue *iso(void)
{
	itsma_catalogue *cat = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	CU_ASSERT_FATAL(itsma_catalogue_builtin(&cat, "iso20000-1:2018", &err) == 0);
	return cat;
}

/* ---- writing cells -------------------------------------------------------------------- */

static char *cells(char delimiter, const char *const *v, size_t n, itsma__buf *b)
{
	itsma__csv_writer w = { b, delimiter, 0 };
	b->len = 0;
	for (size_t i = 0; i < n; i++)
		itsma__csv_cell(&w, v[i]);
	itsma__buf_putc(b, '\0');
	return b->data;
}

static void test_cell_formulas(void)
{
	itsma__buf b = ITSMA__BUF_INIT;
	const char *const f[] = { "=1+2", "+x", "-y", "@SUM(A1)", "\tt", "\rr" };
	CU_ASSERT_STRING_EQUAL(cells(',', f, 6, &b),
	                       "\"'=1+2\",\"'+x\",\"'-y\",\"'@SUM(A1)\",\"'\tt\",\"'\rr\"");
	/* numbers stay numbers */
	const char *const num[] = { "-1.5", "+3", "72.5", "-0" };
	CU_ASSERT_STRING_EQUAL(cells(',', num, 4, &b), "-1.5,+3,72.5,-0");
	/* not numbers: "-1." "-1e5" "--1" */
	const char *const notnum[] = { "-1.", "-1e5", "--1" };
	CU_ASSERT_STRING_EQUAL(cells(',', notnum, 3, &b), "\"'-1.\",\"'-1e5\",\"'--1\"");
	/* a text that looks guarded already gets one more apostrophe; others are left alone */
	const char *const g[] = { "'=x", "''-1", "'plain", "a=b" };
	CU_ASSERT_STRING_EQUAL(cells(',', g, 4, &b), "\"''=x\",\"'''-1\",'plain,a=b");
	/* quoting follows the delimiter */
	const char *const q[] = { "a,b", "a;b", "say \"hi\"", " lead", "two\nlines", NULL, "" };
	CU_ASSERT_STRING_EQUAL(cells(';', q, 7, &b),
	                       "a,b;\"a;b\";\"say \"\"hi\"\"\";\" lead\";\"two\nlines\";;");
	itsma__buf_free(&b);

	char t1[] = "'=1+2", t2[] = "''-1", t3[] = "'plain", t4[] = "'";
	CU_ASSERT_STRING_EQUAL(itsma__csv_unneutralise(t1), "=1+2");
	CU_ASSERT_STRING_EQUAL(itsma__csv_unneutralise(t2), "'-1");
	CU_ASSERT_STRING_EQUAL(itsma__csv_unneutralise(t3), "'plain");
	CU_ASSERT_STRING_EQUAL(itsma__csv_unneutralise(t4), "'");
}

/* ---- reading ---------------------------------------------------------------------------- */

static void test_reader_rfc4180(void)
{
	static const char in[] = "\xEF\xBB\xBF"
	                         "a;\"b;c\";\"d\"\"e\"\r\n\r\n\"multi\r\nline\";x;\r\nlast";
	itsma__csv_reader r;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma__csv_reader_init(&r, in, sizeof in - 1, "t.csv", 0);
	CU_ASSERT_EQUAL(r.delimiter, ';');
	CU_ASSERT_EQUAL(itsma__csv_next(&r, &err), 1);
	CU_ASSERT_EQUAL_FATAL(r.count, 3);
	CU_ASSERT_STRING_EQUAL(r.cells[0].text, "a");
	CU_ASSERT_STRING_EQUAL(r.cells[1].text, "b;c");
	CU_ASSERT_STRING_EQUAL(r.cells[2].text, "d\"e");
	CU_ASSERT_EQUAL(r.cells[2].column, 9);
	CU_ASSERT_EQUAL(itsma__csv_next(&r, &err), 1); /* the blank line is skipped */
	CU_ASSERT_EQUAL_FATAL(r.count, 3);
	CU_ASSERT_STRING_EQUAL(r.cells[0].text, "multi\nline");
	CU_ASSERT_EQUAL(r.cells[0].line, 3);
	CU_ASSERT_EQUAL(r.cells[1].line, 4);
	CU_ASSERT_EQUAL(r.cells[1].column, 7);
	CU_ASSERT_STRING_EQUAL(r.cells[2].text, "");
	CU_ASSERT_EQUAL(itsma__csv_next(&r, &err), 1);
	CU_ASSERT_STRING_EQUAL(r.cells[0].text, "last");
	CU_ASSERT_EQUAL(r.cells[0].line, 5);
	CU_ASSERT_EQUAL(itsma__csv_next(&r, &err), 0);
	itsma__csv_reader_free(&r);

	CU_ASSERT_EQUAL(itsma__csv_detect_delimiter("a\tb\tc,d\n", 8), '\t');
	CU_ASSERT_EQUAL(itsma__csv_detect_delimiter("\"a;b;c\",d\n", 10), ',');
	CU_ASSERT_EQUAL(itsma__csv_detect_delimiter("one\n2;3;4\n", 10), ',');
	CU_ASSERT_EQUAL(itsma__csv_detect_delimiter("", 0), ',');
}

/* A cell of any size comes back whole: nothing is cut. */
static void test_reader_long_cell(void)
{
	size_t n = 1u << 20;
	char *in = malloc(n + 16);
	CU_ASSERT_FATAL(in != NULL);
	memcpy(in, "x,\"", 3);
	for (size_t i = 0; i < n; i += 2)
		memcpy(in + 3 + i, "\xC3\xA9", 2); /* é */
	memcpy(in + 3 + n, "\",y", 3);
	itsma__csv_reader r;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma__csv_reader_init(&r, in, n + 6, "t.csv", ',');
	CU_ASSERT_EQUAL(itsma__csv_next(&r, &err), 1);
	CU_ASSERT_EQUAL_FATAL(r.count, 3);
	CU_ASSERT_EQUAL(r.cells[1].len, n);
	CU_ASSERT_EQUAL(strlen(r.cells[1].text), n);
	CU_ASSERT_EQUAL(memcmp(r.cells[1].text + n - 2, "\xC3\xA9", 2), 0);
	CU_ASSERT_EQUAL(r.cells[2].column, 6 + (int)(n / 2)); /* x , " n/2 characters " , */
	itsma__csv_reader_free(&r);
	free(in);
}

static int read_all(const char *in, size_t len, itsma_error *err)
{
	itsma__csv_reader r;
	int rc;
	itsma__csv_reader_init(&r, in, len, "bad.csv", ',');
	while ((rc = itsma__csv_next(&r, err)) == 1)
		;
	itsma__csv_reader_free(&r);
	return rc;
}

static void test_reader_refuses(void)
{
	static const struct {
		const char *in;
		size_t len;
		int line, column;
		const char *message;
	} cases[] = {
		{ "a,b\nc,d\0e\n", 10, 2, 4, "a NUL byte" },
		{ "a,b\nc,\xC3\xA9\xE9\n", 9, 2, 4, "invalid UTF-8" },
		{ "x\n\xC0\xAF\n", 4, 2, 1, "invalid UTF-8" },         /* overlong '/' */
		{ "x\n\"\xED\xA0\x80\"\n", 7, 2, 2, "invalid UTF-8" }, /* surrogate */
		{ "x\n\xF4\x90\x80\x80\n", 6, 2, 1, "invalid UTF-8" }, /* above U+10FFFF */
		{ "x\n\xE2\x82\n", 5, 2, 1, "invalid UTF-8" },         /* cut */
		{ "a\n\"b\nc", 6, 2, 1, "a quoted field is never closed" },
		{ "a\n\"b\"c\n", 7, 2, 4, "unexpected character after a closing quote" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		itsma_error err = ITSMA_ERROR_INIT;
		CU_ASSERT_EQUAL(read_all(cases[i].in, cases[i].len, &err), ITSMA_EPARSE);
		CU_ASSERT_EQUAL(err.line, cases[i].line);
		CU_ASSERT_EQUAL(err.column, cases[i].column);
		CU_ASSERT_STRING_EQUAL(err.source, "bad.csv");
		CU_ASSERT_PTR_NOT_NULL(strstr(err.message, cases[i].message));
		if (err.line != cases[i].line || err.column != cases[i].column)
			fprintf(stderr, "\ncase %zu: %d:%d %s\n", i, err.line, err.column,
			        err.message);
	}
}

/* ---- writing sheets ------------------------------------------------------------------- */

typedef struct sink {
	itsma__buf b;
	size_t calls;
	size_t stop_after; /* 0: never */
} sink;

static int collect(const char *data, size_t len, void *payload)
{
	sink *s = payload;
	itsma__buf_append(&s->b, data, len);
	s->calls++;
	return s->stop_after && s->calls >= s->stop_after ? 42 : 0;
}

static void test_write_questionnaire(void)
{
	itsma_catalogue *cat = iso();
	itsma_questionnaire_options o;
	itsma_error err = ITSMA_ERROR_INIT;
	char *text = NULL;
	sink s = { ITSMA__BUF_INIT, 0, 0 };
	CU_ASSERT_EQUAL(itsma_questionnaire_options_init(&o, ITSMA_QUESTIONNAIRE_OPTIONS_VERSION),
	                0);
	CU_ASSERT_EQUAL(itsma_questionnaire_options_init(&o, 99), ITSMA_EINVAL);
	o.target = 2;
	ASSERT_OK(itsma_questionnaire_to_string(&text, cat, &o, ASSERT_ERR));
	CU_ASSERT_EQUAL(strncmp(text,
	                        "\xEF\xBB\xBFtype,id,clause,process,obligation,text,rating,"
	                        "evidence,note,item,verify\r\n",
	                        76),
	                0);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "\r\ntarget,8.6.1,8.6.1,8.6.1,,Target capability level "
	                                    "(0-5) for Incident management,2,,,,\r\n"));
	/* the sink gets the same bytes, in pieces */
	ASSERT_OK(itsma_questionnaire_write(cat, &o, collect, &s, ASSERT_ERR));
	CU_ASSERT(s.calls > 1);
	CU_ASSERT_EQUAL(s.b.len, strlen(text));
	CU_ASSERT(s.b.data && memcmp(s.b.data, text, s.b.len) == 0);
	/* a sink can stop the writer */
	s.b.len = 0;
	s.calls = 0;
	s.stop_after = 1;
	CU_ASSERT_EQUAL(itsma_questionnaire_write(cat, &o, collect, &s, &err), 42);
	CU_ASSERT_EQUAL(s.calls, 1);
	/* ';' and no byte-order mark */
	itsma_free(text);
	o.delimiter = ';';
	o.no_bom = 1;
	o.target = -1;
	ASSERT_OK(itsma_questionnaire_to_string(&text, cat, &o, ASSERT_ERR));
	CU_ASSERT_EQUAL(strncmp(text, "type;id;clause;", 15), 0);
	itsma_free(text);
	o.delimiter = '|';
	CU_ASSERT_EQUAL(itsma_questionnaire_to_string(&text, cat, &o, &err), ITSMA_EINVAL);
	CU_ASSERT_PTR_NULL(text);
	itsma__buf_free(&s.b);
	itsma_catalogue_free(cat);
}

/* ---- importing ------------------------------------------------------------------------- */

typedef struct seen {
	size_t count;
	itsma_error last[4];
} seen;

static int on_problem(const itsma_error *e, void *payload)
{
	seen *s = payload;
	if (s->count < 4)
		s->last[s->count] = *e;
	s->count++;
	return 0;
}

static int import(itsma_assessment **out, const itsma_catalogue *cat, const char *q, const char *ev,
                  char delimiter, seen *s)
{
	itsma_import_options o;
	itsma_error err = ITSMA_ERROR_INIT;
	CU_ASSERT_FATAL(itsma_import_options_init(&o, ITSMA_IMPORT_OPTIONS_VERSION) == 0);
	o.catalogue = cat;
	o.id = "t";
	o.date = "2026-11-20";
	o.delimiter = delimiter;
	o.problem = on_problem;
	o.payload = s;
	memset(s, 0, sizeof *s);
	return itsma_questionnaire_import(out, q, strlen(q), "q.csv", ev, ev ? strlen(ev) : 0,
	                                  "e.csv", &o, &err);
}

static void test_import_separators(void)
{
	itsma_catalogue *cat = iso();
	itsma_assessment *a = NULL;
	seen s;
	static const char *const files[] = {
		"\xEF\xBB\xBFtype;id;rating;note\r\nrequirement;8.6.1-01;72,5;\"a;\r\nb\"\r\n",
		"type\tid\trating\tnote\nrequirement\t8.6.1-01\t72,5 %\t\"a;\nb\"\n",
		"type,id,rating,note\nrequirement,8.6.1-01,\"72,5\",\"a;\r\nb\"",
	};
	for (size_t i = 0; i < 3; i++) {
		CU_ASSERT_EQUAL(import(&a, cat, files[i], NULL, 0, &s), 0);
		CU_ASSERT_EQUAL(s.count, 0);
		CU_ASSERT_FATAL(a != NULL);
		const itsma_rating *r = itsma_assessment_find_rating(a, "8.6.1-01");
		CU_ASSERT_FATAL(r != NULL);
		ASSERT_NEAR(itsma_rating_value(r), 72.5);
		CU_ASSERT_STRING_EQUAL(itsma_rating_note(r), "a;\nb");
		itsma_assessment_free(a);
	}
	/* a wrong explicit separator: one problem, with a hint */
	CU_ASSERT_EQUAL(import(&a, cat, files[0] + 3, NULL, '\t', &s), ITSMA_ESCHEMA);
	CU_ASSERT_PTR_NULL(a);
	CU_ASSERT_EQUAL(s.count, 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(s.last[0].message, "another character"));
	itsma_catalogue_free(cat);
}

/* One evidence row with a bad date cited by 40 ratings: the cause, and one line with 40. */
static void test_import_broken_evidence_once(void)
{
	itsma_catalogue *cat = iso();
	itsma_assessment *a = NULL;
	itsma__buf q = ITSMA__BUF_INIT;
	seen s;
	itsma__buf_puts(&q, "id,rating,evidence\n");
	for (size_t i = 0; i < 40; i++)
		itsma__buf_printf(&q, "%s,F,E1 E2\n",
		                  itsma_requirement_id(itsma_catalogue_requirement_at(cat, i)));
	CU_ASSERT_EQUAL(import(&a, cat, q.data,
	                       "id,title,kind,collected\nE1,Policy,document,2026-02-30\nE2,Log,"
	                       "record,2026-01-01\n",
	                       0, &s),
	                ITSMA_ESCHEMA);
	CU_ASSERT_PTR_NULL(a);
	CU_ASSERT_EQUAL_FATAL(s.count, 2);
	CU_ASSERT_STRING_EQUAL(s.last[0].source, "e.csv");
	CU_ASSERT_EQUAL(s.last[0].line, 2);
	CU_ASSERT_EQUAL(s.last[0].column, 20);
	CU_ASSERT_PTR_NOT_NULL(strstr(s.last[0].message, "2026-02-30"));
	CU_ASSERT_STRING_EQUAL(s.last[1].source, "e.csv");
	CU_ASSERT_EQUAL(s.last[1].line, 2);
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(s.last[1].message, "40 rows of q.csv cite it (the first on line 2)"));
	/* the same id missing altogether: one problem at its first citation */
	CU_ASSERT_EQUAL(
	    import(&a, cat, q.data, "id,title,kind,collected\nE2,Log,record,2026-01-01\n", 0, &s),
	    ITSMA_ESCHEMA);
	CU_ASSERT_EQUAL_FATAL(s.count, 1);
	CU_ASSERT_EQUAL(s.last[0].line, 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(
	    s.last[0].message, "no evidence record \"E1\" in the evidence list; 40 rows cite it"));
	itsma__buf_free(&q);
	itsma_catalogue_free(cat);
}

/* No cell is cut: the old importer turned E1234 into E12 and cut titles inside a character. */
static void test_import_no_truncation(void)
{
	itsma_catalogue *cat = iso();
	itsma_assessment *a = NULL;
	itsma__buf q = ITSMA__BUF_INIT, ev = ITSMA__BUF_INIT;
	seen s;
	itsma__buf_puts(&ev,
	                "id,title,kind,collected\nE1,t,record,2026-01-01\nE12,t,record,2026-01-01\n"
	                "E1234,");
	for (size_t i = 0; i < 4094; i++)
		itsma__buf_putc(&ev, 'T');
	itsma__buf_puts(&ev, "\xC3\xA9 end,record,2026-01-01\n");
	itsma__buf_puts(&q, "id,rating,evidence\n8.6.1-01,F,E1");
	itsma__buf_spaces(&q, 8187);
	itsma__buf_puts(&q, "E1234\n");
	CU_ASSERT_EQUAL(import(&a, cat, q.data, ev.data, 0, &s), 0);
	CU_ASSERT_FATAL(a != NULL);
	const itsma_rating *r = itsma_assessment_find_rating(a, "8.6.1-01");
	CU_ASSERT_FATAL(r != NULL && itsma_rating_evidence_count(r) == 2);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_id(itsma_rating_evidence_at(r, 1)), "E1234");
	const char *title = itsma_evidence_title(itsma_assessment_find_evidence(a, "E1234"));
	CU_ASSERT_EQUAL(strlen(title), 4094 + 2 + 4);
	CU_ASSERT_STRING_EQUAL(title + 4094, "\xC3\xA9 end");
	itsma_assessment_free(a);
	itsma__buf_free(&q);
	itsma__buf_free(&ev);
	itsma_catalogue_free(cat);
}

static void test_import_refuses_bytes(void)
{
	itsma_catalogue *cat = iso();
	itsma_assessment *a = NULL;
	seen s;
	itsma_import_options o = ITSMA_IMPORT_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	static const char nul[] = "id,rating,note\n8.6.1-01,F,ab\0cd\n";
	o.catalogue = cat;
	o.id = "t";
	o.date = "2026-11-20";
	o.problem = on_problem;
	o.payload = &s;
	memset(&s, 0, sizeof s);
	CU_ASSERT_EQUAL(
	    itsma_questionnaire_import(&a, nul, sizeof nul - 1, "q.csv", NULL, 0, NULL, &o, &err),
	    ITSMA_EPARSE);
	CU_ASSERT_PTR_NULL(a);
	CU_ASSERT_EQUAL(err.line, 2);
	CU_ASSERT_EQUAL(err.column, 14);
	CU_ASSERT_EQUAL(err.offset, 28);
	CU_ASSERT_EQUAL(s.count, 1);
	CU_ASSERT_EQUAL(import(&a, cat, "id,rating,note\n8.6.1-01,F,caf\xE9\n", NULL, 0, &s),
	                ITSMA_EPARSE);
	CU_ASSERT_EQUAL(s.last[0].column, 15);
	/* bad options */
	o.id = NULL;
	CU_ASSERT_EQUAL(itsma_questionnaire_import(&a, "", 0, NULL, NULL, 0, NULL, &o, &err),
	                ITSMA_EINVAL);
	itsma_catalogue_free(cat);
}

/* An assessment with texts a spreadsheet would run goes out neutralised and comes back equal. */
static void test_round_trip_formulas(void)
{
	itsma_catalogue *cat = iso();
	itsma_assessment *a = NULL, *b = NULL;
	ASSERT_OK(itsma_assessment_new(&a, cat, "t", "2026-11-20", ASSERT_ERR));
	itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
	e.id = "E1";
	e.title = "=HYPERLINK(\"http://x\",\"y\")";
	e.kind = ITSMA_EVIDENCE_KIND_RECORD;
	e.collected = "2026-01-01";
	e.by = "@team";
	e.note = "'-already, with a comma\nand a line";
	ASSERT_OK(itsma_assessment_put_evidence(a, &e, ASSERT_ERR));
	const char *ids[] = { "E1" };
	itsma_rating_spec r = ITSMA_RATING_SPEC_INIT;
	r.requirement_id = "8.6.1-01";
	r.letter = ITSMA_LETTER_L_PLUS;
	r.evidence = ids;
	r.evidence_count = 1;
	r.note = "+1 call";
	ASSERT_OK(itsma_assessment_put_rating(a, &r, ASSERT_ERR));
	r.requirement_id = "8.6.1-02";
	r.letter = ITSMA_LETTER_NONE;
	r.value = 72.5;
	r.note = "\tindented";
	ASSERT_OK(itsma_assessment_put_rating(a, &r, ASSERT_ERR));
	itsma_attribute_spec at = ITSMA_ATTRIBUTE_SPEC_INIT;
	at.process_id = "8.6.1";
	at.attribute = ITSMA_PA3_1;
	at.letter = ITSMA_LETTER_P;
	at.note = "-";
	ASSERT_OK(itsma_assessment_put_attribute(a, &at, ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_process_target(a, "8.6.1", 3, ASSERT_ERR));

	itsma_questionnaire_options o = ITSMA_QUESTIONNAIRE_OPTIONS_INIT;
	char *q = NULL, *ev = NULL;
	o.assessment = a;
	o.delimiter = '\t';
	ASSERT_OK(itsma_questionnaire_to_string(&q, cat, &o, ASSERT_ERR));
	ASSERT_OK(itsma_evidence_sheet_to_string(&ev, &o, ASSERT_ERR));
	CU_ASSERT_PTR_NOT_NULL(strstr(ev, "\t\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\t"));
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(ev, "\t\"'@team\"\t\"''-already, with a comma\nand a line\"\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(q, "\tL+\tE1\t\"'+1 call\"\t"));
	CU_ASSERT_PTR_NOT_NULL(strstr(q, "\t72.5\tE1\t\"'\tindented\"\t"));
	seen s;
	CU_ASSERT_EQUAL(import(&b, cat, q, ev, 0, &s), 0);
	CU_ASSERT_FATAL(b != NULL);
	char *ja = NULL, *jb = NULL;
	ASSERT_OK(itsma_assessment_to_json(&ja, a, ASSERT_ERR));
	ASSERT_OK(itsma_assessment_to_json(&jb, b, ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(ja, jb);
	itsma_free(ja);
	itsma_free(jb);
	itsma_free(q);
	itsma_free(ev);
	itsma_assessment_free(a);
	itsma_assessment_free(b);
	itsma_catalogue_free(cat);
}

/* A problem callback that returns non-zero stops the import with that value. */
static int stop_at_first(const itsma_error *e, void *payload)
{
	(void)e;
	(*(int *)payload)++;
	return 7;
}

static void test_import_stop_and_files(void)
{
	itsma_catalogue *cat = iso();
	itsma_assessment *a = NULL;
	itsma_import_options o = ITSMA_IMPORT_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	int calls = 0;
	static const char q[] = "id,rating\nnope-1,F\nnope-2,F\nnope-3,F\n";
	o.catalogue = cat;
	o.id = "t";
	o.date = "2026-11-20";
	o.problem = stop_at_first;
	o.payload = &calls;
	CU_ASSERT_EQUAL(
	    itsma_questionnaire_import(&a, q, sizeof q - 1, NULL, NULL, 0, NULL, &o, &err), 7);
	CU_ASSERT_EQUAL(calls, 1);
	CU_ASSERT_STRING_EQUAL(err.source, "<questionnaire>");
	/* files: a missing one is one EIO problem */
	calls = 0;
	CU_ASSERT_EQUAL(
	    itsma_questionnaire_import_file(&a, ITSMA_TEST_TMP "/no-such.csv", NULL, &o, &err),
	    ITSMA_EIO);
	CU_ASSERT_EQUAL(calls, 1);
	FILE *f = fopen(ITSMA_TEST_TMP "/q.csv", "wb");
	CU_ASSERT_FATAL(f != NULL);
	fputs("id,rating\n8.6.1-01,F\n", f);
	fclose(f);
	o.problem = NULL;
	ASSERT_OK(
	    itsma_questionnaire_import_file(&a, ITSMA_TEST_TMP "/q.csv", NULL, &o, ASSERT_ERR));
	CU_ASSERT_EQUAL(itsma_assessment_rating_count(a), 1);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
}

/* A new assessment to fill in (itsma_assessment_template_json): it loads as an assessment of
 * the catalogue, with the target and the checklist. */
static void test_template_json(void)
{
	itsma_catalogue *cat = iso();
	itsma_assessment *a = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	char *text = NULL;
	ASSERT_OK(itsma_assessment_template_json(&text, cat, "q1", "2026-03-31", 2, &err));
	CU_ASSERT_PTR_NOT_NULL(strstr(
	    text,
	    "{\n  \"format\": \"itsma-assessment/1\",\n  \"id\": \"q1\",\n  \"catalogue\": "
	    "\"iso20000-1:2018\",\n  \"title\": \"Self-assessment against ISO/IEC 20000-1:2018"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, ",\n  \"targets\": { \"level\": 2 },\n"));
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(text, "\n      { \"process\": \"8.6.1\", \"title\": \"Incident management\", "));
	ASSERT_OK(
	    itsma_assessment_load_buffer(&a, text, strlen(text), "template.json", cat, NULL, &err));
	CU_ASSERT_EQUAL(itsma_assessment_rating_count(a), 0);
	CU_ASSERT_STRING_EQUAL(itsma_assessment_date(a), "2026-03-31");
	itsma_assessment_free(a);
	itsma_free(text);
	ASSERT_OK(itsma_assessment_template_json(&text, cat, "q1", "2026-03-31", -1, &err));
	CU_ASSERT_PTR_NULL(strstr(text, "\"targets\""));
	itsma_free(text);
	CU_ASSERT_EQUAL(itsma_assessment_template_json(&text, cat, "q1", "2026-03-31", 6, &err),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_template_json(&text, NULL, "q1", "2026-03-31", 0, &err),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_assessment_template_json(&text, cat, NULL, "2026-03-31", 0, &err),
	                ITSMA_EINVAL);
	itsma_catalogue_free(cat);
}

static const itsma_test_case tests[] = { { "cell_formulas", test_cell_formulas },
	                                 { "reader_rfc4180", test_reader_rfc4180 },
	                                 { "reader_long_cell", test_reader_long_cell },
	                                 { "reader_refuses", test_reader_refuses },
	                                 { "write_questionnaire", test_write_questionnaire },
	                                 { "import_separators", test_import_separators },
	                                 { "import_broken_evidence_once",
	                                   test_import_broken_evidence_once },
	                                 { "import_no_truncation", test_import_no_truncation },
	                                 { "import_refuses_bytes", test_import_refuses_bytes },
	                                 { "round_trip_formulas", test_round_trip_formulas },
	                                 { "import_stop_and_files", test_import_stop_and_files },
	                                 { "template_json", test_template_json },
	                                 { NULL, NULL } };

ITSMA_TEST_MAIN("questionnaire", tests)
