/* test_facts.c -- the fact finder (src/facts.c) through the public API:
   numbers with what they count, dates, names with spelling variants
   merged, and conflicting numbers, on the example cluster, the seed
   cluster (skipped when ../shared/data is absent) and synthetic texts,
   including hostile ones. */
#include "precis.h"
#include "t.h"
#include "t_load.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static precis_analysis *analyze(const precis_cluster *c)
{
    precis_summarizer *s = precis_summarizer_new(NULL, NULL);
    precis_analysis *an = NULL;
    T_EQ_INT(precis_analyze(s, c, &an), PRECIS_OK);
    precis_summarizer_free(s);
    return an;
}

static const precis_fact *find(const precis_fact *f, size_t n, precis_fact_kind kind,
                               const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (f[i].kind == kind && !strcmp(f[i].key, key))
            return &f[i];
    return NULL;
}

static const precis_fact *find_num(const precis_fact *f, size_t n, const char *key, double v)
{
    for (size_t i = 0; i < n; i++)
        if (f[i].kind == PRECIS_FACT_NUMBER && !strcmp(f[i].key, key) && f[i].value == v)
            return &f[i];
    return NULL;
}

static int states(const precis_fact *f, size_t art)
{
    for (size_t i = 0; i < f->n_articles; i++)
        if (f->articles[i] == art)
            return 1;
    return 0;
}

static int has_variant(const precis_fact *f, const char *v)
{
    if (!strcmp(f->key, v))
        return 1;
    for (size_t i = 0; i < f->n_variants; i++)
        if (!strcmp(f->variants[i], v))
            return 1;
    return 0;
}

/* Invariants every result must keep. */
static void check_invariants(const precis_cluster *c, const precis_analysis *an)
{
    const precis_fact *f;
    size_t n = precis_analysis_facts(an, &f);
    for (size_t i = 0; i < n; i++) {
        T_CHECK(f[i].text && f[i].key);
        T_CHECK(f[i].n_articles >= 1 && f[i].articles[0] == f[i].article);
        for (size_t k = 1; k < f[i].n_articles; k++)
            T_CHECK(f[i].articles[k] > f[i].articles[k - 1]);
        size_t len;
        precis_cluster_article_text(c, f[i].article, &len);
        T_CHECK(f[i].start < f[i].end && f[i].end <= len);
        if (i)
            T_CHECK(f[i].kind >= f[i - 1].kind);
        if (f[i].kind != PRECIS_FACT_NUMBER)
            T_CHECK(f[i].value == 0 && !f[i].unit);
    }
    const precis_conflict *cf;
    size_t nc = precis_analysis_conflicts(an, &cf);
    for (size_t i = 0; i < nc; i++) {
        T_CHECK(cf[i].a < cf[i].b && cf[i].b < n);
        if (cf[i].b >= n)
            continue;
        const precis_fact *a = &f[cf[i].a], *b = &f[cf[i].b];
        /* two numbers or two dates; equal values never conflict */
        T_CHECK(a->kind == b->kind &&
                (a->kind == PRECIS_FACT_NUMBER || a->kind == PRECIS_FACT_DATE));
        T_CHECK(a->kind == PRECIS_FACT_NUMBER ? a->value != b->value : strcmp(a->key, b->key) != 0);
        T_CHECK((!a->unit && !b->unit) || (a->unit && b->unit && !strcmp(a->unit, b->unit)));
    }
}

