/*
 * stream.c -- stories from a stream: online clustering of articles into
 * stories (one real-world event each), before the summarizing pipeline.
 * Each article is seen once, in arrival order, with no look-ahead.
 *
 * Design (single-pass clustering with an index, as in Miranda et al.,
 * "Multilingual Clustering of Streaming News", EMNLP 2018; sparse TF-IDF
 * rather than dense vectors, which Staykovski et al., "Dense vs. Sparse
 * Representations for News Stream Clustering", Text2Story 2019, found the
 * stronger for this task):
 *
 *  1. Features.  The title and the text are walked with the library's
 *     normaliser (norm.c: folding + the language's Snowball stemmer).  Each
 *     content word adds a weight to its stem: title words weigh
 *     STREAM_W_TITLE, the lead (first STREAM_LEAD_WORDS words) STREAM_W_LEAD,
 *     and names (capitalised words not opening a sentence) and numbers
 *     weigh more (entity-weighted TF-IDF, as Miranda et al. weigh named
 *     entities separately).  A term's weight is (1 + ln tf_w) * idf, idf
 *     smoothed as ln((1 + N) / (1 + df)) + 1 over the articles seen so far;
 *     document frequencies come from a count-min sketch with conservative
 *     update (Cormode & Muthukrishnan 2005), so they take fixed memory
 *     however long the stream runs.  The vector keeps its STREAM_TOP_TERMS
 *     heaviest terms and is L2-normalised.
 *
 *  2. Copies.  A MinHash signature of the text's word 4-shingles (Broder
 *     1997), computed in one pass as a one-permutation hash with
 *     rotation densification (Li, Owen & Zhang 2012; Shrivastava & Li
 *     2014), is cut into LSH bands (STREAM_MH_BANDS of 2 rows).  Articles
 *     of open stories sharing a band are candidates; one whose estimated
 *     resemblance is at least STREAM_COPY_J is a copy: the article joins its
 *     story at once, marked copy_of.  Never all-pairs: one look-up a band.
 *
 *  3. Stories.  Each open story keeps a centroid (the sum of its members'
 *     vectors without their idf, cut to STREAM_CENTROID_TERMS terms and
 *     weighed by the current idf when read) and posts its members'
 *     heaviest terms into an inverted index (term -> open stories, at most
 *     STREAM_POSTING_CAP per term, the most recent kept).  A new article
 *     looks up its STREAM_QUERY_WARM heaviest terms, ranks the stories it
 *     meets by shared query terms, and scores the best STREAM_CANDIDATES by
 *     cosine to their centroid, times a Gaussian time decay when both are
 *     dated.  It joins the best at or above the threshold, else opens a
 *     story.  The cost per article is bounded by these caps, whatever the
 *     number of stories.  Two similar events (two earthquakes a week apart:
 *     ECB+) differ in their names, places, numbers and dates, which the
 *     entity weights and the title/lead weights bring forward.  A story
 *     also keeps its members' number-noun pairs ("23 pirates", "6.1
 *     magnitude": how many of what, the specifics of one event); an
 *     article sharing one with its best story joins from STREAM_PAIR_LOW
 *     of the threshold.
 *     Cold start: over a partition's first STREAM_WARM_DOCS articles the
 *     idf is nearly flat (every term has df 0 or 1), so the weight order
 *     of terms says little and reports of one event worded differently
 *     score low, while unrelated reports written to one template score
 *     high: the article then looks up STREAM_QUERY_TERMS terms, and a
 *     join needs STREAM_COLD_ENTS shared entity terms (names, numbers) at
 *     a threshold that ramps up from 0.4 of its value.  (Found on
 *     examples/cluster, five reports of one flood that the warm settings
 *     split into three stories; on the gold streams, where these articles
 *     are a few dozen of thousands, the change moves BCubed F1 by < 0.002.)
 *
 *  4. Time and memory.  A story closes when it has had no new article for
 *     close_after seconds of article dates (the stream's clock is the
 *     latest date seen) or for close_after_articles arrivals.  Closing
 *     removes it from the index, the band table and the id table, so the
 *     working set holds only the active window.  Two lazy min-heaps keyed
 *     by last activity find the stories to close in O(log n) each.
 *
 *  5. Languages.  Each language has its own normaliser, term statistics
 *     and index (a partition), so a story never mixes languages unless
 *     mix_languages puts all of them in one partition.  The language is the
 *     article's, the stream's option, or detected by counting the function
 *     words of the Snowball languages (a light detector, enough to pick a
 *     stemmer and a partition).
 *
 * Errors leave the stream unchanged: every check and allocation that can
 * fail happens before the article is committed.
 */
#include "cluster.h"
#include "norm.h"

#include <math.h>
#include <stdio.h>

/* ---- parameters (chosen on the Multi-News and ECB+ streams) ---------- */
#define STREAM_TOP_TERMS 200       /* terms kept per article vector         */
#define STREAM_CENTROID_TERMS 256  /* terms kept per story centroid         */
#define STREAM_QUERY_TERMS 32      /* terms an article looks up, cold idf   */
#define STREAM_QUERY_WARM 12       /* the same once idf is warm             */
#define STREAM_ART_POST 12         /* of them, terms it posts for its story */
#define STREAM_WARM_DOCS 20        /* articles before idf is trusted        */
#define STREAM_COLD_ENTS 3         /* entity terms shared to join below it  */
#define STREAM_POST_TERMS 64       /* terms a story posts in all            */
#define STREAM_POSTING_CAP 128     /* stories kept per term                 */
#define STREAM_CANDIDATES 32       /* stories scored per article            */
#define STREAM_LEAD_WORDS 40       /* words of the text counted as lead     */
#define STREAM_HEADLINE_BYTES 200  /* longest first line taken as headline  */
#define STREAM_W_TITLE 2.0
#define STREAM_W_LEAD 2.0
#define STREAM_W_NAME 2.0
#define STREAM_W_NUM 1.5
#define STREAM_W_ENT 1.5
#define STREAM_ENT_SALT 0x5bd1e9955bd1e995ULL
#define STREAM_THRESHOLD 0.30      /* default join threshold (cosine)       */
#define STREAM_PAIR_LOW 0.8        /* of it, the threshold with a shared pair */
#define STREAM_PAIRS 32            /* number-noun pairs kept per story, article */
#define STREAM_MH_BINS 32          /* MinHash bins                          */
#define STREAM_MH_BANDS 16         /* LSH bands of 2 rows                   */
#define STREAM_MIN_SHINGLES 8      /* shorter texts get no signature        */
#define STREAM_COPY_J 0.5          /* estimated resemblance of a copy       */
#define STREAM_SKETCH_BITS 19      /* count-min sketch: 2 rows of 2^19      */
#define STREAM_CLOSE_AFTER (3.0 * 86400.0)
#define STREAM_CLOSE_ARTICLES 20000
#define STREAM_MAX_LANGS 64
#define STREAM_DETECT_WORDS 300    /* words read by the language detector   */

/* ---- a uint64 -> uint32 hash map -------------------------------------
 * Open addressing, linear probing, deletion by backward shift (no
 * tombstones, so the table never fills with dead slots).  Key 0 marks an
 * empty slot; callers' keys are remapped away from 0.  Not the generic
 * dict (dict.c): stories close and their postings, bands and ids leave
 * the index, and a dict never removes a key; the term look-ups run once
 * per query term of every article.  The term accumulator (acc_add) is an
 * integer table of the same kind, in the per-word loop. */
typedef struct u64map {
    uint64_t *keys;
    uint32_t *vals;
    size_t cap, n;
} u64map;

static uint64_t key_nz(uint64_t k) { return k ? k : 0x9e3779b97f4a7c15ULL; }

static void u64map_free(u64map *m)
{
    pfree(m->keys);
    pfree(m->vals);
    memset(m, 0, sizeof *m);
}

static uint32_t *u64map_get(const u64map *m, uint64_t k)
{
    if (!m->cap)
        return NULL;
    k = key_nz(k);
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)hash_mix(k) & mask;; i = (i + 1) & mask) {
        if (m->keys[i] == k)
            return &m->vals[i];
        if (!m->keys[i])
            return NULL;
    }
}

static int u64map_grow(u64map *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 64;
    uint64_t *nk = pcalloc(ncap, sizeof *nk);
    uint32_t *nv = pmalloc(pmul(ncap, sizeof *nv));
    if (!nk || !nv) {
        pfree(nk);
        pfree(nv);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = (size_t)hash_mix(m->keys[i]) & (ncap - 1);
        while (nk[j])
            j = (j + 1) & (ncap - 1);
        nk[j] = m->keys[i];
        nv[j] = m->vals[i];
    }
    pfree(m->keys);
    pfree(m->vals);
    m->keys = nk;
    m->vals = nv;
    m->cap = ncap;
    return 0;
}

/* Makes room for `more` insertions without reallocation. */
static int u64map_reserve(u64map *m, size_t more)
{
    while ((m->n + more) * 4 >= m->cap * 3)
        if (u64map_grow(m))
            return -1;
    return 0;
}

/* Sets k -> v; the caller has reserved room. */
static void u64map_set(u64map *m, uint64_t k, uint32_t v)
{
    k = key_nz(k);
    size_t mask = m->cap - 1;
    size_t i = (size_t)hash_mix(k) & mask;
    while (m->keys[i] && m->keys[i] != k)
        i = (i + 1) & mask;
    if (!m->keys[i])
        m->n++;
    m->keys[i] = k;
    m->vals[i] = v;
}

static void u64map_del(u64map *m, uint64_t k)
{
    if (!m->cap)
        return;
    k = key_nz(k);
    size_t mask = m->cap - 1;
    size_t i = (size_t)hash_mix(k) & mask;
    while (m->keys[i] != k) {
        if (!m->keys[i])
            return;
        i = (i + 1) & mask;
    }
    /* backward shift: move later entries of the run into the hole */
    size_t j = i;
    for (;;) {
        j = (j + 1) & mask;
        if (!m->keys[j])
            break;
        size_t home = (size_t)hash_mix(m->keys[j]) & mask;
        /* the entry at j may move to i when its home is not in (i, j] */
        if ((j > i && (home <= i || home > j)) || (j < i && (home <= i && home > j))) {
            m->keys[i] = m->keys[j];
            m->vals[i] = m->vals[j];
            i = j;
        }
    }
    m->keys[i] = 0;
    m->n--;
}

/* ---- the stream's records --------------------------------------------*/

/* One article of an open (or queued closed) story. */
typedef struct sart {
    char *id;
    uint64_t idhash;
    uint64_t seq;  /* arrival number, 1-based; 0 = free slot */
    uint32_t story; /* story slot */
    uint32_t lang;
    double time;   /* seconds, NAN when undated */
    int has_sig;
    uint32_t sig[STREAM_MH_BINS];
    char *source, *date, *title, *text; /* keep_text only (date always) */
    size_t text_len;
} sart;

typedef struct story {
    uint64_t id; /* 0 = free slot */
    uint32_t part, lang;
    int open;
    uint32_t n, cap;
    uint32_t *members;   /* article slots, arrival order */
    const char **ids;    /* scratch for precis_story.articles */
    uint32_t nc;
    uint64_t *cterm;     /* centroid terms, sorted */
    float *cw;           /* their weights without idf (see centroid_add) */
    double cnorm;        /* norm of cw x idf, as of cnorm_docs articles */
    uint64_t cnorm_docs;
    uint32_t npost;
    uint64_t post[STREAM_POST_TERMS];
    uint32_t npair;
    uint64_t pair[STREAM_PAIRS]; /* its members' number-noun pairs, first kept */
    uint64_t first_seq, last_seq, version;
    double last_time;    /* NAN when no member is dated */
    uint32_t last_dated; /* article slot of the latest dated member */
} story;

typedef struct posting {
    uint32_t n, cap;
    uint32_t *slot; /* story slots, oldest first */
    uint64_t *sid;  /* their story ids (slots are reused) */
} posting;

