/*
 * test_oom.c -- every out-of-memory path, driven by the failing allocator.
 *
 * Linked against precis_failalloc, the library built with PRECIS_FAILALLOC:
 * util.c then counts allocations in precis_failalloc_count and fails the
 * one numbered precis_failalloc_at (1-based) and every one after it.  A
 * representative run is cut into phases (loading a cluster from text, JSON
 * and Multi-News; summarizing with each method and rendering every format;
 * the analysis, alone and with a summary, and both reports; ROUGE scoring
 * and bootstrap; sentence splitting).  Each phase is first
 * run without failures, to count its allocations A and record its output;
 * then, for every n = 1 .. A, run again with the n-th allocation failing.
 * Every call must then either return PRECIS_ENOMEM (NULL with
 * PRECIS_ENOMEM from the constructors) or succeed with exactly the output
 * of the clean run; the phase stops at the first error and frees
 * everything.  Phases keep the quadratic cost (A runs of A allocations)
 * per phase rather than over the whole run.
 *
 * Leaks: under make asan, LeakSanitizer checks at exit that no failure
 * path leaked; elsewhere run it under valgrind --leak-check=full.
 *
 * Outside the hook: utf8proc, Jansson and libstemmer allocate with plain
 * malloc internally (Jansson reports its own out-of-memory, which
 * cluster.c maps to PRECIS_ENOMEM; sb_stemmer_new failing gives NULL,
 * which norm.c maps to PRECIS_ENOMEM), so those allocations are not
 * failed here.  Jansson's json_set_alloc_funcs would reach them, but it is
 * process-global state, which the library must not touch.
 */
#include "precis.h"
#include "t.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

extern long precis_failalloc_at, precis_failalloc_count;

/* ---- inputs, read before any failure is armed ---------------------------*/

static char *texts[8];
static size_t text_len[8], ntexts;
static const char json_line[] =
    "{\"id\":\"j1\",\"source\":\"Wire\",\"date\":\"2026-03-14\",\"title\":\"Flood\","
    "\"text\":\"Crews \\\"worked\\\" all night on the levee.\\nThe river fell by noon.\"}";
static const char json_cluster[] =
    "{\"id\":\"c9\",\"articles\":[{\"id\":7,\"text\":\"The dam held. Crews left.\"},"
    "{\"text\":\"The dam held overnight. Crews went home.\",\"date\":\"2026\"}]}";
