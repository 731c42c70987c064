/* test_mention.c -- the mention finder (src/mention.c) on real-shaped
   news sentences: honorifics and titles cut off a name, names joined by
   lower-case words, sentence-initial openers, party words, organisations
   before a title, the evidence of kind and gender.

   Each case is one article given as its sentences (lexed one by one, as
   lex_cluster does on the model's spans) and the mentions expected,
   written one after the other as

     NAME            the name proper, then any of
     /T=Title        the last title before it
     /P=Org          an organisation's name before the title
     +org +nonp +given +title +role +said +place +joined +sinit +prep
     +m +f           the evidence and gender the text shows

   separated by " | "; runs without a name ("The", a lone title) are left
   out. */
#include "mention.h"
#include "precis.h"
#include "t.h"

#include <stdio.h>
#include <stdlib.h>

static size_t put(char *out, size_t w, size_t cap, const char *t, uint32_t s, uint32_t e)
{
    if (w + (e - s) + 1 < cap) {
        memcpy(out + w, t + s, e - s);
        w += e - s;
    }
    out[w] = 0;
    return w;
}

static void describe(const mention_doc *md, const lex_doc *d, const char *t, char *out,
                     size_t cap)
{
    size_t w = 0;
    out[0] = 0;
    for (size_t i = 0; i < md->n && w + 200 < cap; i++) {
        const mention_run *r = &md->m[i];
        if (r->n0 == r->ne)
            continue;
        if (w)
            w += (size_t)snprintf(out + w, cap - w, " | ");
        w = put(out, w, cap, t, d->tok[r->n0].s, d->tok[r->ne - 1].we);
        if (r->title != MENTION_NONE) {
            w += (size_t)snprintf(out + w, cap - w, "/T=");
            w = put(out, w, cap, t, d->tok[r->title].s, d->tok[r->title].we);
        }
        if (r->p0 < r->pe) {
            w += (size_t)snprintf(out + w, cap - w, "/P=");
            w = put(out, w, cap, t, d->tok[r->p0].s, d->tok[r->pe - 1].we);
        }
        static const struct {
            unsigned bit;
            const char *name;
        } ev[] = {{MEN_ORG, "org"},       {MEN_NONPERSON, "nonp"}, {MEN_GIVEN, "given"},
                  {MEN_TITLE, "title"},   {MEN_ROLE, "role"},      {MEN_SAID, "said"},
                  {MEN_PLACE, "place"},   {MEN_JOINED, "joined"},  {MEN_SINIT, "sinit"},
                  {MEN_PREP, "prep"},      {MEN_DESCR, "descr"}};
        for (size_t b = 0; b < sizeof ev / sizeof ev[0]; b++)
            if (r->ev & ev[b].bit)
                w += (size_t)snprintf(out + w, cap - w, " +%s", ev[b].name);
        if (r->gender & MEN_M)
            w += (size_t)snprintf(out + w, cap - w, " +m");
        if (r->gender & MEN_F)
            w += (size_t)snprintf(out + w, cap - w, " +f");
    }
}

/* The mentions of the article made of the sentences sent[] (NULL-ended),
   joined by a space, against want. */
static void check(const char *const *sent, const char *want)
{
    char text[4096];
    size_t n = 0, span[32][2], ns = 0;
    for (; sent[ns] && ns < 32; ns++) {
        size_t l = strlen(sent[ns]);
        if (n)
            text[n++] = ' ';
        span[ns][0] = n;
        memcpy(text + n, sent[ns], l);
        n += l;
        span[ns][1] = n;
    }
    text[n] = 0;
    precis_cluster *c = precis_cluster_new();
    precis_article art = {0};
    art.id = "a";
    art.text = text;
    art.text_len = n;
    T_EQ_INT(precis_cluster_add(c, &art), PRECIS_OK);
    lang *L = lang_new("english");
    T_CHECK(L != NULL);
    lex_doc d;
    memset(&d, 0, sizeof d);
    uint32_t arts[2] = {0, 0};
    d.art = arts;
    d.nart = 1;
    for (size_t i = 0; i < ns; i++) {
        size_t t0 = d.ntok;
        T_EQ_INT(lex_span(&d, L, text, span[i][0], span[i][1]), 0);
        if (t0 < d.ntok)
            d.tok[t0].f |= LEX_SSTART;
    }
    arts[1] = (uint32_t)d.ntok;
    mention_doc md;
    T_EQ_INT(mention_find(&md, &d, c, L), PRECIS_OK);
    char got[4096];
    describe(&md, &d, text, got, sizeof got);
    T_EQ_STR(got, want);
    for (size_t i = 0; i < md.n; i++) {
        const mention_run *r = &md.m[i];
        T_CHECK(r->t0 <= r->n0 && r->n0 <= r->ne && r->ne <= r->t1 && r->t1 <= d.ntok);
        T_CHECK(i == 0 || md.m[i - 1].t1 <= r->t0);
    }
    mention_doc_free(&md);
    d.art = NULL;
    lex_doc_free(&d);
    lang_free(L);
    precis_cluster_free(c);
}

