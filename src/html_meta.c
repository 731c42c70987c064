/*
 * html_meta.c -- a page's metadata from its own markup: title,
 * publication date, author (byline), site name, language and canonical
 * URL.  Runs on the parsed tree before the text stage (extract.c), which
 * uses the title to leave the headline out of the body.
 *
 * Sources, strongest first (the first one that gives a usable value wins):
 *   title   JSON-LD headline, og:title / twitter:title, itemprop="headline",
 *           the first <h1> (unless <title> does not contain it: then it is
 *           a logo), <title> (a trailing " | Site" or " - Site" cut off)
 *   date    JSON-LD datePublished, article:published_time and the other
 *           publication-date <meta> names, itemprop="datePublished",
 *           <time datetime> (pubdate first), dateCreated
 *   author  JSON-LD author (names joined by ", "), <meta name="author">
 *           and its kin, itemprop="author", rel="author", byline markup
 *           (class/id "byline"; a leading "By " dropped)
 *   site    og:site_name, JSON-LD publisher.name, application-name
 *   lang    <html lang>, content-language, og:locale, JSON-LD inLanguage
 *   url     <link rel="canonical">, og:url, JSON-LD url
 * Dates are normalised to ISO 8601 (YYYY-MM-DD with the time when given);
 * a value that does not read as a date is skipped, not guessed.
 *
 * JSON-LD is parsed with Jansson, the library's JSON parser (strict, with
 * a depth limit).
 */
#include "html.h"

#include <jansson.h>
#include <stdio.h>

/* Candidate values by source rank; the lowest rank found wins. */
enum { R_LD, R_META, R_MARKUP, R_TEXT, R_NONE };

typedef struct slot {
    char *v;
    int rank;
    const char *from;
} slot;

/* Text being collected from an element until it closes. */
enum { CAP_LD, CAP_TITLE, CAP_H1, CAP_HEADLINE, CAP_AUTHOR, CAP_BYLINE };
#define MAX_CAPTURES 8
#define CAPTURE_MAX 4096 /* bytes kept of a title or byline */

typedef struct capture {
    int kind;
    size_t depth; /* the element's depth: it ends when the walk is back here */
    pbuf text;
} capture;

struct meta_state {
    slot title, date, author, site, lang, url;
    char *page_title; /* <title>, kept to check a title taken from <h1> */
    char *ld_body;
    int oom;
    int h1_seen, time_seen;
    size_t depth;      /* open elements */
    size_t skip_depth; /* > 0: inside a script, style, noscript or template */
    capture cap[MAX_CAPTURES];
    size_t ncap;
};

/* Sets s to a trimmed copy of v when rank beats what s holds. */
static void slot_offer(meta_state *st, slot *s, const char *v, size_t n, int rank,
                       const char *from)
{
    if (!v || rank >= s->rank)
        return;
    while (n && (*v == ' ' || *v == '\n' || *v == '\t' || *v == '\r'))
        v++, n--;
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\n' || v[n - 1] == '\t' || v[n - 1] == '\r'))
        n--;
    if (!n || n > 4096)
        return;
    /* collapse inner whitespace */
    pbuf b;
    pbuf_init(&b);
    int space = 1;
    extract_put_text(&b, v, n, &space);
    if (b.oom) {
        st->oom = 1;
        pbuf_free(&b);
        return;
    }
    if (!b.len) {
        pbuf_free(&b);
        return;
    }
    pfree(s->v);
    s->v = pbuf_take(&b, NULL);
    s->rank = rank;
    s->from = from;
}

/* ---- dates ---------------------------------------------------------------- */

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

