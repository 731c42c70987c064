/*
 * analyze.c -- precis_analyze(): what a reader of many reports wants
 * beyond the summary.  Runs the analysis stages (quotes.h, facts.h, and
 * its own copies and timeline) on the summarizer's model of the cluster
 * and keeps the results in the analysis' own arena.
 *
 * Copies.  Each article becomes the set of its word 4-shingles, taken over
 * its content words (stop words dropped, stems), so light copy edits --
 * "on Saturday" for "Saturday", "said" for "says" -- do not hide a copy.
 * For every pair of articles we count the shingles in common exactly and
 * report resemblance |A&B|/|A|B| and both containments |A&B|/|A| (Broder,
 * "On the resemblance and containment of documents", 1997).  Exact sets,
 * not MinHash sketches: a news cluster has a handful to a few hundred
 * articles, the exact counts cost one sort of the shingles, and they have
 * no estimation error to explain away on a short fragment.  The pairs are
 * counted from the shingles' posting lists, so only pairs that share
 * something cost anything; articles past PRECIS_COPY_MAX_ARTICLES are not
 * compared (documented limit).
 *
 * Timeline.  Articles with a date (and time) come in date order; one
 * without a date takes the latest full date its text states, if any (it
 * was written on or after that day); one without either is placed by
 * content: before an article that contains it or that updates it, after
 * one it contains, else after the article it resembles most.
 * Each article then lists the sentences whose redundancy group no earlier
 * article carries, and the facts no earlier article stated.
 */
#include "analyze.h"
#include "facts.h"
#include "quotes.h"
#include "summary.h"

#include <stdio.h>

#define SHINGLE 4

struct precis_analysis {
    arena mem;
    precis_copy *copies;
    size_t ncopies;
    precis_quote *quotes;
    size_t nquotes;
    precis_fact *facts;
    size_t nfacts;
    precis_conflict *conflicts;
    size_t nconflicts;
    precis_timeline_entry *timeline;
    size_t ntimeline;
};

/* Verdict thresholds on shingle sets (tuned on the example clusters: a
   wire copy republished with light edits keeps > 80% of its shingles; an
   update keeps most of the early version). */
#define COPY_SAME 0.8      /* resemblance                          */
#define COPY_CONTAINED 0.6 /* containment of the smaller article   */
#define COPY_SHARES 0.08   /* containment of either, ...           */
#define COPY_SHARES_MIN 3  /* ... and at least this many shingles  */
#define COPY_UPDATE 0.4    /* containment of both: an update       */
#define COPY_UPDATE_SOURCE 0.15 /* ... of both, from one source   */

const char *precis_copy_kind_name(precis_copy_kind k)
{
    static const char *const names[] = {"independent", "shares", "a_in_b", "b_in_a", "same",
                                        "update"};
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "unknown";
}

const char *precis_fact_kind_name(precis_fact_kind k)
{
    static const char *const names[] = {"number", "date", "person", "org", "name", "place"};
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "unknown";
}

/* ---- copies ------------------------------------------------------------ */

typedef struct posting {
    uint64_t h;
    uint32_t art;
} posting;

static int cmp_posting(const void *pa, const void *pb)
{
    const posting *a = pa, *b = pb;
    if (a->h != b->h)
        return a->h < b->h ? -1 : 1;
    return (a->art > b->art) - (a->art < b->art);
}

static int dates_compatible(const char *d, const char *e);
static const char *art_date(const precis_cluster *c, size_t a);

/* An early version and its update (an outlet's story rewritten as it
   develops: the seed's 003 and 001 keep half of each other and each adds
   its own): both containments at least COPY_UPDATE; or at least
   COPY_UPDATE_SOURCE when both articles name the same source and their
   dates tell which came first.  Neither is contained in the other (that
   is A_IN_B / B_IN_A).  Why the dates: on Timeline17 (one outlet's
   articles, dates stripped) the pairs of one source sharing 15-40 % were
   ordered right by content (copy_earlier) only 29 times in 78; the pairs
   sharing 40 % or more, 7 times in 9. */
