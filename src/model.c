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
 * Everything is linear in the input: one pass over the text, hash look-ups
 * per word, counting by generation stamps instead of clearing arrays.
 */
#include "model.h"
#include "readable.h"
#include "split.h"

#include <math.h>
#include <stdio.h>
#include <strings.h>

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

static int collect_tok(void *ud, uint32_t stem, int stop, size_t start, size_t end)
{
    PRECIS_UNUSED(start);
    PRECIS_UNUSED(end);
    tok_vec *tv = ud;
    if (tv->n == tv->cap) {
        size_t cap = tv->cap ? tv->cap * 2 : 256;
        uint32_t *ns = prealloc(tv->stem, pmul(cap, sizeof *ns));
        if (!ns)
            return -1;
        tv->stem = ns;
        uint8_t *np = prealloc(tv->stop, cap);
        if (!np)
            return -1;
        tv->stop = np;
        tv->cap = cap;
    }
    tv->stem[tv->n] = stem;
    tv->stop[tv->n] = (uint8_t)stop;
    tv->n++;
    return 0;
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

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Does the sentence end the way sentences do?  Final . ! ? or …, possibly
   followed by closing quotes or brackets. */
static int has_end(const char *s, size_t n)
{
    while (n > 0) {
        unsigned char c = (unsigned char)s[n - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || is_ws(c)) {
            n--;
            continue;
        }
        /* closing curly quotes U+201D, U+2019 */
        if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
            (c == 0x9D || c == 0x99)) {
            n -= 3;
            continue;
        }
        if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
            c == 0xA6)
            return 1; /* … */
        return c == '.' || c == '!' || c == '?';
    }
    return 0;
}

static int lower_ascii(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int is_alpha_ascii(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

/* Case-insensitive (ASCII) search for a lower-case needle. */
static int icontains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k && lower_ascii((unsigned char)s[i + j]) == (unsigned char)needle[j])
            j++;
        if (j == k)
            return 1;
    }
    return 0;
}

/* Page furniture that scrapers keep with the article text: links and
   handles, credits, player and sharing controls, sign-up and consent
   prompts, social-media location notices, web-archive crawl notes. */
static const char *const junk_marks[] = {
    "http", "www.", "pic.twitter", ".com/", "(@", "getty images", "play facebook",
    "click here", "advertisement", "sign up", "all rights reserved", "javascript", "cookies",
    /* social-media embeds */
    "tweet with a location", "location information to your tweets", "tweet location history",
    "delete your location history", "add a location to your tweets",
    /* players, sharing, accounts */
    "rating is available when the video", "interactive transcript could not be loaded",
    "this feature is not available right now", "please try again later",
    "media playback is unsupported", "your notification has been saved", "media player",
    "press enter to return", "image copyright",
    "problem saving your notification", "email notifications are only sent",
    "verification email", "verification message", "thank you for registering",
    "thank you for subscribing", "subscribe to our", "free newsletter", "push notifications",
    "breaking news emails", "news and stories that matter", "add as an interest",
    "appear next to all of your comments", "not appear anywhere on", "reprints",
    "for your personal, non-commercial use", "join the conversation",
    "like us and tell us", "share this article", "follow us on",
    /* web-archive capture notes that stand in for a missing page */
    "wayback machine", "internet archive", "alexa internet", "no more 404", "web crawl",
    "webcrawl", "warc files", "this crawl", "these crawls", "archive-it",
    "activate your", "from the archive of our partner", NULL};

/* Length of a case-insensitive match of the lower-case pattern at the
   start of s that ends at a word boundary, else 0. */
static size_t iprefix(const char *s, size_t n, const char *pat)
{
    size_t k = strlen(pat);
    if (k > n)
        return 0;
    for (size_t j = 0; j < k; j++)
        if (lower_ascii((unsigned char)s[j]) != (unsigned char)pat[j])
            return 0;
    if (k < n && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
                  (s[k] >= '0' && s[k] <= '9')))
        return 0;
    return k;
}

/* Skips white space and one dash-like separator ("—", "–", "--", "-",
   "_", ":") with the white space after it. */
static size_t skip_sep(const char *s, size_t n, size_t i)
{
    while (i < n && is_ws((unsigned char)s[i]))
        i++;
    if (i + 3 <= n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x94 || (unsigned char)s[i + 2] == 0x93))
        i += 3;
    else if (i + 2 <= n && s[i] == '-' && s[i + 1] == '-')
        i += 2;
    else if (i < n && (s[i] == '-' || s[i] == '_' || s[i] == ':'))
        i++;
    while (i < n && is_ws((unsigned char)s[i]))
        i++;
    return i;
}

