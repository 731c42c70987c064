/*
 * cmd_ingest.c -- 'precis ingest': feeds articles to the news desk from
 * the command line, by the same path as POST /articles: batches of JSON
 * Lines go either to a running server (--url, over HTTP) or straight into
 * a store (--db, the desk in this process; the stories are summarized
 * before it exits), or with --redis to the language shards of precis on
 * Redis Streams (service/redisq.h).  A progress bar on standard error when it is a
 * terminal; bad records are reported as FILE:LINE.
 */
#include "cli.h"
#include "redisq.h"
#include "service.h"

#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <netdb.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char help[] =
    "usage: precis ingest [options] FILE|DIR|-\n"
    "\n"
    "Feed articles (JSON Lines: id, source, date, title, text, lang, url) to the\n"
    "news desk.  A directory gives its *.jsonl files, and each other file as one\n"
    "article (id = file name).  Articles already in the store are skipped.\n"
    "\n"
    "options:\n"
    "      --db FILE          ingest into this store directly (default news.db);\n"
    "                         summaries are written before the command ends\n"
    "      --url URL          post to a running 'precis serve' instead\n"
    "                         (e.g. http://127.0.0.1:8080)\n"
    "      --redis URL        append to precis on Redis Streams instead\n"
    "                         (redis://HOST[:PORT][/DB]; see precis worker)\n"
    "      --token-file FILE  bearer token for --url\n"
    "      --batch N          articles per request (default 500)\n"
    "  -q, --quiet            no progress bar, no per-record messages\n";

enum { O_DB = 1200, O_URL, O_TOKEN, O_BATCH, O_REDIS };

typedef struct ingest {
    /* destination */
    desk *d;
    redisq *rq;
    const char *host, *port, *path;
    char *token;
    int fd;
    /* counts */
    size_t accepted, duplicates, rejected, sent;
    int quiet, tty, fatal;
    size_t batch_max;
    /* the batch being built */
    pbuf body;
    size_t nrec;
    const char *name; /* file of the batch */
    size_t *lines;    /* file line of each record */
    size_t lines_cap;
    /* progress */
    size_t bytes_done, bytes_total;
    struct timespec t0;
} ingest;

static double elapsed(const ingest *g)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - g->t0.tv_sec) + (double)(t.tv_nsec - g->t0.tv_nsec) / 1e9;
}

static void progress(const ingest *g, int last)
{
    if (!g->tty || g->quiet)
        return;
    double f = g->bytes_total ? (double)g->bytes_done / (double)g->bytes_total : 0;
    if (f > 1)
        f = 1;
    int w = 30, k = (int)(f * w);
    double s = elapsed(g);
    fprintf(stderr, "\r[%.*s%*s] %3d%%  %zu articles  %.0f/s ", k, "##############################",
            w - k, "", (int)(f * 100), g->sent, s > 0 ? (double)g->sent / s : 0.0);
    if (last)
        fputc('\n', stderr);
}

/* ---- a minimal HTTP/1.1 client (loopback or LAN, no TLS) ------------------ */

