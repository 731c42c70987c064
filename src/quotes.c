/*
 * quotes.c -- direct quotes and their speakers (stage of analyze.h).
 *
 * The words it knows (function words, titles with their gender, given
 * names, speech verbs, "according", organisation and place words, party
 * words) come from the language pack of the summarizer's language
 * (lang.h, data/lang/<code>/); nothing here is English but the few
 * patterns named below.  Every article is read as the tokens lex.c made
 * of it once for the whole analysis (words with their pack entry,
 * numbers, punctuation, quotation marks, line breaks, sentence starts),
 * seen through qlex (a period glued between words, runs of one
 * punctuation), then:
 *
 *  1. Pair the marks (close_ok): " with ", U+201C with U+201D, U+201E
 *     with U+201C or U+201D, guillemets, `` and '' with ''.  A quote never
 *     runs past QUOTE_MAX_BYTES, and a line break ends it -- unless the
 *     next paragraph opens with the same mark, the news convention for a
 *     quotation over several paragraphs, which is then one quote (up to
 *     QUOTE_MULTI_BYTES).  An unclosed mark is dropped and the scan goes
 *     on, so one pass pairs them all (linear, whatever the marks do).
 *     Curly marks also nest (an opening mark right after a word whose
 *     closing mark follows in the paragraph), and a curly quote that opens
 *     its paragraph may run on through paragraphs that open with no mark
 *     to a closing mark that ends a later one (a letter quoted whole).
 *     A straight mark glued to the punctuation before it and followed by
 *     a speech verb, the first mark of its paragraph, closes a quote whose
 *     opening mark was lost: the quote runs from the paragraph's start
 *     (opening_lost); and a straight quote open at a paragraph's end goes
 *     on to such a mark ending the next (straight_goes_on).
 *  2. Take the capitalised runs of the mention finder (mention.c: "Gov.
 *     Miriam Okafor-Hale"; titles, sentence-initial function words and
 *     openers -- "Saying", "Presently" -- and party words -- "Republican"
 *     -- cut off the name), mapped onto this stage's tokens, and decide
 *     which are people: two to four name words, or one word
 *     after a title, or the last name of a person the article names in
 *     full, or one word right before a speech verb; a run with an
 *     organisation or place word is not a person, nor one ending in a
 *     party word ("the Arizona Republican").  The fullest form of every
 *     person (keyed by last name) goes into a small hash table, with the
 *     gender a title or given name shows; another first name is another
 *     person ("Boris Johnson", "Woody Johnson"), and "Jr." keys a name
 *     apart.  Then, in text order, person runs in subject position (the
 *     first person of their sentence, followed by a speech verb, or after
 *     an inverted one: ", said Rick Tyler,"; not possessive, not after a
 *     preposition, even with role words between: "by radio host X") and
 *     the subject pronouns that refer to them make the mention list:
 *     "he"/"she" is the latest mention within PRON_MAX_BYTES whose gender
 *     agrees (a person of unknown gender takes the pronoun's, unless only
 *     an appositive and a person whose gender agrees is within
 *     PRON_KNOWN_BYTES; "On Friday, Liz Cheney issued" and "Tea party
 *     activist Alex Poulter, who ..." are subjects, not appositives; a
 *     given name of men and women alike, "Terry", shows no gender), so a
 *     pronoun subject carries its referent on to the
 *     next one -- centering theory's preference for the previous subject
 *     (Grosz, Joshi & Weinstein, "Centering", Computational Linguistics
 *     21(2), 1995); ambiguous when that sentence had two agreeing people;
 *     "they" names no one.
 *  3. Attribute every quote, in this order: the text between the parts of
 *     a split quote ("A," he said, "B."), the text right after the closing
 *     mark (", he said" / ", Putin said" / ", said Putin" / ", said senior
 *     adviser X" / ", the minister added" / ", NRSC spokesman X said" /
 *     ", according to X" / ", a statement from X"), the text before the
 *     opening mark in the same sentence ("Putin said: ", "Putin said
 *     that", "X called the plan"), and a previous sentence that is only an
 *     attribution ("X said in a statement. ") or reported speech ("She
 *     said (that) Ben ... . "...""; not for a question), a headline-style
 *     "Name: "..."", the quote before it when nothing but the tail of its
 *     attribution sentence stands between (a quote that goes on), and
 *     last, for a quotation that is a paragraph of its own or ends the
 *     paragraph of the sentence before it, the one person that sentence
 *     is about (context_speaker).  A passive speech
 *     verb ("he was told "..."") gives no speaker.  A
 *     name in the quote's own sentence thus beats any earlier speaker; an
 *     organisation speaks only as the subject of the verb ("the ministry
 *     said", "NBC further notes").  The subject of a verb before a quote
 *     is found backwards, but: a noun phrase that names no one ("someone
 *     shouted", "a blogger on the Web site X said", "the cameraman
 *     replies") gives the quote no speaker; a name after the verb is its
 *     object ("asked Mr. Sellers") unless nothing precedes the verb
 *     ("Added Gibbs:"); after a comma the subject is the person opening
 *     the clause ("Trump accused Obama ..., saying"); a speech word after
 *     a possessive or an article is a noun ("Steele's comments are").
 *     Some subjects are read whole first (np_subject): a role noun ("the
 *     chief justice asked", "the Texas governor continues") is the person
 *     whose title names that role (resolve_title; "congressman" and "Rep."
 *     share an office number in the pack; "Vice President X" is not "the
 *     president"), and a mention a later "he" can refer to; a relative
 *     pronoun ("a letter signed by 42 senators, which stated"; "the code
 *     that says") hands the verb to the noun before it -- a person, a body
 *     named there, or no one; an infinitive ("interrupted Clinton to tell
 *     him") takes the clause's subject; a document by or from someone
 *     opening the sentence ("the report, by X, concluded", "a release
 *     from X's office noted") and a person's office ("Weiner's office
 *     said") speak for their author.  "according to X"
 *     after a quote yields to a speaker named before it (the source of a
 *     report is not its speaker).  Some quotes are decided by what
 *     stands before them, whatever follows: a question after a sentence
 *     opening with a question verb used as a participle with no
 *     complement ("Asked by one of the aides, "Is this final," Mr.
 *     Rhodes replied": the asker's, not the one who answers;
 *     asked_question), and a text cited in parentheses ("Article 1 ("All
 *     legislative powers ...")": nobody's speech).  A name before a
 *     body's noun ("the Obama administration", "a Cheshire Cat grin")
 *     modifies it: no subject, no mention; a noun with a place after a
 *     preposition ("an alleged poll in Wyoming said") names no one; a
 *     document opening the sentence is the subject of a participle after
 *     a comma ("The letter ... took Mr. Ryan to task, saying"), else that
 *     participle takes the first person a finite verb follows ("after
 *     Boehner publicly chided Obama ..., accusing").  "the president"
 *     past the pronoun window is the one person with that title.  Parts
 *     are joined when the first ends
 *     with a comma and only an attribution clause stands between.  A quote
 *     of fewer than QUOTE_MIN_WORDS words is a scare quote and dropped
 *     unless its own sentence gives it a speaker ("Obama insisted "nothing
 *     improper" happened") or a speech verb stands a few words before it
 *     ("called the incident a "prank""); so is a short one (under QUOTE_LONE_WORDS)
 *     with no attribution that does not begin a sentence ("the words
 *     "Anti-Russian Sanctions"").
 *  4. Compare quotes across the cluster on their stem sets (norm_tokens):
 *     Jaccard >= SAME_JACCARD, or containment of the shorter >=
 *     SAME_CONTAIN with comparable lengths, makes one quote with every
 *     article listed; a partial overlap by the same speaker (same last
 *     name) makes variants -- one statement in different wordings, such as
 *     two translations.  A group shows the wording of its member with the
 *     most stems (the first on a tie; its article and offsets), so the
 *     fuller quote of one outlet is not hidden behind the shorter one of
 *     another; containment needs SAME_MIN_STEMS stems in the shorter, so
 *     "Who are you!" does not swallow "Tell me who you are".  Candidate
 *     pairs come from posting lists of rare
 *     stems (lists longer than POSTING_MAX are skipped) under a global work
 *     budget, so thousands of quotes stay near-linear.
 *
 * Everything handed out (text, speaker, cue, article lists) is copied into
 * x->out; per-article buffers are pmalloc'd once and reused, the rest of
 * the scratch is in x->tmp.
 */
#include "quotes.h"


#define QUOTE_MAX_BYTES 1500 /* an unclosed quote ends here               */
#define QUOTE_MULTI_BYTES 8000 /* ... or here, over several paragraphs      */
#define QUOTE_MIN_WORDS 3    /* fewer: a scare quote ("LAME")             */
#define QUOTE_LONE_WORDS 5   /* fewer, unattributed and mid-sentence: a term */
#define PRON_MAX_BYTES 2500  /* a pronoun looks this far back for its person */
#define PRON_KNOWN_BYTES 600 /* ... and past one of unknown gender, this far */
#define WINDOW_TOKENS 80     /* attribution windows, in tokens            */
#define SPLIT_GAP_TOKENS 40  /* the most between the parts of a split quote */
#define SPLIT_MAX_PARTS 8
#define SHORT_VERB_TOKENS 6
#define EPITHET_BACK 3000    /* tokens an epithet's "a" noun is looked for */
#define TITLED_MAX 32        /* titled people whose surnames a place word may be */ /* "called the incident a "prank"": verb to mark */
#define CONT_GAP_TOKENS 30  /* the most between a quote and one going on from it */
#define SAME_JACCARD 0.7
#define SAME_CONTAIN 0.8
#define SAME_RATIO 0.5      /* shorter/longer stem set for containment   */
#define SAME_MIN_STEMS 5    /* ... and the shorter has this many stems    */
#define VARIANT_JACCARD 0.3 /* all stems                                 */
#define VARIANT_SHARED 2    /* shared stems at least                     */
#define POSTING_MAX 64
#define WORK_BUDGET 50000000u /* stem comparisons over all pairs          */
#define NONE UINT32_MAX
#define JR_MARK 0x6a72000000000000ull /* keys "X" of the names "... X Jr." apart */
#define AMB_MARK 0x616d620000000000ull /* keys a surname two first names share */
#define GIVEN_MARK 0x6769760000000000ull /* keys a listed given name of one person */

/* ---- word classes -------------------------------------------------------- *
 * The stage's view of the language pack (lang.h): each word token gets
 * these bits from its pack entry. */

enum {
    WC_FUNC = 1 << 0,  /* function word: never part of a name        */
    WC_PRON = 1 << 1,  /* subject pronoun: he, she, they              */
    WC_TITLE = 1 << 2, /* Gov., President, Minister, ...              */
    WC_ORG = 1 << 3,   /* a name with it is not a person              */
    WC_VERB = 1 << 4,  /* speech verb                                 */
    WC_VPRE = 1 << 5,  /* speech verb before a quote only ("called")  */
    WC_DAY = 1 << 6,   /* days and months                             */
    WC_PREP = 1 << 7,  /* a name after it is not a subject            */
    WC_ADV = 1 << 8,   /* may stand between a subject and its verb    */
    WC_ACC = 1 << 9,   /* according                                   */
    WC_STMT = 1 << 10, /* statement                                   */
    WC_DEF = 1 << 11,  /* the, a, an                                  */
    WC_MASC = 1 << 12, /* pronoun or title of a man                   */
    WC_FEM = 1 << 13,  /* pronoun or title of a woman                 */
    WC_PLACE = 1 << 14, /* a place word (River, Street, U.S.)         */
    WC_DESCR = 1 << 15, /* Republican: before a name, not part of it  */
    WC_DOT = 1 << 16,   /* takes a period: Gov., Jan., Dr.            */
    WC_INDEF = 1 << 17, /* a, another, someone: a subject with no name */
    WC_GIVEN = 1 << 18, /* a given name (Peter)                        */
    WC_PLACENAME = 1 << 19, /* Afghanistan, Texas: a one-word place name */
    WC_OBJPRON = 1 << 20,   /* his, their, them: no subject              */
    WC_REL = 1 << 21,       /* which, who: a relative pronoun            */
    WC_DEM = 1 << 22,       /* that, this                                */
    WC_QUEST = 1 << 23,     /* asked: a verb that puts a question        */
    WC_AGENT = 1 << 24,     /* from, by: names a document's author       */
    WC_PASSIVE = 1 << 25,   /* by: the agent of a passive verb           */
    WC_CONJ = 1 << 26,      /* and, or: joins two nouns into one group    */
    WC_ABS = 1 << 27,       /* with: its noun phrase is a participle's subject */
    WC_AUTHOR = 1 << 28,    /* filed, issued: its subject wrote its object */
    WC_IT = 1 << 29,        /* it: a neuter subject pronoun (a body, a document) */
    WC_QUOTING = 1u << 30,  /* quoting: names the one whose words are reported */
    WC_SUB = 1u << 31       /* when, after: opens a subordinate clause     */
};

static unsigned word_class(const lang_word *e)
{
    if (!e)
        return 0;
    uint32_t c = e->cls;
    unsigned r = 0;
    r |= c & LW_FUNC ? WC_FUNC : 0;
    r |= (c & LW_PRON) && (e->tags & LT_SUBJ) ? WC_PRON : 0;
    r |= (c & LW_PRON) && !(e->tags & LT_SUBJ) ? WC_OBJPRON : 0;
    r |= c & LW_TITLE ? WC_TITLE : 0;
    r |= c & (LW_ORG | LW_PLACE | LW_NONPERSON) ? WC_ORG : 0;
    r |= c & LW_PLACE ? WC_PLACE : 0;
    r |= c & LW_SAY ? WC_VERB : 0;
    r |= c & LW_SAYPRE ? WC_VPRE : 0;
    r |= c & (LW_MONTH | LW_WDAY) ? WC_DAY : 0;
    r |= c & LW_PREP ? WC_PREP : 0;
    r |= c & LW_ADV ? WC_ADV : 0;
    r |= c & LW_ACC ? WC_ACC : 0;
    r |= c & LW_STMT ? WC_STMT : 0;
    r |= c & LW_DEF ? WC_DEF : 0;
    r |= c & LW_DESCR ? WC_DESCR : 0;
    r |= (c & LW_ABBR) || (e->tags & LT_DOT) ? WC_DOT : 0;
    r |= e->tags & LT_INDEF ? WC_INDEF : 0;
    r |= c & LW_GIVEN ? WC_GIVEN : 0;
    r |= c & LW_PLACENAME ? WC_PLACENAME : 0;
    r |= e->tags & LT_REL ? WC_REL : 0;
    r |= c & LW_DEM ? WC_DEM : 0;
    r |= (c & LW_SAY) && (e->tags & LT_QUEST) ? WC_QUEST : 0;
    r |= (c & LW_PREP) && (e->tags & LT_AGENT) ? WC_AGENT : 0;
    r |= (c & LW_PREP) && (e->tags & LT_PASSIVE) ? WC_PASSIVE : 0;
    r |= e->tags & LT_CONJ ? WC_CONJ : 0;
    r |= (c & LW_PREP) && (e->tags & LT_ABSOLUTE) ? WC_ABS : 0;
    r |= e->tags & LT_AUTHOR ? WC_AUTHOR : 0;
    r |= (c & LW_PREP) && (e->tags & LT_QUOTING) ? WC_QUOTING : 0;
    r |= e->tags & LT_SUB ? WC_SUB : 0;
    r |= (c & LW_PRON) && (e->tags & LT_NEUT) && !(e->tags & (LT_M | LT_F | LT_PL)) ? WC_IT : 0;
    if (c & (LW_PRON | LW_TITLE | LW_GIVEN)) {
        r |= e->tags & LT_M ? WC_MASC : 0;
        r |= e->tags & LT_F ? WC_FEM : 0;
    }
    return r;
}

static unsigned word_class_of(const lang *L, const char *w, size_t n)
{
    return word_class(lang_word_of(L, w, n));
}

/* Grows *p to hold need elements (at least doubling); -1 on failure. */
static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap * 2 > need ? *cap * 2 : need;
    if (nc < 16)
        nc = 16;
    void *np = prealloc(*p, pmul(nc, elem));
    if (!np)
        return -1;
    *p = np;
    *cap = nc;
    return 0;
}

/* ---- lexer --------------------------------------------------------------- */

enum { T_WORD, T_COMMA, T_STOP, T_COLON, T_DASH, T_OPEN, T_CLOSE, T_STRAIGHT, T_NL, T_OTHER };
enum {
    F_CAP = 1 << 0,     /* starts with a capital letter              */
    F_ALLCAPS = 1 << 1, /* two or more letters, all capitals         */
    F_POSS = 1 << 2,    /* ends in 's, or s' (plural)                 */
    F_ABBR = 1 << 3,    /* took a following '.' (Gov., U.S.)         */
    F_INQ = 1 << 4,     /* inside a quote (marks excluded)           */
    F_SSTART = 1 << 5,  /* first token of a sentence                 */
    F_HYPH = 1 << 6,    /* word with an inner hyphen                 */
    F_NUM = 1 << 7      /* a number (lex.c)                          */
};

/* Quotation marks (qtok.mark): which closes which is in close_ok. */
enum { MK_NONE = 0, MK_DQ, MK_LDQ, MK_RDQ, MK_LOW, MK_GL, MK_GR, MK_BT, MK_SQ2 };

typedef struct qtok {
    uint32_t s, e; /* byte span */
    uint8_t kind, flags, mark;
    uint32_t cls; /* word classes (words only) */
} qtok;

/* The stage's kind of punctuation token lex.c's token k is. */
static uint8_t punct_kind(const lex_tok *k)
{
    if (k->kind == LEX_QUOTE)
        switch (k->mark) {
        case LEX_MK_LDQ:
        case LEX_MK_LOW:
        case LEX_MK_GL:
        case LEX_MK_BT: return T_OPEN;
        case LEX_MK_RDQ:
        case LEX_MK_GR: return T_CLOSE;
        default: return T_STRAIGHT;
        }
    switch (k->aux) {
    case '-':
    case 0x2013:
    case 0x2014: return T_DASH;
    case ',': return T_COMMA;
    case '.':
    case '!':
    case '?':
    case 0x2026: return T_STOP;
    case ':':
    case ';': return T_COLON;
    default: return T_OTHER;
    }
}

/* Two or more ASCII letters in t[s, e), all capitals? */
static int all_caps(const char *t, size_t s, size_t e)
{
    size_t letters = 0, upper = 0;
    for (size_t q = s; q < e; q++) {
        unsigned char d = (unsigned char)t[q];
        letters += (d | 32) >= 'a' && (d | 32) <= 'z';
        upper += d >= 'A' && d <= 'Z';
    }
    return letters >= 2 && upper == letters;
}

/* Is lex token k a word or a number? */
static int lex_wordish(const lex_tok *k) { return k->kind == LEX_WORD || k->kind == LEX_NUM; }

/* The stage's view of article art's tokens (lex.c) in *tok (grown as
   needed, capacity *cap; lmap[i] is the one lex token art[art] + i went
   into); the token count, or SIZE_MAX when an allocation
   failed.  Words and numbers are words; a word keeps a period glued
   between word characters ("said.The", "v1.2"; not across a sentence
   start) and takes a final period when it is an abbreviation, a single
   letter, a dotted word or a short organisation word ("Co."); a run of the
   same punctuation ("...", "--") is one token; line breaks are T_NL. */
static size_t qlex(const lang *wt, const lex_doc *d, uint32_t art, const char *t, qtok **tok,
                   size_t *cap, uint32_t *lmap)
{
    size_t nt = 0;
    uint32_t i = d->art[art], end = d->art[art + 1];
    while (i < end) {
        const lex_tok *lt = &d->tok[i];
        uint32_t i0 = i;
        qtok k = {lt->s, lt->e, T_OTHER, 0, MK_NONE, 0};
        if (lt->f & LEX_SSTART)
            k.flags |= F_SSTART;
        if (lt->kind == LEX_NL) {
            k.kind = T_NL;
            while (++i < end && d->tok[i].kind == LEX_NL && d->tok[i].s == k.e)
                k.e = d->tok[i].e;
        } else if (!lex_wordish(lt)) {
            k.kind = punct_kind(lt);
            k.mark = lt->kind == LEX_QUOTE ? lt->mark : MK_NONE;
            i++;
            if (k.kind == T_OTHER || k.kind == T_DASH || k.kind == T_STOP)
                while (i < end && d->tok[i].kind == LEX_PUNCT && d->tok[i].aux == lt->aux &&
                       d->tok[i].s == k.e && !(d->tok[i].f & LEX_SSTART))
                    k.e = d->tok[i++].e;
        } else {
            /* the word proper: without a period lex.c took */
            uint32_t we = lt->f & LEX_ABBR ? lt->e - 1 : lt->e;
            int joined = 0, hyph = (lt->f & LEX_HYPH) != 0;
            uint16_t lf = lt->f, f0 = lt->f;
            if (lt->kind == LEX_NUM && memchr(t + lt->s, '-', lt->e - lt->s))
                hyph = 1;
            i++;
            for (;;) {
                /* "said.The": a period glued between word characters */
                uint32_t dot = lf & LEX_ABBR ? i : i + 1;
                if (dot >= end || !lex_wordish(&d->tok[dot]) || (d->tok[dot].f & LEX_SSTART))
                    break;
                if (lf & LEX_ABBR) {
                    if (d->tok[dot].s != we + 1)
                        break;
                } else if (d->tok[i].kind != LEX_PUNCT || d->tok[i].aux != '.' ||
                           d->tok[i].s != we || d->tok[dot].s != we + 1 ||
                           (d->tok[i].f & LEX_SSTART))
                    break;
                lt = &d->tok[dot];
                lf = lt->f;
                we = lf & LEX_ABBR ? lt->e - 1 : lt->e;
                hyph |= (lf & LEX_HYPH) != 0;
                if (lt->kind == LEX_NUM && memchr(t + lt->s, '-', lt->e - lt->s))
                    hyph = 1;
                joined = 1;
                i = dot + 1;
            }
            k.kind = T_WORD;
            k.e = we;
            size_t wl = we - k.s;
            if (f0 & LEX_CAP)
                k.flags |= F_CAP;
            if (hyph)
                k.flags |= F_HYPH;
            if (joined ? all_caps(t, k.s, we) : (f0 & LEX_ACRO) != 0)
                k.flags |= F_ALLCAPS;
            int poss = (lf & LEX_POSS) && (t[we - 1] == 's' || t[we - 1] == 'S' ||
                                           t[we - 1] == '\'' || (unsigned char)t[we - 1] == 0x99);
            if (poss)
                k.flags |= F_POSS;
            if (lt->kind == LEX_NUM && !joined)
                k.cls = 0;
            else if (joined || (lf & LEX_POSS))
                k.cls = word_class_of(wt, t + k.s, wl);
            else
                k.cls = word_class(lt->lw);
            if (!k.cls && hyph) {
                size_t h = k.s;
                while (h < we && t[h] != '-')
                    h++;
                k.cls = word_class_of(wt, t + k.s, h - k.s) & (WC_TITLE | WC_ORG);
            }
            if (!k.cls && wl > 4 && t[we - 1] == 'y' && t[we - 2] == 'l' && !(k.flags & F_CAP))
                k.cls = WC_ADV;
            /* right after a count, a word in -s is what it counts, not a
               speech verb: "9,400 comments" (but "the 53-year-old says") */
            if (nt > 0 && (*tok)[nt - 1].kind == T_WORD && ((*tok)[nt - 1].flags & F_NUM) &&
                t[we - 1] == 's')
                k.cls &= ~(unsigned)(WC_VERB | WC_VPRE);
            if (lt->kind == LEX_NUM && !joined && !d->num[lt->aux].bad)
                k.flags |= F_NUM;
            /* a final period: lex.c took it, or this stage's rule does */
            if (lf & LEX_ABBR) {
                k.e = we + 1;
                k.flags |= F_ABBR;
            } else if (i < end && d->tok[i].kind == LEX_PUNCT && d->tok[i].aux == '.' &&
                       d->tok[i].s == we && !(d->tok[i].f & LEX_SSTART)) {
                size_t letters = 0, dots = joined;
                for (size_t q = k.s; q < we; q++) {
                    unsigned char c = (unsigned char)t[q];
                    letters += (c | 32) >= 'a' && (c | 32) <= 'z';
                    dots += c == '.';
                }
                if ((wl == 1 && letters) || (dots && letters) || (k.cls & WC_DOT) ||
                    ((k.cls & WC_ORG) && wl <= 3)) {
                    k.e = we + 1;
                    k.flags |= F_ABBR;
                    i++;
                }
            }
        }
        if (nt == *cap && grow((void **)tok, cap, nt + 1, sizeof(qtok)))
            return SIZE_MAX;
        for (uint32_t q = i0; q < i; q++)
            lmap[q - d->art[art]] = (uint32_t)nt;
        (*tok)[nt++] = k;
    }
    return nt;
}

/* ---- per-article state ---------------------------------------------------- */

enum {
    R_PERSON = 1 << 0, /* a person's name                              */
    R_NAMED = 1 << 1,  /* a name of something (person, body, place)    */
    R_POSS = 1 << 2,   /* ends in 's                                   */
    R_INQ = 1 << 3,    /* inside a quote                               */
    R_SINIT = 1 << 4,  /* first token of its sentence                  */
    R_PREP = 1 << 5,   /* right after a preposition                    */
    R_ORG = 1 << 6,    /* has an organisation word                     */
    R_PLACE = 1 << 7,  /* a place noun beside it ("Suka Makmur village") */
    R_WHO = 1 << 8,    /* a title, role, speech verb or given name shows
                          a person                                     */
    R_NOUN = 1 << 9    /* a body's common noun speaking ("police said",
                          "the navy said"): no capitalised name        */
};

enum { G_M = 1, G_F = 2 }; /* gender bits; both or none: unknown */

typedef struct qrun {
    uint32_t t0, t1; /* token range of the capitalised run             */
    uint32_t n0, ne; /* the name in it, titles and function words off  */
    uint32_t title;  /* last title token, or NONE                      */
    uint32_t sent;   /* sentence number                                */
    uint32_t full;   /* persons: the run with the fullest form         */
    uint32_t flags;
    uint32_t gender; /* G_*: from a title, a given name, or a pronoun
                        that took it (kept on the fullest form)       */
    uint32_t office; /* the office its title or role names (mention.h) */
} qrun;

typedef struct mention {
    uint32_t tok, sent, full; /* a person in subject position, or a subject
                                 pronoun that refers to one (tok is the
                                 pronoun's token)                      */
} mention;

typedef struct rawq {
    uint32_t ot, ct; /* opening and closing mark tokens */
} rawq;

typedef struct attrib {
    uint32_t who;    /* run index, or NONE                           */
    const char *cue; /* into the text, or a literal                  */
    size_t cuelen;
    uint32_t end; /* token after the matched pattern              */
    int weak;     /* "according to": a source, maybe not a speaker */
    int unnamed;  /* the verb's subject names no one ("a witness said") */
    int firm;     /* decided before the quote, whatever follows it: a
                     question put to the one who answers, a text cited in
                     parentheses */
} attrib;

/* One quote found in one article, before grouping. */
typedef struct qrec {
    uint32_t art;
    size_t start, end;
    char *text; /* x->tmp */
    size_t tlen;
    char *speaker; /* x->tmp, or NULL */
    const char *cue;
    size_t cuelen;
    uint64_t skey; /* hash of the speaker's last name, 0 without one */
    uint32_t *set; /* sorted distinct (stem << 1 | stop), x->tmp */
    uint32_t nset;
} qrec;

/* Buffers reused from article to article (pmalloc'd). */
typedef struct qscratch {
    qtok *tok;
    size_t tokcap;
    rawq *raw;
    size_t rawcap;
    qrun *run;
    size_t runcap;
    dict names; /* last-name key (8 bytes) -> run index */
    mention *men;
    size_t mencap;
    uint32_t *stems;
    size_t stemcap, nstems;
    qrec *q;
    size_t qcap, nq;
    const lang *wt;              /* the language pack's words */
    const lex_doc *lx;           /* the cluster's tokens (lex.c) */
    const mention_doc *md;       /* the names in them (mention.c) */
    uint32_t *lmap;              /* an article's lex token -> qtok */
    size_t lmapcap;
    uint32_t last_art, last_who; /* the speaker string made last */
    char *last_name;
} qscratch;

typedef struct qart {
    const char *t;
    size_t n;
    qtok *tok;
    size_t nt;
    rawq *raw;
    size_t nraw;
    qrun *run;
    size_t nrun;
    dict *names; /* the fullest form of every person, by last name */
    mention *men;
    size_t nmen;
    const lang *wt; /* the language pack's words */
} qart;

static void scratch_free(qscratch *s)
{
    pfree(s->tok);
    pfree(s->lmap);
    pfree(s->raw);
    pfree(s->run);
    dict_free(&s->names);
    pfree(s->men);
    pfree(s->stems);
    pfree(s->q);
}

static int is_tok(const qart *A, uint32_t k, unsigned kind)
{
    return k < A->nt && A->tok[k].kind == kind;
}

/* A comma, or a semicolon between the items of a list ("X, R-Va.; Y,
   R-S.C.; and Z") */
static int is_sep(const qart *A, uint32_t k)
{
    return k < A->nt && (A->tok[k].kind == T_COMMA ||
                         (A->tok[k].kind == T_COLON && A->t[A->tok[k].s] == ';'));
}

static int is_word(const qart *A, uint32_t k, unsigned cls)
{
    return k < A->nt && A->tok[k].kind == T_WORD && (A->tok[k].cls & cls);
}

/* Is token k the word w (ASCII, case-insensitive)? */
static int word_is(const qart *A, uint32_t k, const char *w)
{
    if (k >= A->nt || A->tok[k].kind != T_WORD)
        return 0;
    size_t n = strlen(w);
    if (A->tok[k].e - A->tok[k].s != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((A->t[A->tok[k].s + i] | 32) != w[i])
            return 0;
    return 1;
}

/* Is word token k an initial ("A." in "A. Barry Rand", not the article)? */
static int is_initial(const qart *A, uint32_t k)
{
    const qtok *t = &A->tok[k];
    return t->e - t->s == 2 && (t->flags & F_ABBR) && (t->flags & F_CAP);
}

/* Does word token k end in a participle's ending of the pack ("-ing",
   "-ando"), with at least three bytes before it? */
static int participle(const qart *A, uint32_t k)
{
    return mention_common_ending(A->wt, A->t, A->tok[k].s, A->tok[k].e) == 2;
}

/* Is the word before token k a form of "be" (the pack's tag be)? */
static int be_before(const qart *A, uint32_t k)
{
    if (k == 0 || A->tok[k - 1].kind != T_WORD)
        return 0;
    const lang_word *w = lang_word_of(A->wt, A->t + A->tok[k - 1].s, A->tok[k - 1].e - A->tok[k - 1].s);
    return w && (w->tags & LT_BE);
}

/* Byte length of token k without a possessive 's and a final '.'. */
static size_t name_len(const qart *A, uint32_t k)
{
    const qtok *tk = &A->tok[k];
    size_t n = tk->e - tk->s;
    if (tk->flags & F_POSS) {
        const char *e = A->t + tk->e;
        if (e[-1] == '\'')
            n -= 1; /* "Reeves'" */
        else if ((unsigned char)e[-1] == 0x99)
            n -= 3; /* "Reeves'" */
        else
            n -= e[-2] == '\'' ? 2 : 4;
        if (n && A->t[tk->s + n - 1] == ' ')
            n--; /* "Murray 's" (PTB) */
    }
    return n;
}

/* Hash of token k folded to lower case (ASCII), possessive off.  Not
   lex.h's fold hash (lex_tok.fold): that folds every script, so
   "ÉLYSÉE" and "Élysée" would become one name, a change of behaviour. */
static uint64_t tok_key(const qart *A, uint32_t k)
{
    size_t n = name_len(A, k);
    const char *s = A->t + A->tok[k].s;
    if (n && s[n - 1] == '.')
        n--;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        h = (h ^ c) * 0x100000001b3ULL;
    }
    return hash_mix(h) | 1;
}

