/*
 * Writing CSV cells (RFC 4180) that no spreadsheet runs as a formula (internal).
 *
 * A cell that starts with '=', '+', '-', '@', a tab or a carriage return is read by Excel,
 * LibreOffice and Google Sheets as a formula (OWASP, "CSV Injection"). Text from a document
 * that starts so is prefixed with an apostrophe and quoted; a plain decimal number such as
 * "-5" stays as it is, and so do the figures the library formats itself.
 */
#include "internal/csv_out.h"

#include <string.h>

/* "-5", "+0.25": an optional sign, digits, optionally a point and digits. */
static int plain_number(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (*s < '0' || *s > '9')
		return 0;
	while (*s >= '0' && *s <= '9')
		s++;
	if (*s == '.') {
		s++;
		if (*s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

int itsma__csv_is_formula(const char *s)
{
	switch (s[0]) {
	case '=':
	case '@':
	case '\t':
	case '\r':
		return 1;
	case '+':
	case '-':
		return !plain_number(s);
	default:
		return 0;
	}
}

void itsma__csv_cell(itsma__buf *b, const char *s, itsma__csv_kind kind)
{
	size_t n = strlen(s);
	int neutralise = kind == ITSMA__CSV_TEXT && itsma__csv_is_formula(s);
	int quote = neutralise || (n > 0 && (strpbrk(s, ",\"\r\n") || s[0] == ' ' || s[n - 1] == ' '));
	if (!quote) {
		itsma__buf_append(b, s, n);
		return;
	}
	itsma__buf_putc(b, '"');
	if (neutralise)
		itsma__buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '"')
			itsma__buf_putc(b, '"');
		itsma__buf_putc(b, *s);
	}
	itsma__buf_putc(b, '"');
}