static int http_connect(ingest *g)
{
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    int rc = getaddrinfo(g->host, g->port, &hints, &res);
    if (rc) {
        fprintf(stderr, "precis: %s: %s\n", g->host, gai_strerror(rc));
        return -1;
    }
    int fd = -1;
    for (struct addrinfo *a = res; a; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
        if (fd < 0)
            continue;
        if (!connect(fd, a->ai_addr, a->ai_addrlen))
            break;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0)
        fprintf(stderr, "precis: cannot connect to %s:%s: %s\n", g->host, g->port, strerror(errno));
    g->fd = fd;
    return fd < 0 ? -1 : 0;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t k = send(fd, p, n, MSG_NOSIGNAL);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* POSTs body, reads the answer into *ans; returns the status, -1 when the
   connection failed (the caller may retry on a new one). */
static int http_post(ingest *g, const char *body, size_t len, pbuf *ans)
{
    char head[1024];
    int hl = snprintf(head, sizeof head,
                      "POST %s HTTP/1.1\r\nHost: %s:%s\r\nContent-Type: application/x-ndjson\r\n"
                      "Content-Length: %zu\r\n%s%s%sConnection: keep-alive\r\n\r\n",
                      g->path, g->host, g->port, len, g->token ? "Authorization: Bearer " : "",
                      g->token ? g->token : "", g->token ? "\r\n" : "");
    if (hl < 0 || (size_t)hl >= sizeof head)
        return -1;
    if (write_all(g->fd, head, (size_t)hl) || write_all(g->fd, body, len))
        return -1;
    pbuf in;
    pbuf_init(&in);
    size_t hend = 0, clen = 0;
    int status = -1, have_len = 0;
    char buf[65536];
    for (;;) {
        ssize_t k = recv(g->fd, buf, sizeof buf, 0);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        pbuf_put(&in, buf, (size_t)k);
        if (in.oom)
            break;
        if (!hend) {
            char *e = strstr(in.data, "\r\n\r\n");
            if (!e)
                continue;
            hend = (size_t)(e - in.data) + 4;
            if (sscanf(in.data, "HTTP/1.%*d %d", &status) != 1)
                break;
            for (char *p = in.data; p < e; p = strstr(p, "\r\n") + 2) {
                if (!strncasecmp(p, "Content-Length:", 15)) {
                    clen = strtoull(p + 15, NULL, 10);
                    have_len = 1;
                }
                if (!strstr(p, "\r\n"))
                    break;
            }
        }
        if (hend && have_len && in.len >= hend + clen) {
            pbuf_put(ans, in.data + hend, clen);
            pbuf_free(&in);
            return status;
        }
    }
    pbuf_free(&in);
    return -1;
}

/* ---- batches -------------------------------------------------------------- */

/* Reads the answer's counts and reports its bad records by file line. */
static void account(ingest *g, int status, const char *ans)
{
    json_error_t je;
    json_t *o = json_loads(ans, 0, &je);
    if (!o) {
        fprintf(stderr, "precis: %s: the desk answered %d without a JSON body\n", g->name, status);
        g->fatal = 1;
        return;
    }
    g->accepted += (size_t)json_integer_value(json_object_get(o, "accepted"));
    g->duplicates += (size_t)json_integer_value(json_object_get(o, "duplicates"));
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(o, "errors"), i, e)
    {
        g->rejected++;
        size_t rec = (size_t)json_integer_value(json_object_get(e, "record"));
        size_t line = rec >= 1 && rec <= g->nrec ? g->lines[rec - 1] : 0;
        if (!g->quiet) {
            if (g->tty)
                fputc('\n', stderr);
            fprintf(stderr, "precis: %s:%zu: %s\n", g->name, line,
                    json_string_value(json_object_get(e, "error")));
        }
    }
    if (status != 200 && status != 400) {
        const char *m = json_string_value(json_object_get(o, "error"));
        fprintf(stderr, "precis: %s: the desk answered %d: %s\n", g->name, status,
                m ? m : "(no message)");
        g->fatal = 1;
    }
    json_decref(o);
}

/* The batch's records, one by one, to their Redis shards. */
static void flush_redis(ingest *g)
{
    const char *p = g->body.data, *end = p + g->body.len;
    char err[512];
    for (size_t r = 0; r < g->nrec && p < end && !g->fatal; r++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        int dup;
        if (redisq_ingest(g->rq, p, len, &dup, err, sizeof err)) {
            if (redisq_failed(g->rq)) {
                fprintf(stderr, "precis: %s:%zu: %s\n", g->name, g->lines[r], err);
                g->fatal = 1;
                break;
            }
            g->rejected++;
            if (!g->quiet)
                fprintf(stderr, "%sprecis: %s:%zu: %s\n", g->tty ? "\n" : "", g->name,
                        g->lines[r], err);
        } else if (dup)
            g->duplicates++;
        else
            g->accepted++;
        p += len + 1;
    }
    g->sent += g->nrec;
    g->body.len = 0;
    g->nrec = 0;
    progress(g, 0);
}

static void flush_batch(ingest *g)
{
    if (!g->nrec || g->fatal)
        return;
    if (g->rq) {
        flush_redis(g);
        return;
    }
    pbuf ans;
    pbuf_init(&ans);
    int status;
    if (g->d)
        status = desk_ingest(g->d, g->body.data, g->body.len, &ans);
    else {
        status = g->fd >= 0 ? http_post(g, g->body.data, g->body.len, &ans) : -1;
        if (status < 0) { /* the server closed the kept-alive connection: once more */
            if (g->fd >= 0)
                close(g->fd);
            g->fd = -1;
            pbuf_free(&ans);
            status = http_connect(g) ? -1 : http_post(g, g->body.data, g->body.len, &ans);
        }
    }
    if (status < 0) {
        fprintf(stderr, "precis: %s: no answer from %s:%s\n", g->name, g->host, g->port);
        g->fatal = 1;
    } else
        account(g, status, ans.data ? ans.data : "");
    g->sent += g->nrec;
    pbuf_free(&ans);
    g->body.len = 0;
    g->nrec = 0;
    progress(g, 0);
}