static int month_of(const char *s)
{
    static const char *const m[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec"};
    char w[4];
    for (int i = 0; i < 3; i++) {
        if (!s[i])
            return 0;
        w[i] = (char)(s[i] | 32);
    }
    w[3] = 0;
    for (int i = 0; i < 12; i++)
        if (!strcmp(w, m[i]))
            return i + 1;
    return 0;
}

/* ISO 8601 form of a date string into out (>= 32 bytes); 0 when it does
   not read as a date.  Accepts ISO (kept with its time), YYYY/MM/DD,
   YYYYMMDD, "November 19, 2019", "19 Nov 2019", RFC 2822. */
static int norm_date(const char *s, char *out)
{
    while (*s == ' ' || *s == '\n' || *s == '\t')
        s++;
    size_t n = strlen(s);
    if (n >= 10 && digits(s, 4) && (s[4] == '-' || s[4] == '/' || s[4] == '.') &&
        digits(s + 5, 2) && s[7] == s[4] && digits(s + 8, 2)) {
        int mo = (s[5] - '0') * 10 + s[6] - '0', d = (s[8] - '0') * 10 + s[9] - '0';
        int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + s[3] - '0';
        if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2100)
            return 0; /* "0001-01-01": a placeholder, not a date */
        size_t k = 10;
        if (s[4] == '-' && (s[10] == 'T' || s[10] == ' ') && n >= 16 && digits(s + 11, 2) &&
            s[13] == ':' && digits(s + 14, 2)) {
            k = 16;
            while (k < n && k < 29 &&
                   ((s[k] >= '0' && s[k] <= '9') || s[k] == ':' || s[k] == '.' || s[k] == '+' ||
                    s[k] == '-' || s[k] == 'Z'))
                k++;
        }
        memcpy(out, s, k);
        out[4] = out[7] = '-';
        if (k > 10)
            out[10] = 'T';
        out[k] = 0;
        return 1;
    }
    if (n >= 8 && digits(s, 8) && (n == 8 || !(s[8] >= '0' && s[8] <= '9'))) {
        int mo = (s[4] - '0') * 10 + s[5] - '0', d = (s[6] - '0') * 10 + s[7] - '0';
        if (s[0] != '1' && s[0] != '2')
            return 0;
        if (mo < 1 || mo > 12 || d < 1 || d > 31)
            return 0;
        snprintf(out, 32, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
        return 1;
    }
    /* words: find a month name, a day (1..31) and a year (4 digits) */
    int mo = 0, d = 0, y = 0;
    for (size_t i = 0; i < n && i < 200;) {
        if ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') {
            size_t b = i;
            while (i < n && (s[i] | 32) >= 'a' && (s[i] | 32) <= 'z')
                i++;
            if (!mo && i - b >= 3)
                mo = month_of(s + b);
        } else if (s[i] >= '0' && s[i] <= '9') {
            size_t b = i;
            int v = 0;
            while (i < n && s[i] >= '0' && s[i] <= '9' && i - b < 6)
                v = v * 10 + (s[i++] - '0');
            if (i < n && s[i] == ':') { /* a time: skip it */
                while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == ':'))
                    i++;
                continue;
            }
            if (i - b == 4 && !y && v >= 1900 && v <= 2100)
                y = v;
            else if (i - b <= 2 && !d && v >= 1 && v <= 31)
                d = v;
        } else {
            i++;
        }
    }
    if (!mo || !d || !y)
        return 0;
    snprintf(out, 32, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)mo % 100u,
             (unsigned)d % 100u);
    return 1;
}

static void offer_date(meta_state *st, const char *v, int rank, const char *from);

/* The last resort for the date: a canonical URL with /YYYY/MM/DD/ or
   /YYYY-MM-DD/ in its path, as many news sites build them. */
static void url_date(meta_state *st, const char *u)
{
    for (const char *p = strchr(u, '/'); p && p[1]; p = strchr(p + 1, '/')) {
        const char *d = p + 1;
        if (digits(d, 4) && (d[4] == '/' || d[4] == '-') && digits(d + 5, 2) && d[7] == d[4] &&
            digits(d + 8, 2) && (d[10] == '/' || d[10] == '-' || d[10] == 0)) {
            char iso[11];
            memcpy(iso, d, 10);
            iso[10] = 0;
            offer_date(st, iso, R_TEXT, "url");
            return;
        }
    }
}

