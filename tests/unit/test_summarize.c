/* test_summarize.c -- stages 2-7 through the public API on the team's own
   example clusters: normalisation, redundancy groups, every method under
   every budget unit, ordering, tracing, and the output writers. */
#include "norm.h"
#include "precis.h"
#include "t.h"

#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    if (b) {
        b[n] = 0;
        *len = (size_t)n;
    }
    return b;
}

static precis_cluster *load(const char *dir, const char *const *files, size_t n)
{
    precis_cluster *c = precis_cluster_new();
    for (size_t i = 0; i < n; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s/%s", PRECIS_TEST_DIR, dir, files[i]);
        size_t len;
        char *t = slurp(path, &len);
        T_CHECK(t != NULL);
        if (!t)
            continue;
        precis_article a = {.id = files[i], .source = files[i], .text = t, .text_len = len};
        T_EQ_INT(precis_cluster_add(c, &a), PRECIS_OK);
        free(t);
    }
    return c;
}

static const char *const example[] = {"01-northern-wire.txt", "02-valley-courier.txt",
                                      "03-harbour-times-early.txt",
                                      "04-harbour-times-update.txt", "05-lakeshore-gazette.txt"};
static const char *const cluster2[] = {"01-coastline-news.txt", "02-marrowby-herald.txt",
                                       "03-freight-daily.txt"};

