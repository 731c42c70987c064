/* test_charset.c -- input in any real encoding: Windows-1252, byte-order
   marks (UTF-8, UTF-16 LE/BE), declared charsets through iconv, HTML
   character references; and the cluster's default decoding against
   --strict rejection. */
#include "charset.h"
#include "internal.h"
#include "t.h"

#include <stdlib.h>

/* Decodes s[0..n) and checks the result and how. */
static void check_decode(const char *s, size_t n, const char *declared, const char *want,
                         charset_how want_how)
{
    char *out = NULL;
    size_t len = 0;
    charset_how how = CHARSET_UTF8;
    T_EQ_INT(charset_decode(s, n, declared, &out, &len, &how), 0);
    T_EQ_STR(out, want);
    T_EQ_INT(len, strlen(want));
    T_EQ_INT(how, want_how);
    pfree(out);
}

static void test_windows_1252(void)
{
    /* the bytes news sites send: curly quotes, dashes, euro, e-acute */
    const char *w = "\x93" "Caf\xe9\x94 \x96 \x80" "5 \x85 na\xefve \x92s";
    check_decode(w, strlen(w), NULL,
                 "\xe2\x80\x9c" "Caf\xc3\xa9\xe2\x80\x9d \xe2\x80\x93 \xe2\x82\xac" "5 "
                 "\xe2\x80\xa6 na\xc3\xafve \xe2\x80\x99s",
                 CHARSET_WINDOWS_1252);
    /* valid UTF-8 is kept as it is, and mixed text keeps its UTF-8 */
    check_decode("caf\xc3\xa9", 5, NULL, "caf\xc3\xa9", CHARSET_UTF8);
    check_decode("caf\xc3\xa9 \xe9t\xe9", 9, NULL, "caf\xc3\xa9 \xc3\xa9t\xc3\xa9",
                 CHARSET_WINDOWS_1252);
    /* the five unassigned bytes map to C1 controls, NUL passes through */
    check_decode("a\x81" "b", 3, NULL, "a\xc2\x81" "b", CHARSET_WINDOWS_1252);
    char *out;
    size_t len;
    charset_how how;
    T_EQ_INT(charset_decode("a\0\xff", 3, NULL, &out, &len, &how), 0);
    T_EQ_INT(len, 4);
    T_CHECK(!memcmp(out, "a\0\xc3\xbf", 4));
    pfree(out);
    T_EQ_STR(charset_how_name(CHARSET_WINDOWS_1252), "windows-1252");
    T_EQ_STR(charset_how_name(CHARSET_DECLARED), "declared");
}

static void test_boms(void)
{
    check_decode("\xef\xbb\xbf" "caf\xc3\xa9", 8, NULL, "caf\xc3\xa9", CHARSET_UTF8_BOM);
    /* invalid bytes after a UTF-8 mark become U+FFFD */
    check_decode("\xef\xbb\xbf" "a\xff", 5, NULL, "a\xef\xbf\xbd", CHARSET_UTF8_BOM);
    /* UTF-16: "Zé€😀" with a surrogate pair, both byte orders */
    static const char le[] = "\xff\xfe" "Z\0\xe9\0\xac\x20\x3d\xd8\x00\xde";
    static const char be[] = "\xfe\xff" "\0Z\0\xe9\x20\xac\xd8\x3d\xde\x00";
    const char *want = "Z\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
    check_decode(le, sizeof le - 1, NULL, want, CHARSET_UTF16LE_BOM);
    check_decode(be, sizeof be - 1, NULL, want, CHARSET_UTF16BE_BOM);
    /* an unpaired surrogate and an odd last byte: U+FFFD each */
    static const char bad[] = "\xff\xfe" "\x00\xd8" "A\0" "B";
    check_decode(bad, sizeof bad - 1, NULL, "\xef\xbf\xbd" "A\xef\xbf\xbd", CHARSET_UTF16LE_BOM);
    /* the mark wins over a declared charset */
    check_decode("\xef\xbb\xbf" "x", 4, "windows-1250", "x", CHARSET_UTF8_BOM);
    T_EQ_INT(charset_bom("\xfe", 1), CHARSET_UTF8);
}

