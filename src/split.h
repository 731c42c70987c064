/* split.h -- stage 2, sentence boundaries (split.c).  The public
   precis_split is in precis.h. */
#ifndef PRECIS_SPLIT_H
#define PRECIS_SPLIT_H
#include "internal.h"

/* Calls cb(ud, start, end) for each sentence of s[0..n), in order; spans
   are trimmed of whitespace and exclude datelines ("MOSCOW --").  Stops
   early and returns the callback's value when that is non-zero; returns 0
   otherwise.  Linear in n. */
typedef int (*split_cb)(void *ud, size_t start, size_t end);
int split_text(const char *s, size_t n, split_cb cb, void *ud);
/* The same with the abbreviations and sentence openers of language pack
   pk (lang.h); split_text and a NULL pk use the English pack. */
struct lang_pack;
int split_text_lang(const struct lang_pack *pk, const char *s, size_t n, split_cb cb, void *ud);

#endif