/* The key of a person's last name: the last token of the name, or the one
   before a final "Jr."/"Sr." (a dotted abbreviation) mixed with it, so
   that "Theodore J. Boutrous Jr." and "John G. Roberts Jr." are two
   people, and "Donald Trump Jr." is not "Donald Trump". */
static uint64_t name_key_range(const qart *A, uint32_t n0, uint32_t ne)
{
    uint32_t k = ne - 1;
    if (k > n0 && (A->tok[k].cls & WC_DOT) && !(A->tok[k].cls & WC_TITLE))
        return hash_mix(tok_key(A, k - 1) ^ tok_key(A, k)) | 1;
    return tok_key(A, k);
}

static uint64_t name_key(const qart *A, const qrun *r)
{
    return name_key_range(A, r->n0, r->ne);
}

/* ---- quotation marks ------------------------------------------------------ */

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Does mark c close a quote opened by mark o?  " closes ", ” closes “,
   “ or ” closes „ (German), » closes «, '' closes `` and ''. */
static int close_ok(uint8_t o, uint8_t c)
{
    switch (o) {
    case MK_DQ: return c == MK_DQ;
    case MK_LDQ: return c == MK_RDQ;
    case MK_LOW: return c == MK_LDQ || c == MK_RDQ;
    case MK_GL: return c == MK_GR;
    case MK_BT:
    case MK_SQ2: return c == MK_SQ2;
    default: return 0;
    }
}

static int opens(uint8_t m)
{
    return m == MK_DQ || m == MK_LDQ || m == MK_LOW || m == MK_GL || m == MK_BT || m == MK_SQ2;
}

/* Pairs the marks (see the file comment).  A quote left open at the end
   of a paragraph goes on when the next paragraph opens with a mark of
   the same kind (the news convention for a quotation over several
   paragraphs); it may then run to QUOTE_MULTI_BYTES.  raw NULL: counts
   only. */
/* The closing mark U+201D that ends an inner quotation opened at token
   i (an opening U+201C right after a word: "was not “a war of Obama’s
   choosing.”"), in the same paragraph, or NONE: a mark after a sentence
   end or a comma opens a new quote instead (a closing mark forgotten). */
static uint32_t inner_close(const qart *A, uint32_t i)
{
    if (i == 0 || A->tok[i - 1].kind != T_WORD)
        return NONE;
    for (uint32_t k = i + 1; k < A->nt && A->tok[k].kind != T_NL; k++) {
        if (A->tok[k].mark == MK_RDQ)
            return k;
        if (A->tok[k].mark == MK_LDQ)
            return NONE;
    }
    return NONE;
}

/* A block quotation: the curly quote opened at token o, which opens its
   paragraph, is still open at the paragraph break at token i, and the
   next closing mark (inner quotations aside) ends a later paragraph with
   no other opening mark before it -- the Kristol letter or the blog post
   a report quotes whole, its later paragraphs opening with no mark. */
static int block_goes_on(const qart *A, uint32_t o, uint32_t i)
{
    if (o > 0 && A->tok[o - 1].kind != T_NL)
        return 0;
    for (uint32_t k = i + 1; k < A->nt && A->tok[k].s - A->tok[o].s <= QUOTE_MULTI_BYTES; k++) {
        uint8_t m = A->tok[k].mark;
        if (m == MK_RDQ)
            return k + 1 >= A->nt || A->tok[k + 1].kind == T_NL;
        if (m == MK_LDQ) {
            uint32_t c = inner_close(A, k);
            if (c == NONE)
                return 0;
            k = c;
        } else if (m != MK_NONE && m != MK_DQ)
            return 0;
    }
    return 0;
}

/* The same for typewriter marks (`` ''), which say which way they face:
   a `` quote still open at the line break at token i goes on when the
   next '' comes before any `` that does not open its line ("Mr Hayward
   said : `` What we 're seeing ... . NL We 've identified ... seven . NL
   `` It 's very clear ... . ''": text split a sentence a line).  No more
   than QUOTE_MULTI_BYTES from the opening mark. */
static uint32_t typed_goes_on(const qart *A, uint32_t o, uint32_t i)
{
    for (uint32_t k = i + 1; k < A->nt && A->tok[k].s - A->tok[o].s <= QUOTE_MULTI_BYTES; k++) {
        uint8_t m = A->tok[k].mark;
        if (m == MK_SQ2)
            return k; /* the closing mark: the line breaks before it are passed once */
        if (m == MK_BT && A->tok[k - 1].kind != T_NL)
            return NONE;
        if (m != MK_NONE && m != MK_BT)
            return NONE;
    }
    return NONE;
}

/* Does a speech verb follow the mark at token i within a few words
   (", Trump said", ", said Stefanski")? */
static int verb_soon(const qart *A, uint32_t i)
{
    for (uint32_t k = i + 1; k < A->nt && k <= i + 4 && A->tok[k].kind == T_WORD; k++)
        if (is_word(A, k, WC_VERB) && !(A->tok[k].flags & F_CAP))
            return 1;
    return 0;
}

/* Is the straight mark (or '') at token i written as a closing one:
   glued to the punctuation before it and followed by a space or the end
   ("... before," Trump said)? */
static int closes_glued(const qart *A, uint32_t i)
{
    const qtok *k = &A->tok[i];
    /* ('' says it closes: PTB text puts a space before it, ", ''"; and
       before a straight one too, ', " SEACOM said', when a speech verb
       follows) */
    return i > 0 && (A->tok[i - 1].kind == T_COMMA || A->tok[i - 1].kind == T_STOP) &&
           (A->tok[i - 1].e == k->s || k->mark == MK_SQ2 || verb_soon(A, i)) &&
           (k->e >= A->n || is_space(A->t[k->e]));
}

/* A paragraph whose opening mark was lost: the first mark of the
   paragraph after the line break at token nl is a straight one written
   as closing (or a '') at token i, and a speech verb follows within a few words
   ("If they restart ... before," Trump said during a meeting).  The
   quote runs from the paragraph's start. */
static int opening_lost(const qart *A, uint32_t nl, uint32_t i)
{
    return nl != NONE && i >= nl + 3 && closes_glued(A, i) && verb_soon(A, i);
}

/* A `` written where '' belongs, closing the `` quote open: after a comma
   and before a speech verb ("`` I made the decision ... , `` said
   Stefanski ."), or after a stop and before a lower-case speech verb or
   pronoun (". `` he said"); a new quote would open with a capital. */
static int typed_closes(const qart *A, uint32_t i)
{
    if (i == 0 || !verb_soon(A, i) || i + 1 >= A->nt || A->tok[i + 1].kind != T_WORD)
        return 0;
    if (A->tok[i - 1].kind == T_COMMA)
        return 1;
    return A->tok[i - 1].kind == T_STOP && !(A->tok[i + 1].flags & F_CAP);
}

/* The same as block_goes_on for a straight quote: the next straight mark
   after the line break at token i is written as closing and ends its
   paragraph or comes before a speech verb, with no other mark before it
   (a quote over two paragraphs whose second lost its opening mark). */
static int straight_goes_on(const qart *A, uint32_t o, uint32_t i)
{
    for (uint32_t k = i + 1; k < A->nt && A->tok[k].s - A->tok[o].s <= QUOTE_MULTI_BYTES; k++) {
        uint8_t m = A->tok[k].mark;
        if (m == MK_NONE)
            continue;
        return m == MK_DQ && closes_glued(A, k) &&
               (k + 1 >= A->nt || A->tok[k + 1].kind == T_NL || verb_soon(A, k));
    }
    return 0;
}

static size_t pair_marks(const qart *A, rawq *raw)
{
    size_t nq = 0;
    uint32_t open = NONE, inner = NONE; /* inner: the close of a nested quote */
    uint8_t style = MK_NONE;
    uint32_t other = 0, typed_to = 0; /* typed_to: the '' an open `` quote runs to */
    size_t limit = QUOTE_MAX_BYTES;
    uint32_t nl = NONE; /* the line break before the paragraph with no mark yet, or NONE */
    for (uint32_t i = 0; i < A->nt; i++) {
        const qtok *k = &A->tok[i];
        if (open != NONE && k->s - A->tok[open].s > limit)
            open = NONE;
        if (k->kind == T_NL) {
            inner = NONE;
            nl = i;
            if (open != NONE && i + 1 < A->nt && A->tok[i + 1].mark == style &&
                A->tok[i + 1].kind != T_CLOSE) {
                limit = QUOTE_MULTI_BYTES;
                i++; /* the paragraph's opening mark continues the quote */
            } else if (open != NONE && style == MK_LDQ && block_goes_on(A, open, i))
                limit = QUOTE_MULTI_BYTES;
            else if (open != NONE && style == MK_DQ && straight_goes_on(A, open, i))
                limit = QUOTE_MULTI_BYTES;
            else if (open != NONE && style == MK_BT && i < typed_to)
                limit = QUOTE_MULTI_BYTES;
            else if (open != NONE && style == MK_BT &&
                     (typed_to = typed_goes_on(A, open, i)) != NONE)
                limit = QUOTE_MULTI_BYTES;
            else {
                open = NONE;
                typed_to = 0;
            }
            continue;
        }
        if (!k->mark)
            continue;
        uint32_t par = nl;
        nl = NONE;
        if (open == NONE && (k->mark == MK_DQ || k->mark == MK_SQ2) && opening_lost(A, par, i)) {
            if (raw)
                raw[nq] = (rawq){par, i}; /* the line break stands for the lost mark */
            nq++;
            continue;
        }
        if (i == inner) {
            inner = NONE;
            continue;
        }
        int close = open != NONE && close_ok(style, k->mark);
        if (open != NONE && style == MK_BT && k->mark == MK_BT && typed_closes(A, i))
            close = 1;
        /* "Who can guarantee you happiness?“ he asked": an opening mark
           glued to the words before it and followed by a space closes */
        if (open != NONE && style == MK_LDQ && k->mark == MK_LDQ && k->s > 0 &&
            !is_space(A->t[k->s - 1]) && (k->e >= A->n || is_space(A->t[k->e])))
            close = 1;
        /* ""This ad highlights ...,” the director said", "“These ads
           ... president."": a straight mark and a curly one mixed, the
           closing one glued to the word before and followed by a space
           or the end */
        if (open != NONE && ((style == MK_DQ && k->mark == MK_RDQ && !other) ||
                             (style == MK_LDQ && k->mark == MK_DQ && !(other & 1))) &&
            k->s > 0 && !is_space(A->t[k->s - 1]) && (k->e >= A->n || is_space(A->t[k->e])))
            close = 1;
        /* ... but not one that closes a quotation inside the quote
           (other: the marks of the other kind still open in it) */
        if (!close && open != NONE && style == MK_LDQ && k->mark == MK_DQ)
            other++;
        else if (!close && open != NONE && style == MK_DQ && k->mark == MK_LDQ)
            other++;
        else if (!close && open != NONE && style == MK_DQ && k->mark == MK_RDQ && other)
            other--;
        if (!close && open != NONE && style == MK_LDQ && k->mark == MK_LDQ && inner == NONE &&
            (inner = inner_close(A, i)) != NONE)
            continue; /* a quotation inside the quote */
        if (close) {
            if (raw)
                raw[nq] = (rawq){open, i};
            nq++;
            open = NONE;
        } else if (opens(k->mark) && (open == NONE || (style == k->mark && k->kind == T_OPEN))) {
            open = i;
            style = k->mark;
            other = 0;
            limit = QUOTE_MAX_BYTES;
        }
    }
    return nq;
}

/* ---- names ---------------------------------------------------------------- */

/* The run (index) of the person whose last-name key is key, or NULL. */
static uint32_t *name_get(const qart *A, uint64_t key)
{
    return dict_get(A->names, &key, sizeof key);
}

/* The run (index) whose token range contains token k, or NONE. */
static uint32_t run_at(const qart *A, uint32_t k)
{
    size_t lo = 0, hi = A->nrun;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (A->run[mid].t0 <= k)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0 || A->run[lo - 1].t1 <= k)
        return NONE;
    return (uint32_t)(lo - 1);
}

static uint32_t named_run_starting(const qart *A, uint32_t k)
{
    uint32_t r = run_at(A, k);
    if (r == NONE || A->run[r].t0 != k || !(A->run[r].flags & R_NAMED) || (A->run[r].flags & R_INQ))
        return NONE;
    return r;
}

/* Skips up to max adverbs, auxiliaries and day names from token k. */
static uint32_t skip_adv(const qart *A, uint32_t k, uint32_t lim, int max)
{
    for (int i = 0; i < max && k < lim && is_word(A, k, WC_ADV | WC_DAY); i++)
        k++;
    return k;
}

/* Back from verb token c over adverbs, auxiliaries and day names, not
   before w0: where its subject ends. */
static uint32_t adv_back(const qart *A, uint32_t c, uint32_t w0)
{
    while (c > w0 && is_word(A, c - 1, WC_ADV | WC_DAY))
        c--;
    return c;
}

/* Skips a date phrase from token k: "on July 20, 2006,", "on Tuesday"
   (a preposition, then day and month names, numbers and commas, at most
   8 tokens); k itself when there is none. */
static uint32_t skip_date(const qart *A, uint32_t k, uint32_t lim)
{
    uint32_t q = k + (uint32_t)(is_word(A, k, WC_PREP) && !(A->tok[k].flags & F_CAP));
    uint32_t e = q;
    int day = 0;
    while (e < lim && e - k < 8 &&
           (is_word(A, e, WC_DAY) || (A->tok[e].flags & F_NUM) || A->tok[e].kind == T_COMMA)) {
        day |= is_word(A, e, WC_DAY);
        e++;
    }
    return day ? e : k;
}

/* Is token v a lower-case speech verb right after a comma or a closing
   mark (", said Amsel", ""...," said Yeager")? */
static int inverted_verb(const qart *A, uint32_t v)
{
    return v > 0 && is_word(A, v, WC_VERB) && !(A->tok[v].flags & F_CAP) &&
           (A->tok[v - 1].kind == T_COMMA || A->tok[v - 1].kind == T_CLOSE ||
            A->tok[v - 1].kind == T_STRAIGHT);
}

/* Is there a speech verb right after run r (adverbs between)? */
static int verb_follows(const qart *A, const qrun *r)
{
    uint32_t k = skip_adv(A, r->t1, (uint32_t)A->nt, 3);
    return is_word(A, k, WC_VERB | WC_VPRE) && !(A->tok[k].flags & F_CAP);
}

static uint32_t pronoun_referent(qart *A, uint32_t p, uint32_t sent);
static int modifier(const qart *A, const qrun *q);
static uint32_t role_subject(const qart *A, uint32_t h, uint32_t w0, uint32_t p);

/* The role noun of a definite description opening at token k ("the
   chief justice", "the judge"): a lower-case title within four words of
   the article, with no verb, preposition, pronoun or function word
   before it; NONE when there is none.  A possessive on the way ("the
   judge's") ends the scan when no_poss is set. */
static uint32_t person_noun(const qart *A, uint32_t k);
static uint32_t role_head(const qart *A, uint32_t k, int no_poss)
{
    const qtok *tk = &A->tok[k];
    if (tk->kind != T_WORD || !(tk->cls & WC_DEF) || (tk->cls & WC_INDEF) || (tk->flags & F_INQ))
        return NONE;
    for (uint32_t h = k + 1; h < A->nt && h - k <= 4; h++) {
        const qtok *w = &A->tok[h];
        if (w->kind != T_WORD || (w->flags & F_INQ) || (no_poss && (w->flags & F_POSS)))
            return NONE;
        /* "the singer said", "the former geologist disavowed": a noun of
           one person (people.txt) heads it too */
        if (!(w->flags & F_CAP) && !(w->cls & WC_TITLE) && person_noun(A, h) &&
            !(h + 1 < A->nt && A->tok[h + 1].kind == T_WORD && person_noun(A, h + 1)))
            return h;
        if ((w->cls & WC_TITLE) && !(w->flags & F_CAP)) {
            /* "the prime minister": the last of a run of title words */
            while (h + 1 < A->nt && A->tok[h + 1].kind == T_WORD &&
                   (A->tok[h + 1].cls & WC_TITLE) && !(A->tok[h + 1].flags & (F_CAP | F_INQ)) &&
                   !(no_poss && (A->tok[h].flags & F_POSS)))
                h++;
            return h;
        }
        if (w->cls & (WC_VERB | WC_VPRE | WC_PREP | WC_PRON | WC_FUNC))
            return NONE;
    }
    return NONE;
}

/* Does token k open its sentence, or follow its opening conjunction or
   function word ("But the judge", "And a woman")? */
static int opens_sentence(const qart *A, uint32_t k)
{
    return (A->tok[k].flags & F_SSTART) ||
           (k > 0 && (A->tok[k - 1].flags & F_SSTART) && A->tok[k - 1].kind == T_WORD &&
            (A->tok[k - 1].cls & (WC_FUNC | WC_CONJ)) && !(A->tok[k - 1].cls & WC_DEF));
}

/* "The chief justice also asked": a definite article opening a sentence
   or clause (token k), a role noun within a few words and a speech verb
   right after it: the person the role names (role_subject), who is then
   a subject mention that a later "he" may refer to; or NONE. */
static uint32_t role_mention(const qart *A, uint32_t k)
{
    if (!((A->tok[k].flags & F_SSTART) || (k > 0 && A->tok[k - 1].kind == T_COMMA)))
        return NONE;
    uint32_t h = role_head(A, k, 0);
    if (h == NONE)
        return NONE;
    uint32_t v = skip_adv(A, h + 1, (uint32_t)A->nt, 2);
    if (!is_word(A, v, WC_VERB) || (A->tok[v].flags & F_CAP))
        return NONE;
    return role_subject(A, h, k, k);
}

/* "But the judge dismissed their claims. He said: "..."": a definite
   role noun opening its sentence as the subject of another verb (a
   lower-case word after it), for whom the article names no one
   (role_mention found no one): the role noun's token, whose person
   (role_subject) is the subject a later "he" refers to -- with no name
   when the article gives it no title (a mention with no person). */
static uint32_t role_blocks(const qart *A, uint32_t k)
{
    if (!opens_sentence(A, k))
        return NONE;
    uint32_t h = role_head(A, k, 1);
    if (h == NONE)
        return NONE;
    uint32_t v = skip_adv(A, h + 1, (uint32_t)A->nt, 2);
    return v < A->nt && A->tok[v].kind == T_WORD &&
                   !(A->tok[v].flags & (F_CAP | F_INQ | F_NUM | F_POSS)) &&
                   !(A->tok[v].cls & (WC_FUNC | WC_PREP | WC_DEF | WC_CONJ | WC_REL | WC_DEM |
                                      WC_PRON | WC_OBJPRON | WC_TITLE))
               ? h
               : NONE;
}

/* Is word k a noun naming one person (the pack's people.txt)?  0, or
   PERSON_NOUN with the gender it shows (G_M, G_F). */
#define PERSON_NOUN 0x100u
static uint32_t person_noun(const qart *A, uint32_t k)
{
    if (A->tok[k].kind != T_WORD)
        return 0;
    const lang_word *w = lang_word_of(A->wt, A->t + A->tok[k].s, A->tok[k].e - A->tok[k].s);
    if (!w || !(w->tags & LT_PERSON))
        return 0;
    return PERSON_NOUN | (w->tags & LT_M ? G_M : 0) | (w->tags & LT_F ? G_F : 0);
}

/* "A Korean businessman broke into song.", "One Louisiana resident,
   who asked not to be named, said": "a", "an", "another" or "one"
   opening the sentence (or after its opening conjunction), a noun naming
   one person (people.txt) within four words, and a lower-case word or a
   comma after it: the noun's token (a subject the article does not name,
   whom a later "he" or "she" of its gender means), or NONE.  So too a
   possessor and such a noun with a verb after it, opening the sentence or
   after a comma ("Nichols' mother expressed", "his wife said"). */
static uint32_t someone_unnamed(const qart *A, uint32_t k)
{
    const qtok *tk = &A->tok[k];
    if (tk->kind != T_WORD || (tk->flags & F_INQ))
        return NONE;
    /* (the possessor: "Nichols'", "his") */
    uint32_t pr = (tk->flags & F_POSS) ? run_at(A, k) : NONE;
    uint32_t p0 = pr != NONE ? A->run[pr].t0 : k; /* where the possessor opens */
    if (((tk->flags & F_POSS) || (tk->cls & WC_OBJPRON)) && k + 2 < A->nt &&
        person_noun(A, k + 1) && !(A->tok[k + 1].flags & (F_CAP | F_INQ | F_POSS)) &&
        (opens_sentence(A, p0) || (p0 > 0 && A->tok[p0 - 1].kind == T_COMMA)) &&
        A->tok[k + 2].kind == T_WORD && !(A->tok[k + 2].flags & (F_CAP | F_INQ | F_NUM)) &&
        !(A->tok[k + 2].cls & (WC_PREP | WC_DEF | WC_CONJ | WC_REL | WC_FUNC)))
        return k + 1;
    if (!(tk->cls & WC_INDEF)) { /* or the number word for 1 ("One resident") */
        const lang_word *w = lang_word_of(A->wt, A->t + tk->s, tk->e - tk->s);
        if (!w || !(w->cls & LW_NUMW) || w->val != 1)
            return NONE;
    }
    if (!opens_sentence(A, k))
        return NONE;
    for (uint32_t h = k + 1; h < A->nt && h - k <= 4; h++) {
        const qtok *w = &A->tok[h];
        if (w->kind != T_WORD || (w->flags & (F_INQ | F_POSS)))
            return NONE;
        if (person_noun(A, h) && !(w->flags & F_CAP)) {
            uint32_t v = h + 1;
            /* "A BP spokesman, David Harris, said": named after all */
            uint32_t r = v + 1 < A->nt && A->tok[v].kind == T_COMMA ? run_at(A, v + 1) : NONE;
            if (r != NONE && A->run[r].t0 == v + 1 && (A->run[r].flags & R_PERSON))
                return NONE;
            return v < A->nt && (A->tok[v].kind == T_COMMA ||
                                 (A->tok[v].kind == T_WORD &&
                                  !(A->tok[v].flags & (F_CAP | F_INQ | F_NUM)) &&
                                  !(A->tok[v].cls & (WC_PREP | WC_DEF | WC_CONJ | WC_REL))))
                       ? h
                       : NONE;
        }
        if (w->cls & (WC_VERB | WC_VPRE | WC_PREP | WC_PRON | WC_FUNC))
            return NONE;
    }
    return NONE;
}

/* The runs of article art (mention.c's, on this stage's tokens), which
   are people, the fullest form of each person, and the subject mentions.
   Buffers in sc. */
/* Do runs a and b name alike (the same bytes from the first name word to
   the last)? */
static int same_words(const qart *A, const qrun *a, const qrun *b)
{
    if (a->ne <= a->n0 || b->ne <= b->n0)
        return 0;
    size_t as = A->tok[a->n0].s, ae = A->tok[a->ne - 1].e;
    size_t bs = A->tok[b->n0].s, be = A->tok[b->ne - 1].e;
    return ae - as == be - bs && !memcmp(A->t + as, A->t + bs, ae - as);
}

/* Is token k a lower-case place noun of the pack ("village", "capital")? */
static int place_noun(const qart *A, uint32_t k)
{
    return k < A->nt && A->tok[k].kind == T_WORD && !(A->tok[k].flags & F_CAP) &&
           (A->tok[k].cls & WC_PLACE);
}

static int passive(const qart *A, uint32_t k);

/* A lower-case word that may qualify a body noun ("the agriculture
   ministry", "the ministry of agriculture"): no function word, verb,
   pronoun or preposition, not in a quotation. */
static int body_modifier(const qart *A, uint32_t k)
{
    return k < A->nt && A->tok[k].kind == T_WORD &&
           !(A->tok[k].flags & (F_CAP | F_INQ | F_NUM | F_POSS)) &&
           !(A->tok[k].cls & (WC_FUNC | WC_VERB | WC_VPRE | WC_PREP | WC_PRON | WC_DEF |
                              WC_CONJ | WC_STMT | WC_TITLE));
}

/* The word classes of a possessive token without its ending ("Israel's":
   those of "Israel"). */
static unsigned poss_class(const qart *A, uint32_t k)
{
    return word_class_of(A->wt, A->t + A->tok[k].s, name_len(A, k));
}

/* "Police said: "..."", "..., the navy said", "The ministry says": a
   body's common noun (the pack's org words; no place, title or document)
   as the subject of a speech verb, opening its clause with or without a
   definite article, one word qualifying it before ("the agriculture
   ministry") or "of" and one or two after ("the ministry of agriculture")
   -- the issue's grammatical speaker.  The token its phrase starts at, or
   NONE; *end: the token after the phrase.  A capitalised noun inside a
   sentence is part of a name, which the mention finder reads. */
static uint32_t body_noun_subject(const qart *A, uint32_t k, uint32_t *end)
{
    const qtok *t = &A->tok[k];
    *end = k + 1;
    if (t->kind != T_WORD || (t->flags & (F_INQ | F_POSS | F_NUM | F_ALLCAPS)) ||
        !(t->cls & WC_ORG) || (t->cls & (WC_PLACE | WC_PLACENAME | WC_TITLE | WC_STMT)))
        return NONE;
    /* "the ministry of agriculture said": "of" and one or two words that
       qualify it, lower case, then the verb */
    if (!(t->flags & F_CAP) && word_is(A, k + 1, "of") && body_modifier(A, k + 2)) {
        uint32_t e = k + 3;
        if (body_modifier(A, e) && !is_word(A, skip_adv(A, e, (uint32_t)A->nt, 2), WC_VERB))
            e++;
        uint32_t v = skip_adv(A, e, (uint32_t)A->nt, 2);
        if (is_word(A, v, WC_VERB))
            *end = e;
    }
    uint32_t v = skip_adv(A, *end, (uint32_t)A->nt, 2);
    if (!is_word(A, v, WC_VERB) || (A->tok[v].flags & F_CAP) || passive(A, v))
        return NONE;
    uint32_t b = k;
    /* "the agriculture ministry said": one word qualifying it */
    if (!(t->flags & F_CAP) && k > 1 && body_modifier(A, k - 1) && is_word(A, k - 2, WC_DEF) &&
        !is_word(A, k - 2, WC_INDEF) && !(A->tok[k - 2].flags & F_INQ))
        b = k - 2;
    else if (k > 0 && is_word(A, k - 1, WC_DEF) && !is_word(A, k - 1, WC_INDEF) &&
        !(A->tok[k - 1].flags & F_INQ))
        b = k - 1;
    else if (!(t->flags & F_CAP)) {
        /* "the Egyptian ministry said", "the Obama administration said",
           "the US state department insisted": one or two words qualifying
           it after "the", a capitalised one among them (the name the
           mention finder read there is the body's, not the speaker) */
        uint32_t j = k, caps = 0;
        while (j > 1 && k - j < 2) {
            const qtok *m = &A->tok[j - 1];
            int cap = m->kind == T_WORD && (m->flags & F_CAP) && !(m->flags & F_SSTART) &&
                      !(m->flags & (F_INQ | F_NUM | F_POSS)) &&
                      !(m->cls & (WC_FUNC | WC_VERB | WC_PREP | WC_PRON | WC_DEF | WC_CONJ |
                                  WC_TITLE | WC_STMT));
            if (!cap && !body_modifier(A, j - 1))
                break;
            caps += cap;
            j--;
        }
        if (caps && j > 0 && is_word(A, j - 1, WC_DEF) && !is_word(A, j - 1, WC_INDEF) &&
            !(A->tok[j - 1].flags & F_INQ))
            b = j - 1;
        /* "Israel's foreign ministry announced": a place or a body as the
           possessor (a person's "campaign" or "office" is no body that
           speaks for itself) */
        uint32_t pr = j > 0 && (A->tok[j - 1].flags & (F_POSS | F_CAP | F_INQ)) == (F_POSS | F_CAP)
                          ? run_at(A, j - 1)
                          : NONE;
        if (b == k && pr != NONE && A->run[pr].t1 == j && !(A->run[pr].flags & R_PERSON) &&
            ((A->run[pr].flags & (R_PLACE | R_ORG)) || (poss_class(A, j - 1) & WC_PLACENAME)))
            b = A->run[pr].t0;
    }
    if ((t->flags & F_CAP) && (b != k || !(t->flags & F_SSTART)))
        return NONE;
    if (b == 0 || (A->tok[b].flags & F_SSTART))
        return b;
    uint8_t pk = A->tok[b - 1].kind;
    return pk == T_COMMA || pk == T_CLOSE || pk == T_STRAIGHT || pk == T_NL ||
                   is_word(A, b - 1, WC_CONJ)
               ? b
               : NONE;
}

/* May a generic body noun (the pack's tag generic: "company", "group")
   speak for itself after the first nrun runs: no organisation is named
   before it in the article ("Acme Corp. makes boots. The company said" is
   Acme's, which the noun does not tell)?  At most 256 runs back are
   looked at. */
static int noun_speaks(const qart *A, uint32_t nrun)
{
    for (uint32_t i = nrun, steps = 0; i > 0 && steps < 256; i--, steps++) {
        const qrun *q = &A->run[i - 1];
        if ((q->flags & (R_NAMED | R_ORG)) == (R_NAMED | R_ORG) &&
            !(q->flags & (R_NOUN | R_PERSON | R_PLACE | R_INQ)))
            return 0;
    }
    return 1;
}

/* The body nouns speaking among tokens [from, to) (body_noun_subject):
   a run each, or the one-word run of the mention finder that the phrase
   starts with ("Police", "The") made into one.  Runs stay in text order. */
static int body_noun_runs(qart *A, qscratch *sc, uint32_t from, uint32_t to, uint32_t *at,
                          uint32_t *sent)
{
    for (uint32_t k = from; k < to; k++) {
        uint32_t e;
        uint32_t b = body_noun_subject(A, k, &e);
        if (b == NONE)
            continue;
        const lang_word *w = lang_word_of(A->wt, A->t + A->tok[k].s, A->tok[k].e - A->tok[k].s);
        if (w && (w->tags & LT_GENERIC) && !noun_speaks(A, (uint32_t)A->nrun))
            continue;
        qrun *last = A->nrun ? &A->run[A->nrun - 1] : NULL;
        if (last && last->t0 == b && last->t1 == b + 1 && !(last->flags & R_NAMED) &&
            last->title == NONE) {
            last->t1 = last->ne = e;
            last->n0 = b;
            last->flags = (last->flags & ~(uint32_t)R_SINIT) | R_NAMED | R_ORG | R_NOUN;
            continue;
        }
        /* the names read inside the phrase ("the Obama administration")
           give way to it */
        while (A->nrun && b < k && A->run[A->nrun - 1].t0 >= b && A->run[A->nrun - 1].t1 <= k &&
               !(A->run[A->nrun - 1].flags & R_INQ))
            A->nrun--;
        last = A->nrun ? &A->run[A->nrun - 1] : NULL;
        if (last && last->t1 > b)
            continue;
        if (A->nrun + 1 >= sc->runcap &&
            grow((void **)&sc->run, &sc->runcap, A->nrun + 2, sizeof(qrun)))
            return -1;
        A->run = sc->run;
        for (; *at <= b; (*at)++)
            *sent += (A->tok[*at].flags & F_SSTART) != 0;
        qrun r = {b, e, b, e, NONE, *sent, NONE, R_NAMED | R_ORG | R_NOUN, 0, 0};
        A->run[A->nrun++] = r;
    }
    return 0;
}

