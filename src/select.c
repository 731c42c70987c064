/*
 * select.c -- stage 5/6: choose the summary's sentences within the budget.
 *
 * The default method is budgeted maximum coverage of weighted concepts,
 * after Gillick & Favre ("A Scalable Global Model for Summarization",
 * 2009) and Berg-Kirkpatrick, Gillick & Klein (ACL 2011): the value of a
 * summary is the total weight of the distinct concepts (stemmed bigrams,
 * and with a smaller weight content unigrams) it contains, where a
 * concept's weight grows with the number of articles that contain it.
 * Covering a concept twice earns nothing, so redundancy is penalised by
 * construction and the objective is monotone submodular.  Added to it, as
 * a modular term, a prior per sentence: its position in its article (news
 * puts the most important facts first) and its support (how many articles
 * carry the same content, from dedup.c).
 *
 * It is maximised greedily by the cost-scaled rule of Lin & Bilmes ("Multi-
 * document Summarization via Budgeted Maximization of Submodular
 * Functions", NAACL 2010): repeatedly take the sentence with the largest
 * gain / cost^r that still fits, evaluated lazily (Minoux 1978) with a max-
 * heap, since gains only shrink as the summary grows.  At most one sentence
 * per redundancy group is ever taken, whatever the method.
 *
 * The other methods: lead (the first article's leading sentences), lead-rr
 * (the first sentence of each article, then the second of each, ...),
 * centroid and lexrank (score.c, then best-first), and MMR (Carbonell &
 * Goldstein, SIGIR 1998: λ·sim(s, cluster) − (1−λ)·max sim(s, chosen)).
 */
#include "readable.h"
#include "score.h"
#include "select.h"

#include <math.h>
#include <string.h>

#define MMR_LAMBDA 0.7
#define MMR_MAX_CHOSEN_CHECK 64

/* Tuned on Multi-News validation clusters 1001-2000 by coordinate search
   (bench/tune.c), maximising mean ROUGE-1 F + ROUGE-2 F at 300 words.
   The search preferred no position prior at all (pos 0, +0.1 ROUGE-1,
   within noise), but on real, unprocessed clusters that lets headline
   fragments and background paragraphs crowd out the lead, so the prior
   is kept (1.5, with cost exponent 0.6 and support 0.5) -- a choice for
   readers that costs about 0.1 point. */
void select_params_default(select_params *p)
{
    p->df_min = 2;
    p->unigram = 0.3;
    p->pos = 1.5;
    p->pos_decay = 1.0;
    p->support = 0.5;
    p->cost_exp = 0.6;
    p->short_pen = 0.2;
    p->noend_pen = 0.1;
    p->quote_pen = 0.8;
    p->dangling_pen = 0.5;
    p->quality_exp = 8;
    p->unattributed_pen = 0.25;
    p->overlap_max = 0.3;
    p->paraphrase_max = 0.4;
    p->anchor = 1;
    p->anchor_fill = 0.5;
    p->anchor_beta = 1;
}

static size_t cost_of(const msent *s, precis_unit u)
{
    switch (u) {
    case PRECIS_UNIT_BYTES: return s->end - s->start;
    case PRECIS_UNIT_SENTENCES: return 1;
    default: return s->words;
    }
}

static int fits(const budget *b, const msent *s)
{
    size_t c = cost_of(s, b->unit);
    if (b->unit == PRECIS_UNIT_BYTES && b->count > 0)
        c += 1; /* the joining space */
    return b->used + c <= b->limit;
}

static void take(budget *b, const msent *s)
{
    size_t c = cost_of(s, b->unit);
    if (b->unit == PRECIS_UNIT_BYTES && b->count > 0)
        c += 1;
    b->used += c;
    b->count++;
}

/* Sentences no method should pick unless nothing else is left. */
static int unusable(const msent *s) { return (s->flags & SENT_JUNK) || s->nset == 0; }

/* Sentences a reader can take alone (the default method, readable.c):
   no open quotation or quote of unknown speaker, and no heading or other
   heading or caption (under READABLE_HEADING_WORDS words without a final
   stop; longer ones are the cut ends of truncated articles, penalised
   only), no line of three words ("Details here.", "Hard."). */
#define READABLE_MIN_WORDS 4
#define READABLE_HEADING_WORDS 12
static int readable_ok(const msent *s)
{
    if (s->flags & SENT_QBROKEN)
        return 0;
    if ((s->flags & SENT_NOEND) && s->words < READABLE_HEADING_WORDS)
        return 0;
    return s->words >= READABLE_MIN_WORDS;
}

/* Walks sentences in a given order, taking each that fits and whose
   group is not yet used. */
static size_t take_in_order(const model *m, budget *b, const uint32_t *order, size_t n,
                            uint8_t *gused, uint32_t *out, size_t k, int skip_unusable)
{
    for (size_t i = 0; i < n; i++) {
        const msent *s = &m->s[order[i]];
        if (gused[s->group] || (skip_unusable && unusable(s)) || !fits(b, s))
            continue;
        gused[s->group] = 1;
        take(b, s);
        out[k++] = order[i];
    }
    return k;
}

