/*
 * store_sqlite.c -- the embedded store of the news desk: SQLite (Debian's
 * libsqlite3) in WAL mode, one file, no server.
 *
 * Why SQLite: it is in every Debian, needs no daemon, and in WAL mode a
 * writer never blocks readers nor readers the writer -- each thread opens
 * its own connection and reads a consistent snapshot while ingest commits.
 * synchronous=NORMAL keeps every committed transaction through a crash of
 * the process (kill -9); --sync full adds an fsync per commit for power
 * loss.
 *
 * Tables:
 *   articles  the durable log: one row per accepted article, seq = arrival
 *             order (the replay order after a restart), id unique (the
 *             idempotency key), the story it was assigned to.
 *   stories   one row per story: counters updated at ingest, and the last
 *             version's precomputed answers (report JSON, HTML page,
 *             version list) so that a read is one indexed row.
 *   versions  every recomputation: summary, sentence/fact/article lists
 *             (for the next diff) and what changed.
 *   snapshot  the latest saved stream state and the seq it covers.
 *   stories_fts  FTS5 index over headline and summary when the SQLite
 *             build has FTS5 (Debian's does); LIKE otherwise.
 */
#include "service.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

/* The statements of the hot paths, prepared once per connection. */
enum {
    Q_FIND,
    Q_INS_ART,
    Q_UP_STORY,
    Q_STORY_ARTS,
    Q_PREV,
    Q_NEXT_VER,
    Q_INS_VER,
    Q_UP_VER,
    Q_LAST_SEQ,
    Q_FTS,
    Q_VERSIONS,
    Q_READ_STORY,
    Q_READ_PAGE,
    Q_READ_ART,
    Q_COUNT_CARDS,
    Q_CARDS,
    Q_N
};

