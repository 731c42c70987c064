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
 * and the stop words of the language's pack (data/lang/<code>/stop.txt;
 * none for a language without a pack) are flagged, not dropped, so
 * callers can build bigrams over the full word sequence.
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

struct norm {
    dict surface;   /* surface form -> entry index                 */
    uint32_t *info; /* entry index -> stem id << 1 | stop           */
    size_t info_cap;
    dict stems;     /* folded stem -> stem id                       */
    dict stop;      /* folded stop word -> 1                        */
    lang *words;    /* the language pack (lang.h)                   */
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
    dict_free(&n->surface);
    dict_free(&n->stems);
    dict_free(&n->stop);
    lang_free(n->words);
    pfree(n->info);
    pfree(n->stem_hash);
    pfree(n->fold);
    if (n->stemmer)
        sb_stemmer_delete(n->stemmer);
    pfree(n);
}

norm *norm_new(const char *lname, precis_status *st)
{
    *st = PRECIS_ENOMEM;
    norm *n = pcalloc(1, sizeof *n);
    if (!n)
        return NULL;
    if (!lname)
        lname = "english";
    if (!strcmp(lname, "porter")) {
        /* the original Porter algorithm is for the ROUGE scorer; matching
           uses the improved English stemmer */
        *st = PRECIS_ELANG;
        pfree(n);
        return NULL;
    }
    n->stemmer = sb_stemmer_new(lname, NULL);
    if (!n->stemmer) {
        /* NULL means an unknown language or no memory; tell them apart */
        int known = 0;
        for (const char **l = sb_stemmer_list(); *l; l++)
            if (!strcmp(*l, lname))
                known = 1;
        *st = known ? PRECIS_ENOMEM : PRECIS_ELANG;
        pfree(n);
        return NULL;
    }
    n->english = !strcmp(lname, "english");
    if (dict_init(&n->surface, 1 << 14) || dict_init(&n->stems, 1 << 14) ||
        dict_init(&n->stop, 512)) {
        norm_free(n);
        return NULL;
    }
    /* the stop words are the pack's stop.txt */
    n->words = lang_new(lname);
    if (!n->words) {
        norm_free(n);
        return NULL;
    }
    const lang_pack *pk = lang_get_pack(n->words);
    for (size_t i = 0; pk && i < pk->n; i++) {
        if (!(pk->w[i].cls & LW_STOP))
            continue;
        const char *w = pk->w[i].w;
        size_t len = strlen(w);
        uint64_t h = hash_bytes(w, len);
        dict_entry *e = dict_slot(&n->stop, w, len, h);
        if (e->len == DICT_EMPTY && dict_insert(&n->stop, e, w, len, h, 1)) {
            norm_free(n);
            return NULL;
        }
    }
    *st = PRECIS_OK;
    return n;
}

size_t norm_stem_count(const norm *n) { return n->stems.n; }

const lang *norm_lang(const norm *n) { return n->words; }
uint64_t norm_stem_hash(const norm *n, uint32_t stem) { return n->stem_hash[stem]; }

int norm_reset_if_large(norm *n)
{
    if (n->surface.n < NORM_MAX_ENTRIES && n->stems.n < NORM_MAX_ENTRIES)
        return 0;
    dict_clear(&n->surface);
    dict_clear(&n->stems);
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
    if (n->stop.n) {
        dict_entry *se = dict_slot(&n->stop, f, flen, h);
        stop = se->len != DICT_EMPTY;
    }
    const sb_symbol *st = sb_stemmer_stem(n->stemmer, (const sb_symbol *)f, (int)flen);
    if (!st)
        return -1;
    size_t slen = (size_t)sb_stemmer_length(n->stemmer);
    uint64_t sh = hash_bytes(st, slen);
    dict_entry *e = dict_slot(&n->stems, (const char *)st, slen, sh);
    uint32_t id;
    if (e->len != DICT_EMPTY) {
        id = e->value;
    } else {
        id = (uint32_t)n->stems.n;
        if (id >= n->stem_hash_cap) {
            size_t cap = n->stem_hash_cap ? n->stem_hash_cap * 2 : 4096;
            uint64_t *nh = prealloc(n->stem_hash, pmul(cap, sizeof *nh));
            if (!nh)
                return -1;
            n->stem_hash = nh;
            n->stem_hash_cap = cap;
        }
        if (dict_insert(&n->stems, e, (const char *)st, slen, sh, id))
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
    dict_entry *e = dict_slot(&n->surface, w, len, h);
    if (e->len != DICT_EMPTY) {
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
    /* norm_learn does not touch surface, so e is still its free slot */
    if (dict_insert(&n->surface, e, w, len, h, idx))
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

size_t precis_languages(const char **out, size_t cap)
{
    size_t n = 0;
    for (const char **l = sb_stemmer_list(); *l; l++) {
        if (!strcmp(*l, "porter"))
            continue; /* the ROUGE scorer's; matching uses "english" */
        if (out && n < cap)
            out[n] = *l;
        n++;
    }
    return n;
}
