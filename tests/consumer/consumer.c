/* SPDX-License-Identifier: Apache-2.0 */
/* Uses the installed library the way an outside program would: prints a line per built-in. */
#include <itsma.h>
#include <stdio.h>

int main(void)
{
	itsma_catalogue *cat = NULL;
	itsma_error err = ITSMA_ERROR_INIT;
	size_t i;

	printf("itsma %s\n", itsma_version());
	for (i = 0; i < itsma_catalogue_builtin_count(); i++)
		printf("%s\t%s\n", itsma_catalogue_builtin_id(i), itsma_catalogue_builtin_title(i));
	if (itsma_catalogue_builtin(&cat, "iso20000-1:2018", &err) < 0) {
		fprintf(stderr, "%s\n", err.message);
		return 1;
	}
	printf("%zu requirements\n", itsma_catalogue_requirement_count(cat));
	itsma_catalogue_free(cat);
	return 0;
}
