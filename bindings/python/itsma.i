/* SPDX-License-Identifier: Apache-2.0 */
/*
 * SWIG interface of the itsma Python bindings (style guide section 8).
 *
 * Builds the extension module `itsma._itsma` and its SWIG proxy `itsma.itsma`. Both are
 * private: the hand-written package `itsma` (bindings/python/itsma/) builds the public,
 * Pythonic API on top of them and is what users import.
 *
 * Rules followed here:
 * - the C headers are %include'd for their enum constants and infallible getters;
 * - every fallible C function (`itsma_error *err` last) is %ignore'd and re-exposed as a
 *   `py_*` shim in %extend or %inline that returns the object (never an int);
 * - `itsma_error *err` is hidden by a typemap; a failure raises the exception class that
 *   `itsma._errors._from_c()` chooses (imported lazily, no %init code);
 * - nothing uses SWIG_Python_AppendOutput, -builtin or %init internals, so the interface
 *   means the same on SWIG 4.1 (Debian) and 4.3+;
 * - owned objects get destructors that call itsma_<type>_free(); no free() is exposed;
 * - long calls (load, score, save, to_json, compare, explain) release the GIL: the C
 *   library has no global state.
 */

%define ITSMA_MODULE_DOC
"Low-level SWIG wrapper of the itsma C library.

This module is private: import the ``itsma`` package, which builds the public API on
top of it. Objects here are raw C handles; their lifetimes are managed by ``itsma``."
%enddef

%module(package="itsma", docstring=ITSMA_MODULE_DOC) itsma

%feature("autodoc", "3");

