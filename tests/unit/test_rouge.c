/* test_rouge.c -- the ROUGE scorer on small hand-made texts.  Every
   expected value is worked out by hand from the ROUGE-1.5.5 definitions
   in the comment beside it (R = hits / reference count, P = hits /
   summary count, both rounded to 5 decimals, F = P R / (0.5 P + 0.5 R)
   from the rounded values, rounded). */
#include "precis.h"
#include "rouge_porter.h"
#include "t.h"

#include <math.h>
#include <string.h>

#define NEAR(a, b) (fabs((a) - (b)) < 5e-6)
#define T_NEAR(a, b)                                                             \
    do {                                                                         \
        double t_x = (a), t_y = (b);                                             \
        t_checks++;                                                              \
        if (!NEAR(t_x, t_y)) {                                                   \
            t_failed++;                                                          \
            fprintf(stderr, "%s:%d: %s == %.6f, expected %.6f\n", __FILE__, __LINE__, #a, \
                    t_x, t_y);                                                   \
        }                                                                        \
    } while (0)

static precis_rouge_options opts(void)
{
    precis_rouge_options o;
    precis_rouge_options_init(&o);
    return o;
}

static precis_rouge_scores score(const precis_rouge_options *o, const char *peer,
                                 const char *ref)
{
    precis_rouge_scores s;
    memset(&s, 0, sizeof s);
    precis_rouge *r = precis_rouge_new(o, NULL);
    T_CHECK(r != NULL);
    if (r) {
        T_EQ_INT(precis_rouge_score(r, peer, &ref, 1, &s), PRECIS_OK);
        precis_rouge_free(r);
    }
    return s;
}

static void test_ngrams(void)
{
    precis_rouge_options o = opts();
    o.stem = 0;
    /* the cat sat on the mat / the cat was on the mat:
       unigram hits the x2, cat, on, mat = 5 of 6 and 6;
       bigrams the-cat, on-the, the-mat = 3 of 5 and 5;
       trigrams: on-the-mat only = 1 of 4. */
    precis_rouge_scores s = score(&o, "the cat sat on the mat", "the cat was on the mat");
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 0.83333);
    T_NEAR(s.m[PRECIS_ROUGE_1].p, 0.83333);
    T_NEAR(s.m[PRECIS_ROUGE_1].f, 0.83333);
    T_NEAR(s.m[PRECIS_ROUGE_2].r, 0.6);
    T_NEAR(s.m[PRECIS_ROUGE_2].f, 0.6);
    T_NEAR(s.m[PRECIS_ROUGE_3].r, 0.25);
    /* LCS: the cat on the mat = 5 of 6 */
    T_NEAR(s.m[PRECIS_ROUGE_L].r, 0.83333);
    /* clipping: "the the the" against "the cat": 1 hit; R 1/2, P 1/3,
       F = .5 * .33333 / (.5 * .33333 + .5 * .5) = 0.39999(6) -> 0.40000 */
    s = score(&o, "the the the", "the cat");
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 0.5);
    T_NEAR(s.m[PRECIS_ROUGE_1].p, 0.33333);
    T_NEAR(s.m[PRECIS_ROUGE_1].f, 0.4);
}

static void test_tokens(void)
{
    precis_rouge_options o = opts();
    o.stem = 0;
    /* lower-case; every byte outside [A-Za-z0-9] separates; the bytes of
       "é" too: well known u s 5 000 caf = 7 tokens each */
    precis_rouge_scores s =
        score(&o, "Well-known U.S. $5,000 caf\xc3\xa9!", "well known u s 5 000 caf");
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 1);
    T_NEAR(s.m[PRECIS_ROUGE_1].p, 1);
    T_NEAR(s.m[PRECIS_ROUGE_2].r, 1);
    s = score(&o, "wellknown", "well-known");
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 0);
    /* empty summary: everything 0 */
    s = score(&o, "", "a b c");
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 0);
    T_NEAR(s.m[PRECIS_ROUGE_L].f, 0);
}

