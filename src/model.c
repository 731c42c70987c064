/*
 * model.c -- stages 2 and 3 of the pipeline: split each article into
 * sentences (split.c) and reduce each sentence's words to term ids
 * (norm.c), then gather what scoring needs: content terms, bigram
 * concepts, and how many articles carry each.
 *
 * Concepts are bigrams of stemmed words in which at least one word is not
 * a stop word, following the concept-based summarizers of Gillick & Favre
 * ("A Scalable Global Model for Summarization", ILP for NLP 2009), whose
 * weights are the number of documents containing the concept.
 *
 * What a sentence is besides its words -- page furniture, a dateline to
 * cut, style flags -- is quality.c's; model_build stores its verdicts.
 *
 * Everything is linear in the input: one pass over the text, hash look-ups
 * per word, counting by generation stamps instead of clearing arrays.
 */
#include "model.h"
#include "quality.h"
#include "readable.h"
#include "split.h"

#include <math.h>

typedef struct span_vec {
    precis_span *v;
    size_t n, cap;
    int oom;
} span_vec;

static int collect_span(void *ud, size_t start, size_t end)
{
    span_vec *sv = ud;
    if (sv->n == sv->cap) {
        size_t cap = sv->cap ? sv->cap * 2 : 64;
        precis_span *nv = prealloc(sv->v, pmul(cap, sizeof *nv));
        if (!nv) {
            sv->oom = 1;
            return -1;
        }
        sv->v = nv;
        sv->cap = cap;
    }
    sv->v[sv->n].start = start;
    sv->v[sv->n].end = end;
    sv->n++;
    return 0;
}

/* word collection for one sentence */
typedef struct tok_vec {
    uint32_t *stem;
    uint8_t *stop;
    size_t n, cap;
} tok_vec;

static int tok_fit(tok_vec *tv, size_t need)
{
    if (need <= tv->cap)
        return 0;
    size_t cap = tv->cap ? tv->cap * 2 : 256;
    while (cap < need)
        cap *= 2;
    uint32_t *ns = prealloc(tv->stem, pmul(cap, sizeof *ns));
    if (!ns)
        return -1;
    tv->stem = ns;
    uint8_t *np = prealloc(tv->stop, cap);
    if (!np)
        return -1;
    tv->stop = np;
    tv->cap = cap;
    return 0;
}

static int collect_tok(void *ud, uint32_t stem, int stop, size_t start, size_t end)
{
    PRECIS_UNUSED(start);
    PRECIS_UNUSED(end);
    tok_vec *tv = ud;
    if (tok_fit(tv, tv->n + 1))
        return -1;
    tv->stem[tv->n] = stem;
    tv->stop[tv->n] = (uint8_t)stop;
    tv->n++;
    return 0;
}

void model_memo_free(model_memo *mm)
{
    pfree(mm->afirst);
    pfree(mm->split);
    pfree(mm->alone);
    pfree(mm->u);
    pfree(mm->stem);
    pfree(mm->stop);
    memset(mm, 0, sizeof *mm);
}

void model_scratch_free(model_scratch *sc)
{
    pfree(sc->local);
    pfree(sc->stamp);
    memset(sc, 0, sizeof *sc);
}

static int scratch_fit(model_scratch *sc, size_t need)
{
    if (need <= sc->cap)
        return 0;
    size_t cap = sc->cap ? sc->cap : 4096;
    while (cap < need)
        cap *= 2;
    uint32_t *l = prealloc(sc->local, pmul(cap, sizeof *l));
    if (!l)
        return -1;
    sc->local = l;
    uint32_t *s = prealloc(sc->stamp, pmul(cap, sizeof *s));
    if (!s)
        return -1;
    memset(s + sc->cap, 0, (cap - sc->cap) * sizeof *s);
    sc->stamp = s;
    sc->cap = cap;
    return 0;
}

/* Per-id counters over the cluster: articles containing the id (df),
   occurrences (tf), and the last article counted (last, 1-based) so df
   counts each article once.  Grown together, new slots zeroed. */
typedef struct counters {
    uint32_t *df, *tf, *last;
    size_t cap;
} counters;