static void offer_date(meta_state *st, const char *v, int rank, const char *from)
{
    char iso[32];
    if (v && rank < st->date.rank && norm_date(v, iso))
        slot_offer(st, &st->date, iso, strlen(iso), rank, from);
}

/* An author value that is a URL (article:author often is) names no one. */
static void offer_author(meta_state *st, const char *v, size_t n, int rank, const char *from)
{
    if (!v || !n || !strncmp(v, "http", 4) || !strncmp(v, "//", 2) || n > 200)
        return;
    /* "By Jane Doe" -> "Jane Doe" */
    while (n && (*v == ' ' || *v == '\n' || *v == '\t'))
        v++, n--;
    if (n > 3 && (v[0] == 'B' || v[0] == 'b') && v[1] == 'y' && (v[2] == ' ' || v[2] == ':'))
        v += 3, n -= 3;
    /* a byline runs on into its date: "Jane Doe Published 10:02 AM" */
    static const char *const stops[] = {" Published", " Updated", " Posted", " |", " ·", NULL};
    for (const char *const *p = stops; *p; p++) {
        size_t k = strlen(*p);
        for (size_t i = 1; i + k <= n; i++)
            if (!memcmp(v + i, *p, k)) {
                n = i;
                break;
            }
    }
    slot_offer(st, &st->author, v, n, rank, from);
}

/* ---- JSON-LD -------------------------------------------------------------- */

static int ld_is_article(json_t *type)
{
    static const char *const kinds[] = {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
        "OpinionNewsArticle", "BackgroundNewsArticle", "BlogPosting", "LiveBlogPosting",
        "Report", "TechArticle", "ScholarlyArticle", "SocialMediaPosting", NULL};
    if (json_is_array(type)) {
        size_t i;
        json_t *t;
        json_array_foreach(type, i, t) if (ld_is_article(t)) return 1;
        return 0;
    }
    const char *s = json_string_value(type);
    if (!s)
        return 0;
    for (const char *const *k = kinds; *k; k++)
        if (!strcmp(s, *k))
            return 1;
    return 0;
}

static const char *ld_str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* A person or organisation's name: a string, {"name": ...}, or a list. */
static void ld_names(json_t *v, pbuf *b)
{
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        if (!strncmp(s, "http", 4))
            return;
        if (b->len)
            pbuf_puts(b, ", ");
        pbuf_puts(b, s);
    } else if (json_is_object(v)) {
        json_t *nm = json_object_get(v, "name");
        if (json_is_string(nm))
            ld_names(nm, b);
    } else if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e)
        {
            if (i >= 16)
                break;
            ld_names(e, b);
        }
    }
}

static void ld_article(meta_state *st, json_t *o)
{
    const char *h = ld_str(o, "headline");
    if (!h)
        h = ld_str(o, "name");
    if (h)
        slot_offer(st, &st->title, h, strlen(h), R_LD, "json-ld");
    offer_date(st, ld_str(o, "datePublished"), R_LD, "json-ld");
    offer_date(st, ld_str(o, "dateCreated"), R_TEXT, "json-ld dateCreated");
    json_t *au = json_object_get(o, "author");
    if (!au)
        au = json_object_get(o, "creator");
    if (au) {
        pbuf b;
        pbuf_init(&b);
        ld_names(au, &b);
        if (b.oom)
            st->oom = 1;
        else if (b.len)
            offer_author(st, b.data, b.len, R_LD, "json-ld");
        pbuf_free(&b);
    }
    json_t *pub = json_object_get(o, "publisher");
    if (json_is_object(pub)) {
        const char *pn = ld_str(pub, "name");
        if (pn)
            slot_offer(st, &st->site, pn, strlen(pn), R_MARKUP, "json-ld");
    }
    const char *lang = ld_str(o, "inLanguage");
    if (lang)
        slot_offer(st, &st->lang, lang, strlen(lang), R_TEXT, "json-ld");
    const char *url = ld_str(o, "url");
    if (url)
        slot_offer(st, &st->url, url, strlen(url), R_MARKUP, "json-ld");
    const char *body = ld_str(o, "articleBody");
    if (body && !st->ld_body) {
        st->ld_body = pstrndup(body, strlen(body));
        if (!st->ld_body)
            st->oom = 1;
    }
}

