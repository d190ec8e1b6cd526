/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The itsma command-line program: declarations shared by its source files.
 *
 * One concept per file: main.c dispatches to the commands (cmd_*.c) and prints messages;
 * args.c parses options from a table per command; io.c reads and writes files; load.c loads
 * catalogues and assessments and prints library errors. Everything else (reports,
 * renderings, questionnaires, evidence checks, mappings) comes from the library.
 */
#ifndef ITSMA_CLI_H
#define ITSMA_CLI_H

#include <itsma.h>

#include <stddef.h>
#include <stdio.h>

/* ---- exit statuses (documented in `itsma --help`) ------------------------------------------ */
enum {
	CLI_GO = -1,     /* not an exit status: parsing went well, go on */
	CLI_OK = 0,      /* success */
	CLI_INVALID = 1, /* invalid input, or a check failed */
	CLI_USAGE = 2,   /* usage error */
	CLI_SHORT = 3    /* below a threshold (score --fail-under, --require-verdict) */
};

#if defined(__GNUC__) || defined(__clang__)
#define CLI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define CLI_PRINTF(a, b)
#endif

/* ---- commands (cmd_*.c); each returns an exit status ------------------------------------- */
int cmd_catalogue(int argc, char **argv);
int cmd_template(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_evidence(int argc, char **argv);
int cmd_trend(int argc, char **argv);
int cmd_import_catalogue(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_mapping_import(int argc, char **argv); /* itsma mapping import (cmd_interop.c) */
int cmd_mapping_export(int argc, char **argv); /* itsma mapping export (cmd_interop.c) */
int cmd_mapping(int argc, char **argv);
int cmd_carry(int argc, char **argv);

/* ---- messages (main.c) ---------------------------------------------------------------------- */
/* The program name for messages: "itsma". */
extern const char *cli_progname;
/* "itsma CMD: message" on stderr. */
void cli_warn(const char *fmt, ...) CLI_PRINTF(1, 2);
/* A usage error: "itsma CMD: message" and a hint to run --help; returns CLI_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) CLI_PRINTF(2, 3);

/* ---- option parsing (args.c) ------------------------------------------------------------- */
/* One option of a command: --name (and -c when short_name is set) stores its value in
 * *value, or, when value is NULL, sets *flag to 1. Tables end with a zero entry. */
typedef struct cli_option {
	const char *name;   /* long name without "--", e.g. "format" */
	char short_name;    /* e.g. 'o', or 0 */
	const char **value; /* where the value goes; NULL for a flag */
	int *flag;          /* the flag set by an option without a value */
} cli_option;

/*
 * Parse a command's arguments (argv[1..]): options from @p opts, and up to @p max operands
 * into operands[0..] (their number in *count, which may be NULL); one more is a usage error.
 * Passing (const char **)argv as @p operands is allowed (operands are compacted in place).
 * @return CLI_GO to go on; CLI_OK when --help was printed; CLI_USAGE after a usage error.
 */
int cli_parse(const char *cmd, const char *help, int argc, char **argv, const cli_option *opts,
              const char **operands, size_t max, size_t *count);
/* CLI_GO when @p value is one of the NULL-terminated @p allowed, else a usage error
 * "OPTION must be a, b or c, not 'VALUE'". */
int cli_one_of(const char *cmd, const char *option, const char *value, const char *const *allowed);
/* --evidence-policy's value (NULL: unchanged) into *out: CLI_GO, or a usage error. */
int cli_parse_policy(const char *cmd, const char *text, itsma_evidence_policy *out);
/* --target's value (NULL: unchanged), a level 0-5, into *out: CLI_GO, or a usage error. */
int cli_parse_level(const char *cmd, const char *text, int *out);
/* Parse a non-negative decimal number; returns 0 on success. */
int cli_parse_number(const char *text, double *out);
/* Parse a non-negative integer; returns 0 on success. */
int cli_parse_size(const char *text, size_t *out);
/* Parse a CSV separator: ",", ";", "tab" (or a tab character); returns 0 on success. */
int cli_parse_delimiter(const char *text, char *out);

/* ---- files and output (io.c) ----------------------------------------------------------------- */
/* Read a whole file ("-" is standard input), bounded by the library's input limit; devices,
 * sockets and directories are refused. Prints "path: reason" on failure. CLI_OK or CLI_INVALID. */
int cli_read_file(const char *path, char **data, size_t *len);
/* Write @p data to @p path with itsma_file_write() (a regular file is replaced atomically,
 * a device or FIFO written into), or to standard output when @p path is NULL or "-".
 * Prints the reason on failure. Returns CLI_OK or CLI_INVALID. */
int cli_write_output(const char *path, const char *data, size_t len);
/* The end of a library call that made a text: when @p rc is 0, write @p text (Owned, freed
 * here; its length is strlen when @p len is 0) as cli_write_output() does; otherwise print
 * @p err. Returns CLI_OK or CLI_INVALID. */
int cli_emit(int rc, const itsma_error *err, const char *path, char *text, size_t len);
/* Whether a path names an existing regular file. */
int cli_is_file(const char *path);
/* Whether to colour output written to @p f: a terminal, NO_COLOR unset or empty, TERM not
 * "dumb". */
int cli_colour_wanted(FILE *f);

/* ---- library objects (load.c) -----------------------------------------------------------------
 */
/* Print a library error the way compilers do ("file:line:column: message"). */
void cli_print_error(const itsma_error *err);
/* cli_print_error(), then CLI_INVALID. */
int cli_fail(const itsma_error *err);
/* Load a catalogue: "-" is standard input; an argument with a '/' or ending in ".json" is a
 * file; anything else is a built-in id, and only when no built-in has that id is a file of
 * that name read (with a warning). Prints the error and returns CLI_INVALID on failure. */
int cli_load_catalogue(itsma_catalogue **out, const char *arg);
/* Load an assessment ("-" is standard input); @p cat NULL resolves its catalogue among the
 * built-ins. */
int cli_load_assessment(itsma_assessment **out, const char *path, const itsma_catalogue *cat);
/* The catalogue of --catalogue (when @p catalogue is not NULL), then the assessment at @p path,
 * scored with @p opts into *r (when @p r is not NULL). Prints errors. */
int cli_load_scored(itsma_catalogue **cat, itsma_assessment **a, itsma_result **r,
                    const char *catalogue, const char *path, const itsma_score_options *opts);
/* A usage error when more than one of @p paths is "-"; else CLI_GO. */
int cli_stdin_once(const char *cmd, const char *const *paths, size_t n);
/* Score with the given options; prints errors. */
int cli_score(itsma_result **out, const itsma_assessment *a, const itsma_score_options *opts);

#endif /* ITSMA_CLI_H */