static int copy_update(const precis_cluster *c, const precis_copy *p)
{
    double lo = p->a_in_b < p->b_in_a ? p->a_in_b : p->b_in_a;
    if (lo >= COPY_UPDATE)
        return 1;
    const char *sa = precis_cluster_article_source(c, p->a);
    const char *sb = precis_cluster_article_source(c, p->b);
    const char *da = art_date(c, p->a), *db = art_date(c, p->b);
    return lo >= COPY_UPDATE_SOURCE && sa && sb && *sa && !strcmp(sa, sb) && da && db &&
           !dates_compatible(da, db);
}

/* Of an update pair, the earlier version: by date when the two dates
   differ (and one is not a coarser form of the other), else the one that
   keeps more of the other -- the update is the one with more of its own
   text -- and on a tie the lower index. */
static size_t copy_earlier(const precis_cluster *c, const precis_copy *p)
{
    const char *da = art_date(c, p->a), *db = art_date(c, p->b);
    if (da && db && !dates_compatible(da, db))
        return strcmp(da, db) < 0 ? p->a : p->b;
    return p->b_in_a > p->a_in_b ? p->b : p->a;
}

static precis_copy_kind copy_verdict(const precis_cluster *c, const precis_copy *p)
{
    if (p->resemblance >= COPY_SAME)
        return PRECIS_COPY_SAME;
    if (p->a_in_b >= COPY_CONTAINED && p->a_in_b >= p->b_in_a)
        return PRECIS_COPY_A_IN_B;
    if (p->b_in_a >= COPY_CONTAINED)
        return PRECIS_COPY_B_IN_A;
    if (copy_update(c, p))
        return PRECIS_COPY_UPDATE;
    if ((p->a_in_b >= COPY_SHARES || p->b_in_a >= COPY_SHARES) && p->shared >= COPY_SHARES_MIN)
        return PRECIS_COPY_SHARES;
    return PRECIS_COPY_INDEPENDENT;
}

static precis_status copies_find(const actx *x, precis_analysis *an)
{
    const model *m = x->m;
    size_t na = m->nart < PRECIS_COPY_MAX_ARTICLES ? m->nart : PRECIS_COPY_MAX_ARTICLES;
    if (na < 2)
        return PRECIS_OK;
    /* shingles of every article, over its content terms in text order */
    size_t total = 0;
    for (size_t a = 0; a < na; a++)
        for (size_t i = 0; i < m->count[a]; i++)
            total += m->s[m->first[a] + i].nterm;
    posting *p = arena_alloc(x->tmp, pmul(total ? total : 1, sizeof *p));
    uint32_t *size = arena_calloc(x->tmp, na, sizeof *size);
    if (!p || !size)
        return PRECIS_ENOMEM;
    size_t np = 0;
    for (size_t a = 0; a < na; a++) {
        uint32_t win[SHINGLE];
        size_t seen = 0;
        size_t start = np;
        for (size_t i = 0; i < m->count[a]; i++) {
            const msent *s = &m->s[m->first[a] + i];
            for (uint32_t t = 0; t < s->nterm; t++) {
                win[seen % SHINGLE] = s->term[t];
                seen++;
                if (seen < SHINGLE)
                    continue;
                uint64_t h = 0x9e3779b97f4a7c15ULL;
                for (size_t k = seen - SHINGLE; k < seen; k++)
                    h = hash_mix(h ^ win[k % SHINGLE]);
                p[np++] = (posting){h, (uint32_t)a};
            }
        }
        /* distinct shingles of this article */
        qsort(p + start, np - start, sizeof *p, cmp_posting);
        size_t w = start;
        for (size_t k = start; k < np; k++)
            if (w == start || p[w - 1].h != p[k].h)
                p[w++] = p[k];
        np = w;
        size[a] = (uint32_t)(np - start);
    }
    qsort(p, np, sizeof *p, cmp_posting);
    /* shared counts, upper triangle of na x na */
    size_t ntri = na * (na - 1) / 2;
    uint32_t *shared = arena_calloc(x->tmp, ntri, sizeof *shared);
    if (!shared)
        return PRECIS_ENOMEM;
#define TRI(i, j) ((i) * (2 * na - (i)-1) / 2 + ((j) - (i)-1))
    for (size_t k = 0; k < np;) {
        size_t e = k + 1;
        while (e < np && p[e].h == p[k].h)
            e++;
        for (size_t i = k; i < e; i++)
            for (size_t j = i + 1; j < e; j++)
                shared[TRI((size_t)p[i].art, (size_t)p[j].art)]++;
        k = e;
    }
    size_t n = 0;
    for (size_t t = 0; t < ntri; t++)
        n += shared[t] != 0;
    if (!n)
        return PRECIS_OK;
    an->copies = arena_alloc(&an->mem, pmul(n, sizeof *an->copies));
    if (!an->copies)
        return PRECIS_ENOMEM;
    for (size_t i = 0; i < na; i++)
        for (size_t j = i + 1; j < na; j++) {
            uint32_t s = shared[TRI(i, j)];
            if (!s)
                continue;
            precis_copy *c = &an->copies[an->ncopies++];
            c->a = i;
            c->b = j;
            c->shared = s;
            c->resemblance = (double)s / (double)(size[i] + size[j] - s);
            c->a_in_b = (double)s / size[i];
            c->b_in_a = (double)s / size[j];
            c->kind = copy_verdict(x->c, c);
            c->earlier = c->kind == PRECIS_COPY_UPDATE ? copy_earlier(x->c, c) : c->a;
        }
#undef TRI
    return PRECIS_OK;
}

