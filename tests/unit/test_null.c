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
	CU_ASSERT_EQUAL(itsma_capability_gap_attribute_at(&have, &need, NULL, 0),
	                ITSMA_ATTRIBUTE_COUNT);
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
	CU_ASSERT_PTR_NULL(itsma_assessment_find_rating_of(NULL, NULL));
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
	CU_ASSERT_PTR_NULL(itsma_assessment_find_attribute_of(NULL, NULL, ITSMA_PA2_1));
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
	CU_ASSERT_EQUAL(itsma_catalogue_generic_practice_attribute(NULL, 0), ITSMA_ATTRIBUTE_COUNT);
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

/* The enumeration words (common.h "Names"): a NULL word is ITSMA_EINVAL (a fallible
 * function's required input), a NULL out or err only skips storing; a NULL buffer is no
 * known document. */
static void test_null__enum_words(void)
{
	itsma_error err = ITSMA_ERROR_INIT;
	CU_ASSERT_EQUAL(itsma_error_code_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_letter_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_attribute_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_section_kind_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_obligation_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_basis_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_exclusions_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_lint_kind_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_evidence_kind_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_evidence_policy_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_model_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_verdict_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_status_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_nonconformity_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_tally_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_attribute_status_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_evidence_problem_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_warning_kind_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_change_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_nonconformity_change_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_diff_tally_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_document_kind_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_evidence_check_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_report_format_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_report_section_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_relationship_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_mapping_method_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_mapping_rationale_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_mapping_status_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_confidence_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_carry_status_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_transition_format_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_catalogue_view_parse(NULL, NULL, &err), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(err.code, ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_verdict_parse(NULL, NULL, NULL), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_verdict_parse(NULL, "conformant", NULL), 0);
	CU_ASSERT_EQUAL(itsma_document_detect(NULL, 0), ITSMA_DOCUMENT_KIND_UNKNOWN);
	CU_ASSERT_EQUAL(itsma_document_detect(NULL, 100), ITSMA_DOCUMENT_KIND_UNKNOWN);
}

/*
 * Getters added after the first list (extensions, builtin tables, lookups by object,
 * structured warnings): NULL in, the empty value out.
 */
static void test_null__later_getters(void)
{
	size_t len = 7;
	char buf[11] = "unchanged";

	CU_ASSERT_PTR_NULL(itsma_assessment_extension(NULL, NULL));
	CU_ASSERT_EQUAL(itsma_assessment_extension_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_assessment_extension_key(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_attribute_rating_extension(NULL, NULL));
	CU_ASSERT_EQUAL(itsma_attribute_rating_extension_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_attribute_rating_extension_key(NULL, 0));
	CU_ASSERT_PTR_NOT_NULL(itsma_catalogue_builtin_clauses(NULL, 0)); /* len_out may be NULL */
	CU_ASSERT_PTR_NOT_NULL(itsma_catalogue_builtin_json(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_catalogue_extension(NULL, NULL));
	CU_ASSERT_EQUAL(itsma_catalogue_extension_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_catalogue_extension_key(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_date_format(NULL, 0, 0));
	CU_ASSERT_PTR_NULL(itsma_evidence_extension(NULL, NULL));
	CU_ASSERT_EQUAL(itsma_evidence_extension_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_evidence_extension_key(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_gap_requirement_id(NULL));
	CU_ASSERT_PTR_NULL(itsma_mapping_builtin_find(NULL, NULL));
	CU_ASSERT_PTR_NOT_NULL(itsma_mapping_builtin_json(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_rating_extension(NULL, NULL));
	CU_ASSERT_EQUAL(itsma_rating_extension_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_rating_extension_key(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_requirement_extension(NULL, NULL));
	CU_ASSERT_EQUAL(itsma_requirement_extension_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_requirement_extension_key(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_result_capability_gap_of(NULL, NULL));
	CU_ASSERT_PTR_NULL(itsma_result_catalogue(NULL));
	CU_ASSERT_PTR_NULL(itsma_result_requirement_of(NULL, NULL));
	CU_ASSERT_PTR_NULL(itsma_result_section_of(NULL, NULL));
	CU_ASSERT_PTR_NULL(itsma_result_warning_exclusion(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_result_warning_subject(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_scorer_assessment(NULL));
	CU_ASSERT_PTR_NULL(itsma_section_extension(NULL, NULL));
	CU_ASSERT_EQUAL(itsma_section_extension_count(NULL), 0);
	CU_ASSERT_PTR_NULL(itsma_section_extension_key(NULL, 0));
	CU_ASSERT_PTR_NULL(itsma_catalogue_builtin_json(&len, (size_t)-1));
	CU_ASSERT_PTR_NULL(itsma_mapping_builtin_json(&len, (size_t)-1));
	CU_ASSERT_PTR_NULL(itsma_catalogue_builtin_clauses(&len, (size_t)-1));
	/* their zero values are real ones: "no such warning" is the documented COUNT */
	CU_ASSERT_EQUAL((int)itsma_result_warning_attribute(NULL, 0), (int)ITSMA_ATTRIBUTE_COUNT);
	CU_ASSERT_EQUAL((int)itsma_result_warning_kind(NULL, 0), (int)ITSMA_WARNING_KIND_COUNT);
	CU_ASSERT_EQUAL((int)itsma_document_detect(NULL, 0), (int)ITSMA_DOCUMENT_KIND_UNKNOWN);
	CU_ASSERT_EQUAL((int)itsma_document_detect(NULL, 5), (int)ITSMA_DOCUMENT_KIND_UNKNOWN);
	CU_ASSERT_EQUAL(itsma_id_is_valid(NULL), 0);
	CU_ASSERT_EQUAL(itsma_evidence_uri_is_relative(NULL), 0);
	CU_ASSERT_STRING_EQUAL(buf, "unchanged");
}

/* The *_init() functions of the versioned structs: NULL is refused, whatever the version. */
static void test_null__struct_init_refuses_null(void)
{
	CU_ASSERT_EQUAL(itsma_evidence_spec_init(NULL, ITSMA_EVIDENCE_SPEC_VERSION), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_rating_spec_init(NULL, ITSMA_RATING_SPEC_VERSION), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_attribute_spec_init(NULL, ITSMA_ATTRIBUTE_SPEC_VERSION),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_load_options_init(NULL, ITSMA_LOAD_OPTIONS_VERSION), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_section_spec_init(NULL, ITSMA_SECTION_SPEC_VERSION), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_requirement_spec_init(NULL, ITSMA_REQUIREMENT_SPEC_VERSION),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_lint_options_init(NULL, ITSMA_LINT_OPTIONS_VERSION), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_interop_options_init(NULL, ITSMA_INTEROP_OPTIONS_VERSION),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_mapping_catalogues_init(NULL, ITSMA_MAPPING_CATALOGUES_VERSION),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_map_spec_init(NULL, ITSMA_MAP_SPEC_VERSION), ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_questionnaire_options_init(NULL, ITSMA_QUESTIONNAIRE_OPTIONS_VERSION),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_import_options_init(NULL, ITSMA_IMPORT_OPTIONS_VERSION),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_report_options_init(NULL, ITSMA_REPORT_OPTIONS_VERSION),
	                ITSMA_EINVAL);
	CU_ASSERT_EQUAL(itsma_score_options_init(NULL, ITSMA_SCORE_OPTIONS_VERSION), ITSMA_EINVAL);
}

/*
 * A function that can fail refuses a NULL it needs with ITSMA_EINVAL and a message (common.h),
 * and leaves its out-parameters NULL. Out-parameters are given; every other pointer is NULL.
 */
#define REFUSES(call) refuses((call), &e, #call, __LINE__)

static void refuses(int rc, const itsma_error *e, const char *call, unsigned int line)
{
	char what[300];
	snprintf(what, sizeof what, "%s returned %d (%s), code %d: %s", call, rc,
	         itsma_error_code_name(rc), e->code, e->message);
	CU_assertImplementation(rc == ITSMA_EINVAL && e->code == rc && e->message[0] != '\0', line,
	                        what, __FILE__, "", CU_FALSE);
}

static void test_null__fallible_functions_refuse_null(void)
{
	itsma_error e = ITSMA_ERROR_INIT;
	char *char_o;
	const itsma_map *const_itsma_map_o;
	const itsma_requirement *const_itsma_requirement_o;
	const itsma_section *const_itsma_section_o;
	double double_o;
	itsma_assessment *itsma_assessment_o;
	itsma_attribute itsma_attribute_o;
	itsma_basis itsma_basis_o;
	itsma_carry_report *itsma_carry_report_o;
	itsma_catalogue *itsma_catalogue_o;
	itsma_change itsma_change_o;
	itsma_diff *itsma_diff_o;
	itsma_document_kind itsma_document_kind_o;
	itsma_evidence_kind itsma_evidence_kind_o;
	itsma_evidence_policy itsma_evidence_policy_o;
	itsma_exclusions itsma_exclusions_o;
	itsma_letter itsma_letter_o;
	itsma_lint_kind itsma_lint_kind_o;
	itsma_mapping *itsma_mapping_o;
	itsma_obligation itsma_obligation_o;
	itsma_relationship itsma_relationship_o;
	itsma_report_format itsma_report_format_o;
	itsma_result *itsma_result_o;
	itsma_scorer *itsma_scorer_o;
	itsma_section_kind itsma_section_kind_o;
	itsma_trend *itsma_trend_o;
	itsma_verdict itsma_verdict_o;
	long long_o;
	size_t size_t_o;

	/* each pointer out-parameter starts as a non-NULL value (never dereferenced) that the
	 * refusing call must set to NULL */
	itsma_assessment_o = (itsma_assessment *)(void *)&e;
	itsma_carry_report_o = (itsma_carry_report *)(void *)&e;
	REFUSES(itsma_assessment_carry(&itsma_assessment_o, &itsma_carry_report_o, NULL, NULL, NULL,
	                               NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_assessment_o);
	CU_ASSERT_PTR_NULL(itsma_carry_report_o);
	itsma_assessment_o = (itsma_assessment *)(void *)&e;
	REFUSES(itsma_assessment_load_buffer(&itsma_assessment_o, NULL, 1, NULL, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_assessment_o);
	itsma_assessment_o = (itsma_assessment *)(void *)&e;
	REFUSES(itsma_assessment_load_file(&itsma_assessment_o, NULL, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_assessment_o);
	itsma_assessment_o = (itsma_assessment *)(void *)&e;
	REFUSES(itsma_assessment_new(&itsma_assessment_o, NULL, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_assessment_o);
	REFUSES(itsma_assessment_put_attribute(NULL, NULL, &e));
	REFUSES(itsma_assessment_put_evidence(NULL, NULL, &e));
	REFUSES(itsma_assessment_put_exclusion(NULL, NULL, NULL, &e));
	REFUSES(itsma_assessment_put_rating(NULL, NULL, &e));
	REFUSES(itsma_assessment_remove_attribute(NULL, NULL, 0, &e));
	REFUSES(itsma_assessment_remove_evidence(NULL, NULL, &e));
	REFUSES(itsma_assessment_remove_exclusion(NULL, NULL, &e));
	REFUSES(itsma_assessment_remove_rating(NULL, NULL, &e));
	REFUSES(itsma_assessment_save_file(NULL, NULL, &e));
	REFUSES(itsma_assessment_set_extension(NULL, NULL, NULL, &e));
	REFUSES(itsma_assessment_set_process_target(NULL, NULL, 0, &e));
	REFUSES(itsma_assessment_set_target(NULL, 0, &e));
	REFUSES(itsma_assessment_set_id(NULL, NULL, &e));
	REFUSES(itsma_assessment_set_date(NULL, NULL, &e));
	REFUSES(itsma_assessment_set_title(NULL, NULL, &e));
	REFUSES(itsma_assessment_set_organisation(NULL, NULL, &e));
	REFUSES(itsma_assessment_set_assessor(NULL, NULL, &e));
	char_o = (char *)(void *)&e;
	REFUSES(itsma_assessment_to_json(&char_o, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	REFUSES(itsma_attribute_parse(&itsma_attribute_o, NULL, &e));
	REFUSES(itsma_attribute_rating_set_extension(NULL, NULL, NULL, NULL, &e));
	REFUSES(itsma_basis_parse(&itsma_basis_o, NULL, &e));
	REFUSES(itsma_catalogue_add_generic_practice(NULL, ITSMA_PA2_1, NULL, NULL, &e));
	REFUSES(itsma_catalogue_add_guidance(NULL, NULL, NULL, NULL, &e));
	const_itsma_requirement_o = (const itsma_requirement *)(void *)&e;
	REFUSES(itsma_catalogue_add_requirement(&const_itsma_requirement_o, NULL, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(const_itsma_requirement_o);
	REFUSES(itsma_catalogue_add_retired(NULL, NULL, 0, NULL, &e));
	const_itsma_section_o = (const itsma_section *)(void *)&e;
	REFUSES(itsma_catalogue_add_section(&const_itsma_section_o, NULL, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(const_itsma_section_o);
	itsma_catalogue_o = (itsma_catalogue *)(void *)&e;
	CU_ASSERT_EQUAL(itsma_catalogue_builtin(&itsma_catalogue_o, NULL, &e),
	                ITSMA_ENOTFOUND); /* no such id */
	REFUSES(itsma_catalogue_builtin(NULL, "iso20000-1:2018", &e));
	CU_ASSERT_PTR_NULL(itsma_catalogue_o);
	REFUSES(itsma_catalogue_effective_weights(&double_o, 0, NULL, &e));
	itsma_catalogue_o = (itsma_catalogue *)(void *)&e;
	REFUSES(itsma_catalogue_from_ciso_library(&itsma_catalogue_o, NULL, 1, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_catalogue_o);
	itsma_catalogue_o = (itsma_catalogue *)(void *)&e;
	REFUSES(itsma_catalogue_from_oscal(&itsma_catalogue_o, NULL, 1, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_catalogue_o);
	REFUSES(itsma_catalogue_lint(&size_t_o, NULL, NULL, 0, NULL, &e));
	itsma_catalogue_o = (itsma_catalogue *)(void *)&e;
	REFUSES(itsma_catalogue_load_buffer(&itsma_catalogue_o, NULL, 1, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_catalogue_o);
	itsma_catalogue_o = (itsma_catalogue *)(void *)&e;
	REFUSES(itsma_catalogue_load_file(&itsma_catalogue_o, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_catalogue_o);
	itsma_catalogue_o = (itsma_catalogue *)(void *)&e;
	REFUSES(itsma_catalogue_new(&itsma_catalogue_o, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_catalogue_o);
	REFUSES(itsma_catalogue_put_guidance_source(NULL, NULL, NULL, &e));
	REFUSES(itsma_catalogue_save_file(NULL, NULL, &e));
	REFUSES(itsma_catalogue_set_exclusions(NULL, 0, &e));
	REFUSES(itsma_catalogue_set_extension(NULL, NULL, NULL, &e));
	REFUSES(itsma_catalogue_set_revision(NULL, 0, &e));
	REFUSES(itsma_catalogue_set_title(NULL, NULL, &e));
	REFUSES(itsma_catalogue_set_version(NULL, NULL, &e));
	REFUSES(itsma_catalogue_set_publisher(NULL, NULL, &e));
	REFUSES(itsma_catalogue_set_description(NULL, NULL, &e));
	REFUSES(itsma_catalogue_set_source(NULL, NULL, &e));
	char_o = (char *)(void *)&e;
	REFUSES(itsma_catalogue_to_ciso_library(&char_o, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	char_o = (char *)(void *)&e;
	REFUSES(itsma_catalogue_to_json(&char_o, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	REFUSES(itsma_change_parse(&itsma_change_o, NULL, &e));
	itsma_diff_o = (itsma_diff *)(void *)&e;
	REFUSES(itsma_compare(&itsma_diff_o, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_diff_o);
	REFUSES(itsma_date_parse(&long_o, NULL, &e));
	char_o = (char *)(void *)&e;
	REFUSES(itsma_diff_report_string(&char_o, &size_t_o, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	REFUSES(itsma_diff_report_write(NULL, NULL, 0, NULL, &e));
	char_o = (char *)(void *)&e;
	REFUSES(itsma_diff_to_json(&char_o, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	REFUSES(itsma_evidence_kind_parse(&itsma_evidence_kind_o, NULL, &e));
	REFUSES(itsma_evidence_policy_parse(&itsma_evidence_policy_o, NULL, &e));
	REFUSES(itsma_evidence_set_extension(NULL, NULL, NULL, NULL, &e));
	REFUSES(itsma_evidence_sheet_to_string(NULL, NULL, &e)); /* NULL options: the defaults */
	REFUSES(itsma_evidence_sheet_write(NULL, 0, NULL, &e));
	REFUSES(itsma_evidence_verify(NULL, NULL, 0, 0, NULL, &e));
	REFUSES(itsma_exclusions_parse(&itsma_exclusions_o, NULL, &e));
	char_o = (char *)(void *)&e;
	REFUSES(itsma_file_read(&char_o, &size_t_o, NULL, 0, &e));
	CU_ASSERT_PTR_NULL(char_o);
	char_o = (char *)(void *)&e;
	CU_ASSERT_EQUAL(itsma_file_read_fd(&char_o, &size_t_o, -1, NULL, 0, &e),
	                ITSMA_EIO); /* a bad descriptor */
	REFUSES(itsma_file_read_fd(NULL, &size_t_o, -1, NULL, 0, &e));
	CU_ASSERT_PTR_NULL(char_o);
	REFUSES(itsma_file_write(NULL, NULL, 0, &e));
	REFUSES(itsma_lint_kind_parse(&itsma_lint_kind_o, NULL, &e));
	const_itsma_map_o = (const itsma_map *)(void *)&e;
	REFUSES(itsma_mapping_add_map(&const_itsma_map_o, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(const_itsma_map_o);
	itsma_mapping_o = (itsma_mapping *)(void *)&e;
	CU_ASSERT_EQUAL(itsma_mapping_builtin(&itsma_mapping_o, NULL, NULL, &e),
	                ITSMA_ENOTFOUND); /* no such id */
	REFUSES(itsma_mapping_builtin(NULL, "x", NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_mapping_o);
	REFUSES(itsma_mapping_check(NULL, NULL, NULL, 0, NULL, &e));
	itsma_mapping_o = (itsma_mapping *)(void *)&e;
	REFUSES(itsma_mapping_from_ciso(&itsma_mapping_o, NULL, 1, NULL, NULL, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_mapping_o);
	itsma_mapping_o = (itsma_mapping *)(void *)&e;
	REFUSES(itsma_mapping_from_oscal(&itsma_mapping_o, NULL, 1, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_mapping_o);
	itsma_mapping_o = (itsma_mapping *)(void *)&e;
	REFUSES(itsma_mapping_load_buffer(&itsma_mapping_o, NULL, 1, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_mapping_o);
	itsma_mapping_o = (itsma_mapping *)(void *)&e;
	REFUSES(itsma_mapping_load_file(&itsma_mapping_o, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_mapping_o);
	itsma_mapping_o = (itsma_mapping *)(void *)&e;
	REFUSES(itsma_mapping_new(&itsma_mapping_o, NULL, NULL, 0, NULL, 0, &e));
	CU_ASSERT_PTR_NULL(itsma_mapping_o);
	REFUSES(itsma_mapping_save_file(NULL, NULL, &e));
	REFUSES(itsma_mapping_set_description(NULL, NULL, &e));
	REFUSES(itsma_mapping_set_provenance(NULL, 0, 0, 0, &e));
	REFUSES(itsma_mapping_set_title(NULL, NULL, &e));
	char_o = (char *)(void *)&e;
	REFUSES(itsma_mapping_to_ciso(&char_o, NULL, NULL, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	char_o = (char *)(void *)&e;
	REFUSES(itsma_mapping_to_json(&char_o, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	char_o = (char *)(void *)&e;
	REFUSES(itsma_mapping_to_oscal(&char_o, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	REFUSES(itsma_mapping_validate_buffer(NULL, 1, NULL, NULL, 0, NULL, &e));
	REFUSES(itsma_mapping_validate_file(NULL, NULL, 0, NULL, &e));
	REFUSES(itsma_obligation_parse(&itsma_obligation_o, NULL, &e));
	itsma_assessment_o = (itsma_assessment *)(void *)&e;
	REFUSES(itsma_questionnaire_import(&itsma_assessment_o, NULL, 1, NULL, NULL, 0, NULL, NULL,
	                                   &e));
	CU_ASSERT_PTR_NULL(itsma_assessment_o);
	itsma_assessment_o = (itsma_assessment *)(void *)&e;
	REFUSES(itsma_questionnaire_import_file(&itsma_assessment_o, NULL, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_assessment_o);
	char_o = (char *)(void *)&e;
	REFUSES(itsma_questionnaire_to_string(&char_o, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	REFUSES(itsma_questionnaire_write(NULL, NULL, 0, NULL, &e));
	REFUSES(itsma_rating_parse(&itsma_letter_o, &double_o, NULL, &e));
	REFUSES(itsma_rating_set_extension(NULL, NULL, NULL, NULL, &e));
	REFUSES(itsma_relationship_parse(&itsma_relationship_o, NULL, &e));
	REFUSES(itsma_report_file(NULL, NULL, NULL, NULL, &e));
	REFUSES(itsma_report_format_parse(&itsma_report_format_o, NULL, &e));
	char_o = (char *)(void *)&e;
	REFUSES(itsma_report_string(&char_o, &size_t_o, NULL, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	REFUSES(itsma_report_write(NULL, NULL, NULL, 0, NULL, &e));
	REFUSES(itsma_requirement_set_extension(NULL, NULL, NULL, NULL, &e));
	char_o = (char *)(void *)&e;
	REFUSES(itsma_result_explain(&char_o, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	char_o = (char *)(void *)&e;
	REFUSES(itsma_result_to_ciso_audit_csv(&char_o, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	char_o = (char *)(void *)&e;
	REFUSES(itsma_result_to_json(&char_o, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	char_o = (char *)(void *)&e;
	REFUSES(itsma_result_to_oscal_ar(&char_o, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	char_o = (char *)(void *)&e;
	REFUSES(itsma_result_to_oscal_poam(&char_o, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	itsma_result_o = (itsma_result *)(void *)&e;
	REFUSES(itsma_score(&itsma_result_o, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_result_o);
	itsma_scorer_o = (itsma_scorer *)(void *)&e;
	REFUSES(itsma_scorer_new(&itsma_scorer_o, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_scorer_o);
	REFUSES(itsma_scorer_put_attribute(NULL, NULL, &e));
	REFUSES(itsma_scorer_put_evidence(NULL, NULL, &e));
	REFUSES(itsma_scorer_put_rating(NULL, NULL, &e));
	REFUSES(itsma_scorer_remove_attribute(NULL, NULL, 0, &e));
	REFUSES(itsma_scorer_remove_evidence(NULL, NULL, &e));
	REFUSES(itsma_scorer_remove_rating(NULL, NULL, &e));
	REFUSES(itsma_scorer_rescore(NULL, &e));
	REFUSES(itsma_section_kind_parse(&itsma_section_kind_o, NULL, &e));
	REFUSES(itsma_section_set_extension(NULL, NULL, NULL, NULL, &e));
	char_o = (char *)(void *)&e;
	REFUSES(itsma_terminal_escape(&char_o, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	char_o = (char *)(void *)&e;
	REFUSES(itsma_transition_report(&char_o, NULL, NULL, NULL, 0, &e));
	CU_ASSERT_PTR_NULL(char_o);
	itsma_trend_o = (itsma_trend *)(void *)&e;
	REFUSES(itsma_trend_new(&itsma_trend_o, NULL, 0, &e));
	CU_ASSERT_PTR_NULL(itsma_trend_o);
	char_o = (char *)(void *)&e;
	REFUSES(itsma_trend_report_string(&char_o, &size_t_o, NULL, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	REFUSES(itsma_trend_report_write(NULL, NULL, 0, NULL, &e));
	REFUSES(itsma_validate_buffer(&itsma_document_kind_o, NULL, 1, NULL, NULL, 0, NULL, &e));
	REFUSES(itsma_validate_buffer_ext(&itsma_document_kind_o, NULL, 1, NULL, NULL, NULL, 0,
	                                  NULL, &e));
	REFUSES(itsma_validate_file(&itsma_document_kind_o, NULL, NULL, 0, NULL, &e));
	REFUSES(itsma_verdict_parse(&itsma_verdict_o, NULL, &e));
	(void)double_o;
	(void)long_o;
	(void)size_t_o;
	/* added with the typed calls, the live scorer and the library's renderers */
	itsma_result_o = (itsma_result *)(void *)&e;
	REFUSES(itsma_result_clone(&itsma_result_o, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_result_o);
	itsma_assessment_o = (itsma_assessment *)(void *)&e;
	REFUSES(itsma_assessment_clone(&itsma_assessment_o, NULL, &e));
	CU_ASSERT_PTR_NULL(itsma_assessment_o);
	REFUSES(itsma_assessment_clone(NULL, NULL, &e));
	REFUSES(itsma_assessment_remove_attribute_of(NULL, NULL, ITSMA_PA2_1, &e));
	REFUSES(itsma_assessment_remove_rating_of(NULL, NULL, &e));
	REFUSES(itsma_assessment_set_process_target_of(NULL, NULL, 1, &e));
	REFUSES(itsma_scorer_remove_attribute_of(NULL, NULL, ITSMA_PA2_1, &e));
	REFUSES(itsma_scorer_remove_rating_of(NULL, NULL, &e));
	char_o = (char *)(void *)&e;
	REFUSES(itsma_assessment_template_json(&char_o, NULL, NULL, NULL, -1, &e));
	CU_ASSERT_PTR_NULL(char_o);
	char_o = (char *)(void *)&e;
	REFUSES(itsma_catalogue_render_string(&char_o, NULL, NULL, ITSMA_CATALOGUE_VIEW_CHECKLIST,
	                                      ITSMA_REPORT_FORMAT_MD, &e));
	CU_ASSERT_PTR_NULL(char_o);
	REFUSES(itsma_catalogue_render_write(NULL, ITSMA_CATALOGUE_VIEW_CHECKLIST,
	                                     ITSMA_REPORT_FORMAT_MD, NULL, NULL, &e));
	char_o = (char *)(void *)&e;
	REFUSES(itsma_catalogue_weights_to_json(&char_o, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
	REFUSES(itsma_clause_list_parse(NULL, NULL, NULL, 0, &e));
	REFUSES(itsma_evidence_verify_report(NULL, NULL, NULL, NULL, 0, NULL, NULL, &e));
	REFUSES(itsma_lint_kinds_parse(NULL, NULL, &e));
	char_o = (char *)(void *)&e;
	REFUSES(itsma_mapping_to_markdown(&char_o, NULL, &e));
	CU_ASSERT_PTR_NULL(char_o);
}

/* The error helpers: a NULL error is no error. */
static void test_null__error_helpers(void)
{
	char buf[8] = "x";
	itsma_error_clear(NULL);
	CU_ASSERT_EQUAL(itsma_error_format(buf, sizeof buf, NULL), 0);
	CU_ASSERT_STRING_EQUAL(buf, "");
	CU_ASSERT_EQUAL(itsma_error_format(NULL, 0, NULL), 0);
}

static const itsma_test_case cases[] = {
	{ "every_getter", test_null__every_getter },
	{ "enum_words", test_null__enum_words },
	{ "later_getters", test_null__later_getters },
	{ "struct_init_refuses_null", test_null__struct_init_refuses_null },
	{ "fallible_functions_refuse_null", test_null__fallible_functions_refuse_null },
	{ "error_helpers", test_null__error_helpers },
	{ NULL, NULL },
};

ITSMA_TEST_MAIN("null", cases)