static void test_example(void)
{
    precis_cluster *c = t_load_jsonl(PRECIS_TEST_DIR "/../examples/cluster.jsonl");
    T_CHECK(c != NULL);
    if (!c)
        return;
    T_EQ_INT(precis_cluster_size(c), 5);
    precis_analysis *an = analyze(c);
    if (!an) {
        precis_cluster_free(c);
        return;
    }
    check_invariants(c, an);
    const precis_fact *f;
    size_t n = precis_analysis_facts(an, &f);

    /* 1,200 residents: stated by exactly the articles whose text has it */
    const precis_fact *r1200 = find_num(f, n, "residents", 1200);
    T_CHECK(r1200 != NULL);
    if (r1200) {
        T_EQ_STR(r1200->text, "1,200 residents");
        T_CHECK(!r1200->unit);
        size_t want = 0;
        for (size_t a = 0; a < precis_cluster_size(c); a++) {
            const char *t = precis_cluster_article_text(c, a, NULL);
            int has = strstr(t, "1,200 residents") != NULL;
            want += has;
            T_EQ_INT(states(r1200, a), has);
        }
        T_EQ_INT(r1200->n_articles, want);
    }
    /* money, measurement, decimal */
    const precis_fact *usd = find_num(f, n, "$", 1200000);
    T_CHECK(usd != NULL);
    if (usd) {
        T_EQ_STR(usd->unit, "$");
        T_EQ_STR(usd->text, "$1.2 million");
        T_CHECK(states(usd, 0) && states(usd, 1) && states(usd, 4));
    }
    const precis_fact *m68 = find_num(f, n, "meters", 6.8);
    T_CHECK(m68 && m68->unit && !strcmp(m68->unit, "meters"));
    if (m68)
        T_EQ_INT(m68->n_articles, 4);
    T_CHECK(find_num(f, n, "millimeters", 212.5) != NULL);
    T_CHECK(find_num(f, n, "meters", 6.5) != NULL);
    /* not quantities: times, ages, years, "63-year-old" */
    for (size_t i = 0; i < n; i++)
        if (f[i].kind == PRECIS_FACT_NUMBER) {
            T_CHECK(f[i].value != 63 && f[i].value != 1987 && f[i].value != 2009);
            T_CHECK(!strstr(f[i].text, "p.m."));
        }

    /* the planted conflict: 41 (01, 02) vs 44 (03, 04) care-home residents */
    const precis_fact *r41 = find_num(f, n, "residents", 41);
    const precis_fact *r44 = find_num(f, n, "residents", 44);
    T_CHECK(r41 && r44);
    const precis_conflict *cf;
    size_t nc = precis_analysis_conflicts(an, &cf);
    T_EQ_INT(nc, 1); /* and nothing else: 6.8 vs 6.5 m, 40 vs 212.5 mm are not */
    if (r41 && r44) {
        T_CHECK(r41->n_articles == 2 && states(r41, 0) && states(r41, 1));
        T_CHECK(r44->n_articles == 2 && states(r44, 2) && states(r44, 3));
        size_t i41 = (size_t)(r41 - f), i44 = (size_t)(r44 - f);
        int found = 0;
        for (size_t i = 0; i < nc; i++)
            found |= (cf[i].a == (i41 < i44 ? i41 : i44) && cf[i].b == (i41 < i44 ? i44 : i41));
        T_CHECK(found);
    }

    /* names: variants merged into one PERSON */
    const precis_fact *pet = NULL;
    size_t npet = 0;
    for (size_t i = 0; i < n; i++)
        if (strstr(f[i].key, "Petrosyan")) {
            pet = &f[i];
            npet++;
        }
    T_EQ_INT(npet, 1);
    if (pet) {
        T_EQ_INT(pet->kind, PRECIS_FACT_PERSON);
        T_CHECK(has_variant(pet, "Aleksandr Petrosyan"));
        T_CHECK(has_variant(pet, "Alexander Petrosyan"));
        T_EQ_INT(pet->n_articles, 5); /* "Dr. Petrosyan" in 05 */
    }
    const precis_fact *gov = find(f, n, PRECIS_FACT_PERSON, "Miriam Okafor-Hale");
    T_CHECK(gov != NULL);
    if (gov)
        T_CHECK(states(gov, 4)); /* bare "Okafor-Hale" merged */
    T_CHECK(find(f, n, PRECIS_FACT_PERSON, "Ines Calder") != NULL);
    T_CHECK(find(f, n, PRECIS_FACT_ORG, "Eastmarch Water Authority") != NULL);
    T_CHECK(find(f, n, PRECIS_FACT_ORG, "U.N.") != NULL);
    T_CHECK(find(f, n, PRECIS_FACT_PLACE, "Larrow River") != NULL);
    /* titles are stripped; sentence-initial words are not names */
    for (size_t i = 0; i < n; i++) {
        T_CHECK(strncmp(f[i].key, "Gov.", 4) && strncmp(f[i].key, "Dr.", 3));
        T_CHECK(strcmp(f[i].key, "The") && strcmp(f[i].key, "Emergency") &&
                strcmp(f[i].key, "Police"));
    }

    /* dates */
    const precis_fact *sat = find(f, n, PRECIS_FACT_DATE, "saturday");
    T_CHECK(sat && sat->n_articles == 5);
    const precis_fact *jan = find(f, n, PRECIS_FACT_DATE, "01-01");
    T_CHECK(jan && !strcmp(jan->text, "Jan. 1"));
    T_CHECK(find(f, n, PRECIS_FACT_DATE, "1987") != NULL);

    precis_analysis_free(an);
    precis_cluster_free(c);
}

static void test_seed(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/seed-cluster", PRECIS_SHARED_DATA);
    precis_cluster *c = t_load_dir(dir);
    if (!c) {
        printf("seed checks skipped: %s not found\n", dir);
        return;
    }
    precis_analysis *an = analyze(c);
    if (an) {
        check_invariants(c, an);
        const precis_fact *f;
        size_t n = precis_analysis_facts(an, &f);
        const precis_fact *lav = NULL;
        size_t nlav = 0;
        for (size_t i = 0; i < n; i++)
            if (strstr(f[i].key, "Lavrov")) {
                lav = &f[i];
                nlav++;
            }
        T_EQ_INT(nlav, 1);
        if (lav) {
            T_EQ_INT(lav->kind, PRECIS_FACT_PERSON);
            T_CHECK(has_variant(lav, "Sergey Lavrov") && has_variant(lav, "Sergei Lavrov"));
            T_CHECK(lav->n_articles >= 4);
        }
        /* "35 U.S. diplomats", "35 Russian diplomats", "35 diplomats": one fact */
        const precis_fact *dip = find_num(f, n, "diplomats", 35);
        T_CHECK(dip && dip->n_articles >= 3);
        const precis_fact *fac = find_num(f, n, "facilities", 2);
        T_CHECK(fac && fac->n_articles >= 2);
        T_CHECK(find_num(f, n, "employees", 31) != NULL);
        T_CHECK(find_num(f, n, "russians", 96) != NULL);
        T_CHECK(find_num(f, n, "hackers", 2) != NULL);
        T_CHECK(find_num(f, n, "companies", 3) != NULL);
        const precis_fact *pu = find(f, n, PRECIS_FACT_PERSON, "Vladimir Putin");
        T_CHECK(pu && pu->n_articles == 5);
        T_CHECK(find(f, n, PRECIS_FACT_ORG, "CIA") != NULL);
        T_CHECK(find(f, n, PRECIS_FACT_DATE, "friday") != NULL);
        const precis_conflict *cf;
        T_EQ_INT(precis_analysis_conflicts(an, &cf), 0);
        precis_analysis_free(an);
    }
    precis_cluster_free(c);
}

