/* output.h -- the output writers, one file per format (out_*.c). */
#ifndef PRECIS_OUTPUT_H
#define PRECIS_OUTPUT_H
#include "internal.h"

void out_text(pbuf *b, const precis_summary *sum, const precis_cluster *c, int lines);
void out_json(pbuf *b, const precis_summary *sum, const precis_cluster *c);
void out_markdown(pbuf *b, const precis_summary *sum, const precis_cluster *c);

/* Appends s[0..n) with every run of whitespace turned into one space, so
   that a sentence stays on one line. */
void out_put_flat(pbuf *b, const char *s, size_t n);
#endif