struct store {
    sqlite3 *db;
    int fts;
    char *tmp; /* strings handed back by prev_version */
    sqlite3_stmt *q[Q_N];
};

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS articles("
    " seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, story INTEGER NOT NULL,"
    " new_story INTEGER NOT NULL, copy_of TEXT, lang TEXT, source TEXT, date TEXT,"
    " title TEXT, url TEXT, text TEXT NOT NULL, received INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS articles_story ON articles(story, seq);"
    "CREATE TABLE IF NOT EXISTS stories("
    " id INTEGER PRIMARY KEY, lang TEXT, created INTEGER NOT NULL, updated INTEGER NOT NULL,"
    " n_articles INTEGER NOT NULL, last_seq INTEGER NOT NULL, n_sources INTEGER NOT NULL"
    " DEFAULT 0, version INTEGER NOT NULL DEFAULT 0, version_seq INTEGER NOT NULL DEFAULT 0,"
    " summarized INTEGER, headline TEXT, summary TEXT, sources TEXT, report TEXT,"
    " page BLOB, versions TEXT);"
    "CREATE INDEX IF NOT EXISTS stories_order ON stories(updated DESC, n_articles DESC, id"
    " DESC);"
    "CREATE TABLE IF NOT EXISTS versions("
    " story INTEGER NOT NULL, version INTEGER NOT NULL, created INTEGER NOT NULL,"
    " n_articles INTEGER NOT NULL, summary TEXT, sentences TEXT, facts TEXT, articles TEXT,"
    " changes TEXT, PRIMARY KEY(story, version)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS snapshot(k INTEGER PRIMARY KEY CHECK(k = 1),"
    " seq INTEGER NOT NULL, state BLOB);";

static int fail(store *st, char *err, const char *what)
{
    perr_set(err, PRECIS_ERRMAX, "%s: %s", what, sqlite3_errmsg(st->db));
    return -1;
}

static int exec(store *st, const char *sql, char *err)
{
    char *msg = NULL;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        perr_set(err, PRECIS_ERRMAX, "%s", msg ? msg : sqlite3_errmsg(st->db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

/* Ends the open transaction: COMMIT when ok, else ROLLBACK with the
   database's message for `what` in err.  0 when committed. */
static int finish(store *st, int ok, const char *what, char *err)
{
    if (!ok)
        fail(st, err, what);
    else if (exec(st, "COMMIT", err))
        ok = 0;
    if (!ok) {
        char e2[PRECIS_ERRMAX];
        exec(st, "ROLLBACK", e2);
        return -1;
    }
    return 0;
}

static sqlite3_stmt *prep(store *st, const char *sql)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK)
        return NULL;
    return s;
}

/* The cached statement k (prepared on first use); give it back with
   release().  NULL on a database error. */
static sqlite3_stmt *stmt(store *st, int k, const char *sql)
{
    if (!st->q[k])
        st->q[k] = prep(st, sql);
    return st->q[k];
}

static void release(sqlite3_stmt *s)
{
    if (s) {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
    }
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, i);
}

static const char *col_text(sqlite3_stmt *s, int i)
{
    return (const char *)sqlite3_column_text(s, i);
}

store *store_open(const char *path, int sync_full, int readonly, char *err)
{
    store *st = pcalloc(1, sizeof *st);
    if (!st) {
        perr_set(err, PRECIS_ERRMAX, "out of memory");
        return NULL;
    }
    int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        perr_set(err, PRECIS_ERRMAX, "%s: %s", path,
                 st->db ? sqlite3_errmsg(st->db) : "cannot open");
        store_close(st);
        return NULL;
    }
    sqlite3_busy_timeout(st->db, 30000);
    char e[PRECIS_ERRMAX];
    if (!readonly) {
        if (exec(st, "PRAGMA page_size=16384", e) || exec(st, "PRAGMA journal_mode=WAL", e) ||
            exec(st, sync_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL", e) ||
            exec(st, schema, e)) {
            perr_set(err, PRECIS_ERRMAX, "%s: %s", path, e);
            store_close(st);
            return NULL;
        }
        /* FTS5 when the build has it (an error here just means no FTS5) */
        st->fts = exec(st,
                       "CREATE VIRTUAL TABLE IF NOT EXISTS stories_fts USING "
                       "fts5(headline, summary, tokenize='unicode61 remove_diacritics 2')",
                       e) == 0;
    } else {
        sqlite3_stmt *s = prep(st, "SELECT 1 FROM sqlite_master WHERE name='stories_fts'");
        if (!s) {
            perr_set(err, PRECIS_ERRMAX, "%s: %s", path, sqlite3_errmsg(st->db));
            store_close(st);
            return NULL;
        }
        st->fts = sqlite3_step(s) == SQLITE_ROW;
        sqlite3_finalize(s);
    }
    return st;
}

void store_close(store *st)
{
    if (!st)
        return;
    for (int k = 0; k < Q_N; k++)
        sqlite3_finalize(st->q[k]);
    sqlite3_close_v2(st->db);
    sqlite3_free(st->tmp);
    pfree(st);
}

int store_has_fts(const store *st)
{
    return st->fts;
}

/* ---- write path ------------------------------------------------------- */

static int sq_find_article(void *vst, const char *id, uint64_t *story, char *err)
{
    store *st = vst;
    sqlite3_stmt *s = stmt(st, Q_FIND, "SELECT story FROM articles WHERE id = ?");
    if (!s)
        return fail(st, err, "find article");
    bind_text(s, 1, id);
    int rc = sqlite3_step(s);
    int found = rc == SQLITE_ROW;
    if (found)
        *story = (uint64_t)sqlite3_column_int64(s, 0);
    release(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return fail(st, err, "find article");
    return found;
}

static int sq_put_articles(void *vst, store_article *a, size_t n, char *err)
{
    store *st = vst;
    if (exec(st, "BEGIN IMMEDIATE", err))
        return -1;
    sqlite3_stmt *ins = stmt(st, Q_INS_ART,
                             "INSERT INTO articles(id, story, new_story, copy_of, lang, "
                             "source, date, title, url, text, received) "
                             "VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    sqlite3_stmt *up = stmt(st, Q_UP_STORY,
                            "INSERT INTO stories(id, lang, created, updated, n_articles, "
                            "last_seq) VALUES(?1, ?2, ?3, ?3, 1, ?4) ON CONFLICT(id) DO "
                            "UPDATE SET updated = ?3, n_articles = n_articles + 1, "
                            "last_seq = ?4");
    int ok = ins && up;
    for (size_t i = 0; ok && i < n; i++) {
        sqlite3_reset(ins);
        bind_text(ins, 1, a[i].id);
        sqlite3_bind_int64(ins, 2, (sqlite3_int64)a[i].story);
        sqlite3_bind_int(ins, 3, a[i].new_story);
        bind_text(ins, 4, a[i].copy_of);
        bind_text(ins, 5, a[i].lang);
        bind_text(ins, 6, a[i].source);
        bind_text(ins, 7, a[i].date);
        bind_text(ins, 8, a[i].title);
        bind_text(ins, 9, a[i].url);
        sqlite3_bind_text(ins, 10, a[i].text, (int)a[i].text_len, SQLITE_STATIC);
        sqlite3_bind_int64(ins, 11, a[i].received);
        ok = sqlite3_step(ins) == SQLITE_DONE;
        if (!ok)
            break;
        a[i].seq = sqlite3_last_insert_rowid(st->db);
        sqlite3_reset(up);
        sqlite3_bind_int64(up, 1, (sqlite3_int64)a[i].story);
        bind_text(up, 2, a[i].lang);
        sqlite3_bind_int64(up, 3, a[i].received);
        sqlite3_bind_int64(up, 4, a[i].seq);
        ok = sqlite3_step(up) == SQLITE_DONE;
    }
    release(ins);
    release(up);
    return finish(st, ok, "log articles", err);
}

static int emit_articles(sqlite3_stmt *s, store_replay_cb cb, void *ud)
{
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        store_article a = {0};
        a.seq = sqlite3_column_int64(s, 0);
        a.id = col_text(s, 1);
        a.story = (uint64_t)sqlite3_column_int64(s, 2);
        a.new_story = sqlite3_column_int(s, 3);
        a.copy_of = col_text(s, 4);
        a.lang = col_text(s, 5);
        a.source = col_text(s, 6);
        a.date = col_text(s, 7);
        a.title = col_text(s, 8);
        a.url = col_text(s, 9);
        a.text = col_text(s, 10);
        a.text_len = (size_t)sqlite3_column_bytes(s, 10);
        a.received = sqlite3_column_int64(s, 11);
        if (cb(ud, &a))
            return 1;
    }
    return rc == SQLITE_DONE ? 0 : -1;
}

#define ARTICLE_COLS                                                                               \
    "seq, id, story, new_story, copy_of, lang, source, date, title, url, "                         \
    "text, received"

static int sq_story_articles(void *vst, uint64_t story, size_t max, store_replay_cb cb, void *ud,
                             char *err)
{
    store *st = vst;
    sqlite3_stmt *s = stmt(st, Q_STORY_ARTS,
                           "SELECT * FROM (SELECT " ARTICLE_COLS " FROM articles WHERE "
                           "story = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq");
    if (!s)
        return fail(st, err, "story articles");
    sqlite3_bind_int64(s, 1, (sqlite3_int64)story);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)max);
    int rc = emit_articles(s, cb, ud);
    if (rc < 0)
        fail(st, err, "story articles");
    release(s);
    return rc < 0 ? -1 : 0;
}

