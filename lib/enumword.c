/* SPDX-License-Identifier: Apache-2.0 */
/* The words of the public enumerations: name and parse over one {word, value} table. */
#include "internal/enumword.h"
#include "internal/error.h"

#include <stdio.h>
#include <string.h>

const char *itsma__enum_name(const itsma__enumwords *t, int value)
{
	size_t i;
	for (i = 0; i < t->count; i++)
		if (t->words[i].value == value)
			return t->words[i].word;
	return "";
}

/* "w1, w2 or w3" (words that are "" left out), truncated to `size`. */
static void word_list(char *buf, size_t size, const itsma__enumwords *t)
{
	size_t i, n = 0, listed = 0, last = t->count;
	while (last > 0 && t->words[last - 1].word[0] == '\0')
		last--;
	buf[0] = '\0';
	for (i = 0; i < last && n < size; i++) {
		const char *w = t->words[i].word;
		int k;
		if (w[0] == '\0')
			continue;
		k = snprintf(buf + n, size - n, "%s%s",
		             listed == 0     ? ""
		             : i + 1 == last ? " or "
		                             : ", ",
		             w);
		if (k < 0)
			break;
		n += (size_t)k;
		listed++;
	}
}

int itsma__enum_parse(int *out, const itsma__enumwords *t, const char *word, itsma_error *err)
{
	char list[ITSMA_ERROR_MESSAGE_LENGTH];
	size_t i;
	if (word && word[0] != '\0')
		for (i = 0; i < t->count; i++)
			if (strcmp(word, t->words[i].word) == 0) {
				if (out)
					*out = t->words[i].value;
				return 0;
			}
	word_list(list, sizeof list, t);
	if (!word)
		return itsma__error_set(err, ITSMA_EINVAL, "expected %s: %s, not NULL", t->what,
		                        list);
	return itsma__error_set(err, ITSMA_EINVAL, "expected %s: %s, not \"%.40s\"", t->what, list,
	                        word);
}