%{
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "itsma.h"

/* A string of an itsma_error: truncated at a fixed size, possibly inside a UTF-8 sequence. */
static PyObject *itsma_py_text(const char *s)
{
	return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

/*
 * An import warning as a Python UserWarning. When the warning filter turns it into an
 * exception, the import stops and that exception is dropped for the library's error.
 */
static int itsma_py_warn(const itsma_error *w, void *payload)
{
	char text[ITSMA_ERROR_SOURCE_LENGTH + ITSMA_ERROR_POINTER_LENGTH + ITSMA_ERROR_MESSAGE_LENGTH + 64];
	(void)payload;
	itsma_error_format(text, sizeof text, w);
	if (PyErr_WarnEx(PyExc_UserWarning, text, 2) < 0) {
		PyErr_Clear();
		return 1;
	}
	return 0;
}

/*
 * Raise the Python exception for a filled itsma_error. The exception classes are plain
 * Python in itsma/_errors.py; the module is imported on first use (not in %init, whose
 * shape changed with SWIG 4.4's multi-phase initialisation).
 */
static void itsma_py_raise(const itsma_error *e)
{
	PyObject *mod, *fn, *args = NULL, *exc = NULL;

	mod = PyImport_ImportModule("itsma._errors");
	if (!mod)
		return;
	fn = PyObject_GetAttrString(mod, "_from_c");
	Py_DECREF(mod);
	if (!fn)
		return;
	args = Py_BuildValue("(iNNiiNNi)", e->code, itsma_py_text(e->message),
	                     itsma_py_text(e->source), e->line, e->column,
	                     PyLong_FromSize_t(e->offset), itsma_py_text(e->pointer), e->sys_errno);
	if (args)
		exc = PyObject_CallObject(fn, args);
	Py_DECREF(fn);
	Py_XDECREF(args);
	if (!exc)
		return; /* the failure to build it is the exception */
	PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
	Py_DECREF(exc);
}

static void itsma_py_limits(itsma_load_options *o, unsigned int max_depth, size_t max_string,
                            size_t max_records, size_t max_bytes)
{
	(void)itsma_load_options_init(o, ITSMA_LOAD_OPTIONS_VERSION);
	o->max_depth = max_depth;
	o->max_string = max_string;
	o->max_records = max_records;
	o->max_bytes = max_bytes;
}

/* A str argument as UTF-8 without embedded NULs; NULL with an exception set otherwise. */
static const char *itsma_py_utf8(PyObject *o, const char *what)
{
	Py_ssize_t n = 0;
	const char *s;

	if (!PyUnicode_Check(o)) {
		PyErr_Format(PyExc_TypeError, "%s must be str, not %.100s", what, Py_TYPE(o)->tp_name);
		return NULL;
	}
	s = PyUnicode_AsUTF8AndSize(o, &n);
	if (s && strlen(s) != (size_t)n) {
		PyErr_Format(PyExc_ValueError, "%s contains an embedded null character", what);
		return NULL;
	}
	return s;
}

/* Lint problems collected as (kind, subject, message) tuples. */
typedef struct itsma_py_lint {
	PyObject *list;
} itsma_py_lint;

static int itsma_py_lint_cb(itsma_lint_kind kind, const char *subject, const char *message,
                            void *payload)
{
	itsma_py_lint *pl = (itsma_py_lint *)payload;
	PyObject *t = Py_BuildValue("(iNN)", (int)kind, itsma_py_text(subject), itsma_py_text(message));
	int stop = !t || PyList_Append(pl->list, t) < 0;
	Py_XDECREF(t);
	return stop; /* 1 stops the lint with a Python error pending */
}
%}

/* ---- error handling ---------------------------------------------------------------------- */

/* `err` is always the last parameter, so this argout runs after every other one. */
%typemap(in, numinputs=0) itsma_error *err (itsma_error temp) {
	itsma_error_clear(&temp);
	$1 = &temp;
}
%typemap(argout) itsma_error *err {
	if ($1->code != ITSMA_OK) {
		Py_CLEAR($result);
		itsma_py_raise($1);
		SWIG_fail;
	}
}

/* ---- strings -------------------------------------------------------------------------------- */

/* str (UTF-8, no embedded NUL) or None (NULL). Anything else is a TypeError. */
%typemap(in) const char * {
	if ($input == Py_None) {
		$1 = NULL;
	} else {
		$1 = ($1_ltype)itsma_py_utf8($input, "argument '$1_name'");
		if (!$1)
			SWIG_fail;
	}
}
%typemap(freearg) const char * "";
%typemap(typecheck, precedence=SWIG_TYPECHECK_STRING) const char * {
	$1 = ($input == Py_None || PyUnicode_Check($input)) ? 1 : 0;
}

/* Owned strings from the library are released with itsma_free(). */
%typemap(newfree) char * "itsma_free($1);";

/* A JSON document: str (taken as UTF-8) or bytes, both immutable while the GIL is released. */
%typemap(in) (const char *buf, size_t len) {
	if (PyBytes_Check($input)) {
		char *b = NULL;
		Py_ssize_t n = 0;
		if (PyBytes_AsStringAndSize($input, &b, &n) < 0)
			SWIG_fail;
		$1 = b;
		$2 = (size_t)n;
	} else if (PyUnicode_Check($input)) {
		Py_ssize_t n = 0;
		$1 = ($1_ltype)PyUnicode_AsUTF8AndSize($input, &n);
		if (!$1)
			SWIG_fail;
		$2 = (size_t)n;
	} else {
		PyErr_Format(PyExc_TypeError, "a JSON document must be str or bytes, not %.100s",
		             Py_TYPE($input)->tp_name);
		SWIG_fail;
	}
}
%typemap(freearg) (const char *buf, size_t len) "";

/* A sequence of str (evidence ids, hints, tags) as a C array that borrows their UTF-8. */
%typemap(in) (const char *const *strv, size_t strc) (PyObject *seq = NULL) {
	Py_ssize_t i, n;
	const char **v;
	seq = PySequence_Fast($input, "expected a sequence of str");
	if (!seq)
		SWIG_fail;
	n = PySequence_Fast_GET_SIZE(seq);
	v = (const char **)malloc(sizeof(char *) * (size_t)(n > 0 ? n : 1));
	if (!v) {
		PyErr_NoMemory();
		SWIG_fail;
	}
	$1 = ($1_ltype)v;
	$2 = (size_t)n;
	for (i = 0; i < n; i++) {
		v[i] = itsma_py_utf8(PySequence_Fast_GET_ITEM(seq, i), "every item");
		if (!v[i])
			SWIG_fail;
	}
}
%typemap(freearg) (const char *const *strv, size_t strc) {
	free((void *)$1);
	Py_XDECREF(seq$argnum);
}

/*
 * The list typemap is keyed on parameter names; these are the names the shims use. (Typemaps
 * must be in place before the structs are declared: an %extend written later is wrapped with
 * the typemaps of the declaration point.)
 */
%apply (const char *const *strv, size_t strc) { (const char *const *hints, size_t hint_count) };
%apply (const char *const *strv, size_t strc) { (const char *const *tags, size_t tag_count) };
%apply (const char *const *strv, size_t strc) { (const char *const *evidence, size_t evidence_count) };
%apply (const char *const *strv, size_t strc) { (const char *const *clauses, size_t clause_count) };

/*
 * No C function is ever handed a NULL object: None where an itsma object is expected is a
 * ValueError, not a crash (the getters do not check). The optional objects, the catalogue
 * of an assessment load (None: resolve a built-in catalogue), the baseline of a report
 * (None: no comparison) and the few below, are exempt by name.
 */
%define ITSMA_NONNULL(TYPE)
%typemap(check) const TYPE *, TYPE *, struct TYPE * {
	if (!$1) {
		PyErr_SetString(PyExc_ValueError, "argument '$1_name' must not be None");
		SWIG_fail;
	}
}
%enddef
ITSMA_NONNULL(itsma_catalogue)
ITSMA_NONNULL(itsma_section)
ITSMA_NONNULL(itsma_requirement)
ITSMA_NONNULL(itsma_retired)
ITSMA_NONNULL(itsma_assessment)
ITSMA_NONNULL(itsma_evidence)
ITSMA_NONNULL(itsma_rating)
ITSMA_NONNULL(itsma_attribute_rating)
ITSMA_NONNULL(itsma_exclusion)
ITSMA_NONNULL(itsma_result)
ITSMA_NONNULL(itsma_section_result)
ITSMA_NONNULL(itsma_requirement_result)
ITSMA_NONNULL(itsma_gap)
ITSMA_NONNULL(itsma_capability_gap)
ITSMA_NONNULL(itsma_evidence_issue)
ITSMA_NONNULL(itsma_diff)
ITSMA_NONNULL(itsma_requirement_diff)
ITSMA_NONNULL(itsma_process_diff)
ITSMA_NONNULL(itsma_nonconformity_diff)
ITSMA_NONNULL(itsma_trend)
ITSMA_NONNULL(itsma_scorer)
%typemap(check) const itsma_catalogue *cat "";
%typemap(check) const itsma_assessment *prefill "";
/* The baseline of a report is optional too (None: no comparison). */
%typemap(check) const itsma_result *baseline "";
/* A builder's parent section (None: at the top), and what a rating names by object or
 * (None) by id. */
%typemap(check) const itsma_section *parent "";
%typemap(check) const itsma_requirement *optional_requirement "";
%typemap(check) const itsma_section *optional_process "";

/* ---- the C API: constants and infallible getters ---------------------------------------- */

#define ITSMA_BEGIN_DECL
#define ITSMA_END_DECL
#define ITSMA_EXTERN(type) type
#define ITSMA_WARN_UNUSED
#define ITSMA_DEPRECATED

/* Plain value structs: Python never sees them. */
%ignore itsma_error;
%ignore itsma_load_options;
%ignore itsma_score_options;
%ignore itsma_section_spec;
%ignore itsma_requirement_spec;
%ignore itsma_lint_options;
%ignore itsma_lint_cb;
%ignore itsma_evidence_spec;
%ignore itsma_rating_spec;
%ignore itsma_attribute_spec;

/* Memory management is the proxies' job. */
%ignore itsma_free;
%ignore itsma_catalogue_free;
%ignore itsma_assessment_free;
%ignore itsma_result_free;
%ignore itsma_diff_free;
%ignore itsma_error_clear;
%ignore itsma_error_format;
%ignore itsma_load_options_init;
%ignore itsma_score_options_init;

/* Raw fallible functions and out-parameters: re-exposed below as py_* shims. */
%ignore itsma_rating_parse;
%ignore itsma_date_parse;
%ignore itsma_date_format;
%ignore itsma_catalogue_load_file;
%ignore itsma_catalogue_load_buffer;
%ignore itsma_catalogue_from_oscal;
%ignore itsma_catalogue_from_ciso_library;
%ignore itsma_catalogue_to_ciso_library;
%ignore itsma_result_to_oscal_ar;
%ignore itsma_result_to_oscal_poam;
%ignore itsma_result_to_ciso_audit_csv;
%ignore itsma_import_options;
%ignore itsma_interop_options;
%ignore itsma_catalogue_new;
%ignore itsma_catalogue_to_json;
%ignore itsma_catalogue_save_file;
%ignore itsma_catalogue_builtin;
%ignore itsma_catalogue_builtin_json;
%ignore itsma_catalogue_set_title;
%ignore itsma_catalogue_set_version;
%ignore itsma_catalogue_set_publisher;
%ignore itsma_catalogue_set_description;
%ignore itsma_catalogue_set_source;
%ignore itsma_catalogue_set_exclusions;
%ignore itsma_catalogue_put_guidance_source;
%ignore itsma_catalogue_add_generic_practice;
%ignore itsma_catalogue_add_section;
%ignore itsma_catalogue_add_guidance;
%ignore itsma_catalogue_add_requirement;
%ignore itsma_catalogue_set_revision;
%ignore itsma_catalogue_add_retired;
%ignore itsma_catalogue_effective_weights;
%ignore itsma_catalogue_weights_to_json;
%ignore itsma_lint_kinds_parse;
%ignore itsma_clause_list_parse;
%ignore itsma_catalogue_lint;
%ignore itsma_catalogue_builtin_clauses;
%ignore itsma_assessment_load_file;
%ignore itsma_assessment_load_buffer;
%ignore itsma_assessment_new;
%ignore itsma_assessment_to_json;
%ignore itsma_assessment_clone;
%ignore itsma_assessment_save_file;
%ignore itsma_assessment_set_id;
%ignore itsma_assessment_set_date;
%ignore itsma_assessment_set_title;
%ignore itsma_assessment_set_organisation;
%ignore itsma_assessment_set_assessor;
%ignore itsma_assessment_put_evidence;
%ignore itsma_assessment_remove_evidence;
%ignore itsma_assessment_put_rating;
%ignore itsma_assessment_remove_rating;
%ignore itsma_assessment_remove_rating_of;
%ignore itsma_assessment_put_attribute;
%ignore itsma_assessment_remove_attribute;
%ignore itsma_assessment_remove_attribute_of;
%ignore itsma_assessment_put_exclusion;
%ignore itsma_assessment_remove_exclusion;
%ignore itsma_assessment_set_target;
%ignore itsma_assessment_set_process_target;
%ignore itsma_assessment_set_process_target_of;
%ignore itsma_assessment_process_target_at;
%ignore itsma_score;
%ignore itsma_result_to_json;
%ignore itsma_result_explain;
%ignore itsma_capability_gap_attribute_at;
%ignore itsma_compare;
%ignore itsma_diff_to_json;
%ignore itsma_report_options_init;
%ignore itsma_report_sink;
%ignore itsma_report_write;
%ignore itsma_report_file;
%ignore itsma_report_string;
%ignore itsma_diff_report_write;
%ignore itsma_diff_report_string;
%ignore itsma_terminal_escape;
%ignore itsma_trend_new;
%ignore itsma_trend_free;
%ignore itsma_trend_report_write;
%ignore itsma_trend_report_string;
%ignore itsma_catalogue_render_write;
%ignore itsma_catalogue_render_string;
%ignore itsma_evidence_verify_report;
%ignore itsma_report_options;
%ignore itsma_validate_buffer;
%ignore itsma_validate_file;
%ignore itsma_problem_cb;
%ignore itsma_evidence_verify;
%ignore itsma_evidence_cb;
%ignore itsma_evidence_finding;
%ignore itsma_file_write;
%ignore itsma_file_read;
%ignore itsma_file_read_fd;
%ignore itsma_scorer_new;
%ignore itsma_scorer_free;
%ignore itsma_scorer_assessment;
%ignore itsma_scorer_put_rating;
%ignore itsma_scorer_remove_rating;
%ignore itsma_scorer_remove_rating_of;
%ignore itsma_scorer_put_evidence;
%ignore itsma_scorer_remove_evidence;
%ignore itsma_scorer_put_attribute;
%ignore itsma_scorer_remove_attribute;
%ignore itsma_scorer_remove_attribute_of;
%ignore itsma_scorer_rescore;
%ignore itsma_scorer_stats;
%ignore itsma_result_clone;
%ignore itsma_catalogue_set_extension;
%ignore itsma_section_set_extension;
%ignore itsma_requirement_set_extension;
%ignore itsma_assessment_set_extension;
%ignore itsma_evidence_set_extension;
%ignore itsma_rating_set_extension;
%ignore itsma_attribute_rating_set_extension;

/*
 * Every enumeration's itsma_<type>_parse() as itsma_py_<type>_parse(word) -> its code; an
 * unknown word raises InvalidArgumentError (the C message lists the words). The package's
 * enums take their words from the itsma_<type>_name() functions, so both come from C.
 */
%define ITSMA_PY_ENUM_PARSE(TYPE)
%ignore itsma_##TYPE##_parse;
%inline %{
static int itsma_py_##TYPE##_parse(const char *word, itsma_error *err)
{
	itsma_##TYPE v = (itsma_##TYPE)0;
	return itsma_##TYPE##_parse(&v, word, err) < 0 ? -1 : (int)v;
}
%}
%enddef
ITSMA_PY_ENUM_PARSE(error_code)
ITSMA_PY_ENUM_PARSE(letter)
ITSMA_PY_ENUM_PARSE(attribute)
ITSMA_PY_ENUM_PARSE(section_kind)
ITSMA_PY_ENUM_PARSE(obligation)
ITSMA_PY_ENUM_PARSE(basis)
ITSMA_PY_ENUM_PARSE(exclusions)
ITSMA_PY_ENUM_PARSE(lint_kind)
ITSMA_PY_ENUM_PARSE(evidence_kind)
ITSMA_PY_ENUM_PARSE(evidence_policy)
ITSMA_PY_ENUM_PARSE(model)
ITSMA_PY_ENUM_PARSE(verdict)
ITSMA_PY_ENUM_PARSE(status)
ITSMA_PY_ENUM_PARSE(nonconformity)
ITSMA_PY_ENUM_PARSE(tally)
ITSMA_PY_ENUM_PARSE(attribute_status)
ITSMA_PY_ENUM_PARSE(evidence_problem)
ITSMA_PY_ENUM_PARSE(warning_kind)
ITSMA_PY_ENUM_PARSE(change)
ITSMA_PY_ENUM_PARSE(nonconformity_change)
ITSMA_PY_ENUM_PARSE(diff_tally)
ITSMA_PY_ENUM_PARSE(document_kind)
ITSMA_PY_ENUM_PARSE(evidence_check)
ITSMA_PY_ENUM_PARSE(report_format)
ITSMA_PY_ENUM_PARSE(report_section)
ITSMA_PY_ENUM_PARSE(relationship)
ITSMA_PY_ENUM_PARSE(mapping_method)
ITSMA_PY_ENUM_PARSE(mapping_rationale)
ITSMA_PY_ENUM_PARSE(mapping_status)
ITSMA_PY_ENUM_PARSE(confidence)
ITSMA_PY_ENUM_PARSE(carry_status)
ITSMA_PY_ENUM_PARSE(transition_format)

/*
 * The owned object types get proxy classes (for their destructors); SWIG only needs to
 * know that they are structs. The borrowed types stay raw pointers: the itsma package
 * wraps them together with a reference to their owner.
 */
%nodefaultctor itsma_catalogue;
%nodefaultctor itsma_assessment;
%nodefaultctor itsma_result;
%nodefaultctor itsma_diff;
%nodefaultctor itsma_scorer;
%nodefaultctor itsma_trend;
%rename(CTrend) itsma_trend;
%rename(CScorer) itsma_scorer;
%rename(CCatalogue) itsma_catalogue;
%rename(CAssessment) itsma_assessment;
%rename(CResult) itsma_result;
%rename(CDiff) itsma_diff;
struct itsma_catalogue {};
struct itsma_assessment {};
struct itsma_result {};
struct itsma_diff {};
struct itsma_scorer {};
struct itsma_trend {};

%include "itsma/common.h"
%include "itsma/errors.h"
%include "itsma/version.h"
%include "itsma/rating.h"
%include "itsma/catalogue.h"
%include "itsma/assessment.h"
%include "itsma/extension.h"
%include "itsma/result.h"
%include "itsma/diff.h"
%include "itsma/validate.h"
%include "itsma/verify.h"
%include "itsma/scorer.h"
%include "itsma/report.h"
%include "itsma/trend.h"

/* ---- mapping sets (itsma/mapping.h): fallible calls re-exposed at the end of this file ----- */
%ignore itsma_catalogue_resolver;
%ignore itsma_mapping_catalogues;
%ignore itsma_map_spec;
%ignore itsma_mapping_load_buffer;
%ignore itsma_mapping_load_file;
%ignore itsma_mapping_validate_buffer;
%ignore itsma_mapping_validate_file;
%ignore itsma_mapping_check;
%ignore itsma_mapping_to_json;
%ignore itsma_mapping_to_markdown;
%ignore itsma_mapping_save_file;
%ignore itsma_mapping_free;
%ignore itsma_mapping_builtin;
%ignore itsma_mapping_builtin_json;
%ignore itsma_mapping_new;
%ignore itsma_mapping_set_title;
%ignore itsma_mapping_set_description;
%ignore itsma_mapping_set_provenance;
%ignore itsma_mapping_add_map;
%ignore itsma_assessment_carry;
%ignore itsma_carry_report_free;
%ignore itsma_transition_report;
ITSMA_NONNULL(itsma_mapping)
ITSMA_NONNULL(itsma_map)
ITSMA_NONNULL(itsma_carry_report)
/* the optional objects of the shims below, exempt by name (None: the built-ins, no merge) */
%typemap(check) const itsma_catalogue *source_cat "";
%typemap(check) const itsma_catalogue *target_cat "";
%typemap(check) const itsma_assessment *into "";
%nodefaultctor itsma_mapping;
%nodefaultctor itsma_carry_report;
%rename(CMapping) itsma_mapping;
%rename(CCarryReport) itsma_carry_report;
struct itsma_mapping {};
struct itsma_carry_report {};
%include "itsma/mapping.h"

%include "docs.i"

/* ---- GIL release for the long calls ------------------------------------------------------- */

%define ITSMA_NOGIL(name)
%exception name {
	Py_BEGIN_ALLOW_THREADS
	$action
	Py_END_ALLOW_THREADS
}
%enddef

ITSMA_NOGIL(itsma_catalogue::py_load_file)
ITSMA_NOGIL(itsma_catalogue::py_load_buffer)
ITSMA_NOGIL(itsma_catalogue::py_builtin)
ITSMA_NOGIL(itsma_catalogue::py_to_json)
ITSMA_NOGIL(itsma_catalogue::py_render)
ITSMA_NOGIL(itsma_catalogue::py_weights_json)
ITSMA_NOGIL(itsma_catalogue::py_template_json)
ITSMA_NOGIL(itsma_catalogue::py_save_file)
ITSMA_NOGIL(itsma_assessment::py_load_file)
ITSMA_NOGIL(itsma_assessment::py_load_buffer)
ITSMA_NOGIL(itsma_assessment::py_to_json)
ITSMA_NOGIL(itsma_assessment::py_clone)
ITSMA_NOGIL(itsma_assessment::py_save_file)
ITSMA_NOGIL(itsma_assessment::py_score)
ITSMA_NOGIL(itsma_result::py_to_json)
ITSMA_NOGIL(itsma_result::py_explain)
ITSMA_NOGIL(itsma_catalogue::py_to_ciso_library)
ITSMA_NOGIL(itsma_result::py_to_oscal_ar)
ITSMA_NOGIL(itsma_result::py_to_oscal_poam)
ITSMA_NOGIL(itsma_result::py_to_ciso_audit_csv)
ITSMA_NOGIL(itsma_diff::py_compare)
ITSMA_NOGIL(itsma_diff::py_to_json)
ITSMA_NOGIL(itsma_result::py_report)
ITSMA_NOGIL(itsma_diff::py_report)
ITSMA_NOGIL(itsma_trend::py_report)
ITSMA_NOGIL(itsma_scorer::py_create)
ITSMA_NOGIL(itsma_scorer::py_rescore)
ITSMA_NOGIL(itsma_scorer::py_to_json)
ITSMA_NOGIL(itsma_scorer::py_explain)
ITSMA_NOGIL(itsma_scorer::py_snapshot)

%newobject itsma_catalogue::py_load_file;
%newobject itsma_catalogue::py_load_buffer;
%newobject itsma_catalogue::py_builtin;
%newobject itsma_catalogue::py_create;
%newobject itsma_catalogue::py_to_json;
%newobject itsma_catalogue::py_render;
%newobject itsma_catalogue::py_weights_json;
%newobject itsma_catalogue::py_template_json;
%newobject itsma_assessment::py_load_file;
%newobject itsma_assessment::py_load_buffer;
%newobject itsma_assessment::py_create;
%newobject itsma_assessment::py_to_json;
%newobject itsma_assessment::py_clone;
%newobject itsma_assessment::py_score;
%newobject itsma_result::py_to_json;
%newobject itsma_result::py_explain;
%newobject itsma_catalogue::py_from_oscal;
%newobject itsma_catalogue::py_from_ciso_library;
%newobject itsma_catalogue::py_to_ciso_library;
%newobject itsma_result::py_to_oscal_ar;
%newobject itsma_result::py_to_oscal_poam;
%newobject itsma_result::py_to_ciso_audit_csv;
%newobject itsma_diff::py_compare;
%newobject itsma_diff::py_to_json;
%newobject itsma_result::py_report;
%newobject itsma_diff::py_report;
%newobject itsma_trend::py_create;
%newobject itsma_trend::py_report;
%newobject itsma_scorer::py_create;
%newobject itsma_scorer::py_to_json;
%newobject itsma_scorer::py_explain;
%newobject itsma_scorer::py_snapshot;
%newobject itsma_py_questionnaire;
%newobject itsma_py_evidence_sheet;


/* ---- catalogues ------------------------------------------------------------------------------- */

%extend itsma_catalogue {
	/* x- extensions: what 0 = the catalogue, 1 = section `id`, 2 = requirement `id`;
	 * json NULL removes. */
	void py_set_extension(int what, const char *id, const char *key, const char *json,
	                      itsma_error *err) {
		if (what == 1) {
			const itsma_section *s = itsma_catalogue_find_section($self, id);
			if (!s) {
				err->code = ITSMA_ENOTFOUND;
				snprintf(err->message, sizeof err->message, "no section \"%.60s\"", id ? id : "");
				return;
			}
			(void)itsma_section_set_extension($self, s, key, json, err);
		} else if (what == 2) {
			const itsma_requirement *r = itsma_catalogue_find_requirement($self, id);
			if (!r) {
				err->code = ITSMA_ENOTFOUND;
				snprintf(err->message, sizeof err->message, "no requirement \"%.60s\"", id ? id : "");
				return;
			}
			(void)itsma_requirement_set_extension($self, r, key, json, err);
		} else {
			(void)itsma_catalogue_set_extension($self, key, json, err);
		}
	}
	~itsma_catalogue() { itsma_catalogue_free($self); }

	static itsma_catalogue *py_load_file(const char *path, unsigned int max_depth,
	                                     size_t max_string, size_t max_records, size_t max_bytes,
	                                     itsma_error *err) {
		itsma_catalogue *c = NULL;
		itsma_load_options o;
		itsma_py_limits(&o, max_depth, max_string, max_records, max_bytes);
		if (itsma_catalogue_load_file(&c, path, &o, err) < 0)
			return NULL;
		return c;
	}
	static itsma_catalogue *py_load_buffer(const char *buf, size_t len, const char *source_name,
	                                       unsigned int max_depth, size_t max_string,
	                                       size_t max_records, size_t max_bytes,
	                                       itsma_error *err) {
		itsma_catalogue *c = NULL;
		itsma_load_options o;
		itsma_py_limits(&o, max_depth, max_string, max_records, max_bytes);
		if (itsma_catalogue_load_buffer(&c, buf, len, source_name, &o, err) < 0)
			return NULL;
		return c;
	}
	static itsma_catalogue *py_builtin(const char *id, itsma_error *err) {
		itsma_catalogue *c = NULL;
		if (itsma_catalogue_builtin(&c, id, err) < 0)
			return NULL;
		return c;
	}
	static itsma_catalogue *py_create(const char *id, const char *title, itsma_error *err) {
		itsma_catalogue *c = NULL;
		if (itsma_catalogue_new(&c, id, title, err) < 0)
			return NULL;
		return c;
	}
	/* Imports (docs/interop.md); warnings become Python UserWarnings (the GIL is held). */
	static itsma_catalogue *py_from_oscal(const char *buf, size_t len, const char *source_name,
	                                      const char *catalogue_id, itsma_error *err) {
		itsma_catalogue *c = NULL;
		itsma_interop_options o = ITSMA_INTEROP_OPTIONS_INIT;
		o.warn = itsma_py_warn;
		o.catalogue_id = catalogue_id;
		if (itsma_catalogue_from_oscal(&c, buf, len, source_name, &o, err) != 0)
			return NULL;
		return c;
	}
	static itsma_catalogue *py_from_ciso_library(const char *buf, size_t len,
	                                             const char *source_name,
	                                             const char *catalogue_id, itsma_error *err) {
		itsma_catalogue *c = NULL;
		itsma_interop_options o = ITSMA_INTEROP_OPTIONS_INIT;
		o.warn = itsma_py_warn;
		o.catalogue_id = catalogue_id;
		if (itsma_catalogue_from_ciso_library(&c, buf, len, source_name, &o, err) != 0)
			return NULL;
		return c;
	}
	char *py_to_ciso_library(const char *packager, itsma_error *err) {
		char *out = NULL;
		if (itsma_catalogue_to_ciso_library(&out, $self, packager, err) < 0)
			return NULL;
		return out;
	}
	char *py_to_json(itsma_error *err) {
		char *out = NULL;
		if (itsma_catalogue_to_json(&out, $self, err) < 0)
			return NULL;
		return out;
	}
	void py_save_file(const char *path, itsma_error *err) {
		if (itsma_catalogue_save_file($self, path, err) < 0)
			return;
	}
	void py_set_title(const char *value, itsma_error *err) {
		if (itsma_catalogue_set_title($self, value, err) < 0)
			return;
	}
	void py_set_version(const char *value, itsma_error *err) {
		if (itsma_catalogue_set_version($self, value, err) < 0)
			return;
	}
	void py_set_publisher(const char *value, itsma_error *err) {
		if (itsma_catalogue_set_publisher($self, value, err) < 0)
			return;
	}
	void py_set_description(const char *value, itsma_error *err) {
		if (itsma_catalogue_set_description($self, value, err) < 0)
			return;
	}
	void py_set_source(const char *value, itsma_error *err) {
		if (itsma_catalogue_set_source($self, value, err) < 0)
			return;
	}
	void py_set_exclusions(int value, itsma_error *err) {
		if (itsma_catalogue_set_exclusions($self, (itsma_exclusions)value, err) < 0)
			return;
	}
	void py_put_guidance_source(const char *key, const char *name, itsma_error *err) {
		if (itsma_catalogue_put_guidance_source($self, key, name, err) < 0)
			return;
	}
	void py_add_generic_practice(int attribute, const char *id, const char *text,
	                             itsma_error *err) {
		if (itsma_catalogue_add_generic_practice($self, (itsma_attribute)attribute, id, text,
		                                         err) < 0)
			return;
	}
	const itsma_section *py_add_section(const itsma_section *parent, const char *id,
	                                    const char *clause, const char *title,
	                                    const char *purpose, int kind, double weight,
	                                    itsma_error *err) {
		const itsma_section *s = NULL;
		itsma_section_spec spec = ITSMA_SECTION_SPEC_INIT;
		spec.id = id;
		spec.clause = clause;
		spec.title = title;
		spec.purpose = purpose;
		spec.kind = (itsma_section_kind)kind;
		spec.weight = weight;
		if (itsma_catalogue_add_section(&s, $self, parent, &spec, err) < 0)
			return NULL;
		return s;
	}
	void py_add_guidance(const itsma_section *section, const char *source, const char *value,
	                     itsma_error *err) {
		if (itsma_catalogue_add_guidance($self, section, source, value, err) < 0)
			return;
	}
}

%extend itsma_catalogue {
	const itsma_requirement *py_add_requirement(const itsma_section *section, const char *id,
	                                            const char *clause, const char *text,
	                                            int obligation, double weight,
	                                            const char *const *hints, size_t hint_count,
	                                            const char *const *tags, size_t tag_count,
	                                            const char *item, int basis, const char *verify,
	                                            itsma_error *err) {
		const itsma_requirement *r = NULL;
		itsma_requirement_spec spec = ITSMA_REQUIREMENT_SPEC_INIT;
		spec.id = id;
		spec.clause = clause;
		spec.text = text;
		spec.item = item;
		spec.basis = (itsma_basis)basis;
		spec.verify = verify;
		spec.obligation = (itsma_obligation)obligation;
		spec.weight = weight;
		spec.evidence_hints = hints;
		spec.evidence_hint_count = hint_count;
		spec.tags = tags;
		spec.tag_count = tag_count;
		if (itsma_catalogue_add_requirement(&r, $self, section, &spec, err) < 0)
			return NULL;
		return r;
	}
}


%extend itsma_catalogue {
	void py_set_revision(int revision, itsma_error *err) {
		if (itsma_catalogue_set_revision($self, revision, err) < 0)
			return;
	}
	void py_add_retired(const char *id, int revision, const char *reason, itsma_error *err) {
		if (itsma_catalogue_add_retired($self, id, revision, reason, err) < 0)
			return;
	}
	/* The effective weights in catalogue order, as a list of float. */
	PyObject *py_effective_weights(itsma_error *err) {
		size_t n = itsma_catalogue_requirement_count($self), i;
		double *w = (double *)malloc(sizeof(double) * (n ? n : 1));
		PyObject *list;
		if (!w)
			return PyErr_NoMemory();
		if (itsma_catalogue_effective_weights(w, n, $self, err) < 0) {
			free(w);
			return NULL;
		}
		list = PyList_New((Py_ssize_t)n);
		for (i = 0; list && i < n; i++) {
			PyObject *f = PyFloat_FromDouble(w[i]);
			if (!f) {
				Py_CLEAR(list);
				break;
			}
			PyList_SET_ITEM(list, (Py_ssize_t)i, f);
		}
		free(w);
		return list;
	}
	/* The catalogue for people (report.h): view ITSMA_CATALOGUE_*, format ITSMA_REPORT_*. */
	char *py_render(int view, int format, itsma_error *err) {
		char *out = NULL;
		if (itsma_catalogue_render_string(&out, NULL, $self, (itsma_catalogue_view)view,
		                                  (itsma_report_format)format, err) < 0)
			return NULL;
		return out;
	}
	char *py_weights_json(itsma_error *err) {
		char *out = NULL;
		if (itsma_catalogue_weights_to_json(&out, $self, err) < 0)
			return NULL;
		return out;
	}
	/* A new assessment to fill in (questionnaire.h). */
	char *py_template_json(const char *id, const char *date, int target, itsma_error *err) {
		char *out = NULL;
		if (itsma_assessment_template_json(&out, $self, id, date, target, err) < 0)
			return NULL;
		return out;
	}
	/* [(kind, subject, message)] of a lint run. */
	PyObject *py_lint(const char *const *clauses, size_t clause_count, unsigned int skip,
	                  itsma_error *err) {
		itsma_lint_options o = ITSMA_LINT_OPTIONS_INIT;
		itsma_py_lint pl;
		int rc;
		o.clauses = clauses;
		o.clause_count = clause_count;
		o.skip = skip;
		pl.list = PyList_New(0);
		if (!pl.list)
			return NULL;
		rc = itsma_catalogue_lint(NULL, $self, &o, itsma_py_lint_cb, &pl, err);
		if (rc != 0) {
			Py_DECREF(pl.list);
			if (rc > 0 && !PyErr_Occurred())
				PyErr_NoMemory();
			return NULL;
		}
		return pl.list;
	}
}

/* ---- assessments ------------------------------------------------------------------------------ */

%extend itsma_assessment {
	/* x- extensions: what 0 = the assessment, 1 = evidence `id`, 2 = the rating of
	 * requirement `id`, 3 = the rating of attribute `attribute` of process `id`; json NULL
	 * removes. */
	void py_set_extension(int what, const char *id, int attribute, const char *key,
	                      const char *json, itsma_error *err) {
		const void *o = NULL;
		if (what == 0) {
			(void)itsma_assessment_set_extension($self, key, json, err);
			return;
		}
		if (what == 1)
			o = itsma_assessment_find_evidence($self, id ? id : "");
		else if (what == 2)
			o = itsma_assessment_find_rating($self, id ? id : "");
		else
			o = itsma_assessment_find_attribute($self, id ? id : "", (itsma_attribute)attribute);
		if (!o) {
			err->code = ITSMA_ENOTFOUND;
			snprintf(err->message, sizeof err->message, "no such record \"%.60s\"", id ? id : "");
			return;
		}
		if (what == 1)
			(void)itsma_evidence_set_extension($self, o, key, json, err);
		else if (what == 2)
			(void)itsma_rating_set_extension($self, o, key, json, err);
		else
			(void)itsma_attribute_rating_set_extension($self, o, key, json, err);
	}
	~itsma_assessment() { itsma_assessment_free($self); }

	static itsma_assessment *py_load_file(const char *path, const itsma_catalogue *cat,
	                                      unsigned int max_depth, size_t max_string,
	                                      size_t max_records, size_t max_bytes,
	                                      itsma_error *err) {
		itsma_assessment *a = NULL;
		itsma_load_options o;
		itsma_py_limits(&o, max_depth, max_string, max_records, max_bytes);
		if (itsma_assessment_load_file(&a, path, cat, &o, err) < 0)
			return NULL;
		return a;
	}
	static itsma_assessment *py_load_buffer(const char *buf, size_t len, const char *source_name,
	                                        const itsma_catalogue *cat, unsigned int max_depth,
	                                        size_t max_string, size_t max_records,
	                                        size_t max_bytes, itsma_error *err) {
		itsma_assessment *a = NULL;
		itsma_load_options o;
		itsma_py_limits(&o, max_depth, max_string, max_records, max_bytes);
		if (itsma_assessment_load_buffer(&a, buf, len, source_name, cat, &o, err) < 0)
			return NULL;
		return a;
	}
	static itsma_assessment *py_create(const itsma_catalogue *cat, const char *id,
	                                   const char *date, itsma_error *err) {
		itsma_assessment *a = NULL;
		if (itsma_assessment_new(&a, cat, id, date, err) < 0)
			return NULL;
		return a;
	}
	/* An independent copy (itsma_assessment_clone), borrowing the same catalogue. */
	itsma_assessment *py_clone(itsma_error *err) {
		itsma_assessment *out = NULL;
		if (itsma_assessment_clone(&out, $self, err) < 0)
			return NULL;
		return out;
	}
	char *py_to_json(itsma_error *err) {
		char *out = NULL;
		if (itsma_assessment_to_json(&out, $self, err) < 0)
			return NULL;
		return out;
	}
	void py_save_file(const char *path, itsma_error *err) {
		if (itsma_assessment_save_file($self, path, err) < 0)
			return;
	}
	void py_set_id(const char *value, itsma_error *err) {
		if (itsma_assessment_set_id($self, value, err) < 0)
			return;
	}
	void py_set_date(const char *value, itsma_error *err) {
		if (itsma_assessment_set_date($self, value, err) < 0)
			return;
	}
	void py_set_title(const char *value, itsma_error *err) {
		if (itsma_assessment_set_title($self, value, err) < 0)
			return;
	}
	void py_set_organisation(const char *value, itsma_error *err) {
		if (itsma_assessment_set_organisation($self, value, err) < 0)
			return;
	}
	void py_set_assessor(const char *value, itsma_error *err) {
		if (itsma_assessment_set_assessor($self, value, err) < 0)
			return;
	}
	void py_put_evidence(const char *id, const char *title, const char *kind,
	                     const char *collected, const char *expires, const char *uri,
	                     const char *sha256, const char *by, const char *note,
	                     itsma_error *err) {
		itsma_evidence_spec spec = ITSMA_EVIDENCE_SPEC_INIT;
		if (itsma_evidence_kind_parse(&spec.kind, kind, err) < 0)
			return;
		spec.id = id;
		spec.title = title;
		spec.collected = collected;
		spec.expires = expires;
		spec.uri = uri;
		spec.sha256 = sha256;
		spec.by = by;
		spec.note = note;
		if (itsma_assessment_put_evidence($self, &spec, err) < 0)
			return;
	}
	void py_remove_evidence(const char *id, itsma_error *err) {
		if (itsma_assessment_remove_evidence($self, id, err) < 0)
			return;
	}
	/* The requirement (process) by object when given, else by id. */
	void py_put_rating(const itsma_requirement *optional_requirement, const char *requirement_id,
	                   int letter, double value, const char *const *evidence,
	                   size_t evidence_count, const char *note, itsma_error *err) {
		itsma_rating_spec spec = ITSMA_RATING_SPEC_INIT;
		spec.requirement = optional_requirement;
		spec.requirement_id = requirement_id;
		spec.letter = (itsma_letter)letter;
		spec.value = value;
		spec.evidence = evidence;
		spec.evidence_count = evidence_count;
		spec.note = note;
		if (itsma_assessment_put_rating($self, &spec, err) < 0)
			return;
	}
	void py_remove_rating(const char *requirement_id, itsma_error *err) {
		if (itsma_assessment_remove_rating($self, requirement_id, err) < 0)
			return;
	}
	void py_remove_rating_of(const itsma_requirement *requirement, itsma_error *err) {
		if (itsma_assessment_remove_rating_of($self, requirement, err) < 0)
			return;
	}
	void py_put_attribute(const itsma_section *optional_process, const char *process_id,
	                      int attribute, int letter, double value, const char *const *evidence,
	                      size_t evidence_count, const char *note, itsma_error *err) {
		itsma_attribute_spec spec = ITSMA_ATTRIBUTE_SPEC_INIT;
		spec.process = optional_process;
		spec.process_id = process_id;
		spec.attribute = (itsma_attribute)attribute;
		spec.letter = (itsma_letter)letter;
		spec.value = value;
		spec.evidence = evidence;
		spec.evidence_count = evidence_count;
		spec.note = note;
		if (itsma_assessment_put_attribute($self, &spec, err) < 0)
			return;
	}
	void py_remove_attribute(const char *process_id, int attribute, itsma_error *err) {
		if (itsma_assessment_remove_attribute($self, process_id, (itsma_attribute)attribute, err) < 0)
			return;
	}
	void py_remove_attribute_of(const itsma_section *process, int attribute, itsma_error *err) {
		if (itsma_assessment_remove_attribute_of($self, process, (itsma_attribute)attribute, err) < 0)
			return;
	}
	void py_put_exclusion(const char *id, const char *reason, itsma_error *err) {
		if (itsma_assessment_put_exclusion($self, id, reason, err) < 0)
			return;
	}
	void py_remove_exclusion(const char *id, itsma_error *err) {
		if (itsma_assessment_remove_exclusion($self, id, err) < 0)
			return;
	}
	void py_set_target(int level, itsma_error *err) {
		if (itsma_assessment_set_target($self, level, err) < 0)
			return;
	}
	void py_set_process_target(const char *process, int level, itsma_error *err) {
		if (itsma_assessment_set_process_target($self, process, level, err) < 0)
			return;
	}
	void py_set_process_target_of(const itsma_section *process, int level, itsma_error *err) {
		if (itsma_assessment_set_process_target_of($self, process, level, err) < 0)
			return;
	}
	itsma_result *py_score(int policy, const char *section, itsma_error *err) {
		itsma_result *r = NULL;
		itsma_score_options o = ITSMA_SCORE_OPTIONS_INIT;
		o.evidence_policy = (itsma_evidence_policy)policy;
		o.section = section;
		if (itsma_score(&r, $self, &o, err) < 0)
			return NULL;
		return r;
	}
}

/* ---- results and diffs ------------------------------------------------------------------------ */

%extend itsma_result {
	~itsma_result() { itsma_result_free($self); }

	char *py_to_json(itsma_error *err) {
		char *out = NULL;
		if (itsma_result_to_json(&out, $self, err) < 0)
			return NULL;
		return out;
	}
	char *py_explain(const char *id, itsma_error *err) {
		char *out = NULL;
		if (itsma_result_explain(&out, $self, id, err) < 0)
			return NULL;
		return out;
	}
	/* A report (itsma/report.h) of this result, with a baseline result or None. */
	char *py_report(const itsma_result *baseline, int format, size_t top, unsigned int sections,
	                int colour, size_t width, itsma_error *err) {
		char *out = NULL;
		itsma_report_options o = ITSMA_REPORT_OPTIONS_INIT;
		o.format = (itsma_report_format)format;
		o.top = top;
		o.sections = sections;
		o.colour = colour;
		o.width = width;
		if (itsma_report_string(&out, NULL, $self, baseline, &o, err) < 0)
			return NULL;
		return out;
	}
	char *py_to_oscal_ar(itsma_error *err) {
		char *out = NULL;
		if (itsma_result_to_oscal_ar(&out, $self, err) < 0)
			return NULL;
		return out;
	}
	char *py_to_oscal_poam(itsma_error *err) {
		char *out = NULL;
		if (itsma_result_to_oscal_poam(&out, $self, err) < 0)
			return NULL;
		return out;
	}
	char *py_to_ciso_audit_csv(const char *packager, itsma_error *err) {
		char *out = NULL;
		if (itsma_result_to_ciso_audit_csv(&out, $self, packager, err) < 0)
			return NULL;
		return out;
	}
}

%extend itsma_diff {
	~itsma_diff() { itsma_diff_free($self); }

	static itsma_diff *py_compare(const itsma_result *before, const itsma_result *after,
	                              itsma_error *err) {
		itsma_diff *d = NULL;
		if (itsma_compare(&d, before, after, err) < 0)
			return NULL;
		return d;
	}
	char *py_to_json(itsma_error *err) {
		char *out = NULL;
		if (itsma_diff_to_json(&out, $self, err) < 0)
			return NULL;
		return out;
	}
	/* The comparison in words (text or Markdown); limit -1: the format's default. */
	char *py_report(int format, int colour, long limit, itsma_error *err) {
		char *out = NULL;
		itsma_report_options o = ITSMA_REPORT_OPTIONS_INIT;
		o.format = (itsma_report_format)format;
		o.colour = colour;
		o.limit = limit < 0 ? ITSMA_REPORT_LIMIT_DEFAULT : (size_t)limit;
		if (itsma_diff_report_string(&out, NULL, $self, &o, err) < 0)
			return NULL;
		return out;
	}
}

/*
 * A trend over results (itsma/trend.h). It borrows the C results: the Python Trend keeps
 * the Result objects alive. Made from a sequence of CResult proxies (the GIL is held while
 * they are read).
 */
%extend itsma_trend {
	~itsma_trend() { itsma_trend_free($self); }

	static itsma_trend *py_create(PyObject *results, itsma_error *err) {
		itsma_trend *t = NULL;
		PyObject *seq = PySequence_Fast(results, "results must be a sequence");
		Py_ssize_t n;
		const itsma_result **rs;
		if (!seq) {
			PyErr_Clear();
			err->code = ITSMA_EINVAL;
			snprintf(err->message, sizeof err->message, "results must be a sequence of results");
			return NULL;
		}
		n = PySequence_Fast_GET_SIZE(seq);
		rs = (const itsma_result **)calloc((size_t)n + 1, sizeof *rs);
		if (!rs) {
			Py_DECREF(seq);
			err->code = ITSMA_ENOMEM;
			snprintf(err->message, sizeof err->message, "out of memory");
			return NULL;
		}
		for (Py_ssize_t i = 0; i < n; i++) {
			void *p = NULL;
			if (!SWIG_IsOK(SWIG_ConvertPtr(PySequence_Fast_GET_ITEM(seq, i), &p, SWIGTYPE_p_itsma_result, 0)) || !p) {
				free(rs);
				Py_DECREF(seq);
				err->code = ITSMA_EINVAL;
				snprintf(err->message, sizeof err->message, "item %zd of the results is not a result", i);
				return NULL;
			}
			rs[i] = (const itsma_result *)p;
		}
		if (itsma_trend_new(&t, rs, (size_t)n, err) < 0)
			t = NULL;
		free(rs);
		Py_DECREF(seq);
		return t;
	}
	char *py_report(int format, int colour, size_t width, itsma_error *err) {
		char *out = NULL;
		itsma_report_options o = ITSMA_REPORT_OPTIONS_INIT;
		o.format = (itsma_report_format)format;
		o.colour = colour;
		o.width = width;
		if (itsma_trend_report_string(&out, NULL, $self, &o, err) < 0)
			return NULL;
		return out;
	}
}

/*
 * The live scorer. It borrows the C assessment it is created on: the Python Scorer keeps
 * that assessment (a private copy nobody else sees) alive for as long as the scorer, and is
 * its only writer. Single changes are microseconds: they keep the GIL.
 */
%extend itsma_scorer {
	~itsma_scorer() { itsma_scorer_free($self); }

	static itsma_scorer *py_create(itsma_assessment *a, int policy, itsma_error *err) {
		itsma_scorer *s = NULL;
		itsma_score_options o = ITSMA_SCORE_OPTIONS_INIT;
		o.evidence_policy = (itsma_evidence_policy)policy;
		if (itsma_scorer_new(&s, a, &o, err) < 0)
			return NULL;
		return s;
	}
	void py_put_evidence(const char *id, const char *title, const char *kind,
	                     const char *collected, const char *expires, const char *uri,
	                     const char *sha256, const char *by, const char *note,
	                     itsma_error *err) {
		itsma_evidence_spec spec = ITSMA_EVIDENCE_SPEC_INIT;
		if (itsma_evidence_kind_parse(&spec.kind, kind, err) < 0)
			return;
		spec.id = id;
		spec.title = title;
		spec.collected = collected;
		spec.expires = expires;
		spec.uri = uri;
		spec.sha256 = sha256;
		spec.by = by;
		spec.note = note;
		if (itsma_scorer_put_evidence($self, &spec, err) < 0)
			return;
	}
	void py_remove_evidence(const char *id, itsma_error *err) {
		if (itsma_scorer_remove_evidence($self, id, err) < 0)
			return;
	}
	/* The requirement (process) by object when given, else by id. */
	void py_put_rating(const itsma_requirement *optional_requirement, const char *requirement_id,
	                   int letter, double value, const char *const *evidence,
	                   size_t evidence_count, const char *note, itsma_error *err) {
		itsma_rating_spec spec = ITSMA_RATING_SPEC_INIT;
		spec.requirement = optional_requirement;
		spec.requirement_id = requirement_id;
		spec.letter = (itsma_letter)letter;
		spec.value = value;
		spec.evidence = evidence;
		spec.evidence_count = evidence_count;
		spec.note = note;
		if (itsma_scorer_put_rating($self, &spec, err) < 0)
			return;
	}
	void py_remove_rating(const char *requirement_id, itsma_error *err) {
		if (itsma_scorer_remove_rating($self, requirement_id, err) < 0)
			return;
	}
	void py_remove_rating_of(const itsma_requirement *requirement, itsma_error *err) {
		if (itsma_scorer_remove_rating_of($self, requirement, err) < 0)
			return;
	}
	void py_put_attribute(const itsma_section *optional_process, const char *process_id,
	                      int attribute, int letter, double value, const char *const *evidence,
	                      size_t evidence_count, const char *note, itsma_error *err) {
		itsma_attribute_spec spec = ITSMA_ATTRIBUTE_SPEC_INIT;
		spec.process = optional_process;
		spec.process_id = process_id;
		spec.attribute = (itsma_attribute)attribute;
		spec.letter = (itsma_letter)letter;
		spec.value = value;
		spec.evidence = evidence;
		spec.evidence_count = evidence_count;
		spec.note = note;
		if (itsma_scorer_put_attribute($self, &spec, err) < 0)
			return;
	}
	void py_remove_attribute(const char *process_id, int attribute, itsma_error *err) {
		if (itsma_scorer_remove_attribute($self, process_id, (itsma_attribute)attribute, err) < 0)
			return;
	}
	void py_remove_attribute_of(const itsma_section *process, int attribute, itsma_error *err) {
		if (itsma_scorer_remove_attribute_of($self, process, (itsma_attribute)attribute, err) < 0)
			return;
	}
	void py_rescore(itsma_error *err) {
		if (itsma_scorer_rescore($self, err) < 0)
			return;
	}
	char *py_to_json(itsma_error *err) {
		char *out = NULL;
		if (itsma_result_to_json(&out, itsma_scorer_result($self), err) < 0)
			return NULL;
		return out;
	}
	char *py_explain(const char *id, itsma_error *err) {
		char *out = NULL;
		if (itsma_result_explain(&out, itsma_scorer_result($self), id, err) < 0)
			return NULL;
		return out;
	}
	/* An independent result of the state now (itsma_result_clone): it owns its copy of the
	 * assessment and borrows the catalogue. */
	itsma_result *py_snapshot(itsma_error *err) {
		itsma_result *out = NULL;
		if (itsma_result_clone(&out, itsma_scorer_result($self), err) < 0)
			return NULL;
		return out;
	}
	/* (changes applied incrementally, changes that scored from scratch) */
	PyObject *py_stats() {
		size_t inc = 0, full = 0;
		itsma_scorer_stats(&inc, &full, $self);
		return Py_BuildValue("(nn)", (Py_ssize_t)inc, (Py_ssize_t)full);
	}
}

/* ---- module-level helpers ------------------------------------------------------------------- */

%{
/* A C string or None. */
static PyObject *itsma_py_str_or_none(const char *s)
{
	if (!s)
		Py_RETURN_NONE;
	return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "surrogateescape");
}

/* The ids of evidence records cited by a rating or attribute rating (count, at). */
static PyObject *itsma_py_evidence_ids(size_t n, const itsma_evidence *(*at)(const void *, size_t),
                                       const void *owner)
{
	size_t i;
	PyObject *t = PyTuple_New((Py_ssize_t)n);
	if (!t)
		return NULL;
	for (i = 0; i < n; i++) {
		const itsma_evidence *e = at(owner, i);
		PyObject *s = itsma_py_str_or_none(e ? itsma_evidence_id(e) : NULL);
		if (!s) {
			Py_DECREF(t);
			return NULL;
		}
		PyTuple_SET_ITEM(t, (Py_ssize_t)i, s);
	}
	return t;
}

static const itsma_evidence *itsma_py_rating_ev(const void *r, size_t i)
{
	return itsma_rating_evidence_at((const itsma_rating *)r, i);
}

static const itsma_evidence *itsma_py_attribute_ev(const void *r, size_t i)
{
	return itsma_attribute_rating_evidence_at((const itsma_attribute_rating *)r, i);
}
%}

