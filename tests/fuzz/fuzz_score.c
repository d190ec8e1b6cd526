/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fuzz scoring and its outputs: load an assessment (against the built-in 2018 catalogue,
 * else with no catalogue), score it under both evidence policies and for one section,
 * write the results as JSON, explain some figures, and compare the two results. Then make
 * changes through an incremental scorer (itsma_scorer_*), whose result must stay exactly
 * what itsma_score() gives for the assessment as it stands.
 */
#include "fuzz_common.h"

static void explain(const itsma_result *r, const char *id)
{
	char *text = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	int rc = itsma_result_explain(&text, r, id, &err);
	if (rc == 0) {
		FUZZ_CHECK(text != NULL);
		itsma_free(text);
	} else {
		FUZZ_CHECK(text == NULL && err.code == rc);
		FUZZ_CHECK(rc == ITSMA_ENOTFOUND || rc == ITSMA_EINVAL);
	}
}

static void check_result(const itsma_result *r, const itsma_assessment *a)
{
	char *json = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	size_t i;
	double c;

	FUZZ_CHECK(itsma_result_to_json(&json, r, &err) == 0 && json != NULL);
	itsma_free(json);
	c = itsma_result_compliance(r, ITSMA_MODEL_DEFAULT);
	FUZZ_CHECK(c != c || (c >= 0 && c <= 100));
	for (i = 0; i < itsma_result_requirement_count(r); i++) {
		const itsma_requirement_result *q = itsma_result_requirement_at(r, i);
		double v = itsma_requirement_result_achievement(q);
		FUZZ_CHECK(v != v || (v >= 0 && v <= 100));
	}
	/* explain a few figures: the first ratings, an attribute's process, a top section, junk */
	for (i = 0; i < itsma_assessment_rating_count(a) && i < 3; i++)
		explain(r, itsma_requirement_id(
		               itsma_rating_requirement(itsma_assessment_rating_at(a, i))));
	if (itsma_assessment_attribute_count(a))
		explain(r, itsma_section_id(itsma_attribute_rating_process(
		               itsma_assessment_attribute_at(a, 0))));
	if (itsma_result_section_count(r))
		explain(r, itsma_section_id(
		               itsma_section_result_section(itsma_result_section_at(r, 0))));
	explain(r, "no-such-id");
}

/* The scorer's result is itsma_score()'s, byte for byte. */
static void check_scorer(const itsma_scorer *sc, const itsma_assessment *a)
{
	itsma_result *fresh = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	char *x = NULL, *y = NULL;
	FUZZ_CHECK(itsma_score(&fresh, a, NULL, &err) == 0);
	FUZZ_CHECK(itsma_result_to_json(&x, itsma_scorer_result(sc), &err) == 0);
	FUZZ_CHECK(itsma_result_to_json(&y, fresh, &err) == 0);
	if (strcmp(x, y) != 0)
		fprintf(stderr, "scorer:\n%s\nitsma_score:\n%s", x, y);
	FUZZ_CHECK(strcmp(x, y) == 0);
	itsma_free(x);
	itsma_free(y);
	itsma_result_free(fresh);
}