static int sq_replay(void *vst, int64_t after, store_replay_cb cb, void *ud, char *err)
{
    store *st = vst;
    sqlite3_stmt *s = prep(st, "SELECT " ARTICLE_COLS " FROM articles WHERE seq > ? ORDER BY seq");
    if (!s)
        return fail(st, err, "replay");
    sqlite3_bind_int64(s, 1, after);
    int rc = emit_articles(s, cb, ud);
    if (rc < 0)
        fail(st, err, "replay");
    sqlite3_finalize(s);
    return rc < 0 ? -1 : 0;
}

/* Keeps a copy of s in one sqlite3_malloc'd block, pointers into it. */
static int sq_prev_version(void *vst, uint64_t story, store_prev *out, char *err)
{
    store *st = vst;
    memset(out, 0, sizeof *out);
    sqlite3_free(st->tmp);
    st->tmp = NULL;
    sqlite3_stmt *s = stmt(st, Q_PREV,
                           "SELECT version, sentences, facts, articles FROM versions "
                           "WHERE story = ? ORDER BY version DESC LIMIT 1");
    if (!s)
        return fail(st, err, "previous version");
    sqlite3_bind_int64(s, 1, (sqlite3_int64)story);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        size_t l[3], tot = 0;
        for (int i = 0; i < 3; i++)
            tot += (l[i] = (size_t)sqlite3_column_bytes(s, i + 1)) + 1;
        st->tmp = sqlite3_malloc64(tot);
        if (!st->tmp) {
            release(s);
            perr_set(err, PRECIS_ERRMAX, "out of memory");
            return -1;
        }
        char *p = st->tmp;
        const char **dst[3] = {&out->sentences, &out->facts, &out->articles};
        for (int i = 0; i < 3; i++) {
            const char *v = col_text(s, i + 1);
            memcpy(p, v ? v : "", l[i]);
            p[l[i]] = '\0';
            *dst[i] = p;
            p += l[i] + 1;
        }
        out->version = sqlite3_column_int(s, 0);
    }
    release(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return fail(st, err, "previous version");
    return 0;
}

