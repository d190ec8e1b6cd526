/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Trends (itsma_trend): several results of one catalogue in chronological order, with the
 * comparison of each with the one before (itsma_compare), every process's capability level
 * per result, and the requirements that regressed more than once.
 */
#include "internal/error.h"
#include "internal/report.h"

#include <stdlib.h>
#include <string.h>

typedef struct repeat {
	const char *id;
	size_t times;
	size_t order; /* catalogue index in the latest result's catalogue, or n + first seen */
} repeat;

struct itsma_trend {
	const itsma_result **results;
	itsma_diff **diffs; /* diffs[i]: results[i - 1] -> results[i]; diffs[0] is NULL */
	size_t n;
	const char **procs; /* process ids of the latest catalogue */
	int *levels;        /* levels[k * n + i] */
	size_t nprocs;
	repeat *repeats;
	size_t nrepeats;
};

void itsma_trend_free(itsma_trend *t)
{
	if (!t)
		return;
	for (size_t i = 0; t->diffs && i < t->n; i++)
		itsma_diff_free(t->diffs[i]);
	free(t->diffs);
	free(t->results);
	free(t->procs);
	free(t->levels);
	free(t->repeats);
	free(t);
}

static int check_inputs(const itsma_result *const *results, size_t n, itsma_error *err)
{
	if (!results || n == 0)
		return itsma__error_set(err, ITSMA_EINVAL, "a trend needs at least one result");
	for (size_t i = 0; i < n; i++)
		if (!results[i])
			return itsma__error_set(err, ITSMA_EINVAL,
			                        "result %zu of the trend is NULL", i);
	for (size_t i = 1; i < n; i++) {
		const itsma_assessment *a = itsma_result_assessment(results[i - 1]);
		const itsma_assessment *b = itsma_result_assessment(results[i]);
		const char *ca = itsma_catalogue_id(itsma_assessment_catalogue(a));
		const char *cb = itsma_catalogue_id(itsma_assessment_catalogue(b));
		if (strcmp(ca, cb) != 0)
			return itsma__error_set(err, ITSMA_EINVAL,
			                        "a trend needs assessments of one catalogue: "
			                        "\"%.64s\" is of \"%.64s\", "
			                        "\"%.64s\" of \"%.64s\"",
			                        itsma_assessment_id(a), ca, itsma_assessment_id(b),
			                        cb);
		if (strcmp(itsma_assessment_date(a), itsma_assessment_date(b)) > 0)
			return itsma__error_set(
			    err, ITSMA_EINVAL,
			    "the results of a trend must be oldest first: \"%.64s\" (%s) comes "
			    "after \"%.64s\" (%s) but is older",
			    itsma_assessment_id(b), itsma_assessment_date(b),
			    itsma_assessment_id(a), itsma_assessment_date(a));
	}
	return 0;
}

static int capability(itsma_trend *t)
{
	const itsma_catalogue *cat =
	    itsma_assessment_catalogue(itsma_result_assessment(t->results[t->n - 1]));
	size_t ns = itsma_catalogue_section_count(cat);
	t->procs = calloc(ns + 1, sizeof *t->procs);
	if (!t->procs)
		return -1;
	for (size_t i = 0; i < ns; i++) {
		const itsma_section *s = itsma_catalogue_section_at(cat, i);
		if (itsma_section_kind_of(s) == ITSMA_SECTION_KIND_PROCESS)
			t->procs[t->nprocs++] = itsma_section_id(s);
	}
	t->levels = calloc(t->nprocs * t->n + 1, sizeof *t->levels);
	if (!t->levels)
		return -1;
	for (size_t k = 0; k < t->nprocs; k++)
		for (size_t i = 0; i < t->n; i++) {
			const itsma_section_result *s =
			    itsma_result_find_section(t->results[i], t->procs[k]);
			t->levels[k * t->n + i] = s && itsma_section_result_applicable(s)
			                              ? itsma_section_result_capability_level(s)
			                              : -1;
		}
	return 0;
}

static int by_id(const void *pa, const void *pb)
{
	const repeat *a = pa, *b = pb;
	int c = strcmp(a->id, b->id);
	if (c)
		return c;
	return a->order < b->order ? -1 : a->order > b->order;
}

