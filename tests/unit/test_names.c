/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The words of the public enumerations (issue 17 §2, common.h "Names"): for every
 * enumeration, every value's itsma_<type>_name() parses back to the value through
 * itsma_<type>_parse(); values without a word and values outside the enumeration are named
 * ""; unknown words (wrong case, spaces, "", NULL) give ITSMA_EINVAL with a message that
 * lists every accepted word; `out` may be NULL; `err` may be NULL and is reset on entry.
 * A scan of the public headers (include/itsma) checks that no enumeration is missing from the table
 * below and that each header declares both functions.
 */
#include "harness.h"

#include <ctype.h>
#include <dirent.h>

/* Adapters to one signature: name and parse of itsma_<type> through int. */
#define ADAPT(type)                                                                                \
	static const char *name_##type(int v) { return itsma_##type##_name((itsma_##type)v); }     \
	static int parse_##type(int *out, const char *word, itsma_error *err)                      \
	{                                                                                          \
		itsma_##type v = (itsma_##type)0;                                                  \
		int rc = itsma_##type##_parse(out ? &v : NULL, word, err);                         \
		if (rc == 0 && out)                                                                \
			*out = (int)v;                                                             \
		return rc;                                                                         \
	}

ADAPT(error_code)
ADAPT(letter)
ADAPT(attribute)
ADAPT(section_kind)
ADAPT(obligation)
ADAPT(basis)
ADAPT(exclusions)
ADAPT(lint_kind)
ADAPT(evidence_kind)
ADAPT(evidence_policy)
ADAPT(model)
ADAPT(verdict)
ADAPT(status)
ADAPT(nonconformity)
ADAPT(tally)
ADAPT(attribute_status)
ADAPT(evidence_problem)
ADAPT(warning_kind)
ADAPT(change)
ADAPT(nonconformity_change)
ADAPT(diff_tally)
ADAPT(document_kind)
ADAPT(evidence_check)
ADAPT(report_format)
ADAPT(report_section)
ADAPT(relationship)
ADAPT(mapping_method)
ADAPT(mapping_rationale)
ADAPT(mapping_status)
ADAPT(confidence)
ADAPT(carry_status)
ADAPT(transition_format)
ADAPT(catalogue_view)

#define MAX_VALUES 16

/* One enumeration: its values with a word, then the values that have none ("no value"
 * members and count sentinels), each list ended by END. */
typedef struct enum_case {
	const char *type;
	const char *(*name)(int);
	int (*parse)(int *, const char *, itsma_error *);
	int worded[MAX_VALUES];
	int wordless[4];
} enum_case;

#define END        (-12345)
#define CASE(type) #type, name_##type, parse_##type

