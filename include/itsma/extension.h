/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/extension.h
 * @brief `x-` extension members (formats.md): read and write them on catalogues, sections,
 * requirements, assessments, evidence records, ratings and attribute ratings.
 *
 * Loaders keep every `x-` member of these objects and savers write them back; these calls
 * make them reachable (an ITSM tool keeps its ticket references there). A value is JSON
 * text: the getters return it compact (`json-c` plain form), the setters take any JSON text
 * and check it (strict JSON, one value, nesting at most 1000 deep). Keys start with `x-`
 * and have at least one more character. Order: load order, then order of first setting.
 *
 * Getters: a NULL object has no extensions (count 0, NULL text). Returned strings are
 * Borrowed from the object: valid until that extension is set again or removed, or the
 * object is freed. Extensions take no part in scoring.
 *
 * Setters take the owning catalogue or assessment (mutable) and the object it holds; an
 * object of another catalogue or assessment is ITSMA_EINVAL. `json` NULL removes the key
 * (ITSMA_ENOTFOUND when it is not there). The text is Copied. On failure nothing changes.
 */
#ifndef ITSMA_EXTENSION_H
#define ITSMA_EXTENSION_H

#include "common.h"
#include "errors.h"
#include "catalogue.h"
#include "assessment.h"

ITSMA_BEGIN_DECL

/** Number of x- members of the catalogue's top-level object. */
ITSMA_EXTERN(size_t) itsma_catalogue_extension_count(const itsma_catalogue *cat);
/** The key of extension `index` (load order), or NULL past the end. Borrowed. */
ITSMA_EXTERN(const char *) itsma_catalogue_extension_key(const itsma_catalogue *cat, size_t index);
/** The JSON text of extension `key`, or NULL when there is none. Borrowed. */
ITSMA_EXTERN(const char *) itsma_catalogue_extension(const itsma_catalogue *cat, const char *key);
/** Set (json != NULL; replaces in place) or remove (json == NULL) extension `key`. */
ITSMA_EXTERN(int)
itsma_catalogue_set_extension(itsma_catalogue *cat, const char *key, const char *json,
                              itsma_error *err);

/** Sections: as the catalogue calls. */
ITSMA_EXTERN(size_t) itsma_section_extension_count(const itsma_section *s);
/** Key of extension `index`, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_section_extension_key(const itsma_section *s, size_t index);
/** JSON text of extension `key`, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_section_extension(const itsma_section *s, const char *key);
/** Set or remove an extension of section `s`, which must belong to `cat`. */
ITSMA_EXTERN(int)
itsma_section_set_extension(itsma_catalogue *cat, const itsma_section *s, const char *key,
                            const char *json, itsma_error *err);

/** Requirements: as the catalogue calls. */
ITSMA_EXTERN(size_t) itsma_requirement_extension_count(const itsma_requirement *r);
/** Key of extension `index`, or NULL. Borrowed. */
ITSMA_EXTERN(const char *)
itsma_requirement_extension_key(const itsma_requirement *r, size_t index);
/** JSON text of extension `key`, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_requirement_extension(const itsma_requirement *r, const char *key);
/** Set or remove an extension of requirement `r`, which must belong to `cat`. */
ITSMA_EXTERN(int)
itsma_requirement_set_extension(itsma_catalogue *cat, const itsma_requirement *r, const char *key,
                                const char *json, itsma_error *err);

/** Assessments (top-level object): as the catalogue calls. */
ITSMA_EXTERN(size_t) itsma_assessment_extension_count(const itsma_assessment *a);
/** Key of extension `index`, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_assessment_extension_key(const itsma_assessment *a, size_t index);
/** JSON text of extension `key`, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_assessment_extension(const itsma_assessment *a, const char *key);
/** Set or remove an extension of the assessment. */
ITSMA_EXTERN(int)
itsma_assessment_set_extension(itsma_assessment *a, const char *key, const char *json,
                               itsma_error *err);

/** Evidence records: as the catalogue calls. */
ITSMA_EXTERN(size_t) itsma_evidence_extension_count(const itsma_evidence *e);
/** Key of extension `index`, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_evidence_extension_key(const itsma_evidence *e, size_t index);
/** JSON text of extension `key`, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_evidence_extension(const itsma_evidence *e, const char *key);
/** Set or remove an extension of evidence record `e`, which must belong to `a`. */
ITSMA_EXTERN(int)
itsma_evidence_set_extension(itsma_assessment *a, const itsma_evidence *e, const char *key,
                             const char *json, itsma_error *err);

/** Requirement ratings: as the catalogue calls. */
ITSMA_EXTERN(size_t) itsma_rating_extension_count(const itsma_rating *r);
/** Key of extension `index`, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_rating_extension_key(const itsma_rating *r, size_t index);
/** JSON text of extension `key`, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_rating_extension(const itsma_rating *r, const char *key);
/** Set or remove an extension of rating `r`, which must belong to `a`. */
ITSMA_EXTERN(int)
itsma_rating_set_extension(itsma_assessment *a, const itsma_rating *r, const char *key,
                           const char *json, itsma_error *err);

/** Process-attribute ratings: as the catalogue calls. */
ITSMA_EXTERN(size_t) itsma_attribute_rating_extension_count(const itsma_attribute_rating *r);
/** Key of extension `index`, or NULL. Borrowed. */
ITSMA_EXTERN(const char *)
itsma_attribute_rating_extension_key(const itsma_attribute_rating *r, size_t index);
/** JSON text of extension `key`, or NULL. Borrowed. */
ITSMA_EXTERN(const char *)
itsma_attribute_rating_extension(const itsma_attribute_rating *r, const char *key);
/** Set or remove an extension of attribute rating `r`, which must belong to `a`. */
ITSMA_EXTERN(int)
itsma_attribute_rating_set_extension(itsma_assessment *a, const itsma_attribute_rating *r,
                                     const char *key, const char *json, itsma_error *err);

ITSMA_END_DECL

#endif
