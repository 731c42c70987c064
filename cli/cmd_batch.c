/*
 * cmd_batch.c -- 'precis batch': many clusters, one per input line,
 * streamed: exactly one output line per input line, in order.
 *
 * Input formats: Multi-News lines (documents joined by
 * " story_separator_special_tag ") or JSON Lines clusters
 * ({"id": ..., "articles": [...]}), told apart by the first byte of the
 * input unless --input says.  A bad record never stops the run: it gives
 * an error record in its place (an empty line in text format, or
 * {"record": N, "error": "..."} in JSON) and a FILE:LINE message on
 * standard error; the exit status is then 1.  A record longer than
 * CLI_MAX_RECORD or one that runs out of memory is such a record too (exit
 * status 3 after an out-of-memory record, the rest still processed).  Only
 * a read or write error stops the run.  Memory is bounded by the largest
 * line, not by the input.  On a terminal, standard error shows a progress
 * line (records, records/s, errors); every run ends with a one-line count.
 */
#include "opts.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char help[] =
    "usage: precis batch [options] [FILE|-]\n"
    "\n"
    "Summarize many clusters, one per input line; writes one line per input\n"
    "line, in order (an empty line or an error record for a bad record).\n"
    "\n"
    "options:\n"
    "      --input FMT       auto | multinews | jsonl (default auto: JSON Lines when\n"
    "                        the file ends in .jsonl or its first character is '{')\n"
    "                        multinews: documents joined by\n"
    "                        \" story_separator_special_tag \"; jsonl: one cluster a\n"
    "                        line, {\"id\": ..., \"articles\": [{\"text\": ...}, ...]};\n"
    "                        html: one cluster a line, the paths of its web pages\n"
    "                        separated by spaces or tabs\n"
    "      --analyze         write the full report of each cluster (summary, copies,\n"
    "                        quotes, facts, timeline) as JSON, as 'precis analyze'\n"
    "  -q, --quiet           no messages on standard error but errors that stop the\n"
    "                        run (no per-record messages, progress or count)\n";
static const char formats[] =
    "  -f, --format NAME     text | json (default text; one line per record)\n";

enum { IN_AUTO, IN_MULTINEWS, IN_JSONL, IN_HTML };

/* Writes s as a JSON string body (no quotes), escaping what JSON needs. */
static void put_json_chars(FILE *out, const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fputc('\\', out);
        if ((unsigned char)*p < 0x20)
            fprintf(out, "\\u%04x", (unsigned char)*p);
        else
            fputc(*p, out);
    }
}

/* The start of a record: {"record":N, and "id":"...", when there is one. */
static void put_record_head(FILE *out, size_t rec, const char *id)
{
    fprintf(out, "{\"record\":%zu,", rec);
    if (id) {
        fputs("\"id\":\"", out);
        put_json_chars(out, id);
        fputs("\",", out);
    }
}

static void json_err_record(FILE *out, size_t rec, const char *id, const char *msg)
{
    put_record_head(out, rec, id);
    fputs("\"error\":\"", out);
    put_json_chars(out, msg);
    fputs("\"}\n", out);
}

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && !strcmp(s + n - k, suf);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The progress line on a terminal (cleared before any other message). */
typedef struct progress {
    int on, shown;
    double t0, last;
} progress;

static void progress_clear(progress *p)
{
    if (p->shown) {
        fputs("\r\033[K", stderr);
        p->shown = 0;
    }
}

static void progress_tick(progress *p, size_t rec, size_t bad)
{
    if (!p->on)
        return;
    double t = now();
    if (t - p->last < 0.5)
        return;
    p->last = t;
    fprintf(stderr, "\r\033[Kprecis: %zu records, %.1f records/s, %zu error%s", rec,
            rec / (t - p->t0 > 1e-9 ? t - p->t0 : 1e-9), bad, bad == 1 ? "" : "s");
    p->shown = 1;
}

/* --input html: the line names the pages of one cluster (paths separated
   by spaces or tabs); each is read for its article.  A page that fails
   fails the record, with "PATH: what is wrong" in err. */
