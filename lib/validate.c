/* SPDX-License-Identifier: Apache-2.0 */
/* Validation that reports every problem of a catalogue, assessment or mapping document. */
#include "itsma/validate.h"
#include "internal/json_in.h"
#include "internal/error.h"
#include "internal/enumword.h"
#include "internal/mapping.h"

#include <stdlib.h>
#include <string.h>

/* Read the top-level "format" string without building a tree (best effort). */
static itsma_document_kind sniff(const char *buf, size_t len)
{
	static const char key[] = "\"format\"";
	const char *p = buf, *end = buf + len;
	/* the key must be a top-level member: accept the first occurrence at depth 1 */
	size_t depth = 0;
	while (p < end) {
		char c = *p;
		if (c == '"') {
			if (depth == 1 && (size_t)(end - p) >= sizeof key - 1 &&
			    memcmp(p, key, sizeof key - 1) == 0) {
				const char *q = p + sizeof key - 1;
				while (q < end &&
				       (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r'))
					q++;
				if (q < end && *q == ':') {
					q++;
					while (q < end && (*q == ' ' || *q == '\t' || *q == '\n' ||
					                   *q == '\r'))
						q++;
					if ((size_t)(end - q) >= 19 &&
					    memcmp(q, "\"itsma-catalogue/1\"", 19) == 0)
						return ITSMA_DOCUMENT_KIND_CATALOGUE;
					if ((size_t)(end - q) >= 20 &&
					    memcmp(q, "\"itsma-assessment/1\"", 20) == 0)
						return ITSMA_DOCUMENT_KIND_ASSESSMENT;
					if ((size_t)(end - q) >= 17 &&
					    memcmp(q, "\"itsma-mapping/1\"", 17) == 0)
						return ITSMA_DOCUMENT_KIND_MAPPING;
					return ITSMA_DOCUMENT_KIND_UNKNOWN;
				}
			}
			p++;
			while (p < end && *p != '"') {
				if (*p == '\\')
					p++;
				p++;
			}
			p++;
			continue;
		}
		if (c == '{' || c == '[')
			depth++;
		else if (c == '}' || c == ']')
			depth--;
		p++;
	}
	return ITSMA_DOCUMENT_KIND_UNKNOWN;
}

/* ITSMA_DOCUMENT_KIND_UNKNOWN has no word. */
ITSMA__ENUM_WORDS(document_kind, "a document kind", { "catalogue", ITSMA_DOCUMENT_KIND_CATALOGUE },
                  { "assessment", ITSMA_DOCUMENT_KIND_ASSESSMENT },
                  { "mapping", ITSMA_DOCUMENT_KIND_MAPPING })

itsma_document_kind itsma_document_detect(const char *buf, size_t len)
{
	return buf ? sniff(buf, len) : ITSMA_DOCUMENT_KIND_UNKNOWN;
}

/* A mapping's catalogues when validating: the caller's catalogue for the side of its id, else
 * the load options' resolver (then the built-ins, as the mapping loader does). */
typedef struct mapping_sides {
	const itsma_catalogue *cat;
	itsma_catalogue_resolver resolve;
	void *payload;
} mapping_sides;

static int resolve_side(const itsma_catalogue **out, const char *id, void *payload)
{
	const mapping_sides *ms = payload;
	if (ms->cat && strcmp(itsma_catalogue_id(ms->cat), id) == 0) {
		*out = ms->cat;
		return 0;
	}
	return ms->resolve ? ms->resolve(out, id, ms->payload) : ITSMA_ENOTFOUND;
}

int itsma__validate_open(itsma__reader *rd, itsma_error *local, const char *buf, size_t len,
                         const char *source_name, const itsma_load_options *opts,
                         int (*cb)(const itsma_error *, void *), void *payload, itsma_error *err)
{
	int rc;
	if (!buf && len)
		return itsma__error_set(err, ITSMA_EINVAL, "buf must not be NULL");
	/* the reader always needs an error struct to collect into */
	if ((rc = itsma__reader_init(rd, buf ? buf : "", len, source_name, opts, local)) < 0) {
		if (err)
			*err = *local;
		return rc;
	}
	/* without a callback every problem is still gone through, so that err holds the first */
	rd->collect = cb;
	rd->payload = payload;
	return 0;
}

int itsma__validate_close(itsma__reader *rd, int rc, const itsma_error *local,
                          int (*cb)(const itsma_error *, void *), void *payload, itsma_error *err)
{
	itsma__reader_fini(rd);
	if (rd->stop) {
		if (err)
			*err = rd->first;
		return rd->stop;
	}
	if (rc == ITSMA_ENOMEM) {
		/* not a problem of the document; its name still says which load ran out */
		itsma__error_nomem(err);
		itsma__error_source(err, rd->source);
		return ITSMA_ENOMEM;
	}
	if (rc < 0) {
		/* a problem that ended the run (syntax, or not collectable) is reported too */
		if (cb && local->code != 0 &&
		    !(rd->problems && memcmp(local, &rd->first, sizeof *local) == 0))
			cb(local, payload);
		if (err)
			*err = rd->problems ? rd->first : *local;
		if (rd->problems)
			rc = rd->first.code; /* the first problem's code, as err holds it */
	}
	return rc;
}

int itsma_validate_buffer(itsma_document_kind *kind_out, const char *buf, size_t len,
                          const char *source_name, const itsma_catalogue *cat, itsma_problem_cb cb,
                          void *payload, itsma_error *err)
{
	itsma__error_reset(err);
	return itsma_validate_buffer_ext(kind_out, buf, len, source_name, cat, NULL, cb, payload,
	                                 err);
}

int itsma_validate_buffer_ext(itsma_document_kind *kind_out, const char *buf, size_t len,
                              const char *source_name, const itsma_catalogue *cat,
                              const itsma_load_options *opts, itsma_problem_cb cb, void *payload,
                              itsma_error *err)
{
	itsma__reader rd;
	itsma_error local = ITSMA_ERROR_INIT;
	itsma_document_kind kind;
	int rc;

	itsma__error_reset(err);
	if (kind_out)
		*kind_out = ITSMA_DOCUMENT_KIND_UNKNOWN;
	if ((rc = itsma__validate_open(&rd, &local, buf, len, source_name, opts, cb, payload,
	                               err)) < 0)
		return rc;
	buf = rd.buf;
	kind = sniff(buf, len);
	if (kind_out)
		*kind_out = kind;
	if (kind == ITSMA_DOCUMENT_KIND_CATALOGUE) {
		itsma_catalogue *c = NULL;
		rc = itsma__catalogue_load_reader(&rd, &c);
		itsma_catalogue_free(c);
	} else if (kind == ITSMA_DOCUMENT_KIND_ASSESSMENT) {
		itsma_assessment *a = NULL;
		rc = itsma__assessment_load_reader(&rd, cat, &a);
		itsma_assessment_free(a);
	} else if (kind == ITSMA_DOCUMENT_KIND_MAPPING) {
		itsma_mapping *m = NULL;
		itsma_mapping_catalogues mc = ITSMA_MAPPING_CATALOGUES_INIT;
		mapping_sides ms = { cat, rd.resolve, rd.resolve_payload };
		mc.resolve = resolve_side;
		mc.payload = &ms;
		rc = itsma__mapping_load_reader(&rd, &mc, &m);
		itsma_mapping_free(m);
	} else {
		/* not one of ours: a syntax error is more useful than "unknown format" */
		itsma_catalogue *c = NULL;
		rc = itsma__catalogue_load_reader(&rd, &c);
		itsma_catalogue_free(c);
		if (rc != ITSMA_EPARSE && rc != ITSMA_ENOMEM && rc != ITSMA_ELIMIT) {
			itsma_error_clear(&local);
			rc = itsma__error_set(
			    &local, ITSMA_ESCHEMA,
			    "unknown document: expected \"format\": \"itsma-catalogue/1\", "
			    "\"itsma-assessment/1\" or \"itsma-mapping/1\"");
			itsma__error_source(&local, rd.source);
			itsma__error_pointer(&local, "/format");
			rd.err = &local;
			itsma__json_locate_error(&rd);
		}
	}
	return itsma__validate_close(&rd, rc, &local, cb, payload, err);
}

int itsma_validate_file(itsma_document_kind *kind_out, const char *path, const itsma_catalogue *cat,
                        itsma_problem_cb cb, void *payload, itsma_error *err)
{
	char *buf;
	size_t len;
	int rc;
	itsma_error local = ITSMA_ERROR_INIT;

	itsma__error_reset(err);
	if (kind_out)
		*kind_out = ITSMA_DOCUMENT_KIND_UNKNOWN;
	rc = itsma__read_file(path, ITSMA_DEFAULT_MAX_BYTES, &buf, &len, &local);
	if (rc == ITSMA_ENOMEM)
		itsma__error_source(&local, path);
	if (rc < 0) {
		if (cb)
			cb(&local, payload);
		if (err)
			*err = local;
		return rc;
	}
	rc = itsma_validate_buffer(kind_out, buf, len, path, cat, cb, payload, err);
	free(buf);
	return rc;
}
