/*
 * dedup.c -- stage 4: cross-source redundancy.  Finds sentences that say
 * the same thing -- verbatim copies, lightly edited copies, one sentence
 * quoting another -- and joins them into groups (union-find).  The number
 * of distinct articles in a group is evidence of importance, and a summary
 * takes at most one sentence per group.
 *
 * Two sentences x, y (content-term sets, |x| <= |y|) are the same content
 * when their Jaccard similarity is at least t (default 0.5), or when x is
 * mostly contained in y: |x ∩ y| >= 0.75 |x| with |x| >= 5, or wholly
 * with |x| >= 4 (a quote
 * repeated inside a longer sentence, a sentence with a clause added).
 *
 * Exact copies are grouped whatever their length: sentences with fewer
 * than 3 content terms ("He declined to comment.", "Lol.") are too short
 * for the similarity rules, so they are grouped when their normalised text
 * (ASCII case folded, punctuation, quotation marks, dashes and spacing
 * reduced to one separator) is the same; longer ones when their term sets
 * are the same.
 *
 * Finding the near pairs without comparing all of them: exact copies
 * collapse first, then candidates come from prefix filtering (Bayardo, Ma
 * & Srikant, "Scaling Up All Pairs Similarity Search", WWW 2007; Chaudhuri
 * et al. ICDE 2006): with each set's terms in one global order, rarest
 * first, two sets that overlap in at least o·|x| terms must share one of
 * the first |x| - ceil(o·|x|) + 1 terms of x.  "Rarest" is the number of
 * sentences holding the term (the length of its posting list), not the
 * number of articles: in a one-article cluster every term is in one
 * article, and ordering by that picked common words with long lists (a
 * 2M-word article took 21 s, 90 % of it here).  Any fixed order gives the
 * same pairs; this one gives the shortest lists.
 *
 * Bounding the work: every pair that matches joins two groups (at most
 * ns - 1 times in all); posting-list entries already in x's group are
 * jumped over in runs (a run of one group stays one group, since groups
 * only merge, so each list remembers its runs); a candidate whose first
 * shared term leaves too few terms after it in either sentence is dropped
 * without comparing (positional filter).  What needs a cap is the rest:
 * x's lists are scanned, rarest first, until DEDUP_MAX_FAIL comparisons
 * of x failed or DEDUP_MAX_SCAN entries outside x's group did not match
 * (over all its lists; matches are free), so the work stays
 * O(sentences × DEDUP_MAX_SCAN) and a pair can be missed
 * only behind hundreds of sentences sharing x's rarest terms without
 * being copies of it (one long article of 2M words: 21 s before, see
 * bench/dedup.sh for today's figures).  Lightly
 * edited copies of one wire story (700 copies of its lead, each crediting
 * its outlet) join one group: the first copy scanned matches the others
 * instead of failing against them.  (Before, each list was cut at its
 * first 512 entries and a pair was tried only from its smaller side, so a
 * copy past the 512th was never compared with the first ones.)
 */
#include "dedup.h"

#define DEDUP_MAX_FAIL 64
#define DEDUP_MAX_SCAN 2048
#define DEDUP_CONTAIN 0.75
#define DEDUP_CONTAIN_MIN 5

/* |x ∩ y| for sorted sets, x the smaller; a count below `need` once it
   is certain not to reach it (the caller only asks whether it does).  When y is much larger (a
   sentence against a 1000-word run-on "sentence"), each term of x is
   looked up by galloping in y: O(|x| log |y|) instead of O(|x| + |y|). */
static uint32_t overlap(const msent *x, const msent *y, uint32_t need)
{
    uint32_t i = 0, j = 0, o = 0;
    if (y->nset > 16 * x->nset) {
        for (; i < x->nset && j < y->nset; i++) {
            uint32_t v = x->set[i], step = 1, hi = j;
            while (hi < y->nset && y->set[hi] < v) {
                j = hi + 1;
                hi += step;
                step *= 2;
            }
            if (hi > y->nset)
                hi = y->nset;
            while (j < hi) { /* first index in [j, hi) with y->set >= v */
                uint32_t mid = j + (hi - j) / 2;
                if (y->set[mid] < v)
                    j = mid + 1;
                else
                    hi = mid;
            }
            if (j < y->nset && y->set[j] == v) {
                o++;
                j++;
            }
        }
        return o;
    }
    while (i < x->nset && j < y->nset) {
        if (x->set[i] == y->set[j]) {
            o++;
            i++;
            j++;
        } else if (x->set[i] < y->set[j]) {
            i++;
            if (o + x->nset - i < need)
                break; /* cannot reach need any more */
        } else {
            j++;
            if (o + y->nset - j < need)
                break;
        }
    }
    return o;
}

