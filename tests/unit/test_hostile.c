/*
 * test_hostile.c -- pathological input through the public API.  Each case
 * must end with a correct result or a clear error status: never a crash,
 * a hang or memory out of proportion to its input.
 *
 * Every case runs in a child process (fork), so that a crash fails only
 * its case and so that the child's own peak resident set (wait4's
 * ru_maxrss) is the case's memory.  The child arms alarm() with the hang
 * bound; the parent checks the exit status, the wall-clock time
 * (clock_gettime) and the memory bound:
 *
 *     peak RSS  <  MEM_FACTOR x input bytes + MEM_BASE  (40 x input + 64 MB)
 *
 * where input bytes counts the text handed to the library.  The hang bound
 * (120 s a case, 300 s under sanitizers) only catches hangs; the cases take
 * well under a second to a few seconds.  Under ASan the memory bound is
 * reported but not enforced (shadow memory and the quarantine inflate the
 * resident set by a large, allocator-dependent factor).
 *
 * HOSTILE_ONLY=text in the environment runs only the cases whose name
 * contains text (e.g. HOSTILE_ONLY=analyze).
 */
#define _DEFAULT_SOURCE /* wait4 */
#include "precis.h"
#include "t.h"

#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

#define MEM_FACTOR 40
#define MEM_BASE_KB (64 * 1024)
#define HANG_SECONDS (UNDER_ASAN ? 300 : 120)

/* A case stores its input size in in[0] and, when the general bound does
   not apply, its own memory bound in KB in in[1].  Returns 0 unless it
   could not run. */
typedef int (*case_fn)(size_t *in);

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The input size is known only in the child; it passes it back through a
   pipe so that the parent can apply the memory bound. */
static void run_case(const char *name, case_fn fn)
{
    const char *only = getenv("HOSTILE_ONLY"); /* run only cases whose name has this */
    if (only && *only && !strstr(name, only))
        return;
    int fd[2];
    if (pipe(fd)) {
        T_CHECK(!"pipe");
        return;
    }
    double t0 = now();
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        t_failed = 0; /* the parent's count is not the case's */
        alarm(HANG_SECONDS);
        size_t in[2] = {0, 0};
        int bad = fn(in);
        if (write(fd[1], in, sizeof in) != (ssize_t)sizeof in)
            bad = 1;
        close(fd[1]);
        fflush(stderr);
        _exit(bad || t_failed ? 1 : 0);
    }
    close(fd[1]);
    int status = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    pid_t w = wait4(pid, &status, 0, &ru);
    double secs = now() - t0;
    size_t io[2] = {0, 0};
    if (read(fd[0], io, sizeof io) != (ssize_t)sizeof io)
        io[0] = io[1] = 0;
    close(fd[0]);
    size_t in = io[0];
    long rss_kb = ru.ru_maxrss;
    long bound_kb = io[1] ? (long)io[1] : (long)(MEM_FACTOR * (in / 1024)) + MEM_BASE_KB;
    fprintf(stderr, "  %-28s %7.2f s  input %8zu KB  peak RSS %7ld KB  (bound %ld KB%s)\n",
            name, secs, in / 1024, rss_kb, bound_kb, UNDER_ASAN ? ", not enforced" : "");
    T_CHECK(w == pid);
    if (WIFSIGNALED(status))
        fprintf(stderr, "  %s: killed by signal %d%s\n", name, WTERMSIG(status),
                WTERMSIG(status) == SIGALRM ? " (hang bound)" : "");
    T_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    T_CHECK(secs < HANG_SECONDS);
    if (!UNDER_ASAN)
        T_CHECK(rss_kb < bound_kb);
}

/* ---- helpers ------------------------------------------------------------*/

static char *repeat(const char *unit, size_t times, size_t *len)
{
    size_t u = strlen(unit);
    char *s = malloc(u * times + 1);
    if (!s)
        abort();
    for (size_t i = 0; i < times; i++)
        memcpy(s + i * u, unit, u);
    s[u * times] = '\0';
    *len = u * times;
    return s;
}

/* Summarizes c with the methods and units in the two masks, a typical
   budget, and renders every format; every call must succeed.  Checks the
   summary respects the budget. */
static void summarize_all(const precis_cluster *c, int methods, int units_mask)
{
    static const precis_unit units[] = {PRECIS_UNIT_WORDS, PRECIS_UNIT_BYTES,
                                        PRECIS_UNIT_SENTENCES};
    static const size_t budgets[] = {100, 600, 4};
    for (int m = 0; m < PRECIS_METHOD_COUNT_; m++) {
        if (!(methods & (1 << m)))
            continue;
        for (int u = 0; u < 3; u++) {
            if (!(units_mask & (1 << u)))
                continue;
            precis_options o;
            precis_options_init(&o);
            o.method = (precis_method)m;
            o.unit = units[u];
            o.budget = budgets[u];
            precis_status st;
            precis_summarizer *s = precis_summarizer_new(&o, &st);
            T_CHECK(s != NULL);
            if (!s)
                continue;
            precis_summary *sum = NULL;
            st = precis_summarize(s, c, &sum);
            if (st)
                fprintf(stderr, "  method %d unit %d: %s (%s)\n", m, u, precis_strerror(st),
                        precis_summarizer_error(s));
            T_EQ_INT(st, PRECIS_OK);
            if (!st) {
                /* a sentence longer than the word budget may leave the
                   summary empty; a sentence budget always admits one */
                if (u == 2)
                    T_CHECK(precis_summary_size(sum) > 0);
                if (u == 0)
                    T_CHECK(precis_summary_words(sum) <= 100);
                if (u == 2)
                    T_CHECK(precis_summary_size(sum) <= 4);
                for (int f = PRECIS_FORMAT_TEXT; f <= PRECIS_FORMAT_HTML; f++) {
                    char *out = NULL;
                    size_t len = 0;
                    T_EQ_INT(precis_summary_render(sum, c, (precis_format)f, &out, &len),
                             PRECIS_OK);
                    T_CHECK(out && len > 0 && strlen(out) == len);
                    precis_free(out);
                }
            }
            precis_summary_free(sum);
            precis_summarizer_free(s);
        }
    }
}

