/*
 * String-keyed hash map (internal): open addressing, keys borrowed (the caller keeps
 * them alive and unchanged), values are pointers. O(1) expected lookups.
 */
#ifndef ITSMA_INTERNAL_STRMAP_H
#define ITSMA_INTERNAL_STRMAP_H

#include <stddef.h>

typedef struct itsma__strmap_slot {
	const char *key; /* NULL = empty; ITSMA__TOMBSTONE = deleted */
	void *value;
	size_t hash;
} itsma__strmap_slot;

typedef struct itsma__strmap {
	itsma__strmap_slot *slots;
	size_t cap;   /* power of two or 0 */
	size_t count; /* live keys */
	size_t used;  /* live + tombstones */
} itsma__strmap;

#define ITSMA__STRMAP_INIT { NULL, 0, 0, 0 }

size_t itsma__strhash(const char *s);
void *itsma__strmap_get(const itsma__strmap *m, const char *key);
/* Insert or overwrite; -1 on allocation failure (map unchanged). */
int itsma__strmap_put(itsma__strmap *m, const char *key, void *value);
/* Make sure `extra` more keys fit without rehashing; -1 on allocation failure. */
int itsma__strmap_reserve(itsma__strmap *m, size_t extra);
/* Remove a key (no-op when absent). */
void itsma__strmap_del(itsma__strmap *m, const char *key);
void itsma__strmap_free(itsma__strmap *m);

#endif
