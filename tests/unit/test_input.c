/* test_input.c -- stage 1: articles in (plain text, JSON Lines, Multi-News)
   and the validation every article passes. */
#include "precis.h"
#include "t.h"

#include <string.h>

static void test_plain(void)
{
    precis_cluster *c = precis_cluster_new();
    precis_article a = {.id = "a", .source = "Wire", .text = "One. Two.", .text_len = 9};
    T_EQ_INT(precis_cluster_add(c, &a), PRECIS_OK);
    T_EQ_INT(precis_cluster_size(c), 1);
    T_EQ_STR(precis_cluster_article_id(c, 0), "a");
    T_EQ_STR(precis_cluster_article_source(c, 0), "Wire");
    T_CHECK(precis_cluster_article_date(c, 0) == NULL);
    /* the library assigns ids */
    precis_article b = {.text = "Three.", .text_len = 6};
    T_EQ_INT(precis_cluster_add(c, &b), PRECIS_OK);
    T_EQ_STR(precis_cluster_article_id(c, 1), "2");
    precis_cluster_free(c);
}

static void test_metadata_date(void)
{
    precis_cluster *c = precis_cluster_new();
    const char *t = " date 2016-12-30 MOSCOW — Text here.";
    precis_article a = {.text = t, .text_len = strlen(t)};
    T_EQ_INT(precis_cluster_add(c, &a), PRECIS_OK);
    T_EQ_STR(precis_cluster_article_date(c, 0), "2016-12-30");
    size_t len;
    const char *body = precis_cluster_article_text(c, 0, &len);
    T_CHECK(len > 6 && memcmp(body, "MOSCOW", 6) == 0);
    /* a partial date, and a date given by the caller wins */
    const char *t2 = " date 2016-12 Russian President";
    precis_article b = {.text = t2, .text_len = strlen(t2), .date = "2017-01-01"};
    T_EQ_INT(precis_cluster_add(c, &b), PRECIS_OK);
    T_EQ_STR(precis_cluster_article_date(c, 1), "2017-01-01");
    body = precis_cluster_article_text(c, 1, &len);
    T_CHECK(len > 7 && memcmp(body, "Russian", 7) == 0);
    /* "date" as an ordinary first word is text */
    const char *t3 = "date night is back.";
    precis_article d = {.text = t3, .text_len = strlen(t3)};
    T_EQ_INT(precis_cluster_add(c, &d), PRECIS_OK);
    T_CHECK(precis_cluster_article_date(c, 2) == NULL);
    precis_cluster_free(c);
}

static void test_bad_text(void)
{
    precis_cluster *c = precis_cluster_new();
    precis_cluster_set_strict(c, 1);
    precis_article a = {.text = "ab\xff" "cd", .text_len = 5};
    T_EQ_INT(precis_cluster_add(c, &a), PRECIS_EUTF8);
    T_CHECK(strstr(precis_cluster_error(c), "byte 2") != NULL);
    precis_article n = {.text = "ab\0cd", .text_len = 5};
    T_EQ_INT(precis_cluster_add(c, &n), PRECIS_ENUL);
    precis_article e = {.text = "  \n\t ", .text_len = 5};
    T_EQ_INT(precis_cluster_add(c, &e), PRECIS_EEMPTY);
    precis_article m = {.text = " date 2016-12-30 ", .text_len = 17};
    T_EQ_INT(precis_cluster_add(c, &m), PRECIS_EEMPTY);
    /* overlong encoding and a surrogate */
    precis_article o = {.text = "\xc0\xaf", .text_len = 2};
    T_EQ_INT(precis_cluster_add(c, &o), PRECIS_EUTF8);
    precis_article s = {.text = "\xed\xa0\x80", .text_len = 3};
    T_EQ_INT(precis_cluster_add(c, &s), PRECIS_EUTF8);
    T_EQ_INT(precis_cluster_size(c), 0);
    precis_cluster_free(c);
}