/* Changes derived from the assessment itself, each checked against a fresh score. */
static void incremental(itsma_assessment *a, const uint8_t *data, size_t size)
{
	itsma_scorer *sc = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	size_t i, n;
	uint32_t h = fuzz_hash(data, size);

	FUZZ_CHECK(itsma_scorer_new(&sc, a, NULL, &err) == 0);
	check_scorer(sc, a);
	n = itsma_assessment_rating_count(a);
	for (i = 0; i < n && i < 4; i++) {
		const itsma_rating *r = itsma_assessment_rating_at(a, (h + i) % n);
		itsma_rating_spec spec = ITSMA_RATING_SPEC_INIT;
		spec.requirement = itsma_rating_requirement(r);
		spec.letter = (itsma_letter)(1 + (h >> i) % 8);
		FUZZ_CHECK(itsma_scorer_put_rating(sc, &spec, &err) == 0);
	}
	if (n > 4) {
		const itsma_rating *r = itsma_assessment_rating_at(a, h % n);
		char id[80];
		snprintf(id, sizeof id, "%s", itsma_requirement_id(itsma_rating_requirement(r)));
		FUZZ_CHECK(itsma_scorer_remove_rating(sc, id, &err) == 0);
	}
	check_scorer(sc, a);
	if (itsma_assessment_evidence_count(a)) {
		const itsma_evidence *e =
		    itsma_assessment_evidence_at(a, h % itsma_assessment_evidence_count(a));
		itsma_evidence_spec spec = ITSMA_EVIDENCE_SPEC_INIT;
		char id[80];
		snprintf(id, sizeof id, "%s", itsma_evidence_id(e));
		spec.id = id;
		spec.title = "changed";
		spec.kind = ITSMA_EVIDENCE_KIND_RECORD;
		spec.collected = h & 1 ? "2020-01-01" : "2099-01-01";
		spec.expires = (h & 1) && (h & 2) ? "2020-06-01" : NULL;
		FUZZ_CHECK(itsma_scorer_put_evidence(sc, &spec, &err) == 0);
	}
	if (itsma_catalogue_process_count(itsma_assessment_catalogue(a))) {
		const itsma_catalogue *cat = itsma_assessment_catalogue(a);
		itsma_attribute_spec spec = ITSMA_ATTRIBUTE_SPEC_INIT;
		spec.process =
		    itsma_catalogue_process_at(cat, h % itsma_catalogue_process_count(cat));
		spec.attribute = (itsma_attribute)(1 + (h >> 3) % 8);
		spec.value = (double)(h % 101);
		FUZZ_CHECK(itsma_scorer_put_attribute(sc, &spec, &err) == 0);
	}
	check_scorer(sc, a);
	itsma_scorer_free(sc);
}

static int load(itsma_assessment **a, const uint8_t *data, size_t size)
{
	itsma_error err = ITSMA_ERROR_INIT;
	int rc = itsma_assessment_load_buffer(a, (const char *)data, size, NULL,
	                                      fuzz_builtin_catalogue(), NULL, &err);
	if (fuzz_other_catalogue(rc, &err))
		rc = itsma_assessment_load_buffer(a, (const char *)data, size, NULL, NULL, NULL,
		                                  &err);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	itsma_assessment *a = NULL;
	itsma_result *r1 = NULL, *r2 = NULL, *r3 = NULL;
	itsma_score_options opts = ITSMA_SCORE_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_diff *d = NULL;
	int rc;

	if (load(&a, data, size) < 0)
		return 0;
	rc = itsma_score(&r1, a, NULL, &err);
	FUZZ_CHECK(rc == 0 && r1 != NULL);
	check_result(r1, a);

	opts.evidence_policy = ITSMA_EVIDENCE_POLICY_ADVISORY;
	rc = itsma_score(&r2, a, &opts, &err);
	FUZZ_CHECK(rc == 0 && r2 != NULL);
	check_result(r2, a);

	rc = itsma_compare(&d, r1, r2, &err);
	FUZZ_CHECK(rc == 0 && d != NULL);
	{
		char *json = NULL;
		FUZZ_CHECK(itsma_diff_to_json(&json, d, &err) == 0 && json != NULL);
		itsma_free(json);
	}
	itsma_diff_free(d);

	/* one section as if it were the whole catalogue: the first rated requirement's section */
	if (itsma_assessment_rating_count(a)) {
		const itsma_rating *q = itsma_assessment_rating_at(a, 0);
		opts.evidence_policy = ITSMA_EVIDENCE_POLICY_REQUIRED;
		opts.section =
		    itsma_section_id(itsma_requirement_section(itsma_rating_requirement(q)));
		rc = itsma_score(&r3, a, &opts, &err);
		FUZZ_CHECK(rc == 0 && r3 != NULL);
		check_result(r3, a);
		itsma_result_free(r3);
	}
	itsma_result_free(r2);
	itsma_result_free(r1);
	incremental(a, data, size);
	itsma_assessment_free(a);
	return 0;
}
