/* test_lang.c -- the language packs (src/lang.c, data/lang/<code>/): the
   compiled packs are sorted and merged, the lookup folds case, tags
   carry gender and values, and a second language's pack drives the
   analysis (Spanish quotes with guillemets, "dijo", "según"); a language
   without a pack still analyzes, with no words known. */
#include "lang.h"
#include "precis.h"
#include "t.h"

#include <stdlib.h>
#include <string.h>

static void test_packs(void)
{
    const lang_pack *en = lang_pack_find("english");
    T_CHECK(en != NULL && en == lang_pack_find("en"));
    T_CHECK(lang_pack_find("spanish") != NULL && lang_pack_find("spanish") != en);
    T_CHECK(lang_pack_find("klingon") == NULL);
    T_CHECK(lang_pack_find(NULL) == en); /* the default language */
    for (size_t p = 0; p < precis_lang_npacks; p++) {
        const lang_pack *pk = &precis_lang_packs[p];
        for (size_t i = 1; i < pk->n; i++) /* sorted, one entry a word */
            T_CHECK(strcmp(pk->w[i - 1].w, pk->w[i].w) < 0);
    }
    /* a word in two files is one entry with both classes */
    const lang_word *w = lang_pack_word(en, "spokesman", 9);
    T_CHECK(w && (w->cls & LW_TITLE) && (w->tags & LT_M) && (w->tags & LT_LOWER));
    w = lang_pack_word(en, "mr", 2);
    T_CHECK(w && (w->cls & LW_TITLE) && (w->cls & LW_ABBR) && (w->tags & LT_ATITLE));
    T_CHECK(lang_pack_word(en, "mrx", 3) == NULL && lang_pack_word(en, "m", 1) != NULL);
    /* the number format of settings.txt; a two-word unit from units.txt */
    T_CHECK(en->num.decimal == '.' && !strcmp(en->num.group, ","));
    const lang_pack *fr = lang_pack_find("french");
    T_CHECK(fr && fr->num.decimal == ',' && strchr(fr->num.group, ' ') && strchr(fr->num.group, '.'));
    w = fr ? lang_pack_word(fr, "pour cent", 9) : NULL;
    T_CHECK(w && (w->cls & LW_UNIT) && w->unit && !strcmp(w->unit, "%"));
    /* month tags: "may" is also a common word, "jan" an abbreviation */
    w = lang_pack_word(en, "may", 3);
    T_CHECK(w && (w->cls & LW_MONTH) && (w->tags & LT_COMMON));
    w = lang_pack_word(en, "jan", 3);
    T_CHECK(w && (w->cls & LW_MONTH) && (w->tags & LT_DOT));
    w = fr ? lang_pack_word(fr, "mai", 3) : NULL;
    T_CHECK(w && (w->cls & LW_MONTH) && !(w->tags & (LT_DOT | LT_COMMON)));
}

static void test_lookup(void)
{
    lang *l = lang_new("english");
    T_CHECK(l != NULL);
    if (!l)
        return;
    const lang_word *w = lang_word_of(l, "SAID", 4);
    T_CHECK(w && (w->cls & LW_SAY));
    w = lang_word_of(l, "January", 7);
    T_CHECK(w && (w->cls & LW_MONTH) && w->val == 1);
    w = lang_word_of(l, "She", 3);
    T_CHECK(w && (w->cls & LW_PRON) && (w->tags & LT_F) && (w->tags & LT_SUBJ));
    w = lang_word_of(l, "forty", 5);
    T_CHECK(w && (w->cls & LW_NUMW) && w->val == 40);
    w = lang_word_of(l, "km", 2);
    T_CHECK(w && (w->cls & LW_UNIT) && w->unit && !strcmp(w->unit, "kilometers"));
    T_CHECK(lang_phrase(l, "White", 5, "House", 5) != NULL);
    T_CHECK(lang_phrase(l, "White", 5, "Horse", 5) == NULL);
    w = lang_word_of(l, "New York", 8);
    T_CHECK(w && (w->cls & LW_PLACENAME));
    T_CHECK(lang_word_of(l, "thisisaverylongwordthatnopackwilleverlist", 41) == NULL);
    T_CHECK(lang_class(l, "", 0) == 0);
    lang_free(l);

    l = lang_new("spanish");
    T_CHECK(l != NULL);
    if (!l)
        return;
    T_CHECK(lang_class(l, "Dijo", 4) & LW_SAY);
    T_CHECK(lang_class(l, "SEG\xC3\x9aN", 6) & LW_ACC); /* SEGÚN: the capital Ú folds */
    w = lang_word_of(l, "\xC3\x89l", 3);                 /* Él */
    T_CHECK(w && (w->cls & LW_PRON) && (w->tags & LT_M));
    T_CHECK(lang_class(l, "said", 4) == 0); /* English words are not Spanish */
    lang_free(l);

    l = lang_new("german"); /* a Snowball language without a pack */
    T_CHECK(l != NULL && lang_get_pack(l) == NULL && lang_class(l, "und", 3) == 0);
    lang_free(l);
}

