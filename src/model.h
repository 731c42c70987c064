/*
 * model.h -- the per-cluster model every later stage reads: sentences with
 * their words reduced to term ids, bigram concepts, statistics over the
 * articles, and redundancy groups.  Built by model.c (stages 2-3: split and
 * normalise), grouped by dedup.c (stage 4), scored by score.c / select.c.
 * All arrays live in the summarizer's arena and die with the next cluster.
 */
#ifndef PRECIS_MODEL_H
#define PRECIS_MODEL_H
#include "internal.h"
#include "norm.h"

enum {
    SENT_SHORT = 1 << 0,  /* fewer than MODEL_MIN_WORDS words            */
    SENT_NOEND = 1 << 1,  /* no sentence-final punctuation                */
    SENT_JUNK = 1 << 2,   /* URL, social-media handle, photo credit, ...  */
    SENT_LAST = 1 << 3,   /* last sentence of its article                 */
    SENT_LONG = 1 << 4,   /* more than MODEL_LONG_WORDS words             */
    SENT_QUOTE = 1 << 5,  /* starts with a quotation mark                 */
    SENT_DANGLING = 1 << 6, /* opens with a pronoun pointing backwards     */
    SENT_QUOTED = 1 << 7,   /* contains a quotation mark                   */
    SENT_FIRST = 1 << 8,    /* "I", "we", "my", ... outside quotations      */
    SENT_QUESTION = 1 << 9, /* ends with a question mark                    */
    SENT_PAREN = 1 << 10,   /* contains a parenthesis                       */
    SENT_SAID = 1 << 11,    /* attributed speech: said, says, told, ...     */
    SENT_QBROKEN = 1 << 12, /* never taken by the default method: quotation
                               marks unbalanced, a quote whose speaker is
                               unknown, no finite verb (readable.c)      */
    SENT_NEEDS_PREV = 1 << 13, /* taken only right after the sentence before
                                  it in its article (readable.c)           */
    SENT_ANCHOR = 1 << 14, /* taken in the anchor article's run (select.c):
                              the summary keeps the run whole, first       */
    SENT_DATELINE = 1 << 15 /* cased text: opens its line after a dateline
                               ("WASHINGTON —", "TEL AVIV (Reuters) -"):
                               the story's body starts here (readable.c) */
};
/* Edits the default method may make to a sentence (readable.c). */
enum { EDIT_NONE = 0, EDIT_NAME, EDIT_APPEND, EDIT_DROP, EDIT_GIVEN, EDIT_ALSO };
#define MODEL_MIN_WORDS 6
#define MODEL_LONG_WORDS 60
#define MSENT_DEF 8 /* words of a sentence's definite descriptions kept */

typedef struct msent {
    uint32_t art, pos;   /* article index, sentence index in article  */
    size_t start, end;   /* byte span in the article's text            */
    uint32_t words;      /* whitespace-separated words (budget unit)   */
    uint32_t nterm;      /* content (non-stop) words                   */
    uint32_t *term;      /* their local term ids, in text order        */
    uint32_t nset;       /* distinct content terms                     */
    uint32_t kfirst;     /* its names and numbers: model.keys[kfirst..  */
    uint32_t *set;       /* sorted distinct local term ids             */
    uint32_t nconc;      /* distinct bigram concepts                   */
    uint32_t nkey;       /* kfirst + nkey) (readable.c; a repeat shares them) */
    uint32_t *conc;      /* their local concept ids                    */
    uint32_t group;      /* redundancy group (a sentence index)        */
    uint32_t flags;
    uint32_t quoted;     /* words inside quotation marks               */
    uint32_t qvar;       /* the quoted statement it carries: its variant
                            set (precis_quote.variant) + 1; 0 for none   */
    const char *speaker; /* that quote's speaker, or NULL; for EDIT_GIVEN
                            the full name the edit writes             */
    uint32_t edit;       /* EDIT_*: the speaker named (replacing the
                            pronoun at eoff, or appended in place of the
                            final stop at eoff), or the leading
                            connective dropped                          */
    uint32_t eoff, elen; /* the replaced bytes, from start              */
    uint32_t actor;      /* who the sentence says acted: a hash of the
                            name or of the role a cluster name holds
                            (readable.c); 0 when none                  */
    uint32_t nwhat;      /* what it says of them: content stems outside */
    uint8_t ndef;        /* words of definite descriptions that point
                            back ("The backlash built ...", "... apologized
                            for the remarks"): dterm[0..ndef) (readable.c) */
    uint8_t dstart;      /* bit q: dterm[q] begins a description; one
                            word of each must be told before it         */
    uint16_t e2off, e2len; /* a second edit at these bytes (readable.c's
                            edit2_kind: EDIT_GIVEN or EDIT_ALSO); e2len 0
                            for none                                    */
    uint8_t qf0, qfn;    /* a quoted fragment of two to four words in
                            reported speech ("... was a "terrible deal.""):
                            its terms term[qf0..qf0 + qfn) (readable.c) */
    uint32_t *what;      /* quotes, and the people it names or means by
                            a role (readable.c), sorted                  */
    uint32_t *dterm;     /* those words' local term ids: s->term for an
                            opening one alone, else in the arena       */
    double score;
} msent;

