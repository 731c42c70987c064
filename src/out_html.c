/*
 * out_html.c -- the report as one self-contained HTML5 page: the summary
 * with its citations, the copies table, the quotes, the facts with their
 * conflicts, the timeline and the list of articles.  It is the HTML twin
 * of out_report.c (the JSON report) and shows the same content.
 *
 * Self-contained and inert: the page loads nothing (no fonts, images or
 * scripts; the Content-Security-Policy forbids every load except its own
 * inline style) and runs no script.  A citation reveals its source
 * sentences by CSS alone: the number links to a fragment, and the block
 * holding that fragment is shown by :target / :has(:target).  With no
 * script-src in the policy, even a bug in the escaping below could not
 * run injected script.
 *
 * Every string that comes from the input -- article text, ids, sources,
 * titles, dates, quotes, speakers, fact strings -- goes through
 * pbuf_html().  Anchors are made of numbers only (art-3, ev-2-3), never
 * of input text.  Articles are named by their 1-based number, as in the
 * Markdown output, and every number links to the list of sources.
 *
 * The output depends only on its arguments, so it is deterministic.
 */
#include "output.h"

#include <math.h>

typedef struct html {
    pbuf *b;
    const precis_cluster *c;
    size_t na; /* articles in c */
} html;

static const char html_style[] =
    ":root{--fg:#1d2026;--muted:#5f6670;--line:#dde1e6;--soft:#f4f6f9;--accent:#1f5fbf;"
    "--warn:#fdecea;--warnline:#c5221f;--hl:#fff3bf}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:#fff;color:var(--fg);font:16px/1.55 system-ui,-apple-system,"
    "\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif}\n"
    "header,main,footer{max-width:62rem;margin:0 auto;padding:0 1.25rem}\n"
    "header{padding-top:1.75rem}\n"
    "h1{font-size:1.55rem;line-height:1.25;margin:0 0 .3rem}\n"
    "h2{font-size:1.2rem;margin:2.25rem 0 .75rem;padding-bottom:.3rem;"
    "border-bottom:2px solid var(--line)}\n"
    "h3{font-size:1rem;margin:1.4rem 0 .5rem}\n"
    "a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}\n"
    "nav{margin:.6rem 0 0;font-size:.92rem}nav a{margin-right:1rem}\n"
    ".meta,.note{color:var(--muted);font-size:.9rem}\n"
    ".summary{font-size:1.08rem;line-height:1.75;margin:.5rem 0}\n"
    ".cites{font-size:.72rem;line-height:0;white-space:nowrap}\n"
    ".cites a{padding:0 .08rem}\n"
    ".ref{font-size:.8rem;white-space:nowrap}\n"
    ".ev{display:none;border-left:3px solid var(--accent);background:var(--soft);"
    "padding:.5rem .9rem;margin:.75rem 0;border-radius:0 6px 6px 0}\n"
    ".ev:target,.ev:has(:target){display:block}\n"
    ".ev h3{margin:.2rem 0 .4rem;font-size:.92rem}\n"
    ".ev-art{padding:.35rem .5rem;border-radius:4px;margin:.2rem 0}\n"
    ".ev-art:target{background:var(--hl)}\n"
    ".ev-src{margin:0;font-size:.82rem;color:var(--muted)}\n"
    ".ev-art blockquote{margin:.15rem 0 0}\n"
    "table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0}\n"
    "th,td{text-align:left;padding:.4rem .55rem;border-bottom:1px solid var(--line);"
    "vertical-align:top}\n"
    "th{background:var(--soft);font-weight:600}\n"
    "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "tr.independent{color:var(--muted);opacity:.6}\n"
    ".verdict{font-weight:600}\n"
    ".quote{margin:.9rem 0;padding:.3rem 0 .3rem 1rem;border-left:3px solid var(--line)}\n"
    ".quote blockquote{margin:0;font-size:1.04rem}\n"
    ".quote .by{color:var(--muted);font-size:.88rem;margin:.25rem 0 0}\n"
    ".speaker{color:var(--fg);font-weight:600}\n"
    ".variant{margin:.3rem 0 0;font-size:.9rem}\n"
    "ul.conflicts{padding:0;margin:.5rem 0 1rem}\n"
    "ul.conflicts li{list-style:none;border-left:3px solid var(--warnline);"
    "padding:.45rem .75rem;margin:.4rem 0}\n"
    ".conflict{background:var(--warn)}\n"
    ".conflict .val{font-weight:600}\n"
    ".conflict blockquote.side{margin:.2rem 0 .2rem 1rem;font-size:.9em}\n"
    "tr.conflict td:first-child{box-shadow:inset 3px 0 var(--warnline)}\n"
    ".vs{color:var(--warnline);font-weight:600;margin:0 .4rem}\n"
    "ol.timeline{list-style:none;padding:0;margin:.5rem 0 0 .4rem;"
    "border-left:2px solid var(--line)}\n"
    "ol.timeline>li{position:relative;padding:0 0 1.2rem 1.2rem}\n"
    "ol.timeline>li::before{content:\"\";position:absolute;left:-7px;top:.45rem;width:12px;"
    "height:12px;border-radius:50%;background:var(--accent)}\n"
    ".when{font-weight:600}\n"
    ".undated{color:var(--muted);font-style:italic;font-weight:400}\n"
    "details.added{margin:.2rem 0}details.added summary{cursor:pointer}\n"
    "ul.added{margin:.3rem 0;padding-left:1.2rem;font-size:.93rem}\n"
    "ol.sources li{margin:.25rem 0}\n"
    "code{font-size:.85em;background:var(--soft);padding:0 .25rem;border-radius:3px}\n"
    "footer{margin-top:2.5rem;padding-bottom:2rem;color:var(--muted);font-size:.82rem}\n"
    "@media print{.ev{display:block}}\n";

