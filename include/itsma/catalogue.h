/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/catalogue.h
 * @brief Requirement catalogues (`itsma-catalogue/1`): sections, processes, requirements.
 *
 * A catalogue is a tree of sections (clauses, process groups, processes) holding
 * requirements. Sections and requirements share one id namespace. "Catalogue order"
 * is depth-first: a section, then its own requirements, then its sub-sections.
 * Sections and requirements are numbered in that order from 0 (their *index*).
 *
 * Objects returned by getters are **Borrowed**: valid until the catalogue is freed
 * or modified. A catalogue that assessments refer to must not be modified or freed
 * while they exist.
 *
 * **Thread safety:** concurrent const access to one catalogue is safe (it has no
 * hidden caches); modification needs external locking.
 */
#ifndef ITSMA_CATALOGUE_H
#define ITSMA_CATALOGUE_H

#include "common.h"
#include "errors.h"
#include "rating.h"

ITSMA_BEGIN_DECL

/** A requirement catalogue. Opaque; create with a load, builtin or new function. */
typedef struct itsma_catalogue itsma_catalogue;
/** A section (clause, group or process) of a catalogue. Opaque, Borrowed. */
typedef struct itsma_section itsma_section;
/** A requirement of a catalogue. Opaque, Borrowed. */
typedef struct itsma_requirement itsma_requirement;

/** Section kind. */
typedef enum itsma_section_kind {
	ITSMA_SECTION_KIND_GROUP = 0,  /**< A clause or group (the default). */
	ITSMA_SECTION_KIND_PROCESS = 1 /**< A process: capability levels are computed for it. */
} itsma_section_kind;
/** "group", "process" (as in the JSON documents); "" for a value outside the enumeration. Static,
 * never NULL. */
ITSMA_EXTERN(const char *) itsma_section_kind_name(itsma_section_kind value);
/** The value of a word of itsma_section_kind_name() (common.h, "Names"). @return 0 or
 * #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_section_kind_parse(itsma_section_kind *out, const char *word,
                                           itsma_error *err) ITSMA_WARN_UNUSED;

/** Requirement obligation. */
typedef enum itsma_obligation {
	ITSMA_OBLIGATION_SHALL = 0, /**< Part 1 style, critical (the default). */
	ITSMA_OBLIGATION_SHOULD = 1 /**< Part 2 style, recommended. */
} itsma_obligation;
/** "shall", "should" (as in the JSON documents); "" for a value outside the enumeration. Static,
 * never NULL. */
ITSMA_EXTERN(const char *) itsma_obligation_name(itsma_obligation value);
/** The value of a word of itsma_obligation_name() (common.h, "Names"). @return 0 or #ITSMA_EINVAL.
 */
ITSMA_EXTERN(int) itsma_obligation_parse(itsma_obligation *out, const char *word, itsma_error *err)
    ITSMA_WARN_UNUSED;

/** Where a requirement comes from (`basis`). */
typedef enum itsma_basis {
	ITSMA_BASIS_UNSPECIFIED = 0, /**< No `basis` key (the default). */
	ITSMA_BASIS_STANDARD =
	    1, /**< Restates an obligation the cited clause states with "shall". */
	ITSMA_BASIS_GOOD_PRACTICE = 2 /**< Recommended practice; only allowed on a `should`. */
} itsma_basis;

/** "standard", "good-practice" (as in the JSON documents); "" for #ITSMA_BASIS_UNSPECIFIED (no
 * word) or a value outside the enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_basis_name(itsma_basis value);
/** The value of a word of itsma_basis_name() (common.h, "Names"). @return 0 or #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_basis_parse(itsma_basis *out, const char *word, itsma_error *err)
    ITSMA_WARN_UNUSED;

/** Whether assessments may exclude parts of the catalogue from their scope. */
typedef enum itsma_exclusions {
	ITSMA_EXCLUSIONS_ALLOWED = 0,  /**< Exclusions allowed (the default). */
	ITSMA_EXCLUSIONS_FORBIDDEN = 1 /**< Any exclusion is rejected (ISO/IEC 20000-1:2018). */
} itsma_exclusions;
/** "allowed", "forbidden" (as in the JSON documents); "" for a value outside the enumeration.
 * Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_exclusions_name(itsma_exclusions value);
/** The value of a word of itsma_exclusions_name() (common.h, "Names"). @return 0 or #ITSMA_EINVAL.
 */
ITSMA_EXTERN(int) itsma_exclusions_parse(itsma_exclusions *out, const char *word, itsma_error *err)
    ITSMA_WARN_UNUSED;

/** Default maximum nesting depth of JSON input. */
#define ITSMA_DEFAULT_MAX_DEPTH 64
/** Default maximum length in bytes of one JSON string. */
#define ITSMA_DEFAULT_MAX_STRING (1u << 20)
/** Default maximum number of records (sections, requirements, evidence, ratings...) of a kind. */
#define ITSMA_DEFAULT_MAX_RECORDS 50000000u
/** Largest weight of a section or requirement: weights times achievements (at most 1) and
 * their sums over millions of requirements stay far from overflow. */
#define ITSMA_MAX_WEIGHT 1e6

/** Default maximum size in bytes of an input document (4 GiB - 1). */
#define ITSMA_DEFAULT_MAX_BYTES 0xFFFFFFFFu