static const char multinews[] =
    " date 2016-12-30 the river rose . it broke the levee . story_separator_special_tag "
    "story_separator_special_tag the levee broke on saturday . 1,200 people left .";

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 16);
    *len = fread(buf, 1, (1 << 16) - 1, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

/* ---- the log a phase writes: its outputs, compared with the clean run --*/

typedef struct {
    char *s;
    size_t n, cap;
} logbuf;

static void log_put(logbuf *l, const char *s, size_t n)
{
    if (l->n + n + 1 > l->cap) {
        l->cap = (l->n + n + 1) * 2;
        l->s = realloc(l->s, l->cap);
    }
    memcpy(l->s + l->n, s, n);
    l->n += n;
    l->s[l->n] = '\0';
}

static void log_printf(logbuf *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void log_printf(logbuf *l, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    log_put(l, tmp, (size_t)k);
}

/* Status of one call under failure: 0 = fine, go on; 1 = ENOMEM, stop;
   a wrong status counts as a failed check and stops. */
static int failing; /* a failure is armed in this run */
static int check(precis_status st, precis_status clean, const char *what, long n)
{
    if (st == clean)
        return 0;
    if (failing && st == PRECIS_ENOMEM)
        return 1;
    fprintf(stderr, "  allocation %ld: %s returned %d (%s), expected %d or ENOMEM\n", n, what,
            (int)st, precis_strerror(st), (int)clean);
    T_CHECK(!"status");
    return 1;
}
#define CHECK_OR_STOP(st, clean, what)                                          \
    do {                                                                        \
        if (check((st), (clean), (what), n))                                    \
            goto out;                                                           \
    } while (0)

/* ---- phases ---------------------------------------------------------------*/

static void phase_load(logbuf *log, long n)
{
    precis_cluster *c = precis_cluster_new();
    precis_cluster *c2 = NULL;
    if (!c) {
        T_CHECK(failing);
        return;
    }
    for (size_t i = 0; i < ntexts; i++) {
        precis_article a = {0};
        a.text = texts[i];
        a.text_len = text_len[i];
        a.source = "source";
        a.title = i % 2 ? "title" : NULL;
        CHECK_OR_STOP(precis_cluster_add(c, &a), PRECIS_OK, "precis_cluster_add");
    }
    CHECK_OR_STOP(precis_cluster_add_json(c, json_line, strlen(json_line)), PRECIS_OK,
                  "precis_cluster_add_json");
    CHECK_OR_STOP(precis_cluster_add_multinews(c, multinews, strlen(multinews)), PRECIS_OK,
                  "precis_cluster_add_multinews");
    c2 = precis_cluster_new();
    if (!c2) {
        T_CHECK(failing);
        goto out;
    }
    CHECK_OR_STOP(precis_cluster_add_json_cluster(c2, json_cluster, strlen(json_cluster)),
                  PRECIS_OK, "precis_cluster_add_json_cluster");
    /* a rejected record costs nothing and changes nothing */
    CHECK_OR_STOP(precis_cluster_add_json(c2, "{\"text\":1}", 10), PRECIS_EJSON,
                  "precis_cluster_add_json (bad)");
    for (size_t i = 0; i < precis_cluster_size(c); i++) {
        size_t len;
        const char *t = precis_cluster_article_text(c, i, &len);
        log_put(log, t, len);
        log_put(log, precis_cluster_article_id(c, i), strlen(precis_cluster_article_id(c, i)));
    }
    log_put(log, precis_cluster_id(c2), strlen(precis_cluster_id(c2)));
out:
    precis_cluster_free(c2);
    precis_cluster_free(c);
}

static precis_cluster *cluster; /* built once, without failures */

static void phase_summarize(logbuf *log, long n, precis_method m, precis_unit u)
{
    precis_options o;
    precis_options_init(&o);
    o.method = m;
    o.unit = u;
    o.budget = u == PRECIS_UNIT_BYTES ? 700 : u == PRECIS_UNIT_SENTENCES ? 4 : 100;
    o.truncate_last = m == PRECIS_METHOD_LEAD;
    precis_status st = PRECIS_OK;
    precis_summary *sum = NULL;
    precis_summarizer *s = precis_summarizer_new(&o, &st);
    if (!s) {
        T_CHECK(failing && st == PRECIS_ENOMEM);
        return;
    }
    CHECK_OR_STOP(precis_summarize(s, cluster, &sum), PRECIS_OK, "precis_summarize");
    for (int f = PRECIS_FORMAT_TEXT; f <= PRECIS_FORMAT_HTML; f++) {
        char *out = NULL;
        size_t len = 0;
        CHECK_OR_STOP(precis_summary_render(sum, cluster, (precis_format)f, &out, &len),
                      PRECIS_OK, "precis_summary_render");
        log_put(log, out, len);
        precis_free(out);
    }
    /* the summarizer is reused for a second cluster, as in a batch */
    precis_summary_free(sum);
    sum = NULL;
    CHECK_OR_STOP(precis_summarize(s, cluster, &sum), PRECIS_OK, "precis_summarize (again)");
    log_printf(log, "%zu words %zu sentences\n", precis_summary_words(sum),
               precis_summary_size(sum));
out:
    precis_summary_free(sum);
    precis_summarizer_free(s);
}

static precis_cluster *dated; /* the example with dates and sources, built once */

/* The analysis (copies, quotes, facts, conflicts, timeline) alone
   (with_summary 0) or with the summary from one model, and both reports. */
static void phase_analyze(logbuf *log, long n, int with_summary)
{
    precis_options o;
    precis_options_init(&o);
    precis_status st = PRECIS_OK;
    precis_summary *sum = NULL;
    precis_analysis *an = NULL;
    precis_summarizer *s = precis_summarizer_new(&o, &st);
    if (!s) {
        T_CHECK(failing && st == PRECIS_ENOMEM);
        return;
    }
    if (with_summary)
        CHECK_OR_STOP(precis_summarize_analyze(s, dated, &sum, &an), PRECIS_OK,
                      "precis_summarize_analyze");
    else
        CHECK_OR_STOP(precis_analyze(s, dated, &an), PRECIS_OK, "precis_analyze");
    log_printf(log, "%zu copies %zu quotes %zu facts %zu conflicts %zu timeline\n",
               precis_analysis_copies(an, NULL), precis_analysis_quotes(an, NULL),
               precis_analysis_facts(an, NULL), precis_analysis_conflicts(an, NULL),
               precis_analysis_timeline(an, NULL));
    for (int f = 0; f < 2; f++) {
        char *out = NULL;
        size_t len = 0;
        CHECK_OR_STOP(precis_report_render(sum, an, dated,
                                           f ? PRECIS_FORMAT_HTML : PRECIS_FORMAT_JSON, &out,
                                           &len),
                      PRECIS_OK, "precis_report_render");
        log_put(log, out, len);
        precis_free(out);
    }
out:
    precis_analysis_free(an);
    precis_summary_free(sum);
    precis_summarizer_free(s);
}

static void phase_rouge(logbuf *log, long n, int variant)
{
    precis_rouge_options o;
    precis_rouge_options_init(&o);
    if (variant == 1) {
        o.skip = PRECIS_ROUGE_SKIP_ANY;
        o.stopwords = 1;
        o.multi = PRECIS_ROUGE_BEST;
        o.limit_words = 60;
    } else if (variant == 2) {
        o.jackknife = 1;
        o.limit_bytes = 300;
        o.exc_adv = 1;
    }
    precis_status st = PRECIS_OK;
    precis_rouge *r = precis_rouge_new(&o, &st);
    if (!r) {
        T_CHECK(failing && st == PRECIS_ENOMEM);
        return;
    }
    const char *refs[] = {texts[0], texts[1], texts[2]};
    precis_rouge_scores sc[2], mean, lo, hi;
    CHECK_OR_STOP(precis_rouge_score(r, texts[3], refs, 3, &sc[0]), PRECIS_OK,
                  "precis_rouge_score");
    CHECK_OR_STOP(precis_rouge_score(r, texts[4], refs, 2, &sc[1]), PRECIS_OK,
                  "precis_rouge_score");
    CHECK_OR_STOP(precis_rouge_bootstrap(sc, 2, 50, 95, &mean, &lo, &hi), PRECIS_OK,
                  "precis_rouge_bootstrap");
    for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++)
        log_printf(log, "%.5f %.5f %.5f\n", sc[0].m[m].f, sc[1].m[m].f, mean.m[m].f);
out:
    precis_rouge_free(r);
}

static void phase_split(logbuf *log, long n)
{
    for (size_t i = 0; i < ntexts; i++) {
        precis_span *sp = NULL;
        size_t ns = 0;
        if (check(precis_split(texts[i], text_len[i], &sp, &ns), PRECIS_OK, "precis_split", n))
            return;
        log_printf(log, "%zu %zu %zu\n", ns, sp[0].start, sp[ns - 1].end);
        precis_free(sp);
    }
}

/* The story stream: articles (one of them a copy), a snapshot and its
   load, closing and draining.  An add that fails leaves the stream as it
   was, so the phase stops there. */
static void phase_stream(logbuf *log, long n)
{
    precis_stream_options o;
    precis_stream_options_init(&o);
    o.keep_text = 1;
    o.close_after_articles = 3;
    precis_stream *s = precis_stream_new(&o), *l = NULL;
    precis_cluster *c = NULL;
    char *buf = NULL;
    size_t len = 0;
    if (!s) {
        T_CHECK(failing);
        return;
    }
    for (size_t i = 0; i <= ntexts; i++) {
        char id[8];
        snprintf(id, sizeof id, "a%zu", i);
        size_t k = i < ntexts ? i : 0; /* the last one copies the first */
        precis_article a = {id, "src", i % 2 ? "2026-04-11" : NULL, NULL, texts[k], text_len[k]};
        precis_assignment as;
        CHECK_OR_STOP(precis_stream_add(s, &a, i == 2 ? "en" : NULL, &as), PRECIS_OK,
                      "precis_stream_add");
        log_printf(log, "%s %llu %d %s\n", as.id, (unsigned long long)as.story, as.new_story,
                   as.copy_of ? as.copy_of : "-");
    }
    CHECK_OR_STOP(precis_stream_add_json(s, json_line, strlen(json_line), NULL), PRECIS_OK,
                  "precis_stream_add_json");
    CHECK_OR_STOP(precis_stream_save(s, &buf, &len), PRECIS_OK, "precis_stream_save");
    precis_status st;
    l = precis_stream_load(buf, len, &st);
    CHECK_OR_STOP(st, PRECIS_OK, "precis_stream_load");
    T_CHECK(l != NULL);
    c = precis_cluster_new();
    if (!c) {
        T_CHECK(failing);
        goto out;
    }
    uint64_t ids[16];
    size_t no = precis_stream_open_stories(l, ids, 16);
    for (size_t i = 0; i < no && i < 16; i++) {
        CHECK_OR_STOP(precis_stream_story_cluster(l, ids[i], c), PRECIS_OK,
                      "precis_stream_story_cluster");
        log_printf(log, "story %llu: %zu\n", (unsigned long long)ids[i], precis_cluster_size(c));
    }
    precis_stream_close_all(l);
    precis_story story;
    while (precis_stream_next_closed(l, &story))
        log_printf(log, "closed %llu %zu\n", (unsigned long long)story.id, story.n_articles);
out:
    precis_free(buf);
    precis_cluster_free(c);
    precis_stream_free(l);
    precis_stream_free(s);
}

/* ---- the driver ------------------------------------------------------------*/

typedef void (*phase_fn)(logbuf *log, long n, int arg);
static int cur_method, cur_unit;
static void run_load(logbuf *l, long n, int a) { (void)a; phase_load(l, n); }
static void run_sum(logbuf *l, long n, int a)
{
    (void)a;
    phase_summarize(l, n, (precis_method)cur_method, (precis_unit)cur_unit);
}
static void run_rouge(logbuf *l, long n, int a) { phase_rouge(l, n, a); }
static void run_analyze(logbuf *l, long n, int a) { phase_analyze(l, n, a); }
static void run_split(logbuf *l, long n, int a) { (void)a; phase_split(l, n); }
static void run_stream(logbuf *l, long n, int a) { (void)a; phase_stream(l, n); }

static long total_runs;

static void drive(const char *name, phase_fn fn, int arg)
{
    logbuf clean = {0};
    failing = 0;
    precis_failalloc_at = 0;
    precis_failalloc_count = 0;
    long n = 0;
    fn(&clean, 0, arg);
    long count = precis_failalloc_count;
    T_CHECK(count > 0);
    long mismatches = 0;
    for (n = 1; n <= count; n++) {
        logbuf got = {0};
        failing = 1;
        precis_failalloc_count = 0;
        precis_failalloc_at = n;
        fn(&got, n, arg);
        precis_failalloc_at = 0;
        /* output is either absent (stopped at ENOMEM) or complete and equal */
        if (got.n && !(got.n == clean.n && memcmp(got.s, clean.s, clean.n) == 0)) {
            /* a prefix is fine: the phase stopped after logging part */
            if (!(got.n < clean.n && memcmp(got.s, clean.s, got.n) == 0)) {
                if (!mismatches++)
                    fprintf(stderr, "  %s: allocation %ld failed, call succeeded, wrong output\n",
                            name, n);
                T_CHECK(!"output differs");
            }
        }
        free(got.s);
        total_runs++;
    }
    fprintf(stderr, "  %-24s %6ld allocations, each failed once\n", name, count);
    free(clean.s);
}

int main(void)
{
    static const char *const files[] = {"01-northern-wire.txt", "02-valley-courier.txt",
                                        "03-harbour-times-early.txt",
                                        "04-harbour-times-update.txt",
                                        "05-lakeshore-gazette.txt"};
    char path[1024];
    for (size_t i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "%s/../examples/cluster/%s", PRECIS_TEST_DIR, files[i]);
        texts[ntexts] = read_all(path, &text_len[ntexts]);
        T_CHECK(texts[ntexts] != NULL);
        if (!texts[ntexts])
            return t_finish();
        ntexts++;
    }
    precis_failalloc_at = 0;
    cluster = precis_cluster_new();
    for (size_t i = 0; i < ntexts; i++) {
        precis_article a = {0};
        a.text = texts[i];
        a.text_len = text_len[i];
        T_EQ_INT(precis_cluster_add(cluster, &a), PRECIS_OK);
    }

    static const char *const dates[] = {"2026-04-11T06:10Z", "2026-04-11", NULL,
                                        "2026-04-12T09:00Z", NULL};
    dated = precis_cluster_new();
    for (size_t i = 0; i < ntexts; i++) {
        precis_article a = {0};
        a.text = texts[i];
        a.text_len = text_len[i];
        a.date = dates[i];
        a.source = files[i];
        T_EQ_INT(precis_cluster_add(dated, &a), PRECIS_OK);
    }

    drive("load", run_load, 0);
    drive("split", run_split, 0);
    drive("stream", run_stream, 0);
    char name[64];
    for (cur_method = 0; cur_method < PRECIS_METHOD_COUNT_; cur_method++)
        for (cur_unit = 0; cur_unit < 3; cur_unit++) {
            if (cur_unit && cur_method != PRECIS_METHOD_DEFAULT &&
                cur_method != PRECIS_METHOD_LEAD)
                continue; /* units matter to the budget code only */
            snprintf(name, sizeof name, "summarize %s/%d",
                     precis_method_name((precis_method)cur_method), cur_unit);
            drive(name, run_sum, 0);
        }
    drive("rouge (defaults)", run_rouge, 0);
    drive("rouge (S*, best, -l)", run_rouge, 1);
    drive("rouge (jackknife, -b)", run_rouge, 2);
    drive("analyze", run_analyze, 0);
    drive("summarize + analyze", run_analyze, 1);
    fprintf(stderr, "  %ld failing runs in all\n", total_runs);

    precis_cluster_free(dated);
    precis_cluster_free(cluster);
    for (size_t i = 0; i < ntexts; i++)
        free(texts[i]);
    return t_finish();
}
