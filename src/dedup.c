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
 * Finding the pairs without comparing all of them: exact copies collapse
 * first by hashing their term sets, then candidates come from prefix
 * filtering (Bayardo, Ma & Srikant, "Scaling Up All Pairs Similarity
 * Search", WWW 2007; Chaudhuri et al. ICDE 2006): with each set's terms in
 * increasing order of document frequency, two sets that overlap in at
 * least o·|x| terms must share one of the first |x| - ceil(o·|x|) + 1 terms
 * of x.  Those rare terms have short posting lists.  To bound the worst
 * case (thousands of sentences whose rarest terms are all common), each
 * posting list is scanned for at most DEDUP_MAX_SCAN entries, so the work
 * is O(sentences × prefix × DEDUP_MAX_SCAN) at most: a pair hidden behind
 * such a list can be missed, never a wrong pair reported.
 */
#include "model.h"

#define DEDUP_MAX_SCAN 512
#define DEDUP_CONTAIN 0.75
#define DEDUP_CONTAIN_MIN 5

static uint32_t overlap(const msent *x, const msent *y)
{
    uint32_t i = 0, j = 0, o = 0;
    while (i < x->nset && j < y->nset) {
        if (x->set[i] == y->set[j]) {
            o++;
            i++;
            j++;
        } else if (x->set[i] < y->set[j]) {
            i++;
        } else {
            j++;
        }
    }
    return o;
}

static int same_content(const msent *x, const msent *y, double t)
{
    const msent *a = x->nset <= y->nset ? x : y, *b = a == x ? y : x;
    if (a->nset == 0)
        return 0;
    uint32_t o = overlap(a, b);
    double jac = (double)o / (double)(a->nset + b->nset - o);
    if (jac >= t && a->nset >= 3)
        return 1;
    if (a->nset >= 4 && o == a->nset)
        return 1; /* wholly contained: a copy with a clause added */
    return a->nset >= DEDUP_CONTAIN_MIN && (double)o >= DEDUP_CONTAIN * a->nset;
}

precis_status dedup_groups(model *m, double t, arena *a)
{
    size_t ns = m->ns;
    if (t <= 0 || t > 1)
        t = 0.5;
    uint32_t *parent = arena_alloc(a, pmul(ns ? ns : 1, sizeof *parent));
    m->support = arena_calloc(a, ns ? ns : 1, sizeof *m->support);
    m->group_arts = arena_calloc(a, ns ? ns : 1, sizeof *m->group_arts);
    if (!parent || !m->support || !m->group_arts)
        return PRECIS_ENOMEM;
    for (size_t i = 0; i < ns; i++)
        parent[i] = (uint32_t)i;

    /* 1. exact copies: hash of the distinct term set */
    size_t cap = 64;
    while (cap < ns * 2)
        cap *= 2;
    uint64_t *hk = arena_alloc(a, pmul(cap, sizeof *hk));
    uint32_t *hv = arena_alloc(a, pmul(cap, sizeof *hv));
    uint8_t *rep = arena_calloc(a, ns ? ns : 1, 1); /* 1 = representative */
    if (!hk || !hv || !rep)
        return PRECIS_ENOMEM;
    memset(hv, 0xff, cap * sizeof *hv);
    for (size_t i = 0; i < ns; i++) {
        msent *s = &m->s[i];
        if (s->nset == 0)
            continue;
        uint64_t h = hash_bytes(s->set, s->nset * sizeof *s->set);
        size_t k = (size_t)h & (cap - 1);
        int merged = 0;
        while (hv[k] != UINT32_MAX) {
            msent *o = &m->s[hv[k]];
            if (hk[k] == h && o->nset == s->nset &&
                !memcmp(o->set, s->set, s->nset * sizeof *s->set)) {
                if (s->nset >= 3)
                    uf_union(parent, hv[k], (uint32_t)i);
                merged = s->nset >= 3;
                break;
            }
            k = (k + 1) & (cap - 1);
        }
        if (hv[k] == UINT32_MAX) {
            hk[k] = h;
            hv[k] = (uint32_t)i;
        }
        if (!merged)
            rep[i] = 1;
    }

    /* 2. near copies among representatives, by prefix filtering.
       Prefix terms: the rarest ones (by document frequency, then id). */
    double o_min = 2 * t / (1 + t); /* Jaccard t => overlap >= o_min·|x| */
    if (o_min > DEDUP_CONTAIN)
        o_min = DEDUP_CONTAIN;
    uint32_t nterm = m->nterm;
    uint32_t *plen = arena_calloc(a, nterm ? nterm : 1, sizeof *plen);
    if (!plen)
        return PRECIS_ENOMEM;
    /* posting lists over all terms of representatives (CSR layout) */
    size_t total = 0;
    for (size_t i = 0; i < ns; i++)
        if (rep[i]) {
            for (uint32_t k = 0; k < m->s[i].nset; k++)
                plen[m->s[i].set[k]]++;
            total += m->s[i].nset;
        }
    size_t *pstart = arena_alloc(a, pmul((size_t)nterm + 1, sizeof *pstart));
    uint32_t *post = arena_alloc(a, pmul(total ? total : 1, sizeof *post));
    uint32_t *fill = arena_calloc(a, nterm ? nterm : 1, sizeof *fill);
    if (!pstart || !post || !fill)
        return PRECIS_ENOMEM;
    pstart[0] = 0;
    for (uint32_t k = 0; k < nterm; k++)
        pstart[k + 1] = pstart[k] + plen[k];
    for (size_t i = 0; i < ns; i++)
        if (rep[i])
            for (uint32_t k = 0; k < m->s[i].nset; k++) {
                uint32_t tm = m->s[i].set[k];
                post[pstart[tm] + fill[tm]++] = (uint32_t)i;
            }
    uint32_t *mark = arena_calloc(a, ns ? ns : 1, sizeof *mark);
    if (!mark)
        return PRECIS_ENOMEM;
    for (size_t i = 0; i < ns; i++) {
        msent *x = &m->s[i];
        if (!rep[i] || x->nset < 3)
            continue;
        /* keys: df << 32 | id, sorted ascending, packed in 64 bits */
        uint64_t *keys = (uint64_t *)arena_alloc(a, pmul(x->nset, sizeof(uint64_t)));
        if (!keys)
            return PRECIS_ENOMEM;
        for (uint32_t k = 0; k < x->nset; k++)
            keys[k] = (uint64_t)m->term_df[x->set[k]] << 32 | x->set[k];
        for (uint32_t p = 1; p < x->nset; p++) {
            uint64_t v = keys[p];
            uint32_t q = p;
            while (q > 0 && keys[q - 1] > v) {
                keys[q] = keys[q - 1];
                q--;
            }
            keys[q] = v;
        }
        uint32_t need = (uint32_t)(o_min * x->nset + 0.999999);
        uint32_t plen_x = x->nset - need + 1;
        if (plen_x > x->nset)
            plen_x = x->nset;
        for (uint32_t k = 0; k < plen_x; k++) {
            uint32_t tm = (uint32_t)keys[k];
            size_t b = pstart[tm], e = pstart[tm + 1];
            if (e - b > DEDUP_MAX_SCAN)
                e = b + DEDUP_MAX_SCAN;
            for (size_t q = b; q < e; q++) {
                uint32_t y = post[q];
                if (y == i || mark[y] == i + 1)
                    continue;
                mark[y] = (uint32_t)i + 1;
                const msent *ys = &m->s[y];
                /* consider each pair once, from its smaller side (ties by index) */
                if (ys->nset < x->nset || (ys->nset == x->nset && y < i))
                    continue;
                if (uf_find(parent, (uint32_t)i) == uf_find(parent, y))
                    continue;
                if (same_content(x, ys, t))
                    uf_union(parent, (uint32_t)i, y);
            }
        }
    }

    /* 3. groups: root, support (distinct articles), article lists */
    uint32_t *cnt = arena_calloc(a, ns ? ns : 1, sizeof *cnt);
    if (!cnt)
        return PRECIS_ENOMEM;
    for (size_t i = 0; i < ns; i++) {
        m->s[i].group = uf_find(parent, (uint32_t)i);
        cnt[m->s[i].group]++;
    }
    /* (group, article) pairs seen, so support counting stays linear even
       for one group of 10^5 sentences */
    size_t pcap = 64;
    while (pcap < ns * 2)
        pcap *= 2;
    uint64_t *pairs = arena_alloc(a, pmul(pcap, sizeof *pairs));
    if (!pairs)
        return PRECIS_ENOMEM;
    memset(pairs, 0xff, pcap * sizeof *pairs);
    for (size_t i = 0; i < ns; i++) {
        uint32_t g = m->s[i].group;
        if (!m->group_arts[g]) {
            m->group_arts[g] = arena_alloc(a, pmul((size_t)cnt[g] + 1, sizeof(uint32_t)));
            if (!m->group_arts[g])
                return PRECIS_ENOMEM;
        }
        uint64_t key = (uint64_t)g << 32 | m->s[i].art;
        size_t k = (size_t)hash_mix(key) & (pcap - 1);
        while (pairs[k] != UINT64_MAX && pairs[k] != key)
            k = (k + 1) & (pcap - 1);
        if (pairs[k] == key)
            continue;
        pairs[k] = key;
        m->group_arts[g][m->support[g]++] = m->s[i].art;
    }
    for (size_t i = 0; i < ns; i++)
        m->support[i] = m->support[m->s[i].group];
    return PRECIS_OK;
}
