/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/mapping.h
 * @brief Mapping sets (`itsma-mapping/1`): how the requirements of one catalogue relate to
 *        those of another, and carrying an assessment across them.
 *
 * A mapping names a source and a target catalogue (id and content revision), says how it was
 * made (provenance) and lists maps. Each map reads "sources RELATIONSHIP targets", with the
 * relationship taken from the OSCAL 1.2 mapping vocabulary (docs/formats.md, docs/mappings.md).
 * Sources and targets are requirement or section ids; a section stands for every requirement
 * under it.
 */
#ifndef ITSMA_MAPPING_H
#define ITSMA_MAPPING_H

#include "common.h"
#include "errors.h"
#include "catalogue.h"
#include "assessment.h"
#include "validate.h"

ITSMA_BEGIN_DECL

/** A mapping set. Opaque. */
typedef struct itsma_mapping itsma_mapping;
/** One map of a mapping set. Opaque; Borrowed from its mapping. */
typedef struct itsma_map itsma_map;

/** Relationship of a map, read "sources RELATIONSHIP targets" (OSCAL 1.2 vocabulary). */
typedef enum itsma_relationship {
	ITSMA_RELATIONSHIP_EQUAL_TO = 0,  /**< The same requirement (wording aside). */
	ITSMA_RELATIONSHIP_EQUIVALENT_TO, /**< Different words, the same effective meaning. */
	ITSMA_RELATIONSHIP_SUBSET_OF, /**< The targets ask for everything the sources ask, and more.
	                               */
	ITSMA_RELATIONSHIP_SUPERSET_OF,     /**< The sources ask for everything the targets ask, and
	                                       more. */
	ITSMA_RELATIONSHIP_INTERSECTS_WITH, /**< Some overlap; each asks for something the other
	                                       does not. */
	ITSMA_RELATIONSHIP_NO_RELATIONSHIP  /**< No overlap (a source that has no counterpart). */
} itsma_relationship;

/** How the mapping was made (`provenance.method`). */
typedef enum itsma_mapping_method {
	ITSMA_MAPPING_METHOD_HUMAN = 0,
	ITSMA_MAPPING_METHOD_AUTOMATION,
	ITSMA_MAPPING_METHOD_HYBRID
} itsma_mapping_method;

/** What the maps compare (`provenance.rationale`, OSCAL's matching-rationale). */
typedef enum itsma_mapping_rationale {
	ITSMA_MAPPING_RATIONALE_SYNTACTIC = 0,
	ITSMA_MAPPING_RATIONALE_SEMANTIC,
	ITSMA_MAPPING_RATIONALE_FUNCTIONAL
} itsma_mapping_rationale;

/** State of the mapping (`provenance.status`). */
typedef enum itsma_mapping_status {
	ITSMA_MAPPING_STATUS_DRAFT = 0,
	ITSMA_MAPPING_STATUS_COMPLETE,
	ITSMA_MAPPING_STATUS_DEPRECATED
} itsma_mapping_status;

/** The author's confidence in a map; #ITSMA_CONFIDENCE_NONE when not stated. */
typedef enum itsma_confidence {
	ITSMA_CONFIDENCE_NONE = 0,
	ITSMA_CONFIDENCE_HIGH,
	ITSMA_CONFIDENCE_MEDIUM,
	ITSMA_CONFIDENCE_LOW
} itsma_confidence;

/** "equal-to", "equivalent-to", "subset-of", "superset-of", "intersects-with",
 * "no-relationship"; "" for a value outside the enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_relationship_name(itsma_relationship value);
/** The value of a word of itsma_relationship_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_relationship_parse(itsma_relationship *out, const char *word,
                                           itsma_error *err) ITSMA_WARN_UNUSED;
/** "human", "automation", "hybrid"; "" for a value outside the enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_mapping_method_name(itsma_mapping_method value);
/** The value of a word of itsma_mapping_method_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_mapping_method_parse(itsma_mapping_method *out, const char *word,
                                             itsma_error *err) ITSMA_WARN_UNUSED;
/** "syntactic", "semantic", "functional"; "" for a value outside the enumeration. Static, never
 * NULL. */
