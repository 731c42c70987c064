/*
 * redisq.c -- precis on Redis Streams (see redisq.h for the keys and the
 * flow, docs/scale-out.md for deployment and failure modes).
 *
 * Why Redis Streams: an append-only log with consumer groups gives the
 * three things the scale-out needs without a protocol of our own -- a
 * pending-entries list per consumer (an entry is delivered until it is
 * acknowledged with XACK, so a dead consumer loses nothing), take-over of a
 * dead consumer's entries (XAUTOCLAIM after an idle time), and atomic
 * multi-key updates through Lua scripts.  hiredis is the C client Redis
 * itself ships; Debian packages both.
 *
 * Delivery is at least once; every step is idempotent so a redelivery is
 * harmless:
 *  - ingest: the article's hash is created with HSETNX in the same script
 *    as the XADD, so an id is appended at most once;
 *  - clustering: the consumer applies entries to its story state in stream
 *    order, and acknowledges them only after a snapshot of the state that
 *    includes them is stored (with the last entry id it covers).  A
 *    standby that takes over loads the snapshot and replays the entries
 *    after it; the clustering is deterministic, so the replay assigns the
 *    same stories, and the writes it repeats (ZADD NX, HSET) are no-ops;
 *  - summarizing: a result is stored with its story's version by a
 *    compare-and-set script that keeps the higher version, so a late or
 *    repeated delivery never replaces a newer result with an older one.
 */
#include "redisq.h"

#include "precis.h"
#include "service.h"

#include <errno.h>
#include <hiredis/hiredis.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct redisq {
    redisContext *c;
    int failed; /* the last error was Redis's, not the record's */
    char err[256];
};

int redisq_failed(const redisq *q) { return q->failed; }

/* ---- connection and replies ------------------------------------- */

redisq *redisq_connect(const char *url, char *err, size_t errcap)
{
    char host[256] = "127.0.0.1";
    long port = 6379, db = 0;
    const char *p = url;
    if (!strncmp(p, "redis://", 8))
        p += 8;
    else if (strstr(p, "://")) {
        snprintf(err, errcap, "%s: not a redis:// URL", url);
        return NULL;
    }
    size_t hl = strcspn(p, ":/");
    if (hl >= sizeof host) {
        snprintf(err, errcap, "%s: host name too long", url);
        return NULL;
    }
    if (hl) {
        memcpy(host, p, hl);
        host[hl] = '\0';
    }
    p += hl;
    char *end;
    if (*p == ':') {
        errno = 0;
        port = strtol(p + 1, &end, 10);
        if (errno || end == p + 1 || port < 1 || port > 65535 || (*end && *end != '/')) {
            snprintf(err, errcap, "%s: bad port", url);
            return NULL;
        }
        p = end;
    }
    if (*p == '/' && p[1]) {
        errno = 0;
        db = strtol(p + 1, &end, 10);
        if (errno || *end || db < 0) {
            snprintf(err, errcap, "%s: bad database number", url);
            return NULL;
        }
    }
    redisq *q = calloc(1, sizeof *q);
    if (!q) {
        snprintf(err, errcap, "out of memory");
        return NULL;
    }
    struct timeval tv = {5, 0};
    q->c = redisConnectWithTimeout(host, (int)port, tv);
    if (!q->c || q->c->err) {
        snprintf(err, errcap, "%s: cannot connect: %s", url,
                 q->c ? q->c->errstr : "out of memory");
        redisq_free(q);
        return NULL;
    }
    if (db) {
        redisReply *r = redisCommand(q->c, "SELECT %ld", db);
        int bad = !r || r->type == REDIS_REPLY_ERROR;
        if (bad)
            snprintf(err, errcap, "%s: SELECT %ld: %s", url, db,
                     r ? r->str : q->c->errstr);
        freeReplyObject(r);
        if (bad) {
            redisq_free(q);
            return NULL;
        }
    }
    return q;
}

void redisq_free(redisq *q)
{
    if (!q)
        return;
    if (q->c)
        redisFree(q->c);
    free(q);
}

/* Runs argv; returns the reply, or NULL with q->err set (a connection
   error, or an error reply unless `ok_err` is a prefix of its text). */
static redisReply *cmdv(redisq *q, const char *ok_err, int argc, const char **argv,
                        const size_t *lens)
{
    redisReply *r = redisCommandArgv(q->c, argc, argv, lens);
    if (!r) {
        snprintf(q->err, sizeof q->err, "redis: %s", q->c->errstr);
        q->failed = 1;
        return NULL;
    }
    if (r->type == REDIS_REPLY_ERROR && !(ok_err && !strncmp(r->str, ok_err, strlen(ok_err)))) {
        snprintf(q->err, sizeof q->err, "redis %s: %s", argv[0], r->str);
        q->failed = 1;
        freeReplyObject(r);
        return NULL;
    }
    return r;
}

/* The same with NUL-terminated arguments, terminated by NULL. */
static redisReply *cmd(redisq *q, const char *ok_err, ...)
{
    const char *argv[32];
    size_t lens[32];
    int argc = 0;
    va_list ap;
    va_start(ap, ok_err);
    const char *a;
    while (argc < 32 && (a = va_arg(ap, const char *)) != NULL) {
        argv[argc] = a;
        lens[argc] = strlen(a);
        argc++;
    }
    va_end(ap);
    return cmdv(q, ok_err, argc, argv, lens);
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
        ;
}

/* A stream entry id "MS-SEQ" as a pair, for ordering. */
static int entry_cmp(const char *a, const char *b)
{
    unsigned long long am = 0, as = 0, bm = 0, bs = 0;
    sscanf(a, "%llu-%llu", &am, &as);
    sscanf(b, "%llu-%llu", &bm, &bs);
    if (am != bm)
        return am < bm ? -1 : 1;
    return as < bs ? -1 : as > bs;
}

