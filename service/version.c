/*
 * version.c -- one version of a story, computed from its articles: the
 * summary and the report (JSON, and the HTML page), the headline, the
 * sources, and what changed since the previous version.  Shared by the
 * desk's own workers (desk.c) and the summarizer workers of precis on
 * Redis Streams (redisq.c), so a story reads the same whichever computed
 * it.
 */
#include "service.h"

#include <jansson.h>
#include <string.h>

/* JSON array of strings. */
static void put_str_array(pbuf *b, const char *const *s, const size_t *len, size_t n)
{
    pbuf_putc(b, '[');
    for (size_t i = 0; i < n; i++) {
        pbuf_puts(b, i ? ",\"" : "\"");
        pbuf_json_str(b, s[i], len ? len[i] : strlen(s[i]));
        pbuf_putc(b, '"');
    }
    pbuf_putc(b, ']');
}

/* Does the JSON array `arr` hold the string s[0..n)? */
static int in_array(json_t *arr, const char *s, size_t n)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        if (json_string_length(v) == n && !memcmp(json_string_value(v), s, n))
            return 1;
    }
    return 0;
}

/* "key":[items of now[] not in prev] */
static void put_new(pbuf *b, const char *key, const char *const *now, const size_t *len, size_t n,
                    json_t *prev)
{
    pbuf_printf(b, "\"%s\":[", key);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l = len ? len[i] : strlen(now[i]);
        if (prev && in_array(prev, now[i], l))
            continue;
        pbuf_puts(b, k++ ? ",\"" : "\"");
        pbuf_json_str(b, now[i], l);
        pbuf_putc(b, '"');
    }
    pbuf_putc(b, ']');
}

/* The headline: the first title among the articles the summary leads
   with, else any title, else the summary's first sentence, cut at a word
   near 110 bytes (never inside a UTF-8 sequence). */
static void make_headline(pbuf *b, const precis_summary *sum, const precis_cluster *c)
{
    size_t na = precis_cluster_size(c);
    if (precis_summary_size(sum)) {
        const char *t = precis_cluster_article_title(c, precis_summary_sentence(sum, 0)->article);
        if (t && *t) {
            pbuf_puts(b, t);
            return;
        }
    }
    for (size_t i = 0; i < na; i++) {
        const char *t = precis_cluster_article_title(c, i);
        if (t && *t) {
            pbuf_puts(b, t);
            return;
        }
    }
    if (!precis_summary_size(sum)) {
        pbuf_puts(b, "(untitled story)");
        return;
    }
    const precis_sentence *s = precis_summary_sentence(sum, 0);
    pbuf flat;
    pbuf_init(&flat);
    pbuf_flat(&flat, s->text, s->len);
    size_t n = flat.len;
    if (n > 110) {
        size_t cut = 110;
        while (cut > 60 && flat.data[cut] != ' ')
            cut--;
        while (cut > 0 && ((unsigned char)flat.data[cut] & 0xC0) == 0x80)
            cut--;
        pbuf_put(b, flat.data, cut);
        pbuf_puts(b, "…");
    } else if (flat.data)
        pbuf_put(b, flat.data, n);
    if (flat.oom)
        b->oom = 1;
    pbuf_free(&flat);
}


void version_init(story_version *sv)
{
    memset(sv, 0, sizeof *sv);
    pbuf_init(&sv->sents);
    pbuf_init(&sv->facts);
    pbuf_init(&sv->arts);
    pbuf_init(&sv->srcs);
    pbuf_init(&sv->changes);
    pbuf_init(&sv->head);
}

void version_free(story_version *sv)
{
    pbuf_free(&sv->sents);
    pbuf_free(&sv->facts);
    pbuf_free(&sv->arts);
    pbuf_free(&sv->srcs);
    pbuf_free(&sv->changes);
    pbuf_free(&sv->head);
    precis_free(sv->report);
    precis_free(sv->html);
    precis_free(sv->text);
    memset(sv, 0, sizeof *sv);
}