typedef struct model {
    msent *s;
    size_t ns;
    uint32_t *keys;     /* names and numbers of the sentences (hashes,
                           sorted per sentence; readable.c), or NULL    */
    size_t nart;
    size_t *first;      /* first sentence index of each article         */
    size_t *count;      /* sentences of each article                    */
    uint32_t nterm;     /* local content terms                           */
    uint32_t *term_df;  /* articles containing the term                  */
    uint32_t *term_tf;  /* occurrences in the cluster                    */
    uint32_t nconc;
    uint32_t *conc_df;
    uint32_t *conc_tf;
    uint32_t *support;  /* per sentence: distinct articles in its group  */
    uint32_t **group_arts; /* per group root: article list (primary first) */
    uint32_t nqvar;     /* bound on msent.qvar (readable.c), 0 before   */
    int cased;          /* text cased as written (readable.c), 0 before */
} model;

/* Per-summarizer scratch that maps global stem ids to dense local ids
   without clearing between clusters (generation stamps). */
typedef struct model_scratch {
    uint32_t *local, *stamp;
    size_t cap;
    uint32_t gen;
} model_scratch;

/* What a build with units keeps for the build without units of the same
   cluster that follows it (precis_summarize_analyze: the summary reads
   quotation units, the analysis the sentences as split): every article's
   sentences as split, and of every unit what the steps that read only
   its own text made of it -- the lead cut, words, flags, stems.  The
   build without units then splits nothing and redoes only the sentences
   of units joined from several (the rest are the same spans, so the same
   results), and no concepts.  Per-summarizer arrays, reused from cluster
   to cluster up to MODEL_MEMO_KEEP units (freed after their use when
   larger, so that a huge cluster's memo does not stay through its
   analysis); the norm must not be reset between the two builds (stem
   ids). */
#define MODEL_MEMO_KEEP 65536
typedef struct model_memo_unit {
    size_t tok;             /* first of its stems in stem[]              */
    uint32_t ntok;
    uint32_t lead;          /* bytes quality_lead cut (articles < 4 GB)  */
    uint32_t words, flags;  /* msent.words; quality_flags' flags         */
    uint32_t quoted;
} model_memo_unit;

typedef struct model_memo {
    int ok;                 /* filled by a build with units, not used yet */
    size_t nart;
    size_t *afirst, acap;   /* article a's split sentences: [afirst[a],
                               afirst[a + 1])                             */
    precis_span *split;     /* every article's sentences as split          */
    size_t nsplit, splitcap;
    uint32_t *alone;        /* per split sentence: the unit that is it
                               alone, or UINT32_MAX                        */
    size_t alonecap;
    model_memo_unit *u;     /* per unit (sentence of the units model)     */
    size_t nu, ucap;
    uint32_t *stem;         /* the units' words as norm_tokens gave them   */
    uint8_t *stop;
    size_t ntok, stemcap, stopcap;
} model_memo;

struct precis_cluster;
/* Builds m for cluster c.  With units, a sentence that opens a quotation
   and the sentences up to its close are one model sentence (readable.c;
   the default method); the baselines keep the sentences as split.
   memo (may be NULL): with units, filled for the build without units of
   the same cluster that follows; without units, used when filled (then
   emptied) -- the model is the same as without it, but for having no
   concepts (nconc 0: it is the analysis', which reads none).
   Returns PRECIS_OK or PRECIS_ENOMEM. */
precis_status model_build(model *m, const struct precis_cluster *c, norm *nm,
                          model_scratch *sc, arena *a, int units, model_memo *memo);
void model_scratch_free(model_scratch *sc);
void model_memo_free(model_memo *mm);

/* Is sentence i its article's lead: its first sentence of text, only a
   headline, a dateline or other furniture (no final stop, too short,
   never taken) before it? */
int model_is_lead(const model *m, size_t i);

/* Does s's sorted term set hold local term t? */
int msent_holds(const msent *s, uint32_t t);

/* Is every definite description of s told: one of its words w with
   has(ud, w) non-zero?  1 when s has none. */
int msent_told(const msent *s, int (*has)(const void *ud, uint32_t t), const void *ud);

/* Cosine similarity of two sentences' term sets weighted by idf. */
double model_cosine(const model *m, const msent *x, const msent *y, const double *idf);
/* The same in parts: a sentence's squared idf norm, and the cosine given
   both norms (for callers that compare one sentence many times). */
double model_sq_norm(const msent *s, const double *idf);
double model_cosine_normed(const msent *x, double nx, const msent *y, double ny,
                           const double *idf);
#endif
