/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The in-memory form of scoring results (internal; diffs are in internal/diff.h).
 *
 * A result scores a contiguous slice of the catalogue: the sections with index in
 * [sec_base, sec_base + section_count) and the requirements with index in
 * [req_base, req_base + req_count) (the whole catalogue, or one section's subtree,
 * which catalogue order keeps contiguous). Entries are stored in catalogue order, so
 * the entry of a catalogue object is found in O(1) from its index.
 *
 * Everything a result owns lives in its arena, except the result struct itself.
 */
#ifndef ITSMA_INTERNAL_RESULT_H
#define ITSMA_INTERNAL_RESULT_H

#include <stddef.h>
#include <stdint.h>

#include "itsma/result.h"
#include "internal/arena.h"
#include "internal/model.h"

/* Merged guidance of a section and all its enclosing sections (nearest first). */
typedef struct itsma__merged_guidance {
	size_t count;         /* sources that have at least one value */
	const char **keys;    /* [count] source keys, in the catalogue's guidance_sources order */
	const char ***values; /* [count][value_count[i]] */
	size_t *value_count;  /* [count] */
} itsma__merged_guidance;

/* What a roll-up reads of one requirement entry, packed four to a cache line (a section's
 * roll-up reads its own requirements' in a row): the entry's achievement, NaN when it is
 * excluded, and the requirement's weight in the catalogue. */
typedef struct itsma__roll_in {
	double ach;
	double w;
} itsma__roll_in;

/* Weighted mean accumulator: the rule of scoring.md §3 for one node and one model. */
typedef struct itsma__acc {
	uint32_t n;    /* children included */
	uint32_t npos; /* of them, those whose weight is above 0 */
	double wsum;   /* their total weight */
	double wasum;  /* sum of weight x achievement */
	double apos;   /* sum of the achievements of those weighing more than 0 */
	double azero;  /* sum of the achievements of those weighing 0 */
	double lo, hi; /* smallest and largest achievement */
} itsma__acc;

struct itsma_requirement_result {
	const itsma_requirement *req;
	const itsma_rating *rating; /* NULL when not rated */
	itsma_status status;
	itsma_nonconformity nc;
	itsma_letter letter; /* band letter; NONE when excluded */
	double achievement;  /* NaN when excluded */
	double weight;       /* effective weight in the default model; 0 when excluded */
	double gain;         /* weight x (100 - achievement); 0 when excluded */
	int has_current;     /* the rating cites at least one current evidence record */
	uint32_t sec;        /* its section's entry (index into the result's sections) */
	const itsma__merged_guidance *guidance; /* of its section, while it is a gap; else NULL */
};

/*
 * A section's entry. What the roll-up of its parent reads of it comes first, in two cache
 * lines (entries are 64-byte aligned, ITSMA__SECTION_ALIGN): a roll-up walks the children's
 * entries by their spans and reads nothing else.
 */
#define ITSMA__SECTION_ALIGN 64
#define ITSMA__NO_ENTRY      UINT32_MAX
struct itsma_section_result {
	_Alignas(ITSMA__SECTION_ALIGN) int excluded; /* out of the assessment's scope (itself or
	                                              * an enclosing section) */
	uint32_t span;      /* entries of its subtree, itself included: its next sibling's is
	                     * `span` entries on */
	double w;           /* its own weight in the catalogue */
	double achievement; /* default model; NaN when not applicable */
	double ach_shall, ach_should; /* the shall / should models; NaN without such requirements */
	/* applicable requirements beneath, all / shall / should */
	size_t n_all, n_shall, n_should;
	/* the flat models over the applicable requirements of the subtree, accumulated per
	 * subtree (own requirements in order, then each child's subtree) so that a change can
	 * be carried up one path; n_notf counts those not above 85 and n_notf_pos those of them
	 * weighing more than 0 (the absolute model) */
	itsma__acc flat;
	uint32_t n_notf, n_notf_pos;
	/* its own requirements' range of the result's entries (and of roll and shall) */
	uint32_t req_first, req_n;
	/* the rest */
	const itsma_section *sec;
	uint32_t parent; /* the enclosing section's entry, ITSMA__NO_ENTRY at the top level */
	int applicable;  /* not excluded, with at least one applicable requirement beneath */
	itsma_letter letter;
	double weight; /* effective weight (product along the path); 0 when not applicable */
	/* default model, over the applicable children: their count and total weight */
	size_t child_n;
	double child_wsum;
	/* processes */
	int is_process;
	int level;  /* 0-5 for an applicable process, else -1 */
	int target; /* effective target, or -1 */
	double attr_ach[ITSMA_ATTRIBUTE_COUNT];
	itsma_letter attr_letter[ITSMA_ATTRIBUTE_COUNT];
	itsma_attribute_status attr_status[ITSMA_ATTRIBUTE_COUNT];
	const itsma_attribute_rating *attr_rating[ITSMA_ATTRIBUTE_COUNT];
	const itsma__merged_guidance *guidance; /* computed for sections holding gaps; else NULL */
};