static void ld_walk(meta_state *st, json_t *v, int depth)
{
    if (depth > 8)
        return;
    if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) ld_walk(st, e, depth + 1);
        return;
    }
    if (!json_is_object(v))
        return;
    if (ld_is_article(json_object_get(v, "@type")))
        ld_article(st, v);
    json_t *g = json_object_get(v, "@graph");
    if (g)
        ld_walk(st, g, depth + 1);
    json_t *me = json_object_get(v, "mainEntity");
    if (me)
        ld_walk(st, me, depth + 1);
}

static void ld_script(meta_state *st, const char *text, size_t n)
{
    if (!n)
        return;
    json_error_t e;
    json_t *root = json_loadb(text, n, JSON_DECODE_ANY, &e);
    if (root) {
        ld_walk(st, root, 0);
        json_decref(root);
    }
}

/* ---- <meta> and markup ------------------------------------------------------ */

static void meta_tag(meta_state *st, const xmlChar **atts)
{
    const char *key = html_attr(atts, "property");
    const char *content = html_attr(atts, "content");
    if (!key || !*key)
        key = html_attr(atts, "name");
    if (!key || !*key)
        key = html_attr(atts, "itemprop");
    const char *he = html_attr(atts, "http-equiv");
    if (he && html_eq((const xmlChar *)he, "content-language") && content) {
        size_t k = strcspn(content, ",; ");
        slot_offer(st, &st->lang, content, k, R_META, "content-language");
    }
    if (!key || !content)
        return;
    const xmlChar *k = (const xmlChar *)key;
    if (html_eq(k, "og:title") || html_eq(k, "twitter:title"))
        slot_offer(st, &st->title, content, strlen(content), R_META, "meta");
    else if (html_eq(k, "og:site_name"))
        slot_offer(st, &st->site, content, strlen(content), R_META, "og:site_name");
    else if (html_eq(k, "application-name"))
        slot_offer(st, &st->site, content, strlen(content), R_TEXT, "application-name");
    else if (html_eq(k, "og:url"))
        slot_offer(st, &st->url, content, strlen(content), R_META, "og:url");
    else if (html_eq(k, "og:locale")) {
        char l[16];
        size_t m = strlen(content) < sizeof l - 1 ? strlen(content) : sizeof l - 1;
        memcpy(l, content, m);
        l[m] = 0;
        for (size_t i = 0; i < m; i++)
            if (l[i] == '_')
                l[i] = '-';
        slot_offer(st, &st->lang, l, m, R_MARKUP, "og:locale");
    } else if (html_eq(k, "article:published_time") || html_eq(k, "og:published_time") ||
               html_eq(k, "datePublished") || html_eq(k, "pubdate") ||
               html_eq(k, "publishdate") || html_eq(k, "publish-date") ||
               html_eq(k, "publish_date") || html_eq(k, "dc.date") ||
               html_eq(k, "dc.date.issued") || html_eq(k, "dcterms.date") ||
               html_eq(k, "dcterms.created") || html_eq(k, "sailthru.date") ||
               html_eq(k, "parsely-pub-date") || html_eq(k, "date") ||
               html_eq(k, "article.published") || html_eq(k, "originalpublicationdate") ||
               html_eq(k, "displaydate") || html_eq(k, "cxenseparse:recs:publishtime"))
        offer_date(st, content, R_META, "meta");
    else if (html_eq(k, "author") || html_eq(k, "article:author") ||
             html_eq(k, "parsely-author") || html_eq(k, "sailthru.author") ||
             html_eq(k, "dc.creator") || html_eq(k, "byl") || html_eq(k, "twitter:creator:name"))
        offer_author(st, content, strlen(content), R_META, "meta");
}

enum { TG_OTHER, TG_SCRIPT, TG_SKIP, TG_META, TG_LINK, TG_HTML, TG_TITLE, TG_H1, TG_TIME,
       TG_A, TG_BODY };