#define ALL_METHODS ((1 << PRECIS_METHOD_COUNT_) - 1)
#define ALL_UNITS 7
#define WORDS 1
#define SENTENCES 4

static precis_status add_text(precis_cluster *c, const char *s, size_t n)
{
    precis_article a = {0};
    a.text = s;
    a.text_len = n;
    return precis_cluster_add(c, &a);
}

/* ---- the cases -----------------------------------------------------------*/

/* 10^5 copies of one sentence in one article: one redundancy group. */
static int case_identical_sentences(size_t *in)
{
    size_t n;
    char *s = repeat("The levee broke and the river flooded the town. ", 100000, &n);
    *in = n;
    precis_cluster *c = precis_cluster_new();
    T_EQ_INT(add_text(c, s, n), PRECIS_OK);
    summarize_all(c, ALL_METHODS, ALL_UNITS);
    precis_cluster_free(c);
    free(s);
    return 0;
}

/* 10^5 articles of one (distinct) sentence each. */
static int case_many_articles(size_t *in)
{
    precis_cluster *c = precis_cluster_new();
    char buf[160];
    *in = 0;
    for (size_t i = 0; i < 100000; i++) {
        int k = snprintf(buf, sizeof buf,
                         "Report %zu says the river rose %zu centimetres near gauge %zu.", i,
                         i % 97, i % 1013);
        *in += (size_t)k;
        if (add_text(c, buf, (size_t)k)) {
            T_CHECK(!"add");
            break;
        }
    }
    T_EQ_INT(precis_cluster_size(c), 100000);
    summarize_all(c, ALL_METHODS, SENTENCES);
    summarize_all(c, 1 << PRECIS_METHOD_DEFAULT, WORDS);
    precis_cluster_free(c);
    return 0;
}

/* One 50 MB article without a sentence end: cut into sentences of
   PRECIS_MAX_SENTENCE_WORDS words. */
static int case_50mb_no_end(size_t *in)
{
    size_t n;
    char *s = repeat("water rises over the old stone bridge and ", 50u * 1024 * 1024 / 43, &n);
    *in = n;
    precis_cluster *c = precis_cluster_new();
    T_EQ_INT(add_text(c, s, n), PRECIS_OK);
    summarize_all(c, 1 << PRECIS_METHOD_DEFAULT | 1 << PRECIS_METHOD_LEAD |
                         1 << PRECIS_METHOD_CENTROID, SENTENCES);
    precis_span *sp = NULL;
    size_t ns = 0;
    T_EQ_INT(precis_split(s, n, &sp, &ns), PRECIS_OK);
    T_CHECK(ns >= n / 43 * 8 / PRECIS_MAX_SENTENCE_WORDS);
    precis_free(sp);
    precis_cluster_free(c);
    free(s);
    return 0;
}

/* A sentence of 10^6 distinct words, ending in a full stop. */
static int case_million_words(size_t *in)
{
    size_t cap = 10u << 20, n = 0;
    char *s = malloc(cap);
    for (size_t i = 0; i < 1000000; i++)
        n += (size_t)snprintf(s + n, cap - n, "w%zx ", i);
    s[n - 1] = '.';
    *in = n;
    precis_cluster *c = precis_cluster_new();
    T_EQ_INT(add_text(c, s, n), PRECIS_OK);
    summarize_all(c, ALL_METHODS, SENTENCES);
    precis_cluster_free(c);
    free(s);
    return 0;
}

/* Past the documented limit: a clear PRECIS_ELIMIT, the cluster unchanged. */
static int case_over_limit(size_t *in)
{
    size_t n = PRECIS_MAX_ARTICLE_BYTES + 1;
    char *s = malloc(n);
    memset(s, 'a', n);
    *in = n;
    precis_cluster *c = precis_cluster_new();
    T_EQ_INT(add_text(c, s, n), PRECIS_ELIMIT);
    T_EQ_INT(precis_cluster_size(c), 0);
    T_CHECK(strstr(precis_cluster_error(c), "limit") != NULL);
    precis_cluster_free(c);
    free(s);
    return 0;
}

/* 10^5 '[' as a record, inside "text", and as a cluster's articles. */
static int case_deep_json(size_t *in)
{
    size_t n;
    char *s = repeat("[", 100000, &n);
    *in = 3 * n;
    precis_cluster *c = precis_cluster_new();
    T_EQ_INT(precis_cluster_add_json(c, s, n), PRECIS_EJSON);
    T_EQ_INT(precis_cluster_add_json_cluster(c, s, n), PRECIS_EJSON);
    char *t = malloc(n + 64);
    int k = snprintf(t, n + 64, "{\"text\": %s", s);
    T_EQ_INT(precis_cluster_add_json(c, t, (size_t)k), PRECIS_EJSON);
    k = snprintf(t, n + 64, "{\"articles\": %s", s);
    T_EQ_INT(precis_cluster_add_json_cluster(c, t, (size_t)k), PRECIS_EJSON);
    /* balanced and deep: still rejected (Jansson's depth limit) */
    char *b = malloc(2 * n + 1);
    memset(b, '[', n);
    memset(b + n, ']', n);
    T_EQ_INT(precis_cluster_add_json(c, b, 2 * n), PRECIS_EJSON);
    T_EQ_INT(precis_cluster_size(c), 0);
    T_CHECK(precis_cluster_error(c)[0] != '\0');
    free(b);
    free(t);
    free(s);
    precis_cluster_free(c);
    return 0;
}

