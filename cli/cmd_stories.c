/*
 * cmd_stories.c -- 'precis stories': group a JSON Lines stream of
 * articles into stories as they arrive (the library's stream handle).
 *
 * Each input line gets exactly one output line, in order, written as soon
 * as the article is assigned: {"id","story","new","copy_of","lang","score"}
 * or, for a bad record, {"line":N,"error":"..."} (and a FILE:LINE message
 * on standard error; the exit status is then 1).  --summarize adds a
 * {"story":S,"version":V,"articles":N,"summary":"..."} line when a story
 * reaches 2, 4, 8, ... articles (debounced: at most log2 n summaries per
 * story) and when it closes; --final adds {"story":S,"closed":true,
 * "lang":..,"articles":[ids]} when a story closes and for every story
 * still open at the end.  Memory is bounded by the stream's active window
 * and the longest line.
 */
#include "opts.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: precis stories [options] [FILE|-]\n"
    "\n"
    "Group a JSON Lines stream of articles ({\"id\",\"source\",\"date\",\"title\",\n"
    "\"text\",\"lang\"}) into stories as they arrive; writes one line per article.\n"
    "\n"
    "options:\n"
    "      --close-after SECONDS   a dated story closes after this long without an\n"
    "                              article (default 259200, 3 days)\n"
    "      --close-after-articles N  any story closes after N arrivals without an\n"
    "                              article (default 20000)\n"
    "  -l, --lang NAME             force a language (Snowball name or ISO code)\n"
    "      --mix-languages         let a story mix languages\n"
    "  -t, --threshold X           similarity to join a story (default 0.30)\n"
    "      --summarize             add story summaries (when a story doubles, and\n"
    "                              when it closes)\n"
    "  -w, --words N               summary budget in words (default 120)\n"
    "      --final                 write each story with its members when it closes\n"
    "                              (and every open one at the end)\n"
    "  -q, --quiet                 no per-record messages on standard error\n";

enum { OPT_CLOSE = 2000, OPT_CLOSE_N, OPT_MIX, OPT_SUMMARIZE, OPT_FINAL };

typedef struct summ_cache {
    const char *lang[8];
    precis_summarizer *s[8];
    size_t n;
    size_t words;
    precis_cluster *cl;
} summ_cache;

static precis_summarizer *summarizer_for(summ_cache *c, const char *lang)
{
    for (size_t i = 0; i < c->n; i++)
        if (!strcmp(c->lang[i], lang))
            return c->s[i];
    precis_options o;
    precis_options_init(&o);
    o.lang = lang;
    o.budget = c->words;
    precis_summarizer *s = precis_summarizer_new(&o, NULL);
    if (!s)
        return NULL;
    if (c->n == 8) { /* more languages than slots: drop the oldest */
        precis_summarizer_free(c->s[0]);
        memmove(c->s, c->s + 1, 7 * sizeof *c->s);
        memmove(c->lang, c->lang + 1, 7 * sizeof *c->lang);
        c->n--;
    }
    c->lang[c->n] = lang; /* Snowball names are static strings in the stream */
    c->s[c->n++] = s;
    return s;
}

/* Writes the summary line of story st (open, or just popped). */
static int put_summary(FILE *out, precis_stream *s, const precis_story *st, summ_cache *c)
{
    precis_summarizer *sz = summarizer_for(c, st->lang);
    precis_summary *sum = NULL;
    char *txt = NULL;
    size_t len = 0;
    const char *msg = NULL;
    if (!sz)
        msg = "out of memory";
    else if (precis_stream_story_cluster(s, st->id, c->cl))
        msg = precis_cluster_error(c->cl);
    else if (precis_summarize(sz, c->cl, &sum))
        msg = precis_summarizer_error(sz);
    else if (precis_summary_render(sum, c->cl, PRECIS_FORMAT_TEXT, &txt, &len))
        msg = "out of memory";
    fprintf(out, "{\"story\":%llu,\"version\":%llu,\"articles\":%zu,",
            (unsigned long long)st->id, (unsigned long long)st->version, st->n_articles);
    if (msg) {
        fputs("\"error\":\"", out);
        cli_json_chars(out, msg);
    } else {
        while (len && (txt[len - 1] == '\n' || txt[len - 1] == ' '))
            txt[--len] = '\0';
        fputs("\"summary\":\"", out);
        cli_json_chars(out, txt);
    }
    fputs("\"}\n", out);
    precis_free(txt);
    precis_summary_free(sum);
    return msg ? -1 : 0;
}

static void put_final(FILE *out, const precis_story *st)
{
    fprintf(out, "{\"story\":%llu,\"closed\":true,\"lang\":\"%s\",\"articles\":[",
            (unsigned long long)st->id, st->lang);
    for (size_t i = 0; i < st->n_articles; i++) {
        fputs(i ? ",\"" : "\"", out);
        cli_json_chars(out, st->articles[i]);
        fputc('"', out);
    }
    fputs("]}\n", out);
}

/* Drains the closed queue: the final record and the last summary. */
static void drain(FILE *out, precis_stream *s, int final, int summarize, summ_cache *c)
{
    precis_story st;
    while (precis_stream_next_closed(s, &st)) {
        /* a summary at close unless the last debounced one has this version */
        if (summarize && (st.n_articles < 2 || (st.n_articles & (st.n_articles - 1))))
            put_summary(out, s, &st, c);
        if (final)
            put_final(out, &st);
    }
}

static int parse_num(const char *arg, double *v)
{
    char *end;
    errno = 0;
    *v = strtod(arg, &end);
    return errno || end == arg || *end || !(*v >= 0);
}

