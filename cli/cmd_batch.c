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

/* The start of a record: {"record":N, and "id":"...", when there is one. */
static void put_record_head(FILE *out, size_t rec, const char *id)
{
    fprintf(out, "{\"record\":%zu,", rec);
    if (id) {
        fputs("\"id\":\"", out);
        cli_json_chars(out, id);
        fputs("\",", out);
    }
}

static void json_err_record(FILE *out, size_t rec, const char *id, const char *msg)
{
    put_record_head(out, rec, id);
    fputs("\"error\":\"", out);
    cli_json_chars(out, msg);
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

/* One run: the options, the input and what is known of it, the library
   handles, and the counts. */
typedef struct batch {
    cli_summary_opts o;
    int input, quiet, analyze;
    const char *path; /* as given ("-" = standard input) */
    cli_in in;
    const char *name; /* for messages: the path, or "<stdin>" */
    int starts_json;  /* the first non-blank byte is '{' */
    int auto_json;    /* taken for JSON Lines without --input saying so */
    int jsonl, html;  /* what each line is */
    int hinted;       /* a hint about --input was given already */
    precis_summarizer *s;
    precis_cluster *cl;
    progress pg;
    size_t rec, bad;
    int oom;
} batch;

/* The options into b; -1 to go on, else the exit status (--help, a usage
   error). */
static int batch_parse(batch *b, int argc, char **argv)
{
    cli_summary_opts *o = &b->o;
    memset(o, 0, sizeof *o);
    precis_options_init(&o->opt);
    o->fmt = PRECIS_FORMAT_TEXT;
    b->input = IN_AUTO;
    static const struct option longopts[] = {CLI_SUMMARY_LONGOPTS,
                                             {"quiet", no_argument, 0, 'q'},
                                             {"analyze", no_argument, 0, OPT_ANALYZE},
                                             {0, 0, 0, 0}};
    static const struct {
        const char *name;
        int input;
    } inputs[] = {{"auto", IN_AUTO}, {"multinews", IN_MULTINEWS}, {"jsonl", IN_JSONL},
                  {"html", IN_HTML}};
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
            b->quiet = 1;
        } else if (c == OPT_ANALYZE) {
            b->analyze = 1;
        } else if (c == OPT_INPUT) {
            size_t k = 0, n = sizeof inputs / sizeof *inputs;
            while (k < n && strcmp(optarg, inputs[k].name))
                k++;
            if (k == n) {
                fprintf(stderr, "precis: unknown --input '%s' for batch (auto, multinews, "
                                "jsonl, html)\n", optarg);
                return EXIT_USAGE;
            }
            b->input = inputs[k].input;
        } else {
            int h = cli_summary_opt(c, optarg, o);
            if (h < 0)
                return EXIT_USAGE;
            if (h == 0)
                return cli_bad_option("batch", "option not valid here");
        }
    }
    if (o->fmt == PRECIS_FORMAT_LINES || o->fmt == PRECIS_FORMAT_MARKDOWN ||
        o->fmt == PRECIS_FORMAT_HTML) {
        fprintf(stderr, "precis: batch --format must be text or json (one line per record)\n");
        return EXIT_USAGE;
    }
    if (b->analyze)
        o->fmt = PRECIS_FORMAT_JSON;
    if (argc - optind > 1)
        return cli_bad_option("batch", "one input file at most");
    b->path = optind < argc ? argv[optind] : "-";
    return -1;
}

/* Opens the input and tells what it is: its first bytes decide, unless
   --input said.  0, or the exit status (UTF-16 is refused whole). */
