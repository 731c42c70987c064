/*
 * test_stream.c -- stories from a stream: each case is a stream built to
 * hold it (a copy, an update, two similar events, a story that closes and
 * a new one on the same topic, mixed languages, bad records, a snapshot
 * round trip), checked through the public API.
 */
#include "precis.h"
#include "t.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Unrelated articles that give the term statistics a background. */
static const char *const filler[] = {
    "The city council approved a new budget for public parks on Tuesday, adding funds for "
    "playgrounds, trees and a swimming pool in the northern district.",
    "Shares of carmakers fell in Tokyo after the central bank raised interest rates for the "
    "first time in a decade, traders said.",
    "The national football team named a new coach after a disappointing tournament, the "
    "federation announced in a statement on its website.",
    "A heat wave across southern Europe pushed temperatures above 40 degrees, and officials "
    "warned farmers about the risk of wildfires.",
    "Scientists reported a new species of frog in the rainforest of Borneo, with bright "
    "orange legs and an unusual mating call.",
    "The museum reopened its modern art wing after a two-year renovation that cost 30 million "
    "dollars and added three galleries.",
    "Airline pilots in Canada voted to strike over pay and schedules, which could ground "
    "hundreds of flights next month.",
    "A new smartphone from the company sold out within hours, with buyers queuing overnight "
    "outside stores in Seoul and London.",
};

static const char quake_a[] =
    "A magnitude 7.1 earthquake struck southern Chile on Saturday, killing at least 12 people "
    "in the town of Temuco and damaging hundreds of homes, officials said. President Gabriel "
    "Boric flew to Temuco and declared a state of emergency in the Araucania region. Rescuers "
    "searched collapsed buildings through the night.";

/* the same wire text, lightly edited by a second outlet */
static const char quake_a_copy[] =
    "A magnitude 7.1 earthquake struck southern Chile on Saturday, killing at least 12 people "
    "in the town of Temuco and damaging hundreds of homes, officials said. President Gabriel "
    "Boric flew to Temuco on Sunday and declared a state of emergency in the Araucania region. "
    "Rescuers searched collapsed buildings through the night.";

/* an update: new facts, new wording, the same event */
static const char quake_a_update[] =
    "The death toll from Saturday's magnitude 7.1 earthquake in southern Chile rose to 19, as "
    "rescuers in Temuco pulled more bodies from the rubble. Boric said the Araucania region "
    "would receive emergency funds, and aftershocks kept families in tents around Temuco.";

/* a similar event a week later: another country, other names, other figures */
static const char quake_b[] =
    "A magnitude 6.2 earthquake shook the Indonesian island of Sulawesi on Friday, killing 34 "
    "people in Mamuju and injuring more than 600, the disaster agency said. President Joko "
    "Widodo ordered troops to Mamuju, where a hospital and the governor's office collapsed.";

static void add_filler(precis_stream *s)
{
    for (size_t i = 0; i < sizeof filler / sizeof *filler; i++) {
        char id[16];
        snprintf(id, sizeof id, "f%zu", i);
        precis_article a = {id, "wire", NULL, NULL, filler[i], strlen(filler[i])};
        T_EQ_INT(precis_stream_add(s, &a, "en", NULL), PRECIS_OK);
    }
}

static precis_status add(precis_stream *s, const char *id, const char *date, const char *text,
                         const char *lang, precis_assignment *as)
{
    precis_article a = {id, "test", date, NULL, text, strlen(text)};
    return precis_stream_add(s, &a, lang, as);
}

