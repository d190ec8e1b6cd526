/* SPDX-License-Identifier: Apache-2.0 */
/*
 * OSCAL 1.1.2 assessment-results and plan-of-action-and-milestones (JSON) from a result.
 * Fields and allowed values follow oscal_assessment-results_metaschema.xml,
 * oscal_poam_metaschema.xml and oscal_assessment-common_metaschema.xml; what maps to what is
 * in docs/interop.md. Every uuid is a version-5 UUID of "ASSESSMENT-ID/PATH", so the same
 * result always gives the same bytes, and the POA&M refers to the findings and risks of the
 * assessment results by the same uuids.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "itsma/assessment.h"
#include "itsma/rating.h"
#include "internal/error.h"
#include "internal/interop.h"

#define OSCAL_VERSION "1.1.2"
/* The namespace of itsma's props (a URI, as OSCAL's `ns` flag wants). */
#define ITSMA_NS "urn:itsma:oscal"

/* The namespace of itsma's version-5 UUIDs (itself a fixed random UUID). */
static const unsigned char uuid_ns[16] = { 0x6b, 0x1e, 0x2f, 0x0c, 0x8a, 0x4d, 0x4e, 0x21,
	                                   0x9c, 0x3a, 0x5d, 0x77, 0x12, 0xe8, 0x40, 0xb3 };

typedef struct ow {
	const itsma_result *r;
	const itsma_assessment *a;
	itsma__buf b;
	itsma__jw w;
	itsma_error *err;
	int rc;
	char time[32]; /* the assessment date as a date-time */
} ow;

/* The uuid of the object at `path` (printf-style) into out. */
static void uuid_of(ow *o, char out[37], const char *fmt, const char *arg)
{
	char name[ITSMA_ERROR_POINTER_LENGTH + 160];
	int n = snprintf(name, sizeof name, "%s/", itsma_assessment_id(o->a));
	snprintf(name + n, sizeof name - (size_t)n, fmt, arg);
	if (o->rc == 0)
		o->rc = itsma__uuid5(out, uuid_ns, name, strlen(name), o->err);
	if (o->rc)
		memset(out, '0', 36), out[36] = '\0';
}

static void put_uuid(ow *o, const char *key, const char *fmt, const char *arg)
{
	char u[37];
	uuid_of(o, u, fmt, arg);
	itsma__jw_string(&o->w, key, u);
}

/* A date as an OSCAL date-time with time zone. */
static void put_time(ow *o, const char *key, const char *date)
{
	char t[32];
	snprintf(t, sizeof t, "%sT00:00:00Z", date);
	itsma__jw_string(&o->w, key, t);
}

static void prop(ow *o, const char *name, const char *value)
{
	itsma__jw_begin_object(&o->w, NULL);
	itsma__jw_string(&o->w, "name", name);
	itsma__jw_string(&o->w, "ns", ITSMA_NS);
	itsma__jw_string(&o->w, "value", value);
	itsma__jw_end_object(&o->w);
}

/*
 * The OSCAL token of a requirement: its x-oscal-id when it came from OSCAL, else its id when
 * that is a token (a letter or _ first; no ':'), else "itsma-" + the id with ':' as '_'.
 */
static void control_id(char out[80], const itsma_requirement *r)
{
	json_object *x = itsma__ext_get(r->ext, "x-oscal-id");
	const char *id = itsma_requirement_id(r);
	char *p;
	if (x && json_object_is_type(x, json_type_string)) {
		snprintf(out, 80, "%s", json_object_get_string(x));
		json_object_put(x);
		return;
	}
	json_object_put(x);
	if ((id[0] >= 'A' && id[0] <= 'Z') || (id[0] >= 'a' && id[0] <= 'z') || id[0] == '_')
		snprintf(out, 80, "%s", id);
	else
		snprintf(out, 80, "itsma-%s", id);
	for (p = out; *p; p++)
		if (*p == ':')
			*p = '_';
}

static const char *method_of(itsma_evidence_kind k)
{
	switch (k) {
	case ITSMA_EVIDENCE_KIND_DOCUMENT:
	case ITSMA_EVIDENCE_KIND_RECORD: return "EXAMINE";
	case ITSMA_EVIDENCE_KIND_INTERVIEW: return "INTERVIEW";
	case ITSMA_EVIDENCE_KIND_OBSERVATION:
	case ITSMA_EVIDENCE_KIND_METRIC: return "TEST";
	default: return "UNKNOWN";
	}
}

