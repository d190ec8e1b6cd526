/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What the importers and exporters of OSCAL and CISO Assistant share: ids made from foreign
 * identifiers, x- keys on catalogue objects built in code, warnings, version-5 UUIDs
 * (SHA-1 through libcrypto) and CSV cells.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "internal/error.h"
#include "internal/interop.h"
#include "internal/json_in.h"

int itsma_interop_options_init(itsma_interop_options *opts, unsigned int version)
{
	static const itsma_interop_options defaults = ITSMA_INTEROP_OPTIONS_INIT;
	if (!opts || itsma__version_check(version, ITSMA_INTEROP_OPTIONS_VERSION, NULL, NULL) < 0)
		return ITSMA_EINVAL;
	*opts = defaults;
	return 0;
}

/* ---- ids ------------------------------------------------------------------------------------ */

void itsma__idgen_init(itsma__idgen *g)
{
	itsma__idgen z = { ITSMA__ARENA_INIT, ITSMA__STRMAP_INIT, ITSMA__STRMAP_INIT };
	*g = z;
}

void itsma__idgen_fini(itsma__idgen *g)
{
	itsma__strmap_free(&g->taken);
	itsma__strmap_free(&g->next);
	itsma__arena_free(&g->arena);
}

static int id_char(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '_' || c == ':' || c == '-';
}

static int reserve(itsma__idgen *g, const char *id, itsma_error *err)
{
	int failed = 0;
	char *k = itsma__arena_strdup(&g->arena, id, &failed);
	if (failed || itsma__strmap_put(&g->taken, k, (void *)1) < 0)
		return itsma__error_nomem(err);
	return 0;
}

int itsma__idgen_make(itsma__idgen *g, const char *raw, size_t len, const char *fallback,
                      char out[65], itsma_error *err)
{
	char base[65];
	size_t n = 0, i;
	uintptr_t next;
	int failed = 0;
	char *key;

	for (i = 0; i < len && n < 64; i++) {
		unsigned char c = (unsigned char)raw[i];
		if (id_char(c))
			base[n++] = (char)c;
		else if (n == 0 || base[n - 1] != '_')
			base[n++] = '_';
	}
	base[n] = '\0';
	if (n == 0 || strspn(base, "_") == n) {
		snprintf(base, sizeof base, "%s", fallback);
		n = strlen(base);
	}
	if (!itsma__strmap_get(&g->taken, base)) {
		memcpy(out, base, n + 1);
		return reserve(g, out, err);
	}
	next = (uintptr_t)itsma__strmap_get(&g->next, base);
	if (next < 2)
		next = 2;
	for (;; next++) {
		char suffix[24];
		size_t sl = (size_t)snprintf(suffix, sizeof suffix, "-%lu", (unsigned long)next);
		size_t keep = n + sl > 64 ? 64 - sl : n;
		memcpy(out, base, keep);
		memcpy(out + keep, suffix, sl + 1);
		if (!itsma__strmap_get(&g->taken, out))
			break;
	}
	key = itsma__arena_strdup(&g->arena, base, &failed);
	if (failed || itsma__strmap_put(&g->next, key, (void *)(next + 1)) < 0)
		return itsma__error_nomem(err);
	return reserve(g, out, err);
}

/* ---- x- keys ------------------------------------------------------------------------------- */

int itsma__ext_put(itsma__ext **x, const char *key, json_object *value, itsma_error *err)
{
	/* extensions are kept as their JSON text (lib/ext.c) */
	int rc = value ? itsma__ext_add_json(x, key, value) : ITSMA_ENOMEM;
	json_object_put(value);
	return rc < 0 ? itsma__error_nomem(err) : 0;
}

int itsma__ext_put_string(itsma__ext **x, const char *key, const char *value, itsma_error *err)
{
	if (!value)
		return 0;
	return itsma__ext_put(x, key, json_object_new_string(value), err);
}