static void test_copy_update_similar(void)
{
    precis_stream *s = precis_stream_new(NULL);
    T_CHECK(s != NULL);
    add_filler(s);
    precis_assignment a, b, c, d;
    T_EQ_INT(add(s, "qa", NULL, quake_a, NULL, &a), PRECIS_OK);
    T_EQ_INT(a.new_story, 1);
    T_CHECK(a.copy_of == NULL);
    T_EQ_STR(a.lang, "english");
    T_EQ_STR(a.id, "qa");
    T_EQ_INT(add(s, "qa2", NULL, quake_a_copy, NULL, &b), PRECIS_OK);
    T_EQ_INT(b.story, a.story);
    T_EQ_INT(b.new_story, 0);
    T_EQ_STR(b.copy_of, "qa");
    T_CHECK(b.score >= 0.5);
    T_EQ_INT(add(s, "qa3", NULL, quake_a_update, NULL, &c), PRECIS_OK);
    T_EQ_INT(c.story, a.story);
    T_CHECK(c.copy_of == NULL);
    T_EQ_INT(add(s, "qb", NULL, quake_b, NULL, &d), PRECIS_OK);
    T_CHECK(d.story != a.story);
    T_EQ_INT(d.new_story, 1);
    precis_story st;
    T_EQ_INT(precis_stream_story(s, a.story, &st), PRECIS_OK);
    T_EQ_INT(st.n_articles, 3);
    T_EQ_STR(st.articles[0], "qa");
    T_EQ_STR(st.articles[2], "qa3");
    T_EQ_INT(st.open, 1);
    precis_stream_stats stats;
    precis_stream_stats_get(s, &stats);
    T_EQ_INT(stats.articles, 12);
    T_EQ_INT(stats.copies, 1);
    T_EQ_INT(stats.open_articles, 12);
    uint64_t ids[64];
    size_t n = precis_stream_open_stories(s, ids, 64);
    T_EQ_INT(n, stats.open_stories);
    for (size_t i = 1; i < n; i++)
        T_CHECK(ids[i - 1] < ids[i]);
    precis_stream_free(s);
}

/* A dated story closes after close_after seconds without an article; a
   later article on the same topic opens a new story. */
static void test_close_dated(void)
{
    precis_stream *s = precis_stream_new(NULL); /* 3 days */
    add_filler(s);
    precis_assignment a, b, c;
    T_EQ_INT(add(s, "qa", "2024-01-06", quake_a, NULL, &a), PRECIS_OK);
    T_EQ_INT(add(s, "qa3", "2024-01-07T10:00", quake_a_update, NULL, &b), PRECIS_OK);
    T_EQ_INT(b.story, a.story);
    /* nothing drained yet: the filler is undated and within the window */
    precis_story st;
    T_EQ_INT(precis_stream_next_closed(s, &st), 0);
    T_EQ_INT(add(s, "qa4", "2024-02-20", quake_a_update, NULL, &c), PRECIS_OK);
    T_CHECK(c.story != a.story);
    T_EQ_INT(c.new_story, 1);
    T_EQ_INT(precis_stream_next_closed(s, &st), 1);
    T_EQ_INT(st.id, a.story);
    T_EQ_INT(st.open, 0);
    T_EQ_INT(st.n_articles, 2);
    T_EQ_STR(st.last_date, "2024-01-07T10:00");
    /* the popped story is still readable until the next call */
    precis_story again;
    T_EQ_INT(precis_stream_story(s, a.story, &again), PRECIS_OK);
    T_EQ_INT(again.n_articles, 2);
    T_EQ_INT(precis_stream_next_closed(s, &st), 0);
    T_EQ_INT(precis_stream_story(s, a.story, &again), PRECIS_EINVAL);
    /* a closed story's ids may come again */
    T_EQ_INT(add(s, "qa", "2024-02-21", quake_b, NULL, NULL), PRECIS_OK);
    precis_stream_free(s);
}

/* Undated: stories close after close_after_articles arrivals. */
static void test_close_undated(void)
{
    precis_stream_options o;
    precis_stream_options_init(&o);
    o.close_after_articles = 3;
    precis_stream *s = precis_stream_new(&o);
    precis_assignment a, b;
    T_EQ_INT(add(s, "qa", NULL, quake_a, NULL, &a), PRECIS_OK);
    for (int i = 0; i < 3; i++) {
        char id[8];
        snprintf(id, sizeof id, "f%d", i);
        T_EQ_INT(add(s, id, NULL, filler[i], NULL, NULL), PRECIS_OK);
    }
    T_EQ_INT(add(s, "qa3", NULL, quake_a_update, NULL, &b), PRECIS_OK);
    T_CHECK(b.story != a.story);
    precis_story st;
    T_EQ_INT(precis_stream_next_closed(s, &st), 1);
    T_EQ_INT(st.id, a.story);
    precis_stream_close_all(s);
    size_t closed = 0;
    while (precis_stream_next_closed(s, &st))
        closed++;
    T_EQ_INT(closed, 4);
    precis_stream_stats stats;
    precis_stream_stats_get(s, &stats);
    T_EQ_INT(stats.open_stories, 0);
    T_EQ_INT(stats.open_articles, 0);
    precis_stream_free(s);
}