/* The value of `field` in a stream entry's field list, or NULL. */
static const redisReply *entry_field(const redisReply *fields, const char *field)
{
    if (!fields || fields->type != REDIS_REPLY_ARRAY)
        return NULL;
    for (size_t i = 0; i + 1 < fields->elements; i += 2)
        if (fields->element[i]->type == REDIS_REPLY_STRING &&
            !strcmp(fields->element[i]->str, field))
            return fields->element[i + 1];
    return NULL;
}

static int dead_letter(redisq *q, const char *stream, const char *entry, const char *what,
                       const char *error)
{
    redisReply *r = cmd(q, NULL, "XADD", "precis:dead", "MAXLEN", "~", "100000", "*", "stream",
                        stream, "entry", entry, "what", what ? what : "", "error", error, NULL);
    freeReplyObject(r);
    return r ? 0 : -1;
}

static int ack(redisq *q, const char *stream, const char *group, const char *entry)
{
    redisReply *r = cmd(q, NULL, "XACK", stream, group, entry, NULL);
    freeReplyObject(r);
    return r ? 0 : -1;
}

/* ---- ingest ------------------------------------------------------ */

/* KEYS: article hash, shard stream, shard set.  ARGV: json, id, lang. */
static const char ingest_lua[] =
    "if redis.call('HSETNX', KEYS[1], 'json', ARGV[1]) == 1 then\n"
    "  redis.call('HSET', KEYS[1], 'lang', ARGV[3])\n"
    "  redis.call('SADD', KEYS[3], ARGV[3])\n"
    "  return redis.call('XADD', KEYS[2], '*', 'id', ARGV[2])\n"
    "end\n"
    "return false\n";

/* A language code is a short run of ASCII letters (it names keys). */
static int good_lang(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n > 16)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_'))
            return 0;
    return 1;
}

int redisq_ingest(redisq *q, const char *json, size_t len, int *dup, char *err, size_t errcap)
{
    *dup = 0;
    q->failed = 0;
    json_error_t je;
    json_t *o = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
    if (!o || !json_is_object(o)) {
        snprintf(err, errcap, o ? "not a JSON object" : "malformed JSON: %s", je.text);
        json_decref(o);
        return -1;
    }
    const char *id = json_string_value(json_object_get(o, "id"));
    const char *lang = json_string_value(json_object_get(o, "lang"));
    const char *text = json_string_value(json_object_get(o, "text"));
    if (!id || !*id || strlen(id) > 512) {
        snprintf(err, errcap, "the article needs a string \"id\" of 1 to 512 bytes");
        json_decref(o);
        return -1;
    }
    if (!text) {
        snprintf(err, errcap, "article %s: no string \"text\"", id);
        json_decref(o);
        return -1;
    }
    if (!lang || !*lang)
        lang = "en";
    if (!good_lang(lang)) {
        snprintf(err, errcap, "article %s: bad \"lang\" (2-16 letters)", id);
        json_decref(o);
        return -1;
    }
    char k_art[600], k_stream[64];
    snprintf(k_art, sizeof k_art, "precis:article:%s", id);
    snprintf(k_stream, sizeof k_stream, "precis:articles:%s", lang);
    const char *argv[] = {"EVAL", ingest_lua, "3", k_art, k_stream, "precis:shards",
                          json, id, lang};
    size_t lens[] = {4, strlen(ingest_lua), 1, strlen(k_art), strlen(k_stream), 13, len,
                     strlen(id), strlen(lang)};
    redisReply *r = cmdv(q, NULL, 9, argv, lens);
    json_decref(o);
    if (!r) {
        snprintf(err, errcap, "%s", q->err);
        return -1;
    }
    *dup = r->type != REDIS_REPLY_STRING;
    freeReplyObject(r);
    return 0;
}

/* A story id "<lang>-<n>" as the number the desk's store and pages use:
   the shard in the top 24 bits (its letters, 5 bits each, up to four;
   longer codes hashed), n below.  Stable, so a story keeps its address. */
uint64_t redisq_story_number(const char *story)
{
    const char *dash = strrchr(story, '-');
    if (!dash)
        return 0;
    uint64_t code = 0;
    size_t n = (size_t)(dash - story);
    if (n <= 4)
        for (size_t i = 0; i < n; i++)
            code = code << 5 | (uint64_t)((story[i] | 0x20) - 'a' + 1) % 32;
    else {
        for (size_t i = 0; i < n; i++)
            code = (code ^ (unsigned char)story[i]) * 1099511628211ull;
        code = code % (1u << 20) + (1u << 20) * 15;
    }
    uint64_t num = strtoull(dash + 1, NULL, 10);
    return (code & 0xFFFFFF) << 40 | (num & ((1ull << 40) - 1));
}

/* ---- the clustering consumer --------------------------------------- */

/* KEYS: members zset, story hash, article hash, stories stream.
   ARGV: article id, story id, shard, time, language (Snowball name).
   Adds the member (once), sets the
   story's version to its member count, and announces the change. */
static const char assign_lua[] =
    "local added = redis.call('ZADD', KEYS[1], 'NX', redis.call('ZCARD', KEYS[1]), ARGV[1])\n"
    "local v = redis.call('ZCARD', KEYS[1])\n"
    "if added == 1 then\n"
    "  redis.call('HSET', KEYS[2], 'lang', ARGV[3], 'version', v, 'slang', ARGV[5])\n"
    "  redis.call('HSETNX', KEYS[2], 'created', ARGV[4])\n"
    "  redis.call('HSET', KEYS[3], 'story', ARGV[2])\n"
    "end\n"
    "redis.call('XADD', KEYS[4], 'MAXLEN', '~', '1000000', '*', 'story', ARGV[2], 'version', v)\n"
    "return v\n";

/* KEYS: lock.  ARGV: token, lease.  Renews the lease if still ours. */
static const char renew_lua[] =
    "if redis.call('GET', KEYS[1]) == ARGV[1] then\n"
    "  return redis.call('PEXPIRE', KEYS[1], ARGV[2])\n"
    "end\n"
    "return 0\n";

