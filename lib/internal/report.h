/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reports (internal): the report model computed once and shared by every format, the
 * renderers (report_text.c, report_md.c, report_html.c, report_csv.c, report_diff.c,
 * report_svg.c), and the text helpers they use: numbers for people (numfmt.c), Markdown
 * and HTML escaping (markup.c), safe terminal text (term.c) and CSV cells (csv_out.c,
 * declared in internal/csv_out.h).
 */
#ifndef ITSMA_INTERNAL_REPORT_H
#define ITSMA_INTERNAL_REPORT_H

#include "itsma.h"
#include "itsma/report.h"
#include "internal/buf.h"
#include "internal/csv_out.h"

/* ---- the model (report_model.c) -------------------------------------------------------------- */

/* A nonconformity change with its place in the diff (for a stable order). */
typedef struct itsma__nc_item {
	const itsma_nonconformity_diff *x;
	size_t order;
} itsma__nc_item;

/* A comparison, ordered for people: requirements improved and regressed, largest change
 * first then catalogue order; nonconformity changes, opened first, then changed to major,
 * closed, other changes of class, catalogue order within each. */
typedef struct itsma__changes {
	const itsma_diff *d;
	const itsma_requirement_diff **improved, **regressed;
	size_t nimproved, nregressed;
	itsma__nc_item *nc;
	size_t nnc;
} itsma__changes;

/* Order a diff's changes; 0 or ITSMA_ENOMEM. Free with itsma__changes_free(). */
int itsma__changes_init(itsma__changes *c, const itsma_diff *d);
void itsma__changes_free(itsma__changes *c);
/* The improved (want ITSMA_CHANGE_IMPROVED) or regressed list; its length in *n. */
const itsma_requirement_diff *const *itsma__changes_list(const itsma__changes *c, itsma_change want,
                                                         size_t *n);

typedef struct itsma__report {
	const itsma_result *r;      /* the result reported on */
	const itsma_assessment *a;  /* its assessment */
	const itsma_catalogue *cat; /* its catalogue */
	const itsma_result *base;   /* the baseline's result, or NULL */
	const itsma_diff *diff;     /* baseline -> this result, or NULL */
	size_t top;                 /* how many gaps to list */
	int colour;                 /* text only: ANSI colour */
	unsigned int sections;      /* itsma_report_section bits */
	size_t width;               /* text only: where prose wraps */
	const char *title;          /* the assessment's title, or "Self-assessment ID" */
	/* the clause groups charted and tabled: the top-level sections in scope (or the
	 * children of the scored section) */
	const itsma_section_result **groups;
	size_t ngroups;
	/* the applicable processes in catalogue order */
	const itsma_section_result **procs;
	size_t nprocs;
	/* capability gap of each section, by itsma_section_index() (NULL: none) */
	const itsma_capability_gap **gap_of;
	size_t ngap_of;
	itsma__changes changes; /* with a baseline */
	/* owned */
	itsma_diff *own_diff;
	char *own_title;
} itsma__report;

/* Build the model of a report; 0 or an error code with err set. Free with
 * itsma__report_free() (also after a failure). */
int itsma__report_init(itsma__report *rp, const itsma_result *r, const itsma_result *base,
                       const itsma_report_options *o, itsma_error *err);
void itsma__report_free(itsma__report *rp);
/* The capability gap of a process, or NULL (constant time). */
const itsma_capability_gap *itsma__report_gap_of(const itsma__report *rp, const itsma_section *p);
/* Whether a section of the report is wanted. */
#define ITSMA__WANT(rp, bit) (((rp)->sections & (unsigned int)(bit)) != 0)

/* ---- pieces every format shares (report_model.c) ----------------------------------------- */
/* Guidance of a gap as "ITIL 4: A, B; COBIT 2019: C" (source names from the catalogue),
 * with each value passed through @p escape (NULL: as is). Empty when there is none. */