static void test_declared(void)
{
    /* windows-1250: 0x8A is S-caron, 0xB9 a-ogonek */
    check_decode("\x8a" "ab\xb9", 4, "windows-1250", "\xc5\xa0" "ab\xc4\x85", CHARSET_DECLARED);
    /* iso-8859-2, upper case and spaces around the label */
    check_decode("\xb1", 1, "  ISO-8859-2 ", "\xc4\x85", CHARSET_DECLARED);
    /* gb2312 (read as GB18030, its superset): "中文" */
    check_decode("\xd6\xd0\xce\xc4", 4, "gb2312", "\xe4\xb8\xad\xe6\x96\x87", CHARSET_DECLARED);
    /* koi8-r: "мир" */
    check_decode("\xcd\xc9\xd2", 3, "koi8-r", "\xd0\xbc\xd0\xb8\xd1\x80", CHARSET_DECLARED);
    /* iso-8859-1 means Windows-1252 (WHATWG): 0x93 is a curly quote */
    check_decode("\x93x", 2, "iso-8859-1", "\xe2\x80\x9cx", CHARSET_DECLARED);
    /* ASCII in a declared ASCII-compatible charset is plain UTF-8 */
    check_decode("plain", 5, "windows-1251", "plain", CHARSET_UTF8);
    /* an unknown label, or a label that is no charset name, is ignored */
    check_decode("caf\xe9", 4, "no-such-charset", "caf\xc3\xa9", CHARSET_WINDOWS_1252);
    check_decode("caf\xe9", 4, "utf-8//IGNORE", "caf\xc3\xa9", CHARSET_WINDOWS_1252);
    /* "utf-8" declared: the bytes decide */
    check_decode("caf\xc3\xa9", 5, "utf-8", "caf\xc3\xa9", CHARSET_UTF8);
    check_decode("caf\xe9", 4, "UTF-8", "caf\xc3\xa9", CHARSET_WINDOWS_1252);
    /* a byte the declared charset does not have becomes U+FFFD */
    check_decode("a\x98" "b", 3, "windows-1251", "a\xef\xbf\xbd" "b", CHARSET_DECLARED);
}

static void check_refs(const char *s, const char *want)
{
    char *out;
    size_t len;
    T_EQ_INT(charset_decode_refs(s, strlen(s), &out, &len), 0);
    if (!want) {
        T_CHECK(out == NULL);
        return;
    }
    T_EQ_STR(out, want);
    T_EQ_INT(len, strlen(want));
    pfree(out);
}

