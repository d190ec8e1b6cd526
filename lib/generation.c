/* SPDX-License-Identifier: Apache-2.0 */
/* Generation counters of catalogues and assessments (itsma__catalogue_touch and
 * itsma__assessment_touch in internal/model.h count the changes). */
#include "internal/model.h"

unsigned long long itsma_catalogue_generation(const itsma_catalogue *cat)
{
	return cat ? cat->generation : 0;
}

unsigned long long itsma_assessment_generation(const itsma_assessment *a)
{
	return a ? a->generation : 0;
}
