/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reading JSON documents with json-c (internal): strict parsing of one value at a time
 * with positions, duplicate-key and limit checks, and typed member access that reports
 * errors with a JSON Pointer.
 */
#ifndef ITSMA_INTERNAL_JSON_IN_H
#define ITSMA_INTERNAL_JSON_IN_H

#include <stddef.h>
#include <json-c/json.h>

#include "itsma/catalogue.h"
#include "itsma/assessment.h"
#include "internal/model.h"
#include "internal/error.h"

/*
 * A whole input file in memory: read into a buffer, or, for large regular files, mapped
 * read-only so that a streaming reader can hand back the pages it has finished with
 * (itsma__input_release), keeping resident memory near the model's own size.
 */
typedef struct itsma__input {
	char *data;
	size_t len;
	int mapped;
	size_t released; /* bytes [0, released) handed back (mapped inputs only) */
} itsma__input;
/* Remembered positions of a reader's text (lib/locate.c). */
typedef struct itsma__where itsma__where;
void itsma__where_free(itsma__where *w);
typedef struct itsma__reader {
	const char *buf;
	size_t len;
	const char *source;
	itsma_error *err;
	unsigned int max_depth;
	size_t max_string, max_records, max_bytes;
	json_tokener *tok;
	unsigned int tok_depth;
	/* validation mode: report problems and go on */
	int (*collect)(const itsma_error *problem, void *payload);
	void *payload;
	size_t problems;
	int stop;            /* the callback's non-zero return */
	itsma__input *input; /* set when reading a file: consumed pages can be released */
	itsma_catalogue_resolver resolve; /* finds an assessment's catalogue (load options v2) */
	void *resolve_payload;
	int no_fast;         /* tests: read every record through json-c */
	itsma_error first;   /* the first problem */
	itsma__where *where; /* positions located so far (NULL until the first; freed by fini) */
} itsma__reader;

/*
 * After a record-level failure `rc`: in validation mode, report the problem (with its
 * position) and return 0 so that the caller skips the record and goes on; otherwise (or
 * for errors that cannot be skipped, or when the callback stops) return rc.
 */
int itsma__reader_problem(itsma__reader *rd, int rc);

/* max_depth is capped here, whatever the options say: it bounds recursion (json-c's own
 * freeing, the writers) and the pretty writer's nesting (ITSMA__JW_MAX_DEPTH). */
#define ITSMA__MAX_DEPTH_CAP 1000u
/* Values (of any type) one parse may hold: 64 per record allowed, plus some slack. */
#define ITSMA__MAX_VALUES(max_records)                                                             \
	((max_records) > ((size_t)-1 - 4096) / 64 ? (size_t)-1 : (max_records)*64 + 4096)

/*
 * One json-c tree (the value of one parse) may cost at most this much memory, estimated from
 * the text before json-c reads it: 16 MiB plus 32 times the input's size. A json-c tree costs
 * 7 to 30 times the text of real documents, but up to 260 times for hostile ones ("{}," is
 * almost 800 bytes as a tree); past the budget, ITSMA_ELIMIT.
 */
#define ITSMA__TREE_BUDGET_FLOOR    ((size_t)16 << 20)
#define ITSMA__TREE_BUDGET_PER_BYTE 32

/* Initialise limits from options (NULL = defaults). Returns 0 or ITSMA_EINVAL. */
int itsma__reader_init(itsma__reader *rd, const char *buf, size_t len, const char *source,
                       const itsma_load_options *opts, itsma_error *err);
void itsma__reader_fini(itsma__reader *rd);

/* Skip JSON whitespace from pos; returns the new position. */
size_t itsma__json_ws(const itsma__reader *rd, size_t pos);

/*
 * Parse one JSON value that starts at `pos` (after whitespace), at nesting depth `depth`
 * of the document. On success *out is the value (caller puts it) and *end the offset after
 * it. Errors: ITSMA_EPARSE with line/column, ITSMA_ELIMIT, ITSMA_ENOMEM. `ptr` names the
 * value in errors about limits and duplicate keys.
 */
int itsma__json_parse(itsma__reader *rd, size_t pos, unsigned int depth, const char *ptr,
                      json_object **out, size_t *end);

/*
 * Parse a whole document: the input within the reader's byte limit (ITSMA_ELIMIT with the
 * source otherwise), one JSON value, nothing but white space after it. *root is the value
 * (caller puts it; it may be set on an error after the value, NULL otherwise).
 */