typedef struct clusterer {
    redisq *q;
    const redisq_cluster_opts *o;
    char k_stream[64], k_state[64], k_lock[80], token[128];
    precis_stream *s;
    char last[64];    /* the last entry applied to s                 */
    char saved[64];   /* the last entry covered by the stored snapshot */
    size_t since;     /* entries applied since the snapshot          */
    char **pending;   /* applied, not yet acknowledged entry ids     */
    size_t npending, cappending;
    size_t npipe;     /* replies not read yet                         */
    size_t applied, dead;
} clusterer;

static int flush_pipe(clusterer *k);

static int lock_renew(clusterer *k)
{
    char lease[32];
    snprintf(lease, sizeof lease, "%ld", k->o->lease_ms);
    redisReply *r = cmd(k->q, NULL, "EVAL", renew_lua, "1", k->k_lock, k->token, lease, NULL);
    int ok = r && r->type == REDIS_REPLY_INTEGER && r->integer == 1;
    freeReplyObject(r);
    return ok;
}

/* Waits (as a standby) until this process holds the shard's lock. */
static int lock_acquire(clusterer *k)
{
    char lease[32];
    snprintf(lease, sizeof lease, "%ld", k->o->lease_ms);
    int said = 0;
    for (;;) {
        redisReply *r = cmd(k->q, NULL, "SET", k->k_lock, k->token, "NX", "PX", lease, NULL);
        if (!r)
            return -1;
        int ok = r->type == REDIS_REPLY_STATUS;
        freeReplyObject(r);
        if (ok)
            return 0;
        if (!said) {
            fprintf(stderr, "precis: worker %s: shard %s is held by another consumer; "
                            "standing by\n", k->o->name, k->o->lang);
            said = 1;
        }
        sleep_ms(k->o->lease_ms / 4 > 50 ? k->o->lease_ms / 4 : 50);
    }
}

static int load_state(clusterer *k)
{
    redisReply *r = cmd(k->q, NULL, "HMGET", k->k_state, "snapshot", "last", NULL);
    if (!r)
        return -1;
    int rc = 0;
    if (r->type == REDIS_REPLY_ARRAY && r->elements == 2 &&
        r->element[0]->type == REDIS_REPLY_STRING && r->element[1]->type == REDIS_REPLY_STRING) {
        precis_status st;
        k->s = precis_stream_load(r->element[0]->str, r->element[0]->len, &st);
        if (!k->s) {
            snprintf(k->q->err, sizeof k->q->err, "%s: the stored state cannot be read: %s",
                     k->k_state, precis_strerror(st));
            rc = -1;
        } else {
            snprintf(k->last, sizeof k->last, "%s", r->element[1]->str);
            snprintf(k->saved, sizeof k->saved, "%s", r->element[1]->str);
        }
    } else {
        precis_stream_options so;
        precis_stream_options_init(&so);
        so.lang = k->o->lang;
        so.drop_closed = 1; /* nobody drains them here: workers read Redis */
        so.close_after = k->o->close_after;
        so.close_after_articles = k->o->close_after_articles;
        k->s = precis_stream_new(&so);
        if (!k->s) {
            snprintf(k->q->err, sizeof k->q->err, "out of memory");
            rc = -1;
        }
        strcpy(k->last, "0-0");
        strcpy(k->saved, "0-0");
    }
    freeReplyObject(r);
    return rc;
}

/* Stores a snapshot covering every applied entry, then acknowledges them. */
static int save_state(clusterer *k)
{
    if (flush_pipe(k))
        return -1;
    if (!k->npending && !strcmp(k->last, k->saved))
        return 0;
    if (!lock_renew(k)) {
        snprintf(k->q->err, sizeof k->q->err,
                 "lost the lock of shard %s (another consumer took over)", k->o->lang);
        return -1;
    }
    char *buf = NULL;
    size_t len = 0;
    precis_status st = precis_stream_save(k->s, &buf, &len);
    if (st) {
        snprintf(k->q->err, sizeof k->q->err, "saving the story state: %s", precis_strerror(st));
        return -1;
    }
    const char *argv[] = {"HSET", k->k_state, "snapshot", buf, "last", k->last};
    size_t lens[] = {4, strlen(k->k_state), 8, len, 4, strlen(k->last)};
    redisReply *r = cmdv(k->q, NULL, 6, argv, lens);
    precis_free(buf);
    if (!r)
        return -1;
    freeReplyObject(r);
    snprintf(k->saved, sizeof k->saved, "%s", k->last);
    k->since = 0;
    /* XACK in chunks */
    for (size_t i = 0; i < k->npending;) {
        const char *av[3 + 256];
        size_t n = 0;
        av[n++] = "XACK";
        av[n++] = k->k_stream;
        av[n++] = "cluster";
        while (i < k->npending && n < 3 + 256)
            av[n++] = k->pending[i++];
        size_t ls[3 + 256];
        for (size_t j = 0; j < n; j++)
            ls[j] = strlen(av[j]);
        r = cmdv(k->q, NULL, (int)n, av, ls);
        if (!r)
            return -1;
        freeReplyObject(r);
    }
    for (size_t i = 0; i < k->npending; i++)
        free(k->pending[i]);
    k->npending = 0;
    /* entries the snapshot covers are never read again */
    r = cmd(k->q, NULL, "XTRIM", k->k_stream, "MINID", "~", k->saved, NULL);
    if (!r)
        return -1;
    freeReplyObject(r);
    return 0;
}

static int note_pending(clusterer *k, const char *entry)
{
    if (k->npending == k->cappending) {
        size_t cap = k->cappending ? k->cappending * 2 : 256;
        char **p = realloc(k->pending, cap * sizeof *p);
        if (!p)
            return -1;
        k->pending = p;
        k->cappending = cap;
    }
    if (!(k->pending[k->npending] = strdup(entry)))
        return -1;
    k->npending++;
    return 0;
}

/* Appends a command to the clusterer's pipeline (its replies are read by
   flush_pipe() before anything else is sent). */
