/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma_bench: loading, scoring and writing large assessments, against json-c's own
 * record-by-record parse of the same bytes (the floor) and, when /usr/bin/python3 is there,
 * a straightforward Python script (bench/baseline.py); incremental re-scoring on the
 * built-in catalogue; a typical built-in-catalogue assessment as a whole `itsma` process.
 *
 *   itsma_bench [--sizes 10000,100000,1000000] [--dir DIR] [--regen] [--updates N] [--repeat N]
 *               [--no-python] [--cli PATH] [--smoke]
 *
 * Every measurement runs in a fresh child process (this program re-executed), so that each
 * peak resident set size (getrusage through wait4) is that measurement's alone. Times are
 * CPU times (user + system, CLOCK_PROCESS_CPUTIME_ID): the machines this runs on are shared,
 * and ratios taken in the same run are what count. Nothing here fails on time: the exit
 * status is non-zero only when something could not be run at all or gave a wrong result.
 */
#define _GNU_SOURCE 1
#include <itsma.h>

#include "floor.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef ITSMA_BENCH_GEN
#define ITSMA_BENCH_GEN ""
#endif
#ifndef ITSMA_BENCH_CLI
#define ITSMA_BENCH_CLI ""
#endif
#ifndef ITSMA_BENCH_BASELINE
#define ITSMA_BENCH_BASELINE ""
#endif

#define BUILTIN_ID "iso20000-1:2018"

static double cpu_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double wall_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("itsma_bench: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(2);
}

static int file_exists(const char *path, off_t *size)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0)
		return 0;
	if (size)
		*size = st.st_size;
	return 1;
}

/* ---- children ------------------------------------------------------------------------------ */

static char *slurp(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY);
	struct stat st;
	char *buf;
	size_t n = 0;
	if (fd < 0 || fstat(fd, &st) != 0)
		die("cannot open %s: %s", path, strerror(errno));
	buf = malloc((size_t)st.st_size + 1);
	if (!buf)
		die("out of memory");
	while (n < (size_t)st.st_size) {
		ssize_t k = read(fd, buf + n, (size_t)st.st_size - n);
		if (k <= 0)
			die("cannot read %s", path);
		n += (size_t)k;
	}
	close(fd);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* The floor: read the file, then json-c parses it record by record. */
static int child_floor(const char *path)
{
	double t0 = cpu_now(), t1, t2;
	size_t len;
	char *buf = slurp(path, &len);
	long records;
	t1 = cpu_now();
	records = itsma_bench_floor(buf, len);
	t2 = cpu_now();
	if (records < 0)
		die("the floor could not parse %s", path);
	printf("read=%.6f parse=%.6f records=%ld\n", t1 - t0, t2 - t1, records);
	free(buf);
	return 0;
}

/* itsma: load + validate, score, write the JSON result (as `itsma score -o FILE` does). */
static int child_itsma(const char *cat_path, const char *asm_path, const char *out_path)
{
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_result *r = NULL;
	char *json = NULL;
	double t0, t1, t2, t3, t4, t5;
	size_t n;
	FILE *f;

	t0 = cpu_now();
	if (*cat_path && itsma_catalogue_load_file(&cat, cat_path, NULL, &err) < 0)
		die("%s:%d:%d: %s", err.source, err.line, err.column, err.message);
	t1 = cpu_now();
	if (itsma_assessment_load_file(&a, asm_path, cat, NULL, &err) < 0)
		die("%s:%d:%d: %s", err.source, err.line, err.column, err.message);
	t2 = cpu_now();
	if (itsma_score(&r, a, NULL, &err) < 0)
		die("score: %s", err.message);
	t3 = cpu_now();
	if (itsma_result_to_json(&json, r, &err) < 0)
		die("to_json: %s", err.message);
	n = strlen(json);
	t4 = cpu_now();
	f = fopen(out_path, "wb");
	if (!f || fwrite(json, 1, n, f) != n || fclose(f) != 0)
		die("cannot write %s", out_path);
	t5 = cpu_now();
	printf("cat=%.6f load=%.6f score=%.6f json=%.6f write=%.6f bytes=%zu compliance=%.6f\n",
	       t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, n,
	       itsma_result_compliance(r, ITSMA_MODEL_DEFAULT));
	itsma_free(json);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
	return 0;
}

/* A small deterministic generator for the built-in-catalogue assessment and the changes. */
static unsigned long long rng_state = 0x9E3779B97F4A7C15ULL;
static unsigned long long rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static void random_date(char *buf, int year_lo)
{
	unsigned long long x = rng();
	snprintf(buf, 11, "%04d-%02d-%02d", year_lo + (int)(x % 2), 1 + (int)(x / 2 % 12),
	         1 + (int)(x / 24 % 28));
}

