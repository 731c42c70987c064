/*
 * readable.c -- the readability checker: flags each summary sentence for
 * the defects a reader of real news notices at once, and counts them.
 *
 *   precis-readable [-v] [-w WORDS] [--extract-only] [--lang NAME] [--names FILE]
 *                   [--name NAME] INPUT...
 *
 * INPUT is a JSON Lines file of clusters ({"id", "articles": [...]}, one
 * per line) or a directory whose regular files are the articles of one
 * cluster.  Every cluster is summarized with the default method (WORDS
 * words, default 120) together with its analysis, and every summary
 * sentence, read in summary order, is checked for:
 *
 *   quote-open   unbalanced quotation marks: a quote cut open or cut in
 *                half (straight, curly, ``/'', « », „ ", ‚ ')
 *   unnamed      a quotation (five words or more) whose speaker the sentence
 *                does not give (no attribution, or only a pronoun: "he
 *                said"), and the sentence before it in the summary is not
 *                the one before it in its article
 *   dangling     an opening pronoun, demonstrative or connective ("He",
 *                "This", "Another", "But", "At the time") without the
 *                sentence it refers back to right before it
 *   repeat       the same statement twice: a quote the analysis links to
 *                one already in the summary (the same quote or another
 *                wording of it), or mostly the same words
 *   furniture    headings (no final stop; a question or exclamation in the
 *                reporter's voice; capitals), lone datelines, player,
 *                photo, share and sign-up text, fragments of three words
 *                or less
 *   verbless     no finite verb: noun phrases and prepositions only (a
 *                photo caption, a dateline, a fragment)
 *   surname      a person first named in the summary by the surname alone
 *                ("Scott said", "Mr. Scott") though the cluster writes
 *                "Rick Scott" (--names: the language's given names)
 *   also         "X also said ..." with neither its article's preceding
 *                sentence nor its subject in the summary sentence before
 *   cut          a piece of a longer sentence: its article goes on, on
 *                the same line, with a lower-case letter, a digit or a
 *                parenthesis ("A magnitude 5 ." / "9 quake hit ..."), it
 *                opens with the digits after such a stop, or, in cased
 *                text, it opens with a lower-case letter
 *
 * repeat also counts the same fact in other words: shared crude stems of
 * the two sentences, names and numbers among them.  verbless and also are
 * English only (the other languages' lists are empty).
 *
 * --lang (english, spanish, french, italian) applies to the inputs after
 * it: the summarizer's language and this file's word lists for it; so does
 * --names (a language pack's first_names.txt: one name a line).
 *
 * The rules are this file's own, written from the reader's side and kept
 * apart from the library's selection rules on purpose: the measurement
 * must not agree with the selector by construction.  Prints one table row
 * per input (sentences, defective, share, then per kind); -v also prints
 * every flagged sentence.  Uses only the public API.
 */
#include "precis.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

enum { K_QUOTE, K_UNNAMED, K_DANGLING, K_REPEAT, K_FURNITURE, K_VERBLESS, K_SURNAME, K_ALSO,
       K_CUT, K_N };
static const char *const kind_name[K_N] = {"quote-open", "unnamed", "dangling", "repeat",
                                           "furniture", "verbless", "surname", "also", "cut"};

typedef struct tally {
    size_t clusters, sentences, defective, kind[K_N];
} tally;

/* The words a rule needs, per language (--lang): small lists of this
   file's own, written from the reader's side and kept apart from the
   library's language packs on purpose. */
typedef struct rules {
    const char *lang;                  /* Snowball name */
    const char *const *openers;        /* point back at the sentence before */
    const char *const *not_openers;    /* longer phrases that do not ("il y a") */
    const char *const *quote_openers;  /* a connective opening a quotation */
    const char *const *speech_verbs;
    const char *const *pronouns;       /* no speaker as a verb's subject */
    const char *const *auxiliaries;    /* skipped before a verb ("a dit") */
    const char *const *furniture;      /* lower-case marks of page furniture */
    /* English only (NULL or empty lists elsewhere: the rule is off) */
    const char *const *finite;         /* auxiliaries, modals, irregular pasts */
    const char *const *subjects;       /* subject pronouns: a clause */
    const char *const *np_before;      /* words a noun follows, no subject ends in */
    const char *const *plural_nouns;   /* plurals without -s ("police") */
    const char *const *honorifics;     /* "Mr. Scott" is the surname alone */
    const char *const *attributive;    /* "the Obama administration": no mention */
    const char *const *joiners;        /* "Bashar al Assad": one name */
    const char *also;                  /* "also" */
    const char *const *also_fixed;     /* "also known as", "but also" */
    const char *const *stop;           /* no content for the paraphrase rule */
    const char *const *titles;         /* "Chief Rodney Scott": a given name */
} rules;

typedef struct gnames gnames;
typedef struct cfg {
    int verbose, extract_only;
    size_t words;
    const rules *r;
    const gnames *given; /* given names (--names), or NULL: no surname rule */
} cfg;

/* ---- quotation marks ---------------------------------------------------- */

/* Reads the mark at s[i]; returns its byte length (0: not a mark) and sets
   *open / *close / *straight for what it can be. */
enum { M_STRAIGHT = 1, M_LDQ, M_RDQ, M_LOW9, M_LAQ, M_RAQ, M_BTICK, M_TICKS, M_LOWS, M_LSQ };
static size_t mark_at(const unsigned char *s, size_t n, size_t i, int *kind)
{
    *kind = 0;
    if (s[i] == '"') {
        *kind = M_STRAIGHT;
        return 1;
    }
    if (s[i] == '`' && i + 1 < n && s[i + 1] == '`') {
        *kind = M_BTICK;
        return 2;
    }
    if (s[i] == '\'' && i + 1 < n && s[i + 1] == '\'') {
        *kind = M_TICKS;
        return 2;
    }
    if (s[i] == 0xC2 && i + 1 < n && (s[i + 1] == 0xAB || s[i + 1] == 0xBB)) {
        *kind = s[i + 1] == 0xAB ? M_LAQ : M_RAQ;
        return 2;
    }
    if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80) {
        switch (s[i + 2]) {
        case 0x9C: *kind = M_LDQ; return 3;
        case 0x9D: *kind = M_RDQ; return 3;
        case 0x9E: *kind = M_LOW9; return 3;
        case 0x9A: *kind = M_LOWS; return 3;
        case 0x98: *kind = M_LSQ; return 3;
        default: return 0;
        }
    }
    return 0;
}

/* Checks the marks of s[0..n): returns 1 when balanced.  *quoted gets the
   number of words inside marks; outside[] (n + 1 bytes) the text outside
   them (quoted bytes blanked). */
