/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/validate.h
 * @brief Validate catalogue, assessment and mapping documents and report every problem found.
 *
 * Loading stops at the first problem; validation goes on: a record with a problem is
 * reported and skipped, and the rest of the document is still checked, so a user sees
 * all of their mistakes at once (syntax errors still end the run, since nothing after
 * them can be read reliably). Problems caused by an earlier one (a rating citing an
 * evidence record that was itself invalid) may be reported too.
 */
#ifndef ITSMA_VALIDATE_H
#define ITSMA_VALIDATE_H

#include "common.h"
#include "errors.h"
#include "catalogue.h"

ITSMA_BEGIN_DECL

/**
 * Called once per problem, in document order.
 * @param problem the problem: code, message, source, JSON Pointer, line and column where
 *        known. Borrowed: valid only during the call.
 * @param payload the caller's pointer.
 * @return 0 to go on, non-zero to stop validating (that value is then returned).
 */
typedef int (*itsma_problem_cb)(const itsma_error *problem, void *payload);

/** The kind of document validated. */
typedef enum itsma_document_kind {
	ITSMA_DOCUMENT_KIND_UNKNOWN = 0, /**< Not recognised (no or unknown "format"). */
	ITSMA_DOCUMENT_KIND_CATALOGUE,   /**< `itsma-catalogue/1`. */
	ITSMA_DOCUMENT_KIND_ASSESSMENT,  /**< `itsma-assessment/1`. */
	ITSMA_DOCUMENT_KIND_MAPPING      /**< `itsma-mapping/1` (itsma/mapping.h). */
} itsma_document_kind;
/** "catalogue", "assessment"; "" for #ITSMA_DOCUMENT_KIND_UNKNOWN (no word) or a value outside the
 * enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_document_kind_name(itsma_document_kind value);
/** The value of a word of itsma_document_kind_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_document_kind_parse(itsma_document_kind *out, const char *word,
                                            itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Validate a catalogue, assessment or mapping held in memory, recognised by its "format".
 *
 * @param[out] kind_out the kind of document found (may be NULL).
 * @param buf the JSON text. @param len its length.
 * @param source_name name used in problems; NULL means "<buffer>".
 * @param cat for an assessment: the catalogue to check it against, or NULL to resolve its
 *        `catalogue` id among the built-in catalogues. For a mapping: the catalogue of the
 *        side (source or target) whose id it has; the other side, or both when NULL, is
 *        resolved as itsma_mapping_load_buffer() does (the resolver of the load options of
 *        itsma_validate_buffer_ext(), then the built-ins). Ignored for catalogues.
 * @param cb called for each problem (may be NULL). @param payload passed to @p cb.
 * @param err details of the first problem, or NULL.
 * @return 0 when the document is valid; the first problem's code (#ITSMA_EPARSE,
 *         #ITSMA_ESCHEMA, #ITSMA_ENOTFOUND, #ITSMA_ELIMIT) otherwise; the callback's non-zero
 *         value when it stopped the run; #ITSMA_ENOMEM.
 * **Ownership:** nothing is kept. **Thread safety:** safe.
 */
ITSMA_EXTERN(int) itsma_validate_buffer(itsma_document_kind *kind_out, const char *buf, size_t len,
                                        const char *source_name, const itsma_catalogue *cat,
                                        itsma_problem_cb cb, void *payload, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * As itsma_validate_buffer(), with load options: their limits, and their catalogue
 * resolver (`resolve`), which finds the catalogue of an assessment (or of a mapping's side)
 * when @p cat is NULL (or of another id) before the built-in catalogues are looked at (so a tool
 * validating several files can let the catalogues among them serve the assessments).
 * @param opts options, or NULL for the defaults; #ITSMA_EINVAL for an unknown version.
 */
ITSMA_EXTERN(int) itsma_validate_buffer_ext(itsma_document_kind *kind_out, const char *buf,
                                            size_t len, const char *source_name,
                                            const itsma_catalogue *cat,
                                            const itsma_load_options *opts, itsma_problem_cb cb,
                                            void *payload, itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Detect the kind of document a JSON text says it is, from its top-level "format" member,
 * without parsing the whole document (a quick look: the document may still be invalid).
 * @return the kind; #ITSMA_DOCUMENT_KIND_UNKNOWN for NULL @p buf or no known "format".
 */
ITSMA_EXTERN(itsma_document_kind) itsma_document_detect(const char *buf, size_t len);

/**
 * Validate a file. As itsma_validate_buffer(); a file that cannot be read is reported as
 * one #ITSMA_EIO problem.
 */
ITSMA_EXTERN(int) itsma_validate_file(itsma_document_kind *kind_out, const char *path,
                                      const itsma_catalogue *cat, itsma_problem_cb cb,
                                      void *payload, itsma_error *err) ITSMA_WARN_UNUSED;

ITSMA_END_DECL

#endif /* ITSMA_VALIDATE_H */