/* Adds one record (a JSON line) from file line `line`. */
static void add_record(ingest *g, const char *rec, size_t len, size_t line)
{
    if (g->nrec == g->lines_cap) {
        size_t cap = g->lines_cap ? g->lines_cap * 2 : 1024;
        size_t *l = realloc(g->lines, cap * sizeof *l);
        if (!l) {
            g->fatal = 1;
            return;
        }
        g->lines = l;
        g->lines_cap = cap;
    }
    g->lines[g->nrec++] = line;
    pbuf_put(&g->body, rec, len);
    pbuf_putc(&g->body, '\n');
    if (g->nrec >= g->batch_max || g->body.len >= ((size_t)8 << 20))
        flush_batch(g);
}

/* Every line of path ("-" = stdin) as a record, through cli_in: a line
   past CLI_MAX_RECORD or memory is reported by FILE:LINE and skipped. */
static int ingest_file(ingest *g, const char *path)
{
    flush_batch(g);
    char err[512];
    cli_in in;
    if (cli_in_open(&in, path, err, sizeof err)) {
        fprintf(stderr, "precis: %s\n", err);
        g->fatal = 1;
        return -1;
    }
    g->name = in.name;
    char *line = NULL;
    size_t cap = 0, len = 0, no = 0;
    int got, rc = 0;
    while (!g->fatal && (got = cli_in_line(&in, &line, &cap, &len, CLI_MAX_RECORD)) != 0) {
        no++;
        if (got == CLI_EREAD) {
            fprintf(stderr, "precis: %s: %s after line %zu\n", in.name,
                    cli_in_strerror(&in, got), no - 1);
            g->fatal = 1;
            rc = -1;
            break;
        }
        if (got < 0) {
            g->rejected++;
            if (!g->quiet)
                fprintf(stderr, "precis: %s:%zu: %s\n", in.name, no, cli_in_strerror(&in, got));
            continue;
        }
        g->bytes_done += len + 1;
        size_t s = 0;
        while (s < len && (line[s] == ' ' || line[s] == '\t'))
            s++;
        if (s == len)
            continue;
        add_record(g, line + s, len - s, no);
    }
    free(line);
    flush_batch(g);
    cli_in_close(&in);
    return rc;
}

/* A plain-text file as one article, its name as id. */
static int ingest_text(ingest *g, const char *path, const char *name)
{
    char err[512];
    size_t len;
    char *t = cli_read_file(path, &len, err, sizeof err);
    if (!t) {
        fprintf(stderr, "precis: %s\n", err);
        g->fatal = 1;
        return -1;
    }
    g->bytes_done += len;
    pbuf rec;
    pbuf_init(&rec);
    pbuf_puts(&rec, "{\"id\":\"");
    pbuf_json_str(&rec, name, strlen(name));
    pbuf_puts(&rec, "\",\"text\":\"");
    pbuf_json_str(&rec, t, len);
    pbuf_puts(&rec, "\"}");
    free(t);
    if (rec.oom) {
        pbuf_free(&rec);
        g->fatal = 1;
        return -1;
    }
    if (g->name != path && g->nrec)
        flush_batch(g); /* records of one batch share a file name */
    g->name = path;
    add_record(g, rec.data, rec.len, 1);
    flush_batch(g);
    pbuf_free(&rec);
    return 0;
}

/* The regular files of dir, sorted by name: *.jsonl and *.json files are
   records, any other one article. */
static int ingest_dir(ingest *g, const char *dir)
{
    char err[600], **paths;
    size_t n;
    if (cli_dir_list(dir, &paths, &n, err, sizeof err)) {
        fprintf(stderr, "precis: %s\n", err);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (!stat(paths[i], &st) && S_ISREG(st.st_mode))
            g->bytes_total += (size_t)st.st_size;
    }
    size_t skip = strlen(dir) + 1;
    for (size_t i = 0; i < n && !g->fatal; i++) {
        struct stat st;
        if (stat(paths[i], &st) || !S_ISREG(st.st_mode))
            continue;
        const char *name = paths[i] + skip;
        size_t l = strlen(name);
        if ((l > 6 && !strcmp(name + l - 6, ".jsonl")) ||
            (l > 5 && !strcmp(name + l - 5, ".json")))
            ingest_file(g, paths[i]);
        else
            ingest_text(g, paths[i], name);
    }
    cli_dir_free(paths, n);
    flush_batch(g);
    return 0;
}

/* http://host[:port][/prefix] into host, port, path ("/articles"). */
static int parse_url(ingest *g, const char *url, char *buf, size_t cap)
{
    if (strncmp(url, "http://", 7)) {
        fprintf(stderr, "precis: --url %s: only http:// is supported\n", url);
        return -1;
    }
    snprintf(buf, cap, "%s", url + 7);
    char *slash = strchr(buf, '/');
    static const char path[] = "/articles";
    if (slash)
        *slash = '\0';
    char *colon = strrchr(buf, ':');
    g->port = "80";
    if (colon) {
        *colon = '\0';
        g->port = colon + 1;
    }
    g->host = buf;
    g->path = path;
    return *g->host ? 0 : -1;
}

