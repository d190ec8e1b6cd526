/* SPDX-License-Identifier: Apache-2.0 */
/*
 * itsma_bench_hostile: does hostile input cost time and memory linear in its size?
 *
 *   itsma_bench_hostile [--steps N] [--scale K] [--dir DIR] [--cli PATH] [--smoke]
 *
 * Each shape below is measured at a base size and then doubled, N times (default 5). Every
 * measurement runs in a fresh child process: it builds the input, then runs the operation,
 * and reports the operation's CPU time (user + system) and the process's peak resident size
 * (input included). The table shows, per doubling, how much time and peak memory grew: about
 * 2 is linear; a ratio above ~2.3 that persists at the larger sizes is a defect (times under
 * ~20 ms are noise). The CSV shapes run the `itsma import` command as a whole process.
 * Nothing here fails on time: the exit status is non-zero only when a run failed or gave an
 * unexpected outcome.
 */
#define _GNU_SOURCE 1
#include <itsma.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef ITSMA_BENCH_CLI
#define ITSMA_BENCH_CLI ""
#endif

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("itsma_bench_hostile: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(2);
}

/* ---- building inputs ---------------------------------------------------------------------- */

typedef struct text {
	char *p;
	size_t len, cap;
} text;

static void put(text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 1 << 16;
		while (cap < t->len + n + 1)
			cap *= 2;
		t->p = realloc(t->p, cap);
		if (!t->p)
			die("out of memory building an input");
		t->cap = cap;
	}
	memcpy(t->p + t->len, s, n);
	t->len += n;
	t->p[t->len] = '\0';
}

static void puts_(text *t, const char *s) { put(t, s, strlen(s)); }

