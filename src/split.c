/*
 * split.c -- sentence boundaries: the first stage after an article is read.
 *
 * Every later stage (normalisation, redundancy, scoring, selection, output)
 * works on the sentences found here, and the summary quotes them verbatim,
 * so a wrong boundary is visible to the reader.  News text as it arrives is
 * messy in two opposite ways:
 *
 *   - scraped pages: cased text with curly and straight quotes, datelines
 *     ("MOSCOW -- "), headlines on their own line without a full stop,
 *     non-breaking spaces, and sentences or headlines glued together
 *     without any space ("...on Friday.The move", "post-sanctions\"We");
 *   - Multi-News: lower-cased, PTB-spaced text ("he said . \" next \"",
 *     "( ap )"), one document per line, where a full stop followed by a
 *     lower-case word usually still ends a sentence.
 *
 * The splitter is one left-to-right pass with bounded look-around (a few
 * dozen bytes at most around a candidate), so it is linear in the input
 * and allocates nothing.  Only a few byte values are interesting (".?!",
 * quotes, newlines, upper-case letters, the lead byte of U+2026 and the
 * curly quotes); runs of other bytes are skipped with a table lookup.
 *
 * Decisions, in short:
 *   - a run of terminal punctuation (". ? ! ... U+2026") plus the closing
 *     quotes and brackets that follow it ends a sentence when followed by
 *     white space and a plausible sentence start, or glued to a capitalised
 *     word ("Friday.The");
 *   - after a full stop, the word before it decides: a title ("Mr.",
 *     "Gen.", "St.") never ends a sentence; an initial, a dotted acronym
 *     ("U.S.", "a.m.") or an abbreviation that may close a sentence
 *     ("Inc.", "Jan.") ends one only before a typical sentence-opening word
 *     ("The", "He", "But"...); any other word ends one whatever follows;
 *   - an ellipsis ends a sentence only before an upper-case start;
 *   - a blank line always ends a sentence; a single newline does when the
 *     next line starts like a sentence (upper case, digit, quote, bullet)
 *     and the line before does not end in a comma, semicolon or hyphen;
 *   - at the start of the text and of each line, a dateline ("MOSCOW --",
 *     "WASHINGTON (AP) --", "london ( reuters ) -") is skipped;
 *   - a sentence longer than PRECIS_MAX_SENTENCE_WORDS words is cut at a
 *     white space, so a text without punctuation cannot make one endless
 *     "sentence".
 *
 * The input is assumed to be UTF-8 (the cluster layer validates it), but
 * any byte sequence is safe: malformed sequences are treated as ordinary
 * word bytes and every look-around is bounds-checked.
 */
#include "split.h"
#include "lang.h"

#include <utf8proc.h>

/* Byte classes for the fast skip loop: non-zero bytes need a look. */
enum {
    SPLIT_C_NONE = 0,
    SPLIT_C_TERM,  /* . ? !                                        */
    SPLIT_C_NL,    /* \n \r                                        */
    SPLIT_C_DQ,    /* "                                            */
    SPLIT_C_SQ,    /* '                                            */
    SPLIT_C_UPPER, /* A-Z: glued headline ("hackingObama")          */
    SPLIT_C_E2     /* lead byte of U+2000..U+2FFF: quotes, ellipsis */
};

#define SPLIT_ROW_NONE 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
static const unsigned char split_class[256] = {
    /* 0x00 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 2, 0, 0,
    /* 0x10 */ SPLIT_ROW_NONE,
    /* 0x20 */ 0, 1, 3, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 1, 0,
    /* 0x30 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
    /* 0x40 */ 0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
    /* 0x50 */ 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0,
    /* 0x60 */ SPLIT_ROW_NONE,
    /* 0x70 */ SPLIT_ROW_NONE,
    /* 0x80 */ SPLIT_ROW_NONE,
    /* 0x90 */ SPLIT_ROW_NONE,
    /* 0xa0 */ SPLIT_ROW_NONE,
    /* 0xb0 */ SPLIT_ROW_NONE,
    /* 0xc0 */ SPLIT_ROW_NONE,
    /* 0xd0 */ SPLIT_ROW_NONE,
    /* 0xe0 */ 0, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0xf0 */ SPLIT_ROW_NONE,
};
#undef SPLIT_ROW_NONE

/* ---- character tests ---------------------------------------------------
 * ASCII is decided inline; other code points are decoded with utf8proc
 * only at candidate positions, so the cost stays off the hot loop. */

static int split_is_alpha(unsigned char c) { return (unsigned char)((c | 0x20) - 'a') < 26; }
static int split_is_digit(unsigned char c) { return (unsigned char)(c - '0') < 10; }
static int split_is_lower_ascii(unsigned char c) { return (unsigned char)(c - 'a') < 26; }
static int split_is_upper_ascii(unsigned char c) { return (unsigned char)(c - 'A') < 26; }

/* The Unicode general category of the code point at s[i], or -1 for ASCII
   and malformed sequences. */
static int split_category(const unsigned char *s, size_t n, size_t i)
{
    if (i >= n || s[i] < 0x80)
        return -1;
    utf8proc_int32_t cp;
    size_t len = n - i < 4 ? n - i : 4;
    if (utf8proc_iterate(s + i, (utf8proc_ssize_t)len, &cp) < 0)
        return -1;
    return (int)utf8proc_category(cp);
}