%{
/* Problems of a validation run, collected as itsma._errors._from_c argument tuples. The run
 * releases the GIL; the callback takes it back for each problem. */
typedef struct itsma_py_problems {
	PyObject *list;
	int failed; /* a Python error is pending: the run was stopped */
} itsma_py_problems;

static int itsma_py_problem_cb(const itsma_error *e, void *payload)
{
	itsma_py_problems *pp = (itsma_py_problems *)payload;
	PyGILState_STATE g = PyGILState_Ensure();
	PyObject *t = Py_BuildValue("(iNNiiNNi)", e->code, itsma_py_text(e->message),
	                            itsma_py_text(e->source), e->line, e->column,
	                            PyLong_FromSize_t(e->offset), itsma_py_text(e->pointer),
	                            e->sys_errno);
	int stop = 0;
	if (!t || PyList_Append(pp->list, t) < 0) {
		pp->failed = 1;
		stop = 1;
	}
	Py_XDECREF(t);
	PyGILState_Release(g);
	return stop;
}

/* Findings of an evidence verification, collected as tuples. */
static PyObject *itsma_py_opt_text(const char *s)
{
	if (!s)
		Py_RETURN_NONE;
	return itsma_py_text(s);
}

typedef struct itsma_py_findings {
	PyObject *list;
	int failed; /* a Python error is pending: the run was stopped */
} itsma_py_findings;

static int itsma_py_finding_cb(const itsma_evidence_finding *f, void *payload)
{
	itsma_py_findings *pf = (itsma_py_findings *)payload;
	PyGILState_STATE g = PyGILState_Ensure();
	PyObject *t = Py_BuildValue("(NiNNNiK)", itsma_py_text(itsma_evidence_id(f->evidence)),
	                            (int)f->check, itsma_py_opt_text(f->path),
	                            itsma_py_opt_text(f->actual_sha256), itsma_py_opt_text(f->reason),
	                            f->sys_errno, f->size);
	int stop = 0;
	if (!t || PyList_Append(pf->list, t) < 0) {
		pf->failed = 1;
		stop = 1;
	}
	Py_XDECREF(t);
	PyGILState_Release(g);
	return stop;
}

/* (document kind, [problem tuples]) of a validation run; NULL with an exception set. */
static PyObject *itsma_py_validation(itsma_py_problems *pp, int rc, itsma_document_kind kind)
{
	if (pp->failed || (rc == ITSMA_ENOMEM && PyList_GET_SIZE(pp->list) == 0)) {
		if (!pp->failed)
			PyErr_NoMemory();
		Py_DECREF(pp->list);
		return NULL;
	}
	return Py_BuildValue("(iN)", (int)kind, pp->list);
}
%}