int cmd_stories(int argc, char **argv)
{
    precis_stream_options so;
    precis_stream_options_init(&so);
    int quiet = 0, summarize = 0, final = 0;
    summ_cache sc = {.words = 120};
    static const struct option longopts[] = {
        {"close-after", required_argument, 0, OPT_CLOSE},
        {"close-after-articles", required_argument, 0, OPT_CLOSE_N},
        {"lang", required_argument, 0, 'l'},
        {"mix-languages", no_argument, 0, OPT_MIX},
        {"threshold", required_argument, 0, 't'},
        {"summarize", no_argument, 0, OPT_SUMMARIZE},
        {"words", required_argument, 0, 'w'},
        {"final", no_argument, 0, OPT_FINAL},
        {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c;
    double v;
    optind = 1;
    while ((c = getopt_long(argc, argv, "l:t:w:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            fputs(help, stdout);
            return 0;
        case 'q': quiet = 1; break;
        case 'l': so.lang = optarg; break;
        case OPT_MIX: so.mix_languages = 1; break;
        case OPT_SUMMARIZE: summarize = 1; break;
        case OPT_FINAL: final = 1; break;
        case OPT_CLOSE:
        case OPT_CLOSE_N:
        case 't':
        case 'w':
            if (parse_num(optarg, &v) || (c == 't' && v > 1)) {
                fprintf(stderr, "precis stories: invalid value '%s'\n", optarg);
                return EXIT_USAGE;
            }
            if (c == OPT_CLOSE)
                so.close_after = v;
            else if (c == OPT_CLOSE_N)
                so.close_after_articles = (size_t)v;
            else if (c == 't')
                so.threshold = v;
            else
                sc.words = (size_t)v;
            break;
        default:
            fputs(help, stderr);
            return EXIT_USAGE;
        }
    }
    if (argc - optind > 1) {
        fprintf(stderr, "precis stories: one input file at most\n");
        return EXIT_USAGE;
    }
    so.keep_text = summarize;
    so.drop_closed = !summarize && !final;
    const char *path = optind < argc ? argv[optind] : "-";
    const char *name = strcmp(path, "-") ? path : "<stdin>";
    FILE *in = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!in) {
        perror(path);
        return EXIT_FATAL;
    }
    precis_stream *s = precis_stream_new(&so);
    sc.cl = summarize ? precis_cluster_new() : NULL;
    if (!s || (summarize && !sc.cl)) {
        fprintf(stderr, so.lang ? "precis stories: unknown language '%s' or out of memory\n"
                                : "precis stories: out of memory%s\n",
                so.lang ? so.lang : "");
        precis_stream_free(s);
        precis_cluster_free(sc.cl);
        if (in != stdin)
            fclose(in);
        return so.lang ? EXIT_USAGE : EXIT_FATAL;
    }
    FILE *out = stdout;
    char *line = NULL;
    size_t cap = 0, rec = 0, bad = 0;
    ssize_t n;
    int rc = 0;
    while ((n = getline(&line, &cap, in)) != -1) {
        rec++;
        size_t len = (size_t)n;
        if (len && line[len - 1] == '\n')
            len--;
        if (len && line[len - 1] == '\r')
            len--;
        precis_assignment as;
        precis_status st = precis_stream_add_json(s, line, len, &as);
        if (st) {
            bad++;
            const char *msg = precis_stream_error(s);
            if (!quiet)
                fprintf(stderr, "precis: %s:%zu: %s\n", name, rec, msg);
            fprintf(out, "{\"line\":%zu,\"error\":\"", rec);
            cli_json_chars(out, msg);
            fputs("\"}\n", out);
            if (st == PRECIS_ENOMEM) {
                rc = EXIT_FATAL;
                break;
            }
        } else {
            fputs("{\"id\":\"", out);
            cli_json_chars(out, as.id);
            fprintf(out, "\",\"story\":%llu,\"new\":%s,\"copy_of\":", (unsigned long long)as.story,
                    as.new_story ? "true" : "false");
            if (as.copy_of) {
                fputc('"', out);
                cli_json_chars(out, as.copy_of);
                fputc('"', out);
            } else {
                fputs("null", out);
            }
            fprintf(out, ",\"lang\":\"%s\",\"score\":%.3f}\n", as.lang, as.score);
            /* debounced summaries: at 2, 4, 8, ... articles */
            precis_story story;
            if (summarize && precis_stream_story(s, as.story, &story) == PRECIS_OK &&
                story.n_articles >= 2 &&
                !(story.n_articles & (story.n_articles - 1)))
                put_summary(out, s, &story, &sc);
        }
        drain(out, s, final, summarize, &sc);
    }
    if (ferror(in)) {
        fprintf(stderr, "precis: %s: read error after line %zu\n", name, rec);
        rc = EXIT_FATAL;
    }
    if (summarize || final) {
        precis_stream_close_all(s);
        drain(out, s, final, summarize, &sc);
    }
    if (fflush(out) || ferror(out)) {
        fprintf(stderr, "precis: write error\n");
        rc = EXIT_FATAL;
    }
    free(line);
    if (in != stdin)
        fclose(in);
    for (size_t i = 0; i < sc.n; i++)
        precis_summarizer_free(sc.s[i]);
    precis_cluster_free(sc.cl);
    precis_stream_free(s);
    if (!rc && bad)
        rc = EXIT_PARTIAL;
    if (!quiet && bad)
        fprintf(stderr, "precis: %zu of %zu records failed\n", bad, rec);
    return rc;
}
