/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Limits and hostile inputs (ctest "limits").
 *
 * The bounds of itsma_load_options (nesting depth, string length, records of one kind,
 * input bytes) give ITSMA_ELIMIT with the source, the line and column and, where there is
 * one, the JSON Pointer of the offending value; exactly at a bound the input loads. Hostile
 * documents (nesting 100000 levels deep, a 100 MB string, millions of tiny records under a
 * low max_records) are refused without exhausting memory or the stack: each runs in a child
 * process whose peak memory is checked, on a thread with a small stack.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "itsma.h"

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

#include "../check.h"

/* ---- building documents ------------------------------------------------------------------- */

typedef struct sbuf {
	char *p;
	size_t len, cap;
} sbuf;

static void put(sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *q;
		while (cap < b->len + n + 1)
			cap *= 2;
		q = realloc(b->p, cap);
		if (!q)
			abort();
		b->p = q;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void puts_(sbuf *b, const char *s) { put(b, s, strlen(s)); }

static void printf_(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void printf_(sbuf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	put(b, tmp, (size_t)n);
}

static void repeat(sbuf *b, const char *s, size_t times)
{
	size_t n = strlen(s), i;
	for (i = 0; i < times; i++)
		put(b, s, n);
}

#define CAT_HEAD "{\"format\": \"itsma-catalogue/1\", \"id\": \"c\", \"title\": \"C\""
#define CAT_SECTIONS                                                                               \
	", \"sections\": [{\"id\": \"s\", \"title\": \"S\", \"requirements\": [{\"id\": \"r\", "   \
	"\"text\": \"T\"}]}]"
#define ASM_HEAD                                                                                   \
	"{\"format\": \"itsma-assessment/1\", \"id\": \"a\", \"catalogue\": \"c\", \"date\": "     \
	"\"2026-01-01\""

/*
 * A catalogue whose x- extension is `levels` nested containers, the innermost empty:
 * json-c counts the levels of values, the document's object being level 1, so the
 * document is levels + 1 deep.
 */
static char *deep_catalogue(size_t levels, const char *open, const char *leaf, const char *close)
{
	sbuf b = { 0 };
	puts_(&b, CAT_HEAD CAT_SECTIONS ", \"x-deep\": ");
	repeat(&b, open, levels - 1);
	puts_(&b, leaf);
	repeat(&b, close, levels - 1);
	puts_(&b, "}");
	return b.p;
}

static itsma_catalogue *small_catalogue(void)
{
	static const char text[] = CAT_HEAD CAT_SECTIONS "}";
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	if (itsma_catalogue_load_buffer(&c, text, sizeof text - 1, NULL, NULL, &err) < 0) {
		fprintf(stderr, "small catalogue: %s\n", err.message);
		exit(2);
	}
	return c;
}

static int load_cat(const char *text, size_t len, const itsma_load_options *o, itsma_error *err)
{
	itsma_catalogue *c = NULL;
	int rc = itsma_catalogue_load_buffer(&c, text, len, "doc.json", o, err);
	if (rc == 0) {
		char *s = NULL;
		/* what loads must also save */
		CHECK(itsma_catalogue_to_json(&s, c, err) == 0,
		      "a loaded catalogue does not save: %s", err->message);
		itsma_free(s);
	}
	itsma_catalogue_free(c);
	return rc;
}

static int load_asm(const char *text, size_t len, const itsma_catalogue *cat,
                    const itsma_load_options *o, itsma_error *err)
{
	itsma_assessment *a = NULL;
	int rc = itsma_assessment_load_buffer(&a, text, len, "doc.json", cat, o, err);
	if (rc == 0) {
		char *s = NULL;
		CHECK(itsma_assessment_to_json(&s, a, err) == 0,
		      "a loaded assessment does not save: %s", err->message);
		itsma_free(s);
	}
	itsma_assessment_free(a);
	return rc;
}

/* A limit error: code, source, position, and pointer when one is expected. */
static void expect_limit(const char *what, int rc, const itsma_error *err, const char *pointer)
{
	CHECK(rc == ITSMA_ELIMIT, "%s: %s (%s), expected ITSMA_ELIMIT", what,
	      itsma_error_code_name(rc), err->message);
	if (rc != ITSMA_ELIMIT)
		return;
	CHECK(err->code == ITSMA_ELIMIT, "%s: err.code %d", what, err->code);
	CHECK(strcmp(err->source, "doc.json") == 0, "%s: source \"%s\"", what, err->source);
	CHECK(err->line > 0 && err->column > 0, "%s: no line and column (%s)", what, err->message);
	CHECK(strstr(err->message, "limit") != NULL, "%s: message \"%s\" does not name the limit",
	      what, err->message);
	if (pointer)
		CHECK(strcmp(err->pointer, pointer) == 0, "%s: pointer \"%s\", expected \"%s\"",
		      what, err->pointer, pointer);
}

/* ---- depth ----------------------------------------------------------------------------------- */

static void test_depth(void)
{
	itsma_load_options o = ITSMA_LOAD_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *cat = small_catalogue();
	char *doc;
	sbuf b = { 0 };
	int rc;

	/* the default: 64 levels, the document's own object included */
	doc = deep_catalogue(63, "[", "[]", "]");
	rc = load_cat(doc, strlen(doc), NULL, &err);
	CHECK(rc == 0, "depth 64 (default limit): %s", err.message);
	free(doc);
	doc = deep_catalogue(64, "[", "[]", "]");
	rc = load_cat(doc, strlen(doc), NULL, &err);
	expect_limit("catalogue depth 65", rc, &err, NULL);
	CHECK(rc != ITSMA_ELIMIT || err.line == 1, "depth 65: line %d", err.line);
	free(doc);

	o.max_depth = 10;
	doc = deep_catalogue(9, "{\"a\": ", "{}", "}");
	CHECK(load_cat(doc, strlen(doc), &o, &err) == 0, "depth 10 of 10: %s", err.message);
	free(doc);
	doc = deep_catalogue(9, "{\"a\": ", "{\"a\": 1}", "}"); /* the 1 is level 11 */
	expect_limit("depth 11 of 10", load_cat(doc, strlen(doc), &o, &err), &err, NULL);
	free(doc);

	/* assessments count from the document too, in streamed and in deferred members */
	o.max_depth = 6;
	puts_(&b,
	      ASM_HEAD ", \"evidence\": [{\"id\": \"E\", \"title\": \"t\", \"kind\": \"other\", "
	               "\"collected\": \"2026-01-01\", \"x-a\": [[[]]]}]}");
	CHECK(load_asm(b.p, b.len, cat, &o, &err) == 0, "assessment depth 6 of 6: %s", err.message);
	b.len = 0;
	puts_(&b,
	      ASM_HEAD ", \"evidence\": [{\"id\": \"E\", \"title\": \"t\", \"kind\": \"other\", "
	               "\"collected\": \"2026-01-01\", \"x-a\": [[[[]]]]}]}");
	expect_limit("assessment depth 7 of 6 (streamed record)",
	             load_asm(b.p, b.len, cat, &o, &err), &err, NULL);
	b.len = 0;
	puts_(&b,
	      "{\"ratings\": [{\"requirement\": \"r\", \"rating\": \"F\", \"x-a\": [[[[1]]]]}], "
	      "\"format\": \"itsma-assessment/1\", \"id\": \"a\", \"catalogue\": \"c\", \"date\": "
	      "\"2026-01-01\"}");
	expect_limit("assessment depth 7 of 6 (deferred member)",
	             load_asm(b.p, b.len, cat, &o, &err), &err, NULL);
	b.len = 0;
	puts_(&b, ASM_HEAD ", \"x-top\": [[[[[1]]]]]}");
	expect_limit("assessment depth 7 of 6 (extension)", load_asm(b.p, b.len, cat, &o, &err),
	             &err, NULL);
	free(b.p);

	/* max_depth is capped: a deep document under a huge max_depth still loads and saves */
	o.max_depth = 1000000;
	doc = deep_catalogue(999, "[", "[]", "]");
	rc = load_cat(doc, strlen(doc), &o, &err);
	CHECK(rc == 0, "depth 1000 under a raised limit: %s", err.message);
	free(doc);
	doc = deep_catalogue(1000, "[", "[]", "]");
	expect_limit("depth 1001 under a raised limit (capped at 1000)",
	             load_cat(doc, strlen(doc), &o, &err), &err, NULL);
	free(doc);
	itsma_catalogue_free(cat);
}

/* ---- strings --------------------------------------------------------------------------------- */

static void test_strings(void)
{
	itsma_load_options o = ITSMA_LOAD_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *cat = small_catalogue();
	sbuf b = { 0 };

	o.max_string = 24; /* "itsma-assessment/1" has 18 */
	puts_(&b, CAT_HEAD ", \"version\": \"0123456789abcdefghijklmn\"" CAT_SECTIONS "}");
	CHECK(load_cat(b.p, b.len, &o, &err) == 0, "a string of 24 bytes under 24: %s",
	      err.message);
	b.len = 0;
	puts_(&b, CAT_HEAD ",\n \"version\": \"0123456789abcdefghijklmno\"" CAT_SECTIONS "}");
	expect_limit("a string of 25 bytes under 24", load_cat(b.p, b.len, &o, &err), &err,
	             "/version");
	CHECK(err.line == 2, "string limit: line %d", err.line);
	/* escapes count as what they decode to */
	b.len = 0;
	puts_(&b, CAT_HEAD ", \"version\": \"");
	repeat(&b, "\\u00e9", 12);
	puts_(&b, "\"" CAT_SECTIONS "}");
	CHECK(load_cat(b.p, b.len, &o, &err) == 0, "12 escaped 2-byte characters under 24: %s",
	      err.message);
	b.len = 0;
	puts_(&b, CAT_HEAD ", \"version\": \"");
	repeat(&b, "\\u00e9", 12);
	puts_(&b, "\\n\"" CAT_SECTIONS "}");
	expect_limit("25 decoded bytes under 24", load_cat(b.p, b.len, &o, &err), &err, "/version");
	/* keys too */
	b.len = 0;
	puts_(&b, CAT_HEAD ", \"x-0123456789abcdefghijklmn\": 1" CAT_SECTIONS "}");
	expect_limit("a key of 26 bytes under 24", load_cat(b.p, b.len, &o, &err), &err, NULL);
	b.len = 0;
	puts_(&b, ASM_HEAD ", \"x-0123456789abcdefghijklmn\": 1}");
	expect_limit("a top-level key of an assessment", load_asm(b.p, b.len, cat, &o, &err), &err,
	             NULL);
	/* in an assessment record */
	b.len = 0;
	puts_(
	    &b, ASM_HEAD
	    ", \"evidence\": [{\"id\": \"E\", \"title\": \"0123456789abcdefghijklmno\", \"kind\": "
	    "\"other\", \"collected\": \"2026-01-01\"}]}");
	expect_limit("a long title in a record", load_asm(b.p, b.len, cat, &o, &err), &err,
	             "/evidence/0/title");
	free(b.p);
	itsma_catalogue_free(cat);
}

/* ---- records --------------------------------------------------------------------------------- */

static void test_records(void)
{
	itsma_load_options o = ITSMA_LOAD_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *cat = NULL;
	sbuf b = { 0 };
	int i;

	o.max_records = 10;
	/* a catalogue of exactly 10 requirements, then 11 */
	puts_(&b,
	      CAT_HEAD ", \"sections\": [{\"id\": \"s\", \"title\": \"S\", \"requirements\": [");
	for (i = 0; i < 10; i++)
		printf_(&b, "%s{\"id\": \"r%d\", \"text\": \"T\"}", i ? ", " : "", i);
	puts_(&b, "]}]}");
	CHECK(load_cat(b.p, b.len, &o, &err) == 0, "10 requirements under 10: %s", err.message);
	b.len = 0;
	puts_(&b,
	      CAT_HEAD ", \"sections\": [{\"id\": \"s\", \"title\": \"S\", \"requirements\": [");
	for (i = 0; i < 11; i++)
		printf_(&b, "%s{\"id\": \"r%d\", \"text\": \"T\"}", i ? ", " : "", i);
	puts_(&b, "]}]}");
	expect_limit("11 requirements under 10", load_cat(b.p, b.len, &o, &err), &err,
	             "/sections/0/requirements/10");
	if (itsma_catalogue_load_buffer(&cat, b.p, b.len, NULL, NULL, &err) < 0)
		exit(2);

	/* evidence (streamed), ratings before evidence (deferred), ratings after (streamed) */
	b.len = 0;
	puts_(&b, ASM_HEAD ", \"evidence\": [");
	for (i = 0; i < 11; i++)
		printf_(&b,
		        "%s{\"id\": \"E%d\", \"title\": \"t\", \"kind\": \"other\", \"collected\": "
		        "\"2026-01-01\"}",
		        i ? ", " : "", i);
	puts_(&b, "]}");
	expect_limit("11 evidence records under 10", load_asm(b.p, b.len, cat, &o, &err), &err,
	             "/evidence/10");
	b.len = 0;
	puts_(&b, "{\"ratings\": [");
	for (i = 0; i < 11; i++)
		printf_(&b, "%s{\"requirement\": \"r%d\", \"rating\": \"F\"}", i ? ", " : "", i);
	puts_(&b, "], \"format\": \"itsma-assessment/1\", \"id\": \"a\", \"catalogue\": \"c\", "
	          "\"date\": \"2026-01-01\"}");
	expect_limit("11 deferred ratings under 10", load_asm(b.p, b.len, cat, &o, &err), &err,
	             "/ratings/10");
	b.len = 0;
	puts_(&b, ASM_HEAD ", \"ratings\": [");
	for (i = 0; i < 10; i++)
		printf_(&b, "%s{\"requirement\": \"r%d\", \"rating\": \"F\"}", i ? ", " : "", i);
	puts_(&b, "]}");
	CHECK(load_asm(b.p, b.len, cat, &o, &err) == 0, "10 ratings under 10: %s", err.message);
	free(b.p);
	itsma_catalogue_free(cat);
}

/* ---- bytes ----------------------------------------------------------------------------------- */

static void test_bytes(void)
{
	itsma_load_options o = ITSMA_LOAD_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *c = NULL;
	static const char text[] = CAT_HEAD CAT_SECTIONS "}";
	char path[600];
	FILE *f;
	int rc;

	o.max_bytes = sizeof text - 1;
	CHECK(load_cat(text, sizeof text - 1, &o, &err) == 0, "input of exactly max_bytes: %s",
	      err.message);
	o.max_bytes = sizeof text - 2;
	rc = load_cat(text, sizeof text - 1, &o, &err);
	CHECK(rc == ITSMA_ELIMIT && strstr(err.message, "limit"), "input over max_bytes: %s",
	      err.message);

	snprintf(path, sizeof path, "%s/limits-bytes.json", ITSMA_TEST_TMP);
	f = fopen(path, "wb");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0)
		exit(2);
	o.max_bytes = sizeof text - 1;
	rc = itsma_catalogue_load_file(&c, path, &o, &err);
	CHECK(rc == 0, "file of exactly max_bytes: %s", err.message);
	itsma_catalogue_free(c);
	c = NULL;
	o.max_bytes = sizeof text - 2;
	rc = itsma_catalogue_load_file(&c, path, &o, &err);
	CHECK(rc == ITSMA_ELIMIT && c == NULL, "file over max_bytes: %s",
	      itsma_error_code_name(rc));
	CHECK(strcmp(err.source, path) == 0, "file over max_bytes: source \"%s\"", err.source);
	remove(path);
}

/* ---- hostile documents, each in a child process ---------------------------------------------- */

typedef struct hostile {
	const char *name;
	char *(*make)(size_t *len);
	int assessment; /* load as an assessment (of the small catalogue) */
	itsma_load_options opts;
	const char *pointer; /* expected JSON Pointer, or NULL */
	long max_extra_mb;   /* peak memory allowed beyond the input, in MiB */
} hostile;

static char *nest_arrays(size_t *len)
{
	sbuf b = { 0 };
	repeat(&b, "[", 100000);
	repeat(&b, "]", 100000);
	*len = b.len;
	return b.p;
}

static char *nest_objects_in_assessment(size_t *len)
{
	sbuf b = { 0 };
	puts_(&b, ASM_HEAD ", \"x-deep\": ");
	repeat(&b, "{\"a\": ", 100000);
	put(&b, "1", 1);
	repeat(&b, "}", 100000);
	puts_(&b, "}");
	*len = b.len;
	return b.p;
}

static char *nest_unclosed(size_t *len)
{
	sbuf b = { 0 };
	puts_(&b, ASM_HEAD ", \"evidence\": [");
	repeat(&b, "[{\"a\":", 100000);
	*len = b.len;
	return b.p;
}

static char *string_100mb(size_t *len)
{
	size_t n = (size_t)100 << 20;
	sbuf b = { 0 };
	puts_(&b, CAT_HEAD ", \"description\": \"");
	if (b.cap < b.len + n + 64) {
		b.p = realloc(b.p, b.len + n + 64);
		if (!b.p)
			abort();
		b.cap = b.len + n + 64;
	}
	memset(b.p + b.len, 'a', n);
	b.len += n;
	puts_(&b, "\"" CAT_SECTIONS "}");
	*len = b.len;
	return b.p;
}

static char *string_100mb_escaped_in_assessment(size_t *len)
{
	size_t n = (size_t)100 << 20, i;
	sbuf b = { 0 };
	puts_(&b, ASM_HEAD ", \"evidence\": [{\"id\": \"E\", \"kind\": \"other\", \"collected\": "
	                   "\"2026-01-01\", \"title\": \"");
	b.p = realloc(b.p, b.len + n + 64);
	if (!b.p)
		abort();
	b.cap = b.len + n + 64;
	for (i = 0; i + 2 <= n; i += 2) {
		b.p[b.len++] = '\\';
		b.p[b.len++] = 'n';
	}
	puts_(&b, "\"}]}");
	*len = b.len;
	return b.p;
}

static char *millions_of_requirements(size_t *len)
{
	sbuf b = { 0 };
	puts_(&b,
	      CAT_HEAD ", \"sections\": [{\"id\": \"s\", \"title\": \"S\", \"requirements\": [{}");
	repeat(&b, ",{}", 3000000);
	puts_(&b, "]}]}");
	*len = b.len;
	return b.p;
}

static char *thousand_by_thousand(size_t *len)
{
	sbuf b = { 0 };
	int i;
	puts_(&b, CAT_HEAD ", \"sections\": [");
	for (i = 0; i < 1000; i++) {
		printf_(&b, "%s{\"id\": \"s%d\", \"title\": \"S\", \"requirements\": [{}",
		        i ? "," : "", i);
		repeat(&b, ",{}", 999);
		puts_(&b, "]}");
	}
	puts_(&b, "]}");
	*len = b.len;
	return b.p;
}

static char *millions_of_deferred_ratings(size_t *len)
{
	sbuf b = { 0 };
	puts_(&b, "{\"ratings\": [{}");
	repeat(&b, ",{}", 3000000);
	puts_(&b, "], \"format\": \"itsma-assessment/1\", \"id\": \"a\", \"catalogue\": \"c\", "
	          "\"date\": \"2026-01-01\"}");
	*len = b.len;
	return b.p;
}

static char *millions_of_streamed_evidence(size_t *len)
{
	sbuf b = { 0 };
	int i;
	puts_(&b, ASM_HEAD ", \"evidence\": [");
	for (i = 0; i < 2000000; i++)
		printf_(&b,
		        "%s{\"id\":\"E%d\",\"title\":\"t\",\"kind\":\"other\",\"collected\":\"2026-"
		        "01-01\"}",
		        i ? "," : "", i);
	puts_(&b, "]}");
	*len = b.len;
	return b.p;
}

static char *millions_of_numbers_in_extension(size_t *len)
{
	sbuf b = { 0 };
	puts_(&b, CAT_HEAD CAT_SECTIONS ", \"x-list\": [0");
	repeat(&b, ",0", 5000000);
	puts_(&b, "]}");
	*len = b.len;
	return b.p;
}

static const hostile hostiles[] = {
	{ "100000 nested arrays", nest_arrays, 0, ITSMA_LOAD_OPTIONS_INIT, NULL, 64 },
	{ "100000 nested arrays, max_depth raised",
	  nest_arrays,
	  0,
	  { ITSMA_LOAD_OPTIONS_VERSION, 4000000000u, 0, 0, 0, NULL, NULL },
	  NULL,
	  64 },
	{ "100000 nested objects in an assessment", nest_objects_in_assessment, 1,
	  ITSMA_LOAD_OPTIONS_INIT, NULL, 64 },
	{ "100000 nested objects, max_depth raised",
	  nest_objects_in_assessment,
	  1,
	  { ITSMA_LOAD_OPTIONS_VERSION, 4000000000u, 0, 0, 0, NULL, NULL },
	  NULL,
	  64 },
	{ "100000 unclosed levels in a record", nest_unclosed, 1, ITSMA_LOAD_OPTIONS_INIT, NULL,
	  64 },
	{ "a 100 MB string", string_100mb, 0, ITSMA_LOAD_OPTIONS_INIT, "/description", 64 },
	{ "a 100 MB escaped string in a record", string_100mb_escaped_in_assessment, 1,
	  ITSMA_LOAD_OPTIONS_INIT, "/evidence/0/title", 64 },
	{ "3 million requirements, max_records 1000",
	  millions_of_requirements,
	  0,
	  { ITSMA_LOAD_OPTIONS_VERSION, 0, 0, 1000, 0, NULL, NULL },
	  NULL,
	  64 },
	{ "1000 sections of 1000 requirements, max_records 1000",
	  thousand_by_thousand,
	  0,
	  { ITSMA_LOAD_OPTIONS_VERSION, 0, 0, 1000, 0, NULL, NULL },
	  NULL,
	  64 },
	{ "3 million deferred ratings, max_records 1000",
	  millions_of_deferred_ratings,
	  1,
	  { ITSMA_LOAD_OPTIONS_VERSION, 0, 0, 1000, 0, NULL, NULL },
	  NULL,
	  64 },
	{ "2 million evidence records, max_records 1000",
	  millions_of_streamed_evidence,
	  1,
	  { ITSMA_LOAD_OPTIONS_VERSION, 0, 0, 1000, 0, NULL, NULL },
	  "/evidence/1000",
	  64 },
	{ "5 million numbers in an extension, max_records 1000",
	  millions_of_numbers_in_extension,
	  0,
	  { ITSMA_LOAD_OPTIONS_VERSION, 0, 0, 1000, 0, NULL, NULL },
	  NULL,
	  64 },
	{ NULL, NULL, 0, ITSMA_LOAD_OPTIONS_INIT, NULL, 0 }
};

typedef struct job {
	const hostile *h;
	const char *text;
	size_t len;
	int rc;
	itsma_error err;
} job;

static void *load_job(void *arg)
{
	job *j = arg;
	itsma_catalogue *cat = small_catalogue();
	itsma_error_clear(&j->err);
	if (j->h->assessment)
		j->rc = load_asm(j->text, j->len, cat, &j->h->opts, &j->err);
	else
		j->rc = load_cat(j->text, j->len, &j->h->opts, &j->err);
	itsma_catalogue_free(cat);
	return NULL;
}

/* Peak resident memory of this process so far, in KiB. */
static long peak_kib(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static void run_hostile(const hostile *h)
{
	pid_t pid;
	int status, fds[2];
	struct {
		int rc, line, column;
		long base_kib, peak_kib;
		char pointer[ITSMA_ERROR_POINTER_LENGTH], message[ITSMA_ERROR_MESSAGE_LENGTH];
	} res;
	struct timeval t0, t1;
	double secs;

	if (pipe(fds) != 0)
		abort();
	gettimeofday(&t0, NULL);
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		abort();
	if (pid == 0) {
		job j;
		pthread_t th;
		pthread_attr_t attr;
		size_t len;

		close(fds[0]);
		memset(&res, 0, sizeof res);
		alarm(120);
		j.h = h;
		j.text = h->make(&len);
		j.len = len;
		res.base_kib = peak_kib();
		/* a small stack: deep input must not recurse deeply */
		pthread_attr_init(&attr);
		pthread_attr_setstacksize(&attr, SANITIZED ? (size_t)4 << 20 : (size_t)512 << 10);
		if (pthread_create(&th, &attr, load_job, &j) != 0)
			_exit(3);
		pthread_join(th, NULL);
		res.peak_kib = peak_kib();
		res.rc = j.rc;
		res.line = j.err.line;
		res.column = j.err.column;
		memcpy(res.pointer, j.err.pointer, sizeof res.pointer);
		memcpy(res.message, j.err.message, sizeof res.message);
		if (write(fds[1], &res, sizeof res) != (ssize_t)sizeof res)
			_exit(4);
		_exit(0);
	}
	close(fds[1]);
	memset(&res, 0, sizeof res);
	{
		ssize_t got = read(fds[0], &res, sizeof res);
		close(fds[0]);
		waitpid(pid, &status, 0);
		gettimeofday(&t1, NULL);
		secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_usec - t0.tv_usec) / 1e6;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || got != (ssize_t)sizeof res) {
			CHECK(0, "%s: the loading process died (%s %d)", h->name,
			      WIFSIGNALED(status) ? "signal" : "exit",
			      WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
			return;
		}
	}
	printf("%-56s %-13s %5.1fs  +%ld MiB  %s\n", h->name, itsma_error_code_name(res.rc), secs,
	       (res.peak_kib - res.base_kib) / 1024, res.message);
	CHECK(res.rc == ITSMA_ELIMIT, "%s: %s (%s), expected ITSMA_ELIMIT", h->name,
	      itsma_error_code_name(res.rc), res.message);
	CHECK(res.line > 0 && res.column > 0, "%s: no position", h->name);
	if (h->pointer)
		CHECK(strcmp(res.pointer, h->pointer) == 0, "%s: pointer \"%s\", expected \"%s\"",
		      h->name, res.pointer, h->pointer);
	if (!SANITIZED)
		CHECK((res.peak_kib - res.base_kib) / 1024 <= h->max_extra_mb,
		      "%s: loading took %ld MiB beyond the input (allowed %ld)", h->name,
		      (res.peak_kib - res.base_kib) / 1024, h->max_extra_mb);
}

/* ---- linear time and memory: many problems, many keys, many values --------------------------- */

/*
 * Each case runs in a child process under alarm(): it finishes in a second or two when the
 * work is linear in the input, and cannot finish in time when it is quadratic (validating 200k
 * bad records took over 300 s, 160k keys with one duplicate 47 s). Nothing here times the work
 * itself; peak memory is checked (outside sanitizer builds) against the input's size.
 */
#define HANG_SECONDS (SANITIZED ? 400 : 120)

typedef struct problems {
	size_t count, wrong;
	size_t first_record_col; /* column of the value of "kind" in record 0 */
	char first_wrong[800];
} problems;

/* Validation callback: the i-th bad evidence record sits on line i + 2, its "kind" at a column
 * that grows with the digits of i. */
static int on_problem(const itsma_error *e, void *payload)
{
	problems *p = payload;
	unsigned long i = 0;
	int expect_col;
	if (sscanf(e->pointer, "/evidence/%lu/kind", &i) != 1)
		i = (unsigned long)-1;
	/* {"id": "E<i>", "title": "t", "kind": "bogus", ... */
	expect_col = (int)(strlen("{\"id\": \"E\", \"title\": \"t\", \"kind\": ") + 1) +
	             snprintf(NULL, 0, "%lu", i);
	if (i != p->count || e->line != (int)i + 2 || e->column != expect_col ||
	    e->code != ITSMA_ESCHEMA) {
		if (!p->wrong++)
			snprintf(p->first_wrong, sizeof p->first_wrong,
			         "problem %zu: %d:%d %s %s (expected %zu:%d)", p->count, e->line,
			         e->column, e->pointer, e->message, p->count + 2, expect_col);
	}
	p->count++;
	return 0;
}

static void many_problems(void)
{
	const size_t n = 200000;
	itsma_catalogue *cat = small_catalogue();
	problems p;
	itsma_error err = ITSMA_ERROR_INIT;
	sbuf b = { 0 };
	size_t i;
	int rc;

	puts_(&b, ASM_HEAD ", \"evidence\": [\n");
	for (i = 0; i < n; i++)
		printf_(&b,
		        "%s{\"id\": \"E%zu\", \"title\": \"t\", \"kind\": \"bogus\", "
		        "\"collected\": \"2026-01-01\"}",
		        i ? ",\n" : "", i);
	puts_(&b, "]}");
	memset(&p, 0, sizeof p);
	rc = itsma_validate_buffer(NULL, b.p, b.len, "many.json", cat, on_problem, &p, &err);
	CHECK(rc == ITSMA_ESCHEMA, "validate: %s", itsma_error_code_name(rc));
	CHECK(p.count == n, "validate reported %zu problems of %zu", p.count, n);
	CHECK(p.wrong == 0, "%zu problems at the wrong place, first: %s", p.wrong, p.first_wrong);
	free(b.p);
	itsma_catalogue_free(cat);
}

static int count_problem(const itsma_error *e, void *payload)
{
	size_t *n = payload;
	(void)e;
	++*n;
	return 0;
}

static void many_catalogue_problems(void)
{
	const size_t n = 100000;
	itsma_error err = ITSMA_ERROR_INIT;
	sbuf b = { 0 };
	size_t i, count = 0;
	int rc;

	/* requirements with an empty "text", in one tree (the catalogue is read whole) */
	puts_(&b,
	      CAT_HEAD ", \"sections\": [{\"id\": \"s\", \"title\": \"S\", \"requirements\": [\n");
	for (i = 0; i < n; i++)
		printf_(&b,
		        "%s{\"id\": \"r%zu\", \"clause\": \"4.1 Understanding the organization\", "
		        "\"text\": \"\"}",
		        i ? ",\n" : "", i);
	puts_(&b, "]}]}");
	rc = itsma_validate_buffer(NULL, b.p, b.len, "cat.json", NULL, count_problem, &count, &err);
	CHECK(rc == ITSMA_ESCHEMA && count == n, "catalogue: %s, %zu problems of %zu",
	      itsma_error_code_name(rc), count, n);
	CHECK(err.line == 2 && strcmp(err.pointer, "/sections/0/requirements/0/text") == 0,
	      "catalogue: first problem at %d %s", err.line, err.pointer);
	free(b.p);
}

/* An object of a million keys, the first repeated at the end, where each reader meets it. */
static void many_keys(void)
{
	static const char *const where[] = { "catalogue", "record", "top-level extension" };
	const size_t n = 1000000;
	itsma_catalogue *cat = small_catalogue();
	itsma_error err = ITSMA_ERROR_INIT;
	size_t i, w;

	for (w = 0; w < 3; w++) {
		sbuf b = { 0 };
		int rc;
		if (w == 0)
			puts_(&b, CAT_HEAD CAT_SECTIONS ", \"x-big\": {");
		else if (w == 1)
			puts_(&b, ASM_HEAD ", \"evidence\": [{\"id\": \"E\", \"title\": \"t\", "
			                   "\"kind\": \"other\", "
			                   "\"collected\": \"2026-01-01\", \"x-big\": {");
		else
			puts_(&b, ASM_HEAD ", \"x-big\": {");
		for (i = 0; i < n; i++)
			printf_(&b, "\"k%zu\": 0, ", i);
		puts_(&b, w == 1 ? "\"k0\": 1}}]}" : "\"k0\": 1}}");
		rc = w == 0 ? load_cat(b.p, b.len, NULL, &err)
		            : load_asm(b.p, b.len, cat, NULL, &err);
		CHECK(rc == ITSMA_EPARSE && strstr(err.message, "duplicate key \"k0\"") &&
		          err.line == 1 && (size_t)err.offset == b.len - (w == 1 ? 11 : 9),
		      "a duplicate among %zu keys (%s): %s at offset %zu: %s %s", n, where[w],
		      itsma_error_code_name(rc), (size_t)err.offset, err.pointer, err.message);
		CHECK(strcmp(err.pointer, w == 1 ? "/evidence/0/x-big/k0" : "/x-big/k0") == 0,
		      "pointer %s", err.pointer);
		free(b.p);
	}
	itsma_catalogue_free(cat);
}

/* Millions of values, each only a few bytes of text: memory stays a small multiple of it. */
static char *values_text;
static size_t values_len;

static void make_values(const char *head, const char *item, size_t n, const char *tail)
{
	sbuf b = { 0 };
	size_t i;
	puts_(&b, head);
	for (i = 0; i < n; i++) {
		if (i)
			put(&b, ",", 1);
		puts_(&b, item);
	}
	puts_(&b, tail);
	values_text = b.p;
	values_len = b.len;
}

typedef struct values_case {
	const char *name, *head, *item;
	size_t n;
	const char *tail;
	int assessment, loads;
	const char *pointer_prefix;
} values_case;

static const values_case values_cases[] = {
	{ "10 million {} in a top-level extension", ASM_HEAD ", \"x-a\": [", "{}", 10000000, "]}",
	  1, 1, NULL },
	{ "10 million numbers in a top-level extension", ASM_HEAD ", \"x-a\": [", "0", 10000000,
	  "]}", 1, 1, NULL },
	{ "10 million {} in a catalogue extension", CAT_HEAD CAT_SECTIONS ", \"x-a\": [", "{}",
	  10000000, "]}", 0, 0, "/x-a/" },
	{ "10 million numbers in a record's extension",
	  ASM_HEAD ", \"evidence\": [{\"id\": \"E\", \"title\": \"t\", \"kind\": \"other\", "
	           "\"collected\": \"2026-01-01\", \"x-a\": [",
	  "0", 10000000, "]}]}", 1, 0, "/evidence/0/x-a/" },
	{ "5 million [] before the evidence (read later)", "{\"ratings\": [", "[]", 5000000,
	  "], \"format\": \"itsma-assessment/1\", \"id\": \"a\", \"catalogue\": \"c\", \"date\": "
	  "\"2026-01-01\"}",
	  1, 0, "/ratings/" },
	{ NULL, NULL, NULL, 0, NULL, 0, 0, NULL }, /* end */
};

static void many_values(const values_case *v)
{
	itsma_catalogue *cat = small_catalogue();
	itsma_error err = ITSMA_ERROR_INIT;
	long base;
	int rc;

	make_values(v->head, v->item, v->n, v->tail);
	base = peak_kib();
	rc = v->assessment ? load_asm(values_text, values_len, cat, NULL, &err)
	                   : load_cat(values_text, values_len, NULL, &err);
	if (v->loads)
		CHECK(rc == 0, "%s: %s %s", v->name, itsma_error_code_name(rc), err.message);
	else
		CHECK(rc != 0 && err.line > 0 && v->pointer_prefix &&
		          strncmp(err.pointer, v->pointer_prefix, strlen(v->pointer_prefix)) == 0,
		      "%s: %s at %d:%d %s %s", v->name, itsma_error_code_name(rc), err.line,
		      err.column, err.pointer, err.message);
	/* the text, its copy as an extension, and the saved (re-indented) text of it */
	if (!SANITIZED)
		CHECK(peak_kib() - base <= (long)(values_len / 1024) * 4 + 64 * 1024,
		      "%s: %ld MiB beyond the %zu MiB input", v->name, (peak_kib() - base) / 1024,
		      values_len >> 20);
	printf("%-56s %-13s +%ld MiB for %zu MiB of text\n", v->name, itsma_error_code_name(rc),
	       (peak_kib() - base) / 1024, values_len >> 20);
	free(values_text);
	itsma_catalogue_free(cat);
}

/* Saving a deeply nested extension: the output stays proportional to the input (a container
 * 16 or more levels deep is written on one line; before, indentation made 1000 values nested
 * 60 deep twenty times larger when saved; now about twice). */
static void deep_extension_saved(void)
{
	itsma_catalogue *cat = small_catalogue();
	itsma_assessment *a = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	sbuf b = { 0 };
	char *out = NULL;
	size_t i;

	puts_(&b, ASM_HEAD ", \"x-deep\": [");
	for (i = 0; i < 1000; i++) {
		puts_(&b, i ? "," : "");
		repeat(&b,
		       "{\"a\": ", 60); /* 64 levels: the document, x-deep, 60 objects, [1, "x"] */
		puts_(&b, "[1, \"x\"]");
		repeat(&b, "}", 60);
	}
	puts_(&b, "]}");
	CHECK(itsma_assessment_load_buffer(&a, b.p, b.len, "deep.json", cat, NULL, &err) == 0,
	      "deep: %s", err.message);
	CHECK(a && itsma_assessment_to_json(&out, a, &err) == 0, "deep: save: %s", err.message);
	CHECK(out && strlen(out) < 3 * b.len,
	      "a deeply nested extension of %zu bytes is saved as %zu", b.len,
	      out ? strlen(out) : 0);
	itsma_free(out);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
	free(b.p);
}

static void in_child(const char *name, void (*fn)(void))
{
	pid_t pid;
	int status;
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		abort();
	if (pid == 0) {
		failures = 0;
		alarm(HANG_SECONDS);
		fn();
		fflush(NULL);
		_exit(failures ? 1 : 0);
	}
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s: %s %d%s", name,
	      WIFSIGNALED(status) ? "signal" : "exit",
	      WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status),
	      WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM ? " (did not finish: quadratic?)"
	                                                         : "");
}

static const values_case *current_values;
static void many_values_current(void) { many_values(current_values); }

static void test_linear(void)
{
	const values_case *v;
	deep_extension_saved();
	in_child("200000 problems in one validation", many_problems);
	in_child("100000 problems in a catalogue", many_catalogue_problems);
	in_child("a duplicate among a million keys", many_keys);
	for (v = values_cases; v->name; v++) {
		current_values = v;
		in_child(v->name, many_values_current);
	}
}

int main(void)
{
	const hostile *h;

	test_depth();
	test_strings();
	test_records();
	test_bytes();
	for (h = hostiles; h->name; h++)
		run_hostile(h);
	test_linear();
	printf("%d failure(s)\n", failures);
	return failures ? 1 : 0;
}
