/* quality.h -- the sentence-quality heuristics (quality.c): page
   furniture, datelines, style flags.  Called by model.c per sentence. */
#ifndef PRECIS_QUALITY_H
#define PRECIS_QUALITY_H
#include "model.h"

/* The language pack's furniture patterns indexed by a hash of their first
   three bytes (see quality.c); a few hundred bytes, filled by quality_init. */
#define QUALITY_JUNK_MAX LANG_FURNITURE_MAX
#define QUALITY_SHORT_MAX 16
#define QUALITY_LEAD_MAX 32
#define QUALITY_SAID_WORDS 16
typedef struct quality_pat {
    const char *p;
    size_t len, star; /* star: offset of its "*", len when none */
} quality_pat;

typedef struct quality_index {
    const char *pat[QUALITY_JUNK_MAX];
    uint8_t len[QUALITY_JUNK_MAX];
    uint8_t next[QUALITY_JUNK_MAX]; /* chain, index + 1; 0 ends */
    uint8_t head[256];              /* by hash of the first three bytes */
    const char *shorts[QUALITY_SHORT_MAX]; /* under three bytes */
    size_t nshort;
    const char *starts[QUALITY_SHORT_MAX]; /* at the sentence start */
    size_t nstart;
    quality_pat leads[QUALITY_LEAD_MAX];   /* cut off the start ("<")  */
    size_t nlead;
    const char *credits[QUALITY_LEAD_MAX]; /* a dateline's "<(cnn)"    */
    size_t ncredit;
    quality_pat wholes[QUALITY_SHORT_MAX]; /* the whole sentence ("=") */
    size_t nwhole;
    quality_pat said[QUALITY_SAID_WORDS];  /* the SAID flag's words    */
    size_t nsaid;
    uint8_t said_first[32]; /* their first bytes (| 32), a bit set  */
} quality_index;

/* Indexes the furniture of pk (none when NULL). */
void quality_init(quality_index *x, const lang_pack *pk);

/* Bytes to drop from the left of sentence s[0..n): a wire dateline
   ("WASHINGTON (CNN) --") or player, layout and credit furniture glued in
   front of it (x's "<" lines); 0 when none (or when it would drop
   everything). */
size_t quality_lead(const quality_index *x, const char *s, size_t n);

/* Is text[start, end) of an article of len bytes a heading: asking and
   opening or ending a paragraph, exclaiming alone, opening a paragraph
   with no final stop though text follows, or in capitals?  (SENT_JUNK in
   model.c.)  *para: the end of the paragraph last seen, 0 before an
   article's first sentence; the sentences of one article come in order. */
int quality_heading(const char *text, size_t len, size_t start, size_t end, size_t *para);

/* Does sentence s[0..n) trail off in an ellipsis ("... will be former
   Portland Trailblazers Coach . . .", "La vittoria …"), closing quotes
   and brackets aside?  On a scraped page that is a teaser cut short or a
   headline's tail (readable.c: in cased text, never taken). */
int quality_trails_off(const char *s, size_t n);

/* The SENT_* flags a sentence s[0..n) of `words` words earns by itself:
   SHORT, LONG, NOEND, JUNK, QUOTED, FIRST, QUESTION, PAREN, SAID,
   DANGLING, QUOTE (not LAST, QBROKEN, NEEDS_PREV: those depend on its
   neighbours).  *quoted gets the number of words inside quotation
   marks.  L: the language pack's words (first-person pronouns). */
uint32_t quality_flags(const quality_index *x, const lang *L, const char *s, size_t n,
                       uint32_t words, uint32_t *quoted);
#endif
