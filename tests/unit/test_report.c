/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reports (itsma/report.h): every format renders from one model into any sink, and text
 * from a hostile document cannot attack the report's reader: no terminal control reaches
 * the text report, the comparison, explanations or error messages; columns are cut only
 * between characters; CSV cells cannot run as formulas; Markdown ids cannot turn into
 * emphasis or links; the HTML page allows its inline script by hash only.
 */
#include "harness.h"

#include <stdarg.h>

#include "fixture.h"
#include "internal/report.h"

#define SHALL    ITSMA_OBLIGATION_SHALL
#define SHOULD   ITSMA_OBLIGATION_SHOULD
#define REQUIRED ITSMA_EVIDENCE_POLICY_REQUIRED

#define HAS(text, needle)                                                                          \
	do {                                                                                       \
		if (!strstr((text), (needle)))                                                     \
			fprintf(stderr, "\n%s:%d: missing \"%s\" in:\n%s", __FILE__, __LINE__,     \
			        (needle), (text));                                                 \
		CU_ASSERT_PTR_NOT_NULL(strstr((text), (needle)));                                  \
	} while (0)
#define LACKS(text, needle)                                                                        \
	do {                                                                                       \
		if (strstr((text), (needle)))                                                      \
			fprintf(stderr, "\n%s:%d: unexpected \"%s\" in:\n%s", __FILE__, __LINE__,  \
			        (needle), (text));                                                 \
		CU_ASSERT_PTR_NULL(strstr((text), (needle)));                                      \
	} while (0)

/* Hostile texts: an escape sequence that clears the screen, an OSC title change ended by
 * BEL, an OSC 8 hyperlink, a carriage return and a newline that forges a report line. */
#define CLEAR     "\x1b[2J\x1b[H"
#define OSC_TITLE "\x1b]0;owned\x07"
#define OSC_LINK  "\x1b]8;;https://evil.example/\x1b\\"
#define FORGED    "\nVerdict          conformant\n"

static void section(itsma_catalogue *c, const char *parent, const char *id, const char *title,
                    int process)
{
	itsma_section_spec s = ITSMA_SECTION_SPEC_INIT;
	s.id = id;
	s.title = title;
	s.weight = 1;
	s.kind = process ? ITSMA_SECTION_KIND_PROCESS : ITSMA_SECTION_KIND_GROUP;
	ASSERT_OK(itsma_catalogue_add_section(NULL, c, itsma_catalogue_find_section(c, parent), &s,
	                                      ASSERT_ERR));
}

static void requirement(itsma_catalogue *c, const char *sec_id, const char *id, const char *clause,
                        const char *text, itsma_obligation ob)
{
	itsma_requirement_spec s = ITSMA_REQUIREMENT_SPEC_INIT;
	s.id = id;
	s.clause = clause;
	s.text = text;
	s.weight = 1;
	s.obligation = ob;
	ASSERT_OK(itsma_catalogue_add_requirement(NULL, c, itsma_catalogue_find_section(c, sec_id),
	                                          &s, ASSERT_ERR));
}

/*
 * A catalogue and an assessment whose every free text is hostile (ids are restricted to
 * A-Z a-z 0-9 . _ : -, so they carry Markdown and CSV attacks only): group G with process P
 * (requirements R1 rated P, "_em_" rated F, "www.example.com" unassessed) and group H
 * (requirements F1, "-5", "-2-3", A1 and T1 whose clauses or ids a spreadsheet would run).
 */