static void printf_(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void printf_(text *t, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	put(t, tmp, (size_t)n);
}

#define ASM_HEAD                                                                                   \
	"{\"format\": \"itsma-assessment/1\", \"id\": \"a\", \"catalogue\": \"iso20000-1:2018\", " \
	"\"date\": \"2026-01-01\""
#define CAT_HEAD                                                                                   \
	"{\"format\": \"itsma-catalogue/1\", \"id\": \"c\", \"title\": \"C\", \"sections\": "      \
	"[{\"id\": \"s\", "                                                                        \
	"\"title\": \"S\", \"requirements\": [{\"id\": \"r\", \"text\": \"T\"}]}]"

#define ANY 12345 /* the outcome depends on the size (a limit) */

/* ---- the shapes ------------------------------------------------------------------------------ */

typedef struct shape {
	const char *name;
	const char *unit;
	size_t base, smoke_base;
	/* library shapes: build the input for n and run the operation on it; the return value is
	 * checked against `expect` */
	void (*build)(text *t, size_t n);
	int (*run)(const text *t);
	int expect; /* the operation's outcome (a return code or exit status), or ANY */
	/* CLI shapes: write the files for n into dir and give the command's arguments */
	void (*cli)(const char *dir, size_t n, char **argv, size_t *argc, size_t *bytes);
} shape;

static const itsma_catalogue *builtin(void)
{
	static itsma_catalogue *c;
	itsma_error err = ITSMA_ERROR_INIT;
	if (!c && itsma_catalogue_builtin(&c, "iso20000-1:2018", &err) < 0)
		die("built-in catalogue: %s", err.message);
	return c;
}

static int count_cb(const itsma_error *e, void *payload)
{
	(void)e;
	++*(size_t *)payload;
	return 0;
}

/* 1. validation reporting n problems (bad evidence records, one per line) */
static void build_problems(text *t, size_t n)
{
	size_t i;
	puts_(t, ASM_HEAD ", \"evidence\": [\n");
	for (i = 0; i < n; i++)
		printf_(t,
		        "%s{\"id\": \"E%zu\", \"title\": \"t\", \"kind\": \"bogus\", "
		        "\"collected\": \"2026-01-01\"}",
		        i ? ",\n" : "", i);
	puts_(t, "]}");
}

static int run_validate(const text *t)
{
	size_t problems = 0;
	itsma_error err = ITSMA_ERROR_INIT;
	int rc = itsma_validate_buffer(NULL, t->p, t->len, "hostile.json", builtin(), count_cb,
	                               &problems, &err);
	return rc;
}

/* 2. one object of n keys, the first repeated at the end */
static void build_keys(text *t, size_t n)
{
	size_t i;
	puts_(t, CAT_HEAD ", \"x-keys\": {");
	for (i = 0; i < n; i++)
		printf_(t, "\"key%zu\": %zu, ", i, i);
	puts_(t, "\"key0\": 0}}");
}

static int run_catalogue(const text *t)
{
	itsma_catalogue *c = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	int rc = itsma_catalogue_load_buffer(&c, t->p, t->len, "hostile.json", NULL, &err);
	if (rc == 0) {
		char *json = NULL;
		rc = itsma_catalogue_to_json(&json, c, &err);
		itsma_free(json);
	}
	itsma_catalogue_free(c);
	return rc;
}

/* 3. n tiny values ({}) in a top-level extension: loaded and saved */
static void build_values(text *t, size_t n)
{
	size_t i;
	puts_(t, ASM_HEAD ", \"x-values\": [{}");
	for (i = 1; i < n; i++)
		put(t, ",{}", 3);
	puts_(t, "]}");
}

static int run_assessment(const text *t)
{
	itsma_assessment *a = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	int rc =
	    itsma_assessment_load_buffer(&a, t->p, t->len, "hostile.json", builtin(), NULL, &err);
	if (rc == 0) {
		char *json = NULL;
		rc = itsma_assessment_to_json(&json, a, &err);
		itsma_free(json);
	}
	itsma_assessment_free(a);
	return rc;
}

/* 4. the same values in a catalogue (one json-c tree: refused by the memory budget) */
static void build_tree_values(text *t, size_t n)
{
	size_t i;
	puts_(t, CAT_HEAD ", \"x-values\": [0");
	for (i = 1; i < n; i++)
		put(t, ",0", 2);
	puts_(t, "]}");
}

/* 5. 2,000 values nested n deep (up to the default limit of 64 levels: 61 objects here) */
static void build_nesting(text *t, size_t n)
{
	size_t i, j;
	puts_(t, ASM_HEAD ", \"x-deep\": [");
	for (i = 0; i < 2000; i++) {
		if (i)
			put(t, ",", 1);
		for (j = 0; j < n; j++)
			put(t, "{\"a\": ", 6);
		put(t, "1", 1);
		for (j = 0; j < n; j++)
			put(t, "}", 1);
	}
	puts_(t, "]}");
}

/* 6. 32 evidence records whose note is a string of n bytes, half of it escapes */
static void build_strings(text *t, size_t n)
{
	size_t i, j;
	puts_(t, ASM_HEAD ", \"evidence\": [");
	for (i = 0; i < 32; i++) {
		printf_(t,
		        "%s{\"id\": \"E%zu\", \"title\": \"t\", \"kind\": \"other\", "
		        "\"collected\": \"2026-01-01\", \"note\": \"",
		        i ? ", " : "", i);
		/* "ab\u00e9" decodes to 4 bytes */
		for (j = 0; j + 4 <= n; j += 4)
			put(t, "ab\\u00e9", 8);
		puts_(t, "\"}");
	}
	puts_(t, "]}");
}

/* 7. import of a questionnaire citing an evidence list of n rows (the CLI) */
static void write_file(const char *path, const text *t)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(t->p, 1, t->len, f) != t->len || fclose(f) != 0)
		die("cannot write %s: %s", path, strerror(errno));
}

static char *cli_path;
static char argbuf[8][600];

static void csv_common(const char *dir, char **argv, size_t *argc)
{
	static const char *const rest[] = { "--catalogue", "iso20000-1:2018", "--id",
		                            "hostile",     "--date",          "2026-01-01" };
	size_t i;
	argv[(*argc)++] = cli_path;
	argv[(*argc)++] = (char *)"import";
	snprintf(argbuf[0], sizeof argbuf[0], "%s/questionnaire.csv", dir);
	argv[(*argc)++] = argbuf[0];
	for (i = 0; i < 6; i++)
		argv[(*argc)++] = (char *)rest[i];
	snprintf(argbuf[1], sizeof argbuf[1], "%s/imported.json", dir);
	argv[(*argc)++] = (char *)"-o";
	argv[(*argc)++] = argbuf[1];
}