/* ---- small writers ---------------------------------------------------- */

/* A NUL-terminated input string, escaped; NULL writes nothing. */
static void put_esc(pbuf *b, const char *s)
{
    if (s)
        pbuf_html(b, s, strlen(s));
}

/* The name an article goes by: its source, else its id. */
static const char *art_name(const html *h, size_t i)
{
    const char *src = precis_cluster_article_source(h->c, i);
    return src && *src ? src : precis_cluster_article_id(h->c, i);
}

/* A citation of article i: its number, linking to the list of sources,
   with the source's name as tooltip. */
static void put_ref(html *h, size_t i)
{
    if (i >= h->na) {
        pbuf_puts(h->b, "<span class=\"ref\">[?]</span>");
        return;
    }
    pbuf_printf(h->b, "<a class=\"ref\" href=\"#art-%zu\" title=\"", i + 1);
    put_esc(h->b, art_name(h, i));
    pbuf_printf(h->b, "\">[%zu]</a>", i + 1);
}

static void put_refs(html *h, const size_t *a, size_t n)
{
    for (size_t k = 0; k < n; k++)
        put_ref(h, a[k]);
}

/* "Source [n]": an article named in running text. */
static void put_named(html *h, size_t i)
{
    if (i < h->na) {
        put_esc(h->b, art_name(h, i));
        pbuf_putc(h->b, ' ');
    }
    put_ref(h, i);
}

static void put_pct(pbuf *b, double v)
{
    pbuf_printf(b, "%.1f%%", isfinite(v) ? 100.0 * v : 0.0);
}

/* ---- sections --------------------------------------------------------- */

static void put_ev_source(html *h, size_t art, const char *label)
{
    pbuf_puts(h->b, "<p class=\"ev-src\">");
    put_named(h, art);
    const char *title = art < h->na ? precis_cluster_article_title(h->c, art) : NULL;
    if (title && *title) {
        pbuf_puts(h->b, " — <i>");
        put_esc(h->b, title);
        pbuf_puts(h->b, "</i>");
    }
    pbuf_printf(h->b, " · %s</p>\n", label);
}

/* The source sentences of summary sentence si (1-based number sn): the
   primary article's sentence as selected, then for every other article
   carrying the content the sentence the summarizer found in it
   (precis_sentence.spans: its redundancy group's member), so the page
   reads no article again. */
