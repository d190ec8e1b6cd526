/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A verification of evidence in words (itsma_evidence_verify_report): one line per record
 * whose file was checked, saying what was found, then a tally. Text from the assessment
 * (ids, uris, paths) is escaped for a terminal (term.c).
 */
#include "internal/report.h"
#include "internal/error.h"

#include "itsma/verify.h"

#define NCHECKS (ITSMA_EVIDENCE_CHECK_NO_DIGEST + 1)

typedef struct run {
	const char *root;
	unsigned int flags;
	size_t checked, count[NCHECKS];
	itsma_report_sink sink;
	void *payload;
	int stopped;
} run;

static const char *const labels[] = { "ok",       "CHANGED",   "MISSING",   "REFUSED",
	                              "NOT-FILE", "TOO-LARGE", "UNREADABLE" };

/* @p s escaped, then spaces up to @p width columns. */
static void pad(itsma__buf *b, const char *s, size_t width)
{
	size_t w = itsma__term_width(s);
	itsma__term_put(b, s);
	if (w < width)
		itsma__buf_spaces(b, width - w);
}

static int line(const itsma_evidence_finding *f, void *payload)
{
	run *v = payload;
	int colour = (v->flags & ITSMA_VERIFY_REPORT_COLOUR) != 0;
	const char *uri = itsma_evidence_uri(f->evidence);
	itsma__buf b = ITSMA__BUF_INIT;
	if ((unsigned)f->check >= NCHECKS)
		return 0;
	if (f->check == ITSMA_EVIDENCE_CHECK_NOT_CHECKABLE) {
		v->count[f->check] +=
		    itsma_evidence_sha256(f->evidence) != NULL; /* a digest we cannot check */
		return 0;
	}
	v->count[f->check]++;
	if (f->check == ITSMA_EVIDENCE_CHECK_NO_DIGEST)
		return 0;
	v->checked++;
	if (f->check == ITSMA_EVIDENCE_CHECK_OK && (v->flags & ITSMA_VERIFY_REPORT_QUIET))
		return 0;
	itsma__buf_puts(&b,
	                itsma__col(colour, f->check == ITSMA_EVIDENCE_CHECK_OK ? ITSMA__COL_GREEN
	                                                                       : ITSMA__COL_RED));
	pad(&b, labels[f->check], 9);
	itsma__buf_printf(&b, "%s ", itsma__col(colour, ITSMA__COL_RESET));
	pad(&b, itsma_evidence_id(f->evidence), 12);
	itsma__buf_putc(&b, ' ');
	if (f->check != ITSMA_EVIDENCE_CHECK_REFUSED)
		itsma__term_printf(&b, "%s/%s", v->root, f->path ? f->path : uri);
	switch (f->check) {
	case ITSMA_EVIDENCE_CHECK_OK: break;
	case ITSMA_EVIDENCE_CHECK_CHANGED:
		itsma__term_printf(&b, ": sha256 is %s, the assessment records %s",
		                   f->actual_sha256, itsma_evidence_sha256(f->evidence));
		break;
	case ITSMA_EVIDENCE_CHECK_REFUSED:
		itsma__term_printf(&b, "%s: refused: %s", uri, f->reason);
		break;
	case ITSMA_EVIDENCE_CHECK_NOT_REGULAR:
		itsma__term_printf(&b, ": %s, not a regular file; not read", f->reason);
		break;
	case ITSMA_EVIDENCE_CHECK_TOO_LARGE:
		itsma__buf_printf(&b, ": %llu bytes, larger than the size bound; not read",
		                  f->size);
		break;
	default: itsma__term_printf(&b, ": %s", f->reason ? f->reason : ""); break;
	}
	itsma__buf_putc(&b, '\n');
	if (b.oom || v->sink(v->payload, b.data, b.len) != 0)
		v->stopped = b.oom ? ITSMA_ENOMEM : ITSMA_EIO;
	itsma__buf_free(&b);
	return v->stopped;
}

int itsma_evidence_verify_report(size_t *checked_out, size_t *ok_out, const itsma_assessment *a,
                                 const char *root, unsigned int flags, itsma_report_sink sink,
                                 void *payload, itsma_error *err)
{
	run v = { root, flags, 0, { 0 }, sink, payload, 0 };
	itsma__buf b = ITSMA__BUF_INIT;
	int rc;
	itsma__error_reset(err);
	if (checked_out)
		*checked_out = 0;
	if (ok_out)
		*ok_out = 0;
	if (!a || !root || !sink)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_evidence_verify_report: NULL argument");
	rc = itsma_evidence_verify(a, root, 0, line, &v, err);
	if (v.stopped == ITSMA_ENOMEM)
		return itsma__error_nomem(err);
	if (v.stopped)
		return itsma__error_set(err, ITSMA_EIO, "the report's sink stopped it");
	if (rc < 0)
		return rc;
	itsma__buf_printf(&b, "%zu checked: %zu ok, %zu missing, %zu changed", v.checked,
	                  v.count[ITSMA_EVIDENCE_CHECK_OK], v.count[ITSMA_EVIDENCE_CHECK_MISSING],
	                  v.count[ITSMA_EVIDENCE_CHECK_CHANGED]);
	static const struct {
		itsma_evidence_check check;
		const char *words;
	} more[] = { { ITSMA_EVIDENCE_CHECK_REFUSED, "refused" },
		     { ITSMA_EVIDENCE_CHECK_NOT_REGULAR, "not regular files" },
		     { ITSMA_EVIDENCE_CHECK_TOO_LARGE, "too large" },
		     { ITSMA_EVIDENCE_CHECK_UNREADABLE, "unreadable" } };
	for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
		if (v.count[more[i].check])
			itsma__buf_printf(&b, ", %zu %s", v.count[more[i].check], more[i].words);
	size_t no_digest = v.count[ITSMA_EVIDENCE_CHECK_NO_DIGEST];
	size_t not_local = v.count[ITSMA_EVIDENCE_CHECK_NOT_CHECKABLE];
	if (no_digest || not_local)
		itsma__buf_printf(
		    &b, "; skipped %zu without a digest and %zu not under the root (absolute uri)",
		    no_digest, not_local);
	itsma__buf_putc(&b, '\n');
	if (b.oom)
		rc = itsma__error_nomem(err);
	else if (sink(payload, b.data, b.len) != 0)
		rc = itsma__error_set(err, ITSMA_EIO, "the report's sink stopped it");
	itsma__buf_free(&b);
	if (rc == 0 && checked_out)
		*checked_out = v.checked;
	if (rc == 0 && ok_out)
		*ok_out = v.count[ITSMA_EVIDENCE_CHECK_OK];
	return rc;
}