static int quotes_balanced(const char *text, size_t n, size_t *quoted, char *outside)
{
    const unsigned char *s = (const unsigned char *)text;
    int stack[32];
    size_t depth = 0;
    int ok = 1;
    *quoted = 0;
    for (size_t i = 0; i < n;) {
        int k;
        size_t l = mark_at(s, n, i, &k);
        if (!l) {
            if (outside)
                outside[i] = depth ? ' ' : (char)s[i];
            if (depth && !isspace(s[i]) && (i == 0 || isspace(s[i - 1])))
                (*quoted)++;
            i++;
            continue;
        }
        if (outside)
            memset(outside + i, ' ', l);
        int top = depth ? stack[depth - 1] : 0;
        switch (k) {
        case M_STRAIGHT: /* closes a curly opening too: scraped text mixes them */
            if (top == M_STRAIGHT || top == M_LDQ)
                depth--;
            else if (depth < 32)
                stack[depth++] = M_STRAIGHT;
            break;
        case M_LDQ: /* closes „, else opens */
            if (top == M_LOW9)
                depth--;
            else if (depth < 32)
                stack[depth++] = M_LDQ;
            break;
        case M_LSQ: /* closes ‚; an English single quote is not checked */
            if (top == M_LOWS)
                depth--;
            break;
        case M_LOW9: case M_LOWS: case M_LAQ: case M_BTICK:
            if (depth < 32)
                stack[depth++] = k;
            break;
        case M_RDQ: case M_RAQ: case M_TICKS: {
            int want = k == M_RDQ ? M_LDQ : k == M_RAQ ? M_LAQ : M_BTICK;
            if (top == want || (k == M_RDQ && top == M_STRAIGHT))
                depth--;
            else
                ok = 0; /* a close with no open: the second half of a quote */
            break;
        }
        default: break;
        }
        i += l;
    }
    if (outside)
        outside[n] = '\0';
    return ok && depth == 0;
}

/* ---- words -------------------------------------------------------------- */

static int word_char(unsigned char c) { return isalnum(c) || c >= 0x80 || c == '\'' || c == '-'; }

/* Does s contain w as a whole word (case-sensitive)? */
static int has_word(const char *s, const char *w)
{
    size_t k = strlen(w);
    if (!k)
        return 0;
    for (const char *p = s; (p = strstr(p, w)); p++)
        if ((p == s || !word_char((unsigned char)p[-1])) && !word_char((unsigned char)p[k]))
            return 1;
    return 0;
}

/* Openers that point back at the sentence before, lower case (a capital
   outside ASCII listed as well: "Él"); matched as the sentence's first
   words. */
static const char *const en_openers[] = {
    "he", "she", "they", "his", "her", "their", "its", "him", "them", "this", "these", "those",
    "that", "another", "but", "and", "yet", "also", "however", "still", "instead",
    "meanwhile", "then", "both", "such", "other", "the latest", "at the time", "at that time",
    "in addition", "in response", "by then", "the two", "the other", "a second", "a third",
    "a fourth", "a fifth", "the latter", "the former",
    "nevertheless", "moreover", "furthermore", "thus", "therefore", "likewise", "here is",
    "here's", "here are", "the same", "in the same", "on the same", "at the same time", NULL};

/* Connectives that, opening a quotation the sentence starts with, still
   point at what came before it ("But I also have to be practical," she
   told Vogue magazine; "And he doesn't care.").  Pronouns inside a quote
   are the speaker's, so they are not counted here. */
static const char *const en_quote_openers[] = {"but", "and", "yet", "also", "however", "still",
                                               "so", "then", "instead", NULL};
static const char *const none[] = {NULL};

static int starts_with(const char *const *l, const char *s, size_t n)
{
    for (size_t i = 0; l[i]; i++) {
        size_t k = strlen(l[i]);
        if (k < n && !strncasecmp(s, l[i], k) && (l[i][k - 1] == ',' || !word_char((unsigned char)s[k])))
            return 1;
    }
    return 0;
}

/* Does the sentence open with a reference to what came before: one of the
   openers, or a connective right after an opening quotation mark? */
static int opens_with_reference(const rules *r, const char *s, size_t n)
{
    int kind;
    size_t m = mark_at((const unsigned char *)s, n, 0, &kind);
    if (m && kind != M_RDQ && kind != M_RAQ && starts_with(r->quote_openers, s + m, n - m))
        return 1;
    return !starts_with(r->not_openers, s, n) && starts_with(r->openers, s, n);
}


static const char *const en_speech_verbs[] = {"said", "says", "told", "tells", "added", "asked",
                                           "wrote", "explained", "declared", "stated",
                                           "according", "insisted", "noted", NULL};
/* Words that are no speaker as the subject of a speech verb. */
static const char *const en_pronouns[] = {"he", "she", "they", "it", "we", "i", "you", "and",
                                          "but", "who", "which", "that", "to", "in", NULL};

static int in_list(const char *const *l, const char *w, size_t k)
{
    for (size_t i = 0; l && l[i]; i++)
        if (strlen(l[i]) == k && !strncasecmp(l[i], w, k))
            return 1;
    return 0;
}

/* Does the text outside the quotes give a speaker, not only a pronoun:
   the subject of a speech verb, the word before it (adverbs skipped) or,
   inverted, after it ("Lavrov said", "the official said", "said the
   ministry")? */
static int names_speaker(const rules *r, const char *out)
{
    const char *w[256];
    size_t wl[256], nw = 0;
    for (const char *p = out; *p && nw < 256;) {
        while (*p && !word_char((unsigned char)*p))
            p++;
        if (!*p)
            break;
        const char *q = p;
        while (*q && word_char((unsigned char)*q))
            q++;
        w[nw] = p;
        wl[nw++] = (size_t)(q - p);
        p = q;
    }
    for (size_t i = 0; i < nw; i++) {
        if (!in_list(r->speech_verbs, w[i], wl[i]))
            continue;
        size_t j = i;
        while (j > 0 && ((wl[j - 1] > 3 && !strncmp(w[j - 1] + wl[j - 1] - 2, "ly", 2)) ||
                         (wl[j - 1] == 4 && !strncasecmp(w[j - 1], "also", 4)) ||
                         in_list(r->auxiliaries, w[j - 1], wl[j - 1])))
            j--;
        if (j > 0)
            return !in_list(r->pronouns, w[j - 1], wl[j - 1]);
        if (i + 1 < nw && strncmp(w[i], "told", 4) && !in_list(r->pronouns, w[i + 1], wl[i + 1]))
            return 1;
    }
    return 0;
}

/* Is there no word outside the quotation marks (out: the sentence with
   its quoted bytes blanked)? */