/* What a process below its target needs, as the Markdown and HTML reports say it after its
 * name: "level 1, target 3. Needs PA2.1 F (now L), PA2.2 L (now P)." */
void itsma__capability_gap_needs(itsma__buf *out, const itsma_capability_gap *g);
/* The result's scoring warnings as a list (nothing when there is none): markup[0], then each
 * warning between markup[1] and markup[2], escaped with @p escape; then markup[3]. Markdown
 * and HTML share it. */
void itsma__report_warnings(itsma__buf *out, const itsma__report *rp, const char *const markup[4],
                            void (*escape)(itsma__buf *, const char *));
void itsma__gap_guidance(itsma__buf *out, const itsma_gap *g, const itsma_catalogue *cat,
                         const char *sep, void (*escape)(itsma__buf *, const char *));
/* A requirement's process id, or "" outside every process. */
const char *itsma__requirement_process_id(const itsma_requirement *q);
/* The band letter of a requirement result as text ("L"), or "" when excluded. */
const char *itsma__result_letter(const itsma_requirement_result *q);
/* The status of a process's capability against its target, in words. */
const char *itsma__target_status(int level, int target);
/* The dates of an evidence issue for display: "expired on 2026-06-30" and so on. */
void itsma__evidence_issue_detail(itsma__buf *out, const itsma_evidence_issue *i);
/* "rated P (41.25)", "rated L+ without current evidence, counts 0", "not assessed". */
void itsma__rating_summary(itsma__buf *out, const itsma_requirement_result *q);

/* ---- renderers ----------------------------------------------------------------------------- */
void itsma__report_text(itsma__buf *out, const itsma__report *rp);
void itsma__report_md(itsma__buf *out, const itsma__report *rp);
void itsma__report_csv(itsma__buf *out, const itsma__report *rp);
void itsma__report_html(itsma__buf *out, const itsma__report *rp);
/* A catalogue for people (catalogue_render.c); 0 or an error code with @p err set. */
int itsma__catalogue_render(itsma__buf *out, const itsma_catalogue *cat, itsma_catalogue_view view,
                            itsma_report_format format, itsma_error *err);
/* A comparison as text; @p limit caps each list of requirements (0: no cap). */
void itsma__diff_text(itsma__buf *out, const itsma__changes *c, int colour, size_t limit);
/* A comparison as Markdown; @p level is the heading level of its sub-headings. */
void itsma__diff_md(itsma__buf *out, const itsma__changes *c, int level, size_t limit);
/* A trend (report_trend.c) in a format; colour and width as for the text report. */
void itsma__trend_report(itsma__buf *out, const itsma_trend *t, const itsma_report_options *o);

/* ---- HTML pages (html_page.c) ------------------------------------------------------------- */
/* From the doctype to <body>: the Content-Security-Policy, "<title>TITLE — DATE</title>"
 * (@p title escaped) and the style sheet. */
void itsma__html_begin(itsma__buf *out, const char *title, const char *date);
/* The script that sorts tables (allowed by its hash), then </body></html>. */
void itsma__html_end(itsma__buf *out);

/* ---- charts (report_svg.c) ----------------------------------------------------------------- */
typedef struct itsma__radar_axis {
	const char *label; /* short, drawn at the rim ("8.6.1") */
	const char *title; /* full, in the tooltip */
	int level;         /* capability level 0-5 */
	int target;        /* -1: none */
	int before;        /* -1: no baseline */
} itsma__radar_axis;
/* A radar chart of capability level (and target, and baseline level) per process. */
void itsma__svg_radar(itsma__buf *out, const itsma__radar_axis *axes, size_t n);

typedef struct itsma__bar_item {
	const char *label; /* "8" */
	const char *title; /* "Operation of the service management system" */
	double value;      /* 0-100, or NaN */
	double before;     /* NaN: no baseline bar */
} itsma__bar_item;
/* Horizontal bars of compliance per clause group; with @p compare, a before and after bar
 * per group. */
