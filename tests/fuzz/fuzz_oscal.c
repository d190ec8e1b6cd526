/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz the OSCAL catalog importer (JSON): see fuzz_import.h. */
#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_import(itsma_catalogue_from_oscal, data, size);
	return 0;
}