/* The versions list of a story as one JSON array (newest first, at most
   SERVE_VERSIONS_SHOWN), appended to b. */
static int versions_json(store *st, uint64_t story, pbuf *b)
{
    sqlite3_stmt *s = stmt(st, Q_VERSIONS,
                           "SELECT version, created, n_articles, summary, changes FROM "
                           "versions WHERE story = ? ORDER BY version DESC LIMIT ?");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, (sqlite3_int64)story);
    sqlite3_bind_int(s, 2, SERVE_VERSIONS_SHOWN);
    pbuf_putc(b, '[');
    int rc, k = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        char when[32];
        serve_iso_time(sqlite3_column_int64(s, 1), when, sizeof when);
        pbuf_printf(b, "%s{\"version\":%d,\"created\":\"%s\",\"n_articles\":%lld,\"summary\":",
                    k++ ? "," : "", sqlite3_column_int(s, 0), when,
                    (long long)sqlite3_column_int64(s, 2));
        pbuf_json_string(b, col_text(s, 3));
        const char *ch = col_text(s, 4);
        pbuf_puts(b, ",\"changes\":");
        pbuf_puts(b, ch && *ch ? ch : "{}");
        pbuf_putc(b, '}');
    }
    pbuf_putc(b, ']');
    release(s);
    return rc == SQLITE_DONE && !b->oom ? 0 : -1;
}