/* "Defra, the government department responsible for ..., said: "..."":
   an appositive in commas after run r (a determiner first; no verb, mark
   or line break in it; at most 20 tokens), then a speech verb and the
   quotation it introduces. */
static int appositive_verb(const qart *A, const qrun *r)
{
    uint32_t k = r->t1;
    if (k + 2 >= A->nt || A->tok[k].kind != T_COMMA || !is_word(A, k + 1, WC_DEF) ||
        (A->tok[k + 1].flags & F_INQ))
        return 0;
    for (k += 2; k < A->nt && k - r->t1 < 20; k++) {
        const qtok *t = &A->tok[k];
        if (t->kind == T_COMMA)
            break;
        if (t->kind != T_WORD || (t->flags & F_INQ) || (t->cls & (WC_VERB | WC_VPRE | WC_PRON | WC_REL)))
            return 0;
    }
    if (k + 1 >= A->nt || A->tok[k].kind != T_COMMA)
        return 0;
    uint32_t v = skip_adv(A, k + 1, (uint32_t)A->nt, 2);
    /* (the verb introducing a quotation at once: "said: "..."", not
       "Sputnik, a Russian state site, added the detail ..., according to
       Kim") */
    if (!is_word(A, v, WC_VERB) || (A->tok[v].flags & (F_CAP | F_INQ)) || v + 1 >= A->nt)
        return 0;
    uint32_t m = v + 1 + (A->tok[v + 1].kind == T_COLON || A->tok[v + 1].kind == T_COMMA);
    return m < A->nt && (A->tok[m].kind == T_OPEN || A->tok[m].kind == T_STRAIGHT);
}

/* "Sebelius said antivirals are effective.": a lone capitalised word
   opening its sentence right before a speech verb is a surname when the
   pack does not know it, it does not look like a plural ("Officials",
   "Investigators"), and the article never writes it in lower case; such
   names (at most SINIT_MAX an article) join the known last names. */
#define SINIT_MAX 16
static int sinit_surnames(qart *A)
{
    uint32_t cand[SINIT_MAX];
    uint64_t key[SINIT_MAX];
    size_t nc = 0;
    for (uint32_t ri = 0; ri < A->nrun && nc < SINIT_MAX; ri++) {
        const qrun *r = &A->run[ri];
        if ((r->flags & (R_NAMED | R_ORG | R_PERSON | R_SINIT | R_PLACE | R_INQ | R_POSS)) !=
                R_SINIT ||
            r->t1 != r->t0 + 1 || r->title != NONE || A->tok[r->t0].kind != T_WORD ||
            A->tok[r->t0].cls || !(verb_follows(A, r) || appositive_verb(A, r)) ||
            name_get(A, tok_key(A, r->t0)))
            continue;
        const qtok *t = &A->tok[r->t0];
        size_t n = t->e - t->s;
        const char *w = A->t + t->s;
        if (n < 3 || (t->flags & F_ALLCAPS) || mention_plural_ending(w, n))
            continue;
        cand[nc] = ri;
        key[nc++] = tok_key(A, r->t0);
    }
    if (!nc)
        return 0;
    for (uint32_t k = 0; k < A->nt; k++) {
        if (A->tok[k].kind != T_WORD || (A->tok[k].flags & F_CAP))
            continue;
        uint64_t h = tok_key(A, k);
        for (size_t i = 0; i < nc; i++)
            if (key[i] == h)
                key[i] = 0; /* "Reporters said ... the reporters": a word */
    }
    for (size_t i = 0; i < nc; i++) {
        qrun *r = &A->run[cand[i]];
        if (!key[i] || name_get(A, key[i]))
            continue;
        r->n0 = r->t0;
        r->ne = r->t1;
        r->flags |= R_NAMED | R_PERSON;
        if (dict_set(A->names, &key[i], sizeof key[i], cand[i]))
            return -1;
    }
    return 0;
}

/* "Mayor Ellen Park", "Dr. Park": a title before a name whose one word
   the pack lists as a place or a thing (park, street, lake, house) and
   that is its last, after a given name or alone: a surname. */
/* Token q as a name word: 0 when it is none (not a word, or in
   capitals), else 1 with *e its pack entry (NULL for an unlisted word). */
static int name_word(const qart *A, uint32_t q, const lang_word **e)
{
    const qtok *w = &A->tok[q];
    if (w->kind != T_WORD || (w->flags & F_ALLCAPS))
        return 0;
    *e = lang_word_of(A->wt, A->t + w->s, w->e - w->s);
    return 1;
}

static int titled_surname(const qart *A, const mention_run *m, const qrun *r)
{
    if (!(m->ev & MEN_TITLE) || r->title == NONE || r->ne <= r->n0 || r->ne - r->n0 > 2 ||
        (r->ne - r->n0 == 2 && !(m->ev & MEN_GIVEN)))
        return 0;
    for (uint32_t q = r->n0; q < r->ne; q++) {
        const lang_word *e;
        if (!name_word(A, q, &e))
            return 0;
        uint32_t c = e ? e->cls : 0;
        if (q + 1 < r->ne ? (c & (LW_ORG | LW_PLACE | LW_NONPERSON | LW_PLACENAME))
                          : (c & (LW_ORG | LW_PLACENAME)))
            return 0;
    }
    return 1;
}

/* "Richard North", "Doris Day": a known given name, then one word the
   pack lists as no person's (a compass point, "day", "cross") that is
   no place or body and opens nothing ("San", "St."): a surname. */
static int given_surname(const qart *A, const mention_run *m, const qrun *r)
{
    if (!(m->ev & MEN_GIVEN) || (m->ev & MEN_ORG) || r->ne - r->n0 != 2)
        return 0;
    for (uint32_t q = r->n0; q < r->ne; q++) {
        const lang_word *e;
        if (!name_word(A, q, &e) || !e)
            return 0;
        /* (or a place word that is also a surname: "Peter Lane") */
        if (q + 1 == r->ne && (e->tags & LT_SURNAME) && !(e->cls & (LW_ORG | LW_PLACENAME)))
            continue;
        if ((e->cls & (LW_ORG | LW_PLACE | LW_PLACENAME)) ||
            (e->tags & (LT_SAINT | LT_ATTRIBUTIVE)) ||
            (q + 1 == r->ne) != ((e->cls & LW_NONPERSON) != 0))
            return 0;
    }
    return 1;
}

/* The word classes (WC_MASC, WC_FEM) of gender bits g (G_*). */
static unsigned wc_gender(uint32_t g)
{
    return (g & G_M ? WC_MASC : 0) | (g & G_F ? WC_FEM : 0);
}

/* "Malia Obama and Sasha Obama looked on. Barack Obama pardoned a
   turkey. ... Mr. Obama asked": a surname alone that several people of
   the article bear is the one of them whose given name shows the gender
   its title shows, when one does (the first NAME_GENDER_RUNS runs
   looked at); else itself. */
#define NAME_GENDER_RUNS 256
static uint32_t gendered_one(const qart *A, uint32_t ri)
{
    const qrun *r = &A->run[ri];
    unsigned rg = wc_gender(r->gender);
    if (r->title == NONE || !rg || rg == (WC_MASC | WC_FEM))
        return ri;
    uint64_t key = name_key(A, r);
    uint32_t one = NONE;
    for (uint32_t j = 0; j < A->nrun && j < NAME_GENDER_RUNS; j++) {
        const qrun *f = &A->run[j];
        if (!(f->flags & R_PERSON) || f->ne - f->n0 < 2 || name_key(A, f) != key)
            continue;
        unsigned fg = A->tok[f->n0].cls & (WC_MASC | WC_FEM);
        if (!(fg & rg))
            continue;
        if (fg == (WC_MASC | WC_FEM) || (one != NONE && tok_key(A, A->run[one].n0) != tok_key(A, f->n0)))
            return ri;
        one = j;
    }
    return one != NONE ? one : ri;
}

static int find_names(qart *A, qscratch *sc, uint32_t art)
{
    const mention_doc *md = sc->md;
    uint32_t m0 = md->art[art], m1 = md->art[art + 1], a0 = sc->lx->art[art];
    if (grow((void **)&sc->run, &sc->runcap, m1 - m0 + 1, sizeof(qrun)))
        return -1;
    A->run = sc->run;
    A->nrun = 0;
    uint32_t sent = 0, at = 0, scan = 0;
    for (uint32_t mi = m0; mi < m1; mi++) {
        const mention_run *m = &md->m[mi];
        if (m->t0 == m->t1)
            continue;
        const uint32_t *map = sc->lmap - a0;
        uint32_t t0 = map[m->t0], t1 = map[m->t1 - 1] + 1;
        if (t0 > scan) {
            if (body_noun_runs(A, sc, scan, t0, &at, &sent))
                return -1;
            scan = t0;
        }
        /* a run glued to a word before it by this stage ("said.Obama") */
        if (A->tok[t0].s != sc->lx->tok[m->t0].s || A->tok[t0].kind != T_WORD ||
            (A->nrun && A->run[A->nrun - 1].t1 > t0))
            continue;
        if (A->nrun + 1 >= sc->runcap) {
            if (grow((void **)&sc->run, &sc->runcap, A->nrun + 2, sizeof(qrun)))
                return -1;
            A->run = sc->run;
        }
        for (; at <= t0; at++)
            sent += (A->tok[at].flags & F_SSTART) != 0;
        qrun r = {t0, t1, t0, t0, NONE, sent, NONE, 0, m->gender, m->office};
        r.n0 = m->n0 < m->t1 ? map[m->n0] : t1;
        r.ne = m->ne < m->t1 ? map[m->ne] : t1;
        if (r.ne < r.n0)
            r.ne = r.n0;
        if (m->title != MENTION_NONE)
            r.title = map[m->title];
        r.flags |= A->tok[t0].flags & F_INQ ? R_INQ : 0;
        r.flags |= m->ev & MEN_POSS ? R_POSS : 0;
        r.flags |= m->ev & MEN_SINIT ? R_SINIT : 0;
        r.flags |= m->ev & MEN_PREP ? R_PREP : 0;
        r.flags |= m->ev & (MEN_TITLE | MEN_ROLE | MEN_SAID | MEN_GIVEN) ? R_WHO : 0;
        uint32_t len = m->ev & MEN_DESCR ? 0 : r.ne - r.n0;
        if (len) {
            r.flags |= R_NAMED;
            if ((m->ev & MEN_NONPERSON) && !titled_surname(A, m, &r) && !given_surname(A, m, &r))
                r.flags |= R_ORG;
            /* "In Suka Makmur village", "the provincial capital Banda
               Aceh": a lower-case place noun right after it or right
               before it, and nothing of a person (title, role, speech
               verb, a given name first), makes it a place */
            int place = (place_noun(A, t1) || (t0 > 0 && place_noun(A, t0 - 1)) ||
                         ((m->ev & MEN_PLACE) && !(m->ev & MEN_POSS))) &&
                        !(r.flags & R_WHO) && r.title == NONE;
            if (place)
                r.flags |= R_PLACE;
            else if (!(r.flags & R_ORG) && len <= 4 && (len >= 2 || r.title != NONE))
                r.flags |= R_PERSON;
        }
        /* "interventionists like John Bolton and Mike Pompeo": a name
           joined by "and" to one after a preposition is no subject either */
        if (!(r.flags & R_PREP) && A->nrun && t0 >= 2 && is_word(A, t0 - 1, WC_CONJ) &&
            !(A->tok[t0 - 1].flags & F_CAP)) {
            const qrun *pr = &A->run[A->nrun - 1];
            uint32_t pe = A->tok[t0 - 2].kind == T_COMMA ? t0 - 2 : t0 - 1;
            if (pr->t1 == pe && (pr->flags & R_PREP))
                r.flags |= R_PREP;
        }
        A->run[A->nrun++] = r;
    }
    if (scan < A->nt && body_noun_runs(A, sc, scan, (uint32_t)A->nt, &at, &sent))
        return -1;
    /* "Mayor Ellen Park ... Park said": a one-word name that is the
       surname of a person of the article (a titled_surname; the first
       TITLED_MAX titled people) is that person's, though the pack lists
       the word as a place or a thing */
    uint64_t tkey[TITLED_MAX];
    size_t ntk = 0;
    for (uint32_t rj = 0; rj < A->nrun && ntk < TITLED_MAX; rj++) {
        const qrun *o = &A->run[rj];
        if (!(o->flags & R_PERSON) || o->ne <= o->n0)
            continue;
        /* (or whose surname is a place word the pack marks as a surname
           too: "Peter Lane ... said Lane") */
        const lang_word *le =
            o->title == NONE && o->ne - o->n0 >= 2
                ? lang_word_of(A->wt, A->t + A->tok[o->ne - 1].s,
                               A->tok[o->ne - 1].e - A->tok[o->ne - 1].s)
                : NULL;
        if (o->title != NONE || (le && (le->tags & LT_SURNAME)))
            tkey[ntk++] = tok_key(A, o->ne - 1);
    }
    for (uint32_t ri = 0; ri < A->nrun && ntk; ri++) {
        qrun *q = &A->run[ri];
        if ((q->flags & (R_ORG | R_PERSON | R_NOUN | R_PLACE)) != R_ORG || q->ne != q->n0 + 1 ||
            q->title != NONE || (A->tok[q->n0].flags & F_ALLCAPS) ||
            (A->tok[q->n0].cls & (WC_ORG | WC_PLACENAME)) != WC_ORG)
            continue;
        const lang_word *e =
            lang_word_of(A->wt, A->t + A->tok[q->n0].s, A->tok[q->n0].e - A->tok[q->n0].s);
        if (!e || (e->cls & LW_ORG))
            continue;
        uint64_t key = tok_key(A, q->n0);
        for (size_t j = 0; j < ntk; j++)
            if (tkey[j] == key) {
                q->flags = (q->flags & ~(uint32_t)R_ORG) | R_PERSON;
                break;
            }
    }
    /* one name, one sense in an article: a name a place noun shows to be
       a place is no person elsewhere in it either, unless a title, a role
       or a speech verb says so there ("in Banda Aceh" after "the
       provincial capital Banda Aceh") */
    for (uint32_t ri = 0; ri < A->nrun; ri++) {
        if (!(A->run[ri].flags & R_PLACE))
            continue;
        for (uint32_t rj = 0; rj < A->nrun; rj++) {
            qrun *q = &A->run[rj];
            if ((q->flags & (R_PERSON | R_WHO)) == R_PERSON && q->title == NONE &&
                same_words(A, &A->run[ri], q))
                q->flags &= ~(uint32_t)R_PERSON;
        }
    }
    /* the fullest form of every person, by last name */
    if (!sc->names.tab) {
        if (dict_init(&sc->names, 64))
            return -1;
    } else {
        dict_clear(&sc->names);
    }
    A->names = &sc->names;
    for (uint32_t ri = 0; ri < A->nrun; ri++) {
        qrun *r = &A->run[ri];
        if (!(r->flags & R_PERSON))
            continue;
        uint64_t key = name_key(A, r);
        uint32_t *e = name_get(A, key);
        if (!e) {
            if (dict_set(A->names, &key, sizeof key, ri))
                return -1;
        } else if (A->run[*e].ne - A->run[*e].n0 < r->ne - r->n0) {
            *e = ri;
        }
    }
    /* one-word names: the subject of a speech verb somewhere in the
       article ("," Amsel said"), then every use of a known last name */
    for (uint32_t ri = 0; ri < A->nrun; ri++) {
        qrun *r = &A->run[ri];
        if ((r->flags & (R_NAMED | R_ORG | R_PERSON | R_SINIT)) != R_NAMED || r->ne - r->n0 != 1 ||
            r->t1 != r->ne)
            continue;
        if (A->tok[r->n0].cls & WC_PLACENAME)
            continue; /* "the Afghanistan remarks were": a place */
        /* ", said Amsel": the verb right after a comma or a closing mark */
        if (verb_follows(A, r) || (r->t0 > 1 && inverted_verb(A, r->t0 - 1))) {
            uint64_t key = name_key(A, r);
            if (!name_get(A, key) && dict_set(A->names, &key, sizeof key, ri))
                return -1;
        }
    }
    if (sinit_surnames(A))
        return -1;
    /* "Charlie Simpson, 7, ... Charlie said:": a listed given name alone
       is the one person of the article whose full name opens with it
       (two such people: neither; a surname of that spelling: that one) */
    for (uint32_t ri = 0; ri < A->nrun; ri++) {
        const qrun *r = &A->run[ri];
        if (!(r->flags & R_PERSON) || r->ne - r->n0 < 2 || !(A->tok[r->n0].cls & WC_GIVEN) ||
            (A->tok[r->n0].flags & F_INQ) || is_initial(A, r->n0))
            continue;
        uint64_t gk = tok_key(A, r->n0) ^ GIVEN_MARK;
        uint32_t *e = name_get(A, gk);
        if (!e) {
            if (dict_set(A->names, &gk, sizeof gk, ri))
                return -1;
        } else if (*e != NONE && name_key(A, &A->run[*e]) != name_key(A, r)) {
            *e = NONE;
        }
    }
    for (uint32_t ri = 0; ri < A->nrun; ri++) {
        qrun *r = &A->run[ri];
        /* (opening its sentence, the mention finder names no one-word
           run; a listed given name with a lower-case word after it is
           one: "Hannah told reporters:") */
        int opening = (r->flags & (R_NAMED | R_ORG | R_PERSON | R_INQ)) == 0 &&
                      (r->flags & R_SINIT) && r->t1 == r->t0 + 1 && r->t1 < A->nt &&
                      A->tok[r->t1].kind == T_WORD &&
                      !(A->tok[r->t1].flags & (F_CAP | F_INQ | F_NUM));
        if (!opening && ((r->flags & (R_NAMED | R_ORG | R_PERSON | R_INQ)) != R_NAMED ||
                         r->ne - r->n0 != 1 || r->t1 != r->ne))
            continue;
        if (!(A->tok[r->t0].cls & WC_GIVEN) || (A->tok[r->t0].cls & (WC_FUNC | WC_VERB)))
            continue;
        uint64_t key = tok_key(A, r->t0), gk = key ^ GIVEN_MARK;
        const uint32_t *e = name_get(A, gk);
        if (!e || *e == NONE || name_get(A, key))
            continue;
        if (dict_set(A->names, &key, sizeof key, *e))
            return -1;
        if (opening) {
            r->n0 = r->t0;
            r->ne = r->t1;
            r->flags |= R_NAMED;
        }
    }
    for (uint32_t ri = 0; ri < A->nrun; ri++) {
        qrun *r = &A->run[ri];
        /* "King said" after "Rep. Peter King", "May was" after "Theresa
           May": a lone title or function word that is a known surname is
           that person */
        if (!(r->flags & R_NAMED) && r->t1 == r->t0 + 1 && !(A->tok[r->t0].cls & WC_PRON) &&
            !(r->flags & R_INQ) && name_get(A, tok_key(A, r->t0))) {
            r->n0 = r->t0;
            r->ne = r->t1;
            r->title = NONE;
            r->flags |= R_NAMED;
        }
        if ((r->flags & (R_NAMED | R_ORG | R_PERSON)) != R_NAMED || r->ne - r->n0 != 1)
            continue;
        if (name_get(A, name_key(A, r)))
            r->flags |= R_PERSON;
    }
    /* "Jesse Jackson Jr." and "Sandra Jackson", "Barack Obama" and
       "Malia Obama": a bare "Jackson" or "Mr. Obama" is either, so it
       stands for itself (the surnames of "Jr." names are kept under
       JR_MARK, surnames of two first names under AMB_MARK) */
    for (uint32_t ri = 0; ri < A->nrun; ri++) {
        qrun *r = &A->run[ri];
        /* "President Trump" and "first lady Melania Trump": a surname
           under another office than the full name's is another person */
        if ((r->flags & R_PERSON) && r->ne - r->n0 == 1) {
            const uint32_t *e = name_get(A, name_key(A, r));
            uint64_t amb = name_key(A, r) ^ AMB_MARK;
            if (e && *e != ri && A->run[*e].ne - A->run[*e].n0 >= 2 &&
                mention_offices_differ(r->office, A->run[*e].office) && !name_get(A, amb) &&
                dict_set(A->names, &amb, sizeof amb, *e))
                return -1;
        }
        if (!(r->flags & R_PERSON) || r->ne - r->n0 < 2)
            continue;
        if (name_key(A, r) != tok_key(A, r->ne - 1)) {
            uint64_t jr = tok_key(A, r->ne - 2) ^ JR_MARK;
            if (!name_get(A, jr) && dict_set(A->names, &jr, sizeof jr, ri))
                return -1;
            continue;
        }
        const uint32_t *e = name_get(A, name_key(A, r));
        uint64_t amb = name_key(A, r) ^ AMB_MARK;
        if (e && *e != ri && A->run[*e].ne - A->run[*e].n0 >= 2 && !is_initial(A, r->n0) &&
            !is_initial(A, A->run[*e].n0) && tok_key(A, r->n0) != tok_key(A, A->run[*e].n0) &&
            !name_get(A, amb) && dict_set(A->names, &amb, sizeof amb, ri))
            return -1;
    }
    for (uint32_t ri = 0; ri < A->nrun; ri++) {
        qrun *r = &A->run[ri];
        if (r->flags & R_PERSON) {
            const uint32_t *e = name_get(A, name_key(A, r));
            r->full = e ? *e : ri;
            const uint32_t *jr = r->ne - r->n0 == 1 && e && *e != ri
                                     ? name_get(A, tok_key(A, r->n0) ^ JR_MARK)
                                     : NULL;
            if (jr && tok_key(A, A->run[*jr].n0) != tok_key(A, A->run[*e].n0))
                r->full = ri; /* not "Donald Trump" after "Donald Trump Jr." */
            if (r->ne - r->n0 == 1 && e && *e != ri && name_get(A, name_key(A, r) ^ AMB_MARK))
                r->full = gendered_one(A, ri);
            /* "Boris Johnson" after "Woody Johnson": another first name is
               another person */
            const qrun *f = &A->run[r->full];
            if (r->ne - r->n0 >= 2 && f->ne - f->n0 >= 2 && tok_key(A, r->n0) != tok_key(A, f->n0))
                r->full = ri;
            /* "Mr. Trump" is not "Melania Trump": a title's gender
               against the given name's */
            unsigned fg = f->ne - f->n0 >= 2 ? A->tok[f->n0].cls & (WC_MASC | WC_FEM) : 0;
            unsigned rg = wc_gender(r->gender);
            if (r->title != NONE && fg && rg && fg != (WC_MASC | WC_FEM) && !(fg & rg))
                r->full = ri;
            A->run[r->full].gender |= r->gender;
        }
    }
    /* people in subject position and, in text order with them, the
       subject pronouns that continue them (centering: a pronoun subject
       carries its referent on to the next pronoun) */
    size_t npron = 0;
    for (size_t i = 0; i < A->nt; i++)
        npron += A->tok[i].kind == T_WORD && (A->tok[i].cls & WC_PRON);
    if (grow((void **)&sc->men, &sc->mencap, A->nrun + npron + 1, sizeof(mention)))
        return -1;
    A->men = sc->men;
    A->nmen = 0;
    uint32_t seen_sent = NONE, ri = 0;
    sent = 0;
    for (uint32_t k = 0; k < A->nt; k++) {
        const qtok *tk = &A->tok[k];
        if (tk->flags & F_SSTART)
            sent++;
        uint32_t un = someone_unnamed(A, k);
        if (un != NONE) {
            /* the noun's token, which shows the gender; runs before it
               ("One Louisiana resident") are passed */
            A->men[A->nmen++] = (mention){un, sent, NONE};
            seen_sent = sent;
            while (ri < A->nrun && A->run[ri].t0 <= un)
                ri++;
            k = un;
            continue;
        }
        if (ri < A->nrun && A->run[ri].t0 == k && !(tk->cls & WC_PRON)) {
            const qrun *r = &A->run[ri++];
            uint32_t role = !(r->flags & R_NAMED) ? role_mention(A, k) : NONE;
            k = r->t1 - 1;
            if (role != NONE) {
                A->men[A->nmen++] = (mention){r->t0, r->sent, role};
                seen_sent = r->sent;
                continue;
            }
            /* "Mr. Trump's comments suggested he backed that effort": the
               possessor opening its sentence is as salient as its subject
               (not "Obama's spokesman said": the role word is the subject) */
            if ((r->flags & (R_POSS | R_SINIT | R_PERSON | R_INQ)) == (R_POSS | R_SINIT | R_PERSON) &&
                r->t1 < A->nt && A->tok[r->t1].kind == T_WORD &&
                !(A->tok[r->t1].cls & (WC_TITLE | WC_GIVEN)) && !is_initial(A, r->t1) &&
                (!(A->tok[r->t1].flags & F_CAP) || named_run_starting(A, r->t1) == NONE ||
                 !(A->run[named_run_starting(A, r->t1)].flags & R_PERSON) ||
                 A->run[named_run_starting(A, r->t1)].title == NONE)) {
                A->men[A->nmen++] = (mention){r->t0, r->sent, r->full};
                seen_sent = r->sent;
                continue;
            }
            /* "..., according to Wood of the University of Oregon. "...,"
               she said": the source a report names is a speaker a later
               pronoun can mean */
            int source = (r->flags & R_PERSON) && !(r->flags & (R_INQ | R_POSS)) &&
                         r->t0 >= 2 && is_word(A, r->t0 - 1, WC_PREP) &&
                         is_word(A, r->t0 - 2, WC_ACC);
            if (source) {
                A->men[A->nmen++] = (mention){r->t0, r->sent, r->full};
                seen_sent = r->sent;
                continue;
            }
            /* "The document was circulated by Ed Markey, the ...": the
               agent of a passive verb is as salient as a subject */
            int agent = (r->flags & R_PREP) && r->t0 >= 3 && is_word(A, r->t0 - 1, WC_PASSIVE) &&
                        !(A->tok[r->t0 - 1].flags & F_CAP) && A->tok[r->t0 - 2].kind == T_WORD &&
                        !(A->tok[r->t0 - 2].flags & (F_CAP | F_INQ)) &&
                        (be_before(A, r->t0 - 2) ||
                         (A->tok[r->t0 - 3].kind == T_WORD && be_before(A, r->t0 - 3)));
            if (!(r->flags & R_PERSON) || (r->flags & (R_INQ | R_POSS)) ||
                ((r->flags & R_PREP) && !verb_follows(A, r) && !agent) || modifier(A, r))
                continue;
            if (agent) {
                A->men[A->nmen++] = (mention){r->t0, r->sent, r->full};
                seen_sent = r->sent;
                continue;
            }
            /* ", said Rick Tyler, a consultant": the subject of an inverted
               verb (not "..., said Steele needs to") */
            int inverted = r->t0 > 1 && is_word(A, r->t0 - 1, WC_VERB) &&
                           (A->tok[r->t0 - 2].kind == T_COMMA || A->tok[r->t0 - 2].kind == T_CLOSE ||
                            A->tok[r->t0 - 2].kind == T_STRAIGHT) &&
                           (r->t1 >= A->nt || A->tok[r->t1].kind == T_COMMA ||
                            A->tok[r->t1].kind == T_STOP);
            if (r->sent != seen_sent || verb_follows(A, r) || inverted) {
                A->men[A->nmen++] = (mention){r->t0, r->sent, r->full};
            }
            seen_sent = r->sent;
            continue;
        }
        if (ri < A->nrun && A->run[ri].t0 == k)
            ri++; /* "He" opening a sentence is a run of its own */
        uint32_t role = role_mention(A, k), rh = NONE;
        if (role == NONE && (rh = role_blocks(A, k)) != NONE)
            role = role_subject(A, rh, k, k); /* NONE: a role that names no one */
        if (role != NONE || rh != NONE) {
            A->men[A->nmen++] = (mention){k, sent, role};
            seen_sent = sent;
            continue;
        }

        if (tk->kind != T_WORD || !(tk->cls & WC_PRON) || (tk->flags & F_INQ))
            continue;
        uint32_t who = pronoun_referent(A, k, sent);
        if (who != NONE) {
            A->men[A->nmen++] = (mention){k, sent, who};
            seen_sent = sent;
        }
    }
    return 0;
}

/* The person a subject pronoun at token p refers to (run index), or
   NONE: the latest person or resolved pronoun in subject position within
   PRON_MAX_BYTES whose gender agrees ("she" never goes to a man, "they"
   to no one); ambiguous when that sentence had two agreeing people.
   Called in text order while the mentions are built (find_names), so a
   pronoun that takes a person of unknown gender gives them its own. */
/* Do only role words ("Republican presidential nominee", "Tea party
   activist": no function word, preposition, verb or pronoun; at most 4)
   stand between token w0 and token k? */
static int role_words_before(const qart *A, uint32_t k, uint32_t w0)
{
    uint32_t b = k;
    while (b > w0 && k - b < 4 && A->tok[b - 1].kind == T_WORD &&
           !(A->tok[b - 1].flags & F_INQ) &&
           !(A->tok[b - 1].cls & (WC_FUNC | WC_PREP | WC_VERB | WC_VPRE | WC_PRON | WC_OBJPRON |
                                  WC_DEF | WC_REL | WC_DEM)))
        b--;
    return b == w0 && b < k;
}

/* Is mention m a person only by being the first of its sentence, neither
   opening it nor next to a speech verb ("... his wife, Huma Abedin")? */
static int weak_mention(const qart *A, const mention *m)
{
    if (A->tok[m->tok].cls & WC_PRON)
        return 0;
    uint32_t r = run_at(A, m->tok);
    if (r == NONE)
        return 0;
    /* "On Friday, Liz Cheney issued a statement": after a comma, a
       lower-case word that is no function word right after the name is
       its verb (an appositive ends in a comma: "his wife, Huma Abedin,") */
    /* (a role in lower case may stand between: "Along Pensacola Beach,
       lifeguard Collin Cobia wore") */
    uint32_t v = A->run[r].t1, c0 = A->run[r].t0;
    while (c0 > 0 && A->run[r].t0 - c0 < 3 && A->tok[c0 - 1].kind == T_WORD &&
           !(A->tok[c0 - 1].flags & (F_CAP | F_INQ)) &&
           ((A->tok[c0 - 1].cls & WC_TITLE) || person_noun(A, c0 - 1)))
        c0--;
    if (c0 > 0 && A->tok[c0 - 1].kind == T_COMMA && v < A->nt &&
        A->tok[v].kind == T_WORD &&
        !(A->tok[v].flags & (F_CAP | F_INQ | F_NUM)) &&
        !(A->tok[v].cls & (WC_FUNC | WC_PREP | WC_TITLE | WC_PRON | WC_OBJPRON | WC_DEF)))
        return 0;
    /* "Today, Pacitti, the goalkeeper ..., was confirmed", "His wife,
       Huma Abedin, said": after a short phrase opening the sentence, the
       name is (or names) its subject */
    uint32_t t0 = A->run[r].t0;
    if (t0 > 1 && A->tok[t0 - 1].kind == T_COMMA) {
        uint32_t b = t0 - 1;
        /* (no preposition: "Under the headline, Sick Mexico, he says") */
        while (b > 0 && t0 - 1 - b < 3 && A->tok[b - 1].kind == T_WORD &&
               !(A->tok[b - 1].flags & F_INQ) && !is_word(A, b - 1, WC_PREP) &&
               !(A->tok[b].flags & F_SSTART))
            b--;
        if (b < t0 - 1 && (A->tok[b].flags & F_SSTART))
            return 0;
    }
    /* "Tea party activist Alex Poulter, who ...": role words before the
       name opening its sentence */
    uint32_t w0 = A->run[r].t0;
    while (w0 > 0 && !(A->tok[w0].flags & F_SSTART) && A->run[r].t0 - w0 < 4)
        w0--;
    if ((A->tok[w0].flags & F_SSTART) && role_words_before(A, A->run[r].t0, w0))
        return 0;
    return !(A->run[r].flags & R_SINIT) && !verb_follows(A, &A->run[r]) &&
           !(m->tok > 0 && is_word(A, m->tok - 1, WC_VERB)); /* ", said Hilary Shelton" */
}

