/*
 * lang.h -- the words of a language (lang.c), read from the data pack
 * data/lang/<code>/ that the build compiles in (cmake/lang_pack.c).
 *
 * A pack is a directory of word lists, one entry a line ("word tag tag",
 * '#' comments), one file per word class below.  The build merges the
 * files of a pack into one array sorted by word (bytewise), each word
 * with the OR of its classes and tags, so a word listed as a title and a
 * role is one entry.  Everything the analysis stages (quotes.c, facts.c),
 * the normaliser's stop list (norm.c), the sentence splitter (split.c)
 * and the model's style flags (model.c) know about a language comes from
 * here; adding a language is adding a pack.
 *
 * Two ways in: lang_pack_find() gives the compiled pack itself (constant
 * data, bsearch; the splitter, which has no handle), lang_new() a hash
 * table over it for one lookup per word, built once per summarizer (no
 * global state) and owned by the normaliser.
 */
#ifndef PRECIS_LANG_H
#define PRECIS_LANG_H
#include <stddef.h>
#include <stdint.h>

/* The files of a pack and the class bit each gives its words. */
#define LANG_FILES(X)                                                                              \
    X(function, LW_FUNC)            /* never part of a name                */                      \
    X(determiners, LW_DEF)          /* the, a, an                          */                      \
    X(prepositions, LW_PREP)        /* a name after it is no subject       */                      \
    X(pronouns, LW_PRON)            /* he, she, they (tags: gender)        */                      \
    X(demonstratives, LW_DEM)       /* this, that                          */                      \
    X(titles, LW_TITLE)             /* Mr, President, spokesman            */                      \
    X(months, LW_MONTH)             /* value: 1..12                        */                      \
    X(weekdays, LW_WDAY)            /* value: 1..7                         */                      \
    X(numbers, LW_NUMW)             /* value: the number                   */                      \
    X(multipliers, LW_MULT)         /* value: power of ten                 */                      \
    X(units, LW_UNIT)               /* unit: canonical name                */                      \
    X(plurals, LW_PLURAL)           /* people, police                      */                      \
    X(time_words, LW_TIME)          /* a.m., GMT                           */                      \
    X(date_prepositions, LW_DATEPREP) /* "since 1987"                     */                      \
    X(say, LW_SAY)                  /* said, told                          */                      \
    X(say_before, LW_SAYPRE)        /* called (before a quote only)        */                      \
    X(according, LW_ACC)            /* according (to X)                    */                      \
    X(statement, LW_STMT)           /* a statement from X                  */                      \
    X(adverbs, LW_ADV)              /* between subject and verb            */                      \
    X(org, LW_ORG)                  /* Ministry, Agency                    */                      \
    X(org_phrases, LW_ORGPHRASE)    /* "white house": whole line           */                      \
    X(place, LW_PLACE)              /* River, Street, U.S.                 */                      \
    X(nonperson, LW_NONPERSON)      /* War, Day, North                     */                      \
    X(stop, LW_STOP)                /* stop words for matching             */                      \
    X(abbreviations, LW_ABBR)       /* written with a period               */                      \
    X(openers, LW_OPENER)           /* typical sentence openers            */                      \
    X(first_names, LW_GIVEN)        /* given names (tags: gender)          */                      \
    X(descriptors, LW_DESCR)        /* Republican: before a name, not in it */                     \
    X(place_names, LW_PLACENAME)    /* Ohio, New York: whole line          */ \
    X(place_prepositions, LW_PLACEPREP) /* in, near: a name after it is a place */ \
    X(name_joiners, LW_JOINER)      /* de, van: lower-case inside a name    */ \
    X(endings, LW_ENDING)           /* -ly, -ing: endings of common words   */

#define LANG_ENUM_(f, bit) bit##_I_,
enum { LANG_FILES(LANG_ENUM_) LANG_NFILES };
#undef LANG_ENUM_
#define LANG_BIT_(f, bit) bit = 1u << bit##_I_,
enum { LANG_FILES(LANG_BIT_) LW_ALL_ = 0 };
#undef LANG_BIT_

