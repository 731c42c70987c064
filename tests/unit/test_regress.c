/*
 * test_regress.c -- one test per bug found by fuzzing or by the hostile
 * and allocation-failure tests, each with the smallest input that showed
 * it.  The sanitizer build (make asan) is what turns most of these from
 * silent into failing; the plain build checks the results.
 */
#include "precis.h"
#include "t.h"

#include <stdlib.h>
#include <string.h>

/* fuzz_rouge: a text whose only line has no tokens ("," here) left the
   sentence-token array NULL, and the ROUGE-L/W pass computed NULL + 0
   before checking the sentence was empty (clang UBSan: "applying zero
   offset to null pointer", rouge.c rouge_lcs_stats).  As reference and as
   peer. */
static void test_rouge_tokenless_line(void)
{
    precis_rouge *r = precis_rouge_new(NULL, NULL);
    T_CHECK(r != NULL);
    precis_rouge_scores sc;
    const char *refs[] = {","};
    T_EQ_INT(precis_rouge_score(r, "a cat sat", refs, 1, &sc), PRECIS_OK);
    T_CHECK(sc.m[PRECIS_ROUGE_L].f == 0);
    const char *refs2[] = {"a cat sat"};
    T_EQ_INT(precis_rouge_score(r, ",", refs2, 1, &sc), PRECIS_OK);
    T_CHECK(sc.m[PRECIS_ROUGE_L].f == 0);
    const char *refs3[] = {"!!\n\na cat\n,"};
    T_EQ_INT(precis_rouge_score(r, "a cat\n...", refs3, 1, &sc), PRECIS_OK);
    T_CHECK(sc.m[PRECIS_ROUGE_1].r > 0.99);
    precis_rouge_free(r);
}

/* d95ff83, fuzz_split: an abbreviation followed by nothing but openers
   read past the end looking for the next word; a CR before a LF was kept
   at a span's end.  The spans each input gives, byte offsets. */
static void test_split_abbrev_then_openers(void)
{
    static const struct {
        const char *text;
        size_t n;
        size_t span[2][2];
    } cases[] = {
        {" p.\t\t\t\t'", 2, {{1, 3}, {7, 8}}},
        {" P.\t\t\t\t'", 1, {{1, 8}}}, /* an initial, not "page" */
        {"No. (", 2, {{0, 3}, {4, 5}}},
        {"Inc. \"", 1, {{0, 6}}},
        {"x.\n--\r\r\r-\r\n", 2, {{0, 5}, {8, 9}}},
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        precis_span *sp = NULL;
        size_t n = 0;
        T_EQ_INT(precis_split(cases[c].text, strlen(cases[c].text), &sp, &n), PRECIS_OK);
        T_EQ_INT(n, cases[c].n);
        for (size_t k = 0; k < n && k < 2; k++) {
            T_EQ_INT(sp[k].start, cases[c].span[k][0]);
            T_EQ_INT(sp[k].end, cases[c].span[k][1]);
        }
        precis_free(sp);
    }
}

/* f37943c, fuzz_html: the charset prescan bounded an attribute name by
   the size of the value buffer (128 bytes) but kept it in a 32-byte one,
   so a long name before charset= wrote past it.  The charset after it
   must still be read (the text is not UTF-8: "\x8a" is windows-1250's
   S with caron). */
static void test_page_prescan_long_attribute(void)
{
    char page[1024], name[101];
    memset(name, 'a', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    snprintf(page, sizeof page,
             "<html><head><meta data-%s=\"1\" charset=\"windows-1250\"></head><body><p>The "
             "\x8aumperk town council published its findings on Monday.</p></body></html>",
             name);
    precis_page *pg = precis_page_new();
    T_CHECK(pg != NULL);
    T_EQ_INT(precis_page_read(pg, page, strlen(page)), PRECIS_OK);
    T_EQ_STR(precis_page_get(pg)->charset, "declared windows-1250");
    T_CHECK(strstr(precis_page_get(pg)->text, "The \xc5\xa0umperk town council") != NULL);
    precis_page_free(pg);
}

/* f96fab9, fuzz_html: a <title> of white space only left an empty
   buffer, taken as the title before it had its terminating NUL (a read
   past it).  It is no title: the <h1> is the headline. */
static void test_page_blank_title(void)
{
    static const char page[] =
        "<html><head><title>  </title></head><body><h1>Dam opens</h1><p>The committee "
        "published its findings on Monday, after a review of two years.</p></body></html>";
    precis_page *pg = precis_page_new();
    T_CHECK(pg != NULL);
    T_EQ_INT(precis_page_read(pg, page, sizeof page - 1), PRECIS_OK);
    T_EQ_STR(precis_page_get(pg)->title, "Dam opens");
    precis_page_free(pg);
}

int main(void)
{
    T_RUN(test_rouge_tokenless_line);
    T_RUN(test_split_abbrev_then_openers);
    T_RUN(test_page_prescan_long_attribute);
    T_RUN(test_page_blank_title);
    return t_finish();
}