/* ---- timeline ---------------------------------------------------------- */

static const precis_copy *find_copy(const precis_analysis *an, size_t a, size_t b)
{
    size_t lo = 0, hi = an->ncopies;
    if (a > b) {
        size_t t = a;
        a = b;
        b = t;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const precis_copy *c = &an->copies[mid];
        if (c->a < a || (c->a == a && c->b < b))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < an->ncopies && an->copies[lo].a == a && an->copies[lo].b == b
               ? &an->copies[lo]
               : NULL;
}

/* -1 when article a reads as an earlier version of b (b contains it), 1
   when b is the earlier one, 0 when the texts do not say. */
static int content_order(const precis_analysis *an, size_t a, size_t b)
{
    const precis_copy *c = find_copy(an, a, b);
    if (!c)
        return 0;
    int a_first = c->a == a;
    if (c->kind == PRECIS_COPY_A_IN_B)
        return a_first ? -1 : 1;
    if (c->kind == PRECIS_COPY_B_IN_A)
        return a_first ? 1 : -1;
    /* an early version and its update (copy_earlier) */
    if (c->kind == PRECIS_COPY_UPDATE)
        return c->earlier == a ? -1 : 1;
    return 0;
}

static double resemblance(const precis_analysis *an, size_t a, size_t b)
{
    const precis_copy *c = find_copy(an, a, b);
    return c ? c->resemblance : 0;
}

/* A date the timeline can use: present and not empty. */
static const char *art_date(const precis_cluster *c, size_t a)
{
    const char *d = precis_cluster_article_date(c, a);
    return d && *d ? d : NULL;
}

/* Two dates one of which may be a coarser form of the other ("2016-12"
   and "2016-12-30"): only the texts can order such articles. */
static int dates_compatible(const char *d, const char *e)
{
    size_t n = strlen(d), k = strlen(e);
    return !strncmp(d, e, n < k ? n : k);
}

typedef struct dkey {
    const char *date;
    size_t art;
} dkey;

/* Dates compare as if a coarser date were padded with a character above
   all others: "2026-03-14" (some time that day) comes after every time of
   that day, "2016" after every date of 2016.  Lexicographic order on the
   padded strings, so a total order. */
static int cmp_dkey(const void *pa, const void *pb)
{
    const dkey *a = pa, *b = pb;
    const unsigned char *x = (const unsigned char *)a->date, *y = (const unsigned char *)b->date;
    while (*x && *x == *y) {
        x++;
        y++;
    }
    if (*x != *y) {
        if (!*x)
            return 1; /* a is the coarser: after */
        if (!*y)
            return -1;
        return *x < *y ? -1 : 1;
    }
    return (a->art > b->art) - (a->art < b->art);
}

/* Longest run of compatible dates reordered by content; longer runs keep
   date-then-index order (the reordering is quadratic in the run). */
#define TIMELINE_RUN_MAX 64

/* The story order.  Dated articles: sorted by date (a total order, then
   by index); within a run of equal or compatible dates, an article that
   another contains moves before it.  Undated articles, in index order:
   after the last placed article they contain, else before the first that
   contains them, else after the one they resemble most, else at the end
   (clusters past PRECIS_COPY_MAX_ARTICLES: at the end).  O(n log n) for
   dated clusters; the undated placement is O(n) per article and only
   runs when copies were computed (n <= PRECIS_COPY_MAX_ARTICLES). */
/* A full date ("2009-06-25") as the facts key it. */
static int full_date(const char *k)
{
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? k[i] != '-' : !(k[i] >= '0' && k[i] <= '9'))
            return 0;
    return k[10] == '\0';
}

