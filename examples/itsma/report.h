/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reports are rendered by the library (itsma/report.h); this header remains for the
 * commands that include it and only brings in the CLI's declarations.
 */
#ifndef ITSMA_CLI_REPORT_H
#define ITSMA_CLI_REPORT_H

#include "cli.h"

#endif /* ITSMA_CLI_REPORT_H */
