/*
 * lang.c -- the words of a language: the compiled packs (lang.h) and the
 * per-handle lookup table over one of them.
 *
 * The table is open addressing on a 64-bit FNV-1a hash of the folded
 * word, at most half full, so a lookup is one hash and about one probe;
 * it points into the constant pack, so it costs 8 bytes a slot.
 */
#include "lang.h"

#include "internal.h"

#define LANG_MAXW 32 /* longer words are never listed */

static const struct {
    const char *snowball, *code;
} lang_codes[] = {
    {"english", "en"}, {"spanish", "es"}, {"french", "fr"},  {"italian", "it"},
    {"german", "de"},  {"dutch", "nl"},   {"portuguese", "pt"},
};

const lang_pack *lang_pack_find(const char *name)
{
    if (!name)
        name = "english";
    const char *code = name;
    for (size_t i = 0; i < sizeof lang_codes / sizeof lang_codes[0]; i++)
        if (!strcmp(name, lang_codes[i].snowball))
            code = lang_codes[i].code;
    for (size_t i = 0; i < precis_lang_npacks; i++)
        if (!strcmp(precis_lang_packs[i].code, code))
            return &precis_lang_packs[i];
    return NULL;
}

/* strcmp of the NUL-terminated a against b[0..n). */
static int lang_cmp(const char *a, const char *b, size_t n)
{
    size_t i = 0;
    for (; i < n && a[i]; i++)
        if (a[i] != b[i])
            return (unsigned char)a[i] < (unsigned char)b[i] ? -1 : 1;
    if (i < n)
        return -1;
    return a[i] ? 1 : 0;
}

const lang_word *lang_pack_word(const lang_pack *p, const char *w, size_t n)
{
    if (!p || !n)
        return NULL;
    size_t lo = 0, hi = p->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = lang_cmp(p->w[mid].w, w, n);
        if (c == 0)
            return &p->w[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

struct lang {
    const lang_pack *pack;
    dict words; /* folded word -> its index in pack->w */
};

/* Folds w[0..n) into out (lower case: ASCII and the Latin-1 capitals
   À..Þ, which is what the Western European packs need); returns the
   length, 0 when too long. */
static size_t lang_fold(const char *w, size_t n, char *out)
{
    if (n > LANG_MAXW)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        else if (i > 0 && (unsigned char)w[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
            c = (unsigned char)(c + 0x20);
        out[i] = (char)c;
    }
    return n;
}

/* FNV-1a: cheaper than hash_bytes on words of a few bytes, and the
   table only ever sees its own hashes (dict_slot takes the caller's). */
static uint64_t lang_hash(const char *w, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 0x100000001b3ULL;
    return hash_mix(h);
}

lang *lang_new(const char *name)
{
    lang *l = pcalloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->pack = lang_pack_find(name);
    size_t n = l->pack ? l->pack->n : 0, cap = 16;
    while (cap < 2 * n + 2)
        cap *= 2;
    if (dict_init(&l->words, cap)) {
        pfree(l);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const char *w = l->pack->w[i].w;
        size_t len = strlen(w);
        if (!len)
            continue;
        /* a word listed twice keeps its first entry */
        uint64_t h = lang_hash(w, len);
        dict_entry *e = dict_slot(&l->words, w, len, h);
        if (e->len == DICT_EMPTY && dict_insert(&l->words, e, w, len, h, (uint32_t)i)) {
            lang_free(l);
            return NULL;
        }
    }
    return l;
}

void lang_free(lang *l)
{
    if (!l)
        return;
    dict_free(&l->words);
    pfree(l);
}

const lang_pack *lang_get_pack(const lang *l) { return l ? l->pack : NULL; }

static const lang_word *lang_lookup(const lang *l, const char *f, size_t n)
{
    const dict_entry *e = dict_slot(&l->words, f, n, lang_hash(f, n));
    return e->len != DICT_EMPTY ? &l->pack->w[e->value] : NULL;
}

const lang_word *lang_word_of(const lang *l, const char *w, size_t n)
{
    char f[LANG_MAXW];
    if (!l || !n || !lang_fold(w, n, f))
        return NULL;
    return lang_lookup(l, f, n);
}

const lang_word *lang_phrase(const lang *l, const char *a, size_t an, const char *b, size_t bn)
{
    char f[2 * LANG_MAXW + 1];
    if (!l || !an || !bn || !lang_fold(a, an, f) || !lang_fold(b, bn, f + an + 1))
        return NULL;
    f[an] = ' ';
    return lang_lookup(l, f, an + 1 + bn);
}
