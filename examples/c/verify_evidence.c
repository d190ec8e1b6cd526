/* SPDX-License-Identifier: Apache-2.0 */
/*
 * verify_evidence: check the evidence files of an assessment against the SHA-256 digests it
 * records, inside one folder.
 *
 *     verify_evidence ASSESSMENT.json ROOT [CATALOGUE.json]
 *
 * Prints one line per evidence record and exits 1 when a file is missing, changed, refused
 * (a path leaving ROOT through ".." or a symbolic link) or not a regular file.
 */
#include <itsma.h>

#include <stdio.h>

typedef struct tally {
	size_t checked, ok;
} tally;

static int report(const itsma_evidence_finding *f, void *payload)
{
	tally *t = payload;
	const char *id = itsma_evidence_id(f->evidence);
	switch (f->check) {
	case ITSMA_EVIDENCE_CHECK_NOT_CHECKABLE:
	case ITSMA_EVIDENCE_CHECK_NO_DIGEST:
		printf("%-13s %s: skipped (%s)\n", itsma_evidence_check_name(f->check), id,
		       f->reason);
		return 0;
	case ITSMA_EVIDENCE_CHECK_OK:
		t->ok++;
		printf("%-13s %s: %s\n", "ok", id, f->path);
		break;
	case ITSMA_EVIDENCE_CHECK_CHANGED:
		printf("%-13s %s: %s has sha256 %s\n", "changed", id, f->path, f->actual_sha256);
		break;
	default:
		printf("%-13s %s: %s: %s\n", itsma_evidence_check_name(f->check), id,
		       f->path ? f->path : itsma_evidence_uri(f->evidence), f->reason);
		break;
	}
	t->checked++;
	return 0; /* go on with the next record */
}

int main(int argc, char **argv)
{
	itsma_error err = ITSMA_ERROR_INIT;
	itsma_catalogue *cat = NULL;
	itsma_assessment *a = NULL;
	tally t = { 0, 0 };
	char msg[512];

	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: %s ASSESSMENT.json ROOT [CATALOGUE.json]\n", argv[0]);
		return 2;
	}
	if (argc == 4 && itsma_catalogue_load_file(&cat, argv[3], NULL, &err) < 0)
		goto fail;
	if (itsma_assessment_load_file(&a, argv[1], cat, NULL, &err) < 0)
		goto fail;
	/* 0: the default size bound; the callback sees every record, in order */
	if (itsma_evidence_verify(a, argv[2], 0, report, &t, &err) < 0)
		goto fail;
	printf("%zu checked, %zu ok\n", t.checked, t.ok);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
	return t.checked > 0 && t.ok == t.checked ? 0 : 1;
fail:
	itsma_error_format(msg, sizeof msg, &err);
	fprintf(stderr, "%s\n", msg);
	itsma_assessment_free(a);
	itsma_catalogue_free(cat);
	return 1;
}
