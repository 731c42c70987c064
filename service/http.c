/*
 * http.c -- the HTTP face of the news desk, on GNU libmicrohttpd.
 *
 * Why libmicrohttpd: a maintained GNU library packaged in Debian
 * (libmicrohttpd-dev), small, C, with an internal thread pool over epoll,
 * and the limits a public-facing server needs built in -- connection
 * count, per-connection memory and timeouts -- so the service parses no
 * HTTP itself.
 *
 *   POST /articles        ingest (JSON or JSON Lines), token-protected when
 *                         --token-file is given
 *   GET  /stories         the story list (since, lang, q, limit, offset)
 *   GET  /stories/ID      one story: summary, report, versions
 *   GET  /articles/ID     one article
 *   GET  /                the front page (HTML)
 *   GET  /story/ID        the story page (HTML)
 *   GET  /health          {"ok": true, "pending": N, ...}
 *
 * Reads run on the pool's threads, each with its own read-only SQLite
 * connection (WAL: they never wait for ingest, ingest never waits for
 * them).  The front page is cached, keyed by the desk's change counter.
 * Every answer carries a strict Content-Security-Policy and nosniff; GET
 * answers carry an ETag and honour If-None-Match.  CORS is off unless
 * --cors names an origin.
 */
#include "service.h"

#include <arpa/inet.h>
#include <stdatomic.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>

#if MHD_VERSION < 0x00097002
typedef int mhd_result;
#else
typedef enum MHD_Result mhd_result;
#endif

#define CSP                                                                                        \
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "                             \
    "form-action 'none'; frame-ancestors 'none'"

struct server {
    struct MHD_Daemon *mhd;
    desk *d;
    serve_config cfg;
    pthread_key_t reader; /* one read-only store per pool thread */
    int key_ok;
    pthread_mutex_t cache_mu;
    uint64_t cache_gen;
    int cache_ok;
    pbuf cache; /* front page 0 */
    unsigned port;
    /* bytes of request bodies being received, all connections together:
       at most SERVE_INFLIGHT_BODIES bodies of the largest size */
    _Atomic size_t inflight;
    /* *con_cls of a GET between its two calls (its address is the mark) */
    char get_mark;
};

#define SERVE_INFLIGHT_BODIES 4

typedef struct request {
    pbuf body;
    int too_big, busy, post;
    size_t counted; /* bytes added to server.inflight */
} request;

static void reader_free(void *p)
{
    store_close(p);
}

static store *reader(server *s)
{
    store *st = pthread_getspecific(s->reader);
    if (!st) {
        char e[PRECIS_ERRMAX];
        st = store_open(desk_cfg(s->d)->db, 0, 1, e);
        if (st)
            pthread_setspecific(s->reader, st);
    }
    return st;
}

/* Sends b (taken) with the common headers. */
static mhd_result send_buf(server *s, struct MHD_Connection *c, int status, pbuf *b,
                           const char *type, const char *etag)
{
    size_t len = 0;
    char *data = b->oom ? NULL : pbuf_take(b, &len);
    pbuf_free(b);
    if (!data && status != 304) {
        status = 500;
        type = "application/json";
    }
    struct MHD_Response *r;
    if (data)
        r = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
    else
        r = MHD_create_response_from_buffer(0, (void *)(uintptr_t) "", MHD_RESPMEM_PERSISTENT);
    if (!r) {
        free(data);
        return MHD_NO;
    }
    if (type)
        MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "Content-Security-Policy", CSP);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Cache-Control", "no-cache");
    if (etag && *etag)
        MHD_add_response_header(r, "ETag", etag);
    if (s->cfg.cors)
        MHD_add_response_header(r, "Access-Control-Allow-Origin", s->cfg.cors);
    if (status == 401)
        MHD_add_response_header(r, "WWW-Authenticate", "Bearer");
    mhd_result ret = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    return ret;
}

static mhd_result send_json_error(server *s, struct MHD_Connection *c, int status, const char *msg)
{
    pbuf b;
    pbuf_init(&b);
    pbuf_puts(&b, "{\"error\":");
    pbuf_json_string(&b, msg);
    pbuf_puts(&b, "}\n");
    return send_buf(s, c, status, &b, "application/json", NULL);
}

static mhd_result send_html_error(server *s, struct MHD_Connection *c, int status, const char *msg)
{
    pbuf b;
    pbuf_init(&b);
    pages_error(&b, status, msg);
    return send_buf(s, c, status, &b, "text/html; charset=utf-8", NULL);
}

