/*
 * out_html.c -- the HTML report.  Placeholder until the report writer
 * lands: a minimal page with the summary.
 */
#include "output.h"

void out_html(pbuf *b, const precis_summary *sum, const precis_analysis *an,
              const precis_cluster *c)
{
    PRECIS_UNUSED(an);
    pbuf_puts(b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>precis report</title>"
                 "</head><body>\n");
    for (size_t i = 0; sum && i < precis_summary_size(sum); i++) {
        const precis_sentence *s = precis_summary_sentence(sum, i);
        pbuf_puts(b, "<p>");
        out_put_html(b, s->text, s->len);
        pbuf_puts(b, "</p>\n");
    }
    PRECIS_UNUSED(c);
    pbuf_puts(b, "</body></html>\n");
}