/* A partition: one language (or all, with mix_languages). */
#define STREAM_BLOCKS (((size_t)2 << STREAM_SKETCH_BITS) / 64)
typedef struct part {
    uint64_t ndocs;
    uint32_t *sketch; /* 2 rows of 1 << STREAM_SKETCH_BITS */
    uint32_t *blocks; /* the 64-cell blocks of the sketch ever touched,
                         so that a snapshot reads only those */
    size_t nblocks;
    unsigned char *seen; /* per block: in blocks[] */
    u64map post;      /* term -> posting index */
    u64map bands;     /* band key -> article slot */
} part;

typedef struct lang {
    char name[32];
    norm *nm;
    uint32_t part;
} lang;

typedef struct hent {
    double key;
    uint64_t sid;
    uint32_t slot;
} hent;

typedef struct heap {
    hent *e;
    size_t n, cap;
} heap;

/* Weighted term of the article being added. */
typedef struct wterm {
    uint64_t term;
    double w;
    int ent; /* an entity term (a name's or a number's own dimension) */
    double idf; /* its idf when the article was weighed (0: not known) */
} wterm;

struct precis_stream {
    precis_stream_options opt;
    char *opt_lang;
    uint64_t seq, next_story, n_copies;
    double clock; /* latest article date seen, NAN before any */

    sart *arts;
    size_t nart, capart;
    uint32_t *free_art;
    size_t nfree_art;

    story *stories;
    size_t nstory, capstory;
    uint32_t *free_story;
    size_t nfree_story;
    size_t n_open, n_open_arts;

    posting *posts;
    size_t npost, cappost;
    uint32_t *free_post;
    size_t nfree_post;

    lang langs[STREAM_MAX_LANGS];
    size_t nlang;
    part *parts;
    size_t npart;

    precis_cluster *jc; /* JSON records are parsed with its messages */
    u64map ids;    /* id hash -> article slot (open stories) */
    u64map sids;   /* story id -> slot (open, queued and popped stories) */
    dict detect;   /* function word -> language bit set */
    heap hseq, htime;

    uint32_t *closed; /* queue of closed story slots */
    size_t cq_head, cq_n, cq_cap;
    uint32_t popped; /* slot of the story last popped, UINT32_MAX none */

    /* per-article scratch */
    wterm *acc;        /* term accumulator (open addressing) */
    size_t acc_cap, acc_n;
    uint32_t *acc_used;
    wterm *vec;        /* the article's vector, then sorted by term */
    size_t nvec;
    uint64_t pair[STREAM_PAIRS]; /* its number-noun pairs ("23 pirates") */
    size_t npair;
    uint64_t prev_num; /* the previous token's hash when a number, else 0 */
    uint64_t query[STREAM_QUERY_TERMS];
    size_t nquery;
    uint32_t sig[STREAM_MH_BINS];
    int has_sig;
    uint64_t shingle[4];
    size_t nshingle, nshingles;
    size_t words, text_words;
    int title_pass;
    const char *cur_text;
    uint32_t *cand_count, *cand_stamp;
    size_t cand_cap;
    uint32_t cand_gen;
    uint32_t *cand;
    size_t ncand;
    char err[PRECIS_ERRMAX];
};

/* ---- languages --------------------------------------------------------*/

static const struct {
    const char *code, *name;
} lang_codes[] = {
    {"ar", "arabic"},     {"hy", "armenian"},   {"eu", "basque"},    {"ca", "catalan"},
    {"da", "danish"},     {"nl", "dutch"},      {"en", "english"},   {"fi", "finnish"},
    {"fr", "french"},     {"de", "german"},     {"el", "greek"},     {"hi", "hindi"},
    {"hu", "hungarian"},  {"id", "indonesian"}, {"ga", "irish"},     {"it", "italian"},
    {"lt", "lithuanian"}, {"ne", "nepali"},     {"no", "norwegian"}, {"nb", "norwegian"},
    {"pt", "portuguese"}, {"ro", "romanian"},   {"ru", "russian"},   {"sr", "serbian"},
    {"es", "spanish"},    {"sv", "swedish"},    {"ta", "tamil"},     {"tr", "turkish"},
    {"yi", "yiddish"},    {NULL, NULL}};

/* Function words of the detector: the most frequent words of each
   language, written folded.  A word may count for several languages. */
static const struct {
    const char *name;
    const char *words;
} lang_stops[] = {
    {"english", "the and of to in is that for it was on with as at by he this from are have "
                "be not but his they an which were been has their its would will"},
    {"french", "le la les de des du et est un une que qui dans pour pas sur au avec il elle "
               "ce sont par aux ont été mais cette leur"},
    {"german", "der die das und ist nicht ein eine zu den dem des mit sich auf für von im "
               "auch es sie wird wurde hat dass bei nach"},
    {"spanish", "el la los las de del y que en un una es por con para se su al lo como más "
                "pero sus fue ha"},
    {"italian", "il lo la gli le di del della che è un una per con non sono da nel alla "
                "anche ha dei delle"},
    {"portuguese", "o os as de do da dos das que em um uma para com não no na por se foi "
                   "mais ao"},
    {"dutch", "de het een en van is dat op te niet zijn met voor er ook aan wordt door "
              "heeft maar bij"},
    {"swedish", "och att det som en på är av för med till den har inte om ett var men jag"},
    {"danish", "og at det som en på er af for med til den har de ikke om et var men"},
    {"norwegian", "og at det som en på er av for med til den har ikke om et var men ble"},
    {"finnish", "ja on ei että se oli hän ovat kun mutta tai myös joka jo sen mukaan"},
    {"russian", "и в не на что с по как это он из к у за о от для его"},
    {"hungarian", "az és hogy nem is egy meg van volt de ezt már csak mint"},
    {"romanian", "și în la cu pe că nu este din care pentru mai au sunt"},
    {"turkish", "ve bir bu için ile olarak çok daha gibi ama olan kadar sonra"},
    {"indonesian", "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke ada"},
    {"greek", "και το η της του να των την σε με για που από ο τα οι"},
    {NULL, NULL}};

/* A Snowball name for name-or-code s, or NULL when unknown. */
static const char *lang_resolve(const char *s)
{
    for (size_t i = 0; lang_codes[i].code; i++)
        if (!strcmp(s, lang_codes[i].code) || !strcmp(s, lang_codes[i].name))
            return lang_codes[i].name;
    return NULL;
}

static int detect_init(precis_stream *s)
{
    if (dict_init(&s->detect, 1024))
        return -1;
    for (uint32_t l = 0; lang_stops[l].name; l++) {
        const char *w = lang_stops[l].words;
        while (*w) {
            size_t k = strcspn(w, " ");
            uint64_t h = hash_bytes(w, k);
            dict_entry *e = dict_slot(&s->detect, w, k, h);
            if (e->len != DICT_EMPTY)
                e->value |= 1u << l;
            else if (dict_insert(&s->detect, e, w, k, h, 1u << l))
                return -1;
            w += k;
            while (*w == ' ')
                w++;
        }
    }
    return 0;
}

/* Counts function words in the first STREAM_DETECT_WORDS words of t.
   ASCII letters are lower-cased; other bytes are kept (the lists hold
   lower-case forms). */
static void detect_count(const precis_stream *s, const char *t, size_t n, unsigned *count,
                         size_t *words)
{
    char w[64];
    size_t i = 0;
    while (i < n && *words < STREAM_DETECT_WORDS) {
        unsigned char c = (unsigned char)t[i];
        int letter = c >= 0x80 || (unsigned)((c | 32) - 'a') < 26u;
        if (!letter) {
            i++;
            continue;
        }
        size_t k = 0;
        while (i < n) {
            c = (unsigned char)t[i];
            if (!(c >= 0x80 || (unsigned)((c | 32) - 'a') < 26u))
                break;
            if (k < sizeof w)
                w[k++] = (char)(c < 0x80 ? (c | 32) : c);
            i++;
        }
        (*words)++;
        if (k == sizeof w)
            continue;
        const uint32_t *v = dict_get(&s->detect, w, k);
        if (v)
            for (uint32_t l = 0; lang_stops[l].name; l++)
                if (*v >> l & 1)
                    count[l]++;
    }
}

static const char *detect_lang(const precis_stream *s, const precis_article *a)
{
    unsigned count[32] = {0};
    size_t words = 0;
    if (a->title)
        detect_count(s, a->title, strlen(a->title), count, &words);
    detect_count(s, a->text, a->text_len, count, &words);
    uint32_t best = 0;
    for (uint32_t l = 1; lang_stops[l].name; l++)
        if (count[l] > count[best])
            best = l;
    return lang_stops[best].name; /* english when nothing matched */
}

/* The language slot for Snowball name `name`, created on first use. */
static precis_status lang_get(precis_stream *s, const char *name, uint32_t *out)
{
    for (uint32_t i = 0; i < s->nlang; i++)
        if (!strcmp(s->langs[i].name, name)) {
            *out = i;
            return PRECIS_OK;
        }
    if (s->nlang == STREAM_MAX_LANGS || strlen(name) >= sizeof s->langs[0].name) {
        perr_set(s->err, sizeof s->err, "too many languages");
        return PRECIS_ELIMIT;
    }
    precis_status st;
    norm *nm = norm_new(name, &st);
    if (!nm) {
        perr_set(s->err, sizeof s->err, "%s: %s", name, precis_strerror(st));
        return st;
    }
    uint32_t p = 0;
    if (!s->opt.mix_languages || s->npart == 0) {
        part *np = prealloc(s->parts, pmul(s->npart + 1, sizeof *np));
        uint32_t *sk = pcalloc((size_t)2 << STREAM_SKETCH_BITS, sizeof *sk);
        uint32_t *bl = pmalloc(STREAM_BLOCKS * sizeof *bl);
        unsigned char *seen = pcalloc(STREAM_BLOCKS, 1);
        if (np)
            s->parts = np;
        if (!np || !sk || !bl || !seen) {
            pfree(sk);
            pfree(bl);
            pfree(seen);
            norm_free(nm);
            perr_set(s->err, sizeof s->err, "out of memory");
            return PRECIS_ENOMEM;
        }
        memset(&s->parts[s->npart], 0, sizeof *s->parts);
        s->parts[s->npart].sketch = sk;
        s->parts[s->npart].blocks = bl;
        s->parts[s->npart].seen = seen;
        p = (uint32_t)s->npart++;
    }
    lang *l = &s->langs[s->nlang];
    memcpy(l->name, name, strlen(name) + 1);
    l->nm = nm;
    l->part = p;
    *out = (uint32_t)s->nlang++;
    return PRECIS_OK;
}

/* ---- dates ------------------------------------------------------------*/

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
   (the era arithmetic of the civil calendar: 400-year cycles of 146097
   days, years starting in March so the leap day comes last). */
static long days_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int digits(const char *s, int n, long *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        *v = *v * 10 + (s[i] - '0');
    }
    return 1;
}

/* Seconds since the epoch of an ISO 8601 prefix (YYYY, YYYY-MM,
   YYYY-MM-DD, then optionally THH:MM[:SS]); NAN when it is none. */
static double parse_date(const char *d)
{
    if (!d)
        return NAN;
    size_t n = strlen(d);
    long y, mo = 1, da = 1, h = 0, mi = 0, se = 0;
    if (n < 4 || !digits(d, 4, &y))
        return NAN;
    if (n >= 7 && d[4] == '-' && !digits(d + 5, 2, &mo))
        return NAN;
    if (n >= 10 && d[7] == '-' && !digits(d + 8, 2, &da))
        return NAN;
    if (mo < 1 || mo > 12 || da < 1 || da > 31)
        return NAN;
    if (n >= 16 && (d[10] == 'T' || d[10] == ' ') && digits(d + 11, 2, &h) && d[13] == ':' &&
        digits(d + 14, 2, &mi)) {
        if (n >= 19 && d[16] == ':')
            digits(d + 17, 2, &se);
    }
    return (double)days_civil(y, mo, da) * 86400.0 + (double)(h * 3600 + mi * 60 + se);
}