static int counters_fit(counters *k, size_t need)
{
    if (need <= k->cap)
        return 0;
    size_t nc = k->cap ? k->cap : 1024;
    while (nc < need)
        nc *= 2;
    uint32_t **arr[3] = {&k->df, &k->tf, &k->last};
    for (int i = 0; i < 3; i++) {
        uint32_t *p = prealloc(*arr[i], pmul(nc, sizeof *p));
        if (!p)
            return -1;
        memset(p + k->cap, 0, (nc - k->cap) * sizeof *p);
        *arr[i] = p;
    }
    k->cap = nc;
    return 0;
}

static void counters_free(counters *k)
{
    pfree(k->df);
    pfree(k->tf);
    pfree(k->last);
}

/* An open-addressing table from a bigram (two local term ids) to a dense
   concept id, sized for the cluster's token count.  Not the generic dict
   (dict.c): its keys are integers hashed by hash_mix, and a hash_bytes and
   memcmp per bigram would cost the summarizer's hottest loop. */
typedef struct ctab {
    uint64_t *key;
    uint32_t *val;
    size_t mask;
} ctab;

/* What the steps of model_build hand on to each other. */
typedef struct mbuild {
    model *m;
    const precis_cluster *c;
    norm *nm;
    model_scratch *sc;
    arena *a;
    span_vec sv;         /* one article's sentence spans            */
    tok_vec tv;          /* one sentence's words                    */
    precis_span **spans; /* per article: its sentences (units)      */
    uint8_t **broken;    /* per article and unit: quotation open    */
    size_t total_bytes;
    ctab ct;
    counters tk, kk; /* per term, per concept */
    uint32_t nterm, nconc;
    quality_index qx;
    model_memo *rec;       /* a build with units fills it ...          */
    const model_memo *use; /* ... for the build without units after it,
                              which makes no concepts (the analysis
                              reads none)                              */
} mbuild;

/* Keeps article i's sentences as split (sv) in the memo. */
static int memo_split(model_memo *mm, size_t i, const span_vec *sv)
{
    precis_span *sp = pgrow(mm->split, &mm->splitcap, mm->nsplit + sv->n, sizeof *sp);
    if (!sp)
        return -1;
    mm->split = sp;
    mm->afirst[i] = mm->nsplit;
    if (sv->n)
        memcpy(sp + mm->nsplit, sv->v, sv->n * sizeof *sp);
    mm->nsplit += sv->n;
    mm->afirst[i + 1] = mm->nsplit;
    return 0;
}

/* Of article i's split sentences, those that are a unit alone (sv: its
   units, in order, each from the start of its first sentence to the end
   of its last; base: the first one's model index). */
static int memo_alone(model_memo *mm, size_t i, const span_vec *sv, size_t base)
{
    uint32_t *al = pgrow(mm->alone, &mm->alonecap, mm->nsplit, sizeof *al);
    if (!al)
        return -1;
    mm->alone = al;
    size_t u = 0;
    for (size_t j = mm->afirst[i]; j < mm->afirst[i + 1]; j++) {
        const precis_span *x = &mm->split[j];
        al[j] = UINT32_MAX;
        if (u < sv->n && sv->v[u].start == x->start && sv->v[u].end == x->end)
            al[j] = (uint32_t)(base + u++);
        else if (u < sv->n && sv->v[u].end == x->end)
            u++;
    }
    return 0;
}

/* Step 1: splits every article into sentences (quotation units with
   units, readable_join), which sizes the sentence array. */
