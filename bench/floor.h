/* SPDX-License-Identifier: Apache-2.0 */
/* The json-c record-by-record parse that itsma's loading is compared with. */
#ifndef ITSMA_BENCH_FLOOR_H
#define ITSMA_BENCH_FLOOR_H
#include <stddef.h>
/* Number of records parsed, or -1 on a parse error. */
long itsma_bench_floor(const char *buf, size_t len);
#endif
