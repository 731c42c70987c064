/*
 * cmd_serve.c -- 'precis serve': the live news desk over HTTP.  The work
 * is in service/ (service.h); this file reads options, starts the desk and
 * the server, and waits for SIGINT/SIGTERM.
 */
#include "cli.h"
#include "service.h"

#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: precis serve [options]\n"
    "\n"
    "Run the live news desk: POST articles, read stories with summaries and\n"
    "reports as JSON or in a browser.  Stops on SIGINT/SIGTERM.\n"
    "\n"
    "options:\n"
    "      --db FILE          the store (SQLite, created if missing; default news.db)\n"
    "      --redis URL        scale out on Redis Streams: articles go to the language\n"
    "                         shards, 'precis worker' processes assign and summarize,\n"
    "                         and the results are copied into the store (redis://HOST[:PORT][/DB])\n"
    "      --listen ADDR      IPv4 address to bind (default 127.0.0.1: loopback only)\n"
    "  -p, --port N           port (default 8080; 0 = any free port, printed)\n"
    "      --token-file FILE  POST /articles needs 'Authorization: Bearer <token>',\n"
    "                         the token being the file's first line\n"
    "      --cors ORIGIN      send Access-Control-Allow-Origin: ORIGIN (default off)\n"
    "      --threads N        HTTP threads (default 2)\n"
    "      --workers N        summary threads (default 2)\n"
    "      --debounce MS      quiet time before a changed story is recomputed (500)\n"
    "      --max-wait MS      longest a changed story waits (5000)\n"
    "      --max-body BYTES   largest request body (33554432)\n"
    "      --max-article BYTES largest article text (1048576)\n"
    "      --max-connections N (default 512)\n"
    "      --sync MODE        normal (survives a crash, default) | full (power loss)\n"
    "      --snapshot-every N save the story state every N articles (2000; 0 = only\n"
    "                         at shutdown); a restart replays the articles after it\n"
    "  -w, --words N          summary budget in words (default 120)\n"
    "  -q, --quiet            no log lines\n";

enum {
    O_DB = 1100,
    O_LISTEN,
    O_TOKEN,
    O_CORS,
    O_THREADS,
    O_WORKERS,
    O_DEBOUNCE,
    O_MAXWAIT,
    O_MAXBODY,
    O_MAXART,
    O_MAXCONN,
    O_SYNC,
    O_SNAP,
    O_REDIS
};

static int num(const char *s, long long max, long long *out)
{
    char *end;
    long long v = strtoll(s, &end, 10);
    if (!*s || *end || v < 0 || v > max)
        return -1;
    *out = v;
    return 0;
}

/* Reads the first line of path as the token; NULL with a message. */
static char *read_token(const char *path)
{
    char err[512];
    size_t len;
    char *t = cli_read_file(path, &len, err, sizeof err);
    if (!t) {
        fprintf(stderr, "precis: %s\n", err);
        return NULL;
    }
    t[strcspn(t, "\r\n")] = '\0';
    if (strlen(t) < 8) {
        fprintf(stderr, "precis: %s: the token must have at least 8 characters\n", path);
        free(t);
        return NULL;
    }
    return t;
}

