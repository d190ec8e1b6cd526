/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Terminal colour: only when writing to a terminal, never when NO_COLOR is set
 * (https://no-color.org) or TERM is "dumb".
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cli_colour_wanted(FILE *f)
{
	const char *no = getenv("NO_COLOR");
	if (no && *no)
		return 0;
	const char *term = getenv("TERM");
	if (term && strcmp(term, "dumb") == 0)
		return 0;
	return cli_is_terminal(f);
}

int cli_is_terminal(FILE *f)
{
	return isatty(fileno(f));
}

const char *cli_col(int enabled, cli_colour c)
{
	static const char *const seq[] = { "\033[0m",  "\033[1m",  "\033[2m",  "\033[31m", "\033[32m",
		                               "\033[33m", "\033[34m", "\033[35m", "\033[36m" };
	if (!enabled || (size_t)c >= sizeof seq / sizeof seq[0])
		return "";
	return seq[c];
}