typedef struct scored {
    double score;
    uint32_t idx;
} scored;

static int by_score_desc(const void *pa, const void *pb)
{
    const scored *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score < b->score ? 1 : -1;
    return (a->idx > b->idx) - (a->idx < b->idx);
}

/* Orders idx by descending score (ties: earlier sentence first).  Sorts
   (score, index) pairs so that no comparison needs outside state. */
static int sort_by_score(const model *m, uint32_t *idx, size_t n, arena *a)
{
    scored *v = arena_alloc(a, pmul(n ? n : 1, sizeof *v));
    if (!v)
        return -1;
    for (size_t i = 0; i < n; i++)
        v[i] = (scored){m->s[idx[i]].score, idx[i]};
    qsort(v, n, sizeof *v, by_score_desc);
    for (size_t i = 0; i < n; i++)
        idx[i] = v[i].idx;
    return 0;
}

/* Concept weights: the number of articles containing the concept, when
   at least df_min do.  With a single article there is no cross-document
   evidence, so within-article frequency stands in. */
static void concept_weights(const model *m, const select_params *p, double *cw, double *uw)
{
    int single = m->nart < 2;
    for (uint32_t c = 0; c < m->nconc; c++) {
        double f = single ? m->conc_tf[c] : m->conc_df[c];
        cw[c] = f >= p->df_min ? f : 0;
    }
    for (uint32_t t = 0; t < m->nterm; t++) {
        double f = single ? m->term_tf[t] : m->term_df[t];
        uw[t] = f >= p->df_min ? p->unigram * f : 0;
    }
}

/* ---- the default method ------------------------------------------------ */

/* How many ids two sorted id arrays share, counting up to cap. */
static uint32_t shared_ids(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb,
                           uint32_t cap)
{
    uint32_t i = 0, j = 0, both = 0;
    while (i < na && j < nb && both < cap) {
        if (a[i] == b[j]) {
            both++;
            i++;
            j++;
        } else if (a[i] < b[j]) {
            i++;
        } else {
            j++;
        }
    }
    return both;
}

/* Does s share at least max of its and a chosen sentence's distinct
   content stems (Jaccard)?  Summaries hold tens of sentences, and the
   sets are sorted, so this is a few merges. */
static int paraphrase(const model *m, const msent *s, const uint32_t *out, size_t k, double max)
{
    for (size_t c = 0; c < k; c++) {
        const msent *t = &m->s[out[c]];
        uint32_t both = shared_ids(s->set, s->nset, t->set, t->nset, UINT32_MAX);
        uint32_t uni = s->nset + t->nset - both;
        if (uni && (double)both >= max * (double)uni)
            return 1;
    }
    return 0;
}

/* Does s report of its actor what a summary sentence of the same actor
   reports: two things in common outside quotes -- content stems, other
   people named or meant by a role (readable.c's statement_of)?  "Lavrov
   called for the expulsion of 31 employees at the U.S. Embassy in Moscow
   ..." after "Sergei Lavrov told reporters he had proposed the expulsions
   ... used by diplomats in Moscow"; "As well as rejecting Lavrov's plan,
   Putin also said he saw the sanctions as ..." after "Putin said that
   Russia won't expel American diplomats in response to new U.S.
   sanctions, a move that goes against the advice of his foreign
   minister". */
#define SAME_STATEMENT_SHARED 2
static int same_statement(const model *m, const msent *s, const uint32_t *out, size_t k)
{
    if (!s->actor)
        return 0;
    for (size_t c = 0; c < k; c++) {
        const msent *t = &m->s[out[c]];
        if (t->actor == s->actor && shared_ids(s->what, s->nwhat, t->what, t->nwhat,
                                               SAME_STATEMENT_SHARED) >= SAME_STATEMENT_SHARED)
            return 1;
    }
    return 0;
}

/* Has the summary told of what the definite descriptions of s point at
   (readable.c): is one word of each in a summary sentence, or the
   sentence before s in its article taken?  "The backlash built quickly
   ..." waits for a sentence with "backlash"; "The earthen levee gave way
   ..." comes after "... broke through a levee". */
static int covered(const void *ud, uint32_t t) { return ((const uint8_t *)ud)[t]; }

static int def_told(const model *m, const msent *s, uint32_t i, const uint8_t *ucov,
                    const uint32_t *out, size_t k)
{
    for (size_t c = 0; c < k; c++)
        if (out[c] + 1 == i && m->s[out[c]].art == s->art)
            return 1;
    return msent_told(s, covered, ucov);
}