ITSMA_EXTERN(const char *) itsma_mapping_rationale_name(itsma_mapping_rationale value);
/** The value of a word of itsma_mapping_rationale_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_mapping_rationale_parse(itsma_mapping_rationale *out, const char *word,
                                                itsma_error *err) ITSMA_WARN_UNUSED;
/** "draft", "complete", "deprecated"; "" for a value outside the enumeration. Static, never NULL.
 */
ITSMA_EXTERN(const char *) itsma_mapping_status_name(itsma_mapping_status value);
/** The value of a word of itsma_mapping_status_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_mapping_status_parse(itsma_mapping_status *out, const char *word,
                                             itsma_error *err) ITSMA_WARN_UNUSED;
/** "high", "medium", "low"; "" for #ITSMA_CONFIDENCE_NONE (no word) or a value outside the
 * enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_confidence_name(itsma_confidence value);
/** The value of a word of itsma_confidence_name() (common.h, "Names"). @return 0 or #ITSMA_EINVAL.
 */
ITSMA_EXTERN(int) itsma_confidence_parse(itsma_confidence *out, const char *word, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * The catalogues a mapping is checked against when it is loaded or validated. For each side:
 * the explicit catalogue when set (its id must be the one the mapping names), else the
 * resolver's (the same itsma_catalogue_resolver as in itsma_load_options, catalogue.h: the
 * catalogue it gives is Borrowed and must outlive the load; #ITSMA_ENOTFOUND or NULL falls
 * back), else the built-in catalogue of that id.
 */
typedef struct itsma_mapping_catalogues {
	unsigned int version;             /**< #ITSMA_MAPPING_CATALOGUES_VERSION. */
	const itsma_catalogue *source;    /**< Borrowed, or NULL. */
	const itsma_catalogue *target;    /**< Borrowed, or NULL. */
	itsma_catalogue_resolver resolve; /**< NULL: the built-in catalogues. */
	void *payload;                    /**< Passed to @p resolve. */
} itsma_mapping_catalogues;
#define ITSMA_MAPPING_CATALOGUES_VERSION 1
#define ITSMA_MAPPING_CATALOGUES_INIT                                                              \
	{                                                                                          \
		ITSMA_MAPPING_CATALOGUES_VERSION, NULL, NULL, NULL, NULL                           \
	}
/**
 * Fill @p spec with the defaults of #ITSMA_MAPPING_CATALOGUES_INIT (for callers without C macros,
 * such as FFI).
 * @param version the #ITSMA_MAPPING_CATALOGUES_VERSION the caller was built with; 1 to the current
 * one.
 * @return 0, or #ITSMA_EINVAL (NULL, unknown version). **Ownership:** none.
 */
ITSMA_EXTERN(int) itsma_mapping_catalogues_init(itsma_mapping_catalogues *spec,
                                                unsigned int version);

/* ---- loading, validating, saving ---------------------------------------------------------- */

/**
 * Load an `itsma-mapping/1` document from memory and check it against its catalogues: every
 * id exists in the catalogue named, every revision matches, no map is given twice.
 * @param[out] out the mapping; NULL on failure.
 * @param source_name name used in errors; NULL means "<buffer>".
 * @param cats the catalogues, or NULL for the built-in ones.
 * @return 0; #ITSMA_EPARSE (line, column); #ITSMA_ESCHEMA (JSON Pointer, line, column);
 *         #ITSMA_ENOTFOUND (no catalogue of a named id); #ITSMA_ELIMIT; #ITSMA_ENOMEM.
 * **Ownership:** `*out` Owned: free with itsma_mapping_free(). Catalogues are not kept.
 */
