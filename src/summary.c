/*
 * summary.c -- the pipeline driver.  precis_summarize() runs the stages in
 * order on one cluster:
 *
 *   model_build   split sentences, normalise words, count concepts
 *   dedup_groups  join sentences that say the same thing across articles
 *   select_run    score and pick sentences within the budget
 *   (here)        order them for reading and trace each to its articles
 *
 * The summarizer handle owns everything that lives across clusters: the
 * options, the normaliser with its stemmer and word caches, and an arena
 * reset at the start of every call, so a batch of a million clusters runs
 * in memory bounded by its largest cluster.
 */
#include "summary.h"
#include "analyze.h" /* ANALYZE_CACHES: the slots the summarizer keeps */
#include "dedup.h"
#include "readable.h"
#include "select.h"

#include <stddef.h>
#include <stdio.h>

struct precis_summarizer {
    precis_options opt;
    char lang[32];
    select_params params;
    norm *nm;
    model_scratch sc;
    model_memo memo; /* the units model's work the analysis' model reuses */
    int keep;        /* the summary's model is followed by the analysis' */
    lex_kept lk;     /* readable.c's lexing, for the analysis' (keep)    */
    arena mem;
    void *acache[ANALYZE_CACHES]; /* tables of the analysis stages */
    char err[PRECIS_ERRMAX];
};

struct precis_summary {
    precis_sentence *sent;
    size_t n;
    size_t words;
    size_t *arts;       /* pool behind sent[i].articles */
    precis_span *spans; /* pool behind sent[i].spans    */
    precis_edit *edits; /* behind sent[i].edits          */
    char *buf;          /* edited texts and replacements */
    int cut;            /* the last sentence is cut short */
};

static const char *const method_names[PRECIS_METHOD_COUNT_] = {
    "default", "lead", "lead-rr", "centroid", "lexrank", "mmr"};

void precis_options_init(precis_options *o)
{
    memset(o, 0, sizeof *o);
    o->method = PRECIS_METHOD_DEFAULT;
    o->unit = PRECIS_UNIT_WORDS;
    o->budget = 120;
    o->order = PRECIS_ORDER_CHRONO;
    o->lang = NULL;
    o->dup_threshold = 0.5;
}

precis_status precis_method_parse(const char *name, precis_method *out)
{
    if (!name || !out)
        return PRECIS_EINVAL;
    for (int i = 0; i < PRECIS_METHOD_COUNT_; i++)
        if (!strcmp(name, method_names[i])) {
            *out = (precis_method)i;
            return PRECIS_OK;
        }
    return PRECIS_EINVAL;
}

const char *precis_method_name(precis_method m)
{
    return (unsigned)m < PRECIS_METHOD_COUNT_ ? method_names[m] : "unknown";
}

precis_summarizer *precis_summarizer_new(const precis_options *opts, precis_status *status)
{
    precis_status dummy;
    if (!status)
        status = &dummy;
    precis_options o;
    if (opts)
        o = *opts;
    else
        precis_options_init(&o);
    if ((unsigned)o.method >= PRECIS_METHOD_COUNT_ || (unsigned)o.unit > PRECIS_UNIT_SENTENCES ||
        (unsigned)o.order > PRECIS_ORDER_SOURCE || o.dup_threshold < 0 || o.dup_threshold > 1 ||
        (o.lang && strlen(o.lang) >= 32)) {
        *status = PRECIS_EINVAL;
        return NULL;
    }
    precis_summarizer *s = pcalloc(1, sizeof *s);
    if (!s) {
        *status = PRECIS_ENOMEM;
        return NULL;
    }
    s->opt = o;
    snprintf(s->lang, sizeof s->lang, "%s", o.lang ? o.lang : "english");
    s->opt.lang = s->lang;
    if (s->opt.dup_threshold == 0)
        s->opt.dup_threshold = 0.5;
    select_params_default(&s->params);
    s->nm = norm_new(s->lang, status);
    if (!s->nm) {
        pfree(s);
        return NULL;
    }
    arena_init(&s->mem, 1 << 18);
    *status = PRECIS_OK;
    return s;
}

