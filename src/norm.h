/* norm.h -- the normaliser (norm.c): words -> folded, stemmed term ids. */
#ifndef PRECIS_NORM_H
#define PRECIS_NORM_H
#include "internal.h"

typedef struct norm norm;

/* A normaliser for a Snowball language; NULL with *st set on failure
   (PRECIS_ELANG for an unknown language). */
norm *norm_new(const char *lang, precis_status *st);
void norm_free(norm *n);

/* Called for every word of a text: stem id (dense, from 0), whether it is
   a stop word, and its byte span.  Non-zero stops the walk. */
typedef int (*norm_token_cb)(void *ud, uint32_t stem, int stop, size_t start, size_t end);

/* Walks the words of s[0..len) (valid UTF-8).  Returns 0, -1 on
   allocation failure, or the callback's non-zero value. */
int norm_tokens(norm *n, const char *s, size_t len, norm_token_cb cb, void *ud);

/* Number of stem ids handed out so far (ids are < this). */
size_t norm_stem_count(const norm *n);

/* A 64-bit hash of the stem with id `stem` (< norm_stem_count): the same
   for the same stem across resets and across normalisers, so it can key
   long-lived indexes (the story stream's) where ids would not. */
uint64_t norm_stem_hash(const norm *n, uint32_t stem);

/* Drops the caches when they passed their bound; returns 1 if it did
   (stem ids handed out before are then invalid).  Call between clusters. */
int norm_reset_if_large(norm *n);

/* Whitespace-separated tokens in s[0..len): the unit of word budgets. */
size_t norm_count_words(const char *s, size_t len);
#endif
