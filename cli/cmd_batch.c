/*
 * cmd_batch.c -- 'precis batch': many clusters, one per input line,
 * streamed: exactly one output line per input line, in order.
 *
 * Input formats: Multi-News lines (documents joined by
 * " story_separator_special_tag ") or JSON Lines clusters
 * ({"id": ..., "articles": [...]}).  A bad record never stops the run: it
 * gives an error record in its place (an empty line in text format, or
 * {"record": N, "error": "..."} in JSON) and a FILE:LINE message on
 * standard error; the exit status is then 1.  Memory is bounded by the
 * largest line, not by the input.
 */
#include "opts.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: precis batch [options] [FILE|-]\n"
    "\n"
    "Summarize many clusters, one per input line; writes one line per input\n"
    "line, in order (an empty line or an error record for a bad record).\n"
    "\n"
    "options:\n"
    "      --input FMT       multinews (default) | jsonl: one cluster per line,\n"
    "                        {\"id\": ..., \"articles\": [{\"text\": ...}, ...]}\n"
    "      --analyze         write the full report of each cluster (summary, copies,\n"
    "                        quotes, facts, timeline) as JSON, as 'precis analyze'\n"
    "  -q, --quiet           no per-record messages on standard error\n";

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

int cmd_batch(int argc, char **argv)
{
    cli_summary_opts o;
    precis_options_init(&o.opt);
    o.fmt = PRECIS_FORMAT_TEXT;
    int jsonl = 0, quiet = 0, analyze = 0;
    static const struct option longopts[] = {CLI_SUMMARY_LONGOPTS,
                                             {"quiet", no_argument, 0, 'q'},
                                             {"analyze", no_argument, 0, OPT_ANALYZE},
                                             {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, CLI_SUMMARY_SHORTOPTS "q", longopts, NULL)) != -1) {
        if (c == 'h') {
            printf("%s%s", help, cli_summary_opts_help);
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
            if (!strcmp(optarg, "multinews"))
                jsonl = 0;
            else if (!strcmp(optarg, "jsonl"))
                jsonl = 1;
            else {
                fprintf(stderr, "precis: unknown batch input '%s'\n", optarg);
                return EXIT_USAGE;
            }
            continue;
        }
        int h = cli_summary_opt(c, optarg, &o);
        if (h <= 0) {
            if (h == 0)
                fprintf(stderr, "%s%s", help, cli_summary_opts_help);
            return EXIT_USAGE;
        }
    }
    if (o.fmt == PRECIS_FORMAT_LINES || o.fmt == PRECIS_FORMAT_MARKDOWN ||
        o.fmt == PRECIS_FORMAT_HTML) {
        fprintf(stderr, "precis batch: --format must be text or json (one line per record)\n");
        return EXIT_USAGE;
    }
    if (analyze)
        o.fmt = PRECIS_FORMAT_JSON;
    if (argc - optind > 1) {
        fprintf(stderr, "precis batch: one input file at most\n");
        return EXIT_USAGE;
    }
    const char *path = optind < argc ? argv[optind] : "-";
    const char *name = strcmp(path, "-") ? path : "<stdin>";
    FILE *in = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!in) {
        perror(path);
        return EXIT_FATAL;
    }
    precis_summarizer *s = cli_summarizer(&o);
    precis_cluster *cl = precis_cluster_new();
    if (!s || !cl) {
        if (!cl)
            fprintf(stderr, "precis: out of memory\n");
        precis_summarizer_free(s);
        precis_cluster_free(cl);
        if (in != stdin)
            fclose(in);
        return s ? EXIT_FATAL : EXIT_USAGE;
    }
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
        precis_cluster_clear(cl);
        precis_status st = jsonl ? precis_cluster_add_json_cluster(cl, line, len)
                                 : precis_cluster_add_multinews(cl, line, len);
        const char *msg = NULL;
        precis_summary *sum = NULL;
        precis_analysis *an = NULL;
        char *out = NULL;
        size_t olen = 0;
        if (st) {
            msg = precis_cluster_error(cl);
        } else {
            st = analyze ? precis_summarize_analyze(s, cl, &sum, &an) : precis_summarize(s, cl, &sum);
            if (st)
                msg = precis_summarizer_error(s);
            else if ((st = analyze ? precis_report_render(sum, an, cl, o.fmt, &out, &olen)
                                   : precis_summary_render(sum, cl, o.fmt, &out, &olen)))
                msg = precis_strerror(st);
        }
        if (msg) {
            bad++;
            if (!quiet)
                fprintf(stderr, "precis: %s:%zu: %s\n", name, rec, msg);
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
        precis_free(out);
        precis_analysis_free(an);
        precis_summary_free(sum);
        if (st == PRECIS_ENOMEM) {
            rc = EXIT_FATAL;
            break;
        }
    }
    if (ferror(in)) {
        fprintf(stderr, "precis: %s: read error after record %zu\n", name, rec);
        rc = EXIT_FATAL;
    }
    if (fflush(stdout) || ferror(stdout)) {
        fprintf(stderr, "precis: write error\n");
        rc = EXIT_FATAL;
    }
    free(line);
    if (in != stdin)
        fclose(in);
    precis_cluster_free(cl);
    precis_summarizer_free(s);
    if (!rc && bad)
        rc = EXIT_PARTIAL;
    if (!quiet && bad)
        fprintf(stderr, "precis: %zu of %zu records failed\n", bad, rec);
    return rc;
}