static void metadata(ow *o, const char *kind)
{
	const char *title = itsma_assessment_title(o->a),
	           *org = itsma_assessment_organisation(o->a),
	           *by = itsma_assessment_assessor(o->a);
	char t[512];
	if (!title) {
		snprintf(t, sizeof t, "%s of self-assessment %s against %s", kind,
		         itsma_assessment_id(o->a),
		         itsma_catalogue_id(itsma_assessment_catalogue(o->a)));
		title = t;
	}
	itsma__jw_begin_object(&o->w, "metadata");
	itsma__jw_string(&o->w, "title", title);
	itsma__jw_string(&o->w, "last-modified", o->time);
	itsma__jw_string(&o->w, "version", itsma_assessment_date(o->a));
	itsma__jw_string(&o->w, "oscal-version", OSCAL_VERSION);
	if (org || by) {
		itsma__jw_begin_array(&o->w, "parties");
		if (org) {
			itsma__jw_begin_object(&o->w, NULL);
			put_uuid(o, "uuid", "party/organisation", "");
			itsma__jw_string(&o->w, "type", "organization");
			itsma__jw_string(&o->w, "name", org);
			itsma__jw_end_object(&o->w);
		}
		if (by) {
			itsma__jw_begin_object(&o->w, NULL);
			put_uuid(o, "uuid", "party/assessor", "");
			itsma__jw_string(&o->w, "type", "person");
			itsma__jw_string(&o->w, "name", by);
			itsma__jw_end_object(&o->w);
		}
		itsma__jw_end_array(&o->w);
	}
	itsma__jw_begin_array(&o->w, "props");
	prop(o, "assessment", itsma_assessment_id(o->a));
	prop(o, "catalogue", itsma_catalogue_id(itsma_assessment_catalogue(o->a)));
	itsma__jw_end_array(&o->w);
	itsma__jw_end_object(&o->w);
}

/* An observation per evidence record. */
static void observations(ow *o)
{
	size_t i, n = itsma_assessment_evidence_count(o->a);
	if (!n)
		return;
	itsma__jw_begin_array(&o->w, "observations");
	for (i = 0; i < n; i++) {
		const itsma_evidence *e = itsma_assessment_evidence_at(o->a, i);
		const char *uri = itsma_evidence_uri(e), *sha = itsma_evidence_sha256(e),
		           *note = itsma_evidence_note(e);
		char res[37];
		itsma__jw_begin_object(&o->w, NULL);
		put_uuid(o, "uuid", "observation/%s", itsma_evidence_id(e));
		itsma__jw_string(&o->w, "title", itsma_evidence_title(e));
		itsma__jw_string(&o->w, "description", itsma_evidence_title(e));
		itsma__jw_begin_array(&o->w, "props");
		prop(o, "evidence-id", itsma_evidence_id(e));
		prop(o, "evidence-kind", itsma_evidence_kind_name(itsma_evidence_kind_of(e)));
		if (itsma_evidence_by(e))
			prop(o, "collected-by", itsma_evidence_by(e));
		itsma__jw_end_array(&o->w);
		itsma__jw_begin_inline_array(&o->w, "methods");
		itsma__jw_string(&o->w, NULL, method_of(itsma_evidence_kind_of(e)));
		itsma__jw_end_array(&o->w);
		if (uri || sha) {
			itsma__jw_begin_array(&o->w, "relevant-evidence");
			itsma__jw_begin_object(&o->w, NULL);
			if (uri && sha) {
				char href[40];
				uuid_of(o, res, "resource/%s", itsma_evidence_id(e));
				snprintf(href, sizeof href, "#%s", res);
				itsma__jw_string(&o->w, "href", href);
			} else if (uri)
				itsma__jw_string(&o->w, "href", uri);
			itsma__jw_string(&o->w, "description", itsma_evidence_title(e));
			if (sha && !uri) {
				itsma__jw_begin_array(&o->w, "props");
				prop(o, "sha256", sha);
				itsma__jw_end_array(&o->w);
			}
			itsma__jw_end_object(&o->w);
			itsma__jw_end_array(&o->w);
		}
		put_time(o, "collected", itsma_evidence_collected(e));
		if (itsma_evidence_expires(e))
			put_time(o, "expires", itsma_evidence_expires(e));
		if (note)
			itsma__jw_string(&o->w, "remarks", note);
		itsma__jw_end_object(&o->w);
	}
	itsma__jw_end_array(&o->w);
}