static const char quake_fr[] =
    "Un séisme de magnitude 7,1 a frappé le sud du Chili samedi, faisant au moins 12 morts dans "
    "la ville de Temuco et endommageant des centaines de maisons, selon les autorités. Le "
    "président Gabriel Boric s'est rendu à Temuco et a déclaré l'état d'urgence dans la région "
    "de l'Araucania.";

static void test_languages(void)
{
    precis_stream *s = precis_stream_new(NULL);
    precis_assignment a, b, c;
    T_EQ_INT(add(s, "en", NULL, quake_a, NULL, &a), PRECIS_OK);
    T_EQ_STR(a.lang, "english");
    T_EQ_INT(add(s, "fr", NULL, quake_fr, NULL, &b), PRECIS_OK);
    T_EQ_STR(b.lang, "french"); /* detected */
    T_CHECK(b.story != a.story);
    T_EQ_INT(add(s, "fr2", NULL, quake_fr, "fr", &c), PRECIS_OK);
    T_EQ_STR(c.lang, "french");
    T_EQ_INT(c.story, b.story);
    T_EQ_STR(c.copy_of, "fr");
    T_EQ_INT(add(s, "xx", NULL, quake_a, "klingon", NULL), PRECIS_ELANG);
    precis_stream_free(s);

    /* one partition for all: the copy across the two detections still
       matches, and mixing is allowed */
    precis_stream_options o;
    precis_stream_options_init(&o);
    o.mix_languages = 1;
    s = precis_stream_new(&o);
    T_EQ_INT(add(s, "en", NULL, quake_a, NULL, &a), PRECIS_OK);
    T_EQ_INT(add(s, "en2", NULL, quake_a_copy, "de", &b), PRECIS_OK);
    T_EQ_STR(b.lang, "german");
    T_EQ_INT(b.story, a.story);
    precis_stream_free(s);

    o.mix_languages = 0;
    o.lang = "nonsense";
    T_CHECK(precis_stream_new(&o) == NULL);
}

static void test_bad_records(void)
{
    precis_stream *s = precis_stream_new(NULL);
    precis_assignment as;
    const char ok[] = "{\"id\":\"a1\",\"text\":\"The museum reopened its modern art wing.\"}";
    T_EQ_INT(precis_stream_add_json(s, ok, strlen(ok), &as), PRECIS_OK);
    T_EQ_STR(as.id, "a1");
    const char *bad[] = {
        "{\"id\":\"a2\",\"text\":\"unterminated",
        "[1,2,3]",
        "{\"id\":\"a3\"}",
        "{\"id\":\"a4\",\"text\":\"   \"}",
        "{\"id\":\"a1\",\"text\":\"Again the museum.\"}",
        "{\"id\":\"a5\",\"text\":\"x\",\"title\":7}",
        "{\"id\":\"a6\",\"text\":\"Hello there.\",\"lang\":\"zz\"}",
        "",
    };
    const precis_status want[] = {PRECIS_EJSON, PRECIS_EJSON, PRECIS_EJSON, PRECIS_EEMPTY,
                                  PRECIS_EDUP,  PRECIS_EJSON, PRECIS_ELANG, PRECIS_EJSON};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        T_EQ_INT(precis_stream_add_json(s, bad[i], strlen(bad[i]), &as), want[i]);
        T_CHECK(precis_stream_error(s)[0] != '\0');
    }
    precis_stream_stats st;
    precis_stream_stats_get(s, &st);
    T_EQ_INT(st.articles, 1);
    const char ok2[] = "{\"id\":7,\"text\":\"Pilots voted to strike.\",\"extra\":[1]}";
    T_EQ_INT(precis_stream_add_json(s, ok2, strlen(ok2), &as), PRECIS_OK);
    T_EQ_STR(as.id, "7");
    /* no id: the arrival number */
    precis_article a = {NULL, NULL, NULL, NULL, "Text.", 5};
    T_EQ_INT(precis_stream_add(s, &a, NULL, &as), PRECIS_OK);
    T_EQ_STR(as.id, "3");
    /* invalid UTF-8 */
    precis_article u = {"u", NULL, NULL, NULL, "bad \xff byte", 10};
    T_EQ_INT(precis_stream_add(s, &u, NULL, &as), PRECIS_EUTF8);
    precis_stream_free(s);
}

