/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/report.h
 * @brief Reports of a scoring result for people and spreadsheets: text for a terminal,
 * Markdown, one self-contained HTML page with SVG charts, and CSV; with a baseline result,
 * what changed since it. Also a comparison (itsma_diff) in words, and the words for
 * verdicts and process attributes that every report uses.
 *
 * A report is computed once into a model (verdict meaning, clause groups, process rows,
 * capability gaps by process, changes ordered by size) that every format renders. The
 * bytes written depend only on the result, the baseline and the options: the same inputs
 * give the same report.
 *
 * **Output is safe for its reader.** Every text that comes from a catalogue or an
 * assessment is escaped for the format: HTML and SVG escape markup, and the page's
 * Content-Security-Policy allows only its own inline style and its one script (by hash);
 * Markdown escapes emphasis, links, tables and autolinks; the text report and the
 * comparison show terminal controls (ESC, BEL, CR, newline, other C0 and C1 controls)
 * visibly as `\x1b`-style escapes and cut columns only between characters; CSV cells that
 * a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) are
 * quoted and prefixed with `'`, while the figures the library writes stay numbers.
 *
 * Where the bytes go: a sink callback with a payload (itsma_report_write()), a `FILE *`
 * (itsma_report_file()), or a new string (itsma_report_string()).
 *
 * **Thread safety:** rendering only reads the results, so reports of the same results may
 * be rendered concurrently.
 */
#ifndef ITSMA_REPORT_H
#define ITSMA_REPORT_H

#include <stdio.h>

#include "common.h"
#include "errors.h"
#include "rating.h"
#include "result.h"
#include "diff.h"
#include "catalogue.h"

ITSMA_BEGIN_DECL

/** Report formats. */
typedef enum itsma_report_format {
	ITSMA_REPORT_FORMAT_TEXT = 0, /**< For a terminal (ANSI colour only when asked for). */
	ITSMA_REPORT_FORMAT_MD,       /**< Markdown (CommonMark with GitHub tables). */
	ITSMA_REPORT_FORMAT_HTML,     /**< One self-contained HTML page with SVG charts. */
	ITSMA_REPORT_FORMAT_CSV       /**< One row per requirement, RFC 4180 (CRLF). */
} itsma_report_format;
/** "text", "md", "html", "csv"; "" for a value outside the enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_report_format_name(itsma_report_format value);
/** The value of a word of itsma_report_format_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_report_format_parse(itsma_report_format *out, const char *word,
                                            itsma_error *err) ITSMA_WARN_UNUSED;

/** Parts of a report (bits of itsma_report_options::sections). The title and the
 * assessment's identification are always written; CSV has no sections. */
