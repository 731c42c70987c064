/* test_page.c -- web pages through the library: character sets (meta
   charset, http-equiv, BOM, windows-1252 fallback, windows-1250,
   ISO-8859-2 and GB2312 through iconv), gzip (one and several members,
   corrupt, a bomb), hostile pages (deep nesting, giant pages, broken
   markup, scripts, entity bombs, NUL bytes), detection, rendering, and
   precis_cluster_add_html. */
#include "precis.h"
#include "t.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static precis_page *pg;

/* Reads page bytes; returns the status. */
static precis_status rd(const char *d, size_t n) { return precis_page_read(pg, d, n); }
static precis_status rds(const char *d) { return rd(d, strlen(d)); }
static const precis_page_info *inf(void) { return precis_page_get(pg); }

static int has(const char *hay, const char *needle) { return hay && strstr(hay, needle) != NULL; }

#define PARA_EN "<p>The committee published its findings on Monday, after a review of two years.</p>"

static void test_charsets(void)
{
    /* windows-1250 by <meta charset> */
    static const char cz1250[] =
        "<html><head><meta charset=\"windows-1250\"><title>x</title></head><body><p>"
        "P\xf8\xedli\x9a \x9elu\x9dou\xe8k\xfd k\xf9\xf2 \xfap\xecl \xef\xe1" "belsk\xe9 \xf3" "dy. "
        "\x8elu\x9dou\xe8k\xfd k\xf9\xf2 b\xec\x9e" "el p\xf8" "es louku, kdy\x9e pr\x9a" "elo.</p></body></html>";
    T_EQ_INT(rds(cz1250), PRECIS_OK);
    T_CHECK(has(inf()->text, "Příliš žluťoučký kůň úpěl ďábelské ódy."));
    T_EQ_STR(inf()->charset, "declared windows-1250");
    /* ISO-8859-2 by http-equiv Content-Type */
    static const char cz88592[] =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">"
        "</head><body><p>P\xf8\xedli\xb9 \xbelu\xbbou\xe8k\xfd k\xf9\xf2 \xfap\xecl \xef\xe1" "belsk\xe9 "
        "\xf3" "dy. \xaelu\xbbou\xe8k\xfd k\xf9\xf2 b\xec\xbe" "el p\xf8" "es louku, kdy\xbe pr\xb9" "elo.</p>"
        "</body></html>";
    T_EQ_INT(rds(cz88592), PRECIS_OK);
    T_CHECK(has(inf()->text, "Žluťoučký kůň běžel přes louku, když pršelo."));
    T_EQ_STR(inf()->charset, "declared iso-8859-2");
    /* GB2312 (read as its superset GB18030) */
    static const char zh[] =
        "<!DOCTYPE html><html><head><meta charset=gb2312></head><body><p>"
        "\xb1\xb1\xbe\xa9\xca\xd0\xd5\xfe\xb8\xae\xd6\xdc\xb6\xfe\xd0\xfb\xb2\xbc\xa3\xac\xd0\xc2\xb5"
        "\xc4\xb5\xd8\xcc\xfa\xcf\xdf\xc2\xb7\xbd\xab\xd3\xda\xc3\xf7\xc4\xea\xbf\xaa\xcd\xa8\xa1\xa3"
        "\xd5\xe2\xcc\xf5\xcf\xdf\xc2\xb7\xc8\xab\xb3\xa4\xcb\xc4\xca\xae\xb9\xab\xc0\xef\xa3\xac\xb9"
        "\xb2\xc9\xe8\xb6\xfe\xca\xae\xb8\xf6\xb3\xb5\xd5\xbe\xa3\xac\xd4\xa4\xbc\xc6\xc3\xbf\xcc\xec"
        "\xd4\xcb\xcb\xcd\xb3\xcb\xbf\xcd\xce\xe5\xca\xae\xcd\xf2\xc8\xcb\xb4\xce\xa1\xa3</p></body></html>";
    T_EQ_INT(rds(zh), PRECIS_OK);
    T_CHECK(has(inf()->text, "北京市政府周二宣布，新的地铁线路将于明年开通。"));
    T_EQ_STR(inf()->charset, "declared gb2312");
    /* nothing declared, not UTF-8: windows-1252 */
    static const char w1252[] = "<html><body><p>The caf\xe9 served a na\xefve \x93special\x94 "
                                "menu, priced at 12 euros \x96 a bargain for the city.</p></body></html>";
    T_EQ_INT(rds(w1252), PRECIS_OK);
    T_CHECK(has(inf()->text, "The café served a naïve “special” menu, priced at 12 euros – a"));
    T_EQ_STR(inf()->charset, "windows-1252");
    /* nothing declared, valid UTF-8 */
    T_EQ_INT(rds("<html><body><p>Zoë and Chloé met in Zürich, where the talks were held.</p>"
                 "</body></html>"),
             PRECIS_OK);
    T_CHECK(has(inf()->text, "Zoë and Chloé met in Zürich"));
    T_EQ_STR(inf()->charset, "utf-8");
    /* a UTF-8 byte-order mark beats a wrong declaration */
    T_EQ_INT(rds("\xEF\xBB\xBF<html><head><meta charset=\"iso-8859-1\"></head><body>"
                 "<p>Zoë and Chloé met in Zürich, where the talks were held.</p></body></html>"),
             PRECIS_OK);
    T_CHECK(has(inf()->text, "Zoë and Chloé met in Zürich"));
    T_EQ_STR(inf()->charset, "utf-8-bom");
    /* UTF-16LE by its byte-order mark */
    const char *ascii = "<html><body>" PARA_EN "</body></html>";
    size_t n = strlen(ascii);
    char *u16 = malloc(2 * n + 2);
    u16[0] = (char)0xFF;
    u16[1] = (char)0xFE;
    for (size_t i = 0; i < n; i++) {
        u16[2 + 2 * i] = ascii[i];
        u16[3 + 2 * i] = 0;
    }
    T_EQ_INT(rd(u16, 2 * n + 2), PRECIS_OK);
    T_CHECK(has(inf()->text, "The committee published its findings on Monday"));
    T_EQ_STR(inf()->charset, "utf-16le");
    free(u16);
    /* a long attribute name before the charset (the prescan once wrote
       past its name buffer: found by fuzzing) */
    T_EQ_INT(rds("<html><head><meta data-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=\"1\" charset=\"windows-1250\">"
                 "</head><body><p>Kdy\x9e pr\x9a" "elo, the committee published its findings.</p>"
                 "</body></html>"),
             PRECIS_OK);
    T_EQ_STR(inf()->charset, "declared windows-1250");
    T_CHECK(has(inf()->text, "Když pršelo"));
    /* a declaration past the prescan's 1024 bytes is not seen */
    char late[2048];
    snprintf(late, sizeof late, "<html><head><!--%0900d--><title>t</title><meta charset=\"windows-1250\">"
             "</head><body>" PARA_EN "</body></html>", 0);
    T_EQ_INT(rds(late), PRECIS_OK);
    T_EQ_STR(inf()->charset, "utf-8");
}

