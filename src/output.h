/* output.h -- the output writers, one file per format (out_*.c), called
   by the dispatcher output.c (precis_summary_render,
   precis_report_render).  The escaping helpers are the buffer's
   (pbuf_json_string, pbuf_html, pbuf_flat in internal.h). */
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

/* Appends ,"charset":"..." for article i when its text was decoded from
   another encoding than plain UTF-8 (precis_cluster_article_charset), and
   nothing otherwise (out_json.c; the report writer uses it too). */
void out_json_charset(pbuf *b, const precis_cluster *c, size_t i);

#endif
