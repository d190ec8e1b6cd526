/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/interop.h
 * @brief The ecosystem's formats: NIST OSCAL and CISO Assistant (docs/interop.md).
 *
 * - OSCAL catalog (1.0.x to 1.2.x, JSON) in: itsma_catalogue_from_oscal().
 * - OSCAL assessment-results and plan-of-action-and-milestones (written as OSCAL 1.1.2)
 *   out of a result: itsma_result_to_oscal_ar(), itsma_result_to_oscal_poam().
 * - CISO Assistant library (YAML) in and out: itsma_catalogue_from_ciso_library(),
 *   itsma_catalogue_to_ciso_library(); its audit CSV out: itsma_result_to_ciso_audit_csv().
 *
 * Every writer is deterministic: the same input gives the same bytes (OSCAL uuids are
 * version-5 UUIDs derived from the assessment id and the object's path).
 *
 * **Thread safety:** every function only reads its inputs; concurrent calls are safe.
 */
#ifndef ITSMA_INTEROP_H
#define ITSMA_INTEROP_H

#include "common.h"
#include "errors.h"
#include "catalogue.h"
#include "result.h"
#include "mapping.h"

ITSMA_BEGIN_DECL

/**
 * Called once per warning of an import (a key the format does not define, a value that
 * was dropped). @p warning has the source, the JSON Pointer (or YAML path), the line and
 * column where known and a message; its code is 0.
 * @return 0 to go on; anything else stops the import, which returns it.
 * **Ownership:** @p warning is Borrowed for the call only.
 */
typedef int (*itsma_warning_cb)(const itsma_error *warning, void *payload);

/** Options of the importers. Versioned; fields are only appended. */
typedef struct itsma_interop_options {
	unsigned int version;           /**< #ITSMA_INTEROP_OPTIONS_VERSION. */
	const itsma_load_options *load; /**< Limits, or NULL for the defaults. */
	itsma_warning_cb warn;          /**< Warnings, or NULL to ignore them. */
	void *payload;                  /**< Passed to @c warn. */
	const char *catalogue_id;       /**< Id of the new catalogue, or NULL to derive it. */
} itsma_interop_options;
/** Current version of itsma_interop_options. */
#define ITSMA_INTEROP_OPTIONS_VERSION 1
/** Static initialiser for itsma_interop_options. */
#define ITSMA_INTEROP_OPTIONS_INIT                                                                 \
	{                                                                                          \
		ITSMA_INTEROP_OPTIONS_VERSION, NULL, NULL, NULL, NULL                              \
	}
/**
 * Fill @p opts with the defaults of #ITSMA_INTEROP_OPTIONS_INIT (for callers without C macros,
 * such as FFI).
 * @param version the #ITSMA_INTEROP_OPTIONS_VERSION the caller was built with; 1 to the current
 *        one.
 * @return 0, or #ITSMA_EINVAL (NULL, unknown version). **Ownership:** none.
 */
ITSMA_EXTERN(int) itsma_interop_options_init(itsma_interop_options *opts, unsigned int version);

/**
 * Make a catalogue from an OSCAL catalog (JSON, OSCAL 1.0.x to 1.2.x; `oscal-version` with
 * or without a leading `v`). Groups become sections, controls requirements; a control with
 * sub-controls becomes a section holding a requirement for its own statement and a
 * section or requirement per sub-control; withdrawn controls are skipped. The mapping
 * (parameters, guidance, props, ids) is in docs/interop.md.
 *
 * @param[out] out the new catalogue; NULL on failure.
 * @param buf the JSON text (need not be NUL-terminated). @param len its length.
 * @param source_name name used in errors and warnings; NULL means "<buffer>".
 * @param opts limits and the warning callback, or NULL.
 * @param err details on failure, or NULL.
 * @return 0; #ITSMA_EPARSE (JSON syntax, line and column set); #ITSMA_ESCHEMA (not a usable
 *         catalog: pointer, line and column set); #ITSMA_ELIMIT; #ITSMA_EINVAL (bad
 *         arguments); #ITSMA_ENOMEM; the non-zero return of the warning callback.
 * **Ownership:** `*out` is Owned: free it with itsma_catalogue_free().
 */
ITSMA_EXTERN(int) itsma_catalogue_from_oscal(itsma_catalogue **out, const char *buf, size_t len,
                                             const char *source_name,
                                             const itsma_interop_options *opts, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Make a catalogue from a CISO Assistant library (YAML, its `objects.framework`):
 * assessable requirement nodes become requirements, the others sections (docs/interop.md).
 * @return as itsma_catalogue_from_oscal() (#ITSMA_EPARSE for a YAML syntax error).
 * **Ownership:** `*out` is Owned.
 */
ITSMA_EXTERN(int) itsma_catalogue_from_ciso_library(itsma_catalogue **out, const char *buf,
                                                    size_t len, const char *source_name,
                                                    const itsma_interop_options *opts,
                                                    itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Write a catalogue as a CISO Assistant library (YAML) that CISO Assistant loads: urn
 * `urn:<packager>:risk:library:<ref>`, one framework, a requirement node per section and
 * requirement. Importing it back with itsma_catalogue_from_ciso_library() gives an equal
 * catalogue.
 * @param[out] out NUL-terminated UTF-8 text. @param cat the catalogue.
 * @param packager the urn's packager, lower-case `a-z 0-9 -` (NULL means "itsma").
 * @return 0; #ITSMA_EINVAL (a bad packager); #ITSMA_ENOMEM.
 * **Ownership:** `*out` is Owned: release it with itsma_free().
 */
ITSMA_EXTERN(int) itsma_catalogue_to_ciso_library(char **out, const itsma_catalogue *cat,
                                                  const char *packager, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Write a result as an OSCAL 1.1.2 `assessment-results` document (JSON): an observation per
 * evidence record, a finding per applicable requirement, a risk per major nonconformity.
 * @param[out] out NUL-terminated JSON text. @param r a result of a whole catalogue.
 * @return 0; #ITSMA_EINVAL (a result of one section only); #ITSMA_ENOMEM.
 * **Ownership:** `*out` is Owned: release it with itsma_free().
 */
ITSMA_EXTERN(int) itsma_result_to_oscal_ar(char **out, const itsma_result *r, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Write a result as an OSCAL 1.1.2 `plan-of-action-and-milestones` document (JSON): a
 * poam-item per gap in gap order, with the findings and risks of the assessment results
 * (same uuids as itsma_result_to_oscal_ar()).
 * @return as itsma_result_to_oscal_ar(); #ITSMA_EINVAL also when the result has no gap (OSCAL
 *         requires at least one poam-item). **Ownership:** `*out` is Owned.
 */
ITSMA_EXTERN(int) itsma_result_to_oscal_poam(char **out, const itsma_result *r, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Write a result as CSV in CISO Assistant's audit columns (urn, ref_id, name, description,
 * typical_evidence, annotation, compliance_result, extended_result, requirement_progress,
 * score, observations), one row per requirement in catalogue order. Cells that a
 * spreadsheet would read as a formula are neutralised.
 * @param packager as itsma_catalogue_to_ciso_library() (the urns match that library).
 * @return 0; #ITSMA_EINVAL; #ITSMA_ENOMEM. **Ownership:** `*out` is Owned.
 */
ITSMA_EXTERN(int) itsma_result_to_ciso_audit_csv(char **out, const itsma_result *r,
                                                 const char *packager, itsma_error *err)
    ITSMA_WARN_UNUSED;

/* ---- mapping sets (itsma-mapping/1, docs/mappings.md) ----------------------------------- */

/**
 * Make a mapping from an OSCAL `mapping-collection` (JSON, OSCAL 1.2): its first `mapping`
 * (a warning names any further one). Relationships, provenance and confidence categories are
 * the same vocabulary; `sources`/`targets` `id-ref`s become ids. The source and target
 * catalogue ids and revisions come from the resources' itsma props (what
 * itsma_mapping_to_oscal() writes), else from their `href` (a `urn:itsma:catalogue:ID` or the
 * file name) with revision 1. The mapping is not checked against catalogues: use
 * itsma_mapping_check(). @p opts->catalogue_id names the mapping (default: from the title).
 * @return 0; #ITSMA_EPARSE; #ITSMA_ESCHEMA (pointer, line, column); #ITSMA_ELIMIT;
 *         #ITSMA_ENOMEM; the warning callback's non-zero value.
 * **Ownership:** `*out` is Owned: free it with itsma_mapping_free().
 */
ITSMA_EXTERN(int) itsma_mapping_from_oscal(itsma_mapping **out, const char *buf, size_t len,
                                           const char *source_name,
                                           const itsma_interop_options *opts, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Write a mapping as an OSCAL 1.2 `mapping-collection` (JSON) with one `mapping`; every uuid
 * is a version-5 UUID of the mapping id and the object's path.
 * @return 0; #ITSMA_ENOMEM. **Ownership:** `*out` is Owned: release it with itsma_free().
 */
ITSMA_EXTERN(int) itsma_mapping_to_oscal(char **out, const itsma_mapping *m, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Make a mapping from a CISO Assistant library with a `requirement_mapping_set` (YAML). Its
 * urns are resolved to ids through the two catalogues (their x-ciso-urn, or the urns that
 * itsma_catalogue_to_ciso_library() gives them with the packager of the set's urn).
 * Relationships: equal -> equal-to, subset -> subset-of, superset -> superset-of, intersect ->
 * intersects-with, not_related -> no-relationship; `strength_of_relationship` 7-10 high, 4-6
 * medium, 0-3 low; `annotation` -> note; the first map's `rationale` -> provenance.
 * @param source, target the catalogues the set maps (Borrowed; ids and revisions are named).
 * @return as itsma_mapping_from_oscal(); #ITSMA_EINVAL (NULL catalogues).
 */
ITSMA_EXTERN(int) itsma_mapping_from_ciso(itsma_mapping **out, const char *buf, size_t len,
                                          const char *source_name, const itsma_catalogue *source,
                                          const itsma_catalogue *target,
                                          const itsma_interop_options *opts, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Write a mapping as a CISO Assistant mapping library (YAML): one requirement mapping per
 * (source, target) pair of each map (CISO Assistant's mappings are 1:1), equal-to and
 * equivalent-to as `equal`; a no-relationship map without targets has no pair and is left out.
 * Urns as the library export of the two catalogues makes them.
 * @param source, target the mapping's catalogues (checked with itsma_mapping_check()).
 * @param packager as itsma_catalogue_to_ciso_library().
 * @return 0; #ITSMA_ESCHEMA (the mapping does not fit the catalogues); #ITSMA_EINVAL;
 *         #ITSMA_ENOMEM. **Ownership:** `*out` is Owned.
 */
ITSMA_EXTERN(int) itsma_mapping_to_ciso(char **out, const itsma_mapping *m,
                                        const itsma_catalogue *source,
                                        const itsma_catalogue *target, const char *packager,
                                        itsma_error *err) ITSMA_WARN_UNUSED;

ITSMA_END_DECL

#endif /* ITSMA_INTEROP_H */