int version_compute(precis_summarizer *s, const precis_cluster *c, uint64_t story,
                    const char *lang, const store_prev *prev, story_version *sv, char *err)
{
    precis_summary *sum = NULL;
    precis_analysis *an = NULL;
    const char **svv = NULL, **fv = NULL, **av = NULL, **srcv = NULL;
    size_t *sl = NULL;
    json_t *ps = NULL, *pf = NULL, *pa = NULL;
    int rc = -1;
    size_t na = precis_cluster_size(c);
    if (!na) {
        snprintf(err, PRECIS_ERRMAX, "story %llu has no article", (unsigned long long)story);
        return -1;
    }
    precis_status st = precis_summarize_analyze(s, c, &sum, &an);
    if (st) {
        snprintf(err, PRECIS_ERRMAX, "story %llu: %s", (unsigned long long)story,
                 precis_summarizer_error(s));
        return st == PRECIS_ENOMEM ? -1 : -2;
    }
    snprintf(err, PRECIS_ERRMAX, "story %llu: out of memory", (unsigned long long)story);
    if (precis_report_render(sum, an, c, PRECIS_FORMAT_JSON, &sv->report, NULL) ||
        precis_report_render(sum, an, c, PRECIS_FORMAT_HTML, &sv->html, &sv->html_len) ||
        precis_summary_render(sum, c, PRECIS_FORMAT_TEXT, &sv->text, NULL))
        goto out;
    size_t tl = strlen(sv->text);
    while (tl && sv->text[tl - 1] == '\n')
        sv->text[--tl] = '\0';

    size_t ns = precis_summary_size(sum);
    const precis_fact *f;
    size_t nf = precis_analysis_facts(an, &f);
    svv = pcalloc(ns + 1, sizeof *svv);
    sl = pcalloc(ns + 1, sizeof *sl);
    fv = pcalloc(nf + 1, sizeof *fv);
    av = pcalloc(na, sizeof *av);
    srcv = pcalloc(na, sizeof *srcv);
    if (!svv || !sl || !fv || !av || !srcv)
        goto out;
    for (size_t i = 0; i < ns; i++) {
        svv[i] = precis_summary_sentence(sum, i)->text;
        sl[i] = precis_summary_sentence(sum, i)->len;
    }
    for (size_t i = 0; i < nf; i++)
        fv[i] = f[i].text;
    size_t nsrc = 0;
    for (size_t i = 0; i < na; i++) {
        av[i] = precis_cluster_article_id(c, i);
        const char *src = precis_cluster_article_source(c, i);
        if (!src || !*src)
            continue;
        size_t k = 0;
        while (k < nsrc && strcmp(srcv[k], src))
            k++;
        if (k == nsrc)
            srcv[nsrc++] = src;
    }
    put_str_array(&sv->sents, svv, sl, ns);
    put_str_array(&sv->facts, fv, NULL, nf);
    put_str_array(&sv->arts, av, NULL, na);
    put_str_array(&sv->srcs, srcv, NULL, nsrc < 12 ? nsrc : 12);
    make_headline(&sv->head, sum, c);

    if (prev && prev->version) {
        json_error_t je;
        ps = prev->sentences ? json_loads(prev->sentences, 0, &je) : NULL;
        pf = prev->facts ? json_loads(prev->facts, 0, &je) : NULL;
        pa = prev->articles ? json_loads(prev->articles, 0, &je) : NULL;
    }
    pbuf *ch = &sv->changes;
    pbuf_putc(ch, '{');
    pbuf_printf(ch, "\"since_version\":%d,", prev ? prev->version : 0);
    put_new(ch, "added_articles", av, NULL, na, pa);
    pbuf_putc(ch, ',');
    put_new(ch, "added_sentences", svv, sl, ns, ps);
    pbuf_puts(ch, ",\"removed_sentences\":[");
    if (ps) {
        size_t i, k = 0;
        json_t *v;
        json_array_foreach(ps, i, v)
        {
            const char *pt = json_string_value(v);
            size_t pl = json_string_length(v), j = 0;
            while (j < ns && !(sl[j] == pl && !memcmp(svv[j], pt, pl)))
                j++;
            if (j < ns || !pt)
                continue;
            pbuf_puts(ch, k++ ? ",\"" : "\"");
            pbuf_json_str(ch, pt, pl);
            pbuf_putc(ch, '"');
        }
    }
    pbuf_puts(ch, "],");
    put_new(ch, "new_facts", fv, NULL, nf, pf);
    pbuf_putc(ch, '}');
    if (sv->sents.oom || sv->facts.oom || sv->arts.oom || sv->srcs.oom || ch->oom ||
        sv->head.oom)
        goto out;

    store_version *v = &sv->v;
    v->story = story;
    v->created = serve_now_ms();
    v->n_articles = na;
    v->n_sources = nsrc;
    v->lang = lang;
    v->headline = sv->head.data;
    v->summary = sv->text;
    v->sources = sv->srcs.data;
    v->report = sv->report;
    v->sentences = sv->sents.data;
    v->facts = sv->facts.data;
    v->articles = sv->arts.data;
    v->changes = ch->data;
    v->page = sv->html;
    v->page_len = sv->html_len;
    rc = 0;
out:
    json_decref(ps);
    json_decref(pf);
    json_decref(pa);
    pfree(svv);
    pfree(sl);
    pfree(fv);
    pfree(av);
    pfree(srcv);
    precis_analysis_free(an);
    precis_summary_free(sum);
    return rc;
}