ITSMA_EXTERN(int)
itsma_mapping_load_buffer(itsma_mapping **out, const char *buf, size_t len, const char *source_name,
                          const itsma_mapping_catalogues *cats, itsma_error *err) ITSMA_WARN_UNUSED;

/** Load a mapping file. As itsma_mapping_load_buffer(); plus #ITSMA_EIO. */
ITSMA_EXTERN(int)
itsma_mapping_load_file(itsma_mapping **out, const char *path, const itsma_mapping_catalogues *cats,
                        itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Validate a mapping in memory and report every problem through @p cb (JSON Pointer, line,
 * column), as itsma_validate_buffer() does for catalogues and assessments.
 * @return 0 when valid; the first problem's code; the callback's non-zero value when it
 *         stopped the run; #ITSMA_ENOMEM. **Ownership:** nothing kept.
 */
ITSMA_EXTERN(int)
itsma_mapping_validate_buffer(const char *buf, size_t len, const char *source_name,
                              const itsma_mapping_catalogues *cats, itsma_problem_cb cb,
                              void *payload, itsma_error *err) ITSMA_WARN_UNUSED;

/** Validate a mapping file. As itsma_mapping_validate_buffer(); an unreadable file is one
 * #ITSMA_EIO problem. */
ITSMA_EXTERN(int)
itsma_mapping_validate_file(const char *path, const itsma_mapping_catalogues *cats,
                            itsma_problem_cb cb, void *payload, itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Check a mapping (loaded or built) against a source and a target catalogue: catalogue ids
 * and revisions, every source and target id. Problems go to @p cb when given (then checking
 * goes on), and the first one to @p err, with the map's JSON Pointer ("/maps/12/targets/0").
 * @return 0; #ITSMA_ESCHEMA; the callback's non-zero value; #ITSMA_EINVAL (NULL argument).
 */
ITSMA_EXTERN(int)
itsma_mapping_check(const itsma_mapping *m, const itsma_catalogue *source,
                    const itsma_catalogue *target, itsma_problem_cb cb, void *payload,
                    itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Write the mapping as deterministic, pretty-printed `itsma-mapping/1` JSON (key order of
 * docs/formats.md; maps in their order; `x-` extensions kept).
 * @param[out] out Owned: release with itsma_free(). @return 0 or #ITSMA_ENOMEM.
 */
ITSMA_EXTERN(int)
itsma_mapping_to_json(char **out, const itsma_mapping *m, itsma_error *err) ITSMA_WARN_UNUSED;
/**
 * The mapping for people, as `itsma mapping show` prints it: Markdown with its id, source
 * and target catalogues and revisions, provenance (method, rationale, status), number of
 * maps and description, then a table of the maps (sources, relationship, targets,
 * confidence, note). Texts are escaped for Markdown (tables, emphasis, links, controls).
 * @param[out] out Owned: release with itsma_free(). NULL on failure.
 * @return 0; #ITSMA_EINVAL (NULL arguments); #ITSMA_ENOMEM. **Thread safety:** safe.
 */
ITSMA_EXTERN(int)
itsma_mapping_to_markdown(char **out, const itsma_mapping *m, itsma_error *err) ITSMA_WARN_UNUSED;
/** Save atomically. @return 0; #ITSMA_EIO; #ITSMA_ENOMEM. */
ITSMA_EXTERN(int)
itsma_mapping_save_file(const itsma_mapping *m, const char *path, itsma_error *err)
    ITSMA_WARN_UNUSED;
/** Free a mapping; NULL is allowed. */
ITSMA_EXTERN(void) itsma_mapping_free(itsma_mapping *m);

/* ---- built-in mappings ---------------------------------------------------------------------- */

/** Number of built-in mappings. */
ITSMA_EXTERN(size_t) itsma_mapping_builtin_count(void);
/** Id of built-in mapping @p index, or NULL past the end. Static. */
ITSMA_EXTERN(const char *) itsma_mapping_builtin_id(size_t index);
/** Title of built-in mapping @p index, or NULL. Static. */
ITSMA_EXTERN(const char *) itsma_mapping_builtin_title(size_t index);
/**
 * The id of the built-in mapping from catalogue @p source to catalogue @p target (ids, such
 * as "iso20000-1:2011" and "iso20000-1:2018"), or NULL when there is none. Static.
 */
ITSMA_EXTERN(const char *) itsma_mapping_builtin_find(const char *source, const char *target);
/** JSON text of built-in mapping @p index (length in @p len_out, which may be NULL), or NULL.
 * Static. Out-parameter first, as itsma_catalogue_builtin_json(). */
ITSMA_EXTERN(const char *) itsma_mapping_builtin_json(size_t *len_out, size_t index);
/**
 * Load a built-in mapping by id, checked against @p cats (NULL: the built-in catalogues).
 * @return 0; #ITSMA_ENOTFOUND; the errors of itsma_mapping_load_buffer().
 * **Ownership:** `*out` Owned.
 */
ITSMA_EXTERN(int)
itsma_mapping_builtin(itsma_mapping **out, const char *id, const itsma_mapping_catalogues *cats,
                      itsma_error *err) ITSMA_WARN_UNUSED;

/* ---- properties ------------------------------------------------------------------------------ */

/** Mapping id. Borrowed. */
ITSMA_EXTERN(const char *) itsma_mapping_id(const itsma_mapping *m);
/** Title, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_mapping_title(const itsma_mapping *m);
/** Source catalogue id. Borrowed. */
ITSMA_EXTERN(const char *) itsma_mapping_source_catalogue(const itsma_mapping *m);
/** Source catalogue revision (>= 1). */
ITSMA_EXTERN(int) itsma_mapping_source_revision(const itsma_mapping *m);
/** Target catalogue id. Borrowed. */
ITSMA_EXTERN(const char *) itsma_mapping_target_catalogue(const itsma_mapping *m);
/** Target catalogue revision (>= 1). */
ITSMA_EXTERN(int) itsma_mapping_target_revision(const itsma_mapping *m);
ITSMA_EXTERN(itsma_mapping_method) itsma_mapping_method_of(const itsma_mapping *m);
ITSMA_EXTERN(itsma_mapping_rationale) itsma_mapping_rationale_of(const itsma_mapping *m);
ITSMA_EXTERN(itsma_mapping_status) itsma_mapping_status_of(const itsma_mapping *m);
/** Provenance description, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_mapping_description(const itsma_mapping *m);
/** Where the mapping was loaded from ("<builtin:ID>", a file name), or NULL when built. Borrowed.
 */
ITSMA_EXTERN(const char *) itsma_mapping_origin(const itsma_mapping *m);

/** Number of maps. */
ITSMA_EXTERN(size_t) itsma_mapping_map_count(const itsma_mapping *m);
/** Map @p index, or NULL past the end. Borrowed. */
ITSMA_EXTERN(const itsma_map *) itsma_mapping_map_at(const itsma_mapping *m, size_t index);
ITSMA_EXTERN(itsma_relationship) itsma_map_relationship(const itsma_map *map);
ITSMA_EXTERN(size_t) itsma_map_source_count(const itsma_map *map);
/** Source id @p index, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_map_source_at(const itsma_map *map, size_t index);
ITSMA_EXTERN(size_t) itsma_map_target_count(const itsma_map *map);
/** Target id @p index, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_map_target_at(const itsma_map *map, size_t index);
ITSMA_EXTERN(itsma_confidence) itsma_map_confidence(const itsma_map *map);
/** Note, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_map_note(const itsma_map *map);
/** Position of the map in its mapping (its index in `/maps`). */
ITSMA_EXTERN(size_t) itsma_map_index(const itsma_map *map);

/* ---- building ----------------------------------------------------------------------------------
 */

/**
 * Create an empty mapping (provenance: human, semantic, draft).
 * @param[out] out Owned. @param id the mapping id (itsma_id_is_valid()).
 * @param source_catalogue, target_catalogue catalogue ids; @param source_revision,
 *        target_revision content revisions, >= 1. Strings Copied.
 * @return 0; #ITSMA_EINVAL; #ITSMA_ENOMEM.
 */
ITSMA_EXTERN(int)
itsma_mapping_new(itsma_mapping **out, const char *id, const char *source_catalogue,
                  int source_revision, const char *target_catalogue, int target_revision,
                  itsma_error *err) ITSMA_WARN_UNUSED;

/** Set the title or the provenance description (NULL removes it). Copied. @return 0; #ITSMA_ENOMEM.
 */
ITSMA_EXTERN(int)
itsma_mapping_set_title(itsma_mapping *m, const char *title, itsma_error *err) ITSMA_WARN_UNUSED;
ITSMA_EXTERN(int)
itsma_mapping_set_description(itsma_mapping *m, const char *description, itsma_error *err)
    ITSMA_WARN_UNUSED;
/** Set the provenance. @return 0 or #ITSMA_EINVAL (a value out of range). */
ITSMA_EXTERN(int)
itsma_mapping_set_provenance(itsma_mapping *m, itsma_mapping_method method,
                             itsma_mapping_rationale rationale, itsma_mapping_status status,
                             itsma_error *err) ITSMA_WARN_UNUSED;

/** What itsma_mapping_add_map() adds. */
typedef struct itsma_map_spec {
	unsigned int version;            /**< #ITSMA_MAP_SPEC_VERSION. */
	itsma_relationship relationship; /**< One of the vocabulary. */
	const char *const *sources;      /**< At least one id, each once. */
	size_t source_count;
	const char *const *targets; /**< Ids, each once; at least one unless no-relationship. */
	size_t target_count;
	itsma_confidence confidence; /**< Optional. */
	const char *note;            /**< Optional. */
} itsma_map_spec;
#define ITSMA_MAP_SPEC_VERSION 1
#define ITSMA_MAP_SPEC_INIT                                                                        \
	{                                                                                          \
		ITSMA_MAP_SPEC_VERSION, ITSMA_RELATIONSHIP_EQUAL_TO, NULL, 0, NULL, 0,             \
		    ITSMA_CONFIDENCE_NONE, NULL                                                    \
	}
/**
 * Fill @p spec with the defaults of #ITSMA_MAP_SPEC_INIT (for callers without C macros, such as
 * FFI).
 * @param version the #ITSMA_MAP_SPEC_VERSION the caller was built with; 1 to the current one.
 * @return 0, or #ITSMA_EINVAL (NULL, unknown version). **Ownership:** none.
 */
ITSMA_EXTERN(int) itsma_map_spec_init(itsma_map_spec *spec, unsigned int version);

/**
 * Append a map. Ids are checked for form, not against catalogues (itsma_mapping_check()).
 * @param[out] out the new map (Borrowed from @p m), may be NULL.
 * @return 0; #ITSMA_EINVAL (bad relationship, confidence or id, empty or repeated ids,
 *         targets on no other relationship missing); #ITSMA_EEXISTS (the same sources and
 *         targets are already mapped; the message names that map); #ITSMA_ENOMEM.
 * **Ownership:** strings Copied.
 */
ITSMA_EXTERN(int)
itsma_mapping_add_map(const itsma_map **out, itsma_mapping *m, const itsma_map_spec *spec,
                      itsma_error *err) ITSMA_WARN_UNUSED;

/* ---- carrying an assessment
 * ---------------------------------------------------------------------- */

/** What happened to one target requirement when an assessment was carried. */
typedef enum itsma_carry_status {
	ITSMA_CARRY_STATUS_CARRIED = 0, /**< Rated from fully covering sources. */
	ITSMA_CARRY_STATUS_REVIEW,      /**< Rated from partial cover (capped below F) or incomplete
	                            cover:      review it. */
	ITSMA_CARRY_STATUS_KEPT, /**< The assessment merged into already rated it: kept as it was.
	                          */
	ITSMA_CARRY_STATUS_UNRATED, /**< Mapped, but none of its sources is rated: left unassessed.
	                             */
	ITSMA_CARRY_STATUS_NEW      /**< No source maps to it: a new obligation, left unassessed. */
} itsma_carry_status;

/** "carried", "review", "kept", "unrated", "new"; "" for a value outside the enumeration. Static,
 * never NULL. */
ITSMA_EXTERN(const char *) itsma_carry_status_name(itsma_carry_status value);
/** The value of a word of itsma_carry_status_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_carry_status_parse(itsma_carry_status *out, const char *word,
                                           itsma_error *err) ITSMA_WARN_UNUSED;

/** The outcome of a carry, per target requirement, plus the dropped sources. Opaque. */
typedef struct itsma_carry_report itsma_carry_report;

/**
 * Carry an assessment of a mapping's source catalogue to its target catalogue.
 *
 * Per target requirement: the sources of maps `equal-to`, `equivalent-to` or `superset-of`
 * it cover it fully, those of `subset-of` and `intersects-with` partly. The carried rating is
 * the weakest rating among the rated full-cover sources; with none rated, the weakest among
 * the rated partial sources, capped below F (F becomes L+, a number above 85 becomes 85) and
 * marked for review. A full cover with some sources unrated is marked for review too.
 * Cited evidence records come along unchanged (same ids, dates, expiry). Each carried rating
 * records its provenance in `carried` (mapping, sources, relationship, review). Process
 * attribute ratings carry between processes mapped `equal-to`/`equivalent-to` (weakest of the
 * sources'). Targets no map reaches are new obligations; sources no map relates are dropped.
 *
 * @param[out] out_assessment the target assessment (Owned; its catalogue is @p target,
 *        Borrowed: it must outlive it).
 * @param[out] report_out the report (Owned, free with itsma_carry_report_free()), or NULL.
 * @param source an assessment of the mapping's source catalogue.
 * @param mapping the mapping (checked against both catalogues first).
 * @param target the target catalogue.
 * @param into an existing assessment of @p target to merge into, or NULL. Its ratings,
 *        evidence and everything else are kept; carried ratings only fill requirements and
 *        attributes it has not rated. An evidence id present in both with different content
 *        is an error.
 * @return 0; #ITSMA_ESCHEMA (the mapping does not fit the catalogues: pointer names the map,
 *         e.g. "/maps/12/targets/0"); #ITSMA_EEXISTS (evidence id conflict); #ITSMA_EINVAL
 *         (NULL argument, @p into of another catalogue); #ITSMA_ENOMEM.
 */
ITSMA_EXTERN(int)
itsma_assessment_carry(itsma_assessment **out_assessment, itsma_carry_report **report_out,
                       const itsma_assessment *source, const itsma_mapping *mapping,
                       const itsma_catalogue *target, const itsma_assessment *into,
                       itsma_error *err) ITSMA_WARN_UNUSED;

ITSMA_EXTERN(void) itsma_carry_report_free(itsma_carry_report *r);
/** Number of target requirements (all of the target catalogue, in catalogue order). */
ITSMA_EXTERN(size_t) itsma_carry_report_target_count(const itsma_carry_report *r);
/** Target requirement id @p index. Borrowed (from the report). */
ITSMA_EXTERN(const char *) itsma_carry_report_target_id(const itsma_carry_report *r, size_t index);
ITSMA_EXTERN(itsma_carry_status)
itsma_carry_report_target_status(const itsma_carry_report *r, size_t index);
/** Number of entries of a status. */
ITSMA_EXTERN(size_t)
itsma_carry_report_status_count(const itsma_carry_report *r, itsma_carry_status status);
/** Number of dropped source requirements (rated or not) and the id of one. Borrowed. */
ITSMA_EXTERN(size_t) itsma_carry_report_dropped_count(const itsma_carry_report *r);
ITSMA_EXTERN(const char *) itsma_carry_report_dropped_at(const itsma_carry_report *r, size_t index);
/** Number of attribute ratings carried. */
ITSMA_EXTERN(size_t) itsma_carry_report_attribute_count(const itsma_carry_report *r);

/* ---- provenance of a carried rating (the `carried` member of a rating) ----------------------- */

/** Does the rating carry provenance (`carried`)? 1 or 0. */
ITSMA_EXTERN(int) itsma_rating_is_carried(const itsma_rating *r);
/** Id of the mapping it was carried by, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_rating_carried_mapping(const itsma_rating *r);
/** Relationship of the map it came through (meaningless when not carried). */
ITSMA_EXTERN(itsma_relationship) itsma_rating_carried_relationship(const itsma_rating *r);
/** 1 when the carried rating is marked for review. */
ITSMA_EXTERN(int) itsma_rating_carried_review(const itsma_rating *r);
ITSMA_EXTERN(size_t) itsma_rating_carried_source_count(const itsma_rating *r);
/** Source id @p index, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_rating_carried_source_at(const itsma_rating *r, size_t index);
/** The same for attribute ratings. */
ITSMA_EXTERN(int) itsma_attribute_rating_is_carried(const itsma_attribute_rating *r);
ITSMA_EXTERN(const char *) itsma_attribute_rating_carried_mapping(const itsma_attribute_rating *r);
ITSMA_EXTERN(itsma_relationship)
itsma_attribute_rating_carried_relationship(const itsma_attribute_rating *r);
ITSMA_EXTERN(int) itsma_attribute_rating_carried_review(const itsma_attribute_rating *r);
ITSMA_EXTERN(size_t) itsma_attribute_rating_carried_source_count(const itsma_attribute_rating *r);
ITSMA_EXTERN(const char *)
itsma_attribute_rating_carried_source_at(const itsma_attribute_rating *r, size_t index);

/* ---- transition report ---------------------------------------------------------------------- */

/** Output format of the transition report. */
typedef enum itsma_transition_format {
	ITSMA_TRANSITION_FORMAT_TEXT = 0, /**< Plain text; terminal control characters replaced. */
	ITSMA_TRANSITION_FORMAT_MARKDOWN, /**< Markdown; specials escaped. */
	ITSMA_TRANSITION_FORMAT_HTML      /**< One self-contained HTML page; everything escaped. */
} itsma_transition_format;
/** "text", "md", "html" (as for itsma_report_format); "" for a value outside the enumeration.
 * Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_transition_format_name(itsma_transition_format value);
/** The value of a word of itsma_transition_format_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_transition_format_parse(itsma_transition_format *out, const char *word,
                                                itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Render what a carry says about readiness for the target catalogue: carried compliance and
 * verdict (scored with the default model), the ratings to review, the new obligations to
 * assess grouped by clause with their guidance, and what was dropped, each with its reason
 * (the note of the no-relationship map that names it).
 * @param[out] out Owned text: release with itsma_free().
 * @param carried the carried assessment; @param report its carry report; @param mapping the
 * mapping the carry used (the reasons for dropped sources come from its maps).
 * @return 0; #ITSMA_EINVAL; #ITSMA_ENOMEM; scoring errors.
 */
ITSMA_EXTERN(int)
itsma_transition_report(char **out, const itsma_assessment *carried,
                        const itsma_carry_report *report, const itsma_mapping *mapping,
                        itsma_transition_format format, itsma_error *err) ITSMA_WARN_UNUSED;

ITSMA_END_DECL

#endif /* ITSMA_MAPPING_H */
