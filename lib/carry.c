/* SPDX-License-Identifier: Apache-2.0 */
/* Carrying an assessment across a mapping: the weakest-link rule, evidence, provenance, report. */
#include "internal/mapping.h"
#include "internal/assessment.h"
#include "internal/error.h"
#include "internal/enumword.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct itsma_carry_report {
	size_t target_count;
	char **target_ids;
	unsigned char *status; /* itsma_carry_status per target */
	size_t dropped_count;
	char **dropped_ids;
	size_t attribute_count;
	size_t *dropped_maps; /* per dropped id: position in /maps of its no-relationship map, or
	                         NO_MAP */
};

#define NO_MAP ((size_t)-1)

ITSMA__ENUM_WORDS(carry_status, "a carry status", { "carried", ITSMA_CARRY_STATUS_CARRIED },
                  { "review", ITSMA_CARRY_STATUS_REVIEW }, { "kept", ITSMA_CARRY_STATUS_KEPT },
                  { "unrated", ITSMA_CARRY_STATUS_UNRATED }, { "new", ITSMA_CARRY_STATUS_NEW })

void itsma_carry_report_free(itsma_carry_report *r)
{
	size_t i;
	if (!r)
		return;
	for (i = 0; r->target_ids && i < r->target_count; i++)
		free(r->target_ids[i]);
	for (i = 0; r->dropped_ids && i < r->dropped_count; i++)
		free(r->dropped_ids[i]);
	free(r->target_ids);
	free(r->dropped_ids);
	free(r->dropped_maps);
	free(r->status);
	free(r);
}

size_t itsma_carry_report_target_count(const itsma_carry_report *r)
{
	return r ? r->target_count : 0;
}
const char *itsma_carry_report_target_id(const itsma_carry_report *r, size_t index)
{
	return r && index < r->target_count ? r->target_ids[index] : NULL;
}
itsma_carry_status itsma_carry_report_target_status(const itsma_carry_report *r, size_t index)
{
	return r && index < r->target_count ? (itsma_carry_status)r->status[index]
	                                    : ITSMA_CARRY_STATUS_NEW;
}
size_t itsma_carry_report_status_count(const itsma_carry_report *r, itsma_carry_status status)
{
	size_t i, n = 0;
	for (i = 0; r && i < r->target_count; i++)
		n += r->status[i] == (unsigned char)status;
	return n;
}
size_t itsma_carry_report_dropped_count(const itsma_carry_report *r)
{
	return r ? r->dropped_count : 0;
}
const char *itsma_carry_report_dropped_at(const itsma_carry_report *r, size_t index)
{
	return r && index < r->dropped_count ? r->dropped_ids[index] : NULL;
}
size_t itsma_carry_report_attribute_count(const itsma_carry_report *r)
{
	return r ? r->attribute_count : 0;
}

const itsma_map *itsma__carry_report_dropped_map(const itsma_carry_report *r,
                                                 const itsma_mapping *m, size_t index)
{
	size_t mi;
	if (!r || !m || index >= r->dropped_count)
		return NULL;
	mi = r->dropped_maps[index];
	return mi < m->map_count && m->maps[mi]->relationship == ITSMA_RELATIONSHIP_NO_RELATIONSHIP
	           ? m->maps[mi]
	           : NULL;
}

/* ---- the work -----------------------------------------------------------------------------------
 */

/* A map's ids on one side as a requirement range [begin, end) per id. */
static void id_range(const itsma_catalogue *cat, const char *id, size_t *begin, size_t *end)
{
	const itsma_requirement *r = itsma_catalogue_find_requirement(cat, id);
	const itsma_section *s;
	if (r) {
		*begin = r->index;
		*end = r->index + 1;
		return;
	}
	s = itsma_catalogue_find_section(cat, id);
	*begin = s ? s->req_begin : 0;
	*end = s ? s->req_end : 0;
}

static int is_full(itsma_relationship rel)
{
	return rel == ITSMA_RELATIONSHIP_EQUAL_TO || rel == ITSMA_RELATIONSHIP_EQUIVALENT_TO ||
	       rel == ITSMA_RELATIONSHIP_SUPERSET_OF;
}