/* Of the wordings of one report, the fullest: when sentence i is to be
   taken, a sentence of the same actor that tells at least a third of what
   i tells (and two things at least), tells more, fits the budget and is
   no repeat of the summary is taken instead, if it takes at most half of
   the budget left (a long wording must not crowd out the rest of a short
   summary) -- "Sergey Lavrov called for
   the expulsion of 35 U.S. diplomats and the closure of two facilities in
   Moscow after Washington ... over evidence Russia interfered in this
   year's presidential election" rather than "Sergei Lavrov told reporters
   he had proposed the expulsions ... and a warehouse". */
static uint32_t fuller_report(const model *m, const budget *b, uint32_t i, const uint8_t *gused,
                              const uint8_t *vused, const uint8_t *ucov, const uint32_t *out,
                              size_t k, int strict)
{
    const msent *s = &m->s[i];
    if (!s->actor)
        return i;
    uint32_t need = (s->nwhat + 2) / 3 < SAME_STATEMENT_SHARED ? SAME_STATEMENT_SHARED
                                                               : (s->nwhat + 2) / 3;
    uint32_t best = i;
    size_t half = (b->limit - b->used) / 2;
    for (size_t u = 0; u < m->ns; u++) {
        const msent *x = &m->s[u];
        /* ... and reads as well: no headline, no heavier penalty (the
           multiplier select_default keeps in score until a sentence is
           chosen) */
        if (x->actor != s->actor || x->nwhat <= m->s[best].nwhat || gused[x->group] ||
            cost_of(x, b->unit) > half || (x->flags & SENT_NOEND) || x->score < s->score ||
            (x->qvar && vused[x->qvar]) || unusable(x) ||
            (strict && (!readable_ok(x) || (x->flags & SENT_NEEDS_PREV))) || !fits(b, x) ||
            shared_ids(x->what, x->nwhat, s->what, s->nwhat, need) < need ||
            same_statement(m, x, out, k) || (strict && readable_repeat(m, x, out, k)) ||
            (strict && x->ndef && !def_told(m, x, (uint32_t)u, ucov, out, k)))
            continue;
        best = (uint32_t)u;
    }
    return best;
}

typedef struct heap_item {
    double key;
    uint32_t s;
    uint32_t stamp; /* selection round the key was computed in */
} heap_item;

static void heap_push(heap_item *h, size_t *n, heap_item it)
{
    size_t i = (*n)++;
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (h[p].key >= it.key)
            break;
        h[i] = h[p];
        i = p;
    }
    h[i] = it;
}

static heap_item heap_pop(heap_item *h, size_t *n)
{
    heap_item top = h[0], last = h[--(*n)];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, best = i;
        double bk = last.key;
        if (l < *n && h[l].key > bk) {
            best = l;
            bk = h[l].key;
        }
        if (r < *n && h[r].key > bk)
            best = r;
        if (best == i)
            break;
        h[i] = h[best];
        i = best;
    }
    if (*n > 0)
        h[i] = last;
    return top;
}

typedef struct cover {
    const model *m;
    const select_params *p;
    const double *cw; /* concept weights   */
    const double *uw; /* unigram weights   */
    uint8_t *ccov, *ucov;
    double *prior;
} cover;

/* The weight of the concepts and words of sentence i the summary does not
   cover yet -- of those marked in wc / wu only, when given (the anchor's
   trials: what the greedy summary covers). */
static double covered_gain(const cover *cv, uint32_t i, const uint8_t *wc, const uint8_t *wu)
{
    const msent *s = &cv->m->s[i];
    double g = 0;
    for (uint32_t k = 0; k < s->nconc; k++)
        if (!cv->ccov[s->conc[k]] && (!wc || wc[s->conc[k]]))
            g += cv->cw[s->conc[k]];
    for (uint32_t k = 0; k < s->nset; k++)
        if (!cv->ucov[s->set[k]] && (!wu || wu[s->set[k]]))
            g += cv->uw[s->set[k]];
    return g;
}

static double gain_of(const cover *cv, uint32_t i)
{
    return covered_gain(cv, i, NULL, NULL) + cv->prior[i];
}

static double scaled(const cover *cv, uint32_t i, double g)
{
    const msent *s = &cv->m->s[i];
    double c = (double)(s->words ? s->words : 1);
    return g / pow(c, cv->p->cost_exp);
}

/* A sentence's quality: a linear estimate of the ROUGE-1 plus ROUGE-2
   precision it would have against a human summary, from its form and its
   share of cross-article content -- a trainable sentence scorer in the
   manner of Kupiec, Pedersen & Chen ("A Trainable Document Summarizer",
   SIGIR 1995).  Fitted by weighted least squares (weight: the sentence's
   bigrams) on Multi-News validation clusters 3001-5622, which neither the
   weight tuning (1001-3000) nor the reported evaluation (1-500) uses.
   The features that carry it: the density of shared bigrams (c2 / words),
   the share of content words also used by another article, quoted words
   (reporters reuse quotes verbatim), and, negatively, content words per
   word (ROUGE counts function words too), questions, parentheses, late
   position in the article and repeated (syndicated) sentences. */
