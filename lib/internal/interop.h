/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What the importers and exporters of the ecosystem's formats share (internal): ids made
 * from foreign identifiers, x- keys on catalogue objects, warnings, version-5 UUIDs and
 * CSV cells.
 */
#ifndef ITSMA_INTERNAL_INTEROP_H
#define ITSMA_INTERNAL_INTEROP_H

#include <stddef.h>
#include <json-c/json.h>

#include "itsma/interop.h"
#include "internal/arena.h"
#include "internal/buf.h"
#include "internal/error.h"
#include "internal/model.h"
#include "internal/strmap.h"

/*
 * Ids made from foreign identifiers: every byte outside itsma's id alphabet becomes '_'
 * (a run of them one '_'), the result is cut to 64 bytes, and an id already handed out
 * gets the first free suffix "-2", "-3", ... (counted per base, so n equal bases cost O(n)).
 * Deterministic: the same sequence of inputs gives the same ids.
 */
typedef struct itsma__idgen {
	itsma__arena arena;
	itsma__strmap taken; /* ids handed out */
	itsma__strmap next;  /* base -> next suffix to try */
} itsma__idgen;
void itsma__idgen_init(itsma__idgen *g);
void itsma__idgen_fini(itsma__idgen *g);
/* Make an id from `raw` (len bytes; empty -> `fallback`) into out (65 bytes) and reserve it.
 * Returns 0 or ITSMA_ENOMEM. */
int itsma__idgen_make(itsma__idgen *g, const char *raw, size_t len, const char *fallback,
                      char out[65], itsma_error *err);

/* Append x- key `key` with `value` (reference taken, also on failure) to *x. 0 or ENOMEM. */
int itsma__ext_put(itsma__ext **x, const char *key, json_object *value, itsma_error *err);
/* The same with a string value (NULL: nothing added). */
int itsma__ext_put_string(itsma__ext **x, const char *key, const char *value, itsma_error *err);
/* The x- value of `key` in ext as a new json-c value (Owned: json_object_put), or NULL. */
json_object *itsma__ext_get(const itsma__ext *x, const char *key);
/*
 * x- keys carried through a foreign format as one JSON object: write `{"KEY":VALUE}` of member
 * `index` of x into b (compact, one line); read every x- member of a parsed object into *x
 * (other members are left to the caller). 0 or ITSMA_ENOMEM; a repeated key is ITSMA_EEXISTS.
 */
void itsma__ext_member_json(itsma__buf *b, const itsma__ext *x, size_t index);
int itsma__ext_take_members(itsma__ext **x, json_object *obj, itsma_error *err);
/* Parse JSON text an exporter of itsma wrote into a foreign document (an `itsma` key, an
 * extension prop) with itsma's parser: limits, duplicate keys, allocation failures handled
 * as for every loader. 0, ITSMA_EPARSE, ITSMA_ELIMIT or ITSMA_ENOMEM (err says why). */
int itsma__interop_parse_json(json_object **out, const char *text, size_t len,
                              const itsma_load_options *load, itsma_error *err);
/* Attach x- keys to a section/requirement built in code (replaces nothing: *x moves). */
void itsma__section_take_ext(const itsma_section *s, itsma__ext **x);
void itsma__requirement_take_ext(const itsma_requirement *r, itsma__ext **x);

/* Warnings: counted; the first ITSMA__WARN_LOCATED get a line and column. */
#define ITSMA__WARN_LOCATED 64
typedef struct itsma__warner {
	itsma_warning_cb cb;
	void *payload;
	const char *source;
	const char *buf;
	size_t len;
	size_t count;
} itsma__warner;
/* Report a warning at `pointer` (line/column: 0 when unknown). Returns the callback's value. */
int itsma__warn(itsma__warner *w, const char *pointer, int line, int column, const char *fmt, ...)
    ITSMA_FORMAT_PRINTF(5, 6);
/*
 * An importer's warning `msg` at JSON Pointer `ptr` of the document `rd` reads (whose error is
 * `e`): located (line and column) while fewer than ITSMA__WARN_LOCATED were given, `e` kept as
 * it was. A callback that stops the import sets `*stop` and `e`. Returns the callback's value.
 */
struct itsma__reader;
int itsma__warn_located(itsma__warner *w, struct itsma__reader *rd, itsma_error *e, int *stop,
                        const char *ptr, const char *msg);

/* Version-5 UUID (RFC 9562, SHA-1) of `name` in the namespace `ns` (16 bytes), as
 * 36 characters plus NUL into out. Returns 0 or ITSMA_ENOMEM/ITSMA_ERROR (libcrypto). */
int itsma__uuid5(char out[37], const unsigned char ns[16], const char *name, size_t len,
                 itsma_error *err);

/* A CSV cell (RFC 4180): quoted when needed; a text that a spreadsheet would read as a
 * formula (first character = + - @ TAB CR) is prefixed with ' and quoted. */
void itsma__csv_text(itsma__buf *b, const char *s);
/* A numeric cell (never neutralised): the number as itsma__buf_json_number writes it. */
void itsma__csv_number(itsma__buf *b, double v);

/* The urn packager, checked: NULL -> "itsma"; 0 or ITSMA_EINVAL. */
int itsma__ciso_packager(const char **out, const char *packager, itsma_error *err);
/* A urn segment made from an itsma id: lower case, characters outside a-z 0-9 . - _ as '-'. */
void itsma__ciso_urn_part(itsma__buf *b, const char *id);

/*
 * The CISO Assistant urn of every section and requirement of a catalogue, both ways: its
 * x-ciso-urn when it has one (it came from CISO Assistant), else
 * urn:PACKAGER:risk:req_node:REF:ID made unique with "-2", "-3"... in catalogue order (a section,
 * its requirements, its sub-sections). The library export, the audit CSV and the mapping sets
 * all use it, so their urns agree.
 */
typedef struct itsma__urns {
	itsma__strmap by_id;  /* id -> urn */
	itsma__strmap by_urn; /* urn -> id */
	char **owned;
	size_t count, cap;
	char *framework; /* urn:PACKAGER:risk:framework:REF (or the catalogue's
	                    x-ciso-framework-urn) */
	char *library;   /* urn:PACKAGER:risk:library:REF (or its x-ciso-urn) */
} itsma__urns;
int itsma__urns_build(itsma__urns *u, const itsma_catalogue *cat, const char *packager,
                      itsma_error *err);
void itsma__urns_fini(itsma__urns *u);

#endif