static int only_quote(const char *out)
{
    for (const char *p = out; *p; p++)
        if (isalnum((unsigned char)*p))
            return 0;
    return 1;
}

/* Content-word set of a sentence: lower-cased words of 4+ letters. */
typedef struct wset {
    char w[96][24];
    size_t n;
} wset;

static void wset_of(const char *s, size_t n, wset *ws)
{
    ws->n = 0;
    for (size_t i = 0; i < n && ws->n < 96;) {
        while (i < n && !isalnum((unsigned char)s[i]))
            i++;
        size_t j = i;
        while (j < n && isalnum((unsigned char)s[j]))
            j++;
        if (j - i >= 4 && j - i < 24) {
            char *d = ws->w[ws->n];
            for (size_t k = i; k < j; k++)
                d[k - i] = (char)tolower((unsigned char)s[k]);
            d[j - i] = 0;
            int dup = 0;
            for (size_t k = 0; k < ws->n && !dup; k++)
                dup = !strcmp(ws->w[k], d);
            if (!dup)
                ws->n++;
        }
        i = j;
    }
}

static double wset_jaccard(const wset *a, const wset *b)
{
    size_t both = 0;
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++)
            if (!strcmp(a->w[i], b->w[j])) {
                both++;
                break;
            }
    size_t uni = a->n + b->n - both;
    return uni ? (double)both / (double)uni : 0;
}

/* ---- verbless captions -------------------------------------------------- */

/* A word of s[0..n) starting at *i: lower-cased into w (the typographic
   apostrophe made straight), its length; *cap gets whether it opens with
   a capital.  0 at the end. */
static size_t next_word(const char *s, size_t n, size_t *i, char *w, size_t wmax, int *cap,
                        size_t *at)
{
    while (*i < n && !word_char((unsigned char)s[*i]))
        (*i)++;
    size_t k = 0, j = *i;
    *at = j;
    *cap = j < n && isupper((unsigned char)s[j]);
    while (j < n && word_char((unsigned char)s[j])) {
        unsigned char c = (unsigned char)s[j];
        if (c == 0xE2 && j + 2 < n && (unsigned char)s[j + 1] == 0x80 &&
            (unsigned char)s[j + 2] == 0x99) {
            c = '\'';
            j += 2;
        }
        if (k + 1 < wmax)
            w[k++] = (char)tolower(c);
        j++;
    }
    w[k] = 0;
    *i = j;
    return k;
}

static int ends_in(const char *w, size_t k, const char *e)
{
    size_t l = strlen(e);
    return k >= l && !strcmp(w + k - l, e);
}

/* Does the sentence have a finite verb?  A word the rules know is one
   (an auxiliary, a modal, a speech verb, a common irregular past), a
   subject pronoun opens a clause, a lower-case word in -ed is taken for a
   past, and a lower-case word after a plural noun or in -s after a word
   that can end a noun phrase for a present ("the president speaks",
   "migrants wait").  What is left is noun phrases and prepositions: a
   photo caption ("Members of the migrant caravan at the border wall in
   Tijuana on Sunday."), a heading cut from its page. */
static int has_finite_verb(const rules *r, const char *s, size_t n)
{
    if (!r->finite)
        return 1;
    char w[32], pw[32] = "";
    size_t i = 0, k, at;
    int cap, first = 1;
    while ((k = next_word(s, n, &i, w, sizeof w, &cap, &at)) > 0) {
        if (in_list(r->finite, w, k) || in_list(r->speech_verbs, w, k) ||
            in_list(r->subjects, w, k))
            return 1;
        int lower = !cap && isalpha((unsigned char)w[0]);
        if (lower && k >= 4 && ends_in(w, k, "ed"))
            return 1;
        size_t pk = strlen(pw);
        int after_np = !first && pk && !in_list(r->np_before, pw, pk) &&
                       !isdigit((unsigned char)pw[0]);
        if (lower && after_np && k >= 3 && w[k - 1] == 's' && !ends_in(w, k, "ss") &&
            !ends_in(w, k, "us") && !ends_in(w, k, "'s"))
            return 1;
        if (lower && !first && (ends_in(pw, pk, "s") || in_list(r->plural_nouns, pw, pk)) &&
            !in_list(r->np_before, w, k) && !ends_in(w, k, "ing") &&
            !ends_in(w, k, "ly") && !ends_in(pw, pk, "'s"))
            return 1;
        memcpy(pw, w, k + 1);
        first = 0;
    }
    return 0;
}

/* ---- surnames ------------------------------------------------------------ */

/* The people of a cluster by their full names: a given name (the
   language's list, --names) right before a capitalised word ("Rick
   Scott", "Gov. Rick Scott") makes that word a surname with that given
   name. */
typedef struct person {
    char surname[32], given[32];
    int given_too; /* the surname is a given name too ("Lindsey Graham") */
} person;

typedef struct people {
    person *p;
    size_t n, cap;
} people;

struct gnames {
    char (*w)[24];
    size_t n;
};

static int is_given(const gnames *g, const char *w)
{
    for (size_t i = 0; i < g->n; i++)
        if (!strcmp(g->w[i], w))
            return 1;
    return 0;
}

static void people_learn(people *P, const rules *r, const gnames *g, const char *s, size_t n)
{
    char w[32], pw[32] = "", ppw[32] = "";
    size_t i = 0, k, at, pat = 0;
    int cap, pcap = 0, ppcap = 0, ppgiven = 0;
    while ((k = next_word(s, n, &i, w, sizeof w, &cap, &at)) > 0) {
        if (ends_in(w, k, "'s"))
            w[k -= 2] = 0;
        int next_to = cap && pcap && k >= 3 && at == pat + strlen(pw) + 1 && s[at - 1] == ' ';
        /* not "Paul Ryan Medicare": a given name that is a surname here */
        int given = is_given(g, pw) && !(ppcap && ppgiven);
        /* a given name not in the list after a title ("Agent Rodney
           Scott"); not "Deputy Assistant Secretary" */
        int titled = ppcap && in_list(r->titles, ppw, strlen(ppw)) && !is_given(g, pw) &&
                     !in_list(r->titles, pw, strlen(pw)) && !in_list(r->titles, w, k);
        if (next_to && (given || titled)) {
            size_t j = 0;
            while (j < P->n && strcmp(P->p[j].surname, w))
                j++;
            if (j == P->n) {
                if (P->n == P->cap) {
                    person *np = realloc(P->p, (P->cap = P->cap ? 2 * P->cap : 64) * sizeof *np);
                    if (!np)
                        return;
                    P->p = np;
                }
                snprintf(P->p[P->n].surname, sizeof P->p[0].surname, "%s", w);
                snprintf(P->p[P->n].given, sizeof P->p[0].given, "%s", pw);
                P->p[P->n++].given_too = is_given(g, w);
            }
        }
        ppgiven = pcap && is_given(g, pw);
        ppcap = pcap;
        memcpy(ppw, pw, sizeof ppw);
        memcpy(pw, w, k + 1);
        pcap = cap;
        pat = at;
    }
}

