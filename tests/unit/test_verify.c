/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Evidence verification (itsma/verify.h): every outcome, and confinement to the root — a
 * symlink out of the root (root/etcdir -> /etc), a symlink to /proc/kmsg, a FIFO, a folder,
 * a device node and ".." are reported, never read; missing, changed and matching files.
 */
#define _DEFAULT_SOURCE 1 /* mknod, makedev */
#include "harness.h"
#include "itsma/verify.h"
#include "itsma/report.h"

#include <errno.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

/* SHA-256 of "hello\n" and of "" */
#define SHA_HELLO "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"
#define SHA_EMPTY "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

typedef struct seen {
	char ids[32][16];
	itsma_evidence_check checks[32];
	char reasons[32][128];
	size_t n;
} seen;

static int collect(const itsma_evidence_finding *f, void *payload)
{
	seen *s = payload;
	if (s->n < 32) {
		snprintf(s->ids[s->n], sizeof s->ids[0], "%s", itsma_evidence_id(f->evidence));
		s->checks[s->n] = f->check;
		snprintf(s->reasons[s->n], sizeof s->reasons[0], "%s", f->reason ? f->reason : "");
		if (f->check == ITSMA_EVIDENCE_CHECK_OK || f->check == ITSMA_EVIDENCE_CHECK_CHANGED)
			CU_ASSERT(f->actual_sha256 && strlen(f->actual_sha256) == 64);
		s->n++;
	}
	return 0;
}

static itsma_evidence_check check_of(const seen *s, const char *id, const char **reason)
{
	size_t i;
	for (i = 0; i < s->n; i++)
		if (strcmp(s->ids[i], id) == 0) {
			if (reason)
				*reason = s->reasons[i];
			return s->checks[i];
		}
	CU_FAIL("evidence id not reported");
	return (itsma_evidence_check)-1;
}

static void add(itsma_assessment *a, const char *id, const char *uri, const char *sha)
{
	itsma_evidence_spec spec = ITSMA_EVIDENCE_SPEC_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	spec.id = id;
	spec.title = id;
	spec.collected = "2026-01-01";
	spec.uri = uri;
	spec.sha256 = sha;
	if (itsma_assessment_put_evidence(a, &spec, &err) < 0)
		fprintf(stderr, "%s: %s\n", id, err.message);
	CU_ASSERT_EQUAL_FATAL(err.code, 0);
}

static void spit(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	CU_ASSERT_FATAL(f != NULL);
	fputs(text, f);
	fclose(f);
}