/* Tags after a word. */
enum {
    LT_M = 1u << 0,        /* m: masculine                                  */
    LT_F = 1u << 1,        /* f: feminine                                   */
    LT_PL = 1u << 2,       /* p: plural                                     */
    LT_NEUT = 1u << 3,     /* n: neuter                                     */
    LT_FIRST = 1u << 4,    /* first: first person                              */
    LT_SUBJ = 1u << 5,     /* s: subject pronoun                            */
    LT_DOT = 1u << 6,      /* abbr: a title written with a period           */
    LT_LOWER = 1u << 7,    /* lower: a role noun, lower-case before a name  */
    LT_HONOR = 1u << 8,    /* honorific: dropped when names are merged      */
    LT_ATITLE = 1u << 9,   /* title: an abbreviation that never ends a sentence */
    LT_AEND = 1u << 10,    /* end: may end one before an opener             */
    LT_ANUM = 1u << 11,    /* num: does not end one before a number         */
    LT_STRONG = 1u << 12,  /* strong: an opener even in lower-cased text    */
    LT_COMMON = 1u << 13,  /* common: a month name that is also a common word
                              ("may"): a date only capitalised or with a period */
    LT_INDEF = 1u << 14,   /* indef: "a", "another", "someone": names no one */
    LT_CONJ = 1u << 15,    /* conj: "and", "or": joins two nouns into one group */
    LT_DIR = 1u << 16,     /* dir N: compass point N, 1 north ... 8 northwest */
    LT_DUR = 1u << 17,     /* +duration (units.txt): a unit of time           */
    LT_RANGE = 1u << 18,   /* range: between the ends of a range ("1967 to 1979") */
    LT_REL = 1u << 19,     /* rel: a relative pronoun ("which", "who")      */
    LT_ORGJOIN = 1u << 20, /* org: a joiner only inside an organisation's name
                              or after a plural ("Eagles of Death Metal") */
    LT_PART = 1u << 21,    /* participle: an ending of participles ("-ing") */
    LT_SAINT = 1u << 22,   /* saint: a name opening with it goes on after a
                              possessive ("St. Anselm's Church")          */
    /* references.txt (no class of its own): a sentence opening with the
       entry needs the sentence before it; drop: a connective that can go */
    LT_REFNEED = 1u << 23,
    LT_REFDROP = 1u << 24,
    LT_REFOK = 1u << 25,   /* ok: no reference ("il y a", longer than "il") */
    /* qualifiers.txt (no class of its own): a word or phrase right before
       a number that qualifies it; val: LANG_Q_* */
    LT_QUAL = 1u << 26,
    LT_FACTOR = 1u << 27,  /* factor (multipliers.txt): val multiplies, it is
                              no power of ten ("two dozen")             */
    LT_PAST = 1u << 28,    /* past: after a span of time, a time before now
                              ("three years ago")                        */
    LT_DEMONYM = 1u << 29, /* demonym (endings.txt): an ending of nationality
                              and party adjectives ("-ian", "-ese")      */
    LT_BASIC = 1u << 30    /* basic (say.txt): the plain verbs of reporting,
                              "said", "told" (the SAID style flag)        */
};
/* Tags past bit 30 are 64-bit constants (an enumerator must fit an int). */
#define LT_QUEST ((uint64_t)1 << 31) /* question (say.txt): puts a question ("asked") */
#define LT_AGENT ((uint64_t)1 << 32) /* agent (prepositions.txt): names the author of a
                                        document or a deed ("a statement from X", "by X") */
#define LT_PASSIVE ((uint64_t)1 << 33) /* passive (prepositions.txt): the agent of a
                                          passive verb ("asked by X") */
#define LT_ATTRIB ((uint64_t)1 << 34) /* attrib (say.txt): attributes the quotation
                                         it follows ("..., he added") */