#define QUALITY_MEAN 0.72
static double quality(const model *m, size_t i)
{
    const msent *s = &m->s[i];
    double w = s->words ? (double)s->words : 1;
    double c2 = 0, u2 = 0;
    for (uint32_t q = 0; q < s->nconc; q++)
        c2 += m->conc_df[s->conc[q]] >= 2;
    for (uint32_t q = 0; q < s->nset; q++)
        u2 += m->term_df[s->set[q]] >= 2;
    uint32_t f = s->flags;
    double v = 0.7901 - 0.0821 * (double)s->pos / (double)m->count[s->art] - 0.0052 * log(w) -
               0.0416 * !!(f & SENT_SHORT) - 0.0312 * !!(f & SENT_LONG) -
               0.0372 * !!(f & SENT_NOEND) + 0.0166 * !!(f & SENT_QUOTE) +
               0.0059 * !!(f & SENT_QUOTED) - 0.0215 * !!(f & SENT_FIRST) -
               0.0612 * !!(f & SENT_QUESTION) - 0.0333 * !!(f & SENT_PAREN) +
               0.0377 * !!(f & SENT_SAID) + 0.0301 * !!(f & SENT_LAST) -
               0.0725 * (m->support[i] > 1) + 0.3760 * c2 / w +
               0.2926 * u2 / (s->nterm ? s->nterm : 1) - 0.3139 * (double)s->nterm / w +
               0.2020 * (double)s->quoted / w;
    return v < 0.05 ? 0.05 : v;
}

/* ---- the anchor article (cased news) -------------------------------------
 * Read by hand on real news, most defects of a summary put together from
 * sentences of several articles are seams: a sentence whose antecedent
 * is in its own article and not in the summary ("The backlash built
 * quickly ...", "such states"), and a second article's lead telling the
 * event again.  An article's own lead section has neither: each sentence
 * follows the one it leans on, and nothing is told twice (the lead is
 * the hard baseline of news summarization: Nenkova, "Automatic Text
 * Summarization of Newswire: Lessons Learned from the Document
 * Understanding Conference", AAAI 2005).  So in cased news the default
 * method first makes its greedy summary, then chooses the article whose
 * lead section, taken in order within the budget, covers most of the
 * cluster's concepts (those of the greedy summary, plus anchor_beta
 * times the others: 1, all alike, measured by a blind reading against
 * the greedy summary's alone), among the runs that tell one of that
 * summary's sentences (preferring its first choice), and takes that
 * run; the greedy selection fills the budget it leaves only when half
 * of it is left.  The run skips furniture and what the default method
 * never takes; after a sentence left out (one that does not fit, or a
 * quotation of unknown speaker), only a sentence that reads without the
 * one before it goes on.  Lower-cased text
 * (Multi-News) has no rules to tell those apart, and keeps the greedy
 * selection alone. */
#define ANCHOR_RUN_MAX 10 /* sentences of an article's lead section looked at */

/* Sets (v 1) or clears (v 0) what taking s marks: its group, its
   statement's wordings, its concepts and words. */
static void anchor_mark(const cover *cv, uint8_t *gused, uint8_t *vused, const msent *s, uint8_t v)
{
    gused[s->group] = v;
    if (s->qvar)
        vused[s->qvar] = v;
    for (uint32_t q = 0; q < s->nconc; q++)
        cv->ccov[s->conc[q]] = v;
    for (uint32_t q = 0; q < s->nset; q++)
        cv->ucov[s->set[q]] = v;
}

/* Walks article a's run within budget b; with take set, takes it into
   out.  Returns the run's value (what it covers of wc / wu, plus
   anchor_beta times what it covers of the rest), or -1 when
   the article's lead cannot open a summary. */
