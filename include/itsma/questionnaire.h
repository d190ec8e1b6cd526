/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file itsma/questionnaire.h
 * @brief Spreadsheet questionnaires and evidence sheets (CSV): write them from a catalogue,
 *        import the filled ones as an assessment.
 *
 * The questionnaire has one row per requirement, one per process attribute (PA2.1 to PA5.2
 * of every process) and one per process for its target capability level, with the columns
 * type, id, clause, process, obligation, text, rating, evidence, note. The evidence sheet
 * has the columns id, title, kind, collected, expires, uri, sha256, by, note. The format,
 * its separators, quoting and the formula rule are described in docs/questionnaire.md.
 *
 * Written CSV starts with a UTF-8 byte-order mark, ends rows with CRLF, quotes as RFC 4180
 * says, and writes a cell that a spreadsheet would run as a formula (one starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return, other than a plain number) as text: with
 * an apostrophe in front, quoted. The importer removes exactly that apostrophe again, so
 * texts survive a round trip.
 *
 * The importer reads RFC 4180 CSV with or without a byte-order mark, CRLF or LF line
 * endings, quoted fields holding separators, doubled quotes and line breaks; it finds the
 * separator (`,`, `;` or tab) from the header row unless told; it never cuts a cell; it
 * refuses NUL bytes and invalid UTF-8 at their position; and it reports every problem with
 * its file, line and column.
 */
#ifndef ITSMA_QUESTIONNAIRE_H
#define ITSMA_QUESTIONNAIRE_H

#include "common.h"
#include "errors.h"
#include "catalogue.h"
#include "assessment.h"
#include "validate.h"

ITSMA_BEGIN_DECL

/**
 * Receives output, piece by piece, in order.
 * @param data the bytes (Borrowed: valid only during the call; not NUL-terminated).
 * @param len their number. @param payload the caller's pointer.
 * @return 0 to go on, non-zero to stop (the writer then returns that value).
 */
typedef int (*itsma_write_cb)(const char *data, size_t len, void *payload);

/** How to write a questionnaire or an evidence sheet. Versioned. */
typedef struct itsma_questionnaire_options {
	unsigned int version; /**< #ITSMA_QUESTIONNAIRE_OPTIONS_VERSION. */
	int target;     /**< 0 to 5 fills every target row with that level; -1 leaves them empty. */
	char delimiter; /**< `,` (also for 0), `;` or a tab. */
	int no_bom;     /**< Non-zero: no UTF-8 byte-order mark at the start. */
	/**
	 * An assessment to pre-fill the rating, evidence and note columns from (and the target
	 * rows from its targets, when @p target is -1), e.g. last quarter's to start this
	 * quarter's; NULL for
	 * an empty questionnaire. For the evidence sheet: the assessment whose evidence records
	 * fill the rows (NULL: the header only). Borrowed during the call.
	 */
	const itsma_assessment *assessment;
} itsma_questionnaire_options;

/** Current version of itsma_questionnaire_options. */
#define ITSMA_QUESTIONNAIRE_OPTIONS_VERSION 1
/** Static initialiser for itsma_questionnaire_options (the defaults). */
#define ITSMA_QUESTIONNAIRE_OPTIONS_INIT                                                           \
	{                                                                                          \
		ITSMA_QUESTIONNAIRE_OPTIONS_VERSION, -1, ',', 0, NULL                              \
	}

/**
 * Initialise questionnaire options to their defaults.
 * @return 0, or #ITSMA_EINVAL for an unknown version or NULL @p opts.
 */
ITSMA_EXTERN(int) itsma_questionnaire_options_init(itsma_questionnaire_options *opts,
                                                   unsigned int version);

/**
 * Write the questionnaire of a catalogue as CSV.
 *
 * @param cat the catalogue (Borrowed). @param opts options, or NULL for the defaults.
 * @param write receives the text in pieces. @param payload passed to @p write.
 * @param err details on failure, or NULL.
 * @return 0; #ITSMA_EINVAL (bad option, or an assessment of another catalogue);
 *         #ITSMA_ENOMEM; the non-zero value @p write returned to stop.
 * **Ownership:** nothing is kept. **Thread safety:** safe.
 */
