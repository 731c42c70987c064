/*
 * mention.c -- the one mention finder of the analysis (see mention.h).
 * Runs once per cluster after lex.c, on its tokens; quotes.c (speakers)
 * and facts.c (people, organisations, places) read the mentions.
 *
 * Two passes over the cluster's tokens.  The first is a census: which
 * words the cluster writes capitalised inside a sentence, which
 * lower-case.  The second finds, sentence by sentence:
 *
 *  1. Runs: capitalised words (or acronyms; no digits) in a row, with
 *     the pack's lower-case name_joiners inside, at most two in a row and
 *     followed by a capitalised word that is no title ("Stade de France",
 *     "Place de la Concorde"; not after a whole place name: "Russie de la
 *     Chine" is two names); a joiner tagged org ("of") only inside an
 *     organisation's name or after a plural that opens the run ("Ministry
 *     of Defence", "Eagles of Death Metal"), and inside an organisation's
 *     name so joined, "and" before a word that is no given name ("Centers
 *     for Disease Control and Prevention").  A run ends after a
 *     possessive ("St. Anselm's Church" goes on).
 *  2. The name in the run: after the last title (a title word ending the
 *     run after a given name is a surname: "Peter King"; a title before an
 *     organisation word or a joiner is part of the name: "Justice
 *     Department", "Servicio General de Inteligencia"), or else past the
 *     function words, months, weekdays, number words, pronouns and speech
 *     words that open it; after a preposition it starts at a given name
 *     ("Secretary of State Mike Pompeo"); party words are cut off
 *     ("Republican Pat Toomey"; "the Arizona Republican" is no name).  A
 *     word at a sentence start (or after an opening quote, a colon, '(')
 *     opens a name only when the cluster writes it capitalised inside a
 *     sentence and never lower-case, or when it never stands inside a
 *     sentence, a name word follows and it does not end like a common
 *     word (the pack's endings: "Presently Australia", "Joining Malaysia",
 *     "Saying President Obama" give the names after the opener only).
 *     The name ends at a function word, month or title (a capitalised
 *     function word after a name word stays: "Theresa May"), an initial
 *     ("A. Barry Rand") and a surname title going on.
 *  3. What the text shows: a title (and, from its tags, the gender);
 *     for a name without one, a role noun, speech verb or preposition of
 *     place right before it; after it a speech verb, a lower-case place
 *     noun ("the Georgetown neighborhood"), ", who", an age (", 63,") or
 *     ", <place>" ("Ashland, Va."); organisation words, camel case, an
 *     acronym that is no place, an organisation phrase of the pack; a
 *     given name first (and its gender).  What the evidence makes of a
 *     name is each stage's call: a speaker (quotes.c), a kind of fact
 *     after merging spellings across the cluster (facts.c).
 *
 * Every word list is the language pack's (lang.h); the census (a dict
 * keyed by the words' fold hashes) and the mention array are freed with
 * mention_doc_free.
 */
#include "mention.h"

/* ---- census ------------------------------------------------------------- */

static int census_mark(mention_doc *md, uint64_t h, uint8_t flag)
{
    uint32_t *v = dict_get(&md->census, &h, sizeof h);
    if (v) {
        *v |= flag;
        return 0;
    }
    return dict_set(&md->census, &h, sizeof h, flag);
}

uint8_t mention_census(const mention_doc *md, uint64_t h)
{
    const uint32_t *v = md->census.tab ? dict_get(&md->census, &h, sizeof h) : NULL;
    return v ? (uint8_t)*v : 0;
}

int mention_initial(const lex_doc *d, uint32_t k, uint32_t a0)
{
    if (d->tok[k].f & LEX_SSTART)
        return 1;
    while (k > a0 && d->tok[k - 1].kind == LEX_NL)
        k--;
    if (k == a0)
        return 1;
    const lex_tok *p = &d->tok[k - 1];
    if (p->kind == LEX_QUOTE) /* not after `` or '' */
        return p->mark != LEX_MK_BT && p->mark != LEX_MK_SQ2 && (p->f & LEX_OPENPOS);
    if (p->kind != LEX_PUNCT)
        return 0;
    switch (p->aux) {
    case ':':
    case '.':
    case '!':
    case '?':
    case '(': return 1;
    case '\'':
    case 0x2018:
    case 0x2019: return (p->f & LEX_OPENPOS) != 0;
    default: return 0;
    }
}

