/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reports: options, formats, and where the bytes go (a sink callback, a stream or a new
 * string). The model is built once (report_model.c) and handed to the format's renderer.
 */
#include "internal/report.h"
#include "internal/error.h"
#include "internal/enumword.h"

#include <errno.h>
#include <string.h>

ITSMA__ENUM_WORDS(report_format, "a report format", { "text", ITSMA_REPORT_FORMAT_TEXT },
                  { "md", ITSMA_REPORT_FORMAT_MD }, { "html", ITSMA_REPORT_FORMAT_HTML },
                  { "csv", ITSMA_REPORT_FORMAT_CSV })
/* The single sections, then all of them; other combinations of bits have no word. */
ITSMA__ENUM_WORDS(report_section, "a report section", { "summary", ITSMA_REPORT_SECTION_SUMMARY },
                  { "clauses", ITSMA_REPORT_SECTION_CLAUSES },
                  { "capability", ITSMA_REPORT_SECTION_CAPABILITY },
                  { "gaps", ITSMA_REPORT_SECTION_GAPS },
                  { "nonconformities", ITSMA_REPORT_SECTION_NONCONFORMITIES },
                  { "evidence", ITSMA_REPORT_SECTION_EVIDENCE },
                  { "warnings", ITSMA_REPORT_SECTION_WARNINGS },
                  { "changes", ITSMA_REPORT_SECTION_CHANGES },
                  { "requirements", ITSMA_REPORT_SECTION_REQUIREMENTS },
                  { "all", ITSMA_REPORT_SECTION_ALL })

int itsma_report_options_init(itsma_report_options *opts, unsigned int version)
{
	itsma_report_options def = ITSMA_REPORT_OPTIONS_INIT;
	if (!opts || itsma__version_check(version, ITSMA_REPORT_OPTIONS_VERSION, NULL, NULL) < 0)
		return ITSMA_EINVAL;
	*opts = def;
	return 0;
}

static int check_options(const itsma_report_options **o, itsma_error *err)
{
	static const itsma_report_options def = ITSMA_REPORT_OPTIONS_INIT;
	if (!*o)
		*o = &def;
	if (itsma__version_check((*o)->version, ITSMA_REPORT_OPTIONS_VERSION,
	                         "itsma_report_options", err) < 0)
		return ITSMA_EINVAL;
	if (itsma_report_format_name((*o)->format)[0] == '\0')
		return itsma__error_set(err, ITSMA_EINVAL, "unknown report format %d",
		                        (int)(*o)->format);
	return 0;
}

/* Hand the text to the sink (or report the allocation failure). */
static int deliver(itsma__buf *b, itsma_report_sink sink, void *payload, itsma_error *err)
{
	int rc = 0;
	if (b->oom)
		rc = itsma__error_nomem(err);
	else if (b->len && sink(payload, b->data, b->len) != 0)
		rc = itsma__error_set(err, ITSMA_EIO, "the report's sink stopped it");
	itsma__buf_free(b);
	return rc;
}

int itsma_report_write(const itsma_result *r, const itsma_result *baseline,
                       const itsma_report_options *opts, itsma_report_sink sink, void *payload,
                       itsma_error *err)
{
	itsma__error_reset(err);
	itsma__report rp;
	itsma__buf b = ITSMA__BUF_INIT;
	int rc;
	if (!r || !sink)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_report_write: NULL result or sink");
	if ((rc = check_options(&opts, err)) < 0)
		return rc;
	if ((rc = itsma__report_init(&rp, r, baseline, opts, err)) < 0) {
		itsma__report_free(&rp);
		return rc;
	}
	switch (opts->format) {
	case ITSMA_REPORT_FORMAT_MD: itsma__report_md(&b, &rp); break;
	case ITSMA_REPORT_FORMAT_HTML: itsma__report_html(&b, &rp); break;
	case ITSMA_REPORT_FORMAT_CSV: itsma__report_csv(&b, &rp); break;
	default: itsma__report_text(&b, &rp); break;
	}
	itsma__report_free(&rp);
	return deliver(&b, sink, payload, err);
}