/* ---- heaps of (last activity, story) ---------------------------------*/

static int hent_less(const hent *a, const hent *b)
{
    return a->key < b->key || (a->key == b->key && a->sid < b->sid);
}

static int hent_cmp(const void *a, const void *b)
{
    return hent_less(a, b) ? -1 : hent_less(b, a);
}

static int heap_reserve(heap *h, size_t more)
{
    while (h->n + more > h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 256;
        hent *ne = prealloc(h->e, pmul(cap, sizeof *ne));
        if (!ne)
            return -1;
        h->e = ne;
        h->cap = cap;
    }
    return 0;
}

static int heap_push(heap *h, double key, uint64_t sid, uint32_t slot)
{
    if (heap_reserve(h, 1))
        return -1;
    size_t i = h->n++;
    hent x = {key, sid, slot};
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (!hent_less(&x, &h->e[p]))
            break;
        h->e[i] = h->e[p];
        i = p;
    }
    h->e[i] = x;
    return 0;
}

static void heap_pop(heap *h)
{
    hent x = h->e[--h->n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= h->n)
            break;
        if (c + 1 < h->n && hent_less(&h->e[c + 1], &h->e[c]))
            c++;
        if (!hent_less(&h->e[c], &x))
            break;
        h->e[i] = h->e[c];
        i = c;
    }
    if (h->n)
        h->e[i] = x;
}

/* ---- slots --------------------------------------------------------------*/

/* Generic slot allocation over an array with a free list. */
#define SLOT_RESERVE(arr, n, cap, freel, nfree)                                                \
    do {                                                                                       \
        if (!(nfree) && (n) == (cap)) {                                                        \
            size_t ncap_ = (cap) ? (cap) * 2 : 64;                                             \
            void *na_ = prealloc((arr), pmul(ncap_, sizeof *(arr)));                           \
            if (!na_)                                                                          \
                return -1;                                                                     \
            (arr) = na_;                                                                       \
            void *nf_ = prealloc((freel), pmul(ncap_, sizeof *(freel)));                       \
            if (!nf_)                                                                          \
                return -1;                                                                     \
            (freel) = nf_;                                                                     \
            (cap) = ncap_;                                                                     \
        }                                                                                      \
    } while (0)

static int reserve_slots(precis_stream *s)
{
    SLOT_RESERVE(s->arts, s->nart, s->capart, s->free_art, s->nfree_art);
    SLOT_RESERVE(s->stories, s->nstory, s->capstory, s->free_story, s->nfree_story);
    return 0;
}

static uint32_t take_art(precis_stream *s)
{
    uint32_t i = s->nfree_art ? s->free_art[--s->nfree_art] : (uint32_t)s->nart++;
    memset(&s->arts[i], 0, sizeof s->arts[i]);
    return i;
}

static uint32_t take_story(precis_stream *s)
{
    uint32_t i = s->nfree_story ? s->free_story[--s->nfree_story] : (uint32_t)s->nstory++;
    memset(&s->stories[i], 0, sizeof s->stories[i]);
    return i;
}

static void art_fields_free(sart *x)
{
    pfree(x->id);
    pfree(x->source);
    pfree(x->date);
    pfree(x->title);
    pfree(x->text);
    memset(x, 0, sizeof *x);
}

static void story_fields_free(story *x)
{
    pfree(x->members);
    pfree(x->ids);
    pfree(x->cterm);
    pfree(x->cw);
    memset(x, 0, sizeof *x);
}

static void art_release(precis_stream *s, uint32_t a)
{
    art_fields_free(&s->arts[a]);
    s->free_art[s->nfree_art++] = a;
}

static void story_release(precis_stream *s, uint32_t t)
{
    story *x = &s->stories[t];
    if (x->id)
        u64map_del(&s->sids, x->id);
    for (uint32_t i = 0; i < x->n; i++)
        art_release(s, x->members[i]);
    story_fields_free(x);
    s->free_story[s->nfree_story++] = t;
}

/* ---- postings -----------------------------------------------------------*/

static void posting_remove(precis_stream *s, part *p, uint64_t term, uint64_t sid)
{
    uint32_t *pi = u64map_get(&p->post, term);
    if (!pi)
        return;
    posting *q = &s->posts[*pi];
    uint32_t j = 0;
    for (uint32_t i = 0; i < q->n; i++)
        if (q->sid[i] != sid) {
            q->slot[j] = q->slot[i];
            q->sid[j++] = q->sid[i];
        }
    q->n = j;
    if (!j) {
        pfree(q->slot);
        pfree(q->sid);
        memset(q, 0, sizeof *q);
        s->free_post[s->nfree_post++] = *pi;
        u64map_del(&p->post, term);
    }
}

/* Posts story t under term; -1 on allocation failure (nothing changed). */
static int posting_add(precis_stream *s, part *p, uint64_t term, uint32_t t)
{
    uint32_t *pi = u64map_get(&p->post, term);
    uint32_t idx;
    if (!pi) {
        if (u64map_reserve(&p->post, 1))
            return -1;
        if (!s->nfree_post && s->npost == s->cappost) {
            size_t cap = s->cappost ? s->cappost * 2 : 256;
            posting *np = prealloc(s->posts, pmul(cap, sizeof *np));
            if (!np)
                return -1;
            s->posts = np;
            uint32_t *nf = prealloc(s->free_post, pmul(cap, sizeof *nf));
            if (!nf)
                return -1;
            s->free_post = nf;
            s->cappost = cap;
        }
        idx = s->nfree_post ? s->free_post[--s->nfree_post] : (uint32_t)s->npost++;
        memset(&s->posts[idx], 0, sizeof s->posts[idx]);
        u64map_set(&p->post, term, idx);
    } else {
        idx = *pi;
    }
    posting *q = &s->posts[idx];
    if (q->n == q->cap && q->cap < STREAM_POSTING_CAP) {
        uint32_t cap = q->cap ? q->cap * 2 : 4;
        if (cap > STREAM_POSTING_CAP)
            cap = STREAM_POSTING_CAP;
        uint32_t *ns = prealloc(q->slot, pmul(cap, sizeof *ns));
        if (ns)
            q->slot = ns;
        uint64_t *nd = ns ? prealloc(q->sid, pmul(cap, sizeof *nd)) : NULL;
        if (nd)
            q->sid = nd;
        if (!ns || !nd) {
            if (!q->n) { /* a fresh empty posting: take it back */
                posting_remove(s, p, term, 0);
            }
            return -1;
        }
        q->cap = cap;
    }
    if (q->n == STREAM_POSTING_CAP) { /* full: the oldest story leaves */
        memmove(q->slot, q->slot + 1, (q->n - 1) * sizeof *q->slot);
        memmove(q->sid, q->sid + 1, (q->n - 1) * sizeof *q->sid);
        q->n--;
    }
    q->slot[q->n] = t;
    q->sid[q->n++] = s->stories[t].id;
    return 0;
}

/* ---- options, new, free -------------------------------------------------*/

void precis_stream_options_init(precis_stream_options *opt)
{
    memset(opt, 0, sizeof *opt);
}

static void fill_defaults(precis_stream_options *o)
{
    if (!(o->close_after > 0))
        o->close_after = STREAM_CLOSE_AFTER;
    if (!o->close_after_articles)
        o->close_after_articles = STREAM_CLOSE_ARTICLES;
    if (!(o->threshold > 0))
        o->threshold = STREAM_THRESHOLD;
}

static precis_stream *stream_alloc(const precis_stream_options *opt)
{
    precis_stream *s = pcalloc(1, sizeof *s);
    if (!s)
        return NULL;
    if (opt)
        s->opt = *opt;
    fill_defaults(&s->opt);
    s->opt.lang = NULL;
    s->clock = NAN;
    s->next_story = 1;
    s->popped = UINT32_MAX;
    s->acc_cap = 1024;
    s->acc = pmalloc(pmul(s->acc_cap, sizeof *s->acc));
    s->acc_used = pmalloc(pmul(s->acc_cap, sizeof *s->acc_used));
    s->vec = pmalloc(pmul(s->acc_cap, sizeof *s->vec));
    s->jc = precis_cluster_new();
    if (!s->acc || !s->acc_used || !s->vec || !s->jc || detect_init(s)) {
        precis_stream_free(s);
        return NULL;
    }
    for (size_t i = 0; i < s->acc_cap; i++)
        s->acc[i].term = 0;
    if (opt && opt->lang) {
        const char *name = lang_resolve(opt->lang);
        uint32_t l;
        if (!name || !(s->opt_lang = pstrndup(name, strlen(name))) ||
            lang_get(s, name, &l)) {
            precis_stream_free(s);
            return NULL;
        }
        s->opt.lang = s->opt_lang;
    }
    return s;
}

precis_stream *precis_stream_new(const precis_stream_options *opt)
{
    return stream_alloc(opt);
}

void precis_stream_free(precis_stream *s)
{
    if (!s)
        return;
    /* released slots hold NULL pointers: free every slot's fields */
    for (size_t i = 0; i < s->nstory; i++)
        story_fields_free(&s->stories[i]);
    for (size_t i = 0; i < s->nart; i++)
        art_fields_free(&s->arts[i]);
    for (size_t i = 0; i < s->npost; i++) {
        pfree(s->posts[i].slot);
        pfree(s->posts[i].sid);
    }
    for (size_t i = 0; i < s->nlang; i++)
        norm_free(s->langs[i].nm);
    for (size_t i = 0; i < s->npart; i++) {
        pfree(s->parts[i].sketch);
        pfree(s->parts[i].blocks);
        pfree(s->parts[i].seen);
        u64map_free(&s->parts[i].post);
        u64map_free(&s->parts[i].bands);
    }
    pfree(s->parts);
    pfree(s->arts);
    pfree(s->free_art);
    pfree(s->stories);
    pfree(s->free_story);
    pfree(s->posts);
    pfree(s->free_post);
    precis_cluster_free(s->jc);
    u64map_free(&s->ids);
    u64map_free(&s->sids);
    dict_free(&s->detect);
    pfree(s->hseq.e);
    pfree(s->htime.e);
    pfree(s->closed);
    pfree(s->acc);
    pfree(s->acc_used);
    pfree(s->vec);
    pfree(s->cand_count);
    pfree(s->cand_stamp);
    pfree(s->cand);
    pfree(s->opt_lang);
    pfree(s);
}

const char *precis_stream_error(const precis_stream *s) { return s ? s->err : "no stream"; }

/* ---- features -------------------------------------------------------------*/

static int acc_grow(precis_stream *s)
{
    size_t ncap = s->acc_cap * 2;
    wterm *na = pmalloc(pmul(ncap, sizeof *na));
    uint32_t *nu = pmalloc(pmul(ncap, sizeof *nu));
    wterm *nv = pmalloc(pmul(ncap, sizeof *nv));
    if (!na || !nu || !nv) {
        pfree(na);
        pfree(nu);
        pfree(nv);
        return -1;
    }
    for (size_t i = 0; i < ncap; i++)
        na[i].term = 0;
    size_t n = 0;
    for (size_t k = 0; k < s->acc_n; k++) {
        wterm *e = &s->acc[s->acc_used[k]];
        size_t j = (size_t)hash_mix(e->term) & (ncap - 1);
        while (na[j].term)
            j = (j + 1) & (ncap - 1);
        na[j] = *e;
        nu[n++] = (uint32_t)j;
    }
    pfree(s->acc);
    pfree(s->acc_used);
    pfree(s->vec);
    s->acc = na;
    s->acc_used = nu;
    s->vec = nv;
    s->acc_cap = ncap;
    return 0;
}

