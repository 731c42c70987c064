/*
 * main.c -- the precis command-line tool: picks the sub-command.  Every
 * sub-command lives in its own cli/cmd_*.c and uses only precis.h; what
 * they share is in opts.c (options), input.c (reading files and
 * directories) and output.c (JSON strings).  main.c calls the commands and
 * nothing calls main.c.
 */
#include "cli.h"
#include "precis.h"

#include <errno.h>
#include <stdio.h>
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
    "  extract    print the article of web pages: text, title, date, author\n"
    "  worker     a process of the Redis Streams scale-out (clustering or summaries)\n"
    "\n"
    "Run 'precis <command> --help' for a command's options; see precis(1).\n"
    "  -h, --help     this help\n"
    "  -V, --version  print the version\n";

static int run(int argc, char **argv);
static int finish(int rc);

int main(int argc, char **argv) { return finish(run(argc, argv)); }

static int run(int argc, char **argv)
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
    if (!strcmp(cmd, "extract"))
        return cmd_extract(argc - 1, argv + 1);
    if (!strcmp(cmd, "worker"))
        return cmd_worker(argc - 1, argv + 1);
    fprintf(stderr, "precis: unknown command '%s'\n"
                    "Run 'precis --help' for the list of commands.\n", cmd);
    return EXIT_USAGE;
}

/* Every command's output is checked once more here: a write that failed
   (a full disk, a closed standard output, a broken pipe) is an error,
   exit status 3, never a silent success. */
static int finish(int rc)
{
    errno = 0;
    int e = fflush(stdout) == EOF ? (errno ? errno : EIO) : 0;
    if (!e && ferror(stdout))
        e = errno ? errno : EIO;
    errno = 0;
    if (fclose(stdout) == EOF && !e)
        e = errno ? errno : EIO;
    if (e) {
        fprintf(stderr, "precis: write error: %s\n", strerror(e));
        return EXIT_FATAL;
    }
    return rc;
}
