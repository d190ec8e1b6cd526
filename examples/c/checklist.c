/* SPDX-License-Identifier: Apache-2.0 */
/*
 * checklist: a catalogue for people to read and tick, the same bytes as
 * `itsma catalogue show`: a Markdown checklist (the default), text for a terminal, or
 * every requirement's effective weight.
 *
 *     checklist [--text] [--weights] [CATALOGUE-ID | FILE] > checklist.md
 *
 * The catalogue is a built-in id (default iso20000-1:2018) or a catalogue file.
 */
#include <itsma.h>

#include <stdio.h>
#include <string.h>

/* The sink: the library hands the text over in pieces. */
static int to_stream(void *payload, const char *data, size_t len)
{
	return fwrite(data, 1, len, (FILE *)payload) == len ? 0 : -1;
}

int main(int argc, char **argv)
{
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *cat = NULL;
	itsma_report_format format = ITSMA_REPORT_FORMAT_MD;
	itsma_catalogue_view view = ITSMA_CATALOGUE_VIEW_CHECKLIST;
	const char *name = "iso20000-1:2018";
	int status = 1;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--text") == 0)
			format = ITSMA_REPORT_FORMAT_TEXT;
		else if (strcmp(argv[i], "--weights") == 0)
			view = ITSMA_CATALOGUE_VIEW_WEIGHTS;
		else if (argv[i][0] != '-')
			name = argv[i];
		else {
			fprintf(stderr, "usage: %s [--text] [--weights] [CATALOGUE-ID | FILE]\n",
			        argv[0]);
			return 2;
		}
	}
	/* a built-in id, else a file */
	int rc = itsma_catalogue_builtin(&cat, name, &err);
	if (rc == ITSMA_ENOTFOUND)
		rc = itsma_catalogue_load_file(&cat, name, NULL, &err);
	/* itsma_catalogue_render_string() gives the same text as a string */
	if (rc == 0 &&
	    itsma_catalogue_render_write(cat, view, format, to_stream, stdout, &err) == 0)
		status = 0;
	if (status) {
		char msg[512];
		itsma_error_format(msg, sizeof msg, &err);
		fprintf(stderr, "%s\n", msg);
	}
	itsma_catalogue_free(cat);
	return status;
}
