/* SPDX-License-Identifier: Apache-2.0 */
/*
 * String-keyed hash map (internal): open addressing, keys borrowed (the caller keeps
 * them alive and unchanged), values are pointers. O(1) expected lookups. Keys are shorter
 * than 4 GiB (itsma's are identifiers, at most 64 bytes).
 */
#ifndef ITSMA_INTERNAL_STRMAP_H
#define ITSMA_INTERNAL_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct itsma__strmap_slot {
	const char *key; /* NULL = empty; a private address = deleted */
	void *value;
	uint32_t hash; /* itsma__strhash_n of the key */
	uint32_t len;  /* its length: keys are compared without reading past either end */
} itsma__strmap_slot;

typedef struct itsma__strmap {
	itsma__strmap_slot *slots;
	size_t cap;   /* power of two or 0 */
	size_t count; /* live keys */
	size_t used;  /* live + tombstones */
} itsma__strmap;

#define ITSMA__STRMAP_INIT                                                                         \
	{                                                                                          \
		NULL, 0, 0, 0                                                                      \
	}

void *itsma__strmap_get(const itsma__strmap *m, const char *key);
/* The hash of the first len bytes of a key (32 bits, in a size_t), read a word at a time. */
size_t itsma__strhash_n(const char *s, size_t len);
/* Lookup of a key of known length (it need not be NUL-terminated). */
void *itsma__strmap_get_n(const itsma__strmap *m, const char *key, size_t len);
/* The same with the key's hash (itsma__strhash_n) computed already. */
void *itsma__strmap_get_hashed(const itsma__strmap *m, const char *key, size_t len, size_t hash);
/* n lookups of keys of known length at once (out[i] for keys[i], NULL when absent): on a map
 * larger than the cache, their cache misses overlap. */
void itsma__strmap_get_n_batch(const itsma__strmap *m, const char *const *keys, const size_t *lens,
                               size_t n, void **out);
/* Ask for the cache line of the slot where a key of this hash starts probing. */
void itsma__strmap_prefetch(const itsma__strmap *m, size_t hash);
/*
 * One probe for get-or-insert: the slot holding the key, or the empty slot where it would go
 * (key NULL). The map must have room (itsma__strmap_reserve(m, 1)) and a capacity.
 */
itsma__strmap_slot *itsma__strmap_probe(itsma__strmap *m, const char *key, size_t len, size_t hash);
/* Fill the empty slot itsma__strmap_probe returned (key of length len, hash as probed). */
void itsma__strmap_fill(itsma__strmap *m, itsma__strmap_slot *s, const char *key, size_t len,
                        size_t hash, void *value);
/* Insert or overwrite; -1 on allocation failure or a key of 4 GiB or more (map unchanged). */
int itsma__strmap_put(itsma__strmap *m, const char *key, void *value);
/* Make sure `extra` more keys fit without rehashing; -1 on allocation failure. */
int itsma__strmap_reserve(itsma__strmap *m, size_t extra);
/* Remove a key (no-op when absent). */
void itsma__strmap_del(itsma__strmap *m, const char *key);
/*
 * Copy src into dst (its previous content is not freed) slot for slot, without hashing or
 * probing: remap() gives each live key's new key (equal to the old one) and value. 0, or -1
 * on allocation failure (dst empty).
 */
int itsma__strmap_copy(itsma__strmap *dst, const itsma__strmap *src,
                       void (*remap)(const char **key, void **value, void *payload), void *payload);
void itsma__strmap_free(itsma__strmap *m);

#endif
