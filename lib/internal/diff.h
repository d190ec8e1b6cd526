/* SPDX-License-Identifier: Apache-2.0 */
/* The in-memory form of diffs of two results (internal; lib/diff.c). */
#ifndef ITSMA_INTERNAL_DIFF_H
#define ITSMA_INTERNAL_DIFF_H

#include "itsma/diff.h"
#include "internal/arena.h"
#include "internal/result.h"
#include "internal/strmap.h"

struct itsma_requirement_diff {
	const char *id;
	itsma_change change;
	const itsma_requirement_result *before, *after; /* NULL when not listed on that side */
};

struct itsma_process_diff {
	const char *id;
	itsma_change change;
	int level_before, level_after;   /* -1 when not applicable / not listed */
	int target_before, target_after; /* -1 without target */
};

struct itsma_nonconformity_diff {
	const char *id;
	itsma_nonconformity_change change;
	itsma_nonconformity before, after;
};

struct itsma_diff {
	const itsma_result *before, *after;
	size_t tally[ITSMA_DIFF_TALLY_COUNT];
	itsma_requirement_diff *reqs;
	size_t req_count;
	itsma_requirement_diff *scope;
	size_t scope_count;
	itsma_process_diff *procs;
	size_t proc_count;
	itsma_nonconformity_diff *ncs;
	size_t nc_count;
	itsma__strmap by_id; /* requirement id -> itsma_requirement_diff */
	itsma__arena arena;
};

#endif
