/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The built-in mapping iso20000-1-2011-to-2018 against the built-in catalogues: it loads
 * (every id exists, revisions match, no map twice), every 2011 requirement, shall or should, is
 * a source of some map (related, or marked no-relationship), every no-relationship map and
 * every map from a 2011 shall to 2018 shoulds only gives its reason in a note, the 2018
 * requirements no map reaches are reported as new, and the Acme 2011 sample carries into a
 * valid 2018 assessment with a transition report in each format, dropping only what a
 * no-relationship map names and giving its reason.
 *
 * Skips (77) while the built-in catalogues are at content revision 1.
 */
#include <itsma.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAPPING_ID "iso20000-1-2011-to-2018"
#define SAMPLE     ITSMA_SOURCE_DIR "/examples/data/acme-2011-selfassessment.json"

#include "../check.h"

/* The content revision a built-in catalogue declares ("revision": N at the top level), 1 without.
 */
static int builtin_revision(const char *id)
{
	size_t i, len;
	for (i = 0; i < itsma_catalogue_builtin_count(); i++)
		if (strcmp(itsma_catalogue_builtin_id(i), id) == 0) {
			const char *json = itsma_catalogue_builtin_json(&len, i);
			const char *p = strstr(json, "\n  \"revision\": ");
			return p ? atoi(p + 15) : 1;
		}
	return 0;
}

/* Whether @p id is a source of a map of @p m; with @p related, of a map other than
 * no-relationship. */
static int is_source(const itsma_mapping *m, const char *id, int related)
{
	size_t j, k;
	for (j = 0; j < itsma_mapping_map_count(m); j++) {
		const itsma_map *map = itsma_mapping_map_at(m, j);
		if (related && itsma_map_relationship(map) == ITSMA_RELATIONSHIP_NO_RELATIONSHIP)
			continue;
		for (k = 0; k < itsma_map_source_count(map); k++)
			if (strcmp(itsma_map_source_at(map, k), id) == 0)
				return 1;
	}
	return 0;
}

