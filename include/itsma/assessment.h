/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/assessment.h
 * @brief Assessments (`itsma-assessment/1`): evidence records, ratings, process-attribute
 * ratings, scope exclusions and capability targets, checked against a catalogue.
 *
 * An assessment keeps a pointer to its catalogue: **the catalogue must outlive the
 * assessment** and must not be modified while the assessment exists (except when the
 * assessment loaded a built-in catalogue itself, which it then owns).
 *
 * Every mutator checks its input at once: a bad call returns an error and changes nothing.
 * Records keep their insertion order; replacing a record keeps its position.
 *
 * Objects returned by getters are **Borrowed**: valid until the assessment is freed
 * or the record is replaced or removed.
 *
 * **Thread safety:** concurrent const access (for example scoring from several threads)
 * is safe; modification needs external locking.
 */
#ifndef ITSMA_ASSESSMENT_H
#define ITSMA_ASSESSMENT_H

#include "common.h"
#include "errors.h"
#include "rating.h"
#include "catalogue.h"

ITSMA_BEGIN_DECL

/** An assessment. Opaque. */
typedef struct itsma_assessment itsma_assessment;
/** An evidence record. Opaque, Borrowed. */
typedef struct itsma_evidence itsma_evidence;
/** A requirement rating. Opaque, Borrowed. */
typedef struct itsma_rating itsma_rating;
/** A process-attribute rating. Opaque, Borrowed. */
typedef struct itsma_attribute_rating itsma_attribute_rating;
/** A scope exclusion. Opaque, Borrowed. */
typedef struct itsma_exclusion itsma_exclusion;

/** Kind of an evidence record. */
typedef enum itsma_evidence_kind {
	ITSMA_EVIDENCE_KIND_DOCUMENT = 0, /**< A maintained document (policy, procedure, plan). */
	ITSMA_EVIDENCE_KIND_RECORD,       /**< A retained record (ticket, minutes, log). */
	ITSMA_EVIDENCE_KIND_INTERVIEW,    /**< Testimony. */
	ITSMA_EVIDENCE_KIND_OBSERVATION,  /**< Something the assessor saw done. */
	ITSMA_EVIDENCE_KIND_METRIC,       /**< A measurement. */
	ITSMA_EVIDENCE_KIND_OTHER         /**< Anything else. */
} itsma_evidence_kind;

/** "document", "record", "interview", "observation", "metric", "other"; "" for a value outside the
 * enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_evidence_kind_name(itsma_evidence_kind value);
/** The value of a word of itsma_evidence_kind_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_evidence_kind_parse(itsma_evidence_kind *out, const char *word,
                                            itsma_error *err) ITSMA_WARN_UNUSED;

/* ---- loading, creating, saving ------------------------------------------------------------ */

/**
 * Load and validate an assessment from a JSON file.
 *
 * Large `evidence`, `ratings` and `attributes` arrays are parsed record by record, so
 * memory stays a small multiple of the file size.
 *
 * @param[out] out the new assessment; NULL on failure.
 * @param path file name.
 * @param cat the catalogue to check against (Borrowed: must outlive the assessment), or
 *        NULL to resolve the assessment's `catalogue` id among the built-in catalogues
 *        (the assessment then owns that catalogue).
 * @param opts limits, or NULL. @param err details, or NULL.
 * @return 0; #ITSMA_EIO; #ITSMA_EPARSE (line, column); #ITSMA_ESCHEMA (pointer, and line and
 *         column of the value) including a `catalogue` id that does not match @p cat,
 *         dangling references and exclusions a catalogue forbids; #ITSMA_ENOTFOUND (no
 *         built-in catalogue with that id); #ITSMA_ELIMIT; #ITSMA_ENOMEM.
 * **Ownership:** `*out` is Owned: free it with itsma_assessment_free().
 */
