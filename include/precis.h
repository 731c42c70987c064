/*
 * precis.h -- the public interface of libprecis, a multi-document news
 * summarizer.
 *
 * precis turns a cluster of news articles about one event into one short,
 * non-redundant summary whose every sentence is traced to the articles that
 * report it.  It also ships a ROUGE scorer that matches ROUGE-1.5.5.
 *
 * Conventions (the same everywhere in this header):
 *   - Every name is prefixed precis_ / PRECIS_.
 *   - Handles are opaque.  X_new() returns a handle the caller owns and
 *     releases with X_free(); X_free(NULL) is a no-op.
 *   - Functions that can fail return a precis_status (0 = success, negative
 *     = error).  precis_strerror() turns a status into text; the handle that
 *     failed keeps a detailed message, readable with its *_error() function
 *     until the next call on that handle.
 *   - Strings handed to the library are copied unless stated otherwise;
 *     strings handed back are owned by the handle they come from and stay
 *     valid until that handle is freed, unless stated otherwise.
 *   - The library keeps no global mutable state: distinct handles may be used
 *     from distinct threads at the same time; one handle must not be used by
 *     two threads at once.  It never prints and never exits.
 */
#ifndef PRECIS_H
#define PRECIS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define PRECIS_API
#else
#define PRECIS_API __attribute__((visibility("default")))
#endif

#define PRECIS_VERSION_MAJOR 0
#define PRECIS_VERSION_MINOR 1
#define PRECIS_VERSION_PATCH 0
/* Version as one number, MAJOR * 10000 + MINOR * 100 + PATCH. */
#define PRECIS_VERSION 100
#define PRECIS_VERSION_STRING "0.1.0"

/* The version of the library actually linked (may differ from the header). */
PRECIS_API int precis_version(void);
PRECIS_API const char *precis_version_string(void);

/* ------------------------------------------------------------------ */
/* Status codes                                                         */
/* ------------------------------------------------------------------ */

typedef enum precis_status {
    PRECIS_OK = 0,
    PRECIS_ENOMEM = -1,   /* an allocation failed                       */
    PRECIS_EINVAL = -2,   /* an argument or option is invalid           */
    PRECIS_EUTF8 = -3,    /* input is not valid UTF-8                   */
    PRECIS_ENUL = -4,     /* input contains a NUL byte                  */
    PRECIS_EEMPTY = -5,   /* an article or cluster has no text          */
    PRECIS_EJSON = -6,    /* a JSON record is malformed                 */
    PRECIS_ELANG = -7,    /* the language has no stemmer                */
    PRECIS_ELIMIT = -8,   /* input exceeds a documented limit           */
    PRECIS_EIO = -9,      /* reading a file failed (library helpers)    */
    PRECIS_EDUP = -10,    /* an article id already in the stream        */
    PRECIS_ESNAPSHOT = -11 /* a stream snapshot is malformed, truncated
                              or of another format version             */
} precis_status;

/* A static, never-NULL description of a status code. */
PRECIS_API const char *precis_strerror(int status);

/* Frees memory the library handed to the caller (rendered outputs). */
PRECIS_API void precis_free(void *p);

/* Documented limits, enforced on input; larger input gets PRECIS_ELIMIT. */
#define PRECIS_MAX_ARTICLE_BYTES ((size_t)64 << 20) /* one article's text  */
#define PRECIS_MAX_ARTICLES ((size_t)1 << 20)       /* articles per cluster */
#define PRECIS_MAX_SENTENCE_WORDS 1000 /* longer "sentences" are cut here   */
#define PRECIS_COPY_MAX_ARTICLES 500   /* articles compared pairwise by the
                                          analysis (copies); later ones are
                                          not compared                      */

/* ------------------------------------------------------------------ */
/* Options                                                              */
/* ------------------------------------------------------------------ */

typedef enum precis_method {
    PRECIS_METHOD_DEFAULT = 0, /* concept coverage, see select.c          */
    PRECIS_METHOD_LEAD,        /* leading sentences of the first article  */
    PRECIS_METHOD_LEAD_RR,     /* round robin over the articles' leads    */
    PRECIS_METHOD_CENTROID,    /* Radev et al. 2004                       */
    PRECIS_METHOD_LEXRANK,     /* Erkan & Radev 2004                      */
    PRECIS_METHOD_MMR,         /* Carbonell & Goldstein 1998              */
    PRECIS_METHOD_COUNT_
} precis_method;

typedef enum precis_unit {
    PRECIS_UNIT_WORDS = 0, /* whitespace-separated tokens */
    PRECIS_UNIT_BYTES,     /* UTF-8 bytes of the rendered sentences joined by one space */
    PRECIS_UNIT_SENTENCES
} precis_unit;

typedef enum precis_order {
    PRECIS_ORDER_CHRONO = 0, /* by article date, then position in article */
    PRECIS_ORDER_SCORE,      /* in the order the selection picked them    */
    PRECIS_ORDER_SOURCE      /* by article index, then position            */
} precis_order;