%inline %{
/* Validate a document in memory: (kind, problems). Never raises for the document's own
 * problems: they are in the list. */
static PyObject *itsma_py_validate_buffer(const char *buf, size_t len, const char *source_name,
                                          const itsma_catalogue *cat)
{
	itsma_py_problems pp;
	itsma_document_kind kind = ITSMA_DOCUMENT_KIND_UNKNOWN;
	int rc;
	pp.list = PyList_New(0);
	pp.failed = 0;
	if (!pp.list)
		return NULL;
	Py_BEGIN_ALLOW_THREADS
	rc = itsma_validate_buffer(&kind, buf, len, source_name, cat, itsma_py_problem_cb, &pp, NULL);
	Py_END_ALLOW_THREADS
	return itsma_py_validation(&pp, rc, kind);
}

/* Validate a file: (kind, problems); an unreadable file is one EIO problem. */
static PyObject *itsma_py_validate_file(const char *path, const itsma_catalogue *cat)
{
	itsma_py_problems pp;
	itsma_document_kind kind = ITSMA_DOCUMENT_KIND_UNKNOWN;
	int rc;
	pp.list = PyList_New(0);
	pp.failed = 0;
	if (!pp.list)
		return NULL;
	Py_BEGIN_ALLOW_THREADS
	rc = itsma_validate_file(&kind, path, cat, itsma_py_problem_cb, &pp, NULL);
	Py_END_ALLOW_THREADS
	return itsma_py_validation(&pp, rc, kind);
}

/* ---- questionnaires (itsma/questionnaire.h) ----------------------------------------------- */

/* The questionnaire of a catalogue, pre-filled from `prefill` when it is not NULL. */
static char *itsma_py_questionnaire(const itsma_catalogue *cat, const itsma_assessment *prefill,
                                    int target, int delimiter, int bom, itsma_error *err)
{
	itsma_questionnaire_options o = ITSMA_QUESTIONNAIRE_OPTIONS_INIT;
	char *out = NULL;
	o.target = target;
	o.delimiter = (char)delimiter;
	o.no_bom = !bom;
	o.assessment = prefill;
	int rc;
	Py_BEGIN_ALLOW_THREADS
	rc = itsma_questionnaire_to_string(&out, cat, &o, err);
	Py_END_ALLOW_THREADS
	return rc == 0 ? out : NULL;
}

/* The evidence sheet: the header, and the evidence records of `prefill` when not NULL. */
static char *itsma_py_evidence_sheet(const itsma_assessment *prefill, int delimiter, int bom,
                                     itsma_error *err)
{
	itsma_questionnaire_options o = ITSMA_QUESTIONNAIRE_OPTIONS_INIT;
	char *out = NULL;
	o.delimiter = (char)delimiter;
	o.no_bom = !bom;
	o.assessment = prefill;
	int rc;
	Py_BEGIN_ALLOW_THREADS
	rc = itsma_evidence_sheet_to_string(&out, &o, err);
	Py_END_ALLOW_THREADS
	return rc == 0 ? out : NULL;
}
%}

