/*
 * mention.h -- the one mention finder of the analysis (mention.c): the
 * names an article's tokens (lex.h) hold, with their titles and what the
 * text shows of their kind and gender.  quotes.c reads them for speakers,
 * facts.c for people, organisations and places; neither finds names of
 * its own.
 *
 * A mention is a run of capitalised words of one sentence ("Gov. Miriam
 * Okafor-Hale", "The White House"), with lower-case joiners inside
 * ("Stade de France", "Eagles of Death Metal", "Ministry of Defence"),
 * and, inside it, the name proper: the run with its titles and
 * honorifics, a sentence-initial function word, opener ("Presently") or
 * party word ("Republican") cut off.  Token indices are lex_doc.tok
 * indices; a run with no name in it (a lone title, "The") is kept, as
 * a stage may still want it ("King said" after "Rep. Peter King").
 */
#ifndef PRECIS_MENTION_H
#define PRECIS_MENTION_H
#include "lex.h"

#define MENTION_NONE UINT32_MAX
#define MENTION_MAX_WORD 64 /* bytes: a longer word is no name word */

/* What the text shows about a mention (mention.ev). */
enum {
    MEN_TITLE = 1 << 0,   /* a capitalised title before the name          */
    MEN_ROLE = 1 << 1,    /* a role noun before it ("spokesman Peskov"),
                             ", who" or an age after it                  */
    MEN_SAID = 1 << 2,    /* a speech verb right before or after it       */
    MEN_PLACE = 1 << 3,   /* a preposition of place before it, ", Va."
                             or a lower-case place noun after it          */
    MEN_GIVEN = 1 << 4,   /* two words or more, a given name first        */
    MEN_ORG = 1 << 5,     /* an organisation word, a camel-case word
                             ("YouTube"), an acronym that is no place, or
                             an organisation phrase of the pack           */
    MEN_NONPERSON = 1 << 6, /* a word of an organisation, place or thing
                               ("Ministry", "River", "War") or an acronym:
                               not a person's name                       */
    MEN_JOINED = 1 << 7,  /* a lower-case joiner inside ("de", "of")      */
    MEN_SINIT = 1 << 8,   /* the run opens its sentence                   */
    MEN_POSS = 1 << 9,    /* the run ends in 's                          */
    MEN_PREP = 1 << 10,   /* after a preposition ("by radio host X"),
                             or after an opener in -ing ("Saying X")     */
    MEN_DESCR = 1 << 11   /* ends in a party word: a description ("the
                             Arizona Republican", "Democrats"), no
                             person's name                                */
};

enum { MEN_M = 1, MEN_F = 2 }; /* gender; both or none: unknown */

typedef struct mention_run {
    uint32_t t0, t1;  /* the run: tokens [t0, t1)                         */
    uint32_t n0, ne;  /* the name in it: [n0, ne), empty when none        */
    uint32_t title;   /* the last title token before the name, or
                         MENTION_NONE                                    */
    uint32_t p0, pe;  /* before the title, an organisation's name
                         ("Russian Foreign Ministry Spokesperson X"):
                         [p0, pe), empty when none                        */
    uint16_t ev;      /* MEN_*                                            */
    uint8_t gender;   /* MEN_M / MEN_F from a title or a given name       */
    uint32_t office;  /* the office its title or role noun names: the
                         pack's office number, else the title's first
                         letters (honorifics name none); 0 for none      */
} mention_run;

/* Two offices that name two people when one surname carries both
   ("President Trump", "first lady Melania Trump"): both known, not one. */
static inline int mention_offices_differ(uint32_t a, uint32_t b) { return a && b && a != b; }

/* The mentions of a cluster's articles, in text order. */
typedef struct mention_doc {
    mention_run *m;
    size_t n, cap;
    uint32_t *art; /* article a's mentions: [art[a], art[a + 1]) (nart + 1) */
    size_t nart;
    /* the census: which words the cluster writes capitalised inside a
       sentence, which lower-case (lex_fold hash, 8 bytes -> MEN_W_*) */
    dict census;
} mention_doc;

/* MEN_W_SURNAME: written capitalised right after a given name ("Theresa
   May"), so a surname even where the word is a month or a function word
   ("Mrs May said", ", May said") */
enum { MEN_W_CAPMID = 1, MEN_W_LOWER = 2, MEN_W_SURNAME = 4 };

/* Finds the mentions of every article of cluster cl, lexed into d (words
   looked up in L), into md.  Arrays are pmalloc'd: free them with mention_doc_free.
   PRECIS_OK or PRECIS_ENOMEM. */
precis_status mention_find(mention_doc *md, const lex_doc *d, const precis_cluster *cl,
                           const lang *L);
void mention_doc_free(mention_doc *md);

/* The census flags (MEN_W_*) of the word with fold hash h. */
uint8_t mention_census(const mention_doc *md, uint64_t h);

/* Do the words of tokens [a, b) of d (text t) name an organisation: an
   organisation word, a camel-case word ("YouTube"), an acronym that is
   no place (CIA; not U.S.), a two-word organisation phrase of the pack
   ("White House")?  (MEN_ORG of a name.) */
int mention_org(const lex_doc *d, const lang *L, const char *t, uint32_t a, uint32_t b);

/* Does word t[s, e) end like a common word of the language (the pack's
   endings.txt: "-ly", "-ing"), leaving a stem of three bytes or more?  1,
   or 2 when the ending is a participle's ("-ing", "-ando"); 0 when not. */
int mention_common_ending(const lang *L, const char *t, size_t s, size_t e);

/* Does word w[0..n) end like an English-style plural: three bytes or
   more, a final "s" not after "s", "u", "i" or an apostrophe ("Eagles",
   "officials"; not "Jones's", "Sebelius", "Davis")?  The pack's irregular
   plurals (LW_PLURAL) are the caller's to look up. */
int mention_plural_ending(const char *w, size_t n);

/* Is w[0..n) (a final period allowed) a place of the pack: a listed
   place name ("Ohio", "New York", "Va.") or a place word ("U.S.")? */
int mention_place_word(const lang *L, const char *w, size_t n);

/* Does token k (of d) open a sentence, follow an opening quotation mark,
   a colon, a sentence stop or '(' -- a place where any word is written
   capitalised? */
int mention_initial(const lex_doc *d, uint32_t k, uint32_t a0);
#endif