/* One version inside the open transaction. */
static int put_one_version(store *st, store_version *v)
{
    pbuf vj, page;
    pbuf_init(&vj);
    pbuf_init(&page);
    int ok = 0;
    sqlite3_stmt *s = stmt(st, Q_NEXT_VER,
                           "SELECT coalesce(max(version), 0) + 1 FROM versions "
                           "WHERE story = ?");
    sqlite3_stmt *ins = stmt(st, Q_INS_VER,
                             "INSERT INTO versions(story, version, created, "
                             "n_articles, summary, sentences, facts, articles, "
                             "changes) VALUES(?,?,?,?,?,?,?,?,?)");
    sqlite3_stmt *up = stmt(st, Q_UP_VER,
                            "UPDATE stories SET version = ?2, summarized = ?3, "
                            "headline = ?4, summary = ?5, sources = ?6, n_sources "
                            "= ?7, report = ?8, page = ?9, versions = ?10, "
                            "version_seq = ?11 WHERE id = ?1");
    sqlite3_stmt *ls = stmt(st, Q_LAST_SEQ, "SELECT last_seq FROM stories WHERE id = ?");
    sqlite3_stmt *f = st->fts ? stmt(st, Q_FTS,
                                     "INSERT OR REPLACE INTO stories_fts(rowid, "
                                     "headline, summary) VALUES(?,?,?)")
                              : NULL;
    if (!s || !ins || !up || !ls || (st->fts && !f))
        goto out;
    sqlite3_bind_int64(s, 1, (sqlite3_int64)v->story);
    if (sqlite3_step(s) != SQLITE_ROW)
        goto out;
    v->version = sqlite3_column_int(s, 0);
    sqlite3_bind_int64(ins, 1, (sqlite3_int64)v->story);
    sqlite3_bind_int(ins, 2, v->version);
    sqlite3_bind_int64(ins, 3, v->created);
    sqlite3_bind_int64(ins, 4, (sqlite3_int64)v->n_articles);
    bind_text(ins, 5, v->summary);
    bind_text(ins, 6, v->sentences);
    bind_text(ins, 7, v->facts);
    bind_text(ins, 8, v->articles);
    bind_text(ins, 9, v->changes);
    if (sqlite3_step(ins) != SQLITE_DONE || versions_json(st, v->story, &vj))
        goto out;
    /* the page carries the version history, so it is finished here */
    pages_story(&page, v->page, v->page_len, v->story, v->headline, v->version, v->n_articles,
                v->created, vj.data);
    if (page.oom)
        goto out;
    /* the newest article this version covers */
    sqlite3_int64 last = 0;
    sqlite3_bind_int64(ls, 1, (sqlite3_int64)v->story);
    if (sqlite3_step(ls) == SQLITE_ROW)
        last = sqlite3_column_int64(ls, 0);
    sqlite3_bind_int64(up, 1, (sqlite3_int64)v->story);
    sqlite3_bind_int(up, 2, v->version);
    sqlite3_bind_int64(up, 3, v->created);
    bind_text(up, 4, v->headline);
    bind_text(up, 5, v->summary);
    bind_text(up, 6, v->sources);
    sqlite3_bind_int64(up, 7, (sqlite3_int64)v->n_sources);
    bind_text(up, 8, v->report);
    sqlite3_bind_blob64(up, 9, page.data, page.len, SQLITE_STATIC);
    bind_text(up, 10, vj.data);
    sqlite3_bind_int64(up, 11, last);
    if (sqlite3_step(up) != SQLITE_DONE)
        goto out;
    if (f) {
        sqlite3_bind_int64(f, 1, (sqlite3_int64)v->story);
        bind_text(f, 2, v->headline);
        bind_text(f, 3, v->summary);
        if (sqlite3_step(f) != SQLITE_DONE)
            goto out;
    }
    ok = 1;
out:
    release(s);
    release(ins);
    release(up);
    release(ls);
    release(f);
    pbuf_free(&vj);
    pbuf_free(&page);
    return ok ? 0 : -1;
}

/* Several versions in one transaction: a commit writes every page it
   dirtied to the WAL, and the index and FTS pages of a batch are written
   once instead of once per version. */
static int sq_put_versions(void *vst, store_version *v, size_t n, char *err)
{
    store *st = vst;
    if (exec(st, "BEGIN IMMEDIATE", err))
        return -1;
    int ok = 1;
    for (size_t i = 0; ok && i < n; i++)
        ok = put_one_version(st, &v[i]) == 0;
    return finish(st, ok, "store versions", err);
}

static int sq_save_snapshot(void *vst, int64_t seq, const void *state, size_t len, char *err)
{
    store *st = vst;
    sqlite3_stmt *s = prep(st, "INSERT OR REPLACE INTO snapshot(k, seq, state) VALUES(1,?,?)");
    if (!s)
        return fail(st, err, "save snapshot");
    sqlite3_bind_int64(s, 1, seq);
    sqlite3_bind_blob64(s, 2, state, len, SQLITE_STATIC);
    int ok = sqlite3_step(s) == SQLITE_DONE;
    sqlite3_finalize(s);
    return ok ? 0 : fail(st, err, "save snapshot");
}

static int sq_load_snapshot(void *vst, int64_t *seq, void **state, size_t *len, char *err)
{
    store *st = vst;
    *seq = 0;
    *state = NULL;
    *len = 0;
    sqlite3_stmt *s = prep(st, "SELECT seq, state FROM snapshot WHERE k = 1");
    if (!s)
        return fail(st, err, "load snapshot");
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        size_t n = (size_t)sqlite3_column_bytes(s, 1);
        void *p = pmalloc(n);
        if (!p) {
            sqlite3_finalize(s);
            perr_set(err, PRECIS_ERRMAX, "out of memory loading the snapshot");
            return -1;
        }
        if (n)
            memcpy(p, sqlite3_column_blob(s, 1), n);
        *seq = sqlite3_column_int64(s, 0);
        *state = p;
        *len = n;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return fail(st, err, "load snapshot");
    return 0;
}