typedef struct precis_options {
    precis_method method;
    precis_unit unit;
    size_t budget;        /* in `unit`; 0 gives an empty summary          */
    precis_order order;
    const char *lang;     /* Snowball algorithm name, e.g. "english";
                             NULL = "english".  Copied by _new().          */
    double dup_threshold; /* similarity at or above which two sentences
                             count as the same content, in (0, 1]; 0 =
                             default (0.5)                                 */
    int truncate_last;    /* lead baselines only: cut the last sentence
                             to fill the budget exactly (words unit)      */
    int extract_only;     /* default method: no edits (see precis_edit);
                             a sentence that would need one is taken only
                             right after the sentence before it in its
                             article, or not at all                       */
} precis_options;

/* Fills *opts with the defaults: default method, 120 words, chronological
   order, English. */
PRECIS_API void precis_options_init(precis_options *opts);

/* Parses a method name ("default", "lead", "lead-rr", "centroid",
   "lexrank", "mmr"); returns PRECIS_EINVAL for an unknown name. */
PRECIS_API precis_status precis_method_parse(const char *name, precis_method *out);
PRECIS_API const char *precis_method_name(precis_method m);

/* ------------------------------------------------------------------ */
/* Clusters: the articles to summarize                                  */
/* ------------------------------------------------------------------ */

typedef struct precis_cluster precis_cluster;

typedef struct precis_span {
    size_t start, end; /* byte offsets, end exclusive */
} precis_span;

typedef struct precis_article {
    const char *id;     /* may be NULL: the library assigns "1", "2", ... */
    const char *source; /* outlet or file name; may be NULL               */
    const char *date;   /* ISO 8601 prefix (YYYY, YYYY-MM, YYYY-MM-DD,
                           with optional time); may be NULL               */
    const char *title;  /* may be NULL                                    */
    const char *text;   /* the body; need not be NUL-terminated           */
    size_t text_len;
} precis_article;

/* A new, empty cluster.  NULL only when out of memory. */
PRECIS_API precis_cluster *precis_cluster_new(void);
PRECIS_API void precis_cluster_free(precis_cluster *c);

/* Removes every article, keeping allocated memory for reuse. */
PRECIS_API void precis_cluster_clear(precis_cluster *c);

/* Adds one article; all strings are copied.  The text is decoded to UTF-8
   when it is not (see "Input encodings" below; PRECIS_EUTF8 with the byte
   offset when the cluster is strict) and must have no NUL byte
   (PRECIS_ENUL, with its offset).  A leading metadata line " date
   2016-12-30" (Multi-News/scrape convention) is recognised: it sets the
   date when art->date is NULL and is not part of the text.  An article
   whose text is empty or only whitespace is rejected with PRECIS_EEMPTY
   and is not added. */
PRECIS_API precis_status precis_cluster_add(precis_cluster *c, const precis_article *art);

/* Parses one JSON Lines record, an object with "text" (required, string)
   and optional string fields "id", "source", "date", "title"; other
   fields are ignored.  On success the article is added. */
PRECIS_API precis_status precis_cluster_add_json(precis_cluster *c, const char *line, size_t len);

/* Parses one Multi-News line: documents joined by
   " story_separator_special_tag ".  Empty documents are skipped (they are
   counted in the message, see precis_cluster_skipped()); a line with no
   non-empty document gives PRECIS_EEMPTY.  Documents get ids "1", "2", ... */
PRECIS_API precis_status precis_cluster_add_multinews(precis_cluster *c, const char *line,
                                                      size_t len);

/* Parses one JSON Lines record describing a whole cluster, an object
   {"id": "...", "articles": [ {article}, ... ]} whose articles have the
   fields accepted by precis_cluster_add_json().  All articles are added or,
   on error, none (the message names the offending article by index). */
PRECIS_API precis_status precis_cluster_add_json_cluster(precis_cluster *c, const char *line,
                                                         size_t len);
/* The cluster's id from precis_cluster_add_json_cluster() (set even when
   that call fails, for error reports), or NULL. */
PRECIS_API const char *precis_cluster_id(const precis_cluster *c);

/* Number of articles added so far. */
PRECIS_API size_t precis_cluster_size(const precis_cluster *c);
/* Number of empty documents skipped by precis_cluster_add_multinews(). */
PRECIS_API size_t precis_cluster_skipped(const precis_cluster *c);
/* Accessors for article i (< size): owned by the cluster. */
PRECIS_API const char *precis_cluster_article_id(const precis_cluster *c, size_t i);
PRECIS_API const char *precis_cluster_article_source(const precis_cluster *c, size_t i);
PRECIS_API const char *precis_cluster_article_date(const precis_cluster *c, size_t i);
PRECIS_API const char *precis_cluster_article_title(const precis_cluster *c, size_t i);
PRECIS_API const char *precis_cluster_article_text(const precis_cluster *c, size_t i,
                                                   size_t *len);
/* Detail of the last error on this cluster (never NULL). */
PRECIS_API const char *precis_cluster_error(const precis_cluster *c);

/* ------------------------------------------------------------------ */
/* Summarizing                                                          */
/* ------------------------------------------------------------------ */

typedef struct precis_summarizer precis_summarizer;
typedef struct precis_summary precis_summary;

/* A summarizer configured by *opts (copied; NULL = defaults).  It keeps
   the stemmer and word caches, so reuse it across clusters.  On failure
   returns NULL and stores the status in *status (if non-NULL). */
PRECIS_API precis_summarizer *precis_summarizer_new(const precis_options *opts,
                                                    precis_status *status);