static double anchor_walk(model *m, const cover *cv, size_t a, budget *b, uint8_t *gused,
                          uint8_t *vused, uint32_t *out, size_t *k, int take_it,
                          const uint8_t *wc, const uint8_t *wu, const uint32_t *dsel, size_t nd,
                          int *tells)
{
    *tells = 0;
    double value = 0;
    int gap = 0, first = 1;
    uint32_t run[ANCHOR_RUN_MAX];
    size_t nrun = 0;
    size_t end = m->first[a] + m->count[a];
    for (size_t i = m->first[a]; i < end && i < m->first[a] + ANCHOR_RUN_MAX; i++) {
        msent *s = &m->s[i];
        if (unusable(s) || !readable_ok(s) || (s->flags & (SENT_QBROKEN | SENT_NOEND))) {
            /* furniture (a headline, a caption) leaves no gap */
            if (!(s->flags & SENT_JUNK) && s->words >= READABLE_HEADING_WORDS && !first)
                gap = 1;
            continue;
        }
        /* a dateline's sentence opens the story, whatever a deck above
           it told */
        if (first && !readable_opens(s) && !((s->flags & SENT_DATELINE) && readable_opens_but_told(s)))
            return -1;
        if ((gap && !readable_opens(s)) || gused[s->group] || (s->qvar && vused[s->qvar]))
            break;
        /* a question ("Did any Patch readers feel the earthquake?", "And I
           say wait for what? Wait until when?") asks the page's reader, or
           is a quotation the run cannot step over: the run ends there (a
           lead's or a split's question: no run) */
        if (s->flags & SENT_QUESTION)
            break;
        /* an article tells a fact again in detail ("Lavrov called for the
           expulsion of 31 employees at the U.S. Embassy ..." after "...
           of 35 U.S. diplomats"): a repeat in a summary */
        if (!fits(b, s) || same_statement(m, s, run, nrun) ||
            paraphrase(m, s, run, nrun, cv->p->paraphrase_max) || readable_repeat(m, s, run, nrun)) {
            if (first)
                return -1; /* the run opens with its article's lead */
            gap = 1;
            continue;
        }
        run[nrun++] = (uint32_t)i;
        for (size_t j = 0; j < nd && *tells < 2; j++) {
            const msent *t = &m->s[dsel[j]];
            if (s->group == t->group ||
                2 * shared_ids(s->set, s->nset, t->set, t->nset, UINT32_MAX) >= t->nset)
                *tells = j == 0 ? 2 : 1; /* the loop stops at 2 */
        }
        double told = covered_gain(cv, (uint32_t)i, wc, wu);
        value += told + cv->p->anchor_beta * (covered_gain(cv, (uint32_t)i, NULL, NULL) - told);
        if (take_it) { /* its key as the greedy selection would give it */
            s->flags |= SENT_ANCHOR;
            s->score = scaled(cv, (uint32_t)i, gain_of(cv, (uint32_t)i) * s->score);
            out[(*k)++] = (uint32_t)i;
        }
        take(b, s);
        anchor_mark(cv, gused, vused, s, 1);
        first = 0;
    }
    if (!take_it) /* a trial: leave the marks as they were (all clear) */
        for (size_t r = 0; r < nrun; r++)
            anchor_mark(cv, gused, vused, &m->s[run[r]], 0);
    return first ? -1 : value;
}

/* Chooses the anchor article and takes its run; returns the sentences
   taken (0: no article's lead opens a summary). */
static size_t anchor_take(model *m, const cover *cv, budget *b, uint8_t *gused, uint8_t *vused,
                          uint32_t *out, const uint8_t *wc, const uint8_t *wu,
                          const uint32_t *dsel, size_t nd)
{
    /* the marks are all clear here: each trial clears what it set, so
       that trying every article costs the runs, not the cluster's size
       times its articles */
    double best = 0;
    size_t best_a = m->nart, k = 0;
    int best_top = 0, tt;
    for (size_t art = 0; art < m->nart; art++) {
        budget b2 = *b;
        double v = anchor_walk(m, cv, art, &b2, gused, vused, NULL, &k, 0, wc, wu, dsel, nd, &tt);
        /* a run telling the greedy summary's first choice (its main fact)
           wins over one telling another of its sentences; a run telling
           none of them (a fragment: "Beyond the emergency money, ...") is
           no anchor */
        if (v > 0 && (tt > best_top || (tt == best_top && v > best))) {
            best = v;
            best_a = art;
            best_top = tt;
        }
    }
    if (best_a == m->nart || !best_top)
        return 0; /* the greedy summary alone */
    anchor_walk(m, cv, best_a, b, gused, vused, out, &k, 1, wc, wu, dsel, nd, &tt);
    return k;
}

