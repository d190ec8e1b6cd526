/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Option parsing for the commands, from one table per command: GNU-style long options
 * ("--format md" or "--format=md"), single-letter short options ("-o FILE"), "--" to end
 * options, and operands anywhere on the line. Values are checked by the command afterwards.
 */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cli_option *find(const cli_option *opts, const char *name, size_t n, char c)
{
	for (const cli_option *o = opts; o && o->name; o++)
		if (c ? o->short_name == c : strlen(o->name) == n && strncmp(o->name, name, n) == 0)
			return o;
	return NULL;
}

/* One option at argv[*i] (advanced past its value); CLI_GO or CLI_USAGE. */
static int option(const char *cmd, int argc, char **argv, int *i, const cli_option *opts)
{
	const char *arg = argv[(*i)++], *inline_value = NULL;
	const cli_option *o;
	if (arg[1] == '-') {
		const char *name = arg + 2, *eq = strchr(name, '=');
		size_t n = eq ? (size_t)(eq - name) : strlen(name);
		if (!(o = find(opts, name, n, 0)))
			return cli_usage_error(cmd, "unknown option '--%.*s'", (int)n, name);
		if (eq && !o->value)
			return cli_usage_error(cmd, "option '--%s' takes no value", o->name);
		inline_value = eq ? eq + 1 : NULL;
	} else {
		if (!(o = find(opts, NULL, 0, arg[1])))
			return cli_usage_error(cmd, "unknown option '-%c'", arg[1]);
		if (arg[2] != '\0' && !o->value)
			return cli_usage_error(cmd, "option '-%c' takes no value", arg[1]);
		inline_value = arg[2] ? arg + 2 : NULL;
	}
	if (!o->value) {
		*o->flag = 1;
	} else if (inline_value) {
		*o->value = inline_value;
	} else if (*i < argc) {
		*o->value = argv[(*i)++];
	} else {
		return cli_usage_error(cmd, "option '--%s' needs a value", o->name);
	}
	return CLI_GO;
}

int cli_parse(const char *cmd, const char *help, int argc, char **argv, const cli_option *opts,
              const char **operands, size_t max, size_t *count)
{
	int only_operands = 0, rc;
	size_t n = 0;
	for (int i = 1; i < argc;) {
		const char *arg = argv[i];
		if (only_operands || arg[0] != '-' || arg[1] == '\0') {
			if (n == max)
				return cli_usage_error(cmd, "unexpected argument '%s'", arg);
			operands[n++] = arg; /* operands[n] may be argv[n], never past argv[i] */
			i++;
		} else if (strcmp(arg, "--") == 0) {
			only_operands = 1;
			i++;
		} else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			fputs(help, stdout);
			return CLI_OK;
		} else if ((rc = option(cmd, argc, argv, &i, opts)) != CLI_GO) {
			return rc;
		}
	}
	if (count)
		*count = n;
	return CLI_GO;
}

int cli_parse_policy(const char *cmd, const char *text, itsma_evidence_policy *out)
{
	if (text && itsma_evidence_policy_parse(out, text, NULL) < 0)
		return cli_usage_error(
		    cmd, "--evidence-policy must be required or advisory, not '%s'", text);
	return CLI_GO;
}

int cli_parse_number(const char *text, double *out)
{
	char *end = NULL;
	if (!text || !*text || strchr(" \t\n+-", text[0]))
		return -1;
	errno = 0;
	double v = strtod(text, &end);
	if (errno || !end || *end || !isfinite(v) || v < 0)
		return -1;
	*out = v;
	return 0;
}

int cli_parse_size(const char *text, size_t *out)
{
	char *end = NULL;
	if (!text || text[0] < '0' || text[0] > '9')
		return -1;
	errno = 0;
	unsigned long long v = strtoull(text, &end, 10);
	if (errno || !end || *end || v > (unsigned long long)((size_t)-1))
		return -1;
	*out = (size_t)v;
	return 0;
}

int cli_parse_delimiter(const char *text, char *out)
{
	if (strcmp(text, ",") == 0 || strcmp(text, ";") == 0 || strcmp(text, "\t") == 0) {
		*out = text[0];
		return 0;
	}
	if (strcmp(text, "tab") == 0 || strcmp(text, "\\t") == 0) {
		*out = '\t';
		return 0;
	}
	return -1;
}

int cli_parse_level(const char *cmd, const char *text, int *out)
{
	size_t level;
	if (!text)
		return CLI_GO;
	if (cli_parse_size(text, &level) < 0 || level > 5)
		return cli_usage_error(cmd, "--target must be a level from 0 to 5, not '%s'", text);
	*out = (int)level;
	return CLI_GO;
}

int cli_one_of(const char *cmd, const char *option, const char *value, const char *const *allowed)
{
	char words[256] = ""; /* "md, text or json" */
	size_t n = 0, used = 0;
	while (allowed[n])
		if (strcmp(value, allowed[n++]) == 0)
			return CLI_GO;
	for (size_t i = 0; i < n && used < sizeof words; i++)
		used += (size_t)snprintf(words + used, sizeof words - used, "%s%s", allowed[i],
		                         i + 2 < n    ? ", "
		                         : i + 2 == n ? " or "
		                                      : "");
	return cli_usage_error(cmd, "%s must be %s, not '%s'", option, words, value);
}