int itsma__json_parse_document(itsma__reader *rd, json_object **root);

/*
 * Check the value at pos as itsma__json_parse would (limits, strict RFC 8259, duplicate keys,
 * no U+0000 in strings) without building it: *end is set after it. For values kept or
 * re-read as text (top-level x- members, members read later, unknown members).
 */
int itsma__json_skip(itsma__reader *rd, size_t pos, unsigned int depth, const char *ptr,
                     size_t *end);

/* Parse a JSON string literal at pos into a malloc'd UTF-8 string (keys of the top level). */
int itsma__json_parse_string(itsma__reader *rd, size_t pos, char **out, size_t *end);

/* Report a syntax error at `offset` with message. Returns ITSMA_EPARSE. */
int itsma__json_syntax(itsma__reader *rd, size_t offset, const char *fmt, ...)
    ITSMA_FORMAT_PRINTF(3, 4);

/*
 * Fill line/column of a schema error from its pointer (best effort). Successive calls that
 * follow the document's order cost time linear in the text, all together (lib/locate.c).
 */
void itsma__json_locate_error(itsma__reader *rd);
/* Set err's line, column and offset for a byte offset of the reader's text (as above). */
void itsma__reader_position(itsma__reader *rd, itsma_error *err, size_t offset);

/* Schema error at ptr[/key]. Returns ITSMA_ESCHEMA. */
int itsma__schema(itsma__reader *rd, const char *ptr, const char *key, const char *fmt, ...)
    ITSMA_FORMAT_PRINTF(4, 5);

/* Build "ptr/key" or "ptr/index" into out (size ITSMA_ERROR_POINTER_LENGTH). */
void itsma__ptr_key(char *out, const char *ptr, const char *key);
void itsma__ptr_index(char *out, const char *ptr, size_t index);

/* Name of a JSON type for messages ("a string", "an array", ...). */
const char *itsma__json_type_name(const json_object *v);

/*
 * Check that every key of object `obj` is in `allowed` (NULL-terminated) or starts with
 * "x-"; collect x- members into *ext (may stay NULL). `what` names the object in the
 * message ("a section").
 */
int itsma__check_keys(itsma__reader *rd, json_object *obj, const char *ptr, const char *what,
                      const char *const *allowed, itsma__ext **ext);

/* Expect an object. */
int itsma__expect_object(itsma__reader *rd, json_object *v, const char *ptr, const char *what);

/*
 * Typed members. `required`: a missing key is an error; otherwise *out is left NULL/unset
 * and the function returns 0 with *present = 0 (present may be NULL).
 */
int itsma__get_string(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                      int required, int nonempty, const char **out);
int itsma__get_id(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                  int required, const char **out);
int itsma__get_date(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                    int required, const char **out, long *day);
/*
 * The same checks on a member already looked up: `v` is its value, NULL when the key is absent,
 * or `obj` itself when the value is JSON null.
 */
int itsma__string_at(itsma__reader *rd, json_object *obj, json_object *v, const char *ptr,
                     const char *key, int required, int nonempty, const char **out);
int itsma__id_at(itsma__reader *rd, json_object *obj, json_object *v, const char *ptr,
                 const char *key, int required, const char **out);
int itsma__date_at(itsma__reader *rd, json_object *obj, json_object *v, const char *ptr,
                   const char *key, int required, const char **out, long *day);
/* itsma_id_is_valid() of a string of known length. */
int itsma__id_valid_n(const char *s, size_t len);
int itsma__get_weight(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                      double *out, int *present);
int itsma__get_array(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                     int required, json_object **out);
int itsma__get_object(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                      int required, json_object **out);
/* A rating value: a letter string or a number 0..100. */
int itsma__get_rating(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                      itsma_letter *letter, double *value);
/* An array of unique ids; *out is a malloc'd array of borrowed strings (free it). */
int itsma__get_id_list(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                       const char ***out, size_t *count);
/* An array of non-empty strings. */
int itsma__get_string_list(itsma__reader *rd, json_object *obj, const char *ptr, const char *key,
                           const char ***out, size_t *count);

/* Loaders working from an initialised reader (validation sets rd->collect). */
int itsma__catalogue_load_reader(itsma__reader *rd, itsma_catalogue **out);
int itsma__assessment_load_reader(itsma__reader *rd, const itsma_catalogue *cat,
                                  itsma_assessment **out);

