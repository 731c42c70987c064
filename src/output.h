/* output.h -- the output writers, one file per format (out_*.c). */
#ifndef PRECIS_OUTPUT_H
#define PRECIS_OUTPUT_H
#include "internal.h"

void out_text(pbuf *b, const precis_summary *sum, const precis_cluster *c, int lines);
void out_json(pbuf *b, const precis_summary *sum, const precis_cluster *c);
void out_markdown(pbuf *b, const precis_summary *sum, const precis_cluster *c);
/* The report: summary and/or analysis (either may be NULL). */
void out_report_json(pbuf *b, const precis_summary *sum, const precis_analysis *an,
                     const precis_cluster *c);
void out_html(pbuf *b, const precis_summary *sum, const precis_analysis *an,
              const precis_cluster *c);

/* Appends NUL-terminated s as a quoted JSON string, or null when s is NULL. */
void out_json_string(pbuf *b, const char *s);

/* Appends ,"charset":"..." for article i when its text was decoded from
   another encoding than plain UTF-8 (precis_cluster_article_charset), and
   nothing otherwise. */
void out_json_charset(pbuf *b, const precis_cluster *c, size_t i);

/* Appends s[0..n) escaped for HTML text and attribute values (& < > " '). */
void out_put_html(pbuf *b, const char *s, size_t n);

/* Appends s[0..n) with every run of whitespace turned into one space, so
   that a sentence stays on one line. */
void out_put_flat(pbuf *b, const char *s, size_t n);
#endif