int itsma_diff_report_write(const itsma_diff *d, const itsma_report_options *opts,
                            itsma_report_sink sink, void *payload, itsma_error *err)
{
	itsma__error_reset(err);
	itsma__changes c;
	itsma__buf b = ITSMA__BUF_INIT;
	int rc;
	if (!d || !sink)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_diff_report_write: NULL diff or sink");
	if ((rc = check_options(&opts, err)) < 0)
		return rc;
	if (opts->format != ITSMA_REPORT_FORMAT_TEXT && opts->format != ITSMA_REPORT_FORMAT_MD)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "a comparison is written as text or md, not %s",
		                        itsma_report_format_name(opts->format));
	if (itsma__changes_init(&c, d) < 0)
		return itsma__error_nomem(err);
	const itsma_assessment *before = itsma_result_assessment(itsma_diff_before(d));
	const itsma_assessment *after = itsma_result_assessment(itsma_diff_after(d));
	const itsma_catalogue *cat = itsma_assessment_catalogue(after);
	size_t limit = opts->limit;
	if (opts->format == ITSMA_REPORT_FORMAT_MD) {
		itsma__buf_puts(&b, "# Comparison of ");
		itsma__md_escape(&b, itsma_assessment_id(before));
		itsma__buf_printf(&b, " (%s) with ", itsma_assessment_date(before));
		itsma__md_escape(&b, itsma_assessment_id(after));
		itsma__buf_printf(&b, " (%s)\n\nCatalogue: ", itsma_assessment_date(after));
		itsma__md_escape(&b, itsma_catalogue_title(cat));
		itsma__buf_puts(&b, " (");
		itsma__md_code(&b, itsma_catalogue_id(cat), 0);
		itsma__buf_printf(
		    &b, "). Evidence policy: %s.\n\n",
		    itsma_evidence_policy_name(itsma_result_policy(itsma_diff_after(d))));
		itsma__diff_md(&b, &c, 2, limit == ITSMA_REPORT_LIMIT_DEFAULT ? 0 : limit);
	} else {
		int colour = opts->colour;
		itsma__buf_printf(&b, "%sComparison%s ", itsma__col(colour, ITSMA__COL_BOLD),
		                  itsma__col(colour, ITSMA__COL_RESET));
		itsma__term_put(&b, itsma_assessment_id(before));
		itsma__buf_printf(&b, " (%s) \xE2\x86\x92 ", itsma_assessment_date(before));
		itsma__term_put(&b, itsma_assessment_id(after));
		itsma__buf_printf(&b, " (%s), catalogue ", itsma_assessment_date(after));
		itsma__term_put(&b, itsma_catalogue_id(cat));
		itsma__buf_puts(&b, "\n\n");
		itsma__diff_text(&b, &c, colour, limit == ITSMA_REPORT_LIMIT_DEFAULT ? 15 : limit);
	}
	itsma__changes_free(&c);
	return deliver(&b, sink, payload, err);
}

int itsma_trend_report_write(const itsma_trend *t, const itsma_report_options *opts,
                             itsma_report_sink sink, void *payload, itsma_error *err)
{
	itsma__error_reset(err);
	itsma__buf b = ITSMA__BUF_INIT;
	int rc;
	if (!t || !sink)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_trend_report_write: NULL trend or sink");
	if ((rc = check_options(&opts, err)) < 0)
		return rc;
	itsma__trend_report(&b, t, opts);
	return deliver(&b, sink, payload, err);
}

