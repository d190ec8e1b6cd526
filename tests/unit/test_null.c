/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The NULL policy of include/itsma/common.h (issue 17 §2): every getter accepts NULL for its
 * object and returns the empty value of its type. Catalogue and assessment getters are
 * checked for their exact empty values (NULL, 0, NaN, -1); for the other modules every
 * pointer and count must be NULL / 0 and every other getter must not crash.
 */
#include "harness.h"

static void test_null__every_getter(void)
{
	const itsma_section *process = (const itsma_section *)&process;
	itsma_letter have = ITSMA_LETTER_F, need = ITSMA_LETTER_F;
	size_t inc = 7, full = 7;

	/* getters whose out-parameters come first */
	CU_ASSERT_EQUAL(itsma_assessment_process_target_at(&process, NULL, 0), -1);
	CU_ASSERT_PTR_NULL(process);
	CU_ASSERT_EQUAL(itsma_capability_gap_attribute_at(&have, &need, NULL, 0), ITSMA_ATTRIBUTE_COUNT);
	itsma_scorer_stats(&inc, &full, NULL);
	CU_ASSERT_EQUAL(inc, 0);
	CU_ASSERT_EQUAL(full, 0);

	CU_ASSERT_PTR_NULL(itsma_assessment_catalogue(NULL));
	CU_ASSERT_PTR_NULL(itsma_assessment_id(NULL));
	CU_ASSERT_PTR_NULL(itsma_assessment_date(NULL));
	CU_ASSERT_EQUAL(itsma_assessment_day(NULL), -1);
	CU_ASSERT_PTR_NULL(itsma_assessment_title(NULL));
	CU_ASSERT_PTR_NULL(itsma_assessment_organisation(NULL));
	CU_ASSERT_PTR_NULL(itsma_assessment_assessor(NULL));
	CU_ASSERT_PTR_NULL(itsma_assessment_origin(NULL));
	CU_ASSERT_EQUAL(itsma_assessment_evidence_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_assessment_evidence_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_assessment_find_evidence(NULL, "x"));
	CU_ASSERT_PTR_NULL(itsma_evidence_id(NULL));
	CU_ASSERT_PTR_NULL(itsma_evidence_title(NULL));
	CU_ASSERT_EQUAL((int)itsma_evidence_kind_of(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_evidence_collected(NULL));
	CU_ASSERT_PTR_NULL(itsma_evidence_expires(NULL));
	CU_ASSERT_PTR_NULL(itsma_evidence_uri(NULL));
	CU_ASSERT_PTR_NULL(itsma_evidence_sha256(NULL));
	CU_ASSERT_PTR_NULL(itsma_evidence_by(NULL));
	CU_ASSERT_PTR_NULL(itsma_evidence_note(NULL));
	CU_ASSERT_EQUAL(itsma_evidence_index(NULL), 0);
	CU_ASSERT_EQUAL(itsma_evidence_is_current(NULL, 0), 0);
	CU_ASSERT_EQUAL(itsma_assessment_rating_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_assessment_rating_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_assessment_find_rating(NULL, "x"));
	CU_ASSERT_PTR_NULL(itsma_rating_requirement(NULL));
	CU_ASSERT_EQUAL((int)itsma_rating_letter(NULL), 0);
	CU_ASSERT(isnan(itsma_rating_value(NULL)));
	CU_ASSERT_EQUAL(itsma_rating_evidence_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_rating_evidence_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_rating_note(NULL));
	CU_ASSERT_EQUAL(itsma_rating_index(NULL), 0);
	CU_ASSERT_EQUAL(itsma_assessment_attribute_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_assessment_attribute_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_assessment_find_attribute(NULL, "x", 0));
	CU_ASSERT_PTR_NULL(itsma_attribute_rating_process(NULL));
	CU_ASSERT_EQUAL((int)itsma_attribute_rating_attribute(NULL), 0);
	CU_ASSERT_EQUAL((int)itsma_attribute_rating_letter(NULL), 0);
	CU_ASSERT(isnan(itsma_attribute_rating_value(NULL)));
	CU_ASSERT_EQUAL(itsma_attribute_rating_evidence_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_attribute_rating_evidence_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_attribute_rating_note(NULL));
	CU_ASSERT_EQUAL(itsma_attribute_rating_index(NULL), 0);
	CU_ASSERT_EQUAL(itsma_assessment_exclusion_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_assessment_exclusion_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_assessment_find_exclusion(NULL, "x"));
	CU_ASSERT_PTR_NULL(itsma_exclusion_id(NULL));
	CU_ASSERT_PTR_NULL(itsma_exclusion_reason(NULL));
	CU_ASSERT_EQUAL(itsma_assessment_is_excluded(NULL, "x"), 0);
	CU_ASSERT_EQUAL(itsma_assessment_target(NULL), -1);
	CU_ASSERT_EQUAL(itsma_assessment_process_target_count(NULL), 0);
	CU_ASSERT_EQUAL(itsma_assessment_target_for(NULL, "x"), -1);

	CU_ASSERT_PTR_NULL(itsma_catalogue_id(NULL));
	CU_ASSERT_PTR_NULL(itsma_catalogue_title(NULL));
	CU_ASSERT_PTR_NULL(itsma_catalogue_version(NULL));
	CU_ASSERT_PTR_NULL(itsma_catalogue_publisher(NULL));
	CU_ASSERT_PTR_NULL(itsma_catalogue_description(NULL));
	CU_ASSERT_PTR_NULL(itsma_catalogue_source(NULL));
	CU_ASSERT_EQUAL((int)itsma_catalogue_exclusions(NULL), 0);
	CU_ASSERT_EQUAL(itsma_catalogue_revision(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_catalogue_origin(NULL));
	CU_ASSERT_EQUAL(itsma_catalogue_guidance_source_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_catalogue_guidance_source_key(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_catalogue_guidance_source_name(NULL, 0));
	CU_ASSERT_EQUAL(itsma_catalogue_generic_practice_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_catalogue_generic_practice_attribute(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_catalogue_generic_practice_id(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_catalogue_generic_practice_text(NULL, 0));
	CU_ASSERT_EQUAL(itsma_catalogue_retired_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_catalogue_retired_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_catalogue_find_retired(NULL, "x"));
	CU_ASSERT_PTR_NULL(itsma_retired_id(NULL));
	CU_ASSERT_EQUAL(itsma_retired_revision(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_retired_reason(NULL));
	CU_ASSERT_EQUAL(itsma_catalogue_section_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_catalogue_section_at(NULL, 0));
	CU_ASSERT_EQUAL(itsma_catalogue_top_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_catalogue_top_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_catalogue_find_section(NULL, "x"));
	CU_ASSERT_EQUAL(itsma_catalogue_process_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_catalogue_process_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_section_id(NULL));
	CU_ASSERT_PTR_NULL(itsma_section_clause(NULL));
	CU_ASSERT_PTR_NULL(itsma_section_title(NULL));
	CU_ASSERT_PTR_NULL(itsma_section_purpose(NULL));
	CU_ASSERT_EQUAL((int)itsma_section_kind_of(NULL), 0);
	CU_ASSERT(isnan(itsma_section_weight(NULL)));
	CU_ASSERT_EQUAL(itsma_section_index(NULL), 0);
	CU_ASSERT_EQUAL(itsma_section_depth(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_section_parent(NULL));
	CU_ASSERT_PTR_NULL(itsma_section_process(NULL));
	CU_ASSERT_EQUAL(itsma_section_child_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_section_child_at(NULL, 0));
	CU_ASSERT_EQUAL(itsma_section_requirement_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_section_requirement_at(NULL, 0));
	CU_ASSERT_EQUAL(itsma_section_guidance_count(NULL, "x"), 0);
	CU_ASSERT_PTR_NULL(itsma_section_guidance_at(NULL, "x", 0));
	CU_ASSERT_EQUAL(itsma_catalogue_requirement_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_catalogue_requirement_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_catalogue_find_requirement(NULL, "x"));
	CU_ASSERT_PTR_NULL(itsma_requirement_id(NULL));
	CU_ASSERT_PTR_NULL(itsma_requirement_clause(NULL));
	CU_ASSERT_PTR_NULL(itsma_requirement_text(NULL));
	CU_ASSERT_EQUAL((int)itsma_requirement_obligation(NULL), 0);
	CU_ASSERT(isnan(itsma_requirement_weight(NULL)));
	CU_ASSERT_EQUAL(itsma_requirement_index(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_requirement_section(NULL));
	CU_ASSERT_PTR_NULL(itsma_requirement_process(NULL));
	CU_ASSERT_EQUAL((int)itsma_requirement_basis(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_requirement_item(NULL));
	CU_ASSERT_PTR_NULL(itsma_requirement_verify(NULL));
	CU_ASSERT_EQUAL(itsma_requirement_evidence_hint_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_requirement_evidence_hint_at(NULL, 0));
	CU_ASSERT_EQUAL(itsma_requirement_tag_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_requirement_tag_at(NULL, 0));


	CU_ASSERT_PTR_NULL(itsma_diff_before(NULL));
	CU_ASSERT_PTR_NULL(itsma_diff_after(NULL));
	(void)itsma_diff_compliance_before(NULL, 0);
	(void)itsma_diff_compliance_after(NULL, 0);
	(void)itsma_diff_compliance_difference(NULL, 0);
	(void)itsma_diff_verdict_before(NULL);
	(void)itsma_diff_verdict_after(NULL);
	CU_ASSERT_EQUAL(itsma_diff_tally_of(NULL, 0), 0);
	CU_ASSERT_EQUAL(itsma_diff_requirement_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_diff_requirement_at(NULL, 0));
	CU_ASSERT_EQUAL(itsma_diff_scope_change_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_diff_scope_change_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_diff_find_requirement(NULL, "x"));
	CU_ASSERT_PTR_NULL(itsma_requirement_diff_id(NULL));
	(void)itsma_requirement_diff_change(NULL);
	CU_ASSERT_PTR_NULL(itsma_requirement_diff_before(NULL));
	CU_ASSERT_PTR_NULL(itsma_requirement_diff_after(NULL));
	(void)itsma_requirement_diff_difference(NULL);
	CU_ASSERT_EQUAL(itsma_diff_process_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_diff_process_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_process_diff_id(NULL));
	(void)itsma_process_diff_level_before(NULL);
	(void)itsma_process_diff_level_after(NULL);
	(void)itsma_process_diff_target_before(NULL);
	(void)itsma_process_diff_target_after(NULL);
	(void)itsma_process_diff_change(NULL);
	CU_ASSERT_EQUAL(itsma_diff_nonconformity_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_diff_nonconformity_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_nonconformity_diff_id(NULL));
	(void)itsma_nonconformity_diff_change(NULL);
	(void)itsma_nonconformity_diff_before(NULL);
	(void)itsma_nonconformity_diff_after(NULL);



	CU_ASSERT_PTR_NULL(itsma_mapping_id(NULL));
	CU_ASSERT_PTR_NULL(itsma_mapping_title(NULL));
	CU_ASSERT_PTR_NULL(itsma_mapping_source_catalogue(NULL));
	(void)itsma_mapping_source_revision(NULL);
	CU_ASSERT_PTR_NULL(itsma_mapping_target_catalogue(NULL));
	(void)itsma_mapping_target_revision(NULL);
	(void)itsma_mapping_method_of(NULL);
	(void)itsma_mapping_rationale_of(NULL);
	(void)itsma_mapping_status_of(NULL);
	CU_ASSERT_PTR_NULL(itsma_mapping_description(NULL));
	CU_ASSERT_PTR_NULL(itsma_mapping_origin(NULL));
	CU_ASSERT_EQUAL(itsma_mapping_map_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_mapping_map_at(NULL, 0));
	(void)itsma_map_relationship(NULL);
	CU_ASSERT_EQUAL(itsma_map_source_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_map_source_at(NULL, 0));
	CU_ASSERT_EQUAL(itsma_map_target_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_map_target_at(NULL, 0));
	(void)itsma_map_confidence(NULL);
	CU_ASSERT_PTR_NULL(itsma_map_note(NULL));
	CU_ASSERT_EQUAL(itsma_map_index(NULL), 0);
	CU_ASSERT_EQUAL(itsma_carry_report_target_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_carry_report_target_id(NULL, 0));
	(void)itsma_carry_report_target_status(NULL, 0);
	CU_ASSERT_EQUAL(itsma_carry_report_status_count(NULL, 0), 0);
	CU_ASSERT_EQUAL(itsma_carry_report_dropped_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_carry_report_dropped_at(NULL, 0));
	CU_ASSERT_EQUAL(itsma_carry_report_attribute_count(NULL), 0);
	(void)itsma_rating_is_carried(NULL);
	CU_ASSERT_PTR_NULL(itsma_rating_carried_mapping(NULL));
	(void)itsma_rating_carried_relationship(NULL);
	(void)itsma_rating_carried_review(NULL);
	CU_ASSERT_EQUAL(itsma_rating_carried_source_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_rating_carried_source_at(NULL, 0));
	(void)itsma_attribute_rating_is_carried(NULL);
	CU_ASSERT_PTR_NULL(itsma_attribute_rating_carried_mapping(NULL));
	(void)itsma_attribute_rating_carried_relationship(NULL);
	(void)itsma_attribute_rating_carried_review(NULL);
	CU_ASSERT_EQUAL(itsma_attribute_rating_carried_source_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_attribute_rating_carried_source_at(NULL, 0));




	CU_ASSERT_PTR_NULL(itsma_result_assessment(NULL));
	(void)itsma_result_policy(NULL);
	CU_ASSERT_PTR_NULL(itsma_result_scope(NULL));
	(void)itsma_result_compliance(NULL, 0);
	(void)itsma_result_verdict(NULL);
	CU_ASSERT_EQUAL(itsma_result_tally(NULL, 0), 0);
	(void)itsma_result_capability_min(NULL);
	(void)itsma_result_capability_max(NULL);
	(void)itsma_result_capability_mean(NULL);
	CU_ASSERT_EQUAL(itsma_result_warning_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_result_warning_at(NULL, 0));
	CU_ASSERT_EQUAL(itsma_result_section_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_result_section_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_result_find_section(NULL, "x"));
	CU_ASSERT_PTR_NULL(itsma_section_result_section(NULL));
	(void)itsma_section_result_applicable(NULL);
	(void)itsma_section_result_achievement(NULL);
	(void)itsma_section_result_letter(NULL);
	(void)itsma_section_result_capability_level(NULL);
	(void)itsma_section_result_target_level(NULL);
	(void)itsma_section_result_attribute_achievement(NULL, 0);
	(void)itsma_section_result_attribute_letter(NULL, 0);
	(void)itsma_section_result_attribute_status(NULL, 0);
	CU_ASSERT_EQUAL(itsma_result_requirement_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_result_requirement_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_result_find_requirement(NULL, "x"));
	CU_ASSERT_PTR_NULL(itsma_requirement_result_requirement(NULL));
	(void)itsma_requirement_result_status(NULL);
	(void)itsma_requirement_result_achievement(NULL);
	(void)itsma_requirement_result_letter(NULL);
	(void)itsma_requirement_result_nonconformity(NULL);
	(void)itsma_requirement_result_weight(NULL);
	(void)itsma_requirement_result_gain(NULL);
	CU_ASSERT_PTR_NULL(itsma_requirement_result_rating(NULL));
	CU_ASSERT_EQUAL(itsma_result_gap_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_result_gap_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_gap_requirement(NULL));
	(void)itsma_gap_gain(NULL);
	CU_ASSERT_EQUAL(itsma_gap_guidance_source_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_gap_guidance_source_key(NULL, 0));
	CU_ASSERT_EQUAL(itsma_gap_guidance_count(NULL, "x"), 0);
	CU_ASSERT_PTR_NULL(itsma_gap_guidance_at(NULL, "x", 0));
	CU_ASSERT_EQUAL(itsma_result_capability_gap_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_result_capability_gap_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_capability_gap_process(NULL));
	(void)itsma_capability_gap_level(NULL);
	(void)itsma_capability_gap_target(NULL);
	CU_ASSERT_EQUAL(itsma_capability_gap_attribute_count(NULL), 0);
	CU_ASSERT_EQUAL(itsma_result_evidence_issue_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_result_evidence_issue_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_evidence_issue_evidence(NULL));
	(void)itsma_evidence_issue_problem(NULL);
	CU_ASSERT_EQUAL(itsma_evidence_issue_cited_by_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_evidence_issue_cited_by_at(NULL, 0));

	CU_ASSERT_PTR_NULL(itsma_scorer_result(NULL));
	CU_ASSERT_EQUAL(itsma_scorer_stale(NULL), 0);
	CU_ASSERT_EQUAL(itsma_scorer_changed_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_scorer_changed_at(NULL, 0));
	itsma_scorer_mark(NULL);
	CU_ASSERT_EQUAL(itsma_assessment_generation(NULL), 0);
	CU_ASSERT_EQUAL(itsma_catalogue_generation(NULL), 0);

	CU_ASSERT_EQUAL(itsma_trend_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_trend_result_at(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_trend_diff_at(NULL, 0));
	CU_ASSERT_EQUAL(itsma_trend_process_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_trend_process_id(NULL, 0));
	(void)itsma_trend_process_level(NULL, 0, 0);
	CU_ASSERT_EQUAL(itsma_trend_repeat_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_trend_repeat_id(NULL, 0));
	CU_ASSERT_EQUAL(itsma_trend_repeat_times(NULL, 0), 0);
}

static const itsma_test_case cases[] = {
	{ "every_getter", test_null__every_getter },
	{ NULL, NULL },
};

ITSMA_TEST_MAIN("null", cases)
