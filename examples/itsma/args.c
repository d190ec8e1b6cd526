/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Option parsing for the commands: GNU-style long options ("--format md" or
 * "--format=md"), single-letter short options ("-o FILE"), "--" to end options, and
 * operands anywhere on the line.
 */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_args_init(cli_args *a, const char *cmd, const char *help, int argc, char **argv)
{
	memset(a, 0, sizeof *a);
	a->argc = argc;
	a->argv = argv;
	a->index = 1;
	a->cmd = cmd;
	a->help = help;
}

void cli_args_operands(cli_args *a, const char **const *slots, size_t n)
{
	a->slots = slots;
	a->nslots = n;
	a->filled = 0;
}

int cli_args_exit(int kind)
{
	return kind == CLI_ARG_HELP ? CLI_OK : CLI_USAGE;
}

int cli_parse_policy(const char *cmd, const char *text, itsma_evidence_policy *out)
{
	if (itsma_evidence_policy_parse(out, text, NULL) < 0)
		return cli_usage_error(cmd, "--evidence-policy must be required or advisory, not '%s'", text);
	return CLI_OK;
}

static const cli_option *find_long(const cli_option *opts, const char *name, size_t n)
{
	for (const cli_option *o = opts; o && o->name; o++)
		if (strlen(o->name) == n && strncmp(o->name, name, n) == 0)
			return o;
	return NULL;
}

static const cli_option *find_short(const cli_option *opts, char c)
{
	for (const cli_option *o = opts; o && o->name; o++)
		if (o->short_name == c)
			return o;
	return NULL;
}

int cli_args_next(cli_args *a, const cli_option *opts, int *id, const char **value)
{
	*value = NULL;
	if (a->index >= a->argc)
		return CLI_ARG_END;
	const char *arg = a->argv[a->index++];
	if (a->only_operands || arg[0] != '-' || arg[1] == '\0') {
		if (!a->slots) {
			*value = arg;
			return CLI_ARG_OPERAND;
		}
		if (a->filled == a->nslots) {
			cli_usage_error(a->cmd, "unexpected argument '%s'", arg);
			return CLI_ARG_ERROR;
		}
		*a->slots[a->filled++] = arg;
		return cli_args_next(a, opts, id, value);
	}
	if (strcmp(arg, "--") == 0) {
		a->only_operands = 1;
		return cli_args_next(a, opts, id, value);
	}
	if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
		if (a->help)
			fputs(a->help, stdout);
		return CLI_ARG_HELP;
	}

	const cli_option *o;
	const char *inline_value = NULL;
	if (arg[1] == '-') {
		const char *name = arg + 2;
		const char *eq = strchr(name, '=');
		size_t n = eq ? (size_t)(eq - name) : strlen(name);
		o = find_long(opts, name, n);
		if (!o) {
			cli_usage_error(a->cmd, "unknown option '--%.*s'", (int)n, name);
			return CLI_ARG_ERROR;
		}
		if (eq) {
			if (!o->has_value) {
				cli_usage_error(a->cmd, "option '--%s' takes no value", o->name);
				return CLI_ARG_ERROR;
			}
			inline_value = eq + 1;
		}
	} else {
		o = find_short(opts, arg[1]);
		if (!o) {
			cli_usage_error(a->cmd, "unknown option '-%c'", arg[1]);
			return CLI_ARG_ERROR;
		}
		if (arg[2] != '\0') {
			if (!o->has_value) {
				cli_usage_error(a->cmd, "option '-%c' takes no value", arg[1]);
				return CLI_ARG_ERROR;
			}
			inline_value = arg + 2;
		}
	}
	*id = o->id;
	if (o->has_value) {
		if (inline_value) {
			*value = inline_value;
		} else if (a->index < a->argc) {
			*value = a->argv[a->index++];
		} else {
			cli_usage_error(a->cmd, "option '--%s' needs a value", o->name);
			return CLI_ARG_ERROR;
		}
	}
	return CLI_ARG_OPTION;
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