static precis_status add_html_line(precis_cluster *cl, char *line, size_t len, char *err,
                                   size_t errcap)
{
    line[len] = '\0';
    precis_status st = PRECIS_EEMPTY;
    snprintf(err, errcap, "no page named on the line");
    for (char *save = NULL, *path = strtok_r(line, " \t", &save); path;
         path = strtok_r(NULL, " \t", &save)) {
        char rerr[512];
        size_t n;
        char *buf = cli_read_file(path, &n, rerr, sizeof rerr);
        if (!buf) {
            snprintf(err, errcap, "%s", rerr);
            return PRECIS_EIO;
        }
        const char *b = strrchr(path, '/');
        st = precis_cluster_add_html(cl, buf, n, b ? b + 1 : path, b ? b + 1 : path);
        free(buf);
        if (st) {
            snprintf(err, errcap, "%s: %s", path, precis_cluster_error(cl));
            return st;
        }
    }
    return st;
}

int cmd_batch(int argc, char **argv)
{
    cli_summary_opts o;
    memset(&o, 0, sizeof o);
    precis_options_init(&o.opt);
    o.fmt = PRECIS_FORMAT_TEXT;
    int input = IN_AUTO, quiet = 0, analyze = 0;
    static const struct option longopts[] = {CLI_SUMMARY_LONGOPTS,
                                             {"quiet", no_argument, 0, 'q'},
                                             {"analyze", no_argument, 0, OPT_ANALYZE},
                                             {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = cli_getopt(argc, argv, CLI_SUMMARY_SHORTOPTS "q", longopts, "batch")) != -1) {
        if (c == -2)
            return EXIT_USAGE;
        if (c == 'h') {
            cli_help(help, formats);
            return 0;
        }
        if (c == 'q') {
            quiet = 1;
            continue;
        }
        if (c == OPT_ANALYZE) {
            analyze = 1;
            continue;
        }
        if (c == OPT_INPUT) {
            if (!strcmp(optarg, "auto"))
                input = IN_AUTO;
            else if (!strcmp(optarg, "multinews"))
                input = IN_MULTINEWS;
            else if (!strcmp(optarg, "jsonl"))
                input = IN_JSONL;
            else if (!strcmp(optarg, "html"))
                input = IN_HTML;
            else {
                fprintf(stderr, "precis: unknown --input '%s' for batch (auto, multinews, "
                                "jsonl, html)\n", optarg);
                return EXIT_USAGE;
            }
            continue;
        }
        int h = cli_summary_opt(c, optarg, &o);
        if (h < 0)
            return EXIT_USAGE;
        if (h == 0)
            return cli_bad_option("batch", "option not valid here");
    }
    if (o.fmt == PRECIS_FORMAT_LINES || o.fmt == PRECIS_FORMAT_MARKDOWN ||
        o.fmt == PRECIS_FORMAT_HTML) {
        fprintf(stderr, "precis: batch --format must be text or json (one line per record)\n");
        return EXIT_USAGE;
    }
    if (analyze)
        o.fmt = PRECIS_FORMAT_JSON;
    if (argc - optind > 1)
        return cli_bad_option("batch", "one input file at most");
    const char *path = optind < argc ? argv[optind] : "-";
    char err[600];
    cli_in in;
    if (cli_in_open(&in, path, err, sizeof err)) {
        fprintf(stderr, "precis: %s\n", err);
        return EXIT_FATAL;
    }
    const char *name = in.name;
    /* what the input is: its first bytes decide, unless --input said */
    const char *head;
    size_t nhead = cli_in_peek(&in, &head), k = 0;
    if (nhead >= 2 && (((unsigned char)head[0] == 0xFF && (unsigned char)head[1] == 0xFE) ||
                       ((unsigned char)head[0] == 0xFE && (unsigned char)head[1] == 0xFF))) {
        fprintf(stderr, "precis: %s:1: UTF-16 input (byte-order mark); batch reads UTF-8 "
                        "or Windows-1252 lines: convert it first (iconv -f UTF-16 -t "
                        "UTF-8)\n", name);
        cli_in_close(&in);
        return EXIT_FATAL;
    }
    if (nhead >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3))
        k = 3;
    while (k < nhead && (head[k] == ' ' || head[k] == '\t' || head[k] == '\r' || head[k] == '\n'))
        k++;
    int starts_json = k < nhead && head[k] == '{';
    int auto_json = input == IN_AUTO && (starts_json || ends_with(path, ".jsonl"));
    int jsonl = input == IN_JSONL || auto_json, html = input == IN_HTML;
    int hinted = 0;

    precis_summarizer *s = cli_summarizer(&o);
    precis_cluster *cl = precis_cluster_new();
    if (!s || !cl) {
        if (!cl)
            fprintf(stderr, "precis: out of memory\n");
        precis_summarizer_free(s);
        precis_cluster_free(cl);
        cli_in_close(&in);
        return s ? EXIT_FATAL : EXIT_USAGE;
    }
    precis_cluster_set_strict(cl, o.strict);
    progress pg = {.on = !quiet && isatty(fileno(stderr))};
    pg.t0 = pg.last = now();
    char *line = NULL;
    size_t cap = 0, len = 0, rec = 0, bad = 0;
    int rc = 0, oom = 0, got;
    char msgbuf[128], page_err[768];
    while ((got = cli_in_line(&in, &line, &cap, &len, CLI_MAX_RECORD)) != 0) {
        if (got == CLI_EREAD)
            break;
        rec++;
        const char *msg = NULL;
        precis_summary *sum = NULL;
        precis_analysis *an = NULL;
        char *out = NULL;
        size_t olen = 0;
        precis_status st = PRECIS_OK;
        precis_cluster_clear(cl);
        if (got == CLI_ETOOLONG) {
            snprintf(msgbuf, sizeof msgbuf, "record longer than the limit of %zu MiB (skipped)",
                     CLI_MAX_RECORD >> 20);
            msg = msgbuf;
        } else if (got == CLI_ENOMEM) {
            msg = "out of memory reading the record (skipped)";
            st = PRECIS_ENOMEM;
        } else {
            st = html    ? add_html_line(cl, line, len, page_err, sizeof page_err)
                 : jsonl ? precis_cluster_add_json_cluster(cl, line, len)
                         : precis_cluster_add_multinews(cl, line, len);
            if (st) {
                msg = html ? page_err : precis_cluster_error(cl);
            } else {
                if (!quiet) {
                    progress_clear(&pg);
                    cli_warn_charsets(cl, 0, name, rec);
                }
                st = analyze ? precis_summarize_analyze(s, cl, &sum, &an)
                             : precis_summarize(s, cl, &sum);
                if (st)
                    msg = precis_summarizer_error(s);
                else if ((st = analyze ? precis_report_render(sum, an, cl, o.fmt, &out, &olen)
                                       : precis_summary_render(sum, cl, o.fmt, &out, &olen)))
                    msg = precis_strerror(st);
            }
        }
        if (msg) {
            bad++;
            if (!quiet) {
                progress_clear(&pg);
                fprintf(stderr, "precis: %s:%zu: %s\n", name, rec, msg);
                if (!hinted && st == PRECIS_EJSON && auto_json && input == IN_AUTO) {
                    fprintf(stderr, "precis: %s: read as JSON Lines (%s); give --input "
                                    "multinews if it is Multi-News text\n", name,
                            starts_json ? "it starts with '{'" : "its name ends in .jsonl");
                    hinted = 1;
                }
            }
            if (o.fmt == PRECIS_FORMAT_JSON)
                json_err_record(stdout, rec, precis_cluster_id(cl), msg);
            else
                fputc('\n', stdout);
        } else if (o.fmt == PRECIS_FORMAT_JSON) {
            /* prefix the record number (and id) to the summary object */
            put_record_head(stdout, rec, precis_cluster_id(cl));
            fwrite(out + 1, 1, olen - 1, stdout);
        } else {
            fwrite(out, 1, olen, stdout);
        }
        if (!quiet && !hinted && !jsonl && len && line && line[0] == '{' && got == 1) {
            progress_clear(&pg);
            fprintf(stderr, "precis: %s:%zu: the line looks like JSON; give --input jsonl "
                            "for JSON Lines clusters\n", name, rec);
            hinted = 1;
        }
        precis_free(out);
        precis_analysis_free(an);
        precis_summary_free(sum);
        if (st == PRECIS_ENOMEM)
            oom = 1; /* reported in the record; the next record may fit */
        if (ferror(stdout)) {
            rc = EXIT_FATAL; /* the write error is reported on the way out */
            break;
        }
        progress_tick(&pg, rec, bad);
    }
    progress_clear(&pg);
    if (got == CLI_EREAD) {
        fprintf(stderr, "precis: %s:%zu: read error: %s\n", name, rec + 1,
                cli_in_strerror(&in, got));
        rc = EXIT_FATAL;
    }
    free(line);
    cli_in_close(&in);
    precis_cluster_free(cl);
    precis_summarizer_free(s);
    if (!rc && oom)
        rc = EXIT_FATAL;
    if (!rc && bad)
        rc = EXIT_PARTIAL;
    if (!quiet) {
        if (bad)
            fprintf(stderr, "precis: %zu of %zu records failed\n", bad, rec);
        else
            fprintf(stderr, "precis: %zu record%s summarized\n", rec, rec == 1 ? "" : "s");
    }
    return rc;
}
