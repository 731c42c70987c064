/*
 * desk.c -- the news desk: articles in, stories out.
 *
 * Ingest (desk_ingest, on the caller's thread: an HTTP worker or the
 * 'precis ingest' loop) parses a body of JSON Lines, validates each record
 * on its own (a bad record is reported by number and the others kept),
 * assigns each new article to a story with the stream clusterer
 * (precis_stream_add), logs the batch in the store in one transaction, and
 * only then answers: an acknowledged article is committed.  The stream
 * and the writer connection are guarded by one mutex, so assignments
 * follow the log's order exactly and a replay of the log rebuilds the
 * same stories.
 *
 * Recompute (the worker threads) takes due stories from the debounced
 * queue, reads their articles back from the store (the newest
 * SERVE_STORY_ARTICLES), summarizes and analyzes them, renders the JSON
 * report and the HTML page, diffs against the previous version and
 * commits a new version.  Workers hold no lock while summarizing; each has
 * its own store connection and its own summarizers, so ingest never waits
 * for a summary.
 *
 * Restart: the last stream snapshot (saved every snapshot_every articles
 * and on close) is loaded and the articles logged after it are replayed;
 * stories with articles newer than their last version are queued again.
 */
#include "redisq.h"
#include "service.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <sys/file.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

typedef struct worker {
    desk *d;
    pthread_t th;
    store *st;
    precis_summarizer *sum[40]; /* one per language seen (Snowball has ~30) */
    char *sum_lang[40];
    size_t nsum;
} worker;

struct desk {
    desk_config cfg;
    pthread_mutex_t mu; /* stream + writer connection */
    /* Every write transaction of this process takes wmu first: SQLite
       lets one writer in at a time and makes the others poll with sleeps
       of up to 100 ms; a mutex hands the turn over at once. */
    pthread_mutex_t wmu;
    store *w;
    const store_ops *ops;
    precis_stream *stream;
    int64_t last_seq, snap_seq;
    queue *q;
    const queue_ops *qops;
    worker *workers;
    int nworkers;
    _Atomic uint64_t generation;
    _Atomic int busy;
    int lockfd; /* flock on the database: one desk per store */
    /* precis on Redis Streams (cfg.redis_url): */
    redisq *rq;         /* ingest's connection, under mu              */
    pthread_t sync_th;  /* copies the workers' results into the store */
    int sync_started;
    _Atomic int stop;
};

void desk_config_init(desk_config *c)
{
    memset(c, 0, sizeof *c);
    c->db = "news.db";
    c->max_article = SERVE_MAX_ARTICLE_DEFAULT;
    c->max_body = SERVE_MAX_BODY_DEFAULT;
    c->debounce_ms = 500;
    c->max_wait_ms = 5000;
    c->workers = 2;
    c->snapshot_every = 2000;
    c->summary_words = 120;
}

const desk_config *desk_cfg(const desk *d)
{
    return &d->cfg;
}
uint64_t desk_generation(desk *d)
{
    return atomic_load(&d->generation);
}
size_t desk_pending(desk *d)
{
    return d->qops->pending(d->q);
}