/* Titles a given name follows ("Chief Rodney Scott", "Gov. Rick Scott"). */
static const char *const en_titles[] = {
    "president", "gov", "governor", "sen", "senator", "rep", "representative", "mayor",
    "minister", "secretary", "chancellor", "judge", "justice", "sheriff", "chief", "agent",
    "officer", "detective", "sgt", "sergeant", "capt", "captain", "lt", "lieutenant", "col",
    "colonel", "gen", "general", "commissioner", "director", "chairman", "chairwoman",
    "spokesman", "spokeswoman", "spokesperson", "professor", "prof", "coach", "king", "queen",
    "prince", "princess", "pope", "rev", "reverend", "speaker", "ambassador", "attorney",
    "inspector", "superintendent", "commander", "adm", "admiral", NULL};

/* Honorifics that say nothing of who the person is. */
static const char *const en_honorifics[] = {"mr", "mrs", "ms", "miss", "dr", NULL};

/* The first person of P the sentence names by the surname alone
   (sentence start, after a lower-case word or an honorific: "Scott said",
   "Mr. Scott"), not met earlier in the summary (seen: the surnames
   already read); every surname read is added to seen.  Returns the
   person, or NULL. */
static const person *bare_surname(const rules *r, const people *P, const char *s, size_t n,
                                  uint8_t *seen)
{
    char w[32], pw[32] = "";
    size_t i = 0, k, at;
    int cap, pcap = 0;
    const person *bare = NULL;
    int ppcap = 0;
    while ((k = next_word(s, n, &i, w, sizeof w, &cap, &at)) > 0) {
        if (ends_in(w, k, "'s"))
            w[k -= 2] = 0;
        for (size_t j = 0; cap && j < P->n; j++) {
            if (strcmp(P->p[j].surname, w))
                continue;
            /* "Scott County": no person */
            size_t e = i;
            int next_cap = e + 1 < n && s[e] == ' ' && isupper((unsigned char)s[e + 1]);
            /* "the Obama administration", "Bashar al Assad" */
            size_t j2 = i, nat;
            char nw[32];
            int ncap;
            size_t nk = next_word(s, n, &j2, nw, sizeof nw, &ncap, &nat);
            int attributive = in_list(r->np_before, pw, strlen(pw)) ||
                              (nk && !ncap && in_list(r->attributive, nw, nk));
            int joined = in_list(r->joiners, pw, strlen(pw)) && ppcap;
            /* "Collier, a Jaguars tackle, ...": the apposition says who */
            size_t c = e;
            while (c < n && s[c] == ' ')
                c++;
            if (c < n && s[c] == ',' && (!strcmp(nw, "a") || !strcmp(nw, "an") || !strcmp(nw, "the")))
                attributive = 1;
            int honorific = pcap && in_list(r->honorifics, pw, strlen(pw));
            /* "Scott" alone may be a given name: a surname as a speech
               verb's subject ("Scott said", "said Scott") */
            int speaks = in_list(r->speech_verbs, nw, nk) ||
                         (!pcap && in_list(r->speech_verbs, pw, strlen(pw)));
            if (!seen[j] && !next_cap && !bare && !attributive && !joined &&
                (!pcap || honorific) && (!P->p[j].given_too || honorific || speaks))
                bare = &P->p[j];
            seen[j] = 1;
        }
        memcpy(pw, w, k + 1);
        ppcap = pcap;
        pcap = cap;
    }
    return bare;
}

/* ---- "also" --------------------------------------------------------------- */

/* Does the text outside quotes (out) say "also" of something the reader
   has not been told: "Trump also said ...", "The company also announced"?
   Not "also known as", "but also", nor when the word before "also" (its
   subject's last word) is in the sentence before it in the summary
   ("Lavrov said ... Lavrov also proposed"). */
static int also_dangles(const rules *r, const char *out, size_t n, const char *prev)
{
    if (!r->also)
        return 0;
    char w[32], pw[32] = "", nw[32];
    size_t i = 0, k, at;
    int cap;
    while ((k = next_word(out, n, &i, w, sizeof w, &cap, &at)) > 0) {
        if (strcmp(w, r->also)) {
            if (ends_in(w, k, "'s"))
                w[k -= 2] = 0;
            if (!in_list(r->finite, w, k)) /* "Kim is also": the subject is Kim */
                memcpy(pw, w, k + 1);
            continue;
        }
        size_t j = i, nat;
        int ncap;
        size_t nk = next_word(out, n, &j, nw, sizeof nw, &ncap, &nat);
        if ((nk && in_list(r->also_fixed, nw, nk)) || in_list(r->also_fixed, pw, strlen(pw)))
            return 0;
        /* the subject was in the sentence before */
        size_t pn = prev ? strlen(prev) : 0, q = 0;
        while (*pw && (k = next_word(prev, pn, &q, w, sizeof w, &cap, &at)) > 0) {
            if (ends_in(w, k, "'s"))
                w[k -= 2] = 0;
            if (!strcmp(w, pw))
                return 0;
        }
        return 1;
    }
    return 0;
}

/* ---- paraphrases ------------------------------------------------------- */

/* The content of a sentence for telling a paraphrase: crude stems of its
   words of four letters or more (no stop word) and its numbers; names
   (capitalised, not the first word) and numbers are marked as keys. */
#define STEMS_MAX 96
typedef struct stems {
    char w[STEMS_MAX][20];
    uint8_t key[STEMS_MAX];
    size_t n;
} stems;

static void stems_of(const rules *r, const char *s, size_t n, stems *st)
{
    char w[32];
    size_t i = 0, k, at;
    int cap, first = 1;
    st->n = 0;
    while (st->n < STEMS_MAX && (k = next_word(s, n, &i, w, sizeof w, &cap, &at)) > 0) {
        int num = isdigit((unsigned char)w[0]);
        if (ends_in(w, k, "'s"))
            w[k -= 2] = 0;
        int name = cap && !first;
        first = 0;
        if (!num && (k < 4 || in_list(r->stop, w, k)))
            continue;
        if (!num) {
            static const char *const suf[] = {"ings", "ing", "ed", "es", "ly", "s", NULL};
            for (size_t e = 0; suf[e]; e++)
                if (ends_in(w, k, suf[e]) && k - strlen(suf[e]) >= 4 && !ends_in(w, k, "ss")) {
                    w[k -= strlen(suf[e])] = 0;
                    break;
                }
        }
        if (k >= sizeof st->w[0])
            w[k = sizeof st->w[0] - 1] = 0;
        size_t d = 0;
        while (d < st->n && strcmp(st->w[d], w))
            d++;
        if (d < st->n) {
            st->key[d] |= (uint8_t)(name || num);
            continue;
        }
        memcpy(st->w[st->n], w, k + 1);
        st->key[st->n++] = (uint8_t)(name || num);
    }
}

