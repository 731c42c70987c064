/*
 * facts.c -- numbers, dates and names across sources (a stage of
 * analyze.h), and the numbers that sources give differently.
 *
 * The stage reads the tokens (lex.c: words, numbers, punctuation) of
 * every sentence of the model that is not junk (photo credits, embeds)
 * and recognises three kinds of mention:
 *
 * Numbers.  Digits with thousands separators and decimals ("1,200",
 * "212.5"), a currency sign ("$1.2 million": value 1.2e6, unit "$"), a
 * percent ("5%", "5 percent", "5 per cent": unit "%"), multipliers
 * (hundred ... trillion, "a dozen"), and number words two to twenty,
 * thirty to ninety, hyphenated "thirty-five".  What the number counts:
 *   - a measurement unit right after it (meters, km, hectares, hours,
 *     days, ...; the table below) becomes `unit`, and `key` is the unit's
 *     canonical name ("6.8 meters", "6.5 m" -> unit and key "meters");
 *     money and percent have key "$" / "%";
 *   - otherwise the counted noun: the first plural-looking word (or
 *     irregular plural: people, children, ...) among the next four words,
 *     skipping modifiers ("35 U.S. diplomats", "41 elderly residents",
 *     "two suspected hackers") and stopping at a function word or
 *     punctuation ("44 residents of the ..." -> "residents"; "four in the
 *     U.S. consulate" -> nothing).  key = that word lower-cased; facts are
 *     identified by its stem, so "resident"/"residents" are one key.
 * Numbers as other languages write them: the pack's settings.txt gives
 * the decimal mark and the thousands marks (lang_numfmt), and lex.c reads
 * numbers by them ("1.200" = 1200 and "3,5" = 3.5 in Spanish, French and
 * Italian; "30 000" with a no-break space in French);
 * a two-word unit of the pack ("per cent", "por ciento", "pour cent")
 * makes a percent, and a preposition may stand between a multiplier word
 * and what it counts ("1,7 millones de barriles").
 * Not facts: numbers with no unit and no counted noun after them ("51
 * were ejected", ages "Holm, 78"), times ("2 p.m.", "09:10"), ordinals,
 * ranges and codes ("10-12", "COVID-19", "63-year-old", "24/7"), and the
 * word "one" alone ("one of", "no one": too often not a quantity).  A
 * year (a 4-digit integer 1800-2100) is a DATE when a preposition comes
 * before it ("since 1987") and nothing otherwise ("the 2016 election"),
 * unless a plural noun follows ("2000 people").  One fact is one (key
 * stem, unit, value).
 *
 * Dates.  Weekdays ("Friday" -> "friday"), month and day in either order
 * ("Dec. 30", "30 December" -> "12-30"), with a year ("December 30, 2016"
 * -> "2016-12-30"), month and year ("December 2016" -> "2016-12"), ISO
 * dates, and years after a preposition.  A month name without a number is
 * not a date; lower-case month names count (Multi-News is lower-cased)
 * except the pack's months tagged common or abbr ("may", "march", "jan"),
 * which need a capital or a period; weekdays count in either case.
 *
 * Names.  The names are the mention finder's (mention.c: runs of
 * capitalised words with joiners, "Stade de France"; titles and
 * honorifics cut off; sentence-initial openers, "Presently", left out),
 * read in the sentences read here but title-case ones (headlines).  A
 * title is evidence of a PERSON, and an organisation before it is a name
 * of its own ("Russian Foreign Ministry Spokesperson Maria Zakharova" ->
 * ORG "Russian Foreign Ministry" and PERSON "Maria Zakharova").  Kinds,
 * for a group of merged spellings:
 * PERSON after a capitalised title;
 * else ORG when a word is an organisation word (Ministry, Agency, News,
 * Reuters, ...; "White House", "Red Cross"), a camel-case word (YouTube,
 * HuffPost) or an acronym that is not a place (CIA, GRU; not U.S., D.C.);
 * else PLACE when the name is one the
 * language pack's place_names lists ("Ohio", "New York", "Va."), a place
 * acronym, or ends in a place word ("Larrow River", "Fairfax County");
 * else PERSON on weaker evidence (a role noun before it -- "spokesman
 * Peskov" --, ", who" or an age after it, a said-verb next to a
 * multi-word name, a given name of the pack first -- "Jack Trammell" --,
 * or a multi-word name whose last word also stands alone); else PLACE on
 * evidence from the text: a preposition of place before a mention (the
 * pack's place_prepositions: "in Ferguson", "à Toulouse"), ", <place>"
 * after it ("Ashland, Va.") or a lower-case place noun after it ("the
 * Georgetown neighborhood"); else PERSON when the one word is the first
 * or last word of a person's multi-word name ("the Obama administration");
 * else NAME (events, laws, ...).  Every word list here (function
 * words, months, titles, organisation and place words, number words,
 * units) is the summarizer language's pack (lang.h).  Single-word
 * NAMEs that look like nationality adjectives (-ian, -ese, -ish, ...) are
 * dropped.
 *
 * Spelling variants.  Names whose words have equal "skeletons" merge
 * (lower-case, no dots or hyphens, ks->x, y->i, ph->f, w->v, ck->k,
 * doubled letters once, "st"->"saint": Sergey/Sergei, U.N./UN); so do
 * names of as many words with the same last-word skeleton whose other
 * words are within edit distance 2 of each other (1 for words of up to
 * four letters) and start alike (Aleksandr/Alexander Petrosyan); a bare
 * word merges into the one multi-word name that ends with it (Lavrov ->
 * Sergey Lavrov) unless several do or it is an organisation word, else
 * into the one person-like name that starts with it (Najib -> Najib
 * Razak, after the honorifics Datuk Seri were cut off as titles).  The
 * key is the most frequent multi-word spelling (ties: first seen);
 * `variants` lists the other spellings, but not a bare surname that is
 * just the key's last word.
 *
 * Conflicts.  Two NUMBER facts with the same key stem and unit, different
 * non-zero values at most FACT_CONF_RATIO (2) apart (the same quantity
 * reported differently is close: 41 vs 44, 10 vs eight killed; 10% vs
 * 60% are different quantities), each stated by an article that does
 * not state the other, and said in the same context: some mention of one
 * and some mention of the other share at least FACT_CONF_SHARED content
 * stems (other than the key) among the six content words on either side
 * of the number.  41 vs 44 care-home residents share "crews", "boats",
 * "St. Brigid care home"; the 1,200 residents forced from their homes
 * share almost nothing with them.  Mentions that cannot show a
 * disagreement are left out: a sentence that gives two values of one key
 * ("fell to 6.5 meters from a peak of 6.8 meters", "6.8 meters ... two
 * meters above flood stage") -- different quantities of one kind --, a
 * relative time ("eight years ago"), and pairs that are consistent
 * through a qualifier ("more than 350" and 359, "about 40" and 42, "up
 * to 500" and 480) or a rounding (one value has fewer significant digits
 * and is within 5 %: "$700 billion" and "$716 billion").  The frame must
 * match too (conflict_marks): two mentions whose sentences state
 * different years nearest to them are two deals, not one; "three out of
 * the four" is a part and its whole; "1,100 km (700 miles)" one distance;
 * a number listed with others of its key ("$2,306.08 at Disney World ...
 * and $5,687.75 on Martha's Vineyard") keeps only its own part of the
 * list as context and needs FACT_CONF_SHARED_LIST (4) stems; two
 * ceilings ("as many as 1.5 million", "up to 1.6 million") disagree.
 * What follows a number frames it too (mark_after): a counted noun joined
 * to another by a conjunction of the pack ("239 passengers and crew")
 * counts the group and is compared only with such counts; a measure
 * followed by a compass point of the pack ("1,000 miles west of Perth") is
 * a position, compared only with positions from the same place in a
 * neighbouring direction ("90 miles north of" / "125 miles northwest of
 * Las Vegas"), never with a size ("an area of 700 miles"); a measure
 * joined to another by a conjunction ("three years and 10 months") is one
 * quantity in two units and is not compared.  Units of time (tagged
 * +duration in the pack's units.txt) count no thing, like money.
 * Dates conflict too (date_conflicts): the years at one end of a range
 * ("from 1967 to 1979" / "from 1966 to 1978"), and two weekdays next to
 * the same verb ("apologized Friday" / "apologize Saturday").  Money and
 * percentages count no thing, so their mentions must share
 * FACT_CONF_SHARED_UNIT (3) context stems; so must durations.  Each conflict carries the
 * sentences of the two mentions that were compared
 * (precis_conflict.a_sentence / b_sentence) so a reader can judge it.  Pairs are only compared within a key's bucket, at
 * most FACT_CONF_BUCKET facts per bucket.
 *
 * Every fact lists all its mentions (article, byte span), so a reader
 * (and the gold-set scorer) sees each place a name or number is stated.
 *
 * Order of facts: by kind (number, date, person, org, name, place), then by
 * number of articles (most first), then by first mention (article, byte
 * offset).  Conflicts are sorted by (a, b), a < b.  `articles` lists each
 * article once, in article order (the first mention's article is the
 * lowest one, so it comes first).  Text spans have whitespace runs
 * collapsed to one space.
 *
 * Cost: one linear pass over the sentences' tokens, which lex.c made
 * once for the whole analysis (words with their pack entry and fold hash,
 * numbers with their value), beside the mentions mention.c found on them.
 * It skips a sentence in which no mention can start (no number, capital,
 * non-ASCII character or number word / weekday) and reads the rest.  One
 * tokenisation of at most 2 x FACT_CTX_BYTES around each number (the
 * normaliser's, for context stems); merging is bucketed.  The lexicon
 * (the stage's view of each pack word) is built once per summarizer.
 * Limits against hostile input: sentences are read in chunks of
 * FACT_CHUNK tokens (a fact across a chunk border is lost), names of more
 * than FACT_MAX_RUN words or with a word over FACT_MAX_WORD bytes are
 * ignored, and at most FACT_MAX_ITEMS distinct facts / FACT_MAX_MENTIONS
 * mentions are kept (later ones are dropped).
 *
 * Ownership: results (facts, strings, arrays) live in x->out; tables that
 * grow (fact map, mentions) use prealloc and are freed
 * before returning, other scratch comes from x->tmp.
 */
#include "facts.h"

#include <math.h>
#include <stdio.h>
#include <strings.h>
#include <utf8proc.h>

#define FACT_CHUNK 4096
#define FACT_MAX_RUN 6
#define FACT_MAX_WORD 64
_Static_assert(MENTION_MAX_WORD <= FACT_MAX_WORD, "a name word fits the stage's buffers");
#define FACT_MAX_ITEMS (1u << 20)
#define FACT_MAX_MENTIONS (1u << 22)
#define FACT_CTX 6
#define FACT_CTX_BYTES 160
#define FACT_CONF_BUCKET 64
#define FACT_CONF_MENTIONS 4
#define FACT_CONF_RATIO 2.0
#define FACT_CONF_SHARED 2
#define FACT_CONF_SHARED_UNIT 3 /* for $, %, €, £ */
#define FACT_CONF_SHARED_LIST 4 /* for a number listed with others of its key */
#define FACT_CONF_SHARED_DATE 3 /* for two weekdays or two years of a range */
#define FACT_CONF_DATE_MENTIONS 16
#define FACT_CONF_YEARS 3 /* range ends further apart are other ranges */
#define FACT_MERGE_BUCKET 64
#define NONE UINT32_MAX

/* ---- lexicon ----------------------------------------------------------- */

enum {
    L_FUNC = 1u << 0,     /* function word                                */
    L_MONTH = 1u << 1,    /* month name or abbreviation (month = 1..12)   */
    L_WDAY = 1u << 2,     /* weekday                                      */
    L_TITLE = 1u << 3,    /* title before a person's name, capitalised    */
    L_ROLE = 1u << 4,     /* role noun before a name, lower-case          */
    L_ORG = 1u << 5,      /* word of an organisation's name               */
    L_UNIT = 1u << 6,     /* measurement unit (unit = index in lexicon.unit) */
    L_NUMW = 1u << 7,     /* number word (num)                            */
    L_MULT = 1u << 8,     /* hundred, thousand, ... (mult = exponent)     */
    L_PLACE = 1u << 9,    /* acronym of a place (U.S., UK)                */
    L_PLURAL = 1u << 10,  /* irregular plural noun                        */
    L_DATEPREP = 1u << 11,/* preposition before a year                    */
    L_SAY = 1u << 12,     /* said, told, ...                              */
    L_TIME = 1u << 13,    /* a.m., p.m., GMT                              */
    L_ABBR = 1u << 14,    /* takes a period (Dr., St., Jan.)              */
    L_PLACEPREP = 1u << 15, /* in, near: a name after it is a place       */
    L_GIVEN = 1u << 16,   /* a given name (John, Maria)                   */
    L_JOINER = 1u << 17,  /* de, van: lower-case word inside a name       */
    L_MONTHCAP = 1u << 18, /* a month only capitalised or with a period:
                             an abbreviation, or also a common word (may) */
    L_CONJ = 1u << 19,    /* and, or: "passengers and crew" is one group  */
    L_DIR = 1u << 20,     /* a compass direction: "700 miles northeast of" */
    L_RANGE = 1u << 21,   /* to, through: "from 1967 to 1979", "18 to 33" */
    L_FACTOR = 1u << 22,  /* dozen: multiplies by num ("two dozen")       */
    L_PAST = 1u << 23,    /* ago: "three years ago" is a time, no count   */
    L_INDEF = 1u << 24,   /* a, an: "a dozen"                             */
    L_SAINT = 1u << 25    /* saint, st: one word for matching spellings   */
};

typedef struct lexent {
    uint32_t cls; /* 0: the word is not one the stage knows */
    int8_t month, wday, unit, mult;
    int8_t dir; /* compass point 1..8 (north, northeast, ... northwest) */
    int num;
} lexent;

#define MAX_UNITS 64

/* The first units are written as signs too; the rest come from the
   pack's units.txt in order of first appearance. */
enum { U_PCT = 0, U_USD = 1, U_EUR = 2, U_GBP = 3, U_SIGNS };
static const char *const UNIT_SIGNS[U_SIGNS] = {"%", "$", "\xe2\x82\xac", "\xc2\xa3"};

/* The lexicon is the stage's view of the language pack (lang.h), the
   same for every call: one entry per pack word, in the pack's order, so
   a token's pack entry (lex_tok.lw) indexes it.  Built once per
   summarizer (see lex_get). */
typedef struct lexicon {
    const lang_pack *pk;
    const char *unit[MAX_UNITS]; /* canonical unit names */
    unsigned char dur[MAX_UNITS]; /* the unit is one of time (+duration) */
    int nunit;
    lexent tab[];
} lexicon;

/* The index of canonical unit name u, added when new; -1 when full. */
static int unit_index(lexicon *l, const char *u)
{
    for (int i = 0; i < l->nunit; i++)
        if (!strcmp(l->unit[i], u))
            return i;
    if (l->nunit == MAX_UNITS)
        return -1;
    l->unit[l->nunit] = u;
    return l->nunit++;
}