static int split_upper_at(const unsigned char *s, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    if (s[i] < 0x80)
        return split_is_upper_ascii(s[i]);
    int cat = split_category(s, n, i);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

static int split_lower_at(const unsigned char *s, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    if (s[i] < 0x80)
        return split_is_lower_ascii(s[i]);
    return split_category(s, n, i) == UTF8PROC_CATEGORY_LL;
}

/* Length of the encoded code point starting at s[i] (1 for malformed). */
static size_t split_cp_len(const unsigned char *s, size_t n, size_t i)
{
    unsigned char c = s[i];
    size_t k = c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    if (k > n - i)
        return 1;
    for (size_t j = 1; j < k; j++)
        if ((s[i + j] & 0xc0) != 0x80)
            return 1;
    return k;
}

/* Length of the white-space character at s[i], 0 if none.  Besides ASCII
   this covers U+00A0, U+2000..U+200B, U+2028, U+2029, U+202F, U+205F,
   U+3000 and U+FEFF, all common in scraped pages.  *nl is set to 1 for a
   line break and 2 for a paragraph separator (U+2029). */
static size_t split_ws(const unsigned char *s, size_t n, size_t i, int *nl)
{
    unsigned char c = s[i];
    *nl = 0;
    if (c == ' ' || c == '\t' || c == '\v' || c == '\f')
        return 1;
    if (c == '\n') {
        *nl = 1;
        return 1;
    }
    if (c == '\r') {
        *nl = 1;
        return (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
    }
    if (c < 0xc2)
        return 0;
    if (c == 0xc2)
        return (i + 1 < n && s[i + 1] == 0xa0) ? 2 : 0;
    if (i + 2 >= n)
        return 0;
    unsigned char c1 = s[i + 1], c2 = s[i + 2];
    if (c == 0xe2 && c1 == 0x80) {
        if (c2 <= 0x8b || c2 == 0xaf)
            return 3;
        if (c2 == 0xa8 || c2 == 0xa9) {
            *nl = c2 == 0xa9 ? 2 : 1;
            return 3;
        }
        return 0;
    }
    if (c == 0xe2 && c1 == 0x81 && c2 == 0x9f)
        return 3;
    if (c == 0xe3 && c1 == 0x80 && c2 == 0x80)
        return 3;
    if (c == 0xef && c1 == 0xbb && c2 == 0xbf)
        return 3;
    return 0;
}

/* Length of the white-space character that ends just before s[e] (not
   before s[lo]), 0 if none. */
static size_t split_ws_before(const unsigned char *s, size_t n, size_t lo, size_t e)
{
    int nl;
    if (e > lo && s[e - 1] < 0x80) {
        unsigned char c = s[e - 1];
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f';
    }
    if (e >= lo + 2 && s[e - 2] == 0xc2 && s[e - 1] == 0xa0)
        return 2;
    if (e >= lo + 3 && split_ws(s, n, e - 3, &nl) == 3)
        return 3;
    return 0;
}

/* Skips white space from i; *lines gets the number of line breaks crossed
   (a paragraph separator counts as two, i.e. a blank line). */
static size_t split_skip_ws(const unsigned char *s, size_t n, size_t i, int *lines)
{
    int nl, count = 0;
    while (i < n) {
        size_t k = split_ws(s, n, i, &nl);
        if (!k)
            break;
        count += nl;
        i += k;
    }
    if (lines)
        *lines = count;
    return i;
}

/* Skips horizontal white space only (no line breaks). */
static size_t split_skip_hspace(const unsigned char *s, size_t n, size_t i)
{
    int nl;
    while (i < n) {
        size_t k = split_ws(s, n, i, &nl);
        if (!k || nl)
            break;
        i += k;
    }
    return i;
}

/* Curly quotes and dashes, all U+20xx: E2 80 xx. */
#define SPLIT_U_LSQUO 0x98 /* ' */
#define SPLIT_U_RSQUO 0x99 /* ' */
#define SPLIT_U_LDQUO 0x9c /* " */
#define SPLIT_U_RDQUO 0x9d /* " */
#define SPLIT_U_ENDASH 0x93
#define SPLIT_U_EMDASH 0x94
#define SPLIT_U_HBAR 0x95
#define SPLIT_U_ELLIPSIS 0xa6

/* The third byte of an E2 80 xx character at s[i], or 0. */
static unsigned char split_u20(const unsigned char *s, size_t n, size_t i)
{
    if (i + 2 < n && s[i] == 0xe2 && s[i + 1] == 0x80)
        return s[i + 2];
    return 0;
}

/* An opening quote or bracket that may precede the first word of a
   sentence; returns its length or 0. */
static size_t split_opener(const unsigned char *s, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    if (s[i] == '"' || s[i] == '\'' || s[i] == '(' || s[i] == '[')
        return 1;
    unsigned char u = split_u20(s, n, i);
    if (u == SPLIT_U_LDQUO || u == SPLIT_U_LSQUO)
        return 3;
    if (i + 1 < n && s[i] == 0xc2 && s[i + 1] == 0xab) /* << guillemet */
        return 2;
    return 0;
}

/* ---- word lists -------------------------------------------------------
 * From the language's pack (data/lang/<code>, lang.h; English when the
 * language has none): abbreviations.txt tags a title (never ends a
 * sentence: "Gov.", "Sra.", "Dott.", and "M." for Monsieur), a "may end"
 * abbreviation (ends one only before a typical sentence opener) and a
 * "No."-like one (does not end one before a number); openers.txt lists the
 * openers, months.txt and weekdays.txt the words that follow "a.m." in one
 * sentence. */

/* Does pack pk list lower-case w with one of classes cls (and, when tags
   is non-zero, one of tags)? */
static int split_in(const lang_pack *pk, const char *w, uint32_t cls, uint64_t tags)
{
    const lang_word *e = lang_pack_word(pk, w, strlen(w));
    return e && (e->cls & cls) && (!tags || (e->tags & tags));
}

/* Copies the ASCII-letter word at s[i] lower-cased into buf (cap bytes
   with the NUL); returns its length, 0 if there is no such word or it does
   not fit.  The word must end at a non-letter. */
static size_t split_word_lower(const unsigned char *s, size_t n, size_t i, char *buf,
                               size_t cap)
{
    size_t k = 0;
    while (i + k < n && split_is_alpha(s[i + k])) {
        if (k + 1 >= cap)
            return 0;
        buf[k] = (char)(s[i + k] | 0x20);
        k++;
    }
    if (i + k < n && s[i + k] >= 0x80)
        return 0; /* continues with a non-ASCII letter: not a list word */
    buf[k] = '\0';
    return k;
}

/* ---- the word before a full stop -------------------------------------- */

typedef enum split_kind {
    SPLIT_K_WORD = 0, /* anything else: the stop ends the sentence      */
    SPLIT_K_TITLE,    /* never ends a sentence                           */
    SPLIT_K_MAYEND,   /* ends one before a sentence opener               */
    SPLIT_K_INITIAL,  /* one letter: "W." in "George W. Bush"            */
    SPLIT_K_ACRONYM,  /* dotted: "U.S.", "a.m.", "Ph.D."                 */
    SPLIT_K_NUMABBR   /* "No." before a number                           */
} split_kind;

typedef struct split_prev {
    split_kind kind;
    int upper; /* the token starts with an upper-case letter */
    int time;  /* "a.m." or "p.m." */
} split_prev;

/* Why: the word before a full stop is the strongest evidence there is.
   The token is the run of ASCII letters and inner dots ending at the stop
   at s[p], at most 15 bytes; a longer or non-ASCII token is an ordinary
   word.  "U.S." is an acronym because every dotted segment has one or two
   letters ("Ph.D." too); "Yahoo.com." is an ordinary word. */
static split_prev split_prev_token(const lang_pack *pk, const unsigned char *s, size_t n,
                                   size_t lo, size_t p)
{
    split_prev r = {SPLIT_K_WORD, 0, 0};
    /* PTB text spaces the full stop off its word ("U . S .", "Dr .
       Regina M . Benjamin"): an initial or a title one space before it
       is read as if the stop were glued to it; other words as they are */
    if (p >= lo + 2 && p >= 2 && s[p - 1] == ' ' && split_is_alpha(s[p - 2])) {
        split_prev g = split_prev_token(pk, s, n, lo, p - 1);
        /* "7 p . m . when": the clock word spaced out */
        if (g.kind == SPLIT_K_INITIAL && (s[p - 2] | 0x20) == 'm' && p >= lo + 6 &&
            s[p - 3] == ' ' && s[p - 4] == '.' && s[p - 5] == ' ' &&
            ((s[p - 6] | 0x20) == 'a' || (s[p - 6] | 0x20) == 'p') &&
            (p == lo + 6 || !split_is_alpha(s[p - 7])))
            return (split_prev){SPLIT_K_ACRONYM, 0, 1};
        if (g.kind == SPLIT_K_NUMABBR && (s[p - 2] | 0x20) == 'p' && p + 3 < n &&
            s[p + 1] == ' ' && (s[p + 2] | 0x20) == 'm' && s[p + 3] == ' ')
            g.kind = SPLIT_K_INITIAL; /* "7 p . m .": not "p. 5" */
        return g;
    }
    size_t b = p;
    while (b > lo && p - b < 16 && (split_is_alpha(s[b - 1]) || s[b - 1] == '.'))
        b--;
    while (b < p && s[b] == '.')
        b++;
    if (b == p || p - b >= 16)
        return r;
    if (b > lo && ((s[b - 1] >= 0x80 && !split_ws_before(s, n, lo, b)) ||
                   split_is_digit(s[b - 1]) || s[b - 1] == '_'))
        return r; /* part of a longer non-ASCII or alphanumeric token */
    r.upper = split_is_upper_ascii(s[b]);
    char w[16];
    size_t len = 0, seg = 0, segmax = 0, dots = 0;
    for (size_t k = b; k < p; k++) {
        if (s[k] == '.') {
            dots++;
            if (seg == 0)
                return r; /* ".." inside: not an abbreviation */
            seg = 0;
            continue;
        }
        seg++;
        if (seg > segmax)
            segmax = seg;
        w[len++] = (char)(s[k] | 0x20);
    }
    w[len] = '\0';
    if (dots) {
        /* "e.g.", "cf." (the pack's abbreviations that never end a
           sentence); "p.m." (a clock word of the pack) */
        if (split_in(pk, w, LW_ABBR, LT_ATITLE))
            r.kind = SPLIT_K_TITLE;
        else if (segmax <= 2)
            r.kind = SPLIT_K_ACRONYM;
        r.time = split_in(pk, w, LW_TIME, 0);
        return r;
    }
    if (len == 1 && split_in(pk, w, LW_ABBR, LT_ATITLE)) {
        r.kind = SPLIT_K_TITLE; /* "M. Le Drian" */
        return r;
    }
    if (len == 1) {
        r.kind = SPLIT_K_INITIAL;
        /* "p." is both an initial and "page"; a number decides below */
        if (w[0] == 'p' && !r.upper) /* "Scott P. Brown" is an initial */
            r.kind = SPLIT_K_NUMABBR;
        return r;
    }
    if (split_in(pk, w, LW_ABBR, LT_ATITLE))
        r.kind = SPLIT_K_TITLE;
    else if (split_in(pk, w, LW_ABBR, LT_ANUM))
        r.kind = SPLIT_K_NUMABBR;
    else if (split_in(pk, w, LW_ABBR, LT_AEND))
        r.kind = SPLIT_K_MAYEND;
    return r;
}

/* Why: after "U.S." or "Inc." the next word has to carry the decision.
   A typical sentence opener ends the sentence.  For a token written in
   upper case (cased text) the opener must be capitalised too, so "U.S. in
   2016" stays whole.  For a lower-case token (lower-cased text) only the
   strong openers count, in any case: Multi-News re-capitalised the word
   after "u.s." wherever its own splitter cut ("the u.s. And europe"), so
   the capital itself is no evidence there. */
static int split_starter_follows(const lang_pack *pk, const unsigned char *s, size_t n, size_t w,
                                 int need_upper)
{
    char buf[16];
    if (w >= n || !split_is_alpha(s[w]))
        return 0;
    if (need_upper && !split_is_upper_ascii(s[w]))
        return 0;
    if (!split_word_lower(s, n, w, buf, sizeof buf))
        return 0;
    return split_in(pk, buf, LW_OPENER, need_upper ? 0 : LT_STRONG);
}

/* After a quotation closed by "?" or "!", a name and a verb of saying
   go on with it ("\"Have you gone today?\" Bachmann asked her followers
   ..."): up to three capitalised words, then the pack's say word. */
static int split_said_follows(const lang_pack *pk, const unsigned char *s, size_t n, size_t w)
{
    char buf[16];
    for (int names = 0; names <= 3; names++) {
        if (w >= n || !split_is_alpha(s[w]))
            return 0;
        size_t k = split_word_lower(s, n, w, buf, sizeof buf);
        if (!k)
            return 0;
        if (!split_is_upper_ascii(s[w]))
            return names > 0 && split_in(pk, buf, LW_SAY, 0);
        w += k;
        if (w < n && s[w] == '.')
            w++; /* "Sen." */
        if (w >= n || s[w] != ' ')
            return 0;
        w++;
    }
    return 0;
}

/* After "a.m." or "p.m." a capitalised word starts a sentence ("at 8 p.m.
   Results are due") unless it is a day or a month ("8 p.m. Monday").
   Other lower-case acronyms do not get this rule: Multi-News capitalised
   the word after "u.s." wherever its own splitter cut there ("the u.s.
   Officials said"), so a capital after "u.s." is no evidence. */
static int split_capital_follows(const lang_pack *pk, const unsigned char *s, size_t n, size_t w)
{
    char buf[16];
    if (!split_upper_at(s, n, w) || !split_lower_at(s, n, w + split_cp_len(s, n, w)))
        return 0;
    if (split_word_lower(s, n, w, buf, sizeof buf) && split_in(pk, buf, LW_MONTH | LW_WDAY, 0))
        return 0;
    return 1;
}

/* ---- datelines ----------------------------------------------------------
 * Why: a dateline ("MOSCOW --", "WASHINGTON (AP) --", "LONDON, Dec 30
 * (Reuters) - ", Multi-News "north attleborough, mass. ( ap ) --") is not
 * part of the first sentence, and quoting it in a summary reads badly.  It
 * is only looked for at the start of the text or of a line, within 120
 * bytes, and must be either all-capital place words or carry a
 * parenthesised source, so "Obama -- who ..." is left alone. */

/* A dash introducing the body at s[i]: returns the index after it and the
   white space that follows, or 0 when there is none. */
static size_t split_dateline_dash(const unsigned char *s, size_t n, size_t i)
{
    size_t k;
    unsigned char u = split_u20(s, n, i);
    if (u == SPLIT_U_EMDASH || u == SPLIT_U_ENDASH || u == SPLIT_U_HBAR)
        k = i + 3;
    else if (i + 1 < n && s[i] == '-' && s[i + 1] == '-')
        k = i + 2;
    else if (i < n && s[i] == '-')
        k = i + 1;
    else
        return 0;
    size_t e = split_skip_hspace(s, n, k);
    if (e == k && s[i] == '-')
        return 0; /* "-word" is not a dateline dash */
    if (e >= n)
        return 0;
    return e;
}

/* Length of the letter (any script) at s[i], 0 if none. */
static size_t split_letter_len(const unsigned char *s, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    if (s[i] < 0x80)
        return split_is_alpha(s[i]) ? 1 : 0;
    int cat = split_category(s, n, i);
    if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)
        return split_cp_len(s, n, i);
    return 0;
}

static size_t split_dateline(const unsigned char *s, size_t n, size_t i)
{
    size_t j = i, lim = n - i > 120 ? i + 120 : n;
    int words = 0, caps = 1, letters = 0, comma = 0;
    while (j < lim) {
        unsigned char c = s[j];
        size_t l = split_letter_len(s, n, j);
        if (l) {
            /* a place word: "NEW", "ST.", "N.C.", "D'IVOIRE", "berlin/athens" */
            if (++words > 8)
                return i;
            while (j < lim) {
                if ((l = split_letter_len(s, n, j)) != 0) {
                    if (!comma) {
                        letters++;
                        if (l > 1 || split_is_lower_ascii(s[j]))
                            caps = 0;
                    }
                    j += l;
                } else if ((s[j] == '.' || s[j] == '\'' || s[j] == '/' || s[j] == '-') &&
                           j + 1 < lim && (split_letter_len(s, n, j + 1) || s[j] == '.')) {
                    j++;
                } else {
                    break;
                }
            }
        } else if (split_is_digit(c) && words) {
            while (j < lim && split_is_digit(s[j]))
                j++; /* "LONDON, Dec 30 (Reuters)" */
        } else if (c == ',' && words) {
            comma = 1;
            j++;
        } else if (c == ' ' || c == '\t' || (c == 0xc2 && j + 1 < lim && s[j + 1] == 0xa0)) {
            j += c == 0xc2 ? 2 : 1;
        } else if (c == '(') {
            /* a source, letters, spaces, dots and '&' only: "(AP)",
               "( reuters )"; the dash must follow it */
            size_t k = j + 1;
            int sl = 0;
            while (k < lim && k - j < 40 &&
                   (split_is_alpha(s[k]) || s[k] == ' ' || s[k] == '.' || s[k] == '&')) {
                sl += split_is_alpha(s[k]);
                k++;
            }
            if (k >= lim || s[k] != ')' || sl < 2)
                return i;
            k = split_skip_hspace(s, n, k + 1);
            size_t e = split_dateline_dash(s, n, k);
            return e ? e : i;
        } else {
            /* no source: only capitals ("MOSCOW --"), and the body must
               start with a capital, so "NATO -- the alliance" stays */
            size_t e = split_dateline_dash(s, n, j);
            if (!e || !words || !caps || letters < 2)
                return i;
            size_t q = split_opener(s, n, e);
            if (!split_upper_at(s, n, e + q))
                return i;
            /* a capitalised lead's hyphenated word ("A FIRE - BOMB attack
               on a bank"): no place name opens with an article */
            if (i + 2 < n && s[i] == 'A' && (s[i + 1] == ' ' || (s[i + 1] == 'N' && s[i + 2] == ' ')))
                return i;
            return e;
        }
    }
    return i;
}

/* ---- the splitter state ------------------------------------------------ */

typedef struct split_state {
    const unsigned char *s;
    size_t n;
    split_cb cb;
    void *ud;
    const lang_pack *pk; /* the language's abbreviations, openers    */
    size_t st;           /* start of the current sentence            */
    int quote_open;    /* a straight double quote is open             */
    size_t wc_pos;     /* word counter: counted up to here            */
    size_t wc_words;   /* words of the current sentence so far        */
    size_t next_check; /* when to count words next                    */
    int rc;
} split_state;

#define SPLIT_MAXW ((size_t)PRECIS_MAX_SENTENCE_WORDS)

/* Starts the next sentence at the first non-space byte from `from`;
   `line_start` says whether it begins a line (look for a dateline). */
static void split_begin(split_state *S, size_t from, int line_start)
{
    size_t k = split_skip_ws(S->s, S->n, from, NULL);
    if (line_start)
        k = split_dateline(S->s, S->n, k);
    S->st = k;
    S->wc_pos = k;
    S->wc_words = 0;
    S->next_check = k + 2 * SPLIT_MAXW;
}

/* Ends the current sentence at `end` (trimmed) and starts the next at the
   first non-space byte from `from`.  Returns the callback's value. */
static int split_boundary(split_state *S, size_t end, size_t from)
{
    const unsigned char *s = S->s;
    size_t st = S->st, e = end;
    size_t w;
    while (e > st && (w = split_ws_before(s, S->n, st, e)) != 0)
        e -= w;
    if (e > st) {
        int rc = S->cb(S->ud, st, e);
        if (rc) {
            S->rc = rc;
            return rc;
        }
    }
    int lines = 0;
    size_t k = split_skip_ws(s, S->n, from, &lines);
    if (lines >= 2)
        S->quote_open = 0;
    split_begin(S, k, lines > 0 || k == 0);
    return 0;
}

/* Why: a text with no sentence end must not become one endless
   "sentence" (scoring is superlinear in sentence length, and the output
   would be unreadable), so words are counted -- lazily, only once the
   current sentence is long enough in bytes to possibly exceed the limit --
   and the sentence is cut before word PRECIS_MAX_SENTENCE_WORDS + 1.
   Returns the cut position, or 0 with the count advanced to `upto`. */
static size_t split_count_words(split_state *S, size_t upto)
{
    const unsigned char *s = S->s;
    size_t i = S->wc_pos;
    int nl;
    int inword = i > S->st && !split_ws_before(s, S->n, S->st, i);
    while (i < upto) {
        size_t k = split_ws(s, S->n, i, &nl);
        if (k) {
            inword = 0;
            i += k;
            continue;
        }
        if (!inword) {
            inword = 1;
            if (S->wc_words == SPLIT_MAXW) {
                S->wc_pos = i;
                return i;
            }
            S->wc_words++;
        }
        i++;
    }
    S->wc_pos = i;
    size_t left = SPLIT_MAXW - S->wc_words;
    S->next_check = i + 2 * left + 1;
    return 0;
}

/* Does a new sentence start, glued, at s[j]: an upper-case letter that
   begins a word ("The", "A ", "I'm"), possibly behind an opening quote? */
static int split_glued_start(const unsigned char *s, size_t n, size_t j)
{
    size_t q = split_opener(s, n, j);
    if (q && s[j] != '(' && s[j] != '[')
        j += q;
    if (!split_upper_at(s, n, j))
        return 0;
    size_t k = j + split_cp_len(s, n, j);
    if (k >= n)
        return 0;
    if (split_lower_at(s, n, k))
        return 1;
    /* one-letter words: "A", "I" */
    return (s[j] == 'A' || s[j] == 'I') && (s[k] == ' ' || s[k] == '\'');
}

/* Why: "Friday.The" is two sentences but "pic.twitter.com/AbC",
   "Yahoo.Com", "john.Smith@example.com" and "U.S.Army" are not.  The
   token around the stop (at most 64 bytes each way, to stay linear) is
   checked for URL and e-mail marks. */
static int split_urlish(const unsigned char *s, size_t n, size_t lo, size_t p, size_t j)
{
    for (size_t b = p; b > lo && p - b < 64; b--) {
        unsigned char c = s[b - 1];
        if (c == ' ' || c == '\n' || c == '\t' || c == '"' || c == '(')
            break;
        if (c == '/' || c == '@' || c == ':' || c == '=' || c == '_')
            return 1;
        if (c == 'w' && b >= 3 && p - b < 60 && (s[b - 2] | 0x20) == 'w' &&
            (s[b - 3] | 0x20) == 'w' && b < p && s[b] == '.')
            return 1;
    }
    for (size_t f = j; f < n && f - j < 64; f++) {
        unsigned char c = s[f];
        if (c == ' ' || c == '\n' || c == '\t' || c == '"')
            break;
        if (c == '/' || c == '@' || c == '=' || c == '_')
            return 1;
    }
    static const char *const tlds[] = {"biz", "com", "edu", "gov", "info", "io",
                                       "net", "org", "tv",  "uk"};
    char w[8];
    if (split_word_lower(s, n, j, w, sizeof w))
        for (size_t k = 0; k < sizeof tlds / sizeof *tlds; k++)
            if (!strcmp(tlds[k], w))
                return 1;
    return 0;
}

/* A run of terminal punctuation: where it starts (p) and ends with its
   closers (j), what it holds, and the token before it. */
typedef struct split_run {
    size_t p, j;
    int dots, qe, ell, cquote, cbracket;
    split_prev prev;
} split_run;

/* Reads the run itself, with the closing quotes and brackets glued to it. */
static void split_run_read(split_state *S, split_run *r)
{
    const unsigned char *s = S->s;
    size_t n = S->n, j = r->j;
    while (j < n) {
        unsigned char c = s[j];
        unsigned char u = split_u20(s, n, j);
        if (c == '.') {
            r->dots++;
            j++;
        } else if (c == '?' || c == '!') {
            r->qe = 1;
            j++;
        } else if (u == SPLIT_U_ELLIPSIS) {
            r->ell = 1;
            j += 3;
        } else if (c == ')' || c == ']') {
            r->cbracket = 1;
            j++;
        } else if (u == SPLIT_U_RDQUO || u == SPLIT_U_RSQUO) {
            r->cquote = 1;
            j += 3;
        } else if (c == '"') {
            /* closing unless it opens a glued next sentence: `."The` */
            if (j + 1 < n && (split_is_alpha(s[j + 1]) || s[j + 1] >= 0x80) && !S->quote_open)
                break;
            S->quote_open = 0;
            r->cquote = 1;
            j++;
        } else if (c == '\'') {
            /* after a stop a single quote closes: `handled.'Lavrov` */
            r->cquote = 1;
            j++;
        } else {
            break;
        }
    }
    r->j = j;
}

/* Takes in the closers that PTB-spaced text sets apart:
   `affair . " democratic`, `( d-fla . )`. */
static void split_run_spaced_closers(split_state *S, split_run *r)
{
    const unsigned char *s = S->s;
    size_t n = S->n;
    for (;;) {
        size_t k = split_skip_hspace(s, n, r->j);
        if (k == r->j || k >= n)
            break;
        size_t k1 = k + 1;
        int spaced_after = k1 >= n || split_ws(s, n, k1, &(int){0}) || s[k1] == ',' ||
                           s[k1] == '.' || s[k1] == ')';
        if ((s[k] == ')' || s[k] == ']') && spaced_after) {
            r->cbracket = 1;
            r->j = k1;
        } else if (s[k] == '"' && spaced_after &&
                   (S->quote_open || split_skip_ws(s, n, k1, NULL) >= n)) {
            /* a closing quote, or a lone one ending the text */
            S->quote_open = 0;
            r->cquote = 1;
            r->j = k1;
        } else if (s[k] == '\'' && k1 < n && (s[k1] == ' ' || s[k1] == '\n')) {
            r->cquote = 1;
            r->j = k1;
        } else {
            break;
        }
    }
}

/* The run is glued to what follows ("Friday.The", `unanswered."But`,
   `.""The`): a boundary when a sentence plainly starts there and the
   stop is no abbreviation, initial or URL dot.  Returns where to go on. */
static size_t split_run_glued(split_state *S, const split_run *r)
{
    const unsigned char *s = S->s;
    size_t n = S->n, p = r->p, j = r->j;
    unsigned char b = p > S->st ? s[p - 1] : 0;
    int before_ok = split_is_lower_ascii(b) || split_is_digit(b) || b == '"' || b == '\'' ||
                    b == ')' || b >= 0x80 || r->qe || r->ell;
    if (!before_ok || !split_glued_start(s, n, j))
        return j;
    if (!r->qe && !r->ell && !r->cquote) {
        split_kind pk = r->prev.kind;
        if (pk == SPLIT_K_TITLE || pk == SPLIT_K_ACRONYM || pk == SPLIT_K_INITIAL)
            return j;
        if (pk == SPLIT_K_MAYEND && !split_starter_follows(S->pk, s, n, j, 1))
            return j;
        if (split_urlish(s, n, S->st, p, j))
            return j;
    }
    if (s[j] == '"')
        S->quote_open = 1;
    split_boundary(S, j, j);
    return S->st > j ? S->st : j + 1;
}

/* White space follows the run and the next word starts at k (lines: line
   breaks in between): does the sentence end here?  Decided by the run
   (?!, ellipsis, closing quote) and the token before it (title,
   abbreviation before a number, initial, acronym, time). */
static int split_run_ends(split_state *S, const split_run *r, size_t k, int lines)
{
    const unsigned char *s = S->s;
    size_t n = S->n, p = r->p;
    size_t w = k, q, opened = 0;
    for (int guard = 0; guard < 4 && (q = split_opener(s, n, w)) != 0; guard++) {
        opened |= s[w] != '(' && s[w] != '['; /* "apple inc. ( aapl )" goes on */
        w = split_skip_hspace(s, n, w + q);
    }
    int up = split_upper_at(s, n, w), low = split_lower_at(s, n, w);
    const split_prev prev = r->prev;
    if (r->qe) /* "Why?" he asked. -- but "Why? the" in lower-cased text ends */
        return !(r->cquote && !lines && (low || split_said_follows(S->pk, s, n, w)));
    if (r->ell || r->dots >= 2)
        return up;
    if (r->cquote)
        return prev.kind != SPLIT_K_TITLE || up;
    switch (prev.kind) {
    case SPLIT_K_TITLE: return 0;
    case SPLIT_K_NUMABBR: return !(w < n && (split_is_digit(s[w]) || s[w] == '#'));
    case SPLIT_K_INITIAL:
    case SPLIT_K_ACRONYM:
    case SPLIT_K_MAYEND:
        if (prev.kind == SPLIT_K_ACRONYM && prev.time) {
            /* "a.m." / "p.m." are lower case in cased text too, and
               Multi-News re-capitalised every sentence start: only a
               capital after them ends the sentence ("By 4 p.m. the
               river had fallen" stays whole) */
            return split_capital_follows(S->pk, s, n, w) || (opened && up && !r->cbracket);
        }
        /* "L . A . Superior Court", "L. A. Times": a dotted capital
           after an initial spells one acronym on */
        if (prev.kind == SPLIT_K_INITIAL && prev.upper && w + 1 < n &&
            split_is_upper_ascii(s[w]) &&
            (s[w + 1] == '.' || (w + 2 < n && s[w + 1] == ' ' && s[w + 2] == '.')))
            return 0;
        return split_starter_follows(S->pk, s, n, w, prev.upper) ||
               (opened && (up || !prev.upper) && !r->cbracket) ||
               (prev.kind == SPLIT_K_ACRONYM && prev.time &&
                split_capital_follows(S->pk, s, n, w));
    default: {
        if (r->cbracket && low && !lines)
            return 0; /* "( d-mass. ) and": the parenthesis goes on */
        /* "hp . com": a domain spaced off */
        if (!lines && w == p + 2 && w + 3 <= n &&
            (!memcmp(s + w, "com", 3) || !memcmp(s + w, "org", 3) || !memcmp(s + w, "net", 3)) &&
            (w + 3 == n || !split_is_alpha(s[w + 3])))
            return 0;
        /* "162 - 139 ( . 538 )": a stop right after an opening
           parenthesis opens a number, it ends nothing */
        if (p >= 1 && (s[p - 1] == '(' || (p >= 2 && s[p - 1] == ' ' && s[p - 2] == '(')))
            return 0;
        /* "a magnitude 5 . 9 quake": a decimal point spaced off in PTB
           text, a digit or two on each side */
        if (!lines && p >= 2 && s[p - 1] == ' ' && w == p + 2) {
            size_t before = 0, after = 0;
            while (before < 4 && p - 1 > before && split_is_digit(s[p - 2 - before]))
                before++;
            while (after < 3 && w + after < n && split_is_digit(s[w + after]))
                after++;
            if (before >= 1 && before <= 2 && after >= 1 && after <= 2)
                return 0;
            /* "$119 . 99", "$ 1,119 . 99": dollars and cents */
            size_t c0 = p - 1 - before; /* the number's first digit */
            while (c0 > 0 && (s[c0 - 1] == ',' || split_is_digit(s[c0 - 1])))
                c0--;
            if (before >= 1 && after == 2 && c0 > 0 &&
                (s[c0 - 1] == '$' || (c0 > 1 && s[c0 - 1] == ' ' && s[c0 - 2] == '$')))
                return 0;
        }
        /* "1. First item": a list number opening a line */
        size_t d = S->st;
        while (d < p && split_is_digit(s[d]))
            d++;
        return !(d == p && p - S->st <= 2 && p > S->st);
    }
    }
}

/* Why: the run of terminal punctuation starting at i, with the closing
   quotes and brackets after it, is the only place (besides line breaks and
   glued quotes) where a sentence can end.  This reads the run, decides
   from what precedes and follows it, and returns the index to continue
   from (always > i). */
static size_t split_terminal(split_state *S, size_t i)
{
    const unsigned char *s = S->s;
    size_t n = S->n;
    split_run r = {.p = i, .j = i, .prev = {SPLIT_K_WORD, 0, 0}};
    split_run_read(S, &r);
    split_run_spaced_closers(S, &r);
    if (r.dots == 1 && !r.qe && !r.ell)
        r.prev = split_prev_token(S->pk, s, n, S->st, r.p);
    if (r.j >= n)
        return r.j; /* the final emit ends the sentence */
    int lines;
    size_t k = split_skip_ws(s, n, r.j, &lines);
    if (k == r.j)
        return split_run_glued(S, &r);
    if (k >= n)
        return n;
    unsigned char c = s[k];
    if (c == ',' || c == ';' || c == ':' || c == '.' || c == '?' || c == '!')
        return k; /* "U.S. , and" (PTB), "... ." */
    if (!split_run_ends(S, &r, k, lines))
        return r.j;
    split_boundary(S, r.j, r.j);
    return S->st > r.j ? S->st : r.j;
}

/* Why: a line break ends a sentence when the text is laid out in lines --
   a headline, a caption, a list -- but not in hard-wrapped prose.  A blank
   line always does; a single break does when the next line starts like a
   sentence and the previous one does not end mid-phrase. */
static size_t split_newline(split_state *S, size_t i)
{
    const unsigned char *s = S->s;
    size_t n = S->n;
    int lines;
    size_t k = split_skip_ws(s, n, i, &lines);
    if (k >= n)
        return n;
    if (lines >= 2) {
        split_boundary(S, i, i);
        return S->st > i ? S->st : k;
    }
    /* the last non-space byte of the line before */
    size_t e = i, w;
    while (e > S->st && (w = split_ws_before(s, n, S->st, e)) != 0)
        e -= w;
    if (e == S->st) {
        split_begin(S, k, 1);
        return S->st > i ? S->st : k;
    }
    unsigned char last = s[e - 1];
    unsigned char u = e >= 3 ? split_u20(s, n, e - 3) : 0;
    if (last == ',' || last == ';' || last == '-' || last == '(' || last == '&' ||
        last == '/' || u == SPLIT_U_ENDASH || u == SPLIT_U_EMDASH)
        return k;
    size_t q = split_opener(s, n, k);
    unsigned char c = s[k];
    int starts = split_upper_at(s, n, k) || split_is_digit(c) || (q && c != '(') ||
                 c == '*' || c == '#' || (c == '-' && k + 1 < n && s[k + 1] == ' ');
    if (!starts) {
        unsigned char v = split_u20(s, n, k);
        starts = v == 0xa2 /* bullet */ || v == SPLIT_U_EMDASH || v == SPLIT_U_ENDASH;
    }
    if (!starts)
        return k;
    split_boundary(S, i, i);
    return S->st > i ? S->st : k;
}

/* A straight double quote at i: track whether a quotation is open, and
   split a headline glued to the quotation that follows it
   (`broadens post-sanctions"We will`). */
static size_t split_dquote(split_state *S, size_t i)
{
    const unsigned char *s = S->s;
    size_t n = S->n;
    int nl;
    int space_before = i == 0 || split_ws_before(s, n, 0, i) || s[i - 1] == '(' ||
                       s[i - 1] == '[';
    int space_after = i + 1 >= n || split_ws(s, n, i + 1, &nl) || s[i + 1] == ',' ||
                      s[i + 1] == '.' || s[i + 1] == ')' || s[i + 1] == ';' ||
                      s[i + 1] == ':' || s[i + 1] == '?' || s[i + 1] == '!';
    if (space_before && !space_after) {
        S->quote_open = 1;
    } else if (!space_before && space_after) {
        S->quote_open = 0;
    } else if (!space_before && !space_after) {
        if (!S->quote_open && i > S->st && split_is_alpha(s[i - 1]) &&
            split_glued_start(s, n, i + 1) && split_upper_at(s, n, i + 1)) {
            S->quote_open = 1;
            split_boundary(S, i, i);
            return i + 1;
        }
        S->quote_open = !S->quote_open;
    } else {
        S->quote_open = !S->quote_open;
    }
    return i + 1;
}

/* Is a single quotation open before i in the current sentence: an
   opening mark (U+2018, or a straight one after a space and before a
   letter) within SPLIT_SQ_BACK bytes?  Without one, a mark between two
   letters is an apostrophe: Italian and French elision ("dell'Egitto",
   "all'Associated Press", "l'Europe") is no closing quote. */
#define SPLIT_SQ_BACK 600
static int split_squote_open(const split_state *S, size_t i)
{
    const unsigned char *s = S->s;
    size_t lo = i - S->st > SPLIT_SQ_BACK ? i - SPLIT_SQ_BACK : S->st;
    for (size_t k = i; k > lo;) {
        k--;
        if (s[k] == '\'' && k + 1 < i && split_is_alpha(s[k + 1]) &&
            (k == S->st || s[k - 1] == ' ' || s[k - 1] == '\n' || s[k - 1] == '(' ||
             s[k - 1] == '"'))
            return 1;
        if (s[k] == 0x98 && k >= 2 && s[k - 2] == 0xE2 && s[k - 1] == 0x80)
            return 1;
    }
    return 0;
}

/* Two glued-text patterns around quotes other than after a full stop:
   `said"We` / `said"We` with a curly opening quote (split before it) and
   `handled'Lavrov` with a closing single quote (split after it). */
static size_t split_quote_glue(split_state *S, size_t i, size_t qlen, int opening)
{
    const unsigned char *s = S->s;
    size_t n = S->n;
    size_t a = i + qlen;
    if (opening) {
        if (i > S->st && (split_is_alpha(s[i - 1]) || split_is_digit(s[i - 1])) &&
            split_upper_at(s, n, a) && split_glued_start(s, n, a)) {
            split_boundary(S, i, i);
            return a;
        }
        return a;
    }
    if (i >= S->st + 2 && split_is_lower_ascii(s[i - 1]) && split_is_lower_ascii(s[i - 2]) &&
        split_upper_at(s, n, a) && split_glued_start(s, n, a) &&
        (a + 1 < n && split_lower_at(s, n, a + 1)) && split_squote_open(S, i)) {
        split_boundary(S, a, a);
        return a;
    }
    return a;
}

/* Why: scraped pages glue a headline to the first sentence without any
   punctuation ("over election hackingObama: 'We handled it"). An upper-case
   letter right after a lower-case run of five or more letters that starts
   a word, followed by lower case, is taken as a new start.  Handles,
   hashtags and URLs ("@realDonaldTrump") are excluded because their word
   does not start after white space; brand names like "iPhone" or
   "YouTube" have shorter runs. */
static size_t split_camel(split_state *S, size_t i)
{
    const unsigned char *s = S->s;
    size_t n = S->n;
    if (i == 0 || !split_is_lower_ascii(s[i - 1]) || i + 2 >= n ||
        !split_is_lower_ascii(s[i + 1]) || !split_is_lower_ascii(s[i + 2]))
        return i + 1;
    size_t r = i;
    while (r > S->st && i - r < 32 && split_is_lower_ascii(s[r - 1]))
        r--;
    if (i - r < 5 || i - r >= 32)
        return i + 1;
    if (r > S->st && !split_ws_before(s, n, S->st, r))
        return i + 1;
    split_boundary(S, i, i);
    return i + 1;
}

int split_text(const char *text, size_t n, split_cb cb, void *ud)
{
    return split_text_lang(NULL, text, n, cb, ud);
}

int split_text_lang(const lang_pack *pk, const char *text, size_t n, split_cb cb, void *ud)
{
    if (!text || !n)
        return 0;
    split_state S;
    S.pk = pk ? pk : lang_pack_find("en");
    S.s = (const unsigned char *)text;
    S.n = n;
    S.cb = cb;
    S.ud = ud;
    S.quote_open = 0;
    S.rc = 0;
    split_begin(&S, 0, 1);
    const unsigned char *s = S.s;
    size_t i = S.st;
    while (i < n && !S.rc) {
        size_t lim = S.next_check < n ? S.next_check : n;
        while (i < lim && !split_class[s[i]])
            i++;
        if (i >= S.next_check) {
            size_t cut = split_count_words(&S, i < n ? i : n);
            if (cut && cut > S.st) {
                split_boundary(&S, cut, cut);
                if (i < S.st)
                    i = S.st;
            }
            continue;
        }
        if (i >= n)
            break;
        switch (split_class[s[i]]) {
        case SPLIT_C_TERM: i = split_terminal(&S, i); break;
        case SPLIT_C_NL: i = split_newline(&S, i); break;
        case SPLIT_C_DQ: i = split_dquote(&S, i); break;
        case SPLIT_C_SQ: {
            if (i + 1 < n && i > S.st && split_is_alpha(s[i - 1]) && split_is_alpha(s[i + 1]))
                i = split_quote_glue(&S, i, 1, 0);
            else
                i++;
            break;
        }
        case SPLIT_C_UPPER: i = split_camel(&S, i); break;
        case SPLIT_C_E2: {
            unsigned char u = split_u20(s, n, i);
            if (u == SPLIT_U_ELLIPSIS)
                i = split_terminal(&S, i);
            else if (u == SPLIT_U_LDQUO)
                i = split_quote_glue(&S, i, 3, 1);
            else if (u == SPLIT_U_RDQUO || u == SPLIT_U_RSQUO)
                i = split_quote_glue(&S, i, 3, 0);
            else if (u == 0xa8 || u == 0xa9)
                i = split_newline(&S, i);
            else
                i++;
            break;
        }
        default: i++; break;
        }
    }
    if (S.rc)
        return S.rc;
    split_boundary(&S, n, n);
    return S.rc;
}

/* ---- the public wrapper ------------------------------------------------ */

typedef struct split_vec {
    precis_span *v;
    size_t n, cap;
} split_vec;

static int split_collect(void *ud, size_t start, size_t end)
{
    split_vec *a = ud;
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 16;
        precis_span *v = prealloc(a->v, pmul(cap, sizeof *v));
        if (!v)
            return PRECIS_ENOMEM;
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n].start = start;
    a->v[a->n].end = end;
    a->n++;
    return 0;
}

precis_status precis_split(const char *text, size_t len, precis_span **spans, size_t *n)
{
    if (!spans || !n || (!text && len))
        return PRECIS_EINVAL;
    *spans = NULL;
    *n = 0;
    split_vec a = {NULL, 0, 0};
    int rc = split_text(text, len, split_collect, &a);
    if (rc) {
        pfree(a.v);
        return rc < 0 ? (precis_status)rc : PRECIS_ENOMEM;
    }
    if (!a.v && !(a.v = pmalloc(sizeof *a.v)))
        return PRECIS_ENOMEM;
    *spans = a.v;
    *n = a.n;
    return PRECIS_OK;
}