/* Shared stems of a and b, and how many of them are keys. */
static size_t stems_shared(const stems *a, const stems *b, size_t *keys)
{
    size_t both = 0;
    *keys = 0;
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++)
            if (!strcmp(a->w[i], b->w[j])) {
                both++;
                *keys += a->key[i] || b->key[j];
                break;
            }
    return both;
}

/* ---- furniture ---------------------------------------------------------- */

static const char *const en_furniture[] = {
    "media player", "photo:", "photograph:", "image copyright", "image caption", "getty images",
    "share this", "share on", "click here", "sign up", "(ap photo", "read more", "watch:",
    "video:", "follow us", "newsletter", "advertisement", "all rights reserved", "subscribe",
    "copyright", "related:", "read the full", NULL};

static int has_end_stop(const char *s, size_t n)
{
    while (n > 0) {
        unsigned char c = (unsigned char)s[n - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || isspace(c)) {
            n--;
            continue;
        }
        if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
            (c == 0x9D || c == 0x99 || c == 0x9C)) {
            n -= 3;
            continue;
        }
        if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && c == 0xBB) {
            n -= 2;
            continue;
        }
        if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
            c == 0xA6)
            return 1;
        return c == '.' || c == '!' || c == '?';
    }
    return 0;
}

static size_t count_words(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]) && (i == 0 || isspace((unsigned char)s[i - 1])))
            w++;
    return w;
}

/* A question or an exclamation in the reporter's voice (the final mark
   outside quotation marks; outside: the sentence with its quotes blanked),
   or a line in capitals: headings in every language. */
static int heading_like(const char *s, size_t n, const char *outside)
{
    size_t k = n;
    while (k > 0 && isspace((unsigned char)s[k - 1]))
        k--;
    if (k > 0 && (s[k - 1] == '?' || s[k - 1] == '!') && outside[k - 1] == s[k - 1])
        return 1;
    size_t upper = 0, lower = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isupper(c))
            upper++;
        else if (islower(c))
            lower++;
        else if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && c >= 0x80 && c <= 0xBF)
        {
            if (c < 0x9F)
                upper++;
            else
                lower++;
        }
    }
    return lower == 0 && upper >= 8;
}

#define FURNITURE_PLAIN_WORDS 12
static int is_furniture(const rules *r, const char *s, size_t n, const char *outside)
{
    if (heading_like(s, n, outside))
        return 1;
    size_t w = count_words(s, n);
    if (w <= 3 || !has_end_stop(s, n))
        return 1;
    /* a lone dateline: "SEPANG, March 15 ?" */
    size_t k = 0;
    while (k < n && (isupper((unsigned char)s[k]) || s[k] == ' ' || s[k] == '.'))
        k++;
    if (k >= 4 && k < n && (s[k] == ',' || s[k] == '-') && w <= 6)
        return 1;
    char low[2048];
    size_t m = n < sizeof low - 1 ? n : sizeof low - 1;
    for (size_t i = 0; i < m; i++)
        low[i] = (char)tolower((unsigned char)s[i]);
    low[m] = 0;
    for (size_t i = 0; r->furniture[i]; i++) {
        const char *f = r->furniture[i], *at = strstr(low, f);
        if (!at)
            continue;
        /* a mark with punctuation anywhere ("photo:", "(ap photo"); plain
           words ("advertisement", "sign up") only opening the sentence or
           in a short one: "a new advertisement that will run in areas of
           Florida" is the story's */
        int plain = 1;
        for (const char *c = f; *c && plain; c++)
            plain = isalpha((unsigned char)*c) || *c == ' ';
        if (!plain || at == low || w <= FURNITURE_PLAIN_WORDS)
            return 1;
    }
    return 0;
}

/* ---- the languages ------------------------------------------------------ */

static const char *const es_openers[] = {
    "él", "Él", "ella", "ellos", "ellas", "esto", "este", "esta", "estos", "estas", "eso", "esa",
    "ese", "su", "sus", "pero", "y", "además", "sin embargo", "también", "otro", "otra",
    "entonces", "así", "por eso", "por ello", "tras ello", "dicho", "dicha", "allí", NULL};
static const char *const es_quote_openers[] = {"pero", "y", "además", "también", NULL};
static const char *const es_speech_verbs[] = {"dijo", "afirmó", "aseguró", "declaró", "explicó",
                                              "señaló", "indicó", "añadió", "agregó", "según",
                                              "dice", "afirma", "asegura", NULL};
static const char *const es_pronouns[] = {"él", "ella", "ellos", "ellas", "que", "y", "pero",
                                          "lo", "le", "se", "me", NULL};
static const char *const es_aux[] = {"ha", "han", "había", "habían", NULL};
static const char *const es_furniture[] = {
    "suscr", "boletín", "newsletter", "derechos reservados", "cookies", "dejar comentarios",
    "lee también", "foto:", "publicidad", "notificaciones", "haz clic", "haga clic",
    "compartir", "síguenos", "cobertura especial", "\xc2\xa9", NULL};

static const char *const fr_openers[] = {
    "il", "elle", "ils", "elles", "ce", "cet", "cette", "ces", "cela", "ça", "Ça", "c'est",
    "c\xe2\x80\x99" "est", "son", "sa", "ses", "leur", "leurs", "lui", "mais", "et",
    "cependant", "toutefois", "aussi", "ensuite", "puis", "alors", "un autre", "une autre",
    NULL};
static const char *const fr_not_openers[] = {"il y a", "il faut", NULL};
static const char *const fr_quote_openers[] = {"mais", "et", "aussi", NULL};
static const char *const fr_speech_verbs[] = {"dit", "déclaré", "déclare", "affirmé", "affirme",
                                              "expliqué", "explique", "ajouté", "ajoute",
                                              "estime", "selon", "tweete", "écrit", "indique",
                                              NULL};
static const char *const fr_pronouns[] = {"il", "elle", "ils", "elles", "on", "qui", "que",
                                          "et", "mais", "nous", "je", "j'ai", NULL};
