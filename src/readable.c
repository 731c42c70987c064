/*
 * readable.c -- what lets a summary sentence stand on its own.
 *
 * A summary sentence is read away from the text around it.  Tried on
 * real, original-cased news, plain extraction produced quotes cut open or
 * in half, quotes whose speaker is "he" (who is no longer in sight),
 * sentences opening with "This" or "But" after something else, the same
 * statement twice in two translations, and page furniture.  The default
 * method therefore works on units a reader can take alone:
 *
 *  - Whole quotations.  model_build(units) joins a sentence that opens a
 *    quotation with the sentences up to its close (readable_join): one
 *    unit, costed as one.  A quotation that does not close within
 *    READABLE_JOIN_MAX sentences of its paragraph, and a sentence that
 *    starts inside one, are never taken.  Marks: straight, curly,
 *    ``...'' (PTB), « », „ " (German) and ‚ ' (German single quotes);
 *    English single quotes are left alone, since ' is also the apostrophe.
 *  - Named speakers.  The quote analysis (quotes.c) gives each quotation
 *    its speaker.  A sentence whose quotation's speaker it does not name
 *    (", he said", or no attribution at all) gets the name by an edit --
 *    the pronoun replaced, or ", Lavrov said." put in place of the final
 *    stop -- recorded in the summary with the span it replaces.  When the
 *    analysis knows no speaker the sentence is not taken; without edits
 *    (extract_only) it is taken only right after the sentence before it.
 *  - No dangling references.  A sentence opening with a pronoun, a
 *    demonstrative or a connective that needs the sentence before it is
 *    taken only right after that sentence; a droppable connective ("But",
 *    "However,") is dropped by an edit instead.  The words are the
 *    language pack's references.txt (data/lang/<code>/).
 *  - One statement once.  Every sentence carrying a quotation gets the
 *    quotation's variant set (the same quote in other articles, and other
 *    wordings of the same statement the analysis links, such as two
 *    translations); select.c takes at most one sentence per set.
 *
 * Everything is linear in the text, plus the quote analysis.
 */
#include "readable.h"

#include "mention.h"
#include "quality.h"
#include "quotes.h"

#include <strings.h>
#include <utf8proc.h>

/* ---- quotation marks ---------------------------------------------------- */

enum { Q_NONE = 0, Q_STRAIGHT, Q_LDQ, Q_RDQ, Q_LOW9, Q_LAQ, Q_RAQ, Q_BTICK, Q_TICKS, Q_LOWS, Q_LSQ };

static int mark_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

/* The quotation mark at s[i], if any: its kind, and its length in bytes. */
static size_t mark_at(const char *t, size_t n, size_t i, int *kind)
{
    const unsigned char *s = (const unsigned char *)t;
    *kind = Q_NONE;
    switch (s[i]) {
    case '"': *kind = Q_STRAIGHT; return 1;
    case '`':
        if (i + 1 < n && s[i + 1] == '`') {
            *kind = Q_BTICK;
            return 2;
        }
        return 0;
    case '\'':
        if (i + 1 < n && s[i + 1] == '\'') {
            *kind = Q_TICKS;
            return 2;
        }
        return 0;
    case 0xC2:
        if (i + 1 < n && (s[i + 1] == 0xAB || s[i + 1] == 0xBB)) {
            *kind = s[i + 1] == 0xAB ? Q_LAQ : Q_RAQ;
            return 2;
        }
        return 0;
    case 0xE2:
        if (i + 2 >= n || s[i + 1] != 0x80)
            return 0;
        switch (s[i + 2]) {
        case 0x9C:
            /* an opening mark typed where a closing one belongs: after a
               word or a stop and before a space ("... to go.“ He") */
            *kind = i > 0 && !mark_space(s[i - 1]) && s[i - 1] != '(' && s[i - 1] != '-' &&
                            (i + 3 >= n || mark_space(s[i + 3]))
                        ? Q_RDQ
                        : Q_LDQ;
            return 3;
        case 0x9D: *kind = Q_RDQ; return 3;
        case 0x9E: *kind = Q_LOW9; return 3;
        case 0x9A: *kind = Q_LOWS; return 3;
        case 0x98: *kind = Q_LSQ; return 3;
        default: return 0;
        }
    default: return 0;
    }
}

/* One step of the quotation state: *open is the kind of the open mark (0:
   outside), plus Q_NEST for each curly quotation open inside it ("“Needless
   to say, the war was not “a war of Obama’s choosing.” It has been ..."
   is still inside the first).  Returns -1 for a closing mark with nothing
   open. */
#define Q_NEST 256
static int mark_step(int *open, int k)
{
    int o = *open;
    if (o >= Q_NEST) { /* inside a nested curly quotation */
        if (k == Q_LDQ)
            *open = o + Q_NEST;
        else if (k == Q_RDQ || k == Q_STRAIGHT)
            *open = o - Q_NEST;
        return 0;
    }
    switch (k) {
    case Q_STRAIGHT:
        if (!o)
            *open = Q_STRAIGHT;
        else if (o == Q_STRAIGHT || o == Q_LDQ)
            *open = 0; /* scraped text mixes straight and curly marks */
        return 0;
    case Q_LDQ: /* closes „, opens otherwise, nests in “ */
        if (o == Q_LOW9)
            *open = 0;
        else if (!o)
            *open = Q_LDQ;
        else if (o == Q_LDQ)
            *open = o + Q_NEST;
        return 0;
    case Q_LOW9: case Q_LAQ: case Q_BTICK: case Q_LOWS:
        if (!o)
            *open = k;
        return 0;
    case Q_RDQ: /* closes „ too (Polish, Hungarian) */
        if (o == Q_LDQ || o == Q_STRAIGHT || o == Q_LOW9)
            *open = 0;
        else if (!o)
            return -1;
        return 0;
    case Q_RAQ:
        if (o == Q_LAQ)
            *open = 0;
        else if (!o)
            return -1;
        return 0;
    case Q_TICKS:
        if (o == Q_BTICK)
            *open = 0;
        else if (!o)
            return -1;
        return 0;
    case Q_LSQ:
        if (o == Q_LOWS)
            *open = 0;
        return 0;
    default: return 0;
    }
}

/* The first quotation mark at or after *i in s[0..n): *i moves to it,
   *kind is its kind; returns its length, 0 when there is none. */
static size_t next_mark(const char *s, size_t n, size_t *i, int *kind)
{
    for (; *i < n; (*i)++) {
        size_t l = mark_at(s, n, *i, kind);
        if (l)
            return l;
    }
    return 0;
}

/* Runs the state over s[0..n); returns -1 on a stray closing mark. */
static int marks_scan(const char *s, size_t n, int *open)
{
    int bad = 0, k;
    size_t i = 0;
    for (size_t l; (l = next_mark(s, n, &i, &k)) != 0; i += l)
        if (mark_step(open, k))
            bad = -1;
    return bad;
}

static int has_newline(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] == '\n')
            return 1;
    return 0;
}


static int is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '\'' ||
           (c >= '0' && c <= '9');
}

/* A verb that attributes the quotation it follows (the pack's say.txt
   tag attrib: "said", "added", "wrote"), any case. */
static int speech_verb(const lang *L, const char *w, size_t k)
{
    const lang_word *e = lang_word_of(L, w, k);
    return e && (e->cls & LW_SAY) && (e->tags & LT_ATTRIB);
}

/* A subject pronoun of the third person ("he", "she", "they"). */
static int subject_pronoun(const lang *L, const char *w, size_t k)
{
    const lang_word *e = lang_word_of(L, w, k);
    return e && (e->cls & LW_PRON) && (e->tags & LT_SUBJ) && !(e->tags & LT_FIRST);
}

static int in_list(const char *const *l, const char *w, size_t k, int fold)
{
    for (size_t i = 0; l[i]; i++)
        if (strlen(l[i]) == k && !(fold ? strncasecmp(l[i], w, k) : strncmp(l[i], w, k)))
            return 1;
    return 0;
}

/* Two to four words ending in a speech verb, then a stop or a short
   comma-set tail with no quotation: "Akin continued.", "Mrs. Clinton
   said, her voice rising." */
#define ATTRIBUTION_TAIL_WORDS 12
static int attribution_only(const lang *L, const char *s, size_t n)
{
    if (n < 4 || s[n - 1] != '.' || s[0] < 'A' || s[0] > 'Z')
        return 0;
    size_t end = n - 1; /* the stop, spaced off in PTB text ("asked .") */
    while (end > 0 && s[end - 1] == ' ')
        end--;
    size_t words = 1, last = 0, head = end, total = 1;
    for (size_t i = 0; i < end; i++) {
        if (s[i] == '"' || (unsigned char)s[i] == 0xE2)
            return 0; /* a quotation of its own, or any U+2000..U+2FFF character
                         (curly marks, dashes, an ellipsis) */
        if (s[i] == ',' && head == end)
            head = i;
        if (s[i] == ' ') {
            total++;
            if (i < head) {
                words++;
                last = i + 1;
            }
        }
    }
    if (words < 2 || words > 4 || total > ATTRIBUTION_TAIL_WORDS || last >= head)
        return 0;
    const lang_word *e = lang_word_of(L, s + last, head - last);
    return e && (e->cls & LW_SAY); /* "Trump tweeted." too */
}

static int ends_with_quote(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n'))
        n--;
    return n > 0 && (s[n - 1] == '"' || (n >= 3 && (unsigned char)s[n - 3] == 0xE2 &&
                                         (unsigned char)s[n - 2] == 0x80 &&
                                         (unsigned char)s[n - 1] == 0x9D));
}

/* The last paragraph of a quotation that runs over several (the news
   convention: each opens with a mark, only the last closes) has no
   opening mark: the sentences before its closing mark are someone's
   words with no mark of their own ("There are, of course, those who
   think we should pull out of Afghanistan …" ends a letter the article
   quotes).  In sp[k..n): the first sentence of k's paragraph after the
   closing mark that the paragraph's first mark is, or k when its first
   mark opens one or it has none. */
static size_t quoted_paragraph_end(const char *text, const precis_span *sp, size_t n, size_t k)
{
    size_t j = k;
    for (;;) {
        size_t i = 0;
        int kind, open = 0;
        if (next_mark(text + sp[j].start, sp[j].end - sp[j].start, &i, &kind))
            return mark_step(&open, kind) ? j + 1 : k;
        if (j + 1 >= n || has_newline(text, sp[j].end, sp[j + 1].start))
            return k;
        j++;
    }
}

/* The straight marks in the paragraph around text[at]. */
static size_t paragraph_straight(const char *text, size_t at, size_t len)
{
    size_t b = at, e = at, c = 0;
    while (b > 0 && text[b - 1] != '\n')
        b--;
    while (e < len && text[e] != '\n')
        e++;
    for (; b < e; b++)
        c += text[b] == '"';
    return c;
}

/* After a paragraph that ends inside a quotation, the lines that go on
   with it before a mark closes it, when they do not open with a mark of
   their own (text written a sentence to a line, or a paragraph that lost
   its mark: "\"Mo is family .\nMo bleeds 76ers . He bleeds Philadelphia
   , \" team president Billy King said ."): in sp[k..n), the first
   sentence after the one holding the closing mark (a closing kind, or a
   straight mark whose paragraph has an odd number of them), or k when
   none is found within READABLE_JOIN_MAX sentences. */
static size_t carried_quote_end(const char *text, size_t len, const precis_span *sp, size_t n,
                                size_t k)
{
    for (size_t j = k; j < n && j - k < READABLE_JOIN_MAX; j++) {
        const char *s = text + sp[j].start;
        size_t sn = sp[j].end - sp[j].start, i = 0;
        int kind;
        if (j == k || has_newline(text, sp[j - 1].end, sp[j].start)) {
            size_t b = 0;
            while (b < sn && mark_space((unsigned char)s[b]))
                b++;
            if (b < sn && mark_at(s, sn, b, &kind))
                return k; /* the news convention: the paragraph opens again */
        }
        if (!next_mark(s, sn, &i, &kind))
            continue;
        if (kind == Q_RDQ || kind == Q_RAQ || kind == Q_TICKS ||
            (kind == Q_STRAIGHT && paragraph_straight(text, sp[j].start + i, len) % 2))
            return j + 1;
        return k;
    }
    return k;
}

size_t readable_join(const lang *L, const char *text, precis_span *sp, size_t n,
                     uint8_t *broken)
{
    size_t out = 0, k = 0, len = n ? sp[n - 1].end : 0;
    int carry = 0; /* the paragraph before ended inside a quotation */
    while (k < n) {
        if (k == 0 || has_newline(text, sp[k - 1].end, sp[k].start)) {
            size_t e = quoted_paragraph_end(text, sp, n, k);
            if (e == k && carry)
                e = carried_quote_end(text, len, sp, n, k);
            carry = 0;
            for (; k < e; k++) {
                sp[out] = sp[k];
                broken[out++] = 1;
            }
            if (k >= n)
                break;
        }
        int open = 0, bad = 0;
        size_t j = k;
        for (;;) {
            if (marks_scan(text + sp[j].start, sp[j].end - sp[j].start, &open))
                bad = 1;
            if (!open)
                break;
            if (j + 1 >= n || j + 1 - k >= READABLE_JOIN_MAX ||
                has_newline(text, sp[j].end, sp[j + 1].start))
                break;
            j++;
        }
        /* a short attribution split off after a quotation ending in "?"
           or "!" ("Walsh asked.") belongs to it */
        if (!open && !bad && j + 1 < n && ends_with_quote(text + sp[j].start,
                                                           sp[j].end - sp[j].start) &&
            attribution_only(L, text + sp[j + 1].start, sp[j + 1].end - sp[j + 1].start))
            j++;
        carry = open && j + 1 < n && has_newline(text, sp[j].end, sp[j + 1].start);
        if (open) {
            /* never closed: each sentence alone, and none usable */
            for (size_t t = k; t <= j; t++) {
                sp[out] = sp[t];
                broken[out++] = 1;
            }
        } else {
            sp[out].start = sp[k].start;
            sp[out].end = sp[j].end;
            broken[out++] = (uint8_t)bad;
        }
        k = j + 1;
    }
    return out;
}

/* ---- openers ------------------------------------------------------------ */

/* Sentence openers that point at the sentence before are the language
   pack's references.txt: a word or phrase (words one space apart) matched
   at the start of a sentence before a non-letter, or with its comma when
   the entry ends in one; the longest that matches wins, the entry with
   its comma before the one without, and an "ok" entry ("il y a") is no
   reference.  Each candidate is one hash look-up
   of the folded prefix (lang_word_of). */
#define OPENER_WORDS 4

