/*
 * service.h -- the live news desk behind 'precis serve' and 'precis ingest'.
 *
 * Not installed and not part of libprecis: the service is an application
 * of the library (it adds SQLite, libmicrohttpd and threads, which the
 * library itself never needs).  It is built as its own static library
 * (precis_service) that the CLI links.
 *
 * The path an article takes, each step behind a small interface so that a
 * different back end (a Redis Streams log and queue, see the issue on
 * Redis) can replace one step without touching the others:
 *
 *   HTTP / CLI  --desk_ingest()-->  parse + validate records (desk.c)
 *               --precis_stream_add()-->  story assignment (libprecis)
 *               --store_ops.put_articles()-->  durable log (store_sqlite.c)
 *               --queue_ops.push()-->  debounced work queue (queue.c)
 *   worker      --queue_ops.pop()-->  recompute summary + report (desk.c)
 *               --store_ops.put_versions()-->  versioned story (store_sqlite.c)
 *   readers     --store_read_*()-->  JSON and HTML (http.c, pages.c)
 *
 * An article is acknowledged only after put_articles() has committed it,
 * so a crash loses nothing that was answered.  On start the story state is
 * rebuilt from the store: the last stream snapshot, then a replay of the
 * articles logged after it.
 */
#ifndef PRECIS_SERVICE_H
#define PRECIS_SERVICE_H

#include "internal.h" /* pbuf, JSON and HTML escaping of the library (internal) */
#include "precis.h"

#include <pthread.h>
#include <stdint.h>

/* ---- limits (documented in the README and precis(1)) ----------------- */
#define SERVE_MAX_BODY_DEFAULT ((size_t)32 << 20)   /* one POST body        */
#define SERVE_MAX_ARTICLE_DEFAULT ((size_t)1 << 20) /* one article's text   */
#define SERVE_MAX_RECORDS 100000                    /* records in one body  */
#define SERVE_STORY_ARTICLES 200                    /* newest articles of a story summarized  */
#define SERVE_VERSIONS_SHOWN 20                     /* versions listed on a story              */
#define SERVE_PAGE_STORIES 30                       /* stories on one front page               */
#define SERVE_MAX_LIMIT 500                         /* largest 'limit' of GET /stories         */

/* ---- time ------------------------------------------------------------- */
int64_t serve_now_ms(void);
/* "2026-11-27T17:30:50Z" into buf (>= 24 bytes). */
void serve_iso_time(int64_t ms, char *buf, size_t cap);
/* Parses epoch seconds or ISO 8601 (YYYY-MM-DD[THH:MM[:SS]][Z]) into ms;
   -1 when invalid. */
int64_t serve_parse_time(const char *s);

/* ---- the store: durable articles and versioned stories ---------------- */

/* One logged article (strings owned by whoever fills it). */
typedef struct store_article {
    int64_t seq; /* arrival order, set by the store */
    const char *id, *source, *date, *title, *lang, *url, *copy_of;
    const char *text;
    size_t text_len;
    uint64_t story;
    int new_story;
    int64_t received; /* ms */
} store_article;

/* One recomputation of a story, everything precomputed for readers. */
typedef struct store_version {
    uint64_t story;
    int version; /* set by put_versions */
    int64_t created;
    size_t n_articles, n_sources;
    const char *lang;
    const char *headline, *summary;
    const char *sources;   /* JSON array of source names */
    const char *report;    /* the JSON report (one object) */
    const char *sentences; /* JSON array of summary sentences (for the next diff) */
    const char *facts;     /* JSON array of fact texts */
    const char *articles;  /* JSON array of article ids */
    const char *changes;   /* JSON object: what changed since the previous */
    const char *page;      /* the finished HTML story page */
    size_t page_len;
} store_version;

/* The previous version of a story, for the diff (strings owned by the
   store connection until its next call). */
typedef struct store_prev {
    int version;
    const char *sentences, *facts, *articles;
} store_prev;

typedef int (*store_replay_cb)(void *ud, const store_article *a);

