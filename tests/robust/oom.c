/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Allocation-failure test (ctest "oom").
 *
 * Every allocation made by itsma *and by json-c* goes through the wrappers below: this
 * executable is linked with -Wl,--wrap=malloc,... against a static build of the library
 * and json-c's static archive, so each of their calls to malloc, calloc, realloc, strdup,
 * strndup lands here (see tests/robust/CMakeLists.txt).
 *
 * For each scenario (load, build, score, compare, to_json, explain, save, ...) the
 * operation first runs without failures, which gives the reference outcome and the number
 * of allocations it makes. Then, for every N from 1 until the operation completes
 * without reaching its N-th allocation, it runs again with the N-th allocation failing:
 * once ("transient": later allocations succeed) and for good ("sticky": every allocation
 * from the N-th on fails). Each run must
 *   - return 0 with exactly the reference outcome (the failure was absorbed), or fail with
 *     ITSMA_ENOMEM, err->code set and the "out of memory" message, every out-param NULL;
 *   - leave the caller's objects as they were (their JSON text is compared), and on a
 *     failed save leave the previous file and no temporary file behind;
 *   - leak nothing: every block allocated during the operation is freed once the
 *     objects are freed (tracked here exactly, and by LeakSanitizer in ASan builds).
 *
 * json-c 0.16 itself does not survive every allocation failure, and the test tells its
 * allocations apart: json-c's archive is linked with its malloc & co. renamed to the
 * itsma_oom_jc_* wrappers below, and json_tokener_parse_ex() is wrapped too.
 *   - Its parser does not report allocation failures: it drops an object member or an
 *     array element (leaking it), cuts a string short, or reports a syntax error. A run
 *     whose failing allocation is inside json_tokener_parse_ex() and that does not pass
 *     is counted as json-c's defect and skipped (json-c's leaks are freed); itsma notices
 *     most of them anyway and reports ITSMA_ENOMEM (see itsma__json_parse()).
 *   - At one call site it crashes (the parser uses strdup() of an object key unchecked).
 *     The first failure at every json-c call site runs in a child process; a site whose
 *     child crashes inside json-c is known to crash, and its failures are skipped.
 *   - Everything else json-c reports (NULL from json_object_new_object(), -1 from
 *     json_object_object_add(), ...) must be handled by itsma, and is checked in full.
 * A failure of one of itsma's own allocations is never skipped. See docs/robustness.md.
 *
 * Options: -v (print each scenario's allocation count and the skipped json-c crashes),
 * -k NAME (only scenarios whose name contains NAME).
 */
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <signal.h>
#include <sys/wait.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "itsma.h"
#include "itsma/interop.h"

/* ---- allocation wrappers --------------------------------------------------------------- */

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);
void __wrap_free(void *p);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);
void *itsma_oom_jc_malloc(size_t n);
void *itsma_oom_jc_calloc(size_t n, size_t m);
void *itsma_oom_jc_realloc(void *p, size_t n);
void itsma_oom_jc_free(void *p);
char *itsma_oom_jc_strdup(const char *s);
struct json_object;
struct json_tokener;
struct json_object *__real_json_tokener_parse_ex(struct json_tokener *tok, const char *str,
                                                 int len);
struct json_object *__wrap_json_tokener_parse_ex(struct json_tokener *tok, const char *str,
                                                 int len);
char *itsma_oom_jc_strndup(const char *s, size_t n);
int itsma_oom_jc___vasprintf_chk(char **out, int flag, const char *fmt, va_list ap);

static int armed;             /* count and fail allocations only while armed */
static unsigned long nalloc;  /* allocations since arming */
static unsigned long fail_at; /* 1-based allocation to fail; 0 = none */
static int sticky;            /* fail every allocation from fail_at on */
static unsigned long nfailed; /* allocations failed since arming */
enum { BY_ITSMA = 0, BY_JSONC = 1, BY_TOKENER = 2 };
static int in_jsonc;          /* the allocation being made is json-c's own */
static int in_tokener;        /* ... and json-c's parser is running */
static unsigned char *origin; /* reference run: origin[n] = BY_* of allocation n + 1 */
static unsigned long origin_cap;
static int recording;         /* fill origin[] and callers[] */
static const void *jc_caller; /* json-c's allocation: the json-c code that asked */
static const void **callers;  /* reference run: callers[n] of allocation n + 1 (json-c's) */

/* Blocks allocated while armed and not yet freed: an open-addressing set of pointers. */
#define SET_BITS 17
#define SET_SIZE ((size_t)1 << SET_BITS)
static void *live[SET_SIZE];
static size_t live_count;

static size_t slot_of(const void *p)
{
	uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull;
	return (size_t)(h >> (64 - SET_BITS));
}

static void live_add(void *p)
{
	size_t i = slot_of(p);
	if (live_count * 4 >= SET_SIZE * 3) {
		fprintf(stderr, "oom: too many live blocks to track\n");
		abort();
	}
	while (live[i])
		i = (i + 1) & (SET_SIZE - 1);
	live[i] = p;
	live_count++;
}

/* Remove p if tracked (linear probing with backward-shift deletion); 1 if it was. */
static int live_del(void *p)
{
	size_t i = slot_of(p), j, k;
	while (live[i] && live[i] != p)
		i = (i + 1) & (SET_SIZE - 1);
	if (!live[i])
		return 0;
	live[i] = NULL;
	live_count--;
	for (j = (i + 1) & (SET_SIZE - 1); live[j]; j = (j + 1) & (SET_SIZE - 1)) {
		k = slot_of(live[j]);
		/* move live[j] into the hole at i if its home slot k is not in (i, j] */
		if ((j > i && (k <= i || k > j)) || (j < i && (k <= i && k > j))) {
			live[i] = live[j];
			live[j] = NULL;
			i = j;
		}
	}
	return 1;
}