/* For each article, the latest full date its text states (est[a], NULL if
   none): an article is written on or after the last day it names, so an
   undated one is placed as if dated so (Timeline17, dates stripped:
   bench/timeline.sh). */
static void stated_dates(const precis_analysis *an, size_t na, const char **est)
{
    for (size_t i = 0; i < an->nfacts; i++) {
        const precis_fact *f = &an->facts[i];
        if (f->kind != PRECIS_FACT_DATE || !full_date(f->key))
            continue;
        for (size_t k = 0; k < f->n_mentions; k++) {
            size_t a = f->mentions[k].article;
            if (a < na && (!est[a] || strcmp(f->key, est[a]) > 0))
                est[a] = f->key;
        }
    }
}

static precis_status timeline_order(const actx *x, const precis_analysis *an, size_t *order)
{
    const precis_cluster *c = x->c;
    size_t na = x->m->nart, n = 0;
    dkey *dk = arena_alloc(x->tmp, pmul(na ? na : 1, sizeof *dk));
    const char **est = arena_calloc(x->tmp, na ? na : 1, sizeof *est);
    if (!dk || !est)
        return PRECIS_ENOMEM;
    stated_dates(an, na, est);
    for (size_t a = 0; a < na; a++)
        if (art_date(c, a))
            dk[n++] = (dkey){art_date(c, a), a};
        else if (est[a])
            dk[n++] = (dkey){est[a], a};
    qsort(dk, n, sizeof *dk, cmp_dkey);
    for (size_t i = 0; i < n; i++)
        order[i] = dk[i].art;
    /* content order inside runs of compatible dates */
    for (size_t r = 0; r < n;) {
        size_t e = r + 1;
        while (e < n && e - r < TIMELINE_RUN_MAX && dates_compatible(dk[e - 1].date, dk[e].date))
            e++;
        for (size_t i = r + 1; i < e; i++)
            for (size_t j = i; j > r && content_order(an, order[j], order[j - 1]) < 0; j--) {
                size_t t = order[j];
                order[j] = order[j - 1];
                order[j - 1] = t;
            }
        r = e;
    }
    int placeable = na <= PRECIS_COPY_MAX_ARTICLES;
    for (size_t a = 0; a < na; a++) {
        if (art_date(c, a) || est[a])
            continue;
        size_t pos = n; /* default: at the end */
        if (placeable) {
            size_t after = n, before = n;
            double best = 0;
            size_t near = n;
            for (size_t k = 0; k < n; k++) {
                int co = content_order(an, a, order[k]);
                if (co > 0)
                    after = k; /* a contains it: a comes later */
                else if (co < 0 && before == n)
                    before = k;
                double rs = resemblance(an, a, order[k]);
                if (rs > best) {
                    best = rs;
                    near = k;
                }
            }
            if (after < n)
                pos = after + 1;
            else if (before < n)
                pos = before;
            else if (near < n)
                pos = near + 1;
        }
        memmove(order + pos + 1, order + pos, (n - pos) * sizeof *order);
        order[pos] = a;
        n++;
    }
    return PRECIS_OK;
}

