/* SPDX-License-Identifier: Apache-2.0 */
/* The provenance of a carried rating: the `carried` member of ratings and attribute ratings. */
#include "internal/mapping.h"
#include "internal/json_in.h"
#include "internal/buf.h"
#include "internal/error.h"

#include <stdlib.h>
#include <string.h>

static const char *const carried_keys[] = { "mapping", "relationship", "sources", "review", NULL };

itsma__carried *itsma__carried_new(const char *mapping, itsma_relationship rel, int review,
                                   const char *const *sources, size_t source_count)
{
	size_t i, size = sizeof(itsma__carried), mlen = mapping ? strlen(mapping) + 1 : 0;
	itsma__carried *c;
	char *p;

	if (source_count > ((size_t)-1 - size) / (sizeof(char *) + 66))
		return NULL;
	size += source_count * sizeof(char *) + mlen;
	for (i = 0; i < source_count; i++)
		size += strlen(sources[i]) + 1;
	c = calloc(1, size);
	if (!c)
		return NULL;
	c->relationship = rel;
	c->review = review != 0;
	c->source_count = source_count;
	c->sources = (char **)(c + 1);
	p = (char *)(c->sources + source_count);
	for (i = 0; i < source_count; i++) {
		size_t len = strlen(sources[i]) + 1;
		memcpy(p, sources[i], len);
		c->sources[i] = p;
		p += len;
	}
	if (mapping) {
		memcpy(p, mapping, mlen);
		c->mapping = p;
	}
	return c;
}

itsma__carried *itsma__carried_clone(const itsma__carried *c)
{
	return c ? itsma__carried_new(c->mapping, c->relationship, c->review,
	                              (const char *const *)c->sources, c->source_count)
	         : NULL;
}

int itsma__load_carried(itsma__reader *rd, json_object *o, const char *ptr, itsma__carried **out)
{
	json_object *v = NULL, *rv = NULL;
	const char *mapping = NULL, *rel_s = NULL;
	const char **sources = NULL;
	size_t n = 0;
	itsma__ext *ext = NULL;
	itsma_relationship rel;
	char p[ITSMA_ERROR_POINTER_LENGTH];
	int rc, review = 0;

	*out = NULL;
	if ((rc = itsma__get_object(rd, o, ptr, "carried", 0, &v)) < 0 || !v)
		return rc;
	itsma__ptr_key(p, ptr, "carried");
	if ((rc = itsma__check_keys(rd, v, p, "a carried record", carried_keys, &ext)) < 0 ||
	    (rc = itsma__get_id(rd, v, p, "mapping", 0, &mapping)) < 0 ||
	    (rc = itsma__get_string(rd, v, p, "relationship", 1, 0, &rel_s)) < 0 ||
	    (rc = itsma__get_id_list(rd, v, p, "sources", &sources, &n)) < 0)
		goto out;
	if (itsma_relationship_parse(&rel, rel_s, rd->err) < 0 ||
	    rel == ITSMA_RELATIONSHIP_NO_RELATIONSHIP) {
		if (rd->err)
			itsma_error_clear(rd->err);
		rc = itsma__schema(
		    rd, p, "relationship",
		    "expected the relationship a rating was carried through (equal-to, "
		    "equivalent-to, subset-of, superset-of or intersects-with), not \"%.40s\"",
		    rel_s);
		goto out;
	}
	if (!n) {
		rc = itsma__schema(
		    rd, p, json_object_object_get_ex(v, "sources", NULL) ? "sources" : NULL,
		    "expected the ids of the source requirements it was carried from");
		goto out;
	}
	if (json_object_object_get_ex(v, "review", &rv)) {
		if (!rv || !json_object_is_type(rv, json_type_boolean)) {
			rc = itsma__schema(rd, p, "review", "expected true or false, found %s",
			                   rv ? itsma__json_type_name(rv) : "null");
			goto out;
		}
		review = json_object_get_boolean(rv);
	}
	*out = itsma__carried_new(mapping, rel, review, sources, n);
	if (!*out)
		rc = itsma__error_nomem(rd->err);
	else {
		(*out)->ext = ext;
		ext = NULL;
	}
out:
	free((void *)sources);
	itsma__ext_free(ext);
	return rc;
}

void itsma__carried_free(itsma__carried *c)
{
	if (!c)
		return;
	itsma__ext_free(c->ext);
	free(c);
}

void itsma__write_carried(itsma__jw *w, const itsma__carried *c)
{
	size_t i;
	if (!c)
		return;
	itsma__jw_begin_object(w, "carried");
	if (c->mapping)
		itsma__jw_string(w, "mapping", c->mapping);
	itsma__jw_string(w, "relationship", itsma_relationship_name(c->relationship));
	itsma__jw_begin_inline_array(w, "sources");
	for (i = 0; i < c->source_count; i++)
		itsma__jw_string(w, NULL, c->sources[i]);
	itsma__jw_end_array(w);
	if (c->review)
		itsma__jw_bool(w, "review", 1);
	itsma__write_ext(w, c->ext);
	itsma__jw_end_object(w);
}

/* ---- accessors ------------------------------------------------------------------------------ */

static const itsma__carried *of_rating(const itsma_rating *r) { return r ? r->c.carried : NULL; }
static const itsma__carried *of_attr(const itsma_attribute_rating *r)
{
	return r ? r->c.carried : NULL;
}

int itsma_rating_is_carried(const itsma_rating *r) { return of_rating(r) != NULL; }
const char *itsma_rating_carried_mapping(const itsma_rating *r)
{
	return of_rating(r) ? of_rating(r)->mapping : NULL;
}
itsma_relationship itsma_rating_carried_relationship(const itsma_rating *r)
{
	return of_rating(r) ? of_rating(r)->relationship : ITSMA_RELATIONSHIP_NO_RELATIONSHIP;
}
int itsma_rating_carried_review(const itsma_rating *r)
{
	return of_rating(r) ? of_rating(r)->review : 0;
}
size_t itsma_rating_carried_source_count(const itsma_rating *r)
{
	return of_rating(r) ? of_rating(r)->source_count : 0;
}
const char *itsma_rating_carried_source_at(const itsma_rating *r, size_t index)
{
	return of_rating(r) && index < of_rating(r)->source_count ? of_rating(r)->sources[index]
	                                                          : NULL;
}

int itsma_attribute_rating_is_carried(const itsma_attribute_rating *r)
{
	return of_attr(r) != NULL;
}
const char *itsma_attribute_rating_carried_mapping(const itsma_attribute_rating *r)
{
	return of_attr(r) ? of_attr(r)->mapping : NULL;
}
itsma_relationship itsma_attribute_rating_carried_relationship(const itsma_attribute_rating *r)
{
	return of_attr(r) ? of_attr(r)->relationship : ITSMA_RELATIONSHIP_NO_RELATIONSHIP;
}
int itsma_attribute_rating_carried_review(const itsma_attribute_rating *r)
{
	return of_attr(r) ? of_attr(r)->review : 0;
}
size_t itsma_attribute_rating_carried_source_count(const itsma_attribute_rating *r)
{
	return of_attr(r) ? of_attr(r)->source_count : 0;
}
const char *itsma_attribute_rating_carried_source_at(const itsma_attribute_rating *r, size_t index)
{
	return of_attr(r) && index < of_attr(r)->source_count ? of_attr(r)->sources[index] : NULL;
}