PRECIS_API void precis_summarizer_free(precis_summarizer *s);
PRECIS_API const char *precis_summarizer_error(const precis_summarizer *s);

/* Summarizes cluster c.  On success *out is a new summary the caller owns
   (free with precis_summary_free()).  The summary refers to c's articles:
   c must outlive it and not be changed or cleared while it is used. */
PRECIS_API precis_status precis_summarize(precis_summarizer *s, const precis_cluster *c,
                                          precis_summary **out);

PRECIS_API void precis_summary_free(precis_summary *sum);

/* An edit the default method made to a sentence so that it reads alone:
   a quotation's speaker named in place of a pronoun ("he" -> "Sergey
   Lavrov") or in place of the final stop (".\"" -> ",\" Sergey Lavrov
   said."), or a leading connective dropped ("But the" -> "The").  Owned by
   the summary. */
typedef struct precis_edit {
    size_t start, end;       /* the replaced bytes in the article's text  */
    const char *replacement; /* NUL-terminated; "" for a pure deletion    */
    size_t len;              /* strlen(replacement)                        */
} precis_edit;

/* One sentence of a summary.  Pointers are owned by the summary. */
typedef struct precis_sentence {
    const char *text;       /* the sentence as in its article, with its
                               edits applied (none with extract_only or
                               a byte budget);
                               not NUL-terminated, see len              */
    size_t len;
    size_t article;         /* index of the primary article             */
    size_t start;           /* byte offsets of the sentence in the
                               primary article's text                   */
    size_t end;
    size_t position;        /* sentence index within that article       */
    size_t n_articles;      /* number of articles carrying this content */
    const size_t *articles; /* their indices, primary first             */
    double score;           /* the method's score (larger is better)    */
    size_t n_edits;         /* edits applied to text (0 or 1)           */
    const precis_edit *edits;
    const precis_span *spans; /* per entry of articles: the byte span in
                               that article's text of its sentence that
                               carries this content (the primary's is
                               start..end); owned by the summary        */
} precis_sentence;

PRECIS_API size_t precis_summary_size(const precis_summary *sum);
PRECIS_API const precis_sentence *precis_summary_sentence(const precis_summary *sum, size_t i);
/* Words in the summary (whitespace-separated tokens). */
PRECIS_API size_t precis_summary_words(const precis_summary *sum);

typedef enum precis_format {
    PRECIS_FORMAT_TEXT = 0, /* sentences joined by one space, newline end */
    PRECIS_FORMAT_LINES,    /* one sentence per line                      */
    PRECIS_FORMAT_JSON,     /* one JSON object, one line                  */
    PRECIS_FORMAT_MARKDOWN, /* paragraph with [n] citations + source list */
    PRECIS_FORMAT_HTML      /* one self-contained page (the report when an
                               analysis is given, see precis_report_render) */
} precis_format;

PRECIS_API precis_status precis_format_parse(const char *name, precis_format *out);

/* Renders sum (of cluster c) in format fmt into a new NUL-terminated
   buffer *out of *len bytes (len may be NULL); the caller frees it with
   precis_free(). */
PRECIS_API precis_status precis_summary_render(const precis_summary *sum,
                                               const precis_cluster *c, precis_format fmt,
                                               char **out, size_t *len);

/* ------------------------------------------------------------------ */
/* Analysis: copies, quotes, facts, timeline                            */
/* ------------------------------------------------------------------ */

typedef struct precis_analysis precis_analysis;

/* How two articles' texts relate (word 4-shingles, see analyze.c). */
typedef enum precis_copy_kind {
    PRECIS_COPY_INDEPENDENT = 0, /* nothing or almost nothing in common   */
    PRECIS_COPY_SHARES,          /* they share passages                   */
    PRECIS_COPY_A_IN_B,          /* b contains a: a republished with
                                    additions, or an early version of b  */
    PRECIS_COPY_B_IN_A,          /* a contains b                          */
    PRECIS_COPY_SAME,            /* the same text, up to light edits      */
    PRECIS_COPY_UPDATE           /* one is an update of the other: each
                                    keeps much of the other and adds its
                                    own (precis_copy.earlier says which
                                    came first)                          */
} precis_copy_kind;

/* One pair of articles that share at least one shingle (pairs with
   nothing in common are not listed). */
typedef struct precis_copy {
    size_t a, b;          /* article indices, a < b                        */
    size_t shared;        /* distinct shingles in both                     */
    double resemblance;   /* |A & B| / |A | B| (Broder 1997)               */
    double a_in_b;        /* containment |A & B| / |A|                     */
    double b_in_a;        /* containment |A & B| / |B|                     */
    precis_copy_kind kind;
    size_t earlier;       /* PRECIS_COPY_UPDATE: the earlier version (a or
                             b), by date, else the one that keeps more of
                             the other; a for other kinds                */
} precis_copy;

