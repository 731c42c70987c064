/*
 * norm.c -- normalisation for matching: the second stage of the pipeline,
 * after sentence splitting.  It turns the words of a sentence into ids of
 * folded, stemmed terms, so that "Sanctions", "sanctions" and "sanction"
 * match, while the output keeps each sentence's original bytes.
 *
 * A word is a maximal run of letters and digits (Unicode categories L*, N*
 * and combining marks), with inner apostrophes kept ("don't"); the curly
 * apostrophe folds to the straight one, an English possessive "'s" is
 * dropped.  Folding is Unicode case folding with NFC composition
 * (utf8proc), stemming is Snowball's (libstemmer) for the chosen language,
 * and English stop words are flagged, not dropped, so callers can build
 * bigrams over the full word sequence.
 *
 * Speed: the whole cost is a hash look-up per word.  A cache maps each
 * surface form, exactly as written, to its stem id and stop flag, so
 * folding and stemming run once per distinct surface form for the life of
 * the normaliser.  The cache is bounded (NORM_MAX_ENTRIES); past that it is
 * dropped between clusters, never inside one.
 */
#include "norm.h"

#include <libstemmer.h>
#include <utf8proc.h>

#define NORM_MAX_ENTRIES (1u << 21)

/* ---- a string -> uint32 map over a byte pool ---------------------------
 * Open addressing with linear probing; keys live in one growing pool so
 * the map does two allocations in all, not one per key. */
typedef struct smap_entry {
    uint64_t hash;
    size_t off;
    uint32_t len;
    uint32_t value; /* UINT32_MAX = empty slot */
} smap_entry;

typedef struct smap {
    smap_entry *tab;
    size_t cap, n;
    char *pool;
    size_t pool_len, pool_cap;
} smap;

static void smap_free(smap *m)
{
    pfree(m->tab);
    pfree(m->pool);
    memset(m, 0, sizeof *m);
}

static int smap_init(smap *m, size_t cap)
{
    memset(m, 0, sizeof *m);
    m->tab = pmalloc(pmul(cap, sizeof *m->tab));
    if (!m->tab)
        return -1;
    for (size_t i = 0; i < cap; i++)
        m->tab[i].value = UINT32_MAX;
    m->cap = cap;
    return 0;
}

static void smap_clear(smap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        m->tab[i].value = UINT32_MAX;
    m->n = 0;
    m->pool_len = 0;
}

/* Finds key; returns its slot (value == UINT32_MAX when absent). */
static smap_entry *smap_find(const smap *m, const char *k, size_t len, uint64_t h)
{
    size_t mask = m->cap - 1;
    size_t i = (size_t)h & mask;
    for (;;) {
        smap_entry *e = &m->tab[i];
        if (e->value == UINT32_MAX)
            return e;
        if (e->hash == h && e->len == len && memcmp(m->pool + e->off, k, len) == 0)
            return e;
        i = (i + 1) & mask;
    }
}

static int smap_grow(smap *m)
{
    size_t ncap = m->cap * 2;
    smap_entry *nt = pmalloc(pmul(ncap, sizeof *nt));
    if (!nt)
        return -1;
    for (size_t i = 0; i < ncap; i++)
        nt[i].value = UINT32_MAX;
    for (size_t i = 0; i < m->cap; i++) {
        smap_entry *e = &m->tab[i];
        if (e->value == UINT32_MAX)
            continue;
        size_t j = (size_t)e->hash & (ncap - 1);
        while (nt[j].value != UINT32_MAX)
            j = (j + 1) & (ncap - 1);
        nt[j] = *e;
    }
    pfree(m->tab);
    m->tab = nt;
    m->cap = ncap;
    return 0;
}

/* Inserts key -> value into the empty slot e found by smap_find. */
static int smap_insert(smap *m, smap_entry *e, const char *k, size_t len, uint64_t h,
                       uint32_t value)
{
    if (len > UINT32_MAX)
        return -1;
    if (m->pool_len + len > m->pool_cap) {
        size_t ncap = m->pool_cap ? m->pool_cap * 2 : 4096;
        while (ncap < m->pool_len + len)
            ncap *= 2;
        char *np = prealloc(m->pool, ncap);
        if (!np)
            return -1;
        m->pool = np;
        m->pool_cap = ncap;
    }
    memcpy(m->pool + m->pool_len, k, len);
    e->hash = h;
    e->off = m->pool_len;
    e->len = (uint32_t)len;
    e->value = value;
    m->pool_len += len;
    m->n++;
    if (m->n * 4 > m->cap * 3 && smap_grow(m))
        return -1;
    return 0;
}

/* ---- English stop words -------------------------------------------------
 * Function words that carry no content for matching: articles, pronouns,
 * auxiliaries, prepositions, conjunctions and reporting filler. */