static const enum_case enums[] = {
	{ CASE(error_code),
	  { ITSMA_OK, ITSMA_ERROR, ITSMA_ENOMEM, ITSMA_EINVAL, ITSMA_EIO, ITSMA_EPARSE,
	    ITSMA_ESCHEMA, ITSMA_ENOTFOUND, ITSMA_EEXISTS, ITSMA_ELIMIT, END },
	  { END } },
	{ CASE(letter),
	  { ITSMA_LETTER_N, ITSMA_LETTER_P_MINUS, ITSMA_LETTER_P, ITSMA_LETTER_P_PLUS,
	    ITSMA_LETTER_L_MINUS, ITSMA_LETTER_L, ITSMA_LETTER_L_PLUS, ITSMA_LETTER_F, END },
	  { ITSMA_LETTER_NONE, END } },
	{ CASE(attribute),
	  { ITSMA_PA1_1, ITSMA_PA2_1, ITSMA_PA2_2, ITSMA_PA3_1, ITSMA_PA3_2, ITSMA_PA4_1,
	    ITSMA_PA4_2, ITSMA_PA5_1, ITSMA_PA5_2, END },
	  { ITSMA_ATTRIBUTE_COUNT, END } },
	{ CASE(section_kind),
	  { ITSMA_SECTION_KIND_GROUP, ITSMA_SECTION_KIND_PROCESS, END },
	  { END } },
	{ CASE(obligation), { ITSMA_OBLIGATION_SHALL, ITSMA_OBLIGATION_SHOULD, END }, { END } },
	{ CASE(basis),
	  { ITSMA_BASIS_STANDARD, ITSMA_BASIS_GOOD_PRACTICE, END },
	  { ITSMA_BASIS_UNSPECIFIED, END } },
	{ CASE(exclusions),
	  { ITSMA_EXCLUSIONS_ALLOWED, ITSMA_EXCLUSIONS_FORBIDDEN, END },
	  { END } },
	{ CASE(lint_kind),
	  { ITSMA_LINT_KIND_SHALL_BASIS, ITSMA_LINT_KIND_SHALL_VERIFY,
	    ITSMA_LINT_KIND_GOOD_PRACTICE_SHALL, ITSMA_LINT_KIND_WEIGHT,
	    ITSMA_LINT_KIND_NO_GUIDANCE, ITSMA_LINT_KIND_SHALL_IN_TEXT,
	    ITSMA_LINT_KIND_DUPLICATE_TEXT, ITSMA_LINT_KIND_ID_FORM, ITSMA_LINT_KIND_MISSING_CLAUSE,
	    END },
	  { ITSMA_LINT_KIND_COUNT, END } },
	{ CASE(evidence_kind),
	  { ITSMA_EVIDENCE_KIND_DOCUMENT, ITSMA_EVIDENCE_KIND_RECORD, ITSMA_EVIDENCE_KIND_INTERVIEW,
	    ITSMA_EVIDENCE_KIND_OBSERVATION, ITSMA_EVIDENCE_KIND_METRIC, ITSMA_EVIDENCE_KIND_OTHER,
	    END },
	  { END } },
	{ CASE(evidence_policy),
	  { ITSMA_EVIDENCE_POLICY_REQUIRED, ITSMA_EVIDENCE_POLICY_ADVISORY, END },
	  { END } },
	{ CASE(model),
	  { ITSMA_MODEL_DEFAULT, ITSMA_MODEL_FLAT, ITSMA_MODEL_FLAT_UNWEIGHTED,
	    ITSMA_MODEL_ABSOLUTE, ITSMA_MODEL_SHALL, ITSMA_MODEL_SHOULD, END },
	  { ITSMA_MODEL_COUNT, END } },
	{ CASE(verdict),
	  { ITSMA_VERDICT_CONFORMANT, ITSMA_VERDICT_CONDITIONAL, ITSMA_VERDICT_INCOMPLETE,
	    ITSMA_VERDICT_NONCONFORMANT, END },
	  { END } },
	{ CASE(status),
	  { ITSMA_STATUS_RATED, ITSMA_STATUS_UNASSESSED, ITSMA_STATUS_UNSUPPORTED,
	    ITSMA_STATUS_EXCLUDED, END },
	  { END } },
	{ CASE(nonconformity),
	  { ITSMA_NONCONFORMITY_NONE, ITSMA_NONCONFORMITY_MINOR, ITSMA_NONCONFORMITY_MAJOR,
	    ITSMA_NONCONFORMITY_UNASSESSED, END },
	  { ITSMA_NONCONFORMITY_NULL, END } },
	{ CASE(tally),
	  { ITSMA_TALLY_TOTAL, ITSMA_TALLY_APPLICABLE, ITSMA_TALLY_EXCLUDED, ITSMA_TALLY_RATED,
	    ITSMA_TALLY_UNASSESSED, ITSMA_TALLY_UNSUPPORTED, ITSMA_TALLY_NC_MAJOR,
	    ITSMA_TALLY_NC_MINOR, ITSMA_TALLY_NC_UNASSESSED, ITSMA_TALLY_PROCESSES,
	    ITSMA_TALLY_TARGETS_SET, ITSMA_TALLY_TARGETS_MET, END },
	  { ITSMA_TALLY_COUNT, END } },
	{ CASE(attribute_status),
	  { ITSMA_ATTRIBUTE_STATUS_DERIVED, ITSMA_ATTRIBUTE_STATUS_RATED,
	    ITSMA_ATTRIBUTE_STATUS_UNASSESSED, ITSMA_ATTRIBUTE_STATUS_UNSUPPORTED, END },
	  { END } },
	{ CASE(evidence_problem),
	  { ITSMA_EVIDENCE_PROBLEM_UNUSED, ITSMA_EVIDENCE_PROBLEM_EXPIRED,
	    ITSMA_EVIDENCE_PROBLEM_FUTURE, END },
	  { END } },
	{ CASE(warning_kind),
	  { ITSMA_WARNING_KIND_EXCLUDED_RATING, ITSMA_WARNING_KIND_EXCLUDED_ATTRIBUTE,
	    ITSMA_WARNING_KIND_NO_APPLICABLE, END },
	  { ITSMA_WARNING_KIND_COUNT, END } },
	{ CASE(change),
	  { ITSMA_CHANGE_UNCHANGED, ITSMA_CHANGE_IMPROVED, ITSMA_CHANGE_REGRESSED,
	    ITSMA_CHANGE_EXCLUDED, ITSMA_CHANGE_INCLUDED, END },
	  { END } },
	{ CASE(nonconformity_change),
	  { ITSMA_NONCONFORMITY_CHANGE_CLOSED, ITSMA_NONCONFORMITY_CHANGE_OPENED,
	    ITSMA_NONCONFORMITY_CHANGE_CHANGED, END },
	  { END } },
	{ CASE(diff_tally),
	  { ITSMA_DIFF_TALLY_IMPROVED, ITSMA_DIFF_TALLY_REGRESSED, ITSMA_DIFF_TALLY_UNCHANGED,
	    ITSMA_DIFF_TALLY_SCOPE_CHANGES, ITSMA_DIFF_TALLY_NC_CLOSED, ITSMA_DIFF_TALLY_NC_OPENED,
	    ITSMA_DIFF_TALLY_NC_CHANGED, ITSMA_DIFF_TALLY_PROCESSES_IMPROVED,
	    ITSMA_DIFF_TALLY_PROCESSES_REGRESSED, ITSMA_DIFF_TALLY_PROCESSES_UNCHANGED, END },
	  { ITSMA_DIFF_TALLY_COUNT, END } },
	{ CASE(document_kind),
	  { ITSMA_DOCUMENT_KIND_CATALOGUE, ITSMA_DOCUMENT_KIND_ASSESSMENT,
	    ITSMA_DOCUMENT_KIND_MAPPING, END },
	  { ITSMA_DOCUMENT_KIND_UNKNOWN, END } },
	{ CASE(evidence_check),
	  { ITSMA_EVIDENCE_CHECK_OK, ITSMA_EVIDENCE_CHECK_CHANGED, ITSMA_EVIDENCE_CHECK_MISSING,
	    ITSMA_EVIDENCE_CHECK_REFUSED, ITSMA_EVIDENCE_CHECK_NOT_REGULAR,
	    ITSMA_EVIDENCE_CHECK_TOO_LARGE, ITSMA_EVIDENCE_CHECK_UNREADABLE,
	    ITSMA_EVIDENCE_CHECK_NOT_CHECKABLE, ITSMA_EVIDENCE_CHECK_NO_DIGEST, END },
	  { END } },
	{ CASE(report_format),
	  { ITSMA_REPORT_FORMAT_TEXT, ITSMA_REPORT_FORMAT_MD, ITSMA_REPORT_FORMAT_HTML,
	    ITSMA_REPORT_FORMAT_CSV, END },
	  { END } },
	{ CASE(report_section),
	  { ITSMA_REPORT_SECTION_SUMMARY, ITSMA_REPORT_SECTION_CLAUSES,
	    ITSMA_REPORT_SECTION_CAPABILITY, ITSMA_REPORT_SECTION_GAPS,
	    ITSMA_REPORT_SECTION_NONCONFORMITIES, ITSMA_REPORT_SECTION_EVIDENCE,
	    ITSMA_REPORT_SECTION_WARNINGS, ITSMA_REPORT_SECTION_CHANGES,
	    ITSMA_REPORT_SECTION_REQUIREMENTS, ITSMA_REPORT_SECTION_ALL, END },
	  { 0, ITSMA_REPORT_SECTION_SUMMARY | ITSMA_REPORT_SECTION_GAPS, END } },
	{ CASE(relationship),
	  { ITSMA_RELATIONSHIP_EQUAL_TO, ITSMA_RELATIONSHIP_EQUIVALENT_TO,
	    ITSMA_RELATIONSHIP_SUBSET_OF, ITSMA_RELATIONSHIP_SUPERSET_OF,
	    ITSMA_RELATIONSHIP_INTERSECTS_WITH, ITSMA_RELATIONSHIP_NO_RELATIONSHIP, END },
	  { END } },
	{ CASE(mapping_method),
	  { ITSMA_MAPPING_METHOD_HUMAN, ITSMA_MAPPING_METHOD_AUTOMATION,
	    ITSMA_MAPPING_METHOD_HYBRID, END },
	  { END } },
	{ CASE(mapping_rationale),
	  { ITSMA_MAPPING_RATIONALE_SYNTACTIC, ITSMA_MAPPING_RATIONALE_SEMANTIC,
	    ITSMA_MAPPING_RATIONALE_FUNCTIONAL, END },
	  { END } },
	{ CASE(mapping_status),
	  { ITSMA_MAPPING_STATUS_DRAFT, ITSMA_MAPPING_STATUS_COMPLETE,
	    ITSMA_MAPPING_STATUS_DEPRECATED, END },
	  { END } },
	{ CASE(confidence),
	  { ITSMA_CONFIDENCE_HIGH, ITSMA_CONFIDENCE_MEDIUM, ITSMA_CONFIDENCE_LOW, END },
	  { ITSMA_CONFIDENCE_NONE, END } },
	{ CASE(carry_status),
	  { ITSMA_CARRY_STATUS_CARRIED, ITSMA_CARRY_STATUS_REVIEW, ITSMA_CARRY_STATUS_KEPT,
	    ITSMA_CARRY_STATUS_UNRATED, ITSMA_CARRY_STATUS_NEW, END },
	  { END } },
	{ CASE(transition_format),
	  { ITSMA_TRANSITION_FORMAT_TEXT, ITSMA_TRANSITION_FORMAT_MARKDOWN,
	    ITSMA_TRANSITION_FORMAT_HTML, END },
	  { END } },
	{ CASE(catalogue_view),
	  { ITSMA_CATALOGUE_VIEW_CHECKLIST, ITSMA_CATALOGUE_VIEW_WEIGHTS, END },
	  { END } },
};
#define ENUM_COUNT (sizeof enums / sizeof enums[0])