/* A 20 MB JSON line: one article's text, then a cluster of 2000 articles. */
static int case_long_json(size_t *in)
{
    size_t n;
    char *body = repeat("The dam held. Crews \\\"worked\\\" all night\\n\\u00e9. ", 400000, &n);
    char *line = malloc(n + 64);
    int k = snprintf(line, n + 64, "{\"id\":\"big\",\"text\":\"%s\"}", body);
    *in = (size_t)k;
    precis_cluster *c = precis_cluster_new();
    T_EQ_INT(precis_cluster_add_json(c, line, (size_t)k), PRECIS_OK);
    summarize_all(c, 1 << PRECIS_METHOD_DEFAULT | 1 << PRECIS_METHOD_LEAD, ALL_UNITS);
    precis_cluster_clear(c);
    size_t cap = 2000 * 80 + 64, m = 0;
    char *cl = malloc(cap);
    m += (size_t)snprintf(cl + m, cap - m, "{\"id\":\"c\",\"articles\":[");
    for (int i = 0; i < 2000; i++)
        m += (size_t)snprintf(cl + m, cap - m, "%s{\"id\":%d,\"text\":\"Gauge %d read %d metres.\"}",
                              i ? "," : "", i, i, i % 9);
    m += (size_t)snprintf(cl + m, cap - m, "]}");
    *in += m;
    T_EQ_INT(precis_cluster_add_json_cluster(c, cl, m), PRECIS_OK);
    T_EQ_INT(precis_cluster_size(c), 2000);
    T_EQ_STR(precis_cluster_id(c), "c");
    summarize_all(c, ALL_METHODS, ALL_UNITS);
    free(cl);
    free(line);
    free(body);
    precis_cluster_free(c);
    return 0;
}

/* Every byte value 0-255 as an article, alone and all together, and the
   printable ones around a real sentence. */
static int case_every_byte(size_t *in)
{
    precis_cluster *c = precis_cluster_new();
    precis_cluster_set_strict(c, 1); /* the default decoding: test_charset.c */
    char all[256];
    for (int b = 0; b < 256; b++) {
        char one = (char)b;
        all[b] = (char)b;
        precis_status st = add_text(c, &one, 1);
        if (b == 0)
            T_EQ_INT(st, PRECIS_ENUL);
        else if (b >= 0x80)
            T_EQ_INT(st, PRECIS_EUTF8);
        else
            T_CHECK(st == PRECIS_OK || st == PRECIS_EEMPTY);
    }
    size_t before = precis_cluster_size(c);
    T_EQ_INT(add_text(c, all, 256), PRECIS_ENUL);
    T_EQ_INT(add_text(c, all + 1, 255), PRECIS_EUTF8);
    T_CHECK(strstr(precis_cluster_error(c), "byte 127") != NULL);
    T_EQ_INT(precis_cluster_size(c), before);
    char mix[200];
    int k = snprintf(mix, sizeof mix, "%.*s The river rose. %.*s", 95, all + 32, 31, all + 1);
    T_EQ_INT(add_text(c, mix, (size_t)k), PRECIS_OK);
    summarize_all(c, ALL_METHODS, ALL_UNITS);
    T_EQ_INT(precis_cluster_add_multinews(c, all, 256), PRECIS_ENUL);
    T_EQ_INT(precis_cluster_add_json(c, all, 256), PRECIS_EJSON);
    precis_span *sp;
    size_t ns;
    precis_status st = precis_split(all, 256, &sp, &ns);
    if (!st)
        precis_free(sp);
    *in = 256 * 4;
    precis_cluster_free(c);
    return 0;
}

