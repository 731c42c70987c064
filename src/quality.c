/*
 * quality.c -- the sentence-quality heuristics of the model (stage 3):
 * what a sentence is besides its words.  Page furniture that scrapers
 * keep with the text (links, credits, player and consent prompts,
 * web-archive notes) is marked junk; wire datelines and layout glued in
 * front of a sentence are cut off its start; style flags say whether it
 * ends like a sentence, quotes, speaks in the first person, asks, opens
 * with a word pointing backwards.  model.c calls it once per sentence and
 * stores the flags (SENT_* in model.h); the selection reads them.
 *
 * All of it is byte-level and linear in the sentence: a sentence is read
 * once for the junk patterns (indexed by their first three bytes), once
 * for the style flags.
 */
#include "quality.h"
#include "readable.h"

#include <strings.h>

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Does the sentence end the way sentences do?  Final . ! ? or …, possibly
   followed by closing quotes or brackets. */
/* The length of s[0..n) without the closers a sentence may end in:
   white space, straight and curly closing quotes, brackets. */
static size_t quality_unclosed(const char *s, size_t n)
{
    while (n > 0) {
        unsigned char c = (unsigned char)s[n - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || is_ws(c)) {
            n--;
            continue;
        }
        /* closing curly quotes U+201D, U+2019 */
        if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
            (c == 0x9D || c == 0x99)) {
            n -= 3;
            continue;
        }
        break;
    }
    return n;
}

static int ends_in_ellipsis_char(const char *s, size_t n)
{
    return n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
           (unsigned char)s[n - 1] == 0xA6; /* U+2026 */
}

static int quality_has_end(const char *s, size_t n)
{
    n = quality_unclosed(s, n);
    if (n == 0)
        return 0;
    if (ends_in_ellipsis_char(s, n))
        return 1; /* … */
    char c = s[n - 1];
    return c == '.' || c == '!' || c == '?';
}

int quality_trails_off(const char *s, size_t n)
{
    n = quality_unclosed(s, n);
    if (ends_in_ellipsis_char(s, n))
        return 1;
    int dots = 0;
    while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ' ')) {
        dots += s[n - 1] == '.';
        n--;
    }
    return dots >= 3;
}

static int lower_ascii(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int is_alpha_ascii(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

/* Case-insensitive (ASCII) search for a lower-case needle. */
static int icontains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    unsigned char c0 = (unsigned char)needle[0];
    /* a first byte that is no letter matches only itself: memchr jumps
       to its next occurrence ("(@" is looked for in every sentence) */
    int jump = k > 0 && !(c0 >= 'a' && c0 <= 'z');
    for (size_t i = 0; i + k <= n; i++) {
        if (jump) {
            const char *p = memchr(s + i, c0, n - k + 1 - i);
            if (!p)
                return 0;
            i = (size_t)(p - s);
        }
        size_t j = 0;
        while (j < k && lower_ascii((unsigned char)s[i + j]) == (unsigned char)needle[j])
            j++;
        if (j == k)
            return 1;
    }
    return 0;
}

/* Length of a case-insensitive match of the lower-case pattern pat[0..k)
   at the start of s that ends at a word boundary, else 0. */
static size_t iprefix_n(const char *s, size_t n, const char *pat, size_t k)
{
    if (k > n)
        return 0;
    for (size_t j = 0; j < k; j++)
        if (lower_ascii((unsigned char)s[j]) != (unsigned char)pat[j])
            return 0;
    if (k < n && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
                  (s[k] >= '0' && s[k] <= '9')))
        return 0;
    return k;
}

static size_t iprefix(const char *s, size_t n, const char *pat)
{
    return iprefix_n(s, n, pat, strlen(pat));
}

/* As iprefix, but a "*" in pat stands for at most QUALITY_WILD_MAX bytes
   ("this article is over * old"); the part before it needs no word
   boundary.  pat[0..k) is the pattern, star the offset of its first "*"
   (k when none).  Bytes matched, or 0. */
