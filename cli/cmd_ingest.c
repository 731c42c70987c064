/*
 * cmd_ingest.c -- 'precis ingest': feed articles to precis on Redis.
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static const char help[] =
    "usage: precis ingest --redis URL FILE|- ...\n"
    "\n"
    "Append the articles of JSON Lines files (one article a line: id, source,\n"
    "date, title, text, lang) to their language shard on Redis.\n";

int cmd_ingest(int argc, char **argv)
{
    static const struct option longopts[] = {{"redis", required_argument, 0, 'r'},
                                             {"help", no_argument, 0, 'h'},
                                             {0, 0, 0, 0}};
    const char *url = NULL;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (c == 'r')
            url = optarg;
        else if (c == 'h') {
            fputs(help, stdout);
            return 0;
        } else {
            fprintf(stderr, "precis: ingest: unknown or incomplete option '%s'\n",
                    argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    if (!url || optind >= argc) {
        fputs(help, stderr);
        return EXIT_USAGE;
    }
    return cli_ingest_redis(url, argc - optind, argv + optind);
}