/* Analyzes texts as one cluster in language lang (Snowball name). */
static precis_analysis *analyze_lang(precis_cluster **cp, const char *lang,
                                     const char *const *texts, size_t n)
{
    precis_cluster *c = precis_cluster_new();
    for (size_t i = 0; i < n; i++) {
        precis_article a = {.text = texts[i], .text_len = strlen(texts[i])};
        T_EQ_INT(precis_cluster_add(c, &a), PRECIS_OK);
    }
    *cp = c;
    precis_options o;
    precis_options_init(&o);
    o.lang = lang;
    precis_summarizer *s = precis_summarizer_new(&o, NULL);
    precis_analysis *an = NULL;
    T_EQ_INT(precis_analyze(s, c, &an), PRECIS_OK);
    precis_summarizer_free(s);
    if (an)
        check_invariants(c, an);
    return an;
}

/* Analyzes the given texts as one English cluster. */
static precis_analysis *analyze_texts(precis_cluster **cp, const char *const *texts, size_t n)
{
    return analyze_lang(cp, NULL, texts, n);
}

static void test_synthetic(void)
{
    static const char *const texts[] = {
        "Officials said thirty-five people were hurt and a dozen homes were destroyed. "
        "The company paid 1.5 billion dollars for the site, about 5 percent of its value. "
        "Prices rose 7 per cent in the region. "
        "The meeting was held on December 30, 2016 in the capital. "
        "A second meeting is set for 2016-12-31 at 2 p.m. in the same hall. "
        "Another was on 30 November and drew two hundred delegates. "
        "A 63-year-old man and 12 COVID-19 patients were moved at 09:10. "
        "The total reached $4",
        "Nobody knew the price, which was 5%",
        "The number at the end is 12 meters",
        "$ % 3, 1,2 1.2.3 $5bn 18km 1st 10-12 24/7 1e5 0.5 .5 5. ,5",
    };
    precis_cluster *c;
    precis_analysis *an = analyze_texts(&c, texts, sizeof texts / sizeof texts[0]);
    if (an) {
        const precis_fact *f;
        size_t n = precis_analysis_facts(an, &f);
        T_CHECK(find_num(f, n, "people", 35) != NULL);
        T_CHECK(find_num(f, n, "homes", 12) != NULL);
        const precis_fact *usd = find_num(f, n, "$", 1.5e9);
        T_CHECK(usd && !strcmp(usd->unit, "$"));
        T_CHECK(find_num(f, n, "%", 5) != NULL && find_num(f, n, "%", 7) != NULL);
        const precis_fact *p5 = find_num(f, n, "%", 5);
        T_CHECK(p5 && states(p5, 0) && states(p5, 1)); /* "5 percent" and "5%" */
        T_CHECK(find_num(f, n, "delegates", 200) != NULL);
        T_CHECK(find_num(f, n, "$", 4) != NULL);      /* at the very end */
        T_CHECK(find_num(f, n, "meters", 12) != NULL); /* at the very end */
        T_CHECK(find_num(f, n, "$", 5e9) != NULL);
        T_CHECK(find_num(f, n, "kilometers", 18) != NULL);
        T_CHECK(find(f, n, PRECIS_FACT_DATE, "2016-12-30") != NULL);
        T_CHECK(find(f, n, PRECIS_FACT_DATE, "2016-12-31") != NULL);
        T_CHECK(find(f, n, PRECIS_FACT_DATE, "11-30") != NULL);
        for (size_t i = 0; i < n; i++)
            if (f[i].kind == PRECIS_FACT_NUMBER)
                T_CHECK(f[i].value != 63 && f[i].value != 2 && f[i].value != 9 &&
                        f[i].value != 19 && f[i].value != 1 && f[i].value != 10);
        precis_analysis_free(an);
    }
    precis_cluster_free(c);
}


/* The number, name and conflict rules, on sentences modelled on real
   news patterns. */
static void test_rules(void)
{
    static const char *const texts[] = {
        ("Forty three witnesses testified in the trial in Ohio. The airline grounded its "
         "Boeing 777 fleet and canceled 12 flights. Officials said 239 passengers were on board. "
         "The plane flew over the Larrow River near Dayton."),
        ("Officials said 227 passengers were on board the plane that flew over the river. "
         "The airline canceled 12 flights. The search covered 1,100 km (700 miles) of sea."),
        "The fund spent $716 billion on the program, officials said on Monday.",
        "The fund spent $700 billion on the program, officials said on Tuesday.",
    };
    precis_cluster *c;
    precis_analysis *an = analyze_texts(&c, texts, sizeof texts / sizeof texts[0]);
    if (!an) {
        precis_cluster_free(c);
        return;
    }
    const precis_fact *f;
    size_t n = precis_analysis_facts(an, &f);
    T_CHECK(find_num(f, n, "witnesses", 43) != NULL);   /* "Forty three" */
    T_CHECK(find_num(f, n, "flights", 12) != NULL);
    for (size_t i = 0; i < n; i++) /* "Boeing 777" counts nothing */
        T_CHECK(!(f[i].kind == PRECIS_FACT_NUMBER && f[i].value == 777));
    T_CHECK(find_num(f, n, "kilometers", 1100) != NULL && find_num(f, n, "miles", 700) != NULL);
    T_CHECK(find(f, n, PRECIS_FACT_PLACE, "Ohio") != NULL);
    T_CHECK(find(f, n, PRECIS_FACT_PLACE, "Larrow River") != NULL);
    /* every mention listed, the first one first */
    const precis_fact *fl = find_num(f, n, "flights", 12);
    T_CHECK(fl && fl->n_mentions == 2 && fl->mentions[0].article == fl->article &&
            fl->mentions[0].start == fl->start);
    /* 239 vs 227 passengers is a conflict, with both sentences; 1,100 km
       and 700 miles are one distance in two units; $700 billion is $716
       billion rounded */
    const precis_conflict *k;
    size_t nk = precis_analysis_conflicts(an, &k);
    T_EQ_INT(nk, 1);
    if (nk == 1) {
        const precis_fact *a = &f[k[0].a], *b = &f[k[0].b];
        T_CHECK(!strcmp(a->key, "passengers") && !strcmp(b->key, "passengers"));
        size_t len;
        const char *t = precis_cluster_article_text(c, k[0].a_sentence.article, &len);
        T_CHECK(k[0].a_sentence.end <= len && k[0].a_sentence.start < k[0].a_sentence.end);
        T_CHECK(k[0].a_sentence.article != k[0].b_sentence.article);
        /* the sentence holds the figure */
        T_CHECK(k[0].a_sentence.start <= a->mentions[0].start ||
                k[0].a_sentence.article != a->mentions[0].article);
        T_CHECK(t && memchr(t + k[0].a_sentence.start, '2',
                            k[0].a_sentence.end - k[0].a_sentence.start) != NULL);
    }
    precis_analysis_free(an);
    precis_cluster_free(c);
}