/* A direct quote.  Strings are NUL-terminated and owned by the analysis. */
typedef struct precis_quote {
    const char *text;       /* the quoted words without the marks; the
                               parts of a split quote ("...," he said,
                               "...") joined by one space                 */
    const char *speaker;    /* who said it, the fullest name the article
                               gives; NULL when unattributed             */
    const char *cue;        /* the attribution word ("said", "told",
                               "according to", ...) or NULL               */
    size_t article;         /* the article whose wording `text` gives: of
                               the articles carrying it, the one quoting
                               the most (the first on a tie)              */
    size_t start, end;      /* byte span in that article's text, from the
                               first opening to the last closing mark (or
                               from the paragraph's start when its opening
                               mark was lost: `..., " Diaz said`, or
                               `, '' Diaz said`)                          */
    size_t n_articles;      /* articles carrying the same quote           */
    const size_t *articles; /* their indices, ascending (`article` among
                               them); quotes come in the order of their
                               (article, start)                           */
    size_t variant;         /* quotes with the same `variant` are one
                               statement in different wordings
                               (translations); the smallest index of the
                               set, so a quote alone has its own index    */
} precis_quote;

typedef enum precis_fact_kind {
    PRECIS_FACT_NUMBER = 0, /* a quantity: "35 diplomats", "$1.2 million" */
    PRECIS_FACT_DATE,       /* a date or day: "Dec. 30", "Friday"         */
    PRECIS_FACT_PERSON,     /* a named person                            */
    PRECIS_FACT_ORG,        /* an organisation                           */
    PRECIS_FACT_NAME,       /* another proper name (event, law, ...)     */
    PRECIS_FACT_PLACE       /* a place: country, state, city, river, ...  */
} precis_fact_kind;

/* A place in the cluster: an article and a byte span of its text. */
typedef struct precis_mention {
    size_t article;
    size_t start, end;
} precis_mention;

/* One fact and every article that states it.  Strings are NUL-terminated
   and owned by the analysis. */
typedef struct precis_fact {
    precis_fact_kind kind;
    const char *text;       /* as first written: "35 U.S. diplomats",
                               "Sergey Lavrov", "Dec. 30"                 */
    const char *key;        /* NUMBER: what it counts, lower-case
                               ("diplomats"); DATE: normalised
                               ("2016-12-30", "12-30", "friday"); names:
                               the canonical spelling                     */
    double value;           /* NUMBER: the quantity (1.2e6 for "$1.2
                               million"); otherwise 0                     */
    const char *unit;       /* NUMBER: "$", "%", "meters", ... or NULL    */
    size_t n_variants;      /* other spellings merged into this fact      */
    const char *const *variants;
    size_t n_articles;      /* articles stating it, first mention's first */
    const size_t *articles;
    size_t article;         /* first mention: article and byte span       */
    size_t start, end;
    size_t n_mentions;      /* every mention, by article then offset (the */
    const precis_mention *mentions; /* first is the one above)           */
} precis_fact;

/* Two NUMBER facts giving the same quantity differently (41 vs 44
   care-home residents), or two DATE facts giving one event's weekday or
   one range's year differently, stated by different articles. */
typedef struct precis_conflict {
    size_t a, b;                 /* fact indices */
    precis_mention a_sentence;   /* the sentences whose mentions of a and */
    precis_mention b_sentence;   /* of b were compared (two articles)     */
} precis_conflict;

/* One article in story order. */
typedef struct precis_timeline_entry {
    size_t article;
    int dated;               /* 1: placed by its date/time; 0: by content */
    const char *when;        /* the date/time used, or NULL (owned)      */
    size_t n_added;          /* its sentences that no earlier article
                                carries                                   */
    const precis_span *added;/* their byte spans in the article           */
    size_t n_new_facts;      /* facts first stated by this article        */
    const size_t *new_facts; /* fact indices                              */
} precis_timeline_entry;

/* Analyzes cluster c with the language and redundancy threshold of s.
   On success *out is a new analysis the caller owns (free with
   precis_analysis_free()); like a summary it refers to c's articles, so
   c must outlive it unchanged. */
PRECIS_API precis_status precis_analyze(precis_summarizer *s, const precis_cluster *c,
                                        precis_analysis **out);
/* Both at once: the summary (as precis_summarize(); sum may be NULL) and
   the analysis of c from one model of the cluster, cheaper than two
   calls.  On failure neither is returned. */
PRECIS_API precis_status precis_summarize_analyze(precis_summarizer *s, const precis_cluster *c,
                                                  precis_summary **sum, precis_analysis **out);
PRECIS_API void precis_analysis_free(precis_analysis *an);

/* The parts; each returns the count and sets *out to an array owned by
   the analysis (NULL when the count is 0). */
PRECIS_API size_t precis_analysis_copies(const precis_analysis *an, const precis_copy **out);
PRECIS_API size_t precis_analysis_quotes(const precis_analysis *an, const precis_quote **out);
PRECIS_API size_t precis_analysis_facts(const precis_analysis *an, const precis_fact **out);
PRECIS_API size_t precis_analysis_conflicts(const precis_analysis *an,
                                            const precis_conflict **out);
PRECIS_API size_t precis_analysis_timeline(const precis_analysis *an,
                                           const precis_timeline_entry **out);

/* Names of enum values as used in JSON output ("same", "a_in_b", ...;
   "number", "date", "person", ...). */
PRECIS_API const char *precis_copy_kind_name(precis_copy_kind k);
PRECIS_API const char *precis_fact_kind_name(precis_fact_kind k);