/* ---- words -------------------------------------------------------------- */

static uint32_t cls_of(const lex_tok *k) { return k->lw ? k->lw->cls : 0; }

static int is_word(const lex_tok *k) { return k->kind == LEX_WORD; }

/* A function word (an acronym is not: "US" is no "us"). */
static int is_func(const lex_tok *k) { return (cls_of(k) & LW_FUNC) && !(k->f & LEX_ACRO); }

static int is_title(const lex_tok *k) { return (cls_of(k) & LW_TITLE) != 0; }

static int is_given(const lex_tok *k)
{
    return (cls_of(k) & LW_GIVEN) && !(cls_of(k) & LW_TITLE);
}

static int subj_pron(const lex_tok *k)
{
    return (cls_of(k) & LW_PRON) && (k->lw->tags & LT_SUBJ);
}

/* Can token k be a word of a run: capitalised or an acronym, no digit,
   not too long? */
static int cap_word(const lex_tok *k)
{
    return k->kind == LEX_WORD && (k->f & (LEX_CAP | LEX_ACRO)) && !(k->f & LEX_DIGIT) &&
           k->we - k->s <= MENTION_MAX_WORD;
}

/* Classes that open a run without being part of its name ("The", "In",
   "Monday", "Forty", "He", "Said", "According"). */
static int opener_word(const lex_tok *k)
{
    return is_func(k) || subj_pron(k) ||
           (cls_of(k) & (LW_DEF | LW_MONTH | LW_WDAY | LW_NUMW | LW_MULT | LW_SAY | LW_SAYPRE |
                         LW_ACC | LW_PREP));
}

/* Does word t[s, e) end like a common word of the language (the pack's
   endings: "-ly", "-ing"), leaving a stem of three or more bytes?  1, or
   2 when the ending is a participle's (opens no subject: "Saying X"). */
int mention_common_ending(const lang *L, const char *t, size_t s, size_t e)
{
    for (size_t n = 2; n <= 5 && n + 3 <= e - s; n++) {
        const lang_word *w = lang_word_of(L, t + e - n, n);
        if (w && (w->cls & LW_ENDING) && !(w->tags & LT_DEMONYM))
            return w->tags & LT_PART ? 2 : 1;
    }
    return 0;
}

/* Plural-looking word ("Eagles"): an irregular plural of the pack, or
   three or more letters ending in a single -s. */
int mention_plural_ending(const char *w, size_t n)
{
    if (n < 3)
        return 0;
    char z = w[n - 1], y = w[n - 2];
    return z == 's' && y != 's' && y != 'u' && y != 'i' && y != '\'';
}

static int plural_like(const char *t, const lex_tok *k)
{
    if (cls_of(k) & LW_PLURAL)
        return 1;
    if (k->f & (LEX_ACRO | LEX_DIGIT | LEX_POSS | LEX_DOT))
        return 0;
    return mention_plural_ending(t + k->s, k->we - k->s);
}

int mention_place_word(const lang *L, const char *w, size_t n)
{
    const lang_word *e = lang_word_of(L, w, n);
    if (!e && n && w[n - 1] == '.')
        e = lang_word_of(L, w, n - 1);
    return e && (e->cls & (LW_PLACENAME | LW_PLACE));
}

static int place_word(const lang *L, const char *t, size_t s, size_t e)
{
    return mention_place_word(L, t + s, e - s);
}

/* Camel case: a capital after three or more letters of which the last is
   lower-case ("YouTube", "HuffPost"), the way brands are written;
   surnames have it after a short prefix (McCain, DeSantis, MacArthur:
   "Mac" is the one prefix of three letters, left out). */
