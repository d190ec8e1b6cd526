/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The in-memory model of catalogues and assessments (internal).
 *
 * Catalogue: sections and requirements are allocated from the catalogue's arena and never
 * move; `sections` and `requirements` hold them in catalogue order (a section, its own
 * requirements, then its sub-sections, depth first) and each knows its index there.
 *
 * Assessment: records are individually allocated so that replacing one frees its old
 * strings. Evidence records never move while they exist (ratings point at them).
 * Ratings are also indexed by requirement index, attribute ratings by
 * section index * ITSMA_ATTRIBUTE_COUNT + attribute.
 */
#ifndef ITSMA_INTERNAL_MODEL_H
#define ITSMA_INTERNAL_MODEL_H

#include <limits.h>
#include <stddef.h>

#include "itsma/assessment.h"
#include "itsma/catalogue.h"
#include "internal/arena.h"
#include "internal/strmap.h"

struct json_object;

/*
 * x- extension members of one JSON object, kept for saving (lib/ext.c): key and the value's
 * JSON text, strictly valid (RFC 8259) since loading checked it; both malloc'd.
 */
typedef struct itsma__ext {
	size_t count;
	char **keys;
	char **values;
} itsma__ext;
void itsma__ext_free(itsma__ext *x);
/* Append a member whose value is the JSON text[0, len) (copied). 0 or ITSMA_ENOMEM. */
int itsma__ext_add(itsma__ext **ext, const char *key, const char *text, size_t len);
/* A copy of x (NULL gives NULL) into *out: 0, or ITSMA_ENOMEM with *out NULL. */
int itsma__ext_clone(itsma__ext **out, const itsma__ext *x);
/* Append a member whose value is a json-c value (its text is kept). 0 or ITSMA_ENOMEM. */
int itsma__ext_add_json(itsma__ext **ext, const char *key, struct json_object *v);

typedef struct itsma__guidance {
	size_t source;       /* index into the catalogue's guidance sources */
	const char **values; /* arena strings */
	size_t count, cap;
} itsma__guidance;

struct itsma_section {
	itsma_catalogue *cat;
	const char *id, *clause, *title, *purpose;
	itsma_section_kind kind;
	double weight;
	int has_weight; /* weight was written explicitly (kept on save) */
	size_t index, depth;
	itsma_section *parent;
	itsma_section *process; /* nearest enclosing process, itself included */
	itsma_section **children;
	size_t child_count, child_cap;
	itsma_requirement **reqs;
	size_t req_count, req_cap;
	itsma__guidance *guidance;
	size_t guidance_count, guidance_cap;
	/* catalogue-order ranges of the subtree: sections [index, sec_end), requirements
	 * [req_begin, req_end) */
	size_t sec_end, req_begin, req_end;
	itsma__ext *ext;
};

struct itsma_requirement {
	itsma_catalogue *cat;
	const char *id, *clause, *text, *item, *verify;
	itsma_basis basis;
	itsma_obligation obligation;
	int has_obligation; /* written explicitly */
	double weight;
	int has_weight;
	size_t index;
	itsma_section *section;
	const char **hints;
	size_t hint_count;
	const char **tags;
	size_t tag_count;
	itsma__ext *ext;
};

struct itsma_retired {
	const char *id, *reason; /* arena strings */
	int revision;
	itsma__ext *ext;
};

typedef struct itsma__gp {
	itsma_attribute attribute;
	const char *id, *text;
	itsma__ext *ext;
} itsma__gp;

struct itsma_catalogue {
	itsma__arena arena;
	char *origin;
	const char *id, *title, *version, *publisher, *description, *source;
	itsma_exclusions exclusions;
	int has_exclusions;
	int revision;            /* 0 = none */
	itsma_retired **retired; /* in list order; the records live in the arena */
	size_t retired_count, retired_cap;
	itsma__strmap retired_ids;
	const char **gs_keys, **gs_names;
	size_t gs_count, gs_cap;
	itsma__gp *gps;
	size_t gp_count, gp_cap;
	itsma_section **sections;
	size_t section_count, section_cap;
	itsma_section **tops;
	size_t top_count, top_cap;
	itsma_section **processes;
	size_t process_count, process_cap;
	itsma_requirement **requirements;
	size_t requirement_count, requirement_cap;
	itsma__strmap section_ids, requirement_ids;
	itsma__ext *ext;
	itsma__ext *gs_ext; /* x- keys inside guidance_sources are plain keys: unused */
	unsigned long long
	    generation; /* itsma_catalogue_generation(): see itsma__catalogue_touch */
};

/* Count a change of a catalogue (every mutating function calls this on entry, past its NULL
 * checks: a call that fails may have changed nothing, but no change goes uncounted). */