json_object *itsma__ext_get(const itsma__ext *x, const char *key)
{
	size_t i;
	for (i = 0; x && i < x->count; i++)
		if (strcmp(x->keys[i], key) == 0)
			return json_tokener_parse(x->values[i]);
	return NULL;
}

void itsma__ext_member_json(itsma__buf *b, const itsma__ext *x, size_t index)
{
	itsma__buf_putc(b, '{');
	itsma__buf_json_string(b, x->keys[index]);
	itsma__buf_putc(b, ':');
	itsma__buf_puts(b, x->values[index]); /* kept compact and strictly valid (lib/ext.c) */
	itsma__buf_putc(b, '}');
}

int itsma__ext_take_members(itsma__ext **x, json_object *obj, itsma_error *err)
{
	json_object_iter it;
	size_t i;
	if (!obj || !json_object_is_type(obj, json_type_object))
		return 0;
	json_object_object_foreachC(obj, it)
	{
		if (strncmp(it.key, "x-", 2) != 0 || !it.key[2])
			continue;
		for (i = 0; *x && i < (*x)->count; i++)
			if (strcmp((*x)->keys[i], it.key) == 0)
				return itsma__error_set(err, ITSMA_EEXISTS,
				                        "x- key \"%.60s\" given twice", it.key);
		if (itsma__ext_add_json(x, it.key, it.val) < 0)
			return itsma__error_nomem(err);
	}
	return 0;
}

int itsma__interop_parse_json(json_object **out, const char *text, size_t len,
                              const itsma_load_options *load, itsma_error *err)
{
	itsma__reader rd;
	size_t end;
	int rc;
	*out = NULL;
	if ((rc = itsma__reader_init(&rd, text, len, "<itsma>", load, err)) < 0)
		return rc;
	rc = itsma__json_parse(&rd, 0, 0, "", out, &end);
	if (rc == 0 && itsma__json_ws(&rd, end) < len)
		rc = itsma__json_syntax(&rd, end, "unexpected text after the end of the document");
	if (rc < 0) {
		json_object_put(*out);
		*out = NULL;
	}
	itsma__reader_fini(&rd);
	return rc;
}

void itsma__section_take_ext(const itsma_section *s, itsma__ext **x)
{
	itsma_section *m = (itsma_section *)(uintptr_t)s;
	itsma__ext_free(m->ext);
	m->ext = *x;
	*x = NULL;
}

void itsma__requirement_take_ext(const itsma_requirement *r, itsma__ext **x)
{
	itsma_requirement *m = (itsma_requirement *)(uintptr_t)r;
	itsma__ext_free(m->ext);
	m->ext = *x;
	*x = NULL;
}

/* ---- warnings ------------------------------------------------------------------------------ */

int itsma__warn_located(itsma__warner *w, itsma__reader *rd, itsma_error *e, int *stop,
                        const char *ptr, const char *msg)
{
	int line = 0, col = 0, rc;
	if (w->cb && w->count < ITSMA__WARN_LOCATED) {
		itsma_error saved = *e;
		itsma_error_clear(e);
		snprintf(e->pointer, sizeof e->pointer, "%s", ptr);
		itsma__json_locate_error(rd);
		line = e->line;
		col = e->column;
		*e = saved;
	}
	rc = itsma__warn(w, ptr, line, col, "%s", msg);
	if (rc) {
		*stop = rc;
		itsma__error_set(e, rc, "stopped by the warning callback at %s", ptr);
	}
	return rc;
}

int itsma__warn(itsma__warner *w, const char *pointer, int line, int column, const char *fmt, ...)
{
	itsma_error e = ITSMA_ERROR_INIT;
	va_list ap;
	w->count++;
	if (!w->cb)
		return 0;
	va_start(ap, fmt);
	vsnprintf(e.message, sizeof e.message, fmt, ap);
	va_end(ap);
	snprintf(e.source, sizeof e.source, "%s", w->source ? w->source : "<buffer>");
	snprintf(e.pointer, sizeof e.pointer, "%s", pointer ? pointer : "");
	e.line = line;
	e.column = column;
	return w->cb(&e, w->payload);
}