int cmd_serve(int argc, char **argv)
{
    desk_config dc;
    desk_config_init(&dc);
    serve_config sc = {"127.0.0.1", 8080, NULL, NULL, 2, 512, 60};
    const char *token_file = NULL;
    static const struct option longopts[] = {{"db", required_argument, 0, O_DB},
                                             {"redis", required_argument, 0, O_REDIS},
                                             {"listen", required_argument, 0, O_LISTEN},
                                             {"port", required_argument, 0, 'p'},
                                             {"token-file", required_argument, 0, O_TOKEN},
                                             {"cors", required_argument, 0, O_CORS},
                                             {"threads", required_argument, 0, O_THREADS},
                                             {"workers", required_argument, 0, O_WORKERS},
                                             {"debounce", required_argument, 0, O_DEBOUNCE},
                                             {"max-wait", required_argument, 0, O_MAXWAIT},
                                             {"max-body", required_argument, 0, O_MAXBODY},
                                             {"max-article", required_argument, 0, O_MAXART},
                                             {"max-connections", required_argument, 0, O_MAXCONN},
                                             {"sync", required_argument, 0, O_SYNC},
                                             {"snapshot-every", required_argument, 0, O_SNAP},
                                             {"words", required_argument, 0, 'w'},
                                             {"quiet", no_argument, 0, 'q'},
                                             {"help", no_argument, 0, 'h'},
                                             {0, 0, 0, 0}};
    int c;
    long long v = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "p:w:qh", longopts, NULL)) != -1) {
        int bad = 0;
        switch (c) {
        case 'h': fputs(help, stdout); return 0;
        case O_DB: dc.db = optarg; break;
        case O_REDIS: dc.redis_url = optarg; break;
        case O_LISTEN: sc.listen = optarg; break;
        case 'p':
            bad = num(optarg, 65535, &v);
            sc.port = (unsigned)v;
            break;
        case O_TOKEN: token_file = optarg; break;
        case O_CORS: sc.cors = optarg; break;
        case O_THREADS:
            bad = num(optarg, 256, &v) || !v;
            sc.threads = (unsigned)v;
            break;
        case O_WORKERS:
            bad = num(optarg, 64, &v) || !v;
            dc.workers = (int)v;
            break;
        case O_DEBOUNCE:
            bad = num(optarg, 3600000, &v);
            dc.debounce_ms = v;
            break;
        case O_MAXWAIT:
            bad = num(optarg, 3600000, &v);
            dc.max_wait_ms = v;
            break;
        case O_MAXBODY:
            bad = num(optarg, 1LL << 32, &v) || !v;
            dc.max_body = (size_t)v;
            break;
        case O_MAXART:
            bad = num(optarg, 64LL << 20, &v) || !v;
            dc.max_article = (size_t)v;
            break;
        case O_MAXCONN:
            bad = num(optarg, 100000, &v) || !v;
            sc.max_connections = (unsigned)v;
            break;
        case O_SYNC:
            bad = strcmp(optarg, "normal") && strcmp(optarg, "full");
            dc.sync_full = !strcmp(optarg, "full");
            break;
        case 'w':
            bad = num(optarg, 100000, &v);
            dc.summary_words = (size_t)v;
            break;
        case O_SNAP:
            bad = num(optarg, 1LL << 40, &v);
            dc.snapshot_every = v;
            break;
        case 'q': dc.quiet = 1; break;
        default: fputs(help, stderr); return EXIT_USAGE;
        }
        if (bad) {
            fprintf(stderr, "precis serve: invalid value '%s'\n%s", optarg, help);
            return EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "precis serve: unexpected argument '%s'\n", argv[optind]);
        return EXIT_USAGE;
    }
    char *token = NULL;
    if (token_file && !(token = read_token(token_file)))
        return EXIT_USAGE;
    sc.token = token;
    /* signals are taken by sigwait below; block them before any thread */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    char err[512];
    desk *d = desk_open(&dc, err, sizeof err);
    if (!d) {
        fprintf(stderr, "precis: %s\n", err);
        free(token);
        return EXIT_FATAL;
    }
    server *s = server_start(d, &sc, err, sizeof err);
    if (!s) {
        fprintf(stderr, "precis: %s\n", err);
        desk_close(d, 0);
        free(token);
        return EXIT_FATAL;
    }
    printf("precis: serving http://%s:%u/ (store %s)\n", sc.listen, server_port(s), dc.db);
    fflush(stdout);
    int sig = 0;
    sigwait(&set, &sig);
    if (!dc.quiet)
        fprintf(stderr, "precis: signal %d, stopping\n", sig);
    server_stop(s);
    desk_close(d, 0); /* stories left in the queue are recomputed at the next start */
    free(token);
    return 0;
}