static void fill_error(itsma_error *err)
{
	err->code = ITSMA_EIO;
	err->line = 3;
	snprintf(err->source, sizeof err->source, "old.json");
	snprintf(err->pointer, sizeof err->pointer, "/old");
	snprintf(err->message, sizeof err->message, "old failure");
}

/* Every value with a word parses back to itself; words are distinct and non-empty. */
static void test_names__every_word_parses_back(void)
{
	size_t i, j, k;
	for (i = 0; i < ENUM_COUNT; i++) {
		const enum_case *e = &enums[i];
		for (j = 0; e->worded[j] != END; j++) {
			const char *w = e->name(e->worded[j]);
			itsma_error err = ITSMA_ERROR_INIT;
			int v = END;
			CU_ASSERT_PTR_NOT_NULL_FATAL(w);
			if (w[0] == '\0')
				fprintf(stderr, "\n%s value %d has no word\n", e->type,
				        e->worded[j]);
			CU_ASSERT(w[0] != '\0');
			fill_error(&err);
			CU_ASSERT_EQUAL(e->parse(&v, w, &err), 0);
			CU_ASSERT_EQUAL(v, e->worded[j]);
			/* a success leaves nothing of an earlier failure behind */
			CU_ASSERT_EQUAL(err.code, ITSMA_OK);
			CU_ASSERT_STRING_EQUAL(err.source, "");
			CU_ASSERT_STRING_EQUAL(err.pointer, "");
			CU_ASSERT_EQUAL(err.line, 0);
			/* out and err may be NULL (only check) */
			CU_ASSERT_EQUAL(e->parse(NULL, w, NULL), 0);
			for (k = 0; k < j; k++)
				CU_ASSERT_STRING_NOT_EQUAL(e->name(e->worded[k]), w);
		}
	}
}