/* Should this allocation fail? Counts it when armed. */
static int inject(void)
{
	if (!armed)
		return 0;
	nalloc++;
	if (recording) {
		if (nalloc > origin_cap) {
			unsigned long cap = origin_cap ? origin_cap * 2 : 4096;
			unsigned char *o = __real_realloc(origin, cap);
			const void **cl = __real_realloc(callers, cap * sizeof *callers);
			if (!o || !cl)
				abort();
			callers = cl;
			memset(o + origin_cap, 0, cap - origin_cap);
			origin = o;
			origin_cap = cap;
		}
		origin[nalloc - 1] =
		    (unsigned char)(in_jsonc ? (in_tokener ? BY_TOKENER : BY_JSONC) : BY_ITSMA);
		callers[nalloc - 1] = in_jsonc ? jc_caller : NULL;
	}
	if (fail_at && (nalloc == fail_at || (sticky && nalloc > fail_at))) {
		nfailed++;
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

static void *track(void *p)
{
	if (p && armed)
		live_add(p);
	return p;
}

void *__wrap_malloc(size_t n) { return inject() ? NULL : track(__real_malloc(n)); }

void *__wrap_calloc(size_t n, size_t m) { return inject() ? NULL : track(__real_calloc(n, m)); }

void *__wrap_realloc(void *p, size_t n)
{
	void *q;
	int was;
	if (inject())
		return NULL;
	q = __real_realloc(p, n);
	if (!q)
		return NULL;
	was = p ? live_del(p) : 0;
	if (was || armed)
		live_add(q);
	return q;
}

void __wrap_free(void *p)
{
	if (p)
		live_del(p);
	__real_free(p);
}

char *__wrap_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = __wrap_malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

char *__wrap_strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = __wrap_malloc(len + 1);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

/* vasprintf through the tracked malloc (json-c's sprintbuf() uses it for long numbers). */
static int tracked_vasprintf(char **out, int flag, const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	(void)flag;
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	*out = NULL;
	if (n < 0)
		return -1;
	*out = __wrap_malloc((size_t)n + 1);
	if (!*out)
		return -1;
	vsnprintf(*out, (size_t)n + 1, fmt, ap);
	return n;
}

/* json-c's parser: its allocations are told apart (see check_run()) */
struct json_object *__wrap_json_tokener_parse_ex(struct json_tokener *tok, const char *str, int len)
{
	struct json_object *o;
	in_tokener = 1;
	o = __real_json_tokener_parse_ex(tok, str, len);
	in_tokener = 0;
	return o;
}

/* json-c's own calls (its archive is linked with these names in place of malloc & co.) */
void *itsma_oom_jc_malloc(size_t n)
{
	void *p;
	in_jsonc = 1;
	jc_caller = __builtin_return_address(0);
	p = __wrap_malloc(n);
	in_jsonc = 0;
	return p;
}

void *itsma_oom_jc_calloc(size_t n, size_t m)
{
	void *p;
	in_jsonc = 1;
	jc_caller = __builtin_return_address(0);
	p = __wrap_calloc(n, m);
	in_jsonc = 0;
	return p;
}

void *itsma_oom_jc_realloc(void *p, size_t n)
{
	void *q;
	in_jsonc = 1;
	jc_caller = __builtin_return_address(0);
	q = __wrap_realloc(p, n);
	in_jsonc = 0;
	return q;
}

void itsma_oom_jc_free(void *p) { __wrap_free(p); }

char *itsma_oom_jc_strdup(const char *s)
{
	char *p;
	in_jsonc = 1;
	jc_caller = __builtin_return_address(0);
	p = __wrap_strdup(s);
	in_jsonc = 0;
	return p;
}

char *itsma_oom_jc_strndup(const char *s, size_t n)
{
	char *p;
	in_jsonc = 1;
	jc_caller = __builtin_return_address(0);
	p = __wrap_strndup(s, n);
	in_jsonc = 0;
	return p;
}

int itsma_oom_jc___vasprintf_chk(char **out, int flag, const char *fmt, va_list ap)
{
	int n;
	in_jsonc = 1;
	jc_caller = __builtin_return_address(0);
	n = tracked_vasprintf(out, flag, fmt, ap);
	in_jsonc = 0;
	return n;
}

/* ---- test state ---------------------------------------------------------------------------- */

static int verbose;
static unsigned long failures;
static int quiet; /* count failures without printing them (probing json-c's parser) */
static int full;  /* ITSMA_OOM_FULL set: no sampling */
static unsigned long sampled_out;

/* ---- fixtures ----------------------------------------------------------------------------- */

static const char CAT_JSON[] =
    "{\"format\": \"itsma-catalogue/1\", \"id\": \"demo:1\", \"title\": \"Demo\",\n"
    " \"version\": \"1\", \"revision\": 3, \"publisher\": \"itsma\", \"description\": \"Small.\", "
    "\"source\": \"none\",\n"
    " \"exclusions\": \"allowed\",\n"
    " \"guidance_sources\": {\"itil4\": \"ITIL 4\", \"cobit2019\": \"COBIT 2019\"},\n"
    " \"generic_practices\": [{\"attribute\": \"PA2.1\", \"id\": \"GP2.1.1\", \"text\": "
    "\"Targets.\"},\n"
    "   {\"attribute\": \"PA3.1\", \"id\": \"GP3.1.1\", \"text\": \"Defined.\", \"x-n\": [1, "
    "{\"a\": null}]}],\n"
    " \"sections\": [\n"
    "  {\"id\": \"8\", \"clause\": \"8\", \"title\": \"Operation\", \"weight\": 2,\n"
    "   \"guidance\": {\"itil4\": [\"Service value system\"]},\n"
    "   \"requirements\": [{\"id\": \"8-01\", \"text\": \"Planned.\", \"obligation\": "
    "\"shall\"}],\n"
    "   \"sections\": [\n"
    "    {\"id\": \"8.1\", \"title\": \"Incidents\", \"kind\": \"process\", \"purpose\": "
    "\"Restore.\",\n"
    "     \"guidance\": {\"itil4\": [\"Incident management\"], \"cobit2019\": [\"DSS02\"]},\n"
    "     \"requirements\": [\n"
    "      {\"id\": \"8.1-01\", \"clause\": \"8.1\", \"item\": \"a)\", \"text\": \"Recorded.\", "
    "\"weight\": 1.5,\n"
    "       \"basis\": \"standard\", \"evidence_hint\": [\"record\", \"procedure\"],\n"
    "       \"verify\": \"Sample ten.\", \"tags\": [\"resolution\"]},\n"
    "      {\"id\": \"8.1-02\", \"text\": \"Prioritised.\", \"obligation\": \"should\",\n"
    "       \"basis\": \"good-practice\", \"x-row\": 12}],\n"
    "     \"sections\": [{\"id\": \"8.1.1\", \"title\": \"Major\",\n"
    "       \"requirements\": [{\"id\": \"8.1.1-01\", \"text\": \"Major incidents.\"}]}]},\n"
    "    {\"id\": \"8.2\", \"title\": \"Changes\", \"kind\": \"process\",\n"
    "     \"requirements\": [{\"id\": \"8.2-01\", \"text\": \"Assessed \\u00e9.\"}]}]},\n"
    "  {\"id\": \"9\", \"title\": \"Evaluation\", \"x-kept\": true,\n"
    "   \"requirements\": [{\"id\": \"9-01\", \"text\": \"Measured.\"}]}],\n"
    " \"retired\": [{\"id\": \"8.1-03\", \"revision\": 2, \"reason\": \"Merged.\", \"x-n\": 1},\n"
    "   {\"id\": \"7-01\", \"revision\": 3, \"reason\": \"Moved.\"}],\n"
    " \"x-generator\": {\"name\": \"oom\", \"list\": [[], {}, 1.5, \"a\\tb\"]}}\n";

/* Ratings come before evidence: the loader defers them (parses them whole). */
static const char ASM_JSON[] =
    "{\"format\": \"itsma-assessment/1\", \"id\": \"acme\", \"catalogue\": \"demo:1\",\n"
    " \"title\": \"Q4\", \"organisation\": \"Acme\", \"assessor\": \"A. S.\", \"date\": "
    "\"2026-11-20\",\n"
    " \"ratings\": [\n"
    "  {\"requirement\": \"8.1-01\", \"rating\": \"L\", \"evidence\": [\"EV-1\", \"EV-2\"], "
    "\"note\": \"ok\"},\n"
    "  {\"requirement\": \"8-01\", \"rating\": 40, \"evidence\": [\"EV-2\"], \"x-cell\": \"B7\"},\n"
    "  {\"requirement\": \"8.1.1-01\", \"rating\": \"F\", \"evidence\": [\"EV-3\"]},\n"
    "  {\"requirement\": \"9-01\", \"rating\": \"P\"}],\n"
    " \"scope\": {\"exclude\": [{\"id\": \"8.2\", \"reason\": \"Out of scope.\"}]},\n"
    " \"evidence\": [\n"
    "  {\"id\": \"EV-1\", \"title\": \"Procedure\", \"kind\": \"document\", \"collected\": "
    "\"2026-01-10\",\n"
    "   \"expires\": \"2027-01-10\", \"uri\": \"https://example.org/p\", \"by\": \"J\", \"note\": "
    "\"n\",\n"
    "   \"sha256\": \"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\"},\n"
    "  {\"id\": \"EV-2\", \"title\": \"Tickets\", \"kind\": \"record\", \"collected\": "
    "\"2026-03-01\",\n"
    "   \"expires\": \"2026-06-01\"},\n"
    "  {\"id\": \"EV-3\", \"title\": \"Interview\", \"kind\": \"interview\", \"collected\": "
    "\"2026-02-01\"},\n"
    "  {\"id\": \"EV-4\", \"title\": \"Unused\", \"kind\": \"other\", \"collected\": "
    "\"2027-02-01\"}],\n"
    " \"attributes\": [\n"
    "  {\"process\": \"8.1\", \"attribute\": \"PA2.1\", \"rating\": \"L\", \"evidence\": "
    "[\"EV-1\"]},\n"
    "  {\"process\": \"8.1\", \"attribute\": \"PA2.2\", \"rating\": \"P+\", \"note\": "
    "\"partly\"}],\n"
    " \"targets\": {\"level\": 2, \"processes\": {\"8.1\": 3}, \"x-why\": \"board\"},\n"
    " \"x-tool\": {\"rows\": [1, 2, 3]}}\n";

/* The same assessment later: evidence first (streamed), different ratings. */
static const char ASM2_JSON[] =
    "{\"format\": \"itsma-assessment/1\", \"id\": \"acme-2\", \"catalogue\": \"demo:1\",\n"
    " \"date\": \"2027-05-01\",\n"
    " \"evidence\": [\n"
    "  {\"id\": \"EV-1\", \"title\": \"Procedure\", \"kind\": \"document\", \"collected\": "
    "\"2027-01-10\"},\n"
    "  {\"id\": \"EV-9\", \"title\": \"Metrics\", \"kind\": \"metric\", \"collected\": "
    "\"2027-04-01\"}],\n"
    " \"ratings\": [\n"
    "  {\"requirement\": \"8.1-01\", \"rating\": \"F\", \"evidence\": [\"EV-1\"]},\n"
    "  {\"requirement\": \"8-01\", \"rating\": \"N\"},\n"
    "  {\"requirement\": \"8.2-01\", \"rating\": \"L+\", \"evidence\": [\"EV-9\"]}],\n"
    " \"attributes\": [{\"process\": \"8.1\", \"attribute\": \"PA2.1\", \"rating\": \"F\", "
    "\"evidence\": [\"EV-9\"]}],\n"
    " \"targets\": {\"level\": 1}}\n";

/* An assessment of a built-in catalogue, loaded with no catalogue given. */
static const char ASM_BUILTIN_JSON[] =
    "{\"format\": \"itsma-assessment/1\", \"id\": \"b\", \"catalogue\": \"iso20000-1:2011\",\n"
    " \"date\": \"2026-01-01\", \"ratings\": [{\"requirement\": \"4.1.1-01\", \"rating\": "
    "\"L\"}]}\n";

static char tmpdir[512];
static char path_cat[600], path_asm[600], path_save[600];

static void die(const char *what, const itsma_error *err)
{
	fprintf(stderr, "oom: setup failed: %s: %s\n", what, err ? err->message : "");
	exit(2);
}

/* ---- scenario context ---------------------------------------------------------------------- */

typedef struct ctx {
	/* inputs (the caller's objects): must be unchanged by a failed operation */
	itsma_catalogue *cat;
	itsma_assessment *a, *a2;
	itsma_result *r, *r2;
	itsma_scorer *scorer; /* a live scorer of a */
	int save_target;      /* the operation saves to path_save */
	/* outputs */
	itsma_catalogue *out_cat;
	itsma_assessment *out_a;
	itsma_result *out_r;
	itsma_diff *out_d;
	itsma_scorer *out_scorer;
	char *out_text;
	itsma_document_kind kind;
	size_t problems;
	char *step_before; /* a sequence of calls: the state before the current call */
} ctx;

typedef struct scenario {
	const char *name;
	unsigned need; /* inputs to prepare: N_CAT, N_ASM, ... */
	int (*op)(ctx *c, itsma_error *err);
	unsigned sample; /* run only every sample-th failure inside json-c's parser (0: all) */
} scenario;

/*
 * N_SCORER: a scorer of the assessment. Its mutators may leave the assessment changed and
 * the result out of date on ITSMA_ENOMEM (scorer.h); the test then calls
 * itsma_scorer_rescore(), which must bring the result back to exactly itsma_score()'s.
 */

/* N_BIG: the catalogue gets 40 more requirements (9-02 ... 9-41) before the assessment. */
enum {
	N_CAT = 1,
	N_ASM = 2,
	N_ASM2 = 4,
	N_RES = 8,
	N_RES2 = 16,
	N_SAVE = 32,
	N_BIG = 64,
	N_SCORER = 128
};

static char *snapshot(const ctx *c, int outputs);

/*
 * Builders grow their arrays, maps and arenas only now and then, so their scenarios make
 * a sequence of calls. A call that fails must leave the objects as they were just before
 * it: the state is recorded before each call.
 */
static int steps(ctx *c, itsma_error *err, int count, int (*step)(ctx *c, int i, itsma_error *err))
{
	int i, rc, was = armed;
	for (i = 0; i < count; i++) {
		armed = 0;
		free(c->step_before);
		c->step_before = snapshot(c, 0);
		armed = was;
		if ((rc = step(c, i, err)) < 0)
			return rc;
	}
	armed = 0;
	free(c->step_before);
	c->step_before = NULL;
	armed = was;
	return 0;
}

/* JSON text of every object in the context, and of the saved file: the outcome. */
static void text_of(char **acc, size_t *len, const char *label, char *s)
{
	size_t n = strlen(label) + (s ? strlen(s) : 6) + 2;
	char *p = realloc(*acc, *len + n + 1);
	if (!p)
		abort();
	*acc = p;
	*len += (size_t)sprintf(p + *len, "%s\n%s\n", label, s ? s : "(null)");
	itsma_free(s);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;
	if (!f)
		return strdup("(no file)");
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
		abort();
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Names in the scratch folder other than the fixtures: temporary files left behind. */
static char *stray_files(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *e;
	char *acc = strdup("");
	if (!d || !acc)
		abort();
	while ((e = readdir(d)) != NULL) {
		char *p;
		if (e->d_name[0] == '.' || strcmp(e->d_name, "cat.json") == 0 ||
		    strcmp(e->d_name, "asm.json") == 0 || strcmp(e->d_name, "save.json") == 0)
			continue;
		p = malloc(strlen(acc) + strlen(e->d_name) + 2);
		if (!p)
			abort();
		sprintf(p, "%s%s ", acc, e->d_name);
		free(acc);
		acc = p;
	}
	closedir(d);
	return acc;
}

static char *snapshot(const ctx *c, int outputs)
{
	char *acc = NULL, *s;
	size_t len = 0;
	itsma_error err = ITSMA_ERROR_INIT;

#define DUMP(obj, fn, label)                                                                       \
	do {                                                                                       \
		if (obj) {                                                                         \
			s = NULL;                                                                  \
			if (fn(&s, obj, &err) < 0)                                                 \
				die("to_json for a snapshot", &err);                               \
			text_of(&acc, &len, label, s);                                             \
		}                                                                                  \
	} while (0)
	text_of(&acc, &len, "begin", NULL);
	DUMP(c->cat, itsma_catalogue_to_json, "cat");
	DUMP(c->a, itsma_assessment_to_json, "a");
	DUMP(c->a2, itsma_assessment_to_json, "a2");
	DUMP(c->r, itsma_result_to_json, "r");
	DUMP(c->r2, itsma_result_to_json, "r2");
	if (c->scorer)
		DUMP(itsma_scorer_result(c->scorer), itsma_result_to_json, "scorer");
	if (c->save_target) {
		text_of(&acc, &len, "file", slurp(path_save));
		text_of(&acc, &len, "stray", stray_files());
	}
	if (outputs) {
		DUMP(c->out_cat, itsma_catalogue_to_json, "out_cat");
		DUMP(c->out_a, itsma_assessment_to_json, "out_a");
		DUMP(c->out_r, itsma_result_to_json, "out_r");
		DUMP(c->out_d, itsma_diff_to_json, "out_d");
		if (c->out_scorer)
			DUMP(itsma_scorer_result(c->out_scorer), itsma_result_to_json,
			     "out_scorer");
		if (c->out_text)
			text_of(&acc, &len, "out_text", strdup(c->out_text));
		{
			char tmp[64];
			snprintf(tmp, sizeof tmp, "kind %d problems %zu", (int)c->kind,
			         c->problems);
			text_of(&acc, &len, tmp, NULL);
		}
	}
#undef DUMP
	return acc;
}

static void prepare(ctx *c, unsigned need)
{
	itsma_error err = ITSMA_ERROR_INIT;
	memset(c, 0, sizeof *c);
	if (need & (N_CAT | N_ASM | N_ASM2 | N_RES | N_RES2 | N_BIG))
		if (itsma_catalogue_load_buffer(&c->cat, CAT_JSON, sizeof CAT_JSON - 1, "cat.json",
		                                NULL, &err) < 0)
			die("catalogue", &err);
	if (need & N_BIG) {
		int i;
		for (i = 2; i <= 41; i++) {
			itsma_requirement_spec r = ITSMA_REQUIREMENT_SPEC_INIT;
			char id[16];
			snprintf(id, sizeof id, "9-%02d", i);
			r.id = id;
			r.text = "More.";
			if (itsma_catalogue_add_requirement(
			        NULL, c->cat, itsma_catalogue_find_section(c->cat, "9"), &r, &err) <
			    0)
				die("requirements", &err);
		}
	}
	if (need & (N_ASM | N_RES))
		if (itsma_assessment_load_buffer(&c->a, ASM_JSON, sizeof ASM_JSON - 1, "asm.json",
		                                 c->cat, NULL, &err) < 0)
			die("assessment", &err);
	if (need & (N_ASM2 | N_RES2))
		if (itsma_assessment_load_buffer(&c->a2, ASM2_JSON, sizeof ASM2_JSON - 1,
		                                 "asm2.json", c->cat, NULL, &err) < 0)
			die("assessment 2", &err);
	if ((need & N_RES) && itsma_score(&c->r, c->a, NULL, &err) < 0)
		die("score", &err);
	if ((need & N_SCORER) && itsma_scorer_new(&c->scorer, c->a, NULL, &err) < 0)
		die("scorer", &err);
	if ((need & N_RES2) && itsma_score(&c->r2, c->a2, NULL, &err) < 0)
		die("score 2", &err);
	if (need & N_SAVE) {
		FILE *f = fopen(path_save, "wb");
		if (!f || fputs("OLD\n", f) < 0 || fclose(f) != 0)
			die("old file", NULL);
		c->save_target = 1;
	}
}

static void release(ctx *c)
{
	free(c->step_before);
	itsma_scorer_free(c->out_scorer);
	itsma_scorer_free(c->scorer);
	itsma_diff_free(c->out_d);
	itsma_result_free(c->out_r);
	itsma_assessment_free(c->out_a);
	itsma_catalogue_free(c->out_cat);
	itsma_free(c->out_text);
	itsma_result_free(c->r2);
	itsma_result_free(c->r);
	itsma_assessment_free(c->a2);
	itsma_assessment_free(c->a);
	itsma_catalogue_free(c->cat);
	memset(c, 0, sizeof *c);
}

/* ---- operations ------------------------------------------------------------------------------ */

static int op_cat_load(ctx *c, itsma_error *err)
{
	return itsma_catalogue_load_buffer(&c->out_cat, CAT_JSON, sizeof CAT_JSON - 1, "cat.json",
	                                   NULL, err);
}

static int op_cat_load_file(ctx *c, itsma_error *err)
{
	return itsma_catalogue_load_file(&c->out_cat, path_cat, NULL, err);
}

static int op_cat_builtin(ctx *c, itsma_error *err)
{
	return itsma_catalogue_builtin(&c->out_cat, "iso20000-1:2011", err);
}

static int op_cat_new(ctx *c, itsma_error *err)
{
	return itsma_catalogue_new(&c->out_cat, "new-cat", "New catalogue", err);
}

static int step_section_append(ctx *c, int i, itsma_error *err)
{
	itsma_section_spec s = ITSMA_SECTION_SPEC_INIT;
	char id[16];
	snprintf(id, sizeof id, "s%d", i);
	s.id = id;
	s.title = "A top-level section";
	s.clause = i % 2 ? id : NULL;
	s.purpose = i % 3 ? "Purpose." : NULL;
	s.kind = i % 4 ? ITSMA_SECTION_KIND_GROUP : ITSMA_SECTION_KIND_PROCESS;
	return itsma_catalogue_add_section(NULL, c->cat, NULL, &s, err);
}

static int op_cat_add_section_append(ctx *c, itsma_error *err)
{
	return steps(c, err, 70, step_section_append);
}

static int step_section_insert(ctx *c, int i, itsma_error *err)
{
	itsma_section_spec s = ITSMA_SECTION_SPEC_INIT;
	char id[16];
	snprintf(id, sizeof id, "8.x%d", i);
	s.id = id;
	s.title = "Inserted before section 9";
	s.kind = i % 2 && i % 3 ? ITSMA_SECTION_KIND_PROCESS
	                        : ITSMA_SECTION_KIND_GROUP; /* none in process 8.1 */
	s.weight = 0.5;
	return itsma_catalogue_add_section(
	    NULL, c->cat, itsma_catalogue_find_section(c->cat, i % 3 ? "8" : "8.1"), &s, err);
}

static int op_cat_add_section_insert(ctx *c, itsma_error *err)
{
	return steps(c, err, 30, step_section_insert);
}

static int step_requirement_append(ctx *c, int i, itsma_error *err)
{
	static const char *const hints[] = { "record", "minutes" };
	static const char *const tags[] = { "evaluation" };
	itsma_requirement_spec s = ITSMA_REQUIREMENT_SPEC_INIT;
	char id[16];
	snprintf(id, sizeof id, "9-a%d", i);
	s.id = id;
	s.text = "Audits are held.";
	s.evidence_hints = hints;
	s.evidence_hint_count = (size_t)(i % 3);
	s.tags = tags;
	s.tag_count = (size_t)(i % 2);
	return itsma_catalogue_add_requirement(NULL, c->cat,
	                                       itsma_catalogue_find_section(c->cat, "9"), &s, err);
}

static int op_cat_add_requirement_append(ctx *c, itsma_error *err)
{
	return steps(c, err, 70, step_requirement_append);
}

static int step_requirement_insert(ctx *c, int i, itsma_error *err)
{
	itsma_requirement_spec s = ITSMA_REQUIREMENT_SPEC_INIT;
	char id[16];
	snprintf(id, sizeof id, "8.1-i%d", i);
	s.id = id;
	s.text = "Incidents are closed.";
	s.clause = "8.1";
	s.obligation = ITSMA_OBLIGATION_SHOULD;
	s.weight = 3;
	return itsma_catalogue_add_requirement(
	    NULL, c->cat, itsma_catalogue_find_section(c->cat, i % 2 ? "8.1" : "8"), &s, err);
}

static int op_cat_add_requirement_insert(ctx *c, itsma_error *err)
{
	return steps(c, err, 30, step_requirement_insert);
}

static int step_guidance_source(ctx *c, int i, itsma_error *err)
{
	char key[16];
	snprintf(key, sizeof key, "src%d", i);
	return itsma_catalogue_put_guidance_source(c->cat, i % 5 ? key : "itil4", "A framework",
	                                           err);
}

static int op_cat_add_guidance_source(ctx *c, itsma_error *err)
{
	return steps(c, err, 20, step_guidance_source);
}

static int step_guidance(ctx *c, int i, itsma_error *err)
{
	static const char *const sections[] = { "8", "8.1", "8.1.1", "8.2", "9" };
	static const char *const sources[] = { "cobit2019", "itil4" };
	char value[16];
	snprintf(value, sizeof value, "V%d", i);
	return itsma_catalogue_add_guidance(c->cat,
	                                    itsma_catalogue_find_section(c->cat, sections[i % 5]),
	                                    sources[(i / 5) % 2], value, err);
}

static int op_cat_add_guidance(ctx *c, itsma_error *err)
{
	return steps(c, err, 40, step_guidance);
}

static int step_generic_practice(ctx *c, int i, itsma_error *err)
{
	char id[16];
	snprintf(id, sizeof id, "GP-%d", i);
	return itsma_catalogue_add_generic_practice(c->cat, (itsma_attribute)(ITSMA_PA2_1 + i % 8),
	                                            id, "Measured.", err);
}

static int op_cat_add_generic_practice(ctx *c, itsma_error *err)
{
	return steps(c, err, 20, step_generic_practice);
}

static int step_cat_setters(ctx *c, int i, itsma_error *err)
{
	static int (*const setters[])(itsma_catalogue *, const char *, itsma_error *) = {
		itsma_catalogue_set_description, itsma_catalogue_set_version,
		itsma_catalogue_set_publisher, itsma_catalogue_set_source, itsma_catalogue_set_title
	};
	return setters[i % 5](c->cat, i % 7 == 6 && i % 5 != 4 ? NULL : "Changed.", err);
}

static int op_cat_setters(ctx *c, itsma_error *err)
{
	return steps(c, err, 1200, step_cat_setters);
}

static int step_retired(ctx *c, int i, itsma_error *err)
{
	char id[16];
	snprintf(id, sizeof id, "R-%02d", i);
	return itsma_catalogue_add_retired(c->cat, id, 1 + i % 3, "Retired for the test.", err);
}

static int op_cat_add_retired(ctx *c, itsma_error *err) { return steps(c, err, 40, step_retired); }

static int op_cat_effective_weights(ctx *c, itsma_error *err)
{
	double w[64];
	return itsma_catalogue_effective_weights(w, 64, c->cat, err);
}

static int op_cat_lint(ctx *c, itsma_error *err)
{
	static const char *const clauses[] = { "8", "8.1", "9", "10" };
	itsma_lint_options o = ITSMA_LINT_OPTIONS_INIT;
	o.clauses = clauses;
	o.clause_count = 4;
	return itsma_catalogue_lint(&c->problems, c->cat, &o, NULL, NULL, err);
}

static int op_cat_to_json(ctx *c, itsma_error *err)
{
	return itsma_catalogue_to_json(&c->out_text, c->cat, err);
}

static int op_cat_save(ctx *c, itsma_error *err)
{
	return itsma_catalogue_save_file(c->cat, path_save, err);
}

static int op_asm_load(ctx *c, itsma_error *err)
{
	return itsma_assessment_load_buffer(&c->out_a, ASM_JSON, sizeof ASM_JSON - 1, "asm.json",
	                                    c->cat, NULL, err);
}

static int op_asm_load_streamed(ctx *c, itsma_error *err)
{
	return itsma_assessment_load_buffer(&c->out_a, ASM2_JSON, sizeof ASM2_JSON - 1, "asm2.json",
	                                    c->cat, NULL, err);
}

static int op_asm_load_file(ctx *c, itsma_error *err)
{
	return itsma_assessment_load_file(&c->out_a, path_asm, c->cat, NULL, err);
}

static int op_asm_load_builtin(ctx *c, itsma_error *err)
{
	return itsma_assessment_load_buffer(&c->out_a, ASM_BUILTIN_JSON,
	                                    sizeof ASM_BUILTIN_JSON - 1, NULL, NULL, NULL, err);
}

static int op_asm_new(ctx *c, itsma_error *err)
{
	return itsma_assessment_new(&c->out_a, c->cat, "fresh", "2026-12-01", err);
}

static int step_evidence_new(ctx *c, int i, itsma_error *err)
{
	itsma_evidence_spec s = ITSMA_EVIDENCE_SPEC_INIT;
	char id[16];
	snprintf(id, sizeof id, "EV-n%d", i);
	s.id = id;
	s.title = "Minutes";
	s.kind = (itsma_evidence_kind)(i % 6);
	s.collected = "2026-05-05";
	s.expires = i % 2 ? "2027-05-05" : NULL;
	s.uri = i % 3 ? "file:///minutes.pdf" : NULL;
	s.note = "signed";
	return itsma_assessment_put_evidence(c->a, &s, err);
}

static int op_asm_put_evidence_new(ctx *c, itsma_error *err)
{
	return steps(c, err, 40, step_evidence_new);
}

static int step_evidence_replace(ctx *c, int i, itsma_error *err)
{
	itsma_evidence_spec s = ITSMA_EVIDENCE_SPEC_INIT;
	s.id = i % 2 ? "EV-2" : "EV-1";
	s.title = "Replaced";
	s.kind = ITSMA_EVIDENCE_KIND_RECORD;
	s.collected = "2026-03-02";
	s.by = i % 3 ? "K" : NULL;
	return itsma_assessment_put_evidence(c->a, &s, err);
}

static int op_asm_put_evidence_replace(ctx *c, itsma_error *err)
{
	return steps(c, err, 6, step_evidence_replace);
}

static int step_rating_new(ctx *c, int i, itsma_error *err)
{
	static const char *const ev[] = { "EV-3", "EV-1", "EV-2" };
	itsma_rating_spec s = ITSMA_RATING_SPEC_INIT;
	char id[16];
	snprintf(id, sizeof id, "9-%02d", 2 + i);
	s.requirement_id = id;
	s.letter = (itsma_letter)(i % 9);
	s.value = 42;
	s.evidence = ev;
	s.evidence_count = (size_t)(i % 4);
	s.note = i % 2 ? "mostly" : NULL;
	return itsma_assessment_put_rating(c->a, &s, err);
}

static int op_asm_put_rating_new(ctx *c, itsma_error *err)
{
	return steps(c, err, 40, step_rating_new);
}

static int step_rating_replace(ctx *c, int i, itsma_error *err)
{
	static const char *const ev[] = { "EV-4", "EV-3" };
	itsma_rating_spec s = ITSMA_RATING_SPEC_INIT;
	s.requirement_id = i % 2 ? "8.1-01" : "8-01";
	s.value = 12.5;
	s.evidence = ev;
	s.evidence_count = (size_t)(i % 3);
	return itsma_assessment_put_rating(c->a, &s, err);
}

static int op_asm_put_rating_replace(ctx *c, itsma_error *err)
{
	return steps(c, err, 6, step_rating_replace);
}

static int step_attribute(ctx *c, int i, itsma_error *err)
{
	static const char *const ev[] = { "EV-2" };
	itsma_attribute_spec s = ITSMA_ATTRIBUTE_SPEC_INIT;
	s.process_id = i < 8 ? "8.1" : "8.2";
	s.attribute = (itsma_attribute)(1 + i % 8);
	s.letter = ITSMA_LETTER_P;
	s.evidence = ev;
	s.evidence_count = (size_t)(i % 2);
	s.note = i % 3 ? "defined" : NULL;
	return itsma_assessment_put_attribute(c->a, &s, err);
}

static int op_asm_put_attribute(ctx *c, itsma_error *err)
{
	return steps(c, err, 16, step_attribute);
}

static int step_exclusion(ctx *c, int i, itsma_error *err)
{
	char id[16];
	snprintf(id, sizeof id, "9-%02d", 2 + i);
	return itsma_assessment_put_exclusion(c->a, i == 19 ? "8.2" : id, "Not applicable here.",
	                                      err);
}

static int op_asm_put_exclusion(ctx *c, itsma_error *err)
{
	return steps(c, err, 20, step_exclusion);
}

static int step_asm_setters(ctx *c, int i, itsma_error *err)
{
	static int (*const setters[])(itsma_assessment *, const char *, itsma_error *) = {
		itsma_assessment_set_organisation, itsma_assessment_set_title,
		itsma_assessment_set_assessor, itsma_assessment_set_id, itsma_assessment_set_date
	};
	static const char *const values[] = { "Acme IT Ltd", "Q1", "B. C.", "acme-3",
		                              "2026-12-31" };
	return setters[i % 5](c->a, i % 4 == 3 && i % 5 < 3 ? NULL : values[i % 5], err);
}

static int op_asm_setters(ctx *c, itsma_error *err) { return steps(c, err, 10, step_asm_setters); }

static int op_asm_to_json(ctx *c, itsma_error *err)
{
	return itsma_assessment_to_json(&c->out_text, c->a, err);
}

static int op_asm_clone(ctx *c, itsma_error *err)
{
	return itsma_assessment_clone(&c->out_a, c->a, err);
}

static int op_asm_save(ctx *c, itsma_error *err)
{
	return itsma_assessment_save_file(c->a, path_save, err);
}

static int op_result_clone(ctx *c, itsma_error *err)
{
	return itsma_result_clone(&c->out_r, c->r, err);
}

static int op_score(ctx *c, itsma_error *err) { return itsma_score(&c->out_r, c->a, NULL, err); }

static int op_score_advisory_section(ctx *c, itsma_error *err)
{
	itsma_score_options o = ITSMA_SCORE_OPTIONS_INIT;
	o.evidence_policy = ITSMA_EVIDENCE_POLICY_ADVISORY;
	o.section = "8";
	return itsma_score(&c->out_r, c->a, &o, err);
}

static int op_result_to_json(ctx *c, itsma_error *err)
{
	return itsma_result_to_json(&c->out_text, c->r, err);
}

/* ---- interop (docs/interop.md): the allocations of itsma and json-c (libyaml's and libcrypto's
 * own are not wrapped) ---- */

static const char OSCAL_JSON[] =
    "{\"catalog\": {\"uuid\": \"u\", \"metadata\": {\"title\": \"T\", \"oscal-version\": "
    "\"1.1.2\"},"
    " \"odd\": 1, \"params\": [{\"id\": \"p\", \"label\": \"frequency\"},"
    " {\"id\": \"q\", \"select\": {\"how-many\": \"one-or-more\", \"choice\": [\"a {{ insert: "
    "param, p }}\", \"b\"]}}],"
    " \"groups\": [{\"id\": \"g\", \"title\": \"G\", \"parts\": [{\"name\": \"overview\", "
    "\"prose\": \"O\"}],"
    " \"controls\": [{\"id\": \"c-1\", \"title\": \"C\", \"props\": [{\"name\": \"label\", "
    "\"value\": \"C-1\"}],"
    " \"parts\": [{\"name\": \"statement\", \"prose\": \"Do {{ insert: param, p }} and {{ insert: "
    "param, q }}.\","
    " \"parts\": [{\"name\": \"item\", \"props\": [{\"name\": \"label\", \"value\": \"a.\"}], "
    "\"prose\": \"x\"}]},"
    " {\"name\": \"guidance\", \"prose\": \"G\"}],"
    " \"controls\": [{\"id\": \"c-1.1\", \"title\": \"E\"}, {\"id\": \"c 1\", \"title\": "
    "\"S\"}]}]}]}}";

static const char CISO_YAML[] =
    "urn: urn:x:risk:library:l\nlocale: en\nref_id: l\nversion: 1\nodd: 1\nobjects:\n"
    "  framework:\n    urn: urn:x:risk:framework:l\n    ref_id: l\n    name: L\n"
    "    requirement_nodes:\n"
    "    - {urn: 'urn:x:n:a', assessable: false, ref_id: A, name: Clause A}\n"
    "    - {urn: 'urn:x:n:a1', parent_urn: 'urn:x:n:a', assessable: true, ref_id: A.1,"
    " description: Do it., importance: recommended, weight: 2, typical_evidence: \"one\\ntwo\","
    " implementation_groups: [g1]}\n"
    "    - {urn: 'urn:x:n:a2', parent_urn: 'urn:x:n:a', assessable: true, ref_id: A.1,"
    " name: Same ref}\n"
    "    - {urn: 'urn:x:n:a3', parent_urn: 'urn:x:n:a2', assessable: true, ref_id: A.3,"
    " description: Child.}\n";

static int collect_warnings(const itsma_error *w, void *payload)
{
	(void)w;
	++*(size_t *)payload;
	return 0;
}

static int op_oscal_import(ctx *c, itsma_error *err)
{
	itsma_interop_options o = ITSMA_INTEROP_OPTIONS_INIT;
	o.warn = collect_warnings;
	o.payload = &c->problems;
	return itsma_catalogue_from_oscal(&c->out_cat, OSCAL_JSON, sizeof OSCAL_JSON - 1, "o.json",
	                                  &o, err);
}

static int op_ciso_import(ctx *c, itsma_error *err)
{
	itsma_interop_options o = ITSMA_INTEROP_OPTIONS_INIT;
	o.warn = collect_warnings;
	o.payload = &c->problems;
	return itsma_catalogue_from_ciso_library(&c->out_cat, CISO_YAML, sizeof CISO_YAML - 1,
	                                         "l.yaml", &o, err);
}

static int op_ciso_export(ctx *c, itsma_error *err)
{
	return itsma_catalogue_to_ciso_library(&c->out_text, c->cat, "acme", err);
}

static int op_ciso_round_trip(ctx *c, itsma_error *err)
{
	char *yaml = NULL;
	int rc = itsma_catalogue_to_ciso_library(&yaml, c->cat, NULL, err);
	if (rc == 0)
		rc = itsma_catalogue_from_ciso_library(&c->out_cat, yaml, strlen(yaml), NULL, NULL,
		                                       err);
	itsma_free(yaml);
	return rc;
}

static int op_oscal_ar(ctx *c, itsma_error *err)
{
	return itsma_result_to_oscal_ar(&c->out_text, c->r, err);
}

static int op_oscal_poam(ctx *c, itsma_error *err)
{
	return itsma_result_to_oscal_poam(&c->out_text, c->r, err);
}

static int op_ciso_audit_csv(ctx *c, itsma_error *err)
{
	return itsma_result_to_ciso_audit_csv(&c->out_text, c->r, NULL, err);
}

static int op_explain_requirement(ctx *c, itsma_error *err)
{
	return itsma_result_explain(&c->out_text, c->r, "8.1-01", err);
}

static int op_explain_process(ctx *c, itsma_error *err)
{
	return itsma_result_explain(&c->out_text, c->r, "8.1", err);
}

static int op_explain_section(ctx *c, itsma_error *err)
{
	return itsma_result_explain(&c->out_text, c->r, "8", err);
}

static int op_compare(ctx *c, itsma_error *err)
{
	return itsma_compare(&c->out_d, c->r, c->r2, err);
}

static int op_diff_to_json(ctx *c, itsma_error *err)
{
	int rc;
	itsma_diff *d = NULL;
	int was = armed;
	armed = 0; /* the diff is an input here */
	rc = itsma_compare(&d, c->r, c->r2, err);
	armed = was;
	if (rc < 0)
		die("compare", err);
	rc = itsma_diff_to_json(&c->out_text, d, err);
	armed = 0;
	itsma_diff_free(d);
	armed = was;
	return rc;
}

static int op_scorer_new(ctx *c, itsma_error *err)
{
	return itsma_scorer_new(&c->out_scorer, c->a, NULL, err);
}

/* The scorer's result must also equal a fresh itsma_score() after each successful call. */
static int scorer_consistent(ctx *c)
{
	itsma_error e = ITSMA_ERROR_INIT;
	itsma_result *fresh = NULL;
	char *a = NULL, *b = NULL;
	int was = armed, same;
	armed = 0;
	if (itsma_result_to_json(&a, itsma_scorer_result(c->scorer), &e) < 0 ||
	    itsma_score(&fresh, c->a, NULL, &e) < 0 || itsma_result_to_json(&b, fresh, &e) < 0)
		die("scorer check", &e);
	same = strcmp(a, b) == 0;
	itsma_free(a);
	itsma_free(b);
	itsma_result_free(fresh);
	armed = was;
	if (!same) {
		fprintf(stderr, "FAIL: the scorer's result differs from itsma_score()'s\n");
		failures++;
	}
	return 0;
}

static int step_scorer_change(ctx *c, int i, itsma_error *err)
{
	static const char *const ev[] = { "EV-1", "EV-3" };
	char id[16];
	int rc;
	switch (i % 5) {
	case 0: {
		itsma_rating_spec r = ITSMA_RATING_SPEC_INIT;
		snprintf(id, sizeof id, "9-%02d", 2 + i);
		r.requirement_id = id;
		r.letter = (itsma_letter)(1 + i % 8);
		r.evidence = ev;
		r.evidence_count = (size_t)(i % 3);
		rc = itsma_scorer_put_rating(c->scorer, &r, err);
		break;
	}
	case 1: {
		itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
		snprintf(id, sizeof id, "EV-s%d", i);
		e.id = i % 2 ? id : "EV-1";
		e.title = "Changed";
		e.kind = ITSMA_EVIDENCE_KIND_METRIC;
		e.collected = "2026-02-01";
		e.expires = i % 3 ? "2026-10-01" : NULL;
		rc = itsma_scorer_put_evidence(c->scorer, &e, err);
		break;
	}
	case 2: {
		itsma_attribute_spec a = ITSMA_ATTRIBUTE_SPEC_INIT;
		a.process_id = "8.1";
		a.attribute = (itsma_attribute)(1 + i % 8);
		a.letter = ITSMA_LETTER_F;
		a.evidence = ev;
		a.evidence_count = 1;
		rc = itsma_scorer_put_attribute(c->scorer, &a, err);
		break;
	}
	case 3: {
		snprintf(id, sizeof id, "9-%02d", 2 + i - 3);
		rc = itsma_scorer_remove_rating(c->scorer, id, err);
		break;
	}
	default: {
		itsma_rating_spec r = ITSMA_RATING_SPEC_INIT;
		r.requirement_id = "8.1-01";
		r.value = (double)(i * 3);
		rc = itsma_scorer_put_rating(c->scorer, &r, err);
		break;
	}
	}
	if (rc == 0)
		scorer_consistent(c);
	return rc;
}

static int op_scorer_changes(ctx *c, itsma_error *err)
{
	return steps(c, err, 30, step_scorer_change);
}

static int count_problem(const itsma_error *problem, void *payload)
{
	(void)problem;
	(*(size_t *)payload)++;
	return 0;
}

static int op_validate_assessment(ctx *c, itsma_error *err)
{
	static const char bad[] =
	    "{\"format\": \"itsma-assessment/1\", \"id\": \"v\", \"catalogue\": \"demo:1\", "
	    "\"date\": \"2026-01-01\",\n"
	    " \"ratings\": [{\"requirement\": \"nope\", \"rating\": \"F\"}, {\"requirement\": "
	    "\"8-01\", \"rating\": \"Q\"},\n"
	    "  {\"requirement\": \"9-01\", \"rating\": \"F\", \"evidence\": [\"EV-7\"]}],\n"
	    " \"evidence\": [{\"id\": \"EV-1\", \"title\": \"t\", \"kind\": \"rumour\", "
	    "\"collected\": \"2026-01-01\"}]}\n";
	int rc = itsma_validate_buffer(&c->kind, bad, sizeof bad - 1, "v.json", c->cat,
	                               count_problem, &c->problems, err);
	/* the document has problems: the first one's code is the expected answer */
	return rc == ITSMA_ESCHEMA ? 0 : rc;
}

static int op_validate_catalogue(ctx *c, itsma_error *err)
{
	return itsma_validate_buffer(&c->kind, CAT_JSON, sizeof CAT_JSON - 1, "cat.json", NULL,
	                             count_problem, &c->problems, err);
}

static const scenario scenarios[] = {
	{ "catalogue_load_buffer", 0, op_cat_load, 0 },
	{ "catalogue_load_file", 0, op_cat_load_file, 0 },
	{ "catalogue_builtin", 0, op_cat_builtin, 16 },
	{ "catalogue_new", 0, op_cat_new, 0 },
	{ "catalogue_add_section_append", N_CAT, op_cat_add_section_append, 0 },
	{ "catalogue_add_section_insert", N_CAT, op_cat_add_section_insert, 0 },
	{ "catalogue_add_requirement_append", N_CAT, op_cat_add_requirement_append, 0 },
	{ "catalogue_add_requirement_insert", N_CAT, op_cat_add_requirement_insert, 0 },
	{ "catalogue_add_guidance_source", N_CAT, op_cat_add_guidance_source, 0 },
	{ "catalogue_add_guidance", N_CAT, op_cat_add_guidance, 0 },
	{ "catalogue_add_generic_practice", N_CAT, op_cat_add_generic_practice, 0 },
	{ "catalogue_setters", N_CAT, op_cat_setters, 0 },
	{ "catalogue_add_retired", N_CAT, op_cat_add_retired, 0 },
	{ "catalogue_effective_weights", N_CAT, op_cat_effective_weights, 0 },
	{ "catalogue_lint", N_CAT, op_cat_lint, 0 },
	{ "catalogue_to_json", N_CAT, op_cat_to_json, 0 },
	{ "catalogue_save_file", N_CAT | N_SAVE, op_cat_save, 0 },
	{ "assessment_load_buffer_deferred", N_CAT, op_asm_load, 0 },
	{ "assessment_load_buffer_streamed", N_CAT, op_asm_load_streamed, 0 },
	{ "assessment_load_file", N_CAT, op_asm_load_file, 0 },
	{ "assessment_load_builtin_catalogue", 0, op_asm_load_builtin, 16 },
	{ "assessment_new", N_CAT, op_asm_new, 0 },
	{ "assessment_put_evidence_new", N_ASM, op_asm_put_evidence_new, 0 },
	{ "assessment_put_evidence_replace", N_ASM, op_asm_put_evidence_replace, 0 },
	{ "assessment_put_rating_new", N_ASM | N_BIG, op_asm_put_rating_new, 0 },
	{ "assessment_put_rating_replace", N_ASM, op_asm_put_rating_replace, 0 },
	{ "assessment_put_attribute", N_ASM, op_asm_put_attribute, 0 },
	{ "assessment_put_exclusion", N_ASM | N_BIG, op_asm_put_exclusion, 0 },
	{ "assessment_setters", N_ASM, op_asm_setters, 0 },
	{ "assessment_to_json", N_ASM, op_asm_to_json, 0 },
	{ "assessment_save_file", N_ASM | N_SAVE, op_asm_save, 0 },
	{ "assessment_clone", N_ASM, op_asm_clone, 0 },
	{ "score", N_ASM, op_score, 0 },
	{ "score_advisory_section", N_ASM, op_score_advisory_section, 0 },
	{ "result_to_json", N_RES, op_result_to_json, 0 },
	{ "result_clone", N_RES, op_result_clone, 0 },
	{ "explain_requirement", N_RES, op_explain_requirement, 0 },
	{ "explain_process", N_RES, op_explain_process, 0 },
	{ "explain_section", N_RES, op_explain_section, 0 },
	{ "compare", N_RES | N_RES2, op_compare, 0 },
	{ "diff_to_json", N_RES | N_RES2, op_diff_to_json, 0 },
	{ "scorer_new", N_ASM, op_scorer_new, 0 },
	{ "scorer_changes", N_ASM | N_BIG | N_SCORER, op_scorer_changes, 0 },
	{ "validate_assessment", N_CAT, op_validate_assessment, 0 },
	{ "validate_catalogue", 0, op_validate_catalogue, 0 },
	{ "oscal_catalog_import", 0, op_oscal_import, 0 },
	{ "ciso_library_import", 0, op_ciso_import, 0 },
	{ "ciso_library_export", N_CAT, op_ciso_export, 0 },
	{ "ciso_library_round_trip", N_CAT, op_ciso_round_trip, 0 },
	{ "oscal_assessment_results", N_RES, op_oscal_ar, 0 },
	{ "oscal_poam", N_RES, op_oscal_poam, 0 },
	{ "ciso_audit_csv", N_RES, op_ciso_audit_csv, 0 },
	{ NULL, 0, NULL, 0 }
};

/* ---- the loop -------------------------------------------------------------------------------- */

static void fail(const scenario *s, unsigned long n, const char *mode, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void fail(const scenario *s, unsigned long n, const char *mode, const char *fmt, ...)
{
	va_list ap;
	failures++;
	if (quiet)
		return;
	fprintf(stderr, "FAIL %s: allocation %lu failing (%s): ", s->name, n, mode);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void *leaks[SET_SIZE]; /* blocks the last run leaked (all of them: json-c can drop a
                               * whole subtree of a large document) */
static size_t nleaks;

/* Run the operation once with allocation n failing (0: none); returns rc. */
static int run_once(const scenario *s, unsigned long n, int is_sticky, char **outcome,
                    char **before, char **after, int *out_null, itsma_error *err, size_t *leaked,
                    const char **repaired)
{
	ctx c;
	int rc;

	prepare(&c, s->need);
	*before = snapshot(&c, 0);
	itsma_error_clear(err);
	nalloc = 0;
	nfailed = 0;
	fail_at = n;
	sticky = is_sticky;
	armed = 1;
	rc = s->op(&c, err);
	armed = 0;
	fail_at = 0;
	*after = snapshot(&c, 0);
	if (rc < 0 && c.step_before) {
		free(*before);
		*before = c.step_before;
		c.step_before = NULL;
	}
	*outcome = rc == 0 ? snapshot(&c, 1) : NULL;
	*out_null = !c.out_cat && !c.out_a && !c.out_r && !c.out_d && !c.out_text && !c.out_scorer;
	*repaired = NULL;
	if (rc == ITSMA_ENOMEM && c.scorer) {
		/* the scorer's contract: rescoring repairs the result */
		itsma_error e2 = ITSMA_ERROR_INIT;
		itsma_result *fresh = NULL;
		char *a = NULL, *b = NULL;
		if (itsma_scorer_rescore(c.scorer, &e2) < 0 ||
		    itsma_result_to_json(&a, itsma_scorer_result(c.scorer), &e2) < 0 ||
		    itsma_score(&fresh, c.a, NULL, &e2) < 0 ||
		    itsma_result_to_json(&b, fresh, &e2) < 0)
			die("rescore", &e2);
		*repaired = strcmp(a, b) == 0 ? "yes" : "no";
		itsma_free(a);
		itsma_free(b);
		itsma_result_free(fresh);
	}
	release(&c);
	*leaked = live_count;
	nleaks = 0;
	if (live_count) {
		/* take them out of the set so that the next run starts clean; check_run() frees
		 * them when json-c leaked them, else leaves them to LeakSanitizer */
		size_t i;
		for (i = 0; i < SET_SIZE && live_count; i++)
			if (live[i]) {
				if (nleaks < sizeof leaks / sizeof *leaks)
					leaks[nleaks++] = live[i];
				live[i] = NULL;
				live_count--;
			}
	}
	return rc;
}

/* "function+offset" of the json-c code that made allocation n (reference run). */
static const char *caller_name(unsigned long n)
{
	static char buf[160];
	Dl_info info;
	const void *a = n >= 1 && callers ? callers[n - 1] : NULL;
	if (!a || !dladdr(a, &info)) {
		snprintf(buf, sizeof buf, "%p", a);
	} else if (info.dli_sname) {
		snprintf(buf, sizeof buf, "%s+0x%lx", info.dli_sname,
		         (unsigned long)((const char *)a - (const char *)info.dli_saddr));
	} else {
		snprintf(buf, sizeof buf, "exe+0x%lx",
		         (unsigned long)((const char *)a - (const char *)info.dli_fbase));
	}
	return buf;
}

static unsigned long tokener_skipped;

/*
 * One run with allocation n failing, checked against the reference. Returns 1 when the
 * operation completed without reaching allocation n (the loop is over), else 0.
 *
 * by == BY_TOKENER: the failing allocation is inside json_tokener_parse_ex(), and json-c
 * 0.16's parser does not report such failures: it may drop an object member or an array
 * element (leaking it), cut a string short, or report a syntax error. Whatever the parser
 * makes of it is json-c's defect: a run that does not pass is counted as skipped and the
 * blocks json-c leaked are freed. It passes outright when itsma still ends with
 * ITSMA_ENOMEM cleanly (it notices most of them: see itsma__json_parse()).
 */
static int check_run(const scenario *s, unsigned long n, int mode, const char *reference, int by)
{
	const char *mname = mode ? "sticky" : "transient";
	char *before, *after, *outcome;
	int out_null, rc, was_quiet = quiet;
	const char *repaired;
	unsigned long f0 = failures;
	size_t leaked, i;
	itsma_error err;

	if (by == BY_TOKENER && !verbose)
		quiet = 1;
	rc = run_once(s, n, mode, &outcome, &before, &after, &out_null, &err, &leaked, &repaired);
	if (nalloc < n) {
		quiet = was_quiet;
		if (rc != 0 || strcmp(outcome, reference) != 0)
			fail(s, n, mname, "run without failure differs from the reference");
		free(outcome);
		free(before);
		free(after);
		return 1;
	}
	if (leaked)
		fail(s, n, mname, "%zu block(s) leaked", leaked);
	if (rc == 0) {
		if (strcmp(outcome, reference) != 0)
			fail(s, n, mname,
			     "succeeded with a different outcome:\n--- expected\n%s\n--- got\n%s",
			     reference, outcome);
	} else {
		if (rc != ITSMA_ENOMEM)
			fail(s, n, mname, "returned %s (%s), not ITSMA_ENOMEM",
			     itsma_error_code_name(rc), err.message);
		else if (err.code != rc || strcmp(err.message, "out of memory") != 0)
			fail(s, n, mname, "err not filled in: code %d, message \"%s\"", err.code,
			     err.message);
		else if ((strstr(s->name, "_load_") || strncmp(s->name, "validate_", 9) == 0) &&
		         !err.source[0])
			fail(s, n, mname, "a load that ran out of memory does not name its source");
		if (!out_null)
			fail(s, n, mname, "an out-param is not NULL after a failure");
		if (repaired) {
			if (strcmp(repaired, "yes") != 0)
				fail(s, n, mname,
				     "after itsma_scorer_rescore() the result differs from "
				     "itsma_score()'s");
		} else if (strcmp(before, after) != 0) {
			fail(s, n, mname,
			     "the caller's objects changed:\n--- before\n%s\n--- after\n%s", before,
			     after);
		}
	}
	quiet = was_quiet;
	if (by == BY_TOKENER && failures > f0) {
		failures = f0;
		tokener_skipped++;
		for (i = 0; i < nleaks; i++)
			__real_free(leaks[i]);
		if (verbose)
			printf("  %s: allocation %lu (from %s) failing (%s) in json-c's parser, "
			       "mishandled by "
			       "json-c: skipped\n",
			       s->name, n, caller_name(n), mname);
	}
	free(outcome);
	free(before);
	free(after);
	return 0;
}

/* ---- json-c's own failures: probed in a child process ---------------------------------------- */

static void *exe_base;
static unsigned long jsonc_skipped;

static int is_jsonc_symbol(const char *name)
{
	static const char *const prefixes[] = { "json_",    "lh_",       "printbuf_", "array_list_",
		                                "_json_c_", "sprintbuf", NULL };
	int i;
	for (i = 0; name && prefixes[i]; i++)
		if (strncmp(name, prefixes[i], strlen(prefixes[i])) == 0)
			return 1;
	return 0;
}

/*
 * In the child: a crash. Exit 20 when the innermost frame of this executable is a json-c
 * function (the crash is json-c's), 30 otherwise. Reports the frames on stderr.
 */
static void crash_handler(int sig)
{
	void *frames[64];
	int n = backtrace(frames, 64), i, code = 30;
	for (i = 1; i < n; i++) {
		Dl_info info;
		if (!dladdr(frames[i], &info) || info.dli_fbase != exe_base || !info.dli_sname)
			continue;
		if (strcmp(info.dli_sname, "crash_handler") == 0)
			continue;
		code = is_jsonc_symbol(info.dli_sname) ? 20 : 30;
		break;
	}
	if (code != 20 || verbose) {
		fprintf(stderr, "signal %d in the child; frames:\n", sig);
		backtrace_symbols_fd(frames, n, 2);
	}
	_exit(code);
}

/*
 * A failing json-c allocation can crash json-c itself (json-c 0.16's parser, for one,
 * uses the result of strdup() on an object key without checking it). The first failure
 * at each json-c call site therefore runs in a child process: if the child crashes inside
 * json-c, the site is known to crash and its later failures are skipped (counted); if it
 * does not, the site is safe and its failures run in this process like any other.
 */
typedef struct site {
	const void *caller;
	int crashes;
} site;
static site sites[256];
static size_t nsites;

/* Returns 1 when done (as check_run), 0 otherwise; *crashes set when the site crashes. */
static int probe_site(const scenario *s, unsigned long n, int mode, const char *reference, int by,
                      site *st)
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(2);
	}
	if (pid == 0) {
		static const int sigs[] = { SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL };
		unsigned long f0 = failures, t0 = tokener_skipped;
		size_t i;
		for (i = 0; i < sizeof sigs / sizeof *sigs; i++)
			signal(sigs[i], crash_handler);
		i = (size_t)check_run(s, n, mode, reference, by);
		fflush(NULL);
		_exit(failures > f0 ? 10 : tokener_skipped > t0 ? 11 : (int)i);
	}
	if (waitpid(pid, &status, 0) < 0) {
		perror("waitpid");
		exit(2);
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 20) {
		st->crashes = 1;
		jsonc_skipped++;
		if (verbose)
			printf("  %s: json-c's allocation %lu (from %s) failing (%s) crashes "
			       "json-c: skipped, and "
			       "so is every later failure there\n",
			       s->name, n, caller_name(n), mode ? "sticky" : "transient");
		return 0;
	}
	st->crashes = 0;
	if (WIFEXITED(status) && WEXITSTATUS(status) <= 1)
		return WEXITSTATUS(status);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 11) {
		tokener_skipped++;
		return 0;
	}
	fail(s, n, mode ? "sticky" : "transient", "%s (json-c's allocation from %s)",
	     WIFEXITED(status) && WEXITSTATUS(status) == 10 ? "checks failed, see above"
	     : WIFSIGNALED(status)                          ? "the child was killed by a signal"
	                                                    : "crashed outside json-c",
	     caller_name(n));
	return 0;
}

static int run_json_c(const scenario *s, unsigned long n, int mode, const char *reference, int by)
{
	const void *caller = callers[n - 1];
	size_t i;
	for (i = 0; i < nsites && sites[i].caller != caller; i++)
		;
	if (i == nsites) {
		if (nsites == sizeof sites / sizeof *sites) {
			fprintf(stderr, "oom: too many json-c call sites\n");
			exit(2);
		}
		sites[nsites].caller = caller;
		nsites++;
		return probe_site(s, n, mode, reference, by, &sites[i]);
	}
	if (sites[i].crashes) {
		jsonc_skipped++;
		if (verbose)
			printf("  %s: json-c's allocation %lu (from %s) failing (%s): crashes "
			       "json-c, skipped\n",
			       s->name, n, caller_name(n), mode ? "sticky" : "transient");
		return 0;
	}
	return check_run(s, n, mode, reference, by);
}

static void run_scenario(const scenario *s)
{
	const char *repaired;
	char *reference, *before, *after;
	unsigned long total, n, f0 = failures;
	int out_null, mode;
	size_t leaked;
	itsma_error err;
	int rc;

	recording = 1;
	rc = run_once(s, 0, 0, &reference, &before, &after, &out_null, &err, &leaked, &repaired);
	recording = 0;
	total = nalloc;
	free(before);
	free(after);
	if (rc != 0) {
		fprintf(stderr, "FAIL %s: fails without injected failures: %s\n", s->name,
		        err.message);
		failures++;
		return;
	}
	if (leaked) {
		fprintf(stderr, "FAIL %s: leaks %zu block(s) without injected failures\n", s->name,
		        leaked);
		failures++;
	}
	if (verbose) {
		unsigned long j = 0, t = 0;
		for (n = 0; n < total; n++) {
			j += origin[n] != BY_ITSMA;
			t += origin[n] == BY_TOKENER;
		}
		printf("%-36s %6lu allocations (%lu by json-c, %lu of them in its parser)\n",
		       s->name, total, j, t);
	}
	for (mode = 0; mode < 2; mode++) {
		for (n = 1;; n++) {
			int by = n <= total ? origin[n - 1] : BY_ITSMA, done;
			if (by == BY_TOKENER && s->sample > 1 && !full && n % s->sample) {
				sampled_out++;
				continue;
			}
			done = by != BY_ITSMA ? run_json_c(s, n, mode, reference, by)
			                      : check_run(s, n, mode, reference, BY_ITSMA);
			if (done)
				break;
			if (failures - f0 > 20) {
				fprintf(stderr, "%s: too many failures, stopping\n", s->name);
				exit(1);
			}
			if (n > 2 * total + 1000) {
				fail(s, n, mode ? "sticky" : "transient", "does not terminate");
				break;
			}
		}
	}
	free(reference);
}

static void make_fixture(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0)
		die(path, NULL);
}

static void remove_tree(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *e;
	char p[1200];
	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", tmpdir, e->d_name);
		unlink(p);
	}
	closedir(d);
	rmdir(tmpdir);
}