void itsma__svg_bars(itsma__buf *out, const itsma__bar_item *items, size_t n, int compare,
                     const char *caption);

typedef struct itsma__line_series {
	const char *name;     /* "overall" */
	const char *colour;   /* "#2563eb" */
	const double *values; /* one per point, 0-100, NaN: no point */
} itsma__line_series;
/* Line charts of percentages over @p n points labelled @p labels (dates). */
void itsma__svg_lines(itsma__buf *out, const char *const *labels, size_t n,
                      const itsma__line_series *series, size_t ns, const char *caption);

/* ---- numbers for people (numfmt.c); each writes into buf (at least 48 bytes) -------------- */
/* At most @p decimals decimals, trailing zeros dropped ("67.5"); "n/a" for NaN. */
const char *itsma__fmt_num(char *buf, double v, int decimals);
/* One decimal and a "%" sign ("63.2%"), "n/a" for NaN. */
const char *itsma__fmt_pct(char *buf, double v);
/* A signed difference ("+4.1", "-0.3", "0.0"), "n/a" for NaN. */
const char *itsma__fmt_delta(char *buf, double v, int decimals);
/* A gain in points with two decimals: "+0.40". */
const char *itsma__fmt_gain(char *buf, double gain);

/* ---- markup (markup.c) ---------------------------------------------------------------------- */
/* Inline Markdown text, safe in a table cell: no emphasis, link, autolink, HTML or line
 * break can come from @p s. */
void itsma__md_escape(itsma__buf *b, const char *s);
/* A Markdown code span of @p s (`id`); with @p in_table, '|' is escaped as GitHub's tables
 * need. */
void itsma__md_code(itsma__buf *b, const char *s, int in_table);
/* HTML text and attribute values. */
void itsma__html_escape(itsma__buf *b, const char *s);

/* ---- terminal text (term.c) ----------------------------------------------------------------- */
/* One character of @p p as a terminal shows it: its bytes, or an escape, into rep[12]
 * (*rep_len bytes); returns the number of bytes of @p p it stands for (at least 1). */
size_t itsma__term_unit(const unsigned char *p, char *rep, size_t *rep_len);
/* Append @p s with every control shown as a visible escape (itsma_terminal_escape()). */
void itsma__term_put(itsma__buf *b, const char *s);
/* Columns @p s takes once escaped (one per code point, or per escape character). */
size_t itsma__term_width(const char *s);
/* Append @p s escaped, cut to at most @p width columns between two characters (never
 * inside a UTF-8 sequence or an escape), ending with an ellipsis when cut; then pad with
 * spaces to @p width when @p pad is set. */
void itsma__term_fit(itsma__buf *b, const char *s, size_t width, int pad);
/* Append @p text escaped and wrapped at @p width columns; the first line starts at column
 * @p indent (already written) and later lines are indented by as many spaces. */
void itsma__term_wrap(itsma__buf *b, const char *text, size_t indent, size_t width);
/* printf for terminal text: every %s argument is appended escaped (itsma__term_put);
 * understands only %s, %d, %zu and %%. */
void itsma__term_printf(itsma__buf *b, const char *fmt, ...);
/* ANSI colours of the text formats. */
typedef enum itsma__colour {
	ITSMA__COL_RESET = 0,
	ITSMA__COL_BOLD,
	ITSMA__COL_DIM,
	ITSMA__COL_RED,
	ITSMA__COL_GREEN,
	ITSMA__COL_YELLOW,
	ITSMA__COL_BLUE,
	ITSMA__COL_MAGENTA,
	ITSMA__COL_CYAN
} itsma__colour;
/* The ANSI sequence of @p c, or "" when colour is off. */
const char *itsma__col(int enabled, itsma__colour c);
/* The colour of a band letter: N red, P yellow, L cyan, F green. */
itsma__colour itsma__letter_colour(itsma_letter l);
/* The colour of a verdict. */
itsma__colour itsma__verdict_colour(itsma_verdict v);

#endif