int readable_opener(const lang *L, const char *s, size_t n, size_t *drop)
{
    *drop = 0;
    size_t ends[OPENER_WORDS];
    size_t nw = 0;
    for (size_t i = 0; nw < OPENER_WORDS && i < n;) {
        size_t e = i;
        while (e < n && is_letter((unsigned char)s[e]))
            e++;
        if (e == i || e >= n)
            break; /* an entry is followed by something */
        ends[nw++] = e;
        if (s[e] != ' ')
            break;
        i = e + 1;
    }
    while (nw > 0) {
        size_t e = ends[--nw];
        const lang_word *w = NULL;
        if (s[e] == ',' && e + 1 < n)
            w = lang_word_of(L, s, e + 1);
        if (!w || !(w->tags & (LT_REFNEED | LT_REFDROP | LT_REFOK)))
            w = lang_word_of(L, s, e);
        if (!w || !(w->tags & (LT_REFNEED | LT_REFDROP | LT_REFOK)))
            continue;
        if (w->tags & LT_REFOK)
            return 0;
        size_t d = e;
        if (d < n && s[d] == ',')
            d++;
        while (d < n && (s[d] == ' ' || s[d] == '\n' || s[d] == '\t'))
            d++;
        *drop = d;
        return w->tags & LT_REFDROP ? READABLE_DROPPABLE : READABLE_NEEDS_PREV;
    }
    return 0;
}

/* The length of w[0..k) before an apostrophe, straight or curly: "we"
   of "We'll", "it" of "it’s". */
static size_t before_clitic(const char *w, size_t k)
{
    size_t i = 0;
    while (i < k && w[i] != '\'' &&
           !(i + 2 < k && (unsigned char)w[i] == 0xE2 && (unsigned char)w[i + 1] == 0x80 &&
             (unsigned char)w[i + 2] == 0x99))
        i++;
    return i;
}

/* Does the quotation s opens with begin with a connective ("But
   there's a one-in-three chance we could lose," Boehner said; "And he
   doesn't care.")?  It goes on from what came before it, and a quotation
   is never edited, so the sentence needs the one before.  In cased news
   a third person or a demonstrative opening it counts too ("This is just
   the most recent example of …", "That means that all families …",
   "They do have my blessing …", "It's insane": read by hand, 11 of 16
   such summary sentences left the reader asking what it was); lower-cased
   text keeps to connectives.  The first person is the speaker's and does
   not count. */
static int quote_continues(const lang *L, const char *s, size_t n, int cased)
{
    int kind;
    size_t m = n ? mark_at(s, n, 0, &kind) : 0;
    size_t drop;
    if (!m || kind == Q_RDQ || kind == Q_RAQ || m >= n)
        return 0;
    int k = readable_opener(L, s + m, n - m, &drop);
    if (k == READABLE_DROPPABLE)
        return 1;
    if (!cased || k != READABLE_NEEDS_PREV)
        return 0;
    /* "this", "that", "it", "they"; not "he" or "she", whom the speaker
       has usually just named ("He doesn't just talk about it," Arpaio
       said) */
    size_t e = m; /* "It" of "It's", "It’s" */
    while (e < n && is_letter((unsigned char)s[e]))
        e++;
    const lang_word *w = lang_word_of(L, s + m, before_clitic(s + m, e - m));
    return w && ((w->cls & LW_DEM) ||
                 ((w->cls & LW_PRON) && (w->tags & (LT_NEUT | LT_PL)) && !(w->tags & LT_FIRST)));
}

/* ---- quotes, speakers, edits -------------------------------------------- */

/* Words inside quotation marks, and the text outside them with the quoted
   bytes blanked into out[0..n). */
static uint32_t quoted_words(const char *s, size_t n, char *out)
{
    int open = 0, after_mark = 0;
    uint32_t w = 0;
    for (size_t i = 0; i < n;) {
        int k;
        size_t l = mark_at(s, n, i, &k);
        if (l) {
            mark_step(&open, k);
            memset(out + i, ' ', l);
            i += l;
            after_mark = 1;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        int sp = c == ' ' || c == '\n' || c == '\t';
        /* a word starts after white space or right after the opening mark */
        if (open && !sp && (i == 0 || after_mark || s[i - 1] == ' ' || s[i - 1] == '\n'))
            w++;
        after_mark = 0;
        out[i] = open ? ' ' : (char)c;
        i++;
    }
    return w;
}

/* Offset of w as a whole word in s[0..n) (case-sensitive), or n. */
static size_t find_word(const char *s, size_t n, const char *w, size_t k)
{
    for (size_t i = 0; k && i + k <= n; i++)
        if (!memcmp(s + i, w, k) && (i == 0 || !is_letter((unsigned char)s[i - 1])) &&
            (i + k == n || !is_letter((unsigned char)s[i + k])))
            return i;
    return n;
}


/* The words of out[0..n): start offsets and lengths (at most max). */
static size_t words_of(const char *s, size_t n, size_t *at, size_t *len, size_t max)
{
    size_t nw = 0;
    for (size_t i = 0; i < n && nw < max;) {
        while (i < n && !is_letter((unsigned char)s[i]))
            i++;
        size_t j = i;
        while (j < n && is_letter((unsigned char)s[j]))
            j++;
        if (j > i) {
            at[nw] = i;
            len[nw++] = j - i;
        }
        i = j;
    }
    return nw;
}

#define ATTR_WORDS 64

/* Is the sentence attributed with a verb that tells of words said after
   others ("Weiner replied, "…"", ""…," Santorum added", "Rep. Jim Jordan
   demurred.", "Trump agreed that …"; the pack's say.txt tag "after")?
   out[0..n) is its text with quotations blanked; quoted: it carries a
   quotation.  Not "agreed to participate" or "added another voice". */
static int answers(const lang *L, const char *out, size_t n, int quoted)
{
    size_t at[ATTR_WORDS], ln[ATTR_WORDS];
    size_t nw = words_of(out, n, at, ln, ATTR_WORDS);
    for (size_t i = 1; i < nw; i++) {
        const lang_word *w = lang_word_of(L, out + at[i], ln[i]);
        if (!w || !(w->cls & LW_SAY) || !(w->tags & LT_AFTER))
            continue;
        size_t e = at[i] + ln[i];
        while (e < n && out[e] == ' ')
            e++;
        if (quoted || e >= n || out[e] == ',' || out[e] == '.' || out[e] == ':' ||
            (i + 1 < nw && e == at[i + 1] && (lang_class(L, out + e, ln[i + 1]) & LW_DEM)))
            return 1;
    }
    return 0;
}

/* A pronoun subject of a speech verb outside the quotes ("he said", "said
   she"): its offset and length; 0 when none. */
static int pronoun_attribution(const lang *L, const char *out, size_t n, size_t *off,
                               size_t *len)
{
    size_t at[ATTR_WORDS], ln[ATTR_WORDS];
    size_t nw = words_of(out, n, at, ln, ATTR_WORDS);
    for (size_t i = 0; i < nw; i++) {
        if (!speech_verb(L, out + at[i], ln[i]))
            continue;
        size_t p = nw;
        if (i > 0 && subject_pronoun(L, out + at[i - 1], ln[i - 1]))
            p = i - 1;
        else if (i + 1 < nw && subject_pronoun(L, out + at[i + 1], ln[i + 1]))
            p = i + 1;
        if (p < nw) {
            *off = at[p];
            *len = ln[p];
            return 1;
        }
    }
    return 0;
}

static int is_cap(const char *w) { return w[0] >= 'A' && w[0] <= 'Z'; }

/* A short opening adverbial set off by a comma, then a reference that
   points at the sentence before ("Today , it finally got it .",
   "Officially, this wasn't correct.", "On Friday, he said ...",
   "According to the excerpts, she argued ..."): the reference dangles as
   it would opening the sentence. */
#define ADVERBIAL_WORDS 6
static int after_adverbial(const lang *L, const char *p, size_t n)
{
    /* an adverbial: one word ("Today", "Officially"), or a phrase opening
       with a preposition ("On Friday"), not a subject with an apposition
       ("The Marlow dam, also known as ...") */
    size_t w0 = 0;
    while (w0 < n && is_letter((unsigned char)p[w0]))
        w0++;
    int one = (w0 < n && p[w0] == ',') || (w0 + 1 < n && p[w0] == ' ' && p[w0 + 1] == ',');
    if (!one && !(lang_class(L, p, w0) & (LW_PREP | LW_ACC))) /* "According to the excerpts," */
        return 0;
    size_t words = 1, i = 0;
    for (; i < n && p[i] != ','; i++) {
        if (p[i] == ' ' && i + 1 < n && p[i + 1] != ',' && ++words > ADVERBIAL_WORDS)
            return 0;
        if (p[i] == '"' || (unsigned char)p[i] >= 0x80 || p[i] == '.')
            return 0; /* a quotation, a curly mark, an abbreviation */
    }
    if (i >= n)
        return 0;
    i++;
    while (i < n && p[i] == ' ')
        i++;
    size_t drop;
    return i < n && readable_opener(L, p + i, n - i, &drop) == READABLE_NEEDS_PREV;
}

/* A headline kept with the text ("DNC files lawsuit over election
   interference.", "Saints put Bush on I.R ."): the article's first
   sentence of text (only datelines and furniture before it), alone on
   its line, at most HEADLINE_WORDS words, and outside its quotations no
   article, demonstrative or pronoun -- headline English drops them,
   running text rarely can ("Forecasters expect another 30 millimetres of
   rain by Sunday." further down a text written a sentence a line is
   running text). */
#define HEADLINE_WORDS 9

static int alone_on_line(const char *t, size_t len, size_t start, size_t end)
{
    size_t b = start, e = end;
    while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '\t'))
        b--;
    while (e < len && (t[e] == ' ' || t[e] == '\t'))
        e++;
    return (b == 0 || t[b - 1] == '\n') && (e >= len || t[e] == '\n' || t[e] == '\r');
}

static int headline_like(const lang *L, const char *out, size_t n)
{
    size_t at[ATTR_WORDS], ln[ATTR_WORDS];
    size_t nw = words_of(out, n, at, ln, ATTR_WORDS);
    if (nw < 3)
        return 0;
    for (size_t i = 0; i < nw; i++) {
        if (lang_class(L, out + at[i], before_clitic(out + at[i], ln[i])) &
            (LW_DEF | LW_DEM | LW_PRON))
            return 0;
    }
    return 1;
}

/* A connective set off by commas after a short subject ("Akin, however,
   continued his refusal ...", "DeGeneres however , has a history ..."):
   it points at the sentence before as it would opening the sentence.
   A reference of the pack among words 2 to 4, followed by a comma. */
#define CONNECTIVE_AT 3
static int connective_after_subject(const lang *L, const char *p, size_t n)
{
    size_t at[CONNECTIVE_AT + 2], ln[CONNECTIVE_AT + 2];
    size_t nw = words_of(p, n, at, ln, CONNECTIVE_AT + 2);
    for (size_t i = 1; i < nw && i <= CONNECTIVE_AT; i++) {
        size_t drop, e = at[i] + ln[i];
        while (e < n && p[e] == ' ')
            e++;
        if (e < n && p[e] == ',' && readable_opener(L, p + at[i], n - at[i], &drop))
            return 1;
    }
    return 0;
}

/* Reported speech closed by a pronoun attribution and no quotation
   ("Catherine Gomes lived in that apartment , he said ."): the pronoun
   points at a speaker the sentence does not name. */
static int trailing_pronoun_said(const lang *L, const char *out, size_t n)
{
    size_t at[ATTR_WORDS], ln[ATTR_WORDS];
    size_t nw = words_of(out, n, at, ln, ATTR_WORDS);
    for (size_t i = nw > 5 ? nw - 3 : 2; i < nw; i++) { /* a tail of three words */
        if (!speech_verb(L, out + at[i], ln[i]) ||
            !subject_pronoun(L, out + at[i - 1], ln[i - 1]))
            continue;
        size_t b = at[i - 1];
        while (b > 0 && out[b - 1] == ' ')
            b--;
        if (b > 0 && out[b - 1] == ',')
            return 1;
    }
    return 0;
}

/* Does the text outside the quotations, out[0..n), speak in the first
   person ("I do n't think any charges will be filed ...", "My daughter
   has been shot.") or to the reader ("... your comment is more than an
   embarrassment.", the pack's "second" words)?  In a news summary such a
   sentence reads as the summary's own voice: a quotation whose marks the
   source split off (one sentence a line) or an opinion writer's aside.
   "I" counts written alone and not as an initial ("I."), the others in
   lower case ("US" is no pronoun). */
static int first_person(const lang *L, const char *out, size_t n)
{
    size_t at[ATTR_WORDS], ln[ATTR_WORDS];
    size_t nw = words_of(out, n, at, ln, ATTR_WORDS);
    for (size_t i = 0; i < nw; i++) {
        const char *w = out + at[i];
        size_t e = at[i] + ln[i];
        int ok = ln[i] == 1 ? w[0] == 'I' && !(e < n && out[e] == '.')
                            : (i == 0 || (w[0] >= 'a' && w[0] <= 'z')) && !is_cap(w + 1);
        if (!ok || (at[i] > 0 && out[at[i] - 1] == '\''))
            continue; /* "US", "I.", "Rock 'n' roll" */
        const lang_word *x = lang_word_of(L, w, before_clitic(w, ln[i])); /* "We'll" */
        if (x && (((x->cls & LW_PRON) && (x->tags & LT_FIRST)) || (x->tags & LT_SECOND)))
            return 1;
    }
    return 0;
}

/* Does the text outside the quotes give the speaker more than a pronoun:
   the subject of a speech verb ("Lavrov said", "a police spokesman said",
   "said the minister"), found by skipping adverbs back from the verb?  A
   pronoun ("he said") or no speech verb at all is no speaker. */
static int is_adverb(const lang *L, const char *w, size_t k)
{
    /* the pack's words between a subject and its verb (adverbs.txt), or a
       word with a common-word ending ("-ly") */
    return (lang_class(L, w, k) & LW_ADV) || mention_common_ending(L, w, 0, k) == 1;
}

/* A word no phrase naming a speaker ends in (function.txt tag nosubj:
   "he said", "and said")? */
static int no_subject(const lang *L, const char *w, size_t k)
{
    const lang_word *e = lang_word_of(L, w, k);
    return e && (e->tags & LT_NOSUBJ);
}

/* The language's definite article ("the": a determiner not tagged indef)? */
static int definite(const lang *L, const char *w, size_t k)
{
    const lang_word *e = lang_word_of(L, w, k);
    return e && (e->cls & LW_DEF) && !(e->tags & LT_INDEF);
}