/* A risk per major nonconformity. */
static void risks(ow *o)
{
	size_t i, n = itsma_result_requirement_count(o->r), k = 0;
	for (i = 0; i < n; i++) {
		const itsma_requirement_result *q = itsma_result_requirement_at(o->r, i);
		const itsma_requirement *req = itsma_requirement_result_requirement(q);
		char t[160];
		if (itsma_requirement_result_nonconformity(q) != ITSMA_NONCONFORMITY_MAJOR)
			continue;
		if (k++ == 0)
			itsma__jw_begin_array(&o->w, "risks");
		itsma__jw_begin_object(&o->w, NULL);
		put_uuid(o, "uuid", "risk/%s", itsma_requirement_id(req));
		snprintf(t, sizeof t, "Major nonconformity: requirement %s",
		         itsma_requirement_id(req));
		itsma__jw_string(&o->w, "title", t);
		itsma__jw_string(&o->w, "description", itsma_requirement_text(req));
		itsma__jw_string(
		    &o->w, "statement",
		    itsma_requirement_result_status(q) == ITSMA_STATUS_UNSUPPORTED
		        ? "A shall requirement is rated without current evidence."
		        : "A shall requirement is not met (rated P or N): a major nonconformity.");
		itsma__jw_begin_array(&o->w, "props");
		prop(o, "requirement", itsma_requirement_id(req));
		prop(o, "nonconformity", "major");
		itsma__jw_end_array(&o->w);
		itsma__jw_string(&o->w, "status", "open");
		itsma__jw_end_object(&o->w);
	}
	if (k)
		itsma__jw_end_array(&o->w);
}

static const char *implementation_state(const itsma_requirement_result *q)
{
	switch (itsma_requirement_result_status(q)) {
	case ITSMA_STATUS_EXCLUDED: return "not-applicable";
	case ITSMA_STATUS_UNASSESSED: return "planned";
	default:
		if (itsma_requirement_result_letter(q) == ITSMA_LETTER_F)
			return "implemented";
		return itsma_requirement_result_achievement(q) > 0 ? "partial" : "planned";
	}
}

/* A finding per applicable requirement. */
static void findings(ow *o)
{
	size_t i, n = itsma_result_requirement_count(o->r), k = 0;
	for (i = 0; i < n; i++) {
		const itsma_requirement_result *q = itsma_result_requirement_at(o->r, i);
		const itsma_requirement *req = itsma_requirement_result_requirement(q);
		const itsma_rating *rating = itsma_requirement_result_rating(q);
		itsma_status st = itsma_requirement_result_status(q);
		itsma_nonconformity nc = itsma_requirement_result_nonconformity(q);
		char cid[80], tid[96], t[160], num[32];
		size_t j, ne;
		if (st == ITSMA_STATUS_EXCLUDED)
			continue;
		if (k++ == 0)
			itsma__jw_begin_array(&o->w, "findings");
		control_id(cid, req);
		itsma__jw_begin_object(&o->w, NULL);
		put_uuid(o, "uuid", "finding/%s", itsma_requirement_id(req));
		snprintf(t, sizeof t, "Requirement %s", itsma_requirement_id(req));
		itsma__jw_string(&o->w, "title", t);
		itsma__jw_string(&o->w, "description", itsma_requirement_text(req));
		itsma__jw_begin_array(&o->w, "props");
		prop(o, "requirement", itsma_requirement_id(req));
		prop(o, "obligation", itsma_obligation_name(itsma_requirement_obligation(req)));
		prop(o, "status", itsma_status_name(st));
		if (st != ITSMA_STATUS_UNASSESSED) {
			itsma__format_number(num, itsma_requirement_result_achievement(q));
			prop(o, "rating", itsma_letter_name(itsma_requirement_result_letter(q)));
			prop(o, "achievement", num);
		}
		if (nc != ITSMA_NONCONFORMITY_NULL)
			prop(o, "nonconformity", itsma_nonconformity_name(nc));
		itsma__jw_end_array(&o->w);
		itsma__jw_begin_object(&o->w, "target");
		itsma__jw_string(&o->w, "type", "statement-id");
		snprintf(tid, sizeof tid, "%s_smt", cid);
		itsma__jw_string(&o->w, "target-id", tid);
		itsma__jw_begin_object(&o->w, "status");
		itsma__jw_string(&o->w, "state",
		                 st == ITSMA_STATUS_RATED &&
		                         itsma_requirement_result_letter(q) == ITSMA_LETTER_F
		                     ? "satisfied"
		                     : "not-satisfied");
		itsma__jw_end_object(&o->w);
		itsma__jw_begin_object(&o->w, "implementation-status");
		itsma__jw_string(&o->w, "state", implementation_state(q));
		itsma__jw_end_object(&o->w);
		itsma__jw_end_object(&o->w);
		ne = rating ? itsma_rating_evidence_count(rating) : 0;
		if (ne) {
			itsma__jw_begin_array(&o->w, "related-observations");
			for (j = 0; j < ne; j++) {
				itsma__jw_begin_object(&o->w, NULL);
				put_uuid(o, "observation-uuid", "observation/%s",
				         itsma_evidence_id(itsma_rating_evidence_at(rating, j)));
				itsma__jw_end_object(&o->w);
			}
			itsma__jw_end_array(&o->w);
		}
		if (nc == ITSMA_NONCONFORMITY_MAJOR) {
			itsma__jw_begin_array(&o->w, "related-risks");
			itsma__jw_begin_object(&o->w, NULL);
			put_uuid(o, "risk-uuid", "risk/%s", itsma_requirement_id(req));
			itsma__jw_end_object(&o->w);
			itsma__jw_end_array(&o->w);
		}
		if (rating && itsma_rating_note(rating))
			itsma__jw_string(&o->w, "remarks", itsma_rating_note(rating));
		itsma__jw_end_object(&o->w);
	}
	if (k)
		itsma__jw_end_array(&o->w);
}