static void test_story_cluster(void)
{
    precis_stream_options o;
    precis_stream_options_init(&o);
    o.keep_text = 1;
    precis_stream *s = precis_stream_new(&o);
    add_filler(s);
    precis_assignment a;
    T_EQ_INT(add(s, "qa", NULL, quake_a, NULL, &a), PRECIS_OK);
    T_EQ_INT(add(s, "qa3", NULL, quake_a_update, NULL, NULL), PRECIS_OK);
    precis_cluster *c = precis_cluster_new();
    T_EQ_INT(precis_stream_story_cluster(s, a.story, c), PRECIS_OK);
    T_EQ_INT(precis_cluster_size(c), 2);
    T_EQ_STR(precis_cluster_article_id(c, 1), "qa3");
    precis_summarizer *z = precis_summarizer_new(NULL, NULL);
    precis_summary *sum = NULL;
    T_EQ_INT(precis_summarize(z, c, &sum), PRECIS_OK);
    T_CHECK(precis_summary_size(sum) > 0);
    precis_summary_free(sum);
    precis_summarizer_free(z);
    T_EQ_INT(precis_stream_story_cluster(s, 99999, c), PRECIS_EINVAL);
    precis_cluster_free(c);
    precis_stream_free(s);
    s = precis_stream_new(NULL);
    c = precis_cluster_new();
    T_EQ_INT(add(s, "qa", NULL, quake_a, NULL, &a), PRECIS_OK);
    T_EQ_INT(precis_stream_story_cluster(s, a.story, c), PRECIS_EINVAL); /* no keep_text */
    precis_cluster_free(c);
    precis_stream_free(s);
}

/* A loaded snapshot assigns the next articles exactly as the saved
   stream does; every truncation and a changed version are rejected. */
static void test_snapshot(void)
{
    precis_stream_options o;
    precis_stream_options_init(&o);
    o.keep_text = 1;
    o.close_after_articles = 6;
    precis_stream *s = precis_stream_new(&o);
    add_filler(s);
    T_EQ_INT(add(s, "qa", "2024-01-06", quake_a, NULL, NULL), PRECIS_OK);
    T_EQ_INT(add(s, "fr", NULL, quake_fr, NULL, NULL), PRECIS_OK);
    char *buf = NULL;
    size_t len = 0;
    T_EQ_INT(precis_stream_save(s, &buf, &len), PRECIS_OK);
    precis_status st;
    precis_stream *l = precis_stream_load(buf, len, &st);
    T_EQ_INT(st, PRECIS_OK);
    T_CHECK(l != NULL);
    /* the same continuation on both */
    const char *next[] = {quake_a_copy, quake_a_update, quake_b, filler[0], quake_fr};
    for (size_t i = 0; l && i < sizeof next / sizeof *next; i++) {
        char id[8];
        snprintf(id, sizeof id, "n%zu", i);
        precis_assignment x, y;
        T_EQ_INT(add(s, id, NULL, next[i], NULL, &x), PRECIS_OK);
        T_EQ_INT(add(l, id, NULL, next[i], NULL, &y), PRECIS_OK);
        T_EQ_INT(x.story, y.story);
        T_EQ_INT(x.new_story, y.new_story);
        T_CHECK((x.copy_of == NULL) == (y.copy_of == NULL));
        T_CHECK(x.score == y.score);
    }
    /* the same closed queue and the same state */
    precis_story a, b;
    int na, nb;
    while ((na = precis_stream_next_closed(s, &a)) | (nb = precis_stream_next_closed(l, &b))) {
        T_EQ_INT(na, nb);
        if (!na || !nb)
            break;
        T_EQ_INT(a.id, b.id);
        T_EQ_INT(a.n_articles, b.n_articles);
    }
    char *buf2 = NULL, *buf3 = NULL;
    size_t len2 = 0, len3 = 0;
    T_EQ_INT(precis_stream_save(s, &buf2, &len2), PRECIS_OK);
    T_EQ_INT(precis_stream_save(l, &buf3, &len3), PRECIS_OK);
    T_EQ_INT(len2, len3);
    T_CHECK(len2 == len3 && memcmp(buf2, buf3, len2) == 0);
    precis_free(buf2);
    precis_free(buf3);
    precis_stream_free(l);
    /* truncations (sampled: the sketch makes the buffer long) */
    size_t step = len / 200 + 1;
    for (size_t k = 0; k < len; k += (k < 64 ? 1 : step)) {
        l = precis_stream_load(buf, k, &st);
        T_CHECK(l == NULL);
        T_EQ_INT(st, PRECIS_ESNAPSHOT);
    }
    /* trailing garbage, another version, a flipped byte in the strings */
    char *big = malloc(len + 1);
    memcpy(big, buf, len);
    big[len] = 0;
    T_CHECK(precis_stream_load(big, len + 1, &st) == NULL);
    T_EQ_INT(st, PRECIS_ESNAPSHOT);
    big[8] = 9;
    T_CHECK(precis_stream_load(big, len, &st) == NULL);
    T_EQ_INT(st, PRECIS_ESNAPSHOT);
    big[8] = 1; /* the format before stories kept number-noun pairs */
    T_CHECK(precis_stream_load(big, len, &st) == NULL);
    T_EQ_INT(st, PRECIS_ESNAPSHOT);
    free(big);
    T_CHECK(precis_stream_load("PRSTREAM", 8, &st) == NULL);
    T_CHECK(precis_stream_load(NULL, 0, NULL) == NULL);
    precis_free(buf);
    precis_stream_free(s);
}