/* The conflicts of a cluster of two texts: their count, and the text of
   the first conflict's two facts in fa / fb (empty when none). */
static size_t conflicts2(const char *ta, const char *tb, char *fa, char *fb, size_t cap)
{
    const char *texts[] = {ta, tb};
    precis_cluster *c;
    fa[0] = fb[0] = '\0';
    precis_analysis *an = analyze_texts(&c, texts, 2);
    if (!an) {
        precis_cluster_free(c);
        return 0;
    }
    const precis_fact *f;
    precis_analysis_facts(an, &f);
    const precis_conflict *k;
    size_t nk = precis_analysis_conflicts(an, &k);
    if (nk) {
        snprintf(fa, cap, "%s", f[k[0].a].text);
        snprintf(fb, cap, "%s", f[k[0].b].text);
        /* the sentences shown are the ones compared: each holds its fact */
        size_t la, lb;
        const char *xa = precis_cluster_article_text(c, k[0].a_sentence.article, &la);
        const char *xb = precis_cluster_article_text(c, k[0].b_sentence.article, &lb);
        T_CHECK(k[0].a_sentence.end <= la && k[0].b_sentence.end <= lb);
        T_CHECK(k[0].a_sentence.article != k[0].b_sentence.article);
        if (k[0].a_sentence.end <= la && k[0].b_sentence.end <= lb) {
            char sa[512], sb[512];
            snprintf(sa, sizeof sa, "%.*s", (int)(k[0].a_sentence.end - k[0].a_sentence.start),
                     xa + k[0].a_sentence.start);
            snprintf(sb, sizeof sb, "%.*s", (int)(k[0].b_sentence.end - k[0].b_sentence.start),
                     xb + k[0].b_sentence.start);
            T_CHECK(strstr(sa, fa) != NULL);
            T_CHECK(strstr(sb, fb) != NULL);
        }
    }
    precis_analysis_free(an);
    precis_cluster_free(c);
    return nk;
}

/* Conflicts only between one quantity of one thing in one frame; each
   case has a control that differs only by what the rule looks at. */
static void test_conflict_frames(void)
{
    char a[256], b[256];
    /* two deals in different years are not one price told two ways */
    T_EQ_INT(conflicts2("The club sold the stadium for 171.6 million pounds in 2007, the "
                        "owners said.",
                        "The club sold the stadium for 179.7 million pounds in 2013, the "
                        "owners said.", a, b, sizeof a), 0);
    T_EQ_INT(conflicts2("The club sold the stadium for 171.6 million pounds in 2007, the "
                        "owners said.",
                        "The club sold the stadium for 179.7 million pounds in 2007, the "
                        "owners said.", a, b, sizeof a), 1);
    /* a part and its whole: "three out of the four" */
    T_EQ_INT(conflicts2("Rescuers found three out of the four climbers alive on the mountain.",
                        "Rescuers found five climbers alive on the mountain.", a, b, sizeof a), 0);
    T_EQ_INT(conflicts2("Rescuers found four climbers alive on the mountain.",
                        "Rescuers found five climbers alive on the mountain.", a, b, sizeof a), 1);
    /* one distance in two units: "1,100 km (700 miles)" */
    T_EQ_INT(conflicts2("The search area covers 1,100 km (700 miles) of the southern ocean.",
                        "The search area covers 1,000 miles of the southern ocean.", a, b,
                        sizeof a), 0);
    T_EQ_INT(conflicts2("The search area covers 700 miles of the southern ocean.",
                        "The search area covers 1,000 miles of the southern ocean.", a, b,
                        sizeof a), 1);
    /* two ceilings of one count disagree; a ceiling and a lower figure do not */
    T_EQ_INT(conflicts2("The sex discrimination lawsuit covers as many as 1.5 million women.",
                        "The sex discrimination lawsuit covers up to 1.6 million women.", a, b,
                        sizeof a), 1);
    T_EQ_INT(conflicts2("The sex discrimination lawsuit covers 1.5 million women.",
                        "The sex discrimination lawsuit covers up to 1.6 million women.", a, b,
                        sizeof a), 0);
    /* a number in a list is compared on its own part of the list */
    T_EQ_INT(conflicts2("Expenses included $2,306.08 at Walt Disney World and $5,687.75 on "
                        "Martha's Vineyard Holistic Retreat.",
                        "They spent $466.30 on a dinner at CityZen and $5,587.75 on a vacation "
                        "at the Martha's Vineyard Holistic Retreat.", a, b, sizeof a), 1);
    T_CHECK(!strcmp(a, "$5,687.75") || !strcmp(b, "$5,687.75"));
    /* the ends of one tenure */
    T_EQ_INT(conflicts2("He is the first black senator since Edward Brooke, who served from 1967 "
                        "to 1979.",
                        "He is the first black senator since Edward Brooke, who held the seat "
                        "from 1966 to 1977.", a, b, sizeof a), 2);
    T_EQ_INT(conflicts2("He is the first black senator since Edward Brooke, who served from 1967 "
                        "to 1979.",
                        "Edward Brooke, the first black senator elected by popular vote, was "
                        "born in 1919 and died in 2015.", a, b, sizeof a), 0);
    /* the weekday of one event (a verb right next to it), not of two */
    T_EQ_INT(conflicts2("A Republican staffer on Friday apologized for a Facebook post that "
                        "criticized the daughters.",
                        "The communications director had to apologize Saturday for a Facebook "
                        "post critical of the daughters.", a, b, sizeof a), 1);
    T_CHECK(!strcmp(a, "Friday") || !strcmp(b, "Friday"));
    T_EQ_INT(conflicts2("A Republican aide resigned Monday after her Facebook post criticized "
                        "the daughters.",
                        "The communications director had to apologize Saturday for a Facebook "
                        "post critical of the daughters.", a, b, sizeof a), 0);
}