static int sq_stale_stories(void *vst, store_replay_cb cb, void *ud, char *err)
{
    store *st = vst;
    sqlite3_stmt *s = prep(st, "SELECT id FROM stories WHERE last_seq > version_seq");
    if (!s)
        return fail(st, err, "stale stories");
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        store_article a = {0};
        a.story = (uint64_t)sqlite3_column_int64(s, 0);
        if (cb(ud, &a))
            break;
    }
    sqlite3_finalize(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : fail(st, err, "stale stories");
}

const store_ops store_sqlite_ops = {
    sq_find_article, sq_put_articles,  sq_story_articles, sq_prev_version,  sq_put_versions,
    sq_replay,       sq_save_snapshot, sq_load_snapshot,  sq_stale_stories,
};

/* ---- reads -------------------------------------------------------------- */

/* An entity tag from a few numbers; 304 when the client has it. */
static int etag_check(char *etag, const char *kind, uint64_t a, int64_t b, int64_t c,
                      const char *inm)
{
    snprintf(etag, 64, "\"%s%llx-%llx-%llx\"", kind, (unsigned long long)a, (unsigned long long)b,
             (unsigned long long)c);
    return inm && (strstr(inm, etag) || !strcmp(inm, "*"));
}

static void put_time(pbuf *b, const char *key, int64_t ms)
{
    char t[32];
    serve_iso_time(ms, t, sizeof t);
    pbuf_printf(b, ",\"%s\":\"%s\"", key, t);
}

/* The fields of a story shared by the list and the single story. */
static void put_story_head(pbuf *b, sqlite3_stmt *s)
{
    /* columns: id, lang, created, updated, n_articles, n_sources, version,
       headline, summary, sources, last_seq, version_seq */
    pbuf_printf(b, "{\"id\":%lld,\"headline\":", (long long)sqlite3_column_int64(s, 0));
    pbuf_json_string(b, col_text(s, 7));
    pbuf_puts(b, ",\"summary\":");
    pbuf_json_string(b, col_text(s, 8));
    pbuf_puts(b, ",\"lang\":");
    pbuf_json_string(b, col_text(s, 1));
    pbuf_printf(b, ",\"n_articles\":%lld,\"n_sources\":%lld,\"sources\":%s",
                (long long)sqlite3_column_int64(s, 4), (long long)sqlite3_column_int64(s, 5),
                col_text(s, 9) ? col_text(s, 9) : "[]");
    put_time(b, "created", sqlite3_column_int64(s, 2));
    put_time(b, "updated", sqlite3_column_int64(s, 3));
    pbuf_printf(b, ",\"version\":%d,\"pending\":%s", sqlite3_column_int(s, 6),
                sqlite3_column_int64(s, 10) > sqlite3_column_int64(s, 11) ? "true" : "false");
}

#define STORY_COLS                                                                                 \
    "s.id, s.lang, s.created, s.updated, s.n_articles, s.n_sources, "                              \
    "s.version, s.headline, s.summary, s.sources, s.last_seq, s.version_seq"

/* Binds the filters of q from parameter 1 on; the WHERE text goes to w. */
static void where_clause(store *st, const store_query *q, pbuf *w, size_t *nwords)
{
    pbuf_puts(w, " WHERE s.updated >= ?1 AND (?2 IS NULL OR s.lang = ?2)");
    *nwords = 0;
    if (q->q && *q->q) {
        if (st->fts)
            pbuf_puts(w, " AND s.id IN (SELECT rowid FROM stories_fts WHERE stories_fts "
                         "MATCH ?3)");
        else {
            /* one LIKE pair per word */
            const char *p = q->q;
            for (int k = 0; *p; k++) {
                while (*p == ' ')
                    p++;
                if (!*p)
                    break;
                while (*p && *p != ' ')
                    p++;
                pbuf_printf(w,
                            " AND (s.headline LIKE ?%d ESCAPE '\\' OR s.summary LIKE ?%d "
                            "ESCAPE '\\')",
                            k + 3, k + 3);
                (*nwords)++;
            }
        }
    }
}

