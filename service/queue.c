/*
 * queue.c -- the in-process work queue of the news desk: the stories
 * whose articles changed, each waiting for a recomputation.
 *
 * Debounced: a story becomes due when no article has reached it for
 * debounce_ms, or when it has waited max_wait_ms since it first changed
 * (so a story that never goes quiet is still refreshed).  A burst of 50
 * copies of one wire story therefore costs one recomputation, not 50.  A
 * story handed to a worker is not handed to another until done(); an
 * article arriving meanwhile queues it again.
 *
 * The pending set is small (the stories touched in the last second or
 * so), so it is a plain array scanned linearly.  The interface
 * (queue_ops) is what a shared queue (Redis Streams) would implement.
 */
#include "service.h"

#include <errno.h>
#include <time.h>

typedef struct qentry {
    uint64_t story;
    int64_t first, last; /* ms */
} qentry;

struct queue {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    qentry *e;
    size_t n, cap;
    uint64_t *busy; /* stories handed out, not done */
    size_t nbusy, capbusy;
    int64_t debounce, max_wait;
    int closed, drain;
};

queue *queue_new(int64_t debounce_ms, int64_t max_wait_ms)
{
    queue *q = pcalloc(1, sizeof *q);
    if (!q)
        return NULL;
    pthread_mutex_init(&q->mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&q->cv, &ca);
    pthread_condattr_destroy(&ca);
    q->debounce = debounce_ms < 0 ? 0 : debounce_ms;
    q->max_wait = max_wait_ms < q->debounce ? q->debounce : max_wait_ms;
    return q;
}

void queue_free(queue *q)
{
    if (!q)
        return;
    pthread_mutex_destroy(&q->mu);
    pthread_cond_destroy(&q->cv);
    pfree(q->e);
    pfree(q->busy);
    pfree(q);
}

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int q_push(void *vq, uint64_t story)
{
    queue *q = vq;
    int64_t now = mono_ms();
    pthread_mutex_lock(&q->mu);
    for (size_t i = 0; i < q->n; i++)
        if (q->e[i].story == story) {
            q->e[i].last = now;
            pthread_mutex_unlock(&q->mu);
            return 0;
        }
    if (q->n == q->cap) {
        size_t cap = q->cap ? q->cap * 2 : 64;
        qentry *e = prealloc(q->e, pmul(cap, sizeof *e));
        if (!e) {
            pthread_mutex_unlock(&q->mu);
            return -1;
        }
        q->e = e;
        q->cap = cap;
    }
    q->e[q->n++] = (qentry){story, now, now};
    pthread_cond_signal(&q->cv);
    pthread_mutex_unlock(&q->mu);
    return 0;
}

static int is_busy(const queue *q, uint64_t story)
{
    for (size_t i = 0; i < q->nbusy; i++)
        if (q->busy[i] == story)
            return 1;
    return 0;
}

static int q_pop(void *vq, uint64_t *story)
{
    queue *q = vq;
    pthread_mutex_lock(&q->mu);
    for (;;) {
        int64_t now = mono_ms(), next = INT64_MAX;
        size_t best = SIZE_MAX;
        for (size_t i = 0; i < q->n; i++) {
            if (is_busy(q, q->e[i].story))
                continue;
            int64_t due = q->e[i].last + q->debounce;
            if (q->e[i].first + q->max_wait < due)
                due = q->e[i].first + q->max_wait;
            if (q->drain)
                due = now;
            if (due < next) {
                next = due;
                best = i;
            }
        }
        if (best != SIZE_MAX && next <= now) {
            if (q->nbusy == q->capbusy) {
                size_t cap = q->capbusy ? q->capbusy * 2 : 8;
                uint64_t *b = prealloc(q->busy, pmul(cap, sizeof *b));
                if (!b) {
                    pthread_mutex_unlock(&q->mu);
                    return 0;
                }
                q->busy = b;
                q->capbusy = cap;
            }
            *story = q->e[best].story;
            q->busy[q->nbusy++] = *story;
            q->e[best] = q->e[--q->n];
            pthread_mutex_unlock(&q->mu);
            return 1;
        }
        if (q->closed && (!q->drain || (q->n == 0 && q->nbusy == 0))) {
            pthread_mutex_unlock(&q->mu);
            return 0;
        }
        if (next == INT64_MAX)
            pthread_cond_wait(&q->cv, &q->mu);
        else {
            struct timespec ts;
            clock_gettime(CLOCK_MONOTONIC, &ts);
            int64_t wait = next - now;
            ts.tv_sec += wait / 1000;
            ts.tv_nsec += (long)(wait % 1000) * 1000000L;
            if (ts.tv_nsec >= 1000000000L) {
                ts.tv_sec++;
                ts.tv_nsec -= 1000000000L;
            }
            pthread_cond_timedwait(&q->cv, &q->mu, &ts);
        }
    }
}

static void q_done(void *vq, uint64_t story)
{
    queue *q = vq;
    pthread_mutex_lock(&q->mu);
    for (size_t i = 0; i < q->nbusy; i++)
        if (q->busy[i] == story) {
            q->busy[i] = q->busy[--q->nbusy];
            break;
        }
    pthread_cond_broadcast(&q->cv);
    pthread_mutex_unlock(&q->mu);
}

static size_t q_pending(void *vq)
{
    queue *q = vq;
    pthread_mutex_lock(&q->mu);
    size_t n = q->n + q->nbusy;
    pthread_mutex_unlock(&q->mu);
    return n;
}

static void q_close(void *vq, int drain)
{
    queue *q = vq;
    pthread_mutex_lock(&q->mu);
    q->closed = 1;
    q->drain = drain;
    pthread_cond_broadcast(&q->cv);
    pthread_mutex_unlock(&q->mu);
}

const queue_ops queue_mem_ops = {q_push, q_pop, q_done, q_pending, q_close};