static int batch_open(batch *b)
{
    char err[600];
    if (cli_in_open(&b->in, b->path, err, sizeof err)) {
        fprintf(stderr, "precis: %s\n", err);
        return EXIT_FATAL;
    }
    b->name = b->in.name;
    const char *head;
    size_t nhead = cli_in_peek(&b->in, &head), k = 0;
    if (nhead >= 2 && (((unsigned char)head[0] == 0xFF && (unsigned char)head[1] == 0xFE) ||
                       ((unsigned char)head[0] == 0xFE && (unsigned char)head[1] == 0xFF))) {
        fprintf(stderr, "precis: %s:1: UTF-16 input (byte-order mark); batch reads UTF-8 "
                        "or Windows-1252 lines: convert it first (iconv -f UTF-16 -t "
                        "UTF-8)\n", b->name);
        cli_in_close(&b->in);
        return EXIT_FATAL;
    }
    if (nhead >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3))
        k = 3;
    while (k < nhead && (head[k] == ' ' || head[k] == '\t' || head[k] == '\r' || head[k] == '\n'))
        k++;
    b->starts_json = k < nhead && head[k] == '{';
    b->auto_json = b->input == IN_AUTO && (b->starts_json || ends_with(b->path, ".jsonl"));
    b->jsonl = b->input == IN_JSONL || b->auto_json;
    b->html = b->input == IN_HTML;
    return 0;
}

/* The summarizer and the cluster every record reuses; 0, or the exit
   status (a bad --lang is a usage error). */
static int batch_start(batch *b)
{
    b->s = cli_summarizer(&b->o);
    b->cl = precis_cluster_new();
    if (!b->s || !b->cl) {
        if (!b->cl)
            fprintf(stderr, "precis: out of memory\n");
        return b->s ? EXIT_FATAL : EXIT_USAGE;
    }
    precis_cluster_set_strict(b->cl, b->o.strict);
    b->pg.on = !b->quiet && isatty(fileno(stderr));
    b->pg.t0 = b->pg.last = now();
    return 0;
}

/* One record: the line read (got: 1, or the reader's CLI_ETOOLONG /
   CLI_ENOMEM) into the cluster, summarized and rendered into *out.
   NULL, or the message of a bad record (*st its status).  msgbuf and
   page_err hold messages that are made here. */
static const char *batch_record(batch *b, int got, char *line, size_t len, char **out,
                                size_t *olen, precis_status *st, char *msgbuf, size_t msgcap,
                                char *page_err, size_t errcap)
{
    *st = PRECIS_OK;
    precis_cluster_clear(b->cl);
    if (got == CLI_ETOOLONG) {
        snprintf(msgbuf, msgcap, "record longer than the limit of %zu MiB (skipped)",
                 CLI_MAX_RECORD >> 20);
        return msgbuf;
    }
    if (got == CLI_ENOMEM) {
        *st = PRECIS_ENOMEM;
        return "out of memory reading the record (skipped)";
    }
    *st = b->html    ? add_html_line(b->cl, line, len, page_err, errcap)
          : b->jsonl ? precis_cluster_add_json_cluster(b->cl, line, len)
                     : precis_cluster_add_multinews(b->cl, line, len);
    if (*st)
        return b->html ? page_err : precis_cluster_error(b->cl);
    if (!b->quiet) {
        progress_clear(&b->pg);
        cli_warn_charsets(b->cl, 0, b->name, b->rec);
    }
    precis_summary *sum = NULL;
    precis_analysis *an = NULL;
    const char *msg = NULL;
    *st = b->analyze ? precis_summarize_analyze(b->s, b->cl, &sum, &an)
                     : precis_summarize(b->s, b->cl, &sum);
    if (*st)
        msg = precis_summarizer_error(b->s);
    else if ((*st = b->analyze ? precis_report_render(sum, an, b->cl, b->o.fmt, out, olen)
                               : precis_summary_render(sum, b->cl, b->o.fmt, out, olen)))
        msg = precis_strerror(*st);
    precis_analysis_free(an);
    precis_summary_free(sum);
    return msg;
}

/* The output line of a record: its summary, or (msg set) an error record
   and a FILE:LINE message, with a hint when the input was taken for JSON
   Lines by its look alone. */
