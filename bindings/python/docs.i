/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Docstrings of the py_* shims of itsma.i (numpydoc). The shims are private: the itsma
 * package documents the public API; these say what each shim does for whoever reads the
 * low-level module.
 */

%feature("docstring") itsma_catalogue::py_load_file
"Load and validate a catalogue from a JSON file (limits 0 mean the defaults).

Returns
-------
CCatalogue
    The new catalogue (owned by the proxy).

Raises
------
itsma.ItsmaOSError, itsma.ParseError, itsma.ValidationError, itsma.LimitError
";

%feature("docstring") itsma_catalogue::py_load_buffer
"Load and validate a catalogue from JSON text (str or bytes); source_name names it in errors.";

%feature("docstring") itsma_catalogue::py_builtin
"Load a built-in catalogue by id; raises itsma.NotFoundError for an unknown id.";

%feature("docstring") itsma_catalogue::py_create
"Create an empty catalogue (itsma_catalogue_new).";

%feature("docstring") itsma_catalogue::py_to_json
"The catalogue as pretty-printed itsma-catalogue/1 JSON.";

%feature("docstring") itsma_catalogue::py_save_file
"Save the catalogue atomically; raises itsma.ItsmaOSError.";

%feature("docstring") itsma_catalogue::py_set_title
"Set the (non-empty) title.";

%feature("docstring") itsma_catalogue::py_set_version
"Set or clear (None) the version; an empty text is refused.";

%feature("docstring") itsma_catalogue::py_set_publisher
"Set or clear (None) the publisher; an empty text is refused.";

%feature("docstring") itsma_catalogue::py_set_description
"Set or clear (None) the description; an empty text is refused.";

%feature("docstring") itsma_catalogue::py_set_source
"Set or clear (None) the source; an empty text is refused.";

%feature("docstring") itsma_catalogue::py_set_exclusions
"Set whether exclusions are allowed (ITSMA_EXCLUSIONS_ALLOWED or _FORBIDDEN).";

%feature("docstring") itsma_catalogue::py_put_guidance_source
"Declare (or rename) a guidance source.";

%feature("docstring") itsma_catalogue::py_add_generic_practice
"Add a generic practice for an attribute ITSMA_PA2_1 to ITSMA_PA5_2.";

%feature("docstring") itsma_catalogue::py_add_section
"Add a section under parent, a section of this catalogue (None: at the top); returns the
borrowed section pointer.";

%feature("docstring") itsma_catalogue::py_add_guidance
"Add a guidance value of a declared source to a section of this catalogue.";

%feature("docstring") itsma_catalogue::py_add_requirement
"Add a requirement to a section of this catalogue; hints and tags are sequences of str. Returns the borrowed
requirement pointer.";

%feature("docstring") itsma_assessment::py_load_file
"Load and validate an assessment from a JSON file against cat (None: a built-in catalogue).";

%feature("docstring") itsma_assessment::py_load_buffer
"Load and validate an assessment from JSON text against cat (None: a built-in catalogue).";

%feature("docstring") itsma_assessment::py_create
"Create an empty assessment of a catalogue (itsma_assessment_new).";

%feature("docstring") itsma_assessment::py_to_json
"The assessment as pretty-printed itsma-assessment/1 JSON.";

%feature("docstring") itsma_assessment::py_save_file
"Save the assessment atomically; raises itsma.ItsmaOSError.";

%feature("docstring") itsma_assessment::py_set_id
"Set the assessment id (an identifier).";

%feature("docstring") itsma_assessment::py_set_date
"Set the as-of date, a real calendar date YYYY-MM-DD.";

%feature("docstring") itsma_assessment::py_set_title
"Set or clear (None) the title.";

%feature("docstring") itsma_assessment::py_set_organisation
"Set or clear (None) the organisation.";

%feature("docstring") itsma_assessment::py_set_assessor
"Set or clear (None) the assessor.";

%feature("docstring") itsma_assessment::py_put_evidence
"Add or replace an evidence record; kind is its name (\"document\", ...).";

%feature("docstring") itsma_assessment::py_remove_evidence
"Remove an evidence record.";

%feature("docstring") itsma_assessment::py_put_rating
"Rate a requirement, given as the catalogue's object or (None) by its id: letter
(ITSMA_LETTER_*) or, with ITSMA_LETTER_NONE, value; evidence is a sequence of evidence ids.";

%feature("docstring") itsma_assessment::py_remove_rating
"Remove the rating of a requirement given by its id.";

%feature("docstring") itsma_assessment::py_remove_rating_of
"Remove the rating of a requirement given as the catalogue's object.";