/* Leading material that is not part of the sentence: a wire dateline
   ("WASHINGTON (CNN) --", "( ap ) —"), or player, layout and credit
   furniture glued in front of it by the scraper ("Story continued
   below", "Advertisement Continue reading the main story", "Getty
   Images").  Returns how many bytes to drop from the left; the rest
   stays an exact span of the article. */
static const char *const lead_marks[] = {
    "photo advertisement continue reading the main story",
    "advertisement continue reading the main story", "continue reading the main story",
    "story continued below", "text size - + reset", "story highlights",
    "media playback is unsupported on your device media caption",
    "media playback is unsupported on your device", "getty images", "photo :", "video :",
    "advertisement", NULL};
static const char *const agencies[] = {"cnn", "ap", "reuters", "afp", "associated press",
                                       "upi", "ians", "pti", "ansa", "dpa", NULL};

static size_t lead_furniture(const char *s, size_t n)
{
    size_t off = 0;
    for (int again = 1; again;) {
        again = 0;
        for (size_t i = 0; lead_marks[i]; i++) {
            size_t k = iprefix(s + off, n - off, lead_marks[i]);
            if (k) {
                off = skip_sep(s, n, off + k);
                again = 1;
                break;
            }
        }
        /* "This article is over 1 year old" */
        if (!again && iprefix(s + off, n - off, "this article is over")) {
            size_t e = off;
            while (e + 3 <= n && e < off + 40 && !iprefix(s + e, n - e, "old"))
                e++;
            if (e + 3 <= n && e < off + 40) {
                off = skip_sep(s, n, e + 3);
                again = 1;
            }
        }
        /* a dateline: at most five words, then "( agency )" */
        size_t words = 0;
        for (size_t i = off; i < n && i < off + 80 && !again; i++) {
            if (s[i] == '.' || s[i] == '"' || s[i] == ')')
                break;
            if (is_ws((unsigned char)s[i])) {
                if (++words > 5)
                    break;
                continue;
            }
            if (s[i] != '(')
                continue;
            size_t j = i + 1;
            while (j < n && s[j] == ' ')
                j++;
            for (size_t a = 0; agencies[a]; a++) {
                size_t k = iprefix(s + j, n - j, agencies[a]);
                if (!k)
                    continue;
                size_t e = j + k;
                while (e < n && s[e] == ' ')
                    e++;
                if (e < n && s[e] == ')') {
                    off = skip_sep(s, n, e + 1);
                    again = 1;
                }
                break;
            }
            break;
        }
    }
    return off < n ? off : 0;
}

/* Caption marks found anywhere in a sentence (with junk_marks, one scan). */
static const char *const caption_marks[] = {", file photo", "image caption",
                                            "( associated press )", "(associated press)", NULL};

/* Every pattern of junk_marks and caption_marks, indexed by a hash of its
   first three bytes so that a sentence is read once, not once per pattern
   (the scan was most of the summarizer's time).  Patterns shorter than
   three bytes are checked on their own.  Built per model_build call: a
   few hundred bytes, no global state. */
#define JUNK_MAX 128
typedef struct junk_index {
    const char *pat[JUNK_MAX];
    uint8_t len[JUNK_MAX];
    uint8_t next[JUNK_MAX]; /* chain, index + 1; 0 ends */
    uint8_t head[256];      /* by hash of the first three bytes */
    const char *shorts[8];
    size_t nshort;
} junk_index;

static unsigned junk_hash(unsigned a, unsigned b, unsigned c)
{
    return (a * 131u + b * 31u + c) & 255u;
}

static void junk_index_init(junk_index *x)
{
    memset(x, 0, sizeof *x);
    size_t n = 0;
    const char *const *lists[2] = {junk_marks, caption_marks};
    for (int l = 0; l < 2; l++)
        for (size_t i = 0; lists[l][i]; i++) {
            const char *p = lists[l][i];
            size_t k = strlen(p);
            if (k < 3) {
                if (x->nshort < sizeof x->shorts / sizeof x->shorts[0])
                    x->shorts[x->nshort++] = p;
                continue;
            }
            if (n >= JUNK_MAX)
                continue;
            unsigned h = junk_hash((unsigned char)p[0], (unsigned char)p[1], (unsigned char)p[2]);
            x->pat[n] = p;
            x->len[n] = (uint8_t)(k < 255 ? k : 255);
            x->next[n] = x->head[h];
            x->head[h] = (uint8_t)(n + 1);
            n++;
        }
}