/* "Putin and Lavrov said ...": does an earlier person of mention i's
   sentence agree with gender g as well (which one is meant)? */
static int ambiguous(const qart *A, size_t i, uint32_t g)
{
    const mention *m = &A->men[i];
    /* "..., Rubio would have stayed, said Rick Tyler.": the one who
       speaks is meant */
    if (m->tok > 1 && is_word(A, m->tok - 1, WC_VERB) && A->tok[m->tok - 2].kind == T_COMMA)
        return 0;
    for (size_t j = i; j > 0 && A->men[j - 1].sent == m->sent; j--) {
        const mention *o = &A->men[j - 1];
        if (o->full == NONE)
            continue;
        uint32_t og = A->run[o->full].gender;
        if (o->full != m->full && (!og || og == G_M + G_F || og == g) &&
            !(A->tok[o->tok].cls & WC_PRON))
            return 1;
    }
    return 0;
}

/* "Cowan said Patrick offered him the job. He said ...": of two people of
   one earlier sentence, the subject of a clause reported by a speech verb
   ranks below the one who reports it, its sentence's subject (the
   ordering of forward-looking centers by grammatical role: Brennan,
   Friedman & Pollard, ACL 1987).  For mention i, the subject mention of
   its sentence when i is such an embedded subject and that one opens the
   sentence before a speech verb and agrees with gender g; else NONE. */
static uint32_t reporting_subject(const qart *A, size_t i, uint32_t g)
{
    const mention *m = &A->men[i];
    uint32_t t0 = m->tok;
    uint32_t r = run_at(A, t0);
    if (r != NONE)
        t0 = A->run[r].t0;
    uint32_t b = t0;
    if (b > 0 && A->tok[b - 1].kind == T_WORD && (A->tok[b - 1].cls & (WC_REL | WC_DEM)) &&
        !(A->tok[b - 1].flags & (F_CAP | F_INQ)))
        b--; /* "said that Patrick" */
    if (b == 0 || !is_word(A, b - 1, WC_VERB) || (A->tok[b - 1].flags & (F_CAP | F_INQ)))
        return NONE;
    size_t j = i;
    while (j > 0 && A->men[j - 1].sent == m->sent)
        j--;
    if (j == i)
        return NONE;
    const mention *o = &A->men[j];
    if (o->full == NONE)
        return NONE;
    uint32_t ro = run_at(A, o->tok);
    uint32_t og = A->run[o->full].gender;
    if (og == G_M + G_F)
        og = 0;
    if ((og && og != g) || ro == NONE || !(A->tok[A->run[ro].t0].flags & F_SSTART) ||
        !verb_follows(A, &A->run[ro]) || skip_adv(A, A->run[ro].t1, b, 3) != b - 1)
        return NONE;
    return o->full;
}

static size_t runs_before(const qart *A, uint32_t p);

/* "Mayor Ellen Varga met Governor Tom Hale. "...," he said.": no subject
   before the pronoun at token p agrees with its gender g, but one person
   named elsewhere in the sentences just before does (the text shows his
   gender: a title, a given name), and no other person of that gender or
   of none shown is named there: that one (the other gender's do not
   compete). */
static uint32_t object_referent(const qart *A, uint32_t p, uint32_t g)
{
    uint32_t who = NONE;
    for (size_t i = runs_before(A, p), steps = 0; i > 0 && steps < 64; i--, steps++) {
        const qrun *q = &A->run[i - 1];
        if (A->tok[p].s - A->tok[q->t0].s > PRON_KNOWN_BYTES)
            break;
        if (!(q->flags & R_PERSON) || (q->flags & R_INQ))
            continue;
        uint32_t f = q->full != NONE ? q->full : (uint32_t)(i - 1);
        uint32_t qg = A->run[f].gender;
        if (!qg || qg == G_M + G_F)
            return NONE; /* one whose gender the text does not show */
        if (qg != g)
            continue;
        if (who != NONE && A->run[who].full != A->run[f].full)
            return NONE;
        who = f;
    }
    return who;
}

static uint32_t pronoun_referent(qart *A, uint32_t p, uint32_t sent)
{
    uint32_t g = (A->tok[p].cls & WC_MASC ? G_M : 0) | (A->tok[p].cls & WC_FEM ? G_F : 0);
    if (!g)
        return NONE; /* "they": a group, not one person */
    uint32_t unknown = NONE; /* the latest agreeing person of unknown gender */
    for (size_t i = A->nmen; i > 0; i--) {
        const mention *m = &A->men[i - 1];
        if (A->tok[p].s - A->tok[m->tok].s > PRON_MAX_BYTES ||
            (unknown != NONE && A->tok[p].s - A->tok[m->tok].s > PRON_KNOWN_BYTES))
            break;
        if (m->full == NONE) { /* a role or someone that names no one */
            uint32_t ng = person_noun(A, m->tok) & (G_M | G_F);
            if (ng && ng != g)
                continue; /* "A woman ... He said": not her */
            if (unknown == NONE)
                return NONE;
            break;
        }
        uint32_t mg = A->run[m->full].gender;
        if (mg == G_M + G_F)
            mg = 0;
        if (mg && mg != g)
            continue;
        /* "Mr. Weiner said ... his wife, Huma Abedin ... he told CNN": a
           close person whose gender the text shows beats a nearer one
           whose gender it does not */
        if (!mg && unknown == NONE && weak_mention(A, m)) {
            unknown = (uint32_t)i - 1;
            continue;
        }
        if (!mg && unknown != NONE)
            continue;
        if (!ambiguous(A, i - 1, g))
            return m->full;
        return m->sent != sent ? reporting_subject(A, i - 1, g) : NONE;
    }
    if (unknown == NONE)
        return object_referent(A, p, g);
    if (ambiguous(A, unknown, g))
        return NONE;
    uint32_t who = A->men[unknown].full;
    A->run[who].gender |= g;
    return who;
}

/* The index of the first mention at or after token p (A->nmen when
   none): the mentions are in text order. */