#define QUALITY_WILD_MAX 40
static size_t wild_prefix(const char *s, size_t n, const char *pat, size_t k, size_t star)
{
    if (star == k)
        return iprefix_n(s, n, pat, k);
    if (star > n)
        return 0;
    for (size_t j = 0; j < star; j++)
        if (lower_ascii((unsigned char)s[j]) != (unsigned char)pat[j])
            return 0;
    const char *rest = pat + star + 1;
    size_t rk = k - star - 1;
    const char *st = memchr(rest, '*', rk);
    size_t rstar = st ? (size_t)(st - rest) : rk;
    for (size_t i = star; i <= n && i <= star + QUALITY_WILD_MAX; i++) {
        size_t r = wild_prefix(s + i, n - i, rest, rk, rstar);
        if (r)
            return i + r;
    }
    return 0;
}

/* A pattern of the index with its length and the offset of its "*". */
static size_t wild_at(const quality_pat *p, const char *s, size_t n)
{
    return wild_prefix(s, n, p->p, p->len, p->star);
}

static quality_pat pat_of(const char *p)
{
    size_t k = strlen(p);
    const char *st = strchr(p, '*');
    return (quality_pat){p, k, st ? (size_t)(st - p) : k};
}

/* A furniture pattern at the start of s: as iprefix, but a pattern that
   ends in punctuation ("@", "foto:") needs no word boundary after it. */
static int istart(const char *s, size_t n, const char *pat)
{
    size_t k = strlen(pat);
    unsigned char last = k ? (unsigned char)pat[k - 1] : 0;
    if (k && !((last >= 'a' && last <= 'z') || (last >= '0' && last <= '9') || last >= 0x80))
        return k <= n && icontains(s, k, pat);
    return iprefix(s, n, pat) > 0;
}

/* Skips white space and one dash-like separator ("—", "–", "--", "-",
   "_", ":") with the white space after it. */
static size_t skip_sep(const char *s, size_t n, size_t i)
{
    while (i < n && is_ws((unsigned char)s[i]))
        i++;
    if (i + 3 <= n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x94 || (unsigned char)s[i + 2] == 0x93))
        i += 3;
    else if (i + 2 <= n && s[i] == '-' && s[i + 1] == '-')
        i += 2;
    else if (i < n && (s[i] == '-' || s[i] == '_' || s[i] == ':'))
        i++;
    while (i < n && is_ws((unsigned char)s[i]))
        i++;
    return i;
}

/* Leading material that is not part of the sentence: a wire dateline
   ("WASHINGTON (CNN) --", "( ap ) —"), or player, layout and credit
   furniture glued in front of it by the scraper ("Story continued
   below", "Advertisement Continue reading the main story", "Getty
   Images") -- the pack's furniture.txt lines marked "<", a dateline's
   credit written "<(cnn)".  Returns how many bytes to drop from the left;
   the rest stays an exact span of the article. */
#define QUALITY_DATELINE_WORDS 5
#define QUALITY_DATELINE_BYTES 80

/* A dateline at s + off: at most five words, then a credit "( agency )"
   of the pack; the offset after it and its separator, or off. */
static size_t dateline(const quality_index *x, const char *s, size_t n, size_t off)
{
    size_t words = 0;
    for (size_t i = off; i < n && i < off + QUALITY_DATELINE_BYTES; i++) {
        if (s[i] == '.' || s[i] == '"' || s[i] == ')')
            return off;
        if (is_ws((unsigned char)s[i])) {
            if (++words > QUALITY_DATELINE_WORDS)
                return off;
            continue;
        }
        if (s[i] != '(')
            continue;
        size_t j = i + 1;
        while (j < n && s[j] == ' ')
            j++;
        for (size_t c = 0; c < x->ncredit; c++) {
            const char *p = x->credits[c]; /* "(cnn)" */
            size_t k = iprefix_n(s + j, n - j, p + 1, strlen(p) - 2);
            if (!k)
                continue;
            size_t e = j + k;
            while (e < n && s[e] == ' ')
                e++;
            return e < n && s[e] == ')' ? skip_sep(s, n, e + 1) : off;
        }
        return off;
    }
    return off;
}