/* A decimal id after prefix; 0 when the rest is not one. */
static uint64_t path_id(const char *url, const char *prefix)
{
    size_t pl = strlen(prefix);
    if (strncmp(url, prefix, pl))
        return 0;
    const char *p = url + pl;
    if (!*p || strlen(p) > 19)
        return 0;
    uint64_t v = 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        v = v * 10 + (uint64_t)(*p - '0');
    }
    return v;
}

static int parse_count(const char *s, size_t dflt, size_t max, size_t *out)
{
    if (!s) {
        *out = dflt;
        return 0;
    }
    if (!*s || strlen(s) > 9)
        return -1;
    size_t v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        v = v * 10 + (size_t)(*p - '0');
    }
    *out = v > max ? max : v;
    return 0;
}

/* Constant-time comparison of the bearer token. */
static int authorized(server *s, struct MHD_Connection *c)
{
    if (!s->cfg.token)
        return 1;
    const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
    if (!h || strncmp(h, "Bearer ", 7))
        return 0;
    h += 7;
    size_t a = strlen(h), b = strlen(s->cfg.token);
    unsigned diff = (unsigned)(a != b);
    for (size_t i = 0; i < a; i++)
        diff |= (unsigned char)h[i] ^ (unsigned char)s->cfg.token[i % (b ? b : 1)];
    return diff == 0;
}

static mhd_result get_front(server *s, struct MHD_Connection *c, const char *inm)
{
    const char *pg = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "page");
    size_t page;
    if (parse_count(pg, 0, 100000, &page))
        return send_html_error(s, c, 400, "page must be a number");
    uint64_t gen = desk_generation(s->d);
    char etag[64];
    snprintf(etag, sizeof etag, "\"f%llx-%zx\"", (unsigned long long)gen, page);
    if (inm && strstr(inm, etag)) {
        pbuf b;
        pbuf_init(&b);
        return send_buf(s, c, 304, &b, NULL, etag);
    }
    pbuf b;
    pbuf_init(&b);
    if (page == 0) {
        pthread_mutex_lock(&s->cache_mu);
        if (s->cache_ok && s->cache_gen == gen)
            pbuf_put(&b, s->cache.data, s->cache.len);
        pthread_mutex_unlock(&s->cache_mu);
        if (b.len)
            return send_buf(s, c, 200, &b, "text/html; charset=utf-8", etag);
    }
    store *st = reader(s);
    int rc = st ? pages_front(&b, st, page) : 500;
    if (rc != 200) {
        pbuf_free(&b);
        return send_html_error(s, c, 500, "the store could not be read");
    }
    if (page == 0) {
        pthread_mutex_lock(&s->cache_mu);
        s->cache.len = 0;
        pbuf_put(&s->cache, b.data, b.len);
        s->cache_ok = !s->cache.oom;
        s->cache_gen = gen;
        pthread_mutex_unlock(&s->cache_mu);
    }
    return send_buf(s, c, 200, &b, "text/html; charset=utf-8", etag);
}

/* Stories carry the stream's Snowball language names; lang= also takes
   the ISO 639-1 codes of the languages Snowball has. */
static const char *lang_name(const char *l)
{
    static const char *const map[][2] = {
        {"ar", "arabic"},    {"da", "danish"},     {"de", "german"},     {"el", "greek"},
        {"en", "english"},   {"es", "spanish"},    {"fi", "finnish"},    {"fr", "french"},
        {"hu", "hungarian"}, {"id", "indonesian"}, {"it", "italian"},    {"lt", "lithuanian"},
        {"nl", "dutch"},     {"no", "norwegian"},  {"pt", "portuguese"}, {"ro", "romanian"},
        {"ru", "russian"},   {"sv", "swedish"},    {"tr", "turkish"},    {"ca", "catalan"},
    };
    for (size_t i = 0; l && i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(l, map[i][0]))
            return map[i][1];
    return l;
}

