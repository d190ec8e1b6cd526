/* SPDX-License-Identifier: Apache-2.0 */
/* Error codes, messages and the caller-owned error struct. */
#include "internal/error.h"
#include "internal/enumword.h"
#include "internal/report.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void itsma_error_clear(itsma_error *err)
{
	/* the fields and the first byte of each string: what ITSMA_ERROR_INIT gives, without
	 * clearing the buffers on every call */
	if (!err)
		return;
	err->code = ITSMA_OK;
	err->sys_errno = 0;
	err->line = err->column = 0;
	err->offset = 0;
	err->source[0] = err->pointer[0] = err->message[0] = '\0';
	memset(err->reserved, 0, sizeof err->reserved);
}

void itsma__error_reset(itsma_error *err) { itsma_error_clear(err); }

int itsma__version_check(unsigned int version, unsigned int current, const char *type,
                         itsma_error *err)
{
	if (version >= 1 && version <= current)
		return 0;
	return itsma__error_set(err, ITSMA_EINVAL,
	                        "unknown %s version %u (this library knows 1 to %u)",
	                        type ? type : "struct", version, current);
}

const char *itsma_strerror(int code)
{
	switch (code) {
	case ITSMA_OK: return "success";
	case ITSMA_ERROR: return "error";
	case ITSMA_ENOMEM: return "out of memory";
	case ITSMA_EINVAL: return "invalid argument";
	case ITSMA_EIO: return "input/output error";
	case ITSMA_EPARSE: return "JSON syntax error";
	case ITSMA_ESCHEMA: return "invalid document";
	case ITSMA_ENOTFOUND: return "not found";
	case ITSMA_EEXISTS: return "already exists";
	case ITSMA_ELIMIT: return "limit exceeded";
	case ITSMA_ESTATE: return "changed behind its back";
	default: return "unknown error";
	}
}

ITSMA__ENUM_WORDS(error_code, "an error code name", { "ITSMA_OK", ITSMA_OK },
                  { "ITSMA_ERROR", ITSMA_ERROR }, { "ITSMA_ENOMEM", ITSMA_ENOMEM },
                  { "ITSMA_EINVAL", ITSMA_EINVAL }, { "ITSMA_EIO", ITSMA_EIO },
                  { "ITSMA_EPARSE", ITSMA_EPARSE }, { "ITSMA_ESCHEMA", ITSMA_ESCHEMA },
                  { "ITSMA_ENOTFOUND", ITSMA_ENOTFOUND }, { "ITSMA_EEXISTS", ITSMA_EEXISTS },
                  { "ITSMA_ELIMIT", ITSMA_ELIMIT }, { "ITSMA_ESTATE", ITSMA_ESTATE })

/* Copy with truncation that never splits a character, with controls shown as escapes
 * (term.c): a message quoting a document cannot carry terminal escapes or forge a line. */
static void copy_trunc(char *dst, size_t size, const char *src)
{
	char tmp[ITSMA_ERROR_MESSAGE_LENGTH * 2], rep[12];
	size_t n = 0, len;
	const unsigned char *p = (const unsigned char *)src;
	while (*p) {
		p += itsma__term_unit(p, rep, &len);
		if (n + len >= size || n + len >= sizeof tmp)
			break;
		memcpy(tmp + n, rep, len);
		n += len;
	}
	memcpy(dst, tmp, n);
	dst[n] = '\0';
}

int itsma__error_set(itsma_error *err, int code, const char *fmt, ...)
{
	char tmp[ITSMA_ERROR_MESSAGE_LENGTH * 2];
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	copy_trunc(err->message, sizeof err->message, tmp);
	return code;
}

int itsma__error_nomem(itsma_error *err)
{
	if (err) {
		err->code = ITSMA_ENOMEM;
		copy_trunc(err->message, sizeof err->message, "out of memory");
	}
	return ITSMA_ENOMEM;
}

void itsma__error_pointer(itsma_error *err, const char *fmt, ...)
{
	char tmp[ITSMA_ERROR_POINTER_LENGTH * 2];
	va_list ap;

	if (!err)
		return;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	copy_trunc(err->pointer, sizeof err->pointer, tmp);
}

void itsma__error_source(itsma_error *err, const char *source)
{
	if (err)
		copy_trunc(err->source, sizeof err->source, source ? source : "<buffer>");
}

void itsma__error_position(itsma_error *err, const char *buf, size_t len, size_t offset)
{
	size_t i, line_start = 0;
	int line = 1, col = 1;

	if (!err)
		return;
	if (offset > len)
		offset = len;
	for (i = 0; i < offset; i++) {
		if (buf[i] == '\n') {
			line++;
			line_start = i + 1;
		}
	}
	for (i = line_start; i < offset; i++)
		if (((unsigned char)buf[i] & 0xC0) != 0x80)
			col++;
	err->line = line;
	err->column = col;
	err->offset = offset;
}

void itsma__pointer_append(char *ptr, size_t size, const char *tok)
{
	size_t n = strlen(ptr);
	if (n + 1 >= size)
		return;
	ptr[n++] = '/';
	for (; *tok && n + 1 < size; tok++) {
		if (*tok == '~' || *tok == '/') {
			if (n + 2 >= size)
				break;
			ptr[n++] = '~';
			ptr[n++] = *tok == '~' ? '0' : '1';
		} else {
			ptr[n++] = *tok;
		}
	}
	ptr[n] = '\0';
}

size_t itsma_error_format(char *buf, size_t size, const itsma_error *err)
{
	int n;
	const char *msg;

	if (!err) {
		if (buf && size)
			buf[0] = '\0';
		return 0;
	}
	msg = err->message[0] ? err->message : itsma_strerror(err->code);

	if (err->source[0] && err->line > 0 && err->pointer[0])
		n = snprintf(buf, size, "%s:%d:%d: %s: %s", err->source, err->line, err->column,
		             err->pointer, msg);
	else if (err->source[0] && err->line > 0)
		n = snprintf(buf, size, "%s:%d:%d: %s", err->source, err->line, err->column, msg);
	else if (err->source[0] && err->pointer[0])
		n = snprintf(buf, size, "%s: %s: %s", err->source, err->pointer, msg);
	else if (err->pointer[0])
		n = snprintf(buf, size, "%s: %s", err->pointer, msg);
	else if (err->source[0])
		n = snprintf(buf, size, "%s: %s", err->source, msg);
	else
		n = snprintf(buf, size, "%s", msg);
	return n < 0 ? 0 : (size_t)n;
}
