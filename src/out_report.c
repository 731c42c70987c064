/*
 * out_report.c -- the analysis report as JSON: one object on one line, so
 * a batch of reports is JSON Lines.  Articles are named by their ids, as
 * in the summary's JSON.
 *
 *   {"summary": {...as precis summarize --format json...} | null,
 *    "articles": [{"id", "source", "date", "title"}],
 *    "copies": [{"a", "b", "shared", "resemblance", "a_in_b", "b_in_a",
 *                "verdict", "earlier" (for an update: the earlier version)}],
 *    "quotes": [{"text", "speaker", "cue", "article", "start", "end",
 *                "articles": [...], "variant"}],
 *    "facts": [{"kind", "text", "key", "value", "unit", "variants": [...],
 *               "articles": [...], "article", "start", "end",
 *               "mentions": [{"article", "start", "end"}]}],
 *    "conflicts": [{"a", "b",   (fact indices)
 *                   "a_sentence", "b_sentence": {"article", "start", "end",
 *                   "text"}}],
 *    "timeline": [{"article", "dated", "when", "added": [{"start","end",
 *                  "text"}], "new_facts": [...]}]}
 */
#include "output.h"

#include <math.h>

static void put_art(pbuf *b, const precis_cluster *c, size_t i)
{
    pbuf_json_string(b, precis_cluster_article_id(c, i));
}

static void put_arts(pbuf *b, const precis_cluster *c, const size_t *a, size_t n)
{
    pbuf_putc(b, '[');
    for (size_t k = 0; k < n; k++) {
        if (k)
            pbuf_putc(b, ',');
        put_art(b, c, a[k]);
    }
    pbuf_putc(b, ']');
}

/* An unsigned integer in decimal (what "%zu" writes, without printf). */
static void put_num(pbuf *b, double v)
{
    pbuf_printf(b, "%.6g", isfinite(v) ? v : 0.0);
}

/* A fact's value in full: integers as integers (1234567, not 1.23457e+06),
   others with the digits a double holds. */
static void put_value(pbuf *b, double v)
{
    if (!isfinite(v))
        v = 0;
    if (v == floor(v) && fabs(v) < 1e15)
        pbuf_printf(b, "%.0f", v);
    else
        pbuf_printf(b, "%.15g", v);
}

static void put_summary(pbuf *b, const precis_summary *sum, const precis_cluster *c)
{
    pbuf tmp;
    pbuf_init(&tmp);
    out_json(&tmp, sum, c);
    if (tmp.oom)
        b->oom = 1;
    else {
        size_t n = tmp.len;
        while (n && tmp.data[n - 1] == '\n')
            n--;
        pbuf_put(b, tmp.data, n);
    }
    pbuf_free(&tmp);
}

static void put_copies(pbuf *b, const precis_analysis *an, const precis_cluster *c)
{
    const precis_copy *cp;
    size_t n = precis_analysis_copies(an, &cp);
    pbuf_puts(b, "\"copies\":[");
    for (size_t i = 0; i < n; i++) {
        if (i)
            pbuf_putc(b, ',');
        pbuf_puts(b, "{\"a\":");
        put_art(b, c, cp[i].a);
        pbuf_puts(b, ",\"b\":");
        put_art(b, c, cp[i].b);
        pbuf_puts(b, ",\"shared\":");
        pbuf_uint(b, cp[i].shared);
        pbuf_puts(b, ",\"resemblance\":");
        put_num(b, cp[i].resemblance);
        pbuf_puts(b, ",\"a_in_b\":");
        put_num(b, cp[i].a_in_b);
        pbuf_puts(b, ",\"b_in_a\":");
        put_num(b, cp[i].b_in_a);
        pbuf_puts(b, ",\"verdict\":");
        pbuf_json_string(b, precis_copy_kind_name(cp[i].kind));
        if (cp[i].kind == PRECIS_COPY_UPDATE) {
            pbuf_puts(b, ",\"earlier\":");
            put_art(b, c, cp[i].earlier);
        }
        pbuf_putc(b, '}');
    }
    pbuf_putc(b, ']');
}

