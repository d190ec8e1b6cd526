/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A result as CSV in CISO Assistant's audit columns (docs/interop.md): one row per requirement
 * in catalogue order, with the urns of itsma_catalogue_to_ciso_library()'s library.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "itsma/assessment.h"
#include "itsma/rating.h"
#include "internal/error.h"
#include "internal/interop.h"

static const char *compliance_result(const itsma_requirement_result *q)
{
	switch (itsma_requirement_result_status(q)) {
	case ITSMA_STATUS_EXCLUDED: return "not_applicable";
	case ITSMA_STATUS_UNASSESSED: return "not_assessed";
	default:
		switch (itsma_letter_band(itsma_requirement_result_letter(q))) {
		case ITSMA_LETTER_F: return "compliant";
		case ITSMA_LETTER_N: return "non_compliant";
		default: return "partially_compliant";
		}
	}
}

int itsma_result_to_ciso_audit_csv(char **out, const itsma_result *r, const char *packager,
                                   itsma_error *err)
{
	const itsma_assessment *a;
	const itsma_catalogue *cat;
	itsma__buf b = ITSMA__BUF_INIT, te = ITSMA__BUF_INIT, obs = ITSMA__BUF_INIT;
	itsma__urns urns;
	size_t i, j, k;
	const char *pk;
	int rc;

	itsma__error_reset(err);
	if (out)
		*out = NULL;
	if (!out || !r)
		return itsma__error_set(err, ITSMA_EINVAL, "out and r must not be NULL");
	if ((rc = itsma__ciso_packager(&pk, packager, err)) < 0)
		return rc;
	a = itsma_result_assessment(r);
	cat = itsma_assessment_catalogue(a);
	if ((rc = itsma__urns_build(&urns, cat, pk, err)) < 0)
		return rc;
	itsma__buf_puts(&b,
	                "urn,ref_id,name,description,typical_evidence,annotation,compliance_result,"
	                "extended_result,requirement_progress,score,observations\r\n");
	for (i = 0; i < itsma_catalogue_section_count(cat); i++) {
		const itsma_section *s = itsma_catalogue_section_at(cat, i);
		for (j = 0; j < itsma_section_requirement_count(s); j++) {
			const itsma_requirement *req = itsma_section_requirement_at(s, j);
			const itsma_requirement_result *q =
			    itsma_result_find_requirement(r, itsma_requirement_id(req));
			const itsma_rating *rt = q ? itsma_requirement_result_rating(q) : NULL;
			itsma_status st =
			    q ? itsma_requirement_result_status(q) : ITSMA_STATUS_UNASSESSED;
			itsma_nonconformity nc = q ? itsma_requirement_result_nonconformity(q)
			                           : ITSMA_NONCONFORMITY_NULL;
			if (!q)
				continue; /* not in the result (cannot happen for a whole-catalogue
				             result) */
			te.len = 0;
			if (te.data)
				te.data[0] = '\0';
			for (k = 0; k < itsma_requirement_evidence_hint_count(req); k++) {
				if (te.len)
					itsma__buf_putc(&te, '\n');
				itsma__buf_puts(&te, itsma_requirement_evidence_hint_at(req, k));
			}
			if (itsma_requirement_verify(req)) {
				if (te.len)
					itsma__buf_putc(&te, '\n');
				itsma__buf_printf(&te, "Verify: %s", itsma_requirement_verify(req));
			}
			obs.len = 0;
			if (obs.data)
				obs.data[0] = '\0';
			if (rt && itsma_rating_note(rt))
				itsma__buf_puts(&obs, itsma_rating_note(rt));
			for (k = 0; rt && k < itsma_rating_evidence_count(rt); k++) {
				const itsma_evidence *e = itsma_rating_evidence_at(rt, k);
				itsma__buf_printf(&obs, "%s[%s] %s", obs.len ? "\n" : "",
				                  itsma_evidence_id(e), itsma_evidence_title(e));
			}
			itsma__csv_text(&b,
			                itsma__strmap_get(&urns.by_id, itsma_requirement_id(req)));
			itsma__buf_putc(&b, ',');
			itsma__csv_text(&b, itsma_requirement_id(req));
			itsma__buf_putc(&b, ',');
			itsma__csv_text(&b, itsma_requirement_clause(req));
			itsma__buf_putc(&b, ',');
			itsma__csv_text(&b, itsma_requirement_text(req));
			itsma__buf_putc(&b, ',');
			itsma__csv_text(&b, te.len ? te.data : NULL);
			itsma__buf_putc(&b, ',');
			itsma__buf_putc(&b, ',');
			itsma__csv_text(&b, compliance_result(q));
			itsma__buf_putc(&b, ',');
			itsma__csv_text(&b, nc == ITSMA_NONCONFORMITY_MAJOR ? "major_nonconformity"
			                    : nc == ITSMA_NONCONFORMITY_MINOR
			                        ? "minor_nonconformity"
			                        : NULL);
			itsma__buf_putc(&b, ',');
			if (st != ITSMA_STATUS_UNASSESSED && st != ITSMA_STATUS_EXCLUDED) {
				itsma__csv_number(&b, itsma_requirement_result_achievement(q));
				itsma__buf_putc(&b, ',');
				itsma__csv_number(&b, itsma_requirement_result_achievement(q));
			} else
				itsma__buf_putc(&b, ',');
			itsma__buf_putc(&b, ',');
			itsma__csv_text(&b, obs.len ? obs.data : NULL);
			itsma__buf_puts(&b, "\r\n");
		}
	}
	if (te.oom || obs.oom)
		goto nomem;
	rc = itsma__buf_finish(&b, out, err);
	goto done;
nomem:
	itsma__buf_free(&b);
	rc = itsma__error_nomem(err);
done:
	itsma__urns_fini(&urns);
	itsma__buf_free(&te);
	itsma__buf_free(&obs);
	return rc;
}