/* Renders a report of cluster c: the summary sum (may be NULL) and the
   analysis an (may be NULL, not both) in PRECIS_FORMAT_JSON (one object,
   one line: "summary", "copies", "quotes", "facts", "conflicts",
   "timeline") or PRECIS_FORMAT_HTML (one self-contained page).  The
   caller frees *out with precis_free(). */
PRECIS_API precis_status precis_report_render(const precis_summary *sum,
                                              const precis_analysis *an,
                                              const precis_cluster *c, precis_format fmt,
                                              char **out, size_t *len);

/* ------------------------------------------------------------------ */
/* Sentence splitting (exposed for tools and tests)                     */
/* ------------------------------------------------------------------ */

/* Splits text into sentences.  On success *spans is a new array of *n
   spans (caller frees with precis_free()), in order, non-overlapping,
   trimmed of surrounding whitespace, datelines ("MOSCOW --") excluded. */
PRECIS_API precis_status precis_split(const char *text, size_t len, precis_span **spans,
                                      size_t *n);

/* ------------------------------------------------------------------ */
/* Stories: online clustering of an article stream (stream.c)           */
/* ------------------------------------------------------------------ */

/* A stream handle groups articles, as they arrive and once each, into
   stories (one real-world event each).  Articles are partitioned by
   language; a story gathers articles whose title/lead-weighted,
   name-weighted TF-IDF vectors are close to its centroid (single-pass
   clustering, Miranda et al. 2018), found through an inverted index, and
   copies (syndicated texts) join their original at once (MinHash LSH,
   Broder 1997).  A story closes once it has gone close_after seconds of
   article dates, or close_after_articles arrivals, without a new article;
   closed stories leave the working set, so memory is bounded by the
   active window.  See stream.c for the design. */
typedef struct precis_stream precis_stream;

typedef struct precis_stream_options {
    double close_after;          /* seconds of article dates without a new
                                    article before a dated story closes;
                                    0 = default, 3 days (259200 s)       */
    size_t close_after_articles; /* arrivals without a new article before
                                    any story closes (the clock of undated
                                    streams, and a bound on dated ones);
                                    0 = default, 20000                  */
    const char *lang;            /* force a language (Snowball name or
                                    ISO 639-1 code) for every article;
                                    NULL = the article's, else detected
                                    (copied by _new)                     */
    int mix_languages;           /* 0: a story never mixes languages; 1:
                                    one partition for all (each article
                                    still stemmed in its own language)   */
    double threshold;            /* cosine to a story's centroid at or
                                    above which an article joins it (0.8
                                    of it with a shared number-noun
                                    pair); 0 = default (see stream.c)    */
    int keep_text;               /* keep open stories' article texts, for
                                    precis_stream_story_cluster()        */
    int drop_closed;             /* 1: closed stories are not queued for
                                    precis_stream_next_closed()          */
} precis_stream_options;

/* Fills *opt with the defaults (all zero: the documented defaults). */
PRECIS_API void precis_stream_options_init(precis_stream_options *opt);

typedef struct precis_assignment {
    uint64_t story;      /* story id, > 0, stable for the stream's life
                            (and across save/load)                       */
    int new_story;       /* 1 when this article opened the story          */
    const char *copy_of; /* id of the article this one copies, or NULL
                            (owned by the stream, valid until the next
                            call on it)                                   */
    const char *lang;    /* the language used, a Snowball name (owned by
                            the stream, same validity)                    */
    double score;        /* similarity to the story it joined (cosine;
                            for a copy the estimated resemblance); 0 for
                            a new story                                   */
    const char *id;      /* the article's id: as given, or its arrival
                            number "1", "2", ... (owned by the stream,
                            same validity)                                */
} precis_assignment;

/* A new stream configured by *opt (copied; NULL = defaults).  NULL when
   out of memory or when opt->lang names no Snowball stemmer. */
PRECIS_API precis_stream *precis_stream_new(const precis_stream_options *opt);
PRECIS_API void precis_stream_free(precis_stream *s);

/* Adds one article (strings copied as needed) and assigns it to a story,
   in *out (may be NULL).  lang (Snowball name or ISO 639-1 code) may be
   NULL: then the stream's option, else detection from stop words.  The
   article's date (ISO 8601 prefix) drives closing when present.  Errors:
   PRECIS_EINVAL, PRECIS_EEMPTY (no text), PRECIS_EDUP (the id of an
   article of an open story), PRECIS_EUTF8 / PRECIS_ENUL, PRECIS_ELIMIT,
   PRECIS_ELANG (no stemmer for lang), PRECIS_ENOMEM; the article is then
   not added and the stream is unchanged (detail in
   precis_stream_error()).  Adding may close idle stories (see
   precis_stream_next_closed()). */
PRECIS_API precis_status precis_stream_add(precis_stream *s, const precis_article *a,
                                           const char *lang, precis_assignment *out);

/* One JSON Lines record {"id","source","date","title","text","lang"}
   (only "text" required; extra keys ignored).  Errors as
   precis_stream_add(), plus PRECIS_EJSON. */
PRECIS_API precis_status precis_stream_add_json(precis_stream *s, const char *line, size_t len,
                                                precis_assignment *out);

/* Detail of the last error on s (never NULL; owned by s). */
PRECIS_API const char *precis_stream_error(const precis_stream *s);