static void put_quotes(pbuf *b, const precis_analysis *an, const precis_cluster *c)
{
    const precis_quote *q;
    size_t n = precis_analysis_quotes(an, &q);
    pbuf_puts(b, "\"quotes\":[");
    for (size_t i = 0; i < n; i++) {
        if (i)
            pbuf_putc(b, ',');
        pbuf_puts(b, "{\"text\":");
        pbuf_json_string(b, q[i].text);
        pbuf_puts(b, ",\"speaker\":");
        pbuf_json_string(b, q[i].speaker);
        pbuf_puts(b, ",\"cue\":");
        pbuf_json_string(b, q[i].cue);
        pbuf_puts(b, ",\"article\":");
        put_art(b, c, q[i].article);
        pbuf_puts(b, ",\"start\":");
        pbuf_uint(b, q[i].start);
        pbuf_puts(b, ",\"end\":");
        pbuf_uint(b, q[i].end);
        pbuf_puts(b, ",\"articles\":");
        put_arts(b, c, q[i].articles, q[i].n_articles);
        pbuf_puts(b, ",\"variant\":");
        pbuf_uint(b, q[i].variant);
        pbuf_putc(b, '}');
    }
    pbuf_putc(b, ']');
}

/* {"article", "start", "end"} and, with text, the span's text. */
static void put_mention(pbuf *b, const precis_cluster *c, const precis_mention *m, int text)
{
    pbuf_puts(b, "{\"article\":");
    put_art(b, c, m->article);
    pbuf_puts(b, ",\"start\":");
    pbuf_uint(b, m->start);
    pbuf_puts(b, ",\"end\":");
    pbuf_uint(b, m->end);
    size_t len;
    const char *t = precis_cluster_article_text(c, m->article, &len);
    if (text && t && m->end <= len && m->start <= m->end) {
        pbuf_puts(b, ",\"text\":\"");
        pbuf_json_str(b, t + m->start, m->end - m->start);
        pbuf_putc(b, '"');
    }
    pbuf_putc(b, '}');
}

static void put_facts(pbuf *b, const precis_analysis *an, const precis_cluster *c)
{
    const precis_fact *f;
    size_t n = precis_analysis_facts(an, &f);
    pbuf_puts(b, "\"facts\":[");
    for (size_t i = 0; i < n; i++) {
        if (i)
            pbuf_putc(b, ',');
        pbuf_puts(b, "{\"kind\":");
        pbuf_json_string(b, precis_fact_kind_name(f[i].kind));
        pbuf_puts(b, ",\"text\":");
        pbuf_json_string(b, f[i].text);
        pbuf_puts(b, ",\"key\":");
        pbuf_json_string(b, f[i].key);
        if (f[i].kind == PRECIS_FACT_NUMBER) {
            pbuf_puts(b, ",\"value\":");
            put_value(b, f[i].value);
            pbuf_puts(b, ",\"unit\":");
            pbuf_json_string(b, f[i].unit);
        }
        pbuf_puts(b, ",\"variants\":[");
        for (size_t k = 0; k < f[i].n_variants; k++) {
            if (k)
                pbuf_putc(b, ',');
            pbuf_json_string(b, f[i].variants[k]);
        }
        pbuf_puts(b, "],\"articles\":");
        put_arts(b, c, f[i].articles, f[i].n_articles);
        pbuf_puts(b, ",\"article\":");
        put_art(b, c, f[i].article);
        pbuf_puts(b, ",\"start\":");
        pbuf_uint(b, f[i].start);
        pbuf_puts(b, ",\"end\":");
        pbuf_uint(b, f[i].end);
        pbuf_puts(b, ",\"mentions\":[");
        for (size_t k = 0; k < f[i].n_mentions; k++) {
            if (k)
                pbuf_putc(b, ',');
            put_mention(b, c, &f[i].mentions[k], 0);
        }
        pbuf_puts(b, "]}");
    }
    pbuf_puts(b, "],\"conflicts\":[");
    const precis_conflict *k;
    size_t nk = precis_analysis_conflicts(an, &k);
    for (size_t i = 0; i < nk; i++) {
        pbuf_puts(b, i ? ",{\"a\":" : "{\"a\":");
        pbuf_uint(b, k[i].a);
        pbuf_puts(b, ",\"b\":");
        pbuf_uint(b, k[i].b);
        pbuf_puts(b, ",\"a_sentence\":");
        put_mention(b, c, &k[i].a_sentence, 1);
        pbuf_puts(b, ",\"b_sentence\":");
        put_mention(b, c, &k[i].b_sentence, 1);
        pbuf_putc(b, '}');
    }
    pbuf_putc(b, ']');
}