static const char *const fr_aux[] = {"a", "ont", "avait", "avaient", "aurait", NULL};
static const char *const fr_furniture[] = {
    "abonn", "newsletter", "droits réservés", "cookies", "votre commentaire", "lire aussi",
    "photo :", "publicité", "votre compte", "favoris", "partager", "suivez", "notre dossier",
    "appareil", "\xc2\xa9", NULL};

static const char *const it_openers[] = {
    "lui", "lei", "loro", "questo", "questa", "questi", "queste", "quello", "quella", "ma", "e",
    "però", "inoltre", "tuttavia", "anche", "poi", "allora", "quindi", "così", "suo", "sua",
    "suoi", "il suo", "la sua", "per questo", "un altro", "un'altra", "è questo", "È questo", NULL};
static const char *const it_quote_openers[] = {"ma", "e", "anche", "però", NULL};
static const char *const it_speech_verbs[] = {"detto", "dichiarato", "affermato", "dice",
                                              "afferma", "secondo", "spiegato", "aggiunto",
                                              "sottolineato", "ribadito", NULL};
static const char *const it_pronouns[] = {"lui", "lei", "loro", "che", "e", "ma", "si", "ci",
                                          NULL};
static const char *const it_aux[] = {"ha", "hanno", "aveva", "avevano", "avrebbe", NULL};
static const char *const it_furniture[] = {
    "abbonat", "utenti sostenitori", "utente sostenitore", "newsletter", "diritti riservati", "cookie", "commenti saranno",
    "leggi anche", "foto:", "pubblicità", "condividi", "seguici", "contributo minimo",
    "\xc2\xa9", NULL};

static const char *const en_finite[] = {
    "is", "are", "was", "were", "am", "has", "have", "had", "do", "does", "did", "will",
    "would", "can", "could", "shall", "should", "may", "might", "must", "won't", "can't",
    "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't",
    "hadn't", "wouldn't", "couldn't", "shouldn't", "went", "came", "took", "made", "got", "gave",
    "saw", "found", "knew", "thought", "became", "began", "left", "brought", "held", "kept",
    "met", "ran", "sent", "spent", "stood", "struck", "won", "fell", "felt", "fought", "led",
    "lost", "paid", "sold", "spoke", "threw", "bought", "built", "caught", "chose", "drew",
    "drove", "flew", "grew", "hid", "meant", "rose", "sat", "sought", "stole", "swore",
    "taught", "tore", "understood", "wore", "broke", "ate", "forgot", "froze", "shot", "hit",
    "put", "cut", "let", "quit", "ain't", "there's", "it's", "that's", "what's", "here's",
    "he's", "she's", "who's", "'s", "'re", "'ve", "'ll", "'d", "n't", "read", "shook", "hung",
    "dug", "fled", "swept", "woke", "sank", "sang", "rang", "bit", "bled", "bent", "bound",
    "crept", "dealt", "fed", "lent", "lit", "slid", "spun", "sprang", "stuck", "swung", "wept",
    "withdrew", "overtook", "upheld", "arose", "beat", "bore", "cast", "clung", "knelt",
    "overcame", "rode", "shone", "shrank", "slept", "strove", "thrust", "sent", NULL};
static const char *const en_subjects[] = {"he", "she", "they", "we", "i", "you", "i'm",
                                          "we're", "they're", "you're", "i've", "we've",
                                          "they've", "i'll", "we'll", "they'll", "he'll",
                                          "she'll", NULL};
static const char *const en_np_before[] = {
    "the", "a", "an", "of", "in", "on", "at", "for", "to", "from", "with", "by", "about", "as",
    "into", "near", "after", "before", "during", "over", "under", "across", "along", "outside",
    "inside", "behind", "between", "among", "through", "toward", "towards", "against",
    "his", "her", "their", "its", "our", "my", "your", "and", "or", "some", "many", "several",
    "these", "those", "this", "that", "other", "more", "most", "all", "both", "few", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
    "thousands", "millions", "than", "per", "including", "such", "like", "via", "while", NULL};
static const char *const en_plural_nouns[] = {"police", "people", "children", "men", "women",
                                              "officials", NULL};
static const char *const en_attributive[] = {
    "administration", "campaign", "campaigns", "era", "government", "team", "family", "camp",
    "presidency", "aides", "supporters", "foundation", "organization", "white", "house", NULL};
static const char *const joiners[] = {"al", "el", "de", "del", "da", "di", "van", "von", "bin",
                                      "ibn", "la", "le", "du", "dos", NULL};
static const char *const en_also_fixed[] = {"known", "called", "spelled", "referred",
                                            "but", "only", "who", "which", "that", NULL};
static const char *const en_stop[] = {
    "that", "with", "from", "this", "have", "were", "will", "would", "said", "says", "about",
    "after", "also", "been", "their", "they", "them", "which", "what", "when", "where", "while",
    "into", "more", "than", "over", "some", "other", "there", "these", "those", "could",
    "should", "just", "only", "being", "because", "before", "during", "told", "according",
    "year", "years", "time", "last", "week", "first", "like", "very", "your", "then", "here",
    NULL};

static const rules lang_rules[] = {
    {"english", en_openers, none, en_quote_openers, en_speech_verbs, en_pronouns, none,
     en_furniture, en_finite, en_subjects, en_np_before, en_plural_nouns, en_honorifics, en_attributive, joiners, "also",
     en_also_fixed, en_stop, en_titles},
    {"spanish", es_openers, none, es_quote_openers, es_speech_verbs, es_pronouns, es_aux,
     es_furniture, NULL, NULL, NULL, NULL, NULL, NULL, joiners, NULL, NULL, NULL, NULL},
    {"french", fr_openers, fr_not_openers, fr_quote_openers, fr_speech_verbs, fr_pronouns,
     fr_aux, fr_furniture, NULL, NULL, NULL, NULL, NULL, NULL, joiners, NULL, NULL, NULL, NULL},
    {"italian", it_openers, none, it_quote_openers, it_speech_verbs, it_pronouns, it_aux,
     it_furniture, NULL, NULL, NULL, NULL, NULL, NULL, joiners, NULL, NULL, NULL, NULL},
};

/* ---- cut sentences ------------------------------------------------------ */

/* Is summary sentence ps a piece of a longer sentence of its article: the
   article goes on after it, on the same line, with a lower-case letter, a
   digit or "(" ("... magnitude 5 ." then "9 quake hit ..."); or, the
   article's text being cased (upper-case letters in 1 % of its letters or
   more), does it open with a lower-case letter? */