static precis_status timeline_build(const actx *x, precis_analysis *an)
{
    const model *m = x->m;
    const precis_cluster *c = x->c;
    size_t na = m->nart;
    size_t *order = arena_alloc(x->tmp, pmul(na ? na : 1, sizeof *order));
    size_t *rank = arena_alloc(x->tmp, pmul(na ? na : 1, sizeof *rank));
    if (!order || !rank)
        return PRECIS_ENOMEM;
    precis_status st = timeline_order(x, an, order);
    if (st)
        return st;
    for (size_t k = 0; k < na; k++)
        rank[order[k]] = k;

    an->timeline = arena_calloc(&an->mem, na ? na : 1, sizeof *an->timeline);
    if (!an->timeline)
        return PRECIS_ENOMEM;
    an->ntimeline = na;

    /* each redundancy group's earliest rank: a sentence is new when its
       own article is the earliest one carrying its group */
    size_t *grank = arena_alloc(x->tmp, pmul(m->ns ? m->ns : 1, sizeof *grank));
    if (!grank)
        return PRECIS_ENOMEM;
    for (size_t i = 0; i < m->ns; i++)
        grank[i] = SIZE_MAX;
    for (size_t i = 0; i < m->ns; i++) {
        size_t g = m->s[i].group, r = rank[m->s[i].art];
        if (r < grank[g])
            grank[g] = r;
    }

    /* facts first stated by each article (counting sort by that article,
       facts keep their order) */
    size_t *start = arena_calloc(x->tmp, na + 1, sizeof *start);
    size_t *fact_first = arena_alloc(x->tmp, pmul(an->nfacts ? an->nfacts : 1, sizeof(size_t)));
    size_t *lists = an->nfacts ? arena_alloc(&an->mem, pmul(an->nfacts, sizeof *lists)) : NULL;
    if (!start || !fact_first || (an->nfacts && !lists))
        return PRECIS_ENOMEM;
    for (size_t f = 0; f < an->nfacts; f++) {
        const precis_fact *ft = &an->facts[f];
        size_t best = ft->article < na ? ft->article : 0;
        for (size_t k = 0; k < ft->n_articles; k++)
            if (ft->articles[k] < na && rank[ft->articles[k]] < rank[best])
                best = ft->articles[k];
        fact_first[f] = best;
        start[best + 1]++;
    }
    for (size_t a = 0; a < na; a++)
        start[a + 1] += start[a];
    for (size_t f = 0; f < an->nfacts; f++)
        lists[start[fact_first[f]]++] = f;
    /* start[a] is now the end of a's list; its beginning is start[a-1] */

    for (size_t k = 0; k < na; k++) {
        size_t a = order[k];
        precis_timeline_entry *e = &an->timeline[k];
        e->article = a;
        const char *d = art_date(c, a);
        e->dated = d != NULL;
        if (d && !(e->when = arena_strndup(&an->mem, d, strlen(d))))
            return PRECIS_ENOMEM;
        size_t cnt = 0;
        precis_span *sp = arena_alloc(&an->mem, pmul(m->count[a] ? m->count[a] : 1, sizeof *sp));
        if (!sp)
            return PRECIS_ENOMEM;
        for (size_t i = 0; i < m->count[a]; i++) {
            const msent *s = &m->s[m->first[a] + i];
            if (!(s->flags & SENT_JUNK) && grank[s->group] == k)
                sp[cnt++] = (precis_span){s->start, s->end};
        }
        e->added = cnt ? sp : NULL;
        e->n_added = cnt;
        size_t b0 = a ? start[a - 1] : 0, b1 = start[a];
        e->new_facts = b1 > b0 ? lists + b0 : NULL;
        e->n_new_facts = b1 - b0;
    }
    return PRECIS_OK;
}