static void lexicon_fill(lexicon *l, const lang_pack *pk)
{
    for (int i = 0; i < U_SIGNS; i++)
        l->unit[i] = UNIT_SIGNS[i];
    l->nunit = U_SIGNS;
    l->pk = pk;
    static const struct {
        uint32_t from, to;
    } cmap[] = {{LW_FUNC, L_FUNC},         {LW_MONTH, L_MONTH},   {LW_WDAY, L_WDAY},
                {LW_TITLE, L_TITLE | L_ROLE}, {LW_ORG, L_ORG},    {LW_NUMW, L_NUMW},
                {LW_MULT, L_MULT},         {LW_PLACE, L_PLACE},   {LW_PLURAL, L_PLURAL},
                {LW_DATEPREP, L_DATEPREP}, {LW_SAY, L_SAY},       {LW_TIME, L_TIME},
                {LW_ABBR, L_ABBR},         {LW_PLACEPREP, L_PLACEPREP},
                {LW_GIVEN, L_GIVEN},       {LW_JOINER, L_JOINER}};
    for (size_t i = 0; pk && i < pk->n; i++) {
        const lang_word *w = &pk->w[i];
        size_t len = strlen(w->w);
        uint32_t cls = 0;
        for (size_t c = 0; c < sizeof cmap / sizeof cmap[0]; c++)
            if (w->cls & cmap[c].from)
                cls |= cmap[c].to;
        if ((w->cls & LW_MONTH) && (w->tags & (LT_DOT | LT_COMMON)))
            cls |= L_MONTHCAP;
        if ((w->cls & LW_FUNC) && (w->tags & LT_CONJ))
            cls |= L_CONJ;
        if ((w->cls & LW_FUNC) && (w->tags & LT_RANGE))
            cls |= L_RANGE;
        if (w->tags & LT_DIR)
            cls |= L_DIR;
        if ((w->cls & LW_MULT) && (w->tags & LT_FACTOR))
            cls = (cls & ~L_MULT) | L_FACTOR;
        if (w->tags & LT_PAST)
            cls |= L_PAST;
        if ((w->cls & LW_DEF) && (w->tags & LT_INDEF))
            cls |= L_INDEF;
        if (w->tags & LT_SAINT)
            cls |= L_SAINT;
        int unit = -1;
        if ((w->cls & LW_UNIT) && w->unit && (unit = unit_index(l, w->unit)) >= 0) {
            cls |= L_UNIT;
            l->dur[unit] |= (w->tags & LT_DUR) != 0;
        }
        if (!cls || len == 0 || len > 24 || strchr(w->w, ' '))
            continue;
        lexent *e = &l->tab[i];
        e->cls = cls;
        e->month = (int8_t)((cls & L_MONTH) ? w->val : 0);
        e->wday = (int8_t)((cls & L_WDAY) ? w->val : 0);
        e->mult = (int8_t)((cls & L_MULT) ? w->val : 0);
        e->num = (cls & (L_NUMW | L_FACTOR)) ? w->val : 0;
        e->dir = (int8_t)((cls & L_DIR) && w->val >= 1 && w->val <= 8 ? w->val : 0);
        e->unit = (int8_t)unit;
    }
}

/* The lexicon is built on a summarizer's first analysis and kept in its
   cache slot (no global state); NULL when out of memory. */
static const lexicon *lex_get(void **slot, const lang *L)
{
    if (!*slot) {
        const lang_pack *pk = lang_get_pack(L);
        size_t n = pk ? pk->n : 0;
        lexicon *l = pcalloc(1, sizeof *l + pmul(n, sizeof(lexent)));
        if (!l)
            return NULL;
        lexicon_fill(l, pk);
        *slot = l;
    }
    return *slot;
}

/* The lexicon entry of pack word w, for a word of len bytes; NULL when
   the stage does not know it. */
static const lexent *lex_entry(const lexicon *l, const lang_word *w, size_t len)
{
    if (!w || len > 24 || !l->pk || w < l->pk->w || w >= l->pk->w + l->pk->n)
        return NULL;
    const lexent *e = &l->tab[w - l->pk->w];
    return e->cls ? e : NULL;
}

/* ---- tokens (lex.c) ------------------------------------------------------ */

enum { T_WORD = 1, T_NUM, T_PUNCT };
enum {
    F_CAP = LEX_CAP,     /* first letter upper-case                     */
    F_ACRO = LEX_ACRO,   /* two or more letters, none lower-case        */
    F_POSS = LEX_POSS,   /* ends in 's (not part of `we`)               */
    F_INIT = 1 << 3,     /* at a sentence start, after ':' or a quote   */
    F_HYPH = LEX_HYPH,   /* has a hyphen inside                         */
    F_DOT = LEX_DOT,     /* has a period inside (U.S.)                  */
    F_LOWER = LEX_LOWER, /* first letter lower-case                     */
    F_DIGIT = LEX_DIGIT  /* a word with digits in it                    */
};

/* The stage's copy of a token of lex.c, with its lexicon entry and the
   F_INIT mark of this stage. */
typedef struct tok {
    size_t s, e;  /* span, with an abbreviation's period               */
    size_t we;    /* end of the word proper: no period, no 's          */
    const lexent *lx;
    uint64_t fold; /* words: lex_fold of [s, we)                      */
    uint8_t kind, punct;
    uint16_t f;
    uint8_t abbr; /* the period was taken for a pack abbreviation only */
    uint32_t li;  /* its token in lex_doc                              */
    /* numbers: lex.c's reading (all zero for other tokens), and what this
       stage makes of it */
    lex_num num;
    uint8_t cur;  /* U_USD, U_EUR, U_GBP for a currency sign; 0 none   */
    uint8_t bad;  /* lex.c's bad, or a glued suffix that is no unit    */
    int8_t unit;  /* glued unit suffix ("18km"): a lexicon unit; -1    */
} tok;

static size_t cp_next(const char *t, size_t i, size_t e, int32_t *cp)
{
    return lex_cp(t, i, e, cp);
}

static int is_digit(int32_t c) { return c >= '0' && c <= '9'; }
static int is_lowercp(int32_t cp) { return lex_is_lower_cp(cp); }

/* The punctuation class of a quotation or other mark for this stage:
   'q' an opening quote, '"' another quote, '-' a dash, the ASCII
   character, or '?'. */
static uint8_t punct_of(int32_t cp, int openpos)
{
    if (cp == '"' || cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x201C ||
        cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB)
        return openpos ? 'q' : '"';
    if (cp == '-' || (cp >= 0x2012 && cp <= 0x2015))
        return '-';
    return cp < 0x80 ? (uint8_t)cp : '?';
}

/* ---- growable arrays (prealloc; freed at the end of facts_find) -------- */

static void *grow(void *p, size_t *cap, size_t need, size_t sz)
{
    if (need <= *cap)
        return p;
    size_t nc = *cap ? *cap : 64;
    while (nc < need) {
        if (nc > SIZE_MAX / 4 / sz)
            return NULL;
        nc *= 2;
    }
    void *q = prealloc(p, pmul(nc, sz));
    if (!q)
        return NULL;
    *cap = nc;
    return q;
}

/* ---- the stage's state -------------------------------------------------- */

/* Evidence of a name's kind, per mention: a title before it, a role noun
   or ", who" / an age, a said-verb next to it, a preposition of place
   before it or ", <place>" after it ("in Ferguson", "Ashland, Va."), a
   given name as its first word. */
enum {
    EV_TITLE = MEN_TITLE,
    EV_ROLE = MEN_ROLE,
    EV_SAID = MEN_SAID,
    EV_PLACE = MEN_PLACE,
    EV_GIVEN = MEN_GIVEN,
    EV_ALL = EV_TITLE | EV_ROLE | EV_SAID | EV_PLACE | EV_GIVEN
};
enum { K_NUMBER = PRECIS_FACT_NUMBER, K_DATE = PRECIS_FACT_DATE, K_NAME = PRECIS_FACT_NAME };

/* A distinct fact before merging: a number (key stem, unit, value), a
   date key, or one spelling of a name. */
typedef struct item {
    uint64_t h;
    const char *key; /* number: key word; date: key; name: the spelling */
    size_t klen;
    double value;
    uint32_t keystem;
    int unit; /* -1: none */
    int kind;
    /* names */
    unsigned ntok, org, place;
    unsigned joined; /* has a lower-case joiner inside ("Stade de France") */
    unsigned byfirst; /* a bare word merged by its first word (Najib) */
    uint32_t office;  /* the office its titles name (mention.h); OFFICE_MANY
                         when they name several                        */
    unsigned gender;  /* MEN_M / MEN_F its titles and given names show
                         (both: unknown)                                */
    unsigned suffix;  /* ends in a generational suffix ("Jr.")         */
    const char *skel; /* word skeletons joined by ' ' */
    size_t sklen;
    uint64_t skelh, lasth, firsth;
    const char *lastw; /* last word of the spelling */
    size_t lastwlen;
    uint32_t count, first, parent;
    unsigned ev;
} item;

typedef struct mention {
    uint32_t item, art;
    size_t start, end;
    uint32_t ctx; /* offset of its context stems in fctx.ctx */
    uint8_t nctx, ev;
    uint8_t multi; /* M_*: M_LIST, its sentence gives another value of the
                      same key; M_OUT, it cannot show a disagreement (a
                      relative time "eight years ago", a part of a whole,
                      a conversion, one of two weekdays) */
    uint8_t qual;  /* Q_*: "about 40", "more than 350", "up to 500" */
    uint8_t role;  /* R_*: a year that opens or closes a range */
    uint16_t year; /* the frame: the year its sentence states nearest to
                      it ("in 2013"), 0 if none */
    uint8_t joint; /* numbers: the counted noun is joined to another
                      ("239 passengers and crew"): it counts the group */
    uint8_t dir;   /* numbers: the compass point (1..8) after a measure
                      ("700 miles northeast of"): a position; 0 if none */
    uint64_t ref;  /* numbers: the fold hash of the word the position is
                      taken from ("west of Perth"), 0 if none */
    uint32_t near[2]; /* dates: stems of the lower-case content words right
                         before and after (context_near) */
} mention;

enum { R_NONE = 0, R_FROM, R_TO };
enum { M_NONE = 0, M_OUT, M_LIST }; /* M_OUT = 1: number_at's "ago" */

enum { Q_EXACT = 0, Q_ABOUT, Q_ATLEAST, Q_ATMOST };

typedef struct fctx {
    const actx *x;
    const lexicon *lxc;
    const char *const *units; /* canonical unit names (lexicon.unit) */
    const lang *L;
    const char *t; /* current article */
    size_t tlen;
    uint32_t art;
    size_t ss, se; /* current sentence */
    tok *tk;
    size_t ntk; /* tokens in tk */
    const mention_doc *md; /* the names of the articles (mention.c) */
    uint32_t mcur;         /* the first of them not yet passed         */
    /* items and their map */
    item *it;
    size_t nit, cit;
    uint32_t *map;
    size_t mapcap, mapn;
    mention *mn;
    size_t nmn, cmn;
    uint32_t *ctx;
    size_t nctx, cctx;
} fctx;

/* Copies lex.c's tokens [*li, end) into out (at most cap; a two-byte
   mark `` or '' gives two tokens, line breaks none); advances *li. */
static size_t tok_fill(const fctx *f, uint32_t *li, uint32_t end, tok *out, size_t cap)
{
    const lex_doc *d = f->x->lx;
    size_t n = 0;
    uint32_t i = *li;
    for (; i < end && n < cap; i++) {
        const lex_tok *lt = &d->tok[i];
        if (lt->kind == LEX_NL)
            continue;
        if (lt->kind == LEX_QUOTE && lt->e - lt->s == 2 && n + 2 > cap)
            break;
        tok *k = &out[n++];
        memset(k, 0, sizeof *k);
        k->li = i;
        k->s = lt->s;
        k->e = lt->e;
        k->we = lt->we;
        k->unit = -1;
        if (lt->kind == LEX_WORD) {
            k->kind = T_WORD;
            k->f = lt->f & (F_CAP | F_ACRO | F_POSS | F_HYPH | F_DOT | F_LOWER | F_DIGIT);
            k->fold = lt->fold;
            k->lx = lex_entry(f->lxc, lt->lw, lt->we - lt->s);
            k->abbr = (lt->f & LEX_ABBR) && !(lt->f & LEX_DOT) && lt->we - lt->s > 1;
        } else if (lt->kind == LEX_NUM) {
            const lex_num *q = &d->num[lt->aux];
            k->kind = T_NUM;
            k->num = *q;
            k->cur = q->cur ? (uint8_t)(q->cur + U_USD) : 0; /* lex.c: 1 $, 2 euro, 3 pound */
            k->bad = q->bad;
            if (q->unit) {
                const lexent *le = lex_entry(f->lxc, q->unit, strlen(q->unit->w));
                if (le && (le->cls & L_UNIT) && le->unit > U_GBP)
                    k->unit = le->unit;
                else
                    k->bad = 1;
            }
        } else {
            k->kind = T_PUNCT;
            k->punct = punct_of((int32_t)lt->aux, (lt->f & LEX_OPENPOS) != 0);
            if (lt->e - lt->s == 2 && lt->kind == LEX_QUOTE) { /* `` or '': two marks */
                k->e = k->we = lt->s + 1;
                tok *k2 = &out[n++];
                *k2 = *k;
                k2->s = lt->s + 1;
                k2->e = k2->we = lt->e;
                k2->punct = punct_of((int32_t)lt->aux, 0);
            }
        }
    }
    *li = i;
    return n;
}

/* ---- items and mentions ------------------------------------------------- */

static int item_eq(const item *a, const item *b)
{
    if (a->kind != b->kind)
        return 0;
    if (a->kind == K_NUMBER)
        return a->keystem == b->keystem && a->unit == b->unit && a->value == b->value;
    return a->klen == b->klen && !memcmp(a->key, b->key, a->klen);
}

static int map_grow(fctx *f)
{
    size_t nc = f->mapcap ? f->mapcap * 2 : 1024;
    uint32_t *nm = pmalloc(pmul(nc, sizeof *nm));
    if (!nm)
        return -1;
    memset(nm, 0xff, nc * sizeof *nm);
    for (size_t i = 0; i < f->mapcap; i++) {
        uint32_t v = f->map[i];
        if (v == NONE)
            continue;
        size_t j = (size_t)f->it[v].h & (nc - 1);
        while (nm[j] != NONE)
            j = (j + 1) & (nc - 1);
        nm[j] = v;
    }
    pfree(f->map);
    f->map = nm;
    f->mapcap = nc;
    return 0;
}

/* The index of the item equal to *p, adding p (its strings copied to
   x->tmp) when new; NONE when the item table is full; -1 via *err. */
static uint32_t item_get(fctx *f, item *p, int *err)
{
    if ((f->mapn + 1) * 2 > f->mapcap && map_grow(f)) {
        *err = -1;
        return NONE;
    }
    size_t j = (size_t)p->h & (f->mapcap - 1);
    while (f->map[j] != NONE) {
        const item *q = &f->it[f->map[j]];
        if (q->h == p->h && item_eq(q, p))
            return f->map[j];
        j = (j + 1) & (f->mapcap - 1);
    }
    if (f->nit >= FACT_MAX_ITEMS)
        return NONE;
    item *ni = grow(f->it, &f->cit, f->nit + 1, sizeof *ni);
    if (!ni) {
        *err = -1;
        return NONE;
    }
    f->it = ni;
    item *q = &f->it[f->nit];
    *q = *p;
    if (!(q->key = arena_strndup(f->x->tmp, p->key, p->klen))) {
        *err = -1;
        return NONE;
    }
    q->first = NONE;
    q->parent = (uint32_t)f->nit;
    f->map[j] = (uint32_t)f->nit;
    f->mapn++;
    return (uint32_t)f->nit++;
}

