/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Catalogue lint: the authoring rules of docs/catalogues.md checked on any catalogue, each
 * problem reported as (kind, subject id, message) through a callback.
 */
#include "internal/model.h"
#include "internal/error.h"
#include "internal/enumword.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int itsma_lint_options_init(itsma_lint_options *spec, unsigned int version)
{
	static const itsma_lint_options defaults = ITSMA_LINT_OPTIONS_INIT;
	if (!spec || itsma__version_check(version, ITSMA_LINT_OPTIONS_VERSION, NULL, NULL) < 0)
		return ITSMA_EINVAL;
	*spec = defaults;
	return 0;
}

ITSMA__ENUM_WORDS(lint_kind, "a lint kind", { "shall-basis", ITSMA_LINT_KIND_SHALL_BASIS },
                  { "shall-verify", ITSMA_LINT_KIND_SHALL_VERIFY },
                  { "good-practice-shall", ITSMA_LINT_KIND_GOOD_PRACTICE_SHALL },
                  { "weight", ITSMA_LINT_KIND_WEIGHT },
                  { "no-guidance", ITSMA_LINT_KIND_NO_GUIDANCE },
                  { "shall-in-text", ITSMA_LINT_KIND_SHALL_IN_TEXT },
                  { "duplicate-text", ITSMA_LINT_KIND_DUPLICATE_TEXT },
                  { "id-form", ITSMA_LINT_KIND_ID_FORM },
                  { "missing-clause", ITSMA_LINT_KIND_MISSING_CLAUSE })

int itsma_lint_kinds_parse(unsigned int *out, const char *text, itsma_error *err)
{
	itsma__error_reset(err);
	if (!out || !text)
		return itsma__error_set(err, ITSMA_EINVAL, "itsma_lint_kinds_parse: NULL argument");
	*out = 0;
	for (const char *p = text;; p++) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		char word[32];
		itsma_lint_kind kind;
		if (n && (n >= sizeof word || (memcpy(word, p, n), word[n] = '\0',
		                               itsma_lint_kind_parse(&kind, word, NULL)) < 0))
			return itsma__error_set(err, ITSMA_EINVAL, "unknown kind '%.*s'",
			                        (int)(n > 64 ? 64 : n), p);
		if (n)
			*out |= 1u << (unsigned)kind;
		if (!comma)
			return 0;
		p = comma;
	}
}

int itsma_clause_list_parse(char ***out, size_t *count_out, const char *text, size_t len,
                            itsma_error *err)
{
	size_t n = 0, bytes = 0;
	const char *end = text + len;
	itsma__error_reset(err);
	if (!out || !count_out || (!text && len))
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "itsma_clause_list_parse: NULL argument");
	*out = NULL;
	*count_out = 0;
	/* two passes over the lines: count and measure, then copy into one block */
	for (int pass = 0; pass < 2; pass++) {
		char **v = *out, *data = v ? (char *)(v + n) : NULL;
		size_t k = 0;
		for (const char *p = text; p && p < end;) {
			const char *eol = memchr(p, '\n', (size_t)(end - p)),
			           *stop = eol ? eol : end;
			const char *tab = memchr(p, '\t', (size_t)(stop - p)),
			           *col = tab ? tab : stop;
			while (col > p && (col[-1] == '\r' || col[-1] == ' '))
				col--;
			if (col > p && *p != '#') {
				size_t m = (size_t)(col - p);
				if (pass == 0) {
					n++;
					bytes += m + 1;
				} else {
					v[k++] = memcpy(data, p, m);
					data[m] = '\0';
					data += m + 1;
				}
			}
			p = eol ? eol + 1 : end;
		}
		if (pass == 0 && !(*out = malloc(n * sizeof(char *) + bytes + 1)))
			return itsma__error_nomem(err);
	}
	*count_out = n;
	return 0;
}

/* The state of one lint run. */
typedef struct linter {
	const itsma_catalogue *cat;
	unsigned int skip;
	itsma_lint_cb cb;
	void *payload;
	size_t count;
	int stop; /* the callback's non-zero return */
} linter;

static int report(linter *l, itsma_lint_kind kind, const char *subject, const char *fmt, ...)
    ITSMA_FORMAT_PRINTF(4, 5);

static int report(linter *l, itsma_lint_kind kind, const char *subject, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	l->count++;
	if (!l->cb)
		return 0;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	l->stop = l->cb(kind, subject, msg, l->payload);
	return l->stop;
}

static int wants(const linter *l, itsma_lint_kind kind) { return !(l->skip & (1u << kind)); }

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The median of the shall requirements' effective weights (0 when there is none). */
static int median_shall(double *out, const itsma_catalogue *c, const double *eff)
{
	size_t i, n = 0;
	double *v = malloc((c->requirement_count ? c->requirement_count : 1) * sizeof *v);
	if (!v)
		return -1;
	for (i = 0; i < c->requirement_count; i++)
		if (c->requirements[i]->obligation == ITSMA_OBLIGATION_SHALL)
			v[n++] = eff[i];
	*out = 0;
	if (n) {
		qsort(v, n, sizeof *v, cmp_double);
		*out = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	}
	free(v);
	return 0;
}