static const char *const stop_en[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
    "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between",
    "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during",
    "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
    "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is",
    "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not",
    "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
    "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that",
    "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
    "you", "your", "yours", "yourself", "yourselves", "said", "says", "say", "told", "mr",
    "mrs", "ms", "may", "might", "must", "shall", "s", "t", "don't", "won't", "can't",
    "it's", "i'm", "he's", "she's", "we're", "they're", "isn't", "wasn't", "didn't",
    "doesn't", "there's", "that's", "let", "get", "got", "one", "new", "like", "even", "many",
    "much", "well", "still", "yet", "ever", "every", "per", "via", "upon", "whether", "within",
    "without", "around", "among", "across", "along", "although", "though", "however", "since",
    NULL};

struct norm {
    smap surface;   /* surface form -> entry index                 */
    uint32_t *info; /* entry index -> stem id << 1 | stop           */
    size_t info_cap;
    smap stems;     /* folded stem -> stem id                       */
    smap stop;      /* folded stop word -> 1                        */
    uint64_t *stem_hash; /* stem id -> hash of the stem's bytes       */
    size_t stem_hash_cap;
    struct sb_stemmer *stemmer;
    int english;
    char *fold; /* scratch for folding */
    size_t fold_cap;
};

void norm_free(norm *n)
{
    if (!n)
        return;
    smap_free(&n->surface);
    smap_free(&n->stems);
    smap_free(&n->stop);
    pfree(n->info);
    pfree(n->stem_hash);
    pfree(n->fold);
    if (n->stemmer)
        sb_stemmer_delete(n->stemmer);
    pfree(n);
}

norm *norm_new(const char *lang, precis_status *st)
{
    *st = PRECIS_ENOMEM;
    norm *n = pcalloc(1, sizeof *n);
    if (!n)
        return NULL;
    if (!lang)
        lang = "english";
    if (!strcmp(lang, "porter")) {
        /* the original Porter algorithm is for the ROUGE scorer; matching
           uses the improved English stemmer */
        *st = PRECIS_ELANG;
        pfree(n);
        return NULL;
    }
    n->stemmer = sb_stemmer_new(lang, NULL);
    if (!n->stemmer) {
        /* NULL means an unknown language or no memory; tell them apart */
        int known = 0;
        for (const char **l = sb_stemmer_list(); *l; l++)
            if (!strcmp(*l, lang))
                known = 1;
        *st = known ? PRECIS_ENOMEM : PRECIS_ELANG;
        pfree(n);
        return NULL;
    }
    n->english = !strcmp(lang, "english");
    if (smap_init(&n->surface, 1 << 14) || smap_init(&n->stems, 1 << 14) ||
        smap_init(&n->stop, 512)) {
        norm_free(n);
        return NULL;
    }
    if (n->english) {
        for (uint32_t i = 0; stop_en[i]; i++) {
            size_t len = strlen(stop_en[i]);
            uint64_t h = hash_bytes(stop_en[i], len);
            smap_entry *e = smap_find(&n->stop, stop_en[i], len, h);
            if (e->value == UINT32_MAX && smap_insert(&n->stop, e, stop_en[i], len, h, 1)) {
                norm_free(n);
                return NULL;
            }
        }
    }
    *st = PRECIS_OK;
    return n;
}

size_t norm_stem_count(const norm *n) { return n->stems.n; }

uint64_t norm_stem_hash(const norm *n, uint32_t stem) { return n->stem_hash[stem]; }

int norm_reset_if_large(norm *n)
{
    if (n->surface.n < NORM_MAX_ENTRIES && n->stems.n < NORM_MAX_ENTRIES)
        return 0;
    smap_clear(&n->surface);
    smap_clear(&n->stems);
    return 1;
}

static int fold_reserve(norm *n, size_t len)
{
    if (len <= n->fold_cap)
        return 0;
    size_t cap = len * 2 + 64;
    char *f = prealloc(n->fold, cap);
    if (!f)
        return -1;
    n->fold = f;
    n->fold_cap = cap;
    return 0;
}