/* ---- driver ------------------------------------------------------------ */

/* ---- speakers ------------------------------------------------------------
 * The quote stage names a speaker as its own article does ("Petrosyan" in
 * a fragment that never gives the first name); the fact stage merged the
 * spellings of every person across the cluster.  A speaker becomes that
 * person's canonical name when it is one of its spellings or, for a bare
 * surname, when exactly one person has that last word. */

static const char *last_word(const char *s)
{
    const char *sp = strrchr(s, ' ');
    return sp ? sp + 1 : s;
}

/* The surname of a full name: its last word, or the one before a final
   dotted suffix ("Jesse Jackson Jr." -> "Jackson"), so that a bare
   "Jackson" is ambiguous between him and "Sandra Jackson".  In tmp when
   it is not a suffix of s; NULL when out of memory. */
static const char *surname(const char *s, arena *tmp)
{
    const char *w = last_word(s);
    size_t n = strlen(w);
    if (w == s || n < 3 || n > 4 || w[n - 1] != '.')
        return w;
    const char *e = w - 1, *b = e;
    while (b > s && b[-1] != ' ')
        b--;
    return b < e ? arena_strndup(tmp, b, (size_t)(e - b)) : w;
}

typedef struct sname {
    const char *name; /* a spelling, or a last word */
    const char *key;  /* the person's canonical name; NULL = ambiguous */
} sname;

static int cmp_sname(const void *pa, const void *pb)
{
    const sname *a = pa, *b = pb;
    int c = strcmp(a->name, b->name);
    if (c)
        return c;
    if (a->key == b->key)
        return 0;
    return !a->key ? -1 : !b->key ? 1 : strcmp(a->key, b->key);
}

/* Sorts and collapses v[0..n): one entry per name, key NULL when the name
   leads to two people.  Returns the new count. */
static size_t snames_unique(sname *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_sname);
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (w && !strcmp(v[w - 1].name, v[i].name)) {
            if (v[w - 1].key && v[i].key && strcmp(v[w - 1].key, v[i].key))
                v[w - 1].key = NULL;
            continue;
        }
        v[w++] = v[i];
    }
    return w;
}

