/*
 * rouge_porter.h -- the Porter stemmer exactly as ROUGE-1.5.5 runs it.
 * Private to rouge.c; see rouge_porter.c for why it is not libstemmer.
 */
#ifndef PRECIS_ROUGE_PORTER_H
#define PRECIS_ROUGE_PORTER_H
#include <stddef.h>

/* Longest word rouge_porter_stem() accepts; longer words are returned
   unchanged by the caller. */
#define ROUGE_PORTER_MAX 256

/* Stems the lower-case ASCII word w[0..n) in place (n <= ROUGE_PORTER_MAX,
   w has room for n + 1 bytes: step 1b may add an 'e') and returns the new
   length. */
size_t rouge_porter_stem(char *w, size_t n);

#endif
