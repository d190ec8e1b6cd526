/* SPDX-License-Identifier: Apache-2.0 */
/* Effective weights of a catalogue's requirements in the default model, everything applicable. */
#include "internal/model.h"
#include "internal/error.h"

#include <stdlib.h>

/* What one node weighs among its siblings: w / wsum, or 1 / n where all of them weigh 0. */
static double share(double w, double wsum, size_t n)
{
	if (wsum > 0)
		return w / wsum;
	return n ? 1.0 / (double)n : 0.0;
}

/* A section counts among its siblings when it has a requirement beneath it (applicable). */
static int counts(const itsma_section *s) { return s->req_end > s->req_begin; }

int itsma_catalogue_effective_weights(double *out, size_t count, const itsma_catalogue *c,
                                      itsma_error *err)
{
	itsma__error_reset(err);
	itsma__error_reset(err);
	double *wsum, *eff, top_wsum = 0;
	size_t *n, top_n = 0, i, k;

	itsma__error_reset(err);
	if (!c || (!out && c->requirement_count))
		return itsma__error_set(err, ITSMA_EINVAL, "out and catalogue must not be NULL");
	if (count < c->requirement_count)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "out has room for %zu weights, the catalogue has %zu requirements",
		                        count, c->requirement_count);
	if (!c->requirement_count)
		return 0;
	wsum = calloc(c->section_count, sizeof *wsum);
	eff = calloc(c->section_count, sizeof *eff);
	n = calloc(c->section_count, sizeof *n);
	if (!wsum || !eff || !n) {
		free(wsum);
		free(eff);
		free(n);
		return itsma__error_nomem(err);
	}
	/* the totals of each section's children: its own requirements and applicable sub-sections */
	for (i = 0; i < c->section_count; i++) {
		const itsma_section *s = c->sections[i];
		for (k = 0; k < s->req_count; k++)
			wsum[i] += s->reqs[k]->weight;
		n[i] = s->req_count;
		for (k = 0; k < s->child_count; k++)
			if (counts(s->children[k])) {
				wsum[i] += s->children[k]->weight;
				n[i]++;
			}
	}
	for (k = 0; k < c->top_count; k++)
		if (counts(c->tops[k])) {
			top_wsum += c->tops[k]->weight;
			top_n++;
		}
	/* catalogue order visits a parent before its sub-sections */
	for (i = 0; i < c->section_count; i++) {
		const itsma_section *s = c->sections[i];
		if (!counts(s))
			continue;
		if (s->parent)
			eff[i] = eff[s->parent->index] * share(s->weight, wsum[s->parent->index],
			                                       n[s->parent->index]);
		else
			eff[i] = share(s->weight, top_wsum, top_n);
		for (k = 0; k < s->req_count; k++)
			out[s->reqs[k]->index] = eff[i] * share(s->reqs[k]->weight, wsum[i], n[i]);
	}
	free(wsum);
	free(eff);
	free(n);
	return 0;
}
