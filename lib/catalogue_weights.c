/* SPDX-License-Identifier: Apache-2.0 */
/* Effective weights of a catalogue's requirements in the default model, everything applicable. */
#include "internal/model.h"
#include "internal/error.h"
#include "internal/buf.h"

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
	double *wsum, *eff, top_wsum = 0;
	size_t *n, top_n = 0, i, k;

	itsma__error_reset(err);
	if (!c || (!out && c->requirement_count))
		return itsma__error_set(err, ITSMA_EINVAL, "out and catalogue must not be NULL");
	if (count < c->requirement_count)
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "out has room for %zu weights, the catalogue has %zu requirements", count,
		    c->requirement_count);
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
	/* the totals of each section's children: its own requirements and applicable sub-sections
	 */
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
			eff[i] = eff[s->parent->index] *
			         share(s->weight, wsum[s->parent->index], n[s->parent->index]);
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

int itsma_catalogue_weights_to_json(char **out, const itsma_catalogue *c, itsma_error *err)
{
	itsma__buf b = ITSMA__BUF_INIT;
	double *eff;
	size_t n;
	int rc;

	itsma__error_reset(err);
	if (out)
		*out = NULL;
	if (!out || !c)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_catalogue_weights_to_json: NULL argument");
	n = c->requirement_count;
	if (!(eff = calloc(n ? n : 1, sizeof *eff)))
		return itsma__error_nomem(err);
	if ((rc = itsma_catalogue_effective_weights(eff, n, c, err)) < 0) {
		free(eff);
		return rc;
	}
	itsma__buf_puts(&b, "{\n  \"catalogue\": ");
	itsma__buf_json_string(&b, itsma_catalogue_id(c));
	if (itsma_catalogue_revision(c))
		itsma__buf_printf(&b, ",\n  \"revision\": %d", itsma_catalogue_revision(c));
	itsma__buf_puts(&b, ",\n  \"model\": \"default\",\n  \"requirements\": [");
	for (size_t i = 0; i < n; i++) {
		const itsma_requirement *q = itsma_catalogue_requirement_at(c, i);
		itsma__buf_puts(&b, i ? ",\n    { \"id\": " : "\n    { \"id\": ");
		itsma__buf_json_string(&b, itsma_requirement_id(q));
		itsma__buf_printf(
		    &b,
		    ", \"obligation\": \"%s\", \"weight\": %.15g, \"effective_weight\": %.15g }",
		    itsma_obligation_name(itsma_requirement_obligation(q)),
		    itsma_requirement_weight(q), eff[i]);
	}
	itsma__buf_puts(&b, n ? "\n  ]\n}\n" : "]\n}\n");
	free(eff);
	return itsma__buf_finish(&b, out, err);
}