#define LT_ABSOLUTE ((uint64_t)1 << 35) /* absolute (prepositions.txt): opens a noun
                                           phrase that is the subject of the participle
                                           after it ("with members of the family
                                           saying") */
#define LT_ATTRIBUTIVE ((uint64_t)1 << 36) /* attributive (org.txt, nonperson.txt): a body
                                              or period named after a person ("the Obama
                                              administration"): the name names no one */
#define LT_NOSUBJ ((uint64_t)1 << 37) /* nosubj (function.txt): no phrase naming a speaker
                                         ends in it ("he said", "and said", "who said") */
#define LT_QUOTING ((uint64_t)1 << 39) /* quoting (say.txt): after an attribution, names
                                          the one whose words it reports ("the agency
                                          said, quoting Mr. Kim") */
#define LT_AFTER ((uint64_t)1 << 41) /* after (say.txt): tells of words said after others,
                                        in answer or addition ("replied", "added") */
#define LT_GENERIC ((uint64_t)1 << 43) /* generic (org.txt): a noun many bodies share
                                          ("the company said"): it names none
                                          by itself where one is named before */
#define LT_BE ((uint64_t)1 << 42) /* be (verbs.txt): a form of "be"; before a speech
                                    verb that is no "-ing" participle, the verb is
                                    passive ("he was told "..."": not his words) */
#define LT_SECOND ((uint64_t)1 << 44) /* second (function.txt): a word of the second person
                                        ("you", "your"): outside quotation marks, the
                                        writer addressing the reader */
#define LT_PARTICLE ((uint64_t)1 << 45) /* particle (name_joiners.txt): a lower-case
                                          particle hyphened to a capitalised name
                                          ("al-Rabeeah", "el-Sisi"): the word is a name's */
#define LT_SUB ((uint64_t)1 << 46) /* sub (function.txt): opens a subordinate clause
                                     ("when", "after"): after an attribution, the
                                     clause it opens names no new speaker */
#define LT_SURNAME ((uint64_t)1 << 47) /* surname (place.txt): a place word that is also a
                                          common surname; after a listed given name it
                                          is one ("Peter Lane") */
#define LT_GENERATION ((uint64_t)1 << 48) /* generation (abbreviations.txt): a
                                             generational suffix after a surname
                                             ("Jr.", "Sr."): not the surname */
#define LT_PERSON ((uint64_t)1 << 40) /* people.txt (no class of its own): a common
                                         noun naming one person ("a woman", "one
                                         resident"), with m / f when it shows a gender */
#define LT_AUTHOR ((uint64_t)1 << 38) /* author (verbs.txt): its subject wrote the document
                                         it takes as object ("filed a lawsuit", "issued
                                         a statement"), the author a later "the lawsuit
                                         says" speaks for */

/* Values that stand for a tag (a value is read only by the class it
   belongs to, so neither is taken for a month or a number, and they take
   no tag bit): an adverbs.txt entry tagged additive ("also" tells of
   something told before: "Trump also said"), and a verbs.txt entry, a
   finite verb form ("is", "went"), when the word has no value of its own
   (lang_finite). */
enum { LANG_V_ADDITIVE = 1, LANG_V_FINITE = -1 };

/* What a qualifiers.txt entry says of the number after it. */
enum { LANG_Q_ABOUT = 1, LANG_Q_ATLEAST = 2, LANG_Q_ATMOST = 3 };

typedef struct lang_word {
    const char *w;    /* lower case UTF-8 */
    uint32_t cls;     /* LW_* */
    uint64_t tags;    /* LT_* */
    int32_t val;      /* a numeric tag, 0 without */
    const char *unit; /* a units.txt canonical name; for a short given name
                         the full one (first_names.txt "=william"); or NULL */
} lang_word;

/* Is e a finite verb form (verbs.txt)? */
static inline int lang_finite(const lang_word *e) { return e && e->val == LANG_V_FINITE; }

/* A suffix written glued to a number (settings.txt "ordinal", "money"). */
typedef struct lang_suffix {
    const char *s; /* lower case ASCII letters: "th", "bn" */
    int mult;      /* 0: an ordinal's ("5th"); else the power of ten it
                      stands for after an amount of money ("$5bn": 9) */
} lang_suffix;

/* How the language's news writes numbers (the pack's settings.txt):
   the decimal mark, and which marks group thousands ("1,200"; "1.200",
   "1 200" with a space, no-break or narrow no-break space), and the
   suffixes glued to numbers. */
typedef struct lang_numfmt {
    char decimal;    /* '.' or ',' */
    char group[4];   /* of ',' '.' ' ', NUL-terminated */
    const lang_suffix *suffix; /* letters written glued to a number */
    size_t nsuffix;
} lang_numfmt;

/* Page furniture (the pack's furniture.txt): lower-case patterns found
   anywhere in a sentence; at its start ("^" in the file); glued in front
   of the sentence and cut off ("<"); or the whole sentence ("=").  At most
   LANG_FURNITURE_MAX a pack (quality.c indexes them). */
#define LANG_FURNITURE_MAX 250
enum { LANG_MARK_ANY = 0, LANG_MARK_START, LANG_MARK_LEAD, LANG_MARK_WHOLE };
typedef struct lang_mark {
    const char *p;
    int kind; /* LANG_MARK_* */
} lang_mark;

typedef struct lang_pack {
    const char *code;     /* "en" */
    const lang_word *w;   /* sorted by strcmp on w */
    size_t n;
    lang_numfmt num;
    const lang_mark *furniture; /* in file order */
    size_t nfurniture;
} lang_pack;

/* Compiled packs (generated lang_data.c). */
extern const lang_pack precis_lang_packs[];
extern const size_t precis_lang_npacks;

/* The pack for a Snowball language name ("english", "spanish") or an ISO
   code ("en"); NULL when there is none. */
const lang_pack *lang_pack_find(const char *name);

/* The entry of lower-case word w[0..n) in p (bsearch), or NULL. */
const lang_word *lang_pack_word(const lang_pack *p, const char *w, size_t n);

/* ---- per-handle lookup table ----------------------------------------- */
typedef struct lang lang;

/* A lookup table over the pack of name (see lang_pack_find); a language
   without a pack gets an empty one.  NULL when out of memory. */
lang *lang_new(const char *name);
void lang_free(lang *l);

/* The pack behind l (NULL for an empty table). */
const lang_pack *lang_get_pack(const lang *l);

/* The entry of w[0..n), any case (ASCII and Latin-1 capitals
   are folded), or NULL.  Words over 32 bytes are never listed. */
const lang_word *lang_word_of(const lang *l, const char *w, size_t n);

/* The entry of the two-word phrase a b (org_phrases), or NULL. */
const lang_word *lang_phrase(const lang *l, const char *a, size_t an, const char *b, size_t bn);

/* Classes of w[0..n) (0 when not listed). */
static inline uint32_t lang_class(const lang *l, const char *w, size_t n)
{
    const lang_word *e = lang_word_of(l, w, n);
    return e ? e->cls : 0;
}
#endif