static int camel_case(const char *t, size_t s, size_t e)
{
    if (e - s < 5 || !(t[s] >= 'A' && t[s] <= 'Z'))
        return 0;
    for (size_t i = s + 3; i + 1 < e; i++)
        if (t[i] >= 'A' && t[i] <= 'Z' && t[i - 1] >= 'a' && t[i - 1] <= 'z')
            return !(i == s + 3 && (t[s + 1] | 32) == 'a' && (t[s + 2] | 32) == 'c' &&
                     t[s] == 'M');
    return 0;
}

/* Is k a generational or regnal number written in Roman capitals after a
   name ("Davis III", "Henry VIII"): letters I, V, X only, four at most? */
static int roman_suffix(const char *t, const lex_tok *k)
{
    if (!is_word(k) || k->we - k->s > 4)
        return 0;
    for (uint32_t b = k->s; b < k->we; b++)
        if (t[b] != 'I' && t[b] != 'V' && t[b] != 'X')
            return 0;
    return 1;
}

int mention_org(const lex_doc *d, const lang *L, const char *t, uint32_t a, uint32_t b)
{
    for (uint32_t q = a; q < b; q++) {
        const lex_tok *w = &d->tok[q];
        uint32_t cl = cls_of(w);
        if ((w->f & LEX_LOWER) || (q + 1 == b && q >= a + 2 && roman_suffix(t, w)))
            continue;
        if ((cl & LW_ORG) || (!(w->f & LEX_ACRO) && camel_case(t, w->s, w->we)))
            return 1;
        if ((w->f & LEX_ACRO) && !(cl & LW_PLACE) && w->we - w->s <= 12 &&
            !place_word(L, t, w->s, w->e))
            return 1;
        if (q + 1 < b) {
            const lex_tok *x = &d->tok[q + 1];
            const lang_word *e = lang_phrase(L, t + w->s, w->we - w->s, t + x->s, x->we - x->s);
            if (e && (e->cls & LW_ORGPHRASE))
                return 1;
        }
    }
    return 0;
}

/* ---- runs --------------------------------------------------------------- */

typedef struct mctx {
    const lex_doc *d;
    const lang *L;
    const char *t;
    mention_doc *md;
    uint32_t a0, a1; /* the article's tokens */
} mctx;

/* Are tokens a and b a two-word place name of the pack ("San Diego")? */
static int place_pair(const mctx *c, uint32_t a, uint32_t b)
{
    const lex_tok *x = &c->d->tok[a], *y = &c->d->tok[b];
    const lang_word *e =
        lang_phrase(c->L, c->t + x->s, x->we - x->s, c->t + y->s, y->we - y->s);
    return e && (e->cls & LW_PLACENAME);
}

/* "delivered by radio host Rush Limbaugh", "with his wife Huma": is the
   name at token k the object of a preposition a few lower-case role or
   noun words before it? */
static int prep_before_role(const mctx *c, uint32_t k)
{
    for (uint32_t b = k, n = 0; b > c->a0 && n < 3; b--, n++) {
        const lex_tok *p = &c->d->tok[b - 1];
        if (!is_word(p) || (p->f & LEX_CAP))
            return 0;
        uint32_t cl = cls_of(p);
        if (cl & LW_PREP)
            return n > 0;
        if (cl & LW_DEF)
            continue;
        if ((cl & (LW_SAY | LW_SAYPRE | LW_FUNC)) || subj_pron(p))
            return 0;
    }
    return 0;
}

/* Does the word at token k open a name where every word is capitalised
   (mention_initial)?  The census decides (see the top of the file). */
