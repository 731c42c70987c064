/*
 * internal.h -- the shared infrastructure of the library (allocation,
 * buffer, arena, hashing, hash table, union-find, UTF-8 check), and the
 * map of the house.  Not installed.  Each stage has its own file, prefix
 * and header declaring only that file's functions.
 *
 * The pipeline, in order (file  prefix  header  what it does):
 *
 *   cluster.c   cluster_  cluster.h  articles in: text, JSON Lines, Multi-News
 *   charset.c   charset_  charset.h  any real encoding -> UTF-8 (BOM, cp1252)
 *   html.c      html_     html.h     web pages in: decode, parse (libxml2) ...
 *   html_meta.c meta_     html.h       ... title, date, author from markup
 *   extract.c   extract_  html.h       ... the article's main text
 *   split.c     split_    split.h    sentence boundaries
 *   norm.c      norm_     norm.h     words -> folded, stemmed term ids
 *   lang.c      lang_     lang.h     the language packs (stop words, titles)
 *   model.c     model_    model.h    the per-cluster model: sentences, terms,
 *                                    concepts, counts (calls split, norm,
 *                                    quality, readable_join)
 *   quality.c   quality_  quality.h  sentence-quality flags: junk, datelines,
 *                                    style
 *   dedup.c     dedup_    dedup.h    redundancy groups across articles, and
 *                                    each group's sentence in an article
 *   lex.c       lex_      lex.h      the analysis' one tokenizer: each article's
 *                                    tokens once (words with their pack entry
 *                                    and fold hash, numbers, quotation marks),
 *                                    read by quotes and facts
 *   mention.c   mention_  mention.h  the analysis' one mention finder: names,
 *                                    titles, evidence of kind and gender on
 *                                    lex's tokens, read by quotes and facts
 *   readable.c  readable_ readable.h quotation units, speakers named, openers
 *                                    (calls lex, quotes)
 *   score.c     score_    score.h    per-method scores (centroid, LexRank)
 *   select.c    select_   select.h   budgeted, redundancy-aware selection
 *   summary.c   summarizer_ / summary_  summary.h  the driver: model, dedup,
 *                                    readable, select, then order and trace
 *                                    (public precis_summarize)
 *   analyze.c   (static)  analyze.h  the analysis driver: copies, timeline;
 *                                    runs lex, mention, quotes and facts
 *                                    (precis_analyze)
 *   quotes.c    quotes_   quotes.h   direct quotes and their speakers
 *   facts.c     facts_    facts.h    numbers, dates, names; conflicts
 *   output.c    (public)  output.h   the dispatcher: format -> one writer
 *   out_*.c     out_      output.h   one writer per format (text, json,
 *                                    markdown, report JSON, html)
 *
 * Beside the pipeline: rouge.c / rouge_porter.c (rouge_, the ROUGE-1.5.5
 * scorer), stream.c (stream_, stories from a stream of articles, before
 * the pipeline), util.c (pbuf_ arena_ hash_ p*alloc: what every file
 * uses) and dict.c (dict_, the one hash table).  service/ is the news desk
 * application over the library (service.h): desk.c (articles in, stories
 * out), queue.c (work queue), version.c (one version of a story: summary,
 * report, page), store_sqlite.c (store_, SQLite), pages.c (the desk's
 * HTML), http.c (libmicrohttpd), redisq.c (Redis Streams), clock.c (time).
 *
 * Who may call whom: a file calls the files listed above it that its
 * stage needs, through their headers, and util.c / dict.c; never back.
 * The drivers (summary.c, analyze.c) call the stages; the dispatcher
 * output.c calls the writers; the writers call only util.c and the public
 * accessors.  No two files call each other (check: a small nm script over
 * the objects, see the README's design section), except in service/
 * pages.c and store_sqlite.c (the store finishes a story's page).
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
 * Every allocation of the library goes through these functions, so that the
 * failing-allocator test build (PRECIS_FAILALLOC) can make the n-th one
 * fail and prove each out-of-memory path. */
void *pmalloc(size_t n);
void *pcalloc(size_t n, size_t size);
void *prealloc(void *p, size_t n);
void pfree(void *p);
char *pstrndup(const char *s, size_t n);