static int build_split(mbuild *b, int units)
{
    model *m = b->m;
    size_t nart = m->nart;
    b->spans = arena_calloc(b->a, nart ? nart : 1, sizeof *b->spans);
    b->broken = arena_calloc(b->a, nart ? nart : 1, sizeof *b->broken);
    if (!b->spans || !b->broken)
        return -1;
    model_memo *rec = b->rec;
    if (rec) {
        size_t *af = pgrow(rec->afirst, &rec->acap, nart + 1, sizeof *af);
        if (!af)
            return -1;
        rec->afirst = af;
        af[0] = 0;
        rec->nart = nart;
        rec->nsplit = rec->ntok = 0;
    }
    const lang_pack *pk = lang_get_pack(norm_lang(b->nm));
    for (size_t i = 0; i < nart; i++) {
        size_t len;
        const char *text = precis_cluster_article_text(b->c, i, &len);
        span_vec *sv = &b->sv;
        sv->n = 0;
        if (b->use) { /* split by the build with units */
            const model_memo *mm = b->use;
            for (size_t j = mm->afirst[i]; j < mm->afirst[i + 1]; j++)
                if (collect_span(sv, mm->split[j].start, mm->split[j].end))
                    return -1;
        } else if (split_text_lang(pk, text, len, collect_span, sv) || sv->oom) {
            return -1;
        }
        /* a quotation and the sentences up to its close: one unit */
        b->broken[i] = arena_calloc(b->a, sv->n ? sv->n : 1, 1);
        if (!b->broken[i])
            return -1;
        if (rec && memo_split(rec, i, sv))
            return -1;
        if (units)
            sv->n = readable_join(norm_lang(b->nm), text, sv->v, sv->n, b->broken[i]);
        if (rec && memo_alone(rec, i, sv, m->ns))
            return -1;
        m->first[i] = m->ns;
        m->count[i] = sv->n;
        m->ns += sv->n;
        b->total_bytes += len;
        b->spans[i] = arena_alloc(b->a, pmul(sv->n ? sv->n : 1, sizeof(precis_span)));
        if (!b->spans[i])
            return -1;
        if (sv->n)
            memcpy(b->spans[i], sv->v, sv->n * sizeof(precis_span));
    }
    m->s = arena_calloc(b->a, m->ns ? m->ns : 1, sizeof *m->s);
    if (rec) {
        model_memo_unit *u = pgrow(rec->u, &rec->ucap, m->ns, sizeof *u);
        if (!u)
            return -1;
        rec->u = u;
        rec->nu = m->ns;
    }
    return m->s ? 0 : -1;
}

/* Step 2: a new generation of the scratch's stamps, the junk patterns,
   the counters, and the concept table (at most one concept per token;
   none for the analysis' model, see mbuild.use). */
static int build_tables(mbuild *b)
{
    model_scratch *sc = b->sc;
    sc->gen++;
    if (sc->gen == 0) { /* wrapped: stamps from 2^32 clusters ago */
        memset(sc->stamp, 0, sc->cap * sizeof *sc->stamp);
        sc->gen = 1;
    }
    quality_init(&b->qx, lang_get_pack(norm_lang(b->nm)));
    if (counters_fit(&b->tk, 1024))
        return -1;
    if (b->use)
        return 0;
    size_t ccap = 1024;
    while (ccap < b->total_bytes / 2 + 16)
        ccap *= 2;
    b->ct.key = arena_alloc(b->a, pmul(ccap, sizeof(uint64_t)));
    b->ct.val = arena_alloc(b->a, pmul(ccap, sizeof(uint32_t)));
    b->ct.mask = ccap - 1;
    if (!b->ct.key || !b->ct.val)
        return -1;
    memset(b->ct.key, 0xff, ccap * sizeof(uint64_t));
    return counters_fit(&b->kk, 1024);
}

/* Step 3a: sentence k of article ai: its span (lead furniture cut off),
   words and flags (quality.c); as the memo has them when mu is set. */