/* Evidence i with pseudo-random dates: a few expired or collected after the date. */
static void evidence_spec(itsma_evidence_spec *e, long i, char *id, char *title, char *col,
                          char *exp)
{
	unsigned long long x = rng();
	snprintf(id, 32, "EV-%ld", i);
	snprintf(title, 80, "Ticket %ld exported from the service desk", i);
	e->id = id;
	e->title = title;
	e->kind = (itsma_evidence_kind)(x % 5);
	random_date(col, 2025);
	if (x % 23 == 0)
		memcpy(col, "2026-12-01", 11); /* after the assessment date: future */
	e->collected = col;
	strcpy(exp, x % 17 == 0 ? "2026-02-28" : "2027-12-31");
	if (strcmp(exp, col) < 0)
		strcpy(exp, "2027-12-31");
	e->expires = exp;
}

static const itsma_letter letters[] = { ITSMA_LETTER_N,      ITSMA_LETTER_P_MINUS, ITSMA_LETTER_P,
	                                ITSMA_LETTER_P_PLUS, ITSMA_LETTER_L_MINUS, ITSMA_LETTER_L,
	                                ITSMA_LETTER_L_PLUS, ITSMA_LETTER_F,       ITSMA_LETTER_F,
	                                ITSMA_LETTER_F };

/*
 * One change for the incremental benchmark, generated before the clock starts so that only
 * the library's work is timed: its strings live here.
 */
enum { CH_RERATE, CH_CITE, CH_EVIDENCE, CH_ATTRIBUTE, CH_KINDS };
static const char *const change_names[CH_KINDS] = { "re-ratings (same evidence)",
	                                            "ratings citing other evidence",
	                                            "evidence records (new dates)",
	                                            "process-attribute ratings" };

typedef struct change {
	int kind;
	const char *target; /* requirement or process id (the catalogue's strings) */
	itsma_letter letter;
	itsma_attribute attribute;
	size_t n; /* cited evidence */
	char ids[16][24];
	const char *idp[16];
	itsma_evidence_spec ev;
	char title[64], col[11], exp[11];
} change;

/* Rating of requirement q citing `k` pseudo-random evidence records out of `ne`. */
static void gen_cite(change *c, const itsma_requirement *q, long ne, int k)
{
	long base = (long)(rng() % (unsigned long long)ne);
	int i;
	if (k > 16)
		k = 16;
	c->kind = CH_CITE;
	c->target = itsma_requirement_id(q);
	for (i = 0; i < k; i++)
		snprintf(c->ids[i], sizeof c->ids[i], "EV-%ld", (base + (long)i * 7919) % ne);
	c->n = (size_t)k;
	c->letter = letters[rng() % 10];
}

/* A new rating of requirement q that keeps the evidence it cites (as an assessor re-rates). */
static void gen_rerate(change *c, const itsma_assessment *a, const itsma_requirement *q)
{
	const itsma_rating *old = itsma_assessment_find_rating(a, itsma_requirement_id(q));
	size_t i, n = old ? itsma_rating_evidence_count(old) : 0;
	c->kind = CH_RERATE;
	c->target = itsma_requirement_id(q);
	c->n = n > 16 ? 16 : n;
	for (i = 0; i < c->n; i++)
		snprintf(c->ids[i], sizeof c->ids[i], "%s",
		         itsma_evidence_id(itsma_rating_evidence_at(old, i)));
	c->letter = letters[rng() % 10];
}

static void gen_attribute(change *c, const itsma_section *p, long ne)
{
	unsigned long long x = rng();
	c->kind = CH_ATTRIBUTE;
	c->target = itsma_section_id(p);
	snprintf(c->ids[0], sizeof c->ids[0], "EV-%ld", (long)(x % (unsigned long long)ne));
	c->n = 1;
	c->attribute = (itsma_attribute)(1 + x / 7 % 8);
	c->letter = letters[x / 61 % 10];
}

static void gen_evidence(change *c, long ne)
{
	itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
	c->kind = CH_EVIDENCE;
	c->ev = e;
	evidence_spec(&c->ev, (long)(rng() % (unsigned long long)ne), c->ids[0], c->title, c->col,
	              c->exp);
}

/* The cited ids of a change, as the array a spec takes (pointing into the change). */
static const char **cited_ids(change *c)
{
	size_t i;
	for (i = 0; i < c->n; i++)
		c->idp[i] = c->ids[i];
	return c->idp;
}

/* The rating spec of a rating change (its strings are the change's). */
static itsma_rating_spec rating_spec_of(change *c)
{
	itsma_rating_spec rs = ITSMA_RATING_SPEC_INIT;
	rs.requirement_id = c->target;
	rs.letter = c->letter;
	rs.evidence = cited_ids(c);
	rs.evidence_count = c->n;
	return rs;
}

static int apply_change(itsma_scorer *s, change *c, itsma_error *err)
{
	if (c->kind == CH_EVIDENCE) {
		c->ev.id = c->ids[0];
		c->ev.title = c->title;
		c->ev.collected = c->col;
		c->ev.expires = c->exp;
		return itsma_scorer_put_evidence(s, &c->ev, err);
	}
	if (c->kind == CH_ATTRIBUTE) {
		itsma_attribute_spec as = ITSMA_ATTRIBUTE_SPEC_INIT;
		as.process_id = c->target;
		as.attribute = c->attribute;
		as.letter = c->letter;
		as.evidence = cited_ids(c);
		as.evidence_count = c->n;
		return itsma_scorer_put_attribute(s, &as, err);
	} else {
		itsma_rating_spec rs = rating_spec_of(c);
		return itsma_scorer_put_rating(s, &rs, err);
	}
}