static void desk_log(const desk *d, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void desk_log(const desk *d, const char *fmt, ...)
{
    if (d->cfg.quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    fputs("precis: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* ---- stream state: snapshot + replay ------------------------------------ */

typedef struct replay_ctx {
    desk *d;
    size_t n, moved;
} replay_ctx;

static int replay_one(void *ud, const store_article *a)
{
    replay_ctx *r = ud;
    precis_article art = {a->id, a->source, a->date, a->title, a->text, a->text_len};
    precis_assignment as;
    precis_status st = precis_stream_add(r->d->stream, &art, a->lang, &as);
    if (st == PRECIS_OK && as.story != a->story)
        r->moved++;
    r->n++;
    r->d->last_seq = a->seq;
    return 0;
}

static precis_stream *new_stream(void)
{
    precis_stream_options so;
    precis_stream_options_init(&so);
    so.drop_closed = 1; /* closed stories keep their last version in the store */
    return precis_stream_new(&so);
}

/* Rebuilds d->stream from the store.  Called with d->mu held (or before
   the workers start). */
static int desk_rebuild(desk *d, char *err, size_t errcap)
{
    char e[PRECIS_ERRMAX];
    void *state = NULL;
    size_t len = 0;
    int64_t seq = 0;
    precis_stream_free(d->stream);
    d->stream = NULL;
    if (d->ops->load_snapshot(d->w, &seq, &state, &len, e)) {
        snprintf(err, errcap, "%s", e);
        return -1;
    }
    if (state) {
        precis_status st;
        d->stream = precis_stream_load(state, len, &st);
        pfree(state);
        if (!d->stream) {
            desk_log(d, "%s: stream snapshot unusable (%s); replaying the whole log", d->cfg.db,
                     precis_strerror(st));
            seq = 0;
        }
    }
    if (!d->stream)
        d->stream = new_stream();
    if (!d->stream) {
        snprintf(err, errcap, "out of memory");
        return -1;
    }
    d->snap_seq = d->last_seq = seq;
    replay_ctx r = {d, 0, 0};
    if (d->ops->replay(d->w, seq, replay_one, &r, e)) {
        snprintf(err, errcap, "%s", e);
        return -1;
    }
    if (seq > 0 || r.n)
        desk_log(d, "%s: snapshot at article %lld loaded, %zu articles replayed after it",
                 d->cfg.db, (long long)seq, r.n);
    if (r.moved)
        desk_log(d, "%s: %zu replayed articles landed in another story than logged", d->cfg.db,
                 r.moved);
    return 0;
}

static void desk_snapshot(desk *d)
{
    char *buf = NULL;
    size_t len = 0;
    char e[PRECIS_ERRMAX];
    if (precis_stream_save(d->stream, &buf, &len) == PRECIS_OK) {
        pthread_mutex_lock(&d->wmu);
        int bad = d->ops->save_snapshot(d->w, d->last_seq, buf, len, e);
        pthread_mutex_unlock(&d->wmu);
        if (bad)
            desk_log(d, "%s: snapshot not saved: %s", d->cfg.db, e);
        else
            d->snap_seq = d->last_seq;
    }
    precis_free(buf);
}

/* ---- ingest ------------------------------------------------------------- */

typedef struct rec {
    size_t record; /* 1-based */
    json_t *obj;
    const char *error; /* static or in errbuf */
    char errbuf[PRECIS_ERRMAX];
    store_article a;
    char hid[24]; /* the id made from the text's hash, when none is given */
    int duplicate;
    int error_in_buf; /* error points to errbuf */
} rec;

static const char *jstr(json_t *o, const char *k, const char **err)
{
    json_t *v = json_object_get(o, k);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v)) {
        *err = k;
        return NULL;
    }
    return json_string_value(v);
}

/* Validates one record's fields into r->a (pointers into r->obj). */
static void rec_fields(const desk *d, rec *r)
{
    json_t *o = r->obj;
    if (!json_is_object(o)) {
        r->error = "not a JSON object";
        return;
    }
    const char *bad = NULL;
    store_article *a = &r->a;
    a->id = jstr(o, "id", &bad);
    a->source = jstr(o, "source", &bad);
    a->date = jstr(o, "date", &bad);
    a->title = jstr(o, "title", &bad);
    a->lang = jstr(o, "lang", &bad);
    a->url = jstr(o, "url", &bad);
    a->text = jstr(o, "text", &bad);
    if (bad) {
        snprintf(r->errbuf, sizeof r->errbuf, "field \"%s\" is not a string", bad);
        r->error = r->errbuf;
        r->error_in_buf = 1;
        return;
    }
    if (!a->text) {
        r->error = "no \"text\" field";
        return;
    }
    a->text_len = json_string_length(json_object_get(o, "text"));
    if (a->text_len > d->cfg.max_article) {
        snprintf(r->errbuf, sizeof r->errbuf, "text of %zu bytes exceeds the limit of %zu",
                 a->text_len, d->cfg.max_article);
        r->error = r->errbuf;
        r->error_in_buf = 1;
        return;
    }
    if (a->id && (!*a->id || strlen(a->id) > 256)) {
        r->error = "\"id\" must have 1 to 256 bytes";
        return;
    }
    if (!a->id) {
        /* no id: the text's hash, so that posting it again is a no-op */
        snprintf(r->hid, sizeof r->hid, "h%016llx",
                 (unsigned long long)hash_bytes(a->text, a->text_len));
        a->id = r->hid;
    }
}

/* error and a.id may point into the record itself (errbuf, hid), and the
   array moves while it grows: point them again once it is complete. */
static void fix_self_pointers(rec *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (r[i].error && r[i].error_in_buf)
            r[i].error = r[i].errbuf;
        if (r[i].hid[0] && !r[i].error)
            r[i].a.id = r[i].hid;
    }
}

/* Splits body into records: one JSON object, or JSON Lines. */
static rec *parse_records(const desk *d, const char *body, size_t len, size_t *n, int *toomany)
{
    *n = 0;
    *toomany = 0;
    size_t cap = 16;
    rec *r = pcalloc(cap, sizeof *r);
    if (!r)
        return NULL;
    json_error_t je;
    json_t *one = json_loadb(body, len, 0, &je);
    if (one) {
        r[0].record = 1;
        r[0].obj = one;
        rec_fields(d, &r[0]);
        *n = 1;
        return r;
    }
    size_t line = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && body[j] != '\n')
            j++;
        line++;
        size_t e = j;
        while (e > i && (body[e - 1] == '\r' || body[e - 1] == ' ' || body[e - 1] == '\t'))
            e--;
        size_t s = i;
        while (s < e && (body[s] == ' ' || body[s] == '\t'))
            s++;
        i = j + 1;
        if (s == e)
            continue; /* blank line */
        if (*n >= SERVE_MAX_RECORDS) {
            *toomany = 1;
            break;
        }
        if (*n == cap) {
            rec *nr = prealloc(r, pmul(cap * 2, sizeof *r));
            if (!nr)
                break;
            memset(nr + cap, 0, cap * sizeof *r);
            r = nr;
            cap *= 2;
        }
        rec *x = &r[(*n)++];
        x->record = line;
        x->obj = json_loadb(body + s, e - s, 0, &je);
        if (!x->obj) {
            snprintf(x->errbuf, sizeof x->errbuf, "invalid JSON at column %d: %s", je.column,
                     je.text);
            x->error = x->errbuf;
            x->error_in_buf = 1;
        } else
            rec_fields(d, x);
    }
    fix_self_pointers(r, *n);
    return r;
}