/* The write path, as a table so that another back end can slot in.  Every
   function returns 0 on success, -1 with a message in err (PRECIS_ERRMAX). */
typedef struct store_ops {
    /* Is this article id already logged?  1 yes (story in *story), 0 no. */
    int (*find_article)(void *st, const char *id, uint64_t *story, char *err);
    /* Logs n articles and updates their stories, in one transaction. */
    int (*put_articles)(void *st, store_article *a, size_t n, char *err);
    /* Articles of a story, oldest first, at most the newest `max`. */
    int (*story_articles)(void *st, uint64_t story, size_t max, store_replay_cb cb, void *ud,
                          char *err);
    int (*prev_version)(void *st, uint64_t story, store_prev *out, char *err);
    /* Commits n versions in one transaction (sets each v[i].version). */
    int (*put_versions)(void *st, store_version *v, size_t n, char *err);
    /* Every article with seq > after, in order. */
    int (*replay)(void *st, int64_t after, store_replay_cb cb, void *ud, char *err);
    int (*save_snapshot)(void *st, int64_t seq, const void *state, size_t len, char *err);
    /* *state = NULL, *seq = 0 when there is none; caller frees *state. */
    int (*load_snapshot)(void *st, int64_t *seq, void **state, size_t *len, char *err);
    /* Stories with articles newer than their last version (after a crash). */
    int (*stale_stories)(void *st, store_replay_cb cb, void *ud, char *err);
} store_ops;

typedef struct store store; /* one SQLite connection (store_sqlite.c) */

extern const store_ops store_sqlite_ops;

/* Opens (creating if needed) the database at path, WAL mode.  sync_full:
   synchronous=FULL (survives power loss) instead of NORMAL (survives a
   crash of the process).  NULL on failure with a message in err. */
store *store_open(const char *path, int sync_full, int readonly, char *err);
void store_close(store *st);
int store_has_fts(const store *st);

/* ---- reads (store_sqlite.c), each on the reader's own connection ------
 * Each appends a JSON document or HTML page to out and returns 200, 304
 * (etag matched), 404, or 500 on a database error.  *etag (64 bytes) gets
 * the response's entity tag. */
typedef struct store_query {
    int64_t since; /* ms, 0 = any */
    const char *lang, *q;
    size_t limit, offset;
} store_query;

int store_read_stories(store *st, const store_query *q, pbuf *out);
int store_read_story(store *st, uint64_t id, const char *if_none_match, char *etag, pbuf *out);
int store_read_story_page(store *st, uint64_t id, const char *if_none_match, char *etag, pbuf *out);
int store_read_article(store *st, const char *id, const char *if_none_match, char *etag, pbuf *out);

/* One story as the front page shows it. */
typedef struct store_card {
    uint64_t id;
    const char *headline, *summary, *sources, *lang;
    size_t n_articles, n_sources;
    int64_t updated;
    int version;
} store_card;
typedef void (*store_card_cb)(void *ud, const store_card *c);
/* Cards of the current stories (newest and biggest first); *total gets the
   number of stories and *articles the number of articles. */
int store_read_cards(store *st, size_t limit, size_t offset, store_card_cb cb, void *ud,
                     size_t *total, size_t *articles);

/* ---- the work queue: stories to recompute, debounced ------------------ */
typedef struct queue_ops {
    /* Marks story dirty now (a no-op when already waiting). */
    int (*push)(void *q, uint64_t story);
    /* Blocks until a story is due (quiet for the debounce interval, or
       waiting for max_wait), returns 1 with it in *story; 0 once closed
       and (when draining) empty.  With wait = 0 it returns 0 at once when
       no story is due. */
    int (*pop)(void *q, uint64_t *story, int wait);
    /* The worker finished story (popped stories are not handed to a
       second worker until then). */
    void (*done)(void *q, uint64_t story);
    /* Stories waiting or being worked on. */
    size_t (*pending)(void *q);
    /* Wakes every pop(); with drain, pop() still returns what is queued,
       without waiting for the debounce. */
    void (*close)(void *q, int drain);
} queue_ops;