static size_t words_of(const char *s, size_t n)
{
    size_t w = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = isspace((unsigned char)s[i]);
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

/* lower-cased alphanumeric word set overlap of two sentences */
static double overlap(const char *a, size_t an, const char *b, size_t bn)
{
    char wa[256][32], wb[256][32];
    size_t na = 0, nb = 0;
    for (int pass = 0; pass < 2; pass++) {
        const char *s = pass ? b : a;
        size_t n = pass ? bn : an;
        char(*w)[32] = pass ? wb : wa;
        size_t *k = pass ? &nb : &na;
        size_t i = 0;
        while (i < n && *k < 256) {
            while (i < n && !isalnum((unsigned char)s[i]))
                i++;
            size_t j = 0;
            while (i < n && isalnum((unsigned char)s[i])) {
                if (j < 31)
                    w[*k][j++] = (char)tolower((unsigned char)s[i]);
                i++;
            }
            if (j >= 4) {
                w[*k][j] = 0;
                (*k)++;
            }
        }
    }
    size_t common = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (!strcmp(wa[i], wb[j])) {
                common++;
                break;
            }
    size_t m = na < nb ? na : nb;
    return m ? (double)common / (double)m : 0;
}

typedef struct tok_acc {
    uint32_t ids[16];
    int stops[16];
    size_t k;
} tok_acc;

static int acc_tok(void *ud, uint32_t stem, int stop, size_t start, size_t end)
{
    (void)start;
    (void)end;
    tok_acc *a = ud;
    if (a->k < 16) {
        a->ids[a->k] = stem;
        a->stops[a->k] = stop;
        a->k++;
    }
    return 0;
}

static void test_norm_match(void)
{
    precis_status st;
    norm *n = norm_new("english", &st);
    T_CHECK(n != NULL);
    tok_acc a = {{0}, {0}, 0};
    const char *text = "Sanctions, the SANCTION; Russia\xe2\x80\x99s sanctioned caf\xc3\xa9 CAF\xc3\x89 "
                       "Russia's don't";
    T_EQ_INT(norm_tokens(n, text, strlen(text), acc_tok, &a), 0);
    T_EQ_INT(a.k, 9);
    T_EQ_INT(a.ids[0], a.ids[2]); /* Sanctions == SANCTION   */
    T_EQ_INT(a.ids[0], a.ids[4]); /* sanctioned stems alike  */
    T_CHECK(a.stops[1]);          /* "the" is a stop word    */
    T_CHECK(!a.stops[0]);
    T_EQ_INT(a.ids[5], a.ids[6]); /* café == CAFÉ (case fold) */
    T_EQ_INT(a.ids[3], a.ids[7]); /* curly and straight possessive */
    T_CHECK(a.stops[8]);          /* don't */
    norm_free(n);
    T_CHECK(norm_new("klingon", &st) == NULL);
    T_EQ_INT(st, PRECIS_ELANG);
    n = norm_new("french", &st);
    T_CHECK(n != NULL);
    norm_free(n);
    T_EQ_INT(norm_count_words("  a b\n\tc  ", 10), 3);
}

/* Every method, unit and budget: never over budget, no two sentences with
   the same content, sentences are exact substrings of their article. */
static void test_budgets(void)
{
    precis_cluster *c = load("../examples/cluster", example, 5);
    static const size_t budgets[] = {0, 1, 7, 40, 120, 400, 100000};
    for (int m = 0; m < PRECIS_METHOD_COUNT_; m++)
        for (int u = 0; u <= PRECIS_UNIT_SENTENCES; u++)
            for (size_t b = 0; b < sizeof budgets / sizeof budgets[0]; b++) {
                precis_options o;
                precis_options_init(&o);
                o.method = (precis_method)m;
                o.unit = (precis_unit)u;
                o.budget = budgets[b];
                precis_summarizer *s = precis_summarizer_new(&o, NULL);
                precis_summary *sum = NULL;
                T_EQ_INT(precis_summarize(s, c, &sum), PRECIS_OK);
                size_t n = precis_summary_size(sum), used = 0;
                for (size_t i = 0; i < n; i++) {
                    const precis_sentence *ps = precis_summary_sentence(sum, i);
                    size_t len;
                    const char *art = precis_cluster_article_text(c, ps->article, &len);
                    T_CHECK(ps->end <= len && ps->start < ps->end);
                    /* exact text, or the text with its one recorded edit */
                    if (ps->n_edits == 0) {
                        T_CHECK(ps->text == art + ps->start && ps->len == ps->end - ps->start);
                    } else {
                        const precis_edit *e = &ps->edits[0];
                        T_CHECK(ps->n_edits == 1 && e->start >= ps->start && e->end <= ps->end);
                        T_CHECK(ps->len == ps->end - ps->start - (e->end - e->start) + e->len);
                    }
                    T_CHECK(ps->n_articles >= 1 && ps->articles[0] == ps->article);
                    used += u == PRECIS_UNIT_WORDS   ? words_of(ps->text, ps->len)
                            : u == PRECIS_UNIT_BYTES ? ps->len + (i > 0)
                                                     : 1;
                    for (size_t j = 0; j < i; j++) {
                        const precis_sentence *q = precis_summary_sentence(sum, j);
                        double ov = overlap(ps->text, ps->len, q->text, q->len);
                        if (ov >= 0.9)
                            fprintf(stderr, "repeat (%s): %.*s // %.*s\n",
                                    precis_method_name((precis_method)m), (int)ps->len,
                                    ps->text, (int)q->len, q->text);
                        T_CHECK(ov < 0.9);
                    }
                }
                T_CHECK(used <= budgets[b]);
                /* not degenerate: 400 words or sentences hold at least
                   three sentences, 400 bytes two of the example's */
                if (budgets[b] >= 400 && m != PRECIS_METHOD_LEAD)
                    T_CHECK(n >= (u == PRECIS_UNIT_BYTES ? 2u : 3u));
                precis_summary_free(sum);
                precis_summarizer_free(s);
            }
    precis_cluster_free(c);
}

static int contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (!memcmp(s + i, needle, k))
            return 1;
    return 0;
}

/* The exact sentence in two articles is one group, traced to both. */
static void test_support(void)
{
    precis_cluster *c = load("data/cluster2", cluster2, 3);
    precis_options o;
    precis_options_init(&o);
    o.unit = PRECIS_UNIT_SENTENCES;
    o.budget = 100;
    o.method = PRECIS_METHOD_LEAD_RR;
    precis_summarizer *s = precis_summarizer_new(&o, NULL);
    precis_summary *sum = NULL;
    T_EQ_INT(precis_summarize(s, c, &sum), PRECIS_OK);
    int found = 0;
    for (size_t i = 0; i < precis_summary_size(sum); i++) {
        const precis_sentence *ps = precis_summary_sentence(sum, i);
        if (contains(ps->text, ps->len, "first at the port since 2014")) {
            found++;
            T_EQ_INT(ps->n_articles, 3);
        }
    }
    T_EQ_INT(found, 1); /* once, though it is in three articles */
    /* and traced to all three (two copies, one with a clause added) */
    precis_summary_free(sum);
    precis_summarizer_free(s);
    precis_cluster_free(c);
}

