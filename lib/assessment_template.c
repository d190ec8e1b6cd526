/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A new assessment to fill in (itsma_assessment_template_json): an itsma-assessment/1
 * document with no ratings yet, instructions, and the checklist of the catalogue's
 * requirements and processes under "x-checklist".
 */
#include "itsma.h"
#include "internal/buf.h"
#include "internal/error.h"

static const char instructions[] =
    "Rate each requirement of x-checklist by adding to \"ratings\" an object "
    "{ \"requirement\": ID, \"rating\": \"N|P-|P|P+|L-|L|L+|F\" or 0-100, \"evidence\": "
    "[EVIDENCE IDS], \"note\": TEXT }, with the evidence recorded in \"evidence\" as "
    "{ \"id\", \"title\", \"kind\", \"collected\", \"expires\", \"uri\", \"sha256\" }. "
    "Rate the process attributes PA2.1-PA5.2 of each process in \"attributes\" as "
    "{ \"process\": ID, \"attribute\": \"PA2.1\", \"rating\": ..., \"evidence\": [...] }. "
    "Then run: itsma validate FILE && itsma report FILE. "
    "The x-checklist member is ignored by itsma; delete it when you are done.";

int itsma_assessment_template_json(char **out, const itsma_catalogue *cat, const char *id,
                                   const char *date, int target, itsma_error *err)
{
	itsma__buf b = ITSMA__BUF_INIT, title = ITSMA__BUF_INIT;
	itsma__error_reset(err);
	if (out)
		*out = NULL;
	if (!out || !cat || !id || !date)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_assessment_template_json: NULL argument");
	if (target > 5)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "target level %d is not 0-5 (or -1 for none)", target);
	itsma__buf_puts(&b, "{\n  \"format\": \"itsma-assessment/1\",\n  \"id\": ");
	itsma__buf_json_string(&b, id);
	itsma__buf_puts(&b, ",\n  \"catalogue\": ");
	itsma__buf_json_string(&b, itsma_catalogue_id(cat));
	itsma__buf_puts(&b, ",\n  \"title\": ");
	itsma__buf_printf(&title, "Self-assessment against %s", itsma_catalogue_title(cat));
	itsma__buf_json_string(&b, itsma__buf_str(&title));
	itsma__buf_drop(&title, &b);
	itsma__buf_puts(&b, ",\n  \"date\": ");
	itsma__buf_json_string(&b, date);
	itsma__buf_puts(&b, ",\n  \"evidence\": [],\n  \"ratings\": [],\n  \"attributes\": []");
	if (target >= 0)
		itsma__buf_printf(&b, ",\n  \"targets\": { \"level\": %d }", target);
	itsma__buf_puts(&b, ",\n  \"x-instructions\": ");
	itsma__buf_json_string(&b, instructions);
	itsma__buf_puts(&b, ",\n  \"x-checklist\": {\n    \"requirements\": [");
	for (size_t i = 0; i < itsma_catalogue_requirement_count(cat); i++) {
		const itsma_requirement *q = itsma_catalogue_requirement_at(cat, i);
		itsma__buf_puts(&b,
		                i ? ",\n      { \"requirement\": " : "\n      { \"requirement\": ");
		itsma__buf_json_string(&b, itsma_requirement_id(q));
		itsma__buf_puts(&b, ", \"obligation\": ");
		itsma__buf_json_string(&b, itsma_obligation_name(itsma_requirement_obligation(q)));
		itsma__buf_puts(&b, ", \"text\": ");
		itsma__buf_json_string(&b, itsma_requirement_text(q));
		itsma__buf_puts(&b, " }");
	}
	itsma__buf_puts(&b, "\n    ],\n    \"processes\": [");
	for (size_t i = 0; i < itsma_catalogue_process_count(cat); i++) {
		const itsma_section *s = itsma_catalogue_process_at(cat, i);
		itsma__buf_puts(&b, i ? ",\n      { \"process\": " : "\n      { \"process\": ");
		itsma__buf_json_string(&b, itsma_section_id(s));
		itsma__buf_puts(&b, ", \"title\": ");
		itsma__buf_json_string(&b, itsma_section_title(s));
		itsma__buf_puts(
		    &b, ", \"attributes\": [\"PA2.1\", \"PA2.2\", \"PA3.1\", \"PA3.2\", \"PA4.1\", "
		        "\"PA4.2\", \"PA5.1\", \"PA5.2\"] }");
	}
	itsma__buf_puts(&b, "\n    ]\n  }\n}\n");
	return itsma__buf_finish(&b, out, err);
}