/* The examples and their neighbours, in text written for the test:
   what a number counts and where it is decide whether two figures are one
   quantity. */
static void test_conflict_quantities(void)
{
    char a[256], b[256];
    /* 239 vs 227 passengers is one; "239 passengers and crew" counts the
       crew too ("227 passengers and 12 crew members" joins two counts) */
    T_EQ_INT(conflicts2("Officials said 239 passengers were on board the missing plane.",
                        "Officials said 227 passengers and 12 crew members were on board the "
                        "missing plane.", a, b, sizeof a), 1);
    T_CHECK(!strcmp(a, "239 passengers") || !strcmp(b, "239 passengers"));
    T_EQ_INT(conflicts2("The blast injured three gardeners and shattered windows at the school.",
                        "The blast injured two gardeners at the school, the police said.", a, b,
                        sizeof a), 1);
    T_EQ_INT(conflicts2("Officials said 239 passengers and crew were on board the missing plane.",
                        "Officials said 227 passengers and 12 crew members were on board the "
                        "missing plane.", a, b, sizeof a), 0);
    /* two search areas, one west and one northeast of the city, are two
       places; one direction, one distance */
    T_EQ_INT(conflicts2("Ships searched an area 1,000 miles west of Perth on Friday.",
                        "Ships searched an area 700 miles northeast of Perth on Friday.", a, b,
                        sizeof a), 0);
    T_EQ_INT(conflicts2("Ships searched an area 1,000 miles west of Perth on Friday.",
                        "Ships searched an area 700 miles west of Perth on Friday.", a, b,
                        sizeof a), 1);
    /* one base, two distances from one city in neighbouring directions */
    T_EQ_INT(conflicts2("The remote desert base lies 90 miles north of Las Vegas.",
                        "The remote desert base lies 125 miles northwest of Las Vegas.", a, b,
                        sizeof a), 1);
    T_EQ_INT(conflicts2("The remote desert base lies 90 miles north of Las Vegas.",
                        "The remote desert base lies 125 miles north of Reno.", a, b, sizeof a),
             0);
    T_EQ_INT(conflicts2("The search moved 1,100 km (700 miles) to the northeast of the old area.",
                        "The search area lies 1,000 miles southwest of Perth, officials said.", a,
                        b, sizeof a), 0);
    /* "£171.6m in 2007" and "£179.7m in 2013": two deals */
    T_EQ_INT(conflicts2("The club sold the naming rights for \xc2\xa3" "171.6m in 2007, the owners "
                        "said.",
                        "The club sold the naming rights for \xc2\xa3" "179.7m in 2013, the owners "
                        "said.", a, b, sizeof a), 0);
    T_EQ_INT(conflicts2("The club sold the naming rights for \xc2\xa3" "171.6m in 2007, the owners "
                        "said.",
                        "The club sold the naming rights for \xc2\xa3" "179.7m in 2007, the owners "
                        "said.", a, b, sizeof a), 1);
    /* a duration names no counted thing: it needs as much context in
       common as money; a compound ("three years and 10 months") is one
       quantity in two units */
    T_EQ_INT(conflicts2("The humidifier on his ventilator was switched off for 18 hours.",
                        "The humidifier on his ventilator was switched off for 19 hours.", a, b,
                        sizeof a), 1);
    T_EQ_INT(conflicts2("The priest reflects on 25 years with the friars of the order.",
                        "For the past 38 years, the priest has counseled friars at the retreat.",
                        a, b, sizeof a), 0);
    T_EQ_INT(conflicts2("The robber was sentenced in federal court to three years and 10 months in "
                        "prison.",
                        "The robber was sentenced in federal court to four years in prison.", a,
                        b, sizeof a), 0);
    T_EQ_INT(conflicts2("The robber was sentenced in federal court to three years in prison.",
                        "The robber was sentenced in federal court to four years in prison.", a,
                        b, sizeof a), 1);
    /* a figure inside a range agrees with it */
    T_EQ_INT(conflicts2("A DNA test showed the police sergeant is 18 percent African.",
                        "A DNA test showed the police sergeant is 18 to 33 percent African.", a, b,
                        sizeof a), 0);
    T_EQ_INT(conflicts2("A DNA test showed the police sergeant is 18 percent African.",
                        "A DNA test showed the police sergeant is 33 percent African.", a, b,
                        sizeof a), 1);
    /* a count in words against one in digits; "more than 20" agrees with 30 */
    T_EQ_INT(conflicts2("The president will sign nineteen executive actions on gun violence.",
                        "The president unveiled 23 executive actions on gun violence.", a, b,
                        sizeof a), 1);
    T_CHECK(!strcmp(a, "nineteen executive actions") || !strcmp(b, "nineteen executive actions"));
    T_EQ_INT(conflicts2("More than 20 people were killed in the attack on the market, police said.",
                        "Thirty people were killed in the attack on the market, police said.", a,
                        b, sizeof a), 0);
    T_EQ_INT(conflicts2("Twenty people were killed in the attack on the market, police said.",
                        "Thirty people were killed in the attack on the market, police said.", a,
                        b, sizeof a), 1);
    /* the pack's qualifiers (qualifiers.txt): the longest phrase before
       the number, "at least", "up to", "as many as", an abbreviation */
    static const char *const floor_or_ceiling[] = {
        "At least 20 people were killed in the attack on the market, police said.",
        "Up to 40 people were killed in the attack on the market, police said.",
        "As many as 40 people were killed in the attack on the market, police said.",
        "Approx. 28 people were killed in the attack on the market, police said.",
    };
    for (size_t i = 0; i < sizeof floor_or_ceiling / sizeof floor_or_ceiling[0]; i++)
        T_EQ_INT(conflicts2(floor_or_ceiling[i],
                            "Thirty people were killed in the attack on the market, police "
                            "said.", a, b, sizeof a), 0);
    T_EQ_INT(conflicts2("At most 20 people were killed in the attack on the market, police said.",
                        "Thirty people were killed in the attack on the market, police said.", a,
                        b, sizeof a), 1);
    /* "two dozen" is 24 (a factor, multipliers.txt) and agrees with 24 */
    T_EQ_INT(conflicts2("Two dozen protesters gathered in a circle outside the justice center.",
                        "Police said 24 protesters gathered outside the justice center.", a, b,
                        sizeof a), 0);
    T_EQ_INT(conflicts2("Two dozen protesters gathered in a circle outside the justice center.",
                        "Police said 30 protesters gathered outside the justice center.", a, b,
                        sizeof a), 1);
}

