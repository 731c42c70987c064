/*
 * lex.h -- the one tokenizer of the analysis (lex.c).
 *
 * precis_analyze() lexes every article of the cluster once, before any
 * analysis stage runs (lex_cluster), and the stages read the tokens:
 * quotes.c pairs quotation marks and finds speakers on them, facts.c finds
 * numbers, dates and names on them.  Neither reads the raw text to split it
 * again.
 *
 * A token is a word, a number, a punctuation character, a quotation mark
 * or a line break, with its byte span in the article's text.  Words carry
 * their case shape, their entry in the language pack (lang.h: word class,
 * value, unit) and a case-folded hash; numbers carry their value and what
 * is glued to them (currency sign, percent, multiplier or unit suffix,
 * ordinal, ISO date).  Each article is lexed sentence by sentence on the
 * model's sentence spans (and the gaps between them), so no token crosses
 * a sentence boundary and the first token of each sentence is marked.
 *
 * What is a word: letters, marks and digits (Unicode categories L, M, N,
 * by utf8proc), joined across an inner hyphen ("Okafor-Hale"), an inner
 * apostrophe ("O'Brien", "don't"; not "handled'Lavrov", two words glued by
 * a missing space) and the periods of single-letter abbreviations
 * ("U.S."); a final period is part of the word when the word is such an
 * abbreviation, a single letter, or listed in the pack's abbreviations
 * ("Gov.", "Jan.").  A possessive 's / 's is kept in the span but not in
 * the word proper (we).  A number starts at a digit or at a currency sign
 * before one: "1,200", "212.5", "$1.2m", "5%", "18km", "2016-12-30", and,
 * for a pack whose settings.txt gives a decimal comma, "1.200", "3,5",
 * "30 000" (a no-break space too) and "3,5 %";
 * times, ranges, codes and modifiers ("09:10", "10-12", "COVID-19",
 * "63-year-old") are numbers marked bad.
 */
#ifndef PRECIS_LEX_H
#define PRECIS_LEX_H
#include "lang.h"
#include "model.h"

enum { LEX_WORD = 1, LEX_NUM, LEX_PUNCT, LEX_QUOTE, LEX_NL };

/* Token flags (lex_tok.f).  Bit 3 is left free for a stage's own use. */
enum {
    LEX_CAP = 1 << 0,     /* words: first letter upper-case               */
    LEX_ACRO = 1 << 1,    /* words: two or more letters, none lower-case  */
    LEX_POSS = 1 << 2,    /* words: ends in 's (kept out of we)           */
    LEX_HYPH = 1 << 4,    /* words: an inner hyphen                       */
    LEX_DOT = 1 << 5,     /* words: an inner period (U.S)                 */
    LEX_LOWER = 1 << 6,   /* words: first letter lower-case               */
    LEX_DIGIT = 1 << 7,   /* words: a digit in it                         */
    LEX_ABBR = 1 << 8,    /* words: took the period after it              */
    LEX_SSTART = 1 << 9,  /* first token of a sentence of the model       */
    LEX_OPENPOS = 1 << 10 /* punctuation after a space, '(' or the start
                             and before a non-space: where a quotation
                             mark opens                                 */
};

/* Quotation marks (lex_tok.mark of LEX_QUOTE tokens). */
enum {
    LEX_MK_NONE = 0,
    LEX_MK_DQ,  /* "                         */
    LEX_MK_LDQ, /* U+201C                    */
    LEX_MK_RDQ, /* U+201D                    */
    LEX_MK_LOW, /* U+201E                    */
    LEX_MK_GL,  /* U+00AB                    */
    LEX_MK_GR,  /* U+00BB                    */
    LEX_MK_BT,  /* `` (two bytes)            */
    LEX_MK_SQ2  /* '' (two bytes)            */
};

typedef struct lex_tok {
    uint32_t s, e;       /* byte span: with an abbreviation's period, a
                            possessive, a line break's following blanks */
    uint32_t we;         /* words: end of the word proper (no final
                            period, no possessive 's); else e          */
    uint32_t aux;        /* LEX_NUM: index in lex_doc.num; LEX_PUNCT and
                            LEX_QUOTE: the (first) code point          */
    const lang_word *lw; /* words: the pack's entry of [s, we), or NULL */
    uint64_t fold;       /* words: lex_fold of [s, we); else 0          */
    uint16_t f;          /* LEX_* flags                                 */
    uint8_t kind;        /* LEX_WORD ...                                */
    uint8_t mark;        /* LEX_QUOTE: LEX_MK_*                         */
} lex_tok;