static void put_timeline(pbuf *b, const precis_analysis *an, const precis_cluster *c)
{
    const precis_timeline_entry *t;
    size_t n = precis_analysis_timeline(an, &t);
    pbuf_puts(b, "\"timeline\":[");
    for (size_t i = 0; i < n; i++) {
        if (i)
            pbuf_putc(b, ',');
        pbuf_puts(b, "{\"article\":");
        put_art(b, c, t[i].article);
        pbuf_puts(b, t[i].dated ? ",\"dated\":true,\"when\":" : ",\"dated\":false,\"when\":");
        pbuf_json_string(b, t[i].when);
        pbuf_puts(b, ",\"added\":[");
        size_t len;
        const char *text = precis_cluster_article_text(c, t[i].article, &len);
        for (size_t k = 0; k < t[i].n_added; k++) {
            const precis_span *sp = &t[i].added[k];
            pbuf_puts(b, k ? ",{\"start\":" : "{\"start\":");
            pbuf_uint(b, sp->start);
            pbuf_puts(b, ",\"end\":");
            pbuf_uint(b, sp->end);
            pbuf_puts(b, ",\"text\":\"");
            pbuf_json_str(b, text + sp->start, sp->end - sp->start);
            pbuf_puts(b, "\"}");
        }
        pbuf_puts(b, "],\"new_facts\":[");
        for (size_t k = 0; k < t[i].n_new_facts; k++) {
            if (k)
                pbuf_putc(b, ',');
            pbuf_uint(b, t[i].new_facts[k]);
        }
        pbuf_puts(b, "]}");
    }
    pbuf_putc(b, ']');
}

void out_report_json(pbuf *b, const precis_summary *sum, const precis_analysis *an,
                     const precis_cluster *c)
{
    pbuf_puts(b, "{\"summary\":");
    if (sum)
        put_summary(b, sum, c);
    else
        pbuf_puts(b, "null");
    pbuf_puts(b, ",\"articles\":[");
    size_t na = precis_cluster_size(c);
    for (size_t i = 0; i < na; i++) {
        pbuf_puts(b, i ? ",{\"id\":" : "{\"id\":");
        put_art(b, c, i);
        pbuf_puts(b, ",\"source\":");
        pbuf_json_string(b, precis_cluster_article_source(c, i));
        pbuf_puts(b, ",\"date\":");
        pbuf_json_string(b, precis_cluster_article_date(c, i));
        pbuf_puts(b, ",\"title\":");
        pbuf_json_string(b, precis_cluster_article_title(c, i));
        out_json_charset(b, c, i);
        pbuf_putc(b, '}');
    }
    pbuf_putc(b, ']');
    if (an) {
        pbuf_putc(b, ',');
        put_copies(b, an, c);
        pbuf_putc(b, ',');
        put_quotes(b, an, c);
        pbuf_putc(b, ',');
        put_facts(b, an, c);
        pbuf_putc(b, ',');
        put_timeline(b, an, c);
    }
    pbuf_puts(b, "}\n");
}