static msent *build_sentence(mbuild *b, size_t ai, size_t k, const char *text, size_t tlen,
                             size_t *para, const model_memo_unit *mu)
{
    model *m = b->m;
    size_t idx = m->first[ai] + k;
    msent *s = &m->s[idx];
    s->art = (uint32_t)ai;
    s->pos = (uint32_t)k;
    s->start = b->spans[ai][k].start;
    s->end = b->spans[ai][k].end;
    s->group = (uint32_t)idx;
    if (mu) {
        s->start += mu->lead;
        s->words = mu->words;
        s->flags = mu->flags;
        s->quoted = mu->quoted;
    } else {
        size_t lead = quality_lead(&b->qx, text + s->start, s->end - s->start);
        s->start += lead;
        const char *p = text + s->start;
        size_t n = s->end - s->start;
        size_t w = norm_count_words(p, n);
        s->words = w > UINT32_MAX ? UINT32_MAX : (uint32_t)w;
        s->flags |= quality_flags(&b->qx, norm_lang(b->nm), p, n, s->words, &s->quoted);
        if (quality_heading(text, tlen, b->spans[ai][k].start, b->spans[ai][k].end, para))
            s->flags |= SENT_JUNK;
        if (b->rec)
            b->rec->u[idx] = (model_memo_unit){0, 0, (uint32_t)lead, s->words, s->flags,
                                               s->quoted};
    }
    if (k + 1 == m->count[ai])
        s->flags |= SENT_LAST;
    if (b->broken[ai][k])
        s->flags |= SENT_QBROKEN;
    return s;
}

/* Keeps unit idx's words (tv, as norm_tokens gave them) in the memo. */
static int memo_tokens(model_memo *mm, size_t idx, const tok_vec *tv)
{
    uint32_t *st = pgrow(mm->stem, &mm->stemcap, mm->ntok + tv->n, sizeof *st);
    if (!st)
        return -1;
    mm->stem = st;
    uint8_t *sp = pgrow(mm->stop, &mm->stopcap, mm->ntok + tv->n, 1);
    if (!sp)
        return -1;
    mm->stop = sp;
    if (tv->n) { /* tv's arrays are NULL before its first word */
        memcpy(st + mm->ntok, tv->stem, tv->n * sizeof *st);
        memcpy(sp + mm->ntok, tv->stop, tv->n);
    }
    mm->u[idx].tok = mm->ntok;
    mm->u[idx].ntok = (uint32_t)tv->n;
    mm->ntok += tv->n;
    return 0;
}

/* Step 3b: the sentence's words as local term ids (b->tv, stop words
   flagged; from the memo when mu is set); its content terms into
   s->term, counted per term. */
static int build_terms(mbuild *b, msent *s, const char *text, const model_memo_unit *mu)
{
    tok_vec *tv = &b->tv;
    model_scratch *sc = b->sc;
    tv->n = 0;
    if (mu) {
        if (tok_fit(tv, mu->ntok))
            return -1;
        if (mu->ntok) {
            memcpy(tv->stem, b->use->stem + mu->tok, mu->ntok * sizeof *tv->stem);
            memcpy(tv->stop, b->use->stop + mu->tok, mu->ntok);
        }
        tv->n = mu->ntok;
    } else if (norm_tokens(b->nm, text + s->start, s->end - s->start, collect_tok, tv) ||
               (b->rec && memo_tokens(b->rec, (size_t)(s - b->m->s), tv))) {
        return -1;
    }
    if (scratch_fit(sc, norm_stem_count(b->nm)))
        return -1;
    /* map to local ids; count content terms */
    uint32_t ncontent = 0;
    for (size_t t = 0; t < tv->n; t++) {
        uint32_t g = tv->stem[t];
        if (sc->stamp[g] != sc->gen) {
            sc->stamp[g] = sc->gen;
            sc->local[g] = b->nterm++;
        }
        tv->stem[t] = sc->local[g];
        if (!tv->stop[t])
            ncontent++;
    }
    if (counters_fit(&b->tk, b->nterm))
        return -1;
    s->nterm = ncontent;
    s->term = arena_alloc(b->a, pmul(ncontent ? ncontent : 1, sizeof *s->term));
    s->conc = arena_alloc(b->a, pmul(tv->n ? tv->n : 1, sizeof *s->conc));
    if (!s->term || !s->conc)
        return -1;
    uint32_t j = 0, art1 = s->art + 1;
    for (size_t t = 0; t < tv->n; t++) {
        if (tv->stop[t])
            continue;
        uint32_t id = tv->stem[t];
        s->term[j++] = id;
        b->tk.tf[id]++;
        if (b->tk.last[id] != art1) {
            b->tk.last[id] = art1;
            b->tk.df[id]++;
        }
    }
    return 0;
}

/* Step 3c: the sentence's bigram concepts (not both words stop words),
   distinct within the sentence, counted per concept. */