/* ---- version-5 UUIDs ------------------------------------------------------------------------ */

int itsma__uuid5(char out[37], const unsigned char ns[16], const char *name, size_t len,
                 itsma_error *err)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	size_t i, o = 0;
	if (!ctx)
		return itsma__error_nomem(err);
	if (EVP_DigestInit_ex(ctx, EVP_sha1(), NULL) != 1 || EVP_DigestUpdate(ctx, ns, 16) != 1 ||
	    EVP_DigestUpdate(ctx, name, len) != 1 || EVP_DigestFinal_ex(ctx, md, &mdlen) != 1 ||
	    mdlen < 16) {
		EVP_MD_CTX_free(ctx);
		return itsma__error_set(err, ITSMA_ERROR, "SHA-1 is not available from libcrypto");
	}
	EVP_MD_CTX_free(ctx);
	md[6] = (unsigned char)((md[6] & 0x0F) | 0x50); /* version 5 */
	md[8] = (unsigned char)((md[8] & 0x3F) | 0x80); /* RFC 9562 variant */
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[md[i] >> 4];
		out[o++] = hex[md[i] & 15];
	}
	out[o] = '\0';
	return 0;
}

/* ---- CSV ------------------------------------------------------------------------------------- */

void itsma__csv_text(itsma__buf *b, const char *s)
{
	int formula, quote;
	const char *p;
	if (!s || !*s)
		return;
	formula = strchr("=+-@\t\r", s[0]) != NULL;
	quote = formula || strpbrk(s, ",\"\r\n") != NULL;
	if (!quote) {
		itsma__buf_puts(b, s);
		return;
	}
	itsma__buf_putc(b, '"');
	if (formula)
		itsma__buf_putc(b, '\'');
	for (p = s; *p; p++) {
		if (*p == '"')
			itsma__buf_putc(b, '"');
		itsma__buf_putc(b, *p);
	}
	itsma__buf_putc(b, '"');
}

void itsma__csv_number(itsma__buf *b, double v) { itsma__buf_json_number(b, v); }

/* ---- CISO Assistant urns -------------------------------------------------------------------- */

int itsma__ciso_packager(const char **out, const char *packager, itsma_error *err)
{
	const char *p;
	if (!packager) {
		*out = "itsma";
		return 0;
	}
	if (!*packager || strlen(packager) > 64)
		return itsma__error_set(err, ITSMA_EINVAL,
		                        "expected a packager of 1 to 64 characters");
	for (p = packager; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return itsma__error_set(
			    err, ITSMA_EINVAL,
			    "expected a packager of lower-case letters, digits and '-', not \"%s\"",
			    packager);
	*out = packager;
	return 0;
}

void itsma__ciso_urn_part(itsma__buf *b, const char *id)
{
	for (; *id; id++) {
		char c = *id;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
		           c == '-' || c == '_'))
			c = '-';
		itsma__buf_putc(b, c);
	}
}

static char *own(itsma__urns *u, const char *s)
{
	char *c = strdup(s);
	if (!c || itsma__grow((void **)&u->owned, &u->cap, u->count + 1, sizeof *u->owned) < 0) {
		free(c);
		return NULL;
	}
	u->owned[u->count++] = c;
	return c;
}

/* The string value of extension `key`, decoded into `tmp` (NULL when absent or not a string). */
static const char *ext_string(const itsma__ext *x, const char *key, itsma__buf *tmp)
{
	json_object *v = itsma__ext_get(x, key);
	const char *out = NULL;
	tmp->len = 0;
	if (v && json_object_is_type(v, json_type_string)) {
		itsma__buf_append(tmp, json_object_get_string(v),
		                  (size_t)json_object_get_string_len(v));
		itsma__buf_putc(tmp, '\0');
		out = tmp->oom ? NULL : tmp->data;
	}
	json_object_put(v);
	return out;
}