static int is_alnum(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

static char lower(char ch) { return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch; }

/* Does the text use the word "shall" (any case)? Statements state facts. */
static int says_shall(const char *t)
{
	size_t i;
	for (i = 0; t[i]; i++) {
		if (lower(t[i]) == 's' && (i == 0 || !is_alnum(t[i - 1])) &&
		    lower(t[i + 1]) == 'h' && lower(t[i + 2]) == 'a' && lower(t[i + 3]) == 'l' &&
		    lower(t[i + 4]) == 'l' && !is_alnum(t[i + 5]))
			return 1;
	}
	return 0;
}

/* Copy a text to dst in its comparison form: ASCII lower case, runs of white space as one
 * space, no space at either end, no final full stop. Returns the length written. */
static size_t normalise(char *dst, const char *t)
{
	size_t n = 0;
	int space = 0;
	for (; *t; t++) {
		if (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r') {
			space = n > 0;
			continue;
		}
		if (space)
			dst[n++] = ' ';
		space = 0;
		dst[n++] = lower(*t);
	}
	if (n && dst[n - 1] == '.')
		n--;
	while (n && dst[n - 1] == ' ')
		n--;
	dst[n] = '\0';
	return n;
}

/* Is id "<clause>-NN": the clause, a hyphen, then two or more digits, not all zero? */
static int id_has_form(const char *id, const char *clause)
{
	size_t cl = strlen(clause), digits = 0;
	int nonzero = 0;
	const char *p;
	if (strncmp(id, clause, cl) != 0 || id[cl] != '-')
		return 0;
	for (p = id + cl + 1; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		nonzero |= *p != '0';
		digits++;
	}
	return digits >= 2 && nonzero;
}

/* The checks of one requirement; returns the callback's stop value or 0. */
static int lint_requirement(linter *l, const itsma_requirement *r, double eff, double median,
                            int guided, itsma__strmap *texts, char **norm)
{
	const char *id = r->id;
	int shall = r->obligation == ITSMA_OBLIGATION_SHALL;
	const char *clause = r->clause ? r->clause : r->section->clause;

	if (shall && r->basis != ITSMA_BASIS_STANDARD && wants(l, ITSMA_LINT_KIND_SHALL_BASIS) &&
	    report(l, ITSMA_LINT_KIND_SHALL_BASIS, id,
	           "%s is a shall with %s%s%s: a shall restates an obligation of the standard "
	           "(basis \"standard\")",
	           id, r->basis ? "basis \"" : "no basis", itsma_basis_name(r->basis),
	           r->basis ? "\"" : ""))
		return l->stop;
	if (shall && !r->verify && wants(l, ITSMA_LINT_KIND_SHALL_VERIFY) &&
	    report(l, ITSMA_LINT_KIND_SHALL_VERIFY, id,
	           "%s is a shall without \"verify\": say how an auditor tests it", id))
		return l->stop;
	if (shall && r->basis == ITSMA_BASIS_GOOD_PRACTICE &&
	    wants(l, ITSMA_LINT_KIND_GOOD_PRACTICE_SHALL) &&
	    report(l, ITSMA_LINT_KIND_GOOD_PRACTICE_SHALL, id,
	           "%s is a good practice but a shall: make it a should, or cite the clause that "
	           "requires it",
	           id))
		return l->stop;
	if (wants(l, ITSMA_LINT_KIND_WEIGHT) && median > 0) {
		/* a relative tolerance, so that a should weighing exactly the median passes */
		double tol = median * 1e-9;
		if (shall && (eff > 4 * median + tol || eff < median / 4 - tol) &&
		    report(l, ITSMA_LINT_KIND_WEIGHT, id,
		           "%s weighs %.3g %% of the whole, %.2f times the median shall (%.3g %%): "
		           "every shall should be within 4 times the median",
		           id, eff * 100, eff / median, median * 100))
			return l->stop;
		if (!shall && eff > median + tol &&
		    report(l, ITSMA_LINT_KIND_WEIGHT, id,
		           "%s is a should weighing %.3g %% of the whole, more than the median "
		           "shall (%.3g %%)",
		           id, eff * 100, median * 100))
			return l->stop;
	}
	if (!guided && wants(l, ITSMA_LINT_KIND_NO_GUIDANCE) &&
	    report(l, ITSMA_LINT_KIND_NO_GUIDANCE, id,
	           "%s has no guidance: give its section %s or a section above it \"guidance\"", id,
	           r->section->id))
		return l->stop;
	if (says_shall(r->text) && wants(l, ITSMA_LINT_KIND_SHALL_IN_TEXT) &&
	    report(l, ITSMA_LINT_KIND_SHALL_IN_TEXT, id,
	           "%s says \"shall\": state the fact an auditor checks (\"Every incident is "
	           "recorded.\")",
	           id))
		return l->stop;
	if (texts && wants(l, ITSMA_LINT_KIND_DUPLICATE_TEXT)) {
		size_t len = normalise(*norm, r->text);
		const itsma_requirement *first = itsma__strmap_get_n(texts, *norm, len);
		if (first) {
			if (report(l, ITSMA_LINT_KIND_DUPLICATE_TEXT, id,
			           "%s has the same text as %s", id, first->id))
				return l->stop;
		} else {
			/* the key stays where it is; the next text goes after it */
			itsma__strmap_put(texts, *norm, (void *)r); /* cannot fail: reserved */
			*norm += len + 1;
		}
	}
	if (wants(l, ITSMA_LINT_KIND_ID_FORM)) {
		if (!clause) {
			if (report(l, ITSMA_LINT_KIND_ID_FORM, id,
			           "%s has no clause (neither its own nor its section's) to form "
			           "its id from",
			           id))
				return l->stop;
		} else if (!id_has_form(id, clause) &&
		           report(l, ITSMA_LINT_KIND_ID_FORM, id,
		                  "%s is not of the form %.64s-NN (its clause, a hyphen, a number "
		                  "of two or more digits)",
		                  id, clause)) {
			return l->stop;
		}
	}
	return 0;
}

static int lint_clauses(linter *l, const itsma_lint_options *o, itsma_error *err)
{
	itsma__strmap have = ITSMA__STRMAP_INIT;
	size_t i;
	int rc = 0;
	if (!o || !o->clause_count || !wants(l, ITSMA_LINT_KIND_MISSING_CLAUSE))
		return 0;
	if (itsma__strmap_reserve(&have, l->cat->section_count) < 0)
		return itsma__error_nomem(err);
	for (i = 0; i < l->cat->section_count; i++)
		if (l->cat->sections[i]->clause)
			itsma__strmap_put(&have, l->cat->sections[i]->clause, l->cat->sections[i]);
	for (i = 0; i < o->clause_count && !rc; i++)
		if (!itsma__strmap_get(&have, o->clauses[i]))
			rc = report(l, ITSMA_LINT_KIND_MISSING_CLAUSE, o->clauses[i],
			            "clause %.64s is missing: no section has it as its clause",
			            o->clauses[i]);
	itsma__strmap_free(&have);
	return rc;
}

int itsma_catalogue_lint(size_t *count_out, const itsma_catalogue *c,
                         const itsma_lint_options *opts, itsma_lint_cb cb, void *payload,
                         itsma_error *err)
{
	linter l;

	double *eff = NULL, median = 0;
	unsigned char *guided = NULL;
	char *norm = NULL, *store = NULL;
	itsma__strmap texts = ITSMA__STRMAP_INIT;
	size_t i;
	int rc = 0;

	itsma__error_reset(err);
	if (count_out)
		*count_out = 0;
	if (!c)
		return itsma__error_set(err, ITSMA_EINVAL, "catalogue must not be NULL");
	if (opts && itsma__version_check(opts->version, ITSMA_LINT_OPTIONS_VERSION,
	                                 "itsma_lint_options", err) < 0)
		return ITSMA_EINVAL;
	if (opts && opts->clause_count && !opts->clauses)
		return itsma__error_set(err, ITSMA_EINVAL, "clauses is NULL but its count is %zu",
		                        opts->clause_count);
	for (i = 0; opts && i < opts->clause_count; i++)
		if (!opts->clauses[i])
			return itsma__error_set(err, ITSMA_EINVAL, "clauses[%zu] is NULL", i);
	memset(&l, 0, sizeof l);
	l.cat = c;
	l.skip = opts ? opts->skip : 0;
	l.cb = cb;
	l.payload = payload;

	eff = malloc((c->requirement_count ? c->requirement_count : 1) * sizeof *eff);
	guided = malloc(c->section_count ? c->section_count : 1);
	/* every normalised text is kept (keys of `texts`) until the end: one block for them all */
	{
		size_t total = 0;
		for (i = 0; i < c->requirement_count; i++)
			total += strlen(c->requirements[i]->text) + 1;
		store = malloc(total ? total : 1);
	}
	norm = store;
	if (!eff || !guided || !store || itsma__strmap_reserve(&texts, c->requirement_count) < 0) {
		rc = itsma__error_nomem(err);
		goto out;
	}
	if ((rc = itsma_catalogue_effective_weights(eff, c->requirement_count, c, err)) < 0)
		goto out;
	if (median_shall(&median, c, eff) < 0) {
		rc = itsma__error_nomem(err);
		goto out;
	}
	/* merged guidance: a section is guided when it or a section above it has guidance */
	for (i = 0; i < c->section_count; i++) {
		const itsma_section *s = c->sections[i];
		guided[i] = s->guidance_count > 0 || (s->parent && guided[s->parent->index]);
	}
	for (i = 0; i < c->requirement_count && !rc; i++) {
		const itsma_requirement *r = c->requirements[i];
		rc = lint_requirement(&l, r, eff[i], median, guided[r->section->index], &texts,
		                      &norm);
	}
	if (!rc)
		rc = lint_clauses(&l, opts, err);
out:
	if (count_out)
		*count_out = l.count;
	itsma__strmap_free(&texts);
	free(store);
	free(guided);
	free(eff);
	return rc;
}