static void free_records(rec *r, size_t n)
{
    if (!r)
        return;
    for (size_t i = 0; i < n; i++)
        json_decref(r[i].obj);
    pfree(r);
}

/* The story an earlier record of this batch with the same id went to. */
static int batch_story(const rec *r, size_t upto, const char *id, uint64_t *story)
{
    for (size_t k = upto; k-- > 0;)
        if (!r[k].error && !r[k].duplicate && !strcmp(r[k].a.id, id)) {
            *story = r[k].a.story;
            return 1;
        }
    return 0;
}

/* The 503 answer: nothing of the body was acknowledged. */
static int put_unavailable(pbuf *out, const char *e)
{
    pbuf_puts(out, "{\"error\":");
    pbuf_json_string(out, e);
    pbuf_puts(out, ",\"accepted\":0}\n");
    return 503;
}

/* The answer to an ingest: every good record in order (with its story,
   or queued for the Redis pool), the counts, the bad records and the
   first of them in the project's FILE:LINE style.  Returns the status:
   200, or 400 when a record was bad or the body empty. */
static int put_answer(pbuf *out, const rec *r, size_t n, size_t nnew, int queued)
{
    int status = 200;
    size_t ndup = 0, nbad = 0, k = 0;
    pbuf_puts(out, "{\"articles\":[");
    for (size_t i = 0; i < n; i++) {
        const rec *x = &r[i];
        if (x->error) {
            nbad++;
            continue;
        }
        ndup += (size_t)x->duplicate;
        pbuf_printf(out, "%s{\"record\":%zu,\"id\":", k++ ? "," : "", x->record);
        pbuf_json_string(out, x->a.id);
        if (queued) {
            pbuf_printf(out, ",\"story\":null,\"queued\":%s,\"duplicate\":%s}",
                        x->duplicate ? "false" : "true", x->duplicate ? "true" : "false");
            continue;
        }
        pbuf_printf(out, ",\"story\":%llu,\"new_story\":%s,\"duplicate\":%s,\"copy_of\":",
                    (unsigned long long)x->a.story,
                    x->a.new_story && !x->duplicate ? "true" : "false",
                    x->duplicate ? "true" : "false");
        pbuf_json_string(out, x->duplicate ? NULL : x->a.copy_of);
        pbuf_putc(out, '}');
    }
    pbuf_printf(out, "],\"accepted\":%zu,\"duplicates\":%zu,\"rejected\":%zu", nnew, ndup, nbad);
    if (nbad) {
        status = 400;
        pbuf_puts(out, ",\"errors\":[");
        k = 0;
        for (size_t i = 0; i < n; i++) {
            const rec *x = &r[i];
            if (!x->error)
                continue;
            pbuf_printf(out, "%s{\"record\":%zu,\"id\":", k++ ? "," : "", x->record);
            pbuf_json_string(out, x->obj && json_is_object(x->obj) ? x->a.id : NULL);
            pbuf_puts(out, ",\"error\":");
            pbuf_json_string(out, x->error);
            pbuf_putc(out, '}');
        }
        pbuf_putc(out, ']');
        for (size_t i = 0; i < n; i++)
            if (r[i].error) {
                pbuf_printf(out, ",\"error\":\"record %zu: ", r[i].record);
                pbuf_json_str(out, r[i].error, strlen(r[i].error));
                pbuf_putc(out, '"');
                break;
            }
    }
    if (!n) {
        status = 400;
        pbuf_puts(out, ",\"error\":\"empty body: no article\"");
    }
    pbuf_puts(out, "}\n");
    return status;
}