int main(void)
{
	itsma_catalogue *c2011 = NULL, *c2018 = NULL;
	itsma_mapping *m = NULL;
	itsma_assessment *a = NULL, *carried = NULL, *again = NULL;
	itsma_carry_report *rep = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	size_t i, j, k, unmapped = 0, unmapped_shall = 0;
	int r2011 = builtin_revision("iso20000-1:2011"),
	    r2018 = builtin_revision("iso20000-1:2018");

	if (r2011 < 2 || r2018 < 2) {
		printf("SKIP: the built-in catalogues are at content revision %d (2011) and %d "
		       "(2018); the "
		       "built-in mapping is written for the rebased catalogues (revision 2, issue "
		       "13). "
		       "This test checks it once they are in.\n",
		       r2011, r2018);
		return 77;
	}
	if (itsma_mapping_builtin(&m, MAPPING_ID, NULL, &err) < 0) {
		char buf[512];
		itsma_error_format(buf, sizeof buf, &err);
		fprintf(stderr, "FAIL: the built-in mapping does not load: %s\n", buf);
		return 1;
	}
	if (itsma_catalogue_builtin(&c2011, "iso20000-1:2011", &err) < 0 ||
	    itsma_catalogue_builtin(&c2018, "iso20000-1:2018", &err) < 0) {
		fprintf(stderr, "FAIL: %s\n", err.message);
		return 1;
	}
	CHECK(itsma_mapping_method_of(m) == ITSMA_MAPPING_METHOD_HUMAN, "method is not human");
	CHECK(itsma_mapping_rationale_of(m) == ITSMA_MAPPING_RATIONALE_SEMANTIC,
	      "rationale is not semantic");
	/* every 2011 requirement, shall or should, is a requirement-level source of some map:
	 * related to 2018, or marked no-relationship */
	for (i = 0; i < itsma_catalogue_requirement_count(c2011); i++) {
		const itsma_requirement *r = itsma_catalogue_requirement_at(c2011, i);
		int shall = itsma_requirement_obligation(r) == ITSMA_OBLIGATION_SHALL;
		if (!is_source(m, itsma_requirement_id(r), 0)) {
			unmapped++;
			unmapped_shall += (size_t)shall;
			CHECK(0, "2011 %s %s is in no map", shall ? "shall" : "should",
			      itsma_requirement_id(r));
		}
	}
	/* the reason is given where an auditor asks for it */
	for (j = 0; j < itsma_mapping_map_count(m); j++) {
		const itsma_map *map = itsma_mapping_map_at(m, j);
		const char *note = itsma_map_note(map);
		int has_note = note && *note, any_shall = 0, all_should = 1;
		CHECK(itsma_map_relationship(map) != ITSMA_RELATIONSHIP_NO_RELATIONSHIP || has_note,
		      "/maps/%zu (no-relationship for %s) gives no reason", j,
		      itsma_map_source_at(map, 0));
		for (k = 0; k < itsma_map_source_count(map); k++) {
			const itsma_requirement *r =
			    itsma_catalogue_find_requirement(c2011, itsma_map_source_at(map, k));
			any_shall |= r && itsma_requirement_obligation(r) == ITSMA_OBLIGATION_SHALL;
		}
		for (k = 0; k < itsma_map_target_count(map); k++) {
			const itsma_requirement *r =
			    itsma_catalogue_find_requirement(c2018, itsma_map_target_at(map, k));
			all_should &=
			    r && itsma_requirement_obligation(r) == ITSMA_OBLIGATION_SHOULD;
		}
		CHECK(!(any_shall && all_should && itsma_map_target_count(map) > 0) || has_note,
		      "/maps/%zu maps 2011 shall %s to 2018 good practice only without saying why",
		      j, itsma_map_source_at(map, 0));
	}
	/* the sample carries into a valid 2018 assessment */
	if (itsma_assessment_load_file(&a, SAMPLE, c2011, NULL, &err) < 0) {
		fprintf(stderr, "FAIL: %s:%d:%d: %s\n", err.source, err.line, err.column,
		        err.message);
		return 1;
	}
	if (itsma_assessment_carry(&carried, &rep, a, m, c2018, NULL, &err) < 0) {
		fprintf(stderr, "FAIL: carry: %s %s\n", err.pointer, err.message);
		return 1;
	}
	{
		char *json = NULL, *report = NULL;
		itsma_transition_format f;
		CHECK(itsma_assessment_to_json(&json, carried, &err) == 0, "save");
		CHECK(json && itsma_assessment_load_buffer(&again, json, strlen(json), "carried",
		                                           c2018, NULL, &err) == 0,
		      "the carried assessment does not load: %s", err.message);
		itsma_free(json);
		for (f = ITSMA_TRANSITION_FORMAT_TEXT; f <= ITSMA_TRANSITION_FORMAT_HTML;
		     f = (itsma_transition_format)(f + 1)) {
			CHECK(itsma_transition_report(&report, carried, rep, m, f, &err) == 0,
			      "report %d", (int)f);
			/* the text report gives the reason for every dropped requirement */
			for (i = 0; f == ITSMA_TRANSITION_FORMAT_TEXT && report &&
			            i < itsma_carry_report_dropped_count(rep);
			     i++) {
				char line[160];
				snprintf(line, sizeof line, "  - %s: marked no-relationship: ",
				         itsma_carry_report_dropped_at(rep, i));
				CHECK(strstr(report, line) != NULL,
				      "the transition report gives no reason for dropped %s",
				      itsma_carry_report_dropped_at(rep, i));
			}
			itsma_free(report);
			report = NULL;
		}
	}
	CHECK(itsma_carry_report_status_count(rep, ITSMA_CARRY_STATUS_NEW) > 0,
	      "no new obligations");
	/* nothing is dropped silently: every dropped source is marked no-relationship */
	for (i = 0; i < itsma_carry_report_dropped_count(rep); i++) {
		const char *id = itsma_carry_report_dropped_at(rep, i);
		CHECK(is_source(m, id, 0) && !is_source(m, id, 1),
		      "%s is dropped without a no-relationship map", id);
	}
	printf("built-in mapping: %zu maps; 2011 requirements unmapped: %zu (shall %zu); carried "
	       "%zu, to review %zu, new %zu, dropped %zu, attribute ratings %zu\n",
	       itsma_mapping_map_count(m), unmapped, unmapped_shall,
	       itsma_carry_report_status_count(rep, ITSMA_CARRY_STATUS_CARRIED),
	       itsma_carry_report_status_count(rep, ITSMA_CARRY_STATUS_REVIEW),
	       itsma_carry_report_status_count(rep, ITSMA_CARRY_STATUS_NEW),
	       itsma_carry_report_dropped_count(rep), itsma_carry_report_attribute_count(rep));
	itsma_carry_report_free(rep);
	itsma_assessment_free(again);
	itsma_assessment_free(carried);
	itsma_assessment_free(a);
	itsma_mapping_free(m);
	itsma_catalogue_free(c2011);
	itsma_catalogue_free(c2018);
	return failures ? 1 : 0;
}
