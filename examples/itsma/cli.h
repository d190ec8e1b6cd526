/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The itsma command-line program: declarations shared by its source files.
 *
 * One concept per file: main.c dispatches to the commands (cmd_*.c); args.c parses
 * options; strbuf.c is a growable string; io.c reads and writes files; load.c loads
 * catalogues and assessments and prints library errors; text.c formats percentages and
 * escapes text for Markdown and JSON; colour.c decides on terminal colour; csv.c reads and
 * writes RFC 4180 CSV; cmd_mapping.c holds `mapping` and `carry`. Reports, evidence checks
 * (libcrypto) and questionnaires come from the library.
 */
#ifndef ITSMA_CLI_H
#define ITSMA_CLI_H

#include <itsma.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* ---- exit statuses (documented in `itsma --help`) ------------------------------------------ */
enum {
	CLI_OK = 0,      /* success */
	CLI_INVALID = 1, /* invalid input, or a check failed */
	CLI_USAGE = 2,   /* usage error */
	CLI_SHORT = 3    /* below a threshold (score --fail-under, --require-verdict) */
};

#if defined(__GNUC__) || defined(__clang__)
#define CLI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define CLI_NORETURN __attribute__((noreturn))
#else
#define CLI_PRINTF(a, b)
#define CLI_NORETURN
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

/* ---- memory and strings (strbuf.c) ---------------------------------------------------------- */
/* Allocation that cannot fail: on exhaustion the program says so and exits with status 1. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A growable NUL-terminated string. */
typedef struct sb {
	char *data;
	size_t len;
	size_t cap;
} sb;
#define SB_INIT { NULL, 0, 0 }
void sb_putn(sb *b, const char *s, size_t n);
void sb_puts(sb *b, const char *s);
void sb_putc(sb *b, char c);
void sb_printf(sb *b, const char *fmt, ...) CLI_PRINTF(2, 3);
void sb_vprintf(sb *b, const char *fmt, va_list ap);
/* Append @p s repeated @p n times. */
void sb_repeat(sb *b, const char *s, size_t n);
/* The text so far ("" when empty); valid until the next append. */
const char *sb_str(const sb *b);
void sb_clear(sb *b);
void sb_free(sb *b);

/* ---- messages (main.c) ---------------------------------------------------------------------- */
/* The program name for messages: "itsma". */
extern const char *cli_progname;
/* "itsma CMD: message" on stderr. */
void cli_warn(const char *fmt, ...) CLI_PRINTF(1, 2);
/* A usage error: "itsma CMD: message" and a hint to run --help; returns CLI_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) CLI_PRINTF(2, 3);

/* ---- option parsing (args.c) ------------------------------------------------------------- */
typedef struct cli_option {
	const char *name; /* long name without "--", e.g. "format" */
	char short_name;  /* e.g. 'o', or 0 */
	int has_value;    /* 1 when it takes a value */
	int id;           /* returned to the caller */
} cli_option;

typedef struct cli_args {
	int argc;
	char **argv;
	int index;         /* next argument to look at */
	int only_operands; /* after "--" */
	const char *cmd;   /* command name for messages, e.g. "report" */
	const char *help;  /* printed for -h / --help */
	const char **const *slots; /* where operands go, in order (cli_args_operands) */
	size_t nslots, filled;
} cli_args;

enum {
	CLI_ARG_END = 0,     /* no more arguments */
	CLI_ARG_OPTION = 1,  /* *id and *value set */
	CLI_ARG_OPERAND = 2, /* *value set (only without operand slots) */
	CLI_ARG_HELP = 3,    /* -h or --help: the help was printed; exit with CLI_OK */
	CLI_ARG_ERROR = 4    /* message printed; exit with CLI_USAGE */
};
/*
 * A command's arguments: options with id 0..n-1 in a table ended by a zero entry.
 *
 *     cli_args_init(&a, "score", help, argc, argv);
 *     cli_args_operands(&a, operands, 1);          // or handle CLI_ARG_OPERAND yourself
 *     while ((kind = cli_args_next(&a, options, &id, &value)) == CLI_ARG_OPTION)
 *             ... switch (id) ...
 *     if (kind != CLI_ARG_END)
 *             return cli_args_exit(kind);          // --help shown, or a usage error
 */