%feature("docstring") itsma_assessment::py_put_attribute
"Rate a process attribute (ITSMA_PA2_1 ... ITSMA_PA5_2) of a process, given as the
catalogue's object or (None) by its id.";

%feature("docstring") itsma_assessment::py_remove_attribute
"Remove a process-attribute rating of a process given by its id.";

%feature("docstring") itsma_assessment::py_remove_attribute_of
"Remove a process-attribute rating of a process given as the catalogue's object.";

%feature("docstring") itsma_assessment::py_put_exclusion
"Exclude a section or requirement from the scope.";

%feature("docstring") itsma_assessment::py_remove_exclusion
"Remove an exclusion.";

%feature("docstring") itsma_assessment::py_set_target
"Set the general target level (0 to 5, or -1 to remove it).";

%feature("docstring") itsma_assessment::py_set_process_target
"Set one process's target level (0 to 5, or -1 to remove it).";

%feature("docstring") itsma_assessment::py_set_process_target_of
"Set the target level of a process given as the catalogue's object.";

%feature("docstring") itsma_assessment::py_score
"Score the assessment with an evidence policy (ITSMA_POLICY_*) and an optional section;
returns a CResult that borrows the assessment.";

%feature("docstring") itsma_result::py_to_json
"The result as itsma-result/1 JSON.";

%feature("docstring") itsma_result::py_explain
"Explain the figure of a requirement or section in words.";

%feature("docstring") itsma_diff::py_compare
"Compare two results (itsma_compare); the diff borrows both.";

%feature("docstring") itsma_diff::py_to_json
"The diff as itsma-diff/1 JSON.";

%feature("docstring") itsma_result::py_report
"A report of the result (itsma_report_string): format ITSMA_REPORT_*, an optional baseline
CResult, the number of gaps, ITSMA_REPORT_* section bits, colour and wrap width.";

%feature("docstring") itsma_diff::py_report
"The comparison in words (itsma_diff_report_string): format ITSMA_REPORT_FORMAT_TEXT or _MD,
colour, and the list limit (-1: the format's default).";

%feature("docstring") itsma_py_rating_parse
"Parse a rating (\"L+\", \"72.5\"): returns (letter, value).";

%feature("docstring") itsma_py_attribute_parse
"Parse an attribute name (\"PA1.1\" to \"PA5.2\"): returns its code. Like every
itsma_py_<type>_parse shim (one per enumeration), an unknown word raises
InvalidArgumentError whose message lists the accepted words.";

%feature("docstring") itsma_py_date_parse
"Parse a date YYYY-MM-DD: returns its day number.";

%feature("docstring") itsma_py_date_format
"Format a day number as YYYY-MM-DD.";

%feature("docstring") itsma_py_builtin_json
"The JSON text of the i-th built-in catalogue, or None.";

%feature("docstring") itsma_py_evidence_record
"Snapshot of an evidence record: (id, title, kind, collected, expires, uri, sha256, by, note,
current on day).";

%feature("docstring") itsma_py_rating_record
"Snapshot of a rating: (requirement id, letter, value, evidence ids, note).";

%feature("docstring") itsma_py_attribute_record
"Snapshot of an attribute rating: (process id, attribute, letter, value, evidence ids, note).";

%feature("docstring") itsma_py_exclusion_record
"Snapshot of an exclusion: (id, reason).";

%feature("docstring") itsma_py_process_targets
"The per-process targets: [(process id, level)].";

%feature("docstring") itsma_py_capability_gap_attributes
"The attributes in the way of a capability gap: [(attribute, letter, needed)].";

%feature("docstring") itsma_py_evidence_at
"Snapshot of the i-th evidence record (see itsma_py_evidence_record), or None.";

%feature("docstring") itsma_py_evidence_find
"Snapshot of the evidence record with that id, or None.";

%feature("docstring") itsma_py_rating_at
"Snapshot of the i-th rating (see itsma_py_rating_record), or None.";

%feature("docstring") itsma_py_rating_find
"Snapshot of the rating of a requirement, or None.";

%feature("docstring") itsma_py_attribute_at
"Snapshot of the i-th attribute rating (see itsma_py_attribute_record), or None.";

%feature("docstring") itsma_py_attribute_find
"Snapshot of the rating of (process, attribute), or None.";

%feature("docstring") itsma_py_exclusion_at
"Snapshot of the i-th exclusion, or None.";

%feature("docstring") itsma_py_exclusion_find
"Snapshot of the exclusion of an id, or None.";

%feature("docstring") itsma_trend::py_create
"A trend over a sequence of CResult (itsma_trend_new), oldest first; it borrows them.";

%feature("docstring") itsma_trend::py_report
"A report of the trend (itsma_trend_report_string): format ITSMA_REPORT_*, colour, width.";