/**
 * Finds the catalogue an assessment names, when no catalogue was given to the load (or
 * validation): called with the assessment's `catalogue` id before the built-in catalogues
 * are looked at.
 * @param[out] out the catalogue with that id. Borrowed: it must stay alive (and unchanged)
 *        as long as the loaded assessment does.
 * @param id the id the assessment names. @param payload the caller's pointer.
 * @return 0 with `*out` set when found; #ITSMA_ENOTFOUND (or 0 with `*out` NULL) to fall
 *         back to the built-in catalogues; another negative code ends the load with it.
 */
typedef int (*itsma_catalogue_resolver)(const struct itsma_catalogue **out, const char *id,
                                        void *payload);

/** Options for loading catalogues and assessments. Versioned; fields are only appended. */
typedef struct itsma_load_options {
	unsigned int version;   /**< Set to #ITSMA_LOAD_OPTIONS_VERSION (1 is still accepted). */
	unsigned int max_depth; /**< Nesting limit; 0 means #ITSMA_DEFAULT_MAX_DEPTH. */
	size_t max_string;      /**< String length limit in bytes; 0 means the default. */
	size_t max_records;     /**< Records of one kind; 0 means the default. */
	size_t max_bytes;       /**< Input size limit; 0 means the default. */
	/* version 2 */
	itsma_catalogue_resolver resolve; /**< Finds an assessment's catalogue; NULL: built-ins. */
	void *resolve_payload;            /**< Passed to @p resolve. */
} itsma_load_options;

/** Current version of itsma_load_options. */
#define ITSMA_LOAD_OPTIONS_VERSION 2
/** Static initialiser for itsma_load_options (all defaults). */
#define ITSMA_LOAD_OPTIONS_INIT                                                                    \
	{                                                                                          \
		ITSMA_LOAD_OPTIONS_VERSION, 0, 0, 0, 0, NULL, NULL                                 \
	}

/**
 * Initialise load options to their defaults.
 * @param opts options to fill. @param version #ITSMA_LOAD_OPTIONS_VERSION.
 * @return 0, or #ITSMA_EINVAL for an unknown version or NULL @p opts.
 */
ITSMA_EXTERN(int) itsma_load_options_init(itsma_load_options *opts, unsigned int version);

/* ---- loading, building, saving -------------------------------------------------------- */

/**
 * Load and validate a catalogue from a JSON file.
 *
 * @param[out] out the new catalogue; NULL on failure.
 * @param path file name (UTF-8).
 * @param opts limits, or NULL for defaults.
 * @param err details on failure, or NULL.
 * @return 0; #ITSMA_EIO if the file cannot be read; #ITSMA_EPARSE for a JSON
 *         syntax error or invalid UTF-8 (line and column set); #ITSMA_ESCHEMA for a
 *         broken format rule (pointer set, line and column of the value where known);
 *         #ITSMA_ELIMIT past a limit; #ITSMA_ENOMEM.
 *
 * **Ownership:** `*out` is Owned: free it with itsma_catalogue_free(). @p path is Copied.
 * **Thread safety:** safe.
 */