static int pipe_cmd(clusterer *k, int argc, const char **argv)
{
    size_t lens[16];
    for (int i = 0; i < argc; i++)
        lens[i] = strlen(argv[i]);
    if (redisAppendCommandArgv(k->q->c, argc, argv, lens) != REDIS_OK) {
        snprintf(k->q->err, sizeof k->q->err, "redis: %s", k->q->c->errstr);
        k->q->failed = 1;
        return -1;
    }
    k->npipe++;
    return 0;
}

static int flush_pipe(clusterer *k)
{
    int rc = 0;
    for (; k->npipe; k->npipe--) {
        void *rep = NULL;
        if (redisGetReply(k->q->c, &rep) != REDIS_OK) {
            snprintf(k->q->err, sizeof k->q->err, "redis: %s", k->q->c->errstr);
            k->q->failed = 1;
            return -1;
        }
        redisReply *r = rep;
        if (r->type == REDIS_REPLY_ERROR && !rc) {
            snprintf(k->q->err, sizeof k->q->err, "redis: %s", r->str);
            k->q->failed = 1;
            rc = -1;
        }
        freeReplyObject(r);
    }
    return rc;
}

static int pipe_dead(clusterer *k, const char *entry, const char *what, const char *error)
{
    const char *argv[] = {"XADD", "precis:dead", "MAXLEN", "~", "100000", "*", "stream",
                          k->k_stream, "entry", entry, "what", what, "error", error};
    k->dead++;
    return pipe_cmd(k, 14, argv);
}

/* Applies one entry of the shard stream; json is the reply to the HGET of
   its article's record (fetched ahead, pipelined), or NULL when the entry
   needs none.  The writes go to the pipeline.  Returns 0, or -1 on a
   Redis or memory failure (the entry stays pending). */
static int apply_entry(clusterer *k, const redisReply *e, const redisReply *json)
{
    const char *entry = e->element[0]->str;
    if (entry_cmp(entry, k->last) <= 0) /* already in the state: replayed */
        return note_pending(k, entry);
    const redisReply *idr = entry_field(e->element[1], "id");
    if (!idr || idr->type != REDIS_REPLY_STRING || idr->len > 512) {
        if (pipe_dead(k, entry, "", "entry without an article id"))
            return -1;
        goto done;
    }
    if (!json || json->type != REDIS_REPLY_STRING) {
        if (pipe_dead(k, entry, idr->str, "the article's record is missing"))
            return -1;
        goto done;
    }
    precis_assignment a;
    precis_status st = precis_stream_add_json(k->s, json->str, json->len, &a);
    if (st == PRECIS_ENOMEM) {
        snprintf(k->q->err, sizeof k->q->err, "out of memory");
        return -1;
    }
    if (st) {
        char why[300];
        snprintf(why, sizeof why, "%s", precis_stream_error(k->s));
        if (pipe_dead(k, entry, idr->str, why))
            return -1;
        goto done;
    }
    {
        char story[96], members[128], skey[128], created[32], art_key[600];
        snprintf(art_key, sizeof art_key, "precis:article:%s", idr->str);
        snprintf(story, sizeof story, "%s-%llu", k->o->lang, (unsigned long long)a.story);
        snprintf(members, sizeof members, "precis:members:%s", story);
        snprintf(skey, sizeof skey, "precis:story:%s", story);
        snprintf(created, sizeof created, "%lld", now_ms());
        const char *argv[] = {"EVAL", assign_lua, "4", members, skey, art_key,
                              "precis:stories", idr->str, story, k->o->lang, created,
                              a.lang ? a.lang : "english"};
        if (pipe_cmd(k, 12, argv))
            return -1;
    }
    k->applied++;
done:
    snprintf(k->last, sizeof k->last, "%s", entry);
    k->since++;
    if (note_pending(k, entry))
        return -1;
    if (k->o->delay_ms) {
        if (flush_pipe(k))
            return -1;
        sleep_ms(k->o->delay_ms);
    }
    return 0;
}

/* Fetches the records of a batch's entries in one pipeline: json[i] is
   the HGET reply for entry i, or NULL (caller frees each). */
static int fetch_records(clusterer *k, const redisReply *entries, redisReply **json)
{
    size_t n = entries->elements;
    for (size_t i = 0; i < n; i++) {
        json[i] = NULL;
        const redisReply *e = entries->element[i];
        if (e->type != REDIS_REPLY_ARRAY || e->elements != 2 ||
            e->element[0]->type != REDIS_REPLY_STRING)
            continue;
        const redisReply *idr = entry_field(e->element[1], "id");
        if (!idr || idr->type != REDIS_REPLY_STRING || idr->len > 512)
            continue;
        if (redisAppendCommand(k->q->c, "HGET precis:article:%b json", idr->str, idr->len) !=
            REDIS_OK) {
            snprintf(k->q->err, sizeof k->q->err, "redis: %s", k->q->c->errstr);
            k->q->failed = 1;
            for (size_t j = 0; j < n; j++)
                json[j] = NULL;
            return -1;
        }
        json[i] = (redisReply *)1; /* asked */
    }
    for (size_t i = 0; i < n; i++) {
        if (!json[i])
            continue;
        void *rep = NULL;
        if (redisGetReply(k->q->c, &rep) != REDIS_OK) {
            snprintf(k->q->err, sizeof k->q->err, "redis: %s", k->q->c->errstr);
            k->q->failed = 1;
            for (size_t j = i; j < n; j++)
                json[j] = NULL;
            return -1;
        }
        json[i] = rep;
    }
    return 0;
}