/* Redis mode: each good record is appended to its language shard (the
   story is assigned later, by the shard's clustering consumer). */
static int desk_ingest_redis(desk *d, rec *r, size_t n, pbuf *out)
{
    size_t nnew = 0;
    int status = 200;
    char e[PRECIS_ERRMAX] = "";
    pthread_mutex_lock(&d->mu);
    for (size_t i = 0; i < n && status == 200; i++) {
        rec *x = &r[i];
        if (x->error)
            continue;
        if (x->a.id == x->hid)
            json_object_set_new(x->obj, "id", json_string(x->hid));
        char *line = json_dumps(x->obj, JSON_COMPACT);
        int dup = 0;
        if (!line || redisq_ingest(d->rq, line, strlen(line), &dup, x->errbuf,
                                   sizeof x->errbuf)) {
            if (!line || redisq_failed(d->rq)) {
                snprintf(e, sizeof e, "%s", line ? x->errbuf : "out of memory");
                status = 503;
            } else
                x->error = x->errbuf;
        } else {
            x->duplicate = dup;
            nnew += !dup;
        }
        free(line);
    }
    pthread_mutex_unlock(&d->mu);
    if (status == 503)
        return put_unavailable(out, e);
    status = put_answer(out, r, n, nnew, 1);
    if (nnew)
        atomic_fetch_add(&d->generation, 1);
    return status;
}