void precis_summarizer_free(precis_summarizer *s)
{
    if (!s)
        return;
    norm_free(s->nm);
    model_scratch_free(&s->sc);
    model_memo_free(&s->memo);
    lex_kept_free(&s->lk);
    for (int i = 0; i < ANALYZE_CACHES; i++)
        pfree(s->acache[i]);
    arena_free(&s->mem);
    pfree(s);
}

const char *precis_summarizer_error(const precis_summarizer *s) { return s->err; }

void **summarizer_cache(precis_summarizer *s) { return s->acache; }

lex_kept *summarizer_lex_kept(precis_summarizer *s) { return &s->lk; }

void summarizer_set_error(precis_summarizer *s, const char *msg)
{
    perr_set(s->err, sizeof s->err, "%s", msg);
}

/* The tunable weights in the order the tuning hook takes them (the order
   of select_params); the assertion fails the build when a field is added
   to select_params and not here. */
static const size_t param_fields[] = {
    offsetof(select_params, df_min),         offsetof(select_params, unigram),
    offsetof(select_params, pos),            offsetof(select_params, pos_decay),
    offsetof(select_params, support),        offsetof(select_params, cost_exp),
    offsetof(select_params, short_pen),      offsetof(select_params, noend_pen),
    offsetof(select_params, quote_pen),      offsetof(select_params, dangling_pen),
    offsetof(select_params, quality_exp),    offsetof(select_params, unattributed_pen),
    offsetof(select_params, overlap_max),    offsetof(select_params, paraphrase_max),
    offsetof(select_params, anchor),         offsetof(select_params, anchor_fill),
    offsetof(select_params, anchor_beta)};
_Static_assert(sizeof param_fields / sizeof param_fields[0] * sizeof(double) ==
                   sizeof(select_params),
               "every field of select_params has its place in param_fields");

/* Development hook for tuning the default method's weights (used by the
   quality benchmark's tuning mode, not by the CLI): v[i] sets the i-th
   weight of param_fields. */
void precis__set_params(precis_summarizer *s, const double *v, size_t n);
void precis__set_params(precis_summarizer *s, const double *v, size_t n)
{
    size_t max = sizeof param_fields / sizeof param_fields[0];
    for (size_t i = 0; i < n && i < max; i++)
        memcpy((char *)&s->params + param_fields[i], &v[i], sizeof(double));
}

void precis_summary_free(precis_summary *sum)
{
    if (!sum)
        return;
    pfree(sum->sent);
    pfree(sum->arts);
    pfree(sum->spans);
    pfree(sum->edits);
    pfree(sum->buf);
    pfree(sum);
}

size_t precis_summary_size(const precis_summary *sum) { return sum ? sum->n : 0; }
size_t precis_summary_words(const precis_summary *sum) { return sum ? sum->words : 0; }
const precis_sentence *precis_summary_sentence(const precis_summary *sum, size_t i)
{
    return sum && i < sum->n ? &sum->sent[i] : NULL;
}

/* ---- ordering ------------------------------------------------------------
 * Chronological order reads best when the articles are dated and the
 * summary spans days: by date (a day at a time), then by relative
 * position in the article, so that each day's leads come first, then
 * article, then position.  Sentences of one day, or undated (Multi-News),
 * are ordered by relative position alone (Barzilay, Elhadad & McKeown,
 * "Inferring Strategies for Sentence Ordering in Multidocument News
 * Summarization", JAIR 17, 2002: chronology where it orders events,
 * the articles' own order of presentation where it does not). */
typedef struct okey {
    const char *date;
    size_t dlen; /* the bytes of the dates compared: the same for all keys */
    double rel;
    size_t art, pos, pick;
} okey;