/* The kind of the name fact whose key or a variant is v; -1 when none. */
static int name_kind(const precis_fact *f, size_t n, const char *v)
{
    for (size_t i = 0; i < n; i++)
        if (f[i].kind != PRECIS_FACT_NUMBER && f[i].kind != PRECIS_FACT_DATE &&
            has_variant(&f[i], v))
            return (int)f[i].kind;
    return -1;
}

/* Names: their kind from evidence in the text and across the cluster,
   sentence openers that are no names, lower-case words inside a name,
   and spellings of one person merged. */
static void test_names(void)
{
    static const char *const texts[] = {
        ("Presently Australia is leading the search for the missing plane, officials in Perth "
         "said on Monday after a long night of work at sea. Joining Malaysia in the search are "
         "ships from China and the United States, the navy said in a statement on Tuesday."),
        ("Prime Minister Datuk Seri Najib Razak said the plane ended its flight in the southern "
         "Indian Ocean, far from any landing site. Najib Razak told reporters that the families "
         "had been told. Najib said the search would go on for as long as it took."),
        ("The attackers struck outside the Stade de France during a match, while the band "
         "Eagles of Death Metal played at a hall nearby. The U.S. Justice Department said it "
         "would help. The police of Ferguson, Mo., said the march was calm and a team from "
         "YouTube filmed it. The Obama administration sent Barack Obama's envoy, and "
         "Jack Trammell spoke to a crowd in Ferguson about the Controlled Substances Act. "
         "The ferry left St. Petersburg at dawn, and Saint Petersburg port officials said it "
         "was on time."),
    };
    precis_cluster *c;
    precis_analysis *an = analyze_texts(&c, texts, sizeof texts / sizeof texts[0]);
    if (!an) {
        precis_cluster_free(c);
        return;
    }
    const precis_fact *f;
    size_t n = precis_analysis_facts(an, &f);
    T_EQ_INT(name_kind(f, n, "Presently Australia"), -1);
    T_EQ_INT(name_kind(f, n, "Presently"), -1);
    T_EQ_INT(name_kind(f, n, "Joining Malaysia"), -1);
    T_EQ_INT(name_kind(f, n, "Australia"), PRECIS_FACT_PLACE);
    T_EQ_INT(name_kind(f, n, "Malaysia"), PRECIS_FACT_PLACE);
    T_CHECK(name_kind(f, n, "Stade de France") >= 0);
    T_CHECK(name_kind(f, n, "Eagles of Death Metal") >= 0);
    T_EQ_INT(name_kind(f, n, "Death Metal"), -1);
    /* title and honorifics cut off, the bare given name merged */
    const precis_fact *nr = find(f, n, PRECIS_FACT_PERSON, "Najib Razak");
    T_CHECK(nr && has_variant(nr, "Najib"));
    T_EQ_INT(name_kind(f, n, "U.S. Justice Department"), PRECIS_FACT_ORG);
    T_EQ_INT(name_kind(f, n, "Department"), -1);
    T_EQ_INT(name_kind(f, n, "Ferguson"), PRECIS_FACT_PLACE); /* "in Ferguson", "Ferguson, Mo." */
    T_EQ_INT(name_kind(f, n, "YouTube"), PRECIS_FACT_ORG);    /* camel case */
    T_EQ_INT(name_kind(f, n, "Jack Trammell"), PRECIS_FACT_PERSON); /* a given name */
    /* "the Obama administration" is a mention of the person Barack Obama */
    const precis_fact *ob = find(f, n, PRECIS_FACT_PERSON, "Barack Obama");
    T_CHECK(ob && ob->n_mentions == 2);
    T_EQ_INT(name_kind(f, n, "Act"), -1);
    T_CHECK(name_kind(f, n, "Controlled Substances Act") >= 0);
    T_EQ_INT(name_kind(f, n, "United States"), PRECIS_FACT_PLACE);
    /* "St." and "Saint" (the pack's tag saint) spell one name */
    int one = 0;
    for (size_t i = 0; i < n; i++)
        one |= has_variant(&f[i], "St. Petersburg") && has_variant(&f[i], "Saint Petersburg");
    T_CHECK(one);
    precis_analysis_free(an);
    precis_cluster_free(c);
}