/* Give `id` its urn: `given` when free, else prefix + id, unique. */
static int urn_for(itsma__urns *u, itsma__buf *b, const char *prefix, const char *id,
                   const char *given)
{
	char *urn, *key;
	unsigned long k = 2;
	size_t base;
	b->len = 0;
	if (given && !itsma__strmap_get(&u->by_urn, given)) {
		itsma__buf_puts(b, given);
	} else {
		itsma__buf_puts(b, prefix);
		itsma__ciso_urn_part(b, id);
		base = b->len;
		while (!b->oom && itsma__strmap_get(&u->by_urn, b->data)) {
			b->len = base;
			itsma__buf_printf(b, "-%lu", k++);
		}
	}
	if (b->oom || !(urn = own(u, b->data)) || !(key = own(u, id)) ||
	    itsma__strmap_put(&u->by_urn, urn, key) < 0 ||
	    itsma__strmap_put(&u->by_id, key, urn) < 0)
		return -1;
	return 0;
}

int itsma__urns_build(itsma__urns *u, const itsma_catalogue *cat, const char *packager,
                      itsma_error *err)
{
	itsma__buf b = ITSMA__BUF_INIT, ref = ITSMA__BUF_INIT, prefix = ITSMA__BUF_INIT;
	itsma__buf tmp = ITSMA__BUF_INIT;
	const char *given;
	size_t i, j;
	int rc = 0;
	memset(u, 0, sizeof *u);
	itsma__ciso_urn_part(&ref, itsma_catalogue_id(cat));
	itsma__buf_printf(&prefix, "urn:%s:risk:req_node:%s:", packager, ref.data ? ref.data : "");
	given = ext_string(cat->ext, "x-ciso-framework-urn", &tmp);
	if (given)
		itsma__buf_puts(&b, given);
	else
		itsma__buf_printf(&b, "urn:%s:risk:framework:%s", packager,
		                  ref.data ? ref.data : "");
	if (b.oom || !(u->framework = own(u, b.data)))
		goto nomem;
	b.len = 0;
	given = ext_string(cat->ext, "x-ciso-urn", &tmp);
	if (given)
		itsma__buf_puts(&b, given);
	else
		itsma__buf_printf(&b, "urn:%s:risk:library:%s", packager, ref.data ? ref.data : "");
	if (b.oom || !(u->library = own(u, b.data)) || prefix.oom || ref.oom)
		goto nomem;
	for (i = 0; i < itsma_catalogue_section_count(cat); i++) {
		const itsma_section *s = itsma_catalogue_section_at(cat, i);
		if (urn_for(u, &b, prefix.data, itsma_section_id(s),
		            ext_string(s->ext, "x-ciso-urn", &tmp)) < 0)
			goto nomem;
		for (j = 0; j < itsma_section_requirement_count(s); j++) {
			const itsma_requirement *r = itsma_section_requirement_at(s, j);
			if (urn_for(u, &b, prefix.data, itsma_requirement_id(r),
			            ext_string(r->ext, "x-ciso-urn", &tmp)) < 0)
				goto nomem;
		}
	}
	goto out;
nomem:
	rc = itsma__error_nomem(err);
	itsma__urns_fini(u);
out:
	itsma__buf_free(&b);
	itsma__buf_free(&ref);
	itsma__buf_free(&prefix);
	itsma__buf_free(&tmp);
	return rc;
}

void itsma__urns_fini(itsma__urns *u)
{
	size_t i;
	for (i = 0; i < u->count; i++)
		free(u->owned[i]);
	free(u->owned);
	itsma__strmap_free(&u->by_id);
	itsma__strmap_free(&u->by_urn);
	memset(u, 0, sizeof *u);
}