/* Invalid and overlong UTF-8: each rejected with the right offset. */
static int case_bad_utf8(size_t *in)
{
    static const struct {
        const char *s;
        size_t bad;
    } cases[] = {
        {"ok \xc0\xaf", 3},              /* overlong '/' */
        {"ok \xe0\x80\xaf", 3},          /* overlong, 3 bytes */
        {"ok \xf0\x80\x80\xaf", 3},      /* overlong, 4 bytes */
        {"ok \xed\xa0\x80 x", 3},        /* UTF-16 surrogate */
        {"ok \xf4\x90\x80\x80", 3},      /* above U+10FFFF */
        {"ok \xf8\x88\x80\x80\x80", 3},  /* 5-byte form */
        {"ok \x80 lone continuation", 3},
        {"ok \xe2\x82", 3},              /* truncated at the end */
        {"ok \xe2\x82 x", 3},            /* truncated in the middle */
        {"\xfe\xff BOM-like", 0},
        {"caf\xc3\xa9 \xff", 6},
    };
    precis_cluster *c = precis_cluster_new();
    precis_cluster_set_strict(c, 1); /* the default decoding: test_charset.c */
    char msg[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = strlen(cases[i].s);
        T_EQ_INT(add_text(c, cases[i].s, n), PRECIS_EUTF8);
        snprintf(msg, sizeof msg, "at byte %zu", cases[i].bad);
        if (!strstr(precis_cluster_error(c), msg))
            fprintf(stderr, "  case %zu: \"%s\"\n", i, precis_cluster_error(c));
        T_CHECK(strstr(precis_cluster_error(c), msg) != NULL);
        T_EQ_INT(precis_cluster_add_multinews(c, cases[i].s, n), PRECIS_EUTF8);
        precis_span *sp;
        size_t ns;
        if (!precis_split(cases[i].s, n, &sp, &ns))
            precis_free(sp);
        /* and the ROUGE scorer */
        precis_rouge *r = precis_rouge_new(NULL, NULL);
        const char *refs[] = {cases[i].s};
        precis_rouge_scores sc;
        T_EQ_INT(precis_rouge_score(r, "ok fine", refs, 1, &sc), PRECIS_EUTF8);
        T_EQ_INT(precis_rouge_score(r, cases[i].s, refs + 0, 1, &sc), PRECIS_EUTF8);
        precis_rouge_free(r);
    }
    /* metadata fields are checked too */
    precis_article a = {0};
    a.text = "Fine text.";
    a.text_len = 10;
    a.title = "bad \xc0\xaf title";
    T_EQ_INT(precis_cluster_add(c, &a), PRECIS_EUTF8);
    /* JSON with a raw invalid byte inside a string, and a lone surrogate escape */
    T_EQ_INT(precis_cluster_add_json(c, "{\"text\":\"a \xff b\"}", 17), PRECIS_EJSON);
    const char *sur = "{\"text\":\"a \\ud800 b\"}";
    T_EQ_INT(precis_cluster_add_json(c, sur, strlen(sur)), PRECIS_EJSON);
    T_EQ_INT(precis_cluster_size(c), 0);
    *in = 1024;
    precis_cluster_free(c);
    return 0;
}

/* A cluster of empty articles: each rejected, the empty cluster a clear
   error for the summarizer. */
static int case_empty_articles(size_t *in)
{
    static const char *const empties[] = {"", " ", "\n\n\t \r\n", " date 2016-12-30 ",
                                          " date 2016-12-30\n\n"};
    precis_cluster *c = precis_cluster_new();
    for (size_t i = 0; i < sizeof empties / sizeof empties[0]; i++)
        T_EQ_INT(add_text(c, empties[i], strlen(empties[i])), PRECIS_EEMPTY);
    precis_article a = {0};
    T_EQ_INT(precis_cluster_add(c, &a), PRECIS_EEMPTY); /* NULL text, length 0 */
    a.text_len = 5;
    T_EQ_INT(precis_cluster_add(c, &a), PRECIS_EINVAL); /* NULL text, length 5 */
    T_EQ_INT(precis_cluster_add_multinews(c, "", 0), PRECIS_EEMPTY);
    const char *seps = " story_separator_special_tag  story_separator_special_tag ";
    T_EQ_INT(precis_cluster_add_multinews(c, seps, strlen(seps)), PRECIS_EEMPTY);
    T_EQ_INT(precis_cluster_add_json(c, "{\"text\":\"\"}", 11), PRECIS_EEMPTY);
    const char *ec = "{\"articles\":[]}";
    T_EQ_INT(precis_cluster_add_json_cluster(c, ec, strlen(ec)), PRECIS_EEMPTY);
    T_EQ_INT(precis_cluster_size(c), 0);
    /* punctuation only: accepted as text, but there is nothing to say */
    T_EQ_INT(add_text(c, "... !!! ???", 11), PRECIS_OK);
    for (int m = 0; m < PRECIS_METHOD_COUNT_; m++) {
        precis_cluster *e = precis_cluster_new();
        precis_options o;
        precis_options_init(&o);
        o.method = (precis_method)m;
        precis_summarizer *s = precis_summarizer_new(&o, NULL);
        precis_summary *sum = NULL;
        T_EQ_INT(precis_summarize(s, e, &sum), PRECIS_EEMPTY);
        T_CHECK(sum == NULL);
        precis_status st = precis_summarize(s, c, &sum);
        T_CHECK(st == PRECIS_OK || st == PRECIS_EEMPTY);
        if (!st) {
            char *out;
            T_EQ_INT(precis_summary_render(sum, c, PRECIS_FORMAT_JSON, &out, NULL), PRECIS_OK);
            precis_free(out);
        }
        precis_summary_free(sum);
        precis_summarizer_free(s);
        precis_cluster_free(e);
    }
    /* ROUGE with empty texts: zeros, not NaN */
    precis_rouge *r = precis_rouge_new(NULL, NULL);
    const char *refs[] = {"", "\n\n"};
    precis_rouge_scores sc;
    T_EQ_INT(precis_rouge_score(r, "", refs, 2, &sc), PRECIS_OK);
    for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++)
        T_CHECK(sc.m[m].f == 0 && sc.m[m].r == 0 && sc.m[m].p == 0);
    T_EQ_INT(precis_rouge_score(r, "a", refs, 0, &sc), PRECIS_EINVAL);
    precis_rouge_free(r);
    *in = 1024;
    precis_cluster_free(c);
    return 0;
}

/* Budget 0 (an empty summary) and a budget beyond the input (everything
   that is not redundant), in every unit and method. */