/* Rating of requirement q citing `k` pseudo-random evidence records out of `ne`, straight
 * into the assessment (building the typical assessment). */
static int put_random_rating(itsma_assessment *a, const itsma_requirement *q, long ne, int k,
                             itsma_error *err)
{
	itsma_rating_spec rs;
	change c;
	gen_cite(&c, q, ne, k);
	rs = rating_spec_of(&c);
	return itsma_assessment_put_rating(a, &rs, err);
}

/* The typical assessment: built-in catalogue, `ne` evidence records, every requirement
 * rated citing 3 x ne / requirements records (at most 16: 16 for 5,000 records), every
 * process attribute rated citing one. */
static itsma_assessment *typical_assessment(const itsma_catalogue *cat, long ne)
{
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_assessment *a = NULL;
	size_t i, nq = itsma_catalogue_requirement_count(cat);
	int k = (int)(ne * 3 / (long)(nq ? nq : 1));
	long j;
	if (k < 1)
		k = 1;
	if (itsma_assessment_new(&a, cat, "bench-typical", "2026-11-20", &err) < 0)
		die("%s", err.message);
	if (itsma_assessment_set_organisation(a, "Benchmark Ltd", &err) < 0 ||
	    itsma_assessment_set_target(a, 2, &err) < 0)
		die("%s", err.message);
	for (j = 0; j < ne; j++) {
		itsma_evidence_spec e = ITSMA_EVIDENCE_SPEC_INIT;
		char id[32], title[80], col[11], exp[11];
		evidence_spec(&e, j, id, title, col, exp);
		if (itsma_assessment_put_evidence(a, &e, &err) < 0)
			die("%s", err.message);
	}
	for (i = 0; i < nq; i++)
		if (put_random_rating(a, itsma_catalogue_requirement_at(cat, i), ne, k, &err) < 0)
			die("%s", err.message);
	for (i = 0; i < itsma_catalogue_section_count(cat); i++) {
		const itsma_section *p = itsma_catalogue_section_at(cat, i);
		int pa;
		if (itsma_section_kind_of(p) != ITSMA_SECTION_KIND_PROCESS)
			continue;
		for (pa = 1; pa < ITSMA_ATTRIBUTE_COUNT; pa++) {
			itsma_attribute_spec as = ITSMA_ATTRIBUTE_SPEC_INIT;
			char id[32];
			const char *ev[1];
			snprintf(id, sizeof id, "EV-%ld", (long)(rng() % (unsigned long long)ne));
			ev[0] = id;
			as.process = p;
			as.attribute = (itsma_attribute)pa;
			as.letter = letters[pa < 3 ? 5 + rng() % 5 : rng() % 10];
			as.evidence = ev;
			as.evidence_count = 1;
			if (itsma_assessment_put_attribute(a, &as, &err) < 0)
				die("%s", err.message);
		}
	}
	return a;
}

static int child_make_typical(const char *out_path, long ne)
{
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *cat = NULL;
	itsma_assessment *a;
	if (itsma_catalogue_builtin(&cat, BUILTIN_ID, &err) < 0)
		die("%s", err.message);
	a = typical_assessment(cat, ne);
	if (itsma_assessment_save_file(a, out_path, &err) < 0)
		die("%s", err.message);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
	printf("ok=1\n");
	return 0;
}

/*
 * Apply `n` changes in batches generated before the clock starts; `only` is a change kind,
 * or -1 for the mix (50% re-ratings, 10% ratings citing other evidence, 25% evidence
 * records, 15% attribute ratings). Returns the CPU seconds the library took.
 */
#define BATCH 256
static double run_changes(itsma_scorer *s, const itsma_catalogue *cat, long n, long ne, int only,
                          const itsma_section *const *procs, size_t np)
{
	itsma_assessment *a = itsma_scorer_assessment(s);
	size_t nq = itsma_catalogue_requirement_count(cat);
	int k = (int)(ne * 3 / (long)nq);
	static change batch[BATCH];
	itsma_error err = ITSMA_ERROR_INIT;
	double secs = 0;
	long done = 0;
	while (done < n) {
		long m = n - done < BATCH ? n - done : BATCH, j;
		double t0;
		for (j = 0; j < m; j++) {
			change *c = &batch[j];
			unsigned long long x = rng() % 100;
			int kind = only >= 0 ? only
			           : x < 50  ? CH_RERATE
			           : x < 60  ? CH_CITE
			           : x < 85  ? CH_EVIDENCE
			                     : CH_ATTRIBUTE;
			memset(c, 0, offsetof(change, ids));
			if (kind == CH_RERATE)
				gen_rerate(c, a, itsma_catalogue_requirement_at(cat, rng() % nq));
			else if (kind == CH_CITE)
				gen_cite(c, itsma_catalogue_requirement_at(cat, rng() % nq), ne,
				         k < 1 ? 1 : k);
			else if (kind == CH_EVIDENCE)
				gen_evidence(c, ne);
			else
				gen_attribute(c, procs[rng() % np], ne);
		}
		/* a re-rating generated after a change to the same rating in this batch cites what
		 * the rating cited when generated: still a valid change */
		t0 = cpu_now();
		for (j = 0; j < m; j++)
			if (apply_change(s, &batch[j], &err) < 0)
				die("change %ld: %s", done + j, err.message);
		secs += cpu_now() - t0;
		done += m;
	}
	return secs;
}