/* An FTS5 query matching every word of q as a literal (quotes doubled),
   or LIKE patterns bound one per word. */
static void bind_words(store *st, sqlite3_stmt *s, const char *q)
{
    const char *p = q;
    pbuf fq;
    pbuf_init(&fq);
    for (int k = 0; *p; k++) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        if (st->fts) {
            pbuf_puts(&fq, fq.len ? " \"" : "\"");
            for (const char *c = w; c < p; c++) {
                if (*c == '"')
                    pbuf_putc(&fq, '"');
                pbuf_putc(&fq, *c);
            }
            pbuf_putc(&fq, '"');
        } else {
            pbuf lk;
            pbuf_init(&lk);
            pbuf_putc(&lk, '%');
            for (const char *c = w; c < p; c++) {
                if (*c == '%' || *c == '_' || *c == '\\')
                    pbuf_putc(&lk, '\\');
                pbuf_putc(&lk, *c);
            }
            pbuf_putc(&lk, '%');
            if (!lk.oom)
                sqlite3_bind_text(s, k + 3, lk.data, (int)lk.len, SQLITE_TRANSIENT);
            pbuf_free(&lk);
        }
    }
    if (st->fts && fq.len && !fq.oom)
        sqlite3_bind_text(s, 3, fq.data, (int)fq.len, SQLITE_TRANSIENT);
    pbuf_free(&fq);
}

int store_read_stories(store *st, const store_query *q, pbuf *out)
{
    pbuf sql;
    pbuf_init(&sql);
    size_t nwords;
    pbuf w;
    pbuf_init(&w);
    where_clause(st, q, &w, &nwords);
    pbuf_printf(&sql,
                "SELECT " STORY_COLS ", count(*) OVER () FROM stories s%s ORDER BY "
                "s.updated DESC, s.n_articles DESC, s.id DESC LIMIT %zu OFFSET %zu",
                w.data ? w.data : "", q->limit, q->offset);
    pbuf_free(&w);
    sqlite3_stmt *s = NULL;
    if (sql.oom || sqlite3_prepare_v2(st->db, sql.data, -1, &s, NULL) != SQLITE_OK) {
        pbuf_free(&sql);
        return 500;
    }
    pbuf_free(&sql);
    sqlite3_bind_int64(s, 1, q->since);
    bind_text(s, 2, q->lang && *q->lang ? q->lang : NULL);
    if (q->q && *q->q)
        bind_words(st, s, q->q);
    pbuf_puts(out, "{\"stories\":[");
    int rc, k = 0;
    long long total = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (k++)
            pbuf_putc(out, ',');
        put_story_head(out, s);
        pbuf_putc(out, '}');
        total = sqlite3_column_int64(s, 12);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return 500;
    if (!k && q->offset) {
        /* past the end: count without a window */
        total = -1;
    }
    pbuf_printf(out, "],\"offset\":%zu,\"limit\":%zu,\"count\":%d", q->offset, q->limit, k);
    if (total >= 0)
        pbuf_printf(out, ",\"total\":%lld", total);
    pbuf_printf(out, ",\"search\":\"%s\"}\n", st->fts ? "fts5" : "like");
    return out->oom ? 500 : 200;
}

int store_read_story(store *st, uint64_t id, const char *inm, char *etag, pbuf *out)
{
    sqlite3_stmt *s = stmt(st, Q_READ_STORY,
                           "SELECT " STORY_COLS ", s.report, s.versions FROM stories s "
                           "WHERE s.id = ?");
    if (!s)
        return 500;
    sqlite3_bind_int64(s, 1, (sqlite3_int64)id);
    int rc = sqlite3_step(s), status = 200;
    if (rc == SQLITE_ROW) {
        if (etag_check(etag, "s", id, sqlite3_column_int(s, 6), sqlite3_column_int64(s, 10), inm))
            status = 304;
        else {
            put_story_head(out, s);
            const char *rep = col_text(s, 12), *vs = col_text(s, 13);
            pbuf_reserve(out, (size_t)sqlite3_column_bytes(s, 12) +
                                  (size_t)sqlite3_column_bytes(s, 13) + 64);
            pbuf_puts(out, ",\"report\":");
            pbuf_puts(out, rep ? rep : "null");
            pbuf_puts(out, ",\"versions\":");
            pbuf_puts(out, vs ? vs : "[]");
            pbuf_puts(out, "}\n");
        }
    } else
        status = rc == SQLITE_DONE ? 404 : 500;
    release(s);
    return status;
}