/* A counted noun shared ("23 pirates") lets a report of the same event,
   worded apart, join below the threshold (from 0.8 of it); the same
   report with the number away from its noun ("pirates, 23 of them"),
   which scores a little higher by cosine, does not.  The pairs survive a
   snapshot. */
static const char pirates_a[] =
    "Indian navy commandos boarded a hijacked cargo ship in the Arabian Sea on Monday and "
    "captured 23 pirates after a gunfight, the defence ministry said. The frigate INS Mysore "
    "answered a distress call from the crew, who had locked themselves in the engine room.";
static const char pirates_b[] =
    "Navy sailors freed a cargo ship off the coast of Oman and arrested 23 pirates on Monday. The "
    "crew of the merchant vessel were safe, an officer told reporters in Mumbai, and weapons "
    "and a skiff were found on deck.";
static const char pirates_b_apart[] =
    "Navy sailors freed a cargo ship off the coast of Oman and arrested pirates, 23 of them, on "
    "Monday. The crew of the merchant vessel were safe, an officer told reporters in Mumbai, "
    "and weapons and a skiff were found on deck.";

static void test_counted_noun(void)
{
    for (int apart = 0; apart < 2; apart++) {
        precis_stream *s = precis_stream_new(NULL);
        T_CHECK(s != NULL);
        /* a warm background: three rounds of the filler (copies after the first) */
        for (size_t r = 0; r < 3; r++)
            for (size_t i = 0; i < sizeof filler / sizeof *filler; i++) {
                char id[16];
                snprintf(id, sizeof id, "w%zu-%zu", r, i);
                T_EQ_INT(add(s, id, NULL, filler[i], "en", NULL), PRECIS_OK);
            }
        precis_assignment a, b;
        T_EQ_INT(add(s, "pa", NULL, pirates_a, "en", &a), PRECIS_OK);
        T_EQ_INT(a.new_story, 1);
        char *buf;
        size_t len;
        precis_status st;
        T_EQ_INT(precis_stream_save(s, &buf, &len), PRECIS_OK);
        precis_stream *l = precis_stream_load(buf, len, &st);
        T_CHECK(l != NULL);
        precis_free(buf);
        precis_stream *both[2] = {s, l};
        for (int k = 0; k < 2; k++) {
            T_EQ_INT(add(both[k], "pb", NULL, apart ? pirates_b_apart : pirates_b, "en", &b),
                     PRECIS_OK);
            T_CHECK(b.copy_of == NULL);
            if (apart) {
                T_EQ_INT(b.new_story, 1);
            } else {
                T_EQ_INT(b.story, a.story);
                T_CHECK(b.score >= 0.24 && b.score < 0.30); /* below the threshold */
            }
            precis_stream_free(both[k]);
        }
    }
}