int main(int argc, char **argv)
{
	const char *only = NULL;
	const scenario *s;
	int i, ran = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0)
			verbose = 1;
		else if (strcmp(argv[i], "-k") == 0 && i + 1 < argc)
			only = argv[++i];
	}
	full = getenv("ITSMA_OOM_FULL") && *getenv("ITSMA_OOM_FULL") &&
	       strcmp(getenv("ITSMA_OOM_FULL"), "0") != 0;
	snprintf(tmpdir, sizeof tmpdir, "%s/oom-XXXXXX", ITSMA_TEST_TMP);
	if (!mkdtemp(tmpdir))
		die("mkdtemp", NULL);
	snprintf(path_cat, sizeof path_cat, "%s/cat.json", tmpdir);
	snprintf(path_asm, sizeof path_asm, "%s/asm.json", tmpdir);
	snprintf(path_save, sizeof path_save, "%s/save.json", tmpdir);
	make_fixture(path_cat, CAT_JSON);
	make_fixture(path_asm, ASM_JSON);

	{
		Dl_info info;
		if (dladdr((void *)live, &info))
			exe_base = info.dli_fbase;
	}
	for (s = scenarios; s->name; s++) {
		if (only && !strstr(s->name, only))
			continue;
		run_scenario(s);
		ran++;
	}
	remove_tree();
	printf("%d scenario(s), %lu failure(s); skipped as json-c 0.16 defects: %lu crash(es) in "
	       "json-c, "
	       "%lu failure(s) json-c's parser mishandled; %lu failure(s) in json-c's parser "
	       "sampled out "
	       "(ITSMA_OOM_FULL=1 runs them)\n",
	       ran, failures, jsonc_skipped, tokener_skipped, sampled_out);
	return failures ? 1 : 0;
}