static int build_concepts(mbuild *b, msent *s)
{
    const tok_vec *tv = &b->tv;
    ctab *ct = &b->ct;
    counters *kk = &b->kk;
    uint32_t nc = 0, art1 = s->art + 1;
    for (size_t t = 0; t + 1 < tv->n; t++) {
        if (tv->stop[t] && tv->stop[t + 1])
            continue;
        uint64_t key = (uint64_t)tv->stem[t] << 32 | tv->stem[t + 1];
        size_t h = (size_t)hash_mix(key) & ct->mask;
        while (ct->key[h] != UINT64_MAX && ct->key[h] != key)
            h = (h + 1) & ct->mask;
        uint32_t cid;
        if (ct->key[h] == UINT64_MAX) {
            if (b->nconc >= ct->mask / 2)
                continue; /* table full: cannot happen with sizing */
            ct->key[h] = key;
            ct->val[h] = cid = b->nconc++;
            if (counters_fit(kk, b->nconc))
                return -1;
        } else {
            cid = ct->val[h];
        }
        kk->tf[cid]++;
        if (kk->last[cid] != art1) {
            kk->last[cid] = art1;
            kk->df[cid]++;
        }
        /* distinct within the sentence: linear scan of a short list */
        int dup = 0;
        for (uint32_t q = 0; q < nc; q++)
            if (s->conc[q] == cid) {
                dup = 1;
                break;
            }
        if (!dup)
            s->conc[nc++] = cid;
    }
    s->nconc = nc;
    return 0;
}

/* Step 4: the counts over the cluster into the model's arena. */
static int build_counts(mbuild *b)
{
    model *m = b->m;
    uint32_t nterm = b->nterm, nconc = b->nconc;
    m->nterm = nterm;
    m->nconc = nconc;
    m->term_df = arena_alloc(b->a, pmul(nterm ? nterm : 1, sizeof(uint32_t)));
    m->term_tf = arena_alloc(b->a, pmul(nterm ? nterm : 1, sizeof(uint32_t)));
    m->conc_df = arena_alloc(b->a, pmul(nconc ? nconc : 1, sizeof(uint32_t)));
    m->conc_tf = arena_alloc(b->a, pmul(nconc ? nconc : 1, sizeof(uint32_t)));
    if (!m->term_df || !m->term_tf || !m->conc_df || !m->conc_tf)
        return -1;
    memcpy(m->term_df, b->tk.df, nterm * sizeof(uint32_t));
    memcpy(m->term_tf, b->tk.tf, nterm * sizeof(uint32_t));
    if (nconc) {
        memcpy(m->conc_df, b->kk.df, nconc * sizeof(uint32_t));
        memcpy(m->conc_tf, b->kk.tf, nconc * sizeof(uint32_t));
    }
    return 0;
}

/* Step 5: each sentence's distinct term set, sorted, for similarity and
   the duplicate search. */
static int build_sets(mbuild *b)
{
    model *m = b->m;
    uint32_t *last = b->tk.last; /* reused as a mark, cleared after */
    for (size_t i = 0; i < m->ns; i++) {
        msent *s = &m->s[i];
        s->set = arena_alloc(b->a, pmul(s->nterm ? s->nterm : 1, sizeof *s->set));
        if (!s->set)
            return -1;
        uint32_t k = 0;
        for (uint32_t t = 0; t < s->nterm; t++) {
            uint32_t id = s->term[t];
            if (last[id] == UINT32_MAX - (uint32_t)(i % 2))
                continue; /* already in this set */
            last[id] = UINT32_MAX - (uint32_t)(i % 2);
            s->set[k++] = id;
        }
        for (uint32_t t = 0; t < k; t++)
            last[s->set[t]] = 0;
        /* insertion sort: sets are short */
        for (uint32_t x = 1; x < k; x++) {
            uint32_t v = s->set[x];
            uint32_t y = x;
            while (y > 0 && s->set[y - 1] > v) {
                s->set[y] = s->set[y - 1];
                y--;
            }
            s->set[y] = v;
        }
        s->nset = k;
    }
    return 0;
}