/* gzip of d[0..n) appended to out (one member). */
static size_t gz(const char *d, size_t n, unsigned char *out, size_t cap)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    z.next_in = (Bytef *)(uintptr_t)d;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    deflate(&z, Z_FINISH);
    size_t k = cap - z.avail_out;
    deflateEnd(&z);
    return k;
}

static void test_gzip(void)
{
    const char *a = "<html><head><title>Budget day</title></head><body>";
    const char *b = PARA_EN "<p>Its chair said the report would go to ministers within a month.</p>"
                            "</body></html>";
    size_t cap = 1 << 16;
    unsigned char *buf = malloc(cap);
    size_t k = gz(a, strlen(a), buf, cap);
    k += gz(b, strlen(b), buf + k, cap - k); /* two members, as `cat a.gz b.gz` */
    T_EQ_INT(rd((const char *)buf, k), PRECIS_OK);
    T_EQ_STR(inf()->title, "Budget day");
    T_CHECK(has(inf()->text, "go to ministers within a month."));
    T_EQ_INT(rd((const char *)buf, k - 9), PRECIS_EINVAL); /* truncated */
    T_CHECK(has(precis_page_error(pg), "gzip"));
    free(buf);
    /* a bomb: 32 MiB of spaces in a few KB stops at the limit */
    size_t big = (size_t)32 << 20;
    char *sp = malloc(big);
    memset(sp, ' ', big);
    buf = malloc(1 << 20);
    k = gz(sp, big, buf, 1 << 20);
    free(sp);
    T_CHECK(k < 100000);
    T_EQ_INT(rd((const char *)buf, k), PRECIS_ELIMIT);
    T_CHECK(has(precis_page_error(pg), "limit"));
    free(buf);
}

