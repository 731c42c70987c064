/*
 * cmd_worker.c -- 'precis worker': a process of the Redis Streams
 * scale-out (redisq.h): a summarizer worker of the pool, or with
 * --cluster LANG the clustering consumer of one language shard (a second
 * one for the same shard stands by and takes over when the first dies).
 * Articles reach the shards through 'precis ingest --redis' or
 * 'precis serve --redis'.
 */
#include "cli.h"
#include "redisq.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char help[] =
    "usage: precis worker --redis URL [options]\n"
    "\n"
    "Run one process of precis on Redis Streams.  By default a summarizer\n"
    "worker: it reads story changes from precis:stories (consumer group\n"
    "\"workers\"), recomputes each changed story's summary and report, stores\n"
    "them with the story's version, and acknowledges.  With --cluster LANG,\n"
    "the clustering consumer of the shard precis:articles:LANG.\n"
    "\n"
    "options:\n"
    "      --redis URL          redis://HOST[:PORT][/DB] (required)\n"
    "      --cluster LANG       be the clustering consumer of shard LANG\n"
    "      --name NAME          consumer name (default: host-pid); unique per worker\n"
    "      --claim-idle MS      take over entries pending this long (default 30000)\n"
    "      --max-deliveries N   then move an entry to precis:dead (default 5)\n"
    "      --snapshot-every N   clustering: articles between state snapshots (default 5000)\n"
    "      --lease MS           clustering: the shard lock's lease (default 10000)\n"
    "      --close-after SEC    clustering: close a story after SEC without articles\n"
    "      -w, --words N        summary budget in words (default 120)\n"
    "      --idle-exit MS       exit after MS with nothing to do (default: never)\n"
    "      --batch N            story events read at a time (default 16)\n"
    "      --delay MS           sleep MS per item (for failure tests)\n"
    "  -h, --help               this help\n";

enum {
    O_REDIS = 1000, O_CLUSTER, O_NAME, O_CLAIM, O_MAXDEL, O_SNAP, O_LEASE, O_CLOSE,
    O_IDLE, O_DELAY, O_BATCH
};

static int num_arg(const char *opt, const char *arg, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (errno || end == arg || *end || v < lo || v > hi) {
        fprintf(stderr, "precis: worker: %s: expected an integer in [%ld, %ld], got '%s'\n",
                opt, lo, hi, arg);
        return -1;
    }
    *out = v;
    return 0;
}

int cmd_worker(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"redis", required_argument, 0, O_REDIS},
        {"cluster", required_argument, 0, O_CLUSTER},
        {"name", required_argument, 0, O_NAME},
        {"claim-idle", required_argument, 0, O_CLAIM},
        {"max-deliveries", required_argument, 0, O_MAXDEL},
        {"snapshot-every", required_argument, 0, O_SNAP},
        {"lease", required_argument, 0, O_LEASE},
        {"close-after", required_argument, 0, O_CLOSE},
        {"words", required_argument, 0, 'w'},
        {"idle-exit", required_argument, 0, O_IDLE},
        {"delay", required_argument, 0, O_DELAY},
        {"batch", required_argument, 0, O_BATCH},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *url = NULL, *lang = NULL, *name = NULL;
    long claim = 30000, maxdel = 5, snap = 5000, lease = 10000, close_after = 0, words = 120,
         idle = 0, delay = 0, batch = 16;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "w:h", longopts, NULL)) != -1) {
        long *dst = NULL, lo = 0, hi = LONG_MAX / 2;
        const char *on = argv[optind - 1];
        switch (c) {
        case O_REDIS: url = optarg; break;
        case O_CLUSTER: lang = optarg; break;
        case O_NAME: name = optarg; break;
        case O_CLAIM: dst = &claim, lo = 100; break;
        case O_MAXDEL: dst = &maxdel, lo = 1; break;
        case O_SNAP: dst = &snap, lo = 1; break;
        case O_LEASE: dst = &lease, lo = 200; break;
        case O_CLOSE: dst = &close_after; break;
        case 'w': dst = &words, lo = 1; break;
        case O_IDLE: dst = &idle; break;
        case O_DELAY: dst = &delay; break;
        case O_BATCH: dst = &batch, lo = 1, hi = 500; break;
        case 'h': fputs(help, stdout); return 0;
        default:
            fprintf(stderr, "precis: worker: unknown or incomplete option '%s' "
                            "(see precis worker --help)\n", argv[optind - 1]);
            return EXIT_USAGE;
        }
        if (dst && num_arg(on, optarg, lo, hi, dst))
            return EXIT_USAGE;
    }
    if (optind < argc) {
        fprintf(stderr, "precis: worker: unexpected argument '%s'\n", argv[optind]);
        return EXIT_USAGE;
    }
    if (!url) {
        fprintf(stderr, "precis: worker: --redis URL is required\n");
        return EXIT_USAGE;
    }
    char defname[128];
    if (!name) {
        char host[64] = "host";
        gethostname(host, sizeof host - 1);
        host[sizeof host - 1] = '\0';
        snprintf(defname, sizeof defname, "%s-%ld", host, (long)getpid());
        name = defname;
    }
    char err[512];
    redisq *q = redisq_connect(url, err, sizeof err);
    if (!q) {
        fprintf(stderr, "precis: worker: %s\n", err);
        return EXIT_FATAL;
    }
    int rc;
    if (lang) {
        redisq_cluster_opts o = {lang, name, (size_t)snap, lease, idle, delay,
                                 (double)close_after, 0};
        rc = redisq_run_clusterer(q, &o);
    } else {
        redisq_worker_opts o = {name, claim, maxdel, idle, delay, (size_t)batch, (int)words};
        rc = redisq_run_worker(q, &o);
    }
    redisq_free(q);
    return rc ? EXIT_FATAL : 0;
}
