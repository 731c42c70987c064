/*
 * pages.c -- the HTML of the news desk: the front page of current stories
 * and the story page.
 *
 * Same rules as the report (src/out_html.c): one self-contained page,
 * nothing loaded (no fonts, images or scripts), a Content-Security-Policy
 * that forbids every load but the inline style, every input string
 * escaped with pbuf_html(), links built from numbers only.  The server
 * sends the same policy as an HTTP header too.
 *
 * The story page is the report page of libprecis (precis_report_render)
 * with a few insertions at fixed points of its known skeleton -- the
 * story's headline as title, a link back to the front page, and a
 * "Versions" section of what each version added -- so that the report
 * stays written once.  A missing point just skips its insertion.
 */
#include "service.h"

#include <jansson.h>
#include <stdio.h>

static const char front_style[] =
    ":root{--fg:#1d2026;--muted:#5f6670;--line:#dde1e6;--soft:#f4f6f9;--accent:#1f5fbf}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:#fff;color:var(--fg);font:16px/1.55 system-ui,-apple-system,"
    "\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif}\n"
    "header,main,footer{max-width:62rem;margin:0 auto;padding:0 1.25rem}\n"
    "header{padding-top:1.5rem;border-bottom:2px solid var(--line);padding-bottom:.6rem}\n"
    "h1{font-size:1.6rem;margin:0}\n"
    ".meta{color:var(--muted);font-size:.88rem;margin:.2rem 0}\n"
    "a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}\n"
    "article.story{padding:1rem 0;border-bottom:1px solid var(--line);overflow-wrap:anywhere}\n"
    "article.story h2{font-size:1.18rem;line-height:1.3;margin:0 0 .35rem}\n"
    "article.story p.summary{margin:.3rem 0;line-height:1.6}\n"
    ".badge{display:inline-block;background:var(--soft);border:1px solid var(--line);"
    "border-radius:999px;padding:0 .55rem;font-size:.8rem;margin-right:.3rem}\n"
    ".pending{color:var(--muted);font-style:italic}\n"
    "nav.pager{margin:1.2rem 0;display:flex;gap:1.5rem}\n"
    "footer{margin-top:2rem;padding-bottom:2rem;color:var(--muted);font-size:.82rem}\n";

static const char story_style[] =
    "ol.versions{padding-left:1.3rem}ol.versions>li{margin:.2rem 0 1rem}\n"
    ".vhead{font-weight:600}ul.vlist{margin:.2rem 0;padding-left:1.2rem;font-size:.93rem}\n"
    ".storymeta{color:var(--muted);font-size:.9rem;margin:.2rem 0}\n"
    "main,header{overflow-wrap:anywhere}table{display:block;overflow-x:auto}\n";

static void put_esc(pbuf *b, const char *s)
{
    if (s)
        pbuf_html(b, s, strlen(s));
}

static void put_head(pbuf *b, const char *title_prefix, const char *title)
{
    pbuf_printf(b,
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
                "<meta name=\"generator\" content=\"precis %s\">\n<title>%s",
                precis_version_string(), title_prefix);
    put_esc(b, title);
    pbuf_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", front_style);
}

static void put_time(pbuf *b, int64_t ms)
{
    char t[32];
    serve_iso_time(ms, t, sizeof t);
    t[10] = ' '; /* 2026-11-27 17:30:50Z reads better than the T form */
    pbuf_puts(b, t);
}

/* ---- story page ------------------------------------------------------------ */

/* Copies src from *pos up to the next `marker` (exclusive) into b and
   moves *pos there; 0 when the marker is missing (nothing copied). */
static int copy_to(pbuf *b, const char *src, size_t len, size_t *pos, const char *marker)
{
    size_t ml = strlen(marker);
    for (size_t i = *pos; i + ml <= len; i++)
        if (src[i] == marker[0] && !memcmp(src + i, marker, ml)) {
            pbuf_put(b, src + *pos, i - *pos);
            *pos = i;
            return 1;
        }
    return 0;
}

/* Skips from *pos past the next `marker`. */
static void skip_past(const char *src, size_t len, size_t *pos, const char *marker)
{
    size_t ml = strlen(marker);
    for (size_t i = *pos; i + ml <= len; i++)
        if (!memcmp(src + i, marker, ml)) {
            *pos = i + ml;
            return;
        }
}