/* A gap: the requirement (its guidance is q->guidance) and its sort key, kept here so that
 * ordering reads no other memory and a live list moves few bytes (itsma__gap_key). */
struct itsma_gap {
	const itsma_requirement_result *q;
	unsigned long long key; /* shall before should, then rank, then the larger gain */
	size_t order;           /* then catalogue order */
};

struct itsma_capability_gap {
	const itsma_section *process;
	int level, target;
	size_t count;
	itsma_attribute attr[ITSMA_ATTRIBUTE_COUNT];
	itsma_letter letter[ITSMA_ATTRIBUTE_COUNT];
	itsma_letter needed[ITSMA_ATTRIBUTE_COUNT];
};

/*
 * How the evidence issues of a result are read: through this interface, so that the getters
 * (result.c) depend on no representation. A result of itsma_score() keeps its issues in an
 * array of itsma__plain_issue (itsma__plain_issues below); a result kept up to date by the
 * live scorer keeps them its own way (scorer.c) and gives the result its own source.
 */
typedef struct itsma__issue_source itsma__issue_source;
struct itsma__issue_source {
	/* The index-th issue of the list (index below the result's issue_count). */
	const itsma_evidence_issue *(*at)(const itsma__issue_source *self, const itsma_result *r,
	                                  size_t index);
	/* The name of an issue's index-th citer (index below its cited_count). */
	const char *(*cited_by_at)(const itsma__issue_source *self, const itsma_evidence_issue *i,
	                           size_t index);
};

/* An evidence issue as the getters read it: what it is, and where its citers are named. */
struct itsma_evidence_issue {
	const itsma_evidence *evidence;
	const itsma__issue_source *src; /* names its citers */
	uint32_t cited_count;           /* citers listed (0 for an unused record) */
	itsma_evidence_problem problem;
};

/* An issue of a result of itsma_score(): the citers' names in the result's arena
 * (requirement ids, borrowed from the catalogue, and "PROCESS/PAx.y"). */
typedef struct itsma__plain_issue {
	itsma_evidence_issue h;
	const char **cited_by;
} itsma__plain_issue;

/* The source of a result whose issues are `issues` (result.c). */
extern const itsma__issue_source itsma__plain_issues;

/* A warning's structured form (itsma_result_warning_kind and the calls after it). */
struct itsma__warning {
	itsma_warning_kind kind;
	itsma_attribute attribute; /* ITSMA_ATTRIBUTE_COUNT for a requirement */
	const char *subject;       /* requirement or process id (catalogue strings) */
	const char *exclusion;     /* exclusion id copied into the result's arena, or NULL */
};

struct itsma_result {
	const itsma_assessment *a;
	const itsma_catalogue *cat;
	itsma_evidence_policy policy;
	const itsma_section *scope; /* NULL: the whole catalogue */
	size_t sec_base, req_base;
	double compliance[ITSMA_MODEL_COUNT]; /* NaN when null */
	itsma_verdict verdict;
	size_t tally[ITSMA_TALLY_COUNT];
	int cap_min, cap_max; /* -1 without applicable process */
	double cap_mean;      /* NaN without applicable process */
	/* the top level (the catalogue, or the scoped section alone): applicable children */
	size_t top_n;
	double top_wsum;
	const char **warnings;
	struct itsma__warning *warning_info; /* [warning_count]: the same warnings, structured */
	size_t warning_count;
	itsma_section_result *sections;
	size_t section_count;
	itsma_requirement_result *reqs;
	size_t req_count;
	itsma__roll_in *roll; /* [req_count]: kept with reqs[i].achievement (set_achievement) */
	unsigned char *shall; /* [req_count]: 1 when the requirement's obligation is shall */
	itsma_gap *gaps;
	size_t gap_count;
	itsma_capability_gap *cgaps;
	size_t cgap_count;
	itsma__plain_issue *issues; /* [issue_count] for a result of itsma_score(), else NULL */
	size_t issue_count;
	const itsma__issue_source *issue_src; /* &itsma__plain_issues, or the live scorer's */
	itsma__arena arena;
	/* the generations of the assessment and the catalogue the figures are of (itsma_score()
	 * records them; the live scorer keeps them up to date with its changes) */
	unsigned long long a_gen, cat_gen;
	itsma_assessment *owned_a; /* a snapshot's own copy of the assessment (a), or NULL */
};