/* The tags this walk cares about, by a switch on the first letter (the
   walk visits every element of the page, so this is kept cheap). */
static int tag_kind(const xmlChar *nm)
{
    switch (nm[0] | 32) {
    case 's':
        return html_eq(nm, "script") ? TG_SCRIPT : html_eq(nm, "style") ? TG_SKIP : TG_OTHER;
    case 'n':
        return html_eq(nm, "noscript") ? TG_SKIP : TG_OTHER;
    case 't':
        return html_eq(nm, "title")      ? TG_TITLE
               : html_eq(nm, "time")     ? TG_TIME
               : html_eq(nm, "template") ? TG_SKIP
                                         : TG_OTHER;
    case 'm':
        return html_eq(nm, "meta") ? TG_META : TG_OTHER;
    case 'l':
        return html_eq(nm, "link") ? TG_LINK : TG_OTHER;
    case 'h':
        return html_eq(nm, "html") ? TG_HTML : html_eq(nm, "h1") ? TG_H1 : TG_OTHER;
    case 'a':
        return nm[1] ? TG_OTHER : TG_A;
    case 'b':
        return html_eq(nm, "body") ? TG_BODY : TG_OTHER;
    default:
        return TG_OTHER;
    }
}

static void capture_open(meta_state *st, int kind)
{
    if (st->ncap == MAX_CAPTURES)
        return;
    capture *c = &st->cap[st->ncap++];
    c->kind = kind;
    c->depth = st->depth;
    pbuf_init(&c->text);
}

/* An element that was being collected has closed: offer its text. */
static void capture_close(meta_state *st, capture *c)
{
    const char *t = c->text.data ? c->text.data : "";
    size_t n = c->text.len;
    if (c->text.oom)
        st->oom = 1;
    else if (c->kind == CAP_LD)
        ld_script(st, t, n);
    else if (c->kind == CAP_TITLE) {
        slot_offer(st, &st->title, t, n, R_TEXT, "title");
        if (!st->page_title) {
            pbuf b;
            pbuf_init(&b);
            int space = 1;
            extract_put_text(&b, t, n, &space);
            st->oom |= b.oom;
            if (b.len && !b.oom) /* an empty pbuf has no terminating NUL yet */
                st->page_title = pbuf_take(&b, NULL);
            pbuf_free(&b);
        }
    }
    else if (c->kind == CAP_H1)
        slot_offer(st, &st->title, t, n, R_MARKUP, "h1");
    else if (c->kind == CAP_HEADLINE)
        slot_offer(st, &st->title, t, n, R_META, "itemprop");
    else if (c->kind == CAP_AUTHOR)
        offer_author(st, t, n, R_MARKUP, "itemprop");
    else if (c->kind == CAP_BYLINE && n < 120)
        offer_author(st, t, n, R_TEXT, "byline");
    pbuf_free(&c->text);
}

static void capture_all(meta_state *st, const char *s, size_t n)
{
    for (size_t i = 0; i < st->ncap; i++) {
        capture *c = &st->cap[i];
        if (c->kind == CAP_LD || c->text.len + n <= CAPTURE_MAX)
            pbuf_put(&c->text, s, n);
    }
}

static int has_byline(const char *v)
{
    return v && (strstr(v, "byline") || strstr(v, "Byline"));
}