%{
/* bytes or str (as UTF-8) without copying, or None (NULL); 0, or -1 with TypeError set. */
static int itsma_py_csv_input(PyObject *o, const char **data, size_t *len, const char *what)
{
	Py_ssize_t n = 0;
	char *b = NULL;
	*data = NULL;
	*len = 0;
	if (o == Py_None)
		return 0;
	if (PyBytes_Check(o)) {
		if (PyBytes_AsStringAndSize(o, &b, &n) < 0)
			return -1;
		*data = b;
	} else if (PyUnicode_Check(o)) {
		*data = PyUnicode_AsUTF8AndSize(o, &n);
		if (!*data)
			return -1;
	} else {
		PyErr_Format(PyExc_TypeError, "%s must be str or bytes, not %.100s", what,
		             Py_TYPE(o)->tp_name);
		return -1;
	}
	*len = (size_t)n;
	return 0;
}
%}

%inline %{
/*
 * Import a questionnaire (and an evidence sheet, or None): (CAssessment or None, [problem
 * tuples]). Never raises for the files' own problems: they are in the list.
 */
static PyObject *itsma_py_questionnaire_import(PyObject *questionnaire, const char *source,
                                               PyObject *evidence, const char *evidence_source,
                                               const itsma_catalogue *cat, const char *id,
                                               const char *date, int delimiter)
{
	itsma_py_problems pp;
	itsma_import_options o = ITSMA_IMPORT_OPTIONS_INIT;
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_assessment *a = NULL;
	const char *q = NULL, *ev = NULL;
	size_t qlen = 0, evlen = 0;
	int rc;
	if (questionnaire == Py_None) {
		PyErr_SetString(PyExc_TypeError, "questionnaire must be str or bytes, not None");
		return NULL;
	}
	if (itsma_py_csv_input(questionnaire, &q, &qlen, "questionnaire") < 0 ||
	    itsma_py_csv_input(evidence, &ev, &evlen, "evidence") < 0)
		return NULL;
	pp.list = PyList_New(0);
	pp.failed = 0;
	if (!pp.list)
		return NULL;
	o.catalogue = cat;
	o.id = id;
	o.date = date;
	o.delimiter = (char)delimiter;
	o.problem = itsma_py_problem_cb;
	o.payload = &pp;
	Py_BEGIN_ALLOW_THREADS
	rc = itsma_questionnaire_import(&a, q, qlen, source, ev, evlen, evidence_source, &o, &err);
	Py_END_ALLOW_THREADS
	if (pp.failed) {
		Py_DECREF(pp.list);
		itsma_assessment_free(a);
		return NULL;
	}
	if (rc != 0 && PyList_GET_SIZE(pp.list) == 0) { /* bad options, out of memory */
		Py_DECREF(pp.list);
		itsma_py_raise(&err);
		return NULL;
	}
	PyObject *obj = a ? SWIG_NewPointerObj(a, SWIGTYPE_p_itsma_assessment, SWIG_POINTER_OWN)
	                  : (Py_INCREF(Py_None), Py_None);
	return Py_BuildValue("(NN)", obj, pp.list);
}

/* Evidence verification: a list of (evidence id, check, path, actual sha256, reason, errno,
 * size) tuples, one per record. Runs without the GIL; the callback takes it per record. */
static PyObject *itsma_py_verify_evidence(const itsma_assessment *a, const char *root,
                                          unsigned long long max_bytes, itsma_error *err)
{
	itsma_py_findings pf;
	int rc;
	pf.list = PyList_New(0);
	pf.failed = 0;
	if (!pf.list)
		return NULL;
	Py_BEGIN_ALLOW_THREADS
	rc = itsma_evidence_verify(a, root, max_bytes, itsma_py_finding_cb, &pf, err);
	Py_END_ALLOW_THREADS
	if (pf.failed || rc != 0) {
		if (rc > 0 && !pf.failed)
			PyErr_SetString(PyExc_RuntimeError, "evidence verification stopped");
		Py_DECREF(pf.list);
		return NULL;
	}
	return pf.list;
}

%}