/* Overflow-checked n * size; SIZE_MAX on overflow (allocation then fails). */
size_t pmul(size_t n, size_t size);
/* p, an array of *cap elements of size bytes, grown (doubling) to hold at
   least need: the array (p itself when it holds need already), or NULL
   when out of memory (p is then still valid and *cap unchanged). */
void *pgrow(void *p, size_t *cap, size_t need, size_t size);

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
/* Appends v in decimal. */
void pbuf_uint(pbuf *b, size_t v);
/* Appends s[0..n) as the body of a JSON string (no quotes), escaping. */
void pbuf_json_str(pbuf *b, const char *s, size_t n);
/* Appends NUL-terminated s as a quoted JSON string, or null when s is NULL. */
void pbuf_json_string(pbuf *b, const char *s);
/* Appends s[0..n) escaped for HTML text and attribute values (& < > " '). */
void pbuf_html(pbuf *b, const char *s, size_t n);
/* Appends s[0..n) with every run of whitespace turned into one space, so
   that a sentence stays on one line. */
void pbuf_flat(pbuf *b, const char *s, size_t n);
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

/* ---- hash table (dict.c) ---------------------------------------------
 * Byte-string keys -> uint32 values; open addressing, linear probing, the
 * keys copied into one pool, doubled (rehashed) past a load of 3/4.  See
 * dict.c for why it looks the way it does.  The tables that are not dicts,
 * and why: model.c ctab (bigram -> concept, integer keys in the
 * summarizer's hottest loop); facts.c census (a word's fold hash from
 * lex.h -> flags, once per word) and item map (custom equality, item_eq);
 * dedup.c exact copies (custom equality, norm_equal); stream.c u64map
 * (keys are removed when stories close) and term accumulator (per word);
 * rouge.c n-gram table (four term ids, per n-gram, generation-stamped
 * so a reference resets it in O(1)); and, not tables at all, the
 * direct-mapped caches of extract.c (a collision evicts) and the bit set
 * of readable.c's lower-case words (lossy by design). */
#define DICT_EMPTY UINT32_MAX /* dict_entry.len of a free slot */
typedef struct dict_entry {
    uint64_t hash;
    size_t off;     /* the key's bytes: pool + off */
    uint32_t len;   /* the key's length; DICT_EMPTY when the slot is free */
    uint32_t value;
} dict_entry;

typedef struct dict {
    dict_entry *tab;
    size_t cap, n; /* cap: a power of two */
    char *pool;
    size_t pool_len, pool_cap;
} dict;

/* An empty table of cap slots (a power of two, at least 16); -1 on OOM. */
int dict_init(dict *d, size_t cap);
void dict_free(dict *d);
/* Drops every key, keeping the memory. */
void dict_clear(dict *d);

/* The entry of key[0..len) with hash h (hash_bytes of the key), or the
   free slot (len == DICT_EMPTY) where it would go. */
static inline dict_entry *dict_slot(const dict *d, const void *key, size_t len, uint64_t h)
{
    size_t mask = d->cap - 1, i = (size_t)h & mask;
    for (;;) {
        dict_entry *e = &d->tab[i];
        if (e->len == DICT_EMPTY)
            return e;
        if (e->hash == h && e->len == len && (!len || memcmp(d->pool + e->off, key, len) == 0))
            return e;
        i = (i + 1) & mask;
    }
}

/* Puts key -> value into the free slot dict_slot returned (no call on d
   in between); the table may grow, so slot is invalid afterwards.  0, or
   -1 when out of memory or the key is 4 GiB or more. */
int dict_insert(dict *d, dict_entry *slot, const void *key, size_t len, uint64_t h,
                uint32_t value);
/* The value of key, or NULL when absent. */
uint32_t *dict_get(const dict *d, const void *key, size_t len);
/* Sets key -> value, replacing an earlier value; 0 or -1 (OOM). */
int dict_set(dict *d, const void *key, size_t len, uint32_t value);

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

/* ---- UTF-8 ------------------------------------------------------------ */
/* Returns PRECIS_OK, PRECIS_EUTF8 or PRECIS_ENUL; *bad gets the offset of
   the first offending byte. */
precis_status utf8_check(const char *s, size_t n, size_t *bad);

#endif