/* Values without a word and values outside the enumeration are named "", never NULL. */
static void test_names__values_without_a_word(void)
{
	static const int outside[] = { -1000, -77, 1000, 0x7fffffff };
	size_t i, j;
	for (i = 0; i < ENUM_COUNT; i++) {
		const enum_case *e = &enums[i];
		for (j = 0; e->wordless[j] != END; j++) {
			CU_ASSERT_PTR_NOT_NULL_FATAL(e->name(e->wordless[j]));
			CU_ASSERT_STRING_EQUAL(e->name(e->wordless[j]), "");
		}
		for (j = 0; j < sizeof outside / sizeof outside[0]; j++) {
			CU_ASSERT_PTR_NOT_NULL_FATAL(e->name(outside[j]));
			CU_ASSERT_STRING_EQUAL(e->name(outside[j]), "");
		}
	}
}

/* Unknown words: ITSMA_EINVAL, *out untouched, a message listing every accepted word. */
static void test_names__unknown_words(void)
{
	char changed[64], spaced[64];
	size_t i, j, k;
	for (i = 0; i < ENUM_COUNT; i++) {
		const enum_case *e = &enums[i];
		const char *first = e->name(e->worded[0]);
		const char *bad[6];
		size_t n;
		/* the first word in the other case: parsing is exact and case-sensitive */
		for (n = 0; first[n] && n + 1 < sizeof changed; n++) {
			unsigned char ch = (unsigned char)first[n];
			changed[n] = (char)(islower(ch) ? toupper(ch) : tolower(ch));
		}
		changed[n] = '\0';
		snprintf(spaced, sizeof spaced, "%s ", first);
		bad[0] = "";
		bad[1] = "no-such-word";
		bad[2] = changed;
		bad[3] = spaced;
		bad[4] = "\xff\xfe";
		bad[5] = NULL;
		for (k = 0; k < sizeof bad / sizeof bad[0]; k++) {
			itsma_error err = ITSMA_ERROR_INIT;
			int v = END;
			fill_error(&err);
			CU_ASSERT_EQUAL(e->parse(&v, bad[k], &err), ITSMA_EINVAL);
			CU_ASSERT_EQUAL(e->parse(&v, bad[k], NULL), ITSMA_EINVAL);
			CU_ASSERT_EQUAL(v, END);
			CU_ASSERT_EQUAL(err.code, ITSMA_EINVAL);
			CU_ASSERT_STRING_EQUAL(err.source, "");
			CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "expected "));
			for (j = 0; e->worded[j] != END; j++)
				if (!strstr(err.message, e->name(e->worded[j]))) {
					fprintf(stderr, "\n%s: \"%s\" missing from: %s\n", e->type,
					        e->name(e->worded[j]), err.message);
					CU_FAIL("a word is missing from the message");
				}
		}
	}
}

