/* SPDX-License-Identifier: Apache-2.0 */
/* Mapping sets (internal): the model behind itsma/mapping.h. */
#ifndef ITSMA_INTERNAL_MAPPING_H
#define ITSMA_INTERNAL_MAPPING_H

#include "itsma/mapping.h"
#include "internal/model.h"
#include "internal/strmap.h"

struct itsma_map {
	itsma_relationship relationship;
	char **sources; /* source_count + target_count strings in one block after the struct */
	size_t source_count;
	char **targets;
	size_t target_count;
	itsma_confidence confidence;
	char *note;
	size_t index;
	char *key; /* sorted sources, then sorted targets: finds repeated maps */
	itsma__ext *ext;
};

struct itsma_mapping {
	char *id, *title, *description, *origin;
	char *source_catalogue, *target_catalogue;
	int source_revision, target_revision;
	itsma_mapping_method method;
	itsma_mapping_rationale rationale;
	itsma_mapping_status status;
	itsma_map **maps;
	size_t map_count, map_cap;
	itsma__strmap keys; /* map key -> map */
	itsma__ext *ext, *source_ext, *target_ext, *provenance_ext;
};

/*
 * The content revision of a catalogue as a mapping compares it: catalogues without a
 * `revision` are revision 1 (the first content, as 0.1.0 shipped it).
 */
int itsma__catalogue_content_revision(const itsma_catalogue *cat);

/* Load (or, with rd->collect set, validate) an itsma-mapping/1 document from a reader and
 * check it against its catalogues (lib/mapping_json.c). */
struct itsma__reader;
int itsma__mapping_load_reader(struct itsma__reader *rd, const itsma_mapping_catalogues *cats,
                               itsma_mapping **out);

/* Check a mapping against catalogues: problems to cb (when given) or the first one to err. */
int itsma__mapping_check(const itsma_mapping *m, const itsma_catalogue *source,
                         const itsma_catalogue *target, int (*cb)(const itsma_error *, void *),
                         void *payload, const char *source_name, itsma_error *err);

/* Where a carried rating came from (the `carried` member of a rating): one allocation. */
typedef struct itsma__carried {
	char *mapping; /* or NULL */
	itsma_relationship relationship;
	int review;
	char **sources; /* in the same block as the struct */
	size_t source_count;
	itsma__ext *ext; /* its x- members */
} itsma__carried;

/* One allocation: copies mapping id and sources. NULL on failure. */
itsma__carried *itsma__carried_new(const char *mapping, itsma_relationship rel, int review,
                                   const char *const *sources, size_t source_count);
itsma__carried *itsma__carried_clone(const itsma__carried *c); /* x- members not copied */
void itsma__carried_free(itsma__carried *c);

/* The optional `carried` member of a rating or attribute rating: read (NULL when absent)
 * and written (nothing when NULL). */
struct itsma__reader;
struct itsma__jw;
struct json_object;
int itsma__load_carried(struct itsma__reader *rd, struct json_object *o, const char *ptr,
                        itsma__carried **out);
void itsma__write_carried(struct itsma__jw *w, const itsma__carried *c);

/* Why dropped source requirement @p index of the report was dropped: the map of @p m that
 * marks it no-relationship (the first one with a note, else the first one), or NULL when no
 * requirement-level map names it. @p m is the mapping the report was made with. Borrowed. */
const itsma_map *itsma__carry_report_dropped_map(const itsma_carry_report *r,
                                                 const itsma_mapping *m, size_t index);

#endif
