/* redisq.h -- precis on Redis Streams: the keys, the ingest path, the
 * clustering consumer of a language shard and the summarizer workers.
 *
 * The flow (docs/scale-out.md has the deployment and failure modes):
 *
 *   ingest ──XADD──▶ precis:articles:<lang>  (one stream per language shard)
 *                        │ group "cluster", one consumer per shard
 *                        ▼
 *                 clustering consumer ──XADD──▶ precis:stories (story changed, version)
 *                                                   │ group "workers", N consumers
 *                                                   ▼
 *                                            summarizer workers ──▶ precis:result:<story>
 *
 * Keys (one Redis, or one Redis per group of shards; the Lua scripts touch
 * several keys, so Redis Cluster would need them in one hash slot):
 *   precis:article:<id>          hash  json, lang, story      (idempotency by id)
 *   precis:articles:<lang>       stream of {id}                (the shard's input)
 *   precis:shards                set of languages seen
 *   precis:state:<lang>          hash  snapshot, last          (clusterer state)
 *   precis:lock:cluster:<lang>   string, the active clusterer's token (PX lease)
 *   precis:story:<story>         hash  lang, version, created
 *   precis:members:<story>       zset  article ids by arrival
 *   precis:stories               stream of {story, version}    (work for workers)
 *   precis:result:<story>        hash  version, summary, report, worker, updated
 *   precis:updated               zset  story by last result time (for readers)
 *   precis:dead                  stream of poison entries with their error
 * A story id is "<lang>-<n>", n the shard's story number.
 */
#ifndef PRECIS_CLI_REDISQ_H
#define PRECIS_CLI_REDISQ_H
#include <stddef.h>
#include <stdint.h>

typedef struct redisq redisq;

/* Connects to a redis://HOST[:PORT][/DB] URL (HOST defaults to 127.0.0.1,
   PORT to 6379).  NULL with a message in err on failure.  The caller frees
   with redisq_free(). */
redisq *redisq_connect(const char *url, char *err, size_t errcap);
void redisq_free(redisq *q);
/* Did the last failure come from Redis or the connection (not from the
   record)?  Then the caller should stop: nothing more can be stored. */
int redisq_failed(const redisq *q);

/* Appends one article (a JSON Lines record, validated and with an "id") to
   its language shard, atomically with its idempotency record.  *dup is set
   when the id was already ingested (nothing is appended).  lang may be
   NULL: the record's "lang", else "en".  Returns 0, or -1 with a message. */
int redisq_ingest(redisq *q, const char *json, size_t len, int *dup, char *err, size_t errcap);

typedef struct redisq_cluster_opts {
    const char *lang;        /* the shard                                  */
    const char *name;        /* this process's name (for the lock, logs)   */
    size_t snapshot_every;   /* articles between state snapshots (>= 1)   */
    long lease_ms;           /* the shard lock's lease                      */
    long idle_exit_ms;       /* exit after this long with no entry; 0 never */
    long delay_ms;           /* sleep after each article (tests only)       */
    double close_after;      /* passed to the story clustering              */
    size_t close_after_articles;
} redisq_cluster_opts;

/* Runs the clustering consumer of one shard until idle_exit_ms passes with
   nothing to do (or forever).  A second process for the same shard waits
   as a standby until the lock's lease runs out, then resumes from the
   last snapshot and the entries not yet acknowledged.  Returns 0, or -1
   with a message on stderr. */
int redisq_run_clusterer(redisq *q, const redisq_cluster_opts *o);

typedef struct redisq_worker_opts {
    const char *name;       /* consumer name, unique per worker            */
    long claim_idle_ms;     /* take over entries pending this long         */
    long max_deliveries;    /* then move them to precis:dead               */
    long idle_exit_ms;      /* exit after this long with no entry; 0 never */
    long delay_ms;          /* sleep before storing each result (tests)    */
    size_t batch;           /* entries per read                            */
    int words;              /* summary budget                              */
} redisq_worker_opts;

/* The number by which the desk's store and pages know a story
   "<lang>-<n>" (stable). */
uint64_t redisq_story_number(const char *story);

/* Runs one summarizer worker of the pool.  Returns 0, or -1 with a message
   on stderr. */
int redisq_run_worker(redisq *q, const redisq_worker_opts *o);
/* Copies the results stored after *since_ms (ms, the score in
   precis:updated) into the desk's store st -- the members it lacks, then a
   new version -- so that the pages and the read API show them; advances
   *since_ms.  Returns the number of stories copied, or -1 with a message
   in err (PRECIS_ERRMAX bytes). */
struct store;
int redisq_sync(redisq *q, struct store *st, long long *since_ms, char *err);
#endif
