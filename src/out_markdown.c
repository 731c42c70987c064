/*
 * out_markdown.c -- Markdown: the summary as a paragraph in which every
 * sentence is followed by citations [n] of all the articles that carry
 * it, then a numbered list of the sources.  Markdown metacharacters in the
 * article text are backslash-escaped so the text renders as written.
 */
#include "output.h"

static void put_md(pbuf *b, const char *s, size_t n)
{
    pbuf flat;
    pbuf_init(&flat);
    pbuf_flat(&flat, s, n);
    if (flat.oom) {
        b->oom = 1;
        pbuf_free(&flat);
        return;
    }
    for (size_t i = 0; i < flat.len; i++) {
        char ch = flat.data[i];
        if (strchr("\\`*_[]<>#|", ch) && ch)
            pbuf_putc(b, '\\');
        pbuf_putc(b, ch);
    }
    pbuf_free(&flat);
}

void out_markdown(pbuf *b, const precis_summary *sum, const precis_cluster *c)
{
    size_t n = precis_summary_size(sum);
    for (size_t i = 0; i < n; i++) {
        const precis_sentence *s = precis_summary_sentence(sum, i);
        if (i > 0)
            pbuf_putc(b, ' ');
        put_md(b, s->text, s->len);
        for (size_t k = 0; k < s->n_articles; k++)
            pbuf_printf(b, "[%zu]", s->articles[k] + 1);
    }
    pbuf_puts(b, "\n\n");
    size_t na = precis_cluster_size(c);
    for (size_t i = 0; i < na; i++) {
        const char *id = precis_cluster_article_id(c, i);
        const char *src = precis_cluster_article_source(c, i);
        const char *date = precis_cluster_article_date(c, i);
        const char *title = precis_cluster_article_title(c, i);
        pbuf_printf(b, "%zu. ", i + 1);
        if (title && *title) {
            put_md(b, title, strlen(title));
            pbuf_puts(b, " — ");
        }
        put_md(b, src ? src : id, strlen(src ? src : id));
        if (date) {
            pbuf_puts(b, " (");
            put_md(b, date, strlen(date));
            pbuf_putc(b, ')');
        }
        pbuf_putc(b, '\n');
    }
}