static void test_refs(void)
{
    check_refs("AT&amp;T said &#8217;no&#x2019; &rsquo;twice&lsquo;.",
               "AT&T said \xe2\x80\x99no\xe2\x80\x99 \xe2\x80\x99twice\xe2\x80\x98.");
    check_refs("&AElig;&zwnj;&eacute;&Eacute;", "\xc3\x86\xe2\x80\x8c\xc3\xa9\xc3\x89");
    check_refs("a&nbsp;b&shy;c &quot;q&quot; &lt;&gt;", "a bc \"q\" <>");
    /* numeric: 0x80-0x9F as Windows-1252, zero and surrogates as U+FFFD */
    check_refs("&#150;&#0;&#xD800;&#x110000;", "\xe2\x80\x93\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    /* not references: left alone (NULL: nothing changed) */
    check_refs("AT&T, &unknown; &amp &#; &#x; &#12a; Q&A &", NULL);
    check_refs("", NULL);
}

/* The cluster decodes by default and rejects under strict. */
static void test_cluster(void)
{
    precis_cluster *c = precis_cluster_new();
    const char *w = "The caf\xe9 reopened on Monday. \x93We are back,\x94 said its owner.";
    precis_article a = {.text = w, .text_len = strlen(w)};
    T_EQ_INT(precis_cluster_add(c, &a), PRECIS_OK);
    T_EQ_STR(precis_cluster_article_charset(c, 0), "windows-1252");
    size_t len;
    const char *t = precis_cluster_article_text(c, 0, &len);
    T_CHECK(strstr(t, "caf\xc3\xa9 reopened") != NULL);
    T_CHECK(strstr(t, "\xe2\x80\x9cWe are back,\xe2\x80\x9d") != NULL);
    T_CHECK(precis_cluster_article_charset(c, 1) == NULL);
    /* references decoded in plain UTF-8 text too */
    const char *r = "Smith &amp; Wesson&rsquo;s shares rose.";
    precis_article b = {.text = r, .text_len = strlen(r)};
    T_EQ_INT(precis_cluster_add(c, &b), PRECIS_OK);
    T_EQ_STR(precis_cluster_article_text(c, 1, NULL), "Smith & Wesson\xe2\x80\x99s shares rose.");
    T_EQ_STR(precis_cluster_article_charset(c, 1), "utf-8");
    /* a JSON Lines record and a Multi-News line in Windows-1252 */
    const char *j = "{\"id\":\"j\",\"text\":\"Le caf\xe9 a rouvert.\"}";
    T_EQ_INT(precis_cluster_add_json(c, j, strlen(j)), PRECIS_OK);
    T_EQ_STR(precis_cluster_article_text(c, 2, NULL), "Le caf\xc3\xa9 a rouvert.");
    T_EQ_STR(precis_cluster_article_charset(c, 2), "windows-1252");
    const char *m = "caf\xe9 one . story_separator_special_tag caf\xc3\xa9 two .";
    T_EQ_INT(precis_cluster_add_multinews(c, m, strlen(m)), PRECIS_OK);
    T_EQ_STR(precis_cluster_article_charset(c, 3), "windows-1252");
    T_EQ_STR(precis_cluster_article_text(c, 4, NULL), " caf\xc3\xa9 two .");
    /* a UTF-16 article and a cluster record with a UTF-8 mark */
    static const char u16[] = "\xff\xfe" "H\0i\0.\0";
    precis_article d = {.text = u16, .text_len = sizeof u16 - 1};
    T_EQ_INT(precis_cluster_add(c, &d), PRECIS_OK);
    T_EQ_STR(precis_cluster_article_text(c, 5, NULL), "Hi.");
    T_EQ_STR(precis_cluster_article_charset(c, 5), "utf-16le");
    const char *jc = "\xef\xbb\xbf{\"id\":7,\"articles\":[{\"text\":\"Hi there.\"}]}";
    T_EQ_INT(precis_cluster_add_json_cluster(c, jc, strlen(jc)), PRECIS_OK);
    T_EQ_STR(precis_cluster_article_charset(c, 6), "utf-8-bom");
    T_EQ_STR(precis_cluster_id(c), "7"); /* a numeric cluster id is kept */
    /* the JSON output says how each article was decoded */
    precis_summarizer *s = precis_summarizer_new(NULL, NULL);
    precis_summary *sum = NULL;
    T_EQ_INT(precis_summarize(s, c, &sum), PRECIS_OK);
    char *out = NULL;
    T_EQ_INT(precis_summary_render(sum, c, PRECIS_FORMAT_JSON, &out, NULL), PRECIS_OK);
    T_CHECK(out && strstr(out, "\"id\":\"1\",\"source\":null,\"date\":null,\"title\":null,"
                               "\"charset\":\"windows-1252\"}"));
    T_CHECK(out && strstr(out, "\"charset\":\"utf-16le\""));
    T_CHECK(out && !strstr(out, "\"charset\":\"utf-8\""));
    precis_free(out);
    precis_summary_free(sum);
    precis_summarizer_free(s);

    /* strict: today's rejection, nothing added */
    precis_cluster_clear(c);
    precis_cluster_set_strict(c, 1);
    T_EQ_INT(precis_cluster_add(c, &a), PRECIS_EUTF8);
    T_CHECK(strstr(precis_cluster_error(c), "at byte 7") != NULL);
    T_EQ_INT(precis_cluster_add_json(c, j, strlen(j)), PRECIS_EJSON);
    T_EQ_INT(precis_cluster_add_multinews(c, m, strlen(m)), PRECIS_EUTF8);
    T_EQ_INT(precis_cluster_add(c, &d), PRECIS_EUTF8);
    T_EQ_INT(precis_cluster_size(c), 0);
    precis_cluster_free(c);
}

int main(void)
{
    T_RUN(test_windows_1252);
    T_RUN(test_boms);
    T_RUN(test_declared);
    T_RUN(test_refs);
    T_RUN(test_cluster);
    return t_finish();
}