/* One article of text in language lname: its analysis. */
static precis_analysis *analyze_in(const char *lname, const char *text, precis_cluster **cp)
{
    precis_options o;
    precis_options_init(&o);
    o.lang = lname;
    precis_status st;
    precis_summarizer *s = precis_summarizer_new(&o, &st);
    T_CHECK(s != NULL);
    precis_cluster *c = precis_cluster_new();
    precis_article a = {.id = "x", .text = text, .text_len = strlen(text)};
    T_EQ_INT(precis_cluster_add(c, &a), PRECIS_OK);
    precis_analysis *an = NULL;
    if (s)
        T_EQ_INT(precis_analyze(s, c, &an), PRECIS_OK);
    precis_summarizer_free(s);
    *cp = c;
    return an;
}

static const precis_quote *find(const precis_quote *q, size_t n, const char *needle)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(q[i].text, needle))
            return &q[i];
    return NULL;
}

static void test_spanish(void)
{
    const char *t =
        "El presidente egipcio, Hosni Mubarak, habl\xC3\xB3 anoche ante la naci\xC3\xB3n.\n\n"
        "\xC2\xAB" "No voy a presentarme a las pr\xC3\xB3ximas elecciones\xC2\xBB, dijo Mubarak.\n\n"
        "\"La oposici\xC3\xB3n rechaza cualquier di\xC3\xA1logo con el r\xC3\xA9gimen\", "
        "seg\xC3\xBAn Gamal Nasar, portavoz del grupo.\n\n"
        "La ministra Ana Torres lleg\xC3\xB3 el lunes. \"Vamos a ayudar a todas las familias\", "
        "afirm\xC3\xB3 ella.\n\n"
        "Treinta manifestantes murieron en Suez y 200 en El Cairo el 28 de enero.\n";
    precis_cluster *c;
    precis_analysis *an = analyze_in("spanish", t, &c);
    if (an) {
        const precis_quote *q;
        size_t n = precis_analysis_quotes(an, &q);
        T_EQ_INT(n, 3);
        const precis_quote *x = find(q, n, "presentarme");
        T_CHECK(x && x->speaker && strstr(x->speaker, "Mubarak"));
        x = find(q, n, "rechaza");
        T_CHECK(x && x->speaker && !strcmp(x->speaker, "Gamal Nasar"));
        x = find(q, n, "familias");
        T_CHECK(x && x->speaker && !strcmp(x->speaker, "Ana Torres"));
        const precis_fact *f;
        size_t nf = precis_analysis_facts(an, &f);
        int thirty = 0, jan = 0;
        for (size_t i = 0; i < nf; i++) {
            thirty |= f[i].kind == PRECIS_FACT_NUMBER && f[i].value == 30 &&
                      !strcmp(f[i].key, "manifestantes");
            jan |= f[i].kind == PRECIS_FACT_DATE && !strcmp(f[i].key, "01-28");
        }
        T_CHECK(thirty); /* "Treinta manifestantes" */
        T_CHECK(jan);    /* "28 de enero" */
        precis_analysis_free(an);
    }
    precis_cluster_free(c);

    /* no pack: the analysis runs all the same */
    an = analyze_in("german", "\"Wir schaffen das\", sagte Angela Merkel am Montag.", &c);
    T_CHECK(an != NULL);
    precis_analysis_free(an);
    precis_cluster_free(c);
}

int main(void)
{
    T_RUN(test_packs);
    T_RUN(test_lookup);
    T_RUN(test_spanish);
    return t_finish();
}
