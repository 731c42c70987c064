/*
 * rouge_porter.c -- the Porter (1980) suffix stripper in the exact variant
 * that ROUGE-1.5.5 embeds, used by rouge.c for its -m stemming.
 *
 * Why not Snowball's "porter" from libstemmer: ROUGE carries the Perl port
 * from tartarus.org, which departs from the 1980 paper in ways that change
 * stems of ordinary news words, and conformance with the official scores
 * is the point of the scorer:
 *   - step 2 has "bli" -> "ble" and "logi" -> "log" (the paper: "abli");
 *     "possibly" -> "possibl", "apology" -> "apolog";
 *   - step 4 is Chin-Yew Lin's 2004 change: "-ement" stays in the main
 *     list, then "-ment" and then "-ent" (else "-sion/-tion") are tried
 *     again on the result, so two suffixes can go ("experimental" ->
 *     "experi", "fundamental" -> "fundam");
 *   - the "*o" (cvc) test of steps 1b and 5 is a regular expression over
 *     the whole stem (^C v [^aeiouwxy]$), not over its last three letters;
 *   - "y" is a vowel in [aeiouy] and a consonant in [^aeiou], as the
 *     Perl character classes say, except a word-initial "y" which is
 *     upper-cased (a consonant only) for the duration.
 * The measure tests (m > 0, m = 1, m > 1, "contains a vowel") are the
 * Perl regular expressions $mgr0, $meq1, $mgr1 and $_v; pm() below
 * decides whether such an expression matches, with the same backtracking
 * semantics, so every corner case follows the Perl code.
 */
#include "rouge_porter.h"

#include <string.h>

/* Character classes of the Perl code; 'Y' is the marked initial y. */
static int is_c(char ch) { return !strchr("aeiou", ch) || ch == '\0'; } /* [^aeiou]  */
static int is_v(char ch) { return ch && strchr("aeiouy", ch) != NULL; } /* [aeiouy]  */
static int is_b(char ch) { return !is_v(ch); }                          /* [^aeiouy] */
static int is_a(char ch) { return ch && strchr("aeiou", ch) != NULL; }  /* [aeiou]   */

enum { P_C, P_OPTC, P_V, P_OPTV, P_END };

/* Does w[i..n) match the pattern pat[k..] (a sequence of C = [^aeiou]
   [^aeiouy]*, V = [aeiouy][aeiou]*, optional forms, and P_END = "$")?
   Tries every length of each element, so it answers exactly what Perl's
   backtracking matcher answers for ^(C)?VC..., which is all the stemmer
   asks.  Words are short; the recursion is shallow. */
static int pm(const char *w, size_t n, const int *pat, size_t k, size_t i)
{
    int e = pat[k];
    if (e < 0)
        return 1; /* pattern done, not anchored at the end */
    if (e == P_END)
        return i == n;
    if (e == P_OPTC || e == P_OPTV) {
        int sub[8];
        size_t np = 0;
        sub[np++] = e == P_OPTC ? P_C : P_V;
        for (size_t q = k + 1;; q++) {
            sub[np++] = pat[q];
            if (pat[q] < 0 || pat[q] == P_END)
                break;
        }
        if (pm(w, n, sub, 0, i))
            return 1;
        return pm(w, n, pat, k + 1, i);
    }
    if (i >= n)
        return 0;
    if (e == P_C ? !is_c(w[i]) : !is_v(w[i]))
        return 0;
    size_t j = i + 1;
    while (j < n && (e == P_C ? is_b(w[j]) : is_a(w[j])))
        j++;
    for (size_t end = j; end > i; end--)
        if (pm(w, n, pat, k + 1, end))
            return 1;
    return 0;
}

static const int MGR0[] = {P_OPTC, P_V, P_C, -1};             /* m > 0 */
static const int MEQ1[] = {P_OPTC, P_V, P_C, P_OPTV, P_END};  /* m = 1 */
static const int MGR1[] = {P_OPTC, P_V, P_C, P_V, P_C, -1};   /* m > 1 */

static int mgr0(const char *w, size_t n) { return pm(w, n, MGR0, 0, 0); }
static int meq1(const char *w, size_t n) { return pm(w, n, MEQ1, 0, 0); }
static int mgr1(const char *w, size_t n) { return pm(w, n, MGR1, 0, 0); }

/* $_v = ^(C)?v : the stem contains a vowel after an optional C. */
static int has_v(const char *w, size_t n)
{
    if (n && is_v(w[0]))
        return 1;
    if (!n || !is_c(w[0]))
        return 0;
    for (size_t i = 1; i < n; i++) {
        if (is_v(w[i]))
            return 1; /* w[1..i) are all [^aeiouy], so C = w[0..i) */
        if (!is_b(w[i]))
            return 0;
    }
    return 0;
}