static int mention_add(fctx *f, uint32_t id, size_t start, size_t end, unsigned ev,
                       const uint32_t *ctx, size_t nctx)
{
    if (id == NONE || f->nmn >= FACT_MAX_MENTIONS)
        return 0;
    mention *nm = grow(f->mn, &f->cmn, f->nmn + 1, sizeof *nm);
    if (!nm)
        return -1;
    f->mn = nm;
    uint32_t off = (uint32_t)f->nctx;
    if (nctx) {
        uint32_t *nc = grow(f->ctx, &f->cctx, f->nctx + nctx, sizeof *nc);
        if (!nc)
            return -1;
        f->ctx = nc;
        memcpy(f->ctx + f->nctx, ctx, nctx * sizeof *ctx);
        f->nctx += nctx;
    }
    mention *m = &f->mn[f->nmn];
    m->item = id;
    m->art = f->art;
    m->start = start;
    m->end = end;
    m->ctx = off;
    m->nctx = (uint8_t)nctx;
    m->ev = (uint8_t)ev;
    m->multi = 0;
    m->qual = 0;
    m->role = R_NONE;
    m->year = 0;
    m->near[0] = m->near[1] = UINT32_MAX;
    m->joint = 0;
    m->dir = 0;
    m->ref = 0;
    item *it = &f->it[id];
    if (it->first == NONE)
        it->first = (uint32_t)f->nmn;
    it->count++;
    it->ev |= ev;
    f->nmn++;
    return 0;
}

/* ---- dates --------------------------------------------------------------- */

static int word_is(const fctx *f, const tok *k, const char *w);
static int context_near(fctx *f, size_t start, size_t end, uint32_t *out, uint32_t *near);

static int date_add(fctx *f, const char *key, size_t start, size_t end)
{
    item p;
    memset(&p, 0, sizeof p);
    p.kind = K_DATE;
    p.key = key;
    p.klen = strlen(key);
    p.unit = -1;
    p.h = hash_bytes(key, p.klen) ^ 0x5bd1e995u;
    int err = 0;
    uint32_t id = item_get(f, &p, &err);
    if (err)
        return -1;
    /* the context lets two sources' dates of one event be compared */
    uint32_t ctx[2 * FACT_CTX], near[2] = {UINT32_MAX, UINT32_MAX};
    int nc = id == NONE ? 0 : context_near(f, start, end, ctx, near);
    if (nc < 0 || mention_add(f, id, start, end, 0, ctx, (size_t)nc))
        return -1;
    if (id != NONE && f->nmn && f->mn[f->nmn - 1].start == start) {
        f->mn[f->nmn - 1].near[0] = near[0];
        f->mn[f->nmn - 1].near[1] = near[1];
    }
    return 0;
}

static int is_day(const tok *k)
{
    return k->kind == T_NUM && !k->cur && !k->num.pct && !k->num.sep && !k->num.dec && !k->num.iso &&
           k->unit < 0 && !k->num.mult && (!k->bad) && k->num.ndig <= 2 && k->num.mant >= 1 && k->num.mant <= 31;
}

static int is_year(const tok *k)
{
    return k->kind == T_NUM && !k->cur && !k->num.pct && !k->num.sep && !k->num.dec && !k->num.iso &&
           k->unit < 0 && !k->num.mult && !k->bad && !k->num.ord && k->num.ndig == 4 && k->num.mant >= 1000 &&
           k->num.mant <= 2999;
}

/* A month name: capitalised, or lower-case (Multi-News; French and
   Italian write months so) unless the pack tags it as an abbreviation or
   also a common word ("may", "march"), which need a capital or a period. */
static int is_month(const fctx *f, const tok *k)
{
    (void)f;
    if (k->kind != T_WORD || !k->lx || !(k->lx->cls & L_MONTH) || (k->f & F_POSS))
        return 0;
    if (k->f & F_CAP)
        return 1;
    if (k->e > k->we) /* "dec." */
        return 1;
    return !(k->lx->cls & L_MONTHCAP);
}

/* A date starting at token i ("Dec. 30", "December 30, 2016", "30
   December", "December 2016", ISO, weekday); returns the index after it,
   or i when none. */
static int is_func(const tok *k);

static size_t date_at(fctx *f, size_t i, size_t n, int *err)
{
    const tok *tk = f->tk;
    const tok *a = &tk[i];
    char key[32];
    if (a->kind == T_NUM && a->num.iso && !a->bad) {
        snprintf(key, sizeof key, "%04u-%02u-%02u", (unsigned)a->num.iy, (unsigned)a->num.im,
                 (unsigned)a->num.id);
        *err = date_add(f, key, a->s, a->e);
        return i + 1;
    }
    if (a->kind == T_WORD && a->lx && (a->lx->cls & L_WDAY) && !(a->f & F_HYPH)) {
        static const char *const wd[] = {"monday", "tuesday", "wednesday", "thursday",
                                         "friday", "saturday", "sunday"};
        *err = date_add(f, wd[a->lx->wday - 1], a->s, a->we);
        return i + 1;
    }
    int month = 0;
    unsigned day = 0, year = 0;
    size_t j = i;
    if (is_month(f, a) && i + 1 < n && (is_day(&tk[i + 1]) || (tk[i + 1].num.ord && tk[i + 1].num.ndig <= 2))) {
        month = a->lx->month;
        day = (unsigned)tk[i + 1].num.mant;
        j = i + 2;
    } else if (is_month(f, a) && i + 1 < n && is_year(&tk[i + 1])) {
        month = a->lx->month;
        year = (unsigned)tk[i + 1].num.mant;
        j = i + 2;
    } else if (a->kind == T_NUM && (is_day(a) || (a->num.ord && a->num.ndig <= 2 && !a->cur)) &&
               a->num.mant >= 1 && a->num.mant <= 31 && i + 1 < n) {
        /* "30 December", "28 de enero", "11 of March": one lower-case
           function word may stand between */
        size_t m = i + 1;
        if (m + 1 < n && tk[m].kind == T_WORD && is_func(&tk[m]) && !(tk[m].f & F_CAP))
            m++;
        if (is_month(f, &tk[m])) {
            day = (unsigned)a->num.mant;
            month = tk[m].lx->month;
            j = m + 1;
            if (j + 1 < n && tk[j].kind == T_WORD && is_func(&tk[j]) && is_year(&tk[j + 1]))
                j++; /* "28 de enero de 2011" */
        }
    }
    if (!month)
        return i;
    if (day && j < n && is_year(&tk[j]))
        year = (unsigned)tk[j++].num.mant;
    else if (day && j + 1 < n && tk[j].kind == T_PUNCT && tk[j].punct == ',' &&
             is_year(&tk[j + 1]))
        year = (unsigned)tk[(j += 2) - 1].num.mant;
    if (day > 31)
        return i;
    if (year && day)
        snprintf(key, sizeof key, "%04u-%02d-%02u", year, month, day);
    else if (day)
        snprintf(key, sizeof key, "%02d-%02u", month, day);
    else
        snprintf(key, sizeof key, "%04u-%02d", year, month);
    *err = date_add(f, key, a->s, tk[j - 1].we > tk[j - 1].s ? tk[j - 1].we : tk[j - 1].e);
    return j;
}

/* ---- numbers ------------------------------------------------------------- */