static void test_stemming(void)
{
    precis_rouge_options o = opts();
    /* running -> run (Porter), dogs -> dog; "run", "dog" are <= 3 bytes */
    precis_rouge_scores s = score(&o, "running dogs", "run dog");
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 1);
    /* tokens of 3 bytes or less are not stemmed: "was" stays, "wa" differs */
    s = score(&o, "was", "wa");
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 0);
    /* WordNet exceptions: children -> child; mice -> mouse, which is not
       stemmed further, while the word "mouse" is Porter-stemmed to
       "mous": the official script does not match them */
    s = score(&o, "children", "child");
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 1);
    s = score(&o, "mice", "mouse");
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 0);
    /* best/better: adj.exc "good" by default, adv.exc "well" with exc_adv */
    s = score(&o, "best", "good");
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 1);
    o.exc_adv = 1;
    s = score(&o, "best", "well");
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 1);
    s = score(&o, "best", "good");
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 0);
    o = opts();
    o.stem = 0;
    s = score(&o, "running", "run");
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 0);
}

static void test_porter_variant(void)
{
    /* the ROUGE-1.5.5 Perl variant, worked by hand through its rules */
    static const char *cases[][2] = {
        {"caresses", "caress"},     /* 1a sses -> ss */
        {"ponies", "poni"},         /* 1a ies -> i */
        {"agreed", "agre"},         /* 1b eed -> ee (m>0), 5 drops e */
        {"hopping", "hop"},         /* 1b undouble */
        {"hoping", "hope"},         /* 1b cvc -> +e */
        {"happy", "happi"},         /* 1c */
        {"possibly", "possibl"},    /* 2 "bli" -> "ble" (paper: "abli") */
        {"apology", "apolog"},      /* 2 "logi" -> "log" (not in paper) */
        {"generalization", "gener"},/* 2 ization, 3 alize, 4 al */
        {"experimental", "experi"}, /* 4 (CYL 2004): al, then ment */
        {"fundamental", "fundam"},  /* 4: al, ment fails (m=1), ent */
        {"replacement", "replac"},  /* 4 ement */
        {"adoption", "adopt"},      /* 4 (t)ion */
        {"controll", "control"},    /* 5 ll -> l */
        {"youth", "youth"},         /* initial y is a consonant */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char w[ROUGE_PORTER_MAX + 2];
        size_t n = strlen(cases[i][0]);
        memcpy(w, cases[i][0], n);
        n = rouge_porter_stem(w, n);
        w[n] = '\0';
        T_EQ_STR(w, cases[i][1]);
    }
}

static void test_skip_bigrams(void)
{
    precis_rouge_options o = opts();
    o.stem = 0;
    o.max_n = 1;
    /* SU4, summary "a b c": unigrams of all tokens but the last (the
       script's loop stops one short): a, b; skip-bigrams a-b a-c b-c:
       5 grams.  Reference "a c b": a, c; a-c a-b c-b: 5 grams.
       Shared: a, a-b, a-c = 3 -> R = P = 0.6 */
    precis_rouge_scores s = score(&o, "a b c", "a c b");
    T_NEAR(s.m[PRECIS_ROUGE_S].r, 0.6);
    T_NEAR(s.m[PRECIS_ROUGE_S].p, 0.6);
    /* S4 without unigrams: a-b, a-c shared of 3 -> 0.66667 */
    o.su = 0;
    s = score(&o, "a b c", "a c b");
    T_NEAR(s.m[PRECIS_ROUGE_S].r, 0.66667);
    /* skip 0 = adjacent pairs only: a-b b-c vs a-c c-b: nothing shared */
    o.skip = 0;
    s = score(&o, "a b c", "a c b");
    T_NEAR(s.m[PRECIS_ROUGE_S].r, 0);
    /* skip 1: "a x x b" has a-b at distance 3 only with skip >= 2 */
    o.skip = 1;
    s = score(&o, "a b", "a x x b");
    T_NEAR(s.m[PRECIS_ROUGE_S].p, 0);
    o.skip = 2;
    s = score(&o, "a b", "a x x b");
    T_NEAR(s.m[PRECIS_ROUGE_S].p, 1);
    o.skip = -1; /* off */
    s = score(&o, "a b", "a b");
    T_NEAR(s.m[PRECIS_ROUGE_S].r, 0);
}