void cli_args_init(cli_args *a, const char *cmd, const char *help, int argc, char **argv);
/* Operands fill *slots[0], *slots[1], ... in turn; one more is a usage error. */
void cli_args_operands(cli_args *a, const char **const *slots, size_t n);
int cli_args_next(cli_args *a, const cli_option *opts, int *id, const char **value);
/* The exit status after cli_args_next() ended with CLI_ARG_HELP or CLI_ARG_ERROR. */
int cli_args_exit(int kind);
/* --evidence-policy's value into *out: CLI_OK, or a usage error (CLI_USAGE). */
int cli_parse_policy(const char *cmd, const char *text, itsma_evidence_policy *out);
/* Parse a non-negative decimal number; returns 0 on success. */
int cli_parse_number(const char *text, double *out);
/* Parse a non-negative integer; returns 0 on success. */
int cli_parse_size(const char *text, size_t *out);
/* Parse a CSV separator: ",", ";", "tab" (or a tab character); returns 0 on success. */
int cli_parse_delimiter(const char *text, char *out);

/* ---- files (io.c) ------------------------------------------------------------------------- */
/* Read a whole file ("-" is standard input), bounded by the library's input limit; devices,
 * sockets and directories are refused. Prints "path: reason" on failure. 0 or -1. */
int cli_read_file(const char *path, char **data, size_t *len);
/* Write @p data to @p path with itsma_file_write() (a regular file is replaced atomically,
 * a device or FIFO written into), or to standard output when @p path is NULL or "-".
 * Prints the reason on failure. Returns CLI_OK or CLI_INVALID. */
int cli_write_output(const char *path, const char *data, size_t len);
/* Whether a path names an existing regular file. */
int cli_is_file(const char *path);

/* ---- library objects (load.c) ----------------------------------------------------------------- */
/* Print a library error the way compilers do ("file:line:column: message"). */
void cli_print_error(const itsma_error *err);
/* Load a catalogue: "-" is standard input; an argument with a '/' or ending in ".json" is a
 * file; anything else is a built-in id, and only when no built-in has that id is a file of
 * that name read (with a warning). Prints the error and returns CLI_INVALID on failure. */
int cli_load_catalogue(itsma_catalogue **out, const char *arg);
/* Load an assessment ("-" is standard input); @p cat NULL resolves its catalogue among the
 * built-ins. */
int cli_load_assessment(itsma_assessment **out, const char *path, const itsma_catalogue *cat);
/* A usage error when more than one of @p paths is "-"; else CLI_OK. */
int cli_stdin_once(const char *cmd, const char *const *paths, size_t n);
/* Score with the given options; prints errors. */
int cli_score(itsma_result **out, const itsma_assessment *a, const itsma_score_options *opts);

/* ---- percentages and escaping (text.c) ---------------------------------------------------------- */
/* A percentage with one decimal and a "%" sign ("63.2%"), "n/a" for NaN. */
const char *fmt_pct(char *buf, double v);
const char *fmt_num(char *buf, double v, int decimals);
void md_escape(sb *b, const char *s);   /* inline Markdown text, table-cell safe */
void json_escape(sb *b, const char *s); /* a JSON string with its quotes */
/* Today's date as "YYYY-MM-DD" (local time) into buf[11]. */
void cli_today(char *buf);

/* ---- colour (colour.c) --------------------------------------------------------------------- */
/* Whether to colour output written to @p f: a terminal, NO_COLOR unset or empty, TERM not
 * "dumb". */
int cli_colour_wanted(FILE *f);
/* Whether @p f is a terminal. */
int cli_is_terminal(FILE *f);
/* ANSI sequences, or "" when colour is off. */
typedef enum cli_colour {
	COL_RESET = 0,
	COL_BOLD,
	COL_DIM,
	COL_RED,
	COL_GREEN,
	COL_YELLOW,
	COL_BLUE,
	COL_MAGENTA,
	COL_CYAN
} cli_colour;
const char *cli_col(int enabled, cli_colour c);

/* ---- CSV (csv.c) ---------------------------------------------------------------------------- */
/* Writing CSV: fields are quoted when needed; records end with CRLF (RFC 4180). */
typedef struct csv_writer {
	sb out;
	size_t column;
} csv_writer;
#define CSV_WRITER_INIT { SB_INIT, 0 }
void csv_field(csv_writer *w, const char *s);
void csv_end_row(csv_writer *w);

#endif /* ITSMA_CLI_H */