static int initial_ok(const mctx *c, uint32_t k, uint32_t end)
{
    const lex_tok *w = &c->d->tok[k];
    uint8_t cen = mention_census(c->md, w->fold);
    /* an acronym is written so anywhere ("NBC"; not a heading's word in
       capitals, "NEUTRALITÉ", that the cluster writes lower-case too) */
    if (is_title(w) || ((w->f & LEX_ACRO) && !(cen & MEN_W_LOWER)))
        return 1;
    if (cen & MEN_W_CAPMID)
        return !(cen & MEN_W_LOWER);
    if (!is_given(w) && mention_common_ending(c->L, c->t, w->s, w->we))
        return 0;
    if (cen & MEN_W_LOWER || (w->f & LEX_POSS) || k + 1 >= end)
        return 0;
    /* (a given name, a joiner and a name word: "Bill de Blasio came") */
    uint32_t q = k + 1;
    if (is_given(w) && q + 1 < end && is_word(&c->d->tok[q]) && (c->d->tok[q].f & LEX_LOWER) &&
        (cls_of(&c->d->tok[q]) & LW_JOINER) && !(c->d->tok[q].lw->tags & LT_ORGJOIN))
        q++;
    return cap_word(&c->d->tok[q]) && !(c->d->tok[q].f & LEX_SSTART);
}

/* The end of the run that starts at token i (sentence end send). */
static uint32_t run_end(const mctx *c, uint32_t i, uint32_t send, int *joined)
{
    const lex_tok *T = c->d->tok;
    uint32_t j = i + 1;
    int org = (cls_of(&T[i]) & LW_ORG) != 0, orgjoined = 0;
    while (j < send) {
        const lex_tok *p = &T[j - 1];
        /* a possessive ends a run, but for a saint's ("St. Anselm's") */
        if ((p->f & LEX_POSS) && !(j - 1 > i && T[i].lw && (T[i].lw->tags & LT_SAINT)))
            break;
        if (cap_word(&T[j]) && !(T[j].f & LEX_SSTART)) {
            org |= (cls_of(&T[j]) & LW_ORG) != 0;
            j++;
            continue;
        }
        /* lower-case joiners, at most two, then a name word that is no
           title; "of" inside an organisation's name or after a plural
           opening the run; none after a whole place name */
        uint32_t nj = 0;
        while (nj < 2 && j + nj < send && is_word(&T[j + nj]) && (T[j + nj].f & LEX_LOWER) &&
               (cls_of(&T[j + nj]) & LW_JOINER)) {
            if (T[j + nj].lw->tags & LT_ORGJOIN) {
                if (nj == 0 && (org || (j == i + 1 && plural_like(c->t, &T[i]))))
                    nj = 1, orgjoined |= org;
                break;
            }
            nj++;
        }
        /* "Centers for Disease Control and Prevention", "Department of
           Health and Human Services": "and" inside an organisation's name
           already joined by "of" or "for", before a word that opens no
           person's name */
        if (!nj && orgjoined && j + 1 < send && is_word(&T[j]) && (T[j].f & LEX_LOWER) &&
            T[j].lw && (T[j].lw->tags & LT_CONJ) && !(cls_of(&T[j + 1]) & LW_GIVEN))
            nj = 1;
        if (nj && j == i + 1 && !(T[j].lw->tags & LT_ORGJOIN) &&
            place_word(c->L, c->t, T[i].s, T[i].e))
            nj = 0;
        if (!nj || j + nj >= send || !cap_word(&T[j + nj]) || (T[j + nj].f & LEX_SSTART) ||
            is_title(&T[j + nj]) || opener_word(&T[j + nj]))
            break;
        *joined = 1;
        j += nj;
    }
    return j;
}

static int push_run(mention_doc *md, const mention_run *r)
{
    mention_run *m = pgrow(md->m, &md->cap, md->n + 1, sizeof *m);
    if (!m)
        return -1;
    md->m = m;
    md->m[md->n++] = *r;
    return 0;
}

/* Is token q of the run ending at j a title that cuts it: capitalised,
   not possessive, not before a lower-case joiner ("General de
   Inteligencia") or an organisation word ("Justice Department")? */
static int cut_title(const lex_tok *T, uint32_t q, uint32_t j)
{
    return is_title(&T[q]) && !(T[q].f & LEX_POSS) && !(T[q].f & LEX_LOWER) &&
           !(q + 1 < j && (T[q + 1].f & LEX_LOWER)) &&
           !(q + 1 < j && (cls_of(&T[q + 1]) & LW_ORG) && !is_title(&T[q + 1]));
}