static int case_budgets(size_t *in)
{
    static const char *const texts[] = {
        "The river broke its levee on Saturday. About 1,200 people left their homes. "
        "A fisherman is missing.",
        "Floodwater poured through the levee on Saturday. Officials said 1,200 residents "
        "were evacuated. The governor released emergency funds.",
        "The governor released $1.2 million in emergency funds. Schools are closed."};
    precis_cluster *c = precis_cluster_new();
    *in = 0;
    for (size_t i = 0; i < 3; i++) {
        T_EQ_INT(add_text(c, texts[i], strlen(texts[i])), PRECIS_OK);
        *in += strlen(texts[i]);
    }
    static const size_t budgets[] = {0, SIZE_MAX, (size_t)1 << 40};
    for (int m = 0; m < PRECIS_METHOD_COUNT_; m++)
        for (int u = 0; u < 3; u++)
            for (int b = 0; b < 3; b++)
                for (int t = 0; t < 2; t++) {
                    precis_options o;
                    precis_options_init(&o);
                    o.method = (precis_method)m;
                    o.unit = (precis_unit)u;
                    o.budget = budgets[b];
                    o.truncate_last = t;
                    precis_summarizer *s = precis_summarizer_new(&o, NULL);
                    precis_summary *sum = NULL;
                    T_EQ_INT(precis_summarize(s, c, &sum), PRECIS_OK);
                    if (!sum) {
                        precis_summarizer_free(s);
                        continue;
                    }
                    if (b == 0) {
                        T_EQ_INT(precis_summary_size(sum), 0);
                        T_EQ_INT(precis_summary_words(sum), 0);
                    } else {
                        T_CHECK(precis_summary_size(sum) >= 1);
                        T_CHECK(precis_summary_size(sum) <= 9);
                    }
                    for (int f = PRECIS_FORMAT_TEXT; f <= PRECIS_FORMAT_HTML; f++) {
                        char *out = NULL;
                        size_t len;
                        T_EQ_INT(precis_summary_render(sum, c, (precis_format)f, &out, &len),
                                 PRECIS_OK);
                        T_CHECK(out && strlen(out) == len);
                        precis_free(out);
                    }
                    precis_summary_free(sum);
                    precis_summarizer_free(s);
                }
    /* ROUGE length limits beyond the text, and of one word/byte */
    precis_rouge_options ro;
    precis_rouge_options_init(&ro);
    size_t lims[] = {1, SIZE_MAX};
    for (int i = 0; i < 2; i++)
        for (int wb = 0; wb < 2; wb++) {
            ro.limit_words = wb ? 0 : lims[i];
            ro.limit_bytes = wb ? lims[i] : 0;
            precis_rouge *r = precis_rouge_new(&ro, NULL);
            T_CHECK(r != NULL);
            const char *refs[] = {texts[1]};
            precis_rouge_scores sc;
            T_EQ_INT(precis_rouge_score(r, texts[0], refs, 1, &sc), PRECIS_OK);
            precis_rouge_free(r);
        }
    precis_cluster_free(c);
    return 0;
}

/* ROUGE on long texts with unlimited skip distance (ROUGE-S*): an n-word
   text has n(n-1)/2 skip bigrams, but they are counted, not listed, so
   memory stays within the general bound.  A text past the limit of 10^8
   skip bigrams (about 14,142 tokens), or a pair of lines past 10^8 LCS
   cells, is a clear PRECIS_ELIMIT. */
static int case_rouge_long(size_t *in)
{
    size_t n, m;
    char *peer = repeat("the river rose over the levee and the town flooded\n", 200, &n);
    char *ref = repeat("floodwater poured through the town after the levee broke ", 450, &n);
    /* 15,000 distinct tokens: past the limit */
    char *big = malloc(15000 * 8 + 1);
    m = 0;
    for (int i = 0; i < 15000; i++)
        m += (size_t)sprintf(big + m, "w%d ", i);
    *in = strlen(peer) + n + 2 * m;
    precis_rouge_options o;
    precis_rouge_options_init(&o);
    o.skip = PRECIS_ROUGE_SKIP_ANY;
    precis_rouge *r = precis_rouge_new(&o, NULL);
    const char *refs[] = {ref, peer};
    precis_rouge_scores sc;
    T_EQ_INT(precis_rouge_score(r, peer, refs, 2, &sc), PRECIS_OK);
    T_CHECK(sc.m[PRECIS_ROUGE_1].r > 0 && sc.m[PRECIS_ROUGE_1].r <= 1);
    T_CHECK(sc.m[PRECIS_ROUGE_S].r > 0 && sc.m[PRECIS_ROUGE_S].r < 1);
    /* the same text as summary and reference: every skip bigram hits */
    T_EQ_INT(precis_rouge_score(r, peer, (const char *[]){peer}, 1, &sc), PRECIS_OK);
    T_CHECK(sc.m[PRECIS_ROUGE_S].r == 1 && sc.m[PRECIS_ROUGE_S].p == 1);
    T_EQ_INT(precis_rouge_score(r, big, refs, 1, &sc), PRECIS_ELIMIT);
    T_CHECK(strstr(precis_rouge_error(r), "the summary has 112492500 skip-bigrams") != NULL);
    T_EQ_INT(precis_rouge_score(r, peer, (const char *[]){big}, 1, &sc), PRECIS_ELIMIT);
    T_CHECK(strstr(precis_rouge_error(r), "reference 1") != NULL);
    /* and the handle still works */
    T_EQ_INT(precis_rouge_score(r, peer, refs, 2, &sc), PRECIS_OK);
    precis_rouge_free(r);
    /* with a distance limit the same text is fine for ROUGE-S, (d+1) n
       pairs; but ROUGE-L on two lines of 15,000 tokens needs a table of
       2.25 x 10^8 cells, past the limit of 10^8 */
    o.skip = 4;
    r = precis_rouge_new(&o, NULL);
    T_EQ_INT(precis_rouge_score(r, big, (const char *[]){big}, 1, &sc), PRECIS_ELIMIT);
    T_CHECK(strstr(precis_rouge_error(r), "LCS cells") != NULL);
    precis_rouge_free(r);
    o.lcs = 0;
    r = precis_rouge_new(&o, NULL);
    T_EQ_INT(precis_rouge_score(r, big, (const char *[]){big}, 1, &sc), PRECIS_OK);
    T_CHECK(sc.m[PRECIS_ROUGE_S].r == 1);
    precis_rouge_free(r);
    free(big);
    free(peer);
    free(ref);
    return 0;
}