/* A story as the stream reports it.  Pointers are owned by the stream and
   valid until the next call that changes it (add, next_closed,
   close_all, free). */
typedef struct precis_story {
    uint64_t id;
    const char *lang;            /* Snowball name                        */
    int open;                    /* 1 open, 0 closed                     */
    size_t n_articles;
    const char *const *articles; /* member ids in arrival order          */
    uint64_t first_seq, last_seq;/* arrival numbers (1-based) of its
                                    first and latest article             */
    const char *last_date;       /* latest member date, or NULL          */
    uint64_t version;            /* grows whenever the story gains an
                                    article (for debouncing)             */
} precis_story;

/* The ids of the open stories, oldest first: fills ids[0..min(n, cap))
   and returns n, the number of open stories (call with cap 0 to size). */
PRECIS_API size_t precis_stream_open_stories(const precis_stream *s, uint64_t *ids, size_t cap);

/* The open story `story` (or the closed story last returned by
   precis_stream_next_closed()) in *out; PRECIS_EINVAL when there is none
   such. */
PRECIS_API precis_status precis_stream_story(const precis_stream *s, uint64_t story,
                                             precis_story *out);

/* Pops the oldest closed story not yet drained: returns 1 and fills *out
   (valid until the next call on s, during which precis_stream_story()
   and precis_stream_story_cluster() still reach it), or 0 when none is
   queued. */
PRECIS_API int precis_stream_next_closed(precis_stream *s, precis_story *out);

/* Closes every open story (end of input): they join the closed queue.
   PRECIS_ENOMEM (nothing closed) when the queue cannot grow. */
PRECIS_API precis_status precis_stream_close_all(precis_stream *s);

/* The articles of an open story (or the closed story just popped) as a
   cluster ready for precis_summarize() (needs keep_text): clears *out
   and adds them in arrival order.  PRECIS_EINVAL without keep_text or
   for an unknown story. */
PRECIS_API precis_status precis_stream_story_cluster(const precis_stream *s, uint64_t story,
                                                     precis_cluster *out);

typedef struct precis_stream_stats {
    uint64_t articles;        /* articles added since the stream began    */
    uint64_t stories;         /* stories opened since the stream began    */
    uint64_t copies;          /* articles assigned as copies               */
    size_t open_stories;      /* in the working set now                    */
    size_t open_articles;     /* members of open stories                   */
    size_t queued_closed;     /* closed stories not yet drained            */
    size_t memory;            /* bytes held by the stream (approximate)    */
} precis_stream_stats;

PRECIS_API void precis_stream_stats_get(const precis_stream *s, precis_stream_stats *out);

/* Persistence: the whole state (options, open stories, closed queue,
   term statistics) to a new buffer *buf of *len bytes (caller frees with
   precis_free()) and back, for a restart or a standby consumer.  The
   format is versioned and little-endian; load returns NULL with *st
   (may be NULL) PRECIS_ESNAPSHOT for a bad, truncated or other-version
   snapshot, PRECIS_ENOMEM when out of memory.  A loaded stream assigns
   the next articles exactly as the saved one would have. */
PRECIS_API precis_status precis_stream_save(const precis_stream *s, char **buf, size_t *len);
PRECIS_API precis_stream *precis_stream_load(const char *buf, size_t len, precis_status *st);

/* ------------------------------------------------------------------ */
/* Input encodings                                                      */
/* ------------------------------------------------------------------ */

/* Article text reaches the library in whatever encoding it was scraped
   in.  By default every precis_cluster_add* call decodes it to UTF-8: a
   byte-order mark (UTF-8, UTF-16 LE/BE) is honoured and dropped; text
   that is not valid UTF-8 is read as Windows-1252 (each byte that is not
   part of a valid UTF-8 sequence), the encoding of most mislabelled web
   text; HTML character references left in the text (&amp; &#8217;
   &rsquo; ...) are decoded.  Byte offsets (summary sentences, quotes,
   facts) then refer to the decoded text, which precis_cluster_article_text
   returns.  With strict set, text that is not valid UTF-8 is rejected
   with PRECIS_EUTF8 and its byte offset instead (byte-order marks are
   still dropped, references still decoded). */
PRECIS_API void precis_cluster_set_strict(precis_cluster *c, int strict);

/* How article i's text was decoded: "utf-8" (valid UTF-8 as given),
   "utf-8-bom", "utf-16le", "utf-16be" (by the byte-order mark), or
   "windows-1252" (not valid UTF-8); NULL when i is out of range.  A
   static string. */
PRECIS_API const char *precis_cluster_article_charset(const precis_cluster *c, size_t i);

/* 1 when the last sentence of sum is cut short: by truncate_last, or
   because the budget (words or bytes) is smaller than every sentence --
   then the summary is the method's best sentence cut at a word boundary
   to fit, rather than empty.  JSON output marks it "cut": true. */
PRECIS_API int precis_summary_cut(const precis_summary *sum);

/* The language names precis_options.lang accepts (Snowball stemmers:
   "english", "french", ...; "porter", the original Porter algorithm, is
   the ROUGE scorer's and not one of them): up to cap names into out
   (static strings, in alphabetical order); returns how many there are.
   precis_languages(NULL, 0) counts them. */
PRECIS_API size_t precis_languages(const char **out, size_t cap);