static void cli_evidence(const char *dir, size_t n, char **argv, size_t *argc, size_t *bytes)
{
	text q = { 0 }, e = { 0 };
	size_t i;
	puts_(&e, "id,title,kind,collected\n");
	for (i = 0; i < n; i++)
		printf_(&e, "EV-%zu,Record %zu,record,2026-01-01\n", i, i);
	/* one requirement cites every record */
	puts_(&q, "id,rating,evidence\n8.6.1-01,F,\"");
	for (i = 0; i < n; i++)
		printf_(&q, "%sEV-%zu", i ? " " : "", i);
	puts_(&q, "\"\n");
	snprintf(argbuf[2], sizeof argbuf[2], "%s/questionnaire.csv", dir);
	write_file(argbuf[2], &q);
	snprintf(argbuf[3], sizeof argbuf[3], "%s/evidence.csv", dir);
	write_file(argbuf[3], &e);
	*bytes = q.len + e.len;
	free(q.p);
	free(e.p);
	*argc = 0;
	csv_common(dir, argv, argc);
	argv[(*argc)++] = (char *)"--evidence";
	argv[(*argc)++] = argbuf[3];
	argv[*argc] = NULL;
}

/* 8. import of a questionnaire of n rows, every one wrong (every problem is reported) */
static void cli_problems(const char *dir, size_t n, char **argv, size_t *argc, size_t *bytes)
{
	text q = { 0 };
	size_t i;
	puts_(&q, "id,rating,note\n");
	for (i = 0; i < n; i++)
		printf_(&q, "no-such-%zu,F,row %zu\n", i, i);
	snprintf(argbuf[2], sizeof argbuf[2], "%s/questionnaire.csv", dir);
	write_file(argbuf[2], &q);
	*bytes = q.len;
	free(q.p);
	*argc = 0;
	csv_common(dir, argv, argc);
	argv[*argc] = NULL;
}

static const shape shapes[] = {
	{ "validate: problems reported", "problems", 25000, 500, build_problems, run_validate,
	  ITSMA_ESCHEMA, NULL },
	{ "one object: keys, one duplicate", "keys", 125000, 2000, build_keys, run_catalogue,
	  ITSMA_EPARSE, NULL },
	{ "x- values {} at the top level (load+save)", "values", 500000, 5000, build_values,
	  run_assessment, 0, NULL },
	{ "numbers in a catalogue's x- (budget)", "values", 500000, 5000, build_tree_values,
	  run_catalogue, ANY, NULL },
	{ "2000 values nested n deep (load+save)", "levels", 4, 4, build_nesting, run_assessment, 0,
	  NULL },
	{ "32 notes of n bytes, half escapes", "bytes", 65536, 4096, build_strings, run_assessment,
	  0, NULL },
	{ "import: evidence rows cited (CLI)", "rows", 10000, 200, NULL, NULL, 0, cli_evidence },
	{ "import: questionnaire rows, all wrong (CLI)", "rows", 10000, 200, NULL, NULL, 1,
	  cli_problems },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, NULL },
};

/* ---- measuring ------------------------------------------------------------------------------ */

typedef struct result {
	double cpu;    /* seconds */
	long peak_kib; /* peak resident size of the process */
	size_t bytes;  /* input size */
	int rc;
} result;

static double ru_cpu(const struct rusage *ru)
{
	return (double)ru->ru_utime.tv_sec + (double)ru->ru_utime.tv_usec * 1e-6 +
	       (double)ru->ru_stime.tv_sec + (double)ru->ru_stime.tv_usec * 1e-6;
}

static result measure_lib(const shape *s, size_t n)
{
	int fds[2], status;
	pid_t pid;
	result r;

	memset(&r, 0, sizeof r);
	if (pipe(fds) != 0)
		die("pipe: %s", strerror(errno));
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		text t = { 0 };
		struct rusage a, b;
		close(fds[0]);
		builtin();
		s->build(&t, n);
		getrusage(RUSAGE_SELF, &a);
		r.rc = s->run(&t);
		getrusage(RUSAGE_SELF, &b);
		r.cpu = ru_cpu(&b) - ru_cpu(&a);
		r.peak_kib = b.ru_maxrss;
		r.bytes = t.len;
		if (write(fds[1], &r, sizeof r) != (ssize_t)sizeof r)
			_exit(3);
		_exit(0);
	}
	close(fds[1]);
	if (read(fds[0], &r, sizeof r) != (ssize_t)sizeof r)
		r.rc = -9999;
	close(fds[0]);
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		r.rc = -9999;
	return r;
}