static int cut_off(const precis_cluster *c, const precis_sentence *ps)
{
    size_t len;
    const char *t = precis_cluster_article_text(c, ps->article, &len);
    if (!t || ps->end > len || ps->start >= ps->end)
        return 0;
    size_t e = ps->end;
    while (e < len && (t[e] == ' ' || t[e] == '\t'))
        e++;
    /* (a digit after it only after a digit before its stop: a sentence
       may open with a number, "... creciendo. 30 por ciento ...") */
    size_t d = ps->end;
    while (d > ps->start && (t[d - 1] == '.' || t[d - 1] == ' '))
        d--;
    /* (not a sentence of its own in parentheses: "(Trump made waves
       ...)") */
    if (e < len && e > ps->end &&
        (islower((unsigned char)t[e]) ||
         (t[e] == '(' && !(e + 1 < len && isupper((unsigned char)t[e + 1]))) ||
         (isdigit((unsigned char)t[e]) && d > ps->start && isdigit((unsigned char)t[d - 1]))))
        return 1;
    /* "9 quake hit ..." after "magnitude 5 ." */
    size_t b = ps->start;
    while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '\t'))
        b--;
    if (isdigit((unsigned char)t[ps->start]) && b >= 2 && t[b - 1] == '.' &&
        (isdigit((unsigned char)t[b - 2]) || (t[b - 2] == ' ' && b >= 3 && isdigit((unsigned char)t[b - 3]))))
        return 1;
    if (!islower((unsigned char)t[ps->start]))
        return 0;
    size_t up = 0, letters = 0;
    for (size_t i = 0; i < len; i++)
        if (isalpha((unsigned char)t[i])) {
            letters++;
            up += isupper((unsigned char)t[i]) != 0;
        }
    return letters && 100 * up >= letters;
}

/* ---- one cluster -------------------------------------------------------- */

/* The analysis quote inside the sentence, or -1: a quote whose opening
   words (up to 32 bytes, cut at a word end) the sentence contains. */
static long find_quote(const char *sent, const precis_quote *q, size_t nq)
{
    for (size_t i = 0; i < nq; i++) {
        size_t k = strlen(q[i].text);
        if (k > 32) {
            k = 32;
            while (k > 12 && q[i].text[k] != ' ')
                k--;
        }
        if (k < 8)
            continue;
        char key[40];
        memcpy(key, q[i].text, k);
        key[k] = 0;
        if (strstr(sent, key))
            return (long)i;
    }
    return -1;
}

static const char *last_word(const char *name)
{
    const char *sp = strrchr(name, ' ');
    return sp ? sp + 1 : name;
}

static void check_cluster(const cfg *cf, const precis_cluster *c, const char *label, tally *t)
{
    precis_options o;
    precis_options_init(&o);
    o.budget = cf->words;
    o.lang = cf->r->lang;
    precis_status st;
    o.extract_only = cf->extract_only;
    precis_summarizer *s = precis_summarizer_new(&o, &st);
    precis_summary *sum = NULL;
    precis_analysis *an = NULL;
    if (!s || precis_summarize_analyze(s, c, &sum, &an)) {
        fprintf(stderr, "precis-readable: %s: %s\n", label,
                s ? precis_summarizer_error(s) : precis_strerror(st));
        precis_summarizer_free(s);
        return;
    }
    const precis_quote *q;
    size_t nq = precis_analysis_quotes(an, &q);
    size_t n = precis_summary_size(sum);
    t->clusters++;
    long *qv = calloc(n ? n : 1, sizeof *qv);
    wset *ws = calloc(n ? n : 1, sizeof *ws);
    stems *sm = calloc(n ? n : 1, sizeof *sm);
    people P = {0};
    for (size_t a = 0; cf->given && a < precis_cluster_size(c); a++) {
        size_t len;
        const char *at = precis_cluster_article_text(c, a, &len);
        people_learn(&P, cf->r, cf->given, at, len);
    }
    uint8_t *seen = calloc(P.n ? P.n : 1, 1);
    char *prev = NULL;
    for (size_t i = 0; i < n; i++) {
        const precis_sentence *ps = precis_summary_sentence(sum, i);
        const precis_sentence *pv = i ? precis_summary_sentence(sum, i - 1) : NULL;
        int after_antecedent = pv && pv->article == ps->article && pv->position + 1 == ps->position;
        char *text = malloc(ps->len + 1), *out = malloc(ps->len + 1);
        memcpy(text, ps->text, ps->len);
        text[ps->len] = 0;
        int flag[K_N] = {0};
        size_t quoted;
        if (!quotes_balanced(text, ps->len, &quoted, out))
            flag[K_QUOTE] = 1;
        long qi = find_quote(text, q, nq);
        qv[i] = qi >= 0 ? (long)q[qi].variant : -1;
        /* a speaker is needed for a quotation of five words or more, and for
           any sentence that is nothing but a quotation ("And he doesn't
           care."); scare quotes ("a 'phony' crime") need none */
        if (!flag[K_QUOTE] && (quoted >= 5 || (quoted && only_quote(out))) && !after_antecedent) {
            int named = (qi >= 0 && q[qi].speaker && has_word(out, last_word(q[qi].speaker))) ||
                        names_speaker(cf->r, out);
            if (!named)
                flag[K_UNNAMED] = 1;
        }
        if (!after_antecedent && opens_with_reference(cf->r, text, ps->len))
            flag[K_DANGLING] = 1;
        wset_of(text, ps->len, &ws[i]);
        stems_of(cf->r, text, ps->len, &sm[i]);
        for (size_t j = 0; j < i; j++) {
            size_t keys, both = stems_shared(&sm[i], &sm[j], &keys);
            size_t least = sm[i].n < sm[j].n ? sm[i].n : sm[j].n;
            /* the same fact in other words: most of the shorter one's
               stems, names and numbers among them ("Trump will visit the
               United Kingdom on July 13" after "President Trump will
               travel to the United Kingdom on July 13 for a working
               visit"; read on pairs of BASIL and NewsWCL50 summaries) */
            int reworded = both >= 4 && ((keys >= 2 && 2 * both >= least) ||
                                         (keys >= 3 && 5 * both >= 2 * least));
            if ((qv[i] >= 0 && qv[i] == qv[j]) || wset_jaccard(&ws[i], &ws[j]) >= 0.5 ||
                reworded)
                flag[K_REPEAT] = 1;
        }
        if (is_furniture(cf->r, text, ps->len, out))
            flag[K_FURNITURE] = 1;
        if (count_words(text, ps->len) >= 4 && !has_finite_verb(cf->r, text, ps->len))
            flag[K_VERBLESS] = 1;
        if (P.n && bare_surname(cf->r, &P, out, ps->len, seen))
            flag[K_SURNAME] = 1;
        if (P.n) /* a full name inside a quotation is met too */
            bare_surname(cf->r, &P, text, ps->len, seen);
        if (!after_antecedent && also_dangles(cf->r, out, ps->len, prev))
            flag[K_ALSO] = 1;
        if (cut_off(c, ps))
            flag[K_CUT] = 1;
        int any = 0;
        for (int k = 0; k < K_N; k++) {
            t->kind[k] += (size_t)flag[k];
            any |= flag[k];
        }
        t->sentences++;
        t->defective += (size_t)any;
        if (cf->verbose) {
            printf("%s [%zu] ", label, i);
            if (!any)
                printf("ok");
            for (int k = 0, sep = 0; k < K_N; k++)
                if (flag[k]) {
                    printf("%s%s", sep++ ? "," : "", kind_name[k]);
                }
            printf(": %s\n", text);
        }
        free(prev);
        prev = text;
        free(out);
    }
    free(prev);
    free(seen);
    free(P.p);
    free(sm);
    free(qv);
    free(ws);
    precis_summary_free(sum);
    precis_analysis_free(an);
    precis_summarizer_free(s);
}

