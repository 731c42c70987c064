/*
 * internal.h -- declarations shared by the library's source files.
 *
 * Not installed.  Each stage of the pipeline has its own file and prefix:
 *
 *   util.c     pbuf_ / arena_ / hash_   growable buffer, arena, hashing
 *   cluster.c  cluster_                 articles in: text, JSON Lines, Multi-News
 *   html.c     html_ / meta_ / extract_ web pages in (see html.h)
 *   split.c    split_                   sentence boundaries
 *   norm.c     norm_                    tokens -> folded, stemmed term ids
 *   dedup.c    dedup_                   cross-source redundancy groups
 *   lex.c      lex_                     the analysis' one tokenizer (lex.h)
 *   score.c    score_                   per-method sentence scores
 *   select.c   select_                  budgeted, redundancy-aware selection
 *   summary.c  (public precis_summarize) the pipeline driver + ordering
 *   out_*.c    out_                     one file per output format
 *   rouge.c    rouge_                   the ROUGE-1.5.5 scorer
 */
#ifndef PRECIS_INTERNAL_H
#define PRECIS_INTERNAL_H

#include "precis.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PRECIS_UNUSED(x) ((void)(x))

/* ---- allocation -------------------------------------------------------
 * Every allocation of the library goes through these three, so that the
 * failing-allocator test build (PRECIS_FAILALLOC) can make the n-th one
 * fail and prove each out-of-memory path. */
void *pmalloc(size_t n);
void *pcalloc(size_t n, size_t size);
void *prealloc(void *p, size_t n);
void pfree(void *p);
char *pstrndup(const char *s, size_t n);

/* Overflow-checked n * size; SIZE_MAX on overflow (allocation then fails). */
size_t pmul(size_t n, size_t size);

/* ---- growable byte buffer --------------------------------------------
 * All output writers append into a pbuf.  On allocation failure the buffer
 * remembers it (oom = 1) and later appends are no-ops, so writers check
 * once at the end. */
typedef struct pbuf {
    char *data; /* always NUL-terminated when cap > 0 */
    size_t len, cap;
    int oom;
} pbuf;

void pbuf_init(pbuf *b);
void pbuf_free(pbuf *b);
int pbuf_reserve(pbuf *b, size_t extra);
void pbuf_put(pbuf *b, const char *s, size_t n);
void pbuf_puts(pbuf *b, const char *s);
void pbuf_putc(pbuf *b, char c);
void pbuf_printf(pbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Appends s[0..n) as the body of a JSON string (no quotes), escaping. */
void pbuf_json_str(pbuf *b, const char *s, size_t n);
/* Takes the data out (caller frees with pfree), leaving b empty. */
char *pbuf_take(pbuf *b, size_t *len);

/* ---- arena ------------------------------------------------------------
 * Many small objects of one run (tokens, sentences, edges) come from an
 * arena and are freed in one call.  arena_reset keeps the first block. */
typedef struct arena_block arena_block;
typedef struct arena {
    arena_block *head;
    size_t block_size;
} arena;

void arena_init(arena *a, size_t block_size);
void *arena_alloc(arena *a, size_t n); /* 16-byte aligned; NULL on OOM */
void *arena_calloc(arena *a, size_t n, size_t size);
void arena_reset(arena *a);
char *arena_strndup(arena *a, const char *s, size_t n); /* NUL-terminated copy */
void arena_free(arena *a);

/* ---- hashing ----------------------------------------------------------*/
uint64_t hash_bytes(const void *p, size_t n);
static inline uint64_t hash_mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/* ---- union-find over dense ids (p[i] == i for a root) -----------------
 * uf_union keeps the smaller id as the root, so groups do not depend on
 * the order pairs are joined in. */
static inline uint32_t uf_find(uint32_t *p, uint32_t x)
{
    while (p[x] != x) {
        p[x] = p[p[x]]; /* path halving */
        x = p[x];
    }
    return x;
}

static inline void uf_union(uint32_t *p, uint32_t a, uint32_t b)
{
    a = uf_find(p, a);
    b = uf_find(p, b);
    if (a < b)
        p[b] = a;
    else if (b < a)
        p[a] = b;
}

/* ---- error message helper -------------------------------------------- */
void perr_set(char *dst, size_t cap, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
#define PRECIS_ERRMAX 256

/* ---- clusters (cluster.c) --------------------------------------------
 * Sets the cluster's error message (for adders living in other files). */
void cluster_set_error(precis_cluster *c, const char *msg);

/* ---- UTF-8 ------------------------------------------------------------ */
/* Returns PRECIS_OK, PRECIS_EUTF8 or PRECIS_ENUL; *bad gets the offset of
   the first offending byte. */
precis_status utf8_check(const char *s, size_t n, size_t *bad);

/* ---- article input (cluster.c), shared with the story stream ---------
 * cluster_check_article validates an article strictly (size, valid UTF-8
 * without NUL bytes, metadata strings, emptiness; no charset decoding);
 * on success *skip is the length of a leading " date ..." metadata line,
 * *ds / *dl the span of that date (dl 0 if none).  cluster_parse_json
 * parses one JSON Lines article record, with c's error message on
 * failure: the strings of *a and *lang point into *hold, released with
 * cluster_json_release(); an integer "id" is written into idbuf. */
#define CLUSTER_IDBUF 32
precis_status cluster_check_article(const precis_article *a, size_t *skip, size_t *ds,
                                    size_t *dl, char *err, size_t cap);
precis_status cluster_parse_json(precis_cluster *c, const char *line, size_t len,
                                 precis_article *a, const char **lang, char *idbuf,
                                 void **hold);
void cluster_json_release(void *hold);

/* ---- sentence splitting (split.c) -------------------------------------
 * Calls cb(ud, start, end) for each sentence of s[0..n), in order; spans
 * are trimmed of whitespace and exclude datelines ("MOSCOW --").  Stops
 * early and returns the callback's value when that is non-zero; returns 0
 * otherwise.  Linear in n. */
typedef int (*split_cb)(void *ud, size_t start, size_t end);
int split_text(const char *s, size_t n, split_cb cb, void *ud);
/* The same with the abbreviations and sentence openers of language pack
   pk (lang.h); split_text and a NULL pk use the English pack. */
struct lang_pack;
int split_text_lang(const struct lang_pack *pk, const char *s, size_t n, split_cb cb, void *ud);

#endif