int redisq_run_clusterer(redisq *q, const redisq_cluster_opts *o)
{
    clusterer k;
    memset(&k, 0, sizeof k);
    k.q = q;
    k.o = o;
    snprintf(k.k_stream, sizeof k.k_stream, "precis:articles:%s", o->lang);
    snprintf(k.k_state, sizeof k.k_state, "precis:state:%s", o->lang);
    snprintf(k.k_lock, sizeof k.k_lock, "precis:lock:cluster:%s", o->lang);
    snprintf(k.token, sizeof k.token, "%s:%ld:%lld", o->name, (long)getpid(), now_ms());
    int rc = -1;
    redisReply *r = cmd(q, "BUSYGROUP", "XGROUP", "CREATE", k.k_stream, "cluster", "0",
                        "MKSTREAM", NULL);
    if (!r)
        goto out;
    freeReplyObject(r);
    if (lock_acquire(&k) || load_state(&k))
        goto out;
    fprintf(stderr, "precis: worker %s: clustering shard %s from entry %s\n", o->name, o->lang,
            k.last);
    /* The consumer name is the shard's, not the process's: a standby that
       takes over reads the pending entries of its predecessor first. */
    int backlog = 1;
    long long idle_since = now_ms();
    /* A read blocks for at most a third of the lease, so the lock is
       renewed in time even when the machine or the server is slow. */
    char block[32];
    long bms = o->lease_ms / 3 < 500 ? o->lease_ms / 3 : 500;
    snprintf(block, sizeof block, "%ld", bms > 1 ? bms : 1);
    for (;;) {
        if (!lock_renew(&k)) {
            snprintf(q->err, sizeof q->err, "lost the lock of shard %s", o->lang);
            goto out;
        }
        r = cmd(q, NULL, "XREADGROUP", "GROUP", "cluster", "clusterer", "COUNT", "200", "BLOCK",
                backlog ? "0" : block, "STREAMS", k.k_stream, backlog ? "0" : ">", NULL);
        if (!r)
            goto out;
        const redisReply *entries = NULL;
        if (r->type == REDIS_REPLY_ARRAY && r->elements == 1 &&
            r->element[0]->type == REDIS_REPLY_ARRAY && r->element[0]->elements == 2)
            entries = r->element[0]->element[1];
        size_t n = entries && entries->type == REDIS_REPLY_ARRAY ? entries->elements : 0;
        /* In the backlog, entries we applied but did not acknowledge yet
           come back too; apply_entry() skips those <= last. */
        size_t fresh = 0;
        redisReply **json = n ? calloc(n, sizeof *json) : NULL;
        int bad = n && (!json || fetch_records(&k, entries, json));
        for (size_t i = 0; i < n && !bad; i++) {
            const redisReply *e = entries->element[i];
            if (e->type != REDIS_REPLY_ARRAY || e->elements != 2 ||
                e->element[0]->type != REDIS_REPLY_STRING)
                continue;
            int known = 0;
            for (size_t j = 0; j < k.npending && !known; j++)
                known = !strcmp(k.pending[j], e->element[0]->str);
            if (known)
                continue;
            fresh++;
            bad = apply_entry(&k, e, json[i]) ||
                  (k.since >= o->snapshot_every && save_state(&k));
        }
        for (size_t i = 0; json && i < n; i++)
            freeReplyObject(json[i]);
        free(json);
        if (!bad)
            bad = flush_pipe(&k);
        if (bad) {
            freeReplyObject(r);
            goto out;
        }
        freeReplyObject(r);
        if (backlog && !fresh)
            backlog = 0;
        if (!n) {
            if (save_state(&k))
                goto out;
            if (o->idle_exit_ms && now_ms() - idle_since >= o->idle_exit_ms)
                break;
        } else
            idle_since = now_ms();
    }
    rc = 0;
out:
    if (rc)
        fprintf(stderr, "precis: worker %s: shard %s: %s\n", o->name, o->lang, q->err);
    else
        fprintf(stderr, "precis: worker %s: shard %s: %zu articles assigned, %zu dead-lettered\n",
                o->name, o->lang, k.applied, k.dead);
    for (size_t i = 0; i < k.npending; i++)
        free(k.pending[i]);
    free(k.pending);
    precis_stream_free(k.s);
    return rc;
}

/* ---- the summarizer workers ---------------------------------------- */


typedef struct worker {
    redisq *q;
    const redisq_worker_opts *o;
    precis_summarizer *sum[40]; /* one per language seen */
    char lang[40][32];
    size_t nsum;
    precis_cluster *c;
    size_t stored, skipped, dead;
} worker;

/* The worker's summarizer for a language (Snowball name); English when
   the language has no stemmer.  NULL when out of memory. */
static precis_summarizer *summarizer_for(worker *w, const char *lang)
{
    for (size_t i = 0; i < w->nsum; i++)
        if (!strcmp(w->lang[i], lang))
            return w->sum[i];
    if (w->nsum == sizeof w->sum / sizeof *w->sum)
        return w->sum[0];
    precis_options opt;
    precis_options_init(&opt);
    if (w->o->words > 0)
        opt.budget = (size_t)w->o->words;
    opt.lang = lang;
    precis_status st;
    precis_summarizer *s = precis_summarizer_new(&opt, &st);
    if (!s)
        return st == PRECIS_ELANG && strcmp(lang, "english") ? summarizer_for(w, "english")
                                                            : NULL;
    snprintf(w->lang[w->nsum], sizeof w->lang[0], "%s", lang);
    w->sum[w->nsum++] = s;
    return s;
}

/* The story's current version and members in one transaction. */
static redisReply *story_snapshot(worker *w, const char *story)
{
    char skey[128], mkey[128];
    snprintf(skey, sizeof skey, "precis:story:%s", story);
    snprintf(mkey, sizeof mkey, "precis:members:%s", story);
    redisAppendCommand(w->q->c, "MULTI");
    redisAppendCommand(w->q->c, "HMGET %s version slang", skey);
    redisAppendCommand(w->q->c, "ZRANGE %s 0 -1", mkey);
    redisAppendCommand(w->q->c, "EXEC");
    redisReply *r = NULL;
    for (int i = 0; i < 4; i++) {
        void *rep = NULL;
        if (redisGetReply(w->q->c, &rep) != REDIS_OK) {
            snprintf(w->q->err, sizeof w->q->err, "redis: %s", w->q->c->errstr);
            freeReplyObject(r);
            return NULL;
        }
        if (i < 3)
            freeReplyObject(rep);
        else
            r = rep;
    }
    if (!r || r->type != REDIS_REPLY_ARRAY || r->elements != 2) {
        snprintf(w->q->err, sizeof w->q->err, "redis: MULTI/EXEC failed");
        freeReplyObject(r);
        return NULL;
    }
    return r;
}