static void test_titles(void)
{
    /* honorifics and a title go; the gender of "Mr" stays */
    const char *a[] = {"Prime Minister Datuk Seri Najib Razak said the fund was clean.",
                       "Mr. Najib denied wrongdoing.", NULL};
    check(a,
          "Najib Razak/T=Seri +given +title +said +sinit +m | Najib/T=Mr +title +said +sinit +m");
    /* an organisation before the title; a role noun before a name */
    const char *b[] = {
        "Russian Foreign Ministry Spokesperson Maria Zakharova said on Friday that talks "
        "would go on.",
        "The talks were led by spokesman Dmitry Peskov in the capital.", NULL};
    check(b, "Maria Zakharova/T=Spokesperson/P=Russian Foreign Ministry +given +title +said "
             "+sinit +f | Dmitry Peskov +given +role +prep +m");
    /* "Peter King": a title word ending the name after a given name */
    const char *c[] = {"Rep. Peter King of New York disagreed with the plan.", NULL};
    check(c, "Peter King/T=Rep +given +title +sinit +m | New York +nonp +prep");
    /* "Justice Department": a title before an organisation word */
    const char *d[] = {"Officials at the U.S. Justice Department declined to comment.", NULL};
    check(d, "U.S. Justice Department +org +nonp +prep");
    /* a month's abbreviation before a surname is a given name; a month
       before a number stays a date */
    const char *e[] = {"Arizona Gov. Jan Brewer vetoed the bill on Jan. 26 after a week.",
                       "Brewer said the bill was flawed.", NULL};
    check(e, "Jan Brewer/T=Gov +title +sinit | Brewer +said +sinit");
    /* a generational number in Roman capitals is no acronym: a person's */
    const char *f[] = {"It was a shock, said former Representative Thomas M. Davis III on Monday.",
                       NULL};
    check(f, "Thomas M. Davis III/T=Representative +given +title +m");
}

static void test_joined(void)
{
    const char *a[] = {"Fans left the Stade de France after the blasts.",
                       "The band Eagles of Death Metal was on stage at the time.",
                       "The Ministry of Defence said two soldiers were hurt.", NULL};
    check(a, "Stade de France +joined | Eagles of Death Metal +joined | "
             "Ministry of Defence +org +nonp +said +joined +sinit");
    /* a possessive ends a name, but a saint's */
    const char *c[] = {"Mourners met at St. Anselm's Church on Sunday.",
                       "They met Obama's aides there.", NULL};
    check(c, "St. Anselm's Church +org +nonp +prep | Obama");
    /* "of" joins no title to a name */
    const char *b[] = {"It was approved by Secretary of State Mike Pompeo on Monday.", NULL};
    check(b, "Mike Pompeo +given +prep +m");
    /* after a preposition a person's name starts at a listed given name,
       its gender with it: the office's name before it is cut off */
    const char *d[] = {"The memo was sent by Deputy Director for Border Security Charlene "
                       "Vasko on Friday.",
                       "The plan went to the Assistant Secretary for Coastal Affairs Deval "
                       "Orme.", NULL};
    check(d, "Charlene Vasko +given +prep +f | Deval Orme +given +prep +m");
    /* ... but not at one that ends a place the pack lists with the word
       before it */
    const char *e[] = {"The story ran in the San Francisco Chronicle on Monday.",
                       "It was sent to Santa Monica Pier officials.", NULL};
    check(e, "San Francisco Chronicle +nonp +prep | Santa Monica Pier +nonp +prep");
    /* "for" joins inside an organisation's name, and "and" inside one so
       joined, before a word that is no given name */
    const char *g[] = {"The Centers for Disease Control and Prevention confirmed 20 cases.",
                       "Officials of the Department of Health and Human Services met Dr. "
                       "David Morens of the National Institute of Allergy and Infectious "
                       "Diseases.", NULL};
    check(g, "Centers for Disease Control and Prevention +org +nonp +said +joined +sinit | "
             "Department of Health and Human Services +org +nonp +joined +prep | "
             "David Morens/T=Dr +given +title +m | "
             "National Institute of Allergy and Infectious Diseases +org +nonp +joined +prep");
    const char *h[] = {"The Bank of England and Mark Carney were blamed.",
                       "The Justice Department and Holder declined to comment.",
                       "A spokesman for Exxon said so.", NULL};
    /* a title word ending a name after a given name and an initial is a
       surname */
    const char *k[] = {"The analyst Byron W. King wrote the report.", NULL};
    /* a title that is no surname ends no name after a title and a word */
    const char *m[] = {"Peter Guest, Assistant Chief Fire Officer at the county, spoke.",
                       "Attorney General Troy King said so.", NULL};
    check(m, "Peter Guest +given +sinit +m | Troy King/T=General +title +said +sinit");
    /* a given name opening a sentence, a joiner and a name word: a name */
    const char *l[] = {"Bill de Blasio came to the area on Monday night.", NULL};
    check(l, "Bill de Blasio +given +joined +sinit +m");
    check(k, "Byron W. King +given +role +said +m");
    check(h, "Bank of England +org +nonp +joined +sinit | Mark Carney +given +m | "
             "Justice Department +org +nonp +sinit | Holder | Exxon +said +prep");
}

static void test_openers(void)
{
    /* a sentence-initial word that the cluster writes lower-case, or that
       ends like a common word, opens no name */
    const char *a[] = {"Presently Australia leads the search for the plane.",
                       "Joining Malaysia were ships from China.",
                       "Demonstrators marched to the court.",
                       "Several demonstrators were detained.", NULL};
    check(a, "Australia | Malaysia +prep | China +prep");
    /* a party word is no part of a name; "the Arizona Republican" is a
       description (no speaker) */
    const char *b[] = {"Republican Pat Toomey voted against it.",
                       "The move angered the Arizona Republican.", NULL};
    check(b, "Pat Toomey +sinit | Arizona Republican +descr");
    /* ... but of a body's name it is */
    const char *b2[] = {"A spokesman for the Democratic National Committee said so.", NULL};
    check(b2, "Democratic National Committee +org +nonp +said +prep");
    /* "Premier League" is one name; its first word a title only before a
       name */
    const char *c[] = {"The club plays in the Premier League this season.", NULL};
    check(c, "Premier League +org +nonp +prep");
}

int main(void)
{
    T_RUN(test_titles);
    T_RUN(test_joined);
    T_RUN(test_openers);
    return t_finish();
}