static int names_someone(const lang *L, const char *out, size_t n)
{
    size_t at[ATTR_WORDS], ln[ATTR_WORDS];
    size_t nw = words_of(out, n, at, ln, ATTR_WORDS);
    for (size_t i = 0; i < nw; i++) {
        if (!speech_verb(L, out + at[i], ln[i]))
            continue;
        size_t j = i;
        while (j > 0 && is_adverb(L, out + at[j - 1], ln[j - 1]))
            j--;
        /* "The agency added," / "The statement said,": a thing the
           reader has not met, the whole subject, names no one (not "A
           spokesman for the city said") */
        if (j == 2 && out[at[1]] >= 'a' && out[at[1]] <= 'z' && definite(L, out + at[0], ln[0]))
            return 0;
        if (j > 0)
            return !no_subject(L, out + at[j - 1], ln[j - 1]);
        /* "said the minister", "said Lavrov" */
        if (i + 1 < nw && !no_subject(L, out + at[i + 1], ln[i + 1]) &&
            out[at[i]] != 't') /* "told reporters" names no speaker */
            return 1;
    }
    return 0;
}

/* Does out[0..n) name the speaker: any capitalised word of two letters
   or more of the name ("Kim" for Kim Jong Un, "Lavrov" for Sergey
   Lavrov)? */
static int names_speaker(const char *out, size_t n, const char *sp)
{
    for (const char *w = sp; *w;) {
        while (*w == ' ')
            w++;
        const char *e = w;
        while (*e && *e != ' ')
            e++;
        size_t k = (size_t)(e - w);
        if (k >= 2 && w[0] >= 'A' && w[0] <= 'Z' && w[k - 1] != '.' &&
            find_word(out, n, w, k) < n)
            return 1;
        w = e;
    }
    return 0;
}