static result measure_cli(const shape *s, size_t n, const char *dir)
{
	char *argv[24];
	size_t argc = 0;
	struct rusage ru;
	int status;
	pid_t pid;
	result r;

	memset(&r, 0, sizeof r);
	s->cli(dir, n, argv, &argc, &r.bytes);
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0) {
			dup2(null, 1);
			dup2(null, 2);
		}
		execv(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		die("wait4: %s", strerror(errno));
	r.cpu = ru_cpu(&ru);
	r.peak_kib = ru.ru_maxrss;
	r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -9999;
	return r;
}

int main(int argc, char **argv)
{
	int steps = 5, smoke = 0, bad = 0, i;
	double scale = 1;
	const char *dir = NULL;
	char tmpdir[] = "/tmp/itsma-hostile-XXXXXX";
	const shape *s;

	cli_path = (char *)ITSMA_BENCH_CLI;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--steps") == 0 && i + 1 < argc)
			steps = atoi(argv[++i]);
		else if (strcmp(argv[i], "--scale") == 0 && i + 1 < argc)
			scale = atof(argv[++i]);
		else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
			dir = argv[++i];
		else if (strcmp(argv[i], "--cli") == 0 && i + 1 < argc)
			cli_path = argv[++i];
		else if (strcmp(argv[i], "--smoke") == 0)
			smoke = 1;
		else
			die("usage: itsma_bench_hostile [--steps N] [--scale K] [--dir DIR] [--cli "
			    "PATH] [--smoke]");
	}
	if (smoke && steps > 3)
		steps = 3;
	if (steps < 2 || scale <= 0)
		die("--steps needs at least 2, --scale a positive factor");
	if (!dir) {
		if (!mkdtemp(tmpdir))
			die("mkdtemp: %s", strerror(errno));
		dir = tmpdir;
	} else if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		die("mkdir %s: %s", dir, strerror(errno));
	}

	printf("Hostile shapes, each doubled %d times (CPU seconds of the operation; peak resident "
	       "MB of the process).\n",
	       steps - 1);
	printf("A ratio per doubling near 2 (or below) is linear; above ~2.3 at the larger sizes "
	       "is a defect.\n\n");
	printf("%-44s %10s %9s %9s %9s | %6s %6s\n", "shape", "n", "input MB", "cpu s", "peak MB",
	       "time x", "peak x");
	for (s = shapes; s->name; s++) {
		result prev;
		size_t n = (size_t)((double)(smoke ? s->smoke_base : s->base) * scale);
		int k;
		if (s->cli && !*cli_path) {
			printf(
			    "%-44s (skipped: the itsma command was not built; pass --cli PATH)\n",
			    s->name);
			continue;
		}
		if (n < 1)
			n = 1;
		memset(&prev, 0, sizeof prev);
		for (k = 0; k < steps; k++, n *= 2) {
			size_t shown = n;
			result r;
			if (s->build == build_nesting && n > 61)
				shown = 61; /* the default limit of 64 levels: document, x-deep, n
				               objects, 1 */
			if (s->build == build_strings && n > ((size_t)1 << 20))
				shown = (size_t)1 << 20; /* the default max_string */
			r = s->cli ? measure_cli(s, shown, dir) : measure_lib(s, shown);
			if (r.rc == -9999 || (s->expect != ANY && r.rc != s->expect)) {
				printf("%-44s %10zu  FAILED (outcome %d)\n", s->name, shown, r.rc);
				bad = 1;
				break;
			}
			printf("%-44s %10zu %9.2f %9.3f %9.1f", k ? "" : s->name, shown,
			       (double)r.bytes / 1e6, r.cpu, (double)r.peak_kib / 1024);
			if (k) {
				double tx = prev.cpu > 0 ? r.cpu / prev.cpu : 0,
				       mx = (double)r.peak_kib / (double)prev.peak_kib;
				printf(" | %6.2f %6.2f%s", tx, mx,
				       (tx > 2.3 && r.cpu > 0.02) || mx > 2.3 ? "  (above 2.3)"
				                                              : "");
			}
			printf("\n");
			prev = r;
			if (shown != n)
				break;
		}
	}
	if (dir == tmpdir) {
		char path[700];
		snprintf(path, sizeof path, "%s/questionnaire.csv", dir);
		remove(path);
		snprintf(path, sizeof path, "%s/evidence.csv", dir);
		remove(path);
		snprintf(path, sizeof path, "%s/imported.json", dir);
		remove(path);
		rmdir(dir);
	}
	printf("\nhostile: done%s\n", bad ? " (with failures)" : "");
	return bad;
}
