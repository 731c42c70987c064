/*
 * score.c -- stage 5 for the classic methods: per-sentence scores that
 * select.c then turns into a summary within the budget.
 *
 *   centroid  Radev, Jing, Styś & Tam, "Centroid-based summarization of
 *             multiple documents", Information Processing & Management
 *             40(6), 2004: score = centroid value + positional value.
 *   lexrank   Erkan & Radev, "LexRank: Graph-based Lexical Centrality as
 *             Salience in Text Summarization", JAIR 22, 2004: PageRank
 *             (damping 0.85) over the graph of sentence pairs whose idf-
 *             modified cosine is at least 0.1.
 *
 * Both use in-cluster idf (no background corpus is assumed).  LexRank is
 * quadratic in the number of sentences, so on large clusters it ranks the
 * LEXRANK_MAX_NODES sentences nearest to the start of their articles and
 * gives the rest a score of zero (documented in the README).
 */
#include "score.h"

#include <math.h>

#define LEXRANK_MAX_NODES 1500
#define LEXRANK_THRESHOLD 0.1
#define LEXRANK_DAMPING 0.85
#define LEXRANK_ITERS 100

double *score_idf(const model *m, arena *a)
{
    double *idf = arena_alloc(a, pmul(m->nterm ? m->nterm : 1, sizeof *idf));
    if (!idf)
        return NULL;
    double n = (double)m->nart;
    for (uint32_t t = 0; t < m->nterm; t++)
        idf[t] = log((n + 1.0) / (double)(m->term_df[t] ? m->term_df[t] : 1));
    return idf;
}

int score_centroid(model *m, const double *idf, arena *a)
{
    /* centroid: average tf·idf per article; Radev keeps only the terms
       above a threshold -- here the top values are those with df >= 2 or
       above the mean, which plays the same role on small clusters. */
    double *cen = arena_calloc(a, m->nterm ? m->nterm : 1, sizeof *cen);
    if (!cen)
        return -1;
    double nart = m->nart ? (double)m->nart : 1;
    double mean = 0;
    for (uint32_t t = 0; t < m->nterm; t++) {
        cen[t] = (double)m->term_tf[t] * idf[t] / nart;
        mean += cen[t];
    }
    mean = m->nterm ? mean / m->nterm : 0;
    for (uint32_t t = 0; t < m->nterm; t++)
        if (cen[t] < mean)
            cen[t] = 0;
    double cmax = 0;
    for (size_t i = 0; i < m->ns; i++) {
        msent *s = &m->s[i];
        double c = 0;
        for (uint32_t k = 0; k < s->nset; k++)
            c += cen[s->set[k]];
        s->score = c;
        if (c > cmax)
            cmax = c;
    }
    for (size_t i = 0; i < m->ns; i++) {
        msent *s = &m->s[i];
        double n = (double)m->count[s->art];
        s->score += cmax * (n - s->pos) / n; /* positional value */
    }
    return 0;
}

int score_lexrank(model *m, const double *idf, arena *a)
{
    size_t ns = m->ns;
    for (size_t i = 0; i < ns; i++)
        m->s[i].score = 0;
    /* the nodes: sentences taken round robin by position, up to the cap */
    size_t nn = ns < LEXRANK_MAX_NODES ? ns : LEXRANK_MAX_NODES;
    uint32_t *node = arena_alloc(a, pmul(nn ? nn : 1, sizeof *node));
    if (!node)
        return -1;
    size_t k = 0;
    for (size_t pos = 0; k < nn; pos++)
        for (size_t art = 0; art < m->nart && k < nn; art++)
            if (pos < m->count[art])
                node[k++] = (uint32_t)(m->first[art] + pos);
    /* adjacency as a dense degree-normalised matrix: nn <= 1500 */
    float *adj = arena_calloc(a, pmul(nn, nn), sizeof *adj);
    double *deg = arena_calloc(a, nn ? nn : 1, sizeof *deg);
    double *p = arena_alloc(a, pmul(nn ? nn : 1, sizeof *p));
    double *q = arena_alloc(a, pmul(nn ? nn : 1, sizeof *q));
    if (!adj || !deg || !p || !q)
        return -1;
    for (size_t i = 0; i < nn; i++) {
        adj[i * nn + i] = 1;
        deg[i] = 1;
        for (size_t j = i + 1; j < nn; j++) {
            double c = model_cosine(m, &m->s[node[i]], &m->s[node[j]], idf);
            if (c >= LEXRANK_THRESHOLD) {
                adj[i * nn + j] = adj[j * nn + i] = 1;
                deg[i]++;
                deg[j]++;
            }
        }
    }
    for (size_t i = 0; i < nn; i++)
        p[i] = 1.0 / (double)nn;
    for (int it = 0; it < LEXRANK_ITERS; it++) {
        double diff = 0;
        for (size_t i = 0; i < nn; i++) {
            double sum = 0;
            for (size_t j = 0; j < nn; j++)
                if (adj[j * nn + i] != 0)
                    sum += p[j] / deg[j];
            q[i] = (1 - LEXRANK_DAMPING) / (double)nn + LEXRANK_DAMPING * sum;
            diff += fabs(q[i] - p[i]);
        }
        memcpy(p, q, nn * sizeof *p);
        if (diff < 1e-9)
            break;
    }
    for (size_t i = 0; i < nn; i++)
        m->s[node[i]].score = p[i];
    return 0;
}