static mhd_result get_stories(server *s, struct MHD_Connection *c)
{
    store_query q = {0, NULL, NULL, 20, 0};
    const char *since = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "since");
    if (since) {
        q.since = serve_parse_time(since);
        if (q.since < 0)
            return send_json_error(s, c, 400,
                                   "since: expected epoch seconds or "
                                   "YYYY-MM-DD[THH:MM[:SS]][Z]");
    }
    q.lang = lang_name(MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang"));
    q.q = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "q");
    if (q.q && strlen(q.q) > 500)
        return send_json_error(s, c, 400, "q: at most 500 bytes");
    if (parse_count(MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "limit"), 20,
                    SERVE_MAX_LIMIT, &q.limit) ||
        parse_count(MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "offset"), 0, 100000000,
                    &q.offset))
        return send_json_error(s, c, 400, "limit and offset must be numbers");
    /* the list changes whenever the desk does: its tag is the change
       counter and the query */
    pbuf b;
    pbuf_init(&b);
    pbuf_printf(&b, "%lld|%s|%s|%zu|%zu", (long long)q.since, q.lang ? q.lang : "", q.q ? q.q : "",
                q.limit, q.offset);
    char etag[64];
    snprintf(etag, sizeof etag, "\"l%llx-%llx\"", (unsigned long long)desk_generation(s->d),
             (unsigned long long)hash_bytes(b.data ? b.data : "", b.len));
    b.len = 0;
    const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
    if (inm && strstr(inm, etag))
        return send_buf(s, c, 304, &b, NULL, etag);
    store *st = reader(s);
    int rc = st ? store_read_stories(st, &q, &b) : 500;
    if (rc != 200) {
        pbuf_free(&b);
        return send_json_error(s, c, 500, "the store could not be read");
    }
    return send_buf(s, c, 200, &b, "application/json", etag);
}

static mhd_result get_one(server *s, struct MHD_Connection *c, const char *url, const char *inm)
{
    char etag[64] = "";
    pbuf b;
    pbuf_init(&b);
    store *st = reader(s);
    if (!st)
        return send_json_error(s, c, 500, "the store could not be opened");
    int rc, html = 0;
    uint64_t id;
    if ((id = path_id(url, "/stories/")))
        rc = store_read_story(st, id, inm, etag, &b);
    else if ((id = path_id(url, "/story/"))) {
        html = 1;
        rc = store_read_story_page(st, id, inm, etag, &b);
        if (rc == 202) {
            pbuf_free(&b);
            return send_html_error(s, c, 404,
                                   "This story's first summary is being written; "
                                   "reload in a moment.");
        }
    } else if (!strncmp(url, "/articles/", 10) && url[10])
        rc = store_read_article(st, url + 10, inm, etag, &b);
    else {
        pbuf_free(&b);
        return send_json_error(s, c, 404, "no such resource");
    }
    if (rc == 404 || rc == 500) {
        pbuf_free(&b);
        const char *m = rc == 404 ? "not found" : "the store could not be read";
        return html ? send_html_error(s, c, rc, m) : send_json_error(s, c, rc, m);
    }
    return send_buf(s, c, rc, &b, html ? "text/html; charset=utf-8" : "application/json", etag);
}