%{
/* The sink of itsma_py_evidence_report: a growing malloc'd text. */
typedef struct itsma_py_growing {
	char *data;
	size_t len, cap;
} itsma_py_growing;

static int itsma_py_growing_sink(void *payload, const char *data, size_t len)
{
	itsma_py_growing *t = (itsma_py_growing *)payload;
	if (t->len + len + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 4096;
		char *p;
		while (cap < t->len + len + 1)
			cap *= 2;
		if (!(p = (char *)realloc(t->data, cap)))
			return -1;
		t->data = p;
		t->cap = cap;
	}
	memcpy(t->data + t->len, data, len);
	t->len += len;
	return 0;
}

%}

%inline %{
/* Evidence verification in words (itsma_evidence_verify_report): (text, checked, ok).
 * Runs without the GIL. */
static PyObject *itsma_py_evidence_report(const itsma_assessment *a, const char *root, unsigned int flags,
                                          itsma_error *err)
{
	itsma_py_growing t = { NULL, 0, 0 };
	size_t checked = 0, ok = 0;
	int rc;
	PyObject *out = NULL;
	Py_BEGIN_ALLOW_THREADS
	rc = itsma_evidence_verify_report(&checked, &ok, a, root, flags, itsma_py_growing_sink, &t, err);
	Py_END_ALLOW_THREADS
	if (rc == 0)
		out = Py_BuildValue("(s#nn)", t.data ? t.data : "", (Py_ssize_t)t.len, (Py_ssize_t)checked,
		                    (Py_ssize_t)ok);
	free(t.data);
	return out;
}

/* (letter, value) of a rating written as text ("L+", "72.5"). */
static PyObject *itsma_py_rating_parse(const char *text, itsma_error *err)
{
	itsma_letter letter = ITSMA_LETTER_NONE;
	double value = 0;
	if (itsma_rating_parse(&letter, &value, text, err) < 0)
		return NULL;
	return Py_BuildValue("(id)", (int)letter, value);
}

/* The day number of a date "YYYY-MM-DD". */
static long itsma_py_date_parse(const char *text, itsma_error *err)
{
	long days = 0;
	if (itsma_date_parse(&days, text, err) < 0)
		return 0;
	return days;
}

/* The date "YYYY-MM-DD" of a day number. */
static PyObject *itsma_py_date_format(long days)
{
	char buf[ITSMA_DATE_SIZE];
	if (!itsma_date_format(buf, sizeof buf, days)) {
		PyErr_Format(PyExc_ValueError, "day %ld is outside the years 0 to 9999", days);
		return NULL;
	}
	return PyUnicode_FromString(buf);
}

/* The JSON text of the i-th built-in catalogue, or None. */
static PyObject *itsma_py_builtin_json(size_t index)
{
	size_t len = 0;
	const char *s = itsma_catalogue_builtin_json(&len, index);
	if (!s)
		Py_RETURN_NONE;
	return PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "strict");
}