/* Dates are compared on what all of the summary's give, a day at most
   ("2016-12" and "2016-12-30" are one day as far as the order can tell),
   so that the comparison stays a total order. */
#define DATE_DAY 10
static int date_cmp(const okey *a, const okey *b)
{
    int c = strncmp(a->date, b->date, a->dlen);
    return (c > 0) - (c < 0);
}

static int cmp_chrono(const void *pa, const void *pb)
{
    const okey *a = pa, *b = pb;
    if (a->date && b->date) {
        int c = date_cmp(a, b);
        if (c)
            return c;
    } else if (a->date || b->date) {
        return a->date ? -1 : 1; /* dated before undated */
    }
    /* within one day, leads first: a lead written at the bottom of the
       earlier-listed article's day would open with its tenth sentence */
    if (a->rel != b->rel)
        return a->rel < b->rel ? -1 : 1;
    if (a->art != b->art)
        return a->art < b->art ? -1 : 1;
    return (a->pos > b->pos) - (a->pos < b->pos);
}

static int cmp_source(const void *pa, const void *pb)
{
    const okey *a = pa, *b = pb;
    if (a->art != b->art)
        return a->art < b->art ? -1 : 1;
    return (a->pos > b->pos) - (a->pos < b->pos);
}

static int cmp_pick(const void *pa, const void *pb)
{
    const okey *a = pa, *b = pb;
    return (a->pick > b->pick) - (a->pick < b->pick);
}

/* Two fixes of the default method's chronological order for a reader
   who starts at the top.  keys[0..k) are sorted; a run is a sentence with
   the sentences after it in its article that it carries (SENT_NEEDS_PREV),
   and runs move whole. */
static size_t run_end(const model *m, const uint32_t *pick, const okey *keys, size_t k, size_t i)
{
    size_t e = i + 1;
    if (m->s[pick[keys[i].pick]].flags & SENT_ANCHOR) { /* the anchor's run is one */
        while (e < k && (m->s[pick[keys[e].pick]].flags & SENT_ANCHOR))
            e++;
        return e;
    }
    while (e < k && keys[e].art == keys[e - 1].art && keys[e].pos == keys[e - 1].pos + 1 &&
           (m->s[pick[keys[e].pick]].flags & SENT_NEEDS_PREV))
        e++;
    return e;
}

/* Moves keys[i..e) to stand before keys[to] (to <= i) or after
   keys[to - 1] (to >= e). */
static void move_run(okey *keys, size_t i, size_t e, size_t to, okey *tmp)
{
    size_t n = e - i;
    memcpy(tmp, keys + i, n * sizeof *keys);
    if (to <= i)
        memmove(keys + to + n, keys + to, (i - to) * sizeof *keys);
    else
        memmove(keys + i, keys + e, (to - e) * sizeof *keys);
    memcpy(keys + (to <= i ? to : to - n), tmp, n * sizeof *keys);
}

/* The summary's sentences keys[0..upto), but for those of [skip, skip_end)
   (the run being placed): does one hold term t? */
typedef struct told_ctx {
    const model *m;
    const uint32_t *pick;
    const okey *keys;
    size_t skip, skip_end, upto;
} told_ctx;

static int held_before(const void *ud, uint32_t t)
{
    const told_ctx *c = ud;
    for (size_t j = 0; j < c->upto; j++)
        if ((j < c->skip || j >= c->skip_end) && msent_holds(&c->m->s[c->pick[c->keys[j].pick]], t))
            return 1;
    return 0;
}

/* Can sentence si open the summary: it opens well and, for lead, it is
   its article's lead? */
static int can_open(const model *m, size_t si, int lead)
{
    return readable_opens(&m->s[si]) && (!lead || model_is_lead(m, si));
}

/* When keys[0] cannot open the summary, the first run that can moves to
   the front: for lead, any article's lead that opens well, whatever its
   day; else the first sentence of the first day that opens well. */