int cmd_ingest(int argc, char **argv)
{
    desk_config dc;
    desk_config_init(&dc);
    ingest g;
    memset(&g, 0, sizeof g);
    g.fd = -1;
    g.batch_max = 500;
    pbuf_init(&g.body);
    const char *url = NULL, *token_file = NULL, *redis_url = NULL;
    long long v;
    static const struct option longopts[] = {{"db", required_argument, 0, O_DB},
                                             {"url", required_argument, 0, O_URL},
                                             {"redis", required_argument, 0, O_REDIS},
                                             {"token-file", required_argument, 0, O_TOKEN},
                                             {"batch", required_argument, 0, O_BATCH},
                                             {"quiet", no_argument, 0, 'q'},
                                             {"help", no_argument, 0, 'h'},
                                             {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'h': fputs(help, stdout); return 0;
        case O_DB: dc.db = optarg; break;
        case O_URL: url = optarg; break;
        case O_REDIS: redis_url = optarg; break;
        case O_TOKEN: token_file = optarg; break;
        case O_BATCH:
            v = strtoll(optarg, &end, 10);
            if (*end || v < 1 || v > SERVE_MAX_RECORDS) {
                fprintf(stderr, "precis ingest: --batch: 1 to %d\n", SERVE_MAX_RECORDS);
                return EXIT_USAGE;
            }
            g.batch_max = (size_t)v;
            break;
        case 'q': g.quiet = 1; break;
        default: fputs(help, stderr); return EXIT_USAGE;
        }
    }
    if (argc - optind != 1) {
        fputs(help, stderr);
        return EXIT_USAGE;
    }
    const char *input = argv[optind];
    g.tty = isatty(2);
    dc.quiet = g.quiet;
    char urlbuf[512], err[512];
    if (url && redis_url) {
        fprintf(stderr, "precis ingest: --url and --redis exclude each other\n");
        return EXIT_USAGE;
    }
    if (redis_url) {
        g.rq = redisq_connect(redis_url, err, sizeof err);
        if (!g.rq) {
            fprintf(stderr, "precis: %s\n", err);
            return EXIT_FATAL;
        }
    } else if (url) {
        if (parse_url(&g, url, urlbuf, sizeof urlbuf))
            return EXIT_USAGE;
        if (token_file) {
            size_t len;
            g.token = cli_read_file(token_file, &len, err, sizeof err);
            if (!g.token) {
                fprintf(stderr, "precis: %s\n", err);
                return EXIT_USAGE;
            }
            g.token[strcspn(g.token, "\r\n")] = '\0';
        }
        signal(SIGPIPE, SIG_IGN);
        if (http_connect(&g)) {
            free(g.token);
            return EXIT_FATAL;
        }
    } else {
        g.d = desk_open(&dc, err, sizeof err);
        if (!g.d) {
            fprintf(stderr, "precis: %s\n", err);
            return EXIT_FATAL;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &g.t0);
    struct stat st;
    if (!strcmp(input, "-"))
        ingest_file(&g, "-");
    else if (stat(input, &st)) {
        fprintf(stderr, "precis: %s: %s\n", input, strerror(errno));
        g.fatal = 1;
    } else if (S_ISDIR(st.st_mode))
        ingest_dir(&g, input);
    else {
        g.bytes_total = (size_t)st.st_size;
        ingest_file(&g, input);
    }
    double t_ingest = elapsed(&g);
    progress(&g, 1);
    if (g.d) {
        if (!g.quiet && g.tty)
            fprintf(stderr, "precis: writing the summaries of %zu stories...\n", desk_pending(g.d));
        desk_wait_idle(g.d);
        desk_close(g.d, 1);
    }
    double t_all = elapsed(&g);
    if (!g.quiet)
        fprintf(stderr,
                "precis: %zu records: %zu accepted, %zu already there, %zu rejected; "
                "%.1f s (%.0f/s)%s",
                g.sent, g.accepted, g.duplicates, g.rejected, t_ingest,
                t_ingest > 0 ? (double)g.sent / t_ingest : 0.0, g.d ? "" : "\n");
    if (!g.quiet && g.d)
        fprintf(stderr, ", summaries done at %.1f s\n", t_all);
    if (g.fd >= 0)
        close(g.fd);
    redisq_free(g.rq);
    free(g.token);
    free(g.lines);
    pbuf_free(&g.body);
    return g.fatal ? EXIT_FATAL : g.rejected ? EXIT_PARTIAL : 0;
}
