/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz the CISO Assistant library importer (YAML): see fuzz_import.h. */
#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_import(itsma_catalogue_from_ciso_library, data, size);
	return 0;
}
