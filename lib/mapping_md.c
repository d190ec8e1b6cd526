/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A mapping set for people (itsma_mapping_to_markdown): its identification and provenance,
 * then one table row per map. Texts are escaped as in every Markdown report (markup.c).
 */
#include "internal/report.h"
#include "internal/error.h"

#include "itsma/mapping.h"

/* The source or target ids of a map, comma-separated. */
static void ids(itsma__buf *b, const itsma_map *map, int targets)
{
	size_t n = targets ? itsma_map_target_count(map) : itsma_map_source_count(map);
	for (size_t i = 0; i < n; i++) {
		itsma__buf_puts(b, i ? ", " : "");
		itsma__md_escape(b, targets ? itsma_map_target_at(map, i)
		                            : itsma_map_source_at(map, i));
	}
}

int itsma_mapping_to_markdown(char **out, const itsma_mapping *m, itsma_error *err)
{
	itsma__buf b = ITSMA__BUF_INIT;
	itsma__error_reset(err);
	if (out)
		*out = NULL;
	if (!out || !m)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_mapping_to_markdown: NULL argument");
	itsma__buf_puts(&b, "# ");
	itsma__md_escape(&b, itsma_mapping_title(m) ? itsma_mapping_title(m) : itsma_mapping_id(m));
	itsma__buf_puts(&b, "\n\n- Id: ");
	itsma__md_escape(&b, itsma_mapping_id(m));
	itsma__buf_puts(&b, "\n- Source: ");
	itsma__md_escape(&b, itsma_mapping_source_catalogue(m));
	itsma__buf_printf(&b, " (revision %d)\n- Target: ", itsma_mapping_source_revision(m));
	itsma__md_escape(&b, itsma_mapping_target_catalogue(m));
	itsma__buf_printf(
	    &b, " (revision %d)\n- Provenance: %s, %s, %s\n- Maps: %zu\n",
	    itsma_mapping_target_revision(m), itsma_mapping_method_name(itsma_mapping_method_of(m)),
	    itsma_mapping_rationale_name(itsma_mapping_rationale_of(m)),
	    itsma_mapping_status_name(itsma_mapping_status_of(m)), itsma_mapping_map_count(m));
	if (itsma_mapping_description(m)) {
		itsma__buf_putc(&b, '\n');
		itsma__md_escape(&b, itsma_mapping_description(m));
		itsma__buf_putc(&b, '\n');
	}
	itsma__buf_puts(&b, "\n| # | Sources | Relationship | Targets | Confidence | Note |\n"
	                    "|---|---|---|---|---|---|\n");
	for (size_t i = 0; i < itsma_mapping_map_count(m); i++) {
		const itsma_map *map = itsma_mapping_map_at(m, i);
		itsma__buf_printf(&b, "| %zu | ", i);
		ids(&b, map, 0);
		itsma__buf_printf(&b, " | %s | ",
		                  itsma_relationship_name(itsma_map_relationship(map)));
		ids(&b, map, 1);
		itsma__buf_printf(&b, " | %s | ", itsma_confidence_name(itsma_map_confidence(map)));
		itsma__md_escape(&b, itsma_map_note(map) ? itsma_map_note(map) : "");
		itsma__buf_puts(&b, " |\n");
	}
	return itsma__buf_finish(&b, out, err);
}
