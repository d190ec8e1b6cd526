/* SPDX-License-Identifier: Apache-2.0 */
/*
 * build_assessment: build an assessment in code from the records an ITSM tool exports,
 * score it, and write it as itsma-assessment/1 JSON.
 *
 *     build_assessment [OUTPUT.json]
 *
 * An ITSM tool can check some requirements itself: of the tickets it holds, how many were
 * recorded with a description, prioritised, resolved in time, approved before the work.
 * Each such check becomes an evidence record (the export) and a numeric rating (the
 * share of tickets that passed), so the assessment keeps up with the tool every night.
 */
#include <itsma.h>

#include <stdio.h>
#include <string.h>

/* One row of the tool's export: a check, the requirement it shows, and its outcome. */
struct check {
	const char *requirement; /* requirement id in iso20000-1:2018 */
	const char *evidence_id; /* the export file the figures come from */
	const char *title;
	const char *collected; /* date of the export */
	unsigned passed, sampled;
};

static const struct check checks[] = {
	{ "8.6.1-01", "EXP-INC-2026-11", "Incident export, November 2026", "2026-11-19", 1238,
	  1240 },
	{ "8.6.1-03", "EXP-INC-2026-11", "Incident export, November 2026", "2026-11-19", 1190,
	  1240 },
	{ "8.6.1-05", "EXP-INC-2026-11", "Incident export, November 2026", "2026-11-19", 1045,
	  1240 },
	{ "8.6.2-01", "EXP-REQ-2026-11", "Service request export, November 2026", "2026-11-19",
	  2310, 2310 },
	{ "8.6.2-04", "EXP-REQ-2026-11", "Service request export, November 2026", "2026-11-19",
	  2020, 2310 },
	{ "8.5.1.3-03", "EXP-CHG-2026-11", "Change export, November 2026", "2026-11-19", 171, 180 },
	{ "8.5.1.3-07", "EXP-CHG-2026-11", "Change export, November 2026", "2026-11-19", 126, 180 },
	{ "8.6.3-05", "EXP-PRB-2026-11", "Problem export, November 2026", "2026-11-19", 9, 21 },
};

int main(int argc, char **argv)
{
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	itsma_result *r = NULL;
	char *json = NULL, msg[512];
	int status = 1;

	/* The catalogue must outlive the assessment; here we own both. */
	if (itsma_catalogue_builtin(&cat, "iso20000-1:2018", &err) < 0 ||
	    itsma_assessment_new(&a, cat, "itsm-export-2026-11", "2026-11-20", &err) < 0 ||
	    itsma_assessment_set_title(a, "Checks exported from the ITSM tool", &err) < 0 ||
	    itsma_assessment_set_target(a, 2, &err) < 0)
		goto done;

	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		const struct check *c = &checks[i];
		char note[128];

		/* The export itself is the evidence: add it once (put replaces the same id). */
		itsma_evidence_spec ev = ITSMA_EVIDENCE_SPEC_INIT;
		ev.id = c->evidence_id;
		ev.title = c->title;
		ev.kind = ITSMA_EVIDENCE_KIND_RECORD;
		ev.collected = c->collected;
		ev.by = "itsm-export job";
		if (itsma_assessment_put_evidence(a, &ev, &err) < 0)
			goto done;

		/* The share of tickets that passed the check is the achievement, 0-100. */
		const char *cited[] = { c->evidence_id };
		itsma_rating_spec rating = ITSMA_RATING_SPEC_INIT;
		rating.requirement_id = c->requirement;
		rating.letter = ITSMA_LETTER_NONE; /* a number, not a letter */
		rating.value = 100.0 * c->passed / c->sampled;
		rating.evidence = cited;
		rating.evidence_count = 1;
		snprintf(note, sizeof note, "%u of %u tickets passed the check", c->passed,
		         c->sampled);
		rating.note = note;
		if (itsma_assessment_put_rating(a, &rating, &err) < 0)
			goto done;
	}

	/* Score it (most requirements are still unassessed, so the verdict is incomplete). */
	if (itsma_score(&r, a, NULL, &err) < 0)
		goto done;
	fprintf(stderr, "%zu ratings from the ITSM tool; incident management at %.1f%%\n",
	        itsma_assessment_rating_count(a),
	        itsma_section_result_achievement(itsma_result_find_section(r, "8.6.1")));

	if (argc > 1) {
		if (itsma_assessment_save_file(a, argv[1], &err) <
		    0) /* atomic: temp file + rename */
			goto done;
	} else {
		if (itsma_assessment_to_json(&json, a, &err) < 0)
			goto done;
		fputs(json, stdout);
	}
	status = 0;

done:
	if (status) {
		itsma_error_format(msg, sizeof msg, &err);
		fprintf(stderr, "%s\n", msg);
	}
	itsma_free(json);
	itsma_result_free(r);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
	return status;
}