/* ------------------------------------------------------------------ */
/* Web pages: the article of a crawled HTML page                        */
/* ------------------------------------------------------------------ */

/* A page larger than this (after gzip decompression) gets PRECIS_ELIMIT. */
#define PRECIS_MAX_HTML_BYTES ((size_t)16 << 20)

typedef struct precis_page precis_page;

/* What was read from a page.  Every string is NUL-terminated, owned by
   the page and valid until the next precis_page_read() or
   precis_page_free() on it; a field the page does not give is NULL. */
typedef struct precis_page_info {
    const char *title;     /* the headline                                */
    const char *date;      /* publication date, ISO 8601 (YYYY-MM-DD,
                              with the time when the page gives it)       */
    const char *author;    /* the byline's names, joined by ", "          */
    const char *site_name; /* the outlet                                  */
    const char *lang;      /* language tag as the page states it ("en-US") */
    const char *url;       /* canonical URL                               */
    const char *text;      /* the article's main text: paragraphs
                              separated by one empty line; "" when none   */
    size_t text_len;
    size_t paragraphs;
    const char *charset;   /* how the bytes were decoded, e.g. "declared
                              GBK", "utf-8", "windows-1252 fallback"      */
    const char *title_from, *date_from, *author_from; /* the signal each
                              came from ("json-ld", "meta", "time", ...)  */
} precis_page_info;

/* A reader of web pages; reuse it across pages.  NULL when out of memory. */
PRECIS_API precis_page *precis_page_new(void);
PRECIS_API void precis_page_free(precis_page *p);

/* Reads one page: data[0..len) is the HTML as fetched, or gzip of it
   (detected by its magic bytes).  The character set is found as a
   browser finds it (byte-order mark, <meta charset> / http-equiv in the
   first 1024 bytes, else UTF-8 when valid, else windows-1252).  Replaces
   what p held.  Errors (details in precis_page_error()): PRECIS_ELIMIT
   (larger than PRECIS_MAX_HTML_BYTES, or elements nested deeper than
   256), PRECIS_EINVAL (corrupt gzip), PRECIS_EEMPTY (no article text;
   the metadata found is still readable), PRECIS_ENOMEM.  Not safe to
   call from two threads before libxml2 is initialised (xmlInitParser). */
PRECIS_API precis_status precis_page_read(precis_page *p, const char *data, size_t len);
/* The result of the last successful (or PRECIS_EEMPTY) read; never NULL. */
PRECIS_API const precis_page_info *precis_page_get(const precis_page *p);
PRECIS_API const char *precis_page_error(const precis_page *p);

/* Renders the page in PRECIS_FORMAT_JSON (one object, one line: title,
   date, author, site_name, lang, url, charset, paragraphs, text) or
   PRECIS_FORMAT_TEXT (title, an empty line, the text) into a new buffer
   the caller frees with precis_free(). */
PRECIS_API precis_status precis_page_render(const precis_page *p, precis_format fmt,
                                            char **out, size_t *len);

/* 1 when data looks like a web page: gzip data, or a first tag within
   the first bytes such as <!DOCTYPE html>, <html>, <head>, <meta>. */
PRECIS_API int precis_is_html(const char *data, size_t len);

/* Reads the page data[0..len) as precis_page_read() and adds its article
   to c: the text, title and date from the page; source = the page's site
   name, else `source` (may be NULL); id as in precis_cluster_add().
   Errors as precis_page_read() and precis_cluster_add(), with the detail
   in precis_cluster_error(). */
PRECIS_API precis_status precis_cluster_add_html(precis_cluster *c, const char *data,
                                                 size_t len, const char *id,
                                                 const char *source);

/* ------------------------------------------------------------------ */
/* Checking text                                                        */
/* ------------------------------------------------------------------ */

/* Checks s[0..n) the way every precis_cluster_add* and the ROUGE scorer
   check text: valid UTF-8 (utf8proc's decoder: no overlong forms, no
   surrogates, nothing past U+10FFFF) and no NUL byte.  PRECIS_OK, or
   PRECIS_EUTF8 / PRECIS_ENUL with the offset of the first bad byte (the
   lead byte of a bad sequence) in *bad when bad is not NULL. */
PRECIS_API precis_status precis_utf8_check(const char *s, size_t n, size_t *bad);

/* ------------------------------------------------------------------ */
/* ROUGE (Lin 2004), conformant with ROUGE-1.5.5                        */
/* ------------------------------------------------------------------ */

typedef struct precis_rouge precis_rouge;

typedef enum precis_rouge_multi {
    PRECIS_ROUGE_AVERAGE = 0, /* -f A: pool counts over references  */
    PRECIS_ROUGE_BEST         /* -f B: the best single reference     */
} precis_rouge_multi;

