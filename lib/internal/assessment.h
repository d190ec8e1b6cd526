/* SPDX-License-Identifier: Apache-2.0 */
/* Assessment internals shared by the model and its JSON reader (internal). */
#ifndef ITSMA_INTERNAL_ASSESSMENT_H
#define ITSMA_INTERNAL_ASSESSMENT_H

#include "internal/model.h"

/* Allocate an assessment without catalogue, id or date (the loader fills them in). */
itsma_assessment *itsma__assessment_alloc(void);
/* Attach the catalogue and allocate the per-catalogue indexes. Returns 0 or ITSMA_ENOMEM. */
int itsma__assessment_attach(itsma_assessment *a, const itsma_catalogue *cat, itsma_error *err);

/* 64 lowercase hexadecimal digits? */
int itsma__is_sha256(const char *s);

/* The fields of a new evidence record, checked already; strings with their lengths. */
typedef struct itsma__evidence_in {
	const char *str[6]; /* id, title, uri, sha256, by, note (NULL when absent) */
	size_t len[6];
	itsma_evidence_kind kind;
	const char *collected_s, *expires_s; /* expires_s NULL when absent */
	long collected, expires;
} itsma__evidence_in;

/*
 * Add a new evidence record into the slot that itsma__strmap_probe() found empty for its id
 * (after itsma__strmap_reserve(&a->evidence_ids, 1)). Returns 0 or ITSMA_ENOMEM.
 */
int itsma__assessment_append_evidence(itsma_assessment *a, const itsma__evidence_in *in,
                                      itsma__strmap_slot *slot, size_t hash, itsma_error *err);

/*
 * itsma_assessment_put_evidence(), telling what happened: 0 when the record was added, 1
 * when it replaced one (then *before, when not NULL, gets a copy of the replaced record
 * whose strings are freed already: read only its dates and kind), or an error code.
 * *rec_out (may be NULL) is the record now in the assessment.
 */
int itsma__assessment_put_evidence(itsma_assessment *a, const itsma_evidence_spec *spec,
                                   itsma_evidence **rec_out, itsma_evidence *before,
                                   itsma_error *err);

/* itsma_assessment_put_rating() with the requirement looked up already (NULL: look it up
 * with itsma__rating_spec_requirement(), reporting why it is not there). */
int itsma__assessment_put_rating_spec(itsma_assessment *a, const itsma_requirement *req,
                                      const itsma_rating_spec *spec, itsma_error *err);

/* What a rating rates: a requirement, or an attribute of a process. */
typedef struct itsma__subject {
	const itsma_requirement *requirement; /* a requirement's rating; NULL for an attribute's */
	const itsma_section *process;         /* an attribute rating's process and attribute */
	itsma_attribute attribute;
} itsma__subject;

/* The current rating of a subject (its shared part), or NULL when it is not rated. */
itsma__cited *itsma__assessment_cited(const itsma_assessment *a, const itsma__subject *s);

/*
 * What a rating (attribute) spec rates: its `requirement` (`process`) object when set, which
 * must belong to the assessment's catalogue and match the id when one is given too, else the
 * one with its id; for attributes it must be a process. 0, or ITSMA_EINVAL / ITSMA_ENOTFOUND
 * with *out NULL. Reads the version 2 members only of version 2 specs.
 */
int itsma__rating_spec_requirement(const itsma_requirement **out, const itsma_assessment *a,
                                   const itsma_rating_spec *spec, itsma_error *err);
int itsma__attribute_spec_process(const itsma_section **out, const itsma_assessment *a,
                                  const itsma_attribute_spec *spec, itsma_error *err);

/*
 * Rate a requirement or a process attribute with the cited evidence already resolved (each
 * at most once is still checked), by the implementation behind itsma_assessment_put_rating()
 * and _put_attribute(). *out (may be NULL) gets the rating now in the assessment, for the
 * caller to attach extensions or provenance to.
 */
int itsma__assessment_put_cited(itsma_assessment *a, const itsma__subject *s, itsma_letter letter,
                                double value, itsma_evidence *const *ev, size_t n, const char *note,
                                itsma__cited **out, itsma_error *err);

#endif