int itsma_catalogue_render_write(const itsma_catalogue *cat, itsma_catalogue_view view,
                                 itsma_report_format format, itsma_report_sink sink, void *payload,
                                 itsma_error *err)
{
	itsma__error_reset(err);
	itsma__buf b = ITSMA__BUF_INIT;
	int rc;
	if (!sink)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_catalogue_render_write: NULL sink");
	if ((rc = itsma__catalogue_render(&b, cat, view, format, err)) < 0) {
		itsma__buf_free(&b);
		return rc;
	}
	return deliver(&b, sink, payload, err);
}

/* ---- sinks ----------------------------------------------------------------------------------- */

static int file_sink(void *payload, const char *data, size_t len)
{
	return fwrite(data, 1, len, (FILE *)payload) == len ? 0 : -1;
}

int itsma_report_file(FILE *f, const itsma_result *r, const itsma_result *baseline,
                      const itsma_report_options *opts, itsma_error *err)
{
	itsma__error_reset(err);
	int rc;
	if (!f)
		return itsma__error_set(err, ITSMA_EINVAL, "itsma_report_file: NULL stream");
	errno = 0;
	rc = itsma_report_write(r, baseline, opts, file_sink, f, err);
	if (rc == ITSMA_EIO) {
		int e = errno;
		itsma__error_set(err, ITSMA_EIO, "cannot write the report: %s",
		                 e ? strerror(e) : "write error");
		if (err)
			err->sys_errno = e;
	}
	return rc;
}

static int buf_sink(void *payload, const char *data, size_t len)
{
	itsma__buf *b = payload;
	itsma__buf_append(b, data, len);
	return b->oom ? -1 : 0;
}

static int finish_string(int rc, itsma__buf *b, char **out, size_t *len_out, itsma_error *err)
{
	size_t len = b->len;
	if (rc == ITSMA_EIO && b->oom)
		rc = itsma__error_nomem(err);
	if (rc < 0) {
		itsma__buf_free(b);
		return rc;
	}
	if ((rc = itsma__buf_finish(b, out, err)) < 0)
		return rc;
	if (len_out)
		*len_out = len;
	return 0;
}

int itsma_report_string(char **out, size_t *len_out, const itsma_result *r,
                        const itsma_result *baseline, const itsma_report_options *opts,
                        itsma_error *err)
{
	itsma__error_reset(err);
	itsma__buf b = ITSMA__BUF_INIT;
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "itsma_report_string: out is NULL");
	*out = NULL;
	if (len_out)
		*len_out = 0;
	return finish_string(itsma_report_write(r, baseline, opts, buf_sink, &b, err), &b, out,
	                     len_out, err);
}

int itsma_diff_report_string(char **out, size_t *len_out, const itsma_diff *d,
                             const itsma_report_options *opts, itsma_error *err)
{
	itsma__error_reset(err);
	itsma__buf b = ITSMA__BUF_INIT;
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "itsma_diff_report_string: out is NULL");
	*out = NULL;
	if (len_out)
		*len_out = 0;
	return finish_string(itsma_diff_report_write(d, opts, buf_sink, &b, err), &b, out, len_out,
	                     err);
}

int itsma_trend_report_string(char **out, size_t *len_out, const itsma_trend *t,
                              const itsma_report_options *opts, itsma_error *err)
{
	itsma__error_reset(err);
	itsma__buf b = ITSMA__BUF_INIT;
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_trend_report_string: out is NULL");
	*out = NULL;
	if (len_out)
		*len_out = 0;
	return finish_string(itsma_trend_report_write(t, opts, buf_sink, &b, err), &b, out, len_out,
	                     err);
}

int itsma_catalogue_render_string(char **out, size_t *len_out, const itsma_catalogue *cat,
                                  itsma_catalogue_view view, itsma_report_format format,
                                  itsma_error *err)
{
	itsma__error_reset(err);
	itsma__buf b = ITSMA__BUF_INIT;
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_catalogue_render_string: out is NULL");
	*out = NULL;
	if (len_out)
		*len_out = 0;
	return finish_string(itsma_catalogue_render_write(cat, view, format, buf_sink, &b, err), &b,
	                     out, len_out, err);
}