/* KEYS: result hash, updated zset.  ARGV: version, time, story, then
   field/value pairs.  Stores the result unless one of the same or a newer
   version is there. */
static const char store_lua[] =
    "local have = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')\n"
    "if have >= tonumber(ARGV[1]) then return 0 end\n"
    "redis.call('DEL', KEYS[1])\n"
    "redis.call('HSET', KEYS[1], 'version', ARGV[1], 'updated', ARGV[2], unpack(ARGV, 4))\n"
    "redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])\n"
    "return 1\n";

/* Recomputes one story.  Returns 1 stored, 0 nothing to do, -1 Redis or
   memory failure (retry later), -2 the story cannot be summarized (its
   error in w->q->err: poison). */
static int do_story(worker *w, const char *story)
{
    redisReply *snap = story_snapshot(w, story);
    if (!snap)
        return -1;
    const redisReply *vr = snap->element[0], *mr = snap->element[1];
    if (vr->type != REDIS_REPLY_ARRAY || vr->elements != 2 ||
        vr->element[0]->type != REDIS_REPLY_STRING || mr->type != REDIS_REPLY_ARRAY ||
        !mr->elements) {
        freeReplyObject(snap);
        snprintf(w->q->err, sizeof w->q->err, "story %s is unknown", story);
        return -2;
    }
    long long version = atoll(vr->element[0]->str);
    char lang[32] = "english";
    if (vr->element[1]->type == REDIS_REPLY_STRING)
        snprintf(lang, sizeof lang, "%s", vr->element[1]->str);
    char rkey[128];
    snprintf(rkey, sizeof rkey, "precis:result:%s", story);
    redisReply *prevr = cmd(w->q, NULL, "HMGET", rkey, "version", "sentences", "facts",
                            "articles", NULL);
    if (!prevr) {
        freeReplyObject(snap);
        return -1;
    }
    store_prev prev = {0, NULL, NULL, NULL};
    if (prevr->type == REDIS_REPLY_ARRAY && prevr->elements == 4) {
        redisReply **e = prevr->element;
        if (e[0]->type == REDIS_REPLY_STRING)
            prev.version = atoi(e[0]->str);
        prev.sentences = e[1]->type == REDIS_REPLY_STRING ? e[1]->str : NULL;
        prev.facts = e[2]->type == REDIS_REPLY_STRING ? e[2]->str : NULL;
        prev.articles = e[3]->type == REDIS_REPLY_STRING ? e[3]->str : NULL;
    }
    if (prev.version >= version) {
        freeReplyObject(prevr);
        freeReplyObject(snap);
        return 0;
    }
    /* the newest SERVE_STORY_ARTICLES members, as the desk does */
    size_t first = mr->elements > SERVE_STORY_ARTICLES ? mr->elements - SERVE_STORY_ARTICLES : 0;
    precis_cluster_clear(w->c);
    for (size_t i = first; i < mr->elements; i++)
        redisAppendCommand(w->q->c, "HGET precis:article:%s json", mr->element[i]->str);
    int rc = 0;
    for (size_t i = first; i < mr->elements; i++) {
        void *rep = NULL;
        if (redisGetReply(w->q->c, &rep) != REDIS_OK) {
            snprintf(w->q->err, sizeof w->q->err, "redis: %s", w->q->c->errstr);
            freeReplyObject(prevr);
            freeReplyObject(snap);
            return -1; /* the connection is unusable now; the caller exits */
        }
        redisReply *a = rep;
        if (!rc && a->type == REDIS_REPLY_STRING &&
            precis_cluster_add_json(w->c, a->str, a->len) == PRECIS_ENOMEM) {
            snprintf(w->q->err, sizeof w->q->err, "out of memory");
            rc = -1;
        }
        freeReplyObject(a);
    }
    freeReplyObject(snap);
    if (rc) {
        freeReplyObject(prevr);
        return rc;
    }
    if (!precis_cluster_size(w->c)) {
        freeReplyObject(prevr);
        snprintf(w->q->err, sizeof w->q->err, "story %s has no readable article", story);
        return -2;
    }
    precis_summarizer *s = summarizer_for(w, lang);
    if (!s) {
        freeReplyObject(prevr);
        snprintf(w->q->err, sizeof w->q->err, "out of memory");
        return -1;
    }
    story_version sv;
    version_init(&sv);
    char e[PRECIS_ERRMAX];
    rc = version_compute(s, w->c, redisq_story_number(story), lang, &prev, &sv, e);
    freeReplyObject(prevr);
    if (rc) {
        snprintf(w->q->err, sizeof w->q->err, "%s", e);
        version_free(&sv);
        return rc;
    }
    if (w->o->delay_ms)
        sleep_ms(w->o->delay_ms);
    char vbuf[32], tbuf[32], nart[32], nsrc[32];
    snprintf(vbuf, sizeof vbuf, "%lld", version);
    snprintf(tbuf, sizeof tbuf, "%lld", now_ms());
    snprintf(nart, sizeof nart, "%zu", sv.v.n_articles);
    snprintf(nsrc, sizeof nsrc, "%zu", sv.v.n_sources);
    const store_version *v = &sv.v;
    const char *argv[] = {"EVAL", store_lua, "2", rkey, "precis:updated", vbuf, tbuf, story,
                          "summary", v->summary, "report", v->report, "page", v->page,
                          "headline", v->headline, "sources", v->sources,
                          "sentences", v->sentences, "facts", v->facts,
                          "articles", v->articles, "changes", v->changes,
                          "n_articles", nart, "n_sources", nsrc, "lang", lang,
                          "worker", w->o->name};
    size_t argc = sizeof argv / sizeof *argv, lens[sizeof argv / sizeof *argv];
    for (size_t i = 0; i < argc; i++)
        lens[i] = argv[i] == v->page ? v->page_len : strlen(argv[i]);
    redisReply *r = cmdv(w->q, NULL, (int)argc, argv, lens);
    version_free(&sv);
    if (!r)
        return -1;
    int stored = r->type == REDIS_REPLY_INTEGER && r->integer == 1;
    freeReplyObject(r);
    return stored;
}