/*
 * A reader's snapshot of a live scorer (issue 17), CPU seconds each, the mean of 20: [0]
 * itsma_result_clone (copy of the assessment and scoring of the copy), [1] the copy alone
 * (itsma_assessment_clone), [2] the copy as itsma_result_clone made it before, by writing
 * the assessment as JSON and loading it back; what is made is freed outside the timing. The
 * snapshot must be the scorer's result to the byte.
 */
static void snapshot_times(double out[3], const itsma_scorer *s, const itsma_assessment *a)
{
	enum { REPS = 20 };
	itsma_load_options lo = ITSMA_LOAD_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	char *j1 = NULL, *j2 = NULL;
	double t0;
	int k;

	lo.max_string = lo.max_records = lo.max_bytes = SIZE_MAX;
	out[0] = out[1] = out[2] = 0;
	for (k = 0; k <= REPS; k++) { /* the first (not timed) is checked */
		itsma_result *snap = NULL;
		t0 = cpu_now();
		if (itsma_result_clone(&snap, itsma_scorer_result(s), &err) < 0)
			die("snapshot: %s", err.message);
		if (k)
			out[0] += cpu_now() - t0;
		else {
			if (itsma_result_to_json(&j1, snap, &err) < 0 ||
			    itsma_result_to_json(&j2, itsma_scorer_result(s), &err) < 0)
				die("%s", err.message);
			if (strcmp(j1, j2) != 0)
				die("the snapshot differs from the scorer's result");
			itsma_free(j1);
			itsma_free(j2);
		}
		itsma_result_free(snap); /* freeing is not timed: a reader does it after the lock */
	}
	for (k = 0; k < REPS; k++) {
		itsma_assessment *c = NULL;
		t0 = cpu_now();
		if (itsma_assessment_clone(&c, a, &err) < 0)
			die("clone: %s", err.message);
		out[1] += cpu_now() - t0;
		itsma_assessment_free(c);
	}
	for (k = 0; k < REPS; k++) {
		itsma_assessment *c = NULL;
		char *text = NULL;
		t0 = cpu_now();
		if (itsma_assessment_to_json(&text, a, &err) < 0 ||
		    itsma_assessment_load_buffer(&c, text, strlen(text), "<clone>",
		                                 itsma_assessment_catalogue(a), &lo, &err) < 0)
			die("JSON copy: %s", err.message);
		out[2] += cpu_now() - t0;
		itsma_free(text);
		itsma_assessment_free(c);
	}
	out[0] /= REPS;
	out[1] /= REPS;
	out[2] /= REPS;
}

/* Incremental re-scoring: `n` random single changes through a scorer. */
static int child_updates(long n, long ne)
{
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *cat = NULL;
	itsma_assessment *a;
	itsma_scorer *s = NULL;
	itsma_result *fresh = NULL;
	char *j1 = NULL, *j2 = NULL;
	size_t np = 0, i, inc = 0, full = 0;
	const itsma_section *procs[256];
	double t0, t1, t3, t4, mix, kind_rate[CH_KINDS], snap[3];
	long u, n_full;
	int kind;

	if (itsma_catalogue_builtin(&cat, BUILTIN_ID, &err) < 0)
		die("%s", err.message);
	a = typical_assessment(cat, ne);
	for (i = 0; i < itsma_catalogue_section_count(cat) && np < 256; i++)
		if (itsma_section_kind_of(itsma_catalogue_section_at(cat, i)) ==
		    ITSMA_SECTION_KIND_PROCESS)
			procs[np++] = itsma_catalogue_section_at(cat, i);
	t0 = cpu_now();
	if (itsma_scorer_new(&s, a, NULL, &err) < 0)
		die("scorer: %s", err.message);
	t1 = cpu_now();
	mix = run_changes(s, cat, n, ne, -1, procs, np);
	for (kind = 0; kind < CH_KINDS; kind++) {
		long nk = n / 4 > 100 ? n / 4 : 100;
		kind_rate[kind] = (double)nk / run_changes(s, cat, nk, ne, kind, procs, np);
	}
	itsma_scorer_stats(&inc, &full, s);
	/* the same result as scoring from scratch, to the byte */
	if (itsma_score(&fresh, a, NULL, &err) < 0 || itsma_result_to_json(&j1, fresh, &err) < 0 ||
	    itsma_result_to_json(&j2, itsma_scorer_result(s), &err) < 0)
		die("%s", err.message);
	if (strcmp(j1, j2) != 0)
		die("the incremental result differs from scoring from scratch");
	/* for comparison: scoring from scratch */
	n_full = n / 50 > 20 ? n / 50 : 20;
	t3 = cpu_now();
	for (u = 0; u < n_full; u++) {
		itsma_result *r = NULL;
		if (itsma_score(&r, a, NULL, &err) < 0)
			die("%s", err.message);
		itsma_result_free(r);
	}
	t4 = cpu_now();
	snapshot_times(snap, s, a);
	printf("updates=%ld secs=%.6f build=%.6f incremental=%zu rescored=%zu full_rate=%.1f "
	       "kind0=%.1f kind1=%.1f kind2=%.1f kind3=%.1f snapshot=%.6f aclone=%.6f "
	       "jsoncopy=%.6f identical=1\n",
	       n, mix, t1 - t0, inc, full, (double)n_full / (t4 - t3), kind_rate[0], kind_rate[1],
	       kind_rate[2], kind_rate[3], snap[0], snap[1], snap[2]);
	itsma_free(j1);
	itsma_free(j2);
	itsma_result_free(fresh);
	itsma_scorer_free(s);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
	return 0;
}