/* The clause list shipped with the i-th built-in catalogue (clause TAB title per line), or None. */
static PyObject *itsma_py_builtin_clauses(size_t index)
{
	size_t len = 0;
	const char *s = itsma_catalogue_builtin_clauses(&len, index);
	if (!s)
		Py_RETURN_NONE;
	return PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "strict");
}

/*
 * Snapshots of assessment records, one call each:
 * evidence: (id, title, kind, collected, expires, uri, sha256, by, note, current)
 * rating: (requirement id, letter, value, evidence ids, note)
 * attribute rating: (process id, attribute, letter, value, evidence ids, note)
 * exclusion: (id, reason)
 */
static PyObject *itsma_py_evidence_record(const itsma_evidence *e, long day)
{
	return Py_BuildValue("(NNiNNNNNNO)", itsma_py_str_or_none(itsma_evidence_id(e)),
	                     itsma_py_str_or_none(itsma_evidence_title(e)),
	                     (int)itsma_evidence_kind_of(e),
	                     itsma_py_str_or_none(itsma_evidence_collected(e)),
	                     itsma_py_str_or_none(itsma_evidence_expires(e)),
	                     itsma_py_str_or_none(itsma_evidence_uri(e)),
	                     itsma_py_str_or_none(itsma_evidence_sha256(e)),
	                     itsma_py_str_or_none(itsma_evidence_by(e)),
	                     itsma_py_str_or_none(itsma_evidence_note(e)),
	                     itsma_evidence_is_current(e, day) ? Py_True : Py_False);
}

/* The provenance of a carried rating: (mapping, relationship, (sources...), review) or None. */
static PyObject *itsma_py_carried(int carried, const char *mapping, itsma_relationship rel, int review,
                                  size_t n, const char *(*at)(const void *, size_t), const void *r)
{
	PyObject *ids;
	size_t i;
	if (!carried)
		Py_RETURN_NONE;
	ids = PyTuple_New((Py_ssize_t)n);
	if (!ids)
		return NULL;
	for (i = 0; i < n; i++) {
		PyObject *s = itsma_py_str_or_none(at(r, i));
		if (!s) {
			Py_DECREF(ids);
			return NULL;
		}
		PyTuple_SET_ITEM(ids, (Py_ssize_t)i, s);
	}
	return Py_BuildValue("(NsNO)", itsma_py_str_or_none(mapping), itsma_relationship_name(rel), ids,
	                     review ? Py_True : Py_False);
}

static const char *itsma_py_rating_src(const void *r, size_t i)
{
	return itsma_rating_carried_source_at((const itsma_rating *)r, i);
}

static const char *itsma_py_attribute_src(const void *r, size_t i)
{
	return itsma_attribute_rating_carried_source_at((const itsma_attribute_rating *)r, i);
}

static PyObject *itsma_py_rating_record(const itsma_rating *r)
{
	const itsma_requirement *q = itsma_rating_requirement(r);
	return Py_BuildValue("(NidNNN)", itsma_py_str_or_none(q ? itsma_requirement_id(q) : NULL),
	                     (int)itsma_rating_letter(r), itsma_rating_value(r),
	                     itsma_py_evidence_ids(itsma_rating_evidence_count(r), itsma_py_rating_ev, r),
	                     itsma_py_str_or_none(itsma_rating_note(r)),
	                     itsma_py_carried(itsma_rating_is_carried(r), itsma_rating_carried_mapping(r),
	                                      itsma_rating_carried_relationship(r),
	                                      itsma_rating_carried_review(r),
	                                      itsma_rating_carried_source_count(r), itsma_py_rating_src, r));
}

static PyObject *itsma_py_attribute_record(const itsma_attribute_rating *r)
{
	const itsma_section *p = itsma_attribute_rating_process(r);
	return Py_BuildValue("(NiidNNN)", itsma_py_str_or_none(p ? itsma_section_id(p) : NULL),
	                     (int)itsma_attribute_rating_attribute(r),
	                     (int)itsma_attribute_rating_letter(r), itsma_attribute_rating_value(r),
	                     itsma_py_evidence_ids(itsma_attribute_rating_evidence_count(r),
	                                           itsma_py_attribute_ev, r),
	                     itsma_py_str_or_none(itsma_attribute_rating_note(r)),
	                     itsma_py_carried(itsma_attribute_rating_is_carried(r),
	                                      itsma_attribute_rating_carried_mapping(r),
	                                      itsma_attribute_rating_carried_relationship(r),
	                                      itsma_attribute_rating_carried_review(r),
	                                      itsma_attribute_rating_carried_source_count(r),
	                                      itsma_py_attribute_src, r));
}

static PyObject *itsma_py_exclusion_record(const itsma_exclusion *x)
{
	return Py_BuildValue("(NN)", itsma_py_str_or_none(itsma_exclusion_id(x)),
	                     itsma_py_str_or_none(itsma_exclusion_reason(x)));
}

/*
 * Look up and snapshot an assessment record in one call, so that no other thread can
 * remove the record between the two (each wrapper call holds the GIL). None when absent.
 */
static PyObject *itsma_py_evidence_at(const itsma_assessment *a, size_t index)
{
	const itsma_evidence *e = itsma_assessment_evidence_at(a, index);
	if (!e)
		Py_RETURN_NONE;
	return itsma_py_evidence_record(e, itsma_assessment_day(a));
}

static PyObject *itsma_py_evidence_find(const itsma_assessment *a, const char *id)
{
	const itsma_evidence *e = itsma_assessment_find_evidence(a, id);
	if (!e)
		Py_RETURN_NONE;
	return itsma_py_evidence_record(e, itsma_assessment_day(a));
}

static PyObject *itsma_py_rating_at(const itsma_assessment *a, size_t index)
{
	const itsma_rating *r = itsma_assessment_rating_at(a, index);
	if (!r)
		Py_RETURN_NONE;
	return itsma_py_rating_record(r);
}

static PyObject *itsma_py_rating_find(const itsma_assessment *a, const char *requirement_id)
{
	const itsma_rating *r = itsma_assessment_find_rating(a, requirement_id);
	if (!r)
		Py_RETURN_NONE;
	return itsma_py_rating_record(r);
}

static PyObject *itsma_py_attribute_at(const itsma_assessment *a, size_t index)
{
	const itsma_attribute_rating *r = itsma_assessment_attribute_at(a, index);
	if (!r)
		Py_RETURN_NONE;
	return itsma_py_attribute_record(r);
}