int store_read_story_page(store *st, uint64_t id, const char *inm, char *etag, pbuf *out)
{
    sqlite3_stmt *s =
        stmt(st, Q_READ_PAGE, "SELECT version, page, updated FROM stories WHERE id = ?");
    if (!s)
        return 500;
    sqlite3_bind_int64(s, 1, (sqlite3_int64)id);
    int rc = sqlite3_step(s), status = 200;
    if (rc == SQLITE_ROW) {
        int v = sqlite3_column_int(s, 0);
        if (!v || sqlite3_column_type(s, 1) == SQLITE_NULL) {
            status = 202; /* not summarized yet */
        } else if (etag_check(etag, "p", id, v, 0, inm))
            status = 304;
        else
            pbuf_put(out, sqlite3_column_blob(s, 1), (size_t)sqlite3_column_bytes(s, 1));
    } else
        status = rc == SQLITE_DONE ? 404 : 500;
    release(s);
    return status;
}

int store_read_article(store *st, const char *id, const char *inm, char *etag, pbuf *out)
{
    sqlite3_stmt *s = stmt(st, Q_READ_ART, "SELECT " ARTICLE_COLS " FROM articles WHERE id = ?");
    if (!s)
        return 500;
    bind_text(s, 1, id);
    int rc = sqlite3_step(s), status = 200;
    if (rc == SQLITE_ROW) {
        if (etag_check(etag, "a", (uint64_t)sqlite3_column_int64(s, 0), 0, 0, inm))
            status = 304;
        else {
            static const char *const keys[] = {"id",   "copy_of", "lang", "source",
                                               "date", "title",   "url",  "text"};
            static const int cols[] = {1, 4, 5, 6, 7, 8, 9, 10};
            pbuf_printf(out, "{\"seq\":%lld,\"story\":%lld,\"new_story\":%s",
                        (long long)sqlite3_column_int64(s, 0),
                        (long long)sqlite3_column_int64(s, 2),
                        sqlite3_column_int(s, 3) ? "true" : "false");
            for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
                pbuf_printf(out, ",\"%s\":", keys[i]);
                pbuf_json_string(out, col_text(s, cols[i]));
            }
            put_time(out, "received", sqlite3_column_int64(s, 11));
            pbuf_puts(out, "}\n");
        }
    } else
        status = rc == SQLITE_DONE ? 404 : 500;
    release(s);
    return status;
}

int store_read_cards(store *st, size_t limit, size_t offset, store_card_cb cb, void *ud,
                     size_t *total, size_t *articles)
{
    sqlite3_stmt *s = prep(st, "SELECT count(*), coalesce(sum(n_articles), 0) FROM stories");
    if (!s || sqlite3_step(s) != SQLITE_ROW) {
        sqlite3_finalize(s);
        return 500;
    }
    *total = (size_t)sqlite3_column_int64(s, 0);
    *articles = (size_t)sqlite3_column_int64(s, 1);
    sqlite3_finalize(s);
    s = prep(st, "SELECT id, headline, summary, sources, lang, n_articles, n_sources, updated, "
                 "version FROM stories ORDER BY updated DESC, n_articles DESC, id DESC "
                 "LIMIT ? OFFSET ?");
    if (!s)
        return 500;
    sqlite3_bind_int64(s, 1, (sqlite3_int64)limit);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)offset);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        store_card c = {(uint64_t)sqlite3_column_int64(s, 0),
                        col_text(s, 1),
                        col_text(s, 2),
                        col_text(s, 3),
                        col_text(s, 4),
                        (size_t)sqlite3_column_int64(s, 5),
                        (size_t)sqlite3_column_int64(s, 6),
                        sqlite3_column_int64(s, 7),
                        sqlite3_column_int(s, 8)};
        cb(ud, &c);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 200 : 500;
}