static void put_evidence(html *h, const precis_sentence *s, size_t sn)
{
    pbuf *b = h->b;
    pbuf_printf(b, "<div class=\"ev\" id=\"ev-%zu\">\n<h3>Sources of sentence %zu</h3>\n", sn,
                sn);
    size_t n_art = s->n_articles ? s->n_articles : 1;
    for (size_t k = 0; k < n_art; k++) {
        size_t art = s->n_articles ? s->articles[k] : s->article;
        pbuf_printf(b, "<div class=\"ev-art\" id=\"ev-%zu-%zu\">\n", sn, art + 1);
        if (art == s->article) {
            put_ev_source(h, art, "selected sentence");
            pbuf_puts(b, "<blockquote>");
            pbuf_html(b, s->text, s->len);
            pbuf_puts(b, "</blockquote>\n</div>\n");
            continue;
        }
        size_t len = 0;
        const char *text = art < h->na ? precis_cluster_article_text(h->c, art, &len) : NULL;
        const precis_span *sp = s->n_articles && s->spans ? &s->spans[k] : NULL;
        if (text && sp && sp->start < sp->end && sp->end <= len) {
            put_ev_source(h, art, "closest sentence");
            pbuf_puts(b, "<blockquote>");
            pbuf_html(b, text + sp->start, sp->end - sp->start);
            pbuf_puts(b, "</blockquote>\n");
        } else
            put_ev_source(h, art, "carries the same content");
        pbuf_puts(b, "</div>\n");
    }
    pbuf_puts(b, "</div>\n");
}

static void put_summary(html *h, const precis_summary *sum)
{
    pbuf *b = h->b;
    size_t n = precis_summary_size(sum);
    pbuf_printf(b, "<section id=\"summary\">\n<h2>Summary</h2>\n<p class=\"meta\">%zu "
                   "sentence%s, %zu words. Click a citation number to see the source "
                   "sentences.</p>\n<p class=\"summary\">",
                n, n == 1 ? "" : "s", precis_summary_words(sum));
    for (size_t i = 0; i < n; i++) {
        const precis_sentence *s = precis_summary_sentence(sum, i);
        if (i)
            pbuf_putc(b, '\n');
        pbuf_printf(b, "<span class=\"sent\" id=\"s-%zu\">", i + 1);
        pbuf_html(b, s->text, s->len);
        pbuf_puts(b, "</span><sup class=\"cites\">");
        size_t n_art = s->n_articles ? s->n_articles : 1;
        for (size_t k = 0; k < n_art; k++) {
            size_t art = s->n_articles ? s->articles[k] : s->article;
            pbuf_printf(b, "<a href=\"#ev-%zu-%zu\" title=\"", i + 1, art + 1);
            if (art < h->na)
                put_esc(b, art_name(h, art));
            pbuf_printf(b, "\">[%zu]</a>", art + 1);
        }
        pbuf_puts(b, "</sup>");
    }
    if (!n)
        pbuf_puts(b, "<i>The summary is empty.</i>");
    pbuf_puts(b, "</p>\n");
    for (size_t i = 0; i < n; i++)
        put_evidence(h, precis_summary_sentence(sum, i), i + 1);
    pbuf_puts(b, "</section>\n");
}

/* The verdict on a pair in words, naming the articles. */
static void put_verdict(html *h, const precis_copy *cp)
{
    pbuf *b = h->b;
    switch (cp->kind) {
    case PRECIS_COPY_SAME: pbuf_puts(b, "same text"); break;
    case PRECIS_COPY_A_IN_B:
        put_ref(h, cp->b);
        pbuf_puts(b, " republishes ");
        put_ref(h, cp->a);
        pbuf_puts(b, " with additions");
        break;
    case PRECIS_COPY_B_IN_A:
        put_ref(h, cp->a);
        pbuf_puts(b, " contains ");
        put_ref(h, cp->b);
        break;
    case PRECIS_COPY_UPDATE:
        put_ref(h, cp->earlier == cp->a ? cp->b : cp->a);
        pbuf_puts(b, " updates ");
        put_ref(h, cp->earlier);
        break;
    case PRECIS_COPY_SHARES: pbuf_puts(b, "share passages"); break;
    default: pbuf_puts(b, "independent"); break;
    }
}