static int acc_add(precis_stream *s, uint64_t term, double w, int ent)
{
    term = key_nz(term);
    if ((s->acc_n + 1) * 2 > s->acc_cap && acc_grow(s))
        return -1;
    size_t mask = s->acc_cap - 1;
    size_t i = (size_t)hash_mix(term) & mask;
    while (s->acc[i].term && s->acc[i].term != term)
        i = (i + 1) & mask;
    if (!s->acc[i].term) {
        s->acc[i].term = term;
        s->acc[i].w = 0;
        s->acc[i].ent = ent;
        s->acc_used[s->acc_n++] = (uint32_t)i;
    }
    s->acc[i].w += w;
    return 0;
}

static void acc_clear(precis_stream *s)
{
    for (size_t k = 0; k < s->acc_n; k++)
        s->acc[s->acc_used[k]].term = 0;
    s->acc_n = 0;
}

/* Does the word at t[start] open a sentence (only spaces and quotes
   between it and a sentence end or the text's start)? */
static int sentence_initial(const char *t, size_t start)
{
    size_t i = start;
    while (i > 0) {
        unsigned char c = (unsigned char)t[i - 1];
        if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' || c == '`' || c >= 0x80)
            i--;
        else
            return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':';
    }
    return 1;
}

typedef struct feat_ctx {
    precis_stream *s;
    norm *nm;
    const char *t;
} feat_ctx;

static int feat_token(void *ud, uint32_t stem, int stop, size_t start, size_t end)
{
    feat_ctx *f = ud;
    precis_stream *s = f->s;
    uint64_t h = norm_stem_hash(f->nm, stem);
    if (!s->title_pass) {
        /* word 4-shingles over every word (stop words included) */
        s->shingle[s->nshingle++ & 3] = h;
        if (s->nshingle >= 4) {
            uint64_t x = 0;
            for (size_t k = 0; k < 4; k++)
                x = hash_mix(x ^ s->shingle[(s->nshingle + k) & 3]) + k;
            uint32_t bin = (uint32_t)(x >> 59); /* top 5 bits: 32 bins */
            uint32_t v = (uint32_t)x;
            if (v < s->sig[bin])
                s->sig[bin] = v;
            s->nshingles++;
        }
        s->text_words++;
    }
    if (stop) {
        s->prev_num = 0;
        return 0;
    }
    (void)end;
    double w = 1.0;
    unsigned char c = (unsigned char)f->t[start];
    if (s->title_pass)
        w *= STREAM_W_TITLE;
    else if (s->text_words <= STREAM_LEAD_WORDS)
        w *= STREAM_W_LEAD;
    int ent = 0, num = c >= '0' && c <= '9';
    if (num) {
        w *= STREAM_W_NUM;
        ent = 1;
    } else if (c >= 'A' && c <= 'Z' && !sentence_initial(f->t, start)) {
        w *= STREAM_W_NAME;
        ent = 1;
    }
    /* a number followed by a content word ("23 pirates", "6.1 magnitude")
       is a pair: the count of a counted noun, kept per story */
    if (!num && s->prev_num && s->npair < STREAM_PAIRS) {
        uint64_t ph = hash_mix(s->prev_num * 0x9e3779b97f4a7c15ULL ^ h);
        size_t k = 0;
        while (k < s->npair && s->pair[k] != ph)
            k++;
        if (k == s->npair)
            s->pair[s->npair++] = ph;
    }
    s->prev_num = num ? h | 1 : 0;
    /* names and numbers also count as entity terms, their own dimensions
       with their own document frequencies, so that two events told in
       the same words but with different names, places and figures
       differ (the separate entity similarity of Miranda et al.) */
    if (ent && acc_add(s, h ^ STREAM_ENT_SALT, w * STREAM_W_ENT, 1))
        return -1;
    return acc_add(s, h, w, 0) ? -1 : 0;
}

static int wterm_by_weight(const void *a, const void *b)
{
    const wterm *x = a, *y = b;
    if (x->w != y->w)
        return x->w > y->w ? -1 : 1;
    return x->term < y->term ? -1 : x->term > y->term;
}

static int wterm_by_term(const void *a, const void *b)
{
    const wterm *x = a, *y = b;
    return x->term < y->term ? -1 : x->term > y->term;
}

static uint32_t sketch_get(const part *p, uint64_t h)
{
    size_t m = ((size_t)1 << STREAM_SKETCH_BITS) - 1;
    uint32_t a = p->sketch[h & m];
    uint32_t b = p->sketch[((size_t)1 << STREAM_SKETCH_BITS) + ((h >> 32) & m)];
    return a < b ? a : b;
}

static void sketch_touch(part *p, size_t cell)
{
    size_t b = cell / 64;
    if (!p->seen[b]) {
        p->seen[b] = 1;
        p->blocks[p->nblocks++] = (uint32_t)b;
    }
}

/* Conservative update: only the rows at the minimum grow. */
static void sketch_inc(part *p, uint64_t h)
{
    size_t m = ((size_t)1 << STREAM_SKETCH_BITS) - 1;
    size_t ia = h & m, ib = ((size_t)1 << STREAM_SKETCH_BITS) + ((h >> 32) & m);
    uint32_t *a = &p->sketch[ia], *b = &p->sketch[ib];
    uint32_t v = *a < *b ? *a : *b;
    if (v == UINT32_MAX)
        return;
    if (*a == v) {
        (*a)++;
        sketch_touch(p, ia);
    }
    if (*b == v) {
        (*b)++;
        sketch_touch(p, ib);
    }
}

/* Computes the article's vector (s->vec, sorted by term), query terms and
   signature.  Reads the term statistics, changes nothing else. */
static precis_status features(precis_stream *s, uint32_t li, const precis_article *a,
                              const char *text, size_t len)
{
    lang *l = &s->langs[li];
    part *p = &s->parts[l->part];
    norm_reset_if_large(l->nm); /* ids are not kept: terms are stem hashes */
    acc_clear(s);
    feat_ctx f = {s, l->nm, NULL};
    s->nshingle = s->nshingles = s->text_words = 0;
    s->npair = 0;
    s->prev_num = 0;
    for (size_t i = 0; i < STREAM_MH_BINS; i++)
        s->sig[i] = UINT32_MAX;
    const char *title = a->title;
    size_t tlen = title ? strlen(title) : 0;
    if (!tlen) {
        /* no title given: a short first line without a final full stop
           is the headline (scraped and wire texts put it there) */
        const char *nl = memchr(text, '\n', len < STREAM_HEADLINE_BYTES ? len : STREAM_HEADLINE_BYTES);
        if (nl && nl > text && nl[-1] != '.' && nl[-1] != ' ') {
            title = text;
            tlen = (size_t)(nl - text);
            text = nl + 1;
            len -= tlen + 1;
        }
    }
    if (tlen) {
        s->title_pass = 1;
        f.t = title;
        if (norm_tokens(l->nm, title, tlen, feat_token, &f))
            goto oom;
    }
    s->title_pass = 0;
    s->prev_num = 0;
    f.t = text;
    if (norm_tokens(l->nm, text, len, feat_token, &f))
        goto oom;
    /* weights */
    double n1 = (double)p->ndocs + 1.0;
    size_t nv = 0;
    for (size_t k = 0; k < s->acc_n; k++) {
        wterm *e = &s->acc[s->acc_used[k]];
        double idf = log(n1 / (1.0 + sketch_get(p, e->term))) + 1.0;
        s->vec[nv].term = e->term;
        s->vec[nv].ent = e->ent;
        s->vec[nv].idf = idf;
        s->vec[nv++].w = (1.0 + log(e->w)) * idf;
    }
    qsort(s->vec, nv, sizeof *s->vec, wterm_by_weight);
    if (nv > STREAM_TOP_TERMS)
        nv = STREAM_TOP_TERMS;
    double norm2 = 0;
    for (size_t k = 0; k < nv; k++)
        norm2 += s->vec[k].w * s->vec[k].w;
    double inv = norm2 > 0 ? 1.0 / sqrt(norm2) : 0;
    for (size_t k = 0; k < nv; k++)
        s->vec[k].w *= inv;
    /* while idf is cold the weight order says little: look up more */
    size_t nq = p->ndocs < STREAM_WARM_DOCS ? STREAM_QUERY_TERMS : STREAM_QUERY_WARM;
    s->nquery = nv < nq ? nv : nq;
    for (size_t k = 0; k < s->nquery; k++)
        s->query[k] = s->vec[k].term;
    qsort(s->vec, nv, sizeof *s->vec, wterm_by_term);
    s->nvec = nv;
    /* signature: densify empty bins from the next non-empty one */
    s->has_sig = s->nshingles >= STREAM_MIN_SHINGLES;
    if (s->has_sig) {
        for (uint32_t b = 0; b < STREAM_MH_BINS; b++) {
            uint32_t k = 0;
            while (s->sig[(b + k) % STREAM_MH_BINS] == UINT32_MAX)
                k++;
            if (k)
                s->sig[b] = (uint32_t)hash_mix(s->sig[(b + k) % STREAM_MH_BINS] + (uint64_t)k * 0x9e37u);
        }
        /* (bins filled in one pass can be read by later ones: the
           densified values stay a function of the shingle set) */
    }
    return PRECIS_OK;
oom:
    perr_set(s->err, sizeof s->err, "out of memory");
    return PRECIS_ENOMEM;
}

static uint64_t band_key(uint32_t part_i, uint32_t b, const uint32_t *sig)
{
    uint64_t x = (uint64_t)sig[2 * b] << 32 | sig[2 * b + 1];
    return hash_mix(x ^ ((uint64_t)b << 56) ^ ((uint64_t)part_i << 48));
}

/* ---- closing ---------------------------------------------------------------*/

/* Room in the closed queue for `more` stories, so that closing them
   cannot fail. */
static int queue_reserve(precis_stream *s, size_t more)
{
    if (s->cq_n + more <= s->cq_cap)
        return 0;
    size_t cap = s->cq_cap ? s->cq_cap : 64;
    while (cap < s->cq_n + more)
        cap *= 2;
    uint32_t *nq = pmalloc(pmul(cap, sizeof *nq));
    if (!nq)
        return -1;
    for (size_t i = 0; i < s->cq_n; i++)
        nq[i] = s->closed[(s->cq_head + i) % s->cq_cap];
    pfree(s->closed);
    s->closed = nq;
    s->cq_head = 0;
    s->cq_cap = cap;
    return 0;
}

static int queue_push(precis_stream *s, uint32_t t)
{
    if (queue_reserve(s, 1))
        return -1;
    s->closed[(s->cq_head + s->cq_n++) % s->cq_cap] = t;
    return 0;
}

/* Takes story t out of the working set: index, bands, ids. */
static void story_close(precis_stream *s, uint32_t t)
{
    story *x = &s->stories[t];
    part *p = &s->parts[x->part];
    for (uint32_t i = 0; i < x->npost; i++)
        posting_remove(s, p, x->post[i], x->id);
    for (uint32_t i = 0; i < x->n; i++) {
        sart *a = &s->arts[x->members[i]];
        uint32_t *v = u64map_get(&s->ids, a->idhash);
        if (v && *v == x->members[i])
            u64map_del(&s->ids, a->idhash);
        if (a->has_sig)
            for (uint32_t b = 0; b < STREAM_MH_BANDS; b++) {
                uint64_t k = band_key(x->part, b, a->sig);
                uint32_t *w = u64map_get(&p->bands, k);
                if (w && *w == x->members[i])
                    u64map_del(&p->bands, k);
            }
    }
    pfree(x->cterm);
    pfree(x->cw);
    x->cterm = NULL;
    x->cw = NULL;
    x->nc = 0;
    x->npost = 0;
    x->open = 0;
    s->n_open--;
    s->n_open_arts -= x->n;
    if (s->opt.drop_closed || queue_push(s, t))
        story_release(s, t); /* out of memory: the story is dropped */
}

/* Closes the stories idle at arrival seq / clock. */
static void close_idle(precis_stream *s, uint64_t seq, double clock)
{
    heap *h = &s->hseq;
    while (h->n && h->e[0].key + (double)s->opt.close_after_articles < (double)seq) {
        hent e = h->e[0];
        heap_pop(h);
        story *x = &s->stories[e.slot];
        if (x->id == e.sid && x->open && (double)x->last_seq == e.key)
            story_close(s, e.slot);
    }
    h = &s->htime;
    while (!isnan(clock) && h->n && h->e[0].key + s->opt.close_after < clock) {
        hent e = h->e[0];
        heap_pop(h);
        story *x = &s->stories[e.slot];
        if (x->id == e.sid && x->open && x->last_time == e.key)
            story_close(s, e.slot);
    }
}

/* Releases the story handed out by the last next_closed. */
static void release_popped(precis_stream *s)
{
    if (s->popped != UINT32_MAX) {
        story_release(s, s->popped);
        s->popped = UINT32_MAX;
    }
}

/* ---- assignment ---------------------------------------------------------------*/

static double term_idf(const part *p, uint64_t term)
{
    return log(((double)p->ndocs + 1.0) / (1.0 + sketch_get(p, term))) + 1.0;
}

/* The norm of story x's centroid weighed by the current idf. */
static void centroid_norm(const part *p, story *x)
{
    double norm2 = 0;
    for (uint32_t k = 0; k < x->nc; k++) {
        double w = x->cw[k] * term_idf(p, x->cterm[k]);
        norm2 += w * w;
    }
    x->cnorm = sqrt(norm2);
    x->cnorm_docs = p->ndocs;
}

/* Cosine of the article to story x's centroid, weighed by the current idf
   (the article's own); *ents counts the entity terms they share.  The
   centroid's norm is recomputed when the partition has grown by a quarter
   since it was last taken, so that it never lags far behind. */
static double cosine_centroid(const precis_stream *s, const part *p, story *x, unsigned *ents)
{
    *ents = 0;
    if (!x->nc)
        return 0;
    if (p->ndocs > x->cnorm_docs + x->cnorm_docs / 4 + STREAM_WARM_DOCS)
        centroid_norm(p, x);
    if (x->cnorm <= 0)
        return 0;
    double dot = 0;
    size_t i = 0, j = 0;
    while (i < s->nvec && j < x->nc) {
        if (s->vec[i].term < x->cterm[j])
            i++;
        else if (s->vec[i].term > x->cterm[j])
            j++;
        else {
            *ents += (unsigned)s->vec[i].ent;
            dot += s->vec[i].w * s->vec[i].idf * x->cw[j++];
            i++;
        }
    }
    return dot / x->cnorm;
}

static int cand_reserve(precis_stream *s)
{
    if (s->cand_cap >= s->capstory && s->cand_cap)
        return 0;
    size_t cap = s->capstory ? s->capstory : 64;
    uint32_t *c = pcalloc(cap, sizeof *c), *t = pcalloc(cap, sizeof *t),
             *l = pmalloc(pmul(cap, sizeof *l));
    if (!c || !t || !l) {
        pfree(c);
        pfree(t);
        pfree(l);
        return -1;
    }
    pfree(s->cand_count);
    pfree(s->cand_stamp);
    pfree(s->cand);
    s->cand_count = c;
    s->cand_stamp = t;
    s->cand = l;
    s->cand_cap = cap;
    s->cand_gen = 0;
    return 0;
}

/* The best open story for the article in s->vec: slot and score. */
static uint32_t best_story(precis_stream *s, uint32_t part_i, double t, double *score,
                           unsigned *best_ents)
{
    part *p = &s->parts[part_i];
    if (++s->cand_gen == 0) {
        memset(s->cand_stamp, 0, s->cand_cap * sizeof *s->cand_stamp);
        s->cand_gen = 1;
    }
    s->ncand = 0;
    for (size_t k = 0; k < s->nquery; k++) {
        uint32_t *pi = u64map_get(&p->post, s->query[k]);
        if (!pi)
            continue;
        posting *q = &s->posts[*pi];
        for (uint32_t i = 0; i < q->n; i++) {
            uint32_t slot = q->slot[i];
            if (s->stories[slot].id != q->sid[i] || !s->stories[slot].open)
                continue;
            if (s->cand_stamp[slot] != s->cand_gen) {
                s->cand_stamp[slot] = s->cand_gen;
                s->cand_count[slot] = 0;
                s->cand[s->ncand++] = slot;
            }
            s->cand_count[slot]++;
        }
    }
    /* keep the STREAM_CANDIDATES stories sharing the most query terms:
       a counting pass over the counts (at most STREAM_QUERY_TERMS) */
    size_t keep = s->ncand;
    uint32_t min_count = 0;
    if (keep > STREAM_CANDIDATES) {
        size_t hist[STREAM_QUERY_TERMS + 2] = {0};
        for (size_t i = 0; i < s->ncand; i++)
            hist[s->cand_count[s->cand[i]]]++;
        size_t acc = 0;
        for (uint32_t c = STREAM_QUERY_TERMS + 1; c > 0; c--) {
            acc += hist[c];
            if (acc >= STREAM_CANDIDATES) {
                min_count = c;
                break;
            }
        }
    }
    uint32_t best = UINT32_MAX;
    double bs = -1;
    unsigned bents = 0;
    size_t scored = 0;
    for (size_t i = 0; i < s->ncand && scored < STREAM_CANDIDATES; i++) {
        uint32_t slot = s->cand[i];
        if (s->cand_count[slot] < min_count)
            continue;
        scored++;
        story *x = &s->stories[slot];
        unsigned ents;
        double sc = cosine_centroid(s, p, x, &ents);
        if (!isnan(t) && !isnan(x->last_time)) {
            double dt = (t - x->last_time) / s->opt.close_after;
            sc *= exp(-0.5 * dt * dt);
        }
        if (sc > bs || (sc == bs && x->id < s->stories[best].id)) {
            bs = sc;
            best = slot;
            bents = ents;
        }
    }
    *score = bs;
    *best_ents = bents;
    return best;
}

/* Does an article with similarity sc to its best story, sharing ents
   entity terms with it, join it?  Once warm, when sc reaches the
   threshold.  While the partition has seen fewer than STREAM_WARM_DOCS
   articles, its idf cannot yet tell an event's rare names from common
   words (every term has df 0 or 1): two reports of one event that word it
   differently score low, and two unrelated reports written to one
   template score high.  What tells them apart then is the names and
   numbers they share (the entity evidence of Miranda et al. 2018): a
   cold join needs STREAM_COLD_ENTS shared entity terms, and a threshold
   that ramps from 0.4 of its value to all of it over that span.
   Once warm, an article that shares a number-noun pair with the story
   ("23 pirates", "6.1 magnitude": who and how many, the specifics that
   tell one event from another of its kind) joins from STREAM_PAIR_LOW of
   the threshold.  (Measured on the gold streams: BCubed F1 0.770 -> 0.772
   on Multi-News, 0.882 -> 0.888 on ECB+; see the README.) */
static int shares_pair_one(const story *x, uint64_t ph)
{
    for (uint32_t j = 0; j < x->npair; j++)
        if (x->pair[j] == ph)
            return 1;
    return 0;
}

static int shares_pair(const precis_stream *s, const story *x)
{
    for (size_t i = 0; i < s->npair; i++)
        if (shares_pair_one(x, s->pair[i]))
            return 1;
    return 0;
}

static int joins(const precis_stream *s, const part *p, const story *x, double sc,
                 unsigned ents)
{
    double th = s->opt.threshold;
    if (p->ndocs >= STREAM_WARM_DOCS)
        return sc >= th || (sc >= th * STREAM_PAIR_LOW && shares_pair(s, x));
    return ents >= STREAM_COLD_ENTS &&
           sc >= th * (0.4 + 0.6 * (double)p->ndocs / STREAM_WARM_DOCS);
}

/* Adds the article vector to story x's centroid, keeping the heaviest
   STREAM_CENTROID_TERMS terms.  -1 on allocation failure (x unchanged).
   The centroid keeps its members' weights without their idf (each member's
   unit vector divided by the idf it was weighed with), and the idf is
   applied when it is read: a story opened while a term was rare no longer
   weighs it as rare once the stream has made it common -- the stale-idf
   problem of incremental TF-IDF clustering, where idf is re-estimated
   online as documents arrive (Allan et al., "On-line new event detection
   and tracking", SIGIR 1998; Brants, Chen & Farahat, "A system for new
   event detection", SIGIR 2003).  The norm is taken with the idf before
   the article itself is counted, and again once the partition has grown
   by a quarter: a young story's norm so counts its own terms as rarer
   than the next article sees them, which makes a small story a little
   harder to join (taking it after the article is counted gave 0.884 on
   ECB+ instead of 0.900).  Measured on the gold streams at threshold
   0.30: BCubed F1 0.772 -> 0.773 on Multi-News, 0.888 -> 0.900 on ECB+
   (with 200/256 terms; see the README). */
static int centroid_add(precis_stream *s, story *x)
{
    size_t cap = x->nc + s->nvec;
    uint64_t *nt = pmalloc(pmul(cap, sizeof *nt));
    float *nw = pmalloc(pmul(cap, sizeof *nw));
    wterm *tmp = pmalloc(pmul(cap, sizeof *tmp));
    if (!nt || !nw || !tmp) {
        pfree(nt);
        pfree(nw);
        pfree(tmp);
        return -1;
    }
    const part *p = &s->parts[x->part];
    size_t i = 0, j = 0, n = 0;
    /* merge; tmp[].w is the idf-free weight, tmp[].idf the current idf
       (the article not counted yet: see above) */
    while (i < s->nvec || j < x->nc) {
        const wterm *v = &s->vec[i];
        if (j >= x->nc || (i < s->nvec && v->term < x->cterm[j])) {
            tmp[n] = *v;
            tmp[n++].w = v->w / v->idf;
            i++;
        } else if (i >= s->nvec || x->cterm[j] < v->term) {
            tmp[n].term = x->cterm[j];
            tmp[n].ent = 0;
            tmp[n].idf = term_idf(p, x->cterm[j]);
            tmp[n++].w = x->cw[j++];
        } else {
            tmp[n] = *v;
            tmp[n++].w = x->cw[j++] + v->w / v->idf;
            i++;
        }
    }
    /* the heaviest terms by their current weight */
    for (size_t k = 0; k < n; k++)
        tmp[k].w *= tmp[k].idf;
    if (n > STREAM_CENTROID_TERMS) {
        qsort(tmp, n, sizeof *tmp, wterm_by_weight);
        n = STREAM_CENTROID_TERMS;
        qsort(tmp, n, sizeof *tmp, wterm_by_term);
    }
    double norm2 = 0;
    for (size_t k = 0; k < n; k++) {
        nt[k] = tmp[k].term;
        nw[k] = (float)(tmp[k].w / tmp[k].idf);
        norm2 += tmp[k].w * tmp[k].w;
    }
    pfree(tmp);
    pfree(x->cterm);
    pfree(x->cw);
    x->cterm = nt;
    x->cw = nw;
    x->nc = (uint32_t)n;
    x->cnorm = sqrt(norm2);
    x->cnorm_docs = p->ndocs;
    return 0;
}

static char *dup_opt(const char *v, int *fail)
{
    if (!v)
        return NULL;
    char *d = pstrndup(v, strlen(v));
    if (!d)
        *fail = 1;
    return d;
}

static int members_reserve(story *x)
{
    if (x->n < x->cap)
        return 0;
    uint32_t cap = x->cap ? x->cap * 2 : 4;
    uint32_t *nm = prealloc(x->members, pmul(cap, sizeof *nm));
    if (!nm)
        return -1;
    x->members = nm;
    const char **ni = prealloc(x->ids, pmul(cap, sizeof *ni));
    if (!ni)
        return -1;
    x->ids = ni;
    x->cap = cap;
    return 0;
}

precis_status precis_stream_add(precis_stream *s, const precis_article *a, const char *lang_arg,
                                precis_assignment *out)
{
    if (!s)
        return PRECIS_EINVAL;
    release_popped(s);
    if (out)
        memset(out, 0, sizeof *out);
    size_t skip, ds, dl;
    precis_status st = cluster_check_article(a, &skip, &ds, &dl, s->err, sizeof s->err);
    if (st)
        return st;
    const char *text = (a->text ? a->text : "") + skip;
    size_t len = a->text_len - skip;
    /* the id: given, or the arrival number */
    char idbuf[32];
    const char *id = a->id;
    if (!id) {
        snprintf(idbuf, sizeof idbuf, "%llu", (unsigned long long)(s->seq + 1));
        id = idbuf;
    }
    uint64_t idhash = hash_bytes(id, strlen(id));
    uint32_t *dupe = u64map_get(&s->ids, idhash);
    if (dupe && !strcmp(s->arts[*dupe].id, id)) {
        perr_set(s->err, sizeof s->err, "duplicate id \"%.64s\" (an article of open story %llu)",
                 id, (unsigned long long)s->stories[s->arts[*dupe].story].id);
        return PRECIS_EDUP;
    }
    /* language */
    const char *lname = s->opt.lang;
    if (!lname && lang_arg) {
        lname = lang_resolve(lang_arg);
        if (!lname) {
            perr_set(s->err, sizeof s->err, "unknown language \"%.32s\"", lang_arg);
            return PRECIS_ELANG;
        }
    }
    precis_article view = *a;
    view.text = text;
    view.text_len = len;
    if (!lname)
        lname = detect_lang(s, &view);
    uint32_t li;
    if ((st = lang_get(s, lname, &li)))
        return st;
    uint32_t pi = s->langs[li].part;
    part *p = &s->parts[pi];
    /* date: given, or from the metadata line */
    char datebuf[40];
    const char *date = a->date;
    if (!date && dl) {
        size_t k = dl < sizeof datebuf - 1 ? dl : sizeof datebuf - 1;
        memcpy(datebuf, text - skip + ds, k);
        datebuf[k] = '\0';
        date = datebuf;
    }
    double t = parse_date(date);
    if ((st = features(s, li, a, text, len)))
        return st;

    /* reserve everything the commit needs, so that it cannot fail */
    if (reserve_slots(s) || u64map_reserve(&s->ids, 1) || u64map_reserve(&s->sids, 1) ||
        u64map_reserve(&p->bands, STREAM_MH_BANDS) || heap_reserve(&s->hseq, 1) ||
        heap_reserve(&s->htime, 1) || cand_reserve(s) ||
        (!s->opt.drop_closed && queue_reserve(s, s->n_open)))
        goto oom;
    int fail = 0;
    char *cid = dup_opt(id, &fail);
    char *cdate = dup_opt(date, &fail);
    char *csrc = NULL, *ctitle = NULL, *ctext = NULL;
    if (s->opt.keep_text) {
        csrc = dup_opt(a->source, &fail);
        ctitle = dup_opt(a->title, &fail);
        ctext = pstrndup(text, len);
        fail |= !ctext;
    }
    if (fail) {
        pfree(cid);
        pfree(cdate);
        pfree(csrc);
        pfree(ctitle);
        pfree(ctext);
        goto oom;
    }

    /* close idle stories first: an article never joins a story that its
       own arrival closes */
    uint64_t seq = s->seq + 1;
    double clock = s->clock;
    if (!isnan(t) && (isnan(clock) || t > clock))
        clock = t;
    close_idle(s, seq, clock);
    p = &s->parts[pi];

    /* 1. a copy? */
    uint32_t target = UINT32_MAX, copy_src = UINT32_MAX;
    double score = 0;
    if (s->has_sig) {
        for (uint32_t b = 0; b < STREAM_MH_BANDS; b++) {
            uint32_t *v = u64map_get(&p->bands, band_key(pi, b, s->sig));
            if (!v || *v == copy_src)
                continue;
            const sart *o = &s->arts[*v];
            unsigned same = 0;
            for (uint32_t k = 0; k < STREAM_MH_BINS; k++)
                same += o->sig[k] == s->sig[k];
            double j = (double)same / STREAM_MH_BINS;
            if (j >= STREAM_COPY_J && j > score) {
                score = j;
                copy_src = *v;
            }
        }
        if (copy_src != UINT32_MAX)
            target = s->arts[copy_src].story;
    }
    /* 2. the nearest story */
    if (target == UINT32_MAX && s->nvec) {
        double sc;
        unsigned ents;
        uint32_t b = best_story(s, pi, t, &sc, &ents);
        if (b != UINT32_MAX && joins(s, p, &s->stories[b], sc, ents)) {
            target = b;
            score = sc;
        }
    }
    int is_new = target == UINT32_MAX;
    if (is_new) {
        target = take_story(s);
        story *x = &s->stories[target];
        x->id = s->next_story++;
        u64map_set(&s->sids, x->id, target);
        x->part = pi;
        x->lang = li;
        x->open = 1;
        x->first_seq = seq;
        x->last_time = NAN;
        x->last_dated = UINT32_MAX;
        s->n_open++;
        score = 0;
    }
    story *x = &s->stories[target];
    if (members_reserve(x) ||
        (copy_src == UINT32_MAX && centroid_add(s, x))) {
        if (is_new) {
            s->next_story--;
            s->n_open--;
            story_release(s, target);
        }
        pfree(cid);
        pfree(cdate);
        pfree(csrc);
        pfree(ctitle);
        pfree(ctext);
        goto oom;
    }
    /* commit */
    uint32_t ai = take_art(s);
    sart *ar = &s->arts[ai];
    ar->id = cid;
    ar->idhash = idhash;
    ar->seq = seq;
    ar->story = target;
    ar->lang = li;
    ar->time = t;
    ar->date = cdate;
    ar->source = csrc;
    ar->title = ctitle;
    ar->text = ctext;
    ar->text_len = len;
    ar->has_sig = s->has_sig;
    memcpy(ar->sig, s->sig, sizeof ar->sig);
    x->members[x->n++] = ai;
    for (size_t i = 0; i < s->npair && x->npair < STREAM_PAIRS; i++)
        if (!shares_pair_one(x, s->pair[i]))
            x->pair[x->npair++] = s->pair[i];
    x->last_seq = seq;
    x->version++;
    if (!isnan(t) && (isnan(x->last_time) || t >= x->last_time)) {
        x->last_time = t;
        x->last_dated = ai;
        heap_push(&s->htime, t, x->id, target); /* reserved */
    }
    heap_push(&s->hseq, (double)seq, x->id, target);
    u64map_set(&s->ids, idhash, ai);
    if (ar->has_sig)
        for (uint32_t b = 0; b < STREAM_MH_BANDS; b++)
            u64map_set(&p->bands, band_key(pi, b, ar->sig), ai);
    /* post the query terms this story has not posted yet (best effort:
       a failed posting only makes the story a little harder to find) */
    if (copy_src == UINT32_MAX)
        for (size_t k = 0; k < s->nquery && k < STREAM_ART_POST && x->npost < STREAM_POST_TERMS;
             k++) {
            uint32_t i;
            for (i = 0; i < x->npost; i++)
                if (x->post[i] == s->query[k])
                    break;
            if (i < x->npost)
                continue;
            if (posting_add(s, p, s->query[k], target) == 0)
                x->post[x->npost++] = s->query[k];
        }
    /* term statistics */
    p->ndocs++;
    for (size_t k = 0; k < s->acc_n; k++)
        sketch_inc(p, s->acc[s->acc_used[k]].term);
    s->seq = seq;
    s->clock = clock;
    s->n_open_arts++;
    if (copy_src != UINT32_MAX)
        s->n_copies++;
    if (out) {
        out->story = x->id;
        out->new_story = is_new;
        out->lang = s->langs[li].name;
        out->score = score;
        out->id = ar->id;
        if (copy_src != UINT32_MAX) {
            out->copy_of = s->arts[copy_src].id;
        }
    }
    s->err[0] = '\0';
    return PRECIS_OK;
oom:
    perr_set(s->err, sizeof s->err, "out of memory");
    return PRECIS_ENOMEM;
}

precis_status precis_stream_add_json(precis_stream *s, const char *line, size_t len,
                                     precis_assignment *out)
{
    if (!s || (!line && len))
        return PRECIS_EINVAL;
    release_popped(s);
    if (out)
        memset(out, 0, sizeof *out);
    precis_article a;
    const char *lang_v = NULL;
    char idbuf[CLUSTER_IDBUF];
    void *hold;
    precis_status st = cluster_parse_json(s->jc, line, len, &a, &lang_v, idbuf, &hold);
    if (st) {
        perr_set(s->err, sizeof s->err, "%s", precis_cluster_error(s->jc));
        return st;
    }
    st = precis_stream_add(s, &a, lang_v, out);
    cluster_json_release(hold);
    return st;
}

/* ---- reading stories ------------------------------------------------------*/

/* The slot of open story id, or of the popped story; UINT32_MAX if none. */
static uint32_t find_story(const precis_stream *s, uint64_t id)
{
    const uint32_t *t = id ? u64map_get(&s->sids, id) : NULL;
    if (!t || !(s->stories[*t].open || *t == s->popped))
        return UINT32_MAX;
    return *t;
}

static void fill_story(const precis_stream *s, uint32_t t, precis_story *out)
{
    story *x = &s->stories[t];
    for (uint32_t i = 0; i < x->n; i++)
        x->ids[i] = s->arts[x->members[i]].id;
    out->id = x->id;
    out->lang = s->langs[x->lang].name;
    out->open = x->open;
    out->n_articles = x->n;
    out->articles = x->ids;
    out->first_seq = x->first_seq;
    out->last_seq = x->last_seq;
    out->last_date = x->last_dated != UINT32_MAX ? s->arts[x->last_dated].date : NULL;
    out->version = x->version;
}

static int u32_cmp(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int u64_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

size_t precis_stream_open_stories(const precis_stream *s, uint64_t *ids, size_t cap)
{
    if (!s)
        return 0;
    size_t n = 0;
    if (cap >= s->n_open) {
        for (size_t i = 0; i < s->nstory; i++)
            if (s->stories[i].id && s->stories[i].open)
                ids[n++] = s->stories[i].id;
        qsort(ids, n, sizeof *ids, u64_cmp);
        return n;
    }
    /* a partial copy: the cap oldest */
    uint64_t *all = cap ? pmalloc(pmul(s->n_open, sizeof *all)) : NULL;
    if (cap && all) {
        for (size_t i = 0; i < s->nstory; i++)
            if (s->stories[i].id && s->stories[i].open)
                all[n++] = s->stories[i].id;
        qsort(all, n, sizeof *all, u64_cmp);
        memcpy(ids, all, cap * sizeof *ids);
    }
    pfree(all);
    return s->n_open;
}

precis_status precis_stream_story(const precis_stream *s, uint64_t id, precis_story *out)
{
    if (!s || !out)
        return PRECIS_EINVAL;
    uint32_t t = find_story(s, id);
    if (t == UINT32_MAX)
        return PRECIS_EINVAL;
    fill_story(s, t, out);
    return PRECIS_OK;
}

int precis_stream_next_closed(precis_stream *s, precis_story *out)
{
    if (!s)
        return 0;
    release_popped(s);
    if (!s->cq_n)
        return 0;
    uint32_t t = s->closed[s->cq_head];
    s->cq_head = (s->cq_head + 1) % s->cq_cap;
    s->cq_n--;
    s->popped = t;
    if (out)
        fill_story(s, t, out);
    return 1;
}

/* The open stories' (id, slot) in id order, in a new array of *n. */
static hent *open_sorted(const precis_stream *s, size_t *n)
{
    hent *e = pmalloc(pmul(s->n_open ? s->n_open : 1, sizeof *e));
    *n = 0;
    if (!e)
        return NULL;
    for (size_t i = 0; i < s->nstory; i++)
        if (s->stories[i].id && s->stories[i].open)
            e[(*n)++] = (hent){0, s->stories[i].id, (uint32_t)i};
    qsort(e, *n, sizeof *e, hent_cmp);
    return e;
}

precis_status precis_stream_close_all(precis_stream *s)
{
    if (!s)
        return PRECIS_EINVAL;
    release_popped(s);
    size_t n;
    hent *e = open_sorted(s, &n);
    if (!e || (!s->opt.drop_closed && queue_reserve(s, n))) {
        pfree(e);
        perr_set(s->err, sizeof s->err, "out of memory");
        return PRECIS_ENOMEM;
    }
    /* oldest first, so the queue is in story order */
    for (size_t i = 0; i < n; i++)
        story_close(s, e[i].slot);
    pfree(e);
    s->hseq.n = s->htime.n = 0;
    return PRECIS_OK;
}

precis_status precis_stream_story_cluster(const precis_stream *s, uint64_t id,
                                          precis_cluster *out)
{
    if (!s || !out || !s->opt.keep_text)
        return PRECIS_EINVAL;
    uint32_t t = find_story(s, id);
    if (t == UINT32_MAX)
        return PRECIS_EINVAL;
    precis_cluster_clear(out);
    const story *x = &s->stories[t];
    for (uint32_t i = 0; i < x->n; i++) {
        const sart *a = &s->arts[x->members[i]];
        precis_article pa = {a->id, a->source, a->date, a->title, a->text, a->text_len};
        precis_status st = precis_cluster_add(out, &pa);
        if (st)
            return st;
    }
    return PRECIS_OK;
}

void precis_stream_stats_get(const precis_stream *s, precis_stream_stats *o)
{
    memset(o, 0, sizeof *o);
    if (!s)
        return;
    o->articles = s->seq;
    o->stories = s->next_story - 1;
    o->copies = s->n_copies;
    o->open_stories = s->n_open;
    o->open_articles = s->n_open_arts;
    o->queued_closed = s->cq_n;
    size_t m = sizeof *s + s->capart * (sizeof(sart) + 4) + s->capstory * (sizeof(story) + 4) +
               s->cappost * (sizeof(posting) + 4) + s->ids.cap * 12 +
               s->detect.cap * sizeof(dict_entry) + s->detect.pool_cap +
               (s->hseq.cap + s->htime.cap) * sizeof(hent) + s->acc_cap * 28 + s->cand_cap * 12;
    for (size_t i = 0; i < s->npart; i++)
        m += ((size_t)8 << STREAM_SKETCH_BITS) + (s->parts[i].post.cap + s->parts[i].bands.cap) * 12;
    for (size_t i = 0; i < s->nstory; i++)
        m += s->stories[i].cap * 16 + s->stories[i].nc * 12;
    for (size_t i = 0; i < s->npost; i++)
        m += s->posts[i].cap * 12;
    for (size_t i = 0; i < s->nart; i++)
        if (s->arts[i].seq)
            m += strlen(s->arts[i].id) + 1 + s->arts[i].text_len * (s->arts[i].text != NULL);
    o->memory = m;
}

/* ---- persistence ------------------------------------------------------------
 * A snapshot is the whole state: options, counters, languages, term
 * statistics (the sketch, sparse), the open stories and the closed queue
 * with their articles, the postings in their order and the band table.
 * Heaps and the id table are rebuilt.  All integers little-endian; a
 * double is its IEEE bits.  Version STREAM_SNAP_VERSION; another version,
 * a short buffer, trailing bytes or an inconsistent record is
 * PRECIS_ESNAPSHOT. */
#define STREAM_SNAP_MAGIC "PRSTREAM"
#define STREAM_SNAP_VERSION 3u /* 2: stories keep number-noun pairs;
                                  3: centroids without idf */

/* v as an n-byte little-endian unsigned integer. */
static void w_uint(pbuf *b, uint64_t v, int n)
{
    char x[8];
    for (int i = 0; i < n; i++)
        x[i] = (char)(v >> (8 * i));
    pbuf_put(b, x, (size_t)n);
}

static void w_u64(pbuf *b, uint64_t v) { w_uint(b, v, 8); }
static void w_u32(pbuf *b, uint32_t v) { w_uint(b, v, 4); }

static void w_f64(pbuf *b, double d)
{
    uint64_t v;
    memcpy(&v, &d, 8);
    w_u64(b, v);
}

static void w_str(pbuf *b, const char *s, size_t n)
{
    if (!s) {
        w_u32(b, UINT32_MAX);
        return;
    }
    w_u32(b, (uint32_t)n);
    pbuf_put(b, s, n);
}

static void w_cstr(pbuf *b, const char *s) { w_str(b, s, s ? strlen(s) : 0); }

static void save_story(pbuf *b, const precis_stream *s, const story *x)
{
    w_u64(b, x->id);
    w_u32(b, x->lang);
    w_u32(b, (uint32_t)x->open);
    w_u64(b, x->first_seq);
    w_u64(b, x->last_seq);
    w_u64(b, x->version);
    w_f64(b, x->last_time);
    w_u64(b, x->last_dated != UINT32_MAX ? s->arts[x->last_dated].seq : 0);
    w_u32(b, x->nc);
    for (uint32_t i = 0; i < x->nc; i++) {
        uint32_t bits;
        memcpy(&bits, &x->cw[i], 4);
        w_u64(b, x->cterm[i]);
        w_u32(b, bits);
    }
    w_f64(b, x->cnorm);
    w_u64(b, x->cnorm_docs);
    w_u32(b, x->npost);
    for (uint32_t i = 0; i < x->npost; i++)
        w_u64(b, x->post[i]);
    w_u32(b, x->npair);
    for (uint32_t i = 0; i < x->npair; i++)
        w_u64(b, x->pair[i]);
    w_u32(b, x->n);
    for (uint32_t i = 0; i < x->n; i++) {
        const sart *a = &s->arts[x->members[i]];
        w_cstr(b, a->id);
        w_u64(b, a->seq);
        w_u32(b, a->lang);
        w_f64(b, a->time);
        w_u32(b, (uint32_t)a->has_sig);
        for (uint32_t k = 0; k < STREAM_MH_BINS; k++)
            w_u32(b, a->sig[k]);
        w_cstr(b, a->date);
        w_cstr(b, a->source);
        w_cstr(b, a->title);
        w_str(b, a->text, a->text_len);
    }
}

precis_status precis_stream_save(const precis_stream *s, char **buf, size_t *len)
{
    if (!s || !buf)
        return PRECIS_EINVAL;
    *buf = NULL;
    if (len)
        *len = 0;
    pbuf b;
    pbuf_init(&b);
    pbuf_put(&b, STREAM_SNAP_MAGIC, 8);
    w_u32(&b, STREAM_SNAP_VERSION);
    w_f64(&b, s->opt.close_after);
    w_u64(&b, s->opt.close_after_articles);
    w_cstr(&b, s->opt_lang);
    w_u32(&b, (uint32_t)s->opt.mix_languages);
    w_f64(&b, s->opt.threshold);
    w_u32(&b, (uint32_t)s->opt.keep_text);
    w_u32(&b, (uint32_t)s->opt.drop_closed);
    w_u64(&b, s->seq);
    w_u64(&b, s->next_story);
    w_u64(&b, s->n_copies);
    w_f64(&b, s->clock);
    w_u32(&b, (uint32_t)s->npart);
    for (size_t i = 0; i < s->npart; i++) {
        const part *p = &s->parts[i];
        /* sparse: (index, count) of the non-zero cells, read from the
           blocks ever touched, in index order */
        uint32_t *bl = pmalloc((p->nblocks ? p->nblocks : 1) * sizeof *bl);
        if (!bl) {
            pbuf_free(&b);
            return PRECIS_ENOMEM;
        }
        memcpy(bl, p->blocks, p->nblocks * sizeof *bl);
        qsort(bl, p->nblocks, sizeof *bl, u32_cmp);
        size_t nz = 0;
        for (size_t k = 0; k < p->nblocks; k++)
            for (size_t j = (size_t)bl[k] * 64; j < (size_t)bl[k] * 64 + 64; j++)
                nz += p->sketch[j] != 0;
        w_u64(&b, p->ndocs);
        w_u32(&b, (uint32_t)nz);
        for (size_t k = 0; k < p->nblocks; k++)
            for (size_t j = (size_t)bl[k] * 64; j < (size_t)bl[k] * 64 + 64; j++)
                if (p->sketch[j]) {
                    w_u32(&b, (uint32_t)j);
                    w_u32(&b, p->sketch[j]);
                }
        pfree(bl);
    }
    w_u32(&b, (uint32_t)s->nlang);
    for (size_t i = 0; i < s->nlang; i++) {
        w_cstr(&b, s->langs[i].name);
        w_u32(&b, s->langs[i].part);
    }
    /* open stories in id order (slots are allocated in id order, then
       reused: sort), then the closed queue in its order */
    w_u32(&b, (uint32_t)(s->n_open + s->cq_n));
    size_t no;
    hent *keys = open_sorted(s, &no);
    if (!keys) {
        pbuf_free(&b);
        return PRECIS_ENOMEM;
    }
    for (size_t i = 0; i < no; i++)
        save_story(&b, s, &s->stories[keys[i].slot]);
    pfree(keys);
    for (size_t i = 0; i < s->cq_n; i++)
        save_story(&b, s, &s->stories[s->closed[(s->cq_head + i) % s->cq_cap]]);
    /* postings and bands in key order, so that equal states give equal
       bytes whatever the tables' history */
    for (size_t i = 0; i < s->npart; i++) {
        const part *p = &s->parts[i];
        const u64map *maps[2] = {&p->post, &p->bands};
        for (int m = 0; m < 2; m++) {
            hent *e = pmalloc(pmul(maps[m]->n ? maps[m]->n : 1, sizeof *e));
            if (!e) {
                pbuf_free(&b);
                return PRECIS_ENOMEM;
            }
            size_t k = 0;
            for (size_t j = 0; j < maps[m]->cap; j++)
                if (maps[m]->keys[j])
                    e[k++] = (hent){0, maps[m]->keys[j], maps[m]->vals[j]};
            qsort(e, k, sizeof *e, hent_cmp);
            w_u32(&b, (uint32_t)k);
            for (size_t j = 0; j < k; j++) {
                w_u64(&b, e[j].sid);
                if (m == 0) {
                    const posting *q = &s->posts[e[j].slot];
                    w_u32(&b, q->n);
                    for (uint32_t x = 0; x < q->n; x++)
                        w_u64(&b, q->sid[x]);
                } else {
                    w_u64(&b, s->arts[e[j].slot].seq);
                }
            }
            pfree(e);
        }
    }
    if (b.oom) {
        pbuf_free(&b);
        return PRECIS_ENOMEM;
    }
    *buf = pbuf_take(&b, len);
    return PRECIS_OK;
}

typedef struct rd {
    const unsigned char *p, *end;
    int bad, oom;
} rd;

/* An n-byte little-endian unsigned integer; 0 and r->bad past the end. */
static uint64_t r_uint(rd *r, int n)
{
    if (r->end - r->p < n) {
        r->bad = 1;
        r->p = r->end;
        return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < n; i++)
        v |= (uint64_t)r->p[i] << (8 * i);
    r->p += n;
    return v;
}

static uint64_t r_u64(rd *r) { return r_uint(r, 8); }
static uint32_t r_u32(rd *r) { return (uint32_t)r_uint(r, 4); }

static double r_f64(rd *r)
{
    uint64_t v = r_u64(r);
    double d;
    memcpy(&d, &v, 8);
    return d;
}

/* A count of items of at least `item` bytes each that fit what is left. */
static uint32_t r_count(rd *r, size_t item)
{
    uint32_t n = r_u32(r);
    if ((size_t)(r->end - r->p) / item < n) {
        r->bad = 1;
        return 0;
    }
    return n;
}

/* A new NUL-terminated copy (NULL for a saved NULL); valid UTF-8 without
   NUL bytes, or the snapshot is bad. */
static char *r_str(rd *r, size_t *len)
{
    uint32_t n = r_u32(r);
    if (len)
        *len = 0;
    if (r->bad || n == UINT32_MAX)
        return NULL;
    size_t bad;
    if ((size_t)(r->end - r->p) < n || utf8_check((const char *)r->p, n, &bad)) {
        r->bad = 1;
        return NULL;
    }
    char *s = pstrndup((const char *)r->p, n);
    if (!s)
        r->oom = 1;
    r->p += n;
    if (len)
        *len = n;
    return s;
}

/* Article slot of arrival number seq among the loaded ones, or
   UINT32_MAX. */
static uint32_t art_by_seq(const u64map *seqs, uint64_t seq)
{
    const uint32_t *v = u64map_get(seqs, seq);
    return v ? *v : UINT32_MAX;
}

static int load_story(precis_stream *s, rd *r, u64map *seqs)
{
    if (reserve_slots(s) || u64map_reserve(&s->sids, 1)) {
        r->oom = 1;
        return -1;
    }
    uint32_t t = take_story(s);
    story *x = &s->stories[t];
    x->id = r_u64(r);
    x->lang = r_u32(r);
    x->open = (int)r_u32(r);
    x->first_seq = r_u64(r);
    x->last_seq = r_u64(r);
    x->version = r_u64(r);
    x->last_time = r_f64(r);
    uint64_t last_dated = r_u64(r);
    x->last_dated = UINT32_MAX;
    if (r->bad || !x->id || x->id >= s->next_story || x->lang >= s->nlang || x->open > 1 ||
        u64map_get(&s->sids, x->id)) {
        r->bad = 1;
        x->id = 0;
        s->free_story[s->nfree_story++] = t;
        return -1;
    }
    x->part = s->langs[x->lang].part;
    u64map_set(&s->sids, x->id, t);
    uint32_t nc = r_count(r, 12);
    if (nc > STREAM_CENTROID_TERMS)
        r->bad = 1;
    if (r->bad)
        return -1;
    x->cterm = pmalloc(pmul(nc ? nc : 1, sizeof *x->cterm));
    x->cw = pmalloc(pmul(nc ? nc : 1, sizeof *x->cw));
    if (!x->cterm || !x->cw) {
        r->oom = 1;
        return -1;
    }
    for (uint32_t i = 0; i < nc; i++) {
        x->cterm[i] = r_u64(r);
        uint32_t bits = r_u32(r);
        memcpy(&x->cw[i], &bits, 4);
        if (i && x->cterm[i] <= x->cterm[i - 1])
            r->bad = 1;
    }
    x->nc = nc;
    x->cnorm = r_f64(r);
    x->cnorm_docs = r_u64(r);
    uint32_t np = r_count(r, 8);
    if (np > STREAM_POST_TERMS)
        r->bad = 1;
    for (uint32_t i = 0; i < np && !r->bad; i++)
        x->post[x->npost++] = r_u64(r);
    uint32_t npair = r_count(r, 8);
    if (npair > STREAM_PAIRS)
        r->bad = 1;
    for (uint32_t i = 0; i < npair && !r->bad; i++)
        x->pair[x->npair++] = r_u64(r);
    uint32_t n = r_count(r, 8 + 8 + 4 + 8 + 4 + 4 * STREAM_MH_BINS + 4 * 4);
    if (r->bad || !n)
        return r->bad = 1, -1;
    x->members = pmalloc(pmul(n, sizeof *x->members));
    x->ids = pmalloc(pmul(n, sizeof *x->ids));
    if (!x->members || !x->ids) {
        r->oom = 1;
        return -1;
    }
    x->cap = n;
    for (uint32_t i = 0; i < n; i++) {
        if (reserve_slots(s) || u64map_reserve(seqs, 1)) {
            r->oom = 1;
            return -1;
        }
        uint32_t ai = take_art(s);
        x->members[x->n++] = ai;
        sart *a = &s->arts[ai];
        a->story = t;
        a->id = r_str(r, NULL);
        a->seq = r_u64(r);
        a->lang = r_u32(r);
        a->time = r_f64(r);
        a->has_sig = (int)r_u32(r);
        for (uint32_t k = 0; k < STREAM_MH_BINS; k++)
            a->sig[k] = r_u32(r);
        a->date = r_str(r, NULL);
        a->source = r_str(r, NULL);
        a->title = r_str(r, NULL);
        a->text = r_str(r, &a->text_len);
        if (r->oom)
            return -1;
        if (r->bad || !a->id || !a->seq || a->seq > s->seq || a->lang >= s->nlang ||
            a->has_sig > 1 || u64map_get(seqs, a->seq)) {
            r->bad = 1;
            return -1;
        }
        a->idhash = hash_bytes(a->id, strlen(a->id));
        u64map_set(seqs, a->seq, ai);
        if (a->seq == last_dated)
            x->last_dated = ai;
    }
    return 0;
}

precis_stream *precis_stream_load(const char *buf, size_t len, precis_status *st)
{
    precis_status dummy;
    if (!st)
        st = &dummy;
    *st = PRECIS_ESNAPSHOT;
    if (!buf || len < 12 || memcmp(buf, STREAM_SNAP_MAGIC, 8))
        return NULL;
    rd r = {(const unsigned char *)buf + 8, (const unsigned char *)buf + len, 0, 0};
    if (r_u32(&r) != STREAM_SNAP_VERSION)
        return NULL;
    precis_stream_options o;
    precis_stream_options_init(&o);
    o.close_after = r_f64(&r);
    o.close_after_articles = (size_t)r_u64(&r);
    char *olang = r_str(&r, NULL);
    o.mix_languages = (int)r_u32(&r);
    o.threshold = r_f64(&r);
    o.keep_text = (int)r_u32(&r);
    o.drop_closed = (int)r_u32(&r);
    if (r.bad || r.oom || !(o.close_after > 0) || !o.close_after_articles ||
        !(o.threshold > 0) || (olang && !lang_resolve(olang))) {
        *st = r.oom ? PRECIS_ENOMEM : PRECIS_ESNAPSHOT;
        pfree(olang);
        return NULL;
    }
    precis_stream *s = stream_alloc(&o);
    u64map seqs = {0};
    if (!s) {
        pfree(olang);
        *st = PRECIS_ENOMEM;
        return NULL;
    }
    s->opt_lang = olang;
    s->opt.lang = olang;
    s->seq = r_u64(&r);
    s->next_story = r_u64(&r);
    s->n_copies = r_u64(&r);
    s->clock = r_f64(&r);
    if (!s->next_story)
        r.bad = 1;
    uint32_t np = r_count(&r, 12);
    if (np > STREAM_MAX_LANGS)
        r.bad = 1;
    if (!r.bad && np) {
        s->parts = pcalloc(np, sizeof *s->parts);
        if (!s->parts)
            r.oom = 1;
    }
    size_t cells = (size_t)2 << STREAM_SKETCH_BITS;
    for (uint32_t i = 0; i < np && !r.bad && !r.oom; i++) {
        part *p = &s->parts[i];
        if (!(p->sketch = pcalloc(cells, sizeof *p->sketch)) ||
            !(p->blocks = pmalloc(STREAM_BLOCKS * sizeof *p->blocks)) ||
            !(p->seen = pcalloc(STREAM_BLOCKS, 1))) {
            pfree(p->sketch);
            pfree(p->blocks);
            p->sketch = NULL;
            p->blocks = NULL;
            r.oom = 1;
            break;
        }
        s->npart++;
        p->ndocs = r_u64(&r);
        uint32_t nz = r_count(&r, 8);
        for (uint32_t k = 0; k < nz && !r.bad; k++) {
            uint32_t idx = r_u32(&r), v = r_u32(&r);
            if (idx >= cells || !v || p->sketch[idx]) {
                r.bad = 1;
            } else {
                p->sketch[idx] = v;
                sketch_touch(p, idx);
            }
        }
    }
    uint32_t nl = r_count(&r, 8);
    if (nl > STREAM_MAX_LANGS)
        r.bad = 1;
    for (uint32_t i = 0; i < nl && !r.bad && !r.oom; i++) {
        char *name = r_str(&r, NULL);
        uint32_t pi = r_u32(&r);
        precis_status ls = PRECIS_OK;
        if (!r.bad && name && strlen(name) < sizeof s->langs[0].name && pi < s->npart &&
            lang_resolve(name)) {
            norm *nm = norm_new(name, &ls);
            if (nm) {
                lang *l = &s->langs[s->nlang++];
                memcpy(l->name, name, strlen(name) + 1);
                l->nm = nm;
                l->part = pi;
            } else if (ls == PRECIS_ENOMEM) {
                r.oom = 1;
            } else {
                r.bad = 1;
            }
        } else if (!r.oom) {
            r.bad = 1;
        }
        pfree(name);
    }
    uint32_t ns = r_count(&r, 64);
    for (uint32_t i = 0; i < ns && !r.bad && !r.oom; i++) {
        if (load_story(s, &r, &seqs))
            break;
    }
    /* index the loaded stories: open ones into ids and heaps, closed
       ones into the queue */
    for (size_t t = 0; t < s->nstory && !r.bad && !r.oom; t++) {
        story *x = &s->stories[t];
        if (!x->id)
            continue;
        if (!x->open) {
            if (queue_push(s, (uint32_t)t))
                r.oom = 1;
            continue;
        }
        s->n_open++;
        s->n_open_arts += x->n;
        if (heap_push(&s->hseq, (double)x->last_seq, x->id, (uint32_t)t) ||
            (!isnan(x->last_time) && heap_push(&s->htime, x->last_time, x->id, (uint32_t)t)) ||
            u64map_reserve(&s->ids, x->n)) {
            r.oom = 1;
            break;
        }
        for (uint32_t i = 0; i < x->n; i++)
            u64map_set(&s->ids, s->arts[x->members[i]].idhash, x->members[i]);
    }
    for (uint32_t i = 0; i < s->npart && !r.bad && !r.oom; i++) {
        part *p = &s->parts[i];
        uint32_t nt = r_count(&r, 12);
        for (uint32_t k = 0; k < nt && !r.bad && !r.oom; k++) {
            uint64_t term = r_u64(&r);
            uint32_t n = r_count(&r, 8);
            if (!n || n > STREAM_POSTING_CAP || u64map_get(&p->post, term))
                r.bad = 1;
            for (uint32_t j = 0; j < n && !r.bad; j++) {
                uint32_t *t = u64map_get(&s->sids, r_u64(&r));
                if (!t || !s->stories[*t].open || s->stories[*t].part != i)
                    r.bad = 1;
                else if (posting_add(s, p, term, *t))
                    r.oom = 1;
            }
        }
        uint32_t nb = r_count(&r, 16);
        if (!r.bad && u64map_reserve(&p->bands, nb))
            r.oom = 1;
        for (uint32_t k = 0; k < nb && !r.bad && !r.oom; k++) {
            uint64_t key = r_u64(&r);
            uint32_t ai = art_by_seq(&seqs, r_u64(&r));
            if (ai == UINT32_MAX || !key || u64map_get(&p->bands, key) ||
                !s->stories[s->arts[ai].story].open)
                r.bad = 1;
            else
                u64map_set(&p->bands, key, ai);
        }
    }
    if (!r.bad && r.p != r.end)
        r.bad = 1;
    u64map_free(&seqs);
    if (r.bad || r.oom) {
        *st = r.oom ? PRECIS_ENOMEM : PRECIS_ESNAPSHOT;
        precis_stream_free(s);
        return NULL;
    }
    if (cand_reserve(s)) {
        *st = PRECIS_ENOMEM;
        precis_stream_free(s);
        return NULL;
    }
    *st = PRECIS_OK;
    return s;
}
