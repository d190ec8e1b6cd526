/* String-keyed open-addressing hash map (internal). */
#include "internal/strmap.h"
#include "internal/prefetch.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char tombstone_byte = 0;
#define TOMBSTONE (&tombstone_byte)

size_t itsma__strhash(const char *s)
{
	return itsma__strhash_n(s, strlen(s));
}

size_t itsma__strhash_n(const char *s, size_t len)
{
	/* FNV-1a, 64-bit, finished with a multiply-xorshift for better high bits. */
	uint64_t h = 1469598103934665603ULL;
	size_t i;
	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 32;
	return (size_t)h;
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
		if (s->hash == hash && s->key != TOMBSTONE && strncmp(s->key, key, len) == 0 &&
		    s->key[len] == '\0')
			return s;
	}
}

itsma__strmap_slot *itsma__strmap_probe(itsma__strmap *m, const char *key, size_t len, size_t hash)
{
	return (itsma__strmap_slot *)(uintptr_t)find(m, key, len, hash); /* m is not const here */
}

void itsma__strmap_fill(itsma__strmap *m, itsma__strmap_slot *s, const char *key, size_t hash,
                        void *value)
{
	s->key = key;
	s->hash = hash;
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
			out[base + i] = itsma__strmap_get_hashed(m, keys[base + i], lens[base + i], h[i]);
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
	size_t h, i, mask;
	itsma__strmap_slot *tomb = NULL;

	if (itsma__strmap_reserve(m, 1) < 0)
		return -1;
	h = itsma__strhash(key);
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
			s->hash = h;
			m->count++;
			return 0;
		}
		if (s->key == TOMBSTONE) {
			if (!tomb)
				tomb = s;
			continue;
		}
		if (s->hash == h && strcmp(s->key, key) == 0) {
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

void itsma__strmap_free(itsma__strmap *m)
{
	free(m->slots);
	memset(m, 0, sizeof *m);
}