static void put_copies(html *h, const precis_analysis *an)
{
    pbuf *b = h->b;
    const precis_copy *cp;
    size_t n = precis_analysis_copies(an, &cp), related = 0;
    for (size_t i = 0; i < n; i++)
        related += cp[i].kind != PRECIS_COPY_INDEPENDENT;
    pbuf_printf(b, "<section id=\"copies\">\n<h2>Copies</h2>\n<p class=\"meta\">%zu pair%s "
                   "of articles related by their text; pairs sharing only a few word "
                   "sequences are dimmed. Resemblance and containment are measured on "
                   "4-word shingles.</p>\n",
                related, related == 1 ? "" : "s");
    if (!n) {
        pbuf_puts(b, "<p class=\"note\">No two articles share text.</p>\n</section>\n");
        return;
    }
    pbuf_puts(b, "<table>\n<thead><tr><th>Article A</th><th>Article B</th>"
                 "<th class=\"num\">Shared</th><th class=\"num\">Resemblance</th>"
                 "<th class=\"num\">A in B</th><th class=\"num\">B in A</th>"
                 "<th>Verdict</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < n; i++) {
        pbuf_printf(b, "<tr class=\"%s\"><td>",
                    cp[i].kind == PRECIS_COPY_INDEPENDENT ? "independent" : "related");
        put_named(h, cp[i].a);
        pbuf_puts(b, "</td><td>");
        put_named(h, cp[i].b);
        pbuf_printf(b, "</td><td class=\"num\">%zu</td><td class=\"num\">", cp[i].shared);
        put_pct(b, cp[i].resemblance);
        pbuf_puts(b, "</td><td class=\"num\">");
        put_pct(b, cp[i].a_in_b);
        pbuf_puts(b, "</td><td class=\"num\">");
        put_pct(b, cp[i].b_in_a);
        pbuf_puts(b, "</td><td class=\"verdict\">");
        put_verdict(h, &cp[i]);
        pbuf_puts(b, "</td></tr>\n");
    }
    pbuf_puts(b, "</tbody>\n</table>\n</section>\n");
}

static void put_quote_words(html *h, const precis_quote *q)
{
    pbuf_puts(h->b, "“");
    put_esc(h->b, q->text);
    pbuf_puts(h->b, "”");
}

/* Quotes grouped by statement: each group's first wording, then the
   others ("also worded as"), linked through a next-in-group array so that
   grouping stays linear. */
static void put_quotes(html *h, const precis_analysis *an)
{
    pbuf *b = h->b;
    const precis_quote *q;
    size_t n = precis_analysis_quotes(an, &q);
    pbuf_printf(b, "<section id=\"quotes\">\n<h2>Quotes</h2>\n<p class=\"meta\">%zu quote%s; "
                   "one statement in several wordings (translations) is shown once.</p>\n",
                n, n == 1 ? "" : "s");
    if (!n) {
        pbuf_puts(b, "<p class=\"note\">No direct quotes found.</p>\n</section>\n");
        return;
    }
    size_t *next = pmalloc(pmul(n, 2 * sizeof *next));
    if (!next) {
        b->oom = 1;
        return;
    }
    size_t *tail = next + n;
    for (size_t i = 0; i < n; i++) {
        next[i] = SIZE_MAX;
        tail[i] = i;
        size_t g = q[i].variant;
        if (g < i && q[g].variant == g) { /* append i to group g */
            next[tail[g]] = i;
            tail[g] = i;
        }
    }
    for (size_t i = 0; i < n; i++) {
        size_t g = q[i].variant;
        if (g < i && q[g].variant == g)
            continue; /* shown with its group */
        pbuf_printf(b, "<div class=\"quote\" id=\"q-%zu\">\n<blockquote>", i + 1);
        put_quote_words(h, &q[i]);
        pbuf_puts(b, "</blockquote>\n<p class=\"by\">— ");
        if (q[i].speaker) {
            pbuf_puts(b, "<span class=\"speaker\">");
            put_esc(b, q[i].speaker);
            pbuf_puts(b, "</span>");
        } else
            pbuf_puts(b, "<span class=\"unattributed\">unattributed</span>");
        if (q[i].cue) {
            pbuf_puts(b, " (");
            put_esc(b, q[i].cue);
            pbuf_putc(b, ')');
        }
        pbuf_puts(b, " · ");
        put_refs(h, q[i].articles, q[i].n_articles);
        pbuf_puts(b, "</p>\n");
        for (size_t j = next[i]; j != SIZE_MAX; j = next[j]) {
            pbuf_printf(b, "<p class=\"variant\" id=\"q-%zu\">also worded as ", j + 1);
            put_quote_words(h, &q[j]);
            if (q[j].speaker && (!q[i].speaker || strcmp(q[j].speaker, q[i].speaker))) {
                pbuf_puts(b, " — <span class=\"speaker\">");
                put_esc(b, q[j].speaker);
                pbuf_puts(b, "</span>");
            }
            pbuf_putc(b, ' ');
            put_refs(h, q[j].articles, q[j].n_articles);
            pbuf_puts(b, "</p>\n");
        }
        pbuf_puts(b, "</div>\n");
    }
    pfree(next);
    pbuf_puts(b, "</section>\n");
}

