/*
 * dict.c -- the library's one hash table: byte-string keys to 32-bit
 * values (an id, an index into the caller's array, a flag), in the spirit
 * of Redis' dict.c, written small.  Infrastructure, not a stage: the word
 * caches of the normaliser (norm.c) and the string tables of the ROUGE
 * scorer (rouge.c) are dicts.
 *
 * Layout.  Open addressing with linear probing over a power-of-two array
 * of entries (hash, key offset, key length, value); the keys are copied
 * into one growing byte pool, so a table makes two allocations in all,
 * not one per key, and a probe touches one 24-byte entry before it
 * compares key bytes only when the full 64-bit hashes agree.
 *
 * Growth.  When an insert brings the load past 3/4 the entry array
 * doubles and every entry is placed again by its stored hash (no key is
 * hashed twice); the pool grows by doubling.  Redis rehashes
 * incrementally to bound the pause of one insert; our tables live inside
 * one batch call, where only the total matters, so a table rehashes at
 * once.
 *
 * Look-up is split in two, as the callers need it: dict_slot() finds the
 * key's entry or the empty slot it would take (inline in internal.h, the
 * normaliser calls it once per word), and dict_insert() fills that empty
 * slot.  The caller hashes the key (hash_bytes) once for both.  Nothing
 * is ever removed but by dict_clear(), so no tombstones are needed.
 */
#include "internal.h"

int dict_init(dict *d, size_t cap)
{
    memset(d, 0, sizeof *d);
    if (cap < 16 || (cap & (cap - 1)))
        cap = 16;
    d->tab = pmalloc(pmul(cap, sizeof *d->tab));
    if (!d->tab)
        return -1;
    d->cap = cap;
    dict_clear(d);
    return 0;
}

void dict_free(dict *d)
{
    pfree(d->tab);
    pfree(d->pool);
    memset(d, 0, sizeof *d);
}

void dict_clear(dict *d)
{
    for (size_t i = 0; i < d->cap; i++)
        d->tab[i].len = DICT_EMPTY;
    d->n = 0;
    d->pool_len = 0;
}

/* Doubles the entry array and places every entry again by its hash. */
static int dict_grow(dict *d)
{
    size_t ncap = d->cap * 2;
    dict_entry *nt = pmalloc(pmul(ncap, sizeof *nt));
    if (!nt)
        return -1;
    for (size_t i = 0; i < ncap; i++)
        nt[i].len = DICT_EMPTY;
    for (size_t i = 0; i < d->cap; i++) {
        const dict_entry *e = &d->tab[i];
        if (e->len == DICT_EMPTY)
            continue;
        size_t j = (size_t)e->hash & (ncap - 1);
        while (nt[j].len != DICT_EMPTY)
            j = (j + 1) & (ncap - 1);
        nt[j] = *e;
    }
    pfree(d->tab);
    d->tab = nt;
    d->cap = ncap;
    return 0;
}

int dict_insert(dict *d, dict_entry *slot, const void *key, size_t len, uint64_t h,
                uint32_t value)
{
    if (len >= DICT_EMPTY)
        return -1;
    if (d->pool_len + len > d->pool_cap) {
        size_t ncap = d->pool_cap ? d->pool_cap * 2 : 4096;
        while (ncap < d->pool_len + len)
            ncap *= 2;
        char *np = prealloc(d->pool, ncap);
        if (!np)
            return -1;
        d->pool = np;
        d->pool_cap = ncap;
    }
    if (len)
        memcpy(d->pool + d->pool_len, key, len);
    slot->hash = h;
    slot->off = d->pool_len;
    slot->len = (uint32_t)len;
    slot->value = value;
    d->pool_len += len;
    d->n++;
    if (d->n * 4 > d->cap * 3 && dict_grow(d))
        return -1;
    return 0;
}

uint32_t *dict_get(const dict *d, const void *key, size_t len)
{
    dict_entry *e = dict_slot(d, key, len, hash_bytes(key, len));
    return e->len == DICT_EMPTY ? NULL : &e->value;
}

int dict_set(dict *d, const void *key, size_t len, uint32_t value)
{
    uint64_t h = hash_bytes(key, len);
    dict_entry *e = dict_slot(d, key, len, h);
    if (e->len != DICT_EMPTY) {
        e->value = value;
        return 0;
    }
    return dict_insert(d, e, key, len, h, value);
}