/* Write x- extensions into a pretty JSON writer (values re-indented). */
struct itsma__jw;
void itsma__write_ext(struct itsma__jw *w, const itsma__ext *ext);
/* The start of every *_to_json: out checked (with the object written, obj) and cleared, the
 * writer on b opened on the top-level object with its "format" and "id". 0 or ITSMA_EINVAL
 * ("out and WHAT must not be NULL"). */
struct itsma__buf;
int itsma__write_begin(struct itsma__jw *w, struct itsma__buf *b, char **out, const void *obj,
                       const char *what, const char *format, const char *id, itsma_error *err);
/* The end of every *_to_json: the document's top-level x- members, its closing brace, the
 * text handed over from the writer's buffer b (0 or ITSMA_ENOMEM). */
int itsma__write_ext_end(struct itsma__jw *w, struct itsma__buf *b, const itsma__ext *ext,
                         char **out, itsma_error *err);

/*
 * Loading one kind of itsma document: what differs between kinds is the tree walk `walk`,
 * which builds the object into *obj and ends with itsma__reader_walked() (the first
 * collected problem, or the callback's stop, as its result; the origin set), freeing the
 * object and leaving *obj NULL when that is not 0. itsma__reader_load() does the rest: parse
 * the whole document (size limit, one JSON value, nothing after it), walk it, locate the
 * error and release the tree. itsma__load_buffer() runs a loader on a buffer: it opens and
 * closes the reader (the loader's out-parameter, here obj, and the buffer checked:
 * ITSMA_EINVAL) and names the source of an ITSMA_ENOMEM.
 */
typedef int (*itsma__walk_fn)(itsma__reader *rd, json_object *root, void *ctx, void **obj);
int itsma__reader_walked(itsma__reader *rd, int rc, char **origin);
int itsma__reader_load(itsma__reader *rd, itsma__walk_fn walk, void *ctx, void **obj);
/* `read` loads the document of a reader into *obj (itsma__reader_load() with the kind's walk,
 * or the assessment's own reader). */
typedef int (*itsma__read_fn)(itsma__reader *rd, void *ctx, void **obj);
int itsma__load_buffer(itsma__read_fn read, void *ctx, void **obj, const char *buf, size_t len,
                       const char *source_name, const itsma_load_options *opts, itsma_error *err);

/*
 * Validation runs (lib/validate.c): open a reader on a buffer that collects every problem into
 * cb (the first one also kept), and close it: the run's result (the callback's stop, a
 * problem that ended the run reported too, err holding the first problem, ENOMEM named by the
 * source). `local` is the reader's error struct, kept by the caller for the run.
 */
int itsma__validate_open(itsma__reader *rd, itsma_error *local, const char *buf, size_t len,
                         const char *source_name, const itsma_load_options *opts,
                         int (*cb)(const itsma_error *, void *), void *payload, itsma_error *err);
int itsma__validate_close(itsma__reader *rd, int rc, const itsma_error *local,
                          int (*cb)(const itsma_error *, void *), void *payload, itsma_error *err);

/* File helpers. Read a whole file (with a size limit); returns 0, ITSMA_EIO, ITSMA_ELIMIT. */
int itsma__read_file(const char *path, size_t max_bytes, char **out, size_t *len, itsma_error *err);

/* Open @p path (regular file or FIFO; the kind checked on the opened descriptor) as an input:
 * mapped when large, else read. */
int itsma__input_open(itsma__input *in, const char *path, size_t max_bytes, itsma_error *err);
/* As itsma__input_open() on an open descriptor (left open): the size mapped comes from
 * fstat() of @p fd, so a file replaced at its path meanwhile cannot shorten the mapping. */
int itsma__input_from_fd(itsma__input *in, int fd, const char *path, size_t max_bytes,
                         itsma_error *err);
/* "a regular file", "a directory", "a character device", ... for a st_mode. */
const char *itsma__file_kind(unsigned int mode);
/* Hand back the pages that lie wholly before `upto` (no-op for read buffers). */
void itsma__input_release(itsma__input *in, size_t upto);
void itsma__input_close(itsma__input *in);
/*
 * The end of every *_save_file: given the return code of a *_to_json call and the text it
 * made, write the text atomically (when rc is 0), free it and return the outcome.
 */
int itsma__save_text(const char *path, int rc, char *text, itsma_error *err);

#endif
