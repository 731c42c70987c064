/* test_lex.c -- the analysis tokenizer (src/lex.c) on tricky, real-shaped
   news text: the three kinds of quotation marks and the typewriter ones,
   numbers with separators, decimals, currency, percent and glued units,
   abbreviations, names with apostrophes and hyphens, letters beyond ASCII,
   line breaks; then sentence starts over a model, and one regression the
   shared tokens fixed in the quote finder.

   Each case is an input and the tokens expected, written one after the
   other as KIND:TEXT with marks:
     W word, N number, P punctuation, Q quotation mark, NL line break;
     ^ capitalised, ! all capitals (two letters or more), ~ possessive,
     - inner hyphen, + took the period after it, o where a mark opens,
     [x] the language-pack entry of the word, =V a number's value
     (cur/pct/bad/ord/iso shown by $, %, ?, #, @Y-M-D). */
#include "lex.h"
#include "precis.h"
#include "t.h"

#include <stdio.h>
#include <stdlib.h>

static void describe(const lex_doc *d, const char *t, char *out, size_t cap)
{
    size_t w = 0;
    out[0] = 0;
    for (size_t i = 0; i < d->ntok && w + 96 < cap; i++) {
        const lex_tok *k = &d->tok[i];
        static const char *const kind[] = {"?", "W", "N", "P", "Q", "NL"};
        if (w)
            out[w++] = ' ';
        if (k->kind == LEX_NL) {
            w += (size_t)snprintf(out + w, cap - w, "NL");
            continue;
        }
        w += (size_t)snprintf(out + w, cap - w, "%s:%.*s", kind[k->kind], (int)(k->e - k->s),
                              t + k->s);
        if (k->f & LEX_CAP)
            out[w++] = '^';
        if (k->f & LEX_ACRO)
            out[w++] = '!';
        if (k->f & LEX_POSS)
            out[w++] = '~';
        if (k->f & LEX_HYPH)
            out[w++] = '-';
        if (k->f & LEX_ABBR)
            out[w++] = '+';
        if ((k->kind == LEX_QUOTE || k->kind == LEX_PUNCT) && (k->f & LEX_OPENPOS))
            out[w++] = 'o';
        if (k->kind == LEX_WORD && k->lw)
            w += (size_t)snprintf(out + w, cap - w, "[%s]", k->lw->w);
        if (k->kind == LEX_NUM) {
            const lex_num *n = &d->num[k->aux];
            w += (size_t)snprintf(out + w, cap - w, "=%llu", (unsigned long long)n->mant);
            if (n->dec)
                w += (size_t)snprintf(out + w, cap - w, "e-%u", n->dec);
            if (n->cur)
                out[w++] = '$';
            if (n->pct)
                out[w++] = '%';
            if (n->bad)
                out[w++] = '?';
            if (n->ord)
                out[w++] = '#';
            if (n->mult)
                w += (size_t)snprintf(out + w, cap - w, "x%d", n->mult);
            if (n->unit)
                w += (size_t)snprintf(out + w, cap - w, "(%s)", n->unit->unit);
            if (n->iso)
                w += (size_t)snprintf(out + w, cap - w, "@%u-%u-%u", n->iy, n->im, n->id);
        }
        out[w] = 0;
    }
}

static void check_in(const char *language, const char *in, const char *want)
{
    lang *L = lang_new(language);
    T_CHECK(L != NULL);
    lex_doc d;
    memset(&d, 0, sizeof d);
    T_EQ_INT(lex_span(&d, L, in, 0, strlen(in)), 0);
    char got[4096];
    describe(&d, in, got, sizeof got);
    T_EQ_STR(got, want);
    /* spans in order, inside the text, the word proper inside the span */
    for (size_t i = 0; i < d.ntok; i++) {
        T_CHECK(d.tok[i].s < d.tok[i].e && d.tok[i].e <= strlen(in));
        T_CHECK(d.tok[i].we > d.tok[i].s && d.tok[i].we <= d.tok[i].e);
        T_CHECK(i == 0 || d.tok[i].s >= d.tok[i - 1].e);
        if (d.tok[i].kind == LEX_WORD)
            T_CHECK(d.tok[i].fold == lex_fold(in, d.tok[i].s, d.tok[i].we));
    }
    lex_doc_free(&d);
    lang_free(L);
}

static void check(const char *in, const char *want) { check_in("english", in, want); }

