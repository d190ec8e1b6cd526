/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tiny harness shared by the CUnit suites: each tests/unit/test_<module>.c is its own
 * executable and its own CTest test. A suite file defines
 *
 *     static const itsma_test_case tests[] = { { "name", fn }, ..., { NULL, NULL } };
 *     ITSMA_TEST_MAIN("module", tests)
 *
 * Test data lives under ITSMA_TEST_DATA (the source tree's tests/data), and scratch
 * files go under ITSMA_TEST_TMP (a folder in the build tree).
 */
#ifndef ITSMA_TESTS_HARNESS_H
#define ITSMA_TESTS_HARNESS_H

#include <CUnit/Basic.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "itsma.h"

typedef struct itsma_test_case {
	const char *name;
	void (*fn)(void);
} itsma_test_case;

/* Approximate equality for computed figures. */
#define ASSERT_NEAR(actual, expected) CU_ASSERT(fabs((double)(actual) - (double)(expected)) < 1e-9)
/*
 * Assert that a call returns 0. Pass ASSERT_ERR as the call's `err` argument: on failure the
 * code's name and the error as itsma_error_format() words it (source:line:column: /pointer:
 * message) are printed. A call given its own error struct (only where the test reads it
 * afterwards) or NULL prints the code's name alone.
 */
#define ASSERT_OK(call)                                                                            \
	do {                                                                                       \
		itsma_error e_ = ITSMA_ERROR_INIT;                                                 \
		itsma_error *const ASSERT_ERR = &e_;                                               \
		int rc_ = (call);                                                                  \
		(void)ASSERT_ERR;                                                                  \
		if (rc_ != 0) {                                                                    \
			char m_[ITSMA_ERROR_MESSAGE_LENGTH + ITSMA_ERROR_SOURCE_LENGTH + 400];     \
			itsma_error_format(m_, sizeof m_, &e_);                                    \
			fprintf(stderr, "\n%s:%d: %s returned %d (%s): %s\n", __FILE__, __LINE__,  \
			        #call, rc_, itsma_error_code_name(rc_), m_);                       \
		}                                                                                  \
		CU_ASSERT_EQUAL_FATAL(rc_, 0);                                                     \
	} while (0)

/* Read a whole file into a NUL-terminated malloc'd buffer (NULL on failure). */
static inline char *itsma_test_slurp(const char *path, size_t *len_out)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)n + 1);
		if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		}
		if (buf) {
			buf[n] = '\0';
			if (len_out)
				*len_out = (size_t)n;
		}
	}
	fclose(f);
	return buf;
}

#define ITSMA_TEST_MAIN(suite_name, cases)                                                         \
	int main(int argc, char **argv)                                                            \
	{                                                                                          \
		CU_pSuite s;                                                                       \
		size_t i_;                                                                         \
		unsigned int failures;                                                             \
		if (CU_initialize_registry() != CUE_SUCCESS)                                       \
			return 2;                                                                  \
		s = CU_add_suite(suite_name, NULL, NULL);                                          \
		for (i_ = 0; s && cases[i_].name; i_++) {                                          \
			if (argc > 1 && !strstr(cases[i_].name, argv[1]))                          \
				continue;                                                          \
			CU_add_test(s, cases[i_].name, cases[i_].fn);                              \
		}                                                                                  \
		CU_basic_set_mode(CU_BRM_VERBOSE);                                                 \
		CU_basic_run_tests();                                                              \
		failures = CU_get_number_of_failures();                                            \
		CU_cleanup_registry();                                                             \
		return failures != 0 ? 1 : 0;                                                      \
	}

#endif