static int by_times(const void *pa, const void *pb)
{
	const repeat *a = pa, *b = pb;
	if (a->times != b->times)
		return a->times > b->times ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* Every regression of every step, sorted by id, counted, kept when more than one. */
static int repeats(itsma_trend *t)
{
	const itsma_catalogue *cat =
	    itsma_assessment_catalogue(itsma_result_assessment(t->results[t->n - 1]));
	size_t total = 0, seen = 0, k = 0;
	for (size_t i = 1; i < t->n; i++)
		total += itsma_diff_tally_of(t->diffs[i], ITSMA_DIFF_TALLY_REGRESSED);
	repeat *all = calloc(total + 1, sizeof *all);
	if (!all)
		return -1;
	size_t ncat = itsma_catalogue_requirement_count(cat);
	for (size_t i = 1; i < t->n; i++) {
		size_t nd = itsma_diff_requirement_count(t->diffs[i]);
		for (size_t j = 0; j < nd && seen < total; j++) {
			const itsma_requirement_diff *q = itsma_diff_requirement_at(t->diffs[i], j);
			if (itsma_requirement_diff_change(q) != ITSMA_CHANGE_REGRESSED)
				continue;
			const itsma_requirement *req =
			    itsma_catalogue_find_requirement(cat, itsma_requirement_diff_id(q));
			all[seen].id = itsma_requirement_diff_id(q);
			all[seen].times = 1;
			all[seen].order = req ? itsma_requirement_index(req) : ncat + seen;
			seen++;
		}
	}
	qsort(all, seen, sizeof *all, by_id);
	for (size_t i = 0; i < seen;) {
		size_t run = 1;
		while (i + run < seen && strcmp(all[i].id, all[i + run].id) == 0)
			run++;
		if (run > 1) {
			all[k] = all[i];
			all[k].times = run;
			k++;
		}
		i += run;
	}
	qsort(all, k, sizeof *all, by_times);
	t->repeats = all;
	t->nrepeats = k;
	return 0;
}

int itsma_trend_new(itsma_trend **out, const itsma_result *const *results, size_t n,
                    itsma_error *err)
{
	itsma__error_reset(err);
	itsma_trend *t;
	int rc;
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "itsma_trend_new: out is NULL");
	*out = NULL;
	if ((rc = check_inputs(results, n, err)) < 0)
		return rc;
	t = calloc(1, sizeof *t);
	if (!t)
		return itsma__error_nomem(err);
	t->n = n;
	t->results = calloc(n, sizeof *t->results);
	t->diffs = calloc(n, sizeof *t->diffs);
	if (!t->results || !t->diffs) {
		itsma_trend_free(t);
		return itsma__error_nomem(err);
	}
	memcpy(t->results, results, n * sizeof *results);
	for (size_t i = 1; i < n; i++)
		if ((rc = itsma_compare(&t->diffs[i], results[i - 1], results[i], err)) < 0) {
			itsma_trend_free(t);
			return rc;
		}
	if (capability(t) < 0 || repeats(t) < 0) {
		itsma_trend_free(t);
		return itsma__error_nomem(err);
	}
	*out = t;
	return 0;
}

size_t itsma_trend_count(const itsma_trend *t) { return t ? t->n : 0; }

const itsma_result *itsma_trend_result_at(const itsma_trend *t, size_t i)
{
	return t && i < t->n ? t->results[i] : NULL;
}

const itsma_diff *itsma_trend_diff_at(const itsma_trend *t, size_t i)
{
	return t && i < t->n ? t->diffs[i] : NULL;
}

size_t itsma_trend_process_count(const itsma_trend *t) { return t ? t->nprocs : 0; }

const char *itsma_trend_process_id(const itsma_trend *t, size_t k)
{
	return t && k < t->nprocs ? t->procs[k] : NULL;
}

int itsma_trend_process_level(const itsma_trend *t, size_t k, size_t i)
{
	return t && k < t->nprocs && i < t->n ? t->levels[k * t->n + i] : -1;
}

size_t itsma_trend_repeat_count(const itsma_trend *t) { return t ? t->nrepeats : 0; }

const char *itsma_trend_repeat_id(const itsma_trend *t, size_t j)
{
	return t && j < t->nrepeats ? t->repeats[j].id : NULL;
}

size_t itsma_trend_repeat_times(const itsma_trend *t, size_t j)
{
	return t && j < t->nrepeats ? t->repeats[j].times : 0;
}