/* The parser's events (see extract.c for their order). */
void meta_start(meta_state *st, const xmlChar *name, const xmlChar **atts)
{
    if (st->oom)
        return;
    if (st->skip_depth) {
        st->skip_depth++;
        return;
    }
    st->depth++;
    int kind = tag_kind(name);
    if (kind == TG_SCRIPT) {
        const char *t = html_attr(atts, "type");
        if (t && html_eq((const xmlChar *)t, "application/ld+json"))
            capture_open(st, CAP_LD);
        else
            st->skip_depth = 1;
        return;
    }
    if (kind == TG_SKIP) {
        st->skip_depth = 1;
        return;
    }
    if (st->ncap && (html_is_block(name) || html_eq(name, "br")))
        capture_all(st, " ", 1);
    if (kind == TG_META) {
        meta_tag(st, atts);
        return;
    }
    if (kind == TG_TITLE) {
        if (!st->page_title)
            capture_open(st, CAP_TITLE);
        return;
    }
    if (kind == TG_H1 && !st->h1_seen) {
        capture_open(st, CAP_H1);
        st->h1_seen = 1;
    }
    /* one pass over the attributes */
    const char *ip = NULL, *cls = NULL, *id = NULL, *rel = NULL, *lang = NULL, *content = NULL,
               *datetime = NULL, *href = NULL;
    int pubdate = 0;
    for (; atts && atts[0]; atts += 2) {
        const char *v = atts[1] ? (const char *)atts[1] : "";
        const xmlChar *an = atts[0];
        switch (an[0] | 32) {
        case 'i':
            if (html_eq(an, "itemprop"))
                ip = v;
            else if (html_eq(an, "id"))
                id = v;
            break;
        case 'c':
            if (html_eq(an, "class"))
                cls = v;
            else if (html_eq(an, "content"))
                content = v;
            break;
        case 'r':
            if (html_eq(an, "rel"))
                rel = v;
            break;
        case 'l':
            if (html_eq(an, "lang"))
                lang = v;
            break;
        case 'x':
            if (html_eq(an, "xml:lang"))
                lang = v;
            break;
        case 'd':
            if (html_eq(an, "datetime"))
                datetime = v;
            break;
        case 'h':
            if (html_eq(an, "href"))
                href = v;
            break;
        case 'p':
            if (html_eq(an, "pubdate"))
                pubdate = 1;
            break;
        default:
            break;
        }
    }
    if (kind == TG_LINK) {
        if (rel && href && html_eq((const xmlChar *)rel, "canonical"))
            slot_offer(st, &st->url, href, strlen(href), R_LD, "canonical");
        return;
    }
    if (kind == TG_HTML && lang)
        slot_offer(st, &st->lang, lang, strlen(lang), R_LD, "html lang");
    if (ip && !strcmp(ip, "headline") && st->title.rank > R_META) {
        if (content)
            slot_offer(st, &st->title, content, strlen(content), R_META, "itemprop");
        else
            capture_open(st, CAP_HEADLINE);
    }
    if (ip && !strcmp(ip, "datePublished"))
        offer_date(st, datetime ? datetime : content, R_META, "itemprop");
    if (ip && (!strcmp(ip, "author") || !strcmp(ip, "name")) && st->author.rank > R_MARKUP) {
        /* itemprop="author", or its itemprop="name" (closes first, wins) */
        int in_author = 0;
        for (size_t i = 0; i < st->ncap; i++)
            in_author |= st->cap[i].kind == CAP_AUTHOR;
        if (!strcmp(ip, "author") || in_author) {
            if (content)
                offer_author(st, content, strlen(content), R_MARKUP, "itemprop");
            else
                capture_open(st, CAP_AUTHOR);
        }
    }
    if (kind == TG_TIME && datetime) {
        if (pubdate || !st->time_seen)
            offer_date(st, datetime, pubdate ? R_MARKUP : R_TEXT, "time");
        st->time_seen = 1;
    }
    if (kind == TG_A && rel && strstr(rel, "author") && st->author.rank > R_MARKUP)
        capture_open(st, CAP_AUTHOR);
    if (st->author.rank > R_TEXT && kind != TG_HTML && kind != TG_BODY &&
        (has_byline(cls) || has_byline(id)))
        capture_open(st, CAP_BYLINE);
}

void meta_end(meta_state *st)
{
    if (st->skip_depth) {
        st->skip_depth--;
        return;
    }
    if (!st->depth)
        return;
    while (st->ncap && st->cap[st->ncap - 1].depth == st->depth) {
        st->ncap--;
        capture_close(st, &st->cap[st->ncap]);
    }
    st->depth--;
}