/* Spellings of one person with more or fewer words merge when the
   shorter's words stand for the longer's: an initial, the first letters,
   the pack's short form of a given name, a generational suffix after the
   surname; not father and son, not two genders, not a name two fuller
   ones could be. */
static void test_name_variants(void)
{
    static const char *const texts[] = {
        ("Senator Ronald S. Johnson of Wisconsin spoke first on Monday. William Kristol "
         "wrote about the vote in a long column. Attorney General Eric H. Holder Jr. said the "
         "department would act. Donald Trump Jr. met the lawyer at a hotel. John Smith and "
         "Jane Smith left the meeting early. Al Jazeera Dima Khatib wrote about the march."),
        ("Ron Johnson told reporters the measure would fail. Bill Kristol said the senator "
         "was right. Eric Holder agreed with him on the law. Donald Trump defended his son on "
         "the radio. J. Smith did not comment on the vote. Mrs. Obama visited a school in the "
         "city. Barack Obama was in Ohio that day. Dima Khatib said the march was calm."),
    };
    precis_cluster *c;
    precis_analysis *an = analyze_texts(&c, texts, sizeof texts / sizeof texts[0]);
    if (!an) {
        precis_cluster_free(c);
        return;
    }
    const precis_fact *f;
    size_t n = precis_analysis_facts(an, &f);
    /* each pair one fact, under either spelling */
    static const char *const same[][2] = {{"Ronald S. Johnson", "Ron Johnson"},
                                          {"William Kristol", "Bill Kristol"},
                                          {"Eric H. Holder Jr.", "Eric Holder"}};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        const precis_fact *p = find(f, n, PRECIS_FACT_PERSON, same[i][0]);
        if (!p)
            p = find(f, n, PRECIS_FACT_PERSON, same[i][1]);
        T_CHECK(p && has_variant(p, same[i][0]) && has_variant(p, same[i][1]));
    }
    /* father and son, John and Jane, Barack and Mrs. Obama: apart */
    const precis_fact *dj = find(f, n, PRECIS_FACT_PERSON, "Donald Trump Jr.");
    T_CHECK(dj && !has_variant(dj, "Donald Trump"));
    const precis_fact *js = find(f, n, PRECIS_FACT_PERSON, "John Smith");
    T_CHECK(js && !has_variant(js, "J. Smith") && !has_variant(js, "Jane Smith"));
    const precis_fact *bo = find(f, n, PRECIS_FACT_PERSON, "Barack Obama");
    T_CHECK(bo && !has_variant(bo, "Obama"));
    /* a fuller spelling must open with the shorter's first word (or an
       initial before it): "Al Jazeera Dima Khatib" is no spelling of her */
    const precis_fact *dk = find(f, n, PRECIS_FACT_PERSON, "Dima Khatib");
    T_CHECK(dk && !has_variant(dk, "Al Jazeera Dima Khatib"));
    precis_analysis_free(an);
    precis_cluster_free(c);
}

/* A short sentence full of names is no headline: a lower-case word a
   headline would capitalise ("was") shows it; a headline quoted in a
   long sentence still gives no names. */
static void test_short_sentences(void)
{
    static const char *const texts[] = {
        "Barack Obama was in Ohio on Monday. Kenny Ortega met Tito Jackson in London.",
        ("\"President Delays Gulf Coast Spill Recovery Efforts for San Francisco Fundraiser "
         "With Oil Heirs,\" read the headline of the release."),
    };
    precis_cluster *c;
    precis_analysis *an = analyze_texts(&c, texts, sizeof texts / sizeof texts[0]);
    if (!an) {
        precis_cluster_free(c);
        return;
    }
    const precis_fact *f;
    size_t n = precis_analysis_facts(an, &f);
    T_EQ_INT(name_kind(f, n, "Barack Obama"), PRECIS_FACT_PERSON);
    T_EQ_INT(name_kind(f, n, "Ohio"), PRECIS_FACT_PLACE);
    T_EQ_INT(name_kind(f, n, "Kenny Ortega"), PRECIS_FACT_PERSON);
    T_EQ_INT(name_kind(f, n, "London"), PRECIS_FACT_PLACE);
    T_EQ_INT(name_kind(f, n, "Oil Heirs"), -1);
    precis_analysis_free(an);
    precis_cluster_free(c);
}

/* Numbers as Spanish, French and Italian news write them: decimal comma,
   thousands by a period or a space, percent in words; French "mai".
   English keeps the decimal point and the thousands comma. */