static void test_lcs(void)
{
    precis_rouge_options o = opts();
    o.stem = 0;
    /* union LCS: reference sentence "a b c d e" against summary sentences
       "a b x" and "c d y": LCS a b and c d, union 4 hits of 5; summary has
       6 tokens: R 0.8, P 0.66667, F = .53334 / .73334 = 0.72727 */
    precis_rouge_scores s = score(&o, "a b x\nc d y", "a b c d e");
    T_NEAR(s.m[PRECIS_ROUGE_L].r, 0.8);
    T_NEAR(s.m[PRECIS_ROUGE_L].p, 0.66667);
    T_NEAR(s.m[PRECIS_ROUGE_L].f, 0.72727);
    /* one line = one sentence: "a b x c d y" vs "a b c d e": LCS a b c d */
    s = score(&o, "a b x c d y", "a b c d e");
    T_NEAR(s.m[PRECIS_ROUGE_L].r, 0.8);
    /* clipping: reference "a a" marked twice by summary sentences "a", "a"
       is still one union position: 1 of 2 */
    s = score(&o, "a\na", "a a");
    T_NEAR(s.m[PRECIS_ROUGE_L].r, 0.5);
    /* ROUGE-W, "a b c" vs itself: one run of 3, hit 3^1.2; the script
       weights the reference length twice: count (3^1.2)^1.2, so
       R = (3^1.2 / 3^1.44)^(1/1.2) = 3^-0.2 = 0.80274; P = 1;
       F = .80274 / (.5 + .40137) = 0.89058 */
    s = score(&o, "a b c", "a b c");
    T_NEAR(s.m[PRECIS_ROUGE_W].r, 0.80274);
    T_NEAR(s.m[PRECIS_ROUGE_W].p, 1);
    T_NEAR(s.m[PRECIS_ROUGE_W].f, 0.89058);
    /* runs are read off the reference positions only: "a b x c" vs
       "a b c" marks a, b, c, consecutive in the reference, so one run of
       3 (not 2 + 1 as in the summary): hit 3^1.2, R as above 0.80274;
       summary count 4^1.2: P = (3^1.2 / 4^1.2)^(1/1.2) = 3/4 */
    s = score(&o, "a b x c", "a b c");
    T_NEAR(s.m[PRECIS_ROUGE_W].r, 0.80274);
    T_NEAR(s.m[PRECIS_ROUGE_W].p, 0.75);
    o.lcs = 0;
    s = score(&o, "a b c", "a b c");
    T_NEAR(s.m[PRECIS_ROUGE_L].r, 0);
}

static void test_limits(void)
{
    precis_rouge_options o = opts();
    o.stem = 0;
    /* -l counts white-space words before tokenizing: "well-known" is one
       word (two tokens); the reference is cut too: "well" of "well known".
       hits 1: R 1/1, P 1/2, F = .5 / .75 = 0.66667 */
    o.limit_words = 1;
    precis_rouge_scores s = score(&o, "well-known fact here", "well known");
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 1);
    T_NEAR(s.m[PRECIS_ROUGE_1].p, 0.5);
    T_NEAR(s.m[PRECIS_ROUGE_1].f, 0.66667);
    /* across lines: 2 + 1 words of "a b\nc d" with -l 3 */
    o.limit_words = 3;
    s = score(&o, "a b\nc d", "a b c");
    T_NEAR(s.m[PRECIS_ROUGE_1].p, 1);
    /* -b cuts bytes, inside a word too: "abcdefgh" -> "abcde" */
    o.limit_words = 0;
    o.limit_bytes = 5;
    s = score(&o, "abcdefgh", "abcde");
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 1);
}

static void test_multi_refs(void)
{
    precis_rouge_options o = opts();
    o.stem = 0;
    const char *refs[3] = {"a b", "c d", "a c"};
    precis_rouge_scores s;
    precis_rouge *r = precis_rouge_new(&o, NULL);
    /* -f A pools: hits 2 + 0 = 2 of 4; the summary counted once per
       reference: P = 2/4 */
    T_EQ_INT(precis_rouge_score(r, "a b", refs, 2, &s), PRECIS_OK);
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 0.5);
    T_NEAR(s.m[PRECIS_ROUGE_1].p, 0.5);
    precis_rouge_free(r);
    /* -f B: the best reference alone: 1 */
    o.multi = PRECIS_ROUGE_BEST;
    r = precis_rouge_new(&o, NULL);
    T_EQ_INT(precis_rouge_score(r, "a b", refs, 2, &s), PRECIS_OK);
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 1);
    precis_rouge_free(r);
    /* jackknife over {a b, c d, a c} (hits 2, 0, 1, counts 2 each):
       leave out 1: 1/4, out 2: 3/4, out 3: 2/4; mean R = 0.5 */
    o.multi = PRECIS_ROUGE_AVERAGE;
    o.jackknife = 1;
    r = precis_rouge_new(&o, NULL);
    T_EQ_INT(precis_rouge_score(r, "a b", refs, 3, &s), PRECIS_OK);
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 0.5);
    precis_rouge_free(r);
}