/* Each supporting article's sentence comes with the summary sentence
   (precis_sentence.spans): the primary's span is the sentence's own, and
   every other is a sentence of that article saying the same thing -- so
   the HTML report shows it without searching the article again. */
static void test_evidence_spans(void)
{
    precis_cluster *c = load("data/cluster2", cluster2, 3);
    precis_options o;
    precis_options_init(&o);
    o.unit = PRECIS_UNIT_SENTENCES;
    o.budget = 100;
    precis_method methods[] = {PRECIS_METHOD_DEFAULT, PRECIS_METHOD_LEAD_RR};
    for (size_t mi = 0; mi < 2; mi++) {
        o.method = methods[mi];
        precis_summarizer *s = precis_summarizer_new(&o, NULL);
        precis_summary *sum = NULL;
        T_EQ_INT(precis_summarize(s, c, &sum), PRECIS_OK);
        size_t others = 0, port = 0;
        for (size_t i = 0; i < precis_summary_size(sum); i++) {
            const precis_sentence *ps = precis_summary_sentence(sum, i);
            T_CHECK(ps->spans != NULL);
            if (!ps->spans)
                continue;
            T_EQ_INT(ps->spans[0].start, ps->start);
            T_EQ_INT(ps->spans[0].end, ps->end);
            for (size_t k = 1; k < ps->n_articles; k++) {
                size_t len;
                const char *t = precis_cluster_article_text(c, ps->articles[k], &len);
                const precis_span *sp = &ps->spans[k];
                T_CHECK(sp->start < sp->end && sp->end <= len);
                if (!(sp->start < sp->end && sp->end <= len))
                    continue;
                const char *own = precis_cluster_article_text(c, ps->article, NULL) + ps->start;
                /* a member of the same redundancy group: it shares words
                   (groups join transitively, so not always most of them) */
                T_CHECK(overlap(own, ps->end - ps->start, t + sp->start, sp->end - sp->start) >
                        0.25);
                if (contains(t + sp->start, sp->end - sp->start, "first at the port since 2014"))
                    port++;
                others++;
            }
        }
        T_CHECK(others > 0);
        if (o.method == PRECIS_METHOD_LEAD_RR)
            T_EQ_INT(port, 2); /* the two other articles' copies of it */
        precis_summary_free(sum);
        precis_summarizer_free(s);
    }
    precis_cluster_free(c);
}

static void test_formats(void)
{
    precis_cluster *c = load("../examples/cluster", example, 5);
    precis_summarizer *s = precis_summarizer_new(NULL, NULL);
    precis_summary *sum = NULL;
    T_EQ_INT(precis_summarize(s, c, &sum), PRECIS_OK);
    T_CHECK(precis_summary_size(sum) >= 2);
    T_CHECK(precis_summary_words(sum) <= 120 && precis_summary_words(sum) > 60);
    char *out;
    size_t len;
    T_EQ_INT(precis_summary_render(sum, c, PRECIS_FORMAT_JSON, &out, &len), PRECIS_OK);
    json_error_t e;
    json_t *j = json_loadb(out, len, 0, &e);
    T_CHECK(j != NULL);
    json_t *sents = json_object_get(j, "sentences");
    T_EQ_INT(json_array_size(sents), precis_summary_size(sum));
    for (size_t i = 0; i < json_array_size(sents); i++) {
        json_t *x = json_array_get(sents, i);
        const precis_sentence *ps = precis_summary_sentence(sum, i);
        T_EQ_INT(json_integer_value(json_object_get(x, "start")), ps->start);
        T_CHECK(json_string_length(json_object_get(x, "text")) == ps->len);
        T_CHECK(!memcmp(json_string_value(json_object_get(x, "text")), ps->text, ps->len));
        T_CHECK(json_array_size(json_object_get(x, "articles")) == ps->n_articles);
    }
    T_EQ_INT(json_array_size(json_object_get(j, "articles")), 5);
    json_decref(j);
    precis_free(out);
    T_EQ_INT(precis_summary_render(sum, c, PRECIS_FORMAT_MARKDOWN, &out, &len), PRECIS_OK);
    T_CHECK(strstr(out, "][") || strstr(out, "[1]") || strstr(out, "[2]"));
    T_CHECK(strstr(out, "\n1. ") != NULL && strstr(out, "\n5. ") != NULL);
    precis_free(out);
    T_EQ_INT(precis_summary_render(sum, c, PRECIS_FORMAT_TEXT, &out, &len), PRECIS_OK);
    T_CHECK(len > 0 && out[len - 1] == '\n' && !memchr(out, '\n', len - 1));
    precis_free(out);
    T_EQ_INT(precis_summary_render(sum, c, PRECIS_FORMAT_LINES, &out, &len), PRECIS_OK);
    size_t nl = 0;
    for (size_t i = 0; i < len; i++)
        nl += out[i] == '\n';
    T_EQ_INT(nl, precis_summary_size(sum));
    precis_free(out);
    precis_summary_free(sum);
    precis_summarizer_free(s);
    precis_cluster_free(c);
}

