/*
 * Reports of a scoring result for people (text, Markdown, HTML) and spreadsheets (CSV),
 * and renderings of a comparison shared by `itsma compare` and `report --baseline`.
 */
#ifndef ITSMA_CLI_REPORT_H
#define ITSMA_CLI_REPORT_H

#include "cli.h"

/* Everything a report is made from. */
typedef struct report {
	const itsma_result *r;       /* the result reported on */
	const itsma_assessment *a;   /* its assessment */
	const itsma_catalogue *cat;  /* its catalogue */
	const itsma_result *base;    /* the baseline's result, or NULL */
	const itsma_diff *diff;      /* baseline -> this result, or NULL */
	size_t top;                  /* how many gaps to list */
	int colour;                  /* text only: ANSI colour */
} report;

void report_text(sb *out, const report *rp);
void report_md(sb *out, const report *rp);
void report_csv(sb *out, const report *rp);
void report_html(sb *out, const report *rp);

/* ---- comparisons (report_diff.c) --------------------------------------------------------- */
/* @p limit caps each list of requirements (0: no cap). */
void diff_text(sb *out, const itsma_diff *d, int colour, size_t limit);
/* @p level is the Markdown heading level of the comparison's sub-headings. */
void diff_md(sb *out, const itsma_diff *d, int level, size_t limit);
/* Requirement entries that improved (@p want ITSMA_CHANGE_IMPROVED) or regressed, sorted by
 * the size of the change, largest first, then catalogue order. Free the array. */
size_t diff_sorted(const itsma_diff *d, itsma_change want, const itsma_requirement_diff ***out);

/* ---- shared pieces (report_common.c) -------------------------------------------------------- */
/* "Performance management" for PA2.1, and so on. */
const char *attribute_title(itsma_attribute a);
/* One sentence saying what a verdict means. */
const char *verdict_meaning(itsma_verdict v);
/* The report's title: the assessment's title, or "Self-assessment ID". */
const char *report_title(const itsma_assessment *a);
/* The catalogue's title. */
const char *catalogue_title(const itsma_result *r);
/* The clause groups charted and tabled: the top-level sections in scope (or the children of
 * the scored section). Free the array. */
size_t report_groups(const itsma_result *r, const itsma_section_result ***out);
/* The applicable processes in catalogue order. Free the array. */
size_t report_processes(const itsma_result *r, const itsma_section_result ***out);
/* Guidance of a gap as "ITIL 4: A, B; COBIT 2019: C" (source names from the catalogue),
 * with each value passed through @p escape (NULL: as is). Empty when there is none. */
void gap_guidance(sb *out, const itsma_gap *g, const itsma_catalogue *cat, const char *sep,
                  void (*escape)(sb *, const char *));
/* A requirement's process id, or "" outside every process. */
const char *requirement_process_id(const itsma_requirement *q);
/* "major", "minor", "unassessed", "none" or "" (not applicable). */
const char *nc_word(itsma_nonconformity nc);
/* The band letter of a requirement result as text ("L"), or "" when excluded. */
const char *result_letter(const itsma_requirement_result *q);
/* The status of a process's capability against its target, in words. */
const char *target_status(int level, int target);
/* The dates of an evidence issue for display: "expired 2026-06-30" and so on. */
void evidence_issue_detail(sb *out, const itsma_evidence_issue *i);
/* "rated P (41.25)", "rated L+ without current evidence, counts 0", "not assessed". */
void rating_summary(sb *out, const itsma_requirement_result *q);
/* A gain in points with two decimals: "+0.40". */
const char *fmt_gain(char *buf, double gain);
/* The capability gap of a process, or NULL. */
const itsma_capability_gap *capability_gap_of(const itsma_result *r, const itsma_section *p);

/* ---- charts (report_svg.c) ----------------------------------------------------------------- */
typedef struct radar_axis {
	const char *label; /* short, drawn at the rim ("8.6.1") */
	const char *title; /* full, in the tooltip */
	int level;         /* capability level 0-5 */
	int target;        /* -1: none */
	int before;        /* -1: no baseline */
} radar_axis;
/* A radar chart of capability level (and target, and baseline level) per process. */
void svg_radar(sb *out, const radar_axis *axes, size_t n);

typedef struct bar_item {
	const char *label;  /* "8" */
	const char *title;  /* "Operation of the service management system" */
	double value;       /* 0-100, or NaN */
	double before;      /* NaN: no baseline bar */
} bar_item;
/* Horizontal bars of compliance per clause group; with @p compare, a before and after bar per
 * group. */
void svg_bars(sb *out, const bar_item *items, size_t n, int compare, const char *caption);

#endif /* ITSMA_CLI_REPORT_H */