static void put_list(pbuf *b, const char *label, json_t *arr, size_t max)
{
    size_t n = json_array_size(arr);
    if (!n)
        return;
    pbuf_printf(b, "<div>%s (%zu):<ul class=\"vlist\">", label, n);
    for (size_t i = 0; i < n && i < max; i++) {
        json_t *v = json_array_get(arr, i);
        if (!json_is_string(v))
            continue;
        pbuf_puts(b, "<li>");
        pbuf_html(b, json_string_value(v), json_string_length(v));
        pbuf_puts(b, "</li>");
    }
    if (n > max)
        pbuf_printf(b, "<li class=\"note\">and %zu more</li>", n - max);
    pbuf_puts(b, "</ul></div>\n");
}

static void put_versions(pbuf *b, const char *versions_json)
{
    json_error_t je;
    json_t *vs = versions_json ? json_loads(versions_json, 0, &je) : NULL;
    pbuf_puts(b, "<section id=\"versions\">\n<h2>Versions</h2>\n<p class=\"meta\">Each "
                 "version is a new summary and report, made when articles reached the "
                 "story; newest first, with what it added to the one before.</p>\n"
                 "<ol class=\"versions\" reversed>\n");
    size_t i;
    json_t *v;
    json_array_foreach(vs, i, v)
    {
        json_t *ch = json_object_get(v, "changes");
        pbuf_printf(b, "<li id=\"v-%lld\"><div class=\"vhead\">Version %lld · ",
                    (long long)json_integer_value(json_object_get(v, "version")),
                    (long long)json_integer_value(json_object_get(v, "version")));
        put_esc(b, json_string_value(json_object_get(v, "created")));
        long long na = (long long)json_integer_value(json_object_get(v, "n_articles"));
        pbuf_printf(b, " · %lld article%s</div>\n", na, na == 1 ? "" : "s");
        put_list(b, "New articles", json_object_get(ch, "added_articles"), 20);
        put_list(b, "New in the summary", json_object_get(ch, "added_sentences"), 20);
        put_list(b, "Dropped from the summary", json_object_get(ch, "removed_sentences"), 20);
        put_list(b, "New facts", json_object_get(ch, "new_facts"), 30);
        pbuf_puts(b, "</li>\n");
    }
    pbuf_puts(b, "</ol>\n</section>\n");
    json_decref(vs);
}

void pages_story(pbuf *b, const char *src, size_t len, uint64_t story, const char *headline,
                 int version, size_t n_articles, int64_t updated, const char *versions_json)
{
    size_t pos = 0;
    if (copy_to(b, src, len, &pos, "<title>")) {
        pbuf_puts(b, "<title>");
        put_esc(b, headline);
        pbuf_puts(b, " · precis");
        skip_past(src, len, &pos, "</title>");
        pbuf_puts(b, "</title>");
    }
    if (copy_to(b, src, len, &pos, "</style>"))
        pbuf_puts(b, story_style);
    if (copy_to(b, src, len, &pos, "<h1>")) {
        pbuf_puts(b, "<h1>");
        put_esc(b, headline);
        skip_past(src, len, &pos, "</h1>");
        pbuf_printf(b,
                    "</h1>\n<p class=\"storymeta\">Story %llu · version %d · %zu article%s "
                    "· updated ",
                    (unsigned long long)story, version, n_articles, n_articles == 1 ? "" : "s");
        put_time(b, updated);
        pbuf_puts(b, "</p>");
        /* the report's own "N articles" line says less than ours */
        static const char meta[] = "\n<p class=\"meta\">";
        if (pos + sizeof meta - 1 <= len && !memcmp(src + pos, meta, sizeof meta - 1))
            skip_past(src, len, &pos, "</p>");
    }
    if (copy_to(b, src, len, &pos, "<nav>")) {
        pbuf_puts(b, "<nav><a href=\"/\">All stories</a>");
        pos += 5;
    }
    if (copy_to(b, src, len, &pos, "</nav>"))
        pbuf_puts(b, "<a href=\"#versions\">Versions</a>");
    /* the last </main>: the report's own text never holds a raw "</main>"
       (input is escaped), so the first one after the nav is it */
    if (copy_to(b, src, len, &pos, "</main>"))
        put_versions(b, versions_json);
    pbuf_put(b, src + pos, len - pos);
}

/* ---- front page ------------------------------------------------------------ */