/* ---- running children ----------------------------------------------------------------------- */

typedef struct run {
	char out[1024]; /* the child's output line */
	double cpu;     /* user + system of the child */
	double wall;
	long maxrss_kb;
	int status;
} run;

static void run_child(run *res, char *const argv[], int quiet_stderr)
{
	int fds[2];
	pid_t pid;
	struct rusage ru;
	size_t n = 0;
	ssize_t k;
	double t0 = wall_now();

	memset(res, 0, sizeof *res);
	if (pipe(fds) != 0)
		die("pipe: %s", strerror(errno));
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		if (quiet_stderr) {
			int nul = open("/dev/null", O_WRONLY);
			if (nul >= 0)
				dup2(nul, 2);
		}
		execv(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	while (n + 1 < sizeof res->out &&
	       (k = read(fds[0], res->out + n, sizeof res->out - 1 - n)) > 0)
		n += (size_t)k;
	res->out[n] = '\0';
	{
		char sink[4096];
		while (read(fds[0], sink, sizeof sink) > 0)
			;
	}
	close(fds[0]);
	if (wait4(pid, &res->status, 0, &ru) < 0)
		die("wait4: %s", strerror(errno));
	res->wall = wall_now() - t0;
	res->cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
	           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
	res->maxrss_kb = ru.ru_maxrss;
}

static int run_ok(const run *r) { return WIFEXITED(r->status) && WEXITSTATUS(r->status) == 0; }

/* Value of `key=` in a child's output line (NaN when missing). */
static double field(const run *r, const char *key)
{
	char pat[64];
	const char *p;
	snprintf(pat, sizeof pat, "%s=", key);
	for (p = r->out; (p = strstr(p, pat)) != NULL; p++)
		if (p == r->out || p[-1] == ' ')
			return strtod(p + strlen(pat), NULL);
	return NAN;
}

static char self_path[4096];

static void run_self(run *res, const char *mode, const char *a1, const char *a2, const char *a3)
{
	char *argv[7];
	argv[0] = self_path;
	argv[1] = (char *)"--child";
	argv[2] = (char *)mode;
	argv[3] = (char *)a1;
	argv[4] = (char *)a2;
	argv[5] = (char *)a3;
	argv[6] = NULL;
	run_child(res, argv, 0);
	if (!run_ok(res))
		die("the %s measurement failed (status %d)", mode, res->status);
}

/* ---- the benchmark ------------------------------------------------------------------------- */

typedef struct size_row {
	long n;
	double file_mb, floor_cpu, floor_read, floor_parse, floor_peak_mb;
	double cat, load, score, json, write, peak_mb, compliance;
	double py_cpu, py_peak_mb, py_compliance;
	int have_py;
} size_row;

/* The content revision of the built-in catalogue the typical assessment is made for. */
static int builtin_revision(void)
{
	itsma_catalogue *cat = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	int revision;
	if (itsma_catalogue_builtin(&cat, BUILTIN_ID, &err) < 0)
		die("%s", err.message);
	revision = itsma_catalogue_revision(cat);
	itsma_catalogue_free(cat);
	return revision;
}

static const char *gen_path(void)
{
	static char buf[4200];
	char *slash;
	if (*ITSMA_BENCH_GEN && file_exists(ITSMA_BENCH_GEN, NULL))
		return ITSMA_BENCH_GEN;
	snprintf(buf, sizeof buf, "%s", self_path);
	slash = strrchr(buf, '/');
	if (slash) {
		strcpy(slash + 1, "itsma_bench_gen");
		if (file_exists(buf, NULL))
			return buf;
	}
	die("cannot find the generator itsma_bench_gen");
	return NULL;
}

static void generate(const char *dir, long n, int regen, char *cat, char *asmp)
{
	if (strlen(dir) > 4000)
		die("the data folder's name is too long");
	char num[32], reqs[] = "5000", procs[] = "100", cites[] = "3";
	char *argv[14];
	run r;
	snprintf(cat, 4096, "%.4000s/bench-catalogue.json", dir);
	snprintf(asmp, 4096, "%.4000s/bench-%ld.json", dir, n);
	if (!regen && file_exists(cat, NULL) && file_exists(asmp, NULL))
		return;
	snprintf(num, sizeof num, "%ld", n);
	argv[0] = (char *)gen_path();
	argv[1] = cat;
	argv[2] = asmp;
	argv[3] = (char *)"--processes";
	argv[4] = procs;
	argv[5] = (char *)"--requirements";
	argv[6] = reqs;
	argv[7] = (char *)"--evidence";
	argv[8] = num;
	argv[9] = (char *)"--cites";
	argv[10] = cites;
	argv[11] = NULL;
	run_child(&r, argv, 0);
	if (!run_ok(&r))
		die("the generator failed for %ld records", n);
}

static const char *python_path(void)
{
	return access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : NULL;
}

static const char *baseline_path(void)
{
	static char buf[4200];
	if (*ITSMA_BENCH_BASELINE && file_exists(ITSMA_BENCH_BASELINE, NULL))
		return ITSMA_BENCH_BASELINE;
	snprintf(buf, sizeof buf, "bench/baseline.py");
	return file_exists(buf, NULL) ? buf : NULL;
}

static void measure_size(size_row *row, const char *dir, long n, int regen, int python)
{
	char cat[4096], asmp[4096], out[4200];
	off_t size = 0;
	run r;

	memset(row, 0, sizeof *row);
	row->n = n;
	generate(dir, n, regen, cat, asmp);
	file_exists(asmp, &size);
	row->file_mb = (double)size / 1e6;
	snprintf(out, sizeof out, "%s/bench-%ld.result.json", dir, n);

	run_self(&r, "floor", asmp, NULL, NULL);
	row->floor_read = field(&r, "read");
	row->floor_parse = field(&r, "parse");
	row->floor_cpu = row->floor_read + row->floor_parse;
	row->floor_peak_mb = (double)r.maxrss_kb / 1024.0;

	run_self(&r, "itsma", cat, asmp, out);
	row->cat = field(&r, "cat");
	row->load = field(&r, "load");
	row->score = field(&r, "score");
	row->json = field(&r, "json") + field(&r, "write");
	row->peak_mb = (double)r.maxrss_kb / 1024.0;
	row->compliance = field(&r, "compliance");
	unlink(out);

	if (python && python_path() && baseline_path()) {
		char *argv[5];
		argv[0] = (char *)python_path();
		argv[1] = (char *)baseline_path();
		argv[2] = cat;
		argv[3] = asmp;
		argv[4] = NULL;
		run_child(&r, argv, 1);
		if (run_ok(&r)) {
			row->have_py = 1;
			row->py_cpu = r.cpu;
			row->py_peak_mb = (double)r.maxrss_kb / 1024.0;
			row->py_compliance = field(&r, "compliance");
		}
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Median wall time of `reps` runs of the CLI. */
static double cli_median(const char *cli, char *const args[], int reps)
{
	double t[32];
	int i;
	if (reps > 32)
		reps = 32;
	for (i = 0; i < reps; i++) {
		char *argv[12];
		int k;
		run r;
		argv[0] = (char *)cli;
		for (k = 0; args[k] && k < 10; k++)
			argv[k + 1] = args[k];
		argv[k + 1] = NULL;
		run_child(&r, argv, 1);
		if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) > 1) /* 1: short of a threshold */
			return NAN;
		t[i] = r.wall;
	}
	qsort(t, (size_t)reps, sizeof *t, cmp_double);
	return t[reps / 2];
}

static void usage(void)
{
	fputs("usage: itsma_bench [--sizes N,N,...] [--dir DIR] [--regen] [--updates N] [--repeat "
	      "N]\n"
	      "                   [--no-python] [--cli PATH] [--typical N] [--smoke]\n",
	      stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	long sizes[16], updates = 200000, typical = 5000;
	size_t nsizes = 0, i;
	const char *dir = NULL, *cli = *ITSMA_BENCH_CLI ? ITSMA_BENCH_CLI : NULL;
	int regen = 0, python = 1, smoke = 0, k, repeats = 5;
	char tmpdir[4096];
	size_row rows[16];
	ssize_t sl;

	if (argc >= 3 && strcmp(argv[1], "--child") == 0) {
		const char *mode = argv[2];
		if (strcmp(mode, "floor") == 0 && argc >= 4)
			return child_floor(argv[3]);
		if (strcmp(mode, "itsma") == 0 && argc >= 6)
			return child_itsma(argv[3], argv[4], argv[5]);
		if (strcmp(mode, "typical") == 0 && argc >= 5)
			return child_make_typical(argv[3], strtol(argv[4], NULL, 10));
		if (strcmp(mode, "updates") == 0 && argc >= 5)
			return child_updates(strtol(argv[3], NULL, 10), strtol(argv[4], NULL, 10));
		usage();
	}
	sl = readlink("/proc/self/exe", self_path, sizeof self_path - 1);
	if (sl <= 0)
		die("cannot find this program's path");
	self_path[sl] = '\0';

	for (k = 1; k < argc; k++) {
		if (strcmp(argv[k], "--sizes") == 0 && k + 1 < argc) {
			char *p = argv[++k];
			nsizes = 0;
			while (*p && nsizes < 16) {
				sizes[nsizes++] = strtol(p, &p, 10);
				if (*p == ',')
					p++;
				else if (*p)
					usage();
			}
		} else if (strcmp(argv[k], "--dir") == 0 && k + 1 < argc) {
			dir = argv[++k];
		} else if (strcmp(argv[k], "--updates") == 0 && k + 1 < argc) {
			updates = strtol(argv[++k], NULL, 10);
		} else if (strcmp(argv[k], "--repeat") == 0 && k + 1 < argc) {
			repeats = (int)strtol(argv[++k], NULL, 10);
			if (repeats < 1 || repeats > 32)
				usage();
		} else if (strcmp(argv[k], "--typical") == 0 && k + 1 < argc) {
			typical = strtol(argv[++k], NULL, 10);
		} else if (strcmp(argv[k], "--cli") == 0 && k + 1 < argc) {
			cli = argv[++k];
		} else if (strcmp(argv[k], "--regen") == 0) {
			regen = 1;
		} else if (strcmp(argv[k], "--no-python") == 0) {
			python = 0;
		} else if (strcmp(argv[k], "--smoke") == 0) {
			smoke = 1;
		} else {
			usage();
		}
	}
	if (!nsizes) {
		if (smoke) {
			sizes[nsizes++] = 2000;
		} else {
			sizes[nsizes++] = 10000;
			sizes[nsizes++] = 100000;
			sizes[nsizes++] = 1000000;
		}
	}
	if (smoke && updates == 200000)
		updates = 2000;
	if (smoke)
		repeats = 1;
	for (i = 0; i < nsizes; i++)
		if (sizes[i] < 1)
			usage();
	if (!dir) {
		const char *t = getenv("TMPDIR");
		snprintf(tmpdir, sizeof tmpdir, "%s/itsma-bench", t && *t ? t : "/tmp");
		dir = tmpdir;
	}
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		die("cannot create %s: %s", dir, strerror(errno));
	if (cli && access(cli, X_OK) != 0)
		cli = NULL;

	printf("itsma %s benchmark: synthetic catalogue of 5000 requirements in 100 processes,\n"
	       "each evidence record cited by about 3 ratings; files in %s.\n"
	       "Times are CPU seconds (user + system) of a fresh process per measurement.\n\n",
	       itsma_version(), dir);
	for (i = 0; i < nsizes; i++)
		measure_size(&rows[i], dir, sizes[i], regen, python);

	printf("%9s %8s | %8s %8s %8s %8s %8s | %7s %9s %10s | %8s %9s %10s\n", "records",
	       "file MB", "floor s", "load s", "score s", "json s", "whole s", "MB/s", "load/floor",
	       "whole/floor", "peak MB", "peak/file", "floor peak");
	for (i = 0; i < nsizes; i++) {
		const size_row *r = &rows[i];
		double whole = r->cat + r->load + r->score + r->json;
		printf("%9ld %8.1f | %8.3f %8.3f %8.3f %8.3f %8.3f | %7.0f %9.2fx %10.2fx | %8.1f "
		       "%8.2fx %9.1f\n",
		       r->n, r->file_mb, r->floor_cpu, r->load, r->score, r->json, whole,
		       r->file_mb / r->load, r->load / r->floor_cpu, whole / r->floor_cpu,
		       r->peak_mb, r->peak_mb / r->file_mb, r->floor_peak_mb);
	}
	printf("\nPer evidence record (microseconds; linear growth keeps these flat):\n");
	printf("%9s | %8s %8s %8s %8s | %11s\n", "records", "floor", "load", "score", "json",
	       "score/load");
	for (i = 0; i < nsizes; i++) {
		const size_row *r = &rows[i];
		double n = (double)r->n;
		printf("%9ld | %8.3f %8.3f %8.3f %8.3f | %10.3fx\n", r->n, r->floor_cpu / n * 1e6,
		       r->load / n * 1e6, r->score / n * 1e6, r->json / n * 1e6,
		       r->score / r->load);
	}
	{
		int any = 0;
		for (i = 0; i < nsizes; i++)
			any |= rows[i].have_py;
		if (any) {
			printf("\nPython baseline (bench/baseline.py, json module, same statuses "
			       "and default "
			       "compliance):\n");
			printf("%9s | %9s %8s %11s | %14s %14s\n", "records", "python s", "peak MB",
			       "python/itsma", "py compliance", "itsma compl.");
			for (i = 0; i < nsizes; i++) {
				const size_row *r = &rows[i];
				double whole = r->cat + r->load + r->score + r->json;
				if (!r->have_py)
					continue;
				printf("%9ld | %9.3f %8.1f %10.2fx | %14.6f %14.6f\n", r->n,
				       r->py_cpu, r->py_peak_mb, r->py_cpu / whole,
				       r->py_compliance, r->compliance);
			}
		} else if (python) {
			printf("\nPython baseline: skipped (no /usr/bin/python3 or "
			       "bench/baseline.py).\n");
		}
	}

	/* the typical assessment and incremental re-scoring on the built-in catalogue */
	{
		char path[4200], out[4300];
		run r;
		double load, score, json, whole, upd[1 + CH_KINDS][32];
		static const char *const keys[CH_KINDS] = { "kind0", "kind1", "kind2", "kind3" };
		int rep, kind;
		/* named for the built-in catalogue's content revision: data generated against an
		 * earlier revision (left in a shared folder) is not reused */
		snprintf(path, sizeof path, "%s/typical-%ld-r%d.json", dir, typical,
		         builtin_revision());
		if (regen || !file_exists(path, NULL)) {
			char num[32];
			snprintf(num, sizeof num, "%ld", typical);
			run_self(&r, "typical", path, num, NULL);
		}
		snprintf(out, sizeof out, "%s.result.json", path);
		run_self(&r, "itsma", "", path, out);
		load = field(&r, "load");
		score = field(&r, "score");
		json = field(&r, "json") + field(&r, "write");
		whole = load + score + json;
		unlink(out);
		printf("\nTypical assessment: built-in %s, %ld evidence records (%s):\n",
		       BUILTIN_ID, typical, path);
		printf(
		    "  in the library: load %.2f ms, score %.2f ms, JSON %.2f ms; peak %.1f MB\n",
		    load * 1e3, score * 1e3, json * 1e3, (double)r.maxrss_kb / 1024.0);
		(void)whole;
		if (cli) {
			/* a regular file in the bench folder: never -o /dev/null (see issue 19) */
			char sink[4300];
			snprintf(sink, sizeof sink, "%s.cli-out", path);
			char *score_args[] = { (char *)"score", path, (char *)"-o", sink, NULL };
			char *md_args[] = { (char *)"report",
				            path,
				            (char *)"--format",
				            (char *)"md",
				            (char *)"-o",
				            sink,
				            NULL };
			int reps = smoke ? 3 : 15;
			double ts = cli_median(cli, score_args, reps),
			       tm = cli_median(cli, md_args, reps);
			unlink(sink);
			printf("  whole `itsma` process (wall, median of %d): score %.1f ms, "
			       "report --format md "
			       "%.1f ms\n",
			       reps, ts * 1e3, tm * 1e3);
		} else {
			printf("  whole `itsma` process: skipped (the CLI was not built)\n");
		}

		{
			char num[32], ne[32];
			snprintf(num, sizeof num, "%ld", updates);
			snprintf(ne, sizeof ne, "%ld", typical);
			for (rep = 0; rep < repeats; rep++) {
				run_self(&r, "updates", num, ne, NULL);
				if (field(&r, "identical") != 1)
					die("the incremental result differs from scoring from "
					    "scratch");
				upd[0][rep] = field(&r, "updates") / field(&r, "secs");
				for (kind = 0; kind < CH_KINDS; kind++)
					upd[1 + kind][rep] = field(&r, keys[kind]);
			}
			for (kind = 0; kind <= CH_KINDS; kind++)
				qsort(upd[kind], (size_t)repeats, sizeof upd[kind][0], cmp_double);
		}
		printf(
		    "\nIncremental re-scoring (itsma_scorer), built-in %s, %ld evidence records:\n",
		    BUILTIN_ID, typical);
		printf("  %.0f single changes (50%% re-ratings, 10%% ratings citing other "
		       "evidence, 25%%\n"
		       "  evidence records with new dates, 15%% attribute ratings), generated "
		       "before timing;\n"
		       "  updates/s in the library's CPU time alone, %d runs (median, best):\n",
		       field(&r, "updates"), repeats);
		printf("    %-32s %9.0f/s %9.0f/s  (%.2f us each at the median)\n", "the mix",
		       upd[0][repeats / 2], upd[0][repeats - 1], 1e6 / upd[0][repeats / 2]);
		for (kind = 0; kind < CH_KINDS; kind++)
			printf("    %-32s %9.0f/s %9.0f/s  (%.2f us)\n", change_names[kind],
			       upd[1 + kind][repeats / 2], upd[1 + kind][repeats - 1],
			       1e6 / upd[1 + kind][repeats / 2]);
		printf("  %.0f applied incrementally, %.0f rescored from scratch; scoring from "
		       "scratch: "
		       "%.0f/s; scorer built in %.2f ms\n",
		       field(&r, "incremental"), field(&r, "rescored"), field(&r, "full_rate"),
		       field(&r, "build") * 1e3);
		printf("  result identical to itsma_score() (itsma_result_to_json bytes) in every "
		       "run: yes\n");
		printf("  a reader's snapshot (itsma_result_clone, mean of 20, last run): %.2f ms, "
		       "of which\n"
		       "  copying the assessment (itsma_assessment_clone) %.2f ms; the JSON round "
		       "trip\n"
		       "  that copied it before: %.2f ms\n",
		       field(&r, "snapshot") * 1e3, field(&r, "aclone") * 1e3,
		       field(&r, "jsoncopy") * 1e3);
	}
	printf("\nbench: done\n");
	return 0;
}