/* The sentence of article ar that contains byte pos, or SIZE_MAX. */
static size_t sentence_at(const model *m, size_t ar, size_t pos)
{
    size_t lo = m->first[ar], hi = lo + m->count[ar];
    while (lo < hi) { /* first sentence whose end is past pos */
        size_t mid = lo + (hi - lo) / 2;
        if (m->s[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m->first[ar] + m->count[ar] ? lo : SIZE_MAX;
}

/* Links quote q to the sentence of article ar that carries it: the quote's
   own span in its first article, else its opening words found in ar. */
static void link_quote(model *m, const precis_cluster *c, const precis_quote *q, size_t ar)
{
    size_t len, pos;
    const char *text = precis_cluster_article_text(c, ar, &len);
    if (ar == q->article) {
        pos = q->start;
    } else {
        size_t k = strlen(q->text);
        if (k > 40) {
            k = 40;
            while (k > 16 && q->text[k] != ' ')
                k--;
        }
        if (k < 12)
            return;
        const char *hit = NULL;
        for (size_t i = 0; !hit && i + k <= len; i++)
            if (text[i] == q->text[0] && !memcmp(text + i, q->text, k))
                hit = text + i;
        if (!hit)
            return;
        pos = (size_t)(hit - text);
    }
    size_t si = sentence_at(m, ar, pos);
    if (si == SIZE_MAX || m->s[si].start > pos + 8)
        return;
    msent *s = &m->s[si];
    if (!s->qvar) {
        s->qvar = (uint32_t)q->variant + 1;
        s->speaker = q->speaker;
    } else if (!s->speaker && q->speaker) {
        s->speaker = q->speaker;
    }
}

static uint32_t count_words(const char *s)
{
    uint32_t w = 0;
    for (size_t i = 0; s[i]; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
            w++;
    return w;
}

/* Where ", X said." can replace the end of a sentence that is one whole
   quotation: the offset of its final stop before the closing mark. */
static int append_point(const char *s, const char *out, size_t n, size_t *off)
{
    size_t e = n;
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\n'))
        e--;
    for (size_t i = 0; i < e; i++)
        if (out[i] != ' ' && out[i] != '\n')
            return 0; /* words outside the quotation */
    /* the closing mark is the last 1-3 bytes; the stop right before */
    size_t k = e;
    while (k > 0 && ((unsigned char)s[k - 1] >= 0x80 || s[k - 1] == '"' || s[k - 1] == '\''))
        k--;
    if (k == 0 || k == e || e - k > 3)
        return 0;
    if (s[k - 1] != '.' && s[k - 1] != '!' && s[k - 1] != '?')
        return 0;
    *off = k - 1;
    return 1;
}

/* ---- one statement once: who did what ----------------------------------- */

/* Wordings of one report that share no quotation and few words ("Lavrov
   called for the expulsion of 31 employees ...", "Sergei Lavrov told
   reporters he had proposed the expulsions ...", "Vladimir Putin's foreign
   minister urged the Russian leader to expel 35 U.S. diplomats ...") are
   told apart from new reports by who acts in them: a sentence's actor is
   the name it opens with (after a dateline, an introductory phrase ending
   in a comma, a title), or the person a role it opens with stands for in
   this cluster ("foreign minister" when the cluster writes "Foreign
   Minister Sergei Lavrov"; "the Russian president", "Putin's foreign
   minister").  What a sentence says of its actor is its content stems
   outside quotes and the actor's name, with the other people it names or
   means by a role.  select.c takes a second sentence of one actor only
   when it shares fewer than two of these with the first: "Putin said
   Russia won't expel American diplomats" and "Putin went on to add that
   he would be inviting ..." are two reports; "As well as rejecting
   Lavrov's plan, Putin also said he saw the sanctions as ..." after
   "Putin said Russia won't expel American diplomats in response to new
   U.S. sanctions, against the advice of his foreign minister" is not.
   A capitalised word opening a sentence is a name only when the cluster
   never writes it in lower case ("Members of the caravan ..." names no
   one), so lower-cased text (Multi-News) has no actors at all. */
#define ROLE_MAX 64

typedef struct role {
    uint32_t role, who; /* who: 0 when two people hold the role */
} role;

#define LOWER_BITS (1u << 16)
typedef struct roles {
    role r[ROLE_MAX];
    size_t n;
    uint8_t lower[LOWER_BITS / 8]; /* words the cluster writes lower-case
                                      (a hash bit each): "Members" opening
                                      a sentence names no one */
} roles;

static uint32_t hash_add(uint32_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32 : c)) * 16777619u;
    }
    return h;
}

/* A word without its possessive ending ('s, ’s): its length. */
static size_t unpossessed(const char *w, size_t k, int *poss)
{
    *poss = 0;
    if (k > 2 && w[k - 1] == 's' && w[k - 2] == '\'') {
        *poss = 1;
        return k - 2;
    }
    if (k > 4 && w[k - 1] == 's' && !memcmp(w + k - 4, "\xE2\x80\x99", 3)) {
        *poss = 1;
        return k - 4;
    }
    return k;
}

static uint32_t name_hash(const char *w, size_t k)
{
    int poss;
    uint32_t h = hash_add(2166136261u, w, unpossessed(w, k, &poss));
    return h ? h : 1;
}

static uint32_t role_hash(const char *a, size_t an, const char *b, size_t bn)
{
    uint32_t h = hash_add(hash_add(2166136261u, a, an), " ", 1);
    int poss;
    h = hash_add(h, b, unpossessed(b, bn, &poss));
    return h ? h : 1;
}


/* Only blanks between words i-1 and i (no comma, no dash). */
static int adjacent(const char *s, const size_t *at, const size_t *ln, size_t i)
{
    for (size_t b = at[i - 1] + ln[i - 1]; b < at[i]; b++)
        if (s[b] != ' ')
            return 0;
    return 1;
}

/* A sentence opening with a definite description of a thing ("The
   backlash built quickly ...", "The savings, Smith said, ...", "In the
   note, Steele asked ...") points at something its article told before,
   which a summary must have told too.  Returns the number of the
   description's content words (at most DEF_WORDS; they are the
   sentence's first content terms, which select.c looks for in the
   summary), 0 when the sentence opens otherwise: with a name ("The White
   House"), a role ("The president said"), a body ("The police"), a time
   ("The morning"), a reference readable_opener knows ("The same"), or in
   lower-cased text, where "the" opening a sentence cannot be told from
   "the" inside one. */
#define DEF_WORDS 2
static uint32_t definite_opener(const lang *L, const char *p, size_t n)
{
    size_t at[DEF_WORDS + 3], ln[DEF_WORDS + 3];
    size_t nw = words_of(p, n, at, ln, DEF_WORDS + 3);
    if (nw < 3 || at[0] != 0 || !is_cap(p))
        return 0;
    size_t i = 0;
    const lang_word *w = lang_word_of(L, p, ln[0]);
    if (w && (w->cls & LW_PREP) && !(w->cls & LW_DEF)) { /* "In the note" */
        if (!adjacent(p, at, ln, 1))
            return 0;
        i = 1;
        w = lang_word_of(L, p + at[1], ln[1]);
    }
    if (!w || !(w->cls & LW_DEF) || (w->tags & LT_INDEF) || (w->tags & LT_REFNEED))
        return 0;
    uint32_t k = 0;
    for (size_t j = i + 1; j < nw && k < DEF_WORDS; j++) {
        const char *t = p + at[j];
        if (!(t[0] >= 'a' && t[0] <= 'z') || !adjacent(p, at, ln, j))
            break;
        uint32_t c = lang_class(L, t, ln[j]);
        if (c & (LW_FUNC | LW_STOP | LW_DEF | LW_PREP | LW_PRON | LW_DEM | LW_SAY | LW_ADV))
            break;
        /* (a month only capitalised: "the march" is a walk) */
        if (k == 0 && (c & (LW_TITLE | LW_TIME | LW_WDAY | LW_NUMW | LW_PLURAL |
                            LW_ORG | LW_PLACE)))
            return 0;
        k++;
        /* identified where it stands: "The port of Keld", "The striker
           Cristiano Ronaldo" */
        if (j + 1 < nw && adjacent(p, at, ln, j + 1) &&
            (is_cap(p + at[j + 1]) ||
             (j + 2 < nw && (lang_class(L, p + at[j + 1], ln[j + 1]) & LW_PREP) &&
              adjacent(p, at, ln, j + 2) && is_cap(p + at[j + 2]))))
            return 0;
    }
    return k;
}

/* The byte offsets of s's content words in p[0..n), the text the model
   made s->term of: the k-th is s->term[k]. */
typedef struct term_starts {
    size_t *at;
    uint32_t n, cap;
} term_starts;

static int term_start(void *ud, uint32_t stem, int stop, size_t start, size_t end)
{
    (void)stem;
    (void)end;
    term_starts *t = ud;
    if (stop)
        return 0;
    if (t->n == t->cap)
        return 1; /* more than the model counted: another text */
    t->at[t->n++] = start;
    return 0;
}

/* Does one of the TOLD_BACK sentences of s's article before s (sentence
   si) hold term t?  The window keeps the cost per description bounded
   in an article of any length. */
#define TOLD_BACK 200
static int told_before(const model *m, const msent *s, size_t si, uint32_t t)
{
    size_t j = m->first[s->art];
    if (si - j > TOLD_BACK)
        j = si - TOLD_BACK;
    for (; j < si; j++)
        if (msent_holds(&m->s[j], t))
            return 1;
    return 0;
}

/* Definite descriptions inside a sentence that point back at something
   its article told before: "Rep. Bruce Braley apologized for the remarks
   ...", "Republican officials dismissed that criticism.", "... the
   group's executive director".  A reader of the summary has met the
   remarks only if the summary told of them too (the given / new
   distinction: a definite noun phrase whose referent the text evoked
   before is discourse-old, Prince 1992, "The ZPG letter: subjects,
   definiteness, and information-status").  A description counts when
   one of its words (at most DEF_WORDS) is in a sentence before it in its
   article and none is earlier in the sentence; not a name, a role, a
   body, a place or a time, nor one identified where it stands ("the port
   of Keld", "the man who ...").  "that" counts only before a noun that
   ends a clause ("dismissed that criticism."), not as "said that
   officials ...".  Appends each description's words to s->dterm.
   Returns 0, or -1 when out of memory. */
#define MID_WORDS 128
/* The byte offsets of a sentence's content terms in its text (term_start
   for each term of s->term), made once per sentence for the steps that
   read them: state 0 not made yet, 1 made, 2 the text does not give the
   model's terms (or more than MID_WORDS). */
typedef struct sent_terms {
    size_t at[MID_WORDS];
    int state;
} sent_terms;

/* st->at for s (text p[0..n)): 1 when it holds s's term offsets, 0 when
   it cannot, -1 when out of memory. */
static int terms_at(norm *nm, const msent *s, const char *p, size_t n, sent_terms *st)
{
    if (!st->state) {
        term_starts ts = {st->at, 0, s->nterm};
        int r = s->nterm == 0 || s->nterm > MID_WORDS ? 1 : norm_tokens(nm, p, n, term_start, &ts);
        if (r < 0)
            return -1;
        st->state = r || ts.n != s->nterm ? 2 : 1;
    }
    return st->state == 1;
}

static int definite_mentions(const lang *L, norm *nm, const model *m, msent *s, size_t si,
                             const char *p, size_t n, arena *a, sent_terms *st)
{
    size_t at[MID_WORDS], ln[MID_WORDS];
    if (s->nterm == 0 || s->nterm > MID_WORDS || s->ndef >= MSENT_DEF)
        return 0;
    const size_t *tat = st->at;
    size_t nw = words_of(p, n, at, ln, MID_WORDS);
    for (size_t j = 2; j + 1 < nw && s->ndef < MSENT_DEF; j++) {
        const lang_word *d = lang_word_of(L, p + at[j], ln[j]);
        if (!d || is_cap(p + at[j]) || (d->tags & LT_INDEF) || !(d->cls & (LW_DEF | LW_DEM)) ||
            (d->cls & LW_PRON))
            continue;
        int r = terms_at(nm, s, p, n, st); /* once a determiner is met */
        if (r <= 0)
            return r;
        int dem = (d->cls & LW_DEM) != 0;
        uint32_t word[DEF_WORDS];
        size_t nword = 0, h = j + 1;
        for (; h < nw && nword < DEF_WORDS + 1 && adjacent(p, at, ln, h); h++) {
            const char *t = p + at[h];
            if (!(t[0] >= 'a' && t[0] <= 'z'))
                break;
            int poss;
            const lang_word *e = lang_word_of(L, t, unpossessed(t, ln[h], &poss));
            uint32_t c = e ? e->cls : 0;
            /* "the group's executive director": a body many share, as the
               possessor, points back at the one its article named */
            int body = poss && !nword && (c & LW_ORG) && (e->tags & LT_GENERIC);
            if (body)
                c &= ~(uint32_t)LW_ORG;
            /* a verb of saying ends it, but not right after the
               determiner: "the remarks" */
            if (c & (LW_FUNC | LW_STOP | LW_DEF | LW_PREP | LW_PRON | LW_DEM | LW_ADV) ||
                ((c & LW_SAY) && nword))
                break;
            if (c & (LW_TITLE | LW_TIME | LW_WDAY | LW_NUMW | LW_PLURAL | LW_ORG |
                     LW_PLACE) ||
                (dem && (lang_finite(e) || (at[h] + ln[h] < n && p[at[h] + ln[h]] == '\'')))) {
                nword = DEF_WORDS + 1; /* "the president", "this wasn't" */
                break;
            }
            size_t k = 0;
            while (k < s->nterm && tat[k] != at[h])
                k++;
            if (k == s->nterm || nword == DEF_WORDS) {
                nword = DEF_WORDS + 1; /* not a term, or a longer phrase */
                break;
            }
            for (size_t q = 0; q < k && nword <= DEF_WORDS; q++)
                if (s->term[q] == s->term[k])
                    nword = DEF_WORDS + 1; /* told in the sentence itself */
            if (nword > DEF_WORDS)
                break;
            word[nword++] = s->term[k];
            if (body) {
                h++; /* the possessor is the description */
                break;
            }
        }
        if (nword == 0 || nword > DEF_WORDS)
            continue;
        /* identified where it stands: a name, "of Keld", "who ..." */
        if (h < nw) {
            const lang_word *e = lang_word_of(L, p + at[h], ln[h]);
            if ((adjacent(p, at, ln, h) && is_cap(p + at[h])) || (e && (e->tags & LT_REL)) ||
                (e && (e->cls & LW_PREP) && h + 1 < nw && is_cap(p + at[h + 1])))
                continue;
        }
        /* "that" before a noun ending a clause only */
        if (dem && (d->tags & LT_NOSUBJ)) {
            size_t end = at[h - 1] + ln[h - 1];
            if (end < n && !strchr(".,;:!?", p[end]))
                continue;
        }
        int old = 0;
        for (size_t q = 0; q < nword && !old; q++)
            old = told_before(m, s, si, word[q]);
        if (!old)
            continue;
        if (s->dterm == s->term) {
            uint32_t *v = arena_alloc(a, MSENT_DEF * sizeof *v);
            if (!v)
                return -1;
            memcpy(v, s->term, s->ndef * sizeof *v);
            s->dterm = v;
        }
        s->dstart |= (uint8_t)(1u << s->ndef);
        for (size_t q = 0; q < nword && s->ndef < MSENT_DEF; q++)
            s->dterm[s->ndef++] = word[q];
        j = h - 1;
    }
    return 0;
}

/* The terms of s's one quoted fragment (p[0..n) its text, out the same
   with quotations blanked): s->qf0, s->qfn, when they are two or more and
   one run.  0, or -1 when out of memory. */
#define QUOTE_FRAGMENT_WORDS 4
static int quoted_fragment(norm *nm, msent *s, const char *p, size_t n, const char *out,
                           sent_terms *st)
{
    int r = terms_at(nm, s, p, n, st);
    if (r <= 0)
        return r;
    const size_t *tat = st->at;
    size_t f0 = s->nterm, fn = 0;
    for (size_t k = 0; k < s->nterm; k++) {
        int in = out[tat[k]] == ' ' && p[tat[k]] != ' ';
        if (in && f0 == s->nterm)
            f0 = k;
        if (in && f0 + fn != k)
            return 0; /* two quoted runs */
        fn += in;
    }
    if (fn >= 2 && fn <= QUOTE_FRAGMENT_WORDS && f0 <= UINT8_MAX) {
        s->qf0 = (uint8_t)f0;
        s->qfn = (uint8_t)fn;
    }
    return 0;
}

/* Words i-1 and i are one name: only blanks between them, or the period
   of an abbreviated title ("Mr. Steele", "Sen. Reid"). */
static int name_joined(const lang *L, const char *s, const size_t *at, const size_t *ln, size_t i)
{
    size_t b = at[i - 1] + ln[i - 1];
    if (b < at[i] && s[b] == '.' && (lang_class(L, s + at[i - 1], ln[i - 1]) & LW_TITLE))
        b++;
    for (; b < at[i]; b++)
        if (s[b] != ' ')
            return 0;
    return 1;
}

/* Learns the roles of sentence s[0..n): "Foreign Minister Sergei Lavrov"
   makes "foreign minister" Lavrov. */
static void roles_learn(roles *R, const lang *L, const char *s, size_t n)
{
    size_t at[ATTR_WORDS], ln[ATTR_WORDS];
    size_t nw = words_of(s, n, at, ln, ATTR_WORDS);
    for (size_t i = 1; i < nw; i++)
        if (s[at[i]] >= 'a' && s[at[i]] <= 'z') {
            uint32_t h = name_hash(s + at[i], ln[i]) & (LOWER_BITS - 1);
            R->lower[h / 8] |= (uint8_t)(1u << (h % 8));
        }
    for (size_t i = 1; i + 1 < nw; i++) {
        const char *t = s + at[i], *w = s + at[i - 1];
        if (!is_cap(t) || !is_cap(w) || !is_cap(s + at[i + 1]) ||
            !(lang_class(L, t, ln[i]) & LW_TITLE) ||
            (lang_class(L, w, ln[i - 1]) & (LW_DEF | LW_FUNC | LW_PREP)) ||
            (lang_class(L, s + at[i + 1], ln[i + 1]) & LW_TITLE) || !adjacent(s, at, ln, i) ||
            !adjacent(s, at, ln, i + 1))
            continue;
        size_t e = i + 1;
        while (e + 1 < nw && is_cap(s + at[e + 1]) && adjacent(s, at, ln, e + 1))
            e++;
        uint32_t key = role_hash(w, ln[i - 1], t, ln[i]), who = name_hash(s + at[e], ln[e]);
        size_t k = 0;
        while (k < R->n && R->r[k].role != key)
            k++;
        if (k < R->n) {
            if (R->r[k].who != who)
                R->r[k].who = 0;
        } else if (R->n < ROLE_MAX) {
            R->r[R->n++] = (role){key, who};
        }
    }
}

static uint32_t roles_who(const roles *R, uint32_t key)
{
    for (size_t k = 0; k < R->n; k++)
        if (R->r[k].role == key)
            return R->r[k].who;
    return 0;
}

/* The actor of a sentence whose text outside quotes is out[0..n): its
   hash, and the byte span of the words naming it in *as / *ae. */
static uint32_t actor_of(const roles *R, const lang *L, const char *out, size_t n, size_t *as,
                         size_t *ae)
{
    size_t at[ATTR_WORDS], ln[ATTR_WORDS];
    size_t nw = words_of(out, n, at, ln, ATTR_WORDS);
    size_t i = 0;
    *as = *ae = 0;
    if (nw < 3)
        return 0;
    /* a dateline: "MOSCOW — " */
    if ((unsigned char)out[at[1]] == 0xE2 && ln[0] > 1 && is_cap(out + at[0]) &&
        out[at[0] + 1] >= 'A' && out[at[0] + 1] <= 'Z')
        i = 2;
    /* an introductory phrase: "In a further mark of ..., the Russian
       president", "As well as rejecting Lavrov's plan, Putin" */
    uint32_t c0 = lang_class(L, out + at[i], ln[i]);
    if ((c0 & (LW_PREP | LW_FUNC | LW_ADV)) && !(c0 & (LW_DEF | LW_TITLE))) {
        size_t j = i;
        while (j + 1 < nw && j < i + 16 && !memchr(out + at[j] + ln[j], ',', at[j + 1] - at[j] - ln[j]))
            j++;
        if (j + 1 >= nw || j >= i + 16)
            return 0;
        i = j + 1;
    }
    while (i < nw && (lang_class(L, out + at[i], ln[i]) & LW_DEF))
        i++;
    if (i + 1 >= nw)
        return 0;
    size_t r = i; /* the role's first word, if a role it is */
    if (is_cap(out + at[i])) {
        size_t e = i;
        while (e + 1 < nw && is_cap(out + at[e + 1]) && name_joined(L, out, at, ln, e + 1))
            e++;
        int poss;
        unpossessed(out + at[e], ln[e], &poss);
        size_t name = e + 1; /* the last word of the name */
        for (size_t k = i; k <= e; k++)
            if (!(lang_class(L, out + at[k], ln[k]) & (LW_TITLE | LW_DESCR)))
                name = k;
        if (poss) {
            r = e + 1; /* "Putin's foreign minister" */
        } else if (name <= e &&
                   !(e + 1 < nw && (lang_class(L, out + at[e + 1], ln[e + 1]) & LW_TITLE))) {
            uint32_t h = name_hash(out + at[name], ln[name]);
            uint32_t b = h & (LOWER_BITS - 1);
            if (e == i && (R->lower[b / 8] >> (b % 8) & 1))
                return 0; /* a common noun with its capital */
            *as = at[i];
            *ae = at[e] + ln[e];
            return h;
        } else {
            r = e; /* "Russian president" */
        }
    } else if (lang_class(L, out + at[i], ln[i]) & LW_PRON) {
        r = i + 1; /* "his foreign minister" */
    } else {
        /* "the foreign minister", "the prime minister's interior
           minister"; "The move" is no one */
        int poss;
        unpossessed(out + at[i + 1], ln[i + 1], &poss);
        if (poss && adjacent(out, at, ln, i + 1))
            r = i + 2;
    }
    if (r + 1 >= nw || !adjacent(out, at, ln, r + 1))
        return 0;
    uint32_t who = roles_who(R, role_hash(out + at[r], ln[r], out + at[r + 1], ln[r + 1]));
    if (who) {
        *as = at[i];
        *ae = at[r + 1] + ln[r + 1];
    }
    return who;
}

/* what[] holds stem ids, and names and roles as name_hash | WHAT_NAME */
#define WHAT_NAME 0x80000000u
#define WHAT_ROLES 8

typedef struct what_ctx {
    const lang *L;
    const char *out;
    size_t as, ae;
    uint32_t *v;
    size_t n, cap;
} what_ctx;

static int what_token(void *ud, uint32_t stem, int stop, size_t start, size_t end)
{
    what_ctx *w = ud;
    if (stop || (start < w->ae && end > w->as) || w->n == w->cap)
        return 0;
    if (lang_class(w->L, w->out + start, end - start) &
        (LW_SAY | LW_WDAY | LW_MONTH | LW_TITLE | LW_ADV | LW_PRON | LW_DEM | LW_FUNC))
        return 0;
    /* a name mid-sentence stands for its person, as a role does */
    if (start > 0 && is_cap(w->out + start))
        stem = name_hash(w->out + start, end - start) | WHAT_NAME;
    w->v[w->n++] = stem;
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Sets s->actor and s->what from out[0..n), s's text with its quotations
   blanked.  0, or -1 when out of memory. */
static int statement_of(msent *s, const roles *R, norm *nm, const char *out, size_t n, arena *a)
{
    const lang *L = norm_lang(nm);
    size_t as, ae;
    s->actor = actor_of(R, L, out, n, &as, &ae);
    if (!s->actor)
        return 0;
    what_ctx w = {L, out, as, ae, NULL, 0, s->nterm};
    w.v = arena_alloc(a, pmul(w.cap + WHAT_ROLES, sizeof *w.v));
    if (!w.v)
        return -1;
    if (norm_tokens(nm, out, n, what_token, &w) < 0)
        return -1;
    /* "his foreign minister": the person the role stands for */
    size_t at[ATTR_WORDS], ln[ATTR_WORDS], roles_seen = 0;
    size_t nw = words_of(out, n, at, ln, ATTR_WORDS);
    for (size_t i = 0; i + 1 < nw && roles_seen < WHAT_ROLES; i++) {
        if (at[i] < ae && at[i] + ln[i] > as)
            continue;
        uint32_t who = roles_who(R, role_hash(out + at[i], ln[i], out + at[i + 1], ln[i + 1]));
        if (who && adjacent(out, at, ln, i + 1)) {
            w.v[w.n++] = who | WHAT_NAME;
            roles_seen++;
        }
    }
    qsort(w.v, w.n, sizeof *w.v, cmp_u32);
    size_t u = 0;
    for (size_t i = 0; i < w.n; i++)
        if (!u || w.v[u - 1] != w.v[i])
            w.v[u++] = w.v[i];
    s->what = w.v;
    s->nwhat = (uint32_t)u;
    return 0;
}

/* ---- verbless sentences ------------------------------------------------- */

/* A sentence with no finite verb is noun phrases and prepositions: a
   photo caption kept with the text ("Members of the migrant caravan at
   the border wall in Tijuana on Sunday."), a heading, a dateline, a
   fragment left by a split inside a number ("0 on the Richter scale.").
   It is never taken.  A word is a finite verb when the pack lists it
   (verbs.txt: auxiliaries, modals, irregular pasts; say.txt, but not its
   "-ing" forms), a subject pronoun opens a clause, a word in -ed is taken
   for a past, a word in -s after one that can end a noun phrase for a
   present ("the president speaks"), and a word after a plural for a
   present ("migrants wait"); a capitalised word (a name) is none of
   these.  1 for a verb, 0 for none. */
#define VERB_LOWER_WORDS 16
#define VERB_NP (LW_DEF | LW_PREP | LW_DEM | LW_NUMW | LW_FUNC | LW_MONTH | LW_WDAY)

static int ends_with(const char *w, size_t k, const char *e)
{
    size_t l = strlen(e);
    return k >= l && !memcmp(w + k - l, e, l);
}

/* Does the pack list finite verbs (verbs.txt)?  Without, the rule is off. */
static int pack_has_verbs(const lang *L)
{
    const lang_pack *pk = lang_get_pack(L);
    for (size_t i = 0; pk && i < pk->n; i++)
        if (lang_finite(&pk->w[i]))
            return 1;
    return 0;
}

/* Is the cluster's text cased as written?  Words after a sentence's
   first are capitalised for names, a tenth of them or more in news;
   Multi-News's lower-cased text has under 3 % (the capitals it keeps
   follow abbreviations it took for a sentence's end: "Mr. Obama"). */
#define CASED_SHARE 0.03
static int cluster_cased(const model *m, const precis_cluster *c)
{
    size_t words = 0, caps = 0;
    for (size_t i = 0; i < m->ns; i++) {
        const char *t = precis_cluster_article_text(c, m->s[i].art, NULL) + m->s[i].start;
        size_t at[ATTR_WORDS], ln[ATTR_WORDS];
        size_t nw = words_of(t, m->s[i].end - m->s[i].start, at, ln, ATTR_WORDS);
        for (size_t k = 1; k < nw; k++)
            caps += is_cap(t + at[k]);
        words += nw ? nw - 1 : 0;
    }
    return words && (double)caps >= CASED_SHARE * (double)words;
}

/* Does the sentence at t + start open its line after a dateline the
   split left out ("WASHINGTON — President Trump signaled ...", "TEL AVIV
   (Reuters) - Israel presented ...")?  What stands above a dateline on a
   scraped page is a deck, a caption or a teaser, not the story. */
#define DATELINE_BYTES 48
#define READABLE_ALONE_WORDS 10 /* fewer words past the lead: only after the sentence before */
#define READABLE_DECK_MAX 3 /* sentences above a dateline that are page, not story */
static int after_dateline(const char *t, size_t start)
{
    size_t b = start;
    while (b > 0 && t[b - 1] != '\n')
        b--;
    size_t e = start;
    while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\t'))
        e--;
    if (e == b || e - b > DATELINE_BYTES || !(t[b] >= 'A' && t[b] <= 'Z'))
        return 0;
    const unsigned char *u = (const unsigned char *)t;
    int dash = t[e - 1] == '-' || t[e - 1] == ':' ||
               (e - b >= 3 && u[e - 3] == 0xE2 && u[e - 2] == 0x80 &&
                (u[e - 1] == 0x94 || u[e - 1] == 0x93));
    size_t caps = 0; /* a place in capitals, or an agency's credit */
    for (size_t i = b; i < e && t[i] >= 'A' && t[i] <= 'Z'; i++)
        caps++;
    return dash && (caps >= 2 || memchr(t + b, '(', e - b) != NULL);
}

static int finite_verb(const lang *L, const char *s, size_t n)
{
    size_t at[ATTR_WORDS], ln[ATTR_WORDS];
    size_t nw = words_of(s, n, at, ln, ATTR_WORDS);
    if (nw == ATTR_WORDS)
        return 1; /* a long sentence: not a caption */
    /* in lower-cased text names look like common words ("tijuana", "trump
       says"), and a long sentence is not judged */
    int any_cap = 0;
    for (size_t i = 1; i < nw && !any_cap; i++) /* after the first word */
        any_cap = is_cap(s + at[i]);
    if (!any_cap && nw >= VERB_LOWER_WORDS)
        return 1;
    for (size_t i = 0; i < nw; i++) {
        const char *w = s + at[i];
        size_t k = ln[i];
        const lang_word *e = lang_word_of(L, w, k);
        uint32_t cls = e ? e->cls : 0;
        uint64_t tags = e ? e->tags : 0;
        if (lang_finite(e))
            return 1;
        if (((cls & LW_SAY) && !ends_with(w, k, "ing")) ||
            ((cls & LW_PRON) && (tags & LT_SUBJ)))
            return 1;
        if (is_cap(w) || (w[0] >= '0' && w[0] <= '9'))
            continue;
        if (k >= 4 && ends_with(w, k, "ed"))
            return 1;
        if (i == 0)
            continue;
        const char *pw = s + at[i - 1];
        size_t pk = ln[i - 1];
        uint32_t pcls = lang_class(L, pw, pk);
        int pposs;
        unpossessed(pw, pk, &pposs);
        if (!(pcls & (VERB_NP | LW_PRON)) && !(pw[0] >= '0' && pw[0] <= '9') && k >= 3 &&
            w[k - 1] == 's' && !ends_with(w, k, "ss") && !ends_with(w, k, "us") && !pposs &&
            !ends_with(w, k, "'s") && !(cls & VERB_NP))
            return 1;
        /* "the workers strike", not "his wife" or "this week" */
        if ((ends_with(pw, pk, "s") || (pcls & LW_PLURAL)) && !pposs && !(cls & VERB_NP) &&
            !(pcls & (LW_PRON | LW_DEM | LW_DEF | LW_FUNC)) && !ends_with(w, k, "ing") &&
            !ends_with(w, k, "ly"))
            return 1;
    }
    return 0;
}

/* ---- surnames at first mention ------------------------------------------ */

/* A person the summary names first by the surname alone ("Scott said
   ...") is named in full when the cluster writes the full name with a
   given name the pack knows ("Florida Gov. Rick Scott") or one a title
   stands before ("Prime Minister Narendra Modi"): an edit
   (EDIT_GIVEN) writes "Rick Scott" for "Scott" (or for "Mr. Scott"),
   applied only at the surname's first mention in the summary
   (readable_mentions).  A surname two people of the cluster share
   ("Donald Trump", "Melania Trump") gets no edit. */
#define PEOPLE_MAX 128

#define GIVEN_MAX 4
#define TITLE_WORDS 3
typedef struct person {
    const char *sur; /* in the article text */
    uint32_t slen, ng;
    int given_too; /* the surname is a given name too ("Lindsey Graham") */
    const char *given[GIVEN_MAX]; /* the given names written with it */
    uint32_t glen[GIVEN_MAX], count[GIVEN_MAX];
    const char *title[GIVEN_MAX]; /* the title first written before each given
                                     name ("Lt. Gov."), or NULL */
    uint32_t tlen[GIVEN_MAX];
    uint32_t tart[GIVEN_MAX]; /* the article that title is from */
} person;

typedef struct people {
    person p[PEOPLE_MAX];
    size_t n;
} people;

/* Does out[0..n) end in a verb telling of words said after others
   ("continues", "went on": the pack's say.txt tag after), right before
   its stop? */
static int ends_going_on(const lang *L, const char *out, size_t n)
{
    size_t at[ATTR_WORDS], ln[ATTR_WORDS];
    size_t nw = words_of(out, n, at, ln, ATTR_WORDS);
    if (nw < 2 || nw == ATTR_WORDS)
        return 0;
    size_t e = at[nw - 1] + ln[nw - 1];
    while (e < n && out[e] == ' ')
        e++;
    if (e >= n || out[e] != '.')
        return 0;
    const lang_word *w = lang_word_of(L, out + at[nw - 1], ln[nw - 1]);
    return w && (w->cls & LW_SAY) && (w->tags & LT_AFTER);
}

/* out[0..n) (quotations blanked) is a quotation, then a tail naming
   someone (a capitalised word after the first) with no verb of saying or
   "according" in it: the attribution lost its verb. */
static int broken_attribution(const lang *L, const char *out, size_t n)
{
    size_t at[ATTR_WORDS], ln[ATTR_WORDS];
    size_t nw = words_of(out, n, at, ln, ATTR_WORDS);
    if (nw < 2 || nw == ATTR_WORDS)
        return 0;
    int named = 0;
    for (size_t i = 0; i < nw; i++) {
        int poss;
        const lang_word *e = lang_word_of(L, out + at[i], unpossessed(out + at[i], ln[i], &poss));
        if (e && (e->cls & (LW_SAY | LW_ACC)))
            return 0;
        if (lang_finite(e) || (e && (e->cls & LW_PRON)))
            return 0;
        named |= i > 0 && is_cap(out + at[i]);
    }
    return named;
}

/* Is word i a given name the pack does not know, because a title stands
   right before it and a capitalised word after it ("Prime Minister Narendra
   Modi", "Gov. Ximena Ortiz")?  Only a word the pack has no class
   for, of two letters or more. */
static int titled_given(const lang *L, const char *s, const size_t *at, const size_t *ln, size_t i)
{
    return i > 0 && ln[i] >= 2 && is_cap(s + at[i - 1]) && !lang_class(L, s + at[i], ln[i]) &&
           (lang_class(L, s + at[i - 1], ln[i - 1]) & LW_TITLE) && name_joined(L, s, at, ln, i);
}

/* Only blanks or one hyphen between words i-1 and i ("Chick-fil-A"). */
static int joined(const char *s, const size_t *at, const size_t *ln, size_t i)
{
    size_t b = at[i - 1] + ln[i - 1];
    return adjacent(s, at, ln, i) || (b + 1 == at[i] && s[b] == '-');
}

/* A role written in lower case before the given name at word g: a role
   noun of the pack ("spokesman", "president", "manager"), up to two
   lower-case words and three capitalised ones before it ("White House
   spokesman Bill Burton", "Chick-fil-A president Dan Cathy", "campaign
   manager Brad Parscale").  Returns the role's first word, or g when
   there is none, or when its one capital opens the sentence (its case
   is then the sentence's, not the role's). */
#define ROLE_LOWER 2
#define ROLE_CAPS 3
static size_t role_before(const lang *L, const char *s, const size_t *at, const size_t *ln,
                          size_t g)
{
    if (g == 0 || !adjacent(s, at, ln, g))
        return g;
    size_t r = g - 1;
    const char *rw = s + at[r];
    if (!(rw[0] >= 'a' && rw[0] <= 'z') || !(lang_class(L, rw, ln[r]) & LW_TITLE))
        return g;
    size_t b = r, caps = 0, lows = 0;
    while (b > 0 && joined(s, at, ln, b)) {
        const char *pw = s + at[b - 1];
        if (lang_class(L, pw, ln[b - 1]) &
            (LW_FUNC | LW_DEF | LW_PREP | LW_PRON | LW_DEM | LW_SAY | LW_STOP | LW_ADV)) {
            /* inside a name ("UN Relief and Works Agency spokesman"): the
               role would start mid-name */
            if (caps && b >= 2 && !is_cap(pw) && is_cap(s + at[b - 2]) && adjacent(s, at, ln, b - 1))
                return g;
            break;
        }
        if (is_cap(pw) ? (caps++ == ROLE_CAPS) : (caps || lows++ == ROLE_LOWER))
            break;
        b--;
    }
    if (b == 0 && at[0] == 0 && caps == 1 && is_cap(s))
        return g; /* "Campaign manager Brad Parscale": its case is the sentence's */
    return b;
}

static void people_learn(people *P, const lang *L, const char *s, size_t n, uint32_t art)
{
    size_t at[ATTR_WORDS], ln[ATTR_WORDS];
    size_t nw = words_of(s, n, at, ln, ATTR_WORDS);
    /* a headline's capitals ("Sixers Fire Coach Jim O'Brien") are no
       office's words */
    size_t caps = 0;
    for (size_t i = 0; i < nw; i++)
        caps += is_cap(s + at[i]) != 0;
    int titled = 2 * caps > nw;
    for (size_t i = 1; i < nw; i++) {
        const char *g = s + at[i - 1], *w = s + at[i];
        int poss;
        size_t k = unpossessed(w, ln[i], &poss);
        if (!is_cap(g) || !is_cap(w) || k < 3 || !adjacent(s, at, ln, i) ||
            (lang_class(L, w, k) & (LW_MONTH | LW_WDAY)))
            continue; /* not "St. Louis Friday" */
        /* "Deputy Assistant Secretary": no name after a title unless the
           surname is a word the pack does not know (or a given name) */
        if (!(lang_class(L, g, ln[i - 1]) & LW_GIVEN) &&
            (!titled_given(L, s, at, ln, i - 1) || (lang_class(L, w, k) & ~(uint32_t)LW_GIVEN)))
            continue;
        /* "Paul Ryan Medicare", "the Romney-Ryan Medicare plan": a given
           name that is a surname here */
        if ((i > 1 && is_cap(s + at[i - 2]) && adjacent(s, at, ln, i - 1) &&
             (lang_class(L, s + at[i - 2], ln[i - 2]) & LW_GIVEN)) ||
            (at[i - 1] > 0 && s[at[i - 1] - 1] == '-'))
            continue;
        /* "the St. Louis Tea Party": a saint's name is a place's */
        if (i > 1) {
            size_t k2 = ln[i - 2] - (ln[i - 2] > 1 && s[at[i - 2] + ln[i - 2] - 1] == '.');
            const lang_word *e = lang_word_of(L, s + at[i - 2], k2);
            if (e && (e->tags & LT_SAINT))
                continue;
        }
        size_t j = 0;
        while (j < P->n && !(P->p[j].slen == k && !memcmp(P->p[j].sur, w, k)))
            j++;
        if (j == P->n) {
            if (P->n == PEOPLE_MAX)
                continue;
            P->p[P->n++] = (person){.sur = w, .slen = (uint32_t)k,
                                    .given_too = (lang_class(L, w, k) & LW_GIVEN) != 0};
        }
        person *p = &P->p[j];
        uint32_t g2 = 0;
        while (g2 < p->ng && !(p->glen[g2] == ln[i - 1] && !memcmp(p->given[g2], g, ln[i - 1])))
            g2++;
        if (g2 == p->ng && p->ng < GIVEN_MAX) {
            p->given[p->ng] = g;
            p->glen[p->ng++] = (uint32_t)ln[i - 1];
        }
        if (g2 < p->ng)
            p->count[g2]++;
        /* the title before the given name: capitalised title words
           ("Lt. Gov. Tim Murray", "Sen. Bob Corker"), with the office's
           other capitalised words before them (below) */
        size_t t = i - 1;
        while (t > 0 && i - 1 - t < TITLE_WORDS && is_cap(s + at[t - 1]) &&
               (lang_class(L, s + at[t - 1], ln[t - 1]) & LW_TITLE) && name_joined(L, s, at, ln, t))
            t--;
        /* the office's capitalised words before its title word ("Foreign
           Minister Sergei Lavrov", "Senate Majority Leader Harry Reid"),
           at the sentence's start or after a lower-case word */
        size_t t2 = t;
        while (!titled && t < i - 1 && t2 > 0 && i - 1 - t2 < TITLE_WORDS && is_cap(s + at[t2 - 1]) &&
               !(lang_class(L, s + at[t2 - 1], ln[t2 - 1]) & (LW_GIVEN | LW_FUNC)) &&
               name_joined(L, s, at, ln, t2))
            t2--;
        if (t2 < t && (t2 == 0 || (!is_cap(s + at[t2 - 1]) && adjacent(s, at, ln, t2))))
            t = t2;
        if (t == i - 1)
            t = role_before(L, s, at, ln, i - 1);
        else if (t > 0 && is_cap(s + at[t - 1]) && adjacent(s, at, ln, t))
            continue;
        if (t == i - 1)
            continue;
        size_t te = at[i - 1];
        while (te > at[t] && s[te - 1] == ' ')
            te--;
        if (g2 < p->ng && !p->title[g2]) {
            p->title[g2] = s + at[t];
            p->tlen[g2] = (uint32_t)(te - at[t]);
            p->tart[g2] = art;
        }
    }
}

/* The letter c is, case and marks aside ("Ú" is "u"). */
static utf8proc_int32_t base_letter(utf8proc_int32_t c)
{
    utf8proc_int32_t b[4];
    int last = 0;
    return utf8proc_decompose_char(c, b, 4,
                                   UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD,
                                   &last) >= 1
               ? b[0]
               : c;
}

/* Do two given names begin with the same three letters, case and marks
   aside ("Sergey" and "Sergei", "Raúl" and "Raul")?  One person's. */
#define GIVEN_PREFIX 3
static int same_given(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i = 0, j = 0;
    for (int n = 0; n < GIVEN_PREFIX; n++) {
        utf8proc_int32_t x, y;
        utf8proc_ssize_t k = i < an ? utf8proc_iterate((const utf8proc_uint8_t *)a + i,
                                                       (utf8proc_ssize_t)(an - i), &x)
                                    : -1;
        utf8proc_ssize_t l = j < bn ? utf8proc_iterate((const utf8proc_uint8_t *)b + j,
                                                       (utf8proc_ssize_t)(bn - j), &y)
                                    : -1;
        if (k <= 0 || l <= 0 || base_letter(x) != base_letter(y))
            return 0; /* shorter than three letters: not judged alike */
        i += (size_t)k;
        j += (size_t)l;
    }
    return 1;
}

/* The given name a surname goes with: the one the cluster writes with it
   most, when any other (spelling variants aside) is written at most half
   as often ("Richard Blumenthal" four times, "Dick Blumenthal" twice); -1
   when two are common ("William Cowan", "Jonathan Cowan"). */
static int person_given(const person *p)
{
    uint32_t best = 0, second = 0;
    for (uint32_t g = 1; g < p->ng; g++)
        if (p->count[g] > p->count[best])
            best = g;
    for (uint32_t g = 0; g < p->ng; g++)
        if (g != best && p->count[g] > second &&
            /* "Sergey" and "Sergei", "David" and "Dave": one person */
            !same_given(p->given[g], p->glen[g], p->given[best], p->glen[best]))
            second = p->count[g];
    return 2 * second > p->count[best] ? -1 : (int)best;
}


/* The title p's given name g is written with, for a sentence of article
   art: an office ("Foreign Minister", "Sen."), or a role in lower case
   that its own article writes.  Another article's role may be another
   man's: ECB+ clusters two events, and "former basketball coach Jim
   O'Brien" of the Ohio State reports is not the Sixers' coach of that
   name. */
static const char *title_of(const person *p, uint32_t g, uint32_t art)
{
    const char *t = p->title[g];
    return t && (is_cap(t) || p->tart[g] == art) ? t : NULL;
}

/* Does word q of out begin with the last word of title tt[0..tn)
   ("Gov." is "governor"'s first letters)? */
static int office_word(const char *tt, size_t tn, const char *out, const size_t *at,
                       const size_t *ln, size_t q)
{
    size_t tw = tn;
    while (tw > 0 && tt[tw - 1] != ' ')
        tw--;
    size_t tk = tn - tw;
    if (tk && tt[tw + tk - 1] == '.')
        tk--;
    return tk && ln[q] >= tk && !strncasecmp(out + at[q], tt + tw, tk);
}

/* Does the sentence name the office of title tt[0..tn) right before the
   name that starts at word i ("head coach Sean Payton") or in the few
   words after its surname, word k ("Michael Steele, chairman of the
   ...")? */
static int office_named(const lang *L, const char *tt, size_t tn, const char *out,
                        const size_t *at, const size_t *ln, size_t nw, size_t i, size_t k)
{
    if (i > 0 && office_word(tt, tn, out, at, ln, i - 1))
        return 1;
    for (size_t q = k + 1; q < nw && q <= k + 6; q++)
        if (office_word(tt, tn, out, at, ln, q))
            return 1;
    /* any office set off after the name: "Rory Read , president and
       CEO", "Mary Varga, a lawyer" */
    size_t b = k + 1 < nw ? at[k] + ln[k] : 0;
    while (b && b < at[k + 1] && out[b] == ' ')
        b++;
    if (b && out[b] == ',')
        for (size_t q = k + 1; q < nw && q <= k + 3; q++)
            if (lang_class(L, out + at[q], ln[q]) & LW_TITLE)
                return 1;
    return 0;
}

/* Plans the edit naming the first surname of out[0..n) (s's text, quotes
   blanked) that stands alone; 0, or -1 when out of memory. */
/* The span of a bare surname to name in full (or of honorific and
   surname) in *off / *len and the full name in *full; 0 (*full NULL when
   there is none), or -1 when out of memory. */
static int given_edit(const people *P, const lang *L, const char *out, size_t n, arena *a,
                      const char *speaker, uint32_t art, size_t *off, size_t *len,
                      const char **full)
{
    *full = NULL;
    size_t at[ATTR_WORDS], ln[ATTR_WORDS];
    size_t nw = words_of(out, n, at, ln, ATTR_WORDS);
    /* the people the sentence names with a given name somewhere ("Gov.
       Sarah Palin 's home church ..., leading Ms. Palin to apologize"):
       no other mention of theirs is edited */
    uint8_t full_at[ATTR_WORDS] = {0};
    for (size_t i = 1; i < nw; i++) {
        int poss;
        size_t k = unpossessed(out + at[i], ln[i], &poss);
        for (size_t j = 0; j < P->n && is_cap(out + at[i]); j++)
            if (P->p[j].slen == k && !memcmp(P->p[j].sur, out + at[i], k) &&
                adjacent(out, at, ln, i))
                for (uint32_t g = 0; g < P->p[j].ng; g++)
                    if (P->p[j].glen[g] == ln[i - 1] &&
                        !memcmp(P->p[j].given[g], out + at[i - 1], ln[i - 1]))
                        full_at[i] = 1;
    }
    for (size_t i = 0; i < nw; i++) {
        const char *w = out + at[i];
        int poss;
        size_t k = unpossessed(w, ln[i], &poss);
        if (!is_cap(w))
            continue;
        size_t j = 0;
        while (j < P->n && !(P->p[j].slen == k && !memcmp(P->p[j].sur, w, k)))
            j++;
        if (j == P->n)
            continue;
        const person *p = &P->p[j];
        int named_full = 0, pq;
        for (size_t q = 0; q < nw && !named_full; q++)
            named_full = full_at[q] && q != i && unpossessed(out + at[q], ln[q], &pq) == k &&
                         !memcmp(out + at[q], w, k);
        /* only the sentence's first mention of the surname: "lawyers for
           President Trump ... whether Trump obstructed justice" names him
           at the first */
        for (size_t q = 0; q < i && !named_full; q++)
            named_full = unpossessed(out + at[q], ln[q], &pq) == k && !memcmp(out + at[q], w, k);
        if (named_full)
            continue;
        int next_cap = i + 1 < nw && is_cap(out + at[i + 1]) && adjacent(out, at, ln, i + 1);
        /* "the Obama administration": the surname names no one there */
        const lang_word *nx = i + 1 < nw && !poss ? lang_word_of(L, out + at[i + 1], ln[i + 1]) : NULL;
        int attrib = nx && !is_cap(out + at[i + 1]) && (nx->tags & LT_ATTRIBUTIVE);
        size_t from = at[i];
        /* "Tim Murray said" at his first mention: "Lt. Gov. Tim Murray
           said", the title the cluster writes with his name, when the
           sentence gives him none */
        uint32_t gw = 0; /* the given name before it, if one of p's */
        while (i > 0 && gw < p->ng &&
               !(p->glen[gw] == ln[i - 1] && !memcmp(p->given[gw], out + at[i - 1], ln[i - 1])))
            gw++;
        if (i > 0 && gw < p->ng && adjacent(out, at, ln, i) && !next_cap && !attrib) {
            const char *tt = title_of(p, gw, art);
            size_t tn = p->tlen[gw];
            /* the title written with another spelling of the given name
               ("Foreign Minister Sergei Lavrov" for "Sergey Lavrov") */
            for (uint32_t g = 0; !tt && g < p->ng; g++)
                if (g != gw && title_of(p, g, art) &&
                    same_given(p->given[g], p->glen[g], p->given[gw], p->glen[gw])) {
                    tt = p->title[g];
                    tn = p->tlen[g];
                }
            /* none when the sentence gives one ("Rep. Tim Murray",
               "Missouri Rep. Todd Akin"), uses the name as a modifier
               ("a Michele Bachmann cover"), or names the office right
               after it ("Michael Steele, chairman of ...") */
            if (!tt || (i > 1 && (is_cap(out + at[i - 2]) ||
                                  (lang_class(L, out + at[i - 2], ln[i - 2]) &
                                   (LW_DEF | LW_TITLE)))))
                continue; /* "Rick Scott": named; "president Dan Cathy" too */
            if (office_named(L, tt, tn, out, at, ln, nw, i - 1, i))
                continue;
            size_t fl = tn + 1 + ln[i - 1] + 1 + k;
            char *f = arena_alloc(a, fl + 1);
            if (!f)
                return -1;
            memcpy(f, tt, tn);
            f[tn] = ' ';
            memcpy(f + tn + 1, out + at[i - 1], ln[i - 1]);
            f[tn + 1 + ln[i - 1]] = ' ';
            memcpy(f + tn + 2 + ln[i - 1], p->sur, k);
            f[fl] = '\0';
            *off = at[i - 1];
            *len = at[i] + k - at[i - 1];
            *full = f;
            if (*off == 0 && f[0] >= 'a' && f[0] <= 'z')
                f[0] = (char)(f[0] - 'a' + 'A'); /* "Campaign manager Brad Parscale said" */
            return 0;
        }
        if (i > 0) {
            const lang_word *e = lang_word_of(L, out + at[i - 1], ln[i - 1]);
            uint32_t pc = e ? e->cls : 0;
            /* a capital set off by a comma is no given name ("However,
               Brat offset ...") */
            int comma = memchr(out + at[i - 1] + ln[i - 1], ',',
                               at[i] - at[i - 1] - ln[i - 1]) != NULL;
            if (is_cap(out + at[i - 1]) && !comma) {
                if (!(e && (e->tags & LT_HONOR)) || !name_joined(L, out, at, ln, i))
                    continue; /* "Rick Scott", "Gov. Scott": named */
                from = at[i - 1]; /* "Mr. Scott" becomes "Rick Scott" */
            } else if ((pc & (LW_DEF | LW_JOINER))) {
                continue; /* "the Obama campaign", "Bashar al Assad" */
            }
        }
        if (next_cap || attrib)
            continue;
        /* "Scott" alone may be someone's given name: a surname only after
           an honorific or a title, or as a speech verb's subject ("Scott
           said", "said Scott") */
        if (p->given_too && from == at[i] &&
            !(i + 1 < nw && speech_verb(L, out + at[i + 1], ln[i + 1])) &&
            !(i > 0 && speech_verb(L, out + at[i - 1], ln[i - 1])))
            continue;
        int g = person_given(p);
        if (g < 0) {
            /* a first mention, but of whom?  The quote's speaker, when the
               analysis named him in full ("Michael Elliott" and "Mike
               Elliott" are one man) */
            const char *sp = speaker ? strrchr(speaker, ' ') : NULL;
            if (sp && strlen(sp + 1) == p->slen && !memcmp(sp + 1, p->sur, p->slen)) {
                *off = from;
                *len = at[i] + k - from;
                *full = speaker;
            }
            return 0;
        }
        /* with the title the cluster writes with that name, unless the
           sentence names the office after it */
        size_t tn = title_of(p, g, art) && !office_named(L, p->title[g], p->tlen[g], out, at, ln, nw,
                                                 from == at[i] ? i : i - 1, i)
                        ? p->tlen[g] + 1
                        : 0;
        size_t fl = tn + p->glen[g] + 1 + p->slen;
        char *f = arena_alloc(a, fl + 1);
        if (!f)
            return -1;
        if (tn) {
            memcpy(f, p->title[g], tn - 1);
            f[tn - 1] = ' ';
        }
        memcpy(f + tn, p->given[g], p->glen[g]);
        f[tn + p->glen[g]] = ' ';
        memcpy(f + tn + p->glen[g] + 1, p->sur, p->slen);
        f[fl] = '\0';
        *off = from;
        *len = at[i] + k - from;
        *full = f;
        if (*off == 0 && f[0] >= 'a' && f[0] <= 'z')
            f[0] = (char)(f[0] - 'a' + 'A');
        return 0;
    }
    return 0;
}

/* The kind of s's second edit (0 for none): the top bit of e2len tells
   "also" from a full name. */
#define E2_ALSO 0x8000u
static uint32_t edit2_kind(const msent *s)
{
    return !s->e2len ? EDIT_NONE : (s->e2len & E2_ALSO) ? EDIT_ALSO : EDIT_GIVEN;
}

uint32_t readable_edit2(const msent *s) { return edit2_kind(s); }

int readable_mentions(const msent *s, const char *t, size_t n)
{
    const char *sur = (s->edit == EDIT_GIVEN || edit2_kind(s) == EDIT_GIVEN) && s->speaker
                          ? strrchr(s->speaker, ' ')
                          : NULL;
    if (!sur)
        return 0;
    size_t k = strlen(sur + 1);
    for (size_t i = 0; i + k <= n;) {
        size_t at = i;
        /* the surname as a word, or with its possessive ("Grimm's") */
        while (at + k <= n) {
            if (!memcmp(t + at, sur + 1, k) && (at == 0 || !is_letter((unsigned char)t[at - 1]))) {
                size_t e = at + k;
                int poss;
                if (e == n || !is_letter((unsigned char)t[e]))
                    break;
                size_t w = e;
                while (w < n && is_letter((unsigned char)t[w]))
                    w++;
                if (unpossessed(t + at, w - at, &poss) == k && poss)
                    break;
            }
            at++;
        }
        if (at + k > n)
            return 0;
        /* "The Halvorsen administration" names no one */
        int modifier = at >= 4 && (!memcmp(t + at - 4, "The ", 4) || !memcmp(t + at - 4, "the ", 4)) &&
                       at + k + 1 < n && t[at + k] == ' ' && t[at + k + 1] >= 'a' &&
                       t[at + k + 1] <= 'z';
        if (!modifier)
            return 1;
        i = at + k;
    }
    return 0;
}

const char *readable_known_surname(const msent *s, const lang *L, const char *t, size_t n)
{
    if ((s->edit != EDIT_NAME && s->edit != EDIT_APPEND) || !s->speaker)
        return NULL;
    const char *sur = strrchr(s->speaker, ' ');
    if (!sur || !sur[1] || strchr(sur + 1, '.'))
        return NULL; /* one word already, or "Jr." */
    sur++;
    size_t k = strlen(sur), given = (size_t)(sur - 1 - s->speaker);
    for (size_t i = 0; i + k <= n;) {
        size_t at = find_word(t + i, n - i, sur, k);
        if (at == n - i)
            return NULL;
        at += i;
        i = at + k;
        /* the word before: the speaker's own given name, a title or a
           lower-case word -- not another person's given name ("Ivanka
           Trump" does not name Donald Trump) */
        size_t b = at, a;
        for (;;) {
            while (b > 0 && t[b - 1] == ' ')
                b--;
            a = b;
            while (a > 0 && (is_letter((unsigned char)t[a - 1]) || t[a - 1] == '.'))
                a--;
            if (b - a != 2 || t[b - 1] != '.' || !is_cap(t + a))
                break;
            b = a; /* a middle initial: "John A. Boehner" */
        }
        if (a == b || !is_cap(t + a))
            return sur;
        if (b - a <= given && !memcmp(t + a, sur - 1 - (b - a), b - a))
            return sur;
        /* "Paul Ryan" names "Paul D. Ryan" */
        if (b - a < given && !memcmp(t + a, s->speaker, b - a) && s->speaker[b - a] == ' ')
            return sur;
        size_t wl = b - a - (t[b - 1] == '.');
        const lang_word *e = lang_word_of(L, t + a, wl);
        if (e && (e->cls & LW_TITLE))
            return sur;
    }
    return NULL;
}

/* ---- "also" ------------------------------------------------------------- */

/* "Trump also said ...", "The company also announced ...": the word
   tagged additive (adverbs.txt) outside quotes tells of something told
   before.  An edit (EDIT_ALSO) drops it, with the blank before it, unless
   the sentence before it in the summary is the one before it in its
   article, or names the subject (the word before "also", auxiliaries
   skipped: readable_also_needed).  Not "also known as", "but also",
   "who also". */
static const char *const also_fixed_after[] = {"known", "called", "spelled", "referred", NULL};
static const char *const also_fixed_before[] = {"but", "only", "who", "which", "that", NULL};

/* The span of the " also" to drop in *off / *len; 1, or 0 for none. */
static int also_edit(const lang *L, const char *out, size_t n, size_t *off, size_t *len)
{
    size_t at[ATTR_WORDS], ln[ATTR_WORDS];
    size_t nw = words_of(out, n, at, ln, ATTR_WORDS);
    for (size_t i = 1; i < nw; i++) {
        const lang_word *e = lang_word_of(L, out + at[i], ln[i]);
        if (!e || !(e->cls & LW_ADV) || e->val != LANG_V_ADDITIVE || is_cap(out + at[i]))
            continue;
        if (in_list(also_fixed_before, out + at[i - 1], ln[i - 1], 1) ||
            (i + 1 < nw && in_list(also_fixed_after, out + at[i + 1], ln[i + 1], 1)) ||
            at[i] == 0 || out[at[i] - 1] != ' ' || (i + 1 < nw && !adjacent(out, at, ln, i + 1)))
            return 0;
        *off = at[i] - 1;
        *len = ln[i] + 1;
        return 1;
    }
    return 0;
}

/* Plans an edit of kind k at off/len that changes the sentence's words by
   words: the first, or the second when the sentence has one already that
   the new one does not overlap (and the offsets fit).  0 when planned. */
static int plan_edit(msent *s, uint32_t k, size_t off, size_t len, const char *full, int words)
{
    if (s->edit == EDIT_NONE) {
        s->edit = k;
        s->eoff = (uint32_t)off;
        s->elen = (uint32_t)len;
    } else if (!s->e2len && off + len < E2_ALSO && (off >= s->eoff + s->elen || off + len <= s->eoff) &&
               (k == EDIT_ALSO || s->edit == EDIT_DROP || s->edit == EDIT_ALSO)) {
        s->e2off = (uint16_t)off;
        s->e2len = (uint16_t)(len | (k == EDIT_ALSO ? E2_ALSO : 0));
    } else {
        return -1;
    }
    if (full)
        s->speaker = full; /* the first edit is no speaker's (NAME, APPEND) */
    s->words = (uint32_t)((int)s->words + words);
    return 0;
}

int readable_also_needed(const msent *s, const lang *L, const char *text, const char *prev,
                         size_t pn)
{
    /* the subject: the last word before "also" that is no auxiliary */
    const char *p = text + s->start;
    size_t at[ATTR_WORDS], ln[ATTR_WORDS];
    size_t aoff = s->edit == EDIT_ALSO ? s->eoff : s->e2off;
    size_t nw = words_of(p, aoff, at, ln, ATTR_WORDS);
    while (nw > 0 && lang_finite(lang_word_of(L, p + at[nw - 1], ln[nw - 1])))
        nw--;
    if (!nw)
        return 1;
    int poss;
    size_t k = unpossessed(p + at[nw - 1], ln[nw - 1], &poss);
    size_t pat[ATTR_WORDS], pln[ATTR_WORDS];
    size_t pw = words_of(prev, pn, pat, pln, ATTR_WORDS);
    for (size_t i = 0; i < pw; i++) {
        size_t pk = unpossessed(prev + pat[i], pln[i], &poss);
        if (pk == k && !strncasecmp(prev + pat[i], p + at[nw - 1], k))
            return 0;
    }
    return 1;
}

/* ---- repeats ------------------------------------------------------------ */

/* The content of a sentence for telling a repeat: crude stems of its
   words of four letters or more that are no stop words, and its numbers,
   hashed (KEY_HASH bits), with KEY_NAME set on a stem written capitalised
   inside the sentence (a name) and KEY_NUM on a number; into key (room
   for ATTR_WORDS), sorted by stem and distinct (the flags of a stem's
   occurrences merged); their number.  Crude stems, not the model's: a
   name and its common-word form ("Nuclear Tests", "nuclear tests") and
   the forms of one word ("North Korea", "North Korean" share "north";
   "tests", "testing") must meet. */
#define KEY_NAME 0x80000000u
#define KEY_NUM 0x40000000u
#define KEY_HASH 0x3fffffffu
#define KEY_MIN_LETTERS 4

static uint32_t crude_stem_hash(const char *w, size_t k)
{
    static const char *const suf[] = {"ings", "ing", "ed", "es", "ly", "s"};
    char b[48];
    if (k >= sizeof b)
        k = sizeof b - 1;
    for (size_t i = 0; i < k; i++)
        b[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
    for (size_t e = 0; e < sizeof suf / sizeof suf[0]; e++) {
        size_t l = strlen(suf[e]);
        if (k >= l + KEY_MIN_LETTERS && !memcmp(b + k - l, suf[e], l) &&
            !(k >= 2 && b[k - 1] == 's' && b[k - 2] == 's')) {
            k -= l;
            break;
        }
    }
    uint32_t h = hash_add(2166136261u, b, k) & KEY_HASH;
    return h ? h : 1;
}

static int cmp_key(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a & KEY_HASH, y = *(const uint32_t *)b & KEY_HASH;
    return x < y ? -1 : x > y;
}

static uint32_t keys_of(const lang *L, const char *t, size_t n, uint32_t *key)
{
    size_t at[ATTR_WORDS], ln[ATTR_WORDS];
    size_t nw = words_of(t, n, at, ln, ATTR_WORDS);
    uint32_t k = 0;
    for (size_t i = 0; i < nw; i++) {
        const char *w = t + at[i];
        int poss;
        size_t len = unpossessed(w, ln[i], &poss);
        if (w[0] >= '0' && w[0] <= '9') {
            key[k++] = (hash_add(2166136261u, w, len) & KEY_HASH) | KEY_NUM;
            continue;
        }
        if (len < KEY_MIN_LETTERS || (lang_class(L, w, len) & LW_STOP))
            continue;
        key[k++] = crude_stem_hash(w, len) | (i > 0 && is_cap(w) ? KEY_NAME : 0);
    }
    qsort(key, k, sizeof *key, cmp_key);
    uint32_t u = 0;
    for (uint32_t i = 0; i < k; i++) {
        if (u && (key[u - 1] & KEY_HASH) == (key[i] & KEY_HASH))
            key[u - 1] |= key[i] & (KEY_NAME | KEY_NUM);
        else
            key[u++] = key[i];
    }
    return u;
}

/* Fills m->keys and each sentence's kfirst / nkey: two passes, so that
   the pool holds only the keys there are. */
static int keys_fill(model *m, const precis_cluster *c, const lang *L, arena *a)
{
    uint32_t key[ATTR_WORDS];
    size_t total = 0;
    for (size_t i = 0; i < m->ns; i++) {
        msent *s = &m->s[i];
        s->nkey = keys_of(L, precis_cluster_article_text(c, s->art, NULL) + s->start,
                          s->end - s->start, key);
        s->kfirst = (uint32_t)total;
        total += s->nkey;
    }
    m->keys = NULL;
    if (!total)
        return 0;
    m->keys = arena_alloc(a, pmul(total, sizeof *m->keys));
    if (!m->keys)
        return -1;
    for (size_t i = 0; i < m->ns; i++) {
        msent *s = &m->s[i];
        if (!s->nkey)
            continue;
        /* through key: the words repeat before they are made distinct */
        keys_of(L, precis_cluster_article_text(c, s->art, NULL) + s->start, s->end - s->start,
                key);
        memcpy(m->keys + s->kfirst, key, s->nkey * sizeof *key);
    }
    return 0;
}

/* The stems two key arrays (keys_of) share; *keys gets how many of them
   are a name or a number on either side, *names how many a name. */
static uint32_t keys_shared(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb,
                            uint32_t *keys, uint32_t *names)
{
    uint32_t i = 0, j = 0, both = 0;
    *keys = *names = 0;
    while (i < na && j < nb) {
        uint32_t x = a[i] & KEY_HASH, y = b[j] & KEY_HASH;
        if (x == y) {
            uint32_t f = (a[i] | b[j]) & (KEY_NAME | KEY_NUM);
            both++;
            *keys += f != 0;
            *names += (f & KEY_NAME) != 0;
            i++;
            j++;
        } else if (x < y) {
            i++;
        } else {
            j++;
        }
    }
    return both;
}

/* How many of s's names and numbers no sentence of out[0..k) has. */
static uint32_t keys_new(const model *m, const msent *s, const uint32_t *out, size_t k)
{
    uint32_t fresh = 0;
    for (uint32_t i = 0; i < s->nkey; i++) {
        uint32_t x = m->keys[s->kfirst + i];
        if (!(x & (KEY_NAME | KEY_NUM)))
            continue;
        int seen = 0;
        for (size_t c = 0; c < k && !seen; c++) {
            const msent *t = &m->s[out[c]];
            for (uint32_t j = 0; j < t->nkey && !seen; j++)
                seen = (m->keys[t->kfirst + j] & KEY_HASH) == (x & KEY_HASH);
        }
        fresh += !seen;
    }
    return fresh;
}

int readable_repeat(const model *m, const msent *s, const uint32_t *out, size_t k)
{
    /* another article's lead that tells the event a lead in the summary
       told, in other words, and names nothing and no number the summary
       lacks ("Voters in Turkmenistan cast ballots Sunday in a
       parliamentary election ..." after "Turkmenistan voted Sunday in a
       parliamentary election ..."): one event's reports open alike */
    if (s->pos == 0) {
        int fresh = -1; /* keys_new, once needed */
        for (size_t c = 0; c < k; c++) {
            const msent *t = &m->s[out[c]];
            uint32_t keys, names;
            if (t->pos != 0 || t->art == s->art)
                continue;
            uint32_t both = keys_shared(m->keys + s->kfirst, s->nkey, m->keys + t->kfirst,
                                        t->nkey, &keys, &names);
            if (!names || both < LEAD_REPEAT_STEMS)
                continue;
            if (fresh < 0)
                fresh = keys_new(m, s, out, k) != 0;
            if (!fresh)
                return 1;
            break; /* it names something new: no lead makes it a repeat */
        }
    }
    /* an opening sentence telling again what another article's sentence
       in the summary told: read by hand (BASIL, NewsWCL50, ECB+), a
       second report of the event is the defect readers name most among
       the first three sentences of the articles */
    if (s->pos <= LEAD_SPAN)
        for (size_t c = 0; c < k; c++) {
            const msent *t = &m->s[out[c]];
            uint32_t keys, names;
            if (t->art == s->art)
                continue;
            uint32_t both = keys_shared(m->keys + s->kfirst, s->nkey, m->keys + t->kfirst,
                                        t->nkey, &keys, &names);
            uint32_t least = s->nkey < t->nkey ? s->nkey : t->nkey;
            if (names && both >= LEAD_SHARE_STEMS && (double)both >= LEAD_SHARE * (double)least)
                return 1;
        }
    /* reported speech whose quoted fragment's words a sentence before it
       in the summary has all ("Trump repeated that the deal ... was a
       "terrible deal."" after "... the "terrible" Iran nuclear deal"):
       the fragment is its point, told already -- unless it goes on from
       the sentence before it in its article, taken right before it
       ("It was during a campaign stop in Ohio on Saturday that Mr.
       Santorum described what he called the "phony theology" ..." after
       the lead that told the phrase) */
    int next = k > 0 && m->s[out[k - 1]].art == s->art && m->s[out[k - 1]].pos + 1 == s->pos;
    for (size_t c = 0; c < k && s->qfn >= 2 && !next; c++) {
        const msent *t = &m->s[out[c]];
        uint32_t q = 0;
        while (q < s->qfn && msent_holds(t, s->term[s->qf0 + q]))
            q++;
        if (q == s->qfn)
            return 1;
    }
    for (size_t c = 0; c < k; c++) {
        const msent *t = &m->s[out[c]];
        uint32_t keys, names;
        uint32_t both = keys_shared(m->keys + s->kfirst, s->nkey, m->keys + t->kfirst, t->nkey,
                                    &keys, &names);
        uint32_t least = s->nkey < t->nkey ? s->nkey : t->nkey;
        if (both < READABLE_REPEAT_STEMS || !names)
            continue;
        if ((keys >= 2 && 2 * both >= least) || (keys >= 3 && 5 * both >= 2 * least))
            return 1;
    }
    return 0;
}

precis_status readable_prepare(model *m, const precis_cluster *c, norm *nm, arena *a,
                               void **cache, int extract_only)
{
    return readable_prepare_keep(m, c, nm, a, cache, extract_only, NULL);
}

precis_status readable_prepare_keep(model *m, const precis_cluster *c, norm *nm, arena *a,
                                    void **cache, int extract_only, lex_kept *keep)
{
    char err[PRECIS_ERRMAX] = "";
    lex_doc lx;
    precis_status st = lex_cluster(&lx, c, m, norm_lang(nm), 1);
    if (st)
        return st;
    actx x = {c, m, nm, a, a, err, cache, &lx, NULL};
    precis_quote *q = NULL;
    size_t nq = 0;
    st = quotes_find(&x, &q, &nq);
    if (!st && keep)
        st = lex_keep(keep, &lx, c, m);
    lex_doc_free(&lx);
    if (st)
        return st;
    m->nqvar = (uint32_t)(nq + 1);
    for (size_t i = 0; i < nq; i++)
        for (size_t k = 0; k < q[i].n_articles; k++)
            link_quote(m, c, &q[i], q[i].articles[k]);
    size_t maxlen = 0;
    for (size_t i = 0; i < m->ns; i++)
        if (m->s[i].end - m->s[i].start > maxlen)
            maxlen = m->s[i].end - m->s[i].start;
    char *out = arena_alloc(a, maxlen + 1);
    roles *R = arena_calloc(a, 1, sizeof *R);
    people *P = arena_calloc(a, 1, sizeof *P);
    if (!out || !R || !P)
        return PRECIS_ENOMEM;
    const lang *L = norm_lang(nm);
    int verbs = pack_has_verbs(L), cased = cluster_cased(m, c);
    m->cased = cased;
    for (size_t i = 0; i < m->ns; i++) {
        const char *t = precis_cluster_article_text(c, m->s[i].art, NULL) + m->s[i].start;
        roles_learn(R, L, t, m->s[i].end - m->s[i].start);
        people_learn(P, L, t, m->s[i].end - m->s[i].start, m->s[i].art);
    }
    sent_terms terms; /* each sentence's term offsets, made once */
    for (size_t i = 0; i < m->ns; i++) {
        msent *s = &m->s[i];
        size_t len;
        const char *p = precis_cluster_article_text(c, s->art, &len) + s->start;
        size_t n = s->end - s->start;
        terms.state = 0;
        uint32_t qw = quoted_words(p, n, out);
        if (!(s->flags & SENT_JUNK) && statement_of(s, R, nm, out, n, a))
            return PRECIS_ENOMEM;
        if (cased && qw >= 2 && qw <= QUOTE_FRAGMENT_WORDS && qw < s->words &&
            quoted_fragment(nm, s, p, n, out, &terms) < 0)
            return PRECIS_ENOMEM;
        if (verbs && !finite_verb(L, p, n))
            s->flags |= SENT_QBROKEN;
        /* an attribution left alone ("Trump tweeted.") when its quotation
           runs too long to be taken with it */
        if (cased && (attribution_only(L, p, n) || quality_trails_off(p, n)))
            s->flags |= SENT_QBROKEN;
        /* a quotation whose attribution after it lost its verb ("\"Iran's
           leaders repeatedly deny ...,\" Prime Minister Benjamin Netanyahu
           during a televised address."): no verb of saying, no
           "according to", nothing but a name and its phrase */
        if (cased && (s->flags & SENT_QUOTE) && qw >= READABLE_QUOTE_WORDS &&
            broken_attribution(L, out, n))
            s->flags |= SENT_QBROKEN;
        /* "..., a soundtrack ... plays as the prime minister continues."
           with the quotation he goes on with in the next sentence: it
           leads into words the summary would not have */
        if (cased && qw < READABLE_QUOTE_WORDS && i + 1 < m->ns && m->s[i + 1].art == s->art &&
            (m->s[i + 1].flags & SENT_QUOTE) && ends_going_on(L, out, n))
            s->flags |= SENT_QBROKEN;
        /* a sentence in parentheses is the writer's aside ("(Trump made
           waves by very loudly claiming ...)"), or an editor's note */
        if (cased && n > 2 && p[0] == '(' && p[n - 1] == ')')
            s->flags |= SENT_QBROKEN;
        /* a headline or a deck line kept as the article's first lines */
        if (cased && s->words <= HEADLINE_WORDS && model_is_lead(m, i) &&
            alone_on_line(precis_cluster_article_text(c, s->art, NULL), len, s->start, s->end) &&
            headline_like(L, out, n))
            s->flags |= SENT_QBROKEN;
        if (cased && after_dateline(precis_cluster_article_text(c, s->art, NULL), s->start))
            s->flags |= SENT_DATELINE;
        /* first person outside quotation marks, no speaker named */
        if (cased && first_person(L, out, n) && !names_someone(L, out, n))
            s->flags |= SENT_QBROKEN;
        if (qw >= READABLE_QUOTE_WORDS) {
            size_t off, l;
            if (!s->speaker) {
                /* speaker unknown: only right after the sentence before it,
                   which may name the speaker */
                if (!names_someone(L, out, n))
                    s->flags |= SENT_NEEDS_PREV;
            } else {
                if (names_speaker(out, n, s->speaker)) {
                    /* named in the sentence */
                } else if (extract_only) {
                    s->flags |= SENT_NEEDS_PREV;
                } else if (pronoun_attribution(L, out, n, &off, &l)) {
                    s->edit = EDIT_NAME;
                    s->eoff = (uint32_t)off;
                    s->elen = (uint32_t)l;
                    s->words += count_words(s->speaker) - 1;
                } else if (append_point(p, out, n, &off)) {
                    s->edit = EDIT_APPEND;
                    s->eoff = (uint32_t)off;
                    s->elen = (uint32_t)(n - off);
                    s->words += count_words(s->speaker) + 1;
                } else {
                    s->flags |= SENT_NEEDS_PREV;
                }
            }
        } else if (cased && !qw && trailing_pronoun_said(L, out, n)) {
            s->flags |= SENT_NEEDS_PREV; /* after the sentence naming "he" */
        } else if (qw && qw >= s->words && !names_someone(L, out, n)) {
            /* nothing but a short quotation, its speaker not named there
               ("Pensaban que estaba muerto".; "“Tiger Woods wasn’t
               happy.”" after "“Who can guarantee you happiness?“ he
               asked."): only right after the sentence before it */
            s->flags |= SENT_NEEDS_PREV;
        }
        /* a short sentence past its article's lead, taken alone, is a
           fragment of its context: a remark ("\"You can mark it down,\"
           Trump said."), a tweet's line ("Israel uncovered secret Iranian
           files."), a stray fact ("Santorum appeared on CBS' \"Face the
           Nation.\""); read by hand, most such fills were defects.  It is
           taken right after the sentence before it, as "He was 77." is */
        size_t wat[READABLE_ALONE_WORDS], wln[READABLE_ALONE_WORDS];
        if (cased && s->pos > 0 && /* words, not PTB text's spaced-off commas */
            words_of(p, n, wat, wln, READABLE_ALONE_WORDS) < READABLE_ALONE_WORDS)
            s->flags |= SENT_NEEDS_PREV;
        size_t drop;
        int k = readable_opener(norm_lang(nm), p, n, &drop);
        if (k && s->edit == EDIT_NAME && s->eoff == 0)
            k = 0; /* "He said ..." becomes "Lavrov said ..." */
        if (!k && cased && s->edit == EDIT_NONE &&
            (after_adverbial(L, p, n) || connective_after_subject(L, p, n)))
            k = READABLE_NEEDS_PREV; /* "Today, it finally got it." */
        size_t d2;
        /* cased news: a reader still stops at what the connective
           pointed at once it is gone ("Jim Jordan demurred." for "But Rep.
           Jim Jordan demurred."; read by hand, most such edits left the
           sentence leaning on one the summary lacks), so the sentence
           waits for its antecedent; lower-cased text (Multi-News, where
           the edit was measured) keeps the edit */
        if (k == READABLE_DROPPABLE && !extract_only && !cased && s->edit == EDIT_NONE && drop < n &&
            !readable_opener(norm_lang(nm), p + drop, n - drop, &d2) && s->words > 5) { /* not "But he" */
            s->edit = EDIT_DROP;
            s->eoff = 0;
            /* the next word's first letter is replaced by its capital
               (ASCII, or a Latin-1 letter: "pero él" -> "Él") */
            s->elen = (uint32_t)(drop + (p[drop] >= 'a' && p[drop] <= 'z'));
            if (drop + 1 < n && (unsigned char)p[drop] == 0xC3 &&
                (unsigned char)p[drop + 1] >= 0xA0 && (unsigned char)p[drop + 1] <= 0xBE &&
                (unsigned char)p[drop + 1] != 0xB7)
                s->elen = (uint32_t)(drop + 2);
        } else if (k) {
            s->flags |= SENT_NEEDS_PREV;
        } else if (quote_continues(norm_lang(nm), p, n, cased)) {
            s->flags |= SENT_NEEDS_PREV;
        } else if (cased && answers(L, out, n, qw >= READABLE_QUOTE_WORDS)) {
            s->flags |= SENT_NEEDS_PREV;
        } else if (cased && !(s->flags & SENT_NEEDS_PREV)) {
            uint32_t d = definite_opener(L, p, n);
            d = d < s->nterm ? d : s->nterm;
            s->dterm = s->term; /* its words: the first terms */
            s->ndef = (uint8_t)d;
            s->dstart = d ? 1 : 0;
            if (definite_mentions(L, nm, m, s, i, p, n, a, &terms))
                return PRECIS_ENOMEM;
        }
        if (!extract_only && !(s->flags & SENT_JUNK)) {
            size_t off, el;
            const char *full;
            if (given_edit(P, L, out, n, a, s->speaker, s->art, &off, &el, &full))
                return PRECIS_ENOMEM;
            /* a full name needs the speaker slot: not with a speaker's edit */
            if (full && s->edit != EDIT_NAME && s->edit != EDIT_APPEND)
            {
                int was = 1; /* words replaced: "Mr. Scott" as many as "Rick Scott" */
                for (size_t b = off; b < off + el; b++)
                    was += out[b] == ' ';
                plan_edit(s, EDIT_GIVEN, off, el, full, (int)count_words(full) - was);
            }
            if (also_edit(L, out, n, &off, &el)) {
                if (cased)
                    s->flags |= SENT_NEEDS_PREV; /* as a dropped connective */
                else
                    plan_edit(s, EDIT_ALSO, off, el, NULL, -1);
            }
        }
    }
    /* a scraped page's deck, caption or teaser above the dateline that
       opens its story is no text of the story */
    for (size_t ar = 0; cased && ar < m->nart; ar++)
        for (size_t i = m->first[ar] + 1; i < m->first[ar] + m->count[ar] &&
                                          i <= m->first[ar] + READABLE_DECK_MAX;
             i++)
            if (m->s[i].flags & SENT_DATELINE) {
                for (size_t j = m->first[ar]; j < i; j++)
                    m->s[j].flags |= SENT_QBROKEN;
                break;
            }
    return keys_fill(m, c, norm_lang(nm), a) ? PRECIS_ENOMEM : PRECIS_OK;
}

/* The replacement an edit of kind k at p[off..off+len) writes into r
   (room for the speaker's name and 16 bytes more); its length. */
static size_t edit_text(const msent *s, uint32_t k, const char *p, size_t n, size_t off,
                        size_t len, char *r)
{
    size_t sl = s->speaker ? strlen(s->speaker) : 0, rl = 0;
    switch (k) {
    case EDIT_NAME: case EDIT_GIVEN:
        memcpy(r, s->speaker, sl);
        return sl;
    case EDIT_ALSO: /* " also" goes */
        return 0;
    case EDIT_APPEND: {
        /* ".”" becomes ",” Lavrov said." ("!" and "?" stay) */
        char stop = p[off];
        r[rl++] = stop == '.' ? ',' : stop;
        size_t mk = off + 1;
        while (mk < n && p[mk] != ' ' && p[mk] != '\n')
            r[rl++] = p[mk++];
        r[rl++] = ' ';
        memcpy(r + rl, s->speaker, sl);
        rl += sl;
        memcpy(r + rl, " said.", 6);
        return rl + 6;
    }
    default: /* EDIT_DROP: the connective goes; the next letter is capitalised */
        if (len > 1 && (unsigned char)p[len - 2] == 0xC3 && (unsigned char)p[len - 1] >= 0xA0) {
            r[rl++] = p[len - 2];
            r[rl++] = (char)((unsigned char)p[len - 1] - 0x20);
        } else if (len > 0 && p[len - 1] >= 'a' && p[len - 1] <= 'z') {
            r[rl++] = (char)(p[len - 1] - 32);
        }
        return rl;
    }
}

int readable_apply(const msent *s, const char *text, arena *a, char **out, size_t *len,
                   size_t *es, size_t *ee, char **rep, size_t *rlen)
{
    return readable_apply_some(s, text, READABLE_EDIT1 | READABLE_EDIT2, a, out, len, es, ee, rep,
                               rlen);
}

int readable_apply_some(const msent *s, const char *text, unsigned which, arena *a, char **out,
                        size_t *len, size_t *es, size_t *ee, char **rep, size_t *rlen)
{
    const char *p = text + s->start;
    size_t n = s->end - s->start;
    /* the edits to make, in text order */
    uint32_t kind[2];
    size_t off[2], ln[2], ne = 0;
    if ((which & READABLE_EDIT1) && s->edit != EDIT_NONE) {
        kind[ne] = s->edit;
        off[ne] = s->eoff;
        ln[ne++] = s->elen;
    }
    if ((which & READABLE_EDIT2) && s->e2len) {
        kind[ne] = edit2_kind(s);
        off[ne] = s->e2off;
        ln[ne++] = s->e2len & ~E2_ALSO;
    }
    if (ne == 2 && off[1] < off[0]) {
        uint32_t tk = kind[0];
        size_t to = off[0], tl = ln[0];
        kind[0] = kind[1], off[0] = off[1], ln[0] = ln[1];
        kind[1] = tk, off[1] = to, ln[1] = tl;
    }
    if (!ne)
        return -1;
    /* one replaced span: from the first edit's start to the last's end,
       the text between them kept */
    size_t from = off[0], to = off[ne - 1] + ln[ne - 1];
    size_t sl = s->speaker ? strlen(s->speaker) : 0;
    char *r = arena_alloc(a, 2 * (sl + 16) + (to - from) + 1);
    if (!r)
        return -1;
    size_t rl = edit_text(s, kind[0], p, n, off[0], ln[0], r);
    if (ne == 2) {
        memcpy(r + rl, p + off[0] + ln[0], off[1] - off[0] - ln[0]);
        rl += off[1] - off[0] - ln[0];
        rl += edit_text(s, kind[1], p, n, off[1], ln[1], r + rl);
    }
    r[rl] = '\0';
    size_t tl = n - (to - from) + rl;
    char *t = arena_alloc(a, tl + 1);
    if (!t)
        return -1;
    memcpy(t, p, from);
    memcpy(t + from, r, rl);
    memcpy(t + from + rl, p + to, n - to);
    t[tl] = '\0';
    *out = t;
    *len = tl;
    *es = s->start + from;
    *ee = s->start + to;
    *rep = r;
    *rlen = rl;
    return 0;
}