static size_t mentions_from(const qart *A, uint32_t p)
{
    size_t lo = 0, hi = A->nmen;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (A->men[mid].tok < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The person the subject pronoun at token p refers to (run index), or
   NONE: looked up among the mentions find_names built. */
static uint32_t resolve_pronoun(const qart *A, uint32_t p)
{
    size_t lo = mentions_from(A, p);
    if (lo < A->nmen && A->men[lo].tok == p)
        return A->men[lo].full;
    return NONE;
}

/* The office title word k names (the pack's number for it: "Rep." and
   "congressman" name one), 0 for none. */
static int32_t title_office(const qart *A, uint32_t k)
{
    size_t n = A->tok[k].e - A->tok[k].s;
    if (n && A->t[A->tok[k].e - 1] == '.')
        n--;
    const lang_word *w = lang_word_of(A->wt, A->t + A->tok[k].s, n);
    return w && (w->cls & LW_TITLE) ? w->val : 0;
}

/* The number of runs that start before token p (a binary search: runs
   are in text order). */
static size_t runs_before(const qart *A, uint32_t p)
{
    size_t lo = 0, hi = A->nrun;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (A->run[mid].t0 < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* "Democratic strategist James Carville attacked Obama. "...," the
   Clinton loyalist told ABC": a definite noun naming one person (a
   person noun of people.txt, or an office in lower case whose person
   the text titles no other way) stands for the
   person the text has just been about -- a definite description refers
   to an entity already in the discourse (Prince 1992), and in news the
   epithet renames the current subject.  The latest subject mention of a
   person before token p, within PRON_KNOWN_BYTES and agreeing with the
   noun's gender, when no other person is a subject from that mention's
   sentence on, no unnamed person ("a woman said") came between, and the
   noun's own sentence does not name that person after it; else NONE. */
static uint32_t epithet_referent(const qart *A, uint32_t p, uint32_t k)
{
    /* a person noun, not an office ("the chief justice asked Mr.
       Sellers": the justice is no one named before unless titled so,
       resolve_title_) */
    uint32_t pn = person_noun(A, k);
    int office = (A->tok[k].cls & WC_TITLE) != 0;
    if (!pn && !(office && !(A->tok[k].flags & F_CAP)))
        return NONE;
    /* "the", after at most four modifiers ("the Clinton loyalist"; not
       "a DOI official") */
    uint32_t d = k;
    while (d > 0 && k - d < 4 && A->tok[d - 1].kind == T_WORD &&
           !(A->tok[d - 1].cls & (WC_DEF | WC_VERB | WC_PREP | WC_FUNC | WC_PRON)))
        d--;
    if (d == 0 || !is_word(A, d - 1, WC_DEF) || is_word(A, d - 1, WC_INDEF))
        return NONE;
    /* "said a senior Democratic House aide ... the aide said": the noun
       brought in before with "a" is that unnamed one */
    uint64_t key = tok_key(A, k);
    /* (over the EPITHET_BACK tokens before it: the cost per quote stays
       bounded in an article of any length) */
    for (uint32_t q = d > EPITHET_BACK ? d - EPITHET_BACK : 0; q + 1 < d; q++)
        if (A->tok[q].kind == T_WORD && tok_key(A, q) == key && !(A->tok[q].flags & F_INQ))
            for (uint32_t b = q; b > 0 && q - b < 5 && A->tok[b - 1].kind == T_WORD; b--)
                if (is_word(A, b - 1, WC_INDEF))
                    return NONE;
    uint32_t g = pn & (G_M | G_F), who = NONE, sent = 0;
    for (size_t i = mentions_from(A, p); i > 0; i--) {
        const mention *m = &A->men[i - 1];
        if (A->tok[p].s - A->tok[m->tok].s > PRON_KNOWN_BYTES || (who != NONE && m->sent < sent))
            break;
        if (A->tok[m->tok].flags & F_INQ)
            continue;
        if (m->full == NONE)
            return who; /* someone unnamed: not past them */
        /* a name, not a pronoun's guess, and one the text shows to be a
           person's (a title, a role, a given name, a speech verb) */
        uint32_t mr = run_at(A, m->tok);
        /* one the text does not show to be a person's, nearer than any
           that it does ("Wyclef Jean's charity ... the rapper admitted"):
           not past them */
        if (who == NONE && !(A->tok[m->tok].cls & WC_PRON) &&
            (A->run[m->full].flags & (R_PERSON | R_WHO | R_ORG)) == R_PERSON &&
            A->run[m->full].ne - A->run[m->full].n0 >= 2)
            return NONE;
        if ((A->tok[m->tok].cls & WC_PRON) || !(A->run[m->full].flags & R_WHO) ||
            (A->run[m->full].flags & R_ORG) ||
            (mr != NONE && A->run[mr].t0 > 0 && is_word(A, A->run[mr].t0 - 1, WC_VERB) &&
             participle(A, A->run[mr].t0 - 1))) /* "telling FoxNews.com": told */
            continue;
        /* an office noun is not a person the text titles otherwise ("Dr
           Conrad Murray ... the judge"; his own title resolve_title_
           matched already) */
        uint32_t ti = A->run[m->full].title;
        if (office && ti != NONE && !(A->tok[ti].flags & F_INQ)) {
            const lang_word *tw =
                lang_word_of(A->wt, A->t + A->tok[ti].s, A->tok[ti].e - A->tok[ti].s);
            if (!tw || !(tw->tags & LT_HONOR) || !(tw->tags & (LT_M | LT_F)))
                continue; /* not "Mr.", "Mrs.", "Ms." */
        }
        uint32_t mg = A->run[m->full].gender;
        if (mg == G_M + G_F)
            mg = 0;
        if (g && mg && mg != g)
            continue;
        if (who == NONE) {
            who = m->full;
            sent = m->sent;
        } else if (A->run[m->full].full != A->run[who].full)
            return NONE; /* two people: which one is meant? */
    }
    /* "The chief justice also asked Mr. Sellers": one named after the
       noun in its own sentence is someone else */
    uint32_t e = k; /* the sentence's end (40 tokens at most) */
    while (e < A->nt && e - k < 40 && A->tok[e].kind != T_STOP && A->tok[e].kind != T_NL)
        e++;
    for (size_t i = runs_before(A, k + 1); who != NONE && i < A->nrun; i++) {
        const qrun *q = &A->run[i];
        if (q->t0 > e || A->tok[q->t0].s > A->tok[k].s + 400)
            break;
        if ((q->flags & R_PERSON) && A->run[q->full].full == A->run[who].full)
            return NONE;
    }
    return who;
}

/* "the minister added": the last person before token p whose title
   matches the noun at token k ("Gov." for "governor", "Rep." for
   "congressman"), or NONE; failing that, the person an epithet stands
   for (epithet_referent). */
static uint32_t resolve_title_(const qart *A, uint32_t p, uint32_t k, int *titled);
static uint32_t resolve_title(const qart *A, uint32_t p, uint32_t k)
{
    if (mention_plural_ending(A->t + A->tok[k].s, A->tok[k].e - A->tok[k].s))
        return NONE; /* "the senators said": several */
    int titled = 0;
    uint32_t r = resolve_title_(A, p, k, &titled);
    /* (not when people titled so are there but none is the one:
       "Gov. Deval Patrick", "Gov. Nikki R. Haley", "the governor") */
    return r != NONE || titled ? r : epithet_referent(A, p, k);
}

/* *titled: set when a person with a matching title is met at all. */
static uint32_t resolve_title_(const qart *A, uint32_t p, uint32_t k, int *titled)
{
    /* (a title's noun only: "Rep." is no "reporter") */
    if (!(A->tok[k].cls & WC_TITLE))
        return NONE;
    const char *noun = A->t + A->tok[k].s;
    size_t nl = A->tok[k].e - A->tok[k].s;
    int32_t office = title_office(A, k);
    uint32_t r = NONE;
    size_t lo = runs_before(A, p);
    /* further back than PRON_MAX_BYTES, only the one person with that
       title ("President Obama" at the top of a long article, "the
       president said" near its end) */
    uint32_t far = NONE;
    for (size_t i = lo, steps = 0; i > 0 && steps < 256; i--, steps++) {
        const qrun *q = &A->run[i - 1];
        int near = A->tok[p].s - A->tok[q->t0].s <= PRON_MAX_BYTES;
        if (!(q->flags & R_PERSON) || (q->flags & R_INQ) || q->title == NONE)
            continue;
        /* "Vice President Mike Pence" is not "the president": a title
           word before the title must stand before the noun too */
        if (q->title > q->t0 && (A->tok[q->title - 1].cls & WC_TITLE) &&
            (k == 0 || tok_key(A, k - 1) != tok_key(A, q->title - 1)))
            continue;
        const char *ti = A->t + A->tok[q->title].s;
        size_t tl = A->tok[q->title].e - A->tok[q->title].s;
        if (tl && ti[tl - 1] == '.')
            tl--;
        size_t m = tl < nl ? tl : nl;
        size_t j = 0;
        while (j < m && (ti[j] | 32) == (noun[j] | 32))
            j++;
        if ((m >= 3 && j == m) || (office && title_office(A, q->title) == office)) {
            *titled = 1;
            /* "President Obama" keyed to another Obama's full name
               ("Sasha Obama"): the titled form itself */
            r = q->ne - q->n0 >= 2 ? q->full : (uint32_t)(i - 1);
            if (near)
                return r;
            if (far != NONE && A->run[far].full != A->run[r].full)
                return NONE; /* two people with that title */
            far = r;
        }
    }
    return far;
}

/* ---- attribution ---------------------------------------------------------- */

static attrib no_attrib(void)
{
    return (attrib){NONE, NULL, 0, 0, 0, 0, 0};
}

static attrib verb_cue(const qart *A, uint32_t k, uint32_t who, uint32_t end)
{
    return (attrib){who, A->t + A->tok[k].s, A->tok[k].e - A->tok[k].s, end, 0, 0, 0};
}

/* A person run stands for its fullest form. */
static uint32_t who_of(const qart *A, uint32_t r)
{
    return r != NONE && (A->run[r].flags & R_PERSON) ? A->run[r].full : r;
}

/* The first token at or after k that is not part of the attribution
   window after a closing mark (line break, another quote mark, or WINDOW_TOKENS
   on). */
static uint32_t after_limit(const qart *A, uint32_t k)
{
    uint32_t lim = k;
    while (lim < A->nt && lim - k < WINDOW_TOKENS) {
        uint8_t kd = A->tok[lim].kind;
        if (kd == T_NL || kd == T_OPEN || kd == T_CLOSE || kd == T_STRAIGHT)
            break;
        lim++;
    }
    return lim;
}

/* The subject noun phrase of a speech verb after a quote, read whole when
   the cases above found none: tokens [j, lim), words only (a comma right
   before the verb is allowed), up to a lower-case speech verb.  The
   person who heads it, followed by nothing or by a preposition and a
   name ("the company's chief security officer Joe Sullivan said", "Rev.
   John Hopping of Our Lady of Grace, told"); not one after a preposition
   ("the lawyer for John Smith said" is the lawyer's).  Else a document
   of a named body or person ("FreedomWorks' website said", "the
   Washington Post report said"): its author.  Not in a new sentence. */
#define NP_ATTR_TOKENS 14
static int rel_neuter(const qart *A, uint32_t k);
static attrib np_attr(const qart *A, uint32_t j, uint32_t lim)
{
    uint32_t v = j, rel = NONE, skipped = 0;
    if (j < lim && (A->tok[j].flags & F_SSTART))
        return no_attrib(); /* a new sentence: "... veteran." The Weekly reported" */
    for (; v < lim && v - j - skipped < NP_ATTR_TOKENS; v++) {
        const qtok *t = &A->tok[v];
        if (t->kind == T_WORD && (t->cls & WC_VERB) && !(t->flags & (F_CAP | F_INQ)))
            break;
        /* "BP PLC managing director Bob Dudley, who has taken over the
           company's spill operations, said": a relative clause in commas
           after the name, then the verb */
        if (t->kind == T_COMMA && rel == NONE && v > j && v + 2 < lim && is_word(A, v + 1, WC_REL) &&
            !rel_neuter(A, v + 1) && !(A->tok[v + 1].flags & (F_CAP | F_INQ))) {
            uint32_t q = v + 2;
            while (q < lim && q - v < 20 && A->tok[q].kind != T_COMMA &&
                   A->tok[q].kind != T_STOP && A->tok[q].kind != T_NL &&
                   A->tok[q].mark == MK_NONE && !(A->tok[q].flags & F_INQ) &&
                   !(A->tok[q].kind == T_WORD && (A->tok[q].cls & WC_VERB)))
                q++;
            if (q + 1 < lim && A->tok[q].kind == T_COMMA && is_word(A, q + 1, WC_VERB) &&
                !(A->tok[q + 1].flags & (F_CAP | F_INQ))) {
                rel = v;
                skipped = q - v;
                v = q;
                continue;
            }
        }
        if (t->kind == T_COMMA && v > j && v + 1 < lim && is_word(A, v + 1, WC_VERB) &&
            !(A->tok[v + 1].flags & F_CAP))
            continue;
        if (t->kind != T_WORD || (t->cls & (WC_PRON | WC_VPRE)) || (t->flags & F_INQ))
            return no_attrib();
    }
    if (v >= lim || v == j || v - j - skipped >= NP_ATTR_TOKENS)
        return no_attrib();
    uint32_t e = rel != NONE ? rel : A->tok[v - 1].kind == T_COMMA ? v - 1 : v;
    for (uint32_t k = j; k < e; k++) {
        uint32_t r = named_run_starting(A, k);
        if (r == NONE)
            continue;
        const qrun *q = &A->run[r];
        k = q->t1 - 1;
        if (!(q->flags & R_PERSON) || (q->flags & (R_POSS | R_PREP)) || q->t1 > e)
            continue;
        uint32_t f = q->t1;
        if (f < e && is_word(A, f, WC_PREP) && !(A->tok[f].flags & F_CAP)) {
            uint32_t g = f + 1;
            while (g < e && A->tok[g].kind == T_WORD &&
                   ((A->tok[g].flags & F_CAP) || (A->tok[g].cls & (WC_FUNC | WC_PREP))))
                g++;
            if (g == e && (A->tok[f + 1].flags & F_CAP))
                f = e;
        }
        if (f == e)
            return verb_cue(A, v, q->full, v + 1);
    }
    if (e >= j + 2 && is_word(A, e - 1, WC_STMT) && !(A->tok[e - 1].flags & F_CAP)) {
        uint32_t r = run_at(A, e - 2);
        if (r != NONE && A->run[r].t1 == e - 1 && (A->run[r].flags & R_NAMED) &&
            !(A->run[r].flags & (R_INQ | R_PREP)))
            return verb_cue(A, v, who_of(A, r), v + 1);
    }
    return no_attrib();
}

/* ---- documents and bodies as speakers --------------------------------- */

static int coordinated(const qart *A, uint32_t who, uint32_t c, uint32_t w0);
static uint32_t subject_before(const qart *A, uint32_t c, uint32_t w0);
static int body_participle_subject(const qart *A, uint32_t r, uint32_t c, uint32_t w0);

/* The kind of the document noun at token k: its number in the pack's
   statement.txt (the words of one kind share one: "lawsuit", "suit"),
   else the word itself. */
static uint64_t doc_kind(const qart *A, uint32_t k)
{
    const lang_word *w = lang_word_of(A->wt, A->t + A->tok[k].s, A->tok[k].e - A->tok[k].s);
    return w && w->val > 0 ? (uint64_t)w->val << 1 : tok_key(A, k);
}

/* Does token k open a clause: the sentence's first token, or one after a
   comma or after a quote that closes on a comma ("Calling it an "...,"
   the committee filed")? */
static int opens_clause(const qart *A, uint32_t k, uint32_t s0)
{
    if (k == s0)
        return 1;
    unsigned p = A->tok[k - 1].kind;
    return p == T_COMMA ||
           ((p == T_CLOSE || p == T_STRAIGHT) && k >= 2 && A->tok[k - 2].kind == T_COMMA);
}

/* "a statement from House Judiciary Chairman Bob Goodlatte, House
   Oversight Chairman Trey Gowdy, and ...": is run r the first of a list
   of names (commas, names, titles, then a conjunction and a name)?
   Then the document is the group's and names no one of them. */
static int listed(const qart *A, uint32_t r)
{
    for (uint32_t k = A->run[r].t1; k < A->nt && k - A->run[r].t1 < 40; k++) {
        const qtok *t = &A->tok[k];
        if (is_sep(A, k) || (t->kind == T_STOP && is_sep(A, k + 1))) /* "R-Va.," */
            continue;
        if (t->kind != T_WORD || (t->flags & F_INQ))
            return 0;
        if ((t->cls & WC_CONJ) && !(t->flags & F_CAP)) {
            for (uint32_t q = k + 1; q < A->nt && q - k <= 5; q++) {
                if (named_run_starting(A, q) != NONE)
                    return 1;
                if (A->tok[q].kind != T_WORD || !(A->tok[q].cls & (WC_TITLE | WC_DEF)))
                    return 0;
            }
            return 0;
        }
        if (!(t->flags & F_CAP) && !(t->cls & WC_TITLE) && run_at(A, k) == NONE)
            return 0;
    }
    return 0;
}

/* The author a document names by run r after "from" or "by": "a
   statement from Reid's office" (his); "from Grimm's attorney, William
   McGinley" (the one named after the role); "from the senator's staff"
   (no one named); "from X, Y and Z" (a group: no one); else r's. */
static uint32_t agent_of(const qart *A, uint32_t r)
{
    if (!(A->run[r].flags & R_POSS))
        return listed(A, r) ? NONE : who_of(A, r);
    uint32_t f = A->run[r].t1;
    if (is_word(A, f, WC_STMT))
        return who_of(A, r);
    while (f < A->nt && f - A->run[r].t1 < 4 && A->tok[f].kind == T_WORD &&
           !(A->tok[f].flags & (F_CAP | F_INQ)) &&
           !(A->tok[f].cls & (WC_VERB | WC_VPRE | WC_PREP | WC_FUNC | WC_DEF)))
        f++;
    uint32_t p = f + 1 < A->nt && A->tok[f].kind == T_COMMA ? named_run_starting(A, f + 1) : NONE;
    return p != NONE && (A->run[p].flags & R_PERSON) ? who_of(A, p) : NONE;
}

/* Who wrote the document that token m names, as this mention tells it:
   "a statement from X", "a lawsuit by X" (right after the noun); "X's
   announcement" (a possessive up to two words before it); else the
   subject of the clause it stands in -- "X filed a lawsuit", "In a
   statement published by Y, X promised", "Calling it "...," X filed the
   suit", "He said in a statement" -- a person or a body named where a
   clause opens, an article and role words before it.  1 when the mention
   decides (*who NONE: a group, "X and Y filed"), 0 when it names no
   author ("The suit amounts to ..."). */
static int doc_mention_author(const qart *A, uint32_t m, uint32_t *who)
{
    uint32_t r = m + 2 < A->nt && is_word(A, m + 1, WC_AGENT) ? named_run_starting(A, m + 2) : NONE;
    if (r != NONE) {
        *who = agent_of(A, r);
        return 1;
    }
    /* the noun phrase: back over its modifiers to its first word b */
    uint32_t b = m;
    while (b > 0 && m - b < 4) {
        const qtok *t = &A->tok[b - 1];
        if (t->kind != T_WORD || (t->flags & F_INQ))
            break;
        uint32_t q = run_at(A, b - 1);
        if (q != NONE && A->run[q].t1 == b) {
            /* "X's announcement", "the Congressional Research Service
               report": a name before the noun; not "Friday's" */
            if (!(A->run[q].flags & R_NAMED) || is_word(A, b - 1, WC_DAY) ||
                (A->run[q].flags & R_INQ))
                return 0;
            *who = who_of(A, q);
            return 1;
        }
        if (t->cls & (WC_DEF | WC_OBJPRON)) {
            b--;
            break;
        }
        if ((t->flags & F_CAP) || (t->cls & (WC_FUNC | WC_VERB | WC_VPRE | WC_PREP | WC_PRON)))
            break;
        b--;
    }
    /* the clause's subject wrote it only when the phrase is the object
       of a verb of authorship before it (the pack's verbs.txt tag author:
       "filed a lawsuit", "made the announcement") or follows "in" opening
       the sentence or after a speech verb ("said in a statement"); not
       "according to the trustees report", "calling the suit "good news"" */
    if (b == 0 || b == m)
        return 0;
    const qtok *pv = &A->tok[b - 1];
    if (pv->kind != T_WORD || (pv->flags & (F_INQ | F_NUM)))
        return 0;
    uint32_t verb = NONE; /* the verb whose subject wrote it */
    if (pv->cls & WC_PREP) {
        uint32_t v = adv_back(A, b - 1, 0);
        if (v > 0 && is_word(A, v - 1, WC_VERB) && !(A->tok[v - 1].flags & F_INQ))
            verb = v - 1;
        else if (!(pv->flags & F_SSTART))
            return 0;
    } else if (pv->cls & WC_AUTHOR)
        verb = b - 1;
    else
        return 0;
    /* the sentence, and where its subject may stand */
    uint32_t s0 = m;
    while (s0 > 0 && m - s0 < WINDOW_TOKENS && !(A->tok[s0].flags & F_SSTART) &&
           A->tok[s0 - 1].kind != T_NL)
        s0--;
    if (verb != NONE && verb > s0) {
        /* the verb's subject, as for a speech verb ("the US military
           said in a statement", "The committee on Friday filed") */
        uint32_t sb = subject_before(A, verb, s0);
        if (sb != NONE) {
            *who = coordinated(A, sb, verb, s0) ? NONE : sb;
            return 1;
        }
        if (!(pv->cls & WC_AUTHOR))
            return 0;
    }
    uint32_t from = s0, to = verb != NONE ? verb : m;
    if (is_word(A, s0, WC_PREP) && (A->tok[s0].flags & F_CAP)) {
        /* "In a statement ..., X said": the document in the opening phrase */
        uint32_t c = m + 1;
        while (c < A->nt && c - m < 24 && A->tok[c].kind != T_COMMA && A->tok[c].kind != T_STOP &&
               A->tok[c].kind != T_NL && !is_word(A, c, WC_VERB | WC_VPRE))
            c++;
        if (c < A->nt && A->tok[c].kind == T_COMMA) {
            from = c + 1;
            to = c + 16 < A->nt ? c + 16 : (uint32_t)A->nt;
        }
    }
    for (uint32_t k = from; k < to; k++) {
        const qtok *tk = &A->tok[k];
        if (tk->kind != T_WORD || (tk->flags & F_INQ) || !opens_clause(A, k, from))
            continue;
        if (tk->cls & WC_PRON) {
            *who = resolve_pronoun(A, k);
            return *who != NONE;
        }
        /* an article and role words before the name ("the state-run
           Korean Central News Agency", "North Korean dictator Kim Jong Un") */
        uint32_t e = k;
        while (e < to && e - k < 6 && A->tok[e].kind == T_WORD && !(A->tok[e].flags & F_INQ) &&
               run_at(A, e) == NONE && !(A->tok[e].flags & F_CAP) &&
               !(A->tok[e].cls & (WC_VERB | WC_VPRE | WC_PREP | WC_PRON | WC_STMT)))
            e++;
        uint32_t q = e < to ? run_at(A, e) : NONE;
        /* a name modifying a role noun before the person: "North Korean
           dictator Kim Jong Un" */
        if (q != NONE && A->run[q].t0 == e && !(A->run[q].flags & (R_PERSON | R_POSS))) {
            uint32_t f = A->run[q].t1;
            while (f < to && f - A->run[q].t1 < 3 && A->tok[f].kind == T_WORD &&
                   !(A->tok[f].flags & (F_CAP | F_INQ)) &&
                   !(A->tok[f].cls & (WC_VERB | WC_VPRE | WC_PREP | WC_FUNC | WC_DEF | WC_STMT)))
                f++;
            uint32_t p = f > A->run[q].t1 ? named_run_starting(A, f) : NONE;
            if (p != NONE && (A->run[p].flags & R_PERSON))
                q = p;
        }
        if (q == NONE || A->run[q].t0 < e || !(A->run[q].flags & R_NAMED) ||
            (A->run[q].flags & (R_POSS | R_PREP | R_INQ)) || modifier(A, &A->run[q]) ||
            A->run[q].t1 > to)
            continue;
        *who = coordinated(A, q, to, k) ? NONE : who_of(A, q);
        return 1;
    }
    return 0;
}

#define DOC_BACK_TOKENS 6000 /* how far back a document's author is looked for */
#define DOC_MENTIONS 16      /* ... over at most this many mentions of it  */

/* "the statement said", "the lawsuit alleges": the author of the
   document of the noun at token d, from the latest earlier mention of a
   document of its kind that names one (doc_mention_author), or NONE. */
static uint32_t doc_author(const qart *A, uint32_t d)
{
    uint64_t kind = doc_kind(A, d);
    int seen = 0;
    for (uint32_t m = d; m > 0 && d - m < DOC_BACK_TOKENS && seen < DOC_MENTIONS;) {
        m--;
        const qtok *t = &A->tok[m];
        if (t->kind != T_WORD || !(t->cls & WC_STMT) || (t->flags & F_INQ) || doc_kind(A, m) != kind)
            continue;
        seen++;
        uint32_t who;
        if (doc_mention_author(A, m, &who))
            return who;
    }
    return NONE;
}

/* "the agency added", "the committee accuses": the latest body named
   before token p (among the 256 names before it) whose name ends in the
   noun at token k ("the Korean Central News Agency"), or NONE. */
static uint32_t resolve_body(const qart *A, uint32_t p, uint32_t k)
{
    uint64_t key = tok_key(A, k);
    uint32_t r = run_at(A, p);
    size_t i = r != NONE ? r : runs_before(A, p);
    for (size_t steps = 0; i > 0 && steps < 256; i--, steps++) {
        const qrun *q = &A->run[i - 1];
        if (q->t0 >= p || !(q->flags & R_NAMED) || (q->flags & (R_PERSON | R_INQ)) || q->ne <= q->n0)
            continue;
        if (tok_key(A, q->ne - 1) == key)
            return (uint32_t)(i - 1);
    }
    return NONE;
}

/* "BP filed its plan in February. The company said "...": a noun many
   bodies share (org.txt's generic: company, agency, group) after "the"
   stands for the organisation named last before token p -- the body's
   epithet, as epithet_referent's for a person -- within PRON_MAX_BYTES;
   NONE when another is named in that one's sentence. */
static uint32_t org_referent(const qart *A, uint32_t p, uint32_t k)
{
    const lang_word *w = lang_word_of(A->wt, A->t + A->tok[k].s, A->tok[k].e - A->tok[k].s);
    if (!w || !(w->tags & LT_GENERIC) || k == 0 || !is_word(A, k - 1, WC_DEF) ||
        is_word(A, k - 1, WC_INDEF))
        return NONE;
    uint32_t who = NONE;
    uint64_t wk = 0;
    for (size_t i = runs_before(A, p), steps = 0; i > 0 && steps < 256; i--, steps++) {
        const qrun *q = &A->run[i - 1];
        size_t d = A->tok[p].s - A->tok[q->t0].s;
        if (d > PRON_MAX_BYTES || (who != NONE && q->sent != A->run[who].sent))
            break;
        if ((q->flags & (R_NAMED | R_ORG)) != (R_NAMED | R_ORG) ||
            (q->flags & (R_PERSON | R_PLACE | R_INQ | R_NOUN)) || q->ne <= q->n0)
            continue;
        uint64_t key = name_key(A, q);
        if (who == NONE) {
            who = (uint32_t)(i - 1);
            wk = key;
        } else if (key != wk) {
            return NONE; /* two bodies: which one? */
        }
    }
    return who;
}

/* The one a definite noun at token k, before token p, speaks for: a
   role's person ("the minister added"), a document's author ("the
   statement said"), a body by the last word of its name ("the agency
   added"); NONE when it names none of them. */
static uint32_t noun_speaker(const qart *A, uint32_t p, uint32_t k)
{
    const qtok *t = &A->tok[k];
    uint32_t who = resolve_title(A, p, k);
    if (who != NONE || t->kind != T_WORD || (t->flags & (F_CAP | F_INQ)))
        return who;
    if (t->cls & WC_STMT)
        who = doc_author(A, k);
    if (who == NONE && (t->cls & WC_ORG) && !(t->cls & WC_PLACE))
        who = resolve_body(A, p, k);
    if (who == NONE && (t->cls & WC_ORG) && !(t->cls & WC_PLACE))
        who = org_referent(A, p, k);
    return who;
}

/* "The agency said ... It also said": "it" before a speech verb at
   token p is the body or the document that is the subject of one of the
   three sentences before it (a name opening the sentence, an article
   before it, not a person's; a document's author, doc_author); a person
   opening one first, or none of them, gives NONE. */
static uint32_t it_referent(const qart *A, uint32_t p)
{
    uint32_t k = p, sents = 0;
    while (k > 0 && sents < 3 && A->tok[p].s - A->tok[k].s <= PRON_MAX_BYTES) {
        k--;
        if (!(A->tok[k].flags & F_SSTART) && !(k > 0 && A->tok[k - 1].kind == T_NL))
            continue;
        if (A->tok[k].kind != T_WORD || (A->tok[k].flags & F_INQ))
            continue;
        sents++;
        uint32_t e = k + (uint32_t)(is_word(A, k, WC_DEF) && !is_word(A, k, WC_INDEF));
        uint32_t r = run_at(A, e);
        if (r != NONE && A->run[r].t0 <= e && !(A->run[r].flags & (R_POSS | R_INQ))) {
            if (A->run[r].flags & R_PERSON)
                return NONE;
            if ((A->run[r].flags & R_NAMED) && !modifier(A, &A->run[r]))
                return r;
            continue;
        }
        if (e > k && is_word(A, e, WC_STMT) && !(A->tok[e].flags & (F_CAP | F_INQ)))
            return doc_author(A, e);
        if (is_word(A, k, WC_PRON))
            return NONE; /* "He said": a person */
    }
    return NONE;
}

/* Is the attribution after closing mark ct a pronoun's ("...," he said;
   "...," said she)? */
static int pronoun_after(const qart *A, uint32_t ct)
{
    uint32_t j = ct + 1;
    if (j < A->nt && (A->tok[j].kind == T_COMMA || A->tok[j].kind == T_DASH))
        j++;
    if (j < A->nt && is_word(A, j, WC_PRON))
        return 1;
    return j + 1 < A->nt && is_word(A, j, WC_VERB) && !(A->tok[j].flags & F_CAP) &&
           is_word(A, j + 1, WC_PRON);
}

/* Attribution right after a closing mark: tokens [j, lim). */
/* "a statement from", "a joint statement by": an article at token k, up
   to two lower-case words, a document's noun and "from" or "by"; the
   token of "from", or NONE. */
static uint32_t stmt_from(const qart *A, uint32_t k)
{
    if (!is_word(A, k, WC_DEF) || (A->tok[k].flags & F_INQ))
        return NONE;
    for (uint32_t d = k + 1; d < A->nt && d - k <= 3; d++) {
        const qtok *t = &A->tok[d];
        if (t->kind != T_WORD || (t->flags & (F_CAP | F_INQ)))
            return NONE;
        if (t->cls & WC_STMT)
            return is_word(A, d + 1, WC_AGENT) ? d + 1 : NONE;
        if (t->cls)
            return NONE;
    }
    return NONE;
}

static attrib after_attr_(const qart *A, uint32_t j, uint32_t lim);

/* May run r be the one "X quoted r as saying" names: a person, or a body
   ("the Associated Press reported Transocean as saying"), not a place
   nor a possessive? */
static int speaks_as(const qart *A, uint32_t r)
{
    const qrun *q = &A->run[r];
    return (q->flags & R_NAMED) && !(q->flags & (R_POSS | R_PLACE | R_INQ)) &&
           !is_word(A, q->t1 - 1, WC_PLACE | WC_PLACENAME);
}

/* The attribution after a quote (after_attr_), and then ", quoting X":
   the words are X's, a person named there ("the Korean Central News
   Agency said, quoting Mr. Kim"). */
static attrib after_attr(const qart *A, uint32_t j, uint32_t lim)
{
    attrib a = after_attr_(A, j, lim);
    uint32_t e = a.end;
    /* "..., Interfax quoted Lavrov as saying": a person after the verb,
       then a word and a speech verb's participle, is the one who spoke */
    if (a.cue && !a.weak && e + 2 < lim && e > 0 && is_word(A, e - 1, WC_VERB)) {
        uint32_t r = named_run_starting(A, e);
        if (r != NONE && speaks_as(A, r) && A->run[r].t1 + 1 < lim && is_tok(A, A->run[r].t1, T_WORD) &&
            !(A->tok[A->run[r].t1].flags & F_CAP) && is_word(A, A->run[r].t1 + 1, WC_VERB) &&
            participle(A, A->run[r].t1 + 1)) {
            a.who = who_of(A, r);
            a.end = A->run[r].t1 + 2;
            a.unnamed = 0;
            return a;
        }
    }
    if (!a.cue || a.weak || e + 2 >= lim || !is_tok(A, e, T_COMMA) || !is_word(A, e + 1, WC_QUOTING))
        return a;
    uint32_t r = named_run_starting(A, e + 2);
    if (r != NONE && (A->run[r].flags & R_PERSON) && !(A->run[r].flags & R_POSS)) {
        a.who = who_of(A, r);
        a.end = A->run[r].t1;
        a.unnamed = 0;
    }
    return a;
}

static attrib after_attr_(const qart *A, uint32_t j, uint32_t lim)
{
    if (j < lim && (A->tok[j].kind == T_COMMA || A->tok[j].kind == T_DASH))
        j++;
    if (j >= lim || A->tok[j].kind != T_WORD)
        return no_attrib();
    /* "», ha dicho el ministro", "», a déclaré X", "», ha detto X": an
       auxiliary (the pack's adverbs) before the inverted verb */
    uint32_t jv = skip_adv(A, j, lim, 2);
    if (jv > j && is_word(A, jv, WC_VERB) && !(A->tok[jv].flags & F_CAP) &&
        named_run_starting(A, j) == NONE) /* not ""...," May said" */
        j = jv;
    unsigned c = A->tok[j].cls;
    /* "according to X" ("según X": the preposition is optional) */
    uint32_t ja = j + 1 + (uint32_t)is_word(A, j + 1, WC_PREP);
    if ((c & WC_ACC) && ja < lim) {
        uint32_t r = named_run_starting(A, ja);
        attrib a = {who_of(A, r), "according to", 12, r != NONE ? A->run[r].t1 : j + 2, 1, 0, 0};
        return a;
    }
    if (c & WC_PRON) {
        uint32_t k = skip_adv(A, j + 1, lim, 2);
        if (k < lim && is_word(A, k, WC_VERB))
            return verb_cue(A, k, resolve_pronoun(A, j), k + 1);
        return no_attrib();
    }
    if (c & WC_IT) {
        /* "...," it said: a body or a document */
        uint32_t k = skip_adv(A, j + 1, lim, 2);
        if (k < lim && is_word(A, k, WC_VERB) && !(A->tok[k].flags & F_CAP))
            return verb_cue(A, k, it_referent(A, j), k + 1);
        if (!(c & WC_OBJPRON))
            return no_attrib();
        /* "its principal scientist Dr John Wood explained": a role of
           the body, then the person (np_attr below) */
    }
    if ((c & WC_VERB) && !(A->tok[j].flags & F_CAP)) {
        uint32_t k = j + 1, who = NONE, end = j + 1, sf;
        uint32_t r = k < lim ? named_run_starting(A, k) : NONE;
        if (r == NONE && k < lim && !is_word(A, k, WC_PRON)) {
            /* "said senior adviser David Axelrod", "said the legislator,
               Representative Carl Seel" */
            uint32_t q = k;
            /* (role words: not "adding that while Comey "..."", whose
               name is in a clause of its own) */
            /* (and the hyphens of "61 - year - old", text split at
               every hyphen) */
            /* (or "says their spokeswoman, Gloria Huang": a possessive
               determiner first) */
            while (q < lim && q - k < 8 &&
                   ((A->tok[q].kind == T_WORD && !(A->tok[q].flags & F_CAP) &&
                     !(A->tok[q].cls & (WC_VERB | WC_PREP | WC_DEM | WC_REL | WC_CONJ)) &&
                     (!((A->tok[q].cls & WC_FUNC) && !(A->tok[q].cls & WC_DEF)) ||
                      (q == k && (A->tok[q].cls & WC_OBJPRON) && !(A->tok[q].cls & WC_PRON)))) ||
                    (A->tok[q].kind == T_DASH && q > k && A->tok[q - 1].e == A->tok[q].s - 1 &&
                     q + 1 < lim && A->tok[q + 1].s == A->tok[q].e + 1 &&
                     A->tok[q + 1].kind == T_WORD && !(A->tok[q + 1].flags & F_CAP))))
                q++;
            if (q > k && q < lim && A->tok[q].kind == T_COMMA)
                q++;
            uint32_t r2 = q > k && q < lim ? named_run_starting(A, q) : NONE;
            if (r2 != NONE && (A->run[r2].flags & R_PERSON))
                r = r2;
            /* "dijo ayer el ministro de Exteriores de Rusia, Sergéi
               Lavrov": a role phrase with names in it, then the person */
            q = skip_adv(A, k, lim, 2);
            if (r == NONE && is_word(A, q, WC_DEF) &&
                stmt_from(A, q) == NONE) {
                uint32_t e = q + 1;
                while (e < lim && e - q < 14 && A->tok[e].kind == T_WORD &&
                       !(A->tok[e].cls & (WC_VERB | WC_VPRE | WC_PRON)))
                    e++;
                r2 = e + 1 < lim && A->tok[e].kind == T_COMMA ? named_run_starting(A, e + 1) : NONE;
                if (r2 != NONE && (A->run[r2].flags & R_PERSON))
                    r = r2;
            }
        }
        /* "said Secretary of the Interior Dirk Kempthorne": a title and
           its office, then the person */
        if ((r == NONE || !(A->run[r].flags & R_PERSON)) && k < lim && is_word(A, k, WC_TITLE) &&
            (A->tok[k].flags & F_CAP) && is_word(A, k + 1, WC_PREP)) {
            for (uint32_t q = k + 2; q < lim && q - k < 9 && A->tok[q].kind == T_WORD &&
                                     ((A->tok[q].flags & F_CAP) || is_word(A, q, WC_DEF | WC_PREP));
                 q++) {
                uint32_t r2 = (A->tok[q].flags & F_CAP) ? named_run_starting(A, q) : NONE;
                if (r2 != NONE && (A->run[r2].flags & R_PERSON)) {
                    r = r2;
                    break;
                }
            }
        }
        /* "said Obama campaign manager Jim Messina": a name that
           modifies a role noun (lower-case words, no verb, preposition
           or function word) before the person who speaks */
        if (r != NONE && !(A->run[r].flags & R_POSS)) {
            uint32_t q = A->run[r].t1;
            while (q < lim && q - A->run[r].t1 < 3 && A->tok[q].kind == T_WORD &&
                   !(A->tok[q].flags & F_CAP) &&
                   !(A->tok[q].cls & (WC_VERB | WC_VPRE | WC_PREP | WC_FUNC | WC_PRON)))
                q++;
            uint32_t r2 = q > A->run[r].t1 && q < lim ? named_run_starting(A, q) : NONE;
            if (r2 != NONE && (A->run[r2].flags & R_PERSON))
                r = r2;
        }
        if (r != NONE) {
            who = who_of(A, r);
            end = A->run[r].t1;
        } else if (is_word(A, k, WC_PRON)) {
            who = resolve_pronoun(A, k);
            end = k + 1;
        } else if ((sf = stmt_from(A, k)) != NONE && (r = named_run_starting(A, sf + 1)) != NONE) {
            /* "reads a statement from Senate Majority Leader Harry Reid's
               office"; "said a statement from X, Y and Z": the three's */
            who = agent_of(A, r);
            end = A->run[r].t1;
        } else if (is_word(A, k, WC_DEF) && k + 1 < lim && A->tok[k + 1].kind == T_WORD &&
                   /* not "said an administration official", "said the
                      agency spokesman": no one named, the body only
                      modifies the person's noun */
                   !is_word(A, k, WC_INDEF) &&
                   !(k + 2 < lim && A->tok[k + 2].kind == T_WORD &&
                     !(A->tok[k + 2].flags & F_CAP) &&
                     (person_noun(A, k + 2) || is_word(A, k + 2, WC_TITLE)))) {
            who = noun_speaker(A, j, k + 1);
            end = k + 2;
            /* "writes the Associated Press.": a body named whole after
               the article, the sentence ending there */
            uint32_t rb = who == NONE ? named_run_starting(A, k + 1) : NONE;
            if (rb != NONE && !(A->run[rb].flags & (R_PERSON | R_POSS)) &&
                (A->run[rb].t1 >= lim || A->tok[A->run[rb].t1].kind == T_STOP ||
                 A->tok[A->run[rb].t1].kind == T_COMMA)) {
                who = rb;
                end = A->run[rb].t1;
            }
        }
        return verb_cue(A, j, who, end);
    }
    /* "the White House press secretary, Sarah Huckabee Sanders, said":
       a role phrase, the person in commas, the verb */
    /* ... or after a possessive: "Obama's current campaign press
       secretary, Ben LaBolt, said" */
    uint32_t rposs = (c & WC_DEF) ? NONE : named_run_starting(A, j);
    if ((c & WC_DEF) || (rposs != NONE && (A->run[rposs].flags & R_POSS))) {
        uint32_t e = (c & WC_DEF) ? j + 1 : A->run[rposs].t1;
        while (e < lim && e - j < 10 && A->tok[e].kind == T_WORD &&
               !(A->tok[e].cls & (WC_VERB | WC_VPRE | WC_PRON)))
            e++;
        uint32_t r = e + 1 < lim && A->tok[e].kind == T_COMMA ? named_run_starting(A, e + 1) : NONE;
        if (r != NONE && (A->run[r].flags & R_PERSON) && is_tok(A, A->run[r].t1, T_COMMA)) {
            uint32_t v = skip_adv(A, A->run[r].t1 + 1, lim, 2);
            if (v < lim && is_word(A, v, WC_VERB) && !(A->tok[v].flags & F_CAP))
                return verb_cue(A, v, who_of(A, r), v + 1);
        }
    }
    /* "the NAACP President Benjamin Todd Jealous said" */
    uint32_t r = named_run_starting(A, j + ((c & WC_DEF) && j + 1 < lim));
    /* "Oversight and Government Reform Committee spokesman Ali Ahmad
       said": a body's name with lower-case joiners, a role word, the
       person, the verb */
    if ((r == NONE || !(A->run[r].flags & R_PERSON)) && (A->tok[j].flags & F_CAP)) {
        uint32_t q = j;
        while (q < lim && q - j < 10 && A->tok[q].kind == T_WORD &&
               ((A->tok[q].flags & F_CAP) || is_word(A, q, WC_FUNC)) && !is_word(A, q, WC_VERB))
            q++;
        uint32_t t = q;
        while (t < lim && t - q < 3 && is_word(A, t, WC_TITLE) && !(A->tok[t].flags & F_CAP))
            t++;
        uint32_t r2 = t > q ? named_run_starting(A, t) : NONE;
        if (r2 != NONE && (A->run[r2].flags & R_PERSON)) {
            uint32_t v = skip_adv(A, A->run[r2].t1, lim, 2);
            if (v < lim && is_word(A, v, WC_VERB) && !(A->tok[v].flags & F_CAP))
                return verb_cue(A, v, who_of(A, r2), v + 1);
        }
    }
    /* "lawyer Nora Phillips told", "demonstrator Laiken Jordahl, a
       campaigner for X, told": a lower-case role noun before the person */
    /* ... or several ("youth pastor Stephen Lenahan told") */
    for (uint32_t q = j + 1; r == NONE && !(A->tok[j].flags & F_CAP) &&
                             !(c & ~(unsigned)(WC_TITLE | WC_ADV)) && q < lim && q - j <= 3;
         q++) {
        uint32_t r2 = named_run_starting(A, q);
        if (r2 != NONE && (A->run[r2].flags & R_PERSON))
            r = r2;
        if (r2 != NONE || A->tok[q].kind != T_WORD || (A->tok[q].flags & (F_CAP | F_INQ)) ||
            (A->tok[q].cls & ~(unsigned)(WC_TITLE | WC_ADV)))
            break;
    }
    if (r != NONE) {
        /* "NRSC spokesman Brian Walsh said": a body, its role word, a
           person; "Los Angeles lawyer Nora Phillips told" */
        uint32_t q = A->run[r].t1;
        while (q < lim && q - A->run[r].t1 < 3 && (is_word(A, q, WC_TITLE) || person_noun(A, q)) &&
               !(A->tok[q].flags & F_CAP))
            q++;
        /* "Twitter's Adam Sharp wrote" */
        uint32_t r2 = q > A->run[r].t1 || ((A->run[r].flags & (R_POSS | R_PERSON)) == R_POSS)
                          ? named_run_starting(A, q)
                          : NONE;
        if (r2 != NONE && (A->run[r2].flags & R_PERSON))
            r = r2;
        /* "the Texas governor continues": a role noun after a place */
        else if ((c & WC_DEF) && q > A->run[r].t1 && is_word(A, q, WC_VERB) &&
                 !(A->tok[q].flags & F_CAP))
            return verb_cue(A, q, resolve_title(A, j, q - 1), q + 1);
    }
    if (r != NONE) {
        uint32_t k = A->run[r].t1;
        /* "Sen. John Thune (R-S.D.) said": a parenthesis after the name */
        if (k < lim && A->tok[k].kind == T_OTHER && A->t[A->tok[k].s] == '(') {
            uint32_t e = k + 1;
            while (e < lim && e - k < 10 && !(A->tok[e].kind == T_OTHER && A->t[A->tok[e].s] == ')'))
                e++;
            if (e < lim && e - k < 10)
                k = e + 1;
        }
        k = skip_adv(A, k, lim, 2);
        /* ", the chief hydrologist,", ", D-N.Y., the former chairman of
           ...,", ", a Republican trying to unseat X, a Democrat, in Y,":
           appositives, up to the first speech verb right after a comma */
        for (uint32_t q = k; q < lim && q - k < 40 && A->tok[q].kind == T_COMMA;) {
            q++;
            /* (", oil analyst at Ambrian said": the appositive's closing
               comma left out, the verb ends it) */
            while (q < lim && q - k < 40 && A->tok[q].kind != T_COMMA &&
                   (A->tok[q].kind != T_STOP || is_tok(A, q + 1, T_COMMA)) && /* "D-Ill.," */
                   !(is_word(A, q, WC_VERB) && !(A->tok[q].flags & (F_CAP | F_INQ)) &&
                     !is_word(A, q - 1, WC_REL | WC_PRON)))
                q++;
            if (q < lim && is_word(A, q, WC_VERB) && !(A->tok[q].flags & F_CAP)) {
                k = q;
                break;
            }
            uint32_t v = q < lim ? skip_adv(A, q + 1, lim, 2) : lim;
            if (v < lim && is_word(A, v, WC_VERB)) {
                k = v;
                break;
            }
        }
        if (k < lim && is_word(A, k, WC_VERB) && !(A->tok[k].flags & F_CAP) &&
            !((A->run[r].flags & R_SINIT) && !(A->run[r].flags & R_PERSON)))
            return verb_cue(A, k, who_of(A, r), k + 1);
        return np_attr(A, j, lim);
    }
    if (c & WC_DEF) {
        if (is_word(A, j + 1, WC_STMT) && is_word(A, j + 2, WC_AGENT)) {
            uint32_t q = named_run_starting(A, j + 3);
            if (q != NONE)
                return (attrib){agent_of(A, q), "statement", 9, A->run[q].t1, 0, 0, 0};
            /* "a statement from the Democratic committee said": a body
               by the last word of its name */
            uint32_t h = j + 3 + (uint32_t)is_word(A, j + 3, WC_DEF), e = h;
            while (e < lim && e - h < 3 && A->tok[e].kind == T_WORD && !(A->tok[e].flags & F_INQ) &&
                   !(A->tok[e].cls & (WC_VERB | WC_VPRE | WC_PREP | WC_PRON)))
                e++;
            if (e > h && e < lim && is_word(A, e, WC_VERB) && !(A->tok[e].flags & F_CAP) &&
                is_word(A, e - 1, WC_ORG) && !is_word(A, e - 1, WC_PLACE) &&
                !(A->tok[e - 1].flags & F_CAP))
                return verb_cue(A, e, resolve_body(A, j, e - 1), e + 1);
        }
        /* "the minister added", "the ministry said" */
        uint32_t k = j + 1;
        while (k < lim && k - j <= 3 && A->tok[k].kind == T_WORD && !(A->tok[k].flags & F_CAP) &&
               !(A->tok[k].cls & WC_VERB))
            k++;
        if (k > j + 1 && is_word(A, k, WC_VERB)) {
            uint32_t who = noun_speaker(A, j, k - 1), rn = named_run_starting(A, j);
            /* no body named before: the noun itself ("the navy said") */
            if (who == NONE && rn != NONE && (A->run[rn].flags & R_NOUN))
                who = rn;
            return verb_cue(A, k, who, k + 1);
        }
        return np_attr(A, j, lim);
    }
    /* "company CEO Andy Vesey said": a person heading the phrase */
    attrib np = np_attr(A, j, lim);
    if (np.cue && np.who != NONE)
        return np;
    /* "police said", "officials told reporters": a cue without a name */
    uint32_t k = j;
    while (k < lim && k - j < 3 && A->tok[k].kind == T_WORD && !(A->tok[k].cls & WC_VERB))
        k++;
    if (k > j && is_word(A, k, WC_VERB) && !(A->tok[k].flags & F_CAP))
        return verb_cue(A, k, NONE, k + 1);
    return no_attrib();
}

static uint32_t clause_subject(const qart *A, uint32_t w0, uint32_t e, int comma);

/* "The Trump campaign is seeking", "the Obama administration said", "a
   Cheshire Cat grin": a name after an article and right before a
   lower-case word of no class modifies that noun and is no subject. */
static int modifier(const qart *A, const qrun *q)
{
    uint32_t k = q->t1;
    int det = q->n0 > q->t0 ? is_word(A, q->n0 - 1, WC_DEF)
                            : q->t0 > 0 && is_word(A, q->t0 - 1, WC_DEF);
    /* the noun may be a body's or a document's ("the Obama
       administration", "the Romney campaign message"), or a person's
       ("a Feinberg spokeswoman", "an Obama aide": someone unnamed) */
    return det && !(q->flags & R_POSS) && k < A->nt && A->tok[k].kind == T_WORD &&
           (!(A->tok[k].cls & ~(unsigned)(WC_ORG | WC_STMT)) || (A->tok[k].cls & WC_TITLE) ||
            person_noun(A, k)) &&
           !(A->tok[k].flags & (F_CAP | F_INQ | F_NUM));
}

/* Is the subject of the speech verb at token c a noun phrase that names
   no one ("someone shouted", "one blogger asking", "Another man, not
   seen on camera, then tells", "The cameraman replies")?  A lower-case
   noun right before the verb, or a sentence that opens with an
   indefinite word: the speaker is unnamed, and no name further back or
   after the verb (its object) may stand in.  -1: the word is a noun, not
   the verb ("has called the hacking claims "...""). */
static int unnamed_subject(const qart *A, uint32_t c, uint32_t w0)
{
    /* "issued a statement calling the deal "...": a participle's subject
       is the clause's, further back */
    if (participle(A, c)) {
        /* "The letter released Tuesday by the faculty took Mr. Ryan to
           task, saying": a document opening the sentence is that
           subject, and names no one (its author "by X" right after it
           is doc_subject's) */
        uint32_t d = w0 + (uint32_t)is_word(A, w0, WC_DEF | WC_FUNC);
        if (c > d + 1 && A->tok[c - 1].kind == T_COMMA && is_word(A, d, WC_STMT) &&
            !(A->tok[d].flags & (F_CAP | F_POSS | F_INQ)))
            return 1;
        /* "While ..., Murray's lawyers asked that he be kept on probation,
           saying": the clause before the participle's comma opens with a
           person's possession (a noun after a possessive name), its
           subject, which names no one */
        uint32_t v0 = adv_back(A, c, w0);
        if (v0 > w0 + 1 && A->tok[v0 - 1].kind == T_COMMA) {
            uint32_t s0 = v0 - 1;
            while (s0 > w0 && A->tok[s0 - 1].kind != T_COMMA && !(A->tok[s0 - 1].flags & F_INQ))
                s0--;
            uint32_t r = run_at(A, s0);
            if (r != NONE && A->run[r].t0 == s0 && (A->run[r].flags & R_POSS) &&
                !(A->run[r].flags & R_INQ) && A->run[r].t1 + 1 < v0) {
                const qtok *n = &A->tok[A->run[r].t1];
                if (n->kind == T_WORD && !(n->flags & (F_CAP | F_INQ | F_NUM)) &&
                    !(n->cls & (WC_VERB | WC_VPRE | WC_FUNC | WC_PREP | WC_ADV | WC_STMT |
                                WC_PRON | WC_DEF)))
                    return 1;
            }
        }
        /* "with some members of the Jackson family saying": after an
           absolute "with", the noun phrase up to the participle is its
           subject; with no person heading it, no one is named */
        if (c > w0 + 1 && A->tok[c - 1].kind == T_WORD &&
            !(A->tok[c - 1].flags & (F_CAP | F_INQ | F_POSS)) &&
            !(A->tok[c - 1].cls & (WC_TITLE | WC_PRON | WC_VERB | WC_VPRE | WC_STMT | WC_ADV))) {
            uint32_t b = c - 1;
            while (b > w0 && c - b < 9 && A->tok[b - 1].kind == T_WORD &&
                   !(A->tok[b - 1].flags & F_INQ) && !(A->tok[b - 1].cls & (WC_VERB | WC_ABS)))
                b--;
            if (b > w0 && is_word(A, b - 1, WC_ABS)) {
                int person = 0;
                for (uint32_t q = b; q < c; q++) {
                    uint32_t r = run_at(A, q);
                    person |= r != NONE && (A->run[r].flags & R_PERSON) && !modifier(A, &A->run[r]);
                }
                if (!person)
                    return 1;
            }
        }
        /* ... but "one blogger asking": an indefinite noun phrase right
           before it names no one */
        return c >= w0 + 2 && is_tok(A, c - 1, T_WORD) && !(A->tok[c - 1].cls & ~(unsigned)WC_TITLE) &&
               !(A->tok[c - 1].flags & (F_CAP | F_INQ)) && is_word(A, c - 2, WC_INDEF) &&
               !(A->tok[c - 2].flags & F_INQ);
    }
    uint32_t k = adv_back(A, c, w0);
    if (k > w0 && A->tok[k - 1].kind == T_COMMA) {
        /* "Another man, not seen on camera, then tells"; not "A
           spokesman, Bill Burton, said" */
        uint32_t r = k >= 2 ? run_at(A, k - 2) : NONE;
        if (r != NONE && (A->run[r].flags & R_PERSON))
            return 0;
        /* "One candidate, Scott Smith, the mayor of Mesa, who is a
           Mormon, said": a person in apposition */
        if (clause_subject(A, w0, k, 1) != NONE)
            return 0;
        return is_word(A, w0, WC_INDEF) && !(A->tok[w0].flags & F_INQ);
    }
    if (k == w0)
        return 0;
    /* "an alleged poll in Wyoming said": a place or a body after a
       preposition hangs on the lower-case noun before it, the head */
    uint32_t rp = run_at(A, k - 1);
    if (rp != NONE && A->run[rp].t1 == k && !(A->run[rp].flags & (R_PERSON | R_INQ | R_POSS)) &&
        A->run[rp].t0 >= w0 + 2 && is_word(A, A->run[rp].t0 - 1, WC_PREP) &&
        !is_word(A, A->run[rp].t0 - 1, WC_AGENT)) {
        const qtok *h = &A->tok[A->run[rp].t0 - 2];
        if (h->kind == T_WORD && !h->cls && !(h->flags & (F_CAP | F_INQ | F_POSS | F_NUM)) &&
            run_at(A, A->run[rp].t0 - 2) == NONE)
            k = A->run[rp].t0 - 1;
    }
    const qtok *p = &A->tok[k - 1];
    if (p->kind == T_WORD && (p->cls & WC_INDEF) && !(p->flags & F_INQ))
        return 1; /* "someone shouted" */
    /* "Steele's comments are", "his remarks", "the claims": a noun */
    /* (not "It said" opening the sentence: a subject, it_referent's) */
    if (p->kind == T_WORD && k == c && ((p->flags & F_POSS) || (p->cls & (WC_OBJPRON | WC_DEF))) &&
        !((p->cls & WC_IT) && k - 1 == w0))
        return -1;
    /* "A blogger on the Web site Freedom's Lighthouse said": a sentence
       opening with an indefinite noun phrase, no person in apposition
       ("Another figure, Dan Senor, told") */
    if (is_word(A, w0, WC_INDEF) && w0 + 1 < k && is_tok(A, w0 + 1, T_WORD) &&
        !(A->tok[w0 + 1].flags & F_CAP) && !(A->tok[w0].flags & F_INQ)) {
        /* (not an opening phrase of time: "A week later, Simpson said",
           a person opening the clause after its comma right before the
           verb) */
        uint32_t rq = run_at(A, k - 1);
        if (rq != NONE && A->run[rq].t1 == k && A->run[rq].t0 > w0 + 1 &&
            A->tok[A->run[rq].t0 - 1].kind == T_COMMA && (A->run[rq].flags & R_PERSON) &&
            !(A->run[rq].flags & (R_POSS | R_INQ)))
            return 0;
        return clause_subject(A, w0, k, 1) == NONE;
    }
    /* "what a White House spokesman said": an indefinite role noun phrase
       (names between) names no one */
    if (p->kind == T_WORD && (p->cls & WC_TITLE) && !(p->flags & (F_CAP | F_INQ))) {
        uint32_t b = k - 1;
        while (b > w0 && k - b < 6 && A->tok[b - 1].kind == T_WORD &&
               !(A->tok[b - 1].flags & F_INQ) && !(A->tok[b - 1].cls & (WC_DEF | WC_INDEF)) &&
               (!(A->tok[b - 1].cls & (WC_FUNC | WC_PREP | WC_VERB | WC_VPRE | WC_PRON)) ||
                (A->tok[b - 1].flags & F_CAP)))
            b--;
        if (b > w0 && is_word(A, b - 1, WC_INDEF) && !(A->tok[b - 1].flags & F_CAP))
            return 1;
    }
    if (p->kind != T_WORD || (p->flags & (F_CAP | F_INQ)) ||
        (p->cls & (WC_PRON | WC_FUNC | WC_VERB | WC_VPRE | WC_PREP | WC_DEF | WC_TITLE)) ||
        run_at(A, k - 1) != NONE)
        return 0;
    /* the noun phrase: back to its determiner */
    uint32_t b = k - 1;
    while (b > w0 && A->tok[b - 1].kind == T_WORD && !(A->tok[b - 1].flags & F_INQ) &&
           !(A->tok[b - 1].cls & (WC_PREP | WC_PRON)) && k - b < 5) {
        b--;
        if (A->tok[b].cls & (WC_VERB | WC_VPRE))
            return -1;
        if (A->tok[b].cls & (WC_DEF | WC_INDEF | WC_FUNC))
            break;
        uint32_t r = run_at(A, b);
        if (r != NONE && (A->run[r].flags & R_POSS))
            return 0; /* "Mr. Seel's office": the person may speak */
    }
    /* "NBC News has reported that intelligence officials believe": the
       phrase after "that" is a clause's subject */
    if ((A->tok[b].cls & WC_DEM) && !(A->tok[b].cls & WC_DEF) && b + 1 < k)
        return 1;
    if (b > w0 && is_word(A, b - 1, WC_VERB | WC_VPRE))
        return -1; /* the object of an earlier verb */
    /* "Dr. Petrosyan of the water authority said": the noun phrase hangs
       on a person's name */
    if (b > w0 + 1 && is_word(A, b - 1, WC_PREP)) {
        uint32_t r = run_at(A, b - 2);
        if (r != NONE && (A->run[r].flags & R_PERSON))
            return 0;
    }
    return 1;
}

/* The first person in [w0, e) that opens the sentence or follows a comma
   (not after a preposition, not possessive), or a subject pronoun opening
   the sentence; with comma, only one a comma follows ("Kay Hutchison,
   R-Texas, who ..."). */
static uint32_t clause_subject(const qart *A, uint32_t w0, uint32_t e, int comma)
{
    for (uint32_t k = w0; k < e; k++) {
        const qtok *tk = &A->tok[k];
        if (tk->kind != T_WORD || (tk->flags & F_INQ))
            continue;
        int opens = k == w0 || A->tok[k - 1].kind == T_COMMA;
        /* "Republican presidential nominee Mitt Romney has ..." */
        if (!opens && !comma && run_at(A, k) != NONE)
            opens = role_words_before(A, k, w0);
        if (k == w0 && (tk->cls & WC_PRON) && !comma)
            return resolve_pronoun(A, k);
        uint32_t r = run_at(A, k);
        if (r == NONE)
            continue;
        const qrun *q = &A->run[r];
        k = q->t1 - 1;
        if (!opens || !(q->flags & R_PERSON) || (q->flags & (R_POSS | R_PREP | R_INQ)) ||
            modifier(A, q))
            continue;
        if (!comma || (q->t1 < e && A->tok[q->t1].kind == T_COMMA))
            return q->full;
    }
    return NONE;
}

/* Is token k the start of a person's name that is an item of a list
   ending at verb c: followed by a comma, a conjunction or the verb ("X,
   Mary Lane and Joe Dunn said"), not by a noun it modifies ("Foreign
   Affairs spokesperson")? */
static int listed_person(const qart *A, uint32_t k, uint32_t c)
{
    uint32_t r = run_at(A, k);
    if (r == NONE || A->run[r].t0 != k || !(A->run[r].flags & R_PERSON))
        return 0;
    uint32_t f = A->run[r].t1;
    return f >= c || is_sep(A, f) || is_word(A, f, WC_CONJ);
}

/* The speaker of speech verb c, searched backwards to token w0: a subject
   pronoun, a person, or a body named right before the verb. */
static uint32_t subject_before(const qart *A, uint32_t c, uint32_t w0)
{
    /* "Jo Swinson, Liberal Democrat deputy leader and Foreign Affairs
       spokesperson said": the person opening the sentence, then one
       appositive (no comma, verb or pronoun in it) up to the verb */
    uint32_t r0 = run_at(A, w0);
    if (r0 != NONE && A->run[r0].t0 == w0 && (A->run[r0].flags & R_PERSON) &&
        !(A->run[r0].flags & (R_POSS | R_INQ)) && A->run[r0].t1 < c &&
        A->tok[A->run[r0].t1].kind == T_COMMA) {
        uint32_t k = A->run[r0].t1 + 1;
        /* not a list of people ("X, Y and Z said": coordinated) */
        while (k < c && A->tok[k].kind == T_WORD &&
               !(A->tok[k].cls & (WC_VERB | WC_VPRE | WC_PRON)) && !(A->tok[k].flags & F_INQ) &&
               !listed_person(A, k, c))
            k++;
        if (k == c && k > A->run[r0].t1 + 1)
            return A->run[r0].full;
    }
    /* "Trump accused Obama of a confusing policy, saying "..."", "Sen.
       Kay Hutchison, R-Texas, who unveiled a Social Security plan, said
       "...": after a comma, the verb's subject is the clause's, the first
       person opening the sentence (or a clause after a comma), not the
       nearest name */
    uint32_t v = adv_back(A, c, w0);
    if (v > w0 && A->tok[v - 1].kind == T_COMMA) {
        uint32_t who = clause_subject(A, w0, v - 1, !participle(A, c));
        if (who != NONE)
            return who;
        /* "It came after Boehner publicly chided Obama on Friday, accusing
           the president": a participle's subject is the first person of
           the sentence that a finite verb (a lower-case word) follows */
        for (uint32_t k = w0; participle(A, c) && k + 1 < v; k++) {
            uint32_t r = A->tok[k].kind == T_WORD && !(A->tok[k].flags & F_INQ) ? run_at(A, k) : NONE;
            if (r == NONE)
                continue;
            const qrun *q = &A->run[r];
            k = q->t1 - 1;
            uint32_t f = skip_adv(A, q->t1, v, 2);
            if ((q->flags & R_PERSON) && !(q->flags & (R_POSS | R_INQ)) && !modifier(A, q) &&
                f < v && A->tok[f].kind == T_WORD &&
                !(A->tok[f].flags & (F_CAP | F_INQ | F_NUM)) &&
                !(A->tok[f].cls & ~(unsigned)(WC_VERB | WC_VPRE)))
                return q->full;
            /* "the Host Committee came out against the bill, stating": a
               body opening the clause (after "the", at the sentence start
               or after an opening phrase's comma) is the grammatical
               subject too; not one that reports ("The Times reports X
               ..., saying": X's) */
            uint32_t d = q->t0 > w0 && is_word(A, q->t0 - 1, WC_DEF) ? q->t0 - 1 : q->t0;
            if ((q->flags & R_NAMED) && (q->flags & R_ORG) &&
                !(q->flags & (R_PERSON | R_POSS | R_INQ | R_PREP)) &&
                (d == w0 || A->tok[d - 1].kind == T_COMMA) && f < v &&
                A->tok[f].kind == T_WORD && !(A->tok[f].flags & (F_CAP | F_INQ | F_NUM)) &&
                !(A->tok[f].cls & (WC_FUNC | WC_PREP | WC_DEF | WC_PRON | WC_TITLE | WC_ORG |
                                   WC_STMT | WC_VERB | WC_VPRE)))
                return r;
        }
    }
    uint32_t k = c;
    while (k > w0) {
        k--;
        const qtok *tk = &A->tok[k];
        if ((tk->flags & F_INQ) || tk->kind != T_WORD)
            continue;
        if (tk->cls & WC_PRON)
            return resolve_pronoun(A, k);
        /* "It also said the North would "..."": opening the clause */
        if ((tk->cls & WC_IT) && (k == w0 || A->tok[k - 1].kind == T_COMMA) &&
            skip_adv(A, k + 1, c, 3) == c && is_word(A, c, WC_VERB))
            return it_referent(A, k);
        uint32_t r = run_at(A, k);
        if (r == NONE)
            continue;
        const qrun *q = &A->run[r];
        /* "after Governor Pike insisted": right before its verb a name is
           the subject even after a preposition (a conjunction there) */
        int next_to = !(q->flags & R_POSS) && skip_adv(A, q->t1, c, 3) == c;
        /* "denounced Mr. Kim as a "madman," nicknamed him "...": the
           object of a speech verb (not an inverted ", said X") is no
           subject of the verb after it */
        /* (a verb that takes an object, not a clause: "The Times reports
           Liz Cheney first articulated"; after a name, a pronoun or an
           adverb, not a noun it modifies: "a group called X") */
        int object = !next_to && q->t0 > w0 + 1 && is_word(A, q->t0 - 1, WC_VPRE) &&
                     !is_word(A, q->t0 - 1, WC_VERB) && !(A->tok[q->t0 - 1].flags & F_CAP) &&
                     A->tok[q->t0 - 2].kind == T_WORD &&
                     ((A->tok[q->t0 - 2].flags & F_CAP) || is_word(A, q->t0 - 2, WC_ADV | WC_PRON));
        if ((!(q->flags & (R_POSS | R_PREP)) || (next_to && (q->flags & R_PERSON))) &&
            !modifier(A, q) && !object) {
            if (q->flags & R_PERSON)
                return q->full;
            if (body_participle_subject(A, r, c, w0))
                return r;
            /* "NBC further notes": an acronym opening the sentence is a
               name; "The New Haven Register on July 20, 2006, described" */
            if ((q->flags & R_NAMED) &&
                (skip_adv(A, q->t1, c, 3) == c || skip_adv(A, skip_date(A, q->t1, c), c, 3) == c) &&
                !((q->flags & R_SINIT) && q->ne - q->n0 == 1 &&
                  !(A->tok[q->n0].flags & F_ALLCAPS)))
                return r;
        }
        k = q->t0;
    }
    return NONE;
}

/* "Acme Corp. issued a statement saying it was "..."", "TallGrass, a
   wholesaler of health products, issued a statement Saturday saying": a
   body (a name, not a person's nor a place's) opening the sentence with
   its finite verb next (after one appositive), when the speech verb at
   token c is a participle later in that clause. */
static int body_participle_subject(const qart *A, uint32_t r, uint32_t c, uint32_t w0)
{
    const qrun *q = &A->run[r];
    /* not "Tea Party conservatives are claiming": there the participle
       is the finite verb of a subject the name only modifies */
    if (be_before(A, c) || !is_word(A, c, WC_VERB) || !participle(A, c) ||
        !(q->flags & R_NAMED) ||
        (q->flags & (R_PERSON | R_PLACE | R_POSS | R_PREP | R_INQ)) ||
        is_word(A, q->t1 - 1, WC_PLACE | WC_PLACENAME))
        return 0;
    uint32_t d = q->t0 > w0 && is_word(A, q->t0 - 1, WC_DEF) ? q->t0 - 1 : q->t0;
    if (d != w0)
        return 0;
    uint32_t f = q->t1;
    if (f < c && A->tok[f].kind == T_COMMA) {
        for (f++; f < c && f - q->t1 < 14 && A->tok[f].kind == T_WORD &&
                  !(A->tok[f].cls & (WC_VERB | WC_VPRE)) && !(A->tok[f].flags & F_INQ);
             f++)
            ;
        if (f >= c || A->tok[f].kind != T_COMMA)
            return 0;
        f++;
    }
    f = skip_adv(A, f, c, 2);
    for (uint32_t k = f; k < c; k++)
        if (A->tok[k].kind == T_COMMA || A->tok[k].kind == T_STOP || A->tok[k].kind == T_COLON ||
            is_word(A, k, WC_PRON | WC_REL))
            return 0; /* one clause, no other subject in it */
    return f < c && A->tok[f].kind == T_WORD && !(A->tok[f].flags & (F_CAP | F_INQ | F_NUM)) &&
           !(A->tok[f].cls & (WC_FUNC | WC_PREP | WC_DEF | WC_PRON | WC_TITLE | WC_ORG | WC_STMT |
                              WC_VERB | WC_VPRE));
}

/* "the chief justice asked", "the former Alaska governor said",
   "Russia's president described", "the seven-term congressman demands":
   a role noun (a title word in lower case) heading the noun phrase that
   ends at token h, opened by a definite determiner or a possessive, in
   subject position (the phrase opens the clause).  The person whose
   title names that role before token p (resolve_title), or NONE. */
static uint32_t role_subject(const qart *A, uint32_t h, uint32_t w0, uint32_t p)
{
    const qtok *hd = &A->tok[h];
    if (hd->kind != T_WORD || (hd->flags & (F_CAP | F_INQ | F_POSS)) ||
        (!(hd->cls & WC_TITLE) && !person_noun(A, h)))
        return NONE;
    for (uint32_t b = h; b > w0 && h - b < 5;) {
        b--;
        const qtok *q = &A->tok[b];
        if (q->kind != T_WORD || (q->flags & F_INQ))
            return NONE;
        int det = (q->cls & WC_DEF) && !(q->cls & WC_INDEF);
        if (det || (q->flags & F_POSS)) {
            uint32_t r = run_at(A, b);
            if (r != NONE && (A->run[r].flags & R_PERSON))
                return NONE; /* "Obama's spokesman": another person */
            if (r != NONE)
                b = A->run[r].t0;
            /* "Comey said the president told him": after a speech verb,
               the subject of the verb p that follows the role at once */
            int clause = b > w0 && is_word(A, b - 1, WC_VERB) && !(A->tok[b - 1].flags & F_CAP) &&
                         p > h && skip_adv(A, h + 1, p, 2) == p && is_word(A, p, WC_VERB);
            if (!clause && b > w0 && A->tok[b - 1].kind == T_WORD && !is_word(A, b - 1, WC_FUNC))
                return NONE;
            if (!clause && b > w0 && is_word(A, b - 1, WC_PREP | WC_VERB | WC_VPRE | WC_DEF))
                return NONE; /* "told the governor": an object */
            return resolve_title(A, p, h);
        }
        if (q->cls & (WC_VERB | WC_VPRE | WC_PREP | WC_PRON | WC_OBJPRON | WC_FUNC))
            return NONE;
    }
    return NONE;
}

/* The subject of the speech verb at token c (sentence from w0) when one
   of these patterns decides it; *who gets it (NONE: a subject that names
   no one) and 1 is returned, else 0:
   - a relative pronoun right before the verb ("a letter signed by 42
     senators, which stated", "the Log Cabin Republicans, a gay group,
     which said", "the part of the code that says"): the noun before it
     -- a person or a body named there or in the appositive it ends, a
     role noun's person, or no one;
   - an infinitive or a verb after a preposition ("said he almost
     interrupted Clinton to tell him"): the clause's subject;
   - a role noun ("the chief justice asked"): its person (role_subject);
   - a document or an office opening the sentence, by or from someone
     ("the report, by White House Counsel Robert Bauer, concluded", "A
     release from Mr. Seel's office noted", "Weiner's office said"): its
     author. */
static int doc_subject(const qart *A, uint32_t k, uint32_t w0, uint32_t *who);

/* Is the relative pronoun at token k a neuter one ("which", not "who")? */
static int rel_neuter(const qart *A, uint32_t k)
{
    const lang_word *e = lang_word_of(A->wt, A->t + A->tok[k].s, A->tok[k].e - A->tok[k].s);
    return !e || (e->tags & LT_NEUT);
}

static int np_subject(const qart *A, uint32_t c, uint32_t w0, uint32_t *who)
{
    uint32_t k = adv_back(A, c, w0);
    if (k == w0 || (A->tok[k - 1].flags & F_INQ))
        return 0;
    if (A->tok[k - 1].kind == T_COMMA) {
        /* "The president, sitting next to Prime Minister Abe, said" */
        uint32_t b = k - 1;
        while (b > w0 && k - b < 16 && A->tok[b - 1].kind != T_COMMA &&
               !(A->tok[b - 1].flags & F_INQ) && !is_word(A, b - 1, WC_VERB))
            b--;
        if (b > w0 + 1 && A->tok[b - 1].kind == T_COMMA && b + 1 < k - 1) {
            uint32_t rp = role_subject(A, b - 2, w0, c);
            if (rp != NONE) {
                *who = rp;
                return 1;
            }
        }
    }
    /* "Tony Hayward who, on his appointment as CEO in 2007, said": a
       relative pronoun before a phrase set off by commas */
    if (A->tok[k - 1].kind == T_COMMA) {
        uint32_t j = k - 1;
        while (j > w0 && k - j < 14 && A->tok[j - 1].kind != T_COMMA &&
               A->tok[j - 1].kind != T_STOP && A->tok[j - 1].kind != T_NL &&
               A->tok[j - 1].mark == MK_NONE && !(A->tok[j - 1].flags & F_INQ) &&
               !(A->tok[j - 1].kind == T_WORD &&
                 (A->tok[j - 1].cls & (WC_VERB | WC_VPRE | WC_PRON | WC_REL))))
            j--;
        if (j > w0 + 1 && j + 1 < k && A->tok[j - 1].kind == T_COMMA &&
            is_word(A, j - 2, WC_REL) && !rel_neuter(A, j - 2) && !(A->tok[j - 2].flags & F_CAP))
            k = j - 1;
    }
    if (A->tok[k - 1].kind != T_WORD)
        return doc_subject(A, k, w0, who);
    const qtok *p = &A->tok[k - 1];
    if (((p->cls & WC_REL) || ((p->cls & WC_DEM) && k >= w0 + 2 && is_tok(A, k - 2, T_WORD) &&
                               !(A->tok[k - 2].cls & (WC_FUNC | WC_VERB | WC_VPRE)))) &&
        k >= w0 + 2) {
        uint32_t a = k - 2;
        if (A->tok[a].kind == T_COMMA && a > w0)
            a--;
        if (A->tok[a].kind != T_WORD || (A->tok[a].flags & F_INQ))
            return 0;
        uint32_t r = run_at(A, a);
        /* "Sheriff Joe Arpaio of Maricopa County, Ariz., who calls": a
           personal relative pronoun after a place that qualifies a person
           ("of", "from" ...) is that person's */
        if (r != NONE && !(A->run[r].flags & R_PERSON) && A->run[r].t1 == a + 1 &&
            (p->cls & WC_REL) && !rel_neuter(A, k - 1)) {
            uint32_t b = A->run[r].t0;
            while (b > w0 + 1 && a - b < 10 &&
                   (A->tok[b - 1].kind == T_COMMA ||
                    (A->tok[b - 1].kind == T_WORD && (A->tok[b - 1].flags & F_CAP) &&
                     !(A->tok[b - 1].flags & F_INQ))))
                b--;
            uint32_t rp = b > w0 + 1 && is_word(A, b - 1, WC_PREP) ? run_at(A, b - 2) : NONE;
            if (rp != NONE && (A->run[rp].flags & R_PERSON) && A->run[rp].t1 == b - 1 &&
                !(A->run[rp].flags & (R_POSS | R_INQ))) {
                *who = who_of(A, rp);
                return 1;
            }
        }
        if (r != NONE) {
            if (A->run[r].t1 != a + 1 || (A->run[r].flags & (R_POSS | R_INQ)))
                return 0;
            /* "42 Senate Republicans, which": a group, no one named;
               "radio advertisements across the U.S. that say": a place
               says nothing */
            *who = (A->run[r].flags & R_NAMED) && !(A->run[r].flags & R_PLACE) &&
                           !is_word(A, A->run[r].t1 - 1, WC_PLACE | WC_PLACENAME)
                       ? who_of(A, r)
                       : NONE;
            return 1;
        }
        /* "a tweet that called": a document's author is found as before */
        if (A->tok[a].cls & (WC_FUNC | WC_PRON | WC_OBJPRON | WC_VERB | WC_VPRE | WC_STMT))
            return 0;
        /* a role noun: its person */
        uint32_t rp = role_subject(A, a, w0, c);
        if (rp != NONE) {
            *who = rp;
            return 1;
        }
        /* an appositive after a name: "X, a gay group, which" */
        uint32_t b = a;
        while (b > w0 && a - b < 8 && A->tok[b - 1].kind == T_WORD &&
               !(A->tok[b - 1].cls & (WC_VERB | WC_VPRE)) && !(A->tok[b - 1].flags & F_INQ))
            b--;
        if (b > w0 + 1 && A->tok[b - 1].kind == T_COMMA && b < a && is_word(A, b, WC_DEF)) {
            r = run_at(A, b - 2);
            if (r != NONE && A->run[r].t1 == b - 1 && (A->run[r].flags & R_NAMED) &&
                !(A->run[r].flags & (R_POSS | R_INQ))) {
                *who = who_of(A, r);
                return 1;
            }
        }
        *who = NONE;
        return 1;
    }
    if ((p->cls & WC_PREP) && (A->tok[c].cls & WC_VERB) && !(p->flags & F_CAP)) {
        uint32_t s = clause_subject(A, w0, k - 1, 0);
        if (s != NONE) {
            *who = s;
            return 1;
        }
        return 0;
    }
    uint32_t rp = role_subject(A, k - 1, w0, c);
    if (rp != NONE) {
        *who = rp;
        return 1;
    }
    /* "The lawsuit alleged", "In the document, the committee accuses":
       a document or a body after a definite article opening the clause
       (noun_speaker: its author, the body by its name) */
    if ((p->cls & (WC_STMT | WC_ORG)) && !(p->cls & WC_PLACE) && !(p->flags & (F_CAP | F_POSS))) {
        uint32_t d = k - 1;
        while (d > w0 && k - 1 - d < 3 && A->tok[d - 1].kind == T_WORD &&
               !(A->tok[d - 1].flags & (F_CAP | F_INQ | F_NUM)) && !A->tok[d - 1].cls)
            d--;
        if (d > w0 && is_word(A, d - 1, WC_DEF) && !(A->tok[d - 1].cls & WC_INDEF) &&
            !(A->tok[d - 1].flags & F_INQ) &&
            (d - 1 == w0 || A->tok[d - 2].kind == T_COMMA)) {
            uint32_t n = noun_speaker(A, d - 1, k - 1);
            if (n != NONE) {
                *who = n;
                return 1;
            }
        }
    }
    /* "Weiner's office said" */
    if ((p->cls & WC_STMT) && k - 1 > w0) {
        uint32_t r = run_at(A, k - 2);
        if (r != NONE && (A->run[r].flags & (R_PERSON | R_POSS)) == (R_PERSON | R_POSS) &&
            A->run[r].t1 == k - 1 && !(A->run[r].flags & R_INQ)) {
            *who = A->run[r].full;
            return 1;
        }
    }
    return doc_subject(A, k, w0, who);
}

/* "But the report, by X, concluded", "A release from X's office about
   the meeting noted": a document opening the sentence (before token k)
   by or from a person or body; np_subject's last pattern. */
static int doc_subject(const qart *A, uint32_t k, uint32_t w0, uint32_t *who)
{
    for (uint32_t d = w0; d < k && d - w0 < 3; d++) {
        if (!is_tok(A, d, T_WORD) || !(A->tok[d].cls & (WC_FUNC | WC_DEF)) ||
            !is_word(A, d + 1, WC_STMT))
            continue;
        uint32_t b = d + 2;
        if (is_tok(A, b, T_COMMA))
            b++;
        if (!is_word(A, b, WC_AGENT))
            return 0;
        uint32_t r = named_run_starting(A, b + 1);
        /* "A statement from the company said": the body named last */
        uint32_t o = r == NONE && b + 3 == k ? org_referent(A, b, b + 2) : NONE;
        if (o != NONE) {
            *who = o;
            return 1;
        }
        if (r == NONE || A->run[r].t1 > k)
            return 0;
        for (uint32_t q = A->run[r].t1; q < k; q++)
            if (A->tok[q].kind == T_WORD && (A->tok[q].cls & (WC_VERB | WC_VPRE | WC_PRON)))
                return 0;
        *who = agent_of(A, r); /* "the lawsuit from X and Y": no one */
        return 1;
    }
    return 0;
}

/* "Asked point-blank, "Is that picture you?" Weiner replied", "Asked by
   one of Ms. Rice's aides, "Is this the final language," Mr. Rhodes
   replied": a sentence opening with a verb that puts a question, used as
   a participle with no complement of its own (adverbs only, or its agent
   after "by"), then a comma and the quote: the quote is the question, and
   the one named after it answers.  *who gets the asker (the agent when a
   person is named there, else NONE).  "Asked about the plan, "...," she
   said" has a complement: the quote is her answer. */
static int asked_question(const qart *A, uint32_t c, uint32_t ot, uint32_t *who)
{
    if (!(A->tok[c].cls & WC_QUEST) || !(A->tok[c].flags & F_CAP) || ot < c + 2 ||
        A->tok[ot - 1].kind != T_COMMA)
        return 0;
    uint32_t k = c + 1, agent = NONE;
    *who = NONE;
    for (; k < ot - 1; k++) {
        const qtok *t = &A->tok[k];
        if (t->kind == T_DASH)
            continue;
        if (t->kind != T_WORD || (t->flags & F_INQ))
            return 0;
        if (agent == NONE && is_word(A, k, WC_PASSIVE)) {
            agent = k;
            continue;
        }
        /* "one of the aides": a preposition after a quantifier */
        if ((t->cls & (WC_PREP | WC_VERB | WC_VPRE | WC_PRON | WC_REL)) &&
            !(agent != NONE && (t->cls & WC_PREP) && k > agent + 1 &&
              is_word(A, k - 1, WC_FUNC) && !is_word(A, k - 1, WC_PREP)))
            return 0;
        if (agent == NONE && (t->cls & WC_FUNC))
            return 0;
    }
    if (agent != NONE) {
        uint32_t r = named_run_starting(A, agent + 1);
        if (r != NONE && (A->run[r].flags & R_PERSON) && A->run[r].t1 == ot - 1)
            *who = who_of(A, r);
    }
    return 1;
}

/* "Nebraska and Oklahoma complained", "Mr. Udall and Mr. Wyden released a
   joint statement repeating", "X's attorney general, Jon Bruning, and
   Y's attorney general, Scott Pruitt, accused": is the subject run of
   person who (canonical run), the last one of its name in [w0, c), joined
   by a conjunction to another name or noun phrase?  Then the verb's
   subject is a group: no one of them is the speaker. */
static int coordinated(const qart *A, uint32_t who, uint32_t c, uint32_t w0)
{
    uint32_t r = NONE;
    for (uint32_t k = c; k > w0 && r == NONE; k--) {
        uint32_t q = run_at(A, k - 1);
        if (q != NONE && (q == who || A->run[q].full == who) && !(A->run[q].flags & R_INQ))
            r = q;
    }
    if (r == NONE)
        return 0;
    const qrun *q = &A->run[r];
    /* a person or a place ("the Health and Human Services Department" is
       one body) */
    if (!(q->flags & R_PERSON) && !(q->ne == q->n0 + 1 && is_word(A, q->n0, WC_PLACENAME)))
        return 0;
    /* before it: "X and", "X, and" (X a name, or an appositive's comma) */
    uint32_t b = q->t0;
    if (b > w0 + 1 && is_word(A, b - 1, WC_CONJ) && !(A->tok[b - 1].flags & (F_CAP | F_INQ))) {
        uint32_t p = b - 2;
        if (is_sep(A, p) && p > w0) {
            p--;
            /* "X, R-Va.; Y, R-S.C.; and Z": back over an appositive */
            uint32_t a = p;
            while (a > w0 && p - a < 8 && !is_sep(A, a) &&
                   (A->tok[a].kind == T_WORD || A->tok[a].kind == T_STOP) &&
                   !(A->tok[a].flags & F_INQ) && run_at(A, a) == NONE)
                a--;
            if (a > w0 && a < p && is_sep(A, a) && run_at(A, p) == NONE)
                p = a - 1;
        }
        uint32_t pr = run_at(A, p);
        if (pr != NONE && A->run[pr].t1 == p + 1 && (A->run[pr].flags & R_NAMED) &&
            !(A->run[pr].flags & (R_POSS | R_INQ)))
            return 1;
    }
    /* after it: "X and Y said", "X, ..., and Y's ... said" */
    uint32_t f = q->t1;
    if (f < c && A->tok[f].kind == T_COMMA) {
        /* an appositive: up to the next comma */
        uint32_t g = f + 1;
        while (g < c && g - f < 8 && A->tok[g].kind == T_WORD)
            g++;
        f = g < c && A->tok[g].kind == T_COMMA ? g + 1 : f;
    }
    /* "X, R-Va.; Y, R-S.C.; and Z said": items and their appositives,
       separated by commas or semicolons, up to the conjunction */
    for (uint32_t g = q->t1; g < c && g - q->t1 < 40 && !is_word(A, f, WC_CONJ) && is_sep(A, g);) {
        g++;
        while (g < c && g - q->t1 < 40 &&
               (A->tok[g].kind == T_WORD || (A->tok[g].kind == T_STOP && is_sep(A, g + 1))) &&
               !(A->tok[g].flags & F_INQ) && !is_word(A, g, WC_CONJ | WC_VERB | WC_VPRE | WC_PRON))
            g++;
        if (is_word(A, g, WC_CONJ) && is_sep(A, g - 1))
            f = g;
    }
    return f + 1 < c && is_word(A, f, WC_CONJ) && !(A->tok[f].flags & (F_CAP | F_INQ)) &&
           A->tok[f + 1].kind == T_WORD && !(A->tok[f + 1].cls & (WC_PRON | WC_VERB | WC_VPRE)) &&
           (A->tok[f + 1].flags & F_CAP);
}

/* Attribution in the sentence before an opening mark at token ot: the
   last cue ("said", "according to X", "a statement from X") and its
   subject.  *w0 gets the window start. */
/* The speech verb at token c has a subject of at most NESTED_SUBJECT
   tokens right after "that" or right after an earlier speech verb
   ("Comey wrote that Trump said", "he wrote that Mr. Trump told"): the
   earlier verb's subject when it is a person, else NONE. */
#define NESTED_SUBJECT 4
static uint32_t nested_reporter(const qart *A, uint32_t c, uint32_t w0)
{
    uint32_t k = c;
    while (k > w0 && c - k <= NESTED_SUBJECT) {
        k--;
        const qtok *t = &A->tok[k];
        if (t->kind != T_WORD)
            return NONE;
        if ((t->cls & (WC_VERB | WC_VPRE)) && !(t->flags & F_CAP))
            break;
        if ((t->cls & WC_DEM) && !(t->flags & F_CAP) && k > w0 && is_word(A, k - 1, WC_VERB) &&
            !(A->tok[k - 1].flags & F_CAP)) {
            k--;
            break;
        }
    }
    if (k == c || k <= w0 || !is_word(A, k, WC_VERB) || participle(A, k))
        return NONE;
    uint32_t s1 = subject_before(A, k, w0);
    if (s1 == NONE || !(A->run[s1].flags & R_PERSON) || coordinated(A, s1, k, w0))
        return NONE;
    return s1;
}

/* The first token of the sentence (or line) token ot stands in, no more
   than WINDOW_TOKENS back. */
static uint32_t sentence_start(const qart *A, uint32_t ot)
{
    uint32_t w0 = ot;
    while (w0 > 0 && ot - w0 < WINDOW_TOKENS && !(A->tok[w0].flags & F_SSTART) &&
           A->tok[w0 - 1].kind != T_NL)
        w0--;
    if (w0 < ot && A->tok[w0].kind == T_NL)
        w0++;
    return w0;
}

/* Is the speech verb at token k passive: a form of "be" right before it
   (the pack's tag be) and no "-ing" participle ("was told", not "was
   saying")? */
static int passive(const qart *A, uint32_t k)
{
    return be_before(A, k) && !participle(A, k);
}

static attrib before_attr(const qart *A, uint32_t ot, uint32_t *w0p)
{
    uint32_t w0 = sentence_start(A, ot);
    *w0p = w0;
    /* "read the preamble (that magical "We the people")", "picked up with
       Article 1 ("All legislative powers ...")": a quote in parentheses
       cites the text named before it; no verb of the sentence speaks it */
    for (uint32_t c = ot; c > w0 && ot - c <= 4;) {
        c--;
        const qtok *tk = &A->tok[c];
        if (tk->kind == T_OTHER && A->t[tk->s] == '(') {
            attrib a = {NONE, A->t + tk->s, 1, ot, 0, 1, 1};
            return a;
        }
        if (tk->kind != T_WORD || (tk->cls & (WC_VERB | WC_VPRE)))
            break;
    }
    for (uint32_t c = ot; c > w0;) {
        c--;
        const qtok *tk = &A->tok[c];
        if (tk->kind != T_WORD || (tk->flags & F_INQ))
            continue;
        uint32_t ca = c + 1 + (uint32_t)is_word(A, c + 1, WC_PREP);
        if ((tk->cls & WC_ACC) && ca < ot) {
            uint32_t r = named_run_starting(A, ca);
            if (r != NONE)
                return (attrib){who_of(A, r), "according to", 12, A->run[r].t1, 1, 0, 0};
        }
        if ((tk->cls & WC_STMT) && is_word(A, c + 1, WC_AGENT) &&
            c + 2 < ot) {
            uint32_t r = named_run_starting(A, c + 2);
            if (r != NONE)
                return (attrib){agent_of(A, r), "statement", 9, A->run[r].t1, 0, 0, 0};
        }
        /* "said he believed "..."": the outer verb's subject speaks */
        if ((tk->cls & WC_VPRE) && !(tk->cls & WC_VERB) && c >= w0 + 2 &&
            is_word(A, c - 1, WC_PRON) && is_word(A, c - 2, WC_VERB))
            continue;
        if ((tk->cls & (WC_VERB | WC_VPRE)) && (!(tk->flags & F_CAP) || c == w0)) {
            uint32_t ns;
            /* "Reuters quotes BP as saying it would "..."": a name after
               a speech verb (or a word the pack does not know), then a
               word and this participle, spoke */
            if (c >= w0 + 3 && (tk->cls & WC_VERB) && participle(A, c) &&
                is_tok(A, c - 1, T_WORD) && !(A->tok[c - 1].flags & F_CAP)) {
                uint32_t r = run_at(A, c - 2);
                uint32_t v = r != NONE ? A->run[r].t0 - 1 : 0; /* "quotes", "reported" */
                if (r != NONE && A->run[r].t1 == c - 1 && A->run[r].t0 > w0 && speaks_as(A, r) &&
                    is_tok(A, v, T_WORD) && !(A->tok[v].flags & (F_CAP | F_INQ)) &&
                    (is_word(A, v, WC_VERB) || !A->tok[v].cls))
                    return verb_cue(A, c, who_of(A, r), c + 1);
            }
            /* "he initially was told "we weren't in the area"": a
               passive speech verb; its subject heard the words */
            if (passive(A, c))
                return (attrib){NONE, A->t + tk->s, tk->e - tk->s, c + 1, 0, 1, 0};
            if (c == w0 && asked_question(A, c, ot, &ns)) {
                attrib a = verb_cue(A, c, ns, c + 1);
                a.unnamed = ns == NONE;
                a.firm = 1;
                return a;
            }
            if (!(tk->flags & F_CAP) && np_subject(A, c, w0, &ns)) {
                attrib a = verb_cue(A, c, ns, c + 1);
                a.unnamed = ns == NONE && (tk->cls & WC_VERB);
                return a;
            }
            int un = unnamed_subject(A, c, w0);
            if (un < 0)
                continue;
            if (un) {
                attrib a = verb_cue(A, c, NONE, c + 1);
                a.unnamed = (tk->cls & WC_VERB) != 0; /* not "the group called it" */
                return a;
            }
            uint32_t who = subject_before(A, c, w0);
            if (who != NONE && coordinated(A, who, c, w0)) {
                attrib a = verb_cue(A, c, NONE, c + 1);
                a.unnamed = 1;
                return a;
            }
            /* "Added Gibbs: "..."": a name right after the verb speaks
               only when nothing before the verb could ("asked Mr. Sellers
               "...": the one asked is no speaker) */
            if (who == NONE && c + 1 < ot && skip_adv(A, w0, c, 3) == c) {
                uint32_t r = run_at(A, c + 1);
                /* the run of "Added Gibbs" starts at the verb */
                if (r != NONE && A->run[r].t0 <= c + 1 && A->run[r].n0 > c &&
                    (A->run[r].flags & R_NAMED) && !(A->run[r].flags & R_INQ))
                    who = who_of(A, r);
            }
            if (who == NONE && (tk->flags & F_CAP))
                continue;
            /* "Comey wrote that Trump said he had "serious reservations"":
               a quoted phrase inside reported speech that is itself
               reported is the outer reporter's text (his memo, his
               account), not the inner speaker's words (a quote opening
               after a comma or colon is direct speech: not here) */
            if (who != NONE && (tk->cls & WC_VERB) && A->tok[ot - 1].kind == T_WORD) {
                uint32_t r1 = nested_reporter(A, c, w0);
                if (r1 != NONE)
                    who = r1;
            }
            attrib a = verb_cue(A, c, who, c + 1);
            /* "saying he had served "in Vietnam"": speech, speaker unknown */
            a.unnamed = who == NONE && (tk->cls & WC_VERB) && participle(A, c);
            return a;
        }
    }
    return no_attrib();
}

/* "Obama: 'We handled it ...'", "Ban Ki-moon: «...»": a headline-style
   quote, a person's name opening its line or sentence and a colon right
   before the opening mark. */
static attrib colon_attr(const qart *A, uint32_t ot, uint32_t w0)
{
    /* "Mr Gates told the security conference: NL "...": the quotation set
       off as its own line after the colon (one sentence a line) */
    if (w0 == ot && ot >= 3 && A->tok[ot - 1].kind == T_NL && A->tok[ot - 2].kind == T_COLON) {
        ot--;
        w0 = sentence_start(A, ot - 1);
    }
    if (ot < 2 || A->tok[ot - 1].kind != T_COLON)
        return no_attrib();
    /* "Ryan shot back: "..."": a verb phrase of one or two lower-case
       words (no article, pronoun or noun of a document) after the name */
    uint32_t e = ot - 1; /* the token after the name */
    for (uint32_t k = ot - 1; k > w0 + 1 && ot - 1 - k < 2 && A->tok[k - 1].kind == T_WORD &&
                              !(A->tok[k - 1].flags & (F_CAP | F_INQ | F_NUM)) &&
                              !(A->tok[k - 1].cls & (WC_DEF | WC_INDEF | WC_PRON | WC_OBJPRON |
                                                    WC_DEM | WC_REL | WC_STMT | WC_TITLE));) {
        k--;
        uint32_t rr = run_at(A, k - 1);
        if (rr != NONE && A->run[rr].t1 == k) {
            e = k;
            break;
        }
    }
    uint32_t r = run_at(A, e - 1);
    /* "..., said Dr Michael Osterholm at the University of Minnesota:
       "..."": an inverted attribution before the colon, or before a
       phrase of a preposition and at most six words that ends there */
    if (e == ot - 1) {
        uint32_t k = ot - 1;
        while (k > w0 + 2 && ot - 1 - k < 7 && !is_word(A, k - 1, WC_PREP) &&
               (A->tok[k - 1].kind == T_WORD || A->tok[k - 1].kind == T_COMMA) &&
               !(A->tok[k - 1].flags & F_INQ) && !(A->tok[k - 1].cls & (WC_VERB | WC_PRON))) {
            /* (a name's own "of": "the University of Minnesota") */
            uint32_t rr = run_at(A, k - 1);
            k = rr != NONE && A->run[rr].t0 + 1 < k && !(A->run[rr].flags & R_PERSON)
                    ? A->run[rr].t0
                    : k - 1;
        }
        uint32_t pr = r != NONE && A->run[r].t1 == e && (A->run[r].flags & R_PERSON) ? r
                      : k > w0 + 2 && is_word(A, k - 1, WC_PREP) && !(A->tok[k - 1].flags & F_CAP)
                          ? run_at(A, k - 2)
                          : NONE;
        if (pr != NONE && A->run[pr].t1 == (pr == r ? e : k - 1) && (A->run[pr].flags & R_PERSON) &&
            !(A->run[pr].flags & (R_INQ | R_POSS)) && A->run[pr].t0 >= w0 + 2) {
            uint32_t v = A->run[pr].t0 - 1;
            if (inverted_verb(A, v))
                return verb_cue(A, v, who_of(A, pr), ot);
        }
    }
    /* "Pensions expert Ros Altmann: "..."": role words before the name */
    if (r != NONE && A->run[r].t1 == e && A->run[r].t0 > w0 && e == ot - 1 &&
        (A->run[r].flags & R_PERSON) && !(A->run[r].flags & (R_INQ | R_POSS)) &&
        role_words_before(A, A->run[r].t0, w0))
        return (attrib){A->run[r].full, A->t + A->tok[ot - 1].s, 1, ot, 0, 0, 0};
    if (r == NONE || A->run[r].t1 != e || A->run[r].t0 != w0 ||
        (A->run[r].flags & (R_INQ | R_POSS)) || !(A->run[r].flags & R_PERSON)) {
        /* "Trump also took credit for improved relations, including ...:
           "...": a sentence whose subject is a person (a name opening it,
           a verb after it) and that ends in a colon introduces that
           person's words */
        if (!(A->tok[w0].flags & F_SSTART) && !(w0 > 0 && A->tok[w0 - 1].kind == T_NL))
            return no_attrib();
        /* "On Comment is free, Ben Goldacre defends the coverage: "..."":
           an opening phrase of a preposition and at most six words (no
           verb of speech, pronoun or mark), then a comma, before the name */
        if (is_word(A, w0, WC_PREP) && !is_word(A, w0, WC_ABS)) {
            for (uint32_t k = w0 + 1; k + 1 < ot && k - w0 <= 7; k++) {
                if (A->tok[k].kind == T_COMMA) {
                    if (k > w0 + 1)
                        w0 = k + 1;
                    break;
                }
                if (A->tok[k].kind != T_WORD ||
                    (A->tok[k].cls & (WC_VERB | WC_VPRE | WC_PRON | WC_REL)))
                    break;
            }
        }
        uint32_t who = NONE, v = NONE;
        if ((r = run_at(A, w0)) != NONE && A->run[r].t0 == w0 &&
                   (A->run[r].flags & R_PERSON) && !(A->run[r].flags & (R_INQ | R_POSS))) {
            who = A->run[r].full;
            v = A->run[r].t1;
        } else if (is_word(A, w0, WC_PRON) && !(A->tok[w0].flags & F_INQ)) {
            /* "He went on: "..."": a subject pronoun, its referent */
            who = resolve_pronoun(A, w0);
            v = w0 + 1;
        }
        v = v != NONE ? skip_adv(A, v, ot, 2) : NONE;
        if (who == NONE || v >= ot - 1 || A->tok[v].kind != T_WORD ||
            (A->tok[v].flags & (F_CAP | F_INQ | F_NUM)) ||
            (A->tok[v].cls & (WC_FUNC | WC_PREP | WC_DEF | WC_STMT | WC_TITLE | WC_CONJ)))
            return no_attrib();
        for (uint32_t k = v; k < ot - 1; k++)
            if (A->tok[k].kind == T_OPEN || A->tok[k].kind == T_CLOSE ||
                A->tok[k].kind == T_STRAIGHT || A->tok[k].kind == T_COLON)
                return no_attrib();
        /* "Royce signed the order: "...": a noun phrase of an article and
           a noun or two before the colon, after a verb that makes a text
           or naming one, whose text the quote is (not "Chan left the door
           open: "..."") */
        int text = is_word(A, v, WC_AUTHOR) || is_word(A, ot - 2, WC_STMT);
        for (uint32_t k = ot - 1; text && k > v && ot - 1 - k < 3;) {
            k--;
            if (A->tok[k].kind != T_WORD || (A->tok[k].flags & (F_CAP | F_INQ)))
                break;
            if (is_word(A, k, WC_DEF))
                return no_attrib();
        }
        return (attrib){who, A->t + A->tok[ot - 1].s, 1, ot, 0, 0, 0};
    }
    return (attrib){A->run[r].full, A->t + A->tok[ot - 1].s, 1, ot, 0, 0, 0};
}

/* Is there a quotation mark or a line break in tokens [from, to)?  The
   reported speech that a quote after it bears out holds neither. */
static int mark_or_line(const qart *A, uint32_t from, uint32_t to)
{
    for (uint32_t q = from; q < to; q++)
        if (A->tok[q].kind == T_OPEN || A->tok[q].kind == T_CLOSE ||
            A->tok[q].kind == T_STRAIGHT || A->tok[q].kind == T_NL)
            return 1;
    return 0;
}

/* ", Professor Maitland warns.", ", Suttles said.": the attribution
   that ends a sentence at its stop (token stop), after a comma no later
   than token from: a person's (", Reuters reported." relays another's
   words), or none. */
static attrib ending_attr(const qart *A, uint32_t stop, uint32_t from)
{
    uint32_t c = stop;
    while (c > 0 && stop - c < 8 && A->tok[c - 1].kind == T_WORD && !(A->tok[c - 1].flags & F_INQ))
        c--;
    if (c < 2 || c - 1 <= from || stop - c < 2 || A->tok[c - 1].kind != T_COMMA ||
        (A->tok[c].flags & F_SSTART) || mark_or_line(A, c, stop))
        return no_attrib();
    attrib t = after_attr(A, c - 1, stop);
    if (!t.cue || t.who == NONE || t.weak || t.end != stop || !(A->run[t.who].flags & R_PERSON))
        return no_attrib();
    return t;
}

/* "The tool is "the best option" to combat the hydrates, Suttles said.":
   the attribution ending the sentence that the quote closing at token ct
   stands in, the words after the quote no other quote's. */
static attrib tail_attr(const qart *A, uint32_t ct)
{
    uint32_t e = ct + 1;
    while (e < A->nt && e - ct < WINDOW_TOKENS && A->tok[e].kind != T_STOP &&
           A->tok[e].kind != T_NL && A->tok[e].mark == MK_NONE)
        e++;
    if (e >= A->nt || A->tok[e].kind != T_STOP ||
        !(e + 1 >= A->nt || A->tok[e + 1].kind == T_NL || (A->tok[e + 1].flags & F_SSTART)))
        return no_attrib();
    return ending_attr(A, e, ct + 1);
}

/* Does the quote closing at token ct end in a question mark? */
static int asks(const qart *A, uint32_t ct)
{
    return ct > 0 && A->tok[ct - 1].kind == T_STOP && A->t[A->tok[ct - 1].s] == '?';
}

/* "Putin said in a statement. "...": a sentence that is only an
   attribution, right before a quote that begins its own sentence;
   "Politics Daily recently reported: NL "...": a line ending in a colon
   before a quotation set off as its own paragraph; ", said Anita
   Russell, president of the branch, which introduced it. "...": the
   speaker named last, then an appositive. */
static attrib prev_sentence_attr(const qart *A, uint32_t ot, uint32_t ct)
{
    /* "He added, NL "...": a comma too ends such a line */
    int line = ot >= 3 && A->tok[ot - 1].kind == T_NL &&
               (A->tok[ot - 2].kind == T_COLON || A->tok[ot - 2].kind == T_COMMA);
    /* "He conceded that BP had not been prepared. NL "What is true is
       ...": a paragraph of reported speech, then a quote opening the next
       one (only the reported-speech pattern below) */
    int para = ot >= 3 && A->tok[ot - 1].kind == T_NL && A->tok[ot - 2].kind == T_STOP;
    if (line || para)
        ot--;
    if (ot < 2 || (A->tok[ot - 1].kind != T_STOP && A->tok[ot - 1].kind != T_COLON &&
                   !(line && A->tok[ot - 1].kind == T_COMMA)))
        return no_attrib();
    /* "The uncertainty is harming BP, Professor Maitland warns. NL "It
       depletes confidence ..."": a paraphrase whose attribution ends it,
       then the quote that bears it out (the wire copy's paraphrase, then
       its quote) */
    if (A->tok[ot - 1].kind == T_STOP) {
        attrib t = ending_attr(A, ot - 1, 0);
        if (t.cue)
            return t;
    }
    /* "One big difference between Page and her neighbours, said Yeager:
       NL "...": an inverted attribution ending the line at its colon */
    if (line && A->tok[ot - 1].kind == T_COLON && ot >= 4) {
        uint32_t r = run_at(A, ot - 2);
        if (r != NONE && A->run[r].t1 == ot - 1 && A->run[r].t0 >= 2 &&
            (A->run[r].flags & R_PERSON) && !(A->run[r].flags & (R_POSS | R_INQ))) {
            uint32_t v = A->run[r].t0 - 1;
            if (inverted_verb(A, v))
                return verb_cue(A, v, who_of(A, r), ot - 1);
        }
    }
    uint32_t w0;
    attrib a = before_attr(A, ot - 1, &w0);
    if (!a.cue || a.who == NONE || a.weak)
        return no_attrib();
    /* after the verb only a prepositional phrase may follow, or an
       appositive after the name the verb ends with */
    uint32_t k = a.end;
    if (k < ot - 1 && A->tok[k].kind == T_COMMA && run_at(A, k - 1) != NONE &&
        A->run[run_at(A, k - 1)].t1 == k && (A->run[run_at(A, k - 1)].flags & R_PERSON)) {
        for (k++; k < ot - 1; k++)
            if (A->tok[k].kind == T_WORD && (A->tok[k].cls & (WC_VERB | WC_VPRE | WC_PRON)) &&
                !(A->tok[k].flags & F_CAP))
                return no_attrib();
        return a;
    }
    /* "He has complained that arrests have strained his budget. "For the
       longest time ..."": reported speech, then the quote that bears it
       out in the same paragraph */
    /* ... and a line of reported speech that ends in a colon, the
       quotation set off after it ("The Washington Post reported last week
       that reading it appears to be a first: NL "..."") */
    uint32_t kt = k;
    if (line && A->tok[ot - 1].kind == T_COLON && k > 0 && is_word(A, k - 1, WC_VERB))
        while (kt < ot - 1 && kt - k < 3 && A->tok[kt].kind == T_WORD &&
               !is_word(A, kt, WC_REL | WC_DEM | WC_VERB | WC_VPRE | WC_PRON) &&
               (!(A->tok[kt].flags & F_CAP) || is_word(A, kt, WC_DAY)))
            kt++;
    if (line && A->tok[ot - 1].kind == T_COLON && kt < ot - 1 && is_word(A, kt, WC_REL | WC_DEM) &&
        !(A->tok[kt].flags & F_CAP) && k > 0 && is_word(A, k - 1, WC_VERB))
        return mark_or_line(A, kt + 1, ot - 1) ? no_attrib() : a;
    if (!line && k < ot - 1 && is_word(A, k, WC_REL | WC_DEM) && !(A->tok[k].flags & F_CAP) &&
        k > 0 && is_word(A, k - 1, WC_VERB) && ot > 0 && A->tok[ot - 1].kind == T_STOP)
        return mark_or_line(A, k + 1, ot - 1) ? no_attrib() : a;
    /* "She said Ben and his wife grew up as neighbours. NL "That was
       how ..."", "He said there could be knock-on impacts. "We think
       ...": the same with no "that" -- the verb, then the subject of
       the reported clause (a subject pronoun, a name, or a common word
       after a verb that is no participle: "Dr Phillip Monk said people
       with symptoms should seek advice. NL "The most important ...""; a
       preposition or a function word there opens no clause) */
    /* (not a question: "Dr Murray says he did not kill him. NL "Have you
       ever considered yourself a fan?"" is put to him, or by another) */
    if (!line && k + 1 < ot - 1 && k > 0 && is_word(A, k - 1, WC_VERB) && !asks(A, ct) &&
        !is_word(A, k - 1, WC_QUEST | WC_VPRE) && A->tok[ot - 1].kind == T_STOP &&
        ((is_word(A, k, WC_PRON) && !(A->tok[k].flags & F_CAP)) ||
         (run_at(A, k) != NONE && A->run[run_at(A, k)].t0 == k &&
          (A->run[run_at(A, k)].flags & R_NAMED) && !(A->run[run_at(A, k)].flags & R_POSS)) ||
         (A->tok[k].kind == T_WORD && !(A->tok[k].flags & F_CAP) && !participle(A, k - 1) &&
          !is_word(A, k, WC_PREP | WC_VERB | WC_VPRE | WC_FUNC))))
        return mark_or_line(A, w0, ot - 1) ? no_attrib() : a;
    if (para)
        return no_attrib();
    if (k < ot - 1 && !is_word(A, k, WC_PREP) && !word_is(A, k, "reporters"))
        return no_attrib();
    for (; k < ot - 1; k++)
        if (A->tok[k].kind != T_WORD || (A->tok[k].cls & (WC_VERB | WC_VPRE | WC_PRON)) ||
            is_word(A, k, WC_DEM))
            return no_attrib();
    return a;
}

/* "What is this? A circus?" he said, drawing laughter. "America is
   not a clown show."; "...," Putin added. NL "My season's greetings
   ...": a quote with no attribution of its own goes on from the quote
   before when only the tail of that one's attribution sentence (and at
   most one paragraph break, right before this quote or right after
   that sentence) stands between:
   no other quote, person, pronoun or speech verb, and no name in a new
   sentence before this quote ("... Tripoli». Le Hezbollah va organiser
   ... sous le slogan «...»"); a pronoun of the tail may be the speaker's
   own (who).  Tokens [from, ot). */
static int continues(const qart *A, uint32_t from, uint32_t ot, uint32_t who)
{
    if (from > ot || ot - from > CONT_GAP_TOKENS)
        return 0;
    unsigned stops = 0, rel = 0, sub = 0, nl = 0;
    for (uint32_t k = from; k < ot; k++) {
        const qtok *t = &A->tok[k];
        /* "..., O'Connor said when asked whether he had noticed ...", "...,
           Heller argued after a prosecutor objected": a clause the tail
           subordinates names no new speaker, up to the sentence's end */
        if (!stops && t->kind == T_WORD && (t->cls & WC_SUB) && !(t->flags & (F_CAP | F_INQ)))
            sub = 1;
        if (sub && !stops && (t->kind == T_WORD || t->kind == T_COMMA))
            continue;
        /* "..., she said in remarks reported by The Sunday Times.": a
           speech verb's form after a preposition is a noun; a passive
           participle and its agent */
        int speech = !stops && t->kind == T_WORD && (t->cls & (WC_VERB | WC_VPRE)) &&
                     !(t->flags & (F_CAP | F_INQ));
        if (speech && k > from && is_word(A, k - 1, WC_PREP))
            continue;
        if (speech && k + 1 < ot && is_word(A, k + 1, WC_PASSIVE)) {
            k++;
            uint32_t r = k + 1 < ot ? run_at(A, k + 1) : NONE;
            if (r != NONE && A->run[r].t0 == k + 1 && !(A->run[r].flags & R_PERSON))
                k = A->run[r].t1 - 1;
            continue;
        }
        /* "..., said Feinberg, an attorney who oversaw claims for the
           victims.": a relative clause of the speaker's appositive may
           hold a word that is also a speech verb */
        if (!stops && t->kind == T_WORD && (t->cls & WC_REL) && !(t->flags & F_CAP) && k > from &&
            A->tok[k - 1].kind == T_WORD)
            rel = 1;
        if (!stops && rel && t->kind == T_WORD && (t->cls & (WC_VERB | WC_VPRE)) &&
            !(t->cls & WC_PRON))
            continue;
        if (t->kind == T_OPEN || t->kind == T_CLOSE || t->kind == T_STRAIGHT)
            return 0;
        /* "Kansas City, Mo., branch", "(R-Minn.), who": a period that
           ends no sentence */
        stops += t->kind == T_STOP &&
                 (k + 1 == ot || A->tok[k + 1].kind == T_NL || (A->tok[k + 1].flags & F_SSTART));
        /* (one paragraph break may also end the attribution's sentence:
           "..., Councilman John Young said. NL The latest problem shows
           "they really are not up to the task"") */
        if (t->kind == T_NL && k + 1 != ot &&
            !(stops == 1 && A->tok[k - 1].kind == T_STOP && !nl++))
            return 0;
        if (t->kind != T_WORD)
            continue;
        /* the attribution's own tail may name its object: "Obama
           continued, calling out Speaker John Boehner." */
        if (!stops && (t->cls & (WC_VERB | WC_VPRE)) && participle(A, k))
            continue;
        /* "...," Hansbrough said as he stood alone at midcourt. NL "...":
           the tail may speak of the speaker again */
        if (!stops && (t->cls & WC_PRON) && !(t->cls & (WC_VERB | WC_VPRE)) && who != NONE &&
            resolve_pronoun(A, k) == who)
            continue;
        if (t->cls & (WC_VERB | WC_VPRE | WC_PRON))
            return 0;
        uint32_t r = run_at(A, k);
        if (r != NONE && !stops && !(A->run[r].flags & R_INQ)) {
            k = A->run[r].t1 - 1;
            continue;
        }
        if (r != NONE && ((A->run[r].flags & R_PERSON) || (stops && (A->run[r].flags & R_NAMED))))
            return 0;
    }
    return stops <= 1;
}

/* Does the quote closing at token ct end its paragraph (a stop may
   follow the mark)?  Words after it may be an attribution no rule read. */
static int ends_paragraph(const qart *A, uint32_t ct)
{
    uint32_t k = ct + 1;
    if (k < A->nt && A->tok[k].kind == T_STOP)
        k++;
    return k >= A->nt || A->tok[k].kind == T_NL;
}

/* "Hong Kong's health minister, York Chow, was grateful to the guests.
   NL "I want to thank them ..."": a quotation that is a paragraph of its
   own (or that ends the paragraph of the sentence before it: "Park was
   defiant. "...""), with no attribution and none to go on from, is the
   words of the one the sentence before it is about -- that sentence's subject
   mentions (find_names) all name one person; a role that names no one,
   a second person, or a quotation mark in that sentence gives NONE. */
static uint32_t context_speaker(const qart *A, uint32_t ot)
{
    if (ot < 2 || (A->tok[ot - 1].kind != T_NL && A->tok[ot - 1].kind != T_STOP))
        return NONE;
    /* (or after the sentence in its paragraph: "Park was defiant. "...."") */
    uint32_t e = A->tok[ot - 1].kind == T_STOP ? ot : ot - 1;
    while (e > 0 && A->tok[e - 1].kind == T_NL)
        e--;
    if (e < 2 || A->tok[e - 1].kind != T_STOP)
        return NONE;
    uint32_t s = sentence_start(A, e - 1);
    if (s >= e - 1 || mark_or_line(A, s, e - 1))
        return NONE;
    size_t lo = mentions_from(A, s);
    uint32_t who = NONE;
    for (; lo < A->nmen && A->men[lo].tok < e; lo++) {
        uint32_t f = A->men[lo].full, r = run_at(A, A->men[lo].tok);
        /* "Reid's publicist confirmed" (and PTB's "Reid 's", which
           lex.c reads as glued): the possessor is not the one */
        if (f == NONE || (who != NONE && f != who) || (r != NONE && (A->run[r].flags & R_POSS)))
            return NONE;
        who = f;
    }
    if (who == NONE || !(A->run[who].flags & R_PERSON))
        return NONE;
    /* "But he said Russia would not, despite being urged to by Foreign
       Minister Sergei Lavrov, who ...": another person named there may be
       the one whose words follow -- when the text shows it is a person's
       name (a title, a role, a given name, a speech verb; not "Robert
       Booy, head of research at the National Centre for Immunisation
       Research, believes ...") */
    for (size_t i = runs_before(A, s); i < A->nrun && A->run[i].t0 < e; i++)
        if ((A->run[i].flags & R_PERSON) && A->run[i].full != who &&
            (A->run[A->run[i].full].flags & R_WHO))
            return NONE;
    return who;
}

/* ---- quotes of one article ------------------------------------------------ */

/* Words of the quote between tokens ot and ct; a hyphen separates words
   here ("anti-Russia agony" is three), as it does for the stemmer. */
static size_t quote_words(const qart *A, uint32_t ot, uint32_t ct)
{
    size_t w = 0;
    for (uint32_t k = ot + 1; k < ct; k++) {
        if (A->tok[k].kind != T_WORD)
            continue;
        w++;
        if (A->tok[k].flags & F_HYPH)
            for (uint32_t b = A->tok[k].s; b < A->tok[k].e; b++)
                w += A->t[b] == '-';
    }
    return w;
}

/* The name of run r, tokens joined by one space, possessive off, in a. */
/* Byte length of word k of run q as its name writes it: a body's noun
   phrase keeps its possessor's ending ("Israel's foreign ministry"). */
static size_t run_word_len(const qart *A, const qrun *q, uint32_t k)
{
    return (q->flags & R_NOUN) && (A->tok[k].flags & F_POSS) ? A->tok[k].e - A->tok[k].s
                                                             : name_len(A, k);
}

static char *run_name(const qart *A, uint32_t r, arena *a)
{
    const qrun *q = &A->run[r];
    size_t len = 0;
    for (uint32_t k = q->n0; k < q->ne; k++)
        len += run_word_len(A, q, k) + 1;
    char *s = arena_alloc(a, len ? len : 1);
    if (!s)
        return NULL;
    size_t w = 0;
    for (uint32_t k = q->n0; k < q->ne; k++) {
        if (w)
            s[w++] = ' ';
        size_t n = run_word_len(A, q, k);
        memcpy(s + w, A->t + A->tok[k].s, n);
        w += n;
        if (n >= 3 && s[w - 1] == '.' && s[w - 2] == ' ')
            s[--w - 1] = '.'; /* "M ." of PTB text is written "M." */
    }
    s[w] = 0;
    if ((q->flags & R_NOUN) && s[0] >= 'A' && s[0] <= 'Z' && !(A->tok[q->n0].flags & F_POSS))
        s[0] = (char)(s[0] + 32); /* "The navy said": "the navy" */
    return s;
}


static int collect_stem(void *ud, uint32_t stem, int stop, size_t start, size_t end)
{
    qscratch *sc = ud;
    PRECIS_UNUSED(start);
    PRECIS_UNUSED(end);
    if (grow((void **)&sc->stems, &sc->stemcap, sc->nstems + 1, sizeof(uint32_t)))
        return -1;
    sc->stems[sc->nstems++] = stem << 1 | (stop ? 1u : 0u);
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Is there a quotation mark at t[i] (e the end of the text)?  Sets k's
   span. */
static int mark_at(const char *t, size_t e, size_t i, qtok *k)
{
    unsigned char c = (unsigned char)t[i];
    size_t len = 0;
    if (c == '"')
        len = 1;
    else if ((c == '`' || c == '\'') && i + 1 < e && (unsigned char)t[i + 1] == c)
        len = 2;
    else if (c == 0xC2 && i + 1 < e && ((unsigned char)t[i + 1] == 0xAB))
        len = 2;
    else if (c == 0xE2 && i + 2 < e && (unsigned char)t[i + 1] == 0x80 &&
             ((unsigned char)t[i + 2] == 0x9C || (unsigned char)t[i + 2] == 0x9E))
        len = 3;
    k->s = (uint32_t)i;
    k->e = (uint32_t)(i + len);
    return len > 0;
}

/* Records the quote made of raw quotes first..last with attribution at. */
static precis_status add_quote(const actx *x, qscratch *sc, const qart *A, uint32_t art,
                               size_t first, size_t last, const attrib *at)
{
    size_t len = 0;
    for (size_t i = first; i <= last; i++)
        len += A->tok[A->raw[i].ct].s - A->tok[A->raw[i].ot].e + 1;
    char *text = arena_alloc(x->tmp, len + 1);
    if (!text)
        return PRECIS_ENOMEM;
    size_t w = 0;
    for (size_t i = first; i <= last; i++) {
        size_t s = A->tok[A->raw[i].ot].e, e = A->tok[A->raw[i].ct].s;
        while (s < e && is_space(A->t[s]))
            s++;
        while (e > s && is_space(A->t[e - 1]))
            e--;
        if (s == e)
            continue;
        if (w)
            text[w++] = ' ';
        for (size_t b = s; b < e; b++) {
            if (A->t[b] != '\n') {
                text[w++] = A->t[b];
                continue;
            }
            /* a paragraph break inside: one space, and the mark that
               opens the next paragraph goes */
            while (b + 1 < e && is_space(A->t[b + 1]))
                b++;
            qtok mk;
            size_t nb = b + 1;
            if (nb < e && mark_at(A->t, e, nb, &mk))
                b = mk.e - 1;
            while (b + 1 < e && is_space(A->t[b + 1]))
                b++;
            text[w++] = ' ';
        }
    }
    /* the comma before an attribution belongs to the sentence around */
    while (w && (text[w - 1] == ',' || is_space(text[w - 1])))
        w--;
    text[w] = 0;
    if (grow((void **)&sc->q, &sc->qcap, sc->nq + 1, sizeof(qrec)))
        return PRECIS_ENOMEM;
    qrec *q = &sc->q[sc->nq];
    memset(q, 0, sizeof *q);
    q->art = art;
    q->start = A->tok[A->raw[first].ot].kind == T_NL ? A->tok[A->raw[first].ot + 1].s
                                                      : A->tok[A->raw[first].ot].s;
    q->end = A->tok[A->raw[last].ct].e;
    q->text = text;
    q->tlen = w;
    q->cue = at->cue;
    q->cuelen = at->cuelen;
    if (at->who != NONE) {
        /* consecutive quotes of one speaker share the string */
        if (sc->last_art != art || sc->last_who != at->who) {
            sc->last_name = run_name(A, at->who, x->tmp);
            if (!sc->last_name)
                return PRECIS_ENOMEM;
            sc->last_art = art;
            sc->last_who = at->who;
        }
        q->speaker = sc->last_name;
        const qrun *r = &A->run[at->who];
        q->skey = name_key(A, r);
    }
    sc->nstems = 0;
    if (norm_tokens(x->nm, text, w, collect_stem, sc))
        return PRECIS_ENOMEM;
    if (sc->nstems > 1) /* (stems is NULL before the first stem) */
        qsort(sc->stems, sc->nstems, sizeof(uint32_t), cmp_u32);
    size_t u = 0;
    for (size_t i = 0; i < sc->nstems; i++)
        if (!u || sc->stems[u - 1] != sc->stems[i])
            sc->stems[u++] = sc->stems[i];
    q->set = arena_alloc(x->tmp, (u ? u : 1) * sizeof(uint32_t));
    if (!q->set)
        return PRECIS_ENOMEM;
    if (u)
        memcpy(q->set, sc->stems, u * sizeof(uint32_t));
    q->nset = (uint32_t)u;
    sc->nq++;
    return PRECIS_OK;
}

/* "NBC's "Today"", "CBS 's `` 60 Minutes ''": a few words in marks right
   after a body's possessive name the body's show, paper or programme: a
   title, nobody's speech (a person's possessive may be their phrase:
   "Trump's "witch hunt"") */
static int body_title(const qart *A, uint32_t ot)
{
    if (ot < 2)
        return 0;
    uint32_t e = ot - 1; /* the possessive word, or the "s" of PTB's "'s" */
    /* PTB's "NBC 's": the lexer makes "'" and "s" of it (a word never
       opens with an apostrophe) */
    if (A->tok[e].kind == T_WORD && A->tok[e].e - A->tok[e].s == 1 &&
        A->t[A->tok[e].s] == 's' && e >= 2 && A->tok[e - 1].e == A->tok[e].s &&
        A->t[A->tok[e - 1].s] == '\'' && A->tok[e - 1].s > 0 &&
        A->t[A->tok[e - 1].s - 1] == ' ')
        e -= 2;
    else if (A->tok[e].kind != T_WORD || !(A->tok[e].flags & F_POSS))
        return 0;
    uint32_t r = run_at(A, e);
    if (r == NONE || A->run[r].t1 < e || !(A->run[r].flags & R_NAMED) ||
        (A->run[r].flags & (R_PERSON | R_INQ)))
        return 0;
    /* a title is written in capitals ("Meet the Press"), a phrase is not
       ("NBC's "wildly inaccurate" coverage") */
    for (uint32_t k = ot + 1; k < A->nt && A->tok[k].mark == MK_NONE; k++)
        if (A->tok[k].kind == T_WORD && !(A->tok[k].flags & (F_CAP | F_NUM)) &&
            !(A->tok[k].cls & (WC_FUNC | WC_DEF | WC_PREP)))
            return 0;
    return 1;
}

/* An unlisted verb in a quote's attribution slot.  A quotation closed on a
   comma is followed by its attribution (the news convention: ""...,"
   Tom Brown fumed.", ""...," crowed Nvidia CEO Jen-Hsun Huang", ""...,"
   the coach sniffed."), so a lower-case word there with a verb's ending
   is that attribution's verb, whatever the pack lists: right after the
   mark before a name, a pronoun or an article, or after a name (up to
   four capitalised words), a subject pronoun or "the" and two words,
   with the clause ending right after it; only for a quotation that opens
   its sentence. */
static int verb_ending(const qart *A, uint32_t k)
{
    const qtok *w = &A->tok[k];
    size_t n = w->e - w->s;
    const char *p = A->t + w->s;
    if (w->kind != T_WORD || (w->flags & F_CAP) || w->cls || n < 5)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] < 'a' || p[i] > 'z')
            return 0;
    return (p[n - 2] == 'e' && p[n - 1] == 'd') || mention_plural_ending(p, n); /* "-s" */
}

static void learn_verbs(qart *A)
{
    for (size_t i = 0; i < A->nraw; i++) {
        uint32_t ot = A->raw[i].ot, ct = A->raw[i].ct, j = ct + 1;
        /* (a quotation that opens its sentence: not "claims that he's
           "going to stay in," defied Republican Party leaders") */
        if (ct < ot + 3 || A->tok[ct - 1].kind != T_COMMA || j + 1 >= A->nt ||
            (ot > 0 && A->tok[ot - 1].kind != T_STOP && A->tok[ot - 1].kind != T_NL &&
             A->tok[ot - 1].kind != T_CLOSE && A->tok[ot - 1].kind != T_STRAIGHT))
            continue;
        if (verb_ending(A, j) && A->tok[j + 1].kind == T_WORD &&
            ((A->tok[j + 1].flags & F_CAP) || (A->tok[j + 1].cls & (WC_PRON | WC_DEF)))) {
            A->tok[j].cls |= WC_VERB;
            continue;
        }
        uint32_t k = j;
        if (A->tok[j].kind == T_WORD && (A->tok[j].cls & WC_PRON))
            k = j + 1;
        else if (A->tok[j].kind == T_WORD && (A->tok[j].cls & WC_DEF) && !(A->tok[j].flags & F_CAP))
            for (k = j + 1; k < A->nt && k - j <= 2 && A->tok[k].kind == T_WORD &&
                            !(A->tok[k].flags & F_CAP) && !verb_ending(A, k) &&
                            !(A->tok[k].cls & (WC_FUNC | WC_PREP | WC_VERB));
                 k++)
                ;
        else
            while (k < A->nt && k - j < 4 && A->tok[k].kind == T_WORD && (A->tok[k].flags & F_CAP) &&
                   !(A->tok[k].cls & (WC_FUNC | WC_PRON)))
                k++;
        if (k == j || k + 1 >= A->nt || !verb_ending(A, k))
            continue;
        const qtok *nx = &A->tok[k + 1];
        if (nx->kind == T_STOP || nx->kind == T_COMMA || nx->kind == T_NL ||
            (nx->kind == T_WORD && (nx->cls & WC_PREP)))
            A->tok[k].cls |= WC_VERB;
    }
}

/* Finds the quotes of article art and appends them to sc->q. */
static precis_status article_quotes(const actx *x, qscratch *sc, uint32_t art)
{
    qart A;
    memset(&A, 0, sizeof A);
    A.t = precis_cluster_article_text(x->c, art, &A.n);
    A.wt = sc->wt;
    if (!A.t || A.n == 0 || A.n >= UINT32_MAX)
        return PRECIS_OK; /* documented: articles of 4 GB and more are skipped */
    const lex_doc *d = x->lx;
    if (art >= d->nart)
        return PRECIS_OK;
    /* a quote needs an opening mark (pair_marks) */
    uint32_t mk = d->art[art];
    while (mk < d->art[art + 1] &&
           !(d->tok[mk].kind == LEX_QUOTE && d->tok[mk].mark != LEX_MK_RDQ &&
             d->tok[mk].mark != LEX_MK_GR))
        mk++;
    if (mk == d->art[art + 1])
        return PRECIS_OK;
    if (grow((void **)&sc->lmap, &sc->lmapcap, d->art[art + 1] - d->art[art] + 1,
             sizeof *sc->lmap))
        return PRECIS_ENOMEM;
    A.nt = qlex(sc->wt, d, art, A.t, &sc->tok, &sc->tokcap, sc->lmap);
    if (A.nt == SIZE_MAX)
        return PRECIS_ENOMEM;
    A.tok = sc->tok;
    if (A.nt == 0)
        return PRECIS_OK;
    A.nraw = pair_marks(&A, NULL);
    if (!A.nraw)
        return PRECIS_OK;
    if (grow((void **)&sc->raw, &sc->rawcap, A.nraw, sizeof(rawq)))
        return PRECIS_ENOMEM;
    A.raw = sc->raw;
    pair_marks(&A, A.raw);
    for (size_t i = 0; i < A.nraw; i++)
        for (uint32_t k = A.raw[i].ot + 1; k < A.raw[i].ct; k++)
            A.tok[k].flags |= F_INQ;
    learn_verbs(&A);
    if (find_names(&A, sc, art))
        return PRECIS_ENOMEM;

    attrib prev = no_attrib(); /* the last quote's speaker; .end: the token after it */
    uint32_t prev_ct = NONE;   /* its closing mark */
    for (size_t i = 0; i < A.nraw;) {
        size_t first = i, last = i;
        attrib inter = no_attrib();
        /* split quote: "A," <attribution>, "B." */
        while (last + 1 < A.nraw) {
            const rawq *q = &A.raw[last], *q2 = &A.raw[last + 1];
            if (q->ct < q->ot + 2 || A.tok[q->ct - 1].kind != T_COMMA ||
                q2->ot - q->ct > SPLIT_GAP_TOKENS || last - first + 1 >= SPLIT_MAX_PARTS ||
                A.tok[q2->ct].e - A.tok[A.raw[first].ot].s > 2 * QUOTE_MAX_BYTES)
                break;
            uint32_t lim = after_limit(&A, q->ct + 1);
            if (lim != q2->ot)
                break; /* a line break or another mark between */
            attrib a = after_attr(&A, q->ct + 1, lim);
            if (!a.cue)
                break;
            /* one clause: no sentence end before the final mark */
            uint32_t k = a.end;
            while (k + 1 < lim && A.tok[k].kind != T_STOP)
                k++;
            if (k + 1 < lim)
                break;
            /* "A," Smith said. "B," Jones said: two quotes, not one */
            if (q2->ct + 1 < A.nt && A.tok[q2->ct - 1].kind == T_COMMA) {
                attrib a2 = after_attr(&A, q2->ct + 1, after_limit(&A, q2->ct + 1));
                if (a2.cue && a2.who != NONE)
                    break;
            }
            if (!inter.cue)
                inter = a;
            last++;
        }
        size_t words = 0;
        for (size_t p = first; p <= last; p++)
            words += quote_words(&A, A.raw[p].ot, A.raw[p].ct);
        uint32_t ot = A.raw[first].ot, ct = A.raw[last].ct, w0;
        if (first == last && words < QUOTE_LONE_WORDS && body_title(&A, ot)) {
            i = last + 1;
            continue;
        }
        attrib at = inter, ta;
        attrib ba = before_attr(&A, ot, &w0);
        /* ""A," and predicted, "B."": a verb with no subject between the
           parts shares the subject of the sentence's verb before them */
        if (at.cue && at.who == NONE && ba.who != NONE && !ba.weak)
            at = ba;
        if (words < QUOTE_MIN_WORDS) {
            /* a word or two: a scare quote or a title ("LAME"), unless
               its own sentence gives it to someone ("Obama insisted
               "nothing improper" happened") */
            attrib aa = after_attr(&A, ct + 1, after_limit(&A, ct + 1));
            i = last + 1;
            if (words == 1 && ot + 2 == ct && (A.tok[ot + 1].flags & F_ALLCAPS))
                continue; /* a sign or a label: "a duck with "LAME" over it" */
            int after = 0;
            if ((ba.cue && ba.who != NONE && !ba.weak) || ba.unnamed ||
                (ba.cue && !ba.weak && ot - ba.end <= SHORT_VERB_TOKENS))
                at = ba;
            else if (aa.cue && aa.who != NONE && !aa.weak)
                at = aa, after = 1;
            else if (!ba.cue && !aa.cue && (ta = tail_attr(&A, ct)).cue)
                at = ta; /* "... "significant progress" on the cap, Allen said." */
            else if (prev.who != NONE && prev_ct + 2 == ot && is_word(&A, prev_ct + 1, WC_FUNC))
                at = prev; /* "fiscally irresponsible" and "grossly unfair" */
            else
                continue;
            prev = at;
            /* a short quote is no paragraph to go on from, but its
               speaker's sentence is ("Help came "very fast," Preval said.
               NL "When it arrives ..."") */
            prev.end = after && at.end > ct ? at.end : NONE;
            prev_ct = ct;
            precis_status st = add_quote(x, sc, &A, art, first, last, &at);
            if (st)
                return st;
            continue;
        }
        int begins = w0 == ot || (ot > 0 && A.tok[ot - 1].kind == T_COLON);
        if (ba.firm)
            at = ba; /* the one who answers after it is not its speaker */
        /* "what Trump called "a very special relationship," Macron
           hinted": the object of a naming verb right before it (say_before
           only: "called", "dubbed") is that verb's subject's, whatever
           verb follows */
        if (!at.cue && ba.cue && ba.who != NONE && !ba.weak && ba.end > 0 && ba.end <= ot &&
            ot - ba.end <= 2 && is_word(&A, ba.end - 1, WC_VPRE) &&
            !is_word(&A, ba.end - 1, WC_VERB))
            at = ba;
        if (!at.cue) {
            attrib aa = after_attr(&A, ct + 1, after_limit(&A, ct + 1));
            /* `"A." Jones said: "B."`: the colon hands that attribution
               to the next quote */
            if (aa.cue && aa.end < A.nt && A.tok[aa.end].kind == T_COLON)
                aa = no_attrib();
            /* "Markey said: "...," he added": a pronoun after the quote
               means the one who introduced it */
            if (aa.cue && aa.who != NONE && !aa.weak && ba.cue && ba.who != NONE && !ba.weak &&
                aa.who != ba.who && pronoun_after(&A, ct))
                at = ba;
            else if (aa.cue && aa.who != NONE && !aa.weak)
                at = aa;
            else if (ba.who != NONE)
                at = ba;
            else if (aa.who != NONE)
                at = aa;
            else if (!aa.cue && !ba.cue && (ta = tail_attr(&A, ct)).cue)
                at = ta;
            else {
                attrib pa = begins ? prev_sentence_attr(&A, ot, ct) : no_attrib();
                /* (or a verb before it that found no subject: "There may be
                   more, said Dorn at the town hall: "..."") */
                if (!pa.cue && (!ba.cue || (ba.who == NONE && !ba.unnamed && !ba.weak)))
                    pa = colon_attr(&A, ot, w0);
                at = pa.cue ? pa : aa.cue ? aa : ba;
            }
        }
        i = last + 1;
        if (!at.cue && prev.who != NONE && (begins || words >= QUOTE_LONE_WORDS) &&
            continues(&A, prev.end, ot, prev.who))
            at = prev;
        if (!at.cue && begins && ends_paragraph(&A, ct) && !asks(&A, ct)) {
            uint32_t cw = context_speaker(&A, ot);
            if (cw != NONE)
                at = (attrib){cw, NULL, 0, ot, 0, 0, 0};
        }
        if (words < QUOTE_LONE_WORDS && at.who == NONE && !at.unnamed && !begins)
            continue;
        prev = at;
        prev.end = at.end > ct ? at.end : ct + 1;
        prev_ct = ct;
        precis_status st = add_quote(x, sc, &A, art, first, last, &at);
        if (st)
            return st;
    }
    return PRECIS_OK;
}

/* ---- the same quote across sources, and variants -------------------------- */


typedef struct qpost {
    uint32_t key, q; /* set element, quote */
} qpost;

static int cmp_post(const void *pa, const void *pb)
{
    const qpost *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return (a->q > b->q) - (a->q < b->q);
}

/* Is ord entry a before b: by hash, then index? */
static int hash_less(const uint64_t *h, uint32_t a, uint32_t b)
{
    return h[a] < h[b] || (h[a] == h[b] && a < b);
}

static void sift_down(uint32_t *ord, size_t r, size_t n, const uint64_t *h)
{
    for (;;) {
        size_t c = 2 * r + 1;
        if (c >= n)
            return;
        if (c + 1 < n && hash_less(h, ord[c], ord[c + 1]))
            c++;
        if (!hash_less(h, ord[r], ord[c]))
            return;
        uint32_t t = ord[r];
        ord[r] = ord[c];
        ord[c] = t;
        r = c;
    }
}

/* Sorts ord[0..n) by h[ord[i]], then index: a heap sort, since qsort has
   no context pointer in C11 and this needs no extra memory. */
static void sort_by_hash(uint32_t *ord, size_t n, const uint64_t *h)
{
    for (size_t r = n / 2; r-- > 0;)
        sift_down(ord, r, n, h);
    for (size_t end = n; end-- > 1;) {
        uint32_t t = ord[0];
        ord[0] = ord[end];
        ord[end] = t;
        sift_down(ord, 0, end, h);
    }
}

typedef struct qpair {
    uint32_t a, b;
} qpair;

/* Compares the quotes that share a rare stem: same quote (union into
   same[]) or a candidate variant pair (appended to *vp). */
static precis_status compare_quotes(const actx *x, const qscratch *sc, uint32_t *same, qpair **vp,
                                    size_t *nvp)
{
    size_t nq = sc->nq, np = 0;
    /* identical stem sets are one quote, however common their words */
    uint64_t *h = arena_alloc(x->tmp, pmul(nq, sizeof *h));
    uint32_t *ord = arena_alloc(x->tmp, pmul(nq, sizeof *ord));
    if (!h || !ord)
        return PRECIS_ENOMEM;
    for (size_t i = 0; i < nq; i++) {
        h[i] = hash_bytes(sc->q[i].set, sc->q[i].nset * sizeof(uint32_t));
        ord[i] = (uint32_t)i;
    }
    sort_by_hash(ord, nq, h);
    for (size_t i = 1; i < nq; i++) {
        const qrec *a = &sc->q[ord[i - 1]], *b = &sc->q[ord[i]];
        if (h[ord[i - 1]] == h[ord[i]] && a->nset == b->nset &&
            !memcmp(a->set, b->set, a->nset * sizeof(uint32_t)))
            uf_union(same, ord[i - 1], ord[i]);
    }
    for (size_t i = 0; i < nq; i++)
        if (same[i] == i)
            np += sc->q[i].nset;
    qpost *post = arena_alloc(x->tmp, pmul(np ? np : 1, sizeof *post));
    uint32_t *stamp = arena_calloc(x->tmp, nq, sizeof *stamp);
    size_t vcap = nq < 1024 ? nq + 16 : 1024;
    qpair *v = arena_alloc(x->tmp, pmul(vcap, sizeof *v));
    if (!post || !stamp || !v)
        return PRECIS_ENOMEM;
    np = 0;
    for (size_t i = 0; i < nq; i++)
        if (same[i] == i)
            for (uint32_t k = 0; k < sc->q[i].nset; k++)
                post[np++] = (qpost){sc->q[i].set[k], (uint32_t)i};
    qsort(post, np, sizeof *post, cmp_post);
    size_t work = 0, nv = 0;
    for (size_t i = 0; i < nq && work < WORK_BUDGET; i++) {
        const qrec *qi = &sc->q[i];
        if (same[i] != i)
            continue;
        for (uint32_t k = 0; k < qi->nset && work < WORK_BUDGET; k++) {
            size_t lo = 0, hi = np;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (post[mid].key < qi->set[k])
                    lo = mid + 1;
                else
                    hi = mid;
            }
            size_t e = lo;
            while (e < np && post[e].key == qi->set[k] && e - lo <= POSTING_MAX)
                e++;
            if (e - lo > POSTING_MAX)
                continue; /* a common word: no evidence */
            for (size_t p = lo; p < e; p++) {
                uint32_t j = post[p].q;
                if (j <= i || stamp[j] == i + 1)
                    continue;
                stamp[j] = (uint32_t)i + 1;
                const qrec *qj = &sc->q[j];
                work += qi->nset + qj->nset;
                size_t a = 0, b = 0, inter = 0, content = 0;
                while (a < qi->nset && b < qj->nset) {
                    if (qi->set[a] < qj->set[b])
                        a++;
                    else if (qi->set[a] > qj->set[b])
                        b++;
                    else {
                        inter++;
                        content += !(qi->set[a] & 1);
                        a++;
                        b++;
                    }
                }
                size_t mn = qi->nset < qj->nset ? qi->nset : qj->nset;
                size_t mx = qi->nset + qj->nset - mn;
                double jac = (double)inter / (double)(mx + mn - inter);
                double cont = mn ? (double)inter / (double)mn : 0;
                if (jac >= SAME_JACCARD ||
                    (cont >= SAME_CONTAIN && (double)mn >= SAME_RATIO * (double)mx && mn >= SAME_MIN_STEMS)) {
                    uf_union(same, (uint32_t)i, j);
                } else if (inter >= VARIANT_SHARED && content >= 1 &&
                           (jac >= VARIANT_JACCARD || (cont >= SAME_CONTAIN && mn >= 3)) &&
                           (!qi->skey || !qj->skey || qi->skey == qj->skey)) {
                    if (nv == vcap) {
                        qpair *nvv = arena_alloc(x->tmp, pmul(vcap * 2, sizeof *nvv));
                        if (!nvv)
                            return PRECIS_ENOMEM;
                        memcpy(nvv, v, nv * sizeof *v);
                        v = nvv;
                        vcap *= 2;
                    }
                    v[nv++] = (qpair){(uint32_t)i, j};
                }
            }
        }
    }
    *vp = v;
    *nvp = nv;
    return PRECIS_OK;
}

/* An entry's place in the output: its wording's article and start. */
typedef struct qplace {
    size_t art, start;
    uint32_t e;
} qplace;

static int cmp_place(const void *pa, const void *pb)
{
    const qplace *a = pa, *b = pb;
    if (a->art != b->art)
        return a->art < b->art ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return (a->e > b->e) - (a->e < b->e);
}

static precis_status group_quotes(const actx *x, const qscratch *sc, precis_quote **out,
                                  size_t *nout)
{
    size_t nq = sc->nq;
    uint32_t *same = arena_alloc(x->tmp, pmul(nq, sizeof *same));
    uint32_t *entry = arena_alloc(x->tmp, pmul(nq, sizeof *entry));
    if (!same || !entry)
        return PRECIS_ENOMEM;
    for (size_t i = 0; i < nq; i++)
        same[i] = (uint32_t)i;
    qpair *vp;
    size_t nvp;
    precis_status st = compare_quotes(x, sc, same, &vp, &nvp);
    if (st)
        return st;
    /* entries in quote order: (article, start) of their first member */
    size_t ne = 0;
    for (size_t i = 0; i < nq; i++) {
        uint32_t r = uf_find(same, (uint32_t)i);
        entry[i] = r == i ? (uint32_t)ne++ : entry[r];
    }
    precis_quote *qs = arena_calloc(x->tmp, ne, sizeof *qs);
    uint32_t *best = arena_alloc(x->tmp, pmul(ne, sizeof *best));
    uint32_t *rep = arena_alloc(x->tmp, pmul(ne, sizeof *rep));
    uint32_t *lastart = arena_alloc(x->tmp, pmul(ne, sizeof *lastart));
    uint32_t *vpar = arena_alloc(x->tmp, pmul(ne, sizeof *vpar));
    size_t **arts = arena_alloc(x->tmp, pmul(ne, sizeof *arts));
    if (!qs || !best || !rep || !lastart || !vpar || !arts)
        return PRECIS_ENOMEM;
    for (size_t e = 0; e < ne; e++) {
        best[e] = NONE;
        rep[e] = NONE;
        lastart[e] = NONE;
        vpar[e] = (uint32_t)e;
    }
    for (size_t i = 0; i < nq; i++) {
        uint32_t e = entry[i];
        const qrec *q = &sc->q[i];
        if (lastart[e] != q->art) {
            qs[e].n_articles++;
            lastart[e] = q->art;
        }
        if (rep[e] == NONE || q->nset > sc->q[rep[e]].nset)
            rep[e] = (uint32_t)i;
        if (best[e] == NONE)
            best[e] = (uint32_t)i;
        else if (!sc->q[best[e]].speaker && (q->speaker || !sc->q[best[e]].cue) &&
                 (q->speaker || q->cue))
            best[e] = (uint32_t)i;
    }
    for (size_t e = 0; e < ne; e++) {
        arts[e] = arena_alloc(x->out, pmul(qs[e].n_articles, sizeof **arts));
        if (!arts[e])
            return PRECIS_ENOMEM;
        qs[e].articles = arts[e];
        qs[e].n_articles = 0;
        lastart[e] = NONE;
    }
    for (size_t i = 0; i < nq; i++) {
        uint32_t e = entry[i];
        const qrec *q = &sc->q[i];
        if (lastart[e] != q->art) {
            arts[e][qs[e].n_articles++] = q->art;
            lastart[e] = q->art;
        }
        if (rep[e] == i) {
            qs[e].text = arena_strndup(x->out, q->text, q->tlen);
            qs[e].article = q->art;
            qs[e].start = q->start;
            qs[e].end = q->end;
            if (!qs[e].text)
                return PRECIS_ENOMEM;
        }
    }
    for (size_t e = 0; e < ne; e++) {
        const qrec *b = &sc->q[best[e]];
        if (b->speaker && !(qs[e].speaker = arena_strndup(x->out, b->speaker, strlen(b->speaker))))
            return PRECIS_ENOMEM;
        if (b->cue) {
            char *c = arena_strndup(x->out, b->cue, b->cuelen);
            if (!c)
                return PRECIS_ENOMEM;
            for (char *p = c; *p; p++)
                if (*p >= 'A' && *p <= 'Z')
                    *p = (char)(*p + 32);
            qs[e].cue = c;
        }
    }
    /* variants: one speaker (last name), partial overlap */
    for (size_t k = 0; k < nvp; k++) {
        uint32_t ea = entry[vp[k].a], eb = entry[vp[k].b];
        uint64_t ka = sc->q[best[ea]].skey, kb = sc->q[best[eb]].skey;
        if (ea != eb && ka && ka == kb)
            uf_union(vpar, ea, eb);
    }
    /* in text order of the wordings given; a variant set is named by
       its smallest index in that order */
    qplace *pl = arena_alloc(x->tmp, pmul(ne, sizeof *pl));
    uint32_t *newi = arena_alloc(x->tmp, pmul(ne, sizeof *newi));
    uint32_t *vmin = arena_alloc(x->tmp, pmul(ne, sizeof *vmin));
    precis_quote *sorted = arena_alloc(x->out, pmul(ne, sizeof *sorted));
    if (!pl || !newi || !vmin || !sorted)
        return PRECIS_ENOMEM;
    for (size_t e = 0; e < ne; e++) {
        pl[e] = (qplace){qs[e].article, qs[e].start, (uint32_t)e};
        vmin[e] = NONE;
    }
    qsort(pl, ne, sizeof *pl, cmp_place);
    for (size_t i = 0; i < ne; i++)
        newi[pl[i].e] = (uint32_t)i;
    for (size_t e = 0; e < ne; e++) {
        uint32_t r = uf_find(vpar, (uint32_t)e);
        if (newi[e] < vmin[r])
            vmin[r] = newi[e];
    }
    for (size_t e = 0; e < ne; e++) {
        sorted[newi[e]] = qs[e];
        sorted[newi[e]].variant = vmin[uf_find(vpar, (uint32_t)e)];
    }
    *out = sorted;
    *nout = ne;
    return PRECIS_OK;
}

precis_status quotes_find(const actx *x, precis_quote **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    qscratch sc;
    memset(&sc, 0, sizeof sc);
    sc.wt = norm_lang(x->nm);
    sc.last_art = NONE;
    sc.lx = x->lx;
    sc.md = x->men;
    /* called without the analysis' mentions (readable.c): find them */
    mention_doc own;
    memset(&own, 0, sizeof own);
    precis_status st = PRECIS_OK;
    if (!sc.md) {
        st = mention_find(&own, x->lx, x->c, sc.wt);
        sc.md = &own;
    }
    size_t na = precis_cluster_size(x->c);
    for (size_t a = 0; a < na && !st && a < UINT32_MAX; a++)
        st = article_quotes(x, &sc, (uint32_t)a);
    if (!st && sc.nq)
        st = group_quotes(x, &sc, out, n);
    scratch_free(&sc);
    mention_doc_free(&own);
    if (st) {
        *out = NULL;
        *n = 0;
    }
    return st;
}