static void test_json(void)
{
    precis_cluster *c = precis_cluster_new();
    const char *ok = "{\"id\":\"x1\",\"source\":\"S\",\"date\":\"2020-01-02\",\"title\":\"T\","
                     "\"text\":\"Body \\u201cquoted\\u201d.\",\"extra\":[1,2,{\"k\":null}]}";
    T_EQ_INT(precis_cluster_add_json(c, ok, strlen(ok)), PRECIS_OK);
    T_EQ_STR(precis_cluster_article_id(c, 0), "x1");
    T_EQ_STR(precis_cluster_article_date(c, 0), "2020-01-02");
    size_t len;
    const char *body = precis_cluster_article_text(c, 0, &len);
    T_CHECK(len == strlen("Body \xe2\x80\x9cquoted\xe2\x80\x9d."));
    T_CHECK(memcmp(body, "Body \xe2\x80\x9c", 8) == 0);
    const char *minimal = "{\"text\":\"Only text.\"}";
    T_EQ_INT(precis_cluster_add_json(c, minimal, strlen(minimal)), PRECIS_OK);
    const char *numid = "{\"id\":7,\"text\":\"Numeric id.\"}";
    T_EQ_INT(precis_cluster_add_json(c, numid, strlen(numid)), PRECIS_OK);
    T_EQ_STR(precis_cluster_article_id(c, 2), "7");
    const char *bad[] = {"{\"text\":\"unterminated}", "[1,2]", "{\"id\":\"a\"}",
                         "{\"text\":5}", "{\"text\":\"a\",\"source\":[1]}",
                         "{\"text\":\"a\\u0000b\"}", "{\"text\":\"a\"} trailing", "",
                         "{\"text\":\"x\",\"text\":\"y\"}"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        precis_status st = precis_cluster_add_json(c, bad[i], strlen(bad[i]));
        T_CHECK(st == PRECIS_EJSON);
        T_CHECK(precis_cluster_error(c)[0] != '\0');
    }
    const char *empty = "{\"text\":\"   \"}";
    T_EQ_INT(precis_cluster_add_json(c, empty, strlen(empty)), PRECIS_EEMPTY);
    T_EQ_INT(precis_cluster_size(c), 3);
    precis_cluster_free(c);
}

static void test_json_cluster(void)
{
    precis_cluster *c = precis_cluster_new();
    const char *ok = "{\"id\":\"c9\",\"articles\":[{\"text\":\"One.\"},{\"id\":\"b\",\"text\":\"Two.\"}]}";
    T_EQ_INT(precis_cluster_add_json_cluster(c, ok, strlen(ok)), PRECIS_OK);
    T_EQ_INT(precis_cluster_size(c), 2);
    T_EQ_STR(precis_cluster_id(c), "c9");
    precis_cluster_clear(c);
    const char *bad = "{\"articles\":[{\"text\":\"One.\"},{\"text\":\"\\u00ff\\u0000\"}]}";
    T_EQ_INT(precis_cluster_add_json_cluster(c, bad, strlen(bad)), PRECIS_EJSON);
    T_EQ_INT(precis_cluster_size(c), 0); /* all or nothing */
    const char *none = "{\"articles\":[]}";
    T_EQ_INT(precis_cluster_add_json_cluster(c, none, strlen(none)), PRECIS_EEMPTY);
    precis_cluster_free(c);
}

static void test_multinews(void)
{
    precis_cluster *c = precis_cluster_new();
    const char *l = "First doc . It is here . story_separator_special_tag  "
                    "story_separator_special_tag Third doc says more .";
    T_EQ_INT(precis_cluster_add_multinews(c, l, strlen(l)), PRECIS_OK);
    T_EQ_INT(precis_cluster_size(c), 2);
    T_EQ_INT(precis_cluster_skipped(c), 1);
    T_EQ_STR(precis_cluster_article_id(c, 1), "3"); /* ids keep document numbers */
    precis_cluster_clear(c);
    const char *e = " story_separator_special_tag  ";
    T_EQ_INT(precis_cluster_add_multinews(c, e, strlen(e)), PRECIS_EEMPTY);
    precis_cluster_set_strict(c, 1);
    const char *u = "ok story_separator_special_tag bad \xfe";
    T_EQ_INT(precis_cluster_add_multinews(c, u, strlen(u)), PRECIS_EUTF8);
    T_EQ_INT(precis_cluster_size(c), 0);
    precis_cluster_free(c);
}

int main(void)
{
    T_RUN(test_plain);
    T_RUN(test_metadata_date);
    T_RUN(test_bad_text);
    T_RUN(test_json);
    T_RUN(test_json_cluster);
    T_RUN(test_multinews);
    return t_finish();
}