/* ---- input -------------------------------------------------------------- */

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t r;
    while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb)
                free(b);
            b = nb;
        }
    }
    fclose(f);
    *len = n;
    return b;
}

static int run_dir(const cfg *cf, const char *dir, tally *t)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char **nn = realloc(names, (n + 1) * sizeof *names);
        if (!nn)
            break;
        names = nn;
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_name);
    precis_cluster *c = precis_cluster_new();
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len;
        char *b = read_file(path, &len);
        precis_article a = {.id = names[i], .text = b, .text_len = len};
        if (!b || precis_cluster_add(c, &a))
            fprintf(stderr, "precis-readable: %s: %s\n", path, precis_cluster_error(c));
        free(b);
    }
    check_cluster(cf, c, dir, t);
    precis_cluster_free(c);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return 0;
}

static int run_jsonl(const cfg *cf, const char *path, tally *t)
{
    size_t len;
    char *b = read_file(path, &len);
    if (!b)
        return -1;
    size_t line = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && b[j] != '\n')
            j++;
        line++;
        if (j > i) {
            precis_cluster *c = precis_cluster_new();
            char label[4200];
            snprintf(label, sizeof label, "%s:%zu", path, line);
            if (precis_cluster_add_json_cluster(c, b + i, j - i))
                fprintf(stderr, "precis-readable: %s: %s\n", label, precis_cluster_error(c));
            else
                check_cluster(cf, c, label, t);
            precis_cluster_free(c);
        }
        i = j + 1;
    }
    free(b);
    return 0;
}

/* Reads a language pack's first_names.txt: one name a line, lower case,
   tags after it, # comments. */
static int names_load(gnames *g, const char *path)
{
    size_t len;
    char *b = read_file(path, &len);
    if (!b)
        return -1;
    free(g->w);
    g->n = 0;
    g->w = calloc(len / 2 + 1, sizeof *g->w);
    for (size_t i = 0; g->w && i < len;) {
        size_t j = i;
        while (j < len && b[j] != '\n')
            j++;
        size_t e = i;
        while (e < j && b[e] != ' ' && b[e] != '\t' && b[e] != '#')
            e++;
        if (e > i && e - i < sizeof g->w[0]) {
            memcpy(g->w[g->n], b + i, e - i);
            g->w[g->n++][e - i] = 0;
        }
        i = j + 1;
    }
    free(b);
    return g->w ? 0 : -1;
}

int main(int argc, char **argv)
{
    cfg cf = {0, 0, 120, &lang_rules[0], NULL};
    gnames given = {NULL, 0};
    const char *name = NULL;
    int first = 1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-v")) {
            cf.verbose = 1;
            continue;
        }
        if (!strcmp(argv[i], "--extract-only")) {
            cf.extract_only = 1;
            continue;
        }
        if (!strcmp(argv[i], "-w") && i + 1 < argc) {
            cf.words = (size_t)strtoul(argv[++i], NULL, 10);
            continue;
        }
        if (!strcmp(argv[i], "--lang") && i + 1 < argc) {
            const char *l = argv[++i];
            cf.r = NULL;
            for (size_t k = 0; k < sizeof lang_rules / sizeof lang_rules[0]; k++)
                if (!strcmp(l, lang_rules[k].lang))
                    cf.r = &lang_rules[k];
            if (!cf.r) {
                fprintf(stderr, "precis-readable: --lang %s: no rules for this language\n", l);
                return 2;
            }
            continue;
        }
        if (!strcmp(argv[i], "--names") && i + 1 < argc) {
            if (names_load(&given, argv[++i])) {
                fprintf(stderr, "precis-readable: %s: cannot read\n", argv[i]);
                return 2;
            }
            cf.given = &given;
            continue;
        }
        if (!strcmp(argv[i], "--name") && i + 1 < argc) {
            name = argv[++i];
            continue;
        }
        struct stat stt;
        if (stat(argv[i], &stt)) {
            fprintf(stderr, "precis-readable: %s: cannot read\n", argv[i]);
            return 2;
        }
        tally t = {0};
        int r = S_ISDIR(stt.st_mode) ? run_dir(&cf, argv[i], &t) : run_jsonl(&cf, argv[i], &t);
        if (r) {
            fprintf(stderr, "precis-readable: %s: cannot read\n", argv[i]);
            return 2;
        }
        if (first) {
            printf("| %-28s | %8s | %9s | %9s | %6s | %6s | %6s | %6s | %6s | %6s | %6s | %6s | "
                   "%6s | %6s |\n",
                   "set", "clusters", "sentences", "defective", "share", "quote", "unnamed",
                   "dangl", "repeat", "furn", "verbl", "surn", "also", "cut");
            printf("|------------------------------|---------:|----------:|----------:|------:|"
                   "------:|-------:|------:|-------:|-----:|------:|-----:|-----:|-----:|\n");
            first = 0;
        }
        printf("| %-28s | %8zu | %9zu | %9zu | %5.1f%% | %6zu | %6zu | %6zu | %6zu | %6zu | "
               "%6zu | %6zu | %6zu | %6zu |\n",
               name ? name : argv[i], t.clusters, t.sentences, t.defective,
               t.sentences ? 100.0 * (double)t.defective / (double)t.sentences : 0.0,
               t.kind[K_QUOTE], t.kind[K_UNNAMED], t.kind[K_DANGLING], t.kind[K_REPEAT],
               t.kind[K_FURNITURE], t.kind[K_VERBLESS], t.kind[K_SURNAME], t.kind[K_ALSO],
               t.kind[K_CUT]);
        fflush(stdout);
        name = NULL;
    }
    free(given.w);
    return 0;
}