ITSMA_EXTERN(int) itsma_catalogue_load_file(itsma_catalogue **out, const char *path,
                                            const itsma_load_options *opts, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Load and validate a catalogue from a memory buffer.
 *
 * @param[out] out the new catalogue; NULL on failure.
 * @param buf JSON text (need not be NUL-terminated). @param len its length in bytes.
 * @param source_name name used in errors; NULL means "<buffer>".
 * @param opts limits, or NULL. @param err details on failure, or NULL.
 * @return as itsma_catalogue_load_file(), without #ITSMA_EIO.
 * **Ownership:** `*out` is Owned; @p buf is only read during the call.
 */
ITSMA_EXTERN(int) itsma_catalogue_load_buffer(itsma_catalogue **out, const char *buf, size_t len,
                                              const char *source_name,
                                              const itsma_load_options *opts, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Create an empty catalogue to build in code.
 * @param[out] out the new catalogue. @param id catalogue id (identifier rules).
 * @param title non-empty title. @param err details, or NULL.
 * @return 0; #ITSMA_EINVAL for a bad id or title; #ITSMA_ENOMEM.
 * **Ownership:** `*out` is Owned; strings are Copied.
 */
ITSMA_EXTERN(int) itsma_catalogue_new(itsma_catalogue **out, const char *id, const char *title,
                                      itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Free a catalogue and everything it owns. NULL is allowed. Assessments that refer to
 * it must be freed first.
 */
ITSMA_EXTERN(void) itsma_catalogue_free(itsma_catalogue *cat);

/**
 * Write the catalogue as pretty-printed `itsma-catalogue/1` JSON (two-space indent,
 * fixed key order, `x-` extensions kept, final newline). The same catalogue always
 * gives the same bytes.
 * @param[out] out NUL-terminated UTF-8 text. @param cat the catalogue. @param err details.
 * @return 0 or #ITSMA_ENOMEM.
 * **Ownership:** `*out` is Owned: release it with itsma_free().
 */
ITSMA_EXTERN(int) itsma_catalogue_to_json(char **out, const itsma_catalogue *cat, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Save the catalogue to a file atomically: the JSON is written to a temporary file
 * in the same folder, flushed to disk and renamed over @p path, so a failed save
 * leaves any previous file intact.
 * @return 0; #ITSMA_EIO (sys_errno set); #ITSMA_ENOMEM.
 * **Ownership:** @p path is only read.
 */
ITSMA_EXTERN(int) itsma_catalogue_save_file(const itsma_catalogue *cat, const char *path,
                                            itsma_error *err) ITSMA_WARN_UNUSED;

/* ---- built-in catalogues --------------------------------------------------------------- */

/**
 * Load a catalogue built into the library (no file needed at run time).
 * @param[out] out the new catalogue. @param id e.g. "iso20000-1:2018".
 * @return 0; #ITSMA_ENOTFOUND for an unknown id; #ITSMA_ENOMEM.
 * **Ownership:** `*out` is Owned: free it with itsma_catalogue_free().
 */
ITSMA_EXTERN(int) itsma_catalogue_builtin(itsma_catalogue **out, const char *id, itsma_error *err)
    ITSMA_WARN_UNUSED;

/** Number of built-in catalogues. */
ITSMA_EXTERN(size_t) itsma_catalogue_builtin_count(void);
/** Id of the i-th built-in catalogue, or NULL past the end. **Ownership:** static. */
ITSMA_EXTERN(const char *) itsma_catalogue_builtin_id(size_t index);
/** Title of the i-th built-in catalogue, or NULL past the end. **Ownership:** static. */
ITSMA_EXTERN(const char *) itsma_catalogue_builtin_title(size_t index);
/**
 * The JSON text of the i-th built-in catalogue, exactly as shipped, or NULL.
 * @param[out] len_out its length in bytes (may be NULL). **Ownership:** static.
 */
ITSMA_EXTERN(const char *) itsma_catalogue_builtin_json(size_t *len_out, size_t index);

/**
 * The clause list shipped with the i-th built-in catalogue: every clause of the standard's
 * tree, one per line as "CLAUSE<TAB>TITLE" (for itsma_lint_options.clauses); NULL when it
 * has none or past the end.
 * @param[out] len_out its length in bytes (may be NULL). **Ownership:** static.
 */
ITSMA_EXTERN(const char *) itsma_catalogue_builtin_clauses(size_t *len_out, size_t index);

/* ---- catalogue properties ---------------------------------------------------------------- */

/** Catalogue id. Borrowed, never NULL. */
ITSMA_EXTERN(const char *) itsma_catalogue_id(const itsma_catalogue *cat);
/** Catalogue title. Borrowed, never NULL. */
ITSMA_EXTERN(const char *) itsma_catalogue_title(const itsma_catalogue *cat);
/** Optional `version` string, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_catalogue_version(const itsma_catalogue *cat);
/** Optional `publisher`, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_catalogue_publisher(const itsma_catalogue *cat);
/** Optional `description`, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_catalogue_description(const itsma_catalogue *cat);
/** Optional `source`, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_catalogue_source(const itsma_catalogue *cat);
/** Whether exclusions are allowed. */
ITSMA_EXTERN(itsma_exclusions) itsma_catalogue_exclusions(const itsma_catalogue *cat);
/** Revision of the catalogue's content (`revision`, >= 1), or 0 when it has none. */
ITSMA_EXTERN(int) itsma_catalogue_revision(const itsma_catalogue *cat);
/**
 * Set the content revision.
 * @param revision >= 1, or 0 to remove it. It may not be lower than the revision of a
 *        retired id (itsma_retired_revision()).
 * @return 0 or #ITSMA_EINVAL.
 */
ITSMA_EXTERN(int) itsma_catalogue_set_revision(itsma_catalogue *cat, int revision, itsma_error *err)
    ITSMA_WARN_UNUSED;
/** The file name or "<buffer>" the catalogue was loaded from; "" when built in code. */
ITSMA_EXTERN(const char *) itsma_catalogue_origin(const itsma_catalogue *cat);

/*
 * One setter per text property (no property is chosen by a name string, so a misspelt
 * property is a compile error, not a run-time one). Each resets @p err on entry, copies
 * @p value (the caller keeps theirs) and changes nothing when it fails.
 */
/**
 * Set the title.
 * @param cat the catalogue. @param title non-empty UTF-8 text. @param err details, or NULL.
 * @return 0; #ITSMA_EINVAL (NULL catalogue, NULL or empty title); #ITSMA_ENOMEM.
 * **Ownership:** @p title is Copied.
 */
ITSMA_EXTERN(int) itsma_catalogue_set_title(itsma_catalogue *cat, const char *title,
                                            itsma_error *err) ITSMA_WARN_UNUSED;
/**
 * Set or clear the optional `version` (the publisher's edition, not the revision).
 * @param version non-empty text, or NULL to remove it.
 * @return 0; #ITSMA_EINVAL (NULL catalogue, empty text: remove it with NULL); #ITSMA_ENOMEM.
 * **Ownership:** @p version is Copied.
 */
ITSMA_EXTERN(int) itsma_catalogue_set_version(itsma_catalogue *cat, const char *version,
                                              itsma_error *err) ITSMA_WARN_UNUSED;
/**
 * Set or clear the optional `publisher`.
 * @param publisher non-empty text, or NULL to remove it.
 * @return 0; #ITSMA_EINVAL (NULL catalogue, empty text); #ITSMA_ENOMEM.
 * **Ownership:** @p publisher is Copied.
 */
ITSMA_EXTERN(int) itsma_catalogue_set_publisher(itsma_catalogue *cat, const char *publisher,
                                                itsma_error *err) ITSMA_WARN_UNUSED;
/**
 * Set or clear the optional `description`.
 * @param description non-empty text, or NULL to remove it.
 * @return 0; #ITSMA_EINVAL (NULL catalogue, empty text); #ITSMA_ENOMEM.
 * **Ownership:** @p description is Copied.
 */
ITSMA_EXTERN(int) itsma_catalogue_set_description(itsma_catalogue *cat, const char *description,
                                                  itsma_error *err) ITSMA_WARN_UNUSED;
/**
 * Set or clear the optional `source` (where the catalogue's content comes from).
 * @param source non-empty text, or NULL to remove it.
 * @return 0; #ITSMA_EINVAL (NULL catalogue, empty text); #ITSMA_ENOMEM.
 * **Ownership:** @p source is Copied.
 */
ITSMA_EXTERN(int) itsma_catalogue_set_source(itsma_catalogue *cat, const char *source,
                                             itsma_error *err) ITSMA_WARN_UNUSED;
/** Set whether exclusions are allowed. @return 0 or #ITSMA_EINVAL. */
ITSMA_EXTERN(int) itsma_catalogue_set_exclusions(itsma_catalogue *cat, itsma_exclusions value,
                                                 itsma_error *err) ITSMA_WARN_UNUSED;

/** Number of declared guidance sources (`guidance_sources`). */
ITSMA_EXTERN(size_t) itsma_catalogue_guidance_source_count(const itsma_catalogue *cat);
/** Key of the i-th guidance source ("itil4"), or NULL past the end. Borrowed. */
ITSMA_EXTERN(const char *) itsma_catalogue_guidance_source_key(const itsma_catalogue *cat,
                                                               size_t index);
/** Display name of the i-th guidance source ("ITIL 4"), or NULL past the end. Borrowed. */
ITSMA_EXTERN(const char *) itsma_catalogue_guidance_source_name(const itsma_catalogue *cat,
                                                                size_t index);
/**
 * Declare a guidance source (or rename an existing one).
 * @return 0; #ITSMA_EINVAL for a bad key or empty name; #ITSMA_ENOMEM. Strings Copied.
 */
ITSMA_EXTERN(int) itsma_catalogue_put_guidance_source(itsma_catalogue *cat, const char *key,
                                                      const char *name, itsma_error *err)
    ITSMA_WARN_UNUSED;

/** Number of generic practices (indicators for PA2.1 to PA5.2). */
ITSMA_EXTERN(size_t) itsma_catalogue_generic_practice_count(const itsma_catalogue *cat);
/**
 * Attribute of the i-th generic practice (#ITSMA_PA2_1 to #ITSMA_PA5_2), or
 * #ITSMA_ATTRIBUTE_COUNT past the end (and for NULL). itsma_attribute_name() spells it.
 */
ITSMA_EXTERN(itsma_attribute) itsma_catalogue_generic_practice_attribute(const itsma_catalogue *cat,
                                                                         size_t index);
/** Id of the i-th generic practice, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_catalogue_generic_practice_id(const itsma_catalogue *cat,
                                                               size_t index);
/** Text of the i-th generic practice, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_catalogue_generic_practice_text(const itsma_catalogue *cat,
                                                                 size_t index);
/**
 * Add a generic practice (an indicator of a process attribute).
 * @param cat the catalogue. @param attribute #ITSMA_PA2_1 to #ITSMA_PA5_2 (PA1.1 has no
 *        generic practices: it is derived). @param id unique among generic practices.
 * @param text non-empty. @param err details, or NULL.
 * @return 0; #ITSMA_EINVAL (NULL catalogue, attribute out of range or PA1.1, bad id, empty
 *         text); #ITSMA_EEXISTS (the id is defined already: adding never replaces);
 *         #ITSMA_ENOMEM. On failure nothing changes.
 * **Ownership:** strings are Copied.
 */
ITSMA_EXTERN(int) itsma_catalogue_add_generic_practice(itsma_catalogue *cat,
                                                       itsma_attribute attribute, const char *id,
                                                       const char *text, itsma_error *err)
    ITSMA_WARN_UNUSED;

/* ---- retired ids -------------------------------------------------------------------------- */

/**
 * A retired id (`retired`): an id that a section or requirement of an earlier revision of
 * the catalogue had, and that no section or requirement may use again. Opaque, Borrowed.
 */
typedef struct itsma_retired itsma_retired;

/** Number of retired ids. */
ITSMA_EXTERN(size_t) itsma_catalogue_retired_count(const itsma_catalogue *cat);
/** The i-th retired id, in the order of the catalogue's `retired` list, or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_retired *) itsma_catalogue_retired_at(const itsma_catalogue *cat,
                                                               size_t index);
/** Look up a retired id in O(1); NULL when @p id is not retired. Borrowed. */
ITSMA_EXTERN(const itsma_retired *) itsma_catalogue_find_retired(const itsma_catalogue *cat,
                                                                 const char *id);
/** The retired id. Borrowed, never NULL. */
ITSMA_EXTERN(const char *) itsma_retired_id(const itsma_retired *r);
/** The catalogue revision that retired it (>= 1). */
ITSMA_EXTERN(int) itsma_retired_revision(const itsma_retired *r);
/** Why it was retired (non-empty). Borrowed, never NULL. */
ITSMA_EXTERN(const char *) itsma_retired_reason(const itsma_retired *r);
/**
 * Retire an id.
 * @param id an identifier that no section or requirement of @p cat uses and that is not
 *        retired yet. @param revision the revision that retired it: >= 1 and not above
 *        the catalogue's revision when it has one. @param reason non-empty.
 * @return 0; #ITSMA_EINVAL (bad id, revision or reason); #ITSMA_EEXISTS (the id is used by a
 *         section or requirement, or retired already); #ITSMA_ENOMEM. On failure nothing changes.
 * **Ownership:** strings are Copied.
 */
ITSMA_EXTERN(int) itsma_catalogue_add_retired(itsma_catalogue *cat, const char *id, int revision,
                                              const char *reason, itsma_error *err)
    ITSMA_WARN_UNUSED;

/* ---- sections ---------------------------------------------------------------------------- */

/** Number of sections in the whole catalogue. */
ITSMA_EXTERN(size_t) itsma_catalogue_section_count(const itsma_catalogue *cat);
/** The section with the given index (catalogue order), or NULL past the end. Borrowed. */
ITSMA_EXTERN(const itsma_section *) itsma_catalogue_section_at(const itsma_catalogue *cat,
                                                               size_t index);
/** Number of top-level sections. */
ITSMA_EXTERN(size_t) itsma_catalogue_top_count(const itsma_catalogue *cat);
/** The i-th top-level section, or NULL past the end. Borrowed. */
ITSMA_EXTERN(const itsma_section *) itsma_catalogue_top_at(const itsma_catalogue *cat,
                                                           size_t index);
/** Look up a section by id in O(1); NULL when there is none. Borrowed. */
ITSMA_EXTERN(const itsma_section *) itsma_catalogue_find_section(const itsma_catalogue *cat,
                                                                 const char *id);
/** Number of process sections. */
ITSMA_EXTERN(size_t) itsma_catalogue_process_count(const itsma_catalogue *cat);
/** The i-th process in catalogue order, or NULL past the end. Borrowed. */
ITSMA_EXTERN(const itsma_section *) itsma_catalogue_process_at(const itsma_catalogue *cat,
                                                               size_t index);

/** Section id. Borrowed, never NULL. */
ITSMA_EXTERN(const char *) itsma_section_id(const itsma_section *s);
/** Clause reference, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_section_clause(const itsma_section *s);
/** Title. Borrowed, never NULL. */
ITSMA_EXTERN(const char *) itsma_section_title(const itsma_section *s);
/** Purpose, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_section_purpose(const itsma_section *s);
/** Kind (group or process). */
ITSMA_EXTERN(itsma_section_kind) itsma_section_kind_of(const itsma_section *s);
/** Weight (default 1). */
ITSMA_EXTERN(double) itsma_section_weight(const itsma_section *s);
/** Index in catalogue order. */
ITSMA_EXTERN(size_t) itsma_section_index(const itsma_section *s);
/** Depth: 0 for a top-level section. */
ITSMA_EXTERN(size_t) itsma_section_depth(const itsma_section *s);
/** Parent section, or NULL at the top. Borrowed. */
ITSMA_EXTERN(const itsma_section *) itsma_section_parent(const itsma_section *s);
/** The nearest enclosing process (the section itself if it is one), or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_section *) itsma_section_process(const itsma_section *s);
/** Number of direct sub-sections. */
ITSMA_EXTERN(size_t) itsma_section_child_count(const itsma_section *s);
/** The i-th direct sub-section, or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_section *) itsma_section_child_at(const itsma_section *s, size_t index);
/** Number of the section's own requirements (not those of sub-sections). */
ITSMA_EXTERN(size_t) itsma_section_requirement_count(const itsma_section *s);
/** The i-th own requirement, or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_requirement *) itsma_section_requirement_at(const itsma_section *s,
                                                                     size_t index);
/**
 * Number of guidance values the section lists for one source.
 * @param source a guidance source key ("itil4").
 */
ITSMA_EXTERN(size_t) itsma_section_guidance_count(const itsma_section *s, const char *source);
/** The i-th guidance value for @p source, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_section_guidance_at(const itsma_section *s, const char *source,
                                                     size_t index);

/** Description of a new section, for itsma_catalogue_add_section(). Versioned. */
typedef struct itsma_section_spec {
	unsigned int version;    /**< #ITSMA_SECTION_SPEC_VERSION. */
	const char *id;          /**< Required identifier. */
	const char *clause;      /**< Optional clause reference. */
	const char *title;       /**< Required, non-empty. */
	const char *purpose;     /**< Optional. */
	itsma_section_kind kind; /**< Group (default) or process. */
	double weight;           /**< 0 to #ITSMA_MAX_WEIGHT; the initialiser sets 1. */
} itsma_section_spec;
/** Current version of itsma_section_spec. */
#define ITSMA_SECTION_SPEC_VERSION 1
/** Static initialiser for itsma_section_spec. */
#define ITSMA_SECTION_SPEC_INIT                                                                    \
	{                                                                                          \
		ITSMA_SECTION_SPEC_VERSION, NULL, NULL, NULL, NULL, ITSMA_SECTION_KIND_GROUP, 1.0  \
	}
/**
 * Fill @p spec with the defaults of #ITSMA_SECTION_SPEC_INIT (for callers without C macros, such as
 * FFI).
 * @param version the #ITSMA_SECTION_SPEC_VERSION the caller was built with; 1 to the current one.
 * @return 0, or #ITSMA_EINVAL (NULL, unknown version). **Ownership:** none.
 */
ITSMA_EXTERN(int) itsma_section_spec_init(itsma_section_spec *spec, unsigned int version);

/*
 * Building takes the sections the builder returned (itsma_catalogue_add_section()'s `*out`,
 * or a getter's result), not their ids: a section of another catalogue is refused with
 * #ITSMA_EINVAL. Look an id up with itsma_catalogue_find_section() first.
 */
/**
 * Add a section, with the same validation as loading.
 * @param[out] out the new section (Borrowed), or NULL if not wanted.
 * @param cat the catalogue. @param parent the parent section (a section of @p cat), or NULL
 *        for a top-level section.
 * @param spec the section. @param err details, or NULL.
 * @return 0; #ITSMA_EINVAL (a @p parent of another catalogue, bad id, empty title, bad weight,
 *         a process inside a process); #ITSMA_EEXISTS (id taken by a section or requirement,
 *         or retired: adding never replaces); #ITSMA_ELIMIT (nested deeper than
 *         #ITSMA_DEFAULT_MAX_DEPTH); #ITSMA_ENOMEM. On failure the catalogue is unchanged.
 * **Ownership:** the spec's strings are Copied; @p parent is only read.
 */
ITSMA_EXTERN(int) itsma_catalogue_add_section(const itsma_section **out, itsma_catalogue *cat,
                                              const itsma_section *parent,
                                              const itsma_section_spec *spec, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Add a guidance value to a section.
 * @param cat the catalogue. @param section a section of @p cat.
 * @param source a declared guidance source key.
 * @param value a name or identifier in that framework (a value the section lists already
 *        is left as it is). @param err details, or NULL.
 * @return 0; #ITSMA_EINVAL (NULL or foreign @p section, undeclared source, empty value);
 *         #ITSMA_ENOMEM. On failure nothing changes.
 * **Ownership:** strings are Copied; @p section is only read.
 */
ITSMA_EXTERN(int) itsma_catalogue_add_guidance(itsma_catalogue *cat, const itsma_section *section,
                                               const char *source, const char *value,
                                               itsma_error *err) ITSMA_WARN_UNUSED;

/* ---- requirements -------------------------------------------------------------------------- */

/** Number of requirements in the whole catalogue. */
ITSMA_EXTERN(size_t) itsma_catalogue_requirement_count(const itsma_catalogue *cat);
/** The requirement with the given index (catalogue order), or NULL. Borrowed. */
ITSMA_EXTERN(const itsma_requirement *) itsma_catalogue_requirement_at(const itsma_catalogue *cat,
                                                                       size_t index);
/** Look up a requirement by id in O(1); NULL when there is none. Borrowed. */
ITSMA_EXTERN(const itsma_requirement *)
itsma_catalogue_find_requirement(const itsma_catalogue *cat, const char *id);

/** Requirement id. Borrowed, never NULL. */
ITSMA_EXTERN(const char *) itsma_requirement_id(const itsma_requirement *r);
/** Clause reference, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_requirement_clause(const itsma_requirement *r);
/** Text. Borrowed, never NULL. */
ITSMA_EXTERN(const char *) itsma_requirement_text(const itsma_requirement *r);
/** Obligation (shall or should). */
ITSMA_EXTERN(itsma_obligation) itsma_requirement_obligation(const itsma_requirement *r);
/** Weight (default 1). */
ITSMA_EXTERN(double) itsma_requirement_weight(const itsma_requirement *r);
/** Index in catalogue order. */
ITSMA_EXTERN(size_t) itsma_requirement_index(const itsma_requirement *r);
/** The section that holds the requirement. Borrowed, never NULL. */
ITSMA_EXTERN(const itsma_section *) itsma_requirement_section(const itsma_requirement *r);
/** The nearest enclosing process, or NULL when it is outside every process. Borrowed. */
ITSMA_EXTERN(const itsma_section *) itsma_requirement_process(const itsma_requirement *r);
/** Basis (`basis`): standard, good practice, or unspecified. */
ITSMA_EXTERN(itsma_basis) itsma_requirement_basis(const itsma_requirement *r);
/** The list item of the clause (`item`, e.g. "b) 2)"), or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_requirement_item(const itsma_requirement *r);
/** How an auditor tests the requirement (`verify`), or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_requirement_verify(const itsma_requirement *r);
/** Number of evidence hints. */
ITSMA_EXTERN(size_t) itsma_requirement_evidence_hint_count(const itsma_requirement *r);
/** The i-th evidence hint, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_requirement_evidence_hint_at(const itsma_requirement *r,
                                                              size_t index);
/** Number of tags. */
ITSMA_EXTERN(size_t) itsma_requirement_tag_count(const itsma_requirement *r);
/** The i-th tag, or NULL. Borrowed. */
ITSMA_EXTERN(const char *) itsma_requirement_tag_at(const itsma_requirement *r, size_t index);

/** Description of a new requirement, for itsma_catalogue_add_requirement(). Versioned. */
typedef struct itsma_requirement_spec {
	unsigned int version;              /**< #ITSMA_REQUIREMENT_SPEC_VERSION. */
	const char *id;                    /**< Required identifier. */
	const char *clause;                /**< Optional clause reference. */
	const char *text;                  /**< Required, non-empty. */
	itsma_obligation obligation;       /**< Shall (default) or should. */
	double weight;                     /**< 0 to #ITSMA_MAX_WEIGHT; the initialiser sets 1. */
	const char *const *evidence_hints; /**< Optional array of non-empty strings. */
	size_t evidence_hint_count;        /**< Length of evidence_hints. */
	const char *const *tags;           /**< Optional array of non-empty strings. */
	size_t tag_count;                  /**< Length of tags. */
	/* version 2 */
	const char *item;   /**< Optional list item of the clause ("a)", "b) 2)"). */
	itsma_basis basis;  /**< Optional basis; good practice needs #ITSMA_OBLIGATION_SHOULD. */
	const char *verify; /**< Optional: how an auditor tests it. */
} itsma_requirement_spec;
/**
 * Current version of itsma_requirement_spec. Version 1 (without item, basis and verify)
 * is still accepted.
 */
#define ITSMA_REQUIREMENT_SPEC_VERSION 2
/** Static initialiser for itsma_requirement_spec. */
#define ITSMA_REQUIREMENT_SPEC_INIT                                                                \
	{                                                                                          \
		ITSMA_REQUIREMENT_SPEC_VERSION, NULL, NULL, NULL, ITSMA_OBLIGATION_SHALL, 1.0,     \
		    NULL, 0, NULL, 0, NULL, ITSMA_BASIS_UNSPECIFIED, NULL                          \
	}
/**
 * Fill @p spec with the defaults of #ITSMA_REQUIREMENT_SPEC_INIT (for callers without C macros,
 * such as FFI).
 * @param version the #ITSMA_REQUIREMENT_SPEC_VERSION the caller was built with; 1 to the current
 * one.
 * @return 0, or #ITSMA_EINVAL (NULL, unknown version). **Ownership:** none.
 */
ITSMA_EXTERN(int) itsma_requirement_spec_init(itsma_requirement_spec *spec, unsigned int version);

/**
 * Add a requirement to a section, with the same validation as loading.
 * @param[out] out the new requirement (Borrowed), or NULL if not wanted.
 * @param cat the catalogue. @param section the section that holds it (a section of @p cat).
 * @param spec the requirement. @param err details, or NULL.
 * @return 0; #ITSMA_EINVAL (NULL or foreign @p section, bad id, empty text, bad weight or
 *         hint, an empty item or verify, an unknown basis, a good-practice shall);
 *         #ITSMA_EEXISTS (the id is taken or retired: adding never replaces); #ITSMA_ENOMEM.
 *         On failure nothing changes.
 * **Ownership:** the spec's strings are Copied; @p section is only read.
 */
ITSMA_EXTERN(int) itsma_catalogue_add_requirement(const itsma_requirement **out,
                                                  itsma_catalogue *cat,
                                                  const itsma_section *section,
                                                  const itsma_requirement_spec *spec,
                                                  itsma_error *err) ITSMA_WARN_UNUSED;

/* ---- effective weights -------------------------------------------------------------------- */

/**
 * The effective weight of every requirement in the default model with everything
 * applicable (scoring.md section 6): the product, along the path from the top, of each
 * node's weight over the total weight of its siblings (sections with no requirement beneath
 * them do not count), or 1 over their number where all of them weigh 0. They add up to 1
 * (0 without requirements); a requirement's gain in an empty assessment is 100 times it.
 * One linear pass.
 *
 * @param[out] out an array of @p count values, filled in catalogue order (index =
 *        itsma_requirement_index()).
 * @param count at least itsma_catalogue_requirement_count(); only that many are written.
 * @param cat the catalogue. @param err details, or NULL.
 * @return 0; #ITSMA_EINVAL (NULL arguments, @p count too small); #ITSMA_ENOMEM.
 * **Ownership:** @p out is the caller's. **Thread safety:** safe (const access).
 */
ITSMA_EXTERN(int) itsma_catalogue_effective_weights(double *out, size_t count,
                                                    const itsma_catalogue *cat, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * The effective weights of every requirement as JSON, the figures of
 * itsma_catalogue_effective_weights() with each requirement's id, obligation and weight:
 * `{"catalogue": ID, "revision": N, "model": "default", "requirements": [{"id", "obligation",
 * "weight", "effective_weight"}, ...]}` (revision only when the catalogue has one). The same
 * table for people: itsma_catalogue_render_write() with #ITSMA_CATALOGUE_VIEW_WEIGHTS.
 * @param[out] out the JSON text; Owned: release with itsma_free(). NULL on failure.
 * @param cat the catalogue (Borrowed). @param err details, or NULL.
 * @return 0; #ITSMA_EINVAL (NULL arguments); #ITSMA_ENOMEM. **Thread safety:** safe.
 */
ITSMA_EXTERN(int) itsma_catalogue_weights_to_json(char **out, const itsma_catalogue *cat,
                                                  itsma_error *err) ITSMA_WARN_UNUSED;

/* ---- lint ------------------------------------------------------------------------------- */

/** Kinds of problem itsma_catalogue_lint() reports (docs/catalogues.md). */
typedef enum itsma_lint_kind {
	ITSMA_LINT_KIND_SHALL_BASIS = 0,     /**< "shall-basis": a shall without basis standard. */
	ITSMA_LINT_KIND_SHALL_VERIFY,        /**< "shall-verify": a shall without verify. */
	ITSMA_LINT_KIND_GOOD_PRACTICE_SHALL, /**< "good-practice-shall" (also refused by loading and
	                                        building). */
	ITSMA_LINT_KIND_WEIGHT,              /**< "weight": an effective weight outside the rule. */
	ITSMA_LINT_KIND_NO_GUIDANCE,    /**< "no-guidance": no guidance on the section or above. */
	ITSMA_LINT_KIND_SHALL_IN_TEXT,  /**< "shall-in-text": the text says "shall". */
	ITSMA_LINT_KIND_DUPLICATE_TEXT, /**< "duplicate-text": the same text as an earlier one. */
	ITSMA_LINT_KIND_ID_FORM,        /**< "id-form": the id is not CLAUSE-NN of its clause. */
	ITSMA_LINT_KIND_MISSING_CLAUSE  /**< "missing-clause": a listed clause has no section. */
} itsma_lint_kind;
/** Number of lint kinds. */
#define ITSMA_LINT_KIND_COUNT 9

/** The word of a lint kind ("shall-basis", as listed above); "" for a value outside the
 * enumeration. Static, never NULL. */
ITSMA_EXTERN(const char *) itsma_lint_kind_name(itsma_lint_kind value);
/** The value of a word of itsma_lint_kind_name() (common.h, "Names"). @return 0 or #ITSMA_EINVAL.
 */
ITSMA_EXTERN(int) itsma_lint_kind_parse(itsma_lint_kind *out, const char *word, itsma_error *err)
    ITSMA_WARN_UNUSED;

/** Parse a comma-separated list of lint kind names ("weight,id-form") into bits (1u << kind)
 * for itsma_lint_options::skip; empty names are ignored.
 * @return 0 or #ITSMA_EINVAL (NULL, or an unknown kind: the message names it). */
ITSMA_EXTERN(int) itsma_lint_kinds_parse(unsigned int *out, const char *text, itsma_error *err)
    ITSMA_WARN_UNUSED;
/**
 * Parse a clause list for itsma_lint_options::clauses: the first tab-separated column of
 * each line (trailing spaces and CR removed), skipping empty lines and lines starting with
 * '#' (the shape of the clause lists shipped with the built-in catalogues,
 * itsma_catalogue_builtin_clauses()). One linear pass to measure, one to copy.
 * @param[out] out the clauses; Owned: one block, release with itsma_free().
 * @param[out] count_out how many. @param text the list (Borrowed; need not end in NUL).
 * @return 0; #ITSMA_EINVAL (NULL); #ITSMA_ENOMEM.
 */
ITSMA_EXTERN(int) itsma_clause_list_parse(char ***out, size_t *count_out, const char *text,
                                          size_t len, itsma_error *err) ITSMA_WARN_UNUSED;

/** Options of itsma_catalogue_lint(). Versioned; fields are only appended. */
typedef struct itsma_lint_options {
	unsigned int version;       /**< #ITSMA_LINT_OPTIONS_VERSION. */
	const char *const *clauses; /**< Clauses that must each be a section's clause, or NULL. */
	size_t clause_count;        /**< Length of @c clauses. */
	unsigned int skip;          /**< Kinds not to check: a bit (1u << kind) for each. */
} itsma_lint_options;
/** Current version of itsma_lint_options. */
#define ITSMA_LINT_OPTIONS_VERSION 1
/** Static initialiser for itsma_lint_options (every check, no clause list). */
#define ITSMA_LINT_OPTIONS_INIT                                                                    \
	{                                                                                          \
		ITSMA_LINT_OPTIONS_VERSION, NULL, 0, 0                                             \
	}
/**
 * Fill @p spec with the defaults of #ITSMA_LINT_OPTIONS_INIT (for callers without C macros, such as
 * FFI).
 * @param version the #ITSMA_LINT_OPTIONS_VERSION the caller was built with; 1 to the current one.
 * @return 0, or #ITSMA_EINVAL (NULL, unknown version). **Ownership:** none.
 */
ITSMA_EXTERN(int) itsma_lint_options_init(itsma_lint_options *spec, unsigned int version);

/**
 * Called once per lint problem.
 * @param kind what is wrong. @param subject the requirement id, or the missing clause.
 * @param message a sentence saying what is wrong and what was expected.
 * @param payload the caller's pointer.
 * @return 0 to go on; anything else stops the lint, which returns it.
 * **Ownership:** @p subject and @p message are Borrowed for the call only.
 */
typedef int (*itsma_lint_cb)(itsma_lint_kind kind, const char *subject, const char *message,
                             void *payload);

/**
 * Check a catalogue against the authoring rules of docs/catalogues.md, on any catalogue:
 * per requirement in catalogue order, a shall without basis standard, a shall without
 * verify, a good-practice shall, an effective weight outside the rule (every shall within
 * 4 times the median shall's, no should above it), no guidance on its section or the
 * sections above, the word "shall" in its text, a text equal to an earlier one (ignoring
 * case, spacing and a final full stop), an id not of the form CLAUSE-NN of its clause;
 * then each clause of @c opts->clauses that no section has. Time and memory are linear in
 * the catalogue's size (plus n log n to find the median).
 *
 * @param[out] count_out the number of problems reported (may be NULL).
 * @param cat the catalogue. @param opts options, or NULL for every check and no clause list.
 * @param cb called per problem (may be NULL to only count). @param payload passed to @p cb.
 * @param err details, or NULL.
 * @return 0 (whether or not there were problems); the non-zero return of @p cb that stopped
 *         the lint; #ITSMA_EINVAL (NULL catalogue, unknown options version, NULL clause);
 *         #ITSMA_ENOMEM.
 * **Thread safety:** safe (const access).
 */
ITSMA_EXTERN(int) itsma_catalogue_lint(size_t *count_out, const itsma_catalogue *cat,
                                       const itsma_lint_options *opts, itsma_lint_cb cb,
                                       void *payload, itsma_error *err) ITSMA_WARN_UNUSED;

/* ---- small helpers shared by all formats ------------------------------------------------- */

/**
 * Whether @p s is a valid identifier: 1 to 64 characters of `A-Z a-z 0-9 . _ : -`.
 * @return 1 or 0. **Thread safety:** safe.
 */
ITSMA_EXTERN(int) itsma_id_is_valid(const char *s);

/**
 * The catalogue's generation: a counter that every call of a function changing it
 * (itsma_catalogue_set_*, _put_*, _add_*, itsma_*_set_extension on its objects) increases,
 * also when the call fails; as itsma_assessment_generation(). 0 for NULL.
 */
ITSMA_EXTERN(unsigned long long) itsma_catalogue_generation(const itsma_catalogue *cat);

ITSMA_END_DECL

#endif /* ITSMA_CATALOGUE_H */