/* Back-matter: a resource per evidence record with both a uri and a SHA-256 (its hash). */
static void back_matter(ow *o)
{
	size_t i, n = itsma_assessment_evidence_count(o->a), k = 0;
	for (i = 0; i < n; i++) {
		const itsma_evidence *e = itsma_assessment_evidence_at(o->a, i);
		if (!itsma_evidence_uri(e) || !itsma_evidence_sha256(e))
			continue;
		if (k++ == 0) {
			itsma__jw_begin_object(&o->w, "back-matter");
			itsma__jw_begin_array(&o->w, "resources");
		}
		itsma__jw_begin_object(&o->w, NULL);
		put_uuid(o, "uuid", "resource/%s", itsma_evidence_id(e));
		itsma__jw_string(&o->w, "title", itsma_evidence_title(e));
		itsma__jw_begin_array(&o->w, "rlinks");
		itsma__jw_begin_object(&o->w, NULL);
		itsma__jw_string(&o->w, "href", itsma_evidence_uri(e));
		itsma__jw_begin_array(&o->w, "hashes");
		itsma__jw_begin_object(&o->w, NULL);
		itsma__jw_string(&o->w, "algorithm", "SHA-256");
		itsma__jw_string(&o->w, "value", itsma_evidence_sha256(e));
		itsma__jw_end_object(&o->w);
		itsma__jw_end_array(&o->w);
		itsma__jw_end_object(&o->w);
		itsma__jw_end_array(&o->w);
		itsma__jw_end_object(&o->w);
	}
	if (k) {
		itsma__jw_end_array(&o->w);
		itsma__jw_end_object(&o->w);
	}
}