typedef struct queue queue;
extern const queue_ops queue_mem_ops;
queue *queue_new(int64_t debounce_ms, int64_t max_wait_ms);
void queue_free(queue *q);

/* ---- one version of a story (version.c) --------------------------------- */

/* A computed version: v's strings point into the buffers below, all owned
   by the story_version (version_free()). */
typedef struct story_version {
    store_version v;
    pbuf sents, facts, arts, srcs, changes, head;
    char *report, *html, *text;
    size_t html_len;
} story_version;

void version_init(story_version *sv);
void version_free(story_version *sv);
/* Summarizes and analyzes cluster c (the story's articles, oldest first)
   with s and fills sv->v: summary, JSON report, HTML page, headline,
   sources, and the changes since prev (NULL or version 0: none).  Returns
   0; -1 out of memory; -2 the story cannot be summarized (message in err,
   PRECIS_ERRMAX bytes). */
int version_compute(precis_summarizer *s, const precis_cluster *c, uint64_t story,
                    const char *lang, const store_prev *prev, story_version *sv, char *err);

/* ---- the desk: ingest, assignment, recomputation ---------------------- */
typedef struct desk_config {
    const char *db;
    int sync_full;
    size_t max_article; /* bytes of text */
    size_t max_body;
    int64_t debounce_ms, max_wait_ms;
    int workers;            /* recompute threads */
    int64_t snapshot_every; /* articles between stream snapshots */
    size_t summary_words;
    int quiet;               /* no log lines on stderr */
    const char *redis_url;   /* precis on Redis Streams: ingest appends to
                                the language shards, the stories come
                                from the worker pool (redisq.h) into the
                                store; NULL = cluster and summarize here */
} desk_config;

void desk_config_init(desk_config *c);

typedef struct desk desk;

/* Opens the store and rebuilds the story state from it (snapshot +
   replay), then starts the workers.  NULL with a message in err. */
desk *desk_open(const desk_config *cfg, char *err, size_t errcap);
/* Stops the workers (after finishing the queue when drain), snapshots the
   stream, closes the store. */
void desk_close(desk *d, int drain);

/* Ingests a body of one JSON article or JSON Lines.  Appends the answer
   (a JSON object) to out and returns the HTTP status: 200 all accepted,
   400 some records bad (the good ones are kept), 413 too many records,
   503 the store failed (nothing from this body acknowledged). */
int desk_ingest(desk *d, const char *body, size_t len, pbuf *out);

/* A change counter: moves whenever an article or a version is committed
   (the front page's cache key). */
uint64_t desk_generation(desk *d);
size_t desk_pending(desk *d);
const desk_config *desk_cfg(const desk *d);
/* Blocks until the queue is empty and no worker is busy. */
void desk_wait_idle(desk *d);

/* ---- HTML (pages.c) --------------------------------------------------- */
/* The story page: the report page with the headline, a link back to the
   front page and the version history spliced in. */
void pages_story(pbuf *out, const char *report_html, size_t len, uint64_t story,
                 const char *headline, int version, size_t n_articles, int64_t updated,
                 const char *versions_json);
/* The front page (page = 0-based). */
int pages_front(pbuf *out, store *st, size_t page);
/* A short HTML error page. */
void pages_error(pbuf *out, int status, const char *msg);

/* ---- HTTP (http.c) ---------------------------------------------------- */
typedef struct serve_config {
    const char *listen; /* address, default 127.0.0.1 */
    unsigned port;      /* default 8080; 0 = any free port */
    const char *token;  /* write endpoints need "Authorization: Bearer T" */
    const char *cors;   /* Access-Control-Allow-Origin value, NULL = off */
    unsigned threads;   /* reader threads */
    unsigned max_connections;
    unsigned timeout_s;
} serve_config;

typedef struct server server;
server *server_start(desk *d, const serve_config *cfg, char *err, size_t errcap);
unsigned server_port(const server *s);
void server_stop(server *s);

#endif