ITSMA_EXTERN(int) itsma_assessment_load_file(itsma_assessment **out, const char *path,
                                             const itsma_catalogue *cat,
                                             const itsma_load_options *opts, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Load and validate an assessment from memory. As itsma_assessment_load_file().
 * @param source_name name used in errors; NULL means "<buffer>".
 */
ITSMA_EXTERN(int) itsma_assessment_load_buffer(itsma_assessment **out, const char *buf, size_t len,
                                               const char *source_name, const itsma_catalogue *cat,
                                               const itsma_load_options *opts, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Create an empty assessment of a catalogue.
 * @param[out] out the new assessment. @param cat the catalogue (Borrowed; must outlive it).
 * @param id assessment id. @param date as-of date "YYYY-MM-DD".
 * @return 0; #ITSMA_EINVAL (bad id or date); #ITSMA_ENOMEM.
 * **Ownership:** `*out` is Owned; strings Copied.
 */
ITSMA_EXTERN(int) itsma_assessment_new(itsma_assessment **out, const itsma_catalogue *cat,
                                       const char *id, const char *date, itsma_error *err)
    ITSMA_WARN_UNUSED;

/** Free an assessment (and a built-in catalogue it loaded itself). NULL is allowed. */
ITSMA_EXTERN(void) itsma_assessment_free(itsma_assessment *a);

/**
 * Copy an assessment: everything itsma_assessment_to_json() writes (id, date, texts,
 * evidence records, ratings and attribute ratings with their citations and carried
 * provenance, exclusions, targets, notes, `x-` extensions, in the same order) and its
 * origin and record limit, copied in memory in time linear in its size (no JSON). The copy
 * is independent: changing or freeing either leaves the other as it is. Its generation
 * (itsma_assessment_generation()) starts at 0.
 * @param[out] out the copy; NULL on failure. @param a the assessment (Borrowed).
 * @return 0; #ITSMA_EINVAL (@p out or @p a NULL); #ITSMA_ENOMEM (nothing allocated).
 * **Ownership:** `*out` is Owned: free it with itsma_assessment_free(). It borrows @p a's
 * catalogue, which must outlive it; when @p a owns a built-in catalogue it loaded itself,
 * that is @p a's, so @p a must then outlive the copy.
 */
ITSMA_EXTERN(int) itsma_assessment_clone(itsma_assessment **out, const itsma_assessment *a,
                                         itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Write the assessment as pretty-printed, deterministic `itsma-assessment/1` JSON.
 * @param[out] out NUL-terminated text. **Ownership:** Owned: release it with itsma_free().
 * @return 0 or #ITSMA_ENOMEM.
 */
ITSMA_EXTERN(int) itsma_assessment_to_json(char **out, const itsma_assessment *a, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Save atomically (temporary file in the same folder, flush, rename).
 * @return 0; #ITSMA_EIO (sys_errno set; any previous file is intact); #ITSMA_ENOMEM.
 */
ITSMA_EXTERN(int) itsma_assessment_save_file(const itsma_assessment *a, const char *path,
                                             itsma_error *err) ITSMA_WARN_UNUSED;

/* ---- properties --------------------------------------------------------------------------- */

/** The catalogue. Borrowed, never NULL. */
ITSMA_EXTERN(const itsma_catalogue *) itsma_assessment_catalogue(const itsma_assessment *a);
/** Assessment id. Borrowed. */
ITSMA_EXTERN(const char *) itsma_assessment_id(const itsma_assessment *a);
/** As-of date "YYYY-MM-DD". Borrowed. */
ITSMA_EXTERN(const char *) itsma_assessment_date(const itsma_assessment *a);
/** As-of date as a day number (see itsma_date_parse()). */
ITSMA_EXTERN(long) itsma_assessment_day(const itsma_assessment *a);
/** Optional title, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_assessment_title(const itsma_assessment *a);
/** Optional organisation, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_assessment_organisation(const itsma_assessment *a);
/** Optional assessor, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_assessment_assessor(const itsma_assessment *a);
/** The file name or "<buffer>" it was loaded from; "" when created in code. */
ITSMA_EXTERN(const char *) itsma_assessment_origin(const itsma_assessment *a);

/*
 * One setter per property (no property is chosen by a name string). Each resets @p err on
 * entry, copies @p value (the caller keeps theirs) and changes nothing when it fails.
 */
/**
 * Set the assessment id.
 * @param a the assessment. @param id an identifier (1 to 64 of `A-Z a-z 0-9 . _ : -`).
 * @param err details, or NULL.
 * @return 0; #ITSMA_EINVAL (NULL assessment, bad or NULL id); #ITSMA_ENOMEM.
 * **Ownership:** @p id is Copied.
 */
ITSMA_EXTERN(int) itsma_assessment_set_id(itsma_assessment *a, const char *id, itsma_error *err)
    ITSMA_WARN_UNUSED;
/**
 * Set the as-of date (the day evidence must be current on).
 * @param date a real calendar date "YYYY-MM-DD" (itsma_date_parse()).
 * @return 0; #ITSMA_EINVAL (NULL assessment, NULL or malformed date, a day that does not
 *         exist such as 2026-02-29).
 * **Ownership:** @p date is Copied.
 */
ITSMA_EXTERN(int) itsma_assessment_set_date(itsma_assessment *a, const char *date, itsma_error *err)
    ITSMA_WARN_UNUSED;
/**
 * Set or clear the optional title.
 * @param title any UTF-8 text, or NULL to remove it.
 * @return 0; #ITSMA_EINVAL (NULL assessment); #ITSMA_ENOMEM. **Ownership:** Copied.
 */
ITSMA_EXTERN(int) itsma_assessment_set_title(itsma_assessment *a, const char *title,
                                             itsma_error *err) ITSMA_WARN_UNUSED;
/**
 * Set or clear the optional organisation assessed.
 * @param organisation any UTF-8 text, or NULL to remove it.
 * @return 0; #ITSMA_EINVAL (NULL assessment); #ITSMA_ENOMEM. **Ownership:** Copied.
 */
ITSMA_EXTERN(int) itsma_assessment_set_organisation(itsma_assessment *a, const char *organisation,
                                                    itsma_error *err) ITSMA_WARN_UNUSED;
/**
 * Set or clear the optional assessor.
 * @param assessor any UTF-8 text, or NULL to remove it.
 * @return 0; #ITSMA_EINVAL (NULL assessment); #ITSMA_ENOMEM. **Ownership:** Copied.
 */
ITSMA_EXTERN(int) itsma_assessment_set_assessor(itsma_assessment *a, const char *assessor,
                                                itsma_error *err) ITSMA_WARN_UNUSED;

/* ---- evidence ------------------------------------------------------------------------------ */

/** An evidence record to add or replace. Versioned. Optional fields may be NULL. */
typedef struct itsma_evidence_spec {
	unsigned int version;     /**< #ITSMA_EVIDENCE_SPEC_VERSION. */
	const char *id;           /**< Required identifier. */
	const char *title;        /**< Required, non-empty. */
	itsma_evidence_kind kind; /**< Kind. */
	const char *collected;    /**< Required date "YYYY-MM-DD". */
	const char *expires;      /**< Optional date, not before @p collected. */
	const char *uri;          /**< Optional. */
	const char *sha256;       /**< Optional: 64 lowercase hex digits. */
	const char *by;           /**< Optional: who collected it. */
	const char *note;         /**< Optional. */
} itsma_evidence_spec;
/** Current version of itsma_evidence_spec. */
#define ITSMA_EVIDENCE_SPEC_VERSION 1
/** Static initialiser for itsma_evidence_spec. */
#define ITSMA_EVIDENCE_SPEC_INIT                                                                   \
	{                                                                                          \
		ITSMA_EVIDENCE_SPEC_VERSION, NULL, NULL, ITSMA_EVIDENCE_KIND_DOCUMENT, NULL, NULL, \
		    NULL, NULL, NULL, NULL                                                         \
	}
/**
 * Fill @p spec with the defaults of #ITSMA_EVIDENCE_SPEC_INIT (for callers without C macros, such
 * as FFI).
 * @param version the #ITSMA_EVIDENCE_SPEC_VERSION the caller was built with; 1 to the current one.
 * @return 0, or #ITSMA_EINVAL (NULL, unknown version). **Ownership:** none.
 */
ITSMA_EXTERN(int) itsma_evidence_spec_init(itsma_evidence_spec *spec, unsigned int version);

/**
 * Add an evidence record, or replace the one with the same id (keeping its position and
 * the ratings that cite it).
 * @return 0; #ITSMA_EINVAL (message names the field); #ITSMA_ELIMIT; #ITSMA_ENOMEM.
 */
ITSMA_EXTERN(int) itsma_assessment_put_evidence(itsma_assessment *a,
                                                const itsma_evidence_spec *spec, itsma_error *err)
    ITSMA_WARN_UNUSED;
/**
 * Remove an evidence record.
 * @return 0; #ITSMA_ENOTFOUND; #ITSMA_EINVAL while a rating or attribute still cites it.
 */
ITSMA_EXTERN(int) itsma_assessment_remove_evidence(itsma_assessment *a, const char *id,
                                                   itsma_error *err) ITSMA_WARN_UNUSED;
/** Number of evidence records. */
ITSMA_EXTERN(size_t) itsma_assessment_evidence_count(const itsma_assessment *a);
/** The i-th evidence record, or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_evidence *) itsma_assessment_evidence_at(const itsma_assessment *a,
                                                                  size_t index);
/** Look up evidence by id in O(1), or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_evidence *) itsma_assessment_find_evidence(const itsma_assessment *a,
                                                                    const char *id);
/** Evidence id. Borrowed: valid while the record is in the assessment (a replacement keeps it). */
ITSMA_EXTERN(const char *) itsma_evidence_id(const itsma_evidence *e);
/** Evidence title. Borrowed. */
ITSMA_EXTERN(const char *) itsma_evidence_title(const itsma_evidence *e);
/** Evidence kind. */
ITSMA_EXTERN(itsma_evidence_kind) itsma_evidence_kind_of(const itsma_evidence *e);
/** Date collected, "YYYY-MM-DD". Borrowed. */
ITSMA_EXTERN(const char *) itsma_evidence_collected(const itsma_evidence *e);
/** Expiry date, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_evidence_expires(const itsma_evidence *e);
/** URI, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_evidence_uri(const itsma_evidence *e);
/** SHA-256 digest (64 lowercase hex digits), or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_evidence_sha256(const itsma_evidence *e);
/** Who collected it, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_evidence_by(const itsma_evidence *e);
/** Note, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_evidence_note(const itsma_evidence *e);
/** Position in the assessment's evidence list. */
ITSMA_EXTERN(size_t) itsma_evidence_index(const itsma_evidence *e);
/**
 * Whether the evidence is current on day @p day: collected on or before it and not
 * expiring before it (scoring.md §2). @return 1 or 0.
 */
ITSMA_EXTERN(int) itsma_evidence_is_current(const itsma_evidence *e, long day);

/* ---- requirement ratings ------------------------------------------------------------------- */

/*
 * Requirements and processes by object or by id: a rating or attribute spec names what it
 * rates either by the catalogue's object (`requirement`, `process`: used when non-NULL) or
 * by its id (`requirement_id`, `process_id`); the removal and lookup functions ending in
 * `_of` take the object where their siblings take the id. An object must come from the
 * assessment's catalogue: one of another catalogue (even one with the same ids) is refused
 * with #ITSMA_EINVAL (lookups give NULL).
 */

/** A rating to add or replace. Versioned. */
typedef struct itsma_rating_spec {
	unsigned int version;       /**< #ITSMA_RATING_SPEC_VERSION. */
	const char *requirement_id; /**< Requirement id (may be NULL when @c requirement is set). */
	itsma_letter letter;        /**< A letter, or #ITSMA_LETTER_NONE to use @p value. */
	double value;               /**< 0 to 100 when @p letter is #ITSMA_LETTER_NONE. */
	const char *const *evidence; /**< Cited evidence ids (each at most once). */
	size_t evidence_count;       /**< Length of @p evidence. */
	const char *note;            /**< Optional. */
	/* version 2 */
	/** The requirement (of the assessment's catalogue), or NULL to use @c requirement_id.
	 *  When both are set, @c requirement_id must be its id. */
	const itsma_requirement *requirement;
} itsma_rating_spec;
/** Current version of itsma_rating_spec (version 1, without @c requirement, is accepted). */
#define ITSMA_RATING_SPEC_VERSION 2
/** Static initialiser for itsma_rating_spec. */
#define ITSMA_RATING_SPEC_INIT                                                                     \
	{                                                                                          \
		ITSMA_RATING_SPEC_VERSION, NULL, ITSMA_LETTER_NONE, 0.0, NULL, 0, NULL, NULL       \
	}
/**
 * Fill @p spec with the defaults of #ITSMA_RATING_SPEC_INIT (for callers without C macros, such as
 * FFI).
 * @param version the #ITSMA_RATING_SPEC_VERSION the caller was built with; 1 to the current one.
 * @return 0, or #ITSMA_EINVAL (NULL, unknown version). **Ownership:** none.
 */
ITSMA_EXTERN(int) itsma_rating_spec_init(itsma_rating_spec *spec, unsigned int version);

/**
 * Rate a requirement (or replace its rating, keeping the position).
 * @return 0; #ITSMA_ENOTFOUND (no requirement with that id, no such evidence);
 *         #ITSMA_EINVAL (a requirement of another catalogue, an id that is not its id, bad
 *         value, evidence cited twice); #ITSMA_ENOMEM.
 */
ITSMA_EXTERN(int) itsma_assessment_put_rating(itsma_assessment *a, const itsma_rating_spec *spec,
                                              itsma_error *err) ITSMA_WARN_UNUSED;
/** Remove the rating of a requirement. @return 0 or #ITSMA_ENOTFOUND. */
ITSMA_EXTERN(int) itsma_assessment_remove_rating(itsma_assessment *a, const char *requirement_id,
                                                 itsma_error *err) ITSMA_WARN_UNUSED;
/**
 * Remove the rating of a requirement given as the catalogue's object.
 * @param a the assessment. @param requirement a requirement of the assessment's catalogue.
 * @param err details, or NULL.
 * @return 0; #ITSMA_ENOTFOUND (not rated); #ITSMA_EINVAL (NULL, or of another catalogue).
 * **Ownership:** @p requirement is only read.
 */
ITSMA_EXTERN(int) itsma_assessment_remove_rating_of(itsma_assessment *a,
                                                    const itsma_requirement *requirement,
                                                    itsma_error *err) ITSMA_WARN_UNUSED;
/** Number of ratings. */
ITSMA_EXTERN(size_t) itsma_assessment_rating_count(const itsma_assessment *a);
/** The i-th rating, or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_rating *) itsma_assessment_rating_at(const itsma_assessment *a,
                                                              size_t index);
/** The rating of a requirement (O(1)), or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_rating *) itsma_assessment_find_rating(const itsma_assessment *a,
                                                                const char *requirement_id);
/** The rating of a requirement object (O(1)), or NULL (also for one of another catalogue).
 * Borrowed. */
ITSMA_EXTERN(const itsma_rating *)
itsma_assessment_find_rating_of(const itsma_assessment *a, const itsma_requirement *requirement);
/** The rated requirement. Borrowed. */
ITSMA_EXTERN(const itsma_requirement *) itsma_rating_requirement(const itsma_rating *r);
/** The letter, or #ITSMA_LETTER_NONE for a numeric rating. */
ITSMA_EXTERN(itsma_letter) itsma_rating_letter(const itsma_rating *r);
/** The achievement, 0 to 100 (a letter's value, or the number). */
ITSMA_EXTERN(double) itsma_rating_value(const itsma_rating *r);
/** Number of cited evidence records. */
ITSMA_EXTERN(size_t) itsma_rating_evidence_count(const itsma_rating *r);
/** The i-th cited evidence record, or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_evidence *) itsma_rating_evidence_at(const itsma_rating *r, size_t index);
/** Note, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_rating_note(const itsma_rating *r);
/** Position in the assessment's ratings list. */
ITSMA_EXTERN(size_t) itsma_rating_index(const itsma_rating *r);

/* ---- process-attribute ratings ------------------------------------------------------------ */

/** A process-attribute rating to add or replace. Versioned. */
typedef struct itsma_attribute_spec {
	unsigned int version; /**< #ITSMA_ATTRIBUTE_SPEC_VERSION. */
	const char
	    *process_id; /**< Id of a process section (may be NULL when @c process is set). */
	itsma_attribute attribute;   /**< PA2.1 to PA5.2 (PA1.1 is derived, never rated). */
	itsma_letter letter;         /**< A letter, or #ITSMA_LETTER_NONE to use @p value. */
	double value;                /**< 0 to 100 when @p letter is #ITSMA_LETTER_NONE. */
	const char *const *evidence; /**< Cited evidence ids. */
	size_t evidence_count;       /**< Length of @p evidence. */
	const char *note;            /**< Optional. */
	/* version 2 */
	/** The process section (of the assessment's catalogue), or NULL to use @c process_id.
	 *  When both are set, @c process_id must be its id. */
	const itsma_section *process;
} itsma_attribute_spec;
/** Current version of itsma_attribute_spec (version 1, without @c process, is accepted). */
#define ITSMA_ATTRIBUTE_SPEC_VERSION 2
/** Static initialiser for itsma_attribute_spec. */
#define ITSMA_ATTRIBUTE_SPEC_INIT                                                                  \
	{                                                                                          \
		ITSMA_ATTRIBUTE_SPEC_VERSION, NULL, ITSMA_PA2_1, ITSMA_LETTER_NONE, 0.0, NULL, 0,  \
		    NULL, NULL                                                                     \
	}
/**
 * Fill @p spec with the defaults of #ITSMA_ATTRIBUTE_SPEC_INIT (for callers without C macros, such
 * as FFI).
 * @param version the #ITSMA_ATTRIBUTE_SPEC_VERSION the caller was built with; 1 to the current one.
 * @return 0, or #ITSMA_EINVAL (NULL, unknown version). **Ownership:** none.
 */
ITSMA_EXTERN(int) itsma_attribute_spec_init(itsma_attribute_spec *spec, unsigned int version);

/**
 * Rate a process attribute (or replace that rating, keeping its position).
 * @return 0; #ITSMA_ENOTFOUND (no section with that id, no such evidence); #ITSMA_EINVAL (a
 *         section of another catalogue, an id that is not its id, not a process, PA1.1, bad
 *         value, evidence cited twice); #ITSMA_ENOMEM.
 */
ITSMA_EXTERN(int) itsma_assessment_put_attribute(itsma_assessment *a,
                                                 const itsma_attribute_spec *spec, itsma_error *err)
    ITSMA_WARN_UNUSED;
/** Remove a process-attribute rating. @return 0 or #ITSMA_ENOTFOUND. */
ITSMA_EXTERN(int) itsma_assessment_remove_attribute(itsma_assessment *a, const char *process_id,
                                                    itsma_attribute attribute, itsma_error *err)
    ITSMA_WARN_UNUSED;
/**
 * Remove a process-attribute rating of a process given as the catalogue's object.
 * @param a the assessment. @param process a section of the assessment's catalogue.
 * @param attribute the attribute. @param err details, or NULL.
 * @return 0; #ITSMA_ENOTFOUND (not rated); #ITSMA_EINVAL (NULL, or of another catalogue).
 * **Ownership:** @p process is only read.
 */
ITSMA_EXTERN(int) itsma_assessment_remove_attribute_of(itsma_assessment *a,
                                                       const itsma_section *process,
                                                       itsma_attribute attribute, itsma_error *err)
    ITSMA_WARN_UNUSED;
/** Number of process-attribute ratings. */
ITSMA_EXTERN(size_t) itsma_assessment_attribute_count(const itsma_assessment *a);
/** The i-th process-attribute rating, or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_attribute_rating *)
itsma_assessment_attribute_at(const itsma_assessment *a, size_t index);
/** The rating of (process, attribute), or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_attribute_rating *)
itsma_assessment_find_attribute(const itsma_assessment *a, const char *process_id,
                                itsma_attribute attribute);
/** The rating of (process object, attribute), or NULL (also for a section of another
 * catalogue). O(1). Borrowed. */
ITSMA_EXTERN(const itsma_attribute_rating *)
itsma_assessment_find_attribute_of(const itsma_assessment *a, const itsma_section *process,
                                   itsma_attribute attribute);
/** The process section. Borrowed. */
ITSMA_EXTERN(const itsma_section *) itsma_attribute_rating_process(const itsma_attribute_rating *r);
/** The attribute. */
ITSMA_EXTERN(itsma_attribute) itsma_attribute_rating_attribute(const itsma_attribute_rating *r);
/** The letter, or #ITSMA_LETTER_NONE for a numeric rating. */
ITSMA_EXTERN(itsma_letter) itsma_attribute_rating_letter(const itsma_attribute_rating *r);
/** The achievement, 0 to 100. */
ITSMA_EXTERN(double) itsma_attribute_rating_value(const itsma_attribute_rating *r);
/** Number of cited evidence records. */
ITSMA_EXTERN(size_t) itsma_attribute_rating_evidence_count(const itsma_attribute_rating *r);
/** The i-th cited evidence record, or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_evidence *)
itsma_attribute_rating_evidence_at(const itsma_attribute_rating *r, size_t index);
/** Note, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_attribute_rating_note(const itsma_attribute_rating *r);
/** Position in the assessment's attributes list. */
ITSMA_EXTERN(size_t) itsma_attribute_rating_index(const itsma_attribute_rating *r);

/* ---- scope exclusions --------------------------------------------------------------------- */

/*
 * Exclusions are keyed by id only, unlike ratings and attribute ratings (which also take the
 * catalogue's object): an exclusion names a section or a requirement, and one id-keyed call
 * serves both where object-keyed forms would need a pair per operation. From an object, pass
 * itsma_section_id() or itsma_requirement_id(); the lookup is O(1). Whether an object is in
 * scope after scoring: #ITSMA_STATUS_EXCLUDED from itsma_requirement_result_status(), and
 * itsma_section_result_applicable().
 */

/**
 * Exclude a section or requirement from the scope (or replace the reason).
 * @param id a section or requirement id. @param reason non-empty justification.
 * @return 0; #ITSMA_ENOTFOUND (no such id); #ITSMA_EINVAL (empty reason, or the catalogue
 *         forbids exclusions); #ITSMA_ENOMEM.
 */
ITSMA_EXTERN(int) itsma_assessment_put_exclusion(itsma_assessment *a, const char *id,
                                                 const char *reason, itsma_error *err)
    ITSMA_WARN_UNUSED;
/** Remove an exclusion. @return 0 or #ITSMA_ENOTFOUND. */
ITSMA_EXTERN(int) itsma_assessment_remove_exclusion(itsma_assessment *a, const char *id,
                                                    itsma_error *err) ITSMA_WARN_UNUSED;
/** Number of exclusions. */
ITSMA_EXTERN(size_t) itsma_assessment_exclusion_count(const itsma_assessment *a);
/** The i-th exclusion, or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_exclusion *) itsma_assessment_exclusion_at(const itsma_assessment *a,
                                                                    size_t index);
/** The exclusion of an id, or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_exclusion *) itsma_assessment_find_exclusion(const itsma_assessment *a,
                                                                      const char *id);
/** Excluded id. Borrowed. */
ITSMA_EXTERN(const char *) itsma_exclusion_id(const itsma_exclusion *x);
/** Reason. Borrowed. */
ITSMA_EXTERN(const char *) itsma_exclusion_reason(const itsma_exclusion *x);
/**
 * Whether a section or requirement is out of scope: it, or a section enclosing it, is
 * excluded. @param id a section or requirement id. @return 1 or 0 (also 0 for unknown ids).
 */
ITSMA_EXTERN(int) itsma_assessment_is_excluded(const itsma_assessment *a, const char *id);

/* ---- capability targets ------------------------------------------------------------------- */

/**
 * Set the target capability level for every process.
 * @param level 0 to 5, or -1 to remove it. @return 0 or #ITSMA_EINVAL.
 */
ITSMA_EXTERN(int) itsma_assessment_set_target(itsma_assessment *a, int level, itsma_error *err)
    ITSMA_WARN_UNUSED;
/**
 * Set (or, with -1, remove) the target of one process, overriding the general target.
 * @return 0; #ITSMA_ENOTFOUND; #ITSMA_EINVAL (not a process, level out of range); #ITSMA_ENOMEM.
 */
ITSMA_EXTERN(int) itsma_assessment_set_process_target(itsma_assessment *a, const char *process_id,
                                                      int level, itsma_error *err)
    ITSMA_WARN_UNUSED;
/**
 * Set (or, with -1, remove) the target of a process given as the catalogue's object.
 * @param a the assessment. @param process a process section of the assessment's catalogue.
 * @param level 0 to 5, or -1. @param err details, or NULL.
 * @return 0; #ITSMA_EINVAL (NULL, a section of another catalogue, not a process, level out
 *         of range).
 * **Ownership:** @p process is only read.
 */
ITSMA_EXTERN(int) itsma_assessment_set_process_target_of(itsma_assessment *a,
                                                         const itsma_section *process, int level,
                                                         itsma_error *err) ITSMA_WARN_UNUSED;
/** The general target level, or -1 when none is set. */
ITSMA_EXTERN(int) itsma_assessment_target(const itsma_assessment *a);
/** Number of per-process targets. */
ITSMA_EXTERN(size_t) itsma_assessment_process_target_count(const itsma_assessment *a);
/**
 * The i-th per-process target.
 * @param[out] process_out the process (Borrowed). @return its level, or -1 past the end.
 */
ITSMA_EXTERN(int) itsma_assessment_process_target_at(const itsma_section **process_out,
                                                     const itsma_assessment *a, size_t index);
/** The effective target of a process (its own, else the general one), or -1. */
ITSMA_EXTERN(int) itsma_assessment_target_for(const itsma_assessment *a, const char *process_id);

/**
 * The assessment's generation: a counter that every call of a function changing it
 * (itsma_assessment_put_*, _remove_*, _set_*, itsma_*_set_extension on its records, and a
 * live scorer's changes) increases, also when the call fails (it then may have changed
 * nothing: the counter tells that something may have changed, never misses a change). An
 * object that depends on the assessment records it and compares: a live scorer refuses to
 * go on after a change made behind its back (#ITSMA_ESTATE), itsma_result_clone() refuses a
 * result whose assessment changed since it was scored. 0 for NULL.
 */
ITSMA_EXTERN(unsigned long long) itsma_assessment_generation(const itsma_assessment *a);

ITSMA_END_DECL

#endif /* ITSMA_ASSESSMENT_H */