/* How many times an entry was delivered (XPENDING's count), 0 if unknown. */
static long long deliveries(worker *w, const char *entry)
{
    redisReply *r = cmd(w->q, NULL, "XPENDING", "precis:stories", "workers", entry, entry, "1",
                        NULL);
    long long n = 0;
    if (r && r->type == REDIS_REPLY_ARRAY && r->elements == 1 &&
        r->element[0]->type == REDIS_REPLY_ARRAY && r->element[0]->elements == 4 &&
        r->element[0]->element[3]->type == REDIS_REPLY_INTEGER)
        n = r->element[0]->element[3]->integer;
    freeReplyObject(r);
    return n;
}

/* Handles a batch of story events: each story once (a burst of changes to
   one story is one recomputation), then acknowledges them all. */
static int do_batch(worker *w, const redisReply *entries)
{
    const char *done[512];
    size_t ndone = 0;
    for (size_t i = 0; i < entries->elements; i++) {
        const redisReply *e = entries->element[i];
        if (e->type != REDIS_REPLY_ARRAY || e->elements != 2 ||
            e->element[0]->type != REDIS_REPLY_STRING)
            continue; /* an entry deleted since (XAUTOCLAIM gives nil) */
        const char *entry = e->element[0]->str;
        const redisReply *sr = entry_field(e->element[1], "story");
        if (!sr || sr->type != REDIS_REPLY_STRING) {
            if (dead_letter(w->q, "precis:stories", entry, "", "event without a story"))
                return -1;
            w->dead++;
        } else {
            int seen = 0;
            for (size_t j = 0; j < ndone && !seen; j++)
                seen = !strcmp(done[j], sr->str);
            if (!seen) {
                if (deliveries(w, entry) > w->o->max_deliveries) {
                    snprintf(w->q->err, sizeof w->q->err,
                             "delivered more than %ld times without success",
                             w->o->max_deliveries);
                    if (dead_letter(w->q, "precis:stories", entry, sr->str, w->q->err))
                        return -1;
                    w->dead++;
                } else {
                    int rc = do_story(w, sr->str);
                    if (rc == -1)
                        return -1; /* unacknowledged: redelivered later */
                    if (rc == -2) {
                        if (dead_letter(w->q, "precis:stories", entry, sr->str, w->q->err))
                            return -1;
                        w->dead++;
                    } else if (rc == 1)
                        w->stored++;
                    else
                        w->skipped++;
                }
                if (ndone < sizeof done / sizeof *done)
                    done[ndone++] = sr->str;
            }
        }
        if (ack(w->q, "precis:stories", "workers", entry))
            return -1;
    }
    return 0;
}

int redisq_run_worker(redisq *q, const redisq_worker_opts *o)
{
    worker w;
    memset(&w, 0, sizeof w);
    w.q = q;
    w.o = o;
    w.c = precis_cluster_new();
    int rc = -1;
    if (!w.c) {
        snprintf(q->err, sizeof q->err, "out of memory");
        goto out;
    }
    redisReply *r = cmd(q, "BUSYGROUP", "XGROUP", "CREATE", "precis:stories", "workers", "0",
                        "MKSTREAM", NULL);
    if (!r)
        goto out;
    freeReplyObject(r);
    char count[32], idle[32];
    snprintf(count, sizeof count, "%zu", o->batch ? o->batch : 16);
    snprintf(idle, sizeof idle, "%ld", o->claim_idle_ms);
    long long idle_since = now_ms(), last_claim = 0;
    int own_pending = 1; /* first our own unacknowledged entries (a restart) */
    for (;;) {
        size_t n = 0;
        /* Take over entries a dead consumer left pending too long. */
        if (now_ms() - last_claim >= o->claim_idle_ms / 2) {
            last_claim = now_ms();
            r = cmd(q, NULL, "XAUTOCLAIM", "precis:stories", "workers", o->name, idle, "0-0",
                    "COUNT", count, NULL);
            if (!r)
                goto out;
            if (r->type == REDIS_REPLY_ARRAY && r->elements >= 2 &&
                r->element[1]->type == REDIS_REPLY_ARRAY && r->element[1]->elements) {
                n += r->element[1]->elements;
                if (do_batch(&w, r->element[1])) {
                    freeReplyObject(r);
                    goto out;
                }
            }
            freeReplyObject(r);
        }
        r = cmd(q, NULL, "XREADGROUP", "GROUP", "workers", o->name, "COUNT", count, "BLOCK",
                own_pending ? "0" : "500", "STREAMS", "precis:stories", own_pending ? "0" : ">",
                NULL);
        if (!r)
            goto out;
        const redisReply *entries = NULL;
        if (r->type == REDIS_REPLY_ARRAY && r->elements == 1 &&
            r->element[0]->type == REDIS_REPLY_ARRAY && r->element[0]->elements == 2)
            entries = r->element[0]->element[1];
        size_t got = entries && entries->type == REDIS_REPLY_ARRAY ? entries->elements : 0;
        if (got && do_batch(&w, entries)) {
            freeReplyObject(r);
            goto out;
        }
        freeReplyObject(r);
        if (own_pending && !got)
            own_pending = 0;
        n += got;
        if (n)
            idle_since = now_ms();
        else if (o->idle_exit_ms && now_ms() - idle_since >= o->idle_exit_ms)
            break;
    }
    rc = 0;
out:
    if (rc)
        fprintf(stderr, "precis: worker %s: %s\n", o->name, q->err);
    fprintf(stderr, "precis: worker %s: %zu results stored, %zu up to date, %zu dead-lettered\n",
            o->name, w.stored, w.skipped, w.dead);
    precis_cluster_free(w.c);
    for (size_t i = 0; i < w.nsum; i++)
        precis_summarizer_free(w.sum[i]);
    return rc;
}