typedef struct front {
    pbuf *b;
    size_t shown;
} front;

static void put_card(void *ud, const store_card *c)
{
    front *f = ud;
    pbuf *b = f->b;
    f->shown++;
    pbuf_printf(b, "<article class=\"story\" id=\"s-%llu\">\n<h2><a href=\"/story/%llu\">",
                (unsigned long long)c->id, (unsigned long long)c->id);
    if (c->headline && *c->headline)
        put_esc(b, c->headline);
    else
        pbuf_printf(b, "Story %llu", (unsigned long long)c->id);
    pbuf_puts(b, "</a></h2>\n");
    if (c->summary && *c->summary) {
        pbuf_puts(b, "<p class=\"summary\">");
        put_esc(b, c->summary);
        pbuf_puts(b, "</p>\n");
    } else
        pbuf_puts(b, "<p class=\"summary pending\">Summary being written…</p>\n");
    pbuf_printf(b, "<p class=\"meta\"><span class=\"badge\">%zu article%s</span>", c->n_articles,
                c->n_articles == 1 ? "" : "s");
    json_error_t je;
    json_t *src = c->sources ? json_loads(c->sources, 0, &je) : NULL;
    size_t ns = json_array_size(src);
    if (ns) {
        pbuf_printf(b, "<span class=\"sources\">%s ", c->n_sources == 1 ? "Source:" : "Sources:");
        for (size_t i = 0; i < ns; i++) {
            if (i)
                pbuf_puts(b, ", ");
            json_t *v = json_array_get(src, i);
            pbuf_html(b, json_string_value(v) ? json_string_value(v) : "",
                         json_string_length(v));
        }
        if (c->n_sources > ns)
            pbuf_printf(b, " and %zu more", c->n_sources - ns);
        pbuf_puts(b, "</span> · ");
    }
    json_decref(src);
    pbuf_puts(b, "updated <time>");
    put_time(b, c->updated);
    pbuf_puts(b, "</time>");
    if (c->version)
        pbuf_printf(b, " · version %d", c->version);
    pbuf_puts(b, "</p>\n</article>\n");
}

int pages_front(pbuf *b, store *st, size_t page)
{
    pbuf body;
    pbuf_init(&body);
    front f = {&body, 0};
    size_t total = 0, articles = 0;
    int rc = store_read_cards(st, SERVE_PAGE_STORIES, page * SERVE_PAGE_STORIES, put_card, &f,
                              &total, &articles);
    if (rc != 200) {
        pbuf_free(&body);
        return rc;
    }
    put_head(b, "precis · live news desk", "");
    pbuf_printf(b,
                "<header>\n<h1>Live news desk</h1>\n<p class=\"meta\">%zu stor%s from %zu "
                "article%s; newest first.  Each story's summary is rewritten as its "
                "articles arrive.</p>\n</header>\n<main>\n",
                total, total == 1 ? "y" : "ies", articles, articles == 1 ? "" : "s");
    if (!f.shown)
        pbuf_puts(b, "<p class=\"meta\">No stories yet: post articles to "
                     "<code>/articles</code> or run <code>precis ingest</code>.</p>\n");
    pbuf_put(b, body.data ? body.data : "", body.len);
    pbuf_puts(b, "<nav class=\"pager\">");
    if (page > 0)
        pbuf_printf(b, "<a href=\"/?page=%zu\">← Newer</a>", page - 1);
    if ((page + 1) * SERVE_PAGE_STORIES < total)
        pbuf_printf(b, "<a href=\"/?page=%zu\">Older →</a>", page + 1);
    pbuf_printf(b,
                "</nav>\n</main>\n<footer>precis %s · the same stories as JSON: "
                "<code>/stories</code>. This page loads nothing and runs no "
                "script.</footer>\n</body>\n</html>\n",
                precis_version_string());
    if (body.oom)
        b->oom = 1;
    pbuf_free(&body);
    return b->oom ? 500 : 200;
}

void pages_error(pbuf *b, int status, const char *msg)
{
    char t[16];
    snprintf(t, sizeof t, "%d", status);
    put_head(b, "precis · ", t);
    pbuf_printf(b, "<header><h1>%d</h1></header>\n<main>\n<p>", status);
    put_esc(b, msg);
    pbuf_puts(b, "</p>\n<p><a href=\"/\">All stories</a></p>\n</main>\n</body>\n</html>\n");
}
