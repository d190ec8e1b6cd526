/*
 * The itsma command-line program: declarations shared by its source files.
 *
 * One concept per file: main.c dispatches to the commands (cmd_*.c); args.c parses
 * options; strbuf.c is a growable string; io.c reads and writes files; load.c loads
 * catalogues and assessments and prints library errors; cmd_mapping.c holds `mapping` and `carry`; text.c formats numbers and
 * escapes text for Markdown, HTML and JSON; colour.c decides on terminal colour; csv.c
 * reads and writes RFC 4180 CSV; sha256.c computes digests; report_*.c write reports.
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

/* ---- files (io.c) ------------------------------------------------------------------------- */
/* Read a whole file ("-" is standard input). Prints "path: reason" on failure. 0 or -1. */
int cli_read_file(const char *path, char **data, size_t *len);
/* Write @p data to @p path atomically (temporary file, rename), or to standard output when
 * @p path is NULL or "-". Prints the reason on failure. Returns CLI_OK or CLI_INVALID. */
int cli_write_output(const char *path, const char *data, size_t len);
/* Whether a path names an existing regular file. */
int cli_is_file(const char *path);

/* ---- library objects (load.c) ----------------------------------------------------------------- */
/* Print a library error the way compilers do ("file:line:column: message"). */
void cli_print_error(const itsma_error *err);
/* Load a catalogue from a file, or a built-in one by id when @p arg is not a file.
 * Prints the error and returns CLI_INVALID on failure. */
int cli_load_catalogue(itsma_catalogue **out, const char *arg);
/* Load an assessment; @p cat NULL resolves its catalogue among the built-ins. */
int cli_load_assessment(itsma_assessment **out, const char *path, const itsma_catalogue *cat);
/* Score with the given options; prints errors. */
int cli_score(itsma_result **out, const itsma_assessment *a, const itsma_score_options *opts);
/* The value of a top-level string member of a JSON object text (e.g. "catalogue"), without
 * loading it: a copy to free, or NULL when absent or unreadable. */
char *cli_json_peek_string(const char *json, size_t len, const char *key);

/* ---- numbers and escaping (text.c) ---------------------------------------------------------- */
/* A number with at most @p decimals decimals, trailing zeros dropped ("67.5", "0.1235");
 * "n/a" for NaN. Writes into @p buf (at least 48 bytes) and returns it. */
const char *fmt_num(char *buf, double v, int decimals);
/* A percentage with one decimal and a "%" sign ("63.2%"), "n/a" for NaN. */
const char *fmt_pct(char *buf, double v);
/* A signed difference in points with one decimal ("+4.1", "-0.3", "0.0"), "n/a" for NaN. */
const char *fmt_delta(char *buf, double v, int decimals);
void md_escape(sb *b, const char *s);   /* inline Markdown text, table-cell safe */
void html_escape(sb *b, const char *s); /* HTML text and attribute values */
void json_escape(sb *b, const char *s); /* a JSON string with its quotes */
/* Number of Unicode code points in a UTF-8 string (for aligning columns). */
size_t utf8_width(const char *s);
/* Append at most @p width code points of @p s, ending with an ellipsis when cut, then pad
 * with spaces to @p width when @p pad is set. */
void sb_put_fitted(sb *b, const char *s, size_t width, int pad);
/* Append @p text wrapped at @p width columns; the first line starts at column @p indent
 * (already written) and later lines are indented by as many spaces. */
void sb_wrap(sb *b, const char *text, size_t indent, size_t width);
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
/* The colour of a band letter: N red, P yellow, L cyan, F green. */
cli_colour cli_letter_colour(itsma_letter l);
/* The colour of a verdict. */
cli_colour cli_verdict_colour(itsma_verdict v);

/* ---- CSV (csv.c) ---------------------------------------------------------------------------- */
/* A parsed CSV file: rows of fields. RFC 4180 with a UTF-8 byte-order mark, CRLF or LF line
 * endings, quoted fields with commas, quotes and line breaks. */
typedef struct csv_row {
	char **fields;
	size_t count;
	long line; /* line of the file where the row starts (1-based) */
} csv_row;
typedef struct csv_table {
	csv_row *rows;
	size_t count;
} csv_table;
/* Parse; on a syntax error prints "source:line:column: message" and returns -1. */
int csv_parse(csv_table *out, const char *data, size_t len, const char *source);
void csv_free(csv_table *t);
/* Writing CSV: fields are quoted when needed; records end with CRLF (RFC 4180). */
typedef struct csv_writer {
	sb out;
	size_t column;
} csv_writer;
#define CSV_WRITER_INIT { SB_INIT, 0 }
void csv_field(csv_writer *w, const char *s);
void csv_end_row(csv_writer *w);

/* ---- SHA-256 (sha256.c) ---------------------------------------------------------------------- */
typedef struct sha256_ctx {
	unsigned int state[8];
	unsigned long long bytes;
	unsigned char block[64];
	size_t used;
} sha256_ctx;
void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t len);
void sha256_final(sha256_ctx *c, unsigned char digest[32]);
/* Hex digest of a file into hex[65]: 0, or -1 with errno set. */
int sha256_file(const char *path, char hex[65]);

#endif /* ITSMA_CLI_H */
