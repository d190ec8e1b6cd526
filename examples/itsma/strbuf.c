/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Memory that cannot run out (the program stops with a message instead) and a growable
 * string used to build every output before it is written.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static CLI_NORETURN void out_of_memory(void)
{
	fputs("itsma: out of memory\n", stderr);
	exit(CLI_INVALID);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory();
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static void reserve(sb *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void sb_putn(sb *b, const char *s, size_t n)
{
	reserve(b, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void sb_puts(sb *b, const char *s)
{
	sb_putn(b, s, strlen(s));
}

void sb_putc(sb *b, char c)
{
	sb_putn(b, &c, 1);
}

void sb_vprintf(sb *b, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return;
	reserve(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void sb_printf(sb *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(b, fmt, ap);
	va_end(ap);
}

void sb_repeat(sb *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sb_puts(b, s);
}

const char *sb_str(const sb *b)
{
	return b->data ? b->data : "";
}

void sb_clear(sb *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void sb_free(sb *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