/* A map between processes as wholes: every source and every target a process section. It
 * carries attribute ratings; requirement ratings go by the requirement-level maps. */
static int is_process_map(const itsma_catalogue *scat, const itsma_catalogue *tcat,
                          const itsma_map *map)
{
	size_t j;
	if (!map->target_count)
		return 0;
	for (j = 0; j < map->source_count; j++) {
		const itsma_section *s = itsma_catalogue_find_section(scat, map->sources[j]);
		if (!s || s->kind != ITSMA_SECTION_KIND_PROCESS)
			return 0;
	}
	for (j = 0; j < map->target_count; j++) {
		const itsma_section *s = itsma_catalogue_find_section(tcat, map->targets[j]);
		if (!s || s->kind != ITSMA_SECTION_KIND_PROCESS)
			return 0;
	}
	return 1;
}

typedef struct edge {
	size_t target; /* requirement index in the target catalogue */
	size_t map;
} edge;

typedef struct work {
	const itsma_assessment *src;
	const itsma_catalogue *scat, *tcat;
	const itsma_mapping *m;
	itsma_assessment *out;
	itsma_error *err;
	edge *edges;
	size_t edge_count, edge_cap;
	size_t work;         /* source and target ids expanded so far, against CARRY_MAX_WORK */
	size_t *stamp;       /* [source requirement index]: last target that listed it, + 1 */
	size_t *nr_map;      /* [source requirement index]: its no-relationship map, or NO_MAP */
	size_t *ev_stamp;    /* [source evidence index] */
	const char **ids;    /* scratch: contributing source ids */
	itsma_evidence **ev; /* scratch: cited records in the output */
	size_t ev_cap;
} work;

/*
 * Section ids expand to every requirement under them, so a mapping of a few kilobytes could
 * ask for billions of source-target pairs. Carrying stops with ITSMA_ELIMIT beyond this many
 * expanded ids (far above what a real mapping of real catalogues needs: the built-in 2011 ->
 * 2018 mapping expands to about two thousand).
 */
#define CARRY_MAX_WORK 20000000u

static int spend(work *w, size_t n, size_t map)
{
	w->work += n;
	if (w->work <= CARRY_MAX_WORK)
		return 0;
	itsma__error_set(w->err, ITSMA_ELIMIT,
	                 "the mapping expands to more than %u source and target requirements "
	                 "(its section ids stand for every requirement under them)",
	                 CARRY_MAX_WORK);
	itsma__error_pointer(w->err, "/maps/%zu", w->m->maps[map]->index);
	return ITSMA_ELIMIT;
}

static int add_edge(work *w, size_t target, size_t map)
{
	if (w->edge_count == w->edge_cap) {
		size_t cap = w->edge_cap ? w->edge_cap * 2 : 256;
		edge *grown;
		if (cap > ((size_t)-1) / sizeof *grown)
			return itsma__error_nomem(w->err);
		grown = realloc(w->edges, cap * sizeof *grown);
		if (!grown)
			return itsma__error_nomem(w->err);
		w->edges = grown;
		w->edge_cap = cap;
	}
	w->edges[w->edge_count].target = target;
	w->edges[w->edge_count++].map = map;
	return 0;
}

static int cmp_edge(const void *a, const void *b)
{
	const edge *x = a, *y = b;
	if (x->target != y->target)
		return x->target < y->target ? -1 : 1;
	return x->map < y->map ? -1 : x->map > y->map;
}

static int same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The record `e` of the source in the output: copied, or the identical one already there. */
static int bring_evidence(work *w, const itsma_evidence *e, itsma_evidence **out)
{
	const itsma_evidence *have = itsma_assessment_find_evidence(w->out, e->id);
	itsma_evidence_spec spec = ITSMA_EVIDENCE_SPEC_INIT;
	int rc;
	if (have) {
		if (have->kind != e->kind || have->collected != e->collected ||
		    have->expires != e->expires || strcmp(have->title, e->title) != 0 ||
		    !same_text(have->uri, e->uri) || !same_text(have->sha256, e->sha256))
			return itsma__error_set(
			    w->err, ITSMA_EEXISTS,
			    "evidence \"%s\" is in both assessments with different content; "
			    "rename one of them",
			    e->id);
		*out = (itsma_evidence *)have;
		return 0;
	}
	spec.id = e->id;
	spec.title = e->title;
	spec.kind = e->kind;
	spec.collected = e->collected_s;
	spec.expires = itsma__has_expiry(e) ? e->expires_s : NULL;
	spec.uri = e->uri;
	spec.sha256 = e->sha256;
	spec.by = e->by;
	spec.note = e->note;
	if ((rc = itsma_assessment_put_evidence(w->out, &spec, w->err)) < 0)
		return rc;
	*out = (itsma_evidence *)itsma_assessment_find_evidence(w->out, e->id);
	return 0;
}