/* The longest unknown word still leaves room for the whole list in the message. */
static void test_names__long_unknown_word(void)
{
	char word[4096];
	itsma_error err = ITSMA_ERROR_INIT;
	int v;
	memset(word, 'x', sizeof word - 1);
	word[sizeof word - 1] = '\0';
	CU_ASSERT_EQUAL(parse_diff_tally(&v, word, &err), ITSMA_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "processes_unchanged, not \"xxx"));
	CU_ASSERT(strlen(err.message) < sizeof err.message);
}

/* Every `typedef enum itsma_<type>` of the public headers is in the table above, and its
 * header declares itsma_<type>_name() and itsma_<type>_parse(). */
static void test_names__every_public_enum_is_covered(void)
{
	const char *dir = ITSMA_SOURCE_DIR "/include/itsma";
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t found = 0, i;
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	while ((de = readdir(d)) != NULL) {
		char path[1024], *text, *p;
		size_t len = strlen(de->d_name);
		if (len < 3 || strcmp(de->d_name + len - 2, ".h") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		text = itsma_test_slurp(path, NULL);
		CU_ASSERT_PTR_NOT_NULL_FATAL(text);
		for (p = text; (p = strstr(p, "typedef enum itsma_")) != NULL;) {
			char type[64], decl[256];
			size_t n = 0;
			int known = 0;
			p += strlen("typedef enum itsma_");
			while ((islower((unsigned char)p[n]) || p[n] == '_') &&
			       n + 1 < sizeof type) {
				type[n] = p[n];
				n++;
			}
			type[n] = '\0';
			found++;
			for (i = 0; i < ENUM_COUNT; i++)
				known |= strcmp(enums[i].type, type) == 0;
			if (!known)
				fprintf(stderr, "\n%s: enum itsma_%s is not covered\n", de->d_name,
				        type);
			CU_ASSERT(known);
			snprintf(decl, sizeof decl, "itsma_%s_name(itsma_%s ", type, type);
			CU_ASSERT_PTR_NOT_NULL(strstr(text, decl));
			/* out first; the rest of the line may wrap (clang-format) */
			snprintf(decl, sizeof decl, "itsma_%s_parse(itsma_%s *out,", type, type);
			if (!strstr(text, decl))
				fprintf(stderr, "\n%s: no %s...\n", de->d_name, decl);
			CU_ASSERT_PTR_NOT_NULL(strstr(text, decl));
		}
		free(text);
	}
	closedir(d);
	CU_ASSERT_EQUAL(found, ENUM_COUNT);
}

static const itsma_test_case cases[] = {
	{ "every_word_parses_back", test_names__every_word_parses_back },
	{ "values_without_a_word", test_names__values_without_a_word },
	{ "unknown_words", test_names__unknown_words },
	{ "long_unknown_word", test_names__long_unknown_word },
	{ "every_public_enum_is_covered", test_names__every_public_enum_is_covered },
	{ NULL, NULL },
};

ITSMA_TEST_MAIN("names", cases)