static void test_stopwords(void)
{
    precis_rouge_options o = opts();
    o.stem = 0;
    precis_rouge_scores s = score(&o, "the cat", "a cat");
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 0.5);
    o.stopwords = 1; /* "the" and "a" are SMART stopwords */
    s = score(&o, "the cat", "a cat");
    T_NEAR(s.m[PRECIS_ROUGE_1].r, 1);
}

static void test_errors_and_names(void)
{
    precis_rouge_options o = opts();
    precis_rouge *r = precis_rouge_new(&o, NULL);
    precis_rouge_scores s;
    const char *ref = "a";
    T_EQ_INT(precis_rouge_score(r, "ok \xff", &ref, 1, &s), PRECIS_EUTF8);
    T_CHECK(strstr(precis_rouge_error(r), "byte 3") != NULL);
    T_EQ_INT(precis_rouge_score(r, "a", &ref, 0, &s), PRECIS_EINVAL);
    T_EQ_STR(precis_rouge_measure_name(r, PRECIS_ROUGE_S), "ROUGE-SU4");
    T_EQ_STR(precis_rouge_measure_name(r, PRECIS_ROUGE_W), "ROUGE-W-1.2");
    T_CHECK(precis_rouge_measure_on(r, PRECIS_ROUGE_4));
    precis_rouge_free(r);
    precis_rouge_free(NULL);
    o.max_n = 5;
    precis_status st = PRECIS_OK;
    T_CHECK(precis_rouge_new(&o, &st) == NULL);
    T_EQ_INT(st, PRECIS_EINVAL);
}

static void test_average_bootstrap(void)
{
    precis_rouge_scores sc[2];
    memset(sc, 0, sizeof sc);
    sc[0].m[0].f = 0.2;
    sc[1].m[0].f = 0.4;
    precis_rouge_scores avg, mean, lo, hi;
    precis_rouge_average(sc, 2, &avg);
    T_NEAR(avg.m[0].f, 0.3);
    /* one summary: every resample is that summary */
    T_EQ_INT(precis_rouge_bootstrap(sc, 1, 100, 95, &mean, &lo, &hi), PRECIS_OK);
    T_NEAR(mean.m[0].f, 0.2);
    T_NEAR(lo.m[0].f, 0.2);
    T_NEAR(hi.m[0].f, 0.2);
    /* two: resample means are 0.2, 0.3 or 0.4; deterministic */
    T_EQ_INT(precis_rouge_bootstrap(sc, 2, 1000, 95, &mean, &lo, &hi), PRECIS_OK);
    T_NEAR(lo.m[0].f, 0.2);
    T_NEAR(hi.m[0].f, 0.4);
    T_CHECK(mean.m[0].f > 0.27 && mean.m[0].f < 0.33);
    precis_rouge_scores mean2;
    precis_rouge_bootstrap(sc, 2, 1000, 95, &mean2, NULL, NULL);
    T_NEAR(mean2.m[0].f, mean.m[0].f);
    T_EQ_INT(precis_rouge_bootstrap(sc, 0, 10, 95, &mean, NULL, NULL), PRECIS_EINVAL);
}

int main(void)
{
    T_RUN(test_ngrams);
    T_RUN(test_tokens);
    T_RUN(test_stemming);
    T_RUN(test_porter_variant);
    T_RUN(test_skip_bigrams);
    T_RUN(test_lcs);
    T_RUN(test_limits);
    T_RUN(test_multi_refs);
    T_RUN(test_stopwords);
    T_RUN(test_errors_and_names);
    T_RUN(test_average_bootstrap);
    return t_finish();
}