/* Folds, stems and interns one surface form not yet in the cache. */
static int norm_learn(norm *n, const char *w, size_t len, uint32_t *out)
{
    const char *f;
    size_t flen;
    utf8proc_uint8_t *mapped = NULL;
    int ascii = 1;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)w[i] >= 0x80)
            ascii = 0;
    if (ascii) {
        if (fold_reserve(n, len))
            return -1;
        for (size_t i = 0; i < len; i++) {
            char c = w[i];
            n->fold[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        f = n->fold;
        flen = len;
    } else {
        utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)len,
                                          &mapped,
                                          UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE);
        if (r < 0) {
            /* only UTF8PROC_ERROR_NOMEM can happen on validated input */
            return -1;
        }
        /* fold the curly apostrophe U+2019 to ' */
        size_t j = 0;
        if (fold_reserve(n, (size_t)r))
            goto fail;
        for (utf8proc_ssize_t i = 0; i < r; i++) {
            if (i + 2 < r && mapped[i] == 0xE2 && mapped[i + 1] == 0x80 && mapped[i + 2] == 0x99) {
                n->fold[j++] = '\'';
                i += 2;
            } else {
                n->fold[j++] = (char)mapped[i];
            }
        }
        free(mapped); /* allocated by utf8proc with malloc */
        mapped = NULL;
        f = n->fold;
        flen = j;
    }
    /* English possessive: "russia's" -> "russia" */
    if (n->english && flen > 2 && f[flen - 2] == '\'' && f[flen - 1] == 's')
        flen -= 2;
    uint64_t h = hash_bytes(f, flen);
    uint32_t stop = 0;
    if (n->english) {
        smap_entry *se = smap_find(&n->stop, f, flen, h);
        stop = se->value != UINT32_MAX;
    }
    const sb_symbol *st = sb_stemmer_stem(n->stemmer, (const sb_symbol *)f, (int)flen);
    if (!st)
        return -1;
    size_t slen = (size_t)sb_stemmer_length(n->stemmer);
    uint64_t sh = hash_bytes(st, slen);
    smap_entry *e = smap_find(&n->stems, (const char *)st, slen, sh);
    uint32_t id = e->value;
    if (id == UINT32_MAX) {
        id = (uint32_t)n->stems.n;
        if (id >= n->stem_hash_cap) {
            size_t cap = n->stem_hash_cap ? n->stem_hash_cap * 2 : 4096;
            uint64_t *nh = prealloc(n->stem_hash, pmul(cap, sizeof *nh));
            if (!nh)
                return -1;
            n->stem_hash = nh;
            n->stem_hash_cap = cap;
        }
        if (smap_insert(&n->stems, e, (const char *)st, slen, sh, id))
            return -1;
        n->stem_hash[id] = sh;
    }
    *out = id << 1 | stop;
    return 0;
fail:
    free(mapped);
    return -1;
}

/* Looks a surface form up, learning it on a miss. */
static int norm_word(norm *n, const char *w, size_t len, uint32_t *out)
{
    uint64_t h = hash_bytes(w, len);
    smap_entry *e = smap_find(&n->surface, w, len, h);
    if (e->value != UINT32_MAX) {
        *out = n->info[e->value];
        return 0;
    }
    uint32_t v;
    if (norm_learn(n, w, len, &v))
        return -1;
    uint32_t idx = (uint32_t)n->surface.n;
    if (idx >= n->info_cap) {
        size_t cap = n->info_cap ? n->info_cap * 2 : 4096;
        uint32_t *ni = prealloc(n->info, pmul(cap, sizeof *ni));
        if (!ni)
            return -1;
        n->info = ni;
        n->info_cap = cap;
    }
    /* smap_find again: norm_learn may not touch surface, so e is valid */
    if (smap_insert(&n->surface, e, w, len, h, idx))
        return -1;
    n->info[idx] = v;
    *out = v;
    return 0;
}

/* Is the code point at s (of k bytes) part of a word? */
static int is_word_cp(utf8proc_int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

static const unsigned char ascii_word[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
    ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1,
    ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1,
    ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
    ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
    ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1};

/* Length of the word character at s[i] (0 if none). */
static size_t word_char(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return ascii_word[c];
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0)
        return 0;
    return is_word_cp(cp) ? (size_t)k : 0;
}

/* Length of an apostrophe at s[i] (' or U+2019), 0 if none. */
static size_t apostrophe(const char *s, size_t n, size_t i)
{
    if (s[i] == '\'')
        return 1;
    if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x99)
        return 3;
    return 0;
}

int norm_tokens(norm *n, const char *s, size_t len, norm_token_cb cb, void *ud)
{
    size_t i = 0;
    while (i < len) {
        size_t k = word_char(s, len, i);
        if (!k) {
            i++;
            continue;
        }
        size_t start = i;
        i += k;
        for (;;) {
            if (i >= len)
                break;
            k = word_char(s, len, i);
            if (k) {
                i += k;
                continue;
            }
            size_t a = apostrophe(s, len, i);
            if (a && i + a < len && word_char(s, len, i + a)) {
                i += a;
                continue;
            }
            break;
        }
        uint32_t v;
        if (norm_word(n, s + start, i - start, &v))
            return -1;
        int r = cb(ud, v >> 1, (int)(v & 1), start, i);
        if (r)
            return r;
    }
    return 0;
}

size_t norm_count_words(const char *s, size_t len)
{
    size_t words = 0;
    int in = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        int space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
        if (!space && !in)
            words++;
        in = !space;
    }
    return words;
}