size_t quality_lead(const quality_index *x, const char *s, size_t n)
{
    size_t off = 0;
    for (int again = 1; again;) {
        again = 0;
        for (size_t i = 0; i < x->nlead; i++) {
            size_t k = wild_at(&x->leads[i], s + off, n - off);
            if (k) {
                off = skip_sep(s, n, off + k);
                again = 1;
                break;
            }
        }
        if (!again) {
            size_t d = dateline(x, s, n, off);
            again = d != off;
            off = d;
        }
    }
    return off < n ? off : 0;
}

/* Page furniture that scrapers keep with the article text (links and
   handles, credits, player and sharing controls, sign-up and consent
   prompts, web-archive notes, captions) is the language pack's
   furniture.txt.  Its patterns are indexed by a hash of their first three
   bytes so that a sentence is read once, not once per pattern (the scan
   was most of the summarizer's time); patterns shorter than three bytes
   and those anchored at the sentence start are checked on their own.
   Built per model_build call (quality_init): a few hundred bytes, no
   global state. */

static unsigned junk_hash(unsigned a, unsigned b, unsigned c)
{
    return (a * 131u + b * 31u + c) & 255u;
}

void quality_init(quality_index *x, const lang_pack *pk)
{
    memset(x, 0, sizeof *x);
    for (size_t i = 0; pk && i < pk->n; i++) {
        const lang_word *w = &pk->w[i];
        if ((((w->cls & LW_SAY) && (w->tags & LT_BASIC)) || (w->cls & LW_ACC)) &&
            x->nsaid < QUALITY_SAID_WORDS) {
            x->said[x->nsaid++] = pat_of(w->w);
            unsigned c0 = (unsigned char)w->w[0] | 32u;
            x->said_first[c0 / 8] |= (uint8_t)(1u << (c0 % 8));
        }
    }
    size_t n = 0;
    for (size_t i = 0; pk && i < pk->nfurniture; i++) {
        const char *p = pk->furniture[i].p;
        size_t k = strlen(p);
        int kind = pk->furniture[i].kind;
        if (kind == LANG_MARK_START) {
            if (x->nstart < QUALITY_SHORT_MAX)
                x->starts[x->nstart++] = p;
            continue;
        }
        if (kind == LANG_MARK_LEAD) {
            if (k > 2 && p[0] == '(' && p[k - 1] == ')') {
                if (x->ncredit < QUALITY_LEAD_MAX)
                    x->credits[x->ncredit++] = p;
            } else if (x->nlead < QUALITY_LEAD_MAX) {
                x->leads[x->nlead++] = pat_of(p);
            }
            continue;
        }
        if (kind == LANG_MARK_WHOLE) {
            if (x->nwhole < QUALITY_SHORT_MAX)
                x->wholes[x->nwhole++] = pat_of(p);
            continue;
        }
        if (k < 3) {
            if (x->nshort < QUALITY_SHORT_MAX)
                x->shorts[x->nshort++] = p;
            continue;
        }
        if (n >= QUALITY_JUNK_MAX)
            continue;
        unsigned h = junk_hash((unsigned char)p[0], (unsigned char)p[1], (unsigned char)p[2]);
        x->pat[n] = p;
        x->len[n] = (uint8_t)(k < 255 ? k : 255);
        x->next[n] = x->head[h];
        x->head[h] = (uint8_t)(n + 1);
        n++;
    }
}

/* Byte i of s lower-cased: ASCII, and the second byte of a Latin-1
   capital (À..Þ), as the pack's patterns are folded. */
static unsigned fold_at(const char *s, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z')
        return c + 32u;
    if (c >= 0x80 && c <= 0x9E && c != 0x97 && i > 0 && (unsigned char)s[i - 1] == 0xC3)
        return c + 0x20u;
    return c;
}