static void batch_write(batch *b, const char *msg, precis_status st, const char *out,
                        size_t olen)
{
    if (msg) {
        b->bad++;
        if (!b->quiet) {
            progress_clear(&b->pg);
            fprintf(stderr, "precis: %s:%zu: %s\n", b->name, b->rec, msg);
            if (!b->hinted && st == PRECIS_EJSON && b->auto_json) {
                fprintf(stderr, "precis: %s: read as JSON Lines (%s); give --input "
                                "multinews if it is Multi-News text\n", b->name,
                        b->starts_json ? "it starts with '{'" : "its name ends in .jsonl");
                b->hinted = 1;
            }
        }
        if (b->o.fmt == PRECIS_FORMAT_JSON)
            json_err_record(stdout, b->rec, precis_cluster_id(b->cl), msg);
        else
            fputc('\n', stdout);
    } else if (b->o.fmt == PRECIS_FORMAT_JSON) {
        /* prefix the record number (and id) to the summary object */
        put_record_head(stdout, b->rec, precis_cluster_id(b->cl));
        fwrite(out + 1, 1, olen - 1, stdout);
    } else {
        fwrite(out, 1, olen, stdout);
    }
}

/* Every line in order, one output line each; stops only on a read or a
   write error.  Returns the exit status so far (0 or EXIT_FATAL). */
static int batch_run(batch *b)
{
    char *line = NULL;
    size_t cap = 0, len = 0;
    int rc = 0, got;
    char msgbuf[128], page_err[768];
    while ((got = cli_in_line(&b->in, &line, &cap, &len, CLI_MAX_RECORD)) != 0) {
        if (got == CLI_EREAD)
            break;
        b->rec++;
        char *out = NULL;
        size_t olen = 0;
        precis_status st;
        const char *msg = batch_record(b, got, line, len, &out, &olen, &st, msgbuf,
                                       sizeof msgbuf, page_err, sizeof page_err);
        batch_write(b, msg, st, out, olen);
        if (!b->quiet && !b->hinted && !b->jsonl && len && line && line[0] == '{' && got == 1) {
            progress_clear(&b->pg);
            fprintf(stderr, "precis: %s:%zu: the line looks like JSON; give --input jsonl "
                            "for JSON Lines clusters\n", b->name, b->rec);
            b->hinted = 1;
        }
        precis_free(out);
        if (st == PRECIS_ENOMEM)
            b->oom = 1; /* reported in the record; the next record may fit */
        if (ferror(stdout)) {
            rc = EXIT_FATAL; /* the write error is reported on the way out */
            break;
        }
        progress_tick(&b->pg, b->rec, b->bad);
    }
    progress_clear(&b->pg);
    if (got == CLI_EREAD) {
        fprintf(stderr, "precis: %s:%zu: read error: %s\n", b->name, b->rec + 1,
                cli_in_strerror(&b->in, got));
        rc = EXIT_FATAL;
    }
    free(line);
    return rc;
}

/* The exit status of the run and its one-line count. */
static int batch_finish(const batch *b, int rc)
{
    if (!rc && b->oom)
        rc = EXIT_FATAL;
    if (!rc && b->bad)
        rc = EXIT_PARTIAL;
    if (!b->quiet) {
        if (b->bad)
            fprintf(stderr, "precis: %zu of %zu records failed\n", b->bad, b->rec);
        else
            fprintf(stderr, "precis: %zu record%s summarized\n", b->rec, b->rec == 1 ? "" : "s");
    }
    return rc;
}

int cmd_batch(int argc, char **argv)
{
    batch b = {0};
    int rc = batch_parse(&b, argc, argv);
    if (rc >= 0)
        return rc;
    if ((rc = batch_open(&b)))
        return rc;
    if (!(rc = batch_start(&b)))
        rc = batch_finish(&b, batch_run(&b));
    cli_in_close(&b.in);
    precis_cluster_free(b.cl);
    precis_summarizer_free(b.s);
    return rc;
}