void meta_chars(meta_state *st, const xmlChar *s, int n)
{
    if (st->skip_depth || !st->ncap || n <= 0)
        return;
    capture_all(st, (const char *)s, (size_t)n);
}

meta_state *meta_new(void)
{
    meta_state *st = pcalloc(1, sizeof *st);
    if (st)
        st->title.rank = st->date.rank = st->author.rank = st->site.rank = st->lang.rank =
            st->url.rank = R_NONE;
    return st;
}

static void slot_free(slot *s)
{
    pfree(s->v);
    s->v = NULL;
}

void meta_state_free(meta_state *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < st->ncap; i++)
        pbuf_free(&st->cap[i].text);
    slot_free(&st->title);
    slot_free(&st->date);
    slot_free(&st->author);
    slot_free(&st->site);
    slot_free(&st->lang);
    slot_free(&st->url);
    pfree(st->ld_body);
    pfree(st->page_title);
    pfree(st);
}

/* "Headline | Site" or "Headline - Site": the part before the last
   separator when the rest is the site's name, or short (a site name) after
   a headline of some length. */
static void cut_site_suffix(char *t, const char *site, int site_only)
{
    static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " « ", " » ", NULL};
    char *best = NULL;
    size_t seplen = 0;
    for (const char *const *s = seps; *s; s++) {
        char *p = t, *last = NULL;
        while ((p = strstr(p, *s)))
            last = p++;
        if (last && (!best || last > best)) {
            best = last;
            seplen = strlen(*s);
        }
    }
    if (!best || best == t)
        return;
    if ((site && !strcmp(best + seplen, site)) ||
        (!site_only && strlen(best) < 50 && best - t >= 15))
        *best = 0;
}

/* ASCII case-insensitive substring test. */
static int contains_ci(const char *hay, const char *needle)
{
    size_t k = strlen(needle);
    for (; *hay; hay++) {
        size_t j = 0;
        while (j < k && hay[j] && ((unsigned char)hay[j] | 32) == ((unsigned char)needle[j] | 32))
            j++;
        if (j == k)
            return 1;
    }
    return k == 0;
}

int meta_finish(meta_state *st, html_meta *m)
{
    while (st->ncap) { /* elements the page never closed */
        st->ncap--;
        capture_close(st, &st->cap[st->ncap]);
    }
    if (!st->date.v && st->url.v)
        url_date(st, st->url.v);
    /* An <h1> that <title> (without its site suffix) does not contain is
       the site's logo or a section name, not the headline: <title> is the
       better guess. */
    if (st->page_title)
        cut_site_suffix(st->page_title, st->site.v, 0);
    if (st->title.v && st->title.from && !strcmp(st->title.from, "h1") && st->page_title &&
        !contains_ci(st->page_title, st->title.v)) {
        pfree(st->title.v);
        st->title.v = st->page_title;
        st->title.from = "title";
        st->page_title = NULL;
    }
    /* <title> usually ends with the site's name; a headline in JSON-LD or
       og:title sometimes does */
    if (st->title.v && st->title.from && !strcmp(st->title.from, "title"))
        cut_site_suffix(st->title.v, st->site.v, 0);
    else if (st->title.v)
        cut_site_suffix(st->title.v, st->site.v, 1);
    /* the strings move to m */
    m->title = st->title.v;
    m->title_from = st->title.from;
    m->date = st->date.v;
    m->date_from = st->date.from;
    m->author = st->author.v;
    m->author_from = st->author.from;
    m->site = st->site.v;
    m->lang = st->lang.v;
    m->url = st->url.v;
    m->ld_body = st->ld_body;
    st->title.v = st->date.v = st->author.v = st->site.v = st->lang.v = st->url.v = NULL;
    st->ld_body = NULL;
    return st->oom ? -1 : 0;
}

void meta_free(html_meta *m)
{
    pfree(m->title);
    pfree(m->date);
    pfree(m->author);
    pfree(m->site);
    pfree(m->lang);
    pfree(m->url);
    pfree(m->ld_body);
    memset(m, 0, sizeof *m);
}