int desk_ingest(desk *d, const char *body, size_t len, pbuf *out)
{
    size_t n = 0;
    int toomany = 0;
    rec *r = parse_records(d, body, len, &n, &toomany);
    if (!r) {
        pbuf_puts(out, "{\"error\":\"out of memory\"}\n");
        return 503;
    }
    if (toomany) {
        free_records(r, n);
        pbuf_printf(out, "{\"error\":\"more than %d records in one request\"}\n",
                    SERVE_MAX_RECORDS);
        return 413;
    }
    size_t nnew = 0;
    store_article *batch = pcalloc(n ? n : 1, sizeof *batch);
    int status = 200;
    char e[PRECIS_ERRMAX];
    int64_t now = serve_now_ms();
    if (!batch) {
        free_records(r, n);
        pbuf_puts(out, "{\"error\":\"out of memory\"}\n");
        return 503;
    }
    if (d->rq) {
        pfree(batch);
        status = desk_ingest_redis(d, r, n, out);
        free_records(r, n);
        return status;
    }
    pthread_mutex_lock(&d->mu);
    for (size_t i = 0; i < n; i++) {
        rec *x = &r[i];
        if (x->error)
            continue;
        uint64_t story = 0;
        int found = d->ops->find_article(d->w, x->a.id, &story, e);
        if (found < 0) {
            status = 503;
            break;
        }
        if (found || batch_story(r, i, x->a.id, &story)) {
            x->duplicate = 1;
            x->a.story = story;
            continue;
        }
        precis_article art = {x->a.id,    x->a.source, x->a.date,
                              x->a.title, x->a.text,   x->a.text_len};
        precis_assignment as;
        precis_status st = precis_stream_add(d->stream, &art, x->a.lang, &as);
        if (st == PRECIS_ENOMEM) {
            snprintf(e, sizeof e, "out of memory");
            status = 503;
            break;
        }
        if (st) {
            snprintf(x->errbuf, sizeof x->errbuf, "%s", precis_stream_error(d->stream));
            x->error = x->errbuf;
            x->error_in_buf = 1;
            continue;
        }
        x->a.story = as.story;
        x->a.new_story = as.new_story;
        x->a.received = now;
        /* the stream's strings live until its next call: copy them into
           the record's JSON object, which lives as long as the batch */
        json_object_del(x->obj, "\x01lang"); /* never a value the client sent */
        json_object_del(x->obj, "\x01copy");
        if (as.lang)
            json_object_set_new(x->obj, "\x01lang", json_string(as.lang));
        if (as.copy_of)
            json_object_set_new(x->obj, "\x01copy", json_string(as.copy_of));
        x->a.lang = json_string_value(json_object_get(x->obj, "\x01lang"));
        x->a.copy_of = json_string_value(json_object_get(x->obj, "\x01copy"));
        batch[nnew++] = x->a;
    }
    if (status == 200 && nnew) {
        pthread_mutex_lock(&d->wmu);
        if (d->ops->put_articles(d->w, batch, nnew, e))
            status = 503;
        pthread_mutex_unlock(&d->wmu);
    }
    if (status == 503) {
        /* the stream may hold articles the log does not: rebuild it */
        char e2[256];
        if (desk_rebuild(d, e2, sizeof e2))
            desk_log(d, "%s: rebuilding the stream failed: %s", d->cfg.db, e2);
    } else if (nnew) {
        d->last_seq = batch[nnew - 1].seq;
        if (d->cfg.snapshot_every > 0 && d->last_seq - d->snap_seq >= d->cfg.snapshot_every)
            desk_snapshot(d);
        atomic_fetch_add(&d->generation, 1);
    }
    pthread_mutex_unlock(&d->mu);

    if (status == 503) {
        pfree(batch);
        free_records(r, n);
        return put_unavailable(out, e);
    }
    for (size_t i = 0; i < nnew; i++)
        d->qops->push(d->q, batch[i].story);
    status = put_answer(out, r, n, nnew, 0);
    pfree(batch);
    free_records(r, n);
    return status;
}

/* ---- recompute ---------------------------------------------------------- */

typedef struct gather {
    precis_cluster *c;
    char lang[32]; /* the story's language (the stream partitions by it) */
} gather;