static void test_numbers_lang(void)
{
    static const struct {
        const char *lang, *text;
        struct {
            const char *key;
            double v;
        } num[8];
        const char *date;
    } cases[] = {
        {"french",
         "Plus de 30\xc2\xa0" "000 manifestants ont défilé le 13 mai 2011 au Caire, mais 1.200 "
         "policiers étaient déployés. Le chômage a atteint 12,5 % et l'inflation 3,5 pour cent, "
         "selon le ministère; 1,3 milliard de dollars ont été promis. Plus de 1 100 personnes "
         "ont répondu. Le budget atteint 1 800 milliards d'euros.",
         {{"manifestants", 30000}, {"policiers", 1200}, {"%", 12.5}, {"%", 3.5}, {"$", 1.3e9},
          {"personnes", 1100}, {"\xe2\x82\xac", 1.8e12}},
         "2011-05-13"}, /* "mai", not "mais" */
        {"spanish",
         "Más de 1.200 manifestantes fueron detenidos el 25 de enero, y 12 000 civiles huyeron "
         "de la ciudad. El desempleo subió al 12,5 por ciento y la inflación al 3,5%, con 1,7 "
         "millones de barriles al día. La ayuda llegó a 3.000.000 personas, y 40,000 fans la "
         "siguieron; el sismo fue de magnitud 6,2 a las 12.30 horas.",
         {{"manifestantes", 1200}, {"civiles", 12000}, {"%", 12.5}, {"%", 3.5},
          {"barrels", 1.7e6}, {"personas", 3e6}, {"fans", 40000}},
         "01-25"},
        {"italian",
         "Almeno 1.500 persone sono state arrestate il 7 maggio, e 2,5 milioni di cittadini hanno "
         "votato. La disoccupazione è salita al 12,5 per cento, mentre 300 000 profughi hanno "
         "lasciato il paese.",
         {{"persone", 1500}, {"cittadini", 2.5e6}, {"%", 12.5}, {"profughi", 300000}},
         "05-07"},
        {"english", "The rate rose to 1.200 points, then 3,5 percent of 1,200 workers left in May.",
         {{"points", 1.2}, {"workers", 1200}},
         NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        precis_cluster *c;
        precis_analysis *an = analyze_lang(&c, cases[i].lang, &cases[i].text, 1);
        if (an) {
            const precis_fact *f;
            size_t n = precis_analysis_facts(an, &f);
            for (size_t q = 0; q < 8 && cases[i].num[q].key; q++)
                T_CHECK(find_num(f, n, cases[i].num[q].key, cases[i].num[q].v) != NULL);
            if (cases[i].date)
                T_CHECK(find(f, n, PRECIS_FACT_DATE, cases[i].date) != NULL);
            else
                T_CHECK(find_num(f, n, "%", 3.5) == NULL); /* "3,5" is no number in English */
            precis_analysis_free(an);
        }
        precis_cluster_free(c);
    }
}

/* Builds a text of n sentences "<pre><i or fixed><post>". */
static char *repeat(const char *pre, int with_index, const char *post, size_t n)
{
    size_t cap = n * (strlen(pre) + strlen(post) + 24) + 1, len = 0;
    char *s = malloc(cap);
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(s + len, cap - len, "%s%zu%s", pre, with_index ? i : 7, post);
    return s;
}

static void test_hostile(void)
{
    /* 10^5 numbers: distinct values of one key (a large conflict bucket),
       and one value repeated */
    char *a = repeat("Crews moved ", 1, " residents of the care home. ", 100000);
    char *b = repeat("Crews moved ", 0, " residents of the care home. ", 100000);
    const char *texts[] = {a, b};
    clock_t t0 = clock();
    precis_cluster *c;
    precis_analysis *an = analyze_texts(&c, texts, 2);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    printf("10^5 numbers: %.2f s\n", secs);
    T_CHECK(secs < 60);
    if (an) {
        const precis_fact *f;
        size_t n = precis_analysis_facts(an, &f);
        T_CHECK(n >= 100000);
        const precis_fact *seven = find_num(f, n, "residents", 7);
        T_CHECK(seven && seven->n_articles == 2);
        precis_analysis_free(an);
    }
    precis_cluster_free(c);
    free(a);
    free(b);

    /* one long capitalised "sentence", numbers glued to everything, every
       ASCII byte and some multi-byte punctuation */
    size_t n = 1 << 20;
    char *s = malloc(n + 1);
    unsigned seed = 12345;
    static const char *const pieces[] = {
        "Aa",   "Bb.",  "U.S.", "$",    "%",     "1,",   ",000", "1.",   ".5",   "Dr.",
        "St.",  "'s",   "\xe2\x80\x99s", "\xe2\x80\x9c", "\xe2\x80\x94", "-",  "-1",
        "Jan.", "30",   "2016", "one-", "thirty-", "dozen", "million", "said", " ",
        "\n",   "Ms.",  "of",   "Sergey", "Sergei", "\xc2\xa3", "\xe2\x82\xac", "9:",
        "\xd0\x9b\xd0\xb0\xd0\xb2", "x", "\t", "\"", "(", ")", "5%", "p.m."};
    size_t len = 0;
    while (len + 16 < n) {
        seed = seed * 1103515245u + 12345u;
        const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
        size_t k = strlen(p);
        memcpy(s + len, p, k);
        len += k;
        if ((seed >> 8) % 3 == 0)
            s[len++] = ' ';
        if ((seed >> 12) % 61 == 0) { /* an ASCII byte of any value but NUL */
            char ch = (char)(1 + (seed >> 20) % 127);
            s[len++] = ch;
        }
    }
    s[len] = '\0';
    const char *t2[] = {s};
    an = analyze_texts(&c, t2, 1);
    T_CHECK(an != NULL);
    precis_analysis_free(an);
    precis_cluster_free(c);
    free(s);
}

int main(void)
{
    T_RUN(test_example);
    T_RUN(test_seed);
    T_RUN(test_synthetic);
    T_RUN(test_rules);
    T_RUN(test_conflict_frames);
    T_RUN(test_conflict_quantities);
    T_RUN(test_names);
    T_RUN(test_name_variants);
    T_RUN(test_short_sentences);
    T_RUN(test_numbers_lang);
    T_RUN(test_hostile);
    return t_finish();
}