static void put_fact_value(html *h, const precis_fact *f)
{
    pbuf_puts(h->b, "<span class=\"val\">");
    put_esc(h->b, f->text);
    pbuf_puts(h->b, "</span> ");
    put_refs(h, f->articles, f->n_articles);
}

/* A NUMBER fact's quantity with its unit: "$1200000", "3.5%", "41",
   "6.8 meters". */
static void put_value(pbuf *b, const precis_fact *f)
{
    const char *u = f->unit;
    int prefix = u && (!strcmp(u, "$") || !strcmp(u, "€") || !strcmp(u, "£") || !strcmp(u, "¥"));
    if (prefix)
        put_esc(b, u);
    pbuf_printf(b, "%.10g", isfinite(f->value) ? f->value : 0.0);
    if (u && *u && !prefix) {
        if (strcmp(u, "%"))
            pbuf_putc(b, ' ');
        put_esc(b, u);
    }
}

/* One side of a conflict: the sentence that states it, and its source. */
static void put_conflict_sentence(html *h, const precis_mention *m)
{
    size_t len;
    const char *t = precis_cluster_article_text(h->c, m->article, &len);
    if (!t || m->end > len || m->start >= m->end)
        return;
    char *s = pstrndup(t + m->start, m->end - m->start);
    if (!s) {
        h->b->oom = 1;
        return;
    }
    pbuf_puts(h->b, "<blockquote class=\"side\">");
    put_esc(h->b, s);
    pbuf_puts(h->b, " <cite>");
    put_esc(h->b, art_name(h, m->article));
    pbuf_puts(h->b, "</cite></blockquote>");
    pfree(s);
}