static int junk_scan(const junk_index *x, const char *s, size_t n)
{
    for (size_t i = 0; i + 2 < n; i++) {
        unsigned h = junk_hash((unsigned)lower_ascii((unsigned char)s[i]),
                               (unsigned)lower_ascii((unsigned char)s[i + 1]),
                               (unsigned)lower_ascii((unsigned char)s[i + 2]));
        for (unsigned e = x->head[h]; e; e = x->next[e - 1]) {
            size_t k = x->len[e - 1];
            const char *p = x->pat[e - 1];
            if (i + k > n)
                continue;
            size_t j = 0;
            while (j < k && lower_ascii((unsigned char)s[i + j]) == (unsigned char)p[j])
                j++;
            if (j == k)
                return 1;
        }
    }
    for (size_t t = 0; t < x->nshort; t++)
        if (icontains(s, n, x->shorts[t]))
            return 1;
    return 0;
}

/* Marks sentences that are page furniture rather than reporting. */
static int is_junk(const junk_index *x, const char *s, size_t n)
{
    if (junk_scan(x, s, n))
        return 1;
    /* a bare "Learn more" / "Read more" link */
    if (n <= 12 && (icontains(s, n, "learn more") || icontains(s, n, "read more")))
        return 1;
    /* photo captions */
    if (iprefix(s, n, "file -") || iprefix(s, n, "file photo"))
        return 1;
    /* a lone dateline: "SEPANG, March 15 ?" */
    size_t k = 0;
    while (k < n && ((s[k] >= 'A' && s[k] <= 'Z') || s[k] == ' ' || s[k] == '.'))
        k++;
    if (k >= 3 && k < n && s[k] == ',' && norm_count_words(s, n) <= 6)
        return 1;
    /* "Interested in Mexico?" topic-follow prompts */
    if (n <= 40 && iprefix(s, n, "interested in") && s[n - 1] == '?')
        return 1;
    return 0;
}

/* Style flags: quotation, first person outside quotations, question,
   parenthesis, attributed speech; *quoted gets the number of words
   inside quotation marks. */
static uint32_t style_flags(const lang *L, const char *s, size_t n, uint32_t *quoted)
{
    uint32_t f = 0;
    *quoted = 0;
    int inq = 0;
    size_t last = n;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int q = c == '"';
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D)) {
            q = 1;
            i += 2;
        }
        if (q) {
            f |= SENT_QUOTED;
            inq = !inq;
            continue;
        }
        if (c == '(')
            f |= SENT_PAREN;
        if (inq && !is_ws(c) && i > 0 && is_ws((unsigned char)s[i - 1]))
            (*quoted)++;
        if (!is_ws(c))
            last = i;
        /* a first-person pronoun of the pack ("I." and "U.S." are not) */
        if (!inq && is_alpha_ascii(c) &&
            (i == 0 || !(is_alpha_ascii((unsigned char)s[i - 1]) || s[i - 1] == '\'')) &&
            !(f & SENT_FIRST)) {
            size_t l = 1;
            while (i + l < n && l < 5 && is_alpha_ascii((unsigned char)s[i + l]))
                l++;
            /* first-person pronouns are short (I, we, our; yo, nous, noi) */
            const lang_word *e = l < 5 ? lang_word_of(L, s + i, l) : NULL;
            if (e && (e->cls & LW_PRON) && (e->tags & LT_FIRST) &&
                !(i + l < n && s[i + l] == '.' && (l == 1 || lower_ascii(c) == 'u')))
                f |= SENT_FIRST;
        }
    }
    for (size_t i = 0; i + 4 <= n; i++)
        if ((i == 0 || s[i - 1] == ' ') &&
            (lower_ascii((unsigned char)s[i]) == 's' || lower_ascii((unsigned char)s[i]) == 't' ||
             lower_ascii((unsigned char)s[i]) == 'a') &&
            (iprefix(s + i, n - i, "said") || iprefix(s + i, n - i, "says") ||
             iprefix(s + i, n - i, "told") || iprefix(s + i, n - i, "tells") ||
             iprefix(s + i, n - i, "according to"))) {
            f |= SENT_SAID;
            break;
        }
    size_t e = last;
    while (e < n && e > 0 && (s[e] == '"' || s[e] == ')' || s[e] == '\''))
        e--;
    if (e < n && s[e] == '?')
        f |= SENT_QUESTION;
    return f;
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
   concept id, sized for the cluster's token count. */
typedef struct ctab {
    uint64_t *key;
    uint32_t *val;
    size_t mask;
} ctab;