typedef enum itsma_report_section {
	ITSMA_REPORT_SECTION_SUMMARY =
	    1u << 0, /**< Verdict and its meaning, compliance figures, tallies. */
	ITSMA_REPORT_SECTION_CLAUSES = 1u
	                               << 1, /**< Compliance by clause group (HTML: the charts). */
	ITSMA_REPORT_SECTION_CAPABILITY =
	    1u << 2,                         /**< Capability profile and processes below target. */
	ITSMA_REPORT_SECTION_GAPS = 1u << 3, /**< The top gaps: what to fix first. */
	ITSMA_REPORT_SECTION_NONCONFORMITIES = 1u << 4, /**< Nonconformities. */
	ITSMA_REPORT_SECTION_EVIDENCE = 1u << 5,        /**< Evidence issues. */
	ITSMA_REPORT_SECTION_WARNINGS = 1u << 6,        /**< Scoring warnings. */
	ITSMA_REPORT_SECTION_CHANGES = 1u << 7,         /**< With a baseline: what changed. */
	ITSMA_REPORT_SECTION_REQUIREMENTS = 1u << 8,    /**< HTML: every requirement (folded). */
	ITSMA_REPORT_SECTION_ALL = 0x1ffu               /**< Everything (the default). */
} itsma_report_section;
/** "summary", "clauses", "capability", "gaps", "nonconformities", "evidence", "warnings",
 * "changes", "requirements" for the single sections, "all" for #ITSMA_REPORT_SECTION_ALL; "" for
 * any other combination of bits. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_report_section_name(itsma_report_section value);
/** The value of a word of itsma_report_section_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_report_section_parse(itsma_report_section *out, const char *word,
                                             itsma_error *err) ITSMA_WARN_UNUSED;

/** Report options. Versioned; fields are only appended. */
typedef struct itsma_report_options {
	unsigned int version;       /**< #ITSMA_REPORT_OPTIONS_VERSION. */
	itsma_report_format format; /**< Default #ITSMA_REPORT_FORMAT_TEXT. */
	size_t top;                 /**< How many gaps to list; default 10. */
	unsigned int sections; /**< itsma_report_section bits; default #ITSMA_REPORT_SECTION_ALL. */
	int colour;            /**< Text only: ANSI colour when non-zero; default 0. */
	size_t width;          /**< Text only: column at which prose wraps; default 96
	                            (tables keep their fixed columns). */
	size_t limit;          /**< Comparisons (itsma_diff_report_*): requirements listed
	                            per list, 0 for all; default #ITSMA_REPORT_LIMIT_DEFAULT
	                            (text 15, Markdown all). */
} itsma_report_options;
/** Current version of itsma_report_options. */
#define ITSMA_REPORT_OPTIONS_VERSION 1
/** itsma_report_options::limit: the format's own default. */
#define ITSMA_REPORT_LIMIT_DEFAULT ((size_t)-1)
/** Static initialiser for itsma_report_options. */
#define ITSMA_REPORT_OPTIONS_INIT                                                                  \
	{                                                                                          \
		ITSMA_REPORT_OPTIONS_VERSION, ITSMA_REPORT_FORMAT_TEXT, 10,                        \
		    ITSMA_REPORT_SECTION_ALL, 0, 96, ITSMA_REPORT_LIMIT_DEFAULT                    \
	}
/** Initialise report options to defaults. @return 0 or #ITSMA_EINVAL for an unknown version. */
ITSMA_EXTERN(int) itsma_report_options_init(itsma_report_options *opts, unsigned int version);

/**
 * Where a report's bytes go: called one or more times with consecutive pieces.
 * @param payload the caller's pointer, passed through.
 * @param data bytes (Borrowed for the call; not NUL-terminated). @param len their number.
 * @return 0 to go on; anything else stops the report, which then fails with #ITSMA_EIO.
 */
typedef int (*itsma_report_sink)(void *payload, const char *data, size_t len);

/**
 * Render a report of @p r, with what changed since @p baseline when it is not NULL.
 *
 * @code
 * itsma_report_options o;
 * itsma_report_options_init(&o, ITSMA_REPORT_OPTIONS_VERSION);
 * o.format = ITSMA_REPORT_FORMAT_HTML;
 * char *html = NULL;
 * if (itsma_report_string(&html, NULL, q4, q3, &o, &err) == 0)
 *     fputs(html, f);
 * itsma_free(html);
 * @endcode
 *
 * @param r the result reported on (Borrowed).
 * @param baseline an earlier result of the same catalogue id, or NULL (Borrowed).
 * @param opts options, or NULL for defaults.
 * @param sink receives the bytes. @param payload passed to @p sink.
 * @param err details on failure, or NULL.
 * @return 0; #ITSMA_EINVAL (NULL result or sink, bad options, a baseline of another
 *         catalogue); #ITSMA_EIO (the sink stopped); #ITSMA_ENOMEM.
 * **Ownership:** nothing changes hands. **Thread safety:** safe; the results are only read.
 */
ITSMA_EXTERN(int) itsma_report_write(const itsma_result *r, const itsma_result *baseline,
                                     const itsma_report_options *opts, itsma_report_sink sink,
                                     void *payload, itsma_error *err) ITSMA_WARN_UNUSED;