static mhd_result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                         const char *version, const char *upload, size_t *upload_size,
                         void **con_cls)
{
    server *s = cls;
    PRECIS_UNUSED(version);
    int is_get = !strcmp(method, MHD_HTTP_METHOD_GET) || !strcmp(method, MHD_HTTP_METHOD_HEAD);
    int is_post = !strcmp(method, MHD_HTTP_METHOD_POST);
    request *rq = *con_cls;
    if (!rq) {
        if (is_post && !strcmp(url, "/articles")) {
            if (!authorized(s, c))
                return send_json_error(s, c, 401,
                                       "POST /articles needs the bearer token "
                                       "(Authorization: Bearer TOKEN)");
            const char *cl =
                MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
            if (cl && strtoull(cl, NULL, 10) > desk_cfg(s->d)->max_body)
                return send_json_error(s, c, 413, "request body exceeds the limit");
            rq = pcalloc(1, sizeof *rq);
            if (!rq)
                return MHD_NO;
            pbuf_init(&rq->body);
            rq->post = 1;
            *con_cls = rq;
            return MHD_YES;
        }
        if (is_post)
            return send_json_error(s, c, 405, "POST goes to /articles");
        if (!is_get)
            return send_json_error(s, c, 405, "method not allowed");
        /* answer on the next call, once MHD knows the request is complete:
           an answer queued now would make it close the connection (it
           could not tell whether a body follows), and keep-alive is what
           makes reads cheap */
        *con_cls = &s->get_mark;
        return MHD_YES;
    }
    if (rq == (void *)&s->get_mark) {
        if (*upload_size) { /* a body on a GET: read and ignore it */
            *upload_size = 0;
            return MHD_YES;
        }
        const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
        if (!strcmp(url, "/"))
            return get_front(s, c, inm);
        if (!strcmp(url, "/stories") || !strcmp(url, "/stories/"))
            return get_stories(s, c);
        if (!strcmp(url, "/health")) {
            pbuf b;
            pbuf_init(&b);
            pbuf_printf(&b, "{\"ok\":true,\"pending\":%zu,\"generation\":%llu}\n",
                        desk_pending(s->d), (unsigned long long)desk_generation(s->d));
            return send_buf(s, c, 200, &b, "application/json", NULL);
        }
        if (!strcmp(url, "/articles"))
            return send_json_error(s, c, 405, "GET an article at /articles/ID");
        return get_one(s, c, url, inm);
    }
    /* POST /articles: gather the body, then ingest it */
    if (*upload_size) {
        size_t n = *upload_size, max = desk_cfg(s->d)->max_body;
        if (!rq->too_big && !rq->busy) {
            if (rq->body.len + n > max) {
                rq->too_big = 1;
                pbuf_free(&rq->body);
            } else if (atomic_fetch_add(&s->inflight, n) + n > SERVE_INFLIGHT_BODIES * max) {
                atomic_fetch_sub(&s->inflight, n);
                rq->busy = 1;
                pbuf_free(&rq->body);
            } else {
                rq->counted += n;
                pbuf_put(&rq->body, upload, n);
            }
        }
        *upload_size = 0;
        return MHD_YES;
    }
    if (rq->too_big)
        return send_json_error(s, c, 413, "request body exceeds the limit");
    if (rq->busy)
        return send_json_error(s, c, 503, "too many large uploads at once; retry");
    if (rq->body.oom)
        return send_json_error(s, c, 503, "out of memory");
    pbuf out;
    pbuf_init(&out);
    int status = desk_ingest(s->d, rq->body.data ? rq->body.data : "", rq->body.len, &out);
    return send_buf(s, c, status, &out, "application/json", NULL);
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
    server *s = cls;
    PRECIS_UNUSED(c);
    PRECIS_UNUSED(toe);
    request *rq = *con_cls;
    if (rq && rq != (void *)&s->get_mark) {
        atomic_fetch_sub(&s->inflight, rq->counted);
        pbuf_free(&rq->body);
        pfree(rq);
        *con_cls = NULL;
    }
}

server *server_start(desk *d, const serve_config *cfg, char *err, size_t errcap)
{
    server *s = pcalloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errcap, "out of memory");
        return NULL;
    }
    s->d = d;
    s->cfg = *cfg;
    pthread_mutex_init(&s->cache_mu, NULL);
    pbuf_init(&s->cache);
    if (pthread_key_create(&s->reader, reader_free)) {
        snprintf(err, errcap, "cannot create a thread key");
        server_stop(s);
        return NULL;
    }
    s->key_ok = 1;
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)cfg->port);
    const char *addr = cfg->listen ? cfg->listen : "127.0.0.1";
    if (inet_pton(AF_INET, addr, &sa.sin_addr) != 1) {
        snprintf(err, errcap, "--listen %s: not an IPv4 address", addr);
        server_stop(s);
        return NULL;
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
#ifdef __linux__
    flags |= MHD_USE_EPOLL;
#endif
    s->mhd = MHD_start_daemon(
        flags, (uint16_t)cfg->port, NULL, NULL, handle, s, MHD_OPTION_SOCK_ADDR,
        (struct sockaddr *)&sa, MHD_OPTION_THREAD_POOL_SIZE,
        (unsigned)(cfg->threads ? cfg->threads : 2), MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)(cfg->max_connections ? cfg->max_connections : 512),
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(cfg->timeout_s ? cfg->timeout_s : 60),
        MHD_OPTION_NOTIFY_COMPLETED, completed, s, MHD_OPTION_END);
    if (!s->mhd) {
        snprintf(err, errcap, "cannot listen on %s:%u (in use, or not allowed)", addr, cfg->port);
        server_stop(s);
        return NULL;
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->mhd, MHD_DAEMON_INFO_BIND_PORT);
    s->port = di ? di->port : cfg->port;
    return s;
}

unsigned server_port(const server *s)
{
    return s->port;
}

void server_stop(server *s)
{
    if (!s)
        return;
    if (s->mhd)
        MHD_stop_daemon(s->mhd); /* joins the pool; each thread closes its reader */
    if (s->key_ok)
        pthread_key_delete(s->reader);
    pbuf_free(&s->cache);
    pthread_mutex_destroy(&s->cache_mu);
    pfree(s);
}