/* The driver: split, tables, then per sentence its flags, terms and
   concepts, then the cluster's counts and the term sets.  Every step
   returns -1 only when out of memory. */
precis_status model_build(model *m, const struct precis_cluster *c, norm *nm,
                          model_scratch *sc, arena *a, int units, model_memo *memo)
{
    memset(m, 0, sizeof *m);
    mbuild b = {.m = m, .c = c, .nm = nm, .sc = sc, .a = a};
    m->nart = precis_cluster_size(c);
    if (memo && units)
        b.rec = memo;
    else if (memo && memo->ok && memo->nart == m->nart)
        b.use = memo;
    if (memo)
        memo->ok = 0;
    m->first = arena_calloc(a, m->nart ? m->nart : 1, sizeof *m->first);
    m->count = arena_calloc(a, m->nart ? m->nart : 1, sizeof *m->count);
    int r = !m->first || !m->count || build_split(&b, units) || build_tables(&b);
    for (size_t ai = 0; !r && ai < m->nart; ai++) {
        size_t tlen, para = 0;
        const char *text = precis_cluster_article_text(c, ai, &tlen);
        const uint32_t *alone = b.use ? b.use->alone + b.use->afirst[ai] : NULL;
        for (size_t k = 0; !r && k < m->count[ai]; k++) {
            const model_memo_unit *mu =
                alone && alone[k] != UINT32_MAX ? &b.use->u[alone[k]] : NULL;
            msent *s = build_sentence(&b, ai, k, text, tlen, &para, mu);
            r = build_terms(&b, s, text, mu) || (!b.use && build_concepts(&b, s));
        }
    }
    if (!r)
        r = build_counts(&b) || build_sets(&b);
    if (!r && b.rec)
        memo->ok = 1;
    if (b.use && memo->ucap > MODEL_MEMO_KEEP)
        model_memo_free(memo);
    counters_free(&b.tk);
    counters_free(&b.kk);
    pfree(b.sv.v);
    pfree(b.tv.stem);
    pfree(b.tv.stop);
    return r ? PRECIS_ENOMEM : PRECIS_OK;
}

double model_sq_norm(const msent *s, const double *idf)
{
    double n = 0;
    for (uint32_t i = 0; i < s->nset; i++)
        n += idf[s->set[i]] * idf[s->set[i]];
    return n;
}

double model_cosine_normed(const msent *x, double nx, const msent *y, double ny,
                           const double *idf)
{
    if (nx <= 0 || ny <= 0)
        return 0;
    double dot = 0;
    uint32_t i = 0, j = 0;
    while (i < x->nset && j < y->nset) {
        if (x->set[i] == y->set[j]) {
            double w = idf[x->set[i]];
            dot += w * w;
            i++;
            j++;
        } else if (x->set[i] < y->set[j]) {
            i++;
        } else {
            j++;
        }
    }
    return dot / (sqrt(nx) * sqrt(ny));
}

double model_cosine(const model *m, const msent *x, const msent *y, const double *idf)
{
    PRECIS_UNUSED(m);
    return model_cosine_normed(x, model_sq_norm(x, idf), y, model_sq_norm(y, idf), idf);
}

int msent_holds(const msent *s, uint32_t t)
{
    size_t lo = 0, hi = s->nset;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->set[mid] == t)
            return 1;
        if (s->set[mid] < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

int msent_told(const msent *s, int (*has)(const void *ud, uint32_t t), const void *ud)
{
    for (uint32_t q = 0; q < s->ndef;) {
        int told = 0;
        uint32_t e = q + 1;
        while (e < s->ndef && !(s->dstart >> e & 1))
            e++;
        for (; q < e; q++)
            told |= has(ud, s->dterm[q]) != 0;
        if (!told)
            return 0;
    }
    return 1;
}

int model_is_lead(const model *m, size_t i)
{
    for (size_t j = m->first[m->s[i].art]; j < i; j++)
        if (!(m->s[j].flags & (SENT_NOEND | SENT_SHORT | SENT_JUNK | SENT_QBROKEN)))
            return 0;
    return 1;
}