static void test_quote_marks(void)
{
    check("\xe2\x80\x9cWe will win,\xe2\x80\x9d said Gov. Miriam Okafor-Hale.",
          "Q:\xe2\x80\x9co W:We^[we] W:will[will] W:win P:, Q:\xe2\x80\x9d W:said[said] "
          "W:Gov.^+[gov] W:Miriam^[miriam] W:Okafor-Hale^- P:.");
    check("He said \"nothing improper\" happened.",
          "W:He^[he] W:said[said] Q:\"o W:nothing[nothing] W:improper Q:\" W:happened P:.");
    check("\xc2\xab Nous gagnerons \xc2\xbb, a-t-il dit",
          "Q:\xc2\xab W:Nous^ W:gagnerons Q:\xc2\xbbo P:, W:a-t-il- W:dit");
    /* typewriter marks: `` and '' are one mark each; a lone ' is not;
       a mark after a space and before a non-space is where one opens
       (the closing guillemet before a comma above too: the stages pair
       marks by kind, the position is only a hint) */
    check("``It's over,'' he said of the 'deal'.",
          "Q:``o W:It's^~[it] W:over[over] P:, Q:'' W:he[he] W:said[said] W:of[of] "
          "W:the[the] P:'o W:deal P:' P:.");
    /* PTB spacing: the character after the whole two-byte mark decides
       ("'' Guan said": a mark before a space opens nothing) */
    check("`` It is over , '' Guan said .",
          "Q:`` W:It^[it] W:is[is] W:over[over] P:, Q:'' W:Guan^ W:said[said] P:.");
    check("\xe2\x80\x9eJa\xe2\x80\x9c",
          "Q:\xe2\x80\x9eo W:Ja^ Q:\xe2\x80\x9c");
}

static void test_numbers(void)
{
    check("1,200 people and 212.5 meters",
          "N:1,200=1200 W:people[people] W:and[and] N:212.5=2125e-1 W:meters[meters]");
    check("$1.2m, \xe2\x82\xac" "5bn, 5% and 18km",
          "N:$1.2m=12e-1$x6 P:, N:\xe2\x82\xac" "5bn=5$x9 P:, N:5%=5% W:and[and] "
          "N:18km=18(kilometers)");
    check("at 09:10 on 2016-12-30, ages 10-12",
          "W:at[at] N:09:10=9? W:on[on] N:2016-12-30=2016@2016-12-30 P:, W:ages "
          "N:10-12=10?");
    check("COVID-19 hit a 63-year-old on the 3rd",
          "W:COVID-19^!- W:hit[hit] W:a[a] N:63-year-old=63? W:on[on] W:the[the] N:3rd=3#");
    /* a comma not followed by exactly three digits separates (and is
       no sign of a code, unlike a hyphen, slash or period) */
    check("1,2345", "N:1=1 P:, N:2345=2345");
    /* as a pack with a decimal comma reads them (settings.txt): periods
       and spaces (a no-break one too) group, a comma before other than
       three digits is a decimal mark, "%" after a space; a glued one or
       a time keeps the English reading */
    check_in("french", "1.200 et 3,5 % de 30\xc2\xa0" "000 ; 40,000 ; 12.30",
             "N:1.200=1200 W:et[et] N:3,5 %=35e-1% W:de[de] N:30\xc2\xa0" "000=30000 P:; "
             "N:40,000=40000 P:; N:12.30=1230e-2");
    check_in("spanish", "1.200.000 de barriles y 1,7 millones",
             "N:1.200.000=1200000 W:de[de] W:barriles[barriles] W:y[y] N:1,7=17e-1 W:millones[millones]");
}

static void test_abbreviations(void)
{
    check("the U.S. and Dr. Smith at 2 p.m. Jan. 5",
          "W:the[the] W:U.S.^!+[u.s] W:and[and] W:Dr.^+[dr] W:Smith^ W:at[at] N:2=2 W:p.m.+[p.m] "
          "W:Jan.^+[jan] N:5=5");
    /* a period after a plain word ends the sentence */
    check("it ended. Then", "W:it[it] W:ended P:. W:Then^[then]");
    /* PTB text spaces it off: an initial or a title before a capital keeps
       it, but not a state after a hyphen ("D - W . Va .") nor a word */
    check("Nick J . Rahall and Dr . Lee ( D - W . Va . ) left . Then",
          "W:Nick^[nick] W:J .^+ W:Rahall^ W:and[and] W:Dr .^+[dr] W:Lee^ P:( W:D^ P:- "
          "W:W^ P:. W:Va^[va] P:. P:) W:left[left] P:. W:Then^[then]");
}