/* Grow the evidence scratch to n. */
static int ev_room(work *w, size_t n)
{
	if (n <= w->ev_cap)
		return 0;
	{
		size_t cap = w->ev_cap ? w->ev_cap : 16;
		itsma_evidence **grown;
		while (cap < n)
			cap *= 2;
		grown = realloc(w->ev, cap * sizeof *grown);
		if (!grown)
			return itsma__error_nomem(w->err);
		w->ev = grown;
		w->ev_cap = cap;
	}
	return 0;
}

/* Bring the records one cited rating cites (each once per carried rating). */
static int bring_cites(work *w, const itsma__cited *c, size_t stamp, size_t *n)
{
	size_t k;
	int rc;
	for (k = 0; k < c->evidence_count; k++) {
		const itsma_evidence *e = c->evidence[k];
		if (w->ev_stamp[e->index] == stamp)
			continue;
		w->ev_stamp[e->index] = stamp;
		if ((rc = ev_room(w, *n + 1)) < 0 || (rc = bring_evidence(w, e, &w->ev[*n])) < 0)
			return rc;
		(*n)++;
	}
	return 0;
}

/* Cap a partial cover's rating below F. */
static void cap_below_f(itsma_letter *letter, double *value)
{
	if (*letter == ITSMA_LETTER_F) {
		*letter = ITSMA_LETTER_L_PLUS;
		*value = itsma_letter_achievement(ITSMA_LETTER_L_PLUS);
	} else if (*letter == ITSMA_LETTER_NONE && *value > 85.0)
		*value = 85.0;
}

/*
 * The edges of one target, [first, last): the carried rating from one class of cover
 * (full or partial). Returns 1 when a rating was put, 0 when no source of the class is
 * rated, or an error.
 */
static int carry_class(work *w, const itsma_requirement *treq, size_t first, size_t last, int full,
                       size_t stamp, int *review_out)
{
	const itsma_rating *best = NULL;
	itsma_relationship best_rel = ITSMA_RELATIONSHIP_EQUAL_TO;
	size_t e, j, i, nids = 0, nev = 0;
	int unrated = 0, any = 0, rc;
	itsma_letter letter;
	double value;
	itsma__carried *prov;
	itsma__subject subject = { NULL, NULL, ITSMA_PA1_1 };
	itsma__cited *put;

	/* ids in catalogue order: mark the rated sources first */
	for (e = first; e < last; e++) {
		const itsma_map *map = w->m->maps[w->edges[e].map];
		if (is_full(map->relationship) != full)
			continue;
		any = 1;
		for (j = 0; j < map->source_count; j++) {
			size_t b, end;
			id_range(w->scat, map->sources[j], &b, &end);
			if ((rc = spend(w, end - b, w->edges[e].map)) < 0)
				return rc;
			for (i = b; i < end; i++) {
				const itsma_rating *r = w->src->rating_by_req[i];
				if (w->stamp[i] == stamp)
					continue;
				w->stamp[i] = stamp;
				if (!r) {
					unrated = 1;
					continue;
				}
				w->ids[nids++] = w->scat->requirements[i]->id;
				if (!best || r->c.value < best->c.value ||
				    (r->c.value == best->c.value &&
				     r->requirement->index < best->requirement->index)) {
					best = r;
					best_rel = map->relationship;
				}
			}
		}
	}
	if (!any || !best)
		return 0;
	/* evidence of every contributing source, in the order of the ids */
	for (i = 0; i < nids; i++) {
		const itsma_rating *r = itsma_assessment_find_rating(w->src, w->ids[i]);
		if ((rc = bring_cites(w, &r->c, stamp, &nev)) < 0)
			return rc;
	}
	letter = best->c.letter;
	value = best->c.value;
	if (!full)
		cap_below_f(&letter, &value);
	*review_out = !full || unrated;
	subject.requirement = treq;
	if ((rc = itsma__assessment_put_cited(w->out, &subject, letter, value, w->ev, nev,
	                                      best->c.note, &put, w->err)) < 0)
		return rc;
	prov = itsma__carried_new(w->m->id, best_rel, *review_out, w->ids, nids);
	if (!prov)
		return itsma__error_nomem(w->err);
	put->carried = prov;
	return 1;
}