static int add_to_cluster(void *ud, const store_article *a)
{
    gather *g = ud;
    precis_article art = {a->id, a->source, a->date, a->title, a->text, a->text_len};
    precis_cluster_add(g->c, &art); /* the stream accepted it; a failure just skips it */
    if (!g->lang[0] && a->lang)
        snprintf(g->lang, sizeof g->lang, "%s", a->lang);
    return 0;
}

static precis_summarizer *worker_summarizer(worker *w, const char *lang)
{
    if (!lang || !*lang)
        lang = "english";
    for (size_t i = 0; i < w->nsum; i++)
        if (!strcmp(w->sum_lang[i], lang))
            return w->sum[i];
    precis_options o;
    precis_options_init(&o);
    o.budget = w->d->cfg.summary_words;
    o.lang = lang;
    precis_status st;
    precis_summarizer *s = precis_summarizer_new(&o, &st);
    if (!s && strcmp(lang, "english"))
        return worker_summarizer(w, "english"); /* no stemmer: match unstemmed-ish */
    if (s && w->nsum == sizeof w->sum / sizeof w->sum[0]) {
        precis_summarizer_free(s); /* cannot happen with Snowball's list */
        return w->sum[0];
    }
    if (!s)
        return NULL;
    w->sum[w->nsum] = s;
    w->sum_lang[w->nsum++] = pstrndup(lang, strlen(lang));
    return s;
}

/* A computed version waiting for its commit, owning its strings. */
typedef struct owned_version {
    store_version v;
    char *own[9];
} owned_version;

static void owned_free(owned_version *o)
{
    for (size_t i = 0; i < sizeof o->own / sizeof o->own[0]; i++)
        pfree(o->own[i]);
    memset(o, 0, sizeof *o);
}

/* Computes the next version of story into *ov; 0 on success. */
static int recompute(worker *w, uint64_t story, owned_version *ov)
{
    int rc = -1;
    desk *d = w->d;
    char e[PRECIS_ERRMAX];
    precis_cluster *c = precis_cluster_new();
    if (!c)
        return -1;
    story_version sv;
    version_init(&sv);
    gather g = {c, ""};
    if (d->ops->story_articles(w->st, story, SERVE_STORY_ARTICLES, add_to_cluster, &g, e)) {
        desk_log(d, "story %llu: %s", (unsigned long long)story, e);
        goto out;
    }
    if (!precis_cluster_size(c))
        goto out;
    const char *lang = g.lang[0] ? g.lang : "english";
    precis_summarizer *s = worker_summarizer(w, lang);
    if (!s)
        goto out;
    store_prev prev;
    if (d->ops->prev_version(w->st, story, &prev, e)) {
        desk_log(d, "story %llu: %s", (unsigned long long)story, e);
        goto out;
    }
    if (version_compute(s, c, story, lang, &prev, &sv, e)) {
        desk_log(d, "%s", e);
        goto out;
    }
    /* hand the strings over to *ov */
    store_version v = sv.v;
    ov->own[0] = pbuf_take(&sv.head, NULL);
    ov->own[1] = sv.text;
    ov->own[2] = pbuf_take(&sv.srcs, NULL);
    ov->own[3] = sv.report;
    ov->own[4] = pbuf_take(&sv.sents, NULL);
    ov->own[5] = pbuf_take(&sv.facts, NULL);
    ov->own[6] = pbuf_take(&sv.arts, NULL);
    ov->own[7] = pbuf_take(&sv.changes, NULL);
    ov->own[8] = sv.html;
    sv.text = sv.report = sv.html = NULL;
    v.headline = ov->own[0];
    v.summary = ov->own[1];
    v.sources = ov->own[2];
    v.report = ov->own[3];
    v.sentences = ov->own[4];
    v.facts = ov->own[5];
    v.articles = ov->own[6];
    v.changes = ov->own[7];
    v.page = ov->own[8];
    v.lang = NULL;
    ov->v = v;
    rc = 0;
    for (size_t i = 0; i < sizeof ov->own / sizeof ov->own[0]; i++)
        if (!ov->own[i])
            rc = -1;
    if (rc)
        owned_free(ov);
out:
    version_free(&sv);
    precis_cluster_free(c);
    return rc;
}