/* ---- the analysis (precis_analyze, the reports) ---------------------------*/

/* Analyzes c alone and together with a summary (sentence budget 4), checks
   every index the analysis hands out against the cluster, and renders the
   JSON and HTML reports.  Returns the number of copies found (the first
   run's), or SIZE_MAX on failure. */
static size_t analyze_all(const precis_cluster *c)
{
    size_t na = precis_cluster_size(c), ncopies = SIZE_MAX;
    for (int both = 0; both < 2; both++) {
        precis_options o;
        precis_options_init(&o);
        o.unit = PRECIS_UNIT_SENTENCES;
        o.budget = 4;
        precis_summarizer *s = precis_summarizer_new(&o, NULL);
        precis_summary *sum = NULL;
        precis_analysis *an = NULL;
        precis_status st =
            both ? precis_summarize_analyze(s, c, &sum, &an) : precis_analyze(s, c, &an);
        if (st)
            fprintf(stderr, "  analyze: %s\n", precis_strerror(st));
        T_EQ_INT(st, PRECIS_OK);
        if (!st) {
            const precis_copy *cp;
            size_t n = precis_analysis_copies(an, &cp);
            if (!both)
                ncopies = n;
            for (size_t i = 0; i < n; i++)
                if (!(cp[i].a < cp[i].b && cp[i].b < PRECIS_COPY_MAX_ARTICLES && cp[i].b < na)) {
                    T_CHECK(!"copy pair out of range");
                    break;
                }
            const precis_timeline_entry *t;
            T_EQ_INT(precis_analysis_timeline(an, &t), na);
            const precis_quote *q;
            size_t nq = precis_analysis_quotes(an, &q);
            for (size_t i = 0; i < nq; i++)
                T_CHECK(q[i].article < na && q[i].start <= q[i].end && q[i].text);
            const precis_fact *f;
            size_t nf = precis_analysis_facts(an, &f);
            for (size_t i = 0; i < nf; i++)
                T_CHECK(f[i].article < na && f[i].start <= f[i].end && f[i].text);
            const precis_conflict *cf;
            size_t ncf = precis_analysis_conflicts(an, &cf);
            for (size_t i = 0; i < ncf; i++)
                T_CHECK(cf[i].a < nf && cf[i].b < nf);
            fprintf(stderr, "    %s: %zu copies, %zu quotes, %zu facts, %zu conflicts\n",
                    both ? "summarize+analyze" : "analyze", n, nq, nf, ncf);
            for (int fmt = 0; fmt < 2; fmt++) {
                char *out = NULL;
                size_t len = 0;
                T_EQ_INT(precis_report_render(sum, an, c,
                                              fmt ? PRECIS_FORMAT_HTML : PRECIS_FORMAT_JSON,
                                              &out, &len),
                         PRECIS_OK);
                T_CHECK(out && len > 0 && strlen(out) == len);
                precis_free(out);
            }
        }
        precis_analysis_free(an);
        precis_summary_free(sum);
        precis_summarizer_free(s);
    }
    return ncopies;
}

/* 10^5 identical one-sentence articles: every pair is a copy, but only
   the first PRECIS_COPY_MAX_ARTICLES articles are compared. */
static int case_analyze_identical(size_t *in)
{
    const char *t = "The levee on the Larrow River broke on Saturday, officials said.";
    precis_cluster *c = precis_cluster_new();
    *in = 0;
    for (size_t i = 0; i < 100000; i++) {
        if (add_text(c, t, strlen(t))) {
            T_CHECK(!"add");
            break;
        }
        *in += strlen(t);
    }
    size_t n = analyze_all(c);
    T_EQ_INT(n, (size_t)PRECIS_COPY_MAX_ARTICLES * (PRECIS_COPY_MAX_ARTICLES - 1) / 2);
    precis_cluster_free(c);
    return 0;
}

/* 10^5 quote marks of every kind, as one article and mixed with words and
   attributions over many articles. */
static int case_analyze_quote_marks(size_t *in)
{
    size_t n1, n2, n3;
    char *marks = repeat("\"\xe2\x80\x9c\xe2\x80\x9d'\xc2\xab\xc2\xbb\xe2\x80\x98\xe2\x80\x99\"\" ",
                         10000, &n1);
    char *words = repeat("\"Water,\" he said, \"rose. ", 100000 / 4, &n2);
    char *open = repeat("\xe2\x80\x9c", 100000, &n3);
    *in = n1 + n2 + n3;
    precis_cluster *c = precis_cluster_new();
    T_EQ_INT(add_text(c, marks, n1), PRECIS_OK);
    T_EQ_INT(add_text(c, words, n2), PRECIS_OK);
    T_EQ_INT(add_text(c, open, n3), PRECIS_OK);
    for (int i = 0; i < 200; i++) {
        char buf[200];
        int k = snprintf(buf, sizeof buf,
                         "\"We did what we could,\" said Mayor Ellen Hart. \"Report %d\", "
                         "Hart told reporters. \"Unclosed %d",
                         i % 7, i);
        *in += (size_t)k;
        T_EQ_INT(add_text(c, buf, (size_t)k), PRECIS_OK);
    }
    analyze_all(c);
    precis_cluster_free(c);
    free(marks);
    free(words);
    free(open);
    return 0;
}