ITSMA_EXTERN(int) itsma_questionnaire_write(const itsma_catalogue *cat,
                                            const itsma_questionnaire_options *opts,
                                            itsma_write_cb write, void *payload, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * The questionnaire of a catalogue as one string (see itsma_questionnaire_write()).
 * @param[out] out NUL-terminated CSV text. **Ownership:** Owned: release it with itsma_free().
 */
ITSMA_EXTERN(int) itsma_questionnaire_to_string(char **out, const itsma_catalogue *cat,
                                                const itsma_questionnaire_options *opts,
                                                itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * Write an evidence sheet as CSV: the header, then one row per evidence record of
 * `opts->assessment` when it is set.
 * @return 0; #ITSMA_EINVAL; #ITSMA_ENOMEM; the non-zero value @p write returned to stop.
 * **Ownership:** nothing is kept. **Thread safety:** safe.
 */
ITSMA_EXTERN(int) itsma_evidence_sheet_write(const itsma_questionnaire_options *opts,
                                             itsma_write_cb write, void *payload, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * The evidence sheet as one string (see itsma_evidence_sheet_write()).
 * @param[out] out NUL-terminated CSV text. **Ownership:** Owned: release it with itsma_free().
 */
ITSMA_EXTERN(int) itsma_evidence_sheet_to_string(char **out,
                                                 const itsma_questionnaire_options *opts,
                                                 itsma_error *err) ITSMA_WARN_UNUSED;

/**
 * A new assessment to fill in, as `itsma template --format json` writes it: an
 * itsma-assessment/1 document of @p cat with no evidence, ratings or attributes yet, a target
 * level for every process when @p target is 0-5, instructions under "x-instructions", and
 * the requirements (id, obligation, text) and processes (id, title, attributes to rate) to
 * work through under "x-checklist", which loading ignores.
 * @param[out] out the JSON text; Owned: release with itsma_free(). NULL on failure.
 * @param cat the catalogue (Borrowed). @param id the new assessment's id. @param date its
 *        as-of date, YYYY-MM-DD. @param target a capability level 0-5, or -1 for none.
 * @return 0; #ITSMA_EINVAL (NULL arguments, target above 5); #ITSMA_ENOMEM.
 * **Thread safety:** safe.
 */
ITSMA_EXTERN(int) itsma_assessment_template_json(char **out, const itsma_catalogue *cat,
                                                 const char *id, const char *date, int target,
                                                 itsma_error *err) ITSMA_WARN_UNUSED;

/** What to import a questionnaire into. Versioned. */
typedef struct itsma_import_options {
	unsigned int version;             /**< #ITSMA_IMPORT_OPTIONS_VERSION. */
	const itsma_catalogue *catalogue; /**< Required. Borrowed: must outlive the assessment. */
	const char *id;                   /**< Required: the new assessment's id. Copied. */
	const char *date;                 /**< Required: its as-of date "YYYY-MM-DD". Copied. */
	/** The separator, `,` `;` or a tab; 0 finds it from each file's header row. */
	char delimiter;
	/** Called once per problem (may be NULL): code, message, source, line, column, offset.
	 *  Return non-zero to stop the import. */
	itsma_problem_cb problem;
	void *payload; /**< Passed to @p problem. */
} itsma_import_options;

/** Current version of itsma_import_options. */
#define ITSMA_IMPORT_OPTIONS_VERSION 1
/** Static initialiser for itsma_import_options (no catalogue, id or date yet). */
#define ITSMA_IMPORT_OPTIONS_INIT                                                                  \
	{                                                                                          \
		ITSMA_IMPORT_OPTIONS_VERSION, NULL, NULL, NULL, 0, NULL, NULL                      \
	}

/**
 * Initialise import options to their defaults.
 * @return 0, or #ITSMA_EINVAL for an unknown version or NULL @p opts.
 */
ITSMA_EXTERN(int) itsma_import_options_init(itsma_import_options *opts, unsigned int version);

/**
 * Import a filled questionnaire, and optionally its evidence sheet, as a new assessment.
 *
 * Columns are found by their header (case and surrounding spaces do not matter), so a
 * spreadsheet may reorder them or add its own. Every problem is reported to
 * `opts->problem`, the evidence sheet's first, each file's in row order: CSV syntax,
 * encoding, a missing column, a bad cell, a duplicate row. Then, once each: a broken
 * evidence row that questionnaire rows cite, with their number, and an evidence id that no
 * record has, at its first citation, with the number of rows citing it (not one problem per
 * citing row). The assessment is made only when there is no problem at all.
 *
 * @param[out] out the new assessment; NULL when anything was wrong.
 * @param questionnaire the questionnaire CSV (Borrowed). @param len its length in bytes.
 * @param source its name in problems (NULL: "<questionnaire>").
 * @param evidence the evidence sheet CSV, or NULL when there is none (Borrowed).
 * @param evidence_len its length. @param evidence_source its name (NULL: "<evidence>").
 * @param opts catalogue, id, date, separator, problem callback.
 * @param err details of the first problem, or NULL.
 * @return 0; #ITSMA_EPARSE (CSV syntax or encoding); #ITSMA_ESCHEMA (missing columns, bad
 *         cells); #ITSMA_EINVAL (bad options); #ITSMA_ENOMEM; the callback's non-zero value
 *         when it stopped the import.
 * **Ownership:** `*out` is Owned: free it with itsma_assessment_free(); it borrows the
 * catalogue. Nothing else is kept. **Thread safety:** safe.
 */
ITSMA_EXTERN(int) itsma_questionnaire_import(itsma_assessment **out, const char *questionnaire,
                                             size_t len, const char *source, const char *evidence,
                                             size_t evidence_len, const char *evidence_source,
                                             const itsma_import_options *opts, itsma_error *err)
    ITSMA_WARN_UNUSED;

/**
 * Import from files (see itsma_questionnaire_import()).
 * @param path the questionnaire file. @param evidence_path the evidence sheet, or NULL.
 * @return as itsma_questionnaire_import(); a file that cannot be read is one #ITSMA_EIO
 *         problem (sys_errno set).
 */
ITSMA_EXTERN(int) itsma_questionnaire_import_file(itsma_assessment **out, const char *path,
                                                  const char *evidence_path,
                                                  const itsma_import_options *opts,
                                                  itsma_error *err) ITSMA_WARN_UNUSED;

ITSMA_END_DECL

#endif /* ITSMA_QUESTIONNAIRE_H */