static void put_facts(html *h, const precis_analysis *an)
{
    static const struct {
        precis_fact_kind kind;
        const char *title;
    } groups[] = {{PRECIS_FACT_NUMBER, "Figures"},
                  {PRECIS_FACT_DATE, "Dates"},
                  {PRECIS_FACT_PERSON, "People"},
                  {PRECIS_FACT_ORG, "Organisations"},
                  {PRECIS_FACT_PLACE, "Places"},
                  {PRECIS_FACT_NAME, "Other names"}};
    pbuf *b = h->b;
    const precis_fact *f;
    const precis_conflict *k;
    size_t n = precis_analysis_facts(an, &f);
    size_t nk = precis_analysis_conflicts(an, &k);
    pbuf_printf(b, "<section id=\"facts\">\n<h2>Facts</h2>\n<p class=\"meta\">%zu fact%s, %zu "
                   "conflict%s between articles.</p>\n",
                n, n == 1 ? "" : "s", nk, nk == 1 ? "" : "s");
    if (!n) {
        pbuf_puts(b, "<p class=\"note\">No facts found.</p>\n</section>\n");
        return;
    }
    unsigned char *in_conflict = pcalloc(n, 1);
    if (!in_conflict) {
        b->oom = 1;
        return;
    }
    if (nk) {
        pbuf_puts(b, "<h3>Conflicting figures</h3>\n<ul class=\"conflicts\">\n");
        for (size_t i = 0; i < nk; i++) {
            if (k[i].a >= n || k[i].b >= n)
                continue;
            in_conflict[k[i].a] = in_conflict[k[i].b] = 1;
            pbuf_printf(b, "<li class=\"conflict\" id=\"conflict-%zu\">", i + 1);
            put_fact_value(h, &f[k[i].a]);
            pbuf_puts(b, "<span class=\"vs\">vs</span>");
            put_fact_value(h, &f[k[i].b]);
            put_conflict_sentence(h, &k[i].a_sentence);
            put_conflict_sentence(h, &k[i].b_sentence);
            pbuf_puts(b, "</li>\n");
        }
        pbuf_puts(b, "</ul>\n");
    }
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
        size_t count = 0;
        for (size_t i = 0; i < n; i++)
            count += f[i].kind == groups[g].kind;
        if (!count)
            continue;
        int num = groups[g].kind == PRECIS_FACT_NUMBER;
        pbuf_printf(b, "<h3>%s</h3>\n<table class=\"facts %s\">\n<thead><tr><th>Fact</th>%s"
                       "<th>%s</th><th>Also written</th><th>Sources</th></tr></thead>\n"
                       "<tbody>\n",
                    groups[g].title, precis_fact_kind_name(groups[g].kind),
                    num ? "<th class=\"num\">Value</th>" : "",
                    num                                  ? "Counts"
                    : groups[g].kind == PRECIS_FACT_DATE ? "Date"
                                                         : "Canonical name");
        for (size_t i = 0; i < n; i++) {
            if (f[i].kind != groups[g].kind)
                continue;
            pbuf_printf(b, "<tr id=\"fact-%zu\"%s><td>", i + 1,
                        in_conflict[i] ? " class=\"conflict\"" : "");
            put_esc(b, f[i].text);
            if (num) {
                pbuf_puts(b, "</td><td class=\"num\">");
                put_value(b, &f[i]);
            }
            pbuf_puts(b, "</td><td>");
            if (num || !f[i].key || !f[i].text || strcmp(f[i].key, f[i].text))
                put_esc(b, f[i].key);
            pbuf_puts(b, "</td><td>");
            for (size_t v = 0; v < f[i].n_variants; v++) {
                if (v)
                    pbuf_puts(b, "; ");
                put_esc(b, f[i].variants[v]);
            }
            pbuf_puts(b, "</td><td>");
            put_refs(h, f[i].articles, f[i].n_articles);
            pbuf_puts(b, "</td></tr>\n");
        }
        pbuf_puts(b, "</tbody>\n</table>\n");
    }
    pfree(in_conflict);
    pbuf_puts(b, "</section>\n");
}

static void put_timeline(html *h, const precis_analysis *an)
{
    pbuf *b = h->b;
    const precis_timeline_entry *t;
    const precis_fact *f;
    size_t n = precis_analysis_timeline(an, &t);
    size_t nf = precis_analysis_facts(an, &f);
    pbuf_puts(b, "<section id=\"timeline\">\n<h2>Timeline</h2>\n<p class=\"meta\">The "
                 "articles in story order, each with what it adds to the earlier "
                 "ones.</p>\n<ol class=\"timeline\">\n");
    for (size_t i = 0; i < n; i++) {
        size_t art = t[i].article;
        pbuf_puts(b, "<li>\n<div class=\"when\">");
        if (t[i].dated && t[i].when)
            put_esc(b, t[i].when);
        else {
            if (t[i].when) {
                put_esc(b, t[i].when);
                pbuf_putc(b, ' ');
            }
            pbuf_puts(b, "<span class=\"undated\">undated, placed by content</span>");
        }
        pbuf_puts(b, "</div>\n<div class=\"who\">");
        put_named(h, art);
        const char *title = art < h->na ? precis_cluster_article_title(h->c, art) : NULL;
        if (title && *title) {
            pbuf_puts(b, " — <i>");
            put_esc(b, title);
            pbuf_puts(b, "</i>");
        }
        pbuf_puts(b, "</div>\n");
        size_t len = 0;
        const char *text = art < h->na ? precis_cluster_article_text(h->c, art, &len) : NULL;
        if (!t[i].n_added)
            pbuf_puts(b, "<p class=\"note\">Adds no new sentence.</p>\n");
        else {
            pbuf_printf(b, "<details class=\"added\"><summary class=\"note\">Adds %zu "
                           "sentence%s</summary>\n<ul class=\"added\">\n",
                        t[i].n_added, t[i].n_added == 1 ? "" : "s");
            for (size_t k = 0; k < t[i].n_added; k++) {
                const precis_span *sp = &t[i].added[k];
                if (!text || sp->start > sp->end || sp->end > len)
                    continue;
                pbuf_puts(b, "<li>");
                pbuf_html(b, text + sp->start, sp->end - sp->start);
                pbuf_puts(b, "</li>\n");
            }
            pbuf_puts(b, "</ul>\n</details>\n");
        }
        if (t[i].n_new_facts) {
            pbuf_puts(b, "<p class=\"new-facts\">New facts: ");
            size_t shown = 0;
            for (size_t k = 0; k < t[i].n_new_facts; k++) {
                size_t fi = t[i].new_facts[k];
                if (fi >= nf)
                    continue;
                if (shown++)
                    pbuf_puts(b, "; ");
                pbuf_printf(b, "<a href=\"#fact-%zu\">", fi + 1);
                put_esc(b, f[fi].text);
                pbuf_puts(b, "</a>");
            }
            pbuf_puts(b, "</p>\n");
        }
        pbuf_puts(b, "</li>\n");
    }
    pbuf_puts(b, "</ol>\n</section>\n");
}