static double pow10i(int e)
{
    static const double p[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                               1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                               1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (e >= 0 && e <= 22)
        return p[e];
    return pow(10.0, (double)e);
}

/* The value of a number word token ("seven", "thirty-five"); 0 if none. */
static int numword(const fctx *f, const tok *k)
{
    if (k->kind != T_WORD)
        return 0;
    if (k->lx && (k->lx->cls & L_NUMW))
        return k->lx->num;
    if (!(k->f & F_HYPH))
        return 0;
    const char *t = f->t;
    size_t h = k->s;
    while (h < k->we && t[h] != '-')
        h++;
    const lexent *a = lex_entry(f->lxc, lang_word_of(f->L, t + k->s, h - k->s), h - k->s);
    const lexent *b = h < k->we ? lex_entry(f->lxc, lang_word_of(f->L, t + h + 1, k->we - h - 1),
                                            k->we - h - 1)
                                : NULL;
    if (a && b && (a->cls & L_NUMW) && (b->cls & L_NUMW) && a->num >= 20 && a->num % 10 == 0 &&
        b->num >= 1 && b->num <= 9)
        return a->num + b->num;
    return 0;
}

static int plural_like(const fctx *f, const tok *k)
{
    if (k->lx && (k->lx->cls & L_PLURAL))
        return 1;
    if (k->f & (F_ACRO | F_DIGIT | F_POSS | F_DOT))
        return 0;
    return mention_plural_ending(f->t + k->s, k->we - k->s);
}

typedef struct stemcb {
    uint32_t stem;
    int got;
} stemcb;

static int cb_last_stem(void *ud, uint32_t stem, int stop, size_t s, size_t e)
{
    PRECIS_UNUSED(stop);
    PRECIS_UNUSED(s);
    PRECIS_UNUSED(e);
    stemcb *c = ud;
    c->stem = stem;
    c->got = 1;
    return 0;
}

typedef struct ctxcb {
    const char *t;
    uint32_t *out;
    size_t n;
    int ring; /* keep the last FACT_CTX (before) or the first (after) */
    size_t seen;
    int to; /* the word before was "to" */
    uint32_t near; /* the stem of the word right next to the mention, if a
                      lower-case content word */
    size_t words;
} ctxcb;

static int cb_ctx(void *ud, uint32_t stem, int stop, size_t s, size_t e)
{
    ctxcb *c = ud;
    int first = !c->words++;
    int after_to = c->to;
    c->to = e - s == 2 && (c->t[s] == 't' || c->t[s] == 'T') && c->t[s + 1] == 'o';
    if (stop || is_digit(c->t[s])) {
        if (c->ring)
            c->near = UINT32_MAX; /* a word stands between */
        return 0;
    }
    /* a verb, as far as a word list-free look can tell: "apologized",
       "to apologize"; not "school", "afternoon", "early" */
    int lower = !(c->t[s] >= 'A' && c->t[s] <= 'Z') &&
                ((e - s > 3 && c->t[e - 2] == 'e' && c->t[e - 1] == 'd') || after_to);
    if (c->ring) {
        c->out[c->seen % FACT_CTX] = stem;
        c->seen++;
        c->near = lower ? stem : UINT32_MAX;
        return 0;
    }
    if (first)
        c->near = lower ? stem : UINT32_MAX;
    c->out[c->n++] = stem;
    return c->n >= FACT_CTX ? 1 : 0;
}

/* Content stems around t[start, end) within the sentence: up to FACT_CTX
   before and FACT_CTX after, into out (2 * FACT_CTX); returns the count
   or -1 on allocation failure.  near (if not NULL) gets the stems of the
   words right before and right after, when they are lower-case verbs by
   their look (an -ed form, or after "to"; UINT32_MAX otherwise): the
   event a date is the date of ("apologized Friday", "to apologize
   Saturday"; not "members on Monday", "school Wednesday"). */
static int context_near(fctx *f, size_t start, size_t end, uint32_t *out, uint32_t *near);

static int context(fctx *f, size_t start, size_t end, uint32_t *out)
{
    return context_near(f, start, end, out, NULL);
}

static int context_near(fctx *f, size_t start, size_t end, uint32_t *out, uint32_t *near)
{
    const char *t = f->t;
    size_t ws = start > f->ss + FACT_CTX_BYTES ? start - FACT_CTX_BYTES : f->ss;
    if (ws > f->ss) { /* begin after a space: never inside a word */
        while (ws < start && t[ws] != ' ' && t[ws] != '\n')
            ws++;
    }
    size_t we = end + FACT_CTX_BYTES < f->se ? end + FACT_CTX_BYTES : f->se;
    if (we < f->se) {
        while (we > end && t[we] != ' ' && t[we] != '\n')
            we--;
    }
    uint32_t before[FACT_CTX];
    ctxcb c = {t + ws, before, 0, 1, 0, 0, UINT32_MAX, 0};
    if (ws < start && norm_tokens(f->x->nm, t + ws, start - ws, cb_ctx, &c) < 0)
        return -1;
    size_t nb = c.seen < FACT_CTX ? c.seen : FACT_CTX;
    size_t k = 0;
    for (size_t i = c.seen - nb; i < c.seen; i++)
        out[k++] = before[i % FACT_CTX];
    /* the callback sees offsets relative to the string it was given */
    ctxcb d = {t + end, out + k, 0, 0, 0, 0, UINT32_MAX, 0};
    if (end < we && norm_tokens(f->x->nm, t + end, we - end, cb_ctx, &d) < 0)
        return -1;
    if (near) {
        near[0] = c.near;
        near[1] = d.near;
    }
    return (int)(k + d.n);
}

static int word_is(const fctx *f, const tok *k, const char *w)
{
    return k->kind == T_WORD && lex_lower_eq(f->t + k->s, k->we - k->s, w, strlen(w));
}

/* How the words before token i qualify the number there (Q_*): the
   longest entry of the pack's qualifiers.txt ("more than", "up to",
   "about", "approx.") that ends right before it, its words one space
   apart. */
#define QUALIFIER_WORDS 3
static int qualifier(const fctx *f, size_t i)
{
    const tok *tk = f->tk;
    for (size_t k = i < QUALIFIER_WORDS ? i : QUALIFIER_WORDS; k > 0; k--) {
        const tok *a = &tk[i - k];
        size_t q = i - k;
        while (q < i && tk[q].kind == T_WORD &&
               (q + 1 == i ||
                (tk[q].e == tk[q].we && tk[q + 1].s == tk[q].e + 1 && f->t[tk[q].e] == ' ')))
            q++;
        if (q < i)
            continue;
        const lang_word *w = lang_word_of(f->L, f->t + a->s, tk[i - 1].we - a->s);
        if (w && (w->tags & LT_QUAL))
            return w->val == LANG_Q_ATLEAST ? Q_ATLEAST
                   : w->val == LANG_Q_ATMOST ? Q_ATMOST
                                             : Q_ABOUT;
    }
    return Q_EXACT;
}

static int is_func(const tok *k) { return k->lx && (k->lx->cls & L_FUNC) && !(k->f & F_ACRO); }

/* A number starting at token i: a digit token, a number word or "a
   dozen".  Adds a NUMBER (or year DATE) mention when it counts something;
   returns the index after what it consumed. */
/* The unit index of the two-word unit "a b" of the pack ("per cent",
   "por ciento", "pour cent": units.txt), or -1. */
static int phrase_unit(const fctx *f, const tok *a, const tok *b)
{
    const lang_word *e = lang_phrase(f->L, f->t + a->s, a->we - a->s, f->t + b->s, b->we - b->s);
    if (!e || !(e->cls & LW_UNIT) || !e->unit)
        return -1;
    for (int u = 0; u < MAX_UNITS && f->units[u]; u++)
        if (!strcmp(f->units[u], e->unit))
            return u;
    return -1;
}

/* "d'euros", "d'habitants" after a number: a word that opens with an
   elided preposition of the pack (prepositions.txt lists "d'", "dell'")
   is read from after the apostrophe, so that the unit or the counted
   noun is found (the token k is changed in place). */
static void unelide(const fctx *f, tok *k)
{
    const char *w = f->t + k->s;
    size_t n = k->we - k->s;
    for (size_t p = 1; p <= 5 && p + 1 < n; p++) {
        size_t al = w[p] == '\'' ? 1 : (p + 3 < n && !memcmp(w + p, "\xe2\x80\x99", 3)) ? 3 : 0;
        if (!al)
            continue;
        if (!(lang_class(f->L, w, p + al) & LW_PREP) || p + al >= n)
            return;
        k->s += p + al;
        k->lx = lex_entry(f->lxc, lang_word_of(f->L, f->t + k->s, k->we - k->s), k->we - k->s);
        return;
    }
}

static size_t number_at(fctx *f, size_t i, size_t n, int *err)
{
    const tok *tk = f->tk;
    const tok *a = &tk[i];
    size_t start = a->s, j = i + 1;
    uint64_t mant;
    int dec = 0, mult = 0, unit = -1, cur = 0, pct = 0, word = 0;
    if (a->kind == T_NUM) {
        if (a->bad || a->num.ord || a->num.iso)
            return i + 1;
        mant = a->num.mant;
        dec = a->num.dec;
        mult = a->num.mult;
        unit = a->unit;
        cur = a->cur;
        pct = a->num.pct;
    } else {
        int v = numword(f, a);
        if (!v && a->lx && (a->lx->cls & L_INDEF) && j < n && tk[j].kind == T_WORD &&
            tk[j].lx && (tk[j].lx->cls & L_FACTOR)) {
            v = tk[j].lx->num; /* "a dozen" */
            j++;
        }
        if (!v)
            return i + 1;
        /* "Forty three witnesses": a tens word and a unit word, unhyphenated */
        int u = j < n ? numword(f, &tk[j]) : 0;
        if (v >= 20 && v % 10 == 0 && v <= 90 && u >= 1 && u <= 9 && !(a->f & F_HYPH)) {
            v += u;
            j++;
        }
        mant = (uint64_t)v;
        word = v;
    }
    /* "Boeing 777 flights", "Amendment 64", "Flight 370": a number right
       after a name word (not a month, not a sentence opener) names a
       thing, it counts nothing */
    if (a->kind == T_NUM && !a->cur && i > 0 && tk[i - 1].kind == T_WORD &&
        (tk[i - 1].f & F_CAP) && !(tk[i - 1].f & F_INIT) &&
        !(tk[i - 1].lx && (tk[i - 1].lx->cls & (L_MONTH | L_WDAY | L_FUNC | L_DATEPREP))))
        return i + 1;
    /* multipliers: "1.2 million", "two hundred thousand", "two dozen" */
    for (int m = 0; m < 2 && j < n && tk[j].kind == T_WORD && tk[j].lx; m++) {
        if ((tk[j].lx->cls & L_MULT) && !(tk[j].f & F_POSS)) {
            mult += tk[j].lx->mult;
            j++;
        } else if (tk[j].lx->cls & L_FACTOR) {
            mant *= (uint64_t)tk[j].lx->num;
            j++;
        } else
            break;
    }
    if (word == 1 && j == i + 1)
        return i + 1; /* "one" alone */
    /* "1,7 millones de barriles", "1,3 milliard de dollars": a preposition
       between a multiplier word and what it counts */
    size_t jm = j;
    if (mult > (a->kind == T_NUM ? a->num.mult : 0) && j + 1 < n && tk[j].kind == T_WORD &&
        (tk[j].f & F_LOWER) && tk[j + 1].kind == T_WORD &&
        (lang_class(f->L, f->t + tk[j].s, tk[j].we - tk[j].s) & LW_PREP))
        j++;
    size_t end = tk[jm - 1].we > tk[jm - 1].s ? tk[jm - 1].we : tk[jm - 1].e;
    if (a->kind == T_NUM && jm == i + 1)
        end = a->e;
    int head = -1;
    if (cur)
        unit = cur - 1;
    else if (pct)
        unit = U_PCT;
    if (unit < 0 && j < n && tk[j].kind == T_WORD)
        unelide(f, &f->tk[j]);
    if (unit < 0 && j < n && tk[j].kind == T_WORD && tk[j].lx) {
        const lexent *le = tk[j].lx;
        if ((le->cls & L_TIME) && !(tk[j].f & F_CAP))
            return j + 1; /* "2 p.m." */
        if ((le->cls & L_UNIT) && !(tk[j].f & F_CAP)) {
            unit = le->unit;
            end = tk[j].we;
            j++;
        } else if (j + 1 < n && tk[j + 1].kind == T_WORD) {
            /* a two-word unit of the pack: "per cent", "por ciento" */
            int u = phrase_unit(f, &tk[j], &tk[j + 1]);
            if (u >= 0) {
                unit = u;
                end = tk[j + 1].we;
                j += 2;
            }
        }
    }
    if (unit < 0) {
        /* the counted noun: first plural among the next four words */
        size_t k = j;
        for (size_t seen = 0; k < n && seen < 4; k++, seen++) {
            const tok *w = &tk[k];
            if (w->kind != T_WORD || is_func(w) || numword(f, w))
                break;
            if (w->lx && (w->lx->cls & (L_MONTH | L_WDAY | L_TIME | L_MULT)))
                break;
            /* a capitalised plural inside a name is no counted noun: "the
               1970 Controlled Substances Act" */
            int plural = plural_like(f, w);
            if (plural && (w->f & F_CAP) && !(w->f & F_INIT) && k + 1 < n &&
                tk[k + 1].kind == T_WORD && (tk[k + 1].f & (F_CAP | F_ACRO)) && !is_func(&tk[k + 1]))
                break;
            if (plural) {
                head = (int)k;
                break;
            }
            if (w->f & F_POSS)
                break;
        }
        if (head < 0 && (mant == 1 && !dec && !mult) && j < n && tk[j].kind == T_WORD &&
            !is_func(&tk[j]) && (tk[j].f & F_LOWER) && !(tk[j].f & F_POSS))
            head = (int)j; /* "1 person" */
    }
    /* years */
    if (a->kind == T_NUM && unit < 0 && !a->num.sep && !dec && !mult && a->num.ndig == 4 &&
        mant >= 1800 && mant <= 2100 && (head < 0 || !plural_like(f, &tk[head]))) {
        if (i > 0 && tk[i - 1].kind == T_WORD && tk[i - 1].lx &&
            (tk[i - 1].lx->cls & L_DATEPREP) && !(tk[i - 1].f & F_CAP)) {
            char key[16];
            snprintf(key, sizeof key, "%04u", (unsigned)mant);
            *err = date_add(f, key, a->s, a->e);
        }
        return i + 1;
    }
    if (unit < 0 && head < 0)
        return j > i + 1 ? j : i + 1;
    item p;
    memset(&p, 0, sizeof p);
    p.kind = K_NUMBER;
    p.unit = unit;
    /* divide for decimals: 68 / 10 is 6.8 exactly as written, 68 * 0.1 is not */
    p.value = mult >= dec ? (double)mant * pow10i(mult - dec) : (double)mant / pow10i(dec - mult);
    char lw[FACT_MAX_WORD + 1];
    if (unit >= 0) {
        p.key = f->units[unit];
        p.klen = strlen(p.key);
        p.keystem = 0x80000000u | (uint32_t)unit;
    } else {
        const tok *h = &tk[head];
        size_t hl = h->we - h->s;
        if (hl > FACT_MAX_WORD)
            return (size_t)head + 1;
        for (size_t q = 0; q < hl; q++) {
            char c = f->t[h->s + q];
            lw[q] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        lw[hl] = '\0';
        p.key = lw;
        p.klen = hl;
        stemcb sc = {0, 0};
        if (norm_tokens(f->x->nm, f->t + h->s, hl, cb_last_stem, &sc) < 0) {
            *err = -1;
            return n;
        }
        if (!sc.got)
            return (size_t)head + 1;
        p.keystem = sc.stem & 0x7fffffffu;
        end = h->we;
        j = (size_t)head + 1;
    }
    uint64_t vb;
    memcpy(&vb, &p.value, sizeof vb);
    p.h = hash_mix(((uint64_t)p.keystem << 8 ^ (uint64_t)(p.unit + 1)) * 0x9e3779b97f4a7c15ULL ^ vb);
    int e2 = 0;
    uint32_t id = item_get(f, &p, &e2);
    if (e2) {
        *err = -1;
        return n;
    }
    if (id == NONE)
        return j;
    uint32_t ctx[2 * FACT_CTX];
    int nc = context(f, start, end, ctx);
    if (nc < 0) {
        *err = -1;
        return n;
    }
    *err = mention_add(f, id, start, end, 0, ctx, (size_t)nc);
    if (!*err && f->nmn && f->mn[f->nmn - 1].item == id && f->mn[f->nmn - 1].start == start) {
        mention *me = &f->mn[f->nmn - 1];
        me->qual = (uint8_t)qualifier(f, i);
        if (unit >= 0 && j < n && tk[j].kind == T_WORD && tk[j].lx &&
            (tk[j].lx->cls & L_PAST))
            me->multi = 1;
    }
    return j;
}

/* ---- names --------------------------------------------------------------- */

/* Skeleton of a word for matching spellings: lower case, no dots,
   apostrophes or hyphens, ks->x, y->i, ph->f, w->v, ck->k, doubled
   letters once.  Writes at most cap-1 bytes. */
static size_t skeleton(const char *t, size_t s, size_t e, char *out, size_t cap)
{
    char tmp[4 * FACT_MAX_WORD + 8];
    size_t n = 0;
    size_t i = s;
    while (i < e && n + 4 < sizeof tmp) {
        int32_t cp;
        i += cp_next(t, i, e, &cp);
        if (cp == '.' || cp == '\'' || cp == 0x2019 || cp == '-' || cp < 0)
            continue;
        if (cp < 0x80) {
            if (cp >= 'A' && cp <= 'Z')
                cp += 32;
            tmp[n++] = (char)cp;
        } else {
            utf8proc_uint8_t b[4];
            utf8proc_ssize_t k = utf8proc_encode_char(utf8proc_tolower(cp), b);
            for (utf8proc_ssize_t q = 0; q < k; q++)
                tmp[n++] = (char)b[q];
        }
    }
    size_t o = 0;
    for (size_t q = 0; q < n && o + 1 < cap; q++) {
        char c = tmp[q];
        if (c == 'k' && q + 1 < n && tmp[q + 1] == 's') {
            c = 'x';
            q++;
        } else if (c == 'p' && q + 1 < n && tmp[q + 1] == 'h') {
            c = 'f';
            q++;
        } else if (c == 'c' && q + 1 < n && tmp[q + 1] == 'k') {
            c = 'k';
            q++;
        } else if (c == 'y')
            c = 'i';
        else if (c == 'w')
            c = 'v';
        if (o > 0 && out[o - 1] == c && (unsigned char)c < 0x80)
            continue;
        out[o++] = c;
    }
    out[o] = '\0';
    return o;
}

/* Does the word t[s, e) end in a lower-case part after a hyphen (an
   adjective compound: "Cold War-era", "English-language")? */
static int lower_tail(const char *t, size_t s, size_t e)
{
    size_t h = e;
    while (h > s && t[h - 1] != '-')
        h--;
    if (h == s || h >= e)
        return 0;
    int32_t cp;
    cp_next(t, h, e, &cp);
    return is_lowercp(cp);
}

/* Is the name form[0..n) a place: one the pack lists (place_names: "New
   York", "Va."), a place acronym alone (U.S.), or a name ending in a
   place word ("Larrow River", "Fairfax County"; last its last token)? */
static int place_name(const fctx *f, const char *form, size_t n, const tok *last)
{
    if (mention_place_word(f->L, form, n))
        return 1;
    return last->lx && (last->lx->cls & L_PLACE) && (last->f & (F_CAP | F_ACRO));
}

/* Adds a mention of the name made of tokens idx[0..nw) with evidence ev
   (EV_*), an organisation's when org. */
#define OFFICE_MANY 0xffffffffu
static int name_add(fctx *f, const size_t *idx, size_t nw, unsigned ev, unsigned org,
                    uint32_t office, unsigned gender)
{
    const tok *tk = f->tk;
    char form[FACT_MAX_RUN * (FACT_MAX_WORD + 8) + 8];
    char skel[FACT_MAX_RUN * (4 * FACT_MAX_WORD + 8) + 8];
    size_t fl = 0, sl = 0, lastsk = 0, lastskend = 0, lastw = 0, lastwend = 0, firstsk = 0;
    unsigned words = 0, joined = 0;
    for (size_t q = 0; q < nw; q++) {
        const tok *k = &tk[idx[q]];
        size_t e = (k->f & F_POSS) && q + 1 == nw ? k->we : k->e;
        if (fl) {
            form[fl++] = ' ';
            skel[sl++] = ' ';
        }
        /* "Eric H. Holder Jr.": the surname is the word before the
           generational suffix */
        const lang_word *gw = q > 0 && q + 1 == nw ? lang_word_of(f->L, f->t + k->s, k->we - k->s)
                                                   : NULL;
        size_t w0 = fl, s0 = sl;
        memcpy(form + fl, f->t + k->s, e - k->s);
        fl += e - k->s;
        if (k->lx && (k->lx->cls & L_SAINT)) { /* "St." and "Saint" are one */
            memcpy(skel + sl, "saint", 5);
            sl += 5;
        } else {
            sl += skeleton(f->t, k->s, k->we, skel + sl, 4 * FACT_MAX_WORD + 4);
        }
        if (!gw || !(gw->tags & LT_GENERATION)) {
            lastw = w0;
            lastwend = fl;
            lastsk = s0;
            lastskend = sl;
        }
        if (q == 0)
            firstsk = sl;
        if (k->f & (F_CAP | F_ACRO))
            words++;
        else
            joined = 1;
    }
    const tok *l = &tk[idx[nw - 1]];
    if (!sl || ((l->f & F_HYPH) && lower_tail(f->t, l->s, l->we)))
        return 0;
    item p;
    memset(&p, 0, sizeof p);
    p.kind = K_NAME;
    p.key = form;
    p.klen = fl;
    p.unit = -1;
    p.ntok = words;
    p.h = hash_bytes(form, fl) ^ 0x27d4eb2fu;
    int err = 0;
    uint32_t id = item_get(f, &p, &err);
    if (err)
        return -1;
    if (id == NONE)
        return 0;
    item *it = &f->it[id];
    if (!it->skel) { /* new: its skeleton and flags */
        char *sk = arena_strndup(f->x->tmp, skel, sl);
        if (!sk)
            return -1;
        it->skel = sk;
        it->sklen = sl;
        it->skelh = hash_bytes(sk, sl);
        it->lasth = hash_bytes(sk + lastsk, lastskend - lastsk);
        it->firsth = hash_bytes(sk, firstsk);
        it->lastw = it->key + lastw;
        it->lastwlen = lastwend - lastw;
        it->suffix = lastwend < fl;
        it->org = org;
        it->joined = joined;
        it->place = place_name(f, form, fl, nw == 1 ? &tk[idx[0]] : l);
    }
    it->gender |= gender;
    if (office && !it->office)
        it->office = office;
    else if (office && it->office != office)
        it->office = OFFICE_MANY;
    return mention_add(f, id, tk[idx[0]].s, (l->f & F_POSS) ? l->we : l->e, ev, NULL, 0);
}

/* The names (mention.c) whose words start at token i of the chunk of n
   tokens: an organisation before a title ("Russian Foreign Ministry" in
   "Russian Foreign Ministry Spokesperson Maria Zakharova") and the name
   proper, each with the evidence the mention finder saw.  Returns the
   token after the last name added, or i when none starts there. */
static size_t names_at(fctx *f, size_t i, size_t n, int *err)
{
    const mention_doc *md = f->md;
    const tok *tk = f->tk;
    uint32_t li = tk[i].li, end = md->art[f->art + 1];
    while (f->mcur < end && md->m[f->mcur].t1 <= li)
        f->mcur++;
    if (f->mcur >= end)
        return i;
    const mention_run *r = &md->m[f->mcur];
    uint32_t from[2] = {r->p0, r->n0}, to[2] = {r->pe, r->ne};
    size_t next = i;
    for (int p = 0; p < 2; p++) {
        size_t nw = to[p] - from[p];
        if (from[p] != li + (next - i) || !nw || nw > FACT_MAX_RUN || i + (next - i) + nw > n)
            continue;
        size_t idx[FACT_MAX_RUN], at = next;
        for (size_t q = 0; q < nw; q++)
            idx[q] = at + q;
        if (tk[at + nw - 1].li != to[p] - 1)
            continue; /* a two-byte quotation mark inside: not one name */
        unsigned ev = p ? r->ev & EV_ALL : 0;
        unsigned org = p ? (r->ev & MEN_ORG) != 0
                         : (unsigned)mention_org(f->x->lx, f->L, f->t, from[p], to[p]);
        if (name_add(f, idx, nw, ev, org, p ? r->office : 0, p ? r->gender : 0)) {
            *err = -1;
            return n;
        }
        next = at + nw;
        if (p == 0 && r->n0 > r->pe)
            next += r->n0 - r->pe; /* the title */
    }
    return next;
}

/* ---- sentences ----------------------------------------------------------- */

static void mark_init(tok *tk, size_t n, int sentence_start)
{
    for (size_t i = 0; i < n; i++) {
        if (tk[i].kind != T_WORD)
            continue;
        if (i == 0 ? sentence_start
                   : (tk[i - 1].kind == T_PUNCT &&
                      (tk[i - 1].punct == 'q' || tk[i - 1].punct == ':' ||
                       tk[i - 1].punct == '.' || tk[i - 1].punct == '!' ||
                       tk[i - 1].punct == '?' || tk[i - 1].punct == '(')))
            tk[i].f |= F_INIT;
    }
}

/* Title case: most words capitalised (a headline); no names there.  In
   a short sentence (TITLE_SHORT_WORDS words at most, ending in a stop) a
   lower-case word
   that a headline would capitalise (any but an article, a conjunction and
   a short preposition: "was", "left") makes it a sentence, however many
   names it holds ("Barack Obama was in Ohio on Monday."); a longer one
   that is mostly capitals holds a title-case phrase ("President Delays
   Gulf Coast Spill Recovery Efforts ..., read the headline"), whose words
   are no names. */
#define TITLE_SHORT_WORDS 12
static int title_case(const fctx *f, const tok *tk, size_t n)
{
    size_t words = 0, caps = 0, all = 0;
    for (size_t i = 0; i < n; i++)
        all += tk[i].kind == T_WORD;
    /* (a sentence ends in a stop; a heading or a page's furniture does
       not: "INTERPOL MONTE CARLO") */
    int ends = n > 0 && tk[n - 1].kind == T_PUNCT &&
               (tk[n - 1].punct == '.' || tk[n - 1].punct == '!' || tk[n - 1].punct == '?');
    for (size_t i = 0; i < n; i++) {
        if (tk[i].kind != T_WORD)
            continue;
        if (all <= TITLE_SHORT_WORDS && ends && !(tk[i].f & (F_CAP | F_ACRO))) {
            const lang_word *w = lang_word_of(f->L, f->t + tk[i].s, tk[i].we - tk[i].s);
            if (!w || !((w->cls & LW_DEF) || (w->tags & LT_CONJ) ||
                        ((w->cls & LW_PREP) && tk[i].we - tk[i].s <= 4)))
                return 0;
        }
        if (is_func(&tk[i]))
            continue;
        words++;
        caps += (tk[i].f & (F_CAP | F_ACRO)) != 0;
    }
    return words >= 4 && caps * 10 >= words * 7;
}

/* ---- what a sentence says about its mentions' frame (conflicts) ---------- */

/* The mention of [mfirst, nmn) starting at byte s, or NONE. */
static uint32_t mention_at(const fctx *f, size_t mfirst, size_t s)
{
    for (size_t p = mfirst; p < f->nmn; p++)
        if (f->mn[p].start == s)
            return (uint32_t)p;
    return NONE;
}

/* The year a date item states ("2013", "2013-05-01"), else 0. */
static unsigned item_year(const item *it)
{
    if (it->kind != K_DATE || it->klen < 4)
        return 0;
    unsigned y = 0;
    for (size_t k = 0; k < 4; k++) {
        char c = it->key[k];
        if (c < '0' || c > '9')
            return 0;
        y = y * 10 + (unsigned)(c - '0');
    }
    return it->klen == 4 || it->key[4] == '-' ? y : 0;
}

static int is_weekday_item(const item *it)
{
    return it->kind == K_DATE && it->klen && it->key[0] >= 'a' && it->key[0] <= 'z';
}

static int numberish(const fctx *f, const tok *k)
{
    return k->kind == T_NUM || numword(f, k);
}

static int has_cls(const tok *k, uint32_t cls)
{
    return k->kind == T_WORD && k->lx && (k->lx->cls & cls);
}

/* Ranges of years: "from 1967 to 1979", "1966 through 1978".  The opening
   year (a date already: a preposition stands before it) becomes R_FROM,
   the closing one a date mention too, R_TO: two sources giving a
   tenure's ends differently disagree about one of them. */
static int mark_ranges(fctx *f, size_t mfirst)
{
    const tok *tk = f->tk;
    for (size_t i = 0; i + 2 < f->ntk; i++) {
        const tok *a = &tk[i], *to = &tk[i + 1], *b = &tk[i + 2];
        if (!is_year(a) || !is_year(b) || b->num.mant <= a->num.mant)
            continue;
        if (!has_cls(to, L_RANGE))
            continue;
        uint32_t ma = mention_at(f, mfirst, a->s);
        if (ma == NONE || f->it[f->mn[ma].item].kind != K_DATE)
            continue;
        uint32_t mb = mention_at(f, mfirst, b->s);
        if (mb == NONE) {
            char key[16];
            snprintf(key, sizeof key, "%04u", (unsigned)b->num.mant);
            if (date_add(f, key, b->s, b->e))
                return -1;
            mb = mention_at(f, mfirst, b->s);
        }
        if (mb == NONE || f->it[f->mn[mb].item].kind != K_DATE)
            continue;
        f->mn[ma].role = R_FROM;
        f->mn[mb].role = R_TO;
    }
    return 0;
}

/* Parts and wholes: "three of the four", "18 out of 32 districts", "one
   of his two daughters"; and the ends of a range of numbers.  Both
   numbers are one statement about a group, never two sources' values for
   it. */
static void mark_parts(fctx *f, size_t mfirst)
{
    const tok *tk = f->tk;
    size_t n = f->ntk;
    for (size_t i = 0; i + 2 < n; i++) {
        if (!numberish(f, &tk[i]))
            continue;
        if (has_cls(&tk[i + 1], L_RANGE) && numberish(f, &tk[i + 2])) {
            /* the ends of a range of numbers ("18 to 33 percent"): a
               figure between them agrees with it */
            uint32_t p = mention_at(f, mfirst, tk[i].s), q = mention_at(f, mfirst, tk[i + 2].s);
            if (p != NONE && f->it[f->mn[p].item].kind == K_NUMBER)
                f->mn[p].multi = M_OUT;
            if (q != NONE && f->it[f->mn[q].item].kind == K_NUMBER)
                f->mn[q].multi = M_OUT;
            continue;
        }
        size_t j = i + 1;
        if (word_is(f, &tk[j], "out"))
            j++;
        if (j >= n || !word_is(f, &tk[j], "of"))
            continue;
        j++;
        if (j < n && tk[j].kind == T_WORD && is_func(&tk[j]) && !numword(f, &tk[j]))
            j++; /* the, its, their, those */
        if (j >= n || !numberish(f, &tk[j]))
            continue;
        uint32_t p = mention_at(f, mfirst, tk[i].s), q = mention_at(f, mfirst, tk[j].s);
        if (p != NONE)
            f->mn[p].multi = M_OUT;
        if (q != NONE)
            f->mn[q].multi = M_OUT;
    }
}

/* A number in parentheses right after another number restates it in
   another unit: "1,100 km (700 miles)".  It is not a value of its own. */
static void mark_conversions(fctx *f, size_t mfirst)
{
    const char *t = f->t;
    for (size_t p = mfirst; p < f->nmn; p++) {
        mention *m = &f->mn[p];
        if (f->it[m->item].kind != K_NUMBER)
            continue;
        size_t b = m->start;
        while (b > f->ss && t[b - 1] == ' ')
            b--;
        if (b <= f->ss || t[b - 1] != '(')
            continue;
        b--;
        while (b > f->ss && t[b - 1] == ' ')
            b--;
        for (size_t q = mfirst; q < f->nmn; q++)
            if (q != p && f->mn[q].end == b && f->it[f->mn[q].item].kind == K_NUMBER)
                m->multi = M_OUT;
    }
}

/* Marks the number mentions from mfirst on (one sentence chunk) whose
   sentence also gives another value of the same key and unit: "fell to
   6.5 meters from a peak of 6.8 meters", "$2,306.08 at Walt Disney World
   ... and $5,687.75 on Martha's Vineyard Holistic Retreat".  Each such
   mention (M_LIST) keeps as context only the words between its
   neighbours of the same key, its own part of the list, and must share
   more of it (FACT_CONF_SHARED_LIST) to be compared.  Weekdays: a
   sentence giving two ("released Monday and aired on Tuesday") tells of
   two events, its weekdays are left out (M_OUT).  Compares each mention
   with the next FACT_CONF_BUCKET mentions only. */
static int mark_multi(fctx *f, size_t mfirst)
{
    for (size_t p = mfirst; p < f->nmn; p++) {
        const item *a = &f->it[f->mn[p].item];
        int num = a->kind == K_NUMBER, day = is_weekday_item(a);
        if (!num && !day)
            continue;
        for (size_t q = p + 1; q < f->nmn && q < p + FACT_CONF_BUCKET; q++) {
            const item *b = &f->it[f->mn[q].item];
            int same = num ? b->kind == K_NUMBER && b != a && b->keystem == a->keystem &&
                                 b->unit == a->unit
                           : is_weekday_item(b) && b != a;
            if (!same)
                continue;
            uint8_t v = num ? M_LIST : M_OUT;
            if (f->mn[p].multi != M_OUT)
                f->mn[p].multi = v;
            if (f->mn[q].multi != M_OUT)
                f->mn[q].multi = v;
        }
    }
    /* the listed numbers' own context */
    size_t ss = f->ss, se = f->se;
    for (size_t p = mfirst; p < f->nmn; p++) {
        mention *m = &f->mn[p];
        if (m->multi != M_LIST)
            continue;
        const item *a = &f->it[m->item];
        size_t lo = ss, hi = se;
        for (size_t q = mfirst; q < f->nmn; q++) {
            const mention *o = &f->mn[q];
            const item *b = &f->it[o->item];
            if (q == p || b->kind != K_NUMBER || b->keystem != a->keystem || b->unit != a->unit)
                continue;
            if (o->end <= m->start && o->end > lo)
                lo = o->end;
            if (o->start >= m->end && o->start < hi)
                hi = o->start;
        }
        uint32_t ctx[2 * FACT_CTX];
        f->ss = lo;
        f->se = hi;
        int nc = context(f, m->start, m->end, ctx);
        f->ss = ss;
        f->se = se;
        if (nc < 0)
            return -1;
        if ((size_t)nc > m->nctx)
            nc = m->nctx;
        memcpy(f->ctx + m->ctx, ctx, (size_t)nc * sizeof *ctx);
        m->nctx = (uint8_t)nc;
    }
    return 0;
}

/* The year frame of each number of the chunk: the year its sentence
   states nearest to it.  £171.6m in 2007 and £179.7m in 2013 are two
   deals, not one price told two ways. */
static void mark_years(fctx *f, size_t mfirst)
{
    for (size_t p = mfirst; p < f->nmn; p++) {
        mention *m = &f->mn[p];
        if (f->it[m->item].kind != K_NUMBER)
            continue;
        size_t best = SIZE_MAX;
        for (size_t q = mfirst; q < f->nmn; q++) {
            const mention *o = &f->mn[q];
            unsigned y = item_year(&f->it[o->item]);
            if (!y)
                continue;
            size_t d = o->start >= m->end ? o->start - m->end : m->start - o->end;
            if (o->start < m->end && o->end > m->start)
                d = 0;
            if (d < best) {
                best = d;
                m->year = (uint16_t)y;
            }
        }
    }
}

/* What the words right after a number say about what it measures.  A
   counted noun joined by a conjunction to another noun counts the group:
   "239 passengers and crew" is not a count of passengers ("227
   passengers and 12 crew members": the conjunction joins two counts).  A
   measure followed by a compass direction is a position, not a size:
   "1,000 miles west of Perth" and "700 miles northeast of the old area"
   are two places, not one distance told two ways ("to the" may stand
   between: "moved 1,100 km to the northeast"). */
/* Does word k end like a verb form ("shattered", "killing")?  "injured
   three gardeners and shattered window panes" joins two clauses, not two
   nouns. */
static int verb_form(const fctx *f, const tok *k)
{
    const char *t = f->t + k->s;
    size_t n = k->we - k->s;
    return (n > 3 && t[n - 2] == 'e' && t[n - 1] == 'd') ||
           (n > 5 && t[n - 3] == 'i' && t[n - 2] == 'n' && t[n - 1] == 'g');
}

static size_t tok_from(const fctx *f, size_t i, size_t s)
{
    const tok *tk = f->tk;
    if (i > 0 && tk[i - 1].s >= s)
        i = 0; /* mentions out of text order (mark_ranges adds some) */
    while (i < f->ntk && tk[i].s < s)
        i++;
    return i;
}

static void mark_after(fctx *f, size_t mfirst)
{
    const tok *tk = f->tk;
    size_t n = f->ntk, i = 0;
    for (size_t p = mfirst; p < f->nmn; p++) {
        mention *m = &f->mn[p];
        const item *it = &f->it[m->item];
        if (it->kind != K_NUMBER)
            continue;
        if ((i = tok_from(f, i, m->end)) >= n)
            continue;
        if (it->unit < 0 && has_cls(&tk[i], L_CONJ) &&
            i + 1 < n && tk[i + 1].kind == T_WORD && !is_func(&tk[i + 1]) &&
            !numword(f, &tk[i + 1]) && !(tk[i + 1].f & (F_CAP | F_ACRO)) &&
            !verb_form(f, &tk[i + 1]))
            m->joint = 1;
        if (it->unit < U_SIGNS)
            continue;
        /* "three years and 10 months", "an hour and 58 minutes": one
           quantity in two units, read as two */
        size_t st = i; /* the mention's first token */
        while (st > 0 && tk[st - 1].s >= m->start)
            st--;
        if ((has_cls(&tk[i], L_CONJ) && i + 2 < n && numberish(f, &tk[i + 1]) &&
             has_cls(&tk[i + 2], L_UNIT)) ||
            (st >= 2 && st < n && has_cls(&tk[st - 1], L_CONJ) && has_cls(&tk[st - 2], L_UNIT)))
            m->multi = M_OUT;
        for (size_t j = i; j < n && j < i + 3 && tk[j].kind == T_WORD; j++) {
            if (tk[j].lx && tk[j].lx->dir) {
                m->dir = (uint8_t)tk[j].lx->dir;
                size_t r = j + 1; /* "of the old area" -> "old" */
                while (r < n && r < j + 3 && tk[r].kind == T_WORD && is_func(&tk[r]))
                    r++;
                if (r > j + 1 && r < n && tk[r].kind == T_WORD && !is_func(&tk[r]))
                    m->ref = tk[r].fold ? tk[r].fold : 1;
                break;
            }
            if (!is_func(&tk[j]))
                break;
        }
    }
}

/* Everything the conflict comparison needs to know about the frame of
   the chunk's mentions. */
static int conflict_marks(fctx *f, size_t mfirst)
{
    if (mark_ranges(f, mfirst))
        return -1;
    mark_parts(f, mfirst);
    mark_conversions(f, mfirst);
    mark_years(f, mfirst);
    mark_after(f, mfirst);
    return mark_multi(f, mfirst);
}

/* Finds the mentions among the n tokens in f->tk (a chunk of the current
   sentence; first: it starts the sentence). */
static int facts_tokens(fctx *f, size_t n, int first)
{
    f->ntk = n;
    mark_init(f->tk, n, first);
    size_t mfirst = f->nmn;
    int names = !title_case(f, f->tk, n);
    int err = 0;
    for (size_t i = 0; i < n && !err;) {
        const tok *k = &f->tk[i];
        if (k->kind == T_PUNCT) {
            i++;
            continue;
        }
        size_t j = date_at(f, i, n, &err);
        if (j > i || err) {
            i = j;
            continue;
        }
        if (k->kind == T_NUM || numword(f, k) ||
            (k->we - k->s == 1 && (f->t[k->s] == 'a' || f->t[k->s] == 'A'))) {
            j = number_at(f, i, n, &err);
            if (j > i + 1 || err || k->kind == T_NUM || numword(f, k)) {
                i = j;
                continue;
            }
        }
        if (names && k->kind == T_WORD && (j = names_at(f, i, n, &err)) > i) {
            i = j;
            continue;
        }
        i++;
    }
    if (err)
        return -1;
    return conflict_marks(f, mfirst);
}

/* Can a mention start in sentence [li, end)?  Not when it has no
   number, no word with a digit, a capital or a non-ASCII letter, no
   non-ASCII punctuation and no special word (number word but "one",
   multiplier, factor, weekday): most lower-cased sentences. */
static int sentence_may(const fctx *f, uint32_t li, uint32_t end)
{
    const lex_doc *d = f->x->lx;
    for (uint32_t i = li; i < end; i++) {
        const lex_tok *k = &d->tok[i];
        if (k->kind == LEX_NUM || (k->kind != LEX_WORD && k->aux >= 0x80))
            return 1;
        if (k->kind != LEX_WORD)
            continue;
        if ((k->f & (LEX_CAP | LEX_ACRO | LEX_DIGIT | LEX_HYPH)) || !(k->f & LEX_LOWER) ||
            (unsigned char)f->t[k->s] >= 0x80)
            return 1;
        for (uint32_t b = k->s; b < k->e; b++)
            if ((unsigned char)f->t[b] >= 0x80)
                return 1;
        const lexent *le = lex_entry(f->lxc, k->lw, k->we - k->s);
        if (le && ((le->cls & (L_MULT | L_FACTOR | L_WDAY)) || ((le->cls & L_NUMW) && le->num != 1)))
            return 1;
    }
    return 0;
}

/* Second pass: the mentions of sentence [li, end), in chunks of
   FACT_CHUNK tokens. */
static int facts_sentence(fctx *f, uint32_t li, uint32_t end)
{
    if (!sentence_may(f, li, end))
        return 0;
    int first = 1;
    while (li < end) {
        size_t n = tok_fill(f, &li, end, f->tk, FACT_CHUNK);
        if (!n)
            break;
        if (facts_tokens(f, n, first))
            return -1;
        first = 0;
    }
    return 0;
}

/* ---- merging names --------------------------------------------------------- */

static uint32_t item_find(item *it, uint32_t a)
{
    while (it[a].parent != a) {
        it[a].parent = it[it[a].parent].parent;
        a = it[a].parent;
    }
    return a;
}

static void item_union(item *it, uint32_t a, uint32_t b)
{
    a = item_find(it, a);
    b = item_find(it, b);
    if (a == b)
        return;
    /* the root is the item seen first, so results do not depend on order */
    if (it[a].first < it[b].first)
        it[b].parent = a;
    else
        it[a].parent = b;
}

static size_t edit_distance(const char *a, size_t n, const char *b, size_t m)
{
    size_t row[FACT_MAX_WORD * 4 + 2];
    if (m > FACT_MAX_WORD * 4 || n > FACT_MAX_WORD * 4)
        return SIZE_MAX;
    for (size_t j = 0; j <= m; j++)
        row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[m];
}

/* Are the words before the last of two spellings with as many words
   close (Aleksandr/Alexander)? */
static int close_spellings(const item *a, const item *b)
{
    const char *p = a->skel, *q = b->skel;
    const char *pe = a->skel + a->sklen, *qe = b->skel + b->sklen;
    for (unsigned w = 0; w + 1 < a->ntok; w++) {
        const char *p2 = memchr(p, ' ', (size_t)(pe - p));
        const char *q2 = memchr(q, ' ', (size_t)(qe - q));
        if (!p2 || !q2)
            return 0;
        size_t n = (size_t)(p2 - p), m = (size_t)(q2 - q);
        if (!n || !m || p[0] != q[0])
            return 0;
        size_t d = edit_distance(p, n, q, m);
        size_t lim = (n < m ? n : m) <= 4 ? 1 : 2;
        if (d > lim)
            return 0;
        p = p2 + 1;
        q = q2 + 1;
    }
    return 1;
}

/* Do names a and b show two genders ("Mrs. Obama", "Barack Obama")? */
static int genders_differ(const item *a, const item *b)
{
    unsigned ga = a->gender & (MEN_M | MEN_F), gb = b->gender & (MEN_M | MEN_F);
    return ga && gb && ga != (MEN_M | MEN_F) && gb != (MEN_M | MEN_F) && ga != gb;
}

/* Are a and b the same letters but for ASCII case? */
static int ascii_ci_eq(const char *a, size_t an, const char *b, size_t bn)
{
    return an == bn && strncasecmp(a, b, an) == 0;
}

/* Can given-name word a stand for word b of a longer or formal spelling:
   the same word, an initial of it, its first three letters or more
   ("Ron", "Ronald"), or a short form whose full one the pack gives
   ("Bill", "William": first_names.txt "=william"; "Bill" and "Billy" alike)? */
static int given_stands_for(const lang *L, const char *a, size_t an, const char *b, size_t bn)
{
    if (an && a[an - 1] == '.')
        an--;
    if (bn && b[bn - 1] == '.')
        bn--;
    if (!an || !bn)
        return 0;
    if (ascii_ci_eq(a, an, b, bn))
        return 1;
    if (an == 1 || bn == 1)
        return ascii_ci_eq(a, 1, b, 1); /* an initial */
    if (an >= 3 && an < bn && ascii_ci_eq(a, an, b, an))
        return 1;
    const lang_word *wa = lang_word_of(L, a, an), *wb = lang_word_of(L, b, bn);
    const char *fa = wa && (wa->cls & LW_GIVEN) ? wa->unit : NULL;
    const char *fb = wb && (wb->cls & LW_GIVEN) ? wb->unit : NULL;
    return (fa && ascii_ci_eq(fa, strlen(fa), b, bn)) || (fb && ascii_ci_eq(fb, strlen(fb), a, an)) ||
           (fa && fb && !strcmp(fa, fb));
}

/* Do the words of name x before its last stand, in order, for words of
   name y before its last (y may have more: "Paul Ryan", "Paul D. Ryan";
   "Ron Johnson", "Ronald S. Johnson"), the last words being one?  A
   generational suffix tells father and son apart: a name with one stands
   for none without, and "Donald Trump" not for "Donald Trump Jr." (but
   "Eric Holder" for "Eric H. Holder Jr."). */
static int name_stands_for(const lang *L, const item *x, const item *y)
{
    if (x->ntok < 2 || x->ntok > y->ntok || (x->suffix && !y->suffix) ||
        !ascii_ci_eq(x->lastw, x->lastwlen, y->lastw, y->lastwlen))
        return 0;
    if (y->suffix && !x->suffix &&
        ascii_ci_eq(x->key, x->klen, y->key, (size_t)(y->lastw + y->lastwlen - y->key)))
        return 0;
    const char *p = x->key, *pe = x->lastw;
    const char *q = y->key, *qe = y->lastw;
    int first = 1;
    while (p < pe) {
        const char *p2 = memchr(p, ' ', (size_t)(pe - p));
        if (!p2)
            return 0;
        int found = 0;
        while (q < qe && !found) {
            const char *q2 = memchr(q, ' ', (size_t)(qe - q));
            if (!q2)
                return 0;
            found = given_stands_for(L, p, (size_t)(p2 - p), q, (size_t)(q2 - q));
            /* x's first word is y's first, or follows an initial there
               ("Barry Rand", "A. Barry Rand"; not "Hosni Mubarak",
               "Presidente Hosni Mubarak": a word the pack does not know
               as a title) */
            if (!found && first && !(q2 - q == 2 && q[1] == '.'))
                return 0;
            q = q2 + 1;
        }
        if (!found)
            return 0;
        first = 0;
        p = p2 + 1;
    }
    return 1;
}

typedef struct nkey {
    uint64_t h;
    uint32_t it;
} nkey;

static int cmp_nkey(const void *pa, const void *pb)
{
    const nkey *a = pa, *b = pb;
    if (a->h != b->h)
        return a->h < b->h ? -1 : 1;
    return (a->it > b->it) - (a->it < b->it);
}

/* The one group among the names of sorted keys k[0..m) with key h; NONE
   when there is none; *ok = 0 when there are several or one is an
   organisation's name. */
static uint32_t bucket_root(item *it, const nkey *k, size_t m, uint64_t h, int *ok)
{
    nkey probe = {h, 0};
    size_t lo = 0, hi = m;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_nkey(&k[mid], &probe) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint32_t root = NONE;
    for (size_t q = lo; q < m && k[q].h == h; q++) {
        if (it[k[q].it].joined)
            continue; /* "Inteligencia de Gadafi" is no spelling of Gadafi */
        if (it[k[q].it].org) {
            *ok = 0;
            return NONE;
        }
        uint32_t r = item_find(it, k[q].it);
        if (root == NONE)
            root = r;
        else if (r != root) {
            *ok = 0;
            return NONE;
        }
    }
    return root;
}

static int merge_names(fctx *f)
{
    item *it = f->it;
    size_t nn = 0;
    for (size_t i = 0; i < f->nit; i++)
        nn += it[i].kind == K_NAME;
    if (!nn)
        return 0;
    nkey *k = arena_alloc(f->x->tmp, pmul(nn, sizeof *k));
    if (!k)
        return -1;
    /* same skeleton */
    size_t m = 0;
    for (size_t i = 0; i < f->nit; i++)
        if (it[i].kind == K_NAME)
            k[m++] = (nkey){it[i].skelh, (uint32_t)i};
    qsort(k, m, sizeof *k, cmp_nkey);
    for (size_t a = 0, b; a < m; a = b) {
        for (b = a + 1; b < m && k[b].h == k[a].h; b++)
            if (it[k[b].it].sklen == it[k[a].it].sklen &&
                !memcmp(it[k[b].it].skel, it[k[a].it].skel, it[k[a].it].sklen))
                item_union(it, k[a].it, k[b].it);
    }
    /* multi-word spellings with the same last word, bucketed by it */
    m = 0;
    for (size_t i = 0; i < f->nit; i++)
        if (it[i].kind == K_NAME && it[i].ntok >= 2)
            k[m++] = (nkey){it[i].lasth, (uint32_t)i};
    qsort(k, m, sizeof *k, cmp_nkey);
    for (size_t a = 0, b; a < m; a = b) {
        for (b = a + 1; b < m && k[b].h == k[a].h; b++)
            ;
        size_t e = b - a > FACT_MERGE_BUCKET ? a + FACT_MERGE_BUCKET : b;
        for (size_t p = a; p < e; p++)
            for (size_t q = p + 1; q < e; q++) {
                const item *x = &it[k[p].it], *y = &it[k[q].it];
                if (x->ntok == y->ntok && !x->org && !y->org && close_spellings(x, y))
                    item_union(it, k[p].it, k[q].it);
            }
    }
    /* a name whose words stand for those of longer or formal spellings
       of one group only ("Ron Johnson" -> "Ronald S. Johnson", "Bill
       Kristol" -> "William Kristol"; not "J. Smith" where John and Jane
       Smith are two) */
    for (size_t a = 0, b; a < m; a = b) {
        for (b = a + 1; b < m && k[b].h == k[a].h; b++)
            ;
        size_t e = b - a > FACT_MERGE_BUCKET ? a + FACT_MERGE_BUCKET : b;
        for (size_t p = a; p < e; p++) {
            const item *x = &it[k[p].it];
            if (x->org || x->place || x->joined)
                continue;
            uint32_t self = item_find(it, k[p].it), root = NONE;
            int ok = 1;
            for (size_t q = a; q < e && ok; q++) {
                const item *y = &it[k[q].it];
                uint32_t r = item_find(it, k[q].it);
                if (q == p || y->org || y->place || y->joined || r == self ||
                    genders_differ(x, y) || !name_stands_for(f->L, x, y))
                    continue;
                /* (only the fullest: "Robert Bauer" stands for "Bob Bauer"
                   too, which stands for "Robert F. Bauer") */
                int fullest = 1;
                for (size_t z = a; z < e && fullest; z++) {
                    const item *w = &it[k[z].it];
                    fullest = z == q || z == p || w->org || w->place || w->joined ||
                              item_find(it, k[z].it) == r || !name_stands_for(f->L, y, w);
                }
                if (!fullest)
                    continue;
                ok = root == NONE || root == r;
                root = r;
            }
            if (ok && root != NONE && x->office != OFFICE_MANY && it[root].office != OFFICE_MANY &&
                !mention_offices_differ(x->office, it[root].office))
                item_union(it, k[p].it, root);
        }
    }
    /* multi-word person-like names by first word (not organisations or
       places: "Ferguson" is not "Ferguson Police") */
    nkey *fk = arena_alloc(f->x->tmp, pmul(m ? m : 1, sizeof *fk));
    if (!fk)
        return -1;
    size_t fm = 0;
    for (size_t q = 0; q < m; q++) {
        const item *x = &it[k[q].it];
        if (!x->org && !x->place)
            fk[fm++] = (nkey){x->firsth, k[q].it};
    }
    qsort(fk, fm, sizeof *fk, cmp_nkey);
    /* a bare word into the one multi-word name ending with it (Lavrov ->
       Sergey Lavrov), else into the one starting with it when none ends
       with it (Najib -> Najib Razak) */
    for (size_t i = 0; i < f->nit; i++) {
        const item *s = &it[i];
        if (s->kind != K_NAME || s->ntok != 1 || s->org || s->place)
            continue;
        int ok = 1;
        uint32_t root = bucket_root(it, k, m, s->skelh, &ok);
        if (root == NONE && ok) {
            root = bucket_root(it, fk, fm, s->skelh, &ok);
            it[i].byfirst = ok && root != NONE;
        }
        /* "President Trump" is not "first lady Melania Trump", nor "Mrs.
           Obama" "Barack Obama" */
        if (ok && root != NONE && s->office != OFFICE_MANY && it[root].office != OFFICE_MANY &&
            mention_offices_differ(s->office, it[root].office))
            continue;
        if (ok && root != NONE && genders_differ(s, &it[root]))
            continue;
        if (ok && root != NONE)
            item_union(it, (uint32_t)i, root);
    }
    return 0;
}

/* A single-word NAME that reads as a nationality or party adjective: it
   ends in one of the pack's demonym endings (endings.txt), after a stem
   of three bytes or more. */
#define DEMONYM_MAX_ENDING 5
static int demonym(const lang *L, const item *s)
{
    for (size_t n = 2; n <= DEMONYM_MAX_ENDING && n + 3 <= s->klen; n++) {
        const lang_word *w = lang_word_of(L, s->key + s->klen - n, n);
        if (w && (w->tags & LT_DEMONYM))
            return 1;
    }
    return 0;
}

/* ---- results ---------------------------------------------------------------- */

typedef struct fbuild {
    int kind;
    uint32_t canon;  /* item giving key / value / unit */
    size_t moff, mn; /* its mentions in the order array */
    size_t *arts;    /* distinct articles, ascending (x->out) */
    size_t nart;
    size_t vcount;
    const char **variants;
} fbuild;

typedef struct ford {
    int kind;
    size_t nart, art, start, idx;
} ford;

static int cmp_ford(const void *pa, const void *pb)
{
    const ford *a = pa, *b = pb;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->nart != b->nart)
        return a->nart > b->nart ? -1 : 1;
    if (a->art != b->art)
        return a->art < b->art ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return (a->idx > b->idx) - (a->idx < b->idx);
}

/* Copy of t[s, e) with whitespace runs as one space, in x->out. */
static const char *copy_text(arena *a, const char *t, size_t s, size_t e)
{
    char *o = arena_alloc(a, e - s + 1);
    if (!o)
        return NULL;
    size_t n = 0;
    int sp = 0;
    for (size_t i = s; i < e; i++) {
        char c = t[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            sp = 1;
            continue;
        }
        if (sp && n)
            o[n++] = ' ';
        sp = 0;
        o[n++] = c;
    }
    o[n] = '\0';
    return o;
}

typedef struct nfact {
    uint64_t h; /* keystem and unit */
    double value;
    size_t idx;
} nfact;

static int cmp_nfact(const void *pa, const void *pb)
{
    const nfact *a = pa, *b = pb;
    if (a->h != b->h)
        return a->h < b->h ? -1 : 1;
    if (a->value != b->value)
        return a->value < b->value ? -1 : 1;
    return (a->idx > b->idx) - (a->idx < b->idx);
}

/* Does some article of a not state b, and some article of b not a? */
static int each_has_own(const fbuild *a, const fbuild *b)
{
    int ao = 0, bo = 0;
    size_t i = 0, j = 0;
    while (i < a->nart || j < b->nart) {
        if (j >= b->nart || (i < a->nart && a->arts[i] < b->arts[j])) {
            ao = 1;
            i++;
        } else if (i >= a->nart || b->arts[j] < a->arts[i]) {
            bo = 1;
            j++;
        } else {
            i++;
            j++;
        }
    }
    return ao && bo;
}

/* Can "x" (value lo) and "y" (value hi > lo) both be true?  "more than
   350" and 359; "about 40" and 42; "up to 500" and 480. */
/* Significant digits of v (at most 15): 700 has 1, 716 has 3, 1.5e6 2. */
static int sig_digits(double v)
{
    if (v <= 0)
        return 0;
    while (v >= 1e15)
        v /= 10;
    double r = v;
    int frac = 0;
    while (frac < 6 && fabs(r - floor(r + 0.5)) > 1e-9 * (r > 1 ? r : 1)) {
        r *= 10;
        frac++;
    }
    uint64_t n = (uint64_t)floor(r + 0.5);
    while (n && n % 10 == 0)
        n /= 10;
    int d = 0;
    for (; n; n /= 10)
        d++;
    return d;
}

static int consistent(const mention *x, double lo, const mention *y, double hi)
{
    /* two ceilings of one thing ("as many as 1.5 million", "up to 1.6
       million") are two estimates of it that disagree */
    if (x->qual == Q_ATLEAST || (y->qual == Q_ATMOST && x->qual != Q_ATMOST))
        return 1;
    /* one is the other rounded: "$700 billion" and "$716 billion",
       "$43,000" and "$43,350" */
    if (hi <= lo * 1.05 && sig_digits(lo) != sig_digits(hi))
        return 1;
    if ((x->qual == Q_ABOUT || y->qual == Q_ABOUT) && hi <= lo * 1.25)
        return 1;
    return 0;
}

/* What a pair of mentions must satisfy to be compared (same_context). */
enum { CMP_NUMBER, CMP_DAY, CMP_RANGE };

typedef struct cmpq {
    int mode;        /* CMP_*                                         */
    uint32_t key;    /* the key's stem, never counted as shared       */
    size_t need;     /* shared context stems                          */
    size_t cap;      /* mentions of each fact looked at               */
    double lo, hi;   /* numbers: a's value and b's (lo < hi)          */
    uint32_t ma, mb; /* out: the mentions found to disagree           */
} cmpq;

/* Content stems of x's context also in y's, the key's stem and repeats
   left out. */
static size_t shared_stems(const fctx *f, const mention *x, const mention *y, uint32_t key)
{
    size_t shared = 0;
    for (size_t u = 0; u < x->nctx; u++) {
        uint32_t s = f->ctx[x->ctx + u];
        if (s == key)
            continue;
        int dup = 0;
        for (size_t w = 0; w < u && !dup; w++)
            dup = f->ctx[x->ctx + w] == s;
        if (dup)
            continue;
        for (size_t v = 0; v < y->nctx; v++)
            if (f->ctx[y->ctx + v] == s) {
                shared++;
                break;
            }
    }
    return shared;
}

/* Two weekdays are the dates of one event when a lower-case content word
   right next to one (no word between) is right next to the other:
   "on Friday apologized" and "apologize Saturday"; not "apologize
   Saturday" and "resigned Monday", nor "adopted a resolution Tuesday"
   and "on Monday when the resolution was proposed" (a story's articles
   date its several events; a verb next to the day names the event, a
   noun a word away rarely does). */
static int same_event(const mention *x, const mention *y)
{
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            if (x->near[i] != UINT32_MAX && x->near[i] == y->near[j])
                return 1;
    return 0;
}

/* Can two measures be one distance?  Both sizes, or both positions
   (mark_after) taken from one place ("90 miles north of Las Vegas", "125
   miles northwest of Las Vegas": one base, two distances) in directions
   at most one compass point apart; not "1,000 miles west of Perth" and
   "700 miles northeast of the old search area". */
static int same_position(const mention *x, const mention *y)
{
    if (!x->dir != !y->dir)
        return 0;
    if (!x->dir)
        return 1;
    int d = x->dir > y->dir ? x->dir - y->dir : y->dir - x->dir;
    if (d > 1 && d < 7)
        return 0;
    return !x->ref || !y->ref || x->ref == y->ref;
}

/* Do some mention of a and some mention of b, in two articles, tell of
   the same thing in the same frame?  Numbers: neither is M_OUT, they are
   not consistent through a qualifier or a rounding, their sentences'
   years (if both give one) agree, and their contexts share q->need stems
   (FACT_CONF_SHARED_LIST when one is part of a list).  Weekdays: neither
   sentence gives another weekday.  Years: both open or both close a
   range ("from 1967 to 1979" and "from 1966 to 1978"). */
static int same_context(const fctx *f, const uint32_t *order, const fbuild *a, const fbuild *b,
                        cmpq *q)
{
    size_t na = a->mn < q->cap ? a->mn : q->cap;
    size_t nb = b->mn < q->cap ? b->mn : q->cap;
    for (size_t p = 0; p < na; p++) {
        const mention *x = &f->mn[order[a->moff + p]];
        if (x->multi == M_OUT)
            continue;
        for (size_t r = 0; r < nb; r++) {
            const mention *y = &f->mn[order[b->moff + r]];
            if (y->multi == M_OUT || y->art == x->art)
                continue;
            size_t need = q->need;
            if (q->mode == CMP_NUMBER) {
                if (consistent(x, q->lo, y, q->hi) || (x->year && y->year && x->year != y->year) ||
                    x->joint != y->joint || !same_position(x, y))
                    continue;
                if ((x->multi == M_LIST || y->multi == M_LIST) && need < FACT_CONF_SHARED_LIST)
                    need = FACT_CONF_SHARED_LIST;
            } else if (q->mode == CMP_RANGE && (x->role == R_NONE || x->role != y->role)) {
                continue;
            } else if (q->mode == CMP_DAY && !same_event(x, y)) {
                continue;
            }
            if (shared_stems(f, x, y, q->key) >= need) {
                q->ma = order[a->moff + p];
                q->mb = order[b->moff + r];
                return 1;
            }
        }
    }
    return 0;
}

typedef struct confl {
    size_t a, b;
    uint32_t ma, mb; /* the mentions (f->mn) that were compared */
} confl;

/* The model sentence holding mention m (a conflict's evidence for the
   reader: the very mentions that were found to disagree). */
static precis_mention side_sentence(const actx *x, const mention *m)
{
    precis_mention r = {m->art, m->start, m->end};
    const model *md = x->m;
    if (m->art >= md->nart)
        return r;
    const msent *s = &md->s[md->first[m->art]];
    size_t lo = 0, hi = md->count[m->art];
    while (lo < hi) { /* the last sentence starting at or before the mention */
        size_t mid = lo + (hi - lo) / 2;
        if (s[mid].start <= m->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0 && s[lo - 1].end >= m->end) {
        r.start = s[lo - 1].start;
        r.end = s[lo - 1].end;
    }
    return r;
}

static int confl_add(confl **cf, size_t *cap, size_t *n, size_t a, size_t b, const cmpq *q)
{
    confl *c = grow(*cf, cap, *n + 1, sizeof *c);
    if (!c) {
        pfree(*cf);
        *cf = NULL;
        return -1;
    }
    *cf = c;
    c[(*n)++] = (confl){a, b, q->ma, q->mb};
    return 0;
}

/* Dates that disagree: two weekdays for one event ("the House voted 396-9
   on Wednesday" / "passed Tuesday", with FACT_CONF_SHARED_DATE stems of
   context in common), or two years at the same end of one range ("served
   from 1967 to 1979" / "held the seat from 1966 to 1978"), at most
   FACT_CONF_YEARS apart, each stated by an article that does not state
   the other.  An article may date two events with two weekdays ("posted
   Friday", "apologized Saturday"): weekdays are compared mention by
   mention, by the event next to them (same_event).  A cluster has at most seven weekday facts; year facts
   are compared within FACT_CONF_BUCKET of each other in value order. */
static int date_conflicts(const fctx *f, const uint32_t *order, const fbuild *fb, size_t nf,
                          confl **cf, size_t *ccf, size_t *ncf)
{
    size_t day[8], nday = 0, nyear = 0;
    for (size_t g = 0; g < nf; g++) {
        if (fb[g].kind != K_DATE)
            continue;
        const item *c = &f->it[fb[g].canon];
        if (is_weekday_item(c) && nday < 8)
            day[nday++] = g;
        else if (c->klen == 4 && item_year(c))
            nyear++;
    }
    cmpq q = {CMP_DAY, UINT32_MAX, FACT_CONF_SHARED_DATE, FACT_CONF_DATE_MENTIONS, 0, 0, 0, 0};
    for (size_t i = 0; i < nday; i++)
        for (size_t j = i + 1; j < nday; j++)
            if (same_context(f, order, &fb[day[i]], &fb[day[j]], &q) &&
                confl_add(cf, ccf, ncf, day[i], day[j], &q))
                return -1;
    if (nyear < 2)
        return 0;
    nfact *ys = pmalloc(pmul(nyear, sizeof *ys));
    if (!ys) {
        pfree(*cf);
        *cf = NULL;
        return -1;
    }
    size_t k = 0;
    for (size_t g = 0; g < nf; g++)
        if (fb[g].kind == K_DATE && f->it[fb[g].canon].klen == 4 && item_year(&f->it[fb[g].canon]))
            ys[k++] = (nfact){0, (double)item_year(&f->it[fb[g].canon]), g};
    qsort(ys, nyear, sizeof *ys, cmp_nfact);
    q.mode = CMP_RANGE;
    int err = 0;
    for (size_t i = 0; i < nyear && !err; i++)
        for (size_t j = i + 1; j < nyear && j < i + FACT_CONF_BUCKET && !err; j++) {
            if (ys[j].value - ys[i].value > FACT_CONF_YEARS)
                break;
            const fbuild *A = &fb[ys[i].idx], *B = &fb[ys[j].idx];
            if (each_has_own(A, B) && same_context(f, order, A, B, &q))
                err = confl_add(cf, ccf, ncf, ys[i].idx, ys[j].idx, &q);
        }
    pfree(ys);
    return err;
}

static int cmp_confl(const void *pa, const void *pb)
{
    const confl *a = pa, *b = pb;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return (a->b > b->b) - (a->b < b->b);
}

/* Evidence across the cluster: an untyped one-word name that is the first
   or the last word of a multi-word PERSON name is a person too ("Obama"
   in "the Obama administration" next to President Barack Obama; "Eric"
   next to Eric Cantor; "Elliott" when Michael and Mike Elliott both
   occur, so it merged into neither).  Reads fb[].kind as typed so far. */
static int person_parts(fctx *f, fbuild *fb, const uint32_t *fid, size_t nf)
{
    const item *it = f->it;
    size_t m = 0;
    for (size_t i = 0; i < f->nit; i++)
        if (it[i].kind == K_NAME && fid[i] != NONE && it[i].ntok >= 2 &&
            fb[fid[i]].kind == PRECIS_FACT_PERSON)
            m += 2;
    if (!m)
        return 0;
    nkey *k = arena_alloc(f->x->tmp, pmul(m, sizeof *k));
    if (!k)
        return -1;
    m = 0;
    for (size_t i = 0; i < f->nit; i++)
        if (it[i].kind == K_NAME && fid[i] != NONE && it[i].ntok >= 2 &&
            fb[fid[i]].kind == PRECIS_FACT_PERSON) {
            k[m++] = (nkey){it[i].lasth, (uint32_t)i};
            k[m++] = (nkey){it[i].firsth, (uint32_t)i};
        }
    qsort(k, m, sizeof *k, cmp_nkey);
    for (size_t g = 0; g < nf; g++) {
        const item *c = &it[fb[g].canon];
        if (fb[g].kind != PRECIS_FACT_NAME || c->kind != K_NAME || c->ntok != 1)
            continue;
        size_t lo = 0, hi = m;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (k[mid].h < c->skelh)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < m && k[lo].h == c->skelh)
            fb[g].kind = PRECIS_FACT_PERSON;
    }
    return 0;
}

/* The facts of a cluster while they are built: fb[0..nf) the facts, fid[i]
   the fact of item i (NONE for none), order[] the mentions grouped by fact
   (fb[g].moff, fb[g].mn), kept the facts not dropped, cf[0..ncf) the
   conflicts found (on build indices; newidx maps them to output order). */
typedef struct fset {
    fbuild *fb;
    uint32_t *fid;
    size_t nf, kept;
    uint32_t *order;
    size_t *newidx;
    confl *cf;
    size_t ncf, ccf;
} fset;

/* Counting sort of n things by fact: key[i] is the fact of thing i, or
   NONE to leave it out.  *off gets nf + 1 bucket starts, *list the things
   bucket by bucket, each bucket in the order of i. */
static int by_fact(arena *tmp, const uint32_t *key, size_t n, size_t nf, size_t **off,
                   uint32_t **list)
{
    size_t *o = arena_calloc(tmp, nf + 1, sizeof *o);
    uint32_t *l = arena_alloc(tmp, pmul(n ? n : 1, sizeof *l));
    size_t *pos = arena_alloc(tmp, pmul(nf ? nf : 1, sizeof *pos));
    if (!o || !l || !pos)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (key[i] != NONE)
            o[key[i] + 1]++;
    for (size_t g = 0; g < nf; g++)
        o[g + 1] += o[g];
    memcpy(pos, o, nf * sizeof *pos);
    for (size_t i = 0; i < n; i++)
        if (key[i] != NONE)
            l[pos[key[i]]++] = (uint32_t)i;
    *off = o;
    *list = l;
    return 0;
}

/* One fact per number/date item, one per group of merged names. */
static int facts_group(fctx *f, fset *s)
{
    item *it = f->it;
    s->fid = arena_alloc(f->x->tmp, pmul(f->nit, sizeof *s->fid));
    s->fb = arena_calloc(f->x->tmp, f->nit, sizeof *s->fb);
    if (!s->fid || !s->fb)
        return -1;
    for (size_t i = 0; i < f->nit; i++)
        s->fid[i] = NONE;
    for (size_t i = 0; i < f->nit; i++) {
        if (it[i].count == 0)
            continue;
        uint32_t r = it[i].kind == K_NAME ? item_find(it, (uint32_t)i) : (uint32_t)i;
        if (s->fid[r] == NONE) {
            s->fid[r] = (uint32_t)s->nf;
            s->fb[s->nf].kind = it[r].kind;
            s->fb[s->nf].canon = r;
            s->nf++;
        }
        s->fid[i] = s->fid[r];
    }
    return 0;
}

/* Names: the kind and the canonical spelling of each group (a demonym
   alone is dropped: kind -1). */
static int facts_name_kinds(fctx *f, fset *s)
{
    const item *it = f->it;
    fbuild *fb = s->fb;
    size_t nf = s->nf;
    arena *tmp = f->x->tmp;
    unsigned *ev = arena_calloc(tmp, nf ? nf : 1, sizeof *ev);
    unsigned char *flags = arena_calloc(tmp, nf ? nf : 1, 1); /* 1 org, 2 multi, 4 single */
    unsigned char *place = arena_calloc(tmp, nf ? nf : 1, 1);
    if (!ev || !flags || !place)
        return -1;
    for (size_t i = 0; i < f->nit; i++) {
        if (s->fid[i] == NONE || it[i].kind != K_NAME)
            continue;
        size_t g = s->fid[i];
        ev[g] |= it[i].ev;
        if (it[i].ntok >= 2 && (it[i].ev & EV_SAID))
            ev[g] |= EV_ROLE;
        flags[g] |= it[i].org ? 1 : 0;
        flags[g] |= it[i].ntok >= 2 && it[i].ntok <= 3 ? 2 : 0;
        flags[g] |= it[i].ntok == 1 && !it[i].byfirst ? 4 : 0;
        place[g] |= it[i].place ? 1 : 0;
        const item *c = &it[fb[g].canon];
        int better;
        if ((it[i].ntok >= 2) != (c->ntok >= 2))
            better = it[i].ntok >= 2;
        else if (it[i].count != c->count)
            better = it[i].count > c->count;
        else
            better = it[i].first < c->first;
        if (better)
            fb[g].canon = (uint32_t)i;
    }
    for (size_t g = 0; g < nf; g++) {
        if (fb[g].kind != K_NAME)
            continue;
        const item *c = &it[fb[g].canon];
        if (ev[g] & EV_TITLE)
            fb[g].kind = PRECIS_FACT_PERSON;
        else if (flags[g] & 1)
            fb[g].kind = PRECIS_FACT_ORG;
        else if (place[g])
            fb[g].kind = PRECIS_FACT_PLACE;
        else if ((ev[g] & (EV_ROLE | EV_GIVEN)) || ((flags[g] & 6) == 6))
            fb[g].kind = PRECIS_FACT_PERSON;
        else if (ev[g] & EV_PLACE)
            fb[g].kind = PRECIS_FACT_PLACE;
        else if (c->ntok == 1 && (flags[g] & 2) == 0 && demonym(f->L, c))
            fb[g].kind = -1; /* dropped */
        else
            fb[g].kind = PRECIS_FACT_NAME;
    }
    return person_parts(f, fb, s->fid, nf);
}

/* The distinct articles of fact b's mentions (in text order, so ascending),
   written to arts when it is not NULL; returns how many. */
static size_t fact_articles(const fctx *f, const uint32_t *order, const fbuild *b, size_t *arts)
{
    size_t cnt = 0;
    uint32_t last = NONE;
    for (size_t q = 0; q < b->mn; q++) {
        uint32_t a = f->mn[order[b->moff + q]].art;
        if (a != last && arts)
            arts[cnt] = a;
        cnt += a != last;
        last = a;
    }
    return cnt;
}

/* Mentions grouped by fact in text order, and each kept fact's articles. */
static int facts_mentions(fctx *f, fset *s)
{
    arena *tmp = f->x->tmp;
    uint32_t *key = arena_alloc(tmp, pmul(f->nmn, sizeof *key));
    if (!key)
        return -1;
    for (size_t i = 0; i < f->nmn; i++)
        key[i] = s->fid[f->mn[i].item];
    size_t *off;
    if (by_fact(tmp, key, f->nmn, s->nf, &off, &s->order))
        return -1;
    for (size_t g = 0; g < s->nf; g++) {
        fbuild *b = &s->fb[g];
        b->moff = off[g];
        b->mn = off[g + 1] - off[g];
        if (b->kind < 0)
            continue;
        s->kept++;
        size_t cnt = fact_articles(f, s->order, b, NULL);
        size_t *arts = arena_alloc(f->x->out, pmul(cnt, sizeof *arts));
        if (!arts)
            return -1;
        b->arts = arts;
        b->nart = fact_articles(f, s->order, b, arts);
    }
    return 0;
}

/* Variants: a name group's other spellings, by first mention (items are
   in first-seen order), leaving out the canonical one and its last word. */
static int facts_variants(fctx *f, fset *s)
{
    const item *it = f->it;
    arena *tmp = f->x->tmp;
    uint32_t *key = arena_alloc(tmp, pmul(f->nit, sizeof *key));
    if (!key)
        return -1;
    for (size_t i = 0; i < f->nit; i++)
        key[i] = it[i].kind == K_NAME ? s->fid[i] : NONE;
    size_t *voff;
    uint32_t *vlist;
    if (by_fact(tmp, key, f->nit, s->nf, &voff, &vlist))
        return -1;
    for (size_t g = 0; g < s->nf; g++) {
        fbuild *b = &s->fb[g];
        if (b->kind < 0 || it[b->canon].kind != K_NAME)
            continue;
        const item *c = &it[b->canon];
        size_t nv = 0;
        for (size_t q = voff[g]; q < voff[g + 1]; q++) {
            const item *v = &it[vlist[q]];
            if (v == c ||
                (v->ntok == 1 && v->klen == c->lastwlen && !memcmp(v->key, c->lastw, v->klen)))
                continue;
            vlist[voff[g] + nv++] = vlist[q];
        }
        if (!nv)
            continue;
        const char **vs = arena_alloc(f->x->out, pmul(nv, sizeof *vs));
        if (!vs)
            return -1;
        for (size_t q = 0; q < nv; q++) {
            const item *v = &it[vlist[voff[g] + q]];
            if (!(vs[q] = arena_strndup(f->x->out, v->key, v->klen)))
                return -1;
        }
        b->variants = vs;
        b->vcount = nv;
    }
    return 0;
}

/* Numbers that disagree: same counted thing and unit, values within
   FACT_CONF_RATIO, compared within FACT_CONF_BUCKET of each other in value
   order, each stated by an article that does not state the other, with
   enough context in common (same_context). */
static int number_conflicts(fctx *f, fset *s)
{
    const item *it = f->it;
    const fbuild *fb = s->fb;
    size_t nnum = 0;
    for (size_t g = 0; g < s->nf; g++)
        nnum += fb[g].kind == K_NUMBER;
    if (nnum < 2)
        return 0;
    nfact *nfs = arena_alloc(f->x->tmp, pmul(nnum, sizeof *nfs));
    if (!nfs)
        return -1;
    size_t q = 0;
    for (size_t g = 0; g < s->nf; g++)
        if (fb[g].kind == K_NUMBER) {
            const item *c = &it[fb[g].canon];
            nfs[q++] = (nfact){((uint64_t)c->keystem << 8) | (uint64_t)(c->unit + 1), c->value, g};
        }
    qsort(nfs, nnum, sizeof *nfs, cmp_nfact);
    for (size_t a = 0, b; a < nnum; a = b) {
        for (b = a + 1; b < nnum && nfs[b].h == nfs[a].h; b++)
            ;
        size_t e = b - a > FACT_CONF_BUCKET ? a + FACT_CONF_BUCKET : b;
        for (size_t p = a; p < e; p++)
            for (size_t r = p + 1; r < e; r++) {
                double lo = nfs[p].value, hi = nfs[r].value;
                if (lo <= 0 || hi <= lo)
                    continue;
                if (hi > lo * FACT_CONF_RATIO)
                    break; /* sorted by value: the rest are further */
                const fbuild *A = &fb[nfs[p].idx], *B = &fb[nfs[r].idx];
                uint32_t ks = it[A->canon].keystem;
                /* money, percentages and durations name no counted
                   thing: their context must say more that it is the same
                   quantity ("three years" in prison, "25 years" of an
                   order) */
                int bare = (ks & 0x80000000u) &&
                           ((ks & 0xffu) <= U_GBP || f->lxc->dur[ks & 0xffu]);
                cmpq cq = {CMP_NUMBER, ks, bare ? FACT_CONF_SHARED_UNIT : FACT_CONF_SHARED,
                           FACT_CONF_MENTIONS, lo, hi, 0, 0};
                if (!each_has_own(A, B) || !same_context(f, s->order, A, B, &cq))
                    continue;
                if (confl_add(&s->cf, &s->ccf, &s->ncf, nfs[p].idx, nfs[r].idx, &cq))
                    return -1;
            }
    }
    return 0;
}

/* The kept facts in output order (cmp_ford), in x->out; s->newidx maps
   build indices to it. */
static int facts_output(fctx *f, fset *s, precis_fact **out)
{
    const actx *x = f->x;
    const fbuild *fb = s->fb;
    ford *fo = arena_alloc(x->tmp, pmul(s->kept, sizeof *fo));
    s->newidx = arena_alloc(x->tmp, pmul(s->nf, sizeof *s->newidx));
    precis_fact *res = arena_calloc(x->out, s->kept, sizeof *res);
    if (!fo || !s->newidx || !res)
        return -1;
    size_t w = 0;
    for (size_t g = 0; g < s->nf; g++) {
        if (fb[g].kind < 0)
            continue;
        const mention *m0 = &f->mn[s->order[fb[g].moff]];
        fo[w++] = (ford){fb[g].kind, fb[g].nart, m0->art, m0->start, g};
    }
    qsort(fo, s->kept, sizeof *fo, cmp_ford);
    for (size_t r = 0; r < s->kept; r++) {
        size_t g = fo[r].idx;
        s->newidx[g] = r;
        const fbuild *b = &fb[g];
        const item *c = &f->it[b->canon];
        const mention *m0 = &f->mn[s->order[b->moff]];
        precis_fact *o = &res[r];
        size_t tl;
        const char *t = precis_cluster_article_text(x->c, m0->art, &tl);
        o->kind = (precis_fact_kind)b->kind;
        o->text = copy_text(x->out, t, m0->start, m0->end);
        o->key = c->kind == K_NAME ? copy_text(x->out, c->key, 0, c->klen)
                                   : arena_strndup(x->out, c->key, c->klen);
        if (!o->text || !o->key)
            return -1;
        if (b->kind == K_NUMBER) {
            o->value = c->value;
            o->unit = c->unit >= 0 ? f->units[c->unit] : NULL;
        }
        o->n_variants = b->vcount;
        o->variants = b->variants;
        o->n_articles = b->nart;
        o->articles = b->arts;
        o->article = m0->art;
        o->start = m0->start;
        o->end = m0->end;
        precis_mention *ms = arena_alloc(x->out, pmul(b->mn, sizeof *ms));
        if (!ms)
            return -1;
        for (size_t q = 0; q < b->mn; q++) {
            const mention *mq = &f->mn[s->order[b->moff + q]];
            ms[q] = (precis_mention){mq->art, mq->start, mq->end};
        }
        o->mentions = ms;
        o->n_mentions = b->mn;
    }
    *out = res;
    return 0;
}

/* The conflicts on output indices, each pair in order, sorted, with the
   sentences of the mentions compared. */
static int conflicts_output(fctx *f, fset *s, precis_conflict **conf, size_t *nconf)
{
    if (!s->ncf)
        return 0;
    confl *cf = s->cf;
    precis_conflict *co = arena_alloc(f->x->out, pmul(s->ncf, sizeof *co));
    if (!co)
        return -1;
    for (size_t q = 0; q < s->ncf; q++) {
        size_t a = s->newidx[cf[q].a], b = s->newidx[cf[q].b];
        cf[q] = a < b ? (confl){a, b, cf[q].ma, cf[q].mb} : (confl){b, a, cf[q].mb, cf[q].ma};
    }
    qsort(cf, s->ncf, sizeof *cf, cmp_confl);
    for (size_t q = 0; q < s->ncf; q++)
        co[q] = (precis_conflict){cf[q].a, cf[q].b, side_sentence(f->x, &f->mn[cf[q].ma]),
                                  side_sentence(f->x, &f->mn[cf[q].mb])};
    *conf = co;
    *nconf = s->ncf;
    return 0;
}

static precis_status build(fctx *f, precis_fact **out, size_t *nout, precis_conflict **conf,
                           size_t *nconf)
{
    if (!f->nit || !f->nmn)
        return PRECIS_OK;
    fset s;
    memset(&s, 0, sizeof s);
    if (merge_names(f) || facts_group(f, &s) || facts_name_kinds(f, &s) || facts_mentions(f, &s))
        return PRECIS_ENOMEM;
    if (!s.kept)
        return PRECIS_OK;
    if (facts_variants(f, &s))
        return PRECIS_ENOMEM;
    precis_status st = PRECIS_ENOMEM;
    precis_fact *res = NULL;
    if (number_conflicts(f, &s) || date_conflicts(f, s.order, s.fb, s.nf, &s.cf, &s.ccf, &s.ncf) ||
        facts_output(f, &s, &res) || conflicts_output(f, &s, conf, nconf))
        goto done;
    *out = res;
    *nout = s.kept;
    st = PRECIS_OK;
done:
    pfree(s.cf);
    return st;
}

precis_status facts_find(const actx *x, precis_fact **out, size_t *n, precis_conflict **conf,
                         size_t *nconf)
{
    *out = NULL;
    *n = 0;
    *conf = NULL;
    *nconf = 0;
    const model *m = x->m;
    if (!m->ns)
        return PRECIS_OK;
    fctx f;
    memset(&f, 0, sizeof f);
    f.x = x;
    f.md = x->men;
    const lexicon *lxc = lex_get(&x->cache[ANALYZE_CACHE_FACTS], norm_lang(x->nm));
    f.tk = arena_alloc(x->tmp, pmul(FACT_CHUNK, sizeof *f.tk));
    precis_status st = PRECIS_ENOMEM;
    if (!lxc || !f.tk || !f.md)
        goto done;
    f.lxc = lxc;
    f.units = lxc->unit;
    f.L = norm_lang(x->nm);
    for (size_t a = 0; a < m->nart && a < f.md->nart; a++) {
        f.t = precis_cluster_article_text(x->c, a, &f.tlen);
        f.art = (uint32_t)a;
        f.mcur = f.md->art[a];
        for (size_t i = 0; i < m->count[a]; i++) {
            const msent *s = &m->s[m->first[a] + i];
            if ((s->flags & SENT_JUNK) || s->end > f.tlen || s->start >= s->end)
                continue;
            f.ss = s->start;
            f.se = s->end;
            uint32_t t0 = x->lx->sent[2 * (m->first[a] + i)];
            uint32_t t1 = x->lx->sent[2 * (m->first[a] + i) + 1];
            if (facts_sentence(&f, t0, t1))
                goto done;
        }
    }
    st = build(&f, out, n, conf, nconf);
done:
    pfree(f.it);
    pfree(f.map);
    pfree(f.mn);
    pfree(f.ctx);
    if (st) {
        *out = NULL;
        *n = 0;
        *conf = NULL;
        *nconf = 0;
    }
    return st;
}