static int junk_scan(const quality_index *x, const char *s, size_t n)
{
    for (size_t i = 0; i + 2 < n; i++) {
        unsigned h = junk_hash(fold_at(s, i), fold_at(s, i + 1), fold_at(s, i + 2));
        for (unsigned e = x->head[h]; e; e = x->next[e - 1]) {
            size_t k = x->len[e - 1];
            const char *p = x->pat[e - 1];
            if (i + k > n)
                continue;
            size_t j = 0;
            while (j < k && fold_at(s, i + j) == (unsigned char)p[j])
                j++;
            if (j == k)
                return 1;
        }
    }
    for (size_t t = 0; t < x->nstart; t++)
        if (istart(s, n, x->starts[t]))
            return 1;
    for (size_t t = 0; t < x->nshort; t++)
        if (icontains(s, n, x->shorts[t]))
            return 1;
    return 0;
}

/* Marks sentences that are page furniture rather than reporting. */
static int is_junk(const quality_index *x, const char *s, size_t n)
{
    if (junk_scan(x, s, n))
        return 1;
    /* a sentence that is only a link or a prompt ("Read more", "Interested
       in Mexico?"): a "=" line of the pack, then nothing but punctuation */
    for (size_t t = 0; t < x->nwhole; t++) {
        size_t k = wild_at(&x->wholes[t], s, n);
        while (k && k < n && !is_alpha_ascii((unsigned char)s[k]) &&
               !(s[k] >= '0' && s[k] <= '9'))
            k++;
        if (k == n)
            return 1;
    }
    /* a lone dateline: "SEPANG, March 15 ?" */
    size_t k = 0;
    while (k < n && ((s[k] >= 'A' && s[k] <= 'Z') || s[k] == ' ' || s[k] == '.'))
        k++;
    if (k >= 3 && k < n && s[k] == ',' && norm_count_words(s, n) <= 6)
        return 1;
    return 0;
}

/* Is text[start, end) a heading, a news page's line that only looks
   like a sentence?  It asks and opens or ends a paragraph ("¿Cómo se
   formó el Consejo Nacional de Transición?", "Perché un Paese ricco come
   la Libia?"), or it opens a paragraph (after a line break, or first in
   the text with a line break after it) and is the whole paragraph and
   exclaims, or its paragraph has
   no final stop though more text follows ("Crêpes, béchamel, fruits et
   légumes rôtis… Cinq recettes qui subliment le beurre"), or it is in
   capitals ("GRAZIE PER AVER GIÀ LETTO XX ARTICOLI QUESTO MESE.").  The
   short lines without a stop the selection already leaves out; this
   catches the questions, the long headlines and the capitals in every
   language.  Text without line breaks (Multi-News) has no headings. */
#define QUALITY_HEADING_WORDS 20
int quality_heading(const char *text, size_t len, size_t start, size_t end, size_t *para)
{
    size_t b = start, e = end;
    while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\r'))
        b--;
    while (e < len && (text[e] == ' ' || text[e] == '\t' || text[e] == '\r'))
        e++;
    /* the paragraph's end: the caller's cursor only moves forward, so a
       text without line breaks is read once, not once per sentence */
    if (*para < end) {
        const char *nl = memchr(text + end, '\n', len - end);
        *para = nl ? (size_t)(nl - text) : len;
    }
    size_t pe = *para;
    int nl_before = b > 0 && text[b - 1] == '\n', nl_after = e < len && text[e] == '\n';
    const char *s = text + start;
    size_t n = end - start;
    size_t k = n; /* the final mark, in the reporter's voice (no quote after it) */
    while (k > 0 && is_ws((unsigned char)s[k - 1]))
        k--;
    char last = k > 0 ? s[k - 1] : 0;
    /* a headline asks in a few words; a long lede may end in a question
       of its own ("... were put on notice Wednesday morning: No tax-cut
       extension?") and is no heading */
    if (last == '?' && norm_count_words(s, n) > QUALITY_HEADING_WORDS)
        last = 0;
    /* a question that ends a paragraph: a teaser ("Notre-Dame,
       Saint-Denis... Faut-il reconstruire les monuments détruits ?") */
    if (last == '?' && nl_after)
        return 1;
    if (!nl_before && !(b == 0 && pe < len))
        return 0;
    if (last == '?' || (last == '!' && (nl_after || e == len)))
        return 1;
    /* the paragraph ends without a stop and text follows */
    if (pe < len && !quality_has_end(text + start, pe - start))
        return 1;
    size_t upper = 0, lower = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            upper++;
        else if (c >= 'a' && c <= 'z')
            lower++;
        else if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && c >= 0x80 && c <= 0xBF && c != 0x97 &&
                 c != 0xB7) {
            if (c < 0x9F)
                upper++;
            else
                lower++;
        }
    }
    return lower == 0 && upper >= 8;
}