static void reviewed_controls(ow *o)
{
	const itsma_catalogue *cat = itsma_assessment_catalogue(o->a);
	size_t i, n = itsma_result_requirement_count(o->r), excluded = 0;
	char cid[80];
	itsma__jw_begin_object(&o->w, "reviewed-controls");
	itsma__jw_begin_array(&o->w, "control-selections");
	itsma__jw_begin_object(&o->w, NULL);
	itsma__jw_string(&o->w, "description", itsma_catalogue_title(cat));
	itsma__jw_begin_array(&o->w, "include-controls");
	for (i = 0; i < n; i++) {
		const itsma_requirement_result *q = itsma_result_requirement_at(o->r, i);
		control_id(cid, itsma_requirement_result_requirement(q));
		itsma__jw_begin_object(&o->w, NULL);
		itsma__jw_string(&o->w, "control-id", cid);
		itsma__jw_end_object(&o->w);
		excluded += itsma_requirement_result_status(q) == ITSMA_STATUS_EXCLUDED;
	}
	itsma__jw_end_array(&o->w);
	if (excluded) {
		itsma__jw_begin_array(&o->w, "exclude-controls");
		for (i = 0; i < n; i++) {
			const itsma_requirement_result *q = itsma_result_requirement_at(o->r, i);
			if (itsma_requirement_result_status(q) != ITSMA_STATUS_EXCLUDED)
				continue;
			control_id(cid, itsma_requirement_result_requirement(q));
			itsma__jw_begin_object(&o->w, NULL);
			itsma__jw_string(&o->w, "control-id", cid);
			itsma__jw_end_object(&o->w);
		}
		itsma__jw_end_array(&o->w);
	}
	itsma__jw_end_object(&o->w);
	itsma__jw_end_array(&o->w);
	itsma__jw_end_object(&o->w);
}

static int start(ow *o, const itsma_result *r, itsma_error *err)
{
	memset(o, 0, sizeof *o);
	if (err)
		itsma_error_clear(err);
	if (!r)
		return itsma__error_set(err, ITSMA_EINVAL, "result must not be NULL");
	if (itsma_result_scope(r))
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "expected a result of the whole catalogue, not of section %s",
		    itsma_section_id(itsma_result_scope(r)));
	o->r = r;
	o->a = itsma_result_assessment(r);
	o->err = err;
	snprintf(o->time, sizeof o->time, "%sT00:00:00Z", itsma_assessment_date(o->a));
	itsma__jw_init(&o->w, &o->b);
	return 0;
}

static int finish(ow *o, char **out)
{
	itsma__jw_finish(&o->w);
	if (o->rc) {
		itsma__buf_free(&o->b);
		return o->rc;
	}
	return itsma__buf_finish(&o->b, out, o->err);
}

int itsma_result_to_oscal_ar(char **out, const itsma_result *r, itsma_error *err)
{
	itsma__error_reset(err);
	ow o;
	char summary[256], num[32];
	int rc;
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "out must not be NULL");
	*out = NULL;
	if ((rc = start(&o, r, err)) < 0)
		return rc;
	itsma__jw_begin_object(&o.w, NULL);
	itsma__jw_begin_object(&o.w, "assessment-results");
	put_uuid(&o, "uuid", "assessment-results", "");
	metadata(&o, "Assessment results");
	itsma__jw_begin_object(&o.w, "import-ap");
	itsma__jw_string(&o.w, "href", "#");
	itsma__jw_string(&o.w, "remarks", "A self-assessment has no separate assessment plan.");
	itsma__jw_end_object(&o.w);
	itsma__jw_begin_array(&o.w, "results");
	itsma__jw_begin_object(&o.w, NULL);
	put_uuid(&o, "uuid", "result", "");
	itsma__jw_string(&o.w, "title",
	                 itsma_assessment_title(o.a) ? itsma_assessment_title(o.a)
	                                             : itsma_assessment_id(o.a));
	itsma__format_number(num, itsma_result_compliance(r, ITSMA_MODEL_DEFAULT));
	snprintf(summary, sizeof summary, "Compliance %s%% against %s; verdict %s.", num,
	         itsma_catalogue_id(itsma_assessment_catalogue(o.a)),
	         itsma_verdict_name(itsma_result_verdict(r)));
	itsma__jw_string(&o.w, "description", summary);
	itsma__jw_string(&o.w, "start", o.time);
	itsma__jw_begin_array(&o.w, "props");
	prop(&o, "compliance", num);
	prop(&o, "verdict", itsma_verdict_name(itsma_result_verdict(r)));
	prop(&o, "evidence-policy", itsma_evidence_policy_name(itsma_result_policy(r)));
	itsma__jw_end_array(&o.w);
	reviewed_controls(&o);
	observations(&o);
	risks(&o);
	findings(&o);
	itsma__jw_end_object(&o.w);
	itsma__jw_end_array(&o.w);
	back_matter(&o);
	itsma__jw_end_object(&o.w);
	itsma__jw_end_object(&o.w);
	return finish(&o, out);
}

