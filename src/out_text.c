/*
 * out_text.c -- plain text: the summary as one line (sentences joined by a
 * space; whitespace inside a sentence flattened so the line protocol of
 * batch mode holds), or one sentence per line.  An empty summary is an
 * empty line.
 */
#include "output.h"

void out_text(pbuf *b, const precis_summary *sum, const precis_cluster *c, int lines)
{
    PRECIS_UNUSED(c);
    size_t n = precis_summary_size(sum);
    for (size_t i = 0; i < n; i++) {
        const precis_sentence *s = precis_summary_sentence(sum, i);
        if (i > 0)
            pbuf_putc(b, lines ? '\n' : ' ');
        pbuf_flat(b, s->text, s->len);
    }
    pbuf_putc(b, '\n');
}