static size_t select_default(model *m, budget *b, const select_params *p, uint8_t *gused,
                             uint32_t *out, arena *a, int strict, const uint8_t *wc,
                             const uint8_t *wu, const uint32_t *dsel, size_t nd)
{
    size_t ns = m->ns;
    double *cw = arena_alloc(a, pmul(m->nconc ? m->nconc : 1, sizeof *cw));
    double *uw = arena_alloc(a, pmul(m->nterm ? m->nterm : 1, sizeof *uw));
    uint8_t *ccov = arena_calloc(a, m->nconc ? m->nconc : 1, 1);
    uint8_t *ucov = arena_calloc(a, m->nterm ? m->nterm : 1, 1);
    double *prior = arena_alloc(a, pmul(ns ? ns : 1, sizeof *prior));
    heap_item *heap = arena_alloc(a, pmul(ns ? ns : 1, sizeof *heap));
    if (!cw || !uw || !ccov || !ucov || !prior || !heap)
        return (size_t)-1;
    concept_weights(m, p, cw, uw);
    /* the prior is on the scale of an average sentence's concept mass */
    double mass = 0;
    for (size_t i = 0; i < ns; i++) {
        const msent *s = &m->s[i];
        for (uint32_t k = 0; k < s->nconc; k++)
            mass += cw[s->conc[k]];
    }
    mass = ns ? mass / (double)ns : 0;
    if (mass <= 0)
        mass = 1;
    for (size_t i = 0; i < ns; i++) {
        const msent *s = &m->s[i];
        double pr = p->pos * mass / pow(1.0 + s->pos, p->pos_decay);
        pr += p->support * mass * (double)(m->support[i] > 1 ? m->support[i] - 1 : 0) /
              (double)(m->nart > 1 ? m->nart - 1 : 1);
        /* scaled by the sentence's estimated quality, so that among
           sentences the concepts cannot tell apart (and in the filling
           of the budget once the shared concepts are covered) those that
           read like summary text win */
        if (p->quality_exp != 0)
            pr *= pow(quality(m, i) / QUALITY_MEAN, p->quality_exp);
        prior[i] = pr;
    }
    cover cv = {m, p, cw, uw, ccov, ucov, prior};
    size_t hn = 0;
    uint8_t *vused = arena_calloc(a, m->nqvar ? m->nqvar : 1, 1);
    if (!vused)
        return (size_t)-1;
    for (size_t i = 0; i < ns; i++) {
        const msent *s = &m->s[i];
        if (unusable(s) || (strict && !readable_ok(s)))
            continue;
        double mult = 1;
        if (s->flags & SENT_SHORT)
            mult *= p->short_pen;
        if (s->flags & SENT_NOEND)
            mult *= p->noend_pen;
        if (s->flags & SENT_QUOTE)
            mult *= p->quote_pen;
        if ((s->flags & SENT_QUOTE) && !(s->flags & SENT_SAID))
            mult *= p->unattributed_pen;
        /* a dangling opener costs nothing when the default method takes
           the sentence only after its antecedent */
        if ((s->flags & SENT_DANGLING) && !(strict && (s->flags & SENT_NEEDS_PREV)))
            mult *= p->dangling_pen;
        m->s[i].score = mult; /* kept as the multiplier until chosen */
        if (strict && (s->flags & SENT_NEEDS_PREV))
            continue; /* enters when the sentence before it is taken */
        double g = gain_of(&cv, (uint32_t)i) * mult;
        heap_push(heap, &hn, (heap_item){scaled(&cv, (uint32_t)i, g), (uint32_t)i, 0});
    }
    size_t k = 0, ndefer = 0;
    uint32_t round = 0;
    uint32_t *defer = arena_alloc(a, pmul(ns ? ns : 1, sizeof *defer));
    if (!defer)
        return (size_t)-1;
    if (wc && wu) {
        k = anchor_take(m, &cv, b, gused, vused, out, wc, wu, dsel, nd);
        if (k == (size_t)-1)
            return k;
        /* the rest of the budget only when the run leaves enough of it */
        if (k && (double)(b->limit - b->used) < p->anchor_fill * (double)b->limit)
            return k;
        round += k != 0;
    }
    while (hn > 0) {
        heap_item it = heap_pop(heap, &hn);
        msent *s = &m->s[it.s];
        if (gused[s->group] || (s->qvar && vused[s->qvar]) || !fits(b, s))
            continue;
        /* a sentence that mostly repeats the summary's bigrams is skipped
           even when its prior would still carry it: a sentence-level
           redundancy filter like MEAD's (Radev, Jing, Stys & Tam,
           Information Processing & Management 40(6), 2004) on top of
           the concept objective */
        if (k > 0 && s->nconc && p->overlap_max < 1) {
            uint32_t seen = 0;
            for (uint32_t q = 0; q < s->nconc; q++)
                seen += ccov[s->conc[q]];
            if ((double)seen > p->overlap_max * (double)s->nconc)
                continue;
        }
        /* nor one that reports of an actor what the summary already
           reports of it (readable.c's statement_of) */
        if (same_statement(m, s, out, k))
            continue;
        /* nor one that says what a summary sentence says in other words
           (content-word Jaccard, stems; dedup.c groups the closer ones) */
        if (p->paraphrase_max < 1 && paraphrase(m, s, out, k, p->paraphrase_max))
            continue;
        /* nor one that tells a summary sentence's fact again with its
           names and numbers (readable.c) */
        if (strict && readable_repeat(m, s, out, k))
            continue;
        /* nor one opening with a definite description of a thing the
           summary has not told of ("The backlash built quickly ...") */
        if (strict && s->ndef && !def_told(m, s, it.s, ucov, out, k)) {
            if (ndefer < ns)
                defer[ndefer++] = it.s; /* back when a summary sentence tells of it */
            continue;
        }
        if (it.stamp != round) {
            /* stale: recompute and push back (lazy greedy) */
            double g = gain_of(&cv, it.s) * s->score;
            it.key = scaled(&cv, it.s, g);
            it.stamp = round;
            heap_push(heap, &hn, it);
            continue;
        }
        uint32_t full = fuller_report(m, b, it.s, gused, vused, ucov, out, k, strict);
        if (full != it.s) {
            it.s = full;
            s = &m->s[full];
            it.key = scaled(&cv, full, gain_of(&cv, full) * s->score);
        }
        gused[s->group] = 1;
        if (s->qvar)
            vused[s->qvar] = 1; /* one wording of a statement */
        take(b, s);
        s->score = it.key;
        out[k++] = it.s;
        /* the next sentence of the article, if it needs this one */
        uint32_t nx = it.s + 1;
        if (nx < ns && m->s[nx].art == s->art && (m->s[nx].flags & SENT_NEEDS_PREV) &&
            !unusable(&m->s[nx]) && readable_ok(&m->s[nx]))
            heap_push(heap, &hn,
                      (heap_item){scaled(&cv, nx, gain_of(&cv, nx) * m->s[nx].score), nx,
                                  UINT32_MAX}); /* an upper bound: recomputed when popped */
        for (uint32_t q = 0; q < s->nconc; q++)
            ccov[s->conc[q]] = 1;
        for (uint32_t q = 0; q < s->nset; q++)
            ucov[s->set[q]] = 1;
        for (size_t d = 0; d < ndefer;) {
            if (def_told(m, &m->s[defer[d]], defer[d], ucov, out, k)) {
                uint32_t x = defer[d];
                heap_push(heap, &hn,
                          (heap_item){scaled(&cv, x, gain_of(&cv, x) * m->s[x].score), x,
                                      UINT32_MAX}); /* an upper bound: recomputed when popped */
                defer[d] = defer[--ndefer];
            } else {
                d++;
            }
        }
        round++;
    }
    return k;
}