/* Style flags: quotation, first person outside quotations, question,
   parenthesis, attributed speech; *quoted gets the number of words
   inside quotation marks. */
static uint32_t quality_style(const quality_index *x, const lang *L, const char *s, size_t n,
                              uint32_t *quoted)
{
    uint32_t f = 0;
    *quoted = 0;
    int inq = 0;
    size_t last = n;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int q = c == '"';
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D)) {
            q = 1;
            i += 2;
        }
        if (q) {
            f |= SENT_QUOTED;
            inq = !inq;
            continue;
        }
        if (c == '(')
            f |= SENT_PAREN;
        if (inq && !is_ws(c) && i > 0 && is_ws((unsigned char)s[i - 1]))
            (*quoted)++;
        if (!is_ws(c))
            last = i;
        /* a first-person pronoun of the pack ("I." and "U.S." are not) */
        if (!inq && is_alpha_ascii(c) &&
            (i == 0 || !(is_alpha_ascii((unsigned char)s[i - 1]) || s[i - 1] == '\'')) &&
            !(f & SENT_FIRST)) {
            size_t l = 1;
            while (i + l < n && l < 5 && is_alpha_ascii((unsigned char)s[i + l]))
                l++;
            /* first-person pronouns are short (I, we, our; yo, nous, noi) */
            const lang_word *e = l < 5 ? lang_word_of(L, s + i, l) : NULL;
            if (e && (e->cls & LW_PRON) && (e->tags & LT_FIRST) &&
                !(i + l < n && s[i + l] == '.' && (l == 1 || lower_ascii(c) == 'u')))
                f |= SENT_FIRST;
        }
    }
    /* attributed speech: a plain verb of reporting or "according" (the
       pack's say.txt tag basic, according.txt), any case, at a word start */
    for (size_t i = 0; i < n && !(f & SENT_SAID); i++) {
        unsigned c0 = (unsigned char)s[i] | 32u;
        if ((i > 0 && s[i - 1] != ' ') || !(x->said_first[c0 / 8] & (1u << (c0 % 8))))
            continue;
        for (size_t w = 0; w < x->nsaid && !(f & SENT_SAID); w++)
            if (wild_at(&x->said[w], s + i, n - i))
                f |= SENT_SAID;
    }
    size_t e = last;
    while (e < n && e > 0 && (s[e] == '"' || s[e] == ')' || s[e] == '\''))
        e--;
    if (e < n && s[e] == '?')
        f |= SENT_QUESTION;
    return f;
}

uint32_t quality_flags(const quality_index *x, const lang *L, const char *s, size_t n,
                       uint32_t words, uint32_t *quoted)
{
    uint32_t f = 0;
    if (words < MODEL_MIN_WORDS)
        f |= SENT_SHORT;
    if (words > MODEL_LONG_WORDS)
        f |= SENT_LONG;
    if (!quality_has_end(s, n))
        f |= SENT_NOEND;
    if (is_junk(x, s, n))
        f |= SENT_JUNK;
    f |= quality_style(x, L, s, n, quoted);
    size_t drop;
    if (readable_opener(L, s, n, &drop) == READABLE_NEEDS_PREV)
        f |= SENT_DANGLING;
    if (s[0] == '"' || (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
                        (unsigned char)s[2] == 0x9C))
        f |= SENT_QUOTE;
    return f;
}