static void open_with(const model *m, const uint32_t *pick, okey *keys, size_t k, okey *tmp,
                      int lead)
{
    if (k < 2 || can_open(m, pick[keys[0].pick], lead))
        return;
    for (size_t i = run_end(m, pick, keys, k, 0); i < k; i = run_end(m, pick, keys, k, i)) {
        if (!lead && keys[i].date && keys[0].date && date_cmp(&keys[i], &keys[0]))
            return;
        if (can_open(m, pick[keys[i].pick], lead)) {
            move_run(keys, i, run_end(m, pick, keys, k, i), 0, tmp);
            return;
        }
    }
}

/* 1. The summary opens with an article's lead that opens well (read by
   hand, BASIL: 1 of 16 summaries opening on a lead had a defective first
   sentence, 6 of 9 opening otherwise), else with the first sentence of
   its first day that opens well -- not with a quotation or "The tariffs
   have increased ..." because they stand at the top of their articles
   too.  2. A sentence with a definite description ("The backlash built
   quickly ...", "... apologized for the remarks", readable.c) goes after
   the first sentence by which the summary has told of each, when that
   one comes later. */
static void order_for_reader(const model *m, const uint32_t *pick, okey *keys, size_t k,
                             okey *tmp)
{
    /* the anchor article's run (select.c) opens the summary, in its order */
    size_t na = 0;
    for (size_t i = 0; i < k; i++)
        if (m->s[pick[keys[i].pick]].flags & SENT_ANCHOR)
            tmp[na++] = keys[i];
    if (na) {
        size_t j = na;
        for (size_t i = 0; i < k; i++)
            if (!(m->s[pick[keys[i].pick]].flags & SENT_ANCHOR))
                tmp[j++] = keys[i];
        qsort(tmp, na, sizeof *tmp, cmp_source);
        memcpy(keys, tmp, k * sizeof *keys);
    }
    open_with(m, pick, keys, k, tmp, 1);
    open_with(m, pick, keys, k, tmp, 0);
    size_t moves = 0; /* two sentences that tell of each other move once */
    for (size_t i = 0; i < k;) {
        const msent *s = &m->s[pick[keys[i].pick]];
        size_t e = run_end(m, pick, keys, k, i);
        told_ctx c = {m, pick, keys, i, e, i};
        int told = !s->ndef ||
                   (i > 0 && keys[i - 1].art == keys[i].art &&
                    keys[i - 1].pos + 1 == keys[i].pos) ||
                   msent_told(s, held_before, &c);
        /* after the sentence before it in its article, else after the
           first that tells of it */
        size_t by = k;
        for (size_t j = 0; j < k && !told && by == k; j++)
            if (keys[j].art == keys[i].art && keys[j].pos + 1 == keys[i].pos)
                by = j;
        for (size_t j = e; j < k && !told && by == k; j++) {
            c.upto = j + 1;
            if (msent_told(s, held_before, &c))
                by = j;
        }
        if (by < k && moves++ < k) {
            size_t to = run_end(m, pick, keys, k, by);
            move_run(keys, i, e, to, tmp);
            if (to < i)
                i = e; /* moved up: what stood at i is at e now */
            continue; /* else keys[i] is another sentence now */
        }
        i = e;
    }
}