/* Remember no-relationship map @p mi for its source requirements (for the report's reasons): it
 * replaces an earlier one only if that had no note and this one has. */
static int note_no_relationship(work *w, size_t mi)
{
	const itsma_map *map = w->m->maps[mi];
	int noted = map->note && *map->note;
	size_t j, i;
	int rc;
	for (j = 0; j < map->source_count; j++) {
		size_t b, end;
		id_range(w->scat, map->sources[j], &b, &end);
		if ((rc = spend(w, end - b, mi)) < 0)
			return rc;
		for (i = b; i < end; i++) {
			size_t had = w->nr_map[i];
			if (had == NO_MAP ||
			    (noted && !(w->m->maps[had]->note && *w->m->maps[had]->note)))
				w->nr_map[i] = mi;
		}
	}
	return 0;
}

static int carry_requirements(work *w, itsma_carry_report *rep, unsigned char *src_used)
{
	size_t mi, j, i, e = 0, t;
	int rc;

	for (mi = 0; mi < w->m->map_count; mi++) {
		const itsma_map *map = w->m->maps[mi];
		if (map->relationship == ITSMA_RELATIONSHIP_NO_RELATIONSHIP) {
			if ((rc = note_no_relationship(w, mi)) < 0)
				return rc;
			continue;
		}
		if (is_process_map(w->scat, w->tcat, map))
			continue;
		for (j = 0; j < map->source_count; j++) {
			size_t b, end;
			id_range(w->scat, map->sources[j], &b, &end);
			if ((rc = spend(w, end - b, mi)) < 0)
				return rc;
			for (i = b; i < end; i++)
				src_used[i] = 1;
		}
		for (j = 0; j < map->target_count; j++) {
			size_t b, end;
			id_range(w->tcat, map->targets[j], &b, &end);
			if ((rc = spend(w, end - b, mi)) < 0)
				return rc;
			for (i = b; i < end; i++)
				if ((rc = add_edge(w, i, mi)) < 0)
					return rc;
		}
	}
	if (w->edge_count)
		qsort(w->edges, w->edge_count, sizeof *w->edges, cmp_edge);
	for (t = 0; t < w->tcat->requirement_count; t++) {
		const itsma_requirement *treq = w->tcat->requirements[t];
		size_t first = e;
		int review = 0, got;
		while (e < w->edge_count && w->edges[e].target == t)
			e++;
		if (first == e) {
			rep->status[t] = w->out->rating_by_req[t] ? ITSMA_CARRY_STATUS_KEPT
			                                          : ITSMA_CARRY_STATUS_NEW;
			continue;
		}
		if (w->out->rating_by_req[t] || itsma_assessment_is_excluded(w->out, treq->id)) {
			rep->status[t] = ITSMA_CARRY_STATUS_KEPT;
			continue;
		}
		got = carry_class(w, treq, first, e, 1, 2 * t + 1, &review);
		if (got == 0)
			got = carry_class(w, treq, first, e, 0, 2 * t + 2, &review);
		if (got < 0)
			return got;
		rep->status[t] = got == 0 ? ITSMA_CARRY_STATUS_UNRATED
		                 : review ? ITSMA_CARRY_STATUS_REVIEW
		                          : ITSMA_CARRY_STATUS_CARRIED;
	}
	return 0;
}