/* The office title or role word k names: the pack's office number when it
   has one ("Rep." and "congressman"), else its first three letters ("Gov."
   and "governor"); 0 for an honorific ("Mr.") or no title. */
static uint32_t office_of(const lex_tok *k)
{
    const lang_word *w = k->lw;
    if (!w || !(w->cls & LW_TITLE) || (w->tags & LT_HONOR))
        return 0;
    if (w->val)
        return 0x80000000u | (uint32_t)w->val;
    uint32_t h = 2166136261u;
    for (size_t b = 0; b < 3 && w->w[b]; b++)
        h = (h ^ (unsigned char)w->w[b]) * 16777619u;
    return (h & 0x7fffffffu) | 1;
}

/* Is token q a month or function word that the cluster writes as a
   surname ("Theresa May"), and no date here ("May 3")? */
static int known_surname(const mctx *c, uint32_t q)
{
    const lex_tok *T = c->d->tok;
    return (T[q].f & LEX_CAP) && (mention_census(c->md, T[q].fold) & MEN_W_SURNAME) &&
           !(q + 1 < c->a1 && T[q + 1].kind == LEX_NUM);
}

/* "spokesman PJ Crowley": two capitals after a role word or a title,
   then the surname that ends the name (q the first name word, ne the
   end) are initials, not an acronym ("said BP Amoco" is a body). */
static int initials(const mctx *c, uint32_t q, uint32_t ne)
{
    const lex_tok *T = c->d->tok;
    return q + 2 == ne && q > c->a0 && T[q].we - T[q].s == 2 && is_title(&T[q - 1]) &&
           cap_word(&T[q + 1]) && !(T[q + 1].f & LEX_ACRO) &&
           !(cls_of(&T[q + 1]) & (LW_ORG | LW_PLACE | LW_NONPERSON | LW_TITLE));
}