static const char *sname_find(const sname *v, size_t n, const char *name)
{
    sname k = {name, NULL};
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(v[mid].name, k.name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && !strcmp(v[lo].name, name) ? v[lo].key : NULL;
}

/* O((persons + quotes) log persons): spellings and last words are two
   sorted tables. */
static precis_status speakers_canonical(precis_analysis *an, arena *tmp)
{
    size_t nfull = 0, nlast = 0;
    for (size_t f = 0; f < an->nfacts; f++)
        if (an->facts[f].kind == PRECIS_FACT_PERSON && an->facts[f].key) {
            nfull += 1 + an->facts[f].n_variants;
            nlast++;
        }
    if (!nfull || !an->nquotes)
        return PRECIS_OK;
    sname *full = arena_alloc(tmp, pmul(nfull, sizeof *full));
    sname *last = arena_alloc(tmp, pmul(nlast, sizeof *last));
    if (!full || !last)
        return PRECIS_ENOMEM;
    size_t i = 0, j = 0;
    for (size_t f = 0; f < an->nfacts; f++) {
        const precis_fact *ft = &an->facts[f];
        if (ft->kind != PRECIS_FACT_PERSON || !ft->key)
            continue;
        full[i++] = (sname){ft->key, ft->key};
        for (size_t v = 0; v < ft->n_variants; v++)
            full[i++] = (sname){ft->variants[v], ft->key};
        const char *sn = surname(ft->key, tmp);
        if (!sn)
            return PRECIS_ENOMEM;
        last[j++] = (sname){sn, ft->key};
    }
    nfull = snames_unique(full, nfull);
    nlast = snames_unique(last, nlast);
    for (size_t q = 0; q < an->nquotes; q++) {
        const char *sp = an->quotes[q].speaker;
        if (!sp)
            continue;
        const char *key = sname_find(full, nfull, sp);
        if (!key && !strchr(sp, ' '))
            key = sname_find(last, nlast, sp);
        if (key)
            an->quotes[q].speaker = key;
    }
    return PRECIS_OK;
}

/* Runs the stages on model m; on success *out is the new analysis. */
static precis_status analysis_run(const precis_cluster *c, const model *m, norm *nm, arena *tmp,
                                  void **cache, char *err, precis_analysis **out)
{
    precis_analysis *an = pcalloc(1, sizeof *an);
    if (!an)
        return PRECIS_ENOMEM;
    arena_init(&an->mem, 1 << 16);
    lex_doc lx;
    precis_status st = lex_cluster(&lx, c, m, norm_lang(nm), 0);
    if (st) {
        precis_analysis_free(an);
        return st;
    }
    actx x = {c, m, nm, &an->mem, tmp, err, cache, &lx};
    st = copies_find(&x, an);
    if (!st)
        st = quotes_find(&x, &an->quotes, &an->nquotes);
    if (!st)
        st = facts_find(&x, &an->facts, &an->nfacts, &an->conflicts, &an->nconflicts);
    if (!st)
        st = speakers_canonical(an, tmp);
    if (!st)
        st = timeline_build(&x, an);
    lex_doc_free(&lx);
    if (st) {
        precis_analysis_free(an);
        return st;
    }
    *out = an;
    return PRECIS_OK;
}

precis_status precis_summarize_analyze(precis_summarizer *s, const precis_cluster *c,
                                       precis_summary **sum, precis_analysis **out)
{
    if (!s || !c || !out)
        return PRECIS_EINVAL;
    *out = NULL;
    if (sum)
        *sum = NULL;
    summarizer_set_error(s, "");
    if (precis_cluster_size(c) == 0) {
        summarizer_set_error(s, "the cluster has no articles");
        return PRECIS_EEMPTY;
    }
    model m;
    norm *nm;
    arena *tmp;
    char err[PRECIS_ERRMAX] = "";
    int units = sum && summarizer_units(s);
    precis_status st = summarizer_model(s, c, &m, &nm, &tmp, units);
    if (!st && sum)
        st = summary_from_model(s, c, &m, sum);
    /* the summary owns what it hands out, so the arena may be reused for
       the analysis' model of the sentences as split */
    if (!st && units)
        st = summarizer_model(s, c, &m, &nm, &tmp, 0);
    if (!st) {
        st = analysis_run(c, &m, nm, tmp, summarizer_cache(s), err, out);
        if (st)
            summarizer_set_error(s, err[0] ? err : precis_strerror(st));
    }
    if (st && sum) {
        precis_summary_free(*sum);
        *sum = NULL;
    }
    return st;
}

precis_status precis_analyze(precis_summarizer *s, const precis_cluster *c,
                             precis_analysis **out)
{
    return precis_summarize_analyze(s, c, NULL, out);
}

void precis_analysis_free(precis_analysis *an)
{
    if (!an)
        return;
    arena_free(&an->mem);
    pfree(an);
}

#define ACCESSOR(name, type, arr, cnt)                                                         \
    size_t precis_analysis_##name(const precis_analysis *an, const type **out)                 \
    {                                                                                          \
        if (out)                                                                               \
            *out = an && an->cnt ? an->arr : NULL;                                             \
        return an ? an->cnt : 0;                                                               \
    }
ACCESSOR(copies, precis_copy, copies, ncopies)
ACCESSOR(quotes, precis_quote, quotes, nquotes)
ACCESSOR(facts, precis_fact, facts, nfacts)
ACCESSOR(conflicts, precis_conflict, conflicts, nconflicts)
ACCESSOR(timeline, precis_timeline_entry, timeline, ntimeline)
#undef ACCESSOR