/* Versions committed together (see put_versions). */
#define DESK_BATCH 16

static void *worker_main(void *arg)
{
    worker *w = arg;
    desk *d = w->d;
    uint64_t story[DESK_BATCH];
    owned_version ov[DESK_BATCH];
    store_version v[DESK_BATCH];
    char e[PRECIS_ERRMAX];
    memset(ov, 0, sizeof ov);
    while (d->qops->pop(d->q, &story[0], 1)) {
        atomic_fetch_add(&d->busy, 1);
        /* this story, and whatever else is due by the time it is done */
        size_t n = 0, ns = 1;
        int64_t t0 = serve_now_ms();
        for (size_t i = 0;; i++) {
            if (recompute(w, story[i], &ov[n]) == 0) {
                v[n] = ov[n].v;
                n++;
            }
            if (ns == DESK_BATCH || serve_now_ms() - t0 > 250 || !d->qops->pop(d->q, &story[ns], 0))
                break;
            ns++;
        }
        int bad = 0;
        if (n) {
            pthread_mutex_lock(&d->wmu);
            bad = d->ops->put_versions(w->st, v, n, e);
            pthread_mutex_unlock(&d->wmu);
        }
        if (bad)
            desk_log(d, "%zu versions not stored: %s", n, e);
        else if (n)
            atomic_fetch_add(&d->generation, 1);
        for (size_t i = 0; i < n; i++)
            owned_free(&ov[i]);
        for (size_t i = 0; i < ns; i++)
            d->qops->done(d->q, story[i]);
        atomic_fetch_sub(&d->busy, 1);
    }
    return NULL;
}

static int queue_stale(void *ud, const store_article *a)
{
    desk *d = ud;
    d->qops->push(d->q, a->story);
    return 0;
}

/* Redis mode: copies the worker pool's results into the store, polling
   precis:updated (a few times a second when idle). */
static void *sync_main(void *arg)
{
    desk *d = arg;
    char e[PRECIS_ERRMAX];
    redisq *q = redisq_connect(d->cfg.redis_url, e, sizeof e);
    store *st = q ? store_open(d->cfg.db, d->cfg.sync_full, 0, e) : NULL;
    if (!q || !st)
        desk_log(d, "redis: results are not copied: %s", e);
    long long since = 0;
    while (q && st && !atomic_load(&d->stop)) {
        int n = redisq_sync(q, st, &since, e);
        if (n < 0) {
            desk_log(d, "redis: %s", e);
            if (redisq_failed(q)) { /* reconnect */
                redisq_free(q);
                q = NULL;
                for (int i = 0; i < 50 && !q && !atomic_load(&d->stop); i++) {
                    struct timespec ts = {0, 100 * 1000000L};
                    nanosleep(&ts, NULL);
                    q = redisq_connect(d->cfg.redis_url, e, sizeof e);
                }
                if (!q)
                    desk_log(d, "redis: %s", e);
                continue;
            }
        }
        if (n > 0)
            atomic_fetch_add(&d->generation, 1);
        else {
            struct timespec ts = {0, 200 * 1000000L};
            nanosleep(&ts, NULL);
        }
    }
    store_close(st);
    redisq_free(q);
    return NULL;
}