static void put_sources(html *h)
{
    pbuf *b = h->b;
    pbuf_printf(b, "<section id=\"sources\">\n<h2>Articles</h2>\n<ol class=\"sources\">\n");
    for (size_t i = 0; i < h->na; i++) {
        const char *title = precis_cluster_article_title(h->c, i);
        const char *src = precis_cluster_article_source(h->c, i);
        const char *date = precis_cluster_article_date(h->c, i);
        pbuf_printf(b, "<li id=\"art-%zu\">", i + 1);
        if (title && *title) {
            pbuf_puts(b, "<i>");
            put_esc(b, title);
            pbuf_puts(b, "</i> — ");
        }
        if (src && *src) {
            put_esc(b, src);
            pbuf_putc(b, ' ');
        }
        if (date && *date) {
            pbuf_puts(b, "<span class=\"meta\">");
            put_esc(b, date);
            pbuf_puts(b, "</span> ");
        }
        pbuf_puts(b, "<code>");
        put_esc(b, precis_cluster_article_id(h->c, i));
        pbuf_puts(b, "</code></li>\n");
    }
    pbuf_puts(b, "</ol>\n</section>\n");
}

/* The page's name: the cluster id, else the first article's title. */
static void put_title(html *h)
{
    const char *id = precis_cluster_id(h->c);
    const char *t = h->na ? precis_cluster_article_title(h->c, 0) : NULL;
    if (id && *id)
        put_esc(h->b, id);
    else if (t && *t)
        put_esc(h->b, t);
    else
        pbuf_puts(h->b, "news cluster");
}

void out_html(pbuf *b, const precis_summary *sum, const precis_analysis *an,
              const precis_cluster *c)
{
    html h = {b, c, precis_cluster_size(c)};
    pbuf_printf(b,
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
                "<meta name=\"generator\" content=\"precis %s\">\n<title>Report: ",
                precis_version_string());
    put_title(&h);
    pbuf_puts(b, "</title>\n<style>\n");
    pbuf_puts(b, html_style);
    pbuf_puts(b, "</style>\n</head>\n<body>\n<header>\n<h1>Report: ");
    put_title(&h);
    pbuf_printf(b, "</h1>\n<p class=\"meta\">%zu article%s</p>\n<nav>", h.na,
                h.na == 1 ? "" : "s");
    if (sum)
        pbuf_puts(b, "<a href=\"#summary\">Summary</a>");
    if (an)
        pbuf_puts(b, "<a href=\"#copies\">Copies</a><a href=\"#quotes\">Quotes</a>"
                     "<a href=\"#facts\">Facts</a><a href=\"#timeline\">Timeline</a>");
    pbuf_puts(b, "<a href=\"#sources\">Articles</a></nav>\n</header>\n<main>\n");
    if (sum)
        put_summary(&h, sum);
    if (an) {
        put_copies(&h, an);
        put_quotes(&h, an);
        put_facts(&h, an);
        put_timeline(&h, an);
    }
    put_sources(&h);
    pbuf_printf(b, "</main>\n<footer>Generated by precis %s. This page is self-contained: it "
                   "loads nothing and runs no script.</footer>\n</body>\n</html>\n",
                precis_version_string());
}