static int add_run(const mctx *c, uint32_t i, uint32_t j, int joined)
{
    const lex_tok *T = c->d->tok;
    const lang *L = c->L;
    mention_run r = {i, j, i, i, MENTION_NONE, i, i, 0, 0, 0};
    if (joined)
        r.ev |= MEN_JOINED;
    if (T[j - 1].f & LEX_POSS)
        r.ev |= MEN_POSS;
    /* an opener at a sentence start ("Presently", "Joining", "Saying")
       is no part of the run */
    int say_only = !(cls_of(&T[i]) & ~(uint32_t)(LW_SAY | LW_SAYPRE | LW_STOP));
    if ((!opener_word(&T[i]) || say_only) && mention_initial(c->d, i, c->a0) &&
        !initial_ok(c, i, j)) {
        if (i + 1 == j) { /* "Demonstrators marched": no name */
            r.ev |= MEN_SINIT;
            return push_run(c->md, &r);
        }
        /* "Saying President Obama": no subject; "Former Arkansas Rep. Asa
           Hutchinson" still opens the sentence */
        int ce = mention_common_ending(c->L, c->t, T[i].s, T[i].we);
        r.ev |= ce == 2 ? MEN_PREP : ce == 0 ? MEN_SINIT : 0;
        r.t0 = ++i;
    } else if (T[i].f & LEX_SSTART || i == c->a0 || T[i - 1].kind == LEX_NL ||
               (T[i - 1].kind == LEX_QUOTE && (T[i - 1].f & LEX_OPENPOS)))
        r.ev |= MEN_SINIT;
    if (i > c->a0) {
        const lex_tok *b = &T[i - 1];
        if (is_word(b) && ((cls_of(b) & LW_PREP) ||
                           (i > c->a0 + 1 && (cls_of(b) & LW_DEF) && is_word(&T[i - 2]) &&
                            (cls_of(&T[i - 2]) & LW_PREP))))
            r.ev |= MEN_PREP;
        else if (prep_before_role(c, i))
            r.ev |= MEN_PREP;
    }
    uint32_t s0 = i;
    while (s0 < j && opener_word(&T[s0]) && !is_title(&T[s0]) && !known_surname(c, s0))
        s0++;
    /* the last title cuts the run ("Peter King": a title word ending it
       after a given name is a surname; "Justice Department", "General
       de Inteligencia": a title before an organisation word or a joiner
       is part of the name) */
    /* ... or after a capitalised word that follows a title ("Attorney
       General Troy King": "Troy" is no given name of the pack, being a
       place too), when the last title is also a surname (the pack's tag
       surname: "King", "Sen"; not "Chief Fire Officer") */
    /* (or after a given name and an initial: "Byron W. King") */
    uint32_t surname = j - 1 > s0 && is_title(&T[j - 1]) &&
                               (is_given(&T[j - 2]) ||
                                (j - 2 > s0 && T[j - 2].we - T[j - 2].s == 1 &&
                                 (T[j - 2].f & LEX_CAP) && is_given(&T[j - 3])) ||
                                (j - 2 > s0 && is_title(&T[j - 3]) && !is_title(&T[j - 2]) &&
                                 (T[j - 1].lw->tags & LT_SURNAME) &&
                                 cap_word(&T[j - 2]) && !(T[j - 2].f & LEX_POSS) &&
                                 !(cls_of(&T[j - 2]) & (LW_ORG | LW_PLACE | LW_NONPERSON))))
                           ? j - 1
                           : MENTION_NONE;
    for (uint32_t q = s0; q < j; q++)
        if (q != surname && cut_title(T, q, j))
            r.title = q;
    r.n0 = r.title == MENTION_NONE ? s0 : r.title + 1;
    if (r.title != MENTION_NONE) {
        r.ev |= MEN_TITLE;
        uint64_t tg = T[r.title].lw->tags;
        r.gender |= (tg & LT_M ? MEN_M : 0) | (tg & LT_F ? MEN_F : 0);
        /* what precedes the title, when it names an organisation */
        int porg = 0;
        for (uint32_t q = s0; q < r.title; q++)
            porg |= (cls_of(&T[q]) & LW_ORG) || (T[q].f & LEX_ACRO);
        if (porg && !(T[r.title - 1].f & LEX_LOWER)) {
            r.p0 = s0;
            r.pe = r.title;
        }
    }
    /* after a preposition a person's name starts at a given name
       ("Secretary of State Mike Pompeo"; not "the St. Louis Police
       Department", "St. Louis Post-Dispatch", nor a place the pack
       lists with the word before it, "the San Francisco Chronicle") */
    if ((r.ev & MEN_PREP) && r.title == MENTION_NONE)
        for (uint32_t q = r.n0 + 1; q + 1 < j; q++)
            if (is_given(&T[q]) && !(T[q - 1].f & (LEX_LOWER | LEX_ABBR)) &&
                !place_pair(c, q - 1, q)) {
                int person = 1;
                for (uint32_t k = q; k < j; k++)
                    person &= !(cls_of(&T[k]) & (LW_ORG | LW_PLACE | LW_NONPERSON));
                if (person)
                    r.n0 = q;
                break;
            }
    /* "Republican Pat Toomey": the party word is no part of the name (but
       of "Republican Party", "American University", "Democratic National
       Committee": a body's name) */
    int body = 0;
    for (uint32_t q = r.n0 + 1; q < j && !body; q++)
        body = (cls_of(&T[q]) & LW_ORG) && !(T[q].f & LEX_LOWER);
    while (!body && r.n0 + 1 < j && (cls_of(&T[r.n0]) & LW_DESCR) &&
           !(cls_of(&T[r.n0 + 1]) & (LW_ORG | LW_PLACE | LW_NONPERSON)))
        r.n0++;
    /* the end of the name */
    r.ne = r.n0;
    while (r.ne < j) {
        const lex_tok *w = &T[r.ne];
        /* a month word before another name word is a given name ("Gov.
           Jan Brewer", "April Ryan"): a month's own name ends a run or
           comes before a number */
        int month = (cls_of(w) & LW_MONTH) && !(r.ne + 1 < j && cap_word(&T[r.ne + 1]) &&
                                                !(T[r.ne + 1].f & LEX_LOWER));
        /* "Thank God I can't": a first-person pronoun is no name word
           (but the numeral of "Elizabeth I") */
        int first = (cls_of(w) & LW_PRON) && (w->lw->tags & LT_FIRST) && r.ne > r.n0 &&
                    !is_given(&T[r.ne - 1]);
        int stop = is_func(w) || subj_pron(w) || month || first ||
                   (cls_of(w) & (LW_DEF | LW_WDAY | LW_NUMW | LW_MULT)) ||
                   cut_title(T, r.ne, j);
        /* a joiner, a surname, an initial, and a capitalised function word
           after a name word ("Theresa May", "Hotline On Call") go on */
        /* but not a preposition that ends the capitals: a headline run
           into its lead ("reaching Port-au-Prince With up to 50,000
           people feared dead") */
        int keep = r.ne == surname || (w->f & LEX_LOWER) || known_surname(c, r.ne) ||
                   ((w->f & LEX_ABBR) && w->we - w->s == 1 && (w->f & LEX_CAP)) ||
                   (r.ne > r.n0 && is_func(w) && !(cls_of(w) & LW_DEF) && !subj_pron(w) && !first &&
                    !is_title(w) && !((cls_of(w) & LW_PREP) && r.ne + 1 == j));
        if (stop && !keep)
            break;
        r.ne++;
    }
    if (r.ne > r.n0 && (cls_of(&T[r.ne - 1]) & LW_DESCR))
        r.ev |= MEN_DESCR; /* "the Arizona Republican", "Democrats" */
    if (r.ne > r.n0) {
        for (uint32_t q = r.n0; q < r.ne; q++) {
            const lex_tok *w = &T[q];
            if (q + 1 == r.ne && q >= r.n0 + 2 && roman_suffix(c->t, w))
                continue; /* "Thomas M. Davis III": a person's */
            if (!(w->f & LEX_LOWER) &&
                ((cls_of(w) & (LW_ORG | LW_PLACE | LW_NONPERSON)) ||
                 ((w->f & LEX_ACRO) && !initials(c, q, r.ne))))
                r.ev |= MEN_NONPERSON;
            /* "Hong Kong's health minister": a place the pack lists in
               two words is no person */
            if (q + 1 < r.ne && place_pair(c, q, q + 1))
                r.ev |= MEN_NONPERSON;
        }
        if (mention_org(c->d, L, c->t, r.n0, r.ne))
            r.ev |= MEN_ORG;
        if (r.ne - r.n0 >= 2 && (cls_of(&T[r.n0]) & LW_GIVEN) && (T[r.n0].f & LEX_CAP)) {
            r.ev |= MEN_GIVEN;
            if (!r.gender) {
                uint64_t tg = T[r.n0].lw->tags;
                r.gender |= (tg & LT_M ? MEN_M : 0) | (tg & LT_F ? MEN_F : 0);
            }
        }
        /* before it: a role noun, a speech verb, a preposition of place */
        if (r.title != MENTION_NONE)
            r.office = office_of(&T[r.title]);
        if (r.title == MENTION_NONE && r.n0 > c->a0) {
            const lex_tok *b = &T[r.n0 - 1];
            uint32_t cl = cls_of(b);
            if (is_word(b) && (cl & LW_TITLE) && (b->f & LEX_LOWER)) {
                r.ev |= MEN_ROLE;
                r.office = office_of(b);
            }
            if (is_word(b) && (cl & LW_SAY))
                r.ev |= MEN_SAID;
            if (is_word(b) && (cl & LW_PLACEPREP))
                r.ev |= MEN_PLACE;
        }
        /* after it */
        uint32_t k = r.ne;
        if (k < c->a1 && T[k].kind != LEX_NL) {
            const lex_tok *a = &T[k];
            if (is_word(a) && (cls_of(a) & LW_SAY))
                r.ev |= MEN_SAID;
            if (is_word(a) && (a->f & LEX_LOWER) && (cls_of(a) & LW_PLACE))
                r.ev |= MEN_PLACE; /* "the Georgetown neighborhood" */
            if (a->kind == LEX_PUNCT && a->aux == ',' && k + 1 < c->a1) {
                const lex_tok *b = &T[k + 1];
                if (is_word(b) && b->lw && (b->lw->tags & LT_REL) && !(b->lw->tags & LT_NEUT))
                    r.ev |= MEN_ROLE; /* ", who" */
                /* "Ashland, Va.", "Ferguson, Missouri" */
                if (is_word(b) && (b->f & LEX_CAP) && place_word(L, c->t, b->s, b->e) &&
                    (k + 2 >= c->a1 || !cap_word(&T[k + 2]) || (T[k + 2].f & LEX_SSTART)))
                    r.ev |= MEN_PLACE;
                if (b->kind == LEX_NUM && k + 2 <= c->a1) {
                    const lex_num *q = &c->d->num[b->aux];
                    if (!q->bad && !q->cur && !q->pct && !q->dec && !q->sep && q->ndig <= 3 &&
                        q->mant >= 1 && q->mant <= 120 &&
                        (k + 2 >= c->a1 || T[k + 2].kind == LEX_PUNCT))
                        r.ev |= MEN_ROLE; /* "Oskar Lindqvist, 63," */
                }
            }
        }
    }
    return push_run(c->md, &r);
}