desk *desk_open(const desk_config *cfg, char *err, size_t errcap)
{
    desk *d = pcalloc(1, sizeof *d);
    if (!d) {
        snprintf(err, errcap, "out of memory");
        return NULL;
    }
    d->cfg = *cfg;
    d->lockfd = -1;
    if (d->cfg.workers < 1)
        d->cfg.workers = 1;
    pthread_mutex_init(&d->mu, NULL);
    pthread_mutex_init(&d->wmu, NULL);
    d->ops = &store_sqlite_ops;
    d->qops = &queue_mem_ops;
    char e[PRECIS_ERRMAX];
    d->w = store_open(cfg->db, cfg->sync_full, 0, e);
    if (!d->w) {
        snprintf(err, errcap, "%s", e);
        desk_close(d, 0);
        return NULL;
    }
    /* one process owns the story state of a store: a second desk would
       assign stories the first does not know about */
    d->lockfd = open(cfg->db, O_RDWR | O_CLOEXEC);
    if (d->lockfd < 0 || flock(d->lockfd, LOCK_EX | LOCK_NB)) {
        if (d->lockfd >= 0 && errno == EWOULDBLOCK)
            snprintf(err, errcap,
                     "%s: in use by another precis process (a running 'precis "
                     "serve'?  Feed it with 'precis ingest --url')",
                     cfg->db);
        else
            snprintf(err, errcap, "%s: %s", cfg->db, strerror(errno));
        desk_close(d, 0);
        return NULL;
    }
    d->q = queue_new(cfg->debounce_ms, cfg->max_wait_ms);
    if (!d->q) {
        snprintf(err, errcap, "out of memory");
        desk_close(d, 0);
        return NULL;
    }
    if (cfg->redis_url) {
        /* the stories are assigned and summarized by the Redis pool; this
           desk appends articles and copies results into its store */
        d->rq = redisq_connect(cfg->redis_url, err, errcap);
        if (!d->rq || pthread_create(&d->sync_th, NULL, sync_main, d)) {
            if (d->rq)
                snprintf(err, errcap, "cannot start a thread");
            desk_close(d, 0);
            return NULL;
        }
        d->sync_started = 1;
        return d;
    }
    if (desk_rebuild(d, err, errcap)) {
        desk_close(d, 0);
        return NULL;
    }
    if (d->ops->stale_stories(d->w, queue_stale, d, e)) {
        snprintf(err, errcap, "%s", e);
        desk_close(d, 0);
        return NULL;
    }
    d->workers = pcalloc((size_t)d->cfg.workers, sizeof *d->workers);
    if (!d->workers) {
        snprintf(err, errcap, "out of memory");
        desk_close(d, 0);
        return NULL;
    }
    for (int i = 0; i < d->cfg.workers; i++) {
        worker *w = &d->workers[i];
        w->d = d;
        w->st = store_open(cfg->db, cfg->sync_full, 0, e);
        if (!w->st || pthread_create(&w->th, NULL, worker_main, w)) {
            snprintf(err, errcap, "%s", w->st ? "cannot start a worker thread" : e);
            store_close(w->st);
            w->st = NULL;
            desk_close(d, 0);
            return NULL;
        }
        d->nworkers++;
    }
    return d;
}

void desk_wait_idle(desk *d)
{
    while (d->qops->pending(d->q) || atomic_load(&d->busy)) {
        struct timespec ts = {0, 20 * 1000000L};
        nanosleep(&ts, NULL);
    }
}

void desk_close(desk *d, int drain)
{
    if (!d)
        return;
    atomic_store(&d->stop, 1);
    if (d->sync_started)
        pthread_join(d->sync_th, NULL);
    redisq_free(d->rq);
    if (d->q)
        d->qops->close(d->q, drain);
    for (int i = 0; i < d->nworkers; i++)
        pthread_join(d->workers[i].th, NULL);
    for (int i = 0; i < d->nworkers; i++) {
        worker *w = &d->workers[i];
        for (size_t k = 0; k < w->nsum; k++) {
            precis_summarizer_free(w->sum[k]);
            pfree(w->sum_lang[k]);
        }
        store_close(w->st);
    }
    pfree(d->workers);
    if (d->stream && d->w && d->last_seq > d->snap_seq)
        desk_snapshot(d);
    precis_stream_free(d->stream);
    store_close(d->w);
    queue_free(d->q);
    if (d->lockfd >= 0)
        close(d->lockfd);
    pthread_mutex_destroy(&d->mu);
    pthread_mutex_destroy(&d->wmu);
    pfree(d);
}