/**
 * Like itsma_report_write(), into a stream. @param f an open stream (Borrowed; not closed).
 * @return as itsma_report_write(); #ITSMA_EIO when writing fails (the message says why).
 */
ITSMA_EXTERN(int) itsma_report_file(FILE *f, const itsma_result *r, const itsma_result *baseline,
                                    const itsma_report_options *opts, itsma_error *err)
    ITSMA_WARN_UNUSED;
/**
 * Like itsma_report_write(), into a new NUL-terminated string.
 * @param[out] out the text; Owned: release with itsma_free(). NULL on failure.
 * @param[out] len_out its length in bytes, or NULL.
 */
ITSMA_EXTERN(int) itsma_report_string(char **out, size_t *len_out, const itsma_result *r,
                                      const itsma_result *baseline,
                                      const itsma_report_options *opts, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * A comparison in words, as `itsma compare` shows it: a heading naming both assessments,
 * every compliance figure before and after, the verdicts, capability levels that changed,
 * requirements improved and regressed (largest change first), nonconformities that changed
 * (opened first) and scope changes. Formats #ITSMA_REPORT_FORMAT_TEXT and #ITSMA_REPORT_FORMAT_MD;
 * the lists are cut at itsma_report_options::limit.
 * @return 0; #ITSMA_EINVAL (NULL diff or sink, another format); #ITSMA_EIO; #ITSMA_ENOMEM.
 * **Ownership:** nothing changes hands. **Thread safety:** safe.
 */
ITSMA_EXTERN(int) itsma_diff_report_write(const itsma_diff *d, const itsma_report_options *opts,
                                          itsma_report_sink sink, void *payload, itsma_error *err)
    ITSMA_WARN_UNUSED;
/** Like itsma_diff_report_write(), into a new string (Owned: release with itsma_free()). */
ITSMA_EXTERN(int) itsma_diff_report_string(char **out, size_t *len_out, const itsma_diff *d,
                                           const itsma_report_options *opts, itsma_error *err)
    ITSMA_WARN_UNUSED;

/* ---- a catalogue for people to read ------------------------------------------------------ */

/** What itsma_catalogue_render_write() shows of a catalogue. */
typedef enum itsma_catalogue_view {
	ITSMA_CATALOGUE_VIEW_CHECKLIST = 0, /**< A checklist to read and tick, clause by clause:
	                                    each process with its purpose and guidance, each
	                                    requirement with its obligation, item, basis, effective
	                                    weight, evidence hints and how to verify it; then the
	                                    generic practices of the process attributes. */
	ITSMA_CATALOGUE_VIEW_WEIGHTS        /**< One row per requirement, in catalogue order: its
	                                    obligation, weight and effective weight (its share of
	                                    the overall figure when everything applies). The same
	                                    figures as JSON: itsma_catalogue_weights_to_json(). */
} itsma_catalogue_view;
/** The word of a view: "checklist" or "weights" (common.h, "Names"); "" for another value. */
ITSMA_EXTERN(const char *) itsma_catalogue_view_name(itsma_catalogue_view value);
/** The value of a word of itsma_catalogue_view_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_catalogue_view_parse(itsma_catalogue_view *out, const char *word,
                                             itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Render a catalogue for people: as Markdown (#ITSMA_REPORT_FORMAT_MD; texts escaped as in every
 * Markdown report) or as text for a terminal (#ITSMA_REPORT_FORMAT_TEXT; control characters shown
 * as '?'). This is what `itsma catalogue show` prints.
 *
 * @code
 * char *md = NULL;
 * if (itsma_catalogue_render_string(&md, NULL, cat, ITSMA_CATALOGUE_VIEW_CHECKLIST,
 * ITSMA_REPORT_FORMAT_MD, &err) == 0) fputs(md, f); itsma_free(md);
 * @endcode
 *
 * @param cat the catalogue (Borrowed). @param view what to show. @param format text or md.
 * @param sink receives the bytes. @param payload passed to @p sink. @param err details, or NULL.
 * @return 0; #ITSMA_EINVAL (NULL catalogue or sink, unknown view, another format);
 *         #ITSMA_EIO (the sink stopped); #ITSMA_ENOMEM.
 * **Ownership:** nothing changes hands. **Thread safety:** safe; the catalogue is only read.
 */
ITSMA_EXTERN(int) itsma_catalogue_render_write(const itsma_catalogue *cat,
                                               itsma_catalogue_view view,
                                               itsma_report_format format, itsma_report_sink sink,
                                               void *payload, itsma_error *err) ITSMA_WARN_UNUSED;
/**
 * Like itsma_catalogue_render_write(), into a new NUL-terminated string.
 * @param[out] out the text; Owned: release with itsma_free(). NULL on failure.
 * @param[out] len_out its length in bytes, or NULL.
 */
ITSMA_EXTERN(int) itsma_catalogue_render_string(char **out, size_t *len_out,
                                                const itsma_catalogue *cat,
                                                itsma_catalogue_view view,
                                                itsma_report_format format, itsma_error *err)
    ITSMA_WARN_UNUSED;

/* ---- a verification of evidence in words ---------------------------------------------------- */

/** itsma_evidence_verify_report() flags. */
enum {
	ITSMA_VERIFY_REPORT_QUIET =
	    1u << 0, /**< Only the problems: no line for a file that matches. */
	ITSMA_VERIFY_REPORT_COLOUR = 1u << 1 /**< ANSI colour (green ok, red problems). */
};

/**
 * Verify the evidence of an assessment (itsma_evidence_verify(), default size bound) and say
 * what was found, as `itsma evidence verify` prints it: a line per record whose file was
 * checked (`ok`, `CHANGED` with both digests, `MISSING`, `REFUSED` with the reason,
 * `NOT-FILE`, `TOO-LARGE`, `UNREADABLE`), each written to @p sink as it is found, then a
 * tally ("3 checked: 2 ok, 1 missing, 0 changed", the other outcomes when there are any, and
 * the records skipped without a digest or with an absolute uri). Ids, uris and paths are
 * escaped for a terminal.
 * @param[out] checked_out how many files were checked (may be NULL).
 * @param[out] ok_out how many of them matched (may be NULL); the check passed when it equals
 *        a non-zero @p checked_out.
 * @param a the assessment (Borrowed). @param root the folder relative uris start from.
 * @param flags #ITSMA_VERIFY_REPORT_QUIET, #ITSMA_VERIFY_REPORT_COLOUR.
 * @return 0; #ITSMA_EINVAL (NULL arguments); #ITSMA_EIO (the sink stopped); #ITSMA_ENOMEM;
 *         the errors of itsma_evidence_verify().
 * **Ownership:** nothing changes hands. **Thread safety:** safe; the assessment is only read.
 */
ITSMA_EXTERN(int) itsma_evidence_verify_report(size_t *checked_out, size_t *ok_out,
                                               const itsma_assessment *a, const char *root,
                                               unsigned int flags, itsma_report_sink sink,
                                               void *payload, itsma_error *err) ITSMA_WARN_UNUSED;

/* ---- words shared by every report -------------------------------------------------------- */

/** One sentence saying what a verdict means. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_verdict_meaning(itsma_verdict verdict);
/* itsma_attribute_title(), the title of a process attribute, is in rating.h. */

/**
 * Text made safe to print on a terminal: C0 controls (including ESC, BEL, CR, newline
 * and tab), DEL and C1 controls become visible escapes (`\x1b`, `\x7f`, `\u009b`), and
 * bytes that are not UTF-8 become U+FFFD. Everything else is kept.
 * @param[out] out the text; Owned: release with itsma_free().
 * @param text the text (Borrowed). @return 0; #ITSMA_EINVAL (NULL); #ITSMA_ENOMEM.
 * **Thread safety:** safe.
 */
ITSMA_EXTERN(int) itsma_terminal_escape(char **out, const char *text, itsma_error *err)
    ITSMA_WARN_UNUSED;

ITSMA_END_DECL

#endif /* ITSMA_REPORT_H */