/* ---- MMR ------------------------------------------------------------------ */


/* MMR: repeatedly take the sentence that fits and maximises
   λ·rel(s) − (1−λ)·max cos(s, c) over the last MMR_MAX_CHOSEN_CHECK chosen
   sentences c.

   Relevance is the cosine of s with the cluster as one pseudo-sentence
   holding every distinct term.  Since that set contains every term of s,
   the dot product is s's own squared norm, and the cosine is
   |s|² / (|s|·|V|) with |V|² the sum of idf² over the vocabulary, computed
   once: O(|s|) a sentence instead of a merge walk over the vocabulary
   (which made MMR O(sentences × terms)).

   The redundancy term is kept per sentence (red[i], and arg[i] the
   chosen slot that gives it) and updated with the one new cosine after
   each choice; it is recomputed over the window only when its argmax
   slides out of the window.  A sentence that does not fit, is unusable or
   whose group is used can never be taken later (the budget only shrinks),
   so it is dropped for good.  Each round is thus O(sentences) cosines,
   and the values -- hence the choices -- are those of the direct
   computation. */
static size_t select_mmr(model *m, budget *b, const double *idf, uint8_t *gused, uint32_t *out,
                         arena *a)
{
    size_t ns = m->ns;
    double *rel = arena_alloc(a, pmul(ns ? ns : 1, sizeof *rel));
    double *nrm = arena_alloc(a, pmul(ns ? ns : 1, sizeof *nrm));
    double *red = arena_calloc(a, ns ? ns : 1, sizeof *red);
    size_t *arg = arena_alloc(a, pmul(ns ? ns : 1, sizeof *arg));
    uint8_t *done = arena_calloc(a, ns ? ns : 1, 1);
    if (!rel || !nrm || !red || !arg || !done)
        return (size_t)-1;
    double nv = 0;
    for (uint32_t t = 0; t < m->nterm; t++)
        nv += idf[t] * idf[t];
    for (size_t i = 0; i < ns; i++) {
        nrm[i] = model_sq_norm(&m->s[i], idf);
        rel[i] = (nrm[i] <= 0 || nv <= 0) ? 0 : nrm[i] / (sqrt(nrm[i]) * sqrt(nv));
        arg[i] = SIZE_MAX; /* red[i] = 0: no chosen sentence yet */
    }
    size_t k = 0;
    for (;;) {
        double best = -1e300;
        size_t bi = ns;
        size_t from = k > MMR_MAX_CHOSEN_CHECK ? k - MMR_MAX_CHOSEN_CHECK : 0;
        for (size_t i = 0; i < ns; i++) {
            msent *s = &m->s[i];
            if (done[i])
                continue;
            if (gused[s->group] || unusable(s) || !fits(b, s)) {
                done[i] = 1;
                continue;
            }
            if (k > 0) {
                /* the newest chosen sentence joins the window; the
                   oldest may have left it */
                uint32_t c = out[k - 1];
                double v = model_cosine_normed(s, nrm[i], &m->s[c], nrm[c], idf);
                if (v > red[i]) {
                    red[i] = v;
                    arg[i] = k - 1;
                } else if (arg[i] != SIZE_MAX && arg[i] < from) {
                    red[i] = 0;
                    arg[i] = SIZE_MAX;
                    for (size_t j = from; j < k; j++) {
                        uint32_t cj = out[j];
                        double w = model_cosine_normed(s, nrm[i], &m->s[cj], nrm[cj], idf);
                        if (w > red[i]) {
                            red[i] = w;
                            arg[i] = j;
                        }
                    }
                }
            }
            double v = MMR_LAMBDA * rel[i] - (1 - MMR_LAMBDA) * red[i];
            if (v > best) {
                best = v;
                bi = i;
            }
        }
        if (bi == ns)
            break;
        done[bi] = 1;
        gused[m->s[bi].group] = 1;
        take(b, &m->s[bi]);
        m->s[bi].score = best;
        out[k++] = (uint32_t)bi;
    }
    return k;
}