static inline void itsma__catalogue_touch(itsma_catalogue *cat) { cat->generation++; }

/* Renumber sections/requirements and recompute ranges after an out-of-order insertion. */
void itsma__catalogue_renumber(itsma_catalogue *cat);

/* Whether `s` (`r`) is a section (requirement) of `cat`: the builders' and the `_of`
 * mutators' check that an object comes from the catalogue they work on. NULL gives 0. */
static inline int itsma__catalogue_has_section(const itsma_catalogue *cat, const itsma_section *s)
{
	return cat && s && s->cat == cat && s->index < cat->section_count &&
	       cat->sections[s->index] == s;
}

static inline int itsma__catalogue_has_requirement(const itsma_catalogue *cat,
                                                   const itsma_requirement *r)
{
	return cat && r && r->cat == cat && r->index < cat->requirement_count &&
	       cat->requirements[r->index] == r;
}

/*
 * An evidence record and its strings are one allocation: the struct, then id, title and the
 * optional strings (`strings` points there; a replacement moves them to a block of their own).
 * The fields that lookups and scoring touch come last, next to the id, so that resolving a
 * citation reads one cache line of the record.
 */
struct itsma_evidence {
	char *title, *uri, *sha256, *by, *note;
	char *strings;
	itsma__ext *ext;
	itsma_evidence_kind kind;
	char collected_s[11], expires_s[11];
	/* what resolving a citation and scoring read, next to each other and to the id string */
	size_t index;
	long collected, expires; /* day numbers; expires is ITSMA__NEVER without an expiry date */
	size_t cite_count;       /* ratings and attribute ratings citing it */
	char *id; /* always (char *)(this + 1): the id string directly follows the struct, in the
	           * block it was created in, and stays there when the record is replaced */
};

/* The expiry day of a record without an expiry date: after every day. */
#define ITSMA__NEVER LONG_MAX

static inline int itsma__has_expiry(const itsma_evidence *e) { return e->expires != ITSMA__NEVER; }

/* Is the record current on that day: collected by then and not expired (inline for the
 * scoring loops; itsma_evidence_is_current() is this). */
static inline int itsma__current_on(const itsma_evidence *e, long day)
{
	return e->collected <= day && e->expires >= day;
}

/*
 * What a requirement rating and a process-attribute rating share: the rating, the evidence
 * records it cites, its note, its place in the assessment's list and its x- extensions. It
 * is the first member of both, so that one piece of code keeps both kinds.
 */
typedef struct itsma__cited {
	itsma_letter letter;
	double value;
	itsma_evidence **evidence;
	size_t evidence_count;
	char *note;
	size_t index;
	itsma__ext *ext;
	struct itsma__carried *carried; /* provenance of a carried rating (`carried`), or NULL */
} itsma__cited;

struct itsma_rating {
	itsma__cited c;
	const itsma_requirement *requirement;
};

struct itsma_attribute_rating {
	itsma__cited c;
	const itsma_section *process;
	itsma_attribute attribute;
};

struct itsma_exclusion {
	char *id;
	char *reason;
	const itsma_section *section; /* one of these two is set */
	const itsma_requirement *requirement;
	itsma__ext *ext;
};

struct itsma_assessment {
	const itsma_catalogue *cat;
	itsma_catalogue *owned_cat;
	char *origin;
	char *id, *title, *organisation, *assessor;
	char date_s[11];
	long day;
	itsma_evidence **evidence;
	size_t evidence_count, evidence_cap;
	itsma__strmap evidence_ids;
	itsma_rating **ratings;
	size_t rating_count, rating_cap;
	itsma_rating **rating_by_req; /* [requirement index] */
	itsma_attribute_rating **attributes;
	size_t attribute_count, attribute_cap;
	itsma_attribute_rating **attr_by_sec; /* [section index * ITSMA_ATTRIBUTE_COUNT + pa] */
	itsma_exclusion **exclusions;
	size_t exclusion_count, exclusion_cap;
	unsigned char *sec_excluded;             /* [section index]: directly excluded */
	unsigned char *req_excluded;             /* [requirement index] */
	int target;                              /* -1 = none */
	signed char *target_by_sec;              /* [section index], -1 = none */
	int has_scope, has_targets;              /* keep empty objects on save */
	size_t section_count, requirement_count; /* the catalogue's when the indexes were sized */
	itsma__ext *ext, *scope_ext, *targets_ext;
	size_t max_records;
	unsigned long long
	    generation; /* itsma_assessment_generation(): see itsma__assessment_touch */
};

/* Count a change of an assessment (as itsma__catalogue_touch). */
static inline void itsma__assessment_touch(itsma_assessment *a) { a->generation++; }

#endif