/* Chronological order follows the articles' dates. */
static void test_order(void)
{
    precis_cluster *c = precis_cluster_new();
    const char *late = "The council approved the bridge repair budget on Monday evening after "
                       "a long debate. The repair will start in May and last six months.";
    const char *early = "The council will vote on the bridge repair budget on Monday, officials "
                        "said. The bridge was closed in March after engineers found cracks.";
    precis_article a = {.id = "late", .date = "2024-02-03", .text = late, .text_len = strlen(late)};
    precis_article b = {.id = "early", .date = "2024-02-01", .text = early,
                        .text_len = strlen(early)};
    T_EQ_INT(precis_cluster_add(c, &a), PRECIS_OK);
    T_EQ_INT(precis_cluster_add(c, &b), PRECIS_OK);
    precis_options o;
    precis_options_init(&o);
    o.method = PRECIS_METHOD_LEAD_RR;
    o.budget = 100;
    precis_summarizer *s = precis_summarizer_new(&o, NULL);
    precis_summary *sum = NULL;
    T_EQ_INT(precis_summarize(s, c, &sum), PRECIS_OK);
    T_CHECK(precis_summary_size(sum) == 4);
    T_EQ_INT(precis_summary_sentence(sum, 0)->article, 1);
    T_EQ_INT(precis_summary_sentence(sum, 1)->article, 1);
    T_EQ_INT(precis_summary_sentence(sum, 2)->article, 0);
    precis_summary_free(sum);
    precis_summarizer_free(s);
    precis_cluster_free(c);
}

static void test_errors(void)
{
    precis_options o;
    precis_options_init(&o);
    precis_status st;
    o.lang = "klingon";
    T_CHECK(precis_summarizer_new(&o, &st) == NULL);
    T_EQ_INT(st, PRECIS_ELANG);
    o.lang = NULL;
    o.method = (precis_method)99;
    T_CHECK(precis_summarizer_new(&o, &st) == NULL);
    T_EQ_INT(st, PRECIS_EINVAL);
    precis_summarizer *s = precis_summarizer_new(NULL, NULL);
    precis_cluster *c = precis_cluster_new();
    precis_summary *sum = (precis_summary *)1;
    T_EQ_INT(precis_summarize(s, c, &sum), PRECIS_EEMPTY);
    T_CHECK(sum == NULL);
    T_CHECK(strlen(precis_summarizer_error(s)) > 0);
    precis_method m;
    T_EQ_INT(precis_method_parse("lexrank", &m), PRECIS_OK);
    T_EQ_INT(m, PRECIS_METHOD_LEXRANK);
    T_EQ_INT(precis_method_parse("nope", &m), PRECIS_EINVAL);
    T_CHECK(strcmp(precis_strerror(PRECIS_EUTF8), "unknown error") != 0);
    precis_summarizer_free(NULL);
    precis_cluster_free(NULL);
    precis_summary_free(NULL);
    precis_cluster_free(c);
    precis_summarizer_free(s);
}

int main(void)
{
    T_RUN(test_norm_match);
    T_RUN(test_budgets);
    T_RUN(test_support);
    T_RUN(test_evidence_spans);
    T_RUN(test_formats);
    T_RUN(test_order);
    T_RUN(test_errors);
    return t_finish();
}
