/* SPDX-License-Identifier: Apache-2.0 */
/* Run-time version information. */
#include "itsma/version.h"

const char *itsma_version(void) { return ITSMA_VERSION; }

unsigned int itsma_version_number(void) { return ITSMA_VERSION_NUMBER; }