/* ^C v [^aeiouwxy]$ over the whole stem. */
static int cvc_whole(const char *w, size_t n)
{
    if (n < 3 || !is_c(w[0]))
        return 0;
    for (size_t i = 1; i + 2 < n; i++)
        if (!is_b(w[i]))
            return 0;
    return is_v(w[n - 2]) && !strchr("aeiouwxy", w[n - 1]);
}

static int ends(const char *w, size_t n, const char *s)
{
    size_t k = strlen(s);
    return k <= n && memcmp(w + n - k, s, k) == 0;
}

/* The longest suffix of w among list[] (pairs suffix, replacement), as
   the leftmost match of an anchored alternation finds it; -1 if none. */
static int longest(const char *w, size_t n, const char *const *list, size_t nlist)
{
    int best = -1;
    size_t blen = 0;
    for (size_t i = 0; i < nlist; i += 2) {
        size_t k = strlen(list[i]);
        if (k > blen && ends(w, n, list[i])) {
            best = (int)i;
            blen = k;
        }
    }
    return best;
}

static const char *const STEP2[] = {
    "ational", "ate",  "tional", "tion", "enci",    "ence", "anci",    "ance", "izer",  "ize",
    "bli",     "ble",  "alli",   "al",   "entli",   "ent",  "eli",     "e",    "ousli", "ous",
    "ization", "ize",  "ation",  "ate",  "ator",    "ate",  "alism",   "al",   "iveness", "ive",
    "fulness", "ful",  "ousness", "ous", "aliti",   "al",   "iviti",   "ive",  "biliti", "ble",
    "logi",    "log"};
static const char *const STEP3[] = {"icate", "ic", "ative", "",   "alize", "al", "iciti", "ic",
                                    "ical",  "ic", "ful",   "",   "ness",  ""};
static const char *const STEP4[] = {"al",  "", "ance", "", "ence", "", "er",  "", "ic",  "", "able", "",
                                    "ible", "", "ant", "", "ement", "", "ou", "", "ism", "", "ate",  "",
                                    "iti", "", "ous",  "", "ive",  "", "ize", ""};

size_t rouge_porter_stem(char *w, size_t n)
{
    if (n < 3)
        return n;
    int ymark = w[0] == 'y';
    if (ymark)
        w[0] = 'Y';

    /* Step 1a */
    if (ends(w, n, "sses") || ends(w, n, "ies"))
        n -= 2;
    else if (n >= 2 && w[n - 1] == 's' && w[n - 2] != 's')
        n -= 1;

    /* Step 1b */
    if (ends(w, n, "eed")) {
        if (mgr0(w, n - 3))
            n -= 1;
    } else if (ends(w, n, "ed") || ends(w, n, "ing")) {
        size_t s = n - (ends(w, n, "ed") ? 2 : 3);
        if (has_v(w, s)) {
            n = s;
            if (ends(w, n, "at") || ends(w, n, "bl") || ends(w, n, "iz")) {
                w[n++] = 'e';
            } else if (n >= 2 && w[n - 1] == w[n - 2] && !strchr("aeiouylsz", w[n - 1])) {
                n -= 1;
            } else if (cvc_whole(w, n)) {
                w[n++] = 'e';
            }
        }
    }

    /* Step 1c */
    if (n >= 1 && w[n - 1] == 'y' && has_v(w, n - 1))
        w[n - 1] = 'i';

    /* Step 2 and step 3 */
    for (int step = 0; step < 2; step++) {
        const char *const *list = step ? STEP3 : STEP2;
        size_t nl = step ? sizeof STEP3 / sizeof *STEP3 : sizeof STEP2 / sizeof *STEP2;
        int i = longest(w, n, list, nl);
        if (i >= 0) {
            size_t s = n - strlen(list[i]);
            if (mgr0(w, s)) {
                size_t r = strlen(list[i + 1]);
                memcpy(w + s, list[i + 1], r);
                n = s + r;
            }
        }
    }

    /* Step 4, as modified by CYL on 02/14/2004 */
    int i4 = longest(w, n, STEP4, sizeof STEP4 / sizeof *STEP4);
    if (i4 >= 0) {
        size_t s = n - strlen(STEP4[i4]);
        if (mgr1(w, s))
            n = s;
    }
    if (ends(w, n, "ment") && mgr1(w, n - 4))
        n -= 4;
    if (ends(w, n, "ent")) {
        if (mgr1(w, n - 3))
            n -= 3;
    } else if (ends(w, n, "sion") || ends(w, n, "tion")) {
        if (mgr1(w, n - 3))
            n -= 3;
    }

    /* Step 5 */
    if (n >= 1 && w[n - 1] == 'e') {
        size_t s = n - 1;
        if (mgr1(w, s) || (meq1(w, s) && !cvc_whole(w, s)))
            n = s;
    }
    if (ends(w, n, "ll") && mgr1(w, n))
        n -= 1;

    if (ymark)
        w[0] = 'y';
    return n;
}
