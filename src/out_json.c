/*
 * out_json.c -- JSON: one object on one line (so batch output is JSON
 * Lines), with the summary text and, per sentence, its exact original
 * text, the primary article with byte offsets, and every article that
 * carries the same content.
 *
 *   {"summary": "...", "words": 97, "sentences": [{"text": "...",
 *    "article": "3", "source": "...", "start": 120, "end": 260,
 *    "position": 1, "support": 2, "articles": ["3", "1"], "score": 0.8,
 *    "edits": [{"start": 200, "end": 202, "original": "he",
 *               "replacement": "Sergey Lavrov"}]}],
 *    "articles": [{"id": "1", "source": "...", "date": "...", "title": null,
 *    "charset": "windows-1252" (only for text that was not plain UTF-8)}]}
 */
#include "output.h"

#include <math.h>

static void put_flat_json(pbuf *b, const char *s, size_t n)
{
    pbuf tmp;
    pbuf_init(&tmp);
    pbuf_flat(&tmp, s, n);
    if (tmp.oom)
        b->oom = 1;
    else if (tmp.len)
        pbuf_json_str(b, tmp.data, tmp.len);
    pbuf_free(&tmp);
}

void out_json_charset(pbuf *b, const precis_cluster *c, size_t i)
{
    const char *cs = precis_cluster_article_charset(c, i);
    if (cs && strcmp(cs, "utf-8")) {
        pbuf_puts(b, ",\"charset\":");
        pbuf_json_string(b, cs);
    }
}

void out_json(pbuf *b, const precis_summary *sum, const precis_cluster *c)
{
    size_t n = precis_summary_size(sum);
    pbuf_puts(b, "{\"summary\":\"");
    for (size_t i = 0; i < n; i++) {
        const precis_sentence *s = precis_summary_sentence(sum, i);
        if (i > 0)
            pbuf_putc(b, ' ');
        put_flat_json(b, s->text, s->len);
    }
    pbuf_puts(b, "\",\"words\":");
    pbuf_uint(b, precis_summary_words(sum));
    pbuf_puts(b, ",\"sentences\":[");
    for (size_t i = 0; i < n; i++) {
        const precis_sentence *s = precis_summary_sentence(sum, i);
        if (i > 0)
            pbuf_putc(b, ',');
        pbuf_puts(b, "{\"text\":\"");
        pbuf_json_str(b, s->text, s->len);
        pbuf_puts(b, "\",\"article\":");
        pbuf_json_string(b, precis_cluster_article_id(c, s->article));
        pbuf_puts(b, ",\"source\":");
        pbuf_json_string(b, precis_cluster_article_source(c, s->article));
        pbuf_puts(b, ",\"start\":");
        pbuf_uint(b, s->start);
        pbuf_puts(b, ",\"end\":");
        pbuf_uint(b, s->end);
        pbuf_puts(b, ",\"position\":");
        pbuf_uint(b, s->position);
        pbuf_puts(b, ",\"support\":");
        pbuf_uint(b, s->n_articles);
        pbuf_puts(b, ",\"articles\":[");
        for (size_t k = 0; k < s->n_articles; k++) {
            if (k > 0)
                pbuf_putc(b, ',');
            pbuf_json_string(b, precis_cluster_article_id(c, s->articles[k]));
        }
        double sc = isfinite(s->score) ? s->score : 0;
        pbuf_printf(b, "],\"score\":%.6g,\"edits\":[", sc);
        /* each edit: the replaced span of the article, its original
           text, and what the summary has instead */
        size_t alen;
        const char *atext = precis_cluster_article_text(c, s->article, &alen);
        for (size_t k = 0; k < s->n_edits; k++) {
            const precis_edit *e = &s->edits[k];
            pbuf_printf(b, "%s{\"start\":%zu,\"end\":%zu,\"original\":\"", k ? "," : "",
                        e->start, e->end);
            if (e->end <= alen)
                pbuf_json_str(b, atext + e->start, e->end - e->start);
            pbuf_puts(b, "\",\"replacement\":\"");
            pbuf_json_str(b, e->replacement, e->len);
            pbuf_puts(b, "\"}");
        }
        pbuf_puts(b, i + 1 == n && precis_summary_cut(sum) ? "],\"cut\":true}" : "]}");
    }
    pbuf_puts(b, "],\"articles\":[");
    size_t na = precis_cluster_size(c);
    for (size_t i = 0; i < na; i++) {
        if (i > 0)
            pbuf_putc(b, ',');
        pbuf_puts(b, "{\"id\":");
        pbuf_json_string(b, precis_cluster_article_id(c, i));
        pbuf_puts(b, ",\"source\":");
        pbuf_json_string(b, precis_cluster_article_source(c, i));
        pbuf_puts(b, ",\"date\":");
        pbuf_json_string(b, precis_cluster_article_date(c, i));
        pbuf_puts(b, ",\"title\":");
        pbuf_json_string(b, precis_cluster_article_title(c, i));
        out_json_charset(b, c, i);
        pbuf_putc(b, '}');
    }
    pbuf_puts(b, "]}\n");
}