precis_status model_build(model *m, const struct precis_cluster *c, norm *nm,
                          model_scratch *sc, arena *a, int units)
{
    memset(m, 0, sizeof *m);
    size_t nart = precis_cluster_size(c);
    span_vec sv = {0};
    tok_vec tv = {0};
    precis_status st = PRECIS_ENOMEM;
    m->nart = nart;
    m->first = arena_calloc(a, nart ? nart : 1, sizeof *m->first);
    m->count = arena_calloc(a, nart ? nart : 1, sizeof *m->count);
    if (!m->first || !m->count)
        goto out;

    /* pass 1: split every article, to size the sentence array */
    size_t total_bytes = 0;
    precis_span **spans = arena_calloc(a, nart ? nart : 1, sizeof *spans);
    uint8_t **broken = arena_calloc(a, nart ? nart : 1, sizeof *broken);
    if (!spans || !broken)
        goto out;
    for (size_t i = 0; i < nart; i++) {
        size_t len;
        const char *text = precis_cluster_article_text(c, i, &len);
        sv.n = 0;
        if (split_text_lang(lang_get_pack(norm_lang(nm)), text, len, collect_span, &sv) ||
            sv.oom)
            goto out;
        /* a quotation and the sentences up to its close: one unit */
        broken[i] = arena_calloc(a, sv.n ? sv.n : 1, 1);
        if (!broken[i])
            goto out;
        if (units)
            sv.n = readable_join(text, sv.v, sv.n, broken[i]);
        m->first[i] = m->ns;
        m->count[i] = sv.n;
        m->ns += sv.n;
        total_bytes += len;
        spans[i] = arena_alloc(a, pmul(sv.n ? sv.n : 1, sizeof(precis_span)));
        if (!spans[i])
            goto out;
        memcpy(spans[i], sv.v, sv.n * sizeof(precis_span));
    }
    m->s = arena_calloc(a, m->ns ? m->ns : 1, sizeof *m->s);
    if (!m->s)
        goto out;

    /* concept table: at most one concept per token */
    size_t ccap = 1024;
    while (ccap < total_bytes / 2 + 16)
        ccap *= 2;
    ctab ct = {arena_alloc(a, pmul(ccap, sizeof(uint64_t))),
               arena_alloc(a, pmul(ccap, sizeof(uint32_t))), ccap - 1};
    if (!ct.key || !ct.val)
        goto out;
    memset(ct.key, 0xff, ccap * sizeof(uint64_t));

    sc->gen++;
    if (sc->gen == 0) { /* wrapped: stamps from 2^32 clusters ago */
        memset(sc->stamp, 0, sc->cap * sizeof *sc->stamp);
        sc->gen = 1;
    }
    uint32_t nterm = 0, nconc = 0;
    junk_index jx;
    junk_index_init(&jx);
    /* per-term and per-concept counters, grown as ids appear */
    counters tk = {0}, kk = {0};
    if (counters_fit(&tk, 1024) || counters_fit(&kk, 1024))
        goto out_free;

    for (size_t ai = 0; ai < nart; ai++) {
        size_t len;
        const char *text = precis_cluster_article_text(c, ai, &len);
        for (size_t k = 0; k < m->count[ai]; k++) {
            msent *s = &m->s[m->first[ai] + k];
            size_t idx = m->first[ai] + k;
            s->art = (uint32_t)ai;
            s->pos = (uint32_t)k;
            s->start = spans[ai][k].start;
            s->end = spans[ai][k].end;
            s->group = (uint32_t)idx;
            s->start += lead_furniture(text + s->start, s->end - s->start);
            const char *p = text + s->start;
            size_t n = s->end - s->start;
            size_t w = norm_count_words(p, n);
            s->words = w > UINT32_MAX ? UINT32_MAX : (uint32_t)w;
            if (s->words < MODEL_MIN_WORDS)
                s->flags |= SENT_SHORT;
            if (s->words > MODEL_LONG_WORDS)
                s->flags |= SENT_LONG;
            if (!has_end(p, n))
                s->flags |= SENT_NOEND;
            if (k + 1 == m->count[ai])
                s->flags |= SENT_LAST;
            if (is_junk(&jx, p, n))
                s->flags |= SENT_JUNK;
            s->flags |= style_flags(norm_lang(nm), p, n, &s->quoted);
            size_t drop;
            if (readable_opener(p, n, &drop) == READABLE_NEEDS_PREV)
                s->flags |= SENT_DANGLING;
            if (broken[ai][k])
                s->flags |= SENT_QBROKEN;
            if (p[0] == '"' || (n >= 3 && (unsigned char)p[0] == 0xE2 &&
                                (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x9C))
                s->flags |= SENT_QUOTE;

            tv.n = 0;
            int r = norm_tokens(nm, p, n, collect_tok, &tv);
            if (r)
                goto out_free;
            if (scratch_fit(sc, norm_stem_count(nm)))
                goto out_free;
            /* map to local ids; count content terms */
            uint32_t ncontent = 0;
            for (size_t t = 0; t < tv.n; t++) {
                uint32_t g = tv.stem[t];
                if (sc->stamp[g] != sc->gen) {
                    sc->stamp[g] = sc->gen;
                    sc->local[g] = nterm++;
                }
                tv.stem[t] = sc->local[g];
                if (!tv.stop[t])
                    ncontent++;
            }
            if (counters_fit(&tk, nterm))
                goto out_free;
            s->nterm = ncontent;
            s->term = arena_alloc(a, pmul(ncontent ? ncontent : 1, sizeof *s->term));
            s->conc = arena_alloc(a, pmul(tv.n ? tv.n : 1, sizeof *s->conc));
            if (!s->term || !s->conc)
                goto out_free;
            uint32_t j = 0;
            for (size_t t = 0; t < tv.n; t++) {
                if (tv.stop[t])
                    continue;
                uint32_t id = tv.stem[t];
                s->term[j++] = id;
                tk.tf[id]++;
                if (tk.last[id] != ai + 1) {
                    tk.last[id] = (uint32_t)ai + 1;
                    tk.df[id]++;
                }
            }
            /* bigram concepts, distinct within the sentence */
            uint32_t nc = 0;
            for (size_t t = 0; t + 1 < tv.n; t++) {
                if (tv.stop[t] && tv.stop[t + 1])
                    continue;
                uint64_t key = (uint64_t)tv.stem[t] << 32 | tv.stem[t + 1];
                size_t h = (size_t)hash_mix(key) & ct.mask;
                while (ct.key[h] != UINT64_MAX && ct.key[h] != key)
                    h = (h + 1) & ct.mask;
                uint32_t cid;
                if (ct.key[h] == UINT64_MAX) {
                    if (nconc >= ct.mask / 2)
                        continue; /* table full: cannot happen with sizing */
                    ct.key[h] = key;
                    ct.val[h] = cid = nconc++;
                    if (counters_fit(&kk, nconc))
                        goto out_free;
                } else {
                    cid = ct.val[h];
                }
                kk.tf[cid]++;
                if (kk.last[cid] != ai + 1) {
                    kk.last[cid] = (uint32_t)ai + 1;
                    kk.df[cid]++;
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
        }
    }
    m->nterm = nterm;
    m->nconc = nconc;
    m->term_df = arena_alloc(a, pmul(nterm ? nterm : 1, sizeof(uint32_t)));
    m->term_tf = arena_alloc(a, pmul(nterm ? nterm : 1, sizeof(uint32_t)));
    m->conc_df = arena_alloc(a, pmul(nconc ? nconc : 1, sizeof(uint32_t)));
    m->conc_tf = arena_alloc(a, pmul(nconc ? nconc : 1, sizeof(uint32_t)));
    if (!m->term_df || !m->term_tf || !m->conc_df || !m->conc_tf)
        goto out_free;
    memcpy(m->term_df, tk.df, nterm * sizeof(uint32_t));
    memcpy(m->term_tf, tk.tf, nterm * sizeof(uint32_t));
    memcpy(m->conc_df, kk.df, nconc * sizeof(uint32_t));
    memcpy(m->conc_tf, kk.tf, nconc * sizeof(uint32_t));

    /* distinct sorted term sets, for similarity and duplicate search */
    for (size_t i = 0; i < m->ns; i++) {
        msent *s = &m->s[i];
        s->set = arena_alloc(a, pmul(s->nterm ? s->nterm : 1, sizeof *s->set));
        if (!s->set)
            goto out_free;
        uint32_t k = 0;
        for (uint32_t t = 0; t < s->nterm; t++) {
            uint32_t id = s->term[t];
            if (tk.last[id] == UINT32_MAX - (uint32_t)(i % 2))
                continue; /* already in this set: tk.last reused as a mark */
            tk.last[id] = UINT32_MAX - (uint32_t)(i % 2);
            s->set[k++] = id;
        }
        /* clear marks */
        for (uint32_t t = 0; t < k; t++)
            tk.last[s->set[t]] = 0;
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
    st = PRECIS_OK;
out_free:
    counters_free(&tk);
    counters_free(&kk);
out:
    pfree(sv.v);
    pfree(tv.stem);
    pfree(tv.stop);
    return st;
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