static void test_outcomes(void)
{
	char root[600], p[700], cmd[2000];
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	seen s;
	const char *why = NULL;
	int have_dev;

	snprintf(root, sizeof root, "%s/verify-root", ITSMA_TEST_TMP);
	snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s/sub' '%s/folder'", root, root, root);
	CU_ASSERT_FATAL(system(cmd) == 0);
	snprintf(p, sizeof p, "%s/sub/ok.txt", root);
	spit(p, "hello\n");
	snprintf(p, sizeof p, "%s/changed.txt", root);
	spit(p, "tampered\n");
	snprintf(p, sizeof p, "%s/empty", root);
	spit(p, "");
	snprintf(p, sizeof p, "%s/etcdir", root);
	CU_ASSERT_FATAL(symlink("/etc", p) == 0);
	snprintf(p, sizeof p, "%s/kmsg", root);
	CU_ASSERT_FATAL(symlink("/proc/kmsg", p) == 0);
	snprintf(p, sizeof p, "%s/inside-link", root);
	CU_ASSERT_FATAL(symlink("sub/ok.txt", p) == 0);
	snprintf(p, sizeof p, "%s/fifo", root);
	CU_ASSERT_FATAL(mkfifo(p, 0600) == 0);
	snprintf(p, sizeof p, "%s/null", root);
	have_dev = mknod(p, S_IFCHR | 0666, makedev(1, 3)) == 0;

	ASSERT_OK(itsma_catalogue_builtin(&cat, "iso20000-1:2018", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_new(&a, cat, "v", "2026-03-01", ASSERT_ERR));
	add(a, "OK", "sub/ok.txt", SHA_HELLO);
	add(a, "OK-UPPER", "./sub//ok%2Etxt?x=1#frag", SHA_HELLO);
	add(a, "EMPTY", "empty", SHA_EMPTY);
	add(a, "CHANGED", "changed.txt", SHA_HELLO);
	add(a, "MISSING", "no/such.txt", SHA_HELLO);
	add(a, "DOTDOT", "sub/../../etc/passwd", SHA_HELLO);
	add(a, "ETC", "etcdir/passwd", SHA_HELLO);
	add(a, "KMSG", "kmsg", SHA_HELLO);
	add(a, "LINK-IN", "inside-link", SHA_HELLO);
	add(a, "FIFO", "fifo", SHA_HELLO);
	add(a, "DIR", "folder", SHA_HELLO);
	add(a, "DEV", "null", SHA_HELLO);
	add(a, "BADPCT", "a%zz", SHA_HELLO);
	add(a, "NUL", "a%00b", SHA_HELLO);
	add(a, "WEB", "https://example.org/x", SHA_HELLO);
	add(a, "ABS", "/etc/passwd", SHA_HELLO);
	add(a, "NODIGEST", "sub/ok.txt", NULL);
	add(a, "NOURI", NULL, NULL);

	memset(&s, 0, sizeof s);
	ASSERT_OK(itsma_evidence_verify(a, root, 0, collect, &s, ASSERT_ERR));
	CU_ASSERT_EQUAL(s.n, 18);
	CU_ASSERT_EQUAL(check_of(&s, "OK", NULL), ITSMA_EVIDENCE_CHECK_OK);
	CU_ASSERT_EQUAL(check_of(&s, "OK-UPPER", NULL), ITSMA_EVIDENCE_CHECK_OK);
	CU_ASSERT_EQUAL(check_of(&s, "EMPTY", NULL), ITSMA_EVIDENCE_CHECK_OK);
	CU_ASSERT_EQUAL(check_of(&s, "CHANGED", NULL), ITSMA_EVIDENCE_CHECK_CHANGED);
	CU_ASSERT_EQUAL(check_of(&s, "MISSING", NULL), ITSMA_EVIDENCE_CHECK_MISSING);
	CU_ASSERT_EQUAL(check_of(&s, "DOTDOT", NULL), ITSMA_EVIDENCE_CHECK_REFUSED);
	CU_ASSERT_EQUAL(check_of(&s, "ETC", &why), ITSMA_EVIDENCE_CHECK_REFUSED);
	CU_ASSERT(strstr(why, "symbolic link") != NULL);
	CU_ASSERT_EQUAL(check_of(&s, "KMSG", NULL), ITSMA_EVIDENCE_CHECK_REFUSED);
	CU_ASSERT_EQUAL(check_of(&s, "LINK-IN", NULL), ITSMA_EVIDENCE_CHECK_REFUSED);
	CU_ASSERT_EQUAL(check_of(&s, "FIFO", &why), ITSMA_EVIDENCE_CHECK_NOT_REGULAR);
	CU_ASSERT_STRING_EQUAL(why, "a FIFO");
	CU_ASSERT_EQUAL(check_of(&s, "DIR", &why), ITSMA_EVIDENCE_CHECK_NOT_REGULAR);
	CU_ASSERT_STRING_EQUAL(why, "a directory");
	if (have_dev) {
		CU_ASSERT_EQUAL(check_of(&s, "DEV", &why), ITSMA_EVIDENCE_CHECK_NOT_REGULAR);
		CU_ASSERT_STRING_EQUAL(why, "a character device");
	}
	CU_ASSERT_EQUAL(check_of(&s, "BADPCT", NULL), ITSMA_EVIDENCE_CHECK_REFUSED);
	CU_ASSERT_EQUAL(check_of(&s, "NUL", NULL), ITSMA_EVIDENCE_CHECK_REFUSED);
	CU_ASSERT_EQUAL(check_of(&s, "WEB", NULL), ITSMA_EVIDENCE_CHECK_NOT_CHECKABLE);
	CU_ASSERT_EQUAL(check_of(&s, "ABS", NULL), ITSMA_EVIDENCE_CHECK_NOT_CHECKABLE);
	CU_ASSERT_EQUAL(check_of(&s, "NODIGEST", NULL), ITSMA_EVIDENCE_CHECK_NO_DIGEST);
	CU_ASSERT_EQUAL(check_of(&s, "NOURI", NULL), ITSMA_EVIDENCE_CHECK_NOT_CHECKABLE);

	/* the size bound: 5 bytes allowed, "hello\n" is 6 */
	memset(&s, 0, sizeof s);
	ASSERT_OK(itsma_evidence_verify(a, root, 5, collect, &s, ASSERT_ERR));
	CU_ASSERT_EQUAL(check_of(&s, "OK", NULL), ITSMA_EVIDENCE_CHECK_TOO_LARGE);
	CU_ASSERT_EQUAL(check_of(&s, "EMPTY", NULL), ITSMA_EVIDENCE_CHECK_OK);

	/* a root that is no folder */
	snprintf(p, sizeof p, "%s/empty", root);
	CU_ASSERT_EQUAL(itsma_evidence_verify(a, p, 0, collect, &s, &err), ITSMA_EIO);
	CU_ASSERT_EQUAL(itsma_evidence_verify(a, root, 0, NULL, &s, &err), ITSMA_EINVAL);
	CU_ASSERT_STRING_EQUAL(itsma_evidence_check_name(ITSMA_EVIDENCE_CHECK_NOT_REGULAR),
	                       "not-regular");
	CU_ASSERT_STRING_EQUAL(itsma_evidence_check_name((itsma_evidence_check)99), "");
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
}

/* A /proc file is "regular" with size 0 but yields bytes: refused, not hashed forever. */
static void test_proc_file(void)
{
	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	seen s;
	if (access("/proc/self/status", R_OK) != 0)
		return;
	ASSERT_OK(itsma_catalogue_builtin(&cat, "iso20000-1:2018", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_new(&a, cat, "v", "2026-03-01", ASSERT_ERR));
	add(a, "STATUS", "self/status", SHA_HELLO);
	memset(&s, 0, sizeof s);
	ASSERT_OK(itsma_evidence_verify(a, "/proc", 0, collect, &s, ASSERT_ERR));
	/* /proc/self is a symbolic link: refused before anything is opened */
	CU_ASSERT_EQUAL(check_of(&s, "STATUS", NULL), ITSMA_EVIDENCE_CHECK_REFUSED);
	memset(&s, 0, sizeof s);
	ASSERT_OK(itsma_evidence_verify(a, "/proc/self/..", 0, collect, &s, ASSERT_ERR));
	itsma_assessment_free(a);
	ASSERT_OK(itsma_assessment_new(&a, cat, "v", "2026-03-01", ASSERT_ERR));
	add(a, "VERSION", "version", SHA_HELLO);
	memset(&s, 0, sizeof s);
	ASSERT_OK(itsma_evidence_verify(a, "/proc", 0, collect, &s, ASSERT_ERR));
	CU_ASSERT_EQUAL(check_of(&s, "VERSION", NULL), ITSMA_EVIDENCE_CHECK_UNREADABLE);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
}

/* The callback's non-zero value stops the run and is returned. */
static int stop_at_first(const itsma_evidence_finding *f, void *payload)
{
	(void)f;
	++*(int *)payload;
	return 7;
}

static void test_callback_stops(void)
{
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	int calls = 0;
	ASSERT_OK(itsma_catalogue_builtin(&cat, "iso20000-1:2018", ASSERT_ERR));
	ASSERT_OK(itsma_assessment_new(&a, cat, "v", "2026-03-01", ASSERT_ERR));
	add(a, "A", "https://x/a", NULL);
	add(a, "B", "https://x/b", NULL);
	CU_ASSERT_EQUAL(itsma_evidence_verify(a, ".", 0, stop_at_first, &calls, &err), 7);
	CU_ASSERT_EQUAL(calls, 1);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
}

typedef struct text_sink {
	char text[4096];
	size_t len;
	int stop;
} text_sink;

static int to_text(void *payload, const char *data, size_t len)
{
	text_sink *t = payload;
	if (t->stop || t->len + len >= sizeof t->text)
		return 1;
	memcpy(t->text + t->len, data, len);
	t->len += len;
	t->text[t->len] = '\0';
	return 0;
}

/* A verification in words (itsma_evidence_verify_report): a line per checked file, a tally. */
static void test_report(void)
{
	char root[600], p[1000], cmd[2000];
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	text_sink t = { "", 0, 0 };
	size_t checked = 9, ok = 9;

	snprintf(root, sizeof root, "%s/verify-report", ITSMA_TEST_TMP);
	snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", root, root);
	CU_ASSERT_FATAL(system(cmd) == 0);
	snprintf(p, sizeof p, "%s/ok.txt", root);
	spit(p, "hello\n");
	snprintf(p, sizeof p, "%s/changed.txt", root);
	spit(p, "");
	ASSERT_OK(itsma_catalogue_builtin(&cat, "iso20000-1:2018", &err));
	ASSERT_OK(itsma_assessment_new(&a, cat, "v", "2026-03-01", &err));
	add(a, "E-OK", "ok.txt", SHA_HELLO);
	add(a, "E-CHANGED", "changed.txt", SHA_HELLO);
	add(a, "E-MISSING", "gone.txt", SHA_HELLO);
	add(a, "E-UP", "../ok.txt", SHA_HELLO);
	add(a, "E-REMOTE", "https://x/a", SHA_HELLO);
	add(a, "E-NODIGEST", "ok.txt", NULL);
	ASSERT_OK(itsma_evidence_verify_report(&checked, &ok, a, root, 0, to_text, &t, &err));
	CU_ASSERT_EQUAL(checked, 4);
	CU_ASSERT_EQUAL(ok, 1);
	snprintf(p, sizeof p, "ok        E-OK         %s/ok.txt\n", root);
	CU_ASSERT_PTR_NOT_NULL(strstr(t.text, p));
	snprintf(p, sizeof p,
	         "CHANGED   E-CHANGED    %s/changed.txt: sha256 is " SHA_EMPTY
	         ", the assessment records " SHA_HELLO "\n",
	         root);
	CU_ASSERT_PTR_NOT_NULL(strstr(t.text, p));
	snprintf(p, sizeof p, "MISSING   E-MISSING    %s/gone.txt: ", root);
	CU_ASSERT_PTR_NOT_NULL(strstr(t.text, p));
	CU_ASSERT_PTR_NOT_NULL(strstr(t.text, "REFUSED   E-UP         ../ok.txt: refused: "));
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(t.text,
	           "\n4 checked: 1 ok, 1 missing, 1 changed, 1 refused; skipped 1 without a digest "
	           "and 1 not under the root (absolute uri)\n"));
	/* quiet: the problems only; colour: green and red */
	t.len = 0;
	ASSERT_OK(itsma_evidence_verify_report(
	    NULL, NULL, a, root, ITSMA_VERIFY_REPORT_QUIET | ITSMA_VERIFY_REPORT_COLOUR, to_text,
	    &t, &err));
	CU_ASSERT_PTR_NULL(strstr(t.text, "E-OK"));
	CU_ASSERT_PTR_NOT_NULL(strstr(t.text, "\x1b[31mCHANGED  \x1b[0m E-CHANGED"));
	/* a sink that stops; NULL arguments */
	t.stop = 1;
	CU_ASSERT_EQUAL(itsma_evidence_verify_report(&checked, &ok, a, root, 0, to_text, &t, &err),
	                ITSMA_EIO);
	CU_ASSERT_EQUAL(checked, 0);
	CU_ASSERT_EQUAL(itsma_evidence_verify_report(NULL, NULL, a, NULL, 0, to_text, &t, &err),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_evidence_verify_report(NULL, NULL, a, root, 0, NULL, NULL, &err),
	                ITSMA_EINVAL);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
}

static const itsma_test_case tests[] = {
	{ "outcomes", test_outcomes },
	{ "proc_file", test_proc_file },
	{ "callback_stops", test_callback_stops },
	{ "report", test_report },
	{ NULL, NULL },
};

ITSMA_TEST_MAIN("verify", tests)