static void test_names(void)
{
    check("O'Brien met Obama's aide and Putin\xe2\x80\x99s envoy",
          "W:O'Brien^ W:met[met] W:Obama's^~ W:aide[aide] W:and[and] W:Putin\xe2\x80\x99s^~ W:envoy[envoy]");
    /* a plural possessive: the apostrophe after the s, before no word */
    check("the senators' letter and FreedomWorks\xe2\x80\x99 website said 'yes'",
          "W:the[the] W:senators'~[senators] W:letter[letter] W:and[and] "
          "W:FreedomWorks\xe2\x80\x99^~ W:website[website] W:said[said] P:'o W:yes[yes] P:'");
    /* two words glued by a missing space after the apostrophe */
    check("handled\xe2\x80\x99Lavrov", "W:handled P:\xe2\x80\x99 W:Lavrov^");
    check("Jean-Pierre Raffarin", "W:Jean-Pierre^-[jean-pierre] W:Raffarin^");
    /* PTB text spaces the possessive off: the word takes it; not a
       quotation in single marks ("'s words'") */
    check("Dr Murray 's spokeswoman and Putin \xe2\x80\x99s envoy said 'sure'",
          "W:Dr^[dr] W:Murray 's^~ W:spokeswoman[spokeswoman] W:and[and] "
          "W:Putin \xe2\x80\x99s^~ W:envoy[envoy] W:said[said] P:'o W:sure P:'");
}

static void test_non_ascii(void)
{
    check("\xc3\x89lys\xc3\xa9" "e Z\xc3\xbcrich \xc5\x81\xc3\xb3" "d\xc5\xba \xce\x91\xce\x98\xce\x97\xce\x9d\xce\x91",
          "W:\xc3\x89lys\xc3\xa9" "e^ W:Z\xc3\xbcrich^ W:\xc5\x81\xc3\xb3" "d\xc5\xba^ "
          "W:\xce\x91\xce\x98\xce\x97\xce\x9d\xce\x91^!");
    /* no-break and narrow no-break spaces are spaces; a line break is a token */
    check("a\xc2\xa0" "b\xe2\x80\xaf" "c\n\n  d", "W:a[a] W:b W:c NL W:d");
    /* one fold hash for every case of a word */
    const char *a = "\xc3\x89LYS\xc3\x89" "E", *b = "\xc3\xa9lys\xc3\xa9" "e";
    T_CHECK(lex_fold(a, 0, strlen(a)) == lex_fold(b, 0, strlen(b)));
    T_CHECK(lex_fold("Said", 0, 4) == lex_fold("sAID", 0, 4));
    T_CHECK(lex_fold("said", 0, 4) != lex_fold("sad", 0, 3));
    /* invalid UTF-8 is one punctuation byte at a time, never a crash */
    check("a\xff" "b", "W:a[a] P:\xff W:b");
}

/* The quote finder reads the shared tokens, which split a sentence start
   glued to the period before it ("warehouse.He"), so the pronoun opening
   the sentence gives the quote its speaker (the seed cluster's
   "groundless." quote, lost before). */
static void test_quotes_on_tokens(void)
{
    const char *text =
        "Russian Foreign Minister Sergey Lavrov said on Friday that Moscow would respond. "
        "He proposed to bar U.S. diplomats from a vacation house and a warehouse.He said "
        "that claims by the outgoing administration were \"groundless.\"";
    precis_cluster *c = precis_cluster_new();
    precis_article art = {0};
    art.id = "a";
    art.text = text;
    art.text_len = strlen(text);
    T_EQ_INT(precis_cluster_add(c, &art), PRECIS_OK);
    precis_summarizer *s = precis_summarizer_new(NULL, NULL);
    precis_analysis *an = NULL;
    T_EQ_INT(precis_analyze(s, c, &an), PRECIS_OK);
    const precis_quote *q = NULL;
    size_t n = precis_analysis_quotes(an, &q);
    T_EQ_INT(n, 1);
    if (n == 1) {
        T_EQ_STR(q[0].text, "groundless.");
        T_EQ_STR(q[0].speaker, "Sergey Lavrov");
    }
    precis_analysis_free(an);
    precis_summarizer_free(s);
    precis_cluster_free(c);
}

int main(void)
{
    T_RUN(test_quote_marks);
    T_RUN(test_numbers);
    T_RUN(test_abbreviations);
    T_RUN(test_names);
    T_RUN(test_non_ascii);
    T_RUN(test_quotes_on_tokens);
    return t_finish();
}