typedef struct precis_rouge_options {
    int max_n;          /* ROUGE-1..max_n, 0..4 (-n)                    */
    int stem;           /* Porter + WordNet exceptions (-m)             */
    int stopwords;      /* remove SMART stopwords (-s)                  */
    int skip;           /* ROUGE-S max skip distance (-2), <0 = off;
                           PRECIS_ROUGE_SKIP_ANY = no limit (-2 -1)     */
    int su;             /* add unigrams to ROUGE-S (-u / -U)            */
    double alpha;       /* F = 1/(alpha/P + (1-alpha)/R) (-p), 0.5      */
    double w_weight;    /* ROUGE-W weight (-w), 1.2; 0 = no ROUGE-W     */
    size_t limit_words; /* -l; 0 = none (applies to references too)     */
    size_t limit_bytes; /* -b; 0 = none; not together with limit_words  */
    precis_rouge_multi multi;
    int jackknife;      /* with >1 reference: the mean of the scores
                           over the leave-one-out subsets.  ROUGE-1.5.5
                           itself does NOT do this (its notes: removed in
                           1.4); off by default, and the official
                           figures need it off                          */
    int lcs;            /* ROUGE-L and -W (off = -x)                    */
    int exc_adv;        /* "best", "better" -> "well" (adv.exc) instead
                           of "good" (adj.exc).  The script's exception
                           DB is built in directory-listing order, so
                           installations differ: the Multi-News
                           conformance figures need 0 (the default), the
                           DUC 2004 (SumRepo) ones need 1               */
} precis_rouge_options;

/* ROUGE-S without a distance limit (the official "-2 -1", ROUGE-S*). */
#define PRECIS_ROUGE_SKIP_ANY 1000000000

/* Defaults: the Multi-News protocol "-n 4 -m -2 4 -U -w 1.2": max_n 4,
   stem on, stopwords off, skip 4 with unigrams (SU4), alpha 0.5,
   w_weight 1.2, no limits, AVERAGE, no jackknife, lcs on. */
PRECIS_API void precis_rouge_options_init(precis_rouge_options *o);

/* Indices of the measures in precis_rouge_scores. */
enum {
    PRECIS_ROUGE_1 = 0,
    PRECIS_ROUGE_2,
    PRECIS_ROUGE_3,
    PRECIS_ROUGE_4,
    PRECIS_ROUGE_L,
    PRECIS_ROUGE_W,
    PRECIS_ROUGE_S, /* ROUGE-S<skip> or SU<skip> with su */
    PRECIS_ROUGE_NMEASURES
};

typedef struct precis_rouge_prf {
    double r, p, f;
} precis_rouge_prf;

typedef struct precis_rouge_scores {
    precis_rouge_prf m[PRECIS_ROUGE_NMEASURES]; /* unused measures are 0 */
} precis_rouge_scores;

/* A scorer configured by *o (copied; NULL = defaults).  It caches the stem
   of every word it meets, so reuse it across summaries.  NULL on failure,
   with the status in *status (if non-NULL): PRECIS_EINVAL for invalid
   options, PRECIS_ENOMEM. */
PRECIS_API precis_rouge *precis_rouge_new(const precis_rouge_options *o,
                                          precis_status *status);
PRECIS_API void precis_rouge_free(precis_rouge *r);
/* Detail of the last error on r (never NULL; owned by r). */
PRECIS_API const char *precis_rouge_error(const precis_rouge *r);

/* Whether measure m (PRECIS_ROUGE_1 ...) is computed under r's options,
   and its official name ("ROUGE-1", "ROUGE-L", "ROUGE-W-1.2",
   "ROUGE-SU4", "ROUGE-S*", ...; owned by r). */
PRECIS_API int precis_rouge_measure_on(const precis_rouge *r, int m);
PRECIS_API const char *precis_rouge_measure_name(const precis_rouge *r, int m);

/* Scores one summary against nrefs >= 1 references (NUL-terminated UTF-8;
   not kept).  Each text may hold several sentences separated by newlines
   (the official SPL format: one sentence a line, empty lines skipped);
   sentences matter to ROUGE-L/W only.  Every figure is rounded to 5
   decimals exactly as ROUGE-1.5.5 rounds it (F from the rounded R and P),
   except jackknife means.  Returns PRECIS_EUTF8 (with the byte offset in
   precis_rouge_error()), PRECIS_EINVAL, PRECIS_ENOMEM. */
PRECIS_API precis_status precis_rouge_score(precis_rouge *r, const char *peer,
                                            const char *const *refs, size_t nrefs,
                                            precis_rouge_scores *out);

/* The plain mean of n per-summary scores (macro average) into *avg. */
PRECIS_API void precis_rouge_average(const precis_rouge_scores *scores, size_t n,
                                     precis_rouge_scores *avg);

/* Bootstrap confidence intervals as ROUGE-1.5.5 "-r resamples -c conf"
   computes them: resample i draws n summaries with replacement using
   Perl's drand48 seeded with i (deterministic, no global state); *mean
   gets the mean of the resample means (what the official script prints
   as "Average"), *lo / *hi the percentile interval; all rounded to 5
   decimals.  Any of mean, lo, hi may be NULL.  With the summaries in the
   script's order (it sorts evaluation ids as strings) the figures are
   the official ones.  PRECIS_EINVAL (n or resamples 0, conf outside
   0..100), PRECIS_ENOMEM. */
PRECIS_API precis_status precis_rouge_bootstrap(const precis_rouge_scores *scores, size_t n,
                                                size_t resamples, double conf,
                                                precis_rouge_scores *mean,
                                                precis_rouge_scores *lo,
                                                precis_rouge_scores *hi);

#ifdef __cplusplus
}
#endif
#endif /* PRECIS_H */