/* The census of the article's tokens [a0, a1): words inside a sentence. */
static int census_article(mention_doc *md, const lex_doc *d, uint32_t a0, uint32_t a1)
{
    for (uint32_t k = a0; k < a1; k++) {
        const lex_tok *w = &d->tok[k];
        if (w->kind != LEX_WORD || w->we - w->s > MENTION_MAX_WORD || mention_initial(d, k, a0))
            continue;
        uint8_t flag = (w->f & LEX_CAP) ? MEN_W_CAPMID : (w->f & LEX_LOWER) ? MEN_W_LOWER : 0;
        if ((w->f & LEX_CAP) && k > a0 && is_given(&d->tok[k - 1]) && (d->tok[k - 1].f & LEX_CAP) &&
            (cls_of(w) & (LW_MONTH | LW_FUNC)) && !(k + 1 < a1 && d->tok[k + 1].kind == LEX_NUM))
            flag |= MEN_W_SURNAME;
        if (flag && census_mark(md, w->fold, flag))
            return -1;
    }
    return 0;
}

static int find_article(mctx *c)
{
    const lex_tok *T = c->d->tok;
    uint32_t send = c->a0;
    for (uint32_t i = c->a0; i < c->a1;) {
        if (i >= send || (T[i].f & LEX_SSTART)) {
            send = i + 1;
            while (send < c->a1 && !(T[send].f & LEX_SSTART))
                send++;
        }
        if (!cap_word(&T[i])) {
            i++;
            continue;
        }
        int joined = 0;
        uint32_t j = run_end(c, i, send, &joined);
        if (add_run(c, i, j, joined))
            return -1;
        i = j;
    }
    return 0;
}

precis_status mention_find(mention_doc *md, const lex_doc *d, const precis_cluster *cl,
                           const lang *L)
{
    memset(md, 0, sizeof *md);
    md->nart = d->nart;
    md->art = pmalloc(pmul(d->nart + 1, sizeof *md->art));
    if (!md->art || dict_init(&md->census, 4096))
        goto oom;
    for (size_t a = 0; a < d->nart; a++)
        if (census_article(md, d, d->art[a], d->art[a + 1]))
            goto oom;
    for (size_t a = 0; a < d->nart; a++) {
        md->art[a] = (uint32_t)md->n;
        mctx c = {d, L, precis_cluster_article_text(cl, a, NULL), md, d->art[a], d->art[a + 1]};
        if (c.a0 < c.a1 && c.t && find_article(&c))
            goto oom;
    }
    md->art[d->nart] = (uint32_t)md->n;
    return PRECIS_OK;
oom:
    mention_doc_free(md);
    return PRECIS_ENOMEM;
}

void mention_doc_free(mention_doc *md)
{
    pfree(md->m);
    pfree(md->art);
    dict_free(&md->census);
    memset(md, 0, sizeof *md);
}