/* Attribute ratings between processes mapped equal-to / equivalent-to. */
static int carry_attributes(work *w, itsma_carry_report *rep)
{
	size_t mi, j, k, pa, stamp_base = 2 * w->tcat->requirement_count + 2;
	int rc;

	for (mi = 0; mi < w->m->map_count; mi++) {
		const itsma_map *map = w->m->maps[mi];
		if ((map->relationship != ITSMA_RELATIONSHIP_EQUAL_TO &&
		     map->relationship != ITSMA_RELATIONSHIP_EQUIVALENT_TO) ||
		    !is_process_map(w->scat, w->tcat, map))
			continue;
		for (k = 0; k < map->target_count; k++) {
			const itsma_section *tp =
			    itsma_catalogue_find_section(w->tcat, map->targets[k]);
			for (pa = ITSMA_PA2_1; pa < ITSMA_ATTRIBUTE_COUNT; pa++) {
				const itsma_attribute_rating *best = NULL;
				size_t nids = 0, nev = 0, stamp = stamp_base++;
				int missing = 0;
				itsma__carried *prov;
				itsma__subject subject = { NULL, NULL, ITSMA_PA1_1 };
				itsma__cited *put;
				if (w->out->attr_by_sec[tp->index * ITSMA_ATTRIBUTE_COUNT + pa])
					continue; /* rated already (merged into, or an earlier map)
					           */
				for (j = 0; j < map->source_count; j++) {
					const itsma_section *sp =
					    itsma_catalogue_find_section(w->scat, map->sources[j]);
					const itsma_attribute_rating *r;
					r = w->src->attr_by_sec[sp->index * ITSMA_ATTRIBUTE_COUNT +
					                        pa];
					if (!r) {
						missing = 1;
						continue;
					}
					w->ids[nids++] = sp->id;
					if (!best || r->c.value < best->c.value)
						best = r;
				}
				if (!best)
					continue;
				for (j = 0; j < map->source_count; j++) {
					const itsma_section *sp =
					    itsma_catalogue_find_section(w->scat, map->sources[j]);
					if (w->src->attr_by_sec[sp->index * ITSMA_ATTRIBUTE_COUNT +
					                        pa] &&
					    (rc = bring_cites(
					         w,
					         &w->src
					              ->attr_by_sec
					                  [sp->index * ITSMA_ATTRIBUTE_COUNT + pa]
					              ->c,
					         stamp, &nev)) < 0)
						return rc;
				}
				subject.process = tp;
				subject.attribute = (itsma_attribute)pa;
				if ((rc = itsma__assessment_put_cited(
				         w->out, &subject, best->c.letter, best->c.value, w->ev,
				         nev, best->c.note, &put, w->err)) < 0)
					return rc;
				prov = itsma__carried_new(w->m->id, map->relationship, missing,
				                          w->ids, nids);
				if (!prov)
					return itsma__error_nomem(w->err);
				put->carried = prov;
				rep->attribute_count++;
			}
		}
	}
	return 0;
}

/* The output to fill: a copy of `into`, or a new assessment with the source's details. */
static int start_output(itsma_assessment **out, const itsma_assessment *src,
                        const itsma_catalogue *target, const itsma_assessment *into,
                        itsma_error *err)
{
	int rc;
	if (into) {
		char *text = NULL;
		if ((rc = itsma_assessment_to_json(&text, into, err)) < 0)
			return rc;
		rc = itsma_assessment_load_buffer(out, text, strlen(text),
		                                  itsma_assessment_origin(into), target, NULL, err);
		itsma_free(text);
		return rc;
	}
	if ((rc = itsma_assessment_new(out, target, src->id, src->date_s, err)) < 0 ||
	    (rc = itsma_assessment_set_title(*out, src->title, err)) < 0 ||
	    (rc = itsma_assessment_set_organisation(*out, src->organisation, err)) < 0 ||
	    (rc = itsma_assessment_set_assessor(*out, src->assessor, err)) < 0 ||
	    (src->target >= 0 && (rc = itsma_assessment_set_target(*out, src->target, err)) < 0)) {
		itsma_assessment_free(*out);
		*out = NULL;
		return rc;
	}
	return 0;
}