static PyObject *itsma_py_attribute_find(const itsma_assessment *a, const char *process_id,
                                         int attribute)
{
	const itsma_attribute_rating *r;
	if (attribute < 0 || attribute >= (int)ITSMA_ATTRIBUTE_COUNT)
		Py_RETURN_NONE;
	r = itsma_assessment_find_attribute(a, process_id, (itsma_attribute)attribute);
	if (!r)
		Py_RETURN_NONE;
	return itsma_py_attribute_record(r);
}

static PyObject *itsma_py_exclusion_at(const itsma_assessment *a, size_t index)
{
	const itsma_exclusion *x = itsma_assessment_exclusion_at(a, index);
	if (!x)
		Py_RETURN_NONE;
	return itsma_py_exclusion_record(x);
}

static PyObject *itsma_py_exclusion_find(const itsma_assessment *a, const char *id)
{
	const itsma_exclusion *x = itsma_assessment_find_exclusion(a, id);
	if (!x)
		Py_RETURN_NONE;
	return itsma_py_exclusion_record(x);
}

/* [(process id, level)] of the per-process targets. */
static PyObject *itsma_py_process_targets(const itsma_assessment *a)
{
	size_t i, n = itsma_assessment_process_target_count(a);
	PyObject *list = PyList_New(0);
	if (!list)
		return NULL;
	for (i = 0; i < n; i++) {
		const itsma_section *p = NULL;
		int level = itsma_assessment_process_target_at(&p, a, i);
		PyObject *item;
		if (level < 0 || !p)
			continue;
		item = Py_BuildValue("(Ni)", itsma_py_str_or_none(itsma_section_id(p)), level);
		if (!item || PyList_Append(list, item) < 0) {
			Py_XDECREF(item);
			Py_DECREF(list);
			return NULL;
		}
		Py_DECREF(item);
	}
	return list;
}

/* [(attribute, letter, needed)] standing in the way of a capability gap. */
static PyObject *itsma_py_capability_gap_attributes(const itsma_capability_gap *g)
{
	size_t i, n = itsma_capability_gap_attribute_count(g);
	PyObject *list = PyList_New(0);
	if (!list)
		return NULL;
	for (i = 0; i < n; i++) {
		itsma_letter letter = ITSMA_LETTER_NONE, needed = ITSMA_LETTER_NONE;
		itsma_attribute a = itsma_capability_gap_attribute_at(&letter, &needed, g, i);
		PyObject *item;
		if (a == ITSMA_ATTRIBUTE_COUNT)
			break;
		item = Py_BuildValue("(iii)", (int)a, (int)letter, (int)needed);
		if (!item || PyList_Append(list, item) < 0) {
			Py_XDECREF(item);
			Py_DECREF(list);
			return NULL;
		}
		Py_DECREF(item);
	}
	return list;
}
%}

/* ---- mapping sets and carrying (itsma/mapping.h) ------------------------------------------------ */

ITSMA_NOGIL(itsma_mapping::py_load_file)
ITSMA_NOGIL(itsma_mapping::py_load_buffer)
ITSMA_NOGIL(itsma_mapping::py_builtin)
ITSMA_NOGIL(itsma_mapping::py_to_json)
ITSMA_NOGIL(itsma_mapping::py_to_markdown)
ITSMA_NOGIL(itsma_mapping::py_to_oscal)
ITSMA_NOGIL(itsma_mapping::py_to_ciso)
ITSMA_NOGIL(itsma_carry_report::py_transition_report)
%newobject itsma_mapping::py_load_file;
%newobject itsma_mapping::py_load_buffer;
%newobject itsma_mapping::py_builtin;
%newobject itsma_mapping::py_to_json;
%newobject itsma_mapping::py_to_markdown;
%newobject itsma_mapping::py_from_oscal;
%newobject itsma_mapping::py_from_ciso;
%newobject itsma_mapping::py_to_oscal;
%newobject itsma_mapping::py_to_ciso;
%newobject itsma_carry_report::py_transition_report;


%extend itsma_mapping {
	~itsma_mapping() { itsma_mapping_free($self); }

	static itsma_mapping *py_load_file(const char *path, const itsma_catalogue *source_cat,
	                                   const itsma_catalogue *target_cat, itsma_error *err) {
		itsma_mapping *m = NULL;
		itsma_mapping_catalogues c = ITSMA_MAPPING_CATALOGUES_INIT;
		c.source = source_cat;
		c.target = target_cat;
		if (itsma_mapping_load_file(&m, path, &c, err) < 0)
			return NULL;
		return m;
	}
	static itsma_mapping *py_load_buffer(const char *buf, size_t len, const char *source_name,
	                                     const itsma_catalogue *source_cat,
	                                     const itsma_catalogue *target_cat, itsma_error *err) {
		itsma_mapping *m = NULL;
		itsma_mapping_catalogues c = ITSMA_MAPPING_CATALOGUES_INIT;
		c.source = source_cat;
		c.target = target_cat;
		if (itsma_mapping_load_buffer(&m, buf, len, source_name, &c, err) < 0)
			return NULL;
		return m;
	}
	static itsma_mapping *py_builtin(const char *id, const itsma_catalogue *source_cat,
	                                 const itsma_catalogue *target_cat, itsma_error *err) {
		itsma_mapping *m = NULL;
		itsma_mapping_catalogues c = ITSMA_MAPPING_CATALOGUES_INIT;
		c.source = source_cat;
		c.target = target_cat;
		if (itsma_mapping_builtin(&m, id, &c, err) < 0)
			return NULL;
		return m;
	}
	char *py_to_json(itsma_error *err) {
		char *out = NULL;
		if (itsma_mapping_to_json(&out, $self, err) < 0)
			return NULL;
		return out;
	}
	char *py_to_markdown(itsma_error *err) {
		char *out = NULL;
		if (itsma_mapping_to_markdown(&out, $self, err) < 0)
			return NULL;
		return out;
	}
	/* OSCAL mapping-collection and CISO Assistant mapping sets (itsma/interop.h, docs/interop.md);
	 * warnings of the imports become Python UserWarnings (the GIL is held). */
	static itsma_mapping *py_from_oscal(const char *buf, size_t len, const char *source_name,
	                                    const char *mapping_id, itsma_error *err) {
		itsma_mapping *m = NULL;
		itsma_interop_options o = ITSMA_INTEROP_OPTIONS_INIT;
		o.warn = itsma_py_warn;
		o.catalogue_id = mapping_id;
		if (itsma_mapping_from_oscal(&m, buf, len, source_name, &o, err) != 0)
			return NULL;
		return m;
	}
	static itsma_mapping *py_from_ciso(const char *buf, size_t len, const char *source_name,
	                                   const itsma_catalogue *source, const itsma_catalogue *target,
	                                   const char *mapping_id, itsma_error *err) {
		itsma_mapping *m = NULL;
		itsma_interop_options o = ITSMA_INTEROP_OPTIONS_INIT;
		o.warn = itsma_py_warn;
		o.catalogue_id = mapping_id;
		if (itsma_mapping_from_ciso(&m, buf, len, source_name, source, target, &o, err) != 0)
			return NULL;
		return m;
	}
	char *py_to_oscal(itsma_error *err) {
		char *out = NULL;
		if (itsma_mapping_to_oscal(&out, $self, err) < 0)
			return NULL;
		return out;
	}
	char *py_to_ciso(const itsma_catalogue *source, const itsma_catalogue *target,
	                 const char *packager, itsma_error *err) {
		char *out = NULL;
		if (itsma_mapping_to_ciso(&out, $self, source, target, packager, err) < 0)
			return NULL;
		return out;
	}
}

%extend itsma_carry_report {
	~itsma_carry_report() { itsma_carry_report_free($self); }

	char *py_transition_report(const itsma_assessment *a, const itsma_mapping *mapping, int format,
	                           itsma_error *err) {
		char *out = NULL;
		if (itsma_transition_report(&out, a, $self, mapping, (itsma_transition_format)format, err) < 0)
			return NULL;
		return out;
	}
}

%inline %{
/* Carry an assessment: (CAssessment, CCarryReport), both owned by Python. */
static PyObject *itsma_py_carry(const itsma_assessment *source, const itsma_mapping *mapping,
                                const itsma_catalogue *target, const itsma_assessment *into,
                                itsma_error *err)
{
	itsma_assessment *out = NULL;
	itsma_carry_report *rep = NULL;
	PyObject *a, *r;
	int rc;
	Py_BEGIN_ALLOW_THREADS
	rc = itsma_assessment_carry(&out, &rep, source, mapping, target, into, err);
	Py_END_ALLOW_THREADS
	if (rc < 0)
		return NULL;
	a = SWIG_NewPointerObj(out, SWIGTYPE_p_itsma_assessment, SWIG_POINTER_OWN);
	if (!a) {
		itsma_assessment_free(out);
		itsma_carry_report_free(rep);
		return NULL;
	}
	r = SWIG_NewPointerObj(rep, SWIGTYPE_p_itsma_carry_report, SWIG_POINTER_OWN);
	if (!r) {
		Py_DECREF(a);
		itsma_carry_report_free(rep);
		return NULL;
	}
	return Py_BuildValue("(NN)", a, r);
}

/* The maps of a mapping: [(relationship, (sources...), (targets...), confidence, note)]. */
static PyObject *itsma_py_maps(const itsma_mapping *m)
{
	size_t i, j, n = itsma_mapping_map_count(m);
	PyObject *list = PyList_New((Py_ssize_t)n);
	if (!list)
		return NULL;
	for (i = 0; i < n; i++) {
		const itsma_map *map = itsma_mapping_map_at(m, i);
		PyObject *src = PyTuple_New((Py_ssize_t)itsma_map_source_count(map));
		PyObject *tgt = PyTuple_New((Py_ssize_t)itsma_map_target_count(map));
		PyObject *item;
		if (!src || !tgt) {
			Py_XDECREF(src);
			Py_XDECREF(tgt);
			Py_DECREF(list);
			return NULL;
		}
		for (j = 0; j < itsma_map_source_count(map); j++)
			PyTuple_SET_ITEM(src, (Py_ssize_t)j, itsma_py_str_or_none(itsma_map_source_at(map, j)));
		for (j = 0; j < itsma_map_target_count(map); j++)
			PyTuple_SET_ITEM(tgt, (Py_ssize_t)j, itsma_py_str_or_none(itsma_map_target_at(map, j)));
		item = Py_BuildValue("(sNNsN)", itsma_relationship_name(itsma_map_relationship(map)), src, tgt,
		                     itsma_confidence_name(itsma_map_confidence(map)),
		                     itsma_py_str_or_none(itsma_map_note(map)));
		if (!item) {
			Py_DECREF(list);
			return NULL;
		}
		PyList_SET_ITEM(list, (Py_ssize_t)i, item);
	}
	return list;
}
%}
