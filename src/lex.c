/*
 * lex.c -- the one tokenizer of the analysis (see lex.h for what a token
 * is).  Runs once per article at the start of precis_analyze(), on the
 * model's sentence spans; quotes.c and facts.c read its tokens.
 *
 * One pass over the bytes: ASCII is classified directly, other code points
 * by utf8proc's general category.  Each word is looked up once in the
 * language pack (lang_word_of) and hashed once case-folded (lex_fold), so
 * the stages compare words by entry and by hash, never by re-reading them.
 * Growth is geometric (pmalloc); a cluster's tokens live until the end of
 * the analysis (about 40 bytes a token, plus 40 a number).
 */
#include "lex.h"

#include <utf8proc.h>

size_t lex_cp(const char *t, size_t i, size_t e, int32_t *cp)
{
    unsigned char c = (unsigned char)t[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    utf8proc_int32_t v;
    utf8proc_ssize_t k =
        utf8proc_iterate((const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(e - i), &v);
    if (k <= 0) {
        *cp = -1;
        return 1;
    }
    *cp = v;
    return (size_t)k;
}

static int is_ascii_letter(int32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(int32_t c) { return c >= '0' && c <= '9'; }

int lex_is_word_cp(int32_t cp)
{
    if (cp < 0x80)
        return is_ascii_letter(cp) || is_digit(cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

int lex_is_letter_cp(int32_t cp)
{
    if (cp < 0x80)
        return is_ascii_letter(cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

int lex_is_upper_cp(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int lex_is_lower_cp(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

int lex_is_space_cp(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS || cp == 0x2028 || cp == 0x2029;
}

/* Is the code point at t[i] (i < e) of the class is_class tests? */
static int class_at(const char *t, size_t i, size_t e, int (*is_class)(int32_t))
{
    if (i >= e)
        return 0;
    int32_t cp;
    lex_cp(t, i, e, &cp);
    return is_class(cp);
}

int lex_is_word_at(const char *t, size_t i, size_t e)
{
    return class_at(t, i, e, lex_is_word_cp);
}

static int cp_is_letter_at(const char *t, size_t i, size_t e)
{
    return class_at(t, i, e, lex_is_letter_cp);
}

static int cp_is_upper_at(const char *t, size_t i, size_t e)
{
    return class_at(t, i, e, lex_is_upper_cp);
}

static int digit_at(const char *t, size_t i, size_t e) { return i < e && is_digit(t[i]); }

uint64_t lex_fold(const char *t, size_t s, size_t e)
{
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    size_t i = s;
    while (i < e) {
        int32_t cp = (unsigned char)t[i];
        if (cp < 0x80) {
            i++;
            if (cp >= 'A' && cp <= 'Z')
                cp += 32;
        } else {
            i += lex_cp(t, i, e, &cp);
            if (cp > 0)
                cp = utf8proc_tolower(cp);
        }
        h = (h ^ (uint64_t)(uint32_t)cp) * 1099511628211ULL;
    }
    return hash_mix(h) | 1;
}

int lex_lower_eq(const char *a, size_t n, const char *lw, size_t m)
{
    if (n != m)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)a[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)lw[i])
            return 0;
    }
    return 1;
}

static lex_tok *push(lex_doc *d, size_t s)
{
    if (d->ntok == d->tokcap) {
        size_t nc = d->tokcap ? d->tokcap * 2 : 1024;
        lex_tok *p = prealloc(d->tok, pmul(nc, sizeof *p));
        if (!p)
            return NULL;
        d->tok = p;
        d->tokcap = nc;
    }
    lex_tok *k = &d->tok[d->ntok++];
    memset(k, 0, sizeof *k);
    k->s = k->e = k->we = (uint32_t)s;
    return k;
}

/* A word from t[i] (a word character).  Joins: an apostrophe before a word
   character, unless a capital follows it after two or more characters
   ("handled'Lavrov": two words glued, unlike "O'Brien"); a hyphen before a
   word character; the period of a one-character segment before a letter
   (U.S).  A final period joins an abbreviation (see lex.h). */
static size_t lex_word(const lang *L, const char *t, size_t i, size_t e, lex_tok *k)
{
    size_t j = i;
    size_t seg = 0, letters = 0, uppers = 0, lowers = 0, hy = 0;
    int32_t first = -1;
    uint16_t f = 0;
    /* lex_fold of the word so far, and before its last apostrophe (the
       word proper when it ends in a possessive) */
    uint64_t h = 0x9e3779b97f4a7c15ULL, hap = h;
    while (j < e) {
        int32_t cp;
        size_t n = lex_cp(t, j, e, &cp);
        int32_t fc = cp < 0x80 ? (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp)
                               : (cp > 0 ? utf8proc_tolower(cp) : cp);
        if (lex_is_word_cp(cp)) {
            h = (h ^ (uint64_t)(uint32_t)fc) * 1099511628211ULL;
            if (first < 0)
                first = cp;
            if (lex_is_letter_cp(cp)) {
                letters++;
                uppers += (size_t)lex_is_upper_cp(cp);
                lowers += (size_t)lex_is_lower_cp(cp);
            } else
                f |= LEX_DIGIT;
            seg++;
            j += n;
            continue;
        }
        if ((cp == '\'' || cp == 0x2019) && lex_is_word_at(t, j + n, e) &&
            !(j - i > 1 && cp_is_upper_at(t, j + n, e))) {
            hap = h;
            h = (h ^ (uint64_t)(uint32_t)fc) * 1099511628211ULL;
            j += n;
            continue;
        }
        if (cp == '-' && lex_is_word_at(t, j + 1, e)) {
            h = (h ^ (uint64_t)(uint32_t)fc) * 1099511628211ULL;
            if (!(f & LEX_HYPH))
                hy = j;
            f |= LEX_HYPH;
            seg = 0;
            j++;
            continue;
        }
        if (cp == '.' && seg == 1 && cp_is_letter_at(t, j + 1, e)) {
            h = (h ^ (uint64_t)(uint32_t)fc) * 1099511628211ULL;
            f |= LEX_DOT;
            seg = 0;
            j++;
            continue;
        }
        break;
    }
    k->kind = LEX_WORD;
    k->e = k->we = (uint32_t)j;
    /* possessive 's / 's */
    if (j - i > 2 && (t[j - 1] == 's' || t[j - 1] == 'S')) {
        if (t[j - 2] == '\'') {
            k->we = (uint32_t)(j - 2);
            f |= LEX_POSS;
        } else if (j - i > 4 && (unsigned char)t[j - 4] == 0xE2 &&
                   (unsigned char)t[j - 3] == 0x80 && (unsigned char)t[j - 2] == 0x99) {
            k->we = (uint32_t)(j - 4);
            f |= LEX_POSS;
        }
    }
    /* plural possessive s' / s' before a space and a word ("the
       senators' letter", "FreedomWorks' website"; not "'yes'.") */
    if (!(f & LEX_POSS) && j - i > 2 && (t[j - 1] == 's' || t[j - 1] == 'S') && j < e) {
        int32_t cp;
        size_t n = lex_cp(t, j, e, &cp);
        if ((cp == '\'' || cp == 0x2019) && j + n + 1 < e && t[j + n] == ' ' &&
            lex_is_word_at(t, j + n + 1, e)) {
            k->e = (uint32_t)(j + n);
            f |= LEX_POSS;
            hap = h;
            j += n;
        }
    }
    /* PTB text spaces the possessive off ("Murray 's spokeswoman",
       "Murray ’s"): the word takes it, as if glued (we stays at the
       word's end, the span ends after the "s") */
    if (!(f & LEX_POSS) && j + 2 < e && t[j] == ' ') {
        size_t a = 0;
        if (t[j + 1] == '\'')
            a = 1;
        else if (j + 4 < e && (unsigned char)t[j + 1] == 0xE2 && (unsigned char)t[j + 2] == 0x80 &&
                 (unsigned char)t[j + 3] == 0x99)
            a = 3;
        if (a && j + 1 + a < e && (t[j + 1 + a] == 's' || t[j + 1 + a] == 'S') &&
            !lex_is_word_at(t, j + 2 + a, e)) {
            f |= LEX_POSS;
            hap = h;
            j += 2 + a;
            k->e = (uint32_t)j;
        }
    }
    k->lw = lang_word_of(L, t + i, k->we - i);
    k->fold = hash_mix(f & LEX_POSS ? hap : h) | 1; /* = lex_fold(t, i, k->we) */
    const lang_word *pw = NULL;
    if (first >= 0 && lex_is_upper_cp(first))
        f |= LEX_CAP;
    else if (hy && cp_is_upper_at(t, hy + 1, e) && (pw = lang_word_of(L, t + i, hy - i)) &&
             (pw->tags & LT_PARTICLE))
        f |= LEX_CAP; /* "al-Rabeeah": a name's */
    else if (first >= 0 && lex_is_lower_cp(first))
        f |= LEX_LOWER;
    if (letters >= 2 && lowers == 0 && uppers >= 2)
        f |= LEX_ACRO;
    if (!(f & LEX_POSS) && j < e && t[j] == '.' &&
        ((f & LEX_DOT) || (letters == 1 && k->we - i == 1) ||
         (k->lw && (k->lw->cls & LW_ABBR)))) {
        f |= LEX_ABBR;
        j++;
        k->e = (uint32_t)j;
    } else if (!(f & LEX_POSS) && j + 3 < e && t[j] == ' ' && t[j + 1] == '.' &&
               t[j + 2] == ' ' && lex_is_upper_cp((unsigned char)t[j + 3]) &&
               (f & LEX_CAP) && !(i >= 2 && t[i - 1] == ' ' && t[i - 2] == '-') &&
               ((letters == 1 && k->we - i == 1) ||
                (k->lw && (k->lw->cls & LW_ABBR) && (k->lw->tags & LT_ATITLE)))) {
        /* PTB text spaces the period off: "Nick J . Rahall", "Dr . Regina
           M . Benjamin" (before a capital: an initial or a title; not the
           state of "( D - W . Va . )") */
        f |= LEX_ABBR;
        j += 2;
        k->e = (uint32_t)j;
    }
    k->f = f;
    return j;
}

/* Is canonical unit name u one that is written as a sign ($ % euro pound),
   so never a glued suffix? */
static int sign_unit(const char *u)
{
    return !strcmp(u, "%") || !strcmp(u, "$") || !strcmp(u, "\xe2\x82\xac") ||
           !strcmp(u, "\xc2\xa3");
}

/* Is t[i] a space that may group thousands: ASCII, no-break (U+00A0) or
   narrow no-break (U+202F)?  Its length in bytes, else 0. */
static size_t group_space(const char *t, size_t i, size_t e)
{
    if (i < e && t[i] == ' ')
        return 1;
    if (i + 1 < e && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA0)
        return 2;
    if (i + 2 < e && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
        (unsigned char)t[i + 2] == 0xAF)
        return 3;
    return 0;
}

/* Are there exactly three digits at t[i], then no digit? */
static int three_digits(const char *t, size_t i, size_t e)
{
    return digit_at(t, i, e) && digit_at(t, i + 1, e) && digit_at(t, i + 2, e) &&
           !digit_at(t, i + 3, e);
}

/* The pack's suffix written glued to a number that is sfx[0..n), any
   case, or NULL. */
static const lang_suffix *glued_suffix(const lang_pack *pk, const char *sfx, size_t n)
{
    for (size_t i = 0; pk && i < pk->num.nsuffix; i++)
        if (lex_lower_eq(sfx, n, pk->num.suffix[i].s, strlen(pk->num.suffix[i].s)))
            return &pk->num.suffix[i];
    return NULL;
}

/* Numbers as a pack's language writes them (lang_numfmt) when it is not
   English's way: a decimal comma ("3,5" = 3.5, "1,7 millones"), thousands
   grouped by a period ("1.200" = 1200, "1.200.000") or a space ("12 000",
   "30 000" with a no-break space), a comma before exactly three digits
   still grouping ("40,000 fans": such news writes both), and "%" after a
   space ("3,5 %").  The number whose digits start at t[j] and that the
   English reading k took is re-read up to the span's end e; a lone "1.5"
   or "12.30" keeps the English reading.  When the re-reading differs, k
   is changed and the end of the number returned; else 0. */
static size_t lex_number_cont(const lang_numfmt *nf, const char *t, size_t j, size_t e,
                              lex_num *k)
{
    uint64_t mant = 0;
    size_t ndig = 0, first = 0;
    int dec = -1, changed = 0, sep = 0, pct = 0;
    while (digit_at(t, j, e)) {
        mant = mant * 10 + (uint64_t)(t[j++] - '0');
        first++;
    }
    ndig = first;
    for (;;) {
        size_t sp = 0;
        if (dec < 0 && first <= 3 && j < e && t[j] == '.' && strchr(nf->group, '.') &&
            three_digits(t, j + 1, e)) {
            j++;
            changed = sep = 1;
        } else if (dec < 0 && first <= 3 && strchr(nf->group, ' ') &&
                   (sp = group_space(t, j, e)) && three_digits(t, j + sp, e)) {
            j += sp;
            changed = sep = 1;
        } else if (dec < 0 && j < e && t[j] == ',' && three_digits(t, j + 1, e) && first <= 3) {
            j++;
            sep = 1;
        } else if (dec < 0 && j < e && t[j] == ',' && digit_at(t, j + 1, e) &&
                   (!digit_at(t, j + 2, e) || !digit_at(t, j + 3, e))) {
            j++;
            dec = 0;
            changed = 1;
            while (digit_at(t, j, e) && ndig < 18) {
                mant = mant * 10 + (uint64_t)(t[j++] - '0');
                dec++;
                ndig++;
            }
            continue;
        } else
            break;
        for (int q = 0; q < 3 && ndig < 18; q++, ndig++)
            mant = mant * 10 + (uint64_t)(t[j++] - '0');
    }
    if (ndig >= 18 || (j < e && (t[j] == '.' || t[j] == ':' || t[j] == '/' || t[j] == '-') &&
                       digit_at(t, j + 1, e)) || lex_is_word_at(t, j, e))
        return 0; /* a date, a time, a code: the English reading stands */
    size_t sp = group_space(t, j, e);
    if (j < e && t[j] == '%') {
        pct = 1;
        j++;
    } else if (sp && j + sp < e && t[j + sp] == '%') {
        pct = changed = 1;
        j += sp + 1;
    }
    if (!changed)
        return 0;
    k->mant = mant;
    k->dec = (uint8_t)(dec < 0 ? 0 : dec);
    k->ndig = (uint8_t)ndig;
    k->sep = (uint8_t)sep;
    k->pct = (uint8_t)pct;
    k->bad = 0;
    return j;
}

/* A number from t[i] (a digit, or a currency sign before one); lo is the
   start of the span being lexed.  Read the English way ("1,200.5"), then,
   for a pack whose decimal mark is a comma, the pack's way
   (lex_number_cont). */
static size_t lex_number(const lang *L, const char *t, size_t i, size_t e, size_t lo, lex_num *k)
{
    memset(k, 0, sizeof *k);
    size_t j = i;
    if (t[j] == '$') {
        k->cur = 1;
        j++;
    } else if ((unsigned char)t[j] == 0xE2) { /* euro */
        k->cur = 2;
        j += 3;
    } else if ((unsigned char)t[j] == 0xC2) { /* pound */
        k->cur = 3;
        j += 2;
    }
    size_t d0 = j; /* the first digit */
    /* glued to a word or code before it: "COVID-19", "A-1", "#3", "v1.2" */
    if (i > lo) {
        unsigned char p = (unsigned char)t[i - 1];
        if (is_ascii_letter(p) || is_digit(p) || p == '-' || p == '/' || p == '.' || p == '#' ||
            p == '_' || p >= 0x80)
            k->bad = 1;
        if (p >= 0x80) { /* a non-ASCII letter before it; punctuation is fine */
            size_t b = i - 1;
            while (b > lo && ((unsigned char)t[b] & 0xC0) == 0x80)
                b--;
            int32_t cp;
            lex_cp(t, b, e, &cp);
            k->bad = (uint8_t)lex_is_word_cp(cp);
        }
    }
    int dec = -1;
    size_t ndig = 0;
    for (;;) {
        while (j < e && is_digit(t[j])) {
            if (ndig < 18) {
                k->mant = k->mant * 10 + (uint64_t)(t[j] - '0');
                if (dec >= 0)
                    dec++;
            } else
                k->bad = 1;
            ndig++;
            j++;
        }
        if (j < e && t[j] == ',' && dec < 0 && digit_at(t, j + 1, e) &&
            digit_at(t, j + 2, e) && digit_at(t, j + 3, e) && !digit_at(t, j + 4, e)) {
            k->sep = 1;
            j++;
            continue;
        }
        if (j < e && t[j] == '.' && dec < 0 && digit_at(t, j + 1, e)) {
            dec = 0;
            j++;
            continue;
        }
        break;
    }
    k->ndig = (uint8_t)(ndig > 255 ? 255 : ndig);
    k->dec = (uint8_t)(dec < 0 ? 0 : dec);
    if (j < e && t[j] == '%') {
        k->pct = 1;
        j++;
    } else if (j < e && (t[j] == ':' || t[j] == '.' || t[j] == '/') && digit_at(t, j + 1, e)) {
        /* time, version, fraction or date with slashes */
        k->bad = 1;
        while (j < e && (is_digit(t[j]) || t[j] == ':' || t[j] == '.' || t[j] == '/') &&
               (is_digit(t[j]) || digit_at(t, j + 1, e)))
            j++;
    } else if (j < e && t[j] == '-' && digit_at(t, j + 1, e)) {
        /* ISO date, else a range or a code */
        size_t q = j + 1;
        while (q < e && is_digit(t[q]))
            q++;
        if (ndig == 4 && !k->sep && dec < 0 && q - j == 3 && q < e && t[q] == '-' &&
            digit_at(t, q + 1, e) && digit_at(t, q + 2, e) && !digit_at(t, q + 3, e) &&
            !lex_is_word_at(t, q + 3, e)) {
            unsigned mo = (unsigned)(t[j + 1] - '0') * 10 + (unsigned)(t[j + 2] - '0');
            unsigned d = (unsigned)(t[q + 1] - '0') * 10 + (unsigned)(t[q + 2] - '0');
            if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
                k->iso = 1;
                k->iy = (uint16_t)k->mant;
                k->im = (uint8_t)mo;
                k->id = (uint8_t)d;
            } else
                k->bad = 1;
            j = q + 3;
        } else {
            k->bad = 1;
            j = q;
        }
        while (j < e && (is_digit(t[j]) || (t[j] == '-' && digit_at(t, j + 1, e))))
            j++;
    } else if (j < e && t[j] == '-' && lex_is_word_at(t, j + 1, e)) {
        /* "63-year-old", "18-kilometer": a modifier, not a count */
        k->bad = 1;
        j++;
        while (j < e) {
            int32_t cp;
            size_t n = lex_cp(t, j, e, &cp);
            if (lex_is_word_cp(cp) || (cp == '-' && lex_is_word_at(t, j + 1, e)))
                j += n;
            else
                break;
        }
    } else if (j < e && is_ascii_letter(t[j])) {
        /* a glued suffix: ordinal or multiplier (the pack's settings.txt),
           or unit */
        size_t q = j;
        while (q < e && is_ascii_letter(t[q]))
            q++;
        const char *sfx = t + j;
        size_t n = q - j;
        const lang_suffix *sx = NULL;
        if (lex_is_word_at(t, q, e))
            k->bad = 1;
        else if ((sx = glued_suffix(lang_get_pack(L), sfx, n)) && !sx->mult)
            k->ord = 1;
        else if (sx && k->cur)
            k->mult = (int8_t)sx->mult;
        else {
            const lang_word *le = n <= 24 ? lang_word_of(L, sfx, n) : NULL;
            if (le && (le->cls & LW_UNIT) && le->unit && !sign_unit(le->unit))
                k->unit = le;
            else
                k->bad = 1;
        }
        j = q;
        while (j < e && lex_is_word_at(t, j, e)) { /* rest of a code like 3D4 */
            int32_t cp;
            j += lex_cp(t, j, e, &cp);
        }
    }
    const lang_pack *pk = lang_get_pack(L);
    if (pk && pk->num.decimal == ',' && !k->iso && !k->ord && !k->unit && !k->mult) {
        /* glued to a word or a code before it: the English reading stands */
        unsigned char p = i > lo ? (unsigned char)t[i - 1] : ' ';
        if (!(is_ascii_letter(p) || is_digit(p) || p == '-' || p == '/' || p == '#' || p == '_')) {
            size_t c = lex_number_cont(&pk->num, t, d0, e, k);
            if (c)
                j = c;
        }
    }
    return j;
}

/* The quotation mark at t[i] (code point cp), LEX_MK_NONE if none; *len
   its length in bytes. */
static uint8_t mark_of(const char *t, size_t i, size_t e, int32_t cp, size_t *len)
{
    switch (cp) {
    case '"': return LEX_MK_DQ;
    case 0x201C: return LEX_MK_LDQ;
    case 0x201D: return LEX_MK_RDQ;
    case 0x201E: return LEX_MK_LOW;
    case 0xAB: return LEX_MK_GL;
    case 0xBB: return LEX_MK_GR;
    case '`':
    case '\'':
        if (i + 1 < e && t[i + 1] == (char)cp) { /* `` and '': typewriter marks */
            *len = 2;
            return cp == '`' ? LEX_MK_BT : LEX_MK_SQ2;
        }
        return LEX_MK_NONE;
    default: return LEX_MK_NONE;
    }
}

int lex_span(lex_doc *d, const lang *L, const char *t, size_t lo, size_t e)
{
    size_t i = lo;
    while (i < e) {
        int32_t cp;
        size_t k = lex_cp(t, i, e, &cp);
        if (cp == '\n') {
            lex_tok *p = push(d, i);
            if (!p)
                return -1;
            p->kind = LEX_NL;
            while (i < e && (t[i] == '\n' || t[i] == '\r' || t[i] == ' ' || t[i] == '\t'))
                i++;
            p->e = p->we = (uint32_t)i;
            continue;
        }
        if (lex_is_space_cp(cp)) {
            i += k;
            continue;
        }
        lex_tok *p = push(d, i);
        if (!p)
            return -1;
        int cur = (cp == '$' || cp == 0x20AC || cp == 0xA3) && digit_at(t, i + k, e);
        if (is_digit(cp) || cur) {
            lex_num *q = pgrow(d->num, &d->numcap, d->nnum + 1, sizeof *q);
            if (!q)
                return -1;
            d->num = q;
            p->kind = LEX_NUM;
            p->aux = (uint32_t)d->nnum;
            i = lex_number(L, t, i, e, lo, &d->num[d->nnum++]);
            p->e = p->we = (uint32_t)i;
            continue;
        }
        if (lex_is_word_cp(cp)) {
            i = lex_word(L, t, i, e, p);
            continue;
        }
        p->kind = LEX_PUNCT;
        p->aux = (uint32_t)cp;
        size_t len = k;
        if ((p->mark = mark_of(t, i, e, cp, &len)))
            p->kind = LEX_QUOTE;
        /* after a space (or the start) and before a non-space */
        int after_space = i == lo || t[i - 1] == ' ' || t[i - 1] == '\n' || t[i - 1] == '(' ||
                          t[i - 1] == '\t';
        int32_t nx = ' '; /* the character after the whole mark ("'' X" closes) */
        if (i + len < e)
            lex_cp(t, i + len, e, &nx);
        if (after_space && !lex_is_space_cp(nx))
            p->f |= LEX_OPENPOS;
        i += len;
        p->e = p->we = (uint32_t)i;
    }
    return 0;
}

void lex_doc_free(lex_doc *d)
{
    pfree(d->tok);
    pfree(d->num);
    pfree(d->art);
    pfree(d->sent);
    memset(d, 0, sizeof *d);
}

/* Is sentence s of text t[0, n) lexed, pos being where the sentence
   before it that was lexed ended? */
static int lex_takes(const msent *s, size_t pos, size_t n)
{
    return s->start >= pos && s->end <= n && s->start < s->end;
}

/* Copies the kept tokens [from, to) of k to d (numbers with them). */
static int lex_copy(lex_doc *d, const lex_doc *k, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to; i++) {
        lex_tok *p = push(d, 0);
        if (!p)
            return -1;
        *p = k->tok[i];
        if (p->kind != LEX_NUM)
            continue;
        lex_num *q = pgrow(d->num, &d->numcap, d->nnum + 1, sizeof *q);
        if (!q)
            return -1;
        d->num = q;
        d->num[d->nnum] = k->num[p->aux];
        p->aux = (uint32_t)d->nnum++;
    }
    return 0;
}

/* Where the kept lexing of an article stands: its sentence j is the next
   to look at; its tokens from tok on, the gap from byte pos on, are not
   taken yet. */
typedef struct lex_cursor {
    size_t j, je, pos;
    uint32_t tok;
} lex_cursor;

/* Passes the kept sentences that start before byte `start`. */
static void cursor_to(const lex_kept *k, lex_cursor *u, size_t start)
{
    while (u->j < u->je && (k->span[2 * u->j] == UINT32_MAX || k->span[2 * u->j] < start)) {
        if (k->span[2 * u->j] != UINT32_MAX) { /* lexed */
            u->pos = k->span[2 * u->j + 1];
            u->tok = k->d.sent[2 * u->j + 1];
        }
        u->j++;
    }
}

/* Lexes article a's text t[0, n) on its sentence spans: the gap before
   each sentence, then the sentence (its first token marked).  A sentence
   that overlaps the one before it or runs past the text gets no tokens.
   With k (a kept lexing of the article), a gap and sentence it has on the
   same bytes, and the rest of the text after the last sentence, are
   copied from it. */
static int lex_article(lex_doc *d, const lang *L, const model *m, size_t a, const char *t,
                       size_t n, const lex_kept *k)
{
    size_t pos = 0;
    size_t cnt = a < m->nart ? m->count[a] : 0; /* articles past the model: one span */
    lex_cursor u = {0, 0, 0, 0};
    if (k) {
        u.j = k->first[a];
        u.je = k->first[a + 1];
        u.tok = k->d.art[a];
    }
    for (size_t i = 0; i < cnt; i++) {
        size_t si = m->first[a] + i;
        const msent *s = &m->s[si];
        d->sent[2 * si] = d->sent[2 * si + 1] = (uint32_t)d->ntok;
        if (!lex_takes(s, pos, n))
            continue;
        size_t t0;
        if (k && (cursor_to(k, &u, s->start), u.j < u.je) && u.pos == pos &&
            k->span[2 * u.j] == s->start && k->span[2 * u.j + 1] == s->end) {
            t0 = d->ntok + (k->d.sent[2 * u.j] - u.tok);
            if (lex_copy(d, &k->d, u.tok, k->d.sent[2 * u.j + 1]))
                return -1;
            u.pos = s->end;
            u.tok = k->d.sent[2 * u.j + 1];
            u.j++;
        } else {
            if (lex_span(d, L, t, pos, s->start))
                return -1;
            t0 = d->ntok;
            if (lex_span(d, L, t, s->start, s->end))
                return -1;
        }
        d->sent[2 * si] = (uint32_t)t0;
        d->sent[2 * si + 1] = (uint32_t)d->ntok;
        if (t0 < d->ntok)
            d->tok[t0].f |= LEX_SSTART;
        pos = s->end;
    }
    if (k) {
        cursor_to(k, &u, SIZE_MAX);
        if (u.pos == pos)
            return lex_copy(d, &k->d, u.tok, k->d.art[a + 1]);
    }
    return lex_span(d, L, t, pos, n);
}

/* Does t[0..n) hold an opening quotation mark (" U+201C U+201E U+00AB ``
   '')?  A byte scan, so that an article without one is not lexed when
   only quotes are wanted. */
static int has_open_mark(const char *t, size_t n)
{
    if (memchr(t, '"', n))
        return 1;
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned char c = (unsigned char)t[i], d = (unsigned char)t[i + 1];
        if ((c == 0xE2 && d == 0x80 && i + 2 < n &&
             ((unsigned char)t[i + 2] == 0x9C || (unsigned char)t[i + 2] == 0x9E)) ||
            (c == 0xC2 && d == 0xAB) || (c == '`' && d == '`') || (c == '\'' && d == '\''))
            return 1;
    }
    return 0;
}

/* lex_cluster, with the kept lexing k when not NULL. */
static precis_status lex_all(lex_doc *d, const precis_cluster *c, const model *m, const lang *L,
                             int quoted_only, const lex_kept *k)
{
    memset(d, 0, sizeof *d);
    size_t nart = precis_cluster_size(c);
    d->nart = nart;
    d->art = pmalloc(pmul(nart + 1, sizeof *d->art));
    d->sent = pmalloc(pmul(m->ns ? 2 * m->ns : 1, sizeof *d->sent));
    if (!d->art || !d->sent)
        goto oom;
    for (size_t i = 0; i < 2 * m->ns; i++)
        d->sent[i] = 0;
    for (size_t a = 0; a < nart; a++) {
        d->art[a] = (uint32_t)d->ntok;
        size_t n = 0;
        const char *t = precis_cluster_article_text(c, a, &n);
        if (!t || n == 0 || n >= UINT32_MAX)
            continue; /* documented: articles of 4 GB and more are skipped */
        if (quoted_only && !has_open_mark(t, n))
            continue;
        /* the kept lexing serves an article it has tokens of */
        const lex_kept *ka = k && a < k->d.nart && a < m->nart && k->d.art[a] < k->d.art[a + 1]
                                 ? k
                                 : NULL;
        if (lex_article(d, L, m, a, t, n, ka))
            goto oom;
        if (d->ntok >= UINT32_MAX)
            goto oom;
        if (d->ntok > d->art[a])
            d->tok[d->art[a]].f |= LEX_SSTART;
    }
    d->art[nart] = (uint32_t)d->ntok;
    return PRECIS_OK;
oom:
    lex_doc_free(d);
    return PRECIS_ENOMEM;
}

precis_status lex_cluster(lex_doc *d, const precis_cluster *c, const model *m, const lang *L,
                          int quoted_only)
{
    return lex_all(d, c, m, L, quoted_only, NULL);
}

void lex_kept_free(lex_kept *k)
{
    lex_doc_free(&k->d);
    pfree(k->span);
    pfree(k->first);
    memset(k, 0, sizeof *k);
}

precis_status lex_keep(lex_kept *k, lex_doc *d, const precis_cluster *c, const model *m)
{
    lex_kept_free(k);
    k->d = *d;
    memset(d, 0, sizeof *d);
    if (k->d.nart != m->nart || precis_cluster_size(c) != m->nart) {
        lex_kept_free(k);
        return PRECIS_OK; /* nothing to keep */
    }
    k->span = pmalloc(pmul(m->ns ? 2 * m->ns : 1, sizeof *k->span));
    k->first = pmalloc(pmul(m->nart + 1, sizeof *k->first));
    if (!k->span || !k->first) {
        lex_kept_free(k);
        return PRECIS_ENOMEM;
    }
    /* the sentences lex_article gave tokens (a sentence of an article not
       lexed is passed by lex_all) */
    for (size_t a = 0; a < m->nart; a++) {
        k->first[a] = m->first[a];
        size_t n = 0, pos = 0;
        precis_cluster_article_text(c, a, &n);
        for (size_t si = m->first[a]; si < m->first[a] + m->count[a]; si++) {
            const msent *s = &m->s[si];
            k->span[2 * si] = UINT32_MAX;
            k->span[2 * si + 1] = 0;
            if (!lex_takes(s, pos, n))
                continue;
            k->span[2 * si] = (uint32_t)s->start;
            k->span[2 * si + 1] = (uint32_t)s->end;
            pos = s->end;
        }
    }
    k->first[m->nart] = m->ns;
    k->ok = 1;
    return PRECIS_OK;
}

precis_status lex_cluster_from(lex_doc *d, const precis_cluster *c, const model *m,
                               const lang *L, lex_kept *k)
{
    precis_status st = lex_all(d, c, m, L, 0, k && k->ok ? k : NULL);
    if (k)
        lex_kept_free(k);
    return st;
}