static int fill_report_ids(itsma_carry_report *rep, const itsma_catalogue *scat,
                           const itsma_catalogue *tcat, const unsigned char *src_used,
                           const size_t *nr_map, itsma_error *err)
{
	size_t i, n = 0;
	for (i = 0; i < tcat->requirement_count; i++)
		if (!(rep->target_ids[i] = strdup(tcat->requirements[i]->id)))
			return itsma__error_nomem(err);
	for (i = 0; i < scat->requirement_count; i++)
		n += !src_used[i];
	rep->dropped_ids = calloc(n ? n : 1, sizeof *rep->dropped_ids);
	rep->dropped_maps = calloc(n ? n : 1, sizeof *rep->dropped_maps);
	if (!rep->dropped_ids || !rep->dropped_maps)
		return itsma__error_nomem(err);
	for (i = 0; i < scat->requirement_count; i++)
		if (!src_used[i]) {
			if (!(rep->dropped_ids[rep->dropped_count] =
			          strdup(scat->requirements[i]->id)))
				return itsma__error_nomem(err);
			rep->dropped_maps[rep->dropped_count++] = nr_map[i];
		}
	return 0;
}

int itsma_assessment_carry(itsma_assessment **out_assessment, itsma_carry_report **report_out,
                           const itsma_assessment *source, const itsma_mapping *mapping,
                           const itsma_catalogue *target, const itsma_assessment *into,
                           itsma_error *err)
{
	work w;
	itsma_carry_report *rep = NULL;
	unsigned char *src_used = NULL;
	size_t nsrc, ntgt, i;
	int rc;

	itsma__error_reset(err);
	if (out_assessment)
		*out_assessment = NULL;
	if (report_out)
		*report_out = NULL;
	if (!out_assessment || !source || !mapping || !target)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "out, source, mapping and target must not be NULL");
	if (into && strcmp(itsma_catalogue_id(itsma_assessment_catalogue(into)),
	                   itsma_catalogue_id(target)) != 0)
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "the assessment to merge into is of catalogue \"%s\", not \"%s\"",
		    itsma_catalogue_id(itsma_assessment_catalogue(into)),
		    itsma_catalogue_id(target));
	memset(&w, 0, sizeof w);
	w.src = source;
	w.scat = source->cat;
	w.tcat = target;
	w.m = mapping;
	w.err = err;
	if ((rc = itsma__mapping_check(mapping, w.scat, target, NULL, NULL, mapping->origin, err)) <
	    0)
		return rc;
	nsrc = w.scat->requirement_count;
	ntgt = target->requirement_count;
	rep = calloc(1, sizeof *rep);
	if (!rep || !(rep->status = calloc(ntgt ? ntgt : 1, 1)) ||
	    !(rep->target_ids = calloc(ntgt ? ntgt : 1, sizeof *rep->target_ids)) ||
	    !(src_used = calloc(nsrc ? nsrc : 1, 1)) ||
	    !(w.stamp = calloc(nsrc ? nsrc : 1, sizeof *w.stamp)) ||
	    !(w.nr_map = malloc((nsrc ? nsrc : 1) * sizeof *w.nr_map)) ||
	    !(w.ev_stamp = calloc(source->evidence_count ? source->evidence_count : 1,
	                          sizeof *w.ev_stamp)) ||
	    !(w.ids = calloc(nsrc + w.scat->section_count + 1, sizeof *w.ids))) {
		rc = itsma__error_nomem(err);
		goto out;
	}
	rep->target_count = ntgt;
	for (i = 0; i < nsrc; i++)
		w.nr_map[i] = NO_MAP;
	if ((rc = start_output(&w.out, source, target, into, err)) < 0 ||
	    (rc = carry_requirements(&w, rep, src_used)) < 0 ||
	    (rc = carry_attributes(&w, rep)) < 0 ||
	    (rc = fill_report_ids(rep, w.scat, target, src_used, w.nr_map, err)) < 0)
		goto out;
	*out_assessment = w.out;
	w.out = NULL;
	if (report_out) {
		*report_out = rep;
		rep = NULL;
	}
	rc = 0;
out:
	itsma_assessment_free(w.out);
	itsma_carry_report_free(rep);
	free(src_used);
	free(w.stamp);
	free(w.nr_map);
	free(w.ev_stamp);
	free((void *)w.ids);
	free(w.ev);
	free(w.edges);
	return rc;
}
