/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CHECK() for the test programs that run without CUnit (tests/robust, tests/mapping): a failed
 * condition prints "FAIL file:line: message" and counts in `failures`, which the program's
 * main() turns into its exit status.
 */
#ifndef ITSMA_TESTS_CHECK_H
#define ITSMA_TESTS_CHECK_H

#include <stdio.h>

static int failures;

#define CHECK(cond, ...)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                       \
			fprintf(stderr, __VA_ARGS__);                                              \
			fputc('\n', stderr);                                                       \
			failures++;                                                                \
		}                                                                                  \
	} while (0)

#endif
