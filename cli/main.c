/*
 * main.c -- the precis command-line tool: picks the sub-command.  Every
 * sub-command lives in its own cli/cmd_*.c and uses only precis.h.
 */
#include "cli.h"
#include "precis.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: precis <command> [options] [args]\n"
    "\n"
    "Summarize clusters of news articles about one event.\n"
    "\n"
    "commands:\n"
    "  summarize  summarize one cluster (files, a directory, or stdin)\n"
    "  analyze    report on one cluster: summary, copies, quotes, facts, timeline\n"
    "  batch      summarize many clusters, one output line per input line\n"
    "  rouge      score summaries against references (ROUGE-1.5.5 compatible)\n"
    "  split      print the sentences of a text, one per line\n"
    "  stories    group a stream of articles into stories as they arrive\n"
    "  serve      run the live news desk over HTTP (stories, summaries, pages)\n"
    "  ingest     feed articles to the news desk (a store or a running server)\n"
    "  worker     a process of the Redis Streams scale-out (clustering or summaries)\n"
    "\n"
    "Run 'precis <command> --help' for a command's options; see precis(1).\n"
    "  -h, --help     this help\n"
    "  -V, --version  print the version\n";

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        fputs(usage, stdout);
        return 0;
    }
    if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
        printf("precis %s\n", precis_version_string());
        return 0;
    }
    if (!strcmp(cmd, "summarize"))
        return cmd_summarize(argc - 1, argv + 1);
    if (!strcmp(cmd, "analyze"))
        return cmd_analyze(argc - 1, argv + 1);
    if (!strcmp(cmd, "batch"))
        return cmd_batch(argc - 1, argv + 1);
    if (!strcmp(cmd, "rouge"))
        return cmd_rouge(argc - 1, argv + 1);
    if (!strcmp(cmd, "split"))
        return cmd_split(argc - 1, argv + 1);
    if (!strcmp(cmd, "stories"))
        return cmd_stories(argc - 1, argv + 1);
    if (!strcmp(cmd, "serve"))
        return cmd_serve(argc - 1, argv + 1);
    if (!strcmp(cmd, "ingest"))
        return cmd_ingest(argc - 1, argv + 1);
    if (!strcmp(cmd, "worker"))
        return cmd_worker(argc - 1, argv + 1);
    fprintf(stderr, "precis: unknown command '%s'\n%s", cmd, usage);
    return EXIT_USAGE;
}

char *cli_read_file(const char *path, size_t *len, char *err, size_t errcap)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        snprintf(err, errcap, "%s: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        snprintf(err, errcap, "%s: out of memory", path);
        if (f != stdin)
            fclose(f);
        return NULL;
    }
    for (;;) {
        if (n + 1 >= cap) {
            char *nb = cap < ((size_t)1 << 40) ? realloc(buf, cap * 2) : NULL;
            if (!nb) {
                snprintf(err, errcap, "%s: out of memory", path);
                free(buf);
                if (f != stdin)
                    fclose(f);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t k = fread(buf + n, 1, cap - n - 1, f);
        n += k;
        if (k == 0)
            break;
    }
    int bad = ferror(f);
    if (f != stdin)
        fclose(f);
    if (bad) {
        snprintf(err, errcap, "%s: read error", path);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}
