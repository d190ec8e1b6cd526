/* SPDX-License-Identifier: Apache-2.0 */
/* String-keyed open-addressing hash map (internal). */
#include "internal/strmap.h"
#include "internal/prefetch.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char tombstone_byte = 0;
#define TOMBSTONE (&tombstone_byte)

/* Words of a key in host byte order, from any address (memcpy: no alignment or aliasing
 * assumed). */
static uint64_t load64(const char *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof v);
	return v;
}

static uint32_t load32(const char *p)
{
	uint32_t v;
	memcpy(&v, p, sizeof v);
	return v;
}

/* Up to 8 bytes of a key of length 1 to 8 in one word, every byte in it (the two loads of
 * 4 to 8 bytes overlap; for 1 to 3 bytes, the first, middle and last cover them all). */
static uint64_t tail_word(const char *s, size_t len)
{
	if (len == 8)
		return load64(s);
	if (len >= 4)
		return load32(s) | (uint64_t)load32(s + len - 4) << 32;
	return (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[len >> 1] << 8 |
	       (unsigned char)s[len - 1];
}

size_t itsma__strhash_n(const char *s, size_t len)
{
	/* a word at a time (the length seeds it, so the overlapping tail stays unambiguous),
	 * each word multiplied in and folded, then a multiply-xorshift finish */
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ (uint64_t)len * 0xff51afd7ed558ccdULL;
	size_t i;
	for (i = 0; i + 8 < len; i += 8) {
		h = (h ^ load64(s + i)) * 0xbf58476d1ce4e5b9ULL;
		h ^= h >> 31;
	}
	if (len)
		h = (h ^ tail_word(s + i, len - i)) * 0x94d049bb133111ebULL;
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 32;
	return (size_t)(uint32_t)h;
}

/* Equal keys of the same length len (both readable for len bytes). */
static int same_key(const char *a, const char *b, size_t len)
{
	if (len > 16)
		return memcmp(a, b, len) == 0;
	if (len > 8)
		return load64(a) == load64(b) && load64(a + len - 8) == load64(b + len - 8);
	return len == 0 || tail_word(a, len) == tail_word(b, len);
}

/* The slot holding the key, or the empty slot that ends its probe sequence (the map has a
 * capacity). */
static const itsma__strmap_slot *find(const itsma__strmap *m, const char *key, size_t len,
                                      size_t hash)
{
	size_t i, mask = m->cap - 1;
	for (i = hash & mask;; i = (i + 1) & mask) {
		const itsma__strmap_slot *s = &m->slots[i];
		if (!s->key)
			return s;
		if (s->hash == hash && s->len == len && s->key != TOMBSTONE &&
		    same_key(s->key, key, len))
			return s;
	}
}

itsma__strmap_slot *itsma__strmap_probe(itsma__strmap *m, const char *key, size_t len, size_t hash)
{
	return (itsma__strmap_slot *)(uintptr_t)find(m, key, len, hash); /* m is not const here */
}

void itsma__strmap_fill(itsma__strmap *m, itsma__strmap_slot *s, const char *key, size_t len,
                        size_t hash, void *value)
{
	s->key = key;
	s->hash = (uint32_t)hash;
	s->len = (uint32_t)len;
	s->value = value;
	m->count++;
	m->used++;
}

void *itsma__strmap_get_n(const itsma__strmap *m, const char *key, size_t len)
{
	if (!m->cap)
		return NULL;
	return itsma__strmap_get_hashed(m, key, len, itsma__strhash_n(key, len));
}

void *itsma__strmap_get_hashed(const itsma__strmap *m, const char *key, size_t len, size_t h)
{
	const itsma__strmap_slot *s;
	if (!m->cap)
		return NULL;
	s = find(m, key, len, h);
	return s->key ? s->value : NULL;
}

void *itsma__strmap_get(const itsma__strmap *m, const char *key)
{
	return itsma__strmap_get_n(m, key, strlen(key));
}

void itsma__strmap_get_n_batch(const itsma__strmap *m, const char *const *keys, const size_t *lens,
                               size_t n, void **out)
{
	size_t h[16], i, base, mask;
	if (!m->cap) {
		for (i = 0; i < n; i++)
			out[i] = NULL;
		return;
	}
	mask = m->cap - 1;
	for (base = 0; base < n; base += 16) {
		size_t k = n - base < 16 ? n - base : 16;
		/* the hashes first, asking for every home slot, then the keys those hold, then the
		 * comparisons: the cache misses of up to 16 lookups overlap instead of following
		 * one another */
		for (i = 0; i < k; i++) {
			h[i] = itsma__strhash_n(keys[base + i], lens[base + i]);
			ITSMA__PREFETCH(&m->slots[h[i] & mask]);
		}
		for (i = 0; i < k; i++)
			ITSMA__PREFETCH(m->slots[h[i] & mask].key);
		for (i = 0; i < k; i++)
			out[base + i] =
			    itsma__strmap_get_hashed(m, keys[base + i], lens[base + i], h[i]);
	}
}

void itsma__strmap_prefetch(const itsma__strmap *m, size_t hash)
{
	if (m->cap)
		ITSMA__PREFETCH(&m->slots[hash & (m->cap - 1)]);
}

static int rehash(itsma__strmap *m, size_t cap)
{
	itsma__strmap_slot *slots = calloc(cap, sizeof *slots);
	size_t i, j;
	if (!slots)
		return -1;
	for (i = 0; i < m->cap; i++) {
		itsma__strmap_slot *s = &m->slots[i];
		if (!s->key || s->key == TOMBSTONE)
			continue;
		for (j = s->hash & (cap - 1); slots[j].key; j = (j + 1) & (cap - 1))
			;
		slots[j] = *s;
	}
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
	m->used = m->count;
	return 0;
}

int itsma__strmap_reserve(itsma__strmap *m, size_t extra)
{
	size_t need = m->used + extra, cap = m->cap ? m->cap : 16;
	if (need > ((size_t)-1) / 4)
		return -1;
	if (m->cap && need * 4 < m->cap * 3)
		return 0;
	while (need * 4 >= cap * 3)
		cap *= 2;
	return rehash(m, cap);
}

int itsma__strmap_put(itsma__strmap *m, const char *key, void *value)
{
	size_t h, i, mask, len = strlen(key);
	itsma__strmap_slot *tomb = NULL;

	if (len > UINT32_MAX || itsma__strmap_reserve(m, 1) < 0)
		return -1;
	h = itsma__strhash_n(key, len);
	mask = m->cap - 1;
	for (i = h & mask;; i = (i + 1) & mask) {
		itsma__strmap_slot *s = &m->slots[i];
		if (!s->key) {
			if (tomb) {
				s = tomb;
			} else {
				m->used++;
			}
			s->key = key;
			s->value = value;
			s->hash = (uint32_t)h;
			s->len = (uint32_t)len;
			m->count++;
			return 0;
		}
		if (s->key == TOMBSTONE) {
			if (!tomb)
				tomb = s;
			continue;
		}
		if (s->hash == h && s->len == len && same_key(s->key, key, len)) {
			s->key = key;
			s->value = value;
			return 0;
		}
	}
}

void itsma__strmap_del(itsma__strmap *m, const char *key)
{
	size_t len;
	itsma__strmap_slot *s;
	if (!m->cap)
		return;
	len = strlen(key);
	s = itsma__strmap_probe(m, key, len, itsma__strhash_n(key, len));
	if (!s->key)
		return;
	s->key = TOMBSTONE;
	s->value = NULL;
	m->count--;
}

int itsma__strmap_copy(itsma__strmap *dst, const itsma__strmap *src,
                       void (*remap)(const char **key, void **value, void *payload), void *payload)
{
	size_t i;
	memset(dst, 0, sizeof *dst);
	if (!src->cap)
		return 0;
	dst->slots = malloc(src->cap * sizeof *dst->slots);
	if (!dst->slots)
		return -1;
	memcpy(dst->slots, src->slots, src->cap * sizeof *dst->slots);
	dst->cap = src->cap;
	dst->count = src->count;
	dst->used = src->used;
	for (i = 0; i < dst->cap; i++)
		if (dst->slots[i].key && dst->slots[i].key != TOMBSTONE)
			remap(&dst->slots[i].key, &dst->slots[i].value, payload);
	return 0;
}

void itsma__strmap_free(itsma__strmap *m)
{
	free(m->slots);
	memset(m, 0, sizeof *m);
}