/* Cuts s[0..n) after its first `words` words; returns the new length. */
static size_t cut_words(const char *s, size_t n, size_t words)
{
    size_t w = 0, i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
            i++;
        if (i >= n)
            break;
        if (w == words)
            break;
        while (i < n && !(s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
            i++;
        w++;
    }
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\n' || s[i - 1] == '\t' || s[i - 1] == '\r'))
        i--;
    return i;
}

int summarizer_units(const precis_summarizer *s)
{
    return s->opt.method == PRECIS_METHOD_DEFAULT;
}

/* The longest prefix of s[0..n) of at most `bytes` bytes that ends at a
   word end (or, for one long word, at a character boundary). */
static size_t cut_bytes(const char *s, size_t n, size_t bytes)
{
    if (n <= bytes)
        return n;
    size_t i = bytes;
    while (i > 0 && !(s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
        i--;
    if (i == 0) { /* no space: a character boundary */
        i = bytes;
        while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
            i--;
    }
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\n' || s[i - 1] == '\t' || s[i - 1] == '\r'))
        i--;
    return i;
}

int precis_summary_cut(const precis_summary *sum) { return sum && sum->n && sum->cut; }

static precis_status model_of(precis_summarizer *s, const precis_cluster *c, model *m,
                              norm **nm, arena **tmp, int units, int keep)
{
    arena_reset(&s->mem);
    /* the stem ids the memo holds stay valid: no reset before its use */
    int reuse = keep && !units && s->memo.ok;
    s->keep = keep && units;
    if (!reuse && norm_reset_if_large(s->nm))
        model_scratch_free(&s->sc);
    precis_status st =
        model_build(m, c, s->nm, &s->sc, &s->mem, units, keep ? &s->memo : NULL);
    if (st == PRECIS_OK)
        st = dedup_groups(m, c, s->opt.dup_threshold, &s->mem);
    if (st) {
        perr_set(s->err, sizeof s->err, "%s", precis_strerror(st));
        return st;
    }
    if (nm)
        *nm = s->nm;
    if (tmp)
        *tmp = &s->mem;
    return PRECIS_OK;
}

precis_status summarizer_model(precis_summarizer *s, const precis_cluster *c, model *m,
                               norm **nm, arena **tmp, int units)
{
    return model_of(s, c, m, nm, tmp, units, 0);
}

precis_status summarizer_model_kept(precis_summarizer *s, const precis_cluster *c, model *m,
                                    norm **nm, arena **tmp, int units)
{
    return model_of(s, c, m, nm, tmp, units, 1);
}

precis_status precis_summarize(precis_summarizer *s, const precis_cluster *c,
                               precis_summary **out)
{
    if (!s || !c || !out)
        return PRECIS_EINVAL;
    *out = NULL;
    s->err[0] = '\0';
    if (precis_cluster_size(c) == 0) {
        perr_set(s->err, sizeof s->err, "the cluster has no articles");
        return PRECIS_EEMPTY;
    }
    model m;
    precis_status st = summarizer_model(s, c, &m, NULL, NULL, summarizer_units(s));
    if (st)
        return st;
    return summary_from_model(s, c, &m, out);
}

/* Applies the edits readable.c planned to the summary's sentences, in
   summary order: the speaker is named wherever the sentence does not name
   it; a connective is dropped unless the sentence before it in the
   article is right before it in the summary too.  The texts go into one
   buffer the summary owns. */
static int summary_edits(precis_summary *sum, const model *m, const uint32_t *pick,
                         const okey *keys, const precis_cluster *c, const lang *L, arena *a)
{
    size_t n = sum->n, ne = 0, bytes = 0;
    char **txt = arena_calloc(a, n ? n : 1, sizeof *txt);
    char **rep = arena_calloc(a, n ? n : 1, sizeof *rep);
    size_t *tl = arena_calloc(a, n ? n : 1, sizeof *tl);
    size_t *rl = arena_calloc(a, n ? n : 1, sizeof *rl);
    size_t *es = arena_calloc(a, n ? n : 1, sizeof *es);
    size_t *ee = arena_calloc(a, n ? n : 1, sizeof *ee);
    if (!txt || !rep || !tl || !rl || !es || !ee)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const msent *ms = &m->s[pick[keys[i].pick]];
        if (ms->edit == EDIT_NONE)
            continue;
        size_t len;
        const char *text = precis_cluster_article_text(c, ms->art, &len);
        const msent *pv = i > 0 ? &m->s[pick[keys[i - 1].pick]] : NULL;
        int after = pv && pv->art == ms->art && pv->pos + 1 == ms->pos;
        unsigned which = 0;
        for (int e = 0; e < 2; e++) {
            uint32_t k = e ? readable_edit2(ms) : ms->edit;
            /* a connective or "also" stays right after its antecedent,
               "also" after a sentence naming its subject; a full name
               only at the first mention */
            int need = k != EDIT_NONE && !((k == EDIT_DROP || k == EDIT_ALSO) && after);
            if (need && k == EDIT_ALSO && pv &&
                !readable_also_needed(ms, L, text, sum->sent[i - 1].text, sum->sent[i - 1].len))
                need = 0;
            for (size_t j = 0; need && k == EDIT_GIVEN && j < i; j++)
                need = !readable_mentions(ms, sum->sent[j].text, sum->sent[j].len);
            if (need)
                which |= e ? READABLE_EDIT2 : READABLE_EDIT1;
        }
        if (!which)
            continue;
        /* the speaker the summary has named before: by the surname */
        msent short_ms;
        for (size_t j = 0; (which & READABLE_EDIT1) && j < i; j++) {
            const char *sur = txt[j] ? readable_known_surname(ms, L, txt[j], tl[j])
                                     : readable_known_surname(ms, L, sum->sent[j].text,
                                                              sum->sent[j].len);
            if (sur) {
                short_ms = *ms;
                short_ms.speaker = sur;
                ms = &short_ms;
                break;
            }
        }
        if (readable_apply_some(ms, text, which, a, &txt[i], &tl[i], &es[i], &ee[i], &rep[i],
                                &rl[i]))
            return -1;
        ne++;
        bytes += tl[i] + rl[i] + 2;
    }
    if (!ne)
        return 0;
    sum->edits = pcalloc(ne, sizeof *sum->edits);
    sum->buf = pmalloc(bytes);
    if (!sum->edits || !sum->buf)
        return -1;
    size_t e = 0, at = 0;
    for (size_t i = 0; i < n; i++) {
        if (!txt[i])
            continue;
        precis_sentence *ps = &sum->sent[i];
        memcpy(sum->buf + at, txt[i], tl[i] + 1);
        ps->text = sum->buf + at;
        ps->len = tl[i];
        at += tl[i] + 1;
        memcpy(sum->buf + at, rep[i], rl[i] + 1);
        sum->edits[e] = (precis_edit){es[i], ee[i], sum->buf + at, rl[i]};
        at += rl[i] + 1;
        ps->edits = &sum->edits[e++];
        ps->n_edits = 1;
    }
    return 0;
}

precis_status summary_from_model(precis_summarizer *s, const precis_cluster *c, model *mp,
                                 precis_summary **out)
{
    model m = *mp;
    uint32_t *pick = arena_alloc(&s->mem, pmul(m.ns ? m.ns : 1, sizeof *pick));
    uint8_t *taken = arena_calloc(&s->mem, m.ns ? m.ns : 1, 1);
    if (!pick || !taken)
        goto oom;
    if (s->opt.method == PRECIS_METHOD_DEFAULT &&
        readable_prepare_keep(&m, c, s->nm, &s->mem, s->acache,
                              s->opt.extract_only || s->opt.unit == PRECIS_UNIT_BYTES,
                              s->keep ? &s->lk : NULL))
        goto oom;
    size_t k = select_run(&m, &s->opt, &s->params, pick, &s->mem);
    if (k == (size_t)-1)
        goto oom;
    for (size_t i = 0; i < k; i++)
        taken[pick[i]] = 1;

    precis_summary *sum = pcalloc(1, sizeof *sum);
    if (!sum)
        goto oom;
    /* one spare slot each for a cut last sentence (lead baselines) */
    sum->sent = pcalloc(k + 1, sizeof *sum->sent);
    size_t nref = 0;
    for (size_t i = 0; i < k; i++)
        nref += m.support[pick[i]] ? m.support[pick[i]] : 1;
    sum->arts = pcalloc(nref + 1, sizeof *sum->arts);
    sum->spans = pcalloc(nref + 1, sizeof *sum->spans);
    okey *keys = arena_alloc(&s->mem, pmul(k ? k : 1, sizeof *keys));
    if (!sum->sent || !sum->arts || !sum->spans || !keys) {
        precis_summary_free(sum);
        goto oom;
    }
    for (size_t i = 0; i < k; i++) {
        const msent *ms = &m.s[pick[i]];
        /* a sentence taken for following the one before it is placed
           with it: both get the first of the run's relative position */
        size_t root = pick[i];
        while ((m.s[root].flags & SENT_NEEDS_PREV) && m.s[root].pos > 0 && taken[root - 1])
            root--;
        keys[i] = (okey){precis_cluster_article_date(c, ms->art), 0,
                         (double)m.s[root].pos / (double)m.count[ms->art], ms->art, ms->pos,
                         i};
    }
    size_t dlen = DATE_DAY;
    for (size_t i = 0; i < k; i++)
        if (keys[i].date && strlen(keys[i].date) < dlen)
            dlen = strlen(keys[i].date);
    /* one day (or no date the others contradict) in the summary: the
       dates order nothing, and an undated article's lead is no less a
       lead than a dated one's */
    int one_day = 1;
    const okey *dated = NULL;
    for (size_t i = 0; i < k; i++) {
        keys[i].dlen = dlen;
        if (keys[i].date && dated && date_cmp(&keys[i], dated))
            one_day = 0;
        if (keys[i].date && !dated)
            dated = &keys[i];
    }
    if (one_day)
        for (size_t i = 0; i < k; i++)
            keys[i].date = NULL;
    okey *tmp = arena_alloc(&s->mem, pmul(k ? k : 1, sizeof *tmp));
    if (!tmp) {
        precis_summary_free(sum);
        goto oom;
    }
    if (s->opt.order == PRECIS_ORDER_CHRONO) {
        qsort(keys, k, sizeof *keys, cmp_chrono);
        if (s->opt.method == PRECIS_METHOD_DEFAULT)
            order_for_reader(&m, pick, keys, k, tmp);
    }
    else if (s->opt.order == PRECIS_ORDER_SOURCE)
        qsort(keys, k, sizeof *keys, cmp_source);
    else
        qsort(keys, k, sizeof *keys, cmp_pick);

    size_t ap = 0, words = 0;
    for (size_t i = 0; i < k; i++) {
        const msent *ms = &m.s[pick[keys[i].pick]];
        size_t len;
        const char *text = precis_cluster_article_text(c, ms->art, &len);
        precis_sentence *ps = &sum->sent[i];
        ps->text = text + ms->start;
        ps->len = ms->end - ms->start;
        ps->article = ms->art;
        ps->start = ms->start;
        ps->end = ms->end;
        ps->position = ms->pos;
        ps->score = ms->score;
        ps->articles = sum->arts + ap;
        ps->spans = sum->spans + ap;
        sum->spans[ap] = (precis_span){ms->start, ms->end};
        sum->arts[ap++] = ms->art;
        const uint32_t *ga = m.group_arts[ms->group];
        for (uint32_t g = 0; ga && g < m.support[pick[keys[i].pick]]; g++)
            if (ga[g] != ms->art) {
                sum->spans[ap] = dedup_evidence(&m, pick[keys[i].pick], ga[g]);
                sum->arts[ap++] = ga[g];
            }
        ps->n_articles = (size_t)(sum->arts + ap - ps->articles);
    }
    sum->n = k;
    if (summary_edits(sum, &m, pick, keys, c, norm_lang(s->nm), &s->mem))
        goto oom_sum;
    /* the words of the text given out: a sentence's own count includes an
       edit that readable.c planned and the summary may not have made */
    for (size_t i = 0; i < k; i++)
        words += norm_count_words(sum->sent[i].text, sum->sent[i].len);
    /* the lead baselines may fill a word budget exactly by cutting the
       last sentence, as the standard Lead baselines of the literature do */
    if (s->opt.truncate_last && s->opt.unit == PRECIS_UNIT_WORDS &&
        (s->opt.method == PRECIS_METHOD_LEAD || s->opt.method == PRECIS_METHOD_LEAD_RR) &&
        words < s->opt.budget) {
        /* find the next sentence in the method's order that did not fit */
        uint8_t *chosen = arena_calloc(&s->mem, m.ns, 1);
        if (!chosen) {
            precis_summary_free(sum);
            goto oom;
        }
        for (size_t i = 0; i < k; i++)
            chosen[pick[i]] = 1;
        size_t next = m.ns;
        if (s->opt.method == PRECIS_METHOD_LEAD) {
            for (size_t i = 0; i < m.count[0] && next == m.ns; i++)
                if (!chosen[m.first[0] + i])
                    next = m.first[0] + i;
        } else {
            for (size_t pos = 0; next == m.ns; pos++) {
                int any = 0;
                for (size_t art = 0; art < m.nart && next == m.ns; art++)
                    if (pos < m.count[art]) {
                        any = 1;
                        size_t si = m.first[art] + pos;
                        if (!chosen[si] && !chosen[m.s[si].group])
                            next = si;
                    }
                if (!any)
                    break;
            }
        }
        if (next < m.ns) {
            const msent *ms = &m.s[next];
            size_t len;
            const char *text = precis_cluster_article_text(c, ms->art, &len);
            size_t cut = cut_words(text + ms->start, ms->end - ms->start, s->opt.budget - words);
            if (cut > 0) {
                sum->cut = 1;
                precis_sentence *ps = &sum->sent[sum->n];
                ps->text = text + ms->start;
                ps->len = cut;
                ps->article = ms->art;
                ps->start = ms->start;
                ps->end = ms->start + cut;
                ps->position = ms->pos;
                ps->score = 0;
                ps->articles = sum->arts + ap;
                ps->spans = sum->spans + ap;
                sum->spans[ap] = (precis_span){ps->start, ps->end};
                sum->arts[ap++] = ms->art;
                ps->n_articles = 1;
                sum->n++;
                words += norm_count_words(ps->text, ps->len);
            }
        }
    }
    /* a budget smaller than every sentence: rather than an empty summary,
       the best sentence (the method's top score) cut to the budget at a
       word boundary, marked as cut (precis_summary_cut, "cut" in JSON) */
    if (sum->n == 0 && m.ns > 0 && s->opt.budget > 0 && s->opt.unit != PRECIS_UNIT_SENTENCES) {
        size_t best = 0;
        for (size_t i = 1; i < m.ns; i++)
            if (m.s[i].score > m.s[best].score)
                best = i;
        const msent *ms = &m.s[best];
        const char *text = precis_cluster_article_text(c, ms->art, NULL) + ms->start;
        size_t n = ms->end - ms->start;
        size_t cut = s->opt.unit == PRECIS_UNIT_WORDS ? cut_words(text, n, s->opt.budget)
                                                      : cut_bytes(text, n, s->opt.budget);
        if (cut > 0) {
            precis_sentence *ps = &sum->sent[0];
            ps->text = text;
            ps->len = cut;
            ps->article = ms->art;
            ps->start = ms->start;
            ps->end = ms->start + cut;
            ps->position = ms->pos;
            ps->score = ms->score;
            ps->articles = sum->arts;
            ps->spans = sum->spans;
            sum->spans[0] = (precis_span){ps->start, ps->end};
            sum->arts[0] = ms->art;
            ps->n_articles = 1;
            sum->n = 1;
            sum->cut = 1;
            words = norm_count_words(text, cut);
        }
    }
    sum->words = words;
    *out = sum;
    return PRECIS_OK;
oom_sum:
    precis_summary_free(sum);
oom:
    perr_set(s->err, sizeof s->err, "out of memory");
    return PRECIS_ENOMEM;
}
