/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ITSMA__PREFETCH(p): ask for the cache line holding p ahead of use (internal). Where a
 * change touches records scattered in memory, asking for all of them first lets their cache
 * misses overlap instead of following one another. A no-op where the compiler has no
 * prefetch built-in; never dereferences p.
 */
#ifndef ITSMA_INTERNAL_PREFETCH_H
#define ITSMA_INTERNAL_PREFETCH_H

#if defined(__GNUC__) || defined(__clang__)
#define ITSMA__PREFETCH(p) __builtin_prefetch(p)
#else
#define ITSMA__PREFETCH(p) ((void)(p))
#endif

#endif