/* ---- readers: results into the desk's store ------------------------- */

/* A field of an HGETALL reply, or NULL. */
static const redisReply *hash_field(const redisReply *h, const char *field)
{
    return entry_field(h, field);
}

static const char *hstr(const redisReply *h, const char *field)
{
    const redisReply *v = hash_field(h, field);
    return v && v->type == REDIS_REPLY_STRING ? v->str : NULL;
}

/* Copies one story's members (those the store lacks) and its result. */
static int sync_story(redisq *q, store *st, const char *story, char *err)
{
    char rkey[128], mkey[128];
    snprintf(rkey, sizeof rkey, "precis:result:%s", story);
    snprintf(mkey, sizeof mkey, "precis:members:%s", story);
    redisReply *h = cmd(q, NULL, "HGETALL", rkey, NULL);
    if (!h) {
        snprintf(err, PRECIS_ERRMAX, "%s", q->err);
        return -1;
    }
    redisReply *m = cmd(q, NULL, "ZRANGE", mkey, "0", "-1", NULL);
    if (!m) {
        freeReplyObject(h);
        snprintf(err, PRECIS_ERRMAX, "%s", q->err);
        return -1;
    }
    uint64_t num = redisq_story_number(story);
    const char *lang = hstr(h, "lang");
    int rc = 0;
    for (size_t i = 0; rc == 0 && m->type == REDIS_REPLY_ARRAY && i < m->elements; i++) {
        const char *id = m->element[i]->str;
        uint64_t have;
        int found = store_sqlite_ops.find_article(st, id, &have, err);
        if (found < 0) {
            rc = -1;
            break;
        }
        if (found)
            continue;
        char akey[600];
        snprintf(akey, sizeof akey, "precis:article:%s", id);
        redisReply *a = cmd(q, NULL, "HGET", akey, "json", NULL);
        if (!a) {
            snprintf(err, PRECIS_ERRMAX, "%s", q->err);
            rc = -1;
            break;
        }
        json_error_t je;
        json_t *o = a->type == REDIS_REPLY_STRING ? json_loadb(a->str, a->len, 0, &je) : NULL;
        freeReplyObject(a);
        if (!o)
            continue; /* the clustering consumer accepted it; cannot happen */
        store_article sa;
        memset(&sa, 0, sizeof sa);
        sa.id = id;
        sa.source = json_string_value(json_object_get(o, "source"));
        sa.date = json_string_value(json_object_get(o, "date"));
        sa.title = json_string_value(json_object_get(o, "title"));
        sa.url = json_string_value(json_object_get(o, "url"));
        sa.lang = lang;
        sa.text = json_string_value(json_object_get(o, "text"));
        sa.text_len = sa.text ? json_string_length(json_object_get(o, "text")) : 0;
        if (!sa.text)
            sa.text = "";
        sa.story = num;
        sa.new_story = i == 0;
        sa.received = now_ms();
        rc = store_sqlite_ops.put_articles(st, &sa, 1, err);
        json_decref(o);
    }
    if (!rc && hstr(h, "report")) {
        store_version v;
        memset(&v, 0, sizeof v);
        v.story = num;
        v.created = atoll(hstr(h, "updated") ? hstr(h, "updated") : "0");
        v.n_articles = (size_t)atoll(hstr(h, "n_articles") ? hstr(h, "n_articles") : "0");
        v.n_sources = (size_t)atoll(hstr(h, "n_sources") ? hstr(h, "n_sources") : "0");
        v.lang = lang;
        v.headline = hstr(h, "headline");
        v.summary = hstr(h, "summary");
        v.sources = hstr(h, "sources");
        v.report = hstr(h, "report");
        v.sentences = hstr(h, "sentences");
        v.facts = hstr(h, "facts");
        v.articles = hstr(h, "articles");
        v.changes = hstr(h, "changes");
        const redisReply *pg = hash_field(h, "page");
        v.page = pg && pg->type == REDIS_REPLY_STRING ? pg->str : "";
        v.page_len = pg && pg->type == REDIS_REPLY_STRING ? pg->len : 0;
        rc = store_sqlite_ops.put_versions(st, &v, 1, err);
    }
    freeReplyObject(m);
    freeReplyObject(h);
    return rc;
}

int redisq_sync(redisq *q, store *st, long long *since_ms, char *err)
{
    char from[40];
    snprintf(from, sizeof from, "(%lld", *since_ms);
    redisReply *r = cmd(q, NULL, "ZRANGEBYSCORE", "precis:updated", from, "+inf", "WITHSCORES",
                        "LIMIT", "0", "200", NULL);
    if (!r) {
        snprintf(err, PRECIS_ERRMAX, "%s", q->err);
        return -1;
    }
    int n = 0;
    /* Stories stored in the same millisecond as the last one copied are
       taken together: stop before a millisecond the page may have cut. */
    long long last = *since_ms;
    size_t count = r->type == REDIS_REPLY_ARRAY ? r->elements / 2 : 0;
    long long cut = count == 200 ? atoll(r->element[2 * count - 1]->str) : -1;
    for (size_t i = 0; i < count; i++) {
        long long score = atoll(r->element[2 * i + 1]->str);
        if (score == cut && last > *since_ms)
            break;
        if (sync_story(q, st, r->element[2 * i]->str, err)) {
            freeReplyObject(r);
            *since_ms = last;
            return -1;
        }
        last = score;
        n++;
    }
    freeReplyObject(r);
    *since_ms = last;
    return n;
}