size_t select_run(model *m, const precis_options *o, const select_params *p, uint32_t *out,
                  arena *a)
{
    budget b = {o->unit, o->budget, 0, 0};
    size_t ns = m->ns;
    if (ns == 0 || o->budget == 0)
        return 0;
    uint8_t *gused = arena_calloc(a, ns, 1);
    uint32_t *order = arena_alloc(a, pmul(ns, sizeof *order));
    if (!gused || !order)
        return (size_t)-1;
    size_t n = 0;
    switch (o->method) {
    case PRECIS_METHOD_LEAD:
        /* the first article, in order; baselines take junk as it comes */
        for (size_t i = 0; i < m->count[0]; i++)
            order[n++] = (uint32_t)(m->first[0] + i);
        for (size_t i = 0; i < n; i++)
            m->s[order[i]].score = 1.0 / (1.0 + (double)i);
        return take_in_order(m, &b, order, n, gused, out, 0, 0);
    case PRECIS_METHOD_LEAD_RR: {
        size_t maxc = 0;
        for (size_t i = 0; i < m->nart; i++)
            if (m->count[i] > maxc)
                maxc = m->count[i];
        for (size_t pos = 0; pos < maxc; pos++)
            for (size_t art = 0; art < m->nart; art++)
                if (pos < m->count[art])
                    order[n++] = (uint32_t)(m->first[art] + pos);
        for (size_t i = 0; i < n; i++)
            m->s[order[i]].score = 1.0 / (1.0 + (double)i);
        /* Lead-RR stops at the first sentence that does not fit, like a
           reader going round the articles */
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            const msent *s = &m->s[order[i]];
            if (gused[s->group])
                continue;
            if (!fits(&b, s))
                break;
            gused[s->group] = 1;
            take(&b, s);
            out[k++] = order[i];
        }
        return k;
    }
    case PRECIS_METHOD_CENTROID:
    case PRECIS_METHOD_LEXRANK: {
        double *idf = score_idf(m, a);
        if (!idf)
            return (size_t)-1;
        int r = o->method == PRECIS_METHOD_CENTROID ? score_centroid(m, idf, a)
                                                    : score_lexrank(m, idf, a);
        if (r)
            return (size_t)-1;
        for (size_t i = 0; i < ns; i++)
            order[i] = (uint32_t)i;
        if (sort_by_score(m, order, ns, a))
            return (size_t)-1;
        return take_in_order(m, &b, order, ns, gused, out, 0, 1);
    }
    case PRECIS_METHOD_MMR: {
        double *idf = score_idf(m, a);
        if (!idf)
            return (size_t)-1;
        return select_mmr(m, &b, idf, gused, out, a);
    }
    default: {
        /* when nothing in the cluster reads alone (a cluster of
           fragments), the best sentences as they are, rather than
           nothing */
        int strict = 0;
        for (size_t i = 0; i < ns && !strict; i++)
            strict = !unusable(&m->s[i]) && readable_ok(&m->s[i]) &&
                     !(m->s[i].flags & SENT_NEEDS_PREV);
        if (!(strict && m->cased && p->anchor != 0))
            return select_default(m, &b, p, gused, out, a, strict, NULL, NULL, NULL, 0);
        /* cased news: the summary the greedy selection makes alone says
           what the anchor's run should tell */
        budget b0 = b;
        size_t k = select_default(m, &b0, p, gused, out, a, strict, NULL, NULL, NULL, 0);
        if (k == (size_t)-1 || k == 0)
            return k;
        uint8_t *wc = arena_calloc(a, m->nconc ? m->nconc : 1, 1);
        uint8_t *wu = arena_calloc(a, m->nterm ? m->nterm : 1, 1);
        uint32_t *dsel = arena_alloc(a, pmul(k ? k : 1, sizeof *dsel));
        if (!wc || !wu || !dsel)
            return (size_t)-1;
        memcpy(dsel, out, k * sizeof *dsel);
        for (size_t i = 0; i < k; i++) {
            const msent *s = &m->s[out[i]];
            for (uint32_t q = 0; q < s->nconc; q++)
                wc[s->conc[q]] = 1;
            for (uint32_t q = 0; q < s->nset; q++)
                wu[s->set[q]] = 1;
        }
        memset(gused, 0, ns);
        return select_default(m, &b, p, gused, out, a, strict, wc, wu, dsel, k);
    }
    }
}