/* A 50 MB article that opens a quote and never closes it nor ends a
   sentence, beside a short article. */
static int case_analyze_50mb_unclosed(size_t *in)
{
    size_t n;
    char *body = repeat("water rises over the old stone bridge and ", 50u * 1024 * 1024 / 43, &n);
    memcpy(body, "Hart said \"water", 16);
    *in = n;
    precis_cluster *c = precis_cluster_new();
    T_EQ_INT(add_text(c, body, n), PRECIS_OK);
    const char *t = "Hart said \"the water rises over the old stone bridge\" on Saturday.";
    T_EQ_INT(add_text(c, t, strlen(t)), PRECIS_OK);
    analyze_all(c);
    precis_cluster_free(c);
    free(body);
    return 0;
}

/* 10^5 numbers: counted things that conflict from article to article
   ("41 residents" / "44 residents"), bare numbers, money, percentages and
   dates. */
static int case_analyze_numbers(size_t *in)
{
    size_t cap = 4u << 20;
    char *a = malloc(cap), *b = malloc(cap);
    size_t na = 0, nb = 0;
    for (size_t i = 0; i < 25000; i++) {
        na += (size_t)snprintf(a + na, cap - na, "About %zu residents were moved. ", i + 1);
        nb += (size_t)snprintf(b + nb, cap - nb, "Some %zu residents were moved on Dec. %zu. ",
                               i + 3, i % 31 + 1);
    }
    char *bare = malloc(cap);
    size_t nn = 0;
    for (size_t i = 0; i < 50000; i++)
        nn += (size_t)snprintf(bare + nn, cap - nn, "%s%zu ",
                               i % 4 == 0 ? "$" : i % 4 == 1 ? "" : i % 4 == 2 ? "-" : "0.",
                               i * 7919 % 100003);
    bare[nn - 1] = '%';
    *in = na + nb + nn;
    precis_cluster *c = precis_cluster_new();
    T_EQ_INT(add_text(c, a, na), PRECIS_OK);
    T_EQ_INT(add_text(c, b, nb), PRECIS_OK);
    T_EQ_INT(add_text(c, bare, nn), PRECIS_OK);
    analyze_all(c);
    precis_cluster_free(c);
    free(a);
    free(b);
    free(bare);
    return 0;
}

/* Summarizes c with method m at `words` words and returns how many summary
   sentences contain needle (-1 on error). */
static int count_in_summary(const precis_cluster *c, precis_method m, size_t words,
                            const char *needle)
{
    precis_options o;
    precis_options_init(&o);
    o.method = m;
    o.budget = words;
    precis_summarizer *s = precis_summarizer_new(&o, NULL);
    precis_summary *sum = NULL;
    int n = -1;
    if (s && precis_summarize(s, c, &sum) == PRECIS_OK) {
        n = 0;
        for (size_t i = 0; i < precis_summary_size(sum); i++) {
            const precis_sentence *ps = precis_summary_sentence(sum, i);
            char buf[1024];
            size_t k = ps->len < sizeof buf - 1 ? ps->len : sizeof buf - 1;
            memcpy(buf, ps->text, k);
            buf[k] = '\0';
            n += strstr(buf, needle) != NULL;
        }
    }
    precis_summary_free(sum);
    precis_summarizer_free(s);
    return n;
}

/* Exact copies of short sentences (fewer than 3 content terms: "He
   declined to comment.", "Lol.") are one redundancy group whatever their
   case, spacing and punctuation, so no summary holds one twice. */
static int case_short_duplicates(size_t *in)
{
    static const char *arts[] = {
        "The mayor resigned on Monday after a vote of the council. He declined to comment. "
        "Lol. The vote was 7 to 2.",
        "He declined to comment. A council vote forced the mayor out on Monday. LOL!",
        "Residents gathered outside the town hall for hours. he declined to comment . "
        "Lol .",
        "“He declined to comment.” The deputy mayor takes over until an election in June. "
        "She would not comment.",
    };
    precis_cluster *c = precis_cluster_new();
    *in = 0;
    for (size_t i = 0; i < 4; i++) {
        T_EQ_INT(add_text(c, arts[i], strlen(arts[i])), PRECIS_OK);
        *in += strlen(arts[i]);
    }
    for (int m = 0; m < PRECIS_METHOD_COUNT_; m++) {
        T_CHECK(count_in_summary(c, (precis_method)m, 40, "declined to comment") <= 1);
        T_CHECK(count_in_summary(c, (precis_method)m, 200, "declined to comment") <= 1);
        T_CHECK(count_in_summary(c, (precis_method)m, 200, "Lol") +
                    count_in_summary(c, (precis_method)m, 200, "LOL") <= 1);
    }
    precis_cluster_free(c);
    return 0;
}

/* 700 lightly edited copies of one wire story (each copy credits its
   outlet in the lead and drops one word of about half its sentences): the
   lead sentence, in all its versions,
   is one redundancy group, so no method gives it twice (and the lead
   methods give it once). */