static int same_content(const msent *x, const msent *y, double t)
{
    const msent *a = x->nset <= y->nset ? x : y, *b = a == x ? y : x;
    if (a->nset == 0)
        return 0;
    /* the least overlap any rule below accepts */
    uint32_t need = (uint32_t)(t * (a->nset + b->nset) / (1 + t) - 1e-9);
    if (a->nset >= 4 && need > a->nset)
        need = a->nset;
    if (a->nset >= DEDUP_CONTAIN_MIN && need > (uint32_t)(DEDUP_CONTAIN * a->nset - 1e-9))
        need = (uint32_t)(DEDUP_CONTAIN * a->nset - 1e-9);
    uint32_t o = overlap(a, b, need);
    double jac = (double)o / (double)(a->nset + b->nset - o);
    if (jac >= t && a->nset >= 3)
        return 1;
    if (a->nset >= 4 && o == a->nset)
        return 1; /* wholly contained: a copy with a clause added */
    return a->nset >= DEDUP_CONTAIN_MIN && (double)o >= DEDUP_CONTAIN * a->nset;
}

/* Whether two sets of sizes nx and ny sharing at most `ub` terms can
   pass same_content (with the same rules and rounding). */
static int may_match(uint32_t nx, uint32_t ny, uint32_t ub, double t)
{
    uint32_t lo = nx < ny ? nx : ny;
    if (lo >= 3 && ub * (1 + t) >= t * (nx + ny) - 1e-9)
        return 1;
    if (lo >= 4 && ub >= lo)
        return 1;
    return lo >= DEDUP_CONTAIN_MIN && ub >= DEDUP_CONTAIN * lo - 1e-9;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The normalised text of a sentence, one byte at a time: ASCII letters
   folded to lower case, digits and other non-ASCII bytes as they are, and
   every run of ASCII punctuation or space, curly quotation marks, dashes
   (U+2010..U+201F) and no-break spaces as one ' ' (none at either end).
   Returns the next byte, or -1 at the end; *i is the position in s. */
static int norm_byte(const char *s, size_t n, size_t *i, int *pending)
{
    for (;;) {
        if (*i >= n)
            return -1;
        unsigned char c = (unsigned char)s[*i];
        size_t k = 0;
        if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9')))
            k = 1;
        else if (c == 0xE2 && *i + 2 < n && (unsigned char)s[*i + 1] == 0x80 &&
                 (unsigned char)s[*i + 2] >= 0x90 && (unsigned char)s[*i + 2] <= 0x9F)
            k = 3;
        else if (c == 0xC2 && *i + 1 < n && (unsigned char)s[*i + 1] == 0xA0)
            k = 2;
        if (k) {
            *i += k;
            if (*pending == 0)
                *pending = 1; /* a separator, written before the next byte */
            continue;
        }
        if (*pending == 1) {
            *pending = 2;
            return ' ';
        }
        *pending = 2;
        (*i)++;
        return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
    }
}

/* The start state of norm_byte: 3 = no separator before the first byte. */
#define NORM_START 3

static uint64_t norm_hash(const char *s, size_t n)
{
    uint64_t h = 0x51ed270b27a4c1d3ULL;
    size_t i = 0;
    int st = NORM_START, c;
    while ((c = norm_byte(s, n, &i, &st)) >= 0)
        h = (h ^ (uint64_t)c) * 0x100000001b3ULL;
    return hash_mix(h);
}

static int norm_equal(const char *x, size_t nx, const char *y, size_t ny)
{
    size_t i = 0, j = 0;
    int sx = NORM_START, sy = NORM_START;
    for (;;) {
        int a = norm_byte(x, nx, &i, &sx), b = norm_byte(y, ny, &j, &sy);
        if (a != b)
            return 0;
        if (a < 0)
            return 1;
    }
}

static const char *sent_text(const precis_cluster *c, const msent *s, size_t *n)
{
    const char *t = precis_cluster_article_text(c, s->art, NULL);
    *n = s->end - s->start;
    return t + s->start;
}

/* What the steps of dedup_groups hand on to each other. */
typedef struct dstate {
    model *m;
    const precis_cluster *c;
    double t;          /* the Jaccard threshold */
    arena *a;
    uint32_t *parent;  /* union-find over sentences */
    uint8_t *rep;      /* 1 = a representative in the near-copy search */
    size_t total;      /* terms of all representatives */
    size_t *ostart;    /* representative i's ordered terms: oterm[ostart[i]..] */
    uint32_t *oterm;
    size_t *pstart;    /* term k's posting list: post[pstart[k]..pstart[k+1]) */
    uint32_t *post, *ppos;
} dstate;

/* Step 1: exact copies collapse, by the hash of the distinct term set (3
   terms or more) or of the normalised text (shorter sentences); the
   first of each set of copies with 3 terms or more is a representative. */
static int dedup_exact(dstate *d)
{
    model *m = d->m;
    size_t ns = m->ns;
    size_t cap = 64;
    while (cap < ns * 2)
        cap *= 2;
    uint64_t *hk = arena_alloc(d->a, pmul(cap, sizeof *hk));
    uint32_t *hv = arena_alloc(d->a, pmul(cap, sizeof *hv));
    d->rep = arena_calloc(d->a, ns ? ns : 1, 1);
    if (!hk || !hv || !d->rep)
        return -1;
    memset(hv, 0xff, cap * sizeof *hv);
    for (size_t i = 0; i < ns; i++) {
        msent *s = &m->s[i];
        int by_set = s->nset >= 3;
        size_t tn = 0;
        const char *tx = by_set ? NULL : sent_text(d->c, s, &tn);
        uint64_t h = by_set ? hash_bytes(s->set, s->nset * sizeof *s->set)
                            : norm_hash(tx, tn) ^ 0x8a5cd789635d2dffULL;
        size_t k = (size_t)h & (cap - 1);
        int merged = 0;
        while (hv[k] != UINT32_MAX) {
            msent *o = &m->s[hv[k]];
            if (hk[k] == h && (o->nset >= 3) == by_set) {
                size_t on;
                const char *ot;
                if (by_set ? o->nset == s->nset &&
                                 !memcmp(o->set, s->set, s->nset * sizeof *s->set)
                           : (ot = sent_text(d->c, o, &on), norm_equal(ot, on, tx, tn))) {
                    uf_union(d->parent, hv[k], (uint32_t)i);
                    merged = 1;
                    break;
                }
            }
            k = (k + 1) & (cap - 1);
        }
        if (hv[k] == UINT32_MAX) {
            hk[k] = h;
            hv[k] = (uint32_t)i;
        }
        /* only sets of 3 terms or more take part in near-copy search */
        if (!merged && by_set)
            d->rep[i] = 1;
    }
    return 0;
}

/* Step 2a: each representative's terms in the global order, rarest first
   (posting-list length, then id), and the posting lists (CSR), each entry
   with the term's position in its sentence's ordered terms, for the
   positional filter. */
static int dedup_postings(dstate *d)
{
    const model *m = d->m;
    size_t ns = m->ns;
    uint32_t nterm = m->nterm;
    uint32_t *plen = arena_calloc(d->a, nterm ? nterm : 1, sizeof *plen);
    if (!plen)
        return -1;
    size_t total = 0;
    for (size_t i = 0; i < ns; i++)
        if (d->rep[i]) {
            for (uint32_t k = 0; k < m->s[i].nset; k++)
                plen[m->s[i].set[k]]++;
            total += m->s[i].nset;
        }
    d->total = total;
    size_t *ostart = d->ostart = arena_alloc(d->a, pmul(ns + 1, sizeof *ostart));
    uint32_t *oterm = d->oterm = arena_alloc(d->a, pmul(total ? total : 1, sizeof *oterm));
    uint64_t *keys = NULL;
    uint32_t keys_cap = 0;
    if (!ostart || !oterm)
        return -1;
    ostart[0] = 0;
    for (size_t i = 0; i < ns; i++) {
        const msent *x = &m->s[i];
        ostart[i + 1] = ostart[i] + (d->rep[i] ? x->nset : 0);
        if (!d->rep[i])
            continue;
        if (x->nset > keys_cap) {
            keys_cap = x->nset * 2;
            keys = arena_alloc(d->a, pmul(keys_cap, sizeof *keys));
            if (!keys)
                return -1;
        }
        for (uint32_t k = 0; k < x->nset; k++)
            keys[k] = (uint64_t)plen[x->set[k]] << 32 | x->set[k];
        qsort(keys, x->nset, sizeof *keys, cmp_u64);
        for (uint32_t k = 0; k < x->nset; k++)
            oterm[ostart[i] + k] = (uint32_t)keys[k];
    }
    size_t *pstart = d->pstart = arena_alloc(d->a, pmul((size_t)nterm + 1, sizeof *pstart));
    uint32_t *post = d->post = arena_alloc(d->a, pmul(total ? total : 1, sizeof *post));
    uint32_t *ppos = d->ppos = arena_alloc(d->a, pmul(total ? total : 1, sizeof *ppos));
    uint32_t *fill = arena_calloc(d->a, nterm ? nterm : 1, sizeof *fill);
    if (!pstart || !post || !ppos || !fill)
        return -1;
    pstart[0] = 0;
    for (uint32_t k = 0; k < nterm; k++)
        pstart[k + 1] = pstart[k] + plen[k];
    for (size_t i = 0; i < ns; i++)
        for (size_t k = ostart[i]; k < ostart[i + 1]; k++) {
            uint32_t tm = oterm[k];
            size_t q = pstart[tm] + fill[tm]++;
            post[q] = (uint32_t)i;
            ppos[q] = (uint32_t)(k - ostart[i]);
        }
    return 0;
}

/* Step 2b: near copies among representatives, by prefix filtering (see
   the top of the file for the rules and the bounds on the work). */
static int dedup_near(dstate *d)
{
    const model *m = d->m;
    size_t ns = m->ns;
    double t = d->t;
    uint32_t *parent = d->parent;
    const size_t *pstart = d->pstart;
    const uint32_t *post = d->post, *ppos = d->ppos;
    double o_min = 2 * t / (1 + t); /* Jaccard t => overlap >= o_min·|x| */
    if (o_min > DEDUP_CONTAIN)
        o_min = DEDUP_CONTAIN;
    uint32_t *mark = arena_calloc(d->a, ns ? ns : 1, sizeof *mark);
    uint32_t *run = arena_alloc(d->a, pmul(d->total ? d->total : 1, sizeof *run));
    if (!mark || !run)
        return -1;
    for (size_t q = 0; q < d->total; q++)
        run[q] = 1;
    for (size_t i = 0; i < ns; i++) {
        if (!d->rep[i])
            continue;
        const msent *x = &m->s[i];
        const uint32_t *ox = d->oterm + d->ostart[i];
        uint32_t nx = x->nset;
        uint32_t need = (uint32_t)(o_min * nx + 0.999999);
        uint32_t plen_x = nx - need + 1;
        if (plen_x > nx)
            plen_x = nx;
        uint32_t rx = uf_find(parent, (uint32_t)i);
        /* entries of x's lists looked at without a match, and failed
           comparisons among them, over all its lists */
        size_t fails = 0, looked = 0;
        for (uint32_t k = 0; k < plen_x && fails < DEDUP_MAX_FAIL && looked < DEDUP_MAX_SCAN;
             k++) {
            uint32_t tm = ox[k];
            size_t q = pstart[tm], e = pstart[tm + 1];
            while (q < e && fails < DEDUP_MAX_FAIL && looked < DEDUP_MAX_SCAN) {
                uint32_t y = post[q];
                if (uf_find(parent, y) == rx) {
                    /* a run of entries in x's group: jump over it, and
                       remember the whole run (groups only ever merge, so
                       it stays one group) */
                    size_t r0 = q;
                    do
                        q += run[q];
                    while (q < e && uf_find(parent, post[q]) == rx);
                    run[r0] = (uint32_t)(q - r0 < UINT32_MAX ? q - r0 : UINT32_MAX);
                    continue;
                }
                q++;
                if (mark[y] == i + 1)
                    continue;
                /* the first time y is met is at the first term x and y
                   share (in the global order): at most the terms after it
                   in both can be shared too (positional filter, Xiao et
                   al., "Efficient Similarity Joins for Near Duplicate
                   Detection", WWW 2008) */
                mark[y] = (uint32_t)i + 1;
                const msent *ys = &m->s[y];
                uint32_t ra = nx - k - 1, rb = ys->nset - ppos[q - 1] - 1;
                if (!may_match(nx, ys->nset, 1 + (ra < rb ? ra : rb), t)) {
                    looked++;
                    continue;
                }
                /* either side may find the pair (the larger side only adds
                   checks: same_content is symmetric) */
                if (same_content(x, ys, t)) {
                    uf_union(parent, (uint32_t)i, y);
                    rx = uf_find(parent, (uint32_t)i);
                } else {
                    fails++;
                    looked++;
                }
            }
        }
    }
    return 0;
}

/* Step 3: groups: each sentence's root, support (distinct articles) and
   each group's article list, in the order of the articles' first member. */
static int dedup_collect(dstate *d)
{
    model *m = d->m;
    size_t ns = m->ns;
    uint32_t *cnt = arena_calloc(d->a, ns ? ns : 1, sizeof *cnt);
    if (!cnt)
        return -1;
    for (size_t i = 0; i < ns; i++) {
        m->s[i].group = uf_find(d->parent, (uint32_t)i);
        cnt[m->s[i].group]++;
    }
    /* (group, article) pairs seen, so support counting stays linear even
       for one group of 10^5 sentences */
    size_t pcap = 64;
    while (pcap < ns * 2)
        pcap *= 2;
    dict pairs;
    if (dict_init(&pairs, pcap))
        return -1;
    int rc = 0;
    for (size_t i = 0; i < ns && !rc; i++) {
        uint32_t g = m->s[i].group;
        if (!m->group_arts[g]) {
            m->group_arts[g] = arena_alloc(d->a, pmul((size_t)cnt[g] + 1, sizeof(uint32_t)));
            if (!m->group_arts[g]) {
                rc = -1;
                break;
            }
        }
        uint64_t key = (uint64_t)g << 32 | m->s[i].art, h = hash_bytes(&key, sizeof key);
        dict_entry *e = dict_slot(&pairs, &key, sizeof key, h);
        if (e->len != DICT_EMPTY)
            continue;
        rc = dict_insert(&pairs, e, &key, sizeof key, h, 0);
        m->group_arts[g][m->support[g]++] = m->s[i].art;
    }
    dict_free(&pairs);
    if (rc)
        return -1;
    for (size_t i = 0; i < ns; i++)
        m->support[i] = m->support[m->s[i].group];
    return 0;
}

/* The driver: exact copies, then near copies among what is left, then
   the groups.  The exact-copy table of step 1 is not the generic dict
   (dict.c): two sentences are copies by a custom equality (the same
   normalised text, norm_equal), not by equal key bytes.  The (group,
   article) pairs of step 3 are a dict keyed by the pair's 8 bytes. */
precis_status dedup_groups(model *m, const precis_cluster *c, double t, arena *a)
{
    size_t ns = m->ns;
    if (t <= 0 || t > 1)
        t = 0.5;
    dstate d = {.m = m, .c = c, .t = t, .a = a};
    d.parent = arena_alloc(a, pmul(ns ? ns : 1, sizeof *d.parent));
    m->support = arena_calloc(a, ns ? ns : 1, sizeof *m->support);
    m->group_arts = arena_calloc(a, ns ? ns : 1, sizeof *m->group_arts);
    if (!d.parent || !m->support || !m->group_arts)
        return PRECIS_ENOMEM;
    for (size_t i = 0; i < ns; i++)
        d.parent[i] = (uint32_t)i;
    if (dedup_exact(&d) || dedup_postings(&d) || dedup_near(&d) || dedup_collect(&d))
        return PRECIS_ENOMEM;
    return PRECIS_OK;
}

precis_span dedup_evidence(const model *m, size_t si, size_t art)
{
    precis_span best = {0, 0};
    if (si >= m->ns || art >= m->nart)
        return best;
    const msent *x = &m->s[si];
    double bd = -1;
    for (size_t k = 0; k < m->count[art]; k++) {
        const msent *y = &m->s[m->first[art] + k];
        if (y->group != x->group)
            continue;
        uint32_t o = x->nset && y->nset ? overlap(x->nset <= y->nset ? x : y,
                                                  x->nset <= y->nset ? y : x, 0)
                                        : 0;
        double d = x->nset + y->nset ? 2.0 * o / (double)(x->nset + y->nset) : 0.0;
        if (d > bd) {
            bd = d;
            best.start = y->start;
            best.end = y->end;
        }
    }
    return best;
}