static void build(itsma_catalogue **c_out, itsma_assessment **a_out, const char *date)
{
	itsma_catalogue *c = NULL;
	itsma_assessment *a;
	ASSERT_OK(itsma_catalogue_new(&c, "hostile", "Hostile " CLEAR " catalogue", ASSERT_ERR));
	section(c, NULL, "G", "Operations" CLEAR OSC_TITLE FORGED "end", 0);
	section(c, "G", "P", "Process " OSC_LINK "link", 1);
	requirement(c, "P", "R1", "8.1", "Keep a record\r" CLEAR "of every change", SHALL);
	requirement(c, "P", "_em_", "8.2", "Emphasis id", SHALL);
	requirement(c, "P", "www.example.com", "8.3", "Link id", SHOULD);
	section(c, NULL, "H", "Spreadsheet", 0);
	requirement(c, "H", "F1", "=HYPERLINK(\"http://evil.example\",\"x\")", "Formula clause",
	            SHALL);
	requirement(c, "H", "-5", "-5", "Negative id", SHALL);
	requirement(c, "H", "-2-3", "+1+2", "Formula id", SHALL);
	requirement(c, "H", "A1", "@SUM(A1)", "At clause", SHOULD);
	requirement(c, "H", "T1", "\tx", "Tab clause", SHOULD);
	ASSERT_OK(itsma_assessment_new(&a, c, "q1", date, ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_title(a, "Acme" CLEAR OSC_TITLE FORGED "tail", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_organisation(a,
	                                            "Org\x07\x7f\xC2\x9B"
	                                            "31m",
	                                            ASSERT_ERR));
	itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
	e.id = "EV";
	e.title = "Evidence" CLEAR;
	e.collected = "2026-01-01";
	ASSERT_OK(itsma_assessment_put_evidence(a, &e, ASSERT_ERR));
	rate(a, "R1", "P", "EV", NULL);
	rate(a, "_em_", "P", "EV", NULL);
	rate(a, "F1", "L", "EV", NULL);
	rate(a, "-5", "N", "EV", NULL);
	rate(a, "A1", "F", "EV", NULL);
	ASSERT_OK(itsma_assessment_set_target(a, 3, ASSERT_ERR));
	*c_out = c;
	*a_out = a;
}

static char *render(const itsma_result *r, const itsma_result *base, itsma_report_format format,
                    int colour)
{
	itsma_report_options o;
	itsma_error err = ITSMA_ERROR_INIT;
	char *s = NULL;
	size_t len = 0;
	ASSERT_OK(itsma_report_options_init(&o, ITSMA_REPORT_OPTIONS_VERSION));
	o.format = format;
	o.colour = colour;
	if (itsma_report_string(&s, &len, r, base, &o, &err) != 0)
		fprintf(stderr, "\nitsma_report_string: %s\n", err.message);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_EQUAL(len, strlen(s));
	if (getenv("ITSMA_TEST_VERBOSE"))
		fprintf(stderr, "\n%s", s);
	return s;
}

/* No C0 control but newline (and ESC only inside the report's own colour sequences when
 * @p colour), no DEL, no C1 control, and valid UTF-8. */
static void assert_terminal_safe(const char *s, int colour)
{
	const unsigned char *p = (const unsigned char *)s;
	for (; *p; p++) {
		if (*p == 0x1b && colour && p[1] == '[') {
			/* ours: ESC [ digits m */
			const unsigned char *q = p + 2;
			while (*q >= '0' && *q <= '9')
				q++;
			CU_ASSERT_EQUAL(*q, 'm');
			CU_ASSERT(q - p <= 4);
			p = q;
			continue;
		}
		if ((*p < 0x20 && *p != '\n') || *p == 0x7f) {
			fprintf(stderr, "\ncontrol 0x%02x at offset %ld\n", *p,
			        (long)(p - (const unsigned char *)s));
			CU_FAIL("a control character reached the output");
			return;
		}
		if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			CU_FAIL("a C1 control reached the output");
			return;
		}
	}
}

/* How many lines start with @p prefix. */
static size_t lines_starting(const char *s, const char *prefix)
{
	size_t n = 0, k = strlen(prefix);
	for (const char *p = s; p; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		if (strncmp(p, prefix, k) == 0)
			n++;
	}
	return n;
}

static void test_report__text_controls_escaped(void)
{
	itsma_catalogue *c;
	itsma_assessment *a, *b;
	itsma_result *r, *rb;
	build(&c, &a, "2026-11-20");
	b = NULL;
	ASSERT_OK(itsma_assessment_new(&b, c, "base", "2026-08-20", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_title(b, "Base" OSC_TITLE, ASSERT_ERR));
	r = score(a, REQUIRED, NULL);
	rb = score(b, REQUIRED, NULL);
	for (int colour = 0; colour <= 1; colour++) {
		char *s = render(r, rb, ITSMA_REPORT_FORMAT_TEXT, colour);
		assert_terminal_safe(s, colour);
		/* the title's newline does not forge a verdict line */
		CU_ASSERT_EQUAL(
		    lines_starting(s, colour ? "Verdict          \x1b[1m\x1b[31mnonconformant"
		                             : "Verdict          nonconformant"),
		    1);
		CU_ASSERT_EQUAL(lines_starting(s, "Verdict          conformant"), 0);
		HAS(s, "Acme\\x1b[2J\\x1b[H\\x1b]0;owned\\x07\\x0aVerdict");
		HAS(s, "Org\\x07\\x7f\\u009b31m");
		itsma_free(s);
	}
	/* the comparison in words */
	itsma_diff *d = NULL;
	ASSERT_OK(itsma_compare(&d, rb, r, ASSERT_ERR));
	itsma_report_options o = ITSMA_REPORT_OPTIONS_INIT;
	char *s = NULL;
	ASSERT_OK(itsma_diff_report_string(&s, NULL, d, &o, ASSERT_ERR));
	assert_terminal_safe(s, 0);
	HAS(s, "Comparison base (2026-08-20)");
	itsma_free(s);
	o.format = ITSMA_REPORT_FORMAT_HTML;
	CU_ASSERT_EQUAL(itsma_diff_report_string(&s, NULL, d, &o, NULL), ITSMA_EINVAL);
	CU_ASSERT_PTR_NULL(s);
	itsma_diff_free(d);
	/* explanations */
	static const char *const ids[] = { "R1", "G", "P", "-5" };
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		ASSERT_OK(itsma_result_explain(&s, r, ids[i], ASSERT_ERR));
		assert_terminal_safe(s, 0);
		CU_ASSERT_EQUAL(lines_starting(s, "Verdict"), 0);
		itsma_free(s);
	}
	/* error messages that quote a document */
	itsma_error err = ITSMA_ERROR_INIT;
	CU_ASSERT_EQUAL(itsma_result_explain(&s, r, "X" CLEAR OSC_TITLE "\nforged", &err),
	                ITSMA_ENOTFOUND);
	assert_terminal_safe(err.message, 0);
	HAS(err.message, "X\\x1b[2J");
	itsma_result_free(rb);
	itsma_result_free(r);
	itsma_assessment_free(b);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* The column fitter cuts between characters: never inside a UTF-8 sequence or an escape. */
static void test_report__fit_safe_boundaries(void)
{
	static const struct {
		const char *in;
		size_t width;
		const char *out;
	} cases[] = {
		{ "abcdef", 6, "abcdef" },
		{ "abcdefg", 6, "abcde\xE2\x80\xA6" },
		{ "ab\x1b[2Jcdef", 6, "ab\xE2\x80\xA6   " }, /* "\x1b" takes 4 columns */
		{ "ab\x1b[2J", 7, "ab\\x1b\xE2\x80\xA6" },
		{ "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 3, "\xC3\xA9\xC3\xA9\xE2\x80\xA6" },
		{ "ab cd ef", 4, "ab\xE2\x80\xA6 " }, /* no space before the ellipsis */
		{ "a\xC2\x9B"
		  "b",
		  9, "a\\u009bb " }, /* a C1 control: 6 columns */
		{ "a\xC2\x9B"
		  "b",
		  7, "a\xE2\x80\xA6     " },
		{ "\xff\xfe", 2, "\xEF\xBF\xBD\xEF\xBF\xBD" }, /* not UTF-8: U+FFFD */
		{ "\xE2\x80\xAE"
		  "evil",
		  10, "\\u202eevil" }, /* a bidi override */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		itsma__buf b = ITSMA__BUF_INIT;
		itsma__term_fit(&b, cases[i].in, cases[i].width, 1);
		if (strcmp(itsma__buf_str(&b), cases[i].out) != 0)
			fprintf(stderr, "\ncase %zu: got \"%s\", want \"%s\"\n", i,
			        itsma__buf_str(&b), cases[i].out);
		CU_ASSERT_STRING_EQUAL(itsma__buf_str(&b), cases[i].out);
		itsma__buf_free(&b);
	}
}

/* CSV: cells a spreadsheet would run are neutralised; numbers stay numbers. */
static void test_report__csv_formulas(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	build(&c, &a, "2026-11-20");
	r = score(a, REQUIRED, NULL);
	char *s = render(r, NULL, ITSMA_REPORT_FORMAT_CSV, 0);
	HAS(s, "\r\nF1,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",,shall,rated,");
	HAS(s, "\r\n-5,-5,,shall,rated,0,N,major,");
	HAS(s, "\r\n\"'-2-3\",\"'+1+2\",,shall,unassessed,0,N,unassessed,");
	HAS(s, "\r\nA1,\"'@SUM(A1)\",,should,rated,100,F,,0\r\n");
	HAS(s, "\r\nT1,\"'\tx\",,should,unassessed,0,N,,");
	HAS(s, "\r\nR1,8.1,P,shall,rated,");
	itsma_free(s);

	static const struct {
		const char *in;
		const char *out;
	} cells[] = {
		{ "plain", "plain" },
		{ "=1+2", "\"'=1+2\"" },
		{ "+1", "+1" },
		{ "-5", "-5" },
		{ "-2.5", "-2.5" },
		{ "-2+3", "\"'-2+3\"" },
		{ "-", "\"'-\"" },
		{ "@x", "\"'@x\"" },
		{ "\tx", "\"'\tx\"" },
		{ "\rx", "\"'\rx\"" },
		{ "a,b", "\"a,b\"" },
		{ "=\"q\"", "\"'=\"\"q\"\"\"" },
		{ "", "" },
		{ " x", "\" x\"" },
		{ "1.", "1." },
		{ "-1.", "\"'-1.\"" },
	};
	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		itsma__buf b = ITSMA__BUF_INIT;
		itsma__csv_put(&b, cells[i].in, ITSMA__CSV_TEXT);
		if (strcmp(itsma__buf_str(&b), cells[i].out) != 0)
			fprintf(stderr, "\ncell %zu: got [%s], want [%s]\n", i, itsma__buf_str(&b),
			        cells[i].out);
		CU_ASSERT_STRING_EQUAL(itsma__buf_str(&b), cells[i].out);
		itsma__buf_clear(&b);
		itsma__csv_put(&b, "-5", ITSMA__CSV_OWN);
		CU_ASSERT_STRING_EQUAL(itsma__buf_str(&b), "-5");
		itsma__buf_free(&b);
	}
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Markdown: ids are escaped (no emphasis, no autolink), code spans hold any id. */
static void test_report__markdown_ids(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	build(&c, &a, "2026-11-20");
	r = score(a, REQUIRED, NULL);
	char *s = render(r, NULL, ITSMA_REPORT_FORMAT_MD, 0);
	HAS(s, "| \\_em\\_ |");
	LACKS(s, "_em_");
	HAS(s, "www\\.example.com");
	LACKS(s, "www.example");
	LACKS(s, "http://evil");
	assert_terminal_safe(s, 0);
	itsma_free(s);

	itsma__buf b = ITSMA__BUF_INIT;
	itsma__md_code(&b, "a`b|c", 1);
	CU_ASSERT_STRING_EQUAL(itsma__buf_str(&b), "``a`b\\|c``");
	itsma__buf_clear(&b);
	itsma__md_code(&b, "`x", 0);
	CU_ASSERT_STRING_EQUAL(itsma__buf_str(&b), "`` `x ``");
	itsma__buf_clear(&b);
	itsma__md_escape(&b, "see www.x.org, mail a@b.c, https://x.y and WWW.Y.Z but awww.z");
	CU_ASSERT_STRING_EQUAL(
	    itsma__buf_str(&b),
	    "see www\\.x.org, mail a\\@b.c, https\\://x.y and WWW\\.Y.Z but awww.z");
	itsma__buf_free(&b);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* HTML: markup escaped, the script and the style allowed by hash, nothing unsafe-inline. */
static void test_report__html_csp(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	build(&c, &a, "2026-11-20");
	r = score(a, REQUIRED, NULL);
	char *s = render(r, NULL, ITSMA_REPORT_FORMAT_HTML, 0);
	HAS(s, "content=\"default-src 'none'; style-src 'sha256-");
	HAS(s, "'; script-src 'sha256-");
	LACKS(s, "unsafe-inline");
	HAS(s, "Operations\x1b[2J");
	LACKS(s, "<script>alert");
	itsma_free(s);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* The model's capability gap by process is the result's gap of that process. */
static void test_report__gap_lookup(void)
{
	itsma_catalogue *c = cat_new("cat");
	itsma_assessment *a;
	itsma_result *r;
	itsma__report rp;
	itsma_report_options o = ITSMA_REPORT_OPTIONS_INIT;
	sec(c, NULL, "G", 1, 0);
	for (int i = 0; i < 6; i++) {
		char p[8], q[8];
		snprintf(p, sizeof p, "P%d", i);
		snprintf(q, sizeof q, "R%d", i);
		sec(c, "G", p, 1, 1);
		req(c, p, q, 1, SHALL);
	}
	a = asm_new(c);
	rate(a, "R0", "F", "EV", NULL);
	rate(a, "R1", "P", "EV", NULL);
	rate(a, "R3", "L", "EV", NULL);
	rate_pa(a, "P3", ITSMA_PA2_1, "F", "EV", NULL);
	ASSERT_OK(itsma_assessment_set_target(a, 2, ASSERT_ERR));
	ASSERT_OK(itsma_assessment_set_process_target(a, "P5", 0, ASSERT_ERR));
	r = score(a, REQUIRED, NULL);
	ASSERT_OK(itsma__report_init(&rp, r, NULL, &o, NULL));
	CU_ASSERT_EQUAL(rp.nprocs, 6);
	size_t found = 0;
	for (size_t i = 0; i < rp.nprocs; i++) {
		const itsma_section *p = itsma_section_result_section(rp.procs[i]);
		const itsma_capability_gap *want = NULL;
		for (size_t k = 0; k < itsma_result_capability_gap_count(r); k++)
			if (itsma_capability_gap_process(itsma_result_capability_gap_at(r, k)) == p)
				want = itsma_result_capability_gap_at(r, k);
		CU_ASSERT_PTR_EQUAL(itsma__report_gap_of(&rp, p), want);
		found += want != NULL;
	}
	CU_ASSERT(found >= 4);
	CU_ASSERT_PTR_NULL(itsma__report_gap_of(&rp, itsma_catalogue_find_section(c, "G")));
	itsma__report_free(&rp);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

typedef struct chunks {
	itsma__buf b;
	size_t calls, stop_after;
} chunks;

static int chunk_sink(void *payload, const char *data, size_t len)
{
	chunks *k = payload;
	if (k->stop_after && ++k->calls >= k->stop_after)
		return 1;
	itsma__buf_append(&k->b, data, len);
	return 0;
}

/* Every sink gets the same bytes; options and arguments are checked; sections select. */
static void test_report__sinks_and_options(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_result *r;
	itsma_error err = ITSMA_ERROR_INIT;
	build(&c, &a, "2026-11-20");
	r = score(a, REQUIRED, NULL);
	for (int f = ITSMA_REPORT_FORMAT_TEXT; f <= ITSMA_REPORT_FORMAT_CSV; f++) {
		itsma_report_options o = ITSMA_REPORT_OPTIONS_INIT;
		o.format = (itsma_report_format)f;
		char *s = render(r, NULL, o.format, 0);
		chunks k = { ITSMA__BUF_INIT, 0, 0 };
		ASSERT_OK(itsma_report_write(r, NULL, &o, chunk_sink, &k, ASSERT_ERR));
		CU_ASSERT_STRING_EQUAL(itsma__buf_str(&k.b), s);
		itsma__buf_free(&k.b);
		FILE *tmp = tmpfile();
		CU_ASSERT_PTR_NOT_NULL_FATAL(tmp);
		ASSERT_OK(itsma_report_file(tmp, r, NULL, &o, ASSERT_ERR));
		long n = ftell(tmp);
		CU_ASSERT_EQUAL((size_t)n, strlen(s));
		rewind(tmp);
		char *back = calloc((size_t)n + 1, 1);
		CU_ASSERT_EQUAL(fread(back, 1, (size_t)n, tmp), (size_t)n);
		CU_ASSERT_STRING_EQUAL(back, s);
		free(back);
		fclose(tmp);
		itsma_free(s);
		/* a sink that stops */
		chunks stop = { ITSMA__BUF_INIT, 0, 1 };
		CU_ASSERT_EQUAL(itsma_report_write(r, NULL, &o, chunk_sink, &stop, &err),
		                ITSMA_EIO);
		itsma__buf_free(&stop.b);
		static const char *const names[] = { "text", "md", "html", "csv" };
		CU_ASSERT_STRING_EQUAL(itsma_report_format_name(o.format), names[f]);
	}
	itsma_report_options o;
	CU_ASSERT_EQUAL(itsma_report_options_init(&o, 99), ITSMA_EINVAL);
	ASSERT_OK(itsma_report_options_init(&o, ITSMA_REPORT_OPTIONS_VERSION));
	CU_ASSERT_EQUAL(o.top, 10);
	CU_ASSERT_EQUAL(o.sections, ITSMA_REPORT_SECTION_ALL);
	CU_ASSERT_EQUAL(o.width, 96);
	char *s = NULL;
	o.version = 2;
	CU_ASSERT_EQUAL(itsma_report_string(&s, NULL, r, NULL, &o, &err), ITSMA_EINVAL);
	o.version = ITSMA_REPORT_OPTIONS_VERSION;
	o.format = (itsma_report_format)7;
	CU_ASSERT_EQUAL(itsma_report_string(&s, NULL, r, NULL, &o, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_report_string(&s, NULL, NULL, NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_report_string(NULL, NULL, r, NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_report_write(r, NULL, NULL, NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_report_file(NULL, r, NULL, NULL, &err), ITSMA_EINVAL);
	itsma_report_format fmt;
	ASSERT_OK(itsma_report_format_parse(&fmt, "html", ASSERT_ERR));
	CU_ASSERT_EQUAL(fmt, ITSMA_REPORT_FORMAT_HTML);
	CU_ASSERT_EQUAL(itsma_report_format_parse(&fmt, "pdf", &err), ITSMA_EINVAL);
	/* sections and width */
	ASSERT_OK(itsma_report_options_init(&o, ITSMA_REPORT_OPTIONS_VERSION));
	o.sections = ITSMA_REPORT_SECTION_GAPS;
	o.top = 2;
	ASSERT_OK(itsma_report_string(&s, NULL, r, NULL, &o, ASSERT_ERR));
	HAS(s, "Top 2 gaps");
	LACKS(s, "Compliance by clause");
	CU_ASSERT_EQUAL(lines_starting(s, "Verdict"), 0);
	LACKS(s, "Capability profile");
	itsma_free(s);
	o.sections = ITSMA_REPORT_SECTION_ALL;
	o.width = 40;
	ASSERT_OK(itsma_report_string(&s, NULL, r, NULL, &o, ASSERT_ERR));
	HAS(s, "At least one shall\n                 requirement");
	itsma_free(s);
	/* a baseline of another catalogue */
	itsma_catalogue *c2 = cat_new("other");
	sec(c2, NULL, "S", 1, 0);
	req(c2, "S", "Q1", 1, SHALL);
	itsma_assessment *a2 = asm_new(c2);
	itsma_result *r2 = score(a2, REQUIRED, NULL);
	CU_ASSERT_EQUAL(itsma_report_string(&s, NULL, r, r2, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_PTR_NULL(s);
	HAS(err.message, "other");
	itsma_result_free(r2);
	itsma_assessment_free(a2);
	itsma_catalogue_free(c2);
	/* words */
	HAS(itsma_verdict_meaning(ITSMA_VERDICT_CONFORMANT), "fully achieved");
	CU_ASSERT_STRING_EQUAL(itsma_attribute_title(ITSMA_PA2_1), "Performance management");
	CU_ASSERT_STRING_EQUAL(itsma_attribute_title((itsma_attribute)42), "");
	ASSERT_OK(itsma_terminal_escape(&s, "a\x1b[31mb\n", ASSERT_ERR));
	CU_ASSERT_STRING_EQUAL(s, "a\\x1b[31mb\\x0a");
	itsma_free(s);
	CU_ASSERT_EQUAL(itsma_terminal_escape(&s, NULL, &err), ITSMA_EINVAL);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* Running out of memory anywhere fails cleanly: ITSMA_ENOMEM, no output, no leak. */
static void test_report__allocation_failures(void)
{
	itsma_catalogue *c;
	itsma_assessment *a, *b;
	itsma_result *r, *rb;
#ifdef NO_HOOK
	return;
#endif
	build(&c, &a, "2026-11-20");
	b = asm_new(c);
	r = score(a, REQUIRED, NULL);
	rb = score(b, REQUIRED, NULL);
	for (int f = ITSMA_REPORT_FORMAT_TEXT; f <= ITSMA_REPORT_FORMAT_CSV; f++) {
		int done = 0;
		for (long n = 0; !done && n < 100000; n++) {
			itsma_report_options o = ITSMA_REPORT_OPTIONS_INIT;
			char *s = NULL;
			itsma_error err = ITSMA_ERROR_INIT;
			long base = live_blocks;
			o.format = (itsma_report_format)f;
			alloc_calls = 0;
			fail_countdown = n;
			int rc = itsma_report_string(&s, NULL, r, rb, &o, &err);
			fail_countdown = -1;
			if (alloc_calls <= n) {
				CU_ASSERT_EQUAL(rc, 0);
				done = 1;
			} else {
				if (rc != ITSMA_ENOMEM)
					fprintf(stderr,
					        "\nformat %d, failing allocation %ld: %d %s\n", f,
					        n, rc, err.message);
				CU_ASSERT_EQUAL(rc, ITSMA_ENOMEM);
				CU_ASSERT_PTR_NULL(s);
			}
			itsma_free(s);
			CU_ASSERT_EQUAL(live_blocks, base);
		}
		CU_ASSERT(done);
	}
	itsma_result_free(rb);
	itsma_result_free(r);
	itsma_assessment_free(b);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

/* A catalogue for people (itsma_catalogue_render_*): the checklist and the weights table in
 * Markdown and text, the same bytes through a sink and a string, hostile titles escaped,
 * and the weights as JSON (itsma_catalogue_weights_to_json). */
static void test_report__catalogue_render(void)
{
	itsma_catalogue *c;
	itsma_assessment *a;
	itsma_error err = ITSMA_ERROR_INIT;
	char *s = NULL, *json = NULL;
	size_t len = 0;
	build(&c, &a, "2026-11-20");
	for (int v = ITSMA_CATALOGUE_VIEW_CHECKLIST; v <= ITSMA_CATALOGUE_VIEW_WEIGHTS; v++) {
		for (int f = ITSMA_REPORT_FORMAT_TEXT; f <= ITSMA_REPORT_FORMAT_MD; f++) {
			chunks k = { ITSMA__BUF_INIT, 0, 0 }, stop = { ITSMA__BUF_INIT, 0, 1 };
			ASSERT_OK(
			    itsma_catalogue_render_string(&s, &len, c, (itsma_catalogue_view)v,
			                                  (itsma_report_format)f, ASSERT_ERR));
			CU_ASSERT_EQUAL(len, strlen(s));
			ASSERT_OK(itsma_catalogue_render_write(c, (itsma_catalogue_view)v,
			                                       (itsma_report_format)f, chunk_sink,
			                                       &k, ASSERT_ERR));
			CU_ASSERT_STRING_EQUAL(itsma__buf_str(&k.b), s);
			CU_ASSERT_EQUAL(itsma_catalogue_render_write(c, (itsma_catalogue_view)v,
			                                             (itsma_report_format)f,
			                                             chunk_sink, &stop, &err),
			                ITSMA_EIO);
			/* no control character of the hostile titles reaches either format */
			assert_terminal_safe(s, 0);
			if (v == ITSMA_CATALOGUE_VIEW_CHECKLIST && f == ITSMA_REPORT_FORMAT_TEXT) {
				HAS(s, "Hostile ?[2J?[H catalogue\nCatalogue hostile: 8 "
				       "requirements.");
				HAS(s, "\n  Process ?]8;;https://evil.example/?\\link (process)\n");
				HAS(s, "    R1 [shall, weighs 16.7%] Keep a record??[2J?[Hof every "
				       "change\n");
			} else if (v == ITSMA_CATALOGUE_VIEW_CHECKLIST) {
				HAS(s, "# Hostile \\x1b\\[2J\\x1b\\[H catalogue\n\nCatalogue "
				       "`hostile`.");
				HAS(s, "8 requirements: 5 *shall* (needed for conformity) and 3 "
				       "*should*");
				HAS(s, "- [ ] `_em_` Emphasis id *(shall; weighs 16.7%)*\n");
				HAS(s, "\n## Operations\\x1b\\[2J\\x1b\\[H\\x1b\\]0;owned\\x07 "
				       "Verdict          conformant end\n");
				HAS(s, "### Process "
				       "\\x1b\\]8;;https\\://evil.example/\\x1b\\\\link (process)");
			} else if (f == ITSMA_REPORT_FORMAT_TEXT) {
				HAS(s, "REQUIREMENT      OBLIGATION   WEIGHT  EFFECTIVE\n");
				HAS(s, "R1               shall             1      16.7%\n");
			} else {
				HAS(s, "| `www.example.com` | should | 1 | 16.7% |\n");
			}
			itsma__buf_free(&k.b);
			itsma__buf_free(&stop.b);
			itsma_free(s);
		}
	}
	/* only text and Markdown; a view that does not exist; NULL */
	CU_ASSERT_EQUAL(itsma_catalogue_render_string(&s, NULL, c, ITSMA_CATALOGUE_VIEW_CHECKLIST,
	                                              ITSMA_REPORT_FORMAT_HTML, &err),
	                ITSMA_EINVAL);
	CU_ASSERT_PTR_NULL(s);
	CU_ASSERT_EQUAL(itsma_catalogue_render_string(&s, NULL, c, (itsma_catalogue_view)7,
	                                              ITSMA_REPORT_FORMAT_MD, &err),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_render_string(&s, NULL, NULL,
	                                              ITSMA_CATALOGUE_VIEW_CHECKLIST,
	                                              ITSMA_REPORT_FORMAT_MD, &err),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_render_write(c, ITSMA_CATALOGUE_VIEW_CHECKLIST,
	                                             ITSMA_REPORT_FORMAT_MD, NULL, NULL, &err),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_render_string(NULL, NULL, c, ITSMA_CATALOGUE_VIEW_CHECKLIST,
	                                              ITSMA_REPORT_FORMAT_MD, &err),
	                ITSMA_EINVAL);
	/* the weights as JSON: one row per requirement; G and H weigh alike, P's three share G */
	ASSERT_OK(itsma_catalogue_weights_to_json(&json, c, ASSERT_ERR));
	HAS(json,
	    "{\n  \"catalogue\": \"hostile\",\n  \"model\": \"default\",\n  \"requirements\": [\n");
	HAS(json, "    { \"id\": \"R1\", \"obligation\": \"shall\", \"weight\": 1, "
	          "\"effective_weight\": 0.166666666666667 },\n");
	HAS(json, "    { \"id\": \"T1\", \"obligation\": \"should\", \"weight\": 1, "
	          "\"effective_weight\": 0.1 }\n  ]\n}\n");
	itsma_free(json);
	CU_ASSERT_EQUAL(itsma_catalogue_weights_to_json(&json, NULL, &err), ITSMA_EINVAL);
	itsma_assessment_free(a);
	itsma_catalogue_free(c);
}

static const itsma_test_case tests[] = {
	{ "text_controls_escaped", test_report__text_controls_escaped },
	{ "fit_safe_boundaries", test_report__fit_safe_boundaries },
	{ "csv_formulas", test_report__csv_formulas },
	{ "markdown_ids", test_report__markdown_ids },
	{ "html_csp", test_report__html_csp },
	{ "gap_lookup", test_report__gap_lookup },
	{ "sinks_and_options", test_report__sinks_and_options },
	{ "allocation_failures", test_report__allocation_failures },
	{ "catalogue_render", test_report__catalogue_render },
	{ NULL, NULL }
};

ITSMA_TEST_MAIN("report", tests)