static int case_syndicated_copies(size_t *in)
{
    static const char *sents[] = {
        "Floodwater from the swollen Larrow River poured through a breached levee in "
        "Portville early Saturday, forcing about 1,200 residents from their homes and "
        "cutting the city's main road to the coast, officials said.",
        "The earthen levee gave way near St. Anselm's Church shortly before dawn after four "
        "days of heavy rain across Eastmarch province.",
        "By mid-morning the river stood at 6.8 meters on the gauge at Portville Bridge, its "
        "highest level since 1987 and more than two meters above flood stage.",
        "Emergency crews used boats to move 41 elderly residents out of the St. Brigid care "
        "home on Mill Lane, where water reached the ground-floor windows.",
        "No deaths have been reported, but police said a 63-year-old fisherman, Oskar "
        "Lindqvist, has been missing since Friday night.",
        "The governor said she had released $1.2 million from the provincial disaster fund "
        "to pay for shelters, pumps and sandbags.",
    };
    enum { COPIES = 700 };
    precis_cluster *c = precis_cluster_new();
    char buf[4096];
    uint64_t rnd = 1;
    *in = 0;
    for (int i = 0; i < COPIES; i++) {
        size_t n = 0;
        for (size_t k = 0; k < sizeof sents / sizeof *sents; k++) {
            const char *s = sents[k];
            rnd = rnd * 6364136223846793005ULL + 1442695040888963407ULL;
            int drop = (rnd >> 33) % 2 ? (int)((rnd >> 40) % 20) : -1;
            int w = 0;
            for (const char *p = s; *p; p++) {
                if (p == s || p[-1] == ' ')
                    w++;
                if (w - 1 == drop && drop > 0)
                    continue; /* this word (and the space after it) left out */
                buf[n++] = *p;
            }
            if (k == 0) /* each outlet credits itself: 700 distinct leads */
                n += (size_t)snprintf(buf + n - 1, sizeof buf - n, " (Courier%d).", i) - 1;
            buf[n++] = ' ';
        }
        T_EQ_INT(add_text(c, buf, n), PRECIS_OK);
        *in += n;
    }
    for (int m = 0; m < PRECIS_METHOD_COUNT_; m++) {
        int k = count_in_summary(c, (precis_method)m, 120, "Larrow River");
        if (k > 1)
            fprintf(stderr, "  %s: the lead sentence %d times\n",
                    precis_method_name((precis_method)m), k);
        T_CHECK(k == 1 || (k == 0 && m != PRECIS_METHOD_LEAD && m != PRECIS_METHOD_LEAD_RR));
    }
    precis_cluster_free(c);
    return 0;
}

/* A budget smaller than every sentence: not an empty summary but the best
   sentence cut at a word boundary to fit, marked as cut. */
static int case_budget_below_every_sentence(size_t *in)
{
    const char *t = "Floodwater from the swollen Larrow River poured through a breached levee "
                    "in Portville early Saturday, officials said. About 1,200 residents left "
                    "their homes in the low-lying districts before the water reached them.";
    precis_cluster *c = precis_cluster_new();
    T_EQ_INT(add_text(c, t, strlen(t)), PRECIS_OK);
    *in = strlen(t);
    for (int m = 0; m < PRECIS_METHOD_COUNT_; m++)
        for (int u = 0; u < 2; u++) {
            precis_options o;
            precis_options_init(&o);
            o.method = (precis_method)m;
            o.unit = u ? PRECIS_UNIT_BYTES : PRECIS_UNIT_WORDS;
            o.budget = u ? 40 : 6;
            precis_summarizer *s = precis_summarizer_new(&o, NULL);
            precis_summary *sum = NULL;
            T_EQ_INT(precis_summarize(s, c, &sum), PRECIS_OK);
            T_EQ_INT(precis_summary_size(sum), 1);
            T_EQ_INT(precis_summary_cut(sum), 1);
            if (precis_summary_size(sum) == 1) {
                const precis_sentence *ps = precis_summary_sentence(sum, 0);
                T_CHECK(u ? ps->len <= 40 : precis_summary_words(sum) == 6);
                T_CHECK(ps->len > 0 && ps->text[ps->len - 1] != ' ');
            }
            char *out = NULL;
            T_EQ_INT(precis_summary_render(sum, c, PRECIS_FORMAT_JSON, &out, NULL), PRECIS_OK);
            T_CHECK(out && strstr(out, "\"cut\":true}]"));
            precis_free(out);
            precis_summary_free(sum);
            precis_summarizer_free(s);
        }
    precis_cluster_free(c);
    return 0;
}

/* Sentence-dense text: the shortest sentences there are ("Go. ", 4 bytes
   each), where the per-sentence structures outweigh the text.  The bound
   stated for any input is 100 x input + 64 MB (40 x holds for text whose
   sentences average 20 bytes or more, all the cases above). */
static int case_sentence_dense(size_t *in)
{
    size_t n;
    char *s = repeat("Go. ", 500000, &n);
    *in = n;
    in[1] = (100 * n + ((size_t)64 << 20)) / 1024;
    precis_cluster *c = precis_cluster_new();
    T_EQ_INT(add_text(c, s, n), PRECIS_OK);
    summarize_all(c, ALL_METHODS, WORDS);
    analyze_all(c);
    precis_cluster_free(c);
    free(s);
    return 0;
}

#define CASE(fn) run_case(#fn, fn)

int main(void)
{
    CASE(case_every_byte);
    CASE(case_bad_utf8);
    CASE(case_empty_articles);
    CASE(case_budgets);
    CASE(case_deep_json);
    CASE(case_identical_sentences);
    CASE(case_many_articles);
    CASE(case_million_words);
    CASE(case_long_json);
    CASE(case_rouge_long);
    CASE(case_50mb_no_end);
    CASE(case_over_limit);
    CASE(case_analyze_identical);
    CASE(case_analyze_quote_marks);
    CASE(case_analyze_numbers);
    CASE(case_analyze_50mb_unclosed);
    CASE(case_short_duplicates);
    CASE(case_syndicated_copies);
    CASE(case_budget_below_every_sentence);
    CASE(case_sentence_dense);
    return t_finish();
}