static void test_hostile(void)
{
    /* deep nesting: a clear error, not a partial parse */
    size_t depth = 100000;
    char *deep = malloc(depth * 5 + 200);
    char *p = deep;
    p += sprintf(p, "<html><body>");
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "<div>");
    sprintf(p, "%s</body></html>", PARA_EN);
    T_EQ_INT(rds(deep), PRECIS_ELIMIT);
    T_CHECK(has(precis_page_error(pg), "nested deeper"));
    /* end tags that match nothing, below a deep stack: refused early, not
       a scan of the whole stack for each of them */
    p = deep + sprintf(deep, "<html><body>");
    for (size_t i = 0; i < depth / 2; i++)
        p += sprintf(p, "<b>");
    for (size_t i = 0; i < depth / 2 - 10; i++)
        p += sprintf(p, "</i>");
    T_EQ_INT(rds(deep), PRECIS_ELIMIT);
    /* nesting that real pages have is fine */
    p = deep + sprintf(deep, "<html><body>");
    for (size_t i = 0; i < 200; i++)
        p += sprintf(p, "<div>");
    sprintf(p, "%s</body></html>", PARA_EN);
    T_EQ_INT(rds(deep), PRECIS_OK);
    T_CHECK(has(inf()->text, "The committee published"));
    free(deep);
    /* a giant page */
    size_t big = PRECIS_MAX_HTML_BYTES + 1;
    char *g = malloc(big);
    memset(g, 'a', big);
    memcpy(g, "<html><body><p>", 15);
    T_EQ_INT(rd(g, big), PRECIS_ELIMIT);
    T_CHECK(has(precis_page_error(pg), "exceeds the limit"));
    free(g);
    /* broken markup: nothing closed, misnested, stray end tags */
    T_EQ_INT(rds("<html><body></span></div><p>The first paragraph is here, and it is long enough."
                 "<p>The <b>second <i>one</b> follows</i> on the same page, as it should.<div>"
                 "<p>A third one closes nothing at all, not even the document itself"),
             PRECIS_OK);
    T_CHECK(has(inf()->text, "The first paragraph is here, and it is long enough.\n\n"
                             "The second one follows on the same page, as it should."));
    T_CHECK(has(inf()->text, "not even the document itself"));
    /* scripts and styles are never text, even when they look like it */
    T_EQ_INT(rds("<html><body><script>document.write('<p>A fake paragraph of script, long, "
                 "with commas, and full stops.</p>');</script><style>p{color:red}</style>"
                 PARA_EN "<noscript><p>Please enable JavaScript to read this site, thank you.</p>"
                 "</noscript></body></html>"),
             PRECIS_OK);
    T_CHECK(!has(inf()->text, "fake") && !has(inf()->text, "color") &&
            !has(inf()->text, "JavaScript"));
    /* an entity bomb in an internal subset is not expanded */
    T_EQ_INT(rds("<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaa\">"
                 "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">"
                 "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><html><body>"
                 "<p>The committee published its findings &d;&d;&d;&d; on Monday, after a review.</p>"
                 "</body></html>"),
             PRECIS_OK);
    T_CHECK(inf()->text_len < 200);
    T_CHECK(!has(inf()->text, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    /* character references are decoded, zero-width characters dropped */
    T_EQ_INT(rds("<html><body><p>Caf&eacute; &amp; bar: the m&#x200B;eeting&#8203; of "
                 "share&shy;holders &#8220;went well&#8221;, said the chair.</p></body></html>"),
             PRECIS_OK);
    T_EQ_STR(inf()->text, "Café & bar: the meeting of shareholders “went well”, said the chair.");
    /* NUL bytes do not cut the page */
    static const char nul[] = "<html><body><p>Before the NUL byte\0 and after it, the text "
                              "goes on to the end.</p></body></html>";
    T_EQ_INT(rd(nul, sizeof nul - 1), PRECIS_OK);
    T_CHECK(has(inf()->text, "goes on to the end."));
    /* a page without an article */
    T_EQ_INT(rds("<html><body><nav><a href='/'>Home</a></nav></body></html>"), PRECIS_EEMPTY);
    T_EQ_STR(precis_page_error(pg), "no article text found in the page");
    T_EQ_INT(rds(""), PRECIS_EEMPTY);
}

static void test_detect_render_cluster(void)
{
    T_CHECK(precis_is_html("<!DOCTYPE html><p>x", 19));
    T_CHECK(precis_is_html("\xEF\xBB\xBF  <html lang=en>", 19));
    T_CHECK(precis_is_html("\x1f\x8b\x08", 3));
    T_CHECK(!precis_is_html("Plain text about <b> tags.", 26));
    T_CHECK(!precis_is_html("{\"text\": \"<html>\"}", 18));

    const char *page = "<html lang=\"en\"><head><title>Dam opens | River Times</title>"
                       "<meta property=\"og:site_name\" content=\"River Times\">"
                       "<meta property=\"article:published_time\" content=\"2026-01-05T09:00:00Z\">"
                       "</head><body>" PARA_EN "</body></html>";
    T_EQ_INT(rds(page), PRECIS_OK);
    char *out = NULL;
    size_t len = 0;
    T_EQ_INT(precis_page_render(pg, PRECIS_FORMAT_JSON, &out, &len), PRECIS_OK);
    T_EQ_STR(out, "{\"title\":\"Dam opens\",\"date\":\"2026-01-05T09:00:00Z\",\"author\":null,"
                  "\"site_name\":\"River Times\",\"lang\":\"en\",\"url\":null,\"charset\":\"utf-8\","
                  "\"paragraphs\":1,\"text\":\"The committee published its findings on Monday, "
                  "after a review of two years.\"}\n");
    T_EQ_INT(len, strlen(out));
    precis_free(out);
    T_EQ_INT(precis_page_render(pg, PRECIS_FORMAT_MARKDOWN, &out, &len), PRECIS_EINVAL);

    /* an empty <title> is no title (a read past its end, found by fuzzing) */
    T_EQ_INT(rds("<html><head><title>  </title></head><body><h1>Dam opens</h1>" PARA_EN
                 "</body></html>"),
             PRECIS_OK);
    T_EQ_STR(inf()->title, "Dam opens");
    /* an <h1> that <title> does not contain is a logo: <title> wins */
    T_EQ_INT(rds("<html><head><title>Dam opens on the Larrow - River Times</title></head><body>"
                 "<h1>River Times</h1>" PARA_EN "</body></html>"),
             PRECIS_OK);
    T_EQ_STR(inf()->title, "Dam opens on the Larrow");

    precis_cluster *c = precis_cluster_new();
    T_EQ_INT(precis_cluster_add_html(c, page, strlen(page), "p1", "file.html"), PRECIS_OK);
    T_EQ_INT(precis_cluster_size(c), 1);
    T_EQ_STR(precis_cluster_article_title(c, 0), "Dam opens");
    T_EQ_STR(precis_cluster_article_source(c, 0), "River Times");
    T_CHECK(has(precis_cluster_article_date(c, 0), "2026-01-05"));
    const char *empty = "<html><body><p>Hi</p></body></html>";
    T_EQ_INT(precis_cluster_add_html(c, empty, strlen(empty), NULL, "e.html"), PRECIS_EEMPTY);
    T_EQ_STR(precis_cluster_error(c), "no article text found in the page");
    T_EQ_INT(precis_cluster_size(c), 1);
    precis_cluster_free(c);
}

int main(void)
{
    pg = precis_page_new();
    T_RUN(test_charsets);
    T_RUN(test_gzip);
    T_RUN(test_hostile);
    T_RUN(test_detect_render_cluster);
    precis_page_free(pg);
    precis_page_free(NULL);
    return t_finish();
}
