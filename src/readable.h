/* readable.h -- what lets a summary sentence stand on its own (readable.c):
   whole quotation units, named speakers, openers that point backwards,
   one statement once. */
#ifndef PRECIS_READABLE_H
#define PRECIS_READABLE_H
#include "model.h"

/* Joins, in place, the spans of one article's sentences that continue a
   quotation opened in an earlier sentence, so that a quotation and the
   sentences up to its close are one unit.  broken[k] (room for n) gets 1
   when unit k's quotation marks stay unbalanced: a quotation not closed
   within READABLE_JOIN_MAX sentences or before the paragraph ends, a
   sentence that starts inside such a quotation, a closing mark with no
   opening.  A short attribution after a quotation ending in "?" or "!"
   ("Walsh asked.", a verb of L's pack tagged attrib) joins it.  Returns
   the new number of spans.  Linear in the text. */
#define READABLE_JOIN_MAX 5
/* Quoted words that make a statement whose speaker must be named; fewer
   are a term, a title or a scare quote (quotes.c's QUOTE_LONE_WORDS). */
#define READABLE_QUOTE_WORDS 5
size_t readable_join(const lang *L, const char *text, precis_span *sp, size_t n,
                     uint8_t *broken);

/* An opener that points at the sentence before: READABLE_NEEDS_PREV
   ("He", "This", "Another", "At the time"), READABLE_DROPPABLE (a
   connective such as "But" or "However," that can be dropped; *drop gets
   the bytes to drop, the white space after included), or 0.  The words
   are the references.txt of L's language pack. */
enum { READABLE_NEEDS_PREV = 1, READABLE_DROPPABLE = 2 };
int readable_opener(const lang *L, const char *s, size_t n, size_t *drop);

/* Can s open a summary, or follow a gap: no quotation, pronoun,
   connective or definite description of something not yet told at its
   start (as readable_prepare flagged it)?  readable_opens_but_told: the
   same but for the definite descriptions (a dateline's sentence opens
   its story whatever a deck above it told). */
static inline int readable_opens_but_told(const msent *s)
{
    return !(s->flags & (SENT_QUOTE | SENT_DANGLING | SENT_NEEDS_PREV));
}
static inline int readable_opens(const msent *s)
{
    return !s->ndef && readable_opens_but_told(s);
}

struct precis_summarizer;
/* Prepares model m of cluster c for the readable selection: runs the quote
   analysis, links each sentence to the quote it carries (msent.qvar, the
   statement's variant set, and msent.speaker), and marks sentences that
   are taken only right after the sentence before them in their article
   (SENT_NEEDS_PREV), cannot be taken at all (SENT_QBROKEN: open quote,
   unknown speaker), or are taken with an edit (msent.edit: the speaker
   named, or a leading connective dropped; none when extract_only).
   PRECIS_OK or PRECIS_ENOMEM. */
precis_status readable_prepare(model *m, const precis_cluster *c, norm *nm, arena *a,
                               void **cache, int extract_only);
/* The same; with keep (not NULL), the lexing of the quoted articles it
   makes is kept there (lex_keep) for the analysis' lexing that follows
   (precis_summarize_analyze). */
struct lex_kept;
precis_status readable_prepare_keep(model *m, const precis_cluster *c, norm *nm, arena *a,
                                    void **cache, int extract_only, struct lex_kept *keep);

/* Writes sentence s's text with its edit applied into *out (arena a) and
   the replaced span (offsets in the article) into *es / *ee, the
   replacement into *rep / *rlen.  Returns 0, or -1 when out of memory. */
int readable_apply(const msent *s, const char *text, arena *a, char **out, size_t *len,
                   size_t *es, size_t *ee, char **rep, size_t *rlen);
/* The same with only some of s's edits (a sentence has at most two: a
   speaker named or a connective dropped, then a full name or "also"
   dropped): READABLE_EDIT1 the first, READABLE_EDIT2 the second.  Both
   make one replaced span, the text between them kept.  -1 when none of
   them is there or out of memory. */
enum { READABLE_EDIT1 = 1, READABLE_EDIT2 = 2 };
int readable_apply_some(const msent *s, const char *text, unsigned which, arena *a, char **out,
                        size_t *len, size_t *es, size_t *ee, char **rep, size_t *rlen);
/* The kind of s's second edit: EDIT_GIVEN, EDIT_ALSO, or EDIT_NONE. */
uint32_t readable_edit2(const msent *s);
/* Does t[0..n) name the person whose full name sentence s's EDIT_GIVEN
   (first or second edit) writes (the surname as a whole word)?  Then the edit is not made: the
   surname is no first mention. */
int readable_mentions(const msent *s, const char *t, size_t n);
/* The surname of the speaker an EDIT_NAME / EDIT_APPEND edit of s would
   write, when text t (an earlier summary sentence) already names them by
   it; NULL otherwise: "... Asa Hutchinson said" after "Hutchinson said"
   is written "... Hutchinson said" (not after "Ivanka Trump" for Donald
   Trump: another given name before the surname).  Points into
   s->speaker. */
const char *readable_known_surname(const msent *s, const lang *L, const char *t, size_t n);
/* Is the "also" EDIT_ALSO (first or second edit) drops from s (text: its article) needed, prev
   [0..pn) being the summary sentence before it: 0 when prev names the
   word before "also" ("Lavrov said ... Lavrov also proposed"). */
int readable_also_needed(const msent *s, const lang *L, const char *text, const char *prev,
                         size_t pn);
/* A paraphrase repeat of a summary sentence (out[0..k)): at least
   READABLE_REPEAT_STEMS content stems shared, half of the shorter one's
   with two names or numbers shared, or two fifths with three ("President
   Trump will travel to the United Kingdom on July 13" after "Trump will
   visit the United Kingdom on the 13th of July").  And an article's
   lead that shares a name and LEAD_REPEAT_STEMS stems with another
   article's lead in the summary and names nothing and no number the
   summary lacks: one event's reports open alike.  And a sentence of an
   article's opening (position LEAD_SPAN at most) that shares a name and
   LEAD_SHARE_STEMS stems, LEAD_SHARE of the shorter one's, with a summary sentence
   of another article: the event told again ("Gov. Deval Patrick on
   Wednesday appointed William Cowan ..." after "The Democratic governor
   picked ... William "Mo" Cowan").  select.c treats the pair as one
   redundancy group (the default method). */
#define READABLE_REPEAT_STEMS 4
#define LEAD_REPEAT_STEMS 2
#define LEAD_SPAN 2
#define LEAD_SHARE 0.3
#define LEAD_SHARE_STEMS 4
int readable_repeat(const model *m, const msent *s, const uint32_t *out, size_t k);
#endif
