/* Assessment internals shared by the model and its JSON reader (internal). */
#ifndef ITSMA_INTERNAL_ASSESSMENT_H
#define ITSMA_INTERNAL_ASSESSMENT_H

#include "internal/model.h"

/* Allocate an assessment without catalogue, id or date (the loader fills them in). */
itsma_assessment *itsma__assessment_alloc(void);
/* Attach the catalogue and allocate the per-catalogue indexes. Returns 0 or ITSMA_ENOMEM. */
int itsma__assessment_attach(itsma_assessment *a, const itsma_catalogue *cat, itsma_error *err);

/* 64 lowercase hexadecimal digits? */
int itsma__is_sha256(const char *s);

#endif
