/* SPDX-License-Identifier: Apache-2.0 */
/* The library's allocator, for memory handed to callers. */
#include "itsma/common.h"

#include <stdlib.h>

void itsma_free(void *p) { free(p); }