/* The result entry of a catalogue section / requirement, or NULL when outside the result. */
const itsma_section_result *itsma__result_section_entry(const itsma_result *r,
                                                        const itsma_section *s);
const itsma_requirement_result *itsma__result_requirement_entry(const itsma_result *r,
                                                                const itsma_requirement *q);
/* The top-level sections of a result: the catalogue's, or the scoped section alone. */
size_t itsma__result_top_count(const itsma_result *r);
const itsma_section *itsma__result_top_at(const itsma_result *r, size_t index);
/* The exclusion that puts a section or requirement out of scope (its own, else the
 * nearest enclosing section's), or NULL. */
const itsma_exclusion *itsma__result_exclusion_for(const itsma_assessment *a,
                                                   const itsma_section *s,
                                                   const itsma_requirement *q);
/* Set the achievement of an entry (and the roll-up's copy of it). */
static inline void itsma__set_achievement(itsma_result *r, itsma_requirement_result *q, double ach)
{
	q->achievement = ach;
	r->roll[q - r->reqs].ach = ach;
}

/* ---- single steps of scoring, shared by itsma_score and the live scorer (score.c) ---------- */

/* The version and evidence policy of scoring options: 0, or ITSMA_EINVAL with err set. */
int itsma__check_score_options(const itsma_score_options *opts, itsma_error *err);

/* Status, achievement, letter, nonconformity and gain of an applicable requirement entry
 * (req and weight already set), from the assessment as it is. */
void itsma__score_requirement(itsma_result *r, itsma_requirement_result *q);
/* Add (sign +1) or take away (-1) an applicable requirement's status and nonconformity
 * counts. */
void itsma__tally_requirement(itsma_result *r, const itsma_requirement_result *q, int sign);
/* The verdict from the nonconformity counts. */
void itsma__score_verdict(itsma_result *r);
/* Recompute a non-excluded section's figures from its children (requirements and
 * sub-sections, in catalogue order), and the compliance figures from the top-level
 * sections. `only` is ITSMA__ROLL_ALL, or the obligation (ITSMA_OBLIGATION_SHALL /
 * ITSMA_OBLIGATION_SHOULD) of the one requirement whose figure changed since the last roll-up: then
 * the other obligation's model and the counts of applicable requirements are kept as they are. */
#define ITSMA__ROLL_ALL (-1)
void itsma__rollup_section(itsma_result *r, itsma_section_result *sr, int only);
void itsma__rollup_top(itsma_result *r, int only);
/* Attributes and capability level of an applicable process: all of them, or one attribute
 * (PA1.1 from the section's figures, the others from their ratings) and then the level. */
void itsma__score_process(itsma_result *r, itsma_section_result *sr);
void itsma__score_attribute(itsma_result *r, itsma_section_result *sr, int pa);
void itsma__score_level(itsma_section_result *sr);
/* Fill the capability gap of a process; 1 when it has one (applicable, below target). */
int itsma__capability_gap(const itsma_section_result *sr, itsma_capability_gap *g);
/* Gap order (scoring.md §6) and rank. itsma__gap_key() sets the rank and sort key of a gap
 * from a requirement entry's figures (not its q); itsma__gap_before() is the order itself,
 * itsma__gap_cmp() the same for qsort. */
static inline int itsma__gap_before(const itsma_gap *a, const itsma_gap *b)
{
	return a->key < b->key || (a->key == b->key && a->order < b->order);
}
int itsma__gap_cmp(const void *a, const void *b);
int itsma__gap_rank(const itsma_requirement_result *q);
void itsma__gap_key(itsma_gap *g, const itsma_requirement_result *figures);
/* Merged guidance of a section (computed once, kept in sr->guidance); NULL on ENOMEM. */
const itsma__merged_guidance *itsma__section_guidance(itsma_result *r, itsma_section_result *sr);
/* The problem of an evidence record on the assessment date: 1 and *out set, or 0. */
int itsma__evidence_problem(const itsma_assessment *a, const itsma_evidence *e,
                            itsma_evidence_problem *out);

/* Whether an assessment's evidence record is current on its date. */
int itsma__evidence_current(const itsma_assessment *a, const itsma_evidence *e);

#endif