/* A story's centroid is weighed by the idf of now, not of when its members
   arrived: a story opened before the stream made "ferry" common scores a
   later article exactly as a story opened after (without it, the first
   story keeps the flat idf of an empty stream and scores apart). */
static const char ferry_a[] =
    "A ferry carrying 120 passengers sank off Lamu island on Sunday, and rescuers from the "
    "Kenya coast guard pulled 87 survivors from the water, officials said.";
static const char ferry_b[] =
    "Divers searched for missing passengers after the ferry sank off Lamu island; the Kenya "
    "coast guard said 87 survivors were pulled from the water on Sunday.";

static double ferry_score(int story_first)
{
    precis_stream *s = precis_stream_new(NULL);
    T_CHECK(s != NULL);
    precis_assignment a, b;
    char id[32], text[512];
    if (story_first)
        T_EQ_INT(add(s, "fa", NULL, ferry_a, "en", &a), PRECIS_OK);
    /* background that makes "ferry" common */
    for (size_t r = 0; r < 3; r++)
        for (size_t i = 0; i < sizeof filler / sizeof *filler; i++) {
            snprintf(id, sizeof id, "f%zu-%zu", r, i);
            snprintf(text, sizeof text, "%s The ferry to the mainland ran late.", filler[i]);
            T_EQ_INT(add(s, id, NULL, text, "en", NULL), PRECIS_OK);
        }
    if (!story_first)
        T_EQ_INT(add(s, "fa", NULL, ferry_a, "en", &a), PRECIS_OK);
    T_EQ_INT(a.new_story, 1);
    /* more background, so that both centroids' norms are taken again */
    for (size_t r = 0; r < 4; r++)
        for (size_t i = 0; i < sizeof filler / sizeof *filler; i++) {
            snprintf(id, sizeof id, "p%zu-%zu", r, i);
            T_EQ_INT(add(s, id, NULL, filler[i], "en", NULL), PRECIS_OK);
        }
    T_EQ_INT(add(s, "fb", NULL, ferry_b, "en", &b), PRECIS_OK);
    T_EQ_INT(b.story, a.story);
    T_CHECK(b.copy_of == NULL);
    precis_stream_free(s);
    return b.score;
}

static void test_current_idf(void)
{
    double early = ferry_score(1), late = ferry_score(0);
    T_CHECK(early >= 0.30 && late >= 0.30);
    T_CHECK(fabs(early - late) < 1e-4);
}

/* examples/cluster: five reports of one flood (two outlets' wire copy, an
   early story and its update from a third, a follow-up on the money from a
   fourth), fed as a stream of their own with no background: one story.
   (The warm settings alone split it into three: see stream.c, cold start.) */
static void test_example_cluster(void)
{
    static const char *const files[] = {"01-northern-wire.txt", "02-valley-courier.txt",
                                        "03-harbour-times-early.txt",
                                        "04-harbour-times-update.txt",
                                        "05-lakeshore-gazette.txt"};
    precis_stream *s = precis_stream_new(NULL);
    T_CHECK(s != NULL);
    uint64_t story = 0;
    for (size_t i = 0; i < 5; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/../examples/cluster/%s", PRECIS_TEST_DIR, files[i]);
        FILE *f = fopen(path, "rb");
        T_CHECK(f != NULL);
        if (!f)
            break;
        static char text[1 << 16];
        size_t n = fread(text, 1, sizeof text, f);
        fclose(f);
        T_CHECK(n > 0 && n < sizeof text);
        precis_article a = {files[i], NULL, NULL, NULL, text, n};
        precis_assignment as;
        T_EQ_INT(precis_stream_add(s, &a, "en", &as), PRECIS_OK);
        if (!story)
            story = as.story;
        T_EQ_INT(as.story, story);
    }
    precis_stream_stats stats;
    precis_stream_stats_get(s, &stats);
    T_EQ_INT(stats.stories, 1);
    precis_stream_free(s);
}

int main(void)
{
    T_RUN(test_example_cluster);
    T_RUN(test_copy_update_similar);
    T_RUN(test_close_dated);
    T_RUN(test_close_undated);
    T_RUN(test_languages);
    T_RUN(test_bad_records);
    T_RUN(test_story_cluster);
    T_RUN(test_snapshot);
    T_RUN(test_counted_noun);
    T_RUN(test_current_idf);
    return t_finish();
}