typedef struct lex_num {
    uint64_t mant;        /* the digits, without separators              */
    uint8_t dec;          /* digits after the decimal point              */
    uint8_t ndig;         /* digits in all (255 at most)                 */
    uint8_t cur;          /* 1 $, 2 euro, 3 pound before it; 0 none      */
    uint8_t pct;          /* '%' after it                                */
    uint8_t bad;          /* not a count: a time, range, code, modifier,
                             too many digits, glued to a word before it */
    uint8_t ord;          /* 1st, 22nd                                   */
    uint8_t sep;          /* thousands separators                        */
    uint8_t iso;          /* an ISO date: iy-im-id                       */
    int8_t mult;          /* glued multiplier: 3 k, 6 m/mn, 9 bn         */
    uint8_t im, id;
    uint16_t iy;
    const lang_word *unit; /* glued unit suffix ("18km"), or NULL        */
} lex_num;

/* The tokens of a cluster's articles. */
typedef struct lex_doc {
    lex_tok *tok;
    size_t ntok, tokcap;
    lex_num *num;
    size_t nnum, numcap;
    uint32_t *art;  /* article a's tokens: [art[a], art[a + 1]) (nart + 1) */
    uint32_t *sent; /* model sentence i's tokens: [sent[2i], sent[2i + 1]) */
    size_t nart;
} lex_doc;

/* Lexes every article of c on the sentence spans of m into d, words
   looked up in L.  Articles of 4 GB or more get no tokens, nor, when
   quoted_only, articles without an opening quotation mark (for a caller
   that only looks for quotes).  Arrays are pmalloc'd: free them with
   lex_doc_free.  PRECIS_OK or PRECIS_ENOMEM. */
precis_status lex_cluster(lex_doc *d, const precis_cluster *c, const model *m, const lang *L,
                          int quoted_only);
void lex_doc_free(lex_doc *d);

/* A lexing kept for the next lexing of the same cluster on another model
   (precis_summarize_analyze: readable.c lexes the quoted articles on the
   quotation units, then the analysis every article on the sentences as
   split).  A sentence and the gap before it that both models have on the
   same bytes get the same tokens (lex_span reads nothing outside its
   span), so they are copied instead of lexed again. */
typedef struct lex_kept {
    lex_doc d;
    uint32_t *span; /* per sentence of its model: start, end; UINT32_MAX,
                       0 for one lex_article passed over             */
    size_t *first;  /* article a's sentences: [first[a], first[a + 1])  */
    int ok;
} lex_kept;

/* Keeps d, lexed by lex_cluster on c and m, in k (d is left empty; what
   k held before is freed).  PRECIS_OK or PRECIS_ENOMEM (d is then freed). */
precis_status lex_keep(lex_kept *k, lex_doc *d, const precis_cluster *c, const model *m);
/* As lex_cluster (quoted_only 0), copying what k holds of the same
   cluster where it can; k is emptied (freed) either way. */
precis_status lex_cluster_from(lex_doc *d, const precis_cluster *c, const model *m,
                               const lang *L, lex_kept *k);
void lex_kept_free(lex_kept *k);

/* Appends the tokens of t[lo, e) to d (lex_cluster's step; t[lo - 1] and
   t[e] are not read).  -1 when out of memory. */
int lex_span(lex_doc *d, const lang *L, const char *t, size_t lo, size_t e);

/* Hash of t[s, e) folded to lower case (any script). */
uint64_t lex_fold(const char *t, size_t s, size_t e);

/* The code point at t[i] (i < e) into *cp (-1 when not valid UTF-8);
   returns its length in bytes. */
size_t lex_cp(const char *t, size_t i, size_t e, int32_t *cp);

/* Is there a word character (letter, mark or digit) at t[i] (i < e)? */
int lex_is_word_at(const char *t, size_t i, size_t e);

/* Character classes the tokenizer uses (ASCII fast, utf8proc above). */
int lex_is_word_cp(int32_t cp);   /* letter, mark or digit */
int lex_is_letter_cp(int32_t cp); /* letter or mark        */
int lex_is_upper_cp(int32_t cp);
int lex_is_lower_cp(int32_t cp);
int lex_is_space_cp(int32_t cp);

/* Is a[0..n) equal to the lower-case lw[0..m), ASCII letters folded? */
int lex_lower_eq(const char *a, size_t n, const char *lw, size_t m);
#endif