int itsma_result_to_oscal_poam(char **out, const itsma_result *r, itsma_error *err)
{
	itsma__error_reset(err);
	ow o;
	size_t i, n;
	int rc;
	if (!out)
		return itsma__error_set(err, ITSMA_EINVAL, "out must not be NULL");
	*out = NULL;
	if ((rc = start(&o, r, err)) < 0)
		return rc;
	if (itsma_result_gap_count(r) == 0)
		return itsma__error_set(
		    err, ITSMA_EINVAL,
		    "the result has no gaps: a POA&M needs at least one poam-item");
	itsma__jw_begin_object(&o.w, NULL);
	itsma__jw_begin_object(&o.w, "plan-of-action-and-milestones");
	put_uuid(&o, "uuid", "plan-of-action-and-milestones", "");
	metadata(&o, "Plan of action and milestones");
	itsma__jw_begin_object(&o.w, "system-id");
	itsma__jw_string(&o.w, "identifier-type", "http://ietf.org/rfc/rfc4122");
	{
		char u[37];
		uuid_of(&o, u, "system", "");
		itsma__jw_string(&o.w, "id", u);
	}
	itsma__jw_end_object(&o.w);
	observations(&o);
	risks(&o);
	findings(&o);
	itsma__jw_begin_array(&o.w, "poam-items");
	n = itsma_result_gap_count(r);
	for (i = 0; i < n; i++) {
		const itsma_gap *g = itsma_result_gap_at(r, i);
		const itsma_requirement_result *q = itsma_gap_requirement(g);
		const itsma_requirement *req = itsma_requirement_result_requirement(q);
		itsma__buf d = ITSMA__BUF_INIT;
		char t[160], num[32];
		size_t s, ns = itsma_gap_guidance_source_count(g);
		itsma__jw_begin_object(&o.w, NULL);
		put_uuid(&o, "uuid", "poam-item/%s", itsma_requirement_id(req));
		snprintf(t, sizeof t, "Close the gap of requirement %s", itsma_requirement_id(req));
		itsma__jw_string(&o.w, "title", t);
		itsma__buf_puts(&d, itsma_requirement_text(req));
		for (s = 0; s < ns; s++) {
			const char *key = itsma_gap_guidance_source_key(g, s);
			const itsma_catalogue *cat = itsma_assessment_catalogue(o.a);
			const char *name = key;
			size_t k, nv = itsma_gap_guidance_count(g, key);
			for (k = 0; k < itsma_catalogue_guidance_source_count(cat); k++)
				if (strcmp(itsma_catalogue_guidance_source_key(cat, k), key) == 0)
					name = itsma_catalogue_guidance_source_name(cat, k);
			itsma__buf_printf(&d, "\n\nGuidance (%s): ", name);
			for (k = 0; k < nv; k++) {
				if (k)
					itsma__buf_puts(&d, ", ");
				itsma__buf_puts(&d, itsma_gap_guidance_at(g, key, k));
			}
		}
		if (d.oom && o.rc == 0)
			o.rc = itsma__error_nomem(err);
		itsma__jw_string(&o.w, "description", d.data ? d.data : "");
		itsma__buf_free(&d);
		itsma__jw_begin_array(&o.w, "props");
		prop(&o, "requirement", itsma_requirement_id(req));
		itsma__format_number(num, itsma_gap_gain(g));
		prop(&o, "gain", num);
		prop(&o, "rank", (snprintf(t, sizeof t, "%zu", i + 1), t));
		itsma__jw_end_array(&o.w);
		itsma__jw_begin_array(&o.w, "related-findings");
		itsma__jw_begin_object(&o.w, NULL);
		put_uuid(&o, "finding-uuid", "finding/%s", itsma_requirement_id(req));
		itsma__jw_end_object(&o.w);
		itsma__jw_end_array(&o.w);
		if (itsma_requirement_result_nonconformity(q) == ITSMA_NONCONFORMITY_MAJOR) {
			itsma__jw_begin_array(&o.w, "related-risks");
			itsma__jw_begin_object(&o.w, NULL);
			put_uuid(&o, "risk-uuid", "risk/%s", itsma_requirement_id(req));
			itsma__jw_end_object(&o.w);
			itsma__jw_end_array(&o.w);
		}
		itsma__jw_end_object(&o.w);
	}
	itsma__jw_end_array(&o.w);
	back_matter(&o);
	itsma__jw_end_object(&o.w);
	itsma__jw_end_object(&o.w);
	return finish(&o, out);
}
